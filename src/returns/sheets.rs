//! The request workbooks (`kaoping sheets`, SPEC §7): a project in, the bytes of one
//! xlsx workbook per sender out. Nothing here touches a file; [`crate::ops`] writes them.
//!
//! Each workbook follows the layout of [`super`] to the letter: on every data sheet the
//! columns A–J of [`COLUMNS`] under one header row whose A and B cells are the keys
//! `unit_id` and `item_id` (the other cells [`Column::title`] in the workbook's language),
//! the ids in the hidden columns A and B of every data row, and the custom document
//! properties [`PROP_FINGERPRINT`], [`PROP_FROM`], [`PROP_STEP`], [`PROP_INTO`] and
//! [`PROP_YEAR`].
//!
//! # Who gets what
//!
//! - [`Recipients::Departments`]: one workbook per department that is `responsible` for
//!   at least one indicator (a lead or co-organiser only is not asked), one worksheet
//!   per such indicator, in the project's order, named by its `short` name or else its
//!   name (made valid and unique for Excel). Its rows: every county and the zone the
//!   indicator applies to (`units`), in the project's order; a unit that is not a pilot
//!   of a `pilot` indicator gets a preparation row (the Score column). Pre-filled from
//!   `[scores]`; into `scores`; the step is the first `[[procedure]]` step with
//!   `returns = "departments"` (else `assessment`). A department's own row of an
//!   indicator is not asked for: it is the sum of the counties' (`aggregate`) or entered
//!   by the office.
//! - [`Recipients::Units`]: one workbook per county and the zone, one worksheet (named
//!   by the unit): its organisation items that apply to its kind (the maximum in the
//!   item's name), the survey, every indicator that applies to it (base and unit of
//!   measure in the name; a preparation row where it is not a pilot), its penalties and
//!   two empty penalty rows for new ones. Pre-filled from `[selfcheck]` (never from the
//!   assessed `[scores]`: a self-check is the unit's own word); into `selfcheck`; the
//!   step is the first step with `returns = "units"` (else `self-check`). Departments
//!   get no self-check workbook: their self-check of their own indicators is what the
//!   assessment workbook asks of them, and their organisation items are few enough to
//!   enter by hand — decided for this version, see docs/RETURNS.md.
//!
//! # Which cells are open
//!
//! A value cell (E–I) is open (unlocked, white, with data validation) only where the
//! row can hold it: target and actual on a quantitative row; status and deduction on a
//! qualitative one; only the score on an organisation item, the survey and a
//! preparation row; status (the level of the circular) and score (explicit points) on a
//! penalty row. An indicator with no `kind` takes the kind of the row already entered;
//! with none entered all four of target, actual, status and deduction are open (the
//! sender gives either kind). The remark (J) is open on every data row; everything else
//! is locked, and every sheet is protected without a password (it stops slips, not
//! people: a password would only lock the office out of its own forms), allowing column
//! widths and row heights to change.
//!
//! Numbers are written as numbers (an exact decimal becomes the f64 a cell holds, shown
//! in the General format, which writes it back as typed); status and levels as the
//! first word of [`STATUS_COMPLETE`] etc. in the workbook's language (`已完成` or
//! `complete`). Every sheet prints on A4, landscape, one page wide, the header row on
//! every page.

use super::{
    COLUMNS, Column, ITEM_ORG_PREFIX, ITEM_PENALTY, ITEM_SURVEY, LEVEL_MUNICIPAL, LEVEL_PROVINCIAL,
    PROP_FINGERPRINT, PROP_FROM, PROP_INTO, PROP_STEP, PROP_YEAR, STATUS_COMPLETE,
    STATUS_INCOMPLETE, fingerprint, procedure_year,
};
use crate::i18n::{Lang, SheetsText};
use crate::project::{
    Department, Indicator, Penalty, PenaltyKind, Project, Returns, Row, RowKind, SheetKind, Unit,
    UnitScores,
};
use crate::text::{clean, width};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, Format, FormatBorder,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};
use std::collections::HashSet;

/// Who the workbooks are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Recipients {
    /// One per responsible department: its indicators × the counties and the zone.
    #[default]
    Departments,
    /// One per county and the zone: its whole self-check sheet.
    Units,
}

/// One workbook to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestWorkbook {
    /// The file's name (no folder), safe on every file system.
    pub file_name: String,
    /// The id of the department or unit it is for ([`PROP_FROM`]).
    pub from: String,
    /// The bytes of the .xlsx file.
    pub bytes: Vec<u8>,
}

/// The step a return answers when the project has no step for it.
pub const DEFAULT_STEP_DEPARTMENTS: &str = "assessment";
pub const DEFAULT_STEP_UNITS: &str = "self-check";
/// How many empty penalty rows a self-check sheet offers for new penalties.
pub const EMPTY_PENALTY_ROWS: usize = 2;
/// The row of the header (0-based): a title and two lines of notes stand above it.
pub const HEADER_ROW: u32 = 3;
/// Paper size 9 is A4 in Excel's numbering.
const A4: u8 = 9;

/// The request workbooks of a project: one per department responsible for an indicator,
/// or one per county and the zone, in the project's order. `Err` is the spreadsheet
/// writer's message (it has no other way to fail).
pub fn request_workbooks(
    project: &Project,
    who: Recipients,
    lang: Lang,
) -> Result<Vec<RequestWorkbook>, String> {
    let plans = match who {
        Recipients::Departments => project
            .departments
            .iter()
            .filter_map(|d| department_plan(project, d, lang))
            .collect::<Vec<_>>(),
        Recipients::Units => project
            .units
            .iter()
            .map(|u| unit_plan(project, u, lang))
            .collect(),
    };
    let (step, into) = step_of(project, who);
    let mut names = HashSet::new();
    plans
        .into_iter()
        .map(|plan| {
            let bytes = render(project, &plan, &step, into, lang).map_err(|e| e.to_string())?;
            Ok(RequestWorkbook {
                file_name: unique_file_name(&plan.file_stem, &mut names),
                from: plan.from,
                bytes,
            })
        })
        .collect()
}

/// The step and the sheets of a return from these recipients.
pub fn step_of(project: &Project, who: Recipients) -> (String, SheetKind) {
    let (returns, fallback, into) = match who {
        Recipients::Departments => (
            Returns::Departments,
            DEFAULT_STEP_DEPARTMENTS,
            SheetKind::Scores,
        ),
        Recipients::Units => (Returns::Units, DEFAULT_STEP_UNITS, SheetKind::Selfcheck),
    };
    let step = project
        .procedure
        .iter()
        .find(|s| s.returns == Some(returns))
        .map_or_else(|| fallback.to_string(), |s| s.id.clone());
    (step, into)
}

/// A file name safe on every file system: no `/ \ : * ? " < > |` or control
/// characters, no dot or space at either end, never empty.
pub fn safe_file_name(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if crate::text::is_unsafe(c) => '_',
            c => c,
        })
        .collect();
    let safe = safe.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if safe.is_empty() {
        "_".into()
    } else {
        safe.to_string()
    }
}

/// `<stem>.xlsx`, made safe, with ` (2)`, ` (3)`, … when two senders share a name (file
/// systems that ignore case are taken into account).
fn unique_file_name(stem: &str, used: &mut HashSet<String>) -> String {
    let stem = safe_file_name(stem);
    let mut name = format!("{stem}.xlsx");
    let mut n = 2;
    while !used.insert(name.to_lowercase()) {
        name = format!("{stem} ({n}).xlsx");
        n += 1;
    }
    name
}

// ---- the plan: what each sheet holds, before it is drawn ----------------------------------

/// A workbook to draw.
struct Plan {
    from: String,
    file_stem: String,
    sheets: Vec<SheetPlan>,
}

struct SheetPlan {
    name: String,
    /// The lines above the header: a title and the notes.
    lines: [String; HEADER_ROW as usize],
    rows: Vec<PlanRow>,
}

struct PlanRow {
    unit_id: String,
    item_id: String,
    unit: String,
    item: String,
    /// Target, actual, status, deduction, score (E–I).
    values: [Cell; 5],
    remark: String,
}

/// A value cell.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    /// Not for this row: locked and grey.
    Locked,
    /// A decimal ≥ 0, pre-filled or empty.
    Number(Option<Decimal>),
    /// One of a list, pre-filled or empty.
    Choice(&'static [&'static str; 2], Option<&'static str>),
}

/// The words a status cell offers, in the workbook's language.
fn status_words(lang: Lang) -> &'static [&'static str; 2] {
    static ZH: [&str; 2] = [STATUS_COMPLETE[0], STATUS_INCOMPLETE[0]];
    static EN: [&str; 2] = [STATUS_COMPLETE[1], STATUS_INCOMPLETE[1]];
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// The words a penalty's level offers, in the workbook's language.
fn level_words(lang: Lang) -> &'static [&'static str; 2] {
    static ZH: [&str; 2] = [LEVEL_PROVINCIAL[0], LEVEL_MUNICIPAL[0]];
    static EN: [&str; 2] = [LEVEL_PROVINCIAL[1], LEVEL_MUNICIPAL[1]];
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A decimal as the notes write it: as entered (`0.80` → `0.8`).
fn entered(v: Decimal) -> String {
    v.normalize().to_string()
}

/// The value cells of an indicator's completion row (target, actual, status, deduction,
/// score), pre-filled from `row`. The kind is the indicator's, else the entered row's;
/// with neither, all four are open.
fn completion_cells(indicator: &Indicator, row: Option<&Row>, lang: Lang) -> [Cell; 5] {
    let (mut target, mut actual, mut status, mut deduction) = (None, None, None, None);
    match row {
        Some(Row::Quantitative {
            target: t,
            actual: a,
        }) => (target, actual) = (*t, *a),
        Some(Row::Qualitative {
            complete,
            deduction: d,
        }) => {
            let words = status_words(lang);
            status = Some(if *complete { words[0] } else { words[1] });
            deduction = *d;
        }
        _ => {}
    }
    let kind = indicator.kind.or_else(|| row.and_then(RowKind::of));
    let words = status_words(lang);
    let quantitative = [Cell::Number(target), Cell::Number(actual)];
    let qualitative = [Cell::Choice(words, status), Cell::Number(deduction)];
    let [t, a] = match kind {
        Some(RowKind::Qualitative) => [Cell::Locked, Cell::Locked],
        _ => quantitative,
    };
    let [s, d] = match kind {
        Some(RowKind::Quantitative) => [Cell::Locked, Cell::Locked],
        _ => qualitative,
    };
    [t, a, s, d, Cell::Locked]
}

/// The value cells of a row with a score only (organisation, survey, preparation).
fn score_cells(score: Option<Decimal>) -> [Cell; 5] {
    [
        Cell::Locked,
        Cell::Locked,
        Cell::Locked,
        Cell::Locked,
        Cell::Number(score),
    ]
}

/// The row of one indicator for one unit, pre-filled from its sheet.
fn indicator_row(
    indicator: &Indicator,
    unit: &Unit,
    sheet: Option<&UnitScores>,
    item: String,
    lang: Lang,
) -> PlanRow {
    let row = sheet.and_then(|s| s.indicators.get(&indicator.id));
    let values = if indicator.is_pilot(&unit.id) {
        completion_cells(indicator, row, lang)
    } else {
        score_cells(match row {
            Some(Row::Preparation { prep }) => Some(*prep),
            _ => None,
        })
    };
    PlanRow {
        unit_id: unit.id.clone(),
        item_id: indicator.id.clone(),
        unit: unit.name.clone(),
        item,
        values,
        remark: String::new(),
    }
}

/// The due day of the step a return answers, as written (`2027-01-25`).
fn due_of(project: &Project, returns: Returns) -> Option<String> {
    project
        .procedure
        .iter()
        .find(|s| s.returns == Some(returns))
        .map(|s| s.due.to_string())
}

/// A department's workbook: `None` when it is responsible for no indicator.
fn department_plan(project: &Project, department: &Department, lang: Lang) -> Option<Plan> {
    let t = SheetsText(lang);
    let scored: Vec<&Indicator> = project
        .indicators
        .iter()
        .filter(|i| i.assesses(&department.id))
        .collect();
    if scored.is_empty() {
        return None;
    }
    let how = match due_of(project, Returns::Departments) {
        Some(due) => t.how_department_due(&due),
        None => t.how_department(),
    };
    let mut used = HashSet::new();
    let sheets = scored
        .into_iter()
        .map(|indicator| {
            let name = indicator.short.as_deref().unwrap_or(&indicator.name);
            let rows = project
                .units
                .iter()
                .filter(|u| indicator.applies_to(&u.id))
                .map(|u| {
                    let item = if indicator.is_pilot(&u.id) {
                        indicator.name.clone()
                    } else {
                        t.indicator_preparation(&indicator.name, &entered(indicator.base))
                    };
                    indicator_row(indicator, u, project.scores.get(&u.id), item, lang)
                })
                .collect();
            SheetPlan {
                name: crate::report::sheet_name(name, &mut used),
                lines: [
                    t.title_department(&project.title, &department.name, &indicator.name),
                    t.indicator_notes(indicator),
                    how.clone(),
                ],
                rows,
            }
        })
        .collect();
    Some(Plan {
        from: department.id.clone(),
        file_stem: t.file_department(&department.name),
        sheets,
    })
}

/// A county's or the zone's self-check workbook.
fn unit_plan(project: &Project, unit: &Unit, lang: Lang) -> Plan {
    let t = SheetsText(lang);
    let sheet = project.selfcheck.get(&unit.id);
    let row = |item_id: String, item: String, values: [Cell; 5], remark: String| PlanRow {
        unit_id: unit.id.clone(),
        item_id,
        unit: unit.name.clone(),
        item,
        values,
        remark,
    };
    let mut rows = Vec::new();
    for o in project.organization.iter().filter(|o| o.applies(unit.kind)) {
        let score = sheet.and_then(|s| s.organization.get(&o.id)).copied();
        rows.push(row(
            format!("{ITEM_ORG_PREFIX}{}", o.id),
            t.item_max(&o.name, &entered(o.max)),
            score_cells(score),
            String::new(),
        ));
    }
    rows.push(row(
        ITEM_SURVEY.to_string(),
        t.item_max(&t.survey_item(), &entered(project.sections.survey)),
        score_cells(sheet.and_then(|s| s.survey)),
        String::new(),
    ));
    for indicator in project.indicators.iter().filter(|i| i.applies_to(&unit.id)) {
        let base = entered(indicator.base);
        let item = if !indicator.is_pilot(&unit.id) {
            t.indicator_preparation(&indicator.name, &base)
        } else if let Some(measure) = &indicator.measure {
            t.indicator_measured(&indicator.name, measure, &base)
        } else {
            t.indicator_plain(&indicator.name, &base)
        };
        rows.push(indicator_row(indicator, unit, sheet, item, lang));
    }
    let penalties = sheet.map(|s| s.penalties.as_slice()).unwrap_or_default();
    for p in penalties {
        rows.push(penalty_row(unit, Some(p), lang));
    }
    for _ in 0..EMPTY_PENALTY_ROWS {
        rows.push(penalty_row(unit, None, lang));
    }
    let how = match due_of(project, Returns::Units) {
        Some(due) => t.how_unit_due(&due),
        None => t.how_unit(),
    };
    let mut used = HashSet::new();
    Plan {
        from: unit.id.clone(),
        file_stem: t.file_unit(&unit.name),
        sheets: vec![SheetPlan {
            name: crate::report::sheet_name(&unit.name, &mut used),
            lines: [t.title_unit(&project.title, &unit.name), String::new(), how],
            rows,
        }],
    }
}

/// A penalty row: the level or the points, the note as its remark (empty: a new one).
fn penalty_row(unit: &Unit, penalty: Option<&Penalty>, lang: Lang) -> PlanRow {
    let words = level_words(lang);
    let (level, points) = match penalty.map(|p| p.kind) {
        Some(PenaltyKind::Provincial) => (Some(words[0]), None),
        Some(PenaltyKind::Municipal) => (Some(words[1]), None),
        Some(PenaltyKind::Points(points)) => (None, Some(points)),
        None => (None, None),
    };
    PlanRow {
        unit_id: unit.id.clone(),
        item_id: ITEM_PENALTY.to_string(),
        unit: unit.name.clone(),
        item: SheetsText(lang).penalty_item(),
        values: [
            Cell::Locked,
            Cell::Locked,
            Cell::Choice(words, level),
            Cell::Locked,
            Cell::Number(points),
        ],
        remark: penalty.map(|p| p.note.clone()).unwrap_or_default(),
    }
}

// ---- drawing ------------------------------------------------------------------------------

/// The formats of a request workbook.
struct Formats {
    title: Format,
    note: Format,
    header: Format,
    text: Format,
    open_number: Format,
    open_text: Format,
    locked: Format,
}

impl Formats {
    fn new() -> Formats {
        let border = |f: Format| f.set_border(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            note: Format::new().set_font_color(Color::RGB(0x404040)),
            header: border(
                Format::new()
                    .set_bold()
                    .set_background_color(Color::RGB(0xDDE4EE)),
            ),
            text: border(Format::new()),
            open_number: border(Format::new().set_unlocked().set_num_format("General")),
            open_text: border(Format::new().set_unlocked()),
            locked: border(Format::new().set_background_color(Color::RGB(0xE7E6E6))),
        }
    }
}

/// The workbook as the bytes of an .xlsx file.
fn render(
    project: &Project,
    plan: &Plan,
    step: &str,
    into: SheetKind,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let mut properties = DocProperties::new()
        .set_title(clean(&project.title))
        .set_custom_property(PROP_FINGERPRINT, fingerprint(project))
        .set_custom_property(PROP_FROM, plan.from.as_str())
        .set_custom_property(PROP_STEP, step)
        .set_custom_property(PROP_INTO, into.key());
    if let Some(year) = procedure_year(project) {
        properties = properties.set_custom_property(PROP_YEAR, year.to_string().as_str());
    }
    workbook.set_properties(&properties);
    let formats = Formats::new();
    for sheet_plan in &plan.sheets {
        let sheet = workbook.add_worksheet();
        draw_sheet(sheet, sheet_plan, &formats, lang)?;
    }
    workbook.save_to_buffer()
}

/// The column index of a column of the layout.
fn col(c: Column) -> u16 {
    COLUMNS.iter().position(|x| *x == c).unwrap_or(0) as u16
}

fn draw_sheet(
    sheet: &mut Worksheet,
    plan: &SheetPlan,
    formats: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    let chinese = lang == Lang::Zh;
    let t = SheetsText(lang);
    sheet.set_name(&plan.name)?;
    // Above the header: the title and the notes, in column C (A and B are hidden).
    for (r, line) in plan.lines.iter().enumerate() {
        if line.is_empty() {
            continue;
        }
        let format = if r == 0 {
            &formats.title
        } else {
            &formats.note
        };
        sheet.write_string_with_format(r as u32, col(Column::Unit), clean(line), format)?;
    }
    // The header: the keys over the hidden ids, the titles over the rest.
    for c in COLUMNS {
        sheet.write_string_with_format(HEADER_ROW, col(c), c.title(chinese), &formats.header)?;
    }
    let number = DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_error_title(t.invalid_title())?
        .set_error_message(t.invalid_number())?;
    let mut widths: Vec<usize> = COLUMNS.iter().map(|c| width(c.title(chinese))).collect();
    for (i, row) in plan.rows.iter().enumerate() {
        let r = HEADER_ROW + 1 + i as u32;
        let texts = [
            (Column::UnitId, &row.unit_id),
            (Column::ItemId, &row.item_id),
            (Column::Unit, &row.unit),
            (Column::Item, &row.item),
        ];
        for (c, text) in texts {
            let text = clean(text);
            widths[col(c) as usize] = widths[col(c) as usize].max(width(&text));
            sheet.write_string_with_format(r, col(c), text, &formats.text)?;
        }
        let value_columns = [
            Column::Target,
            Column::Actual,
            Column::Status,
            Column::Deduction,
            Column::Score,
        ];
        for (c, cell) in value_columns.into_iter().zip(&row.values) {
            let at = col(c);
            match cell {
                Cell::Locked => {
                    sheet.write_blank(r, at, &formats.locked)?;
                }
                Cell::Number(value) => {
                    match value {
                        Some(v) => {
                            let shown = entered(*v);
                            widths[at as usize] = widths[at as usize].max(width(&shown));
                            sheet.write_number_with_format(
                                r,
                                at,
                                v.to_f64().unwrap_or(0.0),
                                &formats.open_number,
                            )?;
                        }
                        None => {
                            sheet.write_blank(r, at, &formats.open_number)?;
                        }
                    }
                    sheet.add_data_validation(r, at, r, at, &number)?;
                }
                Cell::Choice(words, value) => {
                    match value {
                        Some(v) => {
                            sheet.write_string_with_format(r, at, *v, &formats.open_text)?;
                        }
                        None => {
                            sheet.write_blank(r, at, &formats.open_text)?;
                        }
                    }
                    for w in words.iter() {
                        widths[at as usize] = widths[at as usize].max(width(w) + 2);
                    }
                    let list = DataValidation::new()
                        .allow_list_strings(&words[..])?
                        .set_error_title(t.invalid_title())?
                        .set_error_message(t.invalid_choice())?;
                    sheet.add_data_validation(r, at, r, at, &list)?;
                }
            }
        }
        let remark = clean(&row.remark);
        let at = col(Column::Remark);
        widths[at as usize] = widths[at as usize].max(width(&remark));
        if remark.is_empty() {
            sheet.write_blank(r, at, &formats.open_text)?;
        } else {
            sheet.write_string_with_format(r, at, remark, &formats.open_text)?;
        }
    }
    // Widths in display columns (a Chinese character counts two), with room to spare;
    // the remark has room to write in.
    widths[col(Column::Remark) as usize] = widths[col(Column::Remark) as usize].max(24);
    let mut printed = 0;
    for (c, w) in COLUMNS.iter().zip(&widths) {
        let w = (*w + 2).clamp(8, 70);
        sheet.set_column_width(col(*c), w as f64)?;
        if !matches!(c, Column::UnitId | Column::ItemId) {
            printed += w;
        }
    }
    sheet.set_column_hidden(col(Column::UnitId))?;
    sheet.set_column_hidden(col(Column::ItemId))?;
    sheet.set_freeze_panes(HEADER_ROW + 1, col(Column::Item) + 1)?;
    // Printing: A4, one page wide, the header on every page; landscape when the
    // columns are wider than a portrait page holds (about 90 character widths).
    sheet.set_paper_size(A4);
    if printed > 90 {
        sheet.set_landscape();
    }
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_unique() {
        assert_eq!(
            safe_file_name("a/b\\c:d*e?f\"g<h>i|j"),
            "a_b_c_d_e_f_g_h_i_j"
        );
        assert_eq!(safe_file_name(" 市人社局. "), "市人社局");
        assert_eq!(safe_file_name("x\u{7}y"), "x_y");
        assert_eq!(safe_file_name(".."), "_");
        let mut used = HashSet::new();
        assert_eq!(unique_file_name("甲县自查表", &mut used), "甲县自查表.xlsx");
        assert_eq!(
            unique_file_name("甲县自查表", &mut used),
            "甲县自查表 (2).xlsx"
        );
        assert_eq!(unique_file_name("A", &mut used), "A.xlsx");
        assert_eq!(unique_file_name("a", &mut used), "a (2).xlsx");
    }

    #[test]
    fn an_indicator_without_a_kind_opens_what_was_entered_or_both() {
        let demo = crate::project::demo();
        let mut free = demo.indicator("new-jobs").unwrap().clone();
        free.kind = None;
        let open = completion_cells(&free, None, Lang::Zh);
        assert!(open[..4].iter().all(|c| *c != Cell::Locked), "{open:?}");
        assert_eq!(open[4], Cell::Locked);
        let entered = Row::Qualitative {
            complete: false,
            deduction: Some(Decimal::new(8, 1)),
        };
        let cells = completion_cells(&free, Some(&entered), Lang::Zh);
        assert_eq!(cells[0], Cell::Locked);
        assert_eq!(
            cells[2],
            Cell::Choice(status_words(Lang::Zh), Some("未完成"))
        );
        assert_eq!(cells[3], Cell::Number(Some(Decimal::new(8, 1))));
        let mut fixed = free.clone();
        fixed.kind = Some(RowKind::Quantitative);
        let cells = completion_cells(&fixed, Some(&entered), Lang::En);
        assert_eq!(cells[0], Cell::Number(None));
        assert_eq!(cells[2], Cell::Locked);
    }

    #[test]
    fn the_step_is_the_procedures_or_the_default() {
        let mut demo = crate::project::demo();
        assert_eq!(
            step_of(&demo, Recipients::Departments),
            ("assessment".to_string(), SheetKind::Scores)
        );
        assert_eq!(
            step_of(&demo, Recipients::Units),
            ("self-check".to_string(), SheetKind::Selfcheck)
        );
        demo.procedure[0].id = "own".into();
        demo.procedure[1].returns = None;
        assert_eq!(step_of(&demo, Recipients::Units).0, "own");
        assert_eq!(step_of(&demo, Recipients::Departments).0, "assessment");
    }
}

//! Taking a return in (`kaoping import`, and the terminal program's `I`): the rows of a
//! [`ReadReturn`] → the [`Edit`]s they make, checked as every edit is, with what they
//! change ([`ImportPlan`]) — or every cell that cannot go in ([`ImportErrors`]). Pure:
//! no file is read or written, nothing printed.
//!
//! The rules (docs/RETURNS.md says them for users):
//! - **Whose**: a workbook whose fingerprint is not the project's (another project's
//!   title, another year) is refused whole. A workbook or CSV without one (typed by
//!   hand) is not checked.
//! - **The same file twice** (same SHA-256 as a `[[returns]]` entry) changes nothing:
//!   the plan holds no edit and says when it was taken in.
//! - **Which sheets**: `into` (the command line's `--into`), else the workbook's
//!   [`PROP_INTO`](super::PROP_INTO), else the assessed `[scores]`; `into` against the
//!   workbook's is refused.
//! - **Whose rows**: only the sender's: a county's or the zone's own rows; a
//!   department's own rows and those of the indicators it is responsible for or leads.
//! - **Not filled**: a return with no value cell filled is refused.
//! - **Which row**: by the hidden `unit_id` and `item_id`; a row without them by the
//!   unit's name (a county, the zone or a department) and the item's name (an indicator's
//!   name or short name, an organisation item's name, 群众满意度 / 群众测评 / survey,
//!   处分扣分 / penalty; an id typed instead of a name is taken too). A name that is not
//!   there is an error with the closest names (by edit distance, or one containing the
//!   other). The same unit and item twice is an error naming both rows.
//! - **Blank cells leave the value as it is**: a row is merged onto the row the project
//!   holds (only `actual` filled keeps the target; a qualitative row keeps its status
//!   when only a deduction is given, and a deduction on a row without one reads as not
//!   met). An import never empties a value; clearing is done in kaoping. A `score` on an
//!   indicator row is a preparation score (`prep`). A value in a column the item does not
//!   take (a target on the survey row) is an error.
//! - **Penalties** are matched by position: a unit's first penalty row sets its first
//!   penalty, and so on; a row beyond its list adds one. An import never removes a
//!   penalty. The remark is the penalty's note (kept when blank).
//! - **Numbers**: a number cell as the spreadsheet shows it; a number stored as text by
//!   the paste rules ([`crate::project::number_in_text`]: `1,800`, `1，800`, full-width
//!   digits; `95%` only on an indicator measured in `%`); a date is refused.
//! - **Checks**: every edit is applied to a copy of the project, which is checked and
//!   scored exactly as after an edit in kaoping ([`check_and_score`], which checks the
//!   self-check sheets at their `selfcheck.` paths too); the project had no error, so each
//!   error is said at the cell(s) whose edit caused it. Every error of the return is said,
//!   not only the first.
//! - **What it records**: one [`Edit::AddReturn`] after the value edits: the file's name
//!   (no folder), its SHA-256, the sender ([`PROP_FROM`](super::PROP_FROM); for a sheet
//!   typed by hand, the one unit all its rows are for, else the one department
//!   responsible for every indicator in it; else it is refused, naming no sender), the
//!   step ([`PROP_STEP`](super::PROP_STEP), else the first `[[procedure]]` step owed by
//!   the sender's kind, else the first step), the sheets, the day, and `rows`: the number
//!   of values the import changed. A return that changes no value is still recorded (it
//!   was received), so that `kaoping status` knows it came in.
//! - **The preview** is [`crate::diff::diff`] of before and after: for self-check sheets
//!   the self-check values that change (the assessed scores, ranks and awards do not).

use super::read::{Cell, CellRef, Raw, ReadError, ReadReturn, ReturnRow};
use super::{
    Column, ITEM_ORG_PREFIX, ITEM_PENALTY, ITEM_SURVEY, LEVEL_MUNICIPAL, LEVEL_PROVINCIAL,
    STATUS_COMPLETE, STATUS_INCOMPLETE, fingerprint, procedure_year,
};
use crate::check::check_and_score;
use crate::diff::Diff;
use crate::edit::{Edit, apply_to_project};
use crate::i18n::{Lang, ReturnsText};
use crate::project::problem::Problem;
use crate::project::{
    Date, NumberTextError, PathSeg, Penalty, PenaltyKind, Project, ReturnEntry, Returns, Row,
    RowKind, SheetKind, TomlPath, UnitKind, number_in_text,
};
use crate::scoring::Scoreboard;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// What taking a return in will do.
#[derive(Debug, Clone)]
pub struct ImportPlan {
    /// The value edits (already made for the sheets of `into`), then the
    /// [`Edit::AddReturn`]; empty when the file was taken in before.
    pub edits: Vec<Edit>,
    /// The project and its scores after the edits.
    pub project: Project,
    pub board: Scoreboard,
    /// Before → after, for the preview.
    pub diff: Diff,
    /// The entry recorded (or, when `already`, the entry of the first time).
    pub entry: ReturnEntry,
    /// The file was taken in before (on `entry.received`): nothing changes.
    pub already: bool,
    /// The units (and departments) whose values change.
    pub units: usize,
}

impl ImportPlan {
    /// Whether taking it in changes a value (else it only records the return).
    pub fn changes_values(&self) -> bool {
        !self.already && self.entry.rows > 0
    }

    /// The one line that says what the import does.
    pub fn summary(&self, lang: Lang) -> String {
        let t = ReturnsText(lang);
        if self.already {
            return t.already(&self.entry.file, &self.entry.received.to_string());
        }
        let into = t.sheets(self.entry.into);
        if self.entry.rows == 0 {
            return t.receipt_only(&self.entry.file, &into);
        }
        t.summary(self.entry.rows, self.units, &self.entry.file, &into)
    }
}

/// Why a return cannot go in: every cell that cannot, each said once.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportErrors {
    pub file: String,
    pub errors: Vec<ImportError>,
}

/// One thing in a return that cannot go in.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The file itself cannot be read (see [`ReadError`]).
    Read(ReadError),
    /// Made for another project or year.
    OtherProject {
        title: Option<String>,
        year: Option<String>,
        project_title: String,
        project_year: Option<u16>,
    },
    /// A value that is not a number.
    NotANumber {
        at: CellRef,
        column: Column,
        text: String,
        why: NumberTextError,
    },
    /// A date where a number (or a status) should be.
    ADate {
        at: CellRef,
        column: Column,
        text: String,
    },
    /// A status that is not 已完成 / 未完成 (or a penalty's level that is not one).
    NotAStatus {
        at: CellRef,
        text: String,
        penalty: bool,
    },
    /// A value in a column the row's item does not take.
    NotTaken {
        at: CellRef,
        column: Column,
        item: String,
    },
    /// No unit (or department) by this id or name.
    UnknownUnit {
        at: CellRef,
        name: String,
        suggestions: Vec<String>,
    },
    /// No indicator, organisation item, survey or penalty by this id or name.
    UnknownItem {
        at: CellRef,
        name: String,
        suggestions: Vec<String>,
    },
    /// A row with values but no unit or no item.
    Unnamed {
        at: CellRef,
        column: Column,
    },
    /// The same unit and item on two rows.
    Twice {
        at: CellRef,
        first: CellRef,
    },
    /// An error of the checks, at the cells whose values caused it (none: the return
    /// as a whole).
    Check {
        cells: Vec<CellRef>,
        problem: Problem,
    },
    /// The sender (`kaoping-from`) or the step (`kaoping-step`) is not in the project.
    UnknownSender {
        id: String,
    },
    UnknownStep {
        id: String,
    },
    /// Who sent it cannot be told (a hand-made sheet for several units).
    NoSender,
    /// A row the sender has no say in: another unit's (a county's or the zone's return
    /// holds its own rows only), or an indicator the department is not responsible for
    /// (nor leads).
    NotTheirs {
        at: CellRef,
        sender: String,
        unit: String,
        item: String,
    },
    /// `--into` says other sheets than the workbook was made for.
    IntoContradicts {
        workbook: SheetKind,
        asked: SheetKind,
    },
    /// `--from` names another sender than the workbook was made for.
    FromContradicts {
        workbook: String,
        asked: String,
    },
    /// Not one value cell filled in: an unfilled sheet (a request sent out, not a return).
    Empty,
    /// A qualitative row said complete with a deduction.
    DeductionWhenComplete {
        at: CellRef,
    },
    /// A number cell on an indicator measured in % holding a fraction below 1 where the
    /// target is 1 % or more: a percentage the spreadsheet stored as a fraction (3.9 %
    /// typed into a cell it formats as a percentage is 0.039).
    Fraction {
        at: CellRef,
        value: Decimal,
    },
    /// A value the file cannot hold (a negative penalty, a number beyond what a score
    /// sheet takes).
    NotWritable {
        cells: Vec<CellRef>,
    },
    /// The project has no `[[procedure]]` step to record it under.
    NoStep,
}

impl ImportErrors {
    /// Each error in a line: `人社局考核表.xlsx!城镇新增就业!F7: 实际完成值 "1,2OO" 不是数`.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        self.errors
            .iter()
            .map(|e| e.line(&self.file, lang))
            .collect()
    }
}

impl ImportError {
    /// The error in a line, placed in `file`.
    pub fn line(&self, file: &str, lang: Lang) -> String {
        let t = ReturnsText(lang);
        let zh = lang == Lang::Zh;
        let place = |at: &CellRef| at.place(file);
        let list = |names: &[String]| names.join(if zh { "、" } else { ", " });
        match self {
            ImportError::OtherProject {
                title,
                year,
                project_title,
                project_year,
            } => {
                // The year is the procedure's (its returns fall due in the January after
                // the year a title like 2026年度… evaluates): said as such.
                let with_year = |title: &str, year: &str| t.title_and_procedure_year(title, year);
                let theirs = match (title, year) {
                    (Some(t), Some(y)) => with_year(t, y),
                    (Some(t), None) => format!("“{t}”"),
                    (None, Some(y)) => with_year("?", y),
                    (None, None) => "?".to_string(),
                };
                let ours = match project_year {
                    Some(y) => with_year(project_title, &y.to_string()),
                    None => format!("“{project_title}”"),
                };
                t.other_project(file, &theirs, &ours)
            }
            ImportError::NotANumber {
                at,
                column,
                text,
                why,
            } => {
                let why = match why {
                    NumberTextError::NotANumber => t.not_a_number(),
                    NumberTextError::Grouping => t.bad_grouping(),
                    NumberTextError::Percent => t.not_a_rate(),
                };
                t.cell_error(&place(at), column.title(zh), text, &why)
            }
            ImportError::ADate { at, column, text } => {
                t.cell_error(&place(at), column.title(zh), text, &t.a_date())
            }
            ImportError::NotAStatus { at, text, penalty } => {
                let why = if *penalty {
                    t.not_a_level(LEVEL_PROVINCIAL[0], LEVEL_MUNICIPAL[0])
                } else {
                    t.not_a_status(STATUS_COMPLETE[0], STATUS_INCOMPLETE[0])
                };
                t.cell_error(&place(at), Column::Status.title(zh), text, &why)
            }
            ImportError::NotTaken { at, column, item } => {
                t.not_taken(&place(at), column.title(zh), item)
            }
            ImportError::UnknownUnit {
                at,
                name,
                suggestions,
            } if suggestions.is_empty() => t.unknown_unit(&place(at), name),
            ImportError::UnknownUnit {
                at,
                name,
                suggestions,
            } => t.unknown_unit_did_you_mean(&place(at), name, &list(suggestions)),
            ImportError::UnknownItem {
                at,
                name,
                suggestions,
            } if suggestions.is_empty() => t.unknown_item(&place(at), name),
            ImportError::UnknownItem {
                at,
                name,
                suggestions,
            } => t.unknown_item_did_you_mean(&place(at), name, &list(suggestions)),
            ImportError::Unnamed { at, column } => t.unnamed(&place(at), column.title(zh)),
            ImportError::Twice { at, first } => t.twice(&place(at), &first.a1()),
            ImportError::Check { cells, problem } => {
                let message = crate::i18n::problem_message(&problem.kind, lang);
                match cells.first() {
                    None => format!("{file}: {message}"),
                    Some(first) => {
                        let mut at = place(first);
                        for more in &cells[1..] {
                            at.push(',');
                            at.push_str(&more.a1());
                        }
                        format!("{at}: {message}")
                    }
                }
            }
            ImportError::UnknownSender { id } => t.unknown_sender(file, id),
            ImportError::UnknownStep { id } => t.unknown_step(file, id),
            ImportError::NoSender => t.no_sender(file),
            ImportError::NotTheirs {
                at,
                sender,
                unit,
                item,
            } => {
                let item = match item.as_str() {
                    ITEM_SURVEY => crate::i18n::T::SurveyShort.get(lang).to_string(),
                    ITEM_PENALTY => crate::i18n::T::PenaltyShort.get(lang).to_string(),
                    name => name.to_string(),
                };
                t.not_theirs(&place(at), sender, unit, &item)
            }
            ImportError::IntoContradicts { workbook, asked } => {
                t.into_contradicts(file, &t.sheets(*workbook), &t.sheets(*asked))
            }
            ImportError::FromContradicts { workbook, asked } => {
                t.from_contradicts(file, workbook, asked)
            }
            ImportError::Empty => t.empty(file),
            ImportError::DeductionWhenComplete { at } => t.deduction_when_complete(&place(at)),
            ImportError::Fraction { at, value } => {
                let percent = (*value * Decimal::ONE_HUNDRED).normalize().to_string();
                t.fraction(&place(at), &value.normalize().to_string(), &percent)
            }
            ImportError::NotWritable { cells } => {
                let mut at = cells.first().map_or_else(|| file.to_string(), place);
                for more in cells.iter().skip(1) {
                    at.push(',');
                    at.push_str(&more.a1());
                }
                t.not_writable(&at)
            }
            ImportError::NoStep => t.no_step(file),
            ImportError::Read(e) => e.line(file, lang),
        }
    }
}

/// What a row is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Item {
    Indicator(String),
    Org(String),
    Survey,
    Penalty,
}

/// One edit and the cells it came from (by column).
struct Made {
    edit: Edit,
    cells: Vec<(Column, CellRef)>,
    /// The values it changes.
    values: u32,
    unit: String,
    item: Item,
    /// The row's unit cell and item cell (the id's, else the name's).
    at: CellRef,
    item_at: CellRef,
}

/// Plans taking a return in: see the module's doc.
pub fn plan(
    project: &Project,
    board: &Scoreboard,
    ret: &ReadReturn,
    file_name: &str,
    sha256: &str,
    into: Option<SheetKind>,
    today: Date,
) -> Result<ImportPlan, ImportErrors> {
    let file = file_name.to_string();
    let refuse = |errors: Vec<ImportError>| ImportErrors {
        file: file.clone(),
        errors,
    };
    if let Some(print) = &ret.props.fingerprint
        && *print != fingerprint(project)
    {
        return Err(refuse(vec![ImportError::OtherProject {
            title: ret.props.title.clone(),
            year: ret.props.year.clone(),
            project_title: project.title.clone(),
            project_year: procedure_year(project),
        }]));
    }
    if let Some(entry) = project.returns.iter().find(|r| r.sha256 == sha256) {
        return Ok(ImportPlan {
            edits: Vec::new(),
            project: project.clone(),
            board: board.clone(),
            diff: Diff::default(),
            entry: entry.clone(),
            already: true,
            units: 0,
        });
    }
    let made_for = ret.props.into.as_deref().and_then(SheetKind::from_key);
    if let (Some(workbook), Some(asked)) = (made_for, into)
        && workbook != asked
    {
        // A self-check is the unit's word, an assessment the department's: neither
        // goes in as the other.
        return Err(refuse(vec![ImportError::IntoContradicts {
            workbook,
            asked,
        }]));
    }
    let kind = into.or(made_for).unwrap_or_default();
    let filled = |row: &ReturnRow| {
        [
            Column::Target,
            Column::Actual,
            Column::Status,
            Column::Deduction,
            Column::Score,
        ]
        .into_iter()
        .any(|c| row.cell(c).is_some())
    };
    if !ret.rows.iter().any(filled) {
        return Err(refuse(vec![ImportError::Empty]));
    }

    let mut errors = Vec::new();
    let mut made: Vec<Made> = Vec::new();
    let mut seen: HashMap<(String, Item), CellRef> = HashMap::new();
    let mut penalties_seen: HashMap<String, usize> = HashMap::new();
    let names = Names::of(project);
    let mut row_units: Vec<String> = Vec::new();
    let mut row_indicators: Vec<String> = Vec::new();
    for row in &ret.rows {
        let Some((unit, item)) = identify(project, &names, row, &mut errors) else {
            continue;
        };
        row_units.push(unit.clone());
        if let Item::Indicator(i) = &item {
            row_indicators.push(i.clone());
        }
        let key = (unit.clone(), item.clone());
        if item != Item::Penalty {
            let here = row.at(Column::Item);
            if let Some(first) = seen.get(&key) {
                errors.push(ImportError::Twice {
                    at: here,
                    first: first.clone(),
                });
                continue;
            }
            seen.insert(key, here);
        }
        let sheet = project.sheets(kind).get(&unit);
        let penalty_index = if item == Item::Penalty {
            let n = penalties_seen.entry(unit.clone()).or_default();
            *n += 1;
            *n - 1
        } else {
            0
        };
        if let Some(m) = merge(
            project,
            sheet,
            &unit,
            &item,
            penalty_index,
            row,
            &mut errors,
        ) {
            made.push(m);
        }
    }
    // The sender and the step (said only when the rows themselves are good).
    let row_errors = !errors.is_empty();
    let from = match &ret.props.from {
        Some(id) if project.kind_of(id).is_some() => Some(id.clone()),
        Some(id) => {
            errors.push(ImportError::UnknownSender { id: id.clone() });
            None
        }
        None => sender(project, &row_units, &row_indicators),
    };
    if from.is_none() && !row_errors && ret.props.from.is_none() {
        errors.push(ImportError::NoSender);
    }
    // Every row is the sender's to fill, and every value one the file can hold.
    if let Some(sender) = &from {
        let department = project.kind_of(sender) == Some(UnitKind::Department);
        for m in &made {
            let theirs = m.unit == *sender
                || department
                    && matches!(&m.item, Item::Indicator(i)
                    if project.indicator(i).is_some_and(|ind| {
                        ind.assesses(sender) || ind.lead.as_deref() == Some(sender)
                    }));
            if !theirs {
                let item = match &m.item {
                    Item::Indicator(id) => {
                        project.indicator(id).map_or(id.clone(), |i| i.name.clone())
                    }
                    Item::Org(id) => project.org_item(id).map_or(id.clone(), |o| o.name.clone()),
                    Item::Survey => ITEM_SURVEY.to_string(),
                    Item::Penalty => ITEM_PENALTY.to_string(),
                };
                // A department's return: the indicator is not its; a unit's: the unit.
                let at = if department { &m.item_at } else { &m.at };
                errors.push(ImportError::NotTheirs {
                    at: at.clone(),
                    sender: project.name_of(sender).to_string(),
                    unit: project.name_of(&m.unit).to_string(),
                    item,
                });
            }
        }
    }
    for m in &made {
        if !m.edit.is_well_formed() {
            errors.push(ImportError::NotWritable {
                cells: m.cells.iter().map(|(_, at)| at.clone()).collect(),
            });
        }
    }
    let step = match &ret.props.step {
        Some(id) if project.procedure.iter().any(|s| s.id == *id) => Some(id.clone()),
        Some(id) => {
            errors.push(ImportError::UnknownStep { id: id.clone() });
            None
        }
        None => {
            let owed = match from.as_deref().and_then(|f| project.kind_of(f)) {
                Some(UnitKind::Department) => Returns::Departments,
                _ => Returns::Units,
            };
            let step = project
                .procedure
                .iter()
                .find(|s| s.returns == Some(owed))
                .or_else(|| project.procedure.first())
                .map(|s| s.id.clone());
            if step.is_none() {
                errors.push(ImportError::NoStep);
            }
            step
        }
    };

    // Every value through the checks, on a copy.
    let mut after = project.clone();
    let edits: Vec<Edit> = made
        .iter()
        .map(|m| m.edit.clone().in_sheets(kind))
        .collect();
    for e in &edits {
        apply_to_project(&mut after, e);
    }
    // The checks and scores of every edit, self-check sheets included (at their
    // `selfcheck.` paths). A scored project has no error of its own (`board` is its
    // scores), so every error is the return's.
    let (problems, new_board) = check_and_score(&after);
    errors.extend(
        problems
            .into_iter()
            .filter(Problem::is_error)
            .map(|problem| ImportError::Check {
                cells: cells_of(&made, kind, &problem.path),
                problem,
            }),
    );
    let (Some(from), Some(step), true) = (from, step, errors.is_empty()) else {
        return Err(refuse(errors));
    };
    let Some(new_board) = new_board else {
        // No error was found, so the project scores.
        return Err(refuse(Vec::new()));
    };
    // What the file will hold (a self-check changes its values, never the ranking).
    let diff = crate::diff::diff(project, board, &after, &new_board);
    let board = new_board;
    let mut units: Vec<&str> = made.iter().map(|m| m.unit.as_str()).collect();
    units.sort_unstable();
    units.dedup();
    let entry = ReturnEntry {
        file: file.clone(),
        sha256: sha256.to_string(),
        from,
        step,
        into: kind,
        received: today,
        rows: made.iter().map(|m| m.values).sum(),
    };
    let mut edits = edits;
    let add = Edit::AddReturn {
        entry: entry.clone(),
    };
    apply_to_project(&mut after, &add);
    edits.push(add);
    Ok(ImportPlan {
        edits,
        project: after,
        board,
        diff,
        entry,
        already: false,
        units: units.len(),
    })
}

/// The cells behind a problem: those of the edits whose path holds the problem's (the
/// cell of the very field when the problem names one), else those of the edits under
/// the problem's path (a problem of the whole sheet).
fn cells_of(made: &[Made], kind: SheetKind, path: &TomlPath) -> Vec<CellRef> {
    let mut out: Vec<CellRef> = Vec::new();
    for m in made {
        let Some(prefix) = edit_path(kind, &m.edit) else {
            continue;
        };
        if path.0.starts_with(&prefix.0) {
            let field = path.0.get(prefix.0.len()).and_then(|s| match s {
                PathSeg::Key(k) => field_column(k),
                PathSeg::Index(_) => None,
            });
            match field.and_then(|c| m.cells.iter().find(|(col, _)| *col == c)) {
                Some((_, at)) => out.push(at.clone()),
                None => out.extend(m.cells.iter().map(|(_, at)| at.clone())),
            }
        }
    }
    if out.is_empty() {
        for m in made {
            if edit_path(kind, &m.edit).is_some_and(|p| p.0.starts_with(&path.0)) {
                out.extend(m.cells.iter().map(|(_, at)| at.clone()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The column a key of a sheet's value is typed into.
fn field_column(key: &str) -> Option<Column> {
    match key {
        "target" => Some(Column::Target),
        "actual" => Some(Column::Actual),
        "status" | "level" => Some(Column::Status),
        "deduction" => Some(Column::Deduction),
        "prep" | "points" => Some(Column::Score),
        _ => None,
    }
}

/// Where a (score-sheet) edit writes, in the sheets of `kind`.
fn edit_path(kind: SheetKind, edit: &Edit) -> Option<TomlPath> {
    let sheet = |unit: &str| TomlPath::keys(&[kind.key(), unit]);
    Some(match edit {
        Edit::SetSurvey { unit, .. } => sheet(unit).key("survey"),
        Edit::SetOrg { unit, item, .. } => sheet(unit).key("organization").key(item),
        Edit::SetRow {
            unit, indicator, ..
        } => sheet(unit).key("indicators").key(indicator),
        Edit::SetPenalty { unit, index, .. } => sheet(unit).key("penalties").index(*index),
        Edit::AddPenalty { unit, .. } => sheet(unit).key("penalties"),
        _ => return None,
    })
}

/// Who sent a sheet without [`PROP_FROM`](super::PROP_FROM): the one unit all its rows
/// are for, else the one department responsible for every indicator in it.
fn sender(project: &Project, units: &[String], indicators: &[String]) -> Option<String> {
    if let Some(first) = units.first()
        && units.iter().all(|u| u == first)
    {
        return Some(first.clone());
    }
    let first = project.indicator(indicators.first()?)?;
    first
        .responsible
        .iter()
        .find(|d| {
            indicators
                .iter()
                .all(|i| project.indicator(i).is_some_and(|ind| ind.assesses(d)))
        })
        .cloned()
}

// ---- which row ---------------------------------------------------------------------

/// The names a hand-made sheet may use.
struct Names {
    /// (name, id) of units and departments.
    units: Vec<(String, String)>,
    /// (name, item) of indicators (name and short), organisation items, survey, penalty.
    items: Vec<(String, Item)>,
}

/// What the survey row and the penalty rows are called, in either language.
const SURVEY_NAMES: &[&str] = &["群众满意度", "群众满意度测评", "群众测评", "survey"];
const PENALTY_NAMES: &[&str] = &["处分扣分", "处分", "penalty", "penalties"];

impl Names {
    fn of(p: &Project) -> Names {
        let units = p
            .units
            .iter()
            .map(|u| (u.name.trim().to_string(), u.id.clone()))
            .chain(
                p.departments
                    .iter()
                    .map(|d| (d.name.trim().to_string(), d.id.clone())),
            )
            .collect();
        let mut items: Vec<(String, Item)> = Vec::new();
        for i in &p.indicators {
            items.push((i.name.trim().to_string(), Item::Indicator(i.id.clone())));
            if let Some(short) = &i.short {
                items.push((short.trim().to_string(), Item::Indicator(i.id.clone())));
            }
        }
        for o in &p.organization {
            items.push((o.name.trim().to_string(), Item::Org(o.id.clone())));
        }
        items.extend(SURVEY_NAMES.iter().map(|n| (n.to_string(), Item::Survey)));
        items.extend(PENALTY_NAMES.iter().map(|n| (n.to_string(), Item::Penalty)));
        Names { units, items }
    }
}

/// The unit and item a row is for: by its ids, else by its names.
fn identify(
    project: &Project,
    names: &Names,
    row: &ReturnRow,
    errors: &mut Vec<ImportError>,
) -> Option<(String, Item)> {
    let text = |c: Column| row.cell(c).map(|cell| cell.raw.text().trim().to_string());
    let unit = match (text(Column::UnitId), text(Column::Unit)) {
        (Some(id), _) if project.kind_of(&id).is_some() => Some(id),
        (Some(id), _) => {
            errors.push(ImportError::UnknownUnit {
                at: row.at(Column::UnitId),
                name: id,
                suggestions: Vec::new(),
            });
            None
        }
        (None, Some(name)) => {
            let found = names
                .units
                .iter()
                .find(|(n, id)| *n == name || *id == name)
                .map(|(_, id)| id.clone());
            if found.is_none() {
                let candidates: Vec<&str> = names.units.iter().map(|(n, _)| n.as_str()).collect();
                errors.push(ImportError::UnknownUnit {
                    at: row.at(Column::Unit),
                    suggestions: suggest(&name, &candidates),
                    name,
                });
            }
            found
        }
        (None, None) => {
            errors.push(ImportError::Unnamed {
                at: row.at(Column::Unit),
                column: Column::Unit,
            });
            None
        }
    };
    let item = match (text(Column::ItemId), text(Column::Item)) {
        (Some(id), _) => match item_by_id(project, &id) {
            Some(item) => Some(item),
            None => {
                errors.push(ImportError::UnknownItem {
                    at: row.at(Column::ItemId),
                    name: id,
                    suggestions: Vec::new(),
                });
                None
            }
        },
        (None, Some(name)) => {
            let found = names
                .items
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(&name))
                .map(|(_, item)| item.clone())
                .or_else(|| item_by_id(project, &name));
            if found.is_none() {
                let mut candidates: Vec<&str> = Vec::new();
                for (n, _) in &names.items {
                    if !candidates.contains(&n.as_str()) {
                        candidates.push(n);
                    }
                }
                errors.push(ImportError::UnknownItem {
                    at: row.at(Column::Item),
                    suggestions: suggest(&name, &candidates),
                    name,
                });
            }
            found
        }
        (None, None) => {
            errors.push(ImportError::Unnamed {
                at: row.at(Column::Item),
                column: Column::Item,
            });
            None
        }
    };
    Some((unit?, item?))
}

/// An item by its `item_id` (or an indicator's id typed as its name).
fn item_by_id(project: &Project, id: &str) -> Option<Item> {
    if id == ITEM_SURVEY {
        return Some(Item::Survey);
    }
    if id == ITEM_PENALTY {
        return Some(Item::Penalty);
    }
    if let Some(org) = id.strip_prefix(ITEM_ORG_PREFIX) {
        return project.org_item(org).map(|o| Item::Org(o.id.clone()));
    }
    project.indicator(id).map(|i| Item::Indicator(i.id.clone()))
}

/// Up to three names close to `name`: one containing the other, or a few edits away
/// (at most a third of the longer name), the closest first.
pub fn suggest(name: &str, candidates: &[&str]) -> Vec<String> {
    let name = name.trim();
    let mut scored: Vec<(usize, &str)> = candidates
        .iter()
        .filter(|c| !c.is_empty() && !name.is_empty())
        .filter_map(|c| {
            let d = edit_distance(name, c);
            let longest = name.chars().count().max(c.chars().count());
            let contains = c.contains(name) || name.contains(*c);
            (contains || d * 3 <= longest).then_some((d, *c))
        })
        .collect();
    scored.sort_by_key(|(d, _)| *d);
    scored
        .into_iter()
        .take(3)
        .map(|(_, c)| c.to_string())
        .collect()
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

// ---- values ------------------------------------------------------------------------

/// A cell's number; errors said at the cell.
fn number(
    cell: &Cell,
    column: Column,
    rate: bool,
    errors: &mut Vec<ImportError>,
) -> Option<Decimal> {
    let bad = |why| ImportError::NotANumber {
        at: cell.at.clone(),
        column,
        text: cell.raw.text(),
        why,
    };
    match &cell.raw {
        Raw::Number(d) => Some(*d),
        Raw::Text(t) => match number_in_text(t, rate) {
            Ok(d) => d,
            Err(why) => {
                errors.push(bad(why));
                None
            }
        },
        Raw::Date(t) => {
            errors.push(ImportError::ADate {
                at: cell.at.clone(),
                column,
                text: t.clone(),
            });
            None
        }
        Raw::Bool(_) | Raw::Error(_) => {
            errors.push(bad(NumberTextError::NotANumber));
            None
        }
    }
}

/// Whether a status cell says complete (`Some(true)`), not complete, or neither.
fn status_of(text: &str) -> Option<bool> {
    let t = text.trim();
    let is = |list: &[&str]| list.iter().any(|s| s.eq_ignore_ascii_case(t));
    if is(STATUS_COMPLETE) {
        Some(true)
    } else if is(STATUS_INCOMPLETE) {
        Some(false)
    } else {
        None
    }
}

/// The edit a row makes, merged onto what the sheet holds; `None` when it changes
/// nothing (or has errors, pushed).
fn merge(
    project: &Project,
    sheet: Option<&crate::project::UnitScores>,
    unit: &str,
    item: &Item,
    penalty_index: usize,
    row: &ReturnRow,
    errors: &mut Vec<ImportError>,
) -> Option<Made> {
    let before = errors.len();
    let mut cells: Vec<(Column, CellRef)> = Vec::new();
    let item_name = row
        .cell(Column::Item)
        .map(|c| c.raw.text())
        .unwrap_or_else(|| match item {
            Item::Indicator(id) | Item::Org(id) => id.clone(),
            Item::Survey => ITEM_SURVEY.to_string(),
            Item::Penalty => ITEM_PENALTY.to_string(),
        });
    // Only the columns this item takes; anything in another is an error.
    let takes: &[Column] = match item {
        Item::Indicator(_) => &[
            Column::Target,
            Column::Actual,
            Column::Status,
            Column::Deduction,
            Column::Score,
        ],
        Item::Org(_) | Item::Survey => &[Column::Score],
        Item::Penalty => &[Column::Status, Column::Score],
    };
    for c in [
        Column::Target,
        Column::Actual,
        Column::Status,
        Column::Deduction,
        Column::Score,
    ] {
        if let Some(cell) = row.cell(c) {
            if takes.contains(&c) {
                cells.push((c, cell.at.clone()));
            } else {
                errors.push(ImportError::NotTaken {
                    at: cell.at.clone(),
                    column: c,
                    item: item_name.trim().to_string(),
                });
            }
        }
    }
    let rate = match item {
        Item::Indicator(id) => project
            .indicator(id)
            .and_then(|i| i.measure.as_deref())
            .is_some_and(|m| m.trim() == "%"),
        _ => false,
    };
    let num = |c: Column, errors: &mut Vec<ImportError>| {
        row.cell(c)
            .and_then(|cell| number(cell, c, rate && c != Column::Score, errors))
    };
    let made = |edit: Edit, values: u32| Made {
        edit,
        cells: cells.clone(),
        values,
        unit: unit.to_string(),
        item: item.clone(),
        at: row.at(if row.cell(Column::UnitId).is_some() {
            Column::UnitId
        } else {
            Column::Unit
        }),
        item_at: row.at(if row.cell(Column::ItemId).is_some() {
            Column::ItemId
        } else {
            Column::Item
        }),
    };
    let result = match item {
        Item::Survey => {
            let value = num(Column::Score, errors)?;
            let old = sheet.and_then(|s| s.survey);
            (old != Some(value)).then(|| {
                made(
                    Edit::SetSurvey {
                        unit: unit.to_string(),
                        value: Some(value),
                    },
                    1,
                )
            })
        }
        Item::Org(id) => {
            let value = num(Column::Score, errors)?;
            let old = sheet.and_then(|s| s.organization.get(id)).copied();
            (old != Some(value)).then(|| {
                made(
                    Edit::SetOrg {
                        unit: unit.to_string(),
                        item: id.clone(),
                        value: Some(value),
                    },
                    1,
                )
            })
        }
        Item::Penalty => {
            let level = match row.cell(Column::Status) {
                Some(cell) => {
                    let t = cell.raw.text();
                    let is = |list: &[&str]| list.iter().any(|s| s.eq_ignore_ascii_case(t.trim()));
                    if is(LEVEL_PROVINCIAL) {
                        Some(PenaltyKind::Provincial)
                    } else if is(LEVEL_MUNICIPAL) {
                        Some(PenaltyKind::Municipal)
                    } else {
                        errors.push(ImportError::NotAStatus {
                            at: cell.at.clone(),
                            text: t,
                            penalty: true,
                        });
                        return None;
                    }
                }
                None => None,
            };
            let points = num(Column::Score, errors).map(PenaltyKind::Points);
            let old = sheet.and_then(|s| s.penalties.get(penalty_index));
            let kind = points.or(level).or(old.map(|p| p.kind))?;
            let note = row
                .cell(Column::Remark)
                .map(|c| c.raw.text().trim().to_string())
                .or_else(|| old.map(|p| p.note.clone()))
                .unwrap_or_default();
            let penalty = Penalty { kind, note };
            let unit = unit.to_string();
            match old {
                Some(o) if *o == penalty => None,
                Some(_) => Some(made(
                    Edit::SetPenalty {
                        unit,
                        index: penalty_index,
                        penalty,
                    },
                    1,
                )),
                None => Some(made(Edit::AddPenalty { unit, penalty }, 1)),
            }
        }
        Item::Indicator(id) => {
            let old = sheet.and_then(|s| s.indicators.get(id));
            let target = num(Column::Target, errors);
            let actual = num(Column::Actual, errors);
            let deduction = num(Column::Deduction, errors);
            let prep = num(Column::Score, errors);
            let status = match row.cell(Column::Status) {
                Some(cell) => match (&cell.raw, status_of(&cell.raw.text())) {
                    (Raw::Date(t), _) => {
                        errors.push(ImportError::ADate {
                            at: cell.at.clone(),
                            column: Column::Status,
                            text: t.clone(),
                        });
                        None
                    }
                    (_, Some(s)) => Some(s),
                    (_, None) => {
                        errors.push(ImportError::NotAStatus {
                            at: cell.at.clone(),
                            text: cell.raw.text(),
                            penalty: false,
                        });
                        None
                    }
                },
                None => None,
            };
            if errors.len() > before {
                return None;
            }
            // The columns of the row's kind, when the scheme or the row the project holds
            // says it: a value typed into another kind's (grey) cell is the one to name.
            let ind = project.indicator(id);
            let is_unit = project.unit(unit).is_some();
            let kind_columns: Option<&[Column]> =
                if is_unit && ind.is_some_and(|i| !i.is_pilot(unit)) {
                    Some(&[Column::Score])
                } else {
                    match (ind.and_then(|i| i.kind), old) {
                        (Some(RowKind::Quantitative), _)
                        | (
                            None,
                            Some(
                                Row::Quantitative {
                                    target: Some(_), ..
                                }
                                | Row::Quantitative {
                                    actual: Some(_), ..
                                },
                            ),
                        ) => Some(&[Column::Target, Column::Actual]),
                        (Some(RowKind::Qualitative), _) | (None, Some(Row::Qualitative { .. })) => {
                            Some(&[Column::Status, Column::Deduction])
                        }
                        _ => None,
                    }
                };
            if let Some(kind_columns) = kind_columns {
                let strays: Vec<&(Column, CellRef)> = cells
                    .iter()
                    .filter(|(c, _)| !kind_columns.contains(c))
                    .collect();
                if !strays.is_empty() {
                    for (c, at) in strays {
                        errors.push(ImportError::NotTaken {
                            at: at.clone(),
                            column: *c,
                            item: item_name.trim().to_string(),
                        });
                    }
                    return None;
                }
            }
            // A percentage the spreadsheet stored as a fraction (3.9% typed into a cell it
            // formats as a percentage holds 0.039): never read as a rate below 1%.
            if rate {
                let old_target = match old {
                    Some(Row::Quantitative { target, .. }) => *target,
                    _ => None,
                };
                let target_now = target.or(old_target);
                for (c, value) in [(Column::Target, target), (Column::Actual, actual)] {
                    if let (Some(v), Some(cell)) = (value, row.cell(c))
                        && matches!(cell.raw, Raw::Number(_))
                        && v > Decimal::ZERO
                        && v < Decimal::ONE
                        && target_now.is_some_and(|t| t >= Decimal::ONE)
                    {
                        errors.push(ImportError::Fraction {
                            at: cell.at.clone(),
                            value: v,
                        });
                    }
                }
                if errors.len() > before {
                    return None;
                }
            }
            let new = if let Some(prep) = prep {
                if let Some((c, at)) = cells.iter().find(|(c, _)| *c != Column::Score) {
                    errors.push(ImportError::NotTaken {
                        at: at.clone(),
                        column: *c,
                        item: item_name.trim().to_string(),
                    });
                    return None;
                }
                Row::Preparation { prep }
            } else if status.is_some() || deduction.is_some() {
                if let Some((c, at)) = cells
                    .iter()
                    .find(|(c, _)| matches!(c, Column::Target | Column::Actual))
                {
                    errors.push(ImportError::NotTaken {
                        at: at.clone(),
                        column: *c,
                        item: item_name.trim().to_string(),
                    });
                    return None;
                }
                let (old_complete, old_deduction) = match old {
                    Some(Row::Qualitative {
                        complete,
                        deduction,
                    }) => (Some(*complete), *deduction),
                    _ => (None, None),
                };
                let complete = status.or(old_complete).unwrap_or(deduction.is_none());
                if complete && deduction.is_some() {
                    if let Some((_, at)) = cells.iter().find(|(c, _)| *c == Column::Deduction) {
                        errors.push(ImportError::DeductionWhenComplete { at: at.clone() });
                    }
                    return None;
                }
                let deduction = match (deduction, complete) {
                    (Some(d), _) => Some(d),
                    (None, false) => old_deduction,
                    (None, true) => None,
                };
                Row::Qualitative {
                    complete,
                    deduction,
                }
            } else if target.is_some() || actual.is_some() {
                let (old_target, old_actual) = match old {
                    Some(Row::Quantitative { target, actual }) => (*target, *actual),
                    _ => (None, None),
                };
                Row::Quantitative {
                    target: target.or(old_target),
                    actual: actual.or(old_actual),
                }
            } else {
                return None;
            };
            if old == Some(&new) {
                None
            } else {
                let values = changed_values(old, &new);
                Some(made(
                    Edit::SetRow {
                        unit: unit.to_string(),
                        indicator: id.clone(),
                        row: Some(new),
                    },
                    values,
                ))
            }
        }
    };
    if errors.len() > before {
        return None;
    }
    result
}

/// How many of a row's values differ from the row before (a new kind of row: all).
fn changed_values(old: Option<&Row>, new: &Row) -> u32 {
    let differ = |a: Option<Decimal>, b: Option<Decimal>| u32::from(a != b);
    match (old, new) {
        (
            Some(Row::Quantitative {
                target: t0,
                actual: a0,
            }),
            Row::Quantitative { target, actual },
        ) => differ(*t0, *target) + differ(*a0, *actual),
        (
            Some(Row::Qualitative {
                complete: c0,
                deduction: d0,
            }),
            Row::Qualitative {
                complete,
                deduction,
            },
        ) => u32::from(c0 != complete) + differ(*d0, *deduction),
        (_, Row::Quantitative { target, actual }) => {
            u32::from(target.is_some()) + u32::from(actual.is_some())
        }
        (_, Row::Qualitative { deduction, .. }) => 1 + u32::from(deduction.is_some()),
        (_, Row::Preparation { .. }) => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_names_are_suggested_closest_first() {
        let names = ["东城县", "北岭县", "南湖县", "经济开发区"];
        assert_eq!(suggest("东城", &names), ["东城县"]);
        assert_eq!(suggest("东成县", &names), ["东城县"]);
        assert_eq!(suggest("开发区", &names), ["经济开发区"]);
        assert!(suggest("人社局", &names).is_empty());
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}

//! The tables of the exports as typed cells, built once from a scoreboard and drawn by
//! each format: numbers stay exact decimals here (a spreadsheet writes them as numbers
//! with the project's decimal places, csv as text), names are sanitised, and every word
//! comes from [`crate::i18n`].

use super::{RankInput, flags};
use crate::explain;
use crate::i18n::explain::{item_short, unit_short};
use crate::i18n::{ExplainText, ExportText, Lang, T};
use crate::project::{PenaltyKind, Role, UnitKind};
use crate::scoring::score_text;
use crate::scoring::{Outcome, UnitResult, competition_ranks, round_score};
use crate::text::sanitize;
use rust_decimal::Decimal;

/// One cell of an exported table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    /// A mark that calls for attention (a veto).
    Alert(String),
    /// A whole number (a rank, a count).
    Int(u32),
    /// A score: shown with the project's `score_decimals` places.
    Score(Decimal),
    /// A value as entered or declared (target, actual, base, maximum): shown as written.
    Value(Decimal),
    /// A share (completion): `1.05` is shown as `105.0%`.
    Share(Decimal),
    /// A ranked unit's flags (★ comprehensive, ✗ veto …), each marked when it calls for
    /// attention; shown joined by two spaces.
    Flags(Vec<Flag>),
}

/// One flag of a ranked unit, in words with its symbol.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Flag {
    pub text: String,
    /// A veto or last place.
    pub alert: bool,
}

impl Cell {
    pub(crate) fn text(s: impl AsRef<str>) -> Cell {
        Cell::Text(sanitize(s.as_ref()))
    }

    fn opt_score(v: Option<Decimal>) -> Cell {
        v.map_or(Cell::Empty, Cell::Score)
    }

    /// The cell as text, as csv writes it and a width is measured.
    pub(crate) fn display(&self, places: u32, lang: Lang) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Alert(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Score(v) => score_text(*v, places),
            Cell::Value(v) => v.normalize().to_string(),
            Cell::Share(v) => ExplainText(lang).percent1(*v),
            Cell::Flags(flags) => {
                let texts: Vec<&str> = flags.iter().map(|f| f.text.as_str()).collect();
                texts.join("  ")
            }
        }
    }
}

/// How a row is set off from the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Tone {
    #[default]
    Normal,
    /// A subtotal or total.
    Strong,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Row {
    pub cells: Vec<Cell>,
    pub tone: Tone,
    /// The indicator this row scores (the html report explains it under the row).
    pub indicator: Option<String>,
    /// The ranked unit of a ranking row (the html report draws its bar and marks).
    pub unit: Option<String>,
}

impl Row {
    fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            ..Row::default()
        }
    }

    fn strong(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            tone: Tone::Strong,
            ..Row::default()
        }
    }
}

/// A header and its rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    /// The column that holds long notes (wrapped in a spreadsheet, left out of the html
    /// score sheets where the full explanation follows the row).
    pub note_column: Option<usize>,
}

fn yes(flag: bool, lang: Lang) -> Cell {
    if flag {
        Cell::Text(T::ExportYes.get(lang).to_string())
    } else {
        Cell::Empty
    }
}

/// Ids shown as a list of names (`name_of` finds one; an unknown id shows as itself).
fn listed<'p>(
    input: &RankInput<'p>,
    ids: &[String],
    name_of: impl Fn(&str) -> Option<&'p str>,
) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| sanitize(name_of(id).unwrap_or(id)))
        .collect();
    ExplainText(input.lang).list(&names)
}

/// Names of units or departments by id, as a list.
pub(crate) fn names(input: &RankInput, ids: &[String]) -> String {
    let project = input.project;
    listed(input, ids, |id| {
        project
            .unit(id)
            .map(|u| u.name.as_str())
            .or_else(|| project.department(id).map(|d| d.name.as_str()))
    })
}

/// Names of indicators by id, as a list.
fn indicator_names(input: &RankInput, ids: &[String]) -> String {
    let project = input.project;
    listed(input, ids, |id| {
        project.indicator(id).map(|i| i.name.as_str())
    })
}

fn award_names(input: &RankInput, ids: &[String]) -> String {
    let board = input.board;
    listed(input, ids, |id| board.award(id).map(|a| a.name.as_str()))
}

// ---- the ranking ------------------------------------------------------------------

/// A column of a ranking table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RankCol {
    Group,
    Rank,
    /// The rank with `=` when tied (`4=`), as text.
    RankTied,
    Tied,
    Id,
    Unit,
    Kind,
    Organization,
    Survey,
    Task,
    Penalty,
    Total,
    Vetoed,
    Failed,
    Comprehensive,
    Awards,
    LastPlace,
    Pending,
    /// The flags in words (★ comprehensive, ✗ veto (indicator), ▼ last place, ◆ award …).
    Flags,
    Note,
}

/// Who reads a ranking table: people (headers and words in their language, names of
/// indicators and awards) or programs (`rank --format csv`: column keys, ids, `true` /
/// `false`, lists joined with `;`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Audience {
    People,
    Programs,
}

impl RankCol {
    /// The column's key for programs.
    fn key(self) -> &'static str {
        match self {
            RankCol::Group => "group",
            RankCol::Rank | RankCol::RankTied => "rank",
            RankCol::Tied => "tied",
            RankCol::Id => "id",
            RankCol::Unit => "name",
            RankCol::Kind => "kind",
            RankCol::Organization => "organization",
            RankCol::Survey => "survey",
            RankCol::Task => "task",
            RankCol::Penalty => "penalty",
            RankCol::Total => "total",
            RankCol::Vetoed => "vetoed",
            RankCol::Failed => "failed",
            RankCol::Comprehensive => "comprehensive",
            RankCol::Awards => "awards",
            RankCol::LastPlace => "last_place",
            RankCol::Pending => "pending",
            RankCol::Flags => "flags",
            RankCol::Note => "note",
        }
    }

    /// The cell for programs: ids and keys, never words.
    fn program_cell(self, group: T, u: &UnitResult) -> Cell {
        let flag = |b: bool| Cell::Text(b.to_string());
        match self {
            RankCol::Group if group == T::CityDepartments => Cell::Text("departments".into()),
            RankCol::Group => Cell::Text("units".into()),
            RankCol::Tied => flag(u.tied),
            RankCol::Kind => Cell::Text(u.kind.name().into()),
            RankCol::Vetoed => flag(u.vetoed()),
            RankCol::Failed => Cell::text(u.failed.join(";")),
            RankCol::Comprehensive => flag(u.comprehensive),
            RankCol::Awards => Cell::text(u.awards.join(";")),
            RankCol::LastPlace => flag(u.last_place),
            RankCol::Pending => flag(u.pending.any()),
            _ => Cell::Empty,
        }
    }

    fn header(self) -> T {
        match self {
            RankCol::Group => T::ExportGroup,
            RankCol::Rank | RankCol::RankTied => T::ExportRank,
            RankCol::Tied => T::ExportTied,
            RankCol::Id => T::ExportId,
            RankCol::Unit => T::ExportUnit,
            RankCol::Kind => T::ExportKind,
            RankCol::Organization => T::ExportOrganization,
            RankCol::Survey => T::ExportSurvey,
            RankCol::Task => T::ExportTask,
            RankCol::Penalty => T::ExportPenalty,
            RankCol::Total => T::ExportTotal,
            RankCol::Vetoed => T::ExportVetoed,
            RankCol::Failed => T::ExportFailed,
            RankCol::Comprehensive => T::ExportComprehensive,
            RankCol::Awards => T::ExportAwards,
            RankCol::LastPlace => T::ExportLastPlace,
            RankCol::Pending => T::ExportPending,
            RankCol::Flags => T::Flags,
            RankCol::Note => T::ExportNote,
        }
    }

    fn cell(self, input: &RankInput, group: T, u: &UnitResult) -> Cell {
        let lang = input.lang;
        match self {
            RankCol::Group => Cell::Text(group.get(lang).to_string()),
            RankCol::Rank => Cell::Int(u.rank),
            RankCol::RankTied if u.tied => Cell::Text(format!("{}=", u.rank)),
            RankCol::RankTied => Cell::Text(u.rank.to_string()),
            RankCol::Tied => yes(u.tied, lang),
            RankCol::Id => Cell::Text(u.id.clone()),
            RankCol::Unit => Cell::text(&u.name),
            RankCol::Kind => Cell::Text(ExplainText(lang).kind(u.kind).to_string()),
            RankCol::Organization => Cell::Score(u.organization),
            RankCol::Survey => Cell::Score(u.survey),
            RankCol::Task => Cell::Score(u.task),
            RankCol::Penalty => Cell::Score(u.penalty),
            RankCol::Total => Cell::Score(u.total),
            RankCol::Vetoed if u.vetoed() => Cell::Alert(T::ExportYes.get(lang).to_string()),
            RankCol::Vetoed => Cell::Empty,
            RankCol::Failed => Cell::Text(indicator_names(input, &u.failed)),
            RankCol::Comprehensive => yes(u.comprehensive, lang),
            RankCol::Awards => Cell::Text(award_names(input, &u.awards)),
            RankCol::LastPlace if u.last_place => Cell::Alert(T::ExportYes.get(lang).to_string()),
            RankCol::LastPlace => Cell::Empty,
            RankCol::Pending => yes(u.pending.any(), lang),
            RankCol::Flags => Cell::Flags(super::flag_list(input.project, u, lang)),
            RankCol::Note => Cell::text(
                explain::summary(input.project, input.board, &u.id)
                    .map(|s| unit_short(&s, lang))
                    .unwrap_or_default(),
            ),
        }
    }
}

/// The ranking of the given groups (each with its name), one row per unit, for people.
pub(crate) fn ranking(input: &RankInput, cols: &[RankCol], groups: &[(T, &[UnitResult])]) -> Table {
    ranking_for(input, cols, groups, Audience::People)
}

/// The ranking of the given groups for people or for programs. Every ranking kaoping
/// prints or exports is built here (the text table, csv, markdown, html, the workbook).
pub(crate) fn ranking_for(
    input: &RankInput,
    cols: &[RankCol],
    groups: &[(T, &[UnitResult])],
    audience: Audience,
) -> Table {
    let header = cols
        .iter()
        .map(|c| match audience {
            Audience::People => c.header().get(input.lang).into(),
            Audience::Programs => c.key().into(),
        })
        .collect();
    let mut rows = Vec::new();
    for (group, units) in groups {
        for u in units.iter() {
            let cells = cols
                .iter()
                .map(|c| match (audience, c.program_cell(*group, u)) {
                    (Audience::Programs, Cell::Empty) | (Audience::People, _) => {
                        c.cell(input, *group, u)
                    }
                    (Audience::Programs, cell) => cell,
                })
                .collect();
            rows.push(Row {
                unit: Some(u.id.clone()),
                ..Row::new(cells)
            });
        }
    }
    Table {
        header,
        rows,
        note_column: cols.iter().position(|c| *c == RankCol::Note),
    }
}

/// The columns of a ranking as the text table, the minutes and the html report show it:
/// rank, unit, the sections, total and flags.
pub(crate) const SHORT_RANKING: &[RankCol] = &[
    RankCol::RankTied,
    RankCol::Unit,
    RankCol::Organization,
    RankCol::Survey,
    RankCol::Task,
    RankCol::Penalty,
    RankCol::Total,
    RankCol::Flags,
];

/// The columns of `rank --format csv`, for programs: both groups, ids, flags as `true` /
/// `false`, lists of ids joined with `;`.
pub(crate) const PROGRAM_RANKING: &[RankCol] = &[
    RankCol::Group,
    RankCol::Rank,
    RankCol::Id,
    RankCol::Unit,
    RankCol::Kind,
    RankCol::Tied,
    RankCol::Organization,
    RankCol::Survey,
    RankCol::Task,
    RankCol::Penalty,
    RankCol::Total,
    RankCol::Vetoed,
    RankCol::Failed,
    RankCol::Pending,
    RankCol::Comprehensive,
    RankCol::LastPlace,
    RankCol::Awards,
];

/// The columns of the spreadsheet's ranking of counties and the zone.
pub(crate) const UNIT_RANKING: &[RankCol] = &[
    RankCol::Rank,
    RankCol::Tied,
    RankCol::Unit,
    RankCol::Kind,
    RankCol::Organization,
    RankCol::Survey,
    RankCol::Task,
    RankCol::Penalty,
    RankCol::Total,
    RankCol::Vetoed,
    RankCol::Failed,
    RankCol::Comprehensive,
    RankCol::Awards,
    RankCol::LastPlace,
    RankCol::Pending,
    RankCol::Note,
];

/// The columns of the spreadsheet's ranking of city departments (no kind, no single-item
/// awards, no last place: the regulation gives departments none of those).
pub(crate) const DEPARTMENT_RANKING: &[RankCol] = &[
    RankCol::Rank,
    RankCol::Tied,
    RankCol::Unit,
    RankCol::Organization,
    RankCol::Survey,
    RankCol::Task,
    RankCol::Penalty,
    RankCol::Total,
    RankCol::Vetoed,
    RankCol::Failed,
    RankCol::Comprehensive,
    RankCol::Pending,
    RankCol::Note,
];

/// The columns of the csv ranking: both groups in one table, with ids.
pub(crate) const CSV_RANKING: &[RankCol] = &[
    RankCol::Group,
    RankCol::Rank,
    RankCol::Tied,
    RankCol::Id,
    RankCol::Unit,
    RankCol::Kind,
    RankCol::Organization,
    RankCol::Survey,
    RankCol::Task,
    RankCol::Penalty,
    RankCol::Total,
    RankCol::Vetoed,
    RankCol::Failed,
    RankCol::Comprehensive,
    RankCol::Awards,
    RankCol::LastPlace,
    RankCol::Pending,
    RankCol::Note,
];

// ---- a unit's score sheet ---------------------------------------------------------

/// The header of a score sheet.
fn sheet_header(lang: Lang) -> Vec<String> {
    [
        T::ExportSection,
        T::ExportArea,
        T::ExportItem,
        T::ExportTarget,
        T::ExportActual,
        T::ExportCompletion,
        T::ExportMax,
        T::ExportBonus,
        T::ExportDeduction,
        T::ExportScore,
        T::ExportVeto,
        T::ExportNote,
    ]
    .iter()
    .map(|t| t.get(lang).to_string())
    .collect()
}

/// The column of the notes in a score sheet.
const SHEET_NOTE: usize = 11;

/// The units and departments that have a score sheet, in the file's order: the counties
/// and the zone, then the departments that were scored.
pub(crate) fn scored_units<'a>(input: &RankInput<'a>) -> Vec<&'a UnitResult> {
    let board = input.board;
    input
        .project
        .units
        .iter()
        .map(|u| u.id.as_str())
        .chain(input.project.departments.iter().map(|d| d.id.as_str()))
        .filter_map(|id| board.find(id))
        .collect()
}

/// One sheet's rows: a section, an area, an item and the number columns.
#[allow(clippy::too_many_arguments)]
fn line(
    section: T,
    area: Cell,
    item: Cell,
    measured: [Cell; 3],
    max: Cell,
    bonus: Cell,
    deduction: Cell,
    score: Cell,
    veto: Cell,
    note: Cell,
    lang: Lang,
) -> Vec<Cell> {
    let [target, actual, completion] = measured;
    vec![
        Cell::Text(section.get(lang).to_string()),
        area,
        item,
        target,
        actual,
        completion,
        max,
        bonus,
        deduction,
        score,
        veto,
        note,
    ]
}

fn no_measure() -> [Cell; 3] {
    [Cell::Empty, Cell::Empty, Cell::Empty]
}

/// A unit's (or department's) score sheet: organisation items, survey, every indicator
/// by area, penalties and the total, each with its maximum and its score.
pub(crate) fn unit_sheet(input: &RankInput, u: &UnitResult) -> Table {
    let lang = input.lang;
    let project = input.project;
    let places = project.policy.score_decimals;
    let sheet = project.scores.get(&u.id);
    let subtotal = || Cell::Text(T::ExportSubtotal.get(lang).to_string());
    let pending = || Cell::Text(T::ExportPending.get(lang).to_string());
    let mut rows = Vec::new();

    // 组织实施
    for (item, value) in project.organization.iter().zip(&u.organization_items) {
        rows.push(Row::new(line(
            T::ExportOrganization,
            Cell::Empty,
            Cell::text(&item.name),
            no_measure(),
            Cell::Value(item.max),
            Cell::Empty,
            Cell::Empty,
            Cell::opt_score(*value),
            Cell::Empty,
            if value.is_some() {
                Cell::Empty
            } else {
                pending()
            },
            lang,
        )));
    }
    rows.push(Row::strong(line(
        T::ExportOrganization,
        Cell::Empty,
        subtotal(),
        no_measure(),
        Cell::Value(project.organization_max()),
        Cell::Empty,
        Cell::Empty,
        Cell::Score(u.organization),
        Cell::Empty,
        Cell::Empty,
        lang,
    )));

    // 群众测评
    let entered = sheet.and_then(|s| s.survey).is_some();
    rows.push(Row::strong(line(
        T::ExportSurvey,
        Cell::Empty,
        Cell::Text(T::ExportSurvey.get(lang).to_string()),
        no_measure(),
        Cell::Value(project.sections.survey),
        Cell::Empty,
        Cell::Empty,
        if entered {
            Cell::Score(u.survey)
        } else {
            Cell::Empty
        },
        Cell::Empty,
        if entered { Cell::Empty } else { pending() },
        lang,
    )));

    // 任务完成, by area
    for area in &project.areas {
        let items: Vec<_> = u
            .items
            .iter()
            .filter_map(|i| {
                project
                    .indicators
                    .get(i.position)
                    .filter(|ind| ind.area == area.id)
                    .map(|ind| (i, ind))
            })
            .collect();
        if items.is_empty() {
            continue;
        }
        for (item, ind) in items {
            let status = |t: T| Cell::Text(t.get(lang).to_string());
            let (measured, bonus, deduction) = match &item.outcome {
                Outcome::Completed {
                    target,
                    actual,
                    bonus,
                    ..
                } => (
                    [
                        Cell::Value(*target),
                        Cell::Value(*actual),
                        Cell::Empty.or_share(item.outcome.completion()),
                    ],
                    if *bonus > Decimal::ZERO {
                        Cell::Score(round_score(*bonus, &project.policy))
                    } else {
                        Cell::Empty
                    },
                    Cell::Empty,
                ),
                Outcome::Short {
                    target,
                    actual,
                    deduction,
                    ..
                } => (
                    [
                        Cell::Value(*target),
                        Cell::Value(*actual),
                        Cell::Empty.or_share(item.outcome.completion()),
                    ],
                    Cell::Empty,
                    Cell::Score(round_score(*deduction, &project.policy)),
                ),
                Outcome::Met => (
                    [Cell::Empty, Cell::Empty, status(T::ExportComplete)],
                    Cell::Empty,
                    Cell::Empty,
                ),
                Outcome::NotMet { deduction } => (
                    [Cell::Empty, Cell::Empty, status(T::ExportIncomplete)],
                    Cell::Empty,
                    if *deduction > Decimal::ZERO {
                        Cell::Score(round_score(*deduction, &project.policy))
                    } else {
                        Cell::Empty
                    },
                ),
                Outcome::Preparation { .. } => (
                    [Cell::Empty, Cell::Empty, status(T::ExportPreparation)],
                    Cell::Empty,
                    Cell::Empty,
                ),
                Outcome::Pending => (
                    [Cell::Empty, Cell::Empty, status(T::ExportPending)],
                    Cell::Empty,
                    Cell::Empty,
                ),
            };
            let name = ExportText(lang).measured_name(&ind.name, ind.measure.as_deref());
            let veto = if item.outcome.fails() {
                Cell::Alert(T::ExportYes.get(lang).to_string())
            } else {
                Cell::Empty
            };
            let note = explain::item(project, input.board, &u.id, &ind.id)
                .map(|e| item_short(&e, lang))
                .unwrap_or_default();
            rows.push(Row {
                cells: line(
                    T::ExportTask,
                    Cell::text(&area.name),
                    Cell::text(name),
                    measured,
                    Cell::Value(item.base),
                    bonus,
                    deduction,
                    Cell::Score(item.earned),
                    veto,
                    Cell::text(note),
                    lang,
                ),
                tone: Tone::Normal,
                indicator: Some(ind.id.clone()),
                unit: None,
            });
        }
        rows.push(Row::strong(line(
            T::ExportTask,
            Cell::text(&area.name),
            subtotal(),
            no_measure(),
            Cell::Value(area.max),
            Cell::Empty,
            Cell::Empty,
            Cell::Score(u.areas.get(&area.id).copied().unwrap_or_default()),
            Cell::Empty,
            Cell::Empty,
            lang,
        )));
    }
    let task_note = if u.kind == UnitKind::Department && u.task_base > Decimal::ZERO {
        Cell::text(ExportText(lang).department_task(
            &project.sections.task.normalize().to_string(),
            &score_text(u.task_earned, places),
            &u.task_base.normalize().to_string(),
            &score_text(u.task, places),
        ))
    } else {
        Cell::Empty
    };
    rows.push(Row::strong(line(
        T::ExportTask,
        Cell::Empty,
        subtotal(),
        no_measure(),
        Cell::Value(project.sections.task),
        Cell::Empty,
        Cell::Empty,
        Cell::Score(u.task),
        Cell::Empty,
        task_note,
        lang,
    )));

    // 处分扣分: the points as a deduction, and negative in the score column, so that the
    // score column adds up to the total for a county.
    let penalties = sheet.map(|s| s.penalties.as_slice()).unwrap_or_default();
    for (p, &points) in penalties.iter().zip(&u.penalties) {
        let level = match p.kind {
            PenaltyKind::Provincial => T::ExportProvincial,
            PenaltyKind::Municipal => T::ExportMunicipal,
            PenaltyKind::Points(_) => T::ExportPoints,
        };
        rows.push(Row::new(line(
            T::ExportPenalty,
            Cell::Empty,
            Cell::text(ExportText(lang).penalty_item(level.get(lang), &sanitize(&p.note))),
            no_measure(),
            Cell::Empty,
            Cell::Empty,
            Cell::Score(points),
            Cell::Score(negated(points)),
            Cell::Empty,
            Cell::Empty,
            lang,
        )));
    }
    rows.push(Row::strong(line(
        T::ExportPenalty,
        Cell::Empty,
        if penalties.is_empty() {
            Cell::Text(T::ExportNone.get(lang).to_string())
        } else {
            subtotal()
        },
        no_measure(),
        Cell::Empty,
        Cell::Empty,
        Cell::Score(u.penalty),
        Cell::Score(negated(u.penalty)),
        Cell::Empty,
        Cell::Empty,
        lang,
    )));

    // 总分
    let group = if u.kind == UnitKind::Department {
        &input.board.departments
    } else {
        &input.board.units
    };
    let mut note = vec![ExportText(lang).rank_of(u.rank, group.len(), u.tied)];
    note.extend(flags(project, u, lang));
    rows.push(Row::strong(line(
        T::ExportTotal,
        Cell::Empty,
        Cell::Empty,
        no_measure(),
        Cell::Value(project.sections.total),
        Cell::Empty,
        Cell::Empty,
        Cell::Score(u.total),
        if u.vetoed() {
            Cell::Alert(T::ExportYes.get(lang).to_string())
        } else {
            Cell::Empty
        },
        Cell::text(note.join("  ")),
        lang,
    )));

    Table {
        header: sheet_header(lang),
        rows,
        note_column: Some(SHEET_NOTE),
    }
}

/// `-v`, without a negative zero (`-0.00`).
fn negated(v: Decimal) -> Decimal {
    let mut n = -v;
    if n.is_zero() {
        n.set_sign_positive(true);
    }
    n
}

impl Cell {
    /// This cell, or a share when there is one.
    fn or_share(self, share: Option<Decimal>) -> Cell {
        share.map_or(self, Cell::Share)
    }
}

/// Every score sheet in one long table, with the unit's id and name in front.
pub(crate) fn all_sheets(input: &RankInput) -> Table {
    let lang = input.lang;
    let mut header = vec![
        T::ExportId.get(lang).to_string(),
        T::ExportUnit.get(lang).to_string(),
    ];
    header.extend(sheet_header(lang));
    let mut rows = Vec::new();
    for u in scored_units(input) {
        for row in unit_sheet(input, u).rows {
            let mut cells = vec![Cell::Text(u.id.clone()), Cell::text(&u.name)];
            cells.extend(row.cells);
            rows.push(Row { cells, ..row });
        }
    }
    Table {
        header,
        rows,
        note_column: Some(SHEET_NOTE + 2),
    }
}

// ---- awards -------------------------------------------------------------------------

/// Competition places of scores sorted highest first (1, 2, 2, 4), as the scoreboard
/// ranks ([`competition_ranks`]).
fn places_of(scores: &[Decimal]) -> Vec<u32> {
    competition_ranks(scores)
        .into_iter()
        .map(|(place, _)| place)
        .collect()
}

/// One award's rows: its name and places on every row, the winners on the first, then
/// each unit of the standings with its score and whether it won.
fn award_rows(
    input: &RankInput,
    award: String,
    places: Cell,
    winners: &[String],
    standings: &[(String, Decimal)],
) -> Vec<Row> {
    let lang = input.lang;
    let winner_names = if winners.is_empty() {
        T::NoWinner.get(lang).to_string()
    } else {
        names(input, winners)
    };
    let scores: Vec<Decimal> = standings.iter().map(|(_, s)| *s).collect();
    let mut rows: Vec<Row> = standings
        .iter()
        .zip(places_of(&scores))
        .map(|((id, score), place)| {
            Row::new(vec![
                Cell::text(&award),
                places.clone(),
                Cell::Empty,
                Cell::Int(place),
                Cell::text(input.project.name_of(id)),
                Cell::Score(*score),
                yes(winners.contains(id), lang),
            ])
        })
        .collect();
    if rows.is_empty() {
        rows.push(Row::new(vec![
            Cell::text(&award),
            places,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ]));
    }
    rows[0].cells[2] = Cell::text(winner_names);
    rows
}

/// Every award: comprehensive advanced (both groups, standings = the units not vetoed by
/// total), each single-item award (standings after roll-down), and last place.
pub(crate) fn awards(input: &RankInput) -> Table {
    let lang = input.lang;
    let policy = &input.project.policy;
    let header = [
        T::ExportAward,
        T::ExportPlaces,
        T::ExportWinners,
        T::ExportStanding,
        T::ExportUnit,
        T::ExportAwardScore,
        T::ExportWon,
    ]
    .iter()
    .map(|t| t.get(lang).to_string())
    .collect();
    let mut rows = Vec::new();
    let comprehensive = |group: &[UnitResult]| -> (Vec<String>, Vec<(String, Decimal)>) {
        let winners = group
            .iter()
            .filter(|u| u.comprehensive)
            .map(|u| u.id.clone())
            .collect();
        let standings = group
            .iter()
            .filter(|u| !u.vetoed())
            .map(|u| (u.id.clone(), u.total))
            .collect();
        (winners, standings)
    };
    let (winners, standings) = comprehensive(&input.board.units);
    rows.extend(award_rows(
        input,
        T::ExportComprehensiveUnits.get(lang).to_string(),
        Cell::Int(input.board.group(UnitKind::County).places),
        &winners,
        &standings,
    ));
    if !input.board.departments.is_empty() {
        let (winners, standings) = comprehensive(&input.board.departments);
        rows.extend(award_rows(
            input,
            T::ExportComprehensiveDepartments.get(lang).to_string(),
            Cell::Int(input.board.group(UnitKind::Department).places),
            &winners,
            &standings,
        ));
    }
    for award in &input.board.awards {
        rows.extend(award_rows(
            input,
            award.name.clone(),
            Cell::Int(award.count),
            &award.winners,
            &award.standings,
        ));
    }
    if policy.last_place {
        let last: Vec<&UnitResult> = input.board.units.iter().filter(|u| u.last_place).collect();
        let ids: Vec<String> = last.iter().map(|u| u.id.clone()).collect();
        let standings: Vec<(String, Decimal)> =
            last.iter().map(|u| (u.id.clone(), u.total)).collect();
        let mut last_rows = award_rows(
            input,
            T::ExportLastPlace.get(lang).to_string(),
            Cell::Empty,
            &ids,
            &standings,
        );
        // Last place is no award: its rank is the unit's rank, and nobody "wins" it.
        for (row, u) in last_rows.iter_mut().zip(&last) {
            row.cells[3] = Cell::Int(u.rank);
            row.cells[6] = Cell::Empty;
        }
        rows.extend(last_rows);
    }
    Table {
        header,
        rows,
        note_column: None,
    }
}

// ---- the responsibility matrix -------------------------------------------------------

/// Indicators × departments: each cell the department's role (牵头 / 责任 / 协办).
pub(crate) fn matrix(input: &RankInput) -> Table {
    let lang = input.lang;
    let project = input.project;
    let mut header: Vec<String> = [
        T::ExportArea,
        T::ExportIndicator,
        T::ExportBase,
        T::ExportBonusIndicator,
    ]
    .iter()
    .map(|t| t.get(lang).to_string())
    .collect();
    header.extend(project.departments.iter().map(|d| sanitize(&d.name)));
    let rows = project
        .indicators
        .iter()
        .map(|ind| {
            let area = project.area(&ind.area).map_or(&ind.area, |a| &a.name);
            let mut cells = vec![
                Cell::text(area),
                Cell::text(&ind.name),
                Cell::Value(ind.base),
                yes(ind.bonus, lang),
            ];
            cells.extend(
                project
                    .departments
                    .iter()
                    .map(|d| match ind.role_of(&d.id) {
                        Some(Role::Lead) => Cell::Text(T::ExportRoleLead.get(lang).to_string()),
                        Some(Role::Responsible) => {
                            Cell::Text(T::ExportRoleResponsible.get(lang).to_string())
                        }
                        Some(Role::Co) => Cell::Text(T::ExportRoleCo.get(lang).to_string()),
                        None => Cell::Empty,
                    }),
            );
            Row::new(cells)
        })
        .collect();
    Table {
        header,
        rows,
        note_column: None,
    }
}

// ---- the problems ------------------------------------------------------------------

/// The scheme's warnings: where, and what.
pub(crate) fn problems(input: &RankInput) -> Table {
    let lang = input.lang;
    let header = [T::ExportNumber, T::ExportWhere, T::ExportProblem]
        .iter()
        .map(|t| t.get(lang).to_string())
        .collect();
    let mut rows: Vec<Row> = input
        .warnings
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let place = if p.path.is_root() {
                String::new()
            } else {
                p.path.to_string()
            };
            Row::new(vec![
                Cell::Int(n as u32 + 1),
                Cell::text(place),
                Cell::text(crate::i18n::problem_message(&p.kind, lang)),
            ])
        })
        .collect();
    if rows.is_empty() {
        rows.push(Row::new(vec![
            Cell::Empty,
            Cell::Empty,
            Cell::Text(T::ExportNoWarnings.get(lang).to_string()),
        ]));
    }
    Table {
        header,
        rows,
        note_column: Some(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_competition_ranks() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            places_of(&[d("5"), d("4"), d("4"), d("3")]),
            vec![1, 2, 2, 4]
        );
        assert!(places_of(&[]).is_empty());
    }

    #[test]
    fn cells_display_exact_decimals() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(Cell::Score(d("5.5")).display(2, Lang::En), "5.50");
        assert_eq!(Cell::Value(d("1000.00")).display(2, Lang::En), "1000");
        assert_eq!(Cell::Share(d("0.95")).display(2, Lang::Zh), "95.0%");
        assert_eq!(Cell::text("a\u{1b}b").display(2, Lang::En), "a\u{FFFD}b");
    }
}

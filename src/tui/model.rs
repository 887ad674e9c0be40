//! The state of the terminal program: the open session (the project and its scores) and
//! everything about the screen (pane, cursors, what is being typed, overlays). Views read
//! it; only [`super::update::update`] changes it.

use super::input::Input;
use crate::edit::Edit;
use crate::i18n::{Lang, T};
use crate::project::{Project, Row, UnitKind};
use crate::scoring::Scoreboard;
use crate::session::Session;

/// The five panes, each one key away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Matrix,
    Entry,
    Totals,
    Ranking,
    Problems,
}

impl Pane {
    pub const ALL: [Pane; 5] = [
        Pane::Matrix,
        Pane::Entry,
        Pane::Totals,
        Pane::Ranking,
        Pane::Problems,
    ];

    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn title(self) -> T {
        match self {
            Pane::Matrix => T::PaneMatrix,
            Pane::Entry => T::PaneEntry,
            Pane::Totals => T::PaneTotals,
            Pane::Ranking => T::PaneRanking,
            Pane::Problems => T::PaneProblems,
        }
    }
}

/// The whole program state.
pub struct Model {
    pub session: Session,
    pub lang: Lang,
    pub ui: Ui,
    pub quit: bool,
    /// The terminal's size at the last draw (for page sizes).
    pub size: (u16, u16),
    /// Colours on (off under `NO_COLOR`: the selection shows by reverse video and a marker).
    pub color: bool,
}

/// Everything about the screen.
#[derive(Default)]
pub struct Ui {
    pub pane: PaneState,
    pub matrix: MatrixState,
    pub entry: EntryState,
    pub totals: TotalsState,
    pub ranking: RankingState,
    pub problems: ListState,
    pub mode: Mode,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
}

/// Which pane is shown (a newtype so that `Ui` can derive `Default`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneState(pub Pane);

impl Default for PaneState {
    fn default() -> Self {
        PaneState(Pane::Entry)
    }
}

/// A cursor in a list, with the first visible row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    pub row: usize,
    pub top: usize,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct MatrixState {
    /// Index into [`matrix_rows`].
    pub row: usize,
    /// 0 = name, 1 = base, 2 = bonus, 3.. = departments.
    pub col: usize,
    pub top: usize,
    /// The first department column shown.
    pub left: usize,
}

/// The columns before the departments in the matrix.
pub const MATRIX_FIXED_COLS: usize = 3;

#[derive(Debug, Clone, Copy, Default)]
pub struct EntryState {
    /// Index into [`entry_units`].
    pub unit: usize,
    pub unit_top: usize,
    /// The cursor is in the sheet (else in the unit list).
    pub in_sheet: bool,
    /// Index into [`sheet_lines`].
    pub line: usize,
    /// Index into [`line_fields`].
    pub field: usize,
    pub top: usize,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct TotalsState {
    pub row: usize,
    pub top: usize,
    /// The column under the cursor (0 = organisation …).
    pub col: usize,
    /// Sorted by this column, descending when true; `None`: by rank.
    pub sort: Option<(usize, bool)>,
    pub left: usize,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct RankingState {
    /// Index over counties+zone then departments.
    pub row: usize,
    pub top: usize,
    pub presenting: bool,
    pub page: usize,
}

/// What the keyboard is doing.
#[derive(Default)]
pub enum Mode {
    #[default]
    Normal,
    /// Typing into a field.
    Editing(Editing),
    /// Typing a search.
    Finding(Finding),
}

/// A field being typed into, and what the typed value would do.
pub struct Editing {
    pub target: Target,
    pub input: Input,
    /// Why the typed value cannot be committed, if it cannot.
    pub error: Option<String>,
    /// The typed value is a score that the session has previewed (its scores show).
    pub preview: bool,
    /// A value tried without saving it (what-if): never committed; Esc discards it.
    pub scratch: bool,
}

/// What a typed value goes into.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Target {
    /// A field of a unit's score sheet.
    Sheet {
        unit: String,
        field: SheetField,
    },
    IndicatorName(String),
    IndicatorBase(String),
    IndicatorMeasure(String),
    IndicatorUnits(String),
    IndicatorPilot(String),
    IndicatorArea(String),
    AreaName(String),
    AreaMax(String),
    DepartmentName(String),
    UnitName(String),
    NewIndicator {
        area: String,
    },
    NewArea,
    NewDepartment,
    NewUnit,
    /// A file name to save kaoping's version to (after a conflict).
    SaveAs,
    /// Another project file to compare with.
    CompareWith,
    /// A file to export to (its extension picks the format).
    ExportTo,
}

/// A field of a score sheet.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum SheetField {
    Survey,
    Org(String),
    Target(String),
    Actual(String),
    Deduction(String),
    Prep(String),
    PenaltyPoints(usize),
    PenaltyNote(usize),
}

/// A search as you type: units and indicators by name or id.
pub struct Finding {
    pub input: Input,
    pub matches: Vec<Found>,
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Unit(String),
    Indicator(String),
}

/// A window over the panes.
pub enum Overlay {
    Help {
        scroll: usize,
    },
    Explain {
        title: String,
        lines: Vec<String>,
        scroll: usize,
    },
    /// A question before an edit that removes scores.
    Confirm {
        lines: Vec<String>,
        edit: Box<Edit>,
    },
    /// The file changed on disk while edits waited to be written.
    Conflict,
    /// An edit was being typed when kaoping was interrupted last time.
    Recover(Box<Unfinished>),
}

/// What the recovery file holds.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Unfinished {
    pub target: Target,
    pub text: String,
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

// ---- the rows each pane shows, derived from the project --------------------------------

/// A row of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixRow {
    Area(usize),
    Indicator(usize),
}

/// Areas in order, each followed by its indicators.
pub fn matrix_rows(p: &Project) -> Vec<MatrixRow> {
    let mut rows = Vec::with_capacity(p.areas.len() + p.indicators.len());
    for (ai, area) in p.areas.iter().enumerate() {
        rows.push(MatrixRow::Area(ai));
        rows.extend(
            p.indicators
                .iter()
                .enumerate()
                .filter(|(_, i)| i.area == area.id)
                .map(|(ii, _)| MatrixRow::Indicator(ii)),
        );
    }
    rows
}

/// A unit of the entry list: a county, the zone or a department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryUnit {
    pub id: String,
    pub name: String,
    pub department: bool,
}

/// Counties and the zone, then the departments.
pub fn entry_units(p: &Project) -> Vec<EntryUnit> {
    p.units
        .iter()
        .map(|u| EntryUnit {
            id: u.id.clone(),
            name: u.name.clone(),
            department: false,
        })
        .chain(p.departments.iter().map(|d| EntryUnit {
            id: d.id.clone(),
            name: d.name.clone(),
            department: true,
        }))
        .collect()
}

/// A line of a unit's score sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Org(usize),
    Survey,
    /// The heading of an area (the cursor passes over it).
    Area(usize),
    /// An indicator row, by indicator index.
    Row(usize),
    Penalty(usize),
    /// "No penalties" (where `a` adds one).
    NoPenalty,
}

/// The lines of a unit's sheet: organisation items, survey, its indicators (a county's:
/// those that apply to it; a department's: those it has a role in or a row for),
/// penalties.
pub fn sheet_lines(p: &Project, unit: &str) -> Vec<Line> {
    let department = p.department(unit).is_some();
    let sheet = p.scores.get(unit);
    let mut lines: Vec<Line> = (0..p.organization.len()).map(Line::Org).collect();
    lines.push(Line::Survey);
    for (ai, area) in p.areas.iter().enumerate() {
        let rows: Vec<Line> = p
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, i)| i.area == area.id)
            .filter(|(_, ind)| {
                if department {
                    ind.role_of(unit).is_some()
                        || sheet.is_some_and(|s| s.indicators.contains_key(&ind.id))
                } else {
                    ind.applies_to(unit)
                }
            })
            .map(|(ii, _)| Line::Row(ii))
            .collect();
        if !rows.is_empty() {
            lines.push(Line::Area(ai));
            lines.extend(rows);
        }
    }
    let penalties = sheet.map_or(0, |s| s.penalties.len());
    if penalties == 0 {
        lines.push(Line::NoPenalty);
    }
    lines.extend((0..penalties).map(Line::Penalty));
    lines
}

/// What the cursor can stand on in a sheet line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Value,
    Target,
    Actual,
    Status,
    Deduction,
    Prep,
    Level,
    Note,
}

/// The fields of a line, in display order.
pub fn line_fields(p: &Project, unit: &str, line: Line) -> &'static [Field] {
    match line {
        Line::Org(_) | Line::Survey => &[Field::Value],
        Line::Row(ii) => {
            let Some(ind) = p.indicators.get(ii) else {
                return &[];
            };
            let department = p.department(unit).is_some();
            if !department && !ind.is_pilot(unit) {
                return &[Field::Prep];
            }
            match p.scores.get(unit).and_then(|s| s.indicators.get(&ind.id)) {
                Some(Row::Qualitative { .. }) => &[Field::Status, Field::Deduction],
                _ => &[Field::Target, Field::Actual],
            }
        }
        Line::Penalty(_) => &[Field::Level, Field::Note],
        Line::NoPenalty | Line::Area(_) => &[],
    }
}

/// Whether a unit id is a county or the zone (not a department).
pub fn is_county_or_zone(p: &Project, id: &str) -> bool {
    p.unit(id)
        .is_some_and(|u| matches!(u.kind, UnitKind::County | UnitKind::Zone))
}

impl Model {
    pub fn new(session: Session, lang: Lang) -> Model {
        Model {
            session,
            lang,
            ui: Ui::default(),
            quit: false,
            size: (80, 24),
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    /// The project as committed.
    pub fn project(&self) -> &Project {
        &self.session.project
    }

    /// The scores shown: with the value being typed, when it is valid.
    pub fn board(&self) -> &Scoreboard {
        match &self.ui.mode {
            Mode::Editing(Editing { preview: true, .. }) => {
                self.session.previewed().unwrap_or(&self.session.board)
            }
            _ => &self.session.board,
        }
    }

    /// The unit selected in the entry pane.
    pub fn entry_unit(&self) -> Option<EntryUnit> {
        entry_units(self.project())
            .into_iter()
            .nth(self.ui.entry.unit)
    }

    /// The rows of the ranking pane: counties and zone, then departments.
    pub fn ranking_len(&self) -> usize {
        self.session.board.units.len() + self.session.board.departments.len()
    }
}

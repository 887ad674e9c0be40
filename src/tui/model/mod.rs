//! The state of the terminal program: the open session (the project and its scores) and
//! everything about the screen (pane, cursors, what is being typed, overlays). Views read
//! it; only [`super::update::update`] changes it.
//!
//! What the panes show is derived here too, for the views and `update` alike: the rows
//! ([`rows`]), the named columns ([`columns`]), the lines of a form and its values in
//! words (`form.rs`), and the questions both ask of the model (which unit is selected, in
//! what order the totals list the units, which field of the form is under the cursor).

mod columns;
mod form;
mod grid;
mod rows;
mod status;

pub use columns::{MatrixCol, TotalsCol};
pub use form::{Form, FormLine, form_lines, shown};
pub use grid::{GridCell, GridCol, GridState, GridUnit, grid_cell, grid_cols, grid_units, is_rate};
pub use rows::{
    EntryUnit, Field, IndividualLine, Line, MAX_LINE_FIELDS, MatrixRow, entry_units,
    individual_lines, individual_span, is_county_or_zone, line_fields, matrix_rows, sheet_lines,
};

use super::input::Input;
use crate::edit::Edit;
use crate::edit::form::{FormField, Subject};
use crate::i18n::{Lang, T};
use crate::project::Project;
use crate::scoring::{Scoreboard, UnitResult};
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
    /// The day the returns window judges lateness on: today by the local clock (tests
    /// set another, so that a snapshot does not change with the date).
    pub today: crate::project::Date,
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
    /// The fields of an entry or of the project's settings, over the pane. Not an
    /// [`Overlay`]: the help opens over it, and typing into one of its fields is the
    /// ordinary [`Mode::Editing`].
    pub form: Option<Form>,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    /// The user asked to quit while edits could not be written: quit once they are
    /// (saved elsewhere, or written on a second try).
    pub quitting: bool,
    /// The indicator grid (按指标录入), shown in the entry pane instead of the sheet.
    pub grid: Option<GridState>,
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
    pub col: MatrixCol,
    pub top: usize,
    /// The first department column shown.
    pub left: usize,
}

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
    /// The column under the cursor.
    pub col: TotalsCol,
    /// Sorted by this column, descending when true; `None`: by rank.
    pub sort: Option<(TotalsCol, bool)>,
    pub left: usize,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct RankingState {
    /// Index over counties+zone then departments.
    pub row: usize,
    pub top: usize,
    pub presenting: bool,
    pub page: usize,
    /// The 先进个人 view is shown instead of the board.
    pub individuals: bool,
    /// Its cursor (an index into `Scoreboard::individuals`) and its first line shown (an
    /// index into [`individual_lines`]).
    pub people: ListState,
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
    /// A warning about the previewed value, said at once (a target or an actual that puts
    /// the row off its target by more than `plausible_deviation`). It commits all the same.
    pub warning: Option<String>,
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
    /// A field of a form: its table and key (see [`crate::edit::form`]).
    Form {
        subject: Subject,
        table: String,
        key: String,
    },
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
    /// A filled return to import (`kaoping import`'s options may follow).
    ImportFrom,
    /// A folder to write the request workbooks into (and `kaoping sheets`'s options).
    SheetsTo,
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
        /// What the status line says once the edit is committed (a scheme change says
        /// what it did), if anything.
        done: Option<String>,
    },
    /// The file changed on disk while edits waited to be written.
    Conflict,
    /// Quitting while edits could not be written: save elsewhere, try again, or discard.
    QuitUnsaved,
    /// An edit was being typed when kaoping was interrupted last time.
    Recover(Box<Unfinished>),
    /// A typed target or actual far off its target, before it is committed (the value
    /// stays in [`Mode::Editing`] under the question): yes commits it and goes on as
    /// `then` says (Enter, Tab, ↑, ↓), no goes back to the value.
    Implausible {
        lines: Vec<String>,
        then: Then,
    },
    /// Who has sent which return and who is late (`T`), judged on [`Model::today`]; the
    /// lines are made when it is drawn.
    Status {
        scroll: usize,
    },
    /// A block pasted from a spreadsheet: what it changes (the question's lines), the
    /// edits, to commit as one step, and how many values they change (`cells`).
    Paste {
        lines: Vec<String>,
        edits: Vec<Edit>,
        cells: usize,
    },
    /// A return read and planned (`I`): what it changes (`lines`, scrolled), the edits
    /// to commit as one step (the values, then its `[[returns]]` entry), and the line to
    /// say once it is in.
    Import {
        title: String,
        lines: Vec<String>,
        edits: Vec<Edit>,
        done: String,
        scroll: usize,
    },
}

/// Where the cursor goes once a value asked about is committed: as the key that
/// committed it says (Enter and ↓ down, ↑ up, Tab and Shift-Tab to the next and previous
/// field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    Down,
    Up,
    NextField,
    PrevField,
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

impl Model {
    pub fn new(session: Session, lang: Lang) -> Model {
        Model {
            session,
            lang,
            ui: Ui::default(),
            quit: false,
            size: (80, 24),
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            today: crate::ops::today_date(),
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

    /// The ranked unit under the ranking cursor.
    pub fn ranking_selected(&self) -> Option<&UnitResult> {
        let board = &self.session.board;
        board
            .units
            .iter()
            .chain(&board.departments)
            .nth(self.ui.ranking.row)
    }

    /// The unit under the cursor of the 先进个人 view.
    pub fn individual_selected(&self) -> Option<&crate::scoring::Individuals> {
        self.session
            .board
            .individuals
            .get(self.ui.ranking.people.row)
    }

    /// The unit the pane's selection is on: the entry pane's unit, or the selected row of
    /// the ranking or the totals.
    pub fn selected_unit(&self) -> Option<String> {
        match self.ui.pane.0 {
            Pane::Entry => self.entry_unit().map(|u| u.id),
            Pane::Ranking if self.ui.ranking.individuals => {
                self.individual_selected().map(|u| u.id.clone())
            }
            Pane::Ranking => self.ranking_selected().map(|u| u.id.clone()),
            Pane::Totals => self.totals_order().get(self.ui.totals.row).cloned(),
            _ => None,
        }
    }

    /// The unit ids of the totals pane in display order (sorted as chosen; departments
    /// after the counties and zone).
    pub fn totals_order(&self) -> Vec<String> {
        let board = &self.session.board;
        let mut units: Vec<&UnitResult> = board.units.iter().collect();
        let mut departments: Vec<&UnitResult> = board.departments.iter().collect();
        if let Some((col, descending)) = self.ui.totals.sort {
            for group in [&mut units, &mut departments] {
                group.sort_by(|a, b| {
                    let order = col
                        .value(a)
                        .cmp(&col.value(b))
                        .then_with(|| a.id.cmp(&b.id));
                    if descending { order.reverse() } else { order }
                });
            }
        }
        units
            .iter()
            .chain(&departments)
            .map(|u| u.id.clone())
            .collect()
    }

    /// The totals' columns for this project, left to right.
    pub fn totals_columns(&self) -> Vec<TotalsCol> {
        TotalsCol::all(self.project().areas.len())
    }

    /// The row of the matrix under the cursor.
    pub fn matrix_row(&self) -> Option<MatrixRow> {
        matrix_rows(self.project()).get(self.ui.matrix.row).copied()
    }

    /// The lines of the open form (none when no form is open).
    pub fn form_fields(&self) -> Vec<FormField> {
        self.ui
            .form
            .as_ref()
            .map(|f| crate::edit::form::fields(self.project(), &f.subject))
            .unwrap_or_default()
    }

    /// The field under the form's cursor.
    pub fn form_field(&self) -> Option<FormField> {
        let row = self.ui.form.as_ref()?.row;
        self.form_fields().into_iter().nth(row)
    }

    /// The unit, line and field under the entry cursor (the field is `None` on a line
    /// without one: a heading, "no penalties").
    pub fn entry_spot(&self) -> Option<(EntryUnit, Line, Option<Field>)> {
        let unit = self.entry_unit()?;
        let p = self.project();
        let line = *sheet_lines(p, &unit.id).get(self.ui.entry.line)?;
        let fields = line_fields(p, &unit.id, line);
        let field = fields.get(self.entry_field_index()).copied();
        Some((unit, line, field))
    }

    /// The index of the field under the entry cursor in its line's fields. The cursor
    /// keeps its column (`EntryState::field`) over a line with fewer fields, as a
    /// spreadsheet's does; on such a line it stands on the last one.
    pub fn entry_field_index(&self) -> usize {
        let Some(unit) = self.entry_unit() else {
            return 0;
        };
        let p = self.project();
        let count = sheet_lines(p, &unit.id)
            .get(self.ui.entry.line)
            .map_or(0, |l| line_fields(p, &unit.id, *l).len());
        self.ui.entry.field.min(count.saturating_sub(1))
    }
}

//! The one keymap: which key does what, where, and when it is worth offering. Key
//! handling, the `?` overlay, the footer hints, the dialogs' keys, the error screen and
//! every sentence that names a key are all read from [`BINDINGS`], so they cannot drift
//! apart.
//!
//! Each row binds one set of keys to one action, the argument in the action
//! (`Move(Dir::Up)`, `ShowPane(Pane::Ranking)`), as yazi's keymap does (`{ on, run, desc }`).
//! Rows that share a description in a context are listed as one (the arrows under "move").
//! A row's `when` says when the key does what its description says; the help and the
//! footer list it only then. It does not change what the key does: a key pressed where it
//! is not listed still reaches `update`, which answers as it always did ("move the cursor
//! to a department's column first").
//!
//! Space in the matrix and in the sheet has no `when`: it is the pane's main key, taught
//! by the footer wherever the cursor is (the pinned snapshots show it on an area row and
//! on a target). The one key whose meaning changes with the place is `w` in a sheet: on a
//! target or an actual it tries a value ([`Context::EntryNumber`]), elsewhere it asks what
//! the unit lacks.
//!
//! Which contexts apply now is decided here ([`contexts`]), not on the model, because the
//! bindings' `when`s read the model: the model must not import the keymap back.
//!
//! No binding needs Alt, a function key or a mouse (tmux and SSH eat them), and every
//! use of Esc has a second key (Ctrl-C or `q`), since a lone Esc is slow or lost there.

use super::model::{Field, Line, MatrixRow, Mode, Model, Overlay, Pane};
use super::msg::{Action, CaretMove, Dir, Msg};
use crate::i18n::{Lang, T};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Every pane, when nothing is being typed and no overlay is open.
    Global,
    Matrix,
    EntryList,
    EntrySheet,
    /// The sheet, the cursor on a target or an actual (before [`Context::EntrySheet`]).
    EntryNumber,
    /// The sheet, the cursor on a value cell (a number: before every other context): a
    /// digit, `.` or `-` types over the value, so `1`–`5` do not change panes there.
    EntryValue,
    Totals,
    Ranking,
    /// The ranking pane's 先进个人 view (before [`Context::Global`]).
    Individuals,
    Problems,
    /// Typing into a field.
    Typing,
    /// The indicator grid (按指标录入), nothing being typed.
    Grid,
    /// Typing into a cell of the indicator grid (before [`Context::Typing`]).
    GridTyping,
    /// Typing a search.
    Finding,
    /// A form: the fields of an entry or of the project's settings.
    Form,
    Presentation,
    Help,
    Explain,
    /// The returns window (报送情况).
    Status,
    Confirm,
    /// A return read by `I`, before it goes in: what it changes, scrolled, and the
    /// question.
    ImportPreview,
    /// The file changed on disk while edits waited to be written.
    Conflict,
    /// Quitting with edits that could not be written.
    QuitUnsaved,
    /// The file cannot be opened: its errors are shown instead of the panes.
    ErrorScreen,
}

/// A key: a code, with or without Ctrl. Shift is part of the character (`A`, `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const UP: Key = code(KeyCode::Up);
const DOWN: Key = code(KeyCode::Down);
const LEFT: Key = code(KeyCode::Left);
const RIGHT: Key = code(KeyCode::Right);
const PAGE_UP: Key = code(KeyCode::PageUp);
const PAGE_DOWN: Key = code(KeyCode::PageDown);
const ENTER: Key = code(KeyCode::Enter);
const ESC: Key = code(KeyCode::Esc);
const TAB: Key = code(KeyCode::Tab);
const BACKTAB: Key = code(KeyCode::BackTab);
const SPACE: Key = ch(' ');

/// One row of the keymap.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the `?` overlay says it does.
    pub text: T,
    /// Shown in the footer.
    pub hint: bool,
    /// When the key does what `text` says; `None`: wherever its context applies.
    pub when: Option<fn(&Model) -> bool>,
}

impl Binding {
    /// Whether the help and the footer offer this binding now.
    pub fn available(&self, model: &Model) -> bool {
        self.when.is_none_or(|when| when(model))
    }

    const fn when(self, when: fn(&Model) -> bool) -> Binding {
        Binding {
            when: Some(when),
            ..self
        }
    }
}

const fn b(context: Context, keys: &'static [Key], action: Action, text: T, hint: bool) -> Binding {
    Binding {
        context,
        keys,
        action,
        text,
        hint,
        when: None,
    }
}

// ---- when a binding is worth offering ----------------------------------------------------

/// The matrix has a row under the cursor.
fn on_matrix_row(m: &Model) -> bool {
    m.matrix_row().is_some()
}

/// The matrix cursor is on an indicator (not an area).
fn on_indicator(m: &Model) -> bool {
    matches!(m.matrix_row(), Some(MatrixRow::Indicator(_)))
}

/// The matrix cursor is in a department's column.
fn on_department_column(m: &Model) -> bool {
    m.ui.matrix
        .col
        .department()
        .is_some_and(|d| d < m.project().departments.len())
}

/// Edits wait while the file changed on disk.
fn in_conflict(m: &Model) -> bool {
    m.session.conflict
}

/// The file is still on disk (there is something to reload).
fn file_present(m: &Model) -> bool {
    !m.session.file_gone()
}

/// The entry list has a unit selected.
fn unit_selected(m: &Model) -> bool {
    m.entry_unit().is_some()
}

/// The entry list has a county or the zone selected (not a department).
fn county_or_zone_selected(m: &Model) -> bool {
    m.entry_unit().is_some_and(|u| !u.department)
}

/// The sheet's cursor is on a field (not a heading or "no penalties").
fn on_field(m: &Model) -> bool {
    matches!(m.entry_spot(), Some((_, _, Some(_))))
}

/// The sheet's cursor is on an indicator row scored on completion whose indicator leaves
/// the kind open (no `kind = ...`): `s` switches it.
fn on_switchable_row(m: &Model) -> bool {
    match m.entry_spot() {
        Some((_, Line::Row(ii), Some(f))) if f != Field::Prep => m
            .project()
            .indicators
            .get(ii)
            .is_some_and(|i| i.kind.is_none()),
        _ => false,
    }
}

/// The sheet's cursor is on a value that can be cleared.
/// On an organisation item of a sheet (its form: name, maximum, `applies_to`, `lead`).
fn on_org_line(m: &Model) -> bool {
    matches!(m.entry_spot(), Some((_, Line::Org(_), _)))
}

fn on_clearable_line(m: &Model) -> bool {
    matches!(
        m.entry_spot(),
        Some((
            _,
            Line::Survey | Line::Org(_) | Line::Row(_) | Line::Penalty(_),
            _
        ))
    )
}

/// The sheet's cursor is on a penalty.
fn on_penalty(m: &Model) -> bool {
    matches!(m.entry_spot(), Some((_, Line::Penalty(_), _)))
}

/// The sheet's cursor is on a target or an actual: a number that can be tried.
pub fn on_number(m: &Model) -> bool {
    m.ui.entry.in_sheet
        && matches!(
            m.entry_spot(),
            Some((_, Line::Row(_), Some(Field::Target | Field::Actual)))
        )
}

/// The sheet's cursor is anywhere but on a target or an actual.
fn off_number(m: &Model) -> bool {
    !on_number(m)
}

/// The sheet's cursor is on a value cell: a number that typing replaces (an
/// organisation item, the survey, a target, an actual, a deduction, a preparation score,
/// a penalty's points). Not a status, a penalty's level or its note.
pub fn on_value_cell(m: &Model) -> bool {
    if m.ui.pane.0 != Pane::Entry || !m.ui.entry.in_sheet {
        return false;
    }
    match m.entry_spot() {
        Some((_, _, Some(Field::Value | Field::Target | Field::Actual))) => true,
        Some((_, _, Some(Field::Deduction | Field::Prep))) => true,
        Some((unit, Line::Penalty(i), Some(Field::Level))) => m
            .project()
            .scores
            .get(&unit.id)
            .and_then(|s| s.penalties.get(i))
            .is_some_and(|p| matches!(p.kind, crate::project::PenaltyKind::Points(_))),
        _ => false,
    }
}

/// The grid's cursor is on a cell that takes a number (not a status).
fn on_grid_value(m: &Model) -> bool {
    matches!(
        m.grid_spot(),
        Some((_, _, super::model::GridCell::Value(..)))
    )
}

/// Anywhere but on a value cell of the sheet (where the digits type).
fn off_value_cell(m: &Model) -> bool {
    !on_value_cell(m)
}

/// Anywhere but in a unit's sheet (where Tab moves to the next field).
fn off_sheet(m: &Model) -> bool {
    !(m.ui.pane.0 == Pane::Entry && m.ui.entry.in_sheet)
}

/// The form's cursor is on a field.
fn on_form_field(m: &Model) -> bool {
    m.form_field().is_some()
}

/// The form's cursor is on a yes/no or a choice.
fn on_form_toggle(m: &Model) -> bool {
    m.form_field().is_some_and(|f| f.toggled().is_some())
}

/// The form's cursor is on a value that can be emptied.
fn on_form_clearable(m: &Model) -> bool {
    m.form_field().is_some_and(|f| f.clearable())
}

/// The totals or the ranking have a unit under the cursor.
fn on_ranked_unit(m: &Model) -> bool {
    m.ranking_len() > 0
}

/// Some unit has 先进个人 places or nominees (the 先进个人 view has something to show).
fn has_individuals(m: &Model) -> bool {
    !m.session.board.individuals.is_empty()
}

/// The problems list has one under the cursor.
fn on_problem(m: &Model) -> bool {
    !m.session.problems.is_empty()
}

use Action as A;
use Context as C;

/// The keys that start typing a new value on a cell of the grid.
const DIGITS: &[Key] = &[
    ch('0'),
    ch('1'),
    ch('2'),
    ch('3'),
    ch('4'),
    ch('5'),
    ch('6'),
    ch('7'),
    ch('8'),
    ch('9'),
    ch('.'),
    ch('-'),
];

/// The project has an indicator (the grid has something to show).
fn has_indicators(m: &Model) -> bool {
    !m.project().indicators.is_empty()
}

/// The whole keymap, in the order the help overlay lists it: one binding a line, read as
/// a table (rustfmt would spread each over six).
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // ---- typing into a cell of the indicator grid ----
    b(C::GridTyping, &[ENTER], A::Commit, T::KeyGridCommitDown, true),
    b(C::GridTyping, &[TAB], A::CommitNext, T::KeyGridCommitSide, true),
    b(C::GridTyping, &[BACKTAB], A::CommitPrev, T::KeyGridCommitSide, true),
    b(C::GridTyping, &[UP], A::CommitMove(Dir::Up), T::KeyGridCommitMove, false),
    b(C::GridTyping, &[DOWN], A::CommitMove(Dir::Down), T::KeyGridCommitMove, false),
    // ---- typing into a field ----
    b(C::Typing, &[ENTER], A::Commit, T::KeyCommit, true),
    b(C::Typing, &[TAB], A::CommitNext, T::KeyCommitNext, true),
    b(C::Typing, &[BACKTAB], A::CommitPrev, T::KeyCommitPrev, false),
    b(C::Typing, &[ESC, ctrl('c')], A::Cancel, T::KeyCancel, true),
    b(C::Typing, &[LEFT], A::Caret(CaretMove::Left), T::KeyCaret, false),
    b(C::Typing, &[RIGHT], A::Caret(CaretMove::Right), T::KeyCaret, false),
    b(C::Typing, &[code(KeyCode::Home)], A::Caret(CaretMove::Home), T::KeyCaret, false),
    b(C::Typing, &[code(KeyCode::End)], A::Caret(CaretMove::End), T::KeyCaret, false),
    b(C::Typing, &[code(KeyCode::Backspace)], A::DeleteBack, T::KeyDelete, false),
    b(C::Typing, &[code(KeyCode::Delete)], A::DeleteForward, T::KeyDelete, false),
    b(C::Typing, &[ctrl('a')], A::Caret(CaretMove::Home), T::KeyCaretEnds, false),
    b(C::Typing, &[ctrl('e')], A::Caret(CaretMove::End), T::KeyCaretEnds, false),
    b(C::Typing, &[ctrl('u')], A::ClearInput, T::KeyClearInput, false),
    b(C::Typing, &[ctrl('w')], A::DeleteWordBack, T::KeyDeleteWord, false),
    b(C::Typing, &[ctrl('k')], A::DeleteToEnd, T::KeyDeleteToEnd, false),
    b(C::Typing, &[UP], A::CommitMove(Dir::Up), T::KeyCommitMove, false),
    b(C::Typing, &[DOWN], A::CommitMove(Dir::Down), T::KeyCommitMove, false),
    // ---- typing a search ----
    b(C::Finding, &[ENTER], A::Jump, T::KeyFindGo, true),
    b(C::Finding, &[UP], A::Move(Dir::Up), T::KeyFindChoose, true),
    b(C::Finding, &[DOWN], A::Move(Dir::Down), T::KeyFindChoose, true),
    b(C::Finding, &[ESC, ctrl('c')], A::Cancel, T::KeyCancel, true),
    // ---- a form ----
    b(C::Form, &[ENTER, ch('e')], A::Edit, T::KeyEdit, true).when(on_form_field),
    b(C::Form, &[SPACE], A::Toggle, T::KeyFormToggle, true).when(on_form_toggle),
    b(C::Form, &[ch('x')], A::Clear, T::KeyFormClear, false).when(on_form_clearable),
    b(C::Form, &[ESC, ch('q'), ctrl('c')], A::Close, T::KeyClose, true),
    b(C::Form, &[UP], A::Move(Dir::Up), T::KeyMove, true),
    b(C::Form, &[DOWN], A::Move(Dir::Down), T::KeyMove, true),
    b(C::Form, &[ch('k')], A::Move(Dir::Up), T::KeyMove, true),
    b(C::Form, &[ch('j')], A::Move(Dir::Down), T::KeyMove, true),
    b(C::Form, &[ch('u')], A::Undo, T::KeyUndo, false),
    b(C::Form, &[ctrl('r')], A::Redo, T::KeyRedo, false),
    b(C::Form, &[ch('?')], A::Help, T::KeyHelp, true),
    // ---- overlays ----
    b(C::Help, &[UP], A::Move(Dir::Up), T::KeyScroll, true),
    b(C::Help, &[DOWN], A::Move(Dir::Down), T::KeyScroll, true),
    b(C::Help, &[PAGE_UP], A::Page(Dir::Up), T::KeyScroll, true),
    b(C::Help, &[PAGE_DOWN], A::Page(Dir::Down), T::KeyScroll, true),
    b(C::Help, &[ch('?'), ch('q'), ESC, ENTER, ctrl('c')], A::Close, T::KeyClose, true),
    b(C::Explain, &[UP], A::Move(Dir::Up), T::KeyScroll, true),
    b(C::Explain, &[DOWN], A::Move(Dir::Down), T::KeyScroll, true),
    b(C::Explain, &[PAGE_UP], A::Page(Dir::Up), T::KeyScroll, true),
    b(C::Explain, &[PAGE_DOWN], A::Page(Dir::Down), T::KeyScroll, true),
    b(C::Explain, &[ch('i'), ch('q'), ESC, ENTER, ctrl('c')], A::Close, T::KeyClose, true),
    b(C::Status, &[UP], A::Move(Dir::Up), T::KeyScroll, true),
    b(C::Status, &[DOWN], A::Move(Dir::Down), T::KeyScroll, true),
    b(C::Status, &[PAGE_UP], A::Page(Dir::Up), T::KeyScroll, true),
    b(C::Status, &[PAGE_DOWN], A::Page(Dir::Down), T::KeyScroll, true),
    b(C::Status, &[ch('k')], A::Move(Dir::Up), T::KeyScroll, true),
    b(C::Status, &[ch('j')], A::Move(Dir::Down), T::KeyScroll, true),
    b(C::Status, &[ch('T'), ch('q'), ESC, ctrl('c')], A::Close, T::KeyClose, true),
    b(C::ImportPreview, &[ch('y'), ENTER], A::Yes, T::KeyImportTake, true),
    b(C::ImportPreview, &[ch('n'), ESC, ch('q'), ctrl('c')], A::No, T::KeyImportCancel, true),
    b(C::ImportPreview, &[UP, ch('k')], A::Move(Dir::Up), T::KeyScroll, true),
    b(C::ImportPreview, &[DOWN, ch('j')], A::Move(Dir::Down), T::KeyScroll, true),
    b(C::ImportPreview, &[PAGE_UP], A::Page(Dir::Up), T::KeyScroll, true),
    b(C::ImportPreview, &[PAGE_DOWN], A::Page(Dir::Down), T::KeyScroll, true),
    b(C::Conflict, &[ch('r')], A::Reload, T::KeyReload, true).when(file_present),
    b(C::Conflict, &[ch('o')], A::Overwrite, T::KeyOverwrite, true),
    b(C::Conflict, &[ch('s')], A::SaveAs, T::KeySaveAs, true),
    b(C::Conflict, &[ESC, ctrl('c'), ch('q')], A::Close, T::KeyLater, true),
    b(C::QuitUnsaved, &[ch('s')], A::SaveAs, T::KeySaveAs, true),
    b(C::QuitUnsaved, &[ch('r')], A::Retry, T::KeyRetrySave, true),
    b(C::QuitUnsaved, &[ch('d')], A::Discard, T::KeyDiscardQuit, true),
    b(C::QuitUnsaved, &[ESC, ctrl('c'), ch('n')], A::Close, T::KeyKeepWorking, true),
    b(C::Confirm, &[ch('y'), ENTER], A::Yes, T::KeyYes, true),
    b(C::Confirm, &[ch('n'), ESC, ctrl('c')], A::No, T::KeyNo, true),
    b(C::Presentation, &[DOWN, PAGE_DOWN, SPACE, ch('j')], A::Page(Dir::Down), T::KeyPageNext, true),
    b(C::Presentation, &[UP, PAGE_UP, ch('k')], A::Page(Dir::Up), T::KeyPagePrev, false),
    b(C::Presentation, &[ch('p'), ch('q'), ESC, ctrl('c')], A::Presentation, T::KeyPresentEnd, true),
    // ---- the indicator grid ----
    b(C::Grid, DIGITS, A::TypeValue, T::KeyGridType, true).when(on_grid_value),
    b(C::Grid, &[ch('[')], A::GridIndicator(Dir::Left), T::KeyGridIndicator, true),
    b(C::Grid, &[ch(']')], A::GridIndicator(Dir::Right), T::KeyGridIndicator, true),
    b(C::Grid, &[ESC, ch('q'), ctrl('c')], A::Close, T::KeyGridBack, true),
    b(C::Grid, &[ch('?')], A::Help, T::KeyHelp, true),
    b(C::Grid, &[ENTER, ch('e')], A::Edit, T::KeyEdit, false),
    b(C::Grid, &[SPACE], A::Toggle, T::KeyGridStatus, false),
    b(C::Grid, &[ch('x')], A::Clear, T::KeyClear, false),
    b(C::Grid, &[UP], A::Move(Dir::Up), T::KeyMove, false),
    b(C::Grid, &[DOWN], A::Move(Dir::Down), T::KeyMove, false),
    b(C::Grid, &[LEFT], A::Move(Dir::Left), T::KeyMove, false),
    b(C::Grid, &[RIGHT], A::Move(Dir::Right), T::KeyMove, false),
    b(C::Grid, &[ch('k')], A::Move(Dir::Up), T::KeyMove, false),
    b(C::Grid, &[ch('j')], A::Move(Dir::Down), T::KeyMove, false),
    b(C::Grid, &[ch('h')], A::Move(Dir::Left), T::KeyMove, false),
    b(C::Grid, &[ch('l')], A::Move(Dir::Right), T::KeyMove, false),
    b(C::Grid, &[TAB], A::CommitNext, T::KeyGridCell, false),
    b(C::Grid, &[BACKTAB], A::CommitPrev, T::KeyGridCell, false),
    b(C::Grid, &[PAGE_UP], A::GridIndicator(Dir::Left), T::KeyGridIndicator, false),
    b(C::Grid, &[PAGE_DOWN], A::GridIndicator(Dir::Right), T::KeyGridIndicator, false),
    b(C::Grid, &[ch('i')], A::Explain, T::KeyExplain, false),
    b(C::Grid, &[ch('u')], A::Undo, T::KeyUndo, false),
    b(C::Grid, &[ctrl('r')], A::Redo, T::KeyRedo, false),
    // ---- the panes ----
    b(C::Matrix, &[SPACE], A::Toggle, T::KeyRole, true),
    b(C::Matrix, &[ENTER, ch('e')], A::Edit, T::KeyMatrixEdit, true).when(on_matrix_row),
    b(C::Matrix, &[ch('b')], A::ToggleBonus, T::KeyBonus, false).when(on_indicator),
    b(C::Matrix, &[ch('v')], A::ToggleDirection, T::KeyDirection, false).when(on_indicator),
    b(C::Matrix, &[ch('m')], A::EditMeasure, T::KeyMeasure, false).when(on_indicator),
    b(C::Matrix, &[ch('U')], A::EditUnits, T::KeyUnits, false).when(on_indicator),
    b(C::Matrix, &[ch('P')], A::EditPilot, T::KeyPilot, false).when(on_indicator),
    b(C::Matrix, &[ch('R')], A::MoveToArea, T::KeyMoveArea, false).when(on_indicator),
    b(C::Matrix, &[ch('f')], A::Fields, T::KeyFields, false).when(on_matrix_row),
    b(C::Matrix, &[ch('a')], A::Add, T::KeyAddIndicator, true),
    b(C::Matrix, &[ch('A')], A::AddArea, T::KeyAddArea, false),
    b(C::Matrix, &[ch('n')], A::AddDepartment, T::KeyAddDepartment, false),
    b(C::Matrix, &[ch('r')], A::Rename, T::KeyRenameDepartment, false).when(on_department_column),
    b(C::Matrix, &[ch('d')], A::Remove, T::KeyRemoveRow, false).when(on_matrix_row),
    b(C::Matrix, &[ch('D')], A::RemoveDepartment, T::KeyRemoveDepartment, false).when(on_department_column),
    b(C::EntryList, &[RIGHT, ENTER, ch('l')], A::Enter, T::KeyOpenSheet, true).when(unit_selected),
    b(C::EntryList, &[ch('r')], A::Rename, T::KeyRenameUnit, false).when(unit_selected),
    b(C::EntryList, &[ch('a')], A::Add, T::KeyAddUnit, false),
    b(C::EntryList, &[ch('t')], A::ToggleKind, T::KeyUnitKind, false).when(county_or_zone_selected),
    b(C::EntryList, &[ch('d')], A::Remove, T::KeyRemoveUnit, false).when(unit_selected),
    b(C::EntryList, &[ch('f')], A::Fields, T::KeyFields, false).when(unit_selected),
    b(C::EntryValue, &[ch('0')], A::TypeOver('0'), T::KeyTypeOver, true),
    b(C::EntryValue, &[ch('1')], A::TypeOver('1'), T::KeyTypeOver, true),
    b(C::EntryValue, &[ch('2')], A::TypeOver('2'), T::KeyTypeOver, true),
    b(C::EntryValue, &[ch('3')], A::TypeOver('3'), T::KeyTypeOver, true),
    b(C::EntryValue, &[ch('4')], A::TypeOver('4'), T::KeyTypeOver, true),
    b(C::EntryValue, &[ch('5')], A::TypeOver('5'), T::KeyTypeOver, true),
    b(C::EntryValue, &[ch('6')], A::TypeOver('6'), T::KeyTypeOver, true),
    b(C::EntryValue, &[ch('7')], A::TypeOver('7'), T::KeyTypeOver, true),
    b(C::EntryValue, &[ch('8')], A::TypeOver('8'), T::KeyTypeOver, true),
    b(C::EntryValue, &[ch('9')], A::TypeOver('9'), T::KeyTypeOver, true),
    b(C::EntryValue, &[ch('.')], A::TypeOver('.'), T::KeyTypeOver, true),
    b(C::EntryValue, &[ch('-')], A::TypeOver('-'), T::KeyTypeOver, true),
    b(C::EntryValue, &[ch('[')], A::CyclePane(Dir::Left), T::KeyNextPane, true),
    b(C::EntryValue, &[ch(']')], A::CyclePane(Dir::Right), T::KeyNextPane, true),
    b(C::EntrySheet, &[ENTER, ch('e')], A::Edit, T::KeyEdit, true).when(on_field),
    b(C::EntrySheet, &[TAB], A::NextField(Dir::Right), T::KeyNextField, false),
    b(C::EntrySheet, &[BACKTAB], A::NextField(Dir::Left), T::KeyNextField, false),
    b(C::EntrySheet, &[SPACE], A::Toggle, T::KeyToggleStatus, true),
    b(C::EntrySheet, &[ch('s')], A::SwitchKind, T::KeySwitchKind, false).when(on_switchable_row),
    b(C::EntrySheet, &[ch('x')], A::Clear, T::KeyClear, false).when(on_clearable_line),
    b(C::EntrySheet, &[ch('f')], A::Fields, T::KeyFields, false).when(on_org_line),
    b(C::EntrySheet, &[ch('a')], A::Add, T::KeyAddPenalty, false),
    b(C::EntrySheet, &[ch('d')], A::Remove, T::KeyRemovePenalty, false).when(on_penalty),
    b(C::EntrySheet, &[ch('i')], A::Explain, T::KeyExplain, true),
    b(C::EntryNumber, &[ch('w')], A::Scratch, T::KeyScratch, false),
    b(C::EntrySheet, &[ch('w')], A::WhatIf, T::KeyWhatIf, false).when(off_number),
    b(C::EntryList, &[ch('w')], A::WhatIf, T::KeyWhatIf, false).when(unit_selected),
    b(C::Totals, &[ch('w')], A::WhatIf, T::KeyWhatIf, false).when(on_ranked_unit),
    b(C::Totals, &[ch('s')], A::Sort, T::KeySort, true),
    b(C::Totals, &[ENTER], A::Jump, T::KeyOpenUnit, true).when(on_ranked_unit),
    b(C::Ranking, &[ENTER, ch('i')], A::Explain, T::KeyExplain, true).when(on_ranked_unit),
    b(C::Ranking, &[ch('p')], A::Presentation, T::KeyPresent, true),
    b(C::Ranking, &[ch('n')], A::Individuals, T::KeyIndividuals, true).when(has_individuals),
    b(C::Ranking, &[ch('w')], A::WhatIf, T::KeyWhatIf, true).when(on_ranked_unit),
    b(C::Individuals, &[ch('n')], A::Individuals, T::KeyRankingBoard, true),
    b(C::Individuals, &[ch('p')], A::Presentation, T::KeyPresent, true),
    b(C::Problems, &[ENTER], A::Jump, T::KeyJump, true).when(on_problem),
    // the indicator grid, from the panes
    b(C::Matrix, &[ch('o')], A::OpenGrid, T::KeyGrid, false).when(on_indicator),
    b(C::EntryList, &[ch('o')], A::OpenGrid, T::KeyGrid, true).when(has_indicators),
    b(C::EntrySheet, &[ch('o')], A::OpenGrid, T::KeyGrid, false).when(has_indicators),
    // ---- everywhere ----
    b(C::Global, &[UP], A::Move(Dir::Up), T::KeyMove, true),
    b(C::Global, &[DOWN], A::Move(Dir::Down), T::KeyMove, true),
    b(C::Global, &[LEFT], A::Move(Dir::Left), T::KeyMove, true),
    b(C::Global, &[RIGHT], A::Move(Dir::Right), T::KeyMove, true),
    b(C::Global, &[ch('k')], A::Move(Dir::Up), T::KeyMove, true),
    b(C::Global, &[ch('j')], A::Move(Dir::Down), T::KeyMove, true),
    b(C::Global, &[ch('h')], A::Move(Dir::Left), T::KeyMove, true),
    b(C::Global, &[ch('l')], A::Move(Dir::Right), T::KeyMove, true),
    b(C::Global, &[PAGE_UP], A::Page(Dir::Up), T::KeyPage, false),
    b(C::Global, &[PAGE_DOWN], A::Page(Dir::Down), T::KeyPage, false),
    b(C::Global, &[ch('g')], A::Top, T::KeyPage, false),
    b(C::Global, &[ch('G')], A::Bottom, T::KeyPage, false),
    b(C::Global, &[ch('1')], A::ShowPane(Pane::Matrix), T::KeyPanes, false).when(off_value_cell),
    b(C::Global, &[ch('2')], A::ShowPane(Pane::Entry), T::KeyPanes, false).when(off_value_cell),
    b(C::Global, &[ch('3')], A::ShowPane(Pane::Totals), T::KeyPanes, false).when(off_value_cell),
    b(C::Global, &[ch('4')], A::ShowPane(Pane::Ranking), T::KeyPanes, false).when(off_value_cell),
    b(C::Global, &[ch('5')], A::ShowPane(Pane::Problems), T::KeyPanes, false).when(off_value_cell),
    b(C::Global, &[TAB], A::CyclePane(Dir::Right), T::KeyNextPane, false).when(off_sheet),
    b(C::Global, &[BACKTAB], A::CyclePane(Dir::Left), T::KeyNextPane, false).when(off_sheet),
    b(C::Global, &[ch('[')], A::CyclePane(Dir::Left), T::KeyNextPane, false).when(off_value_cell),
    b(C::Global, &[ch(']')], A::CyclePane(Dir::Right), T::KeyNextPane, false).when(off_value_cell),
    b(C::Global, &[ch('/')], A::Find, T::KeyFind, true),
    b(C::Global, &[ch('c')], A::Compare, T::KeyCompare, false),
    b(C::Global, &[ch('X')], A::Export, T::KeyExport, false),
    b(C::Global, &[ch('I')], A::Import, T::KeyImport, false),
    b(C::Global, &[ch('W')], A::Sheets, T::KeySheets, false),
    b(C::Global, &[ch('S')], A::Settings, T::KeySettings, false),
    b(C::Global, &[ch('T')], A::ReturnsStatus, T::KeyReturnsStatus, false),
    b(C::Global, &[ch('!')], A::ResolveConflict, T::KeyResolveConflict, true).when(in_conflict),
    b(C::Global, &[ch('u')], A::Undo, T::KeyUndo, false),
    b(C::Global, &[ctrl('r')], A::Redo, T::KeyRedo, false),
    b(C::Global, &[ch('?')], A::Help, T::KeyHelp, true),
    b(C::Global, &[ch('q'), ctrl('c')], A::Quit, T::KeyQuit, true),
    // ---- a file that cannot be opened ----
    b(C::ErrorScreen, &[ch('e')], A::OpenEditor, T::KeyOpenEditor, true),
    b(C::ErrorScreen, &[ch('r')], A::Retry, T::KeyRetry, true),
    b(C::ErrorScreen, &[ch('q'), ESC], A::Quit, T::KeyQuit, true),
];

// ---- from a key to a message ---------------------------------------------------------------

/// The contexts whose bindings apply now, most specific first.
pub fn contexts(model: &Model) -> Vec<Context> {
    if let Some(overlay) = &model.ui.overlay {
        return vec![match overlay {
            Overlay::Help { .. } => Context::Help,
            Overlay::Explain { .. } => Context::Explain,
            Overlay::Status { .. } => Context::Status,
            Overlay::Import { .. } => Context::ImportPreview,
            Overlay::Confirm { .. }
            | Overlay::Recover(_)
            | Overlay::Implausible { .. }
            | Overlay::Paste { .. } => Context::Confirm,
            Overlay::Conflict => Context::Conflict,
            Overlay::QuitUnsaved => Context::QuitUnsaved,
        }];
    }
    base_contexts(model)
}

/// The contexts under any overlay: what the help lists.
pub fn base_contexts(model: &Model) -> Vec<Context> {
    match &model.ui.mode {
        Mode::Editing(_) if model.grid().is_some() && model.ui.form.is_none() => {
            return vec![Context::GridTyping, Context::Typing];
        }
        Mode::Editing(_) => return vec![Context::Typing],
        Mode::Finding(_) => return vec![Context::Finding, Context::Typing],
        Mode::Normal => {}
    }
    if model.ui.form.is_some() {
        return vec![Context::Form];
    }
    if model.ui.ranking.presenting {
        return vec![Context::Presentation];
    }
    if model.grid().is_some() {
        return vec![Context::Grid];
    }
    match model.ui.pane.0 {
        Pane::Matrix => vec![Context::Matrix, Context::Global],
        Pane::Entry if model.ui.entry.in_sheet => {
            let mut contexts = vec![Context::EntrySheet, Context::Global];
            if on_number(model) {
                contexts.insert(0, Context::EntryNumber);
            }
            if on_value_cell(model) {
                contexts.insert(0, Context::EntryValue);
            }
            contexts
        }
        Pane::Entry => vec![Context::EntryList, Context::Global],
        Pane::Totals => vec![Context::Totals, Context::Global],
        Pane::Ranking if model.ui.ranking.individuals => {
            vec![Context::Individuals, Context::Global]
        }
        Pane::Ranking => vec![Context::Ranking, Context::Global],
        Pane::Problems => vec![Context::Problems, Context::Global],
    }
}

/// The message a key means now, if any: its binding's action, or a character typed into
/// the field being edited.
pub fn message(model: &Model, event: &KeyEvent) -> Option<Msg> {
    let key = key_of(event)?;
    if let Some(action) = lookup(&contexts(model), key) {
        return Some(match (action, key.code) {
            // A digit on a value of the grid is the first character of the new value.
            (Action::TypeValue, KeyCode::Char(c)) => Msg::Char(c),
            _ => Msg::Act(action),
        });
    }
    let typing =
        matches!(model.ui.mode, Mode::Editing(_) | Mode::Finding(_)) && model.ui.overlay.is_none();
    match key.code {
        KeyCode::Char(c) if typing && !key.ctrl => Some(Msg::Char(c)),
        _ => None,
    }
}

/// What a key does on the screen of a file that cannot be opened. Ctrl is not looked at
/// there (Ctrl-Q quits like `q`), as it never was.
pub fn error_screen_action(event: &KeyEvent) -> Option<Action> {
    let key = key_of(event)?;
    lookup(&[Context::ErrorScreen], Key { ctrl: false, ..key })
}

/// A key event as a [`Key`]: presses and repeats only; none with Alt.
pub fn key_of(event: &KeyEvent) -> Option<Key> {
    if event.kind == KeyEventKind::Release || event.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let code = match event.code {
        // Some terminals send Ctrl-letters as uppercase.
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    Some(Key { code, ctrl })
}

/// The action bound to `key` in the first of `contexts` that binds it.
pub fn lookup(contexts: &[Context], key: Key) -> Option<Action> {
    contexts.iter().find_map(|ctx| {
        BINDINGS
            .iter()
            .find(|b| b.context == *ctx && b.keys.contains(&key))
            .map(|b| b.action)
    })
}

// ---- from the keymap to text -----------------------------------------------------------------

/// The bindings of `contexts`, in table order.
pub fn active(contexts: &[Context]) -> impl Iterator<Item = &'static Binding> + '_ {
    BINDINGS.iter().filter(|b| contexts.contains(&b.context))
}

/// A line of the help or the footer: keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// The keys, as [`keys_label`] groups them: `↑↓←→/hjkl`.
    pub keys: String,
    pub text: T,
    /// Shown in the footer too.
    pub hint: bool,
}

/// What the help and the footer list for `contexts` now: the bindings available, those
/// of a context that share a description on one line.
pub fn listed(model: &Model, contexts: &[Context]) -> Vec<Listed> {
    let mut groups: Vec<(Context, T, bool, Vec<Key>)> = Vec::new();
    // A key of a field that the grid's cell takes over (Enter, Tab) is listed once.
    let shadowed = |b: &Binding| {
        b.context == Context::Typing
            && contexts.contains(&Context::GridTyping)
            && b.keys
                .iter()
                .all(|k| lookup(&[Context::GridTyping], *k).is_some())
    };
    for binding in active(contexts).filter(|b| b.available(model) && !shadowed(b)) {
        match groups.last_mut() {
            Some((context, text, _, keys))
                if *context == binding.context && *text == binding.text =>
            {
                keys.extend_from_slice(binding.keys)
            }
            _ => groups.push((
                binding.context,
                binding.text,
                binding.hint,
                binding.keys.to_vec(),
            )),
        }
    }
    groups
        .into_iter()
        .map(|(_, text, hint, keys)| Listed {
            keys: keys_label(&keys, model.lang),
            text,
            hint,
        })
        .collect()
}

/// A key as the help shows it: `q`, `Ctrl-R`, `Enter`, `↑`.
pub fn key_name(key: Key, lang: Lang) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => lang.pick("空格", "Space").to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        other => format!("{other:?}"),
    };
    if key.ctrl {
        format!("Ctrl-{}", name.to_uppercase())
    } else {
        name
    }
}

/// Keys joined: `Esc/Ctrl-C`. Arrow keys, `hjkl` and the pane numbers are shown as groups.
pub fn keys_label(keys: &[Key], lang: Lang) -> String {
    let names: Vec<String> = keys.iter().map(|k| key_name(*k, lang)).collect();
    names
        .join("/")
        .replace("↑/↓/←/→", "↑↓←→")
        .replace("k/j/h/l", "hjkl")
        .replace("0/1/2/3/4/5/6/7/8/9/./-", "0–9 . -")
        .replace("1/2/3/4/5", "1–5")
        .replace("0/1–5/6/7/8/9/./-", "0–9 . -")
        .replace("Tab/Shift-Tab/[/]", "Tab/Shift-Tab [ ]")
        .replace("[/]", "[ ]")
        .replace("←/→/Home/End", "←→ Home End")
        .replace("↑/↓/PgUp/PgDn", "↑↓ PgUp PgDn")
        .replace("↑/↓", "↑↓")
}

/// A key that a sentence names — a dialog's, a hint's, the tab bar's — by the binding it
/// belongs to. A sentence names a binding's first key (`y`, `u`), or as many as it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mention {
    /// `u`, after a change that can be undone.
    Undo,
    /// `q`, under "terminal too small".
    Quit,
    /// `/`, before the search field.
    Find,
    /// `1`…`5`, in the tab bar.
    Pane(Pane),
    /// `y`, in a question.
    Yes,
    /// `n/Esc`, in a question.
    No,
    /// `?`, in the help's title.
    CloseHelp,
    /// `Space`, `Enter`, `a`, `d` on a sheet's penalties.
    PenaltyLevel,
    SheetEdit,
    AddPenalty,
    RemovePenalty,
    /// `Esc`, in a sentence about typing.
    Cancel,
    /// `Enter`, in a sentence about typing (a warning that still lets it commit).
    Commit,
    /// `Esc/Ctrl-C`, in the title of a value tried without saving it.
    Discard,
    /// `p`, `↑`, `↓` at the foot of the presentation.
    LeavePresentation,
    PagePrev,
    PageNext,
    /// `r`, on the screen of a file with errors.
    Retry,
    /// `!`, in the header while a conflict waits.
    ResolveConflict,
}

impl Mention {
    /// Every mention (for the test that each has a binding).
    pub const ALL: &[Mention] = &[
        Mention::Undo,
        Mention::Quit,
        Mention::Find,
        Mention::Pane(Pane::Matrix),
        Mention::Pane(Pane::Entry),
        Mention::Pane(Pane::Totals),
        Mention::Pane(Pane::Ranking),
        Mention::Pane(Pane::Problems),
        Mention::Yes,
        Mention::No,
        Mention::CloseHelp,
        Mention::PenaltyLevel,
        Mention::SheetEdit,
        Mention::AddPenalty,
        Mention::RemovePenalty,
        Mention::Cancel,
        Mention::Commit,
        Mention::Discard,
        Mention::LeavePresentation,
        Mention::PagePrev,
        Mention::PageNext,
        Mention::Retry,
        Mention::ResolveConflict,
    ];

    /// The binding's action and context, and how many of its keys the sentence names.
    fn binding(self) -> (Action, Context, usize) {
        match self {
            Mention::Undo => (A::Undo, C::Global, 1),
            Mention::Quit => (A::Quit, C::Global, 1),
            Mention::Find => (A::Find, C::Global, 1),
            Mention::Pane(pane) => (A::ShowPane(pane), C::Global, 1),
            Mention::Yes => (A::Yes, C::Confirm, 1),
            Mention::No => (A::No, C::Confirm, 2),
            Mention::CloseHelp => (A::Close, C::Help, 1),
            Mention::PenaltyLevel => (A::Toggle, C::EntrySheet, 1),
            Mention::SheetEdit => (A::Edit, C::EntrySheet, 1),
            Mention::AddPenalty => (A::Add, C::EntrySheet, 1),
            Mention::RemovePenalty => (A::Remove, C::EntrySheet, 1),
            Mention::Cancel => (A::Cancel, C::Typing, 1),
            Mention::Commit => (A::Commit, C::Typing, 1),
            Mention::Discard => (A::Cancel, C::Typing, usize::MAX),
            Mention::LeavePresentation => (A::Presentation, C::Presentation, 1),
            Mention::PagePrev => (A::Page(Dir::Up), C::Presentation, 1),
            Mention::PageNext => (A::Page(Dir::Down), C::Presentation, 1),
            Mention::Retry => (A::Retry, C::ErrorScreen, 1),
            Mention::ResolveConflict => (A::ResolveConflict, C::Global, 1),
        }
    }
}

/// The binding of `action` in `context`.
fn binding_of(action: Action, context: Context) -> Option<&'static Binding> {
    BINDINGS
        .iter()
        .find(|b| b.context == context && b.action == action)
}

/// The key(s) a sentence names, as the help shows them (`?` if the keymap lost the
/// binding, which a test rules out).
pub fn mention(mention: Mention, lang: Lang) -> String {
    let (action, context, count) = mention.binding();
    match binding_of(action, context) {
        Some(b) => keys_label(&b.keys[..count.min(b.keys.len())], lang),
        None => "?".into(),
    }
}

/// A binding's first key, as a line of keys names it (`e open $EDITOR …`).
pub fn first_key(binding: &Binding, lang: Lang) -> String {
    keys_label(&binding.keys[..1.min(binding.keys.len())], lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_binding_needs_alt_or_a_function_key_and_esc_always_has_a_twin() {
        for binding in BINDINGS {
            for key in binding.keys {
                assert!(!matches!(key.code, KeyCode::F(_)), "{:?}", binding.action);
            }
            if binding.keys.contains(&ESC) {
                assert!(binding.keys.len() > 1, "Esc alone for {:?}", binding.action);
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for key in a.keys {
                        assert!(!b.keys.contains(key), "{key:?} twice in {:?}", a.context);
                    }
                }
            }
        }
    }

    #[test]
    fn arrows_and_pane_numbers_resolve() {
        assert_eq!(lookup(&[C::Global], UP), Some(A::Move(Dir::Up)));
        assert_eq!(lookup(&[C::Global], ch('l')), Some(A::Move(Dir::Right)));
        assert_eq!(
            lookup(&[C::Global], ch('4')),
            Some(A::ShowPane(Pane::Ranking))
        );
        assert_eq!(lookup(&[C::Global], BACKTAB), Some(A::CyclePane(Dir::Left)));
        assert_eq!(lookup(&[C::Ranking, C::Global], ENTER), Some(A::Explain));
        assert_eq!(
            lookup(&[C::Typing], code(KeyCode::Delete)),
            Some(A::DeleteForward)
        );
        assert_eq!(lookup(&[C::Global], ch('z')), None);
    }

    #[test]
    fn every_key_a_sentence_names_has_a_binding() {
        for m in Mention::ALL {
            let (action, context, count) = m.binding();
            let b = binding_of(action, context)
                .unwrap_or_else(|| panic!("{m:?}: no binding of {action:?} in {context:?}"));
            assert!(count >= 1 && !b.keys.is_empty(), "{m:?}");
        }
        // Exactly as the sentences always said them.
        let l = Lang::En;
        assert_eq!(mention(Mention::No, l), "n/Esc");
        assert_eq!(mention(Mention::Discard, l), "Esc/Ctrl-C");
        assert_eq!(mention(Mention::Pane(Pane::Ranking), l), "4");
        assert_eq!(mention(Mention::PenaltyLevel, Lang::Zh), "空格");
        assert_eq!(mention(Mention::CloseHelp, l), "?");
    }

    #[test]
    fn rows_listed_together_share_their_hint_and_condition() {
        for (i, a) in BINDINGS.iter().enumerate() {
            if let Some(b) = BINDINGS.get(i + 1)
                && a.context == b.context
                && a.text == b.text
            {
                assert_eq!(a.hint, b.hint, "{:?} / {:?}", a.action, b.action);
                assert_eq!(a.when.is_some(), b.when.is_some(), "{:?}", a.action);
            }
        }
    }

    /// A model on the demo (a copy in a temporary folder, kept alive with it).
    fn demo() -> (Model, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.toml");
        std::fs::write(&path, crate::project::DEMO).unwrap();
        let session = crate::session::Session::open(&path, false).unwrap();
        (Model::new(session, Lang::En), dir)
    }

    fn offered(model: &Model) -> Vec<T> {
        listed(model, &base_contexts(model))
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn the_help_offers_only_the_keys_that_do_something_here() {
        use super::super::model::MatrixCol;
        let (mut m, _dir) = demo();
        // The matrix, on an area's name: no department or indicator keys.
        m.ui.pane.0 = Pane::Matrix;
        let here = offered(&m);
        for absent in [T::KeyRenameDepartment, T::KeyRemoveDepartment, T::KeyBonus] {
            assert!(!here.contains(&absent), "{absent:?} offered on an area");
        }
        assert!(here.contains(&T::KeyRemoveRow) && here.contains(&T::KeyRole));
        // On an indicator, in a department's column: all of them.
        m.ui.matrix.row = 1;
        m.ui.matrix.col = MatrixCol::Department(0);
        let here = offered(&m);
        for present in [T::KeyRenameDepartment, T::KeyRemoveDepartment, T::KeyBonus] {
            assert!(here.contains(&present), "{present:?} not offered");
        }
        // The sheet: `w` tries a value on a target, and asks what the unit lacks elsewhere;
        // `d` removes a penalty only on one.
        m.ui.pane.0 = Pane::Entry;
        m.ui.entry.in_sheet = true;
        let lines = super::super::model::sheet_lines(m.project(), "jia");
        m.ui.entry.line = lines
            .iter()
            .position(|l| matches!(l, Line::Row(_)))
            .unwrap();
        let here = offered(&m);
        assert!(here.contains(&T::KeyScratch) && !here.contains(&T::KeyWhatIf));
        assert!(!here.contains(&T::KeyRemovePenalty));
        assert_eq!(lookup(&base_contexts(&m), ch('w')), Some(A::Scratch));
        m.ui.entry.line = 0;
        let here = offered(&m);
        assert!(!here.contains(&T::KeyScratch) && here.contains(&T::KeyWhatIf));
        assert_eq!(lookup(&base_contexts(&m), ch('w')), Some(A::WhatIf));
        // A department in the list cannot become the zone.
        m.ui.entry.in_sheet = false;
        assert!(offered(&m).contains(&T::KeyUnitKind));
        m.ui.entry.unit = m.project().units.len();
        assert!(!offered(&m).contains(&T::KeyUnitKind));
    }

    #[test]
    fn the_forms_keys_are_offered_where_they_work() {
        use crate::edit::form::Subject;
        use crate::tui::model::Form;
        let (mut m, _dir) = demo();
        // The settings from anywhere; a form from a row of the matrix or the unit list.
        assert!(offered(&m).contains(&T::KeySettings) && offered(&m).contains(&T::KeyFields));
        m.ui.pane.0 = Pane::Matrix;
        assert!(offered(&m).contains(&T::KeyFields));
        m.ui.pane.0 = Pane::Totals;
        assert!(!offered(&m).contains(&T::KeyFields) && offered(&m).contains(&T::KeySettings));
        // In a form: only its keys; Space on a yes/no, x on a value that can be emptied.
        m.ui.form = Some(Form {
            subject: Subject::Indicator("new-jobs".into()),
            row: 0,
            top: 0,
        });
        assert_eq!(base_contexts(&m), vec![Context::Form]);
        let here = offered(&m);
        assert!(here.contains(&T::KeyEdit) && here.contains(&T::KeyClose));
        assert!(!here.contains(&T::KeyFormToggle) && !here.contains(&T::KeyFormClear));
        assert!(!here.contains(&T::KeySettings) && !here.contains(&T::KeyQuit));
        assert_eq!(lookup(&base_contexts(&m), ch('q')), Some(A::Close));
        let at = |m: &Model, key: &str| m.form_fields().iter().position(|f| f.key == key);
        let bonus = at(&m, "bonus").unwrap();
        m.ui.form.as_mut().unwrap().row = bonus;
        assert!(offered(&m).contains(&T::KeyFormToggle));
        let measure = at(&m, "measure").unwrap();
        m.ui.form.as_mut().unwrap().row = measure;
        let here = offered(&m);
        assert!(here.contains(&T::KeyFormClear) && !here.contains(&T::KeyFormToggle));
    }

    #[test]
    fn the_individuals_view_is_offered_where_it_has_something_to_show() {
        let (mut m, _dir) = demo();
        m.ui.pane.0 = Pane::Ranking;
        let here = offered(&m);
        assert!(here.contains(&T::KeyIndividuals) && here.contains(&T::KeyExplain));
        assert_eq!(lookup(&base_contexts(&m), ch('n')), Some(A::Individuals));
        // In the view: back to the board, the presentation; no explanation of a rank.
        m.ui.ranking.individuals = true;
        assert_eq!(base_contexts(&m), vec![C::Individuals, C::Global]);
        let here = offered(&m);
        assert!(here.contains(&T::KeyRankingBoard) && here.contains(&T::KeyPresent));
        assert!(!here.contains(&T::KeyExplain) && !here.contains(&T::KeyIndividuals));
        assert_eq!(lookup(&base_contexts(&m), ch('n')), Some(A::Individuals));
        // No places and no nominees anywhere: not offered (the key still works).
        m.ui.ranking.individuals = false;
        m.session.board.individuals.clear();
        assert!(!offered(&m).contains(&T::KeyIndividuals));
        assert_eq!(lookup(&base_contexts(&m), ch('n')), Some(A::Individuals));
    }

    #[test]
    fn a_row_switches_kind_only_when_its_indicator_leaves_the_kind_open() {
        let (mut m, _dir) = demo();
        m.ui.pane.0 = Pane::Entry;
        m.ui.entry.in_sheet = true;
        let p = m.project();
        let lines = super::super::model::sheet_lines(p, "jia");
        let row_of = |fixed: bool| {
            lines
                .iter()
                .position(|l| match l {
                    Line::Row(ii) => {
                        let i = &p.indicators[*ii];
                        i.kind.is_some() == fixed && i.is_pilot("jia")
                    }
                    _ => false,
                })
                .unwrap()
        };
        let (open, fixed) = (row_of(false), row_of(true));
        m.ui.entry.line = open;
        assert!(offered(&m).contains(&T::KeySwitchKind));
        m.ui.entry.line = fixed;
        assert!(!offered(&m).contains(&T::KeySwitchKind));
        assert_eq!(lookup(&base_contexts(&m), ch('s')), Some(A::SwitchKind));
    }

    #[test]
    fn a_key_not_offered_still_reaches_update() {
        let (mut m, _dir) = demo();
        m.ui.pane.0 = Pane::Matrix;
        assert!(!offered(&m).contains(&T::KeyRenameDepartment));
        assert_eq!(lookup(&base_contexts(&m), ch('r')), Some(A::Rename));
    }
}

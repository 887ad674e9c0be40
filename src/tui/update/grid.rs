//! The indicator grid's commands (按指标录入): open it on an indicator, move, switch to
//! the next indicator, type a value over a cell and go on down the column, flip a status,
//! clear a value. A typed value is the sheet's own edit (a [`Target::Sheet`]), previewed
//! and committed by the same code as in the sheet ([`super::typing`]); the grid only
//! decides where the cursor goes next.

use super::super::keymap::{self, Mention};
use super::super::layout;
use super::super::model::*;
use super::super::msg::{Action, Dir, Effect};
use super::{commit, error, info, start_editing, typing};
use crate::edit::Edit;
use crate::i18n::{GridText, T};
use crate::project::Row;
use crate::text::sanitize;

/// Opens the grid on the indicator under the cursor: the matrix's row, the sheet's row
/// (on its unit and field), or else the one shown last (on the unit selected).
pub(super) fn open(model: &mut Model) {
    let p = model.project();
    if p.indicators.is_empty() {
        let text = GridText(model.lang).no_indicators();
        error(model, text);
        return;
    }
    let last = model.ui.grid.map_or(0, |g| g.indicator);
    let (indicator, unit, field) = match model.ui.pane.0 {
        Pane::Matrix => match model.matrix_row() {
            Some(MatrixRow::Indicator(ii)) => (ii, None, None),
            _ => (last, None, None),
        },
        _ => match model.entry_spot() {
            Some((unit, Line::Row(ii), field)) if model.ui.entry.in_sheet => {
                (ii, Some(unit.id), field)
            }
            Some((unit, _, _)) => (last, Some(unit.id), None),
            None => (last, None, None),
        },
    };
    let indicator = indicator.min(p.indicators.len() - 1);
    let row = unit
        .and_then(|id| grid_units(p, indicator).iter().position(|u| u.id == id))
        .unwrap_or(0);
    let wanted = match field {
        Some(Field::Target) => Some(GridCol::Target),
        Some(Field::Status) => Some(GridCol::Status),
        Some(Field::Deduction) => Some(GridCol::Deduction),
        Some(Field::Prep) => Some(GridCol::Prep),
        _ => Some(GridCol::Actual),
    };
    let cols = grid_cols(p, indicator);
    let col = wanted
        .and_then(|c| cols.iter().position(|x| *x == c))
        .unwrap_or(0);
    model.ui.pane.0 = Pane::Entry;
    model.ui.grid = Some(GridState {
        indicator,
        row,
        col,
        top: 0,
    });
    first_value_in_row(model);
}

/// Puts the open grid's cursor on a unit's field of an indicator (after an undo or a
/// redo changed it); false when the grid is closed or the cell is not in it.
pub(super) fn show_cell(model: &mut Model, unit: &str, ii: usize, field: Field) -> bool {
    if model.ui.grid.is_none() {
        return false;
    }
    let p = model.project();
    let Some(row) = grid_units(p, ii).iter().position(|u| u.id == unit) else {
        return false;
    };
    let wanted = match field {
        Field::Target => GridCol::Target,
        Field::Status => GridCol::Status,
        Field::Deduction => GridCol::Deduction,
        Field::Prep => GridCol::Prep,
        _ => GridCol::Actual,
    };
    let col = grid_cols(p, ii)
        .iter()
        .position(|c| *c == wanted)
        .unwrap_or(0);
    if let Some(g) = model.ui.grid.as_mut() {
        g.indicator = ii;
        g.row = row;
        g.col = col;
    }
    clamp(model);
    true
}

/// Runs a command of the grid (nothing being typed).
pub(super) fn act(model: &mut Model, action: Action) {
    match action {
        Action::Move(dir) => move_cursor(model, dir, false),
        Action::CommitNext => move_cursor(model, Dir::Right, true),
        Action::CommitPrev => move_cursor(model, Dir::Left, true),
        Action::GridIndicator(dir) => switch_indicator(model, dir),
        Action::Edit => edit(model),
        Action::Toggle => toggle_status(model),
        Action::Clear => clear(model),
        Action::Explain => explain(model),
        Action::Undo => super::undo(model),
        Action::Redo => super::redo(model),
        Action::Help => super::show_help(model),
        Action::Close => model.ui.grid = None,
        _ => {}
    }
}

/// A digit, `.` or `-` on a cell: starts typing a new value that replaces the old one.
pub(super) fn type_over(model: &mut Model, c: char) {
    match model.grid_spot() {
        Some((unit, _, GridCell::Value(field, _))) => {
            let target = Target::Sheet {
                unit: unit.id,
                field,
            };
            start_editing(model, target, &c.to_string());
        }
        Some((_, _, GridCell::Status(_))) => status_by_key(model),
        _ => nothing_here(model),
    }
}

/// Enter or `e`: edits the value of the cell as it is.
fn edit(model: &mut Model) {
    match model.grid_spot() {
        Some((unit, _, GridCell::Value(field, value))) => {
            let text = value.map(|v| v.to_string()).unwrap_or_default();
            let target = Target::Sheet {
                unit: unit.id,
                field,
            };
            start_editing(model, target, &text);
        }
        // Enter never changes a status (issue 11): it says which key does.
        Some((_, _, GridCell::Status(_))) => status_by_key(model),
        _ => nothing_here(model),
    }
}

/// A key while typing into a cell: Enter commits and goes down the column, Tab /
/// Shift-Tab commit and go right / left, ↑ ↓ commit and go up / down; the rest (the
/// caret, Esc) as in any field.
pub(super) fn editing(model: &mut Model, action: Action) -> Option<Effect> {
    let (dir, wrap) = match action {
        Action::Commit => (Dir::Down, false),
        Action::CommitNext => (Dir::Right, true),
        Action::CommitPrev => (Dir::Left, true),
        Action::CommitMove(dir) => (dir, false),
        _ => return typing::editing(model, action),
    };
    let effect = typing::commit_typed(model, action, false);
    if matches!(model.ui.mode, Mode::Normal) && model.ui.overlay.is_none() {
        move_cursor(model, dir, wrap);
    }
    effect
}

/// After a value asked about (far off its target) is committed: the move its key said.
pub(super) fn moved_after_commit(model: &mut Model, then: Then) {
    let (dir, wrap) = match then {
        Then::NextField => (Dir::Right, true),
        Then::PrevField => (Dir::Left, true),
        Then::Up => (Dir::Up, false),
        Then::Down => (Dir::Down, false),
    };
    move_cursor(model, dir, wrap);
}

/// Moves the cursor: up and down keep the column; left and right skip the cells that
/// take nothing. `wrap` (Tab): past the last cell of a row, on to the next row.
fn move_cursor(model: &mut Model, dir: Dir, wrap: bool) {
    let Some(g) = model.ui.grid else {
        return;
    };
    let p = model.project();
    let units = grid_units(p, g.indicator);
    let cols = grid_cols(p, g.indicator);
    let takes = |row: usize, col: usize| {
        units.get(row).is_some_and(|u| {
            cols.get(col)
                .is_some_and(|c| grid_cell(p, u, g.indicator, *c) != GridCell::None)
        })
    };
    let (mut row, mut col) = (g.row, g.col);
    match dir {
        Dir::Up => row = row.saturating_sub(1),
        Dir::Down => row = (row + 1).min(units.len().saturating_sub(1)),
        Dir::Right | Dir::Left => {
            let forward = dir == Dir::Right;
            let cells: Vec<(usize, usize)> = (0..units.len())
                .flat_map(|r| (0..cols.len()).map(move |c| (r, c)))
                .filter(|(r, c)| takes(*r, *c))
                .collect();
            let here = cells.iter().position(|x| *x == (row, col));
            let next = match (here, forward) {
                (Some(i), true) => cells.get(i + 1),
                (Some(i), false) => i.checked_sub(1).and_then(|i| cells.get(i)),
                (None, true) => cells.iter().find(|x| **x > (row, col)),
                (None, false) => cells.iter().rev().find(|x| **x < (row, col)),
            };
            if let Some(&(r, c)) = next
                && (wrap || r == row)
            {
                (row, col) = (r, c);
            }
        }
    }
    if let Some(g) = &mut model.ui.grid {
        g.row = row;
        g.col = col;
    }
}

/// `]` / `[`: the next or previous indicator, on the same unit.
fn switch_indicator(model: &mut Model, dir: Dir) {
    let Some(g) = model.ui.grid else {
        return;
    };
    let p = model.project();
    let count = p.indicators.len();
    if count == 0 {
        return;
    }
    let indicator = match dir {
        Dir::Left | Dir::Up => (g.indicator + count - 1) % count,
        _ => (g.indicator + 1) % count,
    };
    let unit = grid_units(p, g.indicator).into_iter().nth(g.row);
    let row = unit
        .and_then(|u| grid_units(p, indicator).iter().position(|x| x.id == u.id))
        .unwrap_or(0);
    let col_kind = grid_cols(p, g.indicator).get(g.col).copied();
    let col = col_kind
        .and_then(|c| grid_cols(p, indicator).iter().position(|x| *x == c))
        .unwrap_or(0);
    model.ui.grid = Some(GridState {
        indicator,
        row,
        col,
        top: 0,
    });
    first_value_in_row(model);
}

/// When the cursor stands on a cell that takes nothing, the first one of its row that
/// does.
fn first_value_in_row(model: &mut Model) {
    if !matches!(model.grid_spot(), Some((_, _, GridCell::None))) {
        return;
    }
    let Some(g) = model.ui.grid else {
        return;
    };
    let p = model.project();
    let Some(unit) = grid_units(p, g.indicator).into_iter().nth(g.row) else {
        return;
    };
    let first = grid_cols(p, g.indicator)
        .iter()
        .position(|c| grid_cell(p, &unit, g.indicator, *c) != GridCell::None);
    if let (Some(col), Some(g)) = (first, &mut model.ui.grid) {
        g.col = col;
    }
}

/// Space on a status: pending → complete → incomplete → complete; the status line says
/// what it changed, and that an incomplete row vetoes the unit.
fn toggle_status(model: &mut Model) {
    let Some((unit, _, GridCell::Status(now))) = model.grid_spot() else {
        return nothing_here(model);
    };
    let Some(ind) = model
        .ui
        .grid
        .and_then(|g| model.project().indicators.get(g.indicator))
    else {
        return;
    };
    let complete = now != Some(true);
    let edit = Edit::SetRow {
        unit: unit.id.clone(),
        indicator: ind.id.clone(),
        row: Some(Row::Qualitative {
            complete,
            deduction: None,
        }),
    };
    if !commit(model, edit) {
        return;
    }
    let l = model.lang;
    let word = |c: Option<bool>| match c {
        Some(true) => T::Complete.get(l).to_string(),
        Some(false) => T::Incomplete.get(l).to_string(),
        None => T::PendingMark.get(l).to_string(),
    };
    let name = sanitize(&unit.name);
    let text = if complete {
        GridText(l).status_set(&name, &word(now), &word(Some(true)))
    } else {
        GridText(l).status_vetoes(&name, &word(now), &word(Some(false)))
    };
    info(model, text);
}

/// `x`: empties the value (a status: the whole row) — it becomes pending.
fn clear(model: &mut Model) {
    let Some(ind) = model
        .ui
        .grid
        .and_then(|g| model.project().indicators.get(g.indicator))
        .map(|i| i.id.clone())
    else {
        return;
    };
    let edit = match model.grid_spot() {
        Some((unit, _, GridCell::Value(field, _))) => {
            let target = Target::Sheet {
                unit: unit.id,
                field,
            };
            match super::fields::to_edit(model.project(), &target, "", model.lang) {
                Ok(edit) => edit,
                Err(e) => return error(model, e),
            }
        }
        Some((unit, _, GridCell::Status(Some(_)))) => Edit::SetRow {
            unit: unit.id,
            indicator: ind,
            row: None,
        },
        _ => return nothing_here(model),
    };
    commit(model, edit);
}

/// `i`: how the row's score comes about.
fn explain(model: &mut Model) {
    let Some(g) = model.ui.grid else {
        return;
    };
    let Some(ind) = model
        .project()
        .indicators
        .get(g.indicator)
        .map(|i| i.id.clone())
    else {
        return;
    };
    if let Some((unit, _, _)) = model.grid_spot() {
        super::overlay::explain_item(model, &unit.id, &ind);
    }
}

fn nothing_here(model: &mut Model) {
    let text = GridText(model.lang).nothing_here();
    info(model, text);
}

fn status_by_key(model: &mut Model) {
    let l = model.lang;
    let key = keymap::mention(Mention::PenaltyLevel, l);
    let text = GridText(l).status_by_key(&key);
    error(model, text);
}

/// Keeps the grid's cursor on an indicator, a unit and a column that are there, and its
/// row in view.
pub(super) fn clamp(model: &mut Model) {
    let Some(mut g) = model.ui.grid else {
        return;
    };
    let p = &model.session.project;
    if p.indicators.is_empty() {
        model.ui.grid = None;
        return;
    }
    g.indicator = g.indicator.min(p.indicators.len() - 1);
    g.row = g
        .row
        .min(grid_units(p, g.indicator).len().saturating_sub(1));
    g.col = g.col.min(grid_cols(p, g.indicator).len().saturating_sub(1));
    let height = layout::grid_rows(model.size.1);
    if g.row < g.top {
        g.top = g.row;
    } else if g.row >= g.top + height {
        g.top = g.row + 1 - height;
    }
    model.ui.grid = Some(g);
}

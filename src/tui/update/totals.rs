//! The totals' commands: sort by a column, open a unit's sheet.

use super::super::model::*;
use super::super::msg::Action;
use super::nav::open_unit;

/// Runs a totals command.
pub(super) fn act(model: &mut Model, action: Action) {
    match action {
        Action::Sort => sort(model),
        Action::Jump => open_selected(model),
        _ => {}
    }
}

/// Sorts by the column under the cursor: highest first, then lowest first, then by rank.
fn sort(model: &mut Model) {
    let t = &mut model.ui.totals;
    let col = t.col;
    t.sort = match t.sort {
        Some((c, true)) if c == col => Some((c, false)),
        Some((c, false)) if c == col => None,
        _ => Some((col, true)),
    };
}

/// Opens the selected unit's sheet in the entry pane.
fn open_selected(model: &mut Model) {
    if let Some(id) = model.totals_order().get(model.ui.totals.row).cloned() {
        open_unit(model, &id);
    }
}

//! The ranking's commands: explain a unit's score, present the ranking in a meeting, turn
//! the presentation's pages, and switch between the board and the 先进个人 view.

use super::super::model::*;
use super::super::msg::{Action, Dir};
use super::overlay::explain_unit;
use crate::tui::view::presentation;

/// Runs a ranking command.
pub(super) fn act(model: &mut Model, action: Action) {
    match action {
        Action::Explain if !model.ui.ranking.individuals => explain_selected(model),
        Action::Presentation => present(model),
        Action::Individuals => toggle_individuals(model),
        _ => {}
    }
}

/// Shows the 先进个人 view (each unit's places and nominees), or the board again.
fn toggle_individuals(model: &mut Model) {
    let r = &mut model.ui.ranking;
    r.individuals = !r.individuals;
}

/// Shows every number of the selected unit's score, with its rule.
fn explain_selected(model: &mut Model) {
    if let Some(id) = model.ranking_selected().map(|u| u.id.clone()) {
        explain_unit(model, &id);
    }
}

/// Shows the ranking large, read-only, for a projector, from its first page.
fn present(model: &mut Model) {
    model.ui.ranking.presenting = true;
    model.ui.ranking.page = 0;
}

/// A key during the presentation: the next or previous page, or back to the panes.
pub(super) fn presenting(model: &mut Model, action: Action) {
    let (w, h) = model.size;
    let last = presentation::page_count(model, w, h).saturating_sub(1);
    let r = &mut model.ui.ranking;
    match action {
        Action::Page(Dir::Down) => r.page = (r.page + 1).min(last),
        Action::Page(Dir::Up) => r.page = r.page.saturating_sub(1),
        Action::Presentation => r.presenting = false,
        _ => {}
    }
}

//! The problems' command: go to the place where the selected one can be fixed.

use super::super::model::*;
use super::super::msg::Action;
use super::info;
use super::nav::jump_to;
use crate::i18n::T;

/// Runs a problems command.
pub(super) fn act(model: &mut Model, action: Action) {
    if action == Action::Jump {
        go_to_selected(model);
    }
}

/// Shows the place of the selected problem in its pane, or names its TOML path when no
/// pane edits it.
fn go_to_selected(model: &mut Model) {
    let Some(problem) = model.session.problems.get(model.ui.problems.row).cloned() else {
        return;
    };
    if !jump_to(model, &problem.path.0) {
        let text = format!("{} {}", T::EditInFile.get(model.lang), problem.path);
        info(model, text);
    }
}

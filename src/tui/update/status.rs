//! The returns window (报送情况, `T`): opening it and scrolling it. Its lines are the
//! model's ([`Model::status_lines`]), made afresh at each draw.

use super::super::model::{Model, Overlay};
use super::super::msg::Action;
use super::nav::scroll_by;

/// Shows who has sent which return and who is late, as of the model's today.
pub(super) fn open(model: &mut Model) {
    model.ui.overlay = Some(Overlay::Status { scroll: 0 });
}

/// A key in the window: scrolls it, or closes it (the overlay was taken out already).
pub(super) fn act(model: &mut Model, action: Action, scroll: usize, page: usize) {
    if action == Action::Close {
        return;
    }
    let len = model.status_lines().1.len();
    let scroll = scroll_by(scroll, action, page).min(len.saturating_sub(1));
    model.ui.overlay = Some(Overlay::Status { scroll });
}

//! Problems: the warnings of the project (a session never holds errors: an edit that
//! would cause one is refused). Enter goes to the place where it can be fixed.

use super::{theme, window};
use crate::i18n::{T, problem_message};
use crate::project::problem::Severity;
use crate::text::{sanitize, truncate};
use crate::tui::layout;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let t = theme(model);
    let l = model.lang;
    let problems = &model.session.problems;
    let mut lines = vec![Line::from(Span::styled(
        format!("  {} {}", problems.len(), T::ProblemsHeading.get(l)),
        t.heading(),
    ))];
    if problems.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", T::NoProblems.get(l)),
            t.good(),
        )));
    }
    let height = usize::from(area.height.saturating_sub(layout::PROBLEMS_HEADER));
    let w = usize::from(area.width).saturating_sub(4);
    let state = model.ui.problems;
    let indexed: Vec<(usize, &crate::project::problem::Problem)> =
        problems.iter().enumerate().collect();
    for (i, pr) in window(&indexed, state.top, height) {
        let selected = i == state.row;
        let (icon, icon_style) = match pr.severity() {
            Severity::Error => ("✗", t.bad()),
            Severity::Warning => ("⚠", t.warn()),
        };
        let text = truncate(
            &sanitize(&format!("{}  {}", pr.path, problem_message(&pr.kind, l))),
            w,
        );
        let style = if selected { t.selected() } else { t.plain() };
        let marker = if selected { "▸" } else { " " };
        lines.push(Line::from(vec![
            Span::styled(marker, style),
            Span::styled(format!("{icon} "), icon_style),
            Span::styled(text, style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The whole message of the selected problem (the list cuts long ones).
pub fn status(model: &Model) -> String {
    match model.session.problems.get(model.ui.problems.row) {
        Some(pr) => problem_message(&pr.kind, model.lang),
        None => String::new(),
    }
}

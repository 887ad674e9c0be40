//! The screen shown instead of the panes when the file cannot be opened: its errors,
//! like a compiler prints them, and what can be done. Nothing is ever written to it.

use crate::i18n::{self, Lang, T};
use crate::text::truncate;
use crate::tui::keymap::{self, Context, Mention};
use ratatui::Frame;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::path::Path;

pub fn draw(frame: &mut Frame, path: &Path, errors: &[String], lang: Lang) {
    let area = frame.area();
    let w = usize::from(area.width).saturating_sub(2);
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines = vec![
        Line::from(Span::styled(
            format!(" {} {}", path.display(), T::FileHasErrors.get(lang)),
            bold,
        )),
        Line::from(format!(
            " {}",
            i18n::TuiText(lang).nothing_written(&keymap::mention(Mention::Retry, lang))
        )),
        Line::default(),
    ];
    // Long lines (a long path) wrap, so that the message itself always shows.
    let room = usize::from(area.height).saturating_sub(5);
    let wrapped: Vec<String> = errors
        .iter()
        .flat_map(|e| super::overlay::wrap(e, w))
        .collect();
    for line in wrapped.iter().take(room) {
        lines.push(Line::from(format!(" {}", truncate(line, w))));
    }
    if wrapped.len() > room {
        lines.push(Line::from(" …"));
    }
    frame.render_widget(Paragraph::new(lines), area);
    let footer = ratatui::layout::Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1);
    // The screen's keys, each by its first key: `e open $EDITOR …   r retry   q quit`.
    let keys: Vec<String> = keymap::active(&[Context::ErrorScreen])
        .map(|b| format!("{} {}", keymap::first_key(b, lang), b.text.get(lang)))
        .collect();
    frame.render_widget(
        Paragraph::new(Line::from(vec![Span::styled(
            format!(" {}", keys.join("   ")),
            bold,
        )])),
        footer,
    );
}

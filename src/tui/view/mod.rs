//! Drawing: views only look at the model. One file per pane, plus the frame around them
//! (header, tabs, status line, footer hints), the form over a pane and the overlays.

mod entry;
pub mod errors;
mod form;
mod grid;
mod individuals;
pub mod matrix;
pub mod overlay;
pub mod presentation;
mod problems;
mod ranking;
mod selfcheck;
mod totals;

use super::keymap::{self, Context, Mention};
use super::layout;
use super::model::{Mode, Model, Pane};
use crate::i18n::{self, T};
use crate::text::{pad_left, pad_right, sanitize, truncate, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

pub use super::layout::{MIN_HEIGHT, MIN_WIDTH};

/// Styles, in the 16 ANSI colours; without colour (`NO_COLOR`) only bold, dim and
/// reverse video remain, so the selection still shows.
#[derive(Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }
    pub fn plain(self) -> Style {
        Style::default()
    }
    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    pub fn heading(self) -> Style {
        self.fg(Color::Cyan)
    }
    pub fn dim(self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default().add_modifier(Modifier::DIM)
        }
    }
    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    /// The field under the cursor inside a selected line.
    pub fn cursor(self) -> Style {
        Style::default()
            .add_modifier(Modifier::REVERSED)
            .add_modifier(Modifier::BOLD)
            .add_modifier(Modifier::UNDERLINED)
    }
    pub fn bad(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }
    pub fn good(self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }
    pub fn award(self) -> Style {
        self.fg(Color::Yellow)
    }
    pub fn pending(self) -> Style {
        self.fg(Color::Yellow)
    }
    pub fn warn(self) -> Style {
        self.fg(Color::Yellow)
    }
}

pub fn theme(model: &Model) -> Theme {
    Theme { color: model.color }
}

/// A cell: text padded (or cut with `…`) to a display width.
pub fn cell(text: &str, w: usize, right: bool) -> String {
    if right {
        pad_left(text, w)
    } else {
        pad_right(text, w)
    }
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, model: &Model) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, model, area);
        return;
    }
    if model.ui.ranking.presenting {
        presentation::draw(frame, model, area);
        return;
    }
    let screen = layout::screen(area);
    header(frame, model, screen.header);
    tabs(frame, model, screen.tabs);
    match model.ui.pane.0 {
        Pane::Matrix => matrix::draw(frame, model, screen.body),
        Pane::Entry if model.grid().is_some() => grid::draw(frame, model, screen.body),
        Pane::Entry => entry::draw(frame, model, screen.body),
        Pane::Totals => totals::draw(frame, model, screen.body),
        Pane::Ranking if model.ui.ranking.individuals => {
            individuals::draw(frame, model, screen.body)
        }
        Pane::Ranking => ranking::draw(frame, model, screen.body),
        Pane::Problems => problems::draw(frame, model, screen.body),
    }
    scratch_box(frame, model, screen.body);
    form::draw(frame, model, screen.body);
    let t = theme(model);
    let rule = "─".repeat(usize::from(area.width));
    frame.render_widget(Paragraph::new(Span::styled(rule, t.dim())), screen.rule);
    status_line(frame, model, screen.status);
    footer(frame, model, screen.footer);
    overlay::draw(frame, model, area);
}

/// While a value is tried without saving it (what-if), a box at the foot of the pane says
/// so and shows how every unit's score on that indicator would move.
fn scratch_box(frame: &mut Frame, model: &Model, body: Rect) {
    use super::model::{SheetField, Target};
    let Mode::Editing(editing) = &model.ui.mode else {
        return;
    };
    if !editing.scratch {
        return;
    }
    let indicator = match &editing.target {
        Target::Sheet {
            field: SheetField::Actual(i) | SheetField::Target(i),
            ..
        } => i.clone(),
        _ => return,
    };
    let t = theme(model);
    let l = model.lang;
    let p = model.project();
    let dp = p.policy.score_decimals;
    let now = &model.session.board;
    let then = model.board();
    let mut moves: Vec<String> = Vec::new();
    for u in now.units.iter().chain(&now.departments) {
        let before = u.item(&indicator).map(|i| i.earned);
        let after = then
            .find(&u.id)
            .and_then(|r| r.item(&indicator))
            .map(|i| i.earned);
        if let (Some(b), Some(a)) = (before, after)
            && a != b
        {
            moves.push(format!(
                "{} {} → {}",
                sanitize(&u.name),
                crate::scoring::score_text(b, dp),
                crate::scoring::score_text(a, dp)
            ));
        }
    }
    let room = usize::from(body.width).saturating_sub(4);
    let mut lines: Vec<Line> = Vec::new();
    let header = if moves.is_empty() {
        T::ScratchNoMoves
    } else {
        T::ScratchMoves
    };
    lines.push(Line::from(Span::styled(header.get(l), t.heading())));
    // The moves, several to a line.
    let mut current = String::new();
    for m in moves {
        if !current.is_empty() && width(&current) + width(&m) + 3 > room {
            lines.push(Line::from(std::mem::take(&mut current)));
        }
        if !current.is_empty() {
            current.push_str("   ");
        }
        current.push_str(&m);
    }
    if !current.is_empty() {
        lines.push(Line::from(current));
    }
    let h = (lines.len() as u16 + 2).min(body.height / 2).max(3);
    // Out of the way of the row being typed into: below it, or above it when it is low.
    let e = &model.ui.entry;
    let cursor_row = e.line.saturating_sub(e.top) as u16 + layout::SHEET_HEADER;
    let y = if cursor_row > body.height / 2 {
        body.y + 2
    } else {
        body.bottom().saturating_sub(h)
    };
    let area = Rect::new(body.x, y, body.width, h);
    let title = i18n::TuiText(l).scratch_banner(&keymap::mention(Mention::Discard, l));
    let inner = boxed(frame, model, area, &title);
    frame.render_widget(Paragraph::new(lines), inner);
}

fn too_small(frame: &mut Frame, model: &Model, area: Rect) {
    let text = i18n::TuiText(model.lang).too_small(MIN_WIDTH, MIN_HEIGHT, area.width, area.height);
    // The key that works now: typed keys are not taken while nothing can be seen
    // ([`super::update`]), so an edit can only be cancelled.
    let hint = if model.ui.overlay.is_some() {
        // A question or a window is open: Esc closes (or answers no to) it.
        i18n::TuiText(model.lang).too_small_window(&keymap::mention(Mention::No, model.lang))
    } else if matches!(model.ui.mode, Mode::Editing(_) | Mode::Finding(_)) {
        i18n::TuiText(model.lang).too_small_editing(&keymap::mention(Mention::Cancel, model.lang))
    } else {
        i18n::TuiText(model.lang).too_small_hint(&keymap::mention(Mention::Quit, model.lang))
    };
    let y = area.height / 2;
    let lines = vec![Line::from(text), Line::from(hint)];
    let r = Rect::new(
        area.x,
        area.y + y.saturating_sub(1),
        area.width,
        2.min(area.height),
    );
    frame.render_widget(Paragraph::new(lines).centered(), r);
}

fn header(frame: &mut Frame, model: &Model, area: Rect) {
    let t = theme(model);
    let l = model.lang;
    let s = &model.session;
    let file = s
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let right = if s.is_read_only() {
        (T::ReadOnly.get(l).to_string(), t.warn())
    } else if s.is_saving() {
        (T::Saving.get(l).to_string(), t.dim())
    } else if let Some(err) = &s.save_error {
        // The conflict key is never cut off: a long message gives way to it.
        let key = if s.conflict {
            let key = keymap::mention(keymap::Mention::ResolveConflict, l);
            format!(" ({key})")
        } else {
            String::new()
        };
        let head = T::NotSaved.get(l);
        let room = usize::from(area.width).saturating_sub(width(head) + width(&key) + 12);
        let said = format!("{head} {}{key}", truncate(&err.message(l), room));
        (said, t.bad())
    } else if s.conflict {
        let key = keymap::mention(keymap::Mention::ResolveConflict, l);
        let what = if s.file_gone() {
            T::HeaderDeleted
        } else {
            T::HeaderChanged
        };
        (format!("{} ({key})", what.get(l)), t.bad())
    } else if let Some(at) = s.last_saved {
        (
            format!("{} {}", T::Saved.get(l), at.format("%H:%M:%S")),
            t.dim(),
        )
    } else {
        (T::NoChanges.get(l).to_string(), t.dim())
    };
    let left = format!(" {} {}  ", l.pick("考评", "kaoping"), "");
    let title = sanitize(&s.project.title);
    let width_all = usize::from(area.width);
    let right_w = width(&right.0) + 1;
    let room = width_all.saturating_sub(width(&left) + right_w + 2);
    let middle = truncate(&format!("{title}  {file}"), room);
    let fill = width_all.saturating_sub(width(&left) + width(&middle) + right_w);
    let line = Line::from(vec![
        Span::styled(left, t.title()),
        Span::raw(middle),
        Span::raw(" ".repeat(fill)),
        Span::styled(right.0, right.1),
        Span::raw(" "),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn tabs(frame: &mut Frame, model: &Model, area: Rect) {
    let t = theme(model);
    let l = model.lang;
    let mut spans = vec![Span::raw(" ")];
    for pane in Pane::ALL {
        let key = keymap::mention(Mention::Pane(pane), l);
        let label = format!("{key} {}", pane.title().get(l));
        let style = if pane == model.ui.pane.0 {
            t.selected().add_modifier(Modifier::BOLD)
        } else {
            t.plain()
        };
        spans.push(Span::styled(format!(" {label} "), style));
        spans.push(Span::raw(" "));
    }
    let warnings = model.session.problems.len();
    let count = i18n::TuiText(l).warnings_tab(warnings);
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let fill = usize::from(area.width).saturating_sub(used + width(&count));
    spans.push(Span::raw(" ".repeat(fill)));
    spans.push(Span::styled(
        count,
        if warnings > 0 { t.warn() } else { t.dim() },
    ));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The line above the hints: an error, a message, what is being typed into, or an
/// explanation of the selection.
fn status_line(frame: &mut Frame, model: &Model, area: Rect) {
    let t = theme(model);
    let w = usize::from(area.width).saturating_sub(1);
    if let Mode::Editing(e) = &model.ui.mode
        && !in_cell(&e.target)
    {
        // A value with no cell of its own is typed here, the real cursor at the caret.
        let prompt = format!(" {}: ", matrix::prompt(&e.target, model.lang));
        let mut spans = vec![
            Span::styled(prompt.clone(), t.heading()),
            Span::styled(
                e.input.text().to_string(),
                t.plain().add_modifier(Modifier::UNDERLINED),
            ),
        ];
        if let Some(err) = &e.error {
            spans.push(Span::styled(format!("  ✗ {err}"), t.bad()));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        let x = area.x + (width(&prompt) + e.input.caret_column()) as u16;
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        return;
    }
    let (text, style) = match (&model.ui.mode, &model.ui.status) {
        (Mode::Editing(e), _) => match (&e.error, &e.warning) {
            (Some(err), _) => (format!("✗ {err}"), t.bad()),
            // A value far off its target: said at once, before the commit.
            (None, Some(warning)) => (warning.clone(), t.warn()),
            (None, None) => (context_line(model), t.plain()),
        },
        (Mode::Finding(f), _) => (find_line(model, f), t.plain()),
        (_, Some(status)) => (
            status.text.clone(),
            if status.error { t.bad() } else { t.good() },
        ),
        _ => (context_line(model), t.plain()),
    };
    let line = Line::from(Span::styled(
        format!(" {}", truncate(&sanitize(&text), w)),
        style,
    ));
    frame.render_widget(Paragraph::new(line), area);
}

/// Whether a value is typed into its own cell (else into the status line).
fn in_cell(target: &super::model::Target) -> bool {
    use super::model::Target;
    matches!(
        target,
        Target::Sheet { .. }
            | Target::IndicatorName(_)
            | Target::IndicatorBase(_)
            | Target::Form { .. }
    )
}

/// What the selected thing of the pane is, in one line.
fn context_line(model: &Model) -> String {
    match model.ui.pane.0 {
        Pane::Matrix => matrix::status(model),
        Pane::Entry if model.grid().is_some() => grid::status(model),
        Pane::Entry => entry::status(model),
        Pane::Totals => totals::status(model),
        Pane::Ranking if model.ui.ranking.individuals => individuals::status(model),
        Pane::Ranking => ranking::status(model),
        Pane::Problems => problems::status(model),
    }
}

fn find_line(model: &Model, f: &super::model::Finding) -> String {
    let l = model.lang;
    let p = model.project();
    let names: Vec<String> = f
        .matches
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let name = match m {
                super::model::Found::Unit(id) => p.name_of(id).to_string(),
                super::model::Found::Indicator(id) => {
                    p.indicator(id).map_or(id.clone(), |i| i.name.clone())
                }
            };
            if i == f.selected {
                format!("[{name}]")
            } else {
                name
            }
        })
        .collect();
    let shown = names
        .iter()
        .skip(f.selected.saturating_sub(2))
        .cloned()
        .collect::<Vec<_>>();
    format!(
        "{} {}: {}",
        T::Found.get(l),
        f.matches.len(),
        shown.join("  ")
    )
}

fn footer(frame: &mut Frame, model: &Model, area: Rect) {
    let t = theme(model);
    let l = model.lang;
    let mut spans = vec![Span::raw(" ")];
    if let Mode::Finding(f) = &model.ui.mode {
        // The search field itself lives in the footer; the real cursor sits in it.
        let prompt = format!(
            "{} {}",
            keymap::mention(Mention::Find, l),
            T::FindPrompt.get(l)
        );
        spans.push(Span::styled(prompt.clone(), t.heading()));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            f.input.text().to_string(),
            t.plain().add_modifier(Modifier::UNDERLINED),
        ));
        let x = area.x + 1 + (width(&prompt) + 1 + f.input.caret_column()) as u16;
        frame.render_widget(Paragraph::new(Line::from(spans)), area);
        frame.set_cursor_position((x.min(area.right().saturating_sub(1)), area.y));
        return;
    }
    let mut used = 1;
    let listed = keymap::listed(model, &keymap::contexts(model));
    for row in listed.into_iter().filter(|r| r.hint) {
        let keys = row.keys;
        let text = row.text.get(l);
        let piece = width(&keys) + 1 + width(text) + 2;
        if used + piece > usize::from(area.width) {
            break;
        }
        used += piece;
        spans.push(Span::styled(keys, t.heading()));
        spans.push(Span::raw(format!(" {text}  ")));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The rows of a list of keys for `contexts`: (keys, what they do), as the help shows
/// them.
pub fn key_rows(model: &Model, contexts: &[Context]) -> Vec<(String, String)> {
    keymap::listed(model, contexts)
        .into_iter()
        .map(|row| (row.keys, row.text.get(model.lang).to_string()))
        .collect()
}

/// Clears an area and draws a box with a title, returning the inside.
pub fn boxed(frame: &mut Frame, model: &Model, area: Rect, title: &str) -> Rect {
    use ratatui::widgets::{Block, Borders};
    let t = theme(model);
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), t.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A bar of `value / max` of `w` columns, in eighths.
pub fn bar(value: rust_decimal::Decimal, max: rust_decimal::Decimal, w: usize) -> String {
    use rust_decimal::prelude::ToPrimitive;
    if max <= rust_decimal::Decimal::ZERO || value <= rust_decimal::Decimal::ZERO {
        return " ".repeat(w);
    }
    let eighths = (value * rust_decimal::Decimal::from(w * 8) / max)
        .floor()
        .to_usize()
        .unwrap_or(0)
        .min(w * 8);
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    let mut s = "█".repeat(eighths / 8);
    s.push_str(partial[eighths % 8]);
    let used = width(&s);
    s.push_str(&" ".repeat(w.saturating_sub(used)));
    s
}

/// The short name of a department for a column header: without 市 and the 局/委 ending,
/// two characters.
pub fn short_name(name: &str) -> String {
    let trimmed = name.trim_start_matches('市');
    let trimmed = trimmed
        .trim_end_matches('局')
        .trim_end_matches('委')
        .trim_end_matches("办公室");
    truncate_plain(&sanitize(trimmed), 4)
}

/// `s` cut to `w` columns without an ellipsis (for abbreviations).
pub fn truncate_plain(s: &str, w: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = String::new();
    for g in s.graphemes(true) {
        if width(&out) + width(g) > w {
            break;
        }
        out.push_str(g);
    }
    out
}

/// Lines in a scrolled window: those from `top`, at most `height`.
pub fn window<T: Clone>(items: &[T], top: usize, height: usize) -> Vec<T> {
    items.iter().skip(top).take(height).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_by_eighths() {
        use rust_decimal::Decimal;
        assert_eq!(bar(Decimal::from(50), Decimal::from(100), 4), "██  ");
        assert_eq!(bar(Decimal::from(100), Decimal::from(100), 4), "████");
        assert_eq!(width(&bar(Decimal::from(33), Decimal::from(100), 16)), 16);
        assert_eq!(bar(Decimal::ZERO, Decimal::from(100), 3), "   ");
    }

    #[test]
    fn department_short_names() {
        assert_eq!(short_name("市人社局"), "人社");
        assert_eq!(short_name("市扶贫和移民局"), "扶贫");
        assert_eq!(short_name("市发改委"), "发改");
        assert_eq!(short_name("市残联"), "残联");
    }
}

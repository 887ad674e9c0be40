//! The indicator grid (按指标录入), in the entry pane: the indicator in full (name, measure,
//! base, area; which of how many), then a row for every unit scored on it with the values
//! its rows hold — target, actual, status, deduction, preparation score — and, read-only,
//! the completion and the earned score, recomputed while a value is typed.

use super::{Theme, cell, theme};
use crate::i18n::{GridText, T};
use crate::scoring::{Outcome, score_text};
use crate::text::{sanitize, truncate, width};
use crate::tui::layout;
use crate::tui::model::{GridCell, GridCol, Mode, Model, grid_cell, grid_cols, grid_units};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;

const NUM_W: usize = 10;
const SMALL_W: usize = 7;
const RATE_W: usize = 7;
const EARNED_W: usize = 7;

/// A column's width.
fn col_width(col: GridCol, status_w: usize) -> usize {
    match col {
        GridCol::Target | GridCol::Actual => NUM_W,
        GridCol::Status => status_w,
        GridCol::Deduction | GridCol::Prep => SMALL_W,
    }
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let Some(g) = model.grid() else {
        return;
    };
    let t = theme(model);
    let l = model.lang;
    let p = model.project();
    let Some(ind) = p.indicators.get(g.indicator) else {
        return;
    };
    let units = grid_units(p, g.indicator);
    let cols = grid_cols(p, g.indicator);
    let status_w = [T::Complete, T::Incomplete]
        .iter()
        .map(|w| width(w.get(l)) + 2)
        .chain([width(T::StatusCol.get(l))])
        .max()
        .unwrap_or(8);
    let values_w: usize = cols.iter().map(|c| col_width(*c, status_w) + 1).sum();
    let fixed = 2 + values_w + RATE_W + 1 + EARNED_W + 2;
    let name_w = usize::from(area.width).saturating_sub(fixed).clamp(8, 20);

    // The indicator, in full.
    let measure = ind
        .measure
        .as_deref()
        .map(|m| format!("（{}）", sanitize(m)))
        .unwrap_or_default();
    let area_name = p
        .area(&ind.area)
        .map(|a| sanitize(&a.name))
        .unwrap_or_default();
    let right = format!(
        "{}  {}",
        GridText(l).base_and_area(&ind.base.normalize().to_string(), &area_name),
        GridText(l).position(g.indicator + 1, p.indicators.len())
    );
    let left = format!("{} ", T::GridTitle.get(l));
    let room = usize::from(area.width).saturating_sub(width(&left) + width(&right) + 2);
    let name = truncate(&format!("{}{measure}", sanitize(&ind.name)), room);
    let fill = usize::from(area.width).saturating_sub(width(&left) + width(&name) + width(&right));
    let mut lines = vec![Line::from(vec![
        Span::styled(left, t.heading()),
        Span::styled(name, t.title()),
        Span::raw(" ".repeat(fill)),
        Span::styled(right, t.dim()),
    ])];

    // The columns' names.
    let mut head = format!("  {}", cell(T::Unit.get(l), name_w, false));
    for c in &cols {
        head.push(' ');
        head.push_str(&cell(c.title().get(l), col_width(*c, status_w), true));
    }
    head.push(' ');
    head.push_str(&cell(T::RateCol.get(l), RATE_W, true));
    head.push(' ');
    head.push_str(&cell(T::EarnedCol.get(l), EARNED_W, true));
    lines.push(Line::from(Span::styled(head, t.heading())));

    let board = model.board();
    let dp = p.policy.score_decimals;
    let editing = match &model.ui.mode {
        Mode::Editing(e) => Some(e),
        _ => None,
    };
    let height = usize::from(area.height.saturating_sub(layout::GRID_HEADER));
    for (r, unit) in units.iter().enumerate().skip(g.top).take(height) {
        let selected = r == g.row;
        let y = area.y + layout::GRID_HEADER + (r - g.top) as u16;
        let item = board.find(&unit.id).and_then(|u| u.item(&ind.id));
        let outcome = item.map(|i| &i.outcome);
        let name_style = if selected { t.selected() } else { t.plain() };
        let marker = if selected { "▸ " } else { "  " };
        let mut spans = vec![Span::styled(
            format!("{marker}{}", cell(&sanitize(&unit.name), name_w, false)),
            name_style,
        )];
        let mut x = 2 + name_w;
        for (c, col) in cols.iter().enumerate() {
            let w = col_width(*col, status_w);
            spans.push(Span::raw(" "));
            x += 1;
            let at_cursor = selected && c == g.col;
            let (text, style) =
                cell_text(t, l, grid_cell(p, unit, g.indicator, *col), outcome, *col);
            let typed = editing.filter(|_| at_cursor);
            let (text, style) = match typed {
                Some(e) => {
                    let caret = e.input.caret_column().min(w.saturating_sub(1));
                    frame.set_cursor_position((area.x + (x + caret) as u16, y));
                    (cell(e.input.text(), w, false), t.cursor())
                }
                None if at_cursor => (cell(&text, w, true), t.cursor()),
                None => (cell(&text, w, true), style),
            };
            spans.push(Span::styled(text, style));
            x += w;
        }
        let rate = outcome
            .and_then(Outcome::completion)
            .map_or(String::new(), |r| {
                format!("{}%", score_text(r * Decimal::ONE_HUNDRED, 1))
            });
        let (earned, flag, style) = match (item, outcome) {
            (None, _) => ("—".to_string(), "", t.dim()),
            (_, Some(Outcome::Pending)) => ("—".to_string(), "…", t.pending()),
            (Some(i), Some(o)) if o.fails() => (score_text(i.earned, dp), "✗", t.bad()),
            (Some(i), _) => (score_text(i.earned, dp), "", t.plain()),
        };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(cell(&rate, RATE_W, true), t.plain()));
        spans.push(Span::raw(" "));
        spans.push(Span::styled(cell(&earned, EARNED_W, true), style));
        spans.push(Span::styled(format!(" {flag}"), style));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// A cell as it shows: a value (`—` not entered yet; a department's row derived from the
/// counties' by sum, dimmed), a status, or `·` where nothing is entered.
fn cell_text(
    t: Theme,
    l: crate::i18n::Lang,
    cell: GridCell,
    outcome: Option<&Outcome>,
    col: GridCol,
) -> (String, Style) {
    match cell {
        GridCell::Value(_, Some(v)) => (v.to_string(), t.plain()),
        GridCell::Value(_, None) => match (col, outcome) {
            (
                GridCol::Target,
                Some(Outcome::Completed { target, .. } | Outcome::Short { target, .. }),
            ) => (target.to_string(), t.dim()),
            (
                GridCol::Actual,
                Some(Outcome::Completed { actual, .. } | Outcome::Short { actual, .. }),
            ) => (actual.to_string(), t.dim()),
            _ => ("—".to_string(), t.pending()),
        },
        GridCell::Status(Some(true)) => (T::Complete.get(l).to_string(), t.good()),
        GridCell::Status(Some(false)) => (format!("{} ✗", T::Incomplete.get(l)), t.bad()),
        GridCell::Status(None) => ("—".to_string(), t.pending()),
        GridCell::None => ("·".to_string(), t.dim()),
    }
}

/// The status line: how the selected unit's score on the indicator comes about (with the
/// value being typed, as it would be).
pub fn status(model: &Model) -> String {
    let l = model.lang;
    let p = model.project();
    let Some(g) = model.grid() else {
        return String::new();
    };
    let Some(ind) = p.indicators.get(g.indicator) else {
        return String::new();
    };
    let Some(unit) = grid_units(p, g.indicator).into_iter().nth(g.row) else {
        return sanitize(&ind.name);
    };
    let explained = crate::explain::item(p, model.board(), &unit.id, &ind.id)
        .map(|e| crate::i18n::explain::item_short(&e, l))
        .unwrap_or_default();
    format!("{} · {explained}", sanitize(&unit.name))
}

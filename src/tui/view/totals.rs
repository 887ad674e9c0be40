//! Totals: every unit × organisation, survey, each area, task, penalty and total, live,
//! sortable by any column; pending cells marked.

use super::{cell, theme, truncate_plain};
use crate::i18n::T;
use crate::scoring::score_text;
use crate::text::sanitize;
use crate::tui::layout;
use crate::tui::model::{Model, TotalsCol};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const NAME_W: usize = 12;
const COL_W: usize = 7;

/// The header of a value column.
fn header(model: &Model, col: TotalsCol) -> String {
    let l = model.lang;
    match col {
        TotalsCol::Organization => T::OrgShort.get(l).to_string(),
        TotalsCol::Survey => T::SurveyShort.get(l).to_string(),
        // Three characters tell the areas apart (社会保险 / 社会救助).
        TotalsCol::Area(i) => model
            .project()
            .areas
            .get(i)
            .map(|a| truncate_plain(&sanitize(a.name_in(6)), 6))
            .unwrap_or_default(),
        TotalsCol::Task => T::TaskShort.get(l).to_string(),
        TotalsCol::Penalty => T::PenaltyShort.get(l).to_string(),
        TotalsCol::Total => T::Total.get(l).to_string(),
    }
}

/// The first of the scrolling columns shown (the total, pinned, is not one of them), so
/// that the cursor's column is visible.
fn first_column(model: &Model, fit: usize) -> usize {
    let col = model
        .ui
        .totals
        .col
        .position(model.project().areas.len())
        .saturating_sub(1);
    if col >= fit { col + 1 - fit } else { 0 }
}

/// What stands before the `n`-th column shown: a space, and a rule after the pinned total.
fn separator(n: usize) -> &'static str {
    if n == 1 { " │" } else { " " }
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let t = theme(model);
    let p = model.project();
    let dp = p.policy.score_decimals;
    // The total is pinned beside the name (a rule after it); the other columns scroll.
    let fit = (usize::from(area.width).saturating_sub(NAME_W + 4 + COL_W + 2)) / (COL_W + 1);
    let first = first_column(model, fit);
    let mut columns = vec![TotalsCol::Total];
    columns.extend(
        model
            .totals_columns()
            .into_iter()
            .filter(|&c| c != TotalsCol::Total)
            .skip(first)
            .take(fit),
    );
    let ts = &model.ui.totals;
    let mut head = vec![Span::styled(
        format!("  {}", cell(T::Unit.get(model.lang), NAME_W, false)),
        t.heading(),
    )];
    for (n, &c) in columns.iter().enumerate() {
        let arrow = match ts.sort {
            Some((sc, true)) if sc == c => "▼",
            Some((sc, false)) if sc == c => "▲",
            _ => "",
        };
        let style = if c == ts.col {
            t.selected()
        } else {
            t.heading()
        };
        head.push(Span::styled(separator(n), t.heading()));
        head.push(Span::styled(
            cell(&format!("{arrow}{}", header(model, c)), COL_W, true),
            style,
        ));
    }
    let mut lines = vec![Line::from(head)];
    let order = model.totals_order();
    let board = model.board();
    let height = usize::from(area.height.saturating_sub(layout::TOTALS_HEADER));
    for (i, id) in order.iter().enumerate().skip(ts.top).take(height) {
        let Some(u) = board.find(id) else { continue };
        let selected = i == ts.row;
        let row_style = if selected { t.selected() } else { t.plain() };
        let name_style = if u.vetoed() { t.bad() } else { row_style };
        let marker = if selected { "▸ " } else { "  " };
        let mut spans = vec![
            Span::styled(marker, row_style),
            Span::styled(
                cell(&sanitize(&u.name), NAME_W, false),
                if selected { row_style } else { name_style },
            ),
        ];
        for (n, &c) in columns.iter().enumerate() {
            let value = c.value(u);
            // A pending cell: its section (or the area's rows) still has something to enter.
            let pending = c.pending(u);
            let text = format!(
                "{}{}",
                score_text(value, dp),
                if pending { "…" } else { "" }
            );
            let style = if pending && !selected {
                t.pending()
            } else {
                row_style
            };
            spans.push(Span::styled(separator(n), row_style));
            spans.push(Span::styled(cell(&text, COL_W, true), style));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

pub fn status(model: &Model) -> String {
    let l = model.lang;
    let col = header(model, model.ui.totals.col);
    let sort = match model.ui.totals.sort {
        Some((c, desc)) => format!(
            "{} {}{}",
            T::SortedBy.get(l),
            header(model, c),
            if desc { " ▼" } else { " ▲" }
        ),
        None => T::SortedByRank.get(l).to_string(),
    };
    format!(
        "{sort} · {} {col} · {}",
        T::ColumnLabel.get(l),
        T::PendingLegend.get(l)
    )
}

//! Presentation mode, for a projector in a meeting: read-only, large spacing, no grid
//! lines and no edit hints — only the ranking, the awards and the veto flags. Pages:
//! counties and zone, city departments, single-item awards; a group that does not fit
//! the screen goes on over more pages.
//!
//! Nothing is cut: what does not fit a line wraps onto the next one (a long list of
//! failed indicators, a vetoed unit's awards "to confirm"), and a page that would
//! overflow is split. Every symbol a page uses is explained on that page, in a legend
//! line above the page hint; a tie shows as `4=` (legend: "= 并列").

use super::overlay::wrap;
use super::{Theme, cell, theme};
use crate::i18n::{T, TuiText};
use crate::scoring::UnitResult;
use crate::scoring::score_text;
use crate::text::{sanitize, width};
use crate::tui::keymap::{self, Mention};
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;

/// What a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Units,
    Departments,
    Awards,
}

/// One page as drawn: its kind, its body lines (without the left margin) and its legend.
struct Page {
    kind: Kind,
    lines: Vec<Line<'static>>,
    legend: Vec<Line<'static>>,
    /// The body's width (centred on the screen).
    w: usize,
}

/// Rows above the body (a blank, the title, a blank) and below it (the page hint).
const TOP: usize = 3;
const BOTTOM: usize = 1;
/// The gap between two parts of a line.
const GAP: usize = 3;

/// How many pages the presentation has on a screen `w` × `h` (for the page keys).
pub fn page_count(model: &Model, w: u16, h: u16) -> usize {
    pages(model, usize::from(w), usize::from(h)).len()
}

/// Every page, on a screen `w` × `h`.
fn pages(model: &Model, w: usize, h: usize) -> Vec<Page> {
    let board = &model.session.board;
    let t = theme(model);
    let mut kinds = vec![Kind::Units];
    if !board.departments.is_empty() {
        kinds.push(Kind::Departments);
    }
    if !board.awards.is_empty() {
        kinds.push(Kind::Awards);
    }
    let mut out = Vec::new();
    for kind in kinds {
        let body_w = match kind {
            Kind::Awards => 96,
            _ => 112,
        }
        .min(w.saturating_sub(4))
        .max(20);
        let (blocks, legend) = match kind {
            Kind::Units => unit_blocks(model, t, &board.units, body_w),
            Kind::Departments => unit_blocks(model, t, &board.departments, body_w),
            Kind::Awards => award_blocks(model, t, body_w),
        };
        let room = h
            .saturating_sub(TOP + BOTTOM + legend.len() + usize::from(!legend.is_empty()))
            .max(1);
        let lines: usize = blocks.iter().map(Vec::len).sum();
        let spaced = lines + blocks.len().saturating_sub(1) <= room;
        let mut page: Vec<Line<'static>> = Vec::new();
        for block in blocks {
            let need = block.len() + usize::from(spaced && !page.is_empty());
            if !page.is_empty() && page.len() + need > room {
                out.push(Page {
                    kind,
                    lines: std::mem::take(&mut page),
                    legend: legend.clone(),
                    w: body_w,
                });
            }
            if spaced && !page.is_empty() {
                page.push(Line::default());
            }
            page.extend(block);
        }
        out.push(Page {
            kind,
            lines: page,
            legend,
            w: body_w,
        });
    }
    out
}

/// `s` cut into pieces of at most `w` columns at grapheme boundaries (a name in its
/// column: every character of it shows).
fn hard_wrap(s: &str, w: usize) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut used = 0;
    for g in s.graphemes(true) {
        let gw = width(g);
        if used + gw > w.max(1) && used > 0 {
            out.push(String::new());
            used = 0;
        }
        if let Some(last) = out.last_mut() {
            last.push_str(g);
        }
        used += gw;
    }
    out
}

/// Lays parts out in lines of at most `room` columns, `gap` spaces apart; a part that does
/// not fit what is left of a line starts the next one, and a part wider than a whole line
/// wraps (continuation lines indented by two).
fn flow(parts: Vec<(String, Style)>, room: usize, gap: usize) -> Vec<Vec<Span<'static>>> {
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0;
    for (text, style) in parts {
        let w = width(&text);
        let sep = if used > 0 { gap } else { 0 };
        if used + sep + w <= room {
            if let Some(line) = lines.last_mut() {
                if sep > 0 {
                    line.push(Span::raw(" ".repeat(sep)));
                }
                line.push(Span::styled(text, style));
            }
            used += sep + w;
            continue;
        }
        if used > 0 {
            lines.push(Vec::new());
            used = 0;
        }
        let pieces = if w <= room {
            vec![text]
        } else {
            wrap(&text, room)
        };
        let n = pieces.len();
        for (i, piece) in pieces.into_iter().enumerate() {
            used = width(&piece);
            if let Some(line) = lines.last_mut() {
                line.push(Span::styled(piece, style));
            }
            if i + 1 < n {
                lines.push(Vec::new());
            }
        }
    }
    lines
}

/// The names of the awards a unit won.
fn award_names(model: &Model, u: &UnitResult) -> String {
    let l = model.lang;
    let p = model.project();
    let names: Vec<String> = u
        .awards
        .iter()
        .map(|id| {
            p.awards
                .iter()
                .find(|a| &a.id == id)
                .map_or(id.clone(), |a| sanitize(&a.name))
        })
        .collect();
    names.join(l.pick("、", ", "))
}

/// What a unit's line says besides its rank, name and total, each part with its style:
/// comprehensive, veto (with every failed indicator), last place, single-item awards
/// (their names where they fit one line, else how many: they are listed by name on the
/// awards page), still to enter. A vetoed unit's awards are marked for the leading group
/// to confirm, in the words of every other list.
fn verdict(model: &Model, t: Theme, u: &UnitResult, room: usize) -> Vec<(String, Style)> {
    let l = model.lang;
    let p = model.project();
    let mut parts = Vec::new();
    if u.comprehensive {
        let tie = if u.tied { T::TiedParen.get(l) } else { "" };
        parts.push((format!("★ {}{tie}", T::Comprehensive.get(l)), t.good()));
    }
    if u.vetoed() {
        let names: Vec<String> = u
            .failed
            .iter()
            .map(|id| p.indicator(id).map_or(id.clone(), |i| sanitize(&i.name)))
            .collect();
        let names = names.join(l.pick("、", ", "));
        parts.push((TuiText(l).vetoed_flag(&names), t.bad()));
    }
    if u.last_place {
        parts.push((format!("▼ {}", T::LastPlace.get(l)), t.bad()));
    }
    if !u.awards.is_empty() {
        let names = format!("◆ {}", award_names(model, u));
        let count = TuiText(l).awards_count(u.awards.len());
        if u.vetoed() {
            // A vetoed unit's awards are a warning, not a distinction.
            let confirm = |a: &str| TuiText(l).awards_to_confirm(a);
            let text = [confirm(&names), confirm(&count)]
                .into_iter()
                .find(|a| width(a) <= room)
                .unwrap_or_else(|| confirm(&count));
            parts.push((text, t.warn()));
        } else {
            let text = if width(&names) <= room { names } else { count };
            parts.push((text, t.good()));
        }
    }
    if u.pending.any() {
        parts.push((format!("… {}", T::PendingMark.get(l)), t.pending()));
    }
    parts
}

/// The legend of a ranking page: the words of each symbol its units use.
fn unit_legend(model: &Model, t: Theme, group: &[UnitResult], w: usize) -> Vec<Line<'static>> {
    let l = model.lang;
    let mut parts = Vec::new();
    let mut add = |used: bool, text: String| {
        if used {
            parts.push((text, t.dim()));
        }
    };
    add(
        group.iter().any(|u| u.comprehensive),
        format!("★ {}", T::SymbolComprehensive.get(l)),
    );
    add(
        group.iter().any(UnitResult::vetoed),
        format!("✗ {}", T::Vetoed.get(l)),
    );
    add(
        group.iter().any(|u| u.last_place),
        format!("▼ {}", T::LastPlace.get(l)),
    );
    add(
        group.iter().any(|u| !u.awards.is_empty()),
        format!("◆ {}", T::Awards.get(l)),
    );
    add(
        group.iter().any(|u| u.tied),
        format!("= {}", T::SymbolTied.get(l)),
    );
    add(
        group.iter().any(|u| u.pending.any()),
        format!("… {}", T::PendingMark.get(l)),
    );
    flow(parts, w, GAP).into_iter().map(Line::from).collect()
}

/// A ranked group's lines, one block per unit, and the legend of its pages.
fn unit_blocks(
    model: &Model,
    t: Theme,
    group: &[UnitResult],
    w: usize,
) -> (Vec<Vec<Line<'static>>>, Vec<Line<'static>>) {
    let dp = model.project().policy.score_decimals;
    const RANK_W: usize = 4;
    const TOTAL_W: usize = 9;
    let name_w = group
        .iter()
        .map(|u| width(&sanitize(&u.name)))
        .max()
        .unwrap_or(0)
        .clamp(8, 16);
    let lead = RANK_W + GAP + name_w + TOTAL_W + GAP;
    let room = w.saturating_sub(lead).max(12);
    let bold = t.plain().add_modifier(Modifier::BOLD);
    let mut blocks = Vec::new();
    for u in group {
        let rank = if u.tied {
            format!("{}=", u.rank)
        } else {
            format!("{} ", u.rank)
        };
        let names = hard_wrap(&sanitize(&u.name), name_w);
        let verdict = flow(verdict(model, t, u, room), room, GAP);
        let rows = names.len().max(verdict.len());
        let mut block = Vec::new();
        for i in 0..rows {
            let first = i == 0;
            let mut spans = vec![
                Span::styled(
                    cell(if first { &rank } else { "" }, RANK_W, true),
                    t.title(),
                ),
                Span::raw(" ".repeat(GAP)),
                Span::styled(
                    cell(names.get(i).map_or("", String::as_str), name_w, false),
                    bold,
                ),
                Span::styled(
                    cell(
                        &if first {
                            score_text(u.total, dp)
                        } else {
                            String::new()
                        },
                        TOTAL_W,
                        true,
                    ),
                    bold,
                ),
                Span::raw(" ".repeat(GAP)),
            ];
            if let Some(parts) = verdict.get(i) {
                spans.extend(parts.iter().cloned());
            }
            block.push(Line::from(spans));
        }
        blocks.push(block);
    }
    (blocks, unit_legend(model, t, group, w))
}

/// The awards page: each single-item award and its winners, one block each; a vetoed
/// winner is marked for the leading group to confirm (the legend says what that means).
fn award_blocks(
    model: &Model,
    t: Theme,
    w: usize,
) -> (Vec<Vec<Line<'static>>>, Vec<Line<'static>>) {
    let l = model.lang;
    let board = &model.session.board;
    let name_w = board
        .awards
        .iter()
        .map(|a| width(&sanitize(&a.name)))
        .max()
        .unwrap_or(0)
        .clamp(8, 30);
    let room = w.saturating_sub(name_w + 2).max(12);
    let mut any_vetoed = false;
    let mut blocks = Vec::new();
    for a in &board.awards {
        let mut parts = Vec::new();
        if a.winners.is_empty() {
            parts.push((T::NoWinner.get(l).to_string(), t.good()));
        }
        let last = a.winners.len().saturating_sub(1);
        for (n, id) in a.winners.iter().enumerate() {
            let sep = if n < last { l.pick("、", ", ") } else { "" };
            let name = sanitize(model.project().name_of(id));
            if board.find(id).is_some_and(UnitResult::vetoed) {
                any_vetoed = true;
                parts.push((
                    format!("{}{sep}", TuiText(l).vetoed_winner_name(&name)),
                    t.warn(),
                ));
            } else {
                parts.push((format!("{name}{sep}"), t.good()));
            }
        }
        let names = hard_wrap(&sanitize(&a.name), name_w);
        let winners = flow(parts, room, 0);
        let mut block = Vec::new();
        for i in 0..names.len().max(winners.len()) {
            let mut spans = vec![
                Span::styled(
                    cell(names.get(i).map_or("", String::as_str), name_w, false),
                    t.plain().add_modifier(Modifier::BOLD),
                ),
                Span::raw("  "),
            ];
            if let Some(parts) = winners.get(i) {
                spans.extend(parts.iter().cloned());
            }
            block.push(Line::from(spans));
        }
        blocks.push(block);
    }
    let legend = if any_vetoed {
        flow(
            vec![(T::PresentToConfirm.get(l).to_string(), t.warn())],
            w,
            GAP,
        )
        .into_iter()
        .map(Line::from)
        .collect()
    } else {
        Vec::new()
    };
    (blocks, legend)
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let t = theme(model);
    let l = model.lang;
    let mut pages = pages(model, usize::from(area.width), usize::from(area.height));
    let count = pages.len();
    let index = model.ui.ranking.page.min(count - 1);
    let page = pages.swap_remove(index);
    let title = sanitize(&model.project().title);
    let subtitle = match page.kind {
        Kind::Units => T::PresentCounties.get(l),
        Kind::Departments => T::PresentDepartments.get(l),
        Kind::Awards => T::Awards.get(l),
    };
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(format!("{title} · {subtitle}"), t.title())).centered(),
        Line::default(),
    ];
    let left = usize::from(area.width).saturating_sub(page.w) / 2;
    let margin = |line: Line<'static>| {
        let mut spans = vec![Span::raw(" ".repeat(left))];
        spans.extend(line.spans);
        Line::from(spans)
    };
    lines.extend(page.lines.into_iter().map(margin));
    frame.render_widget(Paragraph::new(lines), area);
    // The legend: above the page hint.
    let legend_h = page.legend.len() as u16;
    if legend_h > 0 && area.height > legend_h + 1 {
        let legend: Vec<Line> = page.legend.into_iter().map(margin).collect();
        frame.render_widget(
            Paragraph::new(legend),
            Rect::new(area.x, area.bottom() - 1 - legend_h, area.width, legend_h),
        );
    }
    let key = |m| keymap::mention(m, l);
    let hint = format!(
        "{} {}   {}{} {}   ({}/{})",
        key(Mention::LeavePresentation),
        T::Back.get(l),
        key(Mention::PagePrev),
        key(Mention::PageNext),
        T::TurnPage.get(l),
        index + 1,
        count
    );
    let y = area.bottom().saturating_sub(1);
    let x = area.right().saturating_sub(width(&hint) as u16 + 2);
    frame.render_widget(
        Paragraph::new(Span::styled(hint, t.dim())),
        Rect::new(x, y, area.width.saturating_sub(x - area.x), 1),
    );
}

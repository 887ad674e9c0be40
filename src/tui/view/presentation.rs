//! Presentation mode, for a projector in a meeting: read-only, large spacing, no grid
//! lines and no edit hints — only the ranking, the awards and the veto flags. Pages:
//! counties and zone, city departments, single-item awards.

use super::{Theme, cell, theme};
use crate::i18n::{T, TuiText};
use crate::scoring::UnitResult;
use crate::scoring::score_text;
use crate::text::{sanitize, truncate, width};
use crate::tui::keymap::{self, Mention};
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// The pages there are: 0 counties+zone, 1 departments (if scored), 2 awards (if any).
fn pages(model: &Model) -> Vec<usize> {
    let board = &model.session.board;
    let mut pages = vec![0];
    if !board.departments.is_empty() {
        pages.push(1);
    }
    if !board.awards.is_empty() {
        pages.push(2);
    }
    pages
}

/// What a unit's line says besides its rank, name and total, in at most `room` columns:
/// comprehensive, veto (with the failed indicators), last place, single-item awards. When
/// it does not fit, the awards become a count and the failed indicators are cut. A vetoed
/// unit's awards always show, marked for the leading group to confirm — in words when
/// they fit, else as `◆n!` (the page then explains it at its foot: the second value).
fn verdict(model: &Model, u: &UnitResult, room: usize) -> (Vec<(String, bool)>, bool) {
    let l = model.lang;
    let p = model.project();
    let gap = 3;
    let mut fixed = Vec::new();
    if u.comprehensive {
        let tie = if u.tied { T::TiedParen.get(l) } else { "" };
        fixed.push((format!("★ {}{tie}", T::Comprehensive.get(l)), true));
    }
    if u.last_place {
        fixed.push((format!("▼ {}", T::LastPlace.get(l)), false));
    }
    let vetoed_awards = u.vetoed() && !u.awards.is_empty();
    let compact = format!("◆{}!", u.awards.len());
    let mut awards = None;
    if !u.awards.is_empty() {
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
        awards = Some(format!("◆ {}", names.join(l.pick("、", ", "))));
    }
    let veto = u.vetoed().then(|| {
        let names: Vec<String> = u
            .failed
            .iter()
            .map(|id| p.indicator(id).map_or(id.clone(), |i| sanitize(&i.name)))
            .collect();
        names.join(l.pick("、", ", "))
    });
    let veto_text = |names: &str| TuiText(l).vetoed_flag(names);
    // The veto, last place and a vetoed unit's awards (at least as `◆n!`) must show; the
    // other awards (listed on their own page) take what is left, as names, as a count,
    // or not at all.
    let mut fixed_w: usize = fixed.iter().map(|(s, _)| width(s) + gap).sum();
    if vetoed_awards {
        fixed_w += width(&compact) + gap;
    }
    let veto_part = veto.map(|names| {
        let full = veto_text(&names);
        if fixed_w + width(&full) + gap <= room {
            full
        } else {
            let shell = width(&veto_text(""));
            veto_text(&truncate(
                &names,
                room.saturating_sub(fixed_w + gap + shell).max(4),
            ))
        }
    });
    let mut used = fixed_w + veto_part.as_ref().map_or(0, |v| width(v) + gap);
    let mut compacted = false;
    if let Some(names) = awards.take() {
        let count = TuiText(l).awards_count(u.awards.len());
        if vetoed_awards {
            used -= width(&compact) + gap;
            let confirm = |a: &str| TuiText(l).awards_to_confirm(a);
            awards = [confirm(&names), confirm(&count)]
                .into_iter()
                .find(|a| used + width(a) + gap <= room);
            if awards.is_none() {
                compacted = true;
                awards = Some(compact);
            }
        } else {
            awards = [names, count]
                .into_iter()
                .find(|a| used + width(a) + gap <= room);
        }
    }
    let mut parts = Vec::new();
    if u.comprehensive {
        parts.push(fixed.remove(0));
    }
    if let Some(v) = veto_part {
        parts.push((v, false));
    }
    parts.extend(fixed);
    if let Some(a) = awards {
        // A vetoed unit's awards are a warning, not a distinction.
        parts.push((a, !vetoed_awards));
    }
    (parts, compacted)
}

fn ranking_lines(
    model: &Model,
    t: Theme,
    group: &[UnitResult],
    w: usize,
    spaced: bool,
) -> (Vec<Line<'static>>, bool) {
    let dp = model.project().policy.score_decimals;
    let mut lines = Vec::new();
    let mut compacted = false;
    for u in group {
        let mut spans = vec![
            Span::styled(cell(&u.rank.to_string(), 4, true), t.title()),
            Span::raw("   "),
            Span::styled(
                cell(&sanitize(&u.name), 14, false),
                t.plain().add_modifier(Modifier::BOLD),
            ),
            Span::styled(
                cell(&score_text(u.total, dp), 9, true),
                t.plain().add_modifier(Modifier::BOLD),
            ),
            Span::raw("   "),
        ];
        let room = w.saturating_sub(4 + 3 + 14 + 9 + 3);
        let (parts, compact) = verdict(model, u, room);
        compacted |= compact;
        for (text, good) in parts {
            spans.push(Span::styled(text, if good { t.good() } else { t.bad() }));
            spans.push(Span::raw("   "));
        }
        lines.push(Line::from(spans));
        if spaced {
            lines.push(Line::default());
        }
    }
    (lines, compacted)
}

/// The awards page: each single-item award and its winners; a vetoed winner is marked
/// for the leading group to confirm.
fn award_lines(model: &Model, t: Theme, spaced: bool) -> Vec<Line<'static>> {
    let l = model.lang;
    let board = &model.session.board;
    let mut lines = Vec::new();
    for a in &board.awards {
        let mut spans = vec![
            Span::styled(
                cell(&sanitize(&a.name), 30, false),
                t.plain().add_modifier(Modifier::BOLD),
            ),
            Span::raw("  "),
        ];
        if a.winners.is_empty() {
            spans.push(Span::styled(T::NoWinner.get(l).to_string(), t.good()));
        }
        for (n, id) in a.winners.iter().enumerate() {
            if n > 0 {
                spans.push(Span::raw(l.pick("、", ", ")));
            }
            let name = sanitize(model.project().name_of(id));
            if board.find(id).is_some_and(UnitResult::vetoed) {
                spans.push(Span::styled(TuiText(l).vetoed_winner_name(&name), t.warn()));
            } else {
                spans.push(Span::styled(name, t.good()));
            }
        }
        lines.push(Line::from(spans));
        if spaced {
            lines.push(Line::default());
        }
    }
    lines
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let t = theme(model);
    let l = model.lang;
    let board = &model.session.board;
    let pages = pages(model);
    let index = model.ui.ranking.page.min(pages.len() - 1);
    let page = pages[index];
    let title = sanitize(&model.project().title);
    let (subtitle, body_w) = match page {
        0 | 1 => (
            if page == 0 {
                T::PresentCounties.get(l)
            } else {
                T::PresentDepartments.get(l)
            },
            112usize,
        ),
        _ => (T::Awards.get(l), 70),
    };
    let w = body_w.min(usize::from(area.width).saturating_sub(4));
    let room = usize::from(area.height).saturating_sub(6);
    let body: (Vec<Line>, bool) = match page {
        0 | 1 => {
            let group = if page == 0 {
                &board.units
            } else {
                &board.departments
            };
            ranking_lines(model, t, group, w, group.len() * 2 <= room)
        }
        _ => (award_lines(model, t, board.awards.len() * 2 <= room), false),
    };
    let (body, compacted) = body;
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(format!("{title} · {subtitle}"), t.title())).centered(),
        Line::default(),
    ];
    let left = usize::from(area.width).saturating_sub(w) / 2;
    let body_len = body.len();
    for line in body.into_iter().take(room) {
        let mut spans = vec![Span::raw(" ".repeat(left))];
        spans.extend(line.spans);
        lines.push(Line::from(spans));
    }
    if body_len > room {
        lines.push(Line::from(Span::styled(
            format!("{}…", " ".repeat(left)),
            t.dim(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), area);
    // `◆n!` in a line: what it means, at the foot of the page.
    if compacted && area.height >= 2 {
        let note = truncate(
            T::PresentVetoedAwards.get(l),
            usize::from(area.width).saturating_sub(left),
        );
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::raw(" ".repeat(left)),
                Span::styled(note, t.warn()),
            ])),
            Rect::new(area.x, area.bottom() - 2, area.width, 1),
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
        pages.len()
    );
    let y = area.bottom().saturating_sub(1);
    let x = area.right().saturating_sub(width(&hint) as u16 + 2);
    frame.render_widget(
        Paragraph::new(Span::styled(hint, t.dim())),
        Rect::new(x, y, area.width.saturating_sub(x - area.x), 1),
    );
}

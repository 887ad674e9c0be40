//! The ranking board: rank, unit, sections, total with a bar, and the flags that decide
//! things — veto (with the failed indicators), comprehensive advanced, single-item
//! awards, last place, ties. Counties and the zone, then the city departments.

use super::{Theme, bar, cell, theme};
use crate::i18n::T;
use crate::scoring::UnitResult;
use crate::scoring::score_text;
use crate::text::{sanitize, truncate, width};
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;

const RANK_W: usize = 4;
const NAME_W: usize = 12;
const NUM_W: usize = 6;
const TOTAL_W: usize = 7;

/// The compact flags of a ranked unit, each with its style, in at most `room` columns:
/// comprehensive, veto (the first failed indicator), last place and a vetoed unit's
/// awards (`◆2!`: a warning for the leading group to confirm) — these always — then the
/// number of awards and pending, if they still fit with at least eight columns left for
/// the failed indicator's name (the status line has the whole story).
pub fn flag_spans(model: &Model, t: Theme, u: &UnitResult, room: usize) -> Vec<Span<'static>> {
    const NAME_MIN: usize = 8;
    let l = model.lang;
    let p = model.project();
    let mut fixed: Vec<(String, ratatui::style::Style)> = Vec::new();
    if u.comprehensive {
        fixed.push(("★".into(), t.good()));
    }
    if u.last_place {
        fixed.push((format!("▼{}", T::LastShort.get(l)), t.bad()));
    }
    // A vetoed unit's awards are marked for the leading group to confirm (a warning):
    // always shown, like the veto itself.
    if !u.awards.is_empty() && u.vetoed() {
        fixed.push((format!("◆{}!", u.awards.len()), t.warn()));
    }
    let mut optional: Vec<(String, ratatui::style::Style)> = Vec::new();
    if !u.awards.is_empty() && !u.vetoed() {
        optional.push((format!("◆{}", u.awards.len()), t.award()));
    }
    if u.pending.any() {
        optional.push((format!("… {}", T::PendingMark.get(l)), t.pending()));
    }
    let span_w = |items: &[(String, ratatui::style::Style)]| {
        items.iter().map(|(s, _)| width(s) + 1).sum::<usize>()
    };
    let veto = u.vetoed().then(|| {
        let first = u.failed.first().and_then(|id| p.indicator(id));
        let more = if u.failed.len() > 1 {
            format!("+{}", u.failed.len() - 1)
        } else {
            String::new()
        };
        (first, more)
    });
    // Keep the optional flags only while the veto's name keeps its minimum.
    while !optional.is_empty()
        && veto.is_some()
        && room < span_w(&fixed) + span_w(&optional) + 3 + NAME_MIN
    {
        optional.pop();
    }
    let mut flags = Vec::new();
    if u.comprehensive {
        flags.push(fixed.remove(0));
    }
    if let Some((first, more)) = veto {
        let name_room = room
            .saturating_sub(span_w(&fixed) + span_w(&optional) + 3 + width(&more))
            .max(4);
        // The short name where the full one does not fit (the status line and the
        // explanation give the full one).
        let first = first.map_or(String::new(), |i| sanitize(i.name_in(name_room)));
        flags.push((format!("✗ {}{more}", truncate(&first, name_room)), t.bad()));
    }
    flags.extend(fixed);
    flags.extend(optional);
    let mut spans = Vec::new();
    let mut used = 0;
    for (text, style) in flags {
        let w = width(&text) + 1;
        if used + w <= room {
            used += w;
            spans.push(Span::styled(format!("{text} "), style));
        }
    }
    spans
}

/// The symbols of the board in words, in at most `room` columns: ★ ✗ ▼ ◆ and `◆n!` (a
/// vetoed unit's awards, to confirm) — "last place" shortened, then the plain award
/// dropped, when the line is narrow; `◆n!` stays, as the one a reader cannot guess.
fn legend(model: &Model, room: usize) -> String {
    let l = model.lang;
    let words = |last: T, award: bool| {
        let mut parts = vec![
            format!("★ {}", T::Comprehensive.get(l)),
            format!("✗ {}", T::Vetoed.get(l)),
            format!("▼ {}", last.get(l)),
        ];
        if award {
            parts.push(format!("◆ {}", T::AwardWord.get(l)));
        }
        parts.push(T::LegendVetoedAwards.get(l).to_string());
        parts.join("  ")
    };
    [
        words(T::LastPlace, true),
        words(T::LastShort, true),
        words(T::LastShort, false),
    ]
    .into_iter()
    .find(|s| width(s) <= room)
    .unwrap_or_else(|| words(T::LastShort, false))
}

fn column_header(model: &Model, t: Theme, bar_w: usize) -> Line<'static> {
    let l = model.lang;
    let text = format!(
        "  {} {} {} {} {} {} {} {}",
        cell(T::Rank.get(l), RANK_W, true),
        cell(T::Unit.get(l), NAME_W, false),
        cell(T::OrgShort.get(l), NUM_W, true),
        cell(T::SurveyShort.get(l), NUM_W, true),
        cell(T::TaskShort.get(l), TOTAL_W, true),
        cell(T::PenaltyShort.get(l), NUM_W, true),
        cell(T::Total.get(l), TOTAL_W, true),
        cell("", bar_w, false),
    );
    Line::from(Span::styled(text, t.heading()))
}

fn unit_line(
    model: &Model,
    t: Theme,
    u: &UnitResult,
    max: Decimal,
    bar_w: usize,
    flags_w: usize,
    selected: bool,
) -> Line<'static> {
    let dp = model.project().policy.score_decimals;
    let rank = if u.tied {
        format!("{}=", u.rank)
    } else {
        u.rank.to_string()
    };
    let style = if selected { t.selected() } else { t.plain() };
    let marker = if selected { "▸ " } else { "  " };
    let name_style = if selected {
        style
    } else if u.vetoed() {
        t.bad()
    } else if u.comprehensive {
        t.good()
    } else {
        style
    };
    let mut spans = vec![
        Span::styled(format!("{marker}{} ", cell(&rank, RANK_W, true)), style),
        Span::styled(cell(&sanitize(&u.name), NAME_W, false), name_style),
        Span::styled(
            format!(
                " {} {} {} {} ",
                cell(&score_text(u.organization, dp), NUM_W, true),
                cell(&score_text(u.survey, dp), NUM_W, true),
                cell(&score_text(u.task, dp), TOTAL_W, true),
                cell(&score_text(u.penalty, dp), NUM_W, true),
            ),
            style,
        ),
        Span::styled(
            cell(&score_text(u.total, dp), TOTAL_W, true),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::styled(
            format!(" {} ", bar(u.total, max, bar_w)),
            if u.vetoed() { t.bad() } else { t.heading() },
        ),
    ];
    spans.extend(flag_spans(model, t, u, flags_w));
    Line::from(spans)
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let t = theme(model);
    let l = model.lang;
    let board = &model.session.board;
    let fixed = 2 + RANK_W + 1 + NAME_W + 1 + (NUM_W + 1) * 3 + TOTAL_W + 1 + TOTAL_W + 2;
    let spare = usize::from(area.width).saturating_sub(fixed);
    let bar_w = (spare / 5).clamp(4, 18);
    let flags_w = spare.saturating_sub(bar_w + 1);
    let r = &model.ui.ranking;
    // Every display line, with the ranked row it shows (if any).
    let mut display: Vec<(Option<usize>, Line)> = Vec::new();
    let legend = legend(
        model,
        usize::from(area.width).saturating_sub(width(T::CountiesAndZone.get(l)) + 3),
    );
    let groups = [
        (T::CountiesAndZone, &board.units, 0usize),
        (T::CityDepartments, &board.departments, board.units.len()),
    ];
    for (g, (heading, group, offset)) in groups.iter().enumerate() {
        if g == 1 && group.is_empty() {
            continue;
        }
        let head = heading.get(l);
        let right = if g == 0 {
            legend.clone()
        } else {
            String::new()
        };
        let fill = usize::from(area.width).saturating_sub(width(head) + width(&right) + 2);
        display.push((
            None,
            Line::from(vec![
                Span::styled(format!(" {head}"), t.title()),
                Span::raw(" ".repeat(fill)),
                Span::styled(right, t.dim()),
            ]),
        ));
        display.push((None, column_header(model, t, bar_w)));
        let max = group.iter().map(|u| u.total).max().unwrap_or_default();
        for (i, u) in group.iter().enumerate() {
            display.push((
                Some(offset + i),
                unit_line(model, t, u, max, bar_w, flags_w, offset + i == r.row),
            ));
        }
    }
    // Start at the first row in view (with its group's headings when it opens a group).
    let start = display
        .iter()
        .position(|(row, _)| *row == Some(r.top))
        .unwrap_or(0);
    let start = if r.top == 0 || r.top == board.units.len() {
        start.saturating_sub(2)
    } else {
        start
    };
    let lines: Vec<Line> = display
        .into_iter()
        .skip(start)
        .take(usize::from(area.height))
        .map(|(_, l)| l)
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The status line: why the selected unit stands where it does.
pub fn status(model: &Model) -> String {
    match model.ranking_selected() {
        Some(u) => crate::explain::summary(model.project(), &model.session.board, &u.id)
            .map(|s| crate::i18n::explain::unit_short(&s, model.lang))
            .unwrap_or_default(),
        None => String::new(),
    }
}

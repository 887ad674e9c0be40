//! The ranking pane's 先进个人 view (`n`): each county, the zone and each department with
//! places or nominees — its places, how many it nominates, and each nominee's name and
//! post on a line of its own — and a mark where the count is not the places (等额推荐 asks
//! for exactly as many). Counties and the zone, then the city departments, as the
//! scoreboard lists them ([`crate::scoring::Scoreboard::individuals`]). Names line up by
//! display width.

use super::{Theme, cell, theme};
use crate::i18n::{self, T, TuiText};
use crate::project::problem::ProblemKind;
use crate::scoring::Individuals;
use crate::text::{sanitize, truncate, width};
use crate::tui::layout;
use crate::tui::model::{IndividualLine, Model, individual_lines};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const NAME_W: usize = 14;
const NUM_W: usize = 6;
const MARK_W: usize = 10;
const NOMINEE_W: usize = 8;

/// A unit's mark: short or over its places (a warning), not nominated yet, or nothing.
fn mark(l: i18n::Lang, unit: &Individuals) -> Option<(String, bool)> {
    let (count, quota) = (unit.nominees.len(), unit.quota as usize);
    if count == 0 && quota > 0 {
        Some((TuiText(l).individuals_none(), false))
    } else if count < quota {
        Some((TuiText(l).individuals_short(quota - count), true))
    } else if count > quota {
        Some((TuiText(l).individuals_over(count - quota), true))
    } else {
        None
    }
}

/// The heading: the view's name, and on the right the places and nominees in all and how
/// many units are off their places.
fn heading(model: &Model, t: Theme, w: usize) -> Line<'static> {
    let l = model.lang;
    let all = &model.session.board.individuals;
    let places: u32 = all.iter().map(|i| i.quota).sum();
    let nominated: usize = all.iter().map(|i| i.nominees.len()).sum();
    let off = all.iter().filter(|i| i.off_quota()).count();
    let head = format!(" {}", T::IndividualsHeading.get(l));
    let summary = TuiText(l).individuals_summary(places, nominated);
    let off_text = if off > 0 {
        format!("  {}", TuiText(l).individuals_off(off))
    } else {
        String::new()
    };
    let used = width(&head) + width(&summary) + width(&off_text) + 1;
    let fill = w.saturating_sub(used);
    Line::from(vec![
        Span::styled(head, t.title()),
        Span::raw(" ".repeat(fill)),
        Span::styled(summary, t.dim()),
        Span::styled(off_text, t.warn()),
    ])
}

fn column_header(model: &Model, t: Theme) -> Line<'static> {
    let l = model.lang;
    let text = format!(
        "  {} {} {} {} {} {}",
        cell(T::Unit.get(l), NAME_W, false),
        cell(T::ColPlaces.get(l), NUM_W, true),
        cell(T::ColNominated.get(l), NUM_W, true),
        cell(T::ColOffPlaces.get(l), MARK_W, false),
        cell(T::ColNominee.get(l), NOMINEE_W, false),
        T::ColPost.get(l),
    );
    Line::from(Span::styled(text, t.heading()))
}

/// One nominee: the name and the post, the post cut to what is left of `w`.
fn nominee_spans(unit: &Individuals, k: usize, w: usize, style: Style) -> Vec<Span<'static>> {
    let used = 2 + NAME_W + 1 + NUM_W + 1 + NUM_W + 1 + MARK_W + 1 + NOMINEE_W + 1;
    let name = unit
        .nominees
        .get(k)
        .map(|n| sanitize(n))
        .unwrap_or_default();
    let post = unit
        .posts
        .get(k)
        .and_then(|p| p.as_deref())
        .map(sanitize)
        .unwrap_or_default();
    vec![
        Span::styled(format!("{} ", cell(&name, NOMINEE_W, false)), style),
        Span::styled(truncate(&post, w.saturating_sub(used)), style),
    ]
}

/// A line of the list: a group's heading, a unit with its first nominee, or a further
/// nominee; the selected unit's lines in reverse video.
fn list_line(
    model: &Model,
    t: Theme,
    line: IndividualLine,
    w: usize,
    selected: usize,
) -> Line<'static> {
    let l = model.lang;
    let all = &model.session.board.individuals;
    match line {
        IndividualLine::Heading(department) => {
            let head = if department {
                T::CityDepartments
            } else {
                T::CountiesAndZone
            };
            Line::from(Span::styled(format!(" {}", head.get(l)), t.title()))
        }
        IndividualLine::Unit(n) => {
            let Some(unit) = all.get(n) else {
                return Line::default();
            };
            let on = n == selected;
            let style = if on { t.selected() } else { t.plain() };
            let marker = if on { "▸ " } else { "  " };
            let (mark_text, alert) = mark(l, unit).unwrap_or_default();
            let mark_style = match (on, alert) {
                (true, _) => style,
                (false, true) => t.warn(),
                (false, false) => t.dim(),
            };
            let mut spans = vec![
                Span::styled(
                    format!(
                        "{marker}{} {} {} ",
                        cell(&sanitize(&unit.name), NAME_W, false),
                        cell(&unit.quota.to_string(), NUM_W, true),
                        cell(&unit.nominees.len().to_string(), NUM_W, true),
                    ),
                    style,
                ),
                Span::styled(format!("{} ", cell(&mark_text, MARK_W, false)), mark_style),
            ];
            spans.extend(nominee_spans(unit, 0, w, style));
            Line::from(spans)
        }
        IndividualLine::Nominee(n, k) => {
            let Some(unit) = all.get(n) else {
                return Line::default();
            };
            let style = if n == selected {
                t.selected()
            } else {
                t.plain()
            };
            let blank = 2 + NAME_W + 1 + NUM_W + 1 + NUM_W + 1 + MARK_W + 1;
            let mut spans = vec![Span::styled(" ".repeat(blank), style)];
            spans.extend(nominee_spans(unit, k, w, style));
            Line::from(spans)
        }
    }
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let t = theme(model);
    let l = model.lang;
    let w = usize::from(area.width);
    let board = &model.session.board;
    let people = &model.ui.ranking.people;
    let mut lines = vec![heading(model, t, w), column_header(model, t)];
    if board.individuals.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("  {}", T::ExportNoIndividuals.get(l)),
            t.dim(),
        )));
    }
    let all = individual_lines(board);
    let height = usize::from(area.height).saturating_sub(usize::from(layout::INDIVIDUALS_HEADER));
    lines.extend(
        all.iter()
            .skip(people.top)
            .take(height)
            .map(|line| list_line(model, t, *line, w, people.row)),
    );
    frame.render_widget(Paragraph::new(lines), area);
}

/// The status line: the selected unit's places and nominees, and the warning when they
/// differ (as the problems list words it).
pub fn status(model: &Model) -> String {
    let l = model.lang;
    let Some(unit) = model.individual_selected() else {
        return String::new();
    };
    let name = sanitize(&unit.name);
    let count = unit.nominees.len();
    if unit.off_quota() {
        let kind = ProblemKind::NomineesOffQuota {
            unit: name,
            quota: unit.quota,
            count,
        };
        return format!("⚠ {}", i18n::problem_message(&kind, l));
    }
    let note = if count == 0 && unit.quota > 0 {
        TuiText(l).individuals_no_list()
    } else {
        String::new()
    };
    TuiText(l).individuals_status(&name, unit.quota, count, &note)
}

//! Self-check beside assessed in the entry pane: for a unit with a `[selfcheck.<id>]`
//! sheet, a narrow 自查 column after the earned score on every line (the organisation
//! items' and the survey's values, a row's actual, status or preparation score, the
//! penalties' points on their first line) and a mark where the two differ — `▲` the
//! self-check is higher, `▼` lower, `≠` otherwise (a status, a target, a score that
//! differs on equal values) — in the warning colour, the symbol saying it under NO_COLOR;
//! and both totals with the gap (assessed − self-check) after the unit's standing.
//!
//! Where the sheet is too narrow for the column (80 columns), only the marks stay, and
//! the totals shorten (`自查 130.01 差 −0.50`) or go. A unit without a self-check sheet
//! is drawn exactly as before.

use super::Theme;
use crate::i18n::{Lang, SelfcheckText, selfcheck::delta};
use crate::project::{Row, UnitScores};
use crate::scoring::{penalty_points, score_text};
use crate::tui::model::{Line as SheetLine, Model};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use rust_decimal::Decimal;

/// The width of the self-check column.
const SELF_W: usize = 7;
/// The narrowest the names may get for the column to be shown.
const NAME_MIN: usize = 14;
/// What the column and its mark take from the names ([`Own::width`]).
const WITH_COLUMN: usize = SELF_W + 4;
/// An indicator row's width after the name (the columns, the flag, the spaces).
const ROW_AFTER_NAME: usize = 45;

/// A unit's self-check sheet, and whether its column fits.
pub(super) struct Own<'m> {
    unit: &'m str,
    sheet: &'m UnitScores,
    column: bool,
}

impl<'m> Own<'m> {
    /// The unit's self-check, if it has one; `room`: the names' width without it.
    pub(super) fn of(model: &'m Model, unit: &'m str, room: usize) -> Option<Own<'m>> {
        let sheet = model.project().selfcheck.get(unit)?;
        Some(Own {
            unit,
            sheet,
            column: room >= NAME_MIN + WITH_COLUMN,
        })
    }

    /// The width it takes from the names: the column and the mark, or the mark (each
    /// after a space, and one more: the earned score's flag is the last two columns of a
    /// row, its second one blank and allowed off the edge).
    pub(super) fn width(&self) -> usize {
        if self.column { WITH_COLUMN } else { 3 }
    }

    /// The column's heading (nothing above the mark alone).
    pub(super) fn heading(&self, l: Lang) -> String {
        if self.column {
            super::cell(&SelfcheckText(l).col_short(), SELF_W, true)
        } else {
            String::new()
        }
    }

    /// Both totals and the gap, in `room` columns: in full, short, or not at all.
    pub(super) fn totals(
        &self,
        model: &Model,
        t: Theme,
        assessed: Option<Decimal>,
        room: usize,
    ) -> Vec<Span<'static>> {
        let (Some(assessed), Some(own)) = (
            assessed,
            model
                .session
                .selfcheck_board
                .as_ref()
                .and_then(|b| b.find(self.unit)),
        ) else {
            return Vec::new();
        };
        let dp = model.project().policy.score_decimals;
        let text = SelfcheckText(model.lang);
        let gap = assessed - own.total;
        let (own, assessed, gap_text) = (
            score_text(own.total, dp),
            score_text(assessed, dp),
            delta(gap, dp),
        );
        let style = if gap.is_zero() { t.dim() } else { t.warn() };
        [
            text.totals(&own, &assessed, &gap_text),
            text.totals_short(&own, &gap_text),
        ]
        .into_iter()
        .map(|s| format!("  {s}"))
        .find(|s| crate::text::width(s) <= room)
        .map(|s| vec![Span::styled(s, style)])
        .unwrap_or_default()
    }

    /// The pieces to add to a line whose pieces take `used` columns (a blank to align
    /// them after the earned score's flag, the self-check column, the mark), where the
    /// line has something to compare.
    pub(super) fn extra(
        &self,
        model: &Model,
        t: Theme,
        line: SheetLine,
        name_w: usize,
        used: usize,
    ) -> Vec<Extra> {
        let Some((text, mark)) = self.compare(model, line) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let end = name_w + ROW_AFTER_NAME;
        if used + 1 < end {
            out.push(Extra {
                text: String::new(),
                width: end - used - 1,
                style: t.plain(),
            });
        }
        let (value_style, mark_style) = match mark {
            Mark::Same => (t.dim(), t.plain()),
            _ => (t.warn(), t.warn().add_modifier(Modifier::BOLD)),
        };
        if self.column {
            out.push(Extra {
                text,
                width: SELF_W,
                style: value_style,
            });
        }
        out.push(Extra {
            text: mark.symbol().to_string(),
            width: 1,
            style: mark_style,
        });
        out
    }

    /// The self-check's value of a line as the column shows it, and how it compares.
    fn compare(&self, model: &Model, line: SheetLine) -> Option<(String, Mark)> {
        let p = model.project();
        let theirs = p.scores.get(self.unit);
        let own = self.sheet;
        match line {
            SheetLine::Org(i) => {
                let id = &p.organization.get(i)?.id;
                let mine = own.organization.get(id).copied();
                let other = theirs.and_then(|s| s.organization.get(id).copied());
                Some((dec(mine), Mark::of_numbers(mine, other)))
            }
            SheetLine::Survey => {
                let other = theirs.and_then(|s| s.survey);
                Some((dec(own.survey), Mark::of_numbers(own.survey, other)))
            }
            SheetLine::Row(ii) => {
                let ind = p.indicators.get(ii)?;
                let mine = own.indicators.get(&ind.id);
                let other = theirs.and_then(|s| s.indicators.get(&ind.id));
                let text = SelfcheckText(model.lang);
                let shown = match mine {
                    Some(Row::Quantitative { actual, .. }) => dec(*actual),
                    Some(Row::Qualitative { complete: true, .. }) => text.met_short(),
                    Some(Row::Qualitative { .. }) => text.not_met_short(),
                    Some(Row::Preparation { prep }) => dec(Some(*prep)),
                    None => dec(None),
                };
                let mark = match (mine, other) {
                    (a, b) if a == b => {
                        // Equal values may still earn differently (the bonus is relative
                        // to the best among the self-check figures).
                        let earned = |board: Option<&crate::scoring::Scoreboard>| {
                            board
                                .and_then(|b| b.find(self.unit))
                                .and_then(|r| r.item_at(ii))
                                .map(|i| i.earned)
                        };
                        if earned(model.session.selfcheck_board.as_ref())
                            == earned(Some(&model.session.board))
                        {
                            Mark::Same
                        } else {
                            Mark::Other
                        }
                    }
                    (
                        Some(Row::Quantitative {
                            actual: Some(a), ..
                        }),
                        Some(Row::Quantitative {
                            actual: Some(b), ..
                        }),
                    )
                    | (Some(Row::Preparation { prep: a }), Some(Row::Preparation { prep: b }))
                        if a != b =>
                    {
                        Mark::of_numbers(Some(*a), Some(*b))
                    }
                    _ => Mark::Other,
                };
                Some((shown, mark))
            }
            SheetLine::Penalty(0) | SheetLine::NoPenalty => {
                let points = |s: &UnitScores| penalty_points(&p.policy, s).unwrap_or_default();
                let mine = points(own);
                let other = theirs.map(points).unwrap_or_default();
                let same_list = theirs.map_or(own.penalties.is_empty(), |s| {
                    s.penalties.len() == own.penalties.len()
                        && s.penalties
                            .iter()
                            .zip(&own.penalties)
                            .all(|(a, b)| a.kind == b.kind)
                });
                let dp = p.policy.score_decimals;
                let mark = if mine != other || !same_list {
                    Mark::Other
                } else {
                    Mark::Same
                };
                Some((format!("−{}", score_text(mine, dp)), mark))
            }
            SheetLine::Penalty(_) | SheetLine::Area(_) => None,
        }
    }
}

/// A piece the self-check adds to a sheet line: text right-aligned in its width.
pub(super) struct Extra {
    pub text: String,
    pub width: usize,
    pub style: Style,
}

/// A value as a cell shows it; `—` for none (as the sheet's own cells).
fn dec(d: Option<Decimal>) -> String {
    d.map_or("—".to_string(), |d| d.to_string())
}

/// How the self-check compares with the assessed value of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Same,
    /// The self-check's number is higher.
    Higher,
    Lower,
    /// Any other difference.
    Other,
}

impl Mark {
    fn of_numbers(mine: Option<Decimal>, other: Option<Decimal>) -> Mark {
        match (mine, other) {
            (Some(a), Some(b)) if a > b => Mark::Higher,
            (Some(a), Some(b)) if a < b => Mark::Lower,
            (a, b) if a == b => Mark::Same,
            _ => Mark::Other,
        }
    }

    fn symbol(self) -> &'static str {
        match self {
            Mark::Same => " ",
            Mark::Higher => "▲",
            Mark::Lower => "▼",
            Mark::Other => "≠",
        }
    }
}

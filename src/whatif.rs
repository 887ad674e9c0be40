//! What-if: what a unit lacks, and what a changed value would do. For a vetoed unit,
//! each failed indicator and the value it needed; for any unit, the total it needs to
//! enter the comprehensive top N (or to leave last place) and the gap; for a bonus
//! indicator, how every unit's bonus moves if this unit's actual changes.
//!
//! The rules, on exact decimals (every total is a sum of scores each rounded to
//! `score_decimals`, so totals move in *steps* of `10^-score_decimals`, 0.01 by default;
//! "more than X" is therefore `X + step`, never an approximation):
//!
//! * **Completing a failed indicator.** A quantitative row is completed by the actual
//!   `A = T` (for `at_least` the least that completes it, for an `at_most` ceiling the
//!   most); the gap is `T − A` (`A − T` for a ceiling), always positive, and relative to
//!   the target it is the shortfall `s`. A qualitative row must be marked complete (its
//!   case-by-case deduction goes). The unit's total *if met* is not estimated: the
//!   project is cloned, that one row changed, and [`crate::scoring::score`] run again, so
//!   that everything the change moves (ranks, awards, last place, other units' bonuses)
//!   moves. (At exactly the target its over-completion is 0, so the group's best
//!   over-completion, and with it every other unit's bonus, stays where it was.)
//! * **The comprehensive cut.** A unit that is not vetoed, with total `X`, is ranked
//!   `1 + #{other non-vetoed units with a total > X}` among the non-vetoed ones and is
//!   comprehensive advanced when that rank is `<= N` (`policy.comprehensive_awards`,
//!   `policy.department_awards` for departments) and `X > 0`. So the lowest total that
//!   puts it inside is the total of the N-th highest of the *other* non-vetoed units —
//!   equal is enough, since a tie across the cut gives the award to every tied unit — or,
//!   when fewer than N other units are not vetoed, one step (any total above 0)
//!   ([`crate::scoring::comprehensive_cut`]). The
//!   others' totals are held as they are. For a unit already inside, the same total is the
//!   lowest it can fall to and stay inside: its margin is its total minus that.
//! * **Last place.** The last unit leaves last place by exceeding the lowest total of the
//!   other units of its group that may be last (under the default `last_place_among =
//!   "not_up_to_standard"`, the other vetoed units): it needs that total plus one step.
//!   When it is the only one that may be last, no total is enough: it leaves last place
//!   by completing its targets (the veto's lines).
//!
//! The group, its places, the cut and the rank among the units not vetoed are the
//! scoreboard's ([`Scoreboard::group_of`], [`crate::scoring::comprehensive_cut`],
//! [`UnitResult::rank_eligible`]). This module produces data ([`Standing`], [`WhatIf`]);
//! the sentences are `crate::i18n::whatif::lines`.

use crate::project::{Direction, LastPlaceAmong, Project, Row};
use crate::scoring::{LastPlace, Outcome, Scoreboard, UnitResult, score, score_step};
use rust_decimal::Decimal;

/// Everything `kaoping whatif FILE UNIT` shows: the unit on its board, where it stands
/// and what it lacks, with the project and board its sentences name things from.
#[derive(Debug, Clone)]
pub struct WhatIf<'a> {
    pub project: &'a Project,
    pub board: &'a Scoreboard,
    pub unit: &'a UnitResult,
    pub standing: Standing,
}

/// The what-if of one unit (or department). `None` when it is not on the board, or the
/// numbers are too large to compute.
pub fn whatif<'a>(project: &'a Project, board: &'a Scoreboard, unit: &str) -> Option<WhatIf<'a>> {
    Some(WhatIf {
        project,
        board,
        unit: board.find(unit)?,
        standing: standing(project, board, unit)?,
    })
}

/// What a vetoed unit needed on one failed indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct VetoFix {
    pub indicator: String,
    /// The target and actual entered (quantitative rows).
    pub target: Option<Decimal>,
    pub actual: Option<Decimal>,
    /// The actual that completes it (the target itself: the least for `at_least`, the
    /// most for an `at_most` ceiling), or `None` for a qualitative row (it must be marked
    /// complete).
    pub needed: Option<Decimal>,
    /// How far the actual was from `needed`, always positive: `target − actual`, or
    /// `actual − target` for a ceiling. `None` for a qualitative row.
    pub gap: Option<Decimal>,
    /// The gap relative to the target (the shortfall `s`, `0.05` = 5%).
    pub shortfall: Option<Decimal>,
    /// A ceiling (`at_most`): the actual must come down to `needed`.
    pub at_most: bool,
    /// The row's earned score now, and completed.
    pub earned: Decimal,
    pub earned_if_met: Decimal,
    /// The unit's total if this indicator alone had been completed.
    pub total_if_met: Decimal,
    /// Everything else about the unit (and the others) with this indicator completed.
    pub if_met: Scenario,
}

/// A unit's standing in a changed project (the project rescored).
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub total: Decimal,
    pub rank: u32,
    pub tied: bool,
    /// The indicators that would still veto it.
    pub failed: Vec<String>,
    pub comprehensive: bool,
    /// Its rank among the non-vetoed units of its group, and how many there would be.
    pub among: usize,
    pub eligible: usize,
    pub last_place: bool,
    /// Every unit of the group that would be last place (empty: no last place).
    pub last: Vec<String>,
    /// Every unit of the group that would be vetoed (last place is only given then).
    pub vetoed: Vec<String>,
    /// The single-item awards it would win.
    pub awards: Vec<String>,
    /// The other units of its group whose standing would change, in rank order.
    pub others: Vec<OtherChange>,
}

/// How another unit of the group would fare in a [`Scenario`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OtherChange {
    pub id: String,
    /// Its earned score on a changed indicator: (indicator, before, after).
    pub moves: Vec<(String, Decimal, Decimal)>,
    /// `Some(new)` when its comprehensive advanced flag would change.
    pub comprehensive: Option<bool>,
    /// `Some(new)` when its last place would change.
    pub last_place: Option<bool>,
    /// Single-item awards it would win, and lose.
    pub won: Vec<String>,
    pub lost: Vec<String>,
}

/// Where a unit stands against the cuts.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub total: Decimal,
    /// The total to reach to be comprehensive advanced (if it is not), and the gap; `None`
    /// when vetoed (no total is enough), already advanced, or there are no places.
    pub comprehensive: Option<(Decimal, Decimal)>,
    /// The total to reach to leave last place (if it is last), and the gap.
    pub leave_last: Option<(Decimal, Decimal)>,
    pub veto: Vec<VetoFix>,
    /// The comprehensive places of its group (N).
    pub places: u32,
    /// The total of the N-th highest of the *other* non-vetoed units of its group and the
    /// units that hold it: reaching it (equal is enough) puts the unit inside, once it is
    /// not vetoed. `None` when fewer than N other units are not vetoed (then any total
    /// above 0 does).
    pub cut: Option<(Decimal, Vec<String>)>,
    /// Comprehensive advanced: how far its total may fall and still stay inside (its
    /// total minus the cut, or minus one step when there is no cut).
    pub margin: Option<Decimal>,
    /// Comprehensive advanced: the highest non-vetoed units outside the cut and their
    /// total (`None` when every non-vetoed unit is inside).
    pub outside: Option<(Decimal, Vec<String>)>,
    /// Last place: the lowest total among the other units, and who has it.
    pub next_up: Option<(Decimal, Vec<String>)>,
    /// When more than one indicator failed: the unit with all of them completed.
    pub all_met: Option<Scenario>,
    /// The smallest step of a total (`10^-score_decimals`).
    pub step: Decimal,
}

/// Where a unit stands and what it lacks.
pub fn standing(project: &Project, board: &Scoreboard, unit: &str) -> Option<Standing> {
    let u = board.find(unit)?;
    let group = board.group_of(u);
    let places = group.places;
    let step = score_step(&project.policy);
    let cut = group.cut_for(&u.id).map(|total| {
        let ids = group
            .holders(total, &u.id)
            .filter(|g| !g.vetoed())
            .map(|g| g.id.clone())
            .collect();
        (total, ids)
    });
    // The lowest total inside: the cut (equal is enough), but never 0 or less.
    let keep = match &cut {
        Some((total, _)) => (*total).max(step),
        None => step,
    };
    let comprehensive = if u.vetoed() || u.comprehensive || places == 0 {
        None
    } else {
        Some((keep, keep.checked_sub(u.total)?))
    };
    let outside_of = |g: &&UnitResult| !g.vetoed() && !g.comprehensive;
    let (margin, outside) = if u.comprehensive {
        let outside = group
            .units
            .iter()
            .filter(outside_of)
            .map(|g| g.total)
            .max()
            .map(|t| {
                let ids = group
                    .holders(t, &u.id)
                    .filter(outside_of)
                    .map(|g| g.id.clone())
                    .collect();
                (t, ids)
            });
        (Some(u.total.checked_sub(keep)?), outside)
    } else {
        (None, None)
    };
    // Who else could be last: under `last_place_among = "not_up_to_standard"` only the
    // other vetoed units (the board's rule, [`LastPlace::holds`]).
    let among_all = !matches!(
        group.last_place,
        LastPlace::Lowest {
            among: LastPlaceAmong::NotUpToStandard,
            ..
        }
    );
    let others = group
        .units
        .iter()
        .filter(|g| g.id != u.id && (among_all || g.vetoed()));
    let (leave_last, next_up) = match others.map(|g| g.total).min() {
        Some(next) if u.last_place => {
            let needed = next.checked_add(step)?;
            let ids = group
                .holders(next, &u.id)
                .filter(|g| among_all || g.vetoed())
                .map(|g| g.id.clone())
                .collect();
            (
                Some((needed, needed.checked_sub(u.total)?)),
                Some((next, ids)),
            )
        }
        _ => (None, None),
    };
    let mut veto = Vec::with_capacity(u.failed.len());
    for failed in &u.failed {
        veto.push(veto_fix(project, board, u, failed)?);
    }
    let all_met = if u.failed.len() > 1 {
        Some(scenario(project, board, u, &u.failed)?.0)
    } else {
        None
    };
    Some(Standing {
        total: u.total,
        comprehensive,
        leave_last,
        veto,
        places,
        cut,
        margin,
        outside,
        next_up,
        all_met,
        step,
    })
}

/// What one failed indicator needed, and the unit with it completed.
fn veto_fix(
    project: &Project,
    board: &Scoreboard,
    u: &UnitResult,
    indicator: &str,
) -> Option<VetoFix> {
    let item = u.item(indicator)?;
    let ind = project.indicator(indicator)?;
    let at_most = ind.direction == Direction::AtMost;
    let (target, actual, gap, shortfall) = match item.outcome {
        Outcome::Short {
            target,
            actual,
            shortfall,
            ..
        } => {
            let gap = if at_most {
                actual.checked_sub(target)?
            } else {
                target.checked_sub(actual)?
            };
            (Some(target), Some(actual), Some(gap), Some(shortfall))
        }
        Outcome::NotMet { .. } => (None, None, None, None),
        _ => return None,
    };
    let (if_met, changed) = scenario(project, board, u, &[indicator.to_string()])?;
    let earned_if_met = changed.find(&u.id)?.item(indicator)?.earned;
    Some(VetoFix {
        indicator: indicator.to_string(),
        target,
        actual,
        needed: target,
        gap,
        shortfall,
        at_most,
        earned: item.earned,
        earned_if_met,
        total_if_met: if_met.total,
        if_met,
    })
}

/// The project with the unit's rows of `indicators` completed (a quantitative row's actual
/// set to its target, a qualitative row marked complete), rescored; the unit's standing
/// in it and the new scoreboard.
fn scenario(
    project: &Project,
    board: &Scoreboard,
    u: &UnitResult,
    indicators: &[String],
) -> Option<(Scenario, Scoreboard)> {
    let mut changed = project.clone();
    let sheet = changed.scores.get_mut(&u.id)?;
    for indicator in indicators {
        match sheet.indicators.get_mut(indicator) {
            Some(Row::Quantitative {
                target: Some(target),
                actual,
            }) => *actual = Some(*target),
            Some(Row::Qualitative {
                complete,
                deduction,
            }) => {
                *complete = true;
                *deduction = None;
            }
            Some(_) => return None,
            // A department's row derived by sum (the units' rows fall short): met, as a
            // row of its own at the summed target.
            None => {
                let Outcome::Short { target, .. } = u.item(indicator)?.outcome else {
                    return None;
                };
                sheet.indicators.insert(
                    indicator.clone(),
                    Row::Quantitative {
                        target: Some(target),
                        actual: Some(target),
                    },
                );
            }
        }
    }
    let after = score(&changed).ok()?;
    let scenario = outlook(board, &after, &u.id, indicators)?;
    Some((scenario, after))
}

/// A unit's standing on a rescored board `after`, and how the others of its group
/// moved against `before`.
fn outlook(
    before: &Scoreboard,
    after: &Scoreboard,
    unit: &str,
    indicators: &[String],
) -> Option<Scenario> {
    let a = after.find(unit)?;
    let group = after.group_of(a);
    let mut others = Vec::new();
    for b in before.group_of(a).units {
        if b.id == unit {
            continue;
        }
        let Some(n) = after.find(&b.id) else {
            continue;
        };
        let moves = indicators
            .iter()
            .filter_map(|i| {
                let (x, y) = (b.item(i)?.earned, n.item(i)?.earned);
                (x != y).then(|| (i.clone(), x, y))
            })
            .collect();
        let change = OtherChange {
            id: b.id.clone(),
            moves,
            comprehensive: (b.comprehensive != n.comprehensive).then_some(n.comprehensive),
            last_place: (b.last_place != n.last_place).then_some(n.last_place),
            won: n
                .awards
                .iter()
                .filter(|w| !b.awards.contains(w))
                .cloned()
                .collect(),
            lost: b
                .awards
                .iter()
                .filter(|w| !n.awards.contains(w))
                .cloned()
                .collect(),
        };
        if change
            != (OtherChange {
                id: b.id.clone(),
                ..OtherChange::default()
            })
        {
            others.push(change);
        }
    }
    Some(Scenario {
        total: a.total,
        rank: a.rank,
        tied: a.tied,
        failed: a.failed.clone(),
        comprehensive: a.comprehensive,
        among: group.rank_among_eligible(a.total) as usize,
        eligible: group.eligible(),
        last_place: a.last_place,
        last: group
            .units
            .iter()
            .filter(|g| g.last_place)
            .map(|g| g.id.clone())
            .collect(),
        vetoed: group
            .units
            .iter()
            .filter(|g| g.vetoed())
            .map(|g| g.id.clone())
            .collect(),
        awards: a.awards.clone(),
        others,
    })
}

/// How each unit's earned score on a bonus indicator moves if `unit`'s actual becomes
/// `actual`: (unit id, before, after), for every unit of its group whose score changes
/// (the unit itself included), in the project's order. The whole project is rescored, so
/// any indicator works; on a bonus indicator the others move with the group's best
/// over-completion. `None` when the unit, the indicator or a quantitative row for it does
/// not exist (a county's row not entered yet counts as an empty quantitative row), when
/// `actual < 0`, or when the numbers are too large to compute.
pub fn bonus_moves(
    project: &Project,
    unit: &str,
    indicator: &str,
    actual: Decimal,
) -> Option<Vec<(String, Decimal, Decimal)>> {
    if actual < Decimal::ZERO {
        return None;
    }
    let ind = project.indicator(indicator)?;
    let department = project.unit(unit).is_none();
    if department && project.department(unit).is_none() {
        return None;
    }
    let mut changed = project.clone();
    let row = match changed.scores.get_mut(unit) {
        Some(sheet) => sheet.indicators.get_mut(indicator),
        None => None,
    };
    match row {
        Some(Row::Quantitative { actual: a, .. }) => *a = Some(actual),
        Some(_) => return None,
        None if department || !ind.applies_to(unit) || !ind.is_pilot(unit) => return None,
        None => {
            changed
                .scores
                .entry(unit.to_string())
                .or_default()
                .indicators
                .insert(
                    indicator.to_string(),
                    Row::Quantitative {
                        target: None,
                        actual: Some(actual),
                    },
                );
        }
    }
    let before = score(project).ok()?;
    let after = score(&changed).ok()?;
    let ids: Vec<&str> = if department {
        project.departments.iter().map(|d| d.id.as_str()).collect()
    } else {
        project.units.iter().map(|u| u.id.as_str()).collect()
    };
    let earned = |board: &Scoreboard, id: &str| {
        board
            .find(id)
            .and_then(|u| u.item(indicator))
            .map(|i| i.earned)
    };
    Some(
        ids.into_iter()
            .filter_map(|id| match (earned(&before, id), earned(&after, id)) {
                (Some(x), Some(y)) if x != y => Some((id.to_string(), x, y)),
                _ => None,
            })
            .collect(),
    )
}

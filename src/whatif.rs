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
//!   when fewer than N other units are not vetoed, one step (any total above 0). The
//!   others' totals are held as they are. For a unit already inside, the same total is the
//!   lowest it can fall to and stay inside: its margin is its total minus that.
//! * **Last place.** The last unit leaves last place by exceeding the lowest total of the
//!   other units of its group: it needs that total plus one step.

use crate::i18n::{ExplainText, Lang, WhatifText};
use crate::project::{Direction, Project, Row, UnitKind};
use crate::scoring::score_text;
use crate::scoring::{Outcome, Scoreboard, UnitResult, score};
use crate::text::sanitize;
use rust_decimal::Decimal;

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

/// The ranking group of a unit: counties and the zone, or the departments.
fn group_of<'a>(board: &'a Scoreboard, u: &UnitResult) -> &'a [UnitResult] {
    if u.kind == UnitKind::Department {
        &board.departments
    } else {
        &board.units
    }
}

fn places_of(project: &Project, u: &UnitResult) -> u32 {
    if u.kind == UnitKind::Department {
        project.policy.department_awards
    } else {
        project.policy.comprehensive_awards
    }
}

/// The smallest step of a total: `10^-score_decimals`.
fn step_of(project: &Project) -> Decimal {
    Decimal::new(1, project.policy.score_decimals)
}

/// The ids of the units of `group` with exactly `total`, except `unit`.
fn holders(group: &[UnitResult], unit: &str, total: Decimal) -> Vec<String> {
    group
        .iter()
        .filter(|g| g.id != unit && g.total == total)
        .map(|g| g.id.clone())
        .collect()
}

/// The N-th highest total among the other non-vetoed units of the group, and its holders.
fn cut_of(group: &[UnitResult], unit: &str, places: u32) -> Option<(Decimal, Vec<String>)> {
    let mut others: Vec<Decimal> = group
        .iter()
        .filter(|g| g.id != unit && !g.vetoed())
        .map(|g| g.total)
        .collect();
    others.sort_by(|a, b| b.cmp(a));
    if places == 0 {
        return None;
    }
    let total = *others.get(places as usize - 1)?;
    let ids = group
        .iter()
        .filter(|g| g.id != unit && !g.vetoed() && g.total == total)
        .map(|g| g.id.clone())
        .collect();
    Some((total, ids))
}

/// Where a unit stands and what it lacks.
pub fn standing(project: &Project, board: &Scoreboard, unit: &str) -> Option<Standing> {
    let u = board.find(unit)?;
    let group = group_of(board, u);
    let places = places_of(project, u);
    let step = step_of(project);
    let cut = cut_of(group, &u.id, places);
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
    let (margin, outside) = if u.comprehensive {
        let outside = group
            .iter()
            .filter(|g| !g.vetoed() && !g.comprehensive)
            .map(|g| g.total)
            .max()
            .map(|t| {
                let ids = group
                    .iter()
                    .filter(|g| !g.vetoed() && !g.comprehensive && g.total == t)
                    .map(|g| g.id.clone())
                    .collect();
                (t, ids)
            });
        (Some(u.total.checked_sub(keep)?), outside)
    } else {
        (None, None)
    };
    let (leave_last, next_up) = match group.iter().filter(|g| g.id != u.id).map(|g| g.total).min() {
        Some(next) if u.last_place => {
            let needed = next.checked_add(step)?;
            (
                Some((needed, needed.checked_sub(u.total)?)),
                Some((next, holders(group, &u.id, next))),
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
        match sheet.indicators.get_mut(indicator)? {
            Row::Quantitative {
                target: Some(target),
                actual,
            } => *actual = Some(*target),
            Row::Qualitative {
                complete,
                deduction,
            } => {
                *complete = true;
                *deduction = None;
            }
            _ => return None,
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
    let group = group_of(after, a);
    let eligible: Vec<&UnitResult> = group.iter().filter(|g| !g.vetoed()).collect();
    let among = 1 + eligible.iter().filter(|g| g.total > a.total).count();
    let mut others = Vec::new();
    for b in group_of(before, a) {
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
        among,
        eligible: eligible.len(),
        last_place: a.last_place,
        last: group
            .iter()
            .filter(|g| g.last_place)
            .map(|g| g.id.clone())
            .collect(),
        vetoed: group
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

/// `kaoping whatif FILE UNIT` as lines of text.
pub fn whatif_text(
    project: &Project,
    board: &Scoreboard,
    unit: &str,
    lang: Lang,
) -> Option<Vec<String>> {
    let u = board.find(unit)?;
    let s = standing(project, board, unit)?;
    Some(Writer::new(project, board, lang).lines(u, &s))
}

/// What the text needs at hand.
struct Writer<'a> {
    project: &'a Project,
    board: &'a Scoreboard,
    t: WhatifText,
    e: ExplainText,
}

/// A value as it was entered: `0.80` → `0.8`.
fn entered(v: Decimal) -> String {
    v.normalize().to_string()
}

const INDENT: &str = "  ";

impl<'a> Writer<'a> {
    fn new(project: &'a Project, board: &'a Scoreboard, lang: Lang) -> Self {
        Writer {
            project,
            board,
            t: WhatifText(lang),
            e: ExplainText(lang),
        }
    }

    fn score(&self, v: Decimal) -> String {
        score_text(v, self.project.policy.score_decimals)
    }

    /// A signed difference of totals: `+0.50`, `−0.30`.
    fn delta(&self, v: Decimal) -> String {
        if v < Decimal::ZERO {
            format!("−{}", self.score(-v))
        } else {
            format!("+{}", self.score(v))
        }
    }

    fn unit_name(&self, id: &str) -> String {
        sanitize(self.project.name_of(id))
    }

    fn unit_names(&self, ids: &[String]) -> String {
        let names: Vec<String> = ids.iter().map(|id| self.unit_name(id)).collect();
        self.e.list(&names)
    }

    fn indicator_name(&self, id: &str) -> String {
        sanitize(self.project.indicator(id).map_or(id, |i| i.name.as_str()))
    }

    fn indicator_names(&self, ids: &[String]) -> String {
        let names: Vec<String> = ids.iter().map(|id| self.indicator_name(id)).collect();
        self.e.list(&names)
    }

    fn award_name(&self, id: &str) -> String {
        sanitize(self.board.award(id).map_or(id, |a| a.name.as_str()))
    }

    fn award_names(&self, ids: &[String]) -> String {
        let names: Vec<String> = ids.iter().map(|id| self.award_name(id)).collect();
        self.e.list(&names)
    }

    fn measure(&self, indicator: &str) -> Option<String> {
        self.project
            .indicator(indicator)
            .and_then(|i| i.measure.as_deref())
            .map(sanitize)
    }

    fn lines(&self, u: &UnitResult, s: &Standing) -> Vec<String> {
        let t = self.t;
        let group = group_of(self.board, u);
        let name = sanitize(&u.name);
        let mut lines = vec![t.heading(
            &name,
            self.e.kind(u.kind),
            &self.score(u.total),
            u.rank,
            group.len(),
            u.tied,
        )];
        if u.pending.any() {
            lines.push(t.pending());
        }

        // 一票否决
        if u.vetoed() {
            lines.push(t.vetoed_heading(&name, u.failed.len()));
            for fix in &s.veto {
                self.fix_lines(u, fix, &mut lines);
            }
            if let Some(all) = &s.all_met {
                lines.push(format!("{INDENT}{}", t.all_met_heading(u.failed.len())));
                self.scenario_lines(u, all, None, &mut lines);
            }
        } else {
            lines.push(self.e.not_vetoed(u.pending.rows));
        }

        // 综合先进
        lines.push(self.comprehensive_line(u, s));

        // 末位
        if let (Some((needed, gap)), Some((next, ids))) = (s.leave_last, &s.next_up) {
            let tied = *next == u.total;
            lines.push(t.leave_last(
                &self.score(u.total),
                &self.score(*next),
                &self.unit_names(ids),
                &self.score(needed),
                &self.score(gap),
                tied,
            ));
        } else if u.last_place {
            lines.push(t.last_alone(&self.score(u.total)));
        }
        lines
    }

    fn fix_lines(&self, u: &UnitResult, fix: &VetoFix, lines: &mut Vec<String>) {
        let t = self.t;
        let name = self.indicator_name(&fix.indicator);
        let measure = self.measure(&fix.indicator);
        let m = measure.as_deref();
        let needed = fix.needed.map(|n| t.qty(&entered(n), m));
        lines.push(format!(
            "{INDENT}{}",
            match (fix.target, fix.actual, fix.gap, fix.shortfall) {
                (Some(target), Some(actual), Some(gap), Some(short)) => {
                    let (target, actual, gap) = (
                        t.qty(&entered(target), m),
                        t.qty(&entered(actual), m),
                        t.qty(&entered(gap), m),
                    );
                    let short = self.e.percent1(short);
                    if fix.at_most {
                        t.fix_at_most(&name, &actual, &target, &gap, &short)
                    } else {
                        t.fix_at_least(&name, &actual, &target, &gap, &short)
                    }
                }
                _ => t.fix_not_met(&name, &self.score(fix.earned_if_met - fix.earned)),
            }
        ));
        self.scenario_lines(
            u,
            &fix.if_met,
            Some((needed.as_deref(), &fix.earned, &fix.earned_if_met)),
            lines,
        );
    }

    /// The lines of a scenario: the total, eligibility, last place, awards, and the
    /// others. `row` is the changed row (its needed actual, earned before and after) for
    /// a single fix.
    fn scenario_lines(
        &self,
        u: &UnitResult,
        s: &Scenario,
        row: Option<(Option<&str>, &Decimal, &Decimal)>,
        lines: &mut Vec<String>,
    ) {
        let t = self.t;
        let group = group_of(self.board, u);
        let deeper = |line: String| format!("{INDENT}{INDENT}{line}");
        let delta = self.delta(s.total - u.total);
        let total = self.score(s.total);
        lines.push(deeper(match row {
            Some((needed, before, after)) => t.if_met(
                needed,
                &self.score(*before),
                &self.score(*after),
                &total,
                &delta,
                t.rank(s.rank, group.len(), s.tied),
            ),
            None => t.if_all_met(&total, &delta, t.rank(s.rank, group.len(), s.tied)),
        }));
        let places = places_of(self.project, u);
        lines.push(deeper(if !s.failed.is_empty() {
            t.still_vetoed(&self.indicator_names(&s.failed))
        } else {
            t.eligible_then(s.comprehensive, s.among, s.eligible, places)
        }));
        if u.kind != UnitKind::Department && self.project.policy.last_place {
            let others: Vec<String> = s.last.iter().filter(|id| **id != u.id).cloned().collect();
            let others = (!others.is_empty()).then(|| self.unit_names(&others));
            let vetoed = self.unit_names(&s.vetoed);
            if let Some(line) = t.last_then(
                u.last_place,
                s.last_place,
                others.as_deref(),
                &vetoed,
                s.comprehensive,
            ) {
                lines.push(deeper(line));
            }
        }
        let won: Vec<String> = s
            .awards
            .iter()
            .filter(|a| !u.awards.contains(a))
            .cloned()
            .collect();
        let lost: Vec<String> = u
            .awards
            .iter()
            .filter(|a| !s.awards.contains(a))
            .cloned()
            .collect();
        if !won.is_empty() {
            lines.push(deeper(t.would_win(&self.award_names(&won))));
        }
        if !lost.is_empty() {
            lines.push(deeper(t.would_lose(
                &self.award_names(&lost),
                s.comprehensive && !u.comprehensive,
            )));
        }
        if !s.others.is_empty() {
            lines.push(deeper(t.others_heading()));
        }
        for o in &s.others {
            let mut parts = Vec::new();
            for (indicator, before, after) in &o.moves {
                parts.push(t.other_move(
                    &self.indicator_name(indicator),
                    &self.score(*before),
                    &self.score(*after),
                ));
            }
            if let Some(gains) = o.comprehensive {
                parts.push(t.other_comprehensive(gains));
            }
            if let Some(becomes) = o.last_place {
                parts.push(t.other_last(becomes));
            }
            if !o.won.is_empty() {
                parts.push(t.other_award(&self.award_names(&o.won), true));
            }
            if !o.lost.is_empty() {
                parts.push(t.other_award(&self.award_names(&o.lost), false));
            }
            lines.push(deeper(format!(
                "{INDENT}{}",
                t.other(&self.unit_name(&o.id), &parts)
            )));
        }
    }

    fn comprehensive_line(&self, u: &UnitResult, s: &Standing) -> String {
        let t = self.t;
        let group = group_of(self.board, u);
        let eligible: Vec<&UnitResult> = group.iter().filter(|g| !g.vetoed()).collect();
        let among = 1 + eligible.iter().filter(|g| g.total > u.total).count();
        let cut = s
            .cut
            .as_ref()
            .filter(|(total, _)| *total >= s.step)
            .map(|(total, ids)| (self.score(*total), self.unit_names(ids)));
        let cut = cut.as_ref().map(|(a, b)| (a.as_str(), b.as_str()));
        let others = eligible.iter().filter(|g| g.id != u.id).count();
        if s.places == 0 {
            t.no_places(u.kind == UnitKind::Department)
        } else if u.vetoed() {
            t.comprehensive_vetoed(s.places, cut, others)
        } else if u.comprehensive {
            let outside = s
                .outside
                .as_ref()
                .map(|(total, ids)| (self.score(*total), self.unit_names(ids)));
            t.comprehensive_inside(
                among,
                eligible.len(),
                s.places,
                cut,
                s.margin.map(|m| self.score(m)).as_deref(),
                outside.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
            )
        } else {
            let (needed, gap) = s.comprehensive.unwrap_or_default();
            t.comprehensive_outside(
                among,
                eligible.len(),
                s.places,
                cut,
                &self.score(needed),
                &self.score(gap),
            )
        }
    }
}

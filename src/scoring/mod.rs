//! The regulation's scoring rules (SPEC §3) as pure functions: a [`Project`] in, a
//! [`Scoreboard`] out. No I/O, no terminal.
//!
//! Exactness: every input is an exact `Decimal`. A score that needs a division (a
//! completion ratio, a share of the top over-completion, a number of shortfall steps) is
//! written as one fraction `N / D` of exact products and divided once, so the only
//! inexact step is that last division to 28 significant digits; the half-up rounding to
//! `score_decimals` that follows is then exact for any realistic input (a value would
//! have to lie within 10⁻²⁶ of a rounding midpoint without being on it). Arithmetic is
//! checked: numbers too large to compute give [`Overflow`] instead of a panic.

//!
//! This file holds the rules, one named function each with the sentence of the
//! regulation (or SPEC §3) it implements; [`board`] the scoreboard they fill in, and
//! [`score`](fn@score) (in `score.rs`) the walk that applies them to every unit, ranks
//! both groups and gives out the awards. When the regulation changes, this file changes.

mod board;
mod incremental;
mod score;
mod selfcheck;

pub use board::*;
pub use incremental::{SheetChange, rescore};
pub use score::score;
pub use selfcheck::{score_selfcheck, selfcheck_project};

use crate::project::TomlPath;
use crate::project::problem::Cut;
use crate::project::{
    Award, Direction, Indicator, LastPlaceAmong, Penalty, PenaltyKind, Policy, Project, Row,
    ShortfallMode, SingleItemVeto, UnitKind, UnitScores,
};
use rust_decimal::{Decimal, RoundingStrategy};
use std::sync::Arc;

/// Rounds an earned, entered or scaled score half-up (四舍五入) to `score_decimals`.
///
/// SPEC §3: "Each earned score is computed exactly and then rounded half-up (四舍五入) to
/// `score_decimals`. So are organisation items and the survey score as entered."
pub fn round_score(value: Decimal, policy: &Policy) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(
        policy.score_decimals,
        RoundingStrategy::MidpointAwayFromZero,
    );
    rounded.rescale(policy.score_decimals);
    rounded
}

/// The smallest step of a score or total: `10^-score_decimals` (every score is rounded to
/// `score_decimals`, so totals move in these steps).
pub fn score_step(policy: &Policy) -> Decimal {
    Decimal::new(1, policy.score_decimals)
}

/// A score with exactly `decimals` places: `5.5` → `"5.50"`.
pub fn score_text(value: Decimal, decimals: u32) -> String {
    let mut v = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    v.rescale(decimals);
    v.to_string()
}

/// The deviation from the target in the good direction, relative to it.
///
/// SPEC §3: "`d = (A - T) / T` for `at_least` indicators, `d = (T - A) / T` for `at_most`
/// ones."
pub fn deviation(direction: Direction, target: Decimal, actual: Decimal) -> Option<Fraction> {
    let num = match direction {
        Direction::AtLeast => actual.checked_sub(target)?,
        Direction::AtMost => target.checked_sub(actual)?,
    };
    Some(Fraction { num, den: target })
}

/// The bonus of a bonus indicator (加分指标) for an over-completion `over`, when the
/// group's highest is `top`.
///
/// Regulation: "the unit with the highest over-completion ratio gets +20% of the base
/// score; every other unit that over-completes gets (its over-completion ratio / the
/// highest over-completion ratio) × 20% × base." SPEC: `bonus = bonus_share × b × o / o_max`
/// when `o > 0`.
pub fn bonus(policy: &Policy, base: Decimal, over: Fraction, top: Fraction) -> Option<Decimal> {
    if over.num <= Decimal::ZERO || top.num <= Decimal::ZERO {
        return Some(Decimal::ZERO);
    }
    // bonus_share × b × (o.num / o.den) / (top.num / top.den), divided once.
    let num = policy
        .bonus_share
        .checked_mul(base)?
        .checked_mul(over.num)?
        .checked_mul(top.den)?;
    let den = over.den.checked_mul(top.num)?;
    num.checked_div(den)
}

/// The most a deduction may take: `deduction_cap × base`.
///
/// Regulation: "a deduction never exceeds 60% of the base score". SPEC: `deduction =
/// min(deduction_cap × b, …)`; a qualitative deduction lies within `0 … deduction_cap × b`.
pub fn deduction_cap(policy: &Policy, base: Decimal) -> Option<Decimal> {
    policy.deduction_cap.checked_mul(base)
}

/// A shortfall's deduction with every number on the way ([`shortfall`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shortfall {
    /// `s / shortfall_step` exactly (`None`: too large to compute).
    pub exact_steps: Option<Decimal>,
    /// The steps counted: exact, floored or ceiled per `shortfall_mode`.
    pub steps: Decimal,
    /// `steps × shortfall_rate × b` before the cap (`None`: too large to compute).
    pub uncapped: Option<Decimal>,
    /// `deduction_cap × b`.
    pub cap: Decimal,
    /// `min(cap, uncapped)`, exact.
    pub deduction: Decimal,
    /// The cap was deducted.
    pub capped: bool,
}

/// The deduction for a shortfall `s` (a fraction of the target), and the steps counted.
///
/// Regulation: "every 2% short deducts 5% of the base score … a deduction never exceeds
/// 60% of the base score". SPEC: `steps = s / shortfall_step` (`proportional`),
/// `floor(...)` (`full_steps`) or `ceil(...)` (`started_steps`);
/// `deduction = min(deduction_cap × b, steps × shortfall_rate × b)`.
/// Returns `(steps, deduction, capped)`; [`shortfall`] keeps every number on the way.
pub fn shortfall_deduction(
    policy: &Policy,
    base: Decimal,
    shortfall: Fraction,
) -> Option<(Decimal, Decimal, bool)> {
    self::shortfall(policy, base, shortfall).map(|s| (s.steps, s.deduction, s.capped))
}

/// [`shortfall_deduction`], recorded: the exact steps before `floor`/`ceil`, the steps
/// counted, the deduction before the cap, the cap and the deduction. In `proportional`
/// mode the deduction is one division, `s.num × rate × b / (s.den × step)`.
pub fn shortfall(policy: &Policy, base: Decimal, shortfall: Fraction) -> Option<Shortfall> {
    let cap = deduction_cap(policy, base)?;
    let step_den = shortfall.den.checked_mul(policy.shortfall_step)?;
    let exact_steps = shortfall.num.checked_div(step_den);
    let steps = match (policy.shortfall_mode, exact_steps) {
        (_, None) => Decimal::MAX,
        (ShortfallMode::Proportional, Some(s)) => s,
        (ShortfallMode::FullSteps, Some(s)) => s.floor(),
        (ShortfallMode::StartedSteps, Some(s)) => s.ceil(),
    };
    let uncapped = match policy.shortfall_mode {
        // Divide once: s.num × rate × b / (s.den × step).
        ShortfallMode::Proportional => shortfall
            .num
            .checked_mul(policy.shortfall_rate)
            .and_then(|n| n.checked_mul(base))
            .and_then(|n| n.checked_div(step_den)),
        _ => steps
            .checked_mul(policy.shortfall_rate)
            .and_then(|n| n.checked_mul(base)),
    };
    let (deduction, capped) = match uncapped {
        Some(d) if exact_steps.is_some() && d <= cap => (d, false),
        _ => (cap, true),
    };
    Some(Shortfall {
        exact_steps,
        steps,
        uncapped,
        cap,
        deduction,
        capped,
    })
}

/// Scores one row of one unit.
///
/// SPEC §3: quantitative `d >= 0` earns `b + bonus`; `d < 0` earns `b - deduction` and
/// vetoes; qualitative complete earns `b`, incomplete `b - deduction` and vetoes;
/// preparation earns `prep`; pending earns 0.
pub fn score_row(
    policy: &Policy,
    indicator: &Indicator,
    row: &Row,
    top: Option<Fraction>,
) -> Option<ItemResult> {
    score_row_as(
        policy,
        indicator,
        Arc::from(indicator.id.as_str()),
        row,
        top,
        true,
    )
}

/// Whether a group earns the bonus of a bonus indicator (加分指标).
///
/// SPEC §3 (departments): "Bonus: none unless `department_bonus`, and then `o_max` is
/// taken among the departments (a department alone on an indicator is its own best,
/// which is why it is off by default)." Counties and the zone always do.
pub fn earns_bonus(policy: &Policy, kind: UnitKind) -> bool {
    kind != UnitKind::Department || policy.department_bonus
}

/// [`score_row`] with the indicator's id already shared (a scoreboard clones it per row),
/// for a group that earns bonuses or not ([`earns_bonus`]).
fn score_row_as(
    policy: &Policy,
    indicator: &Indicator,
    id: Arc<str>,
    row: &Row,
    top: Option<Fraction>,
    earns: bool,
) -> Option<ItemResult> {
    let base = indicator.base;
    let (earned, outcome) = match *row {
        Row::Quantitative {
            target: Some(target),
            actual: Some(actual),
        } if target > Decimal::ZERO && actual >= Decimal::ZERO => {
            let d = deviation(indicator.direction, target, actual)?;
            if d.num >= Decimal::ZERO {
                let top = top.unwrap_or(d);
                let bonus = if indicator.bonus && earns {
                    bonus(policy, base, d, top)?
                } else {
                    Decimal::ZERO
                };
                let outcome = Outcome::Completed {
                    target,
                    actual,
                    over: d,
                    top_over: top,
                    bonus,
                    bonus_indicator: indicator.bonus,
                    bonus_off: indicator.bonus && !earns,
                    best: indicator.bonus && earns && d.num > Decimal::ZERO && d.same(top),
                };
                (base.checked_add(bonus)?, outcome)
            } else {
                let s = Fraction {
                    num: -d.num,
                    den: d.den,
                };
                let counted = shortfall(policy, base, s)?;
                let outcome = Outcome::Short {
                    target,
                    actual,
                    shortfall: s.value().unwrap_or(Decimal::MAX),
                    exact_steps: counted.exact_steps,
                    steps: counted.steps,
                    uncapped: counted.uncapped,
                    cap: counted.cap,
                    deduction: counted.deduction,
                    capped: counted.capped,
                };
                (base.checked_sub(counted.deduction)?, outcome)
            }
        }
        Row::Qualitative { complete: true, .. } => (base, Outcome::Met),
        Row::Qualitative {
            complete: false,
            deduction,
        } => {
            let deduction = deduction.unwrap_or(Decimal::ZERO);
            (base.checked_sub(deduction)?, Outcome::NotMet { deduction })
        }
        Row::Preparation { prep } => (prep, Outcome::Preparation { prep }),
        Row::Quantitative { .. } => (Decimal::ZERO, Outcome::Pending),
    };
    Some(ItemResult {
        indicator: id,
        position: 0,
        base,
        earned: round_score(earned, policy),
        exact: earned,
        outcome,
        sum: None,
    })
}

/// A department's row of an `aggregate = "sum"` indicator that its sheet leaves out: the
/// sum of the counties' and the zone's rows.
///
/// SPEC §3: "Where the indicator has `aggregate = "sum"` and the department's sheet has no
/// row for it, the row is derived: target = Σ targets and actual = Σ actuals of the
/// counties' and zone's rows (pending while any of them is pending or not quantitative)."
/// The rows summed are those of the units scored on completion (`units`, `pilot`): a
/// unit off the pilot list has a preparation score, not a share of the target. `rows`
/// gives each such unit's row (`None`: none entered). `None` when a sum is too large.
pub fn aggregate_row<'a>(
    rows: impl IntoIterator<Item = (&'a str, Option<&'a Row>)>,
) -> Option<(Row, SumOf)> {
    let (mut target, mut actual) = (Decimal::ZERO, Decimal::ZERO);
    let mut sum = SumOf::default();
    for (unit, row) in rows {
        sum.units.push(unit.to_string());
        match row {
            Some(Row::Quantitative {
                target: Some(t),
                actual: Some(a),
            }) => {
                target = target.checked_add(*t)?;
                actual = actual.checked_add(*a)?;
            }
            _ => sum.waiting.push(unit.to_string()),
        }
    }
    let row = if sum.waiting.is_empty() && !sum.units.is_empty() {
        Row::Quantitative {
            target: Some(target),
            actual: Some(actual),
        }
    } else {
        Row::pending()
    };
    Some((row, sum))
}

/// The indicators a unit vetoes itself on.
///
/// Regulation: "a county, the zone or a department that failed to complete **any one**
/// indicator is not up to standard and loses its eligibility for comprehensive advanced"
/// (一票否决).
pub fn veto(items: &[ItemResult]) -> Vec<String> {
    items
        .iter()
        .filter(|i| i.outcome.fails())
        .map(|i| i.indicator.to_string())
        .collect()
}

/// A department's task score: its earned scores scaled to the section.
///
/// SPEC §3: "`task = sections.task × Σ earned / Σ base` over the indicators it is
/// assessed on, rounded like an earned score".
pub fn department_task(
    policy: &Policy,
    section_task: Decimal,
    earned: Decimal,
    base: Decimal,
) -> Option<Decimal> {
    Some(round_score(
        department_task_exact(section_task, earned, base)?,
        policy,
    ))
}

/// [`department_task`] before rounding: `sections.task × Σ earned / Σ base`, 0 without
/// rows (Σ base = 0).
pub fn department_task_exact(
    section_task: Decimal,
    earned: Decimal,
    base: Decimal,
) -> Option<Decimal> {
    if base <= Decimal::ZERO {
        return Some(Decimal::ZERO);
    }
    section_task.checked_mul(earned)?.checked_div(base)
}

/// Competition ranks of values sorted highest first: equal values share a rank (1, 2, 2,
/// 4). Returns each position's rank and whether it is tied.
pub fn competition_ranks(sorted_desc: &[Decimal]) -> Vec<(u32, bool)> {
    let mut out = Vec::with_capacity(sorted_desc.len());
    for (i, value) in sorted_desc.iter().enumerate() {
        let rank = if i > 0 && sorted_desc[i - 1] == *value {
            out.last().map_or(1, |(r, _): &(u32, bool)| *r)
        } else {
            i as u32 + 1
        };
        let tied = (i > 0 && sorted_desc[i - 1] == *value)
            || sorted_desc.get(i + 1).is_some_and(|next| next == value);
        out.push((rank, tied));
    }
    out
}

/// The units within `places` by `value` (highest first, ties by id), all of a tie that
/// straddles the cut included; and whether such a tie widened the list. Units whose
/// value is not above `floor` never win.
fn top_places(
    candidates: &mut [(String, Decimal)],
    places: u32,
    floor: Option<Decimal>,
) -> (Vec<String>, bool) {
    candidates.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let values: Vec<Decimal> = candidates.iter().map(|c| c.1).collect();
    let winners: Vec<String> = competition_ranks(&values)
        .into_iter()
        .zip(candidates.iter())
        .filter(|((rank, _), (_, value))| *rank <= places && floor.is_none_or(|f| *value > f))
        .map(|(_, (id, _))| id.clone())
        .collect();
    let widened = winners.len() > places as usize;
    (winners, widened)
}

/// How many comprehensive advanced places a group has.
///
/// Regulation: "Comprehensive advanced 综合先进: counties (the zone counted as a county) —
/// **top 3**; city departments — **8**." SPEC: `comprehensive_awards` for the counties and
/// the zone, `department_awards` for the departments.
pub fn places_of(policy: &Policy, kind: UnitKind) -> u32 {
    if kind == UnitKind::Department {
        policy.department_awards
    } else {
        policy.comprehensive_awards
    }
}

/// Comprehensive advanced (综合先进): the top `places` among the units that are not vetoed.
///
/// Regulation: "comprehensive advanced: **among units that met every target**, by score,
/// top 3". SPEC: "those whose rank among them is `<= comprehensive_awards`. A tie across
/// the cut gives the award to every tied unit and raises a warning."
/// Like a single-item award, a total of 0 (nothing entered yet) wins nothing.
pub fn comprehensive_awards(group: &[UnitResult], places: u32) -> (Vec<String>, bool) {
    let mut eligible: Vec<(String, Decimal)> = group
        .iter()
        .filter(|u| !u.vetoed())
        .map(|u| (u.id.clone(), u.total))
        .collect();
    top_places(&mut eligible, places, Some(Decimal::ZERO))
}

/// The comprehensive cut as one unit faces it: the lowest total that puts it inside the
/// top `places` of the units that are not vetoed, the others' totals held as they are.
///
/// Its rank among them is `1 + #{other non-vetoed units with a higher total}`
/// ([`comprehensive_awards`]), so it is inside when its total reaches that of the N-th
/// highest of the *other* non-vetoed units — equal is enough, since a tie across the cut
/// gives the award to every tied unit. `None` when fewer than N other units are not vetoed
/// (then any total above 0 does) or there are no places. A vetoed unit is not eligible at
/// any total; this is the total it would need once the veto is lifted.
pub fn comprehensive_cut(group: &[UnitResult], unit: &str, places: u32) -> Option<Decimal> {
    if places == 0 {
        return None;
    }
    let mut others: Vec<Decimal> = group
        .iter()
        .filter(|g| g.id != unit && !g.vetoed())
        .map(|g| g.total)
        .collect();
    others.sort_by(|a, b| b.cmp(a));
    others.get(places as usize - 1).copied()
}

/// Last place (末位): the lowest total — but only when someone failed.
///
/// Regulation: "last place: by score, the lowest one — but where every county and the
/// zone completed all the targets the city set … (then there is no last place)". SPEC
/// §3: "Under the default `last_place_among = "not_up_to_standard"`, the vetoed unit(s)
/// with the lowest total: last place is the sanction for not completing the targets …,
/// so a unit that completed everything is never last and a comprehensive-advanced unit
/// can never be last. Under `"all"`, the unit(s) with the lowest total overall". Every
/// unit of the group it applies to ([`LastPlace::holds`]) with the
/// [`LastPlace::Lowest`] total is last place.
pub fn last_place(group: &[UnitResult], enabled: bool, among: LastPlaceAmong) -> LastPlace {
    if !enabled {
        return LastPlace::Off;
    }
    if !group.iter().any(UnitResult::vetoed) {
        return LastPlace::NobodyVetoed;
    }
    let candidates = group.iter().filter(|u| match among {
        LastPlaceAmong::NotUpToStandard => u.vetoed(),
        LastPlaceAmong::All => true,
    });
    match candidates.map(|u| u.total).min() {
        Some(total) => LastPlace::Lowest { total, among },
        None => LastPlace::NobodyVetoed,
    }
}

/// A unit's score for a single-item award: its earned scores on the indicators the award
/// selects (`selected`: their positions in `Project::indicators`, ascending), plus the
/// organisation items it names, term by term.
pub fn award_score(
    project: &Project,
    award: &Award,
    selected: &[usize],
    unit: &UnitResult,
    scores: Option<&UnitScores>,
) -> Option<(Decimal, Vec<Decimal>)> {
    let mut terms = Vec::with_capacity(selected.len() + award.organization.len());
    // Only the rows selected are read (a unit has a row per indicator it is scored on).
    for item in selected.iter().filter_map(|at| unit.item_at(*at)) {
        terms.push(item.earned);
    }
    for org in &award.organization {
        if let Some(value) = scores.and_then(|s| s.organization.get(org)) {
            terms.push(round_score(*value, &project.policy));
        }
    }
    let sum = terms
        .iter()
        .try_fold(Decimal::ZERO, |sum, t| sum.checked_add(*t))?;
    Some((sum, terms))
}

/// Whether a unit is left out of a single-item award (`selected`: the positions of the
/// indicators the award counts, ascending), and why.
///
/// Regulation: "**a unit that is already comprehensive advanced is not also given a
/// single-item award — the next unit moves up**" (名次顺移). SPEC §3: "A vetoed unit is
/// left out of an award under `single_item_veto = "all"`; under the default
/// `"failed_area"`, when the award's score counts an indicator the unit failed (no unit
/// is named advanced for the work it failed); under `"none"`, never."
pub fn left_out_of_award(
    policy: &Policy,
    selected: &[usize],
    unit: &UnitResult,
) -> Option<LeftOut> {
    if unit.comprehensive {
        return Some(LeftOut::Comprehensive);
    }
    if !unit.vetoed() {
        return None;
    }
    match policy.single_item_veto {
        SingleItemVeto::Off => None,
        SingleItemVeto::All => Some(LeftOut::Vetoed),
        SingleItemVeto::FailedArea => {
            let failed: Vec<String> = selected
                .iter()
                .filter_map(|at| unit.item_at(*at))
                .filter(|i| i.outcome.fails())
                .map(|i| i.indicator.to_string())
                .collect();
            (!failed.is_empty()).then_some(LeftOut::FailedArea(failed))
        }
    }
}

/// Single-item awards (单项先进) with roll-down (名次顺移).
///
/// Regulation: "single-item advanced: by the score of that work, first place; **a unit
/// that is already comprehensive advanced is not also given a single-item award — the
/// next unit moves up**". SPEC: who else is left out is [`left_out_of_award`]'s; ties
/// across the cut: all of them, and a warning; a unit whose award score is 0 wins
/// nothing.
pub fn single_item_awards(
    project: &Project,
    group: &[UnitResult],
) -> Option<(Vec<AwardResult>, Vec<CutTie>)> {
    single_item_awards_reusing(project, group, &|_, _| None)
}

/// A unit's award score as an earlier scoreboard had it, for the award at this index,
/// when its rows and organisation items are the same (`None`: compute it).
pub(crate) type Reuse<'a> = dyn Fn(usize, &UnitResult) -> Option<&'a AwardScore> + 'a;

/// [`single_item_awards`], taking each unit's award score (its terms and sum, and why it
/// is left out unless it is comprehensive advanced now) from `reuse` where it gives one.
pub(crate) fn single_item_awards_reusing(
    project: &Project,
    group: &[UnitResult],
    reuse: &Reuse,
) -> Option<(Vec<AwardResult>, Vec<CutTie>)> {
    let mut results = Vec::with_capacity(project.awards.len());
    let mut ties = Vec::new();
    for (index, award) in project.awards.iter().enumerate() {
        let selected: Vec<usize> = project
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, i)| award.selects(i))
            .map(|(at, _)| at)
            .collect();
        let mut standings = Vec::new();
        let mut scores = Vec::with_capacity(group.len());
        for unit in group {
            let (left_out, (score, terms)) = match reuse(index, unit) {
                Some(before) => {
                    // Only being comprehensive advanced can have changed.
                    let left_out = match (&before.left_out, unit.comprehensive) {
                        (_, true) => Some(LeftOut::Comprehensive),
                        (Some(LeftOut::Comprehensive), false) => {
                            left_out_of_award(&project.policy, &selected, unit)
                        }
                        (kept, false) => kept.clone(),
                    };
                    (left_out, (before.score, before.terms.clone()))
                }
                None => (
                    left_out_of_award(&project.policy, &selected, unit),
                    award_score(
                        project,
                        award,
                        &selected,
                        unit,
                        project.scores.get(&unit.id),
                    )?,
                ),
            };
            if left_out.is_none() {
                standings.push((unit.id.clone(), score));
            }
            scores.push(AwardScore {
                unit: unit.id.clone(),
                terms,
                score,
                left_out,
            });
        }
        let (winners, widened) = top_places(&mut standings, award.count, Some(Decimal::ZERO));
        if widened {
            ties.push(CutTie {
                cut: Cut::Award(award.name.clone()),
                path: TomlPath::root().key("awards").index(index).key("count"),
                places: award.count,
                winners: winners.clone(),
            });
        }
        results.push(AwardResult {
            id: award.id.clone(),
            name: award.name.clone(),
            count: award.count,
            standings,
            winners,
            scores,
        });
    }
    Some((results, ties))
}

/// A unit's (or department's) 先进个人 places.
///
/// Regulation: "Advanced individuals 先进个人 quotas: each county 4, the zone 2; 市人保 3;
/// 市财政, 市民政, 市卫生 2 each; every other responsible and co-organising unit 2." SPEC §3:
/// "Each county has `individual_quota_county` places, the zone `individual_quota_zone`;
/// a department has its `quota`, or else `individual_quota_department` when it appears in
/// the matrix (lead, responsible or co of an indicator, or lead of an organisation item),
/// or else none."
pub fn individual_quota(project: &Project, id: &str) -> u32 {
    let policy = &project.policy;
    if let Some(unit) = project.unit(id) {
        return match unit.kind {
            UnitKind::Zone => policy.individual_quota_zone,
            _ => policy.individual_quota_county,
        };
    }
    let Some(department) = project.department(id) else {
        return 0;
    };
    if let Some(quota) = department.quota {
        return quota;
    }
    let in_matrix = project.indicators.iter().any(|i| i.role_of(id).is_some())
        || project
            .organization
            .iter()
            .any(|o| o.lead.as_deref() == Some(id));
    if in_matrix {
        policy.individual_quota_department
    } else {
        0
    }
}

/// Every unit's and department's 先进个人 places and nominees, in the file's order
/// (counties and the zone, then the departments), those with neither left out.
///
/// Regulation: "advanced individuals: nominated by the counties, the zone and the
/// departments, as many as their quota (等额推荐)".
pub fn individuals(project: &Project) -> Vec<Individuals> {
    let ids = project
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str(), u.kind))
        .chain(
            project
                .departments
                .iter()
                .map(|d| (d.id.as_str(), d.name.as_str(), UnitKind::Department)),
        );
    ids.filter_map(|(id, name, kind)| {
        let quota = individual_quota(project, id);
        let (nominees, posts): (Vec<String>, Vec<Option<String>>) = project
            .nominees
            .iter()
            .filter(|n| n.unit == id)
            .map(|n| (n.name.clone(), n.post.clone()))
            .unzip();
        (quota > 0 || !nominees.is_empty()).then(|| Individuals {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            quota,
            nominees,
            posts,
        })
    })
    .collect()
}

/// The rows off their target by more than `plausible_deviation`, and whom each lowers.
///
/// SPEC §3: "A quantitative row whose deviation `|d|` exceeds `plausible_deviation` (e.g.
/// an actual typed ten times too large) is scored as entered and raised as a warning
/// naming the row and, where it sets `o_max`, every other unit whose bonus it lowers."
/// Read from the board's records: a completed row's over-completion, a short row's
/// shortfall, and the group's best over-completion; a department's row derived by sum is
/// its units' rows', which are checked themselves. `plausible_deviation = 0`: none.
pub fn implausible_rows(policy: &Policy, board: &Scoreboard) -> Vec<Implausible> {
    let mut out = Vec::new();
    for group in [&board.units, &board.departments] {
        for unit in group.iter() {
            out.extend(
                unit.items
                    .iter()
                    .filter_map(|item| implausible_item(policy, group, unit, item)),
            );
        }
    }
    out
}

/// One row's plausibility, as [`implausible_rows`] judges every row: the warning when
/// `unit`'s row of `indicator` is off its target by more than `plausible_deviation`
/// (with the units whose bonus it lowers), `None` when it is not, or is no such row.
/// What the terminal program asks of the scores previewed while a value is typed.
pub fn implausible_row(
    policy: &Policy,
    board: &Scoreboard,
    unit: &str,
    indicator: &str,
) -> Option<Implausible> {
    [&board.units, &board.departments]
        .into_iter()
        .find_map(|group| {
            let result = group.iter().find(|u| u.id == unit)?;
            Some((group, result))
        })
        .and_then(|(group, result)| {
            let item = result.item(indicator)?;
            implausible_item(policy, group, result, item)
        })
}

/// The rule of [`implausible_rows`] for one row of a unit of `group`.
fn implausible_item(
    policy: &Policy,
    group: &[UnitResult],
    unit: &UnitResult,
    item: &ItemResult,
) -> Option<Implausible> {
    let limit = policy.plausible_deviation;
    if limit <= Decimal::ZERO || item.sum.is_some() {
        return None;
    }
    let (off, best) = match &item.outcome {
        Outcome::Completed { over, best, .. } => (over.value().unwrap_or(Decimal::MAX), *best),
        Outcome::Short { shortfall, .. } => (*shortfall, false),
        _ => return None,
    };
    if off <= limit {
        return None;
    }
    let lowers = if best {
        group
            .iter()
            .filter(|g| g.id != unit.id)
            .filter(|g| {
                g.item_at(item.position).is_some_and(|i| {
                    matches!(i.outcome, Outcome::Completed { over, best: false, .. }
                        if over.num > Decimal::ZERO)
                })
            })
            .map(|g| g.id.clone())
            .collect()
    } else {
        Vec::new()
    };
    Some(Implausible {
        unit: unit.id.clone(),
        indicator: item.indicator.to_string(),
        completion: item.outcome.completion().unwrap_or_default(),
        lowers,
    })
}

/// Σ penalties (处分扣分).
///
/// Regulation: "criticised in a circular by the provincial party committee / provincial
/// government / national ministries: −2 points each; by the city party committee / city
/// government / provincial departments: −1 point each." SPEC: `provincial` →
/// `penalty_provincial`, `municipal` → `penalty_municipal`, or explicit `points`, rounded
/// like an entered score.
pub fn penalty_points(policy: &Policy, sheet: &UnitScores) -> Option<Decimal> {
    sheet.penalties.iter().try_fold(Decimal::ZERO, |acc, p| {
        acc.checked_add(penalty_of(policy, p))
    })
}

/// One penalty's points, as [`penalty_points`] counts them.
pub fn penalty_of(policy: &Policy, penalty: &Penalty) -> Decimal {
    let points = match penalty.kind {
        PenaltyKind::Provincial => policy.penalty_provincial,
        PenaltyKind::Municipal => policy.penalty_municipal,
        PenaltyKind::Points(points) => points,
    };
    round_score(points, policy)
}

/// Orders a group by total, highest first (ties by id), and sets ranks and tie flags;
/// and the rank of each unit that is not vetoed among those that are not.
///
/// SPEC §3: "Units are ordered by total, highest first. Equal totals share a rank
/// (1, 2, 2, 4) and are flagged as tied; the order between them is by id."
/// Comprehensive advanced: "Among the units that are not vetoed, ranked the same way".
pub fn rank_group(group: &mut [UnitResult]) {
    group.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.id.cmp(&b.id)));
    let totals: Vec<Decimal> = group.iter().map(|u| u.total).collect();
    for (unit, (rank, tied)) in group.iter_mut().zip(competition_ranks(&totals)) {
        unit.rank = rank;
        unit.tied = tied;
    }
    let eligible: Vec<Decimal> = group
        .iter()
        .filter(|u| !u.vetoed())
        .map(|u| u.total)
        .collect();
    let mut ranks = competition_ranks(&eligible).into_iter();
    for unit in group.iter_mut() {
        unit.rank_eligible = if unit.vetoed() {
            None
        } else {
            ranks.next().map(|(rank, _)| rank)
        };
    }
}

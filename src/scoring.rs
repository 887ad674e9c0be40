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

use crate::project::TomlPath;
use crate::project::problem::Cut;
use crate::project::{
    Direction, Indicator, Penalty, PenaltyKind, Policy, Project, Row, ShortfallMode, UnitKind,
    UnitScores,
};
use indexmap::IndexMap;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::HashMap;
use std::sync::Arc;

/// The scores, ranks and awards of every unit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scoreboard {
    /// Counties and the zone, in rank order (ties by id).
    pub units: Vec<UnitResult>,
    /// City departments that have a `[scores.<id>]` table, in rank order.
    pub departments: Vec<UnitResult>,
    /// Single-item awards, in the project's order.
    pub awards: Vec<AwardResult>,
    /// Ties across an award cut (each raises a warning).
    pub cut_ties: Vec<CutTie>,
    /// How the counties and the zone compete: their comprehensive places and last place.
    pub unit_rules: GroupRules,
    /// How the departments compete (they have no last place).
    pub department_rules: GroupRules,
}

/// How one ranking group competes, as the policy and its results set it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GroupRules {
    /// Its comprehensive advanced places ([`places_of`]).
    pub places: u32,
    /// Whether it has a last place, and why not ([`last_place`]).
    pub last_place: LastPlace,
}

/// Whether a group has a last place (末位), and the total that is last.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum LastPlace {
    /// City departments have none: the regulation gives last place to "1 county/zone".
    #[default]
    NoneForDepartments,
    /// Switched off (`policy.last_place = false`).
    Off,
    /// Nobody in the group is vetoed, so nobody is last.
    NobodyVetoed,
    /// The group's lowest total: every unit with it is last place.
    Lowest(Decimal),
}

/// A ranking group as a unit competes in it: the units in rank order and its rules.
#[derive(Debug, Clone, Copy)]
pub struct Group<'a> {
    pub units: &'a [UnitResult],
    /// Its comprehensive advanced places (N).
    pub places: u32,
    pub last_place: LastPlace,
}

/// A tie that gave an award to more units than it has places.
#[derive(Debug, Clone, PartialEq)]
pub struct CutTie {
    pub cut: Cut,
    /// Where the number of places is set (`policy.comprehensive_awards`, `awards[3].count`).
    pub path: TomlPath,
    pub places: u32,
    pub winners: Vec<String>,
}

/// One unit's (or department's) scores and standing.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitResult {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    /// Competition rank: equal totals share a rank (1, 2, 2, 4).
    pub rank: u32,
    /// Shares its total with another unit of its group.
    pub tied: bool,
    pub organization: Decimal,
    pub survey: Decimal,
    pub task: Decimal,
    pub penalty: Decimal,
    pub total: Decimal,
    /// Σ earned per area, in the project's area order (areas it has no rows in: 0).
    pub areas: IndexMap<String, Decimal>,
    /// Every indicator it is scored on, in the project's indicator order.
    pub items: Vec<ItemResult>,
    /// Departments: Σ earned and Σ base behind the scaled task score.
    pub task_earned: Decimal,
    pub task_base: Decimal,
    /// The task score before rounding: a department's `sections.task × Σ earned / Σ base`
    /// ([`department_task_exact`]); a county's task itself.
    pub task_exact: Decimal,
    /// Each organisation item's score as counted (rounded), in the project's order;
    /// `None`: not entered (counts 0).
    pub organization_items: Vec<Option<Decimal>>,
    /// Each penalty's points as counted ([`penalty_of`]), in the sheet's order.
    pub penalties: Vec<Decimal>,
    /// Indicators it failed (一票否决): empty unless vetoed.
    pub failed: Vec<String>,
    pub pending: Pending,
    /// Its competition rank among the units of its group that are not vetoed, the rank
    /// comprehensive advanced is given by ([`rank_group`]); `None` when vetoed.
    pub rank_eligible: Option<u32>,
    pub comprehensive: bool,
    pub last_place: bool,
    /// Ids of the single-item awards it won.
    pub awards: Vec<String>,
}

impl UnitResult {
    /// Failed at least one indicator: not eligible for comprehensive advanced.
    pub fn vetoed(&self) -> bool {
        !self.failed.is_empty()
    }

    pub fn item(&self, indicator: &str) -> Option<&ItemResult> {
        self.items.iter().find(|i| &*i.indicator == indicator)
    }

    /// Its row of the indicator at `position` in `Project::indicators` (rows are kept in
    /// that order).
    pub fn item_at(&self, position: usize) -> Option<&ItemResult> {
        self.items
            .binary_search_by_key(&position, |i| i.position)
            .ok()
            .map(|at| &self.items[at])
    }
}

/// What is still missing from a unit's sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pending {
    pub survey: bool,
    pub organization: usize,
    pub rows: usize,
}

impl Pending {
    pub fn any(&self) -> bool {
        self.survey || self.organization > 0 || self.rows > 0
    }
}

/// One indicator row, scored.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemResult {
    /// The indicator's id (shared: a scoreboard has one per row).
    pub indicator: Arc<str>,
    /// The indicator's position in `Project::indicators`.
    pub position: usize,
    pub base: Decimal,
    /// Rounded to `score_decimals`.
    pub earned: Decimal,
    /// The earned score before rounding (`base + bonus`, `base − deduction`, `prep`).
    pub exact: Decimal,
    pub outcome: Outcome,
}

/// How a row's earned score came about (what an explanation shows).
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Quantitative, target met: `base + bonus`.
    Completed {
        target: Decimal,
        actual: Decimal,
        /// Over-completion `o = d >= 0`, exact ([`Fraction::value`] for display).
        over: Fraction,
        /// The group's largest over-completion on this indicator (≤ 0 when nobody
        /// over-completed).
        top_over: Fraction,
        /// Exact bonus before rounding (0 for a non-bonus indicator).
        bonus: Decimal,
        bonus_indicator: bool,
        /// A bonus indicator over-completed by the group's highest `o` (`o = o_max > 0`):
        /// the whole bonus share.
        best: bool,
    },
    /// Quantitative, target missed: `base - deduction`, and the unit is vetoed.
    Short {
        target: Decimal,
        actual: Decimal,
        /// Shortfall `s = -d`.
        shortfall: Decimal,
        /// `s / step` exactly, before `floor`/`ceil` (`None`: too large to compute).
        exact_steps: Option<Decimal>,
        /// `s / step`, floored or ceiled per the policy.
        steps: Decimal,
        /// `steps × rate × base` before the cap (`None`: too large to compute).
        uncapped: Option<Decimal>,
        /// The cap `deduction_cap × base`.
        cap: Decimal,
        /// Exact deduction before rounding.
        deduction: Decimal,
        /// The deduction hit `deduction_cap × base`.
        capped: bool,
    },
    /// Qualitative, complete: the base.
    Met,
    /// Qualitative, incomplete: the base less the evaluator's deduction; vetoes.
    NotMet { deduction: Decimal },
    /// A non-pilot unit's preparation score.
    Preparation { prep: Decimal },
    /// Nothing entered yet: earns 0.
    Pending,
}

impl Outcome {
    /// Whether this row vetoes the unit.
    pub fn fails(&self) -> bool {
        matches!(self, Outcome::Short { .. } | Outcome::NotMet { .. })
    }

    /// Completion of a quantitative row, for display: `1 + d`, so that 100% means the
    /// target was just met in either direction (`A / T` for `at_least`; for a ceiling,
    /// 4.0 against 4.6 is 113.0%).
    pub fn completion(&self) -> Option<Decimal> {
        match self {
            Outcome::Completed { over, .. } => over.value().map(|d| Decimal::ONE + d),
            Outcome::Short { shortfall, .. } => Some(Decimal::ONE - *shortfall),
            _ => None,
        }
    }
}

/// A single-item award's standings and winners.
#[derive(Debug, Clone, PartialEq)]
pub struct AwardResult {
    pub id: String,
    pub name: String,
    pub count: u32,
    /// The eligible units (after 名次顺移) by award score, highest first.
    pub standings: Vec<(String, Decimal)>,
    pub winners: Vec<String>,
    /// Every unit's award score with its terms, the units left out included, in the
    /// group's rank order.
    pub scores: Vec<AwardScore>,
}

/// One unit's score for a single-item award ([`award_score`]).
#[derive(Debug, Clone, PartialEq)]
pub struct AwardScore {
    pub unit: String,
    /// The earned scores of the rows the award selects, then the organisation items it
    /// names (rounded like an entered score).
    pub terms: Vec<Decimal>,
    /// Σ terms.
    pub score: Decimal,
    /// Why the unit was left out of the award, if it was.
    pub left_out: Option<LeftOut>,
}

/// Why a unit is left out of a single-item award.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOut {
    /// Comprehensive advanced units are not also given a single-item award (名次顺移).
    Comprehensive,
    /// Vetoed, under `policy.veto_blocks_single_item`.
    Vetoed,
}

impl AwardResult {
    /// A unit's award score, by id.
    pub fn score_of(&self, unit: &str) -> Option<&AwardScore> {
        self.scores.iter().find(|s| s.unit == unit)
    }
}

/// A computation whose numbers are too large for an exact decimal (28 digits).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("numbers too large to compute exactly for {unit}")]
pub struct Overflow {
    /// The unit (or department) id, and the indicator id if the overflow was in a row.
    pub unit: String,
    pub indicator: Option<String>,
}

/// An exact fraction `num / den` with `den > 0`, kept unevaluated so that it can be
/// compared and combined without rounding.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fraction {
    pub num: Decimal,
    pub den: Decimal,
}

impl Fraction {
    /// The fraction as a decimal (28 significant digits), for display.
    pub fn value(self) -> Option<Decimal> {
        self.num.checked_div(self.den)
    }

    /// `self > other`, by cross-multiplication (both denominators are positive).
    fn greater(self, other: Fraction) -> Option<bool> {
        Some(self.num.checked_mul(other.den)? > other.num.checked_mul(self.den)?)
    }

    /// `self == other`, by cross-multiplication; `false` when too large to compare.
    pub fn same(self, other: Fraction) -> bool {
        match (
            self.num.checked_mul(other.den),
            other.num.checked_mul(self.den),
        ) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    }
}

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
    )
}

/// [`score_row`] with the indicator's id already shared (a scoreboard clones it per row).
fn score_row_as(
    policy: &Policy,
    indicator: &Indicator,
    id: Arc<str>,
    row: &Row,
    top: Option<Fraction>,
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
                let bonus = if indicator.bonus {
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
                    best: indicator.bonus && d.num > Decimal::ZERO && d.same(top),
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
    })
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
/// SPEC §3: "`task = sections.task × Σ earned / Σ base` over the indicators they have
/// rows for, rounded like an earned score".
pub fn department_task(
    policy: &Policy,
    section_task: Decimal,
    earned: Decimal,
    base: Decimal,
) -> Option<Decimal> {
    if base <= Decimal::ZERO {
        return Some(Decimal::ZERO);
    }
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
/// zone completed all the targets the city set … (then there is no last place)". Every
/// unit with the [`LastPlace::Lowest`] total is last place.
pub fn last_place(group: &[UnitResult], enabled: bool) -> LastPlace {
    if !enabled {
        return LastPlace::Off;
    }
    if !group.iter().any(UnitResult::vetoed) {
        return LastPlace::NobodyVetoed;
    }
    match group.iter().map(|u| u.total).min() {
        Some(lowest) => LastPlace::Lowest(lowest),
        None => LastPlace::NobodyVetoed,
    }
}

/// A unit's score for a single-item award: its earned scores on the indicators the award
/// selects (`selected`, by indicator position), plus the organisation items it names,
/// term by term.
pub fn award_score(
    project: &Project,
    award: &crate::project::Award,
    selected: &[bool],
    unit: &UnitResult,
    scores: Option<&UnitScores>,
) -> Option<(Decimal, Vec<Decimal>)> {
    let mut terms = Vec::new();
    for item in &unit.items {
        if selected.get(item.position).copied().unwrap_or(false) {
            terms.push(item.earned);
        }
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

/// Single-item awards (单项先进) with roll-down (名次顺移).
///
/// Regulation: "single-item advanced: by the score of that work, first place; **a unit
/// that is already comprehensive advanced is not also given a single-item award — the
/// next unit moves up**". SPEC: vetoed units are left out too when
/// `veto_blocks_single_item`; ties across the cut: all of them, and a warning; a unit
/// whose award score is 0 wins nothing.
pub fn single_item_awards(
    project: &Project,
    group: &[UnitResult],
) -> Option<(Vec<AwardResult>, Vec<CutTie>)> {
    let mut results = Vec::with_capacity(project.awards.len());
    let mut ties = Vec::new();
    for (index, award) in project.awards.iter().enumerate() {
        let selected: Vec<bool> = project
            .indicators
            .iter()
            .map(|i| award.selects(i))
            .collect();
        let mut standings = Vec::new();
        let mut scores = Vec::with_capacity(group.len());
        for unit in group {
            let left_out = if unit.comprehensive {
                Some(LeftOut::Comprehensive)
            } else if project.policy.veto_blocks_single_item && unit.vetoed() {
                Some(LeftOut::Vetoed)
            } else {
                None
            };
            let (score, terms) = award_score(
                project,
                award,
                &selected,
                unit,
                project.scores.get(&unit.id),
            )?;
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

/// The largest over-completion on each indicator (by position) among a group's
/// quantitative rows.
///
/// SPEC §3: "`o_max` the largest `o` among the units of the group scored quantitatively
/// on `i`".
fn top_over_completions(
    project: &Project,
    sheets: &[Sheet],
) -> Result<Vec<Option<Fraction>>, Overflow> {
    let mut top: Vec<Option<Fraction>> = vec![None; project.indicators.len()];
    for sheet in sheets {
        for ((best, indicator), row) in top.iter_mut().zip(&project.indicators).zip(&sheet.rows) {
            let Some(Row::Quantitative {
                target: Some(t),
                actual: Some(a),
            }) = row
            else {
                continue;
            };
            if *t <= Decimal::ZERO || *a < Decimal::ZERO {
                continue;
            }
            let overflow = || Overflow {
                unit: sheet.id.to_string(),
                indicator: Some(indicator.id.clone()),
            };
            let d = deviation(indicator.direction, *t, *a).ok_or_else(overflow)?;
            let better = match best {
                None => true,
                Some(b) => d.greater(*b).ok_or_else(overflow)?,
            };
            if better {
                *best = Some(d);
            }
        }
    }
    Ok(top)
}

/// A unit's score sheet with its rows laid out by indicator position (looked up once).
struct Sheet<'p> {
    id: &'p str,
    scores: &'p UnitScores,
    rows: Vec<Option<&'p Row>>,
}

impl<'p> Sheet<'p> {
    fn new(
        id: &'p str,
        scores: &'p UnitScores,
        position: &HashMap<&str, usize>,
        len: usize,
    ) -> Self {
        let mut rows = vec![None; len];
        for (indicator, row) in &scores.indicators {
            if let Some(&at) = position.get(indicator.as_str()) {
                rows[at] = Some(row);
            }
        }
        Sheet { id, scores, rows }
    }
}

/// What scoring one group needs to look up, built once per project.
struct Lookup<'p> {
    project: &'p Project,
    /// The area (its position in `Project::areas`) of each indicator, by position.
    area_of: Vec<Option<usize>>,
    /// Each indicator's id, shared by every row that names it.
    ids: Vec<Arc<str>>,
}

/// Scores every unit and department of a project, ranks both groups and gives out the
/// awards.
pub fn score(project: &Project) -> Result<Scoreboard, Overflow> {
    let empty = UnitScores::default();
    let policy = &project.policy;
    let areas: HashMap<&str, usize> = project
        .areas
        .iter()
        .enumerate()
        .map(|(n, a)| (a.id.as_str(), n))
        .collect();
    let lookup = Lookup {
        project,
        area_of: project
            .indicators
            .iter()
            .map(|i| areas.get(i.area.as_str()).copied())
            .collect(),
        ids: project
            .indicators
            .iter()
            .map(|i| Arc::from(i.id.as_str()))
            .collect(),
    };

    // Counties and the zone: every indicator that applies to them; a row missing is pending.
    let position: HashMap<&str, usize> = project
        .indicators
        .iter()
        .enumerate()
        .map(|(n, i)| (i.id.as_str(), n))
        .collect();
    let len = project.indicators.len();
    let unit_sheets: Vec<Sheet> = project
        .units
        .iter()
        .map(|u| {
            Sheet::new(
                &u.id,
                project.scores.get(&u.id).unwrap_or(&empty),
                &position,
                len,
            )
        })
        .collect();
    let top = top_over_completions(project, &unit_sheets)?;
    let mut units = Vec::with_capacity(project.units.len());
    for (unit, sheet) in project.units.iter().zip(&unit_sheets) {
        let applicable = project
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, i)| i.applies_to(&unit.id))
            .map(|(n, i)| (n, i, sheet.rows[n]));
        units.push(score_sheet(
            &lookup, &unit.name, unit.kind, sheet, applicable, &top,
        )?);
    }

    // City departments with a score sheet: exactly the rows they have.
    let dept_sheets: Vec<Sheet> = project
        .departments
        .iter()
        .filter_map(|d| {
            project
                .scores
                .get(&d.id)
                .map(|s| Sheet::new(&d.id, s, &position, len))
        })
        .collect();
    let dept_top = top_over_completions(project, &dept_sheets)?;
    let mut departments = Vec::with_capacity(dept_sheets.len());
    for sheet in &dept_sheets {
        let with_rows = project
            .indicators
            .iter()
            .enumerate()
            .filter_map(|(n, i)| sheet.rows[n].map(|row| (n, i, Some(row))));
        let name = project.name_of(sheet.id);
        departments.push(score_sheet(
            &lookup,
            name,
            UnitKind::Department,
            sheet,
            with_rows,
            &dept_top,
        )?);
    }

    let mut cut_ties = Vec::new();
    rank_group(&mut units);
    let unit_places = places_of(policy, UnitKind::County);
    let (winners, widened) = comprehensive_awards(&units, unit_places);
    mark(&mut units, &winners, |u| u.comprehensive = true);
    if widened {
        cut_ties.push(CutTie {
            cut: Cut::Comprehensive,
            path: TomlPath::keys(&["policy", "comprehensive_awards"]),
            places: unit_places,
            winners,
        });
    }
    let lowest = last_place(&units, policy.last_place);
    let last: Vec<String> = match lowest {
        LastPlace::Lowest(total) => units
            .iter()
            .filter(|u| u.total == total)
            .map(|u| u.id.clone())
            .collect(),
        _ => Vec::new(),
    };
    if last.len() > 1 {
        cut_ties.push(CutTie {
            cut: Cut::LastPlace,
            path: TomlPath::keys(&["policy", "last_place"]),
            places: 1,
            winners: last.clone(),
        });
    }
    mark(&mut units, &last, |u| u.last_place = true);
    let (awards, award_ties) = single_item_awards(project, &units).ok_or_else(|| Overflow {
        unit: String::new(),
        indicator: None,
    })?;
    cut_ties.extend(award_ties);
    for award in &awards {
        mark(&mut units, &award.winners, |u| {
            u.awards.push(award.id.clone())
        });
    }

    rank_group(&mut departments);
    let department_places = places_of(policy, UnitKind::Department);
    let (winners, widened) = comprehensive_awards(&departments, department_places);
    mark(&mut departments, &winners, |u| u.comprehensive = true);
    if widened {
        cut_ties.push(CutTie {
            cut: Cut::Departments,
            path: TomlPath::keys(&["policy", "department_awards"]),
            places: department_places,
            winners,
        });
    }

    Ok(Scoreboard {
        units,
        departments,
        awards,
        cut_ties,
        unit_rules: GroupRules {
            places: unit_places,
            last_place: lowest,
        },
        department_rules: GroupRules {
            places: department_places,
            last_place: LastPlace::NoneForDepartments,
        },
    })
}

/// Scores one sheet on the given indicators: every row, then organisation, survey,
/// task, penalty and total. A county's task is the sum of its rows; a department's is
/// scaled to the section.
fn score_sheet<'a>(
    lookup: &Lookup,
    name: &str,
    kind: UnitKind,
    sheet: &Sheet,
    indicators: impl Iterator<Item = (usize, &'a Indicator, Option<&'a Row>)>,
    top: &[Option<Fraction>],
) -> Result<UnitResult, Overflow> {
    let project = lookup.project;
    let policy = &project.policy;
    let id = sheet.id;
    let overflow = |indicator: Option<&str>| Overflow {
        unit: id.to_string(),
        indicator: indicator.map(str::to_string),
    };
    let pending = Row::pending();
    let mut items = Vec::new();
    let (mut earned, mut base) = (Decimal::ZERO, Decimal::ZERO);
    for (position, indicator, row) in indicators {
        let row = row.unwrap_or(&pending);
        let top = top.get(position).copied().flatten();
        let id = lookup.ids[position].clone();
        let mut item = score_row_as(policy, indicator, id, row, top)
            .ok_or_else(|| overflow(Some(&indicator.id)))?;
        item.position = position;
        earned = earned
            .checked_add(item.earned)
            .ok_or_else(|| overflow(None))?;
        base = base.checked_add(item.base).ok_or_else(|| overflow(None))?;
        items.push(item);
    }
    let (task, task_exact) = if kind == UnitKind::Department {
        let task = department_task(policy, project.sections.task, earned, base);
        let exact = department_task_exact(project.sections.task, earned, base);
        task.zip(exact).ok_or_else(|| overflow(None))?
    } else {
        (earned, earned)
    };
    sheet_result(
        lookup,
        id,
        name,
        kind,
        sheet.scores,
        items,
        (task, task_exact, earned, base),
    )
    .ok_or_else(|| overflow(None))
}

/// Organisation, survey, penalty and total around an already scored task section
/// (`task` = (the section's score, before rounding, Σ earned, Σ base)).
fn sheet_result(
    lookup: &Lookup,
    id: &str,
    name: &str,
    kind: UnitKind,
    sheet: &UnitScores,
    items: Vec<ItemResult>,
    (task, task_exact, task_earned, task_base): (Decimal, Decimal, Decimal, Decimal),
) -> Option<UnitResult> {
    let project = lookup.project;
    let policy = &project.policy;
    let mut organization = Decimal::ZERO;
    let mut missing_org = 0;
    let mut organization_items = Vec::with_capacity(project.organization.len());
    for item in &project.organization {
        let value = sheet
            .organization
            .get(&item.id)
            .map(|v| round_score(*v, policy));
        match value {
            Some(value) => organization = organization.checked_add(value)?,
            None => missing_org += 1,
        }
        organization_items.push(value);
    }
    let survey = sheet.survey.map(|s| round_score(s, policy));
    let penalties: Vec<Decimal> = sheet
        .penalties
        .iter()
        .map(|p| penalty_of(policy, p))
        .collect();
    let penalty = penalties
        .iter()
        .try_fold(Decimal::ZERO, |acc, p| acc.checked_add(*p))?;
    let survey_value = survey.unwrap_or(Decimal::ZERO);
    let total = organization
        .checked_add(survey_value)?
        .checked_add(task)?
        .checked_sub(penalty)?;
    let mut areas: IndexMap<String, Decimal> = project
        .areas
        .iter()
        .map(|a| (a.id.clone(), Decimal::ZERO))
        .collect();
    for item in &items {
        if let Some(Some(area)) = lookup.area_of.get(item.position)
            && let Some((_, sum)) = areas.get_index_mut(*area)
        {
            *sum = sum.checked_add(item.earned)?;
        }
    }
    let pending_rows = items
        .iter()
        .filter(|i| i.outcome == Outcome::Pending)
        .count();
    Some(UnitResult {
        id: id.to_string(),
        name: name.to_string(),
        kind,
        rank: 0,
        tied: false,
        organization,
        survey: survey_value,
        task,
        penalty,
        total,
        areas,
        failed: veto(&items),
        items,
        task_earned,
        task_base,
        task_exact,
        organization_items,
        penalties,
        rank_eligible: None,
        pending: Pending {
            survey: survey.is_none(),
            organization: missing_org,
            rows: pending_rows,
        },
        comprehensive: false,
        last_place: false,
        awards: Vec::new(),
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

fn mark(group: &mut [UnitResult], ids: &[String], set: impl Fn(&mut UnitResult)) {
    for unit in group.iter_mut().filter(|u| ids.contains(&u.id)) {
        set(unit);
    }
}

impl Scoreboard {
    /// A unit's or department's result by id.
    pub fn find(&self, id: &str) -> Option<&UnitResult> {
        self.units
            .iter()
            .chain(&self.departments)
            .find(|u| u.id == id)
    }

    pub fn award(&self, id: &str) -> Option<&AwardResult> {
        self.awards.iter().find(|a| a.id == id)
    }

    /// A ranking group: the counties and the zone, or the departments.
    pub fn group(&self, kind: UnitKind) -> Group<'_> {
        let (units, rules) = if kind == UnitKind::Department {
            (&self.departments, &self.department_rules)
        } else {
            (&self.units, &self.unit_rules)
        };
        Group {
            units,
            places: rules.places,
            last_place: rules.last_place,
        }
    }

    /// The group a unit competes in.
    pub fn group_of(&self, unit: &UnitResult) -> Group<'_> {
        self.group(unit.kind)
    }
}

impl<'a> Group<'a> {
    /// How many units of the group are not vetoed (eligible for comprehensive advanced).
    pub fn eligible(&self) -> usize {
        self.units.iter().filter(|u| !u.vetoed()).count()
    }

    /// The units of the group with exactly `total`, except `unit`.
    pub fn holders(&self, total: Decimal, unit: &'a str) -> impl Iterator<Item = &'a UnitResult> {
        self.units
            .iter()
            .filter(move |g| g.id != unit && g.total == total)
    }

    /// More units won comprehensive advanced than there are places: a tie across the cut.
    pub fn widened(&self) -> bool {
        self.units.iter().filter(|u| u.comprehensive).count() > self.places as usize
    }

    /// The lowest total among the comprehensive advanced units (the last one in).
    pub fn last_in(&self) -> Option<Decimal> {
        self.units
            .iter()
            .filter(|u| u.comprehensive)
            .map(|u| u.total)
            .min()
    }

    /// [`comprehensive_cut`] for one unit of the group.
    pub fn cut_for(&self, unit: &str) -> Option<Decimal> {
        comprehensive_cut(self.units, unit, self.places)
    }

    /// The rank a total takes among the units of the group that are not vetoed: one more
    /// than how many of them have a higher total (as [`rank_group`] ranks them).
    pub fn rank_among_eligible(&self, total: Decimal) -> u32 {
        let higher = self
            .units
            .iter()
            .filter(|u| !u.vetoed() && u.total > total)
            .count();
        1 + higher as u32
    }
}

//! The scoreboard: every unit's scores, ranks and awards, and how each number came about
//! (what explanations, what-if and the reports read instead of re-deriving the rules).

use super::comprehensive_cut;
use crate::project::TomlPath;
use crate::project::problem::Cut;
use crate::project::{LastPlaceAmong, UnitKind};
use indexmap::IndexMap;
use rust_decimal::Decimal;
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
    /// Every unit's and department's 先进个人 places and nominees ([`individuals`](super::individuals)).
    pub individuals: Vec<Individuals>,
    /// What a rescore of one edited sheet starts from ([`rescore`](super::rescore)).
    pub(crate) tops: Tops,
}

/// The best over-completion on each indicator (by position) in each group, as the
/// scores were computed with (`o_max`, [`score`](fn@super::score)): what a rescore of one
/// edited row compares against to know whether the other units' rows change.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Tops {
    pub(super) units: Vec<Option<Fraction>>,
    pub(super) departments: Vec<Option<Fraction>>,
}

/// A unit's scored rows, in the project's indicator order; shared between the copies of
/// a scoreboard (a rescore of one edited row copies only the rows of the units it
/// changes). Reads as a slice.
#[derive(Clone, PartialEq, Default)]
pub struct Items(Arc<Vec<ItemResult>>);

impl Items {
    pub(super) fn new(items: Vec<ItemResult>) -> Self {
        Items(Arc::new(items))
    }

    /// The rows to change (copied first if another scoreboard shares them).
    pub(super) fn make_mut(&mut self) -> &mut Vec<ItemResult> {
        Arc::make_mut(&mut self.0)
    }
}

impl std::ops::Deref for Items {
    type Target = [ItemResult];
    fn deref(&self) -> &[ItemResult] {
        &self.0
    }
}

impl std::fmt::Debug for Items {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl<'a> IntoIterator for &'a Items {
    type Item = &'a ItemResult;
    type IntoIter = std::slice::Iter<'a, ItemResult>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// A unit's (or department's) 先进个人 places and the names it nominates.
#[derive(Debug, Clone, PartialEq)]
pub struct Individuals {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    /// Its places ([`individual_quota`](super::individual_quota)).
    pub quota: u32,
    /// The names it nominates, in the file's order.
    pub nominees: Vec<String>,
    /// Each nominee's post (县人社局就业股股长), where given: one for each of `nominees`.
    pub posts: Vec<Option<String>>,
}

impl Individuals {
    /// Nominated in another number than the places (等额推荐 asks for exactly as many).
    /// A unit that has nominated nobody yet is not: its list has not arrived (like a row
    /// not entered, it is shown short, but it is no mistake yet).
    pub fn off_quota(&self) -> bool {
        !self.nominees.is_empty() && self.nominees.len() != self.quota as usize
    }
}

/// A quantitative row off its target by more than `plausible_deviation`
/// ([`implausible_rows`](super::implausible_rows)).
#[derive(Debug, Clone, PartialEq)]
pub struct Implausible {
    pub unit: String,
    pub indicator: String,
    /// `1 + d` (`A / T` for `at_least`).
    pub completion: Decimal,
    /// The other units of its group whose bonus it lowers (it sets the best
    /// over-completion), in rank order.
    pub lowers: Vec<String>,
}

/// How one ranking group competes, as the policy and its results set it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GroupRules {
    /// Its comprehensive advanced places ([`places_of`]).
    pub places: u32,
    /// Whether it earns the bonus of bonus indicators ([`earns_bonus`](super::earns_bonus)).
    pub bonus: bool,
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
    /// The lowest total among the units it is given among (`among`): every one of them
    /// with it is last place.
    Lowest {
        total: Decimal,
        among: LastPlaceAmong,
    },
}

impl LastPlace {
    /// Whether a unit with this total (vetoed or not) is last place.
    pub fn holds(&self, total: Decimal, vetoed: bool) -> bool {
        match *self {
            LastPlace::Lowest {
                total: lowest,
                among,
            } => total == lowest && (vetoed || among == LastPlaceAmong::All),
            _ => false,
        }
    }
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
    pub items: Items,
    /// Departments: Σ earned and Σ base behind the scaled task score.
    pub task_earned: Decimal,
    pub task_base: Decimal,
    /// The task score before rounding: a department's `sections.task × Σ earned / Σ base`
    /// ([`department_task_exact`]); a county's task itself.
    pub task_exact: Decimal,
    /// Each organisation item's score as counted, in the project's order.
    pub organization_items: Vec<OrgScore>,
    /// The maximum of its 组织实施: the section's, or the sum of the items that apply to
    /// it when some do not ([`crate::project::Project::organization_max_for`]).
    pub organization_max: Decimal,
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
        self.index_of(position).map(|at| &self.items[at])
    }

    /// Where its row of the indicator at `position` is in `items`.
    pub(super) fn index_of(&self, position: usize) -> Option<usize> {
        // Most units are scored on every indicator: the row is at its own position.
        if self
            .items
            .get(position)
            .is_some_and(|i| i.position == position)
        {
            return Some(position);
        }
        self.items
            .binary_search_by_key(&position, |i| i.position)
            .ok()
    }
}

/// One organisation item of a unit, as counted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum OrgScore {
    /// Entered, rounded like an entered score.
    Scored(Decimal),
    /// Not entered yet: counts 0, and the unit is pending.
    Missing,
    /// Its `applies_to` leaves out the unit's kind: not scored, not pending.
    NotApplicable,
}

impl OrgScore {
    /// The score counted, if it was entered.
    pub fn value(self) -> Option<Decimal> {
        match self {
            OrgScore::Scored(v) => Some(v),
            _ => None,
        }
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
    /// A department's row derived from the counties' and the zone's ([`aggregate_row`](super::aggregate_row));
    /// `None`: the row as entered (or pending).
    pub sum: Option<SumOf>,
}

impl ItemResult {
    /// The bonus as the tables show it: the rounded earned score less the base, so that
    /// base + bonus = score in every table (the bonus rounded on its own can be a cent
    /// off). `None` without a bonus.
    pub fn shown_bonus(&self) -> Option<Decimal> {
        match self.outcome {
            Outcome::Completed { bonus, .. } if bonus > Decimal::ZERO => {
                Some(self.earned - self.base)
            }
            _ => None,
        }
    }

    /// The deduction as the tables show it: the base less the rounded earned score, so
    /// that base − deduction = score ("3 − 0.52 = 2.48", never "3 − 0.53 = 2.48" from a
    /// 0.525 rounded on its own). `None` without a deduction.
    pub fn shown_deduction(&self) -> Option<Decimal> {
        match self.outcome {
            Outcome::Short { .. } => Some(self.base - self.earned),
            Outcome::NotMet { deduction } if deduction > Decimal::ZERO => {
                Some(self.base - self.earned)
            }
            _ => None,
        }
    }
}

/// What a department's derived row sums ([`aggregate_row`](super::aggregate_row)).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SumOf {
    /// The units whose rows it sums (those scored on completion), in the file's order.
    pub units: Vec<String>,
    /// Those whose rows are pending or not quantitative: the derived row is pending
    /// while any is.
    pub waiting: Vec<String>,
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
        /// A bonus indicator on which the group earns no bonus (a department, with
        /// `department_bonus = false`): the base only.
        bonus_off: bool,
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

/// Why a unit is left out of a single-item award ([`left_out_of_award`](super::left_out_of_award)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeftOut {
    /// Comprehensive advanced units are not also given a single-item award (名次顺移).
    Comprehensive,
    /// Vetoed, under `single_item_veto = "all"`.
    Vetoed,
    /// Vetoed on these indicators (ids), which the award counts, under
    /// `single_item_veto = "failed_area"`.
    FailedArea(Vec<String>),
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
    pub(super) fn greater(self, other: Fraction) -> Option<bool> {
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

impl Scoreboard {
    /// A unit's or department's result by id.
    pub fn find(&self, id: &str) -> Option<&UnitResult> {
        self.units
            .iter()
            .chain(&self.departments)
            .find(|u| u.id == id)
    }

    /// How many units and departments still have something to enter.
    pub fn pending_count(&self) -> usize {
        self.units
            .iter()
            .chain(&self.departments)
            .filter(|u| u.pending.any())
            .count()
    }

    pub fn award(&self, id: &str) -> Option<&AwardResult> {
        self.awards.iter().find(|a| a.id == id)
    }

    /// The vetoed units that win a single-item award: (award, unit) in the awards'
    /// order, each award's winners in rank order.
    pub fn vetoed_winners(&self) -> Vec<(&AwardResult, &UnitResult)> {
        self.awards
            .iter()
            .flat_map(|a| {
                self.units
                    .iter()
                    .filter(|u| u.vetoed() && a.winners.contains(&u.id))
                    .map(move |u| (a, u))
            })
            .collect()
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

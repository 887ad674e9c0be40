//! Explanations: every number of a unit's total with the rule of SPEC §3 that produced
//! it, so that the evaluator can defend each one in a meeting.
//!
//! This module produces data only: an [`ItemExplanation`] for one row and a
//! [`UnitExplanation`] (with its one-line [`UnitSummary`]) for a unit's whole total, each
//! a small tree of typed steps — decimals, ids, names as written, flags such as "rounded"
//! or "capped". Every number is read from the [`Scoreboard`]'s records (the exact steps
//! and uncapped deduction of a shortfall, the unrounded earned and task scores, the award
//! scores term by term, the rank among the units not vetoed, the group's places and last
//! place): no rule is applied again here. The sentences, in both languages, are
//! `crate::i18n::explain` (`item_lines`, `item_short`, `unit_lines`, `unit_short`).

use crate::project::{
    Direction, Indicator, LastPlaceAmong, PenaltyKind, Project, Row, ShortfallMode, SingleItemVeto,
    UnitKind,
};
use crate::scoring::{Fraction, Group, ItemResult, LastPlace, LeftOut, Outcome, Scoreboard};
use crate::scoring::{OrgScore, UnitResult, deduction_cap};
use rust_decimal::Decimal;

/// A value rounded half-up to `score_decimals`: the exact value and the score it gave.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rounded {
    pub exact: Decimal,
    pub score: Decimal,
}

impl Rounded {
    /// The rounding changed the value (`4.405 → 4.41`).
    pub fn changed(&self) -> bool {
        self.exact != self.score
    }
}

/// One row's earned score: what the indicator is and how the score came about.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemExplanation {
    /// The unit (or department) scored.
    pub unit: String,
    pub unit_name: String,
    pub kind: UnitKind,
    pub indicator: String,
    /// The indicator's name (its id when the project does not declare it).
    pub name: String,
    /// The indicator's area, by name (its id when the area is not declared; empty when
    /// the indicator itself is not).
    pub area: String,
    pub base: Decimal,
    pub bonus_indicator: bool,
    /// A ceiling (`at_most`): the lower the better.
    pub at_most: bool,
    pub measure: Option<String>,
    /// The earned score, exact and rounded.
    pub earned: Rounded,
    /// `policy.score_decimals`.
    pub decimals: u32,
    pub steps: ItemSteps,
    /// A department's row: the section its task score is scaled to (`sections.task`).
    pub scaled_to: Option<Decimal>,
    /// A department's row derived from the counties' and the zone's (`aggregate = "sum"`).
    pub sum: Option<SumSteps>,
}

/// What a derived row sums: the units' names, and those it waits for.
#[derive(Debug, Clone, PartialEq)]
pub struct SumSteps {
    /// The units whose rows it adds up.
    pub units: Vec<String>,
    /// Those whose rows are pending or not quantitative (the row is pending while any is).
    pub waiting: Vec<String>,
}

/// How a row's earned score came about, one kind per rule of SPEC §3.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemSteps {
    /// Quantitative, target met or exceeded: `base + bonus`.
    Completed {
        measured: Measured,
        /// Over-completion `o = d >= 0`.
        over: Fraction,
        extra: Over,
    },
    /// Quantitative, target missed: `base − deduction`, and the unit is vetoed.
    Short {
        measured: Measured,
        /// Shortfall `s = −d`.
        shortfall: Decimal,
        /// `policy.shortfall_step`, `shortfall_rate` and `shortfall_mode`.
        step: Decimal,
        rate: Decimal,
        mode: ShortfallMode,
        /// `s / step` exactly (`None`: too large to compute), and the steps counted.
        exact_steps: Option<Decimal>,
        steps: Decimal,
        /// `steps × rate × base` before the cap (`None`: too large to compute).
        uncapped: Option<Decimal>,
        cap: Cap,
        /// Exact, before rounding.
        deduction: Decimal,
        /// The cap was deducted.
        capped: bool,
    },
    /// Qualitative, complete: the base.
    Met,
    /// Qualitative, not complete: the base less the evaluator's deduction; vetoes.
    NotMet { deduction: Decimal, cap: Cap },
    /// A unit outside the pilot list: its preparation score as entered.
    Preparation { prep: Decimal },
    /// Nothing entered yet (or a target without its actual value): earns 0.
    Pending { target: Option<Decimal> },
}

/// A quantitative row's target and actual, and how far apart they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measured {
    pub target: Decimal,
    pub actual: Decimal,
    /// Completion `1 + d` (`A / T` for `at_least`), as the scoreboard holds it.
    pub completion: Option<Decimal>,
    /// The deviation `d` in the good direction (negative: short).
    pub deviation: Decimal,
}

/// What a completed row earns beyond the base.
#[derive(Debug, Clone, PartialEq)]
pub enum Over {
    /// Met exactly (`o = 0`): no bonus.
    Exactly,
    /// Exceeded, but not a bonus indicator (不加分指标): the base.
    NoBonus,
    /// A bonus indicator exceeded by a department, with `department_bonus = false`:
    /// the base.
    NoDepartmentBonus,
    /// A bonus indicator over-completed: `bonus = share × base × o / o_max`.
    Bonus(BonusSteps),
}

/// The numbers of a bonus.
#[derive(Debug, Clone, PartialEq)]
pub struct BonusSteps {
    /// `policy.bonus_share`.
    pub share: Decimal,
    /// The group's highest over-completion `o_max`.
    pub top: Fraction,
    /// This unit holds it, and gets the whole share.
    pub best: bool,
    /// The units of the group that hold it, (id, name) in rank order.
    pub best_units: Vec<(String, String)>,
    /// Exact, before rounding.
    pub bonus: Decimal,
}

/// The cap of a deduction: `share × base`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cap {
    /// `policy.deduction_cap`.
    pub share: Decimal,
    /// `None`: too large to compute.
    pub value: Option<Decimal>,
}

/// A unit's (or department's) standing in a few facts: what its one-line explanation
/// says.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitSummary {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    pub total: Decimal,
    pub rank: u32,
    /// How many units its group has.
    pub count: usize,
    pub tied: bool,
    /// Its rank among the units of its group that are not vetoed (`None`: vetoed), how
    /// many those are, and the group's comprehensive places.
    pub rank_eligible: Option<u32>,
    pub eligible: usize,
    pub places: u32,
    pub comprehensive: bool,
    pub last_place: bool,
    /// The rows that veto it (一票否决), in the scoreboard's order.
    pub failures: Vec<ItemExplanation>,
    /// The names of the single-item awards it won.
    pub awards: Vec<String>,
    /// Something is still missing from its sheet.
    pub pending: bool,
    /// `policy.score_decimals`.
    pub decimals: u32,
}

/// A unit's whole total, part by part, and its standing with the reason for each flag.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitExplanation {
    pub summary: UnitSummary,
    /// 组织实施: every item of the project, the section's score and its maximum.
    pub organization: Vec<OrgStep>,
    pub organization_score: Decimal,
    pub organization_max: Decimal,
    /// 群众测评: as entered and counted (`None`: not entered), the score (0 when not
    /// entered) and its maximum.
    pub survey: Option<Rounded>,
    pub survey_score: Decimal,
    pub survey_max: Decimal,
    /// 任务完成: the areas it has rows in, each with its rows; how they add up.
    pub areas: Vec<AreaSteps>,
    pub task: TaskSteps,
    pub task_score: Decimal,
    /// 处分扣分: each penalty, and their sum.
    pub penalties: Vec<PenaltyStep>,
    pub penalty_score: Decimal,
    /// The names of the other units of its group with the same total.
    pub tied_with: Vec<String>,
    /// Rows still pending (when it is not vetoed, "so far").
    pub pending_rows: usize,
    pub comprehensive: ComprehensiveSteps,
    pub last_place: LastPlaceSteps,
    /// Every single-item award of the project, won or not (`None`: departments, or a
    /// project without awards).
    pub awards: Option<Vec<AwardStep>>,
    /// What is still missing (`None`: nothing).
    pub pending: Option<PendingParts>,
}

/// One organisation item: its name, maximum and value (`None`: not entered, or it does
/// not apply).
#[derive(Debug, Clone, PartialEq)]
pub struct OrgStep {
    pub name: String,
    pub max: Decimal,
    pub value: Option<Rounded>,
    /// Its `applies_to` names the unit's kind (otherwise it is not scored, not pending).
    pub applies: bool,
}

/// One area of the task section: its rows and subtotal.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaSteps {
    pub name: String,
    pub max: Decimal,
    pub rows: Vec<ItemExplanation>,
    pub subtotal: Decimal,
}

/// How the task section adds up.
#[derive(Debug, Clone, PartialEq)]
pub enum TaskSteps {
    /// Counties and the zone: the sum of the areas (bonuses may lift it above the
    /// section).
    Sum { task: Decimal, section: Decimal },
    /// A department: `section × Σ earned / Σ base` over its `rows`, rounded (`task`
    /// `None`: no rows).
    Scaled {
        earned: Decimal,
        base: Decimal,
        rows: usize,
        section: Decimal,
        task: Option<Rounded>,
    },
}

/// One penalty: its kind, points as counted and note.
#[derive(Debug, Clone, PartialEq)]
pub struct PenaltyStep {
    pub kind: PenaltyKind,
    pub points: Decimal,
    pub note: String,
}

/// Why a unit is comprehensive advanced (综合先进) or not.
#[derive(Debug, Clone, PartialEq)]
pub enum ComprehensiveSteps {
    /// Within the places by its rank among the units not vetoed (`widened`: a tie
    /// across the cut).
    Yes {
        among: u32,
        eligible: usize,
        places: u32,
        widened: bool,
    },
    /// Vetoed: not eligible.
    Vetoed,
    /// A total of 0 wins nothing.
    Zero,
    /// Below the cut; `last_in` is the last winner's names and total.
    Out {
        among: u32,
        eligible: usize,
        places: u32,
        last_in: Option<(Vec<String>, Decimal)>,
    },
}

/// Why a unit is last place (末位) or not.
#[derive(Debug, Clone, PartialEq)]
pub enum LastPlaceSteps {
    /// City departments have no last place.
    Departments,
    /// Switched off by the policy.
    Off,
    /// Nobody is vetoed, so nobody is last.
    NobodyVetoed,
    /// The lowest total among the units last place is named among (`among`) while
    /// someone (`vetoed`) is vetoed; `tied_with` shares it.
    Yes {
        total: Decimal,
        vetoed: Vec<String>,
        tied_with: Vec<String>,
        among: LastPlaceAmong,
    },
    /// Not the lowest among them: the lowest total and who has it.
    No {
        lowest: Decimal,
        holders: Vec<String>,
        among: LastPlaceAmong,
    },
    /// Completed every target, and last place is named among the units not up to
    /// standard (不达标) only: the lowest total among them and who has it.
    UpToStandard {
        lowest: Decimal,
        holders: Vec<String>,
    },
}

/// A single-item award as one unit fares in it.
#[derive(Debug, Clone, PartialEq)]
pub struct AwardStep {
    pub name: String,
    /// The unit's award score, term by term.
    pub terms: Vec<Decimal>,
    pub score: Decimal,
    /// The winners' names and award scores.
    pub winners: Vec<(String, Decimal)>,
    pub outcome: AwardOutcome,
}

/// Won, lost, or left out — and why.
#[derive(Debug, Clone, PartialEq)]
pub enum AwardOutcome {
    /// Won; `next` is the best that did not win (names and score), `widened` a tie
    /// across the cut, `vetoed` the rule that let a vetoed winner in
    /// (`policy.single_item_veto`: `none`, or `failed_area` for an award that counts
    /// none of its failed indicators).
    Won {
        next: Option<(Vec<String>, Decimal)>,
        widened: bool,
        vetoed: Option<SingleItemVeto>,
    },
    /// Below the award's `places`.
    Lost { places: u32 },
    /// An award score of 0 wins nothing.
    Zero,
    /// Left out as comprehensive advanced (名次顺移).
    LeftComprehensive,
    /// Left out because vetoed (`policy.single_item_veto = "all"`).
    LeftVetoed,
    /// Left out because it failed these indicators (names), which the award counts
    /// (`policy.single_item_veto = "failed_area"`).
    LeftFailedArea { failed: Vec<String> },
}

/// What is still missing from a unit's sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingParts {
    pub survey: bool,
    /// Names of the organisation items not entered.
    pub organization: Vec<String>,
    /// Names of the rows pending.
    pub rows: Vec<String>,
}

/// One row's earned score, explained. `None` when the unit (or department) is not on
/// the board, is not scored on the indicator, or the indicator is not in the project.
pub fn item(
    project: &Project,
    board: &Scoreboard,
    unit: &str,
    indicator: &str,
) -> Option<ItemExplanation> {
    let u = board.find(unit)?;
    let row = u.item(indicator)?;
    let ind = project.indicator(indicator)?;
    Some(item_of(project, board, u, row, Some(ind)))
}

/// A unit's (or department's) whole total explained: organisation, survey, every row by
/// area, task, penalties, the total, its rank, veto, comprehensive advanced, last place,
/// single-item awards and what is still pending. `None` when it is not on the board.
pub fn unit(project: &Project, board: &Scoreboard, unit: &str) -> Option<UnitExplanation> {
    let u = board.find(unit)?;
    Some(unit_of(project, board, u))
}

/// A unit's standing in a few facts, for its one-line explanation. `None` when it is not
/// on the board.
pub fn summary(project: &Project, board: &Scoreboard, unit: &str) -> Option<UnitSummary> {
    let u = board.find(unit)?;
    Some(summary_of(project, board, u))
}

/// The name of an indicator, or its id when the project does not declare it.
fn indicator_name<'a>(project: &'a Project, id: &'a str) -> &'a str {
    project.indicator(id).map_or(id, |i| i.name.as_str())
}

/// The names of the units of `group` that satisfy `pred`, in rank order.
fn names(group: &Group, pred: impl Fn(&UnitResult) -> bool) -> Vec<String> {
    group
        .units
        .iter()
        .filter(|g| pred(g))
        .map(|g| g.name.clone())
        .collect()
}

fn item_of(
    project: &Project,
    board: &Scoreboard,
    u: &UnitResult,
    item: &ItemResult,
    ind: Option<&Indicator>,
) -> ItemExplanation {
    let policy = &project.policy;
    let cap = Cap {
        share: policy.deduction_cap,
        value: deduction_cap(policy, item.base),
    };
    let measured = |target, actual, deviation| Measured {
        target,
        actual,
        completion: item.outcome.completion(),
        deviation,
    };
    let steps = match item.outcome {
        Outcome::Completed {
            target,
            actual,
            over,
            top_over,
            bonus,
            bonus_indicator,
            bonus_off,
            best,
        } => {
            let extra = if over.num <= Decimal::ZERO {
                Over::Exactly
            } else if !bonus_indicator {
                Over::NoBonus
            } else if bonus_off {
                Over::NoDepartmentBonus
            } else {
                let best_units = board
                    .group_of(u)
                    .units
                    .iter()
                    .filter(|g| {
                        g.item_at(item.position).is_some_and(|i| {
                            matches!(i.outcome, Outcome::Completed { best: true, .. })
                        })
                    })
                    .map(|g| (g.id.clone(), g.name.clone()))
                    .collect();
                Over::Bonus(BonusSteps {
                    share: policy.bonus_share,
                    top: top_over,
                    best,
                    best_units,
                    bonus,
                })
            };
            ItemSteps::Completed {
                measured: measured(target, actual, over.value().unwrap_or_default()),
                over,
                extra,
            }
        }
        Outcome::Short {
            target,
            actual,
            shortfall,
            exact_steps,
            steps,
            uncapped,
            cap: cap_value,
            deduction,
            capped,
        } => ItemSteps::Short {
            measured: measured(target, actual, -shortfall),
            shortfall,
            step: policy.shortfall_step,
            rate: policy.shortfall_rate,
            mode: policy.shortfall_mode,
            exact_steps,
            steps,
            uncapped,
            cap: Cap {
                share: policy.deduction_cap,
                value: Some(cap_value),
            },
            deduction,
            capped,
        },
        Outcome::Met => ItemSteps::Met,
        Outcome::NotMet { deduction } => ItemSteps::NotMet { deduction, cap },
        Outcome::Preparation { prep } => ItemSteps::Preparation { prep },
        Outcome::Pending => ItemSteps::Pending {
            target: pending_target(project, &u.id, &item.indicator),
        },
    };
    let area = ind.map_or_else(String::new, |ind| {
        project
            .area(&ind.area)
            .map_or_else(|| ind.area.clone(), |a| a.name.clone())
    });
    ItemExplanation {
        unit: u.id.clone(),
        unit_name: u.name.clone(),
        kind: u.kind,
        indicator: item.indicator.to_string(),
        name: indicator_name(project, &item.indicator).to_string(),
        area,
        base: item.base,
        bonus_indicator: ind.is_some_and(|i| i.bonus),
        at_most: ind.is_some_and(|i| i.direction == Direction::AtMost),
        measure: ind.and_then(|i| i.measure.clone()),
        earned: Rounded {
            exact: item.exact,
            score: item.earned,
        },
        decimals: policy.score_decimals,
        steps,
        scaled_to: (u.kind == UnitKind::Department).then_some(project.sections.task),
        sum: item.sum.as_ref().map(|sum| SumSteps {
            units: sum
                .units
                .iter()
                .map(|id| project.name_of(id).to_string())
                .collect(),
            waiting: sum
                .waiting
                .iter()
                .map(|id| project.name_of(id).to_string())
                .collect(),
        }),
    }
}

/// The target of a pending quantitative row, when one was entered.
fn pending_target(project: &Project, unit: &str, indicator: &str) -> Option<Decimal> {
    match project.scores.get(unit)?.indicators.get(indicator)? {
        Row::Quantitative { target, .. } => *target,
        _ => None,
    }
}

fn summary_of(project: &Project, board: &Scoreboard, u: &UnitResult) -> UnitSummary {
    let group = board.group_of(u);
    let failures = u
        .failed
        .iter()
        .filter_map(|f| {
            let item = u.item(f)?;
            Some(item_of(project, board, u, item, project.indicator(f)))
        })
        .collect();
    let awards = u
        .awards
        .iter()
        .map(|id| {
            board
                .award(id)
                .map_or_else(|| id.clone(), |a| a.name.clone())
        })
        .collect();
    UnitSummary {
        id: u.id.clone(),
        name: u.name.clone(),
        kind: u.kind,
        total: u.total,
        rank: u.rank,
        count: group.units.len(),
        tied: u.tied,
        rank_eligible: u.rank_eligible,
        eligible: group.eligible(),
        places: group.places,
        comprehensive: u.comprehensive,
        last_place: u.last_place,
        failures,
        awards,
        pending: u.pending.any(),
        decimals: project.policy.score_decimals,
    }
}

fn unit_of(project: &Project, board: &Scoreboard, u: &UnitResult) -> UnitExplanation {
    let group = board.group_of(u);
    let sheet = project.scores.get(&u.id);

    // 组织实施
    let organization = project
        .organization
        .iter()
        .enumerate()
        .map(|(n, item)| {
            let counted = u.organization_items.get(n).copied();
            OrgStep {
                name: item.name.clone(),
                max: item.max,
                value: sheet
                    .and_then(|s| s.organization.get(&item.id))
                    .zip(counted.and_then(OrgScore::value))
                    .map(|(&exact, score)| Rounded { exact, score }),
                applies: counted != Some(OrgScore::NotApplicable),
            }
        })
        .collect();

    // 群众测评
    let survey = sheet.and_then(|s| s.survey).map(|exact| Rounded {
        exact,
        score: u.survey,
    });

    // 任务完成
    let mut areas = Vec::new();
    for area in &project.areas {
        let rows: Vec<ItemExplanation> = u
            .items
            .iter()
            .filter_map(|i| {
                let ind = project
                    .indicator(&i.indicator)
                    .filter(|ind| ind.area == area.id)?;
                Some(item_of(project, board, u, i, Some(ind)))
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        areas.push(AreaSteps {
            name: area.name.clone(),
            max: area.max,
            rows,
            subtotal: u.areas.get(&area.id).copied().unwrap_or_default(),
        });
    }
    let section = project.sections.task;
    let task = if u.kind == UnitKind::Department {
        TaskSteps::Scaled {
            earned: u.task_earned,
            base: u.task_base,
            rows: u.items.len(),
            section,
            task: (u.task_base > Decimal::ZERO).then_some(Rounded {
                exact: u.task_exact,
                score: u.task,
            }),
        }
    } else {
        TaskSteps::Sum {
            task: u.task,
            section,
        }
    };

    // 处分扣分
    let penalties = sheet
        .map(|s| s.penalties.as_slice())
        .unwrap_or_default()
        .iter()
        .zip(&u.penalties)
        .map(|(p, &points)| PenaltyStep {
            kind: p.kind,
            points,
            note: p.note.clone(),
        })
        .collect();

    // 综合先进
    let among = u.rank_eligible.unwrap_or_default();
    let comprehensive = if u.comprehensive {
        ComprehensiveSteps::Yes {
            among,
            eligible: group.eligible(),
            places: group.places,
            widened: group.widened(),
        }
    } else if u.vetoed() {
        ComprehensiveSteps::Vetoed
    } else if u.total <= Decimal::ZERO {
        ComprehensiveSteps::Zero
    } else {
        ComprehensiveSteps::Out {
            among,
            eligible: group.eligible(),
            places: group.places,
            last_in: group.last_in().map(|total| {
                (
                    names(&group, |g| g.comprehensive && g.total == total),
                    total,
                )
            }),
        }
    };

    // 末位
    let last_place = match group.last_place {
        LastPlace::NoneForDepartments => LastPlaceSteps::Departments,
        LastPlace::Off => LastPlaceSteps::Off,
        LastPlace::NobodyVetoed => LastPlaceSteps::NobodyVetoed,
        LastPlace::Lowest { among, .. } if u.last_place => LastPlaceSteps::Yes {
            total: u.total,
            vetoed: names(&group, UnitResult::vetoed),
            tied_with: names(&group, |g| g.last_place && g.id != u.id),
            among,
        },
        LastPlace::Lowest { total, among } => {
            let holders = names(&group, |g| g.last_place);
            if among == LastPlaceAmong::NotUpToStandard && !u.vetoed() {
                LastPlaceSteps::UpToStandard {
                    lowest: total,
                    holders,
                }
            } else {
                LastPlaceSteps::No {
                    lowest: total,
                    holders,
                    among,
                }
            }
        }
    };

    // 单项先进
    let awards = (u.kind != UnitKind::Department && !board.awards.is_empty()).then(|| {
        board
            .awards
            .iter()
            .filter_map(|result| {
                let mine = result.score_of(&u.id)?;
                let scored = |id: &String, score: Decimal| (project.name_of(id).to_string(), score);
                let winners = result
                    .standings
                    .iter()
                    .filter(|(id, _)| result.winners.contains(id))
                    .map(|(id, s)| scored(id, *s))
                    .collect();
                let others = || {
                    result
                        .standings
                        .iter()
                        .filter(|(id, s)| !result.winners.contains(id) && *s > Decimal::ZERO)
                };
                let outcome = match &mine.left_out {
                    None if result.winners.contains(&u.id) => AwardOutcome::Won {
                        next: others().map(|(_, s)| *s).max().map(|best| {
                            let names = others()
                                .filter(|(_, s)| *s == best)
                                .map(|(id, _)| project.name_of(id).to_string())
                                .collect();
                            (names, best)
                        }),
                        widened: result.winners.len() > result.count as usize,
                        vetoed: u.vetoed().then_some(project.policy.single_item_veto),
                    },
                    None if mine.score <= Decimal::ZERO => AwardOutcome::Zero,
                    None => AwardOutcome::Lost {
                        places: result.count,
                    },
                    Some(LeftOut::Comprehensive) => AwardOutcome::LeftComprehensive,
                    Some(LeftOut::Vetoed) => AwardOutcome::LeftVetoed,
                    Some(LeftOut::FailedArea(failed)) => AwardOutcome::LeftFailedArea {
                        failed: failed
                            .iter()
                            .map(|f| indicator_name(project, f).to_string())
                            .collect(),
                    },
                };
                Some(AwardStep {
                    name: result.name.clone(),
                    terms: mine.terms.clone(),
                    score: mine.score,
                    winners,
                    outcome,
                })
            })
            .collect()
    });

    // 待录入
    let pending = u.pending.any().then(|| PendingParts {
        survey: u.pending.survey,
        organization: project
            .organization
            .iter()
            .zip(&u.organization_items)
            .filter(|(_, value)| **value == OrgScore::Missing)
            .map(|(o, _)| o.name.clone())
            .collect(),
        rows: u
            .items
            .iter()
            .filter(|i| i.outcome == Outcome::Pending)
            .map(|i| indicator_name(project, &i.indicator).to_string())
            .collect(),
    });

    UnitExplanation {
        summary: summary_of(project, board, u),
        organization,
        organization_score: u.organization,
        organization_max: u.organization_max,
        survey,
        survey_score: u.survey,
        survey_max: project.sections.survey,
        areas,
        task,
        task_score: u.task,
        penalties,
        penalty_score: u.penalty,
        tied_with: group
            .holders(u.total, &u.id)
            .map(|g| g.name.clone())
            .collect(),
        pending_rows: u.pending.rows,
        comprehensive,
        last_place,
        awards,
        pending,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn a_rounding_is_shown_only_where_it_changed_the_value() {
        let r = |exact: &str, score: &str| Rounded {
            exact: d(exact),
            score: d(score),
        };
        assert!(r("4.405", "4.41").changed());
        assert!(!r("4.4", "4.40").changed());
        assert!(!r("4", "4.00").changed());
    }
}

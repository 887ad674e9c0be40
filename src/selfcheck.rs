//! Self-check beside assessed (SPEC §7, 总结自查): what each unit said of itself in its
//! `[selfcheck.<id>]` sheet against what the office assessed in `[scores.<id>]`, as data
//! — the totals and sections of both, and the rows behind the gap.
//!
//! The self-check figures are scored exactly like the assessed ones
//! ([`crate::scoring::score_selfcheck`]: the same rules on the project whose `scores`
//! are replaced by its `selfcheck`). So:
//! - only units (and departments) that have a self-check sheet are compared; a unit
//!   without one is pending in the self-check scoring (every row earns 0) and sets no
//!   best over-completion;
//! - a bonus in the self-check figures is relative to the best over-completer among the
//!   self-check figures: a row entered alike in both sheets can still earn a different
//!   bonus (another unit claimed more, or did not send a self-check), and is then listed
//!   as a row behind the gap;
//! - a department's task section is scaled (`task × Σ earned / Σ base`), so its rows'
//!   differences are in earned points of the rows and do not add up to the section's.
//!
//! A difference is always assessed − self-check: negative where the office found less
//! than the unit claimed (`自查 95.30 / 考评 93.10, 差 −2.20`). A row is behind the gap
//! when its values differ or its earned scores do; rows come in the sheet's order
//! (organisation items, survey, indicator rows area by area, then the penalties, as one
//! line of their points).

use crate::project::{OrgItem, Project, Row, UnitKind, UnitScores};
use crate::scoring::{OrgScore, Scoreboard, UnitResult, penalty_points};
use rust_decimal::Decimal;

/// A unit's (or department's) total and sections, in one of its two sheets.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    pub total: Decimal,
    pub organization: Decimal,
    pub survey: Decimal,
    pub task: Decimal,
    /// The penalty points (positive: what is taken off).
    pub penalty: Decimal,
}

impl Totals {
    fn of(result: Option<&UnitResult>) -> Totals {
        result.map_or_else(Totals::default, |r| Totals {
            total: r.total,
            organization: r.organization,
            survey: r.survey,
            task: r.task,
            penalty: r.penalty,
        })
    }
}

/// What a row of the comparison is.
#[derive(Debug, Clone, PartialEq)]
pub enum GapItem {
    /// An organisation item (id, name).
    Org {
        id: String,
        name: String,
    },
    Survey,
    /// An indicator row (id, name, measure).
    Indicator {
        id: String,
        name: String,
        measure: Option<String>,
    },
    /// All the penalties of the sheet, as their points.
    Penalties,
}

/// One side's value of a row, as entered (`None`: not entered).
#[derive(Debug, Clone, PartialEq)]
pub enum GapValue {
    /// An organisation item's or the survey's score.
    Score(Option<Decimal>),
    /// An indicator row (`None`: no row).
    Row(Option<Row>),
    /// The penalties: how many, and their points.
    Penalties { count: usize, points: Decimal },
}

/// A row behind the gap: both values, both earned scores, and their difference.
#[derive(Debug, Clone, PartialEq)]
pub struct GapRow {
    pub item: GapItem,
    pub selfcheck: GapValue,
    pub assessed: GapValue,
    /// The score each side earns on the row (`None`: not scored, e.g. no such row); the
    /// penalties' as a negative number.
    pub selfcheck_earned: Option<Decimal>,
    pub assessed_earned: Option<Decimal>,
}

impl GapRow {
    /// Assessed earned − self-check earned (a side not scored counts 0).
    pub fn difference(&self) -> Decimal {
        self.assessed_earned.unwrap_or_default() - self.selfcheck_earned.unwrap_or_default()
    }

    /// Whether the two values as entered differ (not only the earned scores).
    pub fn values_differ(&self) -> bool {
        self.selfcheck != self.assessed
    }
}

/// One unit's self-check beside its assessed figures.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitGap {
    pub unit: String,
    pub name: String,
    pub kind: UnitKind,
    pub selfcheck: Totals,
    pub assessed: Totals,
    /// The rows behind the gap, in the sheet's order (empty: the two sheets agree).
    pub rows: Vec<GapRow>,
}

impl UnitGap {
    /// Assessed total − self-check total.
    pub fn difference(&self) -> Decimal {
        self.assessed.total - self.selfcheck.total
    }

    /// Whether the two sheets agree in every value and score.
    pub fn agrees(&self) -> bool {
        self.rows.is_empty() && self.selfcheck == self.assessed
    }
}

/// Every unit's (then every department's) gap, in the file's order, for those that have
/// a self-check sheet: `board` scores the assessed figures, `selfcheck_board` the
/// self-check ones ([`crate::scoring::score_selfcheck`]).
pub fn gaps(project: &Project, board: &Scoreboard, selfcheck_board: &Scoreboard) -> Vec<UnitGap> {
    let ids = project
        .units
        .iter()
        .map(|u| u.id.as_str())
        .chain(project.departments.iter().map(|d| d.id.as_str()));
    ids.filter_map(|id| gap(project, board, selfcheck_board, id))
        .collect()
}

/// One unit's gap; `None` when it has no self-check sheet (or is no unit).
pub fn gap(
    project: &Project,
    board: &Scoreboard,
    selfcheck_board: &Scoreboard,
    unit: &str,
) -> Option<UnitGap> {
    let own = project.selfcheck.get(unit)?;
    let kind = project.kind_of(unit)?;
    let empty = UnitScores::default();
    let assessed_sheet = project.scores.get(unit).unwrap_or(&empty);
    let assessed = board.find(unit);
    let claimed = selfcheck_board.find(unit);
    let mut rows = Vec::new();

    // Organisation items that apply to the unit, in the scheme's order.
    for item in project.organization.iter().filter(|o| o.applies(kind)) {
        let earned = |r: Option<&UnitResult>| org_earned(project, r, item);
        rows.push(GapRow {
            item: GapItem::Org {
                id: item.id.clone(),
                name: item.name.clone(),
            },
            selfcheck: GapValue::Score(own.organization.get(&item.id).copied()),
            assessed: GapValue::Score(assessed_sheet.organization.get(&item.id).copied()),
            selfcheck_earned: earned(claimed),
            assessed_earned: earned(assessed),
        });
    }
    rows.push(GapRow {
        item: GapItem::Survey,
        selfcheck: GapValue::Score(own.survey),
        assessed: GapValue::Score(assessed_sheet.survey),
        selfcheck_earned: claimed.map(|r| r.survey),
        assessed_earned: assessed.map(|r| r.survey),
    });
    // Indicator rows, area by area (as the sheet shows them), those of no known area last.
    let mut order: Vec<usize> = Vec::with_capacity(project.indicators.len());
    for area in &project.areas {
        order.extend(
            project
                .indicators
                .iter()
                .enumerate()
                .filter(|(_, i)| i.area == area.id)
                .map(|(n, _)| n),
        );
    }
    order.extend(
        project
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, i)| project.area(&i.area).is_none())
            .map(|(n, _)| n),
    );
    for n in order {
        let ind = &project.indicators[n];
        let mine = own.indicators.get(&ind.id).cloned();
        let theirs = assessed_sheet.indicators.get(&ind.id).cloned();
        let claimed_item = claimed.and_then(|r| r.item_at(n));
        let assessed_item = assessed.and_then(|r| r.item_at(n));
        if mine.is_none() && theirs.is_none() && claimed_item.is_none() && assessed_item.is_none() {
            continue;
        }
        rows.push(GapRow {
            item: GapItem::Indicator {
                id: ind.id.clone(),
                name: ind.name.clone(),
                measure: ind.measure.clone(),
            },
            selfcheck: GapValue::Row(mine),
            assessed: GapValue::Row(theirs),
            selfcheck_earned: claimed_item.map(|i| i.earned),
            assessed_earned: assessed_item.map(|i| i.earned),
        });
    }
    let points = |s: &UnitScores| penalty_points(&project.policy, s).unwrap_or_default();
    rows.push(GapRow {
        item: GapItem::Penalties,
        selfcheck: GapValue::Penalties {
            count: own.penalties.len(),
            points: points(own),
        },
        assessed: GapValue::Penalties {
            count: assessed_sheet.penalties.len(),
            points: points(assessed_sheet),
        },
        selfcheck_earned: Some(-points(own)),
        assessed_earned: Some(-points(assessed_sheet)),
    });
    rows.retain(|r| r.values_differ() || r.selfcheck_earned != r.assessed_earned);
    Some(UnitGap {
        unit: unit.to_string(),
        name: project.name_of(unit).to_string(),
        kind,
        selfcheck: Totals::of(claimed),
        assessed: Totals::of(assessed),
        rows,
    })
}

/// An organisation item's score as counted in a unit's result.
fn org_earned(project: &Project, result: Option<&UnitResult>, item: &OrgItem) -> Option<Decimal> {
    let at = project.organization.iter().position(|o| o.id == item.id)?;
    match result?.organization_items.get(at)? {
        OrgScore::Scored(v) => Some(*v),
        OrgScore::Missing => Some(Decimal::ZERO),
        OrgScore::NotApplicable => None,
    }
}

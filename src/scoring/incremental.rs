//! Scoring again after an edit of one score sheet, from the scoreboard before it: only
//! what the edit touches is computed again — the edited row, its indicator's best
//! over-completion and, only when that moved, the other rows of that indicator; a
//! department's row derived by sum from the units' rows of an `aggregate = "sum"`
//! indicator; the totals of the units whose rows changed — and then, whole, the ranks,
//! comprehensive advanced, last place and the single-item awards ([`score::finish`]).
//!
//! [`score`](fn@score) stays the reference: the result is the very scoreboard it would
//! give (`tests/incremental.rs` checks that on random edit sequences), and anything this
//! cannot follow (a department whose first sheet the edit creates, a scoreboard of
//! another scheme) is scored whole.

use super::score::{Lookup, consider_top, finish, unit_result};
use super::*;
use crate::project::{Indicator, Project, Row, UnitKind, UnitScores};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// What an edit of one unit's (or department's) score sheet changed in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetChange<'a> {
    /// The row of this indicator (by id): set, changed or removed.
    Row(&'a str),
    /// Anything else of the sheet: the survey, an organisation item, a penalty.
    Totals,
}

/// The scoreboard of `project` — which is the project `before` was scored from with one
/// edit of `unit`'s score sheet (`change`) and nothing else — computed from `before`.
/// Equal in every field to [`score`](fn@score) of `project`; an error where it gives one
/// (not necessarily naming the same number: score the project whole for that).
pub fn rescore(
    project: &Project,
    before: &Scoreboard,
    unit: &str,
    change: SheetChange,
) -> Result<Scoreboard, Overflow> {
    let len = project.indicators.len();
    let is_unit = project.unit(unit).is_some();
    let followed = before.tops.units.len() == len
        && before.tops.departments.len() == len
        && before.units.len() == project.units.len()
        && if is_unit {
            before.units.iter().any(|u| u.id == unit)
        } else {
            // A department joins its group with its first sheet: score it whole.
            before.departments.iter().any(|d| d.id == unit) && project.scores.contains_key(unit)
        };
    if !followed {
        return super::score(project);
    }
    let mut r = Rescore {
        lookup: Lookup::new(project),
        units: before.units.clone(),
        departments: before.departments.clone(),
        tops: before.tops.clone(),
        touched_units: vec![false; before.units.len()],
        touched_departments: vec![false; before.departments.len()],
    };
    match change {
        SheetChange::Row(indicator) => {
            let Some(n) = project.indicators.iter().position(|i| i.id == indicator) else {
                return super::score(project);
            };
            let ind = &project.indicators[n];
            if is_unit {
                r.unit_column(n, unit)?;
                // The departments' rows derived from the units' (those scored on
                // completion) follow.
                if ind.aggregate.is_some() && ind.applies_to(unit) && ind.is_pilot(unit) {
                    r.department_column(n, None)?;
                }
            } else {
                r.department_column(n, Some(unit))?;
            }
        }
        SheetChange::Totals => {
            let group = if is_unit { &r.units } else { &r.departments };
            let at = group.iter().position(|u| u.id == unit);
            let touched = if is_unit {
                &mut r.touched_units
            } else {
                &mut r.touched_departments
            };
            if let Some(at) = at {
                touched[at] = true;
            }
        }
    }
    r.totals()?;
    // The award scores of the units whose rows and sheet are as they were are kept (the
    // scores of an award are in the order of the units it was given among).
    let kept: HashMap<&str, usize> = before
        .units
        .iter()
        .enumerate()
        .map(|(at, u)| (u.id.as_str(), at))
        .collect();
    let touched: HashSet<String> = r
        .units
        .iter()
        .zip(&r.touched_units)
        .filter(|(_, t)| **t)
        .map(|(u, _)| u.id.clone())
        .collect();
    let reuse = |award: usize, unit: &UnitResult| {
        if touched.contains(&unit.id) {
            return None;
        }
        let at = *kept.get(unit.id.as_str())?;
        let score = before.awards.get(award)?.scores.get(at)?;
        (score.unit == unit.id).then_some(score)
    };
    let Rescore {
        units,
        departments,
        tops,
        ..
    } = r;
    finish(
        project,
        (units, departments),
        tops,
        before.individuals.clone(),
        &reuse,
    )
}

struct Rescore<'p> {
    lookup: Lookup<'p>,
    /// Both groups as they were scored (in rank order), rows changed in place.
    units: Vec<UnitResult>,
    departments: Vec<UnitResult>,
    tops: Tops,
    /// Whose rows changed (by place in `units` / `departments`): their totals follow.
    touched_units: Vec<bool>,
    touched_departments: Vec<bool>,
}

impl Rescore<'_> {
    /// A unit's row of the indicator at `n` changed: the indicator's best
    /// over-completion among the counties and the zone, then that unit's row — or every
    /// unit's row of it when the best moved.
    fn unit_column(&mut self, n: usize, unit: &str) -> Result<(), Overflow> {
        let project = self.lookup.project;
        let ind = &project.indicators[n];
        let row_of = |id: &str| {
            project
                .scores
                .get(id)
                .and_then(|s| s.indicators.get(&ind.id))
        };
        let mut top = None;
        for u in &project.units {
            consider_top(&mut top, ind, row_of(&u.id), &u.id)?;
        }
        let moved = !identical(top, self.tops.units[n]);
        self.tops.units[n] = top;
        let earns = earns_bonus(&project.policy, UnitKind::County);
        for (at, result) in self.units.iter_mut().enumerate() {
            let edited = result.id == unit;
            if moved || edited {
                let row = row_of(&result.id);
                if rescore_row(project, result, (n, ind), row, None, top, earns, edited)? {
                    self.touched_units[at] = true;
                }
            }
        }
        Ok(())
    }

    /// A department's own row of the indicator at `n` changed (`Some(department)`), or
    /// the row derived by sum from the units' (`None`): the departments' best
    /// over-completion on it, then the rows that changed — or every department's row of
    /// it when the best moved.
    fn department_column(&mut self, n: usize, own: Option<&str>) -> Result<(), Overflow> {
        let project = self.lookup.project;
        let ind = &project.indicators[n];
        let derived = match ind.aggregate {
            Some(_) => {
                let rows = project
                    .units
                    .iter()
                    .filter(|u| ind.applies_to(&u.id) && ind.is_pilot(&u.id))
                    .map(|u| {
                        let row = project
                            .scores
                            .get(&u.id)
                            .and_then(|s| s.indicators.get(&ind.id));
                        (u.id.as_str(), row)
                    });
                Some(aggregate_row(rows).ok_or_else(|| Overflow {
                    unit: String::new(),
                    indicator: Some(ind.id.clone()),
                })?)
            }
            None => None,
        };
        // A department's row: its own, or else (assessed on it) the derived one.
        let row_of = |id: &str| -> (Option<&Row>, Option<&SumOf>) {
            let own = project
                .scores
                .get(id)
                .and_then(|s| s.indicators.get(&ind.id));
            match (own, &derived) {
                (Some(row), _) => (Some(row), None),
                (None, Some((row, sum))) if ind.assesses(id) => (Some(row), Some(sum)),
                _ => (None, None),
            }
        };
        let mut top = None;
        for d in project
            .departments
            .iter()
            .filter(|d| project.scores.contains_key(&d.id))
        {
            consider_top(&mut top, ind, row_of(&d.id).0, &d.id)?;
        }
        let moved = !identical(top, self.tops.departments[n]);
        self.tops.departments[n] = top;
        let earns = earns_bonus(&project.policy, UnitKind::Department);
        for (at, result) in self.departments.iter_mut().enumerate() {
            let (row, sum) = row_of(&result.id);
            let changed = match own {
                Some(own) => result.id == own,
                None => sum.is_some(),
            };
            if (moved || changed)
                && rescore_row(project, result, (n, ind), row, sum, top, earns, changed)?
            {
                self.touched_departments[at] = true;
            }
        }
        Ok(())
    }

    /// The totals of every unit and department whose rows changed.
    fn totals(&mut self) -> Result<(), Overflow> {
        let empty = UnitScores::default();
        let project = self.lookup.project;
        for (group, touched) in [
            (&mut self.units, &self.touched_units),
            (&mut self.departments, &self.touched_departments),
        ] {
            for (result, _) in group.iter_mut().zip(touched).filter(|(_, t)| **t) {
                let overflow = || Overflow {
                    unit: result.id.clone(),
                    indicator: None,
                };
                let (mut earned, mut base) = (Decimal::ZERO, Decimal::ZERO);
                for item in &result.items {
                    earned = earned.checked_add(item.earned).ok_or_else(overflow)?;
                    base = base.checked_add(item.base).ok_or_else(overflow)?;
                }
                let scores = project.scores.get(&result.id).unwrap_or(&empty);
                let items = std::mem::take(&mut result.items);
                let who = (result.id.as_str(), result.name.as_str(), result.kind);
                let fresh = unit_result(&self.lookup, who, scores, items, (earned, base))
                    .ok_or_else(overflow)?;
                *result = fresh;
            }
        }
        // The standings are given out again, whole.
        for result in self.units.iter_mut().chain(self.departments.iter_mut()) {
            result.rank = 0;
            result.tied = false;
            result.rank_eligible = None;
            result.comprehensive = false;
            result.last_place = false;
            result.awards.clear();
        }
        Ok(())
    }
}

/// Scores `result`'s row of the indicator at `n` again (when it is scored on it) and
/// puts it in place when the row itself `changed`, or else when it is a completed row
/// (one that records the best over-completion, which moved). Whether it was put in
/// place.
#[allow(clippy::too_many_arguments)]
fn rescore_row(
    project: &Project,
    result: &mut UnitResult,
    (n, ind): (usize, &Indicator),
    row: Option<&Row>,
    sum: Option<&SumOf>,
    top: Option<Fraction>,
    earns: bool,
    changed: bool,
) -> Result<bool, Overflow> {
    let Some(k) = result.index_of(n) else {
        return Ok(false);
    };
    let pending = Row::pending();
    let old = &result.items[k];
    let mut item = score_row_as(
        &project.policy,
        ind,
        old.indicator.clone(),
        row.unwrap_or(&pending),
        top,
        earns,
    )
    .ok_or_else(|| Overflow {
        unit: result.id.clone(),
        indicator: Some(ind.id.clone()),
    })?;
    item.position = n;
    item.sum = sum.cloned();
    let completed = |i: &ItemResult| matches!(i.outcome, Outcome::Completed { .. });
    // Any other row of an unchanged row is the same to the digit.
    if changed || completed(old) || completed(&item) {
        result.items.make_mut()[k] = item;
        return Ok(true);
    }
    Ok(false)
}

/// Two best over-completions written alike (not only of equal value: a row shows its
/// group's best as it was computed).
fn identical(a: Option<Fraction>, b: Option<Fraction>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => same_digits(a.num, b.num) && same_digits(a.den, b.den),
        _ => false,
    }
}

/// Equal and of the same scale (`1.5` is not `1.50`).
fn same_digits(a: Decimal, b: Decimal) -> bool {
    a.serialize() == b.serialize()
}

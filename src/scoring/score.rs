//! Scoring a whole project: every row of every unit with the group's best
//! over-completion (a department's rows of `aggregate = "sum"` indicators derived from
//! the units' where its sheet has none), each unit's sections and total, then the ranks,
//! comprehensive advanced, last place, the single-item awards and the advanced
//! individuals' places — each by its rule in [`super`].

use super::*;
use crate::project::{Indicator, Project, Row, UnitKind, UnitScores};
use indexmap::IndexMap;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::sync::Arc;

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
            consider_top(best, indicator, *row, sheet.id)?;
        }
    }
    Ok(top)
}

/// One row's part in [`top_over_completions`]: `best` becomes its over-completion if that
/// is higher (the first of equal ones stays, as the file orders them).
pub(super) fn consider_top(
    best: &mut Option<Fraction>,
    indicator: &Indicator,
    row: Option<&Row>,
    unit: &str,
) -> Result<(), Overflow> {
    let Some(Row::Quantitative {
        target: Some(t),
        actual: Some(a),
    }) = row
    else {
        return Ok(());
    };
    if *t <= Decimal::ZERO || *a < Decimal::ZERO {
        return Ok(());
    }
    let overflow = || Overflow {
        unit: unit.to_string(),
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
    Ok(())
}

/// A unit's score sheet with its rows laid out by indicator position (looked up once);
/// a department's rows derived by sum where its sheet has none.
struct Sheet<'p> {
    id: &'p str,
    scores: &'p UnitScores,
    rows: Vec<Option<&'p Row>>,
    /// By position: what a derived row sums.
    sums: Vec<Option<&'p SumOf>>,
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
        Sheet {
            id,
            scores,
            rows,
            sums: vec![None; len],
        }
    }

    /// A department's sheet: its rows, and the derived rows of the indicators it is
    /// assessed on where it has none (`derived`, by position).
    fn department(
        project: &'p Project,
        id: &'p str,
        scores: &'p UnitScores,
        position: &HashMap<&str, usize>,
        derived: &'p [Option<(Row, SumOf)>],
    ) -> Self {
        let mut sheet = Sheet::new(id, scores, position, derived.len());
        for (n, indicator) in project.indicators.iter().enumerate() {
            if sheet.rows[n].is_none()
                && indicator.assesses(id)
                && let Some((row, sum)) = &derived[n]
            {
                sheet.rows[n] = Some(row);
                sheet.sums[n] = Some(sum);
            }
        }
        sheet
    }
}

/// What scoring one group needs to look up, built once per project.
pub(super) struct Lookup<'p> {
    pub(super) project: &'p Project,
    /// The area (its position in `Project::areas`) of each indicator, by position.
    area_of: Vec<Option<usize>>,
    /// Each indicator's id, shared by every row that names it.
    ids: Vec<Arc<str>>,
}

impl<'p> Lookup<'p> {
    pub(super) fn new(project: &'p Project) -> Self {
        let areas: HashMap<&str, usize> = project
            .areas
            .iter()
            .enumerate()
            .map(|(n, a)| (a.id.as_str(), n))
            .collect();
        Lookup {
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
        }
    }
}

/// Scores every unit and department of a project, ranks both groups and gives out the
/// awards.
pub fn score(project: &Project) -> Result<Scoreboard, Overflow> {
    let empty = UnitScores::default();
    let lookup = Lookup::new(project);

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

    // City departments with a score sheet: every indicator they are responsible for, a
    // row missing derived by sum (`aggregate = "sum"`) or else pending.
    let derived: Vec<Option<(Row, SumOf)>> = project
        .indicators
        .iter()
        .enumerate()
        .map(|(n, indicator)| {
            if indicator.aggregate.is_none() {
                return Ok(None);
            }
            let rows = project
                .units
                .iter()
                .zip(&unit_sheets)
                .filter(|(u, _)| indicator.applies_to(&u.id) && indicator.is_pilot(&u.id))
                .map(|(u, sheet)| (u.id.as_str(), sheet.rows[n]));
            aggregate_row(rows).map(Some).ok_or_else(|| Overflow {
                unit: String::new(),
                indicator: Some(indicator.id.clone()),
            })
        })
        .collect::<Result<_, _>>()?;
    let dept_sheets: Vec<Sheet> = project
        .departments
        .iter()
        .filter_map(|d| {
            project
                .scores
                .get(&d.id)
                .map(|s| Sheet::department(project, &d.id, s, &position, &derived))
        })
        .collect();
    let dept_top = top_over_completions(project, &dept_sheets)?;
    let mut departments = Vec::with_capacity(dept_sheets.len());
    for sheet in &dept_sheets {
        let assessed = project
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, i)| i.assesses(sheet.id))
            .map(|(n, i)| (n, i, sheet.rows[n]));
        let name = project.name_of(sheet.id);
        departments.push(score_sheet(
            &lookup,
            name,
            UnitKind::Department,
            sheet,
            assessed,
            &dept_top,
        )?);
    }

    let tops = Tops {
        units: top,
        departments: dept_top,
    };
    finish(
        project,
        (units, departments),
        tops,
        individuals(project),
        &|_, _| None,
    )
}

/// Ranks both groups (their results in any order, standings not yet set), gives out
/// comprehensive advanced, last place and the single-item awards, and puts the
/// scoreboard together.
/// `reuse`: the units' award scores kept from an earlier scoreboard
/// ([`single_item_awards_reusing`]).
pub(super) fn finish(
    project: &Project,
    (mut units, mut departments): (Vec<UnitResult>, Vec<UnitResult>),
    tops: Tops,
    individuals: Vec<Individuals>,
    reuse: &Reuse,
) -> Result<Scoreboard, Overflow> {
    let policy = &project.policy;
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
    let lowest = last_place(&units, policy.last_place, policy.last_place_among);
    let last: Vec<String> = units
        .iter()
        .filter(|u| lowest.holds(u.total, u.vetoed()))
        .map(|u| u.id.clone())
        .collect();
    if last.len() > 1 {
        cut_ties.push(CutTie {
            cut: Cut::LastPlace,
            path: TomlPath::keys(&["policy", "last_place"]),
            places: 1,
            winners: last.clone(),
        });
    }
    mark(&mut units, &last, |u| u.last_place = true);
    let (awards, award_ties) =
        single_item_awards_reusing(project, &units, reuse).ok_or_else(|| Overflow {
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
            bonus: earns_bonus(policy, UnitKind::County),
            last_place: lowest,
        },
        department_rules: GroupRules {
            places: department_places,
            bonus: earns_bonus(policy, UnitKind::Department),
            last_place: LastPlace::NoneForDepartments,
        },
        individuals,
        tops,
    })
}

/// Scores one sheet on the given indicators: every row, then ([`unit_result`])
/// organisation, survey, task, penalty and total.
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
    let earns = earns_bonus(policy, kind);
    let mut items = Vec::new();
    let (mut earned, mut base) = (Decimal::ZERO, Decimal::ZERO);
    for (position, indicator, row) in indicators {
        let row = row.unwrap_or(&pending);
        let top = top.get(position).copied().flatten();
        let id = lookup.ids[position].clone();
        let mut item = score_row_as(policy, indicator, id, row, top, earns)
            .ok_or_else(|| overflow(Some(&indicator.id)))?;
        item.position = position;
        item.sum = sheet.sums.get(position).copied().flatten().cloned();
        earned = earned
            .checked_add(item.earned)
            .ok_or_else(|| overflow(None))?;
        base = base.checked_add(item.base).ok_or_else(|| overflow(None))?;
        items.push(item);
    }
    unit_result(
        lookup,
        (id, name, kind),
        sheet.scores,
        Items::new(items),
        (earned, base),
    )
    .ok_or_else(|| overflow(None))
}

/// A unit's result from its scored rows (`items`, with Σ earned and Σ base): the task
/// section (a county's is the sum of its rows; a department's is scaled to the section),
/// then organisation, survey, penalty and total.
pub(super) fn unit_result(
    lookup: &Lookup,
    (id, name, kind): (&str, &str, UnitKind),
    scores: &UnitScores,
    items: Items,
    (earned, base): (Decimal, Decimal),
) -> Option<UnitResult> {
    let project = lookup.project;
    let (task, task_exact) = if kind == UnitKind::Department {
        let task = department_task(&project.policy, project.sections.task, earned, base);
        let exact = department_task_exact(project.sections.task, earned, base);
        task.zip(exact)?
    } else {
        (earned, earned)
    };
    sheet_result(
        lookup,
        id,
        name,
        kind,
        scores,
        items,
        (task, task_exact, earned, base),
    )
}

/// Organisation, survey, penalty and total around an already scored task section
/// (`task` = (the section's score, before rounding, Σ earned, Σ base)).
fn sheet_result(
    lookup: &Lookup,
    id: &str,
    name: &str,
    kind: UnitKind,
    sheet: &UnitScores,
    items: Items,
    (task, task_exact, task_earned, task_base): (Decimal, Decimal, Decimal, Decimal),
) -> Option<UnitResult> {
    let project = lookup.project;
    let policy = &project.policy;
    let mut organization = Decimal::ZERO;
    let mut missing_org = 0;
    let mut organization_items = Vec::with_capacity(project.organization.len());
    for item in &project.organization {
        let value = if !item.applies(kind) {
            OrgScore::NotApplicable
        } else {
            match sheet.organization.get(&item.id) {
                Some(v) => OrgScore::Scored(round_score(*v, policy)),
                None => OrgScore::Missing,
            }
        };
        match value {
            OrgScore::Scored(value) => organization = organization.checked_add(value)?,
            OrgScore::Missing => missing_org += 1,
            OrgScore::NotApplicable => {}
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
        organization_max: project.organization_max_for(kind),
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

fn mark(group: &mut [UnitResult], ids: &[String], set: impl Fn(&mut UnitResult)) {
    for unit in group.iter_mut().filter(|u| ids.contains(&u.id)) {
        set(unit);
    }
}

//! [`Edit`]s applied to the typed [`Project`]. Every step mirrors one in
//! [`super::document`], so that loading the edited file gives the edited project.

use super::{Edit, insertion_index, rank_of_id, with_role};
use crate::project::scheme::{Entry, Field, Single};
use crate::project::{Project, UnitScores};
use indexmap::IndexMap;

pub(super) fn apply(p: &mut Project, edit: &Edit) {
    match edit {
        Edit::Selfcheck { edit } => {
            if edit.is_sheet_edit() {
                // The self-check sheets stand in for the assessed ones for this edit.
                std::mem::swap(&mut p.scores, &mut p.selfcheck);
                apply(p, edit);
                std::mem::swap(&mut p.scores, &mut p.selfcheck);
            }
        }
        Edit::AddReturn { entry } => p.returns.push(entry.clone()),
        Edit::RemoveReturn { index } => {
            if *index < p.returns.len() {
                p.returns.remove(*index);
            }
        }
        Edit::SetSurvey { unit, value } => {
            if let Some(sheet) = sheet(p, unit, value.is_some()) {
                sheet.survey = *value;
            }
        }
        Edit::SetOrg { unit, item, value } => {
            if p.org_item(item).is_none() {
                return;
            }
            let order: Vec<String> = p.organization.iter().map(|o| o.id.clone()).collect();
            if let Some(sheet) = sheet(p, unit, value.is_some()) {
                set_entry(&mut sheet.organization, item, *value, &order);
            }
        }
        Edit::SetRow {
            unit,
            indicator,
            row,
        } => {
            if p.indicator(indicator).is_none() {
                return;
            }
            let order: Vec<String> = p.indicators.iter().map(|i| i.id.clone()).collect();
            if let Some(sheet) = sheet(p, unit, row.is_some()) {
                set_entry(&mut sheet.indicators, indicator, row.clone(), &order);
            }
        }
        Edit::AddPenalty { unit, penalty } => {
            if let Some(sheet) = sheet(p, unit, true) {
                sheet.penalties.push(penalty.clone());
            }
        }
        Edit::SetPenalty {
            unit,
            index,
            penalty,
        } => {
            if let Some(slot) =
                sheet(p, unit, false).and_then(|sheet| sheet.penalties.get_mut(*index))
            {
                *slot = penalty.clone();
            }
        }
        Edit::RemovePenalty { unit, index } => {
            if let Some(sheet) = sheet(p, unit, false)
                && *index < sheet.penalties.len()
            {
                sheet.penalties.remove(*index);
            }
        }
        Edit::SetTitle { title } => p.title.clone_from(title),
        Edit::SetPolicy { field } => set_single(p, field),
        Edit::SetSections { field } => set_single(p, field),
        Edit::SetRole {
            indicator,
            department,
            role,
        } => {
            if p.department(department).is_none() {
                return;
            }
            if let Some(ind) = p.indicators.iter_mut().find(|i| i.id == *indicator) {
                let (lead, responsible, co) = with_role(
                    ind.lead.take(),
                    std::mem::take(&mut ind.responsible),
                    std::mem::take(&mut ind.co),
                    department,
                    *role,
                );
                ind.lead = lead;
                ind.responsible = responsible;
                ind.co = co;
            }
        }
        Edit::SetIndicator { id, field } => set_field(p, id, field),
        Edit::SetArea { id, field } => set_field(p, id, field),
        Edit::SetDepartment { id, field } => set_field(p, id, field),
        Edit::SetUnit { id, field } => set_field(p, id, field),
        Edit::SetOrgItem { id, field } => set_field(p, id, field),
        Edit::AddIndicator { indicator } => {
            if p.indicator(&indicator.id).is_some() {
                return;
            }
            let at = super::indicator_slot(
                p.indicators.iter().map(|i| i.area.as_str()),
                &indicator.area,
            );
            p.indicators.insert(at, indicator.clone());
        }
        Edit::RemoveIndicator { id } => {
            if let Some(at) = p.indicators.iter().position(|i| i.id == *id) {
                p.indicators.remove(at);
                remove_rows(p, std::slice::from_ref(id));
            }
        }
        Edit::AddArea { area } => {
            if p.area(&area.id).is_none() {
                p.areas.push(area.clone());
            }
        }
        Edit::RemoveArea { id } => {
            let Some(at) = p.areas.iter().position(|a| a.id == *id) else {
                return;
            };
            p.areas.remove(at);
            let removed: Vec<String> = p
                .indicators
                .iter()
                .filter(|i| i.area == *id)
                .map(|i| i.id.clone())
                .collect();
            p.indicators.retain(|i| i.area != *id);
            remove_rows(p, &removed);
            for award in &mut p.awards {
                award.areas.retain(|a| a != id);
            }
        }
        Edit::AddDepartment { department } => {
            if !taken(p, &department.id) {
                p.departments.push(department.clone());
            }
        }
        Edit::RemoveDepartment { id } => {
            let Some(at) = p.departments.iter().position(|d| d.id == *id) else {
                return;
            };
            p.departments.remove(at);
            for ind in &mut p.indicators {
                if ind.lead.as_deref() == Some(id) {
                    ind.lead = None;
                }
                ind.responsible.retain(|d| d != id);
                ind.co.retain(|d| d != id);
            }
            for award in &mut p.awards {
                if award.lead.as_deref() == Some(id) {
                    award.lead = None;
                }
            }
            for item in &mut p.organization {
                if item.lead.as_deref() == Some(id) {
                    item.lead = None;
                }
            }
            p.nominees.retain(|n| n.unit != *id);
            p.scores.shift_remove(id);
            p.selfcheck.shift_remove(id);
        }
        Edit::AddUnit { unit } => {
            if !taken(p, &unit.id) {
                p.units.push(unit.clone());
            }
        }
        Edit::RemoveUnit { id } => {
            let Some(at) = p.units.iter().position(|u| u.id == *id) else {
                return;
            };
            p.units.remove(at);
            p.scores.shift_remove(id);
            p.selfcheck.shift_remove(id);
            p.nominees.retain(|n| n.unit != *id);
            for ind in &mut p.indicators {
                for list in [&mut ind.units, &mut ind.pilot].into_iter().flatten() {
                    list.retain(|u| u != id);
                }
            }
        }
    }
}

/// Sets one field of the entry with this id (if there is one, and if what the value names
/// exists).
fn set_field<F: Field>(p: &mut Project, id: &str, field: &F)
where
    F::Table: Entry,
{
    if let Some(named) = field.names()
        && !(named.exists)(p, named.id)
    {
        return;
    }
    if let Some(entry) = F::Table::list_mut(p).iter_mut().find(|e| e.id() == id) {
        field.apply(entry);
    }
}

/// Sets one key of `[policy]` or `[sections]`.
fn set_single<F: Field>(p: &mut Project, field: &F)
where
    F::Table: Single,
{
    field.apply(F::Table::of_mut(p));
}

/// Whether an id is already used by a unit or a department (one namespace).
fn taken(p: &Project, id: &str) -> bool {
    p.unit(id).is_some() || p.department(id).is_some()
}

/// The score sheet of a unit or department, created at the end when missing and
/// `create`; `None` when the id names neither.
fn sheet<'p>(p: &'p mut Project, id: &str, create: bool) -> Option<&'p mut UnitScores> {
    if !taken(p, id) {
        return None;
    }
    if create {
        Some(p.scores.entry(id.to_string()).or_default())
    } else {
        p.scores.get_mut(id)
    }
}

/// Sets (`Some`) or removes (`None`) one entry of a sheet's map; a new entry goes after the
/// nearest one that precedes it in `order`.
fn set_entry<V>(map: &mut IndexMap<String, V>, key: &str, value: Option<V>, order: &[String]) {
    match value {
        None => {
            map.shift_remove(key);
        }
        Some(value) => {
            if let Some(slot) = map.get_mut(key) {
                *slot = value;
                return;
            }
            let at = match rank_of_id(order, key) {
                Some(rank) => insertion_index(
                    map.keys().map(String::as_str),
                    |k| rank_of_id(order, k),
                    rank,
                ),
                None => map.len(),
            };
            map.shift_insert(at, key.to_string(), value);
        }
    }
}

/// Removes the rows of these indicators from every sheet.
fn remove_rows(p: &mut Project, indicators: &[String]) {
    for sheet in p.scores.values_mut().chain(p.selfcheck.values_mut()) {
        for id in indicators {
            sheet.indicators.shift_remove(id);
        }
    }
}

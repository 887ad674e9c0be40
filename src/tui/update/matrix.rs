//! The matrix's commands: roles, the indicators' and areas' own fields (and their forms),
//! adding and removing indicators, areas and departments.

use super::super::model::*;
use super::super::msg::Action;
use super::knock::{bonus_earners, score_changes};
use super::overlay::{ask_removal, confirm_then};
use super::{commit, error, info, start_editing};
use crate::edit::form::Subject;
use crate::edit::{Edit, IndicatorField, OrgItemField};
use crate::i18n::{T, TuiText};
use crate::project::{Area, Department, Direction, Indicator, OrgItem, Role};
use crate::text::sanitize;

/// What the matrix cursor is on: its column, and the department, indicator and area there.
struct Spot {
    col: MatrixCol,
    department: Option<Department>,
    indicator: Option<Indicator>,
    /// The area of the row (an indicator's own area).
    area: Option<Area>,
    /// An organisation item's row.
    org_item: Option<OrgItem>,
}

impl Spot {
    fn of(model: &Model) -> Spot {
        let p = model.project();
        let col = model.ui.matrix.col;
        let row = model.matrix_row();
        let indicator = match row {
            Some(MatrixRow::Indicator(i)) => p.indicators.get(i).cloned(),
            _ => None,
        };
        let area = match row {
            Some(MatrixRow::Area(a)) => p.areas.get(a).cloned(),
            Some(MatrixRow::Indicator(i)) => p
                .indicators
                .get(i)
                .and_then(|ind| p.area(&ind.area))
                .cloned(),
            Some(MatrixRow::OrgItem(_)) | None => None,
        };
        let org_item = match row {
            Some(MatrixRow::OrgItem(o)) => p.organization.get(o).cloned(),
            _ => None,
        };
        Spot {
            col,
            department: col.department().and_then(|d| p.departments.get(d)).cloned(),
            indicator,
            area,
            org_item,
        }
    }
}

/// Runs a matrix command where the cursor is.
pub(super) fn act(model: &mut Model, action: Action) {
    let spot = Spot::of(model);
    let ind = spot.indicator.as_ref();
    if let Some(item) = &spot.org_item {
        return org_item_act(model, action, item, spot.department.as_ref());
    }
    match (action, ind) {
        (Action::Toggle, _) => toggle(model, &spot),
        (Action::Edit, _) => edit(model, &spot),
        (Action::ToggleBonus, Some(ind)) => toggle_bonus(model, ind),
        (Action::ToggleDirection, Some(ind)) => toggle_direction(model, ind),
        (Action::EditMeasure, Some(ind)) => edit_measure(model, ind),
        (Action::EditUnits, Some(ind)) => edit_units(model, ind),
        (Action::EditPilot, Some(ind)) => edit_pilot(model, ind),
        (Action::MoveToArea, Some(ind)) => move_to_area(model, ind),
        (Action::Fields, Some(ind)) => super::form::open(model, Subject::Indicator(ind.id.clone())),
        (Action::Fields, None) => {
            if let Some(area) = &spot.area {
                super::form::open(model, Subject::Area(area.id.clone()))
            }
        }
        (Action::Add, _) => match &spot.area {
            Some(area) => add_indicator(model, area),
            None => add_area(model),
        },
        (Action::AddArea, _) => add_area(model),
        (Action::AddDepartment, _) => add_department(model),
        (Action::Rename, _) => match &spot.department {
            Some(dept) => rename_department(model, dept),
            None => pick_department_column(model),
        },
        (Action::Remove, Some(ind)) => remove_indicator(model, ind),
        (Action::Remove, None) => {
            if let Some(area) = &spot.area {
                remove_area(model, area)
            }
        }
        (Action::RemoveDepartment, _) => match &spot.department {
            Some(dept) => remove_department(model, dept),
            None => pick_department_column(model),
        },
        _ => {}
    }
}

/// On an organisation item's row: Space or Enter on a department's column makes it the
/// lead (or no lead, when it is); `f` opens the item's form. Nothing else applies.
fn org_item_act(model: &mut Model, action: Action, item: &OrgItem, dept: Option<&Department>) {
    match (action, dept) {
        (Action::Toggle | Action::Edit, Some(dept)) => {
            let lead = (item.lead.as_deref() != Some(dept.id.as_str())).then(|| dept.id.clone());
            commit(
                model,
                Edit::SetOrgItem {
                    id: item.id.clone(),
                    field: OrgItemField::Lead(lead),
                },
            );
        }
        (Action::Fields, _) | (Action::Edit, None) => {
            super::form::open(model, Subject::OrgItem(item.id.clone()))
        }
        // Adding adds an area, as below the last area; the rest concern indicators.
        (Action::Add | Action::AddArea, _) => add_area(model),
        (Action::AddDepartment, _) => add_department(model),
        (Action::Rename, Some(dept)) => rename_department(model, dept),
        (Action::RemoveDepartment, Some(dept)) => remove_department(model, dept),
        (Action::Rename | Action::RemoveDepartment, None) => pick_department_column(model),
        _ => {}
    }
}

/// Space: on a department's column, the next role; on the bonus column, the flag.
fn toggle(model: &mut Model, spot: &Spot) {
    match (&spot.indicator, &spot.department) {
        (Some(ind), Some(dept)) => cycle_role(model, ind, dept),
        (Some(ind), None) if spot.col == MatrixCol::Bonus => toggle_bonus(model, ind),
        _ => {}
    }
}

/// Enter: a role cycles, a flag flips, a name or a number is typed.
fn edit(model: &mut Model, spot: &Spot) {
    match (&spot.indicator, &spot.department, &spot.area) {
        (Some(ind), Some(dept), _) => cycle_role(model, ind, dept),
        (Some(ind), None, _) => match spot.col {
            MatrixCol::Name => edit_indicator_name(model, ind),
            MatrixCol::Base => edit_base(model, ind),
            MatrixCol::Bonus | MatrixCol::Department(_) => toggle_bonus(model, ind),
        },
        (None, _, Some(area)) if spot.col == MatrixCol::Base => edit_area_max(model, area),
        (None, _, Some(area)) => edit_area_name(model, area),
        (None, _, None) => {}
    }
}

/// Cycles the department's role in the indicator: lead → responsible → co → none.
fn cycle_role(model: &mut Model, ind: &Indicator, dept: &Department) {
    let role = match ind.role_of(&dept.id) {
        None => Some(Role::Lead),
        Some(Role::Lead) => Some(Role::Responsible),
        Some(Role::Responsible) => Some(Role::Co),
        Some(Role::Co) => None,
    };
    let said = TuiText(model.lang);
    let (indicator, department) = (sanitize(&ind.name), sanitize(&dept.name));
    // Only a responsible department is assessed on an indicator: while it has a row for
    // it, it stays responsible, and the line says how to go on (not a refusal that reads
    // as if it were not responsible already).
    let has_row = model
        .project()
        .scores
        .get(&dept.id)
        .is_some_and(|s| s.indicators.contains_key(&ind.id));
    if has_row && !matches!(role, Some(Role::Lead | Role::Responsible)) {
        let text = said.role_keeps_row(&department, &indicator);
        super::error(model, text);
        return;
    }
    let what = match role {
        Some(role) => {
            let word = match role {
                Role::Lead => T::RoleLead,
                Role::Responsible => T::ExportRoleResponsible,
                Role::Co => T::RoleCo,
            };
            said.role_set(&department, &indicator, word.get(model.lang))
        }
        None => said.role_cleared(&department, &indicator),
    };
    scheme_change(
        model,
        Edit::SetRole {
            indicator: ind.id.clone(),
            department: dept.id.clone(),
            role,
        },
        what,
    );
}

/// Makes the indicator a bonus indicator, or no longer one.
fn toggle_bonus(model: &mut Model, ind: &Indicator) {
    let said = TuiText(model.lang);
    let name = sanitize(&ind.name);
    let what = if ind.bonus {
        said.bonus_off(&name)
    } else {
        said.bonus_on(&name)
    };
    scheme_change(
        model,
        set_field(ind, IndicatorField::Bonus(!ind.bonus)),
        what,
    );
}

/// Turns the indicator's direction: at least the target ↔ at most the target.
fn toggle_direction(model: &mut Model, ind: &Indicator) {
    let (direction, words) = match ind.direction {
        Direction::AtLeast => (Direction::AtMost, T::AtMost),
        Direction::AtMost => (Direction::AtLeast, T::AtLeast),
    };
    let what = TuiText(model.lang).direction_set(&sanitize(&ind.name), words.get(model.lang));
    scheme_change(
        model,
        set_field(ind, IndicatorField::Direction(direction)),
        what,
    );
}

/// Commits a change to the scheme (`what` says it) and says how many units' scores it
/// changed, worked out by scoring it first. One that takes something away — entered
/// score rows, or a bonus that some units earn now — asks first, saying what goes.
fn scheme_change(model: &mut Model, edit: Edit, what: String) {
    let said = TuiText(model.lang);
    let before = model.session.board.clone();
    if model.session.preview(&edit).is_err() {
        // Refused: the commit says why.
        commit(model, edit);
        return;
    }
    let changed = model
        .session
        .previewed()
        .map_or(0, |after| score_changes(&before, after).len());
    let done = if changed == 0 {
        said.scheme_unchanged(&what)
    } else {
        said.scheme_changed(&what, changed)
    };
    let cleared = crate::edit::Removed::by(model.project(), &edit).rows;
    let losing = match &edit {
        Edit::SetIndicator {
            id,
            field: IndicatorField::Bonus(false),
        } => bonus_earners(&before, id),
        _ => Vec::new(),
    };
    if cleared == 0 && losing.is_empty() {
        if commit(model, edit) {
            info(model, done);
        }
        return;
    }
    let mut lines = vec![said.scheme_question(&what)];
    if !losing.is_empty() {
        let names: Vec<String> = losing.iter().map(|n| sanitize(n)).collect();
        lines.push(said.bonus_lost(losing.len(), &names.join(model.lang.pick("、", ", "))));
    }
    if cleared > 0 {
        lines.push(said.rows_cleared(cleared));
    }
    lines.push(done.clone());
    lines.push(said.undo_hint(&crate::tui::keymap::mention(
        crate::tui::keymap::Mention::Undo,
        model.lang,
    )));
    // The question's box is 60 columns wide at 80: every word shows.
    let lines = lines
        .iter()
        .flat_map(|line| crate::tui::view::overlay::wrap(line, 58))
        .collect();
    confirm_then(model, lines, edit, Some(done));
}

fn set_field(ind: &Indicator, field: IndicatorField) -> Edit {
    Edit::SetIndicator {
        id: ind.id.clone(),
        field,
    }
}

/// Types a new name for the indicator, in its cell.
fn edit_indicator_name(model: &mut Model, ind: &Indicator) {
    start_editing(model, Target::IndicatorName(ind.id.clone()), &ind.name);
}

/// Types a new base score for the indicator, in its cell.
fn edit_base(model: &mut Model, ind: &Indicator) {
    let text = ind.base.to_string();
    start_editing(model, Target::IndicatorBase(ind.id.clone()), &text);
}

/// Types a new name for the area.
fn edit_area_name(model: &mut Model, area: &Area) {
    start_editing(model, Target::AreaName(area.id.clone()), &area.name);
}

/// Types a new maximum for the area.
fn edit_area_max(model: &mut Model, area: &Area) {
    let text = area.max.to_string();
    start_editing(model, Target::AreaMax(area.id.clone()), &text);
}

/// Types the indicator's unit of measure (人, 户).
fn edit_measure(model: &mut Model, ind: &Indicator) {
    let text = ind.measure.clone().unwrap_or_default();
    start_editing(model, Target::IndicatorMeasure(ind.id.clone()), &text);
}

/// Types the units the indicator applies to (empty: all).
fn edit_units(model: &mut Model, ind: &Indicator) {
    let text = ind.units.as_ref().map(|u| u.join(", ")).unwrap_or_default();
    start_editing(model, Target::IndicatorUnits(ind.id.clone()), &text);
}

/// Types the indicator's pilot units (empty: no pilot list).
fn edit_pilot(model: &mut Model, ind: &Indicator) {
    let text = ind.pilot.as_ref().map(|u| u.join(", ")).unwrap_or_default();
    start_editing(model, Target::IndicatorPilot(ind.id.clone()), &text);
}

/// Types the area to move the indicator to.
fn move_to_area(model: &mut Model, ind: &Indicator) {
    start_editing(model, Target::IndicatorArea(ind.id.clone()), &ind.area);
}

/// Types the name of a new indicator in the area.
fn add_indicator(model: &mut Model, area: &Area) {
    let target = Target::NewIndicator {
        area: area.id.clone(),
    };
    start_editing(model, target, "");
}

/// Types the name of a new area.
fn add_area(model: &mut Model) {
    start_editing(model, Target::NewArea, "");
}

/// Types the name of a new department.
fn add_department(model: &mut Model) {
    start_editing(model, Target::NewDepartment, "");
}

/// Types a new name for the department of the column.
fn rename_department(model: &mut Model, dept: &Department) {
    start_editing(model, Target::DepartmentName(dept.id.clone()), &dept.name);
}

/// Says that the key needs the cursor on a department's column.
fn pick_department_column(model: &mut Model) {
    let text = T::PickDepartmentColumn.get(model.lang).to_string();
    error(model, text);
}

/// Asks, then removes the indicator with its score rows.
fn remove_indicator(model: &mut Model, ind: &Indicator) {
    let edit = Edit::RemoveIndicator { id: ind.id.clone() };
    ask_removal(model, &sanitize(&ind.name), edit);
}

/// Asks, then removes the area with its indicators and their score rows.
fn remove_area(model: &mut Model, area: &Area) {
    let edit = Edit::RemoveArea {
        id: area.id.clone(),
    };
    ask_removal(model, &sanitize(&area.name), edit);
}

/// Asks, then removes the department of the column with its score sheet, its roles and
/// its nominees.
fn remove_department(model: &mut Model, dept: &Department) {
    let edit = Edit::RemoveDepartment {
        id: dept.id.clone(),
    };
    ask_removal(model, &sanitize(&dept.name), edit);
}

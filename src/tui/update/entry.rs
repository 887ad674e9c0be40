//! The entry pane's commands: on the unit list (open a sheet, rename, add, remove, county
//! or zone, the unit's form) and on a unit's sheet (type a value, flip a status or a penalty's level,
//! switch a row's kind, clear, add and remove penalties, explain, try a value).

use super::super::model::*;
use super::super::msg::Action;
use super::overlay::{ask_removal, explain_item, explain_unit, what_if};
use super::{commit, info, start_editing, start_scratch};
use crate::edit::Edit;
use crate::edit::form::Subject;
use crate::i18n;
use crate::project::{Penalty, PenaltyKind, Row, RowKind, UnitKind};
use crate::text::sanitize;
use crate::tui::keymap::{self, Mention};
use rust_decimal::Decimal;

/// Runs an entry command: on the list, or on the sheet where the cursor is.
pub(super) fn act(model: &mut Model, action: Action) {
    if !model.ui.entry.in_sheet {
        return list_act(model, action);
    }
    let Some((unit, line, field)) = model.entry_spot() else {
        return;
    };
    match action {
        Action::Edit => edit(model, &unit.id, line, field),
        Action::TypeOver(c) => type_over(model, &unit.id, line, field, c),
        Action::NextField(dir) => step_field(model, dir == super::super::msg::Dir::Right),
        Action::Toggle => toggle(model, &unit.id, line, field),
        Action::SwitchKind => switch_kind(model, &unit.id, line, field),
        Action::Clear => clear(model, &unit.id, line),
        Action::Add => add_penalty(model, &unit.id),
        Action::Remove => {
            if let Line::Penalty(index) = line {
                remove_penalty(model, &unit.id, index)
            }
        }
        Action::Explain => explain_line(model, &unit.id, line),
        Action::Fields => {
            if let Line::Org(i) = line
                && let Some(item) = model.project().organization.get(i)
            {
                let subject = Subject::OrgItem(item.id.clone());
                super::form::open(model, subject);
            }
        }
        Action::Scratch => match (line, field) {
            (Line::Row(_), Some(Field::Target | Field::Actual)) => try_value(model, &unit.id, line),
            _ => what_if(model),
        },
        _ => {}
    }
}

/// Runs a command of the unit list on the selected unit.
fn list_act(model: &mut Model, action: Action) {
    let Some(unit) = model.entry_unit() else {
        if action == Action::Add {
            add_unit(model);
        }
        return;
    };
    match action {
        Action::Enter | Action::Edit => open_sheet(model),
        Action::Rename => rename(model, &unit),
        Action::Add => add_unit(model),
        Action::ToggleKind if !unit.department => toggle_kind(model, &unit.id),
        Action::Remove => remove_unit(model, &unit),
        Action::Explain => explain_unit(model, &unit.id),
        Action::Fields => {
            let subject = if unit.department {
                Subject::Department(unit.id)
            } else {
                Subject::Unit(unit.id)
            };
            super::form::open(model, subject);
        }
        _ => {}
    }
}

// ---- the unit list ---------------------------------------------------------------------------

/// Leaves the list for the selected unit's sheet.
fn open_sheet(model: &mut Model) {
    model.ui.entry.in_sheet = true;
}

/// Types a new name for the selected county, zone or department.
fn rename(model: &mut Model, unit: &EntryUnit) {
    let target = if unit.department {
        Target::DepartmentName(unit.id.clone())
    } else {
        Target::UnitName(unit.id.clone())
    };
    start_editing(model, target, &unit.name);
}

/// Types the name of a new county.
fn add_unit(model: &mut Model) {
    start_editing(model, Target::NewUnit, "");
}

/// Makes a county the zone, or the zone a county.
fn toggle_kind(model: &mut Model, id: &str) {
    let kind = match model.project().unit(id).map(|u| u.kind) {
        Some(UnitKind::Zone) => UnitKind::County,
        _ => UnitKind::Zone,
    };
    let edit = Edit::SetUnit {
        id: id.to_string(),
        field: crate::edit::UnitField::Kind(kind),
    };
    commit(model, edit);
}

/// Asks, then removes the unit with its score sheet (and a department's roles).
fn remove_unit(model: &mut Model, unit: &EntryUnit) {
    let id = unit.id.clone();
    let edit = if unit.department {
        Edit::RemoveDepartment { id }
    } else {
        Edit::RemoveUnit { id }
    };
    ask_removal(model, &sanitize(&unit.name), edit);
}

// ---- the sheet -------------------------------------------------------------------------------

/// Enter / `e`: types into the field, starting from its value. Never changes a status or
/// a penalty's level (a wrong Enter must not veto a unit): there, says which key does.
fn edit(model: &mut Model, unit: &str, line: Line, field: Option<Field>) {
    match edit_target(model.project(), unit, line, field) {
        Some((target, text)) => start_editing(model, target, &text),
        None => say_not_typed(model, unit, line, field),
    }
}

/// A digit, `.` or `-` on a value cell: types a new value, the character replacing the
/// old value (as in a spreadsheet).
fn type_over(model: &mut Model, unit: &str, line: Line, field: Option<Field>, c: char) {
    match edit_target(model.project(), unit, line, field) {
        Some((target, _)) => start_editing(model, target, &c.to_string()),
        None => say_not_typed(model, unit, line, field),
    }
}

/// Why the field under the cursor takes no typing, and which key changes it.
fn say_not_typed(model: &mut Model, unit: &str, line: Line, field: Option<Field>) {
    let l = model.lang;
    let t = i18n::EntryText(l);
    let space = keymap::mention(Mention::PenaltyLevel, l);
    let text = match (line, field) {
        (Line::Row(ii), Some(Field::Status)) => {
            let p = model.project();
            use i18n::glossary::{en, zh};
            let row = p
                .indicators
                .get(ii)
                .and_then(|ind| p.scores.get(unit)?.indicators.get(&ind.id));
            let now = match row {
                Some(Row::Qualitative {
                    complete: false, ..
                }) => l.pick(zh::NOT_UP_TO_STANDARD, en::INCOMPLETE),
                Some(Row::Qualitative { .. }) => l.pick(zh::COMPLETE, en::COMPLETE),
                _ => l.pick(zh::PENDING, en::PENDING),
            };
            t.status_key(&space, now)
        }
        (Line::Row(_), Some(Field::Deduction)) => t.deduction_needs_incomplete(&space),
        (Line::Penalty(_), Some(Field::Level)) => t.level_key(&space),
        _ => return,
    };
    info(model, text);
}

/// Space: a status flips (complete ↔ incomplete), a penalty's level cycles (municipal →
/// provincial → points → municipal).
fn toggle(model: &mut Model, unit: &str, line: Line, field: Option<Field>) {
    let p = model.project();
    let sheet = p.scores.get(unit);
    let edit = match (line, field) {
        (Line::Row(ii), Some(Field::Status | Field::Deduction)) => {
            let Some(ind) = p.indicators.get(ii) else {
                return;
            };
            match sheet.and_then(|s| s.indicators.get(&ind.id)) {
                Some(Row::Qualitative { complete, .. }) => Edit::SetRow {
                    unit: unit.to_string(),
                    indicator: ind.id.clone(),
                    row: Some(Row::Qualitative {
                        complete: !complete,
                        deduction: None,
                    }),
                },
                // A new row of a qualitative indicator (`kind`) starts complete.
                None if ind.kind == Some(RowKind::Qualitative) => Edit::SetRow {
                    unit: unit.to_string(),
                    indicator: ind.id.clone(),
                    row: Some(Row::Qualitative {
                        complete: true,
                        deduction: None,
                    }),
                },
                _ => return,
            }
        }
        (Line::Penalty(i), Some(Field::Level)) => {
            let Some(penalty) = sheet.and_then(|s| s.penalties.get(i)) else {
                return;
            };
            let kind = match penalty.kind {
                PenaltyKind::Municipal => PenaltyKind::Provincial,
                PenaltyKind::Provincial => PenaltyKind::Points(Decimal::ONE),
                PenaltyKind::Points(_) => PenaltyKind::Municipal,
            };
            Edit::SetPenalty {
                unit: unit.to_string(),
                index: i,
                penalty: Penalty {
                    kind,
                    note: penalty.note.clone(),
                },
            }
        }
        _ => return,
    };
    let status_of = |edit: &Edit| match edit {
        Edit::SetRow {
            indicator,
            row: Some(Row::Qualitative { complete, .. }),
            ..
        } => Some((indicator.clone(), *complete)),
        _ => None,
    };
    let status = status_of(&edit);
    if commit(model, edit)
        && let Some((indicator, complete)) = status
    {
        say_veto(model, unit, &indicator, complete);
    }
}

/// After Space on a status: what it did to the unit's veto (`不达标 → 丙县一票否决`),
/// before the knock-on line when there is one.
fn say_veto(model: &mut Model, unit: &str, indicator: &str, complete: bool) {
    let l = model.lang;
    let t = i18n::EntryText(l);
    let p = model.project();
    let name = |id: &str| sanitize(p.indicator(id).map_or(id, |i| i.name.as_str()));
    let unit_name = sanitize(p.name_of(unit));
    let failed: Vec<String> = model
        .session
        .board
        .find(unit)
        .map(|u| u.failed.iter().map(|f| name(f)).collect())
        .unwrap_or_default();
    let text = if !complete {
        t.vetoed_now(&name(indicator), &unit_name)
    } else if failed.is_empty() {
        t.veto_lifted(&name(indicator), &unit_name)
    } else {
        t.still_vetoed(
            &name(indicator),
            &unit_name,
            &i18n::CommonText(l).list(&failed),
        )
    };
    let text = match model.ui.status.take() {
        Some(knock_on) => i18n::CommonText(l).clauses(&[text, knock_on.text]),
        None => text,
    };
    info(model, text);
}

/// Switches an indicator row between quantitative and qualitative (its values go; `u`
/// brings them back) — unless its indicator fixes the kind (`kind = ...`): then says so.
fn switch_kind(model: &mut Model, unit: &str, line: Line, field: Option<Field>) {
    let Line::Row(ii) = line else {
        return;
    };
    let p = model.project();
    let Some(ind) = p.indicators.get(ii) else {
        return;
    };
    if field == Some(Field::Prep) {
        return;
    }
    // An indicator that fixes its rows' kind offers only that kind.
    if let Some(kind) = ind.kind {
        let word = match kind {
            RowKind::Quantitative => crate::i18n::T::KindQuantitative,
            RowKind::Qualitative => crate::i18n::T::KindQualitative,
        };
        let l = model.lang;
        let text = i18n::TuiText(l).kind_fixed(&sanitize(&ind.name), word.get(l));
        super::error(model, text);
        return;
    }
    let old = p
        .scores
        .get(unit)
        .and_then(|s| s.indicators.get(&ind.id))
        .cloned();
    let new = match old {
        Some(Row::Qualitative { .. }) => None,
        _ => Some(Row::Qualitative {
            complete: true,
            deduction: None,
        }),
    };
    let edit = Edit::SetRow {
        unit: unit.to_string(),
        indicator: ind.id.clone(),
        row: new,
    };
    let l = model.lang;
    // A switch that deletes entered values asks first, naming them (issue 11).
    let shown = |v: Option<rust_decimal::Decimal>| v.map(|v| v.normalize().to_string());
    let lost = match &old {
        Some(Row::Quantitative { target, actual }) if target.is_some() || actual.is_some() => {
            Some(i18n::EntryText(l).switch_loses_numbers(
                &sanitize(&ind.name),
                shown(*target).as_deref().unwrap_or("—"),
                shown(*actual).as_deref().unwrap_or("—"),
            ))
        }
        Some(Row::Qualitative {
            complete,
            deduction,
        }) => Some(i18n::EntryText(l).switch_loses_status(
            &sanitize(&ind.name),
            *complete,
            shown(*deduction).as_deref(),
        )),
        _ => None,
    };
    if let Some(question) = lost {
        let done = i18n::TuiText(l).kind_switched(&keymap::mention(Mention::Undo, l));
        super::overlay::confirm_then(model, vec![question], edit, Some(done));
        return;
    }
    if commit(model, edit) {
        info(
            model,
            i18n::TuiText(l).kind_switched(&keymap::mention(Mention::Undo, l)),
        );
    }
}

/// Clears the value of the line (it becomes pending); a penalty goes.
fn clear(model: &mut Model, unit: &str, line: Line) {
    let p = model.project();
    let unit = unit.to_string();
    let edit = match line {
        Line::Survey => Some(Edit::SetSurvey { unit, value: None }),
        Line::Org(i) => p.organization.get(i).map(|o| Edit::SetOrg {
            unit,
            item: o.id.clone(),
            value: None,
        }),
        Line::Row(ii) => p.indicators.get(ii).map(|ind| Edit::SetRow {
            unit,
            indicator: ind.id.clone(),
            row: None,
        }),
        Line::Penalty(index) => Some(Edit::RemovePenalty { unit, index }),
        Line::NoPenalty | Line::Area(_) => None,
    };
    if let Some(edit) = edit {
        commit(model, edit);
    }
}

/// Adds a municipal penalty and types its note.
fn add_penalty(model: &mut Model, unit: &str) {
    let index = model
        .project()
        .scores
        .get(unit)
        .map_or(0, |s| s.penalties.len());
    let penalty = Penalty {
        kind: PenaltyKind::Municipal,
        note: String::new(),
    };
    let added = commit(
        model,
        Edit::AddPenalty {
            unit: unit.to_string(),
            penalty,
        },
    );
    if !added {
        return;
    }
    let lines = sheet_lines(model.project(), unit);
    model.ui.entry.line = lines
        .iter()
        .position(|l| *l == Line::Penalty(index))
        .unwrap_or(0);
    model.ui.entry.field = 1;
    let target = Target::Sheet {
        unit: unit.to_string(),
        field: SheetField::PenaltyNote(index),
    };
    start_editing(model, target, "");
}

/// Removes the penalty under the cursor.
fn remove_penalty(model: &mut Model, unit: &str, index: usize) {
    let edit = Edit::RemovePenalty {
        unit: unit.to_string(),
        index,
    };
    commit(model, edit);
}

/// Shows how the row's score comes about (on any other line: the unit's whole score).
fn explain_line(model: &mut Model, unit: &str, line: Line) {
    let indicator = match line {
        Line::Row(ii) => model.project().indicators.get(ii).map(|i| i.id.clone()),
        _ => None,
    };
    if !indicator.is_some_and(|ind| explain_item(model, unit, &ind)) {
        explain_unit(model, unit);
    }
}

/// Tries another actual (or target) without saving it: every unit's score on the
/// indicator shows how it would move.
fn try_value(model: &mut Model, unit: &str, line: Line) {
    if let Some((target, text)) = edit_target(model.project(), unit, line, Some(Field::Actual)) {
        model.ui.entry.field = 1;
        start_scratch(model, target, &text);
    }
}

/// Tab / Shift-Tab in the sheet (typing or not): the next (or previous) field the
/// cursor can stand on, on to the next (previous) line, over headings; not typing.
pub(super) fn step_field(model: &mut Model, forward: bool) {
    if model.ui.pane.0 != Pane::Entry || !model.ui.entry.in_sheet {
        return;
    }
    let Some(unit) = model.entry_unit() else {
        return;
    };
    let p = model.project();
    let lines = sheet_lines(p, &unit.id);
    let counts: Vec<usize> = lines
        .iter()
        .map(|l| line_fields(p, &unit.id, *l).len())
        .collect();
    let field = model.entry_field_index();
    if let Some((line, field)) = next_stop(&counts, model.ui.entry.line, field, forward) {
        model.ui.entry.line = line;
        model.ui.entry.field = field;
    }
}

/// The next stop after (`forward`) or before field `field` of line `line`, over lines of
/// `counts[line]` fields each (lines without fields are passed over); `None` at either
/// end of the sheet.
pub(super) fn next_stop(
    counts: &[usize],
    line: usize,
    field: usize,
    forward: bool,
) -> Option<(usize, usize)> {
    if forward {
        if field + 1 < counts.get(line).copied().unwrap_or(0) {
            return Some((line, field + 1));
        }
        (line + 1..counts.len())
            .find(|&l| counts[l] > 0)
            .map(|l| (l, 0))
    } else {
        if field > 0 {
            return Some((line, field - 1));
        }
        (0..line.min(counts.len()))
            .rev()
            .find(|&l| counts[l] > 0)
            .map(|l| (l, counts[l] - 1))
    }
}

/// Enter, ↑ or ↓ after a commit in the sheet: the same field of the nearest line below
/// (`down`) or above that has it, over headings and lines without it (a column of
/// actuals is typed top to bottom); the cursor stays when there is none.
pub(super) fn move_in_column(model: &mut Model, down: bool) {
    if model.ui.pane.0 != Pane::Entry || !model.ui.entry.in_sheet {
        return;
    }
    let Some((unit, _, Some(field))) = model.entry_spot() else {
        return;
    };
    let p = model.project();
    let lines = sheet_lines(p, &unit.id);
    let fields: Vec<&[Field]> = lines.iter().map(|l| line_fields(p, &unit.id, *l)).collect();
    if let Some((line, at)) = same_field(&fields, model.ui.entry.line, field, down) {
        model.ui.entry.line = line;
        model.ui.entry.field = at;
    }
}

/// The nearest line below (`down`) or above `line` whose fields hold `field`, and its
/// index there.
pub(super) fn same_field(
    fields: &[&[Field]],
    line: usize,
    field: Field,
    down: bool,
) -> Option<(usize, usize)> {
    let at = |l: usize| fields[l].iter().position(|f| *f == field).map(|i| (l, i));
    if down {
        (line + 1..fields.len()).find_map(at)
    } else {
        (0..line.min(fields.len())).rev().find_map(at)
    }
}

/// What typing into a sheet field edits, and the text it starts with; `None` for fields
/// that toggle instead (a status, a penalty's level).
fn edit_target(
    p: &crate::project::Project,
    unit: &str,
    line: Line,
    field: Option<Field>,
) -> Option<(Target, String)> {
    let sheet = p.scores.get(unit);
    let text = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    let field = field?;
    let (sheet_field, current) = match line {
        Line::Survey => (SheetField::Survey, text(sheet.and_then(|s| s.survey))),
        Line::Org(i) => {
            let item = &p.organization.get(i)?.id;
            (
                SheetField::Org(item.clone()),
                text(sheet.and_then(|s| s.organization.get(item).copied())),
            )
        }
        Line::Row(ii) => {
            let ind = p.indicators.get(ii)?;
            let row = sheet.and_then(|s| s.indicators.get(&ind.id));
            let id = ind.id.clone();
            match (field, row) {
                (Field::Target, Some(Row::Quantitative { target, .. })) => {
                    (SheetField::Target(id), text(*target))
                }
                (Field::Target, _) => (SheetField::Target(id), String::new()),
                (Field::Actual, Some(Row::Quantitative { actual, .. })) => {
                    (SheetField::Actual(id), text(*actual))
                }
                (Field::Actual, _) => (SheetField::Actual(id), String::new()),
                (
                    Field::Deduction,
                    Some(Row::Qualitative {
                        complete: false,
                        deduction,
                    }),
                ) => (SheetField::Deduction(id), text(*deduction)),
                (Field::Prep, Some(Row::Preparation { prep })) => {
                    (SheetField::Prep(id), prep.to_string())
                }
                (Field::Prep, _) => (SheetField::Prep(id), String::new()),
                _ => return None,
            }
        }
        Line::Penalty(i) => {
            let penalty = sheet?.penalties.get(i)?;
            match (field, penalty.kind) {
                (Field::Note, _) => (SheetField::PenaltyNote(i), penalty.note.clone()),
                (Field::Level, PenaltyKind::Points(points)) => {
                    (SheetField::PenaltyPoints(i), points.to_string())
                }
                _ => return None,
            }
        }
        Line::NoPenalty | Line::Area(_) => return None,
    };
    Some((
        Target::Sheet {
            unit: unit.to_string(),
            field: sheet_field,
        },
        current,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_stops_on_every_field_and_passes_over_lines_without_one() {
        // An item, a heading, a target/actual row, "no penalties".
        let counts = [1, 0, 2, 0];
        assert_eq!(next_stop(&counts, 0, 0, true), Some((2, 0)));
        assert_eq!(next_stop(&counts, 2, 0, true), Some((2, 1)));
        assert_eq!(next_stop(&counts, 2, 1, true), None);
        assert_eq!(next_stop(&counts, 2, 0, false), Some((0, 0)));
        assert_eq!(next_stop(&counts, 2, 1, false), Some((2, 0)));
        assert_eq!(next_stop(&counts, 0, 0, false), None);
    }

    #[test]
    fn the_column_goes_to_the_nearest_line_with_the_same_field() {
        use Field::*;
        let fields: [&[Field]; 5] = [
            &[Target, Actual],
            &[],
            &[Prep],
            &[Status, Deduction],
            &[Target, Actual],
        ];
        assert_eq!(same_field(&fields, 0, Actual, true), Some((4, 1)));
        assert_eq!(same_field(&fields, 4, Actual, false), Some((0, 1)));
        assert_eq!(same_field(&fields, 4, Actual, true), None);
        assert_eq!(same_field(&fields, 0, Prep, true), Some((2, 0)));
        assert_eq!(same_field(&fields, 3, Status, true), None);
    }
}

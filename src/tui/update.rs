//! `update`: the only place that changes the program's state. Keys arrive as messages
//! (through the keymap); edits go to the session, which checks, scores and saves them.

use super::input::Input;
use super::keymap::{self, Context};
use super::model::*;
use super::msg::{Action, Msg};
use crate::edit::{Edit, IndicatorField};
use crate::i18n::{T, problem_message};
use crate::project::{
    Area, Department, Direction, Indicator, PathSeg, Penalty, PenaltyKind, Role, Row, Unit,
    UnitKind, parse_decimal_text,
};
use crate::text::sanitize;
use crossterm::event::KeyEvent;
use rust_decimal::Decimal;

/// Lines of the screen that are not the pane's body: header, tabs, separator, status,
/// footer, and the pane's own header row.
pub const CHROME_ROWS: u16 = 6;

/// The contexts whose bindings apply now, most specific first.
pub fn contexts(model: &Model) -> Vec<Context> {
    if let Some(overlay) = &model.ui.overlay {
        return vec![match overlay {
            Overlay::Help { .. } => Context::Help,
            Overlay::Explain { .. } => Context::Explain,
            Overlay::Confirm { .. } | Overlay::Recover(_) => Context::Confirm,
            Overlay::Conflict => Context::Conflict,
        }];
    }
    base_contexts(model)
}

/// The contexts under any overlay: what the help lists.
pub fn base_contexts(model: &Model) -> Vec<Context> {
    match &model.ui.mode {
        Mode::Editing(_) => return vec![Context::Typing],
        Mode::Finding(_) => return vec![Context::Finding, Context::Typing],
        Mode::Normal => {}
    }
    if model.ui.ranking.presenting {
        return vec![Context::Presentation];
    }
    let pane = match model.ui.pane.0 {
        Pane::Matrix => Context::Matrix,
        Pane::Entry if model.ui.entry.in_sheet => Context::EntrySheet,
        Pane::Entry => Context::EntryList,
        Pane::Totals => Context::Totals,
        Pane::Ranking => Context::Ranking,
        Pane::Problems => Context::Problems,
    };
    vec![pane, Context::Global]
}

/// The message a key means now, if any.
pub fn msg_for_key(model: &Model, event: &KeyEvent) -> Option<Msg> {
    let key = keymap::key_of(event)?;
    let contexts = contexts(model);
    if let Some(action) = keymap::lookup(&contexts, key) {
        return Some(Msg::Act(action));
    }
    let typing =
        matches!(model.ui.mode, Mode::Editing(_) | Mode::Finding(_)) && model.ui.overlay.is_none();
    match key.code {
        crossterm::event::KeyCode::Char(c) if typing && !key.ctrl => Some(Msg::Char(c)),
        _ => None,
    }
}

/// Applies a message to the model.
pub fn update(model: &mut Model, msg: Msg) {
    match msg {
        Msg::Resize(w, h) => model.size = (w, h),
        Msg::Char(c) => type_text(model, &c.to_string()),
        Msg::Paste(text) => {
            if matches!(model.ui.mode, Mode::Editing(_) | Mode::Finding(_)) {
                type_text(model, &text);
            }
        }
        Msg::Act(action) => act(model, action),
        Msg::FileChanged => file_changed(model),
    }
    clamp(model);
}

/// The file changed on disk: follow it, or ask what to do when edits wait to be written.
fn file_changed(model: &mut Model) {
    use crate::session::DiskChange;
    let l = model.lang;
    if model.session.conflict {
        model.ui.overlay = Some(Overlay::Conflict);
        return;
    }
    match model.session.disk_changed() {
        DiskChange::Nothing => {}
        DiskChange::Reloaded => info(model, T::Reloaded.get(l).to_string()),
        DiskChange::Conflict => model.ui.overlay = Some(Overlay::Conflict),
        DiskChange::Broken(problems) => {
            let first = problems
                .iter()
                .find(|p| p.is_error())
                .map(|p| format!("{}: {}", p.path, problem_message(&p.kind, l)));
            error(
                model,
                format!("{} {}", T::DiskBroken.get(l), first.unwrap_or_default()),
            );
        }
        DiskChange::Unreadable(e) => error(model, format!("{} {e}", T::DiskBroken.get(l))),
    }
}

fn act(model: &mut Model, action: Action) {
    if model.ui.overlay.is_some() {
        return overlay_action(model, action);
    }
    match model.ui.mode {
        Mode::Editing(_) => return editing_action(model, action),
        Mode::Finding(_) => return finding_action(model, action),
        Mode::Normal => {}
    }
    model.ui.status = None;
    if model.ui.ranking.presenting {
        match action {
            Action::PageDown => model.ui.ranking.page += 1,
            Action::PageUp => model.ui.ranking.page = model.ui.ranking.page.saturating_sub(1),
            Action::Presentation => model.ui.ranking.presenting = false,
            _ => {}
        }
        return;
    }
    match action {
        Action::Quit => model.quit = true,
        Action::ShowPane(pane) => model.ui.pane.0 = pane,
        Action::NextPane => model.ui.pane.0 = Pane::ALL[(model.ui.pane.0.index() + 1) % 5],
        Action::PrevPane => model.ui.pane.0 = Pane::ALL[(model.ui.pane.0.index() + 4) % 5],
        Action::Help => model.ui.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::Undo => history(model, true),
        Action::Redo => history(model, false),
        Action::WhatIf => what_if(model),
        Action::Compare => start_editing(model, Target::CompareWith, ""),
        Action::Export => {
            let stem = model
                .session
                .path()
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "kaoping".into());
            start_editing(model, Target::ExportTo, &format!("{stem}.xlsx"));
        }
        Action::Find => {
            model.ui.mode = Mode::Finding(Finding {
                input: Input::default(),
                matches: Vec::new(),
                selected: 0,
            })
        }
        Action::Up
        | Action::Down
        | Action::Left
        | Action::Right
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => move_cursor(model, action),
        _ => match model.ui.pane.0 {
            Pane::Matrix => matrix_action(model, action),
            Pane::Entry => entry_action(model, action),
            Pane::Totals => totals_action(model, action),
            Pane::Ranking => ranking_action(model, action),
            Pane::Problems => problems_action(model, action),
        },
    }
}

fn info(model: &mut Model, text: String) {
    model.ui.status = Some(Status { text, error: false });
}

fn error(model: &mut Model, text: String) {
    model.ui.status = Some(Status { text, error: true });
}

fn read_only(model: &mut Model) -> bool {
    let reason = match &model.session.read_only {
        None => return false,
        Some(crate::session::ReadOnlyReason::Locked(holder)) => {
            format!(
                "{} {} {holder}",
                T::ReadOnlyRefused.get(model.lang),
                T::LockedBy.get(model.lang)
            )
        }
        Some(crate::session::ReadOnlyReason::Newer(format)) => {
            format!(
                "{} {} {format}",
                T::ReadOnlyRefused.get(model.lang),
                T::NewerFormat.get(model.lang)
            )
        }
        Some(crate::session::ReadOnlyReason::Asked) => {
            T::ReadOnlyRefused.get(model.lang).to_string()
        }
    };
    error(model, reason);
    true
}

fn history(model: &mut Model, back: bool) {
    if read_only(model) {
        return;
    }
    let done = if back {
        model.session.undo()
    } else {
        model.session.redo()
    };
    let text = match (done, back) {
        (true, true) => T::Undone,
        (true, false) => T::Redone,
        (false, true) => T::NothingToUndo,
        (false, false) => T::NothingToRedo,
    };
    info(model, text.get(model.lang).to_string());
}

/// Commits an edit; a refusal goes to the status line.
fn commit(model: &mut Model, edit: Edit) -> bool {
    if read_only(model) {
        return false;
    }
    match model.session.commit(edit) {
        Ok(()) => true,
        Err(rejected) => {
            let text = format!(
                "{} {}",
                T::Refused.get(model.lang),
                rejected.message(model.lang)
            );
            error(model, text);
            false
        }
    }
}

fn start_editing(model: &mut Model, target: Target, text: &str) {
    let changes_project = !matches!(
        target,
        Target::SaveAs | Target::CompareWith | Target::ExportTo
    );
    if changes_project && read_only(model) {
        return;
    }
    model.ui.mode = Mode::Editing(Editing {
        target,
        input: Input::new(text),
        error: None,
        preview: false,
        scratch: false,
    });
    refresh_preview(model);
}

/// Starts trying a value without saving it: the previews show, nothing is committed.
fn start_scratch(model: &mut Model, target: Target, text: &str) {
    model.ui.mode = Mode::Editing(Editing {
        target,
        input: Input::new(text),
        error: None,
        preview: false,
        scratch: true,
    });
    refresh_preview(model);
}

/// The unit the pane's selection is on: the entry pane's unit, or the selected row of the
/// ranking or the totals.
pub fn selected_unit(model: &Model) -> Option<String> {
    match model.ui.pane.0 {
        Pane::Entry => model.entry_unit().map(|u| u.id),
        Pane::Ranking => ranking_selected(model).map(|u| u.id.clone()),
        Pane::Totals => totals_order(model).get(model.ui.totals.row).cloned(),
        _ => None,
    }
}

/// What-if for the selected unit, in an overlay.
fn what_if(model: &mut Model) {
    let Some(id) = selected_unit(model) else {
        return;
    };
    let p = &model.session.project;
    let whatif = crate::whatif::whatif(p, &model.session.board, &id);
    if let Some(lines) = whatif.map(|w| crate::i18n::whatif::lines(&w, model.lang)) {
        let title = format!(
            "{} · {}",
            T::WhatIfTitle.get(model.lang),
            sanitize(p.name_of(&id))
        );
        model.ui.overlay = Some(Overlay::Explain {
            title,
            lines,
            scroll: 0,
        });
    }
}

// ---- movement ------------------------------------------------------------------------

/// Rows of the body that a pane can use for its list.
pub fn body_rows(model: &Model) -> usize {
    usize::from(model.size.1.saturating_sub(CHROME_ROWS)).max(1)
}

fn step(pos: usize, len: usize, action: Action, page: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    match action {
        Action::Up => pos.saturating_sub(1),
        Action::Down => (pos + 1).min(last),
        Action::PageUp => pos.saturating_sub(page),
        Action::PageDown => (pos + page).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => pos.min(last),
    }
}

fn move_cursor(model: &mut Model, action: Action) {
    let page = body_rows(model).saturating_sub(1).max(1);
    let p = &model.session.project;
    match model.ui.pane.0 {
        Pane::Matrix => {
            let rows = matrix_rows(p);
            let m = &mut model.ui.matrix;
            match action {
                Action::Left => m.col = m.col.saturating_sub(1),
                Action::Right => {
                    m.col = (m.col + 1).min(MATRIX_FIXED_COLS + p.departments.len() - 1)
                }
                _ => m.row = step(m.row, rows.len(), action, page),
            }
        }
        Pane::Entry => {
            let units = entry_units(p);
            let e = &mut model.ui.entry;
            if !e.in_sheet {
                match action {
                    Action::Right => e.in_sheet = true,
                    Action::Left => {}
                    _ => {
                        let before = e.unit;
                        e.unit = step(e.unit, units.len(), action, page);
                        if e.unit != before {
                            e.line = 0;
                            e.field = 0;
                            e.top = 0;
                        }
                    }
                }
                return;
            }
            let Some(unit) = units.get(e.unit) else {
                return;
            };
            let lines = sheet_lines(p, &unit.id);
            match action {
                Action::Left if e.field == 0 => e.in_sheet = false,
                Action::Left => e.field -= 1,
                Action::Right => {
                    let fields = lines
                        .get(e.line)
                        .map_or(0, |l| line_fields(p, &unit.id, *l).len());
                    e.field = (e.field + 1).min(fields.saturating_sub(1));
                }
                _ => {
                    let before = e.line;
                    e.line = step(e.line, lines.len(), action, page);
                    // The cursor passes over area headings.
                    let down = e.line >= before;
                    while matches!(lines.get(e.line), Some(Line::Area(_))) {
                        match (down, e.line + 1 < lines.len()) {
                            (true, true) => e.line += 1,
                            _ if e.line > 0 => e.line -= 1,
                            _ => break,
                        }
                    }
                }
            }
        }
        Pane::Totals => {
            let t = &mut model.ui.totals;
            match action {
                Action::Left => t.col = t.col.saturating_sub(1),
                Action::Right => t.col = (t.col + 1).min(totals_columns(p) - 1),
                _ => {
                    t.row = step(
                        t.row,
                        p.units.len() + model.session.board.departments.len(),
                        action,
                        page,
                    )
                }
            }
        }
        Pane::Ranking => {
            let len = model.ranking_len();
            let r = &mut model.ui.ranking;
            r.row = step(r.row, len, action, page);
        }
        Pane::Problems => {
            let len = model.session.problems.len();
            let l = &mut model.ui.problems;
            l.row = step(l.row, len, action, page);
        }
    }
}

/// The columns of the totals pane: organisation, survey, each area, task, penalty, total.
pub fn totals_columns(p: &crate::project::Project) -> usize {
    p.areas.len() + 5
}

/// Keeps every cursor inside its list and visible.
fn clamp(model: &mut Model) {
    let p = &model.session.project;
    let height = body_rows(model);
    let fit = |top: &mut usize, row: usize, height: usize| {
        if row < *top {
            *top = row;
        } else if row >= *top + height {
            *top = row + 1 - height;
        }
    };
    let rows = matrix_rows(p).len();
    let m = &mut model.ui.matrix;
    m.row = m.row.min(rows.saturating_sub(1));
    m.col = m
        .col
        .min(MATRIX_FIXED_COLS + p.departments.len().max(1) - 1);
    // The matrix has a header line of department names.
    fit(&mut m.top, m.row, height);
    let units = entry_units(p);
    let e = &mut model.ui.entry;
    e.unit = e.unit.min(units.len().saturating_sub(1));
    fit(&mut e.unit_top, e.unit, height + 1);
    if let Some(unit) = units.get(e.unit) {
        let lines = sheet_lines(p, &unit.id);
        e.line = e.line.min(lines.len().saturating_sub(1));
        if matches!(lines.get(e.line), Some(Line::Area(_))) {
            e.line += 1;
        }
        let fields = lines
            .get(e.line)
            .map_or(0, |l| line_fields(p, &unit.id, *l).len());
        e.field = e.field.min(fields.saturating_sub(1));
        // The sheet's first line is the unit's summary.
        fit(&mut e.top, e.line, height.saturating_sub(1).max(1));
    }
    let t = &mut model.ui.totals;
    t.row = t
        .row
        .min((p.units.len() + model.session.board.departments.len()).saturating_sub(1));
    t.col = t.col.min(totals_columns(p) - 1);
    fit(&mut t.top, t.row, height);
    let len = model.session.board.units.len() + model.session.board.departments.len();
    let r = &mut model.ui.ranking;
    r.row = r.row.min(len.saturating_sub(1));
    // Two group headings share the body with the rows.
    fit(&mut r.top, r.row, height.saturating_sub(3).max(1));
    let l = &mut model.ui.problems;
    l.row = l.row.min(model.session.problems.len().saturating_sub(1));
    fit(&mut l.top, l.row, height + 1);
}

// ---- the matrix ----------------------------------------------------------------------

fn matrix_action(model: &mut Model, action: Action) {
    let p = &model.session.project;
    let row = matrix_rows(p).get(model.ui.matrix.row).copied();
    let col = model.ui.matrix.col;
    let department = col
        .checked_sub(MATRIX_FIXED_COLS)
        .and_then(|d| p.departments.get(d))
        .cloned();
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
        None => None,
    };
    match (action, &indicator) {
        (Action::Toggle | Action::Edit, Some(ind)) if department.is_some() => {
            if let Some(dept) = &department {
                let role = match ind.role_of(&dept.id) {
                    None => Some(Role::Lead),
                    Some(Role::Lead) => Some(Role::Responsible),
                    Some(Role::Responsible) => Some(Role::Co),
                    Some(Role::Co) => None,
                };
                commit(
                    model,
                    Edit::SetRole {
                        indicator: ind.id.clone(),
                        department: dept.id.clone(),
                        role,
                    },
                );
            }
        }
        (Action::Toggle | Action::ToggleBonus, Some(ind))
            if col == 2 || action == Action::ToggleBonus =>
        {
            let field = IndicatorField::Bonus(!ind.bonus);
            commit(
                model,
                Edit::SetIndicator {
                    id: ind.id.clone(),
                    field,
                },
            );
        }
        (Action::Edit, Some(ind)) => match col {
            0 => start_editing(model, Target::IndicatorName(ind.id.clone()), &ind.name),
            1 => start_editing(
                model,
                Target::IndicatorBase(ind.id.clone()),
                &ind.base.to_string(),
            ),
            _ => {
                let field = IndicatorField::Bonus(!ind.bonus);
                commit(
                    model,
                    Edit::SetIndicator {
                        id: ind.id.clone(),
                        field,
                    },
                );
            }
        },
        (Action::Edit, None) => {
            if let Some(area) = &area {
                if col == 1 {
                    start_editing(
                        model,
                        Target::AreaMax(area.id.clone()),
                        &area.max.to_string(),
                    );
                } else {
                    start_editing(model, Target::AreaName(area.id.clone()), &area.name);
                }
            }
        }
        (Action::ToggleDirection, Some(ind)) => {
            let direction = match ind.direction {
                Direction::AtLeast => Direction::AtMost,
                Direction::AtMost => Direction::AtLeast,
            };
            commit(
                model,
                Edit::SetIndicator {
                    id: ind.id.clone(),
                    field: IndicatorField::Direction(direction),
                },
            );
        }
        (Action::EditMeasure, Some(ind)) => {
            let text = ind.measure.clone().unwrap_or_default();
            start_editing(model, Target::IndicatorMeasure(ind.id.clone()), &text);
        }
        (Action::EditUnits, Some(ind)) => {
            let text = ind.units.as_ref().map(|u| u.join(", ")).unwrap_or_default();
            start_editing(model, Target::IndicatorUnits(ind.id.clone()), &text);
        }
        (Action::EditPilot, Some(ind)) => {
            let text = ind.pilot.as_ref().map(|u| u.join(", ")).unwrap_or_default();
            start_editing(model, Target::IndicatorPilot(ind.id.clone()), &text);
        }
        (Action::MoveToArea, Some(ind)) => {
            start_editing(
                model,
                Target::IndicatorArea(ind.id.clone()),
                &ind.area.clone(),
            );
        }
        (Action::Add, _) => match &area {
            Some(area) => start_editing(
                model,
                Target::NewIndicator {
                    area: area.id.clone(),
                },
                "",
            ),
            None => start_editing(model, Target::NewArea, ""),
        },
        (Action::AddArea, _) => start_editing(model, Target::NewArea, ""),
        (Action::AddDepartment, _) => start_editing(model, Target::NewDepartment, ""),
        (Action::Rename, _) => match &department {
            Some(dept) => start_editing(model, Target::DepartmentName(dept.id.clone()), &dept.name),
            None => {
                let text = T::PickDepartmentColumn.get(model.lang).to_string();
                error(model, text);
            }
        },
        (Action::Remove, Some(ind)) => {
            let rows = p
                .scores
                .values()
                .filter(|s| s.indicators.contains_key(&ind.id))
                .count();
            let lines = removal_lines(model, &sanitize(&ind.name), rows, 0);
            confirm(model, lines, Edit::RemoveIndicator { id: ind.id.clone() });
        }
        (Action::Remove, None) => {
            if let Some(area) = &area {
                let ids: Vec<&str> = p
                    .indicators
                    .iter()
                    .filter(|i| i.area == area.id)
                    .map(|i| i.id.as_str())
                    .collect();
                let rows = p
                    .scores
                    .values()
                    .map(|s| {
                        ids.iter()
                            .filter(|id| s.indicators.contains_key(**id))
                            .count()
                    })
                    .sum();
                let lines = removal_lines(model, &sanitize(&area.name), rows, ids.len());
                confirm(
                    model,
                    lines,
                    Edit::RemoveArea {
                        id: area.id.clone(),
                    },
                );
            }
        }
        (Action::RemoveDepartment, _) => match &department {
            Some(dept) => {
                let rows = p.scores.get(&dept.id).map_or(0, |s| s.indicators.len());
                let lines = removal_lines(model, &sanitize(&dept.name), rows, 0);
                confirm(
                    model,
                    lines,
                    Edit::RemoveDepartment {
                        id: dept.id.clone(),
                    },
                );
            }
            None => {
                let text = T::PickDepartmentColumn.get(model.lang).to_string();
                error(model, text);
            }
        },
        _ => {}
    }
}

/// The question before a removal: what goes with it.
fn removal_lines(model: &Model, name: &str, rows: usize, indicators: usize) -> Vec<String> {
    let l = model.lang;
    let mut lines = vec![format!("{} 「{name}」?", T::RemoveQuestion.get(l))];
    if indicators > 0 {
        lines.push(format!("{}: {indicators}", T::RemovesIndicators.get(l)));
    }
    if rows > 0 {
        lines.push(format!("{}: {rows}", T::RemovesRows.get(l)));
    }
    lines.push(T::UndoHint.get(l).to_string());
    lines
}

fn confirm(model: &mut Model, lines: Vec<String>, edit: Edit) {
    if read_only(model) {
        return;
    }
    model.ui.overlay = Some(Overlay::Confirm {
        lines,
        edit: Box::new(edit),
    });
}

// ---- the entry pane ------------------------------------------------------------------

/// The line and field under the entry cursor.
fn entry_spot(model: &Model) -> Option<(EntryUnit, Line, Option<Field>)> {
    let unit = model.entry_unit()?;
    let p = model.project();
    let line = *sheet_lines(p, &unit.id).get(model.ui.entry.line)?;
    let field = line_fields(p, &unit.id, line)
        .get(model.ui.entry.field)
        .copied();
    Some((unit, line, field))
}

fn entry_action(model: &mut Model, action: Action) {
    if !model.ui.entry.in_sheet {
        return entry_list_action(model, action);
    }
    let Some((unit, line, field)) = entry_spot(model) else {
        return;
    };
    let p = &model.session.project;
    let sheet = p.scores.get(&unit.id);
    let row = |ii: usize| {
        p.indicators.get(ii).and_then(|ind| {
            sheet
                .and_then(|s| s.indicators.get(&ind.id))
                .cloned()
                .map(|r| (ind.id.clone(), Some(r)))
                .or(Some((ind.id.clone(), None)))
        })
    };
    match action {
        Action::Edit => {
            if let Some((target, text)) = edit_target(model, &unit.id, line, field) {
                start_editing(model, target, &text);
            } else {
                toggle(model, &unit.id, line, field);
            }
        }
        Action::Toggle => toggle(model, &unit.id, line, field),
        Action::SwitchKind => {
            if let Line::Row(ii) = line
                && let Some((ind, current)) = row(ii)
                && field != Some(Field::Prep)
            {
                let new = match current {
                    Some(Row::Qualitative { .. }) => None,
                    _ => Some(Row::Qualitative {
                        complete: true,
                        deduction: None,
                    }),
                };
                let lang = model.lang;
                if commit(
                    model,
                    Edit::SetRow {
                        unit: unit.id.clone(),
                        indicator: ind,
                        row: new,
                    },
                ) {
                    info(model, T::KindSwitched.get(lang).to_string());
                }
            }
        }
        Action::Clear => {
            let edit = match line {
                Line::Survey => Some(Edit::SetSurvey {
                    unit: unit.id.clone(),
                    value: None,
                }),
                Line::Org(i) => p.organization.get(i).map(|o| Edit::SetOrg {
                    unit: unit.id.clone(),
                    item: o.id.clone(),
                    value: None,
                }),
                Line::Row(ii) => p.indicators.get(ii).map(|ind| Edit::SetRow {
                    unit: unit.id.clone(),
                    indicator: ind.id.clone(),
                    row: None,
                }),
                Line::Penalty(i) => Some(Edit::RemovePenalty {
                    unit: unit.id.clone(),
                    index: i,
                }),
                Line::NoPenalty | Line::Area(_) => None,
            };
            if let Some(edit) = edit {
                commit(model, edit);
            }
        }
        Action::Add => {
            let penalty = Penalty {
                kind: PenaltyKind::Municipal,
                note: String::new(),
            };
            let index = sheet.map_or(0, |s| s.penalties.len());
            if commit(
                model,
                Edit::AddPenalty {
                    unit: unit.id.clone(),
                    penalty,
                },
            ) {
                let lines = sheet_lines(&model.session.project, &unit.id);
                model.ui.entry.line = lines
                    .iter()
                    .position(|l| *l == Line::Penalty(index))
                    .unwrap_or(0);
                model.ui.entry.field = 1;
                start_editing(
                    model,
                    Target::Sheet {
                        unit: unit.id.clone(),
                        field: SheetField::PenaltyNote(index),
                    },
                    "",
                );
            }
        }
        Action::Remove => {
            if let Line::Penalty(index) = line {
                commit(
                    model,
                    Edit::RemovePenalty {
                        unit: unit.id.clone(),
                        index,
                    },
                );
            }
        }
        Action::Explain => explain_entry(model, &unit, line),
        Action::Scratch => match (line, field) {
            (Line::Row(_), Some(Field::Target | Field::Actual)) => {
                if let Some((target, text)) =
                    edit_target(model, &unit.id, line, Some(Field::Actual))
                {
                    model.ui.entry.field = 1;
                    start_scratch(model, target, &text);
                }
            }
            _ => what_if(model),
        },
        _ => {}
    }
}

fn entry_list_action(model: &mut Model, action: Action) {
    let Some(unit) = model.entry_unit() else {
        if action == Action::Add {
            start_editing(model, Target::NewUnit, "");
        }
        return;
    };
    let p = &model.session.project;
    match action {
        Action::Enter | Action::Edit => model.ui.entry.in_sheet = true,
        Action::Rename if unit.department => {
            start_editing(model, Target::DepartmentName(unit.id.clone()), &unit.name)
        }
        Action::Rename => start_editing(model, Target::UnitName(unit.id.clone()), &unit.name),
        Action::Add => start_editing(model, Target::NewUnit, ""),
        Action::ToggleKind if !unit.department => {
            let kind = match p.unit(&unit.id).map(|u| u.kind) {
                Some(UnitKind::Zone) => UnitKind::County,
                _ => UnitKind::Zone,
            };
            commit(
                model,
                Edit::SetUnitKind {
                    id: unit.id.clone(),
                    kind,
                },
            );
        }
        Action::Remove => {
            let rows = p.scores.get(&unit.id).map_or(0, |s| s.indicators.len());
            let lines = removal_lines(model, &sanitize(&unit.name), rows, 0);
            let edit = if unit.department {
                Edit::RemoveDepartment {
                    id: unit.id.clone(),
                }
            } else {
                Edit::RemoveUnit {
                    id: unit.id.clone(),
                }
            };
            confirm(model, lines, edit);
        }
        Action::Explain => explain_unit(model, &unit.id),
        _ => {}
    }
}

/// What typing into a sheet field edits, and the text it starts with; `None` for fields
/// that toggle instead (a status, a penalty's level).
fn edit_target(
    model: &Model,
    unit: &str,
    line: Line,
    field: Option<Field>,
) -> Option<(Target, String)> {
    let p = model.project();
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

/// Space on a sheet field: a status flips, a penalty's level cycles.
fn toggle(model: &mut Model, unit: &str, line: Line, field: Option<Field>) {
    let p = &model.session.project;
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
    commit(model, edit);
}

// ---- totals, ranking, problems -------------------------------------------------------

/// The unit ids of the totals pane in display order (sorted as chosen; departments after
/// the counties and zone).
pub fn totals_order(model: &Model) -> Vec<String> {
    let board = &model.session.board;
    let mut units: Vec<&crate::scoring::UnitResult> = board.units.iter().collect();
    let mut departments: Vec<&crate::scoring::UnitResult> = board.departments.iter().collect();
    if let Some((col, descending)) = model.ui.totals.sort {
        let key = |u: &crate::scoring::UnitResult| totals_value(model, u, col);
        for group in [&mut units, &mut departments] {
            group.sort_by(|a, b| {
                let order = key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id));
                if descending { order.reverse() } else { order }
            });
        }
    }
    units
        .iter()
        .chain(&departments)
        .map(|u| u.id.clone())
        .collect()
}

/// The value of a totals column for a unit.
pub fn totals_value(model: &Model, u: &crate::scoring::UnitResult, col: usize) -> Decimal {
    let areas = model.project().areas.len();
    match col {
        0 => u.organization,
        1 => u.survey,
        c if c < 2 + areas => u.areas.get_index(c - 2).map_or(Decimal::ZERO, |(_, v)| *v),
        c if c == 2 + areas => u.task,
        c if c == 3 + areas => u.penalty,
        _ => u.total,
    }
}

fn totals_action(model: &mut Model, action: Action) {
    match action {
        Action::Sort => {
            let col = model.ui.totals.col;
            model.ui.totals.sort = match model.ui.totals.sort {
                Some((c, true)) if c == col => Some((c, false)),
                Some((c, false)) if c == col => None,
                _ => Some((col, true)),
            };
        }
        Action::Jump => {
            if let Some(id) = totals_order(model).get(model.ui.totals.row) {
                open_unit(model, &id.clone());
            }
        }
        _ => {}
    }
}

/// The ranked unit under the ranking cursor.
pub fn ranking_selected(model: &Model) -> Option<&crate::scoring::UnitResult> {
    let board = &model.session.board;
    board
        .units
        .iter()
        .chain(&board.departments)
        .nth(model.ui.ranking.row)
}

fn ranking_action(model: &mut Model, action: Action) {
    match action {
        Action::Explain => {
            if let Some(id) = ranking_selected(model).map(|u| u.id.clone()) {
                explain_unit(model, &id);
            }
        }
        Action::Presentation => {
            model.ui.ranking.presenting = true;
            model.ui.ranking.page = 0;
        }
        _ => {}
    }
}

fn problems_action(model: &mut Model, action: Action) {
    if action != Action::Jump {
        return;
    }
    let Some(problem) = model.session.problems.get(model.ui.problems.row).cloned() else {
        return;
    };
    if !jump_to(model, &problem.path.0) {
        let text = format!("{} {}", T::EditInFile.get(model.lang), problem.path);
        info(model, text);
    }
}

/// Shows the place a TOML path names; false when no pane edits it.
fn jump_to(model: &mut Model, path: &[PathSeg]) -> bool {
    let key = |i: usize| match path.get(i) {
        Some(PathSeg::Key(k)) => Some(k.as_str()),
        _ => None,
    };
    let index = |i: usize| match path.get(i) {
        Some(PathSeg::Index(n)) => Some(*n),
        _ => None,
    };
    let p = &model.session.project;
    match key(0) {
        Some("scores") => {
            let Some(unit) = key(1).map(str::to_string) else {
                return false;
            };
            if !open_unit(model, &unit) {
                return false;
            }
            let p = &model.session.project;
            let line = match key(2) {
                Some("survey") => Some(Line::Survey),
                Some("organization") => key(3)
                    .and_then(|item| p.organization.iter().position(|o| o.id == item))
                    .map(Line::Org),
                Some("indicators") => key(3)
                    .and_then(|ind| p.indicators.iter().position(|i| i.id == ind))
                    .map(Line::Row),
                Some("penalties") => index(3).map(Line::Penalty),
                _ => None,
            };
            if let Some(line) = line {
                let lines = sheet_lines(p, &unit);
                if let Some(at) = lines.iter().position(|l| *l == line) {
                    model.ui.entry.in_sheet = true;
                    model.ui.entry.line = at;
                    model.ui.entry.field = 0;
                }
            }
            true
        }
        Some("indicators") | Some("areas") => {
            let Some(n) = index(1) else { return false };
            let wanted = if key(0) == Some("areas") {
                MatrixRow::Area(n)
            } else {
                MatrixRow::Indicator(n)
            };
            let Some(row) = matrix_rows(p).iter().position(|r| *r == wanted) else {
                return false;
            };
            model.ui.pane.0 = Pane::Matrix;
            model.ui.matrix.row = row;
            model.ui.matrix.col = 0;
            true
        }
        Some("units") | Some("departments") => {
            let Some(n) = index(1) else { return false };
            let offset = if key(0) == Some("units") {
                0
            } else {
                p.units.len()
            };
            model.ui.pane.0 = Pane::Entry;
            model.ui.entry.unit = offset + n;
            model.ui.entry.in_sheet = false;
            true
        }
        _ => false,
    }
}

/// Shows a unit's sheet in the entry pane.
fn open_unit(model: &mut Model, id: &str) -> bool {
    let Some(at) = entry_units(model.project()).iter().position(|u| u.id == id) else {
        return false;
    };
    model.ui.pane.0 = Pane::Entry;
    model.ui.entry.unit = at;
    model.ui.entry.in_sheet = false;
    model.ui.entry.line = 0;
    model.ui.entry.field = 0;
    true
}

// ---- explanations --------------------------------------------------------------------

fn explain_unit(model: &mut Model, id: &str) {
    let p = &model.session.project;
    let explained = crate::explain::unit(p, &model.session.board, id);
    if let Some(lines) = explained.map(|e| crate::i18n::explain::unit_lines(&e, model.lang)) {
        let title = sanitize(p.name_of(id));
        model.ui.overlay = Some(Overlay::Explain {
            title,
            lines,
            scroll: 0,
        });
    }
}

fn explain_entry(model: &mut Model, unit: &EntryUnit, line: Line) {
    let p = &model.session.project;
    let lines = match line {
        Line::Row(ii) => p.indicators.get(ii).and_then(|ind| {
            let e = crate::explain::item(p, &model.session.board, &unit.id, &ind.id)?;
            Some((
                sanitize(&ind.name),
                crate::i18n::explain::item_lines(&e, model.lang),
            ))
        }),
        _ => None,
    };
    match lines {
        Some((title, lines)) => {
            model.ui.overlay = Some(Overlay::Explain {
                title,
                lines,
                scroll: 0,
            })
        }
        None => explain_unit(model, &unit.id),
    }
}

// ---- overlays ------------------------------------------------------------------------

fn overlay_action(model: &mut Model, action: Action) {
    let page = body_rows(model).max(2) - 1;
    match model.ui.overlay.take() {
        Some(Overlay::Help { scroll }) => {
            let scroll = scroll_by(scroll, action, page);
            if action != Action::Close {
                model.ui.overlay = Some(Overlay::Help { scroll });
            }
        }
        Some(Overlay::Explain {
            title,
            lines,
            scroll,
        }) if action != Action::Close => {
            let scroll = scroll_by(scroll, action, page).min(lines.len().saturating_sub(1));
            model.ui.overlay = Some(Overlay::Explain {
                title,
                lines,
                scroll,
            });
        }
        Some(Overlay::Explain { .. }) => {}
        Some(Overlay::Confirm { lines, edit }) => match action {
            Action::Yes => {
                commit(model, *edit);
            }
            Action::No => {}
            _ => model.ui.overlay = Some(Overlay::Confirm { lines, edit }),
        },
        Some(Overlay::Recover(unfinished)) => match action {
            Action::Yes => {
                let unfinished = *unfinished;
                start_editing(model, unfinished.target, &unfinished.text);
            }
            Action::No => {}
            _ => model.ui.overlay = Some(Overlay::Recover(unfinished)),
        },
        Some(Overlay::Conflict) => {
            let l = model.lang;
            match action {
                Action::Reload => match model.session.reload() {
                    Ok(failed) if failed.is_empty() => {
                        info(model, T::ReloadedReapplied.get(l).to_string())
                    }
                    Ok(failed) => error(
                        model,
                        format!("{} {}", T::ReloadedSomeFailed.get(l), failed.len()),
                    ),
                    Err(_) => {
                        error(model, T::DiskBroken.get(l).to_string());
                        model.ui.overlay = Some(Overlay::Conflict);
                    }
                },
                Action::Overwrite => {
                    model.session.overwrite();
                    if model.session.save_error.is_none() {
                        info(model, T::Overwritten.get(l).to_string());
                    }
                }
                Action::SaveAs => {
                    let suggestion = crate::store::mine_path(model.session.store.target());
                    start_editing(model, Target::SaveAs, &suggestion.display().to_string());
                }
                Action::Close => {}
                _ => model.ui.overlay = Some(Overlay::Conflict),
            }
        }
        None => {}
    }
}

fn scroll_by(scroll: usize, action: Action, page: usize) -> usize {
    match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll + page,
        _ => scroll,
    }
}

// ---- typing --------------------------------------------------------------------------

fn input_mut(model: &mut Model) -> Option<&mut Input> {
    match &mut model.ui.mode {
        Mode::Editing(e) => Some(&mut e.input),
        Mode::Finding(f) => Some(&mut f.input),
        Mode::Normal => None,
    }
}

fn type_text(model: &mut Model, text: &str) {
    if let Some(input) = input_mut(model) {
        input.insert(text);
        after_typing(model);
    }
}

fn after_typing(model: &mut Model) {
    match model.ui.mode {
        Mode::Editing(_) => refresh_preview(model),
        Mode::Finding(_) => refresh_matches(model),
        Mode::Normal => {}
    }
}

fn caret(model: &mut Model, action: Action) -> bool {
    let Some(input) = input_mut(model) else {
        return false;
    };
    match action {
        Action::CaretLeft => input.left(),
        Action::CaretRight => input.right(),
        Action::CaretHome => input.home(),
        Action::CaretEnd => input.end(),
        Action::DeleteBack => input.backspace(),
        Action::DeleteForward => input.delete(),
        _ => return false,
    }
    after_typing(model);
    true
}

fn editing_action(model: &mut Model, action: Action) {
    if caret(model, action) {
        return;
    }
    match action {
        Action::Cancel => model.ui.mode = Mode::Normal,
        Action::Commit | Action::CommitNext | Action::CommitPrev => {
            let Mode::Editing(editing) = &model.ui.mode else {
                return;
            };
            let target = editing.target.clone();
            let typed = editing.input.text().trim().to_string();
            if editing.scratch {
                let text = T::ScratchRefused.get(model.lang).to_string();
                return set_edit_error(model, text);
            }
            match target {
                Target::CompareWith => return compare_with(model, std::path::Path::new(&typed)),
                Target::ExportTo => return export_to(model, std::path::Path::new(&typed)),
                Target::SaveAs => return save_as(model, std::path::Path::new(&typed)),
                _ => {}
            }
            let edit = match to_edit(model, &target, editing.input.text()) {
                Ok(edit) => edit,
                Err(message) => return set_edit_error(model, message),
            };
            if let Err(rejected) = model.session.commit(edit) {
                let message = rejected.message(model.lang);
                return set_edit_error(model, message);
            }
            model.ui.mode = Mode::Normal;
            after_commit(model, &target);
            match action {
                Action::CommitNext => next_field(model, true),
                Action::CommitPrev => next_field(model, false),
                _ => {}
            }
        }
        _ => {}
    }
}

fn set_edit_error(model: &mut Model, message: String) {
    if let Mode::Editing(e) = &mut model.ui.mode {
        e.error = Some(message);
    }
}

/// After a new thing was added, put the cursor on it.
fn after_commit(model: &mut Model, target: &Target) {
    let p = &model.session.project;
    match target {
        Target::NewIndicator { .. } | Target::NewArea => {
            let wanted = match target {
                Target::NewArea => MatrixRow::Area(p.areas.len().saturating_sub(1)),
                _ => {
                    // The newest indicator is the one with the highest generated number.
                    let last = p
                        .indicators
                        .iter()
                        .enumerate()
                        .filter(|(_, i)| i.id.starts_with("ind-"))
                        .max_by_key(|(_, i)| {
                            i.id.trim_start_matches("ind-").parse::<u64>().unwrap_or(0)
                        });
                    MatrixRow::Indicator(last.map_or(0, |(n, _)| n))
                }
            };
            if let Some(row) = matrix_rows(p).iter().position(|r| *r == wanted) {
                model.ui.matrix.row = row;
            }
        }
        Target::NewDepartment => {
            model.ui.matrix.col = MATRIX_FIXED_COLS + p.departments.len().saturating_sub(1)
        }
        Target::NewUnit => model.ui.entry.unit = p.units.len().saturating_sub(1),
        _ => {}
    }
}

/// Writes kaoping's version to another file (after a conflict) and goes on there.
fn save_as(model: &mut Model, path: &std::path::Path) {
    match model.session.save_as(path) {
        Ok(()) => {
            model.ui.mode = Mode::Normal;
            let text = format!("{} {}", T::SavedAs.get(model.lang), path.display());
            info(model, text);
        }
        Err(e) => set_edit_error(model, e),
    }
}

/// Compares the project with another file (the older one) in an overlay.
fn compare_with(model: &mut Model, path: &std::path::Path) {
    let l = model.lang;
    let text = match crate::cli::read_project(path, l) {
        Ok(Ok(text)) => text,
        Ok(Err(message)) => return set_edit_error(model, message),
        Err(e) => return set_edit_error(model, e.to_string()),
    };
    let other = crate::check::analyze(&text);
    let (Some(old), Some(old_board)) = (&other.project, &other.board) else {
        let first = other.problems.iter().find(|p| p.is_error());
        let message = first
            .map(|p| format!("{}: {}", p.path, problem_message(&p.kind, l)))
            .unwrap_or_default();
        return set_edit_error(model, message);
    };
    let diff = crate::diff::diff(old, old_board, &model.session.project, &model.session.board);
    let lines = crate::i18n::diff::lines(&diff, l);
    model.ui.mode = Mode::Normal;
    let title = format!("{} · {}", T::CompareTitle.get(l), path.display());
    model.ui.overlay = Some(Overlay::Explain {
        title,
        lines,
        scroll: 0,
    });
}

/// Writes the evaluation to a file; its extension picks the format.
fn export_to(model: &mut Model, path: &std::path::Path) {
    use crate::report::{
        CsvTable, RankInput, export_csv, export_html, export_markdown, export_xlsx,
    };
    let l = model.lang;
    let warnings: Vec<crate::project::problem::Problem> = model.session.problems.clone();
    let input = RankInput {
        project: &model.session.project,
        board: &model.session.board,
        warnings: &warnings,
        lang: l,
    };
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let bytes = match extension.as_str() {
        "xlsx" => export_xlsx(&input),
        "csv" => Ok(export_csv(&input, CsvTable::Ranking, true).into_bytes()),
        "md" | "markdown" => Ok(export_markdown(&input).into_bytes()),
        "html" | "htm" => {
            let date = chrono::Local::now().format("%Y-%m-%d").to_string();
            Ok(export_html(&input, &date).into_bytes())
        }
        _ => Err(T::ExportUnknownFormat.get(l).to_string()),
    };
    match bytes.and_then(|b| crate::cli::write_file_atomic(path, &b).map_err(|e| e.to_string())) {
        Ok(()) => {
            model.ui.mode = Mode::Normal;
            info(model, format!("{} {}", T::Exported.get(l), path.display()));
        }
        Err(e) => set_edit_error(model, e),
    }
}

/// Tab / Shift-Tab after a commit in the entry sheet: the next field, on to the next line.
fn next_field(model: &mut Model, forward: bool) {
    if model.ui.pane.0 != Pane::Entry || !model.ui.entry.in_sheet {
        return;
    }
    let Some(unit) = model.entry_unit() else {
        return;
    };
    let p = model.project();
    let lines = sheet_lines(p, &unit.id);
    let (mut line, mut field) = (model.ui.entry.line, model.ui.entry.field);
    // Walk until a field that takes typing, at most once around the sheet.
    for _ in 0..lines.len() * 2 + 2 {
        let count = lines
            .get(line)
            .map_or(0, |l| line_fields(p, &unit.id, *l).len());
        if forward {
            if field + 1 < count {
                field += 1;
            } else {
                line = (line + 1) % lines.len().max(1);
                field = 0;
            }
        } else if field > 0 {
            field -= 1;
        } else {
            line = (line + lines.len().max(1) - 1) % lines.len().max(1);
            field = lines
                .get(line)
                .map_or(0, |l| line_fields(p, &unit.id, *l).len().saturating_sub(1));
        }
        let here = lines.get(line).copied();
        let f = here.and_then(|l| line_fields(p, &unit.id, l).get(field).copied());
        if let Some(l) = here
            && let Some((target, text)) = edit_target(model, &unit.id, l, f)
        {
            model.ui.entry.line = line;
            model.ui.entry.field = field;
            start_editing(model, target, &text);
            return;
        }
    }
}

/// Rebuilds the preview of the value being typed: the scores with it, or why it cannot be.
fn refresh_preview(model: &mut Model) {
    let Mode::Editing(editing) = &model.ui.mode else {
        return;
    };
    let target = editing.target.clone();
    if matches!(
        target,
        Target::SaveAs | Target::CompareWith | Target::ExportTo
    ) {
        return;
    }
    let text = editing.input.text().to_string();
    let result = match to_edit(model, &target, &text) {
        Ok(edit) if matches!(target, Target::Sheet { .. }) => model
            .session
            .preview(&edit)
            .map(|()| true)
            .map_err(|r| r.message(model.lang)),
        Ok(_) => Ok(false),
        Err(message) => Err(message),
    };
    if let Mode::Editing(editing) = &mut model.ui.mode {
        match result {
            Ok(preview) => {
                editing.preview = preview;
                editing.error = None;
            }
            Err(message) => {
                editing.preview = false;
                editing.error = Some(message);
            }
        }
    }
}

/// A typed number: ASCII or full-width digits (as a Chinese input method may give),
/// `.` or `。`/`．` as the point; empty means "none".
fn typed_decimal(model: &Model, text: &str) -> Result<Option<Decimal>, String> {
    let normal: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' => '-',
            other => other,
        })
        .collect();
    if normal.is_empty() {
        return Ok(None);
    }
    parse_decimal_text(&normal).map(Some).map_err(|reason| {
        problem_message(
            &crate::project::problem::ProblemKind::NotDecimal {
                text: text.trim().to_string(),
                reason,
            },
            model.lang,
        )
    })
}

/// A list of units typed as ids or names, separated by commas, spaces or 、.
fn typed_units(model: &Model, text: &str) -> Result<Option<Vec<String>>, String> {
    let p = model.project();
    let mut ids = Vec::new();
    for token in text
        .split([',', '，', '、', ' '])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        match p.units.iter().find(|u| u.id == token || u.name == token) {
            Some(u) => ids.push(u.id.clone()),
            None => {
                let kind = crate::project::problem::ProblemKind::UnknownRef {
                    kind: crate::project::problem::RefKind::Unit,
                    id: token.to_string(),
                };
                return Err(problem_message(&kind, model.lang));
            }
        }
    }
    Ok(if ids.is_empty() { None } else { Some(ids) })
}

/// A fresh id `prefix-N` not used by any unit, department, area or indicator.
fn fresh_id(model: &Model, prefix: &str) -> String {
    let p = model.project();
    let taken = |id: &str| {
        p.units.iter().any(|u| u.id == id)
            || p.departments.iter().any(|d| d.id == id)
            || p.areas.iter().any(|a| a.id == id)
            || p.indicators.iter().any(|i| i.id == id)
    };
    (1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// The edit a typed value makes.
fn to_edit(model: &Model, target: &Target, text: &str) -> Result<Edit, String> {
    let p = model.project();
    let l = model.lang;
    let name = |text: &str| {
        let t = text.trim();
        if t.is_empty() {
            Err(T::NameEmpty.get(l).to_string())
        } else {
            Ok(t.to_string())
        }
    };
    let number =
        |text: &str| typed_decimal(model, text)?.ok_or_else(|| T::NumberNeeded.get(l).to_string());
    let set = |id: &String, field| {
        Ok(Edit::SetIndicator {
            id: id.clone(),
            field,
        })
    };
    match target {
        Target::Sheet { unit, field } => sheet_edit(model, unit, field, text),
        Target::IndicatorName(id) => set(id, IndicatorField::Name(name(text)?)),
        Target::IndicatorBase(id) => set(id, IndicatorField::Base(number(text)?)),
        Target::IndicatorMeasure(id) => {
            let t = text.trim();
            set(
                id,
                IndicatorField::Measure((!t.is_empty()).then(|| t.to_string())),
            )
        }
        Target::IndicatorUnits(id) => set(id, IndicatorField::Units(typed_units(model, text)?)),
        Target::IndicatorPilot(id) => set(id, IndicatorField::Pilot(typed_units(model, text)?)),
        Target::IndicatorArea(id) => {
            let t = text.trim();
            match p.areas.iter().find(|a| a.id == t || a.name == t) {
                Some(area) => set(id, IndicatorField::Area(area.id.clone())),
                None => Err(problem_message(
                    &crate::project::problem::ProblemKind::UnknownRef {
                        kind: crate::project::problem::RefKind::Area,
                        id: t.to_string(),
                    },
                    l,
                )),
            }
        }
        Target::AreaName(id) => Ok(Edit::SetAreaName {
            id: id.clone(),
            name: name(text)?,
        }),
        Target::AreaMax(id) => Ok(Edit::SetAreaMax {
            id: id.clone(),
            max: number(text)?,
        }),
        Target::DepartmentName(id) => Ok(Edit::RenameDepartment {
            id: id.clone(),
            name: name(text)?,
        }),
        Target::UnitName(id) => Ok(Edit::RenameUnit {
            id: id.clone(),
            name: name(text)?,
        }),
        Target::NewIndicator { area } => Ok(Edit::AddIndicator {
            indicator: Indicator {
                id: fresh_id(model, "ind"),
                area: area.clone(),
                name: name(text)?,
                base: Decimal::ZERO,
                bonus: false,
                measure: None,
                direction: Direction::AtLeast,
                lead: None,
                responsible: Vec::new(),
                co: Vec::new(),
                units: None,
                pilot: None,
            },
        }),
        Target::NewArea => Ok(Edit::AddArea {
            area: Area {
                id: fresh_id(model, "area"),
                name: name(text)?,
                max: Decimal::ZERO,
            },
        }),
        Target::NewDepartment => Ok(Edit::AddDepartment {
            department: Department {
                id: fresh_id(model, "dept"),
                name: name(text)?,
            },
        }),
        Target::NewUnit => Ok(Edit::AddUnit {
            unit: Unit {
                id: fresh_id(model, "unit"),
                name: name(text)?,
                kind: UnitKind::County,
            },
        }),
        // Not edits of the project: handled where they are committed.
        Target::SaveAs | Target::CompareWith | Target::ExportTo => Err(String::new()),
    }
}

fn sheet_edit(model: &Model, unit: &str, field: &SheetField, text: &str) -> Result<Edit, String> {
    let p = model.project();
    let sheet = p.scores.get(unit);
    let unit = unit.to_string();
    let row_of = |ind: &str| sheet.and_then(|s| s.indicators.get(ind)).cloned();
    let value = || typed_decimal(model, text);
    Ok(match field {
        SheetField::Survey => Edit::SetSurvey {
            unit,
            value: value()?,
        },
        SheetField::Org(item) => Edit::SetOrg {
            unit,
            item: item.clone(),
            value: value()?,
        },
        SheetField::Target(ind) | SheetField::Actual(ind) => {
            let (mut target, mut actual) = match row_of(ind) {
                Some(Row::Quantitative { target, actual }) => (target, actual),
                _ => (None, None),
            };
            if matches!(field, SheetField::Target(_)) {
                target = value()?;
            } else {
                actual = value()?;
            }
            let row = (target.is_some() || actual.is_some())
                .then_some(Row::Quantitative { target, actual });
            Edit::SetRow {
                unit,
                indicator: ind.clone(),
                row,
            }
        }
        SheetField::Deduction(ind) => Edit::SetRow {
            unit,
            indicator: ind.clone(),
            row: Some(Row::Qualitative {
                complete: false,
                deduction: value()?,
            }),
        },
        SheetField::Prep(ind) => Edit::SetRow {
            unit,
            indicator: ind.clone(),
            row: value()?.map(|prep| Row::Preparation { prep }),
        },
        SheetField::PenaltyPoints(i) | SheetField::PenaltyNote(i) => {
            let Some(old) = sheet.and_then(|s| s.penalties.get(*i)) else {
                return Err(T::NumberNeeded.get(model.lang).to_string());
            };
            let penalty = match field {
                SheetField::PenaltyNote(_) => Penalty {
                    kind: old.kind,
                    note: text.trim().to_string(),
                },
                _ => Penalty {
                    kind: PenaltyKind::Points(
                        value()?.ok_or_else(|| T::NumberNeeded.get(model.lang).to_string())?,
                    ),
                    note: old.note.clone(),
                },
            };
            Edit::SetPenalty {
                unit,
                index: *i,
                penalty,
            }
        }
    })
}

// ---- finding -------------------------------------------------------------------------

fn refresh_matches(model: &mut Model) {
    let Mode::Finding(finding) = &model.ui.mode else {
        return;
    };
    let needle = finding.input.text().trim().to_lowercase();
    let p = &model.session.project;
    let matches: Vec<Found> = if needle.is_empty() {
        Vec::new()
    } else {
        let hit = |id: &str, name: &str| {
            id.to_lowercase().contains(&needle) || name.to_lowercase().contains(&needle)
        };
        entry_units(p)
            .into_iter()
            .filter(|u| hit(&u.id, &u.name))
            .map(|u| Found::Unit(u.id))
            .chain(
                p.indicators
                    .iter()
                    .filter(|i| hit(&i.id, &i.name))
                    .map(|i| Found::Indicator(i.id.clone())),
            )
            .collect()
    };
    if let Mode::Finding(finding) = &mut model.ui.mode {
        finding.matches = matches;
        finding.selected = 0;
    }
}

fn finding_action(model: &mut Model, action: Action) {
    if caret(model, action) {
        return;
    }
    let Mode::Finding(finding) = &mut model.ui.mode else {
        return;
    };
    match action {
        Action::Cancel => model.ui.mode = Mode::Normal,
        Action::Up => finding.selected = finding.selected.saturating_sub(1),
        Action::Down => {
            finding.selected = (finding.selected + 1).min(finding.matches.len().saturating_sub(1))
        }
        Action::Jump => {
            let found = finding.matches.get(finding.selected).cloned();
            model.ui.mode = Mode::Normal;
            match found {
                Some(Found::Unit(id)) => {
                    open_unit(model, &id);
                }
                Some(Found::Indicator(id)) => find_indicator(model, &id),
                None => {
                    let text = T::NotFound.get(model.lang).to_string();
                    error(model, text);
                }
            }
        }
        _ => {}
    }
}

/// Shows an indicator: its row in the selected unit's sheet when the entry pane is
/// showing one, else its row in the matrix.
fn find_indicator(model: &mut Model, id: &str) {
    let p = &model.session.project;
    let Some(ii) = p.indicators.iter().position(|i| i.id == id) else {
        return;
    };
    if model.ui.pane.0 == Pane::Entry
        && let Some(unit) = model.entry_unit()
        && let Some(at) = sheet_lines(p, &unit.id)
            .iter()
            .position(|l| *l == Line::Row(ii))
    {
        model.ui.entry.in_sheet = true;
        model.ui.entry.line = at;
        model.ui.entry.field = 0;
        return;
    }
    if let Some(row) = matrix_rows(p)
        .iter()
        .position(|r| *r == MatrixRow::Indicator(ii))
    {
        model.ui.pane.0 = Pane::Matrix;
        model.ui.matrix.row = row;
    }
}

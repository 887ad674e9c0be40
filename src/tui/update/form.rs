//! The form's commands: open the fields of an indicator, an area, a county or the zone, a
//! department, or of the project's settings; move between them; type a value (the same
//! typing as everywhere, [`super::typing`]), flip a yes/no or move a choice on, empty an
//! optional value; close. Each change is one edit, one undo step, and says in the status
//! line what it changed (`label: old → new`).
//!
//! No field is named here: what a form lists comes from the tables' own files in
//! `src/project/` through [`crate::edit::form`].
//!
//! Typing starts with Enter (or `e`), not with the first character typed on a field: the
//! form's own keys are letters (`j`/`k` move, `x` empties, `u` undoes, `q` closes), as
//! everywhere else in kaoping.

use super::super::model::*;
use super::super::msg::{Action, Dir};
use super::fields::form_problem;
use super::{commit, error, info, start_editing};
use crate::edit::form::{self as fields_of, FormField, Subject};
use crate::i18n::{T, fields as words};
use crate::text::sanitize;

/// Opens the form of `subject`, on its first field.
pub(super) fn open(model: &mut Model, subject: Subject) {
    model.ui.form = Some(Form {
        subject,
        row: 0,
        top: 0,
    });
}

/// Opens the form of the project's settings: its title, `[sections]`, `[policy]`.
pub(super) fn open_settings(model: &mut Model) {
    open(model, Subject::Settings);
}

/// Opens the form again on a field (to go on typing a value an interrupted session left).
pub(super) fn reopen(model: &mut Model, subject: &Subject, table: &str, key: &str) {
    open(model, subject.clone());
    let row = model
        .form_fields()
        .iter()
        .position(|f| f.table == table && f.key == key);
    if let Some(form) = &mut model.ui.form {
        form.row = row.unwrap_or(0);
    }
}

/// Runs a command of the form on the field under its cursor.
pub(super) fn act(model: &mut Model, action: Action) {
    let Some(form) = model.ui.form.clone() else {
        return;
    };
    let fields = model.form_fields();
    let field = fields.get(form.row).cloned();
    match (action, field) {
        (Action::Close, _) => model.ui.form = None,
        (Action::Move(dir @ (Dir::Up | Dir::Down)), _) => move_cursor(model, dir, fields.len()),
        (Action::Edit, Some(field)) => edit(model, &form.subject, &field),
        (Action::Toggle, Some(field)) => toggle(model, &form.subject, &field),
        (Action::Clear, Some(field)) if field.clearable() => {
            set(model, &form.subject, &field, "");
        }
        (Action::Undo, _) => super::undo(model),
        (Action::Redo, _) => super::redo(model),
        (Action::Help, _) => super::show_help(model),
        _ => {}
    }
}

/// Up or down one field.
fn move_cursor(model: &mut Model, dir: Dir, len: usize) {
    if let Some(form) = &mut model.ui.form {
        form.row = match dir {
            Dir::Up => form.row.saturating_sub(1),
            _ => (form.row + 1).min(len.saturating_sub(1)),
        };
    }
}

/// Enter: types a new value, starting from the one there; a yes/no flips and a choice
/// moves on.
fn edit(model: &mut Model, subject: &Subject, field: &FormField) {
    if field.toggled().is_some() {
        return toggle(model, subject, field);
    }
    let target = Target::Form {
        subject: subject.clone(),
        table: field.table.to_string(),
        key: field.key.to_string(),
    };
    start_editing(model, target, &field.text);
}

/// Space: yes ↔ no, or the next choice.
fn toggle(model: &mut Model, subject: &Subject, field: &FormField) {
    if let Some(next) = field.toggled() {
        set(model, subject, field, &next);
    }
}

/// Sets the field to the value `text` gives it, at once; a refusal goes to the status line.
fn set(model: &mut Model, subject: &Subject, field: &FormField, text: &str) {
    let l = model.lang;
    let edit = match fields_of::edit(model.project(), subject, field.table, field.key, text) {
        Ok(edit) => edit,
        Err(kind) => {
            let text = format!("{} {}", T::Refused.get(l), form_problem(&kind, l));
            return error(model, text);
        }
    };
    let old = shown(model.project(), field, l);
    if commit(model, edit) {
        say_changed(model, subject, field.table, field.key, &old);
    }
}

/// The value of a form's field in words now, when `target` is one (before a commit, to
/// say what it changed).
pub(super) fn shown_now(model: &Model, target: &Target) -> Option<String> {
    let Target::Form {
        subject,
        table,
        key,
    } = target
    else {
        return None;
    };
    let field = field_of(model, subject, table, key)?;
    Some(shown(model.project(), &field, model.lang))
}

/// A form's field, as it is now.
fn field_of(model: &Model, subject: &Subject, table: &str, key: &str) -> Option<FormField> {
    fields_of::fields(model.project(), subject)
        .into_iter()
        .find(|f| f.table == table && f.key == key)
}

/// Says in the status line what a committed change of a form's field did: `label: old →
/// new`.
pub(super) fn say_changed(model: &mut Model, subject: &Subject, table: &str, key: &str, old: &str) {
    let l = model.lang;
    let Some(field) = field_of(model, subject, table, key) else {
        return;
    };
    let new = shown(model.project(), &field, l);
    let label = words::label(table, key, l);
    let text = words::changed(l, &sanitize(label), &sanitize(old), &sanitize(&new));
    info(model, text);
}

/// After a value typed into a form was committed: says what it changed, and with Tab or
/// Shift-Tab goes on to type into the next or previous field that is typed.
pub(super) fn committed(model: &mut Model, target: &Target, old: &str, next: Option<bool>) {
    let Target::Form {
        subject,
        table,
        key,
    } = target
    else {
        return;
    };
    say_changed(model, subject, table, key, old);
    let Some(forward) = next else {
        return;
    };
    let fields = model.form_fields();
    let Some(form) = &mut model.ui.form else {
        return;
    };
    let typed = |f: &FormField| f.toggled().is_none();
    let at = if forward {
        (form.row + 1..fields.len()).find(|&i| typed(&fields[i]))
    } else {
        (0..form.row).rev().find(|&i| typed(&fields[i]))
    };
    if let Some(at) = at {
        form.row = at;
        let subject = form.subject.clone();
        edit(model, &subject, &fields[at]);
    }
}

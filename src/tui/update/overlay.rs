//! The windows over the panes: scrolling the help and the explanations, answering a
//! question (a removal, an unfinished edit to restore), choosing after a conflict with
//! the file on disk; and opening them (explanations, what-if, questions).

use super::super::keymap::{self, Mention};
use super::super::model::*;
use super::super::msg::{Action, Effect};
use super::nav::{overlay_page, scroll_by};
use super::{commit, error, info, refused_read_only, start_editing};
use crate::edit::Edit;
use crate::i18n::{self, T};
use crate::text::sanitize;

/// Answers a key while an overlay is open; the overlay closes unless the key keeps it.
pub(super) fn act(model: &mut Model, action: Action) -> Option<Effect> {
    let page = overlay_page(model);
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
        Some(Overlay::Status { scroll }) => super::status::act(model, action, scroll, page),
        Some(Overlay::Import {
            title,
            lines,
            edits,
            done,
            scroll,
        }) => super::import::act(model, action, page, (title, lines, edits, done, scroll)),
        Some(Overlay::Confirm { lines, edit, done }) => match action {
            Action::Yes => {
                if commit(model, *edit)
                    && let Some(done) = done
                {
                    super::info(model, done);
                }
            }
            Action::No => {}
            _ => model.ui.overlay = Some(Overlay::Confirm { lines, edit, done }),
        },
        Some(Overlay::Paste {
            lines,
            edits,
            cells,
        }) => match action {
            Action::Yes => super::paste::commit(model, edits, cells),
            Action::No => {}
            _ => {
                model.ui.overlay = Some(Overlay::Paste {
                    lines,
                    edits,
                    cells,
                })
            }
        },
        Some(Overlay::Recover(unfinished)) => match action {
            Action::Yes => {
                crate::tui::recovery::forget(model.session.store.target());
                restore(model, *unfinished);
            }
            Action::No => crate::tui::recovery::forget(model.session.store.target()),
            _ => model.ui.overlay = Some(Overlay::Recover(unfinished)),
        },
        // Answered in `typing` (the value is still being typed under it).
        Some(question @ Overlay::Implausible { .. }) => model.ui.overlay = Some(question),
        Some(Overlay::Conflict) => return conflict(model, action),
        Some(Overlay::QuitUnsaved) => return quit_unsaved(model, action),
        None => {}
    }
    None
}

/// Goes on typing the edit an interrupted session left, in its place: the unit's sheet
/// with the cursor on the very field, the matrix row, or the form it was typed in.
fn restore(model: &mut Model, unfinished: Unfinished) {
    match &unfinished.target {
        Target::Form {
            subject,
            table,
            key,
        } => super::form::reopen(model, subject, table, key),
        Target::Sheet { unit, field } => {
            super::nav::open_sheet_field(model, unit, field);
        }
        _ => {}
    }
    start_editing(model, unfinished.target, &unfinished.text);
}

/// After a conflict: reload, overwrite, save elsewhere, or decide later.
fn conflict(model: &mut Model, action: Action) -> Option<Effect> {
    match action {
        Action::Reload => return Some(Effect::Reload),
        Action::Overwrite => return Some(Effect::Overwrite),
        Action::SaveAs => save_elsewhere(model),
        Action::Close => {}
        _ => model.ui.overlay = Some(Overlay::Conflict),
    }
    None
}

/// Quitting with edits not written: save them elsewhere, try writing again, discard them
/// and quit, or keep working.
fn quit_unsaved(model: &mut Model, action: Action) -> Option<Effect> {
    match action {
        Action::SaveAs => save_elsewhere(model),
        Action::Retry => return Some(Effect::Save),
        Action::Discard => model.quit = true,
        Action::Close => model.ui.quitting = false,
        _ => model.ui.overlay = Some(Overlay::QuitUnsaved),
    }
    None
}

/// A write asked for ran: quit when it worked and the user was quitting; else say why
/// and ask again.
pub(super) fn flushed(model: &mut Model, flushed: crate::session::Flushed) {
    use crate::session::Flushed;
    match flushed {
        Flushed::Saved | Flushed::Nothing if !model.session.is_dirty() => {
            if model.ui.quitting {
                model.quit = true;
            }
        }
        Flushed::Conflict if !model.ui.quitting => super::conflicted(model),
        _ => {
            if let Some(e) = &model.session.save_error {
                let text = format!("{} {}", T::NotSaved.get(model.lang), e.message(model.lang));
                error(model, text);
            }
            if model.ui.quitting {
                model.ui.overlay = Some(Overlay::QuitUnsaved);
            }
        }
    }
}

/// Types where to save kaoping's version, starting from `NAME.toml.mine`.
fn save_elsewhere(model: &mut Model) {
    let suggestion = crate::store::mine_path(model.session.store.target());
    start_editing(model, Target::SaveAs, &suggestion.display().to_string());
}

/// The file was read again after a conflict: says how the unsaved edits fared, or asks
/// again when it could not be read.
pub(super) fn reloaded(model: &mut Model, result: Result<crate::session::Reloaded, String>) {
    let l = model.lang;
    // Where kaoping's version was put when the conflict arose, if it was.
    let mine = || {
        model
            .session
            .mine()
            .map(|m| format!(" {} {}", T::ConflictMine.get(l), m.display()))
            .unwrap_or_default()
    };
    match result {
        Ok(r) if r.lost => {
            let text = format!("{}{}", T::ReloadedNotReapplied.get(l), mine());
            error(model, text);
        }
        Ok(r) if r.failed == 0 => info(model, T::ReloadedReapplied.get(l).to_string()),
        Ok(r) => {
            let text = format!("{} {}{}", T::ReloadedSomeFailed.get(l), r.failed, mine());
            error(model, text);
        }
        Err(why) => {
            let said = if model.session.file_gone() {
                T::DiskDeleted.get(l).to_string()
            } else {
                format!("{} {why}", T::DiskBroken.get(l))
            };
            error(model, said);
            model.ui.overlay = Some(Overlay::Conflict);
        }
    }
}

/// kaoping's version was written over the file: says so when it worked (the header says
/// why when it did not).
pub(super) fn overwritten(model: &mut Model) {
    if model.session.save_error.is_none() {
        let text = T::Overwritten.get(model.lang).to_string();
        info(model, text);
    }
}

// ---- opening windows -----------------------------------------------------------------------

/// Asks before a removal, saying what goes with it: counted by applying the edit to a
/// copy, so the question never understates it. (An indicator's own roles, the cells of
/// the row being removed, go without saying.)
pub(super) fn ask_removal(model: &mut Model, name: &str, edit: Edit) {
    let l = model.lang;
    let mut gone = crate::edit::Removed::by(model.project(), &edit);
    if matches!(edit, Edit::RemoveIndicator { .. } | Edit::RemoveArea { .. }) {
        gone.roles = 0;
    }
    if matches!(edit, Edit::RemoveIndicator { .. }) {
        gone.indicators = 0;
    }
    let said = i18n::TuiText(l);
    let mut lines = vec![said.remove_question(name)];
    for (count, what) in [
        (gone.indicators, T::RemovesIndicators),
        (gone.rows, T::RemovesRows),
        (gone.scores, T::RemovesScores),
        (gone.penalties, T::RemovesPenalties),
        (gone.roles, T::RemovesRoles),
        (gone.nominees, T::RemovesNominees),
    ] {
        if count > 0 {
            lines.push(said.removes(what.get(l), count));
        }
    }
    lines.push(said.undo_hint(&keymap::mention(Mention::Undo, l)));
    confirm(model, lines, edit);
}

/// Asks before an edit that removes scores (refused at once when read-only).
pub(super) fn confirm(model: &mut Model, lines: Vec<String>, edit: Edit) {
    confirm_then(model, lines, edit, None);
}

/// Asks before an edit, and says `done` once it is committed.
pub(super) fn confirm_then(
    model: &mut Model,
    lines: Vec<String>,
    edit: Edit,
    done: Option<String>,
) {
    if refused_read_only(model) {
        return;
    }
    model.ui.overlay = Some(Overlay::Confirm {
        lines,
        edit: Box::new(edit),
        done,
    });
}

/// Shows lines in a scrolling window.
fn show(model: &mut Model, title: String, lines: Vec<String>) {
    model.ui.overlay = Some(Overlay::Explain {
        title,
        lines,
        scroll: 0,
    });
}

/// Shows what the selected unit lacks to leave the veto or reach the awards.
pub(super) fn what_if(model: &mut Model) {
    let Some(id) = model.selected_unit() else {
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
        show(model, title, lines);
    }
}

/// Shows every number of a unit's score, with its rule.
pub(super) fn explain_unit(model: &mut Model, id: &str) {
    let p = &model.session.project;
    let explained = crate::explain::unit(p, &model.session.board, id);
    if let Some(lines) = explained.map(|e| crate::i18n::explain::unit_lines(&e, model.lang)) {
        let title = sanitize(p.name_of(id));
        show(model, title, lines);
    }
}

/// Shows how a unit's score on one indicator comes about; false when there is nothing
/// to explain.
pub(super) fn explain_item(model: &mut Model, unit: &str, indicator: &str) -> bool {
    let p = &model.session.project;
    let Some(ind) = p.indicator(indicator) else {
        return false;
    };
    let Some(item) = crate::explain::item(p, &model.session.board, unit, &ind.id) else {
        return false;
    };
    let lines = crate::i18n::explain::item_lines(&item, model.lang);
    let title = sanitize(&ind.name);
    show(model, title, lines);
    true
}

/// Shows the differences between another project file (the older one) and this one.
pub(super) fn show_comparison(model: &mut Model, title: String, lines: Vec<String>) {
    show(model, title, lines);
}

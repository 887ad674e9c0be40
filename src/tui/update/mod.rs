//! `update`: the only place that changes the program's state. Messages arrive from the
//! keymap (an [`Action`]), from the terminal, and from the effects the loop ran; this file
//! routes each to the handler of the pane, overlay or mode it concerns, and returns the
//! [`Effect`]s (reading and writing files) for the loop to run.
//!
//! Laid out like helix's `commands.rs`: every command is a named `fn` with a line saying
//! what the user gets. One file per job:
//! [`nav`] moves cursors and keeps them in view; [`matrix`], [`entry`], [`totals`],
//! [`ranking`] and [`problems`] are the panes' commands; [`overlay`] the windows over
//! them; [`typing`] editing a field and searching; [`form`] the form of an entry's or the
//! settings' fields; [`fields`] turns typed text into an edit (pure). The helpers here are the ones every handler shares: the status line, the
//! read-only refusal, committing an edit, starting to type into a field.
//!
//! `update` does no I/O. What needs a file — following a change on disk, reloading or
//! overwriting after a conflict, saving elsewhere, comparing, exporting — is returned as
//! an [`Effect`]; `tui::step` runs it (`tui::effects`) and hands the outcome back here as
//! a message (`Msg::Reloaded`, `Msg::Exported`, …).

mod entry;
pub mod fields;
mod form;
mod grid;
mod history;
mod import;
pub mod knock;
mod knock_on;
mod matrix;
mod nav;
mod overlay;
mod paste;
mod problems;
mod ranking;
mod status;
mod totals;
mod typing;

use super::input::Input;
use super::model::*;
use super::msg::{Action, Effect, Msg};
use crate::edit::Edit;
use crate::i18n::T;
use crate::session::DiskChange;

/// Applies a message to the model; returns what the loop must do outside it.
#[must_use = "the effects must be run (see `tui::step`)"]
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    // While the terminal is too small to show anything, keys are not taken blind: only
    // quitting (the hint says so) or cancelling an open edit.
    if super::layout::too_small(model.size) {
        match &msg {
            Msg::Char(_) | Msg::Paste(_) => return Vec::new(),
            Msg::Act(action)
                if !matches!(
                    action,
                    Action::Quit | Action::Cancel | Action::No | Action::Close
                ) =>
            {
                return Vec::new();
            }
            _ => {}
        }
    }
    let effect = match msg {
        Msg::Resize(w, h) => {
            model.size = (w, h);
            None
        }
        Msg::Char(c) => {
            if matches!(model.ui.mode, Mode::Normal) && model.grid().is_some() {
                grid::type_over(model, c);
            } else {
                typing::type_text(model, &c.to_string());
            }
            None
        }
        Msg::Paste(text) => {
            pasted(model, &text);
            None
        }
        Msg::Act(action) => act(model, action),
        Msg::FileChanged => file_changed(model),
        Msg::Conflicted => {
            conflicted(model);
            None
        }
        Msg::Flushed(flushed) => {
            overlay::flushed(model, flushed);
            None
        }
        Msg::SaveDone => Some(Effect::FinishSave),
        Msg::Saved(flushed) => saved(model, flushed),
        Msg::DiskChecked(change) => {
            disk_checked(model, change);
            None
        }
        Msg::Reloaded(result) => {
            overlay::reloaded(model, result);
            None
        }
        Msg::Overwritten => {
            overlay::overwritten(model);
            None
        }
        Msg::SavedAs(path, result) => {
            typing::saved_as(model, &path, result);
            None
        }
        Msg::Compared(path, text) => {
            typing::compared(model, &path, text);
            None
        }
        Msg::Exported(result) => {
            typing::exported(model, result);
            None
        }
        Msg::SheetsWritten(result) => {
            typing::sheets_written(model, result);
            None
        }
        Msg::ImportPlanned(Err(crate::tui::msg::ImportRefused::Prompt(reason))) => {
            // The prompt stays open with the reason, to correct the name.
            typing::refuse_prompt(model, reason);
            None
        }
        Msg::ImportPlanned(result) => {
            import::planned(model, result);
            None
        }
    };
    nav::clamp(model);
    grid::clamp(model);
    effect.into_iter().collect()
}

/// A bracketed paste: into the field being typed (or the search); on a cell of the grid
/// or a sheet, a block from a spreadsheet (one cell, too) fills the cells from the
/// cursor, after a question. A block pasted while typing a cell leaves that value and
/// fills from its cell.
fn pasted(model: &mut Model, text: &str) {
    if model.ui.overlay.is_some() {
        // A question is open: what was pasted is not taken, and that is said.
        let text = crate::i18n::GridText(model.lang).paste_during_question();
        info(model, text);
        return;
    }
    let typing = matches!(model.ui.mode, Mode::Editing(_) | Mode::Finding(_));
    let in_cell = matches!(&model.ui.mode, Mode::Editing(e) if matches!(e.target, Target::Sheet { .. }) && !e.scratch);
    if typing && !(in_cell && super::paste::is_block(text)) {
        // One cell into a value being typed: read as a pasted cell is (`1,800`, `１８００`).
        let number = in_cell
            .then(|| {
                super::paste::pasted_number(text.trim(), false)
                    .ok()
                    .flatten()
            })
            .flatten();
        match number {
            Some(n) => typing::type_text(model, &n.to_string()),
            None => typing::type_text(model, text),
        }
    } else if paste::takes_paste(model) {
        model.ui.mode = Mode::Normal;
        paste::paste(model, text);
    } else if !typing && super::paste::is_block(text) {
        paste::nowhere(model);
    }
}

/// Routes an action: to the overlay if one is open, to the field being typed into, to
/// the presentation, to the commands of every pane, or to the pane's own.
fn act(model: &mut Model, action: Action) -> Option<Effect> {
    if let Some(Overlay::Implausible { then, .. }) = model.ui.overlay {
        let effect = typing::implausible_answered(model, action);
        // In the grid, a value committed after the question moves the grid's cursor.
        let committed = action == Action::Yes && matches!(model.ui.mode, Mode::Normal);
        if committed && model.grid().is_some() {
            grid::moved_after_commit(model, then);
        }
        return effect;
    }
    if model.ui.overlay.is_some() {
        return overlay::act(model, action);
    }
    match model.ui.mode {
        Mode::Editing(_) if model.grid().is_some() && model.ui.form.is_none() => {
            return grid::editing(model, action);
        }
        Mode::Editing(_) => return typing::editing(model, action),
        Mode::Finding(_) => {
            typing::finding(model, action);
            return None;
        }
        Mode::Normal => {}
    }
    model.ui.status = None;
    if model.ui.form.is_some() {
        form::act(model, action);
        return None;
    }
    if model.ui.ranking.presenting {
        ranking::presenting(model, action);
        return None;
    }
    if model.grid().is_some() {
        grid::act(model, action);
        return None;
    }
    match action {
        Action::OpenGrid => grid::open(model),
        Action::Quit => quit(model),
        Action::ShowPane(pane) => model.ui.pane.0 = pane,
        Action::CyclePane(dir) => nav::cycle_pane(model, dir),
        Action::Help => show_help(model),
        Action::Undo => undo(model),
        Action::Redo => redo(model),
        Action::WhatIf => overlay::what_if(model),
        Action::Compare => typing::start_compare(model),
        Action::Export => typing::start_export(model),
        Action::Sheets => typing::start_sheets(model),
        Action::Import => typing::start_import(model),
        Action::ReturnsStatus => status::open(model),
        Action::Find => typing::start_finding(model),
        Action::Settings => form::open_settings(model),
        Action::ResolveConflict => model.ui.overlay = Some(Overlay::Conflict),
        Action::Move(_) | Action::Page(_) | Action::Top | Action::Bottom => {
            nav::move_cursor(model, action)
        }
        _ => match model.ui.pane.0 {
            Pane::Matrix => matrix::act(model, action),
            Pane::Entry => entry::act(model, action),
            Pane::Totals => totals::act(model, action),
            Pane::Ranking => ranking::act(model, action),
            Pane::Problems => problems::act(model, action),
        },
    }
    None
}

/// Ends the program — committed edits are on disk already, or once the save running is
/// done (the status line says so meanwhile); when some could not be written, asks first
/// (save elsewhere, try again, or discard).
fn quit(model: &mut Model) {
    if model.session.is_saving() {
        model.ui.quitting = true;
        info(model, T::QuitAfterSave.get(model.lang).to_string());
    } else if model.session.is_dirty() && !model.session.is_read_only() {
        model.ui.quitting = true;
        model.ui.overlay = Some(Overlay::QuitUnsaved);
    } else {
        model.quit = true;
    }
}

/// The save that ran on another thread is done: a conflict asks what to do, as a write
/// after the frame does; a quit waiting for it goes on (or asks, when it failed). A change
/// on disk seen meanwhile is looked at now.
fn saved(model: &mut Model, flushed: crate::session::Flushed) -> Option<Effect> {
    use crate::session::Flushed;
    match flushed {
        // More edits wait: the next save writes them, then the quit goes on.
        Flushed::Saved if model.ui.quitting && model.session.is_dirty() => {}
        _ if model.ui.quitting => overlay::flushed(model, flushed),
        Flushed::Conflict => conflicted(model),
        _ => {}
    }
    if model.session.take_disk_check() {
        return file_changed(model);
    }
    None
}

/// A write found the file changed on disk: asks what to do, unless something is being
/// typed or another window is open (the header says so, and `!` asks later); a key
/// typed into a prompt never reaches the question.
pub(super) fn conflicted(model: &mut Model) {
    if model.ui.overlay.is_none() && matches!(model.ui.mode, Mode::Normal) {
        model.ui.overlay = Some(Overlay::Conflict);
    }
}

/// Shows every key of the current pane.
fn show_help(model: &mut Model) {
    model.ui.overlay = Some(Overlay::Help { scroll: 0 });
}

/// Takes back the last edit, saying which value went back from what to what, and shows
/// the place.
fn undo(model: &mut Model) {
    history::step(model, true);
}

/// Makes the last undone edit again, saying what, and shows the place.
fn redo(model: &mut Model) {
    history::step(model, false);
}

/// The file changed on disk: look, unless a conflict already waits for the user (it was
/// asked when it arose; the header shows it until it is resolved).
fn file_changed(model: &mut Model) -> Option<Effect> {
    if model.session.conflict {
        // A deleted file that is back: the dialog follows by itself; the line below
        // must not go on saying it is deleted.
        let deleted = T::DiskDeleted.get(model.lang);
        if !model.session.file_gone() && model.ui.status.as_ref().is_some_and(|s| s.text == deleted)
        {
            model.ui.status = None;
        }
        return None;
    }
    Some(Effect::CheckDisk)
}

/// Says what a change on disk did: followed it, or a conflict to resolve, or the file on
/// disk is broken now (the last good version stays).
fn disk_checked(model: &mut Model, change: DiskChange) {
    let l = model.lang;
    match change {
        DiskChange::Nothing => {}
        DiskChange::Reloaded => info(model, T::Reloaded.get(l).to_string()),
        DiskChange::Conflict => conflicted(model),
        DiskChange::Deleted => {
            error(model, T::DiskDeleted.get(l).to_string());
            if model.session.conflict {
                conflicted(model);
            }
        }
        DiskChange::Broken(why) => error(model, format!("{} {why}", T::DiskBroken.get(l))),
    }
}

// ---- shared by the handlers -----------------------------------------------------------------

/// A message in the status line.
fn info(model: &mut Model, text: String) {
    model.ui.status = Some(Status { text, error: false });
}

/// An error in the status line.
fn error(model: &mut Model, text: String) {
    model.ui.status = Some(Status { text, error: true });
}

/// When the file is open read-only, says why nothing can be changed; true then.
fn refused_read_only(model: &mut Model) -> bool {
    let l = model.lang;
    let Some(why) = &model.session.read_only else {
        return false;
    };
    let reason = match why.explained(l) {
        Some(why) => crate::i18n::TuiText(l).read_only_refused(&why),
        None => T::ReadOnlyRefused.get(l).to_string(),
    };
    error(model, reason);
    true
}

/// Starts typing into a field, from `text` (refused when read-only, unless it is a file
/// name).
fn start_editing(model: &mut Model, target: Target, text: &str) {
    if typing::changes_project(&target) && refused_read_only(model) {
        return;
    }
    begin_typing(model, target, text, false);
}

/// Starts trying a value without saving it: the previews show, nothing is committed.
fn start_scratch(model: &mut Model, target: Target, text: &str) {
    begin_typing(model, target, text, true);
}

fn begin_typing(model: &mut Model, target: Target, text: &str, scratch: bool) {
    model.ui.mode = Mode::Editing(Editing {
        target,
        input: Input::new(text),
        error: None,
        preview: false,
        warning: None,
        scratch,
    });
    typing::refresh_preview(model);
}

/// Commits an edit; a refusal goes to the status line. True when it was made. An edit of
/// a score sheet that moves other units' totals says so (the knock-on line).
fn commit(model: &mut Model, edit: Edit) -> bool {
    if refused_read_only(model) {
        return false;
    }
    let place = sheet_place(&edit);
    let before = knock_on::totals(&model.session.board);
    match model.session.commit(edit) {
        Ok(()) => {
            // The unit's own change (`None` here) is said by the callers that know it
            // (Space says the veto); a typed value says it in `typing::commit_typed`.
            if let Some((unit, indicator)) = place {
                say_knock_on(model, &before, None, &unit, indicator.as_deref());
            }
            true
        }
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

// ---- the knock-on line (issue 11) ------------------------------------------------------------

/// The unit whose sheet an edit changes, and the indicator when it is a row; `None` for
/// an edit of the scheme.
fn sheet_place(edit: &Edit) -> Option<(String, Option<String>)> {
    match edit {
        Edit::SetRow {
            unit, indicator, ..
        } => Some((unit.clone(), Some(indicator.clone()))),
        Edit::SetSurvey { unit, .. }
        | Edit::SetOrg { unit, .. }
        | Edit::AddPenalty { unit, .. }
        | Edit::SetPenalty { unit, .. }
        | Edit::RemovePenalty { unit, .. } => Some((unit.clone(), None)),
        _ => None,
    }
}

/// The knock-on line of a commit on `unit`'s sheet: the other units whose totals moved
/// from `before`, cut to the screen; `None` when none moved.
fn knock_on_text(
    model: &Model,
    before: &[(String, rust_decimal::Decimal)],
    after: &crate::scoring::Scoreboard,
    unit: &str,
    indicator: Option<&str>,
) -> Option<String> {
    let moved = knock_on::moved(before, after, unit, indicator);
    let width = usize::from(model.size.0).saturating_sub(2);
    let decimals = model.project().policy.score_decimals;
    knock_on::line(&moved, width, decimals, model.lang)
}

/// After a commit on `unit`'s sheet: says which other units' totals it moved, if any.
fn say_knock_on(
    model: &mut Model,
    before: &[(String, rust_decimal::Decimal)],
    own: Option<(u32, bool)>,
    unit: &str,
    indicator: Option<&str>,
) {
    let others = knock_on_text(model, before, &model.session.board, unit, indicator);
    // The unit's own rank and veto first, when the commit changed them.
    let board = &model.session.board;
    let mine = match (own, board.find(unit)) {
        (Some((rank, vetoed)), Some(u)) if rank != u.rank || vetoed != u.vetoed() => {
            Some(crate::i18n::EntryText(model.lang).own_change(
                &crate::text::sanitize(&u.name),
                rank,
                u.rank,
                match (vetoed, u.vetoed()) {
                    (false, true) => Some(true),
                    (true, false) => Some(false),
                    _ => None,
                },
            ))
        }
        _ => None,
    };
    let text = match (mine, others) {
        (Some(m), Some(o)) => Some(format!("{m}{}{o}", model.lang.pick("；", "; "))),
        (m, o) => m.or(o),
    };
    match text {
        Some(text) => info(model, text),
        // Nothing moved: no line of an earlier commit stays as if it were this one's.
        None => model.ui.status = None,
    }
}

/// A unit's rank and whether it is vetoed, before a commit.
fn standing(board: &crate::scoring::Scoreboard, unit: &str) -> Option<(u32, bool)> {
    board.find(unit).map(|u| (u.rank, u.vetoed()))
}

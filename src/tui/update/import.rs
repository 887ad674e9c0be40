//! Importing a return (`I`, SPEC §7): the file named at the prompt is read and planned
//! by the operations layer (`kaoping import`'s own [`crate::ops::plan_return`]: the
//! same reading, the same checks, nothing written); here its preview opens, and `y`
//! commits every value and its `[[returns]]` entry as one undo step.

use super::super::keymap::{self, Mention};
use super::super::model::{Mode, Model, Overlay};
use super::super::msg::{Action, ImportRefused, Planned};
use super::nav::scroll_by;
use super::{error, info, refused_read_only};
use crate::edit::Edit;
use crate::i18n::{ReturnsText, T};
use crate::ops::Imported;
use crate::text::sanitize;

/// The preview's parts, as the overlay holds them: title, lines, edits, the line to say
/// once it is in, scroll.
type Preview = (String, Vec<String>, Vec<Edit>, String, usize);

/// The return was read: its preview and question, or — when it changes nothing, having
/// been taken in before — a line that says so; every reason it cannot go in, in a window.
pub(super) fn planned(model: &mut Model, result: Result<Planned, ImportRefused>) {
    let l = model.lang;
    let imported = match result {
        Ok(Planned(imported)) => imported,
        // Handled with the prompt (`typing`), where the name can be corrected.
        Err(ImportRefused::Prompt(_)) => return,
        Err(ImportRefused::Return(lines)) => {
            model.ui.mode = Mode::Normal;
            let lines = lines.iter().map(|s| sanitize(s)).collect();
            model.ui.overlay = Some(Overlay::Explain {
                title: T::ImportRefusedTitle.get(l).to_string(),
                lines,
                scroll: 0,
            });
            return;
        }
    };
    model.ui.mode = Mode::Normal;
    let Imported {
        file, notes, plan, ..
    } = *imported;
    let summary = sanitize(&plan.summary(l));
    if plan.already || plan.edits.is_empty() {
        info(model, summary);
        return;
    }
    let mut lines: Vec<String> = notes
        .iter()
        .map(|note| sanitize(&note.line(&file, l)))
        .collect();
    if plan.changes_values() {
        lines.extend(
            crate::i18n::diff::lines(&plan.diff, l)
                .iter()
                .map(|s| sanitize(s)),
        );
        lines.push(String::new());
    }
    lines.push(summary.clone());
    let undo = keymap::mention(Mention::Undo, l);
    model.ui.overlay = Some(Overlay::Import {
        title: format!("{} · {}", T::ImportTitle.get(l), sanitize(&file)),
        lines,
        edits: plan.edits,
        done: ReturnsText(l).taken_in(&summary, &undo),
        scroll: 0,
    });
}

/// A key on the preview: `y` takes the return in (one step), `n` leaves it out, the
/// arrows scroll.
pub(super) fn act(model: &mut Model, action: Action, page: usize, preview: Preview) {
    let (title, lines, edits, done, scroll) = preview;
    match action {
        Action::Yes => {
            if refused_read_only(model) {
                return;
            }
            match model.session.commit_many(edits) {
                Ok(()) => info(model, done),
                Err(rejected) => {
                    let text = rejected.message(model.lang);
                    error(model, text);
                }
            }
        }
        Action::No => {
            let file = title.rsplit(" · ").next().unwrap_or_default().to_string();
            let text = ReturnsText(model.lang).not_taken_in(&file);
            info(model, text);
        }
        _ => {
            let scroll = scroll_by(scroll, action, page).min(lines.len().saturating_sub(1));
            model.ui.overlay = Some(Overlay::Import {
                title,
                lines,
                edits,
                done,
                scroll,
            });
        }
    }
}

//! The edit being typed, kept safe when kaoping is interrupted: a dropped terminal, a
//! signal or a panic writes it to `.NAME.toml.recover` beside the project, and the next
//! start offers to restore it. (Committed edits are already in the file.)

use super::model::{Mode, Model, Unfinished};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The unfinished edit of the moment, and where it would go: kept current after every
/// update so that a panic hook or a signal can write it without touching the model.
static CURRENT: Mutex<Option<Remembered>> = Mutex::new(None);

/// What would be written, where, and the project it belongs to (whose permissions the
/// recovery file takes).
#[derive(Clone)]
struct Remembered {
    path: PathBuf,
    project: PathBuf,
    text: String,
}

/// Remembers what is being typed now (or that nothing is).
pub fn remember(model: &Model) {
    let current = match &model.ui.mode {
        // A value tried without saving it (what-if) is never brought back as an edit, and
        // a read-only copy keeps nothing (the writer's recovery file is the writer's).
        Mode::Editing(e) if !e.scratch && !model.session.is_read_only() => {
            let unfinished = Unfinished {
                target: e.target.clone(),
                text: e.input.text().to_string(),
            };
            toml::to_string(&unfinished).ok().map(|text| {
                let project = model.session.store.target().to_path_buf();
                Remembered {
                    path: crate::store::recovery_path(&project),
                    project,
                    text,
                }
            })
        }
        _ => None,
    };
    if let Ok(mut slot) = CURRENT.lock() {
        *slot = current;
    }
}

/// Writes the remembered unfinished edit, if any (best effort: this runs while the
/// program is going down).
pub fn write_now() {
    let current = match CURRENT.try_lock() {
        Ok(slot) => slot.clone(),
        Err(_) => None,
    };
    if let Some(r) = current {
        let _ = crate::store::write_side_file(&r.path, r.text.as_bytes(), &r.project);
    }
}

/// Makes a panic write the unfinished edit before the terminal is restored and the
/// message printed.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        write_now();
        previous(info);
    }));
}

/// What an interrupted session left for this file.
#[derive(Debug, Clone, PartialEq)]
pub enum Left {
    Nothing,
    /// An edit being typed, to offer back.
    Unfinished(Unfinished),
    /// A recovery file that cannot be read: kept, and named to the user.
    Unreadable(PathBuf),
}

/// The unfinished edit left by an interrupted session on this file. The file stays until
/// the user has answered ([`forget`]), so that a second interruption loses nothing; one
/// that cannot be read is kept and named.
pub fn peek(target: &Path) -> Left {
    let path = crate::store::recovery_path(target);
    // Never through a link, never a FIFO or a device, never more than a small file.
    match crate::store::read_side_file(&path) {
        Ok(None) => Left::Nothing,
        Ok(Some(bytes)) => match String::from_utf8(bytes)
            .ok()
            .and_then(|text| toml::from_str(&text).ok())
        {
            Some(unfinished) => Left::Unfinished(unfinished),
            None => Left::Unreadable(path),
        },
        Err(_) => Left::Unreadable(path),
    }
}

/// The user answered the offer: the recovery file goes.
pub fn forget(target: &Path) {
    let _ = std::fs::remove_file(crate::store::recovery_path(target));
}

//! The edit being typed, kept safe when kaoping is interrupted: a dropped terminal, a
//! signal or a panic writes it to `.NAME.toml.recover` beside the project, and the next
//! start offers to restore it. (Committed edits are already in the file.)

use super::model::{Mode, Model, Unfinished};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The unfinished edit of the moment, and where it would go: kept current after every
/// update so that a panic hook or a signal can write it without touching the model.
static CURRENT: Mutex<Option<(PathBuf, String)>> = Mutex::new(None);

/// Remembers what is being typed now (or that nothing is).
pub fn remember(model: &Model) {
    let current = match &model.ui.mode {
        // A value tried without saving it (what-if) is never brought back as an edit.
        Mode::Editing(e) if !e.scratch => {
            let unfinished = Unfinished {
                target: e.target.clone(),
                text: e.input.text().to_string(),
            };
            toml::to_string(&unfinished).ok().map(|text| {
                let path = crate::store::recovery_path(model.session.store.target());
                (path, text)
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
    if let Some((path, text)) = current {
        let _ = crate::store::write_side_file(&path, text.as_bytes());
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
    let Ok(text) = std::fs::read_to_string(&path) else {
        return if path.exists() {
            Left::Unreadable(path)
        } else {
            Left::Nothing
        };
    };
    match toml::from_str(&text) {
        Ok(unfinished) => Left::Unfinished(unfinished),
        Err(_) => Left::Unreadable(path),
    }
}

/// The user answered the offer: the recovery file goes.
pub fn forget(target: &Path) {
    let _ = std::fs::remove_file(crate::store::recovery_path(target));
}

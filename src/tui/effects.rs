//! Runs the [`Effect`]s `update` asks for — the reading and writing of files — and
//! turns each outcome into the [`Msg`] that tells `update` what happened. Nothing here
//! touches the screen's state: only the session, which owns the project file, keeps its
//! record of the file up to date.
//!
//! The only file of the terminal program that names the command line's helpers
//! (`crate::cli`): for reading a project file, writing a file atomically, and the exit
//! codes both front ends share (re-exported below for `tui::run`).

use super::msg::{Effect, Msg};
use crate::i18n::{Lang, T};
use crate::session::Session;
use std::path::Path;

/// The exit codes of SPEC §5 (0 success, 1 the file has errors, 2 usage or I/O error).
pub use crate::cli::{EXIT_FILE_ERRORS, EXIT_OK, EXIT_USAGE};

/// Runs one effect and says how it went.
pub fn run(session: &mut Session, lang: Lang, effect: Effect) -> Msg {
    match effect {
        Effect::CheckDisk => Msg::DiskChecked(session.disk_changed()),
        Effect::Reload => {
            Msg::Reloaded(session.reload().map(|failed| failed.len()).map_err(|_| ()))
        }
        Effect::Overwrite => {
            session.overwrite();
            Msg::Overwritten
        }
        Effect::SaveAs(path) => {
            let result = session.save_as(&path);
            Msg::SavedAs(path, result)
        }
        Effect::Compare(path) => {
            let text = match crate::cli::read_project(&path, lang) {
                Ok(read) => read,
                Err(e) => Err(e.to_string()),
            };
            Msg::Compared(path, text)
        }
        Effect::Export(path) => {
            let result = export(session, lang, &path);
            Msg::Exported(path, result)
        }
    }
}

/// Writes the evaluation to a file; its extension picks the format.
fn export(session: &Session, lang: Lang, path: &Path) -> Result<(), String> {
    use crate::report::{
        CsvTable, RankInput, export_csv, export_html, export_markdown, export_xlsx,
    };
    let input = RankInput {
        project: &session.project,
        board: &session.board,
        warnings: &session.problems,
        lang,
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
        _ => Err(T::ExportUnknownFormat.get(lang).to_string()),
    }?;
    crate::cli::write_file_atomic(path, &bytes).map_err(|e| e.to_string())
}

//! Runs the [`Effect`]s `update` asks for — the reading and writing of files — and
//! turns each outcome into the [`Msg`] that tells `update` what happened. Nothing here
//! touches the screen's state: only the session, which owns the project file, keeps its
//! record of the file up to date.
//!
//! Files other than the project go through the operations layer ([`crate::ops`]), the
//! same as the command line's: reading another project, exporting with `kaoping
//! export`'s options.

use super::msg::{Effect, Msg};
use crate::i18n::Lang;
use crate::ops::{self, ExportOptions, Exported};
use crate::session::Session;
use std::path::PathBuf;

/// Runs one effect and says how it went.
pub fn run(session: &mut Session, lang: Lang, effect: Effect) -> Msg {
    match effect {
        Effect::Save => Msg::Flushed(session.flush()),
        Effect::FinishSave => Msg::Saved(
            session
                .finish_save()
                .unwrap_or(crate::session::Flushed::Nothing),
        ),
        Effect::CheckDisk => Msg::DiskChecked(session.disk_changed(lang)),
        Effect::Reload => Msg::Reloaded(session.reload().map_err(|e| e.first_line(lang))),
        Effect::Overwrite => {
            session.overwrite();
            Msg::Overwritten
        }
        Effect::SaveAs(path) => {
            let result = session.save_as(&path).map_err(|e| e.message(lang));
            Msg::SavedAs(path, result)
        }
        Effect::Compare(path) => {
            let text = ops::read_text(&path).map_err(|e| e.message(lang));
            Msg::Compared(path, text)
        }
        Effect::Export(typed) => Msg::Exported(export(session, lang, &typed)),
        Effect::Sheets(typed) => Msg::SheetsWritten(sheets(session, lang, &typed)),
        Effect::PlanImport(typed, today) => {
            Msg::ImportPlanned(plan_import(session, lang, &typed, today))
        }
    }
}

/// Reads the return the prompt names and plans taking it into the project as it stands
/// (`kaoping import`'s options may follow the name); every reason it cannot go in.
fn plan_import(
    session: &Session,
    lang: Lang,
    typed: &str,
    today: crate::project::Date,
) -> Result<super::msg::Planned, super::msg::ImportRefused> {
    use super::msg::ImportRefused;
    let prompt =
        ops::ImportPrompt::parse(typed).map_err(|e| ImportRefused::Prompt(e.message(lang)))?;
    // A relative name is the project's folder's.
    let path = match session.path().parent() {
        Some(folder) if prompt.path.is_relative() => folder.join(&prompt.path),
        _ => prompt.path.clone(),
    };
    ops::plan_return(
        &session.project,
        &session.board,
        &path,
        prompt.into,
        prompt.from.as_deref(),
        today,
    )
    .map(|imported| super::msg::Planned(Box::new(imported)))
    .map_err(|e| match e {
        ops::OpsError::Return(_) | ops::OpsError::FileHasErrors { .. } => {
            ImportRefused::Return(e.lines(lang))
        }
        other => ImportRefused::Prompt(other.message(lang)),
    })
}

/// Writes the request workbooks of the project as it stands into the folder the prompt
/// names, with `kaoping sheets`'s options after it (`--for units --force`).
fn sheets(session: &Session, lang: Lang, typed: &str) -> Result<(usize, PathBuf), String> {
    let options = ops::SheetsOptions::from_prompt(typed).map_err(|e| e.message(lang))?;
    let written = ops::write_sheets(&session.project, session.path(), &options, lang)
        .map_err(|e| e.message(lang))?;
    Ok((written.len(), options.folder()))
}

/// Writes the evaluation to a file. The prompt holds a file name (its extension picks the
/// format) and, after it, any of `kaoping export`'s options (`--table scores --no-bom`).
fn export(session: &Session, lang: Lang, typed: &str) -> Result<PathBuf, String> {
    let input = crate::report::RankInput {
        project: &session.project,
        board: &session.board,
        selfcheck: session.selfcheck_board.as_ref(),
        warnings: &session.problems,
        lang,
    };
    let options = ExportOptions::from_prompt(typed).map_err(|e| e.message(lang))?;
    match ops::export(&input, &options, session.path(), &ops::today()) {
        Ok(Exported::File(path)) => Ok(path),
        // `-o -` means standard output, which is the screen here.
        Ok(Exported::Stdout(_)) => Err(crate::i18n::T::ExportUnknownFormat.get(lang).to_string()),
        Err(e) => Err(e.message(lang)),
    }
}

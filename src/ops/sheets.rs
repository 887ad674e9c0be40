//! `kaoping sheets FILE [--for departments|units] [-o DIR] [--force]` and the terminal
//! program's `W`: the request workbooks of [`crate::returns::request_workbooks`] written
//! into a folder.
//!
//! The project must load without errors (a workbook pre-filled from a broken file would
//! carry its mistakes out). The folder is made when missing. Every file name is checked
//! before anything is written: one that exists already (a filled return may sit there
//! under the same name) stops the whole run, named, unless `--force`; so does a name that
//! is kaoping's own file. Each workbook is then written atomically (a temporary file
//! renamed over), one after another.

use super::OpsError;
use crate::i18n::Lang;
use crate::project::Project;
use crate::returns::{Recipients, request_workbooks};
use std::path::{Path, PathBuf};

/// The options of `kaoping sheets`, the same on the command line and in the terminal
/// program's prompt (`W`: `out/ --for units`).
#[derive(Debug, Clone, PartialEq, Eq, Default, clap::Args)]
pub struct SheetsOptions {
    /// Who the workbooks are for: each responsible department (its indicators × the
    /// counties and the zone), or each county and the zone (its self-check)
    #[arg(long = "for", value_enum, default_value_t = Recipients::Departments)]
    pub who: Recipients,
    /// The folder to write them into (made if missing; default: the current folder)
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Replace workbooks already in the folder (a filled return of the same name is lost)
    #[arg(long)]
    pub force: bool,
}

/// The prompt's text as options: a folder first, then the command line's options.
#[derive(Debug, clap::Parser)]
#[command(no_binary_name = true)]
struct PromptOptions {
    /// The folder (`-o` may name it instead)
    folder: Option<PathBuf>,
    #[command(flatten)]
    options: SheetsOptions,
}

impl SheetsOptions {
    /// Reads the prompt of `W`: a folder (empty: the current folder) and, after it, any
    /// of the command line's options (`out/ --for units --force`). Quotes group words.
    pub fn from_prompt(text: &str) -> Result<SheetsOptions, OpsError> {
        let text = text.trim();
        if !text.contains(" -") && !text.starts_with(['"', '\'', '-']) {
            // Only a folder, spaces and all (or nothing).
            return Ok(SheetsOptions {
                dir: (!text.is_empty()).then(|| PathBuf::from(text)),
                ..SheetsOptions::default()
            });
        }
        let parsed: PromptOptions = super::parse_prompt(text)?;
        let mut options = parsed.options;
        options.dir = options.dir.or(parsed.folder);
        Ok(options)
    }

    /// The folder the workbooks go into.
    pub fn folder(&self) -> PathBuf {
        self.dir.clone().unwrap_or_else(|| PathBuf::from("."))
    }
}

/// `kaoping sheets`: reads the project (it must have no errors) and writes its request
/// workbooks; the files written, in order.
pub fn sheets(file: &Path, options: &SheetsOptions, lang: Lang) -> Result<Vec<PathBuf>, OpsError> {
    let scored = super::load_scored(file)?;
    write_sheets(&scored.project, file, options, lang)
}

/// Writes the request workbooks of a project (loaded from `project_path`, which no
/// workbook may replace) where the options say; the files written, in order.
pub fn write_sheets(
    project: &Project,
    project_path: &Path,
    options: &SheetsOptions,
    lang: Lang,
) -> Result<Vec<PathBuf>, OpsError> {
    let workbooks = request_workbooks(project, options.who, lang).map_err(OpsError::Export)?;
    if workbooks.is_empty() {
        return Err(OpsError::NoWorkbooks { who: options.who });
    }
    let folder = options.folder();
    let paths: Vec<PathBuf> = workbooks
        .iter()
        .map(|w| folder.join(&w.file_name))
        .collect();
    // Every name is checked before the first file is written.
    for path in &paths {
        if let Some(what) = crate::store::guarded(path, project_path) {
            return Err(OpsError::Guarded {
                path: path.clone(),
                what,
            });
        }
        if !options.force && std::fs::symlink_metadata(path).is_ok() {
            return Err(OpsError::WouldOverwrite { path: path.clone() });
        }
    }
    std::fs::create_dir_all(&folder).map_err(|source| OpsError::from_io(&folder, source))?;
    for (workbook, path) in workbooks.iter().zip(&paths) {
        super::write_file(path, &workbook.bytes)?;
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompt_holds_a_folder_and_the_options() {
        assert_eq!(
            SheetsOptions::from_prompt("  ").unwrap(),
            SheetsOptions::default()
        );
        assert_eq!(
            SheetsOptions::from_prompt("my returns").unwrap().dir,
            Some(PathBuf::from("my returns"))
        );
        let o = SheetsOptions::from_prompt("out/ --for units --force").unwrap();
        assert_eq!(o.dir, Some(PathBuf::from("out/")));
        assert_eq!(o.who, Recipients::Units);
        assert!(o.force);
        let o = SheetsOptions::from_prompt("--for units").unwrap();
        assert_eq!((o.dir, o.who), (None, Recipients::Units));
        assert!(matches!(
            SheetsOptions::from_prompt("out --for counties"),
            Err(OpsError::Options { .. })
        ));
    }
}

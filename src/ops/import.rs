//! `kaoping import FILE RETURN [--dry-run] [--into scores|selfcheck]`: a return read,
//! planned ([`crate::returns::import::plan`]) and — unless `--dry-run` — saved with the
//! same safety as `set` ([`super::open_to_change`], [`super::save_changed`]: the lock, a
//! parse back, an atomic write, the backup). Nothing is written on any error: the plan
//! is made in full, every cell checked, before the project file is touched.

use super::{Opened, OpsError, open_to_change, save_changed};
use crate::edit::apply_to_document;
use crate::project::{Date, SheetKind};
use crate::returns::import::{ImportError, ImportErrors, ImportPlan, plan};
use crate::returns::read::{ReadNote, read};
use crate::returns::sha256_hex;
use std::path::Path;

/// What an import did (or, with `dry_run`, would do).
#[derive(Debug, Clone)]
pub struct Imported {
    /// The return's file name, as the messages and `[[returns]]` name it.
    pub file: String,
    /// What the reader noticed (read as GBK, columns ignored, sheets skipped).
    pub notes: Vec<ReadNote>,
    pub plan: ImportPlan,
    /// Whether the project file was written.
    pub saved: bool,
}

/// How to take a return in.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The sheets the values go into (`None`: what the workbook says, else `scores`).
    pub into: Option<SheetKind>,
    /// Who sent it (an id or a name), over what the workbook says.
    pub from: Option<String>,
    /// Plan and show only.
    pub dry_run: bool,
    /// Record a return that changes no value (else it is not recorded: an unfilled
    /// request sheet taken for a return would count as sent).
    pub unchanged: bool,
    /// The day recorded as `received`.
    pub today: Date,
}

/// Takes the return at `ret` into the project `file` (see the module's doc).
pub fn import(file: &Path, ret: &Path, options: &ImportOptions) -> Result<Imported, OpsError> {
    let ImportOptions {
        into,
        from,
        dry_run,
        unchanged,
        today,
    } = options.clone();
    // The project first: a locked or broken project is said before the return is read.
    let (mut opened, project, board) = if dry_run {
        let s = super::load_scored(file)?;
        (None, s.project, s.board)
    } else {
        let o = open_to_change(file)?;
        let (Some(project), Some(board)) = (o.analysis.project.clone(), o.analysis.board.clone())
        else {
            return Err(OpsError::FileHasErrors {
                path: file.to_path_buf(),
                text: Some(o.text),
                problems: o.analysis.problems,
            });
        };
        (Some(o), project, board)
    };
    let mut done = plan_return(&project, &board, ret, into, from.as_deref(), today)?;
    if let Some(Opened { store, text, .. }) = opened.as_mut()
        && !done.plan.edits.is_empty()
        && (done.plan.changes_values() || unchanged)
    {
        let mut doc: toml_edit::DocumentMut = text
            .parse()
            .map_err(|e: toml_edit::TomlError| OpsError::Export(e.to_string()))?;
        for edit in &done.plan.edits {
            apply_to_document(&mut doc, edit);
        }
        save_changed(store, file, &doc.to_string())?;
        done.saved = true;
    }
    Ok(done)
}

/// Reads the return at `ret` and plans taking it into `project` (scored as `board`),
/// writing nothing: what `import` does before it saves, and what the terminal
/// program's `I` shows before it asks. `from` (an id or a name) names the sender over
/// what the workbook says.
pub fn plan_return(
    project: &crate::project::Project,
    board: &crate::scoring::Scoreboard,
    ret: &Path,
    into: Option<SheetKind>,
    from: Option<&str>,
    today: Date,
) -> Result<Imported, OpsError> {
    let (bytes, _) = crate::store::read(ret).map_err(|e| OpsError::from_io(ret, e))?;
    let name = ret.file_name().map_or_else(
        || ret.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let refuse = |errors: Vec<ImportError>| {
        OpsError::Return(ImportErrors {
            file: name.clone(),
            errors,
        })
    };
    let mut read = read(&name, &bytes)
        .map_err(|errors| refuse(errors.into_iter().map(ImportError::Read).collect()))?;
    if let Some(from) = from {
        let asked = super::find_unit(project, from)?;
        match &read.props.from {
            // The workbook says whom it was made for: another sender is refused.
            Some(workbook) if *workbook != asked => {
                return Err(refuse(vec![ImportError::FromContradicts {
                    workbook: project.name_of(workbook).to_string(),
                    asked: project.name_of(&asked).to_string(),
                }]));
            }
            _ => read.props.from = Some(asked),
        }
    }
    let sha = sha256_hex(&bytes);
    let plan = plan(project, board, &read, &name, &sha, into, today).map_err(OpsError::Return)?;
    Ok(Imported {
        file: name,
        notes: read.notes,
        plan,
        saved: false,
    })
}

/// What the terminal program's `I` prompt holds: the return's path and, after it, any of
/// `kaoping import`'s options (`--into selfcheck`, `--from 东城县`). Quotes group words.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPrompt {
    pub path: std::path::PathBuf,
    pub into: Option<SheetKind>,
    pub from: Option<String>,
}

#[derive(clap::Parser)]
#[command(name = "import", no_binary_name = true, disable_help_flag = true)]
struct PromptArgs {
    path: Option<std::path::PathBuf>,
    #[arg(long, value_parser = ["scores", "selfcheck"])]
    into: Option<String>,
    #[arg(long)]
    from: Option<String>,
}

impl ImportPrompt {
    pub fn parse(text: &str) -> Result<ImportPrompt, OpsError> {
        let text = text.trim();
        let args = if !text.contains(" -") && !text.starts_with(['"', '\'', '-']) {
            // Only a path, spaces and all.
            PromptArgs {
                path: (!text.is_empty()).then(|| std::path::PathBuf::from(text)),
                into: None,
                from: None,
            }
        } else {
            super::parse_prompt(text)?
        };
        Ok(ImportPrompt {
            path: args.path.ok_or(OpsError::NoReturn)?,
            into: args.into.as_deref().and_then(SheetKind::from_key),
            from: args.from,
        })
    }
}

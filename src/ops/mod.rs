//! What the command line and the terminal program both do with files, one function per
//! operation: read a project and score it, find a unit or an indicator by id or name,
//! export the evaluation, compare with another file, write a file, set one value. The
//! front ends never read or write files themselves (the open project file itself is the
//! [`crate::session`]'s, through the [`crate::store`]).
//!
//! Every failure is an [`OpsError`]: its [`exit code`](OpsError::exit_code) and its
//! [`message`](OpsError::lines) in the user's language.

use crate::check::{Analysis, analyze};
use crate::diff::Diff;
use crate::i18n::{self, Lang};
use crate::project::problem::{Problem, ProblemKind, has_errors};
use crate::project::{Project, TomlPath};
use crate::report::{CsvTable, RankInput};
use crate::scoring::Scoreboard;
use crate::store::MAX_FILE_BYTES;
use std::path::{Path, PathBuf};

mod sheets;
pub use sheets::{SheetsOptions, sheets, write_sheets};
mod import;
pub mod status;
pub use import::{ImportOptions, ImportPrompt, Imported, import, plan_return};

/// Exit code: success.
pub const EXIT_OK: i32 = 0;
/// Exit code: the file has errors.
pub const EXIT_FILE_ERRORS: i32 = 1;
/// Exit code: a usage or I/O error.
pub const EXIT_USAGE: i32 = 2;

/// Why an operation failed.
#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file has errors (exit 1): each is shown like a compiler's, placed in `text`
    /// when it is the file's own text.
    #[error("{}: the file has errors", path.display())]
    FileHasErrors {
        path: PathBuf,
        text: Option<String>,
        problems: Vec<Problem>,
    },
    /// A change was refused because of the errors it would cause; nothing was written.
    #[error("{}: refused", path.display())]
    Refused {
        path: PathBuf,
        problems: Vec<Problem>,
    },
    /// No unit, indicator or row by that id or name.
    #[error("no such {what:?} `{key}`")]
    NotFound { what: Lookup, key: String },
    /// A name that several units (or indicators) have: their ids, to give one of.
    #[error("ambiguous {what:?} `{key}`: {ids:?}")]
    Ambiguous {
        what: Lookup,
        key: String,
        ids: Vec<String>,
    },
    /// An export to a file whose extension names no format.
    #[error("{}: no export format for this extension", path.display())]
    UnknownFormat { path: PathBuf },
    /// The export prompt named no file to write.
    #[error("no file to write")]
    NoOutput,
    /// The import prompt named no return to read.
    #[error("no return to read")]
    NoReturn,
    /// No `--format`, and no file name whose extension says it.
    #[error("no format")]
    NoFormat,
    /// An option of csv's given for another format.
    #[error("{option} is for csv")]
    OnlyForCsv { option: &'static str },
    /// The export options as typed break a rule of the command line's: clap's reason,
    /// and the argument it concerns.
    #[error("{kind}: {arg:?}")]
    Options {
        kind: clap::error::ErrorKind,
        arg: Option<String>,
    },
    /// The spreadsheet writer failed.
    #[error("{0}")]
    Export(String),
    /// A key path that is not one.
    #[error("not a valid key path: {0}")]
    BadKeyPath(String),
    /// A key path that leads nowhere in the file.
    #[error("{}: {source}", path.display())]
    Set {
        path: PathBuf,
        source: crate::edit::SetError,
    },
    /// Another copy of kaoping has the file open for writing.
    #[error("{}: being edited by {holder}", path.display())]
    Locked { path: PathBuf, holder: String },
    /// Not a regular file (a FIFO, a device, a folder): refused before it is read.
    #[error("{}: not a regular file", path.display())]
    NotAFile {
        path: PathBuf,
        kind: crate::store::NotAFile,
    },
    /// A side file (lock, backup, `.mine`, recovery) is a symbolic link: refused.
    #[error("{}: a symbolic link", path.display())]
    SymlinkedSideFile { path: PathBuf },
    /// A side file (the lock) with other names (a hard link): refused.
    #[error("{}: a hard link", path.display())]
    HardLinkedSideFile { path: PathBuf },
    /// An export onto the project, its side files, or a file open in another kaoping.
    #[error("{}: kaoping's own file", path.display())]
    Guarded {
        path: PathBuf,
        what: crate::store::Guarded,
    },
    /// `set` asked to replace a table (or an array of tables), not a value.
    #[error("{key}: a table")]
    NotAValue { key: String },
    /// The file (or its folder) may not be written.
    #[error("{}: not writable", path.display())]
    NotWritable { path: PathBuf, folder: bool },
    /// A return that cannot be taken in (exit 1): every reason, each at its file, sheet
    /// and cell; nothing was written.
    #[error("{}: the return cannot be taken in", .0.file)]
    Return(crate::returns::import::ImportErrors),
    /// The project file could not be saved.
    #[error("{}: {source}", path.display())]
    Save {
        path: PathBuf,
        source: crate::store::SaveError,
    },
    /// `kaoping sheets` would replace a file (perhaps a filled return): nothing written.
    #[error("{}: exists", path.display())]
    WouldOverwrite { path: PathBuf },
    /// `kaoping sheets` found no one to send a workbook to.
    #[error("no request workbooks for {who:?}")]
    NoWorkbooks { who: crate::returns::Recipients },
}

/// What [`OpsError::NotFound`] looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    Unit,
    Indicator,
    /// A unit's row for an indicator.
    Row,
}

impl Lookup {
    fn word(self, lang: Lang) -> String {
        let t = i18n::OpsText(lang);
        match self {
            Lookup::Unit => t.unit_word(),
            Lookup::Indicator => t.indicator_word(),
            Lookup::Row => t.row_word(),
        }
    }
}

impl OpsError {
    fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OpsError + '_ {
        move |source| OpsError::from_io(path, source)
    }

    /// An I/O error on `path`, with what the store refuses named: a file too large (a
    /// file error), anything but a regular file, a side file that is a symbolic link.
    pub fn from_io(path: &Path, source: std::io::Error) -> OpsError {
        // An error that names its own file (a side file, the backup) is about that file.
        if source
            .get_ref()
            .is_some_and(|i| i.is::<crate::store::AtPath>())
        {
            let kind = source.kind();
            if let Ok(at) = source
                .into_inner()
                .unwrap_or_else(|| Box::new(std::io::Error::from(kind)))
                .downcast::<crate::store::AtPath>()
            {
                return OpsError::from_io(&at.path, at.source);
            }
            return OpsError::from_io(path, std::io::Error::from(kind));
        }
        let path = path.to_path_buf();
        let inner = source.get_ref();
        if let Some(large) = inner.and_then(|e| e.downcast_ref::<crate::store::TooLarge>()) {
            let kind = ProblemKind::TooLarge {
                bytes: large.bytes,
                limit: MAX_FILE_BYTES,
            };
            return OpsError::FileHasErrors {
                path,
                text: None,
                problems: vec![Problem::new(kind, TomlPath::root())],
            };
        }
        if let Some(kind) = inner.and_then(|e| e.downcast_ref::<crate::store::NotAFile>()) {
            return OpsError::NotAFile { path, kind: *kind };
        }
        if let Some(link) = inner.and_then(|e| e.downcast_ref::<crate::store::SymlinkedSideFile>())
        {
            return OpsError::SymlinkedSideFile {
                path: link.0.clone(),
            };
        }
        if let Some(link) = inner.and_then(|e| e.downcast_ref::<crate::store::HardLinkedSideFile>())
        {
            return OpsError::HardLinkedSideFile {
                path: link.0.clone(),
            };
        }
        OpsError::Io { path, source }
    }

    /// The exit code of the command line: 1 when the file has errors (or a change would
    /// cause some), 2 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            OpsError::FileHasErrors { .. } | OpsError::Refused { .. } | OpsError::Return(_) => {
                EXIT_FILE_ERRORS
            }
            _ => EXIT_USAGE,
        }
    }

    /// What the command line prints, a line each: a file's errors like a compiler's
    /// (`file:line:col: error: …`), anything else after `kaoping: `.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let t = i18n::OpsText(lang);
        self.said(lang)
            .into_iter()
            .map(|(located, line)| if located { line } else { t.failed(&line) })
            .collect()
    }

    /// The message in one line, as the terminal program's status line shows it.
    pub fn message(&self, lang: Lang) -> String {
        let lines: Vec<String> = self.said(lang).into_iter().map(|(_, l)| l).collect();
        lines.join("; ")
    }

    /// The lines of the message, each marked when it is located like a compiler's.
    fn said(&self, lang: Lang) -> Vec<(bool, String)> {
        let t = i18n::OpsText(lang);
        let plain = |line: String| vec![(false, line)];
        match self {
            OpsError::Io { path, source } => plain(format!(
                "{}: {}",
                path.display(),
                i18n::io_error(source, lang)
            )),
            OpsError::FileHasErrors {
                path,
                text,
                problems,
            } => {
                let name = path.display().to_string();
                problems
                    .iter()
                    .filter(|p| p.is_error())
                    .map(|p| (true, i18n::render(p, &name, text.as_deref(), lang)))
                    .collect()
            }
            OpsError::Refused { path, problems } => {
                let name = path.display().to_string();
                let mut lines: Vec<(bool, String)> = problems
                    .iter()
                    .filter(|p| p.is_error())
                    .map(|p| (true, i18n::render(p, &name, None, lang)))
                    .collect();
                lines.push((false, t.nothing_changed()));
                lines
            }
            OpsError::Return(errors) => {
                let mut lines: Vec<(bool, String)> =
                    errors.lines(lang).into_iter().map(|l| (true, l)).collect();
                let count = errors.errors.len();
                lines.push((false, i18n::ReturnsText(lang).nothing_written(count)));
                lines
            }
            OpsError::NotFound { what, key } => plain(t.not_found(&what.word(lang), key)),
            OpsError::Ambiguous { what, key, ids } => {
                let ids = ids.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>();
                plain(t.ambiguous(&what.word(lang), key, &ids.join(", ")))
            }
            // The name is on screen (the prompt) or on the command line already.
            OpsError::UnknownFormat { .. } => {
                plain(i18n::T::ExportUnknownFormat.get(lang).to_string())
            }
            OpsError::Export(message) => plain(message.clone()),
            OpsError::NoOutput => plain(i18n::T::ExportNoOutput.get(lang).to_string()),
            OpsError::NoReturn => plain(i18n::T::ImportNoFile.get(lang).to_string()),
            OpsError::NoFormat => plain(i18n::T::ExportNoFormat.get(lang).to_string()),
            OpsError::OnlyForCsv { option } => plain(t.only_for_csv(option)),
            OpsError::Options { kind, arg } => plain(match arg {
                Some(arg) => format!("{}: {arg}", i18n::option_error(*kind, lang)),
                None => i18n::option_error(*kind, lang),
            }),
            OpsError::BadKeyPath(key) => plain(t.bad_key_path(key)),
            OpsError::Set { path, source } => plain(format!(
                "{}: {}",
                path.display(),
                i18n::set_error(source, lang)
            )),
            OpsError::Locked { path, holder } => {
                plain(t.locked(&path.display().to_string(), holder))
            }
            OpsError::NotAFile { path, kind } => {
                use crate::store::NotAFile as K;
                let what = match kind {
                    K::Folder => t.folder_word(),
                    K::Fifo => t.fifo_word(),
                    K::Device => t.device_word(),
                    K::Socket => t.socket_word(),
                };
                plain(t.not_a_file(&path.display().to_string(), &what))
            }
            OpsError::SymlinkedSideFile { path } => {
                plain(t.symlinked_side_file(&path.display().to_string()))
            }
            OpsError::HardLinkedSideFile { path } => {
                plain(t.hard_linked_side_file(&path.display().to_string()))
            }
            OpsError::Guarded { path, what } => {
                let file = path.display().to_string();
                plain(match what {
                    crate::store::Guarded::Project => t.export_onto_project(&file),
                    crate::store::Guarded::SideFile => t.export_onto_side_file(&file),
                    crate::store::Guarded::OpenIn(holder) => t.export_onto_open_file(&file, holder),
                })
            }
            OpsError::NotAValue { key } => plain(t.not_a_value(key)),
            OpsError::NotWritable { path, folder } => {
                let why = if *folder {
                    i18n::T::FolderNotWritable
                } else {
                    i18n::T::FileNotWritable
                };
                plain(format!(
                    "{}: {}; {}",
                    path.display(),
                    why.get(lang),
                    t.nothing_changed()
                ))
            }
            OpsError::Save { path, source } => plain(format!(
                "{}: {}; {}",
                path.display(),
                source.message(lang),
                t.nothing_changed()
            )),
            OpsError::WouldOverwrite { path } => {
                plain(i18n::SheetsText(lang).would_overwrite(&path.display().to_string()))
            }
            OpsError::NoWorkbooks { who } => plain(match who {
                crate::returns::Recipients::Departments => {
                    i18n::SheetsText(lang).none_for_departments()
                }
                crate::returns::Recipients::Units => i18n::SheetsText(lang).none_for_units(),
            }),
        }
    }
}

/// Reads a project file's text: refuses what is too large or not UTF-8 (a file error)
/// and what cannot be read (an I/O error).
pub fn read_text(path: &Path) -> Result<String, OpsError> {
    let (bytes, _) = crate::store::read(path).map_err(OpsError::io(path))?;
    crate::store::decode(bytes).map_err(|bad| {
        let (text, problem) = *bad;
        OpsError::FileHasErrors {
            path: path.to_path_buf(),
            text: Some(text),
            problems: vec![problem],
        }
    })
}

/// A project file read and analysed, errors and all (what `check` shows).
pub struct Loaded {
    pub path: PathBuf,
    pub text: String,
    pub analysis: Analysis,
}

/// Reads and analyses a file; its own errors are in the analysis, not an `Err`.
pub fn load(path: &Path) -> Result<Loaded, OpsError> {
    let text = read_text(path)?;
    let analysis = analyze(&text);
    Ok(Loaded {
        path: path.to_path_buf(),
        text,
        analysis,
    })
}

/// A project that loads without errors, with its scores and its warnings.
pub struct Scored {
    pub path: PathBuf,
    pub text: String,
    pub project: Project,
    pub board: Scoreboard,
    /// The self-check figures scored alike (`crate::selfcheck`); `None` without any
    /// `[selfcheck.<id>]` sheet.
    pub selfcheck: Option<Scoreboard>,
    /// Warnings only (a scored project has no errors).
    pub warnings: Vec<Problem>,
}

impl Scored {
    /// What every report of it is made from.
    pub fn input(&self, lang: Lang) -> RankInput<'_> {
        RankInput {
            project: &self.project,
            board: &self.board,
            selfcheck: self.selfcheck.as_ref(),
            warnings: &self.warnings,
            lang,
        }
    }

    /// A unit's self-check beside its assessed figures, when it has a self-check sheet.
    pub fn selfcheck_gap(&self, unit: &str) -> Option<crate::selfcheck::UnitGap> {
        let own = self.selfcheck.as_ref()?;
        crate::selfcheck::gap(&self.project, &self.board, own, unit)
    }
}

/// Reads, checks and scores a file; a file with errors is [`OpsError::FileHasErrors`].
pub fn load_scored(path: &Path) -> Result<Scored, OpsError> {
    let Loaded {
        path,
        text,
        analysis,
    } = load(path)?;
    match analysis {
        Analysis {
            project: Some(project),
            board: Some(board),
            problems,
        } => Ok(Scored {
            path,
            text,
            // A file without errors scores its self-check figures too (an overflow there
            // is an error of the file).
            selfcheck: crate::scoring::score_selfcheck(&project).and_then(Result::ok),
            project,
            board,
            warnings: problems,
        }),
        Analysis { problems, .. } => Err(OpsError::FileHasErrors {
            path,
            text: Some(text),
            problems,
        }),
    }
}

/// A unit or department by id or name.
pub fn find_unit(project: &Project, key: &str) -> Result<String, OpsError> {
    let scored = project
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .chain(
            project
                .departments
                .iter()
                .map(|d| (d.id.as_str(), d.name.as_str())),
        );
    find(scored, key, Lookup::Unit)
}

/// An indicator by id or name.
pub fn find_indicator(project: &Project, key: &str) -> Result<String, OpsError> {
    let indicators = project
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), i.name.as_str()));
    find(indicators, key, Lookup::Indicator)
}

/// The id of the one `(id, name)` whose id is `key`, or else whose name is: a name that
/// several have is refused with their ids (never the first of them silently).
fn find<'a>(
    all: impl Iterator<Item = (&'a str, &'a str)> + Clone,
    key: &str,
    what: Lookup,
) -> Result<String, OpsError> {
    if let Some((id, _)) = all.clone().find(|(id, _)| *id == key) {
        return Ok(id.to_string());
    }
    let named: Vec<String> = all
        .filter(|(_, name)| name.trim() == key.trim())
        .map(|(id, _)| id.to_string())
        .collect();
    match named.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(OpsError::NotFound {
            what,
            key: key.to_string(),
        }),
        _ => Err(OpsError::Ambiguous {
            what,
            key: key.to_string(),
            ids: named,
        }),
    }
}

// ---- exports ----------------------------------------------------------------------------

/// The formats of `kaoping export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Xlsx,
    Csv,
    Markdown,
    Html,
    /// The report to the leading group (领导小组), in Chinese whatever `--lang` says.
    Docx,
}

impl ExportFormat {
    /// The format a file name's extension names (`.xlsx`, `.csv`, `.md`/`.markdown`,
    /// `.html`/`.htm`, `.docx`).
    pub fn of_path(path: &Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        match ext.as_str() {
            "xlsx" => Some(ExportFormat::Xlsx),
            "csv" => Some(ExportFormat::Csv),
            "md" | "markdown" => Some(ExportFormat::Markdown),
            "html" | "htm" => Some(ExportFormat::Html),
            "docx" => Some(ExportFormat::Docx),
            _ => None,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv => "csv",
            ExportFormat::Markdown => "md",
            ExportFormat::Html => "html",
            ExportFormat::Docx => "docx",
        }
    }
}

/// The options of an export, the same on the command line and in the terminal program's
/// export prompt (`X`: `demo.csv --table scores --no-bom`).
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct ExportOptions {
    /// The format (default: from OUT's extension)
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// Where to write (`-` for standard output). Default: xlsx, html and docx to
    /// NAME.xlsx / NAME.html / NAME.docx in the current folder, csv and markdown to
    /// standard output
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Which table a csv holds (default: the ranking)
    #[arg(long, value_enum)]
    pub table: Option<CsvTable>,
    /// Leave out the byte-order mark that Chinese Excel needs (csv)
    #[arg(long)]
    pub no_bom: bool,
}

/// The export prompt's text as options: a file name first, then the command line's
/// options (`"my file.csv" --table scores`). Quotes group words; nothing is expanded.
#[derive(Debug, clap::Parser)]
#[command(no_binary_name = true)]
struct PromptOptions {
    /// The file to write (`-o` may name it instead)
    file: Option<PathBuf>,
    #[command(flatten)]
    options: ExportOptions,
}

impl ExportOptions {
    /// Reads the export prompt: a file name and, after it, any of the command line's
    /// options. The format is the extension's unless `--format` says otherwise.
    pub fn from_prompt(text: &str) -> Result<ExportOptions, OpsError> {
        let text = text.trim();
        if !text.is_empty() && !text.contains(" -") && !text.starts_with(['"', '\'', '-']) {
            // Only a file name, spaces and all.
            return Ok(ExportOptions {
                format: None,
                output: Some(PathBuf::from(text)),
                table: None,
                no_bom: false,
            });
        }
        let parsed: PromptOptions = parse_prompt(text)?;
        let mut options = parsed.options;
        options.output = options.output.or(parsed.file);
        if options.output.is_none() {
            return Err(OpsError::NoOutput);
        }
        Ok(options)
    }
}

/// Words separated by spaces; `"…"` or `'…'` keep spaces inside one word.
/// A prompt of the terminal program read with the command line's options (`P`, a clap
/// parser with `no_binary_name`): clap's reason and the argument it concerns when it
/// cannot be.
fn parse_prompt<P: clap::Parser>(text: &str) -> Result<P, OpsError> {
    P::try_parse_from(split_words(text)).map_err(|e| OpsError::Options {
        kind: e.kind(),
        arg: e
            .get(clap::error::ContextKind::InvalidArg)
            .map(|a| a.to_string()),
    })
}

fn split_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut started = false;
    for c in text.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                started = true;
            }
            (None, c) if c.is_whitespace() => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            (None, c) => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

/// Where an export went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exported {
    /// Written to this file.
    File(PathBuf),
    /// To be printed (csv and markdown by default, or `-o -`).
    Stdout(Vec<u8>),
}

/// Renders the evaluation in a format and writes it where the options say: a file
/// (atomically), or back to the caller for standard output. `project_path` names the
/// default file (`NAME.xlsx`).
pub fn export(
    input: &RankInput,
    options: &ExportOptions,
    project_path: &Path,
    date: &str,
) -> Result<Exported, OpsError> {
    let format = match (options.format, &options.output) {
        (Some(format), _) => format,
        (None, Some(out)) if out != Path::new("-") => ExportFormat::of_path(out)
            .ok_or_else(|| OpsError::UnknownFormat { path: out.clone() })?,
        (None, _) => return Err(OpsError::NoFormat),
    };
    if format != ExportFormat::Csv {
        if options.table.is_some() {
            return Err(OpsError::OnlyForCsv { option: "--table" });
        }
        if options.no_bom {
            return Err(OpsError::OnlyForCsv { option: "--no-bom" });
        }
    }
    let table = options.table.unwrap_or(CsvTable::Ranking);
    let bytes = render_export(input, format, table, !options.no_bom, date)?;
    let default_file = || {
        let stem = project_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "kaoping".into());
        PathBuf::from(format!("{stem}.{}", format.extension()))
    };
    let target = match (&options.output, format) {
        (Some(p), _) if p == Path::new("-") => None,
        (Some(p), _) => Some(p.clone()),
        (None, ExportFormat::Xlsx | ExportFormat::Html | ExportFormat::Docx) => {
            Some(default_file())
        }
        (None, _) => None,
    };
    match target {
        None => Ok(Exported::Stdout(bytes)),
        Some(path) => {
            if let Some(what) = crate::store::guarded(&path, project_path) {
                return Err(OpsError::Guarded { path, what });
            }
            write_file(&path, &bytes)?;
            Ok(Exported::File(path))
        }
    }
}

/// The evaluation as the bytes of a format.
pub fn render_export(
    input: &RankInput,
    format: ExportFormat,
    table: CsvTable,
    bom: bool,
    date: &str,
) -> Result<Vec<u8>, OpsError> {
    Ok(match format {
        ExportFormat::Xlsx => crate::report::export_xlsx(input).map_err(OpsError::Export)?,
        ExportFormat::Csv => crate::report::export_csv(input, table, bom).into_bytes(),
        ExportFormat::Markdown => crate::report::export_markdown(input).into_bytes(),
        ExportFormat::Html => crate::report::export_html(input, date).into_bytes(),
        ExportFormat::Docx => crate::report::export_docx(input, date).map_err(OpsError::Export)?,
    })
}

/// Writes a file atomically (see [`crate::store::write_atomic`]).
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), OpsError> {
    crate::store::write_atomic(path, bytes).map_err(OpsError::io(path))
}

/// Today, by the local clock, as a TOML date (what `[[returns]]` records as `received`,
/// and the day `kaoping status` judges on by default).
pub fn today_date() -> crate::project::Date {
    use chrono::Datelike;
    let now = chrono::Local::now().date_naive();
    // chrono's year is far inside what a TOML date holds for any clock that is right.
    crate::project::Date {
        year: u16::try_from(now.year()).unwrap_or(0),
        month: now.month() as u8,
        day: now.day() as u8,
    }
}

/// Today's date as exports print it.
pub fn today() -> String {
    today_date().to_string()
}

// ---- comparing and setting ----------------------------------------------------------

/// What changed from the project in `old` to `new` (scored as `new_board`).
pub fn compare(old: &Path, new: &Project, new_board: &Scoreboard) -> Result<Diff, OpsError> {
    let before = load_scored(old)?;
    Ok(crate::diff::diff(
        &before.project,
        &before.board,
        new,
        new_board,
    ))
}

/// `kaoping set FILE KEY VALUE`: one value put at a dotted TOML path with the same checks
/// and the same save as an edit in the terminal program (the lock, a parse back, an
/// atomic write, the backup). The file is left byte for byte as it was unless the new
/// value is valid; returns the path as it was read.
pub fn set(file: &Path, key: &str, value: &str) -> Result<TomlPath, OpsError> {
    let Some(path) = TomlPath::parse(key) else {
        return Err(OpsError::BadKeyPath(key.to_string()));
    };
    let Opened {
        mut store, text, ..
    } = open_to_change(file)?;
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| OpsError::Export(e.to_string()))?;
    // A value, not a table: replacing `scores.jia` would lose the sheet and its comments.
    let new_value = crate::edit::value_of(value);
    if names_tables(doc.as_item(), &path.0) || value_holds_tables(&new_value) {
        return Err(OpsError::NotAValue {
            key: path.to_string(),
        });
    }
    crate::edit::set_path(&mut doc, &path.0, new_value).map_err(|source| OpsError::Set {
        path: file.to_path_buf(),
        source,
    })?;
    save_changed(&mut store, file, &doc.to_string())?;
    Ok(path)
}

/// A project file opened to be changed: locked, read, and without errors.
pub struct Opened {
    pub store: crate::store::Store,
    pub text: String,
    /// The file's analysis (it has a project and a board: no errors).
    pub analysis: Analysis,
}

/// Opens a project file to change it (`set`, `import`): takes the lock (refused when
/// another kaoping holds it, or the file or folder may not be written), reads it, and
/// refuses a file with errors — a change is judged by the errors it causes.
pub fn open_to_change(file: &Path) -> Result<Opened, OpsError> {
    let (store, bytes) = crate::store::Store::open(file, false).map_err(OpsError::io(file))?;
    if let Some(holder) = store.holder() {
        return Err(OpsError::Locked {
            path: file.to_path_buf(),
            holder: holder.to_string(),
        });
    }
    if store.read_only() {
        return Err(OpsError::NotWritable {
            path: file.to_path_buf(),
            folder: store.denied == Some(crate::store::Denied::FolderReadOnly),
        });
    }
    let text = crate::store::decode(bytes).map_err(|bad| {
        let (text, problem) = *bad;
        OpsError::FileHasErrors {
            path: file.to_path_buf(),
            text: Some(text),
            problems: vec![problem],
        }
    })?;
    let analysis = analyze(&text);
    if analysis.has_errors() || analysis.board.is_none() {
        return Err(OpsError::FileHasErrors {
            path: file.to_path_buf(),
            text: Some(text),
            problems: analysis.problems,
        });
    }
    Ok(Opened {
        store,
        text,
        analysis,
    })
}

/// Saves the changed text of a file opened with [`open_to_change`]: refused (nothing
/// written) when it has errors; otherwise through the store (parse back, atomic write,
/// backup, the file unchanged on disk since it was read). Returns the project saved.
pub fn save_changed(
    store: &mut crate::store::Store,
    file: &Path,
    new_text: &str,
) -> Result<Project, OpsError> {
    let after = analyze(new_text);
    let (Some(project), false) = (after.project, has_errors(&after.problems)) else {
        // The new text's places are not the file's: the errors name their paths only.
        return Err(OpsError::Refused {
            path: file.to_path_buf(),
            problems: after.problems,
        });
    };
    store.save(new_text, &project).map_err(|e| match e {
        crate::store::SaveError::Io(source) => match OpsError::from_io(file, source) {
            OpsError::Io { source, .. } => OpsError::Save {
                path: file.to_path_buf(),
                source: crate::store::SaveError::Io(source),
            },
            typed => typed,
        },
        source => OpsError::Save {
            path: file.to_path_buf(),
            source,
        },
    })?;
    Ok(project)
}

/// Whether a path of a document names tables: a table, an array of tables, an element
/// of one, or a value that holds inline tables.
fn names_tables(root: &toml_edit::Item, path: &[crate::project::PathSeg]) -> bool {
    use crate::project::PathSeg::{Index, Key};
    use toml_edit::{Item, Value};
    enum Node<'d> {
        Item(&'d Item),
        Value(&'d Value),
        Table(&'d toml_edit::Table),
    }
    let mut node = Node::Item(root);
    for seg in path {
        node = match (seg, node) {
            (Key(k), Node::Item(Item::Table(t)) | Node::Table(t)) => match t.get(k) {
                Some(item) => Node::Item(item),
                None => return false,
            },
            (Key(k), Node::Item(Item::Value(Value::InlineTable(t))))
            | (Key(k), Node::Value(Value::InlineTable(t))) => match t.get(k) {
                Some(v) => Node::Value(v),
                None => return false,
            },
            (Index(n), Node::Item(Item::ArrayOfTables(a))) => match a.get(*n) {
                Some(t) => Node::Table(t),
                None => return false,
            },
            (Index(n), Node::Item(Item::Value(Value::Array(a))))
            | (Index(n), Node::Value(Value::Array(a))) => match a.get(*n) {
                Some(v) => Node::Value(v),
                None => return false,
            },
            _ => return false,
        };
    }
    match node {
        Node::Item(Item::Table(_) | Item::ArrayOfTables(_)) | Node::Table(_) => true,
        Node::Item(Item::Value(v)) | Node::Value(v) => value_holds_tables(v),
        Node::Item(Item::None) => false,
    }
}

/// Whether a value is or holds inline tables.
fn value_holds_tables(value: &toml_edit::Value) -> bool {
    match value {
        toml_edit::Value::InlineTable(_) => true,
        toml_edit::Value::Array(a) => a.iter().any(value_holds_tables),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompt_words_keep_quoted_spaces() {
        assert_eq!(
            split_words("a.csv --table scores"),
            ["a.csv", "--table", "scores"]
        );
        assert_eq!(
            split_words("\"my file.csv\"  --no-bom"),
            ["my file.csv", "--no-bom"]
        );
        assert_eq!(split_words("'考评 2026.xlsx'"), ["考评 2026.xlsx"]);
        assert!(split_words("   ").is_empty());
    }

    #[test]
    fn the_export_prompt_takes_the_command_lines_options() {
        let o = ExportOptions::from_prompt("demo.csv --table scores --no-bom").unwrap();
        assert_eq!(o.output.as_deref(), Some(Path::new("demo.csv")));
        assert_eq!(o.table, Some(CsvTable::Scores));
        assert!(o.no_bom);
        assert_eq!(o.format, None);
        let o = ExportOptions::from_prompt(" my report.xlsx ").unwrap();
        assert_eq!(o.output.as_deref(), Some(Path::new("my report.xlsx")));
        let o = ExportOptions::from_prompt("out.txt --format markdown").unwrap();
        assert_eq!(o.format, Some(ExportFormat::Markdown));
        // A wrong option is named; so is what is missing.
        let said = |text: &str| {
            ExportOptions::from_prompt(text)
                .unwrap_err()
                .message(Lang::En)
        };
        assert_eq!(
            said("demo.csv --tabel scores"),
            "unexpected argument found: --tabel"
        );
        assert_eq!(said(""), "name the file to write (e.g. 2026.xlsx)");
        assert_eq!(
            said("--table scores"),
            "name the file to write (e.g. 2026.xlsx)"
        );
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(
            ExportFormat::of_path(Path::new("a.XLSX")),
            Some(ExportFormat::Xlsx)
        );
        assert_eq!(
            ExportFormat::of_path(Path::new("a.htm")),
            Some(ExportFormat::Html)
        );
        assert_eq!(
            ExportFormat::of_path(Path::new("给领导小组.DOCX")),
            Some(ExportFormat::Docx)
        );
        assert_eq!(ExportFormat::of_path(Path::new("a.toml")), None);
        assert_eq!(ExportFormat::of_path(Path::new("a")), None);
    }

    #[test]
    fn a_file_with_errors_exits_1_and_an_unreadable_one_2() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, "format = \"kaoping/1\"\n[sections\n").unwrap();
        let e = load_scored(&bad).err().unwrap();
        assert_eq!(e.exit_code(), EXIT_FILE_ERRORS);
        assert!(e.lines(Lang::En)[0].starts_with(&format!("{}:2:", bad.display())));
        let e = load_scored(&dir.path().join("missing.toml")).err().unwrap();
        assert_eq!(e.exit_code(), EXIT_USAGE);
    }

    /// Every failure the command line and the terminal program show, in Chinese in the
    /// Chinese interface. (`Export` carries the
    /// spreadsheet writer's own message: neither has words of kaoping's.)
    #[test]
    fn every_failure_is_said_in_chinese_in_the_chinese_interface() {
        use crate::i18n::has_chinese;
        let path = || PathBuf::from("demo.toml");
        let problem = Problem::new(ProblemKind::NotUtf8, TomlPath::root());
        let failures = [
            OpsError::Io {
                path: path(),
                source: std::io::Error::from_raw_os_error(17),
            },
            OpsError::FileHasErrors {
                path: path(),
                text: None,
                problems: vec![problem.clone()],
            },
            OpsError::Refused {
                path: path(),
                problems: vec![problem],
            },
            OpsError::NotFound {
                what: Lookup::Row,
                key: "jia".into(),
            },
            OpsError::UnknownFormat { path: path() },
            OpsError::Options {
                kind: clap::error::ErrorKind::UnknownArgument,
                arg: Some("--tabel".into()),
            },
            OpsError::NoOutput,
            OpsError::NoReturn,
            OpsError::NoFormat,
            OpsError::OnlyForCsv { option: "--table" },
            OpsError::BadKeyPath("a..b".into()),
            OpsError::Set {
                path: path(),
                source: crate::edit::SetError::Empty,
            },
            OpsError::Locked {
                path: path(),
                holder: "ann@laptop".into(),
            },
            OpsError::NotAFile {
                path: path(),
                kind: crate::store::NotAFile::Fifo,
            },
            OpsError::SymlinkedSideFile { path: path() },
            OpsError::HardLinkedSideFile { path: path() },
            OpsError::Guarded {
                path: path(),
                what: crate::store::Guarded::OpenIn("ann@laptop".into()),
            },
            OpsError::NotAValue {
                key: "scores.jia".into(),
            },
            OpsError::NotWritable {
                path: path(),
                folder: true,
            },
            OpsError::Save {
                path: path(),
                source: crate::store::SaveError::ChangedOnDisk,
            },
            OpsError::Return(crate::returns::import::ImportErrors {
                file: "人社局考核表.xlsx".into(),
                errors: vec![crate::returns::import::ImportError::NoSender],
            }),
            OpsError::Save {
                path: path(),
                source: crate::store::SaveError::Exists(path()),
            },
            OpsError::Save {
                path: path(),
                source: crate::store::SaveError::Io(std::io::Error::from_raw_os_error(28)),
            },
        ];
        for failure in failures {
            for line in failure.lines(Lang::Zh) {
                assert!(has_chinese(&line), "{failure:?}: {line}");
            }
        }
    }
}

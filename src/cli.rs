//! The command line (SPEC §5): argument definitions and the non-interactive subcommands.
//! Exit codes: 0 success, 1 the file has errors, 2 usage or I/O error.

use crate::check::{Analysis, analyze};
use crate::i18n::Lang;
use crate::i18n::render;
use crate::project::problem::Problem;
use crate::report::{RankInput, rank_csv, rank_json, rank_markdown, rank_table};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::project::{DEMO, TEMPLATE};

pub use crate::store::MAX_FILE_BYTES;

pub const EXIT_OK: i32 = 0;
pub const EXIT_FILE_ERRORS: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "kaoping",
    version,
    about = "考评 kaoping: the annual evaluation of livelihood projects (民生工程), in one TOML file",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// Language of messages: zh or en (default: from LANG)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Open a scratch copy of the filled-in demo
    #[arg(long)]
    pub demo: bool,
    /// View only; reload when the file changes on disk
    #[arg(long)]
    pub read_only: bool,
    /// The project file to open (default: your default project)
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Zh,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Xlsx,
    Csv,
    Markdown,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the regulation's template (or the filled demo) to FILE
    New {
        file: PathBuf,
        /// Write the filled-in demo instead of the empty template
        #[arg(long)]
        demo: bool,
    },
    /// Print errors and warnings; exit 0 = no errors, 1 = errors
    Check { file: PathBuf },
    /// Print the ranking
    Rank {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = RankFormat::Table)]
        format: RankFormat,
    },
    /// Write the evaluation as xlsx, csv, markdown or a printable html report
    Export {
        file: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Where to write (`-` for standard output). Default: xlsx and html to
        /// NAME.xlsx / NAME.html in the current folder, csv and markdown to standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Which table a csv holds
        #[arg(long, value_enum, default_value_t = crate::report::CsvTable::Ranking)]
        table: crate::report::CsvTable,
        /// Leave out the byte-order mark that Chinese Excel needs
        #[arg(long)]
        no_bom: bool,
    },
    /// Every number of a unit's score, with its rule (UNIT: id or name)
    Explain {
        file: PathBuf,
        unit: String,
        /// Only this indicator (id or name)
        indicator: Option<String>,
    },
    /// What a unit needs to leave the veto and to reach the awards
    Whatif { file: PathBuf, unit: String },
    /// What changed between two project files, and what it did to the ranking
    Diff { old: PathBuf, new: PathBuf },
    /// Change one value (KEY a dotted TOML path), validated and saved like the TUI
    Set {
        file: PathBuf,
        /// e.g. scores.jia.indicators.new-jobs.actual, or indicators[2].base
        key: String,
        /// a TOML value (5.6, -1, true, "text") or plain text
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
}

impl Cli {
    pub fn lang(&self) -> Lang {
        match self.lang {
            Some(LangArg::Zh) => Lang::Zh,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_env(),
        }
    }
}

/// A failure that is not the file's content: exit 2.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Usage(String),
}

/// Reads a project file's text, refusing what is too large or not UTF-8 (exit 1 as a
/// file error, with the reason) and what cannot be read (exit 2).
pub fn read_project(path: &Path, lang: Lang) -> Result<Result<String, String>, CliError> {
    let io = |source| CliError::Io {
        path: path.display().to_string(),
        source,
    };
    let name = path.display().to_string();
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        let kind = crate::project::problem::ProblemKind::TooLarge {
            bytes: size,
            limit: MAX_FILE_BYTES,
        };
        let problem = Problem::new(kind, crate::project::TomlPath::root());
        return Ok(Err(render(&problem, &name, None, lang)));
    }
    let (bytes, _) = crate::store::read(path).map_err(io)?;
    Ok(crate::store::decode(bytes).map_err(|bad| render(&bad.1, &name, Some(&bad.0), lang)))
}

/// Runs a subcommand, writing to the given streams; returns the exit code.
pub fn run(command: &Command, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match command {
        Command::New { file, demo } => new(file, *demo, lang, out),
        Command::Check { file } => check(file, lang, out, err),
        Command::Rank { file, format } => rank(file, *format, lang, out, err),
        Command::Set { file, key, value } => set(file, key, value, lang, out, err),
        Command::Export {
            file,
            format,
            output,
            table,
            no_bom,
        } => export(
            file,
            *format,
            output.as_deref(),
            *table,
            !no_bom,
            lang,
            out,
            err,
        ),
        Command::Explain {
            file,
            unit,
            indicator,
        } => explain(file, unit, indicator.as_deref(), lang, out, err),
        Command::Whatif { file, unit } => whatif(file, unit, lang, out, err),
        Command::Diff { old, new } => diff(old, new, lang, out, err),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let _ = writeln!(err, "kaoping: {e}");
            EXIT_USAGE
        }
    }
}

fn new(file: &Path, demo: bool, lang: Lang, out: &mut dyn Write) -> Result<i32, CliError> {
    let text = if demo { DEMO } else { TEMPLATE };
    let io = |source| CliError::Io {
        path: file.display().to_string(),
        source,
    };
    // `create_new` refuses to replace an existing file: never lose someone's work.
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(file)
        .map_err(io)?;
    f.write_all(text.as_bytes()).map_err(io)?;
    f.sync_all().map_err(io)?;
    let _ = writeln!(out, "{} {}", lang.pick("已写入", "wrote"), file.display());
    Ok(EXIT_OK)
}

/// Loads and analyses a file; `Err` carries the exit code after printing why.
fn analyze_file(
    file: &Path,
    lang: Lang,
    err: &mut dyn Write,
) -> Result<(String, Analysis), Result<i32, CliError>> {
    let text = match read_project(file, lang) {
        Ok(Ok(text)) => text,
        Ok(Err(message)) => {
            let _ = writeln!(err, "{message}");
            return Err(Ok(EXIT_FILE_ERRORS));
        }
        Err(e) => return Err(Err(e)),
    };
    let analysis = analyze(&text);
    Ok((text, analysis))
}

fn print_problems(file: &Path, text: &str, problems: &[Problem], lang: Lang, err: &mut dyn Write) {
    let name = file.display().to_string();
    for p in problems {
        let _ = writeln!(err, "{}", render(p, &name, Some(text), lang));
    }
}

fn check(
    file: &Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, CliError> {
    let (text, analysis) = match analyze_file(file, lang, err) {
        Ok(x) => x,
        Err(code) => return code,
    };
    print_problems(file, &text, &analysis.problems, lang, err);
    let errors = analysis.problems.iter().filter(|p| p.is_error()).count();
    let warnings = analysis.problems.len() - errors;
    let _ = match lang {
        Lang::Zh => writeln!(
            out,
            "{}：{errors} 个错误，{warnings} 个警告",
            file.display()
        ),
        Lang::En => writeln!(
            out,
            "{}: {errors} error(s), {warnings} warning(s)",
            file.display()
        ),
    };
    Ok(if errors > 0 {
        EXIT_FILE_ERRORS
    } else {
        EXIT_OK
    })
}

fn rank(
    file: &Path,
    format: RankFormat,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, CliError> {
    let (text, analysis) = match analyze_file(file, lang, err) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let (Some(project), Some(board)) = (&analysis.project, &analysis.board) else {
        let errors: Vec<Problem> = analysis
            .problems
            .iter()
            .filter(|p| p.is_error())
            .cloned()
            .collect();
        print_problems(file, &text, &errors, lang, err);
        return Ok(EXIT_FILE_ERRORS);
    };
    print_problems(file, &text, &analysis.problems, lang, err);
    let input = RankInput {
        project,
        board,
        warnings: &analysis.problems,
        lang,
    };
    let rendered = match format {
        RankFormat::Table => rank_table(&input),
        RankFormat::Json => rank_json(&input),
        RankFormat::Csv => rank_csv(&input),
        RankFormat::Markdown => rank_markdown(&input),
    };
    out.write_all(rendered.as_bytes())
        .map_err(|source| CliError::Io {
            path: "<stdout>".into(),
            source,
        })?;
    Ok(EXIT_OK)
}

/// `kaoping set FILE KEY VALUE`: the same checks and the same save as an edit in the
/// terminal program (the lock, a parse back, an atomic write, the backup). The file is
/// left byte for byte as it was unless the new value is valid.
fn set(
    file: &Path,
    key: &str,
    value: &str,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, CliError> {
    let name = file.display().to_string();
    let Some(path) = crate::project::TomlPath::parse(key) else {
        return Err(CliError::Usage(format!(
            "{}: {key}",
            lang.pick("不是有效的键路径", "not a valid key path")
        )));
    };
    let io = |source| CliError::Io {
        path: name.clone(),
        source,
    };
    let (mut store, bytes) = crate::store::Store::open(file, false).map_err(io)?;
    if let Some(holder) = &store.holder {
        let _ = writeln!(
            err,
            "kaoping: {name}: {} {holder}; {}",
            lang.pick("文件正由他人编辑：", "the file is being edited by"),
            lang.pick("未作修改", "nothing was changed")
        );
        return Ok(EXIT_USAGE);
    }
    let text = match crate::store::decode(bytes) {
        Ok(text) => text,
        Err(bad) => {
            let _ = writeln!(err, "{}", render(&bad.1, &name, Some(&bad.0), lang));
            return Ok(EXIT_FILE_ERRORS);
        }
    };
    // The file must be valid before: a change is judged by the errors it causes.
    let before = analyze(&text);
    if before.has_errors() {
        let errors: Vec<Problem> = before
            .problems
            .into_iter()
            .filter(Problem::is_error)
            .collect();
        print_problems(file, &text, &errors, lang, err);
        return Ok(EXIT_FILE_ERRORS);
    }
    let mut doc: toml_edit::DocumentMut = match text.parse() {
        Ok(doc) => doc,
        Err(e) => return Err(CliError::Usage(e.to_string())),
    };
    if let Err(e) = crate::edit::set_path(&mut doc, &path.0, crate::edit::value_of(value)) {
        let _ = writeln!(err, "kaoping: {name}: {e}");
        return Ok(EXIT_USAGE);
    }
    let new_text = doc.to_string();
    let after = analyze(&new_text);
    let (Some(project), false) = (&after.project, after.has_errors()) else {
        // Refused: say why, with the path (the new text's places are not the file's).
        for p in after.problems.iter().filter(|p| p.is_error()) {
            let _ = writeln!(
                err,
                "{name}: {}: {}: {}",
                crate::i18n::severity(crate::project::problem::Severity::Error, lang),
                p.path,
                crate::i18n::problem_message(&p.kind, lang)
            );
        }
        let _ = writeln!(
            err,
            "kaoping: {}",
            lang.pick("未作修改", "nothing was changed")
        );
        return Ok(EXIT_FILE_ERRORS);
    };
    match store.save(&new_text, project) {
        Ok(()) => {
            let _ = writeln!(out, "{name}: {path} = {}", value.trim());
            Ok(EXIT_OK)
        }
        Err(e) => {
            let _ = writeln!(
                err,
                "kaoping: {name}: {e}; {}",
                lang.pick("未作修改", "nothing was changed")
            );
            Ok(EXIT_USAGE)
        }
    }
}

/// A project that loads without errors, with its scores and warnings; otherwise the exit
/// code, the errors printed.
fn scored(file: &Path, lang: Lang, err: &mut dyn Write) -> Result<Result<Analysis, i32>, CliError> {
    let (text, analysis) = match analyze_file(file, lang, err) {
        Ok(x) => x,
        Err(Ok(code)) => return Ok(Err(code)),
        Err(Err(e)) => return Err(e),
    };
    if analysis.board.is_none() {
        let errors: Vec<Problem> = analysis
            .problems
            .iter()
            .filter(|p| p.is_error())
            .cloned()
            .collect();
        print_problems(file, &text, &errors, lang, err);
        return Ok(Err(EXIT_FILE_ERRORS));
    }
    Ok(Ok(analysis))
}

/// A unit or department by id or name.
fn find_unit(project: &crate::project::Project, key: &str) -> Option<String> {
    project
        .units
        .iter()
        .map(|u| (&u.id, &u.name))
        .chain(project.departments.iter().map(|d| (&d.id, &d.name)))
        .find(|(id, name)| *id == key || *name == key)
        .map(|(id, _)| id.clone())
}

fn no_such(what: &str, key: &str, lang: Lang) -> CliError {
    CliError::Usage(format!(
        "{} {what} `{key}`",
        lang.pick("没有这个", "no such")
    ))
}

#[allow(clippy::too_many_arguments)]
fn export(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    table: crate::report::CsvTable,
    bom: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, CliError> {
    let analysis = match scored(file, lang, err)? {
        Ok(a) => a,
        Err(code) => return Ok(code),
    };
    let (Some(project), Some(board)) = (&analysis.project, &analysis.board) else {
        return Ok(EXIT_FILE_ERRORS);
    };
    let warnings: Vec<Problem> = analysis
        .problems
        .iter()
        .filter(|p| !p.is_error())
        .cloned()
        .collect();
    let input = RankInput {
        project,
        board,
        warnings: &warnings,
        lang,
    };
    let date = chrono::Local::now().format("%Y-%m-%d").to_string();
    let bytes = match format {
        ExportFormat::Xlsx => crate::report::export_xlsx(&input).map_err(CliError::Usage)?,
        ExportFormat::Csv => crate::report::export_csv(&input, table, bom).into_bytes(),
        ExportFormat::Markdown => crate::report::export_markdown(&input).into_bytes(),
        ExportFormat::Html => crate::report::export_html(&input, &date).into_bytes(),
    };
    let default_file = |ext: &str| {
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "kaoping".into());
        PathBuf::from(format!("{stem}.{ext}"))
    };
    let target = match (output, format) {
        (Some(p), _) if p == Path::new("-") => None,
        (Some(p), _) => Some(p.to_path_buf()),
        (None, ExportFormat::Xlsx) => Some(default_file("xlsx")),
        (None, ExportFormat::Html) => Some(default_file("html")),
        (None, _) => None,
    };
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| CliError::Io { path, source }
    };
    match target {
        None => out.write_all(&bytes).map_err(io(Path::new("<stdout>")))?,
        Some(path) => {
            write_file_atomic(&path, &bytes).map_err(io(&path))?;
            let _ = writeln!(out, "{} {}", lang.pick("已写入", "wrote"), path.display());
        }
    }
    Ok(EXIT_OK)
}

/// Writes bytes to a file through a temporary file and a rename.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // A new file readable as any other the user makes (the umask applies), not 0600.
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Loads a file, finds a unit (id or name) and prints the lines `lines` makes for it.
fn print_for_unit(
    file: &Path,
    unit: &str,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
    lines: impl FnOnce(
        &crate::project::Project,
        &crate::scoring::Scoreboard,
        &str,
    ) -> Result<Vec<String>, CliError>,
) -> Result<i32, CliError> {
    let analysis = match scored(file, lang, err)? {
        Ok(a) => a,
        Err(code) => return Ok(code),
    };
    let (Some(project), Some(board)) = (&analysis.project, &analysis.board) else {
        return Ok(EXIT_FILE_ERRORS);
    };
    let id =
        find_unit(project, unit).ok_or_else(|| no_such(lang.pick("单位", "unit"), unit, lang))?;
    for line in lines(project, board, &id)? {
        let _ = writeln!(out, "{}", crate::text::sanitize(&line));
    }
    Ok(EXIT_OK)
}

fn explain(
    file: &Path,
    unit: &str,
    indicator: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, CliError> {
    print_for_unit(
        file,
        unit,
        lang,
        out,
        err,
        |project, board, id| match indicator {
            Some(key) => {
                let ind = project
                    .indicators
                    .iter()
                    .find(|i| i.id == key || i.name == key)
                    .ok_or_else(|| no_such(lang.pick("指标", "indicator"), key, lang))?;
                crate::explain::item(project, board, id, &ind.id)
                    .map(|e| crate::i18n::explain::item_lines(&e, lang))
                    .ok_or_else(|| no_such(lang.pick("评分行", "row"), key, lang))
            }
            None => Ok(crate::explain::unit(project, board, id)
                .map(|e| crate::i18n::explain::unit_lines(&e, lang))
                .unwrap_or_default()),
        },
    )
}

fn whatif(
    file: &Path,
    unit: &str,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, CliError> {
    print_for_unit(file, unit, lang, out, err, |project, board, id| {
        Ok(crate::whatif::whatif(project, board, id)
            .map(|w| crate::i18n::whatif::lines(&w, lang))
            .unwrap_or_default())
    })
}

fn diff(
    old: &Path,
    new: &Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, CliError> {
    let before = match scored(old, lang, err)? {
        Ok(a) => a,
        Err(code) => return Ok(code),
    };
    let after = match scored(new, lang, err)? {
        Ok(a) => a,
        Err(code) => return Ok(code),
    };
    let (Some(p0), Some(b0), Some(p1), Some(b1)) =
        (&before.project, &before.board, &after.project, &after.board)
    else {
        return Ok(EXIT_FILE_ERRORS);
    };
    let d = crate::diff::diff(p0, b0, p1, b1);
    for line in crate::i18n::diff::lines(&d, lang) {
        let _ = writeln!(out, "{}", crate::text::sanitize(&line));
    }
    Ok(EXIT_OK)
}

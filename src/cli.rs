//! The command line (SPEC §5): argument definitions and the non-interactive subcommands.
//! Exit codes: 0 success, 1 the file has errors, 2 usage or I/O error.

use crate::i18n::{Lang, OpsText, render};
use crate::ops::{self, Exported, OpsError};
use crate::project::problem::Problem;
use crate::report::{rank_csv, rank_json, rank_markdown, rank_table};
use crate::text::{sanitize, sanitize_lines};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::project::{DEMO, TEMPLATE};

pub use crate::ops::{EXIT_FILE_ERRORS, EXIT_OK, EXIT_USAGE};

#[derive(Debug, Parser)]
#[command(
    name = "kaoping",
    version,
    about = "考评 kaoping: the annual evaluation of livelihood projects (民生工程), in one TOML file",
    subcommand_negates_reqs = true
)]
pub struct Cli {
    /// Language of messages: zh or en (default: from LANG)
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Open a scratch copy of the filled-in demo
    #[arg(long, conflicts_with = "file")]
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
pub enum RankFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

/// How `kaoping status` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Json,
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
    /// Write the evaluation as xlsx, csv, markdown, a printable html report, or the docx
    /// report to the leading group (in Chinese)
    #[command(group = clap::ArgGroup::new("how").args(["format", "output"]).multiple(true).required(true))]
    Export {
        file: PathBuf,
        #[command(flatten)]
        options: ops::ExportOptions,
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
    /// Per procedure step: who owes a return, who sent it and when, who is late, which
    /// rows are still pending (exit 0 whoever is late)
    Status {
        file: PathBuf,
        /// Judge lateness on this day (YYYY-MM-DD) instead of today
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
        format: StatusFormat,
    },
    /// Change one value (KEY a dotted TOML path), validated and saved like the TUI
    Set {
        file: PathBuf,
        /// e.g. scores.jia.indicators.new-jobs.actual, or indicators[2].base
        key: String,
        /// a TOML value (5.6, -1, true, "text") or plain text
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Write the request workbooks (xlsx): one per responsible department, or with
    /// `--for units` one per county and the zone, pre-filled from the project
    Sheets {
        file: PathBuf,
        #[command(flatten)]
        options: ops::SheetsOptions,
    },
    /// Take a filled return (xlsx or csv) in: every value checked, the change shown,
    /// then saved at once; exit 1 when a cell cannot go in (nothing is written)
    Import {
        file: PathBuf,
        /// The return: a workbook made by `kaoping sheets`, or a sheet or CSV with its columns
        #[arg(value_name = "RETURN")]
        ret: PathBuf,
        /// Show what would change; write nothing
        #[arg(long)]
        dry_run: bool,
        /// Which sheets the values go into (default: what the workbook says, else scores)
        #[arg(long, value_enum)]
        into: Option<IntoArg>,
        /// Who sent it (id or name), when the workbook does not say and its rows cannot
        #[arg(long)]
        from: Option<String>,
        /// Record a return whose every value is what the project holds already (else it
        /// is not recorded: it may be an unfilled request sheet)
        #[arg(long)]
        unchanged: bool,
    },
}

/// `--into` of `kaoping import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IntoArg {
    Scores,
    Selfcheck,
}

impl Cli {
    /// The command line, parsed; exits with clap's usage error (code 2) when it cannot
    /// be. `--lang` may stand before or after the subcommand; the terminal program's
    /// options (`--demo`, `--read-only`, FILE) go without one.
    pub fn parse_args() -> Cli {
        let cli = Cli::parse();
        if cli.command.is_some() && (cli.demo || cli.read_only || cli.file.is_some()) {
            use clap::CommandFactory;
            Cli::command()
                .error(
                    clap::error::ErrorKind::ArgumentConflict,
                    "--demo, --read-only and FILE open the terminal program: they do not go with a subcommand",
                )
                .exit();
        }
        cli
    }

    pub fn lang(&self) -> Lang {
        match self.lang {
            Some(LangArg::Zh) => Lang::Zh,
            Some(LangArg::En) => Lang::En,
            None => Lang::from_env(),
        }
    }
}

/// Runs a subcommand, writing to the given streams; returns the exit code.
pub fn run(command: &Command, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let result = match command {
        Command::New { file, demo } => new(file, *demo, lang, out),
        Command::Check { file } => check(file, lang, out, err),
        Command::Rank { file, format } => rank(file, *format, lang, out, err),
        Command::Set { file, key, value } => set(file, key, value, out),
        Command::Export { file, options } => export(file, options, lang, out),
        Command::Explain {
            file,
            unit,
            indicator,
        } => explain(file, unit, indicator.as_deref(), lang, out),
        Command::Whatif { file, unit } => whatif(file, unit, lang, out),
        Command::Diff { old, new } => diff(old, new, lang, out),
        Command::Sheets { file, options } => sheets(file, options, lang, out),
        Command::Status { file, on, format } => {
            status(file, on.as_deref(), *format, lang, out, err)
        }
        Command::Import {
            file,
            ret,
            dry_run,
            into,
            from,
            unchanged,
        } => import(
            file,
            ret,
            (*dry_run, *unchanged),
            *into,
            from.as_deref(),
            lang,
            out,
            err,
        ),
    };
    match result {
        Ok(()) => EXIT_OK,
        // `kaoping rank F | head -1`: the reader has all it wanted; like other tools
        // in a pipeline, end quietly.
        Err(OpsError::Io { path, source })
            if path == Path::new(STDOUT) && source.kind() == std::io::ErrorKind::BrokenPipe =>
        {
            EXIT_OK
        }
        Err(e) => {
            for line in e.lines(lang) {
                let _ = writeln!(err, "{}", sanitize(&line));
            }
            e.exit_code()
        }
    }
}

/// How an error writing to standard output names it.
const STDOUT: &str = "<stdout>";

/// Writes to standard output; a closed pipe is an I/O error (which `run` takes as the
/// reader having had enough).
fn print(out: &mut dyn Write, bytes: &[u8]) -> Result<(), OpsError> {
    out.write_all(bytes).map_err(|source| OpsError::Io {
        path: PathBuf::from(STDOUT),
        source,
    })
}

fn new(file: &Path, demo: bool, lang: Lang, out: &mut dyn Write) -> Result<(), OpsError> {
    let text = if demo { DEMO } else { TEMPLATE };
    let io = |source| OpsError::Io {
        path: file.to_path_buf(),
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
    let _ = writeln!(
        out,
        "{}",
        sanitize(&OpsText(lang).wrote(&file.display().to_string()))
    );
    Ok(())
}

/// Warnings (or errors) of a file, like a compiler's, on standard error.
fn print_problems(file: &Path, text: &str, problems: &[Problem], lang: Lang, err: &mut dyn Write) {
    let name = file.display().to_string();
    for p in problems {
        let _ = writeln!(err, "{}", sanitize(&render(p, &name, Some(text), lang)));
    }
}

/// `kaoping check`: every error and warning on standard error, a count on standard
/// output; exit 1 when there are errors.
fn check(
    file: &Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), OpsError> {
    let loaded = ops::load(file)?;
    let problems = &loaded.analysis.problems;
    print_problems(file, &loaded.text, problems, lang, err);
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    let summary = OpsText(lang).checked(&sanitize(&file.display().to_string()), errors, warnings);
    let _ = writeln!(out, "{summary}");
    if errors > 0 {
        // Already printed: the error carries nothing more to say.
        return Err(OpsError::FileHasErrors {
            path: file.to_path_buf(),
            text: None,
            problems: Vec::new(),
        });
    }
    Ok(())
}

/// `kaoping rank`: the warnings on standard error, the ranking on standard output.
fn rank(
    file: &Path,
    format: RankFormat,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), OpsError> {
    let scored = ops::load_scored(file)?;
    print_problems(file, &scored.text, &scored.warnings, lang, err);
    let input = scored.input(lang);
    // Text for people is made safe line by line; csv cells and JSON strings are escaped
    // by their writers.
    let rendered = match format {
        RankFormat::Table => sanitize_lines(&rank_table(&input)),
        RankFormat::Json => rank_json(&input),
        RankFormat::Csv => rank_csv(&input),
        RankFormat::Markdown => sanitize_lines(&rank_markdown(&input)),
    };
    print(out, rendered.as_bytes())
}

/// `kaoping set FILE KEY VALUE` (see [`ops::set`]).
fn set(file: &Path, key: &str, value: &str, out: &mut dyn Write) -> Result<(), OpsError> {
    let path = ops::set(file, key, value)?;
    let said = format!("{}: {path} = {}", file.display(), value.trim());
    let _ = writeln!(out, "{}", sanitize(&said));
    Ok(())
}

fn export(
    file: &Path,
    options: &ops::ExportOptions,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), OpsError> {
    let scored = ops::load_scored(file)?;
    match ops::export(&scored.input(lang), options, file, &ops::today())? {
        Exported::Stdout(bytes) => print(out, &bytes),
        Exported::File(path) => {
            let said = OpsText(lang).wrote(&path.display().to_string());
            let _ = writeln!(out, "{}", sanitize(&said));
            Ok(())
        }
    }
}

/// Prints lines made from text in the file, each made safe for the terminal.
fn print_lines(out: &mut dyn Write, lines: &[String]) -> Result<(), OpsError> {
    for line in lines {
        print(out, format!("{}\n", sanitize(line)).as_bytes())?;
    }
    Ok(())
}

fn explain(
    file: &Path,
    unit: &str,
    indicator: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), OpsError> {
    let s = ops::load_scored(file)?;
    let id = ops::find_unit(&s.project, unit)?;
    let lines = match indicator {
        Some(key) => {
            let ind = ops::find_indicator(&s.project, key)?;
            let item = crate::explain::item(&s.project, &s.board, &id, &ind).ok_or_else(|| {
                OpsError::NotFound {
                    what: ops::Lookup::Row,
                    key: key.to_string(),
                }
            })?;
            crate::i18n::explain::item_lines(&item, lang)
        }
        None => {
            let mut lines = crate::explain::unit(&s.project, &s.board, &id)
                .map(|u| crate::i18n::explain::unit_lines(&u, lang))
                .unwrap_or_else(|| not_scored_lines(&s, &id, lang));
            // Its self-check beside the assessed figures, when it sent one.
            if let Some(gap) = s.selfcheck_gap(&id) {
                let decimals = s.project.policy.score_decimals;
                lines.push(String::new());
                lines.extend(crate::i18n::selfcheck::gap_lines(&gap, decimals, lang));
            }
            lines
        }
    };
    print_lines(out, &lines)
}

/// What `explain` and `whatif` say of a department that is not scored (no sheet, no
/// indicator it is responsible for): that it is not, and its 先进个人 places.
fn not_scored_lines(s: &ops::Scored, id: &str, lang: Lang) -> Vec<String> {
    let t = crate::i18n::ExplainText(lang);
    let mut lines = vec![t.not_scored(&crate::text::sanitize(s.project.name_of(id)))];
    if let Some(i) = s.board.individuals.iter().find(|i| i.id == id) {
        lines.push(t.not_scored_individuals(i.quota, i.nominees.len()));
    }
    lines
}

fn whatif(file: &Path, unit: &str, lang: Lang, out: &mut dyn Write) -> Result<(), OpsError> {
    let s = ops::load_scored(file)?;
    let id = ops::find_unit(&s.project, unit)?;
    let lines = crate::whatif::whatif(&s.project, &s.board, &id)
        .map(|w| crate::i18n::whatif::lines(&w, lang))
        .unwrap_or_else(|| not_scored_lines(&s, &id, lang));
    print_lines(out, &lines)
}

fn diff(old: &Path, new: &Path, lang: Lang, out: &mut dyn Write) -> Result<(), OpsError> {
    // Both files are read first, so that a broken one is reported before anything prints.
    let before = ops::load_scored(old)?;
    let after = ops::load_scored(new)?;
    let d = crate::diff::diff(&before.project, &before.board, &after.project, &after.board);
    print_lines(out, &crate::i18n::diff::lines(&d, lang))
}

/// `kaoping sheets` (see [`ops::sheets`]): a line per workbook written.
fn sheets(
    file: &Path,
    options: &ops::SheetsOptions,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), OpsError> {
    for path in ops::sheets(file, options, lang)? {
        let said = OpsText(lang).wrote(&path.display().to_string());
        let _ = writeln!(out, "{}", sanitize(&said));
    }
    Ok(())
}

/// `kaoping status`: the returns table (or JSON) on standard output; the warnings about
/// returns and the procedure on standard error. Exit 0 whoever is late.
fn status(
    file: &Path,
    on: Option<&str>,
    format: StatusFormat,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), OpsError> {
    // A bad day is a usage error, said before the file is read.
    let on = match on {
        Some(text) => ops::status::parse_on(text)?,
        None => ops::today_date(),
    };
    let (scored, status) = ops::status::status(file, on)?;
    let about_returns: Vec<Problem> = scored
        .warnings
        .iter()
        .filter(|p| {
            matches!(p.path.0.first(),
                Some(crate::project::PathSeg::Key(k)) if k == "returns" || k == "procedure")
        })
        .cloned()
        .collect();
    print_problems(file, &scored.text, &about_returns, lang, err);
    match format {
        StatusFormat::Table => print_lines(out, &crate::i18n::status::lines(&status, lang)),
        StatusFormat::Json => print(out, crate::status::to_json(&status).as_bytes()),
    }
}

#[allow(clippy::too_many_arguments)]
/// `kaoping import` (see [`ops::import`]): notes on standard error; the change, a summary
/// line and what became of it on standard output.
fn import(
    file: &Path,
    ret: &Path,
    (dry_run, unchanged): (bool, bool),
    into: Option<IntoArg>,
    from: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), OpsError> {
    use crate::project::SheetKind;
    let into = into.map(|i| match i {
        IntoArg::Scores => SheetKind::Scores,
        IntoArg::Selfcheck => SheetKind::Selfcheck,
    });
    let options = ops::ImportOptions {
        into,
        from: from.map(str::to_string),
        dry_run,
        unchanged,
        today: ops::today_date(),
    };
    let done = ops::import(file, ret, &options)?;
    for note in &done.notes {
        let _ = writeln!(err, "{}", sanitize(&note.line(&done.file, lang)));
    }
    let t = crate::i18n::ReturnsText(lang);
    let mut lines = Vec::new();
    if done.plan.changes_values() {
        lines.extend(crate::i18n::diff::lines(&done.plan.diff, lang));
    }
    lines.push(done.plan.summary(lang));
    if dry_run && !done.plan.already {
        lines.push(t.dry_run());
    } else if done.saved {
        lines.push(t.saved(&file.display().to_string()));
    } else if !done.plan.already && !done.plan.changes_values() {
        lines.push(t.unchanged_not_recorded());
    }
    print_lines(out, &lines)
}

//! The terminal program: read an event → the keymap makes it a message → `update` changes
//! the model → the views draw it → committed edits are written. It redraws only on
//! events, so an idle kaoping uses no CPU and writes nothing to the terminal.

pub mod input;
pub mod keymap;
pub mod model;
pub mod msg;
pub mod update;
pub mod view;

use crate::cli::{DEMO, TEMPLATE};
use crate::i18n::{Lang, T};
use crate::problem::render;
use crate::session::{OpenError, Session};
use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use model::{Model, Status};
use msg::Msg;
use ratatui::{Terminal, backend::Backend};
use std::io::Write;
use std::path::{Path, PathBuf};

/// How the program was started.
pub struct Options {
    pub file: Option<PathBuf>,
    pub demo: bool,
    pub read_only: bool,
    pub lang: Lang,
}

/// The file to open, and what to tell the user about it.
struct Target {
    path: PathBuf,
    note: Option<String>,
    /// Holds a scratch folder (the demo's) until the program ends.
    _scratch: Option<tempfile::TempDir>,
}

/// Where the default project lives: the platform's data folder for kaoping.
pub fn default_project_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "kaoping").map(|d| d.data_dir().join("project.toml"))
}

fn target(options: &Options) -> Result<Target, String> {
    let l = options.lang;
    if options.demo {
        let dir = tempfile::Builder::new()
            .prefix("kaoping-demo-")
            .tempdir()
            .map_err(|e| e.to_string())?;
        let path = dir.path().join("demo.toml");
        std::fs::write(&path, DEMO).map_err(|e| format!("{}: {e}", path.display()))?;
        let note = format!("{} {}", T::DemoScratch.get(l), path.display());
        return Ok(Target {
            path,
            note: Some(note),
            _scratch: Some(dir),
        });
    }
    if let Some(file) = &options.file {
        return Ok(Target {
            path: file.clone(),
            note: None,
            _scratch: None,
        });
    }
    let path = default_project_path().ok_or_else(|| T::NoDataDir.get(l).to_string())?;
    let note = if path.exists() {
        format!("{} {}", T::OpenedDefault.get(l), path.display())
    } else {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        f.write_all(TEMPLATE.as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        format!("{} {}", T::CreatedDefault.get(l), path.display())
    };
    Ok(Target {
        path,
        note: Some(note),
        _scratch: None,
    })
}

/// Opens the file (or reports why not, like `check`); returns the exit code.
pub fn run(options: Options) -> i32 {
    let l = options.lang;
    let target = match target(&options) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("kaoping: {e}");
            return crate::cli::EXIT_USAGE;
        }
    };
    let session = match open(&target.path, options.read_only, l) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut model = Model::new(session, l);
    if let Some(note) = target.note {
        model.ui.status = Some(Status {
            text: note,
            error: false,
        });
    }
    match run_terminal(&mut model) {
        Ok(()) => crate::cli::EXIT_OK,
        Err(e) => {
            eprintln!("kaoping: {e}");
            crate::cli::EXIT_USAGE
        }
    }
}

fn open(path: &Path, read_only: bool, l: Lang) -> Result<Session, i32> {
    match crate::cli::read_project(path, l) {
        Ok(Ok(text)) => match Session::from_text(path, text, read_only) {
            Ok(s) => Ok(s),
            Err(OpenError::Invalid { text, problems }) => {
                let name = path.display().to_string();
                for p in problems.iter().filter(|p| p.is_error()) {
                    eprintln!("{}", render(p, &name, Some(&text), l));
                }
                Err(crate::cli::EXIT_FILE_ERRORS)
            }
            Err(OpenError::Io(e)) => {
                eprintln!("kaoping: {}: {e}", path.display());
                Err(crate::cli::EXIT_USAGE)
            }
        },
        Ok(Err(message)) => {
            eprintln!("{message}");
            Err(crate::cli::EXIT_FILE_ERRORS)
        }
        Err(e) => {
            eprintln!("kaoping: {e}");
            Err(crate::cli::EXIT_USAGE)
        }
    }
}

fn run_terminal(model: &mut Model) -> std::io::Result<()> {
    // `try_init` enters the alternate screen and raw mode, and installs a panic hook
    // that restores the terminal.
    let mut terminal = ratatui::try_init()?;
    let _ = crossterm::execute!(std::io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, model, event::read);
    let _ = crossterm::execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    model.session.flush();
    result
}

/// The loop: draw, write what was committed, wait for the next event. `next` blocks.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    mut next: impl FnMut() -> std::io::Result<Event>,
) -> std::io::Result<()>
where
    std::io::Error: From<B::Error>,
{
    let size = terminal.size()?;
    model.size = (size.width, size.height);
    loop {
        terminal.draw(|f| view::draw(f, model))?;
        if model.session.is_dirty() {
            model.session.flush();
            // The header says when the file was written (or why it was not).
            terminal.draw(|f| view::draw(f, model))?;
        }
        if model.quit {
            return Ok(());
        }
        if let Some(msg) = message(model, next()?) {
            update::update(model, msg);
        }
    }
}

/// The message an event means, if any.
pub fn message(model: &Model, event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) => update::msg_for_key(model, &key),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

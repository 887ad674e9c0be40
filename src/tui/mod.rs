//! The terminal program: read an event → the keymap makes it a message → `update` changes
//! the model and returns effects → [`effects`] runs them (reading, writing files) and
//! their outcomes go back through `update` ([`step`]) → committed edits are handed to a
//! save on another thread (the parse-back and the write never hold up a frame; its
//! outcome comes back as an input, then a message) → the views draw the model. It
//! redraws only on events, so an idle kaoping uses no CPU
//! and writes nothing to the terminal.

pub mod effects;
pub mod events;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod msg;
pub mod paste;
pub mod recovery;
pub mod update;
pub mod view;

use crate::i18n::{Lang, T};
use crate::i18n::{io_error, render};
use crate::project::{DEMO, TEMPLATE};
use crate::session::{OpenError, Session};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste, Event};
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
    scratch: Option<tempfile::TempDir>,
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
            .map_err(|e| io_error(&e, l))?;
        let path = dir.path().join("demo.toml");
        std::fs::write(&path, DEMO)
            .map_err(|e| format!("{}: {}", path.display(), io_error(&e, l)))?;
        let note = format!("{} {}", T::DemoScratch.get(l), path.display());
        return Ok(Target {
            path,
            note: Some(note),
            scratch: Some(dir),
        });
    }
    if let Some(file) = &options.file {
        return Ok(Target {
            path: file.clone(),
            note: None,
            scratch: None,
        });
    }
    let path = default_project_path().ok_or_else(|| T::NoDataDir.get(l).to_string())?;
    let note = if path.exists() {
        format!("{} {}", T::OpenedDefault.get(l), path.display())
    } else {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("{}: {}", dir.display(), io_error(&e, l)))?;
        }
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| format!("{}: {}", path.display(), io_error(&e, l)))?;
        f.write_all(TEMPLATE.as_bytes())
            .map_err(|e| format!("{}: {}", path.display(), io_error(&e, l)))?;
        format!("{} {}", T::CreatedDefault.get(l), path.display())
    };
    Ok(Target {
        path,
        note: Some(note),
        scratch: None,
    })
}

/// Writes a line to standard error, ignoring a failure: after a hangup the terminal is
/// gone, and `eprintln!` would panic on the write error instead of ending quietly.
macro_rules! tell {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// How the loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// The terminal went away (a dropped SSH connection).
    Hangup,
    /// A signal asked kaoping to end.
    Signal(i32),
}

/// Opens the file and runs the program; returns the exit code.
pub fn run(options: Options) -> i32 {
    let l = options.lang;
    // Under `nohup kaoping FILE` (or with output to a file) there is no screen to draw on.
    {
        use std::io::IsTerminal;
        if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
            tell!("kaoping: {}", T::NeedsTerminal.get(l));
            return crate::ops::EXIT_USAGE;
        }
    }
    let target = match target(&options) {
        Ok(t) => t,
        Err(e) => {
            tell!("kaoping: {e}");
            return crate::ops::EXIT_USAGE;
        }
    };
    // `try_init` enters the alternate screen and raw mode, and installs a panic hook
    // that restores the terminal; ours, around it, first writes what was being typed.
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            tell!("kaoping: {}", io_error(&e, l));
            return crate::ops::EXIT_USAGE;
        }
    };
    // Only now (in raw mode) may the reader start reading the terminal.
    let inputs = events::start(&target.path);
    recovery::install_panic_hook();
    let _ = crossterm::execute!(std::io::stdout(), EnableBracketedPaste);
    let code = match open(&mut terminal, &inputs, &target.path, options.read_only, l) {
        Opened::Session(session) => {
            let mut model = Model::new(*session, l);
            greet(&mut model, target.note.clone());
            match event_loop(&mut terminal, &mut model, &inputs) {
                Ok(exit) => finish(&mut model, exit, target.scratch.is_some()),
                Err(e) => {
                    recovery::write_now();
                    model.session.flush();
                    restore();
                    tell!("kaoping: {}", io_error(&e, l));
                    crate::ops::EXIT_USAGE
                }
            }
        }
        Opened::Gone(code) => {
            restore();
            code
        }
    };
    drop(target);
    code
}

/// Gives the terminal back (once: a second call would write its escapes again).
fn restore() {
    static RESTORED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if RESTORED.swap(true, std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let _ = crossterm::execute!(std::io::stdout(), DisableBracketedPaste);
    if ratatui::try_restore().is_err() {
        silence_gone_terminal();
    }
}

/// After the terminal went away (a dropped SSH connection), standard output and error
/// still name it, and every write fails; `eprintln!` inside ratatui (showing the cursor
/// when the terminal is dropped) would then panic. Points those that are a terminal at
/// `/dev/null` (output redirected to a file or pipe stays as it is).
fn silence_gone_terminal() {
    #[cfg(unix)]
    {
        // SAFETY: a NUL-terminated path; the descriptor is closed below.
        let null = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY) };
        if null < 0 {
            return;
        }
        for fd in [libc::STDOUT_FILENO, libc::STDERR_FILENO] {
            // SAFETY: `stat` is plain data, filled in by `fstat`.
            let mut stat: libc::stat = unsafe { std::mem::zeroed() };
            // SAFETY: valid descriptors and a valid pointer.
            let terminal = unsafe { libc::fstat(fd, &mut stat) } == 0
                && stat.st_mode & libc::S_IFMT == libc::S_IFCHR;
            if terminal {
                // SAFETY: both descriptors are open.
                unsafe { libc::dup2(null, fd) };
            }
        }
        // SAFETY: opened above, used no more.
        unsafe { libc::close(null) };
    }
}

/// Ends the program: committed edits are on disk already (a save still running is waited
/// for, and what it left is written here);
/// what was being typed goes to the recovery file when kaoping did not end by choice.
/// Edits that still could not be written (the terminal went away, a signal) are put in
/// `NAME.toml.mine`, and the message names that file only when it was written. The
/// demo's scratch file goes with its folder: nothing of it is kept or named.
fn finish(model: &mut Model, exit: Exit, scratch: bool) -> i32 {
    if exit != Exit::Quit {
        recovery::write_now();
    }
    model.session.flush();
    restore();
    // A quit with edits not written is the user's choice (asked first): discarded.
    let kept = !scratch && !model.session.is_read_only();
    if model.session.is_dirty() && exit != Exit::Quit && kept {
        let said = match model.session.keep_mine() {
            Some(mine) => format!("{} {}", T::UnsavedAtExit.get(model.lang), mine.display()),
            None => T::UnsavedLost.get(model.lang).to_string(),
        };
        tell!("kaoping: {}: {said}", model.session.path().display());
    }
    match exit {
        Exit::Quit | Exit::Hangup => crate::ops::EXIT_OK,
        Exit::Signal(signal) => 128 + signal,
    }
}

/// What the first screen says: where the file is, why it is read-only, and an unfinished
/// edit left by an interrupted session.
pub fn greet(model: &mut Model, note: Option<String>) {
    let l = model.lang;
    let reason = model
        .session
        .read_only
        .as_ref()
        .and_then(|r| r.explained(l))
        .map(|why| crate::i18n::TuiText(l).opened_read_only(&why));
    if let Some(text) = reason.or(note) {
        model.ui.status = Some(Status { text, error: false });
    }
    if !model.session.is_read_only() {
        match recovery::peek(model.session.store.target()) {
            recovery::Left::Nothing => {}
            recovery::Left::Unfinished(unfinished) => {
                model.ui.overlay = Some(model::Overlay::Recover(Box::new(unfinished)));
            }
            recovery::Left::Unreadable(path) => {
                let text = format!("{} {}", T::RecoveryUnreadable.get(l), path.display());
                model.ui.status = Some(Status { text, error: true });
            }
        }
    }
}

enum Opened {
    Session(Box<Session>),
    /// The user gave up (or the terminal went away): the exit code.
    Gone(i32),
}

/// Opens the file; while it has errors, shows them like a compiler and offers to open
/// `$EDITOR` at the first one and try again. Never writes to a file with errors.
fn open(
    terminal: &mut ratatui::DefaultTerminal,
    inputs: &events::Inputs,
    path: &Path,
    read_only: bool,
    l: Lang,
) -> Opened {
    loop {
        let (text, problems) = match Session::open(path, read_only) {
            Ok(session) => return Opened::Session(Box::new(session)),
            Err(OpenError::Io(e)) => {
                restore();
                for line in crate::ops::OpsError::from_io(path, e).lines(l) {
                    tell!("{line}");
                }
                return Opened::Gone(crate::ops::EXIT_USAGE);
            }
            Err(OpenError::Invalid { text, problems }) => (text, problems),
        };
        let errors: Vec<String> = problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| crate::text::sanitize(&render(p, &path.display().to_string(), Some(&text), l)))
            .collect();
        let first_line = problems
            .iter()
            .find_map(|p| p.at)
            .map_or(1, |at| crate::project::problem::line_col(&text, at).0);
        loop {
            let _ = terminal.draw(|f| view::errors::draw(f, path, &errors, l));
            match inputs.rx.recv() {
                Ok(events::Input::Terminal(Event::Key(key))) => {
                    match keymap::error_screen_action(&key) {
                        Some(msg::Action::Quit) => {
                            restore();
                            for e in &errors {
                                tell!("{e}");
                            }
                            return Opened::Gone(crate::ops::EXIT_FILE_ERRORS);
                        }
                        Some(msg::Action::Retry) => break,
                        Some(msg::Action::OpenEditor) => {
                            inputs.pause_reading();
                            edit_in_editor(path, first_line);
                            inputs.resume_reading();
                            // The next frame is drawn whole: the screen is a new one.
                            // (`Terminal::clear` would ask the terminal for its cursor.)
                            let _ = terminal
                                .draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()));
                            break;
                        }
                        _ => {}
                    }
                }
                // Fixed in another window: try again at once.
                Ok(events::Input::FileChanged) => break,
                // No save runs before a session is open.
                Ok(events::Input::Saved) => {}
                Ok(events::Input::Terminal(_)) => {}
                Ok(events::Input::Hangup) | Ok(events::Input::Signal(_)) | Err(_) => {
                    restore();
                    return Opened::Gone(crate::ops::EXIT_FILE_ERRORS);
                }
            }
        }
    }
}

/// Runs `$EDITOR +LINE FILE` (vi, vim, nano, emacs, micro all take `+LINE`) with the
/// terminal handed over, and takes it back afterwards.
fn edit_in_editor(path: &Path, line: usize) {
    let set = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let editor = set("VISUAL")
        .or_else(|| set("EDITOR"))
        .unwrap_or_else(|| "vi".into());
    restore();
    let mut parts = editor.split_whitespace();
    if let Some(program) = parts.next() {
        let _ = std::process::Command::new(program)
            .args(parts)
            .arg(format!("+{line}"))
            .arg(path)
            .status();
    }
    // Back to kaoping's screen, without a new `Terminal` (which would ask the terminal
    // where its cursor is, a reply the reader could take); the caller clears the old one,
    // so that the next frame is drawn whole.
    let _ = crossterm::terminal::enable_raw_mode();
    let _ = crossterm::execute!(
        std::io::stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableBracketedPaste
    );
}

/// The loop: start writing what was committed (on another thread), draw, wait for the
/// next input (the save's end is one). Returns why it
/// ended.
pub fn event_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    model: &mut Model,
    sources: &events::Inputs,
) -> std::io::Result<Exit>
where
    std::io::Error: From<B::Error>,
{
    let size = terminal.size()?;
    model.size = (size.width, size.height);
    // For the test that a panic restores the terminal and keeps what was being typed.
    let panic_key = std::env::var("KAOPING_TEST_PANIC_KEY")
        .ok()
        .and_then(|k| k.chars().next());
    let inputs = &sources.rx;
    let waker = sources.saved_waker();
    let mut waiting = std::collections::VecDeque::new();
    // False right after a save failed: it is tried again at the next input, not at once.
    let mut retry = true;
    loop {
        // What was committed is written on another thread (the header says "saving…"),
        // one save at a time; edits committed meanwhile go with the next one.
        if retry && !model.quit {
            model.session.start_save(waker());
        }
        if let Err(e) = terminal.draw(|f| view::draw(f, model)) {
            // A terminal that went away fails the frame drawn after its hang-up (a save
            // ending meanwhile asks for one): the hang-up, not an I/O error, ends kaoping.
            return match gone(inputs, &mut waiting) {
                Some(exit) => Ok(exit),
                None => Err(e.into()),
            };
        }
        if model.quit {
            return Ok(Exit::Quit);
        }
        let input = match waiting.pop_front() {
            Some(input) => input,
            None => inputs.recv().unwrap_or(events::Input::Hangup),
        };
        retry = true;
        match input {
            events::Input::Terminal(event) => {
                if let (Some(k), Event::Key(key)) = (panic_key, &event)
                    && key.code == crossterm::event::KeyCode::Char(k)
                {
                    panic!("KAOPING_TEST_PANIC_KEY pressed");
                }
                if let Some(msg) = message(model, event) {
                    step(model, msg);
                }
            }
            events::Input::FileChanged => {
                // A save is several events (temporary file, rename): let them settle,
                // keeping whatever else arrives meanwhile for its turn.
                std::thread::sleep(std::time::Duration::from_millis(50));
                while let Ok(input) = inputs.try_recv() {
                    if !matches!(input, events::Input::FileChanged) {
                        waiting.push_back(input);
                    }
                }
                step(model, Msg::FileChanged);
            }
            events::Input::Saved => {
                step(model, Msg::SaveDone);
                retry = model.session.save_error.is_none();
            }
            events::Input::Hangup => return Ok(Exit::Hangup),
            events::Input::Signal(signal) => return Ok(Exit::Signal(signal)),
        }
        recovery::remember(model);
    }
}

/// After a frame could not be drawn: the hang-up or signal that explains it, among the
/// inputs waiting or arriving within half a second.
fn gone(
    inputs: &std::sync::mpsc::Receiver<events::Input>,
    waiting: &mut std::collections::VecDeque<events::Input>,
) -> Option<Exit> {
    let ended = |input: &events::Input| match input {
        events::Input::Hangup => Some(Exit::Hangup),
        events::Input::Signal(signal) => Some(Exit::Signal(*signal)),
        _ => None,
    };
    if let Some(exit) = waiting.iter().find_map(ended) {
        return Some(exit);
    }
    let until = std::time::Instant::now() + std::time::Duration::from_millis(500);
    loop {
        let left = until.saturating_duration_since(std::time::Instant::now());
        match inputs.recv_timeout(left) {
            Ok(input) => {
                if let Some(exit) = ended(&input) {
                    return Some(exit);
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Some(Exit::Hangup),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => return None,
        }
    }
}

/// Writes what was committed, here and now (what the loop does on another thread, for
/// tests and scripts); a write that finds the file changed on disk asks what to do.
pub fn write_committed(model: &mut Model) {
    if model.session.flush() == crate::session::Flushed::Conflict {
        step(model, Msg::Conflicted);
    }
}

/// One message through the program: `update` changes the model, the effects it asks for
/// run, and their outcomes go through `update` in turn. The loop and the key-replay tests
/// both go through here.
pub fn step(model: &mut Model, msg: Msg) {
    let mut queue = std::collections::VecDeque::from([msg]);
    while let Some(msg) = queue.pop_front() {
        for effect in update::update(model, msg) {
            queue.push_back(effects::run(&mut model.session, model.lang, effect));
        }
    }
}

/// The message an event means, if any.
pub fn message(model: &Model, event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) => keymap::message(model, &key),
        Event::Paste(text) => Some(Msg::Paste(text)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

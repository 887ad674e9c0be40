//! What the integration tests share: the worked example, running the binary, projects in
//! text form, and a kaoping in a real pseudo-terminal.

#![allow(dead_code)]

pub mod generated;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

// ---- projects in text form, for the tests of explain, what-if and diff --------------

/// The worked example of shared/examples (hand-computed in worked.md).
pub const WORKED: &str = include_str!("../fixtures/worked.toml");

/// The worked example's file, for the binary.
pub const WORKED_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/worked.toml");

/// A file of tests/fixtures.
pub fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The kaoping binary, with English messages unless `--lang` says otherwise.
pub fn kaoping() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_kaoping"));
    c.env("LANG", "C");
    c
}

/// Runs the binary to its end.
pub fn run_kaoping(args: &[&str]) -> std::process::Output {
    kaoping().args(args).output().expect("run kaoping")
}

/// Loads, checks and scores a text that must have no errors.
pub fn scored(text: &str) -> (kaoping::project::Project, kaoping::scoring::Scoreboard) {
    let analysis = kaoping::check::analyze(text);
    assert!(!analysis.has_errors(), "{:#?}", analysis.problems);
    (analysis.project.unwrap(), analysis.board.unwrap())
}

/// `text` with each `(from, to)` replaced; each `from` must occur exactly once.
pub fn edit(text: &str, edits: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (from, to) in edits {
        assert_eq!(out.matches(from).count(), 1, "{from:?}");
        out = out.replacen(from, to, 1);
    }
    out
}

/// The worked example with a `[policy]` table.
pub fn worked_with_policy(policy: &str) -> String {
    edit(
        WORKED,
        &[(
            "title = \"示例：三县一区\"\n",
            &format!("title = \"示例：三县一区\"\n\n[policy]\n{policy}\n"),
        )],
    )
}

/// A running kaoping in a pseudo-terminal, its output fed to a vt100 screen.
pub struct Pty {
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte kaoping wrote to the terminal.
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Option<Box<dyn Write + Send>>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    /// Tells the reader to stop, so that the terminal can really be closed.
    stop: Arc<std::sync::atomic::AtomicBool>,
    reader: Option<std::thread::JoinHandle<()>>,
}

impl Pty {
    pub fn start(args: &[&str], envs: &[(&str, &str)]) -> Pty {
        Pty::start_program(env!("CARGO_BIN_EXE_kaoping"), args, envs)
    }

    /// Starts kaoping with SIGHUP ignored (as under `nohup`).
    pub fn start_ignoring_hangup(args: &[&str], envs: &[(&str, &str)]) -> Pty {
        let mut all = vec![
            "-c",
            "trap '' HUP; exec \"$0\" \"$@\"",
            env!("CARGO_BIN_EXE_kaoping"),
        ];
        all.extend_from_slice(args);
        Pty::start_program("/bin/sh", &all, envs)
    }

    pub fn start_program(program: &str, args: &[&str], envs: &[(&str, &str)]) -> Pty {
        let system = native_pty_system();
        let pair = system
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn kaoping");
        drop(pair.slave);
        let writer = pair.master.take_writer().expect("writer");
        let fd = pair.master.as_raw_fd().expect("a unix pty");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(24).unwrap(),
            std::num::NonZeroU16::new(80).unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (sink, log, stopped) = (screen.clone(), raw.clone(), stop.clone());
        // Reads the master without holding a second descriptor of it, polling so that it
        // can stop when the terminal is to be closed.
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while !stopped.load(std::sync::atomic::Ordering::SeqCst) {
                let mut pfd = libc::pollfd {
                    fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd.
                let ready = unsafe { libc::poll(&mut pfd, 1, 50) };
                if ready <= 0 || pfd.revents & libc::POLLIN == 0 {
                    if pfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    continue;
                }
                // SAFETY: the buffer is valid for its length; fd is open until stop is set
                // and this thread has ended.
                let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
                if n <= 0 {
                    std::thread::sleep(Duration::from_millis(20));
                    continue;
                }
                let n = n as usize;
                sink.lock().unwrap().process(&buf[..n]);
                log.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            screen,
            raw,
            writer: Some(writer),
            child,
            master: Some(pair.master),
            stop,
            reader: Some(reader),
        }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen after `secs`.
    pub fn wait_for(&self, text: &str, secs: u64) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!(
            "timed out waiting for {text:?}; screen:\n{}",
            self.contents()
        );
    }

    pub fn send(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().expect("terminal open");
        writer.write_all(bytes).unwrap();
        writer.flush().unwrap();
        // Let kaoping read the keys one message at a time.
        std::thread::sleep(Duration::from_millis(30));
    }

    /// Sends keys one at a time.
    pub fn keys(&mut self, keys: &str) {
        for c in keys.chars() {
            let mut buf = [0u8; 4];
            self.send(c.encode_utf8(&mut buf).as_bytes());
        }
    }

    /// Closes the terminal under the program (a dropped SSH connection): every
    /// descriptor of the master side goes.
    pub fn close(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        self.writer = None;
        self.master = None;
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap_or(0)
    }

    /// Waits for the process to end; its exit code.
    pub fn wait_exit(&mut self, secs: u64) -> Option<u32> {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(secs) {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status.exit_code());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        // Stop the reader before the master's descriptor is closed (and its number reused
        // by another test's terminal).
        self.close();
        let _ = self.child.kill();
    }
}

// ---- the terminal program, driven without a terminal --------------------------------------

use kaoping::tui::model::Model;

/// A model of the terminal program on a copy of `text` named `name` in a temporary folder
/// (kept alive by the returned guard), without colour.
pub fn tui_model(text: &str, name: &str, lang: kaoping::i18n::Lang) -> (Model, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    let session =
        kaoping::session::Session::open(&path, false).unwrap_or_else(|_| panic!("{name} opens"));
    let mut model = Model::new(session, lang);
    model.color = false;
    (model, dir)
}

/// One message through the program, as the loop handles it (effects run).
pub fn step(model: &mut Model, msg: kaoping::tui::msg::Msg) {
    kaoping::tui::step(model, msg);
}

/// A key with modifiers, as the terminal sends it.
pub fn key_mod(
    model: &mut Model,
    code: crossterm::event::KeyCode,
    modifiers: crossterm::event::KeyModifiers,
) {
    use crossterm::event::{Event, KeyEvent};
    if let Some(msg) = kaoping::tui::message(model, Event::Key(KeyEvent::new(code, modifiers))) {
        step(model, msg);
    }
}

pub fn key(model: &mut Model, code: crossterm::event::KeyCode) {
    key_mod(model, code, crossterm::event::KeyModifiers::NONE);
}

/// What a `w`×`h` terminal shows, a line of text per row (trailing blanks cut).
pub fn screen(model: &mut Model, w: u16, h: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    step(model, kaoping::tui::msg::Msg::Resize(w, h));
    terminal
        .draw(|f| kaoping::tui::view::draw(f, model))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut x = 0;
        while x < w {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            // A wide character covers the next cell too.
            x += kaoping::text::width(symbol).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The status line's text (empty when there is none).
pub fn status(m: &Model) -> String {
    m.ui.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

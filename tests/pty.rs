//! End to end in a real pseudo-terminal: start the binary on a copy of the worked example,
//! switch to the ranking, read the screen through a vt100 parser, quit, and check that the
//! terminal was restored (main screen, cursor shown).

#![cfg(unix)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const WORKED: &str = include_str!("fixtures/worked.toml");

/// A running kaoping in a pseudo-terminal, its output fed to a vt100 screen.
pub struct Pty {
    pub screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    _pair_master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Pty {
    pub fn start(args: &[&str], envs: &[(&str, &str)]) -> Pty {
        let system = native_pty_system();
        let pair = system
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_kaoping"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn kaoping");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(24).unwrap(),
            std::num::NonZeroU16::new(80).unwrap(),
            0,
        )));
        let sink = screen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Pty {
            screen,
            writer,
            child,
            _pair_master: pair.master,
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
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
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

#[test]
fn start_switch_to_the_ranking_read_it_and_quit_with_the_terminal_restored() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("worked.toml");
    std::fs::write(&file, WORKED).unwrap();
    let mut pty = Pty::start(&[file.to_str().unwrap(), "--lang", "en"], &[]);
    pty.wait_for("甲县", 20);
    assert!(
        pty.screen.lock().unwrap().screen().alternate_screen(),
        "runs on the alternate screen"
    );
    pty.send(b"4");
    pty.wait_for("Counties and zone", 10);
    let screen = pty.contents();
    for expected in [
        "甲县",
        "21.80",
        "乙县",
        "20.20",
        "丙县",
        "19.70",
        "经济开发区",
        "18.80",
    ] {
        assert!(screen.contains(expected), "{expected} missing:\n{screen}");
    }
    // 丙县 and the zone are vetoed; the zone is last.
    let zone = screen.lines().find(|l| l.contains("经济开发区")).unwrap();
    assert!(zone.contains('✗') && zone.contains("last"), "{zone}");
    pty.send(b"q");
    assert_eq!(pty.wait_exit(10), Some(0), "kaoping did not exit on q");
    std::thread::sleep(Duration::from_millis(200));
    let parser = pty.screen.lock().unwrap();
    assert!(
        !parser.screen().alternate_screen(),
        "left on the alternate screen"
    );
    assert!(!parser.screen().hide_cursor(), "cursor left hidden");
    // Nothing was edited: the file is untouched.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), WORKED);
}

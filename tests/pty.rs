//! End to end in a real pseudo-terminal: start the binary on a copy of the worked example,
//! switch to the ranking, read the screen through a vt100 parser, quit, and check that the
//! terminal was restored (main screen, cursor shown).

#![cfg(unix)]

mod common;

use common::Pty;
use std::time::Duration;

const WORKED: &str = include_str!("fixtures/worked.toml");

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

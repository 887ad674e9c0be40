//! "Your data is safe", tried as a careful adversary would: hostile files, side files that
//! are links, FIFOs and devices, line ends and byte-order marks, permissions, control
//! characters in every output. Each test failed on the main of the first wave.

mod common;

use common::{WORKED, kaoping};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

fn project_in(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs kaoping, killing it after `secs` (a command that blocks is a failure, not a hang).
fn run_within(args: &[&str], secs: u64) -> Output {
    let mut child = kaoping()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "kaoping {args:?} still running after {secs}s: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

// ---- side files ------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_side_file_that_is_a_symlink_is_refused_never_written_through() {
    for side in [".p.toml.lock", "p.toml.bak"] {
        let dir = tempfile::tempdir().unwrap();
        let path = project_in(dir.path(), "p.toml", WORKED);
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious\n").unwrap();
        std::os::unix::fs::symlink(&victim, dir.path().join(side)).unwrap();
        let out = run_within(
            &["set", path.to_str().unwrap(), "scores.jia.survey", "5"],
            20,
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{side}: {stderr}");
        assert!(stderr.contains("symbolic link"), "{side}: {stderr}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious\n");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), WORKED, "{side}");
    }
}

#[cfg(unix)]
#[test]
fn a_lock_file_hard_linked_to_the_project_is_refused_and_the_project_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path(), "p.toml", WORKED);
    std::fs::hard_link(&path, dir.path().join(".p.toml.lock")).unwrap();
    let out = run_within(
        &["set", path.to_str().unwrap(), "scores.jia.survey", "5"],
        20,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("hard link"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), WORKED);
}

#[test]
fn the_backup_is_the_file_as_it_was_opened() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path(), "p.toml", WORKED);
    let out = run_within(
        &["set", path.to_str().unwrap(), "scores.jia.survey", "5"],
        20,
    );
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("p.toml.bak")).unwrap(),
        WORKED
    );
}

// ---- what a file is --------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_is_refused_at_once_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let good = project_in(dir.path(), "good.toml", WORKED);
    let fifo = dir.path().join("fifo.toml");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let good = good.to_str().unwrap();
    for bad in [fifo.to_str().unwrap(), "/dev/zero", "/dev/null"] {
        let commands: Vec<Vec<&str>> = vec![
            vec!["check", bad],
            vec!["rank", bad],
            vec!["rank", bad, "--format", "json"],
            vec!["set", bad, "title", "x"],
            vec!["export", bad, "--format", "markdown"],
            vec!["explain", bad, "甲县"],
            vec!["whatif", bad, "甲县"],
            vec!["diff", good, bad],
            vec!["diff", bad, good],
        ];
        for args in commands {
            let out = run_within(&args, 10);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                !out.status.success() && stderr.contains("not a regular file")
                    || bad == "/dev/null" && !out.status.success(),
                "{args:?}: {stderr}"
            );
        }
    }
    // Nothing was made beside the FIFO (no lock file for it).
    assert!(!dir.path().join(".fifo.toml.lock").exists());
}

// ---- bytes the file had ----------------------------------------------------------------

#[test]
fn crlf_and_a_byte_order_mark_survive_a_set() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(WORKED.replace('\n', "\r\n").as_bytes());
    let path = dir.path().join("p.toml");
    std::fs::write(&path, &bytes).unwrap();
    let out = run_within(
        &["set", path.to_str().unwrap(), "scores.jia.survey", "5.6"],
        20,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = std::fs::read(&path).unwrap();
    assert!(after.starts_with(b"\xEF\xBB\xBF"));
    let expected =
        String::from_utf8(bytes)
            .unwrap()
            .replacen("survey = 5.5\r\n", "survey = 5.6\r\n", 1);
    assert_eq!(String::from_utf8(after).unwrap(), expected);
}

// ---- permissions -----------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_file_without_write_permission_is_never_replaced_even_by_root() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path(), "p.toml", WORKED);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = run_within(
        &["set", path.to_str().unwrap(), "scores.jia.survey", "5"],
        20,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no write permission"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), WORKED);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

// ---- control characters ----------------------------------------------------------------

/// The worked example with names, a title, a note and a key that hold ESC sequences,
/// BEL, DEL, C1 controls (U+009B is a CSI, U+0085 a line break) and a bidi override.
fn hostile() -> String {
    common::edit(
        WORKED,
        &[
            (
                "name = \"甲县\"",
                "name = \"甲\\u001b]52;c;ZXZpbA==\\u0007县\"",
            ),
            ("name = \"乙县\"", "name = \"乙\\u009b31m\\u0085县\\u007f\""),
            (
                "title = \"示例：三县一区\"",
                "title = \"示例\\u202e区一县三\"",
            ),
            (
                "note = \"市政府通报：培训台账不全\"",
                "note = \"=HYPERLINK(\\\"x\\\")\\u001b[2J\"",
            ),
        ],
    )
}

/// The bytes a terminal would obey: C0 controls other than line break and tab, DEL,
/// the C1 controls, and the bidirectional controls.
fn unsafe_bytes_in(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.char_indices()
        .filter(|(_, c)| {
            (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .map(|(at, c)| {
            let from = text[..at]
                .char_indices()
                .rev()
                .nth(20)
                .map_or(0, |(i, _)| i);
            format!("U+{:04X} after {:?}", c as u32, &text[from..at])
        })
        .collect()
}

#[test]
fn no_control_character_reaches_any_output_of_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path(), "evil.toml", &hostile());
    let other = project_in(dir.path(), "other.toml", WORKED);
    // A key and a value of the wrong kind, both with controls, for `check`.
    let broken = project_in(
        dir.path(),
        "broken.toml",
        &hostile().replacen(
            "survey = 5.5",
            "survey = \"5\\u001b[2J\"\n\"x\\u009by\" = 1",
            1,
        ),
    );
    let (p, o, b) = (
        path.to_str().unwrap(),
        other.to_str().unwrap(),
        broken.to_str().unwrap(),
    );
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", p],
        vec!["check", b],
        vec!["rank", b],
        vec!["rank", p],
        vec!["rank", p, "--format", "json"],
        vec!["rank", p, "--format", "csv"],
        vec!["rank", p, "--format", "markdown"],
        vec!["export", p, "--format", "markdown"],
        vec!["export", p, "--format", "csv"],
        vec!["export", p, "--format", "csv", "--table", "scores"],
        vec!["export", p, "--format", "csv", "--table", "awards"],
        vec!["export", p, "--format", "html", "-o", "-"],
        vec!["explain", p, "jia"],
        vec!["whatif", p, "yi"],
        vec!["diff", o, p],
        vec!["set", p, "scores.jia.survey", "\u{1b}[31m5"],
        vec!["set", p, "units[0].name", "甲\u{1b}]0;pwned\u{7}县"],
    ];
    for lang in ["en", "zh"] {
        for args in &runs {
            let mut args = args.clone();
            args.extend(["--lang", lang]);
            let out = run_within(&args, 20);
            let mut found = unsafe_bytes_in(&out.stdout);
            found.extend(unsafe_bytes_in(&out.stderr));
            assert!(found.is_empty(), "kaoping {args:?} printed {found:?}");
        }
    }
    // The JSON still holds the names exactly (escaped, not replaced).
    let out = run_within(&["rank", p, "--format", "json"], 20);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<&str> = doc["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"乙\u{9b}31m\u{85}县\u{7f}"), "{names:?}");
}

// ---- what set and export may write -----------------------------------------------------

#[test]
fn set_changes_values_never_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path(), "p.toml", WORKED);
    let p = path.to_str().unwrap();
    for (key, value) in [
        ("scores.jia", "{}"),
        ("scores.jia.indicators.new-jobs", "{ target = 1 }"),
        ("scores.jia.organization", "{}"),
        ("scores.yi.penalties", "[]"),
        ("scores.yi.penalties[0]", "{}"),
        ("units[0]", "{}"),
        ("title", "{ a = 1 }"),
        ("scores.jia.survey", "[{ a = 1 }]"),
    ] {
        let out = run_within(&["set", p, key, value], 20);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{key}: {stderr}");
        assert!(stderr.contains("changes one value"), "{key}: {stderr}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), WORKED, "{key}");
    }
    // Values still go, lists of ids included.
    let out = run_within(
        &[
            "set",
            p,
            "indicators[0].units",
            "[\"jia\", \"yi\", \"bing\", \"zone\"]",
        ],
        20,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn an_export_never_replaces_the_project_or_its_side_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path(), "p.toml", WORKED);
    // A backup exists after a first set.
    assert!(
        run_within(
            &["set", path.to_str().unwrap(), "scores.jia.survey", "5.6"],
            20
        )
        .status
        .success()
    );
    let now = std::fs::read_to_string(&path).unwrap();
    let link = dir.path().join("link.toml");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let p = path.to_str().unwrap();
    let mut outputs = vec![
        p.to_string(),
        format!("{}/./p.toml", dir.path().display()),
        dir.path().join("p.toml.bak").display().to_string(),
    ];
    if cfg!(unix) {
        outputs.push(link.display().to_string());
    }
    for output in &outputs {
        for format in ["csv", "markdown", "html", "docx", "xlsx"] {
            let out = run_within(&["export", p, "--format", format, "-o", output], 20);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{output}: {stderr}");
            assert!(stderr.contains("never replaces"), "{output}: {stderr}");
        }
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), now);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("p.toml.bak")).unwrap(),
        WORKED
    );
}

#[test]
fn a_number_too_large_to_score_is_named_in_its_own_row() {
    let dir = tempfile::tempdir().unwrap();
    let text = WORKED.replacen(
        "new-jobs = { target = 1000, actual = 1200 }",
        "new-jobs = { target = 1000, actual = \"9999999999999999999999999999\" }",
        1,
    );
    let path = project_in(dir.path(), "p.toml", &text);
    let out = run_within(&["check", path.to_str().unwrap()], 20);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    // 甲县's row, where the number was typed (the overflow happens in 乙县's bonus).
    assert!(
        stderr.contains("scores.jia.indicators.new-jobs.actual: the number 9999999999999999999999999999 is too large to score"),
        "{stderr}"
    );
    assert!(!stderr.contains("scores.yi"), "{stderr}");
    let line = text
        .lines()
        .position(|l| l.contains("9999999999999999999999999999"))
        .unwrap()
        + 1;
    assert!(stderr.contains(&format!("p.toml:{line}:")), "{stderr}");
}

#[test]
fn a_deleted_project_file_is_reported_as_deleted_and_not_recreated_unasked() {
    use kaoping::session::{DiskChange, Session};
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path(), "p.toml", WORKED);
    let mut session = Session::open(&path, false).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        session.disk_changed(kaoping::i18n::Lang::En),
        DiskChange::Deleted
    );
    // An edit made now is kept, and written only when the user chooses.
    session
        .commit(kaoping::edit::Edit::SetSurvey {
            unit: "jia".into(),
            value: Some("5.6".parse().unwrap()),
        })
        .unwrap();
    session.flush();
    assert!(!path.exists());
    assert!(session.is_dirty());
    session.overwrite();
    assert!(session.save_error.is_none(), "{:?}", session.save_error);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("survey = 5.6")
    );
}

// ---- the terminal program under stress -------------------------------------------------

/// A project whose first save fails (its backup's name is taken by a folder), opened in a
/// terminal, with 甲县's 组织领导 typed as 1: the edit waits, unwritten.
#[cfg(unix)]
fn unwritten_edit(dir: &Path) -> (PathBuf, common::Pty) {
    let path = project_in(dir, "p.toml", WORKED);
    std::fs::create_dir(dir.join("p.toml.bak")).unwrap();
    let mut pty = common::Pty::start(&[path.to_str().unwrap(), "--lang", "en"], &[]);
    pty.wait_for("甲县", 20);
    pty.keys("2");
    pty.send(b"\r");
    pty.keys("e");
    pty.send(b"\x7f");
    pty.keys("1");
    pty.send(b"\r");
    pty.wait_for("NOT SAVED", 10);
    (path, pty)
}

#[cfg(unix)]
#[test]
fn the_conflict_dialog_saves_elsewhere_and_no_typed_key_reaches_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut pty) = unwritten_edit(dir.path());
    // Someone else changes the file meanwhile.
    let theirs = format!("{WORKED}# changed elsewhere\n");
    std::fs::write(&path, &theirs).unwrap();
    pty.wait_for("The file changed on disk", 10);
    // Esc goes back to the program, the conflict still flagged; `!` asks again.
    pty.send(b"\x1b");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!pty.contents().contains("Someone changed the file"));
    assert!(pty.contents().contains("(!)"), "{}", pty.contents());
    pty.keys("!");
    pty.wait_for("Someone changed the file", 10);
    // Save as: a name full of the dialog's letters (r reload, o overwrite, s save as).
    pty.keys("s");
    pty.wait_for("mine", 10);
    pty.send(&[0x7f; 300]);
    let rescue = dir.path().join("rescue-or-overwrite.toml");
    pty.keys(rescue.to_str().unwrap());
    pty.send(b"\r");
    pty.wait_for("saved as", 10);
    assert!(!pty.contents().contains("Someone changed the file"));
    pty.keys("q");
    assert_eq!(pty.wait_exit(10), Some(0));
    // Theirs is untouched; ours is in the file typed.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    let ours = std::fs::read_to_string(&rescue).unwrap();
    assert!(
        ours.contains("organization = { leadership = 1, funding = 3.5 }"),
        "{ours}"
    );
}

#[cfg(unix)]
#[test]
fn quitting_with_an_unwritten_edit_asks_and_says_nothing_false() {
    // Discard: the file stays as it was, and no message names a file that is not there.
    let dir = tempfile::tempdir().unwrap();
    let (path, mut pty) = unwritten_edit(dir.path());
    pty.keys("q");
    pty.wait_for("Edits not written", 10);
    pty.keys("d");
    assert_eq!(pty.wait_exit(10), Some(0));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), WORKED);
    let said = String::from_utf8_lossy(&pty.raw.lock().unwrap()).into_owned();
    assert!(!said.contains(".mine"), "{said}");
    assert!(!dir.path().join("p.toml.mine").exists());

    // Try again once the cause is gone: written, then quit.
    let dir = tempfile::tempdir().unwrap();
    let (path, mut pty) = unwritten_edit(dir.path());
    pty.keys("q");
    pty.wait_for("Edits not written", 10);
    std::fs::remove_dir(dir.path().join("p.toml.bak")).unwrap();
    pty.keys("r");
    assert_eq!(pty.wait_exit(10), Some(0));
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("organization = { leadership = 1, funding = 3.5 }")
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("p.toml.bak")).unwrap(),
        WORKED
    );
}

#[test]
fn without_a_terminal_the_terminal_program_refuses_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path(), "p.toml", WORKED);
    // As under `nohup kaoping FILE`: output to a file, no terminal.
    let out = run_within(&[path.to_str().unwrap()], 10);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("needs a terminal"), "{stderr}");
    assert!(out.stdout.is_empty(), "drew into a file");
}

#[cfg(unix)]
#[test]
fn sigint_ends_like_sigterm_restoring_the_terminal_and_keeping_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path(), "p.toml", WORKED);
    let mut pty = common::Pty::start(&[path.to_str().unwrap(), "--lang", "en"], &[]);
    pty.wait_for("甲县", 20);
    pty.keys("2");
    pty.send(b"\r");
    pty.keys("e");
    pty.keys("9");
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: signalling our own child.
    unsafe { libc::kill(pty.pid() as i32, libc::SIGINT) };
    assert_eq!(pty.wait_exit(10), Some(128 + libc::SIGINT as u32));
    std::thread::sleep(Duration::from_millis(200));
    let parser = pty.screen.lock().unwrap();
    assert!(
        !parser.screen().alternate_screen(),
        "left on the alternate screen"
    );
    assert!(!parser.screen().hide_cursor(), "cursor left hidden");
    let recovered = std::fs::read_to_string(dir.path().join(".p.toml.recover")).unwrap();
    assert!(recovered.contains("29"), "{recovered}");
}

#[cfg(unix)]
#[test]
fn the_demo_scratch_folder_goes_when_a_signal_ends_kaoping() {
    let tmp = tempfile::tempdir().unwrap();
    let mut pty = common::Pty::start(
        &["--demo", "--lang", "en"],
        &[("TMPDIR", tmp.path().to_str().unwrap())],
    );
    pty.wait_for("东城县", 20);
    let scratch = || {
        std::fs::read_dir(tmp.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with("kaoping-demo-")
            })
            .count()
    };
    assert_eq!(scratch(), 1);
    // SAFETY: signalling our own child.
    unsafe { libc::kill(pty.pid() as i32, libc::SIGINT) };
    assert!(pty.wait_exit(10).is_some());
    assert_eq!(scratch(), 0, "the demo's scratch folder was left behind");
}

#[cfg(unix)]
#[test]
fn the_editor_gets_every_key_while_it_runs() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(
        dir.path(),
        "bad.toml",
        &WORKED.replacen("survey = 5.5", "survey = 55", 1),
    );
    let got = dir.path().join("got.txt");
    // An "editor" that reads 15 keys from the terminal and keeps them.
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\nstty raw -echo\nhead -c 15 > '{}'\nstty sane\n",
            got.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut pty = common::Pty::start(
        &[path.to_str().unwrap(), "--lang", "en"],
        &[("EDITOR", editor.to_str().unwrap()), ("VISUAL", "")],
    );
    pty.wait_for("has errors", 20);
    pty.keys("e");
    std::thread::sleep(Duration::from_millis(800));
    pty.keys("ihello123456789");
    let start = std::time::Instant::now();
    while std::fs::metadata(&got).map_or(0, |m| m.len()) < 15
        && start.elapsed() < Duration::from_secs(10)
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(std::fs::read_to_string(&got).unwrap(), "ihello123456789");
    pty.wait_for("has errors", 10);
    pty.keys("q");
    assert_eq!(pty.wait_exit(10), Some(1));
}

#[cfg(unix)]
#[test]
fn the_terminal_program_opens_a_file_without_write_permission_read_only_and_says_why() {
    use kaoping::session::{ReadOnlyReason, Session};
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path(), "p.toml", WORKED);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let session = Session::open(&path, false).unwrap();
    assert_eq!(session.read_only, Some(ReadOnlyReason::FileReadOnly));
    let said = session
        .read_only
        .as_ref()
        .unwrap()
        .explained(kaoping::i18n::Lang::Zh)
        .unwrap();
    assert!(said.contains("没有写权限"), "{said}");
    // Nothing beside it was made either (no lock file).
    assert!(!dir.path().join(".p.toml.lock").exists());
}

#[cfg(unix)]
#[test]
fn the_terminal_program_on_a_fifo_says_so_and_ends() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.toml");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let mut pty = common::Pty::start(&[fifo.to_str().unwrap(), "--lang", "en"], &[]);
    assert_eq!(
        pty.wait_exit(10),
        Some(2),
        "kaoping kept waiting on the FIFO"
    );
    let said = String::from_utf8_lossy(&pty.raw.lock().unwrap()).into_owned();
    assert!(said.contains("not a regular file"), "{said}");
}

// ---- pipelines ---------------------------------------------------------------------------

#[test]
fn a_reader_that_stops_reading_ends_kaoping_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = project_in(dir.path(), "p.toml", WORKED);
    for args in [
        vec!["rank", path.to_str().unwrap()],
        vec!["rank", path.to_str().unwrap(), "--format", "json"],
        vec!["explain", path.to_str().unwrap(), "jia"],
        vec!["export", path.to_str().unwrap(), "--format", "csv"],
    ] {
        // `kaoping rank F | head -0`: the reading end is closed before kaoping writes.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = kaoping()
            .args(&args)
            .stdin(Stdio::null())
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("pipe"), "{args:?}: {stderr}");
    }
}

//! Never lose an edit: atomic saves under kill -9, format-preserving `set`, one writer,
//! a file changed behind kaoping's back, write failures, a dropped terminal (with SIGHUP
//! delivered and ignored), a panic, bad files.

mod common;

use common::Pty;
use kaoping::check::analyze;
use kaoping::edit::Edit;
use kaoping::project::Row;
use kaoping::session::{ReadOnlyReason, Session};
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const DEMO: &str = kaoping::project::DEMO;
const NEW_JOBS: &str = "scores.jia.indicators.new-jobs.actual";

use common::kaoping;

fn demo_in(dir: &Path) -> PathBuf {
    let path = dir.join("demo.toml");
    std::fs::write(&path, DEMO).unwrap();
    path
}

/// 东城县's new-jobs actual in a file's text (the file must load without errors).
fn actual_in(text: &str) -> Decimal {
    let analysis = analyze(text);
    assert!(!analysis.has_errors(), "the file does not load:\n{text}");
    match analysis.project.unwrap().scores["jia"].indicators["new-jobs"] {
        Row::Quantitative {
            actual: Some(a), ..
        } => a,
        ref other => panic!("{other:?}"),
    }
}

fn set(path: &Path, key: &str, value: &str) -> std::process::Output {
    kaoping()
        .args(["set", path.to_str().unwrap(), key, value])
        .output()
        .unwrap()
}

// ---- saving ----------------------------------------------------------------------------

#[test]
fn kill_9_at_random_moments_during_200_saves_leaves_the_old_or_the_new_file() {
    // The small worked example, so that a save takes a few milliseconds.
    let worked = common::WORKED;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("worked.toml");
    std::fs::write(&path, worked).unwrap();
    let mut committed = actual_in(worked);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let (mut killed, mut finished) = (0, 0);
    // How long a whole save takes here and now (the machine may be busy): the kills are
    // spread over twice that, so that they land before, during and after the write.
    let time_one = || {
        let start = Instant::now();
        assert!(set(&path, NEW_JOBS, "1200").status.success());
        start.elapsed()
    };
    let mut span = time_one() * 2;
    assert_eq!(
        committed,
        Decimal::from(1200),
        "the worked example's value, set again"
    );
    for i in 0..200u32 {
        if i % 50 == 49 {
            span = time_one() * 2;
            committed = Decimal::from(1200);
        }
        // Every fourth save is killed at once and every fourth is left to finish, so
        // that both outcomes happen however busy the machine is; the rest are killed
        // at a random moment of a save's time, to land before, during and after it.
        let delay = match i % 4 {
            0 => Some(Duration::ZERO),
            1 => None,
            _ => {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                Some(Duration::from_micros(
                    seed % (span.as_micros() as u64).max(1),
                ))
            }
        };
        let value = Decimal::from(3000 + i);
        let mut child = kaoping()
            .args(["set", path.to_str().unwrap(), NEW_JOBS, &value.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        if let Some(delay) = delay {
            std::thread::sleep(delay);
            let _ = child.kill();
        }
        let status = child.wait().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let now = actual_in(&text);
        if status.success() {
            // A save that said it was done is on disk: no committed edit is lost.
            assert_eq!(now, value, "round {i}: a committed save was lost");
            finished += 1;
        } else {
            assert!(
                now == committed || now == value,
                "round {i}: {now} is neither {committed} nor {value}"
            );
            killed += 1;
        }
        committed = now;
    }
    eprintln!("{finished} saves finished, {killed} killed");
    assert!(
        killed >= 5 && finished >= 5,
        "the kills should land both before and after a save ({finished} / {killed})"
    );
    // Temporaries left by the killed ones are gone once the file is opened again.
    assert!(set(&path, NEW_JOBS, "1200").status.success());
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn comments_order_and_number_formatting_survive_an_edit_made_through_the_program() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_in(dir.path());
    assert!(set(&path, NEW_JOBS, "5000").status.success());
    assert!(
        set(&path, "scores.zone.indicators.rural-dibao.deduction", "1.2")
            .status
            .success()
    );
    let after = std::fs::read_to_string(&path).unwrap();
    // The golden diff: exactly the two changed lines, nothing else.
    let changed: Vec<(&str, &str)> = DEMO
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(DEMO.lines().count(), after.lines().count());
    assert_eq!(
        changed,
        vec![
            (
                "new-jobs          = { target = 6000, actual = 6720 }",
                "new-jobs          = { target = 6000, actual = 5000 }"
            ),
            (
                "rural-dibao     = { status = \"incomplete\", deduction = 0.8 }  # 应保尽保 not met: vetoed (一票否决)",
                "rural-dibao     = { status = \"incomplete\", deduction = 1.2 }  # 应保尽保 not met: vetoed (一票否决)"
            ),
        ]
    );
    // The file as the session found it is kept beside it.
    let backup = std::fs::read_to_string(dir.path().join("demo.toml.bak")).unwrap();
    assert!(backup.contains("deduction = 0.8"));
}

#[test]
fn set_refuses_an_invalid_value_and_leaves_the_file_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_in(dir.path());
    for (key, value, says) in [
        (
            "scores.zone.indicators.rural-dibao.deduction",
            "9",
            "deduction 9 is outside [0, 3.60]",
        ),
        (NEW_JOBS, "-5", "cannot be negative"),
        (NEW_JOBS, "1e3", "exponent"),
        (
            "scores.jia.indicators.new-jobs.actaul",
            "1",
            "unknown key `actaul`",
        ),
        ("scores.jia.survey", "\"many\"", "not a valid decimal"),
    ] {
        let out = set(&path, key, value);
        assert_eq!(out.status.code(), Some(1), "{key} = {value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(says) && stderr.contains(key.split('.').next().unwrap()),
            "{stderr}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            DEMO,
            "{key} = {value} changed the file"
        );
    }
    assert_eq!(set(&path, "units[99].name", "x").status.code(), Some(2));
    assert_eq!(set(&path, "a..b", "x").status.code(), Some(2));
}

// ---- one writer ----------------------------------------------------------------------

#[test]
fn a_second_copy_is_read_only_names_the_holder_follows_the_first_and_can_write_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_in(dir.path());
    let file = path.to_str().unwrap();
    let mut first = Pty::start(&[file, "--lang", "en"], &[]);
    first.wait_for("东城县", 20);
    let holder = format!("pid {}", first.pid());

    // A script is refused, naming the holder; the file is untouched.
    let out = set(&path, NEW_JOBS, "5000");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(&holder),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), DEMO);

    // A second terminal program opens read-only and says who holds the file.
    let mut second = Pty::start(&[file, "--lang", "en"], &[]);
    second.wait_for("read-only", 20);
    second.wait_for(&holder, 5);

    // The first one edits 东城县's new-jobs actual: 6720 → 5000 …
    type_dongcheng_actual(&mut first, "5000");
    first.send(b"\r");
    first.wait_for("saved", 10);
    assert_eq!(
        actual_in(&std::fs::read_to_string(&path).unwrap()),
        Decimal::from(5000)
    );
    // … and the second follows the file: the new value and the new total show.
    second.wait_for("128.83", 10);
    // It still may not write.
    second.keys("l");
    second.send(b"\r");
    second.wait_for("opened read-only", 5);

    first.keys("q");
    assert_eq!(first.wait_exit(10), Some(0));
    // Once the first has quit, a new copy may write.
    assert!(set(&path, NEW_JOBS, "6720").status.success());
    second.keys("q");
    second.wait_exit(10);
}

// ---- edits behind kaoping's back -------------------------------------------------------

fn edit_new_jobs(value: i64) -> Edit {
    Edit::SetRow {
        unit: "jia".into(),
        indicator: "new-jobs".into(),
        row: Some(Row::Quantitative {
            target: Some(Decimal::from(6000)),
            actual: Some(Decimal::from(value)),
        }),
    }
}

#[test]
fn a_file_changed_on_disk_is_never_overwritten_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_in(dir.path());
    let mut session = Session::open(&path, false).unwrap();
    session.commit(edit_new_jobs(5000)).unwrap();
    // Someone edits the file in vim before kaoping writes its edit.
    let behind = DEMO.replacen("survey = 5.8", "survey = 5.9", 1);
    std::fs::write(&path, &behind).unwrap();
    session.flush();
    assert!(session.conflict && session.is_dirty());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        behind,
        "overwritten"
    );
    // kaoping's version is kept beside it, and the edit is still on screen.
    let mine = std::fs::read_to_string(dir.path().join("demo.toml.mine")).unwrap();
    assert_eq!(actual_in(&mine), Decimal::from(5000));
    assert!(
        matches!(&session.project.scores["jia"].indicators["new-jobs"], Row::Quantitative { actual: Some(a), .. } if *a == Decimal::from(5000))
    );
    // Reload: the other's change, and kaoping's edit applied again on top, saved.
    let reloaded = session.reload().unwrap();
    assert_eq!((reloaded.failed, reloaded.lost), (0, false));
    assert_eq!(reloaded.reapplied, 1);
    session.flush();
    let now = std::fs::read_to_string(&path).unwrap();
    assert!(now.contains("survey = 5.9"));
    assert_eq!(actual_in(&now), Decimal::from(5000));
}

#[test]
fn a_change_on_disk_with_nothing_unsaved_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_in(dir.path());
    let file = path.to_str().unwrap();
    let mut pty = Pty::start(&[file, "--lang", "en"], &[]);
    pty.wait_for("131.30", 20);
    // 东城县 6000 → 5000 written by another program (vim, git checkout …).
    let behind = DEMO.replacen("actual = 6720", "actual = 5000", 1);
    std::fs::write(&path, &behind).unwrap();
    pty.wait_for("128.83", 10);
    pty.wait_for("reloaded", 5);
    pty.keys("q");
    assert_eq!(pty.wait_exit(10), Some(0));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), behind);
}

// ---- write failures ----------------------------------------------------------------------

/// A folder where writes can be made to fail for lack of space: a small tmpfs (root),
/// else a folder without write permission (not root). `None` where neither can be made.
struct Cramped {
    dir: PathBuf,
    mounted: bool,
    _holder: tempfile::TempDir,
}

impl Cramped {
    fn new() -> Option<Cramped> {
        let holder = tempfile::tempdir().ok()?;
        let dir = holder.path().join("tiny");
        std::fs::create_dir(&dir).ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=256k", "tmpfs", dir.to_str()?])
            .output()
            .is_ok_and(|o| o.status.success());
        Some(Cramped {
            dir,
            mounted,
            _holder: holder,
        })
    }

    /// Makes the next write fail; returns an undo.
    fn fill(&self) -> Box<dyn Fn()> {
        if self.mounted {
            // Fill what is left, a kilobyte at a time.
            let filler = self.dir.join("filler");
            let mut file = std::fs::File::create(&filler).unwrap();
            while std::io::Write::write_all(&mut file, &[b'x'; 1024])
                .and_then(|_| file.sync_all())
                .is_ok()
            {}
            Box::new(move || {
                let _ = std::fs::remove_file(&filler);
            })
        } else {
            use std::os::unix::fs::PermissionsExt;
            let dir = self.dir.clone();
            let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555));
            Box::new(move || {
                let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755));
            })
        }
    }
}

impl Drop for Cramped {
    fn drop(&mut self) {
        if self.mounted {
            let _ = Command::new("umount").arg(&self.dir).output();
        }
    }
}

#[cfg(unix)]
#[test]
#[ignore = "needs a tmpfs mount (as root) or a non-root user; .ci/run runs it"]
fn a_write_failure_keeps_the_original_and_the_edit_and_says_so() {
    let cramped = Cramped::new().expect("a temporary folder");
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    assert!(
        cramped.mounted || !root,
        "as root this check needs to mount a small tmpfs, and mount was refused"
    );
    let path = demo_in(&cramped.dir);
    let mut session = Session::open(&path, false).unwrap();
    let undo = cramped.fill();
    session.commit(edit_new_jobs(5000)).unwrap();
    session.flush();
    // Not written, and it says so; the original is intact; the edit is kept.
    assert!(session.is_dirty());
    let error = session
        .save_error
        .as_ref()
        .expect("the failure is reported");
    eprintln!("save failed as it should: {error}");
    // It names the project file, not a temporary the user never made.
    let said = error.message(kaoping::i18n::Lang::En);
    let name = path.file_name().unwrap().to_str().unwrap();
    let temporary = format!("/.{name}");
    assert!(said.contains(name) && !said.contains(&temporary), "{said}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), DEMO);
    assert_eq!(
        session.board.find("jia").unwrap().total.to_string(),
        "128.83"
    );
    // Room again: the next flush writes the kept edit.
    undo();
    session.flush();
    assert!(
        !session.is_dirty() && session.save_error.is_none(),
        "{:?}",
        session.save_error
    );
    assert_eq!(
        actual_in(&std::fs::read_to_string(&path).unwrap()),
        Decimal::from(5000)
    );
}

#[cfg(unix)]
/// In a terminal program on the demo: to 东城县's sheet, down to its new-jobs actual, the
/// value erased and `value` typed (not committed).
fn type_dongcheng_actual(pty: &mut Pty, value: &str) {
    pty.keys("l");
    for _ in 0..5 {
        pty.send(b"\x1b[B");
    }
    pty.keys("l");
    pty.send(b"\r");
    pty.send(b"\x7f\x7f\x7f\x7f");
    pty.keys(value);
}

// ---- a dropped terminal, signals, panics -------------------------------------------------

/// Starts kaoping, commits 东城县's actual = 5000, starts typing 12 into the next field,
/// closes the terminal; returns how long kaoping took to exit.
fn close_terminal_under_kaoping(ignore_hangup: bool) -> (tempfile::TempDir, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_in(dir.path());
    let file = path.to_str().unwrap();
    let args = [file, "--lang", "en"];
    let mut pty = if ignore_hangup {
        Pty::start_ignoring_hangup(&args, &[])
    } else {
        Pty::start(&args, &[])
    };
    pty.wait_for("131.30", 20);
    type_dongcheng_actual(&mut pty, "5000");
    pty.send(b"\t"); // commit, and on to the next field
    pty.wait_for("saved", 10);
    pty.send(b"\x7f\x7f\x7f\x7f\x7f\x7f");
    pty.keys("12");
    std::thread::sleep(Duration::from_millis(200));
    let start = Instant::now();
    pty.close();
    let exited = pty.wait_exit(5);
    let took = start.elapsed();
    assert!(
        exited.is_some(),
        "kaoping did not exit after its terminal closed"
    );
    // The committed edit is on disk; what was being typed is in the recovery file.
    assert_eq!(
        actual_in(&std::fs::read_to_string(&path).unwrap()),
        Decimal::from(5000)
    );
    let recovered =
        std::fs::read_to_string(dir.path().join(".demo.toml.recover")).expect("a recovery file");
    assert!(recovered.contains("text = \"12\""), "{recovered}");
    (dir, took)
}

#[cfg(unix)]
#[test]
fn closing_the_terminal_ends_kaoping_within_2_seconds_with_every_edit_kept() {
    let (dir, took) = close_terminal_under_kaoping(false);
    assert!(took < Duration::from_secs(2), "took {took:?}");
    // The next start offers what was being typed.
    let path = dir.path().join("demo.toml");
    let mut pty = Pty::start(&[path.to_str().unwrap(), "--lang", "en"], &[]);
    pty.wait_for("Restore an unfinished edit", 20);
    pty.keys("y");
    pty.wait_for("12", 5);
    pty.send(b"\x03"); // Ctrl-C cancels the edit
    pty.keys("q");
    assert_eq!(pty.wait_exit(10), Some(0));
    assert!(
        !dir.path().join(".demo.toml.recover").exists(),
        "offered once"
    );
}

/// With a save failing (the backup's name taken by a folder), the edit is kept in
/// `.mine` when the terminal closes, and the message about it, with no terminal to go to,
/// does not turn into a panic.
#[cfg(unix)]
#[test]
fn closing_the_terminal_with_an_unsaved_edit_keeps_it_in_mine_and_exits_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_in(dir.path());
    std::fs::create_dir(dir.path().join("demo.toml.bak")).unwrap();
    let mut pty = Pty::start(&[path.to_str().unwrap(), "--lang", "en"], &[]);
    pty.wait_for("131.30", 20);
    type_dongcheng_actual(&mut pty, "5000");
    pty.send(b"\r");
    // The save was tried and failed (not a fixed wait: a loaded machine is slower).
    pty.wait_for("NOT SAVED", 20);
    pty.close();
    assert_eq!(pty.wait_exit(5), Some(0), "a hangup ends kaoping with 0");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), DEMO);
    let mine = std::fs::read_to_string(dir.path().join("demo.toml.mine")).expect("a .mine");
    assert_eq!(actual_in(&mine), Decimal::from(5000));
}

#[cfg(unix)]
#[test]
fn closing_the_terminal_ends_kaoping_even_when_sighup_is_ignored() {
    let (_dir, took) = close_terminal_under_kaoping(true);
    assert!(took < Duration::from_secs(2), "took {took:?}");
}

#[cfg(unix)]
#[test]
fn a_panic_restores_the_terminal_and_keeps_what_was_being_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo_in(dir.path());
    let mut pty = Pty::start(
        &[path.to_str().unwrap(), "--lang", "en"],
        &[("KAOPING_TEST_PANIC_KEY", "7")],
    );
    pty.wait_for("131.30", 20);
    pty.keys("l");
    pty.keys("jjjjjl");
    pty.send(b"\r");
    pty.send(b"\x7f\x7f\x7f\x7f");
    pty.keys("5000");
    pty.keys("7"); // the test hook panics on this key
    let code = pty.wait_exit(10);
    assert!(code.is_some() && code != Some(0), "{code:?}");
    std::thread::sleep(Duration::from_millis(200));
    let screen = pty.screen.lock().unwrap();
    assert!(
        !screen.screen().alternate_screen(),
        "left on the alternate screen"
    );
    assert!(!screen.screen().hide_cursor(), "cursor left hidden");
    drop(screen);
    let recovered =
        std::fs::read_to_string(dir.path().join(".demo.toml.recover")).expect("a recovery file");
    assert!(recovered.contains("text = \"5000\""), "{recovered}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        DEMO,
        "nothing was committed"
    );
}

// ---- bad files -----------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn a_file_with_errors_gets_an_error_screen_and_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    let bad = DEMO.replacen("survey = 5.8", "survey = 58", 1);
    std::fs::write(&path, &bad).unwrap();
    let mut pty = Pty::start(&[path.to_str().unwrap(), "--lang", "en"], &[]);
    pty.wait_for("has errors and cannot be opened", 20);
    pty.wait_for("58 is outside", 5);
    pty.wait_for("scores.jia.survey", 5);
    // Fixed in another window: kaoping opens it at once.
    std::fs::write(&path, DEMO).unwrap();
    pty.wait_for("131.30", 10);
    pty.keys("q");
    assert_eq!(pty.wait_exit(10), Some(0));
    // And q on the error screen leaves with exit code 1, nothing written.
    std::fs::write(&path, &bad).unwrap();
    let mut pty = Pty::start(&[path.to_str().unwrap(), "--lang", "en"], &[]);
    pty.wait_for("has errors", 20);
    pty.keys("q");
    assert_eq!(pty.wait_exit(10), Some(1));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), bad);
}

#[test]
fn a_file_of_a_newer_format_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("next.toml");
    std::fs::write(
        &path,
        DEMO.replacen("format = \"kaoping/1\"", "format = \"kaoping/2\"", 1),
    )
    .unwrap();
    let session = Session::open(&path, false).unwrap();
    assert_eq!(
        session.read_only,
        Some(ReadOnlyReason::Newer("kaoping/2".into()))
    );
    assert_eq!(
        session.board.find("jia").unwrap().total.to_string(),
        "131.30"
    );
    // A newer file with keys this version does not know does not open at all.
    std::fs::write(
        &path,
        DEMO.replacen(
            "format = \"kaoping/1\"",
            "format = \"kaoping/2\"\nnew_key = 1",
            1,
        ),
    )
    .unwrap();
    assert!(Session::open(&path, false).is_err());
}

#[cfg(unix)]
#[test]
fn escape_sequences_in_names_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.toml");
    // OSC 52 would put text on the clipboard of the evaluator's terminal.
    let evil = DEMO.replacen(
        "name = \"东城县\"",
        "name = \"东城县\\u001b]52;c;ZXZpbA==\\u0007\"",
        1,
    );
    std::fs::write(&path, &evil).unwrap();
    let mut pty = Pty::start(&[path.to_str().unwrap(), "--lang", "en"], &[]);
    pty.wait_for("东城县", 20);
    pty.keys("4");
    pty.wait_for("Counties and zone", 10);
    pty.keys("q");
    pty.wait_exit(10);
    let raw = pty.raw.lock().unwrap();
    assert!(
        !raw.windows(4).any(|w| w == b"\x1b]52"),
        "an OSC 52 reached the terminal"
    );
}

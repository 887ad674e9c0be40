//! Issue 13: a committed edit is written on another thread, so that saving never freezes
//! the terminal program. The model is driven as the loop drives it: `Session::start_save`
//! after an input, the save's thread says it is done (here through a channel), and
//! `Msg::SaveDone` takes its outcome in. No timing is asserted: a save "in flight" is
//! one whose outcome has not been taken in yet, whatever the thread has done.

mod common;

use common::{key, screen, status, step, tui_model};
use crossterm::event::KeyCode;
use kaoping::edit::Edit;
use kaoping::i18n::Lang;
use kaoping::project::{DEMO, Row};
use kaoping::session::Flushed;
use kaoping::tui::model::{Model, Overlay};
use kaoping::tui::msg::Msg;
use rust_decimal::Decimal;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

/// A unit's new-jobs row with this actual.
fn new_jobs(unit: &str, target: i64, actual: i64) -> Edit {
    Edit::SetRow {
        unit: unit.into(),
        indicator: "new-jobs".into(),
        row: Some(Row::Quantitative {
            target: Some(Decimal::from(target)),
            actual: Some(Decimal::from(actual)),
        }),
    }
}

/// The demo's file as kaoping would write it after these edits, as its text on disk.
fn on_disk(dir: &tempfile::TempDir) -> String {
    std::fs::read_to_string(dir.path().join("demo.toml")).unwrap()
}

/// Whether a file's text has `unit`'s new jobs at `actual`.
fn has(text: &str, unit: &str, actual: i64) -> bool {
    let project = kaoping::check::analyze(text).project.unwrap();
    matches!(
        &project.scores[unit].indicators["new-jobs"],
        Row::Quantitative { actual: Some(a), .. } if *a == Decimal::from(actual)
    )
}

/// What the loop does after an input: start a save of what was committed, if it waits to
/// be written; the save's thread says it is done on `tx`.
fn start(m: &mut Model, tx: &Sender<()>) -> bool {
    let tx = tx.clone();
    m.session.start_save(move || {
        let _ = tx.send(());
    })
}

/// The save's thread is done: its outcome goes through `update`, as the loop does it.
fn done(m: &mut Model, rx: &Receiver<()>) {
    rx.recv_timeout(Duration::from_secs(60))
        .expect("the save's thread said it is done");
    step(m, Msg::SaveDone);
}

/// Runs the loop's saves until nothing waits to be written (or one fails).
fn settle(m: &mut Model, tx: &Sender<()>, rx: &Receiver<()>) {
    while start(m, tx) {
        done(m, rx);
    }
}

#[test]
fn edits_committed_during_a_save_are_all_on_disk_after_it() {
    let (mut m, dir) = tui_model(DEMO, "demo.toml", Lang::En);
    let (tx, rx) = channel();
    m.session.commit(new_jobs("jia", 6000, 5001)).unwrap();
    assert!(start(&mut m, &tx));
    assert!(m.session.is_saving());
    // One save at a time: the edits made meanwhile wait for the next one.
    m.session.commit(new_jobs("yi", 5000, 5002)).unwrap();
    assert!(!start(&mut m, &tx), "a second save started under the first");
    m.session.commit(new_jobs("bing", 4700, 5003)).unwrap();
    m.session.commit(new_jobs("jia", 6000, 5004)).unwrap();
    done(&mut m, &rx);
    assert!(!m.session.is_saving());
    // The first save wrote the first edit; the others still wait.
    assert!(m.session.is_dirty());
    assert!(m.session.last_saved.is_some() && m.session.save_error.is_none());
    assert!(has(&on_disk(&dir), "jia", 5001));
    // The loop starts the next save after the next input: the newest text wins.
    settle(&mut m, &tx, &rx);
    assert!(!m.session.is_dirty());
    let text = on_disk(&dir);
    assert!(has(&text, "jia", 5004) && has(&text, "yi", 5002) && has(&text, "bing", 5003));
    // The backup is the file as it was opened.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("demo.toml.bak")).unwrap(),
        DEMO
    );
    // What was written is what kaoping holds, and the next change on disk is seen.
    assert!(!m.session.store.changed_on_disk());
}

#[test]
fn an_undo_during_a_save_is_written_by_the_next_one() {
    let (mut m, dir) = tui_model(DEMO, "demo.toml", Lang::En);
    let (tx, rx) = channel();
    m.session.commit(new_jobs("jia", 6000, 5001)).unwrap();
    m.session.commit(new_jobs("jia", 6000, 5002)).unwrap();
    assert!(start(&mut m, &tx));
    assert!(m.session.undo());
    done(&mut m, &rx);
    assert!(has(&on_disk(&dir), "jia", 5002));
    settle(&mut m, &tx, &rx);
    assert!(has(&on_disk(&dir), "jia", 5001));
    assert!(!m.session.is_dirty());
}

#[test]
fn the_header_says_saving_then_saved() {
    for (lang, saving, saved) in [
        (Lang::En, "saving…", "saved "),
        (Lang::Zh, "保存中…", "已保存 "),
    ] {
        let (mut m, _dir) = tui_model(DEMO, "demo.toml", lang);
        let (tx, rx) = channel();
        m.session.commit(new_jobs("jia", 6000, 5001)).unwrap();
        assert!(start(&mut m, &tx));
        let head = screen(&mut m, 100, 30).lines().next().unwrap().to_string();
        assert!(head.contains(saving), "{head}");
        assert!(!head.contains(saved), "{head}");
        done(&mut m, &rx);
        let head = screen(&mut m, 100, 30).lines().next().unwrap().to_string();
        assert!(head.contains(saved) && !head.contains(saving), "{head}");
    }
}

#[test]
fn quitting_during_a_save_waits_for_it_says_so_and_writes_everything() {
    let (mut m, dir) = tui_model(DEMO, "demo.toml", Lang::En);
    let (tx, rx) = channel();
    m.session.commit(new_jobs("jia", 6000, 5001)).unwrap();
    assert!(start(&mut m, &tx));
    // An edit committed after the save started (it waits behind it).
    m.session.commit(new_jobs("yi", 5000, 5002)).unwrap();
    key(&mut m, KeyCode::Char('q'));
    assert!(!m.quit, "quit under a save");
    assert!(m.ui.overlay.is_none(), "nothing to ask: the save runs");
    assert!(
        status(&m).contains("quits once it is written"),
        "{}",
        status(&m)
    );
    // The first save is done: the edit behind it is written next, then kaoping quits.
    done(&mut m, &rx);
    assert!(!m.quit && m.session.is_dirty());
    assert!(m.ui.overlay.is_none());
    assert!(start(&mut m, &tx));
    done(&mut m, &rx);
    assert!(m.quit);
    let text = on_disk(&dir);
    assert!(has(&text, "jia", 5001) && has(&text, "yi", 5002));
}

#[test]
fn quitting_during_a_save_that_fails_asks_as_before() {
    let (mut m, dir) = tui_model(DEMO, "demo.toml", Lang::En);
    // The backup cannot be written (its name is a folder's): the save fails.
    std::fs::create_dir(dir.path().join("demo.toml.bak")).unwrap();
    let (tx, rx) = channel();
    m.session.commit(new_jobs("jia", 6000, 5001)).unwrap();
    assert!(start(&mut m, &tx));
    key(&mut m, KeyCode::Char('q'));
    done(&mut m, &rx);
    assert!(!m.quit);
    assert!(matches!(m.ui.overlay, Some(Overlay::QuitUnsaved)));
    assert!(m.session.save_error.is_some() && m.session.is_dirty());
    assert_eq!(on_disk(&dir), DEMO);
    // Once the cause is gone, `r` writes it and quits.
    std::fs::remove_dir(dir.path().join("demo.toml.bak")).unwrap();
    key(&mut m, KeyCode::Char('r'));
    assert!(m.quit);
    assert!(has(&on_disk(&dir), "jia", 5001));
}

#[test]
fn a_conflict_found_by_a_background_save_is_handled_as_before() {
    let (mut m, dir) = tui_model(DEMO, "demo.toml", Lang::En);
    let (tx, rx) = channel();
    m.session.commit(new_jobs("jia", 6000, 5001)).unwrap();
    // Someone else writes the file before kaoping's save looks at it.
    let theirs = DEMO.replacen("survey = 5.8", "survey = 5.9", 1);
    std::fs::write(dir.path().join("demo.toml"), &theirs).unwrap();
    assert!(start(&mut m, &tx));
    done(&mut m, &rx);
    // Never overwritten; kaoping's version beside it; the question asked.
    assert_eq!(on_disk(&dir), theirs);
    assert!(m.session.conflict && m.session.is_dirty());
    assert!(matches!(m.ui.overlay, Some(Overlay::Conflict)));
    let mine = std::fs::read_to_string(dir.path().join("demo.toml.mine")).unwrap();
    assert!(has(&mine, "jia", 5001));
    // No save starts until the user chooses.
    assert!(!start(&mut m, &tx));
    // Reload: their change, and the edit applied again on top, then written.
    key(&mut m, KeyCode::Char('r'));
    assert!(!m.session.conflict, "{}", status(&m));
    settle(&mut m, &tx, &rx);
    let text = on_disk(&dir);
    assert!(text.contains("survey = 5.9") && has(&text, "jia", 5001));
}

#[test]
fn a_change_on_disk_seen_during_a_save_is_looked_at_after_it() {
    // The save's own rename is a change on disk: taken for someone else's while the save
    // runs, it would be a false conflict.
    let (mut m, dir) = tui_model(DEMO, "demo.toml", Lang::En);
    let (tx, rx) = channel();
    m.session.commit(new_jobs("jia", 6000, 5001)).unwrap();
    assert!(start(&mut m, &tx));
    rx.recv_timeout(Duration::from_secs(60)).unwrap();
    // The file is written by now, its outcome not taken in yet.
    step(&mut m, Msg::FileChanged);
    assert!(!m.session.conflict && m.session.is_saving());
    step(&mut m, Msg::SaveDone);
    assert!(!m.session.conflict && !m.session.is_dirty());
    assert!(m.ui.overlay.is_none());
    assert!(has(&on_disk(&dir), "jia", 5001));

    // Someone else's change during a save, with nothing waiting: followed once it is done.
    m.session.commit(new_jobs("jia", 6000, 5002)).unwrap();
    assert!(start(&mut m, &tx));
    rx.recv_timeout(Duration::from_secs(60)).unwrap();
    let theirs = on_disk(&dir).replacen("survey = 5.8", "survey = 5.9", 1);
    std::fs::write(dir.path().join("demo.toml"), &theirs).unwrap();
    step(&mut m, Msg::FileChanged);
    step(&mut m, Msg::SaveDone);
    assert!(!m.session.conflict);
    assert_eq!(
        m.session.project.scores["jia"].survey,
        Some(Decimal::new(59, 1))
    );
    assert!(has(&on_disk(&dir), "jia", 5002));
}

#[test]
fn flush_waits_for_the_save_running_then_writes_the_rest() {
    // What the end of the program does (a signal, the terminal gone).
    let (mut m, dir) = tui_model(DEMO, "demo.toml", Lang::En);
    let (tx, _rx) = channel();
    m.session.commit(new_jobs("jia", 6000, 5001)).unwrap();
    assert!(start(&mut m, &tx));
    m.session.commit(new_jobs("yi", 5000, 5002)).unwrap();
    assert_eq!(m.session.flush(), Flushed::Saved);
    assert!(!m.session.is_saving() && !m.session.is_dirty());
    let text = on_disk(&dir);
    assert!(has(&text, "jia", 5001) && has(&text, "yi", 5002));
}

#[test]
fn a_read_only_session_starts_no_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.toml");
    std::fs::write(&path, DEMO).unwrap();
    let mut session = kaoping::session::Session::open(&path, true).unwrap();
    assert!(!session.start_save(|| {}));
    assert!(!session.is_saving());
}

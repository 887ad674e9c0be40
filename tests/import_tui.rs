//! `I` in the terminal program: a filled return named at the prompt, its preview, and
//! the answer — taken in as one undo step, or left out with nothing changed.

mod common;

use common::{key, screen, status, tui_model};
use crossterm::event::KeyCode;
use kaoping::i18n::Lang;
use kaoping::project::{DEMO, Row, load};
use kaoping::returns::{Recipients, request_workbooks};
use kaoping::tui::model::{Mode, Model, Overlay};
use rust_decimal::Decimal;
use std::path::Path;

/// 市人社局's workbook, filled in as the demo holds it except 东城县's new jobs: 7000.
fn hrss_return(dir: &Path) -> std::path::PathBuf {
    let mut p = load(DEMO).project.unwrap();
    let row = p
        .scores
        .get_mut("jia")
        .unwrap()
        .indicators
        .get_mut("new-jobs")
        .unwrap();
    *row = Row::Quantitative {
        target: Some(Decimal::from(6000)),
        actual: Some(Decimal::from(7000)),
    };
    let all = request_workbooks(&p, Recipients::Departments, Lang::Zh).unwrap();
    let hrss = all.into_iter().find(|w| w.from == "hrss").unwrap();
    let path = dir.join("人社局考核表.xlsx");
    std::fs::write(&path, hrss.bytes).unwrap();
    path
}

/// Presses `I` and types `typed` over what the prompt starts with, then Enter.
fn import(m: &mut Model, typed: &str) {
    key(m, KeyCode::Char('I'));
    let start = match &m.ui.mode {
        Mode::Editing(e) => e.input.text().chars().count(),
        _ => panic!("a prompt"),
    };
    key(m, KeyCode::End);
    for _ in 0..start {
        key(m, KeyCode::Backspace);
    }
    for c in typed.chars() {
        key(m, KeyCode::Char(c));
    }
    key(m, KeyCode::Enter);
}

fn new_jobs_actual(m: &Model) -> Option<Decimal> {
    match m.session.project.scores["jia"].indicators.get("new-jobs") {
        Some(Row::Quantitative { actual, .. }) => *actual,
        _ => None,
    }
}

#[test]
fn a_return_is_previewed_then_taken_in_as_one_undo_step() {
    let (mut m, dir) = tui_model(DEMO, "demo.toml", Lang::Zh);
    let file = hrss_return(dir.path());
    assert_eq!(new_jobs_actual(&m), Some(Decimal::from(6720)));
    import(&mut m, file.to_str().unwrap());
    assert!(
        matches!(m.ui.overlay, Some(Overlay::Import { .. })),
        "{}",
        status(&m)
    );
    let shown = screen(&mut m, 100, 30);
    assert!(shown.contains("导入填报表 · 人社局考核表.xlsx"), "{shown}");
    assert!(shown.contains("6720 → 7000"), "{shown}");
    assert!(shown.contains("1 个单位的 1 个值"), "{shown}");
    // Nothing is in before the answer.
    assert_eq!(new_jobs_actual(&m), Some(Decimal::from(6720)));
    let returns = m.session.project.returns.len();

    key(&mut m, KeyCode::Char('y'));
    assert!(m.ui.overlay.is_none());
    assert_eq!(new_jobs_actual(&m), Some(Decimal::from(7000)));
    assert_eq!(m.session.project.returns.len(), returns + 1);
    let entry = m.session.project.returns.last().unwrap();
    assert_eq!((entry.from.as_str(), entry.rows), ("hrss", 1));
    let said = status(&m);
    assert!(
        said.starts_with("已导入") && said.contains("撤销"),
        "{said}"
    );
    // Written to the file like every edit (the loop writes after each frame).
    assert_eq!(m.session.flush(), kaoping::session::Flushed::Saved);
    let on_disk = std::fs::read_to_string(dir.path().join("demo.toml")).unwrap();
    assert!(on_disk.contains("[[returns]]"), "the save");
    assert!(on_disk.contains("人社局考核表.xlsx"));

    // One undo takes the value and the record back together.
    key(&mut m, KeyCode::Char('u'));
    assert_eq!(
        new_jobs_actual(&m),
        Some(Decimal::from(6720)),
        "{}",
        status(&m)
    );
    assert_eq!(m.session.project.returns.len(), returns);
}

#[test]
fn no_leaves_everything_as_it_was_and_the_same_file_twice_says_so() {
    let (mut m, dir) = tui_model(DEMO, "demo.toml", Lang::En);
    let file = hrss_return(dir.path());
    let before = std::fs::read(dir.path().join("demo.toml")).unwrap();
    import(&mut m, file.to_str().unwrap());
    key(&mut m, KeyCode::Char('n'));
    assert!(m.ui.overlay.is_none());
    assert_eq!(status(&m), "人社局考核表.xlsx not taken in");
    assert_eq!(new_jobs_actual(&m), Some(Decimal::from(6720)));
    assert!(!m.session.can_undo());
    assert_eq!(std::fs::read(dir.path().join("demo.toml")).unwrap(), before);

    import(&mut m, file.to_str().unwrap());
    key(&mut m, KeyCode::Enter);
    assert_eq!(new_jobs_actual(&m), Some(Decimal::from(7000)));
    import(&mut m, file.to_str().unwrap());
    assert!(m.ui.overlay.is_none());
    let said = status(&m);
    assert!(said.contains("already taken in"), "{said}");
}

#[test]
fn a_return_that_cannot_go_in_says_why_in_a_window_and_changes_nothing() {
    let (mut m, dir) = tui_model(DEMO, "demo.toml", Lang::Zh);
    let bad = dir.path().join("坏的.xlsx");
    std::fs::write(&bad, b"PK\x03\x04 not really a workbook").unwrap();
    import(&mut m, bad.to_str().unwrap());
    let Some(Overlay::Explain { title, lines, .. }) = &m.ui.overlay else {
        panic!("a window with the reasons: {}", status(&m));
    };
    assert!(title.contains("未写入"), "{title}");
    assert!(lines.iter().any(|l| l.contains("坏的.xlsx")), "{lines:?}");
    key(&mut m, KeyCode::Char('q'));
    assert!(!m.session.can_undo());
    // A name that is no file: the prompt stays open, saying so, to correct the name.
    import(&mut m, dir.path().join("nowhere.xlsx").to_str().unwrap());
    match &m.ui.mode {
        Mode::Editing(e) => {
            let error = e.error.clone().unwrap_or_default();
            assert!(error.contains("nowhere.xlsx"), "{error}");
        }
        _ => panic!("the prompt stays open"),
    }
    key(&mut m, KeyCode::Esc);
    assert!(!m.session.can_undo());
}

#[test]
fn the_preview_fits_80x24_and_scrolls() {
    let (mut m, dir) = tui_model(DEMO, "demo.toml", Lang::Zh);
    // A long change: every county's new jobs cleared in the office's file first.
    let file = hrss_return(dir.path());
    for unit in ["jia", "yi", "bing", "ding", "wu", "zone"] {
        let edit = kaoping::edit::Edit::SetRow {
            unit: unit.into(),
            indicator: "reemployment".into(),
            row: None,
        };
        let _ = m.session.commit(edit);
    }
    import(&mut m, file.to_str().unwrap());
    let first = screen(&mut m, 80, 24);
    assert!(first.contains("y/Enter"), "{first}");
    assert!(first.lines().count() <= 24);
    for _ in 0..40 {
        key(&mut m, KeyCode::Down);
    }
    let later = screen(&mut m, 80, 24);
    assert_ne!(first, later, "it scrolls");
    assert!(later.contains("y/Enter"), "the keys stay in sight: {later}");
    insta::assert_snapshot!("import_preview_zh_80x24", first);
}

#[test]
fn a_self_check_return_goes_in_and_comes_out_in_words() {
    let (mut m, dir) = tui_model(DEMO, "demo.toml", Lang::Zh);
    let mut p = load(DEMO).project.unwrap();
    let row = p
        .selfcheck
        .get_mut("jia")
        .unwrap()
        .indicators
        .get_mut("new-jobs")
        .unwrap();
    *row = Row::Quantitative {
        target: Some(Decimal::from(6000)),
        actual: Some(Decimal::from(7100)),
    };
    let all = request_workbooks(&p, Recipients::Units, Lang::Zh).unwrap();
    let jia = all.into_iter().find(|w| w.from == "jia").unwrap();
    let file = dir.path().join("东城县自查表.xlsx");
    std::fs::write(&file, jia.bytes).unwrap();
    import(&mut m, "东城县自查表.xlsx");
    let shown = screen(&mut m, 100, 30);
    assert!(shown.contains("自查 城镇新增就业"), "{shown}");
    let Some(Overlay::Import { lines, .. }) = &m.ui.overlay else {
        panic!("the preview");
    };
    // The self-check's value, and nothing of the ranking: no total, no rank moved.
    assert!(
        lines
            .iter()
            .all(|l| !l.contains("总分") && !l.contains("→ 第")),
        "{lines:?}"
    );
    key(&mut m, KeyCode::Char('y'));
    let selfcheck = |m: &Model| match m.session.project.selfcheck["jia"]
        .indicators
        .get("new-jobs")
    {
        Some(Row::Quantitative { actual, .. }) => *actual,
        _ => None,
    };
    assert_eq!(selfcheck(&m), Some(Decimal::from(7100)));
    assert_eq!(
        new_jobs_actual(&m),
        Some(Decimal::from(6720)),
        "assessed untouched"
    );
    key(&mut m, KeyCode::Char('u'));
    assert_eq!(selfcheck(&m), Some(Decimal::from(6720)));
    let said = status(&m);
    assert!(
        said.contains("自查") && !said.contains("selfcheck."),
        "{said}"
    );
}

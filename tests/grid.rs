//! The indicator grid (按指标录入) and the block paste, driven through the real keymap and
//! update loop: a department's column typed with digits and Enter only, a 6×2 block
//! pasted from a spreadsheet as one undo step, a bad cell that refuses the whole paste and
//! names itself, a paste into a county's sheet; and snapshots of the grid in both languages
//! at 80×24 and 120×40. The numbers are the demo's (`kaoping::project::DEMO`), worked out
//! by hand in the comments.

mod common;

use common::{screen, status};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use kaoping::i18n::Lang;
use kaoping::project::Row;
use kaoping::tui::message;
use kaoping::tui::model::{Model, Overlay};
use rust_decimal::Decimal;
use std::str::FromStr;

const DEMO: &str = kaoping::project::DEMO;

/// A model on a copy of the demo in a temporary folder (kept alive by the guard).
fn demo(lang: Lang) -> (Model, tempfile::TempDir) {
    common::tui_model(DEMO, "demo.toml", lang)
}

fn key(model: &mut Model, code: KeyCode) {
    if let Some(msg) = message(model, Event::Key(KeyEvent::new(code, KeyModifiers::NONE))) {
        kaoping::tui::step(model, msg);
    }
}

fn keys(model: &mut Model, text: &str) {
    for c in text.chars() {
        match c {
            '\n' => key(model, KeyCode::Enter),
            '\t' => key(model, KeyCode::Tab),
            c => key(model, KeyCode::Char(c)),
        }
    }
}

fn paste(model: &mut Model, text: &str) {
    let msg = message(model, Event::Paste(text.to_string())).expect("a paste is a message");
    kaoping::tui::step(model, msg);
}

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn row(m: &Model, unit: &str, indicator: &str) -> Option<Row> {
    m.project()
        .scores
        .get(unit)?
        .indicators
        .get(indicator)
        .cloned()
}

fn quantitative(target: &str, actual: &str) -> Option<Row> {
    Some(Row::Quantitative {
        target: Some(d(target)),
        actual: Some(d(actual)),
    })
}

fn earned(m: &Model, unit: &str, indicator: &str) -> String {
    let item = m.session.board.find(unit).unwrap().item(indicator).unwrap();
    kaoping::scoring::score_text(item.earned, 2)
}

fn total(m: &Model, unit: &str) -> String {
    kaoping::scoring::score_text(m.session.board.find(unit).unwrap().total, 2)
}

const COUNTIES: [&str; 6] = ["jia", "yi", "bing", "ding", "wu", "zone"];

/// Opens the grid from the entry pane's list (东城县 selected): 城镇新增就业人数, the
/// cursor on 东城县's actual.
fn open_grid(m: &mut Model) {
    key(m, KeyCode::Char('2'));
    key(m, KeyCode::Char('o'));
    assert!(m.grid().is_some(), "the grid opens");
}

#[test]
fn a_column_of_six_actuals_is_typed_with_digits_and_enter_only() {
    let (mut m, _dir) = demo(Lang::Zh);
    open_grid(&mut m);
    // Before: 北岭县 5000 → 4750 is 5% short: 2.5 steps × 5% × 4 = 0.50 off, 3.50, vetoed.
    assert_eq!(earned(&m, "yi", "new-jobs"), "3.50");
    assert_eq!(total(&m, "yi"), "129.51");
    // Every county on its target but 东城县, 10% over: it alone over-completes, so it gets
    // the whole bonus 20% × 4 = 0.80 (4.80 as before), the others the base 4.00.
    keys(&mut m, "6600\n5000\n4700\n5200\n4100\n1700\n");
    let wanted = [
        ("jia", "6000", "6600"),
        ("yi", "5000", "5000"),
        ("bing", "4700", "4700"),
        ("ding", "5200", "5200"),
        ("wu", "4100", "4100"),
        ("zone", "1700", "1700"),
    ];
    for (unit, target, actual) in wanted {
        assert_eq!(
            row(&m, unit, "new-jobs"),
            quantitative(target, actual),
            "{unit}"
        );
    }
    assert_eq!(earned(&m, "jia", "new-jobs"), "4.80");
    for unit in &COUNTIES[1..] {
        assert_eq!(earned(&m, unit, "new-jobs"), "4.00", "{unit}");
    }
    // Totals: 北岭县 +0.50 and no longer vetoed; the others lose their bonus —
    // 南湖县 0.8 × 6%/12% = 0.40, 西山县 0.8 × 8%/12% = 0.53, 青阳县 0.8 × 10%/12% = 0.67,
    // 经济开发区 0.8 × 3%/12% = 0.20.
    assert_eq!(total(&m, "jia"), "131.30");
    assert_eq!(total(&m, "yi"), "130.01");
    assert!(!m.session.board.find("yi").unwrap().vetoed());
    assert_eq!(total(&m, "bing"), "125.38");
    assert_eq!(total(&m, "ding"), "128.38");
    assert_eq!(total(&m, "wu"), "127.30");
    assert_eq!(total(&m, "zone"), "121.31");
    // Six commits, the cursor went down the column and stays on the last row.
    let g = m.grid().unwrap();
    assert_eq!((g.row, g.col), (6, 1), "on 市人社局's actual");
    // Each value is its own undo step.
    key(&mut m, KeyCode::Char('u'));
    assert_eq!(row(&m, "zone", "new-jobs"), quantitative("1700", "1751"));
    assert_eq!(row(&m, "wu", "new-jobs"), quantitative("4100", "4100"));
}

#[test]
fn enter_edits_the_value_as_it_is_and_esc_cancels() {
    let (mut m, _dir) = demo(Lang::En);
    open_grid(&mut m);
    // `e` starts from the value; a digit replaces it.
    key(&mut m, KeyCode::Char('e'));
    key(&mut m, KeyCode::Char('0'));
    key(&mut m, KeyCode::Esc);
    assert_eq!(row(&m, "jia", "new-jobs"), quantitative("6000", "6720"));
    key(&mut m, KeyCode::Char('e'));
    keys(&mut m, "0\n");
    // 67200 of 6000 is far off its target: asked first, then committed.
    key(&mut m, KeyCode::Char('y'));
    assert_eq!(row(&m, "jia", "new-jobs"), quantitative("6000", "67200"));
    // Tab commits and goes right; on the last value of a row, on to the next row.
    key(&mut m, KeyCode::Up);
    key(&mut m, KeyCode::Left);
    keys(&mut m, "6100\t");
    // The row is still off its target (67200 of 6100): asked, then on to the actual.
    key(&mut m, KeyCode::Char('y'));
    keys(&mut m, "6720\t");
    assert_eq!(row(&m, "jia", "new-jobs"), quantitative("6100", "6720"));
    let g = m.grid().unwrap();
    assert_eq!((g.row, g.col), (1, 0), "北岭县's target");
    // `]` goes on to the next indicator on the same unit; `[` back.
    key(&mut m, KeyCode::Char(']'));
    assert_eq!(m.grid().unwrap().indicator, 1);
    key(&mut m, KeyCode::Char('['));
    assert_eq!(m.grid().unwrap().indicator, 0);
    // Esc leaves the grid for the entry pane; panes are one key away again.
    key(&mut m, KeyCode::Esc);
    assert!(m.grid().is_none());
    key(&mut m, KeyCode::Char('4'));
    assert_eq!(m.ui.pane.0, kaoping::tui::model::Pane::Ranking);
}

#[test]
fn the_matrix_opens_the_grid_on_its_indicator() {
    let (mut m, _dir) = demo(Lang::En);
    key(&mut m, KeyCode::Char('1'));
    key(&mut m, KeyCode::Down); // 城镇新增就业人数
    key(&mut m, KeyCode::Down); // 下岗失业人员再就业人数
    key(&mut m, KeyCode::Char('o'));
    assert_eq!(m.grid().map(|g| g.indicator), Some(1));
}

/// 再就业 (reemployment, base 3, a bonus indicator): a 6×2 block of targets and actuals.
const BLOCK: &str =
    "1000\t1100\r\n1,000\t1000\r\n１０００\t1000\r\n1000\t1000\r\n1000\t1000\r\n1000\t1 050\r\n";

#[test]
fn a_six_by_two_block_is_pasted_as_one_undo_step() {
    let (mut m, _dir) = demo(Lang::Zh);
    open_grid(&mut m);
    key(&mut m, KeyCode::Char(']'));
    key(&mut m, KeyCode::Left); // 东城县's target
    // Before: 东城县 10% over against 青阳县's best 211/1410 = 14.96%: 0.6 × 10/14.96 =
    // 0.40, so 3.40; 北岭县 262/1870 = 14.01%: 0.56, 3.56.
    assert_eq!(earned(&m, "jia", "reemployment"), "3.40");
    assert_eq!(earned(&m, "yi", "reemployment"), "3.56");
    paste(&mut m, BLOCK);
    // Asked first: the question lists what changes, old → new, and the totals.
    let Some(Overlay::Paste { lines, cells, .. }) = &m.ui.overlay else {
        panic!("a question before the paste: {:?}", status(&m));
    };
    assert_eq!(*cells, 12);
    let text = lines.join("\n");
    assert!(
        text.contains("东城县      目标 2100 → 1000，实际 2310 → 1100"),
        "{text}"
    );
    assert!(text.contains("东城县 总分 131.30 → 131.50"), "{text}");
    assert_eq!(row(&m, "jia", "reemployment"), quantitative("2100", "2310"));
    key(&mut m, KeyCode::Char('y'));
    // After: 东城县 10% over is the best: 3 + 20% × 3 = 3.60; 经济开发区 5% over:
    // 3 + 0.6 × 5/10 = 3.30; the other four on target: 3.00.
    let actuals = ["1100", "1000", "1000", "1000", "1000", "1050"];
    for (unit, actual) in COUNTIES.iter().zip(actuals) {
        assert_eq!(
            row(&m, unit, "reemployment"),
            quantitative("1000", actual),
            "{unit}"
        );
    }
    assert_eq!(earned(&m, "jia", "reemployment"), "3.60");
    assert_eq!(earned(&m, "zone", "reemployment"), "3.30");
    assert_eq!(earned(&m, "yi", "reemployment"), "3.00");
    // Totals: 东城县 131.30 + 0.20; 北岭县 129.51 − 0.56.
    assert_eq!(total(&m, "jia"), "131.50");
    assert_eq!(total(&m, "yi"), "128.95");
    assert!(status(&m).contains("12"), "{}", status(&m));
    // One undo takes all twelve back.
    key(&mut m, KeyCode::Char('u'));
    assert_eq!(row(&m, "jia", "reemployment"), quantitative("2100", "2310"));
    assert_eq!(row(&m, "zone", "reemployment"), quantitative("640", "653"));
    assert_eq!(total(&m, "jia"), "131.30");
    // And redo puts them all back.
    let redo = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL);
    let msg = message(&m, Event::Key(redo)).unwrap();
    kaoping::tui::step(&mut m, msg);
    assert_eq!(total(&m, "jia"), "131.50");
}

#[test]
fn one_bad_cell_refuses_the_whole_paste_and_names_itself() {
    let (mut m, _dir) = demo(Lang::En);
    open_grid(&mut m);
    key(&mut m, KeyCode::Left);
    paste(&mut m, "6000\t6600\n5000\t5000\n4700\t1,2OO\n");
    assert!(m.ui.overlay.is_none());
    let said = status(&m);
    assert!(
        said.contains("row 3, column 2 (南湖县 · Actual) “1,2OO”: not a number"),
        "{said}"
    );
    assert_eq!(row(&m, "jia", "new-jobs"), quantitative("6000", "6720"));
    // A target of 0 is refused by the sheet's own check, named the same way.
    paste(&mut m, "0\t6600");
    let said = status(&m);
    assert!(
        said.starts_with("row 1, column 1 (东城县 · Target) “0”"),
        "{said}"
    );
    // `%` only where the measure is %.
    paste(&mut m, "95%");
    assert!(status(&m).contains("not a rate"), "{}", status(&m));
    // Too many rows for what is below the cursor.
    key(&mut m, KeyCode::Down);
    paste(&mut m, "1\n2\n3\n4\n5\n6\n7\n");
    assert!(
        status(&m).contains("7 rows pasted, but only 6"),
        "{}",
        status(&m)
    );
    assert!(!m.session.can_undo());
}

#[test]
fn a_rate_takes_percentages() {
    let (mut m, _dir) = demo(Lang::En);
    open_grid(&mut m);
    for _ in 0..3 {
        key(&mut m, KeyCode::Char(']'));
    }
    // 城镇登记失业率 (measure %): 东城县's target, then its actual.
    key(&mut m, KeyCode::Left);
    paste(&mut m, "4.6%\t4.0％\r\n");
    key(&mut m, KeyCode::Char('y'));
    assert_eq!(
        row(&m, "jia", "unemployment-rate"),
        quantitative("4.6", "4.0")
    );
}

#[test]
fn a_block_pasted_into_a_county_sheet() {
    let (mut m, _dir) = demo(Lang::En);
    key(&mut m, KeyCode::Char('2'));
    key(&mut m, KeyCode::Enter);
    // Down to 东城县's first indicator row, 城镇新增就业人数 (its target).
    let lines = kaoping::tui::model::sheet_lines(m.project(), "jia");
    let first_row = lines
        .iter()
        .position(|l| matches!(l, kaoping::tui::model::Line::Row(_)))
        .unwrap();
    while m.ui.entry.line < first_row {
        key(&mut m, KeyCode::Down);
    }
    // Two rows × target and actual: new-jobs, then reemployment.
    paste(&mut m, "6000\t6600\n2100\t2200\n");
    key(&mut m, KeyCode::Char('y'));
    assert_eq!(row(&m, "jia", "new-jobs"), quantitative("6000", "6600"));
    assert_eq!(row(&m, "jia", "reemployment"), quantitative("2100", "2200"));
    // One undo, both rows.
    key(&mut m, KeyCode::Char('u'));
    assert_eq!(row(&m, "jia", "new-jobs"), quantitative("6000", "6720"));
    assert_eq!(row(&m, "jia", "reemployment"), quantitative("2100", "2310"));
    // A column of organisation items from the first one down: 组织领导 … 资金安排.
    while m.ui.entry.line > 0 {
        key(&mut m, KeyCode::Up);
    }
    paste(&mut m, "1.5\n1\n0.5\n3\n");
    key(&mut m, KeyCode::Char('y'));
    let org = &m.project().scores["jia"].organization;
    assert_eq!(org.get("leadership").copied(), Some(d("1.5")));
    assert_eq!(org.get("funding").copied(), Some(d("3")));
}

#[test]
fn snapshots_of_the_grid_in_both_languages_and_sizes() {
    for lang in [Lang::Zh, Lang::En] {
        let l = match lang {
            Lang::Zh => "zh",
            Lang::En => "en",
        };
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let (mut m, _dir) = demo(lang);
            open_grid(&mut m);
            // 北岭县's actual, a value being typed: the score column shows what it does.
            key(&mut m, KeyCode::Down);
            keys(&mut m, "5100");
            insta::assert_snapshot!(format!("grid_{l}_{w}x{h}"), screen(&mut m, w, h));
            key(&mut m, KeyCode::Esc);
            key(&mut m, KeyCode::Up);
            key(&mut m, KeyCode::Left);
            paste(&mut m, BLOCK);
            insta::assert_snapshot!(format!("grid_paste_{l}_{w}x{h}"), screen(&mut m, w, h));
        }
    }
}

#[test]
fn a_batch_is_one_step_all_or_nothing() {
    use kaoping::edit::Edit;
    let (mut m, _dir) = demo(Lang::En);
    let set = |unit: &str, target: &str, actual: &str| Edit::SetRow {
        unit: unit.into(),
        indicator: "new-jobs".into(),
        row: quantitative(target, actual),
    };
    // A target of 0 is an error: the whole batch is refused, nothing changes.
    let refused = m
        .session
        .commit_many(vec![set("jia", "6000", "6600"), set("yi", "0", "5000")]);
    assert!(refused.is_err());
    assert_eq!(row(&m, "jia", "new-jobs"), quantitative("6000", "6720"));
    assert!(!m.session.can_undo());
    // A good one: both, and one undo takes both back.
    m.session
        .commit_many(vec![set("jia", "6000", "6600"), set("yi", "5000", "5000")])
        .unwrap();
    assert_eq!(row(&m, "yi", "new-jobs"), quantitative("5000", "5000"));
    assert!(
        m.session
            .text()
            .contains("new-jobs          = { target = 6000, actual = 6600 }")
    );
    assert!(m.session.undo());
    assert_eq!(row(&m, "jia", "new-jobs"), quantitative("6000", "6720"));
    assert_eq!(row(&m, "yi", "new-jobs"), quantitative("5000", "4750"));
    assert!(!m.session.can_undo());
}

// ---- from the attack on issue 11 ----------------------------------------------------------

/// Enter or `e` on a status cell of the grid never flips it (the sheet's rule), a pasted
/// value far off its target is flagged in the paste's question, a typed value that vetoes
/// its own unit says so, and an undo puts the grid's cursor on the cell it changed.
#[test]
fn the_grid_keeps_the_sheets_promises() {
    let (mut m, _dir) = demo(Lang::En);
    open_grid(&mut m);
    // To 城市居民最低生活保障应保尽保 (qualitative), 东城县's status.
    while !m.project().indicators[m.grid().unwrap().indicator]
        .id
        .contains("urban-dibao")
    {
        key(&mut m, KeyCode::Char(']'));
    }
    while m.grid().unwrap().row > 0 {
        key(&mut m, KeyCode::Up);
    }
    while m.grid().unwrap().col > 0 {
        key(&mut m, KeyCode::Left);
    }
    let before = row(&m, "jia", "urban-dibao");
    for k in [KeyCode::Enter, KeyCode::Char('e')] {
        key(&mut m, k);
        assert_eq!(
            row(&m, "jia", "urban-dibao"),
            before,
            "{k:?} flipped the status"
        );
        assert!(status(&m).contains("Space"), "{}", status(&m));
    }
    assert!(m.session.board.find("jia").unwrap().failed.is_empty());

    // Back to 城镇新增就业人数: a pasted actual ten times too large is flagged.
    let (mut m, _dir) = demo(Lang::En);
    open_grid(&mut m);
    key(&mut m, KeyCode::Left); // 东城县's target
    paste(&mut m, "6000\t67200\n");
    let Some(Overlay::Paste { lines, .. }) = &m.ui.overlay else {
        panic!("the paste's question")
    };
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("⚠") && l.contains("东城县")),
        "{lines:?}"
    );
    key(&mut m, KeyCode::Char('n'));

    // A typed actual that vetoes 东城县 (4900 of 6000) says so, not only the others.
    keys(&mut m, "\t");
    while m.grid().unwrap().row > 0 {
        key(&mut m, KeyCode::Up);
    }
    keys(&mut m, "4900\n");
    assert!(status(&m).contains("东城县 vetoed"), "{}", status(&m));
    // Undo names it and puts the cursor back on 东城县's actual.
    key(&mut m, KeyCode::Down);
    key(&mut m, KeyCode::Char('u'));
    assert_eq!(m.grid().unwrap().row, 0, "{}", status(&m));
    assert_eq!(row(&m, "jia", "new-jobs"), quantitative("6000", "6720"));
}

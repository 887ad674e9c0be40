//! The entry pane's sheet used as a spreadsheet (issue 11), driven by keys through the
//! real update loop on the demo: digits type over a value, Enter commits and moves down
//! the column, Enter on a status never flips it, a commit that moves other units' scores
//! says so, a value far off its target is asked about first, and undo names what it took
//! back. The numbers are worked out by hand in the comments.

mod common;

use common::{key, key_mod, screen, status};
use crossterm::event::{KeyCode, KeyModifiers};
use kaoping::i18n::Lang;
use kaoping::tui::model::{Field, Line, Mode, Model, Overlay, Pane, sheet_lines};

const DEMO: &str = kaoping::project::DEMO;

/// A model on a copy of the demo in a temporary folder (kept alive by the guard).
fn model(lang: Lang) -> (Model, tempfile::TempDir) {
    common::tui_model(DEMO, "demo.toml", lang)
}

fn ctrl(model: &mut Model, c: char) {
    key_mod(model, KeyCode::Char(c), KeyModifiers::CONTROL);
}

fn keys(model: &mut Model, text: &str) {
    for c in text.chars() {
        key(model, KeyCode::Char(c));
    }
}

fn earned(m: &Model, unit: &str, indicator: &str) -> String {
    let u = m.session.board.find(unit).unwrap();
    u.item(indicator).unwrap().earned.to_string()
}

fn total(m: &Model, unit: &str) -> String {
    m.session.board.find(unit).unwrap().total.to_string()
}

fn typed(m: &Model) -> Option<String> {
    match &m.ui.mode {
        Mode::Editing(e) => Some(e.input.text().to_string()),
        _ => None,
    }
}

/// The line of the sheet of `unit` that holds `indicator`'s row.
fn row_line(m: &Model, unit: &str, indicator: &str) -> usize {
    let p = m.project();
    let ii = p.indicators.iter().position(|i| i.id == indicator).unwrap();
    sheet_lines(p, unit)
        .iter()
        .position(|l| *l == Line::Row(ii))
        .unwrap()
}

/// The field under the sheet's cursor.
fn field(m: &Model) -> Option<Field> {
    m.entry_spot().and_then(|(_, _, f)| f)
}

/// 东城县's sheet (the first unit), the cursor on its first line (组织领导).
fn to_dongcheng(m: &mut Model) {
    key(m, KeyCode::Char('2'));
    key(m, KeyCode::Right);
}

/// 东城县's 城镇新增就业人数 actual (target 6000, actual 6720: 12% over, the group's best).
fn to_new_jobs_actual(m: &mut Model) {
    to_dongcheng(m);
    for _ in 0..5 {
        key(m, KeyCode::Down); // the organisation items, the survey; the heading is passed over
    }
    key(m, KeyCode::Right);
    assert_eq!(m.ui.entry.line, row_line(m, "jia", "new-jobs"));
    assert_eq!(field(m), Some(Field::Actual));
}

#[test]
fn a_digit_on_a_value_starts_an_edit_that_replaces_it_and_stays_in_the_entry_pane() {
    let (mut m, _dir) = model(Lang::Zh);
    to_dongcheng(&mut m);
    // 组织领导 is 2 of 2; `1` no longer goes to the matrix: it replaces the value.
    keys(&mut m, "1");
    assert_eq!(m.ui.pane.0, Pane::Entry);
    assert_eq!(typed(&m).as_deref(), Some("1"));
    keys(&mut m, ".5");
    key(&mut m, KeyCode::Enter);
    assert_eq!(m.ui.pane.0, Pane::Entry);
    assert_eq!(
        m.project().scores["jia"].organization["leadership"].to_string(),
        "1.5"
    );
    // 7.00 − 0.50 = 6.50 organisation; 131.30 − 0.50 = 130.80.
    assert_eq!(total(&m, "jia"), "130.80");
    // Enter went down to the next value of the column: 措施制定.
    assert_eq!(m.ui.entry.line, 1);
    assert!(matches!(m.ui.mode, Mode::Normal));
    // `.` and `-` start an edit too (a negative is refused in place, not committed).
    keys(&mut m, "-");
    assert_eq!(typed(&m).as_deref(), Some("-"));
    key(&mut m, KeyCode::Esc);
    assert_eq!(typed(&m), None);
    // Enter / `e` edit the existing text instead.
    key(&mut m, KeyCode::Char('e'));
    assert_eq!(typed(&m).as_deref(), Some("1"));
    ctrl(&mut m, 'c');
    // The footer says how to leave for another pane from here, and `]` does it.
    let text = screen(&mut m, 80, 24);
    assert!(text.contains("[ ] 下一/上一面板"), "{text}");
    assert!(text.contains("0–9 . - 改写"), "{text}");
    key(&mut m, KeyCode::Char(']'));
    assert_eq!(m.ui.pane.0, Pane::Totals);
    // Elsewhere the digits still change panes: back to the entry pane, on the unit list.
    key(&mut m, KeyCode::Char('2'));
    key(&mut m, KeyCode::Left);
    assert!(!m.ui.entry.in_sheet);
    key(&mut m, KeyCode::Char('4'));
    assert_eq!(m.ui.pane.0, Pane::Ranking);
}

#[test]
fn a_column_of_actuals_is_typed_with_digits_and_enter_only() {
    let (mut m, _dir) = model(Lang::En);
    to_new_jobs_actual(&mut m);
    // 6000 (its target), 2100 (its target), 1000 (its target): three actuals, down the
    // column, without another key.
    keys(&mut m, "6000");
    key(&mut m, KeyCode::Enter);
    assert_eq!(m.ui.entry.line, row_line(&m, "jia", "reemployment"));
    assert_eq!(field(&m), Some(Field::Actual));
    keys(&mut m, "2100");
    key(&mut m, KeyCode::Enter);
    assert_eq!(m.ui.entry.line, row_line(&m, "jia", "startup-training"));
    keys(&mut m, "1000");
    key(&mut m, KeyCode::Enter);
    assert_eq!(m.ui.entry.line, row_line(&m, "jia", "unemployment-rate"));
    assert_eq!(field(&m), Some(Field::Actual));
    // Each exactly on target: the base, no bonus. 城镇新增就业人数 4.80 → 4, 下岗失业人员再就业
    // 3.40 (10% of the best 14.96%) → 3, 创业培训 2 (no bonus indicator) → 2;
    // 131.30 − 0.80 − 0.40 = 130.10.
    assert_eq!(earned(&m, "jia", "new-jobs"), "4.00");
    assert_eq!(earned(&m, "jia", "reemployment"), "3.00");
    assert_eq!(earned(&m, "jia", "startup-training"), "2.00");
    assert_eq!(total(&m, "jia"), "130.10");
    let row = &m.project().scores["jia"].indicators["startup-training"];
    assert!(format!("{row:?}").contains("1000"), "{row:?}");
}

#[test]
fn tab_moves_between_fields_and_up_commits_and_moves_up() {
    let (mut m, _dir) = model(Lang::En);
    to_new_jobs_actual(&mut m);
    key(&mut m, KeyCode::BackTab);
    assert_eq!(field(&m), Some(Field::Target));
    assert_eq!(
        m.ui.pane.0,
        Pane::Entry,
        "Tab is a field in the sheet, not a pane"
    );
    key(&mut m, KeyCode::Tab);
    key(&mut m, KeyCode::Tab);
    assert_eq!(m.ui.entry.line, row_line(&m, "jia", "reemployment"));
    assert_eq!(field(&m), Some(Field::Target));
    // Typing: Tab commits and moves right; ↑ commits and moves up the column.
    keys(&mut m, "2000");
    key(&mut m, KeyCode::Tab);
    assert_eq!(field(&m), Some(Field::Actual));
    assert!(matches!(m.ui.mode, Mode::Normal));
    key(&mut m, KeyCode::Enter); // edit 2310
    ctrl(&mut m, 'u');
    keys(&mut m, "2200");
    key(&mut m, KeyCode::Up);
    assert_eq!(m.ui.entry.line, row_line(&m, "jia", "new-jobs"));
    assert_eq!(field(&m), Some(Field::Actual));
    let row = format!("{:?}", m.project().scores["jia"].indicators["reemployment"]);
    assert!(row.contains("2000") && row.contains("2200"), "{row}");
    // Ctrl-W and Ctrl-K while typing; Ctrl-A / Ctrl-E go to the ends.
    key(&mut m, KeyCode::Char('e'));
    ctrl(&mut m, 'a');
    keys(&mut m, "1 ");
    assert_eq!(typed(&m).as_deref(), Some("1 6720"));
    ctrl(&mut m, 'e');
    ctrl(&mut m, 'w');
    assert_eq!(typed(&m).as_deref(), Some("1 "));
    ctrl(&mut m, 'a');
    ctrl(&mut m, 'k');
    assert_eq!(typed(&m).as_deref(), Some(""));
    ctrl(&mut m, 'c');
    assert_eq!(typed(&m), None);
}

#[test]
fn enter_on_a_status_never_flips_it_and_space_says_what_follows() {
    let (mut m, _dir) = model(Lang::Zh);
    to_dongcheng(&mut m);
    m.ui.entry.line = row_line(&m, "jia", "urban-dibao");
    let complete = |m: &Model| {
        format!("{:?}", m.project().scores["jia"].indicators["urban-dibao"])
            .contains("complete: true")
    };
    assert_eq!(field(&m), Some(Field::Status));
    for k in [KeyCode::Enter, KeyCode::Char('e')] {
        key(&mut m, k);
        assert!(complete(&m), "Enter changed the status");
        assert!(matches!(m.ui.mode, Mode::Normal));
        assert!(m.session.board.find("jia").unwrap().failed.is_empty());
        assert!(status(&m).contains("按 空格 切换"), "{}", status(&m));
    }
    assert!(!m.session.can_undo(), "nothing was committed");
    // Space is the key: and it says that the unit is vetoed now …
    key(&mut m, KeyCode::Char(' '));
    assert!(!complete(&m));
    assert_eq!(
        status(&m),
        "城市居民最低生活保障应保尽保：不达标 → 东城县一票否决"
    );
    assert_eq!(m.session.board.find("jia").unwrap().failed, ["urban-dibao"]);
    // … and back.
    key(&mut m, KeyCode::Char(' '));
    assert_eq!(
        status(&m),
        "城市居民最低生活保障应保尽保：已完成 → 东城县不再一票否决"
    );
    // In English too.
    let (mut m, _dir) = model(Lang::En);
    to_dongcheng(&mut m);
    m.ui.entry.line = row_line(&m, "jia", "urban-dibao");
    key(&mut m, KeyCode::Char(' '));
    assert_eq!(
        status(&m),
        "城市居民最低生活保障应保尽保: incomplete → 东城县 vetoed"
    );
}

#[test]
fn a_commit_that_moves_other_units_scores_says_so_in_one_line() {
    // new-jobs over-completion: 东城县 12% (the best), 青阳县 10%, 西山县 8%, 南湖县 6%,
    // the zone 3%; the bonus is 20% × 4 × o / o_max.
    let (mut m, _dir) = model(Lang::Zh);
    to_new_jobs_actual(&mut m);
    keys(&mut m, "6000");
    key(&mut m, KeyCode::Enter);
    // 东城县 on target: 青阳县's 10% is the best now. 青阳县 4 + 0.8 = 4.80 (was 4.67);
    // 西山县 4 + 8/10 × 0.8 = 4.64 (4.53); 南湖县 4 + 6/10 × 0.8 = 4.48 (4.40);
    // the zone 4 + 3/10 × 0.8 = 4.24 (4.20).
    assert_eq!(
        status(&m),
        "青阳县 +0.13、西山县 +0.11、南湖县 +0.08、经济开发区 +0.04（本项加分基准改变）"
    );
    // An edit that moves nobody else (the survey) says nothing of the kind.
    key(&mut m, KeyCode::Char('g'));
    for _ in 0..4 {
        key(&mut m, KeyCode::Down);
    }
    keys(&mut m, "5");
    key(&mut m, KeyCode::Enter);
    assert_eq!(status(&m), "");
    // Too long for 80 columns (in English): cut, the biggest changes first.
    let (mut m, _dir) = model(Lang::En);
    screen(&mut m, 80, 24);
    to_new_jobs_actual(&mut m);
    keys(&mut m, "6000");
    key(&mut m, KeyCode::Enter);
    assert_eq!(
        status(&m),
        "青阳县 +0.13, 西山县 +0.11 and 2 more (this indicator's bonus base changed)"
    );
    assert!(kaoping::text::width(&status(&m)) <= 78);
}

#[test]
fn a_value_far_off_asks_first_names_whom_it_lowers_and_undo_says_what_it_took_back() {
    let (mut m, _dir) = model(Lang::Zh);
    to_new_jobs_actual(&mut m);
    // A slip of the finger: 67200 for 6720, 1120% of the target 6000.
    keys(&mut m, "67200");
    key(&mut m, KeyCode::Enter);
    let Some(Overlay::Implausible { lines, .. }) = &m.ui.overlay else {
        panic!("no question");
    };
    let question = lines.join("\n");
    assert!(question.contains("完成率 1120.0%"), "{question}");
    assert!(
        question.contains("压低 西山县、青阳县、南湖县、经济开发区 的加分"),
        "{question}"
    );
    // o_max becomes 10.2: 青阳县 4 + 0.10/10.2 × 0.8 = 4.01 (−0.66), 西山县 4.01 (−0.52),
    // 南湖县 4.00 (−0.40), the zone 4.00 (−0.20).
    assert!(
        question.contains(
            "青阳县 −0.66、西山县 −0.52、南湖县 −0.40、经济开发区 −0.20（本项加分基准改变）"
        ),
        "{question}"
    );
    let text = screen(&mut m, 80, 24);
    assert!(text.contains("数值偏离目标过大"), "{text}");
    assert_eq!(total(&m, "jia"), "131.30", "nothing committed while asked");
    // n: back to the value, as typed.
    key(&mut m, KeyCode::Char('n'));
    assert!(m.ui.overlay.is_none());
    assert_eq!(typed(&m).as_deref(), Some("67200"));
    assert_eq!(earned(&m, "wu", "new-jobs"), "4.67");
    // Esc too; then y commits it and goes down the column.
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Esc);
    assert_eq!(typed(&m).as_deref(), Some("67200"));
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Char('y'));
    assert!(matches!(m.ui.mode, Mode::Normal));
    assert_eq!(earned(&m, "wu", "new-jobs"), "4.01");
    assert_eq!(earned(&m, "zone", "new-jobs"), "4.00");
    assert_eq!(
        status(&m),
        "青阳县 −0.66、西山县 −0.52、南湖县 −0.40、经济开发区 −0.20（本项加分基准改变）"
    );
    assert_eq!(m.ui.entry.line, row_line(&m, "jia", "reemployment"));
    // Undo from another pane: it names the unit, the field and the values, and shows
    // the place.
    key(&mut m, KeyCode::Char(']'));
    assert_eq!(m.ui.pane.0, Pane::Totals);
    key(&mut m, KeyCode::Char('u'));
    assert_eq!(
        status(&m),
        "已撤销：东城县 城镇新增就业人数 实际 67200 → 6720"
    );
    assert_eq!(m.ui.pane.0, Pane::Entry);
    assert_eq!(m.ui.entry.line, row_line(&m, "jia", "new-jobs"));
    assert_eq!(field(&m), Some(Field::Actual));
    assert_eq!(earned(&m, "wu", "new-jobs"), "4.67");
    ctrl(&mut m, 'r');
    assert_eq!(
        status(&m),
        "已重做：东城县 城镇新增就业人数 实际 6720 → 67200"
    );
    // A status undone is named in words.
    m.ui.entry.line = row_line(&m, "jia", "urban-dibao");
    key(&mut m, KeyCode::Char(' '));
    key(&mut m, KeyCode::Char('u'));
    assert_eq!(
        status(&m),
        "已撤销：东城县 城市居民最低生活保障应保尽保 状态 未完成 → 已完成"
    );
}

#[test]
fn the_status_line_gives_the_rows_full_name() {
    let (mut m, _dir) = model(Lang::Zh);
    to_new_jobs_actual(&mut m);
    let text = screen(&mut m, 80, 24);
    assert!(
        text.contains(" 就业和创业（12 分）› 城镇新增就业人数（人）："),
        "{text}"
    );
    let (mut m, _dir) = model(Lang::En);
    to_new_jobs_actual(&mut m);
    let text = screen(&mut m, 120, 40);
    assert!(
        text.contains(" 就业和创业 (12) › 城镇新增就业人数 (人): "),
        "{text}"
    );
}

/// A terminal too small to show anything takes no typed key blind: `q` under "too
/// small" with an edit open does not go into the hidden field, and the screen says the
/// key that works (cancel the edit), not `q`.
#[test]
fn a_too_small_terminal_takes_no_key_into_a_hidden_edit() {
    let (mut m, _dir) = model(Lang::En);
    to_new_jobs_actual(&mut m);
    key(&mut m, KeyCode::Char('5'));
    assert_eq!(typed(&m).as_deref(), Some("5"));
    let small = screen(&mut m, 60, 15);
    assert!(small.contains("Esc"), "{small}");
    assert!(!small.contains("q quits"), "{small}");
    key(&mut m, KeyCode::Char('q'));
    key(&mut m, KeyCode::Char('7'));
    assert_eq!(
        typed(&m).as_deref(),
        Some("5"),
        "nothing typed while too small"
    );
    screen(&mut m, 80, 24);
    key(&mut m, KeyCode::Char('7'));
    assert_eq!(typed(&m).as_deref(), Some("57"));
}

/// `s` on a row with a target and an actual asks first, naming what it deletes; `n`
/// keeps them. A completion of 1000% reads 1000%, not ">9999%".
#[test]
fn switching_a_filled_rows_kind_asks_first_and_wide_rates_read_true() {
    let (mut m, _dir) = model(Lang::En);
    to_dongcheng(&mut m);
    m.ui.entry.line = row_line(&m, "jia", "startup-training");
    let before = m.project().scores["jia"].indicators["startup-training"].clone();
    key(&mut m, KeyCode::Char('s'));
    let Some(kaoping::tui::model::Overlay::Confirm { lines, .. }) = &m.ui.overlay else {
        panic!("a question: {}", status(&m));
    };
    assert!(
        lines[0].contains("target 1000 and actual 1050 are deleted"),
        "{lines:?}"
    );
    key(&mut m, KeyCode::Char('n'));
    assert_eq!(
        m.project().scores["jia"].indicators["startup-training"],
        before
    );
    // 60000 of 6000: 1000% of the target, confirmed.
    let (mut m, _dir) = model(Lang::En);
    to_new_jobs_actual(&mut m);
    keys(&mut m, "60000");
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Char('y'));
    let shown = screen(&mut m, 80, 24);
    assert!(shown.contains("1000%"), "{shown}");
    assert!(!shown.contains(">9999%"), "{shown}");
}

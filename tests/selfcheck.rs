//! Self-check beside assessed (`[selfcheck.<id>]`, 总结自查): the sheets checked like the
//! assessed ones, scored alike, compared row by row (`kaoping::selfcheck`), shown in the
//! entry pane, `explain` and the exports.
//!
//! Hand-computed on the worked example (甲县 21.80, 乙县 20.20, 丙县 19.70, 经济开发区
//! 18.80; new-jobs base 4, bonus 20% of the base to the best over-completer) and on the
//! demo.

mod common;

use common::{WORKED, edit, scored};
use kaoping::check::{analyze, sheet_errors_in};
use kaoping::project::SheetKind;
use kaoping::project::problem::{Problem, ProblemKind};
use kaoping::selfcheck::{GapItem, GapRow, GapValue, UnitGap, gaps};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// 甲县 says what the office found; 丙县 claims 1010 new jobs of 1000 (the office found
/// 950) and a survey of 5.8 (5.2); the zone says 低保 was complete (the office: incomplete,
/// −0.8).
const SELFCHECK: &str = r#"
[selfcheck.jia]
survey = 5.5
organization = { leadership = 2, funding = 3.5 }

[selfcheck.jia.indicators]
new-jobs = { target = 1000, actual = 1200 }
training = { target = 200, actual = 230 }
dibao = { status = "complete" }

[selfcheck.bing]
survey = 5.8
organization = { leadership = 1.5, funding = 3.5 }

[selfcheck.bing.indicators]
new-jobs = { target = 1000, actual = 1010 }
training = { target = 100, actual = 104 }
dibao = { status = "complete" }

[selfcheck.zone]
survey = 4.9
organization = { leadership = 2, funding = 2.5 }

[selfcheck.zone.indicators]
new-jobs = { target = 300, actual = 315 }
training = { target = 50, actual = 50 }
dibao = { status = "complete" }
"#;

fn worked_with(selfcheck: &str) -> String {
    format!("{WORKED}{selfcheck}")
}

fn errors(text: &str) -> Vec<Problem> {
    analyze(text)
        .problems
        .into_iter()
        .filter(Problem::is_error)
        .collect()
}

fn paths(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(|p| p.path.to_string()).collect()
}

fn all_gaps(text: &str) -> Vec<UnitGap> {
    let (project, board) = scored(text);
    let own = kaoping::scoring::score_selfcheck(&project)
        .expect("a self-check sheet")
        .expect("scores");
    gaps(&project, &board, &own)
}

// ---- checks ---------------------------------------------------------------------------

#[test]
fn a_clean_selfcheck_adds_no_problem() {
    let plain = analyze(WORKED).problems.len();
    let with = analyze(&worked_with(SELFCHECK));
    assert!(!with.has_errors(), "{:?}", with.problems);
    assert_eq!(with.problems.len(), plain, "{:?}", with.problems);
}

#[test]
fn selfcheck_values_out_of_range_are_errors_at_selfcheck_paths() {
    let text = worked_with(&edit(
        SELFCHECK,
        &[
            // survey max 6; funding max 3.5; dibao deduction cap 60% × 4 = 2.4.
            ("survey = 5.8", "survey = 6.5"),
            (
                "organization = { leadership = 1.5, funding = 3.5 }",
                "organization = { leadership = 1.5, funding = 4, nope = 1 }",
            ),
            (
                "[selfcheck.zone.indicators]\nnew-jobs = { target = 300, actual = 315 }\ntraining = { target = 50, actual = 50 }\ndibao = { status = \"complete\" }",
                "[selfcheck.zone.indicators]\nnew-jobs = { target = 300, actual = -1 }\ntraining = { target = 0, actual = 50 }\ndibao = { status = \"incomplete\", deduction = 3 }",
            ),
        ],
    ));
    let found = errors(&text);
    assert_eq!(
        paths(&found),
        [
            "selfcheck.bing.survey",
            "selfcheck.bing.organization.funding",
            "selfcheck.bing.organization.nope",
            "selfcheck.zone.indicators.new-jobs.actual",
            "selfcheck.zone.indicators.training.target",
            "selfcheck.zone.indicators.dibao.deduction",
        ],
        "{found:?}"
    );
    assert!(matches!(
        found[0].kind,
        ProblemKind::ScoreOutOfRange { value, max } if value == d("6.5") && max == d("6")
    ));
    assert!(matches!(
        found[1].kind,
        ProblemKind::ScoreOutOfRange { value, max } if value == d("4") && max == d("3.5")
    ));
    assert!(matches!(found[2].kind, ProblemKind::UnknownRef { .. }));
    assert!(matches!(
        found[5].kind,
        ProblemKind::DeductionOutOfRange { value, cap, .. } if value == d("3") && cap == d("2.4")
    ));
    // The same checks on that one sheet, as an edit of it alone is checked.
    let project = analyze(&worked_with(SELFCHECK)).project.unwrap();
    assert!(sheet_errors_in(&project, SheetKind::Selfcheck, "bing").is_empty());
}

#[test]
fn selfcheck_sheets_of_nobody_and_rows_that_do_not_apply_are_errors() {
    let text = worked_with(
        r#"
[selfcheck.nobody]
survey = 5

[selfcheck.civil.indicators]
new-jobs = { target = 100, actual = 100 }
dibao = { status = "complete" }
"#,
    );
    let found = errors(&text);
    assert_eq!(
        paths(&found),
        ["selfcheck.nobody", "selfcheck.civil.indicators.new-jobs"],
        "{found:?}"
    );
    assert!(matches!(
        &found[1].kind,
        ProblemKind::DepartmentNotResponsible { department, .. } if department == "市民政局"
    ));
}

#[test]
fn a_selfcheck_number_too_large_to_score_is_an_error_there() {
    let text = worked_with(&edit(
        SELFCHECK,
        &[(
            "new-jobs = { target = 1000, actual = 1200 }",
            "new-jobs = { target = 1000, actual = \"9999999999999999999999999999\" }",
        )],
    ));
    // 甲县's self-check row, where it was typed (the overflow is in the others' bonus).
    let found = errors(&text);
    assert_eq!(
        paths(&found),
        ["selfcheck.jia.indicators.new-jobs.actual"],
        "{found:?}"
    );
    assert!(matches!(found[0].kind, ProblemKind::TooLargeToScore { .. }));
}

#[test]
fn a_partial_or_implausible_selfcheck_raises_no_warning() {
    // 乙县 has sent only its survey (pending everywhere else), the zone claims 3000 new
    // jobs of 300 (900% over: past plausible_deviation = 50% were it assessed).
    let text = worked_with(&format!(
        "{}\n[selfcheck.yi]\nsurvey = 5.8\n",
        edit(
            SELFCHECK,
            &[(
                "new-jobs = { target = 300, actual = 315 }",
                "new-jobs = { target = 300, actual = 3000 }",
            )]
        )
    ));
    let analysis = analyze(&text);
    assert!(!analysis.has_errors(), "{:?}", analysis.problems);
    assert_eq!(
        analysis.problems.len(),
        analyze(WORKED).problems.len(),
        "{:?}",
        analysis.problems
    );
    assert!(
        analysis
            .problems
            .iter()
            .all(|p| !p.path.to_string().starts_with("selfcheck"))
    );
}

// ---- scoring and gaps -----------------------------------------------------------------

fn row<'a>(gap: &'a UnitGap, what: &str) -> &'a GapRow {
    gap.rows
        .iter()
        .find(|r| match &r.item {
            GapItem::Org { id, .. } | GapItem::Indicator { id, .. } => id == what,
            GapItem::Survey => what == "survey",
            GapItem::Penalties => what == "penalties",
        })
        .unwrap_or_else(|| panic!("no row {what} in {gap:?}"))
}

#[test]
fn gaps_on_the_worked_example_by_hand() {
    let all = all_gaps(&worked_with(SELFCHECK));
    // Units with a self-check sheet, in the file's order.
    let ids: Vec<&str> = all.iter().map(|g| g.unit.as_str()).collect();
    assert_eq!(ids, ["jia", "bing", "zone"]);

    // 甲县 says what the office found: 21.80 both, nothing behind a gap.
    let jia = &all[0];
    assert_eq!(jia.selfcheck.total, d("21.80"));
    assert_eq!(jia.assessed.total, d("21.80"));
    assert!(jia.agrees());

    // 丙县: new-jobs 1010 / 1000 = 1.01, o = 0.01 against 甲县's 0.20 (the best among the
    // self-check figures too): 4 + 0.01 / 0.20 × 20% × 4 = 4.04; assessed 3.50 (5% short).
    // Survey 5.8 against 5.2. Self-check total 5.00 + 5.80 + (4.04 + 2 + 4) = 20.84;
    // assessed 19.70: 差 −1.14.
    let bing = &all[1];
    assert_eq!(bing.name, "丙县");
    assert_eq!(bing.selfcheck.total, d("20.84"));
    assert_eq!(bing.assessed.total, d("19.70"));
    assert_eq!(bing.difference(), d("-1.14"));
    assert_eq!(bing.selfcheck.task, d("10.04"));
    assert_eq!(bing.assessed.task, d("9.50"));
    assert_eq!(bing.selfcheck.survey - bing.assessed.survey, d("0.60"));
    assert_eq!(bing.rows.len(), 2, "{:?}", bing.rows);
    let survey = row(bing, "survey");
    assert_eq!(survey.selfcheck, GapValue::Score(Some(d("5.8"))));
    assert_eq!(survey.assessed, GapValue::Score(Some(d("5.2"))));
    assert_eq!(survey.difference(), d("-0.60"));
    let jobs = row(bing, "new-jobs");
    assert_eq!(jobs.selfcheck_earned, Some(d("4.04")));
    assert_eq!(jobs.assessed_earned, Some(d("3.50")));
    assert_eq!(jobs.difference(), d("-0.54"));
    assert!(jobs.values_differ());
    // In the sheet's order: survey before the indicator rows.
    assert!(matches!(bing.rows[0].item, GapItem::Survey));

    // The zone: 低保 complete (4.00) against incomplete −0.8 (3.20); new-jobs 4.20 both
    // (o = 0.05 of 0.20). Self-check 4.50 + 4.90 + (4.20 + 2 + 4) = 19.60; assessed 18.80.
    let zone = &all[2];
    assert_eq!(zone.selfcheck.total, d("19.60"));
    assert_eq!(zone.difference(), d("-0.80"));
    assert_eq!(zone.rows.len(), 1);
    let dibao = row(zone, "dibao");
    assert_eq!(dibao.selfcheck_earned, Some(d("4")));
    assert_eq!(dibao.assessed_earned, Some(d("3.20")));
    assert!(matches!(
        dibao.selfcheck,
        GapValue::Row(Some(kaoping::project::Row::Qualitative {
            complete: true,
            ..
        }))
    ));
}

#[test]
fn bonuses_are_relative_to_the_best_among_the_selfcheck_figures() {
    // Only the zone sends a self-check, its figures as assessed: among the self-check
    // figures its o = 0.05 is the best, so new-jobs earns 4 + 20% × 4 = 4.80 there against
    // 4.20 assessed (甲县's 0.20 the best): a row entered alike, listed for its score.
    let zone_only = SELFCHECK.split("[selfcheck.zone]").nth(1).unwrap().replace(
        "dibao = { status = \"complete\" }",
        "dibao = { status = \"incomplete\", deduction = 0.8 }",
    );
    let all = all_gaps(&worked_with(&format!("[selfcheck.zone]{zone_only}")));
    assert_eq!(all.len(), 1);
    let zone = &all[0];
    assert_eq!(zone.rows.len(), 1, "{:?}", zone.rows);
    let jobs = row(zone, "new-jobs");
    assert!(!jobs.values_differ());
    assert_eq!(jobs.selfcheck_earned, Some(d("4.80")));
    assert_eq!(jobs.assessed_earned, Some(d("4.20")));
    assert_eq!(zone.difference(), d("-0.60"));
}

#[test]
fn penalties_are_one_row_of_their_points() {
    // 乙县 was criticised by the city (−1) and says nothing of it in its self-check.
    let yi = r#"
[selfcheck.yi]
survey = 5.8
organization = { leadership = 2, funding = 3 }

[selfcheck.yi.indicators]
new-jobs = { target = 800, actual = 880 }
training = { target = 150, actual = 150 }
dibao = { status = "complete" }
"#;
    let all = all_gaps(&worked_with(yi));
    let gap = &all[0];
    // Alone in the self-check, 乙县's o = 0.10 is the best: 4.80 against 4.40.
    assert_eq!(gap.rows.len(), 2, "{:?}", gap.rows);
    let pen = row(gap, "penalties");
    assert_eq!(
        pen.selfcheck,
        GapValue::Penalties {
            count: 0,
            points: d("0")
        }
    );
    assert_eq!(pen.assessed_earned, Some(d("-1")));
    assert_eq!(pen.difference(), d("-1"));
    // Self-check 5 + 5.8 + (4.80 + 2 + 4) = 21.60; assessed 20.20: −1.40.
    assert_eq!(gap.selfcheck.total, d("21.60"));
    assert_eq!(gap.difference(), d("-1.40"));
}

// ---- the demo -------------------------------------------------------------------------

const DEMO: &str = include_str!("../assets/demo.toml");

#[test]
fn selfcheck_differences_on_the_demo() {
    let (_, board) = scored(DEMO);
    let all = all_gaps(DEMO);
    let ids: Vec<&str> = all.iter().map(|g| g.unit.as_str()).collect();
    // Every county and the zone, then 市人社局: the only department that sent one.
    assert_eq!(ids, ["jia", "yi", "bing", "ding", "wu", "zone", "hrss"]);
    // The assessed figures are the demo's, untouched: 东城县 131.30 first, 经济开发区
    // 121.51 last.
    assert_eq!(board.units[0].id, "jia");
    assert_eq!(board.units[0].total, d("131.30"));
    let by = |id: &str| all.iter().find(|g| g.unit == id).unwrap();
    // 东城县, 西山县, 青阳县 said what the office found (every county sent one, so the
    // best over-completions are the same among the self-check figures).
    for id in ["jia", "ding", "wu"] {
        assert!(by(id).agrees(), "{:?}", by(id));
    }

    // 北岭县 claims 5000 new jobs of 5000: 100%, the base 4.00; the office counted 4750,
    // 5% short = 2.5 steps × 5% × 4 = 0.50 off, 3.50 (and a veto). 129.51 → 130.01.
    let yi = by("yi");
    assert_eq!(yi.assessed.total, d("129.51"));
    assert_eq!(yi.selfcheck.total, d("130.01"));
    assert_eq!(yi.difference(), d("-0.50"));
    assert_eq!(yi.rows.len(), 1);
    assert_eq!(row(yi, "new-jobs").selfcheck_earned, Some(d("4.00")));
    assert_eq!(row(yi, "new-jobs").assessed_earned, Some(d("3.50")));

    // 南湖县 claims a survey of 5.9 against the office's 5.5: 125.78 → 126.18.
    let bing = by("bing");
    assert_eq!(bing.assessed.total, d("125.78"));
    assert_eq!(bing.difference(), d("-0.40"));
    assert_eq!(bing.rows.len(), 1);
    assert!(matches!(bing.rows[0].item, GapItem::Survey));

    // 经济开发区 says 农村低保 is complete: the base 6.00 against 6 − 0.8 = 5.20.
    let zone = by("zone");
    assert_eq!(zone.assessed.total, d("121.51"));
    assert_eq!(zone.selfcheck.total, d("122.31"));
    assert_eq!(row(zone, "rural-dibao").difference(), d("-0.80"));

    // 市人社局 claims 28600 new jobs of 26700 (the office: 28329): departments earn the
    // base for over-completing, 4.00 both — a difference of value, none of score.
    let hrss = by("hrss");
    assert_eq!(hrss.selfcheck.total, hrss.assessed.total);
    assert_eq!(hrss.rows.len(), 1);
    let jobs = row(hrss, "new-jobs");
    assert!(jobs.values_differ());
    assert_eq!(jobs.difference(), d("0"));
}

// ---- explain --------------------------------------------------------------------------

fn explain(file: &str, unit: &str, lang: &str) -> String {
    let out = common::run_kaoping(&["explain", file, unit, "--lang", lang]);
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

const DEMO_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.toml");

#[test]
fn explain_ends_with_the_units_selfcheck_differences() {
    let zh = explain(DEMO_FILE, "经济开发区", "zh");
    let tail: Vec<&str> = zh
        .lines()
        .skip_while(|l| !l.starts_with("总结自查与考评"))
        .collect();
    assert_eq!(
        tail,
        [
            "总结自查与考评：自查 122.31 / 考评 121.51，差 −0.80",
            "  任务完成：自查 113.71 / 考评 112.91，差 −0.80",
            "  相差的项目（1 项）：",
            "  · 农村居民最低生活保障应保尽保：自查 已完成 → 6.00；考评 未完成（扣 0.8） → 5.20；差 −0.80",
        ]
    );
    let en = explain(DEMO_FILE, "yi", "en");
    assert!(
        en.contains("Self-check beside assessed: self-check 130.01 / assessed 129.51, gap −0.50"),
        "{en}"
    );
    assert!(
        en.contains("· 城镇新增就业人数 (人): self-check target 5000, actual 5000 → 4.00; assessed target 5000, actual 4750 → 3.50; gap −0.50"),
        "{en}"
    );
    assert!(explain(DEMO_FILE, "jia", "zh").ends_with("  总结自查与考评一致。\n"));
    // A department that sent none, and the worked example (no self-check at all): nothing.
    assert!(!explain(DEMO_FILE, "civil", "zh").contains("总结自查"));
    assert!(!explain(common::WORKED_FILE, "jia", "zh").contains("总结自查"));
}

// ---- the exports ----------------------------------------------------------------------

use calamine::{Data, Reader, Xlsx};

fn export(args: &[&str], dir: &std::path::Path) {
    let out = common::kaoping()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run kaoping");
    assert!(out.status.success(), "{out:?}");
}

fn cell_text(c: &Data) -> String {
    match c {
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f:.2}"),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

#[test]
fn the_workbook_has_a_sheet_of_selfcheck_against_assessed() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("out.xlsx");
    export(
        &[
            "export",
            DEMO_FILE,
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
            "--lang",
            "zh",
        ],
        dir.path(),
    );
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let range = book.worksheet_range("自查与考评差异").expect("the sheet");
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(cell_text).collect())
        .collect();
    assert_eq!(
        rows[0],
        ["单位", "项目", "自查", "自查得分", "考评", "考评得分", "差"]
    );
    // Every unit's totals, then the rows behind its gap (numbers as numbers).
    let expected: Vec<Vec<&str>> = vec![
        vec!["东城县", "总分", "", "131.30", "", "131.30", "0.00"],
        vec!["北岭县", "总分", "", "130.01", "", "129.51", "-0.50"],
        vec![
            "北岭县",
            "城镇新增就业人数（人）",
            "目标 5000、实际 5000",
            "4.00",
            "目标 5000、实际 4750",
            "3.50",
            "-0.50",
        ],
        vec!["南湖县", "总分", "", "126.18", "", "125.78", "-0.40"],
        vec!["南湖县", "群众测评", "5.9", "5.90", "5.5", "5.50", "-0.40"],
        vec!["西山县", "总分", "", "128.91", "", "128.91", "0.00"],
        vec!["青阳县", "总分", "", "127.97", "", "127.97", "0.00"],
        vec!["经济开发区", "总分", "", "122.31", "", "121.51", "-0.80"],
        vec![
            "经济开发区",
            "农村居民最低生活保障应保尽保",
            "已完成",
            "6.00",
            "未完成（扣 0.8）",
            "5.20",
            "-0.80",
        ],
        vec!["市人社局", "总分", "", "97.10", "", "97.10", "0.00"],
        vec![
            "市人社局",
            "城镇新增就业人数（人）",
            "目标 26700、实际 28600",
            "4.00",
            "目标 26700、实际 28329",
            "4.00",
            "0.00",
        ],
    ];
    assert_eq!(rows[1..], expected);
    assert!(matches!(range.get((2, 3)), Some(Data::Float(_))));

    // The worked example has no self-check: no such sheet.
    let plain = dir.path().join("plain.xlsx");
    export(
        &[
            "export",
            common::WORKED_FILE,
            "--format",
            "xlsx",
            "-o",
            plain.to_str().unwrap(),
            "--lang",
            "zh",
        ],
        dir.path(),
    );
    let book: Xlsx<_> = calamine::open_workbook(&plain).unwrap();
    assert!(!book.sheet_names().iter().any(|n| n == "自查与考评差异"));
}

#[test]
fn the_html_report_has_a_section_of_selfcheck_against_assessed() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("out.html");
    export(
        &[
            "export",
            DEMO_FILE,
            "--format",
            "html",
            "-o",
            html.to_str().unwrap(),
            "--lang",
            "en",
        ],
        dir.path(),
    );
    let text = std::fs::read_to_string(&html).unwrap();
    let start = text
        .find("<section id=\"selfcheck\">")
        .expect("the section");
    let section = &text[start..start + text[start..].find("</section>").unwrap()];
    assert!(
        section.contains("<h2>Self-check against assessed</h2>"),
        "{section}"
    );
    assert!(section.contains("<td>经济开发区</td>"), "{section}");
    assert!(section.contains("incomplete (−0.8)"), "{section}");
    assert!(
        section.contains("−0.80") || section.contains("-0.80"),
        "{section}"
    );
    // Seven units and departments, four rows behind their gaps.
    assert_eq!(section.matches("<tr>").count(), 1 + 7 + 4, "{section}");
}

// ---- the entry pane -------------------------------------------------------------------

use crossterm::event::KeyCode;
use kaoping::i18n::Lang;
use kaoping::tui::model::{Model, Pane};

/// The entry pane on the demo, `down` units down the list, in its sheet, the cursor
/// `lines` lines down.
fn entry(lang: Lang, down: usize, lines: usize) -> (Model, tempfile::TempDir) {
    let (mut m, dir) = common::tui_model(DEMO, "demo.toml", lang);
    m.ui.pane.0 = Pane::Entry;
    for _ in 0..down {
        common::key(&mut m, KeyCode::Down);
    }
    common::key(&mut m, KeyCode::Enter);
    for _ in 0..lines {
        common::key(&mut m, KeyCode::Down);
    }
    (m, dir)
}

#[test]
fn snapshots_of_a_unit_with_selfcheck_differences() {
    for (lang, l) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            // 经济开发区: 农村低保 said complete, found incomplete (the cursor on it).
            let (mut m, _dir) = entry(lang, 5, 16);
            insta::assert_snapshot!(
                format!("selfcheck_zone_{l}_{w}x{h}"),
                common::screen(&mut m, w, h)
            );
            // 南湖县: the survey claimed higher.
            let (mut m, _dir) = entry(lang, 2, 4);
            insta::assert_snapshot!(
                format!("selfcheck_bing_{l}_{w}x{h}"),
                common::screen(&mut m, w, h)
            );
        }
    }
}

/// The cells of a drawn screen, to read their colours.
fn draw(m: &mut Model, w: u16, h: u16) -> ratatui::buffer::Buffer {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    common::step(m, kaoping::tui::msg::Msg::Resize(w, h));
    terminal.draw(|f| kaoping::tui::view::draw(f, m)).unwrap();
    terminal.backend().buffer().clone()
}

/// The first cell holding `symbol` on the line that holds `text`.
fn cell_of<'b>(
    buffer: &'b ratatui::buffer::Buffer,
    text: &str,
    symbol: &str,
) -> &'b ratatui::buffer::Cell {
    let area = buffer.area;
    for y in 0..area.height {
        let line: String = (0..area.width).map(|x| buffer[(x, y)].symbol()).collect();
        if line.contains(text) {
            let x = (0..area.width)
                .rev()
                .find(|x| buffer[(*x, y)].symbol() == symbol)
                .unwrap_or_else(|| panic!("no {symbol} on {line:?}"));
            return &buffer[(x, y)];
        }
    }
    panic!("no line with {text:?}")
}

#[test]
fn differences_are_marked_by_a_symbol_and_by_colour_where_there_is_colour() {
    use ratatui::style::Color;
    // 北岭县's new-jobs: the self-check's 5000 is higher than the office's 4750: ▲.
    let (mut m, _dir) = entry(Lang::Zh, 1, 0);
    m.color = false;
    let plain = draw(&mut m, 120, 40);
    let mark = cell_of(&plain, "5000    4750", "▲");
    assert_eq!(mark.fg, Color::Reset, "NO_COLOR: the symbol alone");
    m.color = true;
    let coloured = draw(&mut m, 120, 40);
    assert_eq!(cell_of(&coloured, "5000    4750", "▲").fg, Color::Yellow);
    // 80 columns: the self-check column is left out, the mark stays, the totals shorten.
    let narrow = common::screen(&mut m, 80, 24);
    let row = narrow.lines().find(|l| l.contains("新增就业(人)")).unwrap();
    assert!(row.ends_with("3.50 ✗  ▲"), "{row}");
    assert!(
        narrow.contains("✗ 一票否决  自查 130.01 差 −0.50"),
        "{narrow}"
    );
    for line in narrow.lines() {
        assert!(kaoping::text::width(line) <= 80, "{line}");
    }
    // 东城县 agrees: no mark anywhere, the gap 0.00 in the heading.
    let (mut m, _dir) = entry(Lang::En, 0, 0);
    let wide = common::screen(&mut m, 120, 40);
    assert!(!wide.contains('▲') && !wide.contains('▼') && !wide.contains('≠'));
    assert!(
        wide.contains("self-check 131.30 / assessed 131.30, gap 0.00"),
        "{wide}"
    );
    // A department without a self-check is drawn as before: no column, no totals.
    let (mut m, _dir) = entry(Lang::En, 8, 0);
    let civil = common::screen(&mut m, 120, 40);
    assert!(
        civil.contains("市民政局") && !civil.contains("self-check"),
        "{civil}"
    );
}

// ---- the session ----------------------------------------------------------------------

#[test]
fn the_session_keeps_the_selfcheck_board_up_to_date() {
    use kaoping::edit::Edit;
    use kaoping::session::Session;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(&path, worked_with(SELFCHECK)).unwrap();
    let mut s = Session::open(&path, false).unwrap();
    let total = |s: &Session, id: &str| {
        s.selfcheck_board
            .as_ref()
            .and_then(|b| b.find(id))
            .map(|r| r.total)
    };
    assert_eq!(total(&s, "bing"), Some(d("20.84")));
    // 丙县's self-check survey 5.8 → 5.0: 20.84 − 0.80 = 20.04.
    let survey = |v: &str| Edit::SetSurvey {
        unit: "bing".into(),
        value: Some(d(v)),
    };
    s.commit(survey("5.0").in_sheets(SheetKind::Selfcheck))
        .unwrap();
    assert_eq!(total(&s, "bing"), Some(d("20.04")));
    // An assessed value changes the assessed board only.
    s.commit(survey("6")).unwrap();
    assert_eq!(total(&s, "bing"), Some(d("20.04")));
    assert_eq!(s.board.find("bing").unwrap().total, d("20.50"));
    // Out of range in the self-check: refused, at its own path.
    let refused = s
        .commit(survey("7").in_sheets(SheetKind::Selfcheck))
        .unwrap_err();
    assert_eq!(
        refused.problems[0].path.to_string(),
        "selfcheck.bing.survey"
    );
    assert!(s.undo() && s.undo());
    assert_eq!(total(&s, "bing"), Some(d("20.84")));

    // A project without a self-check has no board for it.
    std::fs::write(dir.path().join("w.toml"), WORKED).unwrap();
    let w = Session::open(&dir.path().join("w.toml"), false).unwrap();
    assert!(w.selfcheck_board.is_none());
}

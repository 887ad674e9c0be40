//! `kaoping status` and the returns window (报送情况): who owes a return at each procedure
//! step, who sent it and when, who is late, which rows are still pending — on the worked
//! example (4 units, 2 departments, 3 indicators) with a procedure, self-check sheets and
//! returns added, every expectation counted by hand below. Also the checks of
//! `[[returns]]`, the JSON's exact shape, the exit codes, and the window at 80×24.

mod common;

use common::{WORKED, edit, key, screen, tui_model};
use crossterm::event::KeyCode;
use kaoping::check::analyze;
use kaoping::i18n::Lang;
use kaoping::project::Date;
use kaoping::project::problem::{ProblemKind, RefKind, Severity};
use kaoping::status::{PendingRow, parse_date, status};

const PROCEDURE: &str = r#"
[[procedure]]
id = "self-check"
name = "总结自查"
due = 2027-01-10
returns = "units"

[[procedure]]
id = "assessment"
name = "责任单位评分"
due = 2027-01-25
returns = "departments"

[[procedure]]
id = "collection"
name = "牵头单位汇总报送"
due = 2027-01-20

[[procedure]]
id = "ranking"
name = "审核汇总排名"
due = 2027-01-30
"#;

/// 甲县 filled its whole self-check; 乙县 one row of three; 丙县 and the zone none.
const SELFCHECK: &str = r#"
[selfcheck.jia.indicators]
new-jobs = { target = 1000, actual = 1250 }
training = { target = 200, actual = 230 }
dibao = { status = "complete" }

[selfcheck.yi.indicators]
new-jobs = { target = 800, actual = 900 }
"#;

/// 甲县 on time (9 Jan), 乙县 two days late (12 Jan); 人社局 on time (24 Jan) and again
/// after the due date (26 Jan); 民政局 nothing.
const RETURNS: &str = r#"
[[returns]]
file = "甲县自查表.xlsx"
sha256 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
from = "jia"
step = "self-check"
into = "selfcheck"
received = 2027-01-09
rows = 3

[[returns]]
file = "乙县自查表.xlsx"
sha256 = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
from = "yi"
step = "self-check"
into = "selfcheck"
received = 2027-01-12
rows = 1

[[returns]]
file = "人社局考核表.xlsx"
sha256 = "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
from = "hrss"
step = "assessment"
into = "scores"
received = 2027-01-24
rows = 6

[[returns]]
file = "人社局考核表（补）.xlsx"
sha256 = "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
from = "hrss"
step = "assessment"
into = "scores"
received = 2027-01-26
rows = 2
"#;

/// The worked example with the procedure, the self-check sheets and the returns; in
/// `[scores]` 甲县's new-jobs has no actual and 丙县's training none either (人社局's two
/// pending rows), the zone's 低保 row is gone (民政局's one).
fn project_text() -> String {
    let scores = edit(
        WORKED,
        &[
            (
                "new-jobs = { target = 1000, actual = 1200 }",
                "new-jobs = { target = 1000 }",
            ),
            (
                "training = { target = 100, actual = 104 }",
                "training = { target = 100 }",
            ),
            ("dibao = { status = \"incomplete\", deduction = 0.8 }\n", ""),
        ],
    );
    format!("{scores}{PROCEDURE}{SELFCHECK}{RETURNS}")
}

fn date(text: &str) -> Date {
    parse_date(text).unwrap()
}

fn project(text: &str) -> kaoping::project::Project {
    let analysis = analyze(text);
    assert!(!analysis.has_errors(), "{:#?}", analysis.problems);
    analysis.project.unwrap()
}

fn row(unit: &str, indicator: &str) -> PendingRow {
    PendingRow {
        unit: unit.into(),
        indicator: indicator.into(),
    }
}

// ---- the status, as data ------------------------------------------------------------------

#[test]
fn late_and_missing_returns_on_26_january() {
    let p = project(&project_text());
    let s = status(&p, date("2027-01-26"));
    assert_eq!(s.steps.len(), 4);

    let check = &s.steps[0];
    assert_eq!(check.id, "self-check");
    let ids: Vec<&str> = check.senders.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["jia", "yi", "bing", "zone"]);
    let late: Vec<Option<i64>> = check.senders.iter().map(|s| s.days_late).collect();
    // 甲县 on time; 乙县 12 − 10 = 2 days; 丙县 and the zone nothing, 26 − 10 = 16 days.
    assert_eq!(late, [None, Some(2), Some(16), Some(16)]);
    assert_eq!((check.sent_count(), check.late_count()), (2, 3));
    assert_eq!(check.senders[0].sent[0].file, "甲县自查表.xlsx");
    assert_eq!(check.senders[0].sent[0].received, date("2027-01-09"));
    assert!(check.senders[2].sent.is_empty() && check.senders[2].late);

    let assessment = &s.steps[1];
    let ids: Vec<&str> = assessment.senders.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["hrss", "civil"]);
    // 人社局: the first of its two returns (24 Jan) was on time; the second does not make
    // it late. 民政局: nothing, 26 − 25 = 1 day.
    let hrss = &assessment.senders[0];
    assert_eq!(hrss.sent.len(), 2);
    assert_eq!((hrss.late, hrss.days_late), (false, None));
    assert_eq!(assessment.senders[1].days_late, Some(1));
    assert_eq!((assessment.sent_count(), assessment.late_count()), (1, 1));

    // Steps with no `returns`: nobody owes; 牵头单位汇总报送 (20 Jan) is due before 责任单位评分
    // (25 Jan).
    assert!(s.steps[2].senders.is_empty() && s.steps[3].senders.is_empty());
    let order: Vec<bool> = s.steps.iter().map(|s| s.out_of_order).collect();
    assert_eq!(order, [false, false, true, false]);
}

#[test]
fn on_a_day_before_the_due_date_nobody_is_late() {
    let p = project(&project_text());
    let s = status(&p, date("2027-01-05"));
    for step in &s.steps {
        assert_eq!(step.late_count(), 0, "{}", step.id);
        // The returns of 9 January and after had not come in on the 5th.
        assert_eq!(step.sent_count(), 0, "{}", step.id);
    }
    // On the due day itself nothing is late yet either; 甲县's return of the 9th is in.
    let s = status(&p, date("2027-01-10"));
    assert_eq!(s.steps[0].late_count(), 0);
    assert_eq!(s.steps[0].sent_count(), 1);
    // The day after, the three without a return are a day late.
    let s = status(&p, date("2027-01-11"));
    let late: Vec<Option<i64>> = s.steps[0].senders.iter().map(|s| s.days_late).collect();
    assert_eq!(late, [None, Some(1), Some(1), Some(1)]);
}

#[test]
fn a_return_after_the_due_date_is_late_by_the_days_between() {
    let p = project(&project_text());
    // 乙县's return of 12 January: 2 days after the 10th, whenever it is asked.
    for on in ["2027-01-12", "2027-01-26", "2027-03-01"] {
        let s = status(&p, date(on));
        let yi = &s.steps[0].senders[1];
        assert_eq!((yi.late, yi.days_late), (true, Some(2)), "{on}");
    }
}

#[test]
fn pending_rows_are_counted_in_the_sheets_the_step_fills() {
    let p = project(&project_text());
    let s = status(&p, date("2027-01-26"));
    // Self-check: 甲县 all three entered; 乙县 one of three; 丙县 and the zone no sheet.
    let pending: Vec<usize> = s.steps[0].senders.iter().map(|s| s.pending).collect();
    assert_eq!(pending, [0, 2, 3, 3]);
    assert_eq!(
        s.steps[0].senders[1].first_pending,
        [row("乙县", "创业培训"), row("乙县", "城乡低保应保尽保")]
    );
    // Assessment: 人社局's indicators (new-jobs, training) — 甲县's new-jobs has no actual,
    // 丙县's training none; 民政局's (dibao) — the zone's row is gone.
    let hrss = &s.steps[1].senders[0];
    assert_eq!(hrss.pending, 2);
    assert_eq!(
        hrss.first_pending,
        [row("甲县", "城镇新增就业"), row("丙县", "创业培训")]
    );
    let civil = &s.steps[1].senders[1];
    assert_eq!(civil.pending, 1);
    assert_eq!(civil.first_pending, [row("经济开发区", "城乡低保应保尽保")]);
}

#[test]
fn a_department_responsible_for_nothing_owes_nothing() {
    let text = edit(
        &project_text(),
        &[(
            "[[units]]\nid = \"jia\"",
            "[[departments]]\nid = \"audit\"\nname = \"市审计局\"\n\n[[units]]\nid = \"jia\"",
        )],
    );
    let s = status(&project(&text), date("2027-01-26"));
    let ids: Vec<&str> = s.steps[1].senders.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["hrss", "civil"]);
}

// ---- the table ----------------------------------------------------------------------------

#[test]
fn the_table_in_both_languages() {
    let p = project(&project_text());
    let s = status(&p, date("2027-01-26"));
    let zh = kaoping::i18n::status::lines(&s, Lang::Zh).join("\n");
    let expected_zh = "\
报送情况（截至 2027-01-26）

总结自查（截止 2027-01-10）：已报 2/4，逾期 3
  ✓ 甲县        2027-01-09 已报             无待录入
  ✗ 乙县        2027-01-12 已报，逾期 2 天  待录入 2 行：创业培训、城乡低保应保尽保
  ✗ 丙县        未报，逾期 16 天            待录入 3 行：城镇新增就业、创业培训、城乡低保应保尽保
  ✗ 经济开发区  未报，逾期 16 天            待录入 3 行：城镇新增就业、创业培训、城乡低保应保尽保

责任单位评分（截止 2027-01-25）：已报 1/2，逾期 1
  ✓ 市人社局    2027-01-24 已报（共 2 份）  待录入 2 行：甲县·城镇新增就业、丙县·创业培训
  ✗ 市民政局    未报，逾期 1 天             待录入 1 行：经济开发区·城乡低保应保尽保

牵头单位汇总报送（截止 2027-01-20）：无需报送（截止日期早于前面的步骤）

审核汇总排名（截止 2027-01-30）：无需报送

✓ 已报　✗ 逾期　· 未报（未到截止日期）";
    assert_eq!(zh, expected_zh);
    let en = kaoping::i18n::status::lines(&s, Lang::En).join("\n");
    let expected_en = "\
Returns as of 2027-01-26

总结自查 (due 2027-01-10): 2/4 sent, 3 late
  ✓ 甲县        sent 2027-01-09               nothing pending
  ✗ 乙县        sent 2027-01-12, 2 days late  2 pending: 创业培训, 城乡低保应保尽保
  ✗ 丙县        not sent, 16 days late        3 pending: 城镇新增就业, 创业培训, 城乡低保应保尽保
  ✗ 经济开发区  not sent, 16 days late        3 pending: 城镇新增就业, 创业培训, 城乡低保应保尽保

责任单位评分 (due 2027-01-25): 1/2 sent, 1 late
  ✓ 市人社局    sent 2027-01-24 (2 files)     2 pending: 甲县·城镇新增就业, 丙县·创业培训
  ✗ 市民政局    not sent, 1 day late          1 pending: 经济开发区·城乡低保应保尽保

牵头单位汇总报送 (due 2027-01-20): no returns (due before an earlier step)

审核汇总排名 (due 2027-01-30): no returns

✓ sent   ✗ late   · not sent (not yet due)";
    assert_eq!(en, expected_en);
}

// ---- the JSON -----------------------------------------------------------------------------

#[test]
fn the_json_has_exactly_its_documented_shape() {
    let p = project(&project_text());
    let s = status(&p, date("2027-01-26"));
    let got: serde_json::Value = serde_json::from_str(&kaoping::status::to_json(&s)).unwrap();
    let sender = |id: &str, name: &str, sent: serde_json::Value, late: Option<i64>, pending| {
        serde_json::json!({
            "id": id, "name": name, "sent": sent, "late": late.is_some(),
            "days_late": late, "pending_rows": pending,
        })
    };
    let sent = |file: &str, received: &str, rows: u32| serde_json::json!({ "file": file, "received": received, "rows": rows });
    let expected = serde_json::json!({
        "format": "kaoping-status/1",
        "on": "2027-01-26",
        "steps": [
            { "id": "self-check", "name": "总结自查", "due": "2027-01-10", "returns": "units",
              "out_of_order": false, "senders": [
                sender("jia", "甲县", serde_json::json!([sent("甲县自查表.xlsx", "2027-01-09", 3)]), None, 0),
                sender("yi", "乙县", serde_json::json!([sent("乙县自查表.xlsx", "2027-01-12", 1)]), Some(2), 2),
                sender("bing", "丙县", serde_json::json!([]), Some(16), 3),
                sender("zone", "经济开发区", serde_json::json!([]), Some(16), 3),
              ] },
            { "id": "assessment", "name": "责任单位评分", "due": "2027-01-25",
              "returns": "departments", "out_of_order": false, "senders": [
                sender("hrss", "市人社局", serde_json::json!([
                    sent("人社局考核表.xlsx", "2027-01-24", 6),
                    sent("人社局考核表（补）.xlsx", "2027-01-26", 2),
                ]), None, 2),
                sender("civil", "市民政局", serde_json::json!([]), Some(1), 1),
              ] },
            { "id": "collection", "name": "牵头单位汇总报送", "due": "2027-01-20",
              "returns": null, "out_of_order": true, "senders": [] },
            { "id": "ranking", "name": "审核汇总排名", "due": "2027-01-30",
              "returns": null, "out_of_order": false, "senders": [] },
        ]
    });
    assert_eq!(got, expected);
    // The keys in their documented order.
    let text = kaoping::status::to_json(&s);
    let at = |k: &str| text.find(&format!("\"{k}\"")).unwrap();
    assert!(at("format") < at("on") && at("on") < at("steps"));
    assert!(at("id") < at("name") && at("name") < at("due") && at("due") < at("returns"));
}

// ---- the checks of [[returns]] ------------------------------------------------------------

fn problems_of(text: &str) -> Vec<(String, ProblemKind)> {
    analyze(text)
        .problems
        .into_iter()
        .filter(|p| p.path.to_string().starts_with("returns"))
        .map(|p| (p.path.to_string(), p.kind))
        .collect()
}

#[test]
fn a_valid_file_of_returns_has_no_problem_with_them() {
    assert_eq!(problems_of(&project_text()), []);
}

#[test]
fn returns_name_a_unit_or_department_and_a_step() {
    let text = edit(
        &project_text(),
        &[
            ("from = \"yi\"", "from = \"yy\""),
            (
                "step = \"assessment\"\ninto = \"scores\"\nreceived = 2027-01-24",
                "step = \"asessment\"\ninto = \"scores\"\nreceived = 2027-01-24",
            ),
        ],
    );
    let analysis = analyze(&text);
    assert!(analysis.has_errors());
    let got = problems_of(&text);
    assert_eq!(
        got,
        [
            (
                "returns[1].from".to_string(),
                ProblemKind::UnknownRef {
                    kind: RefKind::Scored,
                    id: "yy".into()
                }
            ),
            (
                "returns[2].step".to_string(),
                ProblemKind::UnknownRef {
                    kind: RefKind::Step,
                    id: "asessment".into()
                }
            ),
        ]
    );
    let said: Vec<String> = analysis
        .problems
        .iter()
        .filter(|p| p.path.to_string() == "returns[2].step")
        .map(|p| kaoping::i18n::render(p, "p.toml", Some(&text), Lang::En))
        .collect();
    assert_eq!(said.len(), 1);
    assert!(
        said[0].contains("returns[2].step")
            && said[0].contains("no procedure step with id `asessment`"),
        "{}",
        said[0]
    );
}

#[test]
fn a_return_from_someone_who_does_not_owe_it_is_a_warning() {
    // 民政局 at the units' step; 甲县 at the departments' step; 人社局 at a step that asks
    // for nothing.
    let text = edit(
        &project_text(),
        &[
            ("from = \"yi\"", "from = \"civil\""),
            (
                "from = \"hrss\"\nstep = \"assessment\"\ninto = \"scores\"\nreceived = 2027-01-24",
                "from = \"jia\"\nstep = \"assessment\"\ninto = \"scores\"\nreceived = 2027-01-24",
            ),
            (
                "step = \"assessment\"\ninto = \"scores\"\nreceived = 2027-01-26",
                "step = \"collection\"\ninto = \"scores\"\nreceived = 2027-01-26",
            ),
        ],
    );
    let analysis = analyze(&text);
    assert!(!analysis.has_errors(), "{:#?}", analysis.problems);
    let got = problems_of(&text);
    use kaoping::project::Returns;
    assert_eq!(
        got,
        [
            (
                "returns[1].from".to_string(),
                ProblemKind::ReturnNotOwed {
                    from: "市民政局".into(),
                    step: "总结自查".into(),
                    owed: Some(Returns::Units)
                }
            ),
            (
                "returns[2].from".to_string(),
                ProblemKind::ReturnNotOwed {
                    from: "甲县".into(),
                    step: "责任单位评分".into(),
                    owed: Some(Returns::Departments)
                }
            ),
            (
                "returns[3].from".to_string(),
                ProblemKind::ReturnNotOwed {
                    from: "市人社局".into(),
                    step: "牵头单位汇总报送".into(),
                    owed: None
                }
            ),
        ]
    );
    for p in analysis
        .problems
        .iter()
        .filter(|p| p.path.to_string().starts_with("returns"))
    {
        assert_eq!(p.severity(), Severity::Warning);
        let zh = kaoping::i18n::problem_message(&p.kind, Lang::Zh);
        // Chinese prose names by name, never by id.
        assert!(!zh.contains("civil") && !zh.contains("units"), "{zh}");
    }
    let zh = kaoping::i18n::problem_message(&got[0].1, Lang::Zh);
    assert_eq!(
        zh,
        "「市民政局」在「总结自查」不需要报送：这一步由各县（区）报送"
    );
    // The status leaves them out: 民政局 is not a sender at the self-check.
    let s = status(&project(&text), date("2027-01-26"));
    assert!(s.steps[0].senders.iter().all(|s| s.id != "civil"));
    assert_eq!(s.steps[0].sent_count(), 1);
}

#[test]
fn the_same_file_twice_is_a_warning() {
    let text = edit(
        &project_text(),
        &[(
            "sha256 = \"dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd\"",
            "sha256 = \"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc\"",
        )],
    );
    let got = problems_of(&text);
    assert_eq!(
        got,
        [(
            "returns[3].sha256".to_string(),
            ProblemKind::ReturnTwice {
                file: "人社局考核表（补）.xlsx".into(),
                first: "人社局考核表.xlsx".into()
            }
        )]
    );
    assert_eq!(
        kaoping::i18n::problem_message(&got[0].1, Lang::Zh),
        "「人社局考核表（补）.xlsx」与前面记录的「人社局考核表.xlsx」是同一个文件（内容相同），记录了两次"
    );
}

// ---- the command line ---------------------------------------------------------------------

fn write_project(dir: &tempfile::TempDir, text: &str) -> String {
    let path = dir.path().join("p.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

#[test]
fn the_command_exits_0_whoever_is_late() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_project(&dir, &project_text());
    let out = common::run_kaoping(&["status", &file, "--on", "2027-01-26", "--lang", "zh"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("报送情况（截至 2027-01-26）\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  ✗ 市民政局    未报，逾期 1 天"),
        "{stdout}"
    );
    // The procedure's warning (20 Jan before 25 Jan) on standard error, not the pending
    // rows of the scores.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("procedure[2].due"), "{stderr}");
    assert!(!stderr.contains("scores."), "{stderr}");

    let out = common::run_kaoping(&["status", &file, "--on", "2027-01-26", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["format"], "kaoping-status/1");
    assert_eq!(json["steps"][0]["senders"][2]["days_late"], 16);

    // Without --on: today, whatever it is (the file is read, the table printed).
    let out = common::run_kaoping(&["status", &file, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(parse_date(json["on"].as_str().unwrap()).is_some());
}

#[test]
fn a_bad_day_is_a_usage_error_and_a_file_with_errors_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_project(&dir, &project_text());
    for bad in ["2027-13-01", "2027-02-29", "26/01/2027", "tomorrow"] {
        let out = common::run_kaoping(&["status", &file, "--on", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains(&format!("--on {bad}")), "{stderr}");
        assert!(out.stdout.is_empty());
    }
    let out = common::run_kaoping(&["status", &file, "--on", "2027-13-01", "--lang", "zh"]);
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("选项的值无效")
    );
    // A return for a step that does not exist: an error, exit 1, the path named.
    let broken = edit(
        &project_text(),
        &[(
            "step = \"self-check\"\ninto = \"selfcheck\"\nreceived = 2027-01-09",
            "step = \"nope\"\ninto = \"selfcheck\"\nreceived = 2027-01-09",
        )],
    );
    let file = write_project(&dir, &broken);
    let out = common::run_kaoping(&["status", &file, "--on", "2027-01-26"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("returns[0].step"), "{stderr}");
    assert!(out.stdout.is_empty());
    // No such file: exit 2.
    let missing = dir.path().join("missing.toml").display().to_string();
    assert_eq!(
        common::run_kaoping(&["status", &missing]).status.code(),
        Some(2)
    );
}

// ---- the terminal program -----------------------------------------------------------------

fn status_model(lang: Lang) -> (kaoping::tui::model::Model, tempfile::TempDir) {
    let (mut m, dir) = tui_model(&project_text(), "p.toml", lang);
    m.today = date("2027-01-26");
    (m, dir)
}

#[test]
fn the_returns_window_at_80x24_in_both_languages() {
    for (lang, name) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let (mut m, _dir) = status_model(lang);
        key(&mut m, KeyCode::Char('T'));
        let shown = screen(&mut m, 80, 24);
        // A late sender is marked by a symbol (the model has no colour).
        assert!(!m.color && shown.contains("✗ 市民政局"), "{shown}");
        insta::assert_snapshot!(format!("status_{name}_80x24"), shown);
    }
}

#[test]
fn the_demos_returns_window_scrolls_to_its_end_at_80x24() {
    // The demo: six units and twelve departments owe returns, more than a screen holds.
    for (lang, name) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
        let (mut m, _dir) = tui_model(kaoping::project::DEMO, "demo.toml", lang);
        m.today = date("2027-01-26");
        key(&mut m, KeyCode::Char('T'));
        let top = screen(&mut m, 80, 24);
        for _ in 0..3 {
            key(&mut m, KeyCode::PageDown);
        }
        let end = screen(&mut m, 80, 24);
        assert_ne!(top, end);
        insta::assert_snapshot!(format!("status_demo_{name}_80x24_end"), end);
    }
}

#[test]
fn the_returns_window_scrolls_and_closes() {
    use kaoping::tui::model::Overlay;
    let (mut m, _dir) = status_model(Lang::En);
    key(&mut m, KeyCode::Char('T'));
    assert!(matches!(m.ui.overlay, Some(Overlay::Status { scroll: 0 })));
    key(&mut m, KeyCode::Down);
    key(&mut m, KeyCode::Char('j'));
    assert!(matches!(m.ui.overlay, Some(Overlay::Status { scroll: 2 })));
    key(&mut m, KeyCode::Char('k'));
    key(&mut m, KeyCode::Up);
    assert!(matches!(m.ui.overlay, Some(Overlay::Status { scroll: 0 })));
    // Never past its last line.
    for _ in 0..100 {
        key(&mut m, KeyCode::PageDown);
    }
    let len = m.status_lines().1.len();
    assert!(matches!(m.ui.overlay, Some(Overlay::Status { scroll }) if scroll == len - 1));
    key(&mut m, KeyCode::Char('T'));
    assert!(m.ui.overlay.is_none());
    for close in [KeyCode::Char('T'), KeyCode::Char('q'), KeyCode::Esc] {
        key(&mut m, KeyCode::Char('T'));
        assert!(m.ui.overlay.is_some());
        key(&mut m, close);
        assert!(m.ui.overlay.is_none(), "{close:?}");
        assert!(!m.quit);
    }
    key(&mut m, KeyCode::Char('T'));
    common::key_mod(
        &mut m,
        KeyCode::Char('c'),
        crossterm::event::KeyModifiers::CONTROL,
    );
    assert!(m.ui.overlay.is_none() && !m.quit);
}

#[test]
fn the_help_lists_the_returns_window() {
    for (lang, said) in [
        (Lang::Zh, "报送情况（谁已报送、谁逾期）"),
        (Lang::En, "returns status (who has sent, who is late)"),
    ] {
        let (mut m, _dir) = status_model(lang);
        key(&mut m, KeyCode::Char('?'));
        // The help scrolls: look down its whole length.
        let mut seen = String::new();
        for _ in 0..20 {
            seen.push_str(&screen(&mut m, 80, 24));
            key(&mut m, KeyCode::PageDown);
        }
        let line = seen
            .lines()
            .find(|l| l.contains(said))
            .unwrap_or_else(|| panic!("{said} not in the help"));
        assert!(line.contains(" T "), "{line}");
    }
}

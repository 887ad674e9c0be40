//! Bad input, one test per error class of SPEC §4: `kaoping check` exits 1 (never panics)
//! and names the file, the line:column and the TOML path of the problem.

mod common;

use common::{WORKED, WORKED_FILE, run_kaoping};
use std::path::PathBuf;

struct Run {
    code: Option<i32>,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = run_kaoping(args);
    Run {
        code: out.status.code(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn temp_file(name: &str, contents: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    (dir, path)
}

/// Replaces `from` by `to` in the worked example, runs `check` and `rank` on it, and
/// asserts exit 1 with an error at the line of `to` naming `path` and saying `message`.
fn assert_error(from: &str, to: &str, path: &str, message: &str) {
    assert_error_at(from, to, to.lines().next().unwrap_or(to), path, message);
}

/// Like [`assert_error`], the error expected at the line where `at` stands after the edit.
fn assert_error_at(from: &str, to: &str, at: &str, path: &str, message: &str) {
    assert!(WORKED.contains(from), "fixture lacks {from:?}");
    let text = WORKED.replacen(from, to, 1);
    let edit = WORKED.find(from).unwrap();
    let at_byte = text[edit..]
        .find(at)
        .map(|i| i + edit)
        .or_else(|| text.find(at))
        .unwrap();
    let line = text[..at_byte].matches('\n').count() + 1;
    let (_dir, file) = temp_file("p.toml", text.as_bytes());
    let file = file.to_str().unwrap();
    for command in ["check", "rank"] {
        let r = run(&[command, file]);
        assert_eq!(r.code, Some(1), "{command}: {}", r.stderr);
        let wanted = format!("{file}:{line}:");
        let hit = r
            .stderr
            .lines()
            .find(|l| l.contains(": error: ") && l.contains(path) && l.contains(message))
            .unwrap_or_else(|| {
                panic!(
                    "{command}: no error naming {path} / {message}:\n{}",
                    r.stderr
                )
            });
        assert!(hit.starts_with(&wanted), "expected {wanted}…, got {hit}");
    }
}

#[test]
fn toml_syntax() {
    assert_error("survey = 5.5\n", "survey = = 5.5\n", "", "TOML syntax");
}

#[test]
fn unknown_keys_are_named_with_a_suggestion() {
    assert_error(
        "new-jobs = { target = 1000, actual = 1200 }",
        "new-jobs = { target = 1000, actaul = 1200 }",
        "scores.jia.indicators.new-jobs.actaul",
        "unknown key `actaul` (did you mean `actual`?)",
    );
    assert_error("title = ", "titel = ", "titel", "unknown key `titel`");
    assert_error_at(
        "[sections]",
        "[policy]\nbonus = 1\n[sections]",
        "bonus",
        "policy.bonus",
        "unknown key `bonus`",
    );
}

#[test]
fn duplicate_ids() {
    assert_error(
        "id = \"yi\"",
        "id = \"jia\"",
        "units[1].id",
        "duplicate id `jia`",
    );
    // Units and departments share one namespace: the second of the two is named.
    assert_error_at(
        "id = \"jia\"\nname = \"甲县\"",
        "id = \"civil\"\nname = \"甲县\"",
        "id = \"civil\"\nname = \"甲县\"",
        "units[0].id",
        "duplicate id `civil`",
    );
}

#[test]
fn references_to_ids_that_do_not_exist() {
    assert_error(
        "lead = \"civil\"",
        "lead = \"civl\"",
        "indicators[2].lead",
        "no department with id `civl`",
    );
    assert_error(
        "area = \"assistance\"",
        "area = \"assistence\"",
        "indicators[2].area",
        "no area with id `assistence`",
    );
    assert_error(
        "[scores.zone]",
        "[scores.zon]",
        "scores.zon",
        "no unit or department with id `zon`",
    );
    assert_error(
        "dibao = { status = \"incomplete\"",
        "dibao2 = { status = \"incomplete\"",
        "scores.zone.indicators.dibao2",
        "no indicator with id `dibao2`",
    );
    assert_error(
        "organization = [\"funding\"]",
        "organization = [\"fund\"]",
        "awards[1].organization[0]",
        "no organisation item with id `fund`",
    );
}

#[test]
fn values_that_are_not_decimals() {
    assert_error(
        "survey = 5.5\n",
        "survey = \"5,5\"\n",
        "scores.jia.survey",
        "`5,5` is not a valid decimal",
    );
    assert_error(
        "survey = 5.5\n",
        "survey = 5e0\n",
        "scores.jia.survey",
        "exponent",
    );
    assert_error(
        "survey = 5.5\n",
        "survey = nan\n",
        "scores.jia.survey",
        "nan and inf",
    );
    assert_error(
        "survey = 5.5\n",
        "survey = inf\n",
        "scores.jia.survey",
        "nan and inf",
    );
    assert_error(
        "actual = 1200 }",
        "actual = 1200.0000000000000000000000001 }",
        "scores.jia.indicators.new-jobs.actual",
        "more than 28 significant digits",
    );
    assert_error(
        "survey = 5.5\n",
        "survey = true\n",
        "scores.jia.survey",
        "expected a number",
    );
}

#[test]
fn target_must_be_positive_and_actual_not_negative() {
    assert_error(
        "{ target = 1000, actual = 1200 }",
        "{ target = 0, actual = 1200 }",
        "scores.jia.indicators.new-jobs.target",
        "the target must be above 0",
    );
    assert_error(
        "{ target = 1000, actual = 1200 }",
        "{ target = 1000, actual = -1 }",
        "scores.jia.indicators.new-jobs.actual",
        "cannot be negative",
    );
}

#[test]
fn organisation_items_and_survey_within_their_maxima() {
    assert_error(
        "leadership = 2, funding = 3.5 }",
        "leadership = 2.5, funding = 3.5 }",
        "scores.jia.organization.leadership",
        "2.5 is outside [0, 2]",
    );
    assert_error(
        "survey = 5.5\n",
        "survey = 6.01\n",
        "scores.jia.survey",
        "6.01 is outside [0, 6]",
    );
    assert_error(
        "survey = 5.5\n",
        "survey = -1\n",
        "scores.jia.survey",
        "-1 is outside [0, 6]",
    );
    assert_error(
        "leadership = 2, funding = 3.5 }",
        "leadership = 2, funding = 3.5, travel = 1 }",
        "scores.jia.organization.travel",
        "no organisation item with id `travel`",
    );
}

#[test]
fn deduction_within_the_cap() {
    // Cap = 60% × 4 = 2.4.
    assert_error(
        "deduction = 0.8 }",
        "deduction = 2.41 }",
        "scores.zone.indicators.dibao.deduction",
        "deduction 2.41 is outside [0, 2.40]",
    );
    assert_error(
        "deduction = 0.8 }",
        "deduction = -0.1 }",
        "scores.zone.indicators.dibao.deduction",
        "outside",
    );
}

#[test]
fn preparation_rows() {
    // No pilot list: every unit is scored on completion, so `prep` is refused.
    assert_error(
        "training = { target = 50, actual = 50 }",
        "training = { prep = 1 }",
        "scores.zone.indicators.training.prep",
        "scored on completion",
    );
    // With a pilot list: pilots may not have prep; others may not exceed the base.
    let piloted =
        "measure = \"人次\"\nlead = \"hrss\"\nresponsible = [\"hrss\"]\npilot = [\"jia\"]";
    let text = WORKED.replacen(
        "measure = \"人次\"\nlead = \"hrss\"\nresponsible = [\"hrss\"]",
        piloted,
        1,
    );
    let text = text
        .replacen(
            "training = { target = 150, actual = 150 }",
            "training = { prep = 1.5 }",
            1,
        )
        .replacen(
            "training = { target = 100, actual = 104 }",
            "training = { prep = 2.5 }",
            1,
        )
        .replacen(
            "training = { target = 50, actual = 50 }",
            "training = { prep = 2 }",
            1,
        )
        .replacen(
            "training = { target = 200, actual = 230 }",
            "training = { prep = 1 }",
            1,
        );
    let (_dir, file) = temp_file("p.toml", text.as_bytes());
    let r = run(&["check", file.to_str().unwrap()]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.contains("scores.jia.indicators.training.prep")
            && r.stderr.contains("scored on completion"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("scores.bing.indicators.training.prep")
            && r.stderr.contains("2.5 is outside [0, 2]"),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("scores.yi."), "{}", r.stderr);
    // A completion row for a non-pilot is refused too.
    let text = text.replacen(
        "training = { prep = 1.5 }",
        "training = { target = 1, actual = 1 }",
        1,
    );
    let (_dir, file) = temp_file("p.toml", text.as_bytes());
    let r = run(&["check", file.to_str().unwrap()]);
    assert!(
        r.stderr.contains("scores.yi.indicators.training") && r.stderr.contains("not a pilot"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_row_that_mixes_kinds() {
    assert_error(
        "dibao = { status = \"complete\" }",
        "dibao = { status = \"complete\", actual = 3 }",
        "scores.jia.indicators.dibao",
        "a row is one kind",
    );
    assert_error(
        "deduction = 0.8 }",
        "deduction = 0.8, prep = 1 }",
        "scores.zone.indicators.dibao",
        "a row is one kind",
    );
}

#[test]
fn a_row_for_an_indicator_that_does_not_apply() {
    let limited = "name = \"创业培训\"\nunits = [\"jia\", \"yi\", \"bing\"]";
    assert_error_at(
        "name = \"创业培训\"",
        limited,
        "training = { target = 50",
        "scores.zone.indicators.training",
        "does not apply to 经济开发区",
    );
}

#[test]
fn missing_keys_wrong_types_bad_ids_and_bad_choices() {
    assert_error(
        "[[units]]\nid = \"jia\"\nname = \"甲县\"",
        "[[units]]\nid = \"jia\"",
        "units[0]",
        "missing key `name`",
    );
    assert_error_at(
        "base = 4\nbonus = true",
        "base = 4\nbonus = \"yes\"",
        "bonus",
        "indicators[0].bonus",
        "expected true or false",
    );
    assert_error(
        "id = \"jia\"\nname = \"甲县\"",
        "id = \"Jia\"\nname = \"甲县\"",
        "units[0].id",
        "`Jia` is not a valid id",
    );
    assert_error(
        "kind = \"zone\"",
        "kind = \"district\"",
        "units[3].kind",
        "`district` is not one of `county`, `zone`",
    );
    assert_error(
        "level = \"municipal\"",
        "level = \"county\"",
        "scores.yi.penalties[0].level",
        "`county` is not one of",
    );
    assert_error(
        "count = 1\nareas",
        "count = 1.5\nareas",
        "awards[0].count",
        "should be a whole number",
    );
    assert_error_at(
        "[sections]\ntotal = 100",
        "[sections]\ntotal = -100",
        "total",
        "sections.total",
        "cannot be negative",
    );
}

#[test]
fn policy_values_out_of_range() {
    let policy = |line: &str| format!("[policy]\n{line}\n[sections]");
    assert_error_at(
        "[sections]",
        &policy("shortfall_step = 0"),
        "shortfall_step",
        "policy.shortfall_step",
        "0 is outside (0, 1]",
    );
    assert_error_at(
        "[sections]",
        &policy("deduction_cap = 1.5"),
        "deduction_cap",
        "policy.deduction_cap",
        "1.5 is outside [0, 1]",
    );
    assert_error_at(
        "[sections]",
        &policy("shortfall_mode = \"rounded\""),
        "shortfall_mode",
        "policy.shortfall_mode",
        "`rounded` is not one of",
    );
}

#[test]
fn other_formats_and_versions() {
    assert_error(
        "format = \"kaoping/1\"",
        "format = \"kaoping/2\"",
        "format",
        "newer than this kaoping reads",
    );
    assert_error(
        "format = \"kaoping/1\"",
        "format = \"other\"",
        "format",
        "unknown format",
    );
}

#[test]
fn a_file_that_is_not_utf8() {
    let mut bytes = WORKED.as_bytes().to_vec();
    let at = WORKED.find("示例").unwrap();
    bytes[at] = 0xff;
    let (_dir, file) = temp_file("p.toml", &bytes);
    let r = run(&["check", file.to_str().unwrap()]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.contains(":3:10: error:") && r.stderr.contains("not UTF-8"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_missing_file_is_an_io_error_and_usage_errors_exit_2() {
    let r = run(&["check", "/nonexistent/p.toml"]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("/nonexistent/p.toml"), "{}", r.stderr);
    assert_eq!(run(&["rank"]).code, Some(2));
    assert_eq!(run(&["rank", "x.toml", "--format", "pdf"]).code, Some(2));
}

#[test]
fn check_is_clean_on_the_worked_example_and_names_its_warnings() {
    let out = run_kaoping(&["check", WORKED_FILE]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .contains("warning: sections.task: the areas add up to 10, not the task section's 88"),
        "{stderr}"
    );
    // The two vetoed units that win a single-item award (SPEC §4): the zone the
    // employment award (it failed 低保, not employment), 丙县 the funding award.
    assert!(
        stderr.contains("warning: awards[0]: 经济开发区 is vetoed (城乡低保应保尽保 not completed) yet wins the single-item award 「就业和创业工作先进县」"),
        "{stderr}"
    );
    assert!(
        stderr.contains("warning: awards[1]: 丙县 is vetoed"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 error(s), 4 warning(s)"));
}

#[test]
fn messages_in_chinese() {
    let text = WORKED.replacen(
        "{ target = 1000, actual = 1200 }",
        "{ target = 0, actual = 1200 }",
        1,
    );
    let (_dir, file) = temp_file("p.toml", text.as_bytes());
    let r = run(&["check", file.to_str().unwrap(), "--lang", "zh"]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr
            .contains("错误: scores.jia.indicators.new-jobs.target: 目标值必须大于 0"),
        "{}",
        r.stderr
    );
}

#[test]
fn blank_and_shared_names_are_warned_and_a_shared_name_finds_nobody() {
    // 乙县 renamed 甲县: two units of one name; 丙县's name blank.
    let text = WORKED
        .replacen("name = \"乙县\"", "name = \"甲县\"", 1)
        .replacen("name = \"丙县\"", "name = \"  \"", 1);
    let (_dir, path) = temp_file("p.toml", text.as_bytes());
    let file = path.to_str().unwrap();
    let r = run(&["check", file, "--lang", "en"]);
    assert_eq!(r.code, Some(0), "warnings only: {}", r.stderr);
    let line_of = |needle: &str| text.lines().position(|l| l == needle).unwrap() + 1;
    assert!(
        r.stderr.contains(&format!(
            "p.toml:{}:8: warning: units[1].name: the name 「甲县」 is also `jia`'s",
            line_of("name = \"甲县\"") + 5
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("warning: units[2].name: the name is empty"),
        "{}",
        r.stderr
    );
    // A command given the shared name refuses, naming both ids; the id still works.
    let r = run(&["explain", file, "甲县", "--lang", "en"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr
            .contains("more than one unit is named 「甲县」: `jia`, `yi`; give the id"),
        "{}",
        r.stderr
    );
    assert_eq!(run(&["explain", file, "yi"]).code, Some(0));
}

#[test]
fn a_pilot_that_is_not_scored_on_the_indicator_is_warned() {
    let from = "measure = \"人次\"\n";
    let to =
        "measure = \"人次\"\nunits = [\"jia\", \"yi\", \"bing\"]\npilot = [\"jia\", \"zone\"]\n";
    let text = WORKED.replacen(from, to, 1);
    let (_dir, path) = temp_file("p.toml", text.as_bytes());
    let r = run(&["check", path.to_str().unwrap(), "--lang", "en"]);
    let line = text.lines().position(|l| l.starts_with("pilot")).unwrap() + 1;
    assert!(
        r.stderr.contains(&format!(
            "p.toml:{line}:9: warning: indicators[1].pilot: `zone` is a pilot but not among the indicator's units"
        )),
        "{}",
        r.stderr
    );
    assert_eq!(
        r.stderr.matches("is a pilot but").count(),
        1,
        "{}",
        r.stderr
    );
}

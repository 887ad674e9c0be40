//! The loader reads two trees (issue #13): toml_edit's document, which a writable session
//! keeps to save through it, and the `toml` crate's borrowed `DeTable`, the read-only
//! path. For the same text both must give the same project and the same problems (kind,
//! TOML path, byte offset, in the same order), and find the same place for any path.
//!
//! A syntax error: the read-only path reads such a text through toml_edit, so the
//! problem is the same one, with its position.

mod common;

use common::WORKED;
use kaoping::project::problem::{Problem, ProblemKind};
use kaoping::project::{self, DEMO, LoadOutcome, Locate, TEMPLATE, TomlPath};
use proptest::prelude::*;

/// Loads `text` through the edit document.
fn through_document(text: &str) -> LoadOutcome {
    match project::parse(text) {
        Ok(doc) => project::load_document(&doc),
        Err(problem) => LoadOutcome {
            project: None,
            problems: vec![problem],
        },
    }
}

fn summary(problems: &[Problem]) -> Vec<(ProblemKind, String, Option<usize>)> {
    problems
        .iter()
        .map(|p| (p.kind.clone(), p.path.to_string(), p.at))
        .collect()
}

/// Both paths agree on `text`; returns the outcome. `light`: the read-only path must
/// have used the light tree (not fallen back to toml_edit's).
fn agree(text: &str, light: bool) -> LoadOutcome {
    let document = through_document(text);
    let read_only = project::parse_read_only(text);
    let outcome = match &read_only {
        Ok(tree) => {
            assert_eq!(tree.is_light(), light, "light tree for:\n{text}");
            tree.load()
        }
        Err(problem) => LoadOutcome {
            project: None,
            problems: vec![problem.clone()],
        },
    };
    assert_eq!(
        summary(&outcome.problems),
        summary(&document.problems),
        "problems differ for:\n{text}"
    );
    assert_eq!(outcome.project, document.project, "projects differ");
    // The same place for every path the checks name, and for some that do not exist.
    if let (Ok(tree), Ok(doc)) = (&read_only, project::parse(text)) {
        let mut paths: Vec<TomlPath> = document.problems.iter().map(|p| p.path.clone()).collect();
        if let Some(p) = &document.project {
            paths.extend(kaoping::check::check(p).into_iter().map(|p| p.path));
        }
        for path in [
            "format",
            "scores.jia.indicators.new-jobs.actual",
            "scores.jia.penalties[0].note",
            "indicators[2].responsible[0]",
            "indicators[99].name",
            "units[1]",
            "policy.nope.deeper",
            "format.deeper",
        ] {
            paths.push(TomlPath::parse(path).unwrap());
        }
        for path in paths {
            assert_eq!(tree.locate(&path), doc.locate(&path), "locate {path}");
        }
    }
    outcome
}

#[test]
fn shipped_files_read_the_same() {
    for text in [DEMO, TEMPLATE, WORKED] {
        let outcome = agree(text, true);
        assert!(outcome.project.is_some());
    }
}

#[test]
fn fixtures_read_the_same() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            agree(&text, true);
        }
    }
}

/// Variants of the worked example, each with something wrong (or odd) in it.
const CHANGES: &[(&str, &str)] = &[
    // exact decimals from the literal
    ("survey = 5.5", "survey = 10000000000000000.01"),
    ("survey = 5.5", "survey = 5.500"),
    ("survey = 5.5", "survey = 1_000.5"),
    ("survey = 5.5", "survey = 5e-1"),
    ("survey = 5.5", "survey = \"5.25\""),
    ("survey = 5.5", "survey = \"five\""),
    ("survey = 5.5", "survey = nan"),
    ("survey = 5.5", "survey = inf"),
    ("survey = 5.5", "survey = 0x1F"),
    ("survey = 5.5", "survey = 1e300"),
    ("survey = 5.5", "survey = true"),
    ("survey = 5.5", "survey = [1, 2]"),
    ("survey = 5.5", "survey = { a = 1 }"),
    ("survey = 5.5", "survey = 2027-01-10"),
    // unknown and misspelt keys
    ("survey = 5.5", "survy = 5.5"),
    ("title =", "titel ="),
    ("max = 3.5", "max = 3.5\nmaks = 1"),
    (
        "new-jobs = { target = 1000, actual = 1200 }",
        "new-jobs = { target = 1000, actaul = 1200 }",
    ),
    (
        "new-jobs = { target = 1000, actual = 1200 }",
        "new-jobs = { target = 1000, status = \"complete\" }",
    ),
    (
        "new-jobs = { target = 1000, actual = 1200 }",
        "new-jobs = 5",
    ),
    (
        "new-jobs = { target = 1000, actual = 1200 }",
        "NEW JOBS = { target = 1 }",
    ),
    (
        "dibao = { status = \"complete\" }",
        "dibao = { status = \"done\" }",
    ),
    (
        "dibao = { status = \"complete\" }",
        "dibao = { status = \"complete\", deduction = 1 }",
    ),
    ("dibao = { status = \"complete\" }", "dibao = { }"),
    (
        "dibao = { status = \"complete\" }",
        "[scores.jia.indicators.dibao]\nstatus = \"complete\"",
    ),
    // wrong types
    ("title = \"示例：三县一区\"", "title = 3"),
    ("format = \"kaoping/1\"", "format = \"kaoping/2\""),
    ("format = \"kaoping/1\"", "format = \"other\""),
    ("format = \"kaoping/1\"\n", ""),
    ("kind = \"county\"", "kind = \"village\""),
    ("kind = \"county\"", "kind = [\"county\"]"),
    ("responsible = [\"hrss\"]", "responsible = \"hrss\""),
    (
        "responsible = [\"hrss\"]",
        "responsible = [\"hrss\", 3, { a = 1 }, \"Bad Id\"]",
    ),
    (
        "responsible = [\"hrss\"]",
        "[[indicators.responsible]]\nx = 1",
    ),
    ("bonus = true", "bonus = \"yes\""),
    ("base = 4", "base = -4"),
    ("base = 4", "base = 10000000000"),
    ("base = 4", "base = \"\""),
    ("count = 1", "count = 1.5"),
    ("count = 1", "count = -3"),
    ("count = 1", "count = { n = 1 }"),
    ("count = 1", "count = [1,\n  2] # two"),
    ("[sections]", "[sectionz]"),
    ("[sections]", "sections = 3\n[other]"),
    ("[[units]]\nid = \"jia\"", "[[units]]\nid = \"Jia Xian\""),
    ("[[units]]\nid = \"jia\"", "[units.x]\nid = \"jia\""),
    (
        "[[areas]]\nid = \"employment\"",
        "areas = [ 1, { id = \"employment\"\n",
    ),
    (
        "[[areas]]\nid = \"employment\"\nname = \"就业和创业\"\nmax = 6\n",
        "areas = [ 1, { id = \"x\", name = \"y\", max = 1 }, \"s\" ]\n",
    ),
    (
        "penalties = [ { level = \"municipal\"",
        "penalties = [ { level = \"county\"",
    ),
    (
        "penalties = [ { level = \"municipal\"",
        "penalties = [ { points = 1, level = \"municipal\"",
    ),
    (
        "penalties = [ { level = \"municipal\", note = \"市政府通报：培训台账不全\" } ]",
        "penalties = 1",
    ),
    (
        "organization = { leadership = 2, funding = 3.5 }",
        "organization = { leadership = 2, Funding = 3.5, x = \"a\" }",
    ),
    (
        "organization = { leadership = 2, funding = 3.5 }",
        "organization.leadership = 2\norganization.funding = 3.5",
    ),
    ("[scores.jia]", "[scores.\"bad id\"]"),
    ("[scores.jia]", "[scores]\njia = 4\n[scores.other]"),
    // syntax errors
    ("survey = 5.5", "survey = 5.5.5"),
    ("survey = 5.5", "survey = "),
    ("survey = 5.5", "survey = 99999999999999999999"),
    ("survey = 5.5", "survey = 1e400"),
    ("survey = 5.5", "survey = 5.5\nsurvey = 6"),
    ("[sections]", "[sections"),
    ("[sections]", "[sections]\n[sections]"),
    ("title = \"示例：三县一区\"", "title = \"unterminated"),
    (
        "new-jobs = { target = 1000, actual = 1200 }",
        "new-jobs = { target = 1000, target = 1 }",
    ),
    ("format = \"kaoping/1\"", "format = 2027-13-45"),
];

fn is_syntax(outcome: &LoadOutcome) -> bool {
    matches!(
        outcome.problems.as_slice(),
        [Problem {
            kind: ProblemKind::Syntax { .. },
            at: Some(_),
            ..
        }]
    )
}

#[test]
fn broken_variants_read_the_same() {
    for (from, to) in CHANGES {
        assert!(WORKED.contains(from), "{from}");
        let text = WORKED.replacen(from, to, 1);
        // Numbers toml_edit refuses and texts the light parser refuses take toml_edit's path.
        let parses = toml::de::DeTable::parse(&text).is_ok();
        let outcome = through_document(&text);
        let light = parses && !is_syntax(&outcome);
        let outcome = agree(&text, light);
        if !light {
            assert!(is_syntax(&outcome), "{to}: {:?}", outcome.problems);
        }
    }
}

#[test]
fn exact_decimals_from_the_literal() {
    let text = WORKED.replacen("survey = 5.5", "survey = 10000000000000000.01", 1);
    let project = project::load(&text).project.unwrap();
    assert_eq!(
        project.scores["jia"].survey.unwrap().to_string(),
        "10000000000000000.01"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any slice of the worked example with a few bytes replaced: the same problems.
    #[test]
    fn mangled_texts_read_the_same(
        cut in 0usize..WORKED.len(),
        replace in prop::sample::select(vec![
            "", "=", "[", "]", "{", "}", "\"", "1.5", "x", "\n", ",", ".", "a.b = 1\n",
            "{ a.b = 1 }", "[x]\n", "[[x]]\n", "'s'", "1e5", "0x10", "2027-01-01", "[1, [2]]",
        ]),
        len in 0usize..4,
    ) {
        let mut cut = cut;
        while !WORKED.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut end = (cut + len).min(WORKED.len());
        while !WORKED.is_char_boundary(end) {
            end += 1;
        }
        let text = format!("{}{}{}", &WORKED[..cut], replace, &WORKED[end..]);
        let document = through_document(&text);
        let read_only = project::load(&text);
        prop_assert_eq!(summary(&read_only.problems), summary(&document.problems));
        prop_assert_eq!(read_only.project, document.project);
    }
}

/// A table first made implicitly by a longer header (`[selfcheck.yi.indicators]`) and
/// then written (`[selfcheck.yi]`) keeps the place of its first mention, as in
/// toml_edit's document (the order of units in a sheet is the file's).
#[test]
fn tables_keep_the_place_of_their_first_mention() {
    let text = format!(
        "{WORKED}\n[selfcheck.yi.indicators]\nnew-jobs = {{ target = 800, actual = 1 }}\n\
         [selfcheck.jia]\nsurvey = 5\n[selfcheck.yi]\nsurvey = 4\n"
    );
    let outcome = agree(&text, true);
    let document = through_document(&text);
    let order = |o: &LoadOutcome| -> Vec<String> {
        let p = o.project.as_ref().unwrap();
        p.selfcheck.keys().chain(p.scores.keys()).cloned().collect()
    };
    assert_eq!(order(&outcome), order(&document));
}

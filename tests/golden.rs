//! The worked example of `shared/examples/worked.md`, computed by hand, through the real
//! binary: `kaoping rank worked.toml --format json` must give the expected fields exactly
//! (decimals compared numerically, `failed` and `awards` as sets).

mod common;

use common::run_kaoping as kaoping;
use rust_decimal::Decimal;
use serde_json::Value;
use std::collections::BTreeSet;

fn fixture(name: &str) -> String {
    common::fixture(name).display().to_string()
}

/// Compares `actual` against every field of `expected` (a subset): strings that are
/// decimals numerically, arrays named `failed`/`awards`/`winners` as sets.
fn assert_subset(expected: &Value, actual: &Value, path: &str) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                let sub = a.get(k).unwrap_or_else(|| panic!("{path}.{k} missing"));
                assert_subset(v, sub, &format!("{path}.{k}"));
            }
        }
        (Value::Array(e), Value::Array(a))
            if ["failed", "awards", "winners"]
                .iter()
                .any(|k| path.ends_with(k))
                && e.iter().chain(a).all(Value::is_string) =>
        {
            let e: BTreeSet<String> = e.iter().map(|v| v.to_string()).collect();
            let a: BTreeSet<String> = a.iter().map(|v| v.to_string()).collect();
            assert_eq!(e, a, "{path}");
        }
        (Value::Array(e), Value::Array(a)) => {
            assert_eq!(e.len(), a.len(), "{path}: length");
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                assert_subset(ev, av, &format!("{path}[{i}]"));
            }
        }
        (Value::String(e), Value::String(a)) => {
            match (e.parse::<Decimal>(), a.parse::<Decimal>()) {
                (Ok(ed), Ok(ad)) => assert_eq!(ed, ad, "{path}"),
                _ => assert_eq!(e, a, "{path}"),
            }
        }
        _ => assert_eq!(expected, actual, "{path}"),
    }
}

#[test]
fn worked_example_gives_the_expected_json() {
    let out = kaoping(&["rank", &fixture("worked.toml"), "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let actual: Value = serde_json::from_slice(&out.stdout).expect("rank prints JSON");
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("worked.expected.json")).unwrap())
            .unwrap();
    assert_subset(&expected, &actual, "");
    // The fields the SPEC adds beyond the expected subset.
    assert_eq!(actual["format"], "kaoping-rank/1");
    assert_eq!(actual["units"][0]["name"], "甲县");
    assert_eq!(actual["units"][3]["kind"], "zone");
    // Decimals are strings with exactly the project's two places.
    assert_eq!(actual["units"][1]["penalty"], "1.00");
}

#[test]
fn the_fixture_is_the_shared_worked_example() {
    // Guard against the copy drifting from shared/examples when both are present.
    let shared = format!(
        "{}/../shared/examples/worked.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    if let Ok(original) = std::fs::read_to_string(shared) {
        assert_eq!(
            original,
            std::fs::read_to_string(fixture("worked.toml")).unwrap()
        );
    }
}

#[test]
fn worked_example_table_lines_up_chinese_names() {
    let out = kaoping(&["rank", &fixture("worked.toml"), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    // Every ranked row has its total in the same display column.
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.contains("21.80") || l.contains("20.20") || l.contains("19.70") || l.contains("18.80")
        })
        .collect();
    assert_eq!(rows.len(), 4, "{text}");
    let column = |line: &str, needle: &str| {
        let byte = line.find(needle).unwrap();
        unicode_width::UnicodeWidthStr::width(&line[..byte])
    };
    let cols: BTreeSet<usize> = rows
        .iter()
        .zip(["21.80", "20.20", "19.70", "18.80"])
        .map(|(l, t)| column(l, t))
        .collect();
    assert_eq!(cols.len(), 1, "totals not aligned:\n{text}");
}

#[test]
fn rank_formats_csv_and_markdown() {
    let out = kaoping(&["rank", &fixture("worked.toml"), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[0][2], "jia");
    assert_eq!(&rows[3][10], "18.80");
    assert_eq!(&rows[3][12], "dibao");
    let out = kaoping(&[
        "rank",
        &fixture("worked.toml"),
        "--format",
        "markdown",
        "--lang",
        "zh",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("| 1 | 甲县 | 5.50 | 5.50 | 10.80 | 0.00 | 21.80 | ★ 综合先进 |"),
        "{text}"
    );
}

#[test]
fn lang_goes_before_or_after_the_subcommand() {
    let file = fixture("worked.toml");
    let before = kaoping(&["--lang", "zh", "explain", &file, "甲县"]);
    let after = kaoping(&["explain", &file, "甲县", "--lang", "zh"]);
    assert_eq!(before.status.code(), Some(0), "{before:?}");
    assert_eq!(before.stdout, after.stdout);
    assert!(String::from_utf8_lossy(&before.stdout).contains("总分 21.80"));
    // The terminal program's options do not go with a subcommand.
    let mixed = kaoping(&["--read-only", "rank", &file]);
    assert_eq!(mixed.status.code(), Some(2));
}

#[test]
fn rank_lists_the_advanced_individuals() {
    // The worked example has no nominees: each county 4 places, the zone 2, and the two
    // departments of the matrix the default 2 — in the file's order, units first.
    let out = kaoping(&["rank", &fixture("worked.toml"), "--format", "json"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotas: Vec<(String, u64, usize)> = json["individuals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_string(),
                i["quota"].as_u64().unwrap(),
                i["nominees"].as_array().unwrap().len(),
            )
        })
        .collect();
    let expected: Vec<(String, u64, usize)> = [
        ("jia", 4),
        ("yi", 4),
        ("bing", 4),
        ("zone", 2),
        ("hrss", 2),
        ("civil", 2),
    ]
    .iter()
    .map(|(id, q)| (id.to_string(), *q, 0))
    .collect();
    assert_eq!(quotas, expected);

    // The demo: 北岭县 nominates 3 of its 4, 市人社局 its own quota of 3.
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.toml");
    std::fs::write(&demo, kaoping::project::DEMO).unwrap();
    let demo = demo.display().to_string();
    let out = kaoping(&["rank", &demo, "--format", "json"]);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let of = |id: &str| {
        json["individuals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(of("yi")["quota"], 4);
    assert_eq!(
        of("yi")["nominees"],
        serde_json::json!(["陈静", "杨帆", "赵磊"])
    );
    assert_eq!(of("hrss")["quota"], 3);
    assert_eq!(of("zone")["nominees"].as_array().unwrap().len(), 3);
    let warnings = json["warnings"].as_array().unwrap();
    assert!(
        warnings.iter().any(|w| w
            .as_str()
            .unwrap()
            .contains("北岭县 has 4 places for advanced individuals but nominates 3")),
        "{warnings:?}"
    );
    // And the table: the heading, and 北岭县's row with its note.
    let out = kaoping(&["rank", &demo, "--lang", "zh"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\n先进个人\n"), "{text}");
    let yi = text
        .lines()
        .find(|l| l.contains("北岭县") && l.contains("陈静"))
        .unwrap();
    assert!(yi.contains("少 1 人"), "{yi}");
}

#[test]
fn rank_on_the_demo_meets_the_issue() {
    // No vetoed unit wins the award of the work it failed, nobody is both comprehensive
    // advanced and last, departments earn no bonus.
    let (p, b) = common::scored(kaoping::project::DEMO);
    for (award, result) in p.awards.iter().zip(&b.awards) {
        for id in &result.winners {
            let u = b.find(id).unwrap();
            assert!(
                !u.failed
                    .iter()
                    .any(|f| award.selects(p.indicator(f).unwrap())),
                "{id} wins {} though it failed its work",
                award.id
            );
        }
    }
    assert!(b.units.iter().all(|u| !(u.comprehensive && u.last_place)));
    for d in &b.departments {
        for item in &d.items {
            if let kaoping::scoring::Outcome::Completed { bonus, .. } = item.outcome {
                assert!(bonus.is_zero(), "{} {}", d.id, item.indicator);
            }
        }
    }
    assert!(!b.individuals.is_empty());
}

#[test]
fn check_on_the_template_shows_the_regulations_inconsistencies_and_nothing_else() {
    let a = kaoping::check::analyze(kaoping::project::TEMPLATE);
    assert!(!a.has_errors(), "{:#?}", a.problems);
    let kinds: Vec<String> = a
        .problems
        .iter()
        .filter(|p| {
            !matches!(
                p.kind,
                kaoping::project::problem::ProblemKind::Pending { .. }
            )
        })
        .map(|p| p.path.to_string())
        .collect();
    // 组织实施 6 against its items' 7; the areas' 110 against 任务完成's 88; the sections'
    // 100 against the total 200; the lead units due (20 January) before the responsible
    // departments (25 January). Besides these, only the counties' empty sheets (pending).
    assert_eq!(
        kinds,
        [
            "sections.organization",
            "sections.task",
            "sections.total",
            "procedure[2].due"
        ]
    );
    let template = kaoping::project::load(kaoping::project::TEMPLATE)
        .project
        .unwrap();
    // 资金安排 applies to counties and the zone and is led by 市财政; 市人保 has 3 places.
    let funding = template.org_item("funding").unwrap();
    assert_eq!(funding.lead.as_deref(), Some("finance"));
    assert!(!funding.applies(kaoping::project::UnitKind::Department));
    assert_eq!(template.department("hrss").unwrap().quota, Some(3));
    // Every lead is responsible too, so the department that leads is assessed on it.
    for i in &template.indicators {
        if let Some(lead) = &i.lead {
            assert!(
                i.assesses(lead),
                "{}: {lead} leads but is not responsible",
                i.id
            );
        }
    }
    assert_eq!(template.indicators.len(), 31);
    assert!(kaoping::project::TEMPLATE.contains("example"));
}

/// `explain` and `whatif` of a department that is not scored (no sheet, no indicator it
/// is responsible for) say so, instead of printing nothing.
#[test]
fn explain_and_whatif_of_an_unscored_department_say_it_is_not_assessed() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.toml");
    std::fs::write(&demo, ::kaoping::project::DEMO).unwrap();
    for command in ["explain", "whatif"] {
        let out = kaoping(&[
            command,
            demo.to_str().unwrap(),
            "construction",
            "--lang",
            "zh",
        ]);
        assert!(out.status.success(), "{command}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            text,
            "市住建局不参加考核排名：没有哪个考核指标由它负责，也没有它的评分表\n先进个人名额 2 个，已推荐 0 人\n",
            "{command}"
        );
    }
}

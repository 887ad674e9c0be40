//! The returns' round trip, through the binary as an office runs it: `kaoping sheets`
//! writes the request workbooks, a department fills its cells, `kaoping import` takes the
//! workbook back, and the project holds exactly the figures the workbook held.

mod common;

use common::run_kaoping;
use kaoping::edit::{Edit, apply_to_document};
use kaoping::project::{DEMO, Project, Row, SheetKind, load};
use std::path::Path;

fn project_at(path: &Path) -> Project {
    load(&std::fs::read_to_string(path).unwrap())
        .project
        .expect("loads")
}

/// The indicators 市人社局 is responsible for.
fn hrss_indicators(p: &Project) -> Vec<String> {
    p.indicators
        .iter()
        .filter(|i| i.responsible.iter().any(|d| d == "hrss"))
        .map(|i| i.id.clone())
        .collect()
}

/// The demo with every county's and the zone's rows of those indicators removed, in
/// `kind`'s sheets (what the office holds before 市人社局's return arrives).
fn without_rows(text: &str, kind: SheetKind, indicators: &[String]) -> String {
    let p = load(text).project.unwrap();
    let mut doc: toml_edit::DocumentMut = text.parse().unwrap();
    for unit in &p.units {
        for ind in indicators {
            let edit = Edit::SetRow {
                unit: unit.id.clone(),
                indicator: ind.clone(),
                row: None,
            };
            apply_to_document(&mut doc, &edit.in_sheets(kind));
        }
    }
    doc.to_string()
}

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_departments_workbook_comes_back_as_the_figures_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.toml");
    std::fs::write(&demo, DEMO).unwrap();
    let out = dir.path().join("out");
    ok(&run_kaoping(&[
        "sheets",
        demo.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "zh",
    ]));
    let workbook = out.join("市人社局考核表.xlsx");
    assert!(workbook.exists());

    // The office's file before the return: 市人社局's rows not there yet.
    let full = load(DEMO).project.unwrap();
    let indicators = hrss_indicators(&full);
    assert!(indicators.len() >= 5, "{indicators:?}");
    let blank = dir.path().join("blank.toml");
    std::fs::write(&blank, without_rows(DEMO, SheetKind::Scores, &indicators)).unwrap();
    let before = project_at(&blank);
    assert!(before.units.iter().all(|u| {
        before
            .scores
            .get(&u.id)
            .is_none_or(|s| indicators.iter().all(|i| !s.indicators.contains_key(i)))
    }));

    let said = ok(&run_kaoping(&[
        "import",
        blank.to_str().unwrap(),
        workbook.to_str().unwrap(),
        "--lang",
        "zh",
    ]));
    assert!(said.contains("市人社局考核表.xlsx"), "{said}");
    let after = project_at(&blank);
    // Every row of those indicators is back, exactly as the demo holds it, for every
    // county and the zone; nothing else changed.
    for unit in &full.units {
        for ind in &indicators {
            assert_eq!(
                after
                    .scores
                    .get(&unit.id)
                    .and_then(|s| s.indicators.get(ind)),
                full.scores
                    .get(&unit.id)
                    .and_then(|s| s.indicators.get(ind)),
                "{} {ind}",
                unit.id
            );
        }
    }
    let mut expected = full.clone();
    expected.returns = after.returns.clone();
    assert_eq!(after.scores.len(), expected.scores.len());
    for (id, sheet) in &expected.scores {
        let got = &after.scores[id];
        assert_eq!(got.survey, sheet.survey, "{id}");
        assert_eq!(got.organization, sheet.organization, "{id}");
        assert_eq!(got.penalties, sheet.penalties, "{id}");
        let mut want: Vec<(&String, &Row)> = sheet.indicators.iter().collect();
        let mut have: Vec<(&String, &Row)> = got.indicators.iter().collect();
        want.sort_by_key(|(k, _)| k.as_str());
        have.sort_by_key(|(k, _)| k.as_str());
        assert_eq!(have, want, "{id}");
    }
    assert_eq!(after.returns.len(), full.returns.len() + 1);
    let entry = after.returns.last().unwrap();
    assert_eq!(
        (entry.from.as_str(), entry.step.as_str(), entry.into),
        ("hrss", "assessment", SheetKind::Scores)
    );
    assert_eq!(
        entry.sha256,
        kaoping::returns::sha256_hex(&std::fs::read(&workbook).unwrap())
    );

    // Twice: nothing changes, and it says so.
    let text = std::fs::read(&blank).unwrap();
    let again = ok(&run_kaoping(&[
        "import",
        blank.to_str().unwrap(),
        workbook.to_str().unwrap(),
        "--lang",
        "en",
    ]));
    assert!(again.to_lowercase().contains("already"), "{again}");
    assert_eq!(std::fs::read(&blank).unwrap(), text);
}

#[test]
fn a_units_self_check_workbook_comes_back_into_its_selfcheck_sheet() {
    let dir = tempfile::tempdir().unwrap();
    // A project whose self-check of 东城县 (if any) is written into the workbook …
    let mut source = load(DEMO).project.unwrap();
    let id = source.units[0].id.clone();
    let sheet = source.scores[&id].clone();
    source.selfcheck.insert(id.clone(), sheet.clone());
    let filled = dir.path().join("filled.toml");
    std::fs::write(&filled, kaoping::project::to_toml(&source)).unwrap();
    let out = dir.path().join("out");
    ok(&run_kaoping(&[
        "sheets",
        filled.to_str().unwrap(),
        "--for",
        "units",
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]));
    let name = format!("{} self-check.xlsx", source.units[0].name);
    let workbook = out.join(&name);
    assert!(workbook.exists(), "{name}");
    // … and taken into a project without it.
    let mut empty = source.clone();
    empty.selfcheck.clear();
    let target = dir.path().join("target.toml");
    std::fs::write(&target, kaoping::project::to_toml(&empty)).unwrap();
    ok(&run_kaoping(&[
        "import",
        target.to_str().unwrap(),
        workbook.to_str().unwrap(),
    ]));
    let after = project_at(&target);
    let got = &after.selfcheck[&id];
    assert_eq!(got.survey, sheet.survey);
    assert_eq!(got.organization, sheet.organization);
    assert_eq!(got.penalties, sheet.penalties);
    for (ind, row) in &sheet.indicators {
        assert_eq!(got.indicators.get(ind), Some(row), "{ind}");
    }
    assert_eq!(
        after.scores, empty.scores,
        "the assessed sheets are untouched"
    );
    assert_eq!(after.returns[0].into, SheetKind::Selfcheck);
}

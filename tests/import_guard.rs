//! What a filled return must not do, found by attacking `kaoping import` as a hurried
//! evaluator and a careless sender would: write another sender's figures, go into the
//! other kind of sheets, take a percentage as a fraction, drop a value it cannot hold,
//! or count an unfilled request sheet as sent. Each is refused at its cell (or said),
//! and the project file stays byte for byte as it was.

mod common;

use common::run_kaoping;
use kaoping::i18n::Lang;
use kaoping::project::{DEMO, Project, Row, load};
use kaoping::returns::{Recipients, request_workbooks};
use rust_decimal::Decimal;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

fn demo() -> Project {
    load(DEMO).project.unwrap()
}

/// The request workbook made for `from`.
fn workbook_for(p: &Project, who: Recipients, from: &str) -> Vec<u8> {
    request_workbooks(p, who, Lang::Zh)
        .unwrap()
        .into_iter()
        .find(|w| w.from == from)
        .unwrap()
        .bytes
}

/// The workbook with cells of its `sheet`-th worksheet (1-based) set: a number, or text
/// (an inline string), or nothing (`""`).
fn with_cells(bytes: &[u8], sheet: usize, cells: &[(&str, &str)]) -> Vec<u8> {
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let target = format!("xl/worksheets/sheet{sheet}.xml");
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == target {
            let mut xml = String::from_utf8(data).unwrap();
            for (at, value) in cells {
                xml = set_cell(&xml, at, value);
            }
            data = xml.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The sheet XML with the cell `at` holding `value` (its style kept).
fn set_cell(xml: &str, at: &str, value: &str) -> String {
    let open = format!("<c r=\"{at}\"");
    let start = xml.find(&open).unwrap_or_else(|| panic!("no cell {at}"));
    let rest = &xml[start..];
    let head_end = rest.find('>').unwrap();
    let self_closing = rest[..head_end].ends_with('/');
    let end = if self_closing {
        head_end + 1
    } else {
        rest.find("</c>").unwrap() + 4
    };
    let style = rest[..head_end]
        .split(' ')
        .find(|a| a.starts_with("s=\""))
        .map(|s| format!(" {}", s.trim_end_matches('/')))
        .unwrap_or_default();
    let cell = if value.is_empty() {
        format!("<c r=\"{at}\"{style}/>")
    } else if value.parse::<f64>().is_ok() {
        format!("<c r=\"{at}\"{style}><v>{value}</v></c>")
    } else {
        format!("<c r=\"{at}\"{style} t=\"inlineStr\"><is><t>{value}</t></is></c>")
    };
    format!("{}{cell}{}", &xml[..start], &rest[end..])
}

struct Setup {
    _dir: tempfile::TempDir,
    project: PathBuf,
    before: Vec<u8>,
}

fn setup(text: &str) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("demo.toml");
    std::fs::write(&project, text).unwrap();
    let before = std::fs::read(&project).unwrap();
    Setup {
        _dir: dir,
        project,
        before,
    }
}

impl Setup {
    fn import(&self, name: &str, bytes: &[u8], args: &[&str]) -> (i32, String, String) {
        let ret = self.project.with_file_name(name);
        std::fs::write(&ret, bytes).unwrap();
        let mut all = vec![
            "import",
            self.project.to_str().unwrap(),
            ret.to_str().unwrap(),
            "--lang",
            "zh",
        ];
        all.extend_from_slice(args);
        let out = run_kaoping(&all);
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn unchanged(&self) -> bool {
        std::fs::read(&self.project).unwrap() == self.before
    }

    fn project(&self) -> Project {
        load(&std::fs::read_to_string(&self.project).unwrap())
            .project
            .unwrap()
    }
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn a_department_cannot_set_an_indicator_it_is_not_responsible_for() {
    let s = setup(DEMO);
    // 市人社局's sheet 新增就业, row 5 (东城县): the hidden item id turned into 城市低保's
    // (市民政局's), with a status and a deduction that would veto 东城县.
    let bytes = with_cells(
        &workbook_for(&demo(), Recipients::Departments, "hrss"),
        1,
        &[
            ("B5", "urban-dibao"),
            ("E5", ""),
            ("F5", ""),
            ("G5", "未完成"),
            ("H5", "2"),
        ],
    );
    let (code, _, err) = s.import("人社局考核表.xlsx", &bytes, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("人社局考核表.xlsx!新增就业!B5：市人社局报来的表不能填写东城县的“城市居民最低生活保障应保尽保”"),
        "{err}"
    );
    assert!(s.unchanged());
}

#[test]
fn a_units_self_check_holds_its_own_rows_only() {
    let s = setup(DEMO);
    let p = demo();
    let bytes = workbook_for(&p, Recipients::Units, "jia");
    // Row 10 of 东城县's self-check: its hidden unit id turned into 北岭县's.
    let bytes = with_cells(&bytes, 1, &[("A10", "yi")]);
    let (code, _, err) = s.import("东城县自查表.xlsx", &bytes, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("!A10：东城县报来的表不能填写北岭县的"),
        "{err}"
    );
    assert!(s.unchanged());
}

#[test]
fn into_and_from_cannot_contradict_the_workbook() {
    let s = setup(DEMO);
    let p = demo();
    let unit = with_cells(&workbook_for(&p, Recipients::Units, "yi"), 1, &[]);
    let (code, _, err) = s.import("北岭县自查表.xlsx", &unit, &["--into", "scores"]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("这份工作簿是为自查制作的，不能记入考评得分"),
        "{err}"
    );
    let dept = workbook_for(&p, Recipients::Departments, "hrss");
    let (code, _, err) = s.import("人社局考核表.xlsx", &dept, &["--into", "selfcheck"]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = s.import("人社局考核表.xlsx", &dept, &["--from", "东城县"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("是发给 市人社局 的，不是 东城县 的"), "{err}");
    assert!(s.unchanged());
}

#[test]
fn a_percentage_stored_as_a_fraction_is_refused_at_its_cell() {
    let s = setup(DEMO);
    let p = demo();
    let bytes = workbook_for(&p, Recipients::Departments, "hrss");
    // The fourth sheet is 城镇登记失业率 (measured in %, target 4.6): 3.9% typed into a
    // cell the spreadsheet formats as a percentage is the number 0.039.
    let rate = p
        .indicators
        .iter()
        .filter(|i| i.assesses("hrss"))
        .position(|i| i.id == "unemployment-rate")
        .unwrap()
        + 1;
    let bytes = with_cells(&bytes, rate, &[("F5", "0.039")]);
    let (code, _, err) = s.import("人社局考核表.xlsx", &bytes, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("F5：0.039 像是表格把 3.9% 存成了小数"),
        "{err}"
    );
    assert!(s.unchanged());
    // Typed as 3.9, it goes in.
    let bytes = with_cells(
        &workbook_for(&p, Recipients::Departments, "hrss"),
        rate,
        &[("F5", "3.9")],
    );
    let (code, _, err) = s.import("人社局考核表2.xlsx", &bytes, &[]);
    assert_eq!(code, 0, "{err}");
    match s.project().scores["jia"]
        .indicators
        .get("unemployment-rate")
    {
        Some(Row::Quantitative { actual, .. }) => assert_eq!(*actual, Some(Decimal::new(39, 1))),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_value_typed_into_a_grey_cell_is_named_there() {
    let s = setup(DEMO);
    let bytes = workbook_for(&demo(), Recipients::Departments, "hrss");
    // 新增就业 is quantitative: a status, a deduction or a score on its row are strays.
    for (cell, value) in [("G5", "已完成"), ("H5", "1"), ("I5", "3")] {
        let (code, _, err) = s.import(
            &format!("r-{cell}.xlsx"),
            &with_cells(&bytes, 1, &[(cell, value)]),
            &[],
        );
        assert_eq!(code, 1, "{err}");
        assert!(
            err.contains(&format!("!新增就业!{cell}：")),
            "{cell}: {err}"
        );
        assert!(!err.contains("!E5"), "{cell}: {err}");
    }
    assert!(s.unchanged());
}

#[test]
fn a_completed_row_with_a_deduction_and_a_negative_penalty_are_refused_at_their_cells() {
    let s = setup(DEMO);
    let p = demo();
    let civil = workbook_for(&p, Recipients::Departments, "civil");
    // 城市低保 (the first of 市民政局's sheets) is complete for 东城县: a deduction too.
    let (code, out, err) = s.import(
        "民政局考核表.xlsx",
        &with_cells(&civil, 1, &[("G5", "已完成"), ("H5", "1")]),
        &["--dry-run"],
    );
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("!H5：已完成的指标不填扣分"), "{err}");
    // A negative penalty's points on 东城县's self-check: the last penalty row.
    let unit = workbook_for(&p, Recipients::Units, "jia");
    let xml_rows = {
        let mut zin = zip::ZipArchive::new(std::io::Cursor::new(unit.clone())).unwrap();
        let mut xml = String::new();
        zin.by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml.matches("<row ").count()
    };
    let last = format!("I{xml_rows}");
    let (code, _, err) = s.import(
        "东城县自查表.xlsx",
        &with_cells(&unit, 1, &[(&last, "-3")]),
        &[],
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(&format!("!{last}")), "{err}");
    assert!(s.unchanged());
}

#[test]
fn an_unfilled_or_unchanged_sheet_is_not_counted_as_sent_unless_asked() {
    // A self-check request with nothing in it: refused as unfilled.
    let mut p = demo();
    p.selfcheck.clear();
    let text = kaoping::project::to_toml(&p);
    let s = setup(&text);
    let blank = workbook_for(&p, Recipients::Units, "wu");
    let (code, _, err) = s.import("青阳县自查表.xlsx", &blank, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("没有填写任何值"), "{err}");
    assert!(s.unchanged());

    // A department's request as it went out (pre-filled with the project's values):
    // said, not recorded, unless --unchanged.
    let dept = workbook_for(&p, Recipients::Departments, "hrss");
    let (code, out, _) = s.import("人社局考核表.xlsx", &dept, &[]);
    assert_eq!(code, 0);
    assert!(out.contains("未记为已收到"), "{out}");
    assert!(s.unchanged());
    let (code, out, err) = s.import("人社局考核表.xlsx", &dept, &["--unchanged"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("只记下已收到"), "{out}");
    let after = s.project();
    assert_eq!(after.returns.len(), p.returns.len() + 1);
    assert_eq!(after.returns.last().unwrap().rows, 0);
    let _ = path(&s.project);
}

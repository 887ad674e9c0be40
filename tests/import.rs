//! `kaoping import`: returns taken in from workbooks made to the layout contract of
//! `src/returns/mod.rs` (written here with rust_xlsxwriter, as `kaoping sheets` does)
//! and from CSV files; every bad input refused at its cell with nothing written.

mod common;

use common::{edit, run_kaoping};
use kaoping::project::{DEMO, Project, SheetKind};
use kaoping::returns::{
    COLUMNS, PROP_FINGERPRINT, PROP_FROM, PROP_INTO, PROP_STEP, PROP_YEAR, fingerprint,
};
use rust_xlsxwriter::{DocProperties, Workbook, Worksheet};
use std::path::{Path, PathBuf};

/// What a workbook says of itself.
struct Props {
    fingerprint: Option<String>,
    title: String,
    year: String,
    from: &'static str,
    step: &'static str,
    into: &'static str,
}

fn demo() -> Project {
    kaoping::project::load(DEMO).project.unwrap()
}

/// The properties `kaoping sheets` writes for 市人社局's assessment of the demo.
fn demo_props() -> Option<Props> {
    let p = demo();
    Some(Props {
        fingerprint: Some(fingerprint(&p)),
        title: p.title.clone(),
        year: "2027".into(),
        from: "hrss",
        step: "assessment",
        into: "scores",
    })
}

/// A cell as the test writes it: "" nothing, `'text` text (a number stored as text),
/// something that parses as a number a number cell, anything else text.
fn put(ws: &mut Worksheet, row: u32, col: u16, cell: &str) {
    if cell.is_empty() {
        return;
    }
    if let Some(text) = cell.strip_prefix('\'') {
        ws.write_string(row, col, text).unwrap();
    } else if let Ok(n) = cell.parse::<f64>() {
        ws.write_number(row, col, n).unwrap();
    } else {
        ws.write_string(row, col, cell).unwrap();
    }
}

/// A workbook: one sheet `sheet` with `header` (the contract's Chinese titles and the
/// id keys when `None`), the rows (cells from A), the properties, and a last touch.
fn workbook_with(
    sheet: &str,
    header: Option<&[&str]>,
    rows: &[Vec<&str>],
    props: Option<Props>,
    touch: impl Fn(&mut Worksheet),
) -> Vec<u8> {
    let mut book = Workbook::new();
    if let Some(p) = props {
        let mut dp = DocProperties::new().set_title(&p.title);
        if let Some(f) = &p.fingerprint {
            dp = dp.set_custom_property(PROP_FINGERPRINT, f.as_str());
        }
        dp = dp
            .set_custom_property(PROP_FROM, p.from)
            .set_custom_property(PROP_STEP, p.step)
            .set_custom_property(PROP_INTO, p.into)
            .set_custom_property(PROP_YEAR, p.year.as_str());
        book.set_properties(&dp);
    }
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    let titles: Vec<&str> = match header {
        Some(h) => h.to_vec(),
        None => COLUMNS.iter().map(|c| c.title(true)).collect(),
    };
    for (col, title) in titles.iter().enumerate() {
        ws.write_string(0, col as u16, *title).unwrap();
    }
    if header.is_none() {
        ws.set_column_hidden(0).unwrap();
        ws.set_column_hidden(1).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            put(ws, r as u32 + 1, c as u16, cell);
        }
    }
    touch(ws);
    book.save_to_buffer().unwrap()
}

/// A workbook of 市人社局 for the demo with the contract's columns and properties.
fn workbook(rows: &[Vec<&str>]) -> Vec<u8> {
    workbook_with("城镇新增就业", None, rows, demo_props(), |_| {})
}

/// A row of the contract: unit id, item id, unit, item, target, actual (G–J empty).
fn row<'a>(unit: &'a str, name: &'a str, target: &'a str, actual: &'a str) -> Vec<&'a str> {
    vec![unit, "new-jobs", name, "城镇新增就业人数", target, actual]
}

/// The demo in a folder, and a return beside it.
fn setup(ret_name: &str, ret: &[u8]) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("demo.toml");
    std::fs::write(&project, DEMO).unwrap();
    let ret_path = dir.path().join(ret_name);
    std::fs::write(&ret_path, ret).unwrap();
    (dir, project, ret_path)
}

fn import(project: &Path, ret: &Path, more: &[&str]) -> (i32, String, String) {
    let mut args = vec!["import", project.to_str().unwrap(), ret.to_str().unwrap()];
    args.extend_from_slice(more);
    let out = run_kaoping(&args);
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn load(path: &Path) -> Project {
    let text = std::fs::read_to_string(path).unwrap();
    let a = kaoping::check::analyze(&text);
    assert!(!a.has_errors(), "{:#?}", a.problems);
    a.project.unwrap()
}

/// A refused import: exit 1, the project byte for byte as it was, no backup made.
fn refused(project: &Path, ret: &Path, more: &[&str]) -> String {
    let before = std::fs::read(project).unwrap();
    let (code, _, err) = import(project, ret, more);
    assert_eq!(code, 1, "{err}");
    assert_eq!(std::fs::read(project).unwrap(), before);
    let names: Vec<_> = std::fs::read_dir(project.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("demo"))
        .collect();
    assert_eq!(names, ["demo.toml"], "nothing beside the project");
    err
}

#[test]
fn a_return_changes_exactly_its_values_and_is_recorded() {
    let ret = workbook(&[
        // Only the actual: the target stays 6000.
        row("jia", "东城县", "", "6800"),
        // Both, the target as it was.
        row("yi", "北岭县", "5000", "5100"),
        // As the project holds it: no change.
        row("bing", "南湖县", "", ""),
    ]);
    let (_dir, project, ret_path) = setup("人社局考核表.xlsx", &ret);
    let (code, out, err) = import(&project, &ret_path, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("2 values for 2 units from 人社局考核表.xlsx, into the assessed scores"),
        "{out}"
    );
    let expected_text = edit(
        DEMO,
        &[
            (
                "new-jobs          = { target = 6000, actual = 6720 }",
                "new-jobs          = { target = 6000, actual = 6800 }",
            ),
            (
                "new-jobs          = { target = 5000, actual = 4750 }",
                "new-jobs          = { target = 5000, actual = 5100 }",
            ),
        ],
    );
    let expected = kaoping::project::load(&expected_text).project.unwrap();
    let mut got = load(&project);
    assert_eq!(got.returns.len(), expected.returns.len() + 1);
    let entry = got.returns.pop().unwrap();
    assert_eq!(got, expected);
    assert_eq!(entry.file, "人社局考核表.xlsx");
    assert_eq!(entry.sha256, kaoping::returns::sha256_hex(&ret));
    assert_eq!(
        (entry.from.as_str(), entry.step.as_str()),
        ("hrss", "assessment")
    );
    assert_eq!((entry.into, entry.rows), (SheetKind::Scores, 2));
    assert_eq!(entry.received, kaoping::ops::today_date());
    // 北岭县 leaves the veto: 5100 of 5000.
    assert!(out.contains("北岭县"), "{out}");
    // The backup is the file as it was.
    let bak = project.with_file_name("demo.toml.bak");
    assert_eq!(std::fs::read_to_string(bak).unwrap(), DEMO);
}

#[test]
fn one_bad_cell_is_named_and_nothing_is_written() {
    let ret = workbook(&[
        row("jia", "东城县", "", "6800"),
        row("yi", "北岭县", "", "'1,2OO"),
        // A value the checks refuse, at its cell with their words.
        row("bing", "南湖县", "", "-5"),
    ]);
    let (_dir, project, ret_path) = setup("人社局考核表.xlsx", &ret);
    let err = refused(&project, &ret_path, &["--lang", "zh"]);
    assert!(
        err.contains("人社局考核表.xlsx!城镇新增就业!F3：实际完成值 “1,2OO” 不是数"),
        "{err}"
    );
    assert!(err.contains("人社局考核表.xlsx!城镇新增就业!F4"), "{err}");
    assert!(err.contains("未写入任何值"), "{err}");
    // In English too, every error at once.
    let err = refused(&project, &ret_path, &[]);
    assert!(
        err.contains("人社局考核表.xlsx!城镇新增就业!F3: Actual “1,2OO” is not a number"),
        "{err}"
    );
}

#[test]
fn a_check_error_is_said_at_its_cell_once_the_numbers_read() {
    let ret = workbook(&[row("bing", "南湖县", "", "-5")]);
    let (_dir, project, ret_path) = setup("r.xlsx", &ret);
    let err = refused(&project, &ret_path, &[]);
    let line = err.lines().find(|l| l.contains("r.xlsx!")).unwrap();
    assert!(line.starts_with("r.xlsx!城镇新增就业!F2: "), "{err}");
    assert!(line.contains("-5"), "{err}");
}

#[test]
fn the_same_file_twice_changes_nothing_and_says_so() {
    let ret = workbook(&[row("jia", "东城县", "", "6800")]);
    let (_dir, project, ret_path) = setup("人社局考核表.xlsx", &ret);
    assert_eq!(import(&project, &ret_path, &[]).0, 0);
    let once = std::fs::read(&project).unwrap();
    let (code, out, err) = import(&project, &ret_path, &[]);
    assert_eq!(code, 0, "{err}");
    let today = kaoping::ops::today_date().to_string();
    assert!(
        out.contains(&format!(
            "人社局考核表.xlsx was already taken in on {today}; nothing was changed"
        )),
        "{out}"
    );
    assert_eq!(std::fs::read(&project).unwrap(), once);
}

#[test]
fn a_dry_run_prints_the_change_and_writes_nothing() {
    let ret = workbook(&[row("yi", "北岭县", "", "5100")]);
    let (_dir, project, ret_path) = setup("r.xlsx", &ret);
    let (code, out, err) = import(&project, &ret_path, &["--dry-run"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&project).unwrap(), DEMO);
    assert!(!project.with_file_name("demo.toml.bak").exists());
    assert!(out.contains("4750 → 5100"), "{out}");
    assert!(out.contains("1 value for 1 unit from r.xlsx"), "{out}");
    assert!(
        out.contains("preview (--dry-run): nothing written"),
        "{out}"
    );
}

#[test]
fn a_workbook_of_another_project_or_year_is_refused() {
    let mut props = demo_props().unwrap();
    props.fingerprint = Some("0123456789abcdef".into());
    props.title = "2025年度民生工程目标管理考评".into();
    props.year = "2026".into();
    let ret = workbook_with(
        "城镇新增就业",
        None,
        &[row("jia", "东城县", "", "6800")],
        Some(props),
        |_| {},
    );
    let (_dir, project, ret_path) = setup("去年.xlsx", &ret);
    let err = refused(&project, &ret_path, &[]);
    assert!(
        err.contains("去年.xlsx: this workbook was made for “2025年度民生工程目标管理考评” (procedure dated 2026), not for this project “2026年度民生工程目标管理考评” (procedure dated 2027)"),
        "{err}"
    );
}

const HAND: &[&str] = &["单位", "项目", "目标值", "实际完成值"];

#[test]
fn a_sheet_typed_by_hand_is_matched_by_names_with_suggestions() {
    let ret = workbook_with(
        "Sheet1",
        Some(HAND),
        &[
            vec!["东城县", "城镇新增就业人数", "", "6800"],
            vec!["东城县", "新增就业", "", "6800"],
            vec!["东城县", "群众满意度", "", ""],
        ],
        None,
        |_| {},
    );
    // Twice the same row (by its name and its short name): refused, both named.
    let (_dir, project, ret_path) = setup("东城县.xlsx", &ret);
    let err = refused(&project, &ret_path, &[]);
    assert!(
        err.contains("东城县.xlsx!Sheet1!B3: the same unit and item as B2"),
        "{err}"
    );

    let ret = workbook_with(
        "Sheet1",
        Some(HAND),
        &[vec!["东城县", "城镇新增就业人数", "", "6800"]],
        None,
        |_| {},
    );
    let (_dir, project, ret_path) = setup("东城县.xlsx", &ret);
    let (code, out, err) = import(&project, &ret_path, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 value for 1 unit"), "{out}");
    let p = load(&project);
    assert_eq!(p.returns[0].from, "jia");
    assert_eq!(p.returns[0].step, "self-check");

    let ret = workbook_with(
        "Sheet1",
        Some(HAND),
        &[vec!["东成县", "城镇新增就业人", "", "6800"]],
        None,
        |_| {},
    );
    let (_dir, project, ret_path) = setup("东城县.xlsx", &ret);
    let err = refused(&project, &ret_path, &["--lang", "zh"]);
    assert!(
        err.contains("东城县.xlsx!Sheet1!A2：本项目没有单位“东成县”，是否指 东城县？"),
        "{err}"
    );
    assert!(
        err.contains(
            "东城县.xlsx!Sheet1!B2：本项目没有项目“城镇新增就业人”，是否指 城镇新增就业人数"
        ),
        "{err}"
    );
}

#[test]
fn a_gbk_csv_is_read_and_said_so() {
    let text = "单位,项目,目标值,实际完成值\r\n东城县,城镇新增就业人数,,\"6,800\"\r\n";
    let (bytes, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    assert!(std::str::from_utf8(&bytes).is_err());
    let (_dir, project, ret_path) = setup("东城县.csv", &bytes);
    let (code, out, err) = import(&project, &ret_path, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("东城县.csv: not UTF-8; read as GBK"), "{err}");
    assert!(out.contains("6720 → 6800"), "{out}");
    // And UTF-8 with a byte-order mark, by keys.
    let text = "\u{feff}unit,item,actual\n东城县,城镇新增就业人数,6900\n";
    let (_dir, project, ret_path) = setup("u.csv", text.as_bytes());
    let (code, out, err) = import(&project, &ret_path, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(out.contains("6720 → 6900"), "{out}");
}

#[test]
fn a_csv_neither_utf8_nor_gbk_is_refused() {
    let (_dir, project, ret_path) = setup("x.csv", b"unit,item,actual\n\xff\xfe,\x80,1\n");
    let err = refused(&project, &ret_path, &[]);
    assert!(
        err.contains("x.csv: neither UTF-8 nor GBK text; not read"),
        "{err}"
    );
}

#[test]
fn a_merged_value_cell_is_refused_naming_the_range() {
    let ret = workbook_with(
        "城镇新增就业",
        None,
        &[row("jia", "东城县", "", ""), row("yi", "北岭县", "", "")],
        demo_props(),
        |ws| {
            ws.merge_range(1, 5, 2, 5, "6800", &rust_xlsxwriter::Format::new())
                .unwrap();
        },
    );
    let (_dir, project, ret_path) = setup("r.xlsx", &ret);
    let err = refused(&project, &ret_path, &[]);
    assert!(
        err.contains("r.xlsx!城镇新增就业!F2: the value cells F2:F3 are merged"),
        "{err}"
    );
}

#[test]
fn a_merged_unit_name_is_read_on_every_row() {
    let ret = workbook_with(
        "Sheet1",
        Some(HAND),
        &[
            vec!["", "城镇新增就业人数", "", "6800"],
            vec!["", "下岗失业人员再就业人数", "", "2400"],
        ],
        None,
        |ws| {
            ws.merge_range(1, 0, 2, 0, "东城县", &rust_xlsxwriter::Format::new())
                .unwrap();
        },
    );
    let (_dir, project, ret_path) = setup("r.xlsx", &ret);
    let (code, out, err) = import(&project, &ret_path, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 values for 1 unit"), "{out}");
}

#[test]
fn an_extra_column_is_ignored_with_a_note_and_blank_rows_are_skipped() {
    let mut header: Vec<&str> = COLUMNS.iter().map(|c| c.title(true)).collect();
    header.push("联系人");
    let ret = workbook_with(
        "城镇新增就业",
        Some(&header),
        &[
            {
                let mut r = row("jia", "东城县", "", "6800");
                r.extend(["", "", "", "", "张三"]);
                r
            },
            vec![],
            vec!["", "", "", "", "", "", "", "", "", "（空行）"],
            row("yi", "北岭县", "", "5100"),
        ],
        demo_props(),
        |_| {},
    );
    let (_dir, project, ret_path) = setup("r.xlsx", &ret);
    let (code, out, err) = import(&project, &ret_path, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            "r.xlsx!城镇新增就业!K1: the column “联系人” is not one of the return's; ignored"
        ),
        "{err}"
    );
    assert!(out.contains("2 values for 2 units"), "{out}");
}

#[test]
fn a_missing_column_is_named_with_its_sheet() {
    let ret = workbook_with(
        "Sheet1",
        Some(&["单位", "目标值", "实际完成值"]),
        &[vec!["东城县", "", "6800"]],
        None,
        |_| {},
    );
    let (_dir, project, ret_path) = setup("r.xlsx", &ret);
    let err = refused(&project, &ret_path, &["--lang", "zh"]);
    assert!(err.contains("r.xlsx!Sheet1：标题行缺少列：项目"), "{err}");
}

#[test]
fn numbers_stored_as_text_are_read_like_a_paste() {
    let ret = workbook(&[
        row("jia", "东城县", "'6,000", "'６，８００"),
        row("yi", "北岭县", "", "'5 100"),
    ]);
    let (_dir, project, ret_path) = setup("r.xlsx", &ret);
    let (code, out, err) = import(&project, &ret_path, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("6720 → 6800") && out.contains("4750 → 5100"),
        "{out}"
    );
    // A percent only on a rate.
    let ret = workbook(&[row("jia", "东城县", "", "'95%")]);
    let (_dir, project, ret_path) = setup("r.xlsx", &ret);
    let err = refused(&project, &ret_path, &[]);
    assert!(
        err.contains("F2: Actual “95%” has a %, but this is not a rate"),
        "{err}"
    );
}

#[test]
fn a_date_where_a_number_should_be_is_refused() {
    let ret = workbook_with(
        "城镇新增就业",
        None,
        &[row("jia", "东城县", "", "")],
        demo_props(),
        |ws| {
            let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2027, 1, 10).unwrap();
            let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
            ws.write_datetime_with_format(1, 5, &date, &format).unwrap();
        },
    );
    let (_dir, project, ret_path) = setup("r.xlsx", &ret);
    let err = refused(&project, &ret_path, &["--lang", "zh"]);
    assert!(
        err.contains("r.xlsx!城镇新增就业!F2：实际完成值 “2027-01-10” 是日期，不是数"),
        "{err}"
    );
}

#[test]
fn a_formula_is_read_as_its_cached_value_and_refused_without_one() {
    let ret = workbook_with(
        "城镇新增就业",
        None,
        &[row("jia", "东城县", "", "")],
        demo_props(),
        |ws| {
            ws.write_formula(1, 5, "=6000+800").unwrap();
            ws.set_formula_result(1, 5, "6800");
        },
    );
    let (_dir, project, ret_path) = setup("r.xlsx", &ret);
    let (code, out, err) = import(&project, &ret_path, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("6720 → 6800"), "{out}");

    let ret = workbook_with(
        "城镇新增就业",
        None,
        &[row("jia", "东城县", "", "")],
        demo_props(),
        |ws| {
            ws.set_formula_result_default("");
            ws.write_formula(1, 5, "=6000+800").unwrap();
        },
    );
    let (_dir, project, ret_path) = setup("r.xlsx", &ret);
    let err = refused(&project, &ret_path, &[]);
    assert!(
        err.contains("r.xlsx!城镇新增就业!F2: the formula =6000+800 was saved without its value"),
        "{err}"
    );
}

#[test]
fn a_corrupt_or_encrypted_workbook_is_refused_naming_the_file() {
    // A zip, but of no workbook.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("garbage.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut zip, b"not a workbook").unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let (_dir, project, ret_path) = setup("坏.xlsx", &bytes);
    let err = refused(&project, &ret_path, &[]);
    assert!(
        err.contains("坏.xlsx: not a readable xlsx workbook (damaged?)"),
        "{err}"
    );
    // Not even a zip.
    let (_dir, project, ret_path) = setup("坏.xlsx", b"PK\x03\x04 truncated");
    let err = refused(&project, &ret_path, &[]);
    assert!(
        err.contains("坏.xlsx: not a readable xlsx workbook"),
        "{err}"
    );
    // A Compound File: what Excel makes of a workbook with a password.
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(4096, 0);
    let (_dir, project, ret_path) = setup("加密.xlsx", &cfb);
    let err = refused(&project, &ret_path, &["--lang", "zh"]);
    assert!(
        err.contains("加密.xlsx：工作簿设有打开密码（已加密）"),
        "{err}"
    );
}

#[test]
fn into_selfcheck_writes_the_self_check_sheet() {
    let ret = workbook_with(
        "Sheet1",
        Some(HAND),
        &[vec!["东城县", "城镇新增就业人数", "6000", "6500"]],
        None,
        |_| {},
    );
    let (_dir, project, ret_path) = setup("东城县自查.xlsx", &ret);
    let (code, out, err) = import(&project, &ret_path, &["--into", "selfcheck"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("into the self-check"), "{out}");
    let text = std::fs::read_to_string(&project).unwrap();
    assert!(text.contains("[selfcheck.jia"), "{text}");
    let p = load(&project);
    let row = &p.selfcheck["jia"].indicators["new-jobs"];
    assert_eq!(
        *row,
        kaoping::project::Row::Quantitative {
            target: Some(6000.into()),
            actual: Some(6500.into()),
        }
    );
    // The assessed sheet is as it was.
    assert_eq!(p.scores, demo().scores);
    assert_eq!(p.returns[0].into, SheetKind::Selfcheck);
}

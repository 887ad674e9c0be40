//! `kaoping sheets` (SPEC §7): the request workbooks, read back with calamine and opened
//! as the zip archives they are, written by the binary and by the terminal program's `W`.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use common::{key, run_kaoping, status, tui_model};
use crossterm::event::KeyCode;
use kaoping::i18n::Lang;
use kaoping::project::{DEMO, Project, RowKind};
use kaoping::returns::{
    Column, PROP_FINGERPRINT, PROP_FROM, PROP_INTO, PROP_STEP, Recipients, RequestWorkbook,
    fingerprint, request_workbooks,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use std::io::{Cursor, Read};

fn demo() -> Project {
    kaoping::project::load(DEMO)
        .project
        .expect("the demo loads")
}

/// The demo with a self-check that says what the assessed sheets say.
fn demo_with_selfcheck() -> Project {
    let mut p = demo();
    p.selfcheck = p.scores.clone();
    p
}

/// A worksheet as a grid of its cells, from A1.
struct Sheet {
    name: String,
    cells: Vec<Vec<Data>>,
}

impl Sheet {
    fn at(&self, row: usize, col: Column) -> &Data {
        static EMPTY: Data = Data::Empty;
        let c = col.letter() as usize - 'A' as usize;
        self.cells.get(row).and_then(|r| r.get(c)).unwrap_or(&EMPTY)
    }

    fn text(&self, row: usize, col: Column) -> String {
        match self.at(row, col) {
            Data::String(s) => s.clone(),
            Data::Empty => String::new(),
            other => panic!("{}: not text at row {row}: {other:?}", self.name),
        }
    }

    fn number(&self, row: usize, col: Column) -> Option<f64> {
        match self.at(row, col) {
            Data::Float(f) => Some(*f),
            Data::Int(i) => Some(*i as f64),
            Data::Empty => None,
            other => panic!("{}: not a number at row {row}: {other:?}", self.name),
        }
    }

    /// The header row: the one whose A and B cells are the keys.
    fn header(&self) -> usize {
        (0..self.cells.len())
            .find(|&r| {
                self.text(r, Column::UnitId) == "unit_id"
                    && self.text(r, Column::ItemId) == "item_id"
            })
            .unwrap_or_else(|| panic!("{}: no header row", self.name))
    }

    /// The data rows (index in the sheet), below the header.
    fn rows(&self) -> std::ops::Range<usize> {
        self.header() + 1..self.cells.len()
    }

    /// The row of a unit and an item.
    fn row(&self, unit: &str, item: &str) -> Option<usize> {
        self.rows()
            .find(|&r| self.text(r, Column::UnitId) == unit && self.text(r, Column::ItemId) == item)
    }
}

fn read(bytes: &[u8]) -> Vec<Sheet> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("xlsx");
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("a sheet");
            let (h, w) = range.end().map_or((0, 0), |(r, c)| (r + 1, c + 1));
            let cells = (0..h)
                .map(|r| {
                    (0..w)
                        .map(|c| range.get_value((r, c)).cloned().unwrap_or(Data::Empty))
                        .collect()
                })
                .collect();
            Sheet { name, cells }
        })
        .collect()
}

/// A file of the workbook's zip archive, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the archive"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn f(v: Decimal) -> f64 {
    v.to_f64().unwrap()
}

fn workbook<'a>(all: &'a [RequestWorkbook], from: &str) -> &'a RequestWorkbook {
    all.iter()
        .find(|w| w.from == from)
        .unwrap_or_else(|| panic!("a workbook from {from}"))
}

#[test]
fn one_workbook_per_responsible_department_named_in_the_language() {
    let p = demo();
    let all = request_workbooks(&p, Recipients::Departments, Lang::Zh).unwrap();
    // 市住建局 (construction) is responsible for nothing in the demo: no workbook.
    let from: Vec<&str> = all.iter().map(|w| w.from.as_str()).collect();
    assert_eq!(
        from,
        [
            "hrss",
            "civil",
            "health",
            "education",
            "housing",
            "poverty",
            "ndrc",
            "finance",
            "water",
            "agriculture",
            "transport",
            "disabled"
        ]
    );
    assert_eq!(all[0].file_name, "市人社局考核表.xlsx");
    let en = request_workbooks(&p, Recipients::Departments, Lang::En).unwrap();
    assert_eq!(en[0].file_name, "市人社局 assessment.xlsx");
    let units = request_workbooks(&p, Recipients::Units, Lang::Zh).unwrap();
    let names: Vec<&str> = units.iter().map(|w| w.file_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "东城县自查表.xlsx",
            "北岭县自查表.xlsx",
            "南湖县自查表.xlsx",
            "西山县自查表.xlsx",
            "青阳县自查表.xlsx",
            "经济开发区自查表.xlsx"
        ]
    );
}

#[test]
fn a_departments_sheets_are_its_indicators_with_the_header_ids_and_values() {
    let p = demo();
    let all = request_workbooks(&p, Recipients::Departments, Lang::Zh).unwrap();
    let sheets = read(&workbook(&all, "hrss").bytes);
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    // The short name where there is one, else the name.
    assert_eq!(
        names,
        [
            "新增就业",
            "下岗失业人员再就业人数",
            "创业培训人数",
            "城镇登记失业率控制在4.6%以内",
            "职工养老参保",
            "新农保参保",
            "工伤保险参保人数",
            "城镇基本医疗保险参保人数"
        ]
    );
    let jobs = &sheets[0];
    let h = jobs.header();
    let titles: Vec<String> = kaoping::returns::COLUMNS
        .iter()
        .map(|c| jobs.text(h, *c))
        .collect();
    assert_eq!(
        titles,
        [
            "unit_id",
            "item_id",
            "单位",
            "项目",
            "目标值",
            "实际完成值",
            "完成情况",
            "扣分",
            "得分",
            "备注"
        ]
    );
    // Above the header: the title, and the base and unit of measure.
    let above: Vec<String> = (0..h).map(|r| jobs.text(r, Column::Unit)).collect();
    assert!(above[0].contains("城镇新增就业人数"), "{above:?}");
    assert!(
        above[1].contains("基本分值 4 分") && above[1].contains("人"),
        "{above:?}"
    );
    assert!(above[2].contains("2027-01-25"), "{above:?}");
    // A row per county and the zone, in the project's order, ids in A and B.
    let ids: Vec<String> = jobs.rows().map(|r| jobs.text(r, Column::UnitId)).collect();
    assert_eq!(ids, ["jia", "yi", "bing", "ding", "wu", "zone"]);
    for r in jobs.rows() {
        assert_eq!(jobs.text(r, Column::ItemId), "new-jobs");
        assert_eq!(jobs.text(r, Column::Item), "城镇新增就业人数");
    }
    // Pre-filled with the assessed figures: 东城县 6000 → 6720, 北岭县 5000 → 4750.
    let jia = jobs.row("jia", "new-jobs").unwrap();
    assert_eq!(jobs.text(jia, Column::Unit), "东城县");
    assert_eq!(jobs.number(jia, Column::Target), Some(6000.0));
    assert_eq!(jobs.number(jia, Column::Actual), Some(6720.0));
    assert_eq!(
        jobs.number(jobs.row("yi", "new-jobs").unwrap(), Column::Actual),
        Some(4750.0)
    );
    assert_eq!(jobs.text(jia, Column::Status), "");
    // Every row of every sheet holds what the project holds.
    for sheet in &sheets {
        for r in sheet.rows() {
            let unit = sheet.text(r, Column::UnitId);
            let item = sheet.text(r, Column::ItemId);
            let row = &p.scores[&unit].indicators[&item];
            match row {
                kaoping::project::Row::Quantitative { target, actual } => {
                    assert_eq!(
                        sheet.number(r, Column::Target),
                        target.map(f),
                        "{unit} {item}"
                    );
                    assert_eq!(
                        sheet.number(r, Column::Actual),
                        actual.map(f),
                        "{unit} {item}"
                    );
                }
                kaoping::project::Row::Preparation { prep } => {
                    assert_eq!(
                        sheet.number(r, Column::Score),
                        Some(f(*prep)),
                        "{unit} {item}"
                    );
                }
                kaoping::project::Row::Qualitative { .. } => panic!("hrss has no qualitative one"),
            }
        }
    }
}

#[test]
fn non_pilot_units_get_a_preparation_row_and_qualitative_rows_a_status() {
    let p = demo();
    let all = request_workbooks(&p, Recipients::Departments, Lang::Zh).unwrap();
    let hrss = read(&workbook(&all, "hrss").bytes);
    let pension = hrss.iter().find(|s| s.name == "新农保参保").unwrap();
    // Pilots 东城县 and 北岭县: target and actual; the others: the preparation score only
    // (青阳县 2.2 and the zone 1.5 in the demo).
    let jia = pension.row("jia", "rural-pension").unwrap();
    assert_eq!(pension.number(jia, Column::Target), Some(222000.0));
    assert_eq!(pension.number(jia, Column::Score), None);
    let wu = pension.row("wu", "rural-pension").unwrap();
    assert_eq!(pension.number(wu, Column::Score), Some(2.2));
    assert_eq!(pension.number(wu, Column::Target), None);
    assert!(pension.text(wu, Column::Item).contains("准备工作"));
    let zone = pension.row("zone", "rural-pension").unwrap();
    assert_eq!(pension.number(zone, Column::Score), Some(1.5));
    let civil = read(&workbook(&all, "civil").bytes);
    let dibao = civil.iter().find(|s| s.name == "农村低保").unwrap();
    let zone = dibao.row("zone", "rural-dibao").unwrap();
    assert_eq!(dibao.text(zone, Column::Status), "未完成");
    assert_eq!(dibao.number(zone, Column::Deduction), Some(0.8));
    assert_eq!(dibao.number(zone, Column::Target), None);
    let jia = dibao.row("jia", "rural-dibao").unwrap();
    assert_eq!(dibao.text(jia, Column::Status), "已完成");
    // In English the status is written in English.
    let en = request_workbooks(&p, Recipients::Departments, Lang::En).unwrap();
    let civil = read(&workbook(&en, "civil").bytes);
    let dibao = civil.iter().find(|s| s.name == "农村低保").unwrap();
    let h = dibao.header();
    assert_eq!(dibao.text(h, Column::Actual), "Actual");
    assert_eq!(
        dibao.text(dibao.row("zone", "rural-dibao").unwrap(), Column::Status),
        "incomplete"
    );
}

#[test]
fn a_unit_the_indicator_does_not_apply_to_has_no_row() {
    let mut p = demo();
    let resettlement = p
        .indicators
        .iter_mut()
        .find(|i| i.id == "resettlement")
        .unwrap();
    resettlement.units = Some(vec!["jia".into(), "yi".into()]);
    let all = request_workbooks(&p, Recipients::Departments, Lang::Zh).unwrap();
    let poverty = read(&workbook(&all, "poverty").bytes);
    let sheet = poverty
        .iter()
        .find(|s| s.name == "移民后期扶持项目")
        .unwrap();
    let ids: Vec<String> = sheet
        .rows()
        .map(|r| sheet.text(r, Column::UnitId))
        .collect();
    assert_eq!(ids, ["jia", "yi"]);
    // Nor in the unit's own self-check.
    let units = request_workbooks(&p, Recipients::Units, Lang::Zh).unwrap();
    let bing = &read(&workbook(&units, "bing").bytes)[0];
    assert!(bing.row("bing", "resettlement").is_none());
    assert!(bing.row("bing", "poverty-reduction").is_some());
}

#[test]
fn sheet_names_are_valid_for_excel_and_unique() {
    let mut p = demo();
    for id in ["new-jobs", "reemployment"] {
        let i = p.indicators.iter_mut().find(|i| i.id == id).unwrap();
        i.short = Some(format!("a/b:c*?[x]\\{}", "就".repeat(40)));
    }
    let all = request_workbooks(&p, Recipients::Departments, Lang::Zh).unwrap();
    let sheets = read(&workbook(&all, "hrss").bytes);
    let (a, b) = (&sheets[0].name, &sheets[1].name);
    assert_ne!(a, b);
    for name in [a, b] {
        assert!(name.encode_utf16().count() <= 31, "{name}");
        assert!(
            !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
            "{name}"
        );
        assert!(name.starts_with("a_b_c___x__就"), "{name}");
    }
}

#[test]
fn a_units_workbook_is_its_whole_self_check_from_the_selfcheck_sheets() {
    let p = demo_with_selfcheck();
    let all = request_workbooks(&p, Recipients::Units, Lang::Zh).unwrap();
    let sheets = read(&workbook(&all, "zone").bytes);
    assert_eq!(sheets.len(), 1);
    let s = &sheets[0];
    assert_eq!(s.name, "经济开发区");
    let items: Vec<String> = s.rows().map(|r| s.text(r, Column::ItemId)).collect();
    // Four organisation items (资金安排 applies to counties and the zone), the survey,
    // the 31 indicators, the zone's one penalty and two empty penalty rows.
    assert_eq!(
        items[..5],
        [
            "organization.leadership",
            "organization.measures",
            "organization.breakdown",
            "organization.funding",
            "survey"
        ]
    );
    assert_eq!(items.len(), 5 + 31 + 1 + 2, "{items:?}");
    assert!(items[5..36].iter().all(|i| p.indicator(i).is_some()));
    assert!(items[36..].iter().all(|i| i == "penalty"));
    for r in s.rows() {
        assert_eq!(s.text(r, Column::UnitId), "zone");
        assert_eq!(s.text(r, Column::Unit), "经济开发区");
    }
    let sheet = &p.selfcheck["zone"];
    let leadership = s.row("zone", "organization.leadership").unwrap();
    assert_eq!(
        s.number(leadership, Column::Score),
        Some(f(sheet.organization["leadership"]))
    );
    // The item's maximum is in its name.
    assert_eq!(s.text(leadership, Column::Item), "组织领导（满分 2）");
    let survey = s.row("zone", "survey").unwrap();
    assert_eq!(s.number(survey, Column::Score), sheet.survey.map(f));
    assert_eq!(s.text(survey, Column::Item), "群众测评（满分 6）");
    // An indicator row: its base and unit of measure in its name.
    let jobs = s.row("zone", "new-jobs").unwrap();
    assert_eq!(
        s.text(jobs, Column::Item),
        "城镇新增就业人数（人；基本分值 4）"
    );
    let dibao = s.row("zone", "rural-dibao").unwrap();
    assert_eq!(s.text(dibao, Column::Status), "未完成");
    assert_eq!(s.number(dibao, Column::Deduction), Some(0.8));
    let prep = s.row("zone", "rural-pension").unwrap();
    assert_eq!(s.number(prep, Column::Score), Some(1.5));
    // The penalty: its level in Status, its note as the remark; then two empty ones.
    let first = s.header() + 1 + 36;
    assert_eq!(s.text(first, Column::Item), "处分扣分");
    assert_eq!(s.text(first, Column::Status), "省级通报");
    assert_eq!(
        s.text(first, Column::Remark),
        "农村低保应保尽保落实不到位，被省政府通报批评"
    );
    assert_eq!(s.number(first, Column::Score), None);
    for r in first + 1..first + 3 {
        assert_eq!(s.text(r, Column::Status), "");
        assert_eq!(s.number(r, Column::Score), None);
    }
}

#[test]
fn a_self_check_is_filled_from_selfcheck_never_from_scores() {
    // The demo without its self-check sheets: assessed scores only, and every value cell
    // of a self-check workbook is empty.
    let mut p = demo();
    p.selfcheck.clear();
    let all = request_workbooks(&p, Recipients::Units, Lang::Zh).unwrap();
    let s = &read(&workbook(&all, "jia").bytes)[0];
    for r in s.rows() {
        for c in [
            Column::Target,
            Column::Actual,
            Column::Deduction,
            Column::Score,
        ] {
            assert_eq!(s.number(r, c), None, "row {r}");
        }
        assert_eq!(s.text(r, Column::Status), "", "row {r}");
    }
    // A county's own penalties, explicit points: Score holds them.
    let mut p = demo();
    p.selfcheck.insert(
        "jia".into(),
        kaoping::project::UnitScores {
            penalties: vec![kaoping::project::Penalty {
                kind: kaoping::project::PenaltyKind::Points(Decimal::new(15, 1)),
                note: "迟报".into(),
            }],
            ..Default::default()
        },
    );
    let all = request_workbooks(&p, Recipients::Units, Lang::En).unwrap();
    assert_eq!(workbook(&all, "jia").file_name, "东城县 self-check.xlsx");
    let s = &read(&workbook(&all, "jia").bytes)[0];
    let pen = s.row("jia", "penalty").unwrap();
    assert_eq!(s.number(pen, Column::Score), Some(1.5));
    assert_eq!(s.text(pen, Column::Status), "");
    assert_eq!(s.text(pen, Column::Remark), "迟报");
    assert_eq!(s.text(s.header(), Column::Score), "Score");
}

// ---- the xlsx itself ----------------------------------------------------------------------

/// The `<xf>` elements of `cellXfs` in styles.xml, in order.
fn cell_formats(bytes: &[u8]) -> Vec<String> {
    let styles = part(bytes, "xl/styles.xml");
    let start = styles.find("<cellXfs").unwrap();
    let end = styles[start..].find("</cellXfs>").unwrap() + start;
    let xfs = &styles[start..end];
    let mut out = Vec::new();
    let mut rest = xfs;
    while let Some(at) = rest.find("<xf ") {
        let after = &rest[at..];
        // An <xf …/> or an <xf …>…</xf>.
        let close = match (after.find("/>"), after.find("</xf>")) {
            (Some(a), Some(b)) if after[..a].contains('>') && b > a => b + 5,
            (Some(a), _) if !after[..a].contains('>') => a + 2,
            (_, Some(b)) => b + 5,
            (Some(a), None) => a + 2,
            (None, None) => after.len(),
        };
        out.push(after[..close].to_string());
        rest = &after[close..];
    }
    out
}

/// Whether the cell `r` (`E5`) of a sheet has a style that unlocks it.
fn unlocked(bytes: &[u8], sheet: &str, cell: &str) -> bool {
    let xml = part(bytes, sheet);
    let tag = format!("<c r=\"{cell}\"");
    let at = xml
        .find(&tag)
        .unwrap_or_else(|| panic!("{cell} in {sheet}"));
    let rest = &xml[at..];
    let end = rest.find('>').unwrap();
    let style: usize = rest[..end]
        .split("s=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .map_or(0, |s| s.parse().unwrap());
    cell_formats(bytes)[style].contains("locked=\"0\"")
}

/// The data validations of a sheet: (type, sqref, the first formula).
fn validations(xml: &str) -> Vec<(String, String, String)> {
    let attr = |tag: &str, name: &str| -> String {
        tag.split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or_default()
            .to_string()
    };
    xml.split("<dataValidation ")
        .skip(1)
        .map(|v| {
            let tag = format!(" {}", &v[..v.find('>').unwrap()]);
            let formula = v
                .split("<formula1>")
                .nth(1)
                .and_then(|s| s.split("</formula1>").next())
                .unwrap_or_default()
                .to_string();
            (attr(&tag, "type"), attr(&tag, "sqref"), formula)
        })
        .collect()
}

#[test]
fn value_cells_are_validated_and_unlocked_and_the_rest_is_protected() {
    let p = demo();
    let all = request_workbooks(&p, Recipients::Departments, Lang::Zh).unwrap();
    let hrss = &workbook(&all, "hrss").bytes;
    // 新增就业 (sheet1), quantitative: E and F of each of the six rows (5–10) are open
    // decimals ≥ 0, nothing else.
    let xml = part(hrss, "xl/worksheets/sheet1.xml");
    let mut got = validations(&xml);
    got.sort();
    let mut want: Vec<(String, String, String)> = (5..=10)
        .flat_map(|r| ["E", "F"].map(|c| ("decimal".into(), format!("{c}{r}"), "0".into())))
        .collect();
    want.sort();
    assert_eq!(got, want);
    assert!(xml.contains("operator=\"greaterThanOrEqual\""));
    assert!(unlocked(hrss, "xl/worksheets/sheet1.xml", "E5"));
    assert!(unlocked(hrss, "xl/worksheets/sheet1.xml", "F10"));
    assert!(
        unlocked(hrss, "xl/worksheets/sheet1.xml", "J5"),
        "the remark is open"
    );
    for locked in ["A5", "B5", "C5", "D5", "G5", "H5", "I5", "E4"] {
        assert!(
            !unlocked(hrss, "xl/worksheets/sheet1.xml", locked),
            "{locked}"
        );
    }
    assert!(xml.contains("<sheetProtection"), "protected");
    assert!(xml.contains("paperSize=\"9\""), "A4");
    assert!(xml.contains("fitToWidth=\"1\"") || xml.contains("fitToPage=\"1\""));
    assert!(xml.contains("<col min=\"1\" max=\"1\"") && xml.contains("hidden=\"1\""));
    let cols: Vec<&str> = xml
        .split("<col ")
        .skip(1)
        .filter(|c| c.contains("hidden=\"1\""))
        .collect();
    assert_eq!(cols.len(), 2, "A and B hidden: {cols:?}");
    assert!(
        cols[0].starts_with("min=\"1\" max=\"1\"") && cols[1].starts_with("min=\"2\" max=\"2\"")
    );
    // The header row repeats on every printed page.
    let book = part(hrss, "xl/workbook.xml");
    assert!(
        book.contains("_xlnm.Print_Titles") && book.contains("$4:$4"),
        "{book}"
    );
    // 新农保参保 (sheet6): the pilots' target and actual, the others' score.
    let xml = part(hrss, "xl/worksheets/sheet6.xml");
    let refs: Vec<String> = validations(&xml).into_iter().map(|v| v.1).collect();
    for cell in ["E5", "F5", "E6", "F6", "I7", "I8", "I9", "I10"] {
        assert!(refs.contains(&cell.to_string()), "{cell}: {refs:?}");
    }
    assert!(!refs.contains(&"I5".to_string()) && !refs.contains(&"E7".to_string()));
    // 城市低保 (civil's first sheet), qualitative: a list for the status, a decimal for
    // the deduction.
    let civil = &workbook(&all, "civil").bytes;
    let xml = part(civil, "xl/worksheets/sheet1.xml");
    let got = validations(&xml);
    assert!(
        got.contains(&("list".into(), "G5".into(), "\"已完成,未完成\"".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("decimal".into(), "H5".into(), "0".into())),
        "{got:?}"
    );
    assert!(!got.iter().any(|v| v.1 == "E5"));
    assert!(unlocked(civil, "xl/worksheets/sheet1.xml", "G5"));
    assert!(!unlocked(civil, "xl/worksheets/sheet1.xml", "E5"));
}

#[test]
fn penalty_rows_offer_the_levels_and_an_indicator_without_a_kind_offers_both() {
    let mut p = demo();
    let jobs = p
        .indicators
        .iter_mut()
        .find(|i| i.id == "new-jobs")
        .unwrap();
    jobs.kind = None;
    p.scores
        .get_mut("jia")
        .unwrap()
        .indicators
        .shift_remove("new-jobs");
    assert!(p.indicator("urban-dibao").unwrap().kind == Some(RowKind::Qualitative));
    let all = request_workbooks(&p, Recipients::Departments, Lang::En).unwrap();
    let xml = part(&workbook(&all, "hrss").bytes, "xl/worksheets/sheet1.xml");
    let got = validations(&xml);
    // 东城县 (row 5) has no row for it yet: target, actual, status and deduction are open.
    for cell in ["E5", "F5", "G5", "H5"] {
        assert!(got.iter().any(|v| v.1 == cell), "{cell}: {got:?}");
    }
    assert!(got.contains(&("list".into(), "G5".into(), "\"complete,incomplete\"".into())));
    let units = request_workbooks(&p, Recipients::Units, Lang::Zh).unwrap();
    let bytes = &workbook(&units, "jia").bytes;
    let s = &read(bytes)[0];
    let pen = s.row("jia", "penalty").unwrap() + 1;
    let got = validations(&part(bytes, "xl/worksheets/sheet1.xml"));
    assert!(
        got.contains(&(
            "list".into(),
            format!("G{pen}"),
            "\"省级通报,市级通报\"".into()
        )),
        "{got:?}"
    );
    assert!(got.contains(&("decimal".into(), format!("I{pen}"), "0".into())));
}

#[test]
fn the_properties_tie_the_workbook_to_its_project_sender_step_and_sheets() {
    let p = demo();
    let prop = |xml: &str, name: &str| -> String {
        let at = xml
            .find(&format!("name=\"{name}\""))
            .unwrap_or_else(|| panic!("{name} in {xml}"));
        let rest = &xml[at..];
        let start = rest.find("<vt:lpwstr>").unwrap() + "<vt:lpwstr>".len();
        let end = rest.find("</vt:lpwstr>").unwrap();
        rest[start..end].to_string()
    };
    let all = request_workbooks(&p, Recipients::Departments, Lang::Zh).unwrap();
    let bytes = &workbook(&all, "civil").bytes;
    let custom = part(bytes, "docProps/custom.xml");
    assert_eq!(prop(&custom, PROP_FINGERPRINT), fingerprint(&p));
    assert_eq!(prop(&custom, PROP_FROM), "civil");
    assert_eq!(prop(&custom, PROP_STEP), "assessment");
    assert_eq!(prop(&custom, PROP_INTO), "scores");
    let core = part(bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>2026年度民生工程目标管理考评</dc:title>"),
        "{core}"
    );
    let all = request_workbooks(&p, Recipients::Units, Lang::En).unwrap();
    let custom = part(&workbook(&all, "zone").bytes, "docProps/custom.xml");
    assert_eq!(prop(&custom, PROP_FINGERPRINT), fingerprint(&p));
    assert_eq!(prop(&custom, PROP_FROM), "zone");
    assert_eq!(prop(&custom, PROP_STEP), "self-check");
    assert_eq!(prop(&custom, PROP_INTO), "selfcheck");
    // Without a step that asks for it: the default ids.
    let mut bare = p.clone();
    bare.procedure.clear();
    let all = request_workbooks(&bare, Recipients::Units, Lang::En).unwrap();
    let custom = part(&all[0].bytes, "docProps/custom.xml");
    assert_eq!(prop(&custom, PROP_STEP), "self-check");
}

// ---- the command line and the terminal program ----------------------------------------------

#[test]
fn the_binary_writes_the_workbooks_and_never_replaces_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("demo.toml");
    std::fs::write(&file, DEMO).unwrap();
    let out = dir.path().join("returns").join("2026");
    let (f, o) = (file.to_str().unwrap(), out.to_str().unwrap());
    // The workbooks are in the language of the messages (--lang, else LANG).
    let run = run_kaoping(&["sheets", f, "-o", o, "--lang", "zh"]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let said = String::from_utf8(run.stdout).unwrap();
    assert_eq!(said.lines().count(), 12, "{said}");
    assert!(said.lines().all(|l| l.starts_with("已写入 ")), "{said}");
    let hrss = out.join("市人社局考核表.xlsx");
    assert!(said.contains(hrss.to_str().unwrap()), "{said}");
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 12);
    // A filled return sits under a workbook's name: refused, named, nothing written.
    std::fs::write(&hrss, b"filled").unwrap();
    let civil = out.join("市民政局考核表.xlsx");
    std::fs::remove_file(&civil).unwrap();
    let run = run_kaoping(&["sheets", f, "-o", o, "--lang", "zh"]);
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(
        err.contains("市人社局考核表.xlsx 已存在") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read(&hrss).unwrap(), b"filled");
    assert!(!civil.exists(), "nothing was written");
    let run = run_kaoping(&["sheets", f, "--lang", "zh", "-o", o, "--force"]);
    assert_eq!(run.status.code(), Some(0));
    assert!(std::fs::read(&hrss).unwrap().starts_with(b"PK"));
    assert!(civil.exists());
    // English names, and the self-check workbooks.
    let run = run_kaoping(&["sheets", f, "--for", "units", "-o", o, "--lang", "en"]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    assert!(out.join("东城县 self-check.xlsx").exists());
    assert!(out.join("经济开发区 self-check.xlsx").exists());
    let run = run_kaoping(&["sheets", f, "-o", o, "--lang", "zh", "--for", "units"]);
    assert_eq!(run.status.code(), Some(0));
    let said = String::from_utf8(run.stdout).unwrap();
    assert!(
        said.contains("已写入") && said.contains("东城县自查表.xlsx"),
        "{said}"
    );
}

#[test]
fn the_binary_writes_nothing_for_a_file_with_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.toml");
    std::fs::write(&file, DEMO.replacen("survey = 5.8", "survey = \"x\"", 1)).unwrap();
    let out = dir.path().join("out");
    let run = run_kaoping(&[
        "sheets",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(!out.exists());
}

#[test]
fn w_in_the_terminal_program_writes_the_workbooks_into_the_folder_typed() {
    let (mut m, dir) = tui_model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('W'));
    // The prompt starts from the project's folder.
    let typed = match &m.ui.mode {
        kaoping::tui::model::Mode::Editing(e) => e.input.text().to_string(),
        _ => panic!("a prompt"),
    };
    assert!(typed.starts_with(dir.path().to_str().unwrap()), "{typed}");
    key(&mut m, KeyCode::End);
    for _ in 0..typed.chars().count() {
        key(&mut m, KeyCode::Backspace);
    }
    let out = dir.path().join("out");
    for c in format!("{} --for units", out.display()).chars() {
        key(&mut m, KeyCode::Char(c));
    }
    key(&mut m, KeyCode::Enter);
    assert!(out.join("东城县 self-check.xlsx").exists());
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 6);
    let said = status(&m);
    assert!(
        said.contains("wrote 6 request workbooks to") && said.contains(out.to_str().unwrap()),
        "{said}"
    );
    // Again: refused, the prompt stays open with the reason.
    key(&mut m, KeyCode::Char('W'));
    key(&mut m, KeyCode::End);
    for _ in 0..typed.chars().count() {
        key(&mut m, KeyCode::Backspace);
    }
    for c in format!("{} --for units", out.display()).chars() {
        key(&mut m, KeyCode::Char(c));
    }
    key(&mut m, KeyCode::Enter);
    let error = match &m.ui.mode {
        kaoping::tui::model::Mode::Editing(e) => e.error.clone().unwrap_or_default(),
        _ => panic!("the prompt stays open"),
    };
    assert!(
        error.contains("exists already") && error.contains("--force"),
        "{error}"
    );
}

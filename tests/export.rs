//! `kaoping export`: the workbook read back with calamine, the csv tables parsed back,
//! the minutes, the html report and the docx report to the leading group checked for what
//! they must say, the binary run for every format, the html report printed to PDF with
//! Chromium and the docx converted to PDF with LibreOffice.
//!
//! Golden numbers: the worked example (甲县 21.80 first; 丙县 vetoed by 城镇新增就业,
//! 2.5 steps × 5% × 4 = −0.50; the zone last; the single-item awards to the zone and
//! 丙县) and the demo (东城县 131.30 first, 经济开发区 121.51 last).

mod common;

use calamine::{Data, Range, Reader, Xlsx};
use kaoping::check::{Analysis, analyze};
use kaoping::i18n::Lang;
use kaoping::project::problem::Problem;
use kaoping::report::{
    CsvTable, RankInput, export_csv, export_docx, export_html, export_markdown, export_xlsx,
};
use kaoping::scoring::score_text;
use std::io::Cursor;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const DATE: &str = "2026-03-31";

use common::fixture;

fn worked_text() -> String {
    common::WORKED.to_string()
}

/// A project that loads without errors, its warnings, and its self-check scored.
struct Scored {
    analysis: Analysis,
    warnings: Vec<Problem>,
    selfcheck: Option<kaoping::scoring::Scoreboard>,
}

fn scored(text: &str) -> Scored {
    let analysis = analyze(text);
    assert!(
        !analysis.has_errors(),
        "the project has errors: {:?}",
        analysis.problems
    );
    let warnings = analysis
        .problems
        .iter()
        .filter(|p| !p.is_error())
        .cloned()
        .collect();
    let selfcheck = kaoping::scoring::score_selfcheck(analysis.project.as_ref().unwrap())
        .map(|scored| scored.expect("the self-check figures score"));
    Scored {
        analysis,
        warnings,
        selfcheck,
    }
}

impl Scored {
    fn input(&self, lang: Lang) -> RankInput<'_> {
        RankInput {
            project: self.analysis.project.as_ref().unwrap(),
            board: self.analysis.board.as_ref().unwrap(),
            selfcheck: self.selfcheck.as_ref(),
            warnings: &self.warnings,
            lang,
        }
    }
}

// ---- xlsx ---------------------------------------------------------------------------

fn workbook(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes)).expect("calamine reads the workbook")
}

fn sheet(book: &mut Xlsx<Cursor<Vec<u8>>>, name: &str) -> Range<Data> {
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

/// The column of a header cell in the first row.
fn col(range: &Range<Data>, header: &str) -> usize {
    let first = range.rows().next().expect("a header row");
    first
        .iter()
        .position(|c| matches!(c, Data::String(s) if s == header))
        .unwrap_or_else(|| panic!("no column {header:?} in {first:?}"))
}

/// The first row whose column `c` holds the text `text`.
fn row_with<'a>(range: &'a Range<Data>, c: usize, text: &str) -> &'a [Data] {
    range
        .rows()
        .find(|r| matches!(r.get(c), Some(Data::String(s)) if s == text))
        .unwrap_or_else(|| panic!("no row with {text:?} in column {c}"))
}

/// A cell that must be a number (not text that looks like one).
fn num(cell: &Data) -> f64 {
    match cell {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("expected a numeric cell, found {other:?}"),
    }
}

fn text(cell: &Data) -> &str {
    match cell {
        Data::String(s) => s,
        Data::Empty => "",
        other => panic!("expected a text cell, found {other:?}"),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// A file of an .xlsx (a zip archive) as text.
fn zip_entry(xlsx: &[u8], entry: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(xlsx)).expect("an xlsx is a zip");
    let mut file = archive.by_name(entry).expect(entry);
    let mut text = String::new();
    std::io::Read::read_to_string(&mut file, &mut text).unwrap();
    text
}

#[test]
fn xlsx_worked_ranking_awards_and_sheets() {
    let s = scored(&worked_text());
    let bytes = export_xlsx(&s.input(Lang::Zh)).unwrap();
    let mut book = workbook(bytes);
    assert_eq!(
        book.sheet_names(),
        [
            "县区排名",
            "部门排名",
            "奖项",
            "先进个人",
            "责任分工",
            "问题",
            "甲县",
            "乙县",
            "丙县",
            "经济开发区"
        ]
    );

    let ranking = sheet(&mut book, "县区排名");
    let (rank, unit, total) = (
        col(&ranking, "名次"),
        col(&ranking, "单位"),
        col(&ranking, "总分"),
    );
    let (vetoed, failed, last) = (
        col(&ranking, "一票否决"),
        col(&ranking, "未完成指标"),
        col(&ranking, "末位"),
    );
    let (comprehensive, awards) = (col(&ranking, "综合先进"), col(&ranking, "单项工作先进"));
    let rows: Vec<&[Data]> = ranking.rows().skip(1).collect();
    let names: Vec<&str> = rows.iter().map(|r| text(&r[unit])).collect();
    assert_eq!(names, ["甲县", "乙县", "丙县", "经济开发区"]);
    let totals: Vec<f64> = rows.iter().map(|r| num(&r[total])).collect();
    assert_eq!(totals, [21.80, 20.20, 19.70, 18.80]);
    let ranks: Vec<f64> = rows.iter().map(|r| num(&r[rank])).collect();
    assert_eq!(ranks, [1.0, 2.0, 3.0, 4.0]);
    // Sections are numbers too.
    assert!(close(num(&rows[1][col(&ranking, "处分扣分")]), 1.0));
    assert!(close(num(&rows[0][col(&ranking, "任务完成")]), 10.8));
    // 甲县 and 乙县 comprehensive; 丙县 vetoed by new-jobs; the zone last.
    assert_eq!(text(&rows[0][comprehensive]), "是");
    assert_eq!(text(&rows[1][comprehensive]), "是");
    assert_eq!(text(&rows[2][vetoed]), "是");
    assert_eq!(text(&rows[2][failed]), "城镇新增就业");
    assert_eq!(text(&rows[2][comprehensive]), "");
    assert_eq!(text(&rows[3][vetoed]), "是");
    assert_eq!(text(&rows[3][failed]), "城乡低保应保尽保");
    assert_eq!(text(&rows[3][last]), "是");
    assert_eq!(text(&rows[2][last]), "");
    assert_eq!(text(&rows[2][awards]), "资金安排和落实工作先进县");
    assert_eq!(text(&rows[3][awards]), "就业和创业工作先进县");

    // The number format has the project's two places.
    let styles = book.worksheet_style("县区排名").unwrap();
    let format = styles
        .get((1, total as u32))
        .and_then(|s| s.number_format.as_ref())
        .map(|f| f.format_code.clone());
    assert_eq!(format.as_deref(), Some("0.00"));

    // The awards: the winners, and the standings after roll-down.
    let awards_sheet = sheet(&mut book, "奖项");
    let (award, winners) = (col(&awards_sheet, "奖项"), col(&awards_sheet, "获奖单位"));
    let (who, score, won) = (
        col(&awards_sheet, "单位"),
        col(&awards_sheet, "单项得分"),
        col(&awards_sheet, "获评"),
    );
    let employment = row_with(&awards_sheet, award, "就业和创业工作先进县");
    assert_eq!(text(&employment[winners]), "经济开发区");
    assert_eq!(text(&employment[who]), "经济开发区");
    assert!(close(num(&employment[score]), 6.2));
    // The zone is vetoed (on 低保, not on employment): it wins, marked for the leading group.
    assert_eq!(text(&employment[won]), "是（已被一票否决，待审定）");
    let funding = row_with(&awards_sheet, award, "资金安排和落实工作先进县");
    assert_eq!(text(&funding[winners]), "丙县");
    let comprehensive_row = row_with(&awards_sheet, award, "综合先进（县区）");
    assert_eq!(text(&comprehensive_row[winners]), "甲县、乙县");
    let last_row = row_with(&awards_sheet, award, "末位");
    assert_eq!(text(&last_row[winners]), "经济开发区");

    // 丙县's sheet: the failed row with its numbers, all numeric.
    let bing = sheet(&mut book, "丙县");
    let item = col(&bing, "项目");
    let row = row_with(&bing, item, "城镇新增就业（人）");
    assert!(close(num(&row[col(&bing, "目标")]), 1000.0));
    assert!(close(num(&row[col(&bing, "实际")]), 950.0));
    assert!(close(num(&row[col(&bing, "完成率")]), 0.95));
    assert!(close(num(&row[col(&bing, "满分/基本分值")]), 4.0));
    assert!(close(num(&row[col(&bing, "扣分")]), 0.5));
    assert!(close(num(&row[col(&bing, "得分")]), 3.5));
    assert_eq!(text(&row[col(&bing, "否决")]), "是");
    let note = text(&row[col(&bing, "说明")]);
    assert!(
        note.contains("5.0% ÷ 2% × 5% × 4") && note.contains("0.50"),
        "{note}"
    );
    let total_row = row_with(&bing, col(&bing, "部分"), "总分");
    assert!(close(num(&total_row[col(&bing, "得分")]), 19.7));
    let styles = book.worksheet_style("丙县").unwrap();
    let completion = col(&bing, "完成率") as u32;
    let row_index = bing
        .rows()
        .position(|r| matches!(&r[item], Data::String(s) if s == "城镇新增就业（人）"))
        .unwrap() as u32;
    let format = styles
        .get((row_index, completion))
        .and_then(|s| s.number_format.as_ref())
        .map(|f| f.format_code.clone());
    assert_eq!(format.as_deref(), Some("0.0%"));

    // 乙县's penalty: a deduction, and negative in the score column.
    let yi = sheet(&mut book, "乙县");
    let penalty = yi
        .rows()
        .find(|r| matches!(&r[col(&yi, "项目")], Data::String(s) if s.contains("市委市政府或省直部门通报")))
        .expect("the penalty row");
    assert!(close(num(&penalty[col(&yi, "扣分")]), 1.0));
    assert!(close(num(&penalty[col(&yi, "得分")]), -1.0));

    // The matrix: indicators × departments, with the roles.
    let matrix = sheet(&mut book, "责任分工");
    let dibao = row_with(&matrix, col(&matrix, "指标"), "城乡低保应保尽保");
    assert_eq!(text(&dibao[col(&matrix, "市民政局")]), "牵头");
    assert_eq!(text(&dibao[col(&matrix, "市人社局")]), "协办");
    assert!(close(num(&dibao[col(&matrix, "基本分值")]), 4.0));

    // The problems: the scheme's two warnings, and the two vetoed winners.
    let problems = sheet(&mut book, "问题");
    let wheres: Vec<&str> = problems
        .rows()
        .skip(1)
        .map(|r| text(&r[col(&problems, "位置")]))
        .collect();
    assert_eq!(
        wheres,
        ["sections.task", "sections.total", "awards[0]", "awards[1]"]
    );
}

#[test]
fn xlsx_header_rows_are_frozen_and_columns_fit() {
    let s = scored(&worked_text());
    let bytes = export_xlsx(&s.input(Lang::Zh)).unwrap();
    // calamine cannot tell frozen panes: read the sheet's XML.
    let ranking = zip_entry(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        ranking.contains("ySplit=\"1\"") && ranking.contains("state=\"frozen\""),
        "{ranking}"
    );
    // The unit column holds 经济开发区 (10 columns wide): it is wider than that.
    let cols = ranking.split("<col ").skip(1).collect::<Vec<_>>();
    let unit_col = cols
        .iter()
        .find(|c| c.contains("min=\"3\""))
        .expect("a width for the unit column");
    let width: f64 = unit_col
        .split("width=\"")
        .nth(1)
        .and_then(|w| w.split('"').next())
        .and_then(|w| w.parse().ok())
        .unwrap();
    assert!((10.0..20.0).contains(&width), "{unit_col}");
    for n in 2..=9 {
        let xml = zip_entry(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(xml.contains("state=\"frozen\""), "sheet{n} not frozen");
    }
}

#[test]
fn xlsx_demo_matches_the_scoreboard_in_english() {
    let s = scored(kaoping::project::DEMO);
    let input = s.input(Lang::En);
    let bytes = export_xlsx(&input).unwrap();
    let mut book = workbook(bytes);
    let names = book.sheet_names();
    for fixed in [
        "Ranking",
        "Departments",
        "Awards",
        "Advanced individuals",
        "Matrix",
        "Problems",
    ] {
        assert!(names.contains(&fixed.to_string()), "{fixed} in {names:?}");
    }
    // One sheet per county, zone and scored department (and 自查与考评差异: the demo has
    // self-checks).
    assert_eq!(
        names.len(),
        6 + 1 + input.board.units.len() + input.board.departments.len()
    );
    // 先进个人: 北岭县 nominates 3 of its 4 places, the zone 3 for its 2.
    let people = sheet(&mut book, "Advanced individuals");
    let (who, places, nominated, note) = (
        col(&people, "Unit"),
        col(&people, "Places"),
        col(&people, "Nominated"),
        col(&people, "Note"),
    );
    let yi = row_with(&people, who, "北岭县");
    assert!(close(num(&yi[places]), 4.0) && close(num(&yi[nominated]), 3.0));
    assert!(text(&yi[note]).starts_with("1 short"), "{:?}", yi[note]);
    let zone = row_with(&people, who, "经济开发区");
    assert!(text(&zone[note]).starts_with("1 over"), "{:?}", zone[note]);
    let ranking = sheet(&mut book, "Ranking");
    let (unit, total) = (col(&ranking, "Unit"), col(&ranking, "Total"));
    let rows: Vec<&[Data]> = ranking.rows().skip(1).collect();
    assert_eq!(rows.len(), input.board.units.len());
    assert_eq!(text(&rows[0][unit]), "东城县");
    assert!(close(num(&rows[0][total]), 131.30));
    let last = col(&ranking, "Last place");
    let zone = row_with(&ranking, unit, "经济开发区");
    assert!(close(num(&zone[total]), 121.51));
    assert_eq!(text(&zone[last]), "yes");
    // Every total in the workbook is the scoreboard's, on the ranking and on the unit's
    // own sheet.
    let departments = sheet(&mut book, "Departments");
    let dept_unit = col(&departments, "Unit");
    let dept_total = col(&departments, "Total");
    for u in input.board.units.iter().chain(&input.board.departments) {
        let expected: f64 = score_text(u.total, 2).parse().unwrap();
        let (range, c_unit, c_total) = if input.board.units.contains(u) {
            (&ranking, unit, total)
        } else {
            (&departments, dept_unit, dept_total)
        };
        let row = row_with(range, c_unit, &u.name);
        assert!(close(num(&row[c_total]), expected), "{}", u.name);
        let own = sheet(&mut book, &u.name);
        let total_row = row_with(&own, col(&own, "Section"), "Total");
        assert!(
            close(num(&total_row[col(&own, "Score")]), expected),
            "{}",
            u.name
        );
    }
}

#[test]
fn xlsx_number_format_follows_score_decimals() {
    let text = worked_text().replace("[sections]", "[policy]\nscore_decimals = 3\n\n[sections]");
    let s = scored(&text);
    let mut book = workbook(export_xlsx(&s.input(Lang::En)).unwrap());
    let ranking = sheet(&mut book, "Ranking");
    let total = col(&ranking, "Total") as u32;
    let styles = book.worksheet_style("Ranking").unwrap();
    let format = styles
        .get((1, total))
        .and_then(|s| s.number_format.as_ref())
        .map(|f| f.format_code.clone());
    assert_eq!(format.as_deref(), Some("0.000"));
}

// ---- csv ----------------------------------------------------------------------------

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn csv_col(rows: &[Vec<String>], header: &str) -> usize {
    rows[0]
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("no column {header:?} in {:?}", rows[0]))
}

#[test]
fn csv_ranking_with_and_without_bom() {
    let s = scored(&worked_text());
    let input = s.input(Lang::Zh);
    let with = export_csv(&input, CsvTable::Ranking, true);
    assert!(with.starts_with('\u{FEFF}'));
    let without = export_csv(&input, CsvTable::Ranking, false);
    assert!(!without.starts_with('\u{FEFF}'));
    assert_eq!(with.trim_start_matches('\u{FEFF}'), without);
    let rows = parse_csv(&without);
    let (id, name, total, vetoed, failed, last) = (
        csv_col(&rows, "标识"),
        csv_col(&rows, "单位"),
        csv_col(&rows, "总分"),
        csv_col(&rows, "一票否决"),
        csv_col(&rows, "未完成指标"),
        csv_col(&rows, "末位"),
    );
    assert_eq!(rows[0][0], "组别");
    let body: Vec<(&str, &str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[id].as_str(), r[name].as_str(), r[total].as_str()))
        .collect();
    assert_eq!(
        body,
        [
            ("jia", "甲县", "21.80"),
            ("yi", "乙县", "20.20"),
            ("bing", "丙县", "19.70"),
            ("zone", "经济开发区", "18.80")
        ]
    );
    assert_eq!(rows[3][vetoed], "是");
    assert_eq!(rows[3][failed], "城镇新增就业");
    assert_eq!(rows[4][last], "是");

    let en = parse_csv(&export_csv(&s.input(Lang::En), CsvTable::Ranking, false));
    assert_eq!(en[0][..5], ["Group", "Rank", "Tied", "Id", "Unit"]);
}

#[test]
fn csv_scores_matrix_and_awards() {
    let s = scored(&worked_text());
    let input = s.input(Lang::En);
    let scores = parse_csv(&export_csv(&input, CsvTable::Scores, false));
    let (id, item) = (csv_col(&scores, "Id"), csv_col(&scores, "Item"));
    let row = scores
        .iter()
        .find(|r| r[id] == "bing" && r[item].starts_with("城镇新增就业"))
        .expect("丙县's new-jobs row");
    assert_eq!(row[csv_col(&scores, "Target")], "1000");
    assert_eq!(row[csv_col(&scores, "Actual")], "950");
    assert_eq!(row[csv_col(&scores, "Completion")], "95.0%");
    assert_eq!(row[csv_col(&scores, "Deduction")], "0.50");
    assert_eq!(row[csv_col(&scores, "Score")], "3.50");
    assert_eq!(row[csv_col(&scores, "Veto")], "yes");
    let total = scores
        .iter()
        .find(|r| r[id] == "jia" && r[csv_col(&scores, "Section")] == "Total")
        .unwrap();
    assert_eq!(total[csv_col(&scores, "Score")], "21.80");
    // Every unit's sheet is in the long table.
    for unit in ["jia", "yi", "bing", "zone"] {
        assert!(scores.iter().any(|r| r[id] == unit), "{unit}");
    }

    let matrix = parse_csv(&export_csv(&input, CsvTable::Matrix, true).replace('\u{FEFF}', ""));
    let dibao = matrix
        .iter()
        .find(|r| r[csv_col(&matrix, "Indicator")] == "城乡低保应保尽保")
        .unwrap();
    assert_eq!(dibao[csv_col(&matrix, "市民政局")], "lead");
    assert_eq!(dibao[csv_col(&matrix, "市人社局")], "co");

    let awards = parse_csv(&export_csv(&input, CsvTable::Awards, false));
    let (award, winners) = (csv_col(&awards, "Award"), csv_col(&awards, "Winners"));
    let winner_of = |name: &str| {
        awards
            .iter()
            .find(|r| r[award] == name)
            .map(|r| r[winners].clone())
            .unwrap()
    };
    assert_eq!(winner_of("就业和创业工作先进县"), "经济开发区");
    assert_eq!(winner_of("资金安排和落实工作先进县"), "丙县");
    assert_eq!(winner_of("Last place"), "经济开发区");
}

// ---- markdown -----------------------------------------------------------------------

#[test]
fn markdown_minutes_hold_ranking_awards_vetoes_and_last_place() {
    let s = scored(&worked_text());
    let zh = export_markdown(&s.input(Lang::Zh));
    for expected in [
        "# 示例：三县一区",
        "| 1 | **甲县** | 5.50 | 5.50 | 10.80 | 0.00 | 21.80 | ★ 综合先进 |",
        "| 2 | **乙县** | 5.00 | 5.80 | 10.40 | 1.00 | 20.20 | ★ 综合先进 |",
        "| 3 | 丙县 | 5.00 | 5.20 | 9.50 | 0.00 | 19.70 |",
        "| 4 | 经济开发区 | 4.50 | 4.90 | 9.40 | 0.00 | 18.80 |",
        "获奖单位：甲县（21.80）、乙县（20.20）",
        "| 就业和创业工作先进县 | 1 | 经济开发区（6.20，已被一票否决，请领导小组审定） |",
        "| 资金安排和落实工作先进县 | 1 | 丙县（3.50，已被一票否决，请领导小组审定） |",
        "- **丙县：总分 19.70，第 3 名（共 4 个）**",
        "城镇新增就业（基本分值 4，得分 3.50）：实际值 950，差 5.0%，每差 2% 扣基本分值的 5%：5.0% ÷ 2% × 5% × 4 = 扣 0.50 分",
        "- **经济开发区：总分 18.80，第 4 名（共 4 个）**",
        "城乡低保应保尽保（基本分值 4，得分 3.20）",
        "末位：经济开发区（总分 18.80）",
    ] {
        assert!(zh.contains(expected), "missing {expected:?} in\n{zh}");
    }
    let en = export_markdown(&s.input(Lang::En));
    for expected in [
        "## Ranking",
        "| Rank | Unit | Organisation | Survey | Task | Penalty | Total | Flags |",
        "## Vetoed units",
        "5.0% short, 5% of the base per 2%: 5.0% ÷ 2% × 5% × 4 = −0.50",
        "Last place: 经济开发区 (total 18.80)",
    ] {
        assert!(en.contains(expected), "missing {expected:?} in\n{en}");
    }
}

#[test]
fn markdown_without_vetoes_has_no_last_place() {
    let text = worked_text()
        .replace(
            "new-jobs = { target = 1000, actual = 950 }",
            "new-jobs = { target = 1000, actual = 1000 }",
        )
        .replace(
            "dibao = { status = \"incomplete\", deduction = 0.8 }",
            "dibao = { status = \"complete\" }",
        );
    let s = scored(&text);
    let en = export_markdown(&s.input(Lang::En));
    assert!(en.contains("No unit was vetoed."), "{en}");
    assert!(en.contains("there is no last place"), "{en}");
}

// ---- html ---------------------------------------------------------------------------

/// Elements without an end tag.
const VOID: &[&str] = &["meta", "br", "hr", "img", "link", "input", "col", "wbr"];

/// A light well-formedness check: every start tag is closed, in order (a stack of the
/// open elements); the text of `<style>` is skipped.
fn assert_well_formed(html: &str) {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').expect("every tag ends");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(open, name.trim(), "</{name}> closes <{open}>");
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        assert!(!name.is_empty(), "a stray < before {tag:?}");
        if VOID.contains(&name.as_str()) || tag.ends_with('/') {
            continue;
        }
        if name == "style" {
            let close = rest.find("</style>").expect("style closed");
            rest = &rest[close..];
        }
        stack.push(name);
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
}

#[test]
fn html_report_is_self_contained_and_well_formed() {
    for (text, lang) in [
        (worked_text(), Lang::Zh),
        (worked_text(), Lang::En),
        (kaoping::project::DEMO.to_string(), Lang::Zh),
        (kaoping::project::DEMO.to_string(), Lang::En),
    ] {
        let s = scored(&text);
        let html = export_html(&s.input(lang), DATE);
        assert_well_formed(&html);
        let lower = html.to_lowercase();
        for banned in [
            "<script", "http", "url(", "@import", "<link", "<img", "<iframe", "src=",
        ] {
            assert!(!lower.contains(banned), "{banned} in the report");
        }
        assert!(html.starts_with("<!DOCTYPE html>"));
        let lang_attr = match lang {
            Lang::Zh => "<html lang=\"zh-CN\">",
            Lang::En => "<html lang=\"en\">",
        };
        assert!(html.contains(lang_attr));
        assert!(html.contains("@page { size: A4"));
        assert!(html.contains("break-before: page"));
        assert!(html.contains(DATE));
        for section in ["ranking", "awards", "veto", "sheets", "matrix", "warnings"] {
            assert!(
                html.contains(&format!("<section id=\"{section}\">")),
                "{section}"
            );
        }
    }
}

#[test]
fn html_report_holds_ranking_vetoes_and_explanations() {
    let s = scored(&worked_text());
    let zh = export_html(&s.input(Lang::Zh), DATE);
    assert!(zh.contains("<h1>示例：三县一区</h1>"));
    // The ranking, with bars.
    for (name, total) in [
        ("甲县", "21.80"),
        ("乙县", "20.20"),
        ("丙县", "19.70"),
        ("经济开发区", "18.80"),
    ] {
        let row = zh
            .split("<tr")
            .find(|r| r.contains(&format!("<td class=\"name\">{name}</td>")))
            .unwrap_or_else(|| panic!("{name}'s ranking row"));
        assert!(row.contains(&format!("<b>{total}</b>")), "{row}");
        assert!(row.contains("<span style=\"width: "), "{row}");
    }
    assert!(zh.contains("<span style=\"width: 100.0%\">"));
    // The veto, explained with its numbers.
    let veto = zh.split("<section id=\"veto\">").nth(1).unwrap();
    let veto = veto.split("</section>").next().unwrap();
    assert!(veto.contains("丙县：总分 19.70"), "{veto}");
    assert!(veto.contains("5.0% ÷ 2% × 5% × 4"), "{veto}");
    assert!(veto.contains("0.50"), "{veto}");
    assert!(veto.contains("末位：经济开发区（总分 18.80）"), "{veto}");
    // Every unit's score sheet, each row explained.
    for id in ["jia", "yi", "bing", "zone"] {
        assert!(zh.contains(&format!("<article class=\"sheet\" id=\"sheet-{id}\">")));
    }
    let bing = zh.split("id=\"sheet-bing\"").nth(1).unwrap();
    let bing = bing.split("</article>").next().unwrap();
    assert!(bing.contains("目标 1000人，实际 950人"), "{bing}");
    assert!(bing.contains("得分 4 − 0.50 = 3.50"), "{bing}");
    assert!(bing.contains("总分 = 组织实施 + 群众测评 + 任务完成 − 处分扣分"));
    // The matrix and the warnings.
    assert!(zh.contains("<th>市人社局</th>") && zh.contains("<td>牵头</td>"));
    assert!(zh.contains("sections.task"));

    let en = export_html(&s.input(Lang::En), DATE);
    assert!(en.contains("5.0% / 2% × 5% × 4"));
    assert!(en.contains("Last place: 经济开发区 (total 18.80)"));
}

/// The worked example with a county named `甲<b>&"县` and a title with markup.
fn hostile_text() -> String {
    worked_text()
        .replace("name = \"甲县\"", "name = \"甲<b>&\\\"县\"")
        .replace(
            "title = \"示例：三县一区\"",
            "title = \"<script>x</script> & 'q'\"",
        )
        .replace("note = \"市政府通报：培训台账不全\"", "note = \"=1+2 <i>\"")
}

#[test]
fn names_from_the_file_are_escaped_in_every_format() {
    let s = scored(&hostile_text());
    let input = s.input(Lang::Zh);
    let html = export_html(&input, DATE);
    assert_well_formed(&html);
    assert!(html.contains("甲&lt;b&gt;&amp;&quot;县"));
    assert!(!html.contains("<b>&"));
    assert!(!html.contains("<script"));
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt; &amp; &#39;q&#39;"));
    assert!(!html.contains("<i>"));

    let md = export_markdown(&input);
    assert!(md.contains("甲\\<b\\>\\&\"县"), "{md}");

    // csv keeps the name as it is, but never lets text start a formula.
    let csv = parse_csv(&export_csv(&input, CsvTable::Ranking, false));
    assert!(csv.iter().any(|r| r.iter().any(|c| c == "甲<b>&\"县")));
    let scores = export_csv(&input, CsvTable::Scores, false);
    assert!(!scores.contains(",=1+2") && !scores.contains(",\"=1+2"));

    // The workbook holds the name intact, as a sheet name too.
    let mut book = workbook(export_xlsx(&input).unwrap());
    assert!(book.sheet_names().contains(&"甲<b>&\"县".to_string()));
    let ranking = sheet(&mut book, "县区排名");
    row_with(&ranking, col(&ranking, "单位"), "甲<b>&\"县");
}

/// `rank --format csv` and `--format markdown` go through the same tables and the same
/// escaping as the exports: a formula is defused, markup escaped, control bytes gone.
#[test]
fn rank_formats_escape_like_the_exports() {
    let text = hostile_text().replace(
        "name = \"乙县\"",
        "name = \"=HYPERLINK(\\\"x\\\")\\u001b[2J\"",
    );
    let s = scored(&text);
    let input = s.input(Lang::Zh);
    let csv = kaoping::report::rank_csv(&input);
    assert!(!csv.contains('\u{1b}'), "{csv}");
    let rows = parse_csv(&csv);
    assert!(
        rows.iter()
            .any(|r| r.iter().any(|c| c.starts_with("'=HYPERLINK"))),
        "{csv}"
    );
    assert!(!rows.iter().any(|r| r.iter().any(|c| c.starts_with('='))));
    let md = kaoping::report::rank_markdown(&input);
    assert!(md.contains("甲\\<b\\>\\&\"县"), "{md}");
    assert!(!md.contains('\u{1b}'));
    let table = kaoping::report::rank_table(&input);
    assert!(!table.contains('\u{1b}'));
}

// ---- docx: the report to the leading group ------------------------------------------

/// The text of a part of a .docx, its markup taken out (paragraphs run together).
fn docx_text(docx: &[u8], part: &str) -> String {
    let xml = zip_entry(docx, part);
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[test]
fn docx_report_holds_the_award_lists_in_chinese_on_a4() {
    let s = scored(&worked_text());
    // Chinese whatever the interface's language: an official document.
    let docx = export_docx(&s.input(Lang::En), DATE).unwrap();
    let text = docx_text(&docx, "word/document.xml");
    for expected in [
        "关于示例：三县一区考评结果的通报（建议名单）",
        "市民生工程领导小组：",
        "一、综合先进",
        "拟评：甲县（21.80）、乙县（20.20）。",
        "符合条件（未被一票否决）的单位只有 2 个，其余 1 个名额空缺。",
        "二、末位",
        "末位：经济开发区（总分 18.80）。",
        "三、单项工作先进",
        "就业和创业工作先进县1经济开发区（6.20）待审定：经济开发区被一票否决（未完成城乡低保应保尽保）",
        "资金安排和落实工作先进县1丙县（3.50）待审定：丙县被一票否决（未完成城镇新增就业）",
        "四、先进市直单位",
        "五、先进个人",
        "甲县40尚未推荐",
        "六、一票否决",
        "（一）丙县：总分 19.70，第 3 名（共 4 个）",
        "城镇新增就业（基本分值 4，得分 3.50）：实际值 950，差 5.0%，每差 2% 扣基本分值的 5%：5.0% ÷ 2% × 5% × 4 = 扣 0.50 分。",
        "七、需领导小组审定的事项",
        "1. 【待审定】经济开发区被一票否决",
        "民生工程考评办公室2026年3月31日",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // The annex: every unit's sections and total, with what the lists say of it in words.
    let annex = text.split("各单位考评得分").last().unwrap();
    for row in [
        "1甲县5.505.5010.800.0021.80综合先进",
        "2乙县5.005.8010.401.0020.20综合先进",
        "3丙县5.005.209.500.0019.70一票否决（城镇新增就业）；单项工作先进 1 项",
        "4经济开发区4.504.909.400.0018.80一票否决（城乡低保应保尽保）；末位；单项工作先进 1 项",
    ] {
        assert!(annex.contains(row), "{row} not in the annex: {annex}");
    }
    assert!(text.contains("附件：各单位考评得分"));
    // No symbols of the screen, no ids, no policy keys.
    for symbol in ["★", "✗", "◆", "▼", "policy.", "single_item_veto", "scores."] {
        assert!(!text.contains(symbol), "{symbol} in the document");
    }
    for id in ["jia", "bing", "zone", "new-jobs"] {
        assert!(
            !text.to_lowercase().contains(id),
            "the id {id} in the document"
        );
    }
    // The ranking table's rows: rank, name, the sections, total.
    assert!(text.contains("1甲县5.505.5010.800.0021.80"), "{text}");
    assert!(text.contains("2乙县5.005.8010.401.0020.20"), "{text}");
    assert!(!text.contains("Comprehensive") && !text.contains("Last place"));

    // GB/T 9704: A4, margins 37/35/28/26 mm, the fonts, a fixed 28 pt line.
    let xml = zip_entry(&docx, "word/document.xml");
    let sect = &xml[xml.rfind("<w:sectPr").expect("a section")..];
    assert!(
        sect.contains(r#"<w:pgSz w:w="11906" w:h="16838""#),
        "{sect}"
    );
    for margin in [
        r#"w:top="2098""#,
        r#"w:bottom="1984""#,
        r#"w:left="1587""#,
        r#"w:right="1474""#,
    ] {
        assert!(sect.contains(margin), "{margin} not in {sect}");
    }
    assert!(sect.contains("<w:footerReference"), "{sect}");
    for font in ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"] {
        assert!(
            xml.contains(&format!(r#"w:eastAsia="{font}""#)),
            "{font} not used"
        );
    }
    assert!(xml.contains(r#"<w:sz w:val="44" />"#), "the title in 2号");
    assert!(xml.contains(r#"w:line="560" w:lineRule="exact""#));
    let fonts = zip_entry(&docx, "word/fontTable.xml");
    assert!(fonts.contains(r#"<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>"#));
    // The page number: `— PAGE —` in the footer.
    let footer = zip_entry(&docx, "word/footer1.xml");
    assert!(footer.contains("PAGE") && footer.contains("— "), "{footer}");
}

#[test]
fn docx_report_lists_departments_individuals_and_decisions_of_the_demo() {
    let s = scored(kaoping::project::DEMO);
    let docx = export_docx(&s.input(Lang::Zh), DATE).unwrap();
    let text = docx_text(&docx, "word/document.xml");
    for expected in [
        "关于2026年度民生工程目标管理考评结果的通报（建议名单）",
        "拟评：东城县（131.30）、西山县（128.91）、青阳县（127.97）。",
        "综合先进（市直部门）：名额 8 个",
        "市财政局（97.20）",
        "北岭县43陈静、杨帆、赵磊少 1 人（应等额推荐）",
        "经济开发区23罗勇、梁燕、宋鹏多 1 人（应等额推荐）",
        "社会保险工作先进县2北岭县（8.61）、南湖县（7.79）待审定：北岭县被一票否决（未完成城镇新增就业人数）",
        "（三）市民政局：总分 95.52，第 12 名（共 12 个）",
        "【待审定】北岭县被一票否决（未完成城镇新增就业人数），仍获评「社会保险工作先进县」，请领导小组审定。",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // Every comprehensive winner of both groups, with its total.
    for u in s
        .input(Lang::Zh)
        .board
        .units
        .iter()
        .chain(&s.input(Lang::Zh).board.departments)
    {
        if u.comprehensive {
            let named = format!("{}（{}）", u.name, score_text(u.total, 2));
            assert!(text.contains(&named), "{named} not in the report");
        }
    }
}

#[test]
fn docx_report_escapes_names_from_the_file() {
    let s = scored(&hostile_text());
    let docx = export_docx(&s.input(Lang::Zh), DATE).unwrap();
    let xml = zip_entry(&docx, "word/document.xml");
    assert!(xml.contains("甲&lt;b&gt;&amp;"), "the name is escaped");
    assert!(!xml.contains("<b>") && !xml.contains("<script"));
    assert!(docx_text(&docx, "word/document.xml").contains("关于&lt;script&gt;x&lt;/script&gt;"));
}

// ---- the binary ---------------------------------------------------------------------

fn kaoping(args: &[&str], dir: &Path) -> Output {
    common::kaoping()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run kaoping")
}

fn ok(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn binary_exports_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let worked = fixture("worked.toml");
    let worked = worked.to_str().unwrap();

    let xlsx = dir.path().join("out.xlsx");
    let out = kaoping(
        &[
            "export",
            worked,
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
            "--lang",
            "zh",
        ],
        dir.path(),
    );
    ok(&out);
    let mut book = workbook(std::fs::read(&xlsx).unwrap());
    let ranking = sheet(&mut book, "县区排名");
    let jia = row_with(&ranking, col(&ranking, "单位"), "甲县");
    assert!(close(num(&jia[col(&ranking, "总分")]), 21.8));

    // csv to standard output: with the BOM, or without.
    let out = kaoping(
        &["export", worked, "--format", "csv", "--table", "scores"],
        dir.path(),
    );
    ok(&out);
    assert!(out.stdout.starts_with("\u{FEFF}".as_bytes()));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Id,Unit,Section"));
    let out = kaoping(
        &[
            "export", worked, "--format", "csv", "--no-bom", "--lang", "zh",
        ],
        dir.path(),
    );
    ok(&out);
    assert!(out.stdout.starts_with("组别".as_bytes()));

    let out = kaoping(&["export", worked, "--format", "markdown"], dir.path());
    ok(&out);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("| 1 | **甲县** |"));

    // html to the default file, NAME.html in the current folder.
    let out = kaoping(&["export", worked, "--format", "html"], dir.path());
    ok(&out);
    let html = std::fs::read_to_string(dir.path().join("worked.html")).unwrap();
    assert_well_formed(&html);
    assert!(html.contains("<html lang=\"en\">"));

    // docx to the default file, NAME.docx, in Chinese under --lang en too.
    let out = kaoping(&["export", worked, "--format", "docx"], dir.path());
    ok(&out);
    let docx = std::fs::read(dir.path().join("worked.docx")).unwrap();
    assert!(docx_text(&docx, "word/document.xml").contains("拟评：甲县（21.80）、乙县（20.20）"));
    // …or by the extension of -o.
    let named = dir.path().join("送审稿.docx");
    ok(&kaoping(
        &["export", worked, "-o", named.to_str().unwrap()],
        dir.path(),
    ));
    assert!(named.exists());

    // A file with errors exports nothing (exit 1).
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, worked_text().replace("survey = 5.5", "survey = 60")).unwrap();
    let out = kaoping(
        &["export", bad.to_str().unwrap(), "--format", "html"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("bad.html").exists());
}

// ---- printing ---------------------------------------------------------------------

const CHROMIUM: &str = "/usr/bin/chromium";

fn have(program: &str) -> bool {
    Command::new(program)
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty() || !o.stdout.is_empty())
}

/// Runs a command to its end, killing it after `secs`; its output goes to files in `dir`
/// (a pipe that nobody reads while waiting could fill up and stall it).
fn run_with_timeout(cmd: &mut Command, dir: &Path, secs: u64) -> (bool, String, String) {
    let (out_path, err_path) = (dir.join("stdout.txt"), dir.join("stderr.txt"));
    let mut child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("start");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(secs) {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "timed out after {secs}s: {}",
                std::fs::read_to_string(&err_path).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let read =
        |p: &Path| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned();
    (status.success(), read(&out_path), read(&err_path))
}

#[test]
#[ignore = "needs chromium, pdftotext and a CJK font; .ci/run installs them and runs it"]
fn html_report_prints_to_pdf_with_the_ranking() {
    assert!(
        Path::new(CHROMIUM).exists() && have("pdftotext"),
        "this check needs {CHROMIUM} and pdftotext (.ci/run installs them)"
    );
    let s = scored(kaoping::project::DEMO);
    let input = s.input(Lang::Zh);
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("demo.html");
    std::fs::write(&html, export_html(&input, DATE)).unwrap();
    let pdf = dir.path().join("demo.pdf");
    let profile = dir.path().join("profile");
    let (_, _, chromium_said) = run_with_timeout(
        Command::new(CHROMIUM)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", html.display())),
        dir.path(),
        180,
    );
    assert!(pdf.exists(), "no PDF; chromium said: {chromium_said}");
    let txt = dir.path().join("demo.txt");
    let (done, _, said) = run_with_timeout(
        Command::new("pdftotext").arg("-layout").arg(&pdf).arg(&txt),
        dir.path(),
        60,
    );
    assert!(done, "pdftotext: {said}");
    let text = std::fs::read_to_string(&txt).unwrap();
    for u in input.board.units.iter().chain(&input.board.departments) {
        assert!(text.contains(&u.name), "{} not in the PDF", u.name);
        let total = score_text(u.total, 2);
        assert!(text.contains(&total), "{total} not in the PDF");
    }
    assert!(text.contains("东城县") && text.contains("131.30"));
    assert!(text.contains("综合排名") && text.contains("一票否决单位"));
}

/// LibreOffice's converter, when this machine has one.
fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|p| {
        Command::new(p)
            .arg("--version")
            .stdin(std::process::Stdio::null())
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
#[ignore = "needs LibreOffice (soffice), pdftotext and a CJK font; .ci/run installs them and runs it"]
fn docx_report_converts_to_pdf_with_libreoffice() {
    let soffice =
        soffice().expect("this check needs soffice (.ci/run installs libreoffice-writer)");
    assert!(
        have("pdftotext"),
        "this check needs pdftotext (.ci/run installs it)"
    );
    let s = scored(kaoping::project::DEMO);
    let input = s.input(Lang::Zh);
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("demo.docx");
    std::fs::write(&docx, export_docx(&input, DATE).unwrap()).unwrap();
    // A profile of its own, so that a LibreOffice already running does not take the job.
    let profile = format!(
        "-env:UserInstallation=file://{}/lo-profile",
        dir.path().display()
    );
    let (_, _, said) = run_with_timeout(
        Command::new(soffice)
            .arg(profile)
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(dir.path())
            .arg(&docx),
        dir.path(),
        180,
    );
    let pdf = dir.path().join("demo.pdf");
    assert!(pdf.exists(), "no PDF; soffice said: {said}");
    let txt = dir.path().join("demo.txt");
    let (done, _, said) = run_with_timeout(
        Command::new("pdftotext").arg(&pdf).arg(&txt),
        dir.path(),
        60,
    );
    assert!(done, "pdftotext: {said}");
    // Justified lines get spaces between characters, and cells wrap: compare without
    // white space.
    let text: String = std::fs::read_to_string(&txt)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    assert!(
        text.contains("关于2026年度民生工程目标管理考评结果的通报（建议名单）"),
        "{text}"
    );
    let board = input.board;
    for u in board
        .units
        .iter()
        .chain(&board.departments)
        .filter(|u| u.comprehensive)
    {
        let named = format!("{}（{}）", u.name, score_text(u.total, 2));
        assert!(text.contains(&named), "{named} not in the PDF:\n{text}");
    }
    for a in &board.awards {
        for w in &a.winners {
            let name = &board.find(w).unwrap().name;
            assert!(
                text.contains(name.as_str()),
                "{name} ({}) not in the PDF",
                a.name
            );
        }
    }
    assert!(text.contains("末位：经济开发区（总分121.51）"), "{text}");
    assert!(text.contains("【待审定】北岭县被一票否决"), "{text}");
    assert!(text.contains("—1—"), "no page number: {text}");
}

// ---- advanced individuals, in every format ---------------------------------------------

#[test]
fn every_export_lists_the_advanced_individuals() {
    let s = scored(kaoping::project::DEMO);
    let zh = s.input(Lang::Zh);
    // csv: one row per unit with places or nominees.
    let rows = parse_csv(&export_csv(&zh, CsvTable::Individuals, false));
    assert_eq!(rows[0], ["单位", "名额", "推荐人数", "推荐人选", "说明"]);
    let yi = rows.iter().find(|r| r[0] == "北岭县").unwrap();
    assert_eq!(
        yi[1..],
        ["4", "3", "陈静、杨帆、赵磊", "少 1 人（应等额推荐）"]
    );
    let zone = rows.iter().find(|r| r[0] == "经济开发区").unwrap();
    assert_eq!(zone[4], "多 1 人（应等额推荐）");
    let water = rows.iter().find(|r| r[0] == "市水务局").unwrap();
    assert_eq!(water[1..], ["2", "0", "", "尚未推荐"]);
    // The minutes and the report.
    let minutes = export_markdown(&zh);
    assert!(minutes.contains("## 先进个人"), "{minutes}");
    assert!(minutes.contains("| 北岭县 | 4 | 3 | 陈静、杨帆、赵磊 | 少 1 人（应等额推荐） |"));
    let html = export_html(&zh, "2027-01-30");
    assert!(html.contains("<section id=\"individuals\"><h2>先进个人</h2>"));
    // The awards table marks a vetoed winner: 北岭县 (vetoed on new-jobs) wins 社会保险.
    let awards = parse_csv(&export_csv(&s.input(Lang::En), CsvTable::Awards, false));
    let won = awards
        .iter()
        .find(|r| r[0] == "社会保险工作先进县" && r[4] == "北岭县")
        .unwrap();
    assert_eq!(won[6], "yes (vetoed: to confirm)");
}

#[test]
fn csv_options_with_another_format_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.xlsx");
    let run = common::run_kaoping(&[
        "export",
        common::WORKED_FILE,
        "--table",
        "scores",
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("--table is for csv only"), "{stderr}");
    assert!(!out.exists());
}

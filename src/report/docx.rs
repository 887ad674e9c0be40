//! `kaoping export --format docx`: the report the evaluation office sends the leading group
//! (领导小组) — the proposed award lists of the year, for approval (建议名单). In Chinese only,
//! whatever `--lang` says (an official document; see [`DocxText`]).
//!
//! Contents: the title from the project's, the addressee and an opening paragraph, then
//! 一、综合先进 (the comprehensive-advanced counties and zone with their sections and
//! totals), 二、末位, 三、单项工作先进 (each award with its proposed winners and their award
//! scores; a vetoed winner is marked 待审定), 四、先进市直单位, 五、先进个人 (places,
//! nominees, short or over), 六、一票否决 (each vetoed unit and what it failed, with the
//! numbers), 七、需领导小组审定的事项 (the scoreboard's warnings: vetoed winners, ties at a
//! cut, last place among the comprehensive, implausible rows, nominations off quota,
//! entries still pending), and the office and the date.
//!
//! Every number and sentence comes from the functions the minutes and the html report use
//! ([`super::winners_with_scores`], [`super::failed_items`], [`super::markdown::last_place_text`],
//! [`super::tables::individuals`], [`crate::check::board_problems`]); nothing is decided
//! here again.
//!
//! Layout after GB/T 9704-2012 (党政机关公文格式) as far as the format allows: A4; margins
//! top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; the title in 2号 方正小标宋简体, the
//! body in 3号 仿宋_GB2312 with a fixed 28 pt line, level-1 headings in 3号 黑体 and level-2
//! in 3号 楷体_GB2312, paragraphs indented two characters; tables with borders in 小4号;
//! the page number `— 1 —` in 4号 宋体 at the foot of every page (centred). A .docx cannot
//! name a list of fonts for a run: each font is named as GB/T 9704 names it for Chinese
//! text, with its common Windows name for Latin text and digits, and the font table gives
//! each an alternative name (`w:altName`: 宋体, 仿宋, 黑体, 楷体) that Word and WPS use
//! when the first is not installed.

use super::RankInput;
use super::tables;
use crate::i18n::{DocxText, ExportText, Lang, T};
use crate::project::UnitKind;
use crate::project::problem::ProblemKind;
use crate::scoring::{UnitResult, score_text};
use crate::text::clean;
use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, InstrPAGE, InstrText, LineSpacing,
    LineSpacingType, PageMargin, Paragraph, Run, RunFonts, Table, TableCell, TableLayoutType,
    TableRow, WidthType,
};

/// A4 in twentieths of a point (twips): 210 × 297 mm.
pub const A4_TWIPS: (u32, u32) = (11906, 16838);

/// The margins of GB/T 9704 in millimetres: top, bottom, left, right.
pub const MARGINS_MM: [u32; 4] = [37, 35, 28, 26];

/// Millimetres in twips.
pub const fn mm_to_twips(mm: u32) -> i32 {
    // 1 mm = 1440 / 25.4 twips, rounded to the nearest.
    ((mm as u64 * 14400 + 127) / 254) as i32
}

/// The text width: 210 − 28 − 26 = 156 mm.
const TEXT_WIDTH: usize = (A4_TWIPS.0 as i32 - mm_to_twips(28) - mm_to_twips(26)) as usize;

/// A font as GB/T 9704 names it (for Chinese text), its Windows name (for Latin text and
/// digits) and the alternative the font table offers when the first is missing.
struct Font {
    east_asia: &'static str,
    latin: &'static str,
    alt: &'static str,
}

const TITLE_FONT: Font = Font {
    east_asia: "方正小标宋简体",
    latin: "SimSun",
    alt: "宋体",
};
const BODY_FONT: Font = Font {
    east_asia: "仿宋_GB2312",
    latin: "FangSong",
    alt: "仿宋",
};
const HEADING1_FONT: Font = Font {
    east_asia: "黑体",
    latin: "SimHei",
    alt: "SimHei",
};
const HEADING2_FONT: Font = Font {
    east_asia: "楷体_GB2312",
    latin: "KaiTi",
    alt: "楷体",
};
const PAGE_FONT: Font = Font {
    east_asia: "宋体",
    latin: "SimSun",
    alt: "SimSun",
};

/// Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小4号 12 pt.
const SIZE_2: usize = 44;
const SIZE_3: usize = 32;
const SIZE_4: usize = 28;
const SIZE_SMALL_4: usize = 24;
const SIZE_5: usize = 21;

/// The fixed line of the body: 28 pt, in twips.
const BODY_LINE: i32 = 560;
/// The fixed line of the title (two lines of 2号): 35 pt.
const TITLE_LINE: i32 = 700;
/// The fixed line in tables: 20 pt.
const TABLE_LINE: i32 = 400;

impl Font {
    fn run_fonts(&self) -> RunFonts {
        RunFonts::new()
            .east_asia(self.east_asia)
            .ascii(self.latin)
            .hi_ansi(self.latin)
            .cs(self.latin)
            .hint("eastAsia")
    }
}

fn exact(line: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(line)
}

/// Text from the file as the document holds it: control characters replaced (XML 1.0
/// cannot hold most of them; the writer escapes markup).
fn text_of(s: &str) -> String {
    clean(s)
}

/// A sentence ends in 。 (the shared texts that end a list or a parenthesis do not).
fn sentence(mut s: String) -> String {
    if !s.ends_with('。') {
        s.push('。');
    }
    s
}

fn run(text: &str, font: &Font, size: usize) -> Run {
    Run::new()
        .add_text(text_of(text))
        .fonts(font.run_fonts())
        .size(size)
}

/// A body paragraph: 3号 仿宋, indented two characters, justified, a fixed 28 pt line.
fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, &BODY_FONT, SIZE_3))
        .align(AlignmentType::Both)
        .first_line_chars(200)
        .line_spacing(exact(BODY_LINE))
}

/// A level-1 heading (`一、…`): 3号 黑体.
fn heading1(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, &HEADING1_FONT, SIZE_3))
        .first_line_chars(200)
        .line_spacing(exact(BODY_LINE))
        .keep_next(true)
        .outline_lvl(0)
}

/// A level-2 heading (`（一）…`): 3号 楷体.
fn heading2(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, &HEADING2_FONT, SIZE_3))
        .first_line_chars(200)
        .line_spacing(exact(BODY_LINE))
        .keep_next(true)
        .outline_lvl(1)
}

fn empty_line() -> Paragraph {
    Paragraph::new()
        .add_run(run("", &BODY_FONT, SIZE_3))
        .line_spacing(exact(BODY_LINE))
}

/// A table with borders: a header row in 黑体 and rows in 仿宋, of `size` (小4号, or 5号
/// for the annex's eight columns), fixed column widths (`weights` shares of the text
/// width).
fn table(header: &[String], rows: &[Vec<String>], weights: &[usize], size: usize) -> Table {
    let total: usize = weights.iter().sum::<usize>().max(1);
    let widths: Vec<usize> = weights.iter().map(|w| TEXT_WIDTH * w / total).collect();
    let cell = |text: &str, font: &Font, width: usize, align: AlignmentType| {
        TableCell::new().width(width, WidthType::Dxa).add_paragraph(
            Paragraph::new()
                .add_run(run(text, font, size))
                .align(align)
                .line_spacing(exact(TABLE_LINE)),
        )
    };
    let mut out = vec![TableRow::new(
        header
            .iter()
            .zip(&widths)
            .map(|(h, w)| cell(h, &HEADING1_FONT, *w, AlignmentType::Center))
            .collect(),
    )];
    for row in rows {
        out.push(
            TableRow::new(
                row.iter()
                    .zip(&widths)
                    .map(|(c, w)| cell(c, &BODY_FONT, *w, AlignmentType::Left))
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(out)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// The footer: `— 1 —`, the page number a field, 4号 宋体, centred.
fn page_number_footer() -> Footer {
    let dash = |s: &str| run(s, &PAGE_FONT, SIZE_4);
    let page = Run::new()
        .fonts(PAGE_FONT.run_fonts())
        .size(SIZE_4)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false);
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(dash("— "))
            .add_run(page)
            .add_run(dash(" —")),
    )
}

/// The font table: the fonts the document names, each with its alternative.
fn font_table() -> Vec<u8> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">",
    );
    for f in [
        &TITLE_FONT,
        &BODY_FONT,
        &HEADING1_FONT,
        &HEADING2_FONT,
        &PAGE_FONT,
    ] {
        xml.push_str(&format!(
            "<w:font w:name=\"{}\"><w:altName w:val=\"{}\"/><w:charset w:val=\"86\"/>\
             <w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>",
            f.east_asia, f.alt
        ));
    }
    for (name, family) in [
        ("SimSun", "auto"),
        ("FangSong", "modern"),
        ("SimHei", "modern"),
        ("KaiTi", "modern"),
        ("Times New Roman", "roman"),
    ] {
        xml.push_str(&format!(
            "<w:font w:name=\"{name}\"><w:charset w:val=\"86\"/><w:family w:val=\"{family}\"/>\
             <w:pitch w:val=\"variable\"/></w:font>"
        ));
    }
    xml.push_str("</w:fonts>");
    xml.into_bytes()
}

/// The rows of a group's comprehensive-advanced units: rank, name, sections, total.
fn winner_rows(input: &RankInput, group: &[UnitResult]) -> Vec<Vec<String>> {
    let winners: Vec<&UnitResult> = group.iter().filter(|u| u.comprehensive).collect();
    let mut rows = score_rows(input, &winners);
    // The rank among the units not vetoed (the one the award goes by), so that the list
    // reads 1, 2, 3 and a tie is with another winner, not with a vetoed unit left out.
    for (row, u) in rows.iter_mut().zip(&winners) {
        if let Some(rank) = u.rank_eligible {
            let tied = winners
                .iter()
                .any(|o| o.id != u.id && o.rank_eligible == Some(rank));
            row[0] = if tied {
                format!("{}{rank}", T::ExportTied.get(Lang::Zh))
            } else {
                rank.to_string()
            };
        }
    }
    rows
}

/// Rank, name, the three sections, the penalty and the total of each unit, in words and
/// numbers only (no symbols).
fn score_rows(input: &RankInput, units: &[&UnitResult]) -> Vec<Vec<String>> {
    let dp = input.project.policy.score_decimals;
    units
        .iter()
        .map(|u| {
            let rank = if u.tied {
                format!("{}{}", T::ExportTied.get(Lang::Zh), u.rank)
            } else {
                u.rank.to_string()
            };
            vec![
                rank,
                u.name.clone(),
                score_text(u.organization, dp),
                score_text(u.survey, dp),
                score_text(u.task, dp),
                score_text(u.penalty, dp),
                score_text(u.total, dp),
            ]
        })
        .collect()
}

/// A group's comprehensive advanced: the places, the proposed winners with their totals,
/// a note when places stay empty, and the table.
fn comprehensive(doc: Docx, input: &RankInput, kind: UnitKind) -> Docx {
    let t = DocxText;
    let group = input.board.group(kind);
    let name = if kind == UnitKind::Department {
        T::ExportComprehensiveDepartments
    } else {
        T::ExportComprehensiveUnits
    };
    let winners = super::comprehensive_winners(group.units);
    let mut doc = doc
        .add_paragraph(body(&sentence(
            ExportText(Lang::Zh).comprehensive_places(name.get(Lang::Zh), group.places),
        )))
        .add_paragraph(body(&sentence(t.proposed(&super::winners_with_scores(
            input, &winners, text_of, false,
        )))));
    if (winners.len() as u32) < group.places {
        doc = doc.add_paragraph(body(&t.places_left_empty(winners.len(), group.places)));
    }
    if winners.is_empty() {
        return doc;
    }
    let header: Vec<String> = DocxText::RANKING_HEADER
        .iter()
        .map(|s| s.to_string())
        .collect();
    doc.add_table(table(
        &header,
        &winner_rows(input, group.units),
        &[10, 20, 14, 14, 14, 14, 14],
        SIZE_SMALL_4,
    ))
    .add_paragraph(empty_line())
}

/// 三、单项工作先进: each award, its places, the proposed winners with their award scores,
/// and a note on a vetoed winner (待审定).
fn single_item_awards(doc: Docx, input: &RankInput) -> Docx {
    let t = DocxText;
    let board = input.board;
    if board.awards.is_empty() {
        return doc.add_paragraph(body(T::ExportNone.get(Lang::Zh)));
    }
    let rows: Vec<Vec<String>> = board
        .awards
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let notes: Vec<String> = board
                .vetoed_winners()
                .into_iter()
                .filter(|(award, _)| award.id == a.id)
                .map(|(_, u)| {
                    let failed: Vec<String> = u
                        .failed
                        .iter()
                        .map(|id| {
                            input
                                .project
                                .indicator(id)
                                .map_or(id.clone(), |i| i.name.clone())
                        })
                        .collect();
                    t.vetoed_winner_note(&u.name, &crate::i18n::ExplainText(Lang::Zh).list(&failed))
                })
                .collect();
            vec![
                (n + 1).to_string(),
                a.name.clone(),
                a.count.to_string(),
                super::winners_with_scores(input, &super::award_winners(a), text_of, false),
                notes.join("；"),
            ]
        })
        .collect();
    let header: Vec<String> = DocxText::AWARDS_HEADER
        .iter()
        .map(|s| s.to_string())
        .collect();
    doc.add_table(table(&header, &rows, &[7, 30, 8, 30, 25], SIZE_SMALL_4))
        .add_paragraph(body(&ExportText(Lang::Zh).standings_note()))
}

/// 五、先进个人: the table every export shows (places, nominees, short or over).
fn individuals(doc: Docx, input: &RankInput) -> Docx {
    let dp = input.project.policy.score_decimals;
    let t = tables::individuals(input);
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.display(dp, Lang::Zh)).collect())
        .collect();
    doc.add_paragraph(body(&DocxText.individuals_note()))
        .add_table(table(&t.header, &rows, &[20, 9, 11, 38, 22], SIZE_SMALL_4))
        .add_paragraph(empty_line())
}

/// 六、一票否决: each vetoed unit with its standing, then each failed indicator with its
/// numbers and the deduction.
fn vetoes(mut doc: Docx, input: &RankInput) -> Docx {
    let vetoed = super::vetoed_units(input);
    if vetoed.is_empty() {
        return doc.add_paragraph(body(T::ExportNobodyVetoed.get(Lang::Zh)));
    }
    for (n, u) in vetoed.into_iter().enumerate() {
        doc = doc.add_paragraph(heading2(
            &DocxText.numbered(n + 1, &super::unit_standing(input, u, text_of)),
        ));
        for line in super::failed_items(input, u, text_of) {
            doc = doc.add_paragraph(body(&sentence(line)));
        }
    }
    doc
}

/// 七、需领导小组审定的事项: the warnings the scoreboard raises, numbered; a vetoed unit that
/// wins a single-item award is marked 待审定.
fn matters(mut doc: Docx, input: &RankInput) -> Docx {
    let problems = crate::check::board_problems(input.project, input.board);
    if problems.is_empty() {
        return doc.add_paragraph(body(DocxText.no_matters()));
    }
    for (n, p) in problems.iter().enumerate() {
        let message = crate::i18n::problem_message(&p.kind, Lang::Zh);
        let message = message.trim_end_matches(['。', '.']);
        let to_decide = matches!(p.kind, ProblemKind::VetoedWinner { .. });
        doc = doc.add_paragraph(body(&DocxText.matter(n + 1, message, to_decide)));
    }
    doc
}

/// 附件: every unit's section scores and total, a table per group, with what the lists
/// say of it (综合先进, 一票否决 and the indicators it failed, 末位, 单项工作先进, 待录入) in
/// words.
fn annex(mut doc: Docx, input: &RankInput) -> Docx {
    let t = DocxText;
    doc = doc
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_break(BreakType::Page))
                .add_run(run(t.annex_label(), &HEADING1_FONT, SIZE_3))
                .line_spacing(exact(BODY_LINE)),
        )
        .add_paragraph(
            Paragraph::new()
                .add_run(run(t.annex_title(), &TITLE_FONT, SIZE_2))
                .align(AlignmentType::Center)
                .line_spacing(exact(TITLE_LINE)),
        )
        .add_paragraph(empty_line());
    let mut header: Vec<String> = DocxText::RANKING_HEADER
        .iter()
        .map(|s| s.to_string())
        .collect();
    header.push(t.remarks_heading().to_string());
    let groups = [
        (UnitKind::County, &input.board.units),
        (UnitKind::Department, &input.board.departments),
    ];
    let shown: Vec<_> = groups
        .iter()
        .filter(|(_, units)| !units.is_empty())
        .collect();
    for (n, (kind, _)) in shown.iter().enumerate() {
        let group = input.board.group(*kind);
        let units: Vec<&UnitResult> = group.units.iter().collect();
        let mut rows = score_rows(input, &units);
        for (row, u) in rows.iter_mut().zip(&units) {
            row.push(remarks(input, u));
        }
        if shown.len() > 1 {
            doc = doc.add_paragraph(heading2(&t.numbered(n + 1, t.group_name(*kind))));
        }
        doc = doc
            .add_table(table(
                &header,
                &rows,
                &[7, 16, 11, 11, 11, 10, 11, 23],
                SIZE_5,
            ))
            .add_paragraph(empty_line());
    }
    doc
}

/// What the lists say of a unit, in words: `综合先进`, `一票否决（城镇新增就业）`, `末位`,
/// `单项工作先进 2 项`, `待录入`; joined with `；`.
fn remarks(input: &RankInput, u: &UnitResult) -> String {
    let t = DocxText;
    let mut said = Vec::new();
    if u.comprehensive {
        said.push(t.remark_comprehensive());
    }
    if u.vetoed() {
        let failed: Vec<String> = u
            .failed
            .iter()
            .map(|id| {
                input
                    .project
                    .indicator(id)
                    .map_or(id.clone(), |i| i.name.clone())
            })
            .collect();
        said.push(t.remark_vetoed(&crate::i18n::ExplainText(Lang::Zh).list(&failed)));
    }
    if u.last_place {
        said.push(t.remark_last_place());
    }
    if !u.awards.is_empty() {
        said.push(t.remark_awards(u.awards.len()));
    }
    if u.pending.any() {
        said.push(t.remark_pending());
    }
    said.join("；")
}

/// The document as the bytes of a .docx file. `date` (`2027-01-30`) is the date under
/// the office's name.
pub fn export_docx(input: &RankInput, date: &str) -> Result<Vec<u8>, String> {
    // Chinese whatever the interface's language: an official document.
    let input = &RankInput {
        lang: Lang::Zh,
        ..*input
    };
    let t = DocxText;
    let board = input.board;
    let [top, bottom, left, right] = MARGINS_MM.map(mm_to_twips);
    let mut doc = Docx::new()
        .page_size(A4_TWIPS.0, A4_TWIPS.1)
        .page_margin(
            PageMargin::new()
                .top(top)
                .bottom(bottom)
                .left(left)
                .right(right)
                .header(mm_to_twips(15))
                .footer(mm_to_twips(23))
                .gutter(0),
        )
        .default_fonts(BODY_FONT.run_fonts())
        .default_size(SIZE_3)
        .footer(page_number_footer())
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&t.title(&input.project.title), &TITLE_FONT, SIZE_2))
                .align(AlignmentType::Center)
                .line_spacing(exact(TITLE_LINE)),
        )
        .add_paragraph(empty_line())
        .add_paragraph(
            Paragraph::new()
                .add_run(run(t.addressee(), &BODY_FONT, SIZE_3))
                .line_spacing(exact(BODY_LINE)),
        )
        .add_paragraph(body(&t.opening(board.units.len(), board.departments.len())));
    let pending = board.pending_count();
    if pending > 0 {
        doc = doc.add_paragraph(body(&ExportText(Lang::Zh).pending(pending)));
    }
    let [
        h_comprehensive,
        h_last,
        h_single,
        h_departments,
        h_individuals,
        h_veto,
        h_matters,
    ] = DocxText::HEADINGS;

    doc = doc.add_paragraph(heading1(h_comprehensive));
    doc = comprehensive(doc, input, UnitKind::County);

    doc = doc
        .add_paragraph(heading1(h_last))
        .add_paragraph(body(&sentence(super::markdown::last_place_text(
            input, text_of,
        ))));

    doc = doc.add_paragraph(heading1(h_single));
    doc = single_item_awards(doc, input);

    doc = doc.add_paragraph(heading1(h_departments));
    doc = if board.departments.is_empty() {
        doc.add_paragraph(body(t.no_departments()))
    } else {
        comprehensive(doc, input, UnitKind::Department)
    };

    doc = doc.add_paragraph(heading1(h_individuals));
    doc = individuals(doc, input);

    doc = doc.add_paragraph(heading1(h_veto));
    doc = vetoes(doc, input);

    doc = doc.add_paragraph(heading1(h_matters));
    doc = matters(doc, input);

    // The office and the date, right-aligned (four characters in from the right edge).
    let signed = |text: &str| {
        Paragraph::new()
            .add_run(run(text, &BODY_FONT, SIZE_3))
            .align(AlignmentType::Right)
            .keep_next(true)
            .indent(None, None, Some(mm_to_twips(22)), None)
            .line_spacing(exact(BODY_LINE))
    };
    doc = doc
        .add_paragraph(empty_line())
        .add_paragraph(body(&t.annex_note()))
        .add_paragraph(empty_line().keep_next(true))
        .add_paragraph(empty_line().keep_next(true))
        .add_paragraph(signed(t.signature()))
        .add_paragraph(signed(&t.date(date)));
    doc = annex(doc, input);

    let mut xml = doc.build();
    xml.font_table = font_table();
    let mut bytes = std::io::Cursor::new(Vec::new());
    xml.pack(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_in_twips() {
        assert_eq!(MARGINS_MM.map(mm_to_twips), [2098, 1984, 1587, 1474]);
        assert_eq!(TEXT_WIDTH, 11906 - 1587 - 1474);
    }
}

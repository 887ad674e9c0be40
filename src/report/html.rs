//! `kaoping export --format html`: one self-contained report to print or to show — the
//! ranking with bars, the awards, the vetoed units with the failed indicators and their
//! numbers, last place, every unit's score sheet with the explanation of each score,
//! the responsibility matrix and the scheme's warnings.
//!
//! Self-contained: the CSS is inline, there are no scripts, no external fonts or images
//! and no links, so it opens (and prints) the same offline. Print styles: A4 pages, a
//! page break before each section and each score sheet, the matrix on a landscape page,
//! header rows repeated on every page. Everything that comes from the file is sanitised
//! ([`crate::text::clean`]) and HTML-escaped.

use super::tables::{self, Cell, Table, Tone};
use super::{RankInput, warning_line};
use crate::explain;
use crate::i18n::explain::{item_lines, unit_lines};
use crate::i18n::{ExplainText, ExportText, Lang, T};
use crate::project::UnitKind;
use crate::scoring::UnitResult;
use crate::scoring::score_text;
use crate::text::clean;
use rust_decimal::Decimal;
use std::fmt::Write as _;

const CSS: &str = r#"
@page { size: A4; margin: 14mm 12mm; }
@page wide { size: A4 landscape; margin: 12mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
       "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans SC", sans-serif;
       font-size: 10.5pt; line-height: 1.45; color: #111; background: #fff;
       max-width: 64em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 .2em; }
h2 { font-size: 14pt; border-bottom: 2px solid #345; padding-bottom: .15em; margin: 1.2em 0 .6em; }
h3 { font-size: 12pt; margin: 1em 0 .4em; }
h4 { font-size: 10.5pt; margin: .8em 0 .3em; }
p { margin: .3em 0; }
.date, .note, .legend { color: #555; }
.legend { font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; }
th, td { border: 1px solid #bbb; padding: .15em .4em; vertical-align: top; text-align: left; }
th { background: #dde4ee; font-weight: bold; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.strong td { font-weight: bold; background: #f2f4f7; }
.alert { color: #b00000; font-weight: bold; }
.won { font-weight: bold; }
th { white-space: nowrap; }
td.name { white-space: nowrap; }
td.flags { font-size: 9pt; }
td.bar { width: 16%; }
td.bar span { display: block; height: .9em; margin-top: .25em; background: #4a78b0; }
tr.vetoed td.bar span { background: #c96a6a; }
tr.vetoed td.name { color: #b00000; }
table.sheet { font-size: 9pt; }
tr.why td { border-top: none; background: #fafafa; }
tr.group td { font-weight: bold; background: #e8edf4; }
table.sheet td:first-child { white-space: nowrap; }
.explain { font-size: 8.5pt; color: #333; }
.explain p { margin: 0; }
.explain .i1 { padding-left: 1.5em; }
.explain .i2 { padding-left: 3em; }
.explain .i3 { padding-left: 4.5em; }
section { break-before: page; page-break-before: always; }
section:first-of-type { break-before: auto; page-break-before: auto; }
article.sheet + article.sheet { break-before: page; page-break-before: always; }
#matrix { page: wide; }
table.matrix { font-size: 8.5pt; }
table.matrix td { text-align: center; }
table.matrix td:nth-child(-n+2) { text-align: left; }
table.matrix th { white-space: normal; }
table.matrix td:nth-child(2) { min-width: 12em; }
footer { margin-top: 2em; color: #777; font-size: 8.5pt; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  h2 { margin-top: 0; }
}
"#;

/// Text made safe for HTML: control characters replaced ([`sanitize`]), then `& < > " '`
/// escaped.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in clean(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A table cell: numbers right-aligned, alerts marked.
fn td(cell: &Cell, places: u32, lang: Lang) -> String {
    let text = esc(&cell.display(places, lang));
    match cell {
        Cell::Empty => "<td></td>".into(),
        Cell::Text(_) => format!("<td>{text}</td>"),
        Cell::Alert(_) => format!("<td class=\"alert\">{text}</td>"),
        Cell::Int(_) | Cell::Score(_) | Cell::Value(_) | Cell::Share(_) => {
            format!("<td class=\"num\">{text}</td>")
        }
        Cell::Flags(flags) => {
            let marked: Vec<String> = flags
                .iter()
                .map(|f| {
                    if f.alert {
                        format!("<span class=\"alert\">{}</span>", esc(&f.text))
                    } else {
                        esc(&f.text)
                    }
                })
                .collect();
            format!("<td class=\"flags\">{}</td>", marked.join("　"))
        }
    }
}

fn thead(header: &[String]) -> String {
    let mut out = String::from("<thead><tr>");
    for h in header {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead>");
    out
}

/// Explanation lines as paragraphs, indented as the text indents them (two spaces a
/// level).
fn explain_block(lines: &[String]) -> String {
    let mut out = String::from("<div class=\"explain\">");
    for line in lines {
        let trimmed = line.trim_start_matches(' ');
        let level = ((line.len() - trimmed.len()) / 2).min(3);
        let _ = write!(out, "<p class=\"i{level}\">{}</p>", esc(trimmed));
    }
    out.push_str("</div>");
    out
}

/// The share of the bar: `total / top` as a percentage with one decimal, 0..=100.
fn bar_percent(total: Decimal, top: Decimal) -> Decimal {
    if top <= Decimal::ZERO || total <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    let mut share = total
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|n| n.checked_div(top))
        .unwrap_or(Decimal::ZERO)
        .round_dp(1)
        .clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
    share.rescale(1);
    share
}

/// A group's ranking with a bar for each total; vetoed, comprehensive and last-place
/// rows marked for the print style.
fn ranking_table(input: &RankInput, group: &[UnitResult]) -> String {
    let lang = input.lang;
    let dp = input.project.policy.score_decimals;
    let table = tables::ranking(input, tables::SHORT_RANKING, &[(T::CountiesAndZone, group)]);
    // The bar goes between the total and the flags, under an empty heading.
    let bar_at = tables::SHORT_RANKING
        .iter()
        .position(|c| *c == tables::RankCol::Flags)
        .unwrap_or(table.header.len());
    let mut header = table.header.clone();
    header.insert(bar_at, String::new());
    let top = group.iter().map(|u| u.total).max().unwrap_or_default();
    let mut out = format!("<table class=\"ranking\">{}<tbody>", thead(&header));
    for (row, u) in table.rows.iter().zip(group) {
        let mut classes = Vec::new();
        if u.vetoed() {
            classes.push("vetoed");
        }
        if u.comprehensive {
            classes.push("comprehensive");
        }
        if u.last_place {
            classes.push("last");
        }
        let _ = write!(out, "<tr class=\"{}\">", classes.join(" "));
        for (cell, col) in row.cells.iter().zip(tables::SHORT_RANKING) {
            let text = esc(&cell.display(dp, lang));
            match col {
                tables::RankCol::RankTied => {
                    let _ = write!(out, "<td class=\"num\">{text}</td>");
                }
                tables::RankCol::Unit => {
                    let _ = write!(out, "<td class=\"name\">{text}</td>");
                }
                tables::RankCol::Total => {
                    let _ = write!(out, "<td class=\"num\"><b>{text}</b></td>");
                }
                tables::RankCol::Flags => {
                    let _ = write!(
                        out,
                        "<td class=\"bar\"><span style=\"width: {}%\"></span></td>{}",
                        bar_percent(u.total, top),
                        td(cell, dp, lang)
                    );
                }
                _ => out.push_str(&td(cell, dp, lang)),
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// Names with a score each, the winners in bold.
fn standings_html(
    input: &RankInput,
    standings: &[(String, Decimal)],
    winners: &[String],
) -> String {
    let dp = input.project.policy.score_decimals;
    let t = ExplainText(input.lang);
    let items: Vec<String> = standings
        .iter()
        .map(|(id, s)| {
            let item = esc(&super::winner_with_score(input, id, &score_text(*s, dp)));
            if winners.contains(id) {
                format!("<span class=\"won\">★ {item}</span>")
            } else {
                item
            }
        })
        .collect();
    if items.is_empty() {
        return esc(T::NoWinner.get(input.lang));
    }
    t.list(&items)
}

fn awards_section(input: &RankInput) -> String {
    let lang = input.lang;
    let text = ExportText(lang);
    let board = input.board;
    let mut out = format!(
        "<section id=\"awards\"><h2>{}</h2>",
        esc(T::ExportAwardsHeading.get(lang))
    );
    let groups = super::comprehensive_groups(input);
    for (name, places, group) in groups {
        let winners = super::comprehensive_winners(group);
        let ids: Vec<String> = winners.iter().map(|(id, _)| id.clone()).collect();
        let _ = write!(
            out,
            "<h3>{}</h3>",
            esc(&text.comprehensive_places(name.get(lang), places)),
        );
        // The template is a fixed sentence; the names in it are escaped by standings_html.
        let _ = write!(
            out,
            "<p>{}</p>",
            text.winners(&standings_html(input, &winners, &ids))
        );
    }
    if !board.awards.is_empty() {
        let _ = write!(out, "<h3>{}</h3>", esc(T::ExportAwards.get(lang)));
        let header: Vec<String> = [
            T::ExportAward,
            T::ExportPlaces,
            T::ExportWinners,
            T::ExportAwardScore,
        ]
        .iter()
        .map(|t| t.get(lang).to_string())
        .collect();
        let _ = write!(out, "<table class=\"awards\">{}<tbody>", thead(&header));
        for a in &board.awards {
            let winners = super::award_winners(a);
            let _ = write!(
                out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"won\">{}</td><td>{}</td></tr>",
                esc(&a.name),
                a.count,
                standings_html(input, &winners, &[]),
                standings_html(input, &a.standings, &a.winners),
            );
        }
        out.push_str("</tbody></table>");
        let _ = write!(out, "<p class=\"note\">{}</p>", esc(&text.standings_note()));
    }
    out.push_str("</section>");
    out
}

fn group_of<'a>(input: &RankInput<'a>, u: &UnitResult) -> &'a [UnitResult] {
    if u.kind == UnitKind::Department {
        &input.board.departments
    } else {
        &input.board.units
    }
}

fn veto_section(input: &RankInput) -> String {
    let lang = input.lang;
    let text = ExportText(lang);
    let dp = input.project.policy.score_decimals;
    let mut out = format!(
        "<section id=\"veto\"><h2>{}</h2>",
        esc(T::ExportVetoHeading.get(lang))
    );
    let vetoed = super::vetoed_units(input);
    if vetoed.is_empty() {
        let _ = write!(out, "<p>{}</p>", esc(T::ExportNobodyVetoed.get(lang)));
    }
    for u in vetoed {
        let rank = text.rank_of(u.rank, group_of(input, u).len(), u.tied);
        let _ = write!(
            out,
            "<h3 class=\"alert\">{}</h3>",
            esc(&text.unit_standing(&u.name, &score_text(u.total, dp), &rank))
        );
        for id in &u.failed {
            if let Some(e) = explain::item(input.project, input.board, &u.id, id) {
                let lines = item_lines(&e, lang);
                out.push_str(&explain_block(&lines));
            }
        }
    }
    let _ = write!(
        out,
        "<h2>{}</h2><p>{}</p></section>",
        esc(T::ExportLastPlaceHeading.get(lang)),
        esc(&super::markdown::last_place_text(input, |s| s.to_string()))
    );
    out
}

/// A unit's score sheet: the table (each indicator row followed by the explanation of
/// its score), then the explanation of the whole total.
fn sheet_article(input: &RankInput, u: &UnitResult) -> String {
    let lang = input.lang;
    let text = ExportText(lang);
    let dp = input.project.policy.score_decimals;
    let table = tables::unit_sheet(input, u);
    let kind = ExplainText(lang).kind(u.kind);
    let rank = text.rank_of(u.rank, group_of(input, u).len(), u.tied);
    let mut out = format!(
        "<article class=\"sheet\" id=\"sheet-{}\"><h3>{}</h3><p>{}</p>",
        esc(&u.id),
        esc(&text.sheet_heading(&u.name, kind)),
        esc(&text.unit_standing(&u.name, &score_text(u.total, dp), &rank)),
    );
    out.push_str(&sheet_table(input, &u.id, &table));
    if let Some(e) = explain::unit(input.project, input.board, &u.id) {
        let lines = unit_lines(&e, lang);
        // The rows were explained one by one in the table: from the whole explanation,
        // the total and what follows it (rank, veto, awards, last place, what is pending).
        let total = ExplainText(lang).total(
            &score_text(u.organization, dp),
            &score_text(u.survey, dp),
            &score_text(u.task, dp),
            &score_text(u.penalty, dp),
            &score_text(u.total, dp),
        );
        let from = lines.iter().position(|l| *l == total).unwrap_or(0);
        let _ = write!(out, "<h4>{}</h4>", esc(T::ExportExplanation.get(lang)));
        out.push_str(&explain_block(&lines[from..]));
    }
    out.push_str("</article>");
    out
}

fn sheet_table(input: &RankInput, unit: &str, table: &Table) -> String {
    let lang = input.lang;
    let places = input.project.policy.score_decimals;
    // The section is a heading row where it changes, the notes are lines under the rows:
    // the columns left are the area, the item and the numbers.
    let note = table.note_column;
    let shown: Vec<usize> = (1..table.header.len())
        .filter(|c| Some(*c) != note)
        .collect();
    let header: Vec<String> = shown.iter().map(|c| table.header[*c].clone()).collect();
    let columns = shown.len();
    let mut out = format!("<table class=\"sheet\">{}<tbody>", thead(&header));
    let mut last_section = String::new();
    let mut last_area = String::new();
    for row in &table.rows {
        let section = row
            .cells
            .first()
            .map(|c| c.display(places, lang))
            .unwrap_or_default();
        if section != last_section {
            let _ = write!(
                out,
                "<tr class=\"group\"><td colspan=\"{columns}\">{}</td></tr>",
                esc(&section)
            );
            last_section = section;
            last_area.clear();
        }
        let class = if row.tone == Tone::Strong {
            " class=\"strong\""
        } else {
            ""
        };
        let _ = write!(out, "<tr{class}>");
        for &c in &shown {
            let cell = row.cells.get(c).unwrap_or(&Cell::Empty);
            // The area only where it changes (and on its subtotal).
            let area = cell.display(places, lang);
            if c == 1 && row.tone != Tone::Strong && area == last_area {
                out.push_str("<td></td>");
                continue;
            }
            if c == 1 {
                last_area = area;
            }
            out.push_str(&td(cell, places, lang));
        }
        out.push_str("</tr>");
        // Under an indicator's row, the explanation of its score (without its first line,
        // which names the indicator, its area and base: the row shows them); under any
        // other row, its note.
        let lines = match &row.indicator {
            Some(id) => explain::item(input.project, input.board, unit, id)
                .map(|e| item_lines(&e, lang).into_iter().skip(1).collect())
                .unwrap_or_default(),
            None => note
                .and_then(|n| row.cells.get(n))
                .map(|c| c.display(places, lang))
                .filter(|s| !s.is_empty())
                .into_iter()
                .collect::<Vec<String>>(),
        };
        if !lines.is_empty() {
            let _ = write!(
                out,
                "<tr class=\"why\"><td></td><td colspan=\"{}\">{}</td></tr>",
                columns - 1,
                explain_block(&lines)
            );
        }
    }
    out.push_str("</tbody></table>");
    out
}

/// A table as HTML, cell by cell.
fn plain_table(input: &RankInput, table: &Table, class: &str) -> String {
    let places = input.project.policy.score_decimals;
    let mut out = format!("<table class=\"{class}\">{}<tbody>", thead(&table.header));
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in &row.cells {
            out.push_str(&td(cell, places, input.lang));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// The report.
pub fn export_html(input: &RankInput, date: &str) -> String {
    let lang = input.lang;
    let text = ExportText(lang);
    let board = input.board;
    let title = text.document_title(&input.project.title, date);
    let html_lang = lang.pick("zh-CN", "en");
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        esc(&title)
    );
    let heading = if input.project.title.is_empty() {
        title.clone()
    } else {
        input.project.title.clone()
    };
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><p class=\"date\">{}</p></header>",
        esc(&heading),
        esc(&text.date(date))
    );

    // The ranking of both groups.
    let _ = write!(
        out,
        "<section id=\"ranking\"><h2>{}</h2>",
        esc(T::ExportRankingHeading.get(lang))
    );
    for (heading, group, empty) in [
        (T::CountiesAndZone, &board.units, T::ExportNoUnits),
        (T::CityDepartments, &board.departments, T::NoDepartments),
    ] {
        let _ = write!(out, "<h3>{}</h3>", esc(heading.get(lang)));
        if group.is_empty() {
            let _ = write!(out, "<p>{}</p>", esc(empty.get(lang)));
        } else {
            out.push_str(&ranking_table(input, group));
        }
    }
    let _ = write!(
        out,
        "<p class=\"legend\">{}</p>",
        esc(T::ExportLegend.get(lang))
    );
    let pending = board.pending_count();
    if pending > 0 {
        let _ = write!(out, "<p class=\"note\">{}</p>", esc(&text.pending(pending)));
    }
    out.push_str("</section>\n");

    out.push_str(&awards_section(input));
    out.push('\n');
    out.push_str(&veto_section(input));
    out.push('\n');

    // The advanced individuals.
    let _ = writeln!(
        out,
        "<section id=\"individuals\"><h2>{}</h2>{}</section>",
        esc(T::ExportIndividualsHeading.get(lang)),
        plain_table(input, &tables::individuals(input), "individuals")
    );

    // Every score sheet.
    let _ = write!(
        out,
        "<section id=\"sheets\"><h2>{}</h2>",
        esc(T::ExportSheetsHeading.get(lang))
    );
    for u in tables::scored_units(input) {
        out.push_str(&sheet_article(input, u));
        out.push('\n');
    }
    out.push_str("</section>\n");

    // Self-check against assessed, when any unit sent a self-check.
    if let Some(table) = tables::selfcheck_gaps(input) {
        let _ = writeln!(
            out,
            "<section id=\"selfcheck\"><h2>{}</h2>{}</section>",
            esc(&crate::i18n::SelfcheckText(lang).title()),
            plain_table(input, &table, "selfcheck")
        );
    }

    // The responsibility matrix.
    let _ = writeln!(
        out,
        "<section id=\"matrix\"><h2>{}</h2>{}</section>",
        esc(T::ExportMatrixHeading.get(lang)),
        plain_table(input, &tables::matrix(input), "matrix")
    );

    // The scheme's warnings.
    let _ = write!(
        out,
        "<section id=\"warnings\"><h2>{}</h2>",
        esc(T::ExportWarningsHeading.get(lang))
    );
    if input.warnings.is_empty() {
        let _ = write!(out, "<p>{}</p>", esc(T::ExportNoWarnings.get(lang)));
    } else {
        out.push_str("<ol>");
        for w in input.warnings {
            let _ = write!(out, "<li>{}</li>", esc(&warning_line(w, lang)));
        }
        out.push_str("</ol>");
    }
    out.push_str("</section>\n");
    let _ = write!(
        out,
        "<footer>{} · {}</footer>\n</body>\n</html>\n",
        esc(T::ExportMadeWith.get(lang)),
        esc(date)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(esc("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
        assert_eq!(esc("a\u{1b}b"), "a\u{FFFD}b");
    }

    #[test]
    fn bars_are_shares_of_the_top_total() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(bar_percent(d("21.80"), d("21.80")), d("100"));
        assert_eq!(bar_percent(d("18.80"), d("21.80")), d("86.2"));
        assert_eq!(bar_percent(d("-1"), d("21.80")), d("0"));
        assert_eq!(bar_percent(d("5"), d("0")), d("0"));
    }
}

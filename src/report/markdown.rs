//! `kaoping export --format markdown`: what the meeting minutes record — the ranking of
//! both groups, the awards with their winners, every vetoed unit with the indicators it
//! failed and the numbers, and last place.

use super::tables;
use super::{RankInput, winners_with_scores};
use crate::i18n::{ExplainText, ExportText, T};
use crate::scoring::UnitResult;
use crate::scoring::score_text;
use crate::text::clean;

/// Text from the file made safe for Markdown: control characters replaced, and every
/// character that Markdown (or the HTML it may hold) would read as markup escaped with
/// a backslash.
pub(crate) fn md(s: &str) -> String {
    let mut out = String::new();
    for c in clean(s).chars() {
        if matches!(
            c,
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '#' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// `| a | b |`
fn table_row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

/// A group's ranking as a Markdown table (rank, unit, the sections, total, flags) under
/// `header` (default: the exports' spelled-out one); comprehensive-advanced names in bold
/// when `bold`. The one Markdown ranking
/// of `rank --format markdown` and the minutes.
pub(crate) fn ranking_markdown(
    input: &RankInput,
    group: &[UnitResult],
    header: Option<&[String]>,
    bold: bool,
) -> String {
    let dp = input.project.policy.score_decimals;
    let table = tables::ranking(input, tables::SHORT_RANKING, &[(T::CountiesAndZone, group)]);
    let mut out = table_row(header.unwrap_or(&table.header));
    let align: Vec<String> = tables::SHORT_RANKING
        .iter()
        .map(|c| match c {
            tables::RankCol::Unit | tables::RankCol::Flags => "---",
            _ => "---:",
        })
        .map(str::to_string)
        .collect();
    out.push_str(&table_row(&align));
    for (row, u) in table.rows.iter().zip(group) {
        let cells: Vec<String> = row
            .cells
            .iter()
            .zip(tables::SHORT_RANKING)
            .map(|(cell, col)| {
                let text = md(&cell.display(dp, input.lang));
                if bold && u.comprehensive && *col == tables::RankCol::Unit {
                    format!("**{text}**")
                } else {
                    text
                }
            })
            .collect();
        out.push_str(&table_row(&cells));
    }
    out
}

/// The minutes.
pub fn export_markdown(input: &RankInput) -> String {
    let lang = input.lang;
    let text = ExportText(lang);
    let board = input.board;
    let mut out = String::new();
    if !input.project.title.is_empty() {
        out.push_str(&format!("# {}\n\n", md(&input.project.title)));
    }

    // The ranking.
    out.push_str(&format!("## {}\n\n", T::ExportRankingHeading.get(lang)));
    let groups = [
        (T::CountiesAndZone, &board.units, T::ExportNoUnits),
        (T::CityDepartments, &board.departments, T::NoDepartments),
    ];
    for (heading, group, empty) in groups {
        out.push_str(&format!("### {}\n\n", heading.get(lang)));
        if group.is_empty() {
            out.push_str(&format!("{}\n\n", empty.get(lang)));
        } else {
            out.push_str(&ranking_markdown(input, group, None, true));
            out.push('\n');
        }
    }
    out.push_str(&format!("{}\n\n", md(T::ExportLegend.get(lang))));
    let pending = board.pending_count();
    if pending > 0 {
        out.push_str(&format!("> {}\n\n", md(&text.pending(pending))));
    }

    // The awards.
    out.push_str(&format!("## {}\n\n", T::ExportAwardsHeading.get(lang)));
    let comprehensive = super::comprehensive_groups(input);
    for (name, places, group) in comprehensive {
        let winners = super::comprehensive_winners(group);
        out.push_str(&format!(
            "- {}\n  - {}\n",
            text.comprehensive_places(name.get(lang), places),
            text.winners(&winners_with_scores(input, &winners, md, true))
        ));
    }
    out.push('\n');
    if !board.awards.is_empty() {
        out.push_str(&table_row(&[
            T::ExportAwards.get(lang).to_string(),
            T::ExportPlaces.get(lang).to_string(),
            T::ExportWinners.get(lang).to_string(),
        ]));
        out.push_str("| --- | ---: | --- |\n");
        for a in &board.awards {
            out.push_str(&table_row(&[
                md(&a.name),
                a.count.to_string(),
                winners_with_scores(input, &super::award_winners(a), md, true),
            ]));
        }
        out.push_str(&format!("\n{}\n\n", md(&text.standings_note())));
    }

    // The vetoed units, each failed indicator with its numbers.
    out.push_str(&format!("## {}\n\n", T::ExportVetoHeading.get(lang)));
    let vetoed = super::vetoed_units(input);
    if vetoed.is_empty() {
        out.push_str(&format!("{}\n", T::ExportNobodyVetoed.get(lang)));
    }
    for u in vetoed {
        out.push_str(&format!("- **{}**\n", super::unit_standing(input, u, md)));
        for line in super::failed_items(input, u, md) {
            out.push_str(&format!("  - {line}\n"));
        }
    }
    out.push('\n');

    // Last place.
    out.push_str(&format!("## {}\n\n", T::ExportLastPlaceHeading.get(lang)));
    out.push_str(&last_place_text(input, md));
    out.push_str("\n\n");

    // The advanced individuals.
    out.push_str(&format!("## {}\n\n", T::ExportIndividualsHeading.get(lang)));
    out.push_str(&markdown_table(input, &tables::individuals(input)));
    out.push('\n');
    out
}

/// A typed table as a Markdown table, every cell as text.
pub(crate) fn markdown_table(input: &RankInput, table: &tables::Table) -> String {
    let dp = input.project.policy.score_decimals;
    let mut out = table_row(&table.header.iter().map(|h| md(h)).collect::<Vec<_>>());
    out.push_str(&table_row(&vec!["---".to_string(); table.header.len()]));
    for row in &table.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| md(&c.display(dp, input.lang)))
            .collect();
        out.push_str(&table_row(&cells));
    }
    out
}

/// Last place in one sentence: who and with what total, or why there is none. `esc`
/// makes names safe for the format.
pub(crate) fn last_place_text(input: &RankInput, esc: fn(&str) -> String) -> String {
    let lang = input.lang;
    let dp = input.project.policy.score_decimals;
    let last: Vec<&UnitResult> = input.board.units.iter().filter(|u| u.last_place).collect();
    if !input.project.policy.last_place {
        return T::ExportLastPlaceOff.get(lang).to_string();
    }
    match last.first() {
        None => T::ExportNoLastPlace.get(lang).to_string(),
        Some(first) => {
            let names: Vec<String> = last.iter().map(|u| esc(&u.name)).collect();
            let line = ExportText(lang).last_place(
                &ExplainText(lang).list(&names),
                &score_text(first.total, dp),
            );
            // A lower total that is not last place: say why (it completed every target).
            let lower = input.board.units.iter().any(|u| u.total < first.total);
            if lower {
                line + &ExportText(lang).last_place_among_note()
            } else {
                line
            }
        }
    }
}

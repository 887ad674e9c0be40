//! The ranking as an aligned text table (Chinese names line up: columns are measured in
//! display width) and as Markdown for meeting minutes.

use super::markdown::md;
use super::tables;
use super::{RankInput, warning_line};
use crate::i18n::T;
use crate::scoring::UnitResult;
use crate::text::{pad_left, pad_right, sanitize, width};

/// A group's ranking as text cells (rank, unit, the sections, total, flags) under the
/// short headers of the text table.
fn group_cells(input: &RankInput, group: &[UnitResult]) -> Vec<Vec<String>> {
    let dp = input.project.policy.score_decimals;
    let table = tables::ranking(input, tables::SHORT_RANKING, &[(T::CountiesAndZone, group)]);
    let mut rows = vec![header(input)];
    rows.extend(table.rows.iter().map(|row| {
        row.cells
            .iter()
            .map(|c| c.display(dp, input.lang))
            .collect()
    }));
    rows
}

/// The short headers of the text table (the exports spell them out).
fn header(input: &RankInput) -> Vec<String> {
    let l = input.lang;
    [
        T::Rank,
        T::Unit,
        T::Organization,
        T::Survey,
        T::Task,
        T::Penalty,
        T::Total,
        T::Flags,
    ]
    .iter()
    .map(|t| t.get(l).to_string())
    .collect()
}

/// Lays out rows so that every column is as wide as its widest cell; numbers right-aligned,
/// text left-aligned, the last column unpadded.
fn aligned(rows: &[Vec<String>]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (c, cell) in row.iter().enumerate() {
                let cell = match c {
                    _ if c + 1 == columns => cell.clone(),
                    1 => pad_right(cell, widths[c]),
                    _ => pad_left(cell, widths[c]),
                };
                line.push_str(&cell);
                if c + 1 < columns {
                    line.push_str("  ");
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// `kaoping rank --format table`.
pub fn rank_table(input: &RankInput) -> String {
    let l = input.lang;
    let mut out = String::new();
    if !input.project.title.is_empty() {
        out.push_str(&sanitize(&input.project.title));
        out.push_str("\n\n");
    }
    let groups = ranked_groups(input);
    for (heading, group, none) in groups {
        out.push_str(heading.get(l));
        out.push('\n');
        if group.is_empty() {
            out.push_str(none.get(l));
            out.push_str("\n\n");
            continue;
        }
        for line in aligned(&group_cells(input, group)) {
            out.push_str("  ");
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    if !input.board.awards.is_empty() {
        out.push_str(T::Awards.get(l));
        out.push('\n');
        let rows: Vec<Vec<String>> = input
            .board
            .awards
            .iter()
            .map(|a| vec![sanitize(&a.name), winners(input, &a.winners)])
            .collect();
        for line in aligned_text(&rows) {
            out.push_str("  ");
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    if !input.board.individuals.is_empty() {
        out.push_str(T::ExportIndividualsHeading.get(l));
        out.push('\n');
        let table = tables::individuals(input);
        let dp = input.project.policy.score_decimals;
        let mut rows = vec![table.header.clone()];
        rows.extend(table.rows.iter().map(|row| {
            row.cells
                .iter()
                .map(|c| sanitize(&c.display(dp, l)))
                .collect()
        }));
        for line in aligned_columns(&rows, &[1, 2]) {
            out.push_str("  ");
            out.push_str(&line);
            out.push('\n');
        }
        out.push('\n');
    }
    if !input.warnings.is_empty() {
        out.push_str(T::WarningsHeading.get(l));
        out.push('\n');
        for w in input.warnings {
            out.push_str("  ");
            out.push_str(&sanitize(&warning_line(w, l)));
            out.push('\n');
        }
    }
    out
}

/// Lays out rows in columns as wide as their widest cell: the columns `right`
/// right-aligned, the others left-aligned, the last unpadded.
fn aligned_columns(rows: &[Vec<String>], right: &[usize]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|row| {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(c, cell)| match c {
                    _ if c + 1 == columns => cell.clone(),
                    _ if right.contains(&c) => pad_left(cell, widths[c]),
                    _ => pad_right(cell, widths[c]),
                })
                .collect();
            cells.join("  ").trim_end().to_string()
        })
        .collect()
}

/// Both ranking groups, each with its heading and what to say when it is empty.
fn ranked_groups<'a>(input: &RankInput<'a>) -> [(T, &'a [UnitResult], T); 2] {
    [
        (T::CountiesAndZone, &input.board.units, T::ExportNoUnits),
        (
            T::CityDepartments,
            &input.board.departments,
            T::NoDepartments,
        ),
    ]
}

/// Two text columns, the first padded.
fn aligned_text(rows: &[Vec<String>]) -> Vec<String> {
    let w = rows.iter().map(|r| width(&r[0])).max().unwrap_or(0);
    rows.iter()
        .map(|r| {
            format!("{}  {}", pad_right(&r[0], w), r[1])
                .trim_end()
                .to_string()
        })
        .collect()
}

fn winners(input: &RankInput, ids: &[String]) -> String {
    if ids.is_empty() {
        return T::NoWinner.get(input.lang).to_string();
    }
    let names: Vec<String> = ids
        .iter()
        .map(|id| sanitize(input.project.name_of(id)))
        .collect();
    names.join(input.lang.pick("、", ", "))
}

/// `kaoping rank --format markdown`: the ranking, the awards and the warnings.
pub fn rank_markdown(input: &RankInput) -> String {
    let l = input.lang;
    let mut out = String::new();
    if !input.project.title.is_empty() {
        out.push_str(&format!("# {}\n\n", md(&input.project.title)));
    }
    let groups = ranked_groups(input);
    for (heading, group, none) in groups {
        out.push_str(&format!("## {}\n\n", heading.get(l)));
        if group.is_empty() {
            out.push_str(&format!("{}\n\n", none.get(l)));
            continue;
        }
        out.push_str(&super::markdown::ranking_markdown(
            input,
            group,
            Some(&header(input)),
            false,
        ));
        out.push('\n');
    }
    if !input.board.awards.is_empty() {
        out.push_str(&format!("## {}\n\n", T::Awards.get(l)));
        out.push_str(&format!(
            "| {} | {} |\n| --- | --- |\n",
            T::Awards.get(l),
            T::Winners.get(l)
        ));
        for a in &input.board.awards {
            out.push_str(&format!(
                "| {} | {} |\n",
                md(&a.name),
                md(&winners(input, &a.winners))
            ));
        }
        out.push('\n');
    }
    if !input.board.individuals.is_empty() {
        out.push_str(&format!("## {}\n\n", T::ExportIndividualsHeading.get(l)));
        out.push_str(&super::markdown::markdown_table(
            input,
            &tables::individuals(input),
        ));
        out.push('\n');
    }
    if !input.warnings.is_empty() {
        out.push_str(&format!("## {}\n\n", T::WarningsHeading.get(l)));
        for w in input.warnings {
            out.push_str(&format!("- {}\n", md(&warning_line(w, l))));
        }
    }
    out
}

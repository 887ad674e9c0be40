//! The ranking as an aligned text table (Chinese names line up: columns are measured in
//! display width) and as Markdown for meeting minutes.

use super::{RankInput, flags, warning_line};
use crate::i18n::T;
use crate::scoring::UnitResult;
use crate::scoring::score_text;
use crate::text::{pad_left, pad_right, sanitize, width};

/// The cells of one ranked row: rank, name, the four sections, total and flags.
fn cells(input: &RankInput, u: &UnitResult) -> Vec<String> {
    let dp = input.project.policy.score_decimals;
    let rank = if u.tied {
        format!("{}=", u.rank)
    } else {
        u.rank.to_string()
    };
    vec![
        rank,
        sanitize(&u.name),
        score_text(u.organization, dp),
        score_text(u.survey, dp),
        score_text(u.task, dp),
        score_text(u.penalty, dp),
        score_text(u.total, dp),
        sanitize(&flags(input.project, u, input.lang).join("  ")),
    ]
}

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
    let groups = [
        (T::CountiesAndZone, &input.board.units, T::ExportNoUnits),
        (
            T::CityDepartments,
            &input.board.departments,
            T::NoDepartments,
        ),
    ];
    for (heading, group, none) in groups {
        out.push_str(heading.get(l));
        out.push('\n');
        if group.is_empty() {
            out.push_str(none.get(l));
            out.push_str("\n\n");
            continue;
        }
        let mut rows = vec![header(input)];
        rows.extend(group.iter().map(|u| cells(input, u)));
        for line in aligned(&rows) {
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

/// Escapes the characters that would break a Markdown table cell.
fn md(cell: &str) -> String {
    sanitize(cell).replace('|', "\\|")
}

/// `kaoping rank --format markdown`: the ranking, the awards and the warnings.
pub fn rank_markdown(input: &RankInput) -> String {
    let l = input.lang;
    let mut out = String::new();
    if !input.project.title.is_empty() {
        out.push_str(&format!("# {}\n\n", md(&input.project.title)));
    }
    let groups = [
        (T::CountiesAndZone, &input.board.units, T::ExportNoUnits),
        (
            T::CityDepartments,
            &input.board.departments,
            T::NoDepartments,
        ),
    ];
    for (heading, group, none) in groups {
        out.push_str(&format!("## {}\n\n", heading.get(l)));
        if group.is_empty() {
            out.push_str(&format!("{}\n\n", none.get(l)));
            continue;
        }
        let header = header(input);
        out.push_str(&format!("| {} |\n", header.join(" | ")));
        let align: Vec<&str> = (0..header.len())
            .map(|c| {
                if c == 1 || c + 1 == header.len() {
                    "---"
                } else {
                    "---:"
                }
            })
            .collect();
        out.push_str(&format!("| {} |\n", align.join(" | ")));
        for u in group.iter() {
            let row: Vec<String> = cells(input, u).iter().map(|c| md(c)).collect();
            out.push_str(&format!("| {} |\n", row.join(" | ")));
        }
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
    if !input.warnings.is_empty() {
        out.push_str(&format!("## {}\n\n", T::WarningsHeading.get(l)));
        for w in input.warnings {
            out.push_str(&format!("- {}\n", md(&warning_line(w, l))));
        }
    }
    out
}

//! Every csv kaoping writes: `kaoping rank --format csv` (one row per ranked unit, both
//! groups, for spreadsheets and scripts: column keys, ids, `true`/`false`, lists of ids
//! joined with `;`) and the tables of `kaoping export --format csv`. One writer, one
//! escaping: control characters never pass (names are sanitised in their cells) and
//! text that a spreadsheet would run as a formula is defused.

use super::RankInput;
use super::tables::{self, Audience, Cell, Table};
use crate::i18n::T;

/// The ranking as csv, for programs (UTF-8, no byte-order mark).
pub fn rank_csv(input: &RankInput) -> String {
    let table = tables::ranking_for(
        input,
        tables::PROGRAM_RANKING,
        &[
            (T::CountiesAndZone, &input.board.units),
            (T::CityDepartments, &input.board.departments),
        ],
        Audience::Programs,
    );
    csv_text(input, &table)
}

/// Text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first) gets a
/// leading `'`, so that a name in the file cannot run as a formula when the csv is opened.
/// Numbers are written by their own cells and never pass through here.
fn defused(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// A table as csv text.
pub(crate) fn csv_text(input: &RankInput, table: &Table) -> String {
    let places = input.project.policy.score_decimals;
    let mut writer = ::csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(table.header.iter().map(|h| defused(h)));
    for row in &table.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| match c {
                Cell::Text(s) | Cell::Alert(s) => defused(s),
                Cell::Flags(_) => defused(&c.display(places, input.lang)),
                _ => c.display(places, input.lang),
            })
            .collect();
        let _ = writer.write_record(&cells);
    }
    writer
        .into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defused("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defused("+1"), "'+1");
        assert_eq!(defused("@a"), "'@a");
        assert_eq!(defused("甲县"), "甲县");
    }
}

//! `kaoping export`: the evaluation for the office and the meeting — xlsx, csv (one table
//! per call), markdown for the minutes, and a self-contained printable html report.
//!
//! The tables are built once ([`super::tables`]) and drawn by each format: the workbook
//! in [`super::xlsx`], the report in [`super::html`], the minutes in [`super::markdown`].

use super::RankInput;
use super::tables::{self, Cell, Table};

pub use super::html::export_html;
pub use super::markdown::export_markdown;
pub use super::xlsx::export_xlsx;

/// Which table a csv export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvTable {
    /// Both groups ranked: one row per unit, with ids, sections, total and flags.
    Ranking,
    /// Every unit's score sheet in one long table, the unit in the first columns.
    Scores,
    /// Indicators × departments, each cell the department's role.
    Matrix,
    /// Every award: places, winners and standings.
    Awards,
}

/// The byte-order mark that tells Excel a csv file is UTF-8.
const BOM: &str = "\u{FEFF}";

/// One table as csv (UTF-8; with a BOM so that Chinese Excel reads it right).
///
/// Headers are in the chosen language; scores have the project's decimal places,
/// completion is a percentage with one decimal, yes/no flags are the word for yes or
/// empty, lists are joined like the language joins them (`、` or `, `).
pub fn export_csv(input: &RankInput, table: CsvTable, bom: bool) -> String {
    let t = match table {
        CsvTable::Ranking => tables::ranking(
            input,
            tables::CSV_RANKING,
            &[
                (crate::i18n::T::CountiesAndZone, &input.board.units),
                (crate::i18n::T::CityDepartments, &input.board.departments),
            ],
        ),
        CsvTable::Scores => tables::all_sheets(input),
        CsvTable::Matrix => tables::matrix(input),
        CsvTable::Awards => tables::awards(input),
    };
    let mut out = String::new();
    if bom {
        out.push_str(BOM);
    }
    out.push_str(&csv_text(input, &t));
    out
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
fn csv_text(input: &RankInput, table: &Table) -> String {
    let places = input.project.policy.score_decimals;
    let mut writer = ::csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(&table.header);
    for row in &table.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| match c {
                Cell::Text(s) | Cell::Alert(s) => defused(s),
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

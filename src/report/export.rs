//! `kaoping export`: the evaluation for the office and the meeting — xlsx, csv (one table
//! per call), markdown for the minutes, and a self-contained printable html report.
//!
//! The tables are built once ([`super::tables`]) and drawn by each format: the workbook
//! in [`super::xlsx`], the report in [`super::html`], the minutes in [`super::markdown`].

use super::RankInput;
use super::csv::csv_text;
use super::tables;

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
    /// 先进个人: each unit's places and nominees.
    Individuals,
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
            &tables::csv_ranking(),
            &[
                (crate::i18n::T::CountiesAndZone, &input.board.units),
                (crate::i18n::T::CityDepartments, &input.board.departments),
            ],
        ),
        CsvTable::Scores => tables::all_sheets(input),
        CsvTable::Matrix => tables::matrix(input),
        CsvTable::Awards => tables::awards(input),
        CsvTable::Individuals => tables::individuals(input),
    };
    let mut out = String::new();
    if bom {
        out.push_str(BOM);
    }
    out.push_str(&csv_text(input, &t));
    out
}

//! `kaoping export`: the evaluation for the office and the meeting — xlsx, csv (one table
//! per call), markdown for the minutes, and a self-contained printable html report.

use super::RankInput;

/// Which table a csv export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CsvTable {
    Ranking,
    Scores,
    Matrix,
    Awards,
}

/// The workbook: ranking, every unit's score sheet, awards, matrix, problems.
pub fn export_xlsx(input: &RankInput) -> Result<Vec<u8>, String> {
    let _ = input;
    todo!("issue 5: written by the exports helper")
}

/// One table as csv (UTF-8; with a BOM so that Chinese Excel reads it right).
pub fn export_csv(input: &RankInput, table: CsvTable, bom: bool) -> String {
    let _ = (input, table, bom);
    todo!("issue 5: written by the exports helper")
}

/// The ranking, awards and veto list for meeting minutes.
pub fn export_markdown(input: &RankInput) -> String {
    let _ = input;
    todo!("issue 5: written by the exports helper")
}

/// One self-contained printable report (inline CSS, no network, A4 print styles).
/// `date` is the report's date as shown on it.
pub fn export_html(input: &RankInput, date: &str) -> String {
    let _ = (input, date);
    todo!("issue 5: written by the exports helper")
}

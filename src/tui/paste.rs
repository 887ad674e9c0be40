//! A block pasted from a spreadsheet (Excel, WPS): pure functions from the pasted text to
//! its cells, and from a cell to its number. The update (`update/paste.rs`) maps the
//! cells onto the grid or the sheet from the cursor, checks them and commits them as one
//! undo step.
//!
//! The rules, as the README states them:
//! - cells are separated by tabs, rows by line breaks (`\n`, `\r\n` or `\r`, and `\r\r`:
//!   a `\r\n` whose line feed the terminal turned into a carriage return); the line
//!   break a spreadsheet puts after the last row is not a row;
//! - an **empty cell leaves its value as it is** (a blank in a department's return means
//!   "no figure", never "erase"; `x` clears a value);
//! - a number may have thousands separators (`1,800`, `1，800`: groups of three digits
//!   after the first), spaces (`1 800`), full-width digits and signs (`１８００`, `－`, `．`
//!   or `。` as the point);
//! - `95%` (or `95％`) is 95 where the field is a rate (an indicator whose measure is
//!   `%`), and an error anywhere else;
//! - anything else that is not a decimal kaoping can hold (`1,2OO`, `--5`, `1.2.3`,
//!   `1,80`, `1e5`) is an error, and refuses the whole paste.
//!
//! The number rules themselves are `crate::project::number_in_text`, which `kaoping
//! import` uses for numbers stored as text in a return.

pub use crate::project::{NumberTextError as CellError, number_in_text as pasted_number};

/// The cells of a pasted block: rows of cells, as the spreadsheet copied them.
pub fn parse_block(text: &str) -> Vec<Vec<String>> {
    // A terminal may turn each line feed of a paste into a carriage return, so that a
    // spreadsheet's CRLF arrives as CR CR: one break, like CRLF.
    let text = text
        .replace("\r\n", "\n")
        .replace("\r\r", "\n")
        .replace('\r', "\n");
    let text = text.trim_end_matches('\n');
    if text.is_empty() {
        return Vec::new();
    }
    text.split('\n')
        .map(|row| row.split('\t').map(str::to_string).collect())
        .collect()
}

/// Whether a paste is a block (more than one cell) rather than a value to type.
pub fn is_block(text: &str) -> bool {
    let rows = parse_block(text);
    rows.len() > 1 || rows.first().is_some_and(|r| r.len() > 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn n(text: &str) -> Result<Option<Decimal>, CellError> {
        pasted_number(text, false)
    }

    fn d(text: &str) -> Result<Option<Decimal>, CellError> {
        Ok(Some(Decimal::from_str(text).unwrap()))
    }

    #[test]
    fn blocks_split_on_tabs_and_any_line_break_and_drop_the_last_break() {
        assert_eq!(
            parse_block("1200\t1300\r\n1400\t1500\r\n"),
            vec![vec!["1200", "1300"], vec!["1400", "1500"]]
        );
        assert_eq!(parse_block("1\n2\n"), vec![vec!["1"], vec!["2"]]);
        assert_eq!(parse_block("1\r2"), vec![vec!["1"], vec!["2"]]);
        // CRLF whose LF a terminal turned into CR (tmux, xterm).
        assert_eq!(
            parse_block("1\t2\r\r3\t4\r\r"),
            vec![vec!["1", "2"], vec!["3", "4"]]
        );
        assert_eq!(parse_block("7"), vec![vec!["7"]]);
        // An empty cell in the middle stays a cell.
        assert_eq!(parse_block("1\t\t3"), vec![vec!["1", "", "3"]]);
        assert!(parse_block("\r\n").is_empty());
        assert!(is_block("1\t2") && is_block("1\n2\n") && !is_block("1800\r\n"));
    }

    #[test]
    fn numbers_as_spreadsheets_write_them() {
        assert_eq!(n("1800"), d("1800"));
        assert_eq!(n("1,800"), d("1800"));
        assert_eq!(n("1，800"), d("1800"));
        assert_eq!(n("１８００"), d("1800"));
        assert_eq!(n("１，８００．５"), d("1800.5"));
        assert_eq!(n(" 1 800 "), d("1800"));
        assert_eq!(n("1\u{3000}800"), d("1800"));
        assert_eq!(n("12,345,678.25"), d("12345678.25"));
        assert_eq!(n("-0.5"), d("-0.5"));
        assert_eq!(n("－3"), d("-3"));
        assert_eq!(n("3.50"), d("3.50"));
    }

    #[test]
    fn an_empty_cell_leaves_the_value() {
        assert_eq!(n(""), Ok(None));
        assert_eq!(n("   "), Ok(None));
        assert_eq!(n("\u{3000}"), Ok(None));
    }

    #[test]
    fn percent_only_where_the_field_is_a_rate() {
        assert_eq!(pasted_number("95%", true), d("95"));
        assert_eq!(pasted_number("4.2 ％", true), d("4.2"));
        assert_eq!(pasted_number("95%", false), Err(CellError::Percent));
        assert_eq!(pasted_number("%", true), Err(CellError::NotANumber));
    }

    #[test]
    fn garbage_is_refused() {
        assert_eq!(n("1,2OO"), Err(CellError::NotANumber));
        assert_eq!(n("--5"), Err(CellError::NotANumber));
        assert_eq!(n("1.2.3"), Err(CellError::NotANumber));
        assert_eq!(n("1,80"), Err(CellError::Grouping));
        assert_eq!(n("12,3456"), Err(CellError::Grouping));
        assert_eq!(n(",800"), Err(CellError::Grouping));
        assert_eq!(n("1.000,5"), Err(CellError::Grouping));
        assert_eq!(n("1e5"), Err(CellError::NotANumber));
        assert_eq!(n("abc"), Err(CellError::NotANumber));
        assert_eq!(n("5-"), Err(CellError::NotANumber));
        assert_eq!(n("-"), Err(CellError::NotANumber));
    }
}

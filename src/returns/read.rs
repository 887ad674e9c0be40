//! Reading a return: the bytes of a filled workbook (xlsx) or of a CSV with the same
//! columns → its rows ([`ReadReturn`]), every cell with its place, nothing judged yet
//! (what a value means, and whether it may go in, is [`super::import`]'s). Pure: no file
//! is opened here.
//!
//! What is read, and what is refused (each refusal names the file, and the sheet and
//! cell where there is one):
//! - **Which file**: a name ending in `.csv` is a CSV; anything else is read as an xlsx
//!   workbook. A workbook that is a Compound File (it begins `D0 CF 11 E0`: a workbook
//!   saved with a password, which Excel and WPS encrypt, or an old `.xls`) is refused
//!   saying so; a file that is not a zip of a workbook, or whose parts do not read, is
//!   refused as damaged.
//! - **Every worksheet** is read. Its header row is the first of its first
//!   [`HEADER_ROWS`] rows in which at least [`HEADER_MIN`] cells name a column
//!   ([`Column::from_header`]: a key or a title in either language); a visible sheet with
//!   content but no header row is skipped with a note (a cover or instructions sheet);
//!   a hidden one silently (lists for data validation); no header row anywhere is an
//!   error. The columns are taken by their headers, wherever they stand: a header that
//!   names no column is noted and its column ignored; a sheet without its `unit_id` and
//!   `item_id` columns is matched by names, and then must have `unit` and `item`;
//!   a sheet without any value column (target … score) is an error naming what is
//!   missing.
//! - **Blank rows** (nothing in any column but the remark) are skipped.
//! - **Merged cells**: a merged range that covers a value column below the header is an
//!   error naming the range (whose value it is cannot be told); a merged unit or item
//!   name (one county's name over its rows, as hand-made sheets do) is read on every row
//!   of the range, as the sheet shows it.
//! - **Numbers**: a number cell is read from the shortest text that gives back the same
//!   `f64` (`{}`), never through `f64` arithmetic; when that text has more than 15
//!   significant digits it is rounded to 15, the most Excel keeps of a typed number and
//!   shows of a computed one (so `=0.1+0.2`, stored as `0.30000000000000004`, reads
//!   `0.3`, as the cell shows). A number stored as text is kept as text and read by
//!   [`crate::project::number_in_text`] (the terminal program's paste rules) once it is
//!   known whether the field is a rate. A date cell is kept as a date, refused where a
//!   number should be.
//! - **Formulas**: a formula cell's value is the value the spreadsheet saved with it
//!   (its cached value); a formula saved without one (a file written by a program that
//!   did not compute it) is an error naming the cell.
//! - **CSV**: UTF-8 with or without a byte-order mark; otherwise GB18030 (of which GBK
//!   is a part: what Excel saves as "CSV" on a Chinese Windows) when the bytes decode
//!   without a single error, with a note saying it was read as GBK; otherwise refused as
//!   neither. Every CSV cell is text.
//! - **Properties**: the custom document properties `kaoping-*` ([`super::PROP_FROM`] …)
//!   and the title, as calamine reads `docProps/custom.xml` and `docProps/core.xml`.

use super::{COLUMNS, Column, PROP_FINGERPRINT, PROP_FROM, PROP_INTO, PROP_STEP, PROP_YEAR};
use crate::i18n::{Lang, ReturnsText};
use calamine::{Data, Reader, SheetVisible, Xlsx};
use rust_decimal::Decimal;
use std::io::Cursor;

/// How far down a sheet its header row is looked for.
pub const HEADER_ROWS: usize = 20;
/// How many cells of a row must name columns for it to be the header row.
pub const HEADER_MIN: usize = 3;
/// Excel's precision: the significant digits it keeps of a number.
const EXCEL_DIGITS: u32 = 15;

/// A return, read: its properties, its rows, and what was noticed on the way.
#[derive(Debug, Clone, Default)]
pub struct ReadReturn {
    pub props: ReturnProps,
    pub rows: Vec<ReturnRow>,
    pub notes: Vec<ReadNote>,
}

/// What a workbook made by `kaoping sheets` says of itself (all `None` for a CSV or a
/// workbook made by hand).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReturnProps {
    pub fingerprint: Option<String>,
    pub from: Option<String>,
    pub step: Option<String>,
    pub into: Option<String>,
    /// The title property (the project's title, in a workbook made by kaoping).
    pub title: Option<String>,
    /// [`PROP_YEAR`]: the year it was made for.
    pub year: Option<String>,
}

/// Where a cell is: its sheet (empty for a CSV), its column and row counted from 0.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    pub sheet: String,
    pub row: u32,
    pub col: u32,
}

impl CellRef {
    /// `F7`.
    pub fn a1(&self) -> String {
        format!("{}{}", column_letters(self.col), self.row + 1)
    }

    /// `人社局考核表.xlsx!城镇新增就业!F7` (a CSV: `file.csv!F7`).
    pub fn place(&self, file: &str) -> String {
        if self.sheet.is_empty() {
            format!("{file}!{}", self.a1())
        } else {
            format!("{file}!{}!{}", self.sheet, self.a1())
        }
    }
}

/// `A`, `Z`, `AA` … for a column counted from 0.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push((b'A' + rem) as char);
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// What a cell holds, as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw {
    /// A number cell, exactly as the spreadsheet shows it.
    Number(Decimal),
    /// Text (every CSV cell; a number stored as text).
    Text(String),
    /// A date or time cell, as `2027-01-10` (or the text the spreadsheet saved).
    Date(String),
    Bool(bool),
    /// An error value (`#DIV/0!`).
    Error(String),
}

impl Raw {
    /// The cell as text, for names and for messages.
    pub fn text(&self) -> String {
        match self {
            Raw::Number(d) => d.normalize().to_string(),
            Raw::Text(t) | Raw::Date(t) | Raw::Error(t) => t.clone(),
            Raw::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        }
    }
}

/// One cell of a row: where, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub at: CellRef,
    pub raw: Raw,
}

/// One row that holds something, its cells by column (empty cells left out).
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnRow {
    /// Its sheet (empty for a CSV) and row, counted from 0.
    pub sheet: String,
    pub row: u32,
    /// Its cells in the order of [`COLUMNS`].
    pub cells: [Option<Cell>; 10],
}

impl ReturnRow {
    pub fn cell(&self, column: Column) -> Option<&Cell> {
        self.cells[index_of(column)].as_ref()
    }

    /// The place of the row's cell in `column` (where it is, or would be).
    pub fn at(&self, column: Column) -> CellRef {
        CellRef {
            sheet: self.sheet.clone(),
            row: self.row,
            col: self.cell(column).map_or(0, |c| c.at.col),
        }
    }
}

fn index_of(column: Column) -> usize {
    COLUMNS.iter().position(|c| *c == column).unwrap_or(0)
}

/// Something the reader did that the user should know of; not an error.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadNote {
    /// A CSV that is not UTF-8 was read as GBK (GB18030).
    ReadAsGbk,
    /// A header that names no column: its column was not read.
    ExtraColumn { at: CellRef, header: String },
    /// A visible sheet with content but no header row: not read.
    SheetSkipped { sheet: String },
}

/// Why a return cannot be read. Every one is said with the file's name.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Not a workbook, or one whose parts do not read: calamine's (or zip's) reason.
    Damaged { detail: String },
    /// A Compound File: encrypted with a password, or an old `.xls`.
    Encrypted,
    /// A CSV that is neither UTF-8 nor GBK.
    NotUtf8OrGbk,
    /// A CSV that does not parse (an unclosed quote).
    BadCsv { detail: String },
    /// No sheet has a header row.
    NoHeader,
    /// A sheet's header row lacks columns it needs: what is missing.
    MissingColumns { sheet: String, missing: Vec<Column> },
    /// A merged range over a value column: its first and last cell.
    Merged { from: CellRef, to: CellRef },
    /// A formula with no value saved.
    NoCachedValue { at: CellRef, formula: String },
}

impl ReadError {
    /// The error in a line, placed in `file`.
    pub fn line(&self, file: &str, lang: Lang) -> String {
        let t = ReturnsText(lang);
        let zh = lang == Lang::Zh;
        match self {
            ReadError::Damaged { detail } => t.damaged(file, detail),
            ReadError::Encrypted => t.encrypted(file),
            ReadError::NotUtf8OrGbk => t.not_utf8_or_gbk(file),
            ReadError::BadCsv { detail } => t.bad_csv(file, detail),
            ReadError::NoHeader => t.no_header(file),
            ReadError::MissingColumns { sheet, missing } => {
                let place = if sheet.is_empty() {
                    file.to_string()
                } else {
                    format!("{file}!{sheet}")
                };
                let names: Vec<&str> = missing.iter().map(|c| c.title(zh)).collect();
                t.missing_columns(&place, &names.join(if zh { "、" } else { ", " }))
            }
            ReadError::Merged { from, to } => {
                t.merged(&from.place(file), &format!("{}:{}", from.a1(), to.a1()))
            }
            ReadError::NoCachedValue { at, formula } => {
                t.no_cached_value(&at.place(file), formula.trim_start_matches('='))
            }
        }
    }
}

impl ReadNote {
    /// The note in a line, placed in `file`.
    pub fn line(&self, file: &str, lang: Lang) -> String {
        let t = ReturnsText(lang);
        match self {
            ReadNote::ReadAsGbk => t.read_as_gbk(file),
            ReadNote::ExtraColumn { at, header } => t.extra_column(&at.place(file), header),
            ReadNote::SheetSkipped { sheet } => t.sheet_skipped(file, sheet),
        }
    }
}

/// Reads a return from its bytes; `file` is its name (`.csv` makes it a CSV).
pub fn read(file: &str, bytes: &[u8]) -> Result<ReadReturn, Vec<ReadError>> {
    if file.to_lowercase().ends_with(".csv") {
        read_csv(bytes)
    } else {
        read_xlsx(bytes)
    }
}

// ---- xlsx -------------------------------------------------------------------------

/// The first bytes of a Compound File (OLE2): an encrypted workbook or an `.xls`.
const CFB_MAGIC: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

fn read_xlsx(bytes: &[u8]) -> Result<ReadReturn, Vec<ReadError>> {
    if bytes.starts_with(&CFB_MAGIC) {
        return Err(vec![ReadError::Encrypted]);
    }
    let damaged = |e: calamine::XlsxError| match e {
        calamine::XlsxError::Password => vec![ReadError::Encrypted],
        e => vec![ReadError::Damaged {
            detail: e.to_string(),
        }],
    };
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).map_err(damaged)?;
    let props = book.workbook_properties().map_err(damaged)?;
    let custom = |key: &str| {
        props
            .custom_properties
            .get(key)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let mut out = ReadReturn {
        props: ReturnProps {
            fingerprint: custom(PROP_FINGERPRINT),
            from: custom(PROP_FROM),
            step: custom(PROP_STEP),
            into: custom(PROP_INTO),
            title: props.title.clone().filter(|t| !t.trim().is_empty()),
            year: custom(PROP_YEAR),
        },
        ..ReadReturn::default()
    };
    let sheets: Vec<(String, bool)> = book
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    let mut errors = Vec::new();
    let mut any_header = false;
    for (name, visible) in sheets {
        let range = book.worksheet_range(&name).map_err(damaged)?;
        let formulas = book.worksheet_formula(&name).map_err(damaged)?;
        let merged = book.merge_cells_by_sheet_name(&name).map_err(damaged)?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        // The sheet as rows of (col, raw), by absolute place.
        let mut grid: std::collections::BTreeMap<u32, Vec<(u32, Raw)>> = Default::default();
        for (i, cells) in range.rows().enumerate() {
            let row = r0 + i as u32;
            let raws = grid.entry(row).or_default();
            for (j, data) in cells.iter().enumerate() {
                if let Some(raw) = raw_of(data) {
                    raws.push((c0 + j as u32, raw));
                }
            }
        }
        // A formula whose cell is empty had no value saved: marked, to be said only
        // where the cell is read.
        for (row, col, formula) in formulas.used_cells() {
            let (row, col) = (
                row as u32 + formulas.start().map_or(0, |s| s.0),
                col as u32 + formulas.start().map_or(0, |s| s.1),
            );
            let empty = range.get_value((row, col)).and_then(raw_of).is_none();
            if !formula.trim().is_empty() && empty {
                grid.entry(row)
                    .or_default()
                    .push((col, Raw::Error(NO_CACHE.to_string())));
            }
        }
        // A formula whose cell is empty is marked, to be said only where it is read.
        let formula_at = |row: u32, col: u32| -> String {
            formulas.get_value((row, col)).cloned().unwrap_or_default()
        };
        let mut lines: Vec<Line> = grid
            .into_iter()
            .map(|(row, cells)| Line { row, cells })
            .collect();
        match read_sheet(&name, &mut lines, &merged, &formula_at, &mut out) {
            Ok(true) => any_header = true,
            Ok(false) => {
                if visible && lines.iter().any(|l| !l.cells.is_empty()) {
                    out.notes.push(ReadNote::SheetSkipped { sheet: name });
                }
            }
            Err(mut e) => {
                any_header = true;
                errors.append(&mut e);
            }
        }
    }
    if !any_header {
        errors.push(ReadError::NoHeader);
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// What an empty formula cell is marked with while it is read.
const NO_CACHE: &str = "\u{0}no-cached-value";

/// A cell's value as read; `None` when it is empty.
fn raw_of(data: &Data) -> Option<Raw> {
    match data {
        Data::Empty => None,
        Data::String(s) if s.trim().is_empty() => None,
        Data::String(s) => Some(Raw::Text(s.clone())),
        Data::Int(i) => Some(Raw::Number(Decimal::from(*i))),
        Data::Float(f) => Some(float_raw(*f)),
        Data::Bool(b) => Some(Raw::Bool(*b)),
        Data::DateTime(dt) => Some(Raw::Date(serial_date(dt.as_f64()))),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Some(Raw::Date(s.clone())),
        Data::Error(e) => Some(Raw::Error(e.to_string())),
    }
}

/// A number cell as the decimal the spreadsheet shows: the shortest text of the `f64`,
/// cut to Excel's 15 significant digits (see the module's doc).
pub fn float_raw(f: f64) -> Raw {
    if !f.is_finite() {
        return Raw::Error(f.to_string());
    }
    match crate::project::parse_decimal_text(&format!("{f}")) {
        Ok(d) => Raw::Number(excel_precision(d)),
        // Beyond 28 digits: no field of kaoping's holds such a number; said as text.
        Err(_) => Raw::Text(format!("{f}")),
    }
}

/// A decimal rounded to 15 significant digits (when it has more).
fn excel_precision(d: Decimal) -> Decimal {
    let digits = d.mantissa().unsigned_abs().to_string().len() as u32;
    if digits <= EXCEL_DIGITS {
        return d;
    }
    let drop = digits - EXCEL_DIGITS;
    let scale = d.scale();
    if drop <= scale {
        d.round_dp_with_strategy(
            scale - drop,
            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
        )
        .normalize()
    } else {
        d.normalize()
    }
}

/// An Excel date serial as `2027-01-10` (days since 1899-12-30).
fn serial_date(serial: f64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30);
    let days = serial.floor();
    match base.and_then(|b| {
        (days.abs() < 3_000_000.0)
            .then(|| b.checked_add_signed(chrono::TimeDelta::days(days as i64)))
            .flatten()
    }) {
        Some(date) => date.format("%Y-%m-%d").to_string(),
        None => serial.to_string(),
    }
}

// ---- one sheet (xlsx or CSV) ------------------------------------------------------

/// One row of a sheet: its number and its non-empty cells.
struct Line {
    row: u32,
    cells: Vec<(u32, Raw)>,
}

/// The columns that hold values (not names, ids or the remark).
const VALUE_COLUMNS: [Column; 5] = [
    Column::Target,
    Column::Actual,
    Column::Status,
    Column::Deduction,
    Column::Score,
];

/// Reads one sheet's rows into `out`: `Ok(false)` when it has no header row.
fn read_sheet(
    sheet: &str,
    lines: &mut [Line],
    merged: &[calamine::Dimensions],
    formula_at: &dyn Fn(u32, u32) -> String,
    out: &mut ReadReturn,
) -> Result<bool, Vec<ReadError>> {
    let at = |row: u32, col: u32| CellRef {
        sheet: sheet.to_string(),
        row,
        col,
    };
    let Some(h) = lines.iter().take(HEADER_ROWS).position(|l| {
        l.cells
            .iter()
            .filter(|(_, raw)| Column::from_header(&raw.text()).is_some())
            .count()
            >= HEADER_MIN
    }) else {
        return Ok(false);
    };
    let header_row = lines[h].row;
    // Each column's place in the sheet.
    let mut places: [Option<u32>; 10] = [None; 10];
    for (col, raw) in &lines[h].cells {
        let text = raw.text();
        match Column::from_header(&text) {
            Some(c) if places[index_of(c)].is_none() => places[index_of(c)] = Some(*col),
            _ => out.notes.push(ReadNote::ExtraColumn {
                at: at(header_row, *col),
                header: text.trim().to_string(),
            }),
        }
    }
    let has = |c: Column| places[index_of(c)].is_some();
    let mut missing = Vec::new();
    if !(has(Column::UnitId) && has(Column::ItemId)) {
        missing.extend(
            [Column::Unit, Column::Item]
                .into_iter()
                .filter(|c| !has(*c)),
        );
    }
    if !VALUE_COLUMNS.iter().any(|c| has(*c)) {
        missing.extend(VALUE_COLUMNS);
    }
    if !missing.is_empty() {
        return Err(vec![ReadError::MissingColumns {
            sheet: sheet.to_string(),
            missing,
        }]);
    }
    let mut errors = Vec::new();
    // Merged ranges below the header: over a value column an error, over a name spread.
    let value_cols: Vec<u32> = VALUE_COLUMNS
        .iter()
        .filter_map(|c| places[index_of(*c)])
        .collect();
    let mut spread: Vec<(&calamine::Dimensions, Raw)> = Vec::new();
    for m in merged {
        if m.end.0 <= header_row {
            continue;
        }
        if value_cols.iter().any(|c| (m.start.1..=m.end.1).contains(c)) {
            errors.push(ReadError::Merged {
                from: at(m.start.0, m.start.1),
                to: at(m.end.0, m.end.1),
            });
        } else if let Some(raw) = lines
            .iter()
            .find(|l| l.row == m.start.0)
            .and_then(|l| l.cells.iter().find(|(c, _)| *c == m.start.1))
            .map(|(_, r)| r.clone())
        {
            spread.push((m, raw));
        }
    }
    for line in lines.iter_mut().skip(h + 1) {
        for (m, raw) in &spread {
            if (m.start.0..=m.end.0).contains(&line.row) {
                for col in m.start.1..=m.end.1 {
                    if !line.cells.iter().any(|(c, _)| *c == col) {
                        line.cells.push((col, raw.clone()));
                    }
                }
            }
        }
        let mut cells: [Option<Cell>; 10] = Default::default();
        for (i, place) in places.iter().enumerate() {
            let Some(col) = *place else { continue };
            let Some((_, raw)) = line.cells.iter().find(|(c, _)| *c == col) else {
                continue;
            };
            if matches!(raw, Raw::Error(e) if e == NO_CACHE) {
                errors.push(ReadError::NoCachedValue {
                    at: at(line.row, col),
                    formula: formula_at(line.row, col),
                });
                continue;
            }
            cells[i] = Some(Cell {
                at: at(line.row, col),
                raw: raw.clone(),
            });
        }
        let blank = COLUMNS
            .iter()
            .zip(&cells)
            .all(|(c, cell)| *c == Column::Remark || cell.is_none());
        if !blank {
            out.rows.push(ReturnRow {
                sheet: sheet.to_string(),
                row: line.row,
                cells,
            });
        }
    }
    if errors.is_empty() {
        Ok(true)
    } else {
        Err(errors)
    }
}

// ---- CSV ----------------------------------------------------------------------------

fn read_csv(bytes: &[u8]) -> Result<ReadReturn, Vec<ReadError>> {
    let mut out = ReadReturn::default();
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(body) {
        Ok(text) => text.to_string(),
        Err(_) => {
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(body) {
                Some(text) => {
                    out.notes.push(ReadNote::ReadAsGbk);
                    text.into_owned()
                }
                None => return Err(vec![ReadError::NotUtf8OrGbk]),
            }
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            vec![ReadError::BadCsv {
                detail: e.to_string(),
            }]
        })?;
        let cells = record
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.trim().is_empty())
            .map(|(col, t)| (col as u32, Raw::Text(t.to_string())))
            .collect();
        lines.push(Line {
            row: row as u32,
            cells,
        });
    }
    match read_sheet("", &mut lines, &[], &|_, _| String::new(), &mut out) {
        Ok(true) => Ok(out),
        Ok(false) => Err(vec![ReadError::NoHeader]),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(f: f64) -> String {
        match float_raw(f) {
            Raw::Number(d) => d.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn floats_read_as_the_spreadsheet_shows_them() {
        assert_eq!(number(1800.0), "1800");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(4.6), "4.6");
        assert_eq!(number(64637.0), "64637");
        assert_eq!(number(1.0 / 3.0), "0.333333333333333");
        assert_eq!(number(123456789012345.0), "123456789012345");
    }

    #[test]
    fn places_are_written_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        let at = CellRef {
            sheet: "城镇新增就业".into(),
            row: 6,
            col: 5,
        };
        assert_eq!(
            at.place("人社局考核表.xlsx"),
            "人社局考核表.xlsx!城镇新增就业!F7"
        );
        assert_eq!(serial_date(46397.0), "2027-01-10");
    }
}

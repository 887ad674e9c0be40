//! The workbook for the office: the two rankings, the awards, the responsibility
//! matrix, the problems, self-check against assessed (自查与考评差异, when any unit sent a
//! self-check), then one score sheet per unit.
//!
//! One sheet per unit (rather than one long sheet with a unit column): the office prints
//! and hands each county its own 考评得分表, and a sheet per unit is what it prints on
//! its own; the long table with a unit column is `kaoping export --format csv --table
//! scores`, for filtering and pivots.
//!
//! Numbers are written as numbers with the project's decimal places (`0.00` for
//! `score_decimals = 2`), every header row is frozen, and columns are as wide as their
//! widest cell in display width (a Chinese character counts two).

use super::RankInput;
use super::tables::{self, Cell, Table, Tone};
use crate::i18n::{ExportText, Lang, T};
use crate::text::{clean, width};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::collections::HashSet;

/// Paper size 9 is A4 in Excel's numbering.
const A4: u8 = 9;
/// The widest a column grows before its text wraps (in character widths).
const MAX_WIDTH: usize = 60;
/// Excel's limit on a sheet name, in UTF-16 code units.
const SHEET_NAME_MAX: usize = 31;

/// The number format of a score with `places` decimals: `0.00`, or `0`.
pub(crate) fn score_format(places: u32) -> String {
    if places == 0 {
        "0".into()
    } else {
        format!("0.{}", "0".repeat(places as usize))
    }
}

/// A decimal as the f64 that a spreadsheet cell holds. The only place where a score
/// leaves exact arithmetic: rust_xlsxwriter writes numbers as f64, so each exact decimal
/// is converted at the last moment, and the cell's number format shows it with the
/// project's places.
fn number(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0)
}

/// The formats of one workbook.
struct Formats {
    header: Format,
    text: Format,
    alert: Format,
    wrap: Format,
    score: Format,
    value: Format,
    share: Format,
    int: Format,
}

impl Formats {
    fn new(places: u32) -> Formats {
        let text = Format::new().set_align(FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color(Color::RGB(0xDDE4EE))
                .set_border_bottom(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            alert: text.clone().set_font_color(Color::RGB(0xC00000)).set_bold(),
            wrap: text.clone().set_text_wrap(),
            score: text.clone().set_num_format(score_format(places)),
            value: text.clone().set_num_format("General"),
            share: text.clone().set_num_format("0.0%"),
            int: text.clone().set_num_format("0"),
            text,
        }
    }
}

/// Widths of the columns: the widest cell (or header) in display width, plus a margin,
/// at most [`MAX_WIDTH`].
fn widths(table: &Table, places: u32, lang: Lang) -> Vec<usize> {
    (0..table.header.len())
        .map(|c| {
            let cells = table
                .rows
                .iter()
                .filter_map(|r| r.cells.get(c))
                .map(|cell| width(&cell.display(places, lang)));
            let widest = cells.chain([width(&table.header[c])]).max().unwrap_or(0);
            (widest + 2).clamp(4, MAX_WIDTH)
        })
        .collect()
}

/// How a table sits on its sheet.
struct Layout {
    /// Columns frozen to the left of the scrolling part (besides the header row).
    frozen_columns: u16,
    landscape: bool,
    autofilter: bool,
}

/// Writes a table on a sheet: the header row (frozen, repeated on every printed page),
/// the rows with typed cells, the column widths; printed on A4, one page wide.
fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    layout: Layout,
    formats: &Formats,
    places: u32,
    lang: Lang,
) -> Result<(), XlsxError> {
    let widths = widths(table, places, lang);
    for (c, head) in table.header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, head, &formats.header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        let strong = row.tone == Tone::Strong;
        let bold = |f: &Format| {
            if strong {
                f.clone().set_bold()
            } else {
                f.clone()
            }
        };
        for (c, cell) in row.cells.iter().enumerate() {
            let col = c as u16;
            let too_wide = widths.get(c).is_some_and(|w| *w >= MAX_WIDTH);
            match cell {
                Cell::Empty if strong => {
                    sheet.write_blank(r, col, &bold(&formats.text))?;
                }
                Cell::Empty => {}
                Cell::Text(s) => {
                    let f = if too_wide && width(s) + 2 > MAX_WIDTH {
                        &formats.wrap
                    } else {
                        &formats.text
                    };
                    sheet.write_string_with_format(r, col, s, &bold(f))?;
                }
                Cell::Alert(s) => {
                    sheet.write_string_with_format(r, col, s, &formats.alert)?;
                }
                Cell::Flags(_) => {
                    let text = cell.display(places, lang);
                    sheet.write_string_with_format(r, col, &text, &bold(&formats.text))?;
                }
                Cell::Int(n) => {
                    sheet.write_number_with_format(r, col, *n, &bold(&formats.int))?;
                }
                Cell::Score(v) => {
                    sheet.write_number_with_format(r, col, number(*v), &bold(&formats.score))?;
                }
                Cell::Value(v) => {
                    sheet.write_number_with_format(r, col, number(*v), &bold(&formats.value))?;
                }
                Cell::Share(v) => {
                    sheet.write_number_with_format(r, col, number(*v), &bold(&formats.share))?;
                }
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *w as f64)?;
    }
    sheet.set_freeze_panes(1, layout.frozen_columns)?;
    sheet.set_repeat_rows(0, 0)?;
    if layout.autofilter && !table.rows.is_empty() && !table.header.is_empty() {
        let last_col = table.header.len() as u16 - 1;
        sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
    }
    sheet.set_paper_size(A4);
    if layout.landscape {
        sheet.set_landscape();
    }
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// Text for a page header or footer: `&` doubled (Excel's escape), cut to fit Excel's
/// limit of 255 characters with room for the codes around it.
fn header_text(s: &str) -> String {
    let cut = crate::text::truncate(&clean(s), 160);
    cut.replace('&', "&&")
}

/// A sheet name Excel accepts, unique in the workbook: the characters `[]:*?/\` replaced,
/// no apostrophe at either end, at most 31 UTF-16 units, and a number added when the
/// name is taken (Excel compares names without case; `History` is reserved).
pub(crate) fn sheet_name(name: &str, used: &mut HashSet<String>) -> String {
    let clean: String = clean(name)
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' | '\u{FFFD}' => '_',
            c => c,
        })
        .collect();
    let clean = clean.trim().trim_matches('\'').trim().to_string();
    let base = if clean.is_empty() {
        "_".to_string()
    } else {
        clean
    };
    let fit = |s: &str, room: usize| -> String {
        let mut out = String::new();
        for c in s.chars() {
            if out.encode_utf16().count() + c.len_utf16() > room {
                break;
            }
            out.push(c);
        }
        out.trim_end_matches('\'').to_string()
    };
    let taken = |s: &str, used: &HashSet<String>| {
        let lower = s.to_lowercase();
        used.contains(&lower) || lower == "history"
    };
    let mut candidate = fit(&base, SHEET_NAME_MAX);
    let mut n = 2;
    while candidate.is_empty() || taken(&candidate, used) {
        let suffix = format!(" ({n})");
        candidate = format!(
            "{}{suffix}",
            fit(&base, SHEET_NAME_MAX - suffix.encode_utf16().count())
        );
        n += 1;
    }
    used.insert(candidate.to_lowercase());
    candidate
}

/// The workbook, as the bytes of an .xlsx file.
pub fn export_xlsx(input: &RankInput) -> Result<Vec<u8>, String> {
    build(input).map_err(|e| e.to_string())
}

fn build(input: &RankInput) -> Result<Vec<u8>, XlsxError> {
    let lang = input.lang;
    let project = input.project;
    let places = project.policy.score_decimals;
    let formats = Formats::new(places);
    let mut workbook = Workbook::new();
    let title = clean(&project.title);
    workbook.set_properties(&DocProperties::new().set_title(&title));
    let mut used = HashSet::new();
    let page_header = format!("&C{}", header_text(&title));
    let page_footer = "&L&A&R&P / &N";

    let fixed: [(T, Table, Layout); 6] = [
        (
            T::ExportSheetRanking,
            group_ranking(
                input,
                tables::UNIT_RANKING,
                (T::CountiesAndZone, &input.board.units),
                T::ExportNoUnits,
            ),
            Layout {
                frozen_columns: 3,
                landscape: true,
                autofilter: true,
            },
        ),
        (
            T::ExportSheetDepartments,
            group_ranking(
                input,
                &tables::department_ranking(),
                (T::CityDepartments, &input.board.departments),
                T::NoDepartments,
            ),
            Layout {
                frozen_columns: 3,
                landscape: true,
                autofilter: true,
            },
        ),
        (
            T::ExportSheetAwards,
            tables::awards(input),
            Layout {
                frozen_columns: 1,
                landscape: false,
                autofilter: true,
            },
        ),
        (
            T::ExportIndividualsHeading,
            tables::individuals(input),
            Layout {
                frozen_columns: 1,
                landscape: false,
                autofilter: false,
            },
        ),
        (
            T::ExportSheetMatrix,
            tables::matrix(input),
            Layout {
                frozen_columns: 2,
                landscape: true,
                autofilter: true,
            },
        ),
        (
            T::ExportSheetProblems,
            tables::problems(input),
            Layout {
                frozen_columns: 0,
                landscape: false,
                autofilter: false,
            },
        ),
    ];
    for (name, table, layout) in fixed {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(name.get(lang), &mut used))?;
        write_table(sheet, &table, layout, &formats, places, lang)?;
        sheet.set_header(&page_header);
        sheet.set_footer(page_footer);
    }

    // Self-check against assessed, when any unit sent a self-check.
    if let Some(table) = tables::selfcheck_gaps(input) {
        let sheet = workbook.add_worksheet();
        let name = crate::i18n::SelfcheckText(lang).title();
        sheet.set_name(sheet_name(&name, &mut used))?;
        let layout = Layout {
            frozen_columns: 2,
            landscape: true,
            autofilter: true,
        };
        write_table(sheet, &table, layout, &formats, places, lang)?;
        sheet.set_header(&page_header);
        sheet.set_footer(page_footer);
    }

    let text = ExportText(lang);
    for u in tables::scored_units(input) {
        let table = tables::unit_sheet(input, u);
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(&u.name, &mut used))?;
        let layout = Layout {
            frozen_columns: 0,
            landscape: true,
            autofilter: false,
        };
        write_table(sheet, &table, layout, &formats, places, lang)?;
        let kind = crate::i18n::ExplainText(lang).kind(u.kind);
        let heading = text.sheet_heading(&u.name, kind);
        sheet.set_header(format!(
            "&L{}&R{}",
            header_text(&title),
            header_text(&heading)
        ));
        sheet.set_footer(page_footer);
    }
    if let Ok(first) = workbook.worksheet_from_index(0) {
        first.set_active(true);
    }
    workbook.save_to_buffer()
}

/// One group's ranking, or a row saying that the group is empty.
fn group_ranking(
    input: &RankInput,
    cols: &[tables::RankCol],
    group: (T, &[crate::scoring::UnitResult]),
    empty: T,
) -> Table {
    let mut table = tables::ranking(input, cols, &[group]);
    if table.rows.is_empty() {
        let mut cells = vec![Cell::Empty; table.header.len()];
        if let Some(c) = cells.get_mut(2) {
            *c = Cell::Text(empty.get(input.lang).to_string());
        }
        table.rows.push(tables::Row {
            cells,
            ..Default::default()
        });
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_follow_the_places() {
        assert_eq!(score_format(2), "0.00");
        assert_eq!(score_format(0), "0");
        assert_eq!(score_format(3), "0.000");
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut used = HashSet::new();
        assert_eq!(sheet_name("甲县", &mut used), "甲县");
        assert_eq!(sheet_name("甲县", &mut used), "甲县 (2)");
        assert_eq!(sheet_name("a/b:c?", &mut used), "a_b_c_");
        assert_eq!(sheet_name("'quoted'", &mut used), "quoted");
        assert_eq!(sheet_name("History", &mut used), "History (2)");
        assert_eq!(sheet_name("", &mut used), "_");
        let long = "经".repeat(40);
        let a = sheet_name(&long, &mut used);
        let b = sheet_name(&long, &mut used);
        assert_eq!(a.encode_utf16().count(), 31);
        assert!(b.encode_utf16().count() <= 31 && b.ends_with("(2)"), "{b}");
        for name in used.iter() {
            assert!(
                rust_xlsxwriter::utility::check_sheet_name(name).is_ok(),
                "{name}"
            );
        }
    }

    #[test]
    fn header_text_escapes_ampersands() {
        assert_eq!(header_text("A&B"), "A&&B");
    }
}

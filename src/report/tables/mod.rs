//! The tables of the reports as typed cells, built once from a scoreboard and drawn by
//! each format: numbers stay exact decimals here (a spreadsheet writes them as numbers
//! with the project's decimal places, csv as text), names are sanitised, and every word
//! comes from [`crate::i18n`]. One file a table: the ranking ([`ranking`]), a unit's
//! score sheet ([`sheet`]), the awards, the advanced individuals, the responsibility
//! matrix and the warnings ([`lists`]).

mod lists;
mod ranking;
mod selfcheck;
mod sheet;

pub(crate) use lists::{awards, individuals, matrix, problems};
pub(crate) use ranking::{
    Audience, PROGRAM_RANKING, RankCol, SHORT_RANKING, UNIT_RANKING, csv_ranking,
    department_ranking, ranking, ranking_for,
};
pub(crate) use selfcheck::selfcheck_gaps;
pub(crate) use sheet::{all_sheets, scored_units, unit_sheet};

use super::RankInput;
use crate::i18n::{ExplainText, Lang, T};
use crate::scoring::score_text;
use crate::text::clean;
use rust_decimal::Decimal;

/// One cell of an exported table.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) enum Cell {
    #[default]
    Empty,
    Text(String),
    /// A mark that calls for attention (a veto).
    Alert(String),
    /// A whole number (a rank, a count).
    Int(u32),
    /// A score: shown with the project's `score_decimals` places.
    Score(Decimal),
    /// A value as entered or declared (target, actual, base, maximum): shown as written.
    Value(Decimal),
    /// A share (completion): `1.05` is shown as `105.0%`.
    Share(Decimal),
    /// A ranked unit's flags (★ comprehensive, ✗ veto …), each marked when it calls for
    /// attention; shown joined by two spaces.
    Flags(Vec<Flag>),
}

/// One flag of a ranked unit, in words with its symbol.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Flag {
    pub text: String,
    /// A veto or last place.
    pub alert: bool,
}

impl Cell {
    pub(crate) fn text(s: impl AsRef<str>) -> Cell {
        Cell::Text(clean(s.as_ref()))
    }

    pub(super) fn opt_score(v: Option<Decimal>) -> Cell {
        v.map_or(Cell::Empty, Cell::Score)
    }

    /// The cell as text, as csv writes it and a width is measured.
    pub(crate) fn display(&self, places: u32, lang: Lang) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Alert(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Score(v) => score_text(*v, places),
            Cell::Value(v) => v.normalize().to_string(),
            Cell::Share(v) => ExplainText(lang).percent_shown(*v),
            Cell::Flags(flags) => {
                let texts: Vec<&str> = flags.iter().map(|f| f.text.as_str()).collect();
                texts.join("  ")
            }
        }
    }
}

/// How a row is set off from the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Tone {
    #[default]
    Normal,
    /// A subtotal or total.
    Strong,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Row {
    pub cells: Vec<Cell>,
    pub tone: Tone,
    /// The indicator this row scores (the html report explains it under the row).
    pub indicator: Option<String>,
    /// The ranked unit of a ranking row (the html report draws its bar and marks).
    pub unit: Option<String>,
}

impl Row {
    pub(super) fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            ..Row::default()
        }
    }

    pub(super) fn strong(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            tone: Tone::Strong,
            ..Row::default()
        }
    }
}

/// A header and its rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
    /// The column that holds long notes (wrapped in a spreadsheet, left out of the html
    /// score sheets where the full explanation follows the row).
    pub note_column: Option<usize>,
}

pub(super) fn yes(flag: bool, lang: Lang) -> Cell {
    if flag {
        Cell::Text(T::ExportYes.get(lang).to_string())
    } else {
        Cell::Empty
    }
}

/// Ids shown as a list of names (`name_of` finds one; an unknown id shows as itself).
fn listed<'p>(
    input: &RankInput<'p>,
    ids: &[String],
    name_of: impl Fn(&str) -> Option<&'p str>,
) -> String {
    let names: Vec<String> = ids
        .iter()
        .map(|id| clean(name_of(id).unwrap_or(id)))
        .collect();
    ExplainText(input.lang).list(&names)
}

/// Names of units or departments by id, as a list.
pub(crate) fn names(input: &RankInput, ids: &[String]) -> String {
    let project = input.project;
    listed(input, ids, |id| {
        project
            .unit(id)
            .map(|u| u.name.as_str())
            .or_else(|| project.department(id).map(|d| d.name.as_str()))
    })
}

/// Names of indicators by id, as a list.
pub(super) fn indicator_names(input: &RankInput, ids: &[String]) -> String {
    let project = input.project;
    listed(input, ids, |id| {
        project.indicator(id).map(|i| i.name.as_str())
    })
}

pub(super) fn award_names(input: &RankInput, ids: &[String]) -> String {
    let board = input.board;
    listed(input, ids, |id| board.award(id).map(|a| a.name.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_display_exact_decimals() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(Cell::Score(d("5.5")).display(2, Lang::En), "5.50");
        assert_eq!(Cell::Value(d("1000.00")).display(2, Lang::En), "1000");
        assert_eq!(Cell::Share(d("0.95")).display(2, Lang::Zh), "95.0%");
        assert_eq!(Cell::text("a\u{1b}b").display(2, Lang::En), "a\u{FFFD}b");
    }
}

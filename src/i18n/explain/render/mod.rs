//! An explanation ([`crate::explain`]) in words: the data's steps in the order a reader
//! checks them, each put into a sentence of [`ExplainText`]. Nothing is computed here but
//! the formatting of numbers ([`crate::i18n::numbers`]): measured shares with one
//! decimal ([`ExplainText::percent_shown`]), policy shares with [`percent`], and the half-up
//! rounding shown (`4.405 → 4.41`) wherever the data says it changed a number.
//!
//! One row is `row.rs`, a unit `unit.rs`.

use super::ExplainText;
use crate::explain::{ItemExplanation, UnitExplanation, UnitSummary};
use crate::i18n::Lang;
use crate::i18n::numbers::Scores;
use crate::text::sanitize;
use rust_decimal::Decimal;

mod row;
mod unit;

/// The width a one-line explanation aims to fit (an 80-column status line). Longer
/// parts are shortened: several failures to the first and a count, award names to a
/// count.
const SHORT_WIDTH: usize = 76;

/// Indentation of the parts of a unit's explanation.
const INDENT: &str = "  ";

fn indent(line: String) -> String {
    format!("{INDENT}{line}")
}

fn indent2(line: String) -> String {
    format!("{INDENT}{INDENT}{line}")
}

/// The lines explaining one row's earned score: what the indicator is, the rule applied
/// and its arithmetic with the actual numbers.
pub fn item_lines(e: &ItemExplanation, lang: Lang) -> Vec<String> {
    Words::new(lang, e.decimals).item_lines(e)
}

/// One row's earned score in one line, for a status bar:
/// `实际值 950 → 完成率 95.0%，差 5.0% = 2.5 个 2% × 5% × 4 = 扣 0.50 分`.
pub fn item_short(e: &ItemExplanation, lang: Lang) -> String {
    Words::new(lang, e.decimals).item_short(e)
}

/// A unit's (or department's) whole total, each part with its reason.
pub fn unit_lines(e: &UnitExplanation, lang: Lang) -> Vec<String> {
    Words::new(lang, e.summary.decimals).unit_lines(e)
}

/// A unit's standing in one line, for the ranking pane:
/// `北岭县 vetoed: 城镇新增就业 95.0% of target (shortfall 5.0% → −0.50)`.
pub fn unit_short(s: &UnitSummary, lang: Lang) -> String {
    Words::new(lang, s.decimals).unit_short(s)
}

/// The sentences and the number formats of one explanation.
#[derive(Clone, Copy)]
struct Words {
    t: ExplainText,
    n: Scores,
}

impl Words {
    fn new(lang: Lang, decimals: u32) -> Self {
        Words {
            t: ExplainText(lang),
            n: Scores(decimals),
        }
    }

    fn score(self, v: Decimal) -> String {
        self.n.score(v)
    }

    fn exact(self, v: Decimal) -> String {
        self.n.exact(v)
    }

    fn pct(self, share: Decimal) -> String {
        self.t.percent_shown(share)
    }

    fn frac_pct(self, f: crate::scoring::Fraction) -> String {
        f.value().map_or_else(|| "—".into(), |v| self.pct(v))
    }

    fn list(self, names: &[String]) -> String {
        let names: Vec<String> = names.iter().map(|n| sanitize(n)).collect();
        self.t.list(&names)
    }

    /// A list, or `None` when empty.
    fn some_list(self, names: &[String]) -> Option<String> {
        (!names.is_empty()).then(|| self.list(names))
    }
}

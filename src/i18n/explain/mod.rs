//! The sentences of the explanations ([`crate::explain`]), in both languages:
//! [`item_lines`], [`item_short`], [`unit_lines`] and [`unit_short`] turn an explanation's
//! data into lines (`render/`), each sentence one [`ExplainText`] method declared with
//! `sentences!`, by topic: one row in full (`row.rs`), in one line (`line.rs`), a unit's
//! total (`unit.rs`).
//!
//! Every number arrives at a sentence already formatted (scores with `score_decimals`
//! places, shares with [`super::percent`], measured shares with
//! [`ExplainText::percent_shown`]) and every name already sanitised; the sentences only put
//! them into words. Arithmetic symbols (`+ − × / = →`) are the same in both languages.

use super::Lang;
use super::common::CommonText;
use super::glossary::{en, zh};
use super::macros::sentences;
use crate::project::UnitKind;
use rust_decimal::{Decimal, RoundingStrategy};

mod line;
mod render;
mod row;
mod unit;

pub use render::{item_lines, item_short, unit_lines, unit_short};

/// The sentences of the explanations, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExplainText(pub Lang);

/// The numbers of one shortfall deduction, formatted: `short` (the shortfall, `5.0%`),
/// `steps` (`2.5`), `step` and `rate` (policy shares), `base`, and the cap
/// (`cap_share × base = cap`).
#[derive(Debug, Clone, Copy)]
pub struct StepsText<'a> {
    pub short: &'a str,
    /// The shortfall with more places, when one decimal rounds it (`5.03%`).
    pub unrounded: Option<&'a str>,
    pub steps: &'a str,
    pub step: &'a str,
    pub rate: &'a str,
    pub base: &'a str,
    pub cap_share: &'a str,
    pub cap: &'a str,
}

/// Where a unit stands in its group: `rank` of `count` (tied or not), and `among` of the
/// `eligible` units that are not vetoed, for `places` comprehensive awards.
#[derive(Debug, Clone, Copy)]
pub struct StandingText<'a> {
    pub name: &'a str,
    pub rank: u32,
    pub count: usize,
    pub tied: bool,
    pub among: usize,
    pub eligible: usize,
    pub places: u32,
}

impl ExplainText {
    sentences! {
        /// ` (unrounded: 5.03%)` after a number shown with one decimal.
        pub(super) fn unrounded_note(more: &str) {
            zh: "（未四舍五入：{more}）",
            en: " (unrounded: {more})",
        }

        /// The shortfall as the long lines start: `5.0% short`; in Chinese the `差` is in
        /// the sentence.
        pub(super) fn shortfall_of(short: &str, more: &str) {
            zh: "{short}{more}",
            en: "{short} short{more}",
        }

        /// After a score that the half-up rounding changed: `→ 4.41`.
        pub(super) fn rounded_note(rounded: &str, places: u32) {
            zh: "，四舍五入保留 {places} 位小数 → {rounded}",
            en: " → {rounded} (rounded half-up to {places} places)",
        }

        /// A unit's name with a score: `经济开发区（6.20）` / `经济开发区 6.20`.
        pub fn named_score(name: &str, score: &str) {
            zh: "{name}（{score}）",
            en: "{name} {score}",
        }

        /// A vetoed unit that wins a single-item award, with its score: the leading
        /// group decides it.
        pub fn named_score_vetoed(name: &str, score: &str) {
            zh: "{name}（{score}，已被{VETO}，请领导小组审定）",
            en: "{name} {score} (vetoed: for the leading group to confirm)",
        }

        /// After a tie at the cut of an award's places.
        pub(super) fn tie_across_cut() {
            zh: "；{PLACES}线上{TIED}，{TIED}者均获评",
            en: "; a tie across the cut gives it to every tied unit",
        }
    }

    fn common(self) -> CommonText {
        CommonText(self.0)
    }

    // ---- numbers and small words -------------------------------------------------

    /// A measured share as a calculator checks it: exactly, with one decimal at least
    /// and two at most (`0.95` → `95.0%`, `0.1496` → `14.96%`); a share that needs more
    /// is cut to two with `…` (`14.96…%`), never rounded to another number.
    pub fn percent_shown(self, share: Decimal) -> String {
        let Some(v) = share.checked_mul(Decimal::ONE_HUNDRED) else {
            return "—".into();
        };
        let n = v.normalize();
        if n.scale() <= 2 {
            let mut v = n;
            if v.scale() < 1 {
                v.rescale(1);
            }
            return format!("{v}%");
        }
        let mut c = v.round_dp_with_strategy(2, RoundingStrategy::ToZero);
        c.rescale(2);
        format!("{c}…%")
    }

    /// A measured share with more places (up to four, cut with `…`), when
    /// [`Self::percent_shown`] cuts it; `None` when two decimals show it exactly.
    pub fn percent_more(self, share: Decimal) -> Option<String> {
        let p = share.checked_mul(Decimal::ONE_HUNDRED)?.normalize();
        if p.scale() <= 2 {
            return None;
        }
        if p.scale() <= 4 {
            return Some(format!("{p}%"));
        }
        let mut c = p.round_dp_with_strategy(4, RoundingStrategy::ToZero);
        c.rescale(4);
        Some(format!("{c}…%"))
    }

    /// ` (unrounded: …)` after a number shown with one decimal, or nothing.
    fn unrounded(self, more: Option<&str>) -> String {
        more.map(|m| self.unrounded_note(m)).unwrap_or_default()
    }

    /// The shortfall as the long lines start (with the unrounded value when one decimal
    /// rounds it).
    fn shortfall(self, short: &str, unrounded: Option<&str>) -> String {
        self.shortfall_of(short, &self.unrounded(unrounded))
    }

    /// The rounding note when it changed a score (`rounded` with `places`), or nothing.
    fn rounding(self, rounded: Option<(&str, u32)>) -> String {
        rounded
            .map(|(r, places)| self.rounded_note(r, places))
            .unwrap_or_default()
    }

    /// The tie note when a tie at the cut widened the winners, or nothing.
    fn widened(self, widened: bool) -> String {
        if widened {
            self.tie_across_cut()
        } else {
            String::new()
        }
    }

    /// Names joined as a list.
    pub fn list(self, items: &[String]) -> String {
        self.common().list(items)
    }

    /// Failures joined in one line.
    pub fn failures(self, items: &[String]) -> String {
        self.common().clauses(items)
    }

    /// The kind of a unit: `县`, `开发区`, `市直部门`.
    pub fn kind(self, kind: UnitKind) -> &'static str {
        match kind {
            UnitKind::County => self.0.pick(zh::COUNTY, en::COUNTY),
            UnitKind::Zone => self.0.pick(zh::ZONE, en::ZONE),
            UnitKind::Department => self.0.pick(zh::CITY_DEPARTMENT, en::CITY_DEPARTMENT),
        }
    }
}

/// `<expr> = ` before a total, or nothing when there is no sum to show.
fn sum_prefix(expr: Option<&str>) -> String {
    expr.map(|e| format!("{e} = ")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_measured_share_is_exact_or_cut_never_rounded() {
        let t = ExplainText(Lang::En);
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(t.percent_shown(d("0.95")), "95.0%");
        assert_eq!(t.percent_shown(d("1.2")), "120.0%");
        assert_eq!(t.percent_shown(d("0.1496")), "14.96%");
        // 19 / 127 = 0.149606299…: cut, marked, not rounded to 15.0%.
        assert_eq!(t.percent_shown(d("19") / d("127")), "14.96…%");
        assert_eq!(t.percent_more(d("19") / d("127")).unwrap(), "14.9606…%");
        assert_eq!(t.percent_shown(d("0.00049")), "0.04…%");
        assert_eq!(t.percent_more(d("0.95")), None);
    }
}

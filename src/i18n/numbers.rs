//! Numbers as the sentences write them, the same in both languages: scores with the
//! project's `score_decimals` places ([`Scores::score`]); values that were entered
//! (target, actual, base, a case-by-case deduction) as written ([`entered`]); computed
//! values that need more places than a score (a bonus of `0.4666…`) with up to two more,
//! cut with `…` beyond ([`Scores::exact`]); step counts with up to four ([`plain`]).

use crate::scoring::score_text;
use rust_decimal::{Decimal, RoundingStrategy};

/// A value as it was entered (or declared): `0.80` → `0.8`, `1000` → `1000`.
pub fn entered(v: Decimal) -> String {
    v.normalize().to_string()
}

/// A count of steps: exact up to 4 places, else cut with `…`.
pub fn plain(v: Decimal) -> String {
    cut(v, 4)
}

/// `v` exactly when it has at most `places` decimals, else cut to `places` with `…`.
pub fn cut(v: Decimal, places: u32) -> String {
    let n = v.normalize();
    if n.scale() <= places {
        n.to_string()
    } else {
        let mut c = v.round_dp_with_strategy(places, RoundingStrategy::ToZero);
        c.rescale(places);
        format!("{c}…")
    }
}

/// Terms joined as a sum, or `None` for a single term (nothing to add up).
pub fn sum_expr(terms: &[String]) -> Option<String> {
    (terms.len() > 1).then(|| terms.join(" + "))
}

/// Scores of a project with `score_decimals` places (the field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scores(pub u32);

impl Scores {
    /// A score with `score_decimals` places.
    pub fn score(self, v: Decimal) -> String {
        score_text(v, self.0)
    }

    /// A computed value: like a score when it has no more places, else exactly with up
    /// to two more, else cut with `…` (`0.4666…`).
    pub fn exact(self, v: Decimal) -> String {
        if v.normalize().scale() <= self.0 {
            self.score(v)
        } else {
            cut(v, self.0 + 2)
        }
    }

    /// A signed difference of totals: `+0.50`, `−0.30`.
    pub fn delta(self, v: Decimal) -> String {
        if v < Decimal::ZERO {
            format!("−{}", self.score(-v))
        } else {
            format!("+{}", self.score(v))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn entered_values_are_shown_as_written() {
        assert_eq!(entered(d("0.80")), "0.8");
        assert_eq!(entered(d("1000")), "1000");
        assert_eq!(entered(d("4.6")), "4.6");
    }

    #[test]
    fn long_values_are_cut_not_rounded() {
        assert_eq!(plain(d("2.5")), "2.5");
        assert_eq!(plain(d("25")), "25");
        // 0.2 / (4.6 × 0.02) = 2.17391304…
        assert_eq!(plain(d("2.1739130434782608695652173913")), "2.1739…");
        assert_eq!(cut(d("0.66666666"), 4), "0.6666…");
    }

    #[test]
    fn computed_values_keep_score_places_or_show_more() {
        let n = Scores(2);
        assert_eq!(n.exact(d("0.5")), "0.50");
        assert_eq!(n.exact(d("0.405")), "0.405");
        assert_eq!(n.exact(d("4.4375")), "4.4375");
        assert_eq!(n.exact(d("0.46666666666666666666666666667")), "0.4666…");
        assert_eq!(n.delta(d("-0.3")), "−0.30");
        assert_eq!(n.delta(d("0.5")), "+0.50");
    }

    #[test]
    fn sums_of_one_term_are_not_written_out() {
        assert_eq!(sum_expr(&["4.00".into()]), None);
        assert_eq!(
            sum_expr(&["3.50".into(), "2.00".into()]).as_deref(),
            Some("3.50 + 2.00")
        );
    }
}

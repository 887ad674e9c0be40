//! The phrases several topics share (explanations, what-if, exports): a rank in a group,
//! a number of places, a measured value with its unit, lists, ordinals.

use super::Lang;
use super::macros::sentences;

/// The shared phrases, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommonText(pub Lang);

impl CommonText {
    sentences! {
        /// `第 3 名（共 4 个）` / `rank 3 of 4`.
        pub fn rank_of(rank: u32, count: usize) {
            zh: "第 {rank} 名（共 {count} 个）",
            en: "{RANK} {rank} of {count}",
        }

        /// `并列第 3 名（共 4 个）` / `rank 3 of 4, tied`.
        pub fn rank_of_tied(rank: u32, count: usize) {
            zh: "{TIED}第 {rank} 名（共 {count} 个）",
            en: "{RANK} {rank} of {count}, {TIED}",
        }

        /// `名额 1 个` / `1 place`.
        pub(super) fn one_place(n: u32) {
            zh: "{PLACES} {n} 个",
            en: "{n} place",
        }

        /// `名额 3 个` / `3 places`.
        pub(super) fn places_of(n: u32) {
            zh: "{PLACES} {n} 个",
            en: "{n} {PLACES}",
        }

        /// A name with a note in brackets: `乙县（yi）` / `乙县 (yi)`.
        pub fn noted(text: &str, note: &str) {
            zh: "{text}（{note}）",
            en: "{text} ({note})",
        }

        /// A value with its unit of measure: `1000人` / `1000 人`.
        pub(super) fn measured(value: &str, measure: &str) {
            zh: "{value}{measure}",
            en: "{value} {measure}",
        }
    }

    /// `第 3 名（共 4 个）`, tied or not.
    pub fn rank(self, rank: u32, count: usize, tied: bool) -> String {
        if tied {
            self.rank_of_tied(rank, count)
        } else {
            self.rank_of(rank, count)
        }
    }

    /// A number of places: `名额 3 个` / `3 places`.
    pub fn places(self, n: u32) -> String {
        if n == 1 {
            self.one_place(n)
        } else {
            self.places_of(n)
        }
    }

    /// A measured value with its unit of measure: `1000 人`, `4.6%`.
    pub fn qty(self, value: &str, measure: Option<&str>) -> String {
        match measure {
            None => value.to_string(),
            Some("%") => format!("{value}%"),
            Some(m) => self.measured(value, m),
        }
    }

    /// `1st`, `2nd`, … in English; the number in Chinese (the sentences add `第`).
    pub fn ordinal(self, n: usize) -> String {
        if self.0 == Lang::Zh {
            return n.to_string();
        }
        let suffix = match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{n}{suffix}")
    }

    /// Items joined as a list: `甲、乙` or `a, b`.
    pub fn list<S: std::borrow::Borrow<str>>(self, items: &[S]) -> String {
        items.join(self.0.pick("、", ", "))
    }

    /// Clauses joined in one line: `甲；乙` or `a; b`.
    pub fn clauses(self, items: &[String]) -> String {
        items.join(self.0.pick("；", "; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        let t = CommonText(Lang::En);
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
            .iter()
            .map(|n| t.ordinal(*n))
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
                "111th"
            ]
        );
        assert_eq!(CommonText(Lang::Zh).ordinal(3), "3");
    }

    #[test]
    fn places_and_ranks() {
        assert_eq!(CommonText(Lang::En).places(1), "1 place");
        assert_eq!(CommonText(Lang::En).places(3), "3 places");
        assert_eq!(CommonText(Lang::Zh).places(1), "名额 1 个");
        assert_eq!(CommonText(Lang::En).rank(2, 4, true), "rank 2 of 4, tied");
        assert_eq!(
            CommonText(Lang::Zh).rank(2, 4, true),
            "并列第 2 名（共 4 个）"
        );
    }
}

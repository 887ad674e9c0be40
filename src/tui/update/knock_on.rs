//! The knock-on line: what a commit on one unit's sheet did to the other units' scores
//! (an actual typed 10× too large becomes the group's best over-completion and lowers
//! every other unit's bonus; a county's row moves a department's summed row). Read by
//! comparing the totals before the commit with the scoreboard after it — nothing is
//! derived again — and said in one status line, the biggest changes first, cut to the
//! screen's width with "等 N 个单位".

use crate::i18n::{CommonText, EntryText, Lang};
use crate::scoring::Scoreboard;
use crate::text::{sanitize, width};
use rust_decimal::Decimal;

/// Every unit's and department's total, by id: what a commit is compared with.
pub(super) fn totals(board: &Scoreboard) -> Vec<(String, Decimal)> {
    board
        .units
        .iter()
        .chain(&board.departments)
        .map(|u| (u.id.clone(), u.total))
        .collect()
}

/// Another unit whose total a commit moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Moved {
    pub id: String,
    pub name: String,
    /// New total − old total.
    pub delta: Decimal,
    /// Its row of the edited indicator is a department's row summed from the units'.
    pub summed: bool,
}

/// The units other than `edited` whose total differs between `before` and `after`, the
/// biggest change first (then by id). `indicator`: the indicator edited, if a row was.
pub(super) fn moved(
    before: &[(String, Decimal)],
    after: &Scoreboard,
    edited: &str,
    indicator: Option<&str>,
) -> Vec<Moved> {
    let mut out: Vec<Moved> = after
        .units
        .iter()
        .chain(&after.departments)
        .filter(|u| u.id != edited)
        .filter_map(|u| {
            let old = before.iter().find(|(id, _)| *id == u.id)?.1;
            let delta = u.total - old;
            (!delta.is_zero()).then(|| Moved {
                id: u.id.clone(),
                name: u.name.clone(),
                delta,
                summed: indicator
                    .and_then(|i| u.item(i))
                    .is_some_and(|item| item.sum.is_some()),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.delta
            .abs()
            .cmp(&a.delta.abs())
            .then_with(|| a.id.cmp(&b.id))
    });
    out
}

/// A change of a total as the line writes it: `−0.20`, `+0.11` (with the file's places).
pub(super) fn signed(delta: Decimal, decimals: u32) -> String {
    let sign = if delta.is_sign_negative() { '−' } else { '+' };
    let places = decimals as usize;
    format!("{sign}{:.places$}", delta.abs().round_dp(decimals))
}

/// The knock-on line, at most `max` columns wide (as many units as fit, then
/// "等 N 个单位"); `None` when no other unit moved.
pub(super) fn line(moved: &[Moved], max: usize, decimals: u32, lang: Lang) -> Option<String> {
    if moved.is_empty() {
        return None;
    }
    let t = EntryText(lang);
    let build = |shown: usize| -> String {
        let unit = |m: &Moved| t.knock_on_unit(&sanitize(&m.name), &signed(m.delta, decimals));
        let mut clauses = Vec::new();
        let head = &moved[..shown];
        let bonus: Vec<String> = head.iter().filter(|m| !m.summed).map(unit).collect();
        let summed: Vec<String> = head.iter().filter(|m| m.summed).map(unit).collect();
        let mut more = |names: Vec<String>, summed_clause: bool, last: bool| {
            if names.is_empty() {
                return;
            }
            let mut list = CommonText(lang).list(&names);
            if last && shown < moved.len() {
                list = t.knock_on_more(&list, moved.len(), moved.len() - shown);
            }
            clauses.push(if summed_clause {
                t.knock_on_sum(&list)
            } else {
                t.knock_on_bonus(&list)
            });
        };
        let summed_last = !summed.is_empty();
        more(bonus, false, !summed_last);
        more(summed, true, summed_last);
        CommonText(lang).clauses(&clauses)
    };
    (1..=moved.len())
        .rev()
        .map(build)
        .find(|l| width(l) <= max)
        .or_else(|| Some(build(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn m(id: &str, delta: Decimal, summed: bool) -> Moved {
        Moved {
            id: id.into(),
            name: id.into(),
            delta,
            summed,
        }
    }

    #[test]
    fn a_change_is_written_with_its_sign_and_the_files_places() {
        assert_eq!(signed(dec("-0.2"), 2), "−0.20");
        assert_eq!(signed(dec("0.11"), 2), "+0.11");
        assert_eq!(signed(dec("1.005"), 1), "+1.0");
    }

    #[test]
    fn the_line_lists_the_biggest_first_and_cuts_to_the_width() {
        let moved = vec![
            m("东城县", dec("-0.20"), false),
            m("青阳县", dec("-0.11"), false),
            m("西山县", dec("-0.05"), false),
        ];
        assert_eq!(
            line(&moved, 80, 2, Lang::Zh).unwrap(),
            "东城县 −0.20、青阳县 −0.11、西山县 −0.05（本项加分基准改变）"
        );
        // Too narrow for three: two and how many more.
        let two = line(&moved, 58, 2, Lang::Zh).unwrap();
        assert_eq!(
            two,
            "东城县 −0.20、青阳县 −0.11 等 3 个单位（本项加分基准改变）"
        );
        assert!(width(&two) <= 58);
        let one = line(&moved, 50, 2, Lang::En).unwrap();
        assert_eq!(
            one,
            "东城县 −0.20 and 2 more (this indicator's bonus base changed)"
        );
        assert_eq!(
            line(&moved[..1], 80, 2, Lang::En).unwrap(),
            "东城县 −0.20 (this indicator's bonus base changed)"
        );
        assert_eq!(line(&[], 80, 2, Lang::En), None);
        // A department's summed row is its own clause.
        let mixed = vec![m("a", dec("0.5"), true), m("b", dec("-0.1"), false)];
        assert_eq!(
            line(&mixed, 200, 2, Lang::En).unwrap(),
            "b −0.10 (this indicator's bonus base changed); a +0.50 (the department's summed row follows)"
        );
    }
}

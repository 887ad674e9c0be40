//! What an edit does to other units' scores, worked out by comparing the scoreboards
//! before and after it: pure functions, shared by the handlers that say so (a scheme
//! change in the matrix, a value committed in a sheet).

use crate::scoring::{Outcome, Scoreboard};
use rust_decimal::Decimal;

/// A unit (county, zone or department) whose total an edit changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreChange {
    pub id: String,
    pub name: String,
    /// `None`: it had no score before (or has none after).
    pub before: Option<Decimal>,
    pub after: Option<Decimal>,
}

/// Every unit whose total differs between `before` and `after`, counties and the zone
/// first, each group in the order of `after` (then those that are gone).
pub fn score_changes(before: &Scoreboard, after: &Scoreboard) -> Vec<ScoreChange> {
    let mut out = Vec::new();
    let total = |board: &Scoreboard, id: &str| board.find(id).map(|u| u.total);
    for u in after.units.iter().chain(&after.departments) {
        let old = total(before, &u.id);
        if old != Some(u.total) {
            out.push(ScoreChange {
                id: u.id.clone(),
                name: u.name.clone(),
                before: old,
                after: Some(u.total),
            });
        }
    }
    for u in before.units.iter().chain(&before.departments) {
        if after.find(&u.id).is_none() {
            out.push(ScoreChange {
                id: u.id.clone(),
                name: u.name.clone(),
                before: Some(u.total),
                after: None,
            });
        }
    }
    out
}

/// The units that earn a bonus on `indicator` now (a bonus above zero), by name, in rank
/// order: those that lose it when it stops being a bonus indicator.
pub fn bonus_earners(board: &Scoreboard, indicator: &str) -> Vec<String> {
    board
        .units
        .iter()
        .chain(&board.departments)
        .filter(|u| {
            u.item(indicator).is_some_and(|item| {
                matches!(item.outcome, Outcome::Completed { bonus, .. } if bonus > Decimal::ZERO)
            })
        })
        .map(|u| u.name.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_changes_nothing_against_itself_and_names_who_earns_a_bonus() {
        let analysis = crate::check::analyze(crate::project::DEMO);
        let board = analysis.board.expect("the demo scores");
        assert!(score_changes(&board, &board).is_empty());
        let mut lower = board.clone();
        lower.units[0].total -= Decimal::ONE;
        let changes = score_changes(&board, &lower);
        assert_eq!(changes.len(), 1);
        assert_eq!(changes[0].id, board.units[0].id);
        assert!(!bonus_earners(&board, "new-jobs").is_empty());
    }
}

//! `kaoping diff OLD NEW`: per unit, what changed in every section score, total, rank,
//! veto and awards, and the changed input values behind it — a county's self-check
//! (自查) beside the assessed file (考评), or this year beside last year.

use crate::i18n::Lang;
use crate::project::Project;
use crate::scoring::Scoreboard;

/// What changed between two projects and their scores.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diff {
    pub units: Vec<UnitDiff>,
    /// Units only in the old or only in the new file.
    pub only_old: Vec<String>,
    pub only_new: Vec<String>,
    /// Changed input values outside the score sheets (the scheme), as (path, old, new).
    pub scheme: Vec<(String, String, String)>,
}

/// One unit (or department) that changed.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDiff {
    pub id: String,
    pub name: String,
    /// (what, old, new) for organisation, survey, each area, task, penalty, total, rank,
    /// veto, comprehensive, last place and awards that differ.
    pub results: Vec<(String, String, String)>,
    /// (path, old, new) for the entered values that differ.
    pub inputs: Vec<(String, String, String)>,
}

/// Compares two projects and their scores.
pub fn diff(old: &Project, old_board: &Scoreboard, new: &Project, new_board: &Scoreboard) -> Diff {
    let _ = (old, old_board, new, new_board);
    todo!("issue 5: written by the what-if helper")
}

/// The diff in words.
pub fn diff_text(diff: &Diff, lang: Lang) -> Vec<String> {
    let _ = (diff, lang);
    todo!("issue 5: written by the what-if helper")
}

//! The self-check figures (`[selfcheck.<id>]`, 总结自查) scored exactly like the assessed
//! ones: the rules are not applied a second way, the same [`score`] runs on the project
//! with its `scores` replaced by its `selfcheck`.
//!
//! What follows from that, on purpose: a unit (or department) without a self-check sheet
//! is scored as an empty sheet — every row pending, earning 0 — so it sets no best
//! over-completion; the bonuses of the self-check figures are relative to the best
//! over-completer among the self-check figures, not among the assessed ones; a
//! department is scored only when it has a self-check sheet, and a row of an
//! `aggregate = "sum"` indicator its self-check sheet leaves out is the sum of the
//! counties' and the zone's self-check rows (pending while any of them is).

use super::{Overflow, Scoreboard, score};
use crate::project::Project;

/// The project as its self-check figures have it: the same scheme and policy, its
/// `scores` replaced by its `selfcheck` (and no self-check sheets of its own).
pub fn selfcheck_project(project: &Project) -> Project {
    Project {
        scores: project.selfcheck.clone(),
        selfcheck: Default::default(),
        ..project.clone()
    }
}

/// The self-check figures scored ([`selfcheck_project`] through [`score`]); `None` when
/// the project has no self-check sheet (so such a project pays nothing for it).
pub fn score_selfcheck(project: &Project) -> Option<Result<Scoreboard, Overflow>> {
    if project.selfcheck.is_empty() {
        return None;
    }
    Some(score(&selfcheck_project(project)))
}

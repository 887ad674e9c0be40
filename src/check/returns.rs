//! The checks of `[[returns]]` (SPEC §7): `from` names a unit or department and `step` a
//! `[[procedure]]` step (errors, like every unknown reference); a return from a unit or
//! department that does not owe one at that step, and the same file (by SHA-256) taken
//! in twice, are warnings. [`owing`] says who owes a return at a step: these checks and
//! `kaoping status` ask it alike.

use super::{Checker, element};
use crate::project::problem::{ProblemKind, RefKind};
use crate::project::{Project, Returns};
use std::collections::HashMap;

/// Who owes a return at a step that says `returns`, as ids and names in file order:
/// `"units"` — every county and the zone; `"departments"` — every department responsible
/// for at least one indicator (one with nothing to assess sends nothing); none — nobody.
pub fn owing(project: &Project, returns: Option<Returns>) -> Vec<(&str, &str)> {
    match returns {
        None => Vec::new(),
        Some(Returns::Units) => project
            .units
            .iter()
            .map(|u| (u.id.as_str(), u.name.as_str()))
            .collect(),
        Some(Returns::Departments) => project
            .departments
            .iter()
            .filter(|d| project.indicators.iter().any(|i| i.assesses(&d.id)))
            .map(|d| (d.id.as_str(), d.name.as_str()))
            .collect(),
    }
}

impl Checker<'_> {
    pub(super) fn returns(&mut self) {
        let p = self.project;
        let mut first_of: HashMap<&str, &str> = HashMap::new();
        for (i, entry) in p.returns.iter().enumerate() {
            // An empty id was a missing or bad one, reported by the loader.
            let known_sender = p.kind_of(&entry.from).is_some();
            if !entry.from.is_empty() && !known_sender {
                self.report(
                    ProblemKind::UnknownRef {
                        kind: RefKind::Scored,
                        id: entry.from.clone(),
                    },
                    element("returns", i, "from"),
                );
            }
            let step = p.procedure.iter().find(|s| s.id == entry.step);
            if !entry.step.is_empty() && step.is_none() {
                self.report(
                    ProblemKind::UnknownRef {
                        kind: RefKind::Step,
                        id: entry.step.clone(),
                    },
                    element("returns", i, "step"),
                );
            }
            if let Some(step) = step
                && known_sender
                && !owing(p, step.returns)
                    .iter()
                    .any(|(id, _)| *id == entry.from)
            {
                self.report(
                    ProblemKind::ReturnNotOwed {
                        from: p.name_of(&entry.from).to_string(),
                        step: step.name.clone(),
                        owed: step.returns,
                    },
                    element("returns", i, "from"),
                );
            }
            if entry.sha256.is_empty() {
                continue;
            }
            match first_of.get(entry.sha256.as_str()) {
                Some(first) => self.report(
                    ProblemKind::ReturnTwice {
                        file: entry.file.clone(),
                        first: first.to_string(),
                    },
                    element("returns", i, "sha256"),
                ),
                None => {
                    first_of.insert(&entry.sha256, &entry.file);
                }
            }
        }
    }
}

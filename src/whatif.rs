//! What-if: what a unit lacks, and what a changed value would do. For a vetoed unit,
//! each failed indicator and the value it needed; for any unit, the total it needs to
//! enter the comprehensive top N (or to leave last place) and the gap; for a bonus
//! indicator, how every unit's bonus moves if this unit's actual changes.

use crate::i18n::Lang;
use crate::project::Project;
use crate::scoring::Scoreboard;
use rust_decimal::Decimal;

/// What a vetoed unit needed on one failed indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct VetoFix {
    pub indicator: String,
    /// The target and actual entered (quantitative rows).
    pub target: Option<Decimal>,
    pub actual: Option<Decimal>,
    /// The actual that completes it (the target itself), or `None` for a qualitative
    /// row (it must be marked complete).
    pub needed: Option<Decimal>,
    /// The unit's total if this indicator alone had been completed.
    pub total_if_met: Decimal,
}

/// Where a unit stands against the cuts.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub total: Decimal,
    /// The total to reach to be comprehensive advanced (if it is not), and the gap; `None`
    /// when vetoed (no total is enough) or already advanced.
    pub comprehensive: Option<(Decimal, Decimal)>,
    /// The total to reach to leave last place (if it is last), and the gap.
    pub leave_last: Option<(Decimal, Decimal)>,
    pub veto: Vec<VetoFix>,
}

/// Where a unit stands and what it lacks.
pub fn standing(project: &Project, board: &Scoreboard, unit: &str) -> Option<Standing> {
    let _ = (project, board, unit);
    todo!("issue 5: written by the what-if helper")
}

/// How each unit's earned score on a bonus indicator moves if `unit`'s actual becomes
/// `actual`: (unit id, before, after), for every unit whose score changes.
pub fn bonus_moves(
    project: &Project,
    unit: &str,
    indicator: &str,
    actual: Decimal,
) -> Option<Vec<(String, Decimal, Decimal)>> {
    let _ = (project, unit, indicator, actual);
    todo!("issue 5: written by the what-if helper")
}

/// `kaoping whatif FILE UNIT` as lines of text.
pub fn whatif_text(
    project: &Project,
    board: &Scoreboard,
    unit: &str,
    lang: Lang,
) -> Option<Vec<String>> {
    let _ = (project, board, unit, lang);
    todo!("issue 5: written by the what-if helper")
}

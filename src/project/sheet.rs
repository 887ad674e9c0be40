//! `[scores.<id>]`: what was entered for one unit or department — its survey score,
//! organisation items, penalties and indicator rows. Read by the loader
//! ([`super::load()`]), written by [`super::row_value`] and [`super::penalty_value`].

use indexmap::IndexMap;
use rust_decimal::Decimal;

/// `[scores.<id>]`: what was entered for one unit or department.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnitScores {
    pub survey: Option<Decimal>,
    pub organization: IndexMap<String, Decimal>,
    pub penalties: Vec<Penalty>,
    pub indicators: IndexMap<String, Row>,
}

/// One 处分扣分 entry: a circular of criticism, or explicit points.
#[derive(Debug, Clone, PartialEq)]
pub struct Penalty {
    pub kind: PenaltyKind,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PenaltyKind {
    /// Criticised by the province / national ministries.
    Provincial,
    /// Criticised by the city / provincial departments.
    Municipal,
    /// An explicit number of points.
    Points(Decimal),
}

impl PenaltyKind {
    pub const LEVELS: &'static [&'static str] = &["provincial", "municipal"];
}

/// One indicator row of a unit's sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A measured target and result. Either may still be missing: the row is then
    /// pending (the target is usually known long before the result).
    Quantitative {
        target: Option<Decimal>,
        actual: Option<Decimal>,
    },
    /// Met or not met, judged by the evaluator; a case-by-case deduction when not met.
    Qualitative {
        complete: bool,
        deduction: Option<Decimal>,
    },
    /// A preparation score (non-pilot units of a pilot indicator).
    Preparation { prep: Decimal },
}

impl Row {
    /// An empty row: nothing entered yet.
    pub fn pending() -> Row {
        Row::Quantitative {
            target: None,
            actual: None,
        }
    }
}

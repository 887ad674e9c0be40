//! The keys of every table of the format, in the order SPEC §2 lists them: what the
//! loader accepts (any other key is an error) and the order in which an edit places a
//! new key.
//!
//! The keys of the root and of the score sheets are here; each table of the scheme keeps
//! its own with its struct (`scheme.rs`) and is re-exported here under
//! its old name.

use super::scheme::{Entry, Scheme};
use super::{
    Area, Award, Department, Indicator, Nominee, OrgItem, Policy, ReturnEntry, Sections, Step, Unit,
};

/// The root lists whose entries have an id (`[[indicators]]`, …).
pub const ENTRY_LISTS: &[&str] = &[
    OrgItem::LIST,
    Department::LIST,
    Unit::LIST,
    Area::LIST,
    Indicator::LIST,
    Award::LIST,
    Step::LIST,
];

pub const ROOT_KEYS: &[&str] = &[
    "format",
    "title",
    "policy",
    "sections",
    "organization",
    "departments",
    "units",
    "areas",
    "indicators",
    "awards",
    "nominees",
    "procedure",
    "scores",
    "selfcheck",
    "returns",
];
pub const SCORE_KEYS: &[&str] = &["survey", "organization", "penalties", "indicators"];
pub const PENALTY_KEYS: &[&str] = &["level", "points", "note"];
pub const ROW_KEYS: &[&str] = &["target", "actual", "status", "deduction", "prep"];

pub const POLICY_KEYS: &[&str] = Policy::KEYS;
pub const SECTIONS_KEYS: &[&str] = Sections::KEYS;
pub const ORG_KEYS: &[&str] = OrgItem::KEYS;
pub const DEPARTMENT_KEYS: &[&str] = Department::KEYS;
pub const UNIT_KEYS: &[&str] = Unit::KEYS;
pub const AREA_KEYS: &[&str] = Area::KEYS;
pub const INDICATOR_KEYS: &[&str] = Indicator::KEYS;
pub const AWARD_KEYS: &[&str] = Award::KEYS;
pub const NOMINEE_KEYS: &[&str] = Nominee::KEYS;
pub const STEP_KEYS: &[&str] = Step::KEYS;
pub const RETURN_KEYS: &[&str] = ReturnEntry::KEYS;

//! The keys of every table of the format, in the order SPEC §2 lists them: what the
//! loader accepts (any other key is an error) and the order in which an edit places a
//! new key.

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
    "scores",
];
pub const POLICY_KEYS: &[&str] = &[
    "score_decimals",
    "bonus_share",
    "shortfall_step",
    "shortfall_rate",
    "shortfall_mode",
    "deduction_cap",
    "penalty_provincial",
    "penalty_municipal",
    "comprehensive_awards",
    "department_awards",
    "last_place",
    "veto_blocks_single_item",
];
pub const SECTIONS_KEYS: &[&str] = &["total", "survey", "task", "organization"];
pub const ORG_KEYS: &[&str] = &["id", "name", "max"];
pub const DEPARTMENT_KEYS: &[&str] = &["id", "name"];
pub const UNIT_KEYS: &[&str] = &["id", "name", "kind"];
pub const AREA_KEYS: &[&str] = &["id", "name", "max"];
pub const INDICATOR_KEYS: &[&str] = &[
    "id",
    "area",
    "name",
    "base",
    "bonus",
    "measure",
    "direction",
    "lead",
    "responsible",
    "co",
    "units",
    "pilot",
];
pub const AWARD_KEYS: &[&str] = &["id", "name", "count", "areas", "lead", "organization"];
pub const SCORE_KEYS: &[&str] = &["survey", "organization", "penalties", "indicators"];
pub const PENALTY_KEYS: &[&str] = &["level", "points", "note"];
pub const ROW_KEYS: &[&str] = &["target", "actual", "status", "deduction", "prep"];

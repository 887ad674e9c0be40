//! The project file (`format = "kaoping/1"`, SPEC §2) as typed data.
//!
//! [`load`] turns the text of a file into a [`Project`] plus the problems it found
//! (syntax, unknown keys, wrong types, bad decimals); the rules that compare one value
//! with another live in [`crate::check`]. Nothing here reads or writes files: callers
//! hand in the text.

mod decimal;
pub mod keys;
mod load;
mod path;
pub mod problem;
mod write;

pub use decimal::{DecimalError, parse_decimal_text};
pub use load::{LoadOutcome, load, load_document, load_document_as, locate, parse};
pub use path::{PathSeg, TomlPath};
pub use write::{decimal_value, penalty_value, row_value, to_toml};

use indexmap::IndexMap;
use rust_decimal::Decimal;

/// The built-in scheme: the regulation's sections, areas, indicators and awards, no scores.
pub const TEMPLATE: &str = include_str!("../../assets/template.toml");
/// The template filled in for six units and the departments.
pub const DEMO: &str = include_str!("../../assets/demo.toml");

/// The only format this version reads and writes.
pub const FORMAT: &str = "kaoping/1";

/// The largest maximum, base or penalty a scheme may declare (points). Scores are a few
/// hundred points at most; the bound keeps every sum far inside what a `Decimal` holds.
pub const MAX_SCORE: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

/// A whole evaluation: the scheme (sections, areas, indicators, awards, who does what)
/// and the scores entered for every unit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Project {
    pub title: String,
    pub policy: Policy,
    pub sections: Sections,
    pub organization: Vec<OrgItem>,
    pub departments: Vec<Department>,
    pub units: Vec<Unit>,
    pub areas: Vec<Area>,
    pub indicators: Vec<Indicator>,
    pub awards: Vec<Award>,
    /// `[scores.<id>]` in file order; the id names a unit or a department.
    pub scores: IndexMap<String, UnitScores>,
}

/// `[policy]`: the numbers of the regulation that a city may set differently.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// Each earned score is rounded half-up to this many places.
    pub score_decimals: u32,
    /// The top over-completer gets this share of the base.
    pub bonus_share: Decimal,
    /// Every this much short ...
    pub shortfall_step: Decimal,
    /// ... deducts this share of the base.
    pub shortfall_rate: Decimal,
    pub shortfall_mode: ShortfallMode,
    /// A deduction never exceeds this share of the base.
    pub deduction_cap: Decimal,
    pub penalty_provincial: Decimal,
    pub penalty_municipal: Decimal,
    /// How many counties/zone are comprehensive advanced.
    pub comprehensive_awards: u32,
    /// How many city departments are comprehensive advanced.
    pub department_awards: u32,
    pub last_place: bool,
    pub veto_blocks_single_item: bool,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            score_decimals: 2,
            bonus_share: Decimal::new(20, 2),
            shortfall_step: Decimal::new(2, 2),
            shortfall_rate: Decimal::new(5, 2),
            shortfall_mode: ShortfallMode::Proportional,
            deduction_cap: Decimal::new(60, 2),
            penalty_provincial: Decimal::from(2),
            penalty_municipal: Decimal::from(1),
            comprehensive_awards: 3,
            department_awards: 8,
            last_place: true,
            veto_blocks_single_item: false,
        }
    }
}

/// How a shortfall is turned into a number of steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShortfallMode {
    /// `steps = s / step`, exactly.
    #[default]
    Proportional,
    /// `steps = floor(s / step)`: only whole steps count.
    FullSteps,
    /// `steps = ceil(s / step)`: a started step counts whole.
    StartedSteps,
}

impl ShortfallMode {
    pub const NAMES: &'static [&'static str] = &["proportional", "full_steps", "started_steps"];

    pub fn name(self) -> &'static str {
        match self {
            ShortfallMode::Proportional => "proportional",
            ShortfallMode::FullSteps => "full_steps",
            ShortfallMode::StartedSteps => "started_steps",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "proportional" => Some(ShortfallMode::Proportional),
            "full_steps" => Some(ShortfallMode::FullSteps),
            "started_steps" => Some(ShortfallMode::StartedSteps),
            _ => None,
        }
    }
}

/// `[sections]`: the declared maxima of the three parts and of the whole.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sections {
    pub total: Decimal,
    pub survey: Decimal,
    pub task: Decimal,
    /// Optional: the declared maximum of 组织实施. When absent, the sum of the items.
    pub organization: Option<Decimal>,
}

/// One item of 组织实施 (organisation and implementation), scored `0..=max`.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgItem {
    pub id: String,
    pub name: String,
    pub max: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Department {
    pub id: String,
    pub name: String,
}

/// What kind of body a unit is. Counties and the zone form one ranking group,
/// departments another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    County,
    Zone,
    Department,
}

impl UnitKind {
    pub fn name(self) -> &'static str {
        match self {
            UnitKind::County => "county",
            UnitKind::Zone => "zone",
            UnitKind::Department => "department",
        }
    }
}

/// A county or the zone (`[[units]]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub id: String,
    pub name: String,
    pub max: Decimal,
}

/// Whether more is better (`at_least`, the default) or less is (`at_most`, a ceiling).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    AtLeast,
    AtMost,
}

impl Direction {
    pub const NAMES: &'static [&'static str] = &["at_least", "at_most"];

    pub fn name(self) -> &'static str {
        match self {
            Direction::AtLeast => "at_least",
            Direction::AtMost => "at_most",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub area: String,
    pub name: String,
    pub base: Decimal,
    /// A bonus indicator (加分指标).
    pub bonus: bool,
    pub measure: Option<String>,
    pub direction: Direction,
    /// The lead department (牵头单位), if assigned.
    pub lead: Option<String>,
    /// Responsible departments (责任单位).
    pub responsible: Vec<String>,
    /// Co-organising departments (协办单位).
    pub co: Vec<String>,
    /// Only these counties/zone are scored on it; `None` means all of them.
    pub units: Option<Vec<String>>,
    /// Only these are scored on completion; the others get a preparation score.
    pub pilot: Option<Vec<String>>,
}

impl Indicator {
    /// Whether a county or the zone is scored on this indicator at all.
    pub fn applies_to(&self, unit: &str) -> bool {
        self.units
            .as_ref()
            .is_none_or(|units| units.iter().any(|u| u == unit))
    }

    /// Whether a county or the zone is scored on completion (a pilot) rather than on
    /// preparation work. Without a pilot list every unit is.
    pub fn is_pilot(&self, unit: &str) -> bool {
        self.pilot
            .as_ref()
            .is_none_or(|pilot| pilot.iter().any(|u| u == unit))
    }

    /// The role a department plays in this indicator, the strongest one if it is
    /// listed more than once.
    pub fn role_of(&self, department: &str) -> Option<Role> {
        if self.lead.as_deref() == Some(department) {
            Some(Role::Lead)
        } else if self.responsible.iter().any(|d| d == department) {
            Some(Role::Responsible)
        } else if self.co.iter().any(|d| d == department) {
            Some(Role::Co)
        } else {
            None
        }
    }
}

/// A department's part in an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 牵头单位
    Lead,
    /// 责任单位
    Responsible,
    /// 协办单位
    Co,
}

/// A single-item award (单项先进) for counties and the zone.
#[derive(Debug, Clone, PartialEq)]
pub struct Award {
    pub id: String,
    pub name: String,
    pub count: u32,
    /// The unit's earned indicator scores in these areas count ...
    pub areas: Vec<String>,
    /// ... optionally only the indicators this department leads ...
    pub lead: Option<String>,
    /// ... plus these organisation items.
    pub organization: Vec<String>,
}

impl Award {
    /// Whether an indicator's earned score counts towards this award.
    pub fn selects(&self, indicator: &Indicator) -> bool {
        if self.areas.is_empty() && self.lead.is_none() {
            return false;
        }
        (self.areas.is_empty() || self.areas.contains(&indicator.area))
            && self
                .lead
                .as_ref()
                .is_none_or(|lead| indicator.lead.as_ref() == Some(lead))
    }
}

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

impl Project {
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn department(&self, id: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn org_item(&self, id: &str) -> Option<&OrgItem> {
        self.organization.iter().find(|o| o.id == id)
    }

    /// The display name of a unit or department id (the id itself if unknown).
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.unit(id)
            .map(|u| u.name.as_str())
            .or_else(|| self.department(id).map(|d| d.name.as_str()))
            .unwrap_or(id)
    }

    /// The maximum of 组织实施: declared in `[sections]`, or the sum of its items.
    pub fn organization_max(&self) -> Decimal {
        self.sections
            .organization
            .unwrap_or_else(|| self.organization.iter().map(|o| o.max).sum())
    }
}

/// Whether `id` is a valid id: an ASCII slug `[a-z0-9][a-z0-9_-]*`.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_ascii_slugs() {
        for good in ["jia", "new-jobs", "a1", "0x", "rural_pension"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "Jia", "-a", "_a", "a b", "甲", "a.b", "a/b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn award_selectors() {
        let ind = |area: &str, lead: Option<&str>| Indicator {
            id: "i".into(),
            area: area.into(),
            name: "i".into(),
            base: Decimal::ONE,
            bonus: false,
            measure: None,
            direction: Direction::AtLeast,
            lead: lead.map(str::to_string),
            responsible: vec![],
            co: vec![],
            units: None,
            pilot: None,
        };
        let award = |areas: &[&str], lead: Option<&str>| Award {
            id: "a".into(),
            name: "a".into(),
            count: 1,
            areas: areas.iter().map(|s| s.to_string()).collect(),
            lead: lead.map(str::to_string),
            organization: vec![],
        };
        assert!(award(&["med"], None).selects(&ind("med", Some("hrss"))));
        assert!(!award(&["med"], None).selects(&ind("edu", Some("hrss"))));
        assert!(award(&["med"], Some("hrss")).selects(&ind("med", Some("hrss"))));
        assert!(!award(&["med"], Some("hrss")).selects(&ind("med", Some("civil"))));
        assert!(!award(&["med"], Some("hrss")).selects(&ind("med", None)));
        // A lead alone selects what that department leads, in any area.
        assert!(award(&[], Some("hrss")).selects(&ind("edu", Some("hrss"))));
        // No indicator selector at all: organisation items only.
        assert!(!award(&[], None).selects(&ind("edu", Some("hrss"))));
    }
}

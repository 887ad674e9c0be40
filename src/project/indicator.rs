//! `[[indicators]]`: the measured targets inside the areas — the struct, the keys it
//! accepts, how it is read and written, and what of it can be edited (see
//! [`super::scheme`], which also says how to add a key).
//!
//! The roles (`lead`, `responsible`, `co`) are not fields: they change together, through
//! [`crate::edit::Edit::SetRole`].

use super::load::reader::{Loader, Obj};
use super::scheme::{
    Entry, Field, Ref, Scheme, Written, decimal, field, flag, ids, opt_ids, opt_text, text,
};
use super::{Area, Project};
use rust_decimal::Decimal;

/// One measured target inside an area, with a base score.
#[derive(Debug, Clone, PartialEq, Default)]
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

impl Scheme for Indicator {
    const KEYS: &'static [&'static str] = &[
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

    fn read(l: &mut Loader, o: &Obj) -> Self {
        Indicator {
            id: l.id(o, "id"),
            area: l.id(o, "area"),
            name: l.name(o),
            base: l.non_negative(o, "base"),
            bonus: l.bool(o, "bonus").unwrap_or(false),
            measure: l.string(o, "measure"),
            direction: match l.choice(o, "direction", Direction::NAMES, false).as_deref() {
                Some("at_most") => Direction::AtMost,
                _ => Direction::AtLeast,
            },
            lead: l.opt_id(o, "lead"),
            responsible: l.id_list(o, "responsible").unwrap_or_default(),
            co: l.id_list(o, "co").unwrap_or_default(),
            units: l.id_list(o, "units"),
            pilot: l.id_list(o, "pilot"),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        use IndicatorField as F;
        let roles = |list: &[String]| ids(list).default_when(list.is_empty());
        vec![
            ("id", text(&self.id)),
            field(F::Area(self.area.clone())),
            field(F::Name(self.name.clone())),
            field(F::Base(self.base)),
            field(F::Bonus(self.bonus)),
            field(F::Measure(self.measure.clone())),
            field(F::Direction(self.direction)),
            ("lead", opt_text(self.lead.as_deref())),
            ("responsible", roles(&self.responsible)),
            ("co", roles(&self.co)),
            field(F::Units(self.units.clone())),
            field(F::Pilot(self.pilot.clone())),
        ]
    }
}

impl Entry for Indicator {
    const LIST: &'static str = "indicators";

    fn id(&self) -> &str {
        &self.id
    }

    fn list(p: &Project) -> &[Self] {
        &p.indicators
    }

    fn list_mut(p: &mut Project) -> &mut Vec<Self> {
        &mut p.indicators
    }
}

/// One editable field of an indicator, with its new value.
#[derive(Debug, Clone, PartialEq)]
pub enum IndicatorField {
    Name(String),
    Base(Decimal),
    Bonus(bool),
    /// Moves it to another area (which must exist).
    Area(String),
    /// `None` removes the key.
    Measure(Option<String>),
    Direction(Direction),
    /// `None` removes the key (all units).
    Units(Option<Vec<String>>),
    /// `None` removes the key (no pilot list).
    Pilot(Option<Vec<String>>),
}

impl Field for IndicatorField {
    type Entry = Indicator;

    fn key(&self) -> &'static str {
        match self {
            IndicatorField::Name(_) => "name",
            IndicatorField::Base(_) => "base",
            IndicatorField::Bonus(_) => "bonus",
            IndicatorField::Area(_) => "area",
            IndicatorField::Measure(_) => "measure",
            IndicatorField::Direction(_) => "direction",
            IndicatorField::Units(_) => "units",
            IndicatorField::Pilot(_) => "pilot",
        }
    }

    fn value(&self) -> Written {
        match self {
            IndicatorField::Name(name) => text(name),
            IndicatorField::Base(base) => decimal(*base),
            IndicatorField::Bonus(bonus) => flag(*bonus).default_when(!bonus),
            IndicatorField::Area(area) => text(area),
            IndicatorField::Measure(measure) => opt_text(measure.as_deref()),
            IndicatorField::Direction(direction) => {
                text(direction.name()).default_when(*direction == Direction::AtLeast)
            }
            // An empty list is kept: `units = []` means none, not all.
            IndicatorField::Units(units) => opt_ids(units.as_deref()),
            IndicatorField::Pilot(pilot) => opt_ids(pilot.as_deref()),
        }
    }

    fn apply(&self, i: &mut Indicator) {
        match self {
            IndicatorField::Name(name) => i.name.clone_from(name),
            IndicatorField::Base(base) => i.base = *base,
            IndicatorField::Bonus(bonus) => i.bonus = *bonus,
            IndicatorField::Area(area) => i.area.clone_from(area),
            IndicatorField::Measure(measure) => i.measure.clone_from(measure),
            IndicatorField::Direction(direction) => i.direction = *direction,
            IndicatorField::Units(units) => i.units.clone_from(units),
            IndicatorField::Pilot(pilot) => i.pilot.clone_from(pilot),
        }
    }

    fn names(&self) -> Option<Ref<'_>> {
        match self {
            IndicatorField::Area(area) => Some(Ref::to::<Area>(area)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::scheme::tests::{check_entry, check_field};

    fn new_jobs() -> Indicator {
        Indicator {
            id: "new-jobs".into(),
            area: "employment".into(),
            name: "城镇新增就业人数".into(),
            base: Decimal::from(4),
            lead: Some("hrss".into()),
            responsible: vec!["hrss".into()],
            ..Indicator::default()
        }
    }

    #[test]
    fn reads_back_what_it_writes() {
        check_entry(&new_jobs());
        let ids = |list: &[&str]| Some(list.iter().map(|s| s.to_string()).collect());
        for field in [
            IndicatorField::Name("新增就业".into()),
            IndicatorField::Base(Decimal::new(45, 1)),
            IndicatorField::Bonus(true),
            IndicatorField::Bonus(false),
            IndicatorField::Area("assistance".into()),
            IndicatorField::Measure(Some("人".into())),
            IndicatorField::Measure(None),
            IndicatorField::Direction(Direction::AtMost),
            IndicatorField::Units(ids(&["jia", "yi"])),
            IndicatorField::Units(Some(vec![])),
            IndicatorField::Pilot(None),
        ] {
            check_field(new_jobs(), field);
        }
    }

    #[test]
    fn what_cannot_be_written_is_not_well_formed() {
        for field in [
            IndicatorField::Base(Decimal::NEGATIVE_ONE),
            IndicatorField::Base(Decimal::MAX),
            IndicatorField::Area("Not An Id".into()),
            IndicatorField::Units(Some(vec!["jia".into(), "Bad".into()])),
        ] {
            assert!(!field.is_well_formed(), "{field:?}");
        }
        let bad_lead = Indicator {
            lead: Some("Bad".into()),
            ..new_jobs()
        };
        assert!(!bad_lead.is_well_formed());
    }
}

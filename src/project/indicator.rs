//! `[[indicators]]`: the measured targets inside the areas — the struct, the keys it
//! accepts, how it is read and written, and what of it can be edited (see
//! [`super::scheme`], which also says how to add a key).
//!
//! The roles (`lead`, `responsible`, `co`) are not fields: they change together, through
//! [`crate::edit::Edit::SetRole`].

use super::Area;
use super::load::reader::{Loader, Node, Obj};
use super::scheme::{
    Field, FormKey, InputKind, Ref, Scheme, Written, decimal, field, flag, form, ids, opt_ids,
    opt_text, text,
};
use super::{Row, UnitKind};
use rust_decimal::Decimal;

/// One measured target inside an area, with a base score.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Indicator {
    pub id: String,
    pub area: String,
    pub name: String,
    /// A short name for narrow columns (`short = "新增就业"`), if any.
    pub short: Option<String>,
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
    /// The kind its completion rows have (`None`: either).
    pub kind: Option<RowKind>,
    /// A department's row, when its sheet leaves it out, is derived from the counties'
    /// and the zone's rows.
    pub aggregate: Option<Aggregate>,
}

impl Indicator {
    /// The name to show in `room` columns: the full name where it fits, else the short
    /// name if there is one (explanations and exports always use the full name).
    pub fn name_in(&self, room: usize) -> &str {
        super::name_in(&self.name, self.short.as_deref(), room)
    }

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

    /// Whether a department is assessed on it: its `responsible` list names the
    /// department (SPEC §3: 本部门负责的考核目标).
    pub fn assesses(&self, department: &str) -> bool {
        self.responsible.iter().any(|d| d == department)
    }

    /// Whether a unit of `kind` with this id is scored on it at all: a department when it
    /// is responsible for it, a county or the zone when it is in `units`.
    pub fn scores(&self, kind: UnitKind, id: &str) -> bool {
        match kind {
            UnitKind::Department => self.assesses(id),
            UnitKind::County | UnitKind::Zone => self.applies_to(id),
        }
    }

    /// Whether a completion row of this kind is allowed (a `kind` fixes it).
    pub fn allows(&self, row: &Row) -> bool {
        match (self.kind, row) {
            (None, _) | (_, Row::Preparation { .. }) => true,
            (Some(kind), row) => RowKind::of(row) == Some(kind),
        }
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

/// The kind of an indicator's completion rows: measured against a target, or met or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// `target` and `actual`.
    Quantitative,
    /// `status` (and a case-by-case `deduction`).
    Qualitative,
}

impl RowKind {
    pub const NAMES: &'static [&'static str] = &["quantitative", "qualitative"];

    pub fn name(self) -> &'static str {
        match self {
            RowKind::Quantitative => "quantitative",
            RowKind::Qualitative => "qualitative",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        match name {
            "quantitative" => Some(RowKind::Quantitative),
            "qualitative" => Some(RowKind::Qualitative),
            _ => None,
        }
    }

    /// The kind of a completion row (`None`: a preparation row).
    pub fn of(row: &Row) -> Option<RowKind> {
        match row {
            Row::Quantitative { .. } => Some(RowKind::Quantitative),
            Row::Qualitative { .. } => Some(RowKind::Qualitative),
            Row::Preparation { .. } => None,
        }
    }
}

/// How a department's row of an indicator is derived when its sheet has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aggregate {
    /// Target and actual are the sums of the counties' and the zone's.
    Sum,
}

impl Aggregate {
    pub const NAMES: &'static [&'static str] = &["sum"];

    pub fn name(self) -> &'static str {
        match self {
            Aggregate::Sum => "sum",
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
        "short",
        "base",
        "bonus",
        "measure",
        "direction",
        "lead",
        "responsible",
        "co",
        "units",
        "pilot",
        "kind",
        "aggregate",
    ];

    fn read<N: Node>(l: &mut Loader, o: &Obj<N>) -> Self {
        Indicator {
            id: l.id(o, "id"),
            area: l.id(o, "area"),
            name: l.name(o),
            short: l.short(o),
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
            kind: l
                .choice(o, "kind", RowKind::NAMES, false)
                .and_then(|name| RowKind::from_name(&name)),
            aggregate: l
                .choice(o, "aggregate", Aggregate::NAMES, false)
                .map(|_| Aggregate::Sum),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        use IndicatorField as F;
        let roles = |list: &[String]| ids(list).default_when(list.is_empty());
        vec![
            ("id", text(&self.id)),
            field(F::Area(self.area.clone())),
            field(F::Name(self.name.clone())),
            field(F::Short(self.short.clone())),
            field(F::Base(self.base)),
            field(F::Bonus(self.bonus)),
            field(F::Measure(self.measure.clone())),
            field(F::Direction(self.direction)),
            ("lead", opt_text(self.lead.as_deref())),
            ("responsible", roles(&self.responsible)),
            ("co", roles(&self.co)),
            field(F::Units(self.units.clone())),
            field(F::Pilot(self.pilot.clone())),
            field(F::Kind(self.kind)),
            field(F::Aggregate(self.aggregate)),
        ]
    }
}

super::scheme::entry!(Indicator, "indicators", indicators);

/// One editable field of an indicator, with its new value.
#[derive(Debug, Clone, PartialEq)]
pub enum IndicatorField {
    Name(String),
    /// `None` removes the key.
    Short(Option<String>),
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
    /// `None` removes the key (rows of either kind).
    Kind(Option<RowKind>),
    /// `None` removes the key (a department enters its own row).
    Aggregate(Option<Aggregate>),
}

impl Field for IndicatorField {
    type Table = Indicator;

    const FORM: &'static [FormKey<Self>] = {
        use IndicatorField as F;
        use InputKind as K;
        &[
            form(K::Text, |i: &Indicator| F::Name(i.name.clone())),
            form(K::OptText, |i: &Indicator| F::Short(i.short.clone())),
            form(K::Area, |i: &Indicator| F::Area(i.area.clone())),
            form(K::Decimal, |i: &Indicator| F::Base(i.base)),
            form(K::Toggle, |i: &Indicator| F::Bonus(i.bonus)),
            form(K::OptText, |i: &Indicator| F::Measure(i.measure.clone())),
            form(K::Choice(Direction::NAMES), |i: &Indicator| {
                F::Direction(i.direction)
            }),
            form(K::Units, |i: &Indicator| F::Units(i.units.clone())),
            form(K::Units, |i: &Indicator| F::Pilot(i.pilot.clone())),
            form(K::OptChoice(RowKind::NAMES), |i: &Indicator| {
                F::Kind(i.kind)
            }),
            form(K::OptChoice(Aggregate::NAMES), |i: &Indicator| {
                F::Aggregate(i.aggregate)
            }),
        ]
    };

    fn key(&self) -> &'static str {
        match self {
            IndicatorField::Name(_) => "name",
            IndicatorField::Short(_) => "short",
            IndicatorField::Base(_) => "base",
            IndicatorField::Bonus(_) => "bonus",
            IndicatorField::Area(_) => "area",
            IndicatorField::Measure(_) => "measure",
            IndicatorField::Direction(_) => "direction",
            IndicatorField::Units(_) => "units",
            IndicatorField::Pilot(_) => "pilot",
            IndicatorField::Kind(_) => "kind",
            IndicatorField::Aggregate(_) => "aggregate",
        }
    }

    fn value(&self) -> Written {
        match self {
            IndicatorField::Name(name) => text(name),
            IndicatorField::Short(short) => opt_text(short.as_deref()),
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
            IndicatorField::Kind(kind) => opt_text(kind.map(RowKind::name)),
            IndicatorField::Aggregate(aggregate) => opt_text(aggregate.map(Aggregate::name)),
        }
    }

    fn apply(&self, i: &mut Indicator) {
        match self {
            IndicatorField::Name(name) => i.name.clone_from(name),
            IndicatorField::Short(short) => i.short.clone_from(short),
            IndicatorField::Base(base) => i.base = *base,
            IndicatorField::Bonus(bonus) => i.bonus = *bonus,
            IndicatorField::Area(area) => i.area.clone_from(area),
            IndicatorField::Measure(measure) => i.measure.clone_from(measure),
            IndicatorField::Direction(direction) => i.direction = *direction,
            IndicatorField::Units(units) => i.units.clone_from(units),
            IndicatorField::Pilot(pilot) => i.pilot.clone_from(pilot),
            IndicatorField::Kind(kind) => i.kind = *kind,
            IndicatorField::Aggregate(aggregate) => i.aggregate = *aggregate,
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
    use crate::project::problem::ProblemKind;
    use crate::project::scheme::Entry;
    use crate::project::scheme::tests::{check_entry, check_field, check_form};
    use crate::project::{Area, Project, Unit};

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
            IndicatorField::Short(Some("新增就业".into())),
            IndicatorField::Short(None),
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
            IndicatorField::Kind(Some(RowKind::Qualitative)),
            IndicatorField::Kind(None),
            IndicatorField::Aggregate(Some(Aggregate::Sum)),
        ] {
            check_field(new_jobs(), field);
        }
    }

    /// A project with the units and areas a form may name.
    fn project() -> Project {
        let unit = |id: &str, name: &str| Unit {
            id: id.into(),
            name: name.into(),
            ..Unit::default()
        };
        let area = |id: &str, name: &str| Area {
            id: id.into(),
            name: name.into(),
            max: Decimal::from(10),
            short: None,
        };
        Project {
            units: vec![unit("jia", "甲县"), unit("yi", "乙县")],
            areas: vec![
                area("employment", "就业和创业"),
                area("assistance", "社会救助"),
            ],
            ..Project::default()
        }
    }

    #[test]
    fn the_form_shows_what_reads_back() {
        let p = project();
        check_form::<IndicatorField>(&new_jobs(), &p);
        let full = Indicator {
            bonus: true,
            measure: Some("人".into()),
            short: Some("新增".into()),
            direction: Direction::AtMost,
            units: Some(vec!["jia".into(), "yi".into()]),
            pilot: Some(vec![]),
            base: Decimal::new(450, 2),
            kind: Some(RowKind::Quantitative),
            aggregate: Some(Aggregate::Sum),
            ..new_jobs()
        };
        check_form::<IndicatorField>(&full, &p);
    }

    #[test]
    fn typed_text_becomes_a_field_by_the_loaders_rules() {
        let p = project();
        let typed = |key: &str, text: &str| IndicatorField::from_text(key, text, &p);
        assert_eq!(
            typed("base", " ４。５０ "),
            Ok(IndicatorField::Base(Decimal::new(450, 2)))
        );
        assert_eq!(
            typed("units", "甲县、yi"),
            Ok(IndicatorField::Units(Some(vec!["jia".into(), "yi".into()])))
        );
        assert_eq!(typed("units", " "), Ok(IndicatorField::Units(None)));
        assert_eq!(
            typed("pilot", "[]"),
            Ok(IndicatorField::Pilot(Some(vec![])))
        );
        assert_eq!(typed("measure", ""), Ok(IndicatorField::Measure(None)));
        assert_eq!(
            typed("area", "社会救助"),
            Ok(IndicatorField::Area("assistance".into()))
        );
        assert_eq!(typed("bonus", "true"), Ok(IndicatorField::Bonus(true)));
        assert_eq!(
            typed("direction", "at_most"),
            Ok(IndicatorField::Direction(Direction::AtMost))
        );
        assert!(matches!(
            typed("direction", "up"),
            Err(ProblemKind::BadChoice { .. })
        ));
        assert_eq!(
            typed("kind", "qualitative"),
            Ok(IndicatorField::Kind(Some(RowKind::Qualitative)))
        );
        assert_eq!(typed("kind", ""), Ok(IndicatorField::Kind(None)));
        assert!(matches!(
            typed("aggregate", "mean"),
            Err(ProblemKind::BadChoice { .. })
        ));
        assert!(matches!(
            typed("base", "-1"),
            Err(ProblemKind::Negative { .. })
        ));
        assert!(matches!(
            typed("base", "4x"),
            Err(ProblemKind::NotDecimal { .. })
        ));
        assert_eq!(
            typed("name", "  "),
            Err(ProblemKind::MissingKey { key: "name" })
        );
        assert!(matches!(
            typed("units", "jia 丙县"),
            Err(ProblemKind::UnknownRef { id, .. }) if id == "丙县"
        ));
        assert!(matches!(
            typed("area", "nowhere"),
            Err(ProblemKind::UnknownRef { .. })
        ));
        assert!(matches!(
            typed("lead", "hrss"),
            Err(ProblemKind::UnknownKey { .. })
        ));
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

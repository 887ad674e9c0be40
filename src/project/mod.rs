//! The project file (`format = "kaoping/1"`, SPEC §2) as typed data.
//!
//! [`load()`] turns the text of a file into a [`Project`] plus the problems it found
//! (syntax, unknown keys, wrong types, bad decimals); the rules that compare one value
//! with another live in [`crate::check`]. Nothing here reads or writes files: callers
//! hand in the text.
//!
//! The map:
//! - the scheme, one file per table, each with its struct, the keys it accepts, how it
//!   is read and written and what of it can be edited (see `scheme.rs` for what they
//!   share, and for how to add a key): `policy.rs` ([`Policy`], [`PolicyField`]),
//!   `sections.rs` ([`Sections`], [`SectionsField`]), `org_item.rs` ([`OrgItem`],
//!   [`OrgItemField`]), `department.rs` ([`Department`], [`DepartmentField`]),
//!   `unit.rs` ([`Unit`]), `area.rs` ([`Area`]), `indicator.rs` ([`Indicator`],
//!   [`IndicatorField`]), `award.rs` ([`Award`]), `nominee.rs` ([`Nominee`], a list
//!   without ids), `procedure.rs` ([`Step`]) and `returns.rs` ([`ReturnEntry`], a list
//!   without ids, and [`SheetKind`]);
//! - `sheet.rs`: what was entered for a unit ([`UnitScores`], [`Row`], [`Penalty`]);
//! - [`load()`]: text → [`Project`] plus problems (`load/reader.rs`: the helpers
//!   that read one value); `write.rs`: [`Project`] → the text of a new file;
//! - [`keys`]: the keys of the root and of the score sheets; `decimal.rs`: exact decimals
//!   in and out; `path.rs`: TOML paths; [`problem`]: what can be wrong.

mod area;
mod award;
mod decimal;
mod department;
mod indicator;
pub mod keys;
pub(crate) mod load;
mod nominee;
mod org_item;
mod path;
mod policy;
pub mod problem;
mod procedure;
mod returns;
pub(crate) mod scheme;
mod sections;
mod sheet;
mod unit;
mod write;

pub use area::{Area, AreaField};
pub use award::Award;
pub use decimal::{
    DecimalError, NumberTextError, decimal_value, number_in_text, parse_decimal_text, typed_digits,
};
pub use department::{Department, DepartmentField};
pub use indicator::{Aggregate, Direction, Indicator, IndicatorField, Role, RowKind};
pub use load::{
    LoadOutcome, Locate, ReadOnly, load, load_document, load_document_as, locate, parse,
    parse_read_only,
};
pub use nominee::Nominee;
pub use org_item::{OrgItem, OrgItemField};
pub use path::{PathSeg, TomlPath};
pub use policy::{LastPlaceAmong, Policy, PolicyField, ShortfallMode, SingleItemVeto};
pub use procedure::{Returns, Step, date_value};
pub use returns::{ReturnEntry, SheetKind};
pub use scheme::{InputKind, typed_units};
pub use sections::{Sections, SectionsField};
pub use sheet::{Penalty, PenaltyKind, Row, UnitScores};
pub use toml_edit::Date;
pub use unit::{Unit, UnitField, UnitKind};
pub use write::{penalty_value, row_value, to_toml};

use indexmap::IndexMap;
use rust_decimal::Decimal;

/// The built-in scheme: the regulation's sections, areas, indicators and awards, no scores.
pub const TEMPLATE: &str = include_str!("../../assets/template.toml");
/// The template filled in for six units and the departments.
pub const DEMO: &str = include_str!("../../assets/demo.toml");

/// The demo, loaded (for the crate's own tests).
#[cfg(test)]
pub(crate) fn demo() -> Project {
    load(DEMO).project.expect("the demo loads")
}

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
    /// 先进个人 nominations, in file order.
    pub nominees: Vec<Nominee>,
    /// The year's procedure steps, in file order.
    pub procedure: Vec<Step>,
    /// `[scores.<id>]` in file order; the id names a unit or a department.
    pub scores: IndexMap<String, UnitScores>,
    /// `[selfcheck.<id>]` (总结自查, SPEC §7): what a unit or department said of itself,
    /// same shape as `scores`, in file order.
    pub selfcheck: IndexMap<String, UnitScores>,
    /// `[[returns]]`: the files `kaoping import` took in, in file order.
    pub returns: Vec<ReturnEntry>,
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

    /// The sheets of one kind: `scores` or `selfcheck`.
    pub fn sheets(&self, kind: SheetKind) -> &IndexMap<String, UnitScores> {
        match kind {
            SheetKind::Scores => &self.scores,
            SheetKind::Selfcheck => &self.selfcheck,
        }
    }

    /// The sheets of one kind, to change.
    pub fn sheets_mut(&mut self, kind: SheetKind) -> &mut IndexMap<String, UnitScores> {
        match kind {
            SheetKind::Scores => &mut self.scores,
            SheetKind::Selfcheck => &mut self.selfcheck,
        }
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

    /// The maximum of 组织实施 for a unit of `kind`: [`Self::organization_max`] when every
    /// item applies to it, else the sum of the items that do.
    pub fn organization_max_for(&self, kind: UnitKind) -> Decimal {
        if self.organization.iter().all(|o| o.applies(kind)) {
            self.organization_max()
        } else {
            self.organization
                .iter()
                .filter(|o| o.applies(kind))
                .map(|o| o.max)
                .sum()
        }
    }

    /// The kind of a unit or department id (`None`: neither).
    pub fn kind_of(&self, id: &str) -> Option<UnitKind> {
        self.unit(id)
            .map(|u| u.kind)
            .or_else(|| self.department(id).map(|_| UnitKind::Department))
    }
}

/// Whether `id` is a valid id: an ASCII slug `[a-z0-9][a-z0-9_-]*`.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// A name to show in `room` columns: `name` where it fits, else `short` when there is one
/// (a narrow column still cuts what is too long for it).
pub fn name_in<'a>(name: &'a str, short: Option<&'a str>, room: usize) -> &'a str {
    match short {
        Some(short) if crate::text::width(name) > room => short,
        _ => name,
    }
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
}

//! `[[units]]`: the counties and the zone — the struct, the keys it accepts, how it is read
//! and written, and what of it can be edited (see [`super::scheme`]).

use super::load::reader::{Loader, Node, Obj};
use super::scheme::{Field, FormKey, InputKind, Scheme, Written, field, form, text};

/// What kind of body a unit is. Counties and the zone form one ranking group,
/// departments another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnitKind {
    #[default]
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

/// The kinds a `[[units]]` entry may have (departments are in `[[departments]]`).
const KINDS: &[&str] = &["county", "zone"];

/// A county or the zone (`[[units]]`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
}

impl Scheme for Unit {
    const KEYS: &'static [&'static str] = &["id", "name", "kind"];

    fn read<N: Node>(l: &mut Loader, o: &Obj<N>) -> Self {
        Unit {
            id: l.id(o, "id"),
            name: l.name(o),
            kind: match l.choice(o, "kind", KINDS, true).as_deref() {
                Some("zone") => UnitKind::Zone,
                _ => UnitKind::County,
            },
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        vec![
            ("id", text(&self.id)),
            field(UnitField::Name(self.name.clone())),
            field(UnitField::Kind(self.kind)),
        ]
    }
}

super::scheme::entry!(Unit, "units", units);

/// One editable field of a unit, with its new value.
#[derive(Debug, Clone, PartialEq)]
pub enum UnitField {
    Name(String),
    /// A county or the zone (an edit to `Department` is not well formed).
    Kind(UnitKind),
}

impl Field for UnitField {
    type Table = Unit;

    const FORM: &'static [FormKey<Self>] = &[
        form(InputKind::Text, |u: &Unit| UnitField::Name(u.name.clone())),
        form(InputKind::Choice(KINDS), |u: &Unit| UnitField::Kind(u.kind)),
    ];

    fn key(&self) -> &'static str {
        match self {
            UnitField::Name(_) => "name",
            UnitField::Kind(_) => "kind",
        }
    }

    fn value(&self) -> Written {
        match self {
            UnitField::Name(name) => text(name),
            // A unit is never a department: anything but the zone is written a county.
            UnitField::Kind(UnitKind::Zone) => text("zone"),
            UnitField::Kind(_) => text("county"),
        }
    }

    fn apply(&self, u: &mut Unit) {
        match self {
            UnitField::Name(name) => u.name.clone_from(name),
            UnitField::Kind(kind) => u.kind = *kind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::scheme::Entry;
    use crate::project::scheme::tests::{check_entry, check_field, check_form};

    #[test]
    fn reads_back_what_it_writes() {
        let jia = Unit {
            id: "jia".into(),
            name: "甲县".into(),
            kind: UnitKind::County,
        };
        check_entry(&jia);
        check_form::<UnitField>(&jia, &crate::project::Project::default());
        let zone = Unit {
            kind: UnitKind::Zone,
            ..jia.clone()
        };
        check_form::<UnitField>(&zone, &crate::project::Project::default());
        check_field(jia.clone(), UnitField::Name("甲".into()));
        check_field(jia, UnitField::Kind(UnitKind::Zone));
    }

    #[test]
    fn a_unit_is_not_a_department() {
        let unit = Unit {
            id: "x".into(),
            name: "x".into(),
            kind: UnitKind::Department,
        };
        assert!(!unit.is_well_formed());
        assert!(!UnitField::Kind(UnitKind::Department).is_well_formed());
    }
}

//! `[[organization]]`: the items of 组织实施 — the struct, the keys it accepts, how it is
//! read and written, and what of it can be edited (see [`super::scheme`]).

use super::Department;
use super::UnitKind;
use super::load::reader::{Loader, Node, Obj};
use super::scheme::{
    Field, FormKey, InputKind, Ref, Scheme, Written, decimal, field, form, opt_text, text,
};
use rust_decimal::Decimal;

/// The kinds an organisation item may apply to, as written in `applies_to`.
pub const KIND_NAMES: &[&str] = &["county", "zone", "department"];

/// One item of 组织实施 (organisation and implementation), scored `0..=max`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrgItem {
    pub id: String,
    pub name: String,
    pub max: Decimal,
    /// The kinds of unit it is scored for; `None`: all three (counties, the zone and the
    /// departments).
    pub applies_to: Option<Vec<UnitKind>>,
    /// The department that leads the item (资金落实 → 市财政), if any.
    pub lead: Option<String>,
}

impl OrgItem {
    /// Whether it is scored for a unit of this kind.
    pub fn applies(&self, kind: UnitKind) -> bool {
        self.applies_to
            .as_ref()
            .is_none_or(|kinds| kinds.contains(&kind))
    }
}

/// A kind of unit by its name in `applies_to`.
fn kind_of(name: &str) -> Option<UnitKind> {
    match name {
        "county" => Some(UnitKind::County),
        "zone" => Some(UnitKind::Zone),
        "department" => Some(UnitKind::Department),
        _ => None,
    }
}

impl Scheme for OrgItem {
    const KEYS: &'static [&'static str] = &["id", "name", "max", "applies_to", "lead"];

    fn read<N: Node>(l: &mut Loader, o: &Obj<N>) -> Self {
        OrgItem {
            id: l.id(o, "id"),
            name: l.name(o),
            max: l.non_negative(o, "max"),
            applies_to: l
                .choice_list(o, "applies_to", KIND_NAMES)
                .map(|names| names.iter().filter_map(|n| kind_of(n)).collect()),
            lead: l.opt_id(o, "lead"),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        use OrgItemField as F;
        vec![
            ("id", text(&self.id)),
            field(F::Name(self.name.clone())),
            field(F::Max(self.max)),
            field(F::AppliesTo(self.applies_to.clone())),
            field(F::Lead(self.lead.clone())),
        ]
    }
}

super::scheme::entry!(OrgItem, "organization", organization);

/// One editable field of an organisation item, with its new value.
#[derive(Debug, Clone, PartialEq)]
pub enum OrgItemField {
    Name(String),
    Max(Decimal),
    /// `None` removes the key (all three kinds).
    AppliesTo(Option<Vec<UnitKind>>),
    /// `None` removes the key (no lead); a department that must exist.
    Lead(Option<String>),
}

impl Field for OrgItemField {
    type Table = OrgItem;

    const FORM: &'static [FormKey<Self>] = {
        use InputKind as K;
        use OrgItemField as F;
        &[
            form(K::Text, |o: &OrgItem| F::Name(o.name.clone())),
            form(K::Decimal, |o: &OrgItem| F::Max(o.max)),
            form(K::Kinds, |o: &OrgItem| F::AppliesTo(o.applies_to.clone())),
            form(K::OptDepartment, |o: &OrgItem| F::Lead(o.lead.clone())),
        ]
    };

    fn key(&self) -> &'static str {
        match self {
            OrgItemField::Name(_) => "name",
            OrgItemField::Max(_) => "max",
            OrgItemField::AppliesTo(_) => "applies_to",
            OrgItemField::Lead(_) => "lead",
        }
    }

    fn value(&self) -> Written {
        match self {
            OrgItemField::Name(name) => text(name),
            OrgItemField::Max(max) => decimal(*max),
            OrgItemField::AppliesTo(None) => Written::Absent,
            OrgItemField::AppliesTo(Some(kinds)) => Written::Value(toml_edit::Value::Array(
                kinds.iter().map(|k| k.name()).collect(),
            )),
            OrgItemField::Lead(lead) => opt_text(lead.as_deref()),
        }
    }

    fn apply(&self, o: &mut OrgItem) {
        match self {
            OrgItemField::Name(name) => o.name.clone_from(name),
            OrgItemField::Max(max) => o.max = *max,
            OrgItemField::AppliesTo(kinds) => o.applies_to.clone_from(kinds),
            OrgItemField::Lead(lead) => o.lead.clone_from(lead),
        }
    }

    fn names(&self) -> Option<Ref<'_>> {
        match self {
            OrgItemField::Lead(Some(lead)) => Some(Ref::to::<Department>(lead)),
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
    use crate::project::{Department, Project};

    fn funding() -> OrgItem {
        OrgItem {
            id: "funding".into(),
            name: "资金安排".into(),
            max: Decimal::new(35, 1),
            applies_to: Some(vec![UnitKind::County, UnitKind::Zone]),
            lead: Some("finance".into()),
        }
    }

    fn project() -> Project {
        Project {
            departments: vec![Department {
                id: "finance".into(),
                name: "市财政局".into(),
                quota: None,
            }],
            ..Project::default()
        }
    }

    #[test]
    fn reads_back_what_it_writes() {
        check_entry(&OrgItem {
            id: "leadership".into(),
            name: "组织领导".into(),
            max: Decimal::new(25, 1),
            ..OrgItem::default()
        });
        check_entry(&funding());
        for field in [
            OrgItemField::Name("资金安排和落实".into()),
            OrgItemField::Max(Decimal::new(3, 0)),
            OrgItemField::AppliesTo(None),
            OrgItemField::AppliesTo(Some(vec![UnitKind::Department])),
            OrgItemField::AppliesTo(Some(vec![])),
            OrgItemField::Lead(None),
        ] {
            check_field(funding(), field);
        }
        check_form::<OrgItemField>(&funding(), &project());
        let plain = OrgItem {
            name: "组织领导".into(),
            ..OrgItem::default()
        };
        check_form::<OrgItemField>(&plain, &project());
    }

    #[test]
    fn applies_to_the_kinds_it_names() {
        let item = funding();
        assert!(item.applies(UnitKind::County) && item.applies(UnitKind::Zone));
        assert!(!item.applies(UnitKind::Department));
        assert!(OrgItem::default().applies(UnitKind::Department));
    }

    #[test]
    fn typed_kinds_and_lead() {
        let p = project();
        let typed = |key: &str, text: &str| OrgItemField::from_text(key, text, &p);
        assert_eq!(
            typed("applies_to", "county、zone"),
            Ok(OrgItemField::AppliesTo(Some(vec![
                UnitKind::County,
                UnitKind::Zone
            ])))
        );
        assert_eq!(typed("applies_to", ""), Ok(OrgItemField::AppliesTo(None)));
        assert!(matches!(
            typed("applies_to", "county city"),
            Err(ProblemKind::BadChoice { .. })
        ));
        assert_eq!(
            typed("lead", "市财政局"),
            Ok(OrgItemField::Lead(Some("finance".into())))
        );
        assert!(matches!(
            typed("lead", "nobody"),
            Err(ProblemKind::UnknownRef { .. })
        ));
        assert!(
            !OrgItem {
                lead: Some("Bad".into()),
                ..funding()
            }
            .is_well_formed()
        );
    }
}

//! `[[areas]]`: the work areas of the task-completion part — the struct, the keys it
//! accepts, how it is read and written, and what of it can be edited (see
//! [`super::scheme`]).

use super::load::reader::{Loader, Node, Obj};
use super::scheme::{
    Field, FormKey, InputKind, Scheme, Written, decimal, field, form, opt_text, text,
};
use rust_decimal::Decimal;

/// A work area (就业和创业, 社会保险, …): its indicators' bases add up to its maximum.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Area {
    pub id: String,
    pub name: String,
    /// A short name for narrow columns (`short = "就业"`), if any.
    pub short: Option<String>,
    pub max: Decimal,
}

impl Scheme for Area {
    const KEYS: &'static [&'static str] = &["id", "name", "short", "max"];

    fn read<N: Node>(l: &mut Loader, o: &Obj<N>) -> Self {
        Area {
            id: l.id(o, "id"),
            name: l.name(o),
            short: l.short(o),
            max: l.non_negative(o, "max"),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        vec![
            ("id", text(&self.id)),
            field(AreaField::Name(self.name.clone())),
            field(AreaField::Short(self.short.clone())),
            field(AreaField::Max(self.max)),
        ]
    }
}

super::scheme::entry!(Area, "areas", areas);

impl Area {
    /// The name to show in `room` columns: the full name where it fits, else the short
    /// name if there is one (explanations and exports always use the full name).
    pub fn name_in(&self, room: usize) -> &str {
        super::name_in(&self.name, self.short.as_deref(), room)
    }
}

/// One editable field of an area, with its new value.
#[derive(Debug, Clone, PartialEq)]
pub enum AreaField {
    Name(String),
    /// `None` removes the key.
    Short(Option<String>),
    Max(Decimal),
}

impl Field for AreaField {
    type Table = Area;

    const FORM: &'static [FormKey<Self>] = &[
        form(InputKind::Text, |a: &Area| AreaField::Name(a.name.clone())),
        form(InputKind::OptText, |a: &Area| {
            AreaField::Short(a.short.clone())
        }),
        form(InputKind::Decimal, |a: &Area| AreaField::Max(a.max)),
    ];

    fn key(&self) -> &'static str {
        match self {
            AreaField::Name(_) => "name",
            AreaField::Short(_) => "short",
            AreaField::Max(_) => "max",
        }
    }

    fn value(&self) -> Written {
        match self {
            AreaField::Name(name) => text(name),
            AreaField::Short(short) => opt_text(short.as_deref()),
            AreaField::Max(max) => decimal(*max),
        }
    }

    fn apply(&self, a: &mut Area) {
        match self {
            AreaField::Name(name) => a.name.clone_from(name),
            AreaField::Short(short) => a.short.clone_from(short),
            AreaField::Max(max) => a.max = *max,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::scheme::tests::{check_entry, check_field, check_form};

    #[test]
    fn reads_back_what_it_writes() {
        let area = Area {
            id: "employment".into(),
            name: "就业和创业".into(),
            max: Decimal::from(12),
            short: Some("就业".into()),
        };
        check_entry(&area);
        check_form::<AreaField>(&area, &crate::project::Project::default());
        check_field(area.clone(), AreaField::Name("就业".into()));
        check_field(area.clone(), AreaField::Short(None));
        check_field(area.clone(), AreaField::Short(Some("就创".into())));
        check_field(area, AreaField::Max(Decimal::new(125, 1)));
    }

    #[test]
    fn a_maximum_is_in_range() {
        assert!(!AreaField::Max(Decimal::NEGATIVE_ONE).is_well_formed());
        assert!(!AreaField::Max(Decimal::from(1_000_000_001)).is_well_formed());
        assert!(!AreaField::Max(Decimal::MAX).is_well_formed());
    }
}

//! `[sections]`: the declared maxima of the three parts of the score and of the whole —
//! the struct, the keys it accepts, how it is read and written, and what of it can be
//! edited (see [`super::scheme`]).

use super::Project;
use super::load::reader::{Loader, Node, Obj};
use super::scheme::{
    Field, FormKey, InputKind, Scheme, Single, Written, decimal, field, form, opt_decimal,
};
use rust_decimal::Decimal;

/// `[sections]` (required): the declared maxima, checked against their parts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sections {
    pub total: Decimal,
    pub survey: Decimal,
    pub task: Decimal,
    /// Optional: the declared maximum of 组织实施. When absent, the sum of the items.
    pub organization: Option<Decimal>,
}

impl Scheme for Sections {
    /// `organization` (not in SPEC §2's example) comes second, next to the total it is
    /// part of, as a new file writes it.
    const KEYS: &'static [&'static str] = &["total", "organization", "survey", "task"];

    fn read<N: Node>(l: &mut Loader, o: &Obj<N>) -> Self {
        Sections {
            total: l.non_negative(o, "total"),
            survey: l.non_negative(o, "survey"),
            task: l.non_negative(o, "task"),
            organization: if o.has("organization") {
                Some(l.non_negative(o, "organization"))
            } else {
                None
            },
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        vec![
            field(SectionsField::Total(self.total)),
            field(SectionsField::Organization(self.organization)),
            field(SectionsField::Survey(self.survey)),
            field(SectionsField::Task(self.task)),
        ]
    }
}

impl Single for Sections {
    const ROOT: &'static str = "sections";

    fn of(p: &Project) -> &Self {
        &p.sections
    }

    fn of_mut(p: &mut Project) -> &mut Self {
        &mut p.sections
    }
}

/// One key of `[sections]`, with its new value.
#[derive(Debug, Clone, PartialEq)]
pub enum SectionsField {
    Total(Decimal),
    /// `None` removes the key (the maximum is then the sum of the items).
    Organization(Option<Decimal>),
    Survey(Decimal),
    Task(Decimal),
}

impl Field for SectionsField {
    type Table = Sections;

    const FORM: &'static [FormKey<Self>] = &[
        form(InputKind::Decimal, |s: &Sections| {
            SectionsField::Total(s.total)
        }),
        form(InputKind::OptDecimal, |s: &Sections| {
            SectionsField::Organization(s.organization)
        }),
        form(InputKind::Decimal, |s: &Sections| {
            SectionsField::Survey(s.survey)
        }),
        form(InputKind::Decimal, |s: &Sections| {
            SectionsField::Task(s.task)
        }),
    ];

    fn key(&self) -> &'static str {
        match self {
            SectionsField::Total(_) => "total",
            SectionsField::Organization(_) => "organization",
            SectionsField::Survey(_) => "survey",
            SectionsField::Task(_) => "task",
        }
    }

    fn value(&self) -> Written {
        match *self {
            SectionsField::Total(v) | SectionsField::Survey(v) | SectionsField::Task(v) => {
                decimal(v)
            }
            SectionsField::Organization(v) => opt_decimal(v),
        }
    }

    fn apply(&self, s: &mut Sections) {
        match *self {
            SectionsField::Total(v) => s.total = v,
            SectionsField::Organization(v) => s.organization = v,
            SectionsField::Survey(v) => s.survey = v,
            SectionsField::Task(v) => s.task = v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::project::scheme::tests::{check_field, check_form, check_keys};

    #[test]
    fn writes_every_key_it_reads() {
        check_keys(&Sections::default());
    }

    #[test]
    fn fields_and_form() {
        let sections = Sections {
            total: Decimal::from(200),
            survey: Decimal::from(6),
            task: Decimal::from(88),
            organization: Some(Decimal::new(65, 1)),
        };
        check_form::<SectionsField>(&sections, &Project::default());
        check_form::<SectionsField>(&Sections::default(), &Project::default());
        check_field(sections.clone(), SectionsField::Organization(None));
        check_field(sections, SectionsField::Task(Decimal::from(90)));
        assert!(!SectionsField::Survey(Decimal::NEGATIVE_ONE).is_well_formed());
    }
}

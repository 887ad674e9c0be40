//! `[[departments]]`: the city departments — the struct, the keys it accepts, how it is
//! read and written, and what of it can be edited (see [`super::scheme`]).

use super::load::reader::{Loader, Node, Obj};
use super::scheme::{Field, FormKey, InputKind, Scheme, Written, field, form, opt_whole, text};

/// A city department (市直部门): a role-holder in the matrix and, with a score sheet, a
/// scored body ranked among the departments.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Department {
    pub id: String,
    pub name: String,
    /// Its 先进个人 places; `None`: the policy's `individual_quota_department` when it
    /// appears in the matrix, else none.
    pub quota: Option<u32>,
}

impl Scheme for Department {
    const KEYS: &'static [&'static str] = &["id", "name", "quota"];

    fn read<N: Node>(l: &mut Loader, o: &Obj<N>) -> Self {
        Department {
            id: l.id(o, "id"),
            name: l.name(o),
            quota: l.whole(o, "quota", 0, u32::MAX),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        vec![
            ("id", text(&self.id)),
            field(DepartmentField::Name(self.name.clone())),
            field(DepartmentField::Quota(self.quota)),
        ]
    }
}

super::scheme::entry!(Department, "departments", departments);

/// One editable field of a department, with its new value.
#[derive(Debug, Clone, PartialEq)]
pub enum DepartmentField {
    Name(String),
    /// `None` removes the key (the policy's default).
    Quota(Option<u32>),
}

impl Field for DepartmentField {
    type Table = Department;

    const FORM: &'static [FormKey<Self>] = &[
        form(InputKind::Text, |d: &Department| {
            DepartmentField::Name(d.name.clone())
        }),
        form(InputKind::OptWhole, |d: &Department| {
            DepartmentField::Quota(d.quota)
        }),
    ];

    fn key(&self) -> &'static str {
        match self {
            DepartmentField::Name(_) => "name",
            DepartmentField::Quota(_) => "quota",
        }
    }

    fn value(&self) -> Written {
        match self {
            DepartmentField::Name(name) => text(name),
            DepartmentField::Quota(quota) => opt_whole(*quota),
        }
    }

    fn apply(&self, d: &mut Department) {
        match self {
            DepartmentField::Name(name) => d.name.clone_from(name),
            DepartmentField::Quota(quota) => d.quota = *quota,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::scheme::tests::{check_entry, check_field, check_form};

    #[test]
    fn reads_back_what_it_writes() {
        let hrss = Department {
            id: "hrss".into(),
            name: "市人社局".into(),
            quota: Some(3),
        };
        check_entry(&hrss);
        check_form::<DepartmentField>(&hrss, &crate::project::Project::default());
        check_field(hrss.clone(), DepartmentField::Name("人社局".into()));
        check_field(hrss.clone(), DepartmentField::Quota(None));
        check_field(hrss, DepartmentField::Quota(Some(0)));
        let none = Department {
            id: "civil".into(),
            name: "市民政局".into(),
            quota: None,
        };
        check_form::<DepartmentField>(&none, &crate::project::Project::default());
    }
}

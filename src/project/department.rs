//! `[[departments]]`: the city departments — the struct, the keys it accepts, how it is
//! read and written, and what of it can be edited (see [`super::scheme`]).

use super::load::reader::{Loader, Obj};
use super::scheme::{Field, FormKey, InputKind, Scheme, Written, field, form, text};

/// A city department (市直部门): a role-holder in the matrix and, with a score sheet, a
/// scored body ranked among the departments.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Department {
    pub id: String,
    pub name: String,
}

impl Scheme for Department {
    const KEYS: &'static [&'static str] = &["id", "name"];

    fn read(l: &mut Loader, o: &Obj) -> Self {
        Department {
            id: l.id(o, "id"),
            name: l.name(o),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        vec![
            ("id", text(&self.id)),
            field(DepartmentField::Name(self.name.clone())),
        ]
    }
}

super::scheme::entry!(Department, "departments", departments);

/// One editable field of a department, with its new value.
#[derive(Debug, Clone, PartialEq)]
pub enum DepartmentField {
    Name(String),
}

impl Field for DepartmentField {
    type Table = Department;

    const FORM: &'static [FormKey<Self>] = &[form(InputKind::Text, |d: &Department| {
        DepartmentField::Name(d.name.clone())
    })];

    fn key(&self) -> &'static str {
        match self {
            DepartmentField::Name(_) => "name",
        }
    }

    fn value(&self) -> Written {
        match self {
            DepartmentField::Name(name) => text(name),
        }
    }

    fn apply(&self, d: &mut Department) {
        match self {
            DepartmentField::Name(name) => d.name.clone_from(name),
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
        };
        check_entry(&hrss);
        check_form::<DepartmentField>(&hrss, &crate::project::Project::default());
        check_field(hrss, DepartmentField::Name("人社局".into()));
    }
}

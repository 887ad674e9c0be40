//! `[[procedure]]`: the year's steps (考评程序) and their due dates — the struct, the keys
//! it accepts, how it is read and written (see [`super::scheme`]). No edit changes a step
//! yet.

use super::load::reader::{Loader, Node, Obj};
use super::scheme::{Scheme, Written, opt_text, text};
use toml_edit::{Date, Datetime, Value};

/// One step of the procedure: 总结自查 by 10 January, 汇总排名 by 30 January, ….
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: String,
    pub name: String,
    /// The day it is due, a TOML local date (`2027-01-10`), held as written.
    pub due: Date,
    /// Who owes a return at this step, if anyone.
    pub returns: Option<Returns>,
}

/// A step with no date yet reads as the first day TOML can write (what a missing `due`
/// is read as, with an error).
impl Default for Step {
    fn default() -> Self {
        Step {
            id: String::new(),
            name: String::new(),
            due: Date {
                year: 0,
                month: 1,
                day: 1,
            },
            returns: None,
        }
    }
}

/// Who owes a return at a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Returns {
    /// The counties and the zone.
    Units,
    /// The departments.
    Departments,
}

impl Returns {
    pub const NAMES: &'static [&'static str] = &["units", "departments"];

    pub fn name(self) -> &'static str {
        match self {
            Returns::Units => "units",
            Returns::Departments => "departments",
        }
    }
}

/// A date as a TOML value: `2027-01-10`.
pub fn date_value(date: Date) -> Value {
    Value::from(Datetime {
        date: Some(date),
        time: None,
        offset: None,
    })
}

impl Scheme for Step {
    const KEYS: &'static [&'static str] = &["id", "name", "due", "returns"];

    fn read<N: Node>(l: &mut Loader, o: &Obj<N>) -> Self {
        Step {
            id: l.id(o, "id"),
            name: l.name(o),
            due: l.date(o, "due").unwrap_or(Step::default().due),
            returns: match l.choice(o, "returns", Returns::NAMES, false).as_deref() {
                Some("units") => Some(Returns::Units),
                Some("departments") => Some(Returns::Departments),
                _ => None,
            },
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        vec![
            ("id", text(&self.id)),
            ("name", text(&self.name)),
            ("due", Written::Value(date_value(self.due))),
            ("returns", opt_text(self.returns.map(Returns::name))),
        ]
    }
}

super::scheme::entry!(Step, "procedure", procedure);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::load::reader::read_back;
    use crate::project::problem::{Expected, ProblemKind};
    use crate::project::scheme::tests::check_entry;

    fn step() -> Step {
        Step {
            id: "self-check".into(),
            name: "总结自查".into(),
            due: Date {
                year: 2027,
                month: 1,
                day: 10,
            },
            returns: Some(Returns::Units),
        }
    }

    #[test]
    fn reads_back_what_it_writes_and_writes_a_date() {
        check_entry(&step());
        check_entry(&Step {
            returns: None,
            ..step()
        });
        assert_eq!(date_value(step().due).to_string(), "2027-01-10");
    }

    #[test]
    fn due_is_a_date_and_nothing_else() {
        for value in ["\"2027-01-10\"", "2027-01-10T08:00:00", "10"] {
            let v: Value = value.parse().unwrap();
            let pairs = vec![
                ("id", Value::from("s")),
                ("name", Value::from("n")),
                ("due", v),
            ];
            let (_, problems) = read_back(pairs, Step::KEYS, Step::read);
            assert!(
                problems.iter().any(|p| matches!(
                    p.kind,
                    ProblemKind::WrongType {
                        expected: Expected::Date,
                        ..
                    }
                )),
                "{value}: {problems:?}"
            );
        }
    }
}

//! The fields of one entry — an indicator, an area, a county or the zone, a department,
//! an organisation item —
//! or of the project's settings (its title, `[sections]` and `[policy]`), as a form lists
//! them; and the [`Edit`] that a value typed into one of them makes.
//!
//! Nothing here knows a field: each table's file in `src/project/` lists its own, with how
//! its value is typed (`Field::FORM`, see `src/project/scheme.rs`), and a typed value is
//! judged by the loader's own rules. This file knows only which tables a form shows and
//! which [`Edit`] sets a field of each; a new field of an indicator appears in its form
//! with no change here.
//!
//! The title is the one field that is not a table's: a key of the root, set by its own
//! [`Edit::SetTitle`], it is listed here (any text but an empty one).

use super::Edit;
use crate::project::problem::ProblemKind;
use crate::project::scheme::{Entry, Field, Single};
use crate::project::{
    AreaField, DepartmentField, IndicatorField, InputKind, OrgItemField, Policy, PolicyField,
    Project, Sections, SectionsField, UnitField,
};

/// What a form edits.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Subject {
    /// The project's title, `[sections]` and `[policy]`.
    Settings,
    Indicator(String),
    Area(String),
    /// A county or the zone.
    Unit(String),
    Department(String),
    /// An item of 组织实施.
    OrgItem(String),
}

/// The table of the title, which is a key of the root: "" (for its label).
pub const ROOT: &str = "";

/// The key of the title.
const TITLE: &str = "title";

/// One line of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    /// The table it is a key of, by its root key (`"indicators"`, `"policy"`; [`ROOT`] for
    /// the title): with `key`, what its label is looked up by.
    pub table: &'static str,
    pub key: &'static str,
    pub input: InputKind,
    /// Its value as it is typed (units and areas by id, yes/no as `true` / `false`); ""
    /// when the file has no value for it.
    pub text: String,
}

impl FormField {
    /// The value a toggle gives it: yes ↔ no, or the next of its choices (the first after
    /// the last); `None` for a value that is typed.
    pub fn toggled(&self) -> Option<String> {
        match self.input {
            InputKind::Toggle => Some((self.text != "true").to_string()),
            InputKind::Choice(names) => {
                let next = names
                    .iter()
                    .position(|n| *n == self.text)
                    .map_or(0, |at| (at + 1) % names.len());
                names.get(next).map(|n| n.to_string())
            }
            // Through the names, then none.
            InputKind::OptChoice(names) => {
                let next = names
                    .iter()
                    .position(|n| *n == self.text)
                    .map_or(0, |at| at + 1);
                Some(names.get(next).map_or_else(String::new, |n| n.to_string()))
            }
            _ => None,
        }
    }

    /// Whether it can be emptied (the key removed) and has a value now.
    pub fn clearable(&self) -> bool {
        self.input.optional() && !self.text.is_empty()
    }
}

/// The lines of the subject's form, in order; none when the subject is not in the
/// project.
pub fn fields(p: &Project, subject: &Subject) -> Vec<FormField> {
    match subject {
        Subject::Settings => {
            let title = FormField {
                table: ROOT,
                key: TITLE,
                input: InputKind::Text,
                text: p.title.clone(),
            };
            let mut lines = vec![title];
            lines.extend(single_lines::<SectionsField>(p));
            lines.extend(single_lines::<PolicyField>(p));
            lines
        }
        Subject::Indicator(id) => entry_lines::<IndicatorField>(p, id),
        Subject::Area(id) => entry_lines::<AreaField>(p, id),
        Subject::Unit(id) => entry_lines::<UnitField>(p, id),
        Subject::Department(id) => entry_lines::<DepartmentField>(p, id),
        Subject::OrgItem(id) => entry_lines::<OrgItemField>(p, id),
    }
}

/// The edit that `text`, typed into the field `key` of `table` in the subject's form,
/// makes; or why it makes none: the problem the loader would report for that value in the
/// file (out of range, not one of the choices, not a number), `MissingKey` for an empty
/// value where one is needed, `UnknownRef` for a unit or area that does not exist,
/// `UnknownKey` for a key the form does not have.
pub fn edit(
    p: &Project,
    subject: &Subject,
    table: &str,
    key: &str,
    text: &str,
) -> Result<Edit, ProblemKind> {
    let id = String::clone;
    let in_list = |list: &str| table == list;
    match subject {
        Subject::Settings if table == ROOT && key == TITLE => match text.trim() {
            "" => Err(ProblemKind::MissingKey { key: TITLE }),
            title => Ok(Edit::SetTitle {
                title: title.to_string(),
            }),
        },
        Subject::Settings if table == Sections::ROOT => Ok(Edit::SetSections {
            field: SectionsField::from_text(key, text, p)?,
        }),
        Subject::Settings if table == Policy::ROOT => Ok(Edit::SetPolicy {
            field: PolicyField::from_text(key, text, p)?,
        }),
        Subject::Indicator(i) if in_list(list_of::<IndicatorField>()) => Ok(Edit::SetIndicator {
            id: id(i),
            field: IndicatorField::from_text(key, text, p)?,
        }),
        Subject::Area(i) if in_list(list_of::<AreaField>()) => Ok(Edit::SetArea {
            id: id(i),
            field: AreaField::from_text(key, text, p)?,
        }),
        Subject::Unit(i) if in_list(list_of::<UnitField>()) => Ok(Edit::SetUnit {
            id: id(i),
            field: UnitField::from_text(key, text, p)?,
        }),
        Subject::Department(i) if in_list(list_of::<DepartmentField>()) => {
            Ok(Edit::SetDepartment {
                id: id(i),
                field: DepartmentField::from_text(key, text, p)?,
            })
        }
        Subject::OrgItem(i) if in_list(list_of::<OrgItemField>()) => Ok(Edit::SetOrgItem {
            id: id(i),
            field: OrgItemField::from_text(key, text, p)?,
        }),
        _ => Err(ProblemKind::UnknownKey {
            key: key.to_string(),
            suggestion: None,
        }),
    }
}

/// Every `(table, key)` a form lists, with how it is typed (for the test that each has a
/// label in both languages).
pub fn every_key() -> Vec<(&'static str, &'static str, InputKind)> {
    let mut keys = vec![(ROOT, TITLE, InputKind::Text)];
    keys.extend(keys_of::<SectionsField>(Sections::ROOT));
    keys.extend(keys_of::<PolicyField>(Policy::ROOT));
    keys.extend(keys_of::<IndicatorField>(list_of::<IndicatorField>()));
    keys.extend(keys_of::<AreaField>(list_of::<AreaField>()));
    keys.extend(keys_of::<UnitField>(list_of::<UnitField>()));
    keys.extend(keys_of::<DepartmentField>(list_of::<DepartmentField>()));
    keys.extend(keys_of::<OrgItemField>(list_of::<OrgItemField>()));
    keys
}

/// The root key of the list whose entries `F` is a field of.
fn list_of<F: Field>() -> &'static str
where
    F::Table: Entry,
{
    F::Table::LIST
}

fn keys_of<F: Field>(table: &'static str) -> Vec<(&'static str, &'static str, InputKind)> {
    F::FORM
        .iter()
        .map(|line| (table, line.key(), line.input))
        .collect()
}

/// The lines of the form of the entry with this id (none if there is none).
fn entry_lines<F: Field>(p: &Project, id: &str) -> Vec<FormField>
where
    F::Table: Entry,
{
    F::Table::list(p)
        .iter()
        .find(|e| e.id() == id)
        .map(|e| lines_of::<F>(F::Table::LIST, e))
        .unwrap_or_default()
}

/// The lines of the form of `[policy]` or `[sections]`.
fn single_lines<F: Field>(p: &Project) -> Vec<FormField>
where
    F::Table: Single,
{
    lines_of::<F>(F::Table::ROOT, F::Table::of(p))
}

fn lines_of<F: Field>(table: &'static str, t: &F::Table) -> Vec<FormField> {
    F::FORM
        .iter()
        .map(|line| FormField {
            table,
            key: line.key(),
            input: line.input,
            text: line.text(t),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::project::demo;

    fn text_of(lines: &[FormField], table: &str, key: &str) -> String {
        lines
            .iter()
            .find(|f| f.table == table && f.key == key)
            .map(|f| f.text.clone())
            .unwrap_or_else(|| panic!("no {table}.{key}"))
    }

    #[test]
    fn the_settings_list_the_title_the_sections_and_the_policy() {
        let p = demo();
        let lines = fields(&p, &Subject::Settings);
        let mut tables: Vec<&str> = lines.iter().map(|f| f.table).collect();
        tables.dedup();
        assert_eq!(tables, [ROOT, "sections", "policy"]);
        assert_eq!(
            text_of(&lines, ROOT, "title"),
            "2026年度民生工程目标管理考评"
        );
        assert_eq!(text_of(&lines, "sections", "organization"), "6");
        assert_eq!(text_of(&lines, "policy", "bonus_share"), "0.20");
        assert_eq!(text_of(&lines, "policy", "shortfall_mode"), "proportional");
        assert_eq!(text_of(&lines, "policy", "last_place"), "true");
        assert_eq!(
            edit(
                &p,
                &Subject::Settings,
                "policy",
                "comprehensive_awards",
                "2"
            ),
            Ok(Edit::SetPolicy {
                field: PolicyField::ComprehensiveAwards(2)
            })
        );
        assert!(matches!(
            edit(&p, &Subject::Settings, "policy", "bonus_share", "2"),
            Err(ProblemKind::OutOfRange { .. })
        ));
        assert_eq!(
            edit(&p, &Subject::Settings, ROOT, "title", " 2027年度 "),
            Ok(Edit::SetTitle {
                title: "2027年度".into()
            })
        );
        assert!(edit(&p, &Subject::Settings, ROOT, "title", " ").is_err());
        assert!(edit(&p, &Subject::Settings, "indicators", "name", "x").is_err());
    }

    #[test]
    fn an_entrys_form_and_its_edits() {
        let p = demo();
        let ind = Subject::Indicator("new-jobs".into());
        let lines = fields(&p, &ind);
        assert_eq!(text_of(&lines, "indicators", "name"), "城镇新增就业人数");
        assert!(lines.iter().all(|f| f.table == "indicators"));
        assert_eq!(text_of(&lines, "indicators", "bonus"), "true");
        assert_eq!(
            edit(&p, &ind, "indicators", "measure", " 万人 "),
            Ok(Edit::SetIndicator {
                id: "new-jobs".into(),
                field: IndicatorField::Measure(Some("万人".into()))
            })
        );
        assert!(edit(&p, &ind, "areas", "max", "3").is_err());
        assert!(fields(&p, &Subject::Indicator("nothing".into())).is_empty());
        let unit = fields(&p, &Subject::Unit("zone".into()));
        assert_eq!(text_of(&unit, "units", "kind"), "zone");
        let dept = fields(&p, &Subject::Department("hrss".into()));
        assert_eq!(text_of(&dept, "departments", "name"), "市人社局");
        let area = fields(&p, &Subject::Area("employment".into()));
        assert_eq!(text_of(&area, "areas", "max"), "12");
        let funding = Subject::OrgItem("funding".into());
        let lines = fields(&p, &funding);
        assert_eq!(text_of(&lines, "organization", "lead"), "finance");
        assert_eq!(
            edit(&p, &funding, "organization", "applies_to", "county, zone"),
            Ok(Edit::SetOrgItem {
                id: "funding".into(),
                field: OrgItemField::AppliesTo(Some(vec![
                    crate::project::UnitKind::County,
                    crate::project::UnitKind::Zone
                ]))
            })
        );
    }

    #[test]
    fn a_toggle_flips_and_a_choice_moves_on() {
        let field = |input, text: &str| FormField {
            table: "t",
            key: "k",
            input,
            text: text.into(),
        };
        assert_eq!(
            field(InputKind::Toggle, "true").toggled(),
            Some("false".into())
        );
        assert_eq!(
            field(InputKind::Toggle, "false").toggled(),
            Some("true".into())
        );
        let modes = InputKind::Choice(crate::project::ShortfallMode::NAMES);
        assert_eq!(
            field(modes, "proportional").toggled(),
            Some("full_steps".into())
        );
        assert_eq!(
            field(modes, "started_steps").toggled(),
            Some("proportional".into())
        );
        assert_eq!(field(InputKind::Decimal, "4").toggled(), None);
        assert!(field(InputKind::Units, "jia").clearable());
        assert!(!field(InputKind::Units, "").clearable());
        assert!(!field(InputKind::Text, "x").clearable());
    }

    #[test]
    fn every_key_is_listed_once() {
        let keys = every_key();
        for (i, (table, key, _)) in keys.iter().enumerate() {
            assert!(
                !keys[..i].iter().any(|(t, k, _)| t == table && k == key),
                "{table}.{key} twice"
            );
        }
        assert!(keys.contains(&("policy", "comprehensive_awards", InputKind::Whole)));
    }
}

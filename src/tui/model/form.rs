//! What a form shows: its lines (the fields, under a heading for each table in the
//! project's settings) and each value as words — yes or no, a choice's word, units and
//! areas by name, what an empty value means. The fields themselves come from
//! [`crate::edit::form`], which knows them from the tables in `src/project/`.

use crate::edit::form::{FormField, Subject};
use crate::i18n::{CommonText, Lang, fields as words};
use crate::project::{InputKind, Project};

/// A form over the pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub subject: Subject,
    /// The field under the cursor (an index into [`crate::edit::form::fields`]).
    pub row: usize,
    /// The first line shown (of [`form_lines`]).
    pub top: usize,
}

/// A line of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormLine {
    /// The heading of a table's fields (the settings list three tables).
    Heading(&'static str),
    /// A field, by its index.
    Field(usize),
}

/// The lines of a form of these fields: in the settings, a heading before each table's.
pub fn form_lines(subject: &Subject, fields: &[FormField]) -> Vec<FormLine> {
    let mut lines = Vec::with_capacity(fields.len() + 3);
    for (i, field) in fields.iter().enumerate() {
        let first = i == 0 || fields[i - 1].table != field.table;
        if *subject == Subject::Settings && first {
            lines.push(FormLine::Heading(field.table));
        }
        lines.push(FormLine::Field(i));
    }
    lines
}

/// A field's value in words.
pub fn shown(p: &Project, field: &FormField, lang: Lang) -> String {
    let text = field.text.as_str();
    if text.is_empty() {
        return words::empty(field.table, field.key, lang).to_string();
    }
    match field.input {
        InputKind::Toggle => words::yes_no(text == "true", lang).to_string(),
        InputKind::Choice(_) | InputKind::OptChoice(_) => {
            words::choice(field.table, field.key, text, lang).to_string()
        }
        InputKind::OptDepartment => p.name_of(text).to_string(),
        InputKind::Units if text == "[]" => words::none_listed(lang).to_string(),
        InputKind::Units => {
            let names: Vec<String> = text
                .split(", ")
                .map(|id| p.name_of(id).to_string())
                .collect();
            CommonText(lang).list(&names)
        }
        InputKind::Area => p.area(text).map_or(text, |a| a.name.as_str()).to_string(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::project::demo;

    #[test]
    fn the_settings_have_a_heading_for_each_table_and_values_show_in_words() {
        let p = demo();
        let fields = crate::edit::form::fields(&p, &Subject::Settings);
        let lines = form_lines(&Subject::Settings, &fields);
        let headings: Vec<&str> = lines
            .iter()
            .filter_map(|l| match l {
                FormLine::Heading(t) => Some(*t),
                FormLine::Field(_) => None,
            })
            .collect();
        assert_eq!(headings, ["", "sections", "policy"]);
        let ind = Subject::Indicator("rural-pension".into());
        let fields = crate::edit::form::fields(&p, &ind);
        assert_eq!(form_lines(&ind, &fields).len(), fields.len());
        let show = |key: &str, lang| {
            let f = fields.iter().find(|f| f.key == key).unwrap();
            shown(&p, f, lang)
        };
        assert_eq!(show("area", Lang::Zh), "社会保险");
        assert_eq!(show("bonus", Lang::En), "no");
        assert_eq!(show("direction", Lang::Zh), "不低于目标");
        assert_eq!(show("measure", Lang::En), "人");
        assert!(
            show("pilot", Lang::Zh).contains("东城县"),
            "{}",
            show("pilot", Lang::Zh)
        );
    }
}

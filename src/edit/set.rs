//! `kaoping set FILE KEY VALUE`: one value put at a dotted TOML path, format-preserving
//! (the same in-place replacement the edits use: spacing and trailing comments stay).

use super::syntax::{NewTable, Place, Tab};
use crate::project::PathSeg;
use toml_edit::{DocumentMut, Item, Value};

/// Why a value could not be put at a path.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetError {
    /// The path goes through something that is not a table (or an array of tables).
    #[error("{0} is not a table")]
    NotATable(String),
    /// An array index beyond the array.
    #[error("{0}: no such element")]
    NoElement(String),
    #[error("an empty path")]
    Empty,
}

/// A value as typed on the command line: a TOML literal (`5.6`, `true`, `"text"`,
/// `["a", "b"]`) when it is one, otherwise a plain string.
pub fn value_of(text: &str) -> Value {
    text.trim()
        .parse::<Value>()
        .map(|mut v| {
            v.decor_mut().clear();
            v
        })
        .unwrap_or_else(|_| Value::from(text))
}

/// Puts `value` at `path`, creating the tables on the way as SPEC §2 lays them out: a
/// `[header]` table for a level that holds tables, an inline table for the one that holds
/// the value (`new-jobs = { actual = 5000 }`).
pub fn set_path(doc: &mut DocumentMut, path: &[PathSeg], value: Value) -> Result<(), SetError> {
    let Some((PathSeg::Key(last), parents)) = path.split_last() else {
        return Err(SetError::Empty);
    };
    let mut tab = Tab::Std(doc.as_table_mut());
    let mut depth = 0;
    while depth < parents.len() {
        let shown = |upto: usize| crate::project::TomlPath(path[..=upto].to_vec()).to_string();
        let PathSeg::Key(key) = &parents[depth] else {
            return Err(SetError::NotATable(shown(depth)));
        };
        if let Some(PathSeg::Index(n)) = parents.get(depth + 1) {
            // `key[n]`: an element of an array of tables (or of inline tables).
            let item = tab
                .into_item(key)
                .ok_or_else(|| SetError::NoElement(shown(depth + 1)))?;
            let element = match item {
                Item::ArrayOfTables(a) => a.get_mut(*n).map(Tab::Std),
                Item::Value(Value::Array(a)) => a.get_mut(*n).and_then(|v| match v {
                    Value::InlineTable(t) => Some(Tab::Inline(t)),
                    _ => None,
                }),
                _ => return Err(SetError::NotATable(shown(depth))),
            };
            tab = element.ok_or_else(|| SetError::NoElement(shown(depth + 1)))?;
            depth += 2;
            continue;
        }
        // The table right above the value is inline; those above it have headers.
        let new = if depth + 1 == parents.len() {
            NewTable::Inline
        } else {
            NewTable::Standard {
                position: None,
                implicit: true,
            }
        };
        tab = tab
            .into_child_or_new(key, Place::End, new)
            .ok_or_else(|| SetError::NotATable(shown(depth)))?;
        depth += 1;
    }
    tab.set(last, value, Place::End);
    Ok(())
}

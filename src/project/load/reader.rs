//! The loader's helpers: a table being read ([`Obj`]) and the readers of every kind of
//! value (`l.id(o, "id")`, `l.name(o)`, `l.string(o, "measure")`, `l.non_negative(o,
//! "base")`, …), each reporting what is wrong with the TOML path and the offset of the
//! key or value; unknown keys, with the nearest known one as a suggestion.
//!
//! The helpers read either tree through [`Node`] and [`Table`] ([`super::tree`]): the
//! scheme's tables ([`crate::project::scheme`]) read their keys through these helpers
//! alone, once for both trees (`fn read<N: Node>(l: &mut Loader, o: &Obj<N>)`).

use crate::project::decimal::parse_decimal_text;
use crate::project::path::TomlPath;
use crate::project::problem::{Expected, Problem, ProblemKind};
use crate::project::{MAX_SCORE, is_valid_id};
use rust_decimal::Decimal;
use toml_edit::{Date, Datetime, Item, TableLike, Value};

pub(crate) use super::tree::Node;
use super::tree::{Number, Table};

/// Reads values, collecting the problems it finds.
pub(crate) struct Loader<'t> {
    /// The file's text, to read a float literal from its characters.
    pub(super) text: &'t str,
    pub(super) problems: Vec<Problem>,
    /// Read a newer `kaoping/N` as if it were `kaoping/1`.
    pub(super) accept_newer: bool,
}

/// A table being read: remembers its path so that every problem can name it.
pub(crate) struct Obj<'d, 'p, N: Node> {
    /// `None`: an element of a list that is not a table (read as an empty one).
    pub(super) table: Option<&'d N::Table>,
    pub(super) path: PathRef<'p>,
    /// Where the table starts (or its key), for problems about the whole table.
    pub(super) at: Option<usize>,
}

/// A table's path, built only when a problem needs it (a file has hundreds of thousands
/// of rows and, mostly, no problems).
pub(super) enum PathRef<'p> {
    Owned(TomlPath),
    /// The parent's path and this table's key.
    Child(&'p TomlPath, &'p str),
}

impl<'d, N: Node> Obj<'d, '_, N> {
    pub(super) fn path(&self) -> TomlPath {
        match &self.path {
            PathRef::Owned(path) => path.clone(),
            PathRef::Child(parent, key) => parent.key(key),
        }
    }

    pub(super) fn get(&self, key: &str) -> Option<&'d N> {
        self.table?.get(key).filter(|item| !item.is_none())
    }

    /// Its keys and values, in file order.
    pub(super) fn entries(&self) -> impl Iterator<Item = (&'d str, &'d N)> + use<'d, N> {
        self.table.into_iter().flat_map(|table| table.entries())
    }

    pub(super) fn key_at(&self, key: &str) -> Option<usize> {
        self.table
            .and_then(|table| table.key_start(key))
            .or(self.at)
    }

    /// Whether the table has this key.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub(super) fn value_at(&self, key: &str) -> Option<usize> {
        self.get(key)
            .and_then(Node::start)
            .or_else(|| self.key_at(key))
    }
}

/// [`MAX_SCORE`] as a range, for messages.
pub(crate) const SCORE_RANGE: &str = "[0, 1000000000]";

impl<'t> Loader<'t> {
    pub(super) fn new(text: &'t str, accept_newer: bool) -> Self {
        Loader {
            text,
            problems: Vec::new(),
            accept_newer,
        }
    }

    pub(super) fn report(&mut self, kind: ProblemKind, path: TomlPath, at: Option<usize>) {
        self.problems.push(Problem::new(kind, path).at(at));
    }

    // ---- generic readers --------------------------------------------------------

    /// Reports every key of `obj` not in `allowed`, suggesting the nearest allowed one.
    pub(crate) fn check_keys<N: Node>(&mut self, obj: &Obj<N>, allowed: &[&'static str]) {
        for (key, _) in obj.entries() {
            if !allowed.contains(&key) {
                self.unknown_key(obj, key, allowed);
            }
        }
    }

    /// Reports `key` of `obj` as unknown, suggesting the nearest of `allowed`.
    pub(crate) fn unknown_key<N: Node>(
        &mut self,
        obj: &Obj<N>,
        key: &str,
        allowed: &[&'static str],
    ) {
        let suggestion = nearest(key, allowed);
        self.report(
            ProblemKind::UnknownKey {
                key: key.to_string(),
                suggestion,
            },
            obj.path().key(key),
            obj.key_at(key),
        );
    }

    pub(super) fn as_obj<'d, N: Node>(
        &mut self,
        item: &'d N,
        path: TomlPath,
        at: Option<usize>,
    ) -> Option<Obj<'d, 'static, N>> {
        match item.as_table() {
            Some(table) => Some(Obj {
                table: Some(table),
                path: PathRef::Owned(path),
                at: item.start().or(at),
            }),
            None => {
                self.wrong_type(Expected::Table, item, path, at);
                None
            }
        }
    }

    pub(super) fn sub_table<'d, N: Node + 'd>(
        &mut self,
        obj: &Obj<'d, '_, N>,
        key: &str,
    ) -> Option<Obj<'d, 'static, N>> {
        let item = obj.get(key)?;
        self.as_obj(item, obj.path().key(key), obj.key_at(key))
    }

    pub(super) fn wrong_type<N: Node>(
        &mut self,
        expected: Expected,
        item: &N,
        path: TomlPath,
        at: Option<usize>,
    ) {
        let found = item.type_name(self.text);
        let at = item.start().or(at);
        self.report(ProblemKind::WrongType { expected, found }, path, at);
    }

    /// An array of tables (`[[key]]`, or an array of inline tables), each read by `read`.
    /// An element that is not a table still yields a (default) entry so that indices
    /// stay those of the file.
    pub(super) fn list<T, N: Node>(
        &mut self,
        obj: &Obj<N>,
        key: &str,
        allowed: &[&'static str],
        mut read: impl FnMut(&mut Self, &Obj<N>) -> T,
    ) -> Vec<T> {
        let Some(item) = obj.get(key) else {
            return Vec::new();
        };
        let path = obj.path().key(key);
        let Some(elements) = item.elements() else {
            self.wrong_type(Expected::ArrayOfTables, item, path, obj.key_at(key));
            return Vec::new();
        };
        let mut out = Vec::with_capacity(elements.len());
        for (i, element) in elements.into_iter().enumerate() {
            let element_path = path.index(i);
            let element_obj = match element.as_table() {
                Some(table) => Obj {
                    table: Some(table),
                    path: PathRef::Owned(element_path),
                    at: element.start().or(obj.key_at(key)),
                },
                None => {
                    self.wrong_type(
                        Expected::Table,
                        element,
                        element_path.clone(),
                        obj.key_at(key),
                    );
                    Obj {
                        table: None,
                        path: PathRef::Owned(element_path),
                        at: obj.key_at(key),
                    }
                }
            };
            self.check_keys(&element_obj, allowed);
            out.push(read(self, &element_obj));
        }
        out
    }

    pub(crate) fn missing<N: Node>(&mut self, obj: &Obj<N>, key: &'static str) {
        self.report(ProblemKind::MissingKey { key }, obj.path(), obj.at);
    }

    pub(crate) fn string<N: Node>(&mut self, obj: &Obj<N>, key: &str) -> Option<String> {
        let item = obj.get(key)?;
        match item.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                self.wrong_type(Expected::String, item, obj.path().key(key), obj.key_at(key));
                None
            }
        }
    }

    /// An optional short name (`short`, for narrow columns): a string that is not empty.
    pub(crate) fn short<N: Node>(&mut self, obj: &Obj<N>) -> Option<String> {
        let s = self.string(obj, "short")?;
        if s.trim().is_empty() {
            let at = obj.value_at("short").or(obj.key_at("short"));
            self.report(ProblemKind::EmptyShort, obj.path().key("short"), at);
            return None;
        }
        Some(s)
    }

    pub(crate) fn name<N: Node>(&mut self, obj: &Obj<N>) -> String {
        match obj.get("name") {
            Some(_) => self.string(obj, "name").unwrap_or_default(),
            None => {
                self.missing(obj, "name");
                String::new()
            }
        }
    }

    pub(crate) fn bool<N: Node>(&mut self, obj: &Obj<N>, key: &str) -> Option<bool> {
        let item = obj.get(key)?;
        match item.as_bool() {
            Some(b) => Some(b),
            None => {
                self.wrong_type(Expected::Bool, item, obj.path().key(key), obj.key_at(key));
                None
            }
        }
    }

    /// A string that must be one of `allowed`.
    pub(crate) fn choice<N: Node>(
        &mut self,
        obj: &Obj<N>,
        key: &'static str,
        allowed: &'static [&'static str],
        required: bool,
    ) -> Option<String> {
        if obj.get(key).is_none() {
            if required {
                self.missing(obj, key);
            }
            return None;
        }
        let value = self.string(obj, key)?;
        if allowed.contains(&value.as_str()) {
            Some(value)
        } else {
            self.report(
                ProblemKind::BadChoice { value, allowed },
                obj.path().key(key),
                obj.value_at(key),
            );
            None
        }
    }

    /// A required id: a missing or bad one is reported and read as "".
    pub(crate) fn id<N: Node>(&mut self, obj: &Obj<N>, key: &'static str) -> String {
        if obj.get(key).is_none() {
            self.missing(obj, key);
            return String::new();
        }
        self.opt_id(obj, key).unwrap_or_default()
    }

    pub(crate) fn opt_id<N: Node>(&mut self, obj: &Obj<N>, key: &str) -> Option<String> {
        let id = self.string(obj, key)?;
        if is_valid_id(&id) {
            Some(id)
        } else {
            self.report(
                ProblemKind::BadId { id },
                obj.path().key(key),
                obj.value_at(key),
            );
            None
        }
    }

    /// An array of ids; `None` when the key is absent (or not an array).
    pub(crate) fn id_list<N: Node>(&mut self, obj: &Obj<N>, key: &str) -> Option<Vec<String>> {
        let item = obj.get(key)?;
        let path = obj.path().key(key);
        let Some(array) = item.inline_array() else {
            self.wrong_type(Expected::ArrayOfStrings, item, path, obj.key_at(key));
            return None;
        };
        let mut ids = Vec::with_capacity(array.len());
        for (i, value) in array.into_iter().enumerate() {
            let at = value.start();
            match value.as_str() {
                Some(id) if is_valid_id(id) => ids.push(id.to_string()),
                Some(id) => self.report(ProblemKind::BadId { id: id.into() }, path.index(i), at),
                None => self.report(
                    ProblemKind::WrongType {
                        expected: Expected::String,
                        found: value.type_name(self.text),
                    },
                    path.index(i),
                    at,
                ),
            }
        }
        Some(ids)
    }

    /// An array of strings each one of `allowed`; `None` when the key is absent (or not an
    /// array). A string that is not one of them is reported at its index and left out.
    pub(crate) fn choice_list<N: Node>(
        &mut self,
        obj: &Obj<N>,
        key: &str,
        allowed: &'static [&'static str],
    ) -> Option<Vec<String>> {
        let item = obj.get(key)?;
        let path = obj.path().key(key);
        let Some(array) = item.inline_array() else {
            self.wrong_type(Expected::ArrayOfStrings, item, path, obj.key_at(key));
            return None;
        };
        let mut out = Vec::with_capacity(array.len());
        for (i, value) in array.into_iter().enumerate() {
            let at = value.start();
            match value.as_str() {
                Some(v) if allowed.contains(&v) => out.push(v.to_string()),
                Some(v) => self.report(
                    ProblemKind::BadChoice {
                        value: v.to_string(),
                        allowed,
                    },
                    path.index(i),
                    at,
                ),
                None => self.report(
                    ProblemKind::WrongType {
                        expected: Expected::String,
                        found: value.type_name(self.text),
                    },
                    path.index(i),
                    at,
                ),
            }
        }
        Some(out)
    }

    /// A required TOML local date (`2027-01-10`, no time, no offset): a missing one, or a
    /// value of another type (a string, a date with a time), is reported.
    pub(crate) fn date<N: Node>(&mut self, obj: &Obj<N>, key: &'static str) -> Option<Date> {
        let Some(item) = obj.get(key) else {
            self.missing(obj, key);
            return None;
        };
        match item.as_datetime() {
            Some(Datetime {
                date: Some(date),
                time: None,
                offset: None,
            }) => Some(*date),
            _ => {
                self.wrong_type(Expected::Date, item, obj.path().key(key), obj.key_at(key));
                None
            }
        }
    }

    /// Reports `old` as an older spelling of `new` when a table has both (the older one
    /// is read only when it is alone).
    pub(crate) fn both_keys<N: Node>(
        &mut self,
        obj: &Obj<N>,
        old: &'static str,
        new: &'static str,
    ) {
        if obj.has(old) && obj.has(new) {
            self.report(
                ProblemKind::OldKeyWithNew { old, new },
                obj.path().key(old),
                obj.key_at(old),
            );
        }
    }

    /// A decimal from an integer, a float (read from its text) or a string.
    pub(crate) fn decimal<N: Node>(&mut self, obj: &Obj<N>, key: &str) -> Option<Decimal> {
        let item = obj.get(key)?;
        self.decimal_of(obj, key, item)
    }

    /// [`Self::decimal`] of an item already found under `key`.
    pub(super) fn decimal_of<N: Node>(
        &mut self,
        obj: &Obj<N>,
        key: &str,
        item: &N,
    ) -> Option<Decimal> {
        let path = || obj.path().key(key);
        let at = item.start().or_else(|| obj.key_at(key));
        let parsed = match item.number(self.text) {
            Some(Number::Integer(i)) => Ok(Decimal::from(i)),
            Some(Number::Float(text)) => {
                parse_decimal_text(&text).map_err(|reason| (text.into_owned(), reason))
            }
            Some(Number::String(s)) => {
                parse_decimal_text(s).map_err(|reason| (s.to_string(), reason))
            }
            None => {
                self.wrong_type(Expected::Decimal, item, path(), at);
                return None;
            }
        };
        match parsed {
            Ok(value) => Some(value),
            Err((text, reason)) => {
                self.report(ProblemKind::NotDecimal { text, reason }, path(), at);
                None
            }
        }
    }

    /// A required decimal in `[0, MAX_SCORE]` (a maximum, a base, points): 0 when
    /// missing or bad.
    pub(crate) fn non_negative<N: Node>(&mut self, obj: &Obj<N>, key: &'static str) -> Decimal {
        if obj.get(key).is_none() {
            self.missing(obj, key);
            return Decimal::ZERO;
        }
        match self.decimal(obj, key) {
            Some(value) if value < Decimal::ZERO => {
                self.report(
                    ProblemKind::Negative { value },
                    obj.path().key(key),
                    obj.value_at(key),
                );
                Decimal::ZERO
            }
            Some(value) if value > MAX_SCORE => {
                self.report(
                    ProblemKind::OutOfRange {
                        value: value.to_string(),
                        range: SCORE_RANGE,
                    },
                    obj.path().key(key),
                    obj.value_at(key),
                );
                Decimal::ZERO
            }
            Some(value) => value,
            None => Decimal::ZERO,
        }
    }

    /// An optional policy decimal that must satisfy `ok` (its range shown as `range`).
    pub(crate) fn ranged<N: Node>(
        &mut self,
        obj: &Obj<N>,
        key: &str,
        default: Decimal,
        range: &'static str,
        ok: impl Fn(Decimal) -> bool,
    ) -> Decimal {
        match self.decimal(obj, key) {
            Some(value) if ok(value) => value,
            Some(value) => {
                self.report(
                    ProblemKind::OutOfRange {
                        value: value.to_string(),
                        range,
                    },
                    obj.path().key(key),
                    obj.value_at(key),
                );
                default
            }
            None => default,
        }
    }

    /// An optional whole number in `[min, max]`.
    pub(crate) fn whole<N: Node>(
        &mut self,
        obj: &Obj<N>,
        key: &str,
        min: u32,
        max: u32,
    ) -> Option<u32> {
        let item = obj.get(key)?;
        let path = obj.path().key(key);
        let at = obj.value_at(key);
        let Some(value) = item.as_integer() else {
            let text = item
                .written(self.text)
                .unwrap_or_else(|| item.type_name(self.text).to_string());
            self.report(ProblemKind::NotWholeNumber { text }, path, at);
            return None;
        };
        match u32::try_from(value) {
            Ok(v) if v >= min && v <= max => Some(v),
            _ => {
                let range = if max == u32::MAX {
                    if min == 0 { "[0, ∞)" } else { "[1, ∞)" }
                } else {
                    "[0, 10]"
                };
                self.report(
                    ProblemKind::OutOfRange {
                        value: value.to_string(),
                        range,
                    },
                    path,
                    at,
                );
                None
            }
        }
    }
}

/// Reads a table made of these pairs with `read`, as the loader would read it from a
/// file (keys outside `keys` are reported): what it gives, and the problems found. This
/// is how an edit's value is checked before it is written ([`crate::project::scheme`]).
pub(crate) fn read_back<T>(
    pairs: Vec<(&str, Value)>,
    keys: &[&'static str],
    read: impl FnOnce(&mut Loader, &Obj<Item>) -> T,
) -> (T, Vec<Problem>) {
    let mut table = toml_edit::Table::new();
    for (key, value) in pairs {
        table.insert(key, Item::Value(value));
    }
    let obj = Obj {
        table: Some(&table as &dyn TableLike),
        path: PathRef::Owned(TomlPath::root()),
        at: None,
    };
    let mut loader = Loader::new("", false);
    loader.check_keys(&obj, keys);
    let read = read(&mut loader, &obj);
    (read, loader.problems)
}

/// The allowed key closest to a mistyped one (at most two edits away).
pub(super) fn nearest(key: &str, allowed: &[&'static str]) -> Option<&'static str> {
    allowed
        .iter()
        .map(|a| (edit_distance(key, a), *a))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROW_KEYS: &[&str] = &["target", "actual", "status", "deduction", "prep"];

    #[test]
    fn edit_distance_and_suggestions() {
        assert_eq!(edit_distance("actaul", "actual"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(nearest("acutal", ROW_KEYS), Some("actual"));
        assert_eq!(nearest("xyzzy", ROW_KEYS), None);
    }
}

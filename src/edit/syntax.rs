//! Format-preserving changes to `toml_edit` tables and arrays: a value is replaced in place
//! keeping its decor (the spacing around it and a trailing comment), a new key or element
//! is placed and spaced like its neighbours, and a removed one takes no comment that
//! belongs to another with it.
//!
//! Decor, as `toml_edit` parses it: in `{ a = 1, b = 2 }` the first key's prefix and the
//! last value's suffix are the spaces inside the braces; in `[ "x", "y" ]` each element's
//! prefix is the space (or line break and indentation, or the previous line's comment)
//! before it and the last element's suffix the space before `]`; in a standard table the
//! comment lines above a key are that key's prefix, and a comment after a value is the
//! value's suffix.

use super::{insertion_index, rank_in, rank_of_id};
use crate::project::{is_valid_id, parse_decimal_text};
use rust_decimal::Decimal;
use toml_edit::{
    Array, ArrayOfTables, Decor, InlineTable, Item, Key, RawString, Table, TableLike, Value,
};

/// The text of a decor part (empty when it is the default).
pub(super) fn raw(part: Option<&RawString>) -> &str {
    part.and_then(RawString::as_str).unwrap_or("")
}

fn set_prefix(decor: &mut Decor, prefix: Option<RawString>) {
    let suffix = decor.suffix().cloned();
    decor.clear();
    if let Some(p) = prefix {
        decor.set_prefix(p);
    }
    if let Some(s) = suffix {
        decor.set_suffix(s);
    }
}

fn set_suffix(decor: &mut Decor, suffix: Option<RawString>) {
    let prefix = decor.prefix().cloned();
    decor.clear();
    if let Some(p) = prefix {
        decor.set_prefix(p);
    }
    if let Some(s) = suffix {
        decor.set_suffix(s);
    }
}

/// A value as a decimal, read the way the loader reads it (a float from its text).
fn decimal_of(v: &Value) -> Option<Decimal> {
    match v {
        Value::Integer(i) => Some(Decimal::from(*i.value())),
        Value::Float(f) => parse_decimal_text(&f.display_repr()).ok(),
        Value::String(s) => parse_decimal_text(s.value()).ok(),
        _ => None,
    }
}

/// Whether `old` already reads as `new` (so that it is left exactly as written: `"5.6"`,
/// `1_000`, a literal string). Decimals must agree in value and in scale.
fn same(old: &Value, new: &Value) -> bool {
    match new {
        Value::String(s) => old.as_str() == Some(s.value().as_str()),
        Value::Boolean(b) => old.as_bool() == Some(*b.value()),
        Value::Integer(_) | Value::Float(_) => match (decimal_of(old), decimal_of(new)) {
            (Some(a), Some(b)) => a == b && a.scale() == b.scale(),
            _ => false,
        },
        _ => false,
    }
}

/// Replaces a value, keeping the old one's decor.
fn replace_value(old: &mut Value, new: Value) {
    let decor = old.decor().clone();
    *old = new;
    *old.decor_mut() = decor;
}

/// Where a new key goes.
#[derive(Clone, Copy)]
pub(super) enum Place<'o> {
    /// After the last present key that precedes it in this order of key names.
    Keys(&'o [&'o str]),
    /// After the last present key that precedes it in this order of ids (the scheme's).
    Ids(&'o [String]),
    /// At the end.
    End,
}

/// What to create when a table is missing.
#[derive(Clone, Copy)]
pub(super) enum NewTable {
    /// A `[header]` table (or a dotted one under a dotted table; an inline one under an
    /// inline table) at this document position (`None`: right after its parent's last).
    Standard {
        position: Option<isize>,
        implicit: bool,
    },
    /// An inline table.
    Inline,
}

/// A table-like item of the document: a standard (or dotted) table, or an inline table.
pub(super) enum Tab<'a> {
    Std(&'a mut Table),
    Inline(&'a mut InlineTable),
}

impl<'a> Tab<'a> {
    pub fn of(item: &'a mut Item) -> Option<Tab<'a>> {
        match item {
            Item::Table(t) => Some(Tab::Std(t)),
            Item::Value(Value::InlineTable(t)) => Some(Tab::Inline(t)),
            _ => None,
        }
    }

    fn like(&self) -> &dyn TableLike {
        match self {
            Tab::Std(t) => &**t,
            Tab::Inline(t) => &**t,
        }
    }

    fn like_mut(&mut self) -> &mut dyn TableLike {
        match self {
            Tab::Std(t) => &mut **t,
            Tab::Inline(t) => &mut **t,
        }
    }

    pub fn keys(&self) -> Vec<String> {
        self.like().iter().map(|(k, _)| k.to_string()).collect()
    }

    pub fn get(&self, key: &str) -> Option<&Item> {
        self.like().get(key).filter(|item| !item.is_none())
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Item> {
        self.like_mut().get_mut(key).filter(|item| !item.is_none())
    }

    /// A string value, as the loader reads an optional id (`None` unless a valid id).
    pub fn id(&self, key: &str) -> Option<String> {
        self.get(key)
            .and_then(Item::as_str)
            .filter(|s| is_valid_id(s))
            .map(str::to_string)
    }

    /// An array of ids, as the loader reads it: `None` when absent or not an array; the
    /// elements that are not valid ids are left out.
    pub fn ids(&self, key: &str) -> Option<Vec<String>> {
        let array = self.get(key)?.as_array()?;
        Some(
            array
                .iter()
                .filter_map(Value::as_str)
                .filter(|s| is_valid_id(s))
                .map(str::to_string)
                .collect(),
        )
    }

    /// The index a new key would get.
    pub fn place(&self, key: &str, place: Place) -> usize {
        let keys = self.keys();
        let keys = keys.iter().map(String::as_str);
        match place {
            Place::Keys(order) => match rank_in(order, key) {
                Some(rank) => insertion_index(keys, |k| rank_in(order, k), rank),
                None => self.like().len(),
            },
            Place::Ids(order) => match rank_of_id(order, key) {
                Some(rank) => insertion_index(keys, |k| rank_of_id(order, k), rank),
                None => self.like().len(),
            },
            Place::End => self.like().len(),
        }
    }

    pub fn child(&mut self, key: &str) -> Option<Tab<'_>> {
        self.get_mut(key).and_then(Tab::of)
    }

    /// The item at `key`, whatever it is.
    pub fn into_item(self, key: &str) -> Option<&'a mut Item> {
        match self {
            Tab::Std(t) => t.get_mut(key),
            Tab::Inline(t) => TableLike::get_mut(t, key),
        }
        .filter(|item| !item.is_none())
    }

    pub fn into_child(self, key: &str) -> Option<Tab<'a>> {
        match self {
            Tab::Std(t) => t.get_mut(key).and_then(Tab::of),
            Tab::Inline(t) => TableLike::get_mut(t, key).and_then(Tab::of),
        }
    }

    /// The table at `key`, created when missing: `new` under a standard table, an inline
    /// table under an inline one. `None` when `key` holds something else.
    pub fn into_child_or_new(mut self, key: &str, place: Place, new: NewTable) -> Option<Tab<'a>> {
        if self.get(key).is_none() {
            let at = self.place(key, place);
            let item = match (&self, new) {
                (Tab::Std(parent), NewTable::Standard { position, implicit }) => {
                    let mut t = Table::new();
                    t.set_implicit(implicit);
                    if parent.is_dotted() {
                        t.set_dotted(true);
                    } else {
                        t.set_position(position);
                    }
                    Item::Table(t)
                }
                _ => Item::Value(Value::InlineTable(InlineTable::new())),
            };
            self.insert_at(key, item, at);
        }
        self.into_child(key)
    }

    /// Sets `key` to `value`: in place, keeping the old value's decor, unless it already
    /// reads the same; a new key goes where `place` says.
    pub fn set(&mut self, key: &str, value: Value, place: Place) {
        let inline = matches!(self, Tab::Inline(_));
        match self.get_mut(key) {
            Some(Item::Value(old)) => {
                if !same(old, &value) {
                    replace_value(old, value);
                }
            }
            Some(item) => {
                // A table where a value belongs (only in a standard table).
                if !inline {
                    *item = Item::Value(value);
                }
            }
            None => {
                let at = self.place(key, place);
                self.insert_at(key, Item::Value(value), at);
            }
        }
    }

    /// Sets `key` like [`Self::set`], but an array of strings put over an array is changed
    /// element by element ([`sync_strings`]: the elements that stay keep their spacing and
    /// comments), and not at all when it already holds these ids as the loader reads them.
    pub fn put(&mut self, key: &str, value: Value, place: Place) {
        if let Value::Array(new) = &value
            && let Some(old) = self.ids(key)
        {
            let new: Option<Vec<String>> =
                new.iter().map(|v| v.as_str().map(str::to_string)).collect();
            if let Some(new) = new {
                if old != new {
                    self.set_ids(key, &new, false, place);
                }
                return;
            }
        }
        self.set(key, value, place);
    }

    /// Sets a string, or removes the key (`None`).
    pub fn set_str(&mut self, key: &str, value: Option<&str>, place: Place) {
        match value {
            Some(s) => self.set(key, Value::from(s), place),
            None => {
                self.remove(key);
            }
        }
    }

    /// Makes the array at `key` hold these ids, changing as few elements as it can; when
    /// `new` is empty and `remove_empty`, removes the key instead.
    pub fn set_ids(&mut self, key: &str, new: &[String], remove_empty: bool, place: Place) {
        if new.is_empty() && remove_empty {
            self.remove(key);
            return;
        }
        match self.get_mut(key) {
            Some(Item::Value(Value::Array(array))) => sync_strings(array, new),
            _ => {
                let array: Array = new.iter().map(String::as_str).collect();
                self.set(key, Value::Array(array), place);
            }
        }
    }

    /// Inserts a new key at `index` (an existing key is replaced where it is).
    pub fn insert_at(&mut self, key: &str, item: Item, index: usize) {
        match self {
            Tab::Std(t) => {
                // An implicit table shows its header once it has a value, and keeps it
                // when the value goes again, as it would after being written and read.
                if item.is_value() {
                    t.set_implicit(false);
                }
                if t.contains_key(key) {
                    t.insert(key, item);
                    return;
                }
                t.insert(key, item);
                move_later_keys(t, key, index);
            }
            Tab::Inline(t) => {
                if let Ok(value) = item.into_value() {
                    if let Some(old) = t.get_mut(key) {
                        replace_value(old, value);
                    } else {
                        inline_insert(t, key, value, index);
                    }
                }
            }
        }
    }

    /// Removes a key. In a standard table, a comment block above a removed value is
    /// handed down to the next value if that has none; in an inline table the spaces
    /// inside the braces stay.
    pub fn remove(&mut self, key: &str) -> Option<Item> {
        let index = self.like().iter().position(|(k, _)| k == key)?;
        match self {
            Tab::Std(t) => {
                let (removed_key, item) = t.remove_entry(key)?;
                let prefix = raw(removed_key.leaf_decor().prefix());
                if item.is_value() && prefix.contains('#') {
                    let next = t
                        .iter()
                        .skip(index)
                        .find(|(_, it)| it.is_value())
                        .map(|(k, _)| k.to_string());
                    if let Some(next) = next
                        && let Some(mut next_key) = t.key_mut(&next)
                        && !raw(next_key.leaf_decor().prefix()).contains('#')
                    {
                        next_key.leaf_decor_mut().set_prefix(prefix.to_string());
                    }
                }
                Some(item)
            }
            Tab::Inline(t) => {
                let (removed_key, value) = t.remove_entry(key)?;
                let len = t.len();
                if len > 0 && index == 0 {
                    let first = t.iter().next().map(|(k, _)| k.to_string());
                    if let Some(mut first) = first.and_then(|k| t.key_mut(&k)) {
                        set_prefix(
                            first.leaf_decor_mut(),
                            removed_key.leaf_decor().prefix().cloned(),
                        );
                    }
                }
                if len > 0 && index == len {
                    let last = t.iter().last().map(|(k, _)| k.to_string());
                    if let Some(last) = last.and_then(|k| t.get_mut(&k)) {
                        set_suffix(last.decor_mut(), value.decor().suffix().cloned());
                    }
                }
                Some(Item::Value(value))
            }
        }
    }
}

/// Keeps an emptied table visible: a dotted or implicit table without entries is not
/// printed at all, so that the entry it stands for (a score sheet, a row) would be lost.
/// A dotted one becomes `key = {}`, an implicit one gets its `[header]`.
pub(super) fn keep_visible(item: &mut Item) {
    match item {
        Item::Table(t) if t.is_empty() && t.is_dotted() => {
            *item = Item::Value(Value::InlineTable(InlineTable::new()));
        }
        Item::Table(t) if t.is_empty() && t.is_implicit() => t.set_implicit(false),
        Item::Value(Value::InlineTable(t)) if t.is_empty() && t.is_dotted() => {
            t.set_dotted(false);
        }
        _ => {}
    }
}

/// Moves every key after `index` (but `key`) to the end, so that `key`, just appended,
/// stands at `index`. Keys keep their formatting.
fn move_later_keys(t: &mut Table, key: &str, index: usize) {
    let later: Vec<String> = t
        .iter()
        .skip(index)
        .map(|(k, _)| k.to_string())
        .filter(|k| k != key)
        .collect();
    for k in later {
        if let Some((k, item)) = t.remove_entry(&k) {
            t.insert_formatted(&k, item);
        }
    }
}

/// Inserts into an inline table at `index`, spaced like `{ a = 1, b = 2 }`: the spaces
/// just inside the braces stay where they are.
fn inline_insert(t: &mut InlineTable, key: &str, mut value: Value, index: usize) {
    let keys: Vec<String> = t.iter().map(|(k, _)| k.to_string()).collect();
    let len = keys.len();
    let index = index.min(len);
    let mut key_prefix = RawString::from(" ");
    let mut value_suffix = RawString::from("");
    if len == 0 {
        value_suffix = RawString::from(" ");
    } else {
        if index == 0
            && let Some(mut first) = t.key_mut(&keys[0])
        {
            if let Some(p) = first.leaf_decor().prefix() {
                key_prefix = p.clone();
            }
            set_prefix(first.leaf_decor_mut(), Some(RawString::from(" ")));
        }
        if index == len
            && let Some(last) = t.get_mut(&keys[len - 1])
        {
            value_suffix = last
                .decor()
                .suffix()
                .cloned()
                .unwrap_or_else(|| RawString::from(" "));
            set_suffix(last.decor_mut(), Some(RawString::from("")));
        }
    }
    let new_key = Key::new(key).with_leaf_decor(Decor::new(key_prefix, " "));
    *value.decor_mut() = Decor::new(" ", value_suffix);
    t.insert_formatted(&new_key, value);
    for k in keys.iter().skip(index) {
        if let Some((k, v)) = t.remove_entry(k) {
            t.insert_formatted(&k, v);
        }
    }
}

/// The space that separates an element from the comma before it: the line break and
/// indentation of a multi-line array, else what the others use (a space by default).
fn separator(array: &Array) -> RawString {
    let len = array.len();
    let Some(model) = array.get(len.saturating_sub(1)) else {
        return RawString::from(" ");
    };
    // An element without decor of its own is printed with the default: none before the
    // first, a space before the others.
    let prefix = match model.decor().prefix() {
        Some(p) => raw(Some(p)),
        None if len >= 2 => " ",
        None => "",
    };
    if let Some(at) = prefix.rfind('\n') {
        RawString::from(format!("\n{}", &prefix[at + 1..]))
    } else if len >= 2 && prefix.chars().all(char::is_whitespace) {
        RawString::from(prefix.to_string())
    } else {
        RawString::from(" ")
    }
}

/// Inserts into an array at `index`, spaced like its elements.
pub(super) fn array_insert(array: &mut Array, index: usize, mut value: Value) {
    let len = array.len();
    let index = index.min(len);
    let (prefix, suffix) = if len == 0 {
        if raw(Some(array.trailing())).chars().all(char::is_whitespace) {
            array.set_trailing("");
        }
        let pad = if value.is_inline_table() { " " } else { "" };
        (RawString::from(pad), RawString::from(pad))
    } else if index == len {
        let prefix = separator(array);
        let mut suffix = RawString::from("");
        if let Some(last) = array.get_mut(len - 1) {
            if let Some(s) = last.decor().suffix() {
                suffix = s.clone();
            }
            set_suffix(last.decor_mut(), Some(RawString::from("")));
        }
        (prefix, suffix)
    } else if index == 0 {
        let sep = separator(array);
        let mut prefix = RawString::from("");
        if let Some(first) = array.get_mut(0) {
            if let Some(p) = first.decor().prefix() {
                prefix = p.clone();
            }
            set_prefix(first.decor_mut(), Some(sep));
        }
        (prefix, RawString::from(""))
    } else {
        (separator(array), RawString::from(""))
    };
    *value.decor_mut() = Decor::new(prefix, suffix);
    array.insert_formatted(index, value);
}

/// Removes an element: the next one takes its leading space (and any comment of the line
/// before), or, when it was the last, the one before takes its trailing space.
pub(super) fn array_remove(array: &mut Array, index: usize) -> Option<Value> {
    let len = array.len();
    if index >= len {
        return None;
    }
    let removed = array.remove(index);
    if index + 1 < len {
        if let Some(next) = array.get_mut(index) {
            set_prefix(next.decor_mut(), removed.decor().prefix().cloned());
        }
    } else if index > 0
        && let Some(before) = array.get_mut(index - 1)
    {
        set_suffix(before.decor_mut(), removed.decor().suffix().cloned());
    }
    Some(removed)
}

/// Makes an array of strings hold `new`: the elements that already match, in order, stay
/// as written; the others are removed and the missing ones appended.
pub(super) fn sync_strings(array: &mut Array, new: &[String]) {
    let mut i = 0;
    let mut j = 0;
    while i < array.len() {
        let keep = j < new.len() && array.get(i).and_then(Value::as_str) == Some(new[j].as_str());
        if keep {
            i += 1;
            j += 1;
        } else {
            array_remove(array, i);
        }
    }
    for id in &new[j..] {
        array_insert(array, array.len(), Value::from(id.as_str()));
    }
}

/// A list of tables: `[[key]]` tables, or an array of inline tables.
pub(super) enum List<'a> {
    Tables(&'a mut ArrayOfTables),
    Inline(&'a mut Array),
}

impl<'a> List<'a> {
    pub fn of(item: &'a mut Item) -> Option<List<'a>> {
        match item {
            Item::ArrayOfTables(a) => Some(List::Tables(a)),
            Item::Value(Value::Array(a)) => Some(List::Inline(a)),
            _ => None,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            List::Tables(a) => a.len(),
            List::Inline(a) => a.len(),
        }
    }

    pub fn get_mut(&mut self, index: usize) -> Option<Tab<'_>> {
        match self {
            List::Tables(a) => a.get_mut(index).map(Tab::Std),
            List::Inline(a) => a
                .get_mut(index)
                .and_then(Value::as_inline_table_mut)
                .map(Tab::Inline),
        }
    }

    /// Inserts a new element at `index` (clamped to the end) with these keys: a table
    /// placed right after the element before it, or an inline table spaced like the others.
    pub fn insert(&mut self, index: usize, pairs: Vec<(&str, Value)>) {
        match self {
            List::Tables(a) => {
                let mut t = Table::new();
                for (k, v) in pairs {
                    t.insert(k, Item::Value(v));
                }
                let index = index.min(a.len());
                a.insert(index, t);
            }
            List::Inline(a) => {
                let mut t = InlineTable::new();
                for (k, v) in pairs {
                    t.insert(k, v);
                }
                array_insert(a, index, Value::InlineTable(t));
            }
        }
    }

    /// Removes the element at `index`: the table (for `[[key]]` tables) or the value.
    pub fn remove(&mut self, index: usize) -> Option<Item> {
        match self {
            List::Tables(a) => (index < a.len()).then(|| Item::Table(a.remove(index))),
            List::Inline(a) => array_remove(a, index).map(Item::Value),
        }
    }
}

/// Every table of the document under `t` (itself included), in the order they are visited
/// when the document is printed.
pub(super) fn each_table<'t>(t: &'t Table, f: &mut dyn FnMut(&'t Table)) {
    f(t);
    for (_, item) in t.iter() {
        match item {
            Item::Table(sub) => each_table(sub, f),
            Item::ArrayOfTables(a) => {
                for sub in a.iter() {
                    each_table(sub, f);
                }
            }
            _ => {}
        }
    }
}

/// Whether a table prints a `[header]` line.
pub(super) fn has_header(t: &Table) -> bool {
    !(t.is_dotted() || t.is_implicit() && t.get_values().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml_edit::DocumentMut;

    fn array(text: &str) -> (DocumentMut, impl Fn(&mut DocumentMut) -> &mut Array) {
        let doc: DocumentMut = format!("a = {text}\n").parse().unwrap();
        (doc, |d: &mut DocumentMut| d["a"].as_array_mut().unwrap())
    }

    fn after(text: &str, f: impl FnOnce(&mut Array)) -> String {
        let (mut doc, get) = array(text);
        f(get(&mut doc));
        doc.to_string()
            .trim_end()
            .strip_prefix("a = ")
            .unwrap()
            .to_string()
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn arrays_keep_their_spacing() {
        let push = |a: &mut Array| array_insert(a, a.len(), Value::from("z"));
        assert_eq!(after(r#"["x"]"#, push), r#"["x", "z"]"#);
        assert_eq!(after(r#"["x","y"]"#, push), r#"["x","y","z"]"#);
        assert_eq!(after(r#"[ "x", "y" ]"#, push), r#"[ "x", "y", "z" ]"#);
        assert_eq!(after("[]", push), r#"["z"]"#);
        assert_eq!(
            after("[\n  \"x\",  # cx\n  \"y\",\n]", push),
            "[\n  \"x\",  # cx\n  \"y\",\n  \"z\",\n]"
        );
        let first = |a: &mut Array| array_insert(a, 0, Value::from("z"));
        assert_eq!(after(r#"[ "x", "y" ]"#, first), r#"[ "z", "x", "y" ]"#);
        assert_eq!(after(r#"["x"]"#, first), r#"["z", "x"]"#);
    }

    #[test]
    fn removing_keeps_brackets_and_comments_of_others() {
        let rm = |i: usize| move |a: &mut Array| drop(array_remove(a, i));
        assert_eq!(after(r#"[ "x", "y" ]"#, rm(0)), r#"[ "y" ]"#);
        assert_eq!(after(r#"[ "x", "y" ]"#, rm(1)), r#"[ "x" ]"#);
        assert_eq!(after(r#"["x", "y", "w"]"#, rm(1)), r#"["x", "w"]"#);
        assert_eq!(after(r#"[ "x" ]"#, rm(0)), "[]");
        assert_eq!(after(r#"["x"]"#, rm(5)), r#"["x"]"#);
        assert_eq!(
            after("[\n  \"x\",  # cx\n  \"y\",  # cy\n  \"w\",\n]", rm(1)),
            "[\n  \"x\",  # cx\n  \"w\",\n]"
        );
    }

    #[test]
    fn syncing_changes_only_what_differs() {
        let sync = |new: &'static [&'static str]| move |a: &mut Array| sync_strings(a, &ids(new));
        assert_eq!(
            after(r#"["a", "b", "c"]"#, sync(&["a", "c"])),
            r#"["a", "c"]"#
        );
        assert_eq!(
            after(r#"["a", "b"]"#, sync(&["a", "b", "c"])),
            r#"["a", "b", "c"]"#
        );
        assert_eq!(after(r#"["a", "b"]"#, sync(&["b", "a"])), r#"["b", "a"]"#);
        assert_eq!(after(r#"['a', "b"]"#, sync(&["a"])), r#"['a']"#);
        assert_eq!(after(r#"["a"]"#, sync(&[])), "[]");
    }

    fn inline_after(text: &str, f: impl FnOnce(&mut Tab)) -> String {
        let mut doc: DocumentMut = format!("t = {text}  # c\n").parse().unwrap();
        let mut tab = Tab::of(doc.get_mut("t").unwrap()).unwrap();
        f(&mut tab);
        doc.to_string()
            .trim_end()
            .strip_prefix("t = ")
            .unwrap()
            .to_string()
    }

    const ORDER: &[&str] = &["a", "b", "c"];

    #[test]
    fn inline_tables_keep_their_spacing() {
        let set = |k: &'static str| move |t: &mut Tab| t.set(k, Value::from(9), Place::Keys(ORDER));
        assert_eq!(
            inline_after("{ a = 1, b = 2 }", set("c")),
            "{ a = 1, b = 2, c = 9 }  # c"
        );
        assert_eq!(
            inline_after("{ b = 2, c = 3 }", set("a")),
            "{ a = 9, b = 2, c = 3 }  # c"
        );
        assert_eq!(
            inline_after("{ a = 1, c = 3 }", set("b")),
            "{ a = 1, b = 9, c = 3 }  # c"
        );
        assert_eq!(inline_after("{a = 1}", set("b")), "{a = 1, b = 9}  # c");
        assert_eq!(inline_after("{}", set("b")), "{ b = 9 }  # c");
        assert_eq!(
            inline_after("{ a = 1, b = 2 }", set("b")),
            "{ a = 1, b = 9 }  # c"
        );
        let rm = |k: &'static str| move |t: &mut Tab| drop(t.remove(k));
        assert_eq!(inline_after("{ a = 1, b = 2 }", rm("a")), "{ b = 2 }  # c");
        assert_eq!(inline_after("{ a = 1, b = 2 }", rm("b")), "{ a = 1 }  # c");
        assert_eq!(
            inline_after("{ a = 1, b = 2, c = 3 }", rm("b")),
            "{ a = 1, c = 3 }  # c"
        );
        assert_eq!(inline_after("{ a = 1 }", rm("a")), "{}  # c");
    }

    #[test]
    fn values_that_read_the_same_are_left_as_written() {
        let text = "a = \"5.6\"\nb = 1_000\nc = 'x'\nd = 5.50\n";
        let mut doc: DocumentMut = text.parse().unwrap();
        let mut root = Tab::Std(doc.as_table_mut());
        root.set("a", "5.6".parse().unwrap(), Place::End);
        root.set("b", Value::from(1000), Place::End);
        root.set("c", Value::from("x"), Place::End);
        root.set("d", "5.50".parse().unwrap(), Place::End);
        assert_eq!(doc.to_string(), text);
        let mut root = Tab::Std(doc.as_table_mut());
        root.set("d", "5.5".parse().unwrap(), Place::End);
        assert_eq!(
            doc.to_string(),
            "a = \"5.6\"\nb = 1_000\nc = 'x'\nd = 5.5\n"
        );
    }

    #[test]
    fn a_removed_key_hands_its_comment_block_down() {
        let text = "[t]\n# group\na = 1\nb = 2\n# other\nc = 3\n";
        let mut doc: DocumentMut = text.parse().unwrap();
        let mut t = Tab::of(doc.get_mut("t").unwrap()).unwrap();
        t.remove("a");
        assert_eq!(doc.to_string(), "[t]\n# group\nb = 2\n# other\nc = 3\n");
        let mut t = Tab::of(doc.get_mut("t").unwrap()).unwrap();
        t.remove("b");
        assert_eq!(doc.to_string(), "[t]\n# other\nc = 3\n");
    }

    #[test]
    fn new_keys_go_in_order_in_standard_tables() {
        let text = "[t]\na = 1  # one\nc = 3\n";
        let mut doc: DocumentMut = text.parse().unwrap();
        let mut t = Tab::of(doc.get_mut("t").unwrap()).unwrap();
        t.set("b", Value::from(2), Place::Keys(ORDER));
        assert_eq!(doc.to_string(), "[t]\na = 1  # one\nb = 2\nc = 3\n");
    }
}

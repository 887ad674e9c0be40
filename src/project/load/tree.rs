//! The two trees the loader walks, behind one small trait: toml_edit's document (kept by
//! a writable session, which saves through it) and the `toml` crate's borrowed
//! [`DeTable`] (half the time and a fraction of the memory: the read-only path). The
//! loader ([`super::reader`], the walk in [`super`] and every `Scheme::read`) is written
//! once against [`Node`] and [`Table`]; this file is the only one that reads either tree.
//!
//! Both trees give the same answers: type names are toml_edit's ("inline table", "array
//! of tables"), offsets are the starts of the same spans, and a number's literal is the
//! file's text under its span (an exact decimal is read from it).

use std::borrow::Cow;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};
use toml_edit::{Datetime, Item, TableLike, Value};

/// A number (or a string holding one) as the loader reads a decimal.
pub(crate) enum Number<'a> {
    Integer(i64),
    /// A float's literal, as written in the file.
    Float(Cow<'a, str>),
    String(&'a str),
}

/// A value of either tree (a toml_edit [`Item`], or a spanned [`DeValue`]).
pub(crate) trait Node: Sized {
    type Table: ?Sized + Table<Node = Self>;

    /// Its type, named as toml_edit names it; `text` is the file's text.
    fn type_name(&self, text: &str) -> &'static str;
    /// Where it starts in the text (an implicit table: where its key does).
    fn start(&self) -> Option<usize>;
    /// An empty slot (toml_edit's `Item::None`): read as absent.
    fn is_none(&self) -> bool;
    fn as_str(&self) -> Option<&str>;
    fn as_bool(&self) -> Option<bool>;
    fn as_integer(&self) -> Option<i64>;
    fn as_datetime(&self) -> Option<&Datetime>;
    /// A table, standard, implicit or inline.
    fn as_table(&self) -> Option<&Self::Table>;
    /// The elements of an inline array (`[ … ]`), not of an array of tables.
    fn inline_array(&self) -> Option<Vec<&Self>>;
    /// The elements of an array of tables or of an inline array.
    fn elements(&self) -> Option<Vec<&Self>>;
    /// An integer, a float (its literal from `text`) or a string.
    fn number<'a>(&'a self, text: &'a str) -> Option<Number<'a>>;
    /// A value as written, trimmed (`None` for a standard table or an array of tables).
    fn written(&self, text: &str) -> Option<String>;
}

/// A table of either tree.
pub(crate) trait Table {
    type Node: Node;

    fn get(&self, key: &str) -> Option<&Self::Node>;
    /// Where `key` is written (for a table made by a header, the key in the header).
    fn key_start(&self, key: &str) -> Option<usize>;
    /// Its keys and values in file order.
    fn entries(&self) -> impl Iterator<Item = (&str, &Self::Node)>;
}

// ---- toml_edit --------------------------------------------------------------------

fn span_start(span: Option<Range<usize>>) -> Option<usize> {
    span.map(|s| s.start)
}

impl Node for Item {
    type Table = dyn TableLike;

    fn type_name(&self, _text: &str) -> &'static str {
        Item::type_name(self)
    }

    fn start(&self) -> Option<usize> {
        span_start(self.span())
    }

    fn is_none(&self) -> bool {
        Item::is_none(self)
    }

    fn as_str(&self) -> Option<&str> {
        Item::as_str(self)
    }

    fn as_bool(&self) -> Option<bool> {
        Item::as_bool(self)
    }

    fn as_integer(&self) -> Option<i64> {
        Item::as_integer(self)
    }

    fn as_datetime(&self) -> Option<&Datetime> {
        Item::as_datetime(self)
    }

    fn as_table(&self) -> Option<&(dyn TableLike + 'static)> {
        match self {
            Item::Table(table) => Some(table),
            Item::Value(Value::InlineTable(table)) => Some(table),
            _ => None,
        }
    }

    fn inline_array(&self) -> Option<Vec<&Item>> {
        let array = self.as_array()?;
        Some((0..array.len()).filter_map(|i| self.get(i)).collect())
    }

    fn elements(&self) -> Option<Vec<&Item>> {
        let len = match self {
            Item::ArrayOfTables(array) => array.len(),
            Item::Value(Value::Array(array)) => array.len(),
            _ => return None,
        };
        Some((0..len).filter_map(|i| self.get(i)).collect())
    }

    fn number<'a>(&'a self, text: &'a str) -> Option<Number<'a>> {
        match self.as_value()? {
            Value::Integer(i) => Some(Number::Integer(*i.value())),
            Value::Float(f) => {
                // A float made in memory (an edit read back) has no span: its repr.
                let literal = match f.span().and_then(|s| text.get(s)) {
                    Some(literal) => Cow::Borrowed(literal),
                    None => f.display_repr(),
                };
                Some(Number::Float(literal))
            }
            Value::String(s) => Some(Number::String(s.value())),
            _ => None,
        }
    }

    fn written(&self, _text: &str) -> Option<String> {
        self.as_value().map(|v| v.to_string().trim().to_string())
    }
}

impl Table for dyn TableLike {
    type Node = Item;

    fn get(&self, key: &str) -> Option<&Item> {
        TableLike::get(self, key)
    }

    fn key_start(&self, key: &str) -> Option<usize> {
        span_start(self.key(key).and_then(|k| k.span()))
    }

    fn entries(&self) -> impl Iterator<Item = (&str, &Item)> {
        self.iter()
    }
}

// ---- toml's DeTable -----------------------------------------------------------------

/// A value of the read-only tree.
pub(crate) type DeNode<'i> = Spanned<DeValue<'i>>;

impl<'i> Node for DeNode<'i> {
    type Table = DeTable<'i>;

    fn type_name(&self, text: &str) -> &'static str {
        match self.get_ref() {
            DeValue::Table(_) if text.as_bytes().get(self.span().start) == Some(&b'{') => {
                "inline table"
            }
            DeValue::Array(_) if self.is_array_of_tables() => "array of tables",
            value => value.type_str(),
        }
    }

    fn start(&self) -> Option<usize> {
        Some(self.span().start)
    }

    fn is_none(&self) -> bool {
        false
    }

    fn as_str(&self) -> Option<&str> {
        self.get_ref().as_str()
    }

    fn as_bool(&self) -> Option<bool> {
        self.get_ref().as_bool()
    }

    fn as_integer(&self) -> Option<i64> {
        let i = self.get_ref().as_integer()?;
        i64::from_str_radix(i.as_str(), i.radix()).ok()
    }

    fn as_datetime(&self) -> Option<&Datetime> {
        self.get_ref().as_datetime()
    }

    fn as_table(&self) -> Option<&DeTable<'i>> {
        self.get_ref().as_table()
    }

    fn inline_array(&self) -> Option<Vec<&Self>> {
        match self.get_ref() {
            DeValue::Array(array) if !self.is_array_of_tables() => Some(array.iter().collect()),
            _ => None,
        }
    }

    fn elements(&self) -> Option<Vec<&Self>> {
        Some(self.get_ref().as_array()?.iter().collect())
    }

    fn number<'a>(&'a self, text: &'a str) -> Option<Number<'a>> {
        match self.get_ref() {
            DeValue::Integer(_) => self.as_integer().map(Number::Integer),
            DeValue::Float(f) => Some(Number::Float(Cow::Borrowed(
                text.get(self.span()).unwrap_or(f.as_str()),
            ))),
            DeValue::String(s) => Some(Number::String(s)),
            _ => None,
        }
    }

    fn written(&self, text: &str) -> Option<String> {
        match self.get_ref() {
            DeValue::Table(_) if self.type_name(text) == "table" => None,
            DeValue::Array(_) if self.is_array_of_tables() => None,
            // As toml_edit shows a value of its document (which keeps no text): in its
            // own default format.
            value => Some(edit_value(value).to_string().trim().to_string()),
        }
    }
}

/// Whether a problem names a value's type as a standard "table": from the light tree,
/// that may be a table made by a dotted key inside an inline table, which toml_edit
/// names "inline table" (see `ReadOnly::load_as`).
pub(crate) fn names_a_dotted_table(problem: &crate::project::problem::Problem) -> bool {
    matches!(
        problem.kind,
        crate::project::problem::ProblemKind::WrongType { found: "table", .. }
    )
}

/// What the read-only tree does not say outright.
trait ArrayOfTables {
    fn is_array_of_tables(&self) -> bool;
}

impl ArrayOfTables for DeNode<'_> {
    /// An array of tables (`[[key]]`) starts where its first table's header does; an
    /// inline array starts one `[` before its first element.
    fn is_array_of_tables(&self) -> bool {
        match self.get_ref() {
            DeValue::Array(array) => array.first().is_some_and(|first| {
                first.get_ref().is_table() && first.span().start == self.span().start
            }),
            _ => false,
        }
    }
}

impl<'i> Table for DeTable<'i> {
    type Node = DeNode<'i>;

    fn get(&self, key: &str) -> Option<&DeNode<'i>> {
        DeTable::get(self, key)
    }

    fn key_start(&self, key: &str) -> Option<usize> {
        self.get_key_value(key).map(|(k, _)| k.span().start)
    }

    fn entries(&self) -> impl Iterator<Item = (&str, &DeNode<'i>)> {
        self.iter().map(|(k, v)| (k.get_ref().as_ref(), v))
    }
}

/// A value of the light tree as a toml_edit value (for [`Node::written`]).
fn edit_value(value: &DeValue) -> Value {
    match value {
        DeValue::String(s) => Value::from(s.as_ref()),
        DeValue::Integer(i) => Value::from(i64::from_str_radix(i.as_str(), i.radix()).unwrap_or(0)),
        DeValue::Float(f) => Value::from(f.as_str().parse::<f64>().unwrap_or(f64::NAN)),
        DeValue::Boolean(b) => Value::from(*b),
        DeValue::Datetime(d) => Value::from(*d),
        DeValue::Array(array) => {
            Value::Array(array.iter().map(|v| edit_value(v.get_ref())).collect())
        }
        DeValue::Table(table) => Value::InlineTable(
            table
                .iter()
                .map(|(k, v)| (k.get_ref().as_ref(), edit_value(v.get_ref())))
                .collect(),
        ),
    }
}

/// Whether every integer fits an `i64` and every float is finite (unless written as
/// `inf`) and well formed: what toml_edit's parser checks and the `DeTable` leaves to
/// later. A file that fails this is read through toml_edit, for its syntax error.
pub(crate) fn numbers_are_valid(value: &DeValue) -> bool {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).is_ok(),
        DeValue::Float(f) => match f.as_str().parse::<f64>() {
            Ok(x) => {
                !x.is_infinite()
                    || f.as_str()
                        .trim_start_matches(['+', '-'])
                        .chars()
                        .all(|c| c.is_ascii_alphabetic())
            }
            Err(_) => false,
        },
        DeValue::Array(array) => array.iter().all(|v| numbers_are_valid(v.get_ref())),
        DeValue::Table(table) => table.values().all(|v| numbers_are_valid(v.get_ref())),
        DeValue::String(_) | DeValue::Boolean(_) | DeValue::Datetime(_) => true,
    }
}

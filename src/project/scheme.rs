//! What the tables of the scheme have in common, so that the loader, [`to_toml`] and both
//! edit appliers handle every key of them the same way, with no code per key.
//!
//! Each table has one file that holds everything about it: its struct, the keys it
//! accepts, how it is read and written, and (for the entries that can be edited) its
//! fields — [`Policy`](super::Policy) in `policy.rs`, [`Sections`](super::Sections) in
//! `sections.rs`, and the entries of the root lists in `org_item.rs`, `department.rs`,
//! `unit.rs`, `area.rs`, `indicator.rs`, `award.rs` and `procedure.rs` (and
//! `nominee.rs`, a list without ids: a [`Scheme`] that is not an [`Entry`]). Adding a key
//! to one of them is a change to that file only:
//!
//! 1. the struct's field (with its doc comment);
//! 2. its name in [`Scheme::KEYS`], in SPEC §2's order (any other key is an error, and
//!    an edit places a new key in this order);
//! 3. a line in [`Scheme::read`], with the loader's helpers (`l.string(o, "measure")`, …);
//! 4. a pair in [`Scheme::pairs`], saying whether the value is the default (see
//!    [`Written`]);
//! 5. to make it editable: a variant of the table's field enum (`IndicatorField`,
//!    `PolicyField`, …) and its arm in [`Field::key`], [`Field::value`] and
//!    [`Field::apply`] — and the pair of step 4 written through it
//!    (`field(F::Measure(self.measure.clone()))`), so that an edit writes the key exactly
//!    as a new file does;
//! 6. to show it in the terminal program's form of the entry: its line in [`Field::FORM`]
//!    (`form(K::OptText, |i: &Indicator| F::Measure(i.measure.clone()))`: how its value is
//!    typed, and the field holding an entry's current value), and its label in both
//!    languages in `src/i18n/fields.rs` (a test there lists every key without one).
//!
//! The edit appliers then set or remove the key in the entry's table (keeping the file's
//! formatting; see [`crate::edit`]) or apply the field to the struct, and whether an edit's
//! value can be written at all is checked by reading it back ([`Field::is_well_formed`]).
//! The form needs no code of its own either: what it shows is the value the field writes
//! ([`typed_text`]), and what is typed becomes the field by being read back the same way
//! ([`Field::from_text`]), so the loader's rules (ranges, choices, ids) are the form's.
//! Code elsewhere builds these structs on `..Default::default()`; the compiler points at
//! the few literals that spell out every field on purpose (the generators of the tests),
//! which should generate the new field too.
//!
//! Awards, nominees and procedure steps have no edits yet: a new key of theirs is read
//! and written with the steps 1–4. An award's first edit needs an `Edit` variant
//! (`SetAward { id, field: AwardField }`, like `SetArea` or `SetOrgItem`) whose arms call
//! the appliers' generic `set_field`, and a `Subject` in `crate::edit::form` to list them
//! in the terminal program. From then on a field is steps 5 and 6. `[policy]` and
//! `[sections]` are single tables ([`Single`]), found by their root key
//! (`Edit::SetPolicy`, `Edit::SetSections`). A key that replaces an older spelling names
//! it in [`Field::replaces`]: the loader reads the older one when it is alone, and an
//! edit of the new one removes it.
//!
//! [`to_toml`]: super::to_toml

use super::load::reader::{self, Loader, Node, Obj};
use super::problem::{ProblemKind, RefKind};
use super::{PathSeg, Project, decimal_value, parse_decimal_text, typed_digits};
use rust_decimal::Decimal;
use toml_edit::Value;

/// What one key of a scheme table holds, as kaoping writes it.
#[derive(Debug, Clone)]
pub(crate) enum Written {
    /// `key = value`.
    Value(Value),
    /// `key = value`, where the value is the one the loader reads when the key is absent
    /// (`bonus = false`, `direction = "at_least"`, `responsible = []`): a new file writes
    /// it, a new entry added to a file leaves it out, and an edit writes it only over a
    /// key that is already there.
    Default(Value),
    /// No key: an optional value that is not set.
    Absent,
}

impl Written {
    /// This value, marked as the default when `is_default`.
    pub(crate) fn default_when(self, is_default: bool) -> Written {
        match self {
            Written::Value(v) if is_default => Written::Default(v),
            other => other,
        }
    }

    /// The value to write in a new file (defaults included).
    pub(crate) fn in_new_file(self) -> Option<Value> {
        match self {
            Written::Value(v) | Written::Default(v) => Some(v),
            Written::Absent => None,
        }
    }

    /// The value to write in a new entry of an existing file (defaults left out).
    pub(crate) fn in_new_entry(self) -> Option<Value> {
        match self {
            Written::Value(v) => Some(v),
            Written::Default(_) | Written::Absent => None,
        }
    }
}

/// A table of the scheme: `[policy]`, `[sections]`, or an entry of a root list. Its
/// default is what the loader reads from an empty table (every optional key absent).
pub(crate) trait Scheme: Sized + Clone + PartialEq + Default {
    /// Every key it accepts, in SPEC §2's order: any other key is an error, and an edit
    /// places a new key after the last present one that precedes it here.
    const KEYS: &'static [&'static str];

    /// Reads it from its table (the keys were already checked against [`Self::KEYS`]).
    fn read<N: Node>(l: &mut Loader, o: &Obj<N>) -> Self;

    /// Its keys as written, in the order a new file writes them.
    fn pairs(&self) -> Vec<(&'static str, Written)>;
}

/// `impl Entry` for the entry of a root list: the list's key and the `Project` field
/// that holds it (`entry!(Area, "areas", areas);`).
macro_rules! entry {
    ($ty:ty, $list:literal, $field:ident) => {
        impl $crate::project::scheme::Entry for $ty {
            const LIST: &'static str = $list;

            fn id(&self) -> &str {
                &self.id
            }

            fn list(p: &$crate::project::Project) -> &[Self] {
                &p.$field
            }

            fn list_mut(p: &mut $crate::project::Project) -> &mut Vec<Self> {
                &mut p.$field
            }
        }
    };
}
pub(crate) use entry;

/// An entry of a root list (`[[indicators]]`, …), known by its id.
pub(crate) trait Entry: Scheme {
    /// The root key of its list.
    const LIST: &'static str;

    fn id(&self) -> &str;

    /// Its list in a project.
    fn list(p: &Project) -> &[Self];

    fn list_mut(p: &mut Project) -> &mut Vec<Self>;

    /// Whether it can be written to a file and read back as itself, with no problem: every
    /// id an ASCII slug, every decimal one the file holds exactly and in its range, every
    /// choice one the loader accepts. The loader is the one judge of what a value may be.
    fn is_well_formed(&self) -> bool {
        let pairs = self
            .pairs()
            .into_iter()
            .filter_map(|(key, written)| Some((key, written.in_new_file()?)))
            .collect();
        let (back, problems) = reader::read_back(pairs, Self::KEYS, Self::read);
        problems.is_empty() && back == *self
    }
}

/// A table that is the only one of its kind, under a root key: `[policy]`, `[sections]`.
pub(crate) trait Single: Scheme {
    /// Its root key.
    const ROOT: &'static str;

    /// It, in a project.
    fn of(p: &Project) -> &Self;

    fn of_mut(p: &mut Project) -> &mut Self;
}

/// One editable field of a table, with its new value.
pub(crate) trait Field: Sized + 'static {
    /// The table it is a field of: an entry of a list ([`Entry`]) or a [`Single`] table.
    type Table: Scheme;

    /// The fields a form lists, in its order: how each is typed, and the field holding a
    /// table's current value. A field left out here is edited by other means (the roles
    /// of an indicator are).
    const FORM: &'static [FormKey<Self>];

    /// The key it writes.
    fn key(&self) -> &'static str;

    /// What it writes under [`Self::key`].
    fn value(&self) -> Written;

    /// Sets it on the table.
    fn apply(&self, table: &mut Self::Table);

    /// An entry its value names, which must exist for the edit to change anything (an
    /// indicator's area).
    fn names(&self) -> Option<Ref<'_>> {
        None
    }

    /// Older spellings of its key, which an edit of it removes (`[policy]`'s
    /// `veto_blocks_single_item` when `single_item_veto` is set): the file must not hold
    /// both.
    fn replaces(&self) -> &'static [&'static str] {
        &[]
    }

    /// Whether its value reads back as itself, with no problem (see
    /// [`Entry::is_well_formed`]).
    fn is_well_formed(&self) -> bool {
        let key = self.key();
        let pairs = self.value().in_new_file().map(|v| (key, v)).into_iter();
        let (back, problems) =
            reader::read_back(pairs.collect(), Self::Table::KEYS, Self::Table::read);
        let mut applied = back.clone();
        self.apply(&mut applied);
        // The other keys are missing from the table read: only this key's problems count.
        let own = |seg: Option<&PathSeg>| matches!(seg, Some(PathSeg::Key(k)) if k == key);
        applied == back && !problems.iter().any(|p| own(p.path.0.first()))
    }

    /// The field of `key` with the value `text` gives it, as a form types it (see
    /// [`InputKind`]): read back from a table holding only that key, by the loader, so
    /// that a value the file could not hold is refused with the problem the loader would
    /// report (`bonus_share = 2`: out of `[0, 1]`); a key the form does not list is an
    /// unknown key.
    fn from_text(key: &str, text: &str, p: &Project) -> Result<Self, ProblemKind> {
        match Self::FORM.iter().find(|f| f.key() == key) {
            Some(line) => line.read(text, p),
            None => Err(ProblemKind::UnknownKey {
                key: key.to_string(),
                suggestion: None,
            }),
        }
    }
}

// ---- forms -------------------------------------------------------------------------------

/// How a field's value is typed in a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Free text, not empty (a name).
    Text,
    /// Free text; empty removes the key.
    OptText,
    /// A decimal (full-width digits and `。` as the point are taken).
    Decimal,
    /// A decimal; empty removes the key.
    OptDecimal,
    /// A whole number.
    Whole,
    /// Yes or no (`true` / `false`): flipped rather than typed.
    Toggle,
    /// One of these names: cycled, or typed.
    Choice(&'static [&'static str]),
    /// One of these names, or none (empty removes the key): cycled through them and
    /// none, or typed.
    OptChoice(&'static [&'static str]),
    /// A whole number; empty removes the key.
    OptWhole,
    /// Kinds of unit (`county`, `zone`, `department`), separated by commas, spaces or
    /// `、`; empty removes the key (all three).
    Kinds,
    /// A department, by id or name; empty removes the key.
    OptDepartment,
    /// Counties and the zone, by id or name, separated by commas, spaces or `、`; empty
    /// removes the key, `[]` is an empty list.
    Units,
    /// An area, by id or name.
    Area,
}

impl InputKind {
    /// Whether an empty value is allowed (it removes the key).
    pub fn optional(self) -> bool {
        matches!(
            self,
            InputKind::OptText
                | InputKind::OptDecimal
                | InputKind::Units
                | InputKind::OptChoice(_)
                | InputKind::OptWhole
                | InputKind::Kinds
                | InputKind::OptDepartment
        )
    }
}

/// One line of a table's form: how the value is typed, and the field that holds a
/// table's current value (which also says the key, [`FormKey::key`]).
pub(crate) struct FormKey<F: Field> {
    pub input: InputKind,
    pub get: fn(&F::Table) -> F,
}

/// A line of [`Field::FORM`].
pub(crate) const fn form<F: Field>(input: InputKind, get: fn(&F::Table) -> F) -> FormKey<F> {
    FormKey { input, get }
}

impl<F: Field> FormKey<F> {
    /// The key it edits.
    pub fn key(&self) -> &'static str {
        (self.get)(&F::Table::default()).key()
    }

    /// The table's value, as the form shows it for typing.
    pub fn text(&self, table: &F::Table) -> String {
        typed_text(&(self.get)(table).value())
    }

    /// The field with the value `text` gives it (see [`Field::from_text`]).
    fn read(&self, text: &str, p: &Project) -> Result<F, ProblemKind> {
        let key = self.key();
        let value = typed_value(self.input, key, text, p)?;
        let pairs = value.map(|v| (key, v)).into_iter().collect();
        let (back, problems) = reader::read_back(pairs, F::Table::KEYS, F::Table::read);
        // The other keys are missing from the table read: only this key's problems count.
        let own = |seg: Option<&PathSeg>| matches!(seg, Some(PathSeg::Key(k)) if k == key);
        match problems.into_iter().find(|p| own(p.path.0.first())) {
            Some(problem) => Err(problem.kind),
            None => Ok((self.get)(&back)),
        }
    }
}

/// What a field writes, as a form shows it for typing: a string as it is, a number as
/// written (`0.20` keeps its places), `true` / `false`, ids joined by `, ` (`[]` for an
/// empty list); "" when it writes no key.
pub(crate) fn typed_text(written: &Written) -> String {
    fn text_of(v: &Value) -> String {
        match v {
            Value::String(s) => s.value().clone(),
            Value::Integer(i) => i.value().to_string(),
            Value::Float(f) => f.display_repr().into_owned(),
            Value::Boolean(b) => b.value().to_string(),
            // An empty list (`units = []`: none) is not an absent one (all).
            Value::Array(a) if a.is_empty() => "[]".into(),
            Value::Array(a) => a.iter().map(text_of).collect::<Vec<_>>().join(", "),
            other => other.to_string().trim().to_string(),
        }
    }
    match written {
        Written::Value(v) | Written::Default(v) => text_of(v),
        Written::Absent => String::new(),
    }
}

/// The value typed for `key` as the file would hold it (`None`: no key), or why it is
/// none: empty where a value is needed (as if the key were missing), not a number, a unit
/// or area that does not exist. Whether the value is in range or one of the choices is
/// left to the loader.
fn typed_value(
    input: InputKind,
    key: &'static str,
    text: &str,
    p: &Project,
) -> Result<Option<Value>, ProblemKind> {
    let t = text.trim();
    if t.is_empty() {
        return if input.optional() {
            Ok(None)
        } else {
            Err(ProblemKind::MissingKey { key })
        };
    }
    let value = match input {
        InputKind::Text | InputKind::OptText | InputKind::Choice(_) | InputKind::OptChoice(_) => {
            Value::from(t)
        }
        InputKind::Decimal | InputKind::OptDecimal => {
            let d =
                parse_decimal_text(&typed_digits(t)).map_err(|reason| ProblemKind::NotDecimal {
                    text: t.to_string(),
                    reason,
                })?;
            decimal_value(d)
        }
        InputKind::Whole | InputKind::OptWhole => match typed_digits(t).parse::<i64>() {
            Ok(n) => Value::from(n),
            Err(_) => {
                return Err(ProblemKind::NotWholeNumber {
                    text: t.to_string(),
                });
            }
        },
        InputKind::Toggle => match t {
            "true" => Value::from(true),
            "false" => Value::from(false),
            // The loader says what it expected.
            other => Value::from(other),
        },
        InputKind::Units if t == "[]" => Value::Array(toml_edit::Array::new()),
        InputKind::Units => Value::Array(typed_units(p, t)?.iter().map(String::as_str).collect()),
        InputKind::Area => match p.areas.iter().find(|a| a.id == t || a.name == t) {
            Some(area) => Value::from(area.id.as_str()),
            None => return Err(unknown(RefKind::Area, t)),
        },
        // The loader says which are not kinds.
        InputKind::Kinds => Value::Array(tokens(t).collect()),
        InputKind::OptDepartment => match p.departments.iter().find(|d| d.id == t || d.name == t) {
            Some(d) => Value::from(d.id.as_str()),
            None => return Err(unknown(RefKind::Department, t)),
        },
    };
    Ok(Some(value))
}

/// Units typed as ids or names, separated by commas, spaces or 、 (as a person types a
/// list): their ids, or the first one that is no unit.
pub fn typed_units(p: &Project, text: &str) -> Result<Vec<String>, ProblemKind> {
    tokens(text)
        .map(|token| {
            p.units
                .iter()
                .find(|u| u.id == token || u.name == token)
                .map(|u| u.id.clone())
                .ok_or_else(|| unknown(RefKind::Unit, token))
        })
        .collect()
}

/// The items of a list as a person types it: separated by commas, spaces or 、.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', '，', '、', ' '])
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

fn unknown(kind: RefKind, id: &str) -> ProblemKind {
    ProblemKind::UnknownRef {
        kind,
        id: id.to_string(),
    }
}

/// A reference from a field's value to an entry of another list.
pub(crate) struct Ref<'a> {
    /// The root key of the list it names.
    pub list: &'static str,
    pub id: &'a str,
    /// Whether a project has it.
    pub exists: fn(&Project, &str) -> bool,
}

impl<'a> Ref<'a> {
    /// The entry of `E`'s list with this id.
    pub(crate) fn to<E: Entry>(id: &'a str) -> Ref<'a> {
        Ref {
            list: E::LIST,
            id,
            exists: |p, id| E::list(p).iter().any(|e| e.id() == id),
        }
    }
}

// ---- values as written ----------------------------------------------------------------

/// The key and value an editable field writes, as a pair of [`Scheme::pairs`].
pub(crate) fn field(f: impl Field) -> (&'static str, Written) {
    (f.key(), f.value())
}

pub(crate) fn text(s: &str) -> Written {
    Written::Value(Value::from(s))
}

pub(crate) fn opt_text(s: Option<&str>) -> Written {
    s.map_or(Written::Absent, text)
}

pub(crate) fn decimal(d: Decimal) -> Written {
    Written::Value(decimal_value(d))
}

pub(crate) fn opt_decimal(d: Option<Decimal>) -> Written {
    d.map_or(Written::Absent, decimal)
}

pub(crate) fn whole(n: u32) -> Written {
    Written::Value(Value::from(i64::from(n)))
}

pub(crate) fn opt_whole(n: Option<u32>) -> Written {
    n.map_or(Written::Absent, whole)
}

pub(crate) fn flag(b: bool) -> Written {
    Written::Value(Value::from(b))
}

/// An array of ids.
pub(crate) fn ids(list: &[String]) -> Written {
    Written::Value(Value::Array(list.iter().map(String::as_str).collect()))
}

pub(crate) fn opt_ids(list: Option<&[String]>) -> Written {
    list.map_or(Written::Absent, ids)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Checks what every scheme table must satisfy: each key it writes is one it accepts,
    /// and it writes every key it accepts.
    pub(crate) fn check_keys<S: Scheme>(sample: &S) {
        let written: Vec<&str> = sample.pairs().iter().map(|(k, _)| *k).collect();
        let mut sorted = written.clone();
        sorted.sort_unstable();
        let mut accepted = S::KEYS.to_vec();
        accepted.sort_unstable();
        assert_eq!(
            sorted,
            accepted,
            "pairs {written:?} against KEYS {:?}",
            S::KEYS
        );
    }

    /// Checks that an entry reads back as itself from what it writes.
    pub(crate) fn check_entry<E: Entry + std::fmt::Debug>(sample: &E) {
        check_keys(sample);
        assert!(sample.is_well_formed(), "{sample:?} does not read back");
    }

    /// Checks that an edit of a field is well formed and that applying it to a table
    /// makes the table write what the field writes.
    pub(crate) fn check_field<F: Field + std::fmt::Debug>(mut entry: F::Table, field: F) {
        assert!(field.is_well_formed(), "{field:?}");
        field.apply(&mut entry);
        let pairs = entry.pairs();
        let written = pairs
            .iter()
            .find(|(k, _)| *k == field.key())
            .map(|(_, w)| format!("{w:?}"));
        assert_eq!(written, Some(format!("{:?}", field.value())), "{field:?}");
    }

    /// Checks a table's form: each line edits a key of the table, once, and what it shows
    /// of `sample` reads back as the same field (in `p`, which holds the units and areas
    /// it names).
    pub(crate) fn check_form<F: Field + std::fmt::Debug + PartialEq>(
        sample: &F::Table,
        p: &Project,
    ) {
        let keys: Vec<&str> = F::FORM.iter().map(FormKey::key).collect();
        for (i, key) in keys.iter().enumerate() {
            assert!(
                F::Table::KEYS.contains(key),
                "{key} is not a key of the table"
            );
            assert!(!keys[..i].contains(key), "{key} twice in the form");
        }
        for line in F::FORM {
            let shown = line.text(sample);
            let back = F::from_text(line.key(), &shown, p);
            assert_eq!(
                back,
                Ok((line.get)(sample)),
                "{} shown as {shown:?}",
                line.key()
            );
        }
    }
}

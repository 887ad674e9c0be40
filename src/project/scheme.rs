//! What the tables of the scheme have in common, so that the loader, [`to_toml`] and both
//! edit appliers handle every key of them the same way, with no code per key.
//!
//! Each table has one file that holds everything about it: its struct, the keys it
//! accepts, how it is read and written, and (for the entries that can be edited) its
//! fields — [`Policy`](super::Policy) in `policy.rs`, [`Sections`](super::Sections) in
//! `sections.rs`, and the entries of the root lists in `org_item.rs`, `department.rs`,
//! `unit.rs`, `area.rs`, `indicator.rs` and `award.rs`. Adding a key to one of them is a
//! change to that file only:
//!
//! 1. the struct's field (with its doc comment);
//! 2. its name in [`Scheme::KEYS`], in SPEC §2's order (any other key is an error, and
//!    an edit places a new key in this order);
//! 3. a line in [`Scheme::read`], with the loader's helpers (`l.string(o, "measure")`, …);
//! 4. a pair in [`Scheme::pairs`], saying whether the value is the default (see
//!    [`Written`]);
//! 5. to make it editable: a variant of the entry's field enum (`IndicatorField`, …) and
//!    its arm in [`Field::key`], [`Field::value`] and [`Field::apply`] — and the pair of
//!    step 4 written through it (`field(F::Measure(self.measure.clone()))`), so that an
//!    edit writes the key exactly as a new file does.
//!
//! The edit appliers then set or remove the key in the entry's table (keeping the file's
//! formatting; see [`crate::edit`]) or apply the field to the struct, and whether an edit's
//! value can be written at all is checked by reading it back ([`Field::is_well_formed`]).
//! Code elsewhere builds these structs on `..Default::default()`; the compiler points at
//! the few literals that spell out every field on purpose (the generators of the tests),
//! which should generate the new field too.
//!
//! Organisation items, awards, `[policy]` and `[sections]` have no edits yet: a new key of
//! theirs is read and written with the steps 1–4. The first edit of an organisation item
//! or an award needs an `Edit` variant (`SetAward { id, field: AwardField }`, like
//! `SetArea`) whose arms call the appliers' generic `set_field`; `[policy]` and
//! `[sections]` are single tables, not entries with an id, so their first edit also needs
//! a `set_field` that finds the table by its root key. From then on a field is step 5.
//!
//! [`to_toml`]: super::to_toml

use super::load::reader::{self, Loader, Obj};
use super::{PathSeg, Project, decimal_value};
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

/// A table of the scheme: `[policy]`, `[sections]`, or an entry of a root list.
pub(crate) trait Scheme: Sized + Clone + PartialEq {
    /// Every key it accepts, in SPEC §2's order: any other key is an error, and an edit
    /// places a new key after the last present one that precedes it here.
    const KEYS: &'static [&'static str];

    /// Reads it from its table (the keys were already checked against [`Self::KEYS`]).
    fn read(l: &mut Loader, o: &Obj) -> Self;

    /// Its keys as written, in the order a new file writes them.
    fn pairs(&self) -> Vec<(&'static str, Written)>;
}

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

/// One editable field of an entry, with its new value.
pub(crate) trait Field {
    type Entry: Entry;

    /// The key it writes.
    fn key(&self) -> &'static str;

    /// What it writes under [`Self::key`].
    fn value(&self) -> Written;

    /// Sets it on the entry.
    fn apply(&self, entry: &mut Self::Entry);

    /// An entry its value names, which must exist for the edit to change anything (an
    /// indicator's area).
    fn names(&self) -> Option<Ref<'_>> {
        None
    }

    /// Whether its value reads back as itself, with no problem (see
    /// [`Entry::is_well_formed`]).
    fn is_well_formed(&self) -> bool {
        let key = self.key();
        let pairs = self.value().in_new_file().map(|v| (key, v)).into_iter();
        let (back, problems) =
            reader::read_back(pairs.collect(), Self::Entry::KEYS, Self::Entry::read);
        let mut applied = back.clone();
        self.apply(&mut applied);
        // The other keys are missing from the table read: only this key's problems count.
        let own = |seg: Option<&PathSeg>| matches!(seg, Some(PathSeg::Key(k)) if k == key);
        applied == back && !problems.iter().any(|p| own(p.path.0.first()))
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

    /// Checks that an edit of a field is well formed and that applying it to an entry
    /// makes the entry write what the field writes.
    pub(crate) fn check_field<F: Field + std::fmt::Debug>(mut entry: F::Entry, field: F) {
        assert!(field.is_well_formed(), "{field:?}");
        field.apply(&mut entry);
        let pairs = entry.pairs();
        let written = pairs
            .iter()
            .find(|(k, _)| *k == field.key())
            .map(|(_, w)| format!("{w:?}"));
        assert_eq!(written, Some(format!("{:?}", field.value())), "{field:?}");
    }
}

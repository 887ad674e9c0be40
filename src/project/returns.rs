//! `[[returns]]`: the returns taken in by `kaoping import` (SPEC §7) — one entry per
//! file, written by the import, read back to say who has sent what (`kaoping status`)
//! and to know a file already taken in. A list without ids, like [`super::Nominee`].
//!
//! Also [`SheetKind`]: which of a unit's two sheets a value belongs to, the assessed
//! `[scores.<id>]` or the self-check `[selfcheck.<id>]` (same shape, scored alike).

use super::load::reader::{Loader, Node, Obj};
use super::procedure::date_value;
use super::scheme::{Scheme, Written, text};
use toml_edit::{Date, Value};

/// Which sheet of a unit: what the office assessed, or what the unit said of itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SheetKind {
    /// `[scores.<id>]`: the assessed figures, which are ranked.
    #[default]
    Scores,
    /// `[selfcheck.<id>]`: the unit's (or department's) own 总结自查.
    Selfcheck,
}

impl SheetKind {
    pub const NAMES: &'static [&'static str] = &["scores", "selfcheck"];

    /// The root key of the sheets of this kind, and its name in `into = "…"`.
    pub fn key(self) -> &'static str {
        match self {
            SheetKind::Scores => "scores",
            SheetKind::Selfcheck => "selfcheck",
        }
    }

    pub fn from_key(key: &str) -> Option<SheetKind> {
        match key {
            "scores" => Some(SheetKind::Scores),
            "selfcheck" => Some(SheetKind::Selfcheck),
            _ => None,
        }
    }
}

/// One return taken in: a file, who sent it, for which step, into which sheets.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnEntry {
    /// The file's name as it was taken in (no folder).
    pub file: String,
    /// The SHA-256 of the file's bytes, lowercase hex: the same file twice is known.
    pub sha256: String,
    /// The unit or department that sent it.
    pub from: String,
    /// The procedure step it answers (a `[[procedure]]` id).
    pub step: String,
    /// The sheets its values went into.
    pub into: SheetKind,
    /// The day it was taken in.
    pub received: Date,
    /// How many values it set.
    pub rows: u32,
}

impl Default for ReturnEntry {
    fn default() -> Self {
        ReturnEntry {
            file: String::new(),
            sha256: String::new(),
            from: String::new(),
            step: String::new(),
            into: SheetKind::Scores,
            received: super::Step::default().due,
            rows: 0,
        }
    }
}

impl ReturnEntry {
    /// The root key of the list.
    pub const LIST: &'static str = "returns";
}

impl Scheme for ReturnEntry {
    const KEYS: &'static [&'static str] =
        &["file", "sha256", "from", "step", "into", "received", "rows"];

    fn read<N: Node>(l: &mut Loader, o: &Obj<N>) -> Self {
        let file = l.string(o, "file").unwrap_or_else(|| {
            l.missing(o, "file");
            String::new()
        });
        let sha256 = l.string(o, "sha256").unwrap_or_else(|| {
            l.missing(o, "sha256");
            String::new()
        });
        ReturnEntry {
            file,
            sha256,
            from: l.id(o, "from"),
            step: l.id(o, "step"),
            into: l
                .choice(o, "into", SheetKind::NAMES, true)
                .as_deref()
                .and_then(SheetKind::from_key)
                .unwrap_or_default(),
            received: l.date(o, "received").unwrap_or(super::Step::default().due),
            rows: l.whole(o, "rows", 0, u32::MAX).unwrap_or(0),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        vec![
            ("file", text(&self.file)),
            ("sha256", text(&self.sha256)),
            ("from", text(&self.from)),
            ("step", text(&self.step)),
            ("into", text(self.into.key())),
            ("received", Written::Value(date_value(self.received))),
            ("rows", Written::Value(Value::from(i64::from(self.rows)))),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::load::reader::read_back;
    use crate::project::scheme::tests::check_keys;

    #[test]
    fn reads_back_what_it_writes() {
        let entry = ReturnEntry {
            file: "人社局考核表.xlsx".into(),
            sha256: "ab".repeat(32),
            from: "hrss".into(),
            step: "assessment".into(),
            into: SheetKind::Selfcheck,
            received: Date {
                year: 2027,
                month: 1,
                day: 18,
            },
            rows: 48,
        };
        check_keys(&entry);
        let pairs = entry
            .pairs()
            .into_iter()
            .filter_map(|(k, w)| Some((k, w.in_new_file()?)))
            .collect();
        let (back, problems) = read_back(pairs, ReturnEntry::KEYS, ReturnEntry::read);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back, entry);
    }

    #[test]
    fn into_is_scores_or_selfcheck() {
        let pairs = vec![
            ("file", Value::from("a.xlsx")),
            ("sha256", Value::from("00")),
            ("from", Value::from("hrss")),
            ("step", Value::from("assessment")),
            ("into", Value::from("ranking")),
            ("received", "2027-01-18".parse().unwrap()),
            ("rows", Value::from(3)),
        ];
        let (_, problems) = read_back(pairs, ReturnEntry::KEYS, ReturnEntry::read);
        assert_eq!(problems.len(), 1, "{problems:?}");
    }
}

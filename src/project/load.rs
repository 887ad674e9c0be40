//! From the text of a project file to a [`Project`]: TOML syntax, the shape of every
//! table, types, ids and exact decimals. Each problem carries the TOML path and the byte
//! offset of the key or value concerned.
//!
//! Values that reference other values (an indicator's area, a score above its maximum)
//! are checked afterwards by [`crate::check`], on the typed project.

use super::decimal::parse_decimal_text;
use super::keys::*;
use super::path::{PathSeg, TomlPath};
use super::*;
use crate::project::problem::{Expected, Problem, ProblemKind};
use toml_edit::{Document, Item, TableLike, Value};

/// What loading a text gave: the project (unless the text is not TOML at all, or names
/// another format) and the problems found on the way.
#[derive(Debug, Clone)]
pub struct LoadOutcome {
    pub project: Option<Project>,
    pub problems: Vec<Problem>,
}

/// Reads a project from the text of a file.
pub fn load(text: &str) -> LoadOutcome {
    match parse(text) {
        Ok(doc) => load_document(&doc),
        Err(problem) => LoadOutcome {
            project: None,
            problems: vec![problem],
        },
    }
}

/// Parses the text as TOML, keeping every value's place; a syntax error as a problem.
pub fn parse(text: &str) -> Result<Document<&str>, Problem> {
    Document::parse(text).map_err(|err| {
        let message = err.message().trim().to_string();
        Problem::new(ProblemKind::Syntax { message }, TomlPath::root())
            .at(err.span().map(|s| s.start))
    })
}

/// Reads a project from a parsed document.
pub fn load_document(doc: &Document<&str>) -> LoadOutcome {
    load_document_as(doc, false)
}

/// Reads a project from a parsed document; with `newer`, a file that names a newer
/// `kaoping/N` format is read as `kaoping/1` (to show it read-only: what this version
/// does not know still fails as unknown keys).
pub fn load_document_as(doc: &Document<&str>, newer: bool) -> LoadOutcome {
    let mut loader = Loader {
        text: doc.raw(),
        problems: Vec::new(),
        accept_newer: newer,
    };
    let project = loader.project(doc.as_table());
    LoadOutcome {
        project,
        problems: loader.problems,
    }
}

/// The byte offset of the value at `path` in `text` (or of the nearest enclosing table
/// that exists), for problems found after loading.
pub fn locate(doc: &Document<&str>, path: &TomlPath) -> Option<usize> {
    let mut item = doc.as_item();
    let mut best = None;
    for seg in &path.0 {
        let next = match seg {
            PathSeg::Key(k) => {
                let Some(table) = item.as_table_like() else {
                    break;
                };
                if let Some(key_at) = table.key(k).and_then(|key| key.span()) {
                    best = Some(key_at.start);
                }
                table.get(k)
            }
            PathSeg::Index(n) => item.get(*n),
        };
        match next {
            Some(next) => {
                item = next;
                if let Some(span) = item.span() {
                    best = Some(span.start);
                }
            }
            None => break,
        }
    }
    best
}

struct Loader<'t> {
    text: &'t str,
    problems: Vec<Problem>,
    /// Read a newer `kaoping/N` as if it were `kaoping/1`.
    accept_newer: bool,
}

/// A table being read: remembers its path so that every problem can name it.
struct Obj<'d, 'p> {
    table: &'d dyn TableLike,
    path: PathRef<'p>,
    at: Option<usize>,
}

/// A table's path, built only when a problem needs it (a file has hundreds of thousands
/// of rows and, mostly, no problems).
enum PathRef<'p> {
    Owned(TomlPath),
    /// The parent's path and this table's key.
    Child(&'p TomlPath, &'p str),
}

impl<'d> Obj<'d, '_> {
    fn path(&self) -> TomlPath {
        match &self.path {
            PathRef::Owned(path) => path.clone(),
            PathRef::Child(parent, key) => parent.key(key),
        }
    }

    fn get(&self, key: &str) -> Option<&'d Item> {
        self.table.get(key).filter(|item| !item.is_none())
    }

    fn key_at(&self, key: &str) -> Option<usize> {
        self.table
            .key(key)
            .and_then(|k| k.span())
            .map(|s| s.start)
            .or(self.at)
    }

    fn value_at(&self, key: &str) -> Option<usize> {
        self.get(key)
            .and_then(Item::span)
            .map(|s| s.start)
            .or_else(|| self.key_at(key))
    }
}

/// [`MAX_SCORE`] as a range, for messages.
const SCORE_RANGE: &str = "[0, 1000000000]";
const UNIT_KINDS: &[&str] = &["county", "zone"];
const STATUSES: &[&str] = &["complete", "incomplete"];

impl<'t> Loader<'t> {
    fn report(&mut self, kind: ProblemKind, path: TomlPath, at: Option<usize>) {
        self.problems.push(Problem::new(kind, path).at(at));
    }

    fn project(&mut self, root: &toml_edit::Table) -> Option<Project> {
        let root = Obj {
            table: root,
            path: PathRef::Owned(TomlPath::root()),
            at: Some(0),
        };
        self.check_keys(&root, ROOT_KEYS);
        match self.string(&root, "format") {
            None => self.report(
                ProblemKind::MissingKey { key: "format" },
                TomlPath::root(),
                Some(0),
            ),
            Some(found) if found != FORMAT => {
                let newer = format_version(&found).is_some_and(|v| v > 1);
                if newer && self.accept_newer {
                    return self.project_body(&root);
                }
                self.report(
                    ProblemKind::UnsupportedFormat { found, newer },
                    TomlPath::keys(&["format"]),
                    root.value_at("format"),
                );
                // Another format's keys would only produce noise.
                return None;
            }
            Some(_) => {}
        }
        self.project_body(&root)
    }

    /// Everything but `format`.
    fn project_body(&mut self, root: &Obj) -> Option<Project> {
        let title = self.string(root, "title").unwrap_or_default();
        let policy = match self.sub_table(root, "policy") {
            Some(obj) => self.policy(&obj),
            None => Policy::default(),
        };
        let sections = match self.sub_table(root, "sections") {
            Some(obj) => self.sections(&obj),
            None => {
                self.report(
                    ProblemKind::MissingKey { key: "sections" },
                    TomlPath::root(),
                    Some(0),
                );
                Sections::default()
            }
        };
        let organization = self.list(root, "organization", ORG_KEYS, |l, o| OrgItem {
            id: l.id(o, "id"),
            name: l.name(o),
            max: l.non_negative(o, "max"),
        });
        let departments = self.list(root, "departments", DEPARTMENT_KEYS, |l, o| Department {
            id: l.id(o, "id"),
            name: l.name(o),
        });
        let units = self.list(root, "units", UNIT_KEYS, |l, o| Unit {
            id: l.id(o, "id"),
            name: l.name(o),
            kind: match l.choice(o, "kind", UNIT_KINDS, true).as_deref() {
                Some("zone") => UnitKind::Zone,
                _ => UnitKind::County,
            },
        });
        let areas = self.list(root, "areas", AREA_KEYS, |l, o| Area {
            id: l.id(o, "id"),
            name: l.name(o),
            max: l.non_negative(o, "max"),
        });
        let indicators = self.list(root, "indicators", INDICATOR_KEYS, |l, o| Indicator {
            id: l.id(o, "id"),
            area: l.id(o, "area"),
            name: l.name(o),
            base: l.non_negative(o, "base"),
            bonus: l.bool(o, "bonus").unwrap_or(false),
            measure: l.string(o, "measure"),
            direction: match l.choice(o, "direction", Direction::NAMES, false).as_deref() {
                Some("at_most") => Direction::AtMost,
                _ => Direction::AtLeast,
            },
            lead: l.opt_id(o, "lead"),
            responsible: l.id_list(o, "responsible").unwrap_or_default(),
            co: l.id_list(o, "co").unwrap_or_default(),
            units: l.id_list(o, "units"),
            pilot: l.id_list(o, "pilot"),
        });
        let awards = self.list(root, "awards", AWARD_KEYS, |l, o| Award {
            id: l.id(o, "id"),
            name: l.name(o),
            count: l.whole(o, "count", 1, u32::MAX).unwrap_or(1),
            areas: l.id_list(o, "areas").unwrap_or_default(),
            lead: l.opt_id(o, "lead"),
            organization: l.id_list(o, "organization").unwrap_or_default(),
        });
        let scores = match self.sub_table(root, "scores") {
            Some(obj) => self.scores(&obj),
            None => IndexMap::new(),
        };
        Some(Project {
            title,
            policy,
            sections,
            organization,
            departments,
            units,
            areas,
            indicators,
            awards,
            scores,
        })
    }

    fn policy(&mut self, obj: &Obj) -> Policy {
        self.check_keys(obj, POLICY_KEYS);
        let d = Policy::default();
        let share = |l: &mut Self, key: &str, default: Decimal, positive: bool| {
            let range = if positive { "(0, 1]" } else { "[0, 1]" };
            l.ranged(obj, key, default, range, |v| {
                v <= Decimal::ONE && (v > Decimal::ZERO || (!positive && v.is_zero()))
            })
        };
        let bonus_share = share(self, "bonus_share", d.bonus_share, false);
        let shortfall_step = share(self, "shortfall_step", d.shortfall_step, true);
        let shortfall_rate = share(self, "shortfall_rate", d.shortfall_rate, false);
        let deduction_cap = share(self, "deduction_cap", d.deduction_cap, false);
        let points = |l: &mut Self, key: &str, default: Decimal| {
            l.ranged(obj, key, default, SCORE_RANGE, |v| {
                v >= Decimal::ZERO && v <= MAX_SCORE
            })
        };
        let penalty_provincial = points(self, "penalty_provincial", d.penalty_provincial);
        let penalty_municipal = points(self, "penalty_municipal", d.penalty_municipal);
        let shortfall_mode = self
            .choice(obj, "shortfall_mode", ShortfallMode::NAMES, false)
            .and_then(|name| ShortfallMode::from_name(&name))
            .unwrap_or(d.shortfall_mode);
        Policy {
            score_decimals: self
                .whole(obj, "score_decimals", 0, 10)
                .unwrap_or(d.score_decimals),
            bonus_share,
            shortfall_step,
            shortfall_rate,
            shortfall_mode,
            deduction_cap,
            penalty_provincial,
            penalty_municipal,
            comprehensive_awards: self
                .whole(obj, "comprehensive_awards", 0, u32::MAX)
                .unwrap_or(d.comprehensive_awards),
            department_awards: self
                .whole(obj, "department_awards", 0, u32::MAX)
                .unwrap_or(d.department_awards),
            last_place: self.bool(obj, "last_place").unwrap_or(d.last_place),
            veto_blocks_single_item: self
                .bool(obj, "veto_blocks_single_item")
                .unwrap_or(d.veto_blocks_single_item),
        }
    }

    fn sections(&mut self, obj: &Obj) -> Sections {
        self.check_keys(obj, SECTIONS_KEYS);
        Sections {
            total: self.non_negative(obj, "total"),
            survey: self.non_negative(obj, "survey"),
            task: self.non_negative(obj, "task"),
            organization: if obj.get("organization").is_some() {
                Some(self.non_negative(obj, "organization"))
            } else {
                None
            },
        }
    }

    fn scores(&mut self, obj: &Obj) -> IndexMap<String, UnitScores> {
        let mut scores = IndexMap::new();
        for (id, item) in obj.table.iter() {
            let path = obj.path().key(id);
            if !is_valid_id(id) {
                self.report(ProblemKind::BadId { id: id.into() }, path, obj.key_at(id));
                continue;
            }
            let Some(unit) = self.as_obj(item, path, obj.key_at(id)) else {
                continue;
            };
            scores.insert(id.to_string(), self.unit_scores(&unit));
        }
        scores
    }

    fn unit_scores(&mut self, obj: &Obj) -> UnitScores {
        self.check_keys(obj, SCORE_KEYS);
        let survey = obj.get("survey").and_then(|_| self.decimal(obj, "survey"));
        let mut organization = IndexMap::new();
        if let Some(org) = self.sub_table(obj, "organization") {
            for (id, _) in org.table.iter() {
                if !is_valid_id(id) {
                    let path = org.path().key(id);
                    self.report(ProblemKind::BadId { id: id.into() }, path, org.key_at(id));
                } else if let Some(value) = self.decimal(&org, id) {
                    organization.insert(id.to_string(), value);
                }
            }
        }
        let penalties = self.list(obj, "penalties", PENALTY_KEYS, |l, o| l.penalty(o));
        let mut indicators = IndexMap::new();
        if let Some(rows) = self.sub_table(obj, "indicators") {
            let rows_path = rows.path();
            for (id, item) in rows.table.iter() {
                if !is_valid_id(id) {
                    let path = rows_path.key(id);
                    self.report(ProblemKind::BadId { id: id.into() }, path, rows.key_at(id));
                    continue;
                }
                match item.as_table_like() {
                    Some(table) => {
                        let row = Obj {
                            table,
                            path: PathRef::Child(&rows_path, id),
                            at: item.span().map(|s| s.start).or(rows.key_at(id)),
                        };
                        indicators.insert(id.to_string(), self.row(&row));
                    }
                    None => {
                        self.wrong_type(Expected::Table, item, rows_path.key(id), rows.key_at(id))
                    }
                }
            }
        }
        UnitScores {
            survey,
            organization,
            penalties,
            indicators,
        }
    }

    fn penalty(&mut self, obj: &Obj) -> Penalty {
        let note = self.string(obj, "note").unwrap_or_default();
        let level = self.choice(obj, "level", PenaltyKind::LEVELS, false);
        let has_points = obj.get("points").is_some();
        let kind = match (level.as_deref(), has_points) {
            (Some("provincial"), false) => PenaltyKind::Provincial,
            (Some("municipal"), false) => PenaltyKind::Municipal,
            (None, true) if obj.get("level").is_none() => {
                PenaltyKind::Points(self.non_negative(obj, "points"))
            }
            _ => {
                // Both, or neither, or a bad level already reported by `choice`.
                if has_points == obj.get("level").is_some() {
                    self.report(ProblemKind::PenaltyLevelOrPoints, obj.path(), obj.at);
                }
                PenaltyKind::Points(Decimal::ZERO)
            }
        };
        Penalty { kind, note }
    }

    /// One indicator row: its kind is given by its keys; keys of two kinds are an error.
    /// Read in one pass over its keys (a file can have hundreds of thousands of rows).
    fn row(&mut self, obj: &Obj) -> Row {
        let (mut target, mut actual, mut status, mut deduction, mut prep) =
            (None, None, None, None, None);
        for (key, item) in obj.table.iter() {
            let slot = match key {
                "target" => &mut target,
                "actual" => &mut actual,
                "status" => &mut status,
                "deduction" => &mut deduction,
                "prep" => &mut prep,
                _ => {
                    let suggestion = nearest(key, ROW_KEYS);
                    self.report(
                        ProblemKind::UnknownKey {
                            key: key.to_string(),
                            suggestion,
                        },
                        obj.path().key(key),
                        obj.key_at(key),
                    );
                    continue;
                }
            };
            *slot = Some(item).filter(|item| !item.is_none());
        }
        let kinds = [
            target.is_some() || actual.is_some(),
            status.is_some() || deduction.is_some(),
            prep.is_some(),
        ];
        if kinds.iter().filter(|k| **k).count() > 1 {
            let keys = obj
                .table
                .iter()
                .map(|(k, _)| k.to_string())
                .filter(|k| ROW_KEYS.contains(&k.as_str()))
                .collect();
            self.report(ProblemKind::MixedRow { keys }, obj.path(), obj.at);
            return Row::pending();
        }
        if kinds[1] {
            let complete = match self.choice(obj, "status", STATUSES, true).as_deref() {
                Some("complete") => true,
                Some(_) => false,
                None => return Row::pending(),
            };
            let deduction = deduction.and_then(|item| self.decimal_of(obj, "deduction", item));
            if complete && deduction.is_some() {
                self.report(
                    ProblemKind::DeductionWhenComplete,
                    obj.path().key("deduction"),
                    obj.key_at("deduction"),
                );
            }
            return Row::Qualitative {
                complete,
                deduction,
            };
        }
        if let Some(item) = prep {
            return match self.decimal_of(obj, "prep", item) {
                Some(prep) => Row::Preparation { prep },
                None => Row::pending(),
            };
        }
        Row::Quantitative {
            target: target.and_then(|item| self.decimal_of(obj, "target", item)),
            actual: actual.and_then(|item| self.decimal_of(obj, "actual", item)),
        }
    }

    // ---- generic readers --------------------------------------------------------

    /// Reports every key of `obj` not in `allowed`, suggesting the nearest allowed one.
    fn check_keys(&mut self, obj: &Obj, allowed: &[&'static str]) {
        for (key, _) in obj.table.iter() {
            if !allowed.contains(&key) {
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
        }
    }

    fn as_obj<'d>(
        &mut self,
        item: &'d Item,
        path: TomlPath,
        at: Option<usize>,
    ) -> Option<Obj<'d, 'static>> {
        match item.as_table_like() {
            Some(table) => Some(Obj {
                table,
                path: PathRef::Owned(path),
                at: item.span().map(|s| s.start).or(at),
            }),
            None => {
                self.wrong_type(Expected::Table, item, path, at);
                None
            }
        }
    }

    fn sub_table<'d>(&mut self, obj: &Obj<'d, '_>, key: &str) -> Option<Obj<'d, 'static>> {
        let item = obj.get(key)?;
        self.as_obj(item, obj.path().key(key), obj.key_at(key))
    }

    fn wrong_type(&mut self, expected: Expected, item: &Item, path: TomlPath, at: Option<usize>) {
        let found = item.type_name();
        let at = item.span().map(|s| s.start).or(at);
        self.report(ProblemKind::WrongType { expected, found }, path, at);
    }

    /// An array of tables (`[[key]]`, or an array of inline tables), each read by `read`.
    /// An element that is not a table still yields a (default) entry so that indices
    /// stay those of the file.
    fn list<T>(
        &mut self,
        obj: &Obj,
        key: &str,
        allowed: &[&'static str],
        mut read: impl FnMut(&mut Self, &Obj) -> T,
    ) -> Vec<T> {
        let Some(item) = obj.get(key) else {
            return Vec::new();
        };
        let path = obj.path().key(key);
        let elements: Vec<&Item> = match item {
            Item::ArrayOfTables(array) => (0..array.len()).filter_map(|i| item.get(i)).collect(),
            Item::Value(Value::Array(array)) => {
                (0..array.len()).filter_map(|i| item.get(i)).collect()
            }
            _ => {
                self.wrong_type(Expected::ArrayOfTables, item, path, obj.key_at(key));
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(elements.len());
        for (i, element) in elements.into_iter().enumerate() {
            let element_path = path.index(i);
            let empty = toml_edit::Table::new();
            let element_obj = match element.as_table_like() {
                Some(table) => Obj {
                    table,
                    path: PathRef::Owned(element_path),
                    at: element.span().map(|s| s.start).or(obj.key_at(key)),
                },
                None => {
                    self.wrong_type(
                        Expected::Table,
                        element,
                        element_path.clone(),
                        obj.key_at(key),
                    );
                    Obj {
                        table: &empty,
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

    fn missing(&mut self, obj: &Obj, key: &'static str) {
        self.report(ProblemKind::MissingKey { key }, obj.path(), obj.at);
    }

    fn string(&mut self, obj: &Obj, key: &str) -> Option<String> {
        let item = obj.get(key)?;
        match item.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                self.wrong_type(Expected::String, item, obj.path().key(key), obj.key_at(key));
                None
            }
        }
    }

    fn name(&mut self, obj: &Obj) -> String {
        match obj.get("name") {
            Some(_) => self.string(obj, "name").unwrap_or_default(),
            None => {
                self.missing(obj, "name");
                String::new()
            }
        }
    }

    fn bool(&mut self, obj: &Obj, key: &str) -> Option<bool> {
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
    fn choice(
        &mut self,
        obj: &Obj,
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
    fn id(&mut self, obj: &Obj, key: &'static str) -> String {
        if obj.get(key).is_none() {
            self.missing(obj, key);
            return String::new();
        }
        self.opt_id(obj, key).unwrap_or_default()
    }

    fn opt_id(&mut self, obj: &Obj, key: &str) -> Option<String> {
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
    fn id_list(&mut self, obj: &Obj, key: &str) -> Option<Vec<String>> {
        let item = obj.get(key)?;
        let path = obj.path().key(key);
        let Some(array) = item.as_array() else {
            self.wrong_type(Expected::ArrayOfStrings, item, path, obj.key_at(key));
            return None;
        };
        let mut ids = Vec::with_capacity(array.len());
        for (i, value) in array.iter().enumerate() {
            let at = value.span().map(|s| s.start);
            match value.as_str() {
                Some(id) if is_valid_id(id) => ids.push(id.to_string()),
                Some(id) => self.report(ProblemKind::BadId { id: id.into() }, path.index(i), at),
                None => self.report(
                    ProblemKind::WrongType {
                        expected: Expected::String,
                        found: value.type_name(),
                    },
                    path.index(i),
                    at,
                ),
            }
        }
        Some(ids)
    }

    /// A decimal from an integer, a float (read from its text) or a string.
    fn decimal(&mut self, obj: &Obj, key: &str) -> Option<Decimal> {
        let item = obj.get(key)?;
        self.decimal_of(obj, key, item)
    }

    /// [`Self::decimal`] of an item already found under `key`.
    fn decimal_of(&mut self, obj: &Obj, key: &str, item: &Item) -> Option<Decimal> {
        let path = || obj.path().key(key);
        let at = item.span().map(|s| s.start).or_else(|| obj.key_at(key));
        let parsed = match item.as_value() {
            Some(Value::Integer(i)) => Ok(Decimal::from(*i.value())),
            Some(Value::Float(f)) => {
                let text = f
                    .span()
                    .and_then(|s| self.text.get(s))
                    .map(str::to_string)
                    .unwrap_or_else(|| f.display_repr().into_owned());
                parse_decimal_text(&text).map_err(|reason| (text, reason))
            }
            Some(Value::String(s)) => {
                parse_decimal_text(s.value()).map_err(|reason| (s.value().clone(), reason))
            }
            _ => {
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
    fn non_negative(&mut self, obj: &Obj, key: &'static str) -> Decimal {
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
    fn ranged(
        &mut self,
        obj: &Obj,
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
    fn whole(&mut self, obj: &Obj, key: &str, min: u32, max: u32) -> Option<u32> {
        let item = obj.get(key)?;
        let path = obj.path().key(key);
        let at = obj.value_at(key);
        let Some(value) = item.as_integer() else {
            let text = match item.as_value() {
                Some(v) => v.to_string().trim().to_string(),
                None => item.type_name().to_string(),
            };
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

/// The version number of a `kaoping/N` format name.
fn format_version(format: &str) -> Option<u32> {
    format.strip_prefix("kaoping/")?.parse().ok()
}

/// The allowed key closest to a mistyped one (at most two edits away).
fn nearest(key: &str, allowed: &[&'static str]) -> Option<&'static str> {
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

    #[test]
    fn edit_distance_and_suggestions() {
        assert_eq!(edit_distance("actaul", "actual"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(nearest("acutal", ROW_KEYS), Some("actual"));
        assert_eq!(nearest("xyzzy", ROW_KEYS), None);
    }
}

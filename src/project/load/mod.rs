//! From the text of a project file to a [`Project`]: TOML syntax, the shape of every
//! table, types, ids and exact decimals. Each problem carries the TOML path and the byte
//! offset of the key or value concerned.
//!
//! Values that reference other values (an indicator's area, a score above its maximum)
//! are checked afterwards by [`crate::check`], on the typed project.
//!
//! Here: the walk from the root (`format`, then each table of the scheme, read by its own
//! [`Scheme::read`] in its own file, then the score sheets, read here). The helpers that
//! read one value and report what is wrong with it are in [`reader`].
//!
//! [`reader`] is a module of its own, below both this walk and the scheme's files, because
//! those files use the helpers and this walk uses those files: modules never import each
//! other (`tests/architecture.rs`).

pub(crate) mod reader;

use super::keys::{PENALTY_KEYS, ROOT_KEYS, ROW_KEYS, SCORE_KEYS};
use super::path::{PathSeg, TomlPath};
use super::scheme::{Entry, Scheme};
use super::{
    Area, Award, Department, FORMAT, Indicator, Nominee, OrgItem, Penalty, PenaltyKind, Policy,
    Project, ReturnEntry, Row, Sections, Step, Unit, UnitScores, is_valid_id,
};
use crate::project::problem::{Expected, Problem, ProblemKind};
use indexmap::IndexMap;
use reader::{Loader, Obj, PathRef};
use rust_decimal::Decimal;
use toml_edit::Document;

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
    let mut loader = Loader::new(doc.raw(), newer);
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

const STATUSES: &[&str] = &["complete", "incomplete"];

impl Loader<'_> {
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
            Some(obj) => self.scheme(&obj),
            None => Policy::default(),
        };
        let sections = match self.sub_table(root, "sections") {
            Some(obj) => self.scheme(&obj),
            None => {
                self.report(
                    ProblemKind::MissingKey { key: "sections" },
                    TomlPath::root(),
                    Some(0),
                );
                Sections::default()
            }
        };
        let organization = self.entries::<OrgItem>(root);
        let departments = self.entries::<Department>(root);
        let units = self.entries::<Unit>(root);
        let areas = self.entries::<Area>(root);
        let indicators = self.entries::<Indicator>(root);
        let awards = self.entries::<Award>(root);
        let nominees = self.list(root, Nominee::LIST, Nominee::KEYS, Nominee::read);
        let procedure = self.entries::<Step>(root);
        let scores = match self.sub_table(root, "scores") {
            Some(obj) => self.scores(&obj),
            None => IndexMap::new(),
        };
        let selfcheck = match self.sub_table(root, "selfcheck") {
            Some(obj) => self.scores(&obj),
            None => IndexMap::new(),
        };
        let returns = self.list(
            root,
            ReturnEntry::LIST,
            ReturnEntry::KEYS,
            ReturnEntry::read,
        );
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
            nominees,
            procedure,
            scores,
            selfcheck,
            returns,
        })
    }

    /// `[policy]` or `[sections]`.
    fn scheme<S: Scheme>(&mut self, obj: &Obj) -> S {
        self.check_keys(obj, S::KEYS);
        S::read(self, obj)
    }

    /// The entries of a root list, in file order.
    fn entries<E: Entry>(&mut self, root: &Obj) -> Vec<E> {
        self.list(root, E::LIST, E::KEYS, E::read)
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
                    self.unknown_key(obj, key, ROW_KEYS);
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
}

/// The version number of a `kaoping/N` format name.
fn format_version(format: &str) -> Option<u32> {
    format.strip_prefix("kaoping/")?.parse().ok()
}

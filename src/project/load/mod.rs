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
//! The walk and the helpers read either of two trees through one small trait
//! ([`tree`]): toml_edit's document, which a writable session keeps to save through it
//! ([`parse`], [`load_document`]), and the `toml` crate's borrowed `DeTable`, about 55–60%
//! of the time and two thirds of the memory, for everything that only reads
//! ([`parse_read_only`], [`load`]). Both give the same project and the same problems
//! (`tests/loader.rs`); a text the light parser refuses (or whose numbers toml_edit would
//! refuse) is read through toml_edit, so a syntax error is toml_edit's on either path.
//!
//! [`reader`] is a module of its own, below both this walk and the scheme's files, because
//! those files use the helpers and this walk uses those files: modules never import each
//! other (`tests/architecture.rs`).

pub(crate) mod reader;
mod tree;

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
use toml::Spanned;
use toml::de::DeTable;
use toml_edit::Document;
use tree::{DeNode, Node, Table};

/// What loading a text gave: the project (unless the text is not TOML at all, or names
/// another format) and the problems found on the way.
#[derive(Debug, Clone)]
pub struct LoadOutcome {
    pub project: Option<Project>,
    pub problems: Vec<Problem>,
}

/// Reads a project from the text of a file (through the read-only tree).
pub fn load(text: &str) -> LoadOutcome {
    match parse_read_only(text) {
        Ok(tree) => tree.load(),
        Err(problem) => LoadOutcome {
            project: None,
            problems: vec![problem],
        },
    }
}

/// A parsed file to read, not to edit: the `toml` crate's borrowed tree with spans (or,
/// for a text it does not take as toml_edit does, toml_edit's document).
pub struct ReadOnly<'i> {
    text: &'i str,
    tree: Tree<'i>,
}

enum Tree<'i> {
    Light(Spanned<DeTable<'i>>),
    Document(Document<&'i str>),
}

/// Parses the text as TOML for reading only; a syntax error as a problem (toml_edit's,
/// the same as [`parse`] gives).
pub fn parse_read_only(text: &str) -> Result<ReadOnly<'_>, Problem> {
    let tree = match DeTable::parse(text) {
        Ok(table)
            if table
                .get_ref()
                .values()
                .all(|v| tree::numbers_are_valid(v.get_ref())) =>
        {
            Tree::Light(table)
        }
        // Read through toml_edit: its syntax error, or (should the two parsers disagree
        // on a text) its reading.
        _ => Tree::Document(parse(text)?),
    };
    Ok(ReadOnly { text, tree })
}

impl ReadOnly<'_> {
    /// Whether it is the light tree (not toml_edit's document).
    pub fn is_light(&self) -> bool {
        matches!(self.tree, Tree::Light(_))
    }

    pub fn load(&self) -> LoadOutcome {
        self.load_as(false)
    }

    /// As [`load_document_as`].
    pub fn load_as(&self, newer: bool) -> LoadOutcome {
        match &self.tree {
            Tree::Light(table) => {
                let mut loader = Loader::new(self.text, newer);
                let project = loader.project::<DeNode>(table.get_ref());
                // The one thing the light tree does not tell: whether a table made by a
                // dotted key sits in an inline table (toml_edit's "inline table") or
                // not ("table"). A value of the wrong type that is such a table is rare
                // (and an error): the text is read again through toml_edit to name it.
                if loader.problems.iter().any(tree::names_a_dotted_table)
                    && let Ok(doc) = parse(self.text)
                {
                    return load_document_as(&doc, newer);
                }
                LoadOutcome {
                    project,
                    problems: loader.problems,
                }
            }
            Tree::Document(doc) => load_document_as(doc, newer),
        }
    }
}

/// Finds where a TOML path is in a parsed file ([`locate`]).
pub trait Locate {
    fn locate(&self, path: &TomlPath) -> Option<usize>;
}

impl Locate for Document<&str> {
    fn locate(&self, path: &TomlPath) -> Option<usize> {
        locate(self, path)
    }
}

impl Locate for ReadOnly<'_> {
    fn locate(&self, path: &TomlPath) -> Option<usize> {
        match &self.tree {
            Tree::Light(table) => locate_in::<DeNode>(table.get_ref(), path),
            Tree::Document(doc) => locate(doc, path),
        }
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
    let project = loader.project::<toml_edit::Item>(doc.as_table());
    LoadOutcome {
        project,
        problems: loader.problems,
    }
}

/// The byte offset of the value at `path` in `text` (or of the nearest enclosing table
/// that exists), for problems found after loading.
pub fn locate(doc: &Document<&str>, path: &TomlPath) -> Option<usize> {
    locate_in::<toml_edit::Item>(doc.as_table(), path)
}

/// [`locate`] in either tree, from its root table.
fn locate_in<N: Node>(root: &N::Table, path: &TomlPath) -> Option<usize> {
    let mut node: Option<&N> = None; // `None`: the root
    let mut best = None;
    for seg in &path.0 {
        let next = match seg {
            PathSeg::Key(k) => {
                let table = match node {
                    None => root,
                    Some(node) => match node.as_table() {
                        Some(table) => table,
                        None => break,
                    },
                };
                if let Some(key_at) = table.key_start(k) {
                    best = Some(key_at);
                }
                table.get(k)
            }
            PathSeg::Index(n) => node
                .and_then(Node::elements)
                .and_then(|elements| elements.get(*n).copied()),
        };
        match next {
            Some(next) => {
                node = Some(next);
                if let Some(at) = next.start() {
                    best = Some(at);
                }
            }
            None => break,
        }
    }
    best
}

const STATUSES: &[&str] = &["complete", "incomplete"];

impl Loader<'_> {
    fn project<N: Node>(&mut self, root: &N::Table) -> Option<Project> {
        let root = Obj::<N> {
            table: Some(root),
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
    fn project_body<N: Node>(&mut self, root: &Obj<N>) -> Option<Project> {
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
    fn scheme<S: Scheme, N: Node>(&mut self, obj: &Obj<N>) -> S {
        self.check_keys(obj, S::KEYS);
        S::read(self, obj)
    }

    /// The entries of a root list, in file order.
    fn entries<E: Entry>(&mut self, root: &Obj<impl Node>) -> Vec<E> {
        self.list(root, E::LIST, E::KEYS, E::read)
    }

    fn scores<N: Node>(&mut self, obj: &Obj<N>) -> IndexMap<String, UnitScores> {
        let mut scores = IndexMap::new();
        for (id, item) in obj.entries() {
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

    fn unit_scores<N: Node>(&mut self, obj: &Obj<N>) -> UnitScores {
        self.check_keys(obj, SCORE_KEYS);
        let survey = obj.get("survey").and_then(|_| self.decimal(obj, "survey"));
        let mut organization = IndexMap::new();
        if let Some(org) = self.sub_table(obj, "organization") {
            for (id, _) in org.entries() {
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
            for (id, item) in rows.entries() {
                if !is_valid_id(id) {
                    let path = rows_path.key(id);
                    self.report(ProblemKind::BadId { id: id.into() }, path, rows.key_at(id));
                    continue;
                }
                match item.as_table() {
                    Some(table) => {
                        let row = Obj::<N> {
                            table: Some(table),
                            path: PathRef::Child(&rows_path, id),
                            at: item.start().or(rows.key_at(id)),
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

    fn penalty<N: Node>(&mut self, obj: &Obj<N>) -> Penalty {
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
    fn row<N: Node>(&mut self, obj: &Obj<N>) -> Row {
        let (mut target, mut actual, mut status, mut deduction, mut prep) =
            (None, None, None, None, None);
        for (key, item) in obj.entries() {
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
                .entries()
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

//! The checks of SPEC §4 that compare values with one another: references, ranges,
//! which rows a unit may have, and the sums of the scheme. [`analyze`] runs everything
//! (load, these checks, scoring) on the text of a file.

use crate::project::problem::{ImplausibleRow, Problem, ProblemKind, RefKind, has_errors};
use crate::project::{self, Project, Row, SheetKind, TomlPath};
use crate::scoring::{self, Scoreboard};
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// Everything known about a file's text: the project, every problem (located in the
/// text where possible) and, when there are no errors, the scores.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub project: Option<Project>,
    pub problems: Vec<Problem>,
    pub board: Option<Scoreboard>,
}

impl Analysis {
    pub fn has_errors(&self) -> bool {
        has_errors(&self.problems)
    }
}

/// Loads, checks and (when there are no errors) scores the text of a project file, read
/// without building an edit document ([`project::parse_read_only`]).
pub fn analyze(text: &str) -> Analysis {
    let doc = match project::parse_read_only(text) {
        Ok(doc) => doc,
        Err(problem) => {
            return Analysis {
                project: None,
                problems: vec![problem],
                board: None,
            };
        }
    };
    let loaded = doc.load();
    let mut problems = loaded.problems;
    // Shape errors first: the cross-checks of a half-read project would only add noise.
    let project = loaded.project.filter(|_| !has_errors(&problems));
    let board = match &project {
        Some(project) => {
            let (more, board) = check_and_score(project);
            problems.extend(more);
            board
        }
        None => None,
    };
    locate_all(&doc, &mut problems);
    Analysis {
        project,
        problems,
        board,
    }
}

/// The checks of a typed project plus scoring: the problems found, and the scoreboard
/// unless there is an error (the loader's errors are the caller's to add).
pub fn check_and_score(project: &Project) -> (Vec<Problem>, Option<Scoreboard>) {
    let (_, problems, board) = check_and_score_keeping(project);
    (problems, board)
}

/// [`check_and_score`], and the problems of [`check`] apart (what [`check_and_rescore`]
/// starts from after an edit of a score sheet): `(checks, problems, board)`.
pub fn check_and_score_keeping(
    project: &Project,
) -> (Vec<Problem>, Vec<Problem>, Option<Scoreboard>) {
    let checks = check(project);
    let (problems, board) = score_checked(project, checks.clone());
    (checks, problems, board)
}

/// The rest of [`check_and_score`] after [`check`] found `problems`.
fn score_checked(
    project: &Project,
    mut problems: Vec<Problem>,
) -> (Vec<Problem>, Option<Scoreboard>) {
    if has_errors(&problems) {
        return (problems, None);
    }
    // The self-check figures are scored like the assessed ones: a number too large to
    // score there is the same error (its warnings — pending, plausibility — are not
    // raised: who has not sent a return is `kaoping status`'s to say).
    if let Some(Err(overflow)) = scoring::score_selfcheck(project) {
        let (path, value) = too_large_to_score(project, SheetKind::Selfcheck, &overflow);
        problems.push(Problem::new(ProblemKind::TooLargeToScore { value }, path));
        return (problems, None);
    }
    match scoring::score(project) {
        Ok(board) => {
            problems.extend(board_problems(project, &board));
            (problems, Some(board))
        }
        Err(overflow) => {
            let (path, value) = too_large_to_score(project, SheetKind::Scores, &overflow);
            problems.push(Problem::new(ProblemKind::TooLargeToScore { value }, path));
            (problems, None)
        }
    }
}

/// [`check_and_score`] of a project after one edit of `unit`'s assessed score sheet
/// (`change`), from what [`check`] and scoring gave before it: `checks`, the problems
/// [`check`] found then (warnings only), and `before`, the scores. Such an edit can only
/// cause errors in that sheet, and leaves every other check as it was: the sheet is
/// checked, the scores follow the edit ([`scoring::rescore`]), and the warnings read
/// from them are read again — the same problems, in the same order, as a full
/// [`check_and_score`] (the sheet's errors and the same warnings when the sheet has an
/// error; a full [`check_and_score`] when a number is too large to score, to name it as
/// it does).
pub fn check_and_rescore(
    project: &Project,
    checks: &[Problem],
    before: &Scoreboard,
    unit: &str,
    change: scoring::SheetChange,
) -> (Vec<Problem>, Option<Scoreboard>) {
    if has_errors(checks) {
        return check_and_score(project);
    }
    let errors = sheet_errors(project, unit);
    if !errors.is_empty() {
        // Errors first, then the warnings, as `check` sorts them; nothing is scored.
        let mut problems = errors;
        problems.extend_from_slice(checks);
        return (problems, None);
    }
    match scoring::rescore(project, before, unit, change) {
        Ok(board) => {
            let mut problems = checks.to_vec();
            problems.extend(board_problems(project, &board));
            (problems, Some(board))
        }
        Err(_) => check_and_score(project),
    }
}

/// The entered number behind an overflow, and its path: where the arithmetic failed is
/// not always where the number was typed (an actual a thousand times too large makes
/// every other unit's bonus on that indicator overflow), so the largest number entered
/// on the failing indicator — or, when a unit's totals failed, in that unit's sheet — is
/// named. `kind`: the sheets that were scored.
fn too_large_to_score(
    project: &Project,
    kind: SheetKind,
    overflow: &scoring::Overflow,
) -> (TomlPath, Decimal) {
    let mut best: Option<(Decimal, TomlPath)> = None;
    let mut consider = |value: Decimal, path: TomlPath| {
        if best.as_ref().is_none_or(|(b, _)| value.abs() > b.abs()) {
            best = Some((value, path));
        }
    };
    for (unit, sheet) in project.sheets(kind) {
        let sheet_path = TomlPath::keys(&[kind.key(), unit]);
        for (indicator, row) in &sheet.indicators {
            let wanted = match &overflow.indicator {
                Some(failed) => failed == indicator,
                None => *unit == overflow.unit,
            };
            if !wanted {
                continue;
            }
            let at = |key: &str| sheet_path.clone().key("indicators").key(indicator).key(key);
            match row {
                Row::Quantitative { target, actual } => {
                    for (key, value) in [("target", target), ("actual", actual)] {
                        if let Some(v) = value {
                            consider(*v, at(key));
                        }
                    }
                }
                Row::Qualitative {
                    deduction: Some(d), ..
                } => consider(*d, at("deduction")),
                Row::Preparation { prep } => consider(*prep, at("prep")),
                Row::Qualitative { .. } => {}
            }
        }
        if overflow.indicator.is_none() && *unit == overflow.unit {
            if let Some(s) = sheet.survey {
                consider(s, sheet_path.clone().key("survey"));
            }
            for (item, v) in &sheet.organization {
                consider(*v, sheet_path.clone().key("organization").key(item));
            }
        }
    }
    match best {
        Some((value, path)) => (path, value),
        None => (TomlPath::keys(&[kind.key(), &overflow.unit]), Decimal::MAX),
    }
}

/// The warnings read from the scores: what is still pending, ties across an award cut,
/// vetoed units that win a single-item award, a last place that is comprehensive
/// advanced, implausible rows, and nominations that do not match a quota.
pub fn board_problems(project: &Project, board: &Scoreboard) -> Vec<Problem> {
    let names = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| project.name_of(id).to_string())
            .collect()
    };
    let indicator = |id: &str| {
        project
            .indicator(id)
            .map_or(id, |i| i.name.as_str())
            .to_string()
    };
    let mut out = pending_problems(project, board);
    out.extend(board.cut_ties.iter().map(|tie| {
        Problem::new(
            ProblemKind::TieAtCut {
                cut: tie.cut.clone(),
                places: tie.places,
                winners: names(&tie.winners),
            },
            tie.path.clone(),
        )
    }));
    for (award, u) in board.vetoed_winners() {
        let at = project.awards.iter().position(|a| a.id == award.id);
        out.push(Problem::new(
            ProblemKind::VetoedWinner {
                unit: u.name.clone(),
                award: award.name.clone(),
                failed: u.failed.iter().map(|f| indicator(f)).collect(),
            },
            at.map_or_else(TomlPath::root, |at| {
                TomlPath::root().key("awards").index(at)
            }),
        ));
    }
    for u in board
        .units
        .iter()
        .filter(|u| u.last_place && u.comprehensive)
    {
        out.push(Problem::new(
            ProblemKind::LastPlaceComprehensive {
                unit: u.name.clone(),
            },
            path(&["policy", "last_place_among"]),
        ));
    }
    for d in board.departments.iter().filter(|d| d.items.is_empty()) {
        out.push(Problem::new(
            ProblemKind::DepartmentWithoutTask {
                unit: d.name.clone(),
            },
            TomlPath::root().key("scores").key(&d.id),
        ));
    }
    for row in scoring::implausible_rows(&project.policy, board) {
        out.push(implausible_problem(project, row));
    }
    for i in board.individuals.iter().filter(|i| i.off_quota()) {
        out.push(Problem::new(
            ProblemKind::NomineesOffQuota {
                unit: i.name.clone(),
                quota: i.quota,
                count: i.nominees.len(),
            },
            quota_path(project, &i.id),
        ));
    }
    out
}

/// The warning of one row off its target by more than `plausible_deviation`, as
/// [`board_problems`] lists it — `None` when the row is plausible. The terminal program
/// asks it of the scores previewed while a target or an actual is typed, so that it says
/// at once what the problems pane will list after the commit.
pub fn implausible_warning(
    project: &Project,
    board: &Scoreboard,
    unit: &str,
    indicator: &str,
) -> Option<Problem> {
    scoring::implausible_row(&project.policy, board, unit, indicator)
        .map(|row| implausible_problem(project, row))
}

/// An implausible row as a warning, by name, at its actual.
fn implausible_problem(project: &Project, row: scoring::Implausible) -> Problem {
    let names = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| project.name_of(id).to_string())
            .collect()
    };
    let indicator = project
        .indicator(&row.indicator)
        .map_or(row.indicator.as_str(), |i| i.name.as_str())
        .to_string();
    Problem::new(
        ProblemKind::Implausible(Box::new(ImplausibleRow {
            unit: project.name_of(&row.unit).to_string(),
            indicator,
            completion: row.completion,
            lowers: names(&row.lowers),
        })),
        path(&["scores", &row.unit, "indicators", &row.indicator, "actual"]),
    )
}

/// One warning per unit or department that still has something to enter, in the file's
/// order of units and then of departments (the board ranks them).
fn pending_problems(project: &Project, board: &Scoreboard) -> Vec<Problem> {
    let scored: HashMap<&str, &scoring::UnitResult> = board
        .units
        .iter()
        .chain(&board.departments)
        .map(|u| (u.id.as_str(), u))
        .collect();
    let in_file = project
        .units
        .iter()
        .map(|u| u.id.as_str())
        .chain(project.departments.iter().map(|d| d.id.as_str()));
    in_file
        .filter_map(|id| scored.get(id))
        .filter(|u| u.pending.any())
        .map(|u| {
            // A derived row waits for the units' rows, not for the department.
            let mut waiting_on: Vec<String> = Vec::new();
            let mut derived = 0;
            for sum in u.items.iter().filter_map(|i| i.sum.as_ref()) {
                if sum.waiting.is_empty() {
                    continue;
                }
                derived += 1;
                for id in &sum.waiting {
                    let name = project.name_of(id).to_string();
                    if !waiting_on.contains(&name) {
                        waiting_on.push(name);
                    }
                }
            }
            Problem::new(
                ProblemKind::Pending {
                    unit: u.name.clone(),
                    survey: u.pending.survey,
                    organization: u.pending.organization,
                    rows: u.pending.rows.saturating_sub(derived),
                    derived,
                    waiting_on,
                },
                path(&["scores", &u.id]),
            )
        })
        .collect()
}

/// Where a unit's nominations are: its first nominee, or else the unit (or department)
/// whose quota they fall short of.
fn quota_path(project: &Project, id: &str) -> TomlPath {
    if let Some(at) = project.nominees.iter().position(|n| n.unit == id) {
        return TomlPath::root().key("nominees").index(at);
    }
    if let Some(at) = project.units.iter().position(|u| u.id == id) {
        return TomlPath::root().key("units").index(at);
    }
    match project.departments.iter().position(|d| d.id == id) {
        Some(at) => TomlPath::root().key("departments").index(at),
        None => TomlPath::root(),
    }
}

/// The errors in one unit's score sheet (what an edit of that sheet alone can cause):
/// the same checks as [`check`], on that sheet only.
pub fn sheet_errors(project: &Project, unit: &str) -> Vec<Problem> {
    sheet_errors_in(project, SheetKind::Scores, unit)
}

/// [`sheet_errors`] of one unit's sheet of either kind (its assessed `[scores.<id>]` or
/// its self-check `[selfcheck.<id>]`).
pub fn sheet_errors_in(project: &Project, kind: SheetKind, unit: &str) -> Vec<Problem> {
    let mut c = Checker {
        project,
        problems: Vec::new(),
    };
    c.score_sheets(kind, Some(unit));
    c.problems.retain(Problem::is_error);
    c.problems
}

/// Fills in the place of every problem that has none, from its TOML path.
pub fn locate_all(doc: &impl project::Locate, problems: &mut [Problem]) {
    for problem in problems.iter_mut().filter(|p| p.at.is_none()) {
        problem.at = doc.locate(&problem.path);
    }
}

/// All checks of a typed project that do not need its scores: errors first, then
/// warnings, each in file order.
pub fn check(project: &Project) -> Vec<Problem> {
    let mut c = Checker {
        project,
        problems: Vec::new(),
    };
    c.duplicate_ids();
    c.names();
    c.references();
    c.score_sheets(SheetKind::Scores, None);
    c.score_sheets(SheetKind::Selfcheck, None);
    c.scheme_sums();
    c.responsibilities();
    c.procedure_order();
    c.returns();
    let mut problems = c.problems;
    // A stable sort keeps file order within each severity.
    problems.sort_by_key(Problem::severity);
    problems
}

pub mod returns;
mod sheets;

struct Checker<'p> {
    project: &'p Project,
    problems: Vec<Problem>,
}

fn path(keys: &[&str]) -> TomlPath {
    TomlPath::keys(keys)
}

fn element(list: &str, index: usize, key: &str) -> TomlPath {
    TomlPath::root().key(list).index(index).key(key)
}

impl Checker<'_> {
    fn report(&mut self, kind: ProblemKind, path: TomlPath) {
        self.problems.push(Problem::new(kind, path));
    }

    /// Ids unique within their kind; units and departments share one namespace.
    fn duplicate_ids(&mut self) {
        let p = self.project;
        // Departments come before units in the SPEC's layout, so the unit is the repeat.
        let scored = p
            .departments
            .iter()
            .enumerate()
            .map(|(i, d)| ("departments", i, d.id.as_str()))
            .chain(
                p.units
                    .iter()
                    .enumerate()
                    .map(|(i, u)| ("units", i, u.id.as_str())),
            );
        let lists: Vec<Vec<(&str, usize, &str)>> = vec![
            scored.collect(),
            ids("organization", p.organization.iter().map(|o| o.id.as_str())),
            ids("areas", p.areas.iter().map(|a| a.id.as_str())),
            ids("indicators", p.indicators.iter().map(|i| i.id.as_str())),
            ids("awards", p.awards.iter().map(|a| a.id.as_str())),
            ids("procedure", p.procedure.iter().map(|s| s.id.as_str())),
        ];
        for list in lists {
            let mut seen = HashSet::new();
            for (key, index, id) in list {
                // An empty id was a missing or bad one, reported by the loader.
                if !id.is_empty() && !seen.insert(id) {
                    self.report(
                        ProblemKind::DuplicateId { id: id.to_string() },
                        element(key, index, "id"),
                    );
                }
            }
        }
    }

    fn references(&mut self) {
        let p = self.project;
        let departments: HashSet<&str> = p.departments.iter().map(|d| d.id.as_str()).collect();
        let units: HashSet<&str> = p.units.iter().map(|u| u.id.as_str()).collect();
        let areas: HashSet<&str> = p.areas.iter().map(|a| a.id.as_str()).collect();
        let org: HashSet<&str> = p.organization.iter().map(|o| o.id.as_str()).collect();
        for (i, ind) in p.indicators.iter().enumerate() {
            if !ind.area.is_empty() {
                self.reference(
                    RefKind::Area,
                    &areas,
                    &ind.area,
                    element("indicators", i, "area"),
                );
            }
            if let Some(lead) = &ind.lead {
                self.reference(
                    RefKind::Department,
                    &departments,
                    lead,
                    element("indicators", i, "lead"),
                );
            }
            self.references_in(
                RefKind::Department,
                &departments,
                &ind.responsible,
                element("indicators", i, "responsible"),
            );
            self.references_in(
                RefKind::Department,
                &departments,
                &ind.co,
                element("indicators", i, "co"),
            );
            if let Some(list) = &ind.units {
                self.references_in(
                    RefKind::Unit,
                    &units,
                    list,
                    element("indicators", i, "units"),
                );
            }
            if let Some(list) = &ind.pilot {
                self.references_in(
                    RefKind::Unit,
                    &units,
                    list,
                    element("indicators", i, "pilot"),
                );
                let scored = |u: &String| ind.units.as_ref().is_none_or(|us| us.contains(u));
                for unit in list
                    .iter()
                    .filter(|u| units.contains(u.as_str()) && !scored(u))
                {
                    let kind = ProblemKind::PilotNotScored { unit: unit.clone() };
                    self.report(kind, element("indicators", i, "pilot"));
                }
            }
        }
        for (i, award) in p.awards.iter().enumerate() {
            self.references_in(
                RefKind::Area,
                &areas,
                &award.areas,
                element("awards", i, "areas"),
            );
            if let Some(lead) = &award.lead {
                self.reference(
                    RefKind::Department,
                    &departments,
                    lead,
                    element("awards", i, "lead"),
                );
            }
            self.references_in(
                RefKind::OrgItem,
                &org,
                &award.organization,
                element("awards", i, "organization"),
            );
            if award.areas.is_empty() && award.lead.is_none() && award.organization.is_empty() {
                self.report(
                    ProblemKind::AwardSelectsNothing {
                        award: award.name.clone(),
                    },
                    TomlPath::root().key("awards").index(i),
                );
            }
        }
        for (i, item) in p.organization.iter().enumerate() {
            if let Some(lead) = &item.lead {
                self.reference(
                    RefKind::Department,
                    &departments,
                    lead,
                    element("organization", i, "lead"),
                );
            }
        }
        for (i, nominee) in p.nominees.iter().enumerate() {
            let scored = |id: &str| units.contains(id) || departments.contains(id);
            // An empty unit was a missing or bad id, reported by the loader.
            if !nominee.unit.is_empty() && !scored(&nominee.unit) {
                self.report(
                    ProblemKind::UnknownRef {
                        kind: RefKind::Scored,
                        id: nominee.unit.clone(),
                    },
                    element("nominees", i, "unit"),
                );
            }
        }
        for kind in [SheetKind::Scores, SheetKind::Selfcheck] {
            for id in p.sheets(kind).keys() {
                if !units.contains(id.as_str()) && !departments.contains(id.as_str()) {
                    self.report(
                        ProblemKind::UnknownRef {
                            kind: RefKind::Scored,
                            id: id.clone(),
                        },
                        path(&[kind.key(), id]),
                    );
                }
            }
        }
    }

    fn reference(&mut self, kind: RefKind, known: &HashSet<&str>, id: &str, at: TomlPath) {
        if !known.contains(id) {
            self.report(
                ProblemKind::UnknownRef {
                    kind,
                    id: id.to_string(),
                },
                at,
            );
        }
    }

    fn references_in(
        &mut self,
        kind: RefKind,
        known: &HashSet<&str>,
        ids: &[String],
        at: TomlPath,
    ) {
        for (i, id) in ids.iter().enumerate() {
            self.reference(kind, known, id, at.index(i));
        }
    }

    /// The scheme's declared maxima against their parts (the regulation's own numbers do
    /// not add up: the template shows that on purpose).
    fn scheme_sums(&mut self) {
        let p = self.project;
        let org_sum: Decimal = p.organization.iter().map(|o| o.max).sum();
        if let Some(declared) = p.sections.organization
            && org_sum != declared
        {
            self.report(
                ProblemKind::OrganizationSum {
                    sum: org_sum.normalize(),
                    declared,
                },
                path(&["sections", "organization"]),
            );
        }
        let area_sum: Decimal = p.areas.iter().map(|a| a.max).sum();
        if !p.areas.is_empty() && area_sum != p.sections.task {
            self.report(
                ProblemKind::AreasSum {
                    sum: area_sum.normalize(),
                    task: p.sections.task,
                },
                path(&["sections", "task"]),
            );
        }
        let mut bases: HashMap<&str, Decimal> = HashMap::new();
        for ind in &p.indicators {
            *bases.entry(ind.area.as_str()).or_default() += ind.base;
        }
        for (i, area) in p.areas.iter().enumerate() {
            let sum = bases.get(area.id.as_str()).copied().unwrap_or_default();
            if sum != area.max {
                self.report(
                    ProblemKind::AreaBasesSum {
                        area: area.name.clone(),
                        sum: sum.normalize(),
                        max: area.max,
                    },
                    element("areas", i, "max"),
                );
            }
        }
        let sections_sum = p.organization_max() + p.sections.survey + p.sections.task;
        if sections_sum != p.sections.total {
            self.report(
                ProblemKind::SectionsSum {
                    sum: sections_sum.normalize(),
                    total: p.sections.total,
                },
                path(&["sections", "total"]),
            );
        }
    }

    /// An area with no lead department; an indicator with no responsible department.
    fn responsibilities(&mut self) {
        let p = self.project;
        for (i, area) in p.areas.iter().enumerate() {
            let led = p
                .indicators
                .iter()
                .any(|ind| ind.area == area.id && ind.lead.is_some());
            if !led {
                self.report(
                    ProblemKind::AreaWithoutLead {
                        area: area.name.clone(),
                    },
                    TomlPath::root().key("areas").index(i),
                );
            }
        }
        for (i, ind) in p.indicators.iter().enumerate() {
            if ind.responsible.is_empty() {
                self.report(
                    ProblemKind::IndicatorWithoutResponsible {
                        indicator: ind.name.clone(),
                    },
                    TomlPath::root().key("indicators").index(i),
                );
            }
        }
    }
}

impl Checker<'_> {
    /// Names: none blank; units and departments (one namespace, as their ids) and
    /// indicators each of a name of their own, as a name given on the command line must
    /// find one.
    fn names(&mut self) {
        let p = self.project;
        let scored: Vec<(&str, usize, &str, &str)> = p
            .departments
            .iter()
            .enumerate()
            .map(|(i, d)| ("departments", i, d.id.as_str(), d.name.as_str()))
            .chain(
                p.units
                    .iter()
                    .enumerate()
                    .map(|(i, u)| ("units", i, u.id.as_str(), u.name.as_str())),
            )
            .collect();
        let indicators: Vec<_> = p
            .indicators
            .iter()
            .enumerate()
            .map(|(i, x)| ("indicators", i, x.id.as_str(), x.name.as_str()))
            .collect();
        for list in [scored, indicators] {
            let mut seen: std::collections::HashMap<&str, &str> = Default::default();
            for (key, index, id, name) in list {
                if name.trim().is_empty() {
                    self.report(ProblemKind::BlankName, element(key, index, "name"));
                } else if let Some(other) = seen.get(name.trim()) {
                    let kind = ProblemKind::DuplicateName {
                        name: name.to_string(),
                        other: other.to_string(),
                    };
                    self.report(kind, element(key, index, "name"));
                } else {
                    seen.insert(name.trim(), id);
                }
            }
        }
        let others = [
            (
                "organization",
                p.organization
                    .iter()
                    .map(|o| o.name.as_str())
                    .collect::<Vec<_>>(),
            ),
            ("areas", p.areas.iter().map(|a| a.name.as_str()).collect()),
            ("awards", p.awards.iter().map(|a| a.name.as_str()).collect()),
        ];
        for (key, names) in others {
            for (index, name) in names.into_iter().enumerate() {
                if name.trim().is_empty() {
                    self.report(ProblemKind::BlankName, element(key, index, "name"));
                }
            }
        }
    }

    /// Procedure steps due before an earlier step (the regulation's own 25 January for
    /// the responsible departments, then 20 January for the lead units that collect from
    /// them): each against the latest due date before it.
    fn procedure_order(&mut self) {
        let steps = &self.project.procedure;
        for (i, step) in steps.iter().enumerate() {
            let latest = steps[..i]
                .iter()
                .filter(|earlier| earlier.due > step.due)
                .max_by_key(|earlier| earlier.due);
            if let Some(earlier) = latest {
                self.report(
                    ProblemKind::ProcedureOutOfOrder {
                        step: step.name.clone(),
                        due: step.due,
                        earlier: earlier.name.clone(),
                        earlier_due: earlier.due,
                    },
                    element("procedure", i, "due"),
                );
            }
        }
    }
}

fn ids<'a>(key: &'a str, ids: impl Iterator<Item = &'a str>) -> Vec<(&'a str, usize, &'a str)> {
    ids.enumerate().map(|(i, id)| (key, i, id)).collect()
}

//! `kaoping diff OLD NEW`: per unit, what changed in every section score, total, rank,
//! veto and awards, and the changed input values behind it — a county's self-check
//! (自查) beside the assessed file (考评), or this year beside last year.
//!
//! What is compared, and how it is written (all of it exact: decimals are compared as
//! numbers, so `5.6` and `5.60` are the same value):
//!
//! * **Units** (counties, the zone and the departments on either scoreboard, matched by
//!   id): the [`UnitDiff::results`] that differ, as `(what, old, new)` with `what` one of
//!   `organization`, `survey`, `areas.<area id>`, `task`, `penalty`, `total` (scores with
//!   the file's `score_decimals` places), `rank` (the competition rank in its group),
//!   `failed` (the ids of the indicators that veto it, `", "`-separated, empty when not
//!   vetoed), `comprehensive` and `last_place` (`true`/`false`) and `awards` (the ids of
//!   the single-item awards won, `", "`-separated). A value that one side does not have
//!   (an area only in one file; a department scored in one file only) is `—`.
//! * **Entered values** behind them ([`UnitDiff::inputs`]): every value under
//!   `[scores.<id>]` as a TOML path — `scores.jia.survey`,
//!   `scores.jia.organization.funding`, `scores.jia.indicators.new-jobs.actual` (and
//!   `.target`, `.status`, `.deduction`, `.prep`), `scores.jia.penalties[0].level` (and
//!   `.points`, `.note`; penalties are compared by position) — written as entered
//!   (`0.8`, `complete`), `—` when absent on one side.
//! * A unit is listed when any result or entered value differs. Units and departments
//!   declared in one file only are in [`Diff::only_old`] / [`Diff::only_new`].
//! * **The scheme** ([`Diff::scheme`]): `title`, every `policy.*` key, `sections.*`, and
//!   the organisation items, departments, units, areas, indicators and awards matched by
//!   id and addressed by it (`indicators.new-jobs.base`, `awards.funding.count`): names,
//!   maxima, bases, bonus, measure, direction, roles, `units`, `pilot`, an award's
//!   count and selectors. An item present in one file only is one line,
//!   `indicators.<id>: — → <name>` (units and departments are in `only_old`/`only_new`
//!   instead). Lists are written `[a, b]`.
//!
//! This module produces data ([`Diff`]); the sentences are `crate::i18n::diff::lines`.

use crate::project::{PenaltyKind, Project, Row, SheetKind, UnitScores};
use crate::scoring::score_text;
use crate::scoring::{Scoreboard, UnitResult};
use indexmap::IndexMap;
use rust_decimal::Decimal;

/// What changed between two projects and their scores.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diff {
    pub units: Vec<UnitDiff>,
    /// Units only in the old or only in the new file.
    pub only_old: Vec<String>,
    pub only_new: Vec<String>,
    /// Changed input values outside the score sheets (the scheme), as (path, old, new).
    pub scheme: Vec<(String, String, String)>,
    /// The display names of the ids the diff mentions (from the new file, else the old).
    pub names: Names,
}

/// Display names by id, for writing a [`Diff`] out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Names {
    /// Units and departments (one namespace).
    pub units: IndexMap<String, String>,
    pub areas: IndexMap<String, String>,
    pub indicators: IndexMap<String, String>,
    pub awards: IndexMap<String, String>,
}

/// One unit (or department) that changed.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDiff {
    pub id: String,
    pub name: String,
    /// A city department (ranked in its own group).
    pub department: bool,
    /// (what, old, new) for organisation, survey, each area, task, penalty, total, rank,
    /// veto, comprehensive, last place and awards that differ.
    pub results: Vec<(String, String, String)>,
    /// (path, old, new) for the entered values that differ.
    pub inputs: Vec<(String, String, String)>,
}

impl UnitDiff {
    /// The (old, new) of one result, if it changed.
    pub fn result(&self, what: &str) -> Option<(&str, &str)> {
        self.results
            .iter()
            .find(|(w, _, _)| w == what)
            .map(|(_, o, n)| (o.as_str(), n.as_str()))
    }
}

/// A value one side does not have.
pub const ABSENT: &str = "—";

/// A value as entered: `0.80` → `0.8`.
fn entered(v: Decimal) -> String {
    v.normalize().to_string()
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

fn opt_list(items: &Option<Vec<String>>) -> String {
    items
        .as_ref()
        .map_or_else(|| ABSENT.to_string(), |l| list(l))
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref()
        .map_or_else(|| ABSENT.to_string(), ToString::to_string)
}

/// The (key, old, new) of the keys whose values differ, in the old map's order and then
/// the keys only in the new one.
fn compare(
    old: &IndexMap<String, String>,
    new: &IndexMap<String, String>,
) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for (key, o) in old {
        let n = new.get(key).map_or(ABSENT, String::as_str);
        if o != n {
            out.push((key.clone(), o.clone(), n.to_string()));
        }
    }
    for (key, n) in new {
        if !old.contains_key(key) && n != ABSENT {
            out.push((key.clone(), ABSENT.to_string(), n.clone()));
        }
    }
    out
}

/// Every entered value of a score sheet (assessed or self-check: `kind`), by TOML path.
fn sheet_values(kind: SheetKind, id: &str, sheet: Option<&UnitScores>) -> IndexMap<String, String> {
    let table = kind.key();
    let mut out = IndexMap::new();
    let Some(sheet) = sheet else {
        return out;
    };
    let path = |rest: &str| format!("{}.{rest}", crate::project::TomlPath::keys(&[table, id]));
    if let Some(survey) = sheet.survey {
        out.insert(path("survey"), entered(survey));
    }
    for (item, value) in &sheet.organization {
        let key = crate::project::TomlPath::keys(&[table, id, "organization", item]);
        out.insert(key.to_string(), entered(*value));
    }
    for (indicator, row) in &sheet.indicators {
        let key = |field: &str| {
            crate::project::TomlPath::keys(&[table, id, "indicators", indicator, field]).to_string()
        };
        match row {
            Row::Quantitative { target, actual } => {
                if let Some(t) = target {
                    out.insert(key("target"), entered(*t));
                }
                if let Some(a) = actual {
                    out.insert(key("actual"), entered(*a));
                }
            }
            Row::Qualitative {
                complete,
                deduction,
            } => {
                let status = if *complete { "complete" } else { "incomplete" };
                out.insert(key("status"), status.to_string());
                if let Some(d) = deduction {
                    out.insert(key("deduction"), entered(*d));
                }
            }
            Row::Preparation { prep } => {
                out.insert(key("prep"), entered(*prep));
            }
        }
    }
    for (n, penalty) in sheet.penalties.iter().enumerate() {
        let key = |field: &str| {
            crate::project::TomlPath::keys(&[table, id, "penalties"])
                .index(n)
                .key(field)
                .to_string()
        };
        match penalty.kind {
            PenaltyKind::Provincial => out.insert(key("level"), "provincial".into()),
            PenaltyKind::Municipal => out.insert(key("level"), "municipal".into()),
            PenaltyKind::Points(p) => out.insert(key("points"), entered(p)),
        };
        if !penalty.note.is_empty() {
            out.insert(key("note"), penalty.note.clone());
        }
    }
    out
}

/// Every value of the scheme, by path (items addressed by id); an item's presence as
/// `<kind>.<id>` → its name.
fn scheme_values(p: &Project) -> IndexMap<String, String> {
    let mut out: IndexMap<String, String> = IndexMap::new();
    let mut put = |key: String, value: String| {
        out.insert(key, value);
    };
    put("title".into(), p.title.clone());
    let policy = &p.policy;
    let pol = |k: &str| format!("policy.{k}");
    put(pol("score_decimals"), policy.score_decimals.to_string());
    put(pol("bonus_share"), entered(policy.bonus_share));
    put(pol("shortfall_step"), entered(policy.shortfall_step));
    put(pol("shortfall_rate"), entered(policy.shortfall_rate));
    put(pol("shortfall_mode"), policy.shortfall_mode.name().into());
    put(pol("deduction_cap"), entered(policy.deduction_cap));
    put(
        pol("penalty_provincial"),
        entered(policy.penalty_provincial),
    );
    put(pol("penalty_municipal"), entered(policy.penalty_municipal));
    put(
        pol("comprehensive_awards"),
        policy.comprehensive_awards.to_string(),
    );
    put(
        pol("department_awards"),
        policy.department_awards.to_string(),
    );
    put(pol("last_place"), policy.last_place.to_string());
    put(
        pol("last_place_among"),
        policy.last_place_among.name().into(),
    );
    put(
        pol("single_item_veto"),
        policy.single_item_veto.name().into(),
    );
    put(pol("department_bonus"), policy.department_bonus.to_string());
    put(
        pol("plausible_deviation"),
        entered(policy.plausible_deviation),
    );
    for (key, quota) in [
        ("individual_quota_county", policy.individual_quota_county),
        ("individual_quota_zone", policy.individual_quota_zone),
        (
            "individual_quota_department",
            policy.individual_quota_department,
        ),
    ] {
        put(pol(key), quota.to_string());
    }
    let s = &p.sections;
    put("sections.total".into(), entered(s.total));
    put("sections.survey".into(), entered(s.survey));
    put("sections.task".into(), entered(s.task));
    put(
        "sections.organization".into(),
        opt(&s.organization.map(entered)),
    );
    let key = |kind: &str, id: &str, field: &str| format!("{kind}.{id}.{field}");
    for o in &p.organization {
        put(key("organization", &o.id, "name"), o.name.clone());
        put(key("organization", &o.id, "max"), entered(o.max));
        let kinds = o
            .applies_to
            .as_ref()
            .map(|kinds| kinds.iter().map(|k| k.name().to_string()).collect());
        put(key("organization", &o.id, "applies_to"), opt_list(&kinds));
        put(key("organization", &o.id, "lead"), opt(&o.lead));
    }
    // Departments and units declared in one file only are reported as such, not here:
    // only their fields are compared.
    for d in &p.departments {
        put(key("departments", &d.id, "name"), d.name.clone());
        put(key("departments", &d.id, "quota"), opt(&d.quota));
    }
    for u in &p.units {
        put(key("units", &u.id, "name"), u.name.clone());
        put(key("units", &u.id, "kind"), u.kind.name().into());
    }
    for a in &p.areas {
        put(key("areas", &a.id, "name"), a.name.clone());
        put(key("areas", &a.id, "max"), entered(a.max));
    }
    for i in &p.indicators {
        let f = |field: &str| key("indicators", &i.id, field);
        put(f("name"), i.name.clone());
        put(f("area"), i.area.clone());
        put(f("base"), entered(i.base));
        put(f("bonus"), i.bonus.to_string());
        put(f("measure"), opt(&i.measure));
        put(f("direction"), i.direction.name().into());
        put(f("lead"), opt(&i.lead));
        put(f("responsible"), list(&i.responsible));
        put(f("co"), list(&i.co));
        put(f("units"), opt_list(&i.units));
        put(f("pilot"), opt_list(&i.pilot));
        put(f("kind"), opt(&i.kind.map(|k| k.name())));
        put(f("aggregate"), opt(&i.aggregate.map(|a| a.name())));
    }
    for a in &p.awards {
        let f = |field: &str| key("awards", &a.id, field);
        put(f("name"), a.name.clone());
        put(f("count"), a.count.to_string());
        put(f("areas"), list(&a.areas));
        put(f("lead"), opt(&a.lead));
        put(f("organization"), list(&a.organization));
    }
    // Nominees have no id: each unit's names, in the file's order.
    let mut nominees: IndexMap<&str, Vec<String>> = IndexMap::new();
    for n in &p.nominees {
        nominees.entry(&n.unit).or_default().push(n.name.clone());
    }
    for (unit, names) in nominees {
        put(format!("nominees.{unit}"), list(&names));
    }
    for step in &p.procedure {
        let f = |field: &str| key("procedure", &step.id, field);
        put(f("name"), step.name.clone());
        put(f("due"), step.due.to_string());
        put(f("returns"), opt(&step.returns.map(|r| r.name())));
    }
    out
}

/// The kinds of scheme items matched by id: the root lists of entries.
const ITEM_KINDS: &[&str] = crate::project::keys::ENTRY_LISTS;

/// `kind.id` when `key` is a field of a scheme item (`indicators.new-jobs.base`).
fn item_of(key: &str) -> Option<String> {
    let mut parts = key.splitn(3, '.');
    let (kind, id) = (parts.next()?, parts.next()?);
    ITEM_KINDS.contains(&kind).then(|| format!("{kind}.{id}"))
}

/// The scheme's differences: an item in one file only as one line (`kind.id`, its name),
/// its fields left out; units and departments in one file only left out altogether
/// (they are [`Diff::only_old`] and [`Diff::only_new`]).
fn scheme_diff(old: &Project, new: &Project) -> Vec<(String, String, String)> {
    let (a, b) = (scheme_values(old), scheme_values(new));
    let mut out = Vec::new();
    let mut lone: Vec<String> = Vec::new();
    for (key, o, n) in compare(&a, &b) {
        if let Some(item) = item_of(&key) {
            let name = format!("{item}.name");
            let (in_a, in_b) = (a.get(&name), b.get(&name));
            if in_a.is_none() || in_b.is_none() {
                let person = item.starts_with("units.") || item.starts_with("departments.");
                if !person && !lone.contains(&item) {
                    let side =
                        |v: Option<&String>| v.map_or_else(|| ABSENT.to_string(), Clone::clone);
                    out.push((item.clone(), side(in_a), side(in_b)));
                    lone.push(item);
                }
                continue;
            }
        }
        out.push((key, o, n));
    }
    out
}

/// A unit's results as (what, value), with its file's score places.
fn unit_values(project: &Project, u: Option<&UnitResult>) -> IndexMap<String, String> {
    let mut out = IndexMap::new();
    let Some(u) = u else {
        return out;
    };
    let places = project.policy.score_decimals;
    let score = |v: Decimal| score_text(v, places);
    out.insert("organization".into(), score(u.organization));
    out.insert("survey".into(), score(u.survey));
    for (area, sum) in &u.areas {
        out.insert(format!("areas.{area}"), score(*sum));
    }
    out.insert("task".into(), score(u.task));
    out.insert("penalty".into(), score(u.penalty));
    out.insert("total".into(), score(u.total));
    out.insert("rank".into(), u.rank.to_string());
    out.insert("failed".into(), u.failed.join(", "));
    out.insert("comprehensive".into(), u.comprehensive.to_string());
    out.insert("last_place".into(), u.last_place.to_string());
    out.insert("awards".into(), u.awards.join(", "));
    out
}

/// The results that differ, comparing scores as numbers (a change of `score_decimals`
/// alone is no change of a score) and everything else as written.
fn result_diff(
    old: &IndexMap<String, String>,
    new: &IndexMap<String, String>,
) -> Vec<(String, String, String)> {
    // Keys in the canonical order: the new unit's, then any only the old one has.
    let mut keys: Vec<&String> = new.keys().collect();
    keys.extend(old.keys().filter(|k| !new.contains_key(*k)));
    let mut out = Vec::new();
    for key in keys {
        let o = old.get(key).map_or(ABSENT, String::as_str);
        let n = new.get(key).map_or(ABSENT, String::as_str);
        let score = matches!(
            key.as_str(),
            "organization" | "survey" | "task" | "penalty" | "total"
        ) || key.starts_with("areas.");
        let same = match (o.parse::<Decimal>(), n.parse::<Decimal>()) {
            (Ok(a), Ok(b)) if score => a == b,
            _ => o == n,
        };
        if !same {
            out.push((key.clone(), o.to_string(), n.to_string()));
        }
    }
    out
}

/// Compares two projects and their scores.
pub fn diff(old: &Project, old_board: &Scoreboard, new: &Project, new_board: &Scoreboard) -> Diff {
    let mut names = Names::default();
    for p in [new, old] {
        for (id, name) in p
            .units
            .iter()
            .map(|u| (&u.id, &u.name))
            .chain(p.departments.iter().map(|d| (&d.id, &d.name)))
        {
            names
                .units
                .entry(id.clone())
                .or_insert_with(|| name.clone());
        }
        for a in &p.areas {
            names.areas.entry(a.id.clone()).or_insert(a.name.clone());
        }
        for i in &p.indicators {
            names
                .indicators
                .entry(i.id.clone())
                .or_insert(i.name.clone());
        }
        for a in &p.awards {
            names.awards.entry(a.id.clone()).or_insert(a.name.clone());
        }
    }

    let declared = |p: &Project| -> Vec<String> {
        p.units
            .iter()
            .map(|u| u.id.clone())
            .chain(p.departments.iter().map(|d| d.id.clone()))
            .collect()
    };
    let (in_old, in_new) = (declared(old), declared(new));
    let only_old: Vec<String> = in_old
        .iter()
        .filter(|id| !in_new.contains(id))
        .cloned()
        .collect();
    let only_new: Vec<String> = in_new
        .iter()
        .filter(|id| !in_old.contains(id))
        .cloned()
        .collect();

    // Every scored body declared in both files: the new ranking's order, then what only
    // the old one scored.
    let mut ids: Vec<(&str, bool)> = Vec::new();
    for board in [new_board, old_board] {
        for (u, department) in board
            .units
            .iter()
            .map(|u| (u, false))
            .chain(board.departments.iter().map(|u| (u, true)))
        {
            if in_old.contains(&u.id)
                && in_new.contains(&u.id)
                && !ids.iter().any(|(id, _)| *id == u.id)
            {
                ids.push((&u.id, department));
            }
        }
    }
    let mut units = Vec::new();
    for (id, department) in ids {
        let (a, b) = (old_board.find(id), new_board.find(id));
        let results = result_diff(&unit_values(old, a), &unit_values(new, b));
        let mut inputs = Vec::new();
        for kind in [SheetKind::Scores, SheetKind::Selfcheck] {
            inputs.extend(compare(
                &sheet_values(kind, id, old.sheets(kind).get(id)),
                &sheet_values(kind, id, new.sheets(kind).get(id)),
            ));
        }
        if results.is_empty() && inputs.is_empty() {
            continue;
        }
        units.push(UnitDiff {
            id: id.to_string(),
            name: names.units.get(id).cloned().unwrap_or_else(|| id.into()),
            department,
            results,
            inputs,
        });
    }

    Diff {
        units,
        only_old,
        only_new,
        scheme: scheme_diff(old, new),
        names,
    }
}

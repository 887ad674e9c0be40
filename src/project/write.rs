//! A project written out as a fresh `kaoping/1` file, in the layout of SPEC §2 (used for
//! generated projects; edits to an existing file go through the format-preserving
//! store instead, which keeps the user's comments and order).

use super::scheme::{Entry, Scheme};
use super::{
    Area, Award, Department, FORMAT, Indicator, Nominee, OrgItem, Penalty, PenaltyKind, Project,
    ReturnEntry, Row, Step, Unit, UnitScores, decimal_value,
};
use indexmap::IndexMap;
use rust_decimal::Decimal;
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

/// A table of the scheme, defaults included.
fn table<S: Scheme>(scheme: &S) -> Table {
    let mut t = Table::new();
    for (key, written) in scheme.pairs() {
        if let Some(value) = written.in_new_file() {
            t.insert(key, Item::Value(value));
        }
    }
    t
}

fn inline(pairs: Vec<(&str, Option<Value>)>) -> InlineTable {
    let mut t = InlineTable::new();
    for (k, v) in pairs {
        if let Some(v) = v {
            t.insert(k, v);
        }
    }
    t
}

fn s(text: &str) -> Option<Value> {
    Some(Value::from(text))
}

fn dec(d: Decimal) -> Option<Value> {
    Some(decimal_value(d))
}

/// A root list as `[[list]]` tables.
fn list<E: Scheme>(entries: &[E]) -> Item {
    let mut a = ArrayOfTables::new();
    for entry in entries {
        a.push(table(entry));
    }
    Item::ArrayOfTables(a)
}

/// The inline table of one indicator row.
pub fn row_value(row: &Row) -> InlineTable {
    match row {
        Row::Quantitative { target, actual } => inline(vec![
            ("target", target.map(decimal_value)),
            ("actual", actual.map(decimal_value)),
        ]),
        Row::Qualitative {
            complete,
            deduction,
        } => inline(vec![
            (
                "status",
                s(if *complete { "complete" } else { "incomplete" }),
            ),
            ("deduction", deduction.map(decimal_value)),
        ]),
        Row::Preparation { prep } => inline(vec![("prep", dec(*prep))]),
    }
}

/// The inline table of one penalty.
pub fn penalty_value(p: &Penalty) -> InlineTable {
    let kind = match p.kind {
        PenaltyKind::Provincial => ("level", s("provincial")),
        PenaltyKind::Municipal => ("level", s("municipal")),
        PenaltyKind::Points(points) => ("points", dec(points)),
    };
    inline(vec![kind, ("note", s(&p.note))])
}

/// The whole project as the text of a new file.
pub fn to_toml(p: &Project) -> String {
    let mut doc = DocumentMut::new();
    doc.insert("format", Item::Value(Value::from(FORMAT)));
    doc.insert("title", Item::Value(Value::from(p.title.as_str())));
    doc.insert("policy", Item::Table(table(&p.policy)));
    doc.insert("sections", Item::Table(table(&p.sections)));
    doc.insert(OrgItem::LIST, list(&p.organization));
    doc.insert(Department::LIST, list(&p.departments));
    doc.insert(Unit::LIST, list(&p.units));
    doc.insert(Area::LIST, list(&p.areas));
    doc.insert(Indicator::LIST, list(&p.indicators));
    doc.insert(Award::LIST, list(&p.awards));
    if !p.nominees.is_empty() {
        doc.insert(Nominee::LIST, list(&p.nominees));
    }
    if !p.procedure.is_empty() {
        doc.insert(Step::LIST, list(&p.procedure));
    }
    doc.insert("scores", Item::Table(sheets_table(&p.scores)));
    if !p.selfcheck.is_empty() {
        doc.insert("selfcheck", Item::Table(sheets_table(&p.selfcheck)));
    }
    if !p.returns.is_empty() {
        doc.insert(ReturnEntry::LIST, list(&p.returns));
    }
    doc.to_string()
}

/// `[scores]` or `[selfcheck]`: one table per unit, in order.
fn sheets_table(sheets: &IndexMap<String, UnitScores>) -> Table {
    let mut scores = Table::new();
    scores.set_implicit(true);
    for (id, sheet) in sheets {
        let mut t = Table::new();
        if let Some(survey) = sheet.survey {
            t.insert("survey", Item::Value(decimal_value(survey)));
        }
        let org: InlineTable = sheet
            .organization
            .iter()
            .map(|(k, v)| (k.as_str(), decimal_value(*v)))
            .collect();
        t.insert("organization", Item::Value(Value::InlineTable(org)));
        let mut penalties = Array::new();
        for p in &sheet.penalties {
            penalties.push(Value::InlineTable(penalty_value(p)));
        }
        t.insert("penalties", Item::Value(Value::Array(penalties)));
        let mut rows = Table::new();
        for (ind, row) in &sheet.indicators {
            rows.insert(ind, Item::Value(Value::InlineTable(row_value(row))));
        }
        t.insert("indicators", Item::Table(rows));
        scores.insert(id, Item::Table(t));
    }
    scores
}

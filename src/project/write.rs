//! A project written out as a fresh `kaoping/1` file, in the layout of SPEC §2 (used for
//! generated projects; edits to an existing file go through the format-preserving
//! store instead, which keeps the user's comments and order).

use super::*;
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

/// A decimal as a TOML literal that reads back exactly: an integer when it is one and
/// fits in `i64`, otherwise a float literal with its digits (kaoping reads floats from
/// their text, never through `f64`).
pub fn decimal_value(d: Decimal) -> Value {
    if d.scale() == 0
        && let Ok(i) = i64::try_from(d)
    {
        return Value::from(i);
    }
    let text = if d.scale() == 0 {
        format!("{d}.0")
    } else {
        d.to_string()
    };
    // A decimal's text is always a valid TOML float.
    text.parse::<Value>()
        .unwrap_or_else(|_| Value::from(d.to_string()))
}

fn ids(list: &[String]) -> Value {
    Value::Array(list.iter().map(String::as_str).collect::<Array>())
}

fn table(pairs: Vec<(&str, Option<Value>)>) -> Table {
    let mut t = Table::new();
    for (k, v) in pairs {
        if let Some(v) = v {
            t.insert(k, Item::Value(v));
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

fn list_of<T>(items: &[T], f: impl Fn(&T) -> Table) -> Item {
    let mut a = ArrayOfTables::new();
    for item in items {
        a.push(f(item));
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
    let pol = &p.policy;
    doc.insert(
        "policy",
        Item::Table(table(vec![
            (
                "score_decimals",
                Some(Value::from(i64::from(pol.score_decimals))),
            ),
            ("bonus_share", dec(pol.bonus_share)),
            ("shortfall_step", dec(pol.shortfall_step)),
            ("shortfall_rate", dec(pol.shortfall_rate)),
            ("shortfall_mode", s(pol.shortfall_mode.name())),
            ("deduction_cap", dec(pol.deduction_cap)),
            ("penalty_provincial", dec(pol.penalty_provincial)),
            ("penalty_municipal", dec(pol.penalty_municipal)),
            (
                "comprehensive_awards",
                Some(Value::from(i64::from(pol.comprehensive_awards))),
            ),
            (
                "department_awards",
                Some(Value::from(i64::from(pol.department_awards))),
            ),
            ("last_place", Some(Value::from(pol.last_place))),
            (
                "veto_blocks_single_item",
                Some(Value::from(pol.veto_blocks_single_item)),
            ),
        ])),
    );
    doc.insert(
        "sections",
        Item::Table(table(vec![
            ("total", dec(p.sections.total)),
            ("organization", p.sections.organization.map(decimal_value)),
            ("survey", dec(p.sections.survey)),
            ("task", dec(p.sections.task)),
        ])),
    );
    doc.insert(
        "organization",
        list_of(&p.organization, |o| {
            table(vec![
                ("id", s(&o.id)),
                ("name", s(&o.name)),
                ("max", dec(o.max)),
            ])
        }),
    );
    doc.insert(
        "departments",
        list_of(&p.departments, |d| {
            table(vec![("id", s(&d.id)), ("name", s(&d.name))])
        }),
    );
    doc.insert(
        "units",
        list_of(&p.units, |u| {
            let kind = if u.kind == UnitKind::Zone {
                "zone"
            } else {
                "county"
            };
            table(vec![
                ("id", s(&u.id)),
                ("name", s(&u.name)),
                ("kind", s(kind)),
            ])
        }),
    );
    doc.insert(
        "areas",
        list_of(&p.areas, |a| {
            table(vec![
                ("id", s(&a.id)),
                ("name", s(&a.name)),
                ("max", dec(a.max)),
            ])
        }),
    );
    doc.insert(
        "indicators",
        list_of(&p.indicators, |i| {
            table(vec![
                ("id", s(&i.id)),
                ("area", s(&i.area)),
                ("name", s(&i.name)),
                ("base", dec(i.base)),
                ("bonus", Some(Value::from(i.bonus))),
                ("measure", i.measure.as_deref().and_then(s)),
                ("direction", s(i.direction.name())),
                ("lead", i.lead.as_deref().and_then(s)),
                ("responsible", Some(ids(&i.responsible))),
                ("co", Some(ids(&i.co))),
                ("units", i.units.as_deref().map(ids)),
                ("pilot", i.pilot.as_deref().map(ids)),
            ])
        }),
    );
    doc.insert(
        "awards",
        list_of(&p.awards, |a| {
            table(vec![
                ("id", s(&a.id)),
                ("name", s(&a.name)),
                ("count", Some(Value::from(i64::from(a.count)))),
                ("areas", Some(ids(&a.areas))),
                ("lead", a.lead.as_deref().and_then(s)),
                ("organization", Some(ids(&a.organization))),
            ])
        }),
    );
    let mut scores = Table::new();
    scores.set_implicit(true);
    for (id, sheet) in &p.scores {
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
    doc.insert("scores", Item::Table(scores));
    doc.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_written_so_that_they_read_back_exactly() {
        for text in [
            "0",
            "5",
            "-3",
            "5.60",
            "10000000000000000.01",
            "12345678901234567890123",
            "0.0000001",
        ] {
            let d: Decimal = text.parse().unwrap();
            let v = decimal_value(d);
            let back = parse_decimal_text(&v.to_string()).unwrap();
            assert_eq!(back, d, "{text} written as {v}");
        }
    }
}

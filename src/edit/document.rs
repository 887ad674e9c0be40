//! [`Edit`]s applied to the format-preserving document. Every step mirrors one in
//! [`super::model`] (kept as one file, in the same order, so that the two appliers can be
//! read side by side: it is long because every layout of TOML a user may have written
//! must keep its shape); the scheme (which units, indicators, ... exist) is read from the
//! document itself, the way the loader reads it.
//!
//! Layouts: the lists (`[[units]]`, ...) may be arrays of tables or arrays of inline
//! tables; `scores`, a sheet, its `organization` and `indicators`, and each row may be
//! standard, dotted or inline tables; `penalties` may be an array of inline tables or
//! `[[scores.<id>.penalties]]`. Anything else where a table belongs is left alone.

use super::syntax::{
    List, NewTable, Place, Tab, array_insert, each_table, has_header, keep_visible, raw,
};
use super::{Edit, PENALTY_KEYS, ROOT_KEYS, ROW_KEYS, SHEET_KEYS, indicator_slot, with_role};
use crate::project::scheme::{Entry, Field, Scheme, Single, Written};
use crate::project::{
    Area, Award, Department, Indicator, Nominee, OrgItem, Penalty, PenaltyKind, ReturnEntry, Row,
    SheetKind, Unit, decimal_value, is_valid_id, penalty_value, row_value,
};
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

pub(super) fn apply(doc: &mut DocumentMut, edit: &Edit) {
    let root = doc.as_table_mut();
    match edit {
        Edit::Selfcheck { edit } if edit.is_sheet_edit() => {
            change_sheet(root, SheetKind::Selfcheck, edit);
            settle_after(root, SheetKind::Selfcheck, edit);
        }
        Edit::Selfcheck { .. } => {}
        _ if edit.is_sheet_edit() => {
            change_sheet(root, SheetKind::Scores, edit);
            settle_after(root, SheetKind::Scores, edit);
        }
        _ => {
            change(root, edit);
            if let Edit::RemoveIndicator { .. } | Edit::RemoveArea { .. } = edit {
                for kind in [SheetKind::Scores, SheetKind::Selfcheck] {
                    let sheets = root.get_mut(kind.key()).and_then(Tab::of).map(|s| s.keys());
                    for unit in sheets.unwrap_or_default() {
                        settle(root, kind, &unit, None);
                    }
                }
            }
        }
    }
}

/// After an edit of a sheet of `kind`: keeps what it emptied printed.
fn settle_after(root: &mut Table, kind: SheetKind, edit: &Edit) {
    match edit {
        Edit::SetRow {
            unit, indicator, ..
        } => settle(root, kind, unit, Some(indicator)),
        Edit::SetSurvey { unit, .. }
        | Edit::SetOrg { unit, .. }
        | Edit::AddPenalty { unit, .. }
        | Edit::SetPenalty { unit, .. }
        | Edit::RemovePenalty { unit, .. } => settle(root, kind, unit, None),
        _ => {}
    }
}

/// Keeps a sheet, the tables in it and the row that was edited printed after they were
/// emptied (see [`keep_visible`]).
fn settle(root: &mut Table, kind: SheetKind, unit: &str, row: Option<&str>) {
    let Some(mut scores) = root.get_mut(kind.key()).and_then(Tab::of) else {
        return;
    };
    if let Some(mut sheet) = scores.child(unit) {
        if let Some(row) = row
            && let Some(mut rows) = sheet.child("indicators")
            && let Some(item) = rows.get_mut(row)
        {
            keep_visible(item);
        }
        for key in ["organization", "indicators"] {
            if let Some(item) = sheet.get_mut(key) {
                keep_visible(item);
            }
        }
    }
    if let Some(item) = scores.get_mut(unit) {
        keep_visible(item);
    }
}

/// A score-sheet edit (`SetSurvey` … `RemovePenalty`) on the sheets of `kind`.
fn change_sheet(root: &mut Table, kind: SheetKind, edit: &Edit) {
    match edit {
        Edit::SetSurvey { unit, value } => match value {
            Some(v) => {
                if let Some(mut sheet) = sheet(root, kind, unit, true) {
                    sheet.set("survey", decimal_value(*v), Place::Keys(SHEET_KEYS));
                }
            }
            None => {
                if let Some(mut sheet) = sheet(root, kind, unit, false) {
                    sheet.remove("survey");
                }
            }
        },
        Edit::SetOrg { unit, item, value } => {
            let order = ids(root, OrgItem::LIST);
            if !order.contains(item) {
                return;
            }
            match value {
                Some(v) => {
                    if let Some(mut org) = sheet(root, kind, unit, true).and_then(|s| {
                        s.into_child_or_new(
                            "organization",
                            Place::Keys(SHEET_KEYS),
                            NewTable::Inline,
                        )
                    }) {
                        org.set(item, decimal_value(*v), Place::Ids(&order));
                    }
                }
                None => {
                    if let Some(mut org) =
                        sheet(root, kind, unit, false).and_then(|s| s.into_child("organization"))
                    {
                        org.remove(item);
                    }
                }
            }
        }
        Edit::SetRow {
            unit,
            indicator,
            row,
        } => set_row(root, kind, unit, indicator, row.as_ref()),
        Edit::AddPenalty { unit, penalty } => add_penalty(root, kind, unit, penalty),
        Edit::SetPenalty {
            unit,
            index,
            penalty,
        } => set_penalty(root, kind, unit, *index, penalty),
        Edit::RemovePenalty { unit, index } => {
            let Some(mut sheet) = sheet(root, kind, unit, false) else {
                return;
            };
            let emptied = match sheet.get_mut("penalties").and_then(List::of) {
                Some(mut list) => list.remove(*index).is_some() && list.len() == 0,
                None => false,
            };
            if emptied {
                sheet.remove("penalties");
            }
        }
        _ => {}
    }
}

fn change(root: &mut Table, edit: &Edit) {
    match edit {
        Edit::SetTitle { title } => {
            Tab::Std(root).set("title", Value::from(title.as_str()), Place::Keys(ROOT_KEYS));
        }
        Edit::SetPolicy { field } => set_single(root, field),
        Edit::SetSections { field } => set_single(root, field),
        Edit::SetRole {
            indicator,
            department,
            role,
        } => {
            if !ids(root, Department::LIST).contains(department) {
                return;
            }
            let Some(at) = find(root, Indicator::LIST, indicator) else {
                return;
            };
            let Some(mut t) = element(root, Indicator::LIST, at) else {
                return;
            };
            let lead = t.id("lead");
            let responsible = t.ids("responsible").unwrap_or_default();
            let co = t.ids("co").unwrap_or_default();
            let (new_lead, new_responsible, new_co) = with_role(
                lead.clone(),
                responsible.clone(),
                co.clone(),
                department,
                *role,
            );
            let place = Place::Keys(Indicator::KEYS);
            if new_lead != lead {
                t.set_str("lead", new_lead.as_deref(), place);
            }
            if new_responsible != responsible {
                t.set_ids("responsible", &new_responsible, true, place);
            }
            if new_co != co {
                t.set_ids("co", &new_co, true, place);
            }
        }
        Edit::SetIndicator { id, field } => set_field(root, id, field),
        Edit::SetArea { id, field } => set_field(root, id, field),
        Edit::SetDepartment { id, field } => set_field(root, id, field),
        Edit::SetUnit { id, field } => set_field(root, id, field),
        Edit::SetOrgItem { id, field } => set_field(root, id, field),
        Edit::AddIndicator { indicator } => {
            if find(root, Indicator::LIST, &indicator.id).is_some() {
                return;
            }
            let areas = field(root, Indicator::LIST, "area");
            let at = indicator_slot(areas.iter().map(String::as_str), &indicator.area);
            add_element(root, Indicator::LIST, at, new_entry(indicator));
        }
        Edit::RemoveIndicator { id } => {
            if let Some(at) = find(root, Indicator::LIST, id) {
                remove_element(root, Indicator::LIST, at);
                remove_rows(root, std::slice::from_ref(id));
            }
        }
        Edit::AddArea { area } => {
            if find(root, Area::LIST, &area.id).is_none() {
                add_element(root, Area::LIST, usize::MAX, new_entry(area));
            }
        }
        Edit::RemoveArea { id } => remove_area(root, id),
        Edit::AddDepartment { department } => {
            if !taken(root, &department.id) {
                add_element(root, Department::LIST, usize::MAX, new_entry(department));
            }
        }
        Edit::RemoveDepartment { id } => remove_department(root, id),
        Edit::AddUnit { unit } => {
            if !taken(root, &unit.id) {
                add_element(root, Unit::LIST, usize::MAX, new_entry(unit));
            }
        }
        Edit::RemoveUnit { id } => remove_unit(root, id),
        Edit::AddReturn { entry } => {
            let at_end = root
                .get(ReturnEntry::LIST)
                .is_none()
                .then(|| end_position(root));
            add_element(root, ReturnEntry::LIST, usize::MAX, new_entry(entry));
            // The first entry goes at the end of the file, after the sheets.
            if let (Some(position), Some(Item::ArrayOfTables(list))) =
                (at_end, root.get_mut(ReturnEntry::LIST))
                && let Some(t) = list.get_mut(0)
            {
                t.set_position(Some(position));
            }
        }
        Edit::RemoveReturn { index } => {
            if *index < field(root, ReturnEntry::LIST, "from").len() {
                remove_element(root, ReturnEntry::LIST, *index);
            }
        }
        // Handled by `apply`.
        Edit::SetSurvey { .. }
        | Edit::SetOrg { .. }
        | Edit::SetRow { .. }
        | Edit::AddPenalty { .. }
        | Edit::SetPenalty { .. }
        | Edit::RemovePenalty { .. }
        | Edit::Selfcheck { .. } => {}
    }
}

// ---- the scheme, read from the document --------------------------------------------

/// The `key` of every element of a root list, as the loader reads an id: "" when missing,
/// not a string or not a valid id (so that indices stay those of the list).
fn field(root: &Table, list: &str, key: &str) -> Vec<String> {
    let read = |t: Option<&dyn toml_edit::TableLike>| {
        t.and_then(|t| t.get(key))
            .and_then(Item::as_str)
            .filter(|s| is_valid_id(s))
            .unwrap_or("")
            .to_string()
    };
    match root.get(list) {
        Some(Item::ArrayOfTables(a)) => a
            .iter()
            .map(|t| read(Some(t as &dyn toml_edit::TableLike)))
            .collect(),
        Some(Item::Value(Value::Array(a))) => a
            .iter()
            .map(|v| read(v.as_inline_table().map(|t| t as &dyn toml_edit::TableLike)))
            .collect(),
        _ => Vec::new(),
    }
}

fn ids(root: &Table, list: &str) -> Vec<String> {
    field(root, list, "id")
}

fn find(root: &Table, list: &str, id: &str) -> Option<usize> {
    ids(root, list).iter().position(|i| i == id)
}

/// Whether a unit or a department has this id (one namespace).
fn taken(root: &Table, id: &str) -> bool {
    find(root, Unit::LIST, id).is_some() || find(root, Department::LIST, id).is_some()
}

fn element<'a>(root: &'a mut Table, list: &str, index: usize) -> Option<Tab<'a>> {
    let item = root.get_mut(list)?;
    match item {
        Item::ArrayOfTables(a) => a.get_mut(index).map(Tab::Std),
        Item::Value(Value::Array(a)) => a
            .get_mut(index)
            .and_then(Value::as_inline_table_mut)
            .map(Tab::Inline),
        _ => None,
    }
}

/// Every element of a root list, in turn.
fn each_element(root: &mut Table, list: &str, mut f: impl FnMut(&mut Tab)) {
    let Some(mut list) = root.get_mut(list).and_then(List::of) else {
        return;
    };
    for i in 0..list.len() {
        if let Some(mut t) = list.get_mut(i) {
            f(&mut t);
        }
    }
}

/// Sets one field of the entry with this id (if there is one, and if what the value names
/// exists): the key is set in place, or placed in the order of the entry's keys, or
/// removed; a default value is written only over a key that is there.
fn set_field<F: Field>(root: &mut Table, id: &str, field: &F)
where
    F::Table: Entry,
{
    if let Some(named) = field.names()
        && find(root, named.list, named.id).is_none()
    {
        return;
    }
    let list = F::Table::LIST;
    let Some(at) = find(root, list, id) else {
        return;
    };
    let Some(t) = element(root, list, at) else {
        return;
    };
    put_field(t, field);
}

/// Sets one key of `[policy]` or `[sections]`, found by its root key. A missing table is
/// created (as `[policy]`, placed in SPEC §2's order of the root keys, before the tables
/// that follow it there) only for a value that must be written; a default value is
/// written only over a key that is there, and a key removed only where there is one.
fn set_single<F: Field>(root: &mut Table, field: &F)
where
    F::Table: Single,
{
    let key = F::Table::ROOT;
    let t = match (root.get(key).is_some(), field.value()) {
        (true, _) => Tab::Std(root).into_child(key),
        (false, Written::Value(_)) => Tab::Std(root).into_child_or_new(
            key,
            Place::Keys(ROOT_KEYS),
            NewTable::Standard {
                position: None,
                implicit: false,
            },
        ),
        (false, _) => None,
    };
    if let Some(t) = t {
        put_field(t, field);
    }
}

/// Sets, places or removes the key of a field in its table (see [`set_field`]).
fn put_field<F: Field>(mut t: Tab, field: &F) {
    let key = field.key();
    let place = Place::Keys(F::Table::KEYS);
    match field.value() {
        Written::Value(value) => t.put(key, value, place),
        Written::Default(value) => {
            if t.get(key).is_some() {
                t.put(key, value, place);
            }
        }
        Written::Absent => {
            t.remove(key);
        }
    }
    for old in field.replaces() {
        t.remove(old);
    }
}

/// A new entry's keys, in the order of SPEC §2, without those that say the default.
fn new_entry(entry: &impl Scheme) -> Vec<(&'static str, Value)> {
    entry
        .pairs()
        .into_iter()
        .filter_map(|(key, written)| Some((key, written.in_new_entry()?)))
        .collect()
}

/// Inserts a new element at `index` (clamped to the end) of a root list, creating the
/// list (as `[[list]]` tables, after those of the lists before it) when there is none.
fn add_element(root: &mut Table, list: &str, index: usize, pairs: Vec<(&str, Value)>) {
    match root.get_mut(list) {
        Some(item) => {
            if let Some(mut l) = List::of(item) {
                l.insert(index, pairs);
            }
        }
        None => {
            let mut t = Table::new();
            for (k, v) in pairs {
                t.insert(k, Item::Value(v));
            }
            let mut tables = ArrayOfTables::new();
            tables.push(t);
            let mut root = Tab::Std(root);
            let at = root.place(list, Place::Keys(ROOT_KEYS));
            root.insert_at(list, Item::ArrayOfTables(tables), at);
        }
    }
}

/// Removes an element of a root list; a comment block above a removed `[[list]]` table
/// is handed down to the next one.
fn remove_element(root: &mut Table, list: &str, index: usize) {
    let next = next_sibling(root, &[(list.to_string(), Some(index))]).map(|mut path| {
        // The next element moves up by one.
        if let Some((_, Some(i))) = path.last_mut() {
            *i = i.saturating_sub(1);
        }
        path
    });
    let removed = root
        .get_mut(list)
        .and_then(List::of)
        .and_then(|mut l| l.remove(index));
    if let Some(Item::Table(t)) = removed {
        hand_down(root, &t, next, index == 0);
    }
}

/// Where a table is: the keys from the root, with the index of an element of `[[...]]`.
type TablePath = Vec<(String, Option<usize>)>;

/// The tables that print a `[header]`, in the order they are printed (the order
/// `toml_edit` uses: by document position, a table without one right after the table
/// visited before it).
fn printed(root: &Table) -> Vec<TablePath> {
    fn walk(t: &Table, path: &mut TablePath, last: &mut isize, out: &mut Vec<(isize, TablePath)>) {
        for (key, item) in t.iter() {
            let tables: Vec<(Option<usize>, &Table)> = match item {
                Item::Table(sub) => vec![(None, sub)],
                Item::ArrayOfTables(a) => a.iter().enumerate().map(|(i, t)| (Some(i), t)).collect(),
                _ => continue,
            };
            for (index, sub) in tables {
                path.push((key.to_string(), index));
                if !sub.is_dotted() {
                    if let Some(p) = sub.position() {
                        *last = p;
                    }
                    if has_header(sub) {
                        out.push((*last, path.clone()));
                    }
                }
                walk(sub, path, last, out);
                path.pop();
            }
        }
    }
    let mut out = Vec::new();
    let mut last = root.position().unwrap_or(0);
    walk(root, &mut Vec::new(), &mut last, &mut out);
    out.sort_by_key(|(position, _)| *position);
    out.into_iter().map(|(_, path)| path).collect()
}

/// The table printed right after the one at `path` (and what is inside it), if that is
/// one of the same kind: the next `[[list]]` element, or another sheet.
fn next_sibling(root: &Table, path: &[(String, Option<usize>)]) -> Option<TablePath> {
    let order = printed(root);
    let at = order.iter().position(|p| p == path)?;
    let next = order[at + 1..].iter().find(|p| !p.starts_with(path))?;
    let (last, parent) = path.split_last()?;
    let (next_last, next_parent) = next.split_last()?;
    let same_kind = match (last, next_last) {
        ((key, Some(_)), (next_key, Some(_))) => key == next_key,
        ((_, None), (_, None)) => true,
        _ => false,
    };
    (parent == next_parent && same_kind).then(|| next.clone())
}

fn table_at<'a>(root: &'a mut Table, path: &[(String, Option<usize>)]) -> Option<&'a mut Table> {
    let mut t = root;
    for (key, index) in path {
        let item = t.get_mut(key)?;
        t = match index {
            Some(i) => item.as_array_of_tables_mut()?.get_mut(*i)?,
            None => item.as_table_mut()?,
        };
    }
    Some(t)
}

/// Gives the comment block (and blank lines) above a removed table to `next`, the table
/// of the same kind that now follows it: in place of its blank lines if it has no
/// comment; before its own if the removed table was the first of its kind (its block
/// usually heads them all: `# ---- indicators ...`). Otherwise the block was the removed
/// table's own and goes with it.
fn hand_down(root: &mut Table, removed: &Table, next: Option<TablePath>, first: bool) {
    // A table made by an edit has the default decor (a blank line): nothing to hand down.
    let Some(prefix) = removed.decor().prefix().map(|p| raw(Some(p))) else {
        return;
    };
    let Some(t) = next.and_then(|path| table_at(root, &path)) else {
        return;
    };
    let own = raw(t.decor().prefix());
    if !own.contains('#') {
        // Also the blank lines: the gap before the removed table stays as it was.
        t.decor_mut().set_prefix(prefix.to_string());
    } else if first && prefix.contains('#') {
        let merged = format!("{prefix}{own}");
        t.decor_mut().set_prefix(merged);
    }
}

// ---- score sheets ---------------------------------------------------------------------

/// The `[scores.<id>]` table of a unit or department; when missing and `create`, a new
/// one at the end of the document. `None` when the id names neither, or when what is
/// there is not a table.
fn sheet<'a>(root: &'a mut Table, kind: SheetKind, id: &str, create: bool) -> Option<Tab<'a>> {
    if !taken(root, id) {
        return None;
    }
    let exists = root
        .get(kind.key())
        .and_then(Item::as_table_like)
        .is_some_and(|scores| scores.contains_key(id));
    if !create || exists {
        return Tab::Std(root).into_child(kind.key())?.into_child(id);
    }
    let last = end_position(root);
    let scores = Tab::Std(root).into_child_or_new(
        kind.key(),
        Place::Keys(ROOT_KEYS),
        NewTable::Standard {
            position: None,
            implicit: true,
        },
    )?;
    scores.into_child_or_new(
        id,
        Place::End,
        NewTable::Standard {
            position: Some(last),
            implicit: false,
        },
    )
}

/// The position after every table of the document: where a table added at the end goes.
fn end_position(root: &Table) -> isize {
    let mut last = None;
    each_table(root, &mut |t| {
        if let Some(p) = t.position() {
            last = Some(last.map_or(p, |l: isize| l.max(p)));
        }
    });
    last.map_or(0, |l| l.saturating_add(1))
}

fn set_row(root: &mut Table, kind: SheetKind, unit: &str, indicator: &str, row: Option<&Row>) {
    let order = ids(root, Indicator::LIST);
    if !order.iter().any(|i| i == indicator) {
        return;
    }
    let Some(row) = row else {
        if let Some(mut rows) =
            sheet(root, kind, unit, false).and_then(|s| s.into_child("indicators"))
        {
            rows.remove(indicator);
        }
        return;
    };
    let Some(mut rows) = sheet(root, kind, unit, true).and_then(|s| {
        s.into_child_or_new(
            "indicators",
            Place::Keys(SHEET_KEYS),
            NewTable::Standard {
                position: None,
                implicit: false,
            },
        )
    }) else {
        return;
    };
    let new = row_value(row);
    if let Some(item) = rows.get_mut(indicator) {
        update_row(item, row, new);
        return;
    }
    // A new row: a `[scores.<id>.indicators.<row>]` table if the others are, else inline.
    let as_tables = match &rows {
        Tab::Std(t) => {
            !t.is_dotted()
                && t.iter()
                    .any(|(_, item)| item.as_table().is_some_and(|r| !r.is_dotted()))
        }
        Tab::Inline(_) => false,
    };
    let item = if as_tables {
        let mut t = Table::new();
        for (k, v) in new.iter() {
            t.insert(k, Item::Value(bare(v)));
        }
        Item::Table(t)
    } else {
        Item::Value(Value::InlineTable(new))
    };
    let at = rows.place(indicator, Place::Ids(&order));
    rows.insert_at(indicator, item, at);
}

/// A value without the decor it had where it came from.
fn bare(v: &Value) -> Value {
    let mut v = v.clone();
    v.decor_mut().clear();
    v
}

/// The keys of a row's kind.
fn row_kind(row: &Row) -> &'static [&'static str] {
    match row {
        Row::Quantitative { .. } => &["target", "actual"],
        Row::Qualitative { .. } => &["status", "deduction"],
        Row::Preparation { .. } => &["prep"],
    }
}

/// Makes an existing row read as `row`. An inline row of the same kind is changed value
/// by value; one of another kind gets new contents in the same place (its key, spacing
/// and trailing comment stay). A row table is changed key by key.
fn update_row(item: &mut Item, row: &Row, new: InlineTable) {
    let kind = row_kind(row);
    match item {
        Item::Value(Value::InlineTable(t)) => {
            let present: Vec<String> = t
                .iter()
                .map(|(k, _)| k.to_string())
                .filter(|k| ROW_KEYS.contains(&k.as_str()))
                .collect();
            let same_kind = !present.is_empty()
                && !new.is_empty()
                && present.iter().all(|k| kind.contains(&k.as_str()));
            if same_kind {
                sync(&mut Tab::Inline(t), &new, ROW_KEYS);
            } else {
                let decor = t.decor().clone();
                *t = new;
                *t.decor_mut() = decor;
            }
        }
        Item::Table(t) => sync(&mut Tab::Std(t), &new, ROW_KEYS),
        other => {
            let mut value = Value::InlineTable(new);
            if let Some(old) = other.as_value() {
                *value.decor_mut() = old.decor().clone();
            }
            *other = Item::Value(value);
        }
    }
}

/// Makes the `keys` of a table read as in `new`: set where `new` has them, removed where
/// it does not; other keys stay.
fn sync(t: &mut Tab, new: &InlineTable, keys: &[&str]) {
    for key in keys {
        match new.get(key) {
            Some(v) => t.set(key, bare(v), Place::Keys(keys)),
            None => {
                t.remove(key);
            }
        }
    }
}

fn add_penalty(root: &mut Table, kind: SheetKind, unit: &str, penalty: &Penalty) {
    let Some(mut sheet) = sheet(root, kind, unit, true) else {
        return;
    };
    let new = penalty_value(penalty);
    match sheet.get_mut("penalties") {
        None => {
            let mut array = Array::new();
            array_insert(&mut array, 0, Value::InlineTable(new));
            sheet.set("penalties", Value::Array(array), Place::Keys(SHEET_KEYS));
        }
        Some(item) => {
            if let Some(mut list) = List::of(item) {
                let pairs = new.iter().map(|(k, v)| (k, bare(v))).collect();
                let end = list.len();
                list.insert(end, pairs);
            }
        }
    }
}

fn set_penalty(root: &mut Table, kind: SheetKind, unit: &str, index: usize, penalty: &Penalty) {
    let Some(mut sheet) = sheet(root, kind, unit, false) else {
        return;
    };
    let Some(item) = sheet.get_mut("penalties") else {
        return;
    };
    let new = penalty_value(penalty);
    match item {
        Item::ArrayOfTables(a) => {
            if let Some(t) = a.get_mut(index) {
                sync(&mut Tab::Std(t), &new, PENALTY_KEYS);
            }
        }
        Item::Value(Value::Array(a)) => {
            let Some(old) = a.get_mut(index) else {
                return;
            };
            let is_points = matches!(penalty.kind, PenaltyKind::Points(_));
            match old {
                Value::InlineTable(t)
                    if t.contains_key("points") == is_points
                        && t.contains_key("level") != is_points =>
                {
                    sync(&mut Tab::Inline(t), &new, PENALTY_KEYS);
                }
                _ => {
                    let decor = old.decor().clone();
                    *old = Value::InlineTable(new);
                    *old.decor_mut() = decor;
                }
            }
        }
        _ => {}
    }
}

/// Removes the rows of these indicators from every sheet.
fn remove_rows(root: &mut Table, indicators: &[String]) {
    for kind in [SheetKind::Scores, SheetKind::Selfcheck] {
        let Some(mut scores) = root.get_mut(kind.key()).and_then(Tab::of) else {
            continue;
        };
        for id in scores.keys() {
            if let Some(mut rows) = scores.child(&id).and_then(|s| s.into_child("indicators")) {
                for indicator in indicators {
                    rows.remove(indicator);
                }
            }
        }
    }
}

/// Removes a unit's or department's sheets, assessed and self-check.
fn remove_sheet(root: &mut Table, id: &str) {
    for kind in [SheetKind::Scores, SheetKind::Selfcheck] {
        let next = next_sibling(root, &[(s(kind.key()), None), (s(id), None)]);
        let removed = root
            .get_mut(kind.key())
            .and_then(Tab::of)
            .and_then(|mut scores| {
                let first = scores.keys().first().is_some_and(|k| k == id);
                scores.remove(id).map(|item| (item, first))
            });
        if let Some((Item::Table(t), first)) = removed {
            hand_down(root, &t, next, first);
        }
    }
}

fn s(text: &str) -> String {
    text.to_string()
}

// ---- the scheme -------------------------------------------------------------------------

fn remove_area(root: &mut Table, id: &str) {
    let Some(at) = find(root, Area::LIST, id) else {
        return;
    };
    remove_element(root, Area::LIST, at);
    let indicators = ids(root, Indicator::LIST);
    let areas = field(root, Indicator::LIST, "area");
    let mut removed = Vec::new();
    for i in (0..areas.len()).rev() {
        if areas[i] == id {
            remove_element(root, Indicator::LIST, i);
            removed.push(indicators[i].clone());
        }
    }
    remove_rows(root, &removed);
    each_element(root, Award::LIST, |t| {
        if let Some(areas) = t.ids("areas")
            && areas.iter().any(|a| a == id)
        {
            let kept: Vec<String> = areas.into_iter().filter(|a| a != id).collect();
            t.set_ids("areas", &kept, true, Place::Keys(Award::KEYS));
        }
    });
}

fn remove_department(root: &mut Table, id: &str) {
    let Some(at) = find(root, Department::LIST, id) else {
        return;
    };
    remove_element(root, Department::LIST, at);
    each_element(root, Indicator::LIST, |t| {
        if t.id("lead").as_deref() == Some(id) {
            t.remove("lead");
        }
        for key in ["responsible", "co"] {
            if let Some(list) = t.ids(key)
                && list.iter().any(|d| d == id)
            {
                let kept: Vec<String> = list.into_iter().filter(|d| d != id).collect();
                t.set_ids(key, &kept, true, Place::Keys(Indicator::KEYS));
            }
        }
    });
    for list in [Award::LIST, OrgItem::LIST] {
        each_element(root, list, |t| {
            if t.id("lead").as_deref() == Some(id) {
                t.remove("lead");
            }
        });
    }
    remove_nominees(root, id);
    remove_sheet(root, id);
}

/// Removes the nominees of a unit or department, last first.
fn remove_nominees(root: &mut Table, id: &str) {
    let units = field(root, Nominee::LIST, "unit");
    for at in (0..units.len()).rev().filter(|&at| units[at] == id) {
        remove_element(root, Nominee::LIST, at);
    }
}

fn remove_unit(root: &mut Table, id: &str) {
    let Some(at) = find(root, Unit::LIST, id) else {
        return;
    };
    remove_element(root, Unit::LIST, at);
    remove_sheet(root, id);
    remove_nominees(root, id);
    each_element(root, Indicator::LIST, |t| {
        for key in ["units", "pilot"] {
            if let Some(list) = t.ids(key)
                && list.iter().any(|u| u == id)
            {
                let kept: Vec<String> = list.into_iter().filter(|u| u != id).collect();
                t.set_ids(key, &kept, false, Place::Keys(Indicator::KEYS));
            }
        }
    });
}

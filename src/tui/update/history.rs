//! Undo and redo that say what they took back or made again — the unit, the field, and
//! its value before → after — and show the place. What changed is read by comparing the
//! project before the step with the project after it ([`crate::diff::diff`]): the
//! history keeps whole texts, so the comparison is what knows the field.

use super::super::model::*;
use super::{info, nav, refused_read_only};
use crate::diff::{ABSENT, Diff};
use crate::i18n::{EntryText, Lang, T};
use crate::project::Project;
use crate::text::sanitize;

/// Where a change undone or redone is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Place {
    /// A field of a unit's sheet.
    Sheet {
        unit: String,
        line: Line,
        field: Field,
    },
    /// An indicator's or an area's row of the matrix (by id).
    Indicator(String),
    Area(String),
}

/// A change undone or redone, in words, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Described {
    /// `东城县 城镇新增就业人数 实际值 5000 → 4750`, with how many more changes.
    pub text: String,
    pub place: Option<Place>,
}

/// Takes back the last edit (`back`) or makes the last undone one again, says which
/// value went from what to what, and moves the cursor there.
pub(super) fn step(model: &mut Model, back: bool) {
    if refused_read_only(model) {
        return;
    }
    let before = (model.session.project.clone(), model.session.board.clone());
    let done = if back {
        model.session.undo()
    } else {
        model.session.redo()
    };
    let l = model.lang;
    if !done {
        let text = if back {
            T::NothingToUndo
        } else {
            T::NothingToRedo
        };
        return info(model, text.get(l).to_string());
    }
    let diff = crate::diff::diff(
        &before.0,
        &before.1,
        &model.session.project,
        &model.session.board,
    );
    let t = EntryText(l);
    let Some(described) = describe(&diff, &model.session.project, l) else {
        let text = if back { T::Undone } else { T::Redone };
        return info(model, text.get(l).to_string());
    };
    let text = if back {
        t.undone(&described.text)
    } else {
        t.redone(&described.text)
    };
    if let Some(place) = described.place {
        show(model, &place);
    }
    info(model, text);
}

/// Puts the cursor on the place, when it is still there.
fn show(model: &mut Model, place: &Place) {
    match place {
        Place::Sheet { unit, line, field } => {
            // In the indicator grid: its cursor goes to the cell.
            if let Line::Row(ii) = line
                && super::grid::show_cell(model, unit, *ii, *field)
            {
                return;
            }
            let p = &model.session.project;
            let lines = sheet_lines(p, unit);
            let Some(at) = lines.iter().position(|l| l == line) else {
                nav::open_unit(model, unit);
                return;
            };
            let field_at = line_fields(p, unit, *line)
                .iter()
                .position(|f| f == field)
                .unwrap_or(0);
            if nav::open_unit(model, unit) {
                let e = &mut model.ui.entry;
                e.in_sheet = true;
                e.line = at;
                e.field = field_at;
            }
        }
        Place::Indicator(id) | Place::Area(id) => {
            let p = &model.session.project;
            let wanted = match place {
                Place::Indicator(_) => p
                    .indicators
                    .iter()
                    .position(|i| &i.id == id)
                    .map(MatrixRow::Indicator),
                _ => p
                    .areas
                    .iter()
                    .position(|a| &a.id == id)
                    .map(MatrixRow::Area),
            };
            if let Some(row) = wanted.and_then(|w| matrix_rows(p).iter().position(|r| *r == w)) {
                model.ui.pane.0 = Pane::Matrix;
                model.ui.matrix.row = row;
            }
        }
    }
}

/// The first value a step changed, in words, with how many more it changed; `None` when
/// the comparison finds no entered value or setting that changed.
pub(super) fn describe(diff: &Diff, p: &Project, l: Lang) -> Option<Described> {
    let t = EntryText(l);
    let count = diff.units.iter().map(|u| u.inputs.len()).sum::<usize>() + diff.scheme.len();
    let first = diff
        .units
        .iter()
        .find_map(|u| u.inputs.first().map(|input| (u, input)));
    let (text, place) = match first {
        Some((u, (path, old, new))) => {
            let (what, place) = sheet_place(p, &u.id, path, l);
            let place_text = format!("{} {what}", sanitize(&u.name));
            (t.change(&place_text, &value(old, l), &value(new, l)), place)
        }
        None => {
            let (path, old, new) = diff.scheme.first()?;
            let (what, place) = scheme_place(p, path);
            (t.change(&what, &sanitize(old), &sanitize(new)), place)
        }
    };
    let text = if count > 1 {
        format!("{text}{}", t.more_changes(count - 1))
    } else {
        text
    };
    Some(Described { text, place })
}

/// A value as the diff writes it, in words: a status in the glossary's terms.
fn value(v: &str, l: Lang) -> String {
    use crate::i18n::glossary::{en, zh};
    match v {
        "complete" => l.pick(zh::COMPLETE, en::COMPLETE).to_string(),
        "incomplete" => l.pick(zh::INCOMPLETE, en::INCOMPLETE).to_string(),
        "municipal" => l.pick(zh::MUNICIPAL, en::MUNICIPAL).to_string(),
        "provincial" => l.pick(zh::PROVINCIAL, en::PROVINCIAL).to_string(),
        ABSENT => ABSENT.to_string(),
        other => sanitize(other),
    }
}

/// A sheet value's path (`scores.jia.indicators.new-jobs.actual`) as the field's name
/// (`城镇新增就业人数 实际值`) and its place.
fn sheet_place(p: &Project, unit: &str, path: &str, l: Lang) -> (String, Option<Place>) {
    // A self-check's value (`selfcheck.jia.…`): the same words after 自查, at the same place.
    if let Some(rest) = path.strip_prefix(&format!("selfcheck.{unit}.")) {
        use crate::i18n::glossary::{en, zh};
        let (label, place) = sheet_place(p, unit, &format!("scores.{unit}.{rest}"), l);
        let short = l.pick(zh::SELFCHECK_SHORT, en::SELFCHECK_SHORT);
        return (format!("{short} {label}"), place);
    }
    let t = EntryText(l);
    let prefix = format!("scores.{unit}.");
    let rest = path.strip_prefix(&prefix).unwrap_or(path);
    let parts: Vec<&str> = rest.split('.').collect();
    let at = |line: Line, field: Field| {
        Some(Place::Sheet {
            unit: unit.to_string(),
            line,
            field,
        })
    };
    match parts.as_slice() {
        ["survey"] => (
            T::ExportSurvey.get(l).to_string(),
            at(Line::Survey, Field::Value),
        ),
        ["organization", item] => {
            let n = p.organization.iter().position(|o| o.id == *item);
            let name = n.map_or(item.to_string(), |n| sanitize(&p.organization[n].name));
            (name, n.and_then(|n| at(Line::Org(n), Field::Value)))
        }
        ["indicators", indicator, key] => {
            let n = p.indicators.iter().position(|i| i.id == *indicator);
            let name = n.map_or(indicator.to_string(), |n| sanitize(&p.indicators[n].name));
            let (label, field) = match *key {
                "target" => (T::ExportTarget.get(l).to_string(), Field::Target),
                "actual" => (T::ExportActual.get(l).to_string(), Field::Actual),
                "status" => (t.status_label(), Field::Status),
                "deduction" => (T::ExportDeduction.get(l).to_string(), Field::Deduction),
                _ => (T::ExportPreparation.get(l).to_string(), Field::Prep),
            };
            (
                format!("{name} {label}"),
                n.and_then(|n| at(Line::Row(n), field)),
            )
        }
        [penalty, key] if penalty.starts_with("penalties[") => {
            let n: usize = penalty
                .trim_start_matches("penalties[")
                .trim_end_matches(']')
                .parse()
                .unwrap_or(0);
            let (label, field) = match *key {
                "note" => (T::ExportNote.get(l).to_string(), Field::Note),
                "points" => (T::ExportPoints.get(l).to_string(), Field::Level),
                _ => (t.level_label(), Field::Level),
            };
            (
                format!("{} {label}", t.penalty_numbered(n + 1)),
                at(Line::Penalty(n), field),
            )
        }
        _ => (path.to_string(), None),
    }
}

/// A setting's path (`indicators.new-jobs.base`) with the item's name for its id, and
/// its row in the matrix.
fn scheme_place(p: &Project, path: &str) -> (String, Option<Place>) {
    let parts: Vec<&str> = path.splitn(3, '.').collect();
    match parts.as_slice() {
        ["indicators", id, rest @ ..] => {
            let name = p
                .indicator(id)
                .map_or(id.to_string(), |i| sanitize(&i.name));
            (
                [name.as_str()]
                    .iter()
                    .chain(rest)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
                Some(Place::Indicator(id.to_string())),
            )
        }
        ["areas", id, rest @ ..] => {
            let name = p.area(id).map_or(id.to_string(), |a| sanitize(&a.name));
            (
                [name.as_str()]
                    .iter()
                    .chain(rest)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
                Some(Place::Area(id.to_string())),
            )
        }
        _ => (sanitize(path), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Project {
        crate::check::analyze(crate::project::DEMO).project.unwrap()
    }

    fn diff_of(old: &Project, new: &Project) -> Diff {
        let board = |p: &Project| crate::scoring::score(p).unwrap();
        crate::diff::diff(old, &board(old), new, &board(new))
    }

    #[test]
    fn an_actual_undone_names_the_unit_the_indicator_the_field_and_both_values() {
        let old = demo();
        let mut new = old.clone();
        let edit = crate::edit::Edit::SetRow {
            unit: "yi".into(),
            indicator: "new-jobs".into(),
            row: Some(crate::project::Row::Quantitative {
                target: Some(5000.into()),
                actual: Some(4750.into()),
            }),
        };
        let mut before = old.clone();
        let typo = crate::edit::Edit::SetRow {
            unit: "yi".into(),
            indicator: "new-jobs".into(),
            row: Some(crate::project::Row::Quantitative {
                target: Some(5000.into()),
                actual: Some(5000.into()),
            }),
        };
        crate::edit::apply_to_project(&mut before, &typo);
        crate::edit::apply_to_project(&mut new, &edit);
        // The undo goes from the typo (5000) back to 4750.
        let d = describe(&diff_of(&before, &new), &new, Lang::Zh).unwrap();
        assert_eq!(d.text, "北岭县 城镇新增就业人数 实际 5000 → 4750");
        let ii = new
            .indicators
            .iter()
            .position(|i| i.id == "new-jobs")
            .unwrap();
        assert_eq!(
            d.place,
            Some(Place::Sheet {
                unit: "yi".into(),
                line: Line::Row(ii),
                field: Field::Actual
            })
        );
        let d = describe(&diff_of(&before, &new), &new, Lang::En).unwrap();
        assert!(d.text.ends_with("Actual 5000 → 4750"), "{}", d.text);
        // Nothing changed: nothing to say.
        assert_eq!(describe(&diff_of(&old, &old), &old, Lang::En), None);
    }
}

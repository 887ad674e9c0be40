//! A block pasted from a spreadsheet (bracketed paste): its cells fill the grid or a
//! unit's sheet from the cursor — rows down, columns right — each checked as a typed value
//! is (the same edit, [`super::fields::to_edit`], and the same checks of the sheet as the
//! preview of a typed value); one bad cell refuses the whole paste and the status line
//! names it. A good block is shown first (what changes, old → new, and the totals it
//! moves) and committed on `y` as one undo step ([`crate::session::Session::commit_many`]).
//!
//! In the grid a row of the block is a unit and a column a value column of the indicator;
//! in a sheet a row is a line that takes numbers (organisation items, survey, indicator
//! rows — area headings are skipped) and a column a field of that line, from the
//! cursor's field on. The cells' text is read by [`crate::tui::paste`].

use super::super::keymap::{self, Mention};
use super::super::model::*;
use super::super::paste::{CellError, parse_block, pasted_number};
use super::{error, info, refused_read_only};
use crate::edit::{Edit, apply_to_project};
use crate::i18n::{GridText, Lang, T, problem_message};
use crate::project::Project;
use crate::scoring::score_text;
use crate::text::sanitize;
use rust_decimal::Decimal;

/// Where a pasted cell goes: the unit, the field, its value now, whether it is a rate,
/// and its row's and column's names.
struct Slot {
    unit: String,
    field: SheetField,
    old: Option<Decimal>,
    rate: bool,
    row_name: String,
    col_name: String,
}

/// Why a pasted cell has nowhere to go (with the place, when there is one).
enum NoSlot {
    Status(String),
    Nothing(Option<String>),
}

/// Whether a paste lands on cells here: the grid, or a unit's sheet with its cursor on
/// a line that takes numbers.
pub(super) fn takes_paste(model: &Model) -> bool {
    model.ui.form.is_none()
        && (model.grid().is_some()
            || (model.ui.pane.0 == Pane::Entry
                && model.ui.entry.in_sheet
                && sheet_rows(model).is_some()))
}

/// Reads the block, checks every cell, and asks before putting it in.
pub(super) fn paste(model: &mut Model, text: &str) {
    if refused_read_only(model) {
        return;
    }
    let l = model.lang;
    let block = parse_block(text);
    if block.is_empty() {
        return;
    }
    let rows = block.len();
    let room = if model.grid().is_some() {
        grid_room(model)
    } else {
        sheet_rows(model).map_or(0, |r| r.len())
    };
    if rows > room {
        let text = GridText(l).too_many_rows(rows, room);
        return error(model, text);
    }
    let mut scratch = model.project().clone();
    let mut edits = Vec::new();
    let mut changes: Vec<(String, Vec<String>)> = Vec::new();
    let mut cells = 0;
    // The (unit, indicator) of every target or actual pasted, to flag the implausible.
    let mut measured: Vec<(String, String)> = Vec::new();
    for (i, row) in block.iter().enumerate() {
        for (j, text) in row.iter().enumerate() {
            let refuse = |place: &str, why: &str| {
                GridText(l).cell_refused(i + 1, j + 1, place, text.trim(), why)
            };
            // An empty cell leaves the value: it needs no place.
            if text.trim().is_empty() {
                continue;
            }
            let slot = match slot(model, i, j) {
                Ok(slot) => slot,
                Err(NoSlot::Status(place)) => {
                    let why =
                        GridText(l).status_not_pasted(&keymap::mention(Mention::PenaltyLevel, l));
                    return error(model, refuse(&place, &why));
                }
                Err(NoSlot::Nothing(place)) => {
                    let why = GridText(l).no_value_here();
                    let text = match place {
                        Some(place) => refuse(&place, &why),
                        None => GridText(l).cell_refused_nowhere(i + 1, j + 1, text.trim(), &why),
                    };
                    return error(model, text);
                }
            };
            let place = format!("{} · {}", slot.row_name, slot.col_name);
            let value = match pasted_number(text, slot.rate) {
                Ok(Some(v)) => v,
                Ok(None) => continue,
                Err(e) => return error(model, refuse(&place, &cell_error(e, l))),
            };
            let target = Target::Sheet {
                unit: slot.unit.clone(),
                field: slot.field.clone(),
            };
            let edit = match super::fields::to_edit(&scratch, &target, &value.to_string(), l) {
                Ok(edit) => edit,
                Err(why) => return error(model, refuse(&place, &why)),
            };
            apply_to_project(&mut scratch, &edit);
            if let Some(problem) = crate::check::sheet_errors(&scratch, &slot.unit).first() {
                let why = problem_message(&problem.kind, l);
                return error(model, refuse(&place, &why));
            }
            cells += 1;
            if let SheetField::Target(ii) | SheetField::Actual(ii) = &slot.field
                && !measured.contains(&(slot.unit.clone(), ii.clone()))
            {
                measured.push((slot.unit.clone(), ii.clone()));
            }
            if slot.old != Some(value) {
                let change =
                    GridText(l).paste_line(&slot.col_name, &shown(slot.old), &value.to_string());
                match changes.last_mut() {
                    Some((name, list)) if *name == slot.row_name => list.push(change),
                    _ => changes.push((slot.row_name.clone(), vec![change])),
                }
            }
            edits.push(edit);
        }
    }
    let changed: usize = changes.iter().map(|(_, c)| c.len()).sum();
    if changed == 0 {
        let text = GridText(l).paste_unchanged();
        return info(model, text);
    }
    let cols = block.iter().map(Vec::len).max().unwrap_or(0);
    let mut lines = vec![GridText(l).paste_head(cells, rows, cols, changed)];
    if let Err(rejected) = model.session.preview_many(&edits) {
        let text = GridText(l).paste_rejected(&rejected.message(l));
        return error(model, text);
    }
    // A pasted row far off its target is flagged as a typed one is asked about: the
    // question below is asked before anything is committed.
    let mut flagged = Vec::new();
    if let Some(board) = model.session.previewed_many() {
        let p = model.project();
        for (unit, indicator) in &measured {
            if let Some(problem) = crate::check::implausible_warning(p, board, unit, indicator) {
                flagged.push(format!("⚠ {}", problem_message(&problem.kind, l)));
            }
        }
    }
    let totals = totals_moved(model, l);
    let room = usize::from(model.size.1)
        .saturating_sub(8 + totals.len().min(6))
        .max(2);
    let shown_rows = changes.len().min(room);
    let name_w = changes
        .iter()
        .map(|(name, _)| crate::text::width(name))
        .max()
        .unwrap_or(0);
    for (name, list) in changes.iter().take(shown_rows) {
        let name = crate::text::pad_right(name, name_w);
        lines.push(format!("  {name}  {}", list.join(l.pick("，", "; "))));
    }
    if changes.len() > shown_rows {
        let rest: usize = changes[shown_rows..].iter().map(|(_, c)| c.len()).sum();
        lines.push(format!("  {}", GridText(l).paste_more(rest)));
    }
    if !totals.is_empty() {
        lines.push(String::new());
        lines.extend(totals.into_iter().take(6).map(|t| format!("  {t}")));
    }
    if !flagged.is_empty() {
        lines.push(String::new());
        lines.extend(flagged.into_iter().take(4));
    }
    model.ui.overlay = Some(Overlay::Paste {
        lines,
        edits,
        // What the message after the commit counts: the values it changes.
        cells: changed,
    });
}

/// `y` on the question: puts the whole block in, as one undo step.
pub(super) fn commit(model: &mut Model, edits: Vec<Edit>, cells: usize) {
    if refused_read_only(model) {
        return;
    }
    let l = model.lang;
    match model.session.commit_many(edits) {
        Ok(()) => {
            let text = GridText(l).pasted(cells, &keymap::mention(Mention::Undo, l));
            info(model, text);
        }
        Err(rejected) => {
            let text = GridText(l).paste_rejected(&rejected.message(l));
            error(model, text);
        }
    }
}

/// A block pasted where no cell takes it: says where to paste.
pub(super) fn nowhere(model: &mut Model) {
    let l = model.lang;
    let binding = keymap::BINDINGS
        .iter()
        .find(|b| b.action == super::super::msg::Action::OpenGrid);
    let key = binding.map_or_else(|| "?".into(), |b| keymap::first_key(b, l));
    let text = GridText(l).paste_where(&key);
    error(model, text);
}

fn cell_error(e: CellError, l: Lang) -> String {
    match e {
        CellError::NotANumber => GridText(l).not_a_number(),
        CellError::Grouping => GridText(l).bad_grouping(),
        CellError::Percent => GridText(l).not_a_rate(),
    }
}

fn shown(v: Option<Decimal>) -> String {
    v.map_or_else(|| "—".into(), |v| v.to_string())
}

/// The units whose total the paste moves (`东城县 总分 131.30 → 131.50`), from the
/// session's preview of the paste.
fn totals_moved(model: &Model, l: Lang) -> Vec<String> {
    let Some(then) = model.session.previewed_many() else {
        return Vec::new();
    };
    let now = &model.session.board;
    let dp = model.project().policy.score_decimals;
    now.units
        .iter()
        .chain(&now.departments)
        .filter_map(|u| {
            let new = then.find(&u.id)?;
            (new.total != u.total).then(|| {
                GridText(l).paste_total(
                    &sanitize(&u.name),
                    &score_text(u.total, dp),
                    &score_text(new.total, dp),
                )
            })
        })
        .collect()
}

// ---- where each cell goes ---------------------------------------------------------------

/// The rows of the grid from the cursor down.
fn grid_room(model: &Model) -> usize {
    model.grid().map_or(0, |g| {
        grid_units(model.project(), g.indicator)
            .len()
            .saturating_sub(g.row)
    })
}

/// The cell `i` rows down and `j` columns right of the cursor.
fn slot(model: &Model, i: usize, j: usize) -> Result<Slot, NoSlot> {
    let p = model.project();
    let l = model.lang;
    if let Some(g) = model.grid() {
        let unit = grid_units(p, g.indicator)
            .into_iter()
            .nth(g.row + i)
            .ok_or(NoSlot::Nothing(None))?;
        let col = *grid_cols(p, g.indicator)
            .get(g.col + j)
            .ok_or(NoSlot::Nothing(None))?;
        let rate = p.indicators.get(g.indicator).is_some_and(is_rate);
        return cell_slot(p, &unit, g.indicator, col, rate, sanitize(&unit.name), l);
    }
    let rows = sheet_rows(model).ok_or(NoSlot::Nothing(None))?;
    let (line, first_field) = *rows.get(i).ok_or(NoSlot::Nothing(None))?;
    let unit = model.entry_unit().ok_or(NoSlot::Nothing(None))?;
    let fields = line_fields(p, &unit.id, line);
    let field = *fields.get(first_field + j).ok_or(NoSlot::Nothing(None))?;
    let grid_unit = GridUnit {
        id: unit.id.clone(),
        name: unit.name.clone(),
        department: unit.department,
    };
    let sheet = p.scores.get(&unit.id);
    match line {
        Line::Survey => Ok(Slot {
            unit: unit.id,
            field: SheetField::Survey,
            old: sheet.and_then(|s| s.survey),
            rate: false,
            row_name: T::Survey.get(l).to_string(),
            col_name: T::EarnedCol.get(l).to_string(),
        }),
        Line::Org(n) => {
            let item = p.organization.get(n).ok_or(NoSlot::Nothing(None))?;
            Ok(Slot {
                unit: unit.id,
                field: SheetField::Org(item.id.clone()),
                old: sheet.and_then(|s| s.organization.get(&item.id).copied()),
                rate: false,
                row_name: sanitize(&item.name),
                col_name: T::EarnedCol.get(l).to_string(),
            })
        }
        Line::Row(ii) => {
            let ind = p.indicators.get(ii).ok_or(NoSlot::Nothing(None))?;
            let col = match field {
                Field::Target => GridCol::Target,
                Field::Actual => GridCol::Actual,
                Field::Status => GridCol::Status,
                Field::Deduction => GridCol::Deduction,
                Field::Prep => GridCol::Prep,
                _ => return Err(NoSlot::Nothing(None)),
            };
            let name = crate::text::truncate(&sanitize(&ind.name), 16);
            cell_slot(p, &grid_unit, ii, col, is_rate(ind), name, l)
        }
        _ => Err(NoSlot::Nothing(None)),
    }
}

/// A cell of an indicator row (of the grid or of a sheet) as a place to paste into.
fn cell_slot(
    p: &Project,
    unit: &GridUnit,
    ii: usize,
    col: GridCol,
    rate: bool,
    row_name: String,
    l: Lang,
) -> Result<Slot, NoSlot> {
    let place = || format!("{row_name} · {}", col_name(col, l));
    match grid_cell(p, unit, ii, col) {
        GridCell::Value(field, old) => Ok(Slot {
            unit: unit.id.clone(),
            rate: rate && matches!(field, SheetField::Target(_) | SheetField::Actual(_)),
            field,
            old,
            row_name,
            col_name: col_name(col, l).to_string(),
        }),
        GridCell::Status(_) => Err(NoSlot::Status(place())),
        GridCell::None => Err(NoSlot::Nothing(Some(place()))),
    }
}

fn col_name(col: GridCol, l: Lang) -> &'static str {
    col.title().get(l)
}

/// The lines of the selected sheet that take numbers, from the cursor's down, each with
/// the field a pasted row starts at (the cursor's: a block keeps its columns, as in a
/// spreadsheet); `None` when the cursor is not on such a line.
fn sheet_rows(model: &Model) -> Option<Vec<(Line, usize)>> {
    let unit = model.entry_unit()?;
    let p = model.project();
    let lines = sheet_lines(p, &unit.id);
    let here = model.ui.entry.line;
    let numeric = |l: &Line| matches!(l, Line::Survey | Line::Org(_) | Line::Row(_));
    if !lines.get(here).is_some_and(numeric) {
        return None;
    }
    Some(
        lines
            .iter()
            .enumerate()
            .skip(here)
            .filter(|(_, l)| numeric(l))
            // The field the cursor stands on (it keeps its column over lines with fewer
            // fields, standing on their last one).
            .map(|(_, l)| (*l, model.entry_field_index()))
            .collect(),
    )
}

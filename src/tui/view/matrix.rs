//! The responsibility matrix: indicators grouped under their areas × departments, each
//! cell the department's role (牵头 lead / 责任 responsible / 协办 co), with the
//! scheme's warnings in place; then the items of 组织实施 with their lead department.

use super::{Theme, cell, short_name, theme};
use crate::i18n::{Lang, T, problem_message};
use crate::project::problem::ProblemKind;
use crate::project::{Direction, PathSeg, Project, Role};
use crate::text::{sanitize, width};
use crate::tui::layout;
use crate::tui::model::{MatrixCol, MatrixRow, Mode, Model, Target, matrix_rows};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;

const BASE_W: usize = 6;
const BONUS_W: usize = 5;
const DEPT_W: usize = 4;
const NAME_MIN: usize = 18;

/// A role as a cell shows it.
fn role_text(role: Option<Role>, lang: Lang) -> &'static str {
    match role {
        Some(Role::Lead) => T::RoleLead.get(lang),
        Some(Role::Responsible) => T::RoleResponsible.get(lang),
        Some(Role::Co) => T::RoleCo.get(lang),
        None => "·",
    }
}

/// How many department columns fit, and the name column's width.
fn layout(total: usize, departments: usize) -> (usize, usize) {
    let fixed = 2 + BASE_W + BONUS_W;
    let shown = ((total.saturating_sub(fixed + NAME_MIN)) / (DEPT_W + 1)).min(departments);
    let name = total.saturating_sub(fixed + shown * (DEPT_W + 1));
    (shown, name)
}

/// The first department column to show so that the cursor's is visible.
fn first_department(model: &Model, shown: usize) -> usize {
    let m = &model.ui.matrix;
    let cursor = m.col.department().unwrap_or(0);
    let mut left = m.left.min(cursor);
    if shown > 0 && cursor >= left + shown {
        left = cursor + 1 - shown;
    }
    left
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let t = theme(model);
    let l = model.lang;
    let p = model.project();
    let (shown, name_w) = layout(usize::from(area.width), p.departments.len());
    let left = first_department(model, shown);
    let depts: Vec<(usize, &crate::project::Department)> = p
        .departments
        .iter()
        .enumerate()
        .skip(left)
        .take(shown)
        .collect();
    let m = &model.ui.matrix;

    let mut header = vec![
        Span::styled(cell(T::Indicator.get(l), name_w + 2, false), t.heading()),
        Span::styled(cell(T::Base.get(l), BASE_W, true), t.heading()),
        Span::styled(cell(T::BonusShort.get(l), BONUS_W, true), t.heading()),
    ];
    for (di, d) in &depts {
        let style = if m.col == MatrixCol::Department(*di) {
            t.selected()
        } else {
            t.heading()
        };
        header.push(Span::raw(" "));
        header.push(Span::styled(
            cell(&short_name(&d.name), DEPT_W, false),
            style,
        ));
    }
    let more = match (left > 0, left + shown < p.departments.len()) {
        (true, true) => "◂▸",
        (true, false) => "◂",
        (false, true) => "▸",
        _ => "",
    };
    header.push(Span::styled(more, t.dim()));
    let mut lines = vec![Line::from(header)];

    let rows = matrix_rows(p);
    let height = usize::from(area.height.saturating_sub(layout::MATRIX_HEADER));
    // A value typed into a form is shown there, not in the row under it.
    let editing = match &model.ui.mode {
        Mode::Editing(e) if model.ui.form.is_none() => Some(e),
        _ => None,
    };
    for (i, row) in rows.iter().enumerate().skip(m.top).take(height) {
        let selected = i == m.row;
        let y = area.y + layout::MATRIX_HEADER + (i - m.top) as u16;
        let line = match row {
            MatrixRow::Area(ai) => area_line(model, t, *ai, name_w, selected, shown),
            MatrixRow::OrgItem(oi) => Line::from(org_line(model, t, *oi, name_w, &depts, selected)),
            MatrixRow::Indicator(ii) => {
                let mut spans = indicator_line(model, t, *ii, name_w, &depts, selected);
                // The value being typed replaces the name or base it edits.
                if selected && let Some(e) = editing {
                    let (col_x, w) = match e.target {
                        Target::IndicatorBase(_) => (name_w + 2, BASE_W),
                        _ => (1, name_w + 1),
                    };
                    let text = e.input.text();
                    let shown_text = cell(text, w, false);
                    let at = if matches!(e.target, Target::IndicatorBase(_)) {
                        2
                    } else {
                        1
                    };
                    if let Some(span) = spans.get_mut(at) {
                        *span = Span::styled(shown_text, t.cursor());
                    }
                    let x = area.x + (col_x + e.input.caret_column().min(w)) as u16;
                    frame.set_cursor_position((x, y));
                }
                Line::from(spans)
            }
        };
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn area_line(
    model: &Model,
    t: Theme,
    ai: usize,
    name_w: usize,
    selected: bool,
    shown: usize,
) -> Line<'static> {
    let l = model.lang;
    let p = model.project();
    let Some(area) = p.areas.get(ai) else {
        return Line::default();
    };
    let sum: Decimal = p
        .indicators
        .iter()
        .filter(|i| i.area == area.id)
        .map(|i| i.base)
        .sum();
    let led = p
        .indicators
        .iter()
        .any(|i| i.area == area.id && i.lead.is_some());
    let mut note = format!("Σ {}", sum.normalize());
    if sum != area.max {
        note.push_str(&format!(" ≠ {} ⚠", area.max.normalize()));
    }
    if !led {
        note.push_str(&format!("  ⚠ {}", T::NoLead.get(l)));
    }
    let base_style = if selected { t.selected() } else { t.heading() };
    let col = model.ui.matrix.col;
    let name_style = if selected && col != MatrixCol::Base {
        t.cursor()
    } else {
        base_style
    };
    let max_style = if selected && col == MatrixCol::Base {
        t.cursor()
    } else {
        base_style
    };
    let marker = if selected { "▸ " } else { "  " };
    let warn = if sum != area.max || !led {
        t.warn()
    } else {
        t.dim()
    };
    let _ = shown;
    Line::from(vec![
        Span::styled(marker, base_style),
        Span::styled(
            cell(&sanitize(area.name_in(name_w)), name_w, false),
            name_style,
        ),
        Span::styled(
            cell(&area.max.normalize().to_string(), BASE_W, true),
            max_style,
        ),
        Span::raw("  "),
        Span::styled(note, warn),
    ])
}

/// An item of 组织实施: its name, maximum, and the department that leads it.
fn org_line(
    model: &Model,
    t: Theme,
    oi: usize,
    name_w: usize,
    depts: &[(usize, &crate::project::Department)],
    selected: bool,
) -> Vec<Span<'static>> {
    let l = model.lang;
    let p = model.project();
    let Some(item) = p.organization.get(oi) else {
        return Vec::new();
    };
    let col = model.ui.matrix.col;
    let row_style = if selected { t.selected() } else { t.plain() };
    let at = |c: MatrixCol| {
        if selected && col == c {
            t.cursor()
        } else {
            row_style
        }
    };
    let name = format!(" {}·{}", T::Organization.get(l), sanitize(&item.name));
    let marker = if selected { "▸" } else { " " };
    let mut spans = vec![
        Span::styled(marker.to_string(), row_style),
        Span::styled(
            cell(&crate::text::truncate(&name, name_w), name_w + 1, false),
            at(MatrixCol::Name),
        ),
        Span::styled(
            cell(&item.max.normalize().to_string(), BASE_W, true),
            at(MatrixCol::Base),
        ),
        Span::styled(cell("", BONUS_W, true), at(MatrixCol::Bonus)),
    ];
    for (di, d) in depts {
        let leads = item.lead.as_deref() == Some(d.id.as_str());
        let style = if selected && col == MatrixCol::Department(*di) {
            t.cursor()
        } else if leads {
            t.good()
        } else {
            t.dim()
        };
        let role = leads.then_some(Role::Lead);
        spans.push(Span::styled(" ", row_style));
        spans.push(Span::styled(cell(role_text(role, l), DEPT_W, false), style));
    }
    spans
}

fn indicator_line(
    model: &Model,
    t: Theme,
    ii: usize,
    name_w: usize,
    depts: &[(usize, &crate::project::Department)],
    selected: bool,
) -> Vec<Span<'static>> {
    let l = model.lang;
    let p = model.project();
    let Some(ind) = p.indicators.get(ii) else {
        return Vec::new();
    };
    let col = model.ui.matrix.col;
    let row_style = if selected { t.selected() } else { t.plain() };
    let at = |c: MatrixCol| {
        if selected && col == c {
            t.cursor()
        } else {
            row_style
        }
    };
    let warn = if ind.responsible.is_empty() {
        " ⚠"
    } else {
        ""
    };
    let name = format!(
        " {}{warn}",
        crate::text::truncate(
            &sanitize(ind.name_in(name_w.saturating_sub(1 + width(warn)))),
            name_w.saturating_sub(1 + width(warn))
        )
    );
    let marker = if selected { "▸" } else { " " };
    let mut spans = vec![
        Span::styled(marker.to_string(), row_style),
        Span::styled(cell(&name, name_w + 1, false), at(MatrixCol::Name)),
        Span::styled(
            cell(&ind.base.normalize().to_string(), BASE_W, true),
            at(MatrixCol::Base),
        ),
        Span::styled(
            cell(if ind.bonus { "+" } else { "·" }, BONUS_W, true),
            at(MatrixCol::Bonus),
        ),
    ];
    for (di, d) in depts {
        let role = ind.role_of(&d.id);
        let style = if selected && col == MatrixCol::Department(*di) {
            t.cursor()
        } else if role == Some(Role::Lead) {
            t.good()
        } else if role.is_some() {
            t.plain()
        } else {
            t.dim()
        };
        spans.push(Span::styled(" ", row_style));
        spans.push(Span::styled(cell(role_text(role, l), DEPT_W, false), style));
    }
    spans
}

/// The status line: the selected indicator's details and the problems about it.
pub fn status(model: &Model) -> String {
    let p = model.project();
    let rows = matrix_rows(p);
    match rows.get(model.ui.matrix.row) {
        Some(MatrixRow::Indicator(ii)) => indicator_details(model, p, *ii),
        Some(MatrixRow::OrgItem(oi)) => {
            let warnings = problems_at(model, "organization", *oi);
            if !warnings.is_empty() {
                return format!("⚠ {}", warnings.join("; "));
            }
            let item = &p.organization[*oi];
            let kinds = match &item.applies_to {
                None => T::All.get(model.lang).to_string(),
                Some(kinds) => kinds.iter().map(|k| k.name()).collect::<Vec<_>>().join(","),
            };
            let lead = item.lead.as_deref().map_or("—", |d| p.name_of(d));
            format!(
                "{}  id {}  max {}  applies_to {}  lead {}",
                sanitize(&item.name),
                item.id,
                item.max.normalize(),
                kinds,
                sanitize(lead)
            )
        }
        Some(MatrixRow::Area(ai)) => {
            let warnings = problems_at(model, "areas", *ai);
            let area = &p.areas[*ai];
            let mut text = format!(
                "{}  id {}  max {}",
                sanitize(&area.name),
                area.id,
                area.max.normalize()
            );
            if !warnings.is_empty() {
                text = format!("⚠ {}", warnings.join("; "));
            }
            text
        }
        None => String::new(),
    }
}

fn indicator_details(model: &Model, p: &Project, ii: usize) -> String {
    let l = model.lang;
    let ind = &p.indicators[ii];
    let warnings = problems_at(model, "indicators", ii);
    if !warnings.is_empty() {
        return format!("⚠ {}", warnings.join("; "));
    }
    let dir = match ind.direction {
        Direction::AtLeast => T::AtLeast.get(l),
        Direction::AtMost => T::AtMost.get(l),
    };
    let list = |v: &Option<Vec<String>>| match v {
        None => T::All.get(l).to_string(),
        Some(ids) => ids
            .iter()
            .map(|id| sanitize(p.name_of(id)))
            .collect::<Vec<_>>()
            .join(","),
    };
    let pilot = match &ind.pilot {
        None => "—".to_string(),
        some => list(some),
    };
    format!(
        "{} · {} · {} · {} {} · {} {}",
        ind.id,
        ind.measure
            .as_deref()
            .map(sanitize)
            .unwrap_or_else(|| "—".into()),
        dir,
        T::UnitsLabel.get(l),
        list(&ind.units),
        T::PilotLabel.get(l),
        pilot
    )
}

/// The messages of the problems about `list[index]` (an area or an indicator).
fn problems_at(model: &Model, list: &str, index: usize) -> Vec<String> {
    model
        .session
        .problems
        .iter()
        .filter(|pr| {
            matches!(pr.path.0.first(), Some(PathSeg::Key(k)) if k == list)
                && matches!(pr.path.0.get(1), Some(PathSeg::Index(n)) if *n == index)
                && !matches!(pr.kind, ProblemKind::Pending { .. })
        })
        .map(|pr| problem_message(&pr.kind, model.lang))
        .collect()
}

/// What a prompt asks for.
pub fn prompt(target: &Target, l: Lang) -> &str {
    match target {
        Target::Form { table, key, .. } => crate::i18n::fields::label(table, key, l),
        Target::IndicatorName(_) => T::PromptIndicatorName.get(l),
        Target::IndicatorBase(_) => T::PromptBase.get(l),
        Target::IndicatorMeasure(_) => T::PromptMeasure.get(l),
        Target::IndicatorUnits(_) => T::PromptUnits.get(l),
        Target::IndicatorPilot(_) => T::PromptPilot.get(l),
        Target::IndicatorArea(_) => T::PromptArea.get(l),
        Target::AreaName(_) => T::PromptAreaName.get(l),
        Target::AreaMax(_) => T::PromptAreaMax.get(l),
        Target::DepartmentName(_) => T::PromptDepartmentName.get(l),
        Target::UnitName(_) => T::PromptUnitName.get(l),
        Target::NewIndicator { .. } => T::PromptNewIndicator.get(l),
        Target::NewArea => T::PromptNewArea.get(l),
        Target::NewDepartment => T::PromptNewDepartment.get(l),
        Target::NewUnit => T::PromptNewUnit.get(l),
        Target::SaveAs => T::PromptSaveAs.get(l),
        Target::CompareWith => T::PromptCompare.get(l),
        Target::ExportTo => T::PromptExport.get(l),
        Target::SheetsTo => T::PromptSheets.get(l),
        Target::ImportFrom => T::PromptImport.get(l),
        Target::Sheet { .. } => T::PromptValue.get(l),
    }
}

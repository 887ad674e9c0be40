//! The form over the pane: one field a line, `label  value`, the value in words (yes or
//! no, a choice's word, names for ids); the value being typed in its place with the real
//! cursor at the caret; at the foot, the field's key and how its value is typed, or why
//! what was typed is refused.

use super::{boxed, cell, theme};
use crate::edit::form::{FormField, ROOT, Subject};
use crate::i18n::fields as words;
use crate::project::InputKind;
use crate::text::{sanitize, truncate, width};
use crate::tui::layout;
use crate::tui::model::{FormLine, Mode, Model, form_lines, shown};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// The widest the box gets.
const MAX_W: u16 = 78;

pub fn draw(frame: &mut Frame, model: &Model, body: Rect) {
    let Some(form) = &model.ui.form else {
        return;
    };
    let fields = model.form_fields();
    if fields.is_empty() || body.height <= layout::FORM_CHROME || body.width < 20 {
        return;
    }
    let t = theme(model);
    let l = model.lang;
    let p = model.project();
    let lines = form_lines(&form.subject, &fields);
    let rows = usize::from(body.height - layout::FORM_CHROME);
    let shown_rows = lines.len().saturating_sub(form.top).min(rows);
    let w = body.width.min(MAX_W);
    let h = shown_rows as u16 + layout::FORM_CHROME;
    let area = Rect::new(
        body.x + (body.width - w) / 2,
        body.y + (body.height - h) / 2,
        w,
        h,
    );
    // A column cleared either side, so that no wide character of the pane under it
    // straddles the box's edge.
    let left = area.x.saturating_sub(1).max(body.x);
    let right = area.right().saturating_add(1).min(body.right());
    frame.render_widget(Clear, Rect::new(left, area.y, right - left, area.height));
    let inner = boxed(frame, model, area, &title(model, &form.subject));

    let labels: Vec<String> = fields
        .iter()
        .map(|f| sanitize(words::label(f.table, f.key, l)))
        .collect();
    let room = usize::from(inner.width);
    let label_w = labels
        .iter()
        .map(|s| width(s))
        .max()
        .unwrap_or(0)
        .min(room / 2);
    // `▸ ` + label + two spaces, then the value to the edge.
    let value_x = 2 + label_w + 2;
    let value_w = room.saturating_sub(value_x + 1).max(1);
    let editing = match &model.ui.mode {
        Mode::Editing(e) => Some(e),
        _ => None,
    };

    let mut shown_lines = Vec::with_capacity(shown_rows + 1);
    for (n, line) in lines.iter().skip(form.top).take(shown_rows).enumerate() {
        let y = inner.y + n as u16;
        match *line {
            FormLine::Heading(table) => shown_lines.push(Line::from(Span::styled(
                format!(" {}", words::heading(table, l)),
                t.heading(),
            ))),
            FormLine::Field(i) => {
                let field = &fields[i];
                let selected = i == form.row;
                let (marker, style) = if selected {
                    ("▸ ", t.selected())
                } else {
                    ("  ", t.plain())
                };
                let label = format!("{marker}{}  ", cell(&labels[i], label_w, false));
                let value_at = inner.x + value_x as u16;
                let (value, value_style) = match editing.filter(|_| selected) {
                    Some(e) => {
                        let caret = e.input.caret_column().min(value_w.saturating_sub(1));
                        frame.set_cursor_position((value_at + caret as u16, y));
                        (cell(e.input.text(), value_w, false), t.cursor())
                    }
                    None => {
                        if selected {
                            // The real cursor stays on the field (input methods follow it).
                            frame.set_cursor_position((value_at, y));
                        }
                        let words = truncate(&sanitize(&shown(p, field, l)), value_w);
                        let style = match (selected, field.text.is_empty()) {
                            (true, _) => t.cursor(),
                            (false, true) => t.dim(),
                            (false, false) => t.plain(),
                        };
                        (words, style)
                    }
                };
                shown_lines.push(Line::from(vec![
                    Span::styled(label, style),
                    Span::styled(value, value_style),
                ]));
            }
        }
    }
    frame.render_widget(Paragraph::new(shown_lines), inner);

    // The foot: why the value is refused, or what the field is and how it is typed.
    let foot = Rect::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
    let error = editing.and_then(|e| e.error.as_ref());
    let (text, style) = match (error, fields.get(form.row)) {
        (Some(err), _) => (format!(" ✗ {err}"), t.bad()),
        (None, Some(field)) => (format!(" {}", about(field, model)), t.dim()),
        (None, None) => (String::new(), t.dim()),
    };
    let text = truncate(&sanitize(&text), room);
    frame.render_widget(Paragraph::new(Span::styled(text, style)), foot);
}

/// The form's title: what it edits, its name and id.
fn title(model: &Model, subject: &Subject) -> String {
    let p = model.project();
    let (name, id) = match subject {
        Subject::Settings => return words::form_title(subject, "", model.lang),
        Subject::Indicator(id) => (p.indicator(id).map(|i| i.name.as_str()), id),
        Subject::Area(id) => (p.area(id).map(|a| a.name.as_str()), id),
        Subject::Unit(id) | Subject::Department(id) => (Some(p.name_of(id)), id),
        Subject::OrgItem(id) => (p.org_item(id).map(|o| o.name.as_str()), id),
    };
    let name = sanitize(name.unwrap_or(id));
    format!(
        "{} · {}",
        words::form_title(subject, &name, model.lang),
        sanitize(id)
    )
}

/// The field's key (`policy.bonus_share`) and how its value is typed.
fn about(field: &FormField, model: &Model) -> String {
    let l = model.lang;
    let key = match field.table {
        ROOT => field.key.to_string(),
        table
            if matches!(
                model.ui.form.as_ref().map(|f| &f.subject),
                Some(Subject::Settings)
            ) =>
        {
            format!("{table}.{}", field.key)
        }
        _ => field.key.to_string(),
    };
    let choices: Vec<&str> = match field.input {
        InputKind::Choice(names) | InputKind::OptChoice(names) => names
            .iter()
            .map(|n| words::choice(field.table, field.key, n, l))
            .collect(),
        _ => Vec::new(),
    };
    format!("{key} · {}", words::hint(field.input, &choices, l))
}

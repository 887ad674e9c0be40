//! Windows over the panes: the keys of the moment (`?`), an explanation, a question.

use super::{boxed, cell, centered, key_rows, theme};
use crate::i18n::{self, T};
use crate::text::{sanitize, truncate, width};
use crate::tui::keymap::{self, Context, Mention};
use crate::tui::model::{Model, Overlay};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    match &model.ui.overlay {
        None => {}
        Some(Overlay::Help { scroll }) => help(frame, model, area, *scroll),
        Some(Overlay::Explain {
            title,
            lines,
            scroll,
        }) => explain(frame, model, area, title, lines, *scroll),
        Some(Overlay::Import {
            title,
            lines,
            scroll,
            ..
        }) => import_preview(frame, model, area, title, lines, *scroll),
        Some(Overlay::Status { scroll }) => {
            let (title, lines) = model.status_lines();
            explain(frame, model, area, &title, &lines, *scroll)
        }
        Some(Overlay::Conflict) => conflict(frame, model, area),
        Some(Overlay::QuitUnsaved) => quit_unsaved(frame, model, area),
        Some(Overlay::Recover(unfinished)) => {
            let l = model.lang;
            let lines = [
                T::RecoverText.get(l).to_string(),
                format!(
                    "{}{}{}",
                    place_of(model, &unfinished.target),
                    l.pick("：", ": "),
                    sanitize(&unfinished.text)
                ),
            ];
            let outer = centered(area, 64, 7);
            question(
                frame,
                model,
                outer,
                T::RecoverTitle,
                &lines,
                (T::KeyRecover, T::KeyDiscard),
            );
        }
        Some(Overlay::Implausible { lines, .. }) => {
            let w = usize::from(area.width.min(76)).saturating_sub(4);
            let lines: Vec<String> = lines.iter().flat_map(|l| wrap(l, w)).collect();
            let outer = centered(area, 76, lines.len() as u16 + 4);
            question(
                frame,
                model,
                outer,
                T::ImplausibleTitle,
                &lines,
                (T::KeyYes, T::KeyNo),
            );
        }
        Some(Overlay::Paste { lines, .. }) => {
            let w = lines.iter().map(|s| width(s)).max().unwrap_or(0) as u16 + 4;
            let outer = centered(area, w.clamp(48, 96), lines.len() as u16 + 4);
            question(
                frame,
                model,
                outer,
                T::PasteTitle,
                lines,
                (T::KeyYes, T::KeyNo),
            );
        }
        Some(Overlay::Confirm { lines, .. }) => {
            let outer = centered(area, 64, lines.len() as u16 + 4);
            question(
                frame,
                model,
                outer,
                T::ConfirmTitle,
                lines,
                (T::KeyYes, T::KeyNo),
            );
        }
    }
}

/// Where an unfinished edit goes, in words: for a score sheet the unit, the indicator (or
/// item) and the field (`西山县 · 城镇新增就业人数 · 实际值`); for the scheme what is
/// edited and of what.
fn place_of(model: &Model, target: &crate::tui::model::Target) -> String {
    use crate::tui::model::{SheetField, Target};
    let p = model.project();
    let l = model.lang;
    let indicator = |id: &str| sanitize(p.indicator(id).map_or(id, |i| i.name.as_str()));
    let prompt = crate::tui::view::matrix::prompt(target, l).trim_end_matches(['：', ':', ' ']);
    match target {
        Target::Sheet { unit, field } => {
            let what = match field {
                SheetField::Survey => T::ExportSurvey.get(l).to_string(),
                SheetField::Org(item) => {
                    sanitize(p.org_item(item).map_or(item.as_str(), |o| o.name.as_str()))
                }
                SheetField::Target(i) => format!("{} · {}", indicator(i), T::ExportTarget.get(l)),
                SheetField::Actual(i) => format!("{} · {}", indicator(i), T::ExportActual.get(l)),
                SheetField::Deduction(i) => {
                    format!("{} · {}", indicator(i), T::ExportDeduction.get(l))
                }
                SheetField::Prep(i) => {
                    format!("{} · {}", indicator(i), T::ExportPreparation.get(l))
                }
                SheetField::PenaltyPoints(n) => {
                    format!(
                        "{} {} · {}",
                        T::ExportPenalty.get(l),
                        n + 1,
                        T::ExportPoints.get(l)
                    )
                }
                SheetField::PenaltyNote(n) => {
                    format!(
                        "{} {} · {}",
                        T::ExportPenalty.get(l),
                        n + 1,
                        T::ExportNote.get(l)
                    )
                }
            };
            format!("{} · {what}", sanitize(p.name_of(unit)))
        }
        Target::IndicatorName(i)
        | Target::IndicatorBase(i)
        | Target::IndicatorMeasure(i)
        | Target::IndicatorUnits(i)
        | Target::IndicatorPilot(i)
        | Target::IndicatorArea(i) => format!("{} · {prompt}", indicator(i)),
        Target::AreaName(a) | Target::AreaMax(a) => {
            let name = sanitize(p.area(a).map_or(a.as_str(), |a| a.name.as_str()));
            format!("{name} · {prompt}")
        }
        Target::DepartmentName(id) | Target::UnitName(id) => {
            format!("{} · {prompt}", sanitize(p.name_of(id)))
        }
        _ => prompt.to_string(),
    }
}

/// The keys of the pane (or mode) under the overlay, with what they do.
fn help(frame: &mut Frame, model: &Model, area: Rect, scroll: usize) {
    let t = theme(model);
    let l = model.lang;
    let contexts = keymap::base_contexts(model);
    let mut rows = key_rows(model, &contexts);
    if contexts.contains(&Context::Ranking) {
        rows.extend(symbol_rows(model));
    }
    let keys_w = rows
        .iter()
        .map(|(k, _)| width(k))
        .max()
        .unwrap_or(0)
        .min(24);
    let rows_h = (rows.len() as u16 + 2).min(area.height.saturating_sub(2));
    let outer = centered(area, 72, rows_h);
    let title = i18n::TuiText(l).help_title(&keymap::mention(Mention::CloseHelp, l));
    let inner = boxed(frame, model, outer, &title);
    let w = usize::from(inner.width);
    let height = usize::from(inner.height);
    let scroll = scroll.min(rows.len().saturating_sub(height));
    let lines: Vec<Line> = rows
        .iter()
        .skip(scroll)
        .take(height)
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(format!(" {} ", cell(k, keys_w, false)), t.heading()),
                Span::raw(truncate(d, w.saturating_sub(keys_w + 3))),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Under the ranking's keys: what the board's symbols mean.
fn symbol_rows(model: &Model) -> Vec<(String, String)> {
    let l = model.lang;
    let row = |symbol: &str, text: T| (symbol.to_string(), text.get(l).to_string());
    vec![
        (String::new(), T::HelpSymbols.get(l).to_string()),
        row("★", T::SymbolComprehensive),
        row("✗", T::SymbolVetoed),
        row("▼", T::SymbolLast),
        row("◆n", T::SymbolAwards),
        row("◆n!", T::SymbolVetoedAwards),
        row("n=", T::SymbolTied),
    ]
}

/// Lines of an explanation (or a what-if, a comparison), wrapped and scrolled.
fn explain(
    frame: &mut Frame,
    model: &Model,
    area: Rect,
    title: &str,
    lines: &[String],
    scroll: usize,
) {
    let (inner, shown) = scrolled_box(frame, model, area, (78, 0), title, lines, scroll);
    frame.render_widget(Paragraph::new(shown), inner);
}

/// A box of at most `width` columns over the panes holding `lines` wrapped at its width
/// (by display width, continuing indented) and scrolled, with `below` lines kept free
/// under them (the last of those says how far it has scrolled): the box's inside and the
/// lines shown there.
fn scrolled_box(
    frame: &mut Frame,
    model: &Model,
    area: Rect,
    (width, below): (u16, u16),
    title: &str,
    lines: &[String],
    scroll: usize,
) -> (Rect, Vec<Line<'static>>) {
    let box_w = width.min(area.width);
    let w = usize::from(box_w).saturating_sub(3);
    let wrapped: Vec<String> = lines
        .iter()
        .flat_map(|line| wrap(&sanitize(line), w))
        .collect();
    let box_h = (wrapped.len() as u16 + 2 + below).min(area.height.saturating_sub(2));
    let outer = centered(area, box_w, box_h);
    let inner = boxed(frame, model, outer, title);
    let height = usize::from(inner.height.saturating_sub(below));
    let scroll = scroll.min(wrapped.len().saturating_sub(height));
    let mut shown: Vec<Line> = wrapped
        .iter()
        .skip(scroll)
        .take(height)
        .map(|s| Line::from(format!(" {s}")))
        .collect();
    if below > 0 {
        shown.resize(height, Line::default());
        shown.push(if wrapped.len() > height {
            Line::from(format!(
                " {}/{}",
                (scroll + height).min(wrapped.len()),
                wrapped.len()
            ))
        } else {
            Line::default()
        });
    }
    (inner, shown)
}

/// A return's preview (`I`): what it changes, wrapped and scrolled like an explanation,
/// with the question's keys always in sight under it.
fn import_preview(
    frame: &mut Frame,
    model: &Model,
    area: Rect,
    title: &str,
    lines: &[String],
    scroll: usize,
) {
    // Two lines kept under the text: how far it has scrolled, and the keys.
    let (inner, mut shown) = scrolled_box(frame, model, area, (96, 2), title, lines, scroll);
    shown.push(question_keys(model, T::KeyImportTake, T::KeyImportCancel));
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The file changed on disk while edits waited: what happened, where kaoping's version
/// is (when it could be put there), and the choices.
fn conflict(frame: &mut Frame, model: &Model, area: Rect) {
    let l = model.lang;
    let (title, text) = if model.session.file_gone() {
        (T::DeletedTitle, T::DeletedText)
    } else {
        (T::ConflictTitle, T::ConflictText)
    };
    let mut lines = vec![text.get(l).to_string()];
    if let Some(mine) = model.session.mine() {
        lines.push(format!("{} {}", T::ConflictMine.get(l), mine.display()));
    }
    choices(frame, model, area, title.get(l), &lines, Context::Conflict);
}

/// Quitting while edits could not be written: why, and the choices.
fn quit_unsaved(frame: &mut Frame, model: &Model, area: Rect) {
    let l = model.lang;
    let mut lines = vec![T::QuitUnsavedText.get(l).to_string()];
    if let Some(e) = &model.session.save_error {
        lines.push(format!("{} {}", T::NotSaved.get(l), e.message(l)));
    }
    if let Some(mine) = model.session.mine() {
        lines.push(format!("{} {}", T::ConflictMine.get(l), mine.display()));
    }
    choices(
        frame,
        model,
        area,
        T::QuitUnsavedTitle.get(l),
        &lines,
        Context::QuitUnsaved,
    );
}

/// A box of sentences (wrapped) and the keys of `context` that answer them; as tall as
/// it needs, so that no choice is cut off.
fn choices(
    frame: &mut Frame,
    model: &Model,
    area: Rect,
    title: &str,
    lines: &[String],
    context: Context,
) {
    let t = theme(model);
    let box_width = 70.min(area.width.saturating_sub(4));
    let w = usize::from(box_width).saturating_sub(4);
    let mut shown: Vec<Line> = lines
        .iter()
        .flat_map(|s| wrap(&sanitize(s), w))
        .map(|s| Line::from(format!(" {s}")))
        .collect();
    shown.push(Line::default());
    for (keys, text) in key_rows(model, &[context]) {
        shown.push(Line::from(vec![
            Span::styled(format!(" {keys} "), t.heading()),
            Span::raw(text),
        ]));
    }
    let height = (shown.len() as u16 + 2).min(area.height);
    let outer = centered(area, box_width, height);
    let inner = boxed(frame, model, outer, title);
    frame.render_widget(Paragraph::new(shown), inner);
}

/// A yes/no question in a box: its lines, then the keys that answer it.
fn question(
    frame: &mut Frame,
    model: &Model,
    outer: Rect,
    title: T,
    lines: &[String],
    (yes, no): (T, T),
) {
    let inner = boxed(frame, model, outer, title.get(model.lang));
    let mut shown: Vec<Line> = lines
        .iter()
        .map(|s| Line::from(format!(" {}", truncate(s, usize::from(inner.width) - 1))))
        .collect();
    shown.push(Line::default());
    shown.push(question_keys(model, yes, no));
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The keys under a question: `y yes   n/Esc no`.
fn question_keys(model: &Model, yes: T, no: T) -> Line<'static> {
    let t = theme(model);
    let l = model.lang;
    Line::from(vec![
        Span::styled(
            format!(" {} ", keymap::mention(Mention::Yes, l)),
            t.heading(),
        ),
        Span::raw(format!("{}   ", yes.get(l))),
        Span::styled(format!("{} ", keymap::mention(Mention::No, l)), t.heading()),
        Span::raw(no.get(l)),
    ])
}

/// Splits text into lines of at most `w` display columns, breaking after a space or
/// between two wide (CJK) characters where it can, never inside a number or a word;
/// continuation lines keep the first line's indent plus two.
pub fn wrap(text: &str, w: usize) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    if w == 0 || width(text) <= w {
        return vec![text.to_string()];
    }
    let indent = " ".repeat(text.len() - text.trim_start().len() + 2);
    let graphemes: Vec<&str> = text.graphemes(true).collect();
    let mut out = Vec::new();
    let mut line = String::new();
    let mut start = 0;
    while start < graphemes.len() {
        let prefix = if out.is_empty() { "" } else { indent.as_str() };
        let room = w.saturating_sub(width(prefix)).max(1);
        // The longest run that fits, then back off to a good break.
        let mut end = start;
        let mut used = 0;
        while end < graphemes.len() && used + width(graphemes[end]) <= room {
            used += width(graphemes[end]);
            end += 1;
        }
        if end < graphemes.len() {
            // Never start a line with closing punctuation.
            let breakable = |i: usize| {
                !"，。、；：）%".contains(graphemes[i])
                    && (graphemes[i - 1] == " "
                        || (width(graphemes[i - 1]) == 2 && width(graphemes[i]) == 2)
                        || "，、；：）".contains(graphemes[i - 1]))
            };
            // After a space or a comma first (so that a name such as 西山县 stays whole),
            // if one is in the second half of the line; else between Chinese characters.
            // (Not the space between a number and its measure word: `5 个单位`.)
            let number_before =
                |i: usize| i >= 2 && graphemes[i - 2].chars().all(|c| c.is_ascii_digit());
            let strong = |i: usize| {
                !"，。、；：）%".contains(graphemes[i])
                    && ((graphemes[i - 1] == " " && !number_before(i))
                        || "，、；：）".contains(graphemes[i - 1]))
            };
            let half = start + (end - start) / 2;
            let at = (half.max(start + 1)..end)
                .rev()
                .find(|&i| strong(i))
                .or_else(|| (start + 1..end).rev().find(|&i| breakable(i)));
            if let Some(b) = at {
                end = b;
            }
        }
        line.push_str(prefix);
        line.push_str(graphemes[start..end].concat().trim_end());
        out.push(std::mem::take(&mut line));
        start = end;
        while start < graphemes.len() && graphemes[start] == " " {
            start += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_between_chinese_characters_never_in_a_number() {
        let lines = wrap(
            "    城镇新增就业人数 3.50：差 5.0% = 2.5 个 2% × 5% × 4 = 扣 0.50 分",
            30,
        );
        for l in &lines {
            assert!(width(l) <= 30, "{l:?}");
        }
        assert!(
            lines.iter().all(|l| !l.ends_with('2') || l.ends_with(" 2")),
            "{lines:?}"
        );
        assert!(lines[1].starts_with("      "), "{lines:?}");
        assert_eq!(wrap("short", 30), vec!["short"]);
        // A list of names breaks after a separator, never inside a name.
        let lines = wrap("将压低北岭县、西山县、青阳县、南湖县、经济开发区的加分", 20);
        assert!(
            lines.iter().all(|l| !l.trim_start().starts_with("山县")
                && !l.trim_start().starts_with("湖县")
                && !l.trim_start().starts_with("阳县")),
            "{lines:?}"
        );
        let lines = wrap(
            "创业培训人数 2.00：实际值 783 → 完成率 103.0%，超额 3.0%，不加分指标，得基础分 2",
            40,
        );
        assert!(
            lines.iter().all(|l| !l.trim_start().starts_with('，')),
            "{lines:?}"
        );
    }
}

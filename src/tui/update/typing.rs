//! Typing: into a field (a value, a name, a file name) with its preview as you type, and
//! into the search. Committing a field makes an edit ([`super::fields`]) or, for a file
//! name, asks the loop for an [`Effect`] whose outcome comes back here.

use super::super::input::Input;
use super::super::keymap::{self, Mention};
use super::super::model::*;
use super::super::msg::{Action, CaretMove, Dir, Effect};
use super::{entry, error, fields, form, info, nav, overlay, start_editing};
use crate::i18n::{self, T};
use std::path::{Path, PathBuf};

/// Whether typing into `target` changes the project (a file name does not).
pub(super) fn changes_project(target: &Target) -> bool {
    !matches!(
        target,
        Target::SaveAs
            | Target::CompareWith
            | Target::ExportTo
            | Target::SheetsTo
            | Target::ImportFrom
    )
}

/// Types the name of another project file to compare this one with.
pub(super) fn start_compare(model: &mut Model) {
    start_editing(model, Target::CompareWith, "");
}

/// Types the name of a file to export to, starting from `NAME.xlsx`.
pub(super) fn start_export(model: &mut Model) {
    let stem = model
        .session
        .path()
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "kaoping".into());
    start_editing(model, Target::ExportTo, &format!("{stem}.xlsx"));
}

/// Types the folder to write the request workbooks into, starting from the project's
/// folder (`kaoping sheets`'s options may follow: `--for units`).
pub(super) fn start_sheets(model: &mut Model) {
    let folder = project_folder(model);
    start_editing(model, Target::SheetsTo, &folder);
}

/// The project's folder as a prompt starts from it (`dir/`; empty for the current one).
fn project_folder(model: &Model) -> String {
    model
        .session
        .path()
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(|p| format!("{}{}", p.display(), std::path::MAIN_SEPARATOR))
        .unwrap_or_default()
}

/// Types the name of a filled return to import (`kaoping import`'s options may follow:
/// `--into selfcheck`). The prompt starts empty, so that a path pasted in is the whole
/// path; a relative one is read from the project's folder.
pub(super) fn start_import(model: &mut Model) {
    if super::refused_read_only(model) {
        return;
    }
    start_editing(model, Target::ImportFrom, "");
}

/// Starts a search for a unit or an indicator by name or id.
pub(super) fn start_finding(model: &mut Model) {
    model.ui.mode = Mode::Finding(Finding {
        input: Input::default(),
        matches: Vec::new(),
        selected: 0,
    });
}

fn input_mut(model: &mut Model) -> Option<&mut Input> {
    match &mut model.ui.mode {
        Mode::Editing(e) => Some(&mut e.input),
        Mode::Finding(f) => Some(&mut f.input),
        Mode::Normal => None,
    }
}

/// Inserts typed or pasted text at the caret.
pub(super) fn type_text(model: &mut Model, text: &str) {
    let Some(input) = input_mut(model) else {
        return;
    };
    match input.insert(text) {
        Ok(()) => after_typing(model),
        Err(crate::tui::input::TooLong) => {
            let said = crate::i18n::TuiText(model.lang).too_long(crate::tui::input::MAX_CHARS);
            match &mut model.ui.mode {
                Mode::Editing(e) => e.error = Some(said),
                _ => error(model, said),
            }
        }
    }
}

fn after_typing(model: &mut Model) {
    match model.ui.mode {
        Mode::Editing(_) => refresh_preview(model),
        Mode::Finding(_) => refresh_matches(model),
        Mode::Normal => {}
    }
}

/// Moves the caret or deletes a character; false for any other action.
fn caret(model: &mut Model, action: Action) -> bool {
    let Some(input) = input_mut(model) else {
        return false;
    };
    match action {
        Action::Caret(CaretMove::Left) => input.left(),
        Action::Caret(CaretMove::Right) => input.right(),
        Action::Caret(CaretMove::Home) => input.home(),
        Action::Caret(CaretMove::End) => input.end(),
        Action::DeleteBack => input.backspace(),
        Action::DeleteForward => input.delete(),
        Action::ClearInput => input.clear(),
        Action::DeleteWordBack => input.delete_word_back(),
        Action::DeleteToEnd => input.delete_to_end(),
        _ => return false,
    }
    after_typing(model);
    true
}

/// A key while typing into a field: the caret, cancel, or commit (and go on to the next
/// or previous field).
pub(super) fn editing(model: &mut Model, action: Action) -> Option<Effect> {
    if caret(model, action) {
        return None;
    }
    match action {
        Action::Cancel => model.ui.mode = Mode::Normal,
        Action::Commit | Action::CommitNext | Action::CommitPrev => {
            return commit_typed(model, action, false);
        }
        // ↑ / ↓ commit and move only in a sheet (a name or a form field stays open).
        Action::CommitMove(_) if in_sheet(model) => return commit_typed(model, action, false),
        _ => {}
    }
    None
}

/// Whether the value being typed goes into a unit's sheet.
fn in_sheet(model: &Model) -> bool {
    matches!(
        &model.ui.mode,
        Mode::Editing(Editing {
            target: Target::Sheet { .. },
            ..
        })
    )
}

/// Commits what was typed: the edit it makes, or the file it names (an effect). In a
/// sheet, Enter then moves down to the same field of the next line that has it, Tab /
/// Shift-Tab to the next / previous field, ↑ / ↓ up or down; a target or an actual that
/// puts its row off its target by more than `plausible_deviation` asks first, unless
/// `confirmed`.
pub(super) fn commit_typed(model: &mut Model, action: Action, confirmed: bool) -> Option<Effect> {
    let Mode::Editing(editing) = &model.ui.mode else {
        return None;
    };
    let target = editing.target.clone();
    let text = editing.input.text().to_string();
    if editing.scratch {
        return refuse_scratch(model);
    }
    let path = || PathBuf::from(text.trim());
    match target {
        Target::CompareWith => return Some(Effect::Compare(path())),
        Target::ExportTo => return Some(Effect::Export(text)),
        Target::SheetsTo => return Some(Effect::Sheets(text)),
        Target::ImportFrom => return Some(Effect::PlanImport(text, model.today)),
        Target::SaveAs => return Some(Effect::SaveAs(path())),
        _ => {}
    }
    let edit = match fields::to_edit(model.project(), &target, &text, model.lang) {
        Ok(edit) => edit,
        Err(message) => {
            set_edit_error(model, message);
            return None;
        }
    };
    if !confirmed && ask_if_implausible(model, &target, &edit, action) {
        return None;
    }
    let before = form::shown_now(model, &target);
    let totals = super::knock_on::totals(&model.session.board);
    let place = super::sheet_place(&edit);
    let own = place
        .as_ref()
        .and_then(|(unit, _)| super::standing(&model.session.board, unit));
    if let Err(rejected) = model.session.commit(edit) {
        let message = rejected.message(model.lang);
        set_edit_error(model, message);
        return None;
    }
    model.ui.mode = Mode::Normal;
    if let Some((unit, indicator)) = place {
        super::say_knock_on(model, &totals, own, &unit, indicator.as_deref());
    }
    after_commit(model, &target);
    let next = match action {
        Action::CommitNext => Some(true),
        Action::CommitPrev => Some(false),
        _ => None,
    };
    match before {
        Some(old) => form::committed(model, &target, &old, next),
        // The grid moves its own cursor ([`super::grid`]).
        None if matches!(target, Target::Sheet { .. }) && model.grid().is_none() => match action {
            Action::CommitNext | Action::CommitPrev => {
                entry::step_field(model, action == Action::CommitNext)
            }
            Action::Commit | Action::CommitMove(Dir::Down) => entry::move_in_column(model, true),
            Action::CommitMove(Dir::Up) => entry::move_in_column(model, false),
            _ => {}
        },
        None => {}
    }
    None
}

/// Before a target or an actual that puts its row off its target by more than
/// `plausible_deviation` is committed: asks (y / Enter commits, n / Esc goes back to the
/// value, kept), naming the completion, the units whose bonus it lowers and the other
/// units' totals it moves. True when it asked.
fn ask_if_implausible(
    model: &mut Model,
    target: &Target,
    edit: &crate::edit::Edit,
    action: Action,
) -> bool {
    let Target::Sheet {
        unit,
        field: SheetField::Target(indicator) | SheetField::Actual(indicator),
    } = target
    else {
        return false;
    };
    if model.session.preview(edit).is_err() {
        return false;
    }
    let Some(board) = model.session.previewed() else {
        return false;
    };
    let p = model.project();
    let Some(row) = crate::scoring::implausible_row(&p.policy, board, unit, indicator) else {
        return false;
    };
    let l = model.lang;
    let t = i18n::EntryText(l);
    let explain = i18n::ExplainText(l);
    let mut lines = vec![t.implausible_question(
        &explain.percent_shown(row.completion),
        &explain.percent_shown(p.policy.plausible_deviation),
    )];
    if !row.lowers.is_empty() {
        let names: Vec<String> = row
            .lowers
            .iter()
            .map(|id| crate::text::sanitize(p.name_of(id)))
            .collect();
        lines.push(t.implausible_lowers(&i18n::CommonText(l).list(&names)));
    }
    let before = super::knock_on::totals(&model.session.board);
    if let Some(line) = super::knock_on_text(model, &before, board, unit, Some(indicator)) {
        lines.push(t.implausible_knock_on(&line));
    }
    lines.push(t.implausible_back(&keymap::mention(Mention::No, l)));
    let then = match action {
        Action::CommitNext => Then::NextField,
        Action::CommitPrev => Then::PrevField,
        Action::CommitMove(Dir::Up) => Then::Up,
        _ => Then::Down,
    };
    model.ui.overlay = Some(Overlay::Implausible { lines, then });
    true
}

/// The answer to the question before an implausible value: yes commits it and moves on
/// as the key that committed it said; no goes back to the value, as typed.
pub(super) fn implausible_answered(model: &mut Model, action: Action) -> Option<Effect> {
    let Some(Overlay::Implausible { lines, then }) = model.ui.overlay.take() else {
        return None;
    };
    match action {
        Action::Yes => {
            let action = match then {
                Then::Down => Action::Commit,
                Then::Up => Action::CommitMove(Dir::Up),
                Then::NextField => Action::CommitNext,
                Then::PrevField => Action::CommitPrev,
            };
            commit_typed(model, action, true)
        }
        Action::No => None,
        _ => {
            model.ui.overlay = Some(Overlay::Implausible { lines, then });
            None
        }
    }
}

/// Enter on a value tried without saving it: says it is not saved, and how to edit.
fn refuse_scratch(model: &mut Model) -> Option<Effect> {
    let l = model.lang;
    let text = i18n::TuiText(l).scratch_refused(
        &keymap::mention(Mention::Cancel, l),
        &keymap::mention(Mention::SheetEdit, l),
    );
    set_edit_error(model, text);
    None
}

/// Why the typed value cannot be committed, beside it.
fn set_edit_error(model: &mut Model, message: String) {
    if let Mode::Editing(e) = &mut model.ui.mode {
        e.error = Some(message);
    }
}

/// After something new was added, puts the cursor on it.
fn after_commit(model: &mut Model, target: &Target) {
    let p = &model.session.project;
    match target {
        Target::NewIndicator { .. } | Target::NewArea => {
            let wanted = match target {
                Target::NewArea => MatrixRow::Area(p.areas.len().saturating_sub(1)),
                _ => {
                    // The newest indicator is the one with the highest generated number.
                    let last = p
                        .indicators
                        .iter()
                        .enumerate()
                        .filter(|(_, i)| i.id.starts_with("ind-"))
                        .max_by_key(|(_, i)| {
                            i.id.trim_start_matches("ind-").parse::<u64>().unwrap_or(0)
                        });
                    MatrixRow::Indicator(last.map_or(0, |(n, _)| n))
                }
            };
            if let Some(row) = matrix_rows(p).iter().position(|r| *r == wanted) {
                model.ui.matrix.row = row;
            }
        }
        Target::NewDepartment => {
            model.ui.matrix.col = MatrixCol::last_department(p.departments.len())
        }
        Target::NewUnit => model.ui.entry.unit = p.units.len().saturating_sub(1),
        _ => {}
    }
}

/// Kaoping's version was written to another file (after a conflict): goes on there.
pub(super) fn saved_as(model: &mut Model, path: &Path, result: Result<(), String>) {
    match result {
        Ok(()) => {
            model.ui.mode = Mode::Normal;
            let text = format!("{} {}", T::SavedAs.get(model.lang), path.display());
            info(model, text);
            if model.ui.quitting {
                model.quit = true;
            }
        }
        Err(e) => set_edit_error(model, e),
    }
}

/// The other project file was read: shows what changed from it to this one.
pub(super) fn compared(model: &mut Model, path: &Path, text: Result<String, String>) {
    let l = model.lang;
    let text = match text {
        Ok(text) => text,
        Err(message) => return set_edit_error(model, message),
    };
    let other = crate::check::analyze(&text);
    let (Some(old), Some(old_board)) = (&other.project, &other.board) else {
        // Like the command line: the file, line:column and TOML path of the first error.
        let name = path.display().to_string();
        let message = other
            .problems
            .iter()
            .find(|p| p.is_error())
            .map(|p| i18n::render(p, &name, Some(&text), l))
            .unwrap_or_default();
        return set_edit_error(model, message);
    };
    let diff = crate::diff::diff(old, old_board, &model.session.project, &model.session.board);
    let lines = crate::i18n::diff::lines(&diff, l);
    model.ui.mode = Mode::Normal;
    let title = format!("{} · {}", T::CompareTitle.get(l), path.display());
    overlay::show_comparison(model, title, lines);
}

/// The evaluation was written to a file: says where.
pub(super) fn exported(model: &mut Model, result: Result<PathBuf, String>) {
    match result {
        Ok(path) => {
            model.ui.mode = Mode::Normal;
            let text = format!("{} {}", T::Exported.get(model.lang), path.display());
            info(model, text);
        }
        Err(e) => set_edit_error(model, e),
    }
}

/// A file name typed at a prompt that cannot be used: the prompt stays open, saying why.
pub(super) fn refuse_prompt(model: &mut Model, reason: String) {
    set_edit_error(model, reason);
}

/// The request workbooks were written: says how many, and where.
pub(super) fn sheets_written(model: &mut Model, result: Result<(usize, PathBuf), String>) {
    match result {
        Ok((count, folder)) => {
            model.ui.mode = Mode::Normal;
            let text = i18n::SheetsText(model.lang).written(count, &folder.display().to_string());
            info(model, text);
        }
        Err(e) => set_edit_error(model, e),
    }
}

/// Rebuilds the preview of the value being typed: the scores with it, or why it cannot be.
pub(super) fn refresh_preview(model: &mut Model) {
    let Mode::Editing(editing) = &model.ui.mode else {
        return;
    };
    let target = editing.target.clone();
    if !changes_project(&target) {
        return;
    }
    let text = editing.input.text().to_string();
    let result = match fields::to_edit(model.project(), &target, &text, model.lang) {
        Ok(edit) if matches!(target, Target::Sheet { .. }) => model
            .session
            .preview(&edit)
            .map(|()| true)
            .map_err(|r| r.message(model.lang)),
        Ok(_) => Ok(false),
        Err(message) => Err(message),
    };
    let warning = match result {
        Ok(true) => implausible_typed(model, &target),
        _ => None,
    };
    if let Mode::Editing(editing) = &mut model.ui.mode {
        editing.warning = warning;
        match result {
            Ok(preview) => {
                editing.preview = preview;
                editing.error = None;
            }
            Err(message) => {
                editing.preview = false;
                editing.error = Some(message);
            }
        }
    }
}

/// What the status line says at once while a target or an actual is typed that would put
/// the row off its target by more than `plausible_deviation` — the rule of the problems
/// list ([`crate::scoring::implausible_row`]), asked of the previewed scores, so that the
/// warning the commit would raise shows before it. `None` for a plausible value, another
/// field, or a value only tried (`w`: it is never committed).
pub(super) fn implausible_typed(model: &Model, target: &Target) -> Option<String> {
    let Mode::Editing(editing) = &model.ui.mode else {
        return None;
    };
    let Target::Sheet {
        unit,
        field: SheetField::Target(indicator) | SheetField::Actual(indicator),
    } = target
    else {
        return None;
    };
    if editing.scratch {
        return None;
    }
    let board = model.session.previewed()?;
    let p = model.project();
    let row = crate::scoring::implausible_row(&p.policy, board, unit, indicator)?;
    let l = model.lang;
    let text = i18n::TuiText(l);
    let lowers = if row.lowers.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = row
            .lowers
            .iter()
            .take(2)
            .map(|id| crate::text::sanitize(p.name_of(id)))
            .collect();
        let names = i18n::CommonText(l).list(&names);
        let names = if row.lowers.len() > 2 {
            text.first_of(&names, row.lowers.len())
        } else {
            names
        };
        text.typed_implausible_lowers(&names)
    };
    let completion = i18n::ExplainText(l).percent_shown(row.completion);
    let commit = keymap::mention(Mention::Commit, l);
    Some(text.typed_implausible(&completion, &commit, &lowers))
}

// ---- finding ---------------------------------------------------------------------------------

/// The units and indicators whose name or id holds what is typed.
fn refresh_matches(model: &mut Model) {
    let Mode::Finding(finding) = &model.ui.mode else {
        return;
    };
    let needle = finding.input.text().trim().to_lowercase();
    let p = &model.session.project;
    let matches: Vec<Found> = if needle.is_empty() {
        Vec::new()
    } else {
        let hit = |id: &str, name: &str| {
            id.to_lowercase().contains(&needle) || name.to_lowercase().contains(&needle)
        };
        entry_units(p)
            .into_iter()
            .filter(|u| hit(&u.id, &u.name))
            .map(|u| Found::Unit(u.id))
            .chain(
                p.indicators
                    .iter()
                    .filter(|i| hit(&i.id, &i.name))
                    .map(|i| Found::Indicator(i.id.clone())),
            )
            .collect()
    };
    if let Mode::Finding(finding) = &mut model.ui.mode {
        finding.matches = matches;
        finding.selected = 0;
    }
}

/// A key while searching: the caret, choose a match, go there, or cancel.
pub(super) fn finding(model: &mut Model, action: Action) {
    if caret(model, action) {
        return;
    }
    let Mode::Finding(finding) = &mut model.ui.mode else {
        return;
    };
    match action {
        Action::Cancel => model.ui.mode = Mode::Normal,
        Action::Move(super::super::msg::Dir::Up) => {
            finding.selected = finding.selected.saturating_sub(1)
        }
        Action::Move(super::super::msg::Dir::Down) => {
            finding.selected = (finding.selected + 1).min(finding.matches.len().saturating_sub(1))
        }
        Action::Jump => {
            let found = finding.matches.get(finding.selected).cloned();
            model.ui.mode = Mode::Normal;
            go_to_found(model, found);
        }
        _ => {}
    }
}

/// Shows the match chosen: a unit's sheet, an indicator's row; or says nothing was found.
fn go_to_found(model: &mut Model, found: Option<Found>) {
    match found {
        Some(Found::Unit(id)) => {
            nav::open_unit(model, &id);
        }
        Some(Found::Indicator(id)) => nav::show_indicator(model, &id),
        None => {
            let text = T::NotFound.get(model.lang).to_string();
            error(model, text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn demo(lang: Lang) -> (Model, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.toml");
        std::fs::write(&path, crate::project::DEMO).unwrap();
        let session = crate::session::Session::open(&path, false).unwrap();
        (Model::new(session, lang), dir)
    }

    fn sheet(field: SheetField) -> Target {
        Target::Sheet {
            unit: "jia".into(),
            field,
        }
    }

    fn warning(m: &Model) -> Option<String> {
        match &m.ui.mode {
            Mode::Editing(e) => e.warning.clone(),
            _ => panic!("not typing"),
        }
    }

    #[test]
    fn a_target_or_an_actual_far_off_is_said_at_once_and_only_then() {
        // 东城县's 城镇新增就业人数: target 6000, actual 6720; plausible within 50%.
        let (mut m, _dir) = demo(Lang::En);
        let actual = || sheet(SheetField::Actual("new-jobs".into()));
        let target = || sheet(SheetField::Target("new-jobs".into()));
        super::super::start_editing(&mut m, actual(), "6720");
        assert_eq!(warning(&m), None);
        // Ten times too large: 1120% of the target.
        type_text(&mut m, "0");
        let said = warning(&m).expect("a warning as the 0 is typed");
        assert!(said.contains("1120.0%") && said.contains("Enter"), "{said}");
        // It lowers the bonus of every other over-completer (it becomes the best).
        assert!(said.contains("it lowers the bonus of"), "{said}");
        // Deleting the slip takes the warning away.
        caret(&mut m, Action::DeleteBack);
        assert_eq!(warning(&m), None);
        // Far short is off too: 3000 of 6000 is 50% (not more than 50% off), 2000 is.
        m.ui.mode = Mode::Normal;
        super::super::start_editing(&mut m, actual(), "3000");
        assert_eq!(warning(&m), None);
        super::super::start_editing(&mut m, actual(), "2000");
        assert!(warning(&m).is_some());
        // A target typed so low that the actual is far above it.
        super::super::start_editing(&mut m, target(), "600");
        assert!(warning(&m).is_some());
        // A value that is not a number is an error, not a warning.
        super::super::start_editing(&mut m, target(), "6x");
        assert_eq!(warning(&m), None);
        // Other fields are never judged; nor is a value only tried (`w`).
        super::super::start_editing(&mut m, sheet(SheetField::Survey), "5");
        assert_eq!(warning(&m), None);
        super::super::start_scratch(&mut m, actual(), "67200");
        assert_eq!(warning(&m), None);
    }

    #[test]
    fn the_warning_is_in_chinese_too_and_off_when_the_policy_says_0() {
        let (mut m, _dir) = demo(Lang::Zh);
        let actual = sheet(SheetField::Actual("new-jobs".into()));
        super::super::start_editing(&mut m, actual.clone(), "67200");
        let said = warning(&m).unwrap();
        assert!(
            said.contains("偏离目标过大") && said.contains("完成率"),
            "{said}"
        );
        m.ui.mode = Mode::Normal;
        m.session.project.policy.plausible_deviation = rust_decimal::Decimal::ZERO;
        super::super::start_editing(&mut m, actual, "67200");
        assert_eq!(warning(&m), None);
    }
}

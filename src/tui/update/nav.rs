//! Moving around: the cursor of each pane, pages, the panes themselves, going to a place
//! (a unit, a TOML path, an indicator), and keeping every cursor inside its list and in
//! view after any change.

use super::super::layout::{self, List};
use super::super::model::*;
use super::super::msg::{Action, Dir};
use crate::project::PathSeg;

/// The pane to the right (`Dir::Right`) or to the left, round the ends.
pub(super) fn cycle_pane(model: &mut Model, dir: Dir) {
    let n = Pane::ALL.len();
    let step = if dir == Dir::Left { n - 1 } else { 1 };
    model.ui.pane.0 = Pane::ALL[(model.ui.pane.0.index() + step) % n];
}

/// A cursor position after a move over a list of `len` rows.
fn step(pos: usize, len: usize, action: Action, page: usize) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    match action {
        Action::Move(Dir::Up) => pos.saturating_sub(1),
        Action::Move(Dir::Down) => (pos + 1).min(last),
        Action::Page(Dir::Up) => pos.saturating_sub(page),
        Action::Page(Dir::Down) => (pos + page).min(last),
        Action::Top => 0,
        Action::Bottom => last,
        _ => pos.min(last),
    }
}

/// Moves the cursor of the pane shown: a row, a column, a page, to the first or the last.
pub(super) fn move_cursor(model: &mut Model, action: Action) {
    match model.ui.pane.0 {
        Pane::Matrix => move_in_matrix(model, action),
        Pane::Entry if model.ui.entry.in_sheet => move_in_sheet(model, action),
        Pane::Entry => move_in_unit_list(model, action),
        Pane::Totals => move_in_totals(model, action),
        Pane::Ranking if model.ui.ranking.individuals => {
            let (len, page) = (model.session.board.individuals.len(), page(model));
            let people = &mut model.ui.ranking.people;
            people.row = step(people.row, len, action, page);
        }
        Pane::Ranking => {
            let (len, page) = (model.ranking_len(), page(model));
            let r = &mut model.ui.ranking;
            r.row = step(r.row, len, action, page);
        }
        Pane::Problems => {
            let (len, page) = (model.session.problems.len(), page(model));
            let l = &mut model.ui.problems;
            l.row = step(l.row, len, action, page);
        }
    }
}

/// How far a page moves the cursor on this screen.
fn page(model: &Model) -> usize {
    layout::page_rows(model.size.1)
}

/// The matrix: rows up and down, columns left and right.
fn move_in_matrix(model: &mut Model, action: Action) {
    let page = page(model);
    let p = &model.session.project;
    let rows = matrix_rows(p).len();
    let m = &mut model.ui.matrix;
    match action {
        Action::Move(Dir::Left) => m.col = m.col.prev(),
        Action::Move(Dir::Right) => m.col = m.col.next(p.departments.len()),
        _ => m.row = step(m.row, rows, action, page),
    }
}

/// The entry pane's units: up and down (a new unit's sheet from its top); right opens
/// the sheet.
fn move_in_unit_list(model: &mut Model, action: Action) {
    let page = page(model);
    let units = entry_units(&model.session.project).len();
    let e = &mut model.ui.entry;
    match action {
        Action::Move(Dir::Right) => e.in_sheet = true,
        Action::Move(Dir::Left) => {}
        _ => {
            let before = e.unit;
            e.unit = step(e.unit, units, action, page);
            if e.unit != before {
                e.line = 0;
                e.field = 0;
                e.top = 0;
            }
        }
    }
}

/// A unit's sheet: lines up and down (over the areas' headings), fields left and right;
/// left of the first field is the unit list.
fn move_in_sheet(model: &mut Model, action: Action) {
    let page = page(model);
    let p = &model.session.project;
    let Some(unit) = entry_units(p).into_iter().nth(model.ui.entry.unit) else {
        return;
    };
    let lines = sheet_lines(p, &unit.id);
    let e = &mut model.ui.entry;
    match action {
        Action::Move(Dir::Left | Dir::Right) => {
            let fields = lines
                .get(e.line)
                .map_or(0, |l| line_fields(p, &unit.id, *l).len());
            let at = e.field.min(fields.saturating_sub(1));
            match action {
                Action::Move(Dir::Left) if at == 0 => e.in_sheet = false,
                Action::Move(Dir::Left) => e.field = at - 1,
                _ => e.field = (at + 1).min(fields.saturating_sub(1)),
            }
        }
        _ => {
            let before = e.line;
            e.line = step(e.line, lines.len(), action, page);
            // The cursor passes over area headings.
            let down = e.line >= before;
            while matches!(lines.get(e.line), Some(Line::Area(_))) {
                match (down, e.line + 1 < lines.len()) {
                    (true, true) => e.line += 1,
                    _ if e.line > 0 => e.line -= 1,
                    _ => break,
                }
            }
        }
    }
}

/// The totals: units up and down, columns left and right.
fn move_in_totals(model: &mut Model, action: Action) {
    let page = page(model);
    let areas = model.session.project.areas.len();
    let rows = model.ranking_len();
    let t = &mut model.ui.totals;
    match action {
        Action::Move(Dir::Left) => t.col = t.col.prev(areas),
        Action::Move(Dir::Right) => t.col = t.col.next(areas),
        _ => t.row = step(t.row, rows, action, page),
    }
}

/// An overlay's scroll after a move.
pub(super) fn scroll_by(scroll: usize, action: Action, page: usize) -> usize {
    match action {
        Action::Move(Dir::Up) => scroll.saturating_sub(1),
        Action::Move(Dir::Down) => scroll + 1,
        Action::Page(Dir::Up) => scroll.saturating_sub(page),
        Action::Page(Dir::Down) => scroll + page,
        _ => scroll,
    }
}

/// How far a page scrolls an overlay on this screen.
pub(super) fn overlay_page(model: &Model) -> usize {
    layout::page_rows(model.size.1)
}

/// Keeps every cursor inside its list and its row in view.
pub(super) fn clamp(model: &mut Model) {
    let p = &model.session.project;
    let h = model.size.1;
    let fit = |top: &mut usize, row: usize, list: List| {
        let height = layout::list_rows(list, h);
        if row < *top {
            *top = row;
        } else if row >= *top + height {
            *top = row + 1 - height;
        }
    };
    let rows = matrix_rows(p).len();
    let m = &mut model.ui.matrix;
    m.row = m.row.min(rows.saturating_sub(1));
    m.col = m.col.clamp(p.departments.len());
    fit(&mut m.top, m.row, List::Matrix);
    let units = entry_units(p);
    let e = &mut model.ui.entry;
    e.unit = e.unit.min(units.len().saturating_sub(1));
    fit(&mut e.unit_top, e.unit, List::Units);
    if let Some(unit) = units.get(e.unit) {
        let lines = sheet_lines(p, &unit.id);
        e.line = e.line.min(lines.len().saturating_sub(1));
        if matches!(lines.get(e.line), Some(Line::Area(_))) {
            e.line += 1;
        }
        // The field is kept past a line with fewer fields (the cursor keeps its column
        // between lines); it is read through `Model::entry_field_index`.
        e.field = e.field.min(MAX_LINE_FIELDS - 1);
        fit(&mut e.top, e.line, List::Sheet);
    }
    let len = model.session.board.units.len() + model.session.board.departments.len();
    let t = &mut model.ui.totals;
    t.row = t.row.min(len.saturating_sub(1));
    t.col = t.col.clamp(p.areas.len());
    if let Some((col, descending)) = t.sort {
        t.sort = Some((col.clamp(p.areas.len()), descending));
    }
    fit(&mut t.top, t.row, List::Totals);
    let r = &mut model.ui.ranking;
    r.row = r.row.min(len.saturating_sub(1));
    fit(&mut r.top, r.row, List::Ranking);
    clamp_individuals(model);
    let l = &mut model.ui.problems;
    l.row = l.row.min(model.session.problems.len().saturating_sub(1));
    fit(&mut l.top, l.row, List::Problems);
    clamp_form(model);
}

/// Keeps the 先进个人 view's cursor on one of its units, and all of that unit's lines in
/// view (its first, with the group's heading above it, when they do not all fit).
fn clamp_individuals(model: &mut Model) {
    let board = &model.session.board;
    let lines = individual_lines(board);
    let height = layout::list_rows(List::Individuals, model.size.1);
    let people = &mut model.ui.ranking.people;
    people.row = people.row.min(board.individuals.len().saturating_sub(1));
    let Some((first, last)) = individual_span(&lines, people.row) else {
        people.top = 0;
        return;
    };
    let first = if first > 0 && matches!(lines[first - 1], IndividualLine::Heading(_)) {
        first - 1
    } else {
        first
    };
    if last >= people.top + height {
        people.top = last + 1 - height;
    }
    people.top = people.top.min(first);
    people.top = people.top.min(lines.len().saturating_sub(height));
}

/// Keeps the form's cursor on one of its fields and in view; closes the form when what it
/// edits is gone (an undo took it back, or the file changed on disk), and with it a value
/// being typed into it, saying so and what it was.
fn clamp_form(model: &mut Model) {
    let fields = model.form_fields();
    let Some(form) = &mut model.ui.form else {
        return;
    };
    if fields.is_empty() {
        model.ui.form = None;
        let l = model.lang;
        let typed = match &model.ui.mode {
            Mode::Editing(e) if matches!(e.target, Target::Form { .. }) => {
                Some(crate::text::sanitize(e.input.text()))
            }
            _ => None,
        };
        if let Some(typed) = typed {
            model.ui.mode = Mode::Normal;
            let text = crate::i18n::TuiText(l).form_gone(&typed);
            model.ui.status = Some(Status { text, error: true });
        }
        return;
    }
    form.row = form.row.min(fields.len() - 1);
    let lines = form_lines(&form.subject, &fields);
    let at = lines
        .iter()
        .position(|l| *l == FormLine::Field(form.row))
        .unwrap_or(0);
    // The heading just above the first field of a table stays in view with it.
    let want = if at > 0 && matches!(lines[at - 1], FormLine::Heading(_)) {
        at - 1
    } else {
        at
    };
    let height = layout::form_rows(model.size.1);
    if want < form.top {
        form.top = want;
    } else if at >= form.top + height {
        form.top = at + 1 - height;
    }
    form.top = form.top.min(lines.len().saturating_sub(height));
}

// ---- going to a place -------------------------------------------------------------------

/// Shows a unit's sheet in the entry pane (the list's cursor on it); false if there is
/// no such unit.
pub(super) fn open_unit(model: &mut Model, id: &str) -> bool {
    let Some(at) = entry_units(model.project()).iter().position(|u| u.id == id) else {
        return false;
    };
    model.ui.pane.0 = Pane::Entry;
    model.ui.entry.unit = at;
    model.ui.entry.in_sheet = false;
    model.ui.entry.line = 0;
    model.ui.entry.field = 0;
    true
}

/// Shows a field of a unit's sheet in the entry pane, the cursor on it; false if the
/// unit or the line is not there.
pub(super) fn open_sheet_field(model: &mut Model, unit: &str, field: &SheetField) -> bool {
    if !open_unit(model, unit) {
        return false;
    }
    let p = &model.session.project;
    let indicator = |id: &str| p.indicators.iter().position(|i| i.id == id).map(Line::Row);
    let (line, wanted) = match field {
        SheetField::Survey => (Some(Line::Survey), Field::Value),
        SheetField::Org(item) => (
            p.organization
                .iter()
                .position(|o| &o.id == item)
                .map(Line::Org),
            Field::Value,
        ),
        SheetField::Target(i) => (indicator(i), Field::Target),
        SheetField::Actual(i) => (indicator(i), Field::Actual),
        SheetField::Deduction(i) => (indicator(i), Field::Deduction),
        SheetField::Prep(i) => (indicator(i), Field::Prep),
        SheetField::PenaltyPoints(n) => (Some(Line::Penalty(*n)), Field::Level),
        SheetField::PenaltyNote(n) => (Some(Line::Penalty(*n)), Field::Note),
    };
    let Some(line) = line else { return false };
    let Some(at) = sheet_lines(p, unit).iter().position(|l| *l == line) else {
        return false;
    };
    let field_at = line_fields(p, unit, line)
        .iter()
        .position(|f| *f == wanted)
        .unwrap_or(0);
    let e = &mut model.ui.entry;
    e.in_sheet = true;
    e.line = at;
    e.field = field_at;
    true
}

/// Shows the place a TOML path names; false when no pane edits it.
pub(super) fn jump_to(model: &mut Model, path: &[PathSeg]) -> bool {
    let key = |i: usize| match path.get(i) {
        Some(PathSeg::Key(k)) => Some(k.as_str()),
        _ => None,
    };
    let index = |i: usize| match path.get(i) {
        Some(PathSeg::Index(n)) => Some(*n),
        _ => None,
    };
    let p = &model.session.project;
    match key(0) {
        Some("scores") => {
            let Some(unit) = key(1).map(str::to_string) else {
                return false;
            };
            if !open_unit(model, &unit) {
                return false;
            }
            let p = &model.session.project;
            let line = match key(2) {
                Some("survey") => Some(Line::Survey),
                Some("organization") => key(3)
                    .and_then(|item| p.organization.iter().position(|o| o.id == item))
                    .map(Line::Org),
                Some("indicators") => key(3)
                    .and_then(|ind| p.indicators.iter().position(|i| i.id == ind))
                    .map(Line::Row),
                Some("penalties") => index(3).map(Line::Penalty),
                _ => None,
            };
            if let Some(line) = line {
                let lines = sheet_lines(p, &unit);
                if let Some(at) = lines.iter().position(|l| *l == line) {
                    model.ui.entry.in_sheet = true;
                    model.ui.entry.line = at;
                    model.ui.entry.field = 0;
                }
            }
            true
        }
        Some("indicators") | Some("areas") | Some("organization") => {
            let Some(n) = index(1) else { return false };
            let wanted = match key(0) {
                Some("areas") => MatrixRow::Area(n),
                Some("organization") => MatrixRow::OrgItem(n),
                _ => MatrixRow::Indicator(n),
            };
            let Some(row) = matrix_rows(p).iter().position(|r| *r == wanted) else {
                return false;
            };
            model.ui.pane.0 = Pane::Matrix;
            model.ui.matrix.row = row;
            model.ui.matrix.col = MatrixCol::Name;
            true
        }
        Some("nominees") => {
            let Some(unit) = index(1)
                .and_then(|n| p.nominees.get(n))
                .map(|n| n.unit.clone())
            else {
                return false;
            };
            show_individuals(model, &unit)
        }
        Some("units") | Some("departments") => {
            let Some(n) = index(1) else { return false };
            let offset = if key(0) == Some("units") {
                0
            } else {
                p.units.len()
            };
            model.ui.pane.0 = Pane::Entry;
            model.ui.entry.unit = offset + n;
            model.ui.entry.in_sheet = false;
            true
        }
        _ => false,
    }
}

/// Shows a unit's places and nominees in the ranking pane's 先进个人 view; false when it
/// has neither.
pub(super) fn show_individuals(model: &mut Model, unit: &str) -> bool {
    let individuals = &model.session.board.individuals;
    let Some(at) = individuals.iter().position(|i| i.id == unit) else {
        return false;
    };
    model.ui.pane.0 = Pane::Ranking;
    model.ui.ranking.individuals = true;
    model.ui.ranking.people.row = at;
    true
}

/// Shows an indicator: its row in the selected unit's sheet when the entry pane is
/// showing one, else its row in the matrix.
pub(super) fn show_indicator(model: &mut Model, id: &str) {
    let p = &model.session.project;
    let Some(ii) = p.indicators.iter().position(|i| i.id == id) else {
        return;
    };
    if model.ui.pane.0 == Pane::Entry
        && let Some(unit) = model.entry_unit()
        && let Some(at) = sheet_lines(p, &unit.id)
            .iter()
            .position(|l| *l == Line::Row(ii))
    {
        model.ui.entry.in_sheet = true;
        model.ui.entry.line = at;
        model.ui.entry.field = 0;
        return;
    }
    if let Some(row) = matrix_rows(p)
        .iter()
        .position(|r| *r == MatrixRow::Indicator(ii))
    {
        model.ui.pane.0 = Pane::Matrix;
        model.ui.matrix.row = row;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn demo() -> (Model, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.toml");
        std::fs::write(&path, crate::project::DEMO).unwrap();
        let session = crate::session::Session::open(&path, false).unwrap();
        (Model::new(session, Lang::En), dir)
    }

    /// The lines of the selected unit are all within the window the view draws.
    fn selected_in_view(m: &Model) -> bool {
        let lines = individual_lines(&m.session.board);
        let height = layout::list_rows(List::Individuals, m.size.1);
        let people = &m.ui.ranking.people;
        let (first, last) = individual_span(&lines, people.row).unwrap();
        first >= people.top && last < people.top + height
    }

    #[test]
    fn the_individuals_cursor_stays_on_a_unit_and_its_lines_in_view() {
        let (mut m, _dir) = demo();
        m.ui.pane.0 = Pane::Ranking;
        m.ui.ranking.individuals = true;
        let units = m.session.board.individuals.len();
        // Screens kaoping draws on (80×24 and more); below that, the cursor stays on a
        // unit (the screen says it is too small).
        for size in [(80, 24), (120, 40), (100, 30), (80, 12), (80, 6), (1, 1)] {
            let drawn = size.1 >= 24;
            m.size = size;
            for action in [Action::Bottom, Action::Top, Action::Page(Dir::Down)] {
                move_cursor(&mut m, action);
                clamp(&mut m);
                assert!(m.ui.ranking.people.row < units);
                assert!(selected_in_view(&m) || !drawn, "{size:?} {action:?}");
            }
            // Down one unit at a time, to the end and past it.
            move_cursor(&mut m, Action::Top);
            for _ in 0..units + 3 {
                move_cursor(&mut m, Action::Move(Dir::Down));
                clamp(&mut m);
                assert!(selected_in_view(&m) || !drawn, "{size:?}");
            }
            assert_eq!(m.ui.ranking.people.row, units - 1);
        }
        // A cursor left beyond the list (the units went away) comes back onto it.
        m.size = (80, 24);
        m.ui.ranking.people = ListState { row: 999, top: 999 };
        clamp(&mut m);
        assert_eq!(m.ui.ranking.people.row, units - 1);
        assert!(selected_in_view(&m));
        // The first unit shows with its group's heading above it.
        move_cursor(&mut m, Action::Top);
        clamp(&mut m);
        assert_eq!(m.ui.ranking.people.top, 0);
    }

    #[test]
    fn an_empty_individuals_view_keeps_its_cursor_at_the_top() {
        let (mut m, _dir) = demo();
        m.session.board.individuals.clear();
        m.ui.pane.0 = Pane::Ranking;
        m.ui.ranking.individuals = true;
        m.ui.ranking.people = ListState { row: 5, top: 7 };
        for action in [
            Action::Move(Dir::Down),
            Action::Bottom,
            Action::Page(Dir::Up),
        ] {
            move_cursor(&mut m, action);
            clamp(&mut m);
            assert_eq!(m.ui.ranking.people, ListState::default());
        }
        assert!(m.individual_selected().is_none());
        assert!(!show_individuals(&mut m, "jia"));
    }

    #[test]
    fn a_nominees_path_shows_its_unit_in_the_individuals_view() {
        let (mut m, _dir) = demo();
        let path = |n: usize| vec![PathSeg::Key("nominees".into()), PathSeg::Index(n)];
        let unit = m.project().nominees[4].unit.clone();
        assert!(jump_to(&mut m, &path(4)));
        clamp(&mut m);
        assert_eq!(m.ui.pane.0, Pane::Ranking);
        assert!(m.ui.ranking.individuals);
        assert_eq!(m.selected_unit(), Some(unit));
        // No such nominee: nowhere to go.
        assert!(!jump_to(&mut m, &path(9999)));
    }
}

//! How many keys it takes to enter a whole county sheet (issue 11: "today ≈ 300 for one
//! county sheet"): the demo's 东城县 typed from an empty sheet, once through the county
//! sheet and once through the indicator grid, by a user who types each value and moves
//! with the keys the footer offers. Each run ends with 东城县's scores exactly the demo's
//! (the same file, the same total 131.30), and prints its count; the counts are asserted
//! against a ceiling so that entry cannot silently get slower to type.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use kaoping::i18n::Lang;
use kaoping::project::{Row, UnitScores as Scores};
use kaoping::session::Session;
use kaoping::tui::model::{
    Field, GridCell, GridCol, Line, Model, grid_cell, grid_cols, grid_units, line_fields,
    sheet_lines,
};
use kaoping::tui::{message, msg::Msg};

const DEMO: &str = kaoping::project::DEMO;

/// The demo with 东城县's sheet empty: no survey, no organisation scores, no rows.
fn empty_dongcheng() -> String {
    let start = DEMO.find("[scores.jia]").unwrap();
    let end = DEMO.find("[scores.yi]").unwrap();
    format!("{}[scores.jia]\n\n{}", &DEMO[..start], &DEMO[end..])
}

struct Typist {
    model: Model,
    keys: usize,
    _dir: tempfile::TempDir,
}

impl Typist {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.toml");
        std::fs::write(&path, empty_dongcheng()).unwrap();
        let session = Session::open(&path, false).unwrap();
        let mut model = Model::new(session, Lang::Zh);
        model.color = false;
        Typist {
            model,
            keys: 0,
            _dir: dir,
        }
    }

    fn key(&mut self, code: KeyCode) {
        self.keys += 1;
        let event = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(msg) = message(&self.model, Event::Key(event)) {
            kaoping::tui::step(&mut self.model, msg);
        }
        // A value far off its target would be asked about; the demo's are not.
        assert!(self.model.ui.overlay.is_none(), "a question after {code:?}");
    }

    fn text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    fn resize(&mut self) {
        kaoping::tui::step(&mut self.model, Msg::Resize(80, 24));
    }
}

/// The demo's 东城县 sheet, as typed.
fn wanted() -> Scores {
    let p = kaoping::check::analyze(DEMO)
        .project
        .expect("the demo loads");
    p.scores["jia"].clone()
}

/// What a field of a line should hold, as the user types it (`None`: nothing to type).
fn value_of(
    want: &Scores,
    p: &kaoping::project::Project,
    line: Line,
    field: Field,
) -> Option<String> {
    let text = |d: rust_decimal::Decimal| d.normalize().to_string();
    match (line, field) {
        (Line::Survey, Field::Value) => want.survey.map(text),
        (Line::Org(i), Field::Value) => {
            let id = &p.organization.get(i)?.id;
            want.organization.get(id).copied().map(text)
        }
        (Line::Row(ii), f) => match (want.indicators.get(&p.indicators.get(ii)?.id)?, f) {
            (Row::Quantitative { target, .. }, Field::Target) => target.map(text),
            (Row::Quantitative { actual, .. }, Field::Actual) => actual.map(text),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a line's status should be complete (a qualitative row of the demo's).
fn wants_complete(want: &Scores, p: &kaoping::project::Project, line: Line) -> bool {
    match line {
        Line::Row(ii) => matches!(
            p.indicators
                .get(ii)
                .and_then(|i| want.indicators.get(&i.id)),
            Some(Row::Qualitative { complete: true, .. })
        ),
        _ => false,
    }
}

fn assert_dongcheng_is_the_demos(t: &Typist) {
    let want = wanted();
    let got = &t.model.project().scores["jia"];
    assert_eq!(got.survey, want.survey);
    assert_eq!(got.organization, want.organization);
    assert_eq!(got.indicators, want.indicators);
    let total = t.model.session.board.find("jia").unwrap().total;
    assert_eq!(total.to_string(), "131.30");
}

/// Through the county sheet: each line left to right, a value typed and Tab to the next
/// field (Tab goes on to the next line), a status set with Space, an empty field passed
/// with Tab.
#[test]
fn the_county_sheet_is_typed_in_about_as_many_keys_as_it_has_characters() {
    let mut t = Typist::new();
    t.resize();
    t.key(KeyCode::Char('2'));
    t.key(KeyCode::Right); // 东城县, the first unit: its sheet
    let want = wanted();
    let mut characters = 0;
    for _ in 0..500 {
        let p = t.model.project().clone();
        let lines = sheet_lines(&p, "jia");
        let line = lines[t.model.ui.entry.line];
        if matches!(line, Line::Penalty(_) | Line::NoPenalty) {
            break;
        }
        let fields = line_fields(&p, "jia", line);
        let field = fields[t.model.entry_field_index()];
        let before = (t.model.ui.entry.line, t.model.ui.entry.field);
        if let Some(v) = value_of(&want, &p, line, field) {
            characters += v.chars().count();
            t.text(&v);
        } else if field == Field::Status && wants_complete(&want, &p, line) {
            t.key(KeyCode::Char(' '));
        }
        t.key(KeyCode::Tab);
        let last = t.model.ui.entry.line + 1 >= lines.len();
        if (t.model.ui.entry.line, t.model.ui.entry.field) == before || last {
            break;
        }
    }
    assert_dongcheng_is_the_demos(&t);
    println!(
        "the county sheet: {} keys for {characters} characters of values",
        t.keys
    );
    // 310 on the demo: its 236 characters of values, 72 Tab/Space between them, 2 to
    // open the sheet — one key per character or separator, the floor.
    assert!(t.keys <= characters + 80, "{} keys", t.keys);
}

/// Through the indicator grid: the organisation items and the survey in the sheet
/// (the grid holds indicators only), then `o`, and for each indicator 东城县's cells
/// typed with Tab between them, `]` to the next indicator and ↑ back to 东城县.
#[test]
fn the_indicator_grid_types_a_county_sheet_too() {
    let mut t = Typist::new();
    t.resize();
    t.key(KeyCode::Char('2'));
    t.key(KeyCode::Right);
    let want = wanted();
    // The organisation items and the survey: a column typed with Enter.
    for _ in 0..20 {
        let p = t.model.project().clone();
        let line = sheet_lines(&p, "jia")[t.model.ui.entry.line];
        if !matches!(line, Line::Org(_) | Line::Survey) {
            break;
        }
        match value_of(&want, &p, line, Field::Value) {
            Some(v) => {
                t.text(&v);
                t.key(KeyCode::Enter);
            }
            None => t.key(KeyCode::Down),
        }
    }
    t.key(KeyCode::Char('o'));
    let first = t.model.grid().expect("the grid").indicator;
    let p = t.model.project().clone();
    let jia_row = grid_units(&p, first)
        .iter()
        .position(|u| u.id == "jia")
        .unwrap();
    for _ in 0..100 {
        let g = t.model.grid().unwrap();
        let ii = g.indicator;
        let units = grid_units(&p, ii);
        let row = units.iter().position(|u| u.id == "jia").unwrap_or(jia_row);
        for _ in row..g.row {
            t.key(KeyCode::Up);
        }
        for _ in 0..t.model.grid().unwrap().col {
            t.key(KeyCode::Left);
        }
        let cols = grid_cols(&p, ii);
        let id = &p.indicators[ii].id;
        for col in &cols {
            let p = t.model.project().clone();
            let unit = &grid_units(&p, ii)[row];
            match (grid_cell(&p, unit, ii, *col), want.indicators.get(id)) {
                (GridCell::Value(..), Some(Row::Quantitative { target, actual })) => {
                    let v = if *col == GridCol::Target {
                        target
                    } else {
                        actual
                    };
                    if let Some(v) = v {
                        t.text(&v.normalize().to_string());
                    }
                    t.key(KeyCode::Tab);
                }
                (GridCell::Status(_), Some(Row::Qualitative { complete: true, .. })) => {
                    t.key(KeyCode::Char(' '));
                    t.key(KeyCode::Tab);
                }
                _ => t.key(KeyCode::Tab),
            }
        }
        let before = t.model.grid().unwrap().indicator;
        if ii + 1 >= p.indicators.len() {
            break;
        }
        t.key(KeyCode::Char(']'));
        if t.model.grid().unwrap().indicator == before {
            break;
        }
    }
    assert_dongcheng_is_the_demos(&t);
    println!("the indicator grid: {} keys", t.keys);
    // 520 on the demo: the grid is made for a department's column (one indicator, every
    // county); a whole county through it pays `]` and ↑ per indicator.
    assert!(t.keys <= 540, "{} keys", t.keys);
}

//! The terminal program without a terminal: insta snapshots of every pane, the help
//! overlay and presentation mode (80×24 and 120×40, Chinese and English, with the demo's
//! Chinese names), and key-replay tests that drive the real update loop.

mod common;

use common::{key, key_mod, screen, status, step};
use crossterm::event::{KeyCode, KeyModifiers};
use kaoping::i18n::Lang;
use kaoping::session::Session;
use kaoping::tui::model::{Model, Pane};
use kaoping::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const DEMO: &str = kaoping::project::DEMO;
const WORKED: &str = include_str!("fixtures/worked.toml");

/// A model on a copy of `text` in a temporary folder (kept alive by the returned guard).
fn model(text: &str, name: &str, lang: Lang) -> (Model, tempfile::TempDir) {
    common::tui_model(text, name, lang)
}

fn keys(model: &mut Model, text: &str) {
    for c in text.chars() {
        key(model, KeyCode::Char(c));
    }
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

#[test]
fn snapshots_of_every_pane_in_both_languages_and_sizes() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            for pane in Pane::ALL {
                let (mut m, _dir) = model(DEMO, "demo.toml", lang);
                m.ui.pane.0 = pane;
                if pane == Pane::Entry {
                    // The vetoed 北岭县, cursor on its failed row.
                    key(&mut m, KeyCode::Down);
                    key(&mut m, KeyCode::Enter);
                    for _ in 0..6 {
                        key(&mut m, KeyCode::Down);
                    }
                }
                let name = format!(
                    "{}_{}_{w}x{h}",
                    format!("{pane:?}").to_lowercase(),
                    lang_name(lang)
                );
                insta::assert_snapshot!(name, screen(&mut m, w, h));
            }
        }
    }
}

#[test]
fn snapshots_of_help_and_presentation() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let (mut m, _dir) = model(DEMO, "demo.toml", lang);
            key(&mut m, KeyCode::Char('2'));
            key(&mut m, KeyCode::Char('?'));
            insta::assert_snapshot!(
                format!("help_{}_{w}x{h}", lang_name(lang)),
                screen(&mut m, w, h)
            );
            key(&mut m, KeyCode::Char('?'));
            key(&mut m, KeyCode::Char('4'));
            key(&mut m, KeyCode::Char('p'));
            insta::assert_snapshot!(
                format!("present_{}_{w}x{h}", lang_name(lang)),
                screen(&mut m, w, h)
            );
            key(&mut m, KeyCode::Down);
            insta::assert_snapshot!(
                format!("present_departments_{}_{w}x{h}", lang_name(lang)),
                screen(&mut m, w, h)
            );
        }
    }
}

/// The overlays the panes' snapshots do not show, at 80×24 in both languages: an
/// explanation, the question before a removal, a conflict with the file on disk, an
/// unfinished edit to restore, a search with matches and a scratch value tried on a row.
#[test]
fn snapshots_of_the_overlays() {
    use kaoping::tui::model::{Overlay, SheetField, Target, Unfinished};
    for lang in [Lang::Zh, Lang::En] {
        let l = lang_name(lang);
        // Explain: the vetoed 北岭县 from the ranking.
        let (mut m, _dir) = model(DEMO, "demo.toml", lang);
        key(&mut m, KeyCode::Char('4'));
        key(&mut m, KeyCode::Down);
        key(&mut m, KeyCode::Enter);
        insta::assert_snapshot!(format!("explain_{l}_80x24"), screen(&mut m, 80, 24));

        // Confirm: removing 城镇新增就业人数 from the matrix takes its score rows.
        let (mut m, _dir) = model(DEMO, "demo.toml", lang);
        key(&mut m, KeyCode::Char('1'));
        key(&mut m, KeyCode::Down);
        key(&mut m, KeyCode::Char('d'));
        insta::assert_snapshot!(format!("confirm_{l}_80x24"), screen(&mut m, 80, 24));

        // Conflict: an edit waits to be written while someone else changes the file. The
        // folder is a short one (`/tmp/kp…`, not a long `$TMPDIR`), so the path of
        // kaoping's version fits on its line; it is then replaced by a fixed name.
        let short = std::path::Path::new("/tmp");
        let parent = if short.is_dir() {
            short.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let dir = tempfile::Builder::new()
            .prefix("kp")
            .tempdir_in(parent)
            .unwrap();
        let file = dir.path().join("demo.toml");
        std::fs::write(&file, DEMO).unwrap();
        let session = Session::open(&file, false).unwrap();
        let mut m = Model::new(session, lang);
        m.color = false;
        key(&mut m, KeyCode::Char('1'));
        key(&mut m, KeyCode::Down);
        for _ in 0..4 {
            key(&mut m, KeyCode::Right);
        }
        key(&mut m, KeyCode::Char(' '));
        std::fs::write(&file, format!("{DEMO}\n# changed elsewhere\n")).unwrap();
        kaoping::tui::write_committed(&mut m);
        assert!(m.session.conflict);
        let folder = std::fs::canonicalize(dir.path()).unwrap();
        let text = redact(&screen(&mut m, 80, 24), &folder.display().to_string());
        insta::assert_snapshot!(format!("conflict_{l}_80x24"), text);

        // Recover: an edit was being typed when kaoping was interrupted.
        let (mut m, _dir) = model(DEMO, "demo.toml", lang);
        m.ui.overlay = Some(Overlay::Recover(Box::new(Unfinished {
            target: Target::Sheet {
                unit: "jia".into(),
                field: SheetField::Actual("new-jobs".into()),
            },
            text: "6720".into(),
        })));
        insta::assert_snapshot!(format!("recover_{l}_80x24"), screen(&mut m, 80, 24));

        // Search: indicators and units matching 就业, the second one chosen.
        let (mut m, _dir) = model(DEMO, "demo.toml", lang);
        key(&mut m, KeyCode::Char('/'));
        keys(&mut m, "就业");
        key(&mut m, KeyCode::Down);
        insta::assert_snapshot!(format!("search_{l}_80x24"), screen(&mut m, 80, 24));

        // Scratch: 东城县's new-jobs actual tried at 6000, not saved.
        let (mut m, _dir) = model(DEMO, "demo.toml", lang);
        to_dongcheng_new_jobs_actual(&mut m);
        key(&mut m, KeyCode::Char('w'));
        for _ in 0..4 {
            key(&mut m, KeyCode::Backspace);
        }
        keys(&mut m, "6000");
        insta::assert_snapshot!(format!("scratch_{l}_80x24"), screen(&mut m, 80, 24));
    }
}

/// A screen with a folder's path replaced by `[dir]`, each line padded back to its width
/// so that boxes keep their right edge whatever the folder's length.
fn redact(screen: &str, folder: &str) -> String {
    screen
        .lines()
        .map(|line| match line.find(folder) {
            Some(at) => {
                let replaced = line.replacen(folder, "[dir]", 1);
                let lost = kaoping::text::width(line) - kaoping::text::width(&replaced);
                // Pad before the box's right edge (the last │), if the line has one.
                match replaced.rfind('│').filter(|edge| *edge > at) {
                    Some(edge) => format!(
                        "{}{}{}",
                        &replaced[..edge],
                        " ".repeat(lost),
                        &replaced[edge..]
                    ),
                    None => replaced,
                }
            }
            None => line.to_string(),
        })
        .map(|line| format!("{line}\n"))
        .collect()
}

#[test]
fn a_small_terminal_says_so() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::En);
    let text = screen(&mut m, 60, 20);
    assert!(
        text.contains("Terminal too small: 80×24 needed, this one is 60×20"),
        "{text}"
    );
}

#[test]
fn chinese_names_line_up_in_the_ranking() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::Zh);
    key(&mut m, KeyCode::Char('4'));
    let text = screen(&mut m, 120, 40);
    // Every county's total starts in the same display column.
    let totals = ["131.30", "129.51", "128.91", "127.97", "125.78", "121.51"];
    let columns: std::collections::BTreeSet<usize> = text
        .lines()
        .filter_map(|l| {
            let total = totals.iter().find(|t| l.contains(**t))?;
            let byte = l.find(total)?;
            Some(kaoping::text::width(&l[..byte]))
        })
        .collect();
    assert_eq!(columns.len(), 1, "{text}");
}

#[test]
fn the_help_lists_the_keys_of_the_current_pane() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('1'));
    key(&mut m, KeyCode::Char('?'));
    let text = screen(&mut m, 120, 40);
    assert!(text.contains("cycle role"), "{text}");
    assert!(!text.contains("sort by column"), "{text}");
    key(&mut m, KeyCode::Esc);
    key(&mut m, KeyCode::Char('3'));
    key(&mut m, KeyCode::Char('?'));
    let text = screen(&mut m, 120, 40);
    assert!(
        text.contains("sort by column") && !text.contains("cycle role"),
        "{text}"
    );
}

#[test]
fn worked_example_ranking_screen() {
    let (mut m, _dir) = model(WORKED, "worked.toml", Lang::En);
    key(&mut m, KeyCode::Char('4'));
    let text = screen(&mut m, 80, 24);
    for expected in ["甲县", "21.80", "20.20", "19.70", "18.80", "经济开发区"] {
        assert!(text.contains(expected), "{expected} missing:\n{text}");
    }
    let _ = key_mod;
    let _ = keys;
}

// ---- key replay: the real update loop, driven by keys ------------------------------------

fn earned(m: &Model, unit: &str, indicator: &str) -> String {
    m.session
        .board
        .find(unit)
        .unwrap()
        .item(indicator)
        .unwrap()
        .earned
        .to_string()
}

fn total(m: &Model, unit: &str) -> String {
    m.session.board.find(unit).unwrap().total.to_string()
}

fn rank(m: &Model, unit: &str) -> u32 {
    m.session.board.find(unit).unwrap().rank
}

/// Opens 东城县's sheet and puts the cursor on the actual of 城镇新增就业人数 (new-jobs).
fn to_dongcheng_new_jobs_actual(m: &mut Model) {
    key(m, KeyCode::Char('2'));
    key(m, KeyCode::Right); // into the sheet: organisation items, survey, the 就业 heading …
    for _ in 0..5 {
        key(m, KeyCode::Down); // … the heading is passed over
    }
    key(m, KeyCode::Right); // target → actual
}

#[test]
fn a_shortfall_typed_for_a_county_vetoes_it_and_moves_it_down_and_undo_restores_it() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    let file = dir.path().join("demo.toml");
    assert_eq!((total(&m, "jia"), rank(&m, "jia")), ("131.30".into(), 1));
    assert!(m.session.board.find("jia").unwrap().comprehensive);
    to_dongcheng_new_jobs_actual(&mut m);
    key(&mut m, KeyCode::Enter);
    for _ in 0..4 {
        key(&mut m, KeyCode::Backspace);
    }
    keys(&mut m, "5000");
    // While typing: 1000 short of 6000 = 16.7% = 8.33 steps × 5% × 4 = 1.67 deducted,
    // 4 − 1.67 = 2.33; total 131.30 − 4.80 + 2.33 = 128.83, shown before it is committed.
    let preview = screen(&mut m, 80, 24);
    assert!(preview.contains("131.30 → 128.83"), "{preview}");
    assert_eq!(total(&m, "jia"), "131.30", "nothing committed yet");
    key(&mut m, KeyCode::Enter);
    assert_eq!(earned(&m, "jia", "new-jobs"), "2.33");
    assert_eq!(total(&m, "jia"), "128.83");
    let jia = m.session.board.find("jia").unwrap();
    assert_eq!(jia.failed, vec!["new-jobs"]);
    assert!(!jia.comprehensive);
    // 北岭县 129.51 and 西山县 128.91 + 0.11 = 129.02 are now ahead.
    assert_eq!(rank(&m, "jia"), 3);
    assert_eq!(total(&m, "ding"), "129.02");
    // The edit is on disk, and only that value changed.
    m.session.flush();
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(
        saved.contains("new-jobs          = { target = 6000, actual = 5000 }"),
        "{saved}"
    );
    assert_eq!(saved.lines().count(), DEMO.lines().count());
    // Undo brings everything back, on screen and on disk.
    key(&mut m, KeyCode::Char('u'));
    assert_eq!((total(&m, "jia"), rank(&m, "jia")), ("131.30".into(), 1));
    assert!(m.session.board.find("jia").unwrap().comprehensive);
    m.session.flush();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), DEMO);
    // Redo (Ctrl-R) makes it again.
    key_mod(&mut m, KeyCode::Char('r'), KeyModifiers::CONTROL);
    assert_eq!(total(&m, "jia"), "128.83");
}

#[test]
fn another_countys_bonus_moves_when_the_top_over_completer_changes() {
    // new-jobs over-completion: 东城县 12% (the top), 青阳县 10%, 西山县 8%, 南湖县 6%, 开发区 3%.
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::En);
    // Before: 青阳县 4 + 10/12 × 20% × 4 = 4.67; 西山县 4 + 8/12 × 0.8 = 4.53.
    assert_eq!(earned(&m, "wu", "new-jobs"), "4.67");
    assert_eq!(earned(&m, "ding", "new-jobs"), "4.53");
    assert_eq!(earned(&m, "zone", "new-jobs"), "4.20");
    to_dongcheng_new_jobs_actual(&mut m);
    key(&mut m, KeyCode::Enter);
    for _ in 0..4 {
        key(&mut m, KeyCode::Backspace);
    }
    keys(&mut m, "6000");
    key(&mut m, KeyCode::Enter);
    // 东城县 now exactly meets its target (no bonus); 青阳县's 10% is the top: 4.80;
    // 西山县 4 + 8/10 × 0.8 = 4.64; the zone 4 + 3/10 × 0.8 = 4.24.
    assert_eq!(earned(&m, "jia", "new-jobs"), "4.00");
    assert_eq!(earned(&m, "wu", "new-jobs"), "4.80");
    assert_eq!(earned(&m, "ding", "new-jobs"), "4.64");
    assert_eq!(earned(&m, "zone", "new-jobs"), "4.24");
}

#[test]
fn a_deduction_over_the_cap_is_refused_in_place_with_the_cap() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    // The zone's rural-dibao: incomplete, 0.8 deducted, base 6: the cap is 60% × 6 = 3.60.
    key(&mut m, KeyCode::Char('/'));
    keys(&mut m, "经济开发区");
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Char('/'));
    keys(&mut m, "农村居民最低");
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Right); // status → deduction
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Backspace);
    key(&mut m, KeyCode::Backspace);
    key(&mut m, KeyCode::Backspace);
    keys(&mut m, "4");
    let text = screen(&mut m, 120, 40);
    assert!(text.contains("deduction 4 is outside [0, 3.60]"), "{text}");
    key(&mut m, KeyCode::Enter);
    // Still typing, nothing committed, the file untouched.
    assert!(matches!(m.ui.mode, kaoping::tui::model::Mode::Editing(_)));
    key(&mut m, KeyCode::Esc);
    m.session.flush();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("demo.toml")).unwrap(),
        DEMO
    );
    assert_eq!(earned(&m, "zone", "rural-dibao"), "5.20");
}

#[test]
fn find_takes_chinese_and_jumps_to_the_unit() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::Zh);
    key(&mut m, KeyCode::Char('4'));
    key(&mut m, KeyCode::Char('/'));
    keys(&mut m, "北岭");
    let text = screen(&mut m, 80, 24);
    assert!(text.contains("北岭县"), "{text}");
    key(&mut m, KeyCode::Enter);
    assert_eq!(m.ui.pane.0, Pane::Entry);
    assert_eq!(m.entry_unit().unwrap().id, "yi");
}

#[test]
fn a_role_cycles_in_the_matrix_and_is_saved() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('1'));
    key(&mut m, KeyCode::Down); // 城镇新增就业人数
    for _ in 0..4 {
        key(&mut m, KeyCode::Right); // base, bonus, 人社, 民政
    }
    key(&mut m, KeyCode::Char(' '));
    assert_eq!(
        m.session
            .project
            .indicator("new-jobs")
            .unwrap()
            .lead
            .as_deref(),
        Some("civil")
    );
    m.session.flush();
    let saved = std::fs::read_to_string(dir.path().join("demo.toml")).unwrap();
    assert!(saved.contains("lead = \"civil\""));
    // The comments of the template are still there.
    assert!(saved.contains("# One digit is unreadable in the source"));
}

#[test]
fn a_scratch_value_shows_how_the_others_bonuses_move_and_is_never_saved() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('2'));
    key(&mut m, KeyCode::Right);
    for _ in 0..5 {
        key(&mut m, KeyCode::Down);
    }
    // w: try a value for 东城县's new-jobs actual without saving it.
    key(&mut m, KeyCode::Char('w'));
    for _ in 0..4 {
        key(&mut m, KeyCode::Backspace);
    }
    keys(&mut m, "6000");
    let text = screen(&mut m, 120, 40);
    assert!(text.contains("SCRATCH: not saved"), "{text}");
    // 东城县 just meets its target; 青阳县's 10% becomes the top: 4.67 → 4.80; 西山县
    // 4 + 8/12 × 0.8 = 4.53 → 4 + 8/10 × 0.8 = 4.64.
    assert!(
        text.contains("青阳县 4.67 → 4.80") && text.contains("西山县 4.53 → 4.64"),
        "{text}"
    );
    assert!(text.contains("东城县 4.80 → 4.00"), "{text}");
    // Enter does not save it; Esc discards it.
    key(&mut m, KeyCode::Enter);
    assert!(screen(&mut m, 120, 40).contains("scratch value and is not saved"));
    key(&mut m, KeyCode::Esc);
    assert_eq!(earned(&m, "wu", "new-jobs"), "4.67");
    m.session.flush();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("demo.toml")).unwrap(),
        DEMO
    );
}

#[test]
fn the_last_unit_stays_in_view_below_the_rule_before_the_departments() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::Zh);
    key(&mut m, KeyCode::Char('2'));
    key(&mut m, KeyCode::Char('G'));
    let text = screen(&mut m, 80, 24);
    assert!(text.contains("▸ 市残联"), "{text}");
    assert!(text.contains("  ──"), "{text}");
}

/// Types a file name into the prompt, replacing what it suggests.
fn type_path(m: &mut Model, path: &std::path::Path) {
    key(m, KeyCode::End);
    for _ in 0..80 {
        key(m, KeyCode::Backspace);
    }
    keys(m, path.to_str().unwrap());
}

#[test]
fn export_writes_the_file_its_extension_names_and_refuses_an_unknown_one() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('X'));
    type_path(&mut m, &dir.path().join("ranking.txt"));
    key(&mut m, KeyCode::Enter);
    let text = screen(&mut m, 120, 40);
    assert!(text.contains("✗ the name should end in"), "{text}");
    assert!(matches!(m.ui.mode, kaoping::tui::model::Mode::Editing(_)));
    let out = dir.path().join("ranking.csv");
    type_path(&mut m, &out);
    key(&mut m, KeyCode::Enter);
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.contains("东城县"), "{csv}");
    assert!(screen(&mut m, 120, 40).contains("exported"));
}

/// The export prompt writes the report to the leading group from a `.docx` name, and the
/// message that lists the formats names docx.
#[test]
fn export_prompt_writes_the_docx_report() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('X'));
    type_path(&mut m, &dir.path().join("ranking.txt"));
    key(&mut m, KeyCode::Enter);
    let said = match &m.ui.mode {
        kaoping::tui::model::Mode::Editing(e) => e.error.clone().unwrap_or_default(),
        _ => panic!("the prompt stays open"),
    };
    assert!(said.contains(".html or .docx"), "{said}");
    let out = dir.path().join("送审稿.docx");
    type_path(&mut m, &out);
    key(&mut m, KeyCode::Enter);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK"), "a .docx is a zip archive");
    assert!(screen(&mut m, 120, 40).contains("exported"));
}

#[test]
fn compare_reads_the_other_file_and_shows_what_changed() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('c'));
    type_path(&mut m, &dir.path().join("missing.toml"));
    key(&mut m, KeyCode::Enter);
    assert!(matches!(m.ui.mode, kaoping::tui::model::Mode::Editing(_)));
    // A broken file: its error is placed like the command line's, file:line:col and path.
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, DEMO.replacen("survey = 5.8", "survey = \"x\"", 1)).unwrap();
    type_path(&mut m, &broken);
    key(&mut m, KeyCode::Enter);
    let line = DEMO
        .lines()
        .position(|l| l.contains("survey = 5.8"))
        .unwrap()
        + 1;
    let said = match &m.ui.mode {
        kaoping::tui::model::Mode::Editing(e) => e.error.clone().unwrap_or_default(),
        _ => panic!("the prompt stays open"),
    };
    assert!(said.contains(&format!("broken.toml:{line}:")), "{said}");
    assert!(said.contains(".survey"), "{said}");
    let older = dir.path().join("older.toml");
    let text = DEMO.replacen(
        "new-jobs          = { target = 6000, actual = 6720 }",
        "new-jobs          = { target = 6000, actual = 5000 }",
        1,
    );
    assert_ne!(text, DEMO);
    std::fs::write(&older, text).unwrap();
    type_path(&mut m, &older);
    key(&mut m, KeyCode::Enter);
    match &m.ui.overlay {
        Some(kaoping::tui::model::Overlay::Explain { title, lines, .. }) => {
            assert!(title.contains("older.toml"), "{title}");
            assert!(lines.iter().any(|l| l.contains("东城县")), "{lines:?}");
        }
        _ => panic!("no comparison shown"),
    }
}

#[test]
fn the_last_problem_stays_in_view() {
    // The template with twenty more counties, each pending: a list longer than the screen.
    let mut text = kaoping::project::TEMPLATE.to_string();
    for n in 1..=20 {
        text.push_str(&format!(
            "\n[[units]]\nid = \"x{n}\"\nname = \"新县{n}\"\nkind = \"county\"\n"
        ));
    }
    let (mut m, _dir) = model(&text, "template.toml", Lang::En);
    assert!(
        m.session.problems.len() > 25,
        "{}",
        m.session.problems.len()
    );
    key(&mut m, KeyCode::Char('5'));
    key(&mut m, KeyCode::Char('G'));
    let text = screen(&mut m, 80, 24);
    assert!(text.lines().any(|l| l.starts_with('▸')), "{text}");
}

// ---- the form: an entry's fields, or the project's settings -----------------------------

/// The matrix, the cursor on 城镇新增就业人数, its form open.
fn new_jobs_form(m: &mut Model) {
    key(m, KeyCode::Char('1'));
    key(m, KeyCode::Down);
    key(m, KeyCode::Char('f'));
}

/// Moves the form's cursor down to the field of `key`, with the arrow key (by key, not by
/// position, so that a new field does not move what these tests edit).
fn to_field(m: &mut Model, key_name: &str) {
    for _ in 0..40 {
        if m.form_field().is_some_and(|f| f.key == key_name) {
            return;
        }
        key(m, KeyCode::Down);
    }
    panic!("no field {key_name} in the form");
}

/// Starts typing into the form's field, its value cleared.
fn retype(m: &mut Model, text: &str) {
    key(m, KeyCode::Enter);
    key(m, KeyCode::End);
    for _ in 0..40 {
        key(m, KeyCode::Backspace);
    }
    keys(m, text);
}

fn saved(m: &mut Model, dir: &tempfile::TempDir) -> String {
    m.session.flush();
    std::fs::read_to_string(dir.path().join("demo.toml")).unwrap()
}

#[test]
fn snapshots_of_the_form() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let l = lang_name(lang);
            let (mut m, _dir) = model(DEMO, "demo.toml", lang);
            new_jobs_form(&mut m);
            to_field(&mut m, "measure");
            insta::assert_snapshot!(format!("form_indicator_{l}_{w}x{h}"), screen(&mut m, w, h));
            let (mut m, _dir) = model(DEMO, "demo.toml", lang);
            key(&mut m, KeyCode::Char('4'));
            key(&mut m, KeyCode::Char('S'));
            to_field(&mut m, "comprehensive_awards");
            insta::assert_snapshot!(format!("form_settings_{l}_{w}x{h}"), screen(&mut m, w, h));
        }
    }
}

#[test]
fn the_form_edits_an_indicators_measure_and_undo_takes_it_back() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    new_jobs_form(&mut m);
    to_field(&mut m, "measure");
    retype(&mut m, "万人");
    // Typed in its place, with the real cursor: the form shows it.
    let text = screen(&mut m, 80, 24);
    assert!(text.contains("unit of measure      万人"), "{text}");
    key(&mut m, KeyCode::Enter);
    let ind = m.session.project.indicator("new-jobs").unwrap();
    assert_eq!(ind.measure.as_deref(), Some("万人"));
    assert_eq!(status(&m), "unit of measure: 人 → 万人");
    assert!(m.ui.form.is_some(), "the form stays open");
    let file = saved(&mut m, &dir);
    assert_eq!(
        file,
        DEMO.replacen("measure = \"人\"\n", "measure = \"万人\"\n", 1)
    );
    // One undo step, from the form itself.
    key(&mut m, KeyCode::Char('u'));
    let ind = m.session.project.indicator("new-jobs").unwrap();
    assert_eq!(ind.measure.as_deref(), Some("人"));
    assert_eq!(saved(&mut m, &dir), DEMO);
    // Cleared with x: the key goes.
    key(&mut m, KeyCode::Char('x'));
    assert_eq!(
        m.session.project.indicator("new-jobs").unwrap().measure,
        None
    );
    assert!(
        status(&m).starts_with("unit of measure: 人 → (none)"),
        "{}",
        status(&m)
    );
    // Esc closes the form; the matrix's keys work again.
    key(&mut m, KeyCode::Esc);
    assert!(m.ui.form.is_none());
    key(&mut m, KeyCode::Char('u'));
    assert_eq!(saved(&mut m, &dir), DEMO);
}

#[test]
fn space_toggles_bonus_in_the_form_and_the_scores_follow() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::Zh);
    assert_eq!(earned(&m, "jia", "new-jobs"), "4.80");
    new_jobs_form(&mut m);
    to_field(&mut m, "bonus");
    // The footer offers Space here, and not on a typed field.
    assert!(screen(&mut m, 80, 24).contains("空格 切换 是/否、下一个选项"));
    key(&mut m, KeyCode::Char(' '));
    assert!(!m.session.project.indicator("new-jobs").unwrap().bonus);
    assert_eq!(status(&m), "加分指标：是 → 否");
    // No bonus now: 东城县 earns the base.
    assert_eq!(earned(&m, "jia", "new-jobs"), "4.00");
    let file = saved(&mut m, &dir);
    assert_eq!(
        diff_lines(DEMO, &file),
        vec![("bonus = true".into(), "bonus = false".into())]
    );
    key(&mut m, KeyCode::Char(' '));
    assert_eq!(saved(&mut m, &dir), DEMO);
    to_field(&mut m, "units");
    assert!(!screen(&mut m, 80, 24).contains("空格 切换"));
}

/// The lines that differ between two texts of the same length, in order.
fn diff_lines(a: &str, b: &str) -> Vec<(String, String)> {
    assert_eq!(a.lines().count(), b.lines().count());
    a.lines()
        .zip(b.lines())
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (x.to_string(), y.to_string()))
        .collect()
}

#[test]
fn fewer_comprehensive_awards_in_the_settings_change_the_ranking() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    let comprehensive = |m: &Model| {
        let board = &m.session.board;
        board
            .units
            .iter()
            .filter(|u| u.comprehensive)
            .map(|u| u.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(comprehensive(&m), ["jia", "ding", "wu"]);
    key(&mut m, KeyCode::Char('4'));
    let before = screen(&mut m, 80, 24);
    key(&mut m, KeyCode::Char('S'));
    to_field(&mut m, "comprehensive_awards");
    retype(&mut m, "2");
    key(&mut m, KeyCode::Enter);
    assert_eq!(m.session.project.policy.comprehensive_awards, 2);
    assert_eq!(comprehensive(&m), ["jia", "ding"]);
    assert_eq!(status(&m), "comprehensive awards (counties): 3 → 2");
    // The ranking under the form shows it once the form is closed.
    key(&mut m, KeyCode::Char('q'));
    let after = screen(&mut m, 80, 24);
    let stars = |text: &str| text.matches('★').count();
    assert_eq!(stars(&after) + 1, stars(&before), "{after}");
    assert!(
        after
            .lines()
            .any(|l| l.contains("青阳县") && !l.contains('★')),
        "{after}"
    );
    let file = saved(&mut m, &dir);
    assert_eq!(
        diff_lines(DEMO, &file),
        vec![(
            "comprehensive_awards = 3        # 综合先进: top 3 counties (the zone counts as a county)".into(),
            "comprehensive_awards = 2        # 综合先进: top 3 counties (the zone counts as a county)".into()
        )]
    );
}

#[test]
fn a_bonus_share_of_2_is_refused_in_place_with_its_range() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('S'));
    to_field(&mut m, "bonus_share");
    retype(&mut m, "2");
    // Refused as you type, with the loader's own range.
    let text = screen(&mut m, 80, 24);
    assert!(text.contains("│ ✗ 2 is outside [0, 1]"), "{text}");
    key(&mut m, KeyCode::Enter);
    assert!(matches!(m.ui.mode, kaoping::tui::model::Mode::Editing(_)));
    assert!(screen(&mut m, 80, 24).contains("✗ 2 is outside [0, 1]"));
    key(&mut m, KeyCode::Esc);
    assert_eq!(m.session.project.policy.bonus_share.to_string(), "0.20");
    assert!(!m.session.can_undo());
    assert_eq!(saved(&mut m, &dir), DEMO);
}

#[test]
fn a_maximum_below_the_scores_entered_is_refused_by_the_session() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('S'));
    to_field(&mut m, "survey");
    // 5 is a good maximum, but 东城县's survey is 5.8: the project would have an error.
    retype(&mut m, "5");
    key(&mut m, KeyCode::Enter);
    let text = screen(&mut m, 80, 24);
    assert!(text.contains("✗ 5.8 is outside [0, 5]"), "{text}");
    assert!(matches!(m.ui.mode, kaoping::tui::model::Mode::Editing(_)));
    key(&mut m, KeyCode::Esc);
    assert_eq!(m.session.project.sections.survey.to_string(), "6");
    assert_eq!(saved(&mut m, &dir), DEMO);
}

#[test]
fn the_title_typed_in_the_settings_reaches_the_file_in_place() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::Zh);
    key(&mut m, KeyCode::Char('S'));
    assert_eq!(m.form_field().unwrap().key, "title");
    retype(&mut m, "2027年度 民生工程\"考评\"");
    key(&mut m, KeyCode::Enter);
    assert_eq!(m.session.project.title, "2027年度 民生工程\"考评\"");
    assert_eq!(
        status(&m),
        "标题：2026年度民生工程目标管理考评 → 2027年度 民生工程\"考评\""
    );
    // Byte for byte: only the title's line, written as TOML writes such a string.
    assert_eq!(
        saved(&mut m, &dir),
        DEMO.replacen(
            "title = \"2026年度民生工程目标管理考评\"\n",
            "title = '2027年度 民生工程\"考评\"'\n",
            1
        )
    );
    // The header shows it at once.
    assert!(
        screen(&mut m, 80, 24)
            .lines()
            .next()
            .unwrap()
            .contains("2027年度")
    );
    // An empty title is refused in place.
    retype(&mut m, " ");
    key(&mut m, KeyCode::Enter);
    assert!(screen(&mut m, 80, 24).contains("✗ 需要一个值"));
}

#[test]
fn the_unit_list_opens_the_form_of_a_county_or_a_department() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('2'));
    key(&mut m, KeyCode::Char('f'));
    let text = screen(&mut m, 80, 24);
    assert!(text.contains("County or zone: 东城县 · jia"), "{text}");
    // Its kind: Space makes the county the zone, and back.
    to_field(&mut m, "kind");
    key(&mut m, KeyCode::Char(' '));
    assert_eq!(status(&m), "kind: county → zone");
    assert_eq!(
        m.session.project.unit("jia").unwrap().kind,
        kaoping::project::UnitKind::Zone
    );
    key(&mut m, KeyCode::Enter);
    assert_eq!(saved(&mut m, &dir), DEMO);
    key(&mut m, KeyCode::Esc);
    // A department: its name, typed; Tab commits (and there is no next typed field).
    key(&mut m, KeyCode::Char('G'));
    key(&mut m, KeyCode::Char('f'));
    assert!(screen(&mut m, 80, 24).contains("Department: 市残联"));
    retype(&mut m, "市残疾人联合会");
    key(&mut m, KeyCode::Tab);
    assert_eq!(
        m.session.project.department("disabled").unwrap().name,
        "市残疾人联合会"
    );
}

#[test]
fn an_areas_form_from_its_row_in_the_matrix() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('1'));
    key(&mut m, KeyCode::Char('f'));
    assert!(screen(&mut m, 80, 24).contains("Area: 就业和创业 · employment"));
    to_field(&mut m, "max");
    retype(&mut m, "１３");
    key(&mut m, KeyCode::Enter);
    assert_eq!(
        m.session
            .project
            .area("employment")
            .unwrap()
            .max
            .to_string(),
        "13"
    );
    assert_eq!(status(&m), "maximum: 12 → 13");
    let file = saved(&mut m, &dir);
    assert_eq!(diff_lines(DEMO, &file).len(), 1, "{file}");
}

#[test]
fn a_read_only_copy_shows_the_form_but_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.toml");
    std::fs::write(&path, DEMO).unwrap();
    let mut m = Model::new(Session::open(&path, true).unwrap(), Lang::En);
    key(&mut m, KeyCode::Char('S'));
    assert!(m.ui.form.is_some());
    key(&mut m, KeyCode::Enter);
    assert!(matches!(m.ui.mode, kaoping::tui::model::Mode::Normal));
    assert!(status(&m).contains("read-only"), "{}", status(&m));
    to_field(&mut m, "last_place");
    key(&mut m, KeyCode::Char(' '));
    assert!(m.session.project.policy.last_place);
    assert!(status(&m).contains("read-only"), "{}", status(&m));
}

#[test]
fn the_help_of_the_form_lists_its_keys() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::En);
    new_jobs_form(&mut m);
    key(&mut m, KeyCode::Char('?'));
    let text = screen(&mut m, 120, 40);
    for expected in ["Esc/q/Ctrl-C", "close", "edit", "undo"] {
        assert!(text.contains(expected), "{expected}:\n{text}");
    }
    // Not the matrix's keys, nor Space on a typed field.
    assert!(
        !text.contains("cycle role") && !text.contains("yes/no"),
        "{text}"
    );
    key(&mut m, KeyCode::Char('?'));
    assert!(m.ui.form.is_some() && m.ui.overlay.is_none());
}

#[test]
fn a_value_typed_into_a_form_is_offered_again_after_an_interruption() {
    use kaoping::edit::form::Subject;
    use kaoping::tui::model::{Overlay, Target, Unfinished};
    let unfinished = Unfinished {
        target: Target::Form {
            subject: Subject::Settings,
            table: "policy".into(),
            key: "department_awards".into(),
        },
        text: "6".into(),
    };
    // As the recovery file holds it.
    let written = toml::to_string(&unfinished).unwrap();
    let read: Unfinished = toml::from_str(&written).unwrap();
    assert_eq!(read, unfinished);
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::En);
    m.ui.overlay = Some(Overlay::Recover(Box::new(read)));
    assert!(screen(&mut m, 80, 24).contains("comprehensive awards (departments): 6"));
    key(&mut m, KeyCode::Char('y'));
    assert_eq!(m.form_field().unwrap().key, "department_awards");
    key(&mut m, KeyCode::Enter);
    assert_eq!(m.session.project.policy.department_awards, 6);
}

#[test]
fn an_interrupted_value_comes_back_into_its_own_cell_and_only_when_answered() {
    use kaoping::tui::model::Mode;
    use kaoping::tui::recovery;
    // 西山县's actual of 城镇新增就业人数 was being typed when the terminal died.
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::Zh);
    key(&mut m, KeyCode::Char('2'));
    for _ in 0..3 {
        key(&mut m, KeyCode::Down);
    }
    assert_eq!(m.entry_unit().unwrap().name, "西山县");
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Char('/'));
    keys(&mut m, "城镇新增就业");
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Right);
    key(&mut m, KeyCode::Char('e'));
    for _ in 0..8 {
        key(&mut m, KeyCode::Backspace);
    }
    keys(&mut m, "1888");
    recovery::remember(&m);
    recovery::write_now();
    drop(m);
    let file = dir.path().join("demo.toml");
    let recover_file = dir.path().join(".demo.toml.recover");
    assert!(recover_file.exists());

    // The next start offers it, naming the unit, the indicator and the field; the file
    // stays until the answer.
    let mut m = Model::new(Session::open(&file, false).unwrap(), Lang::Zh);
    m.color = false;
    kaoping::tui::greet(&mut m, None);
    let text = screen(&mut m, 80, 24);
    assert!(
        text.contains("西山县 · 城镇新增就业人数 · 实际：1888"),
        "{text}"
    );
    assert!(recover_file.exists());
    // Yes: the sheet of 西山县 opens on that very cell, the value typed in it.
    key(&mut m, KeyCode::Char('y'));
    assert!(!recover_file.exists());
    assert_eq!(m.entry_unit().unwrap().id, "ding");
    assert!(matches!(m.ui.mode, Mode::Editing(_)));
    // 1888 of 6000 is far off its target: Enter asks first, `y` commits (issue 11).
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Char('y'));
    let row = &m.session.project.scores["ding"].indicators["new-jobs"];
    assert!(
        matches!(row, kaoping::project::Row::Quantitative { actual: Some(a), .. } if a.to_string() == "1888"),
        "{row:?}"
    );
    // 东城县 was not touched.
    let jia = &m.session.project.scores["jia"].indicators["new-jobs"];
    assert!(
        !matches!(jia, kaoping::project::Row::Quantitative { actual: Some(a), .. } if a.to_string() == "1888")
    );
}

#[test]
fn a_value_tried_without_saving_it_never_comes_back_and_a_bad_recovery_file_is_kept() {
    use kaoping::tui::recovery;
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('2'));
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Char('/'));
    keys(&mut m, "城镇新增就业");
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Char('w'));
    keys(&mut m, "9");
    assert!(matches!(
        &m.ui.mode,
        kaoping::tui::model::Mode::Editing(e) if e.scratch
    ));
    recovery::remember(&m);
    recovery::write_now();
    let recover_file = dir.path().join(".demo.toml.recover");
    assert!(
        !recover_file.exists(),
        "a what-if value was kept for recovery"
    );

    // A recovery file that cannot be read is kept, and named.
    drop(m);
    std::fs::write(&recover_file, "not = [toml").unwrap();
    let file = dir.path().join("demo.toml");
    let mut m = Model::new(Session::open(&file, false).unwrap(), Lang::En);
    m.color = false;
    kaoping::tui::greet(&mut m, None);
    let text = screen(&mut m, 120, 40);
    assert!(text.contains(".demo.toml.recover"), "{text}");
    assert!(recover_file.exists());
}

#[test]
fn names_whose_width_terminals_disagree_on_are_drawn_by_their_first_character() {
    let text = DEMO
        .replacen(
            "name = \"东城县\"",
            "name = \"东👨\u{200d}👩\u{200d}👧城\"",
            1,
        )
        .replacen(
            "name = \"北岭县\"",
            "name = \"北a\u{301}\u{302}\u{303}岭\"",
            1,
        );
    let (mut m, _dir) = model(&text, "demo.toml", Lang::Zh);
    for pane in ['2', '3', '4'] {
        key(&mut m, KeyCode::Char(pane));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| view::draw(f, &m)).unwrap();
        let buffer = terminal.backend().buffer();
        for y in 0..24 {
            for x in 0..80 {
                let symbol = buffer[(x, y)].symbol();
                // At most one character and one combining mark in a cell: what a
                // terminal draws as wide as ratatui measured it.
                assert!(
                    symbol.chars().count() <= 2 && !symbol.contains('\u{200d}'),
                    "pane {pane}: cell ({x}, {y}) holds {symbol:?}"
                );
            }
        }
        let text = screen(&mut m, 80, 24);
        assert!(text.contains("东👨城"), "pane {pane}:\n{text}");
        assert!(text.contains("北a岭"), "pane {pane}:\n{text}");
    }
}

#[test]
fn a_number_too_large_to_score_is_refused_in_place_never_dropped() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('2'));
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Char('/'));
    keys(&mut m, "城镇新增就业");
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Right);
    key(&mut m, KeyCode::Char('e'));
    for _ in 0..8 {
        key(&mut m, KeyCode::Backspace);
    }
    keys(&mut m, "9999999999999999999999999999");
    let text = screen(&mut m, 120, 40);
    assert!(text.contains("too large to score"), "{text}");
    let generation = m.session.generation;
    key(&mut m, KeyCode::Enter);
    // Refused: nothing committed, the field still open with the reason.
    assert_eq!(m.session.generation, generation);
    assert!(matches!(m.ui.mode, kaoping::tui::model::Mode::Editing(_)));
    assert!(screen(&mut m, 120, 40).contains("too large to score"));
}

#[test]
fn the_matrix_shows_an_organisation_items_lead_and_space_moves_it() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('1'));
    // 8 areas and 31 indicators, then the four items of 组织实施: 资金安排 is the fourth.
    for _ in 0..42 {
        key(&mut m, KeyCode::Down);
    }
    let shown = screen(&mut m, 120, 40);
    let line = shown
        .lines()
        .find(|l| l.contains("资金安排"))
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(line.contains("lead"), "{line}");
    // Base, bonus, then 市人社局's column: Space makes it the lead instead of 市财政局.
    for _ in 0..3 {
        key(&mut m, KeyCode::Right);
    }
    key(&mut m, KeyCode::Char(' '));
    assert_eq!(
        m.session
            .project
            .org_item("funding")
            .unwrap()
            .lead
            .as_deref(),
        Some("hrss")
    );
    // Space again: no lead.
    key(&mut m, KeyCode::Char(' '));
    assert_eq!(m.session.project.org_item("funding").unwrap().lead, None);
    // `f`: the item's form, where applies_to is typed.
    key(&mut m, KeyCode::Char('f'));
    assert!(screen(&mut m, 80, 24).contains("Organisation item: 资金安排 · funding"));
    to_field(&mut m, "applies_to");
    retype(&mut m, "county, zone, department");
    key(&mut m, KeyCode::Enter);
    let file = saved(&mut m, &dir);
    assert!(
        file.contains("applies_to = [\"county\", \"zone\", \"department\"]"),
        "{file}"
    );
    assert!(!file.contains("lead = \"finance\""));
}

#[test]
fn the_entry_pane_opens_an_organisation_items_form() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::Zh);
    key(&mut m, KeyCode::Char('2'));
    key(&mut m, KeyCode::Enter); // 东城县's sheet, on 组织领导
    key(&mut m, KeyCode::Char('f'));
    assert!(screen(&mut m, 80, 24).contains("组织实施项目：组织领导 · leadership"));
}

#[test]
fn a_form_whose_entry_went_away_on_disk_is_closed_with_a_message_and_writes_nothing() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    new_jobs_form(&mut m);
    to_field(&mut m, "measure");
    retype(&mut m, "万人");
    // Meanwhile someone removes 城镇新增就业人数 (and its rows) from the file.
    let mut doc: toml_edit::DocumentMut = DEMO.parse().unwrap();
    let edit = kaoping::edit::Edit::RemoveIndicator {
        id: "new-jobs".into(),
    };
    kaoping::edit::apply_to_document(&mut doc, &edit);
    let theirs = doc.to_string();
    assert!(kaoping::check::analyze(&theirs).board.is_some());
    std::fs::write(dir.path().join("demo.toml"), &theirs).unwrap();
    step(&mut m, kaoping::tui::msg::Msg::FileChanged);
    assert!(
        m.session.project.indicator("new-jobs").is_none(),
        "reloaded"
    );
    assert!(m.ui.form.is_none(), "the form of something gone is closed");
    assert!(
        status(&m).contains("“万人” was not put in"),
        "{}",
        status(&m)
    );
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Esc);
    assert_eq!(saved(&mut m, &dir), theirs, "nothing written");
}

#[test]
fn a_deleted_file_that_comes_back_is_no_longer_said_to_be_deleted() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    let path = dir.path().join("demo.toml");
    std::fs::remove_file(&path).unwrap();
    step(&mut m, kaoping::tui::msg::Msg::FileChanged);
    assert!(status(&m).contains("deleted"), "{}", status(&m));
    std::fs::write(&path, DEMO).unwrap();
    step(&mut m, kaoping::tui::msg::Msg::FileChanged);
    assert!(!status(&m).contains("deleted"), "{}", status(&m));
}

// ---- 先进个人, vetoed winners, plausibility as typed, row kinds (issue 10) ----------------

/// The 先进个人 view (`n` in the ranking), the cursor on 北岭县, which nominates 3 of its 4.
#[test]
fn snapshots_of_the_individuals_view() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let (mut m, _dir) = model(DEMO, "demo.toml", lang);
            key(&mut m, KeyCode::Char('4'));
            key(&mut m, KeyCode::Char('n'));
            key(&mut m, KeyCode::Down);
            insta::assert_snapshot!(
                format!("individuals_{}_{w}x{h}", lang_name(lang)),
                screen(&mut m, w, h)
            );
        }
    }
}

/// The presentation's page of awards: a vetoed winner is marked for the leading group.
#[test]
fn snapshots_of_the_presentations_awards() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let (mut m, _dir) = model(DEMO, "demo.toml", lang);
            key(&mut m, KeyCode::Char('4'));
            key(&mut m, KeyCode::Char('p'));
            key(&mut m, KeyCode::Down);
            key(&mut m, KeyCode::Down);
            insta::assert_snapshot!(
                format!("present_awards_{}_{w}x{h}", lang_name(lang)),
                screen(&mut m, w, h)
            );
        }
    }
}

#[test]
fn n_switches_between_the_board_and_the_individuals_view_and_the_help_says_so() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('4'));
    let board = screen(&mut m, 80, 24);
    assert!(board.contains("n advanced individuals"), "{board}");
    // The board's legend says what `!` after ◆n means.
    assert!(board.contains("◆n! to confirm"), "{board}");
    key(&mut m, KeyCode::Char('n'));
    assert!(m.ui.ranking.individuals);
    let view = screen(&mut m, 80, 24);
    assert!(view.contains("Advanced individuals"), "{view}");
    assert!(view.contains("n back to the ranking"), "{view}");
    // Every unit's name lines up: the places column starts at one display column.
    let places_at: Vec<usize> = view
        .lines()
        .filter(|l| l.contains("县 ") || l.contains("局 ") || l.contains("区 "))
        .filter(|l| !l.contains("Advanced"))
        .map(|l| {
            let name_end = l.find(|c: char| c.is_ascii_digit()).unwrap();
            kaoping::text::width(&l[..name_end])
        })
        .collect();
    assert!(places_at.len() >= 5, "{view}");
    assert!(
        places_at.windows(2).all(|w| w[0] == w[1]),
        "{places_at:?}\n{view}"
    );
    key(&mut m, KeyCode::Char('?'));
    let help = screen(&mut m, 80, 24);
    assert!(help.contains("back to the ranking"), "{help}");
    key(&mut m, KeyCode::Char('?'));
    key(&mut m, KeyCode::Char('n'));
    assert!(!m.ui.ranking.individuals);
    // The board's help explains its symbols.
    key(&mut m, KeyCode::Char('?'));
    let help = screen(&mut m, 80, 40);
    assert!(
        help.contains("a vetoed unit wins single-item awards"),
        "{help}"
    );
}

#[test]
fn the_individuals_key_is_offered_only_when_there_are_places_or_nominees() {
    // A project whose only unit is the zone, with no places: nothing to show.
    let text = DEMO
        .replace("individual_quota_zone = 2", "individual_quota_zone = 0")
        .replace("individual_quota_county = 4", "individual_quota_county = 0");
    let (mut m, _dir) = model(&text, "demo.toml", Lang::En);
    key(&mut m, KeyCode::Char('4'));
    let board = screen(&mut m, 80, 24);
    // The demo still has nominees and departments' places.
    assert!(board.contains("n advanced individuals"), "{board}");
    let empty =
        "format = \"kaoping/1\"\ntitle = \"空\"\n[sections]\ntotal = 0\nsurvey = 0\ntask = 0\n";
    let (mut m, _dir) = model(empty, "empty.toml", Lang::En);
    assert!(m.session.board.individuals.is_empty());
    key(&mut m, KeyCode::Char('4'));
    let board = screen(&mut m, 80, 24);
    assert!(!board.contains("advanced individuals"), "{board}");
    // The key still does what it says: an empty view, no panic on moving in it.
    key(&mut m, KeyCode::Char('n'));
    for code in [KeyCode::Down, KeyCode::Up, KeyCode::PageDown, KeyCode::End] {
        key(&mut m, code);
    }
    keys(&mut m, "Gg");
    let view = screen(&mut m, 80, 24);
    assert!(
        view.contains("(no places for advanced individuals)"),
        "{view}"
    );
    for (w, h) in [(80, 24), (60, 10), (1, 1), (200, 60)] {
        screen(&mut m, w, h);
    }
}

#[test]
fn a_nominees_problem_jumps_to_the_unit_in_the_individuals_view() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::Zh);
    key(&mut m, KeyCode::Char('5'));
    let at = m
        .session
        .problems
        .iter()
        .position(|p| p.path.to_string() == "nominees[27]")
        .expect("市财政局 nominates 1 of its 2");
    for _ in 0..at {
        key(&mut m, KeyCode::Down);
    }
    key(&mut m, KeyCode::Enter);
    assert_eq!(m.ui.pane.0, Pane::Ranking);
    assert!(m.ui.ranking.individuals);
    assert_eq!(
        m.individual_selected().map(|u| u.id.as_str()),
        Some("finance")
    );
    // The unit is in view (far down the list) and selected; the status line says why.
    let view = screen(&mut m, 80, 24);
    let selected = view.lines().find(|l| l.starts_with('▸')).unwrap_or("");
    assert!(selected.contains("市财政局"), "{view}");
    assert!(view.contains("推荐了 1 人"), "{view}");
    // Resized smaller and back, the cursor stays on it and in view.
    for (w, h) in [(80, 24), (100, 30), (80, 24)] {
        let view = screen(&mut m, w, h);
        assert!(
            view.lines()
                .any(|l| l.starts_with('▸') && l.contains("市财政局")),
            "{view}"
        );
    }
}

#[test]
fn a_value_far_off_its_target_is_said_while_typed_and_still_commits() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::En);
    to_dongcheng_new_jobs_actual(&mut m);
    key(&mut m, KeyCode::Enter);
    let plausible = screen(&mut m, 80, 24);
    assert!(!plausible.contains("far off"), "{plausible}");
    // Ten times too large, as a slip of the finger makes it.
    key(&mut m, KeyCode::End);
    keys(&mut m, "0");
    let text = screen(&mut m, 80, 24);
    assert!(text.contains("⚠ 1120.0% of the target"), "{text}");
    assert!(text.contains("far off"), "{text}");
    // Back to the value as it was: the warning goes at once.
    key(&mut m, KeyCode::Backspace);
    assert!(!screen(&mut m, 80, 24).contains("far off"));
    keys(&mut m, "0");
    // Enter asks first (issue 11); `y` commits it.
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::Char('y'));
    assert!(matches!(m.ui.mode, kaoping::tui::model::Mode::Normal));
    assert!(
        m.session
            .problems
            .iter()
            .any(|p| p.path.to_string() == "scores.jia.indicators.new-jobs.actual")
    );
    // In Chinese too.
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::Zh);
    to_dongcheng_new_jobs_actual(&mut m);
    key(&mut m, KeyCode::Enter);
    key(&mut m, KeyCode::End);
    keys(&mut m, "00");
    let text = screen(&mut m, 80, 24);
    assert!(text.contains("偏离目标过大"), "{text}");
    // A value only tried (`w`) is never committed: no word of committing it.
    key(&mut m, KeyCode::Esc);
    key(&mut m, KeyCode::Char('w'));
    key(&mut m, KeyCode::End);
    keys(&mut m, "00");
    assert!(!screen(&mut m, 80, 24).contains("仍可确认"));
}

#[test]
fn a_row_of_an_indicator_that_fixes_its_kind_does_not_switch() {
    let (mut m, dir) = model(DEMO, "demo.toml", Lang::En);
    let before = saved(&mut m, &dir);
    let p = m.project();
    let fixed = p
        .indicators
        .iter()
        .position(|i| i.kind.is_some() && i.applies_to("jia") && i.is_pilot("jia"))
        .expect("the demo fixes some indicator's kind");
    let name = p.indicators[fixed].name.clone();
    key(&mut m, KeyCode::Char('2'));
    key(&mut m, KeyCode::Right);
    for _ in 0..80 {
        if matches!(
            m.entry_spot(),
            Some((_, kaoping::tui::model::Line::Row(ii), _)) if ii == fixed
        ) {
            break;
        }
        key(&mut m, KeyCode::Down);
    }
    // `s` is not offered there, and says why when pressed.
    let text = screen(&mut m, 120, 40);
    key(&mut m, KeyCode::Char('?'));
    let help = screen(&mut m, 120, 40);
    assert!(!help.contains("quantitative/qualitative"), "{help}");
    key(&mut m, KeyCode::Char('?'));
    key(&mut m, KeyCode::Char('s'));
    let said = status(&m);
    assert!(
        said.contains(&name) && said.contains("qualitative"),
        "{said}\n{text}"
    );
    assert_eq!(saved(&mut m, &dir), before);
    // A row of an indicator that leaves the kind open still switches.
    key(&mut m, KeyCode::Char('g'));
    to_dongcheng_new_jobs_actual(&mut m);
    key(&mut m, KeyCode::Char('?'));
    assert!(screen(&mut m, 120, 40).contains("quantitative/qualitative"));
}

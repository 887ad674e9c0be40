//! `cargo bench --bench tui`: the terminal program on a 100 units × 100 indicators
//! project — keystroke → recompute → frame (median and p99), and the bytes written to the
//! terminal for a cursor move and a pane switch. Prints figures; asserts nothing about time.
//!
//! Targets (issue #3): a keystroke under 5 ms (median and p99); under 1 KB per cursor move;
//! under 8 KB per pane switch. Issue #11: a 100-cell block pasted into the indicator grid
//! (parse, check every cell, the question with the totals it moves, then `y`: one commit)
//! under 20 ms.

mod generate;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use kaoping::i18n::Lang;
use kaoping::session::Session;
use kaoping::tui::model::Model;
use kaoping::tui::{message, step, view};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A terminal that only counts the bytes written to it.
#[derive(Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

type Term = Terminal<CrosstermBackend<Counter>>;

fn terminal(w: u16, h: u16) -> (Term, Counter) {
    let counter = Counter::default();
    let backend = CrosstermBackend::new(counter.clone());
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
    };
    (Terminal::with_options(backend, options).unwrap(), counter)
}

fn press(model: &mut Model, code: KeyCode) {
    if let Some(msg) = message(model, Event::Key(KeyEvent::new(code, KeyModifiers::NONE))) {
        step(model, msg);
    }
}

/// One keystroke: update, then draw. Returns the time and the bytes written.
fn stroke(
    model: &mut Model,
    term: &mut Term,
    counter: &Counter,
    code: KeyCode,
) -> (Duration, usize) {
    let before = counter.0.load(Ordering::Relaxed);
    let t = Instant::now();
    press(model, code);
    term.draw(|f| view::draw(f, model)).unwrap();
    let elapsed = t.elapsed();
    (elapsed, counter.0.load(Ordering::Relaxed) - before)
}

fn stats(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (
        ms(v[v.len() / 2]),
        ms(v[(v.len() * 99 / 100).min(v.len() - 1)]),
    )
}

fn median_bytes(mut v: Vec<usize>) -> usize {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    // `KAOPING_BENCH_ONLY=small` or `=large`: one of the two projects.
    let only = std::env::var("KAOPING_BENCH_ONLY").unwrap_or_default();
    if only == "rescore" {
        // For a profiler: the rescore of one row, again and again.
        let p = kaoping::project::load(&generate::generate(2_000, 300))
            .project
            .unwrap();
        let board = kaoping::scoring::score(&p).unwrap();
        let mut times = Vec::new();
        for _ in 0..40 {
            let t = Instant::now();
            let again = kaoping::scoring::rescore(
                &p,
                &board,
                "u7",
                kaoping::scoring::SheetChange::Row("i1"),
            );
            times.push(t.elapsed());
            drop(again);
        }
        println!("rescore of one row: median {:.2} ms", stats(times).0);
        return;
    }
    if only != "large" {
        small();
    }
    if only != "small" {
        large(2_000, 300, 15);
    }
}

/// 100 units × 100 indicators: every figure of issue #3 and #11.
fn small() {
    let text = generate::generate(100, 100);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.toml");
    std::fs::write(&path, &text).unwrap();
    let session = Session::open(&path, false).unwrap();
    let mut model = Model::new(session, Lang::En);
    model.color = std::env::var_os("NO_COLOR").is_none();
    println!(
        "kaoping TUI benchmark: 100 units × 100 indicators ({:.1} KB of TOML)",
        text.len() as f64 / 1e3
    );
    for (w, h) in [(80u16, 24u16), (120, 40)] {
        let (mut term, counter) = terminal(w, h);
        step(&mut model, kaoping::tui::msg::Msg::Resize(w, h));
        term.draw(|f| view::draw(f, &model)).unwrap();
        // The entry pane, in the sheet of the first unit, on an actual value.
        press(&mut model, KeyCode::Char('2'));
        press(&mut model, KeyCode::Right);
        for _ in 0..3 {
            press(&mut model, KeyCode::Down);
        }
        term.draw(|f| view::draw(f, &model)).unwrap();

        let (mut moves, mut move_bytes) = (Vec::new(), Vec::new());
        for i in 0..200 {
            let code = if i % 40 < 20 {
                KeyCode::Down
            } else {
                KeyCode::Up
            };
            let (t, b) = stroke(&mut model, &mut term, &counter, code);
            moves.push(t);
            move_bytes.push(b);
        }
        // Typing into a field: every digit recomputes the whole scoreboard as a preview.
        // Each round edits the actual of a quantitative row of another unit.
        let (mut typing, mut commits, mut saves) = (Vec::new(), Vec::new(), Vec::new());
        let mut committed = 0;
        for i in 0..60 {
            model.ui.entry.unit = (i * 7) % 100;
            model.ui.entry.in_sheet = true;
            model.ui.entry.line = 3; // the first indicator row (i0, quantitative)
            model.ui.entry.field = 1; // its actual
            stroke(&mut model, &mut term, &counter, KeyCode::Enter);
            for _ in 0..6 {
                stroke(&mut model, &mut term, &counter, KeyCode::Backspace);
            }
            // A value of its own at each size: the same value typed again is no edit.
            for c in format!("{}", 3000 + i * 137 + usize::from(w)).chars() {
                typing.push(stroke(&mut model, &mut term, &counter, KeyCode::Char(c)).0);
            }
            // Enter commits: check, score, edit the document — then the frame.
            let generation = model.session.generation;
            let mut took = stroke(&mut model, &mut term, &counter, KeyCode::Enter).0;
            // A value far off its target is asked about first: yes commits it.
            if model.ui.overlay.is_some() {
                took += stroke(&mut model, &mut term, &counter, KeyCode::Char('y')).0;
            }
            commits.push(took);
            if model.session.generation == generation {
                panic!(
                    "the edit was not committed (round {i}): {:?} {:?} {:?} line {} field {}",
                    model.ui.status,
                    matches!(model.ui.mode, kaoping::tui::model::Mode::Editing(_)),
                    model.ui.overlay.is_some(),
                    model.ui.entry.line,
                    model.ui.entry.field
                );
            }
            committed += 1;
            // The write to disk happens after the frame is shown.
            let t = Instant::now();
            model.session.flush();
            saves.push(t.elapsed());
        }
        // Panes by their digits: from the unit list (on a value cell of a sheet the
        // digits type over the value).
        model.ui.entry.in_sheet = false;
        let mut switch_bytes = Vec::new();
        let mut switches = Vec::new();
        for i in 0..50 {
            let pane = ['1', '2', '3', '4', '5'][i % 5];
            let (t, b) = stroke(&mut model, &mut term, &counter, KeyCode::Char(pane));
            switches.push(t);
            switch_bytes.push(b);
        }
        let names = ["matrix", "entry", "totals", "ranking", "problems"];
        let per_pane: Vec<String> = (0..5)
            .map(|p| {
                format!(
                    "{} {}",
                    names[p],
                    median_bytes(switch_bytes.iter().skip(p).step_by(5).copied().collect())
                )
            })
            .collect();
        let (m_med, m_p99) = stats(moves);
        let (t_med, t_p99) = stats(typing);
        let (c_med, c_p99) = stats(commits);
        let (s_med, s_p99) = stats(saves);
        let (p_med, p_p99) = stats(switches);
        println!("{w}×{h}:");
        println!(
            "  cursor move   median {m_med:6.2} ms  p99 {m_p99:6.2} ms  {:>6} bytes (median)",
            median_bytes(move_bytes)
        );
        println!("  ({committed} edits committed)");
        println!(
            "  typing digit  median {t_med:6.2} ms  p99 {t_p99:6.2} ms  (preview: full recompute)"
        );
        println!(
            "  commit edit   median {c_med:6.2} ms  p99 {c_p99:6.2} ms  (check + score + document)"
        );
        println!("  write to disk median {s_med:6.2} ms  p99 {s_p99:6.2} ms  (after the frame)");
        println!(
            "  pane switch   median {p_med:6.2} ms  p99 {p_p99:6.2} ms  {:>6} bytes (median)",
            median_bytes(switch_bytes)
        );
        println!("  bytes to switch to each pane: {}", per_pane.join(", "));
        press(&mut model, KeyCode::Char('2'));
    }
    long_text(&mut model);
    paste_block(&mut model);
    drop(model);
    for (units, indicators, rounds) in [(100, 100, 21), (2000, 300, 7)] {
        commit_to_saved(units, indicators, rounds);
    }
}

/// Issue 13: a committed edit on its way to disk, as the loop runs it — the commit
/// keystroke, handing the save to its thread, the frame ("saving…"). "UI blocked" is that
/// whole time: the next key waits for it (before issue 13 it also held the whole save and
/// a second frame). "commit → saved" is the wall time from handing the save over to its
/// outcome taken in; the keys pressed meanwhile (cursor moves) are timed too.
fn commit_to_saved(units: usize, indicators: usize, rounds: usize) {
    let text = generate::generate(units, indicators);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.toml");
    std::fs::write(&path, &text).unwrap();
    let session = Session::open(&path, false).unwrap();
    let mut model = Model::new(session, Lang::En);
    let (mut term, counter) = terminal(120, 40);
    step(&mut model, kaoping::tui::msg::Msg::Resize(120, 40));
    press(&mut model, KeyCode::Char('2'));
    let (mut blocked, mut saved, mut during) = (Vec::new(), Vec::new(), Vec::new());
    let mut saved_typing = Vec::new();
    for i in 0..rounds {
        model.ui.entry.unit = (i * 7) % units.min(100);
        model.ui.entry.in_sheet = true;
        model.ui.entry.line = 3;
        model.ui.entry.field = 1;
        stroke(&mut model, &mut term, &counter, KeyCode::Enter);
        for _ in 0..6 {
            stroke(&mut model, &mut term, &counter, KeyCode::Backspace);
        }
        for c in format!("{}", 5000 + i * 131).chars() {
            stroke(&mut model, &mut term, &counter, KeyCode::Char(c));
        }
        let generation = model.session.generation;
        let t = Instant::now();
        press(&mut model, KeyCode::Enter);
        if model.ui.overlay.is_some() {
            press(&mut model, KeyCode::Char('y'));
        }
        assert_ne!(model.session.generation, generation, "not committed");
        // As the loop does: hand the save over, then draw ("saving…").
        let started = Instant::now();
        let (tx, rx) = std::sync::mpsc::channel();
        assert!(model.session.start_save(move || {
            let _ = tx.send(());
        }));
        term.draw(|f| view::draw(f, &model)).unwrap();
        blocked.push(t.elapsed());
        if i % 2 == 0 {
            // Nothing else happens meanwhile.
            rx.recv().unwrap();
            step(&mut model, kaoping::tui::msg::Msg::SaveDone);
            saved.push(started.elapsed());
        } else {
            // Keys while it runs, a cursor move every 50 ms (a fast typist), up to its end.
            let mut n = 0;
            while rx.recv_timeout(Duration::from_millis(50)).is_err() {
                let code = if n % 2 == 0 {
                    KeyCode::Down
                } else {
                    KeyCode::Up
                };
                during.push(stroke(&mut model, &mut term, &counter, code).0);
                n += 1;
            }
            step(&mut model, kaoping::tui::msg::Msg::SaveDone);
            saved_typing.push(started.elapsed());
        }
        assert!(
            !model.session.is_dirty(),
            "not saved: {:?}",
            model.session.save_error
        );
        term.draw(|f| view::draw(f, &model)).unwrap();
    }
    let (b_med, _) = stats(blocked);
    let (s_med, _) = stats(saved);
    println!(
        "commit → saved, {units} units × {indicators} indicators ({:.1} MB), median of {rounds}:",
        text.len() as f64 / 1e6
    );
    println!(
        "  UI blocked per commit  {b_med:9.1} ms  (commit key → frame → ready for the next key)"
    );
    println!("  commit → saved         {s_med:9.1} ms  (the whole save, wall time)");
    if !during.is_empty() {
        let count = during.len();
        let (d_med, d_p99) = stats(during);
        let (t_med, _) = stats(saved_typing);
        println!(
            "  commit → saved         {t_med:9.1} ms  (with a cursor move every 50 ms meanwhile)"
        );
        println!(
            "  cursor move during a save  median {d_med:7.2} ms  p99 {d_p99:7.2} ms  ({count} keys)"
        );
    }
    // Where a save's time goes (each once, on this thread).
    let took = |f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        t.elapsed().as_secs_f64() * 1e3
    };
    let text_now = model.session.text().to_string();
    let clone_text = took(&mut || drop(std::hint::black_box(text_now.clone())));
    let clone_project = took(&mut || drop(std::hint::black_box(model.session.project.clone())));
    let parse_back = took(&mut || drop(std::hint::black_box(kaoping::check::analyze(&text_now))));
    let parse_only = took(&mut || drop(std::hint::black_box(kaoping::project::parse(&text_now))));
    let load_only = took(&mut || drop(std::hint::black_box(kaoping::project::load(&text_now))));
    println!(
        "  parts: copy of the text {clone_text:.1} ms, of the project {clone_project:.1} ms (UI thread); \
         parse-back {parse_back:.0} ms (parse {parse_only:.0}, parse + load {load_only:.0}) (save thread)"
    );
}

/// Issue #13: on 2,000 units × 300 indicators, keystroke → frame while a value is typed
/// (each digit previews the scores) and the commit (apply, check, score, the document) →
/// frame, at 120×40; then the same stages timed apart, without the frame. The write to
/// disk is left out (it is `cargo bench --bench scale`'s and the save's own figure).
fn large(units: usize, indicators: usize, rounds: usize) {
    let text = generate::generate(units, indicators);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.toml");
    std::fs::write(&path, &text).unwrap();
    let t = Instant::now();
    let session = Session::open(&path, false).unwrap();
    let opened = t.elapsed();
    let mut model = Model::new(session, Lang::En);
    let (w, h) = (120u16, 40u16);
    let (mut term, counter) = terminal(w, h);
    step(&mut model, kaoping::tui::msg::Msg::Resize(w, h));
    press(&mut model, KeyCode::Char('2'));
    press(&mut model, KeyCode::Right);
    term.draw(|f| view::draw(f, &model)).unwrap();
    let (mut typing, mut commits) = (Vec::new(), Vec::new());
    for i in 0..rounds {
        model.ui.entry.unit = (i * 97) % units;
        model.ui.entry.in_sheet = true;
        model.ui.entry.line = 3; // the first indicator row (i0, quantitative)
        model.ui.entry.field = 1; // its actual
        stroke(&mut model, &mut term, &counter, KeyCode::Enter);
        for _ in 0..6 {
            stroke(&mut model, &mut term, &counter, KeyCode::Backspace);
        }
        for c in format!("{}", 3000 + i * 137).chars() {
            typing.push(stroke(&mut model, &mut term, &counter, KeyCode::Char(c)).0);
        }
        let generation = model.session.generation;
        let mut took = stroke(&mut model, &mut term, &counter, KeyCode::Enter).0;
        if model.ui.overlay.is_some() {
            took += stroke(&mut model, &mut term, &counter, KeyCode::Char('y')).0;
        }
        assert_ne!(
            model.session.generation, generation,
            "round {i}: not committed"
        );
        commits.push(took);
    }
    // The stages apart: a preview, a commit, a frame.
    let (mut previews, mut commits_alone, mut frames, mut cold) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for i in 0..rounds {
        let unit = model.project().units[(i * 89) % units].id.clone();
        let edit = kaoping::edit::Edit::SetRow {
            unit,
            indicator: "i1".into(),
            row: Some(kaoping::project::Row::Quantitative {
                target: Some(rust_decimal::Decimal::from(5000)),
                actual: Some(rust_decimal::Decimal::from(5000 + i as i64 * 31)),
            }),
        };
        let t = Instant::now();
        model.session.preview(&edit).unwrap();
        previews.push(t.elapsed());
        let t = Instant::now();
        model.session.commit(edit).unwrap();
        commits_alone.push(t.elapsed());
        let t = Instant::now();
        term.draw(|f| view::draw(f, &model)).unwrap();
        frames.push(t.elapsed());
        // A survey score committed without a preview.
        let unit = model.project().units[(i * 61) % units].id.clone();
        let edit = kaoping::edit::Edit::SetSurvey {
            unit,
            value: Some(rust_decimal::Decimal::new(41 + i as i64, 1)),
        };
        let t = Instant::now();
        model.session.commit(edit).unwrap();
        cold.push(t.elapsed());
    }
    // The scoring stages apart, on the project as it now is.
    let (mut full, mut rescored, mut cloned, mut read, mut checked, mut sheet) = (
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
        Vec::new(),
    );
    for i in 0..rounds.min(5) {
        let p = model.project();
        let board = &model.session.board;
        let unit = &p.units[(i * 53) % units].id;
        let t = Instant::now();
        let whole = kaoping::scoring::score(p).unwrap();
        full.push(t.elapsed());
        let t = Instant::now();
        let again =
            kaoping::scoring::rescore(p, board, unit, kaoping::scoring::SheetChange::Row("i1"))
                .unwrap();
        rescored.push(t.elapsed());
        let t = Instant::now();
        let copy = board.clone();
        cloned.push(t.elapsed());
        let t = Instant::now();
        let problems = kaoping::check::board_problems(p, &again);
        read.push(t.elapsed());
        let t = Instant::now();
        let all = kaoping::check::check(p);
        checked.push(t.elapsed());
        let t = Instant::now();
        let errors = kaoping::check::sheet_errors(p, unit);
        sheet.push(t.elapsed());
        drop((whole, again, copy, problems, all, errors));
    }
    let (t_med, t_p99) = stats(typing);
    let (c_med, c_p99) = stats(commits);
    println!(
        "{units} units × {indicators} indicators ({:.1} MB of TOML), {w}×{h}, opened in {:.2} s:",
        text.len() as f64 / 1e6,
        opened.as_secs_f64()
    );
    println!(
        "  typing digit  median {t_med:8.2} ms  p99 {t_p99:8.2} ms  (keystroke → frame, preview)"
    );
    println!(
        "  commit edit   median {c_med:8.2} ms  p99 {c_p99:8.2} ms  (Enter → frame: check + score + document)"
    );
    let ms = |v: Vec<Duration>| stats(v).0;
    println!(
        "  stages, median: preview {:.2} ms, commit after its preview {:.2} ms, \
         commit without one {:.2} ms, frame {:.2} ms",
        ms(previews),
        ms(commits_alone),
        ms(cold),
        ms(frames)
    );
    println!(
        "  scoring, median: full score {:.2} ms, rescore of one row {:.2} ms (of which a copy \
         of the scoreboard {:.2} ms), warnings read from the scores {:.2} ms, full check {:.2} ms, \
         one sheet's check {:.2} ms",
        ms(full),
        ms(rescored),
        ms(cloned),
        ms(read),
        ms(checked),
        ms(sheet)
    );
}

/// A block of 50 rows × target and actual (100 cells) pasted into the indicator grid, on
/// an indicator whose rows are all quantitative: the paste up to the question on screen,
/// then `y` up to the committed frame.
fn paste_block(model: &mut Model) {
    use kaoping::project::Row;
    use kaoping::tui::model::GridState;
    let (mut term, _counter) = terminal(80, 24);
    step(model, kaoping::tui::msg::Msg::Resize(80, 24));
    press(model, KeyCode::Char('2'));
    let p = model.project();
    let quantitative = |ii: &usize| {
        let id = &p.indicators[*ii].id;
        p.units.iter().take(50).all(|u| {
            matches!(
                p.scores.get(&u.id).and_then(|s| s.indicators.get(id)),
                Some(Row::Quantitative { .. })
            )
        }) && p.indicators[*ii].pilot.is_none()
    };
    let Some(indicator) = (0..p.indicators.len()).find(quantitative) else {
        println!("paste: no indicator with 50 quantitative rows");
        return;
    };
    press(model, KeyCode::Char('o'));
    model.ui.grid = Some(GridState {
        indicator,
        row: 0,
        col: 0,
        top: 0,
    });
    let (mut asks, mut commits, mut both) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..40 {
        let block: String = (0..50)
            .map(|r| {
                let target = 1000 + r * 10;
                format!("{target}\t{}\r\n", target + 1 + (round * 7 + r) % 90)
            })
            .collect();
        let generation = model.session.generation;
        let t = Instant::now();
        step(model, kaoping::tui::msg::Msg::Paste(block));
        term.draw(|f| view::draw(f, model)).unwrap();
        let asked = t.elapsed();
        let t = Instant::now();
        press(model, KeyCode::Char('y'));
        term.draw(|f| view::draw(f, model)).unwrap();
        let committed = t.elapsed();
        if model.session.generation == generation {
            panic!("the paste was not committed: {:?}", model.ui.status);
        }
        model.session.flush();
        asks.push(asked);
        commits.push(committed);
        both.push(asked + committed);
    }
    let (a_med, a_p99) = stats(asks);
    let (c_med, c_p99) = stats(commits);
    let (b_med, b_p99) = stats(both);
    println!("pasting 100 cells (50 rows × target, actual) into the indicator grid, 80×24:");
    println!(
        "  paste → question  median {a_med:6.2} ms  p99 {a_p99:6.2} ms  (parse, check each cell, totals)"
    );
    println!(
        "  y → committed     median {c_med:6.2} ms  p99 {c_p99:6.2} ms  (one commit, one undo step)"
    );
    println!("  both              median {b_med:6.2} ms  p99 {b_p99:6.2} ms  (goal < 20 ms)");
}

/// Typing into a long field costs the same per keystroke however long the text already
/// is (issue 9: 10,000 characters took 7.9 s): the median cost of a keystroke at each
/// length, and the keystrokes past the field's maximum, refused at once.
fn long_text(model: &mut Model) {
    let (mut term, counter) = terminal(80, 24);
    step(model, kaoping::tui::msg::Msg::Resize(80, 24));
    // The matrix: the name of a new indicator (a plain text field, no score preview).
    press(model, KeyCode::Char('1'));
    press(model, KeyCode::Char('a'));
    println!("typing into a text field (80×24, CJK), median per keystroke:");
    let mut typed = 0;
    for upto in [100usize, 250, 500, 1000] {
        let from = typed + 1;
        let mut times = Vec::new();
        while typed < upto {
            times.push(stroke(model, &mut term, &counter, KeyCode::Char('字')).0);
            typed += 1;
        }
        let (med, p99) = stats(times);
        println!("  chars {from:>4}-{upto:<4}  median {med:6.3} ms  p99 {p99:6.3} ms");
    }
    let mut refused = Vec::new();
    for _ in 0..200 {
        refused.push(stroke(model, &mut term, &counter, KeyCode::Char('字')).0);
    }
    let (med, p99) = stats(refused);
    println!("  past the maximum (refused) median {med:6.3} ms  p99 {p99:6.3} ms");
    press(model, KeyCode::Esc);
}

//! `cargo bench --bench import`: taking in a 2,000-row return (100 units × 20
//! indicators, every actual changed) for a generated project — read (calamine) + plan
//! (merge, check, score, diff) + apply to the document, in process; and the whole
//! `kaoping import --dry-run` process. Goal: < 1 s.

mod generate;

use generate::generate;
use kaoping::edit::apply_to_document;
use kaoping::project::{Date, Row};
use kaoping::returns::{COLUMNS, PROP_FINGERPRINT, PROP_FROM, PROP_INTO, PROP_STEP, fingerprint};
use std::time::{Duration, Instant};

fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], times[0])
}

fn main() {
    let (units, indicators, runs) = (100, 20, 9);
    let mut text = generate(units, indicators);
    text.push_str(
        "\n[[procedure]]\nid = \"assessment\"\nname = \"年终考评\"\ndue = 2027-01-25\nreturns = \"departments\"\n",
    );
    let analysis = kaoping::check::analyze(&text);
    assert!(!analysis.has_errors(), "{:?}", analysis.problems);
    let (project, board) = (analysis.project.unwrap(), analysis.board.unwrap());

    // The return, as `kaoping sheets` lays it out: one row per unit × indicator.
    let mut book = rust_xlsxwriter::Workbook::new();
    let props = rust_xlsxwriter::DocProperties::new()
        .set_title(&project.title)
        .set_custom_property(PROP_FINGERPRINT, fingerprint(&project).as_str())
        .set_custom_property(PROP_FROM, "d0")
        .set_custom_property(PROP_STEP, "assessment")
        .set_custom_property(PROP_INTO, "scores");
    book.set_properties(&props);
    let ws = book.add_worksheet();
    for (c, col) in COLUMNS.iter().enumerate() {
        ws.write_string(0, c as u16, col.title(true)).unwrap();
    }
    let mut r = 1;
    for (unit, sheet) in project.scores.iter().filter(|(u, _)| u.starts_with('u')) {
        for (ind, row) in &sheet.indicators {
            ws.write_string(r, 0, unit).unwrap();
            ws.write_string(r, 1, ind).unwrap();
            ws.write_string(r, 2, project.name_of(unit)).unwrap();
            ws.write_string(r, 3, &project.indicator(ind).unwrap().name)
                .unwrap();
            match row {
                Row::Quantitative { target, actual } => {
                    let t: f64 = target.unwrap().try_into().unwrap();
                    let a: f64 = actual.unwrap().try_into().unwrap();
                    ws.write_number(r, 4, t).unwrap();
                    ws.write_number(r, 5, a + 1.0).unwrap();
                }
                _ => {
                    ws.write_string(r, 6, "已完成").unwrap();
                }
            }
            r += 1;
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let rows = r - 1;
    let sha = kaoping::returns::sha256_hex(&bytes);
    let today = Date {
        year: 2027,
        month: 1,
        day: 20,
    };
    let doc: toml_edit::DocumentMut = text.parse().unwrap();
    println!(
        "kaoping import benchmark: a {rows}-row return ({} KB) for {units} units × {indicators} indicators (release build)",
        bytes.len() / 1024
    );
    let mut values = 0;
    let (read_med, read_min) = time(runs, || {
        std::hint::black_box(kaoping::returns::read::read("r.xlsx", &bytes).unwrap());
    });
    let read = kaoping::returns::read::read("r.xlsx", &bytes).unwrap();
    let (plan_med, plan_min) = time(runs, || {
        let plan =
            kaoping::returns::import::plan(&project, &board, &read, "r.xlsx", &sha, None, today)
                .unwrap();
        let mut doc = doc.clone();
        for e in &plan.edits {
            apply_to_document(&mut doc, e);
        }
        values = plan.entry.rows;
        std::hint::black_box(doc.to_string());
    });
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "  read (calamine):          median {:>8.1} ms (min {:.1})",
        ms(read_med),
        ms(read_min)
    );
    println!(
        "  plan + apply ({values} values): median {:>8.1} ms (min {:.1})",
        ms(plan_med),
        ms(plan_min)
    );
    // The whole process, as a user runs it.
    let dir = tempfile::tempdir().unwrap();
    let project_file = dir.path().join("p.toml");
    let ret_file = dir.path().join("r.xlsx");
    std::fs::write(&project_file, &text).unwrap();
    std::fs::write(&ret_file, &bytes).unwrap();
    let (proc_med, proc_min) = time(runs, || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kaoping"))
            .args(["import", "--dry-run"])
            .arg(&project_file)
            .arg(&ret_file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    });
    println!(
        "  kaoping import --dry-run:  median {:>8.1} ms (min {:.1}) — goal < 1000 ms",
        ms(proc_med),
        ms(proc_min)
    );
}

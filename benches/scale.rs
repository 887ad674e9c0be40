//! `cargo bench --bench scale`: load + check + score + JSON on generated projects of
//! 100 units × 100 indicators and 2,000 units × 300 indicators, and the peak memory at
//! several sizes (to see that it grows linearly). Prints medians; asserts nothing about
//! time (a shared machine's timings are not a test).
//!
//! Targets (issue #2): 100 × 100 well under 50 ms; 2,000 × 300 under 3 s.

use kaoping::check::analyze;
use kaoping::i18n::Lang;
use kaoping::project;
use kaoping::report::{RankInput, rank_json};
use std::time::{Duration, Instant};

mod generate;
mod heap;

use heap::median;

use generate::generate;

/// The whole pipeline of `kaoping rank --format json`, from text to JSON text.
fn pipeline(text: &str) -> usize {
    let analysis = analyze(text);
    let (Some(project), Some(board)) = (&analysis.project, &analysis.board) else {
        panic!(
            "generated project has errors: {:?}",
            &analysis.problems[..3.min(analysis.problems.len())]
        );
    };
    let json = rank_json(&RankInput {
        project,
        board,
        selfcheck: None,
        warnings: &analysis.problems,
        lang: Lang::En,
    });
    json.len()
}

fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration, Duration) {
    f(); // warm up
    let samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    let min = *samples.iter().min().unwrap();
    let max = *samples.iter().max().unwrap();
    (median(samples), min, max)
}

fn stages(text: &str, runs: usize) {
    let parse = time(runs, || {
        std::hint::black_box(project::parse(text).unwrap());
    });
    let load = time(runs, || {
        std::hint::black_box(project::load(text));
    });
    let p = project::load(text).project.unwrap();
    let check = time(runs, || {
        std::hint::black_box(kaoping::check::check(&p));
    });
    let score = time(runs, || {
        std::hint::black_box(kaoping::scoring::score(&p).unwrap());
    });
    let board = kaoping::scoring::score(&p).unwrap();
    let json = time(runs, || {
        std::hint::black_box(rank_json(&RankInput {
            project: &p,
            board: &board,
            selfcheck: None,
            warnings: &[],
            lang: Lang::En,
        }));
    });
    for (name, (med, _, _)) in [
        ("load", load),
        ("  of which TOML parse", parse),
        ("check", check),
        ("score", score),
        ("json", json),
    ] {
        println!("    {name:<22} median {:>9.2} ms", med.as_secs_f64() * 1e3);
    }
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is ignored.
    println!("kaoping scale benchmark: load + check + score + JSON (release build)");
    for (units, indicators, runs) in [(100, 100, 31), (2000, 300, 5)] {
        let text = generate(units, indicators);
        let (med, min, max) = time(runs, || {
            std::hint::black_box(pipeline(&text));
        });
        println!(
            "{units} units × {indicators} indicators ({:.1} MB of TOML, {} rows): median {:.2} ms (min {:.2}, max {:.2}, {runs} runs)",
            text.len() as f64 / 1e6,
            units * indicators,
            med.as_secs_f64() * 1e3,
            min.as_secs_f64() * 1e3,
            max.as_secs_f64() * 1e3,
        );
        stages(&text, runs);
    }
    println!("peak heap during the pipeline (beyond the text itself):");
    let mut previous: Option<(usize, usize)> = None;
    for units in [250, 500, 1000, 2000] {
        let text = generate(units, 300);
        let peak = heap::peak_bytes(|| {
            pipeline(&text);
        });
        let ratio = previous.map_or(String::new(), |(u, p)| {
            format!(
                "  ×{:.2} for ×{:.1} units",
                peak as f64 / p as f64,
                units as f64 / u as f64
            )
        });
        println!(
            "  {units:>5} units × 300: {:>8.1} MB{ratio}",
            peak as f64 / 1e6
        );
        previous = Some((units, peak));
    }
}

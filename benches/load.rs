//! `cargo bench --bench load`: where reading a big file goes, on the generated projects of
//! 100 units × 100 indicators and 2,000 units × 300 indicators (issue #13).
//!
//! In the process: parsing with toml_edit's `Document` (the edit document, kept by a
//! writable session to save) and with the `toml` crate's borrowed `DeTable` (the read-only
//! path), the whole load of each path, and the whole `analyze` (parse + load + check +
//! score). Outside it: the release binary's `kaoping rank FILE --format json` as a whole
//! process, its wall time from start to exit and its peak resident memory (the child's
//! own `ru_maxrss`, read by `wait4`). Prints medians; asserts nothing about time.

use kaoping::check::analyze;
use kaoping::project;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod generate;
mod heap;

use heap::median;

/// The peak heap `f` takes beyond what was live before it, in MB.
fn peak_mb(f: impl FnOnce()) -> f64 {
    heap::peak_bytes(f) as f64 / 1e6
}

use generate::generate;

fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    f(); // warm up
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:>9.2} ms", d.as_secs_f64() * 1e3)
}

/// One run of `kaoping rank FILE --format json`: wall time and the child's peak RSS in
/// bytes.
fn run_rank(bin: &str, file: &Path) -> (Duration, u64) {
    let t = Instant::now();
    let child = Command::new(bin)
        .args(["rank"])
        .arg(file)
        .args(["--format", "json"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn kaoping");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the child is ours and not yet waited for (std's `Child` is never waited).
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = t.elapsed();
    assert_eq!(r, pid, "wait4");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "kaoping rank failed: {status}"
    );
    std::mem::forget(child);
    // Linux gives ru_maxrss in kilobytes.
    (wall, usage.ru_maxrss as u64 * 1024)
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is ignored.
    let bin = env!("CARGO_BIN_EXE_kaoping");
    let dir = tempfile::tempdir().expect("temp dir");
    println!("kaoping load benchmark (release build): medians");
    for (units, indicators, runs, process_runs) in [(100, 100, 21, 11), (2000, 300, 5, 5)] {
        let text = generate(units, indicators);
        println!(
            "{units} units × {indicators} indicators ({:.1} MB of TOML):",
            text.len() as f64 / 1e6
        );
        let rows: [(&str, Duration); 5] = [
            (
                "parse: toml_edit Document",
                time(runs, || {
                    std::hint::black_box(toml_edit::Document::parse(text.as_str()).unwrap());
                }),
            ),
            (
                "parse: toml DeTable",
                time(runs, || {
                    std::hint::black_box(toml::de::DeTable::parse(&text).unwrap());
                }),
            ),
            (
                "load, edit document",
                time(runs, || {
                    let doc = project::parse(&text).unwrap();
                    std::hint::black_box(project::load_document(&doc));
                }),
            ),
            (
                "load (read-only path)",
                time(runs, || {
                    std::hint::black_box(project::load(&text));
                }),
            ),
            (
                "analyze",
                time(runs, || {
                    std::hint::black_box(analyze(&text));
                }),
            ),
        ];
        for (name, d) in rows {
            println!("    {name:<28} {}", ms(d));
        }
        println!(
            "    peak heap: Document parse {:.0} MB, DeTable parse {:.0} MB, load (read-only) {:.0} MB, analyze {:.0} MB; read-only tree used: {}",
            peak_mb(|| drop(toml_edit::Document::parse(text.as_str()))),
            peak_mb(|| drop(toml::de::DeTable::parse(&text))),
            peak_mb(|| drop(project::load(&text))),
            peak_mb(|| drop(analyze(&text))),
            project::parse_read_only(&text).is_ok_and(|t| t.is_light()),
        );
        if let Some(keep) = std::env::var_os("KAOPING_BENCH_KEEP") {
            let _ = std::fs::write(
                Path::new(&keep).join(format!("p{units}x{indicators}.toml")),
                &text,
            );
        }
        let file = dir.path().join(format!("p{units}x{indicators}.toml"));
        std::fs::write(&file, &text).expect("write the generated file");
        run_rank(bin, &file); // warm the page cache
        let (walls, rss): (Vec<Duration>, Vec<u64>) =
            (0..process_runs).map(|_| run_rank(bin, &file)).unzip();
        let peak = rss.iter().max().copied().unwrap_or(0);
        let mut rss = rss;
        rss.sort();
        println!(
            "    {:<28} {} wall, peak RSS median {:.1} MB (max {:.1} MB), {process_runs} runs",
            "process: rank --format json",
            ms(median(walls)),
            rss[rss.len() / 2] as f64 / 1e6,
            peak as f64 / 1e6,
        );
    }
}

//! `cargo bench --bench scale`: load + check + score + JSON on generated projects of
//! 100 units × 100 indicators and 2,000 units × 300 indicators, and the peak memory at
//! several sizes (to see that it grows linearly). Prints medians; asserts nothing about
//! time (a shared machine's timings are not a test).
//!
//! Targets (issue #2): 100 × 100 well under 50 ms; 2,000 × 300 under 3 s.

use indexmap::IndexMap;
use kaoping::check::analyze;
use kaoping::i18n::Lang;
use kaoping::project::{
    self, Area, Department, Direction, Indicator, OrgItem, Policy, Project, Row, Sections, Unit,
    UnitKind, UnitScores,
};
use kaoping::report::{RankInput, rank_json};
use rust_decimal::Decimal;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Counts live and peak heap bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// A deterministic pseudo-random number (xorshift), so every run sees the same project.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// A project with `units` counties and `indicators` indicators over 8 areas, every row
/// filled: mostly quantitative (a fifth of them short, so vetoes happen), some
/// qualitative; 10 departments with rows for the indicators they lead.
pub fn generate(units: usize, indicators: usize) -> String {
    let mut rng = Rng(0x5eed_cafe_f00d);
    let departments: Vec<Department> = (0..10)
        .map(|i| Department {
            id: format!("d{i}"),
            name: format!("市直部门{i}"),
        })
        .collect();
    let areas: Vec<Area> = (0..8)
        .map(|i| Area {
            id: format!("a{i}"),
            name: format!("工作领域{i}"),
            max: Decimal::from(11),
        })
        .collect();
    let inds: Vec<Indicator> = (0..indicators)
        .map(|i| Indicator {
            id: format!("i{i}"),
            area: format!("a{}", i % 8),
            name: format!("民生指标第{i}项"),
            base: Decimal::new(5 + (i as i64 % 4) * 5, 1),
            bonus: i % 3 == 0,
            measure: Some("人".into()),
            direction: if i % 11 == 0 {
                Direction::AtMost
            } else {
                Direction::AtLeast
            },
            lead: Some(format!("d{}", i % 10)),
            responsible: vec![format!("d{}", i % 10)],
            co: vec![format!("d{}", (i + 1) % 10)],
            units: None,
            pilot: None,
        })
        .collect();
    let row = |ind: &Indicator, rng: &mut Rng| {
        if ind.id.ends_with('7') {
            let complete = rng.next(10) > 0;
            Row::Qualitative {
                complete,
                deduction: (!complete).then(|| Decimal::new(rng.next(30) as i64, 2)),
            }
        } else {
            let target = Decimal::from(1000 + rng.next(9000) as i64);
            let pct = 90 + rng.next(40) as i64; // 90% .. 129% of the target
            Row::Quantitative {
                target: Some(target),
                actual: Some((target * Decimal::new(pct, 2)).round_dp(0)),
            }
        }
    };
    let unit_list: Vec<Unit> = (0..units)
        .map(|i| Unit {
            id: format!("u{i}"),
            name: format!("第{i}县"),
            kind: if i == 0 {
                UnitKind::Zone
            } else {
                UnitKind::County
            },
        })
        .collect();
    let mut scores = IndexMap::new();
    let sheet = |rows: IndexMap<String, Row>, rng: &mut Rng| UnitScores {
        survey: Some(Decimal::new(40 + rng.next(20) as i64, 1)),
        organization: [(
            "leadership".to_string(),
            Decimal::new(10 + rng.next(10) as i64, 1),
        )]
        .into_iter()
        .collect(),
        penalties: Vec::new(),
        indicators: rows,
    };
    for u in &unit_list {
        let rows = inds
            .iter()
            .map(|i| (i.id.clone(), row(i, &mut rng)))
            .collect();
        scores.insert(u.id.clone(), sheet(rows, &mut rng));
    }
    for d in &departments {
        let rows = inds
            .iter()
            .filter(|i| i.lead.as_ref() == Some(&d.id))
            .map(|i| (i.id.clone(), row(i, &mut rng)))
            .collect();
        scores.insert(d.id.clone(), sheet(rows, &mut rng));
    }
    let p = Project {
        title: "规模测试".into(),
        policy: Policy::default(),
        sections: Sections {
            total: Decimal::from(100),
            survey: Decimal::from(6),
            task: Decimal::from(88),
            organization: None,
        },
        organization: vec![OrgItem {
            id: "leadership".into(),
            name: "组织领导".into(),
            max: Decimal::from(2),
        }],
        departments,
        units: unit_list,
        areas,
        indicators: inds,
        awards: (0..8)
            .map(|i| kaoping::project::Award {
                id: format!("w{i}"),
                name: format!("单项{i}"),
                count: 1,
                areas: vec![format!("a{i}")],
                lead: None,
                organization: vec![],
            })
            .collect(),
        scores,
    };
    project::to_toml(&p)
}

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
        warnings: &analysis.problems,
        lang: Lang::En,
    });
    json.len()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
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
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        pipeline(&text);
        let peak = PEAK.load(Ordering::Relaxed) - before;
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

//! Generated projects for the benchmarks: `units` counties × `indicators` indicators,
//! every row filled, deterministic.

use indexmap::IndexMap;
use kaoping::project::{
    self, Area, Department, Direction, Indicator, OrgItem, Policy, Project, Row, Sections, Unit,
    UnitKind, UnitScores,
};
use rust_decimal::Decimal;

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
            quota: None,
        })
        .collect();
    let areas: Vec<Area> = (0..8)
        .map(|i| Area {
            id: format!("a{i}"),
            name: format!("工作领域{i}"),
            short: None,
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
            ..Indicator::default()
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
            ..Sections::default()
        },
        organization: vec![OrgItem {
            id: "leadership".into(),
            name: "组织领导".into(),
            max: Decimal::from(2),
            ..OrgItem::default()
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
                ..Default::default()
            })
            .collect(),
        nominees: Vec::new(),
        procedure: Vec::new(),
        scores,
        selfcheck: Default::default(),
        returns: Vec::new(),
    };
    project::to_toml(&p)
}

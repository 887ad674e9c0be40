//! Generated projects for the property tests (tests/properties.rs, tests/incremental.rs):
//! a policy, rows of every kind, score sheets and whole consistent projects.

use indexmap::IndexMap;
use kaoping::project::{
    Aggregate, Area, Department, Direction, Indicator, LastPlaceAmong, Nominee, OrgItem, Penalty,
    PenaltyKind, Policy, Project, Row, Sections, ShortfallMode, SingleItemVeto, Unit, UnitKind,
    UnitScores,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A decimal `n / 10^scale`.
pub fn dec(range: std::ops::Range<i64>, scale: u32) -> impl Strategy<Value = Decimal> {
    range.prop_map(move |n| Decimal::new(n, scale))
}

pub fn mode() -> impl Strategy<Value = ShortfallMode> {
    prop_oneof![
        Just(ShortfallMode::Proportional),
        Just(ShortfallMode::FullSteps),
        Just(ShortfallMode::StartedSteps),
    ]
}

pub fn policy() -> impl Strategy<Value = Policy> {
    (
        mode(),
        dec(1..1000, 3), // step 0.001 ..= 0.999
        dec(0..1001, 3), // rate 0 ..= 1
        dec(0..1001, 3), // cap 0 ..= 1
        dec(0..1001, 3), // bonus share
        0u32..4,         // score decimals
        0u32..4,         // comprehensive places
        any::<bool>(),
        (
            prop::sample::select(vec![
                SingleItemVeto::FailedArea,
                SingleItemVeto::Off,
                SingleItemVeto::All,
            ]),
            prop::sample::select(vec![LastPlaceAmong::NotUpToStandard, LastPlaceAmong::All]),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(mode, step, rate, cap, share, dp, places, last, (veto, among, dept_bonus))| Policy {
                shortfall_mode: mode,
                shortfall_step: step,
                shortfall_rate: rate,
                deduction_cap: cap,
                bonus_share: share,
                score_decimals: dp,
                comprehensive_awards: places,
                last_place: last,
                single_item_veto: veto,
                last_place_among: among,
                department_bonus: dept_bonus,
                ..Policy::default()
            },
        )
}

/// A row of one of every kind a unit can have for an indicator.
pub fn row(pilot: bool, base: Decimal, cap: Decimal) -> BoxedStrategy<Option<Row>> {
    if !pilot {
        return prop_oneof![
            Just(None),
            (0i64..=100).prop_map(move |pct| Some(Row::Preparation {
                prep: (base * Decimal::new(pct, 2)).trunc_with_scale(4)
            })),
        ]
        .boxed();
    }
    prop_oneof![
        Just(None),
        (dec(1..100_000, 1), dec(0..200_000, 1)).prop_map(|(t, a)| Some(Row::Quantitative {
            target: Some(t),
            actual: Some(a)
        })),
        dec(1..100_000, 1).prop_map(|t| Some(Row::Quantitative {
            target: Some(t),
            actual: None
        })),
        Just(Some(Row::Qualitative {
            complete: true,
            deduction: None
        })),
        // Some share of the cap, rounded down so as to stay within it.
        (0i64..=100).prop_map(move |pct| Some(Row::Qualitative {
            complete: false,
            deduction: Some((base * cap * Decimal::new(pct, 2)).trunc_with_scale(4)),
        })),
    ]
    .boxed()
}

/// What the generator draws for one score sheet: survey, two organisation items,
/// penalties and a row (or none) per indicator.
pub type GeneratedSheet = (
    Option<Decimal>,
    Option<Decimal>,
    Option<Decimal>,
    Vec<PenaltyKind>,
    Vec<Option<Row>>,
);

/// One nominee for the first county, two for the second (if any): as many as the
/// places or not.
pub fn nominees(units: &[Unit]) -> Vec<Nominee> {
    units
        .iter()
        .take(2)
        .enumerate()
        .flat_map(|(n, u)| {
            (0..=n).map(move |k| Nominee {
                unit: u.id.clone(),
                name: format!("候选人{n}{k}"),
                post: (k == 0).then(|| "股长".to_string()),
            })
        })
        .collect()
}

/// A consistent project: 1–7 counties and a zone-or-not, 1–5 indicators (some bonus,
/// some ceilings, some with a pilot list), two organisation items, two departments with
/// score sheets, two awards; every entered value within its range.
pub fn project() -> impl Strategy<Value = Project> {
    (policy(), 1usize..8, 1usize..6)
        .prop_flat_map(|(policy, n_units, n_inds)| {
            let indicators = proptest::collection::vec(
                (dec(1..1000, 1), any::<bool>(), any::<bool>(), any::<bool>()),
                n_inds,
            );
            (Just(policy), Just(n_units), indicators)
        })
        .prop_flat_map(|(policy, n_units, inds)| {
            let units: Vec<Unit> = (0..n_units)
                .map(|i| Unit {
                    id: format!("u{i}"),
                    name: format!("{}县", ["东", "西", "南", "北", "中", "上", "下"][i]),
                    kind: if i == n_units - 1 && n_units > 1 {
                        UnitKind::Zone
                    } else {
                        UnitKind::County
                    },
                })
                .collect();
            let indicators: Vec<Indicator> = inds
                .iter()
                .enumerate()
                .map(|(i, (base, bonus, at_most, piloted))| Indicator {
                    id: format!("i{i}"),
                    area: format!("a{}", i % 2),
                    name: format!("指标{i}"),
                    base: *base,
                    bonus: *bonus,
                    measure: Some("人".into()),
                    direction: if *at_most {
                        Direction::AtMost
                    } else {
                        Direction::AtLeast
                    },
                    lead: Some("d0".into()),
                    responsible: vec![format!("d{}", i % 2)],
                    pilot: piloted.then(|| vec!["u0".to_string()]),
                    aggregate: (i % 3 == 0).then_some(Aggregate::Sum),
                    ..Indicator::default()
                })
                .collect();
            let sheet = |unit: Option<&str>| {
                let rows: Vec<_> = indicators
                    .iter()
                    .map(|ind| {
                        row(
                            unit.is_none_or(|u| ind.is_pilot(u)),
                            ind.base,
                            policy.deduction_cap,
                        )
                    })
                    .collect();
                (
                    proptest::option::of(dec(0..61, 1)),
                    proptest::option::of(dec(0..21, 1)),
                    proptest::option::of(dec(0..11, 1)),
                    proptest::collection::vec(
                        prop_oneof![
                            Just(PenaltyKind::Provincial),
                            Just(PenaltyKind::Municipal),
                            dec(0..30, 1).prop_map(PenaltyKind::Points),
                        ],
                        0..3,
                    ),
                    rows,
                )
            };
            let unit_sheets: Vec<_> = units.iter().map(|u| sheet(Some(u.id.as_str()))).collect();
            let dept_sheets: Vec<_> = (0..2).map(|_| sheet(None)).collect();
            (
                Just(policy.clone()),
                Just(units),
                Just(indicators),
                unit_sheets,
                dept_sheets,
            )
        })
        .prop_map(|(policy, units, indicators, unit_sheets, dept_sheets)| {
            let to_scores = |(survey, lead, fund, penalties, rows): GeneratedSheet,
                             department: Option<&str>| {
                let mut organization = IndexMap::new();
                if let Some(v) = lead {
                    organization.insert("leadership".to_string(), v);
                }
                // 资金安排 applies to counties and the zone only.
                if let Some(v) = fund.filter(|_| department.is_none()) {
                    organization.insert("funding".to_string(), v);
                }
                let indicators = indicators
                    .iter()
                    .zip(rows)
                    .filter_map(|(ind, row)| {
                        // Departments have completion rows only, for the indicators they
                        // are responsible for (a row left out is derived or pending).
                        let row = row.filter(|r| {
                            department.is_none_or(|d| {
                                ind.assesses(d) && !matches!(r, Row::Preparation { .. })
                            })
                        })?;
                        Some((ind.id.clone(), row))
                    })
                    .collect();
                UnitScores {
                    survey,
                    organization,
                    penalties: penalties
                        .into_iter()
                        .map(|kind| Penalty {
                            kind,
                            note: "通报".into(),
                        })
                        .collect(),
                    indicators,
                }
            };
            let mut scores = IndexMap::new();
            for (u, s) in units.iter().zip(unit_sheets) {
                scores.insert(u.id.clone(), to_scores(s, None));
            }
            for (i, s) in dept_sheets.into_iter().enumerate() {
                let id = format!("d{i}");
                scores.insert(id.clone(), to_scores(s, Some(&id)));
            }
            let nominees = nominees(&units);
            Project {
                title: "生成的项目".into(),
                policy,
                sections: Sections {
                    total: Decimal::from(100),
                    survey: Decimal::from(6),
                    task: Decimal::from(88),
                    ..Sections::default()
                },
                organization: vec![
                    OrgItem {
                        id: "leadership".into(),
                        name: "组织领导".into(),
                        max: Decimal::from(2),
                        ..OrgItem::default()
                    },
                    OrgItem {
                        id: "funding".into(),
                        name: "资金安排".into(),
                        max: Decimal::ONE,
                        applies_to: Some(vec![UnitKind::County, UnitKind::Zone]),
                        lead: Some("d1".into()),
                    },
                ],
                departments: vec![
                    Department {
                        id: "d0".into(),
                        name: "市人社局".into(),
                        quota: Some(3),
                    },
                    Department {
                        id: "d1".into(),
                        name: "市民政局".into(),
                        quota: None,
                    },
                ],
                units,
                areas: vec![
                    Area {
                        id: "a0".into(),
                        name: "就业".into(),
                        short: None,
                        max: Decimal::from(10),
                    },
                    Area {
                        id: "a1".into(),
                        name: "救助".into(),
                        short: Some("救".into()),
                        max: Decimal::from(10),
                    },
                ],
                indicators,
                awards: vec![
                    kaoping::project::Award {
                        id: "w0".into(),
                        name: "就业单项".into(),
                        count: 1,
                        areas: vec!["a0".into()],
                        ..Default::default()
                    },
                    kaoping::project::Award {
                        id: "w1".into(),
                        name: "资金单项".into(),
                        count: 2,
                        areas: vec![],
                        lead: Some("d0".into()),
                        organization: vec!["funding".into()],
                    },
                ],
                nominees,
                procedure: vec![],
                // A self-check sheet for every other unit: the same figures as assessed
                // (what a unit that scored itself right would send).
                selfcheck: scores
                    .iter()
                    .step_by(2)
                    .map(|(id, sheet)| (id.clone(), sheet.clone()))
                    .collect(),
                returns: vec![],
                scores,
            }
        })
}

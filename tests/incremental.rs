//! The incremental rescoring of an edit of one score sheet (`kaoping::scoring::rescore`,
//! and `kaoping::check::check_and_rescore` with the problems) against the reference, a
//! full `check_and_score`: random sequences of score-sheet edits — rows of every kind,
//! survey, organisation items, penalties, of counties, the zone and departments — on
//! generated projects (the generator of `tests/properties.rs`, copied), each step
//! scored from the previous step's incremental scoreboard, compared field by field and
//! to the digit (their `Debug` text shows every decimal's scale) after every step.

use indexmap::IndexMap;
use kaoping::check::{check, check_and_rescore, check_and_score};
use kaoping::edit::{Edit, apply_to_project};
use kaoping::project::{
    Aggregate, Area, Department, Direction, Indicator, LastPlaceAmong, Nominee, OrgItem, Penalty,
    PenaltyKind, Policy, Project, Row, Sections, ShortfallMode, SingleItemVeto, Unit, UnitKind,
    UnitScores,
};
use kaoping::scoring::SheetChange;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A decimal `n / 10^scale`.
fn dec(range: std::ops::Range<i64>, scale: u32) -> impl Strategy<Value = Decimal> {
    range.prop_map(move |n| Decimal::new(n, scale))
}

fn mode() -> impl Strategy<Value = ShortfallMode> {
    prop_oneof![
        Just(ShortfallMode::Proportional),
        Just(ShortfallMode::FullSteps),
        Just(ShortfallMode::StartedSteps),
    ]
}

fn policy() -> impl Strategy<Value = Policy> {
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
fn row(pilot: bool, base: Decimal, cap: Decimal) -> BoxedStrategy<Option<Row>> {
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
type GeneratedSheet = (
    Option<Decimal>,
    Option<Decimal>,
    Option<Decimal>,
    Vec<PenaltyKind>,
    Vec<Option<Row>>,
);

/// One nominee for the first county, two for the second (if any): as many as the
/// places or not.
fn nominees(units: &[Unit]) -> Vec<Nominee> {
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
fn project() -> impl Strategy<Value = Project> {
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

/// A number at a scale of 0–2 places, so that equal values are written differently
/// (`2`, `2.0`, `2.00`) and best over-completions tie (`4 / 2` and `2 / 1`).
fn loose(range: std::ops::Range<i64>) -> impl Strategy<Value = Decimal> {
    (range, 0u32..3).prop_map(|(n, scale)| {
        let mut d = Decimal::from(n);
        d.rescale(scale);
        d
    })
}

/// A row as an edit may set it: small numbers (ties, best over-completions that move),
/// large ones (implausible), of every kind, or none.
fn edited_row() -> BoxedStrategy<Option<Row>> {
    prop_oneof![
        1 => Just(None),
        3 => (loose(1..6), loose(0..12)).prop_map(|(t, a)| Some(Row::Quantitative {
            target: Some(t),
            actual: Some(a)
        })),
        2 => (dec(1..100_000, 1), dec(0..200_000, 1)).prop_map(|(t, a)| Some(Row::Quantitative {
            target: Some(t),
            actual: Some(a)
        })),
        1 => dec(1..100_000, 1).prop_map(|t| Some(Row::Quantitative {
            target: Some(t),
            actual: None
        })),
        1 => any::<bool>().prop_map(|complete| Some(Row::Qualitative {
            complete,
            deduction: None
        })),
        1 => dec(0..5, 1).prop_map(|d| Some(Row::Qualitative {
            complete: false,
            deduction: Some(d)
        })),
        1 => dec(0..50, 1).prop_map(|prep| Some(Row::Preparation { prep })),
    ]
    .boxed()
}

fn penalty() -> impl Strategy<Value = Penalty> {
    prop_oneof![
        Just(PenaltyKind::Provincial),
        Just(PenaltyKind::Municipal),
        dec(0..30, 1).prop_map(PenaltyKind::Points),
    ]
    .prop_map(|kind| Penalty {
        kind,
        note: "通报".into(),
    })
}

/// One edit of a score sheet, its unit and what it names drawn by number (taken modulo
/// the project's counts when it is made).
#[derive(Debug, Clone)]
enum Step {
    Row(usize, usize, Option<Row>),
    Survey(usize, Option<Decimal>),
    Org(usize, usize, Option<Decimal>),
    AddPenalty(usize, Penalty),
    SetPenalty(usize, usize, Penalty),
    RemovePenalty(usize, usize),
    /// A row typed again at another scale (`2` as `2.00`): equal, written otherwise.
    Rescale(usize, usize, u32),
}

fn step() -> impl Strategy<Value = Step> {
    let who = 0usize..64;
    prop_oneof![
        8 => (who.clone(), 0usize..64, edited_row()).prop_map(|(u, i, r)| Step::Row(u, i, r)),
        1 => (who.clone(), proptest::option::of(dec(0..61, 1))).prop_map(|(u, v)| Step::Survey(u, v)),
        1 => (who.clone(), 0usize..2, proptest::option::of(dec(0..21, 1)))
            .prop_map(|(u, i, v)| Step::Org(u, i, v)),
        1 => (who.clone(), penalty()).prop_map(|(u, p)| Step::AddPenalty(u, p)),
        1 => (who.clone(), 0usize..3, penalty()).prop_map(|(u, i, p)| Step::SetPenalty(u, i, p)),
        1 => (who.clone(), 0usize..3).prop_map(|(u, i)| Step::RemovePenalty(u, i)),
        2 => (who, 0usize..64, 0u32..3).prop_map(|(u, i, s)| Step::Rescale(u, i, s)),
    ]
}

/// The edit a step makes on `p`, and what it changes for the rescore.
fn edit_of(p: &Project, step: &Step) -> (Edit, String, Option<String>) {
    let ids: Vec<&str> = p
        .units
        .iter()
        .map(|u| u.id.as_str())
        .chain(p.departments.iter().map(|d| d.id.as_str()))
        .collect();
    let who = |n: usize| ids[n % ids.len()].to_string();
    match step.clone() {
        Step::Rescale(u, i, scale) => {
            let unit = who(u);
            let indicator = p.indicators[i % p.indicators.len()].id.clone();
            let at = |v: Option<Decimal>| {
                v.map(|mut v| {
                    v.rescale(scale);
                    v
                })
            };
            let row = match p
                .scores
                .get(&unit)
                .and_then(|s| s.indicators.get(&indicator))
            {
                Some(Row::Quantitative { target, actual }) => Some(Row::Quantitative {
                    target: at(*target),
                    actual: at(*actual),
                }),
                other => other.cloned(),
            };
            let edit = Edit::SetRow {
                unit: unit.clone(),
                indicator: indicator.clone(),
                row,
            };
            (edit, unit, Some(indicator))
        }
        Step::Row(u, i, row) => {
            let indicator = p.indicators[i % p.indicators.len()].id.clone();
            let unit = who(u);
            let edit = Edit::SetRow {
                unit: unit.clone(),
                indicator: indicator.clone(),
                row,
            };
            (edit, unit, Some(indicator))
        }
        Step::Survey(u, value) => (
            Edit::SetSurvey {
                unit: who(u),
                value,
            },
            who(u),
            None,
        ),
        Step::Org(u, i, value) => {
            let item = p.organization[i % p.organization.len()].id.clone();
            (
                Edit::SetOrg {
                    unit: who(u),
                    item,
                    value,
                },
                who(u),
                None,
            )
        }
        Step::AddPenalty(u, penalty) => (
            Edit::AddPenalty {
                unit: who(u),
                penalty,
            },
            who(u),
            None,
        ),
        Step::SetPenalty(u, index, penalty) => (
            Edit::SetPenalty {
                unit: who(u),
                index,
                penalty,
            },
            who(u),
            None,
        ),
        Step::RemovePenalty(u, index) => (
            Edit::RemovePenalty {
                unit: who(u),
                index,
            },
            who(u),
            None,
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// After every edit of a sequence, the scores rescored from the previous step's and
    /// the problems read from them are those of a full check and score, to the digit.
    #[test]
    fn incremental_rescoring_equals_the_full_rescore(
        mut p in project(),
        steps in proptest::collection::vec(step(), 1..16),
    ) {
        let (_, board) = check_and_score(&p);
        let mut board = board.expect("generated projects score");
        let checks = check(&p);
        prop_assert!(checks.iter().all(|c| !c.is_error()));
        for (n, step) in steps.iter().enumerate() {
            let (edit, unit, indicator) = edit_of(&p, step);
            let kept = p.clone();
            apply_to_project(&mut p, &edit);
            let change = match &indicator {
                Some(id) => SheetChange::Row(id),
                None => SheetChange::Totals,
            };
            let (problems, rescored) = check_and_rescore(&p, &checks, &board, &unit, change);
            let (full_problems, full) = check_and_score(&p);
            prop_assert_eq!(
                format!("{problems:#?}"),
                format!("{full_problems:#?}"),
                "problems after step {} {:?}",
                n,
                edit
            );
            prop_assert_eq!(&problems, &full_problems);
            match (rescored, full) {
                (Some(rescored), Some(full)) => {
                    prop_assert_eq!(&rescored, &full, "step {} {:?}", n, edit);
                    prop_assert_eq!(
                        format!("{rescored:#?}"),
                        format!("{full:#?}"),
                        "step {} {:?}",
                        n,
                        edit
                    );
                    board = rescored;
                }
                (None, None) => p = kept, // refused, as a session refuses it
                (rescored, full) => prop_assert!(
                    false,
                    "step {} {:?}: rescored {} full {}",
                    n,
                    edit,
                    rescored.is_some(),
                    full.is_some()
                ),
            }
        }
    }

    /// Rescoring after an edit of one sheet without the edit (the same project) gives the
    /// scores back unchanged, whatever it names.
    #[test]
    fn rescoring_an_unchanged_project_changes_nothing(p in project(), step in step()) {
        let board = check_and_score(&p).1.expect("generated projects score");
        let (_, unit, indicator) = edit_of(&p, &step);
        let change = match &indicator {
            Some(id) => SheetChange::Row(id),
            None => SheetChange::Totals,
        };
        let again = kaoping::scoring::rescore(&p, &board, &unit, change).unwrap();
        prop_assert_eq!(format!("{again:#?}"), format!("{board:#?}"));
    }
}

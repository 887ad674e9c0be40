//! Property tests of the scoring invariants (SPEC §3) and of the file round trip, over
//! generated projects.

use indexmap::IndexMap;
use kaoping::check::{analyze, check_and_score};
use kaoping::project::problem::ProblemKind;
use kaoping::project::{
    self, Aggregate, Area, Department, Direction, Indicator, LastPlaceAmong, Nominee, OrgItem,
    Penalty, PenaltyKind, Policy, Project, Row, Sections, ShortfallMode, SingleItemVeto, Unit,
    UnitKind, UnitScores,
};
use kaoping::scoring::{Fraction, LeftOut, Outcome, bonus, round_score, shortfall_deduction};
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

proptest! {
    #[test]
    fn a_deduction_never_exceeds_the_cap(
        p in policy(),
        base in dec(0..100_000, 2),
        target in dec(1..10_000_000, 2),
        short in dec(0..10_000_000, 2),
    ) {
        let shortfall = Fraction { num: short.min(target), den: target };
        let (_, deduction, _) = shortfall_deduction(&p, base, shortfall).unwrap();
        prop_assert!(deduction >= Decimal::ZERO);
        prop_assert!(deduction <= p.deduction_cap * base, "{deduction} > {} × {base}", p.deduction_cap);
    }

    #[test]
    fn a_bonus_never_exceeds_the_share_of_the_base(
        p in policy(),
        base in dec(0..100_000, 2),
        t1 in dec(1..1_000_000, 2),
        over1 in dec(0..1_000_000, 2),
        t2 in dec(1..1_000_000, 2),
        over2 in dec(0..1_000_000, 2),
    ) {
        let a = Fraction { num: over1, den: t1 };
        let b = Fraction { num: over2, den: t2 };
        // The top is the larger of the two over-completions.
        let (o, top) = if over1 * t2 >= over2 * t1 { (b, a) } else { (a, b) };
        let value = bonus(&p, base, o, top).unwrap();
        prop_assert!(value >= Decimal::ZERO);
        prop_assert!(value <= p.bonus_share * base);
        prop_assert_eq!(bonus(&p, base, top, top).unwrap(), if top.num > Decimal::ZERO { p.bonus_share * base } else { Decimal::ZERO });
    }
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_projects_have_no_errors(p in project()) {
        let (problems, board) = check_and_score(&p);
        let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
        prop_assert!(errors.is_empty(), "{:#?}", errors);
        prop_assert!(board.is_some());
    }

    #[test]
    fn totals_are_the_sum_of_their_sections(p in project()) {
        let board = check_and_score(&p).1.unwrap();
        for u in board.units.iter().chain(&board.departments) {
            prop_assert_eq!(u.total, u.organization + u.survey + u.task - u.penalty, "{}", u.id);
            if u.kind != UnitKind::Department {
                let items: Decimal = u.items.iter().map(|i| i.earned).sum();
                prop_assert_eq!(u.task, items);
            }
            prop_assert_eq!(u.vetoed(), u.items.iter().any(|i| i.outcome.fails()));
        }
    }

    #[test]
    fn the_ranking_is_a_permutation_ordered_by_total(p in project()) {
        let board = check_and_score(&p).1.unwrap();
        let mut ids: Vec<&str> = board.units.iter().map(|u| u.id.as_str()).collect();
        ids.sort();
        let mut expected: Vec<&str> = p.units.iter().map(|u| u.id.as_str()).collect();
        expected.sort();
        prop_assert_eq!(ids, expected);
        for group in [&board.units, &board.departments] {
            for w in group.windows(2) {
                prop_assert!(w[0].total > w[1].total || (w[0].total == w[1].total && w[0].id < w[1].id && w[0].rank == w[1].rank && w[0].tied && w[1].tied));
            }
            for (i, u) in group.iter().enumerate() {
                // Competition rank: one more than the number of strictly higher totals.
                let higher = group.iter().filter(|o| o.total > u.total).count();
                prop_assert_eq!(u.rank as usize, higher + 1, "position {}", i);
            }
        }
    }

    #[test]
    fn no_vetoed_unit_is_comprehensive_advanced_and_the_places_hold(p in project()) {
        let (problems, board) = check_and_score(&p);
        let board = board.unwrap();
        let tie_warned = problems.iter().any(|p| matches!(p.kind, kaoping::project::problem::ProblemKind::TieAtCut { cut: kaoping::project::problem::Cut::Comprehensive, .. }));
        let winners: Vec<_> = board.units.iter().filter(|u| u.comprehensive).collect();
        prop_assert!(winners.iter().all(|u| !u.vetoed()));
        prop_assert!(winners.len() <= p.policy.comprehensive_awards as usize || tie_warned);
        // Every non-vetoed unit with a higher total than a winner is a winner too.
        for w in &winners {
            prop_assert!(board.units.iter().filter(|u| !u.vetoed() && u.total > w.total).all(|u| u.comprehensive));
        }
        // Last place only when someone is vetoed.
        let any_vetoed = board.units.iter().any(|u| u.vetoed());
        prop_assert!(any_vetoed || board.units.iter().all(|u| !u.last_place));
        // Single-item winners are never comprehensive (名次顺移).
        for a in &board.awards {
            for id in &a.winners {
                prop_assert!(!board.find(id).unwrap().comprehensive);
            }
        }
        // Under not_up_to_standard, last place is a vetoed unit, so never comprehensive.
        if p.policy.last_place_among == LastPlaceAmong::NotUpToStandard {
            for u in board.units.iter().filter(|u| u.last_place) {
                prop_assert!(u.vetoed() && !u.comprehensive, "{}", u.id);
            }
        }
        // Every unit that is both is warned about.
        let both = board.units.iter().filter(|u| u.last_place && u.comprehensive).count();
        let warned = problems.iter().filter(|p| matches!(p.kind, ProblemKind::LastPlaceComprehensive { .. })).count();
        prop_assert_eq!(both, warned);
    }

    /// No vetoed unit wins an award that counts an indicator it failed (failed_area), or
    /// any award (all); every vetoed winner is a warning.
    #[test]
    fn the_single_item_veto_holds_and_vetoed_winners_are_warned(p in project()) {
        let (problems, board) = check_and_score(&p);
        let board = board.unwrap();
        let mut vetoed_wins = 0;
        for (award, result) in p.awards.iter().zip(&board.awards) {
            for id in &result.winners {
                let u = board.find(id).unwrap();
                if !u.vetoed() {
                    continue;
                }
                vetoed_wins += 1;
                let failed_counted = u.failed.iter().any(|f| award.selects(p.indicator(f).unwrap()));
                match p.policy.single_item_veto {
                    SingleItemVeto::All => prop_assert!(false, "{} won {} vetoed", id, award.id),
                    SingleItemVeto::FailedArea => prop_assert!(!failed_counted, "{} won {}", id, award.id),
                    SingleItemVeto::Off => {}
                }
            }
        }
        let warned = problems.iter().filter(|p| matches!(p.kind, ProblemKind::VetoedWinner { .. })).count();
        prop_assert_eq!(vetoed_wins, warned);
    }

    /// A department is scored on exactly the indicators it is responsible for, with no
    /// bonus unless the policy gives it one.
    #[test]
    fn departments_are_scored_on_what_they_are_responsible_for(p in project()) {
        let board = check_and_score(&p).1.unwrap();
        for d in &board.departments {
            let assessed: Vec<&str> = p.indicators.iter().filter(|i| i.assesses(&d.id)).map(|i| i.id.as_str()).collect();
            let scored: Vec<&str> = d.items.iter().map(|i| &*i.indicator).collect();
            prop_assert_eq!(scored, assessed);
            if !p.policy.department_bonus {
                for item in &d.items {
                    if let Outcome::Completed { bonus, .. } = item.outcome {
                        prop_assert_eq!(bonus, Decimal::ZERO);
                    }
                }
            }
        }
    }

    #[test]
    fn load_save_load_gives_the_same_project(p in project()) {
        let text = project::to_toml(&p);
        let analysis = analyze(&text);
        let errors: Vec<_> = analysis.problems.iter().filter(|p| p.is_error()).collect();
        prop_assert!(errors.is_empty(), "{:#?}\n{}", errors, text);
        let loaded = analysis.project.unwrap();
        prop_assert_eq!(&loaded, &p);
        // And once more from the loaded copy: the text is a fixed point.
        prop_assert_eq!(project::to_toml(&loaded), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The scoreboard's records of a shortfall add up: the steps counted are the exact
    /// steps (floored, ceiled) per the mode, `steps × rate × base` is the deduction before
    /// the cap in the whole-step modes, and the deduction is `min(uncapped, cap)`.
    #[test]
    fn a_shortfalls_records_add_up(p in project()) {
        let board = check_and_score(&p).1.unwrap();
        let policy = &p.policy;
        for u in board.units.iter().chain(&board.departments) {
            for item in &u.items {
                prop_assert_eq!(round_score(item.exact, policy), item.earned);
                let Outcome::Short { exact_steps, steps, uncapped, cap, deduction, capped, .. } = item.outcome else {
                    continue;
                };
                let exact = exact_steps.unwrap();
                let uncapped = uncapped.unwrap();
                prop_assert_eq!(cap, policy.deduction_cap * item.base);
                prop_assert_eq!(deduction, uncapped.min(cap), "{} {}", u.id, item.indicator);
                prop_assert_eq!(capped, uncapped > cap);
                match policy.shortfall_mode {
                    ShortfallMode::Proportional => prop_assert_eq!(steps, exact),
                    ShortfallMode::FullSteps => {
                        prop_assert_eq!(steps, exact.floor());
                        prop_assert_eq!(steps * policy.shortfall_rate * item.base, uncapped);
                    }
                    ShortfallMode::StartedSteps => {
                        prop_assert_eq!(steps, exact.ceil());
                        prop_assert_eq!(steps * policy.shortfall_rate * item.base, uncapped);
                    }
                }
                prop_assert_eq!(item.exact, item.base - deduction);
            }
        }
    }

    /// What an explanation shows is the scoreboard's: every row's earned score (exact and
    /// rounded) and deduction, every section's score, the rank among the units not vetoed.
    #[test]
    fn explanations_agree_with_the_scoreboard(p in project()) {
        let board = check_and_score(&p).1.unwrap();
        for u in board.units.iter().chain(&board.departments) {
            let e = kaoping::explain::unit(&p, &board, &u.id).unwrap();
            prop_assert_eq!(e.summary.total, u.total);
            prop_assert_eq!(e.summary.rank_eligible, u.rank_eligible);
            prop_assert_eq!(
                e.organization.iter().filter_map(|o| o.value.map(|v| v.score)).sum::<Decimal>(),
                u.organization
            );
            prop_assert_eq!(e.penalties.iter().map(|p| p.points).sum::<Decimal>(), u.penalty);
            prop_assert_eq!(
                e.areas.iter().map(|a| a.subtotal).sum::<Decimal>(),
                u.items.iter().map(|i| i.earned).sum::<Decimal>()
            );
            prop_assert_eq!(round_score(u.task_exact, &p.policy), u.task);
            for row in e.areas.iter().flat_map(|a| &a.rows) {
                let item = u.item(&row.indicator).unwrap();
                prop_assert_eq!((row.earned.exact, row.earned.score), (item.exact, item.earned));
                if let kaoping::explain::ItemSteps::Short { uncapped, cap, deduction, .. } = row.steps {
                    prop_assert_eq!(uncapped.unwrap().min(cap.value.unwrap()), deduction);
                }
            }
        }
    }

    /// The rank among the units not vetoed is the rank comprehensive advanced goes by.
    #[test]
    fn the_rank_among_units_not_vetoed_gives_comprehensive_advanced(p in project()) {
        let board = check_and_score(&p).1.unwrap();
        for u in board.units.iter().chain(&board.departments) {
            let group = board.group_of(u);
            prop_assert_eq!(u.rank_eligible.is_none(), u.vetoed());
            if let Some(rank) = u.rank_eligible {
                prop_assert_eq!(rank, group.rank_among_eligible(u.total));
                prop_assert_eq!(u.comprehensive, rank <= group.places && u.total > Decimal::ZERO);
            }
        }
    }

    /// An award score is the sum of its terms; exactly the units not left out stand for it,
    /// and a unit is left out as comprehensive advanced exactly when it is.
    #[test]
    fn award_scores_add_up_and_record_who_was_left_out(p in project()) {
        let board = check_and_score(&p).1.unwrap();
        for award in &board.awards {
            prop_assert_eq!(award.scores.len(), board.units.len());
            for s in &award.scores {
                prop_assert_eq!(s.terms.iter().copied().sum::<Decimal>(), s.score);
                let u = board.find(&s.unit).unwrap();
                prop_assert_eq!(s.left_out == Some(LeftOut::Comprehensive), u.comprehensive);
                // Only a vetoed unit is left out for its veto.
                if matches!(s.left_out, Some(LeftOut::Vetoed | LeftOut::FailedArea(_))) {
                    prop_assert!(u.vetoed());
                }
                let standing = award.standings.iter().find(|(id, _)| *id == s.unit);
                prop_assert_eq!(standing.map(|(_, v)| *v), s.left_out.is_none().then_some(s.score));
            }
        }
    }
}

//! Property tests of the scoring invariants (SPEC §3) and of the file round trip, over
//! generated projects.

use kaoping::check::{analyze, check_and_score};
use kaoping::project::problem::ProblemKind;
use kaoping::project::{self, LastPlaceAmong, ShortfallMode, SingleItemVeto, UnitKind};
use kaoping::scoring::{Fraction, LeftOut, Outcome, bonus, round_score, shortfall_deduction};
use proptest::prelude::*;
use rust_decimal::Decimal;

mod common;
use common::generated::*;

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

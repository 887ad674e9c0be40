//! One test per scoring rule (SPEC §3), every expected number computed by hand in the
//! comment beside it.

use kaoping::check::analyze;
use kaoping::project::problem::{Cut, ProblemKind};
use kaoping::project::{Direction, Indicator, LastPlaceAmong, Policy, Row, ShortfallMode};
use kaoping::scoring::{
    Fraction, LastPlace, LeftOut, OrgScore, Outcome, Scoreboard, Shortfall, UnitResult, bonus,
    competition_ranks, comprehensive_cut, department_task, department_task_exact, round_score,
    score_row, shortfall, shortfall_deduction,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn frac(num: &str, den: &str) -> Fraction {
    Fraction {
        num: d(num),
        den: d(den),
    }
}

fn policy(mode: ShortfallMode) -> Policy {
    Policy {
        shortfall_mode: mode,
        ..Policy::default()
    }
}

fn indicator(base: &str, bonus: bool, direction: Direction) -> Indicator {
    Indicator {
        id: "i".into(),
        area: "a".into(),
        name: "i".into(),
        base: d(base),
        bonus,
        direction,
        ..Indicator::default()
    }
}

fn quant(t: &str, a: &str) -> Row {
    Row::Quantitative {
        target: Some(d(t)),
        actual: Some(d(a)),
    }
}

// ---- rounding ---------------------------------------------------------------------

#[test]
fn rounding_is_half_up_to_score_decimals() {
    let p = Policy::default();
    assert_eq!(round_score(d("4.445"), &p).to_string(), "4.45");
    assert_eq!(round_score(d("4.4449"), &p).to_string(), "4.44");
    assert_eq!(round_score(d("5.5"), &p).to_string(), "5.50");
    assert_eq!(round_score(d("2.675"), &p).to_string(), "2.68"); // f64 would give 2.67
    let p0 = Policy {
        score_decimals: 0,
        ..Policy::default()
    };
    assert_eq!(round_score(d("2.5"), &p0).to_string(), "3");
    assert_eq!(round_score(d("3.5"), &p0).to_string(), "4"); // half-up, not half-even
}

// ---- bonus ------------------------------------------------------------------------

#[test]
fn bonus_is_a_share_of_the_top_over_completion() {
    let p = Policy::default();
    // worked.md: 乙县 o = 0.10, top 0.20: 0.10 / 0.20 × 20% × 4 = 0.40.
    assert_eq!(
        bonus(&p, d("4"), frac("80", "800"), frac("200", "1000")),
        Some(d("0.4"))
    );
    // The top one itself: 20% × 4 = 0.80.
    let top = frac("200", "1000");
    assert_eq!(bonus(&p, d("4"), top, top), Some(d("0.8")));
    // No over-completion, no bonus.
    assert_eq!(bonus(&p, d("4"), frac("0", "1000"), top), Some(d("0")));
}

#[test]
fn bonus_is_exact_where_the_ratios_do_not_terminate() {
    // o = 1/3 (4 of 3), top = 2/3 (5 of 3): o / top = 1/2 exactly.
    // base 0.05: bonus = 20% × 0.05 × 1/2 = 0.005, earned 0.055 → 0.06 (half-up).
    // Dividing 0.333… by 0.666… first would give 0.0549999… → 0.05.
    let p = Policy::default();
    let b = bonus(&p, d("0.05"), frac("1", "3"), frac("2", "3")).unwrap();
    assert_eq!(b, d("0.005"));
    let ind = indicator("0.05", true, Direction::AtLeast);
    let item = score_row(&p, &ind, &quant("3", "4"), Some(frac("2", "3"))).unwrap();
    assert_eq!(item.earned.to_string(), "0.06");
}

// ---- shortfall deduction ------------------------------------------------------------

/// (actual of a target of 1000, proportional, full_steps, started_steps) deductions on a
/// base of 4: each step of 2% short costs 5% × 4 = 0.20.
#[test]
fn shortfall_deduction_in_each_mode_at_and_around_a_step_boundary() {
    let cases = [
        // 4.0% short = 2 steps exactly: 0.40 in every mode.
        ("960", "0.40", "0.40", "0.40"),
        // 3.9% short = 1.95 steps: 0.39 | 1 step 0.20 | 2 steps 0.40.
        ("961", "0.39", "0.20", "0.40"),
        // 4.1% short = 2.05 steps: 0.41 | 2 steps 0.40 | 3 steps 0.60.
        ("959", "0.41", "0.40", "0.60"),
        // 5% short = 2.5 steps (worked.md 丙县): 0.50 | 0.40 | 0.60.
        ("950", "0.50", "0.40", "0.60"),
        // 0.1% short = 0.05 steps: 0.01 | 0 steps 0.00 | 1 step 0.20.
        ("999", "0.01", "0.00", "0.20"),
    ];
    for (actual, prop, full, started) in cases {
        let shortfall = frac(&(1000 - actual.parse::<i64>().unwrap()).to_string(), "1000");
        for (mode, expected) in [
            (ShortfallMode::Proportional, prop),
            (ShortfallMode::FullSteps, full),
            (ShortfallMode::StartedSteps, started),
        ] {
            let (_, deduction, _) = shortfall_deduction(&policy(mode), d("4"), shortfall).unwrap();
            assert_eq!(
                round_score(deduction, &Policy::default()).to_string(),
                expected,
                "actual {actual}, {mode:?}"
            );
        }
    }
}

#[test]
fn shortfall_deduction_is_capped_at_sixty_percent_of_the_base() {
    let p = Policy::default();
    // The cap is 60% × 4 = 2.40, reached at 12 steps = 24% short.
    let (steps, ded, capped) = shortfall_deduction(&p, d("4"), frac("240", "1000")).unwrap();
    assert_eq!((steps, ded, capped), (d("12"), d("2.4"), false));
    // 25% short = 12.5 steps would be 2.50: capped to 2.40.
    let (_, ded, capped) = shortfall_deduction(&p, d("4"), frac("250", "1000")).unwrap();
    assert_eq!((ded, capped), (d("2.4"), true));
    // Nothing done at all: 50 steps, still 2.40.
    let (_, ded, capped) = shortfall_deduction(&p, d("4"), frac("1000", "1000")).unwrap();
    assert_eq!((ded, capped), (d("2.4"), true));
    // In started_steps mode 23.9% short is 12 steps: 2.40, not capped.
    let (steps, ded, _) = shortfall_deduction(
        &policy(ShortfallMode::StartedSteps),
        d("4"),
        frac("239", "1000"),
    )
    .unwrap();
    assert_eq!((steps, ded), (d("12"), d("2.4")));
}

#[test]
fn a_shortfall_vetoes_and_earns_the_base_less_the_deduction() {
    let p = Policy::default();
    let ind = indicator("4", true, Direction::AtLeast);
    let item = score_row(&p, &ind, &quant("1000", "950"), None).unwrap();
    assert_eq!(item.earned.to_string(), "3.50");
    assert!(item.outcome.fails());
    assert!(matches!(item.outcome, Outcome::Short { steps, .. } if steps == d("2.5")));
}

#[test]
fn at_most_indicators_count_the_deviation_below_the_ceiling() {
    let p = Policy::default();
    let ind = indicator("3", false, Direction::AtMost);
    // Ceiling 4.6, actual 4.1: completed, base 3.00.
    let item = score_row(&p, &ind, &quant("4.6", "4.1"), None).unwrap();
    assert_eq!(item.earned.to_string(), "3.00");
    assert!(!item.outcome.fails());
    // Actual 4.83 = 0.23 over a ceiling of 4.6 = 5% short = 2.5 steps × 5% × 3 = 0.375
    // deducted: 2.625 → 2.63.
    let item = score_row(&p, &ind, &quant("4.6", "4.83"), None).unwrap();
    assert_eq!(item.earned.to_string(), "2.63");
    assert!(item.outcome.fails());
}

#[test]
fn a_non_bonus_indicator_earns_its_base_however_far_it_is_exceeded() {
    let p = Policy::default();
    let ind = indicator("2", false, Direction::AtLeast);
    let item = score_row(&p, &ind, &quant("200", "230"), Some(frac("30", "200"))).unwrap();
    assert_eq!(item.earned.to_string(), "2.00");
}

// ---- qualitative, preparation, pending ------------------------------------------------

#[test]
fn qualitative_rows() {
    let p = Policy::default();
    let ind = indicator("4", false, Direction::AtLeast);
    let met = Row::Qualitative {
        complete: true,
        deduction: None,
    };
    let item = score_row(&p, &ind, &met, None).unwrap();
    assert_eq!(
        (item.earned.to_string(), item.outcome.fails()),
        ("4.00".into(), false)
    );
    // worked.md: the zone's dibao, incomplete with 0.8 deducted: 3.20, vetoed.
    let not_met = Row::Qualitative {
        complete: false,
        deduction: Some(d("0.8")),
    };
    let item = score_row(&p, &ind, &not_met, None).unwrap();
    assert_eq!(
        (item.earned.to_string(), item.outcome.fails()),
        ("3.20".into(), true)
    );
    // Incomplete without a deduction still vetoes; it earns the base.
    let not_met = Row::Qualitative {
        complete: false,
        deduction: None,
    };
    let item = score_row(&p, &ind, &not_met, None).unwrap();
    assert_eq!(
        (item.earned.to_string(), item.outcome.fails()),
        ("4.00".into(), true)
    );
}

#[test]
fn preparation_and_pending_rows_never_veto() {
    let p = Policy::default();
    let ind = indicator("3", true, Direction::AtLeast);
    let item = score_row(&p, &ind, &Row::Preparation { prep: d("2.5") }, None).unwrap();
    assert_eq!(
        (item.earned.to_string(), item.outcome.fails()),
        ("2.50".into(), false)
    );
    let item = score_row(&p, &ind, &Row::pending(), None).unwrap();
    assert_eq!(item.earned.to_string(), "0.00");
    assert_eq!(item.outcome, Outcome::Pending);
    // A target without an actual yet is pending too.
    let half = Row::Quantitative {
        target: Some(d("100")),
        actual: None,
    };
    assert_eq!(
        score_row(&p, &ind, &half, None).unwrap().outcome,
        Outcome::Pending
    );
}

// ---- departments, ranks -------------------------------------------------------------

#[test]
fn department_task_is_scaled_to_the_section() {
    let p = Policy::default();
    // 88 × 7.5 / 8 = 82.5.
    assert_eq!(
        department_task(&p, d("88"), d("7.5"), d("8"))
            .unwrap()
            .to_string(),
        "82.50"
    );
    // 88 × 10 / 12 = 73.333… → 73.33.
    assert_eq!(
        department_task(&p, d("88"), d("10"), d("12"))
            .unwrap()
            .to_string(),
        "73.33"
    );
    // 88 × 11 / 12 = 80.666… → 80.67.
    assert_eq!(
        department_task(&p, d("88"), d("11"), d("12"))
            .unwrap()
            .to_string(),
        "80.67"
    );
    // No rows: 0.
    assert_eq!(
        department_task(&p, d("88"), d("0"), d("0")).unwrap(),
        Decimal::ZERO
    );
}

#[test]
fn equal_totals_share_a_rank() {
    let ranks = competition_ranks(&[d("10"), d("9"), d("9"), d("8"), d("7"), d("7")]);
    assert_eq!(
        ranks,
        vec![
            (1, false),
            (2, true),
            (2, true),
            (4, false),
            (5, true),
            (5, true)
        ]
    );
}

// ---- whole projects -------------------------------------------------------------------

/// A project of counties with one bonus indicator `q` (base 4, target 100 each) and one
/// organisation item `f` (max 4); `rows` gives each unit's actual and organisation score.
fn project(policy: &str, units: &[(&str, &str, &str)], awards: &str) -> String {
    let mut text = format!(
        "format = \"kaoping/1\"\ntitle = \"t\"\n[policy]\n{policy}\n[sections]\ntotal = 8\nsurvey = 0\ntask = 4\n\
         [[organization]]\nid = \"f\"\nname = \"资金\"\nmax = 4\n\
         [[departments]]\nid = \"dept\"\nname = \"市局\"\n\
         [[areas]]\nid = \"a\"\nname = \"领域\"\nmax = 4\n\
         [[indicators]]\nid = \"q\"\narea = \"a\"\nname = \"指标\"\nbase = 4\nbonus = true\nlead = \"dept\"\nresponsible = [\"dept\"]\n{awards}\n"
    );
    for (id, _, _) in units {
        text.push_str(&format!(
            "[[units]]\nid = \"{id}\"\nname = \"{id}县\"\nkind = \"county\"\n"
        ));
    }
    for (id, actual, org) in units {
        text.push_str(&format!(
            "[scores.{id}]\nsurvey = 0\norganization = {{ f = {org} }}\n[scores.{id}.indicators]\nq = {{ target = 100, actual = {actual} }}\n"
        ));
    }
    text
}

fn board_of(text: &str) -> (Scoreboard, Vec<ProblemKind>) {
    let a = analyze(text);
    let errors: Vec<_> = a.problems.iter().filter(|p| p.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    (
        a.board.unwrap(),
        a.problems.into_iter().map(|p| p.kind).collect(),
    )
}

fn unit<'a>(board: &'a Scoreboard, id: &str) -> &'a UnitResult {
    board.find(id).unwrap()
}

fn ids(units: &[UnitResult], pred: impl Fn(&UnitResult) -> bool) -> Vec<&str> {
    units
        .iter()
        .filter(|u| pred(u))
        .map(|u| u.id.as_str())
        .collect()
}

#[test]
fn totals_and_the_bonus_race() {
    // q: a 120 (o = 0.2, top) → 4 + 0.8 = 4.80; b 110 → 4 + 0.1/0.2 × 0.8 = 4.40;
    // c 100 → 4.00; d 95 → 5% short → 4 − 0.5 = 3.50, vetoed.
    let text = project(
        "",
        &[
            ("a", "120", "1"),
            ("b", "110", "2"),
            ("c", "100", "3"),
            ("d", "95", "4"),
        ],
        "",
    );
    let (board, _) = board_of(&text);
    let totals: Vec<(&str, String)> = board
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.total.to_string()))
        .collect();
    // Totals = organisation + task: a 5.80, b 6.40, c 7.00, d 7.50.
    assert_eq!(
        totals,
        vec![
            ("d", "7.50".into()),
            ("c", "7.00".into()),
            ("b", "6.40".into()),
            ("a", "5.80".into())
        ]
    );
    assert_eq!(unit(&board, "a").task.to_string(), "4.80");
    assert_eq!(unit(&board, "b").task.to_string(), "4.40");
    assert_eq!(unit(&board, "d").failed, vec!["q"]);
}

#[test]
fn comprehensive_awards_go_to_the_top_non_vetoed_units() {
    // d is first by total but vetoed: c, b, a are the top three among the rest.
    let text = project(
        "",
        &[
            ("a", "120", "1"),
            ("b", "110", "2"),
            ("c", "100", "3"),
            ("d", "95", "4"),
        ],
        "",
    );
    let (board, _) = board_of(&text);
    assert_eq!(ids(&board.units, |u| u.comprehensive), vec!["c", "b", "a"]);
    assert!(!unit(&board, "d").comprehensive);
}

#[test]
fn a_tie_at_the_comprehensive_cut_gives_every_tied_unit_the_award_and_warns() {
    // One place; totals: a 4.80+1 = 5.80, b 4.40+1.4 = 5.80, c 4.00+1 = 5.00.
    let text = project(
        "comprehensive_awards = 1",
        &[("a", "120", "1"), ("b", "110", "1.4"), ("c", "100", "1")],
        "",
    );
    let (board, problems) = board_of(&text);
    assert_eq!(ids(&board.units, |u| u.comprehensive), vec!["a", "b"]);
    assert!(unit(&board, "a").tied && unit(&board, "b").tied && !unit(&board, "c").tied);
    assert_eq!(
        (
            unit(&board, "a").rank,
            unit(&board, "b").rank,
            unit(&board, "c").rank
        ),
        (1, 1, 3)
    );
    assert!(problems.iter().any(|p| matches!(p, ProblemKind::TieAtCut { cut: Cut::Comprehensive, places: 1, winners } if winners.len() == 2)));
}

#[test]
fn nobody_vetoed_means_no_last_place() {
    let text = project(
        "",
        &[("a", "120", "1"), ("b", "110", "2"), ("c", "100", "3")],
        "",
    );
    let (board, _) = board_of(&text);
    assert!(ids(&board.units, |u| u.last_place).is_empty());
}

#[test]
fn last_place_is_the_lowest_total_among_the_units_not_up_to_standard() {
    // Totals: a 4.80+1 = 5.80, b 4.40+2 = 6.40, c 4.00+1.8 = 5.80, d 3.50+4 = 7.50 (95 of
    // 100: vetoed), e 96 of 100 = 4% short = 2 steps → 4 − 0.40 = 3.60, +4 = 7.60
    // (vetoed). The lowest total overall is 5.80 (a and c, who completed everything);
    // among the units not up to standard (d, e) it is d's 7.50: d is last.
    let rows = [
        ("a", "120", "1"),
        ("b", "110", "2"),
        ("c", "100", "1.8"),
        ("d", "95", "4"),
        ("e", "96", "4"),
    ];
    let (board, problems) = board_of(&project("", &rows, ""));
    assert_eq!(ids(&board.units, |u| u.last_place), vec!["d"]);
    assert!(
        !problems
            .iter()
            .any(|p| matches!(p, ProblemKind::TieAtCut { .. }))
    );
    // A comprehensive advanced unit is never last: a, b and c are the three.
    assert!(
        board
            .units
            .iter()
            .all(|u| !(u.last_place && u.comprehensive))
    );
    // A tie among the units not up to standard shares it, with a warning: e's 7.60 less
    // 0.10 of organisation = 7.50, d's.
    let tied = project(
        "",
        &[("a", "120", "1"), ("d", "95", "4"), ("e", "96", "3.9")],
        "",
    );
    let (board, problems) = board_of(&tied);
    assert_eq!(ids(&board.units, |u| u.last_place), vec!["d", "e"]);
    assert!(problems.iter().any(|p| matches!(
        p,
        ProblemKind::TieAtCut {
            cut: Cut::LastPlace,
            ..
        }
    )));
    // last_place = false: nobody.
    let (board, _) = board_of(&project("last_place = false", &rows, ""));
    assert!(ids(&board.units, |u| u.last_place).is_empty());
}

#[test]
fn under_last_place_among_all_the_lowest_total_is_last_and_may_be_comprehensive() {
    // The same five units under "all": a and c share the lowest total, 5.80 — both last,
    // a tie warning — and both are comprehensive advanced (c 5.80, a 5.80 and b 6.40 are
    // the three not vetoed), which raises a warning each.
    let rows = [
        ("a", "120", "1"),
        ("b", "110", "2"),
        ("c", "100", "1.8"),
        ("d", "95", "4"),
        ("e", "96", "4"),
    ];
    let (board, problems) = board_of(&project("last_place_among = \"all\"", &rows, ""));
    assert_eq!(ids(&board.units, |u| u.last_place), vec!["a", "c"]);
    assert_eq!(
        board.unit_rules.last_place,
        LastPlace::Lowest {
            total: d("5.80"),
            among: LastPlaceAmong::All
        }
    );
    assert!(unit(&board, "a").comprehensive && unit(&board, "c").comprehensive);
    let both: Vec<&str> = problems
        .iter()
        .filter_map(|p| match p {
            ProblemKind::LastPlaceComprehensive { unit } => Some(unit.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(both, vec!["a县", "c县"]);
    assert!(problems.iter().any(|p| matches!(
        p,
        ProblemKind::TieAtCut {
            cut: Cut::LastPlace,
            ..
        }
    )));
    // Under the default, neither: d is last, nobody is both.
    let (_, problems) = board_of(&project("", &rows, ""));
    assert!(
        !problems
            .iter()
            .any(|p| matches!(p, ProblemKind::LastPlaceComprehensive { .. }))
    );
}

const AWARD_ON_Q: &str = "[[awards]]\nid = \"qa\"\nname = \"单项\"\ncount = 1\nareas = [\"a\"]\n";

#[test]
fn single_item_awards_roll_down_past_comprehensive_winners() {
    // One comprehensive place. Totals: a 4.80+3 = 7.80 (comprehensive), b 4.40+1 = 5.40,
    // c 4.00+1 = 5.00. Award on q: a 4.80 is left out (名次顺移), so b 4.40 wins.
    let text = project(
        "comprehensive_awards = 1",
        &[("a", "120", "3"), ("b", "110", "1"), ("c", "100", "1")],
        AWARD_ON_Q,
    );
    let (board, _) = board_of(&text);
    assert_eq!(ids(&board.units, |u| u.comprehensive), vec!["a"]);
    assert_eq!(board.award("qa").unwrap().winners, vec!["b"]);
    assert_eq!(unit(&board, "b").awards, vec!["qa"]);
}

/// A second area `b` with a non-bonus indicator `r` (base 2, every unit meets it), and
/// an award on each area, for the single-item veto: `qa` counts q (which d fails), `ra`
/// counts r (which nobody fails).
fn two_awards(policy: &str, units: &[(&str, &str, &str)]) -> String {
    let awards = "[[awards]]\nid = \"qa\"\nname = \"单项q\"\ncount = 1\nareas = [\"a\"]\n\
                  [[awards]]\nid = \"ra\"\nname = \"单项r\"\ncount = 1\nareas = [\"b\"]\norganization = [\"f\"]\n\
                  [[areas]]\nid = \"b\"\nname = \"领域b\"\nmax = 2\n\
                  [[indicators]]\nid = \"r\"\narea = \"b\"\nname = \"指标r\"\nbase = 2\nresponsible = [\"dept\"]\n";
    let mut text = project(policy, units, awards);
    for (id, _, _) in units {
        text = text.replace(
            &format!("[scores.{id}.indicators]\n"),
            &format!("[scores.{id}.indicators]\nr = {{ target = 10, actual = 10 }}\n"),
        );
    }
    text
}

#[test]
fn a_vetoed_unit_loses_the_award_of_the_work_it_failed_to_the_runner_up() {
    // No comprehensive places. Award qf counts q and the organisation item f. d fails q
    // (95 of 100: 5% short = 2.5 steps of 2% → 4 − 2.5 × 5% × 4 = 3.50) and still leads
    // qf: 3.50 + 4 = 7.50, against c 4.00 + 3 = 7.00 and a 4.00 + 1 = 5.00.
    let award_qf = "[[awards]]\nid = \"qf\"\nname = \"单项qf\"\ncount = 1\nareas = [\"a\"]\norganization = [\"f\"]\n";
    let rows = [("a", "100", "1"), ("c", "100", "3"), ("d", "95", "4")];
    let text = project("comprehensive_awards = 0", &rows, award_qf);
    // Default (failed_area): d fails q, which qf counts → left out; c, the runner-up, wins.
    let (board, problems) = board_of(&text);
    let qf = board.award("qf").unwrap();
    assert_eq!(qf.winners, vec!["c"]);
    assert_eq!(
        qf.score_of("d").unwrap().left_out,
        Some(LeftOut::FailedArea(vec!["q".to_string()]))
    );
    assert_eq!(qf.score_of("d").unwrap().score, d("7.50"));
    assert!(
        !problems
            .iter()
            .any(|p| matches!(p, ProblemKind::VetoedWinner { .. }))
    );
    // "none": d wins with 7.50, and that is a warning naming d, the award and q.
    let none = project(
        "comprehensive_awards = 0\nsingle_item_veto = \"none\"",
        &rows,
        award_qf,
    );
    let (board, problems) = board_of(&none);
    assert_eq!(board.award("qf").unwrap().winners, vec!["d"]);
    assert!(problems.iter().any(|p| matches!(
        p,
        ProblemKind::VetoedWinner { unit, award, failed }
            if unit == "d县" && award == "单项qf" && failed == &vec!["指标".to_string()]
    )));
    // "all": d is left out as vetoed (LeftOut::Vetoed); c wins.
    let all = project(
        "comprehensive_awards = 0\nsingle_item_veto = \"all\"",
        &rows,
        award_qf,
    );
    let (board, _) = board_of(&all);
    let qf = board.award("qf").unwrap();
    assert_eq!(qf.winners, vec!["c"]);
    assert_eq!(qf.score_of("d").unwrap().left_out, Some(LeftOut::Vetoed));
}

#[test]
fn failed_area_leaves_a_vetoed_unit_in_the_awards_of_other_work_with_a_warning() {
    // Award ra counts r (everyone meets it: 2.00) and f. d is vetoed on q only, so under
    // the default it stays in ra: d 2 + 4 = 6.00 beats c 2 + 3 = 5.00 and a 2 + 1 = 3.00.
    // It wins, and the leading group is warned. Under "all" it is out and c wins.
    let rows = [("a", "100", "1"), ("c", "100", "3"), ("d", "95", "4")];
    let (board, problems) = board_of(&two_awards("comprehensive_awards = 0", &rows));
    let ra = board.award("ra").unwrap();
    assert_eq!(ra.winners, vec!["d"]);
    assert_eq!(ra.score_of("d").unwrap().score, d("6.00"));
    assert_eq!(ra.score_of("d").unwrap().left_out, None);
    assert!(problems.iter().any(|p| matches!(
        p,
        ProblemKind::VetoedWinner { unit, award, .. } if unit == "d县" && award == "单项r"
    )));
    let (board, _) = board_of(&two_awards(
        "comprehensive_awards = 0\nsingle_item_veto = \"all\"",
        &rows,
    ));
    assert_eq!(board.award("ra").unwrap().winners, vec!["c"]);
}

#[test]
fn the_older_veto_key_reads_as_all_or_none_and_beside_the_new_one_is_an_error() {
    // veto_blocks_single_item = true → "all": d (vetoed, best on f) is out, b wins.
    let award = "[[awards]]\nid = \"fa\"\nname = \"资金单项\"\ncount = 1\norganization = [\"f\"]\n";
    let rows = [("a", "120", "1"), ("b", "110", "2"), ("d", "95", "4")];
    let (board, _) = board_of(&project(
        "comprehensive_awards = 0\nveto_blocks_single_item = true",
        &rows,
        award,
    ));
    assert_eq!(board.award("fa").unwrap().winners, vec!["b"]);
    // = false → "none": d wins (f counts no indicator, so failed_area would agree).
    let (board, _) = board_of(&project(
        "comprehensive_awards = 0\nveto_blocks_single_item = false",
        &rows,
        award,
    ));
    assert_eq!(board.award("fa").unwrap().winners, vec!["d"]);
    // Both keys: an error at the older one.
    let both = project(
        "veto_blocks_single_item = true\nsingle_item_veto = \"all\"",
        &rows,
        award,
    );
    let a = analyze(&both);
    let errors: Vec<_> = a.problems.iter().filter(|p| p.is_error()).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].path.to_string(), "policy.veto_blocks_single_item");
    assert!(a.board.is_none());
}

#[test]
fn a_tie_at_a_single_item_cut_gives_all_and_warns_and_zero_wins_nothing() {
    // Award on f, no comprehensive places: a and b both have f = 2 → both win, a warning.
    let award = "[[awards]]\nid = \"fa\"\nname = \"资金单项\"\ncount = 1\norganization = [\"f\"]\n";
    let (board, problems) = board_of(&project(
        "comprehensive_awards = 0",
        &[("a", "100", "2"), ("b", "100", "2"), ("c", "100", "1")],
        award,
    ));
    assert_eq!(board.award("fa").unwrap().winners, vec!["a", "b"]);
    assert!(problems.iter().any(|p| matches!(
        p,
        ProblemKind::TieAtCut {
            cut: Cut::Award(_),
            ..
        }
    )));
    // Everyone at 0: nobody wins.
    let (board, _) = board_of(&project(
        "comprehensive_awards = 0",
        &[("a", "100", "0"), ("b", "100", "0")],
        award,
    ));
    assert!(board.award("fa").unwrap().winners.is_empty());
}

#[test]
fn penalties_are_subtracted_from_the_total() {
    // provincial 2 + municipal 1 + 0.5 points = 3.50; total = 1 + 0 + 4.00 − 3.50 = 1.50.
    let mut text = project("", &[("a", "100", "1")], "");
    text = text.replace(
        "[scores.a]\n",
        "[scores.a]\npenalties = [ { level = \"provincial\", note = \"省通报\" }, { level = \"municipal\", note = \"市通报\" }, { points = 0.5, note = \"x\" } ]\n",
    );
    let (board, _) = board_of(&text);
    let a = unit(&board, "a");
    assert_eq!(
        (a.penalty.to_string(), a.total.to_string()),
        ("3.50".into(), "1.50".into())
    );
    assert_eq!(a.total, a.organization + a.survey + a.task - a.penalty);
}

#[test]
fn departments_form_their_own_group_with_a_scaled_task_and_no_bonus_by_default() {
    // The department's row: q 110 of 100, over-completed by 10%. By default departments
    // earn the base for it: 4.00; task = 4 × 4.00 / 4 = 4.00; + organisation 2 = 6.00.
    let mut text = project("department_awards = 1", &[("a", "120", "1")], "");
    text.push_str("[scores.dept]\nsurvey = 0\norganization = { f = 2 }\n[scores.dept.indicators]\nq = { target = 100, actual = 110 }\n");
    let (board, _) = board_of(&text);
    assert_eq!(board.departments.len(), 1);
    let dept = &board.departments[0];
    assert_eq!(
        (dept.task.to_string(), dept.total.to_string()),
        ("4.00".into(), "6.00".into())
    );
    assert!(matches!(
        dept.item("q").unwrap().outcome,
        Outcome::Completed {
            bonus_off: true,
            best: false,
            ..
        }
    ));
    assert!(dept.comprehensive);
    assert_eq!(dept.rank, 1);
    assert!(!board.department_rules.bonus && board.unit_rules.bonus);
    // department_bonus = true: its own bonus race, in which it is alone and so the top:
    // 4 + 20% × 4 = 4.80; task 4 × 4.80 / 4 = 4.80; total 6.80.
    let on = text.replace("[policy]\n", "[policy]\ndepartment_bonus = true\n");
    let (board, _) = board_of(&on);
    let dept = &board.departments[0];
    assert_eq!(
        (dept.task.to_string(), dept.total.to_string()),
        ("4.80".into(), "6.80".into())
    );
    // The county's bonus is not affected by the department's result: still the top, 4.80.
    assert_eq!(unit(&board, "a").task.to_string(), "4.80");
}

#[test]
fn pending_units_are_flagged_and_scored_zero_where_missing() {
    let text = project("", &[("a", "100", "1")], "").replace(
        "[[units]]\nid = \"a\"",
        "[[units]]\nid = \"b\"\nname = \"b县\"\nkind = \"zone\"\n[[units]]\nid = \"a\"",
    );
    let (board, problems) = board_of(&text);
    let b = unit(&board, "b");
    assert!(b.pending.survey && b.pending.organization == 1 && b.pending.rows == 1);
    assert_eq!(b.total, Decimal::ZERO);
    assert!(!b.vetoed());
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, ProblemKind::Pending { rows: 1, .. }))
    );
}

// ---- what the scoreboard records of how it got each number ----------------------------

#[test]
fn a_shortfall_records_its_exact_steps_and_the_deduction_before_the_cap() {
    // 950 of 1000: s = 50/1000 = 5% = 2.5 steps of 2%; 2.5 × 5% × 4 = 0.50; cap 60% × 4.
    let s = shortfall(
        &policy(ShortfallMode::Proportional),
        d("4"),
        frac("50", "1000"),
    )
    .unwrap();
    assert_eq!(
        s,
        Shortfall {
            exact_steps: Some(d("2.5")),
            steps: d("2.5"),
            uncapped: Some(d("0.5")),
            cap: d("2.4"),
            deduction: d("0.5"),
            capped: false,
        }
    );
    // Whole steps: ⌊2.5⌋ = 2 → 2 × 5% × 4 = 0.40; started steps: ⌈2.5⌉ = 3 → 0.60.
    let full = shortfall(
        &policy(ShortfallMode::FullSteps),
        d("4"),
        frac("50", "1000"),
    )
    .unwrap();
    assert_eq!(
        (full.exact_steps, full.steps, full.uncapped, full.deduction),
        (Some(d("2.5")), d("2"), Some(d("0.4")), d("0.4"))
    );
    let started = shortfall(
        &policy(ShortfallMode::StartedSteps),
        d("4"),
        frac("50", "1000"),
    )
    .unwrap();
    assert_eq!(
        (started.exact_steps, started.steps, started.uncapped),
        (Some(d("2.5")), d("3"), Some(d("0.6")))
    );
    // On a step boundary the three modes agree: 40/1000 = 2 steps exactly → 0.40.
    for mode in [
        ShortfallMode::Proportional,
        ShortfallMode::FullSteps,
        ShortfallMode::StartedSteps,
    ] {
        let s = shortfall(&policy(mode), d("4"), frac("40", "1000")).unwrap();
        assert_eq!((s.exact_steps, s.steps), (Some(d("2")), d("2")), "{mode:?}");
        assert_eq!(s.deduction, d("0.4"));
    }
}

#[test]
fn a_capped_deduction_keeps_the_uncapped_value() {
    // 25% short = 12.5 steps; 12.5 × 5% × 4 = 2.50 > cap 2.40: 2.40 deducted.
    let s = shortfall(
        &policy(ShortfallMode::Proportional),
        d("4"),
        frac("250", "1000"),
    )
    .unwrap();
    assert_eq!((s.exact_steps, s.steps), (Some(d("12.5")), d("12.5")));
    assert_eq!(s.uncapped, Some(d("2.5")));
    assert_eq!((s.cap, s.deduction, s.capped), (d("2.4"), d("2.4"), true));
    // The compact form agrees.
    assert_eq!(
        shortfall_deduction(
            &policy(ShortfallMode::Proportional),
            d("4"),
            frac("250", "1000")
        ),
        Some((s.steps, s.deduction, s.capped))
    );
}

#[test]
fn a_scored_row_records_its_numbers_before_rounding() {
    let p = Policy::default();
    // Short: 950 of 1000 → earned 4 − 0.50 = 3.50, steps 2.5 exactly.
    let item = score_row(
        &p,
        &indicator("4", true, Direction::AtLeast),
        &quant("1000", "950"),
        None,
    )
    .unwrap();
    assert_eq!((item.exact, item.earned), (d("3.5"), d("3.50")));
    assert!(matches!(
        item.outcome,
        Outcome::Short { exact_steps: Some(e), uncapped: Some(u), cap, capped: false, .. }
            if e == d("2.5") && u == d("0.5") && cap == d("2.4")
    ));
    // A bonus of 0.1/0.3 × 20% × 0.05 = 0.00333…: base 0.05 + 0.00333… = 0.0533… → 0.05.
    let item = score_row(
        &p,
        &indicator("0.05", true, Direction::AtLeast),
        &quant("100", "110"),
        Some(frac("30", "100")),
    )
    .unwrap();
    assert_eq!(item.earned, d("0.05"));
    assert!(item.exact > d("0.0533") && item.exact < d("0.0534"));
    assert!(matches!(
        item.outcome,
        Outcome::Completed { best: false, .. }
    ));
    // The group's best (o = o_max = 0.1) is marked.
    let item = score_row(
        &p,
        &indicator("4", true, Direction::AtLeast),
        &quant("100", "110"),
        Some(frac("10", "100")),
    )
    .unwrap();
    assert!(matches!(
        item.outcome,
        Outcome::Completed { best: true, .. }
    ));
    // Met exactly (o = 0) is nobody's best, nor is a non-bonus indicator's over-completion.
    let item = score_row(
        &p,
        &indicator("4", false, Direction::AtLeast),
        &quant("100", "110"),
        None,
    )
    .unwrap();
    assert!(matches!(
        item.outcome,
        Outcome::Completed { best: false, .. }
    ));
}

#[test]
fn a_department_keeps_its_unrounded_task() {
    // 88 × 10 / 12 = 73.333… before rounding; no rows: 0.
    let exact = department_task_exact(d("88"), d("10"), d("12")).unwrap();
    assert!(exact > d("73.3333") && exact < d("73.3334"));
    assert_eq!(
        department_task_exact(d("88"), d("0"), d("0")),
        Some(Decimal::ZERO)
    );
    // On a board: a section of 1, the department's q 97 of 100 → 3% short = 1.5 steps →
    // 4 − 0.30 = 3.70; task = 1 × 3.70 / 4 = 0.925 → 0.93.
    let mut text = project("", &[("a", "120", "1")], "").replace(
        "total = 8\nsurvey = 0\ntask = 4",
        "total = 5\nsurvey = 0\ntask = 1",
    );
    text.push_str("[scores.dept]\nsurvey = 0\norganization = { f = 2 }\n[scores.dept.indicators]\nq = { target = 100, actual = 97 }\n");
    let (board, _) = board_of(&text);
    let dept = &board.departments[0];
    assert_eq!((dept.task_earned, dept.task_base), (d("3.70"), d("4")));
    assert_eq!((dept.task_exact, dept.task), (d("0.925"), d("0.93")));
    // A county's task needs no rounding: the sum itself.
    let a = unit(&board, "a");
    assert_eq!(a.task_exact, a.task);
}

#[test]
fn the_rank_among_units_not_vetoed_skips_a_vetoed_unit_above() {
    // d 7.50 is first but vetoed; c 7.00, b 6.40, a 5.80 are 1st, 2nd, 3rd among the rest.
    let text = project(
        "",
        &[
            ("a", "120", "1"),
            ("b", "110", "2"),
            ("c", "100", "3"),
            ("d", "95", "4"),
        ],
        "",
    );
    let (board, _) = board_of(&text);
    let ranks: Vec<(&str, u32, Option<u32>)> = board
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.rank, u.rank_eligible))
        .collect();
    assert_eq!(
        ranks,
        vec![
            ("d", 1, None),
            ("c", 2, Some(1)),
            ("b", 3, Some(2)),
            ("a", 4, Some(3))
        ]
    );
    let group = board.group_of(unit(&board, "a"));
    assert_eq!((group.places, group.eligible()), (3, 3));
    // Someone (d) is vetoed, so there is a last place: the lowest total among the units
    // not up to standard, d's own 7.50 (a's 5.80 is the lowest overall, but a completed
    // every target).
    assert_eq!(
        group.last_place,
        LastPlace::Lowest {
            total: d("7.50"),
            among: LastPlaceAmong::NotUpToStandard
        }
    );
    // A total of 7.00 would share 1st place among them; 6.50 would be 2nd.
    assert_eq!(group.rank_among_eligible(d("7.00")), 1);
    assert_eq!(group.rank_among_eligible(d("6.50")), 2);
    // The cut for a (3 places): the 3rd highest of the others not vetoed — only c and b
    // are, so there is none; with 2 places it is b's 6.40, with 1 c's 7.00.
    assert_eq!(group.cut_for("a"), None);
    assert_eq!(comprehensive_cut(&board.units, "a", 2), Some(d("6.40")));
    assert_eq!(comprehensive_cut(&board.units, "a", 1), Some(d("7.00")));
    assert_eq!(comprehensive_cut(&board.units, "a", 0), None);
    // Departments: their own places and no last place.
    let departments = board.group(kaoping::project::UnitKind::Department);
    assert_eq!(departments.places, 8);
    assert_eq!(departments.last_place, LastPlace::NoneForDepartments);
}

#[test]
fn the_board_records_why_there_is_no_last_place() {
    let rows = [("a", "120", "1"), ("b", "110", "2")];
    let (board, _) = board_of(&project("", &rows, ""));
    assert_eq!(board.unit_rules.last_place, LastPlace::NobodyVetoed);
    let rows = [("a", "120", "1"), ("d", "95", "4")];
    let (board, _) = board_of(&project("last_place = false", &rows, ""));
    assert_eq!(board.unit_rules.last_place, LastPlace::Off);
}

#[test]
fn award_scores_are_recorded_term_by_term_with_who_was_left_out() {
    // One comprehensive place: a 4.80 + 3 = 7.80 wins it and is left out of the award on q
    // and f; b 4.40 + 1, c 4.00 + 1. Award = q's earned + f.
    let award = "[[awards]]\nid = \"qa\"\nname = \"单项\"\ncount = 1\nareas = [\"a\"]\norganization = [\"f\"]\n";
    let text = project(
        "comprehensive_awards = 1",
        &[("a", "120", "3"), ("b", "110", "1"), ("c", "100", "1")],
        award,
    );
    let (board, _) = board_of(&text);
    let result = board.award("qa").unwrap();
    let a = result.score_of("a").unwrap();
    assert_eq!(a.terms, vec![d("4.80"), d("3.00")]);
    assert_eq!(
        (a.score, a.left_out.clone()),
        (d("7.80"), Some(LeftOut::Comprehensive))
    );
    let b = result.score_of("b").unwrap();
    assert_eq!((b.score, b.left_out.clone()), (d("5.40"), None));
    // Only the units not left out stand for it.
    assert_eq!(
        result.standings,
        vec![("b".to_string(), d("5.40")), ("c".to_string(), d("5.00"))]
    );
}

#[test]
fn organisation_items_and_penalties_are_recorded_as_counted() {
    // f = 1.005 → 1.01 (half-up); provincial 2, 0.125 points → 0.13.
    let mut text = project("", &[("a", "100", "1.005")], "");
    text = text.replace(
        "[scores.a]\n",
        "[scores.a]\npenalties = [ { level = \"provincial\" }, { points = 0.125 } ]\n",
    );
    let (board, _) = board_of(&text);
    let a = unit(&board, "a");
    assert_eq!(a.organization_items, vec![OrgScore::Scored(d("1.01"))]);
    assert_eq!(a.penalties, vec![d("2"), d("0.13")]);
    assert_eq!(a.penalty, d("2.13"));
}

#[test]
fn fractions_compare_by_cross_multiplication() {
    // 200/1000 = 60/300; 80/800 ≠ 200/1000.
    assert!(frac("200", "1000").same(frac("60", "300")));
    assert!(!frac("80", "800").same(frac("200", "1000")));
}

// ---- departments: what they are assessed on ---------------------------------------------

/// `project()` with a second indicator `r` (base 2, not a bonus indicator) the department
/// is responsible for too, with `aggregate = "sum"` when `summed`.
fn with_r(policy: &str, units: &[(&str, &str, &str)], summed: bool) -> String {
    let aggregate = if summed { "aggregate = \"sum\"\n" } else { "" };
    let r = format!(
        "[[indicators]]\nid = \"r\"\narea = \"a\"\nname = \"指标r\"\nbase = 2\nresponsible = [\"dept\"]\n{aggregate}"
    );
    project(policy, units, &r)
}

fn problem_kinds(text: &str) -> Vec<ProblemKind> {
    analyze(text).problems.into_iter().map(|p| p.kind).collect()
}

#[test]
fn a_department_missing_a_row_it_is_responsible_for_is_pending_and_counts_its_base() {
    // dept is responsible for q (base 4) and r (base 2), and enters q only: 100 of 100 →
    // 4.00. r is pending: 0 of 2. task = 4 × 4.00 / (4 + 2) = 2.666… → 2.67; + f 2 = 4.67.
    // (Before, leaving r out scored the department on q alone: 4.00.)
    let mut text = with_r("", &[("a", "100", "1")], false);
    text = text.replace(
        "[scores.a.indicators]\n",
        "[scores.a.indicators]\nr = { target = 10, actual = 10 }\n",
    );
    text.push_str("[scores.dept]\nsurvey = 0\norganization = { f = 2 }\n[scores.dept.indicators]\nq = { target = 100, actual = 100 }\n");
    let (board, problems) = board_of(&text);
    let dept = unit(&board, "dept");
    assert_eq!((dept.task_earned, dept.task_base), (d("4.00"), d("6")));
    assert_eq!((dept.task, dept.total), (d("2.67"), d("4.67")));
    assert_eq!(dept.pending.rows, 1);
    assert_eq!(dept.item("r").unwrap().outcome, Outcome::Pending);
    assert!(problems.iter().any(|p| matches!(
        p,
        ProblemKind::Pending { unit, rows: 1, .. } if unit == "市局"
    )));
    // A failed target cannot vanish by leaving its row out: with q 90 of 100 entered and
    // r left out, the department is vetoed and r still counts its base.
    let short = text.replace(
        "q = { target = 100, actual = 100 }\n",
        "q = { target = 100, actual = 90 }\n",
    );
    let (board, _) = board_of(&short);
    assert_eq!(unit(&board, "dept").failed, vec!["q"]);
}

#[test]
fn a_department_row_for_an_indicator_it_is_not_responsible_for_is_an_error() {
    // dept2 leads nothing and is responsible for nothing: its row for q is an error.
    let mut text = project(
        "",
        &[("a", "100", "1")],
        "[[departments]]\nid = \"dept2\"\nname = \"市局二\"\n",
    );
    text.push_str("[scores.dept2]\nsurvey = 0\n[scores.dept2.indicators]\nq = { target = 100, actual = 100 }\n");
    let a = analyze(&text);
    let errors: Vec<_> = a.problems.iter().filter(|p| p.is_error()).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(matches!(
        &errors[0].kind,
        ProblemKind::DepartmentNotResponsible { department, indicator }
            if department == "市局二" && indicator == "指标"
    ));
    assert_eq!(errors[0].path.to_string(), "scores.dept2.indicators.q");
}

#[test]
fn an_aggregate_row_is_the_sum_of_the_units_rows() {
    // r has aggregate = "sum"; the department enters q only. a: r 10 of 8, b: r 9 of 12
    // (25% short, vetoes b) → the department's r: 10 + 9 = 19 of 8 + 12 = 20, 5% short =
    // 2.5 steps of 2% × 5% × 2 = 0.25 → 1.75, and it vetoes the department.
    // task = 4 × (4.00 + 1.75) / 6 = 3.8333… → 3.83.
    let mut text = with_r("", &[("a", "100", "1"), ("b", "100", "1")], true);
    text = text
        .replace(
            "[scores.a.indicators]\n",
            "[scores.a.indicators]\nr = { target = 8, actual = 10 }\n",
        )
        .replace(
            "[scores.b.indicators]\n",
            "[scores.b.indicators]\nr = { target = 12, actual = 9 }\n",
        );
    let dept = "[scores.dept]\nsurvey = 0\norganization = { f = 2 }\n[scores.dept.indicators]\nq = { target = 100, actual = 100 }\n";
    let (board, _) = board_of(&format!("{text}{dept}"));
    let d_ = unit(&board, "dept");
    let r = d_.item("r").unwrap();
    assert!(
        matches!(
            r.outcome,
            Outcome::Short { target, actual, .. } if target == d("20") && actual == d("19")
        ),
        "{:?}",
        r
    );
    assert_eq!(r.earned, d("1.75"));
    let sum = r.sum.as_ref().unwrap();
    assert_eq!(
        (sum.units.clone(), sum.waiting.len()),
        (vec!["a".to_string(), "b".to_string()], 0)
    );
    assert_eq!(d_.failed, vec!["r"]);
    assert_eq!(d_.task, d("3.83"));
    // A row of its own wins over the sum: r 20 of 20 → 2.00; task 4 × 6 / 6 = 4.00.
    let own = dept.replace(
        "q = { target = 100, actual = 100 }\n",
        "q = { target = 100, actual = 100 }\nr = { target = 20, actual = 20 }\n",
    );
    let (board, _) = board_of(&format!("{text}{own}"));
    let d_ = unit(&board, "dept");
    assert!(d_.item("r").unwrap().sum.is_none());
    assert_eq!(d_.task, d("4.00"));
    // While a unit's row is pending (b has no r), the sum is pending, waiting for b.
    let waiting = text.replace("r = { target = 12, actual = 9 }\n", "");
    let (board, problems) = board_of(&format!("{waiting}{dept}"));
    let r = unit(&board, "dept").item("r").unwrap().clone();
    assert_eq!(r.outcome, Outcome::Pending);
    assert_eq!(r.sum.unwrap().waiting, vec!["b".to_string()]);
    // The warning says whose entry it waits for: b's, not the department's.
    let said: Vec<_> = problems
        .iter()
        .filter(|p| matches!(p, ProblemKind::Pending { unit, .. } if unit == "市局"))
        .collect();
    assert!(
        matches!(
            said.as_slice(),
            [ProblemKind::Pending { rows: 0, derived: 1, waiting_on, .. }] if waiting_on == &vec!["b县".to_string()]
        ),
        "{said:?}"
    );
}

#[test]
fn an_aggregate_row_sums_the_pilot_units_only() {
    // r is piloted in a only; b is scored on preparation (prep 1). The department's r is
    // a's row alone: 10 of 8 → completed, 2.00 (no bonus indicator).
    let mut text = with_r("", &[("a", "100", "1"), ("b", "100", "1")], true).replace(
        "aggregate = \"sum\"\n",
        "aggregate = \"sum\"\npilot = [\"a\"]\n",
    );
    text = text
        .replace(
            "[scores.a.indicators]\n",
            "[scores.a.indicators]\nr = { target = 8, actual = 10 }\n",
        )
        .replace(
            "[scores.b.indicators]\n",
            "[scores.b.indicators]\nr = { prep = 1 }\n",
        );
    text.push_str("[scores.dept]\nsurvey = 0\norganization = { f = 2 }\n[scores.dept.indicators]\nq = { target = 100, actual = 100 }\n");
    let (board, _) = board_of(&text);
    let r = unit(&board, "dept").item("r").unwrap().clone();
    assert!(
        matches!(r.outcome, Outcome::Completed { target, actual, .. } if target == d("8") && actual == d("10"))
    );
    assert_eq!(r.sum.unwrap().units, vec!["a".to_string()]);
}

// ---- organisation items, indicator kinds ---------------------------------------------------

#[test]
fn an_organisation_item_that_does_not_apply_is_not_scored_and_not_pending() {
    // f applies to counties and the zone only; the department has a second item g (max 1)
    // that applies to all. dept: g = 1, q 100 of 100 → task 4.00; total 1 + 4.00 = 5.00,
    // not pending for f, and its organisation maximum is g's 1.
    let mut text = project("", &[("a", "100", "1")], "")
        .replace(
            "max = 4\n[[departments]]",
            "max = 4\napplies_to = [\"county\", \"zone\"]\nlead = \"dept\"\n[[organization]]\nid = \"g\"\nname = \"组织领导\"\nmax = 1\n[[departments]]",
        )
        .replace("organization = { f = 1 }", "organization = { f = 1, g = 1 }");
    text.push_str("[scores.dept]\nsurvey = 0\norganization = { g = 1 }\n[scores.dept.indicators]\nq = { target = 100, actual = 100 }\n");
    let (board, _) = board_of(&text);
    let dept = unit(&board, "dept");
    assert_eq!(
        dept.organization_items,
        vec![OrgScore::NotApplicable, OrgScore::Scored(d("1.00"))]
    );
    assert_eq!((dept.organization, dept.total), (d("1.00"), d("5.00")));
    assert_eq!(dept.organization_max, d("1"));
    assert!(!dept.pending.any());
    // The county is scored on both: 1 + 1 = 2.00, of 4 + 1 = 5.
    let a = unit(&board, "a");
    assert_eq!((a.organization, a.organization_max), (d("2.00"), d("5")));
    // A value for f in the department's sheet is an error.
    let wrong = text.replace(
        "organization = { g = 1 }",
        "organization = { f = 1, g = 1 }",
    );
    assert!(problem_kinds(&wrong).iter().any(|k| matches!(
        k,
        ProblemKind::OrgItemNotApplicable { item, unit } if item == "资金" && unit == "市局"
    )));
    // f's lead must be a department.
    let bad_lead = text.replace(
        "lead = \"dept\"\n[[organization]]",
        "lead = \"nobody\"\n[[organization]]",
    );
    assert!(problem_kinds(&bad_lead).iter().any(|k| matches!(
        k,
        ProblemKind::UnknownRef { id, .. } if id == "nobody"
    )));
}

#[test]
fn an_indicators_kind_fixes_its_rows_kind() {
    // q is quantitative; a qualitative row for it is an error, a quantitative one is not.
    let text = project("", &[("a", "100", "1")], "").replace(
        "responsible = [\"dept\"]\n",
        "responsible = [\"dept\"]\nkind = \"quantitative\"\n",
    );
    assert!(analyze(&text).board.is_some());
    let wrong = text.replace(
        "q = { target = 100, actual = 100 }",
        "q = { status = \"complete\" }",
    );
    assert!(problem_kinds(&wrong).iter().any(|k| matches!(
        k,
        ProblemKind::RowKindMismatch {
            kind: kaoping::project::RowKind::Quantitative,
            ..
        }
    )));
}

// ---- advanced individuals ---------------------------------------------------------------

#[test]
fn individuals_have_their_quotas_and_nominations_off_the_quota_are_warned() {
    // Counties 4 places (a, b), the zone 2 (z); dept is in the matrix: the default 2;
    // dept2 has its own quota 3; dept3 appears nowhere: none. a nominates 4 (as many as
    // its places), b 1 (short), z 3 (over), dept none yet (no warning), dept2 3.
    let mut text = project(
        "",
        &[("a", "100", "1"), ("b", "100", "1")],
        "[[departments]]\nid = \"dept2\"\nname = \"市局二\"\nquota = 3\n[[departments]]\nid = \"dept3\"\nname = \"市局三\"\n",
    )
    .replace(
        "[[units]]\nid = \"a\"",
        "[[units]]\nid = \"z\"\nname = \"开发区\"\nkind = \"zone\"\n[[units]]\nid = \"a\"",
    );
    let nominate = |unit: &str, n: usize| -> String {
        (0..n)
            .map(|i| format!("[[nominees]]\nunit = \"{unit}\"\nname = \"{unit}{i}\"\n"))
            .collect()
    };
    let at = text.find("[scores.").unwrap();
    let people = [
        nominate("a", 4),
        nominate("b", 1),
        nominate("z", 3),
        nominate("dept2", 3),
    ]
    .concat();
    text.insert_str(at, &people);
    let (board, problems) = board_of(&text);
    let quotas: Vec<(&str, u32, usize)> = board
        .individuals
        .iter()
        .map(|i| (i.id.as_str(), i.quota, i.nominees.len()))
        .collect();
    // In the file's order, counties and the zone then departments; dept3 has neither.
    assert_eq!(
        quotas,
        vec![
            ("z", 2, 3),
            ("a", 4, 4),
            ("b", 4, 1),
            ("dept", 2, 0),
            ("dept2", 3, 3),
        ]
    );
    let off: Vec<(String, u32, usize)> = problems
        .iter()
        .filter_map(|p| match p {
            ProblemKind::NomineesOffQuota { unit, quota, count } => {
                Some((unit.clone(), *quota, *count))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        off,
        vec![("开发区".to_string(), 2, 3), ("b县".to_string(), 4, 1)]
    );
    // A nominee of a unit that does not exist is an error.
    let stray = text.replacen("unit = \"a\"", "unit = \"nowhere\"", 1);
    assert!(problem_kinds(&stray).iter().any(|k| matches!(
        k,
        ProblemKind::UnknownRef { id, .. } if id == "nowhere"
    )));
}

// ---- plausibility and the procedure -----------------------------------------------------

#[test]
fn a_row_far_off_its_target_is_a_warning_naming_whom_it_lowers() {
    // q: a 1200 of 100 (an actual typed ten times too large: o = 11, the best), b 110
    // (o = 0.1: bonus 0.1 / 11 × 0.8 = 0.0072… → 4.01 instead of 4.80), c 100 (o = 0: no
    // bonus to lower), d 40 (60% short: off by more than 0.5 too, but it lowers nobody).
    let units = [
        ("a", "1200", "1"),
        ("b", "110", "1"),
        ("c", "100", "1"),
        ("d", "40", "1"),
    ];
    let (board, problems) = board_of(&project("", &units, ""));
    assert_eq!(unit(&board, "b").item("q").unwrap().earned, d("4.01"));
    let warned: Vec<(String, Decimal, Vec<String>)> = problems
        .iter()
        .filter_map(|p| match p {
            ProblemKind::Implausible(row) => {
                Some((row.unit.clone(), row.completion, row.lowers.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        warned,
        vec![
            ("a县".to_string(), d("12"), vec!["b县".to_string()]),
            ("d县".to_string(), d("0.4"), vec![]),
        ]
    );
    // One row asked alone (what the terminal program asks while a value is typed) is
    // judged as in the list: the same warning, the same place, nothing for a plausible row.
    let text = project("", &units, "");
    let a = analyze(&text);
    let (p, board) = (a.project.as_ref().unwrap(), a.board.as_ref().unwrap());
    let listed: Vec<_> = a
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::Implausible(_)))
        .map(|p| (p.kind.clone(), p.path.clone()))
        .collect();
    let one_by_one: Vec<_> = ["a", "b", "c", "d", "nowhere"]
        .iter()
        .filter_map(|u| kaoping::check::implausible_warning(p, board, u, "q"))
        .map(|p| (p.kind, p.path))
        .collect();
    assert_eq!(one_by_one, listed);
    assert!(kaoping::check::implausible_warning(p, board, "a", "no-such-row").is_none());
    // 0 switches it off.
    let (_, problems) = board_of(&project("plausible_deviation = 0", &units, ""));
    assert!(
        !problems
            .iter()
            .any(|p| matches!(p, ProblemKind::Implausible(_)))
    );
}

#[test]
fn procedure_steps_due_out_of_order_are_a_warning() {
    // The regulation's own: the lead units deliver (20 January) before the responsible
    // departments send them the results (25 January).
    let steps = "[[procedure]]\nid = \"self-check\"\nname = \"总结自查\"\ndue = 2027-01-10\nreturns = \"units\"\n\
                 [[procedure]]\nid = \"assessment\"\nname = \"责任单位评分\"\ndue = 2027-01-25\nreturns = \"departments\"\n\
                 [[procedure]]\nid = \"collection\"\nname = \"牵头单位报送\"\ndue = 2027-01-20\n\
                 [[procedure]]\nid = \"ranking\"\nname = \"汇总排名\"\ndue = 2027-01-30\n";
    let text = project("", &[("a", "100", "1")], steps);
    let a = analyze(&text);
    let out_of_order: Vec<_> = a
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::ProcedureOutOfOrder { .. }))
        .collect();
    assert_eq!(out_of_order.len(), 1);
    assert_eq!(out_of_order[0].path.to_string(), "procedure[2].due");
    assert!(matches!(
        &out_of_order[0].kind,
        ProblemKind::ProcedureOutOfOrder { step, earlier, .. }
            if step == "牵头单位报送" && earlier == "责任单位评分"
    ));
    // A due date that is not a date is an error.
    let quoted = text.replace("due = 2027-01-30", "due = \"2027-01-30\"");
    assert!(analyze(&quoted).problems.iter().any(|p| p.is_error()));
}

#[test]
fn a_shown_deduction_and_bonus_add_up_with_the_base_to_the_score() {
    // 丙县's new-jobs (base 4) 5.25% short: 2.625 steps of 2% × 5% × 4 = 0.525; earned
    // 4 − 0.525 = 3.475 → 3.48 (half-up). The deduction shown is 4 − 3.48 = 0.52, not
    // 0.525 rounded on its own (0.53, and 4 − 0.53 ≠ 3.48).
    let text = include_str!("fixtures/worked.toml").replacen(
        "new-jobs = { target = 1000, actual = 950 }",
        "new-jobs = { target = 10000, actual = 9475 }",
        1,
    );
    let board = analyze(&text).board.unwrap();
    let item = board.find("bing").unwrap().item("new-jobs").unwrap();
    assert_eq!(item.earned, d("3.48"));
    assert_eq!(item.shown_deduction(), Some(d("0.52")));
    assert_eq!(item.base - item.shown_deduction().unwrap(), item.earned);
    // 甲县's new-jobs bonus: its own numbers, shown so that base + bonus = earned.
    let jia = board.find("jia").unwrap().item("new-jobs").unwrap();
    assert_eq!(jia.base + jia.shown_bonus().unwrap(), jia.earned);
}

/// A department with a score sheet that no indicator names responsible has no task to be
/// assessed on: a warning says so (its task counts 0, so only organisation and survey
/// rank it).
#[test]
fn a_department_responsible_for_nothing_is_warned_about() {
    let worked = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/worked.toml"
    ))
    .unwrap();
    let text = worked.replace(
        "[[units]]\nid = \"jia\"",
        "[[departments]]\nid = \"disabled\"\nname = \"市残联\"\n\n[[units]]\nid = \"jia\"",
    ) + "\n[scores.disabled]\nsurvey = 5\n";
    let (board, problems) = board_of(&text);
    assert_eq!(unit(&board, "disabled").task, Decimal::ZERO);
    let warned: Vec<&ProblemKind> = problems
        .iter()
        .filter(|k| matches!(k, ProblemKind::DepartmentWithoutTask { .. }))
        .collect();
    assert_eq!(
        warned,
        vec![&ProblemKind::DepartmentWithoutTask {
            unit: "市残联".into()
        }]
    );
    // The worked example's departments are responsible for something: no such warning.
    let (_, problems) = board_of(&worked);
    assert!(
        !problems
            .iter()
            .any(|k| matches!(k, ProblemKind::DepartmentWithoutTask { .. }))
    );
}

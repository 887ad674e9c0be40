//! The incremental rescoring of an edit of one score sheet (`kaoping::scoring::rescore`,
//! and `kaoping::check::check_and_rescore` with the problems) against the reference, a
//! full `check_and_score`: random sequences of score-sheet edits — rows of every kind,
//! survey, organisation items, penalties, of counties, the zone and departments — on
//! generated projects (`tests/common/generated.rs`, shared with tests/properties.rs), each step
//! scored from the previous step's incremental scoreboard, compared field by field and
//! to the digit (their `Debug` text shows every decimal's scale) after every step.

use kaoping::check::{check, check_and_rescore, check_and_score};
use kaoping::edit::{Edit, apply_to_project};
use kaoping::project::{Penalty, PenaltyKind, Project, Row};
use kaoping::scoring::SheetChange;
use proptest::prelude::*;
use rust_decimal::Decimal;

mod common;
use common::generated::*;

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

//! The lists of the reports: the awards with their standings, the advanced individuals,
//! the responsibility matrix, the warnings.

use super::{Cell, Row, Table, names, yes};
use crate::i18n::{ExportText, T};
use crate::project::{Role, UnitKind};
use crate::report::RankInput;
use crate::scoring::{UnitResult, competition_ranks};
use crate::text::clean;
use rust_decimal::Decimal;

/// Competition places of scores sorted highest first (1, 2, 2, 4), as the scoreboard
/// ranks ([`competition_ranks`]).
fn places_of(scores: &[Decimal]) -> Vec<u32> {
    competition_ranks(scores)
        .into_iter()
        .map(|(place, _)| place)
        .collect()
}

/// One award's rows: its name and places on every row, the winners on the first, then
/// each unit of the standings with its score and whether it won.
fn award_rows(
    input: &RankInput,
    award: String,
    places: Cell,
    winners: &[String],
    standings: &[(String, Decimal)],
) -> Vec<Row> {
    let lang = input.lang;
    let winner_names = if winners.is_empty() {
        T::NoWinner.get(lang).to_string()
    } else {
        names(input, winners)
    };
    let scores: Vec<Decimal> = standings.iter().map(|(_, s)| *s).collect();
    let vetoed = |id: &str| input.board.find(id).is_some_and(UnitResult::vetoed);
    let mut rows: Vec<Row> = standings
        .iter()
        .zip(places_of(&scores))
        .map(|((id, score), place)| {
            // A vetoed winner is marked: the leading group confirms it.
            let won = if winners.contains(id) && vetoed(id) {
                Cell::Alert(T::ExportWonVetoed.get(lang).to_string())
            } else {
                yes(winners.contains(id), lang)
            };
            Row::new(vec![
                Cell::text(&award),
                places.clone(),
                Cell::Empty,
                Cell::Int(place),
                Cell::text(input.project.name_of(id)),
                Cell::Score(*score),
                won,
            ])
        })
        .collect();
    if rows.is_empty() {
        rows.push(Row::new(vec![
            Cell::text(&award),
            places,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ]));
    }
    rows[0].cells[2] = Cell::text(winner_names);
    rows
}

/// Every award: comprehensive advanced (both groups, standings = the units not vetoed by
/// total), each single-item award (standings after roll-down), and last place.
pub(crate) fn awards(input: &RankInput) -> Table {
    let lang = input.lang;
    let policy = &input.project.policy;
    let header = [
        T::ExportAward,
        T::ExportPlaces,
        T::ExportWinners,
        T::ExportStanding,
        T::ExportUnit,
        T::ExportAwardScore,
        T::ExportWon,
    ]
    .iter()
    .map(|t| t.get(lang).to_string())
    .collect();
    let mut rows = Vec::new();
    let comprehensive = |group: &[UnitResult]| -> (Vec<String>, Vec<(String, Decimal)>) {
        let winners = group
            .iter()
            .filter(|u| u.comprehensive)
            .map(|u| u.id.clone())
            .collect();
        let standings = group
            .iter()
            .filter(|u| !u.vetoed())
            .map(|u| (u.id.clone(), u.total))
            .collect();
        (winners, standings)
    };
    let (winners, standings) = comprehensive(&input.board.units);
    rows.extend(award_rows(
        input,
        T::ExportComprehensiveUnits.get(lang).to_string(),
        Cell::Int(input.board.group(UnitKind::County).places),
        &winners,
        &standings,
    ));
    if !input.board.departments.is_empty() {
        let (winners, standings) = comprehensive(&input.board.departments);
        rows.extend(award_rows(
            input,
            T::ExportComprehensiveDepartments.get(lang).to_string(),
            Cell::Int(input.board.group(UnitKind::Department).places),
            &winners,
            &standings,
        ));
    }
    for award in &input.board.awards {
        rows.extend(award_rows(
            input,
            award.name.clone(),
            Cell::Int(award.count),
            &award.winners,
            &award.standings,
        ));
    }
    if policy.last_place {
        let last: Vec<&UnitResult> = input.board.units.iter().filter(|u| u.last_place).collect();
        let ids: Vec<String> = last.iter().map(|u| u.id.clone()).collect();
        let standings: Vec<(String, Decimal)> =
            last.iter().map(|u| (u.id.clone(), u.total)).collect();
        let mut last_rows = award_rows(
            input,
            T::ExportLastPlace.get(lang).to_string(),
            Cell::Empty,
            &ids,
            &standings,
        );
        // Last place is no award: its rank is the unit's rank, and nobody "wins" it.
        for (row, u) in last_rows.iter_mut().zip(&last) {
            row.cells[3] = Cell::Int(u.rank);
            row.cells[6] = Cell::Empty;
        }
        rows.extend(last_rows);
    }
    Table {
        header,
        rows,
        note_column: None,
    }
}

// ---- the advanced individuals ------------------------------------------------------

/// 先进个人: each county, the zone and each department with places or nominees — its
/// places, how many it nominates, their names, and how far that is from the places
/// (等额推荐 asks for exactly as many).
pub(crate) fn individuals(input: &RankInput) -> Table {
    let lang = input.lang;
    let text = ExportText(lang);
    let header = [
        T::ExportUnit,
        T::ExportQuota,
        T::ExportNominated,
        T::ExportNominees,
        T::ExportNote,
    ]
    .iter()
    .map(|t| t.get(lang).to_string())
    .collect();
    let mut rows: Vec<Row> = input
        .board
        .individuals
        .iter()
        .map(|i| {
            let count = i.nominees.len();
            let quota = i.quota as usize;
            let note = if count == 0 {
                Cell::Text(text.nominees_none())
            } else if count < quota {
                Cell::Alert(text.nominees_short(quota - count))
            } else if count > quota {
                Cell::Alert(text.nominees_over(count - quota))
            } else {
                Cell::Empty
            };
            let nominees: Vec<String> = i.nominees.iter().map(|n| clean(n)).collect();
            Row::new(vec![
                Cell::text(&i.name),
                Cell::Int(i.quota),
                Cell::Int(count as u32),
                Cell::text(crate::i18n::ExplainText(lang).list(&nominees)),
                note,
            ])
        })
        .collect();
    if rows.is_empty() {
        rows.push(Row::new(vec![
            Cell::Text(T::ExportNoIndividuals.get(lang).to_string()),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ]));
    }
    Table {
        header,
        rows,
        note_column: Some(3),
    }
}

// ---- the responsibility matrix -------------------------------------------------------

/// Indicators × departments: each cell the department's role (牵头 / 责任 / 协办).
pub(crate) fn matrix(input: &RankInput) -> Table {
    let lang = input.lang;
    let project = input.project;
    let mut header: Vec<String> = [
        T::ExportArea,
        T::ExportIndicator,
        T::ExportBase,
        T::ExportBonusIndicator,
    ]
    .iter()
    .map(|t| t.get(lang).to_string())
    .collect();
    header.extend(project.departments.iter().map(|d| clean(&d.name)));
    let rows = project
        .indicators
        .iter()
        .map(|ind| {
            let area = project.area(&ind.area).map_or(&ind.area, |a| &a.name);
            let mut cells = vec![
                Cell::text(area),
                Cell::text(&ind.name),
                Cell::Value(ind.base),
                yes(ind.bonus, lang),
            ];
            cells.extend(
                project
                    .departments
                    .iter()
                    .map(|d| match ind.role_of(&d.id) {
                        Some(Role::Lead) => Cell::Text(T::ExportRoleLead.get(lang).to_string()),
                        Some(Role::Responsible) => {
                            Cell::Text(T::ExportRoleResponsible.get(lang).to_string())
                        }
                        Some(Role::Co) => Cell::Text(T::ExportRoleCo.get(lang).to_string()),
                        None => Cell::Empty,
                    }),
            );
            Row::new(cells)
        })
        .collect::<Vec<Row>>();
    // The organisation items a department leads (资金落实 → 市财政), under 组织实施.
    let mut rows = rows;
    for item in project.organization.iter().filter(|o| o.lead.is_some()) {
        let mut cells = vec![
            Cell::Text(T::ExportOrganization.get(lang).to_string()),
            Cell::text(&item.name),
            Cell::Value(item.max),
            Cell::Empty,
        ];
        cells.extend(project.departments.iter().map(|d| {
            if item.lead.as_deref() == Some(d.id.as_str()) {
                Cell::Text(T::ExportRoleLead.get(lang).to_string())
            } else {
                Cell::Empty
            }
        }));
        rows.push(Row::new(cells));
    }
    Table {
        header,
        rows,
        note_column: None,
    }
}

// ---- the problems ------------------------------------------------------------------

/// The scheme's warnings: where, and what.
pub(crate) fn problems(input: &RankInput) -> Table {
    let lang = input.lang;
    let header = [T::ExportNumber, T::ExportWhere, T::ExportProblem]
        .iter()
        .map(|t| t.get(lang).to_string())
        .collect();
    let mut rows: Vec<Row> = input
        .warnings
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let place = if p.path.is_root() {
                String::new()
            } else {
                p.path.to_string()
            };
            Row::new(vec![
                Cell::Int(n as u32 + 1),
                Cell::text(place),
                Cell::text(crate::i18n::problem_message(&p.kind, lang)),
            ])
        })
        .collect();
    if rows.is_empty() {
        rows.push(Row::new(vec![
            Cell::Empty,
            Cell::Empty,
            Cell::Text(T::ExportNoWarnings.get(lang).to_string()),
        ]));
    }
    Table {
        header,
        rows,
        note_column: Some(2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_competition_ranks() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            places_of(&[d("5"), d("4"), d("4"), d("3")]),
            vec![1, 2, 2, 4]
        );
        assert!(places_of(&[]).is_empty());
    }
}

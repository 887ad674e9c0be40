//! The rows each pane shows, derived from the project: the matrix's areas and
//! indicators, the entry pane's units, the lines of a unit's sheet and the fields of each,
//! and the lines of the 先进个人 view, derived from the scores.

use crate::project::{Project, Row, RowKind, UnitKind};
use crate::scoring::Scoreboard;

/// A row of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixRow {
    Area(usize),
    Indicator(usize),
    /// An item of 组织实施, with its lead department (资金落实 → 市财政).
    OrgItem(usize),
}

/// Areas in order, each followed by its indicators; then the organisation items.
pub fn matrix_rows(p: &Project) -> Vec<MatrixRow> {
    let mut rows = Vec::with_capacity(p.areas.len() + p.indicators.len() + p.organization.len());
    for (ai, area) in p.areas.iter().enumerate() {
        rows.push(MatrixRow::Area(ai));
        rows.extend(
            p.indicators
                .iter()
                .enumerate()
                .filter(|(_, i)| i.area == area.id)
                .map(|(ii, _)| MatrixRow::Indicator(ii)),
        );
    }
    rows.extend((0..p.organization.len()).map(MatrixRow::OrgItem));
    rows
}

/// A unit of the entry list: a county, the zone or a department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryUnit {
    pub id: String,
    pub name: String,
    pub department: bool,
}

/// Counties and the zone, then the departments.
pub fn entry_units(p: &Project) -> Vec<EntryUnit> {
    p.units
        .iter()
        .map(|u| EntryUnit {
            id: u.id.clone(),
            name: u.name.clone(),
            department: false,
        })
        .chain(p.departments.iter().map(|d| EntryUnit {
            id: d.id.clone(),
            name: d.name.clone(),
            department: true,
        }))
        .collect()
}

/// A line of a unit's score sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    Org(usize),
    Survey,
    /// The heading of an area (the cursor passes over it).
    Area(usize),
    /// An indicator row, by indicator index.
    Row(usize),
    Penalty(usize),
    /// "No penalties" (where `a` adds one).
    NoPenalty,
}

/// The lines of a unit's sheet: the organisation items that apply to it, survey, its
/// indicators (a county's: those that apply to it; a department's: those it is
/// responsible for or has a row for), penalties.
pub fn sheet_lines(p: &Project, unit: &str) -> Vec<Line> {
    let department = p.department(unit).is_some();
    let sheet = p.scores.get(unit);
    // The organisation items that apply to it (`applies_to`): the others take no value.
    let kind = p.kind_of(unit).unwrap_or_default();
    let mut lines: Vec<Line> = p
        .organization
        .iter()
        .enumerate()
        .filter(|(_, o)| o.applies(kind))
        .map(|(n, _)| Line::Org(n))
        .collect();
    lines.push(Line::Survey);
    for (ai, area) in p.areas.iter().enumerate() {
        let rows: Vec<Line> = p
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, i)| i.area == area.id)
            .filter(|(_, ind)| {
                if department {
                    ind.assesses(unit) || sheet.is_some_and(|s| s.indicators.contains_key(&ind.id))
                } else {
                    ind.applies_to(unit)
                }
            })
            .map(|(ii, _)| Line::Row(ii))
            .collect();
        if !rows.is_empty() {
            lines.push(Line::Area(ai));
            lines.extend(rows);
        }
    }
    let penalties = sheet.map_or(0, |s| s.penalties.len());
    if penalties == 0 {
        lines.push(Line::NoPenalty);
    }
    lines.extend((0..penalties).map(Line::Penalty));
    lines
}

/// What the cursor can stand on in a sheet line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Value,
    Target,
    Actual,
    Status,
    Deduction,
    Prep,
    Level,
    Note,
}

/// The most fields a sheet line has (a target and an actual; a status and a deduction).
pub const MAX_LINE_FIELDS: usize = 2;

/// The fields of a line, in display order.
pub fn line_fields(p: &Project, unit: &str, line: Line) -> &'static [Field] {
    match line {
        Line::Org(_) | Line::Survey => &[Field::Value],
        Line::Row(ii) => {
            let Some(ind) = p.indicators.get(ii) else {
                return &[];
            };
            let department = p.department(unit).is_some();
            if !department && !ind.is_pilot(unit) {
                return &[Field::Prep];
            }
            // A row entered keeps its kind; a new one is of the indicator's `kind`.
            match p.scores.get(unit).and_then(|s| s.indicators.get(&ind.id)) {
                Some(Row::Qualitative { .. }) => &[Field::Status, Field::Deduction],
                None if ind.kind == Some(RowKind::Qualitative) => {
                    &[Field::Status, Field::Deduction]
                }
                _ => &[Field::Target, Field::Actual],
            }
        }
        Line::Penalty(_) => &[Field::Level, Field::Note],
        Line::NoPenalty | Line::Area(_) => &[],
    }
}

/// Whether a unit id is a county or the zone (not a department).
pub fn is_county_or_zone(p: &Project, id: &str) -> bool {
    p.unit(id)
        .is_some_and(|u| matches!(u.kind, UnitKind::County | UnitKind::Zone))
}

/// A line of the 先进个人 view (in the ranking pane): a group's heading, a unit's line (with
/// its first nominee, if any), or one of its further nominees. Units by their index in
/// `Scoreboard::individuals`, nominees by theirs in the unit's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndividualLine {
    /// The heading of the counties and the zone (`false`) or of the departments (`true`).
    Heading(bool),
    Unit(usize),
    Nominee(usize, usize),
}

/// The lines of the 先进个人 view: the counties and the zone, then the departments, each
/// group under its heading; a unit takes a line for each of its nominees (one when it has
/// none).
pub fn individual_lines(board: &Scoreboard) -> Vec<IndividualLine> {
    let mut lines = Vec::new();
    let mut group = None;
    for (n, unit) in board.individuals.iter().enumerate() {
        let department = unit.kind == UnitKind::Department;
        if group != Some(department) {
            group = Some(department);
            lines.push(IndividualLine::Heading(department));
        }
        lines.push(IndividualLine::Unit(n));
        lines.extend((1..unit.nominees.len()).map(|k| IndividualLine::Nominee(n, k)));
    }
    lines
}

/// The first and the last line of a unit in [`individual_lines`].
pub fn individual_span(lines: &[IndividualLine], unit: usize) -> Option<(usize, usize)> {
    let first = lines
        .iter()
        .position(|l| *l == IndividualLine::Unit(unit))?;
    let more = lines[first + 1..]
        .iter()
        .take_while(|l| matches!(l, IndividualLine::Nominee(u, _) if *u == unit))
        .count();
    Some((first, first + more))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::Individuals;

    fn unit(id: &str, kind: UnitKind, nominees: usize) -> Individuals {
        Individuals {
            id: id.into(),
            name: id.into(),
            kind,
            quota: 2,
            nominees: (0..nominees).map(|n| format!("{id}{n}")).collect(),
            posts: vec![None; nominees],
        }
    }

    fn board(units: Vec<Individuals>) -> Scoreboard {
        Scoreboard {
            individuals: units,
            ..Scoreboard::default()
        }
    }

    #[test]
    fn individual_lines_put_each_group_under_its_heading_and_each_nominee_on_a_line() {
        use IndividualLine::*;
        let b = board(vec![
            unit("a", UnitKind::County, 3),
            unit("z", UnitKind::Zone, 0),
            unit("d", UnitKind::Department, 1),
        ]);
        let lines = individual_lines(&b);
        assert_eq!(
            lines,
            vec![
                Heading(false),
                Unit(0),
                Nominee(0, 1),
                Nominee(0, 2),
                Unit(1),
                Heading(true),
                Unit(2),
            ]
        );
        assert_eq!(individual_span(&lines, 0), Some((1, 3)));
        assert_eq!(individual_span(&lines, 1), Some((4, 4)));
        assert_eq!(individual_span(&lines, 2), Some((6, 6)));
        assert_eq!(individual_span(&lines, 3), None);
        // No units: no lines, no heading.
        assert!(individual_lines(&board(Vec::new())).is_empty());
        assert_eq!(individual_span(&[], 0), None);
    }
}

//! The indicator grid (按指标录入): one indicator, a row for every unit scored on it — the
//! counties and the zone it applies to, then the departments responsible for it that keep
//! a score sheet — and a column for each value its rows can hold (target, actual, status,
//! deduction, preparation score). A department's return covers one indicator for every
//! county: its column is typed top to bottom here without leaving the grid.
//!
//! What a cell holds and which sheet field it edits is decided here, from the project, so
//! that the view, the keys and the block paste agree. Each editable cell is a
//! [`SheetField`] of a unit's sheet: typing into it is the sheet's own edit
//! ([`crate::tui::update::fields::to_edit`]), committed by the session like any other.

use super::SheetField;
use crate::project::{Indicator, Project, Row, RowKind};
use rust_decimal::Decimal;

/// Where the grid's cursor is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GridState {
    /// Index into `Project::indicators`.
    pub indicator: usize,
    /// Index into [`grid_units`].
    pub row: usize,
    /// Index into [`grid_cols`].
    pub col: usize,
    /// The first row shown.
    pub top: usize,
}

/// A column of the grid that takes a value (completion and score are read-only and not
/// columns the cursor visits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GridCol {
    Target,
    Actual,
    Status,
    Deduction,
    Prep,
}

impl GridCol {
    /// The column's name, as the grid's header says it.
    pub fn title(self) -> crate::i18n::T {
        use crate::i18n::T;
        match self {
            GridCol::Target => T::TargetCol,
            GridCol::Actual => T::ActualCol,
            GridCol::Status => T::StatusCol,
            GridCol::Deduction => T::DeductionCol,
            GridCol::Prep => T::PrepCol,
        }
    }
}

/// A row of the grid: a county, the zone or a department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridUnit {
    pub id: String,
    pub name: String,
    pub department: bool,
}

/// The units scored on indicator `ii`: the counties and the zone it applies to, in the
/// file's order, then the departments it assesses (or that have a row for it) and keep a
/// `[scores.<id>]` sheet.
pub fn grid_units(p: &Project, ii: usize) -> Vec<GridUnit> {
    let Some(ind) = p.indicators.get(ii) else {
        return Vec::new();
    };
    let units = p
        .units
        .iter()
        .filter(|u| ind.applies_to(&u.id))
        .map(|u| GridUnit {
            id: u.id.clone(),
            name: u.name.clone(),
            department: false,
        });
    let departments = p
        .departments
        .iter()
        .filter(|d| {
            p.scores
                .get(&d.id)
                .is_some_and(|s| ind.assesses(&d.id) || s.indicators.contains_key(&ind.id))
        })
        .map(|d| GridUnit {
            id: d.id.clone(),
            name: d.name.clone(),
            department: true,
        });
    units.chain(departments).collect()
}

/// The value columns of indicator `ii`, as its `kind` allows: target and actual when its
/// rows may be quantitative, status and deduction when they may be qualitative, and the
/// preparation score when some units are not pilots.
pub fn grid_cols(p: &Project, ii: usize) -> Vec<GridCol> {
    let Some(ind) = p.indicators.get(ii) else {
        return Vec::new();
    };
    let mut cols = Vec::new();
    if ind.kind != Some(RowKind::Qualitative) {
        cols.extend([GridCol::Target, GridCol::Actual]);
    }
    if ind.kind != Some(RowKind::Quantitative) {
        cols.extend([GridCol::Status, GridCol::Deduction]);
    }
    if ind.pilot.is_some() {
        cols.push(GridCol::Prep);
    }
    cols
}

/// What one cell of the grid holds.
#[derive(Debug, Clone, PartialEq)]
pub enum GridCell {
    /// A number typed into a field of the unit's sheet (`None`: not entered yet).
    Value(SheetField, Option<Decimal>),
    /// A qualitative row's status (`None`: pending), flipped with a key.
    Status(Option<bool>),
    /// Nothing to enter here (a preparation unit's target, a quantitative row's status).
    None,
}

/// The cell of `unit` in column `col` of indicator `ii`.
pub fn grid_cell(p: &Project, unit: &GridUnit, ii: usize, col: GridCol) -> GridCell {
    let Some(ind) = p.indicators.get(ii) else {
        return GridCell::None;
    };
    let id = ind.id.clone();
    let row = p.scores.get(&unit.id).and_then(|s| s.indicators.get(&id));
    if prepares(ind, unit) {
        return match (col, row) {
            (GridCol::Prep, Some(Row::Preparation { prep })) => {
                GridCell::Value(SheetField::Prep(id), Some(*prep))
            }
            (GridCol::Prep, _) => GridCell::Value(SheetField::Prep(id), None),
            _ => GridCell::None,
        };
    }
    match (col, row) {
        (GridCol::Prep, _) => GridCell::None,
        (
            GridCol::Target | GridCol::Actual,
            Some(Row::Qualitative { .. }) | Some(Row::Preparation { .. }),
        ) => GridCell::None,
        (GridCol::Target | GridCol::Actual, _) if ind.kind == Some(RowKind::Qualitative) => {
            GridCell::None
        }
        (GridCol::Target, Some(Row::Quantitative { target, .. })) => {
            GridCell::Value(SheetField::Target(id), *target)
        }
        (GridCol::Actual, Some(Row::Quantitative { actual, .. })) => {
            GridCell::Value(SheetField::Actual(id), *actual)
        }
        (GridCol::Target, _) => GridCell::Value(SheetField::Target(id), None),
        (GridCol::Actual, _) => GridCell::Value(SheetField::Actual(id), None),
        (GridCol::Status, Some(Row::Qualitative { complete, .. })) => {
            GridCell::Status(Some(*complete))
        }
        (GridCol::Status, None) if ind.kind != Some(RowKind::Quantitative) => {
            GridCell::Status(None)
        }
        (
            GridCol::Deduction,
            Some(Row::Qualitative {
                complete: false,
                deduction,
            }),
        ) => GridCell::Value(SheetField::Deduction(id), *deduction),
        _ => GridCell::None,
    }
}

/// Whether `unit` earns a preparation score on `ind` (a county or the zone that is not
/// one of its pilots).
fn prepares(ind: &Indicator, unit: &GridUnit) -> bool {
    !unit.department && !ind.is_pilot(&unit.id)
}

/// Whether the indicator's targets and actuals are rates (its measure is `%`): a pasted
/// `95%` means 95 there, and is an error anywhere else.
pub fn is_rate(ind: &Indicator) -> bool {
    ind.measure
        .as_deref()
        .is_some_and(|m| matches!(m.trim(), "%" | "％"))
}

impl super::Model {
    /// The indicator grid, when it is what the entry pane shows.
    pub fn grid(&self) -> Option<GridState> {
        self.ui
            .grid
            .filter(|_| self.ui.pane.0 == super::Pane::Entry)
    }

    /// The unit, the column and the cell under the grid's cursor.
    pub fn grid_spot(&self) -> Option<(GridUnit, GridCol, GridCell)> {
        let g = self.grid()?;
        let p = self.project();
        let unit = grid_units(p, g.indicator).into_iter().nth(g.row)?;
        let col = *grid_cols(p, g.indicator).get(g.col)?;
        let cell = grid_cell(p, &unit, g.indicator, col);
        Some((unit, col, cell))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::demo;

    fn at(p: &Project, id: &str) -> usize {
        p.indicators.iter().position(|i| i.id == id).unwrap()
    }

    #[test]
    fn a_quantitative_indicator_lists_its_units_then_its_departments() {
        let p = demo();
        let ii = at(&p, "new-jobs");
        let units: Vec<String> = grid_units(&p, ii).into_iter().map(|u| u.id).collect();
        assert_eq!(units, ["jia", "yi", "bing", "ding", "wu", "zone", "hrss"]);
        assert_eq!(
            grid_cols(&p, ii),
            [
                GridCol::Target,
                GridCol::Actual,
                GridCol::Status,
                GridCol::Deduction
            ]
        );
        let jia = &grid_units(&p, ii)[0];
        assert_eq!(
            grid_cell(&p, jia, ii, GridCol::Actual),
            GridCell::Value(
                SheetField::Actual("new-jobs".into()),
                Some(Decimal::from(6720))
            )
        );
        // A quantitative row has no status to set.
        assert_eq!(grid_cell(&p, jia, ii, GridCol::Status), GridCell::None);
    }

    #[test]
    fn a_pilot_indicator_has_a_preparation_column_for_the_others() {
        let p = demo();
        let ii = at(&p, "rural-pension");
        assert!(grid_cols(&p, ii).contains(&GridCol::Prep));
        let units = grid_units(&p, ii);
        let ind = &p.indicators[ii];
        let other = units
            .iter()
            .find(|u| !u.department && !ind.is_pilot(&u.id))
            .unwrap();
        assert!(matches!(
            grid_cell(&p, other, ii, GridCol::Prep),
            GridCell::Value(SheetField::Prep(_), _)
        ));
        assert_eq!(grid_cell(&p, other, ii, GridCol::Target), GridCell::None);
    }

    #[test]
    fn only_a_measure_of_percent_is_a_rate() {
        let p = demo();
        assert!(is_rate(&p.indicators[at(&p, "unemployment-rate")]));
        assert!(!is_rate(&p.indicators[at(&p, "new-jobs")]));
    }
}

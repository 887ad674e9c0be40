//! The columns a cursor moves over, named: the matrix's ([`MatrixCol`]) and the totals'
//! ([`TotalsCol`]). Positions (`0`, `1`, `2 + areas`…) exist only inside these impls; the
//! rest of the program says `MatrixCol::Bonus` or `TotalsCol::Task`.

use crate::scoring::UnitResult;
use rust_decimal::Decimal;

/// A column of the matrix: the row's name, its base (an area's maximum), the bonus flag,
/// or a department's role (by index into `project.departments`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatrixCol {
    #[default]
    Name,
    Base,
    Bonus,
    Department(usize),
}

impl MatrixCol {
    /// The department of the column, if it is one.
    pub fn department(self) -> Option<usize> {
        match self {
            MatrixCol::Department(d) => Some(d),
            _ => None,
        }
    }

    /// The column to the left; the name column is the first.
    pub fn prev(self) -> MatrixCol {
        match self {
            MatrixCol::Name | MatrixCol::Base => MatrixCol::Name,
            MatrixCol::Bonus => MatrixCol::Base,
            MatrixCol::Department(0) => MatrixCol::Bonus,
            MatrixCol::Department(d) => MatrixCol::Department(d - 1),
        }
    }

    /// The column to the right, up to the last of `departments` (the bonus column when
    /// there are none).
    pub fn next(self, departments: usize) -> MatrixCol {
        match self {
            MatrixCol::Name => MatrixCol::Base,
            MatrixCol::Base => MatrixCol::Bonus,
            _ if departments == 0 => MatrixCol::Bonus,
            MatrixCol::Bonus => MatrixCol::Department(0),
            MatrixCol::Department(d) => MatrixCol::Department((d + 1).min(departments - 1)),
        }
    }

    /// The column kept inside a matrix of `departments` departments (after one was
    /// removed). With none left, the cursor may stay on the first department's place:
    /// nothing is highlighted there, and the keys that need a department say so.
    pub fn clamp(self, departments: usize) -> MatrixCol {
        match self {
            MatrixCol::Department(d) => MatrixCol::Department(d.min(departments.max(1) - 1)),
            other => other,
        }
    }

    /// The last department's column (where a department just added is).
    pub fn last_department(departments: usize) -> MatrixCol {
        MatrixCol::Department(departments.saturating_sub(1))
    }
}

/// A column of the totals: the total first (the pane pins it beside the unit's name, so
/// that it shows at any width), then the sections and each area of the task and the
/// penalty (areas by index into `project.areas`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TotalsCol {
    #[default]
    Organization,
    Survey,
    Area(usize),
    Task,
    Penalty,
    Total,
}

impl TotalsCol {
    /// Every column, left to right, for a project of `areas` areas.
    pub fn all(areas: usize) -> Vec<TotalsCol> {
        let mut cols = vec![TotalsCol::Total, TotalsCol::Organization, TotalsCol::Survey];
        cols.extend((0..areas).map(TotalsCol::Area));
        cols.extend([TotalsCol::Task, TotalsCol::Penalty]);
        cols
    }

    /// Where the column stands from the left among `areas` areas' columns.
    pub fn position(self, areas: usize) -> usize {
        match self {
            TotalsCol::Total => 0,
            TotalsCol::Organization => 1,
            TotalsCol::Survey => 2,
            TotalsCol::Area(i) => 3 + i.min(areas),
            TotalsCol::Task => 3 + areas,
            TotalsCol::Penalty => 4 + areas,
        }
    }

    /// The column at a position from the left (the penalty past the end).
    fn at(position: usize, areas: usize) -> TotalsCol {
        TotalsCol::all(areas)
            .get(position)
            .copied()
            .unwrap_or(TotalsCol::Penalty)
    }

    /// The column to the left; the total is the first.
    pub fn prev(self, areas: usize) -> TotalsCol {
        TotalsCol::at(self.clamp(areas).position(areas).saturating_sub(1), areas)
    }

    /// The column to the right; the penalty is the last.
    pub fn next(self, areas: usize) -> TotalsCol {
        TotalsCol::at(self.clamp(areas).position(areas) + 1, areas)
    }

    /// The column kept inside a project of `areas` areas (after one was removed): an
    /// area that is gone becomes the last one left, or the task when none is.
    pub fn clamp(self, areas: usize) -> TotalsCol {
        match self {
            TotalsCol::Area(i) if i >= areas && areas > 0 => TotalsCol::Area(areas - 1),
            TotalsCol::Area(i) if i >= areas => TotalsCol::Task,
            other => other,
        }
    }

    /// The unit's score in this column.
    pub fn value(self, u: &UnitResult) -> Decimal {
        match self {
            TotalsCol::Organization => u.organization,
            TotalsCol::Survey => u.survey,
            TotalsCol::Area(i) => u.areas.get_index(i).map_or(Decimal::ZERO, |(_, v)| *v),
            TotalsCol::Task => u.task,
            TotalsCol::Penalty => u.penalty,
            TotalsCol::Total => u.total,
        }
    }

    /// Whether the unit's cell in this column still waits for something to be entered.
    pub fn pending(self, u: &UnitResult) -> bool {
        match self {
            TotalsCol::Organization => u.pending.organization > 0,
            TotalsCol::Survey => u.pending.survey,
            TotalsCol::Task | TotalsCol::Total => u.pending.any(),
            TotalsCol::Area(_) | TotalsCol::Penalty => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_columns_step_through_the_departments_and_stop_at_the_ends() {
        use MatrixCol::*;
        assert_eq!(Name.prev(), Name);
        assert_eq!(Department(0).prev(), Bonus);
        assert_eq!(Bonus.next(2), Department(0));
        assert_eq!(Department(1).next(2), Department(1));
        assert_eq!(Bonus.next(0), Bonus);
        assert_eq!(Department(5).clamp(2), Department(1));
        assert_eq!(Base.clamp(0), Base);
        assert_eq!(Department(3).department(), Some(3));
        assert_eq!(Bonus.department(), None);
    }

    #[test]
    fn totals_columns_are_the_sections_around_the_areas() {
        use TotalsCol::*;
        assert_eq!(
            TotalsCol::all(2),
            [Total, Organization, Survey, Area(0), Area(1), Task, Penalty]
        );
        for (i, col) in TotalsCol::all(3).into_iter().enumerate() {
            assert_eq!(col.position(3), i);
        }
        assert_eq!(Survey.next(2), Area(0));
        assert_eq!(Area(1).next(2), Task);
        assert_eq!(Task.prev(2), Area(1));
        assert_eq!(Penalty.next(2), Penalty);
        assert_eq!(Total.prev(2), Total);
        assert_eq!(Organization.prev(2), Total);
        assert_eq!(Area(4).clamp(2), Area(1));
        assert_eq!(Area(0).clamp(0), Task);
    }
}

//! Every change a user can make to a project, as data ([`Edit`]), applied two ways that
//! must agree: to the typed [`Project`] (what the screen shows at once) and to the
//! format-preserving [`DocumentMut`] (what is written to the file, keeping the user's
//! comments, blank lines, key order and number formatting).
//!
//! The agreement is tested: for any edit, loading the edited document gives the edited
//! project.

use crate::project::{
    Area, Department, Direction, Indicator, Penalty, Project, Role, Row, Unit, UnitKind,
};
use rust_decimal::Decimal;
use toml_edit::DocumentMut;

/// One change to a project.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    // ---- score sheets (`[scores.<unit>]`; created when missing) ---------------------
    /// The survey score; `None` removes it (pending).
    SetSurvey {
        unit: String,
        value: Option<Decimal>,
    },
    /// One organisation item; `None` removes it (pending).
    SetOrg {
        unit: String,
        item: String,
        value: Option<Decimal>,
    },
    /// One indicator row; `None` removes the row (pending).
    SetRow {
        unit: String,
        indicator: String,
        row: Option<Row>,
    },
    AddPenalty {
        unit: String,
        penalty: Penalty,
    },
    SetPenalty {
        unit: String,
        index: usize,
        penalty: Penalty,
    },
    RemovePenalty {
        unit: String,
        index: usize,
    },

    // ---- the scheme ---------------------------------------------------------------
    SetTitle {
        title: String,
    },
    /// A department's role in an indicator. `Some(Lead)` makes it the lead (replacing
    /// any other lead) and removes it from `responsible` and `co`; `Some(Responsible)` /
    /// `Some(Co)` puts it in that list only (and clears `lead` if it was the lead);
    /// `None` removes it from all three.
    SetRole {
        indicator: String,
        department: String,
        role: Option<Role>,
    },
    SetIndicator {
        id: String,
        field: IndicatorField,
    },
    /// Appends an indicator (after the last indicator of its area, or at the end).
    AddIndicator {
        indicator: Indicator,
    },
    /// Removes an indicator and every score row for it.
    RemoveIndicator {
        id: String,
    },
    AddArea {
        area: Area,
    },
    SetAreaName {
        id: String,
        name: String,
    },
    SetAreaMax {
        id: String,
        max: Decimal,
    },
    /// Removes an area, its indicators, their score rows, and the area from every
    /// award's `areas`.
    RemoveArea {
        id: String,
    },
    AddDepartment {
        department: Department,
    },
    RenameDepartment {
        id: String,
        name: String,
    },
    /// Removes a department: from every indicator's roles, every award's `lead`, and
    /// its own `[scores.<id>]` table.
    RemoveDepartment {
        id: String,
    },
    AddUnit {
        unit: Unit,
    },
    RenameUnit {
        id: String,
        name: String,
    },
    SetUnitKind {
        id: String,
        kind: UnitKind,
    },
    /// Removes a county or the zone: its `[scores.<id>]` table and its id from every
    /// indicator's `units` and `pilot` lists.
    RemoveUnit {
        id: String,
    },
}

/// One editable field of an indicator.
#[derive(Debug, Clone, PartialEq)]
pub enum IndicatorField {
    Name(String),
    Base(Decimal),
    Bonus(bool),
    Area(String),
    Measure(Option<String>),
    Direction(Direction),
    /// `None` removes the key (all units).
    Units(Option<Vec<String>>),
    /// `None` removes the key (no pilot list).
    Pilot(Option<Vec<String>>),
}

/// Applies an edit to the typed project.
pub fn apply_to_project(project: &mut Project, edit: &Edit) {
    let _ = (project, edit);
    unimplemented!("written by the edit helper")
}

/// Applies an edit to the document, changing only what the edit concerns.
pub fn apply_to_document(doc: &mut DocumentMut, edit: &Edit) {
    let _ = (doc, edit);
    unimplemented!("written by the edit helper")
}

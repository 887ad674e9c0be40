//! Every change a user can make to a project, as data ([`Edit`]), applied two ways that
//! must agree: to the typed [`Project`] (what the screen shows at once) and to the
//! format-preserving [`DocumentMut`] (what is written to the file, keeping the user's
//! comments, blank lines, key order and number formatting).
//!
//! The agreement is tested: for any edit, loading the edited document gives the edited
//! project (`tests/edit.rs`).
//!
//! Rules both appliers follow:
//! - An edit that is not [well formed](Edit::is_well_formed) (a bad id, a maximum, base or
//!   penalty out of range, a decimal the file cannot hold exactly, a unit of kind
//!   `Department`) changes nothing.
//! - An edit that names something that does not exist (a unit or department, an indicator,
//!   an area, an organisation item, a penalty index) changes nothing; neither does adding
//!   an id that is already taken (units and departments share one namespace).
//! - Score sheets: `[scores.<unit>]` is created (at the end of the file) when a value is
//!   set on a unit that has none; a new row or organisation item goes after the nearest
//!   one that precedes it in the scheme's order. Emptied sheets, `organization = {}` and
//!   `[scores.<unit>.indicators]` stay; an emptied `penalties` list is removed.
//! - Role lists: a department is appended to `responsible` / `co`; an emptied
//!   `responsible`, `co` or award `areas` list is removed (both read as empty). An emptied
//!   `units` or `pilot` list stays `[]`: it means "none", not "all".
//! - `bonus` and `direction` (any key whose value is the default: `Written::Default` in
//!   `src/project/scheme.rs`) are written only when they differ from the default or the
//!   key is already there; a new indicator is written without its defaults, after the
//!   last indicator of its area; other new `[[...]]` entries after the last of their kind.
//! - A value is replaced in place, keeping its spacing and trailing comment, and only when
//!   it does not already read the same (`"5.6"`, `1_000` and `5.50` stay as written); a
//!   list of ids is changed element by element.
//! - Removing something that starts with a comment block (a group heading such as
//!   `# 就业和创业 employment`) hands the block down to the next entry of the same kind when
//!   that one has no comment of its own, or puts it above that one's when the removed
//!   entry was the first of its list (whose block usually heads the whole list).
//!
//! The fields of the scheme's entries (`SetIndicator`, `SetArea`, `SetDepartment`,
//! `SetUnit`, `SetOrgItem`) and of `[policy]` and `[sections]` (`SetPolicy`, `SetSections`) are handled
//! with no code per field: each field says which key it writes, what value, whether that
//! is the default, and how it changes the struct (`Field`, in `src/project/scheme.rs`,
//! implemented next to the table's struct in `src/project/`); both appliers set or remove
//! that key generically, and whether the value can be written at all is judged by reading
//! it back with the loader. Adding an editable field is a change to the table's file in
//! `src/project/` only (and its label in `src/i18n/fields.rs`, for [`form`]).
//! `[policy]` is created, before `[sections]`, when a value that is not the default is
//! set in a file that has none; a default value is not written where the key is absent.
//!
//! [`form`] lists the fields of an entry, or of the project's settings (the title,
//! `[sections]`, `[policy]`), as the terminal program's form shows them, and turns a value
//! typed into one of them into its [`Edit`].
//!
//! The document side reads the scheme from the document itself, so a file that does not
//! load cleanly can make the two sides differ; neither ever panics. Layouts handled: the
//! lists as `[[...]]` tables or arrays of inline tables; `scores`, a sheet, its
//! `organization` and `indicators` and each row as standard, dotted or inline tables;
//! `penalties` as an array of inline tables or `[[scores.<id>.penalties]]`.

mod document;
pub mod form;
mod model;
mod set;
mod syntax;

pub use set::{SetError, set_path, value_of};

pub use crate::project::{
    AreaField, DepartmentField, IndicatorField, OrgItemField, PolicyField, SectionsField, UnitField,
};

use crate::project::scheme::{Entry, Field};
use crate::project::{
    Area, Department, Indicator, MAX_SCORE, Penalty, PenaltyKind, Project, ReturnEntry, Role, Row,
    SheetKind, Unit, decimal_value, is_valid_id, parse_decimal_text,
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
    /// One key of `[policy]` (created when missing; see [`PolicyField`]).
    SetPolicy {
        field: PolicyField,
    },
    /// One key of `[sections]`.
    SetSections {
        field: SectionsField,
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
    /// One field of an indicator (its name, base, area, …: see [`IndicatorField`]).
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
    /// One field of an area (its name or maximum).
    SetArea {
        id: String,
        field: AreaField,
    },
    /// Removes an area, its indicators, their score rows, and the area from every
    /// award's `areas`.
    RemoveArea {
        id: String,
    },
    AddDepartment {
        department: Department,
    },
    /// One field of a department (its name).
    SetDepartment {
        id: String,
        field: DepartmentField,
    },
    /// Removes a department: from every indicator's roles, every award's and
    /// organisation item's `lead`, its nominees and its own `[scores.<id>]` table.
    RemoveDepartment {
        id: String,
    },
    /// One field of an organisation item (its name, maximum, `applies_to` or `lead`).
    SetOrgItem {
        id: String,
        field: OrgItemField,
    },
    AddUnit {
        unit: Unit,
    },
    /// One field of a county or the zone (its name or kind).
    SetUnit {
        id: String,
        field: UnitField,
    },
    /// Removes a county or the zone: its `[scores.<id>]` table, its nominees and its id
    /// from every indicator's `units` and `pilot` lists.
    RemoveUnit {
        id: String,
    },

    // ---- self-check and returns (SPEC §7) ------------------------------------------
    /// One of the score-sheet edits above (`SetSurvey` … `RemovePenalty`) made to the
    /// `[selfcheck.<id>]` sheets instead of `[scores.<id>]` (created the same way). Any
    /// other edit inside is not [well formed](Edit::is_well_formed).
    Selfcheck {
        edit: Box<Edit>,
    },
    /// Appends a `[[returns]]` entry (a file `kaoping import` took in).
    AddReturn {
        entry: ReturnEntry,
    },
    /// Removes the `[[returns]]` entry at this index (undoing an import).
    RemoveReturn {
        index: usize,
    },
}

impl Edit {
    /// The same edit made to the self-check sheets (a score-sheet edit; see
    /// [`Edit::Selfcheck`]), or to the assessed ones (itself).
    pub fn in_sheets(self, kind: SheetKind) -> Edit {
        match kind {
            SheetKind::Scores => self,
            SheetKind::Selfcheck => Edit::Selfcheck {
                edit: Box::new(self),
            },
        }
    }

    /// Whether this edit changes a score sheet of one unit (its survey, an organisation
    /// item, a row or a penalty) — what [`Edit::Selfcheck`] may hold.
    pub fn is_sheet_edit(&self) -> bool {
        matches!(
            self,
            Edit::SetSurvey { .. }
                | Edit::SetOrg { .. }
                | Edit::SetRow { .. }
                | Edit::AddPenalty { .. }
                | Edit::SetPenalty { .. }
                | Edit::RemovePenalty { .. }
        )
    }

    /// The sheets a score-sheet edit changes and the edit itself (unwrapping
    /// [`Edit::Selfcheck`]); `None` for any other edit.
    pub fn sheet_edit(&self) -> Option<(SheetKind, &Edit)> {
        match self {
            Edit::Selfcheck { edit } if edit.is_sheet_edit() => Some((SheetKind::Selfcheck, edit)),
            _ if self.is_sheet_edit() => Some((SheetKind::Scores, self)),
            _ => None,
        }
    }

    /// What the edit names that the project does not have (a unit gone since it was
    /// typed, a penalty index past the list, …), as the problem to say: both appliers
    /// would ignore it, and it must never look as if it had been made.
    pub fn missing(&self, p: &Project) -> Option<crate::project::problem::ProblemKind> {
        use crate::project::problem::{ProblemKind, RefKind};
        let gone = |kind: RefKind, id: &str| {
            Some(ProblemKind::UnknownRef {
                kind,
                id: id.to_string(),
            })
        };
        let scored = |id: &str| p.unit(id).is_some() || p.department(id).is_some();
        let (kind, edit) = self.sheet_edit().unwrap_or((SheetKind::Scores, self));
        let penalty = |unit: &str, index: usize| {
            p.sheets(kind)
                .get(unit)
                .is_some_and(|s| index < s.penalties.len())
        };
        match edit {
            Edit::SetSurvey { unit, .. } | Edit::AddPenalty { unit, .. } if !scored(unit) => {
                gone(RefKind::Scored, unit)
            }
            Edit::SetOrg { unit, item, .. } => match (scored(unit), p.org_item(item)) {
                (false, _) => gone(RefKind::Scored, unit),
                (_, None) => gone(RefKind::OrgItem, item),
                _ => None,
            },
            Edit::SetRow {
                unit, indicator, ..
            } => match (scored(unit), p.indicator(indicator)) {
                (false, _) => gone(RefKind::Scored, unit),
                (_, None) => gone(RefKind::Indicator, indicator),
                _ => None,
            },
            Edit::SetPenalty { unit, index, .. } | Edit::RemovePenalty { unit, index } => {
                if !scored(unit) {
                    gone(RefKind::Scored, unit)
                } else if !penalty(unit, *index) {
                    Some(ProblemKind::NoSuchPenalty { index: *index })
                } else {
                    None
                }
            }
            Edit::SetRole {
                indicator,
                department,
                ..
            } => match (p.indicator(indicator), p.department(department)) {
                (None, _) => gone(RefKind::Indicator, indicator),
                (_, None) => gone(RefKind::Department, department),
                _ => None,
            },
            Edit::SetIndicator { id, .. } | Edit::RemoveIndicator { id }
                if p.indicator(id).is_none() =>
            {
                gone(RefKind::Indicator, id)
            }
            Edit::AddIndicator { indicator } if p.area(&indicator.area).is_none() => {
                gone(RefKind::Area, &indicator.area)
            }
            Edit::SetArea { id, .. } | Edit::RemoveArea { id } if p.area(id).is_none() => {
                gone(RefKind::Area, id)
            }
            Edit::SetDepartment { id, .. } | Edit::RemoveDepartment { id }
                if p.department(id).is_none() =>
            {
                gone(RefKind::Department, id)
            }
            Edit::SetUnit { id, .. } | Edit::RemoveUnit { id } if p.unit(id).is_none() => {
                gone(RefKind::Unit, id)
            }
            Edit::SetOrgItem { id, .. } if p.org_item(id).is_none() => gone(RefKind::OrgItem, id),
            Edit::SetSurvey { .. }
            | Edit::AddPenalty { .. }
            | Edit::SetTitle { .. }
            | Edit::SetPolicy { .. }
            | Edit::SetSections { .. }
            | Edit::SetIndicator { .. }
            | Edit::RemoveIndicator { .. }
            | Edit::AddIndicator { .. }
            | Edit::AddArea { .. }
            | Edit::SetArea { .. }
            | Edit::RemoveArea { .. }
            | Edit::AddDepartment { .. }
            | Edit::SetDepartment { .. }
            | Edit::RemoveDepartment { .. }
            | Edit::AddUnit { .. }
            | Edit::SetUnit { .. }
            | Edit::RemoveUnit { .. }
            | Edit::SetOrgItem { .. }
            | Edit::Selfcheck { .. }
            | Edit::AddReturn { .. }
            | Edit::RemoveReturn { .. } => None,
        }
    }
}

/// Applies an edit to the typed project.
pub fn apply_to_project(project: &mut Project, edit: &Edit) {
    if edit.is_well_formed() {
        model::apply(project, edit);
    }
}

/// Applies an edit to the document, changing only what the edit concerns.
pub fn apply_to_document(doc: &mut DocumentMut, edit: &Edit) {
    if edit.is_well_formed() {
        document::apply(doc, edit);
    }
}

impl Edit {
    /// Whether the edit's own data can be written to a file and read back unchanged: every
    /// id is an ASCII slug, every decimal is one the file holds exactly, maxima, bases and
    /// penalty points lie in `[0, MAX_SCORE]`, and a unit is a county or the zone. Both
    /// appliers ignore an edit that is not.
    ///
    /// A new entry of the scheme, or a new value of one of its fields, is judged by the
    /// loader itself: written out and read back, it must be what it was, with no problem
    /// (see `Entry::is_well_formed` in `src/project/scheme.rs`). So a new field needs
    /// no check of its own here.
    pub fn is_well_formed(&self) -> bool {
        match self {
            Edit::SetSurvey { unit, value } => is_valid_id(unit) && value.is_none_or(holds),
            Edit::SetOrg { unit, item, value } => {
                is_valid_id(unit) && is_valid_id(item) && value.is_none_or(holds)
            }
            Edit::SetRow {
                unit,
                indicator,
                row,
            } => is_valid_id(unit) && is_valid_id(indicator) && row.as_ref().is_none_or(row_ok),
            Edit::AddPenalty { unit, penalty } | Edit::SetPenalty { unit, penalty, .. } => {
                is_valid_id(unit) && penalty_ok(penalty)
            }
            Edit::RemovePenalty { unit, .. } => is_valid_id(unit),
            Edit::SetTitle { .. } => true,
            Edit::SetPolicy { field } => field.is_well_formed(),
            Edit::SetSections { field } => field.is_well_formed(),
            Edit::SetRole {
                indicator,
                department,
                ..
            } => is_valid_id(indicator) && is_valid_id(department),
            Edit::SetIndicator { id, field } => field_ok(id, field),
            Edit::SetArea { id, field } => field_ok(id, field),
            Edit::SetDepartment { id, field } => field_ok(id, field),
            Edit::SetUnit { id, field } => field_ok(id, field),
            Edit::SetOrgItem { id, field } => field_ok(id, field),
            Edit::AddIndicator { indicator } => indicator.is_well_formed(),
            Edit::AddArea { area } => area.is_well_formed(),
            Edit::AddDepartment { department } => department.is_well_formed(),
            Edit::AddUnit { unit } => unit.is_well_formed(),
            Edit::RemoveIndicator { id }
            | Edit::RemoveArea { id }
            | Edit::RemoveDepartment { id }
            | Edit::RemoveUnit { id } => is_valid_id(id),
            Edit::Selfcheck { edit } => edit.is_sheet_edit() && edit.is_well_formed(),
            Edit::AddReturn { entry } => {
                is_valid_id(&entry.from) && is_valid_id(&entry.step) && !entry.file.is_empty()
            }
            Edit::RemoveReturn { .. } => true,
        }
    }
}

/// Whether a decimal written with [`decimal_value`] reads back as itself.
fn holds(d: Decimal) -> bool {
    let text = match decimal_value(d) {
        toml_edit::Value::String(s) => s.value().clone(),
        other => other.to_string(),
    };
    parse_decimal_text(text.trim()).is_ok_and(|back| back == d)
}

/// A maximum, base or number of points: exact and in `[0, MAX_SCORE]`.
fn points(d: Decimal) -> bool {
    holds(d) && d >= Decimal::ZERO && d <= MAX_SCORE
}

fn row_ok(row: &Row) -> bool {
    match row {
        Row::Quantitative { target, actual } => {
            target.is_none_or(holds) && actual.is_none_or(holds)
        }
        Row::Qualitative { deduction, .. } => deduction.is_none_or(holds),
        Row::Preparation { prep } => holds(*prep),
    }
}

fn penalty_ok(penalty: &Penalty) -> bool {
    match penalty.kind {
        PenaltyKind::Points(p) => points(p),
        PenaltyKind::Provincial | PenaltyKind::Municipal => true,
    }
}

/// An edit of one field: the entry's id is an id, the value one the file can hold.
fn field_ok(id: &str, field: &impl Field) -> bool {
    is_valid_id(id) && field.is_well_formed()
}

// ---- what both appliers share ------------------------------------------------------

pub(crate) use crate::project::keys::{
    PENALTY_KEYS, ROOT_KEYS, ROW_KEYS, SCORE_KEYS as SHEET_KEYS,
};

/// Where a new entry goes among `keys`, given each key's place in an order (`None`: not in
/// it): after the last key that comes before it, else before the first that comes after
/// it, else at the end.
fn insertion_index<'k>(
    keys: impl IntoIterator<Item = &'k str>,
    rank: impl Fn(&str) -> Option<usize>,
    new_rank: usize,
) -> usize {
    let mut after_last_before = None;
    let mut first_after = None;
    let mut len = 0;
    for (i, key) in keys.into_iter().enumerate() {
        len = i + 1;
        match rank(key) {
            Some(r) if r < new_rank => after_last_before = Some(i + 1),
            Some(r) if r > new_rank && first_after.is_none() => first_after = Some(i),
            _ => {}
        }
    }
    after_last_before.or(first_after).unwrap_or(len)
}

/// The place of `key` in a fixed list of keys.
fn rank_in(order: &[&str], key: &str) -> Option<usize> {
    order.iter().position(|k| *k == key)
}

/// The place of `id` in a list of ids.
fn rank_of_id(order: &[String], id: &str) -> Option<usize> {
    order.iter().position(|k| k == id)
}

/// Where a new indicator of `area` goes among indicators whose areas are `areas`: after
/// the last one of the same area, else at the end.
fn indicator_slot<'a>(
    areas: impl DoubleEndedIterator<Item = &'a str> + ExactSizeIterator,
    area: &str,
) -> usize {
    let len = areas.len();
    areas
        .rev()
        .position(|a| a == area)
        .map_or(len, |from_end| len - from_end)
}

/// A department's roles after `SetRole`: `(lead, responsible, co)`.
fn with_role(
    lead: Option<String>,
    mut responsible: Vec<String>,
    mut co: Vec<String>,
    department: &str,
    role: Option<Role>,
) -> (Option<String>, Vec<String>, Vec<String>) {
    let mut lead = lead.filter(|l| l != department);
    match role {
        Some(Role::Lead) => {
            lead = Some(department.to_string());
            responsible.retain(|d| d != department);
            co.retain(|d| d != department);
        }
        Some(Role::Responsible) => {
            co.retain(|d| d != department);
            if !responsible.iter().any(|d| d == department) {
                responsible.push(department.to_string());
            }
        }
        Some(Role::Co) => {
            responsible.retain(|d| d != department);
            if !co.iter().any(|d| d == department) {
                co.push(department.to_string());
            }
        }
        None => {
            responsible.retain(|d| d != department);
            co.retain(|d| d != department);
        }
    }
    (lead, responsible, co)
}

/// What an edit takes out of a project: the counts of each kind of thing that is there
/// before and gone after, to say in the question before a removal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Removed {
    pub indicators: usize,
    /// Score rows (a unit's or department's row for an indicator).
    pub rows: usize,
    /// Organisation scores and survey scores.
    pub scores: usize,
    pub penalties: usize,
    /// A department's place as lead, responsible or co-organiser of an indicator, as lead
    /// of an organisation item or of an award.
    pub roles: usize,
    /// 先进个人 nominees.
    pub nominees: usize,
}

impl Removed {
    /// Counts by applying the edit to a copy: whatever the edit's rules, the question
    /// says exactly what goes.
    pub fn by(project: &Project, edit: &Edit) -> Removed {
        let mut after = project.clone();
        apply_to_project(&mut after, edit);
        let before = Removed::tally(project);
        let now = Removed::tally(&after);
        Removed {
            indicators: before.indicators.saturating_sub(now.indicators),
            rows: before.rows.saturating_sub(now.rows),
            scores: before.scores.saturating_sub(now.scores),
            penalties: before.penalties.saturating_sub(now.penalties),
            roles: before.roles.saturating_sub(now.roles),
            nominees: before.nominees.saturating_sub(now.nominees),
        }
    }

    fn tally(p: &Project) -> Removed {
        let sheets = p.scores.values();
        Removed {
            indicators: p.indicators.len(),
            rows: sheets.clone().map(|s| s.indicators.len()).sum(),
            scores: sheets
                .clone()
                .map(|s| s.organization.len() + usize::from(s.survey.is_some()))
                .sum(),
            penalties: sheets.map(|s| s.penalties.len()).sum(),
            roles: p
                .indicators
                .iter()
                .map(|i| usize::from(i.lead.is_some()) + i.responsible.len() + i.co.len())
                .sum::<usize>()
                + p.organization.iter().filter(|o| o.lead.is_some()).count()
                + p.awards.iter().filter(|a| a.lead.is_some()).count(),
            nominees: p.nominees.len(),
        }
    }
}

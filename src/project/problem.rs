//! Errors and warnings about a project file, each with the TOML path of the value it
//! concerns and, where the text is at hand, its place (`file:line:col`), printed like a
//! compiler (SPEC §4).

use crate::project::{DecimalError, RowKind, TomlPath};
use rust_decimal::Decimal;

/// An error stops the file from being scored; a warning is shown but scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// What a reference names, for "no such …" errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Department,
    /// A county or the zone.
    Unit,
    /// A unit or a department (the key of `[scores.<id>]`).
    Scored,
    Area,
    Indicator,
    OrgItem,
    /// A `[[procedure]]` step.
    Step,
}

/// Which comprehensive or single-item award a tie at the cut concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cut {
    /// Comprehensive advanced among counties and the zone.
    Comprehensive,
    /// Comprehensive advanced among city departments.
    Departments,
    /// Last place.
    LastPlace,
    /// A single-item award, by name.
    Award(String),
}

/// One thing wrong with (or worth knowing about) a project. The text of each kind, in
/// both languages, is in [`crate::i18n`].
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    // ---- errors -------------------------------------------------------------
    /// The file is not TOML.
    Syntax {
        message: String,
    },
    /// The file is larger than kaoping will read.
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// The file is not UTF-8.
    NotUtf8,
    /// A key kaoping does not know (a typo would otherwise lose data).
    UnknownKey {
        key: String,
        suggestion: Option<&'static str>,
    },
    MissingKey {
        key: &'static str,
    },
    WrongType {
        expected: Expected,
        found: &'static str,
    },
    NotDecimal {
        text: String,
        reason: DecimalError,
    },
    NotWholeNumber {
        text: String,
    },
    /// An edit names a penalty that is not (or no longer) there.
    NoSuchPenalty {
        index: usize,
    },
    /// A value an edit would put in the file that the file cannot hold as it is (out of
    /// its range, or not exactly).
    NotWritable,
    /// An entered number so large that scoring it needs more than a decimal's 28 digits
    /// (an actual typed with twenty zeros too many).
    TooLargeToScore {
        value: Decimal,
    },
    BadId {
        id: String,
    },
    DuplicateId {
        id: String,
    },
    UnknownRef {
        kind: RefKind,
        id: String,
    },
    /// `format` names a format this version does not read.
    UnsupportedFormat {
        found: String,
        newer: bool,
    },
    BadChoice {
        value: String,
        allowed: &'static [&'static str],
    },
    TargetNotPositive {
        value: Decimal,
    },
    ActualNegative {
        value: Decimal,
    },
    /// An organisation item or the survey outside `[0, max]`.
    ScoreOutOfRange {
        value: Decimal,
        max: Decimal,
    },
    /// A qualitative deduction outside `[0, cap × base]`.
    DeductionOutOfRange {
        value: Decimal,
        cap_share: Decimal,
        base: Decimal,
        cap: Decimal,
    },
    /// A preparation score outside `[0, base]`.
    PrepOutOfRange {
        value: Decimal,
        base: Decimal,
    },
    /// A preparation score for a unit that is scored on completion.
    PrepOnPilot {
        indicator: String,
    },
    /// A completion row for a unit outside the indicator's pilot list.
    CompletionOffPilot {
        indicator: String,
    },
    /// Departments are scored on completion only.
    PrepForDepartment,
    /// A row with keys of more than one kind (quantitative, qualitative, preparation).
    MixedRow {
        keys: Vec<String>,
    },
    /// A row for an indicator that does not apply to the unit (`units = [...]`).
    RowNotApplicable {
        indicator: String,
        unit: String,
    },
    /// A deduction on a row marked complete.
    DeductionWhenComplete,
    /// A penalty with both `level` and `points`, or neither.
    PenaltyLevelOrPoints,
    /// A value that must not be negative (a base, a maximum, points).
    Negative {
        value: Decimal,
    },
    /// A number outside its sensible range (a policy share, a count, a score of more
    /// than [`crate::project::MAX_SCORE`] points).
    OutOfRange {
        value: String,
        range: &'static str,
    },
    /// A table with a key and its older spelling (`veto_blocks_single_item` beside
    /// `single_item_veto`): which one holds is unclear.
    OldKeyWithNew {
        old: &'static str,
        new: &'static str,
    },
    /// A department's row for an indicator whose `responsible` list does not name it (a
    /// department is assessed on the targets it is responsible for).
    DepartmentNotResponsible {
        department: String,
        indicator: String,
    },
    /// A value for an organisation item whose `applies_to` leaves out the unit's kind.
    OrgItemNotApplicable {
        item: String,
        unit: String,
    },
    /// A row of the other kind than the indicator's `kind` fixes.
    RowKindMismatch {
        indicator: String,
        kind: RowKind,
    },

    // ---- warnings -----------------------------------------------------------
    OrganizationSum {
        sum: Decimal,
        declared: Decimal,
    },
    AreasSum {
        sum: Decimal,
        task: Decimal,
    },
    AreaBasesSum {
        area: String,
        sum: Decimal,
        max: Decimal,
    },
    SectionsSum {
        sum: Decimal,
        total: Decimal,
    },
    AreaWithoutLead {
        area: String,
    },
    IndicatorWithoutResponsible {
        indicator: String,
    },
    Pending {
        unit: String,
        survey: bool,
        organization: usize,
        /// Rows the unit itself has not entered.
        rows: usize,
        /// A department's rows derived by `aggregate = "sum"` that wait for units' rows,
        /// and the names of those units: theirs to enter, not the department's.
        derived: usize,
        waiting_on: Vec<String>,
    },
    TieAtCut {
        cut: Cut,
        places: u32,
        winners: Vec<String>,
    },
    AwardSelectsNothing {
        award: String,
    },
    /// A vetoed unit that still wins a single-item award (`failed`: the names of the
    /// indicators it failed), for the leading group to confirm.
    VetoedWinner {
        unit: String,
        award: String,
        failed: Vec<String>,
    },
    /// Under `last_place_among = "all"`, a last place that is also comprehensive advanced.
    LastPlaceComprehensive {
        unit: String,
    },
    /// A department with a score sheet that no indicator names responsible: it has no
    /// 任务完成 to be assessed on (its task counts 0).
    DepartmentWithoutTask {
        unit: String,
    },
    /// A quantitative row off its target by more than `plausible_deviation` (boxed: the
    /// largest kind).
    Implausible(Box<ImplausibleRow>),
    /// Advanced individuals nominated in another number than the quota (等额推荐).
    NomineesOffQuota {
        unit: String,
        quota: u32,
        count: usize,
    },
    /// A procedure step due before an earlier step.
    ProcedureOutOfOrder {
        step: String,
        due: toml_edit::Date,
        earlier: String,
        earlier_due: toml_edit::Date,
    },
    /// A `[[returns]]` entry from a unit or department that does not owe a return at its
    /// step (by name; `owed`: who does, `None`: nobody).
    ReturnNotOwed {
        from: String,
        step: String,
        owed: Option<crate::project::Returns>,
    },
    /// Two `[[returns]]` entries of the same file (the same SHA-256): `first` is the
    /// earlier entry's file name.
    ReturnTwice {
        file: String,
        first: String,
    },
    /// A pilot unit that is not among the indicator's `units`: it is not scored on it
    /// at all, so being a pilot does nothing.
    PilotNotScored {
        unit: String,
    },
    /// A name that is empty (or only spaces): the tables would show a blank row.
    BlankName,
    /// A `short` name that is empty (or only spaces): a narrow column would show nothing.
    EmptyShort,
    /// Two units or departments (or two indicators) of the same name: the tables cannot
    /// tell them apart, and a command given the name cannot tell which is meant.
    DuplicateName {
        name: String,
        other: String,
    },
}

/// A row off its target by more than `plausible_deviation`, by name.
#[derive(Debug, Clone, PartialEq)]
pub struct ImplausibleRow {
    pub unit: String,
    pub indicator: String,
    /// `1 + d` (`A / T` for `at_least`).
    pub completion: Decimal,
    /// The units whose bonus it lowers, when it sets the group's best over-completion.
    pub lowers: Vec<String>,
}

/// The TOML type a key should have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    String,
    Decimal,
    WholeNumber,
    Bool,
    Table,
    ArrayOfTables,
    ArrayOfStrings,
    /// A TOML local date (`2027-01-10`).
    Date,
}

impl ProblemKind {
    pub fn severity(&self) -> Severity {
        use ProblemKind::*;
        match self {
            OrganizationSum { .. }
            | AreasSum { .. }
            | AreaBasesSum { .. }
            | SectionsSum { .. }
            | AreaWithoutLead { .. }
            | IndicatorWithoutResponsible { .. }
            | Pending { .. }
            | TieAtCut { .. }
            | AwardSelectsNothing { .. }
            | VetoedWinner { .. }
            | LastPlaceComprehensive { .. }
            | DepartmentWithoutTask { .. }
            | Implausible(_)
            | NomineesOffQuota { .. }
            | ProcedureOutOfOrder { .. }
            | ReturnNotOwed { .. }
            | ReturnTwice { .. }
            | BlankName
            | DuplicateName { .. }
            | PilotNotScored { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// A problem at a place in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The TOML path of the value (or table) concerned; the root for whole-file problems.
    pub path: TomlPath,
    /// Byte offset into the text, where known.
    pub at: Option<usize>,
}

impl Problem {
    pub fn new(kind: ProblemKind, path: TomlPath) -> Self {
        Problem {
            kind,
            path,
            at: None,
        }
    }

    pub fn at(mut self, at: Option<usize>) -> Self {
        self.at = at;
        self
    }

    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }

    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}

/// Line and column (both from 1, the column in characters) of a byte offset.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = floor_char_boundary(text, at.min(text.len()));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = text[line_start..at].chars().count() + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Whether any of the problems is an error.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(Problem::is_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "a = 1\n名 = \"x\"\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 4), (1, 5));
        assert_eq!(line_col(text, 6), (2, 1));
        // After "名 " (3 bytes + 1): column 3.
        assert_eq!(line_col(text, 10), (2, 3));
        // Past the end, or inside a character, stays in range.
        assert_eq!(line_col(text, 999), (3, 1));
        assert_eq!(line_col(text, 7), (2, 1));
    }
}

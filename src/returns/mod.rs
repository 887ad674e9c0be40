//! Returns (SPEC §7): the request workbooks kaoping sends out (`kaoping sheets`) and the
//! filled ones it takes back in (`kaoping import`).
//!
//! # The layout both sides share
//!
//! A request workbook is made for one sender: a responsible department (its indicators ×
//! every county and the zone they apply to, one worksheet per indicator; the values go
//! into `[scores.<unit>]`) or a county or the zone (its whole self-check sheet on one
//! worksheet: organisation items, survey, every indicator row, penalties; the values go
//! into `[selfcheck.<unit>]`). Every worksheet holding data has the same [`COLUMNS`], in
//! this order, under one header row:
//!
//! | column | key | holds |
//! |---|---|---|
//! | A (hidden) | `unit_id` | the id of the unit (or department) the row scores |
//! | B (hidden) | `item_id` | what the row is: an indicator id, `organization.<id>`, `survey` or `penalty` |
//! | C | `unit` | the unit's name |
//! | D | `item` | the indicator's / organisation item's name, 群众测评 (the survey; a hand-made sheet may write 群众满意度), or 处分扣分 |
//! | E | `target` | 目标值 (quantitative rows) |
//! | F | `actual` | 实际完成值 (quantitative rows) |
//! | G | `status` | 已完成 / 未完成 (qualitative rows); 省级通报 / 市级通报 (penalty rows) |
//! | H | `deduction` | 扣分 (a qualitative row not met) |
//! | I | `score` | 得分: an organisation item's or the survey's score, a preparation score (`prep`), or a penalty's explicit points |
//! | J | `remark` | 备注: free text, never imported (a penalty row's note is its remark) |
//!
//! The header row holds the column titles in the workbook's language ([`Column::title`]);
//! the hidden columns' headers are the keys (`unit_id`, `item_id`), which is how the
//! reader finds the header row (and tells a workbook made by `kaoping sheets` from a
//! sheet typed by hand, which it matches by names instead). A CSV return has the same
//! columns; its header row may use the keys or either language's titles, and it may
//! leave out the two id columns.
//!
//! A workbook made by `kaoping sheets` carries, in its custom document properties,
//! [`PROP_FINGERPRINT`] (see [`fingerprint`]), [`PROP_FROM`] (the sender's id),
//! [`PROP_STEP`] (the `[[procedure]]` step it answers), [`PROP_INTO`] (`scores` or
//! `selfcheck`) and [`PROP_YEAR`] (the year); its title property is the project's title.
//!
//! Reading a return back: [`read`] (bytes → rows) and [`import`] (rows → the edits,
//! checked, and what they change).

pub mod import;
pub mod read;

mod sheets;

pub use sheets::{Recipients, RequestWorkbook, request_workbooks, safe_file_name, step_of};

use crate::project::Project;
use sha2::{Digest, Sha256};

/// One column of a request workbook's data sheets (and of a CSV return).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    UnitId,
    ItemId,
    Unit,
    Item,
    Target,
    Actual,
    Status,
    Deduction,
    Score,
    Remark,
}

/// Every column, in the order of the sheet (A, B, C, …).
pub const COLUMNS: [Column; 10] = [
    Column::UnitId,
    Column::ItemId,
    Column::Unit,
    Column::Item,
    Column::Target,
    Column::Actual,
    Column::Status,
    Column::Deduction,
    Column::Score,
    Column::Remark,
];

impl Column {
    /// Its key: the hidden columns' header text, and a CSV header a script may use.
    pub fn key(self) -> &'static str {
        match self {
            Column::UnitId => "unit_id",
            Column::ItemId => "item_id",
            Column::Unit => "unit",
            Column::Item => "item",
            Column::Target => "target",
            Column::Actual => "actual",
            Column::Status => "status",
            Column::Deduction => "deduction",
            Column::Score => "score",
            Column::Remark => "remark",
        }
    }

    /// Its header in a workbook: Chinese, or English (the key for the id columns).
    pub fn title(self, chinese: bool) -> &'static str {
        match (self, chinese) {
            (Column::UnitId | Column::ItemId, _) => self.key(),
            (Column::Unit, true) => "单位",
            (Column::Unit, false) => "Unit",
            (Column::Item, true) => "项目",
            (Column::Item, false) => "Item",
            (Column::Target, true) => "目标值",
            (Column::Target, false) => "Target",
            (Column::Actual, true) => "实际完成值",
            (Column::Actual, false) => "Actual",
            (Column::Status, true) => "完成情况",
            (Column::Status, false) => "Status",
            (Column::Deduction, true) => "扣分",
            (Column::Deduction, false) => "Deduction",
            (Column::Score, true) => "得分",
            (Column::Score, false) => "Score",
            (Column::Remark, true) => "备注",
            (Column::Remark, false) => "Remark",
        }
    }

    /// The column a header cell names (a key, or a title in either language).
    pub fn from_header(text: &str) -> Option<Column> {
        let text = text.trim();
        COLUMNS.into_iter().find(|c| {
            c.key().eq_ignore_ascii_case(text)
                || c.title(true) == text
                || c.title(false).eq_ignore_ascii_case(text)
        })
    }

    /// The spreadsheet letter of the column (A for the first).
    pub fn letter(self) -> char {
        let at = COLUMNS.iter().position(|c| *c == self).unwrap_or(0);
        (b'A' + at as u8) as char
    }
}

/// `item_id` of the survey row.
pub const ITEM_SURVEY: &str = "survey";
/// `item_id` of a penalty row.
pub const ITEM_PENALTY: &str = "penalty";
/// `item_id` prefix of an organisation item's row (`organization.leadership`).
pub const ITEM_ORG_PREFIX: &str = "organization.";

/// What `status` says of a qualitative row, in either language (the first is written).
pub const STATUS_COMPLETE: &[&str] = &["已完成", "complete", "completed", "met"];
pub const STATUS_INCOMPLETE: &[&str] = &["未完成", "incomplete", "not met"];
/// What `status` says of a penalty row, in either language (the first is written).
pub const LEVEL_PROVINCIAL: &[&str] = &["省级通报", "provincial"];
pub const LEVEL_MUNICIPAL: &[&str] = &["市级通报", "municipal"];

/// Custom document properties of a request workbook.
pub const PROP_FINGERPRINT: &str = "kaoping-fingerprint";
pub const PROP_FROM: &str = "kaoping-from";
pub const PROP_STEP: &str = "kaoping-step";
pub const PROP_INTO: &str = "kaoping-into";
/// The year the workbook was made for ([`procedure_year`]), to name it when a workbook
/// of another year is refused (the fingerprint alone cannot say which year it was).
pub const PROP_YEAR: &str = "kaoping-year";

/// The year of the evaluation a project is for: the year of its earliest `[[procedure]]`
/// due date (the regulation's returns fall due in the January after the year
/// evaluated), `None` when it has no steps.
pub fn procedure_year(project: &Project) -> Option<u16> {
    project.procedure.iter().map(|s| s.due.year).min()
}

/// What ties a request workbook to its project and year: the first 16 hex digits of the
/// SHA-256 of the project's title and [`procedure_year`]. Adding a unit or correcting an
/// indicator keeps it; another project's title or another year's dates change it.
pub fn fingerprint(project: &Project) -> String {
    let year = procedure_year(project).map_or(String::new(), |y| y.to_string());
    let text = format!("kaoping-return/1\n{}\n{year}", project.title);
    sha256_hex(text.as_bytes())[..16].to_string()
}

/// The SHA-256 of some bytes, lowercase hex (what `[[returns]]` records of a file).
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_have_letters_and_are_found_by_any_header() {
        assert_eq!(Column::UnitId.letter(), 'A');
        assert_eq!(Column::Actual.letter(), 'F');
        assert_eq!(Column::Remark.letter(), 'J');
        for c in COLUMNS {
            assert_eq!(Column::from_header(c.key()), Some(c));
            assert_eq!(Column::from_header(c.title(true)), Some(c));
            assert_eq!(Column::from_header(c.title(false)), Some(c));
        }
        assert_eq!(Column::from_header(" 实际完成值 "), Some(Column::Actual));
        assert_eq!(Column::from_header("实际"), None);
    }

    #[test]
    fn the_fingerprint_follows_the_title_and_the_year_only() {
        let demo = crate::project::load(crate::project::DEMO).project.unwrap();
        let mut more = demo.clone();
        more.units.pop();
        assert_eq!(fingerprint(&demo), fingerprint(&more));
        let mut other_year = demo.clone();
        for step in &mut other_year.procedure {
            step.due.year += 1;
        }
        assert_ne!(fingerprint(&demo), fingerprint(&other_year));
        let mut other = demo.clone();
        other.title.push('x');
        assert_ne!(fingerprint(&demo), fingerprint(&other));
        assert_eq!(fingerprint(&demo).len(), 16);
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

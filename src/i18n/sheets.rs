//! The words of the request workbooks (`kaoping sheets`, SPEC §7): their file names,
//! the title and notes above each sheet's header, the item names with their maxima, the
//! messages of the data validation, and what the command line and the terminal program
//! say when they write them.

use super::Lang;
use super::macros::sentences;
use crate::project::{Direction, Indicator, RowKind};

/// The sentences of the request workbooks, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetsText(pub Lang);

impl SheetsText {
    sentences! {
        /// The file name (without `.xlsx`) of a department's assessment workbook.
        pub fn file_department(name: &str) {
            zh: "{name}考核表",
            en: "{name} assessment",
        }

        /// The file name (without `.xlsx`) of a county's or the zone's self-check workbook.
        pub fn file_unit(name: &str) {
            zh: "{name}自查表",
            en: "{name} self-check",
        }

        /// The first line of a department's sheet: the evaluation and the indicator.
        pub fn title_department(title: &str, department: &str, indicator: &str) {
            zh: "{title} · {department}考核表 · {indicator}",
            en: "{title} · assessment by {department} · {indicator}",
        }

        /// The first line of a unit's sheet.
        pub fn title_unit(title: &str, unit: &str) {
            zh: "{title} · {unit}自查表",
            en: "{title} · self-check of {unit}",
        }

        pub(super) fn base_part(base: &str) {
            zh: "{BASE} {base} 分",
            en: "{BASE} {base} points",
        }

        pub(super) fn measure_part(measure: &str) {
            zh: "计量单位：{measure}",
            en: "unit of measure: {measure}",
        }

        pub(super) fn at_most_part() {
            zh: "{ACTUAL_VALUE}不高于{TARGET_VALUE}即为完成",
            en: "met when the {ACTUAL_VALUE} is at most the {TARGET_VALUE}",
        }

        pub(super) fn bonus_part() {
            zh: "{BONUS_INDICATOR}",
            en: "a {BONUS_INDICATOR}",
        }

        pub(super) fn qualitative_part() {
            zh: "{QUALITATIVE}：选择完成情况，{INCOMPLETE}的填{DEDUCTION}",
            en: "{QUALITATIVE}: choose the status, and give the {DEDUCTION} when not met",
        }

        pub(super) fn either_kind_part() {
            zh: "填{TARGET_VALUE}和实际完成值，或者选择完成情况（{QUALITATIVE}）",
            en: "give the target and the actual, or choose the status ({QUALITATIVE})",
        }

        pub(super) fn pilot_part(base: &str) {
            zh: "{NON_PILOT}县（区）只填{PREPARATION}{EARNED}（0–{base}）",
            en: "units that are {NON_PILOT} give only the {PREPARATION} score (0–{base})",
        }

        /// How to fill a department's sheet, with the day it is due.
        pub fn how_department_due(due: &str) {
            zh: "请于 {due} 前填写白色单元格，每个县（区）一行；灰色单元格不用填；不要增删行、列或工作表。",
            en: "Fill in the white cells by {due}, one row per county or zone; the grey cells stay empty; do not add or remove rows, columns or sheets.",
        }

        /// How to fill a department's sheet, no due day known.
        pub fn how_department() {
            zh: "请填写白色单元格，每个县（区）一行；灰色单元格不用填；不要增删行、列或工作表。",
            en: "Fill in the white cells, one row per county or zone; the grey cells stay empty; do not add or remove rows, columns or sheets.",
        }

        /// How to fill a unit's sheet, with the day it is due.
        pub fn how_unit_due(due: &str) {
            zh: "请于 {due} 前填写白色单元格：{ORGANIZATION}、{SURVEY}和{PREPARATION}填{EARNED}；定量指标填{TARGET_VALUE}和实际完成值；{QUALITATIVE}选择完成情况，{INCOMPLETE}的填{DEDUCTION}；{PENALTY}选择通报级别或填扣分分数，备注写明事由。不要增删行或列。",
            en: "Fill in the white cells by {due}: the score of each {ORGANIZATION} item, the {SURVEY} and {PREPARATION}; the target and actual of a measured indicator; the status of a {QUALITATIVE} one (and the {DEDUCTION} when not met); a {PENALTY}: the level of the circular or the points, with the reason as the remark. Do not add or remove rows or columns.",
        }

        /// How to fill a unit's sheet, no due day known.
        pub fn how_unit() {
            zh: "请填写白色单元格：{ORGANIZATION}、{SURVEY}和{PREPARATION}填{EARNED}；定量指标填{TARGET_VALUE}和实际完成值；{QUALITATIVE}选择完成情况，{INCOMPLETE}的填{DEDUCTION}；{PENALTY}选择通报级别或填扣分分数，备注写明事由。不要增删行或列。",
            en: "Fill in the white cells: the score of each {ORGANIZATION} item, the {SURVEY} and {PREPARATION}; the target and actual of a measured indicator; the status of a {QUALITATIVE} one (and the {DEDUCTION} when not met); a {PENALTY}: the level of the circular or the points, with the reason as the remark. Do not add or remove rows or columns.",
        }

        /// An item with its maximum, in a unit's sheet.
        pub fn item_max(name: &str, max: &str) {
            zh: "{name}（{MAX} {max}）",
            en: "{name} ({MAX} {max})",
        }

        /// An indicator in a unit's sheet: its name, unit of measure and base.
        pub fn indicator_measured(name: &str, measure: &str, base: &str) {
            zh: "{name}（{measure}；{BASE} {base}）",
            en: "{name} ({measure}; {BASE} {base})",
        }

        /// An indicator with no unit of measure in a unit's sheet.
        pub fn indicator_plain(name: &str, base: &str) {
            zh: "{name}（{BASE} {base}）",
            en: "{name} ({BASE} {base})",
        }

        /// An indicator a unit is scored on by its preparation work.
        pub fn indicator_preparation(name: &str, base: &str) {
            zh: "{name}（{NON_PILOT}：{PREPARATION}{EARNED}，{MAX} {base}）",
            en: "{name} ({NON_PILOT}: {PREPARATION} score, {MAX} {base})",
        }

        pub fn survey_item() {
            zh: "{SURVEY}",
            en: "{SURVEY}",
        }

        pub fn penalty_item() {
            zh: "{PENALTY}",
            en: "{PENALTY}",
        }

        /// The title of the message of a refused value.
        pub fn invalid_title() {
            zh: "填写有误",
            en: "Not accepted",
        }

        pub fn invalid_number() {
            zh: "请填写不小于 0 的数",
            en: "Give a number of at least 0.",
        }

        pub fn invalid_choice() {
            zh: "请从列表中选择",
            en: "Choose from the list.",
        }

        /// No department is responsible for an indicator: no workbook to write.
        pub fn none_for_departments() {
            zh: "没有要写出的考核表：没有部门是任何指标的{ROLE_RESPONSIBLE}单位",
            en: "no workbooks to write: no department is responsible for an indicator",
        }

        /// No county or zone: no workbook to write.
        pub fn none_for_units() {
            zh: "没有要写出的自查表：项目中没有县（区）",
            en: "no workbooks to write: the project has no counties or zone",
        }

        /// A workbook would replace a file that is there already.
        pub fn would_overwrite(file: &str) {
            zh: "{file} 已存在（可能是已填好的回执），没有写入任何文件；确需覆盖请加 --force",
            en: "{file} exists already (it may be a filled return); nothing was written; add --force to replace it",
        }

        /// The terminal program wrote the workbooks.
        pub fn written(count: usize, folder: &str) {
            zh: "已写出 {count} 个填报表到 {folder}",
            en: "wrote {count} request workbooks to {folder}",
        }
    }

    /// The notes line of an indicator's sheet: base, unit of measure, direction, bonus,
    /// kind, pilots.
    pub fn indicator_notes(self, indicator: &Indicator) -> String {
        let base = indicator.base.normalize().to_string();
        let mut parts = vec![self.base_part(&base)];
        if let Some(measure) = &indicator.measure {
            parts.push(self.measure_part(measure));
        }
        if indicator.direction == Direction::AtMost {
            parts.push(self.at_most_part());
        }
        if indicator.bonus {
            parts.push(self.bonus_part());
        }
        match indicator.kind {
            Some(RowKind::Qualitative) => parts.push(self.qualitative_part()),
            Some(RowKind::Quantitative) => {}
            None => parts.push(self.either_kind_part()),
        }
        if indicator.pilot.is_some() {
            parts.push(self.pilot_part(&base));
        }
        parts.join(self.0.pick("；", "; "))
    }
}

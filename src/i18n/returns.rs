//! The sentences of taking a return in (`kaoping import`, [`crate::returns`]): what a
//! return will change, and every reason a file or a cell of it cannot go in. Places are
//! written as a spreadsheet writes them (`人社局考核表.xlsx!城镇新增就业!F7`).

use super::Lang;
use super::macros::sentences;
use crate::project::SheetKind;

/// The sentences of returns, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReturnsText(pub Lang);

impl ReturnsText {
    /// The sheets a return goes into, as a phrase.
    pub fn sheets(self, kind: SheetKind) -> String {
        match kind {
            SheetKind::Scores => self.assessed_sheets(),
            SheetKind::Selfcheck => self.selfcheck_sheets(),
        }
    }

    /// What an import does, in one line: how many values for how many units, from which
    /// file, into which sheets.
    pub fn summary(self, values: u32, units: usize, file: &str, into: &str) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let counted = format!(
            "{} for {}",
            plural(values as usize, "value", "values"),
            plural(units, "unit", "units")
        );
        self.summary_counted(values, units, file, into, &counted)
    }

    /// The end of every refusal: how many errors, and that nothing was written.
    pub fn nothing_written(self, errors: usize) -> String {
        if errors == 1 {
            self.nothing_written_one()
        } else {
            self.nothing_written_many(errors)
        }
    }

    sentences! {
        pub(super) fn assessed_sheets() {
            zh: "考评得分",
            en: "the assessed scores",
        }

        pub(super) fn selfcheck_sheets() {
            zh: "自查",
            en: "the self-check",
        }

        /// What an import does, in one line (English counts made by [`Self::summary`]).
        pub(super) fn summary_counted(values: u32, units: usize, file: &str, into: &str, counted: &str) {
            zh: "{file}：{units} 个单位的 {values} 个值，记入{into}",
            en: "{counted} from {file}, into {into}",
        }

        /// A return whose every value is what the project holds already.
        pub fn receipt_only(file: &str, into: &str) {
            zh: "{file}：所有值与{into}中现有的相同，只记下已收到",
            en: "{file}: every value is what {into} already hold; only its receipt is recorded",
        }

        /// A row that is not the sender's to fill.
        pub fn not_theirs(place: &str, sender: &str, unit: &str, item: &str) {
            zh: "{place}：{sender}报来的表不能填写{unit}的“{item}”（只能填本单位的，或本部门负责的指标）",
            en: "{place}: a return from {sender} cannot set {unit}'s “{item}” (only its own rows, or the indicators it is responsible for)",
        }

        /// `--into` against what the workbook was made for.
        pub fn into_contradicts(file: &str, workbook: &str, asked: &str) {
            zh: "{file}：这份工作簿是为{workbook}制作的，不能记入{asked}，未导入",
            en: "{file}: this workbook was made for {workbook}; it cannot go into {asked}; not taken in",
        }

        /// `--from` against the workbook's sender.
        pub fn from_contradicts(file: &str, workbook: &str, asked: &str) {
            zh: "{file}：这份工作簿是发给 {workbook} 的，不是 {asked} 的，未导入",
            en: "{file}: this workbook was made for {workbook}, not for {asked}; not taken in",
        }

        /// Not one value filled in.
        pub fn empty(file: &str) {
            zh: "{file}：没有填写任何值（是未填写的填报表？），未导入",
            en: "{file}: not one value is filled in (an unfilled request sheet?); not taken in",
        }

        /// A completed row with a deduction.
        pub fn deduction_when_complete(place: &str) {
            zh: "{place}：已完成的指标不填扣分",
            en: "{place}: a completed row takes no deduction",
        }

        /// A percentage stored as a fraction.
        pub fn fraction(place: &str, value: &str, percent: &str) {
            zh: "{place}：{value} 像是表格把 {percent}% 存成了小数；请按百分数填写 {percent}（不带 % 或设为文本）",
            en: "{place}: {value} looks like {percent}% stored as a fraction; type {percent} (without %, or as text)",
        }

        /// A value the project file cannot hold.
        pub fn not_writable(place: &str) {
            zh: "{place}：这个值不能写入项目文件（不能为负数，或数值过大）",
            en: "{place}: this value cannot be written to the project file (negative, or too large)",
        }

        /// An unchanged return, not recorded without `--unchanged`.
        pub fn unchanged_not_recorded() {
            zh: "未记为已收到：表中的值与项目完全相同，可能是未填写的填报表；确为报来的表请加 --unchanged",
            en: "not recorded as received: its values are exactly the project's, so it may be an unfilled request sheet; add --unchanged if it really is a return",
        }

        /// The same file a second time.
        pub fn already(file: &str, date: &str) {
            zh: "{file} 已于 {date} 导入，本次未作修改",
            en: "{file} was already taken in on {date}; nothing was changed",
        }

        /// `--dry-run`: the preview only.
        pub fn dry_run() {
            zh: "预览（--dry-run），未写入",
            en: "preview (--dry-run): nothing written",
        }

        /// In the terminal program, once a return is in (one undo step).
        pub fn taken_in(summary: &str, undo: &str) {
            zh: "已导入 {summary}（按 {undo} 一次全部撤销）",
            en: "taken in: {summary} ({undo} undoes it all at once)",
        }

        /// In the terminal program, a return not taken in after its preview.
        pub fn not_taken_in(file: &str) {
            zh: "未导入 {file}",
            en: "{file} not taken in",
        }

        /// After the save.
        pub fn saved(project: &str) {
            zh: "已保存 {project}",
            en: "saved {project}",
        }

        pub(super) fn nothing_written_many(errors: usize) {
            zh: "共 {errors} 处错误，未写入任何值",
            en: "{errors} errors; nothing was written",
        }

        pub(super) fn nothing_written_one() {
            zh: "共 1 处错误，未写入任何值",
            en: "1 error; nothing was written",
        }

        /// A project's title and the year of its procedure's dates.
        pub fn title_and_procedure_year(title: &str, year: &str) {
            zh: "“{title}”（考评程序在 {year} 年）",
            en: "“{title}” (procedure dated {year})",
        }

        /// A workbook made for another project or year.
        pub fn other_project(file: &str, theirs: &str, ours: &str) {
            zh: "{file}：这份工作簿是为{theirs}制作的，不是本项目{ours}的，未导入",
            en: "{file}: this workbook was made for {theirs}, not for this project {ours}; not taken in",
        }

        /// A cell that cannot go in: where, which column, what it holds, why.
        pub fn cell_error(place: &str, column: &str, text: &str, why: &str) {
            zh: "{place}：{column} “{text}” {why}",
            en: "{place}: {column} “{text}” {why}",
        }

        pub fn not_a_number() {
            zh: "不是数",
            en: "is not a number",
        }

        pub fn bad_grouping() {
            zh: "的千分位逗号位置不对",
            en: "has its thousands separators in the wrong places",
        }

        pub fn not_a_rate() {
            zh: "带 %，但此项不是百分比指标",
            en: "has a %, but this is not a rate",
        }

        pub fn a_date() {
            zh: "是日期，不是数",
            en: "is a date, not a number",
        }

        pub fn not_a_status(complete: &str, incomplete: &str) {
            zh: "应填“{complete}”或“{incomplete}”",
            en: "should be “{complete}” or “{incomplete}”",
        }

        pub fn not_a_level(provincial: &str, municipal: &str) {
            zh: "应填“{provincial}”或“{municipal}”",
            en: "should be “{provincial}” or “{municipal}”",
        }

        /// A value in a column its row does not take.
        pub fn not_taken(place: &str, column: &str, item: &str) {
            zh: "{place}：“{item}”不填{column}",
            en: "{place}: “{item}” takes no {column}",
        }

        pub fn unknown_unit(place: &str, name: &str) {
            zh: "{place}：本项目没有单位“{name}”",
            en: "{place}: no unit “{name}” in this project",
        }

        pub fn unknown_unit_did_you_mean(place: &str, name: &str, names: &str) {
            zh: "{place}：本项目没有单位“{name}”，是否指 {names}？",
            en: "{place}: no unit “{name}” in this project; did you mean {names}?",
        }

        pub fn unknown_item(place: &str, name: &str) {
            zh: "{place}：本项目没有项目“{name}”",
            en: "{place}: no item “{name}” in this project",
        }

        pub fn unknown_item_did_you_mean(place: &str, name: &str, names: &str) {
            zh: "{place}：本项目没有项目“{name}”，是否指 {names}？",
            en: "{place}: no item “{name}” in this project; did you mean {names}?",
        }

        /// A row with values but without a unit or an item.
        pub fn unnamed(place: &str, column: &str) {
            zh: "{place}：此行有值，但未填{column}",
            en: "{place}: this row has values but no {column}",
        }

        /// The same unit and item twice.
        pub fn twice(place: &str, first: &str) {
            zh: "{place}：与 {first} 是同一单位的同一项目",
            en: "{place}: the same unit and item as {first}",
        }

        pub fn unknown_sender(file: &str, id: &str) {
            zh: "{file}：工作簿所写的报送单位“{id}”不在本项目中",
            en: "{file}: the sender the workbook names, “{id}”, is not in this project",
        }

        pub fn unknown_step(file: &str, id: &str) {
            zh: "{file}：工作簿所写的考评程序环节“{id}”不在本项目中",
            en: "{file}: the procedure step the workbook names, “{id}”, is not in this project",
        }

        pub fn no_sender(file: &str) {
            zh: "{file}：看不出是哪个单位报送的（各行属于多个单位，也没有同一个责任单位）；请用 --from 指明报送单位",
            en: "{file}: cannot tell who sent it (its rows are for several units, with no one responsible department); name the sender with --from",
        }

        pub fn no_step(file: &str) {
            zh: "{file}：本项目没有考评程序环节，无法登记这份报表",
            en: "{file}: this project has no procedure steps to record the return under",
        }

        // ---- reading the file ----

        /// The reader's own words (`detail`) are English: the Chinese sentence leaves
        /// them out.
        pub fn damaged(file: &str, detail: &str) {
            zh: "{file}：不是可读的 xlsx 工作簿（可能已损坏，或不是用 Excel/WPS 保存的 .xlsx）",
            en: "{file}: not a readable xlsx workbook (damaged?): {detail}",
        }

        pub fn encrypted(file: &str) {
            zh: "{file}：工作簿设有打开密码（已加密），或是旧的 .xls 格式；请去掉密码并另存为 .xlsx 后再导入",
            en: "{file}: the workbook is protected with a password (encrypted), or an old .xls; remove the password and save it as .xlsx, then import it",
        }

        pub fn not_utf8_or_gbk(file: &str) {
            zh: "{file}：既不是 UTF-8 也不是 GBK 编码的 CSV，未读取",
            en: "{file}: neither UTF-8 nor GBK text; not read",
        }

        pub fn bad_csv(file: &str, detail: &str) {
            zh: "{file}：CSV 格式有误：{detail}",
            en: "{file}: not a well-formed CSV: {detail}",
        }

        pub fn no_header(file: &str) {
            zh: "{file}：没有一张表有标题行（单位、项目、目标值、实际完成值……）",
            en: "{file}: no sheet has a header row (unit, item, target, actual, …)",
        }

        pub fn missing_columns(place: &str, columns: &str) {
            zh: "{place}：标题行缺少列：{columns}",
            en: "{place}: the header row lacks the columns {columns}",
        }

        pub fn merged(place: &str, range: &str) {
            zh: "{place}：值所在的单元格 {range} 是合并单元格，看不出每个值属于哪一行；请取消合并",
            en: "{place}: the value cells {range} are merged, so whose value it is cannot be told; unmerge them",
        }

        pub fn no_cached_value(place: &str, formula: &str) {
            zh: "{place}：公式 ={formula} 没有保存计算结果；请在 Excel 或 WPS 中打开并保存后再导入",
            en: "{place}: the formula ={formula} was saved without its value; open and save the workbook in Excel or WPS, then import it",
        }

        // ---- notes ----

        pub fn read_as_gbk(file: &str) {
            zh: "{file}：不是 UTF-8，已按 GBK 编码读取",
            en: "{file}: not UTF-8; read as GBK",
        }

        pub fn extra_column(place: &str, header: &str) {
            zh: "{place}：列“{header}”不是报表的列，已忽略",
            en: "{place}: the column “{header}” is not one of the return's; ignored",
        }

        pub fn sheet_skipped(file: &str, sheet: &str) {
            zh: "{file}：工作表“{sheet}”没有标题行，未读取",
            en: "{file}: the sheet “{sheet}” has no header row; not read",
        }
    }
}

//! The indicator grid's and the block paste's sentences ([`crate::tui`]): where a pasted
//! cell goes wrong, what a paste will change, what it did.

use super::macros::sentences;

/// The sentences of the indicator grid and of a block paste, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridText(pub super::Lang);

impl GridText {
    sentences! {
        /// Above the grid: which indicator of how many.
        pub fn position(n: usize, count: usize) {
            zh: "第 {n}/{count} 项",
            en: "{n} of {count}",
        }

        /// Above the grid: the indicator's base and its area.
        pub fn base_and_area(base: &str, area: &str) {
            zh: "{BASE} {base} · {area}",
            en: "{BASE} {base} · {area}",
        }

        /// A cell of a paste that cannot go in: where, what, why; nothing was pasted.
        pub fn cell_refused(row: usize, col: usize, place: &str, text: &str, why: &str) {
            zh: "第 {row} 行第 {col} 列（{place}）“{text}”：{why}。未粘贴任何值",
            en: "row {row}, column {col} ({place}) “{text}”: {why}. Nothing was pasted",
        }

        /// A cell of a paste that falls outside the grid or the sheet.
        pub fn cell_refused_nowhere(row: usize, col: usize, text: &str, why: &str) {
            zh: "第 {row} 行第 {col} 列“{text}”：{why}。未粘贴任何值",
            en: "row {row}, column {col} “{text}”: {why}. Nothing was pasted",
        }

        /// Why a pasted cell is refused: not a number.
        pub fn not_a_number() {
            zh: "不是数字",
            en: "not a number",
        }

        /// Why a pasted cell is refused: commas that are not thousands separators.
        pub fn bad_grouping() {
            zh: "千位分隔符只能每三位一个",
            en: "thousands separators go between groups of three digits",
        }

        /// Why a pasted cell is refused: a percentage where the field is not a rate.
        pub fn not_a_rate() {
            zh: "这一项的计量单位不是 %，不能写百分号",
            en: "this field is not a rate (its measure is not %): no % here",
        }

        /// Why a pasted cell is refused: no value is entered there.
        pub fn no_value_here() {
            zh: "这里没有要填的数值",
            en: "there is no value to enter here",
        }

        /// Why a pasted cell is refused: a status is set with a key.
        /// A paste while a question waits for its answer.
        pub fn paste_during_question() {
            zh: "有问题待回答，粘贴的内容没有录入",
            en: "a question waits for its answer: the paste was not taken",
        }

        pub fn status_not_pasted(key: &str) {
            zh: "完成情况不能粘贴，请用 {key} 设置",
            en: "a status is not pasted: set it with {key}",
        }

        pub fn status_by_key(key: &str) {
            zh: "完成情况不用输入：按 {key} 切换",
            en: "a status is not typed: {key} switches it",
        }

        /// A paste with more rows than there are below the cursor.
        pub fn too_many_rows(rows: usize, room: usize) {
            zh: "粘贴了 {rows} 行，光标往下只有 {room} 行。未粘贴任何值",
            en: "{rows} rows pasted, but only {room} from the cursor down. Nothing was pasted",
        }

        /// The head of the question before a paste.
        pub fn paste_head(cells: usize, rows: usize, cols: usize, changed: usize) {
            zh: "粘贴 {rows} 行 × {cols} 列，{cells} 个值，其中 {changed} 个有变化：",
            en: "paste {rows} rows × {cols} columns, {cells} values, {changed} of them new:",
        }

        /// A line of the question before a paste: a value, old → new.
        pub fn paste_line(place: &str, old: &str, new: &str) {
            zh: "{place} {old} → {new}",
            en: "{place} {old} → {new}",
        }

        /// The question lists no more.
        pub fn paste_more(count: usize) {
            zh: "……另有 {count} 个",
            en: "… and {count} more",
        }

        /// A unit whose total the paste changes.
        pub fn paste_total(unit: &str, old: &str, new: &str) {
            zh: "{unit} {TOTAL} {old} → {new}",
            en: "{unit} total {old} → {new}",
        }

        /// After a paste.
        pub fn pasted(count: usize, undo: &str) {
            zh: "已粘贴 {count} 个值（按 {undo} 一次全部撤销）",
            en: "pasted {count} values ({undo} undoes them all at once)",
        }

        /// A paste that changes nothing.
        pub fn paste_unchanged() {
            zh: "粘贴的值与现有的相同，没有修改",
            en: "the values pasted are those already there: nothing changed",
        }

        /// A paste the session refused as a whole (the first error).
        pub fn paste_rejected(why: &str) {
            zh: "未粘贴：{why}",
            en: "nothing was pasted: {why}",
        }

        /// A block pasted where it has no cells to go to.
        pub fn paste_where(grid: &str) {
            zh: "要粘贴一块数据，请先进入录入表，或按 {grid} 按指标录入，把光标放在第一个格上",
            en: "to paste a block, open a sheet (or the indicator grid, {grid}) and put the cursor on its first cell",
        }

        /// A status flipped in the grid.
        pub fn status_set(unit: &str, old: &str, new: &str) {
            zh: "{unit}：{old} → {new}",
            en: "{unit}: {old} → {new}",
        }

        /// A status set to incomplete: what follows.
        pub fn status_vetoes(unit: &str, old: &str, new: &str) {
            zh: "{unit}：{old} → {new}（{INCOMPLETE} → {VETO}）",
            en: "{unit}: {old} → {new} ({INCOMPLETE} → {VETO})",
        }

        /// A key pressed on a cell that takes no value.
        pub fn nothing_here() {
            zh: "这一格不用填写",
            en: "nothing is entered in this cell",
        }

        /// The project has no indicators.
        pub fn no_indicators() {
            zh: "还没有指标，请先在分工面板添加",
            en: "no indicators yet: add one in the matrix first",
        }
    }
}

//! The terminal program's sentences ([`crate::tui`]), most of them naming a key. The key
//! comes from the keymap (`tui::keymap::mention`), so that a sentence never names a key
//! the keymap does not bind; each such argument is a key's name as the help shows it.

use super::Lang;
use super::macros::sentences;

/// The terminal program's sentences, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TuiText(pub Lang);

impl TuiText {
    sentences! {
        /// Another copy of kaoping holds the file's lock.
        pub fn locked_by(holder: &str) {
            zh: "文件正由 {holder} 编辑",
            en: "the file is being edited by {holder}",
        }

        /// The file names a newer format than this program reads.
        pub fn newer_format(format: &str) {
            zh: "文件格式 {format} 比本程序新",
            en: "the file is of a newer format ({format})",
        }

        /// On opening: why the copy is read-only.
        pub fn opened_read_only(why: &str) {
            zh: "只读打开：{why}",
            en: "opened read-only: {why}",
        }

        /// A change tried in a read-only copy: why it is read-only.
        pub fn read_only_refused(why: &str) {
            zh: "不能修改（只读打开）：{why}",
            en: "no changes can be made (opened read-only): {why}",
        }

        /// The form being typed into is of something no longer in the project.
        pub fn form_gone(typed: &str) {
            zh: "正在编辑的项目已不在文件中（文件在磁盘上被修改，或已撤销），输入的“{typed}”没有写入",
            en: "what this form edited is no longer in the file (changed on disk, or undone); “{typed}” was not put in",
        }

        /// The question before a removal.
        pub fn remove_question(name: &str) {
            zh: "删除「{name}」？",
            en: "Remove 「{name}」?",
        }

        /// A line of the question before a removal: what goes with it, how many.
        pub fn removes(what: &str, count: usize) {
            zh: "{what}：{count}",
            en: "{what}: {count}",
        }

        /// After a question that removes something: `(u undoes it)`.
        pub fn undo_hint(undo: &str) {
            zh: "（可以用 {undo} 撤销）",
            en: "({undo} undoes it)",
        }

        /// Typing or pasting past the length of a field.
        pub fn too_long(max: usize) {
            zh: "一个字段最多 {max} 个字符；这段文字没有输入",
            en: "a field holds at most {max} characters; this text was not put in",
        }

        /// After a row switched between quantitative and qualitative.
        pub fn kind_switched(undo: &str) {
            zh: "已切换定量/定性（原有数值已清除，{undo} 撤销）",
            en: "switched quantitative/qualitative (its values were cleared; {undo} undoes)",
        }

        /// The terminal is smaller than the program needs.
        pub fn too_small(min_width: u16, min_height: u16, width: u16, height: u16) {
            zh: "终端太小：需要 {min_width}×{min_height}，现在 {width}×{height}",
            en: "Terminal too small: {min_width}×{min_height} needed, this one is {width}×{height}",
        }

        /// Under "terminal too small".
        /// Under "terminal too small" while a value is being typed (no key is typed in
        /// while it cannot be seen).
        pub fn too_small_editing(cancel: &str) {
            zh: "请放大窗口（正在编辑；{cancel} 取消）",
            en: "enlarge the window (editing; {cancel} cancels)",
        }

        /// Under "terminal too small" while a question or a window is open.
        pub fn too_small_window(close: &str) {
            zh: "请放大窗口（有对话框打开；{close} 关闭）",
            en: "enlarge the window (a window is open; {close} closes it)",
        }

        pub fn too_small_hint(quit: &str) {
            zh: "请放大窗口（{quit} 退出）",
            en: "enlarge the window ({quit} quits)",
        }

        /// A sheet's penalty line when there are none.
        pub fn no_penalties(add: &str) {
            zh: "（无）{add} 添加",
            en: "(none) {add} adds one",
        }

        /// The status line on a sheet's penalties.
        pub fn penalty_hint(level: &str, edit: &str, add: &str, remove: &str) {
            zh: "{PENALTY}：{level} 切换级别  {edit} 编辑  {add} 添加  {remove} 删除",
            en: "penalties: {level} level  {edit} edit  {add} add  {remove} remove",
        }

        /// The screen of a file with errors, under its name.
        pub fn nothing_written(retry: &str) {
            zh: "kaoping 不会写入有错误的文件。修正后按 {retry} 重试（在其他窗口保存后会自动重试）。",
            en: "kaoping never writes to a file with errors. Fix them, then {retry} retries (saving it in another window retries by itself).",
        }

        /// The title of the box of a value tried without saving it.
        pub fn scratch_banner(discard: &str) {
            zh: "试算草稿：不会保存，{discard} 丢弃",
            en: "SCRATCH: not saved; {discard} discards",
        }

        /// Enter on a value tried without saving it.
        pub fn scratch_refused(cancel: &str, edit: &str) {
            zh: "这是试算草稿，不会保存；要修改请按 {cancel} 后用 {edit} 编辑",
            en: "this is a scratch value and is not saved; to change the file, {cancel} and edit with {edit}",
        }

        /// A unit's rank, short: `第2名` / `rank 2`.
        pub fn rank_short(rank: u32) {
            zh: "第{rank}名",
            en: "{RANK} {rank}",
        }

        /// The tab of the problems pane.
        pub fn warnings_tab(warnings: usize) {
            zh: "⚠ {warnings} 条警告 ",
            en: "⚠ {warnings} warnings ",
        }

        /// A vetoed unit's flag in the presentation, with the failed indicators.
        pub fn vetoed_flag(names: &str) {
            zh: "✗ {VETO}（{names}）",
            en: "✗ vetoed ({names})",
        }

        /// How many single-item awards a unit won, where their names do not fit.
        pub fn awards_count(awards: usize) {
            zh: "◆ {SINGLE_ITEM} {awards} 项",
            en: "◆ {awards} {SINGLE_ITEM}(s)",
        }

        /// The title of the help overlay.
        pub fn help_title(close: &str) {
            zh: "按键（{close} 关闭）",
            en: "Keys ({close} closes)",
        }
    }
}

// The 先进个人 view, vetoed winners in the presentation, a value far off its target.
impl TuiText {
    sentences! {
        /// The right of the 先进个人 view's heading: places and nominees in all.
        pub fn individuals_summary(places: u32, nominated: usize) {
            zh: "{PLACES} {places} 个 · 已推荐 {nominated} 人",
            en: "{places} places · {nominated} nominated",
        }

        /// After the summary: how many units nominate another number than their places.
        pub fn individuals_off(units: usize) {
            zh: "⚠ {units} 个单位与{PLACES}不符",
            en: "⚠ {units} off their places",
        }

        /// A unit's mark in the 先进个人 view: fewer nominees than places.
        pub fn individuals_short(missing: usize) {
            zh: "⚠ 少 {missing} 人",
            en: "⚠ {missing} short",
        }

        /// A unit's mark in the 先进个人 view: places, but no list yet.
        pub fn individuals_none() {
            zh: "尚未推荐",
            en: "none yet",
        }

        /// After [`TuiText::individuals_status`] of a unit with places and no nominees.
        pub fn individuals_no_list() {
            zh: "（名单尚未报来）",
            en: " (its list has not come in yet)",
        }

        /// A unit's mark in the 先进个人 view: more nominees than places.
        pub fn individuals_over(extra: usize) {
            zh: "⚠ 多 {extra} 人",
            en: "⚠ {extra} over",
        }

        /// The status line on a unit of the 先进个人 view that nominates as many as its
        /// places (or has not nominated yet: `note`).
        pub fn individuals_status(unit: &str, quota: u32, count: usize, note: &str) {
            zh: "{unit}：{INDIVIDUALS}{PLACES} {quota} 个，推荐 {count} 人{note}",
            en: "{unit}: {quota} {INDIVIDUALS} place(s), {count} nominated{note}",
        }

        /// A vetoed unit's single-item awards in the presentation, for the leading group.
        pub fn awards_to_confirm(awards: &str) {
            zh: "{awards}（待领导小组审定）",
            en: "{awards} (for the leading group to confirm)",
        }

        /// A vetoed winner on the presentation's page of awards.
        pub fn vetoed_winner_name(name: &str) {
            zh: "{name}（{VETO}，待审定）",
            en: "{name} (vetoed: to confirm)",
        }

        /// The status line while a target or an actual is typed that puts the row off its
        /// target by more than `plausible_deviation` (`lowers`: whose bonus it lowers, first,
        /// so that a narrow status line keeps it).
        pub fn typed_implausible(completion: &str, commit: &str, lowers: &str) {
            zh: "⚠ {COMPLETION_RATE} {completion}，偏离目标过大{lowers}；请核对（{commit} 提交前会再问一次）",
            en: "⚠ {completion} of the target, far off{lowers}: check it ({commit} asks before committing)",
        }

        /// After [`TuiText::typed_implausible`]'s rate: the units whose bonus the row lowers.
        pub fn typed_implausible_lowers(names: &str) {
            zh: "，将压低{names}的{BONUS}",
            en: "; it lowers the {BONUS} of {names}",
        }

        /// The first units of a long list, and how many in all.
        pub fn first_of(names: &str, n: usize) {
            zh: "{names}等 {n} 个单位",
            en: "{names} and {n} in all",
        }

        /// Space on a responsible department that has a score row for the indicator.
        pub fn role_keeps_row(department: &str, indicator: &str) {
            zh: "{department}有「{indicator}」的评分行，须为责任单位：先在录入中删去该行（x）",
            en: "{department} has a row for 「{indicator}」, so it stays responsible: clear the row first (x in its sheet)",
        }

        /// `s` on a row of an indicator whose kind is fixed (`kind = ...`).
        pub fn kind_fixed(indicator: &str, kind: &str) {
            zh: "「{indicator}」规定为{kind}，评分行只能是这一种",
            en: "「{indicator}」 is {kind}: its rows can only be of that kind",
        }
    }
}

// A scheme change in the matrix: what it did, and to how many units' scores.
impl TuiText {
    sentences! {
        /// After a scheme change (`what`): how many units' totals it changed.
        pub fn scheme_changed(what: &str, units: usize) {
            zh: "{what}：{units} 个单位得分改变",
            en: "{what}: {units} unit(s)' scores change",
        }

        /// After a scheme change (`what`) that changes no unit's total.
        pub fn scheme_unchanged(what: &str) {
            zh: "{what}：各单位得分不变",
            en: "{what}: no unit's score changes",
        }

        /// Before a scheme change (`what`) that takes something away: the question.
        pub fn scheme_question(what: &str) {
            zh: "{what}？",
            en: "{what}?",
        }

        /// An indicator stops being a bonus indicator.
        pub fn bonus_off(indicator: &str) {
            zh: "「{indicator}」不再加分",
            en: "「{indicator}」 no longer earns a {BONUS}",
        }

        /// An indicator becomes a bonus indicator.
        pub fn bonus_on(indicator: &str) {
            zh: "「{indicator}」改为加分指标",
            en: "「{indicator}」 is now a {BONUS} indicator",
        }

        /// In the question before a bonus is turned off: who loses what they earn now.
        pub fn bonus_lost(units: usize, names: &str) {
            zh: "{units} 个单位现得本项{BONUS}，将失去：{names}",
            en: "{units} unit(s) now earn its {BONUS} and lose it: {names}",
        }

        /// In the question before a scheme change that clears entered values.
        pub fn rows_cleared(rows: usize) {
            zh: "将清除已录入的评分行：{rows} 行",
            en: "entered score rows it clears: {rows}",
        }

        /// A department's role in an indicator changes.
        pub fn role_set(department: &str, indicator: &str, role: &str) {
            zh: "{department}在「{indicator}」中改为{role}单位",
            en: "{department} is now {role} of 「{indicator}」",
        }

        /// A department no longer has a role in an indicator.
        pub fn role_cleared(department: &str, indicator: &str) {
            zh: "{department}不再参与「{indicator}」",
            en: "{department} no longer has a part in 「{indicator}」",
        }

        /// An indicator's direction changes (`direction`: its new wording).
        pub fn direction_set(indicator: &str, direction: &str) {
            zh: "「{indicator}」改为{direction}",
            en: "「{indicator}」 is now {direction}",
        }
    }
}

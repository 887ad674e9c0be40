//! The sentences of the entry pane's sheet used as a spreadsheet (issue 11): what a
//! commit did to other units (the knock-on line), what a status change does to the veto,
//! the question before an implausible value, what undo and redo took back, and the full
//! name of the row under the cursor.

use super::Lang;
use super::macros::sentences;

/// The entry sheet's sentences, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryText(pub Lang);

impl EntryText {
    sentences! {
        /// One unit of the knock-on line: `东城县 −0.20`.
        pub fn knock_on_unit(name: &str, delta: &str) {
            zh: "{name} {delta}",
            en: "{name} {delta}",
        }

        /// The knock-on line, caused by a change of the indicator's best over-completion.
        pub fn knock_on_bonus(units: &str) {
            zh: "{units}（本项{BONUS}基准改变）",
            en: "{units} (this indicator's {BONUS} base changed)",
        }

        /// The knock-on line, caused by a department's row summed from the units' rows.
        pub fn knock_on_sum(units: &str) {
            zh: "{units}（部门合计行随之改变）",
            en: "{units} (the department's summed row follows)",
        }

        /// A knock-on list cut to the screen: the units shown, of how many in all.
        pub fn knock_on_more(units: &str, total: usize, more: usize) {
            zh: "{units} 等 {total} 个单位",
            en: "{units} and {more} more",
        }

        /// Space made a row not up to standard: the unit is vetoed now.
        pub fn vetoed_now(indicator: &str, unit: &str) {
            zh: "{indicator}：{NOT_UP_TO_STANDARD} → {unit}{VETO}",
            en: "{indicator}: {INCOMPLETE} → {unit} vetoed",
        }

        /// Space made a row complete, and the unit failed nothing else.
        pub fn veto_lifted(indicator: &str, unit: &str) {
            zh: "{indicator}：{COMPLETE} → {unit}不再{VETO}",
            en: "{indicator}: {COMPLETE} → {unit} no longer vetoed",
        }

        /// Space made a row complete, but the unit failed others too.
        pub fn still_vetoed(indicator: &str, unit: &str, failed: &str) {
            zh: "{indicator}：{COMPLETE} → {unit}仍{VETO}（{failed} {NOT_UP_TO_STANDARD}）",
            en: "{indicator}: {COMPLETE} → {unit} still vetoed ({failed} {INCOMPLETE})",
        }

        /// `s` on a row with a target or an actual: what switching it deletes.
        pub fn switch_loses_numbers(indicator: &str, target: &str, actual: &str) {
            zh: "「{indicator}」改为定性指标：将删除{TARGET} {target}、{ACTUAL_VALUE} {actual}，并标为{COMPLETE}（可再按空格改）。确定吗？",
            en: "「{indicator}」 becomes qualitative: target {target} and actual {actual} are deleted and it is marked complete (Space changes that). Go on?",
        }

        /// `s` on a qualitative row: what switching it back deletes.
        pub(super) fn switch_loses_status_line(indicator: &str, status: &str) {
            zh: "「{indicator}」改为定量指标：将删除完成情况（{status}），待录入目标值和实际值。确定吗？",
            en: "「{indicator}」 becomes quantitative: its status ({status}) is deleted, target and actual to enter. Go on?",
        }

        /// After a commit: the unit's own rank moved (and `veto`: now vetoed, no longer).
        pub(super) fn own_rank(unit: &str, from: u32, to: u32) {
            zh: "{unit} 第 {from} → {to} 名",
            en: "{unit} rank {from} → {to}",
        }

        pub(super) fn own_vetoed(unit: &str) {
            zh: "{unit}{VETO}",
            en: "{unit} vetoed",
        }

        pub(super) fn own_unvetoed(unit: &str) {
            zh: "{unit}不再{VETO}",
            en: "{unit} no longer vetoed",
        }

        /// Enter (or a digit) on a status: it opens no editor; which key changes it.
        pub fn status_key(key: &str, now: &str) {
            zh: "状态不用输入：按 {key} 切换 {COMPLETE}/{NOT_UP_TO_STANDARD}（现为{now}）",
            en: "a status is not typed: {key} switches {COMPLETE}/{INCOMPLETE} (now {now})",
        }

        /// Enter on a penalty's level: which key changes it.
        pub fn level_key(key: &str) {
            zh: "处分级别不用输入：按 {key} 切换（市级 → 省级 → 分值）",
            en: "a {PENALTY}'s level is not typed: {key} switches it (municipal → provincial → points)",
        }

        /// A deduction typed on a complete row.
        pub fn deduction_needs_incomplete(key: &str) {
            zh: "本行{COMPLETE}，{DEDUCTION}只用于{NOT_UP_TO_STANDARD}的行：先按 {key} 标为{NOT_UP_TO_STANDARD}",
            en: "this row is {COMPLETE}; a {DEDUCTION} is for an {INCOMPLETE} row: {key} marks it {INCOMPLETE} first",
        }

        /// Undo took back a change: `已撤销：东城县 城镇新增就业人数 实际值 5000 → 4750`.
        pub fn undone(what: &str) {
            zh: "已撤销：{what}",
            en: "undone: {what}",
        }

        /// Redo made a change again.
        pub fn redone(what: &str) {
            zh: "已重做：{what}",
            en: "redone: {what}",
        }

        /// A change undone or redone: the place, and the value before → after.
        pub fn change(place: &str, old: &str, new: &str) {
            zh: "{place} {old} → {new}",
            en: "{place} {old} → {new}",
        }

        /// After [`EntryText::change`]: how many other values the step changed.
        pub fn more_changes(count: usize) {
            zh: "（另 {count} 处）",
            en: " (and {count} more)",
        }

        /// The question before an implausible value is committed.
        pub fn implausible_question(completion: &str, limit: &str) {
            zh: "{COMPLETION_RATE} {completion}，偏离目标超过 {limit}。仍要提交？",
            en: "{completion} of the target: off by more than {limit}. Commit it anyway?",
        }

        /// A line of that question: the other units' scores it changes.
        pub fn implausible_knock_on(line: &str) {
            zh: "它将改变：{line}",
            en: "it changes: {line}",
        }

        /// A line of that question: whose bonus it lowers.
        pub fn implausible_lowers(names: &str) {
            zh: "它将成为本组最高超额，压低 {names} 的{BONUS}",
            en: "it becomes the group's best over-completion and lowers the {BONUS} of {names}",
        }

        /// The last line of that question: where "no" goes.
        pub fn implausible_back(no: &str) {
            zh: "{no}：返回修改（输入的值保留）",
            en: "{no}: back to the value (what was typed is kept)",
        }

        /// The full name of an indicator row: its area with the area's maximum, the name,
        /// the measure.
        pub fn row_name(area: &str, max: &str, name: &str, measure: &str) {
            zh: "{area}（{max} 分）› {name}（{measure}）",
            en: "{area} ({max}) › {name} ({measure})",
        }

        /// The same, for an indicator without a measure.
        pub fn row_name_plain(area: &str, max: &str, name: &str) {
            zh: "{area}（{max} 分）› {name}",
            en: "{area} ({max}) › {name}",
        }

        /// The status of a qualitative row, as undo names the field.
        pub fn status_label() {
            zh: "状态",
            en: "status",
        }

        /// A penalty's level, as undo names the field.
        pub fn level_label() {
            zh: "级别",
            en: "level",
        }

        /// A penalty, by its number in the sheet.
        pub fn penalty_numbered(number: usize) {
            zh: "{PENALTY} {number}",
            en: "{PENALTY} {number}",
        }
    }
}

impl EntryText {
    /// `s` on a qualitative row: the status (and deduction) it deletes.
    pub fn switch_loses_status(
        self,
        indicator: &str,
        complete: bool,
        deduction: Option<&str>,
    ) -> String {
        use super::glossary::{en, zh};
        let l = self.0;
        let status = match (complete, deduction) {
            (true, _) => l.pick(zh::COMPLETE, en::COMPLETE).to_string(),
            (false, Some(d)) => format!("{} −{d}", l.pick(zh::NOT_UP_TO_STANDARD, en::INCOMPLETE)),
            (false, None) => l.pick(zh::NOT_UP_TO_STANDARD, en::INCOMPLETE).to_string(),
        };
        self.switch_loses_status_line(indicator, &status)
    }
}

impl EntryText {
    /// The unit's own change after a commit: rank, and the veto when it came or went.
    pub fn own_change(self, unit: &str, from: u32, to: u32, vetoed: Option<bool>) -> String {
        let veto = match vetoed {
            Some(true) => Some(self.own_vetoed(unit)),
            Some(false) => Some(self.own_unvetoed(unit)),
            None => None,
        };
        let rank = (from != to).then(|| self.own_rank(unit, from, to));
        let parts: Vec<String> = veto.into_iter().chain(rank).collect();
        super::CommonText(self.0).clauses(&parts)
    }
}

//! Who has sent what ([`crate::status`]) in words: the table of `kaoping status` and of
//! the terminal program's returns window, and the warnings of `[[returns]]` (as more of
//! [`ProblemText`]'s sentences).
//!
//! The table: a title, then per step a heading (`总结自查（截止 2027-01-10）：已报 3/6，
//! 逾期 2`) and a line per sender — a mark (`✓` sent, `✗` late, `·` not sent and not yet
//! due: a symbol, so that it reads without colour), the name, what was sent when or that
//! nothing was, and the rows still pending — its columns lined up by display width.

use super::Lang;
use super::common::CommonText;
use super::macros::sentences;
use super::problems::ProblemText;
use crate::project::Returns;
use crate::status::{Sender, Status, StepStatus};
use crate::text::{pad_right, width};

/// The sentences of the returns table, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusText(pub Lang);

impl StatusText {
    sentences! {
        /// The table's first line.
        pub fn title(on: &str) {
            zh: "报送情况（截至 {on}）",
            en: "Returns as of {on}",
        }

        /// A step at which someone owes a return.
        pub(super) fn heading(name: &str, due: &str, sent: usize, owed: usize, late: usize) {
            zh: "{name}（截止 {due}）：已报 {sent}/{owed}，逾期 {late}",
            en: "{name} (due {due}): {sent}/{owed} sent, {late} late",
        }

        /// A step at which nobody owes a return.
        pub(super) fn heading_no_returns(name: &str, due: &str) {
            zh: "{name}（截止 {due}）：无需报送",
            en: "{name} (due {due}): no returns",
        }

        /// After a heading: the step is due before an earlier one.
        pub(super) fn out_of_order() {
            zh: "（截止日期早于前面的步骤）",
            en: " (due before an earlier step)",
        }

        pub(super) fn sent_on(date: &str) {
            zh: "{date} 已报",
            en: "sent {date}",
        }

        /// Sent in several files: the first one's date, and how many.
        pub(super) fn sent_on_files(date: &str, count: usize) {
            zh: "{date} 已报（共 {count} 份）",
            en: "sent {date} ({count} files)",
        }

        pub(super) fn not_sent() {
            zh: "未报",
            en: "not sent",
        }

        pub(super) fn days_late(days: i64) {
            zh: "逾期 {days} 天",
            en: "{days} days late",
        }

        pub(super) fn one_day_late() {
            zh: "逾期 1 天",
            en: "1 day late",
        }

        /// What was (or was not) sent, then how late.
        pub(super) fn and_late(state: &str, late: &str) {
            zh: "{state}，{late}",
            en: "{state}, {late}",
        }

        /// The rows still pending: how many, and the first few.
        pub(super) fn pending_rows(count: usize, rows: &str) {
            zh: "{PENDING} {count} 行：{rows}",
            en: "{count} pending: {rows}",
        }

        pub(super) fn pending_rows_more(count: usize, rows: &str) {
            zh: "{PENDING} {count} 行：{rows}等",
            en: "{count} pending: {rows}, …",
        }

        pub(super) fn nothing_pending() {
            zh: "无{PENDING}",
            en: "nothing pending",
        }

        /// The marks, under the table.
        pub fn legend() {
            zh: "✓ 已报　✗ 逾期　· 未报（未到截止日期）",
            en: "✓ sent   ✗ late   · not sent (not yet due)",
        }

        /// A step with `returns` but nobody to send (no units, no responsible department).
        pub(super) fn nobody_owes() {
            zh: "（没有需要报送的单位）",
            en: "(nobody to send it)",
        }
    }

    /// How late, in words.
    fn late(self, days: i64) -> String {
        if days == 1 {
            self.one_day_late()
        } else {
            self.days_late(days)
        }
    }

    /// A step's heading line.
    pub fn step_heading(self, step: &StepStatus) -> String {
        let due = step.due.to_string();
        let mut line = match step.returns {
            None => self.heading_no_returns(&step.name, &due),
            Some(_) => self.heading(
                &step.name,
                &due,
                step.sent_count(),
                step.senders.len(),
                step.late_count(),
            ),
        };
        if step.out_of_order {
            line.push_str(&self.out_of_order());
        }
        line
    }

    /// What a sender has sent, and how late: `2027-01-12 已报，逾期 2 天`, `未报`.
    pub fn sent_state(self, s: &Sender) -> String {
        let state = match s.sent.as_slice() {
            [] => self.not_sent(),
            [one] => self.sent_on(&one.received.to_string()),
            [first, ..] => self.sent_on_files(&first.received.to_string(), s.sent.len()),
        };
        match s.days_late {
            Some(days) => self.and_late(&state, &self.late(days)),
            None => state,
        }
    }

    /// The rows still pending: `待录入 12 行：甲县·城镇新增就业人数、…等`. At a units'
    /// step the rows are the sender's own: only the indicator is named.
    pub fn pending(self, s: &Sender, returns: Option<Returns>) -> String {
        if s.pending == 0 {
            return self.nothing_pending();
        }
        let rows: Vec<String> = s
            .first_pending
            .iter()
            .map(|r| match returns {
                Some(Returns::Units) => r.indicator.clone(),
                _ => format!("{}·{}", r.unit, r.indicator),
            })
            .collect();
        let rows = CommonText(self.0).list(&rows);
        if s.pending > s.first_pending.len() {
            self.pending_rows_more(s.pending, &rows)
        } else {
            self.pending_rows(s.pending, &rows)
        }
    }
}

/// The mark before a sender: `✗` late, `✓` sent, `·` neither.
pub fn mark(s: &Sender) -> &'static str {
    if s.late {
        "✗"
    } else if !s.sent.is_empty() {
        "✓"
    } else {
        "·"
    }
}

/// The whole table, a line each (names as the file has them: the caller makes them safe
/// to print).
pub fn lines(status: &Status, lang: Lang) -> Vec<String> {
    lines_within(status, lang, usize::MAX)
}

/// The table for a window `room` columns wide: a sender's pending rows that do not fit
/// on its line go on the next one, under its state.
pub fn lines_within(status: &Status, lang: Lang, room: usize) -> Vec<String> {
    let t = StatusText(lang);
    let senders = || status.steps.iter().flat_map(|s| &s.senders);
    let name_w = senders().map(|s| width(&s.name)).max().unwrap_or(0);
    let state_w = senders()
        .map(|s| width(&t.sent_state(s)))
        .max()
        .unwrap_or(0);
    let mut out = vec![t.title(&status.on.to_string())];
    for step in &status.steps {
        out.push(String::new());
        out.push(t.step_heading(step));
        if step.returns.is_some() && step.senders.is_empty() {
            out.push(format!("  {}", t.nobody_owes()));
        }
        for s in &step.senders {
            let head = format!(
                "  {} {}  {}",
                mark(s),
                pad_right(&s.name, name_w),
                pad_right(&t.sent_state(s), state_w),
            );
            let pending = t.pending(s, step.returns);
            if width(&head) + 2 + width(&pending) <= room {
                out.push(format!("{head}  {pending}"));
            } else {
                out.push(head.trim_end().to_string());
                out.push(format!("{}{pending}", " ".repeat(4 + name_w + 2)));
            }
        }
    }
    out.push(String::new());
    out.push(t.legend());
    out
}

impl ProblemText {
    sentences! {
        pub(super) fn return_not_owed_units(from: &str, step: &str) {
            zh: "「{from}」在「{step}」不需要报送：这一步由各{COUNTIES_AND_ZONE}报送",
            en: "{from} owes no return at 「{step}」: the counties and the zone send it",
        }

        pub(super) fn return_not_owed_departments(from: &str, step: &str) {
            zh: "「{from}」在「{step}」不需要报送：这一步由负有{ROLE_RESPONSIBLE}的{CITY_DEPARTMENT}报送",
            en: "{from} owes no return at 「{step}」: the responsible departments send it",
        }

        pub(super) fn return_not_owed_anyone(from: &str, step: &str) {
            zh: "「{step}」不需要报送，却记有「{from}」的报送",
            en: "「{step}」 asks for no return, yet one from {from} is recorded",
        }

        pub fn return_twice(file: &str, first: &str) {
            zh: "「{file}」与前面记录的「{first}」是同一个文件（内容相同），记录了两次",
            en: "「{file}」 is the same file as 「{first}」 recorded before (same contents): recorded twice",
        }
    }

    /// A return from someone who does not owe one at its step.
    pub fn return_not_owed(self, from: &str, step: &str, owed: Option<Returns>) -> String {
        match owed {
            Some(Returns::Units) => self.return_not_owed_units(from, step),
            Some(Returns::Departments) => self.return_not_owed_departments(from, step),
            None => self.return_not_owed_anyone(from, step),
        }
    }
}

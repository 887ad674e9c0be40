//! The words of self-check beside assessed ([`crate::selfcheck`]), in both languages:
//! the lines `explain` ends with ([`gap_lines`]), and the cells the exports and the entry
//! pane show ([`SelfcheckText::value`], [`SelfcheckText::item`], [`delta`]).
//!
//! A difference is always assessed − self-check, signed (`−1.14`: the office found less
//! than the unit claimed).

use super::Lang;
use super::macros::sentences;
use super::numbers::{Scores, entered};
use crate::project::Row;
use crate::selfcheck::{GapItem, GapRow, GapValue, UnitGap};
use crate::text::sanitize;
use rust_decimal::Decimal;

/// The sentences and words of self-check beside assessed, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SelfcheckText(pub Lang);

impl SelfcheckText {
    sentences! {
        /// The heading of a unit's comparison, with both totals and the gap.
        pub fn heading(own: &str, assessed: &str, gap: &str) {
            zh: "{SELFCHECK}与{ASSESSED}：{SELFCHECK_SHORT} {own} / {ASSESSED} {assessed}，{GAP} {gap}",
            en: "Self-check beside {ASSESSED}: {SELFCHECK} {own} / {ASSESSED} {assessed}, {GAP} {gap}",
        }

        /// The two totals in a line's room: `自查 95.30 / 考评 93.10，差 −2.20`.
        pub fn totals(own: &str, assessed: &str, gap: &str) {
            zh: "{SELFCHECK_SHORT} {own} / {ASSESSED} {assessed}，{GAP} {gap}",
            en: "{SELFCHECK} {own} / {ASSESSED} {assessed}, {GAP} {gap}",
        }

        /// The same, shorter: `自查 95.30 差 −2.20`.
        pub fn totals_short(own: &str, gap: &str) {
            zh: "{SELFCHECK_SHORT} {own} {GAP} {gap}",
            en: "{SELFCHECK_SHORT} {own} {GAP} {gap}",
        }

        /// A unit whose self-check and assessed figures agree.
        pub fn agrees() {
            zh: "  {SELFCHECK}与{ASSESSED}一致。",
            en: "  The {SELFCHECK} agrees with the {ASSESSED} figures.",
        }

        /// A section that differs: `  群众测评：自查 5.80 / 考评 5.20，差 −0.60`.
        pub(super) fn section(name: &str, own: &str, assessed: &str, gap: &str) {
            zh: "  {name}：{SELFCHECK_SHORT} {own} / {ASSESSED} {assessed}，{GAP} {gap}",
            en: "  {name}: {SELFCHECK} {own} / {ASSESSED} {assessed}, {GAP} {gap}",
        }

        /// Before the rows behind the gap.
        pub(super) fn rows_heading(count: usize) {
            zh: "  相差的项目（{count} 项）：",
            en: "  The rows behind the gap ({count}):",
        }

        /// One row behind the gap, both values with what each earns, and the gap.
        pub(super) fn row(name: &str, own: &str, own_earned: &str, assessed: &str, earned: &str, gap: &str) {
            zh: "  · {name}：{SELFCHECK_SHORT} {own} → {own_earned}；{ASSESSED} {assessed} → {earned}；{GAP} {gap}",
            en: "  · {name}: {SELFCHECK} {own} → {own_earned}; {ASSESSED} {assessed} → {earned}; {GAP} {gap}",
        }

        /// A row entered alike whose scores differ: the bonus is relative to the best
        /// over-completion among the self-check figures.
        pub(super) fn same_value_note() {
            zh: "（录入相同；{SELFCHECK}的加分按{SELFCHECK}数据中的最高超额计算）",
            en: " (entered alike; the {SELFCHECK} bonus is relative to the best over-completion among the {SELFCHECK} figures)",
        }

        /// A quantitative row's two values.
        pub(super) fn quantitative(target: &str, actual: &str) {
            zh: "{TARGET} {target}、{ACTUAL} {actual}",
            en: "{TARGET} {target}, {ACTUAL} {actual}",
        }

        /// An incomplete qualitative row with its deduction.
        pub(super) fn incomplete_by(deduction: &str) {
            zh: "{INCOMPLETE}（扣 {deduction}）",
            en: "{INCOMPLETE} (−{deduction})",
        }

        /// A non-pilot unit's preparation score.
        pub(super) fn preparation(prep: &str) {
            zh: "{PREPARATION} {prep}",
            en: "{PREPARATION} {prep}",
        }

        /// The penalties of a sheet: how many, and their points.
        pub(super) fn penalties(count: usize, points: &str) {
            zh: "{count} 次（−{points}）",
            en: "{count} (−{points})",
        }

        /// No value entered.
        pub(super) fn not_entered() {
            zh: "{PENDING}",
            en: "{PENDING}",
        }

        /// A row a side has no score for.
        pub(super) fn not_scored() {
            zh: "不计分",
            en: "not scored",
        }

        /// The name of the penalties' line.
        pub fn penalties_name() {
            zh: "{PENALTY}",
            en: "{PENALTY}",
        }

        /// The name of the survey's line.
        pub fn survey_name() {
            zh: "{SURVEY}",
            en: "{SURVEY}",
        }

        /// The organisation section's name.
        pub(super) fn organization_name() {
            zh: "{ORGANIZATION}",
            en: "{ORGANIZATION}",
        }

        /// The task section's name.
        pub(super) fn task_name() {
            zh: "{TASK}",
            en: "{TASK}",
        }

        /// An indicator with its measure.
        pub(super) fn measured(name: &str, measure: &str) {
            zh: "{name}（{measure}）",
            en: "{name} ({measure})",
        }

        /// The column headings of the exports' table, one by one.
        pub fn col_unit() {
            zh: "单位",
            en: "Unit",
        }
        pub fn col_item() {
            zh: "项目",
            en: "Item",
        }
        pub fn col_own() {
            zh: "{SELFCHECK_SHORT}",
            en: "{SELFCHECK}",
        }
        pub fn col_own_earned() {
            zh: "{SELFCHECK_SHORT}得分",
            en: "{SELFCHECK} score",
        }
        pub fn col_assessed() {
            zh: "{ASSESSED}",
            en: "{ASSESSED}",
        }
        pub fn col_assessed_earned() {
            zh: "{ASSESSED}得分",
            en: "{ASSESSED} score",
        }
        pub fn col_gap() {
            zh: "{GAP}",
            en: "{GAP}",
        }
        /// The line of a unit's totals in the exports' table.
        pub fn total_item() {
            zh: "{TOTAL}",
            en: "{TOTAL}",
        }
        /// The entry pane's narrow column heading.
        pub fn col_short() {
            zh: "{SELFCHECK_SHORT}",
            en: "{SELFCHECK_SHORT}",
        }
        /// A qualitative row's status in the entry pane's narrow column.
        pub fn met_short() {
            zh: "{COMPLETE}",
            en: "met",
        }
        pub fn not_met_short() {
            zh: "{INCOMPLETE}",
            en: "not met",
        }
        /// The exports' sheet and section title.
        pub fn title() {
            zh: "自查与考评差异",
            en: "Self-check against assessed",
        }
    }

    /// A row's name: the organisation item, the survey, the indicator (with its measure),
    /// the penalties.
    pub fn item(self, item: &GapItem) -> String {
        match item {
            GapItem::Org { name, .. } => sanitize(name),
            GapItem::Survey => self.survey_name(),
            GapItem::Indicator { name, measure, .. } => match measure.as_deref() {
                Some(m) if !m.is_empty() => self.measured(&sanitize(name), &sanitize(m)),
                _ => sanitize(name),
            },
            GapItem::Penalties => self.penalties_name(),
        }
    }

    /// One side's value as written: `目标 1000、实际 950`, `已完成`, `未完成（扣 0.8）`, a
    /// score, the penalties, or `待录入`.
    pub fn value(self, value: &GapValue, decimals: u32) -> String {
        let l = self.0;
        match value {
            GapValue::Score(Some(v)) => entered(*v),
            GapValue::Score(None) | GapValue::Row(None) => self.not_entered(),
            GapValue::Row(Some(row)) => match row {
                Row::Quantitative { target, actual } => {
                    let v = |x: &Option<Decimal>| x.map_or_else(|| self.not_entered(), entered);
                    self.quantitative(&v(target), &v(actual))
                }
                Row::Qualitative { complete: true, .. } => l
                    .pick(super::glossary::zh::COMPLETE, super::glossary::en::COMPLETE)
                    .to_string(),
                Row::Qualitative {
                    complete: false,
                    deduction,
                } => self.incomplete_by(&entered(deduction.unwrap_or_default())),
                Row::Preparation { prep } => self.preparation(&entered(*prep)),
            },
            GapValue::Penalties { count, points } => {
                self.penalties(*count, &Scores(decimals).score(*points))
            }
        }
    }

    /// An earned score, or `不计分` for a side with none.
    pub fn earned(self, earned: Option<Decimal>, decimals: u32) -> String {
        earned.map_or_else(|| self.not_scored(), |v| Scores(decimals).score(v))
    }
}

/// A signed difference with the project's places: `+0.50`, `−1.14`, `0.00` when none.
pub fn delta(v: Decimal, decimals: u32) -> String {
    if v.is_zero() {
        Scores(decimals).score(Decimal::ZERO)
    } else {
        Scores(decimals).delta(v)
    }
}

/// The lines `kaoping explain FILE UNIT` ends with for a unit with a self-check sheet:
/// both totals and the gap, the sections that differ, then the rows behind the gap with
/// both values, both earned scores and the gap.
pub fn gap_lines(gap: &UnitGap, decimals: u32, lang: Lang) -> Vec<String> {
    let t = SelfcheckText(lang);
    let s = |v: Decimal| Scores(decimals).score(v);
    let mut lines = vec![t.heading(
        &s(gap.selfcheck.total),
        &s(gap.assessed.total),
        &delta(gap.difference(), decimals),
    )];
    if gap.agrees() {
        lines.push(t.agrees());
        return lines;
    }
    let (own, assessed) = (&gap.selfcheck, &gap.assessed);
    let sections = [
        (
            t.organization_name(),
            own.organization,
            assessed.organization,
        ),
        (t.survey_name(), own.survey, assessed.survey),
        (t.task_name(), own.task, assessed.task),
        (t.penalties_name(), -own.penalty, -assessed.penalty),
    ];
    for (name, own, assessed) in sections {
        if own != assessed {
            lines.push(t.section(
                &name,
                &s(own),
                &s(assessed),
                &delta(assessed - own, decimals),
            ));
        }
    }
    if !gap.rows.is_empty() {
        lines.push(t.rows_heading(gap.rows.len()));
        lines.extend(gap.rows.iter().map(|r| row_line(t, r, decimals)));
    }
    lines
}

fn row_line(t: SelfcheckText, r: &GapRow, decimals: u32) -> String {
    let mut line = t.row(
        &t.item(&r.item),
        &t.value(&r.selfcheck, decimals),
        &t.earned(r.selfcheck_earned, decimals),
        &t.value(&r.assessed, decimals),
        &t.earned(r.assessed_earned, decimals),
        &delta(r.difference(), decimals),
    );
    if !r.values_differ() {
        line.push_str(&t.same_value_note());
    }
    line
}

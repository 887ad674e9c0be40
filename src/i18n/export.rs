//! The sentences of the exports ([`crate::report::export_xlsx`] and the others), in both
//! languages. Numbers arrive formatted and names sanitised; these sentences only put
//! them into words. The fixed words are in the `texts!` table (`T::Export…`).

use super::Lang;
use super::common::CommonText;
use super::macros::sentences;

/// The sentences of the exports, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportText(pub Lang);

impl ExportText {
    sentences! {
        /// `并列第 3 名（共 4 个）` / `rank 3= of 4`.
        pub(super) fn rank_of_tied(rank: u32, count: usize) {
            zh: "{TIED}第 {rank} 名（共 {count} 个）",
            en: "{RANK} {rank}= of {count}",
        }

        /// The date line under the title.
        pub fn date(date: &str) {
            zh: "日期：{date}",
            en: "Date: {date}",
        }

        /// The title of the html document of a project without a title.
        pub(super) fn untitled(date: &str) {
            zh: "民生工程考评 {date}",
            en: "Livelihood-project evaluation {date}",
        }

        pub(super) fn titled(title: &str, date: &str) {
            zh: "{title} {date}",
            en: "{title} {date}",
        }

        /// A department's task section, scaled: `88 × 28.40 / 25 = 99.97`.
        pub fn department_task(section: &str, earned: &str, base: &str, task: &str) {
            zh: "{TASK} = {section} × {EARNED}合计 {earned} / {BASE}合计 {base} = {task}",
            en: "{TASK} = {section} × Σ {EARNED} {earned} / Σ {BASE} {base} = {task}",
        }

        /// A unit with its total and rank: `丙县：总分 19.70，第 3 名（共 4 个）` (no
        /// brackets around the rank's own).
        pub fn unit_standing(name: &str, total: &str, rank: &str) {
            zh: "{name}：{TOTAL} {total}，{rank}",
            en: "{name} ({TOTAL} {total}, {rank})",
        }

        /// One failed indicator of a vetoed unit, with its base and earned score, and
        /// the one-line explanation of the deduction.
        pub fn failed_item(name: &str, base: &str, earned: &str, why: &str) {
            zh: "{name}（{BASE} {base}，{EARNED} {earned}）：{why}",
            en: "{name} ({BASE} {base}, {EARNED} {earned}): {why}",
        }

        /// Fewer advanced individuals nominated than the places (等额推荐).
        pub fn nominees_short(missing: usize) {
            zh: "少 {missing} 人（应{EQUAL_NOMINATION}）",
            en: "{missing} short ({EQUAL_NOMINATION_ZH}: {EQUAL_NOMINATION})",
        }

        /// No advanced individual nominated yet (the list has not come in).
        pub fn nominees_none() {
            zh: "尚未推荐",
            en: "none nominated yet",
        }

        /// More advanced individuals nominated than the places.
        pub fn nominees_over(extra: usize) {
            zh: "多 {extra} 人（应{EQUAL_NOMINATION}）",
            en: "{extra} over ({EQUAL_NOMINATION_ZH}: {EQUAL_NOMINATION})",
        }

        /// After the last place line when units with a lower total completed every target:
        /// the rule that names it.
        pub fn last_place_among_note() {
            zh: "；按规定末位在不达标（被一票否决）的单位中产生，总分更低的单位已完成全部指标",
            en: "; named among the units not up to standard (vetoed): units with a lower total completed every target",
        }

        /// The last place line: `末位：经济开发区（总分 18.80）`.
        pub fn last_place(names: &str, total: &str) {
            zh: "{LAST_PLACE}：{names}（{TOTAL} {total}）",
            en: "Last place: {names} ({TOTAL} {total})",
        }

        pub(super) fn one_place(group: &str, places: u32) {
            zh: "{group}：{PLACES} {places} 个，{VETO}的单位不参评",
            en: "{group}: {places} place; vetoed units are not eligible",
        }

        pub(super) fn places_of(group: &str, places: u32) {
            zh: "{group}：{PLACES} {places} 个，{VETO}的单位不参评",
            en: "{group}: {places} places; vetoed units are not eligible",
        }

        /// A list of winners, or that nobody won.
        pub fn winners(names: &str) {
            zh: "获奖单位：{names}",
            en: "Winners: {names}",
        }

        pub(super) fn one_pending(units: usize) {
            zh: "有 {units} 个单位尚有{PENDING}的项目（…），排名为暂定。",
            en: "{units} unit still has entries {PENDING} (…): the ranking is provisional.",
        }

        pub(super) fn some_pending(units: usize) {
            zh: "有 {units} 个单位尚有{PENDING}的项目（…），排名为暂定。",
            en: "{units} units still have entries {PENDING} (…): the ranking is provisional.",
        }

        /// A penalty row's item: the level, and the note from the file.
        pub(super) fn level_note(level: &str, note: &str) {
            zh: "{level}：{note}",
            en: "{level}: {note}",
        }

        /// The standings of a single-item award after roll-down (名次顺移).
        pub fn standings_note() {
            zh: "{AWARD_SCORE}排名中不含{COMPREHENSIVE}单位（{ROLL_DOWN}）。",
            en: "The award standings leave out the {COMPREHENSIVE} units ({ROLL_DOWN}).",
        }
    }

    fn common(self) -> CommonText {
        CommonText(self.0)
    }

    /// `第 3 名（共 4 个）`, `rank 3 of 4`; tied: `并列第 3 名`, `rank 3= of 4`.
    pub fn rank_of(self, rank: u32, count: usize, tied: bool) -> String {
        if tied {
            self.rank_of_tied(rank, count)
        } else {
            self.common().rank_of(rank, count)
        }
    }

    /// The title of the html document.
    pub fn document_title(self, title: &str, date: &str) -> String {
        if title.is_empty() {
            self.untitled(date)
        } else {
            self.titled(title, date)
        }
    }

    /// Comprehensive advanced, with its number of places.
    pub fn comprehensive_places(self, group: &str, places: u32) -> String {
        if places == 1 {
            self.one_place(group, places)
        } else {
            self.places_of(group, places)
        }
    }

    /// The note under the ranking when some entries are still missing.
    pub fn pending(self, units: usize) -> String {
        if units == 1 {
            self.one_pending(units)
        } else {
            self.some_pending(units)
        }
    }

    /// A penalty row's item: the level, and the note from the file.
    pub fn penalty_item(self, level: &str, note: &str) -> String {
        if note.is_empty() {
            level.to_string()
        } else {
            self.level_note(level, note)
        }
    }

    /// An indicator's name with its unit of measure: `城镇新增就业（人）`.
    pub fn measured_name(self, name: &str, measure: Option<&str>) -> String {
        match measure {
            Some(m) if !m.is_empty() && m != "%" => self.common().noted(name, m),
            _ => name.to_string(),
        }
    }

    /// The heading of a unit's score sheet: `丙县` (a Chinese reader knows 丙县 is a
    /// county; `丙县（县）` reads as a translation), `丙县 (county)` in English.
    pub fn sheet_heading(self, name: &str, kind: &str) -> String {
        match self.0 {
            crate::i18n::Lang::Zh => name.to_string(),
            crate::i18n::Lang::En => self.common().noted(name, kind),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_read_naturally() {
        assert_eq!(
            ExportText(Lang::Zh).rank_of(3, 4, false),
            "第 3 名（共 4 个）"
        );
        assert_eq!(ExportText(Lang::En).rank_of(2, 6, true), "rank 2= of 6");
        assert_eq!(
            ExportText(Lang::En).pending(1),
            "1 unit still has entries pending (…): the ranking is provisional."
        );
    }
}

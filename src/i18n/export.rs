//! The sentences of the exports ([`crate::report::export_xlsx`] and the others), in both
//! languages. Numbers arrive formatted and names sanitised; these functions only put
//! them into words. The fixed words are in the `texts!` table (`T::Export…`).

use super::Lang;

/// The sentence templates of the exports, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportText(pub Lang);

impl ExportText {
    fn zh(self) -> bool {
        self.0 == Lang::Zh
    }

    /// `第 3 名（共 4 个）`, `rank 3 of 4`; tied: `并列第 3 名`, `rank 3= of 4`.
    pub fn rank_of(self, rank: u32, count: usize, tied: bool) -> String {
        match (self.zh(), tied) {
            (true, false) => format!("第 {rank} 名（共 {count} 个）"),
            (true, true) => format!("并列第 {rank} 名（共 {count} 个）"),
            (false, false) => format!("rank {rank} of {count}"),
            (false, true) => format!("rank {rank}= of {count}"),
        }
    }

    /// The date line under the title.
    pub fn date(self, date: &str) -> String {
        if self.zh() {
            format!("日期：{date}")
        } else {
            format!("Date: {date}")
        }
    }

    /// The title of the html document.
    pub fn document_title(self, title: &str, date: &str) -> String {
        match (title.is_empty(), self.zh()) {
            (true, true) => format!("民生工程考评 {date}"),
            (true, false) => format!("Livelihood-project evaluation {date}"),
            (false, _) => format!("{title} {date}"),
        }
    }

    /// A department's task section, scaled: `88 × 28.40 / 25 = 99.97`.
    pub fn department_task(self, section: &str, earned: &str, base: &str, task: &str) -> String {
        if self.zh() {
            format!("任务完成 = {section} × 得分合计 {earned} / 基础分合计 {base} = {task}")
        } else {
            format!("task = {section} × Σ earned {earned} / Σ base {base} = {task}")
        }
    }

    /// A unit with its total and rank: `丙县（总分 19.70，第 3 名（共 4 个））`.
    pub fn unit_standing(self, name: &str, total: &str, rank: &str) -> String {
        if self.zh() {
            format!("{name}（总分 {total}，{rank}）")
        } else {
            format!("{name} (total {total}, {rank})")
        }
    }

    /// One failed indicator of a vetoed unit, with its base and earned score, and the
    /// one-line explanation of the deduction.
    pub fn failed_item(self, name: &str, base: &str, earned: &str, why: &str) -> String {
        if self.zh() {
            format!("{name}（基础分 {base}，得分 {earned}）：{why}")
        } else {
            format!("{name} (base {base}, earned {earned}): {why}")
        }
    }

    /// The last place line: `末位：经济开发区（总分 18.80）`.
    pub fn last_place(self, names: &str, total: &str) -> String {
        if self.zh() {
            format!("末位：{names}（总分 {total}）")
        } else {
            format!("Last place: {names} (total {total})")
        }
    }

    /// Comprehensive advanced, with its number of places.
    pub fn comprehensive_places(self, group: &str, places: u32) -> String {
        if self.zh() {
            format!("{group}：名额 {places} 个，一票否决的单位不参评")
        } else {
            let s = if places == 1 { "" } else { "s" };
            format!("{group}: {places} place{s}; vetoed units are not eligible")
        }
    }

    /// A list of winners, or that nobody won.
    pub fn winners(self, names: &str) -> String {
        if self.zh() {
            format!("获奖单位：{names}")
        } else {
            format!("Winners: {names}")
        }
    }

    /// The note under the ranking when some entries are still missing.
    pub fn pending(self, units: usize) -> String {
        if self.zh() {
            format!("有 {units} 个单位尚有待录入的项目（…），排名为暂定。")
        } else if units == 1 {
            "1 unit still has entries pending (…): the ranking is provisional.".into()
        } else {
            format!("{units} units still have entries pending (…): the ranking is provisional.")
        }
    }

    /// A penalty row's item: the level, and the note from the file.
    pub fn penalty_item(self, level: &str, note: &str) -> String {
        match (note.is_empty(), self.zh()) {
            (true, _) => level.to_string(),
            (false, true) => format!("{level}：{note}"),
            (false, false) => format!("{level}: {note}"),
        }
    }

    /// An indicator's name with its unit of measure: `城镇新增就业（人）`.
    pub fn measured_name(self, name: &str, measure: Option<&str>) -> String {
        match measure {
            Some(m) if !m.is_empty() && m != "%" => {
                if self.zh() {
                    format!("{name}（{m}）")
                } else {
                    format!("{name} ({m})")
                }
            }
            _ => name.to_string(),
        }
    }

    /// The heading of a unit's score sheet: `丙县（县）`.
    pub fn sheet_heading(self, name: &str, kind: &str) -> String {
        if self.zh() {
            format!("{name}（{kind}）")
        } else {
            format!("{name} ({kind})")
        }
    }

    /// The standings of a single-item award after roll-down (名次顺移).
    pub fn standings_note(self) -> String {
        self.0
            .pick(
                "单项得分排名中不含综合先进单位（名次顺移）。",
                "The award standings leave out the comprehensive advanced units (the next unit moves up).",
            )
            .to_string()
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

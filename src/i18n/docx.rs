//! The words of the document for the leading group (`kaoping export --format docx`,
//! [`crate::report::export_docx`]): **Chinese only**, whatever `--lang` says. It is an
//! official document (公文) that the evaluation office sends to the 领导小组, and 公文 are
//! written in Chinese; the interface language of the person who exports it does not
//! change the language of the document (README, "Exports").
//!
//! So these are not `sentences!` (which pair each sentence with its English); each is one
//! Chinese sentence, its English gloss in the doc comment, with the glossary's Chinese
//! terms by name.

use super::glossary::zh::*;

/// The sentences of the document for the leading group (Chinese).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DocxText;

impl DocxText {
    /// The title, from the project's: `关于2026年度民生工程目标管理考评结果的通报（建议名单）`
    /// ("circular on the results of …, proposed lists"). A title that does not end in 考评
    /// gets it (`示例：三县一区` → `关于示例：三县一区考评结果的通报（建议名单）`); no title:
    /// `关于民生工程考评结果的通报（建议名单）`.
    pub fn title(self, project_title: &str) -> String {
        let t = project_title.trim();
        if t.is_empty() {
            "关于民生工程考评结果的通报（建议名单）".to_string()
        } else if t.ends_with("考评") {
            format!("关于{t}结果的通报（建议名单）")
        } else {
            format!("关于{t}考评结果的通报（建议名单）")
        }
    }

    /// The line under the body that names the annex (附件说明).
    pub fn annex_note(self) -> String {
        "附件：各单位考评得分".to_string()
    }

    /// The annex's label, top left of its first page.
    pub fn annex_label(self) -> &'static str {
        "附件"
    }

    /// The annex's title.
    pub fn annex_title(self) -> &'static str {
        "各单位考评得分"
    }

    /// The annex's last column ("remarks").
    pub fn remarks_heading(self) -> &'static str {
        "备注"
    }

    /// A group of the annex: counties and zone, or city departments.
    pub fn group_name(self, kind: crate::project::UnitKind) -> &'static str {
        match kind {
            crate::project::UnitKind::Department => CITY_DEPARTMENT,
            _ => COUNTIES_AND_ZONE,
        }
    }

    pub fn remark_comprehensive(self) -> String {
        COMPREHENSIVE.to_string()
    }

    /// Vetoed, with the indicators it failed.
    pub fn remark_vetoed(self, failed: &str) -> String {
        format!("{VETO}（{failed}）")
    }

    pub fn remark_last_place(self) -> String {
        LAST_PLACE.to_string()
    }

    /// How many single-item awards it wins.
    pub fn remark_awards(self, n: usize) -> String {
        format!("{SINGLE_ITEM} {n} 项")
    }

    pub fn remark_pending(self) -> String {
        PENDING.to_string()
    }

    /// The addressee (主送机关): the leading group.
    pub fn addressee(self) -> &'static str {
        "市民生工程领导小组："
    }

    /// The opening paragraph: what was evaluated and what is asked ("… we report the
    /// proposed awards and the matters to decide, for your approval").
    pub fn opening(self, units: usize, departments: usize) -> String {
        let who = if departments == 0 {
            format!("{units} 个{COUNTIES_AND_ZONE}")
        } else {
            format!("{units} 个{COUNTIES_AND_ZONE}和 {departments} 个{CITY_DEPARTMENT}")
        };
        format!(
            "根据《民生工程目标管理工作规定》，考评办公室对{who}的民生工程目标完成情况进行了考评，\
             按{ORGANIZATION}、{SURVEY}、{TASK}减{PENALTY}计算总分并排名。现将拟表彰名单、\
             {LAST_PLACE}、{VETO}情况及需审定的事项报告如下，请予审定。"
        )
    }

    /// Level-1 headings (黑体), in the document's order.
    pub const HEADINGS: [&'static str; 7] = [
        "一、综合先进",
        "二、末位",
        "三、单项工作先进",
        "四、先进市直单位",
        "五、先进个人",
        "六、一票否决",
        "七、需领导小组审定的事项",
    ];

    /// Level-2 heading (楷体): `（一）` … `（十）`, then `（11）`.
    pub fn numbered(self, n: usize, text: &str) -> String {
        const NUMS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
        match NUMS.get(n.wrapping_sub(1)) {
            Some(c) => format!("（{c}）{text}"),
            None => format!("（{n}）{text}"),
        }
    }

    /// The proposed winners: `拟评：甲县（21.80）、乙县（20.20）`.
    pub fn proposed(self, names: &str) -> String {
        format!("拟评：{names}")
    }

    /// Fewer eligible units than places ("only 2 eligible; the other places stay empty").
    pub fn places_left_empty(self, winners: usize, places: u32) -> String {
        format!(
            "符合条件（未被{VETO}）的单位只有 {winners} 个，其余 {} 个名额空缺。",
            (places as usize).saturating_sub(winners)
        )
    }

    /// No department was scored.
    pub fn no_departments(self) -> &'static str {
        "本年度项目文件中没有市直部门的评分，暂无拟评的先进市直单位。"
    }

    /// Under the 先进个人 table ("nominated as many as the places; a difference is noted").
    pub fn individuals_note(self) -> String {
        format!(
            "{INDIVIDUALS}由各单位按{PLACES}{EQUAL_NOMINATION}；推荐人数与{PLACES}不符的，在说明栏注明。"
        )
    }

    /// The mark of a vetoed unit that still wins a single-item award.
    pub fn to_decide(self) -> &'static str {
        "待审定"
    }

    /// The note on a vetoed winner in the awards table: `待审定：一票否决（未完成城镇新增就业）`.
    pub fn vetoed_winner_note(self, unit: &str, failed: &str) -> String {
        format!("待审定：{unit}被{VETO}（{INCOMPLETE}{failed}）")
    }

    /// One matter for the leading group, numbered: `1. 【待审定】…`.
    pub fn matter(self, n: usize, text: &str, to_decide: bool) -> String {
        if to_decide {
            format!("{n}. 【待审定】{text}。")
        } else {
            format!("{n}. {text}。")
        }
    }

    /// Nothing to decide.
    pub fn no_matters(self) -> &'static str {
        "无。"
    }

    /// The issuing office (落款).
    pub fn signature(self) -> &'static str {
        "民生工程考评办公室"
    }

    /// The date in the document: `2026-03-31` → `2026年3月31日`; any other text as it is.
    pub fn date(self, date: &str) -> String {
        let parts: Vec<&str> = date.split('-').collect();
        match parts.as_slice() {
            [y, m, d]
                if [y, m, d]
                    .iter()
                    .all(|p| p.chars().all(|c| c.is_ascii_digit())) =>
            {
                let n = |p: &str| p.trim_start_matches('0').to_string();
                format!("{y}年{}月{}日", n(m), n(d))
            }
            _ => date.to_string(),
        }
    }

    /// The columns of the ranking tables.
    pub const RANKING_HEADER: [&'static str; 7] =
        [RANK, "单位", ORGANIZATION, SURVEY, TASK, PENALTY, TOTAL];

    /// The columns of the single-item awards table.
    pub const AWARDS_HEADER: [&'static str; 5] =
        ["序号", "奖项", PLACES, "拟评单位（单项得分）", "备注"];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_follows_the_projects() {
        let t = DocxText;
        assert_eq!(
            t.title("2026年度民生工程目标管理考评"),
            "关于2026年度民生工程目标管理考评结果的通报（建议名单）"
        );
        assert_eq!(
            t.title("示例：三县一区"),
            "关于示例：三县一区考评结果的通报（建议名单）"
        );
        assert_eq!(t.title(" "), "关于民生工程考评结果的通报（建议名单）");
    }

    #[test]
    fn dates_and_numbers_read_as_chinese() {
        let t = DocxText;
        assert_eq!(t.date("2027-01-30"), "2027年1月30日");
        assert_eq!(t.date("soon"), "soon");
        assert_eq!(t.numbered(2, "丙县"), "（二）丙县");
        assert_eq!(t.numbered(12, "x"), "（12）x");
    }
}

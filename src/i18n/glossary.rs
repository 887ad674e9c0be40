//! The regulation's terms (SPEC §1, §3), each spelled once per language: the sentences
//! (`sentences!`, `macros.rs`) and the fixed texts ([`super::T`]) use them by name, so
//! that a change of wording (`基础分` → `基本分值`) is one row here.
//!
//! A term has a short form (`_SHORT`, for narrow columns) or a long one (`_LONG`) where
//! the interface needs it, each its own row; `NAME_ZH` (the `cited` list) is the Chinese
//! term as English text cites it (`vetoed (一票否决)`). English grammar (`vetoed`, a
//! plural `s`, `Organisation` at the start of a heading) is the sentence's: the English
//! forms here are the terms as nouns.

/// One term of the glossary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub name: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

/// Declares the glossary: `terms { … }`, one row a term, `NAME = "<Chinese>", "<English>";`,
/// generating the constants `zh::NAME` and `en::NAME` (so that both languages always
/// have the same terms); then `cited { NAME_ZH = NAME; … }`, the Chinese terms English
/// text cites (`vetoed (一票否决)`), the same in both modules; and
/// `ROWS`, every term (for the tests).
macro_rules! terms {
    (
        terms {
            $(
                $(#[$meta:meta])*
                $name:ident = $zh:literal, $en:literal;
            )*
        }
        cited {
            $($cited:ident = $of:ident;)*
        }
    ) => {
        /// The terms in Chinese.
        pub mod zh {
            $(
                $(#[$meta])*
                pub const $name: &str = $zh;
            )*
            $(pub const $cited: &str = $of;)*
        }

        /// The terms in English, and the Chinese terms English text cites.
        pub mod en {
            $(
                $(#[$meta])*
                pub const $name: &str = $en;
            )*
            $(pub const $cited: &str = super::zh::$of;)*
        }

        /// Every term: its name and its two forms.
        pub const ROWS: &[Row] = &[$(Row { name: stringify!($name), zh: $zh, en: $en },)*];
    };
}

terms! {
    terms {
        // ---- the parts of the score ----
        /// 组织实施: the organisation section.
        ORGANIZATION = "组织实施", "organisation";
        ORGANIZATION_SHORT = "组织", "Org";
        /// 群众测评: the survey section.
        SURVEY = "群众测评", "survey";
        SURVEY_SHORT = "测评", "Survey";
        /// 任务完成: the task section.
        TASK = "任务完成", "task";
        TASK_SHORT = "任务", "Task";
        /// 处分扣分: penalties for circulars of criticism.
        PENALTY = "处分扣分", "penalty";
        PENALTY_SHORT = "处分", "Pen.";
        /// 总分: the annual score.
        TOTAL = "总分", "total";
        /// 基本分值: an indicator's base score, in the regulation's word.
        BASE = "基本分值", "base";
        /// 满分: a part's maximum.
        MAX = "满分", "max";
        /// 得分: a score earned.
        EARNED = "得分", "earned";
        /// 小计: an area's subtotal.
        SUBTOTAL = "小计", "subtotal";
        /// 加分: a bonus for over-completion.
        BONUS = "加分", "bonus";
        /// 扣分: a deduction for a shortfall.
        DEDUCTION = "扣分", "deduction";
        /// 扣分上限: the cap on a deduction (in Chinese, in short, `CEILING`).
        DEDUCTION_CAP = "扣分上限", "cap";

        // ---- indicators and rows ----
        /// 加分指标 / 不加分指标: whether over-completion earns a bonus.
        BONUS_INDICATOR = "加分指标", "bonus indicator";
        NON_BONUS_INDICATOR = "不加分指标", "not a bonus indicator";
        /// 目标 / 实际: a quantitative row's two values.
        TARGET = "目标", "target";
        ACTUAL = "实际", "actual";
        /// 目标值 / 实际值: the same, as values.
        TARGET_VALUE = "目标值", "target value";
        ACTUAL_VALUE = "实际值", "actual value";
        /// 完成率: actual ÷ target.
        COMPLETION_RATE = "完成率", "completion";
        /// 上限: an upper limit, an `at_most` indicator's ceiling (and a deduction's cap).
        CEILING = "上限", "ceiling";
        /// 已完成 / 未完成: a qualitative row's status.
        COMPLETE = "已完成", "complete";
        INCOMPLETE = "未完成", "incomplete";
        /// 定性指标: a qualitative indicator.
        QUALITATIVE = "定性指标", "qualitative";
        /// 准备工作: what a unit off the pilot list is scored on.
        PREPARATION = "准备工作", "preparation";
        PREPARATION_SHORT = "准备", "prep.";
        /// 非试点: not on an indicator's pilot list.
        NON_PILOT = "非试点", "not a pilot";
        /// 待录入: not entered yet (counts 0 for now).
        PENDING = "待录入", "pending";
        /// The two penalty levels as the regulation words them (a 省直部门 circular is the
        /// lower level: "省级" would invite entering it as the higher one).
        PROVINCIAL = "省委省政府或国家部委通报", "provincial/ministry circular";
        PROVINCIAL_LONG = "被省委、省政府或国家部委通报批评", "criticised in a circular of the provincial Party committee, the provincial government or a national ministry";
        MUNICIPAL = "市委市政府或省直部门通报", "city/provincial-dept circular";
        MUNICIPAL_LONG = "被市委、市政府或省直部门通报批评", "criticised in a circular of the city Party committee, the city government or a provincial department";

        // ---- the outcome ----
        /// 名次: a unit's rank in its group.
        RANK = "名次", "rank";
        /// 并列: an equal total shares a rank.
        TIED = "并列", "tied";
        /// 一票否决: failing any indicator bars comprehensive advanced.
        VETO = "一票否决", "veto";
        /// 不达标: failed an indicator (the units last place is named among).
        NOT_UP_TO_STANDARD = "不达标", "not up to standard";
        VETO_SHORT = "否决", "Veto";
        /// 综合先进: the comprehensive award.
        COMPREHENSIVE = "综合先进", "comprehensive advanced";
        /// 单项工作先进: the single-item awards.
        SINGLE_ITEM = "单项工作先进", "single-item award";
        SINGLE_ITEM_SHORT = "单项", "award";
        /// 单项得分: a unit's score for a single-item award.
        AWARD_SCORE = "单项得分", "award score";
        /// 末位: the lowest total, while some unit is vetoed.
        LAST_PLACE = "末位", "last place";
        /// 名次顺移: an award's next unit moves up past a comprehensive advanced one.
        ROLL_DOWN = "名次顺移", "the next unit moves up";
        /// 名额: an award's places.
        PLACES = "名额", "places";
        /// 先进个人: the advanced individuals a unit nominates.
        INDIVIDUALS = "先进个人", "advanced individuals";
        /// 等额推荐: nominating exactly as many as the places.
        EQUAL_NOMINATION = "等额推荐", "as many as the places";

        // ---- who is scored ----
        /// 县（区）: the counties and the zone, ranked together.
        COUNTIES_AND_ZONE = "县（区）", "counties and zone";
        COUNTIES_AND_ZONE_SHORT = "县区", "counties/zone";
        /// 县 / 开发区 / 市直部门: the kinds of unit.
        COUNTY = "县", "county";
        ZONE = "开发区", "zone";
        CITY_DEPARTMENT = "市直部门", "city department";
        /// 牵头 / 责任 / 协办: a department's role in an indicator.
        ROLE_LEAD = "牵头", "lead";
        ROLE_RESPONSIBLE = "责任", "responsible";
        ROLE_CO = "协办", "co";

        // ---- self-check beside assessed (SPEC §7) ----
        /// 总结自查: what a unit says of itself before it is assessed.
        SELFCHECK = "总结自查", "self-check";
        SELFCHECK_SHORT = "自查", "Self";
        /// 考评: what the office assessed (the figures that are ranked).
        ASSESSED = "考评", "assessed";
        /// 差: assessed less self-check.
        GAP = "差", "gap";
    }

    // The Chinese terms English text cites: `vetoed (一票否决)`.
    cited {
        ORGANIZATION_ZH = ORGANIZATION;
        SURVEY_ZH = SURVEY;
        TASK_ZH = TASK;
        PENALTY_ZH = PENALTY;
        BONUS_INDICATOR_ZH = BONUS_INDICATOR;
        NON_BONUS_INDICATOR_ZH = NON_BONUS_INDICATOR;
        COMPLETE_ZH = COMPLETE;
        INCOMPLETE_ZH = INCOMPLETE;
        NON_PILOT_ZH = NON_PILOT;
        PENDING_ZH = PENDING;
        PROVINCIAL_ZH = PROVINCIAL;
        MUNICIPAL_ZH = MUNICIPAL;
        VETO_ZH = VETO;
        COMPREHENSIVE_ZH = COMPREHENSIVE;
        SINGLE_ITEM_ZH = SINGLE_ITEM;
        LAST_PLACE_ZH = LAST_PLACE;
        ROLL_DOWN_ZH = ROLL_DOWN;
        NOT_UP_TO_STANDARD_ZH = NOT_UP_TO_STANDARD;
        INDIVIDUALS_ZH = INDIVIDUALS;
        EQUAL_NOMINATION_ZH = EQUAL_NOMINATION;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Each form written out once in `lang`: no two terms with the same words (a short
    /// form that would be the same as the long one is the long one).
    fn spelled_once(lang: &str, form: impl Fn(&Row) -> &'static str) {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for row in ROWS {
            if let Some(first) = seen.insert(form(row), row.name) {
                panic!(
                    "{lang}: {} and {first} both spell {:?}",
                    row.name,
                    form(row)
                );
            }
        }
    }

    #[test]
    fn each_term_is_spelled_once_per_language() {
        spelled_once("zh", |r| r.zh);
        spelled_once("en", |r| r.en);
    }

    #[test]
    fn every_term_has_both_languages() {
        for row in ROWS {
            assert!(!row.zh.is_empty() && !row.en.is_empty(), "{}", row.name);
            // The Chinese form is Chinese.
            assert!(!row.zh.is_ascii(), "{}: {:?}", row.name, row.zh);
        }
    }

    #[test]
    fn a_cited_term_is_the_chinese_in_both_languages() {
        assert_eq!(zh::VETO_ZH, "一票否决");
        assert_eq!(en::VETO_ZH, zh::VETO);
        assert_eq!(en::LAST_PLACE_ZH, zh::LAST_PLACE);
    }
}

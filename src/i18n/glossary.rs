//! The regulation's terms (SPEC §1, §3), each spelled once per language: the sentences
//! ([`super::macros::sentences`]) and the fixed texts ([`super::T`]) use them by name, so
//! that a change of wording (`基础分` → `基本分值`) is one row here.
//!
//! A term has a short form (`_SHORT`, for narrow columns) or a long one (`_LONG`) where
//! the interface needs it; `_ZH` is the Chinese term as English text cites it
//! (`vetoed (一票否决)`). English grammar (`vetoed`, `Organisation` at the start of a
//! heading) is the sentence's: the English forms here are the terms as nouns.

use super::macros::terms;

/// One row of the glossary, as written and as it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub name: &'static str,
    /// The Chinese form as written: `"末位"`, or the name of the term it is the same as.
    pub zh_written: &'static str,
    pub en_written: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

terms! {
    // ---- the parts of the score ----
    /// 组织实施: the organisation section.
    ORGANIZATION = "组织实施", "organisation";
    ORGANIZATION_SHORT = "组织", "Org";
    ORGANIZATION_ZH = ORGANIZATION, zh::ORGANIZATION;
    /// 群众测评: the survey section.
    SURVEY = "群众测评", "survey";
    SURVEY_SHORT = "测评", "Survey";
    SURVEY_ZH = SURVEY, zh::SURVEY;
    /// 任务完成: the task section.
    TASK = "任务完成", "task";
    TASK_SHORT = "任务", "Task";
    TASK_ZH = TASK, zh::TASK;
    /// 处分扣分: penalties for circulars of criticism.
    PENALTY = "处分扣分", "penalty";
    PENALTY_SHORT = "处分", "Pen.";
    PENALTY_ZH = PENALTY, zh::PENALTY;
    /// 总分: the annual score.
    TOTAL = "总分", "total";
    /// 基础分: an indicator's base score (the regulation's 基本分值).
    BASE = "基础分", "base";
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
    /// 扣分上限: the cap on a deduction.
    DEDUCTION_CAP = "扣分上限", "cap";
    DEDUCTION_CAP_SHORT = CEILING, DEDUCTION_CAP;

    // ---- indicators and rows ----
    /// 加分指标 / 不加分指标: whether over-completion earns a bonus.
    BONUS_INDICATOR = "加分指标", "bonus indicator";
    BONUS_INDICATOR_ZH = BONUS_INDICATOR, zh::BONUS_INDICATOR;
    NON_BONUS_INDICATOR = "不加分指标", "not a bonus indicator";
    NON_BONUS_INDICATOR_ZH = NON_BONUS_INDICATOR, zh::NON_BONUS_INDICATOR;
    /// 目标 / 实际: a quantitative row's two values.
    TARGET = "目标", "target";
    ACTUAL = "实际", "actual";
    /// 目标值 / 实际值: the same, as values.
    TARGET_VALUE = "目标值", TARGET;
    ACTUAL_VALUE = "实际值", "actual value";
    /// 完成率: actual ÷ target.
    COMPLETION_RATE = "完成率", "completion";
    /// 上限: an `at_most` indicator's ceiling.
    CEILING = "上限", "ceiling";
    /// 已完成 / 未完成: a qualitative row's status.
    COMPLETE = "已完成", "complete";
    COMPLETE_ZH = COMPLETE, zh::COMPLETE;
    INCOMPLETE = "未完成", "incomplete";
    INCOMPLETE_ZH = INCOMPLETE, zh::INCOMPLETE;
    /// 定性指标: a qualitative indicator.
    QUALITATIVE = "定性指标", "qualitative";
    /// 准备工作: what a unit off the pilot list is scored on.
    PREPARATION = "准备工作", "preparation";
    PREPARATION_SHORT = "准备", "prep.";
    /// 非试点: not on an indicator's pilot list.
    NON_PILOT = "非试点", "not a pilot";
    NON_PILOT_ZH = NON_PILOT, zh::NON_PILOT;
    /// 待录入: not entered yet (counts 0 for now).
    PENDING = "待录入", "pending";
    PENDING_ZH = PENDING, zh::PENDING;
    /// 省级通报 / 市级通报 (批评): the two penalty levels.
    PROVINCIAL = "省级通报", "provincial";
    PROVINCIAL_LONG = "省级通报批评", "provincial circular of criticism";
    PROVINCIAL_ZH = PROVINCIAL, zh::PROVINCIAL;
    MUNICIPAL = "市级通报", "municipal";
    MUNICIPAL_LONG = "市级通报批评", "city-level circular of criticism";
    MUNICIPAL_ZH = MUNICIPAL, zh::MUNICIPAL;

    // ---- the outcome ----
    /// 名次: a unit's rank in its group.
    RANK = "名次", "rank";
    /// 并列: an equal total shares a rank.
    TIED = "并列", "tied";
    /// 一票否决: failing any indicator bars comprehensive advanced.
    VETO = "一票否决", "veto";
    VETO_SHORT = "否决", "Veto";
    VETO_ZH = VETO, zh::VETO;
    /// 综合先进: the comprehensive award.
    COMPREHENSIVE = "综合先进", "comprehensive advanced";
    COMPREHENSIVE_ZH = COMPREHENSIVE, zh::COMPREHENSIVE;
    /// 单项先进: the single-item awards.
    SINGLE_ITEM = "单项先进", "single-item award";
    SINGLE_ITEM_SHORT = "单项", "award";
    SINGLE_ITEM_ZH = SINGLE_ITEM, zh::SINGLE_ITEM;
    /// 单项得分: a unit's score for a single-item award.
    AWARD_SCORE = "单项得分", "award score";
    /// 末位: the lowest total, while some unit is vetoed.
    LAST_PLACE = "末位", "last place";
    LAST_PLACE_SHORT = LAST_PLACE, "last";
    LAST_PLACE_ZH = LAST_PLACE, zh::LAST_PLACE;
    /// 名次顺移: an award's next unit moves up past a comprehensive advanced one.
    ROLL_DOWN = "名次顺移", "the next unit moves up";
    ROLL_DOWN_ZH = ROLL_DOWN, zh::ROLL_DOWN;
    /// 名额: an award's places.
    PLACES = "名额", "places";

    // ---- who is scored ----
    /// 县（区）: the counties and the zone, ranked together.
    COUNTIES_AND_ZONE = "县（区）", "counties and zone";
    COUNTIES_AND_ZONE_SHORT = "县区", COUNTIES_AND_ZONE;
    /// 县 / 开发区 / 市直部门: the kinds of unit.
    COUNTY = "县", "county";
    ZONE = "开发区", "zone";
    CITY_DEPARTMENT = "市直部门", "city department";
    CITY_DEPARTMENTS = CITY_DEPARTMENT, "city departments";
    /// 牵头 / 责任 / 协办: a department's role in an indicator.
    ROLE_LEAD = "牵头", "lead";
    ROLE_RESPONSIBLE = "责任", "responsible";
    ROLE_CO = "协办", "co";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Each form written out once per language: a second row with the same words names
    /// the first instead.
    fn spelled_once(lang: &str, form: impl Fn(&Row) -> (&'static str, &'static str)) {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for row in ROWS {
            let (written, value) = form(row);
            if !written.starts_with('"') {
                continue;
            }
            if let Some(first) = seen.insert(value, row.name) {
                panic!("{lang}: {} and {first} both spell {value:?}", row.name);
            }
        }
    }

    #[test]
    fn each_term_is_spelled_once_per_language() {
        spelled_once("zh", |r| (r.zh_written, r.zh));
        spelled_once("en", |r| (r.en_written, r.en));
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
        for row in ROWS.iter().filter(|r| r.name.ends_with("_ZH")) {
            assert_eq!(row.zh, row.en, "{}", row.name);
        }
    }
}

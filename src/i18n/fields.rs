//! The words of the terminal program's forms: each editable field's label, looked up by
//! its table and key (`("policy", "bonus_share")`; the title's table is ""), and the words
//! for its values (yes and no, a choice, what an empty value means), the forms' titles,
//! headings and hints.
//!
//! A field without a label shows its key (a test names every such key: adding a field
//! to a table in `src/project/` means adding its line to `LABELS` here).

use super::Lang;
use super::common::CommonText;
use super::glossary::{en, zh};
use super::macros::{cat, sentences};
use crate::edit::form::Subject;
use crate::project::InputKind;

/// `(table, key, zh, en)`: what a field is called.
const LABELS: &[(&str, &str, &str, &str)] = &[
    ("", "title", "标题", "title"),
    ("sections", "total", zh::TOTAL, en::TOTAL),
    (
        "sections",
        "organization",
        cat!(zh::ORGANIZATION, zh::MAX),
        cat!(en::ORGANIZATION, " (max.)"),
    ),
    (
        "sections",
        "survey",
        cat!(zh::SURVEY, zh::MAX),
        cat!(en::SURVEY, " (max.)"),
    ),
    (
        "sections",
        "task",
        cat!(zh::TASK, zh::MAX),
        "task completion (max.)",
    ),
    (
        "policy",
        "score_decimals",
        "得分保留小数位数",
        "decimal places of a score",
    ),
    (
        "policy",
        "bonus_share",
        cat!("最高", zh::BONUS, "（占", zh::BASE, "）"),
        cat!("top ", en::BONUS, " (share of the ", en::BASE, ")"),
    ),
    ("policy", "shortfall_step", "差额每步", "shortfall step"),
    (
        "policy",
        "shortfall_rate",
        cat!("每步", zh::DEDUCTION, "（占", zh::BASE, "）"),
        cat!(en::DEDUCTION, " a step (share of the ", en::BASE, ")"),
    ),
    (
        "policy",
        "shortfall_mode",
        "差额计步方式",
        "how steps are counted",
    ),
    (
        "policy",
        "deduction_cap",
        cat!(zh::DEDUCTION_CAP, "（占", zh::BASE, "）"),
        cat!(
            "deduction ",
            en::DEDUCTION_CAP,
            " (share of the ",
            en::BASE,
            ")"
        ),
    ),
    (
        "policy",
        "penalty_provincial",
        cat!(zh::PROVINCIAL, zh::DEDUCTION),
        cat!("points a ", en::PROVINCIAL, " circular"),
    ),
    (
        "policy",
        "penalty_municipal",
        cat!(zh::MUNICIPAL, zh::DEDUCTION),
        cat!("points a ", en::MUNICIPAL, " circular"),
    ),
    (
        "policy",
        "comprehensive_awards",
        cat!(
            zh::COMPREHENSIVE,
            zh::PLACES,
            "（",
            zh::COUNTIES_AND_ZONE_SHORT,
            "）"
        ),
        "comprehensive awards (counties)",
    ),
    (
        "policy",
        "department_awards",
        cat!(zh::COMPREHENSIVE, zh::PLACES, "（部门）"),
        "comprehensive awards (departments)",
    ),
    (
        "policy",
        "last_place",
        cat!("评", zh::LAST_PLACE),
        cat!("name a ", en::LAST_PLACE),
    ),
    (
        "policy",
        "last_place_among",
        cat!(zh::LAST_PLACE, "评定范围"),
        cat!(en::LAST_PLACE, " among"),
    ),
    (
        "policy",
        "single_item_veto",
        cat!(zh::VETO, "与", zh::SINGLE_ITEM),
        cat!("vetoed units and ", en::SINGLE_ITEM, "s"),
    ),
    (
        "policy",
        "department_bonus",
        cat!("部门超额完成", zh::BONUS),
        cat!("departments earn the ", en::BONUS),
    ),
    (
        "policy",
        "plausible_deviation",
        "偏离目标提醒阈值",
        "warn when off the target by more than",
    ),
    (
        "policy",
        "individual_quota_county",
        cat!(zh::INDIVIDUALS, zh::PLACES, "（每县）"),
        cat!(en::INDIVIDUALS, " places (each county)"),
    ),
    (
        "policy",
        "individual_quota_zone",
        cat!(zh::INDIVIDUALS, zh::PLACES, "（开发区）"),
        cat!(en::INDIVIDUALS, " places (the zone)"),
    ),
    (
        "policy",
        "individual_quota_department",
        cat!(zh::INDIVIDUALS, zh::PLACES, "（部门默认）"),
        cat!(en::INDIVIDUALS, " places (a department, by default)"),
    ),
    ("indicators", "name", "名称", "name"),
    ("indicators", "short", "简称", "short name"),
    ("indicators", "area", "所属领域", "area"),
    ("indicators", "base", "基本分值", "base score"),
    (
        "indicators",
        "bonus",
        zh::BONUS_INDICATOR,
        en::BONUS_INDICATOR,
    ),
    ("indicators", "measure", "计量单位", "unit of measure"),
    ("indicators", "direction", "方向", "direction"),
    ("indicators", "units", "适用单位", "units it applies to"),
    ("indicators", "pilot", "试点单位", "pilot units"),
    ("indicators", "kind", "指标类型", "kind of rows"),
    ("indicators", "aggregate", "部门数据", "a department's row"),
    ("areas", "name", "名称", "name"),
    ("areas", "short", "简称", "short name"),
    ("areas", "max", "分值", "maximum"),
    ("units", "name", "名称", "name"),
    ("units", "kind", "类型", "kind"),
    ("departments", "name", "名称", "name"),
    (
        "departments",
        "quota",
        cat!(zh::INDIVIDUALS, zh::PLACES),
        cat!(en::INDIVIDUALS, " places"),
    ),
    ("organization", "name", "名称", "name"),
    ("organization", "max", "分值", "maximum"),
    ("organization", "applies_to", "适用对象", "applies to"),
    (
        "organization",
        "lead",
        cat!(zh::ROLE_LEAD, "部门"),
        "lead department",
    ),
];

/// `(table, key, value, zh, en)`: what a choice is called.
const CHOICES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "indicators",
        "direction",
        "at_least",
        cat!("不低于", zh::TARGET),
        "at least the target",
    ),
    (
        "indicators",
        "direction",
        "at_most",
        cat!("不高于", zh::TARGET),
        "at most the target",
    ),
    ("units", "kind", "county", zh::COUNTY, en::COUNTY),
    ("units", "kind", "zone", zh::ZONE, en::ZONE),
    (
        "policy",
        "shortfall_mode",
        "proportional",
        "按比例",
        "proportional",
    ),
    (
        "policy",
        "shortfall_mode",
        "full_steps",
        "只计整步",
        "whole steps only",
    ),
    (
        "policy",
        "shortfall_mode",
        "started_steps",
        "不足一步按一步",
        "a started step counts",
    ),
    (
        "policy",
        "last_place_among",
        "not_up_to_standard",
        cat!(zh::NOT_UP_TO_STANDARD, "的单位"),
        cat!("the units ", en::NOT_UP_TO_STANDARD),
    ),
    ("policy", "last_place_among", "all", "全部单位", "all units"),
    (
        "policy",
        "single_item_veto",
        "failed_area",
        "不评其未完成指标所在的单项",
        "out of the awards of the work they failed",
    ),
    (
        "policy",
        "single_item_veto",
        "none",
        cat!("照常参评", zh::SINGLE_ITEM),
        "eligible as any other unit",
    ),
    (
        "policy",
        "single_item_veto",
        "all",
        cat!("不评任何", zh::SINGLE_ITEM),
        "out of every single-item award",
    ),
    ("indicators", "kind", "quantitative", "定量", "quantitative"),
    ("indicators", "kind", "qualitative", "定性", en::QUALITATIVE),
    (
        "indicators",
        "aggregate",
        "sum",
        cat!("由各", zh::COUNTIES_AND_ZONE, "相加"),
        "the sum of the counties' and the zone's",
    ),
];

/// `(table, key, zh, en)`: what an empty value means, where it means something.
const EMPTY: &[(&str, &str, &str, &str)] = &[
    ("indicators", "measure", "（无）", "(none)"),
    ("indicators", "short", "（用全称）", "(the full name)"),
    ("areas", "short", "（用全称）", "(the full name)"),
    (
        "indicators",
        "units",
        cat!("全部", zh::COUNTIES_AND_ZONE),
        "all counties and the zone",
    ),
    (
        "indicators",
        "pilot",
        "无试点名单（都按完成情况计分）",
        "no pilot list (all scored on completion)",
    ),
    (
        "sections",
        "organization",
        "各项满分之和",
        "the sum of its items",
    ),
    ("indicators", "kind", "定量或定性均可", "either kind"),
    (
        "indicators",
        "aggregate",
        "由部门填报",
        "entered by the department",
    ),
    (
        "departments",
        "quota",
        cat!("按默认", zh::PLACES),
        "the policy's default",
    ),
    (
        "organization",
        "applies_to",
        cat!(zh::COUNTY, "、", zh::ZONE, "和", zh::CITY_DEPARTMENT),
        "counties, the zone and departments",
    ),
    ("organization", "lead", "（无）", "(none)"),
];

/// A field's label; its key when it has none.
pub fn label<'k>(table: &str, key: &'k str, lang: Lang) -> &'k str {
    LABELS
        .iter()
        .find(|(t, k, _, _)| *t == table && *k == key)
        .map_or(key, |(_, _, zh, en)| lang.pick(zh, en))
}

/// Whether a field has a label.
pub fn has_label(table: &str, key: &str) -> bool {
    LABELS.iter().any(|(t, k, _, _)| *t == table && *k == key)
}

/// What a choice is called; the name itself when it has no word.
pub fn choice<'v>(table: &str, key: &str, value: &'v str, lang: Lang) -> &'v str {
    CHOICES
        .iter()
        .find(|(t, k, v, _, _)| *t == table && *k == key && *v == value)
        .map_or(value, |(_, _, _, zh, en)| lang.pick(zh, en))
}

/// What an empty value of a field means (`–` where nothing is said).
pub fn empty(table: &str, key: &str, lang: Lang) -> &'static str {
    EMPTY
        .iter()
        .find(|(t, k, _, _)| *t == table && *k == key)
        .map_or("–", |(_, _, zh, en)| lang.pick(zh, en))
}

/// Yes or no.
pub fn yes_no(yes: bool, lang: Lang) -> &'static str {
    match yes {
        true => lang.pick("是", "yes"),
        false => lang.pick("否", "no"),
    }
}

/// An empty list (`units = []`).
pub fn none_listed(lang: Lang) -> &'static str {
    lang.pick("（一个也没有）", "(none at all)")
}

/// The heading of a table's fields in the settings' form.
pub fn heading(table: &str, lang: Lang) -> &'static str {
    match table {
        "sections" => lang.pick("分值 [sections]", "Maxima [sections]"),
        "policy" => lang.pick("计分规则 [policy]", "Scoring rules [policy]"),
        _ => lang.pick("项目", "Project"),
    }
}

/// The title of a form: what it edits, and its name.
pub fn form_title(subject: &Subject, name: &str, lang: Lang) -> String {
    let what = match subject {
        Subject::Settings => return lang.pick("项目设置", "Project settings").to_string(),
        Subject::Indicator(_) => lang.pick("指标", "Indicator"),
        Subject::Area(_) => lang.pick("领域", "Area"),
        Subject::Unit(_) => lang.pick(zh::COUNTIES_AND_ZONE, "County or zone"),
        Subject::Department(_) => lang.pick("部门", "Department"),
        Subject::OrgItem(_) => lang.pick(cat!(zh::ORGANIZATION, "项目"), "Organisation item"),
    };
    FieldText(lang).titled(what, name)
}

/// How a value is typed, for the foot of the form (`choices`: the words of a choice's
/// names).
pub fn hint(input: InputKind, choices: &[&str], lang: Lang) -> String {
    let text = match input {
        InputKind::Text => lang.pick("文字", "text"),
        InputKind::OptText => lang.pick("文字；空＝不设", "text; empty: none"),
        InputKind::Decimal => lang.pick("数", "a number"),
        InputKind::OptDecimal => lang.pick("数；空＝不设", "a number; empty: none"),
        InputKind::Whole => lang.pick("整数", "a whole number"),
        InputKind::Toggle => lang.pick("是或否", "yes or no"),
        InputKind::Choice(_) => return FieldText(lang).one_of(&CommonText(lang).list(choices)),
        InputKind::Units => lang.pick(
            "县（区）的标识或名称，逗号分隔；空＝不设，[]＝一个也没有",
            "counties by id or name, comma-separated; empty: none set, []: none at all",
        ),
        InputKind::Area => lang.pick("领域的标识或名称", "an area, by id or name"),
        InputKind::OptChoice(_) => {
            return FieldText(lang).one_of_or_none(&CommonText(lang).list(choices));
        }
        InputKind::OptWhole => lang.pick("整数；空＝不设", "a whole number; empty: none"),
        InputKind::Kinds => lang.pick(
            "county、zone、department，逗号分隔；空＝全部",
            "county, zone, department, comma-separated; empty: all three",
        ),
        InputKind::OptDepartment => lang.pick(
            "部门的标识或名称；空＝不设",
            "a department, by id or name; empty: none",
        ),
    };
    text.to_string()
}

/// Why an empty value is refused.
pub fn value_needed(lang: Lang) -> &'static str {
    lang.pick("需要一个值", "a value is needed")
}

/// What a committed change did: `label: old → new`.
pub fn changed(lang: Lang, label: &str, old: &str, new: &str) -> String {
    FieldText(lang).changed(label, old, new)
}

/// The forms' sentences, in one language.
struct FieldText(Lang);

impl FieldText {
    sentences! {
        /// A form's title: what it edits, and its name.
        fn titled(what: &str, name: &str) {
            zh: "{what}：{name}",
            en: "{what}: {name}",
        }

        /// The choices of a field.
        fn one_of(list: &str) {
            zh: "可选：{list}",
            en: "one of: {list}",
        }

        /// The choices of a field that may be left empty.
        fn one_of_or_none(list: &str) {
            zh: "可选：{list}；空＝不设",
            en: "one of: {list}; empty: none",
        }

        /// What a committed change did.
        fn changed(label: &str, old: &str, new: &str) {
            zh: "{label}：{old} → {new}",
            en: "{label}: {old} → {new}",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reminder: a field added to a table in `src/project/` shows in its form at once,
    /// but with its key for a label until it has a line in `LABELS`.
    #[test]
    fn every_editable_key_has_a_label_in_both_languages() {
        let missing: Vec<String> = crate::edit::form::every_key()
            .into_iter()
            .filter(|(table, key, _)| !has_label(table, key))
            .map(|(table, key, _)| format!("({table:?}, {key:?})"))
            .collect();
        assert!(
            missing.is_empty(),
            "add a label to LABELS in src/i18n/fields.rs for {}",
            missing.join(", ")
        );
        for (table, key, zh, en) in LABELS {
            assert!(!zh.is_empty() && !en.is_empty(), "{table}.{key}");
        }
    }

    #[test]
    fn every_choice_has_a_word_and_a_label_falls_back_to_its_key() {
        for (table, key, input) in crate::edit::form::every_key() {
            if let InputKind::Choice(names) | InputKind::OptChoice(names) = input {
                for name in names {
                    let has = |(t, k, v, _, _): &&(&str, &str, &str, &str, &str)| {
                        *t == table && *k == key && v == name
                    };
                    assert!(CHOICES.iter().any(|c| has(&c)), "{table}.{key} = {name}");
                }
            }
        }
        assert_eq!(label("indicators", "no-such-key", Lang::Zh), "no-such-key");
        assert_eq!(label("policy", "last_place", Lang::En), "name a last place");
    }
}

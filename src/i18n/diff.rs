//! The sentences of `kaoping diff` ([`crate::diff`]), in both languages: [`lines`] turns
//! a [`Diff`] into lines, each sentence one [`DiffText`] method.
//!
//! Values arrive at a sentence formatted (scores with their places, ids already turned
//! into sanitised names); the templates only put them into words. TOML paths stay as
//! they are in both languages.

use super::common::CommonText;
use super::glossary::{en, zh};
use super::macros::{cat, sentences};
use super::{Lang, T};
use crate::diff::{ABSENT, Diff, Names};
use crate::text::sanitize;
use indexmap::IndexMap;

/// The diff in words: a one-line summary, the scheme's changes, the units in one file
/// only, then every changed unit with its changed results and the entered values behind
/// them. Unchanged units are left out.
pub fn lines(diff: &Diff, lang: Lang) -> Vec<String> {
    let t = DiffText(lang);
    let names = &diff.names;
    let unit_name = |id: &str| sanitize(names.units.get(id).map_or(id, String::as_str));
    let moved: Vec<String> = diff
        .units
        .iter()
        .filter_map(|u| {
            let (o, n) = u.result("rank")?;
            (o != ABSENT && n != ABSENT).then(|| t.moved(&sanitize(&u.name), o, n))
        })
        .collect();
    let mut lines = vec![t.summary(
        diff.units.len(),
        &moved,
        diff.scheme.len(),
        diff.only_old.len(),
        diff.only_new.len(),
    )];
    if !diff.scheme.is_empty() {
        lines.push(t.scheme_heading());
        for (path, o, n) in &diff.scheme {
            // A setting in Chinese words (`[policy]`, `[sections]`); other paths as they are.
            let setting = match path.split_once('.') {
                Some((table @ ("policy" | "sections"), key))
                    if lang == Lang::Zh && super::fields::has_label(table, key) =>
                {
                    Some((
                        super::fields::label(table, key, lang),
                        super::fields::choice(table, key, o, lang),
                        super::fields::choice(table, key, n, lang),
                    ))
                }
                _ => None,
            };
            let line = match setting {
                Some((label, o, n)) => t.change(label, &sanitize(o), &sanitize(n)),
                None => t.change(path, &sanitize(o), &sanitize(n)),
            };
            lines.push(format!("  {line}"));
        }
    }
    let named = |ids: &[String]| -> Vec<String> {
        ids.iter().map(|id| t.named(&unit_name(id), id)).collect()
    };
    if !diff.only_old.is_empty() {
        lines.push(t.only_old(&named(&diff.only_old)));
    }
    if !diff.only_new.is_empty() {
        lines.push(t.only_new(&named(&diff.only_new)));
    }
    let has_departments = diff.units.iter().any(|u| u.department);
    let mut heading_done = [false, false];
    for u in &diff.units {
        let group = usize::from(u.department);
        if has_departments && !heading_done[group] {
            lines.push(t.group_heading(u.department));
            heading_done[group] = true;
        }
        lines.push(t.named(&sanitize(&u.name), &u.id));
        for (what, o, n) in &u.results {
            let (label, o, n) = label_values(&t, names, what, o, n);
            lines.push(format!("  {}", t.change(&label, &o, &n)));
        }
        if !u.inputs.is_empty() {
            lines.push(format!("  {}", t.inputs_heading()));
            for (path, o, n) in &u.inputs {
                let line = match (lang, input_label(names, path)) {
                    (Lang::Zh, Some(label)) => {
                        t.change(&label, &input_value_zh(o), &input_value_zh(n))
                    }
                    _ => t.change(path, &sanitize(o), &sanitize(n)),
                };
                lines.push(format!("    {line}"));
            }
        }
    }
    lines
}

/// An entered value's path in Chinese words, for the Chinese diff:
/// `scores.yi.indicators.new-jobs.actual` → `城镇新增就业 实际值`,
/// `scores.yi.survey` → `群众测评`, `scores.yi.organization.funds` → `组织实施 funds`;
/// `None` for a path of another shape (it is shown as it is).
fn input_label(names: &crate::diff::Names, path: &str) -> Option<String> {
    use super::glossary::zh;
    // A self-check's value: the same words, after 自查.
    if let Some(rest) = path.strip_prefix("selfcheck.") {
        return input_label(names, &format!("scores.{rest}"))
            .map(|label| format!("{} {label}", zh::SELFCHECK_SHORT));
    }
    let parts: Vec<&str> = path.split('.').collect();
    match parts.as_slice() {
        ["scores", _, "indicators", indicator, field] => {
            let name = sanitize(
                names
                    .indicators
                    .get(*indicator)
                    .map_or(*indicator, String::as_str),
            );
            let field = match *field {
                "target" => zh::TARGET,
                "actual" => zh::ACTUAL_VALUE,
                "status" => super::T::StatusCol.get(Lang::Zh),
                "deduction" => zh::DEDUCTION,
                "prep" => zh::PREPARATION,
                other => other,
            };
            Some(format!("{name} {field}"))
        }
        ["scores", _, "survey"] => Some(zh::SURVEY.to_string()),
        ["scores", _, "organization", item] => {
            Some(format!("{} {}", zh::ORGANIZATION, sanitize(item)))
        }
        ["scores", _, penalty, field] if penalty.starts_with("penalties[") => {
            let n = penalty
                .trim_start_matches("penalties[")
                .trim_end_matches(']')
                .parse::<usize>()
                .map_or_else(|_| penalty.to_string(), |i| (i + 1).to_string());
            let field = match *field {
                "level" => "级别",
                "points" => "分数",
                "note" => "说明",
                other => other,
            };
            Some(format!("{}第 {n} 条 {field}", zh::PENALTY))
        }
        ["scores", _, rest @ ..] if rest.first().is_some_and(|r| r.starts_with("penalties")) => {
            Some(format!("{} {}", zh::PENALTY, rest.join(".")))
        }
        _ => None,
    }
}

/// An entered value as the Chinese diff shows it: a status in words.
fn input_value_zh(value: &str) -> String {
    use super::glossary::zh;
    match value {
        "complete" => zh::COMPLETE.to_string(),
        "incomplete" => zh::INCOMPLETE.to_string(),
        "provincial" => zh::PROVINCIAL.to_string(),
        "municipal" => zh::MUNICIPAL.to_string(),
        other => sanitize(other),
    }
}

/// A result's label and values in words: names for ids, yes/no for flags.
fn label_values(
    t: &DiffText,
    names: &Names,
    what: &str,
    old: &str,
    new: &str,
) -> (String, String, String) {
    let name_list = |map: &IndexMap<String, String>, value: &str| -> Vec<String> {
        value
            .split(", ")
            .filter(|s| !s.is_empty())
            .map(|id| sanitize(map.get(id).map_or(id, String::as_str)))
            .collect()
    };
    let both = |f: &dyn Fn(&str) -> String| {
        let g = |v: &str| if v == ABSENT { v.to_string() } else { f(v) };
        (g(old), g(new))
    };
    let (label, (o, n)) = match what {
        "failed" => (
            t.label(what),
            both(&|v| t.veto(&name_list(&names.indicators, v))),
        ),
        "awards" => (
            t.label(what),
            both(&|v| t.awards(&name_list(&names.awards, v))),
        ),
        "comprehensive" | "last_place" => (t.label(what), both(&|v| t.yes_no(v == "true"))),
        _ => match what.strip_prefix("areas.") {
            Some(area) => (
                sanitize(names.areas.get(area).map_or(area, String::as_str)),
                (old.to_string(), new.to_string()),
            ),
            None => (t.label(what), (old.to_string(), new.to_string())),
        },
    };
    (label, o, n)
}

/// The sentences of a diff, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffText(pub Lang);

impl DiffText {
    sentences! {
        /// A unit whose rank moved: `乙县 2 → 4`.
        pub fn moved(name: &str, old: &str, new: &str) {
            zh: "{name} {old} → {new}",
            en: "{name} {old} → {new}",
        }

        pub(super) fn no_differences() {
            zh: "两个文件没有差别",
            en: "no differences: every entered value, score and rank is the same",
        }

        pub(super) fn one_unit_changed(n: usize) {
            zh: "{n} 个单位有变化",
            en: "{n} unit changed",
        }

        pub(super) fn units_changed(n: usize) {
            zh: "{n} 个单位有变化",
            en: "{n} units changed",
        }

        pub(super) fn no_rank_moved() {
            zh: "{RANK}未变",
            en: "no {RANK} moved",
        }

        pub(super) fn ranks_moved(moved: &str) {
            zh: "{RANK}变动：{moved}",
            en: "ranks moved: {moved}",
        }

        pub(super) fn one_scheme_change(n: usize) {
            zh: "方案改动 {n} 处",
            en: "{n} scheme value changed",
        }

        pub(super) fn scheme_changes(n: usize) {
            zh: "方案改动 {n} 处",
            en: "{n} scheme values changed",
        }

        pub(super) fn one_only_old(n: usize) {
            zh: "{n} 个单位只在旧文件中",
            en: "{n} unit only in the old file",
        }

        pub(super) fn only_old_count(n: usize) {
            zh: "{n} 个单位只在旧文件中",
            en: "{n} units only in the old file",
        }

        pub(super) fn one_only_new(n: usize) {
            zh: "{n} 个单位只在新文件中",
            en: "{n} unit only in the new file",
        }

        pub(super) fn only_new_count(n: usize) {
            zh: "{n} 个单位只在新文件中",
            en: "{n} units only in the new file",
        }

        pub fn scheme_heading() {
            zh: "方案（分值、规则、奖项）的改动：",
            en: "Scheme (scores, rules, awards):",
        }

        /// A changed value under its label: `总分：20.20 → 19.30`.
        pub(super) fn change_of_label(what: &str, old: &str, new: &str) {
            zh: "{what}：{old} → {new}",
            en: "{what}: {old} → {new}",
        }

        /// A changed value under its TOML path (the same in both languages):
        /// `scores.yi.indicators.new-jobs.actual: 880 → 760`.
        pub(super) fn change_at_path(path: &str, old: &str, new: &str) {
            zh: "{path}: {old} → {new}",
            en: "{path}: {old} → {new}",
        }

        pub(super) fn only_old_units(units: &str) {
            zh: "只在旧文件中：{units}",
            en: "Only in the old file: {units}",
        }

        pub(super) fn only_new_units(units: &str) {
            zh: "只在新文件中：{units}",
            en: "Only in the new file: {units}",
        }

        pub fn inputs_heading() {
            zh: "录入值的改动：",
            en: "entered values that changed:",
        }

        pub(super) fn yes() {
            zh: "是",
            en: "yes",
        }

        pub(super) fn no() {
            zh: "否",
            en: "no",
        }

        /// The veto and the indicators that cause it: `是（城镇新增就业）`.
        pub(super) fn vetoed_by(failed: &str) {
            zh: "是（{failed}）",
            en: "yes ({failed})",
        }

        pub(super) fn no_awards() {
            zh: "无",
            en: "none",
        }
    }

    fn common(self) -> CommonText {
        CommonText(self.0)
    }

    /// `n` in words: `one` for 1, `many` otherwise (the English singular and plural).
    fn count(
        self,
        n: usize,
        one: fn(Self, usize) -> String,
        many: fn(Self, usize) -> String,
    ) -> String {
        if n == 1 { one(self, n) } else { many(self, n) }
    }

    /// The first line: how many units changed, whose rank moved, and how much else.
    pub fn summary(
        self,
        units: usize,
        moved: &[String],
        scheme: usize,
        only_old: usize,
        only_new: usize,
    ) -> String {
        if units == 0 && scheme == 0 && only_old == 0 && only_new == 0 {
            return self.no_differences();
        }
        let mut parts = vec![self.count(units, Self::one_unit_changed, Self::units_changed)];
        if units > 0 || only_old + only_new > 0 {
            parts.push(if moved.is_empty() {
                self.no_rank_moved()
            } else {
                self.ranks_moved(&moved.join(self.0.pick("，", ", ")))
            });
        }
        if scheme > 0 {
            parts.push(self.count(scheme, Self::one_scheme_change, Self::scheme_changes));
        }
        if only_old > 0 {
            parts.push(self.count(only_old, Self::one_only_old, Self::only_old_count));
        }
        if only_new > 0 {
            parts.push(self.count(only_new, Self::one_only_new, Self::only_new_count));
        }
        self.common().clauses(&parts)
    }

    /// A changed value under its path or label: `总分：20.20 → 19.30`,
    /// `scores.yi.indicators.new-jobs.actual: 880 → 760`.
    pub fn change(self, what: &str, old: &str, new: &str) -> String {
        if what.is_ascii() {
            self.change_at_path(what, old, new)
        } else {
            self.change_of_label(what, old, new)
        }
    }

    /// A unit's name: `乙县` in Chinese (an id in a Chinese line reads as code), with its
    /// id in English: `乙县 (yi)`.
    pub fn named(self, name: &str, id: &str) -> String {
        match self.0 {
            crate::i18n::Lang::Zh => name.to_string(),
            crate::i18n::Lang::En => self.common().noted(name, id),
        }
    }

    pub fn only_old(self, units: &[String]) -> String {
        self.only_old_units(&self.common().list(units))
    }

    pub fn only_new(self, units: &[String]) -> String {
        self.only_new_units(&self.common().list(units))
    }

    pub fn group_heading(self, departments: bool) -> String {
        let heading = if departments {
            T::CityDepartments
        } else {
            T::CountiesAndZone
        };
        heading.get(self.0).into()
    }

    /// The label of a result (`what` as in [`crate::diff::UnitDiff::results`]; areas are
    /// labelled with their names by the caller).
    pub fn label(self, what: &str) -> String {
        let (z, e) = match what {
            "organization" => (zh::ORGANIZATION, en::ORGANIZATION),
            "survey" => (zh::SURVEY, en::SURVEY),
            "task" => (zh::TASK, en::TASK),
            "penalty" => (zh::PENALTY, en::PENALTY),
            "total" => (zh::TOTAL, en::TOTAL),
            "rank" => (zh::RANK, en::RANK),
            "failed" => (zh::VETO, cat!(en::VETO, " (", en::VETO_ZH, ")")),
            "comprehensive" => (zh::COMPREHENSIVE, en::COMPREHENSIVE),
            "last_place" => (zh::LAST_PLACE, en::LAST_PLACE),
            "awards" => (zh::SINGLE_ITEM, cat!(en::SINGLE_ITEM, "s")),
            other => return other.to_string(),
        };
        self.0.pick(z, e).into()
    }

    /// The veto: `否`, or `是（城镇新增就业）`.
    pub fn veto(self, failed: &[String]) -> String {
        if failed.is_empty() {
            self.no()
        } else {
            self.vetoed_by(&self.common().list(failed))
        }
    }

    /// The single-item awards won, or none.
    pub fn awards(self, names: &[String]) -> String {
        if names.is_empty() {
            self.no_awards()
        } else {
            self.common().list(names)
        }
    }

    pub fn yes_no(self, yes: bool) -> String {
        if yes { self.yes() } else { self.no() }
    }
}

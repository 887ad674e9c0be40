//! The sentences of `kaoping diff` ([`crate::diff`]), in both languages: [`lines`] turns
//! a [`Diff`] into lines, each sentence one [`DiffText`] template.
//!
//! Values arrive at a template formatted (scores with their places, ids already turned
//! into sanitised names); the templates only put them into words. TOML paths stay as
//! they are in both languages.

use super::Lang;
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
            lines.push(format!("  {}", t.change(path, &sanitize(o), &sanitize(n))));
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
                lines.push(format!(
                    "    {}",
                    t.change(path, &sanitize(o), &sanitize(n))
                ));
            }
        }
    }
    lines
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

/// The sentence templates of a diff, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffText(pub Lang);

impl DiffText {
    fn zh(self) -> bool {
        self.0 == Lang::Zh
    }

    fn pick(self, zh: String, en: String) -> String {
        if self.zh() { zh } else { en }
    }

    fn list(self, items: &[String]) -> String {
        items.join(self.0.pick("、", ", "))
    }

    /// A unit whose rank moved: `乙县 2 → 4`.
    pub fn moved(self, name: &str, old: &str, new: &str) -> String {
        format!("{name} {old} → {new}")
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
            return self.pick(
                "两个文件没有差别".into(),
                "no differences: every entered value, score and rank is the same".into(),
            );
        }
        let zh = self.zh();
        let mut parts = vec![match (zh, units) {
            (true, n) => format!("{n} 个单位有变化"),
            (false, 1) => "1 unit changed".into(),
            (false, n) => format!("{n} units changed"),
        }];
        if units > 0 || only_old + only_new > 0 {
            parts.push(match (zh, moved.is_empty()) {
                (true, true) => "名次未变".into(),
                (true, false) => format!("名次变动：{}", moved.join("，")),
                (false, true) => "no rank moved".into(),
                (false, false) => format!("ranks moved: {}", moved.join(", ")),
            });
        }
        if scheme > 0 {
            parts.push(match (zh, scheme) {
                (true, n) => format!("方案改动 {n} 处"),
                (false, 1) => "1 scheme value changed".into(),
                (false, n) => format!("{n} scheme values changed"),
            });
        }
        if only_old > 0 {
            parts.push(match (zh, only_old) {
                (true, n) => format!("{n} 个单位只在旧文件中"),
                (false, 1) => "1 unit only in the old file".into(),
                (false, n) => format!("{n} units only in the old file"),
            });
        }
        if only_new > 0 {
            parts.push(match (zh, only_new) {
                (true, n) => format!("{n} 个单位只在新文件中"),
                (false, 1) => "1 unit only in the new file".into(),
                (false, n) => format!("{n} units only in the new file"),
            });
        }
        parts.join(self.0.pick("；", "; "))
    }

    pub fn scheme_heading(self) -> String {
        self.0
            .pick(
                "方案（分值、规则、奖项）的改动：",
                "Scheme (scores, rules, awards):",
            )
            .into()
    }

    /// A changed value under its path or label: `总分：20.20 → 19.30`,
    /// `scores.yi.indicators.new-jobs.actual: 880 → 760`.
    pub fn change(self, what: &str, old: &str, new: &str) -> String {
        if self.zh() && !what.is_ascii() {
            format!("{what}：{old} → {new}")
        } else {
            format!("{what}: {old} → {new}")
        }
    }

    /// A unit's name with its id: `乙县（yi）`.
    pub fn named(self, name: &str, id: &str) -> String {
        self.pick(format!("{name}（{id}）"), format!("{name} ({id})"))
    }

    pub fn only_old(self, units: &[String]) -> String {
        self.pick(
            format!("只在旧文件中：{}", self.list(units)),
            format!("Only in the old file: {}", self.list(units)),
        )
    }

    pub fn only_new(self, units: &[String]) -> String {
        self.pick(
            format!("只在新文件中：{}", self.list(units)),
            format!("Only in the new file: {}", self.list(units)),
        )
    }

    pub fn group_heading(self, departments: bool) -> String {
        match (self.zh(), departments) {
            (true, false) => "县（区）".into(),
            (true, true) => "市直部门".into(),
            (false, false) => "Counties and zone".into(),
            (false, true) => "City departments".into(),
        }
    }

    pub fn inputs_heading(self) -> String {
        self.0
            .pick("录入值的改动：", "entered values that changed:")
            .into()
    }

    /// The label of a result (`what` as in [`crate::diff::UnitDiff::results`]; areas are
    /// labelled with their names by the caller).
    pub fn label(self, what: &str) -> String {
        let zh = self.zh();
        let (z, e) = match what {
            "organization" => ("组织实施", "organisation"),
            "survey" => ("群众测评", "survey"),
            "task" => ("任务完成", "task"),
            "penalty" => ("处分扣分", "penalty"),
            "total" => ("总分", "total"),
            "rank" => ("名次", "rank"),
            "failed" => ("一票否决", "veto (一票否决)"),
            "comprehensive" => ("综合先进", "comprehensive advanced"),
            "last_place" => ("末位", "last place"),
            "awards" => ("单项先进", "single-item awards"),
            other => return other.to_string(),
        };
        if zh { z.into() } else { e.into() }
    }

    /// The veto: `否`, or `是（城镇新增就业）`.
    pub fn veto(self, failed: &[String]) -> String {
        match (self.zh(), failed.is_empty()) {
            (true, true) => "否".into(),
            (true, false) => format!("是（{}）", self.list(failed)),
            (false, true) => "no".into(),
            (false, false) => format!("yes ({})", self.list(failed)),
        }
    }

    /// The single-item awards won, or none.
    pub fn awards(self, names: &[String]) -> String {
        if names.is_empty() {
            self.0.pick("无", "none").into()
        } else {
            self.list(names)
        }
    }

    pub fn yes_no(self, yes: bool) -> String {
        match (self.zh(), yes) {
            (true, true) => "是".into(),
            (true, false) => "否".into(),
            (false, true) => "yes".into(),
            (false, false) => "no".into(),
        }
    }
}

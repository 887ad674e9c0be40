//! The sentences of the explanations ([`crate::explain`]), in both languages:
//! [`item_lines`], [`item_short`], [`unit_lines`] and [`unit_short`] turn an explanation's
//! data into lines (`render.rs`), each sentence one [`ExplainText`] template here.
//!
//! Every number arrives at a template already formatted (scores with `score_decimals`
//! places, shares with [`super::percent`], measured shares with
//! [`ExplainText::percent1`]) and every name already sanitised; the templates only put
//! them into words. Arithmetic symbols (`+ − × / = →`) are the same in both languages.

use super::Lang;
use crate::project::UnitKind;
use rust_decimal::{Decimal, RoundingStrategy};

mod render;

pub use render::{item_lines, item_short, unit_lines, unit_short};

/// The sentence templates of the explanations, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExplainText(pub Lang);

/// The numbers of one shortfall deduction, formatted: `short` (the shortfall, `5.0%`),
/// `steps` (`2.5`), `step` and `rate` (policy shares), `base`, and the cap
/// (`cap_share × base = cap`).
#[derive(Debug, Clone, Copy)]
pub struct StepsText<'a> {
    pub short: &'a str,
    /// The shortfall with more places, when one decimal rounds it (`5.03%`).
    pub unrounded: Option<&'a str>,
    pub steps: &'a str,
    pub step: &'a str,
    pub rate: &'a str,
    pub base: &'a str,
    pub cap_share: &'a str,
    pub cap: &'a str,
}

/// The numbers of a bonus, formatted: the unit's over-completion, the group's best,
/// the bonus share, the base and the bonus.
#[derive(Debug, Clone, Copy)]
pub struct BonusText<'a> {
    pub over: &'a str,
    pub best: &'a str,
    /// `over / best` with more places, when one decimal rounds either.
    pub unrounded: Option<&'a str>,
    pub share: &'a str,
    pub base: &'a str,
    pub bonus: &'a str,
}

/// Where a unit stands in its group: `rank` of `count` (tied or not), and `among` of the
/// `eligible` units that are not vetoed, for `places` comprehensive awards.
#[derive(Debug, Clone, Copy)]
pub struct StandingText<'a> {
    pub name: &'a str,
    pub rank: u32,
    pub count: usize,
    pub tied: bool,
    pub among: usize,
    pub eligible: usize,
    pub places: u32,
}

impl ExplainText {
    fn zh(self) -> bool {
        self.0 == Lang::Zh
    }

    fn pick(self, zh: String, en: String) -> String {
        if self.zh() { zh } else { en }
    }

    // ---- numbers and small words -------------------------------------------------

    /// A measured share with one decimal, rounded half-up: `0.95` → `95.0%`.
    pub fn percent1(self, share: Decimal) -> String {
        let Some(v) = share.checked_mul(Decimal::ONE_HUNDRED) else {
            return "—".into();
        };
        let mut v = v.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
        v.rescale(1);
        format!("{v}%")
    }

    /// A measured share with more places (up to four, cut with `…`), when
    /// [`Self::percent1`] rounds it; `None` when one decimal shows it exactly.
    pub fn percent_more(self, share: Decimal) -> Option<String> {
        let p = share.checked_mul(Decimal::ONE_HUNDRED)?.normalize();
        if p.scale() <= 1 {
            return None;
        }
        if p.scale() <= 4 {
            return Some(format!("{p}%"));
        }
        let mut c = p.round_dp_with_strategy(4, RoundingStrategy::ToZero);
        c.rescale(4);
        Some(format!("{c}…%"))
    }

    /// ` (unrounded: …)` after a number shown with one decimal.
    fn unrounded(self, more: Option<&str>) -> String {
        match (self.zh(), more) {
            (_, None) => String::new(),
            (true, Some(m)) => format!("（未四舍五入：{m}）"),
            (false, Some(m)) => format!(" (unrounded: {m})"),
        }
    }

    /// The shortfall as the long lines start: `5.0% short` (with the unrounded value
    /// when one decimal rounds it); in Chinese the `差` is in the template.
    fn shortfall(self, short: &str, unrounded: Option<&str>) -> String {
        let more = self.unrounded(unrounded);
        self.pick(format!("{short}{more}"), format!("{short} short{more}"))
    }

    /// A unit's name with a score: `经济开发区 6.20`.
    pub fn named_score(self, name: &str, score: &str) -> String {
        self.pick(format!("{name}（{score}）"), format!("{name} {score}"))
    }

    fn places(self, n: u32) -> String {
        super::places(self.0, n)
    }

    fn ordinal(self, n: usize) -> String {
        super::ordinal(self.0, n)
    }

    /// A measured value with its unit of measure: `1000 人`, `4.6%`.
    fn qty(self, value: &str, measure: Option<&str>) -> String {
        match measure {
            None => value.to_string(),
            Some("%") => format!("{value}%"),
            Some(m) if self.zh() => format!("{value}{m}"),
            Some(m) => format!("{value} {m}"),
        }
    }

    /// Names joined as a list.
    pub fn list(self, items: &[String]) -> String {
        items.join(self.0.pick("、", ", "))
    }

    /// Failures joined in one line.
    pub fn failures(self, items: &[String]) -> String {
        items.join(self.0.pick("；", "; "))
    }

    pub fn kind(self, kind: UnitKind) -> &'static str {
        match kind {
            UnitKind::County => self.0.pick("县", "county"),
            UnitKind::Zone => self.0.pick("开发区", "zone"),
            UnitKind::Department => self.0.pick("市直部门", "city department"),
        }
    }

    fn rank_phrase(self, rank: u32, count: usize, tied: bool) -> String {
        match (self.zh(), tied) {
            (true, false) => format!("第 {rank} 名（共 {count} 个）"),
            (true, true) => format!("并列第 {rank} 名（共 {count} 个）"),
            (false, false) => format!("rank {rank} of {count}"),
            (false, true) => format!("rank {rank} of {count}, tied"),
        }
    }

    // ---- one row, in full --------------------------------------------------------

    /// The first line: what the indicator is.
    pub fn item_heading(
        self,
        name: &str,
        area: &str,
        base: &str,
        bonus: bool,
        at_most: bool,
    ) -> String {
        let kind = match (self.zh(), bonus) {
            (true, true) => "加分指标",
            (true, false) => "不加分指标",
            (false, true) => "bonus indicator (加分指标)",
            (false, false) => "not a bonus indicator (不加分指标)",
        };
        let ceiling = match (self.zh(), at_most) {
            (_, false) => "",
            (true, true) => "，上限指标（越低越好）",
            (false, true) => ", a ceiling (the lower the better)",
        };
        self.pick(
            format!("{name}（{area}）：基础分 {base}，{kind}{ceiling}"),
            format!("{name} ({area}): base {base}, {kind}{ceiling}"),
        )
    }

    /// Target and actual of an `at_least` row and the completion `A / T`.
    pub fn measured_at_least(
        self,
        target: &str,
        actual: &str,
        measure: Option<&str>,
        completion: &str,
    ) -> String {
        let (t, a) = (self.qty(target, measure), self.qty(actual, measure));
        self.pick(
            format!("目标 {t}，实际 {a}：{actual} ÷ {target} = 完成率 {completion}"),
            format!("target {t}, actual {a}: {actual} / {target} = {completion} of target"),
        )
    }

    /// Ceiling and actual of an `at_most` row and the deviation, below (good) or above.
    pub fn measured_at_most(
        self,
        target: &str,
        actual: &str,
        measure: Option<&str>,
        deviation: &str,
        below: bool,
    ) -> String {
        let (t, a) = (self.qty(target, measure), self.qty(actual, measure));
        match (self.zh(), below) {
            (true, true) => format!(
                "上限 {t}，实际 {a}：({target} − {actual}) ÷ {target} = 低于上限 {deviation}"
            ),
            (true, false) => format!(
                "上限 {t}，实际 {a}：({actual} − {target}) ÷ {target} = 超出上限 {deviation}"
            ),
            (false, true) => format!(
                "ceiling {t}, actual {a}: ({target} − {actual}) / {target} = {deviation} below the ceiling"
            ),
            (false, false) => format!(
                "ceiling {t}, actual {a}: ({actual} − {target}) / {target} = {deviation} above the ceiling"
            ),
        }
    }

    /// A bonus indicator over-completed, but not the best of the group.
    pub fn over_vs_best(self, over: &str, best: &str, best_names: &str) -> String {
        self.pick(
            format!("超额完成 {over}；本组最高为 {best}（{best_names}）"),
            format!("over-completion {over}; the group's best is {best} ({best_names})"),
        )
    }

    /// A bonus indicator over-completed the most in the group (`shared` with others).
    pub fn over_is_best(self, over: &str, shared: Option<&str>) -> String {
        match (self.zh(), shared) {
            (true, None) => format!("超额完成 {over}，为本组最高"),
            (true, Some(s)) => format!("超额完成 {over}，为本组最高（与{s}并列）"),
            (false, None) => format!("over-completion {over}: the group's best"),
            (false, Some(s)) => format!("over-completion {over}: the group's best (with {s})"),
        }
    }

    /// `bonus = o / o_max × share × base`.
    pub fn bonus_calc(self, b: BonusText) -> String {
        let BonusText {
            over,
            best,
            unrounded,
            share,
            base,
            bonus,
        } = b;
        let more = self.unrounded(unrounded);
        self.pick(
            format!("加分 = {over} ÷ {best} × {share} × {base} = {bonus}{more}"),
            format!("bonus = {over} / {best} × {share} × {base} = {bonus}{more}"),
        )
    }

    /// `bonus = share × base` (the best gets the whole share).
    pub fn bonus_top(self, share: &str, base: &str, bonus: &str) -> String {
        self.pick(
            format!("加分 = {share} × {base} = {bonus}"),
            format!("bonus = {share} × {base} = {bonus}"),
        )
    }

    /// Completed with nothing over (`d = 0`).
    pub fn met_exactly(self) -> String {
        self.pick(
            "恰好完成目标：无超额，不加分".into(),
            "target met exactly: no over-completion, no bonus".into(),
        )
    }

    /// A non-bonus indicator exceeded (by `over`; `None` for a ceiling, whose line
    /// already says by how much).
    pub fn exceeded_no_bonus(self, over: Option<&str>) -> String {
        match (self.zh(), over) {
            (true, Some(o)) => format!("超额 {o}，但属不加分指标：完成或超额均只得基础分"),
            (true, None) => "优于目标，但属不加分指标：完成或超额均只得基础分".into(),
            (false, Some(o)) => format!(
                "exceeded by {o}, but not a bonus indicator (不加分指标): completed or exceeded earns the base"
            ),
            (false, None) => "better than the target, but not a bonus indicator (不加分指标): completed or exceeded earns the base".into(),
        }
    }

    /// `earned = base`.
    pub fn earned_base(self, base: &str, earned: &str) -> String {
        self.pick(
            format!("得分 = 基础分 {base} = {earned}"),
            format!("earned = base {base} = {earned}"),
        )
    }

    /// `earned <expr> = <value>`.
    pub fn earned(self, expr: &str, value: &str) -> String {
        self.pick(
            format!("得分 {expr} = {value}"),
            format!("earned {expr} = {value}"),
        )
    }

    /// `earned <expr> = <exact> → <rounded>`: the half-up rounding changed the score.
    pub fn earned_rounded(self, expr: &str, exact: &str, rounded: &str, places: u32) -> String {
        self.pick(
            format!("得分 {expr} = {exact}，四舍五入保留 {places} 位小数 → {rounded}"),
            format!("earned {expr} = {exact} → {rounded} (rounded half-up to {places} places)"),
        )
    }

    /// Proportional steps, under the cap.
    pub fn shortfall_prop(self, s: StepsText, deducted: &str) -> String {
        let StepsText {
            short,
            unrounded,
            steps,
            step,
            rate,
            base,
            cap_share,
            cap,
        } = s;
        let short = self.shortfall(short, unrounded);
        self.pick(
            format!(
                "差 {short} = {steps} 个 {step} × {rate} × 基础分 {base} = 扣 {deducted} 分（扣分上限 {cap_share} × {base} = {cap}）"
            ),
            format!(
                "{short} = {steps} steps of {step} × {rate} × base {base} = {deducted} deducted (cap {cap_share} × {base} = {cap})"
            ),
        )
    }

    /// Proportional steps, over the cap: the cap is deducted.
    pub fn shortfall_prop_capped(self, s: StepsText, uncapped: &str) -> String {
        let StepsText {
            short,
            unrounded,
            steps,
            step,
            rate,
            base,
            cap_share,
            cap,
        } = s;
        let short = self.shortfall(short, unrounded);
        self.pick(
            format!(
                "差 {short} = {steps} 个 {step} × {rate} × 基础分 {base} = {uncapped}，超过扣分上限 {cap_share} × {base} = {cap}：扣 {cap} 分"
            ),
            format!(
                "{short} = {steps} steps of {step} × {rate} × base {base} = {uncapped}, more than the cap {cap_share} × {base} = {cap}: {cap} deducted"
            ),
        )
    }

    /// Whole steps (`full_steps`, floor) or started steps (`started_steps`, ceil):
    /// the exact number of steps and the number counted.
    pub fn steps_counted(self, s: StepsText, exact: &str, ceil: bool) -> String {
        let StepsText {
            short,
            unrounded,
            step,
            steps: counted,
            ..
        } = s;
        let short = self.shortfall(short, unrounded);
        match (self.zh(), ceil) {
            (true, false) => format!(
                "差 {short} = {exact} 个 {step}；只计整步（full_steps）：⌊{exact}⌋ = {counted}"
            ),
            (true, true) => format!(
                "差 {short} = {exact} 个 {step}；不足一步按一步计（started_steps）：⌈{exact}⌉ = {counted}"
            ),
            (false, false) => format!(
                "{short} = {exact} steps of {step}; only whole steps count (full_steps): ⌊{exact}⌋ = {counted}"
            ),
            (false, true) => format!(
                "{short} = {exact} steps of {step}; a started step counts (started_steps): ⌈{exact}⌉ = {counted}"
            ),
        }
    }

    /// The deduction of counted steps, under the cap.
    pub fn steps_deduction(self, s: StepsText, deducted: &str) -> String {
        let StepsText {
            steps,
            rate,
            base,
            cap_share,
            cap,
            ..
        } = s;
        self.pick(
            format!(
                "{steps} 步 × {rate} × 基础分 {base} = 扣 {deducted} 分（扣分上限 {cap_share} × {base} = {cap}）"
            ),
            format!(
                "{steps} steps × {rate} × base {base} = {deducted} deducted (cap {cap_share} × {base} = {cap})"
            ),
        )
    }

    /// The deduction of counted steps, over the cap.
    pub fn steps_deduction_capped(self, s: StepsText, uncapped: &str) -> String {
        let StepsText {
            steps,
            rate,
            base,
            cap_share,
            cap,
            ..
        } = s;
        self.pick(
            format!(
                "{steps} 步 × {rate} × 基础分 {base} = {uncapped}，超过扣分上限 {cap_share} × {base} = {cap}：扣 {cap} 分"
            ),
            format!(
                "{steps} steps × {rate} × base {base} = {uncapped}, more than the cap {cap_share} × {base} = {cap}: {cap} deducted"
            ),
        )
    }

    /// A failed row vetoes the unit.
    pub fn vetoes(self, unit: &str) -> String {
        self.pick(
            format!("未完成：{unit}一票否决"),
            format!("not completed: vetoes {unit} (一票否决)"),
        )
    }

    pub fn met(self) -> String {
        self.pick(
            "定性指标：已完成，得基础分（不加分）".into(),
            "qualitative: complete (已完成): the base, no bonus".into(),
        )
    }

    /// Qualitative, not met, with the evaluator's deduction (or none entered).
    pub fn not_met(
        self,
        deduction: Option<&str>,
        cap_share: &str,
        base: &str,
        cap: &str,
    ) -> String {
        match (self.zh(), deduction) {
            (true, Some(d)) => {
                format!("定性指标：未完成；酌情扣 {d} 分（最多 {cap_share} × {base} = {cap}）")
            }
            (true, None) => "定性指标：未完成；未录入扣分".into(),
            (false, Some(d)) => format!(
                "qualitative: not complete (未完成); case-by-case deduction {d} (at most {cap_share} × {base} = {cap})"
            ),
            (false, None) => "qualitative: not complete (未完成); no deduction entered".into(),
        }
    }

    pub fn preparation(self, prep: &str, base: &str) -> String {
        self.pick(
            format!("非试点单位：按准备工作计分，录入 {prep} 分（基础分 {base}）；不否决，不加分"),
            format!(
                "not a pilot unit (非试点): scored on its preparation work, {prep} of base {base} as entered; never vetoes, no bonus"
            ),
        )
    }

    /// `earned = prep`, with the half-up rounding when it changed the entered value.
    pub fn prep_earned(self, value: &str, rounded: Option<(&str, u32)>) -> String {
        match (self.zh(), rounded) {
            (true, None) => format!("得分 = 准备工作分 {value}"),
            (true, Some((r, places))) => {
                format!("得分 = 准备工作分 {value}，四舍五入保留 {places} 位小数 → {r}")
            }
            (false, None) => format!("earned = the preparation score, {value}"),
            (false, Some((r, places))) => format!(
                "earned = the preparation score, {value} → {r} (rounded half-up to {places} places)"
            ),
        }
    }

    /// Nothing entered yet (or a target without its actual value).
    pub fn pending(self, target: Option<&str>, zero: &str) -> String {
        match (self.zh(), target) {
            (true, None) => format!("尚未录入（待录入）：暂计 {zero} 分，总分为暂定"),
            (true, Some(t)) => {
                format!("已录入目标 {t}，实际值未录入（待录入）：暂计 {zero} 分，总分为暂定")
            }
            (false, None) => {
                format!(
                    "nothing entered yet (待录入): counts {zero} for now; the total is provisional"
                )
            }
            (false, Some(t)) => format!(
                "target {t} entered, actual not yet (待录入): counts {zero} for now; the total is provisional"
            ),
        }
    }

    /// A department's row counts in its scaled task score.
    pub fn department_note(self, section: &str) -> String {
        self.pick(
            format!("部门的任务完成得分按比例折算：{section} × Σ得分 ÷ Σ基础分"),
            format!("a department's task score is scaled: {section} × Σ earned / Σ base"),
        )
    }

    // ---- one row, in one line ----------------------------------------------------

    pub fn short_at_least(self, actual: &str, completion: &str) -> String {
        self.pick(
            format!("实际值 {actual} → 完成率 {completion}"),
            format!("actual {actual} → {completion} of target"),
        )
    }

    pub fn short_at_most(
        self,
        actual: &str,
        ceiling: &str,
        deviation: &str,
        below: bool,
    ) -> String {
        match (self.zh(), below) {
            (true, true) => format!("实际值 {actual} → 低于上限 {ceiling} {deviation}"),
            (true, false) => format!("实际值 {actual} → 超出上限 {ceiling} {deviation}"),
            (false, true) => format!("actual {actual} → {deviation} below the ceiling {ceiling}"),
            (false, false) => format!("actual {actual} → {deviation} above the ceiling {ceiling}"),
        }
    }

    /// The measured part and the rule part of a one-line explanation.
    pub fn short_join(self, lead: &str, tail: &str) -> String {
        self.pick(format!("{lead}，{tail}"), format!("{lead}, {tail}"))
    }

    pub fn short_shortfall(self, s: StepsText, deducted: &str) -> String {
        let StepsText {
            short,
            steps,
            step,
            rate,
            base,
            ..
        } = s;
        self.pick(
            format!("差 {short} = {steps} 个 {step} × {rate} × {base} = 扣 {deducted} 分"),
            format!("{short} short = {steps} steps of {step} × {rate} × {base} = −{deducted}"),
        )
    }

    pub fn short_shortfall_capped(self, s: StepsText, uncapped: &str) -> String {
        let StepsText {
            short,
            steps,
            step,
            rate,
            base,
            cap,
            ..
        } = s;
        self.pick(
            format!(
                "差 {short} = {steps} 个 {step} × {rate} × {base} = {uncapped} > 上限 {cap}，扣 {cap} 分"
            ),
            format!(
                "{short} short = {steps} steps of {step} × {rate} × {base} = {uncapped} > cap {cap}: −{cap}"
            ),
        )
    }

    pub fn short_bonus(self, b: BonusText) -> String {
        let BonusText {
            over,
            best,
            share,
            base,
            bonus,
            ..
        } = b;
        self.pick(
            format!("超额 {over} ÷ 最高 {best} × {share} × {base} = 加 {bonus}"),
            format!("{over} over / best {best} × {share} × {base} = +{bonus}"),
        )
    }

    pub fn short_best(self, over: &str, share: &str, base: &str, bonus: &str) -> String {
        self.pick(
            format!("超额 {over} 为最高，{share} × {base} = 加 {bonus}"),
            format!("{over} over, the best: {share} × {base} = +{bonus}"),
        )
    }

    pub fn short_exact(self, base: &str) -> String {
        self.pick(
            format!("完成，得基础分 {base}"),
            format!("target met: base {base}"),
        )
    }

    /// A non-bonus indicator exceeded (by `over`; `None` for a ceiling).
    pub fn short_no_bonus(self, over: Option<&str>, base: &str) -> String {
        match (self.zh(), over) {
            (true, Some(o)) => format!("超额 {o}，不加分指标，得基础分 {base}"),
            (true, None) => format!("不加分指标，得基础分 {base}"),
            (false, Some(o)) => format!("{o} over, not a bonus indicator: base {base}"),
            (false, None) => format!("not a bonus indicator: base {base}"),
        }
    }

    pub fn short_met(self, base: &str) -> String {
        self.pick(
            format!("已完成，得基础分 {base}"),
            format!("complete: base {base}"),
        )
    }

    pub fn short_not_met(self, deduction: &str, earned: &str) -> String {
        self.pick(
            format!("未完成，酌情扣 {deduction} 分 → {earned}，一票否决"),
            format!("not complete: case-by-case −{deduction} → {earned}, veto"),
        )
    }

    pub fn short_prep(self, prep: &str, base: &str) -> String {
        self.pick(
            format!("非试点，准备工作得 {prep}/{base}"),
            format!("not a pilot: preparation score {prep} of {base}"),
        )
    }

    pub fn short_pending(self, target: Option<&str>, zero: &str) -> String {
        match (self.zh(), target) {
            (true, None) => format!("待录入，暂计 {zero} 分"),
            (true, Some(t)) => format!("待录入（目标 {t}），暂计 {zero} 分"),
            (false, None) => format!("pending: counts {zero} for now"),
            (false, Some(t)) => format!("pending (target {t}): counts {zero} for now"),
        }
    }

    // ---- a unit's total ----------------------------------------------------------

    pub fn unit_heading(
        self,
        name: &str,
        kind: UnitKind,
        total: &str,
        rank: u32,
        count: usize,
        tied: bool,
    ) -> String {
        let kind = self.kind(kind);
        let rank = self.rank_phrase(rank, count, tied);
        self.pick(
            format!("{name}（{kind}）：总分 {total}，{rank}"),
            format!("{name} ({kind}): total {total}, {rank}"),
        )
    }

    pub fn organization_heading(self) -> String {
        self.0.pick("组织实施", "Organisation (组织实施)").into()
    }

    /// One organisation item: the value (and the entered one, when rounding changed it).
    pub fn org_item(self, name: &str, value: &str, entered: Option<&str>, max: &str) -> String {
        match (self.zh(), entered) {
            (true, None) => format!("{name} {value}/{max}"),
            (true, Some(e)) => format!("{name} {e} 四舍五入 → {value}/{max}"),
            (false, None) => format!("{name} {value} of {max}"),
            (false, Some(e)) => format!("{name} {e} → {value} (rounded half-up) of {max}"),
        }
    }

    pub fn org_item_missing(self, name: &str, max: &str) -> String {
        self.pick(
            format!("{name}：未录入，暂计 0 分（满分 {max}）"),
            format!("{name}: not entered, counts 0 (of {max})"),
        )
    }

    pub fn org_total(self, expr: Option<&str>, total: &str, max: &str) -> String {
        let expr = expr.map(|e| format!("{e} = ")).unwrap_or_default();
        self.pick(
            format!("组织实施 = {expr}{total}（满分 {max}）"),
            format!("organisation = {expr}{total} (max {max})"),
        )
    }

    pub fn survey(self, value: &str, entered: Option<&str>, max: &str) -> String {
        match (self.zh(), entered) {
            (true, None) => format!("群众测评：{value}/{max}"),
            (true, Some(e)) => format!("群众测评：{e} 四舍五入 → {value}/{max}"),
            (false, None) => format!("Survey (群众测评): {value} of {max}"),
            (false, Some(e)) => {
                format!("Survey (群众测评): {e} → {value} (rounded half-up) of {max}")
            }
        }
    }

    pub fn survey_missing(self, max: &str) -> String {
        self.pick(
            format!("群众测评：未录入，暂计 0 分（满分 {max}）"),
            format!("Survey (群众测评): not entered, counts 0 (of {max})"),
        )
    }

    pub fn task_heading(self) -> String {
        self.0.pick("任务完成", "Task (任务完成)").into()
    }

    pub fn area_heading(self, name: &str, max: &str) -> String {
        self.pick(
            format!("{name}（满分 {max}）"),
            format!("{name} (max {max})"),
        )
    }

    /// One row of the task section: its name, earned score and one-line explanation.
    pub fn row(self, name: &str, earned: &str, short: &str) -> String {
        self.pick(
            format!("{name} {earned}：{short}"),
            format!("{name} {earned}: {short}"),
        )
    }

    pub fn area_total(self, name: &str, expr: Option<&str>, total: &str) -> String {
        let expr = expr.map(|e| format!("{e} = ")).unwrap_or_default();
        self.pick(
            format!("{name}小计 = {expr}{total}"),
            format!("subtotal {name} = {expr}{total}"),
        )
    }

    /// A county's task: the sum of its areas (`above` the section: bonuses lifted it).
    pub fn task_total(self, expr: Option<&str>, total: &str, section: &str, above: bool) -> String {
        let expr = expr.map(|e| format!("{e} = ")).unwrap_or_default();
        match (self.zh(), above) {
            (true, false) => format!("任务完成 = {expr}{total}（满分 {section}）"),
            (true, true) => {
                format!("任务完成 = {expr}{total}（加分使其超过本部分满分 {section}）")
            }
            (false, false) => format!("task = {expr}{total} (section {section})"),
            (false, true) => {
                format!("task = {expr}{total} (bonuses lift it above the section's {section})")
            }
        }
    }

    pub fn department_earned(self, expr: Option<&str>, total: &str) -> String {
        let expr = expr.map(|e| format!("{e} = ")).unwrap_or_default();
        self.pick(
            format!("Σ得分 = {expr}{total}"),
            format!("Σ earned = {expr}{total}"),
        )
    }

    pub fn department_base(self, total: &str, rows: usize) -> String {
        self.pick(
            format!("Σ基础分 = {total}（{rows} 项指标的基础分之和）"),
            if rows == 1 {
                format!("Σ base = {total} (the base of its 1 row)")
            } else {
                format!("Σ base = {total} (the bases of its {rows} rows)")
            },
        )
    }

    /// `task = section × Σ earned / Σ base`, with the rounding when it changed something.
    pub fn department_task(
        self,
        section: &str,
        earned: &str,
        base: &str,
        exact: &str,
        rounded: Option<(&str, u32)>,
    ) -> String {
        let tail = match (self.zh(), rounded) {
            (_, None) => String::new(),
            (true, Some((r, places))) => format!("，四舍五入保留 {places} 位小数 → {r}"),
            (false, Some((r, places))) => format!(" → {r} (rounded half-up to {places} places)"),
        };
        self.pick(
            format!(
                "任务完成 = {section} × Σ得分 ÷ Σ基础分 = {section} × {earned} ÷ {base} = {exact}{tail}"
            ),
            format!(
                "task = {section} × Σ earned / Σ base = {section} × {earned} / {base} = {exact}{tail}"
            ),
        )
    }

    pub fn department_no_rows(self) -> String {
        self.pick(
            "任务完成 = 0（没有指标行）".into(),
            "task = 0 (no indicator rows)".into(),
        )
    }

    pub fn penalties_none(self, zero: &str) -> String {
        self.pick(
            format!("处分扣分：无，{zero}"),
            format!("Penalties (处分扣分): none, {zero}"),
        )
    }

    pub fn penalties_heading(self) -> String {
        self.0.pick("处分扣分", "Penalties (处分扣分)").into()
    }

    /// One penalty: `level` is `provincial`, `municipal` or `None` for explicit points.
    pub fn penalty(self, level: Option<&str>, points: &str, note: &str) -> String {
        let what = match (self.zh(), level) {
            (true, Some("provincial")) => "省级通报批评",
            (true, Some(_)) => "市级通报批评",
            (true, None) => "直接扣分",
            (false, Some("provincial")) => "provincial circular of criticism (省级通报)",
            (false, Some(_)) => "city-level circular of criticism (市级通报)",
            (false, None) => "points as entered",
        };
        let note = match (self.zh(), note.is_empty()) {
            (_, true) => String::new(),
            (true, false) => format!("：{note}"),
            (false, false) => format!(": {note}"),
        };
        format!("{what} −{points}{note}")
    }

    pub fn penalty_total(self, expr: Option<&str>, total: &str) -> String {
        let expr = expr.map(|e| format!("{e} = ")).unwrap_or_default();
        self.pick(
            format!("处分扣分 = {expr}{total}"),
            format!("penalty = {expr}{total}"),
        )
    }

    pub fn total(self, org: &str, survey: &str, task: &str, penalty: &str, total: &str) -> String {
        self.pick(
            format!(
                "总分 = 组织实施 + 群众测评 + 任务完成 − 处分扣分 = {org} + {survey} + {task} − {penalty} = {total}"
            ),
            format!(
                "total = organisation + survey + task − penalty = {org} + {survey} + {task} − {penalty} = {total}"
            ),
        )
    }

    /// The rank, and who shares it.
    pub fn rank(self, rank: u32, count: usize, tied_with: Option<&str>, total: &str) -> String {
        match (self.zh(), tied_with) {
            (true, None) => format!("名次：第 {rank} 名（共 {count} 个）"),
            (true, Some(w)) => format!(
                "名次：并列第 {rank} 名（共 {count} 个），与{w}总分同为 {total}（总分相同名次相同）"
            ),
            (false, None) => format!("rank {rank} of {count}"),
            (false, Some(w)) => format!(
                "rank {rank} of {count}, tied with {w} at {total} (equal totals share a rank)"
            ),
        }
    }

    pub fn vetoed(self, failures: &str) -> String {
        self.pick(
            format!("一票否决：{failures}"),
            format!("vetoed (一票否决): {failures}"),
        )
    }

    pub fn not_vetoed(self, pending_rows: usize) -> String {
        match (self.zh(), pending_rows) {
            (true, 0) => "未被否决：没有未完成的指标".into(),
            (true, n) => format!("暂未否决：没有未完成的指标（尚有 {n} 项待录入）"),
            (false, 0) => "not vetoed: no indicator failed".into(),
            (false, n) => {
                format!("not vetoed so far: no indicator failed ({n} rows still pending)")
            }
        }
    }

    /// A failed `at_least` row, in a few words.
    pub fn fail_at_least(
        self,
        name: &str,
        completion: &str,
        short: &str,
        deducted: &str,
    ) -> String {
        self.pick(
            format!("{name} 完成率 {completion}（差 {short} → 扣 {deducted}）"),
            format!("{name} {completion} of target (shortfall {short} → −{deducted})"),
        )
    }

    /// A failed `at_most` row, in a few words.
    pub fn fail_at_most(self, name: &str, above: &str, deducted: &str) -> String {
        self.pick(
            format!("{name} 超出上限 {above}（扣 {deducted}）"),
            format!("{name} {above} above the ceiling (→ −{deducted})"),
        )
    }

    /// A failed qualitative row, in a few words.
    pub fn fail_not_met(self, name: &str, deducted: &str) -> String {
        self.pick(
            format!("{name} 未完成（扣 {deducted}）"),
            format!("{name} not complete (−{deducted})"),
        )
    }

    pub fn comprehensive_yes(
        self,
        among: usize,
        eligible: usize,
        places: u32,
        widened: bool,
    ) -> String {
        let ord = self.ordinal(among);
        let tie = match (self.zh(), widened) {
            (_, false) => "",
            (true, true) => "；名额线上并列，并列者均获评",
            (false, true) => "; a tie across the cut gives it to every tied unit",
        };
        let n = self.places(places);
        self.pick(
            format!("综合先进：在 {eligible} 个未被否决的单位中排第 {ord}，在 {places} 个名额之内{tie}"),
            format!(
                "comprehensive advanced (综合先进): {ord} among the {eligible} units not vetoed, within {n}{tie}"
            ),
        )
    }

    pub fn comprehensive_vetoed(self) -> String {
        self.pick(
            "非综合先进：一票否决，无评选资格".into(),
            "not comprehensive advanced: vetoed (一票否决), so not eligible".into(),
        )
    }

    pub fn comprehensive_zero(self) -> String {
        self.pick(
            "非综合先进：总分为 0，不参与评选".into(),
            "not comprehensive advanced: a total of 0 wins nothing".into(),
        )
    }

    /// Not vetoed, but below the cut; `last` is the last winner (names and total).
    pub fn comprehensive_out(
        self,
        among: usize,
        eligible: usize,
        places: u32,
        last: Option<(&str, &str)>,
    ) -> String {
        let ord = self.ordinal(among);
        let last = match (self.zh(), last) {
            (_, None) => String::new(),
            (true, Some((n, t))) => format!("，最后一个获评的是{n}（{t}）"),
            (false, Some((n, t))) => format!(", the last going to {n} with {t}"),
        };
        let n = self.places(places);
        self.pick(
            format!("非综合先进：在 {eligible} 个未被否决的单位中排第 {ord}，{n}{last}"),
            format!(
                "not comprehensive advanced: {ord} among the {eligible} units not vetoed; {n}{last}"
            ),
        )
    }

    /// Last place: the lowest total while someone is vetoed (`vetoed` names them).
    pub fn last_place_yes(self, total: &str, vetoed: &str, tied_with: Option<&str>) -> String {
        let tie = match (self.zh(), tied_with) {
            (_, None) => String::new(),
            (true, Some(w)) => format!("（与{w}并列）"),
            (false, Some(w)) => format!(" (tied with {w})"),
        };
        self.pick(
            format!("末位：总分 {total} 最低{tie}，且有单位被一票否决（{vetoed}）"),
            format!(
                "last place (末位): the lowest total, {total}{tie}, and someone is vetoed ({vetoed})"
            ),
        )
    }

    pub fn last_place_nobody_vetoed(self) -> String {
        self.pick(
            "不设末位：各单位均完成全部指标，没有单位被一票否决".into(),
            "no last place: nobody is vetoed, and the last place is only given when someone is"
                .into(),
        )
    }

    pub fn last_place_no(self, lowest: &str, names: &str) -> String {
        self.pick(
            format!("非末位：最低总分为 {lowest}（{names}）"),
            format!("not last place: the lowest total is {lowest} ({names})"),
        )
    }

    pub fn last_place_off(self) -> String {
        self.pick(
            "不设末位（policy.last_place = false）".into(),
            "no last place: switched off (policy.last_place = false)".into(),
        )
    }

    pub fn last_place_departments(self) -> String {
        self.pick(
            "末位：市直部门不设末位".into(),
            "last place: city departments have none".into(),
        )
    }

    pub fn awards_heading(self) -> String {
        self.0
            .pick("单项先进", "Single-item awards (单项先进)")
            .into()
    }

    /// The winners of an award with their award scores (`经济开发区 6.20`), or nobody.
    pub fn award_winners(self, winners: Option<&str>) -> String {
        match (self.zh(), winners) {
            (true, Some(w)) => format!("由{w}获评"),
            (true, None) => "无人获评".into(),
            (false, Some(w)) => format!("won by {w}"),
            (false, None) => "nobody won".into(),
        }
    }

    /// An award won; `next` is the best unit that did not win it; `vetoed` says the
    /// winner is vetoed (allowed unless `policy.veto_blocks_single_item`).
    pub fn award_won(
        self,
        award: &str,
        score: &str,
        next: Option<&str>,
        widened: bool,
        vetoed: bool,
    ) -> String {
        let next = match (self.zh(), next) {
            (_, None) => String::new(),
            (true, Some(n)) => format!("；其次为{n}"),
            (false, Some(n)) => format!("; next: {n}"),
        };
        let tie = match (self.zh(), widened) {
            (_, false) => "",
            (true, true) => "；名额线上并列，并列者均获评",
            (false, true) => "; a tie across the cut gives it to every tied unit",
        };
        let veto = match (self.zh(), vetoed) {
            (_, false) => "",
            (true, true) => {
                "；一票否决只取消综合先进资格，不影响单项先进（policy.veto_blocks_single_item = false）"
            }
            (false, true) => {
                "; a veto only bars comprehensive advanced, not single-item awards (policy.veto_blocks_single_item = false)"
            }
        };
        self.pick(
            format!("{award}：获评，单项得分 {score}{next}{tie}{veto}"),
            format!("{award}: won, award score {score}{next}{tie}{veto}"),
        )
    }

    pub fn award_lost(self, award: &str, score: &str, places: u32, winners: &str) -> String {
        let places = self.places(places);
        self.pick(
            format!("{award}：未获评，单项得分 {score}，{places}，{winners}"),
            format!("{award}: not won, award score {score}; {places}, {winners}"),
        )
    }

    pub fn award_zero(self, award: &str) -> String {
        self.pick(
            format!("{award}：未获评，单项得分为 0"),
            format!("{award}: not won, an award score of 0 wins nothing"),
        )
    }

    pub fn award_left_comprehensive(self, award: &str, score: &str, winners: &str) -> String {
        self.pick(
            format!("{award}：已评为综合先进，不再参评（名次顺移；单项得分本为 {score}），{winners}"),
            format!(
                "{award}: left out as comprehensive advanced (名次顺移; its award score would be {score}), {winners}"
            ),
        )
    }

    pub fn award_left_vetoed(self, award: &str, score: &str, winners: &str) -> String {
        self.pick(
            format!(
                "{award}：一票否决，不参评单项（policy.veto_blocks_single_item；单项得分本为 {score}），{winners}"
            ),
            format!(
                "{award}: left out because vetoed (policy.veto_blocks_single_item; its award score would be {score}), {winners}"
            ),
        )
    }

    /// What is still missing: `survey`, the organisation items and the rows by name.
    pub fn pending_parts(self, survey: bool, org: &[String], rows: &[String]) -> String {
        let mut parts = Vec::new();
        if survey {
            parts.push(self.0.pick("群众测评", "the survey").to_string());
        }
        if !org.is_empty() {
            parts.push(self.pick(
                format!("组织实施 {}", self.list(org)),
                format!("organisation {}", self.list(org)),
            ));
        }
        if !rows.is_empty() {
            parts.push(self.pick(
                format!("指标 {}", self.list(rows)),
                format!("rows {}", self.list(rows)),
            ));
        }
        let parts = self.failures(&parts);
        self.pick(
            format!("待录入：{parts}；暂计 0 分，总分和名次可能变化"),
            format!(
                "pending (待录入): {parts}; they count 0 for now, so the total and rank may change"
            ),
        )
    }

    // ---- a unit's total, in one line ---------------------------------------------

    pub fn unit_short_vetoed(self, name: &str, failures: &str) -> String {
        self.pick(
            format!("{name}一票否决：{failures}"),
            format!("{name} vetoed: {failures}"),
        )
    }

    pub fn unit_short_comprehensive(self, s: StandingText) -> String {
        let StandingText {
            name,
            rank,
            count,
            tied,
            among,
            eligible,
            ..
        } = s;
        let rank = self.rank_phrase(rank, count, tied);
        let ord = self.ordinal(among);
        self.pick(
            format!("{name}：综合先进，{rank}，未被否决的 {eligible} 个中第 {ord}"),
            format!("{name}: comprehensive advanced, {rank} ({ord} among {eligible} not vetoed)"),
        )
    }

    pub fn unit_short_plain(self, s: StandingText) -> String {
        let StandingText {
            name,
            rank,
            count,
            tied,
            among,
            eligible,
            places,
        } = s;
        let rank = self.rank_phrase(rank, count, tied);
        let ord = self.ordinal(among);
        self.pick(
            format!("{name}：{rank}，未被否决的 {eligible} 个中第 {ord}（综合先进名额 {places}）"),
            format!(
                "{name}: {rank}, {ord} among {eligible} not vetoed ({})",
                self.places(places)
            ),
        )
    }

    pub fn unit_short_last_place(self) -> String {
        self.0.pick("；末位", "; last place").into()
    }

    /// The single-item awards won, by name (`by_name`) or how many.
    pub fn unit_short_awards(self, names: &[String], by_name: bool) -> String {
        match (self.zh(), by_name, names.len()) {
            (true, true, _) => format!("；单项先进：{}", self.list(names)),
            (true, false, n) => format!("；单项先进 {n} 项"),
            (false, true, _) => format!("; single-item: {}", self.list(names)),
            (false, false, 1) => "; 1 single-item award".into(),
            (false, false, n) => format!("; {n} single-item awards"),
        }
    }

    /// The first of several failures, and how many more.
    pub fn and_more(self, first: &str, more: usize) -> String {
        self.pick(
            format!("{first}（另有 {more} 项）"),
            format!("{first} (+{more} more)"),
        )
    }

    pub fn unit_short_pending(self) -> String {
        self.0.pick("；待录入", "; pending").into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent1_rounds_half_up_to_one_decimal() {
        let t = ExplainText(Lang::En);
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(t.percent1(d("0.95")), "95.0%");
        assert_eq!(t.percent1(d("0.00049")), "0.0%");
        assert_eq!(t.percent1(d("0.00050")), "0.1%");
        assert_eq!(t.percent1(d("1.2")), "120.0%");
    }

    #[test]
    fn ordinals() {
        let t = ExplainText(Lang::En);
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111]
            .iter()
            .map(|n| t.ordinal(*n))
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
                "111th"
            ]
        );
        assert_eq!(ExplainText(Lang::Zh).ordinal(3), "3");
    }
}

//! One row's earned score in full ([`super::item_lines`]): what the indicator is, the
//! measured values, the rule applied and its arithmetic.

use super::{ExplainText, StepsText};
use crate::i18n::macros::sentences;

impl ExplainText {
    sentences! {
        /// The first line: `城镇新增就业（就业和创业）：基本分值 4，加分指标`.
        pub(super) fn heading(name: &str, area: &str, base: &str, kind: &str, ceiling: &str) {
            zh: "{name}（{area}）：{BASE} {base}，{kind}{ceiling}",
            en: "{name} ({area}): {BASE} {base}, {kind}{ceiling}",
        }

        pub(super) fn bonus_kind() {
            zh: "{BONUS_INDICATOR}",
            en: "{BONUS_INDICATOR} ({BONUS_INDICATOR_ZH})",
        }

        pub(super) fn non_bonus_kind() {
            zh: "{NON_BONUS_INDICATOR}",
            en: "{NON_BONUS_INDICATOR} ({NON_BONUS_INDICATOR_ZH})",
        }

        /// After the kind of an `at_most` indicator.
        pub(super) fn ceiling_note() {
            zh: "，{CEILING}指标（越低越好）",
            en: ", a {CEILING} (the lower the better)",
        }

        /// Target and actual (`t`, `a`: with the unit of measure) and the completion.
        pub(super) fn at_least(t: &str, a: &str, target: &str, actual: &str, completion: &str) {
            zh: "{TARGET} {t}，{ACTUAL} {a}：{actual} ÷ {target} = {COMPLETION_RATE} {completion}",
            en: "{TARGET} {t}, {ACTUAL} {a}: {actual} / {target} = {completion} of {TARGET}",
        }

        /// Ceiling and actual of an `at_most` row, below the ceiling (good): by how much
        /// (`gap`, in percentage points for a rate), and relative to the ceiling.
        pub(super) fn below_ceiling(t: &str, a: &str, target: &str, actual: &str, gap: &str, deviation: &str) {
            zh: "{CEILING} {t}，{ACTUAL} {a}：低于{CEILING} {gap}，({target} − {actual}) ÷ {target} = {deviation}",
            en: "{CEILING} {t}, {ACTUAL} {a}: {gap} below the {CEILING}, ({target} − {actual}) / {target} = {deviation}",
        }

        /// Ceiling and actual of an `at_most` row, above the ceiling.
        pub(super) fn above_ceiling(t: &str, a: &str, target: &str, actual: &str, gap: &str, deviation: &str) {
            zh: "{CEILING} {t}，{ACTUAL} {a}：超出{CEILING} {gap}，({actual} − {target}) ÷ {target} = {deviation}",
            en: "{CEILING} {t}, {ACTUAL} {a}: {gap} above the {CEILING}, ({actual} − {target}) / {target} = {deviation}",
        }

        /// A bonus indicator over-completed, but not the best of the group.
        pub fn over_vs_best(over: &str, best: &str, best_names: &str) {
            zh: "超额完成 {over}；本组最高为 {best}（{best_names}）",
            en: "over-completion {over}; the group's best is {best} ({best_names})",
        }

        pub(super) fn over_best(over: &str) {
            zh: "超额完成 {over}，为本组最高",
            en: "over-completion {over}: the group's best",
        }

        pub(super) fn over_best_shared(over: &str, others: &str) {
            zh: "超额完成 {over}，为本组最高（与{others}{TIED}）",
            en: "over-completion {over}: the group's best (with {others})",
        }

        /// `bonus = base × share × o / o_max`, with the uncut shares (`more`).
        pub(super) fn bonus_line(over: &str, best: &str, share: &str, base: &str, bonus: &str, more: &str) {
            zh: "{BONUS} = {base} × {share} × {over} ÷ {best} = {bonus}{more}",
            en: "{BONUS} = {base} × {share} × {over} / {best} = {bonus}{more}",
        }

        /// `bonus = base × share` (the best gets the whole share).
        pub fn bonus_top(share: &str, base: &str, bonus: &str) {
            zh: "{BONUS} = {base} × {share} = {bonus}",
            en: "{BONUS} = {base} × {share} = {bonus}",
        }

        /// Completed with nothing over (`d = 0`).
        pub fn met_exactly() {
            zh: "恰好完成{TARGET}：无超额，不加分",
            en: "{TARGET} met exactly: no over-completion, no {BONUS}",
        }

        /// A non-bonus indicator exceeded by `over`.
        pub(super) fn exceeded_by(over: &str) {
            zh: "超额 {over}，但属{NON_BONUS_INDICATOR}：完成或超额均只得{BASE}",
            en: "exceeded by {over}, but {NON_BONUS_INDICATOR} ({NON_BONUS_INDICATOR_ZH}): completed or exceeded earns the {BASE}",
        }

        /// A non-bonus ceiling bettered (its line already says by how much).
        pub(super) fn bettered() {
            zh: "低于{CEILING}，但属{NON_BONUS_INDICATOR}：完成或超额均只得{BASE}",
            en: "better than the {TARGET}, but {NON_BONUS_INDICATOR} ({NON_BONUS_INDICATOR_ZH}): completed or exceeded earns the {BASE}",
        }

        /// `earned = base`.
        pub fn earned_base(base: &str, earned: &str) {
            zh: "{EARNED} = {BASE} {base} = {earned}",
            en: "{EARNED} = {BASE} {base} = {earned}",
        }

        /// `earned <expr> = <value>`.
        pub fn earned(expr: &str, value: &str) {
            zh: "{EARNED} {expr} = {value}",
            en: "{EARNED} {expr} = {value}",
        }

        /// A proportional shortfall, as the regulation words the rule: `差 5.0%，每差 2%
        /// 扣基本分值的 5%：5.0% ÷ 2% × 5% × 4 = 扣 0.5 分`.
        pub(super) fn proportional(short: &str, short_bare: &str, step: &str, rate: &str, base: &str, outcome: &str) {
            zh: "差 {short}，每差 {step} 扣{BASE}的 {rate}：{short_bare} ÷ {step} × {rate} × {base} = {outcome}",
            en: "{short}; {rate} of the {BASE} per {step} short: {short_bare} / {step} × {rate} × {base} = {outcome}",
        }

        /// The deduction of counted steps: `2 × 5% × 4 = …`.
        pub(super) fn counted(steps: &str, rate: &str, base: &str, outcome: &str) {
            zh: "{steps} × {rate} × {base} = {outcome}",
            en: "{steps} × {rate} × {base} = {outcome}",
        }

        /// The deduction, under the cap.
        pub(super) fn under_cap(deducted: &str, cap_share: &str, base: &str, cap: &str) {
            zh: "扣 {deducted} 分（{DEDUCTION_CAP} {cap_share} × {base} = {cap}）",
            en: "{deducted} deducted ({DEDUCTION_CAP} {cap_share} × {base} = {cap})",
        }

        /// The steps came to more than the cap: the cap is deducted.
        pub(super) fn over_cap(uncapped: &str, cap_share: &str, base: &str, cap: &str) {
            zh: "{uncapped}，超过{DEDUCTION_CAP} {cap_share} × {base} = {cap}：扣 {cap} 分",
            en: "{uncapped}, more than the {DEDUCTION_CAP} {cap_share} × {base} = {cap}: {cap} deducted",
        }

        /// Whole steps (`full_steps`, floor).
        pub(super) fn whole_steps(short: &str, short_bare: &str, exact: &str, step: &str, counted: &str) {
            zh: "差 {short}，每差满 {step} 扣一次，不足 {step} 的部分不扣：{short_bare} ÷ {step} = {exact}，计 {counted} 次",
            en: "{short}; only whole steps of {step} count (full_steps): {short_bare} / {step} = {exact}, ⌊{exact}⌋ = {counted}",
        }

        /// Started steps (`started_steps`, ceil).
        pub(super) fn started_steps(short: &str, short_bare: &str, exact: &str, step: &str, counted: &str) {
            zh: "差 {short}，每差 {step} 扣一次，不足 {step} 的部分也扣一次：{short_bare} ÷ {step} = {exact}，计 {counted} 次",
            en: "{short}; a started step of {step} counts (started_steps): {short_bare} / {step} = {exact}, ⌈{exact}⌉ = {counted}",
        }

        /// A failed row vetoes the unit.
        pub fn vetoes(unit: &str) {
            zh: "{INCOMPLETE}：{unit}{VETO}",
            en: "not completed: vetoes {unit} ({VETO_ZH})",
        }

        pub fn met() {
            zh: "{QUALITATIVE}：{COMPLETE}，得{BASE}（不加分）",
            en: "{QUALITATIVE}: {COMPLETE} ({COMPLETE_ZH}): the {BASE}, no {BONUS}",
        }

        /// Qualitative, not met, with the evaluator's deduction.
        pub(super) fn not_met_deducted(deduction: &str, cap_share: &str, base: &str, cap: &str) {
            zh: "{QUALITATIVE}：{INCOMPLETE}；酌情扣 {deduction} 分（最多 {cap_share} × {base} = {cap}）",
            en: "{QUALITATIVE}: not complete ({INCOMPLETE_ZH}); case-by-case {DEDUCTION} {deduction} (at most {cap_share} × {base} = {cap})",
        }

        /// Qualitative, not met, no deduction entered.
        pub(super) fn not_met_none() {
            zh: "{QUALITATIVE}：{INCOMPLETE}；未录入{DEDUCTION}",
            en: "{QUALITATIVE}: not complete ({INCOMPLETE_ZH}); no {DEDUCTION} entered",
        }

        pub fn preparation(prep: &str, base: &str) {
            zh: "{NON_PILOT}单位：按{PREPARATION}计分，录入 {prep} 分（{BASE} {base}）；不否决，不加分",
            en: "{NON_PILOT} unit ({NON_PILOT_ZH}): scored on its {PREPARATION} work, {prep} of {BASE} {base} as entered; never vetoes, no {BONUS}",
        }

        /// `earned = prep` (`rounding`: the half-up rounding when it changed the value).
        pub(super) fn prep_line(value: &str, rounding: &str) {
            zh: "{EARNED} = {PREPARATION}分 {value}{rounding}",
            en: "{EARNED} = the {PREPARATION} score, {value}{rounding}",
        }

        /// Nothing entered yet.
        pub(super) fn nothing_entered(zero: &str) {
            zh: "尚未录入（{PENDING}）：暂计 {zero} 分，{TOTAL}为暂定",
            en: "nothing entered yet ({PENDING_ZH}): counts {zero} for now; the {TOTAL} is provisional",
        }

        /// A target without its actual value.
        pub(super) fn target_only(target: &str, zero: &str) {
            zh: "已录入{TARGET} {target}，{ACTUAL_VALUE}未录入（{PENDING}）：暂计 {zero} 分，{TOTAL}为暂定",
            en: "{TARGET} {target} entered, {ACTUAL} not yet ({PENDING_ZH}): counts {zero} for now; the {TOTAL} is provisional",
        }

        /// A department's bonus indicator exceeded, with `department_bonus = false`.
        pub fn no_department_bonus(over: &str) {
            zh: "超额完成 {over}；按设置{CITY_DEPARTMENT}超额完成不加分，只得{BASE}：部门各自考核时自己就是最高，加分没有比较的意义",
            en: "over-completion {over}; a {CITY_DEPARTMENT} earns no {BONUS} for it, only the {BASE} (policy.department_bonus = false: a department alone on an indicator would always be its own best)",
        }

        /// A department's row derived from the counties' and the zone's.
        pub fn summed(units: usize, names: &str) {
            zh: "部门未单独填报，按设置由 {units} 个县区的数据相加得出：{names}",
            en: "not entered by the department: the sum of {units} units' rows (aggregate = \"sum\"): {names}",
        }

        /// A derived row still waiting for some units' rows.
        pub fn summed_waiting(names: &str) {
            zh: "部门未单独填报，按设置由各县区的数据相加得出，尚待{names}录入目标值和实际值",
            en: "not entered by the department: the sum of the counties' and zone's rows (aggregate = \"sum\"), waiting for {names} to enter a target and an actual",
        }

        /// A department's row counts in its scaled task score.
        pub fn department_note(section: &str) {
            zh: "部门的{TASK}{EARNED}按比例折算：{section} × Σ{EARNED} ÷ Σ{BASE}",
            en: "a department's {TASK} score is scaled: {section} × Σ {EARNED} / Σ {BASE}",
        }
    }

    /// The first line: what the indicator is.
    pub fn item_heading(
        self,
        name: &str,
        area: &str,
        base: &str,
        bonus: bool,
        at_most: bool,
    ) -> String {
        let kind = if bonus {
            self.bonus_kind()
        } else {
            self.non_bonus_kind()
        };
        let ceiling = if at_most {
            self.ceiling_note()
        } else {
            String::new()
        };
        self.heading(name, area, base, &kind, &ceiling)
    }

    /// Target and actual of an `at_least` row and the completion `A / T`.
    pub fn measured_at_least(
        self,
        target: &str,
        actual: &str,
        measure: Option<&str>,
        completion: &str,
    ) -> String {
        let (t, a) = (
            self.common().qty(target, measure),
            self.common().qty(actual, measure),
        );
        self.at_least(&t, &a, target, actual, completion)
    }

    /// Ceiling and actual of an `at_most` row and the deviation, below (good) or above.
    #[allow(clippy::too_many_arguments)]
    pub fn measured_at_most(
        self,
        target: &str,
        actual: &str,
        measure: Option<&str>,
        gap: &str,
        deviation: &str,
        below: bool,
    ) -> String {
        let (t, a) = (
            self.common().qty(target, measure),
            self.common().qty(actual, measure),
        );
        if below {
            self.below_ceiling(&t, &a, target, actual, gap, deviation)
        } else {
            self.above_ceiling(&t, &a, target, actual, gap, deviation)
        }
    }

    /// A bonus indicator over-completed the most in the group (`shared` with others).
    pub fn over_is_best(self, over: &str, shared: Option<&str>) -> String {
        match shared {
            None => self.over_best(over),
            Some(others) => self.over_best_shared(over, others),
        }
    }

    /// `bonus = o / o_max × share × base`, with `o / o_max` with more places
    /// (`unrounded`) when one decimal rounds either.
    pub fn bonus_calc(
        self,
        over: &str,
        best: &str,
        unrounded: Option<&str>,
        share: &str,
        base: &str,
        bonus: &str,
    ) -> String {
        self.bonus_line(over, best, share, base, bonus, &self.unrounded(unrounded))
    }

    /// A non-bonus indicator exceeded (by `over`; `None` for a ceiling, whose line
    /// already says by how much).
    pub fn exceeded_no_bonus(self, over: Option<&str>) -> String {
        match over {
            Some(over) => self.exceeded_by(over),
            None => self.bettered(),
        }
    }

    /// `earned <expr> = <exact> → <rounded>`: the half-up rounding changed the score.
    pub fn earned_rounded(self, expr: &str, exact: &str, rounded: &str, places: u32) -> String {
        self.earned(expr, exact) + &self.rounded_note(rounded, places)
    }

    /// What is deducted: `扣 0.50 分（扣分上限 …）`, or the cap when the steps come to
    /// more (`uncapped`).
    fn outcome(self, s: StepsText, deducted: &str, uncapped: Option<&str>) -> String {
        match uncapped {
            None => self.under_cap(deducted, s.cap_share, s.base, s.cap),
            Some(uncapped) => self.over_cap(uncapped, s.cap_share, s.base, s.cap),
        }
    }

    /// Proportional steps: the deduction, or (`uncapped` given) the cap.
    pub fn shortfall_prop(self, s: StepsText, deducted: &str, uncapped: Option<&str>) -> String {
        let short = self.shortfall(s.short, s.unrounded);
        let outcome = self.outcome(s, deducted, uncapped);
        let bare = s.unrounded.unwrap_or(s.short);
        self.proportional(&short, bare, s.step, s.rate, s.base, &outcome)
    }

    /// Whole steps (`full_steps`, floor) or started steps (`started_steps`, ceil):
    /// the exact number of steps and the number counted.
    pub fn steps_counted(self, s: StepsText, exact: &str, ceil: bool) -> String {
        let short = self.shortfall(s.short, s.unrounded);
        let bare = s.unrounded.unwrap_or(s.short);
        if ceil {
            self.started_steps(&short, bare, exact, s.step, s.steps)
        } else {
            self.whole_steps(&short, bare, exact, s.step, s.steps)
        }
    }

    /// The deduction of counted steps, or (`uncapped` given) the cap.
    pub fn steps_deduction(self, s: StepsText, deducted: &str, uncapped: Option<&str>) -> String {
        let outcome = self.outcome(s, deducted, uncapped);
        self.counted(s.steps, s.rate, s.base, &outcome)
    }

    /// Qualitative, not met, with the evaluator's deduction (or none entered).
    pub fn not_met(
        self,
        deduction: Option<&str>,
        cap_share: &str,
        base: &str,
        cap: &str,
    ) -> String {
        match deduction {
            Some(d) => self.not_met_deducted(d, cap_share, base, cap),
            None => self.not_met_none(),
        }
    }

    /// `earned = prep`, with the half-up rounding when it changed the entered value.
    pub fn prep_earned(self, value: &str, rounded: Option<(&str, u32)>) -> String {
        self.prep_line(value, &self.rounding(rounded))
    }

    /// Nothing entered yet (or a target without its actual value).
    pub fn pending(self, target: Option<&str>, zero: &str) -> String {
        match target {
            None => self.nothing_entered(zero),
            Some(t) => self.target_only(t, zero),
        }
    }
}

//! Explanations in one line, for a status bar: one row's earned score
//! ([`super::item_short`]) and a unit's standing ([`super::unit_short`]).

use super::{ExplainText, StandingText, StepsText};
use crate::i18n::macros::sentences;

impl ExplainText {
    sentences! {
        // ---- one row -------------------------------------------------------------

        pub fn short_at_least(actual: &str, completion: &str) {
            zh: "{ACTUAL_VALUE} {actual}，{COMPLETION_RATE} {completion}",
            en: "{ACTUAL} {actual}, {completion} of {TARGET}",
        }

        /// The actual alone, for a one-line explanation that has no room for more.
        pub(super) fn short_actual(actual: &str) {
            zh: "{ACTUAL_VALUE} {actual}",
            en: "{ACTUAL} {actual}",
        }

        pub(super) fn short_actual_ceiling(actual: &str, ceiling: &str) {
            zh: "{ACTUAL_VALUE} {actual}，{CEILING} {ceiling}",
            en: "{ACTUAL} {actual}, {CEILING} {ceiling}",
        }

        /// An `at_most` row below its ceiling: by how much (`gap`: in percentage points
        /// for a rate; the relative deviation the rules use follows in the rule part).
        pub(super) fn short_below(actual: &str, ceiling: &str, gap: &str) {
            zh: "{ACTUAL_VALUE} {actual}，比{CEILING} {ceiling} 低 {gap}",
            en: "{ACTUAL} {actual}, {gap} below the {CEILING} {ceiling}",
        }

        pub(super) fn short_above(actual: &str, ceiling: &str, gap: &str) {
            zh: "{ACTUAL_VALUE} {actual}，超出{CEILING} {ceiling} {gap}",
            en: "{ACTUAL} {actual}, {gap} above the {CEILING} {ceiling}",
        }

        /// A difference of two rates, in percentage points.
        pub fn points(gap: &str) {
            zh: "{gap} 个百分点",
            en: "{gap} percentage points",
        }

        /// The measured part and the rule part of a one-line explanation.
        pub fn short_join(lead: &str, tail: &str) {
            zh: "{lead}，{tail}",
            en: "{lead}, {tail}",
        }

        /// The regulation's rule and its arithmetic: `差 5.0%，每差 2% 扣基本分值的 5%：
        /// 5.0% ÷ 2% × 5% × 4 = 扣 0.5 分` (`steps`: `5.0% ÷ 2%`, or `⌊…⌋`, `⌈…⌉`).
        pub(super) fn short_steps(short: &str, steps: &str, step: &str, rate: &str, base: &str, outcome: &str) {
            zh: "差 {short}，每差 {step} 扣{BASE}的 {rate}：{steps} × {rate} × {base} = {outcome}",
            en: "{short} short, {rate} of the {BASE} per {step}: {steps} × {rate} × {base} = {outcome}",
        }

        pub(super) fn short_deducted(deducted: &str) {
            zh: "扣 {deducted} 分",
            en: "−{deducted}",
        }

        pub(super) fn short_capped(uncapped: &str, cap: &str) {
            zh: "{uncapped}，超过{DEDUCTION_CAP} {cap}，扣 {cap} 分",
            en: "{uncapped} > {DEDUCTION_CAP} {cap}: −{cap}",
        }

        /// `base × share × over ÷ best`, for a bonus indicator over-completed.
        pub fn short_bonus(over: &str, best: &str, share: &str, base: &str, bonus: &str) {
            zh: "超额 {over}，本组最高 {best}：{base} × {share} × {over} ÷ {best} = 加 {bonus} 分",
            en: "{over} over (best {best}): {base} × {share} × {over} / {best} = +{bonus}",
        }

        pub fn short_best(over: &str, share: &str, base: &str, bonus: &str) {
            zh: "超额 {over}，为本组最高：{base} × {share} = 加 {bonus} 分",
            en: "{over} over, the group's best: {base} × {share} = +{bonus}",
        }

        pub fn short_exact(base: &str) {
            zh: "恰好完成，得{BASE} {base} 分",
            en: "{TARGET} met: {BASE} {base}",
        }

        pub(super) fn short_exceeded(over: &str, base: &str) {
            zh: "超额 {over}，属{NON_BONUS_INDICATOR}，得{BASE} {base} 分",
            en: "{over} over, {NON_BONUS_INDICATOR}: {BASE} {base}",
        }

        pub fn short_no_department_bonus(over: &str, base: &str) {
            zh: "超额 {over}，{CITY_DEPARTMENT}超额不加分，得{BASE} {base} 分",
            en: "{over} over, no {BONUS} for a department: {BASE} {base}",
        }

        pub(super) fn short_bettered(base: &str) {
            zh: "属{NON_BONUS_INDICATOR}，得{BASE} {base} 分",
            en: "{NON_BONUS_INDICATOR}: {BASE} {base}",
        }

        pub fn short_met(base: &str) {
            zh: "{COMPLETE}，得{BASE} {base} 分",
            en: "{COMPLETE}: {BASE} {base}",
        }

        pub fn short_not_met(deduction: &str, earned: &str) {
            zh: "{INCOMPLETE}，酌情扣 {deduction} 分，得 {earned} 分，{VETO}",
            en: "not complete: case-by-case −{deduction} → {earned}, {VETO}",
        }

        pub fn short_prep(prep: &str, base: &str) {
            zh: "{NON_PILOT}，按{PREPARATION}得 {prep} 分（{BASE} {base}）",
            en: "{NON_PILOT}: {PREPARATION} score {prep} of {base}",
        }

        pub(super) fn short_nothing(zero: &str) {
            zh: "{PENDING}，暂计 {zero} 分",
            en: "{PENDING}: counts {zero} for now",
        }

        pub(super) fn short_target_only(target: &str, zero: &str) {
            zh: "{PENDING}（{TARGET} {target}），暂计 {zero} 分",
            en: "{PENDING} ({TARGET} {target}): counts {zero} for now",
        }

        // ---- a unit --------------------------------------------------------------

        pub fn unit_short_vetoed(name: &str, failures: &str) {
            zh: "{name}{VETO}：{failures}",
            en: "{name} vetoed: {failures}",
        }

        pub(super) fn standing_comprehensive(name: &str, rank: &str, ord: &str, eligible: usize) {
            zh: "{name}：{COMPREHENSIVE}，{rank}，未被否决的 {eligible} 个中第 {ord}",
            en: "{name}: {COMPREHENSIVE}, {rank} ({ord} among {eligible} not vetoed)",
        }

        /// `n`: the number of places in words (English only says it so).
        pub(super) fn standing_plain(name: &str, rank: &str, ord: &str, eligible: usize, places: u32, n: &str) {
            zh: "{name}：{rank}，未被否决的 {eligible} 个中第 {ord}（{COMPREHENSIVE}{PLACES} {places}）",
            en: "{name}: {rank}, {ord} among {eligible} not vetoed ({n})",
        }

        pub fn unit_short_last_place() {
            zh: "；{LAST_PLACE}",
            en: "; {LAST_PLACE}",
        }

        pub(super) fn awards_named(names: &str) {
            zh: "；{SINGLE_ITEM}：{names}",
            en: "; single-item: {names}",
        }

        pub(super) fn one_award(n: usize) {
            zh: "；{SINGLE_ITEM} {n} 项",
            en: "; {n} {SINGLE_ITEM}",
        }

        pub(super) fn awards_counted(n: usize) {
            zh: "；{SINGLE_ITEM} {n} 项",
            en: "; {n} {SINGLE_ITEM}s",
        }

        /// The first of several failures, and how many more.
        pub fn and_more(first: &str, more: usize) {
            zh: "{first}（另有 {more} 项）",
            en: "{first} (+{more} more)",
        }

        pub fn unit_short_pending() {
            zh: "；{PENDING}",
            en: "; {PENDING}",
        }
    }

    pub fn short_at_most(self, actual: &str, ceiling: &str, gap: &str, below: bool) -> String {
        if below {
            self.short_below(actual, ceiling, gap)
        } else {
            self.short_above(actual, ceiling, gap)
        }
    }

    /// A shortfall's steps and deduction in one line: the deduction, or (`uncapped`
    /// given) the cap.
    pub fn short_shortfall(self, s: StepsText, deducted: &str, uncapped: Option<&str>) -> String {
        let outcome = match uncapped {
            None => self.short_deducted(deducted),
            Some(uncapped) => self.short_capped(uncapped, s.cap),
        };
        self.short_steps(s.short, s.steps, s.step, s.rate, s.base, &outcome)
    }

    /// A non-bonus indicator exceeded (by `over`; `None` for a ceiling).
    pub fn short_no_bonus(self, over: Option<&str>, base: &str) -> String {
        match over {
            Some(over) => self.short_exceeded(over, base),
            None => self.short_bettered(base),
        }
    }

    pub fn short_pending(self, target: Option<&str>, zero: &str) -> String {
        match target {
            None => self.short_nothing(zero),
            Some(t) => self.short_target_only(t, zero),
        }
    }

    pub fn unit_short_comprehensive(self, s: StandingText) -> String {
        let rank = self.common().rank(s.rank, s.count, s.tied);
        let ord = self.common().ordinal(s.among);
        self.standing_comprehensive(s.name, &rank, &ord, s.eligible)
    }

    pub fn unit_short_plain(self, s: StandingText) -> String {
        let rank = self.common().rank(s.rank, s.count, s.tied);
        let ord = self.common().ordinal(s.among);
        let n = self.common().places(s.places);
        self.standing_plain(s.name, &rank, &ord, s.eligible, s.places, &n)
    }

    /// The single-item awards won, by name (`by_name`) or how many.
    pub fn unit_short_awards(self, names: &[String], by_name: bool) -> String {
        match (by_name, names.len()) {
            (true, _) => self.awards_named(&self.list(names)),
            (false, 1) => self.one_award(1),
            (false, n) => self.awards_counted(n),
        }
    }
}

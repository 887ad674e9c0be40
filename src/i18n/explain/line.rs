//! Explanations in one line, for a status bar: one row's earned score
//! ([`super::item_short`]) and a unit's standing ([`super::unit_short`]).

use super::{ExplainText, StandingText, StepsText};
use crate::i18n::macros::sentences;

impl ExplainText {
    sentences! {
        // ---- one row -------------------------------------------------------------

        pub fn short_at_least(actual: &str, completion: &str) {
            zh: "{ACTUAL_VALUE} {actual} → {COMPLETION_RATE} {completion}",
            en: "{ACTUAL} {actual} → {completion} of {TARGET}",
        }

        pub(super) fn short_below(actual: &str, ceiling: &str, deviation: &str) {
            zh: "{ACTUAL_VALUE} {actual} → 低于{CEILING} {ceiling} {deviation}",
            en: "{ACTUAL} {actual} → {deviation} below the {CEILING} {ceiling}",
        }

        pub(super) fn short_above(actual: &str, ceiling: &str, deviation: &str) {
            zh: "{ACTUAL_VALUE} {actual} → 超出{CEILING} {ceiling} {deviation}",
            en: "{ACTUAL} {actual} → {deviation} above the {CEILING} {ceiling}",
        }

        /// The measured part and the rule part of a one-line explanation.
        pub fn short_join(lead: &str, tail: &str) {
            zh: "{lead}，{tail}",
            en: "{lead}, {tail}",
        }

        pub(super) fn short_steps(short: &str, steps: &str, step: &str, rate: &str, base: &str, outcome: &str) {
            zh: "差 {short} = {steps} 个 {step} × {rate} × {base} = {outcome}",
            en: "{short} short = {steps} steps of {step} × {rate} × {base} = {outcome}",
        }

        pub(super) fn short_deducted(deducted: &str) {
            zh: "扣 {deducted} 分",
            en: "−{deducted}",
        }

        pub(super) fn short_capped(uncapped: &str, cap: &str) {
            zh: "{uncapped} > {CEILING} {cap}，扣 {cap} 分",
            en: "{uncapped} > {DEDUCTION_CAP} {cap}: −{cap}",
        }

        /// `over / best × share × base`, for a bonus indicator over-completed.
        pub fn short_bonus(over: &str, best: &str, share: &str, base: &str, bonus: &str) {
            zh: "超额 {over} ÷ 最高 {best} × {share} × {base} = 加 {bonus}",
            en: "{over} over / best {best} × {share} × {base} = +{bonus}",
        }

        pub fn short_best(over: &str, share: &str, base: &str, bonus: &str) {
            zh: "超额 {over} 为最高，{share} × {base} = 加 {bonus}",
            en: "{over} over, the best: {share} × {base} = +{bonus}",
        }

        pub fn short_exact(base: &str) {
            zh: "完成，得{BASE} {base}",
            en: "{TARGET} met: {BASE} {base}",
        }

        pub(super) fn short_exceeded(over: &str, base: &str) {
            zh: "超额 {over}，{NON_BONUS_INDICATOR}，得{BASE} {base}",
            en: "{over} over, {NON_BONUS_INDICATOR}: {BASE} {base}",
        }

        pub fn short_no_department_bonus(over: &str, base: &str) {
            zh: "超额 {over}，部门不加分，得{BASE} {base}",
            en: "{over} over, no {BONUS} for a department: {BASE} {base}",
        }

        pub(super) fn short_bettered(base: &str) {
            zh: "{NON_BONUS_INDICATOR}，得{BASE} {base}",
            en: "{NON_BONUS_INDICATOR}: {BASE} {base}",
        }

        pub fn short_met(base: &str) {
            zh: "{COMPLETE}，得{BASE} {base}",
            en: "{COMPLETE}: {BASE} {base}",
        }

        pub fn short_not_met(deduction: &str, earned: &str) {
            zh: "{INCOMPLETE}，酌情扣 {deduction} 分 → {earned}，{VETO}",
            en: "not complete: case-by-case −{deduction} → {earned}, {VETO}",
        }

        pub fn short_prep(prep: &str, base: &str) {
            zh: "{NON_PILOT}，{PREPARATION}得 {prep}/{base}",
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

    pub fn short_at_most(
        self,
        actual: &str,
        ceiling: &str,
        deviation: &str,
        below: bool,
    ) -> String {
        if below {
            self.short_below(actual, ceiling, deviation)
        } else {
            self.short_above(actual, ceiling, deviation)
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

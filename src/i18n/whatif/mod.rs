//! The sentences of the what-if ([`crate::whatif`]), in both languages: [`lines`] turns
//! a [`crate::whatif::WhatIf`] into lines (`render.rs`), each sentence one
//! [`WhatifText`] method declared with `sentences!`.
//!
//! Every number arrives at a sentence already formatted (totals with `score_decimals`
//! places, measured values as entered with their unit of measure, shares with one
//! decimal) and every name already sanitised; the sentences only put them into words.

use super::Lang;
use super::common::CommonText;
use super::macros::sentences;

mod render;

pub use render::lines;

/// The sentences of the what-if, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WhatifText(pub Lang);

impl WhatifText {
    sentences! {
        pub fn pending() {
            zh: "尚有{PENDING}项：暂计 0 分，以下{TOTAL}均为暂定",
            en: "{PENDING} ({PENDING_ZH}): what is missing counts 0, so every {TOTAL} below is provisional",
        }

        // ---- the veto --------------------------------------------------------------

        pub(super) fn vetoed_by_one(name: &str, failed: usize) {
            zh: "{name}{VETO}：{failed} 项指标{INCOMPLETE}，须全部完成才能解除否决",
            en: "{name} is vetoed ({VETO_ZH}) by {failed} indicator; completing it lifts the {VETO}",
        }

        pub(super) fn vetoed_by_many(name: &str, failed: usize) {
            zh: "{name}{VETO}：{failed} 项指标{INCOMPLETE}，须全部完成才能解除否决",
            en: "{name} is vetoed ({VETO_ZH}) by {failed} indicators; the {VETO} is lifted only when every one is completed",
        }

        /// A failed `at_least` row: it needed `gap` more (`short` of the target).
        pub fn fix_at_least(name: &str, actual: &str, target: &str, gap: &str, short: &str) {
            zh: "{name}：{ACTUAL} {actual}，{TARGET} {target}，还差 {gap}（{short}）才能完成",
            en: "{name}: {ACTUAL} {actual}, {TARGET} {target} — it needed {gap} more ({short} short)",
        }

        /// A failed ceiling: it needed to come down by `gap` (`above` over the ceiling).
        pub fn fix_at_most(name: &str, actual: &str, ceiling: &str, gap: &str, above: &str) {
            zh: "{name}：{ACTUAL} {actual}，{CEILING} {ceiling}，需降到 {ceiling} 以内，即降低 {gap}（超出{CEILING} {above}）",
            en: "{name}: {ACTUAL} {actual}, {CEILING} {ceiling} — it needed to be at most {ceiling}, {gap} lower ({above} above the {CEILING})",
        }

        /// A failed qualitative row: it must be marked complete; `lost` is what it cost.
        pub fn fix_not_met(name: &str, lost: &str) {
            zh: "{name}：{QUALITATIVE}{INCOMPLETE}，须评定为{COMPLETE}（现扣 {lost} 分）",
            en: "{name}: {QUALITATIVE}, not complete — it must be marked {COMPLETE} (it lost {lost})",
        }

        /// After a department's change of total: why it is not the row's.
        pub fn department_scaled() {
            zh: "，部门的{TASK}按{TASK}分值 × Σ{EARNED} ÷ Σ{BASE}折算",
            en: "; a department's task is scaled: section × Σ earned ÷ Σ base",
        }

        /// The unit with one failed row completed by the actual value `needed`.
        pub(super) fn if_reached(needed: &str, before: &str, after: &str, total: &str, delta: &str, rank: &str) {
            zh: "若完成（{ACTUAL} {needed}）：该项{EARNED} {before} → {after}，{TOTAL} {total}（{delta}），{rank}",
            en: "completed ({ACTUAL} {needed}), it would earn {after} instead of {before}, and its {TOTAL} would be {total} ({delta}), {rank}",
        }

        /// The unit with one failed qualitative row marked complete.
        pub(super) fn if_marked(before: &str, after: &str, total: &str, delta: &str, rank: &str) {
            zh: "若评定为{COMPLETE}：该项{EARNED} {before} → {after}，{TOTAL} {total}（{delta}），{rank}",
            en: "marked {COMPLETE}, it would earn {after} instead of {before}, and its {TOTAL} would be {total} ({delta}), {rank}",
        }

        /// Every failed row completed together.
        pub fn all_met_heading(failed: usize) {
            zh: "{failed} 项全部完成时：",
            en: "all {failed} completed together:",
        }

        pub fn if_all_met(total: &str, delta: &str, rank: &str) {
            zh: "{TOTAL} {total}（{delta}），{rank}",
            en: "its {TOTAL} would be {total} ({delta}), {rank}",
        }

        pub fn still_vetoed(names: &str) {
            zh: "仍因{names}{INCOMPLETE}被{VETO}，不能参评{COMPREHENSIVE}",
            en: "it would still be vetoed by {names}: not eligible for {COMPREHENSIVE}",
        }

        pub(super) fn eligible_and_won(ord: &str, eligible: usize, places: &str) {
            zh: "不再有未完成的指标：可参评，并获评{COMPREHENSIVE}（在 {eligible} 个未被否决的单位中排第 {ord}，{places}）",
            en: "no indicator would fail: eligible, and {COMPREHENSIVE} ({ord} among the {eligible} units not vetoed, {places})",
        }

        pub(super) fn eligible_not_won(ord: &str, eligible: usize, places: &str) {
            zh: "不再有未完成的指标：可参评，但未进入{COMPREHENSIVE}{PLACES}（在 {eligible} 个未被否决的单位中排第 {ord}，{places}）",
            en: "no indicator would fail: eligible, but not {COMPREHENSIVE} ({ord} among the {eligible} units not vetoed, {places})",
        }

        // ---- last place in a scenario ----------------------------------------------

        /// `tie`: who else would be last, or nothing; `both`: that it would be
        /// comprehensive advanced too, or nothing.
        pub(super) fn still_last(tie: &str, vetoed: &str, both: &str) {
            zh: "仍为{LAST_PLACE}：{TOTAL}最低{tie}，且{vetoed}被{VETO}{both}",
            en: "it would still be {LAST_PLACE}: the lowest {TOTAL}{tie}, and someone is vetoed ({vetoed}){both}",
        }

        /// Still last, among the units not up to standard (`vetoed`: them).
        pub(super) fn still_last_among_vetoed(tie: &str, vetoed: &str) {
            zh: "仍为{LAST_PLACE}：在{NOT_UP_TO_STANDARD}的单位（{vetoed}）中{TOTAL}最低{tie}",
            en: "it would still be {LAST_PLACE}: the lowest {TOTAL} among the units {NOT_UP_TO_STANDARD} ({vetoed}){tie}",
        }

        pub(super) fn becomes_last(tie: &str, vetoed: &str, both: &str) {
            zh: "将成为{LAST_PLACE}：{TOTAL}最低{tie}，且{vetoed}被{VETO}{both}",
            en: "it would become {LAST_PLACE}: the lowest {TOTAL}{tie}, and someone is vetoed ({vetoed}){both}",
        }

        pub(super) fn last_tied_with(others: &str) {
            zh: "（与{others}{TIED}）",
            en: ", {TIED} with {others}",
        }

        pub(super) fn last_and_comprehensive() {
            zh: "（{LAST_PLACE}与{COMPREHENSIVE}并不互斥）",
            en: " ({LAST_PLACE} does not exclude {COMPREHENSIVE})",
        }

        pub(super) fn no_longer_last_to(others: &str) {
            zh: "将不再是{LAST_PLACE}（{LAST_PLACE}将是{others}）",
            en: "it would no longer be {LAST_PLACE} ({others} would be)",
        }

        pub(super) fn no_longer_last_nobody_vetoed() {
            zh: "将不再是{LAST_PLACE}：没有单位被{VETO}时不设{LAST_PLACE}",
            en: "it would no longer be {LAST_PLACE}: with nobody vetoed there is none",
        }

        pub(super) fn no_longer_last() {
            zh: "将不再是{LAST_PLACE}",
            en: "it would no longer be {LAST_PLACE}",
        }

        // ---- awards and the others in a scenario -----------------------------------

        pub fn would_win(awards: &str) {
            zh: "将获评{awards}",
            en: "it would win {awards}",
        }

        pub(super) fn would_no_longer_win(awards: &str) {
            zh: "将不再获评{awards}",
            en: "it would no longer win {awards}",
        }

        /// Awards it would no longer win because it would be comprehensive advanced.
        pub(super) fn would_roll_down(awards: &str) {
            zh: "将不再获评{awards}（已评{COMPREHENSIVE}的单位不再参评{SINGLE_ITEM}，{ROLL_DOWN}）",
            en: "it would no longer win {awards} ({COMPREHENSIVE} units are left out of {SINGLE_ITEM}s, {ROLL_DOWN_ZH})",
        }

        /// Heading of the lines about the other units of the group.
        pub fn others_heading() {
            zh: "其他单位：",
            en: "others:",
        }

        pub(super) fn other_line(name: &str, parts: &str) {
            zh: "{name}：{parts}",
            en: "{name}: {parts}",
        }

        /// Another unit's earned score on the changed indicator.
        pub fn other_move(indicator: &str, before: &str, after: &str) {
            zh: "{indicator}{EARNED} {before} → {after}",
            en: "{indicator} {before} → {after}",
        }

        pub(super) fn other_gains_comprehensive() {
            zh: "将获评{COMPREHENSIVE}",
            en: "would become {COMPREHENSIVE}",
        }

        pub(super) fn other_loses_comprehensive() {
            zh: "将不再是{COMPREHENSIVE}",
            en: "would no longer be {COMPREHENSIVE}",
        }

        pub(super) fn other_becomes_last() {
            zh: "将成为{LAST_PLACE}",
            en: "would become {LAST_PLACE}",
        }

        pub(super) fn other_leaves_last() {
            zh: "将不再是{LAST_PLACE}",
            en: "would no longer be {LAST_PLACE}",
        }

        pub(super) fn other_wins(awards: &str) {
            zh: "将获评{awards}",
            en: "would win {awards}",
        }

        pub(super) fn other_no_longer_wins(awards: &str) {
            zh: "将不再获评{awards}",
            en: "would no longer win {awards}",
        }

        // ---- the comprehensive cut -------------------------------------------------

        /// No comprehensive awards at all (`policy.<key> = 0`).
        pub(super) fn no_places_under(key: &str) {
            zh: "按设置不评{COMPREHENSIVE}",
            en: "no comprehensive awards are given (policy.{key} = 0)",
        }

        /// Vetoed; once the veto is lifted it needs `total`, that of `names` at the cut.
        pub(super) fn vetoed_cut(places: &str, total: &str, names: &str, place: u32) {
            zh: "{COMPREHENSIVE}（{places}）：{VETO}期间，{TOTAL}再高也不能获评；解除否决后，{TOTAL}需达到 {total}（未被否决的其他单位中第 {place} 名{names}的{TOTAL}，持平即可）",
            en: "{COMPREHENSIVE} ({places}): no {TOTAL} is enough while it is vetoed; once the {VETO} is lifted it would need {total}, the {TOTAL} of {names} at place {place} among the other units not vetoed (equal is enough)",
        }

        /// Vetoed, with fewer `others` not vetoed than places.
        pub(super) fn vetoed_no_cut(places: &str, others: usize) {
            zh: "{COMPREHENSIVE}（{places}）：{VETO}期间，{TOTAL}再高也不能获评；解除否决后，{TOTAL}大于 0 即可（未被否决的其他单位只有 {others} 个，少于{PLACES}）",
            en: "{COMPREHENSIVE} ({places}): no {TOTAL} is enough while it is vetoed; once the {VETO} is lifted any {TOTAL} above 0 would do (only {others} other units are not vetoed, fewer than the {PLACES})",
        }

        /// The start of the line of a unit inside the cut.
        pub(super) fn inside(ord: &str, eligible: usize, places: &str) {
            zh: "已评为{COMPREHENSIVE}：在 {eligible} 个未被否决的单位中排第 {ord}，{places}；",
            en: "{COMPREHENSIVE} ({COMPREHENSIVE_ZH}): {ord} among the {eligible} units not vetoed, within {places}; ",
        }

        /// The usual case: the cut is the first unit outside (`names`, with `total`).
        pub(super) fn margin_over_first_outside(margin: &str, names: &str, total: &str) {
            zh: "领先{PLACES}线外的第一个单位{names}（{total}）{margin} 分；{TOTAL}降到与其持平仍可获评（{PLACES}线上{TIED}者均获评）",
            en: "a margin of {margin} over {names} ({total}), the first unit outside; falling to a tie with it would still be enough (a tie across the cut gives the award to all)",
        }

        /// The lowest total that keeps it (`cut`, whose: `names`), and who is outside.
        pub(super) fn keeps_down_to(cut: &str, names: &str, margin: &str, outside: &str) {
            zh: "{TOTAL}不低于 {cut}（{names}的{TOTAL}，持平即可）即可保住，余量 {margin}{outside}",
            en: "it keeps it down to a {TOTAL} of {cut} (that of {names}; equal is enough), a margin of {margin}{outside}",
        }

        pub(super) fn first_outside(names: &str, total: &str) {
            zh: "；{PLACES}线外的第一个单位是{names}（{total}）",
            en: "; the first unit outside is {names} with {total}",
        }

        pub(super) fn nobody_outside() {
            zh: "；{PLACES}线外没有未被否决的单位",
            en: "; no unit that is not vetoed is outside the cut",
        }

        pub(super) fn keeps_above_zero() {
            zh: "未被否决的其他单位少于{PLACES}，{TOTAL}大于 0 即可保住；{PLACES}线外没有未被否决的单位",
            en: "fewer other units than {PLACES} are not vetoed, so any {TOTAL} above 0 keeps it; no unit that is not vetoed is outside the cut",
        }

        /// Outside the cut: it needs `needed`, that of `names` at place `place`.
        #[allow(clippy::too_many_arguments)]
        pub(super) fn outside_cut(ord: &str, eligible: usize, places: &str, place: u32, names: &str, needed: &str, gap: &str) {
            zh: "未评{COMPREHENSIVE}：在 {eligible} 个未被否决的单位中排第 {ord}，{places}；需{TOTAL}达到 {needed}（第 {place} 名{names}的{TOTAL}；持平即可，{PLACES}线上{TIED}者均获评），还差 {gap}",
            en: "not {COMPREHENSIVE}: {ord} among the {eligible} units not vetoed, {places}; to enter it needs a {TOTAL} of {needed}, that of {names} at place {place} (equal is enough: a tie across the cut gives the award to all), {gap} more",
        }

        /// Outside, with fewer units not vetoed than places: any total above 0.
        pub(super) fn outside_no_cut(ord: &str, eligible: usize, places: &str, needed: &str, gap: &str) {
            zh: "未评{COMPREHENSIVE}：在 {eligible} 个未被否决的单位中排第 {ord}，{places}；{TOTAL}需大于 0，即至少 {needed}，还差 {gap}",
            en: "not {COMPREHENSIVE}: {ord} among the {eligible} units not vetoed, {places}; it needs a {TOTAL} above 0, at least {needed}, {gap} more",
        }

        // ---- last place ------------------------------------------------------------

        /// Last place: to leave it, more than the next-lowest total (`next`, `names`).
        pub(super) fn leave_last_alone(total: &str, next: &str, names: &str, needed: &str, gap: &str) {
            zh: "{LAST_PLACE}：{TOTAL} {total} 最低；要离开{LAST_PLACE}，{TOTAL}需超过{names}的 {next}，即至少 {needed}，还差 {gap}",
            en: "{LAST_PLACE} ({LAST_PLACE_ZH}) with {total}: to leave it, it needs more than {next} ({names}), at least {needed}, {gap} more",
        }

        /// Last place shared with `names`.
        pub(super) fn leave_last_tied(total: &str, next: &str, names: &str, needed: &str, gap: &str) {
            zh: "{LAST_PLACE}：与{names}{TIED}最低（{total}）；要离开{LAST_PLACE}，{TOTAL}需超过 {next}，即至少 {needed}，还差 {gap}",
            en: "{LAST_PLACE} ({LAST_PLACE_ZH}), {TIED} with {names} at {total}: to leave it, it needs more than {next}, at least {needed}, {gap} more",
        }

        /// Last place as the only unit that may be (the only one not up to standard).
        pub fn last_only_vetoed(total: &str) {
            zh: "{LAST_PLACE}：{TOTAL} {total}，是唯一{NOT_UP_TO_STANDARD}的单位；按规定{LAST_PLACE}只在{NOT_UP_TO_STANDARD}的单位中产生，提高{TOTAL}不能离开{LAST_PLACE}，只有完成全部指标才能离开",
            en: "{LAST_PLACE} ({LAST_PLACE_ZH}) with {total}, the only unit {NOT_UP_TO_STANDARD}: no total takes it out of last place, only completing its targets does (policy.last_place_among = \"not_up_to_standard\")",
        }

        /// Last place, alone in its group.
        pub fn last_alone(total: &str) {
            zh: "{LAST_PLACE}：{TOTAL} {total}；本组只有这一个单位",
            en: "{LAST_PLACE} ({LAST_PLACE_ZH}) with {total}: the only unit of its group",
        }
    }

    fn common(self) -> CommonText {
        CommonText(self.0)
    }

    pub fn vetoed_heading(self, name: &str, failed: usize) -> String {
        if failed == 1 {
            self.vetoed_by_one(name, failed)
        } else {
            self.vetoed_by_many(name, failed)
        }
    }

    /// The unit with one failed row completed (`needed`: the actual that completes it;
    /// `None` for a qualitative row).
    pub fn if_met(
        self,
        needed: Option<&str>,
        before: &str,
        after: &str,
        total: &str,
        delta: &str,
        rank: &str,
    ) -> String {
        match needed {
            Some(n) => self.if_reached(n, before, after, total, delta, rank),
            None => self.if_marked(before, after, total, delta, rank),
        }
    }

    /// No failure left: eligible, and comprehensive advanced or not.
    pub fn eligible_then(
        self,
        comprehensive: bool,
        among: usize,
        eligible: usize,
        places: u32,
    ) -> String {
        let ord = self.common().ordinal(among);
        let n = self.common().places(places);
        if comprehensive {
            self.eligible_and_won(&ord, eligible, &n)
        } else {
            self.eligible_not_won(&ord, eligible, &n)
        }
    }

    /// Last place in the scenario against now (`others`: who else would be last;
    /// `vetoed`: who would be vetoed, which is what gives a last place at all;
    /// `comprehensive`: it would be comprehensive advanced too; `among_vetoed`: last place
    /// is named among the units not up to standard). `None` when it is not last either way.
    pub fn last_then(
        self,
        was: bool,
        is: bool,
        others: Option<&str>,
        vetoed: &str,
        comprehensive: bool,
        among_vetoed: bool,
    ) -> Option<String> {
        let both = if is && comprehensive {
            self.last_and_comprehensive()
        } else {
            String::new()
        };
        let tie = others.map(|o| self.last_tied_with(o)).unwrap_or_default();
        Some(match (was, is) {
            (false, false) => return None,
            (true, true) if among_vetoed => self.still_last_among_vetoed(&tie, vetoed),
            (true, true) => self.still_last(&tie, vetoed, &both),
            (false, true) => self.becomes_last(&tie, vetoed, &both),
            (true, false) => match others {
                Some(o) => self.no_longer_last_to(o),
                None if vetoed.is_empty() => self.no_longer_last_nobody_vetoed(),
                None => self.no_longer_last(),
            },
        })
    }

    /// Awards it would no longer win; `left_out`: because it would be comprehensive
    /// advanced (名次顺移).
    pub fn would_lose(self, awards: &str, left_out: bool) -> String {
        if left_out {
            self.would_roll_down(awards)
        } else {
            self.would_no_longer_win(awards)
        }
    }

    /// One other unit and what would happen to it (`parts`, each from an `other_…`).
    pub fn other(self, name: &str, parts: &[String]) -> String {
        self.other_line(name, &self.common().clauses(parts))
    }

    pub fn other_comprehensive(self, gains: bool) -> String {
        if gains {
            self.other_gains_comprehensive()
        } else {
            self.other_loses_comprehensive()
        }
    }

    pub fn other_last(self, becomes: bool) -> String {
        if becomes {
            self.other_becomes_last()
        } else {
            self.other_leaves_last()
        }
    }

    pub fn other_award(self, awards: &str, wins: bool) -> String {
        if wins {
            self.other_wins(awards)
        } else {
            self.other_no_longer_wins(awards)
        }
    }

    /// No comprehensive awards at all (`policy.comprehensive_awards = 0`).
    pub fn no_places(self, departments: bool) -> String {
        self.no_places_under(if departments {
            "department_awards"
        } else {
            "comprehensive_awards"
        })
    }

    /// Vetoed: no total is enough; once the veto is lifted, the cut (its total and
    /// holders) or, with fewer `others` not vetoed than places, any total above 0.
    pub fn comprehensive_vetoed(
        self,
        places: u32,
        cut: Option<(&str, &str)>,
        others: usize,
    ) -> String {
        let n = self.common().places(places);
        match cut {
            Some((total, names)) => self.vetoed_cut(&n, total, names, places),
            None => self.vetoed_no_cut(&n, others),
        }
    }

    /// Inside the cut: how far it may fall (`cut`: the lowest total that keeps it,
    /// and whose it is; `margin`), and the first unit outside (its total and names).
    pub fn comprehensive_inside(
        self,
        among: usize,
        eligible: usize,
        places: u32,
        cut: Option<(&str, &str)>,
        margin: Option<&str>,
        outside: Option<(&str, &str)>,
    ) -> String {
        let ord = self.common().ordinal(among);
        let head = self.inside(&ord, eligible, &self.common().places(places));
        let margin = margin.unwrap_or("—");
        let tail = match (cut, outside) {
            (Some((c, names)), Some((o, _))) if c == o => {
                self.margin_over_first_outside(margin, names, c)
            }
            (Some((c, names)), outside) => {
                let outside = match outside {
                    Some((o, on)) => self.first_outside(on, o),
                    None => self.nobody_outside(),
                };
                self.keeps_down_to(c, names, margin, &outside)
            }
            (None, _) => self.keeps_above_zero(),
        };
        head + &tail
    }

    /// Not vetoed and outside the cut: the total it needs and the gap.
    pub fn comprehensive_outside(
        self,
        among: usize,
        eligible: usize,
        places: u32,
        cut: Option<(&str, &str)>,
        needed: &str,
        gap: &str,
    ) -> String {
        let ord = self.common().ordinal(among);
        let n = self.common().places(places);
        match cut {
            Some((_, names)) => self.outside_cut(&ord, eligible, &n, places, names, needed, gap),
            None => self.outside_no_cut(&ord, eligible, &n, needed, gap),
        }
    }

    /// Last place: to leave it, more than the next-lowest total (`next`, held by `names`).
    pub fn leave_last(
        self,
        total: &str,
        next: &str,
        names: &str,
        needed: &str,
        gap: &str,
        tied: bool,
    ) -> String {
        if tied {
            self.leave_last_tied(total, next, names, needed, gap)
        } else {
            self.leave_last_alone(total, next, names, needed, gap)
        }
    }
}

//! The sentences of the what-if ([`crate::whatif`]), in both languages: [`lines`] turns
//! a [`crate::whatif::WhatIf`] into lines (`render.rs`), each sentence one
//! [`WhatifText`] template here.
//!
//! Every number arrives at a template already formatted (totals with `score_decimals`
//! places, measured values as entered with their unit of measure, shares with one
//! decimal) and every name already sanitised; the templates only put them into words.

use super::Lang;

mod render;

pub use render::lines;

/// The sentence templates of the what-if, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WhatifText(pub Lang);

impl WhatifText {
    fn zh(self) -> bool {
        self.0 == Lang::Zh
    }

    fn pick(self, zh: String, en: String) -> String {
        if self.zh() { zh } else { en }
    }

    fn places(self, n: u32) -> String {
        super::places(self.0, n)
    }

    fn ordinal(self, n: usize) -> String {
        super::ordinal(self.0, n)
    }

    /// A measured value with its unit of measure: `1000人` / `1000 人`, `4.6%`.
    pub fn qty(self, value: &str, measure: Option<&str>) -> String {
        match measure {
            None => value.to_string(),
            Some("%") => format!("{value}%"),
            Some(m) if self.zh() => format!("{value}{m}"),
            Some(m) => format!("{value} {m}"),
        }
    }

    /// `rank 2 of 4, tied` / `并列第 2 名（共 4 个）`.
    pub fn rank(self, rank: u32, count: usize, tied: bool) -> String {
        match (self.zh(), tied) {
            (true, false) => format!("第 {rank} 名（共 {count} 个）"),
            (true, true) => format!("并列第 {rank} 名（共 {count} 个）"),
            (false, false) => format!("rank {rank} of {count}"),
            (false, true) => format!("rank {rank} of {count}, tied"),
        }
    }

    /// The first line: the unit, its total and rank.
    pub fn heading(
        self,
        name: &str,
        kind: &str,
        total: &str,
        rank: u32,
        count: usize,
        tied: bool,
    ) -> String {
        let rank = self.rank(rank, count, tied);
        self.pick(
            format!("{name}（{kind}）：总分 {total}，{rank}"),
            format!("{name} ({kind}): total {total}, {rank}"),
        )
    }

    pub fn pending(self) -> String {
        self.pick(
            "尚有待录入项：暂计 0 分，以下总分均为暂定".into(),
            "pending (待录入): what is missing counts 0, so every total below is provisional"
                .into(),
        )
    }

    // ---- the veto --------------------------------------------------------------------

    pub fn vetoed_heading(self, name: &str, failed: usize) -> String {
        match (self.zh(), failed) {
            (true, n) => format!("{name}一票否决：{n} 项指标未完成，须全部完成才能解除否决"),
            (false, 1) => {
                format!("{name} is vetoed (一票否决) by 1 indicator; completing it lifts the veto")
            }
            (false, n) => format!(
                "{name} is vetoed (一票否决) by {n} indicators; the veto is lifted only when every one is completed"
            ),
        }
    }

    /// A failed `at_least` row: it needed `gap` more (`short` of the target).
    pub fn fix_at_least(
        self,
        name: &str,
        actual: &str,
        target: &str,
        gap: &str,
        short: &str,
    ) -> String {
        self.pick(
            format!("{name}：实际 {actual}，目标 {target}，还差 {gap}（{short}）才能完成"),
            format!(
                "{name}: actual {actual}, target {target} — it needed {gap} more ({short} short)"
            ),
        )
    }

    /// A failed ceiling: it needed to come down by `gap` (`above` over the ceiling).
    pub fn fix_at_most(
        self,
        name: &str,
        actual: &str,
        ceiling: &str,
        gap: &str,
        above: &str,
    ) -> String {
        self.pick(
            format!(
                "{name}：实际 {actual}，上限 {ceiling}，需降到 {ceiling} 以内，即降低 {gap}（超出上限 {above}）"
            ),
            format!(
                "{name}: actual {actual}, ceiling {ceiling} — it needed to be at most {ceiling}, {gap} lower ({above} above the ceiling)"
            ),
        )
    }

    /// A failed qualitative row: it must be marked complete; `lost` is what it cost.
    pub fn fix_not_met(self, name: &str, lost: &str) -> String {
        self.pick(
            format!("{name}：定性指标未完成，须评定为已完成（现扣 {lost} 分）"),
            format!(
                "{name}: qualitative, not complete — it must be marked complete (it lost {lost})"
            ),
        )
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
        rank: String,
    ) -> String {
        match (self.zh(), needed) {
            (true, Some(n)) => format!(
                "若完成（实际 {n}）：该项得分 {before} → {after}，总分 {total}（{delta}），{rank}"
            ),
            (true, None) => format!(
                "若评定为已完成：该项得分 {before} → {after}，总分 {total}（{delta}），{rank}"
            ),
            (false, Some(n)) => format!(
                "completed (actual {n}), it would earn {after} instead of {before}, and its total would be {total} ({delta}), {rank}"
            ),
            (false, None) => format!(
                "marked complete, it would earn {after} instead of {before}, and its total would be {total} ({delta}), {rank}"
            ),
        }
    }

    /// Every failed row completed together.
    pub fn all_met_heading(self, failed: usize) -> String {
        self.pick(
            format!("{failed} 项全部完成时："),
            format!("all {failed} completed together:"),
        )
    }

    pub fn if_all_met(self, total: &str, delta: &str, rank: String) -> String {
        self.pick(
            format!("总分 {total}（{delta}），{rank}"),
            format!("its total would be {total} ({delta}), {rank}"),
        )
    }

    pub fn still_vetoed(self, names: &str) -> String {
        self.pick(
            format!("仍因{names}未完成被一票否决，不能参评综合先进"),
            format!("it would still be vetoed by {names}: not eligible for comprehensive advanced"),
        )
    }

    /// No failure left: eligible, and comprehensive advanced or not.
    pub fn eligible_then(
        self,
        comprehensive: bool,
        among: usize,
        eligible: usize,
        places: u32,
    ) -> String {
        let ord = self.ordinal(among);
        let n = self.places(places);
        match (self.zh(), comprehensive) {
            (true, true) => format!(
                "不再有未完成的指标：可参评，并获评综合先进（在 {eligible} 个未被否决的单位中排第 {ord}，{n}）"
            ),
            (true, false) => format!(
                "不再有未完成的指标：可参评，但未进入综合先进名额（在 {eligible} 个未被否决的单位中排第 {ord}，{n}）"
            ),
            (false, true) => format!(
                "no indicator would fail: eligible, and comprehensive advanced ({ord} among the {eligible} units not vetoed, {n})"
            ),
            (false, false) => format!(
                "no indicator would fail: eligible, but not comprehensive advanced ({ord} among the {eligible} units not vetoed, {n})"
            ),
        }
    }

    /// Last place in the scenario against now (`others`: who else would be last;
    /// `vetoed`: who would be vetoed, which is what gives a last place at all;
    /// `comprehensive`: it would be comprehensive advanced too). `None` when it is not
    /// last either way.
    pub fn last_then(
        self,
        was: bool,
        is: bool,
        others: Option<&str>,
        vetoed: &str,
        comprehensive: bool,
    ) -> Option<String> {
        let zh = self.zh();
        let both = match (zh, is && comprehensive) {
            (_, false) => "",
            (true, true) => "（末位与综合先进并不互斥）",
            (false, true) => " (last place does not exclude comprehensive advanced)",
        };
        let tie = match (zh, others) {
            (_, None) => String::new(),
            (true, Some(o)) => format!("（与{o}并列）"),
            (false, Some(o)) => format!(", tied with {o}"),
        };
        Some(match (zh, was, is) {
            (_, false, false) => return None,
            (true, true, true) => format!("仍为末位：总分最低{tie}，且{vetoed}被一票否决{both}"),
            (true, false, true) => format!("将成为末位：总分最低{tie}，且{vetoed}被一票否决{both}"),
            (true, true, false) => match others {
                Some(o) => format!("将不再是末位（末位将是{o}）"),
                None if vetoed.is_empty() => "将不再是末位：没有单位被一票否决时不设末位".into(),
                None => "将不再是末位".into(),
            },
            (false, true, true) => format!(
                "it would still be last place: the lowest total{tie}, and someone is vetoed ({vetoed}){both}"
            ),
            (false, false, true) => format!(
                "it would become last place: the lowest total{tie}, and someone is vetoed ({vetoed}){both}"
            ),
            (false, true, false) => match others {
                Some(o) => format!("it would no longer be last place ({o} would be)"),
                None if vetoed.is_empty() => {
                    "it would no longer be last place: with nobody vetoed there is none".into()
                }
                None => "it would no longer be last place".into(),
            },
        })
    }

    pub fn would_win(self, awards: &str) -> String {
        self.pick(format!("将获评{awards}"), format!("it would win {awards}"))
    }

    /// Awards it would no longer win; `left_out`: because it would be comprehensive
    /// advanced (名次顺移).
    pub fn would_lose(self, awards: &str, left_out: bool) -> String {
        match (self.zh(), left_out) {
            (true, false) => format!("将不再获评{awards}"),
            (true, true) => {
                format!("将不再获评{awards}（已评综合先进的单位不再参评单项先进，名次顺移）")
            }
            (false, false) => format!("it would no longer win {awards}"),
            (false, true) => format!(
                "it would no longer win {awards} (comprehensive advanced units are left out of single-item awards, 名次顺移)"
            ),
        }
    }

    /// Heading of the lines about the other units of the group.
    pub fn others_heading(self) -> String {
        self.0.pick("其他单位：", "others:").into()
    }

    /// One other unit and what would happen to it (`parts`, each from an `other_…`).
    pub fn other(self, name: &str, parts: &[String]) -> String {
        self.pick(
            format!("{name}：{}", parts.join("；")),
            format!("{name}: {}", parts.join("; ")),
        )
    }

    /// Another unit's earned score on the changed indicator.
    pub fn other_move(self, indicator: &str, before: &str, after: &str) -> String {
        self.pick(
            format!("{indicator}得分 {before} → {after}"),
            format!("{indicator} {before} → {after}"),
        )
    }

    pub fn other_comprehensive(self, gains: bool) -> String {
        match (self.zh(), gains) {
            (true, true) => "将获评综合先进".into(),
            (true, false) => "将不再是综合先进".into(),
            (false, true) => "would become comprehensive advanced".into(),
            (false, false) => "would no longer be comprehensive advanced".into(),
        }
    }

    pub fn other_last(self, becomes: bool) -> String {
        match (self.zh(), becomes) {
            (true, true) => "将成为末位".into(),
            (true, false) => "将不再是末位".into(),
            (false, true) => "would become last place".into(),
            (false, false) => "would no longer be last place".into(),
        }
    }

    pub fn other_award(self, awards: &str, wins: bool) -> String {
        match (self.zh(), wins) {
            (true, true) => format!("将获评{awards}"),
            (true, false) => format!("将不再获评{awards}"),
            (false, true) => format!("would win {awards}"),
            (false, false) => format!("would no longer win {awards}"),
        }
    }

    // ---- the comprehensive cut -------------------------------------------------------

    /// No comprehensive awards at all (`policy.comprehensive_awards = 0`).
    pub fn no_places(self, departments: bool) -> String {
        let key = if departments {
            "department_awards"
        } else {
            "comprehensive_awards"
        };
        self.pick(
            format!("不评综合先进（policy.{key} = 0）"),
            format!("no comprehensive awards are given (policy.{key} = 0)"),
        )
    }

    /// Vetoed: no total is enough; once the veto is lifted, the cut (its total and
    /// holders) or, with fewer `others` not vetoed than places, any total above 0.
    pub fn comprehensive_vetoed(
        self,
        places: u32,
        cut: Option<(&str, &str)>,
        others: usize,
    ) -> String {
        let n = self.places(places);
        match (self.zh(), cut) {
            (true, Some((total, names))) => format!(
                "综合先进（{n}）：一票否决期间，总分再高也不能获评；解除否决后，总分需达到 {total}（未被否决的其他单位中第 {places} 名{names}的总分，持平即可）"
            ),
            (true, None) => format!(
                "综合先进（{n}）：一票否决期间，总分再高也不能获评；解除否决后，总分大于 0 即可（未被否决的其他单位只有 {others} 个，少于名额）"
            ),
            (false, Some((total, names))) => format!(
                "comprehensive advanced ({n}): no total is enough while it is vetoed; once the veto is lifted it would need {total}, the total of {names} at place {places} among the other units not vetoed (equal is enough)"
            ),
            (false, None) => format!(
                "comprehensive advanced ({n}): no total is enough while it is vetoed; once the veto is lifted any total above 0 would do (only {others} other units are not vetoed, fewer than the places)"
            ),
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
        let ord = self.ordinal(among);
        let n = self.places(places);
        let zh = self.zh();
        let head = self.pick(
            format!("已评为综合先进：在 {eligible} 个未被否决的单位中排第 {ord}，{n}；"),
            format!(
                "comprehensive advanced (综合先进): {ord} among the {eligible} units not vetoed, within {n}; "
            ),
        );
        let margin = margin.unwrap_or("—");
        let tail = match (zh, cut, outside) {
            // The usual case: the cut is the first unit outside.
            (true, Some((c, names)), Some((o, _))) if c == o => format!(
                "领先名额线外的第一个单位{names}（{c}）{margin} 分；总分降到与其持平仍可获评（名额线上并列者均获评）"
            ),
            (false, Some((c, names)), Some((o, _))) if c == o => format!(
                "a margin of {margin} over {names} ({c}), the first unit outside; falling to a tie with it would still be enough (a tie across the cut gives the award to all)"
            ),
            (true, Some((c, names)), outside) => {
                let outside = match outside {
                    Some((o, on)) => format!("；名额线外的第一个单位是{on}（{o}）"),
                    None => "；名额线外没有未被否决的单位".into(),
                };
                format!("总分不低于 {c}（{names}的总分，持平即可）即可保住，余量 {margin}{outside}")
            }
            (false, Some((c, names)), outside) => {
                let outside = match outside {
                    Some((o, on)) => format!("; the first unit outside is {on} with {o}"),
                    None => "; no unit that is not vetoed is outside the cut".into(),
                };
                format!(
                    "it keeps it down to a total of {c} (that of {names}; equal is enough), a margin of {margin}{outside}"
                )
            }
            (true, None, _) => {
                "未被否决的其他单位少于名额，总分大于 0 即可保住；名额线外没有未被否决的单位"
                    .into()
            }
            (false, None, _) => {
                "fewer other units than places are not vetoed, so any total above 0 keeps it; no unit that is not vetoed is outside the cut".into()
            }
        };
        format!("{head}{tail}")
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
        let ord = self.ordinal(among);
        let n = self.places(places);
        match (self.zh(), cut) {
            (true, Some((_, names))) => format!(
                "未评综合先进：在 {eligible} 个未被否决的单位中排第 {ord}，{n}；需总分达到 {needed}（第 {places} 名{names}的总分；持平即可，名额线上并列者均获评），还差 {gap}"
            ),
            (true, None) => format!(
                "未评综合先进：在 {eligible} 个未被否决的单位中排第 {ord}，{n}；总分需大于 0，即至少 {needed}，还差 {gap}"
            ),
            (false, Some((_, names))) => format!(
                "not comprehensive advanced: {ord} among the {eligible} units not vetoed, {n}; to enter it needs a total of {needed}, that of {names} at place {places} (equal is enough: a tie across the cut gives the award to all), {gap} more"
            ),
            (false, None) => format!(
                "not comprehensive advanced: {ord} among the {eligible} units not vetoed, {n}; it needs a total above 0, at least {needed}, {gap} more"
            ),
        }
    }

    // ---- last place ------------------------------------------------------------------

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
        match (self.zh(), tied) {
            (true, false) => format!(
                "末位：总分 {total} 最低；要离开末位，总分需超过{names}的 {next}，即至少 {needed}，还差 {gap}"
            ),
            (true, true) => format!(
                "末位：与{names}并列最低（{total}）；要离开末位，总分需超过 {next}，即至少 {needed}，还差 {gap}"
            ),
            (false, false) => format!(
                "last place (末位) with {total}: to leave it, it needs more than {next} ({names}), at least {needed}, {gap} more"
            ),
            (false, true) => format!(
                "last place (末位), tied with {names} at {total}: to leave it, it needs more than {next}, at least {needed}, {gap} more"
            ),
        }
    }

    /// Last place, alone in its group.
    pub fn last_alone(self, total: &str) -> String {
        self.pick(
            format!("末位：总分 {total}；本组只有这一个单位"),
            format!("last place (末位) with {total}: the only unit of its group"),
        )
    }
}

//! A unit's whole total in words ([`super::unit_lines`]): each part with its reason, the
//! rank, the veto, comprehensive advanced, last place, the single-item awards and what
//! is still pending.

use super::{ExplainText, sum_prefix};
use crate::i18n::macros::sentences;
use crate::project::{LastPlaceAmong, PenaltyKind, SingleItemVeto, UnitKind};

impl ExplainText {
    sentences! {
        /// A department with no score sheet: not assessed, so nothing to explain.
        pub fn not_scored(name: &str) {
            zh: "{name}不参加考核排名：没有哪个考核指标由它负责，也没有它的评分表",
            en: "{name} is not assessed: it is responsible for no indicator and has no score sheet",
        }

        /// Its 先进个人 places, when it has some.
        pub fn not_scored_individuals(quota: u32, nominated: usize) {
            zh: "先进个人名额 {quota} 个，已推荐 {nominated} 人",
            en: "advanced individuals: {quota} places, {nominated} nominated",
        }

        // ---- the parts -------------------------------------------------------------

        pub fn organization_heading() {
            zh: "{ORGANIZATION}",
            en: "Organisation ({ORGANIZATION_ZH})",
        }

        /// `2.00/2` / `2.00 of 2`.
        pub(super) fn out_of(value: &str, max: &str) {
            zh: "{value}/{max}",
            en: "{value} of {max}",
        }

        /// An entered value the half-up rounding changed: `1.005 四舍五入 → 1.01/2`.
        pub(super) fn rounded_out_of(entered: &str, value: &str, max: &str) {
            zh: "{entered} 四舍五入 → {value}/{max}",
            en: "{entered} → {value} (rounded half-up) of {max}",
        }

        /// Not entered yet: `组织领导：未录入，暂计 0 分（满分 2）`.
        pub(super) fn missing(what: &str, max: &str) {
            zh: "{what}：未录入，暂计 0 分（{MAX} {max}）",
            en: "{what}: not entered, counts 0 (of {max})",
        }

        /// An organisation item whose `applies_to` leaves out the unit's kind.
        pub fn org_item_not_applicable(name: &str, max: &str) {
            zh: "{name}：按规定不适用于本单位，不计分（{MAX} {max}）",
            en: "{name}: does not apply to this unit (applies_to), not scored (of {max})",
        }

        /// One organisation item and its score.
        pub(super) fn named(name: &str, score: &str) {
            zh: "{name} {score}",
            en: "{name} {score}",
        }

        pub(super) fn survey_label() {
            zh: "{SURVEY}",
            en: "Survey ({SURVEY_ZH})",
        }

        /// The survey and its score.
        pub(super) fn survey_line(label: &str, score: &str) {
            zh: "{label}：{score}",
            en: "{label}: {score}",
        }

        pub(super) fn org_total_line(sum: &str, total: &str, max: &str) {
            zh: "{ORGANIZATION} = {sum}{total}（{MAX} {max}）",
            en: "{ORGANIZATION} = {sum}{total} ({MAX} {max})",
        }

        pub fn task_heading() {
            zh: "{TASK}",
            en: "Task ({TASK_ZH})",
        }

        pub fn area_heading(name: &str, max: &str) {
            zh: "{name}（{MAX} {max}）",
            en: "{name} ({MAX} {max})",
        }

        /// One row of the task section: its name, earned score and one-line explanation.
        pub fn row(name: &str, earned: &str, short: &str) {
            zh: "{name} {earned}：{short}",
            en: "{name} {earned}: {short}",
        }

        pub(super) fn area_total_line(name: &str, sum: &str, total: &str) {
            zh: "{name}{SUBTOTAL} = {sum}{total}",
            en: "{SUBTOTAL} {name} = {sum}{total}",
        }

        pub(super) fn task_within(sum: &str, total: &str, section: &str) {
            zh: "{TASK} = {sum}{total}（{MAX} {section}）",
            en: "{TASK} = {sum}{total} (section {section})",
        }

        /// Bonuses lifted the task above its section's maximum.
        pub(super) fn task_above(sum: &str, total: &str, section: &str) {
            zh: "{TASK} = {sum}{total}（{BONUS}使其超过本部分{MAX} {section}）",
            en: "{TASK} = {sum}{total} (bonuses lift it above the section's {section})",
        }

        pub(super) fn department_earned_line(sum: &str, total: &str) {
            zh: "Σ{EARNED} = {sum}{total}",
            en: "Σ {EARNED} = {sum}{total}",
        }

        pub(super) fn department_base_one(total: &str, rows: usize) {
            zh: "Σ{BASE} = {total}（{rows} 项指标的{BASE}之和）",
            en: "Σ {BASE} = {total} (the {BASE} of its {rows} row)",
        }

        pub(super) fn department_bases(total: &str, rows: usize) {
            zh: "Σ{BASE} = {total}（{rows} 项指标的{BASE}之和）",
            en: "Σ {BASE} = {total} (the {BASE}s of its {rows} rows)",
        }

        /// `task = section × Σ earned / Σ base` (`rounding`: when it changed something).
        pub(super) fn department_task_line(section: &str, earned: &str, base: &str, exact: &str, rounding: &str) {
            zh: "{TASK} = {section} × Σ{EARNED} ÷ Σ{BASE} = {section} × {earned} ÷ {base} = {exact}{rounding}",
            en: "{TASK} = {section} × Σ {EARNED} / Σ {BASE} = {section} × {earned} / {base} = {exact}{rounding}",
        }

        pub fn department_no_rows() {
            zh: "{TASK} = 0（没有指标行）",
            en: "{TASK} = 0 (no indicator rows)",
        }

        pub fn penalties_none(zero: &str) {
            zh: "{PENALTY}：无，{zero}",
            en: "Penalties ({PENALTY_ZH}): none, {zero}",
        }

        pub fn penalties_heading() {
            zh: "{PENALTY}",
            en: "Penalties ({PENALTY_ZH})",
        }

        pub(super) fn provincial() {
            zh: "{PROVINCIAL_LONG}",
            en: "{PROVINCIAL_LONG} ({PROVINCIAL_ZH})",
        }

        pub(super) fn municipal() {
            zh: "{MUNICIPAL_LONG}",
            en: "{MUNICIPAL_LONG} ({MUNICIPAL_ZH})",
        }

        pub(super) fn points_as_entered() {
            zh: "直接{DEDUCTION}",
            en: "points as entered",
        }

        /// The note of a penalty, after its level.
        pub(super) fn penalty_note(note: &str) {
            zh: "：{note}",
            en: ": {note}",
        }

        /// One penalty: `被省委、省政府或国家部委通报批评 −2.00：…`.
        pub(super) fn penalty_line(what: &str, points: &str, note: &str) {
            zh: "{what} −{points}{note}",
            en: "{what} −{points}{note}",
        }

        pub(super) fn penalty_total_line(sum: &str, total: &str) {
            zh: "{PENALTY} = {sum}{total}",
            en: "{PENALTY} = {sum}{total}",
        }

        pub fn total(org: &str, survey: &str, task: &str, penalty: &str, total: &str) {
            zh: "{TOTAL} = {ORGANIZATION} + {SURVEY} + {TASK} − {PENALTY} = {org} + {survey} + {task} − {penalty} = {total}",
            en: "{TOTAL} = {ORGANIZATION} + {SURVEY} + {TASK} − {PENALTY} = {org} + {survey} + {task} − {penalty} = {total}",
        }

        // ---- the outcome -----------------------------------------------------------

        pub fn unit_heading_line(name: &str, kind: &str, total: &str, rank: &str) {
            zh: "{name}：{TOTAL} {total}，{rank}",
            en: "{name} ({kind}): {TOTAL} {total}, {rank}",
        }

        pub(super) fn rank_alone(rank: u32, count: usize) {
            zh: "{RANK}：第 {rank} 名（共 {count} 个）",
            en: "{RANK} {rank} of {count}",
        }

        pub(super) fn rank_shared(rank: u32, count: usize, others: &str, total: &str) {
            zh: "{RANK}：与{others}{TIED}第 {rank} 名（共 {count} 个），{TOTAL}同为 {total}",
            en: "{RANK} {rank} of {count}, {TIED} with {others} at {total} (equal totals share a rank)",
        }

        pub fn vetoed(failures: &str) {
            zh: "{VETO}：{failures}",
            en: "vetoed ({VETO_ZH}): {failures}",
        }

        pub(super) fn not_vetoed_at_all() {
            zh: "未被否决：没有未完成的指标",
            en: "not vetoed: no indicator failed",
        }

        pub(super) fn not_vetoed_so_far(pending: usize) {
            zh: "暂未否决：没有未完成的指标（尚有 {pending} 项{PENDING}）",
            en: "not vetoed so far: no indicator failed ({pending} rows still {PENDING})",
        }

        /// A failed `at_least` row, in a few words.
        pub fn fail_at_least(name: &str, completion: &str, short: &str, deducted: &str) {
            zh: "{name}{COMPLETION_RATE} {completion}（差 {short}，扣 {deducted} 分）",
            en: "{name} {completion} of {TARGET} (shortfall {short} → −{deducted})",
        }

        /// A failed `at_most` row, in a few words.
        /// (`above`: by how much, in percentage points for a rate.)
        pub fn fail_at_most(name: &str, above: &str, deducted: &str) {
            zh: "{name}超出{CEILING} {above}（扣 {deducted} 分）",
            en: "{name} {above} above the {CEILING} (→ −{deducted})",
        }

        /// A failed qualitative row, in a few words.
        pub fn fail_not_met(name: &str, deducted: &str) {
            zh: "{name}{INCOMPLETE}（扣 {deducted} 分）",
            en: "{name} not complete (−{deducted})",
        }

        /// `n`: the places in words; `tie`: a tie at the cut, or nothing.
        pub(super) fn comprehensive_won(ord: &str, eligible: usize, places: u32, n: &str, tie: &str) {
            zh: "{COMPREHENSIVE}：在未被否决的 {eligible} 个单位中排第 {ord}，在 {places} 个{PLACES}之内{tie}",
            en: "{COMPREHENSIVE} ({COMPREHENSIVE_ZH}): {ord} among the {eligible} units not vetoed, within {n}{tie}",
        }

        pub fn comprehensive_vetoed() {
            zh: "未评为{COMPREHENSIVE}：已被{VETO}，不能评为{COMPREHENSIVE}",
            en: "not {COMPREHENSIVE}: vetoed ({VETO_ZH}), so not eligible",
        }

        pub fn comprehensive_zero() {
            zh: "未评为{COMPREHENSIVE}：{TOTAL}为 0，不参与评选",
            en: "not {COMPREHENSIVE}: a {TOTAL} of 0 wins nothing",
        }

        /// Below the cut; `last`: who got the last place of it, or nothing.
        pub(super) fn comprehensive_missed(ord: &str, eligible: usize, n: &str, last: &str) {
            zh: "未评为{COMPREHENSIVE}：在未被否决的 {eligible} 个单位中排第 {ord}，{n}{last}",
            en: "not {COMPREHENSIVE}: {ord} among the {eligible} units not vetoed; {n}{last}",
        }

        pub(super) fn last_winner(names: &str, total: &str) {
            zh: "，最后一个获评的是{names}（{total}）",
            en: ", the last going to {names} with {total}",
        }

        /// Last place (`tie`: who shares it, or nothing).
        pub(super) fn last_place_line(total: &str, tie: &str, vetoed: &str) {
            zh: "{LAST_PLACE}：按设置在全部单位中评定，{TOTAL} {total} 最低{tie}，且有单位被{VETO}（{vetoed}）",
            en: "{LAST_PLACE} ({LAST_PLACE_ZH}): named among all units (policy.last_place_among = \"all\"), the lowest {TOTAL}, {total}{tie}, and someone is vetoed ({vetoed})",
        }

        pub(super) fn shared_with(others: &str) {
            zh: "（与{others}{TIED}）",
            en: " ({TIED} with {others})",
        }

        /// Last place among the units not up to standard (`tie`: who shares it, or
        /// nothing).
        pub(super) fn last_place_among_vetoed(total: &str, tie: &str, vetoed: &str) {
            zh: "{LAST_PLACE}：{NOT_UP_TO_STANDARD}的单位（{vetoed}）中{TOTAL}最低，为 {total}{tie}",
            en: "{LAST_PLACE} ({LAST_PLACE_ZH}): the lowest {TOTAL} among the units {NOT_UP_TO_STANDARD} ({NOT_UP_TO_STANDARD_ZH}), {total}{tie} ({vetoed})",
        }

        /// Vetoed, but not the lowest among the units not up to standard.
        pub fn last_place_no_among_vetoed(lowest: &str, names: &str) {
            zh: "不是{LAST_PLACE}：{NOT_UP_TO_STANDARD}的单位中{TOTAL}最低的是{names}（{lowest}）",
            en: "not {LAST_PLACE}: the lowest {TOTAL} among the units {NOT_UP_TO_STANDARD} is {lowest} ({names})",
        }

        /// Completed everything: never last under `not_up_to_standard`.
        pub fn last_place_up_to_standard(lowest: &str, names: &str) {
            zh: "不是{LAST_PLACE}：已完成全部指标；按规定{LAST_PLACE}只在{NOT_UP_TO_STANDARD}的单位中产生，其中{TOTAL}最低的是{names}（{lowest}）",
            en: "not {LAST_PLACE}: it completed every target, and the {LAST_PLACE} is named among the units {NOT_UP_TO_STANDARD} only (policy.last_place_among = \"not_up_to_standard\"; the lowest of them: {names}, {lowest})",
        }

        pub fn last_place_nobody_vetoed() {
            zh: "不设{LAST_PLACE}：各单位均完成全部指标，没有单位被{VETO}",
            en: "no {LAST_PLACE}: nobody is vetoed, and the {LAST_PLACE} is only given when someone is",
        }

        pub fn last_place_no(lowest: &str, names: &str) {
            zh: "不是{LAST_PLACE}：{TOTAL}最低的是{names}（{lowest}）",
            en: "not {LAST_PLACE}: the lowest {TOTAL} is {lowest} ({names})",
        }

        pub fn last_place_off() {
            zh: "按设置不评{LAST_PLACE}",
            en: "no {LAST_PLACE}: switched off (policy.last_place = false)",
        }

        pub fn last_place_departments() {
            zh: "{LAST_PLACE}：{CITY_DEPARTMENT}不设{LAST_PLACE}",
            en: "{LAST_PLACE}: {CITY_DEPARTMENT}s have none",
        }

        // ---- the single-item awards ------------------------------------------------

        pub fn awards_heading() {
            zh: "{SINGLE_ITEM}",
            en: "Single-item awards ({SINGLE_ITEM_ZH})",
        }

        pub(super) fn won_by(winners: &str) {
            zh: "由{winners}获评",
            en: "won by {winners}",
        }

        pub(super) fn nobody_won() {
            zh: "无人获评",
            en: "nobody won",
        }

        /// An award won; `next`, `tie`, `veto`: the notes that apply, or nothing.
        pub(super) fn won(award: &str, score: &str, next: &str, tie: &str, veto: &str) {
            zh: "{award}：获评，{AWARD_SCORE} {score}{next}{tie}{veto}",
            en: "{award}: won, {AWARD_SCORE} {score}{next}{tie}{veto}",
        }

        /// The best unit that did not win it.
        pub(super) fn next_best(next: &str) {
            zh: "；其次为{next}",
            en: "; next: {next}",
        }

        /// The winner is vetoed, under `single_item_veto = "none"`.
        pub(super) fn won_though_vetoed() {
            zh: "；按设置，{VETO}只取消{COMPREHENSIVE}资格，不影响{SINGLE_ITEM}，请领导小组审定",
            en: "; a {VETO} only bars {COMPREHENSIVE}, not {SINGLE_ITEM}s (policy.single_item_veto = \"none\"): for the leading group to confirm",
        }

        /// The winner is vetoed on indicators the award does not count.
        pub(super) fn won_though_vetoed_elsewhere() {
            zh: "；被{VETO}的指标不属本项工作，按规定仍可获评，请领导小组审定",
            en: "; the indicators it failed are not this award's work, so it may still win (policy.single_item_veto = \"failed_area\"): for the leading group to confirm",
        }

        /// `places`: the places in words.
        pub(super) fn lost(award: &str, score: &str, places: &str, winners: &str) {
            zh: "{award}：未获评，{AWARD_SCORE} {score}，{places}，{winners}",
            en: "{award}: not won, {AWARD_SCORE} {score}; {places}, {winners}",
        }

        pub fn award_zero(award: &str) {
            zh: "{award}：未获评，{AWARD_SCORE}为 0",
            en: "{award}: not won, an {AWARD_SCORE} of 0 wins nothing",
        }

        pub fn award_left_comprehensive(award: &str, score: &str, winners: &str) {
            zh: "{award}：已评为{COMPREHENSIVE}，不再评{SINGLE_ITEM}（{AWARD_SCORE}本为 {score}），{ROLL_DOWN}，{winners}",
            en: "{award}: left out as {COMPREHENSIVE} ({ROLL_DOWN_ZH}; its {AWARD_SCORE} would be {score}), {winners}",
        }

        pub fn award_left_vetoed(award: &str, score: &str, winners: &str) {
            zh: "{award}：已被{VETO}，按设置不评{SINGLE_ITEM}（{AWARD_SCORE}本为 {score}），{ROLL_DOWN}，{winners}",
            en: "{award}: left out because vetoed (policy.single_item_veto = \"all\"; its {AWARD_SCORE} would be {score}; {ROLL_DOWN_ZH}), {winners}",
        }

        /// Left out of the award of the work it failed (`failed`: those indicators).
        pub fn award_left_failed_area(award: &str, failed: &str, score: &str, winners: &str) {
            zh: "{award}：本项工作的指标未完成（{failed}），不评本项先进（{AWARD_SCORE}本为 {score}），{ROLL_DOWN}，{winners}",
            en: "{award}: left out for failing this award's own work ({failed}; policy.single_item_veto = \"failed_area\"; its {AWARD_SCORE} would be {score}; {ROLL_DOWN_ZH}), {winners}",
        }

        // ---- what is pending -------------------------------------------------------

        pub(super) fn pending_survey() {
            zh: "{SURVEY}",
            en: "the {SURVEY}",
        }

        pub(super) fn pending_organization(items: &str) {
            zh: "{ORGANIZATION} {items}",
            en: "{ORGANIZATION} {items}",
        }

        pub(super) fn pending_rows(rows: &str) {
            zh: "指标 {rows}",
            en: "rows {rows}",
        }

        pub(super) fn pending_line(parts: &str) {
            zh: "{PENDING}：{parts}；暂计 0 分，{TOTAL}和{RANK}可能变化",
            en: "{PENDING} ({PENDING_ZH}): {parts}; they count 0 for now, so the {TOTAL} and {RANK} may change",
        }
    }

    pub fn unit_heading(
        self,
        name: &str,
        kind: UnitKind,
        total: &str,
        rank: u32,
        count: usize,
        tied: bool,
    ) -> String {
        let rank = self.common().rank(rank, count, tied);
        self.unit_heading_line(name, self.kind(kind), total, &rank)
    }

    /// One organisation item: the value (and the entered one, when rounding changed it).
    pub fn org_item(self, name: &str, value: &str, entered: Option<&str>, max: &str) -> String {
        self.named(name, &self.score_of(value, entered, max))
    }

    /// `value/max`, with the entered value when the rounding changed it.
    fn score_of(self, value: &str, entered: Option<&str>, max: &str) -> String {
        match entered {
            None => self.out_of(value, max),
            Some(e) => self.rounded_out_of(e, value, max),
        }
    }

    pub fn org_item_missing(self, name: &str, max: &str) -> String {
        self.missing(name, max)
    }

    pub fn org_total(self, expr: Option<&str>, total: &str, max: &str) -> String {
        self.org_total_line(&sum_prefix(expr), total, max)
    }

    pub fn survey(self, value: &str, entered: Option<&str>, max: &str) -> String {
        self.survey_line(&self.survey_label(), &self.score_of(value, entered, max))
    }

    pub fn survey_missing(self, max: &str) -> String {
        self.missing(&self.survey_label(), max)
    }

    pub fn area_total(self, name: &str, expr: Option<&str>, total: &str) -> String {
        self.area_total_line(name, &sum_prefix(expr), total)
    }

    /// A county's task: the sum of its areas (`above` the section: bonuses lifted it).
    pub fn task_total(self, expr: Option<&str>, total: &str, section: &str, above: bool) -> String {
        let sum = sum_prefix(expr);
        if above {
            self.task_above(&sum, total, section)
        } else {
            self.task_within(&sum, total, section)
        }
    }

    pub fn department_earned(self, expr: Option<&str>, total: &str) -> String {
        self.department_earned_line(&sum_prefix(expr), total)
    }

    pub fn department_base(self, total: &str, rows: usize) -> String {
        if rows == 1 {
            self.department_base_one(total, rows)
        } else {
            self.department_bases(total, rows)
        }
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
        self.department_task_line(section, earned, base, exact, &self.rounding(rounded))
    }

    /// One penalty: its level (or points as entered), the points and the note.
    pub fn penalty(self, kind: &PenaltyKind, points: &str, note: &str) -> String {
        let what = match kind {
            PenaltyKind::Provincial => self.provincial(),
            PenaltyKind::Municipal => self.municipal(),
            PenaltyKind::Points(_) => self.points_as_entered(),
        };
        let note = if note.is_empty() {
            String::new()
        } else {
            self.penalty_note(note)
        };
        self.penalty_line(&what, points, &note)
    }

    pub fn penalty_total(self, expr: Option<&str>, total: &str) -> String {
        self.penalty_total_line(&sum_prefix(expr), total)
    }

    /// The rank, and who shares it.
    pub fn rank(self, rank: u32, count: usize, tied_with: Option<&str>, total: &str) -> String {
        match tied_with {
            None => self.rank_alone(rank, count),
            Some(others) => self.rank_shared(rank, count, others, total),
        }
    }

    pub fn not_vetoed(self, pending_rows: usize) -> String {
        match pending_rows {
            0 => self.not_vetoed_at_all(),
            n => self.not_vetoed_so_far(n),
        }
    }

    pub fn comprehensive_yes(
        self,
        among: usize,
        eligible: usize,
        places: u32,
        widened: bool,
    ) -> String {
        let ord = self.common().ordinal(among);
        let n = self.common().places(places);
        self.comprehensive_won(&ord, eligible, places, &n, &self.widened(widened))
    }

    /// Not vetoed, but below the cut; `last` is the last winner (names and total).
    pub fn comprehensive_out(
        self,
        among: usize,
        eligible: usize,
        places: u32,
        last: Option<(&str, &str)>,
    ) -> String {
        let ord = self.common().ordinal(among);
        let n = self.common().places(places);
        let last = last
            .map(|(names, total)| self.last_winner(names, total))
            .unwrap_or_default();
        self.comprehensive_missed(&ord, eligible, &n, &last)
    }

    /// Last place: the lowest total among `among` while someone is vetoed (`vetoed`
    /// names them).
    pub fn last_place_yes(
        self,
        total: &str,
        vetoed: &str,
        tied_with: Option<&str>,
        among: LastPlaceAmong,
    ) -> String {
        let tie = tied_with
            .map(|others| self.shared_with(others))
            .unwrap_or_default();
        match among {
            LastPlaceAmong::NotUpToStandard => self.last_place_among_vetoed(total, &tie, vetoed),
            LastPlaceAmong::All => self.last_place_line(total, &tie, vetoed),
        }
    }

    /// The winners of an award with their award scores (`经济开发区 6.20`), or nobody.
    pub fn award_winners(self, winners: Option<&str>) -> String {
        match winners {
            Some(w) => self.won_by(w),
            None => self.nobody_won(),
        }
    }

    /// An award won; `next` is the best unit that did not win it; `vetoed`: the winner
    /// is vetoed, and the rule that let it in.
    pub fn award_won(
        self,
        award: &str,
        score: &str,
        next: Option<&str>,
        widened: bool,
        vetoed: Option<SingleItemVeto>,
    ) -> String {
        let next = next.map(|n| self.next_best(n)).unwrap_or_default();
        let veto = match vetoed {
            None | Some(SingleItemVeto::All) => String::new(),
            Some(SingleItemVeto::Off) => self.won_though_vetoed(),
            Some(SingleItemVeto::FailedArea) => self.won_though_vetoed_elsewhere(),
        };
        self.won(award, score, &next, &self.widened(widened), &veto)
    }

    pub fn award_lost(self, award: &str, score: &str, places: u32, winners: &str) -> String {
        self.lost(award, score, &self.common().places(places), winners)
    }

    /// What is still missing: `survey`, the organisation items and the rows by name.
    pub fn pending_parts(self, survey: bool, org: &[String], rows: &[String]) -> String {
        let mut parts = Vec::new();
        if survey {
            parts.push(self.pending_survey());
        }
        if !org.is_empty() {
            parts.push(self.pending_organization(&self.list(org)));
        }
        if !rows.is_empty() {
            parts.push(self.pending_rows(&self.list(rows)));
        }
        self.pending_line(&self.failures(&parts))
    }
}

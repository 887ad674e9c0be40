//! An explanation ([`crate::explain`]) in words: the data's steps in the order a reader
//! checks them, each put into a sentence of [`ExplainText`]. Nothing is computed here but
//! the formatting of numbers ([`crate::i18n::numbers`]): measured shares with one
//! decimal ([`ExplainText::percent1`]), policy shares with [`percent`], and the half-up
//! rounding shown (`4.405 → 4.41`) wherever the data says it changed a number.

use super::{BonusText, ExplainText, StandingText, StepsText};
use crate::explain::{
    AwardOutcome, AwardStep, ComprehensiveSteps, ItemExplanation, ItemSteps, LastPlaceSteps,
    Measured, Over, Rounded, TaskSteps, UnitExplanation, UnitSummary,
};
use crate::i18n::numbers::{Scores, entered, plain, sum_expr};
use crate::i18n::{Lang, percent};
use crate::project::{PenaltyKind, ShortfallMode};
use crate::text::{sanitize, width};
use rust_decimal::Decimal;

/// The width a one-line explanation aims to fit (an 80-column status line). Longer
/// parts are shortened: several failures to the first and a count, award names to a
/// count.
const SHORT_WIDTH: usize = 76;

/// Indentation of the parts of a unit's explanation.
const INDENT: &str = "  ";

fn indent(line: String) -> String {
    format!("{INDENT}{line}")
}

fn indent2(line: String) -> String {
    format!("{INDENT}{INDENT}{line}")
}

/// The lines explaining one row's earned score: what the indicator is, the rule applied
/// and its arithmetic with the actual numbers.
pub fn item_lines(e: &ItemExplanation, lang: Lang) -> Vec<String> {
    Words::new(lang, e.decimals).item_lines(e)
}

/// One row's earned score in one line, for a status bar:
/// `实际值 950 → 完成率 95.0%，差 5.0% = 2.5 个 2% × 5% × 4 = 扣 0.50 分`.
pub fn item_short(e: &ItemExplanation, lang: Lang) -> String {
    Words::new(lang, e.decimals).item_short(e)
}

/// A unit's (or department's) whole total, each part with its reason.
pub fn unit_lines(e: &UnitExplanation, lang: Lang) -> Vec<String> {
    Words::new(lang, e.summary.decimals).unit_lines(e)
}

/// A unit's standing in one line, for the ranking pane:
/// `北岭县 vetoed: 城镇新增就业 95.0% of target (shortfall 5.0% → −0.50)`.
pub fn unit_short(s: &UnitSummary, lang: Lang) -> String {
    Words::new(lang, s.decimals).unit_short(s)
}

/// The sentences and the number formats of one explanation.
#[derive(Clone, Copy)]
struct Words {
    t: ExplainText,
    n: Scores,
}

impl Words {
    fn new(lang: Lang, decimals: u32) -> Self {
        Words {
            t: ExplainText(lang),
            n: Scores(decimals),
        }
    }

    fn score(self, v: Decimal) -> String {
        self.n.score(v)
    }

    fn exact(self, v: Decimal) -> String {
        self.n.exact(v)
    }

    fn pct(self, share: Decimal) -> String {
        self.t.percent1(share)
    }

    fn frac_pct(self, f: crate::scoring::Fraction) -> String {
        f.value().map_or_else(|| "—".into(), |v| self.pct(v))
    }

    fn list(self, names: &[String]) -> String {
        let names: Vec<String> = names.iter().map(|n| sanitize(n)).collect();
        self.t.list(&names)
    }

    /// A list, or `None` when empty.
    fn some_list(self, names: &[String]) -> Option<String> {
        (!names.is_empty()).then(|| self.list(names))
    }

    // ---- one row --------------------------------------------------------------------

    /// The line with target, actual and the deviation `d` (signed, good direction).
    fn measured(self, e: &ItemExplanation, m: &Measured) -> String {
        let measure = e.measure.as_deref().map(sanitize);
        let (t, a) = (entered(m.target), entered(m.actual));
        if e.at_most {
            self.t.measured_at_most(
                &t,
                &a,
                measure.as_deref(),
                &self.pct(m.deviation.abs()),
                m.deviation >= Decimal::ZERO,
            )
        } else {
            let completion = m.completion.map_or_else(|| "—".into(), |c| self.pct(c));
            self.t
                .measured_at_least(&t, &a, measure.as_deref(), &completion)
        }
    }

    /// The measured part of a one-line explanation.
    fn short_lead(self, e: &ItemExplanation, m: &Measured) -> String {
        if e.at_most {
            self.t.short_at_most(
                &entered(m.actual),
                &entered(m.target),
                &self.pct(m.deviation.abs()),
                m.deviation >= Decimal::ZERO,
            )
        } else {
            let completion = m.completion.map_or_else(|| "—".into(), |c| self.pct(c));
            self.t.short_at_least(&entered(m.actual), &completion)
        }
    }

    /// `earned <expr> = <value>`, with the half-up rounding when it changed the value.
    fn earned_line(self, expr: &str, earned: Rounded) -> String {
        if earned.changed() {
            self.t.earned_rounded(
                expr,
                &self.exact(earned.exact),
                &self.score(earned.score),
                self.n.0,
            )
        } else {
            self.t.earned(expr, &self.score(earned.score))
        }
    }

    fn item_lines(self, e: &ItemExplanation) -> Vec<String> {
        let t = self.t;
        let base = entered(e.base);
        let mut lines = vec![t.item_heading(
            &sanitize(&e.name),
            &sanitize(&e.area),
            &base,
            e.bonus_indicator,
            e.at_most,
        )];
        let earned = self.score(e.earned.score);
        match &e.steps {
            ItemSteps::Completed {
                measured,
                over,
                extra,
            } => {
                lines.push(self.measured(e, measured));
                let over_pct = self.frac_pct(*over);
                match extra {
                    Over::Exactly => {
                        if e.bonus_indicator {
                            lines.push(t.met_exactly());
                        }
                        lines.push(t.earned_base(&base, &earned));
                    }
                    Over::NoBonus => {
                        let by = (!e.at_most).then_some(over_pct.as_str());
                        lines.push(t.exceeded_no_bonus(by));
                        lines.push(t.earned_base(&base, &earned));
                    }
                    Over::Bonus(b) => {
                        let share = percent(b.share);
                        let bonus_text = self.exact(b.bonus);
                        if b.best {
                            let others: Vec<String> = b
                                .best_units
                                .iter()
                                .filter(|(id, _)| *id != e.unit)
                                .map(|(_, n)| n.clone())
                                .collect();
                            let others = self.some_list(&others);
                            lines.push(t.over_is_best(&over_pct, others.as_deref()));
                            lines.push(t.bonus_top(&share, &base, &bonus_text));
                        } else {
                            let best_pct = self.frac_pct(b.top);
                            let names: Vec<String> =
                                b.best_units.iter().map(|(_, n)| n.clone()).collect();
                            lines.push(t.over_vs_best(&over_pct, &best_pct, &self.list(&names)));
                            let unrounded = match (over.value(), b.top.value()) {
                                (Some(o), Some(b))
                                    if t.percent_more(o).is_some()
                                        || t.percent_more(b).is_some() =>
                                {
                                    let more =
                                        |v| t.percent_more(v).unwrap_or_else(|| t.percent1(v));
                                    Some(format!("{} / {}", more(o), more(b)))
                                }
                                _ => None,
                            };
                            lines.push(t.bonus_calc(BonusText {
                                over: &over_pct,
                                best: &best_pct,
                                unrounded: unrounded.as_deref(),
                                share: &share,
                                base: &base,
                                bonus: &bonus_text,
                            }));
                        }
                        let expr = format!("{base} + {bonus_text}");
                        lines.push(self.earned_line(&expr, e.earned));
                    }
                }
            }
            ItemSteps::Short {
                measured,
                shortfall,
                step,
                rate,
                mode,
                exact_steps,
                steps,
                uncapped,
                cap,
                deduction,
                capped,
            } => {
                lines.push(self.measured(e, measured));
                let (short, step, rate) = (self.pct(*shortfall), percent(*step), percent(*rate));
                let cap_share = percent(cap.share);
                let cap_text = cap.value.map_or_else(|| "—".into(), |c| self.exact(c));
                let steps_text = plain(*steps);
                let more = t.percent_more(*shortfall);
                let numbers = StepsText {
                    short: &short,
                    unrounded: more.as_deref(),
                    steps: &steps_text,
                    step: &step,
                    rate: &rate,
                    base: &base,
                    cap_share: &cap_share,
                    cap: &cap_text,
                };
                let uncapped_text = uncapped.map_or_else(|| "—".into(), |v| self.exact(v));
                let deducted = self.exact(*deduction);
                match mode {
                    ShortfallMode::Proportional if *capped => {
                        lines.push(t.shortfall_prop_capped(numbers, &uncapped_text))
                    }
                    ShortfallMode::Proportional => lines.push(t.shortfall_prop(numbers, &deducted)),
                    mode => {
                        let exact = exact_steps.map_or_else(|| "—".into(), plain);
                        let ceil = *mode == ShortfallMode::StartedSteps;
                        lines.push(t.steps_counted(numbers, &exact, ceil));
                        lines.push(if *capped {
                            t.steps_deduction_capped(numbers, &uncapped_text)
                        } else {
                            t.steps_deduction(numbers, &deducted)
                        });
                    }
                }
                let expr = format!("{base} − {deducted}");
                lines.push(self.earned_line(&expr, e.earned));
                lines.push(t.vetoes(&sanitize(&e.unit_name)));
            }
            ItemSteps::Met => {
                lines.push(t.met());
                lines.push(t.earned_base(&base, &earned));
            }
            ItemSteps::NotMet { deduction, cap } => {
                let d = entered(*deduction);
                let has = *deduction > Decimal::ZERO;
                let cap_text = cap.value.map_or_else(|| "—".into(), |c| self.exact(c));
                lines.push(t.not_met(
                    has.then_some(d.as_str()),
                    &percent(cap.share),
                    &base,
                    &cap_text,
                ));
                if has {
                    let expr = format!("{base} − {d}");
                    lines.push(self.earned_line(&expr, e.earned));
                } else {
                    lines.push(t.earned_base(&base, &earned));
                }
                lines.push(t.vetoes(&sanitize(&e.unit_name)));
            }
            ItemSteps::Preparation { prep } => {
                lines.push(t.preparation(&entered(*prep), &base));
                lines.push(if e.earned.changed() {
                    t.prep_earned(&entered(*prep), Some((&earned, self.n.0)))
                } else {
                    t.prep_earned(&earned, None)
                });
            }
            ItemSteps::Pending { target } => {
                let target = target.map(entered);
                lines.push(t.pending(target.as_deref(), &self.score(Decimal::ZERO)));
            }
        }
        if let Some(section) = e.scaled_to {
            lines.push(t.department_note(&entered(section)));
        }
        lines
    }

    fn item_short(self, e: &ItemExplanation) -> String {
        let t = self.t;
        let base = entered(e.base);
        match &e.steps {
            ItemSteps::Completed {
                measured,
                over,
                extra,
            } => {
                let lead = self.short_lead(e, measured);
                let over_pct = self.frac_pct(*over);
                let tail = match extra {
                    Over::Exactly => t.short_exact(&base),
                    Over::NoBonus => {
                        let by = (!e.at_most).then_some(over_pct.as_str());
                        t.short_no_bonus(by, &base)
                    }
                    Over::Bonus(b) => {
                        let share = percent(b.share);
                        let bonus = self.score(b.bonus);
                        if b.best {
                            t.short_best(&over_pct, &share, &base, &bonus)
                        } else {
                            t.short_bonus(BonusText {
                                over: &over_pct,
                                best: &self.frac_pct(b.top),
                                unrounded: None,
                                share: &share,
                                base: &base,
                                bonus: &bonus,
                            })
                        }
                    }
                };
                t.short_join(&lead, &tail)
            }
            ItemSteps::Short {
                measured,
                shortfall,
                step,
                rate,
                mode,
                exact_steps,
                steps,
                uncapped,
                deduction,
                capped,
                ..
            } => {
                let lead = self.short_lead(e, measured);
                let steps_text = match mode {
                    ShortfallMode::Proportional => plain(*steps),
                    _ => format!(
                        "{}→{}",
                        exact_steps.map_or_else(|| "—".into(), plain),
                        plain(*steps)
                    ),
                };
                let (short, step, rate) = (self.pct(*shortfall), percent(*step), percent(*rate));
                let cap = self.score(*deduction);
                let numbers = StepsText {
                    short: &short,
                    unrounded: None,
                    steps: &steps_text,
                    step: &step,
                    rate: &rate,
                    base: &base,
                    cap_share: "",
                    cap: &cap,
                };
                let tail = if *capped {
                    let uncapped = uncapped.map_or_else(|| "—".into(), |v| self.score(v));
                    t.short_shortfall_capped(numbers, &uncapped)
                } else {
                    t.short_shortfall(numbers, &self.score(*deduction))
                };
                t.short_join(&lead, &tail)
            }
            ItemSteps::Met => t.short_met(&base),
            ItemSteps::NotMet { deduction, .. } => {
                t.short_not_met(&entered(*deduction), &self.score(e.earned.score))
            }
            ItemSteps::Preparation { prep } => t.short_prep(&entered(*prep), &base),
            ItemSteps::Pending { target } => {
                let target = target.map(entered);
                t.short_pending(target.as_deref(), &self.score(Decimal::ZERO))
            }
        }
    }

    /// A failed row in a few words (for the veto lines).
    fn failure(self, e: &ItemExplanation) -> String {
        let t = self.t;
        let name = sanitize(&e.name);
        match &e.steps {
            ItemSteps::Short {
                measured,
                shortfall,
                deduction,
                ..
            } => {
                let deducted = self.score(*deduction);
                if e.at_most {
                    t.fail_at_most(&name, &self.pct(*shortfall), &deducted)
                } else {
                    let completion = measured
                        .completion
                        .map_or_else(|| "—".into(), |c| self.pct(c));
                    t.fail_at_least(&name, &completion, &self.pct(*shortfall), &deducted)
                }
            }
            ItemSteps::NotMet { deduction, .. } => t.fail_not_met(&name, &self.score(*deduction)),
            _ => name,
        }
    }

    // ---- a unit ---------------------------------------------------------------------

    fn unit_lines(self, e: &UnitExplanation) -> Vec<String> {
        let t = self.t;
        let s = &e.summary;
        let zero = self.score(Decimal::ZERO);
        let mut lines = vec![t.unit_heading(
            &sanitize(&s.name),
            s.kind,
            &self.score(s.total),
            s.rank,
            s.count,
            s.tied,
        )];

        // 组织实施
        lines.push(t.organization_heading());
        let mut terms = Vec::new();
        for item in &e.organization {
            let name = sanitize(&item.name);
            let max = entered(item.max);
            match item.value {
                Some(value) => {
                    let was = value.changed().then(|| entered(value.exact));
                    let score = self.score(value.score);
                    lines.push(indent(t.org_item(&name, &score, was.as_deref(), &max)));
                    terms.push(score);
                }
                None => {
                    terms.push(zero.clone());
                    lines.push(indent(t.org_item_missing(&name, &max)));
                }
            }
        }
        lines.push(indent(t.org_total(
            sum_expr(&terms).as_deref(),
            &self.score(e.organization_score),
            &entered(e.organization_max),
        )));

        // 群众测评
        let survey_max = entered(e.survey_max);
        lines.push(match e.survey {
            Some(value) => {
                let was = value.changed().then(|| entered(value.exact));
                t.survey(&self.score(e.survey_score), was.as_deref(), &survey_max)
            }
            None => t.survey_missing(&survey_max),
        });

        // 任务完成
        lines.push(t.task_heading());
        let mut area_terms = Vec::new();
        for area in &e.areas {
            let area_name = sanitize(&area.name);
            lines.push(indent(t.area_heading(&area_name, &entered(area.max))));
            let mut row_terms = Vec::new();
            for row in &area.rows {
                let earned = self.score(row.earned.score);
                lines.push(indent2(t.row(
                    &sanitize(&row.name),
                    &earned,
                    &self.item_short(row),
                )));
                row_terms.push(earned);
            }
            lines.push(indent2(t.area_total(
                &area_name,
                sum_expr(&row_terms).as_deref(),
                &self.score(area.subtotal),
            )));
            area_terms.push(self.score(area.subtotal));
        }
        match &e.task {
            TaskSteps::Sum { task, section } => lines.push(indent(t.task_total(
                sum_expr(&area_terms).as_deref(),
                &self.score(*task),
                &entered(*section),
                task > section,
            ))),
            TaskSteps::Scaled {
                earned,
                base,
                rows,
                section,
                task,
            } => {
                lines.push(indent(t.department_earned(
                    sum_expr(&area_terms).as_deref(),
                    &self.score(*earned),
                )));
                lines.push(indent(t.department_base(&entered(*base), *rows)));
                lines.push(indent(match task {
                    Some(task) => {
                        let score = self.score(task.score);
                        let rounded = task.changed().then_some((score.as_str(), self.n.0));
                        t.department_task(
                            &entered(*section),
                            &self.score(*earned),
                            &entered(*base),
                            &self.exact(task.exact),
                            rounded,
                        )
                    }
                    None => t.department_no_rows(),
                }));
            }
        }

        // 处分扣分
        if e.penalties.is_empty() {
            lines.push(t.penalties_none(&zero));
        } else {
            lines.push(t.penalties_heading());
            let mut terms = Vec::new();
            for p in &e.penalties {
                let level = match p.kind {
                    PenaltyKind::Provincial => Some("provincial"),
                    PenaltyKind::Municipal => Some("municipal"),
                    PenaltyKind::Points(_) => None,
                };
                let points = self.score(p.points);
                lines.push(indent(t.penalty(level, &points, &sanitize(&p.note))));
                terms.push(points);
            }
            lines.push(indent(t.penalty_total(
                sum_expr(&terms).as_deref(),
                &self.score(e.penalty_score),
            )));
        }

        // 总分, 名次
        lines.push(t.total(
            &self.score(e.organization_score),
            &self.score(e.survey_score),
            &self.score(e.task_score),
            &self.score(e.penalty_score),
            &self.score(s.total),
        ));
        let tied_with = self.some_list(&e.tied_with);
        lines.push(t.rank(s.rank, s.count, tied_with.as_deref(), &self.score(s.total)));

        // 一票否决, 综合先进, 末位
        if s.failures.is_empty() {
            lines.push(t.not_vetoed(e.pending_rows));
        } else {
            let failures: Vec<String> = s.failures.iter().map(|f| self.failure(f)).collect();
            lines.push(t.vetoed(&t.failures(&failures)));
        }
        lines.push(self.comprehensive_line(&e.comprehensive));
        lines.push(self.last_place_line(&e.last_place));

        // 单项先进
        if let Some(awards) = &e.awards {
            lines.push(t.awards_heading());
            for award in awards {
                lines.push(indent(self.award_line(award)));
            }
        }

        // 待录入
        if let Some(p) = &e.pending {
            let org: Vec<String> = p.organization.iter().map(|n| sanitize(n)).collect();
            let rows: Vec<String> = p.rows.iter().map(|n| sanitize(n)).collect();
            lines.push(t.pending_parts(p.survey, &org, &rows));
        }
        lines
    }

    fn comprehensive_line(self, c: &ComprehensiveSteps) -> String {
        let t = self.t;
        match c {
            ComprehensiveSteps::Yes {
                among,
                eligible,
                places,
                widened,
            } => t.comprehensive_yes(*among as usize, *eligible, *places, *widened),
            ComprehensiveSteps::Vetoed => t.comprehensive_vetoed(),
            ComprehensiveSteps::Zero => t.comprehensive_zero(),
            ComprehensiveSteps::Out {
                among,
                eligible,
                places,
                last_in,
            } => {
                let last = last_in
                    .as_ref()
                    .map(|(names, total)| (self.list(names), self.score(*total)));
                t.comprehensive_out(
                    *among as usize,
                    *eligible,
                    *places,
                    last.as_ref().map(|(n, s)| (n.as_str(), s.as_str())),
                )
            }
        }
    }

    fn last_place_line(self, l: &LastPlaceSteps) -> String {
        let t = self.t;
        match l {
            LastPlaceSteps::Departments => t.last_place_departments(),
            LastPlaceSteps::Off => t.last_place_off(),
            LastPlaceSteps::NobodyVetoed => t.last_place_nobody_vetoed(),
            LastPlaceSteps::Yes {
                total,
                vetoed,
                tied_with,
            } => t.last_place_yes(
                &self.score(*total),
                &self.list(vetoed),
                self.some_list(tied_with).as_deref(),
            ),
            LastPlaceSteps::No { lowest, holders } => {
                t.last_place_no(&self.score(*lowest), &self.list(holders))
            }
        }
    }

    /// Why a unit won a single-item award, or why not.
    fn award_line(self, a: &AwardStep) -> String {
        let t = self.t;
        let name = sanitize(&a.name);
        let terms: Vec<String> = a.terms.iter().map(|v| self.score(*v)).collect();
        let score_text = match sum_expr(&terms) {
            Some(expr) => format!("{expr} = {}", self.score(a.score)),
            None => self.score(a.score),
        };
        let scored =
            |(name, score): (&String, Decimal)| t.named_score(&sanitize(name), &self.score(score));
        let winners: Vec<String> = a.winners.iter().map(|(n, s)| scored((n, *s))).collect();
        let winners_text =
            t.award_winners((!winners.is_empty()).then(|| t.list(&winners)).as_deref());
        match &a.outcome {
            AwardOutcome::Won {
                next,
                widened,
                vetoed,
            } => {
                let next = next.as_ref().map(|(names, score)| {
                    let named: Vec<String> = names.iter().map(|n| scored((n, *score))).collect();
                    t.list(&named)
                });
                t.award_won(&name, &score_text, next.as_deref(), *widened, *vetoed)
            }
            AwardOutcome::Zero => t.award_zero(&name),
            AwardOutcome::Lost { places } => {
                t.award_lost(&name, &score_text, *places, &winners_text)
            }
            AwardOutcome::LeftComprehensive => {
                t.award_left_comprehensive(&name, &score_text, &winners_text)
            }
            AwardOutcome::LeftVetoed => t.award_left_vetoed(&name, &score_text, &winners_text),
        }
    }

    fn unit_short(self, s: &UnitSummary) -> String {
        let t = self.t;
        let name = sanitize(&s.name);
        let mut line = if s.failures.is_empty() {
            let standing = StandingText {
                name: &name,
                rank: s.rank,
                count: s.count,
                tied: s.tied,
                among: s.rank_eligible.unwrap_or_default() as usize,
                eligible: s.eligible,
                places: s.places,
            };
            if s.comprehensive {
                t.unit_short_comprehensive(standing)
            } else {
                t.unit_short_plain(standing)
            }
        } else {
            let failures: Vec<String> = s.failures.iter().map(|f| self.failure(f)).collect();
            let all = t.unit_short_vetoed(&name, &t.failures(&failures));
            if failures.len() > 1 && width(&all) > SHORT_WIDTH {
                t.unit_short_vetoed(&name, &t.and_more(&failures[0], failures.len() - 1))
            } else {
                all
            }
        };
        if s.last_place {
            line.push_str(&t.unit_short_last_place());
        }
        if !s.awards.is_empty() {
            let names: Vec<String> = s.awards.iter().map(|n| sanitize(n)).collect();
            let by_name = t.unit_short_awards(&names, true);
            let fits = width(&line) + width(&by_name) <= SHORT_WIDTH;
            line.push_str(&if fits {
                by_name
            } else {
                t.unit_short_awards(&names, false)
            });
        }
        if s.pending {
            line.push_str(&t.unit_short_pending());
        }
        line
    }
}

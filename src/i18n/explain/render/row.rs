//! One row's explanation in words: in full ([`super::item_lines`]), in one line
//! ([`super::item_short`]), and as a failure in a few words (for the veto lines).

use super::Words;
use crate::explain::{BonusSteps, Cap, ItemExplanation, ItemSteps, Measured, Over, Rounded};
use crate::i18n::explain::StepsText;
use crate::i18n::numbers::{entered, plain};
use crate::i18n::percent;
use crate::project::ShortfallMode;
use crate::scoring::Fraction;
use crate::text::sanitize;
use rust_decimal::Decimal;

/// The columns a one-line explanation may take: a status line at 80 columns, less its
/// margins.
pub const STATUS_WIDTH: usize = 78;

impl Words {
    /// How far an `at_most` row's actual is from its ceiling, as a reader says it: in
    /// percentage points for a rate (`0.6 个百分点`), else in the unit of measure.
    fn gap(self, e: &ItemExplanation, m: &Measured) -> String {
        let gap = entered((m.target - m.actual).abs());
        match e.measure.as_deref() {
            Some("%") => self.t.points(&gap),
            measure => self.t.common().qty(&gap, measure.map(sanitize).as_deref()),
        }
    }

    /// The line with target, actual and the deviation `d` (signed, good direction).
    fn measured(self, e: &ItemExplanation, m: &Measured) -> String {
        let measure = e.measure.as_deref().map(sanitize);
        let (t, a) = (entered(m.target), entered(m.actual));
        if e.at_most {
            self.t.measured_at_most(
                &t,
                &a,
                measure.as_deref(),
                &self.gap(e, m),
                &self.pct(m.deviation.abs()),
                m.deviation >= Decimal::ZERO,
            )
        } else {
            self.t
                .measured_at_least(&t, &a, measure.as_deref(), &self.completion(m))
        }
    }

    /// The completion `A / T` of a measured row.
    fn completion(self, m: &Measured) -> String {
        m.completion.map_or_else(|| "—".into(), |c| self.pct(c))
    }

    /// The measured part of a one-line explanation: the actual and its completion (or its
    /// distance from the ceiling), or (`compact`) the actual alone (beside the ceiling).
    fn short_lead(self, e: &ItemExplanation, m: &Measured, compact: bool) -> String {
        if e.at_most {
            let measure = e.measure.as_deref().map(sanitize);
            let qty = |v| self.t.common().qty(&entered(v), measure.as_deref());
            if compact {
                return self.t.short_actual_ceiling(&qty(m.actual), &qty(m.target));
            }
            self.t.short_at_most(
                &qty(m.actual),
                &qty(m.target),
                &self.gap(e, m),
                m.deviation >= Decimal::ZERO,
            )
        } else if compact {
            self.t.short_actual(&entered(m.actual))
        } else {
            self.t
                .short_at_least(&entered(m.actual), &self.completion(m))
        }
    }

    /// A one-line explanation that fits a status line ([`STATUS_WIDTH`]): the measured
    /// part in full, else compact, else left out (the row shows it in its columns).
    fn short_fitted(self, e: &ItemExplanation, m: &Measured, tail: &str) -> String {
        let full = self.t.short_join(&self.short_lead(e, m, false), tail);
        if crate::text::width(&full) <= STATUS_WIDTH {
            return full;
        }
        let compact = self.t.short_join(&self.short_lead(e, m, true), tail);
        if crate::text::width(&compact) <= STATUS_WIDTH {
            return compact;
        }
        tail.to_string()
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

    pub(super) fn item_lines(self, e: &ItemExplanation) -> Vec<String> {
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
        if let Some(sum) = &e.sum {
            let waiting: Vec<String> = sum.waiting.iter().map(|n| sanitize(n)).collect();
            lines.push(if waiting.is_empty() {
                let names: Vec<String> = sum.units.iter().map(|n| sanitize(n)).collect();
                t.summed(names.len(), &self.list(&names))
            } else {
                t.summed_waiting(&self.list(&waiting))
            });
        }
        match &e.steps {
            ItemSteps::Completed {
                measured,
                over,
                extra,
            } => {
                lines.push(self.measured(e, measured));
                self.completed_lines(e, *over, extra, &mut lines);
            }
            ItemSteps::Short { measured, .. } => {
                lines.push(self.measured(e, measured));
                self.shortfall_lines(e, &mut lines);
                lines.push(t.vetoes(&sanitize(&e.unit_name)));
            }
            ItemSteps::Met => {
                lines.push(t.met());
                lines.push(t.earned_base(&base, &earned));
            }
            ItemSteps::NotMet { deduction, cap } => {
                let d = entered(*deduction);
                let has = *deduction > Decimal::ZERO;
                lines.push(t.not_met(
                    has.then_some(d.as_str()),
                    &percent(cap.share),
                    &base,
                    &self.cap(cap),
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

    /// The cap of a deduction, or `—` when too large to compute.
    fn cap(self, cap: &Cap) -> String {
        cap.value.map_or_else(|| "—".into(), |c| self.exact(c))
    }

    /// A completed row: met exactly, exceeded without a bonus, or the bonus.
    fn completed_lines(
        self,
        e: &ItemExplanation,
        over: Fraction,
        extra: &Over,
        lines: &mut Vec<String>,
    ) {
        let t = self.t;
        let base = entered(e.base);
        let earned = self.score(e.earned.score);
        let over_pct = self.frac_pct(over);
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
            Over::NoDepartmentBonus => {
                lines.push(t.no_department_bonus(&over_pct));
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
                    let names: Vec<String> = b.best_units.iter().map(|(_, n)| n.clone()).collect();
                    lines.push(t.over_vs_best(&over_pct, &best_pct, &self.list(&names)));
                    let unrounded = self.unrounded_shares(over, b);
                    lines.push(t.bonus_calc(
                        &over_pct,
                        &best_pct,
                        unrounded.as_deref(),
                        &share,
                        &base,
                        &bonus_text,
                    ));
                }
                let expr = format!("{base} + {bonus_text}");
                lines.push(self.earned_line(&expr, e.earned));
            }
        }
    }

    /// `o` and `o_max` as a one-line bonus shows them: cut to two decimals, or to four
    /// when the two-decimal figures, fed to `base × share × o ÷ o_max`, would round to
    /// another bonus than the rule's (a calculator must get the shown result).
    fn checkable_shares(self, base: Decimal, over: Fraction, b: &BonusSteps) -> (String, String) {
        let t = self.t;
        let (Some(o), Some(top)) = (over.value(), b.top.value()) else {
            return (self.frac_pct(over), self.frac_pct(b.top));
        };
        let cut = |v: Decimal| {
            v.checked_mul(Decimal::ONE_HUNDRED)
                .map(|p| p.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero))
        };
        let agrees = match (cut(o), cut(top)) {
            (Some(co), Some(ct)) if !ct.is_zero() => base
                .checked_mul(b.share)
                .and_then(|x| x.checked_mul(co))
                .and_then(|x| x.checked_div(ct))
                .is_some_and(|v| self.score(v) == self.score(b.bonus)),
            _ => false,
        };
        if agrees {
            (t.percent_shown(o), t.percent_shown(top))
        } else {
            let more = |v| t.percent_more(v).unwrap_or_else(|| t.percent_shown(v));
            (more(o), more(top))
        }
    }

    /// `o / o_max` with more places, when one decimal rounds either.
    fn unrounded_shares(self, over: Fraction, b: &BonusSteps) -> Option<String> {
        let t = self.t;
        match (over.value(), b.top.value()) {
            (Some(o), Some(b)) if t.percent_more(o).is_some() || t.percent_more(b).is_some() => {
                let more = |v| t.percent_more(v).unwrap_or_else(|| t.percent_shown(v));
                Some(format!("{} / {}", more(o), more(b)))
            }
            _ => None,
        }
    }

    /// A shortfall: its steps, the deduction (or the cap) and the earned score.
    fn shortfall_lines(self, e: &ItemExplanation, lines: &mut Vec<String>) {
        let ItemSteps::Short {
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
            ..
        } = &e.steps
        else {
            return;
        };
        let t = self.t;
        let base = entered(e.base);
        let (short, step, rate) = (self.pct(*shortfall), percent(*step), percent(*rate));
        let cap_share = percent(cap.share);
        let cap_text = self.cap(cap);
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
        let uncapped = capped.then_some(uncapped_text.as_str());
        let deducted = self.exact(*deduction);
        if *mode == ShortfallMode::Proportional {
            lines.push(t.shortfall_prop(numbers, &deducted, uncapped));
        } else {
            let exact = exact_steps.map_or_else(|| "—".into(), plain);
            let ceil = *mode == ShortfallMode::StartedSteps;
            lines.push(t.steps_counted(numbers, &exact, ceil));
            lines.push(t.steps_deduction(numbers, &deducted, uncapped));
        }
        let expr = format!("{base} − {deducted}");
        lines.push(self.earned_line(&expr, e.earned));
    }

    pub(super) fn item_short(self, e: &ItemExplanation) -> String {
        let t = self.t;
        let base = entered(e.base);
        match &e.steps {
            ItemSteps::Completed {
                measured,
                over,
                extra,
            } => {
                let over_pct = self.frac_pct(*over);
                let tail = match extra {
                    Over::Exactly => t.short_exact(&base),
                    Over::NoBonus => {
                        let by = (!e.at_most).then_some(over_pct.as_str());
                        t.short_no_bonus(by, &base)
                    }
                    Over::NoDepartmentBonus => t.short_no_department_bonus(&over_pct, &base),
                    Over::Bonus(b) => {
                        let share = percent(b.share);
                        let bonus = self.score(b.bonus);
                        if b.best {
                            t.short_best(&over_pct, &share, &base, &bonus)
                        } else {
                            let (over_shown, top_shown) = self.checkable_shares(e.base, *over, b);
                            t.short_bonus(&over_shown, &top_shown, &share, &base, &bonus)
                        }
                    }
                };
                self.short_fitted(e, measured, &tail)
            }
            ItemSteps::Short {
                measured,
                shortfall,
                step,
                rate,
                mode,
                uncapped,
                deduction,
                capped,
                ..
            } => {
                let (short, step, rate) = (self.pct(*shortfall), percent(*step), percent(*rate));
                // The steps as a calculator takes them: `5.0% ÷ 2%`, whole (`⌊…⌋`) or
                // started (`⌈…⌉`) steps marked.
                let bare = self
                    .t
                    .percent_more(*shortfall)
                    .unwrap_or_else(|| short.clone());
                let steps_text = match mode {
                    ShortfallMode::Proportional => format!("{bare} ÷ {step}"),
                    ShortfallMode::FullSteps => format!("⌊{bare} ÷ {step}⌋"),
                    ShortfallMode::StartedSteps => format!("⌈{bare} ÷ {step}⌉"),
                };
                let cap = self.exact(*deduction);
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
                let uncapped = uncapped.map_or_else(|| "—".into(), |v| self.exact(v));
                let uncapped = capped.then_some(uncapped.as_str());
                // The deduction exactly: base − it, rounded, is the score shown.
                let tail = t.short_shortfall(numbers, &self.exact(*deduction), uncapped);
                self.short_fitted(e, measured, &tail)
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
    pub(super) fn failure(self, e: &ItemExplanation) -> String {
        let t = self.t;
        let name = sanitize(&e.name);
        match &e.steps {
            ItemSteps::Short {
                measured,
                shortfall,
                deduction,
                ..
            } => {
                let deducted = self.exact(*deduction);
                if e.at_most {
                    t.fail_at_most(&name, &self.gap(e, measured), &deducted)
                } else {
                    let completion = self.completion(measured);
                    t.fail_at_least(&name, &completion, &self.pct(*shortfall), &deducted)
                }
            }
            ItemSteps::NotMet { deduction, .. } => t.fail_not_met(&name, &self.score(*deduction)),
            _ => name,
        }
    }
}

//! Explanations: every number of a unit's total with the rule of SPEC §3 and the
//! arithmetic behind it, so that the evaluator can defend each one in a meeting.
//!
//! Read-only over a [`Scoreboard`]: nothing is scored again here except the few
//! intermediate values a scoreboard does not keep (the uncapped deduction, the exact steps
//! before `floor`/`ceil`, a department's unrounded task), each computed from the same
//! exact inputs. Only numbers and structure live in this file; every sentence is an
//! [`ExplainText`] function (`src/i18n/explain.rs`).
//!
//! Numbers: scores with the project's `score_decimals` places ([`score_text`]); values
//! that were entered (target, actual, base, a case-by-case deduction) as written;
//! computed values that need more places than a score (a bonus of `0.4666…`) with up to
//! two more, cut with `…` beyond; measured shares (completion, shortfall,
//! over-completion) with one decimal; policy shares with [`percent`]. A half-up rounding
//! is shown (`4.405 → 4.41`) wherever it changed a number.

use crate::i18n::{BonusText, ExplainText, Lang, StandingText, StepsText, percent};
use crate::project::{Award, Direction, Indicator, PenaltyKind, Project, Row, ShortfallMode};
use crate::project::{UnitKind, UnitScores};
use crate::scoring::score_text;
use crate::scoring::{Fraction, ItemResult, Outcome, Scoreboard, UnitResult, round_score};
use crate::text::{sanitize, width};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::HashSet;

/// The lines explaining one row's earned score: what the indicator is, the rule applied
/// and its arithmetic with the actual numbers. `None` when the unit (or department) is
/// not on the board or is not scored on the indicator.
pub fn explain_item(
    project: &Project,
    board: &Scoreboard,
    unit: &str,
    indicator: &str,
    lang: Lang,
) -> Option<Vec<String>> {
    let cx = Ctx::new(project, board, lang);
    let (u, ind, item) = cx.row(unit, indicator)?;
    Some(cx.item_lines(u, ind, item))
}

/// One row's earned score in one line, for a status bar:
/// `实际值 950 → 完成率 95.0%，差 5.0% = 2.5 个 2% × 5% × 4 = 扣 0.50 分`.
pub fn explain_item_short(
    project: &Project,
    board: &Scoreboard,
    unit: &str,
    indicator: &str,
    lang: Lang,
) -> Option<String> {
    let cx = Ctx::new(project, board, lang);
    let (u, ind, item) = cx.row(unit, indicator)?;
    Some(cx.item_short(u, ind, item))
}

/// A unit's (or department's) whole total: organisation, survey, every row by area,
/// task, penalties, the total, its rank, veto, comprehensive advanced, last place,
/// single-item awards and what is still pending — each with its reason.
pub fn explain_unit(
    project: &Project,
    board: &Scoreboard,
    unit: &str,
    lang: Lang,
) -> Option<Vec<String>> {
    let cx = Ctx::new(project, board, lang);
    let u = board.find(unit)?;
    Some(cx.unit_lines(u))
}

/// A unit's standing in one line, for the ranking pane:
/// `北岭县 vetoed: 城镇新增就业 95.0% of target (shortfall 5.0% → −0.50)`.
pub fn explain_unit_short(
    project: &Project,
    board: &Scoreboard,
    unit: &str,
    lang: Lang,
) -> Option<String> {
    let cx = Ctx::new(project, board, lang);
    let u = board.find(unit)?;
    Some(cx.unit_short(u))
}

/// The width a one-line explanation aims to fit (an 80-column status line). Longer
/// parts are shortened: several failures to the first and a count, award names to a
/// count.
const SHORT_WIDTH: usize = 76;

/// Indentation of the parts of a unit's explanation.
const INDENT: &str = "  ";

/// What every explanation needs at hand.
struct Ctx<'a> {
    project: &'a Project,
    board: &'a Scoreboard,
    t: ExplainText,
    places: u32,
}

/// A value as it was entered (or declared): `0.80` → `0.8`, `1000` → `1000`.
fn entered(v: Decimal) -> String {
    v.normalize().to_string()
}

/// A count of steps: exact up to 4 places, else cut with `…`.
fn plain(v: Decimal) -> String {
    cut(v, 4)
}

/// `v` exactly when it has at most `places` decimals, else cut to `places` with `…`.
fn cut(v: Decimal, places: u32) -> String {
    let n = v.normalize();
    if n.scale() <= places {
        n.to_string()
    } else {
        let mut c = v.round_dp_with_strategy(places, RoundingStrategy::ToZero);
        c.rescale(places);
        format!("{c}…")
    }
}

/// Terms joined as a sum, or `None` for a single term (nothing to add up).
fn sum_expr(terms: &[String]) -> Option<String> {
    (terms.len() > 1).then(|| terms.join(" + "))
}

/// `a == b` for two exact fractions (positive denominators), by cross-multiplication.
fn same(a: Fraction, b: Fraction) -> bool {
    match (a.num.checked_mul(b.den), b.num.checked_mul(a.den)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

fn indent(line: String) -> String {
    format!("{INDENT}{line}")
}

fn indent2(line: String) -> String {
    format!("{INDENT}{INDENT}{line}")
}

impl<'a> Ctx<'a> {
    fn new(project: &'a Project, board: &'a Scoreboard, lang: Lang) -> Self {
        Ctx {
            project,
            board,
            t: ExplainText(lang),
            places: project.policy.score_decimals,
        }
    }

    /// A score with `score_decimals` places.
    fn score(&self, v: Decimal) -> String {
        score_text(v, self.places)
    }

    /// A computed value: like a score when it has no more places, else exactly with up
    /// to two more, else cut with `…` (`0.4666…`).
    fn exact(&self, v: Decimal) -> String {
        if v.normalize().scale() <= self.places {
            self.score(v)
        } else {
            cut(v, self.places + 2)
        }
    }

    /// Whether rounding `v` to `score_decimals` changes it.
    fn rounds(&self, v: Decimal) -> bool {
        v.normalize().scale() > self.places
    }

    fn pct(&self, share: Decimal) -> String {
        self.t.percent1(share)
    }

    fn frac_pct(&self, f: Fraction) -> String {
        f.value().map_or_else(|| "—".into(), |v| self.pct(v))
    }

    fn name_of(&self, id: &str) -> String {
        sanitize(self.project.name_of(id))
    }

    fn indicator_name(&self, id: &str) -> String {
        sanitize(self.project.indicator(id).map_or(id, |i| i.name.as_str()))
    }

    fn sheet(&self, unit: &str) -> Option<&'a UnitScores> {
        self.project.scores.get(unit)
    }

    /// The ranking group of a unit: counties and the zone, or the departments.
    fn group(&self, u: &UnitResult) -> &'a [UnitResult] {
        if u.kind == UnitKind::Department {
            &self.board.departments
        } else {
            &self.board.units
        }
    }

    fn row(
        &self,
        unit: &str,
        indicator: &str,
    ) -> Option<(&'a UnitResult, &'a Indicator, &'a ItemResult)> {
        let u = self.board.find(unit)?;
        let item = u.item(indicator)?;
        let ind = self.project.indicator(indicator)?;
        Some((u, ind, item))
    }

    /// Names of the units of `group` that satisfy `pred`, as a list.
    fn names(&self, group: &[UnitResult], pred: impl Fn(&UnitResult) -> bool) -> Vec<String> {
        group
            .iter()
            .filter(|g| pred(g))
            .map(|g| sanitize(&g.name))
            .collect()
    }

    // ---- one row --------------------------------------------------------------------

    /// The line with target, actual and the deviation `d` (signed, good direction).
    fn measured(&self, ind: &Indicator, target: Decimal, actual: Decimal, d: Decimal) -> String {
        let measure = ind.measure.as_deref().map(sanitize);
        let (t, a) = (entered(target), entered(actual));
        match ind.direction {
            Direction::AtLeast => {
                let completion = actual
                    .checked_div(target)
                    .map_or_else(|| "—".into(), |c| self.pct(c));
                self.t
                    .measured_at_least(&t, &a, measure.as_deref(), &completion)
            }
            Direction::AtMost => self.t.measured_at_most(
                &t,
                &a,
                measure.as_deref(),
                &self.pct(d.abs()),
                d >= Decimal::ZERO,
            ),
        }
    }

    /// The measured part of a one-line explanation.
    fn short_lead(&self, ind: &Indicator, target: Decimal, actual: Decimal, d: Decimal) -> String {
        match ind.direction {
            Direction::AtLeast => {
                let completion = actual
                    .checked_div(target)
                    .map_or_else(|| "—".into(), |c| self.pct(c));
                self.t.short_at_least(&entered(actual), &completion)
            }
            Direction::AtMost => self.t.short_at_most(
                &entered(actual),
                &entered(target),
                &self.pct(d.abs()),
                d >= Decimal::ZERO,
            ),
        }
    }

    /// `earned <expr> = <value>`, with the half-up rounding when it changed the value.
    fn earned_line(&self, expr: &str, exact: Option<Decimal>, earned: Decimal) -> String {
        match exact {
            Some(x) if self.rounds(x) => {
                self.t
                    .earned_rounded(expr, &self.exact(x), &self.score(earned), self.places)
            }
            _ => self.t.earned(expr, &self.score(earned)),
        }
    }

    /// The units of the group whose over-completion on `ind` is the group's best.
    fn best_units(&self, u: &UnitResult, ind: &Indicator, top: Fraction) -> Vec<(String, String)> {
        self.group(u)
            .iter()
            .filter(|g| {
                g.item(&ind.id).is_some_and(
                    |i| matches!(i.outcome, Outcome::Completed { over, .. } if same(over, top)),
                )
            })
            .map(|g| (g.id.clone(), sanitize(&g.name)))
            .collect()
    }

    /// The numbers of a shortfall that a scoreboard does not keep: the exact steps
    /// before `floor`/`ceil`, and the deduction before the cap (of the `counted` steps in
    /// the whole-step modes), each computed as one division like the scoring.
    fn shortfall_numbers(
        &self,
        base: Decimal,
        target: Decimal,
        actual: Decimal,
        counted: Decimal,
    ) -> (Option<Decimal>, Option<Decimal>) {
        let policy = &self.project.policy;
        let gap = (actual - target).abs();
        let den = target.checked_mul(policy.shortfall_step);
        let exact_steps = den.and_then(|den| gap.checked_div(den));
        let uncapped = match policy.shortfall_mode {
            ShortfallMode::Proportional => gap
                .checked_mul(policy.shortfall_rate)
                .and_then(|n| n.checked_mul(base))
                .and_then(|n| den.and_then(|den| n.checked_div(den))),
            ShortfallMode::FullSteps | ShortfallMode::StartedSteps => counted
                .checked_mul(policy.shortfall_rate)
                .and_then(|n| n.checked_mul(base)),
        };
        (exact_steps, uncapped)
    }

    fn item_lines(&self, u: &UnitResult, ind: &Indicator, item: &ItemResult) -> Vec<String> {
        let t = self.t;
        let policy = &self.project.policy;
        let base = entered(item.base);
        let area = self
            .project
            .area(&ind.area)
            .map_or_else(|| sanitize(&ind.area), |a| sanitize(&a.name));
        let mut lines = vec![t.item_heading(
            &sanitize(&ind.name),
            &area,
            &base,
            ind.bonus,
            ind.direction == Direction::AtMost,
        )];
        let earned = self.score(item.earned);
        let cap = policy.deduction_cap.checked_mul(item.base);
        let cap_text = cap.map_or_else(|| "—".into(), |c| self.exact(c));
        let cap_share = percent(policy.deduction_cap);
        match item.outcome {
            Outcome::Completed {
                target,
                actual,
                over,
                top_over,
                bonus,
                bonus_indicator,
                ..
            } => {
                let d = over.value().unwrap_or_default();
                lines.push(self.measured(ind, target, actual, d));
                let over_pct = self.frac_pct(over);
                if over.num <= Decimal::ZERO {
                    if bonus_indicator {
                        lines.push(t.met_exactly());
                    }
                    lines.push(t.earned_base(&base, &earned));
                } else if !bonus_indicator {
                    let by = (ind.direction == Direction::AtLeast).then_some(over_pct.as_str());
                    lines.push(t.exceeded_no_bonus(by));
                    lines.push(t.earned_base(&base, &earned));
                } else {
                    let share = percent(policy.bonus_share);
                    let bonus_text = self.exact(bonus);
                    let best = self.best_units(u, ind, top_over);
                    if same(over, top_over) {
                        let others: Vec<String> = best
                            .into_iter()
                            .filter(|(id, _)| *id != u.id)
                            .map(|(_, n)| n)
                            .collect();
                        let others = (!others.is_empty()).then(|| t.list(&others));
                        lines.push(t.over_is_best(&over_pct, others.as_deref()));
                        lines.push(t.bonus_top(&share, &base, &bonus_text));
                    } else {
                        let best_pct = self.frac_pct(top_over);
                        let names: Vec<String> = best.into_iter().map(|(_, n)| n).collect();
                        lines.push(t.over_vs_best(&over_pct, &best_pct, &t.list(&names)));
                        let (o, b) = (over.value(), top_over.value());
                        let unrounded = match (o, b) {
                            (Some(o), Some(b))
                                if t.percent_more(o).is_some() || t.percent_more(b).is_some() =>
                            {
                                let more = |v| t.percent_more(v).unwrap_or_else(|| t.percent1(v));
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
                    lines.push(self.earned_line(&expr, item.base.checked_add(bonus), item.earned));
                }
            }
            Outcome::Short {
                target,
                actual,
                shortfall,
                steps,
                deduction,
                capped,
                ..
            } => {
                lines.push(self.measured(ind, target, actual, -shortfall));
                let (exact_steps, uncapped) =
                    self.shortfall_numbers(item.base, target, actual, steps);
                let (short, step, rate) = (
                    self.pct(shortfall),
                    percent(policy.shortfall_step),
                    percent(policy.shortfall_rate),
                );
                let steps_text = plain(steps);
                let more = t.percent_more(shortfall);
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
                let deducted = self.exact(deduction);
                match policy.shortfall_mode {
                    ShortfallMode::Proportional if capped => {
                        lines.push(t.shortfall_prop_capped(numbers, &uncapped_text))
                    }
                    ShortfallMode::Proportional => lines.push(t.shortfall_prop(numbers, &deducted)),
                    mode => {
                        let exact = exact_steps.map_or_else(|| "—".into(), plain);
                        let ceil = mode == ShortfallMode::StartedSteps;
                        lines.push(t.steps_counted(numbers, &exact, ceil));
                        lines.push(if capped {
                            t.steps_deduction_capped(numbers, &uncapped_text)
                        } else {
                            t.steps_deduction(numbers, &deducted)
                        });
                    }
                }
                let expr = format!("{base} − {deducted}");
                lines.push(self.earned_line(&expr, item.base.checked_sub(deduction), item.earned));
                lines.push(t.vetoes(&sanitize(&u.name)));
            }
            Outcome::Met => {
                lines.push(t.met());
                lines.push(t.earned_base(&base, &earned));
            }
            Outcome::NotMet { deduction } => {
                let d = entered(deduction);
                let has = deduction > Decimal::ZERO;
                lines.push(t.not_met(has.then_some(d.as_str()), &cap_share, &base, &cap_text));
                if has {
                    let expr = format!("{base} − {d}");
                    lines.push(self.earned_line(
                        &expr,
                        item.base.checked_sub(deduction),
                        item.earned,
                    ));
                } else {
                    lines.push(t.earned_base(&base, &earned));
                }
                lines.push(t.vetoes(&sanitize(&u.name)));
            }
            Outcome::Preparation { prep } => {
                lines.push(t.preparation(&entered(prep), &base));
                lines.push(if self.rounds(prep) {
                    t.prep_earned(&entered(prep), Some((&earned, self.places)))
                } else {
                    t.prep_earned(&earned, None)
                });
            }
            Outcome::Pending => {
                let target = self.pending_target(&u.id, &ind.id);
                lines.push(t.pending(target.as_deref(), &self.score(Decimal::ZERO)));
            }
        }
        if u.kind == UnitKind::Department {
            lines.push(t.department_note(&entered(self.project.sections.task)));
        }
        lines
    }

    /// The target of a pending quantitative row, when one was entered.
    fn pending_target(&self, unit: &str, indicator: &str) -> Option<String> {
        match self.sheet(unit)?.indicators.get(indicator)? {
            Row::Quantitative {
                target: Some(t), ..
            } => Some(entered(*t)),
            _ => None,
        }
    }

    fn item_short(&self, u: &UnitResult, ind: &Indicator, item: &ItemResult) -> String {
        let t = self.t;
        let policy = &self.project.policy;
        let base = entered(item.base);
        match item.outcome {
            Outcome::Completed {
                target,
                actual,
                over,
                top_over,
                bonus,
                bonus_indicator,
                ..
            } => {
                let lead = self.short_lead(ind, target, actual, over.value().unwrap_or_default());
                let over_pct = self.frac_pct(over);
                let tail = if over.num <= Decimal::ZERO {
                    t.short_exact(&base)
                } else if !bonus_indicator {
                    let by = (ind.direction == Direction::AtLeast).then_some(over_pct.as_str());
                    t.short_no_bonus(by, &base)
                } else {
                    let share = percent(policy.bonus_share);
                    let bonus = self.score(bonus);
                    if same(over, top_over) {
                        t.short_best(&over_pct, &share, &base, &bonus)
                    } else {
                        t.short_bonus(BonusText {
                            over: &over_pct,
                            best: &self.frac_pct(top_over),
                            unrounded: None,
                            share: &share,
                            base: &base,
                            bonus: &bonus,
                        })
                    }
                };
                t.short_join(&lead, &tail)
            }
            Outcome::Short {
                target,
                actual,
                shortfall,
                steps,
                deduction,
                capped,
                ..
            } => {
                let lead = self.short_lead(ind, target, actual, -shortfall);
                let (exact_steps, uncapped) =
                    self.shortfall_numbers(item.base, target, actual, steps);
                let steps_text = match policy.shortfall_mode {
                    ShortfallMode::Proportional => plain(steps),
                    _ => format!(
                        "{}→{}",
                        exact_steps.map_or_else(|| "—".into(), plain),
                        plain(steps)
                    ),
                };
                let (short, step, rate) = (
                    self.pct(shortfall),
                    percent(policy.shortfall_step),
                    percent(policy.shortfall_rate),
                );
                let cap = self.score(deduction);
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
                let tail = if capped {
                    let uncapped = uncapped.map_or_else(|| "—".into(), |v| self.score(v));
                    t.short_shortfall_capped(numbers, &uncapped)
                } else {
                    t.short_shortfall(numbers, &self.score(deduction))
                };
                t.short_join(&lead, &tail)
            }
            Outcome::Met => t.short_met(&base),
            Outcome::NotMet { deduction } => {
                t.short_not_met(&entered(deduction), &self.score(item.earned))
            }
            Outcome::Preparation { prep } => t.short_prep(&entered(prep), &base),
            Outcome::Pending => {
                let target = self.pending_target(&u.id, &ind.id);
                t.short_pending(target.as_deref(), &self.score(Decimal::ZERO))
            }
        }
    }

    /// A failed row in a few words (for the veto lines).
    fn failure(&self, u: &UnitResult, indicator: &str) -> String {
        let t = self.t;
        let name = self.indicator_name(indicator);
        let at_most = self
            .project
            .indicator(indicator)
            .is_some_and(|i| i.direction == Direction::AtMost);
        match u.item(indicator).map(|i| &i.outcome) {
            Some(Outcome::Short {
                target,
                actual,
                shortfall,
                deduction,
                ..
            }) => {
                let deducted = self.score(*deduction);
                if at_most {
                    t.fail_at_most(&name, &self.pct(*shortfall), &deducted)
                } else {
                    let completion = actual
                        .checked_div(*target)
                        .map_or_else(|| "—".into(), |c| self.pct(c));
                    t.fail_at_least(&name, &completion, &self.pct(*shortfall), &deducted)
                }
            }
            Some(Outcome::NotMet { deduction }) => t.fail_not_met(&name, &self.score(*deduction)),
            _ => name,
        }
    }

    // ---- a unit ---------------------------------------------------------------------

    /// Where a unit stands among the units of its group that are not vetoed.
    fn standing(&self, u: &UnitResult) -> (usize, usize, u32) {
        let group = self.group(u);
        let policy = &self.project.policy;
        let places = if u.kind == UnitKind::Department {
            policy.department_awards
        } else {
            policy.comprehensive_awards
        };
        let eligible: Vec<&UnitResult> = group.iter().filter(|g| !g.vetoed()).collect();
        let among = 1 + eligible.iter().filter(|g| g.total > u.total).count();
        (among, eligible.len(), places)
    }

    fn unit_lines(&self, u: &UnitResult) -> Vec<String> {
        let t = self.t;
        let project = self.project;
        let group = self.group(u);
        let sheet = self.sheet(&u.id);
        let zero = self.score(Decimal::ZERO);
        let mut lines = vec![t.unit_heading(
            &sanitize(&u.name),
            u.kind,
            &self.score(u.total),
            u.rank,
            group.len(),
            u.tied,
        )];

        // 组织实施
        lines.push(t.organization_heading());
        let mut terms = Vec::new();
        for item in &project.organization {
            let name = sanitize(&item.name);
            let max = entered(item.max);
            match sheet.and_then(|s| s.organization.get(&item.id)) {
                Some(&value) => {
                    let rounded = round_score(value, &project.policy);
                    let was = self.rounds(value).then(|| entered(value));
                    terms.push(self.score(rounded));
                    lines.push(indent(t.org_item(
                        &name,
                        &self.score(rounded),
                        was.as_deref(),
                        &max,
                    )));
                }
                None => {
                    terms.push(zero.clone());
                    lines.push(indent(t.org_item_missing(&name, &max)));
                }
            }
        }
        lines.push(indent(t.org_total(
            sum_expr(&terms).as_deref(),
            &self.score(u.organization),
            &entered(project.organization_max()),
        )));

        // 群众测评
        let survey_max = entered(project.sections.survey);
        lines.push(match sheet.and_then(|s| s.survey) {
            Some(value) => {
                let was = self.rounds(value).then(|| entered(value));
                t.survey(&self.score(u.survey), was.as_deref(), &survey_max)
            }
            None => t.survey_missing(&survey_max),
        });

        // 任务完成
        lines.push(t.task_heading());
        let mut area_terms = Vec::new();
        for area in &project.areas {
            let rows: Vec<(&ItemResult, &Indicator)> = u
                .items
                .iter()
                .filter_map(|i| {
                    project
                        .indicator(&i.indicator)
                        .filter(|ind| ind.area == area.id)
                        .map(|ind| (i, ind))
                })
                .collect();
            if rows.is_empty() {
                continue;
            }
            let area_name = sanitize(&area.name);
            lines.push(indent(t.area_heading(&area_name, &entered(area.max))));
            let mut row_terms = Vec::new();
            for (item, ind) in &rows {
                let short = self.item_short(u, ind, item);
                lines.push(indent2(t.row(
                    &sanitize(&ind.name),
                    &self.score(item.earned),
                    &short,
                )));
                row_terms.push(self.score(item.earned));
            }
            let subtotal = u.areas.get(&area.id).copied().unwrap_or_default();
            lines.push(indent2(t.area_total(
                &area_name,
                sum_expr(&row_terms).as_deref(),
                &self.score(subtotal),
            )));
            area_terms.push(self.score(subtotal));
        }
        let section = project.sections.task;
        if u.kind == UnitKind::Department {
            lines.push(indent(t.department_earned(
                sum_expr(&area_terms).as_deref(),
                &self.score(u.task_earned),
            )));
            lines.push(indent(
                t.department_base(&entered(u.task_base), u.items.len()),
            ));
            let exact = section
                .checked_mul(u.task_earned)
                .and_then(|n| n.checked_div(u.task_base));
            lines.push(indent(match exact {
                Some(exact) if u.task_base > Decimal::ZERO => {
                    let task = self.score(u.task);
                    let rounded = self.rounds(exact).then_some((task.as_str(), self.places));
                    t.department_task(
                        &entered(section),
                        &self.score(u.task_earned),
                        &entered(u.task_base),
                        &self.exact(exact),
                        rounded,
                    )
                }
                _ => t.department_no_rows(),
            }));
        } else {
            lines.push(indent(t.task_total(
                sum_expr(&area_terms).as_deref(),
                &self.score(u.task),
                &entered(section),
                u.task > section,
            )));
        }

        // 处分扣分
        let penalties = sheet.map(|s| s.penalties.as_slice()).unwrap_or_default();
        if penalties.is_empty() {
            lines.push(t.penalties_none(&zero));
        } else {
            lines.push(t.penalties_heading());
            let policy = &project.policy;
            let mut terms = Vec::new();
            for p in penalties {
                let (level, points) = match p.kind {
                    PenaltyKind::Provincial => (Some("provincial"), policy.penalty_provincial),
                    PenaltyKind::Municipal => (Some("municipal"), policy.penalty_municipal),
                    PenaltyKind::Points(points) => (None, points),
                };
                let points = self.score(round_score(points, policy));
                lines.push(indent(t.penalty(level, &points, &sanitize(&p.note))));
                terms.push(points);
            }
            lines.push(indent(t.penalty_total(
                sum_expr(&terms).as_deref(),
                &self.score(u.penalty),
            )));
        }

        // 总分, 名次
        lines.push(t.total(
            &self.score(u.organization),
            &self.score(u.survey),
            &self.score(u.task),
            &self.score(u.penalty),
            &self.score(u.total),
        ));
        let tied_with = self.names(group, |g| g.id != u.id && g.total == u.total);
        let tied_with = (!tied_with.is_empty()).then(|| t.list(&tied_with));
        lines.push(t.rank(
            u.rank,
            group.len(),
            tied_with.as_deref(),
            &self.score(u.total),
        ));

        // 一票否决, 综合先进, 末位
        if u.vetoed() {
            let failures: Vec<String> = u.failed.iter().map(|f| self.failure(u, f)).collect();
            lines.push(t.vetoed(&t.failures(&failures)));
        } else {
            lines.push(t.not_vetoed(u.pending.rows));
        }
        lines.push(self.comprehensive_line(u));
        lines.push(self.last_place_line(u));

        // 单项先进
        if u.kind != UnitKind::Department && !self.board.awards.is_empty() {
            lines.push(t.awards_heading());
            for result in &self.board.awards {
                if let Some(award) = project.awards.iter().find(|a| a.id == result.id) {
                    lines.push(indent(self.award_line(u, award)));
                }
            }
        }

        // 待录入
        if u.pending.any() {
            let org: Vec<String> = project
                .organization
                .iter()
                .filter(|o| sheet.is_none_or(|s| !s.organization.contains_key(&o.id)))
                .map(|o| sanitize(&o.name))
                .collect();
            let rows: Vec<String> = u
                .items
                .iter()
                .filter(|i| i.outcome == Outcome::Pending)
                .map(|i| self.indicator_name(&i.indicator))
                .collect();
            lines.push(t.pending_parts(u.pending.survey, &org, &rows));
        }
        lines
    }

    fn comprehensive_line(&self, u: &UnitResult) -> String {
        let t = self.t;
        let group = self.group(u);
        let (among, eligible, places) = self.standing(u);
        if u.comprehensive {
            let winners = group.iter().filter(|g| g.comprehensive).count();
            t.comprehensive_yes(among, eligible, places, winners > places as usize)
        } else if u.vetoed() {
            t.comprehensive_vetoed()
        } else if u.total <= Decimal::ZERO {
            t.comprehensive_zero()
        } else {
            let last = group
                .iter()
                .filter(|g| g.comprehensive)
                .map(|g| g.total)
                .min();
            let last = last.map(|total| {
                let names = self.names(group, |g| g.comprehensive && g.total == total);
                (t.list(&names), self.score(total))
            });
            t.comprehensive_out(
                among,
                eligible,
                places,
                last.as_ref().map(|(n, s)| (n.as_str(), s.as_str())),
            )
        }
    }

    fn last_place_line(&self, u: &UnitResult) -> String {
        let t = self.t;
        let group = self.group(u);
        if u.kind == UnitKind::Department {
            return t.last_place_departments();
        }
        if !self.project.policy.last_place {
            return t.last_place_off();
        }
        if !group.iter().any(UnitResult::vetoed) {
            return t.last_place_nobody_vetoed();
        }
        let vetoed = t.list(&self.names(group, UnitResult::vetoed));
        if u.last_place {
            let others = self.names(group, |g| g.last_place && g.id != u.id);
            let others = (!others.is_empty()).then(|| t.list(&others));
            t.last_place_yes(&self.score(u.total), &vetoed, others.as_deref())
        } else {
            let lowest = group.iter().map(|g| g.total).min().unwrap_or_default();
            let names = t.list(&self.names(group, |g| g.total == lowest));
            t.last_place_no(&self.score(lowest), &names)
        }
    }

    /// Why a unit won a single-item award, or why not.
    fn award_line(&self, u: &UnitResult, award: &Award) -> String {
        let t = self.t;
        let project = self.project;
        let Some(result) = self.board.award(&award.id) else {
            return sanitize(&award.name);
        };
        let name = sanitize(&result.name);
        // The unit's award score, term by term: the selected rows, then the organisation items.
        let selected: HashSet<&str> = project
            .indicators
            .iter()
            .filter(|i| award.selects(i))
            .map(|i| i.id.as_str())
            .collect();
        let mut terms = Vec::new();
        let mut sum = Decimal::ZERO;
        for item in u.items.iter().filter(|i| selected.contains(&*i.indicator)) {
            terms.push(self.score(item.earned));
            sum = sum.checked_add(item.earned).unwrap_or(sum);
        }
        let sheet = self.sheet(&u.id);
        for org in &award.organization {
            if let Some(&value) = sheet.and_then(|s| s.organization.get(org)) {
                let rounded = round_score(value, &project.policy);
                terms.push(self.score(rounded));
                sum = sum.checked_add(rounded).unwrap_or(sum);
            }
        }
        let standing = result.standings.iter().find(|(id, _)| *id == u.id);
        let score = standing.map_or(sum, |(_, s)| *s);
        let score_text = match sum_expr(&terms) {
            Some(expr) => format!("{expr} = {}", self.score(score)),
            None => self.score(score),
        };
        let scored = |ids: &mut dyn Iterator<Item = &(String, Decimal)>| -> Vec<String> {
            ids.map(|(id, s)| t.named_score(&self.name_of(id), &self.score(*s)))
                .collect()
        };
        let winners = scored(
            &mut result
                .standings
                .iter()
                .filter(|(id, _)| result.winners.contains(id)),
        );
        let winners_text =
            t.award_winners((!winners.is_empty()).then(|| t.list(&winners)).as_deref());
        if result.winners.contains(&u.id) {
            let next_score = result
                .standings
                .iter()
                .filter(|(id, s)| !result.winners.contains(id) && *s > Decimal::ZERO)
                .map(|(_, s)| *s)
                .max();
            let next = next_score.map(|best| {
                t.list(&scored(
                    &mut result
                        .standings
                        .iter()
                        .filter(|(id, s)| !result.winners.contains(id) && *s == best),
                ))
            });
            let widened = result.winners.len() > result.count as usize;
            t.award_won(&name, &score_text, next.as_deref(), widened, u.vetoed())
        } else if standing.is_some() {
            if score <= Decimal::ZERO {
                t.award_zero(&name)
            } else {
                t.award_lost(&name, &score_text, result.count, &winners_text)
            }
        } else if u.comprehensive {
            t.award_left_comprehensive(&name, &score_text, &winners_text)
        } else {
            t.award_left_vetoed(&name, &score_text, &winners_text)
        }
    }

    fn unit_short(&self, u: &UnitResult) -> String {
        let t = self.t;
        let name = sanitize(&u.name);
        let (among, eligible, places) = self.standing(u);
        let mut line = if u.vetoed() {
            let failures: Vec<String> = u.failed.iter().map(|f| self.failure(u, f)).collect();
            let all = t.unit_short_vetoed(&name, &t.failures(&failures));
            if failures.len() > 1 && width(&all) > SHORT_WIDTH {
                t.unit_short_vetoed(&name, &t.and_more(&failures[0], failures.len() - 1))
            } else {
                all
            }
        } else {
            let standing = StandingText {
                name: &name,
                rank: u.rank,
                count: self.group(u).len(),
                tied: u.tied,
                among,
                eligible,
                places,
            };
            if u.comprehensive {
                t.unit_short_comprehensive(standing)
            } else {
                t.unit_short_plain(standing)
            }
        };
        if u.last_place {
            line.push_str(&t.unit_short_last_place());
        }
        if !u.awards.is_empty() {
            let names: Vec<String> = u
                .awards
                .iter()
                .map(|id| {
                    sanitize(
                        self.board
                            .award(id)
                            .map_or(id.as_str(), |a| a.name.as_str()),
                    )
                })
                .collect();
            let by_name = t.unit_short_awards(&names, true);
            let fits = width(&line) + width(&by_name) <= SHORT_WIDTH;
            line.push_str(&if fits {
                by_name
            } else {
                t.unit_short_awards(&names, false)
            });
        }
        if u.pending.any() {
            line.push_str(&t.unit_short_pending());
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn entered_values_are_shown_as_written() {
        assert_eq!(entered(d("0.80")), "0.8");
        assert_eq!(entered(d("1000")), "1000");
        assert_eq!(entered(d("4.6")), "4.6");
    }

    #[test]
    fn long_values_are_cut_not_rounded() {
        assert_eq!(plain(d("2.5")), "2.5");
        assert_eq!(plain(d("25")), "25");
        // 0.2 / (4.6 × 0.02) = 2.17391304…
        assert_eq!(plain(d("2.1739130434782608695652173913")), "2.1739…");
        assert_eq!(cut(d("0.66666666"), 4), "0.6666…");
    }

    #[test]
    fn computed_values_keep_score_places_or_show_more() {
        let project = Project::default();
        let board = Scoreboard::default();
        let cx = Ctx::new(&project, &board, Lang::En);
        assert_eq!(cx.exact(d("0.5")), "0.50");
        assert_eq!(cx.exact(d("0.405")), "0.405");
        assert_eq!(cx.exact(d("4.4375")), "4.4375");
        assert_eq!(cx.exact(d("0.46666666666666666666666666667")), "0.4666…");
        assert!(cx.rounds(d("4.405")));
        assert!(!cx.rounds(d("4.400")));
    }

    #[test]
    fn sums_of_one_term_are_not_written_out() {
        assert_eq!(sum_expr(&["4.00".into()]), None);
        assert_eq!(
            sum_expr(&["3.50".into(), "2.00".into()]).as_deref(),
            Some("3.50 + 2.00")
        );
    }

    #[test]
    fn fractions_compare_by_cross_multiplication() {
        let f = |n: &str, den: &str| Fraction {
            num: d(n),
            den: d(den),
        };
        // 200/1000 = 60/300; 80/800 ≠ 200/1000.
        assert!(same(f("200", "1000"), f("60", "300")));
        assert!(!same(f("80", "800"), f("200", "1000")));
    }
}

//! A unit's explanation in words: its whole total with each part's reason
//! ([`super::unit_lines`]) and its standing in one line ([`super::unit_short`]).

use super::{SHORT_WIDTH, Words, indent, indent2};
use crate::explain::{
    AwardOutcome, AwardStep, ComprehensiveSteps, LastPlaceSteps, TaskSteps, UnitExplanation,
    UnitSummary,
};
use crate::i18n::explain::StandingText;
use crate::i18n::numbers::{entered, sum_expr};
use crate::project::LastPlaceAmong;
use crate::text::{sanitize, width};
use rust_decimal::Decimal;

impl Words {
    pub(super) fn unit_lines(self, e: &UnitExplanation) -> Vec<String> {
        let t = self.t;
        let s = &e.summary;
        let mut lines = vec![t.unit_heading(
            &sanitize(&s.name),
            s.kind,
            &self.score(s.total),
            s.rank,
            s.count,
            s.tied,
        )];
        self.organization_lines(e, &mut lines);
        self.task_lines(e, &mut lines);
        self.penalty_lines(e, &mut lines);

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

    /// 组织实施 and 群众测评.
    fn organization_lines(self, e: &UnitExplanation, lines: &mut Vec<String>) {
        let t = self.t;
        let zero = self.score(Decimal::ZERO);
        lines.push(t.organization_heading());
        let mut terms = Vec::new();
        for item in &e.organization {
            let name = sanitize(&item.name);
            let max = entered(item.max);
            if !item.applies {
                lines.push(indent(t.org_item_not_applicable(&name, &max)));
                continue;
            }
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

        let survey_max = entered(e.survey_max);
        lines.push(match e.survey {
            Some(value) => {
                let was = value.changed().then(|| entered(value.exact));
                t.survey(&self.score(e.survey_score), was.as_deref(), &survey_max)
            }
            None => t.survey_missing(&survey_max),
        });
    }

    /// 任务完成: each area's rows, and the section's sum (or a department's scaling).
    fn task_lines(self, e: &UnitExplanation, lines: &mut Vec<String>) {
        let t = self.t;
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
    }

    /// 处分扣分.
    fn penalty_lines(self, e: &UnitExplanation, lines: &mut Vec<String>) {
        let t = self.t;
        if e.penalties.is_empty() {
            lines.push(t.penalties_none(&self.score(Decimal::ZERO)));
            return;
        }
        lines.push(t.penalties_heading());
        let mut terms = Vec::new();
        for p in &e.penalties {
            let points = self.score(p.points);
            lines.push(indent(t.penalty(&p.kind, &points, &sanitize(&p.note))));
            terms.push(points);
        }
        lines.push(indent(t.penalty_total(
            sum_expr(&terms).as_deref(),
            &self.score(e.penalty_score),
        )));
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
                among,
            } => t.last_place_yes(
                &self.score(*total),
                &self.list(vetoed),
                self.some_list(tied_with).as_deref(),
                *among,
            ),
            LastPlaceSteps::No {
                lowest,
                holders,
                among: LastPlaceAmong::NotUpToStandard,
            } => t.last_place_no_among_vetoed(&self.score(*lowest), &self.list(holders)),
            LastPlaceSteps::No {
                lowest, holders, ..
            } => t.last_place_no(&self.score(*lowest), &self.list(holders)),
            LastPlaceSteps::UpToStandard { lowest, holders } => {
                t.last_place_up_to_standard(&self.score(*lowest), &self.list(holders))
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
            AwardOutcome::LeftFailedArea { failed } => {
                let failed: Vec<String> = failed.iter().map(|n| sanitize(n)).collect();
                t.award_left_failed_area(&name, &self.list(&failed), &score_text, &winners_text)
            }
        }
    }

    pub(super) fn unit_short(self, s: &UnitSummary) -> String {
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

//! A what-if ([`crate::whatif::WhatIf`]) in words: the unit's standing, each failed
//! indicator with what it needed and what completing it would do, the comprehensive cut
//! and last place, each put into a sentence of [`WhatifText`].

use super::WhatifText;
use crate::i18n::common::CommonText;
use crate::i18n::numbers::{Scores, entered};
use crate::i18n::{ExplainText, Lang};
use crate::project::{LastPlaceAmong, Project, UnitKind};
use crate::scoring::{Group, LastPlace, Scoreboard, UnitResult};
use crate::text::sanitize;
use crate::whatif::{OtherChange, Scenario, Standing, VetoFix, WhatIf};
use rust_decimal::Decimal;

/// `kaoping whatif FILE UNIT` as lines of text.
pub fn lines(w: &WhatIf, lang: Lang) -> Vec<String> {
    Writer::new(w.project, w.board, lang).lines(w.unit, &w.standing)
}

/// What the text needs at hand.
struct Writer<'a> {
    project: &'a Project,
    board: &'a Scoreboard,
    t: WhatifText,
    e: ExplainText,
    c: CommonText,
    n: Scores,
}

const INDENT: &str = "  ";

impl<'a> Writer<'a> {
    fn new(project: &'a Project, board: &'a Scoreboard, lang: Lang) -> Self {
        Writer {
            project,
            board,
            t: WhatifText(lang),
            e: ExplainText(lang),
            c: CommonText(lang),
            n: Scores(project.policy.score_decimals),
        }
    }

    fn score(&self, v: Decimal) -> String {
        self.n.score(v)
    }

    /// A signed difference of totals: `+0.50`, `−0.30`.
    fn delta(&self, v: Decimal) -> String {
        self.n.delta(v)
    }

    fn group(&self, u: &UnitResult) -> Group<'a> {
        self.board.group_of(u)
    }

    fn unit_name(&self, id: &str) -> String {
        sanitize(self.project.name_of(id))
    }

    fn unit_names(&self, ids: &[String]) -> String {
        let names: Vec<String> = ids.iter().map(|id| self.unit_name(id)).collect();
        self.e.list(&names)
    }

    fn indicator_name(&self, id: &str) -> String {
        sanitize(self.project.indicator(id).map_or(id, |i| i.name.as_str()))
    }

    fn indicator_names(&self, ids: &[String]) -> String {
        let names: Vec<String> = ids.iter().map(|id| self.indicator_name(id)).collect();
        self.e.list(&names)
    }

    fn award_name(&self, id: &str) -> String {
        sanitize(self.board.award(id).map_or(id, |a| a.name.as_str()))
    }

    fn award_names(&self, ids: &[String]) -> String {
        let names: Vec<String> = ids.iter().map(|id| self.award_name(id)).collect();
        self.e.list(&names)
    }

    fn measure(&self, indicator: &str) -> Option<String> {
        self.project
            .indicator(indicator)
            .and_then(|i| i.measure.as_deref())
            .map(sanitize)
    }

    fn lines(&self, u: &UnitResult, s: &Standing) -> Vec<String> {
        let t = self.t;
        let group = self.group(u);
        let name = sanitize(&u.name);
        let mut lines = vec![self.e.unit_heading(
            &name,
            u.kind,
            &self.score(u.total),
            u.rank,
            group.units.len(),
            u.tied,
        )];
        if u.pending.any() {
            lines.push(t.pending());
        }

        // 一票否决
        if u.vetoed() {
            lines.push(t.vetoed_heading(&name, u.failed.len()));
            for fix in &s.veto {
                self.fix_lines(u, fix, &mut lines);
            }
            if let Some(all) = &s.all_met {
                lines.push(format!("{INDENT}{}", t.all_met_heading(u.failed.len())));
                self.scenario_lines(u, all, None, &mut lines);
            }
        } else {
            lines.push(self.e.not_vetoed(u.pending.rows));
        }

        // 综合先进
        lines.push(self.comprehensive_line(u, s));

        // 末位
        if let (Some((needed, gap)), Some((next, ids))) = (s.leave_last, &s.next_up) {
            let tied = *next == u.total;
            lines.push(t.leave_last(
                &self.score(u.total),
                &self.score(*next),
                &self.unit_names(ids),
                &self.score(needed),
                &self.score(gap),
                tied,
            ));
        } else if u.last_place && group.units.len() > 1 {
            lines.push(t.last_only_vetoed(&self.score(u.total)));
        } else if u.last_place {
            lines.push(t.last_alone(&self.score(u.total)));
        }
        lines
    }

    fn fix_lines(&self, u: &UnitResult, fix: &VetoFix, lines: &mut Vec<String>) {
        let t = self.t;
        let name = self.indicator_name(&fix.indicator);
        let measure = self.measure(&fix.indicator);
        let m = measure.as_deref();
        let needed = fix.needed.map(|n| self.c.qty(&entered(n), m));
        lines.push(format!(
            "{INDENT}{}",
            match (fix.target, fix.actual, fix.gap, fix.shortfall) {
                (Some(target), Some(actual), Some(gap), Some(short)) => {
                    let (target, actual, gap) = (
                        self.c.qty(&entered(target), m),
                        self.c.qty(&entered(actual), m),
                        self.c.qty(&entered(gap), m),
                    );
                    let short = self.e.percent_shown(short);
                    if fix.at_most {
                        t.fix_at_most(&name, &actual, &target, &gap, &short)
                    } else {
                        t.fix_at_least(&name, &actual, &target, &gap, &short)
                    }
                }
                _ => t.fix_not_met(&name, &self.score(fix.earned_if_met - fix.earned)),
            }
        ));
        self.scenario_lines(
            u,
            &fix.if_met,
            Some((needed.as_deref(), &fix.earned, &fix.earned_if_met)),
            lines,
        );
    }

    /// The lines of a scenario: the total, eligibility, last place, awards, and the
    /// others. `row` is the changed row (its needed actual, earned before and after) for
    /// a single fix.
    fn scenario_lines(
        &self,
        u: &UnitResult,
        s: &Scenario,
        row: Option<(Option<&str>, &Decimal, &Decimal)>,
        lines: &mut Vec<String>,
    ) {
        let t = self.t;
        let group = self.group(u);
        let deeper = |line: String| format!("{INDENT}{INDENT}{line}");
        let mut delta = self.delta(s.total - u.total);
        if u.kind == UnitKind::Department {
            // A department's task is scaled (section × Σ earned ÷ Σ base): the row's
            // change is not the total's.
            delta.push_str(&t.department_scaled());
        }
        let total = self.score(s.total);
        let rank = self.c.rank(s.rank, group.units.len(), s.tied);
        lines.push(deeper(match row {
            Some((needed, before, after)) => t.if_met(
                needed,
                &self.score(*before),
                &self.score(*after),
                &total,
                &delta,
                &rank,
            ),
            None => t.if_all_met(&total, &delta, &rank),
        }));
        lines.push(deeper(if !s.failed.is_empty() {
            t.still_vetoed(&self.indicator_names(&s.failed))
        } else {
            t.eligible_then(s.comprehensive, s.among, s.eligible, group.places)
        }));
        let last_place = !matches!(
            group.last_place,
            LastPlace::NoneForDepartments | LastPlace::Off
        );
        if last_place {
            let others: Vec<String> = s.last.iter().filter(|id| **id != u.id).cloned().collect();
            let others = (!others.is_empty()).then(|| self.unit_names(&others));
            let vetoed = self.unit_names(&s.vetoed);
            let among_vetoed =
                self.project.policy.last_place_among == LastPlaceAmong::NotUpToStandard;
            if let Some(line) = t.last_then(
                u.last_place,
                s.last_place,
                others.as_deref(),
                &vetoed,
                s.comprehensive,
                among_vetoed,
            ) {
                lines.push(deeper(line));
            }
        }
        // The awards of one list that the other lacks.
        let lacking = |of: &[String], from: &[String]| -> Vec<String> {
            of.iter().filter(|a| !from.contains(a)).cloned().collect()
        };
        let won = lacking(&s.awards, &u.awards);
        let lost = lacking(&u.awards, &s.awards);
        if !won.is_empty() {
            lines.push(deeper(t.would_win(&self.award_names(&won))));
        }
        if !lost.is_empty() {
            lines.push(deeper(t.would_lose(
                &self.award_names(&lost),
                s.comprehensive && !u.comprehensive,
            )));
        }
        if !s.others.is_empty() {
            lines.push(deeper(t.others_heading()));
        }
        for o in &s.others {
            lines.push(deeper(format!("{INDENT}{}", self.other_line(o))));
        }
    }

    /// What a scenario would do to another unit of the group, in one line.
    fn other_line(&self, o: &OtherChange) -> String {
        let t = self.t;
        let mut parts = Vec::new();
        for (indicator, before, after) in &o.moves {
            parts.push(t.other_move(
                &self.indicator_name(indicator),
                &self.score(*before),
                &self.score(*after),
            ));
        }
        if let Some(gains) = o.comprehensive {
            parts.push(t.other_comprehensive(gains));
        }
        if let Some(becomes) = o.last_place {
            parts.push(t.other_last(becomes));
        }
        if !o.won.is_empty() {
            parts.push(t.other_award(&self.award_names(&o.won), true));
        }
        if !o.lost.is_empty() {
            parts.push(t.other_award(&self.award_names(&o.lost), false));
        }
        t.other(&self.unit_name(&o.id), &parts)
    }

    fn comprehensive_line(&self, u: &UnitResult, s: &Standing) -> String {
        let t = self.t;
        let group = self.group(u);
        let eligible = group.eligible();
        let among = u.rank_eligible.unwrap_or_default() as usize;
        let cut = s
            .cut
            .as_ref()
            .filter(|(total, _)| *total >= s.step)
            .map(|(total, ids)| (self.score(*total), self.unit_names(ids)));
        let cut = cut.as_ref().map(|(a, b)| (a.as_str(), b.as_str()));
        // The other units not vetoed.
        let others = eligible - usize::from(!u.vetoed());
        if s.places == 0 {
            t.no_places(u.kind == UnitKind::Department)
        } else if u.vetoed() {
            t.comprehensive_vetoed(s.places, cut, others)
        } else if u.comprehensive {
            let outside = s
                .outside
                .as_ref()
                .map(|(total, ids)| (self.score(*total), self.unit_names(ids)));
            t.comprehensive_inside(
                among,
                eligible,
                s.places,
                cut,
                s.margin.map(|m| self.score(m)).as_deref(),
                outside.as_ref().map(|(a, b)| (a.as_str(), b.as_str())),
            )
        } else {
            let (needed, gap) = s.comprehensive.unwrap_or_default();
            t.comprehensive_outside(
                among,
                eligible,
                s.places,
                cut,
                &self.score(needed),
                &self.score(gap),
            )
        }
    }
}

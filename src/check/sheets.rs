//! The checks of the score sheets, assessed (`[scores.<id>]`) and self-check
//! (`[selfcheck.<id>]`) alike: every value in its range and of its kind, rows and
//! organisation items that apply.

use super::{Checker, path};
use crate::project::problem::{ProblemKind, RefKind};
use crate::project::{self, Row, SheetKind, TomlPath, UnitKind};
use rust_decimal::Decimal;
use std::collections::HashMap;

impl Checker<'_> {
    /// Every value of every sheet of `kind` (`[scores.<id>]` or `[selfcheck.<id>]`, checked
    /// alike, at paths under their own root): known ids, ranges, which rows the unit may
    /// have. Every sheet's values, or only `only`'s.
    pub(super) fn score_sheets(&mut self, kind: SheetKind, only: Option<&str>) {
        let p = self.project;
        let policy = &p.policy;
        let indicators: HashMap<&str, &project::Indicator> =
            p.indicators.iter().map(|i| (i.id.as_str(), i)).collect();
        let kinds: HashMap<&str, UnitKind> = p
            .units
            .iter()
            .map(|u| (u.id.as_str(), u.kind))
            .chain(
                p.departments
                    .iter()
                    .map(|d| (d.id.as_str(), UnitKind::Department)),
            )
            .collect();
        for (id, sheet) in p.sheets(kind) {
            if only.is_some_and(|only| only != id) {
                continue;
            }
            let Some(&unit_kind) = kinds.get(id.as_str()) else {
                continue;
            };
            let base = path(&[kind.key(), id]);
            if let Some(survey) = sheet.survey {
                self.in_range(survey, p.sections.survey, base.key("survey"));
            }
            for (item, value) in &sheet.organization {
                let at = base.key("organization").key(item);
                match p.org_item(item) {
                    Some(org) if !org.applies(unit_kind) => self.report(
                        ProblemKind::OrgItemNotApplicable {
                            item: org.name.clone(),
                            unit: p.name_of(id).to_string(),
                        },
                        at,
                    ),
                    Some(org) => self.in_range(*value, org.max, at),
                    None => self.report(
                        ProblemKind::UnknownRef {
                            kind: RefKind::OrgItem,
                            id: item.clone(),
                        },
                        at,
                    ),
                }
            }
            for (i, penalty) in sheet.penalties.iter().enumerate() {
                if let project::PenaltyKind::Points(points) = penalty.kind
                    && points < Decimal::ZERO
                {
                    self.report(
                        ProblemKind::Negative { value: points },
                        base.key("penalties").index(i).key("points"),
                    );
                }
            }
            let rows = base.key("indicators");
            for (ind_id, row) in &sheet.indicators {
                // Built only for a problem: most rows have none.
                let at = || rows.key(ind_id);
                let Some(ind) = indicators.get(ind_id.as_str()) else {
                    self.report(
                        ProblemKind::UnknownRef {
                            kind: RefKind::Indicator,
                            id: ind_id.clone(),
                        },
                        at(),
                    );
                    continue;
                };
                let is_department = unit_kind == UnitKind::Department;
                if !is_department && !ind.applies_to(id) {
                    self.report(
                        ProblemKind::RowNotApplicable {
                            indicator: ind.name.clone(),
                            unit: p.name_of(id).to_string(),
                        },
                        at(),
                    );
                    continue;
                }
                if is_department && !ind.assesses(id) {
                    self.report(
                        ProblemKind::DepartmentNotResponsible {
                            department: p.name_of(id).to_string(),
                            indicator: ind.name.clone(),
                        },
                        at(),
                    );
                    continue;
                }
                if !ind.allows(row)
                    && let Some(kind) = ind.kind
                {
                    self.report(
                        ProblemKind::RowKindMismatch {
                            indicator: ind.name.clone(),
                            kind,
                        },
                        at(),
                    );
                }
                // Departments are always scored on completion.
                let pilot = is_department || ind.is_pilot(id);
                match *row {
                    Row::Quantitative { target, actual } => {
                        if !pilot && (target.is_some() || actual.is_some()) {
                            self.report(
                                ProblemKind::CompletionOffPilot {
                                    indicator: ind.name.clone(),
                                },
                                at(),
                            );
                        }
                        if let Some(t) = target.filter(|t| *t <= Decimal::ZERO) {
                            self.report(
                                ProblemKind::TargetNotPositive { value: t },
                                at().key("target"),
                            );
                        }
                        if let Some(a) = actual.filter(|a| *a < Decimal::ZERO) {
                            self.report(
                                ProblemKind::ActualNegative { value: a },
                                at().key("actual"),
                            );
                        }
                    }
                    Row::Qualitative { deduction, .. } => {
                        if !pilot {
                            self.report(
                                ProblemKind::CompletionOffPilot {
                                    indicator: ind.name.clone(),
                                },
                                at(),
                            );
                        }
                        if let Some(value) = deduction {
                            let cap = policy.deduction_cap * ind.base;
                            if value < Decimal::ZERO || value > cap {
                                self.report(
                                    ProblemKind::DeductionOutOfRange {
                                        value,
                                        cap_share: policy.deduction_cap,
                                        base: ind.base,
                                        cap,
                                    },
                                    at().key("deduction"),
                                );
                            }
                        }
                    }
                    Row::Preparation { prep } => {
                        if is_department {
                            self.report(ProblemKind::PrepForDepartment, at().key("prep"));
                        } else if pilot {
                            self.report(
                                ProblemKind::PrepOnPilot {
                                    indicator: ind.name.clone(),
                                },
                                at().key("prep"),
                            );
                        } else if prep < Decimal::ZERO || prep > ind.base {
                            self.report(
                                ProblemKind::PrepOutOfRange {
                                    value: prep,
                                    base: ind.base,
                                },
                                at().key("prep"),
                            );
                        }
                    }
                }
            }
        }
    }

    fn in_range(&mut self, value: Decimal, max: Decimal, at: TomlPath) {
        if value < Decimal::ZERO || value > max {
            self.report(ProblemKind::ScoreOutOfRange { value, max }, at);
        }
    }
}

//! A unit's (or department's) score sheet: organisation items, survey, every indicator by
//! area, penalties and the total, each with its maximum and its score — and every sheet
//! in one long table.

use super::{Cell, Row, Table, Tone};
use crate::explain;
use crate::i18n::explain::item_short;
use crate::i18n::{ExportText, Lang, T};
use crate::project::{Area, PenaltyKind, UnitKind};
use crate::report::{RankInput, flags};
use crate::scoring::{ItemResult, OrgScore, Outcome, UnitResult, score_text};
use crate::text::clean;
use rust_decimal::Decimal;

/// The header of a score sheet.
fn sheet_header(lang: Lang) -> Vec<String> {
    [
        T::ExportSection,
        T::ExportArea,
        T::ExportItem,
        T::ExportTarget,
        T::ExportActual,
        T::ExportCompletion,
        T::ExportMax,
        T::ExportBonus,
        T::ExportDeduction,
        T::ExportScore,
        T::ExportVeto,
        T::ExportNote,
    ]
    .iter()
    .map(|t| t.get(lang).to_string())
    .collect()
}

/// The column of the notes in a score sheet.
const SHEET_NOTE: usize = 11;

/// One line of a sheet, by column (what is not set stays empty); its section is given
/// when it becomes a row.
#[derive(Default)]
struct Line {
    area: Cell,
    item: Cell,
    target: Cell,
    actual: Cell,
    /// Completion, or a qualitative row's status in words.
    completion: Cell,
    max: Cell,
    bonus: Cell,
    deduction: Cell,
    score: Cell,
    veto: Cell,
    note: Cell,
}

impl Line {
    fn cells(self, section: T, lang: Lang) -> Vec<Cell> {
        vec![
            Cell::Text(section.get(lang).to_string()),
            self.area,
            self.item,
            self.target,
            self.actual,
            self.completion,
            self.max,
            self.bonus,
            self.deduction,
            self.score,
            self.veto,
            self.note,
        ]
    }

    fn row(self, section: T, lang: Lang) -> Row {
        Row::new(self.cells(section, lang))
    }

    /// A subtotal or total row.
    fn strong(self, section: T, lang: Lang) -> Row {
        Row::strong(self.cells(section, lang))
    }
}

/// The units and departments that have a score sheet, in the file's order: the counties
/// and the zone, then the departments that were scored.
pub(crate) fn scored_units<'a>(input: &RankInput<'a>) -> Vec<&'a UnitResult> {
    let board = input.board;
    input
        .project
        .units
        .iter()
        .map(|u| u.id.as_str())
        .chain(input.project.departments.iter().map(|d| d.id.as_str()))
        .filter_map(|id| board.find(id))
        .collect()
}

/// What every part of a sheet needs at hand.
struct Sheet<'a, 'p> {
    input: &'a RankInput<'p>,
    u: &'a UnitResult,
    lang: Lang,
}

impl Sheet<'_, '_> {
    fn word(&self, t: T) -> Cell {
        Cell::Text(t.get(self.lang).to_string())
    }

    fn yes_alert(&self, flag: bool) -> Cell {
        if flag {
            Cell::Alert(T::ExportYes.get(self.lang).to_string())
        } else {
            Cell::Empty
        }
    }

    /// 组织实施: each item, then the subtotal.
    fn organization(&self, rows: &mut Vec<Row>) {
        let project = self.input.project;
        for (item, value) in project.organization.iter().zip(&self.u.organization_items) {
            rows.push(
                Line {
                    item: Cell::text(&item.name),
                    max: Cell::Value(item.max),
                    score: Cell::opt_score(value.value()),
                    note: match value {
                        OrgScore::Scored(_) => Cell::Empty,
                        OrgScore::Missing => self.word(T::ExportPending),
                        OrgScore::NotApplicable => self.word(T::ExportNotApplicable),
                    },
                    ..Line::default()
                }
                .row(T::ExportOrganization, self.lang),
            );
        }
        rows.push(
            Line {
                item: self.word(T::ExportSubtotal),
                max: Cell::Value(self.u.organization_max),
                score: Cell::Score(self.u.organization),
                ..Line::default()
            }
            .strong(T::ExportOrganization, self.lang),
        );
    }

    /// 群众测评: one line.
    fn survey(&self, rows: &mut Vec<Row>) {
        let project = self.input.project;
        let entered = project
            .scores
            .get(&self.u.id)
            .and_then(|s| s.survey)
            .is_some();
        rows.push(
            Line {
                item: self.word(T::ExportSurvey),
                max: Cell::Value(project.sections.survey),
                score: if entered {
                    Cell::Score(self.u.survey)
                } else {
                    Cell::Empty
                },
                note: if entered {
                    Cell::Empty
                } else {
                    self.word(T::ExportPending)
                },
                ..Line::default()
            }
            .strong(T::ExportSurvey, self.lang),
        );
    }

    /// 任务完成: every row by area with the area's subtotal, then the section (for a
    /// department, with how it was scaled).
    fn task(&self, rows: &mut Vec<Row>) {
        let project = self.input.project;
        let u = self.u;
        for area in &project.areas {
            let items: Vec<_> = u
                .items
                .iter()
                .filter_map(|i| {
                    project
                        .indicators
                        .get(i.position)
                        .filter(|ind| ind.area == area.id)
                        .map(|ind| (i, ind))
                })
                .collect();
            if items.is_empty() {
                continue;
            }
            for (item, ind) in items {
                rows.push(self.indicator_row(area, item, ind));
            }
            rows.push(
                Line {
                    area: Cell::text(&area.name),
                    item: self.word(T::ExportSubtotal),
                    max: Cell::Value(area.max),
                    score: Cell::Score(u.areas.get(&area.id).copied().unwrap_or_default()),
                    ..Line::default()
                }
                .strong(T::ExportTask, self.lang),
            );
        }
        let places = project.policy.score_decimals;
        let note = if u.kind == UnitKind::Department && u.task_base > Decimal::ZERO {
            Cell::text(ExportText(self.lang).department_task(
                &project.sections.task.normalize().to_string(),
                &score_text(u.task_earned, places),
                &u.task_base.normalize().to_string(),
                &score_text(u.task, places),
            ))
        } else {
            Cell::Empty
        };
        rows.push(
            Line {
                item: self.word(T::ExportSubtotal),
                max: Cell::Value(project.sections.task),
                score: Cell::Score(u.task),
                note,
                ..Line::default()
            }
            .strong(T::ExportTask, self.lang),
        );
    }

    /// One indicator's row: what was measured (or its status), bonus or deduction, the
    /// score, the veto, and the one-line explanation.
    fn indicator_row(
        &self,
        area: &Area,
        item: &ItemResult,
        ind: &crate::project::Indicator,
    ) -> Row {
        let lang = self.lang;
        let completion = item.outcome.completion().map_or(Cell::Empty, Cell::Share);
        let mut line = match &item.outcome {
            Outcome::Completed { target, actual, .. } => Line {
                target: Cell::Value(*target),
                actual: Cell::Value(*actual),
                completion,
                bonus: item.shown_bonus().map_or(Cell::Empty, Cell::Score),
                ..Line::default()
            },
            Outcome::Short { target, actual, .. } => Line {
                target: Cell::Value(*target),
                actual: Cell::Value(*actual),
                completion,
                deduction: item.shown_deduction().map_or(Cell::Empty, Cell::Score),
                ..Line::default()
            },
            Outcome::Met => Line {
                completion: self.word(T::ExportComplete),
                ..Line::default()
            },
            Outcome::NotMet { .. } => Line {
                completion: self.word(T::ExportIncomplete),
                deduction: item.shown_deduction().map_or(Cell::Empty, Cell::Score),
                ..Line::default()
            },
            Outcome::Preparation { .. } => Line {
                completion: self.word(T::ExportPreparation),
                ..Line::default()
            },
            Outcome::Pending => Line {
                completion: self.word(T::ExportPending),
                ..Line::default()
            },
        };
        let note = explain::item(self.input.project, self.input.board, &self.u.id, &ind.id)
            .map(|e| item_short(&e, lang))
            .unwrap_or_default();
        line.area = Cell::text(&area.name);
        line.item = Cell::text(ExportText(lang).measured_name(&ind.name, ind.measure.as_deref()));
        line.max = Cell::Value(item.base);
        line.score = Cell::Score(item.earned);
        line.veto = self.yes_alert(item.outcome.fails());
        line.note = Cell::text(note);
        Row {
            cells: line.cells(T::ExportTask, lang),
            tone: Tone::Normal,
            indicator: Some(ind.id.clone()),
            unit: None,
        }
    }

    /// 处分扣分: the points as a deduction, and negative in the score column, so that the
    /// score column adds up to the total for a county.
    fn penalties(&self, rows: &mut Vec<Row>) {
        let lang = self.lang;
        let u = self.u;
        let sheet = self.input.project.scores.get(&u.id);
        let penalties = sheet.map(|s| s.penalties.as_slice()).unwrap_or_default();
        for (p, &points) in penalties.iter().zip(&u.penalties) {
            let level = match p.kind {
                PenaltyKind::Provincial => T::ExportProvincial,
                PenaltyKind::Municipal => T::ExportMunicipal,
                PenaltyKind::Points(_) => T::ExportPoints,
            };
            rows.push(
                Line {
                    item: Cell::text(
                        ExportText(lang).penalty_item(level.get(lang), &clean(&p.note)),
                    ),
                    deduction: Cell::Score(points),
                    score: Cell::Score(negated(points)),
                    ..Line::default()
                }
                .row(T::ExportPenalty, lang),
            );
        }
        rows.push(
            Line {
                item: if penalties.is_empty() {
                    self.word(T::ExportNone)
                } else {
                    self.word(T::ExportSubtotal)
                },
                deduction: Cell::Score(u.penalty),
                score: Cell::Score(negated(u.penalty)),
                ..Line::default()
            }
            .strong(T::ExportPenalty, lang),
        );
    }

    /// 总分: the total, the rank and the flags.
    fn total(&self, rows: &mut Vec<Row>) {
        let (input, u, lang) = (self.input, self.u, self.lang);
        let group = input.board.group_of(u).units;
        let mut note = vec![ExportText(lang).rank_of(u.rank, group.len(), u.tied)];
        note.extend(flags(input.project, u, lang));
        rows.push(
            Line {
                max: Cell::Value(input.project.sections.total),
                score: Cell::Score(u.total),
                veto: self.yes_alert(u.vetoed()),
                note: Cell::text(note.join("  ")),
                ..Line::default()
            }
            .strong(T::ExportTotal, lang),
        );
    }
}

/// A unit's (or department's) score sheet: organisation items, survey, every indicator
/// by area, penalties and the total, each with its maximum and its score.
pub(crate) fn unit_sheet(input: &RankInput, u: &UnitResult) -> Table {
    let sheet = Sheet {
        input,
        u,
        lang: input.lang,
    };
    let mut rows = Vec::new();
    sheet.organization(&mut rows);
    sheet.survey(&mut rows);
    sheet.task(&mut rows);
    sheet.penalties(&mut rows);
    sheet.total(&mut rows);
    Table {
        header: sheet_header(input.lang),
        rows,
        note_column: Some(SHEET_NOTE),
    }
}

/// `-v`, without a negative zero (`-0.00`).
fn negated(v: Decimal) -> Decimal {
    let mut n = -v;
    if n.is_zero() {
        n.set_sign_positive(true);
    }
    n
}

/// Every score sheet in one long table, with the unit's id and name in front.
pub(crate) fn all_sheets(input: &RankInput) -> Table {
    let lang = input.lang;
    let mut header = vec![
        T::ExportId.get(lang).to_string(),
        T::ExportUnit.get(lang).to_string(),
    ];
    header.extend(sheet_header(lang));
    let mut rows = Vec::new();
    for u in scored_units(input) {
        for row in unit_sheet(input, u).rows {
            let mut cells = vec![Cell::Text(u.id.clone()), Cell::text(&u.name)];
            cells.extend(row.cells);
            rows.push(Row { cells, ..row });
        }
    }
    Table {
        header,
        rows,
        note_column: Some(SHEET_NOTE + 2),
    }
}

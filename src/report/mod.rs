//! The ranking rendered for people and for programs: an aligned table, JSON
//! (`kaoping-rank/1`, SPEC §5), CSV and Markdown; and the exports of `kaoping export`
//! (a workbook, csv tables, minutes, a printable html report, the docx report to the
//! leading group). Renderers only read a scoreboard.

mod csv;
mod docx;
mod export;
mod html;
mod json;
mod markdown;
mod table;
mod tables;
mod xlsx;

pub use csv::rank_csv;
pub use docx::export_docx;
pub use export::{CsvTable, export_csv, export_html, export_markdown, export_xlsx};
pub use json::rank_json;
pub use table::{rank_markdown, rank_table};
pub(crate) use xlsx::sheet_name;

use crate::i18n::{ExplainText, ExportText, Lang, T};
use crate::project::problem::Problem;
use crate::project::{Project, UnitKind};
use crate::scoring::{AwardResult, Scoreboard, UnitResult, score_text};
use rust_decimal::Decimal;

/// What every ranking report is made from.
pub struct RankInput<'a> {
    pub project: &'a Project,
    pub board: &'a Scoreboard,
    /// The self-check figures scored alike (`None`: no `[selfcheck.<id>]` sheet), for the
    /// exports' list of each unit's self-check against the assessed figures.
    pub selfcheck: Option<&'a Scoreboard>,
    /// The warnings to list (errors stop a ranking before it is drawn).
    pub warnings: &'a [Problem],
    pub lang: Lang,
}

/// The flags of a ranked unit in words: comprehensive, veto (with the failed indicators'
/// names), last place, awards, tie, pending.
pub fn flags(project: &Project, unit: &UnitResult, lang: Lang) -> Vec<String> {
    flag_list(project, unit, lang)
        .into_iter()
        .map(|f| f.text)
        .collect()
}

/// The flags of a ranked unit, each marked when it calls for attention (a veto, last
/// place).
pub(crate) fn flag_list(project: &Project, unit: &UnitResult, lang: Lang) -> Vec<tables::Flag> {
    let flag = |text: String, alert: bool| tables::Flag { text, alert };
    let mut flags = Vec::new();
    if unit.comprehensive {
        flags.push(flag(format!("★ {}", T::Comprehensive.get(lang)), false));
    }
    if unit.vetoed() {
        let names: Vec<&str> = unit
            .failed
            .iter()
            .map(|id| {
                project
                    .indicator(id)
                    .map_or(id.as_str(), |i| i.name.as_str())
            })
            .collect();
        let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
        flags.push(flag(
            format!(
                "✗ {}{open}{}{close}",
                T::Vetoed.get(lang),
                names.join(lang.pick("、", ", "))
            ),
            true,
        ));
    }
    if unit.last_place {
        flags.push(flag(format!("▼ {}", T::LastPlace.get(lang)), true));
    }
    for award in &unit.awards {
        let name = project
            .awards
            .iter()
            .find(|a| &a.id == award)
            .map_or(award.as_str(), |a| a.name.as_str());
        // A vetoed unit's award is the leading group's to confirm: marked so, as an alert.
        if unit.vetoed() {
            let text = format!("◆ {name}{}", T::ToConfirm.get(lang));
            flags.push(flag(text, true));
        } else {
            flags.push(flag(format!("◆ {name}"), false));
        }
    }
    if unit.tied {
        flags.push(flag(format!("= {}", T::Tied.get(lang)), false));
    }
    if unit.pending.any() {
        flags.push(flag(format!("… {}", T::PendingMark.get(lang)), false));
    }
    for f in &mut flags {
        f.text = crate::text::clean(&f.text);
    }
    flags
}

/// A winner of an award with its score (`经济开发区（6.20）`), marked for the leading group
/// to confirm when the unit is vetoed.
pub(crate) fn winner_with_score(input: &RankInput, id: &str, score: &str) -> String {
    let t = crate::i18n::ExplainText(input.lang);
    let name = input.project.name_of(id);
    if input.board.find(id).is_some_and(UnitResult::vetoed) {
        t.named_score_vetoed(name, score)
    } else {
        t.named_score(name, score)
    }
}

/// The groups that have comprehensive awards: (heading, places, units in rank order) —
/// the counties and zone, and the city departments when any were scored.
pub fn comprehensive_groups<'a>(input: &RankInput<'a>) -> Vec<(T, u32, &'a [UnitResult])> {
    let board = input.board;
    let units = board.group(UnitKind::County);
    let mut groups = vec![(T::ExportComprehensiveUnits, units.places, units.units)];
    if !board.departments.is_empty() {
        let departments = board.group(UnitKind::Department);
        groups.push((
            T::ExportComprehensiveDepartments,
            departments.places,
            departments.units,
        ));
    }
    groups
}

/// A warning as one line: `path: message`.
pub fn warning_line(problem: &Problem, lang: Lang) -> String {
    let message = crate::i18n::problem_message(&problem.kind, lang);
    if problem.path.is_root() {
        message
    } else {
        format!("{}: {message}", problem.path)
    }
}

/// The comprehensive-advanced units of a group with their totals, in rank order.
pub(crate) fn comprehensive_winners(group: &[UnitResult]) -> Vec<(String, Decimal)> {
    group
        .iter()
        .filter(|u| u.comprehensive)
        .map(|u| (u.id.clone(), u.total))
        .collect()
}

/// The winners of a single-item award with their award scores, in the standings' order.
pub(crate) fn award_winners(award: &AwardResult) -> Vec<(String, Decimal)> {
    award
        .standings
        .iter()
        .filter(|(id, _)| award.winners.contains(id))
        .cloned()
        .collect()
}

/// Winners with a score each: `甲县（21.80）、乙县（20.20）`, or `（空缺）`; a vetoed
/// winner marked for the leading group to decide (`丙县（3.50，已被一票否决，请领导小组
/// 审定）`) unless the list has its own column for that (`mark_vetoed` false). `esc` makes
/// the text safe for the format.
pub(crate) fn winners_with_scores(
    input: &RankInput,
    winners: &[(String, Decimal)],
    esc: fn(&str) -> String,
    mark_vetoed: bool,
) -> String {
    let t = ExplainText(input.lang);
    if winners.is_empty() {
        return T::NoWinner.get(input.lang).to_string();
    }
    let dp = input.project.policy.score_decimals;
    let items: Vec<String> = winners
        .iter()
        .map(|(id, s)| {
            let score = score_text(*s, dp);
            esc(&if mark_vetoed {
                winner_with_score(input, id, &score)
            } else {
                t.named_score(input.project.name_of(id), &score)
            })
        })
        .collect();
    t.list(&items)
}

/// The vetoed units and departments (一票否决), counties and zone first, in rank order.
pub(crate) fn vetoed_units<'a>(input: &RankInput<'a>) -> Vec<&'a UnitResult> {
    input
        .board
        .units
        .iter()
        .chain(&input.board.departments)
        .filter(|u| u.vetoed())
        .collect()
}

/// A unit with its total and rank in its group: `丙县（总分 19.70，第 3 名（共 4 个））`.
pub(crate) fn unit_standing(input: &RankInput, u: &UnitResult, esc: fn(&str) -> String) -> String {
    let text = ExportText(input.lang);
    let group = if u.kind == UnitKind::Department {
        input.board.departments.len()
    } else {
        input.board.units.len()
    };
    let rank = text.rank_of(u.rank, group, u.tied);
    let dp = input.project.policy.score_decimals;
    text.unit_standing(&esc(&u.name), &score_text(u.total, dp), &rank)
}

/// Each indicator a vetoed unit failed, with its base, its earned score and the one-line
/// explanation of the deduction.
pub(crate) fn failed_items(
    input: &RankInput,
    u: &UnitResult,
    esc: fn(&str) -> String,
) -> Vec<String> {
    let dp = input.project.policy.score_decimals;
    let text = ExportText(input.lang);
    u.failed
        .iter()
        .filter_map(|id| {
            let item = u.item(id)?;
            let name = input
                .project
                .indicator(id)
                .map_or(id.as_str(), |i| i.name.as_str());
            let why = crate::explain::item(input.project, input.board, &u.id, id)
                .map(|e| crate::i18n::explain::item_short(&e, input.lang))
                .unwrap_or_default();
            Some(text.failed_item(
                &esc(name),
                &item.base.normalize().to_string(),
                &score_text(item.earned, dp),
                &esc(&why),
            ))
        })
        .collect()
}

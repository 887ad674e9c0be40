//! The ranking rendered for people and for programs: an aligned table, JSON
//! (`kaoping-rank/1`, SPEC §5), CSV and Markdown; and the exports of `kaoping export`
//! (a workbook, csv tables, minutes, a printable html report). Renderers only read a
//! scoreboard.

mod csv;
mod export;
mod html;
mod json;
mod markdown;
mod table;
mod tables;
mod xlsx;

pub use csv::rank_csv;
pub use export::{CsvTable, export_csv, export_html, export_markdown, export_xlsx};
pub use json::rank_json;
pub use table::{rank_markdown, rank_table};

use crate::i18n::{Lang, T};
use crate::project::problem::Problem;
use crate::project::{Project, UnitKind};
use crate::scoring::{Scoreboard, UnitResult};

/// What every ranking report is made from.
pub struct RankInput<'a> {
    pub project: &'a Project,
    pub board: &'a Scoreboard,
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

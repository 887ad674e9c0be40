//! The ranking, one row per unit: every ranking kaoping prints or exports is built here
//! (the text table, csv for people and for programs, markdown, html, the workbook).

use super::{Cell, Row, Table, award_names, indicator_names, yes};
use crate::explain;
use crate::i18n::explain::unit_short;
use crate::i18n::{ExplainText, T};
use crate::report::{RankInput, flag_list};
use crate::scoring::UnitResult;

/// A column of a ranking table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RankCol {
    Group,
    Rank,
    /// The rank with `=` when tied (`4=`), as text.
    RankTied,
    Tied,
    Id,
    Unit,
    Kind,
    Organization,
    Survey,
    Task,
    Penalty,
    Total,
    Vetoed,
    Failed,
    Comprehensive,
    Awards,
    LastPlace,
    Pending,
    /// The flags in words (★ comprehensive, ✗ veto (indicator), ▼ last place, ◆ award …).
    Flags,
    Note,
}

/// Who reads a ranking table: people (headers and words in their language, names of
/// indicators and awards) or programs (`rank --format csv`: column keys, ids, `true` /
/// `false`, lists joined with `;`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Audience {
    People,
    Programs,
}

impl RankCol {
    /// The column's key for programs.
    fn key(self) -> &'static str {
        match self {
            RankCol::Group => "group",
            RankCol::Rank | RankCol::RankTied => "rank",
            RankCol::Tied => "tied",
            RankCol::Id => "id",
            RankCol::Unit => "name",
            RankCol::Kind => "kind",
            RankCol::Organization => "organization",
            RankCol::Survey => "survey",
            RankCol::Task => "task",
            RankCol::Penalty => "penalty",
            RankCol::Total => "total",
            RankCol::Vetoed => "vetoed",
            RankCol::Failed => "failed",
            RankCol::Comprehensive => "comprehensive",
            RankCol::Awards => "awards",
            RankCol::LastPlace => "last_place",
            RankCol::Pending => "pending",
            RankCol::Flags => "flags",
            RankCol::Note => "note",
        }
    }

    /// The cell for programs: ids and keys, never words.
    fn program_cell(self, group: T, u: &UnitResult) -> Cell {
        let flag = |b: bool| Cell::Text(b.to_string());
        match self {
            RankCol::Group if group == T::CityDepartments => Cell::Text("departments".into()),
            RankCol::Group => Cell::Text("units".into()),
            RankCol::Tied => flag(u.tied),
            RankCol::Kind => Cell::Text(u.kind.name().into()),
            RankCol::Vetoed => flag(u.vetoed()),
            RankCol::Failed => Cell::text(u.failed.join(";")),
            RankCol::Comprehensive => flag(u.comprehensive),
            RankCol::Awards => Cell::text(u.awards.join(";")),
            RankCol::LastPlace => flag(u.last_place),
            RankCol::Pending => flag(u.pending.any()),
            _ => Cell::Empty,
        }
    }

    fn header(self) -> T {
        match self {
            RankCol::Group => T::ExportGroup,
            RankCol::Rank | RankCol::RankTied => T::ExportRank,
            RankCol::Tied => T::ExportTied,
            RankCol::Id => T::ExportId,
            RankCol::Unit => T::ExportUnit,
            RankCol::Kind => T::ExportKind,
            RankCol::Organization => T::ExportOrganization,
            RankCol::Survey => T::ExportSurvey,
            RankCol::Task => T::ExportTask,
            RankCol::Penalty => T::ExportPenalty,
            RankCol::Total => T::ExportTotal,
            RankCol::Vetoed => T::ExportVetoed,
            RankCol::Failed => T::ExportFailed,
            RankCol::Comprehensive => T::ExportComprehensive,
            RankCol::Awards => T::ExportAwards,
            RankCol::LastPlace => T::ExportLastPlace,
            RankCol::Pending => T::ExportPending,
            RankCol::Flags => T::Flags,
            RankCol::Note => T::ExportNote,
        }
    }

    fn cell(self, input: &RankInput, group: T, u: &UnitResult) -> Cell {
        let lang = input.lang;
        match self {
            RankCol::Group => Cell::Text(group.get(lang).to_string()),
            RankCol::Rank => Cell::Int(u.rank),
            RankCol::RankTied if u.tied => Cell::Text(format!("{}=", u.rank)),
            RankCol::RankTied => Cell::Text(u.rank.to_string()),
            RankCol::Tied => yes(u.tied, lang),
            RankCol::Id => Cell::Text(u.id.clone()),
            RankCol::Unit => Cell::text(&u.name),
            RankCol::Kind => Cell::Text(ExplainText(lang).kind(u.kind).to_string()),
            RankCol::Organization => Cell::Score(u.organization),
            RankCol::Survey => Cell::Score(u.survey),
            RankCol::Task => Cell::Score(u.task),
            RankCol::Penalty => Cell::Score(u.penalty),
            RankCol::Total => Cell::Score(u.total),
            RankCol::Vetoed if u.vetoed() => Cell::Alert(T::ExportYes.get(lang).to_string()),
            RankCol::Vetoed => Cell::Empty,
            RankCol::Failed => Cell::Text(indicator_names(input, &u.failed)),
            RankCol::Comprehensive => yes(u.comprehensive, lang),
            RankCol::Awards => Cell::Text(award_names(input, &u.awards)),
            RankCol::LastPlace if u.last_place => Cell::Alert(T::ExportYes.get(lang).to_string()),
            RankCol::LastPlace => Cell::Empty,
            RankCol::Pending => yes(u.pending.any(), lang),
            RankCol::Flags => Cell::Flags(flag_list(input.project, u, lang)),
            RankCol::Note => Cell::text(
                explain::summary(input.project, input.board, &u.id)
                    .map(|s| unit_short(&s, lang))
                    .unwrap_or_default(),
            ),
        }
    }
}

/// The ranking of the given groups (each with its name), one row per unit, for people.
pub(crate) fn ranking(input: &RankInput, cols: &[RankCol], groups: &[(T, &[UnitResult])]) -> Table {
    ranking_for(input, cols, groups, Audience::People)
}

/// The ranking of the given groups for people or for programs. Every ranking kaoping
/// prints or exports is built here (the text table, csv, markdown, html, the workbook).
pub(crate) fn ranking_for(
    input: &RankInput,
    cols: &[RankCol],
    groups: &[(T, &[UnitResult])],
    audience: Audience,
) -> Table {
    let header = cols
        .iter()
        .map(|c| match audience {
            Audience::People => c.header().get(input.lang).into(),
            Audience::Programs => c.key().into(),
        })
        .collect();
    let mut rows = Vec::new();
    for (group, units) in groups {
        for u in units.iter() {
            let cells = cols
                .iter()
                .map(|c| match (audience, c.program_cell(*group, u)) {
                    (Audience::Programs, Cell::Empty) | (Audience::People, _) => {
                        c.cell(input, *group, u)
                    }
                    (Audience::Programs, cell) => cell,
                })
                .collect();
            rows.push(Row {
                unit: Some(u.id.clone()),
                ..Row::new(cells)
            });
        }
    }
    Table {
        header,
        rows,
        note_column: cols.iter().position(|c| *c == RankCol::Note),
    }
}

/// The columns of a ranking as the text table, the minutes and the html report show it:
/// rank, unit, the sections, total and flags.
pub(crate) const SHORT_RANKING: &[RankCol] = &[
    RankCol::RankTied,
    RankCol::Unit,
    RankCol::Organization,
    RankCol::Survey,
    RankCol::Task,
    RankCol::Penalty,
    RankCol::Total,
    RankCol::Flags,
];

/// The columns of `rank --format csv`, for programs: both groups, ids, flags as `true` /
/// `false`, lists of ids joined with `;`.
pub(crate) const PROGRAM_RANKING: &[RankCol] = &[
    RankCol::Group,
    RankCol::Rank,
    RankCol::Id,
    RankCol::Unit,
    RankCol::Kind,
    RankCol::Tied,
    RankCol::Organization,
    RankCol::Survey,
    RankCol::Task,
    RankCol::Penalty,
    RankCol::Total,
    RankCol::Vetoed,
    RankCol::Failed,
    RankCol::Pending,
    RankCol::Comprehensive,
    RankCol::LastPlace,
    RankCol::Awards,
];

/// The columns of the spreadsheet's ranking of counties and the zone.
pub(crate) const UNIT_RANKING: &[RankCol] = &[
    RankCol::Rank,
    RankCol::Tied,
    RankCol::Unit,
    RankCol::Kind,
    RankCol::Organization,
    RankCol::Survey,
    RankCol::Task,
    RankCol::Penalty,
    RankCol::Total,
    RankCol::Vetoed,
    RankCol::Failed,
    RankCol::Comprehensive,
    RankCol::Awards,
    RankCol::LastPlace,
    RankCol::Pending,
    RankCol::Note,
];

/// The columns of the spreadsheet's ranking of city departments: the counties' without
/// kind, single-item awards and last place (the regulation gives departments none of
/// those).
pub(crate) fn department_ranking() -> Vec<RankCol> {
    UNIT_RANKING
        .iter()
        .copied()
        .filter(|c| !matches!(c, RankCol::Kind | RankCol::Awards | RankCol::LastPlace))
        .collect()
}

/// The columns of the csv ranking: both groups in one table, the counties' columns with
/// the group in front and the id before the name.
pub(crate) fn csv_ranking() -> Vec<RankCol> {
    let mut cols = vec![RankCol::Group];
    for col in UNIT_RANKING {
        if *col == RankCol::Unit {
            cols.push(RankCol::Id);
        }
        cols.push(*col);
    }
    cols
}

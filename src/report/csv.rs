//! `kaoping rank --format csv`: one row per ranked unit, both groups, for spreadsheets
//! and scripts (UTF-8, no BOM; lists joined with `;`).

use super::RankInput;
use crate::scoring::UnitResult;
use crate::scoring::score_text;

const HEADER: [&str; 17] = [
    "group",
    "rank",
    "id",
    "name",
    "kind",
    "tied",
    "organization",
    "survey",
    "task",
    "penalty",
    "total",
    "vetoed",
    "failed",
    "pending",
    "comprehensive",
    "last_place",
    "awards",
];

/// The ranking as CSV.
pub fn rank_csv(input: &RankInput) -> String {
    let dp = input.project.policy.score_decimals;
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![HEADER.iter().map(|h| h.to_string()).collect()];
    let mut push = |group: &str, u: &UnitResult| {
        rows.push(vec![
            group.to_string(),
            u.rank.to_string(),
            u.id.clone(),
            u.name.clone(),
            u.kind.name().to_string(),
            u.tied.to_string(),
            score_text(u.organization, dp),
            score_text(u.survey, dp),
            score_text(u.task, dp),
            score_text(u.penalty, dp),
            score_text(u.total, dp),
            u.vetoed().to_string(),
            u.failed.join(";"),
            u.pending.any().to_string(),
            u.comprehensive.to_string(),
            u.last_place.to_string(),
            u.awards.join(";"),
        ]);
    };
    for u in &input.board.units {
        push("units", u);
    }
    for u in &input.board.departments {
        push("departments", u);
    }
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(&row);
    }
    writer
        .into_inner()
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_default()
}

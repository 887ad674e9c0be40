//! `kaoping rank --format json`: the `kaoping-rank/1` document of SPEC §5.

use super::{RankInput, score_text, warning_line};
use crate::scoring::UnitResult;
use serde_json::{Map, Value, json};

/// The ranking as JSON, decimals as strings, units in rank order.
pub fn rank_json(input: &RankInput) -> String {
    let dp = input.project.policy.score_decimals;
    let unit = |u: &UnitResult| {
        let items: Map<String, Value> = u
            .items
            .iter()
            .map(|i| (i.indicator.clone(), Value::String(score_text(i.earned, dp))))
            .collect();
        json!({
            "id": u.id,
            "name": u.name,
            "kind": u.kind.name(),
            "rank": u.rank,
            "tied": u.tied,
            "organization": score_text(u.organization, dp),
            "survey": score_text(u.survey, dp),
            "task": score_text(u.task, dp),
            "penalty": score_text(u.penalty, dp),
            "total": score_text(u.total, dp),
            "vetoed": u.vetoed(),
            "failed": u.failed,
            "pending": u.pending.any(),
            "comprehensive": u.comprehensive,
            "last_place": u.last_place,
            "awards": u.awards,
            "items": items,
        })
    };
    let doc = json!({
        "format": "kaoping-rank/1",
        "title": input.project.title,
        "units": input.board.units.iter().map(unit).collect::<Vec<_>>(),
        "departments": input.board.departments.iter().map(unit).collect::<Vec<_>>(),
        "awards": input.board.awards.iter().map(|a| json!({
            "id": a.id,
            "name": a.name,
            "winners": a.winners,
        })).collect::<Vec<_>>(),
        "warnings": input.warnings.iter().map(|w| warning_line(w, input.lang)).collect::<Vec<_>>(),
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

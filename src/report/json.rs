//! `kaoping rank --format json`: the `kaoping-rank/1` document of SPEC §5.

use super::{RankInput, warning_line};
use crate::scoring::UnitResult;
use crate::scoring::score_text;
use indexmap::IndexMap;
use serde::Serialize;

#[derive(Serialize)]
struct RankDoc<'a> {
    format: &'static str,
    title: &'a str,
    units: Vec<UnitJson<'a>>,
    departments: Vec<UnitJson<'a>>,
    awards: Vec<AwardJson<'a>>,
    individuals: Vec<IndividualsJson<'a>>,
    warnings: Vec<String>,
}

/// One unit's (or department's) 先进个人 places and nominees' names.
#[derive(Serialize)]
struct IndividualsJson<'a> {
    id: &'a str,
    quota: u32,
    nominees: &'a [String],
}

/// One ranked unit, in the field order of SPEC §5.
#[derive(Serialize)]
struct UnitJson<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    rank: u32,
    tied: bool,
    organization: String,
    survey: String,
    task: String,
    penalty: String,
    total: String,
    vetoed: bool,
    failed: &'a [String],
    pending: bool,
    comprehensive: bool,
    last_place: bool,
    awards: &'a [String],
    items: IndexMap<&'a str, String>,
}

#[derive(Serialize)]
struct AwardJson<'a> {
    id: &'a str,
    name: &'a str,
    winners: &'a [String],
}

fn unit_json<'a>(u: &'a UnitResult, dp: u32) -> UnitJson<'a> {
    UnitJson {
        id: &u.id,
        name: &u.name,
        kind: u.kind.name(),
        rank: u.rank,
        tied: u.tied,
        organization: score_text(u.organization, dp),
        survey: score_text(u.survey, dp),
        task: score_text(u.task, dp),
        penalty: score_text(u.penalty, dp),
        total: score_text(u.total, dp),
        vetoed: u.vetoed(),
        failed: &u.failed,
        pending: u.pending.any(),
        comprehensive: u.comprehensive,
        last_place: u.last_place,
        awards: &u.awards,
        items: u
            .items
            .iter()
            .map(|i| (&*i.indicator, score_text(i.earned, dp)))
            .collect(),
    }
}

/// The ranking as JSON, decimals as strings, units in rank order.
pub fn rank_json(input: &RankInput) -> String {
    let dp = input.project.policy.score_decimals;
    let doc = RankDoc {
        format: "kaoping-rank/1",
        title: &input.project.title,
        units: input.board.units.iter().map(|u| unit_json(u, dp)).collect(),
        departments: input
            .board
            .departments
            .iter()
            .map(|u| unit_json(u, dp))
            .collect(),
        awards: input
            .board
            .awards
            .iter()
            .map(|a| AwardJson {
                id: &a.id,
                name: &a.name,
                winners: &a.winners,
            })
            .collect(),
        individuals: input
            .board
            .individuals
            .iter()
            .map(|i| IndividualsJson {
                id: &i.id,
                quota: i.quota,
                nominees: &i.nominees,
            })
            .collect(),
        warnings: input
            .warnings
            .iter()
            .map(|w| warning_line(w, input.lang))
            .collect(),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    let mut out = escape_controls(&serde_json::to_string_pretty(&doc).unwrap_or_default());
    out.push('\n');
    out
}

/// JSON with every control character escaped: serde escapes C0, and this the rest that a
/// terminal would obey when the document is printed — DEL, the C1 controls (U+0080–
/// U+009F, U+009B is a CSI) and the bidirectional controls ([`crate::text::is_unsafe`]).
/// They can only stand inside strings, where `\uXXXX` means the same character.
fn escape_controls(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if crate::text::is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r') {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_control_character_is_escaped() {
        let text = super::escape_controls("\"a\u{7f}b\u{9b}c\u{85}d\u{202e}e\"\n");
        assert_eq!(text, "\"a\\u007fb\\u009bc\\u0085d\\u202ee\"\n");
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value, "a\u{7f}b\u{9b}c\u{85}d\u{202e}e");
    }
}

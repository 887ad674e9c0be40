//! Every ranking report, in both languages, of any project that scores: must never
//! panic, and the JSON report must be valid JSON.
#![no_main]

use kaoping::i18n::Lang;
use kaoping::report::{RankInput, rank_csv, rank_json, rank_markdown, rank_table};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let analysis = kaoping::check::analyze(text);
    if analysis.has_errors() {
        return;
    }
    let (Some(project), Some(board)) = (&analysis.project, &analysis.board) else {
        return;
    };
    for lang in [Lang::En, Lang::Zh] {
        let input = RankInput {
            project,
            board,
            warnings: &analysis.problems,
            lang,
        };
        let _ = rank_table(&input);
        let _ = rank_markdown(&input);
        let _ = rank_csv(&input);
        let json = rank_json(&input);
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
            panic!("rank_json is not valid JSON ({e}):\n{json}");
        }
    }
});

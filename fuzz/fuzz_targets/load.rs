//! The loader on arbitrary bytes: `analyze` (parse, load, check, score) must never
//! panic, and a project that loads without errors must survive `to_toml` and a second
//! `analyze` unchanged (same project, same scores, still no errors).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let first = kaoping::check::analyze(text);
    if first.has_errors() {
        return;
    }
    let Some(project) = &first.project else {
        return;
    };
    let written = kaoping::project::to_toml(project);
    let second = kaoping::check::analyze(&written);
    assert!(
        !second.has_errors(),
        "round trip: the written file has errors: {:?}\n--- written ---\n{written}",
        second.problems
    );
    assert_eq!(
        second.project.as_ref(),
        Some(project),
        "round trip: the project changed\n--- written ---\n{written}"
    );
    assert_eq!(
        second.board, first.board,
        "round trip: the scores changed\n--- written ---\n{written}"
    );
});

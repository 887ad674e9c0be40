//! A TOML path such as `scores.jia.indicators.new-jobs.target` or `indicators[2].base`,
//! the name every problem carries so the user can find the value.

use std::fmt;

/// One step of a [`TomlPath`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSeg {
    Key(String),
    /// An element of an array (of tables), counted from 0.
    Index(usize),
}

/// Where a value sits in the document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct TomlPath(pub Vec<PathSeg>);

impl TomlPath {
    pub fn root() -> Self {
        TomlPath(Vec::new())
    }

    /// This path with a key appended.
    pub fn key(&self, key: &str) -> Self {
        let mut segs = self.0.clone();
        segs.push(PathSeg::Key(key.to_string()));
        TomlPath(segs)
    }

    /// This path with an array index appended.
    pub fn index(&self, index: usize) -> Self {
        let mut segs = self.0.clone();
        segs.push(PathSeg::Index(index));
        TomlPath(segs)
    }

    /// Builds a path of keys only: `TomlPath::keys(&["scores", "jia", "survey"])`.
    pub fn keys(keys: &[&str]) -> Self {
        TomlPath(keys.iter().map(|k| PathSeg::Key(k.to_string())).collect())
    }

    /// Parses a path as written on the command line or shown in messages:
    /// `scores.jia.indicators.new-jobs.actual`, `indicators[2].base`, `scores."甲".survey`.
    pub fn parse(text: &str) -> Option<TomlPath> {
        let mut segs = Vec::new();
        let mut rest = text.trim();
        let mut first = true;
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('[') {
                let end = after.find(']')?;
                segs.push(PathSeg::Index(after[..end].trim().parse().ok()?));
                rest = &after[end + 1..];
                first = false;
                continue;
            }
            if !first {
                rest = rest.strip_prefix('.')?;
            }
            first = false;
            let (key, tail) = if let Some(quoted) = rest.strip_prefix('"') {
                basic_string(quoted)?
            } else if let Some(quoted) = rest.strip_prefix('\'') {
                let end = quoted.find('\'')?;
                (quoted[..end].to_string(), &quoted[end + 1..])
            } else {
                let end = rest.find(['.', '[']).unwrap_or(rest.len());
                (rest[..end].trim().to_string(), &rest[end..])
            };
            if key.is_empty() {
                return None;
            }
            segs.push(PathSeg::Key(key));
            rest = tail;
        }
        (!segs.is_empty()).then_some(TomlPath(segs))
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The last key of the path, if it ends in one.
    pub fn last_key(&self) -> Option<&str> {
        match self.0.last() {
            Some(PathSeg::Key(k)) => Some(k),
            _ => None,
        }
    }
}

/// The body of a TOML basic string (after its opening `"`), with its escapes read, and
/// the text after its closing `"`.
fn basic_string(text: &str) -> Option<(String, &str)> {
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Some((out, &text[at + 1..])),
            '\\' => {
                let (_, e) = chars.next()?;
                out.push(match e {
                    'b' => '\u{8}',
                    't' => '\t',
                    'n' => '\n',
                    'f' => '\u{c}',
                    'r' => '\r',
                    '"' => '"',
                    '\\' => '\\',
                    'e' => '\u{1b}',
                    'u' | 'U' => {
                        let len = if e == 'u' { 4 } else { 8 };
                        let hex: String = (0..len)
                            .map(|_| chars.next().map(|(_, h)| h))
                            .collect::<Option<_>>()?;
                        char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
                    }
                    _ => return None,
                });
            }
            c => out.push(c),
        }
    }
    None
}

/// A key written as TOML writes a quoted key: `"…"` with `\"`, `\\` and the control
/// characters escaped (so that [`TomlPath::parse`] reads it back).
fn quoted_key(key: &str) -> String {
    let mut out = String::from("\"");
    for c in key.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A key that TOML lets stand bare; any other is written quoted.
fn is_bare_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl fmt::Display for TomlPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSeg::Key(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    if is_bare_key(k) {
                        f.write_str(k)?;
                    } else {
                        f.write_str(&quoted_key(k))?;
                    }
                }
                PathSeg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_like_a_toml_path() {
        let p = TomlPath::keys(&["scores", "jia", "indicators", "new-jobs", "target"]);
        assert_eq!(p.to_string(), "scores.jia.indicators.new-jobs.target");
        let p = TomlPath::root().key("indicators").index(2).key("base");
        assert_eq!(p.to_string(), "indicators[2].base");
        let p = TomlPath::keys(&["scores", "甲县"]);
        assert_eq!(p.to_string(), "scores.\"甲县\"");
    }

    #[test]
    fn parses_what_it_displays() {
        for text in [
            "scores.jia.indicators.new-jobs.actual",
            "indicators[2].base",
            "scores.\"甲 县\".survey",
            "a[0][1].b",
        ] {
            assert_eq!(TomlPath::parse(text).unwrap().to_string(), text);
        }
        // Quotes, backslashes and control characters in a key survive the round trip.
        let odd = TomlPath::keys(&["scores", "in\"di\\c\u{0}\u{1b}x", "甲"]);
        assert_eq!(TomlPath::parse(&odd.to_string()), Some(odd.clone()));
        assert_eq!(
            TomlPath::parse("scores.'lit\"eral'.x"),
            Some(TomlPath::keys(&["scores", "lit\"eral", "x"]))
        );
        for bad in [
            "",
            "a..b",
            "a.",
            "a[x]",
            "a[1",
            ".a",
            "\"open",
            "\"bad\\q\"",
        ] {
            assert!(TomlPath::parse(bad).is_none(), "{bad}");
        }
    }
}

//! Text as the terminal shows it: display width (a Chinese character takes two columns),
//! padding and truncation at grapheme boundaries, and names made safe to print.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The number of terminal columns `s` takes, grapheme by grapheme as ratatui draws it: a
/// one-byte grapheme is one column, any other its Unicode width (a halfwidth ﾞ or ﾟ one
/// more), a grapheme of width 0 none.
pub fn width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

fn grapheme_width(g: &str) -> usize {
    if g.len() == 1 {
        return usize::from(!g.as_bytes()[0].is_ascii_control());
    }
    let halfwidth_marks = g
        .chars()
        .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
        .count();
    UnicodeWidthStr::width(g) + halfwidth_marks
}

/// `s` cut to at most `max` columns; a cut string ends in `…`. Never splits a grapheme.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// `s` truncated to `w` columns and padded with spaces on the right to exactly `w`.
pub fn pad_right(s: &str, w: usize) -> String {
    let s = truncate(s, w);
    let fill = w.saturating_sub(width(&s));
    format!("{s}{}", " ".repeat(fill))
}

/// `s` truncated to `w` columns and padded with spaces on the left to exactly `w`.
pub fn pad_left(s: &str, w: usize) -> String {
    let s = truncate(s, w);
    let fill = w.saturating_sub(width(&s));
    format!("{}{s}", " ".repeat(fill))
}

/// Text from a file made safe to write anywhere: control characters (and so every escape
/// sequence, which starts with ESC) and the bidirectional controls become `�`, so that a
/// name holding `\x1b]52;…` cannot become a command and one holding U+202E cannot turn
/// the rest of a line around. What the exports write.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
        .collect()
}

/// Text from a file made safe for a terminal: [`clean`], and every grapheme whose width
/// terminals disagree on (emoji joined by ZWJ, variation selectors, skin tones, flags,
/// stacked combining marks) shown by its first character alone, so that columns line up
/// and no cell is left stale. A letter with one accent stays as it is.
pub fn sanitize(s: &str) -> String {
    let clean = clean(s);
    if clean.is_ascii() {
        return clean;
    }
    let mut out = String::with_capacity(clean.len());
    for g in clean.graphemes(true) {
        if trusted(g) {
            out.push_str(g);
        } else {
            let first = g.chars().next().unwrap_or('\u{FFFD}');
            let shown = if UnicodeWidthChar::width(first).unwrap_or(0) == 0 {
                '\u{FFFD}'
            } else {
                first
            };
            out.push(shown);
        }
    }
    out
}

/// Whether terminals draw a grapheme as wide as it measures: one character, or a
/// character and one combining mark.
fn trusted(g: &str) -> bool {
    let mut chars = g.chars();
    chars.next();
    match (chars.next(), chars.next()) {
        (None, _) => true,
        (Some(mark), None) => {
            UnicodeWidthChar::width(mark) == Some(0)
                && !matches!(mark, '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
        }
        _ => false,
    }
}

/// Text made safe line by line: like [`sanitize`], but line breaks stay.
pub fn sanitize_lines(s: &str) -> String {
    s.split_inclusive('\n')
        .map(|line| match line.strip_suffix('\n') {
            Some(body) => sanitize(body) + "\n",
            None => sanitize(line),
        })
        .collect()
}

/// A character a terminal would obey rather than show: the C0 and C1 controls, DEL,
/// and the bidirectional embeddings, overrides, isolates and marks (U+202A–U+202E,
/// U+2066–U+2069, U+200E, U+200F, U+061C).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_columns_not_bytes() {
        assert_eq!(width("甲县"), 4);
        assert_eq!(width("abc"), 3);
        assert_eq!(width("经济开发区"), 10);
    }

    #[test]
    fn truncates_at_grapheme_boundaries_with_an_ellipsis() {
        assert_eq!(truncate("经济开发区", 10), "经济开发区");
        assert_eq!(truncate("经济开发区", 9), "经济开发…");
        assert_eq!(truncate("经济开发区", 8), "经济开…");
        assert_eq!(truncate("abcdef", 4), "abc…");
        // A combining accent stays with its letter.
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn pads_to_display_width() {
        assert_eq!(pad_right("甲县", 6), "甲县  ");
        assert_eq!(pad_left("甲县", 6), "  甲县");
        assert_eq!(width(&pad_right("经济开发区", 7)), 7);
    }

    #[test]
    fn graphemes_of_untrusted_width_show_their_first_character() {
        // A family (three emoji joined by ZWJ), a flag, a skin tone, stacked marks.
        assert_eq!(sanitize("甲👨\u{200d}👩\u{200d}👧县"), "甲👨县");
        assert_eq!(sanitize("a\u{301}\u{302}\u{303}b"), "ab");
        assert_eq!(sanitize("👍\u{1F3FD}"), "👍");
        assert_eq!(sanitize("❤\u{FE0F}"), "❤");
        // One accent is fine; CJK and plain text unchanged.
        assert_eq!(sanitize("e\u{301}"), "e\u{301}");
        assert_eq!(sanitize("经济开发区 abc"), "经济开发区 abc");
        // What is shown measures as it is drawn.
        for s in ["甲👨\u{200d}👩\u{200d}👧县", "a\u{301}\u{302}b", "🇨🇳x"] {
            let shown = sanitize(s);
            let drawn: usize = shown.graphemes(true).map(grapheme_width).sum();
            assert_eq!(width(&shown), drawn, "{s:?}");
        }
        // The exports keep the name whole.
        assert_eq!(clean("👨\u{200d}👩"), "👨\u{200d}👩");
    }

    #[test]
    fn bidirectional_controls_are_shown_not_obeyed() {
        assert_eq!(sanitize("甲\u{202E}县"), "甲\u{FFFD}县");
        assert_eq!(sanitize("a\u{2067}b\u{200F}"), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(sanitize("\u{9b}31m"), "\u{FFFD}31m");
        assert_eq!(sanitize_lines("a\u{1b}\nb\n"), "a\u{FFFD}\nb\n");
    }

    #[test]
    fn sanitize_removes_escape_sequences() {
        let evil = "甲县\x1b]52;c;ZXZpbA==\x07";
        let safe = sanitize(evil);
        assert!(!safe.contains('\x1b') && !safe.contains('\x07'));
        assert!(safe.starts_with("甲县"));
    }
}

//! Text as the terminal shows it: display width (a Chinese character takes two columns),
//! padding and truncation at grapheme boundaries, and names made safe to print.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The number of terminal columns `s` takes.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
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

/// A name from the file made safe for a terminal: control characters (and so every
/// escape sequence, which starts with ESC) and the bidirectional controls become `�`,
/// so that a name holding `\x1b]52;…` cannot reach the terminal as a command and one
/// holding U+202E cannot turn the rest of a line around.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
        .collect()
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

//! A one-line text field. The caret is a byte offset that always stands on a grapheme
//! boundary, so Chinese text, accents and emoji move and delete as the user sees them, and
//! every edit costs in proportion to what it changes (finding a neighbouring boundary
//! looks at a few characters, not the whole text); its column is the display width of
//! the text before it (where the real terminal cursor goes, for input methods).
//!
//! A field holds at most [`MAX_CHARS`] characters: a value, a name or a note is far
//! shorter, and a paste that would make it longer is refused whole, with a message.

use crate::text::width;
use unicode_segmentation::GraphemeCursor;

/// The most characters a field holds.
pub const MAX_CHARS: usize = 1000;

/// A paste or a keystroke that would make a field longer than [`MAX_CHARS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    text: String,
    /// A byte offset into `text`, on a grapheme boundary.
    caret: usize,
    /// How many characters `text` holds (kept, so that the limit costs nothing).
    chars: usize,
}

impl Input {
    /// A field holding `text` (cut to [`MAX_CHARS`]), the caret at its end.
    pub fn new(text: &str) -> Input {
        let text: String = text.chars().take(MAX_CHARS).collect();
        Input {
            caret: text.len(),
            chars: text.chars().count(),
            text,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The grapheme boundary before the caret (the caret itself at the start).
    fn prev_boundary(&self) -> usize {
        let mut cursor = GraphemeCursor::new(self.caret, self.text.len(), true);
        prev_boundary(&mut cursor, &self.text).unwrap_or(0)
    }

    /// The grapheme boundary after the caret (the caret itself at the end).
    fn next_boundary(&self) -> usize {
        let mut cursor = GraphemeCursor::new(self.caret, self.text.len(), true);
        next_boundary(&mut cursor, &self.text).unwrap_or(self.text.len())
    }

    /// Inserts text at the caret (a typed character or a paste; line breaks and other
    /// control characters become spaces), or refuses it whole when the field would grow
    /// past [`MAX_CHARS`].
    pub fn insert(&mut self, s: &str) -> Result<(), TooLong> {
        let added = s.chars().count();
        if self.chars + added > MAX_CHARS {
            return Err(TooLong);
        }
        let clean: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        self.text.insert_str(self.caret, &clean);
        self.caret += clean.len();
        self.chars += added;
        // A combining mark typed after a letter joins its grapheme: stay on a boundary.
        let mut cursor = GraphemeCursor::new(self.caret, self.text.len(), true);
        if !cursor.is_boundary(&self.text, 0).unwrap_or(true) {
            self.caret = next_boundary(&mut cursor, &self.text).unwrap_or(self.text.len());
        }
        Ok(())
    }

    pub fn backspace(&mut self) {
        let start = self.prev_boundary();
        self.remove(start, self.caret);
        self.caret = start;
    }

    pub fn delete(&mut self) {
        let end = self.next_boundary();
        self.remove(self.caret, end);
    }

    fn remove(&mut self, start: usize, end: usize) {
        self.chars -= self.text[start..end].chars().count();
        self.text.replace_range(start..end, "");
    }

    pub fn left(&mut self) {
        self.caret = self.prev_boundary();
    }

    pub fn right(&mut self) {
        self.caret = self.next_boundary();
    }

    pub fn home(&mut self) {
        self.caret = 0;
    }

    pub fn end(&mut self) {
        self.caret = self.text.len();
    }

    /// Empties the field (Ctrl-U).
    pub fn clear(&mut self) {
        self.text.clear();
        self.caret = 0;
        self.chars = 0;
    }

    /// Deletes the word before the caret (Ctrl-W): the spaces just before it, then
    /// everything back to the previous space (or the start).
    pub fn delete_word_back(&mut self) {
        let before = &self.text[..self.caret];
        let trimmed = before.trim_end_matches(char::is_whitespace);
        let start = trimmed.rfind(char::is_whitespace).map_or(0, |i| {
            i + trimmed[i..].chars().next().map_or(1, char::len_utf8)
        });
        self.remove(start, self.caret);
        self.caret = start;
    }

    /// Deletes from the caret to the end (Ctrl-K).
    pub fn delete_to_end(&mut self) {
        self.remove(self.caret, self.text.len());
    }

    /// The display column of the caret from the start of the text.
    pub fn caret_column(&self) -> usize {
        width(&self.text[..self.caret])
    }
}

/// The boundary before the cursor's; `None` at the start.
fn prev_boundary(cursor: &mut GraphemeCursor, text: &str) -> Option<usize> {
    // The whole text is the one chunk, so the cursor never asks for more context.
    cursor.prev_boundary(text, 0).ok().flatten()
}

/// The boundary after the cursor's; `None` at the end.
fn next_boundary(cursor: &mut GraphemeCursor, text: &str) -> Option<usize> {
    cursor.next_boundary(text, 0).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_grapheme_and_places_the_caret_by_width() {
        let mut i = Input::new("东城");
        assert_eq!(i.caret_column(), 4);
        i.insert("县").unwrap();
        assert_eq!(i.text(), "东城县");
        i.left();
        i.left();
        assert_eq!(i.caret_column(), 2);
        i.backspace();
        assert_eq!(i.text(), "城县");
        i.delete();
        assert_eq!(i.text(), "县");
        i.end();
        i.insert("e\u{301}").unwrap();
        i.left();
        assert_eq!(i.caret_column(), 2);
        i.delete();
        assert_eq!(i.text(), "县");
    }

    #[test]
    fn a_paste_with_line_breaks_stays_on_one_line() {
        let mut i = Input::default();
        i.insert("950\n").unwrap();
        assert_eq!(i.text(), "950 ");
        i.backspace();
        i.home();
        i.insert("1").unwrap();
        assert_eq!(i.text(), "1950");
    }

    #[test]
    fn a_combining_mark_typed_alone_joins_its_letter() {
        let mut i = Input::new("e");
        i.insert("\u{301}").unwrap();
        assert_eq!(i.caret_column(), 1);
        i.backspace();
        assert_eq!(i.text(), "");
        // A family emoji (joined by ZWJ) goes in one step.
        let mut i = Input::new("a👨\u{200d}👩\u{200d}👧");
        i.backspace();
        assert_eq!(i.text(), "a");
    }

    #[test]
    fn clear_word_and_kill_to_the_end() {
        let mut i = Input::new("城镇 新增就业  5000");
        i.delete_word_back();
        assert_eq!(i.text(), "城镇 新增就业  ");
        i.delete_word_back();
        assert_eq!(i.text(), "城镇 ");
        i.home();
        i.right();
        i.delete_to_end();
        assert_eq!(i.text(), "城");
        assert_eq!(i.caret_column(), 2);
        i.delete_word_back();
        assert_eq!((i.text(), i.caret_column()), ("", 0));
        i.delete_word_back();
        let mut i = Input::new("1.5");
        i.clear();
        assert_eq!((i.text(), i.caret_column()), ("", 0));
        // The count is kept: the field takes its maximum again.
        assert_eq!(i.insert(&"a".repeat(MAX_CHARS)), Ok(()));
    }

    #[test]
    fn a_field_has_a_maximum_and_a_paste_past_it_is_refused_whole() {
        let mut i = Input::new(&"字".repeat(MAX_CHARS - 2));
        assert_eq!(i.insert("三个字"), Err(TooLong));
        assert_eq!(i.text().chars().count(), MAX_CHARS - 2);
        assert_eq!(i.insert("两字"), Ok(()));
        assert_eq!(i.insert("x"), Err(TooLong));
        i.backspace();
        assert_eq!(i.insert("x"), Ok(()));
        assert_eq!(Input::new(&"a".repeat(5000)).text().len(), MAX_CHARS);
    }
}

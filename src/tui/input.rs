//! A one-line text field. The caret is a grapheme index, so Chinese text, accents and
//! emoji move and delete as the user sees them; its column is the display width of the
//! text before it (where the real terminal cursor goes, for input methods).

use crate::text::width;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    text: String,
    /// In graphemes from the start.
    caret: usize,
}

impl Input {
    /// A field holding `text`, the caret at its end.
    pub fn new(text: &str) -> Input {
        Input {
            text: text.to_string(),
            caret: text.graphemes(true).count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    fn byte_at(&self, grapheme: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .nth(grapheme)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.text.graphemes(true).count()
    }

    /// Inserts text at the caret (a typed character or a paste; line breaks and other
    /// control characters become spaces).
    pub fn insert(&mut self, s: &str) {
        let clean: String = s
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let at = self.byte_at(self.caret);
        let before = self.len();
        self.text.insert_str(at, &clean);
        self.caret += self.len() - before;
    }

    pub fn backspace(&mut self) {
        if self.caret == 0 {
            return;
        }
        let start = self.byte_at(self.caret - 1);
        let end = self.byte_at(self.caret);
        self.text.replace_range(start..end, "");
        self.caret -= 1;
    }

    pub fn delete(&mut self) {
        if self.caret >= self.len() {
            return;
        }
        let start = self.byte_at(self.caret);
        let end = self.byte_at(self.caret + 1);
        self.text.replace_range(start..end, "");
    }

    pub fn left(&mut self) {
        self.caret = self.caret.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.caret = (self.caret + 1).min(self.len());
    }

    pub fn home(&mut self) {
        self.caret = 0;
    }

    pub fn end(&mut self) {
        self.caret = self.len();
    }

    /// The display column of the caret from the start of the text.
    pub fn caret_column(&self) -> usize {
        width(&self.text[..self.byte_at(self.caret)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_grapheme_and_places_the_caret_by_width() {
        let mut i = Input::new("东城");
        assert_eq!(i.caret_column(), 4);
        i.insert("县");
        assert_eq!(i.text(), "东城县");
        i.left();
        i.left();
        assert_eq!(i.caret_column(), 2);
        i.backspace();
        assert_eq!(i.text(), "城县");
        i.delete();
        assert_eq!(i.text(), "县");
        i.end();
        i.insert("e\u{301}");
        i.left();
        assert_eq!(i.caret_column(), 2);
        i.delete();
        assert_eq!(i.text(), "县");
    }

    #[test]
    fn a_paste_with_line_breaks_stays_on_one_line() {
        let mut i = Input::default();
        i.insert("950\n");
        assert_eq!(i.text(), "950 ");
        i.backspace();
        i.home();
        i.insert("1");
        assert_eq!(i.text(), "1950");
    }
}

//! The returns window's text (报送情况): who has sent which return, judged on
//! [`Model::today`] — derived here for the view (the lines) and `update` (how far they
//! scroll) alike.

use super::Model;
use crate::i18n::StatusText;

impl Model {
    /// The returns window's title and lines, as of [`Model::today`].
    pub fn status_lines(&self) -> (String, Vec<String>) {
        let status = crate::status::status(self.project(), self.today);
        let title = StatusText(self.lang).title(&self.today.to_string());
        // The window's room for text: as the explanations' window has it (78 columns at
        // most, less its borders and margin).
        let room = usize::from(self.size.0.min(78)).saturating_sub(3);
        let mut lines = crate::i18n::status::lines_within(&status, self.lang, room);
        // The title is the window's; the table starts with its first step.
        lines.remove(0);
        if lines.first().is_some_and(String::is_empty) {
            lines.remove(0);
        }
        (title, lines)
    }
}

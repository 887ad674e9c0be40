//! The screen's rows, in one place: the header, the tabs, the pane's body, a rule, the
//! status line and the footer; and the rows each pane's own header takes above its list.
//! [`super::view::draw`] cuts the screen with [`screen`], and the scrolling in `update`
//! sizes its windows with [`list_rows`], so the two cannot disagree about what is visible.

use ratatui::layout::Rect;

/// The smallest terminal kaoping draws in.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Whether a terminal of `size` is too small to draw the panes (nothing is drawn yet
/// counts as big enough: the first resize says).
pub fn too_small(size: (u16, u16)) -> bool {
    size != (0, 0) && (size.0 < MIN_WIDTH || size.1 < MIN_HEIGHT)
}

const HEADER: u16 = 1;
const TABS: u16 = 1;
const RULE: u16 = 1;
const STATUS: u16 = 1;
const FOOTER: u16 = 1;

/// The rows of the screen that are not a pane's body.
const CHROME: u16 = HEADER + TABS + RULE + STATUS + FOOTER;

/// The parts of the screen, top to bottom.
pub struct Screen {
    pub header: Rect,
    pub tabs: Rect,
    pub body: Rect,
    pub rule: Rect,
    pub status: Rect,
    pub footer: Rect,
}

/// The screen cut into its parts; the body takes what the others leave.
pub fn screen(area: Rect) -> Screen {
    let rows = split_rows(area, &[HEADER, TABS, 0, RULE, STATUS, FOOTER]);
    Screen {
        header: rows[0],
        tabs: rows[1],
        body: rows[2],
        rule: rows[3],
        status: rows[4],
        footer: rows[5],
    }
}

/// Splits an area into rows of the given heights; a 0 takes what is left.
pub fn split_rows(area: Rect, heights: &[u16]) -> Vec<Rect> {
    let fixed: u16 = heights.iter().sum();
    let flexible = area.height.saturating_sub(fixed);
    let mut y = area.y;
    heights
        .iter()
        .map(|h| {
            let h = if *h == 0 { flexible } else { *h };
            let r = Rect::new(
                area.x,
                y,
                area.width,
                h.min(area.bottom().saturating_sub(y)),
            );
            y += h;
            r
        })
        .collect()
}

/// The matrix's header: the departments' names.
pub const MATRIX_HEADER: u16 = 1;
/// The totals' header: the columns' names.
pub const TOTALS_HEADER: u16 = 1;
/// Above a unit's sheet: its standing, then the columns' names.
pub const SHEET_HEADER: u16 = 2;
/// The problems' header: how many there are.
pub const PROBLEMS_HEADER: u16 = 1;
/// The ranking's two groups each open with a heading and the columns' names.
pub const RANKING_HEADINGS: u16 = 4;
/// The 先进个人 view opens with its heading and the columns' names.
pub const INDIVIDUALS_HEADER: u16 = 2;
/// The entry pane's unit list keeps a row for the rule between the counties and zone and
/// the departments.
pub const UNIT_LIST_RULE: u16 = 1;
/// Above the indicator grid: the indicator, then the columns' names.
pub const GRID_HEADER: u16 = 2;

/// How many rows of the indicator grid are visible on a screen `height` rows tall.
pub fn grid_rows(height: u16) -> usize {
    usize::from(body_rows(height).saturating_sub(GRID_HEADER)).max(1)
}

/// A list that scrolls inside a pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Matrix,
    Units,
    Sheet,
    Totals,
    Ranking,
    /// The 先进个人 view of the ranking pane.
    Individuals,
    Problems,
}

impl List {
    /// The rows of the body the list cannot use.
    fn above(self) -> u16 {
        match self {
            List::Matrix => MATRIX_HEADER,
            List::Units => UNIT_LIST_RULE,
            List::Sheet => SHEET_HEADER,
            List::Totals => TOTALS_HEADER,
            List::Ranking => RANKING_HEADINGS,
            List::Individuals => INDIVIDUALS_HEADER,
            List::Problems => PROBLEMS_HEADER,
        }
    }
}

/// The rows of a pane's body on a screen `height` rows tall.
pub fn body_rows(height: u16) -> u16 {
    height.saturating_sub(CHROME)
}

/// How many rows of a list are visible on a screen `height` rows tall (at least one).
pub fn list_rows(list: List, height: u16) -> usize {
    usize::from(body_rows(height).saturating_sub(list.above())).max(1)
}

/// The rows of the form's box that are not its lines: its two borders and the line at its
/// foot (how the value is typed, or why it was refused).
pub const FORM_CHROME: u16 = 3;

/// How many lines of a form are visible on a screen `height` rows tall (at least one):
/// its box fills at most the pane's body.
pub fn form_rows(height: u16) -> usize {
    usize::from(body_rows(height).saturating_sub(FORM_CHROME)).max(1)
}

/// How far a page moves a cursor or scrolls an overlay: a list's rows under a one-row
/// header, less one kept in view from the page before.
pub fn page_rows(height: u16) -> usize {
    usize::from(body_rows(height).saturating_sub(2)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_is_what_the_chrome_leaves_and_lists_fit_under_their_headers() {
        let s = screen(Rect::new(0, 0, 80, 24));
        assert_eq!((s.header.y, s.tabs.y, s.body.y), (0, 1, 2));
        assert_eq!(s.body.height, body_rows(24));
        assert_eq!((s.rule.y, s.status.y, s.footer.y), (21, 22, 23));
        assert_eq!(list_rows(List::Matrix, 24), 18);
        assert_eq!(list_rows(List::Sheet, 24), 17);
        assert_eq!(list_rows(List::Ranking, 24), 15);
        assert_eq!(list_rows(List::Problems, 3), 1);
        assert_eq!(page_rows(24), 17);
        assert_eq!(form_rows(24), 16);
        assert_eq!(page_rows(5), 1);
    }
}

//! Self-check against assessed (自查与考评差异): every unit's self-check total beside its
//! assessed total, then the rows behind the gap — both values as written, both earned
//! scores, the gap (assessed − self-check). From [`crate::selfcheck::gaps`].

use super::{Cell, Row, Table};
use crate::i18n::SelfcheckText;
use crate::report::RankInput;

/// The table, or `None` when the project has no self-check sheet.
pub(crate) fn selfcheck_gaps(input: &RankInput) -> Option<Table> {
    let own = input.selfcheck?;
    let t = SelfcheckText(input.lang);
    let places = input.project.policy.score_decimals;
    let header = vec![
        t.col_unit(),
        t.col_item(),
        t.col_own(),
        t.col_own_earned(),
        t.col_assessed(),
        t.col_assessed_earned(),
        t.col_gap(),
    ];
    let mut rows = Vec::new();
    for gap in crate::selfcheck::gaps(input.project, input.board, own) {
        let name = Cell::text(&gap.name);
        rows.push(Row::strong(vec![
            name.clone(),
            Cell::text(t.total_item()),
            Cell::Empty,
            Cell::Score(gap.selfcheck.total),
            Cell::Empty,
            Cell::Score(gap.assessed.total),
            Cell::Score(gap.difference()),
        ]));
        for r in &gap.rows {
            rows.push(Row::new(vec![
                name.clone(),
                Cell::text(t.item(&r.item)),
                Cell::text(t.value(&r.selfcheck, places)),
                Cell::opt_score(r.selfcheck_earned),
                Cell::text(t.value(&r.assessed, places)),
                Cell::opt_score(r.assessed_earned),
                Cell::Score(r.difference()),
            ]));
        }
    }
    Some(Table {
        header,
        rows,
        note_column: None,
    })
}

//! Score entry: the units on the left, the selected unit's sheet on the right —
//! organisation items, survey, every indicator row with its completion, bonus,
//! deduction and earned score (recomputed as you type), and the penalties.

use super::{Theme, cell, selfcheck, theme};
use crate::i18n::{self, Lang, T};
use crate::project::{PenaltyKind, Project, Row};
use crate::scoring::score_text;
use crate::scoring::{ItemResult, Outcome, Scoreboard, UnitResult};
use crate::text::sanitize;
use crate::tui::keymap::{self, Mention};
use crate::tui::layout;
use crate::tui::model::{
    EntryUnit, Field, Line as SheetLine, Mode, Model, entry_units, line_fields, sheet_lines,
};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;

const LIST_W: usize = 15;
const LABEL_W: usize = 8;
const NUM_W: usize = 7;
const RATE_W: usize = 6;
const SMALL_W: usize = 5;
const EARNED_W: usize = 6;
/// Everything of an indicator row but its name: the columns and the spaces between.
const ROW_FIXED: usize = 2 + (NUM_W + 1) * 2 + RATE_W + 1 + (SMALL_W + 1) * 2 + EARNED_W + 1 + 2;

/// One piece of a sheet line: text of a fixed width, and the field it shows, if any.
struct Piece {
    text: String,
    width: usize,
    right: bool,
    style: Style,
    field: Option<Field>,
}

fn piece(text: impl Into<String>, width: usize, right: bool, style: Style) -> Piece {
    Piece {
        text: text.into(),
        width,
        right,
        style,
        field: None,
    }
}

fn field(text: impl Into<String>, width: usize, right: bool, style: Style, f: Field) -> Piece {
    Piece {
        text: text.into(),
        width,
        right,
        style,
        field: Some(f),
    }
}

pub fn draw(frame: &mut Frame, model: &Model, area: Rect) {
    let t = theme(model);
    let units = entry_units(model.project());
    let list_area = Rect::new(area.x, area.y, LIST_W as u16, area.height);
    let rule_area = Rect::new(area.x + LIST_W as u16, area.y, 1, area.height);
    let sheet_area = Rect::new(
        area.x + LIST_W as u16 + 2,
        area.y,
        area.width.saturating_sub(LIST_W as u16 + 2),
        area.height,
    );
    unit_list(frame, model, t, &units, list_area);
    let rule: Vec<Line> = (0..area.height)
        .map(|_| Line::from(Span::styled("│", t.dim())))
        .collect();
    frame.render_widget(Paragraph::new(rule), rule_area);
    if let Some(unit) = units.get(model.ui.entry.unit) {
        sheet(frame, model, t, unit, sheet_area);
    }
}

fn unit_list(frame: &mut Frame, model: &Model, t: Theme, units: &[EntryUnit], area: Rect) {
    let board = model.board();
    let e = &model.ui.entry;
    let height = usize::from(area.height);
    let mut lines = Vec::new();
    for (i, u) in units.iter().enumerate().skip(e.unit_top) {
        // A rule between the counties and zone and the departments.
        if u.department && i > 0 && !units[i - 1].department && lines.len() < height {
            lines.push(Line::from(Span::styled("  ──", t.dim())));
        }
        if lines.len() >= height {
            break;
        }
        let result = board.find(&u.id);
        let flag = match result {
            Some(r) if r.vetoed() => ("✗", t.bad()),
            Some(r) if r.pending.any() && !u.department => ("…", t.pending()),
            Some(r) if r.comprehensive => ("★", t.good()),
            _ => (" ", t.plain()),
        };
        let selected = i == e.unit;
        let style = match (selected, e.in_sheet) {
            (true, false) => t.selected(),
            (true, true) => t.plain().add_modifier(ratatui::style::Modifier::BOLD),
            _ => t.plain(),
        };
        let marker = if selected { "▸ " } else { "  " };
        let name = cell(&sanitize(&u.name), LIST_W - 4, false);
        lines.push(Line::from(vec![
            Span::styled(format!("{marker}{name}"), style),
            Span::styled(format!(" {}", flag.0), flag.1),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The unit's standing: total, rank, veto — and, while typing, before → after; for a
/// unit with a self-check, both totals and the gap where they fit in `width`.
fn summary(
    model: &Model,
    t: Theme,
    unit: &EntryUnit,
    width: usize,
    own: Option<&selfcheck::Own>,
) -> Line<'static> {
    let mut line = standing(model, t, unit);
    if let Some(own) = own {
        let used: usize = line
            .spans
            .iter()
            .map(|s| crate::text::width(&s.content))
            .sum();
        let assessed = model.board().find(&unit.id).map(|r| r.total);
        line.spans
            .extend(own.totals(model, t, assessed, width.saturating_sub(used)));
    }
    line
}

/// The unit's standing: total, rank, veto — and, while typing, before → after.
fn standing(model: &Model, t: Theme, unit: &EntryUnit) -> Line<'static> {
    let l = model.lang;
    let dp = model.project().policy.score_decimals;
    let now = model.session.board.find(&unit.id);
    let shown = model.board().find(&unit.id);
    let mut spans = vec![Span::styled(
        format!("{}  ", sanitize(&unit.name)),
        t.title(),
    )];
    let Some(shown) = shown else {
        spans.push(Span::styled(T::NotScored.get(l), t.dim()));
        return Line::from(spans);
    };
    let total = |r: &UnitResult| score_text(r.total, dp);
    let rank = |r: &UnitResult| rank_text(r.rank, l);
    match now {
        Some(before) if before.total != shown.total || before.rank != shown.rank => {
            spans.push(Span::raw(format!(
                "{} {} → ",
                T::Total.get(l),
                total(before)
            )));
            spans.push(Span::styled(total(shown), t.title()));
            spans.push(Span::raw(format!("  {} → ", rank(before))));
            spans.push(Span::styled(rank(shown), t.title()));
        }
        _ => {
            spans.push(Span::raw(format!(
                "{} {}  {}",
                T::Total.get(l),
                total(shown),
                rank(shown)
            )));
        }
    }
    if shown.vetoed() {
        spans.push(Span::styled(format!("  ✗ {}", T::Vetoed.get(l)), t.bad()));
    } else if shown.comprehensive {
        spans.push(Span::styled(
            format!("  ★ {}", T::Comprehensive.get(l)),
            t.good(),
        ));
    }
    if shown.last_place {
        spans.push(Span::styled(
            format!("  ▼ {}", T::LastPlace.get(l)),
            t.bad(),
        ));
    }
    if shown.pending.any() {
        spans.push(Span::styled(
            format!("  … {}", T::PendingMark.get(l)),
            t.pending(),
        ));
    }
    Line::from(spans)
}

pub fn rank_text(rank: u32, l: Lang) -> String {
    i18n::TuiText(l).rank_short(rank)
}

fn sheet(frame: &mut Frame, model: &Model, t: Theme, unit: &EntryUnit, area: Rect) {
    let l = model.lang;
    let p = model.project();
    let e = &model.ui.entry;
    let total_w = usize::from(area.width);
    let own = selfcheck::Own::of(model, &unit.id, total_w.saturating_sub(ROW_FIXED));
    let name_w = total_w
        .saturating_sub(ROW_FIXED + own.as_ref().map_or(0, selfcheck::Own::width))
        .max(6);
    let mut lines = vec![summary(model, t, unit, total_w, own.as_ref())];
    let mut head = vec![
        cell(T::Indicator.get(l), name_w, false),
        cell(T::TargetCol.get(l), NUM_W, true),
        cell(T::ActualCol.get(l), NUM_W, true),
        cell(T::RateCol.get(l), RATE_W, true),
        cell(T::BonusCol.get(l), SMALL_W, true),
        cell(T::DeductionCol.get(l), SMALL_W, true),
        cell(T::EarnedCol.get(l), EARNED_W, true),
    ];
    if let Some(own) = &own {
        // After the earned score's flag (two columns), the self-check column.
        head.push(format!(" {}", own.heading(l)));
    }
    let head = head.join(" ");
    lines.push(Line::from(Span::styled(format!("  {head}"), t.heading())));
    let sheet_lines = sheet_lines(p, &unit.id);
    let board = model.board();
    let result = board.find(&unit.id);
    // A value typed into a form is shown there, not in the sheet under it.
    let editing = match &model.ui.mode {
        Mode::Editing(ed) if model.ui.form.is_none() => Some(ed),
        _ => None,
    };
    let height = usize::from(area.height.saturating_sub(layout::SHEET_HEADER));
    for (i, line) in sheet_lines.iter().enumerate().skip(e.top).take(height) {
        let selected = e.in_sheet && i == e.line;
        let mut pieces = line_pieces(model, t, unit, *line, result, name_w);
        if let Some(own) = &own {
            let used = pieces.iter().map(|p| p.width).sum::<usize>() + pieces.len().max(1) - 1;
            pieces.extend(
                own.extra(model, t, *line, name_w, used)
                    .into_iter()
                    .map(|x| piece(x.text, x.width, true, x.style)),
            );
        }
        let fields = line_fields(p, &unit.id, *line);
        let cursor_field = if selected {
            fields
                .get(e.field.min(fields.len().saturating_sub(1)))
                .copied()
        } else {
            None
        };
        let y = area.y + layout::SHEET_HEADER + (i - e.top) as u16;
        let marker = if selected { "▸ " } else { "  " };
        let mut spans = vec![Span::styled(
            marker,
            if selected { t.selected() } else { t.plain() },
        )];
        let mut x = 2usize;
        for (n, pc) in pieces.iter().enumerate() {
            let is_cursor = pc.field.is_some() && pc.field == cursor_field;
            let typed = editing.filter(|_| is_cursor);
            let (text, style) = match typed {
                Some(ed) => {
                    let caret = ed.input.caret_column().min(pc.width.saturating_sub(1));
                    frame.set_cursor_position((area.x + (x + caret) as u16, y));
                    (cell(ed.input.text(), pc.width, false), t.cursor())
                }
                None if is_cursor => (cell(&pc.text, pc.width, pc.right), t.cursor()),
                None => (cell(&pc.text, pc.width, pc.right), pc.style),
            };
            spans.push(Span::styled(text, style));
            x += pc.width;
            if n + 1 < pieces.len() {
                spans.push(Span::raw(" "));
                x += 1;
            }
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The pieces of one sheet line.
fn line_pieces(
    model: &Model,
    t: Theme,
    unit: &EntryUnit,
    line: SheetLine,
    result: Option<&UnitResult>,
    name_w: usize,
) -> Vec<Piece> {
    let sheet = Sheet {
        model,
        t,
        unit,
        result,
        name_w,
    };
    match line {
        SheetLine::Org(i) => sheet.org(i),
        SheetLine::Survey => sheet.survey(),
        SheetLine::Area(ai) => sheet.area(ai),
        SheetLine::Row(ii) => sheet.row(ii, line),
        SheetLine::Penalty(i) => sheet.penalty(i),
        SheetLine::NoPenalty => sheet.no_penalty(),
    }
}

/// What every line of a unit's sheet is drawn with.
struct Sheet<'a> {
    model: &'a Model,
    t: Theme,
    unit: &'a EntryUnit,
    result: Option<&'a UnitResult>,
    name_w: usize,
}

/// A value as a cell shows it; `—` for none.
fn dec(d: Option<Decimal>) -> String {
    d.map_or("—".to_string(), |d| d.to_string())
}

impl Sheet<'_> {
    fn lang(&self) -> Lang {
        self.model.lang
    }

    fn project(&self) -> &Project {
        self.model.project()
    }

    fn scores(&self) -> Option<&crate::project::UnitScores> {
        self.project().scores.get(&self.unit.id)
    }

    fn decimals(&self) -> u32 {
        self.project().policy.score_decimals
    }

    /// An organisation item: its value of its maximum (the first names the section).
    fn org(&self, i: usize) -> Vec<Piece> {
        let (t, l) = (self.t, self.lang());
        let Some(item) = self.project().organization.get(i) else {
            return Vec::new();
        };
        let value = self
            .scores()
            .and_then(|s| s.organization.get(&item.id).copied());
        let style = if value.is_none() {
            t.pending()
        } else {
            t.plain()
        };
        let label = if i == 0 { T::Organization.get(l) } else { "" };
        vec![
            piece(
                format!("{} {}", cell(label, LABEL_W, false), sanitize(&item.name)),
                self.name_w,
                false,
                t.plain(),
            ),
            field(dec(value), NUM_W, true, style, Field::Value),
            piece(format!("/ {}", item.max.normalize()), NUM_W, false, t.dim()),
        ]
    }

    /// The survey score of its maximum.
    fn survey(&self) -> Vec<Piece> {
        let (t, l) = (self.t, self.lang());
        let value = self.scores().and_then(|s| s.survey);
        let style = if value.is_none() {
            t.pending()
        } else {
            t.plain()
        };
        vec![
            piece(T::Survey.get(l), self.name_w, false, t.plain()),
            field(dec(value), NUM_W, true, style, Field::Value),
            piece(
                format!("/ {}", self.project().sections.survey.normalize()),
                NUM_W,
                false,
                t.dim(),
            ),
        ]
    }

    /// An area's heading, with its maximum and the unit's subtotal.
    fn area(&self, ai: usize) -> Vec<Piece> {
        let (t, l) = (self.t, self.lang());
        let Some(area) = self.project().areas.get(ai) else {
            return Vec::new();
        };
        let subtotal = self
            .result
            .and_then(|r| r.areas.get(&area.id))
            .copied()
            .unwrap_or_default();
        vec![
            piece(
                format!(
                    "{} ({})",
                    sanitize(area.name_in(self.name_w.saturating_sub(
                        3 + crate::text::width(&area.max.normalize().to_string())
                    ))),
                    area.max.normalize()
                ),
                self.name_w,
                false,
                t.heading(),
            ),
            piece(
                format!(
                    "{} {}",
                    T::Subtotal.get(l),
                    score_text(subtotal, self.decimals())
                ),
                NUM_W * 2 + RATE_W + SMALL_W * 2 + EARNED_W + 5,
                true,
                t.heading(),
            ),
        ]
    }

    /// An indicator row: its fields as the row's kind has them, then the earned score.
    fn row(&self, ii: usize, line: SheetLine) -> Vec<Piece> {
        let t = self.t;
        let dp = self.decimals();
        let Some(ind) = self.project().indicators.get(ii) else {
            return Vec::new();
        };
        let room = |m: &str| self.name_w.saturating_sub(1 + crate::text::width(m));
        let name = match &ind.measure {
            Some(m) => format!(
                " {}({})",
                sanitize(ind.name_in(room(m).saturating_sub(2))),
                sanitize(m)
            ),
            None => format!(" {}", sanitize(ind.name_in(room("")))),
        };
        let row = self.scores().and_then(|s| s.indicators.get(&ind.id));
        let item = self.result.and_then(|r| r.item(&ind.id));
        let outcome = item.map(|i| &i.outcome);
        let mut pieces = vec![piece(name, self.name_w, false, t.plain())];
        match (row, line_fields(self.project(), &self.unit.id, line)) {
            (
                Some(&Row::Qualitative {
                    complete,
                    deduction,
                }),
                _,
            ) => pieces.extend(self.qualitative(complete, deduction)),
            (_, [Field::Prep]) => pieces.extend(self.preparation(row, ind.base, outcome)),
            _ => pieces.extend(self.quantitative(row, item)),
        }
        let (earned, flag, style) = match (item, outcome) {
            (None, _) => ("—".to_string(), "", t.dim()),
            (_, Some(Outcome::Pending)) => ("—".to_string(), "…", t.pending()),
            (Some(i), Some(o)) if o.fails() => (score_text(i.earned, dp), "✗", t.bad()),
            (Some(i), _) => (score_text(i.earned, dp), "", t.plain()),
        };
        pieces.push(piece(earned, EARNED_W, true, style));
        pieces.push(piece(flag, 2, false, style));
        pieces
    }

    /// A qualitative row's status and the deduction entered.
    fn qualitative(&self, complete: bool, deduction: Option<Decimal>) -> Vec<Piece> {
        let (t, l) = (self.t, self.lang());
        let (text, style) = if complete {
            (T::Complete.get(l).to_string(), t.good())
        } else {
            (format!("{} ✗", T::Incomplete.get(l)), t.bad())
        };
        let ded = if complete {
            "–".to_string()
        } else {
            dec(deduction)
        };
        vec![
            field(text, NUM_W * 2 + 1, false, style, Field::Status),
            piece("", RATE_W, true, t.plain()),
            piece("–", SMALL_W, true, t.dim()),
            field(ded, SMALL_W, true, t.plain(), Field::Deduction),
        ]
    }

    /// A preparation row (a unit that is not a pilot): the score entered of the base.
    fn preparation(
        &self,
        row: Option<&Row>,
        base: Decimal,
        outcome: Option<&Outcome>,
    ) -> Vec<Piece> {
        let (t, l) = (self.t, self.lang());
        let prep = match row {
            Some(Row::Preparation { prep }) => Some(*prep),
            _ => None,
        };
        vec![
            piece(T::PrepLabel.get(l), NUM_W, true, t.dim()),
            field(dec(prep), NUM_W, true, value_style(t, outcome), Field::Prep),
            piece(format!("/{}", base.normalize()), RATE_W, false, t.dim()),
            piece("–", SMALL_W, true, t.dim()),
            piece("–", SMALL_W, true, t.dim()),
        ]
    }

    /// A quantitative row: target, actual, completion, bonus and deduction.
    fn quantitative(&self, row: Option<&Row>, item: Option<&ItemResult>) -> Vec<Piece> {
        let t = self.t;
        let outcome = item.map(|i| &i.outcome);
        let dp = self.decimals();
        let (target, actual) = match (row, outcome) {
            (Some(Row::Quantitative { target, actual }), _) => (*target, *actual),
            // A department's row derived by sum (aggregate = "sum"): the sums, dimmed.
            (
                None,
                Some(
                    Outcome::Completed { target, actual, .. }
                    | Outcome::Short { target, actual, .. },
                ),
            ) => (Some(*target), Some(*actual)),
            _ => (None, None),
        };
        let not_scored = self.unit.department && row.is_none();
        let style = if not_scored {
            t.dim()
        } else {
            value_style(t, outcome)
        };
        let rate = outcome
            .and_then(Outcome::completion)
            .map_or(String::new(), |r| {
                let pct = r.checked_mul(Decimal::ONE_HUNDRED);
                // One decimal where it fits, none where that fits ("1000%"); a rate wider
                // than its column reads as over what fits (">9999%"), never cut to a
                // smaller-looking number ("11001…").
                let fits = |text: String| (text.chars().count() <= RATE_W).then_some(text);
                pct.and_then(|p| {
                    fits(format!("{}%", score_text(p, 1)))
                        .or_else(|| fits(format!("{}%", score_text(p, 0))))
                })
                .unwrap_or_else(|| {
                    if r < Decimal::ZERO {
                        "<0%".into()
                    } else {
                        format!(">{}%", "9".repeat(RATE_W.saturating_sub(2)))
                    }
                })
            });
        let shown = |v: Option<Decimal>| v.map_or_else(|| "–".into(), |v| score_text(v, dp));
        let bonus = shown(item.and_then(ItemResult::shown_bonus));
        let bonus_style = if bonus_positive(outcome) {
            t.good()
        } else {
            t.dim()
        };
        let ded = shown(item.and_then(ItemResult::shown_deduction));
        let ded_style = if ded == "–" { t.dim() } else { t.bad() };
        vec![
            field(dec(target), NUM_W, true, style, Field::Target),
            field(dec(actual), NUM_W, true, style, Field::Actual),
            piece(rate, RATE_W, true, t.plain()),
            piece(bonus, SMALL_W, true, bonus_style),
            piece(ded, SMALL_W, true, ded_style),
        ]
    }

    /// A penalty: its level, the points it costs, its note.
    fn penalty(&self, i: usize) -> Vec<Piece> {
        let (t, l) = (self.t, self.lang());
        let p = self.project();
        let Some(pen) = self.scores().and_then(|s| s.penalties.get(i)) else {
            return Vec::new();
        };
        let (level, points) = match pen.kind {
            PenaltyKind::Provincial => (
                T::Provincial.get(l).to_string(),
                p.policy.penalty_provincial,
            ),
            PenaltyKind::Municipal => (T::Municipal.get(l).to_string(), p.policy.penalty_municipal),
            PenaltyKind::Points(x) => (format!("{} {}", T::PointsLabel.get(l), x.normalize()), x),
        };
        let label = if i == 0 { T::Penalty.get(l) } else { "" };
        vec![
            piece(cell(label, LABEL_W, false), LABEL_W, false, t.plain()),
            field(level, 12, false, t.plain(), Field::Level),
            piece(
                format!("−{}", score_text(points, self.decimals())),
                NUM_W,
                true,
                t.bad(),
            ),
            field(
                sanitize(&pen.note),
                self.name_w.saturating_sub(LABEL_W + 12 + 2) + NUM_W * 2,
                false,
                t.plain(),
                Field::Note,
            ),
        ]
    }

    /// "No penalties", and the key that adds one.
    fn no_penalty(&self) -> Vec<Piece> {
        let (t, l) = (self.t, self.lang());
        vec![
            piece(
                cell(T::Penalty.get(l), LABEL_W, false),
                LABEL_W,
                false,
                t.plain(),
            ),
            piece(
                i18n::TuiText(l).no_penalties(&keymap::mention(Mention::AddPenalty, l)),
                self.name_w.saturating_sub(LABEL_W + 1),
                false,
                t.dim(),
            ),
        ]
    }
}

/// A value still to be entered shows as pending.
fn value_style(t: Theme, outcome: Option<&Outcome>) -> Style {
    if matches!(outcome, Some(Outcome::Pending)) {
        t.pending()
    } else {
        t.plain()
    }
}

fn bonus_positive(outcome: Option<&Outcome>) -> bool {
    matches!(outcome, Some(Outcome::Completed { bonus, .. }) if *bonus > Decimal::ZERO)
}

/// The status line: how the selected row's score comes about (with the value being
/// typed, as it would be).
pub fn status(model: &Model) -> String {
    let l = model.lang;
    let p: &Project = model.project();
    let Some(unit) = model.entry_unit() else {
        return String::new();
    };
    let board: &Scoreboard = model.board();
    let line = sheet_lines(p, &unit.id).get(model.ui.entry.line).copied();
    match line {
        Some(SheetLine::Row(ii)) if model.ui.entry.in_sheet => {
            let Some(ind) = p.indicators.get(ii) else {
                return String::new();
            };
            // The row's full name first (its area with the area's maximum, the name, the
            // measure: the sheet's column cuts them), then how its score comes about.
            let name = full_row_name(p, ind, l);
            match crate::explain::item(p, board, &unit.id, &ind.id) {
                Some(e) => format!(
                    "{name}{}{}",
                    l.pick("：", ": "),
                    crate::i18n::explain::item_short(&e, l)
                ),
                None => name,
            }
        }
        Some(SheetLine::Penalty(_) | SheetLine::NoPenalty) if model.ui.entry.in_sheet => {
            let key = |m| keymap::mention(m, l);
            i18n::TuiText(l).penalty_hint(
                &key(Mention::PenaltyLevel),
                &key(Mention::SheetEdit),
                &key(Mention::AddPenalty),
                &key(Mention::RemovePenalty),
            )
        }
        _ => crate::explain::summary(p, board, &unit.id)
            .map(|s| crate::i18n::explain::unit_short(&s, l))
            .unwrap_or_default(),
    }
}

/// An indicator row's full name, as the status line gives it: `就业和创业（12 分）›
/// 城镇新增就业人数（人）`.
fn full_row_name(p: &Project, ind: &crate::project::Indicator, l: crate::i18n::Lang) -> String {
    let t = i18n::EntryText(l);
    let (area, max) = p.area(&ind.area).map_or_else(
        || (sanitize(&ind.area), String::from("–")),
        |a| (sanitize(&a.name), a.max.normalize().to_string()),
    );
    let name = sanitize(&ind.name);
    match ind.measure.as_deref().filter(|m| !m.is_empty()) {
        Some(measure) => t.row_name(&area, &max, &name, &sanitize(measure)),
        None => t.row_name_plain(&area, &max, &name),
    }
}

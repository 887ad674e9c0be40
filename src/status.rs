//! Who has sent what (`kaoping status`, SPEC §7): per `[[procedure]]` step, who owes a
//! return, which returns have come in and when, who is late against the step's `due`,
//! and which rows the step fills are still pending. Pure: a project and a day in, a
//! [`Status`] out; the words are in `crate::i18n::status`, the JSON is [`to_json`].
//!
//! Decisions (the issue is silent; also in docs/RETURNS.md):
//! - Who owes: `returns = "units"` — every county and the zone, in file order;
//!   `returns = "departments"` — every department that is `responsible` for at least one
//!   indicator (a department with nothing to assess sends nothing), in file order; no
//!   `returns` — nobody (the step is listed with its due date only).
//! - A return counts for a sender when its `from` is the sender and its `step` the step.
//!   A return from someone who does not owe that step is left out here (`check` warns
//!   about it). `on` is the day things are judged as they stood: a return `received`
//!   after it had not come in yet and is not counted (so `--on` a day before the due date
//!   finds nobody late). The pending rows are the file's as it is now: the file keeps no
//!   history of its values.
//! - Late: no return and `on` after `due` (late by `on − due` days), or the earliest
//!   return received after `due` (late by `received − due` days). A return on the due day
//!   is on time; with nothing sent on the due day itself nobody is late yet.
//! - Pending rows: at a departments' step, the rows of the counties and the zone in
//!   `[scores]` for the indicators the department is responsible for (and that apply to
//!   the unit); at a units' step, the unit's own indicator rows in `[selfcheck]` (a unit
//!   without a self-check sheet has all of them pending). Only indicator rows count (the
//!   survey is not the unit's to send; organisation items are not in a return's rows). A
//!   row is pending when it has no entry, or a quantitative entry without its target or
//!   its actual (SPEC §2).
//! - `out_of_order`: the step is due before some earlier step (what `check` warns of);
//!   steps are listed in file order all the same.

pub use crate::check::returns::owing;
use crate::project::{Date, Project, Returns, Row, UnitScores};

/// How many pending rows a sender's line names (the count says how many there are).
pub const PENDING_SHOWN: usize = 3;

/// The state of the returns on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    /// The day the state is judged at ("today").
    pub on: Date,
    /// Every procedure step, in file order.
    pub steps: Vec<StepStatus>,
}

/// One procedure step and who owes it what.
#[derive(Debug, Clone, PartialEq)]
pub struct StepStatus {
    pub id: String,
    pub name: String,
    pub due: Date,
    pub returns: Option<Returns>,
    /// Due before an earlier step.
    pub out_of_order: bool,
    /// Who owes a return at this step (empty when nobody does).
    pub senders: Vec<Sender>,
}

/// One unit or department that owes a return at a step.
#[derive(Debug, Clone, PartialEq)]
pub struct Sender {
    pub id: String,
    pub name: String,
    /// The returns taken in from it for this step by the day judged on, earliest first
    /// (file order among the same day).
    pub sent: Vec<Sent>,
    pub late: bool,
    /// How many days late (`None` when not late).
    pub days_late: Option<i64>,
    /// How many rows the step fills for it are still pending.
    pub pending: usize,
    /// The first [`PENDING_SHOWN`] of them.
    pub first_pending: Vec<PendingRow>,
}

/// A return taken in.
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    pub file: String,
    pub received: Date,
    pub rows: u32,
}

/// A pending row, by name: whose sheet, which indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingRow {
    pub unit: String,
    pub indicator: String,
}

impl StepStatus {
    /// How many of the senders have sent at least one return.
    pub fn sent_count(&self) -> usize {
        self.senders.iter().filter(|s| !s.sent.is_empty()).count()
    }

    /// How many of the senders are late.
    pub fn late_count(&self) -> usize {
        self.senders.iter().filter(|s| s.late).count()
    }
}

/// The state of every step's returns on the day `on`.
pub fn status(project: &Project, on: Date) -> Status {
    let steps = project
        .procedure
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let out_of_order = project.procedure[..i].iter().any(|e| e.due > step.due);
            let senders = owing(project, step.returns)
                .into_iter()
                .map(|(id, name)| sender(project, &step.id, step.returns, step.due, on, id, name))
                .collect();
            StepStatus {
                id: step.id.clone(),
                name: step.name.clone(),
                due: step.due,
                returns: step.returns,
                out_of_order,
                senders,
            }
        })
        .collect();
    Status { on, steps }
}

/// Whether `id` owes a return at a step that says `returns`.
pub fn owes(project: &Project, returns: Option<Returns>, id: &str) -> bool {
    owing(project, returns).iter().any(|(o, _)| *o == id)
}

fn sender(
    project: &Project,
    step: &str,
    returns: Option<Returns>,
    due: Date,
    on: Date,
    id: &str,
    name: &str,
) -> Sender {
    let mut sent: Vec<Sent> = project
        .returns
        .iter()
        .filter(|r| r.step == step && r.from == id && r.received <= on)
        .map(|r| Sent {
            file: r.file.clone(),
            received: r.received,
            rows: r.rows,
        })
        .collect();
    // A stable sort: the same day keeps the file's order.
    sent.sort_by_key(|s| s.received);
    let days_late = match sent.first() {
        Some(first) => Some(days_between(due, first.received)).filter(|d| *d > 0),
        None => Some(days_between(due, on)).filter(|d| *d > 0),
    };
    let pending = match returns {
        Some(Returns::Units) => pending_in_selfcheck(project, id),
        Some(Returns::Departments) => pending_for_department(project, id),
        None => Vec::new(),
    };
    Sender {
        id: id.to_string(),
        name: name.to_string(),
        sent,
        late: days_late.is_some(),
        days_late,
        pending: pending.len(),
        first_pending: pending.into_iter().take(PENDING_SHOWN).collect(),
    }
}

/// Whether a sheet's row for an indicator is still to be entered.
fn is_pending(sheet: Option<&UnitScores>, indicator: &str) -> bool {
    match sheet.and_then(|s| s.indicators.get(indicator)) {
        None => true,
        Some(Row::Quantitative { target, actual }) => target.is_none() || actual.is_none(),
        Some(_) => false,
    }
}

/// A unit's indicator rows pending in its self-check sheet.
fn pending_in_selfcheck(project: &Project, unit: &str) -> Vec<PendingRow> {
    let sheet = project.selfcheck.get(unit);
    project
        .indicators
        .iter()
        .filter(|i| i.applies_to(unit) && is_pending(sheet, &i.id))
        .map(|i| PendingRow {
            unit: project.name_of(unit).to_string(),
            indicator: i.name.clone(),
        })
        .collect()
}

/// The counties' and the zone's rows in `[scores]` pending on the indicators a department
/// is responsible for: unit by unit, each in the indicators' order.
fn pending_for_department(project: &Project, department: &str) -> Vec<PendingRow> {
    let mut out = Vec::new();
    for unit in &project.units {
        let sheet = project.scores.get(&unit.id);
        for ind in project.indicators.iter().filter(|i| i.assesses(department)) {
            if ind.applies_to(&unit.id) && is_pending(sheet, &ind.id) {
                out.push(PendingRow {
                    unit: unit.name.clone(),
                    indicator: ind.name.clone(),
                });
            }
        }
    }
    out
}

/// Days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    day_number(to) - day_number(from)
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`); defined for any year, month and day TOML can write.
fn day_number(d: Date) -> i64 {
    let (y, m, day) = (i64::from(d.year), i64::from(d.month), i64::from(d.day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A day written `YYYY-MM-DD` (as `--on` takes it), if it is one that exists.
pub fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.trim().split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y) && digits(m) && digits(d)) {
        return None;
    }
    let (year, month, day): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then_some(Date { year, month, day })
}

/// The status as JSON for scripts (`kaoping-status/1`): no decimals, dates as
/// `YYYY-MM-DD`, every step in file order, every sender in file order.
pub fn to_json(status: &Status) -> String {
    use serde_json::{Value, json};
    let steps: Vec<Value> = status
        .steps
        .iter()
        .map(|step| {
            let senders: Vec<Value> = step
                .senders
                .iter()
                .map(|s| {
                    let sent: Vec<Value> = s
                        .sent
                        .iter()
                        .map(|r| {
                            json!({
                                "file": r.file,
                                "received": r.received.to_string(),
                                "rows": r.rows,
                            })
                        })
                        .collect();
                    json!({
                        "id": s.id,
                        "name": s.name,
                        "sent": sent,
                        "late": s.late,
                        "days_late": s.days_late,
                        "pending_rows": s.pending,
                    })
                })
                .collect();
            json!({
                "id": step.id,
                "name": step.name,
                "due": step.due.to_string(),
                "returns": step.returns.map(Returns::name),
                "out_of_order": step.out_of_order,
                "senders": senders,
            })
        })
        .collect();
    let doc = json!({
        "format": "kaoping-status/1",
        "on": status.on.to_string(),
        "steps": steps,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        parse_date(text).unwrap()
    }

    #[test]
    fn days_between_counts_calendar_days() {
        assert_eq!(days_between(date("2027-01-10"), date("2027-01-26")), 16);
        assert_eq!(days_between(date("2027-01-26"), date("2027-01-10")), -16);
        // 2028 is a leap year: 28 Feb → 1 Mar is two days; 2027 is not: one.
        assert_eq!(days_between(date("2028-02-28"), date("2028-03-01")), 2);
        assert_eq!(days_between(date("2027-02-28"), date("2027-03-01")), 1);
        assert_eq!(days_between(date("2026-12-31"), date("2027-01-01")), 1);
        assert_eq!(day_number(date("1970-01-01")), 0);
    }

    #[test]
    fn parse_date_takes_only_real_days() {
        assert_eq!(
            parse_date("2027-01-26"),
            Some(Date {
                year: 2027,
                month: 1,
                day: 26
            })
        );
        for bad in [
            "2027-13-01",
            "2027-02-29",
            "2027-1-26",
            "27-01-26",
            "2027/01/26",
            "",
            "2027-01-26-1",
            "２０２７-01-26",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(parse_date("2028-02-29").is_some());
    }

    #[test]
    fn the_demo_lists_its_four_steps_with_who_owes_them() {
        let p = crate::project::demo();
        let s = status(&p, date("2027-01-05"));
        let ids: Vec<&str> = s.steps.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["self-check", "assessment", "collection", "ranking"]);
        assert_eq!(s.steps[0].senders.len(), p.units.len());
        assert!(s.steps[2].senders.is_empty() && s.steps[3].senders.is_empty());
        // collection (20 Jan) comes after assessment (25 Jan).
        let order: Vec<bool> = s.steps.iter().map(|s| s.out_of_order).collect();
        assert_eq!(order, [false, false, true, false]);
        // Before every due date nobody is late.
        assert!(s.steps.iter().all(|st| st.late_count() == 0));
    }
}

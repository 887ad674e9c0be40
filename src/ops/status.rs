//! `kaoping status` and the terminal program's returns window: today's date, and a
//! project file's returns judged on a day (see [`crate::status`]).

use super::{OpsError, Scored, load_scored};
use crate::project::Date;
use crate::status::Status;
use chrono::Datelike;
use std::path::Path;

/// Today, by the local clock.
pub fn today_date() -> Date {
    let now = chrono::Local::now().date_naive();
    // chrono's year is far inside what a TOML date holds for any clock that is right.
    Date {
        year: u16::try_from(now.year()).unwrap_or(0),
        month: now.month() as u8,
        day: now.day() as u8,
    }
}

/// A `--on` day: `YYYY-MM-DD`, one that exists; anything else is a usage error naming
/// the option and what was given.
pub fn parse_on(text: &str) -> Result<Date, OpsError> {
    crate::status::parse_date(text).ok_or_else(|| OpsError::Options {
        kind: clap::error::ErrorKind::ValueValidation,
        arg: Some(format!("--on {text}")),
    })
}

/// A file's returns judged on `on`; a file with errors is [`OpsError::FileHasErrors`]
/// (exit 1). The file's warnings come back with it.
pub fn status(path: &Path, on: Date) -> Result<(Scored, Status), OpsError> {
    let scored = load_scored(path)?;
    let status = crate::status::status(&scored.project, on);
    Ok((scored, status))
}

//! `kaoping status` and the terminal program's returns window: today's date, and a
//! project file's returns judged on a day (see [`crate::status`]).

use super::{OpsError, Scored, load_scored};
use crate::project::Date;
use crate::status::Status;
use std::path::Path;

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

//! kaoping (考评): the annual evaluation of a city's livelihood projects (民生工程), kept in
//! one TOML file, scored exactly as the regulation says.
//!
//! The layers, each using only those above it (`tests/architecture.rs` checks this):
//! - [`text`]: display width, truncation and sanitising of text (no domain knowledge);
//! - [`project`]: the file format, loaded from text into typed data, and
//!   [`project::problem`], the errors and warnings found in it;
//! - [`scoring`]: the regulation's rules, pure functions from a project to a scoreboard;
//! - [`check`]: every error and warning of a project, and [`check::analyze`] for all of it;
//! - [`edit`]: every change to a project, applied to the typed project and to the document;
//! - [`explain`], [`whatif`], [`diff`], [`selfcheck`]: what a scoreboard means — how a
//!   number came about, what a unit lacks, what changed between two files, where a unit's
//!   self-check and the assessed figures part — as data; [`status`]: who has sent which
//!   return and who is late (SPEC §7), as data;
//! - [`i18n`]: every sentence and word, in Chinese and English;
//! - [`report`]: the ranking and the exports, rendered from a scoreboard; [`returns`]: the
//!   request workbooks sent out and the filled returns read back in (SPEC §7);
//! - [`store`]: the project file on disk (locks, atomic checked saves);
//! - [`session`]: an open project, the one place that commits, undoes and saves edits;
//!   [`ops`]: what the command line and the terminal program both do with files;
//! - [`cli`] and [`tui`]: the command line and the terminal program.

pub mod check;
pub mod cli;
pub mod diff;
pub mod edit;
pub mod explain;
pub mod i18n;
pub mod ops;
pub mod project;
pub mod report;
pub mod returns;
pub mod scoring;
pub mod selfcheck;
pub mod session;
pub mod status;
pub mod store;
pub mod text;
pub mod tui;
pub mod whatif;

//! kaoping (考评): the annual evaluation of a city's livelihood projects (民生工程), kept in
//! one TOML file, scored exactly as the regulation says.
//!
//! The layers, each using only those above it:
//! - [`project`]: the file format, loaded from text into typed data;
//! - [`scoring`]: the regulation's rules, pure functions from a project to a scoreboard;
//! - [`check`]: every error and warning of a project, and [`check::analyze`] for all of it;
//! - [`report`]: the ranking as a table, JSON, CSV or Markdown;
//! - [`cli`]: the command line.

pub mod check;
pub mod cli;
pub mod diff;
pub mod edit;
pub mod explain;
pub mod i18n;
pub mod problem;
pub mod project;
pub mod report;
pub mod scoring;
pub mod session;
pub mod store;
pub mod text;
pub mod tui;
pub mod whatif;

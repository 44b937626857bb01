//! A hadolint-compatible Dockerfile linter: the same rule codes, messages,
//! severities, configuration and output formats as hadolint 2.15.1.

pub mod buildkit;
pub mod cli;
pub mod config;
pub mod engine;
pub mod format;
mod json;
pub mod lint;
mod order;
pub mod pragma;
pub mod report;
pub mod rules;
pub mod runner;
pub mod severity;
pub mod shell;

pub use format::{render, Format, RenderOptions, Timestamp};
pub use report::{exit_status, ExitPolicy, FileReport, Finding, Outcome, ParseError};
pub use severity::Severity;

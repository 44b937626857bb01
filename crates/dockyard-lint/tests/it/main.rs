//! Integration tests of the linter against recorded hadolint 2.15.1 output
//! (`tests/fixtures/hadolint/`, re-recorded by its `record.sh`).

mod buildkit;
mod config;
mod corpus;
mod fixtures;
mod formats;
mod properties;

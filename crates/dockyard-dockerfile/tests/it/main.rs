//! Integration tests for `dockyard-dockerfile`: one binary, one module per feature.

mod docker_accepts;
mod generated;
mod hadolint_fixtures;
mod heredocs;
mod instructions;
mod lossless;
mod support;

//! The sandbox's one integration test binary.

mod commands;
mod dash;
mod hadolint;
mod never_panics;
mod session;

//! The sandbox's one integration test binary.

mod commands;
mod dash;
mod hadolint;
mod make;
mod never_panics;
mod recorded;
mod session;

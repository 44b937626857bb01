//! The sandbox's one integration test binary.

mod commands;
mod dash;
mod never_panics;
mod session;

//! The one integration test binary: fixture files, recorded dash errors, API checks and properties.

mod api;
mod dash_errors;
mod fixtures;
mod properties;

//! The one integration-test binary: each module covers one area of `dockyard-vfs`.

mod bulk;
mod clock;
mod diff;
mod errors;
mod fnmatch;
mod glob;
mod limits;
mod operations;
mod paths;
mod permissions;
mod properties;
mod rename;
mod snapshots;
mod support;
mod symlinks;

//! The integration tests of tidings: one test binary (see STYLE.md).

mod ambiguity;
mod cli;
mod common;
mod lists_removed;
mod names;
mod properties;
mod quality;
mod reports;
mod rules;
mod snapshots;
mod stream;

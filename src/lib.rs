//! mrwarden: a security reviewer for GitLab merge requests.
//!
//! The flow (DESIGN.md) is one direction:
//! Context → Diff → Analyzers → Findings → Policy → Reports / Gate.
//! [`pipeline::Run`] is that flow for a diff already loaded, its verdict decided once;
//! the commands in [`cmd`] build its inputs from flags and the environment and print
//! its outputs.

pub mod analyze;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod context;
pub mod coverage;
pub mod diff;
pub mod error;
pub mod finding;
pub mod gate;
pub mod gitlab;
#[cfg(test)]
mod layering;
pub mod net;
pub mod pipeline;
pub mod policy;
pub mod publish;
pub mod report;
pub mod rules;
pub mod sanitize;
pub mod syntax;
mod thread;

pub use pipeline::{Policy, review_diff};

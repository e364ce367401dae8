//! mrwarden's integration tests: one test binary (one link of the fakes and helpers in
//! `support/`), one module per area. Run one area with a filter, e.g.
//! `cargo test --test it review::`; the slow tier (`#[ignore]`, run in release by
//! `.ci/run`) with `cargo test --release --test it -- --ignored`.

#![allow(
    clippy::too_many_lines,
    reason = "a test reads as one scenario; the 80-line limit (clippy.toml) is for src/"
)]

mod support;

mod adoption;
mod bench_review;
mod ci_templates;
mod cli;
mod component_jobs;
mod config_cli;
mod demo_reports;
mod doctor;
mod eval;
mod fingerprints;
mod git_diff;
mod gitlab_client;
mod history;
mod iac_packs;
mod limits;
mod llm;
mod paths;
mod properties;
mod publish;
mod reports;
mod review;
mod secret_decoding;
mod threat_model;
mod too_large_history;
mod tree_rules;
mod trees;
mod trusted_policy;

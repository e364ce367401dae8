//! `--format json` on standard output: one versioned document (schema in
//! `docs/output.schema.json`).

use serde::Serialize;

use super::RunInfo;
use crate::finding::Finding;

/// Version of the JSON output shape: the major part changes on incompatible changes,
/// the minor part when fields are added (1.1: a taint finding's `flow`; 1.2: a finding's
/// `non_gating` and `suggestion`, the run's `vendored` count and the `vendored` note). A
/// reader of `1` reads `1.2`.
pub const OUTPUT_VERSION: &str = "1.2";

#[derive(Serialize)]
struct Output<'a> {
    version: &'static str,
    run: &'a RunInfo,
    findings: &'a [Finding],
}

/// Renders the document.
pub fn render(findings: &[Finding], run: &RunInfo) -> String {
    let doc = Output {
        version: OUTPUT_VERSION,
        run,
        findings,
    };
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}

//! Which findings gate (DESIGN.md, "Which findings gate"): every finding at or above the
//! threshold unless it is marked non-gating, and only two things can mark it — the
//! rule's declared confidence (`confidence: low` reports without gating unless
//! `rules.gate_low_confidence: true`) and the trusted path classes (a vulnerability
//! finding in test code reports without gating). Vendored code is scanned for secrets
//! only: its other findings are dropped here, and its files noted. Secrets and meta
//! findings always gate, wherever they are.
//!
//! The marks are set once, in `policy::apply`, for the rules' and the LLM's findings
//! alike; `pipeline::finish` hands the gate only [`gating`] findings.

use crate::config::paths::{PathClass, PathClasses};
use crate::coverage::{FileNote, NoteReason};
use crate::diff::Diff;
use crate::finding::{Finding, FindingKind, NonGating};

/// Whether a finding is exempt from the path classes and the confidence rule: secrets
/// (a rule's or the LLM's `secret-exposure`) and findings about the run itself.
fn always_gates(f: &Finding) -> bool {
    f.kind != FindingKind::Vulnerability || f.reports_a_secret()
}

/// Why `f` does not gate, if it does not. Test code first: it is the more specific
/// reason for a reader.
pub fn reason(f: &Finding, classes: &PathClasses, gate_low_confidence: bool) -> Option<NonGating> {
    if always_gates(f) {
        return None;
    }
    if classes.classify(&f.path) == Some(PathClass::Test) {
        return Some(NonGating::TestCode);
    }
    // The LLM declares no confidence of its own kind: its findings gate by `llm.gate_on`.
    let low = f.confidence == crate::finding::Confidence::Low && !f.is_llm();
    (low && !gate_low_confidence).then_some(NonGating::LowConfidence)
}

/// Whether `f` is dropped because its path is vendored (secrets only there).
pub fn dropped_as_vendored(f: &Finding, classes: &PathClasses) -> bool {
    !always_gates(f) && classes.classify(&f.path) == Some(PathClass::Vendored)
}

/// Marks every finding with [`reason`].
pub fn mark(findings: &mut [Finding], classes: &PathClasses, gate_low_confidence: bool) {
    for f in findings {
        f.non_gating = reason(f, classes, gate_low_confidence);
    }
}

/// The findings that count for the verdict.
pub fn gating(findings: &[Finding]) -> Vec<Finding> {
    findings
        .iter()
        .filter(|f| f.non_gating.is_none())
        .cloned()
        .collect()
}

/// One note per vendored file of the change that was analysed (scanned for secrets
/// only), so the summary says what was not reviewed for vulnerabilities.
pub fn vendored_notes(diff: &Diff, classes: &PathClasses) -> Vec<FileNote> {
    diff.files
        .iter()
        .filter(|f| f.is_scannable() && f.new_path.is_some())
        .filter(|f| classes.classify(f.path()) == Some(PathClass::Vendored))
        .map(|f| FileNote {
            path: f.path().to_string(),
            reason: NoteReason::Vendored,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::paths::PathsConfig;
    use crate::finding::{Confidence, sample};

    fn at(path: &str, kind: FindingKind, confidence: Confidence) -> Finding {
        Finding {
            path: path.into(),
            kind,
            confidence,
            ..sample(1)
        }
    }

    #[test]
    fn test_code_and_low_confidence_do_not_gate_secrets_and_meta_do() {
        let c = PathClasses::default();
        let v = FindingKind::Vulnerability;
        let r = |f: &Finding| reason(f, &c, false);
        assert_eq!(
            r(&at("tests/test_x.py", v, Confidence::High)),
            Some(NonGating::TestCode)
        );
        assert_eq!(r(&at("app/x.py", v, Confidence::High)), None);
        assert_eq!(
            r(&at("app/x.py", v, Confidence::Low)),
            Some(NonGating::LowConfidence)
        );
        assert_eq!(reason(&at("app/x.py", v, Confidence::Low), &c, true), None);
        for kind in [FindingKind::Secret, FindingKind::Meta] {
            assert_eq!(r(&at("tests/x.py", kind, Confidence::Low)), None);
            assert!(!dropped_as_vendored(
                &at("vendor/a.php", kind, Confidence::High),
                &c
            ));
        }
        let mut llm = at("tests/x.py", v, Confidence::Low);
        llm.rule_id = "mrwarden.llm.secret-exposure".into();
        assert_eq!(r(&llm), None, "a secret the LLM found gates everywhere");
        llm.rule_id = "mrwarden.llm.injection".into();
        assert_eq!(r(&llm), Some(NonGating::TestCode));
        llm.path = "app/x.py".into();
        assert_eq!(r(&llm), None, "the LLM's confidence is not a rule's");
        assert!(dropped_as_vendored(
            &at("vendor/a.php", v, Confidence::High),
            &c
        ));
        assert!(!dropped_as_vendored(
            &at("app/a.php", v, Confidence::High),
            &c
        ));
    }

    #[test]
    fn gating_keeps_unmarked_findings_only() {
        let mut fs = vec![
            at("tests/a.py", FindingKind::Vulnerability, Confidence::High),
            at("a.py", FindingKind::Vulnerability, Confidence::High),
        ];
        mark(&mut fs, &PathClasses::default(), false);
        let g = gating(&fs);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].path, "a.py");
        let none = PathClasses::new(
            &PathsConfig {
                defaults: false,
                ..PathsConfig::default()
            },
            None,
        )
        .expect("compiles");
        mark(&mut fs, &none, false);
        assert_eq!(gating(&fs).len(), 2);
    }

    #[test]
    fn vendored_files_are_noted() {
        let diff = crate::diff::parse(
            b"--- /dev/null\n+++ b/vendor/x.php\n@@ -0,0 +1 @@\n+a\n--- /dev/null\n+++ b/app/x.php\n@@ -0,0 +1 @@\n+a\n",
        )
        .expect("parses");
        let notes = vendored_notes(&diff, &PathClasses::default());
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].path, "vendor/x.php");
        assert_eq!(notes[0].reason, NoteReason::Vendored);
    }
}

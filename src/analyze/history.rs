//! Secrets in the merge request's history: a credential added in one commit and removed
//! in a later one never shows in the final diff, but it is still in the repository and
//! must be rotated. The secret rules (and only they) run over the added lines of each
//! commit's own diff; a secret whose value is also added by the final diff is reported
//! there, once, so only values absent from it become `mrwarden.history-secret`
//! findings. Pure: the commits' diffs come from `diff::source` (git or the API).

use std::collections::BTreeSet;

use crate::config::Limits;
use crate::diff::Diff;
use crate::finding::{Finding, FindingKind, Fingerprint};
use crate::rules::RuleSet;

use super::matcher::{self, FileScope, SecretKey};
use super::{FileNote, NoteReason};
pub use crate::diff::commits::{CommitDiff, Commits, MAX_COMMITS};

/// Rule id of a secret found in a commit of the change but not in its final diff.
pub const HISTORY_RULE: &str = crate::finding::meta::HISTORY_SECRET;

/// What every history finding says.
pub const HISTORY_MESSAGE: &str =
    "removed in a later commit but still in history — rotate the credential";

/// History findings plus the notes and warnings for the run.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// `mrwarden.history-secret` findings, and `mrwarden.not-scanned` ones for the
    /// history that was not read.
    pub findings: Vec<Finding>,
    /// Notes for the summary; those for unread history fail closed.
    pub notes: Vec<FileNote>,
    /// Lines for the summary and stderr.
    pub warnings: Vec<String>,
}

/// What a history finding says when the final diff of its file was not read (GitLab
/// left it out): the secret may still be there.
pub const UNKNOWN_MESSAGE: &str = "GitLab did not return this file's final diff, so it may still be there; it is in the history either way — rotate the credential";

/// Runs the secret rules over every commit's added lines and keeps the secrets whose
/// value the final diff does not add. Each value is reported once, at the first commit
/// that added it. `final_complete` is false when part of the final diff was not read:
/// a secret in a file missing from it may not have been removed, and says so.
pub fn scan(
    commits: &Commits,
    final_diff: &Diff,
    final_complete: bool,
    rules: &RuleSet,
    limits: &Limits,
) -> History {
    let scope = FileScope {
        secrets_only: true,
        byte_cap: limits.max_file_bytes,
    };
    if commits.commits.is_empty() && commits.unread.is_empty() && commits.beyond_limit == 0 {
        return History::default();
    }
    let mut seen: BTreeSet<SecretKey> = final_diff
        .files
        .iter()
        .filter(|f| f.is_scannable())
        .flat_map(|f| matcher::scan_file_keyed(f, rules, scope).1)
        .map(|(_, key)| key)
        .collect();
    let read: BTreeSet<&str> = final_diff
        .files
        .iter()
        .filter(|f| f.is_scannable())
        .map(crate::diff::FileDiff::path)
        .collect();
    let mut out = History::default();
    for commit in &commits.commits {
        for file in commit.diff.files.iter().filter(|f| f.is_scannable()) {
            let known = final_complete || read.contains(file.path());
            let (found, keys) = matcher::scan_file_keyed(file, rules, scope);
            for (index, key) in keys {
                if seen.insert(key) {
                    out.findings
                        .push(history_finding(&found[index], &commit.sha, known));
                }
            }
        }
    }
    let mut unread = commits.unread.clone();
    if commits.beyond_limit > 0 {
        unread.push((
            format!(
                "(commits {}–{} of the change)",
                MAX_COMMITS + 1,
                MAX_COMMITS + commits.beyond_limit
            ),
            format!(
                "the change has {} commits and at most {MAX_COMMITS} are searched for secrets",
                MAX_COMMITS + commits.beyond_limit
            ),
        ));
    }
    for (what, why) in unread {
        out.warnings.push(format!(
            "commit history not fully scanned for secrets: {what}: {why}"
        ));
        let note = FileNote {
            path: what,
            reason: NoteReason::HistoryNotScanned,
        };
        out.findings.push(super::not_scanned_finding(&note));
        out.notes.push(note);
    }
    if commits.merges_skipped > 0 {
        out.warnings.push(format!(
            "{} merge commit(s) of the change were not searched for secrets (their changes come from other commits)",
            commits.merges_skipped
        ));
    }
    out
}

/// The history finding for a secret `found` in `commit`: the secret rule's severity,
/// CWE and redacted snippet; its own rule id and fingerprint (from the secret finding's
/// fingerprint, which holds only 16 bits of a keyed hash of the value), never placed
/// inline (the line is not in the final diff).
fn history_finding(found: &Finding, commit: &str, removed: bool) -> Finding {
    let mut f = Finding::meta(
        HISTORY_RULE,
        "Secret in the change's commit history",
        format!(
            "{} in {} line {} of commit {commit}: {}.",
            found.title,
            found.path,
            found.start_line,
            if removed {
                HISTORY_MESSAGE
            } else {
                UNKNOWN_MESSAGE
            }
        ),
        found.severity,
        &found.path,
        found.start_line,
        "",
    );
    f.fingerprint = Fingerprint::compute(
        HISTORY_RULE,
        &found.path,
        &format!("{} {}", found.rule_id, found.fingerprint),
        0,
    );
    f.kind = FindingKind::Secret;
    f.confidence = found.confidence;
    f.cwe = found.cwe;
    f.owasp.clone_from(&found.owasp);
    f.snippet.clone_from(&found.snippet);
    f.remediation = format!(
        "Revoke and replace the credential ({}): deleting it in a later commit leaves it readable in the branch's history, in forks and in every clone. Rewriting history does not help once it was pushed.",
        found.rule_id
    );
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff_adding(path: &str, lines: &[&str]) -> Diff {
        let content = lines.join("\n") + "\n";
        Diff {
            files: vec![crate::diff::FileDiff::whole_file(path, content.as_bytes())],
        }
    }

    fn rules() -> RuleSet {
        crate::rules::load(&[]).expect("built-in rules")
    }

    /// History scanned against an empty, complete final diff.
    fn scan_alone(commits: &Commits) -> History {
        scan(
            commits,
            &Diff::default(),
            true,
            &rules(),
            &Limits::default(),
        )
    }

    const PAT: &str = "glpat-Zyxwvutsrq9876543210";

    #[test]
    fn removed_secret_is_reported_once_with_commit_and_redacted() {
        let commits = Commits {
            commits: vec![
                CommitDiff {
                    sha: "a".repeat(40),
                    diff: diff_adding("conf.py", &["x = 1", &format!("token = \"{PAT}\"")]),
                },
                CommitDiff {
                    sha: "b".repeat(40),
                    diff: diff_adding("other.py", &[&format!("t = \"{PAT}\"")]),
                },
            ],
            ..Commits::default()
        };
        let h = scan_alone(&commits);
        assert_eq!(h.findings.len(), 1, "{:?}", h.findings);
        let f = &h.findings[0];
        assert_eq!(f.rule_id, HISTORY_RULE);
        assert_eq!(f.kind, FindingKind::Secret);
        assert_eq!((f.path.as_str(), f.start_line), ("conf.py", 2));
        assert!(f.message.contains(HISTORY_MESSAGE) && f.message.contains(&"a".repeat(40)));
        let all = format!("{f:?}");
        assert!(
            !all.contains(PAT),
            "the value never leaves the matcher: {all}"
        );
        assert!(h.notes.is_empty() && h.warnings.is_empty());
        // Stable: the same history gives the same fingerprint.
        let again = scan_alone(&commits);
        assert_eq!(again.findings[0].fingerprint, f.fingerprint);
    }

    #[test]
    fn secret_still_in_the_final_diff_is_not_reported_twice() {
        let commits = Commits {
            commits: vec![CommitDiff {
                sha: "a".repeat(40),
                diff: diff_adding("conf.py", &[&format!("token = \"{PAT}\"")]),
            }],
            ..Commits::default()
        };
        let moved = diff_adding("elsewhere.py", &[&format!("TOKEN = '{PAT}'")]);
        let h = scan(&commits, &moved, true, &rules(), &Limits::default());
        assert!(h.findings.is_empty(), "{:?}", h.findings);
        // The final diff was not all read and conf.py is not in it: it may be there.
        let h = scan(
            &commits,
            &Diff::default(),
            false,
            &rules(),
            &Limits::default(),
        );
        assert!(
            h.findings[0].message.contains(UNKNOWN_MESSAGE),
            "{:?}",
            h.findings
        );
    }

    #[test]
    fn unread_history_fails_closed() {
        let commits = Commits {
            beyond_limit: 10,
            merges_skipped: 1,
            ..Commits::default()
        };
        let h = scan_alone(&commits);
        assert_eq!(h.notes.len(), 1);
        assert!(h.notes[0].reason.fails_closed());
        assert!(h.notes[0].path.contains("51–60"), "{:?}", h.notes);
        assert_eq!(h.findings.len(), 1);
        assert_eq!(h.findings[0].rule_id, "mrwarden.not-scanned");
        assert!(h.warnings.iter().any(|w| w.contains("merge commit")));
    }
}

//! Diff positions for inline discussions, validated against the parsed diff before
//! anything is posted (GitLab answers `400 line_code can't be blank` otherwise).
//!
//! GitLab's rules (<https://docs.gitlab.com/api/discussions/#create-a-new-thread-in-the-merge-request-diff>):
//! an added line takes `new_line` only; both `old_path` and `new_path` are required
//! (a new file uses its new path for both, a rename the respective paths); the SHAs are
//! those of the diff version the diff came from.

use serde::Serialize;

use crate::diff::{Diff, FileStatus, LineKind};
use crate::finding::Finding;

/// The SHAs of one merge-request diff version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffRefs {
    /// `base_commit_sha`.
    pub base_sha: String,
    /// `start_commit_sha`.
    pub start_sha: String,
    /// `head_commit_sha`.
    pub head_sha: String,
}

/// A `position` object for `POST …/discussions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Position {
    /// Always `text`.
    pub position_type: &'static str,
    /// Version base.
    pub base_sha: String,
    /// Version start.
    pub start_sha: String,
    /// Version head.
    pub head_sha: String,
    /// Path before the change (the new path for an added file).
    pub old_path: String,
    /// Path after the change.
    pub new_path: String,
    /// The added line.
    pub new_line: u32,
}

/// Why a finding cannot be placed inline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unplaceable {
    /// Its file is not in the diff (e.g. a history-only secret).
    FileNotInDiff,
    /// Its line is not an added line of the diff.
    LineNotAdded,
    /// A secret found in a commit of the change but not in its final diff
    /// (`mrwarden.history-secret`): its line number belongs to that commit, so it goes
    /// into the summary even when the final diff adds a line with the same number.
    HistoryOnly,
}

/// The position of a finding's line, or why there is none.
pub fn locate(diff: &Diff, finding: &Finding, refs: &DiffRefs) -> Result<Position, Unplaceable> {
    if finding.rule_id == crate::finding::meta::HISTORY_SECRET {
        return Err(Unplaceable::HistoryOnly);
    }
    let file = diff
        .files
        .iter()
        .find(|f| f.new_path.as_deref() == Some(finding.path.as_str()) && f.is_scannable())
        .ok_or(Unplaceable::FileNotInDiff)?;
    let line = finding.end_line.max(finding.start_line);
    let added = file
        .hunks
        .iter()
        .flat_map(|h| &h.lines)
        .any(|l| l.kind == LineKind::Added && l.new_line == Some(line));
    if !added {
        return Err(Unplaceable::LineNotAdded);
    }
    let new_path = finding.path.clone();
    let old_path = match file.status {
        FileStatus::Renamed | FileStatus::Copied => {
            file.old_path.clone().unwrap_or_else(|| new_path.clone())
        }
        _ => new_path.clone(),
    };
    Ok(Position {
        position_type: "text",
        base_sha: refs.base_sha.clone(),
        start_sha: refs.start_sha.clone(),
        head_sha: refs.head_sha.clone(),
        old_path,
        new_path,
        new_line: line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Confidence, FindingKind, Fingerprint, Severity};

    fn finding(path: &str, line: u32) -> Finding {
        Finding {
            flow: Vec::new(),
            suggestion: None,
            non_gating: None,
            rule_id: "r".into(),
            title: String::new(),
            message: String::new(),
            severity: Severity::High,
            confidence: Confidence::High,
            kind: FindingKind::Vulnerability,
            cwe: None,
            owasp: None,
            path: path.into(),
            start_line: line,
            end_line: line,
            snippet: String::new(),
            remediation: String::new(),
            fingerprint: Fingerprint::compute("r", path, "x", 0),
        }
    }

    fn refs() -> DiffRefs {
        DiffRefs {
            base_sha: "b".into(),
            start_sha: "s".into(),
            head_sha: "h".into(),
        }
    }

    #[test]
    fn added_modified_renamed_and_rejections() {
        let diff = crate::diff::parse(
            b"diff --git a/old.py b/new.py\nsimilarity index 90%\nrename from old.py\nrename to new.py\n--- a/old.py\n+++ b/new.py\n@@ -1,2 +1,3 @@\n a\n+b\n c\ndiff --git a/n.py b/n.py\nnew file mode 100644\n--- /dev/null\n+++ b/n.py\n@@ -0,0 +1 @@\n+x\n",
        )
        .expect("diff parses");
        let p = locate(&diff, &finding("new.py", 2), &refs()).expect("added line");
        assert_eq!(
            (p.old_path.as_str(), p.new_path.as_str(), p.new_line),
            ("old.py", "new.py", 2)
        );
        let p = locate(&diff, &finding("n.py", 1), &refs()).expect("new file");
        assert_eq!(p.old_path, "n.py");
        assert_eq!(
            locate(&diff, &finding("new.py", 1), &refs()),
            Err(Unplaceable::LineNotAdded)
        );
        assert_eq!(
            locate(&diff, &finding("other.py", 1), &refs()),
            Err(Unplaceable::FileNotInDiff)
        );
        let mut history = finding("new.py", 2);
        history.rule_id = crate::finding::meta::HISTORY_SECRET.into();
        assert_eq!(
            locate(&diff, &history, &refs()),
            Err(Unplaceable::HistoryOnly),
            "an added line with the same number is another line"
        );
    }
}

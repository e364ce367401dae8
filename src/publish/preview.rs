//! What a first run would post on a fresh merge request, for `mrwarden demo`: the plan
//! made against no existing discussions, with the default comment settings. Pure.

use std::collections::BTreeSet;

use crate::diff::Diff;
use crate::finding::Finding;

use super::plan::{self, Action, Mode, NotInline, Settings};
use super::position::{DiffRefs, Position};

/// Default `comments.max_inline` (DESIGN.md).
pub(crate) const DEFAULT_MAX_INLINE: usize = 25;

/// The inline discussions a first run would start, and what would only be summarised.
#[derive(Debug, Clone, Default)]
pub(crate) struct Preview {
    /// Each discussion's position and body, in finding order.
    pub discussions: Vec<(Position, String)>,
    /// Findings that would appear only in the summary note.
    pub not_inline: Vec<NotInline>,
}

/// Plans the first run on `diff` whose head commit is `head_sha`.
pub(crate) fn first_run(findings: &[Finding], diff: &Diff, head_sha: &str) -> Preview {
    let refs = DiffRefs {
        base_sha: String::new(),
        start_sha: String::new(),
        head_sha: head_sha.to_string(),
    };
    let settings = Settings {
        bot_id: 0,
        mode: Mode::Inline,
        max_inline: DEFAULT_MAX_INLINE,
        inline_allowed: true,
        can_resolve: true,
        head_sha: head_sha.to_string(),
        partially_scanned: BTreeSet::new(),
        dismissals: Vec::new(),
        summary_key: crate::publish::body::summary_key(None),
    };
    let planned = plan::plan(findings, diff, &refs, &[], &settings);
    Preview {
        discussions: planned
            .actions
            .into_iter()
            .filter_map(|a| match a {
                Action::CreateDiscussion { position, body, .. } => Some((position, body)),
                _ => None,
            })
            .collect(),
        not_inline: planned.not_inline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIFF: &str = "diff --git a/app.py b/app.py\nnew file mode 100644\n--- /dev/null\n+++ b/app.py\n@@ -0,0 +1,2 @@\n+import os\n+os.system(\"rm -rf \" + path)\n";

    #[test]
    fn every_finding_on_an_added_line_becomes_one_discussion_there() {
        let diff = crate::diff::parse::parse(DIFF.as_bytes()).expect("parses");
        let rules = crate::rules::load(&[]).expect("rules");
        let analysis = crate::analyze::analyze(&diff, &rules, &crate::config::Limits::default());
        assert!(
            !analysis.findings.is_empty(),
            "the command injection is found"
        );
        let preview = first_run(&analysis.findings, &diff, "abc123");
        assert_eq!(preview.discussions.len(), analysis.findings.len());
        assert!(preview.not_inline.is_empty());
        for (pos, body) in &preview.discussions {
            assert_eq!((pos.new_path.as_str(), pos.new_line), ("app.py", 2));
            assert!(body.contains("<!-- mrwarden:"), "{body}");
        }
    }
}

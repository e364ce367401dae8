//! Property tests on stable Rust: the same properties the fuzz targets check
//! (fuzz/README.md), on generated input, in every `cargo test`.

use mrwarden::diff::{LineKind, parse};
use mrwarden::publish::body::{code_block, finalise};
use proptest::prelude::*;

/// Diff-like text: headers, hunk headers and lines of every kind, in any order.
fn diffish() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("diff --git a/x b/x".to_string()),
        Just("--- a/x".to_string()),
        Just("+++ b/x".to_string()),
        Just("--- /dev/null".to_string()),
        (0u32..5, 0u32..5, 0u32..5, 0u32..5)
            .prop_map(|(a, b, c, d)| format!("@@ -{a},{b} +{c},{d} @@")),
        "[ +-][a-z/`\\\\\"]{0,8}",
        Just("\\ No newline at end of file".to_string()),
        Just("Binary files a/x and b/x differ".to_string()),
        Just("rename from \"q\\\"x\"".to_string()),
        "\\PC{0,12}",
    ];
    prop::collection::vec(line, 0..40).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #[test]
    fn diff_parser_never_panics_and_numbers_lines_consistently(text in diffish(), raw in prop::collection::vec(any::<u8>(), 0..256)) {
        for input in [text.as_bytes(), raw.as_slice()] {
            if let Ok(diff) = parse(input) {
                for line in diff.files.iter().flat_map(|f| &f.hunks).flat_map(|h| &h.lines) {
                    match line.kind {
                        LineKind::Added => prop_assert!(line.new_line.is_some() && line.old_line.is_none()),
                        LineKind::Removed => prop_assert!(line.old_line.is_some() && line.new_line.is_none()),
                        LineKind::Context => prop_assert!(line.old_line.is_some() && line.new_line.is_some()),
                    }
                    prop_assert!(!line.text.contains('\n'));
                }
            }
        }
    }

    #[test]
    fn note_bodies_never_carry_quick_actions_controls_or_open_fences(
        text in prop::collection::vec(prop_oneof![Just("/approve".to_string()), Just("  /merge".to_string()), "`{1,6}", "\\PC{0,10}", Just("\u{1b}[2J".to_string()), Just("\r".to_string())], 0..20)
    ) {
        let text = text.join("\n");
        let body = finalise(&code_block(&text, "text"));
        for line in body.lines() {
            prop_assert!(!line.trim_start().starts_with('/'), "quick action line {:?}", line);
        }
        prop_assert!(!body.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        let fence = body.chars().take_while(|c| *c == '`').count();
        let inner = &body[fence..body.len() - fence];
        prop_assert!(!inner.contains(&"`".repeat(fence)));
    }

    #[test]
    fn config_loader_never_panics(text in "\\PC{0,200}") {
        let _ = mrwarden::config::parse("prop.yml", &text);
    }
}

proptest! {
    #[test]
    fn api_diff_versions_never_panic(diff in diffish(), flags in prop::collection::vec(any::<bool>(), 5), path in "\\PC{0,20}") {
        let entry = serde_json::json!({
            "old_path": path, "new_path": path, "a_mode": "100644", "b_mode": "100644",
            "new_file": flags[0], "renamed_file": flags[1], "deleted_file": flags[2],
            "collapsed": flags[3], "too_large": flags[4], "diff": diff,
        });
        let doc = serde_json::json!({"id": 1, "head_commit_sha": "b", "base_commit_sha": "a", "start_commit_sha": "a", "diffs": [entry]});
        if let Ok(detail) = serde_json::from_value::<mrwarden::gitlab::model::VersionDetail>(doc) {
            let api = mrwarden::diff::source::api::convert(detail, 1);
            for line in api.loaded.diff.files.iter().flat_map(|f| &f.hunks).flat_map(|h| &h.lines) {
                if line.kind == LineKind::Added {
                    prop_assert!(line.new_line.is_some());
                }
            }
        }
    }
}

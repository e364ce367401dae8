//! The unified-diff parser never panics, and what it returns is consistent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mrwarden::diff::{LineKind, parse};

fuzz_target!(|data: &[u8]| {
    if let Ok(diff) = parse(data) {
        for file in &diff.files {
            for hunk in &file.hunks {
                for line in &hunk.lines {
                    match line.kind {
                        LineKind::Added => assert!(line.new_line.is_some() && line.old_line.is_none()),
                        LineKind::Removed => assert!(line.old_line.is_some() && line.new_line.is_none()),
                        LineKind::Context => assert!(line.old_line.is_some() && line.new_line.is_some()),
                    }
                    assert!(!line.text.contains('\n'));
                }
            }
        }
    }
});

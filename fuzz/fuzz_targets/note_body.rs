//! Whatever text a finding carries, a note body never runs a quick action, never
//! contains a control character, and keeps the snippet inside its fence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mrwarden::publish::body::{code_block, finalise};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let body = finalise(&code_block(&text, "text"));
    for line in body.lines() {
        assert!(!line.trim_start().starts_with('/'), "quick action line: {line:?}");
    }
    assert!(!body.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
    let fence_len = body.chars().take_while(|c| *c == '`').count();
    let inner = &body[fence_len..body.len() - fence_len];
    assert!(!inner.contains(&"`".repeat(fence_len)), "fence can be closed from inside");
});

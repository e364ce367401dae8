//! The rule-pack loader and compiler never panic, whatever the pack says.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(pack) = mrwarden::rules::parse_pack("fuzz.yml", text) {
            let _ = mrwarden::rules::RuleSet::compile(&[pack]);
        }
    }
});

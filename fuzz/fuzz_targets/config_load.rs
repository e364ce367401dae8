//! The configuration loader never panics on any text, including alias bombs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = mrwarden::config::parse("fuzz.yml", text);
    }
});

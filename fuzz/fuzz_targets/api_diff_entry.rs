//! GitLab's diff-version JSON, whatever a server (or a proxy) sends: decoding and
//! converting it to our diff model never panics, and every added line it yields is
//! numbered.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mrwarden::diff::LineKind;
use mrwarden::gitlab::model::VersionDetail;

fuzz_target!(|data: &[u8]| {
    if let Ok(detail) = serde_json::from_slice::<VersionDetail>(data) {
        let api = mrwarden::diff::source::api::convert(detail, 1);
        for line in api.loaded.diff.files.iter().flat_map(|f| &f.hunks).flat_map(|h| &h.lines) {
            if line.kind == LineKind::Added {
                assert!(line.new_line.is_some());
            }
        }
    }
});

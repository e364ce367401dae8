//! The built-in rule packs and fixtures, embedded at build time from `rules/`.

use super::LoadedPack;
use crate::error::Error;

mod files {
    include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
}

/// Every embedded file under `rules/`: (relative path, contents).
pub fn files() -> &'static [(&'static str, &'static [u8])] {
    files::FILES
}

/// The embedded packs: top-level `rules/*.yml` files.
pub fn packs() -> Result<Vec<LoadedPack>, Error> {
    files()
        .iter()
        .filter(|(path, _)| is_pack_path(path))
        .map(|(path, bytes)| {
            let text = std::str::from_utf8(bytes)
                .map_err(|_| Error::Config(format!("builtin:{path} is not UTF-8")))?;
            let mut pack = super::parse_pack(&format!("builtin:{path}"), text)?;
            pack.builtin = true;
            Ok(pack)
        })
        .collect()
}

/// A pack is a `.yml` file directly under the rules directory; deeper files are fixtures.
pub fn is_pack_path(rel: &str) -> bool {
    !rel.contains('/') && (rel.ends_with(".yml") || rel.ends_with(".yaml"))
}

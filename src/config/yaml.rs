//! YAML reading with limits.
//!
//! `serde_yaml` is archived upstream. We use `serde-saphyr`: maintained, pure Rust,
//! deserialises straight into our types (unknown keys and wrong types are errors with a
//! line and column), and enforces a budget on events, aliases and anchors, so an alias
//! bomb ("billion laughs") fails fast instead of exhausting memory.

use serde::de::DeserializeOwned;

/// Largest YAML document we accept (configuration files and rule packs are small).
pub const MAX_YAML_BYTES: usize = 2 << 20;

/// Parses YAML into `T` under mrwarden's budget; the error text carries line and column.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    if text.len() > MAX_YAML_BYTES {
        return Err(format!(
            "{} bytes is more than the {MAX_YAML_BYTES}-byte limit for YAML files",
            text.len()
        ));
    }
    let mut budget = serde_saphyr::Budget::default();
    budget.max_events = 200_000;
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_recorded_anchor_events = 100_000;
    budget.max_recorded_anchor_bytes = 4 << 20;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let msg = e.to_string();
        // Keep the first line: later lines are a source snippet we do not need twice.
        let first = msg.lines().next().unwrap_or_default().to_string();
        match e.location() {
            Some(loc) if !first.contains("line") => {
                format!("{first} (line {}, column {})", loc.line(), loc.column())
            }
            _ => first,
        }
    })
}

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
        let first = msg.lines().next().unwrap_or_default();
        let first = first.strip_prefix("error: ").unwrap_or(first).to_string();
        let located = match e.location() {
            Some(loc) if !first.contains("line") => {
                format!("{first} (line {}, column {})", loc.line(), loc.column())
            }
            _ => first,
        };
        match did_you_mean(&located) {
            Some(hint) => format!("{located}; did you mean `{hint}`?"),
            None => located,
        }
    })
}

/// For serde's "unknown field `x`, expected one of a, b" message, the closest known key.
fn did_you_mean(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let (unknown, rest) = rest.split_once('`')?;
    let expected = rest
        .split("expected one of ")
        .nth(1)
        .or_else(|| rest.split("expected ").nth(1))?;
    expected
        .split(',')
        .map(|k| k.trim().trim_matches('`'))
        .filter(|k| !k.is_empty())
        .map(|k| (edit_distance(unknown, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k.to_string())
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggests_the_closest_key() {
        assert_eq!(
            super::did_you_mean(
                "unknown field `fail_onn`, expected one of version, fail_on, exclude"
            ),
            Some("fail_on".into())
        );
        assert_eq!(
            super::did_you_mean("unknown field `zzzzzz`, expected one of version, fail_on"),
            None
        );
    }
}

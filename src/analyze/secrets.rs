//! Checks that turn a regex match into a credential worth reporting: placeholder and
//! false-positive filters, entropy, and checksums.

use crate::finding::Confidence;
use crate::rules::spec::{Checksum, Placeholders, RuleSpec};

/// Decides whether a matched value is a plausible secret for `rule`, and how sure we are.
/// `None` drops the match.
pub fn assess(value: &str, line: &str, rule: &RuleSpec) -> Option<Confidence> {
    if value.is_empty() || obviously_fake(value) {
        return None;
    }
    if rule.placeholders == Placeholders::Strict
        && (placeholder(value) || reference(value, line) || (is_hex_hash(value) && hashy(line)))
    {
        return None;
    }
    if rule.min_entropy.is_some_and(|min| entropy(value) < min) {
        return None;
    }
    match rule.checksum {
        Some(Checksum::Crc32Base62) if crc32_base62_valid(value) => Some(Confidence::High),
        // A bad checksum does not prove the value harmless (formats change); keep the
        // rule's confidence, capped at medium.
        Some(Checksum::Crc32Base62) => Some(rule.confidence.min(Confidence::Medium)),
        None => Some(rule.confidence),
    }
}

/// The account key of Azure's storage emulators (Azurite, the Storage Emulator), the
/// same for everyone and published in Microsoft's documentation: not a secret.
const AZURE_DEVELOPMENT_STORAGE_KEY: &str =
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

/// Documentation values every secret rule ignores.
fn obviously_fake(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    value == AZURE_DEVELOPMENT_STORAGE_KEY
        || value.contains("EXAMPLE")
        || lower.contains("xxxxxxxx")
        || lower.contains("********")
        || lower.contains("<your")
        || lower.contains("your_")
        || lower.contains("your-")
        || lower.contains("placeholder")
        || lower.contains("redacted")
}

/// Common dummy values and value shapes that are not credentials (strict rules only).
#[expect(
    clippy::too_many_lines,
    reason = "mostly the list of placeholder words and shapes"
)]
fn placeholder(value: &str) -> bool {
    const WORDS: &[&str] = &[
        "changeme",
        "change_me",
        "change-me",
        "password",
        "passwd",
        "secret",
        "example",
        "sample",
        "dummy",
        "fake",
        "test",
        "testing",
        "todo",
        "fixme",
        "none",
        "null",
        "nil",
        "undefined",
        "true",
        "false",
        "default",
        "admin",
        "root",
        "letmein",
        "foobar",
        "foo",
        "bar",
        "baz",
        "qwerty",
        "abc123",
        "123456",
        "12345678",
        "mysecret",
        "mypassword",
        "pass",
        "token",
        "apikey",
        "api_key",
        "secretkey",
        "notasecret",
        "insert",
        "replace",
        "empty",
        "string",
    ];
    let lower = value.to_ascii_lowercase();
    let trimmed = lower.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    if WORDS.contains(&trimmed) {
        return true;
    }
    let distinct = {
        let mut chars: Vec<char> = value.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        chars.len()
    };
    distinct < 4
        || word_like(value)
        || (lower.starts_with('<') && lower.ends_with('>'))
        || lower.starts_with('^')
        || lower.contains("(?")
        || lower.starts_with("./")
        || lower.starts_with("../")
        || lower.starts_with('/')
        || lower.starts_with('#')
        || lower.starts_with('%')
        || lower.starts_with('@')
        || lower.starts_with("sha384-")
        || lower.starts_with("arn:")
        || lower.contains("example")
        || filler_word(&lower, "here")
        || filler_word(&lower, "your")
        || lower.contains("...")
        || lower.contains("xxx")
        || FILE_SUFFIXES.iter().any(|s| lower.ends_with(s))
        || lower.contains("${")
        || lower.contains("{{")
        || lower.contains("%s")
        || lower.contains("%(")
        || lower.starts_with('$')
        || lower.starts_with("sha512-")
        || lower.starts_with("sha256-")
        || lower.starts_with("sha1-")
        || is_uuid(value)
        || lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.contains("dummy")
        || lower.contains("changeme")
}

/// `word` as a word of a placeholder (`paste_token_here`, `your-api-key`, `TOKENHERE`):
/// at either end of the value or between non-alphanumerics. Inside random text
/// (`Z2FheRECG3…`) it is chance, not a placeholder.
fn filler_word(lower: &str, word: &str) -> bool {
    lower.match_indices(word).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + word.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
        (before.is_none() || after.is_none()) || (edge(before) && edge(after))
    })
}

/// File names that credential-named settings point at (`key_file = "server.pem"`).
const FILE_SUFFIXES: &[&str] = &[
    ".pem", ".key", ".crt", ".json", ".yml", ".yaml", ".txt", ".p12", ".pfx", ".jks", ".env",
    ".cfg", ".conf", ".ini", ".html", ".py", ".js", ".rb", ".php",
];

/// Words, identifiers and dotted or dashed names without digits (`MY_SECRET_KEY`,
/// `bert-base-uncased`, `auth.token`): names of things, not credentials.
fn word_like(value: &str) -> bool {
    let body = value.trim_start_matches([':', '.', '/', '-']);
    !body.is_empty()
        && body
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || matches!(b, b'_' | b'-' | b'.' | b':' | b'/'))
        && body.bytes().any(|b| b.is_ascii_alphabetic())
}

/// The value is read from somewhere else rather than written down.
fn reference(value: &str, line: &str) -> bool {
    const SOURCES: &[&str] = &[
        "os.environ",
        "os.getenv",
        "getenv(",
        "process.env",
        "env(",
        "env[",
        "environ[",
        "system.getenv",
        "configuration[",
        "secrets.",
        "vault",
        "config.get",
        "settings.",
        "keyring",
        "credentials(",
    ];
    let lower_value = value.to_ascii_lowercase();
    SOURCES.iter().any(|s| lower_value.contains(s))
        || (value.contains('(') && value.ends_with(')'))
        || {
            // `password = get_password()` style: no quotes around the value on the line.
            let quoted = ['"', '\'', '`']
                .iter()
                .any(|q| line.contains(&format!("{q}{value}")));
            !quoted && value.contains(['.', '(', '['])
        }
}

fn is_uuid(v: &str) -> bool {
    let parts: Vec<&str> = v.split('-').collect();
    parts.len() == 5
        && [8, 4, 4, 4, 12]
            .iter()
            .zip(&parts)
            .all(|(n, p)| p.len() == *n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The line talks about hashes or revisions, so a hex value on it is a digest, not a key.
fn hashy(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "sha",
        "hash",
        "digest",
        "checksum",
        "commit",
        "revision",
        "etag",
        "md5",
        "fingerprint",
        "integrity",
        "nonce",
        "salt",
    ];
    let lower = line.to_ascii_lowercase();
    WORDS.iter().any(|w| lower.contains(w))
}

fn is_hex_hash(v: &str) -> bool {
    matches!(v.len(), 32 | 40 | 64) && v.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Shannon entropy in bits per character.
pub fn entropy(value: &str) -> f64 {
    let mut counts = std::collections::HashMap::new();
    let mut total = 0u32;
    for c in value.chars() {
        *counts.entry(c).or_insert(0u32) += 1;
        total += 1;
    }
    if total == 0 {
        return 0.0;
    }
    let total = f64::from(total);
    counts
        .values()
        .map(|&n| {
            let p = f64::from(n) / total;
            -p * p.log2()
        })
        .sum()
}

/// `prefix_` + 30 random characters + 6 base62 characters of their CRC32.
fn crc32_base62_valid(value: &str) -> bool {
    let Some((_, body)) = value.split_once('_') else {
        return false;
    };
    if body.len() != 36 || !body.is_ascii() {
        return false;
    }
    let (payload, check) = body.split_at(30);
    base62(crc32(payload.as_bytes()), 6) == check
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// Base62 (`0-9A-Za-z`), left-padded with `0` to `width`.
pub fn base62(mut n: u32, width: usize) -> String {
    const DIGITS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    while n > 0 {
        out.push(DIGITS[(n % 62) as usize]);
        n /= 62;
    }
    while out.len() < width {
        out.push(b'0');
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_known_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn entropy_orders_random_above_repetitive() {
        assert!(entropy("aaaaaaaa") < 0.1);
        assert!(entropy("q8Zk2LmP0xVb7TnR") > 3.5);
    }

    #[test]
    fn placeholders_and_shapes() {
        assert!(placeholder("changeme"));
        assert!(placeholder("${DB_PASSWORD}"));
        assert!(placeholder("123e4567-e89b-12d3-a456-426614174000"));
        assert!(hashy(
            "commit_sha = 'da39a3ee5e6b4b0d3255bfef95601890afd80709'"
        ));
        assert!(is_hex_hash("da39a3ee5e6b4b0d3255bfef95601890afd80709"));
        assert!(!placeholder("Tr0ub4dor&3xZ"));
        assert!(placeholder("MY_SECRET_KEY"));
        assert!(placeholder("bert-base-uncased"));
        assert!(placeholder("server.pem"));
        assert!(!placeholder("Summer2024!"));
        // Filler words count only as words, not inside random text.
        assert!(!placeholder("Z2FheRECG3KpN8!9"));
        assert!(!placeholder("k9yourQ2mVx7"));
        assert!(placeholder("paste_token_here"));
        assert!(placeholder("your-api-key-1"));
        assert!(placeholder("TOKENHERE"));
        assert!(reference("os.environ['X']", "p = os.environ['X']"));
        assert!(obviously_fake("AKIAIOSFODNN7EXAMPLE"));
    }

    #[test]
    fn crc_checksum_roundtrip() {
        let payload = "abcdefghijklmnopqrstuvwxyz0123";
        let token = format!("ghp_{payload}{}", base62(crc32(payload.as_bytes()), 6));
        assert!(crc32_base62_valid(&token));
        assert!(!crc32_base62_valid(
            "ghp_abcdefghijklmnopqrstuvwxyz0123000000"
        ));
    }
}

//! Decoding of credential values written encoded (HTTP Basic, Docker `auth`, Kubernetes
//! Secret `data`): a secret rule with `decode:` captures the encoded value, and this
//! module decodes it, bounded in size and depth, so the secret rules can judge the
//! decoded text. The decoded text lives only in memory for the length of the check: it
//! is never part of a finding, a snippet, a fingerprint or a log line.

use crate::finding::Confidence;
use crate::rules::spec::Decode;
use crate::rules::{CompiledRule, RuleKind, RuleSet};

/// Longest encoded value decoded, in bytes; longer values are not judged.
pub const MAX_ENCODED_BYTES: usize = 16 * 1024;

/// Most nested decodings (a Kubernetes Secret holding a base64 Docker config whose
/// `auth` is base64 again is two).
pub const MAX_DEPTH: u8 = 2;

/// Most lines of a decoded text looked at.
const MAX_DECODED_LINES: usize = 256;

/// What an encoded value decodes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decoded {
    /// How sure the finding is.
    pub confidence: Confidence,
    /// The rule that found a credential in the decoded text, if one did (else the
    /// decoding rule's own `decoded_pattern` judged it).
    pub kind: Option<usize>,
}

/// Decodes `encoded` as `rule` says and decides whether it holds a credential. `depth`
/// is the number of decodings already done around this value.
pub fn judge(encoded: &str, rule_index: usize, rules: &RuleSet, depth: u8) -> Option<Decoded> {
    let rule = &rules.rules[rule_index];
    let how = rule.spec.decode?;
    if depth >= MAX_DEPTH || encoded.len() > MAX_ENCODED_BYTES {
        return None;
    }
    let text = decode(encoded, how)?;
    if let Some(kind) = inner_kind(&text, rule_index, rules, depth + 1) {
        let inner = &rules.rules[kind].spec;
        return Some(Decoded {
            confidence: inner.confidence.max(rule.spec.confidence),
            kind: Some(kind),
        });
    }
    let value = match &rule.decoded_pattern {
        Some(re) => {
            let caps = re.captures(&text)?;
            caps.name("secret").or_else(|| caps.get(0))?.as_str()
        }
        None => text.trim(),
    };
    if value.contains(['\n', '\r']) || value.chars().any(char::is_control) {
        return None;
    }
    super::secrets::assess(value, &text, &rule.spec).map(|confidence| Decoded {
        confidence,
        kind: None,
    })
}

/// The decoded text, if `encoded` is valid in that encoding and decodes to UTF-8.
pub fn decode(encoded: &str, how: Decode) -> Option<String> {
    match how {
        Decode::Percent => percent(encoded).or_else(|| Some(encoded.to_string())),
        Decode::Base64 => {
            let unescaped = percent(encoded);
            let bytes = base64(unescaped.as_deref().unwrap_or(encoded))?;
            String::from_utf8(bytes).ok()
        }
    }
}

/// The most telling secret rule that finds a credential in `text` (a provider rule over
/// a generic one, then the more severe), other than the decoding rule itself.
fn inner_kind(text: &str, own: usize, rules: &RuleSet, depth: u8) -> Option<usize> {
    let mut best: Option<usize> = None;
    for line in text.lines().take(MAX_DECODED_LINES) {
        let mut candidates = Vec::new();
        let mut seen = Vec::new();
        rules.candidates(line, |r| {
            if r != own && !seen.contains(&r) && is_plain_secret_rule(&rules.rules[r]) {
                seen.push(r);
                candidates.push(r);
            }
        });
        if candidates.is_empty() {
            continue;
        }
        candidates.sort_unstable();
        for hit in super::matcher::find_secrets_at(line, &[], rules, &candidates, depth) {
            let r = hit.rule;
            let better = best.is_none_or(|b| {
                let (a, b) = (&rules.rules[r].spec, &rules.rules[b].spec);
                (!a.generic, a.severity) > (!b.generic, b.severity)
            });
            if better {
                best = Some(r);
            }
        }
    }
    best
}

/// Secret rules that can judge decoded text: no path, file or parent conditions (the
/// decoded text has no path and no lines around it).
fn is_plain_secret_rule(rule: &CompiledRule) -> bool {
    rule.spec.kind == RuleKind::Secret
        && rule.everywhere
        && rule.file_pattern.is_none()
        && rule.not_file_pattern.is_none()
        && rule.parent_pattern.is_none()
}

/// Percent-decoding; `None` when there is no `%XX` escape or an escape is broken.
fn percent(s: &str) -> Option<String> {
    if !s.contains('%') {
        return None;
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hi = char::from(hex[0]).to_digit(16)?;
            let lo = char::from(hex[1]).to_digit(16)?;
            out.push(u8::try_from(hi * 16 + lo).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Standard (`+/`) or URL-safe (`-_`) base64, padding optional; `None` when any other
/// character appears or the length cannot be base64.
fn base64(s: &str) -> Option<Vec<u8>> {
    let body = s.trim_end_matches('=');
    if s.len() - body.len() > 2 || body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for b in body.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xFF) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_both_alphabets_and_padding() {
        assert_eq!(base64("aGk6dGhlcmU=").as_deref(), Some(&b"hi:there"[..]));
        assert_eq!(base64("aGk6dGhlcmU").as_deref(), Some(&b"hi:there"[..]));
        assert_eq!(base64("-_8").as_deref(), Some(&[0xfb, 0xff][..]));
        assert_eq!(base64("a"), None);
        assert_eq!(base64("ab!c"), None);
        assert_eq!(base64("ab==="), None);
    }

    #[test]
    fn percent_escapes() {
        assert_eq!(percent("p%40ss%3D").as_deref(), Some("p@ss="));
        assert_eq!(percent("plain"), None);
        assert_eq!(percent("bad%4"), None);
        assert_eq!(percent("bad%zz"), None);
        assert_eq!(
            decode("aGk6dGhlcmU%3D", Decode::Base64).as_deref(),
            Some("hi:there")
        );
        assert_eq!(decode("plain", Decode::Percent).as_deref(), Some("plain"));
    }

    fn rules() -> &'static RuleSet {
        static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
        RULES.get_or_init(|| crate::rules::load(&[]).expect("built-in rules"))
    }

    fn b64(s: &str) -> String {
        const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        s.as_bytes()
            .chunks(3)
            .flat_map(|c| {
                let n = c
                    .iter()
                    .enumerate()
                    .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
                (0..4).map(move |i| {
                    if i <= c.len() {
                        char::from(A[((n >> (18 - 6 * i)) & 63) as usize])
                    } else {
                        '='
                    }
                })
            })
            .collect()
    }

    fn index(id: &str) -> usize {
        rules()
            .rules
            .iter()
            .position(|r| r.spec.id == id)
            .expect("rule exists")
    }

    #[test]
    fn basic_values_are_judged_by_what_they_decode_to() {
        let basic = index("http-basic-auth");
        let judged = |plain: &str| judge(&b64(plain), basic, rules(), 0);
        let own = judged("deployer:Vq8rTz2mKp4Lw9Xc").expect("a password");
        assert_eq!(own.kind, None);
        let pat = judged("oauth2:glpat-Wm3qZr8TkV2xLp9NcB7d").expect("a PAT");
        assert_eq!(pat.kind, Some(index("gitlab-pat")));
        for silent in [
            "user:password",
            "admin:changeme",
            "ci:${CI_PASSWORD}",
            "no-colon",
        ] {
            assert_eq!(judged(silent), None, "{silent}");
        }
        // Depth and size bounds.
        assert_eq!(
            judge(&b64("deployer:Vq8rTz2mKp4Lw9Xc"), basic, rules(), MAX_DEPTH),
            None
        );
        let huge = b64(&format!("u:{}", "Vq8rTz2m".repeat(MAX_ENCODED_BYTES / 8)));
        assert_eq!(judge(&huge, basic, rules(), 0), None);
    }

    #[test]
    fn the_llm_never_sees_an_encoded_credential() {
        let line = format!(
            "headers = {{\"Authorization\": \"Basic {}\"}}",
            b64("deployer:Vq8rTz2mKp4Lw9Xc")
        );
        let sent = super::super::matcher::redact_secrets(&line, &[], rules());
        assert!(!sent.contains(&b64("deployer:Vq8rTz2mKp4Lw9Xc")), "{sent}");
        assert!(sent.contains("Basic … (36 chars)"), "{sent}");
        let placeholder = format!("auth = \"Basic {}\"", b64("user:password"));
        assert_eq!(
            super::super::matcher::redact_secrets(&placeholder, &[], rules()),
            placeholder
        );
    }

    #[test]
    fn binary_is_not_text() {
        assert_eq!(decode("/w==", Decode::Base64), None);
    }
}

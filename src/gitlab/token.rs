//! The bot's GitLab token. It lives in one type whose `Debug` and `Display` never show
//! it; the only way out is [`Token::header_value`], a header value marked sensitive.

use std::fmt;

use http::HeaderValue;

/// A GitLab personal, project or group access token.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

/// Why a token value was rejected. Never carries the value itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Malformed {
    /// Spaces, tabs or line breaks (a pasted token with a trailing newline).
    #[error("contains whitespace or a line break")]
    Whitespace,
    /// Control characters or characters outside printable ASCII.
    #[error("contains non-printable or non-ASCII characters")]
    NonPrintable,
}

impl Token {
    /// Validates a raw value: printable ASCII without whitespace, as every GitLab token is.
    pub fn parse(raw: &str) -> Result<Self, Malformed> {
        if raw.chars().any(char::is_whitespace) {
            return Err(Malformed::Whitespace);
        }
        if !raw.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Malformed::NonPrintable);
        }
        Ok(Token(raw.to_string()))
    }

    /// The `PRIVATE-TOKEN` header value, marked sensitive so HTTP layers never log it.
    pub fn header_value(&self) -> Option<HeaderValue> {
        let mut v = HeaderValue::from_str(&self.0).ok()?;
        v.set_sensitive(true);
        Some(v)
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CANARY: &str = "glpat-CANARY1234567890abcd";

    #[test]
    fn debug_and_display_never_show_the_token() {
        let t = Token::parse(CANARY).expect("valid");
        assert!(!format!("{t:?}").contains("CANARY"));
        assert!(!format!("{t}").contains("CANARY"));
        assert!(!format!("{:?}", Some(&t)).contains("CANARY"));
        assert!(t.header_value().expect("header").is_sensitive());
    }

    #[test]
    fn malformed_values_are_rejected() {
        assert_eq!(Token::parse("glpat-abc\n"), Err(Malformed::Whitespace));
        assert_eq!(Token::parse("glpat abc"), Err(Malformed::Whitespace));
        assert_eq!(Token::parse("glpat-\u{7}abc"), Err(Malformed::NonPrintable));
        assert_eq!(Token::parse("glpat-ä"), Err(Malformed::NonPrintable));
        assert!(Token::parse(CANARY).is_ok());
    }
}

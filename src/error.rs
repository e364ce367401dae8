//! Error kinds and the one table that maps each to its exit code (DESIGN.md, Exit codes).

/// Why a run stopped. Every message says what is wrong and what to do next, names the
/// flag, variable or file involved, and never contains a token.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad flags, environment or invocation. Stops before analysis.
    #[error("{0}")]
    Usage(String),
    /// A local configuration file or rule pack is invalid. Stops before analysis.
    #[error("{0}")]
    Config(String),
    /// Analysis could not be done or completed (git or API unusable, a budget hit).
    #[error("{0}")]
    Analysis(String),
}

impl Error {
    /// The exit code of this kind: 2 for usage and configuration, 3 for "could not analyse".
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::Config(_) => 2,
            Error::Analysis(_) => 3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_code_table() {
        assert_eq!(Error::Usage(String::new()).exit_code(), 2);
        assert_eq!(Error::Config(String::new()).exit_code(), 2);
        assert_eq!(Error::Analysis(String::new()).exit_code(), 3);
    }
}

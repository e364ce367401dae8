//! What the integration tests share: git repositories built with `git` and the real
//! binary run with a controlled environment ([`common`], [`review_support`]), the fake
//! GitLab ([`fake_gitlab`]) and the fake LLM endpoint ([`fake_llm`]) on 127.0.0.1, and
//! report validation against the vendored schemas ([`report_validation`]).

pub(crate) mod common;
pub(crate) mod fake_gitlab;
pub(crate) mod fake_llm;
pub(crate) mod report_validation;
pub(crate) mod review_support;

use std::path::PathBuf;
use std::process::Command;

/// The binary under test: the one cargo built with this crate, or `MRWARDEN_TEST_BIN`
/// when set (`.ci/run` points the slow tier at the release build this way, so the
/// heavy runs exercise the optimised binary without a release build of the tests).
pub(crate) fn bin_path() -> PathBuf {
    std::env::var_os("MRWARDEN_TEST_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_mrwarden")),
        PathBuf::from,
    )
}

/// Clears `cmd`'s environment: only `PATH` is kept, and `MRWARDEN_TEST_FAST_RETRY=1`
/// cuts the binary's waits between retries (refused ports, `Retry-After`, 5xx) to
/// milliseconds. Callers add `HOME` and what the case needs; nothing of the developer's
/// or the CI job's environment (`GIT_*`, `CI_*`, `MRWARDEN_*`, proxies, `RUST_LOG`)
/// reaches a process a test starts.
pub(crate) fn clean_env(cmd: &mut Command) -> &mut Command {
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("MRWARDEN_TEST_FAST_RETRY", "1")
}

/// The real binary ([`bin_path`]), with [`clean_env`].
pub(crate) fn mrwarden_bin() -> Command {
    let mut cmd = Command::new(bin_path());
    clean_env(&mut cmd);
    cmd
}

//! The optional LLM security reviewer (off unless `MRWARDEN_LLM_*` is set).
//!
//! The rules find what has a shape; the model is asked for what has none (missing
//! authorisation, IDOR, business-logic bypasses). Its answers are untrusted data: each
//! finding must name an added line of the diff, a category from [`prompt::CATEGORIES`],
//! bounded text, and it can only *add* to the rule findings (threat model T6). Secrets
//! are redacted before anything is sent, excluded files and symlinks never are, and
//! budgets bound requests, tokens and time (T10).
//!
//! Besides `gitlab`, this is the only module doing network I/O, and it does it behind
//! the [`Reviewer`] trait ([`http::HttpReviewer`] in production, fakes in tests).

pub mod context;
pub mod http;
mod output;
pub mod prompt;

use std::fmt;
use std::time::{Duration, Instant};

use crate::config::LlmConfig;
use crate::diff::Diff;
use crate::finding::Finding;
use crate::rules::RuleSet;

/// Every rule id an LLM finding can carry (`mrwarden.llm.<category>`): known to inline
/// suppressions, `rules.severity` and baselines like any rule id.
pub fn rule_ids() -> &'static [String] {
    static IDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        prompt::CATEGORIES
            .iter()
            .map(|(c, _)| format!("{}{c}", crate::finding::LLM_RULE_PREFIX))
            .collect()
    })
}

/// Which API shape the endpoint speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provider {
    /// `POST {url}/chat/completions` (`OpenAI`, Azure, vLLM, Ollama, `LiteLLM`, …).
    OpenAi,
    /// `POST {url}/v1/messages` (Anthropic).
    Anthropic,
}

impl Provider {
    /// Parses `MRWARDEN_LLM_PROVIDER`.
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "openai" | "openai-compatible" | "azure" | "vllm" | "ollama" | "litellm" => {
                Some(Provider::OpenAi)
            }
            "anthropic" => Some(Provider::Anthropic),
            _ => None,
        }
    }

    /// The default API root when `MRWARDEN_LLM_URL` is unset.
    pub fn default_url(self) -> &'static str {
        match self {
            Provider::OpenAi => "https://api.openai.com/v1",
            Provider::Anthropic => "https://api.anthropic.com",
        }
    }

    /// A name for messages.
    pub fn label(self) -> &'static str {
        match self {
            Provider::OpenAi => "OpenAI-compatible",
            Provider::Anthropic => "Anthropic",
        }
    }
}

/// The LLM API key. Its `Debug` and `Display` never show it; it leaves only as a
/// sensitive header value.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Validates a raw value: printable ASCII without whitespace.
    pub fn parse(raw: &str) -> Option<Self> {
        (!raw.is_empty() && raw.bytes().all(|b| b.is_ascii_graphic()))
            .then(|| ApiKey(raw.to_string()))
    }

    /// The header value (with `prefix`, e.g. `Bearer `), marked sensitive.
    pub fn header_value(&self, prefix: &str) -> Option<::http::HeaderValue> {
        let mut v = ::http::HeaderValue::from_str(&format!("{prefix}{}", self.0)).ok()?;
        v.set_sensitive(true);
        Some(v)
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Connection settings, built by `context` from `MRWARDEN_LLM_*`, the CA and proxy
/// variables; never from a file in the repository.
#[derive(Debug, Clone)]
pub struct Settings {
    /// API shape.
    pub provider: Provider,
    /// API root (`https://`, or `http://` to a loopback host).
    pub url: url::Url,
    /// Model name.
    pub model: String,
    /// The key, if the endpoint needs one.
    pub key: Option<ApiKey>,
    /// Extra trusted CA certificates (PEM), each with the variable it came from.
    pub extra_ca_pem: Vec<(String, Vec<u8>)>,
    /// `HTTPS_PROXY` (or `HTTP_PROXY` for an `http://` loopback endpoint).
    pub proxy: Option<String>,
    /// `NO_PROXY`.
    pub no_proxy: Option<String>,
    /// Waits between attempts cut to milliseconds (`MRWARDEN_TEST_FAST_RETRY`, tests
    /// only; see [`crate::net::Limits::with_short_waits`]).
    pub short_waits: bool,
}

/// One request to the model.
#[derive(Debug, Clone)]
pub struct Request {
    /// The system prompt (the task, the rules of engagement, the schema).
    pub system: String,
    /// The user message (the diff block).
    pub user: String,
    /// Output token cap.
    pub max_output_tokens: usize,
    /// Time this request (all its attempts) may take.
    pub timeout: Duration,
}

/// The model's answer.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    /// The JSON object the model produced (tool input or message content), unparsed.
    pub content: String,
    /// Input tokens, as the provider reported them.
    pub tokens_in: u64,
    /// Output tokens, as the provider reported them.
    pub tokens_out: u64,
    /// Request bytes sent (all attempts).
    pub bytes_sent: u64,
}

/// Why a request failed. Messages name the host, never a URL, the key or prompt text.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct LlmError(pub String);

/// Something that answers review requests: the HTTP client, or a fake in tests.
pub trait Reviewer {
    /// Sends one request (with retries) and returns the answer.
    fn complete(&mut self, request: &Request) -> Result<Reply, LlmError>;
    /// `host:port` of the endpoint, for the summary.
    fn endpoint(&self) -> String;
    /// The model name, for finding messages.
    fn model(&self) -> String;
}

/// What the pass needs besides the reviewer.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The change.
    pub diff: &'a Diff,
    /// The rule findings already made (after policy): shown to the model, used for
    /// deduplication, and their secret lines are withheld.
    pub rule_findings: &'a [Finding],
    /// The compiled rules (their secret patterns redact every line sent).
    pub rules: &'a RuleSet,
    /// Budgets and excludes.
    pub config: &'a LlmConfig,
    /// The top-level `exclude` globs.
    pub exclude: &'a [String],
    /// The head revision's files, when this run can read them (`scan` over a git range,
    /// `review --diff-source git`); API-mode `review` sends the hunks only.
    pub head: Option<&'a dyn crate::diff::FileAt>,
    /// The path classes in force: vendored files are not sent (secrets only there).
    pub paths: &'a crate::config::paths::PathClasses,
}

/// What the pass produced.
#[derive(Debug, Clone, Default)]
pub struct Pass {
    /// LLM findings, validated and deduplicated.
    pub findings: Vec<Finding>,
    /// Lines for the summary: what was sent where, costs, what was not reviewed, failures.
    pub warnings: Vec<String>,
}

/// Most paths named in one "not reviewed" line.
const LISTED_PATHS: usize = 10;

/// Runs the LLM pass. Never fails: every problem becomes a line in [`Pass::warnings`]
/// and the rule findings are untouched.
#[expect(
    clippy::too_many_lines,
    reason = "the pass's budget checks and per-unit loop read best in one place"
)]
pub fn review(input: &Input<'_>, reviewer: &mut dyn Reviewer) -> Pass {
    let started = Instant::now();
    let total = Duration::from_secs(input.config.total_timeout_secs);
    let mut pass = Pass::default();
    let plan = match prompt::plan(input) {
        Ok(p) => p,
        Err(e) => {
            pass.warnings.push(format!("LLM review skipped: {e}"));
            return pass;
        }
    };
    let mut not_reviewed: Vec<(String, &'static str)> = plan.skipped.clone();
    let mut stats = output::Stats::default();
    let (mut requests, mut est_tokens, mut bytes, mut tokens_in, mut tokens_out) =
        (0usize, 0usize, 0u64, 0u64, 0u64);
    let mut failures = Vec::new();
    let model = reviewer.model();
    for (i, unit) in plan.units.iter().enumerate() {
        let remaining = total.saturating_sub(started.elapsed());
        let why = if requests >= input.config.max_requests {
            Some("llm.max_requests reached")
        } else if est_tokens + unit.tokens > input.config.max_run_tokens {
            Some("llm.max_run_tokens reached")
        } else if remaining.is_zero() {
            Some("llm.total_timeout_secs reached")
        } else {
            None
        };
        if let Some(why) = why {
            for u in &plan.units[i..] {
                not_reviewed.extend(u.files.iter().map(|f| (f.path.clone(), why)));
            }
            break;
        }
        requests += 1;
        est_tokens += unit.tokens;
        let request = Request {
            system: prompt::system_prompt(),
            user: unit.text.clone(),
            max_output_tokens: input.config.max_output_tokens,
            timeout: Duration::from_secs(input.config.request_timeout_secs).min(remaining),
        };
        let answer = reviewer.complete(&request);
        match answer {
            Ok(reply) => {
                bytes += reply.bytes_sent;
                tokens_in += reply.tokens_in;
                tokens_out += reply.tokens_out;
                match output::parse(&reply.content) {
                    Ok(raw) => {
                        let found = output::accept(raw, unit, &model, &mut stats);
                        pass.findings.extend(found);
                    }
                    Err(e) => {
                        stats.malformed += 1;
                        failures.push(format!("unusable answer ({e})"));
                        not_reviewed.extend(
                            unit.files
                                .iter()
                                .map(|f| (f.path.clone(), "the answer was unusable")),
                        );
                    }
                }
            }
            Err(e) => {
                bytes += request_bytes(&request);
                failures.push(e.0);
                not_reviewed.extend(
                    unit.files
                        .iter()
                        .map(|f| (f.path.clone(), "the request failed")),
                );
            }
        }
    }
    output::dedupe(&mut pass.findings, input.rule_findings, &mut stats);
    crate::finding::sort(&mut pass.findings);
    pass.warnings.push(format!(
        "LLM review: {bytes} bytes sent in {requests} request(s) to {} (model {}); tokens in {tokens_in}, out {tokens_out} (as reported by the provider); {} file(s) reviewed; {} finding(s) added, {} dropped (not on an added line of the file: {}, bad category or severity: {}, duplicate of a rule finding: {}, over the per-answer cap: {})",
        reviewer.endpoint(),
        crate::sanitize::terminal_line(&model),
        plan.units
            .iter()
            .take(requests)
            .map(|u| u.files.len())
            .sum::<usize>(),
        pass.findings.len(),
        stats.dropped(),
        stats.not_in_diff,
        stats.invalid,
        stats.duplicate,
        stats.over_cap,
    ));
    pass.warnings.extend(
        failures
            .iter()
            .take(3)
            .map(|f| format!("LLM review request failed (rule verdict unchanged): {f}")),
    );
    pass.warnings.extend(not_reviewed_lines(not_reviewed));
    pass
}

/// One summary line per reason, naming the first few files.
fn not_reviewed_lines(not_reviewed: Vec<(String, &'static str)>) -> Vec<String> {
    let mut by_reason: Vec<(&'static str, Vec<String>)> = Vec::new();
    for (path, why) in not_reviewed {
        match by_reason.iter_mut().find(|(w, _)| *w == why) {
            Some((_, paths)) => paths.push(path),
            None => by_reason.push((why, vec![path])),
        }
    }
    by_reason
        .into_iter()
        .map(|(why, paths)| {
            let shown: Vec<String> = paths
                .iter()
                .take(LISTED_PATHS)
                .map(|p| crate::sanitize::terminal_line(p))
                .collect();
            let more = paths.len().saturating_sub(LISTED_PATHS);
            format!(
                "LLM review: {} file(s) not reviewed by the LLM ({why}): {}{}",
                paths.len(),
                shown.join(", "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            )
        })
        .collect()
}

/// Bytes of a request body estimate (for the summary when the request failed).
fn request_bytes(r: &Request) -> u64 {
    (r.system.len() + r.user.len()) as u64
}

#[cfg(test)]
mod tests;

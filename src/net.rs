//! The one HTTP stack: every request mrwarden sends (GitLab, the LLM endpoint) goes
//! through a client built here and the retry loop here.
//!
//! - TLS verification is always on; extra CAs (read once, by `context`) are *added* to
//!   the built-in roots;
//! - proxies only as the context gives them (`HTTPS_PROXY`, `NO_PROXY`), no redirects;
//! - connect, read and per-request timeouts, and a deadline for the whole run;
//! - retries with exponential backoff and full jitter on 429, 5xx and connection
//!   errors, honouring `Retry-After` (else `RateLimit-Reset` on a 429);
//! - errors never contain a URL (reqwest errors pass through [`chain`]).

use std::time::{Duration, Instant, SystemTime};

use bytes::Bytes;
use http::{Response, StatusCode};
use url::Url;

/// Building a client failed (bad CA file, bad proxy URL). The message names the
/// variable to fix, never a secret.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct SetupError(pub String);

/// Timeouts and retry budget. The defaults suit a CI job; tests shorten them.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// TCP + TLS connect timeout.
    pub connect: Duration,
    /// Time allowed between reads of one response.
    pub read: Duration,
    /// Whole-request timeout (one attempt).
    pub request: Duration,
    /// Total time for every request of the run, retries and waits included.
    pub total: Duration,
    /// Attempts per request (first try included).
    pub attempts: u32,
    /// First backoff delay; doubles per retry, capped by `max_backoff`.
    pub base_backoff: Duration,
    /// Longest single wait, `Retry-After` included.
    pub max_backoff: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            connect: Duration::from_secs(10),
            read: Duration::from_secs(30),
            request: Duration::from_secs(60),
            total: Duration::from_secs(300),
            attempts: 5,
            base_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(60),
        }
    }
}

impl Limits {
    /// These limits with every wait between attempts (backoff, `Retry-After`,
    /// `RateLimit-Reset`, write pauses) capped at a few milliseconds; timeouts, attempts
    /// and the total budget are unchanged. For the test suite only
    /// (`MRWARDEN_TEST_FAST_RETRY=1`, read by `context`), so that retry paths do not
    /// wait in real time.
    #[must_use]
    pub fn with_short_waits(self) -> Self {
        Limits {
            base_backoff: Duration::from_millis(5),
            max_backoff: Duration::from_millis(50),
            ..self
        }
    }
}

/// A reqwest client with mrwarden's transport rules, for the GitLab client and the LLM
/// reviewer alike: TLS always verified with the extra CAs *added* to the built-in
/// roots, no redirects, connect/read/request timeouts, proxies only as given (from the
/// context, the one module reading env), `https_only` unless the URL is a loopback
/// `http://` test double.
pub fn build_http(
    extra_ca_pem: &[(String, Vec<u8>)],
    proxy: Option<&str>,
    no_proxy: Option<&str>,
    limits: &Limits,
    https_only: bool,
) -> Result<reqwest::Client, SetupError> {
    let mut certs = Vec::new();
    for (origin, pem) in extra_ca_pem {
        let found = reqwest::Certificate::from_pem_bundle(pem).map_err(|e| {
            SetupError(format!(
                "{origin}: cannot read PEM certificates ({}); point it at a PEM CA bundle",
                e.without_url()
            ))
        })?;
        if found.is_empty() {
            return Err(SetupError(format!(
                "{origin}: no PEM certificate found; point it at a PEM CA bundle"
            )));
        }
        certs.extend(found);
    }
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(limits.connect)
        .read_timeout(limits.read)
        .timeout(limits.request)
        .user_agent(concat!("mrwarden/", env!("CARGO_PKG_VERSION")))
        .https_only(https_only)
        .tls_certs_merge(certs)
        // Proxies come only from the context (the one module reading env).
        .no_proxy();
    if let Some(proxy) = proxy {
        let p = reqwest::Proxy::all(proxy).map_err(|e| {
            SetupError(format!(
                "HTTPS_PROXY is not a valid proxy URL ({}); use http://host:port",
                e.without_url()
            ))
        })?;
        let no = no_proxy.and_then(reqwest::NoProxy::from_string);
        builder = builder.proxy(p.no_proxy(no));
    }
    builder
        .build()
        .map_err(|e| SetupError(format!("cannot set up the HTTP client: {}", chain(&e))))
}

/// What one attempt of a request came to, for [`retry`].
#[derive(Debug)]
pub enum Attempt<T, E> {
    /// Finished: an answer to hand back, or an error not worth another try.
    Done(Result<T, E>),
    /// Try again after this wait (`None`: exponential backoff for this attempt).
    RetryAfter(Option<Duration>),
    /// Try again at once (the request was changed, e.g. a feature the server refused).
    RetryNow,
}

/// The retry loop of every client: runs `once(attempt, last)` until it is done, waiting
/// between attempts as it asks (capped at `limits.max_backoff`), and gives
/// `out_of_time()` when the next attempt or wait would pass `deadline`. `last` tells the
/// attempt that no retry will follow, so it must give its final answer.
pub async fn retry<T, E, Fut>(
    limits: &Limits,
    deadline: Instant,
    out_of_time: impl Fn() -> E,
    mut once: impl FnMut(u32, bool) -> Fut,
) -> Result<T, E>
where
    Fut: std::future::Future<Output = Attempt<T, E>>,
{
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        if Instant::now() >= deadline {
            return Err(out_of_time());
        }
        let wait = match once(attempt, attempt >= limits.attempts).await {
            Attempt::Done(result) => return result,
            Attempt::RetryNow => continue,
            Attempt::RetryAfter(wait) => wait
                .unwrap_or_else(|| backoff(limits, attempt))
                .min(limits.max_backoff),
        };
        if Instant::now() + wait >= deadline {
            return Err(out_of_time());
        }
        tokio::time::sleep(wait).await;
    }
}

/// Exponential backoff with full jitter for attempt `attempt` (1-based).
pub fn backoff(limits: &Limits, attempt: u32) -> Duration {
    let cap = limits
        .base_backoff
        .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
        .min(limits.max_backoff);
    let base = limits.base_backoff.min(cap);
    let span = cap.saturating_sub(base);
    base + span.mul_f64(jitter())
}

/// 429, 500, 502, 503, 504 are worth another try.
pub fn retryable(status: StatusCode) -> bool {
    matches!(status.as_u16(), 429 | 500 | 502 | 503 | 504)
}

/// The pause after a write when GitLab's `RateLimit-Remaining` is low: at most a tenth
/// of `RateLimit-Limit` (at most 10 when no limit is sent). The requests left are
/// spread over the time to `RateLimit-Reset` (Unix seconds), so the run never hits a
/// 429. Without those headers there is no pause: no fixed pacing.
pub fn write_pause(rsp: &Response<Bytes>, now: u64) -> Option<Duration> {
    let header = |name: &str| {
        rsp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
    };
    let remaining = header("ratelimit-remaining")?;
    let low = header("ratelimit-limit").map_or(10, |limit| limit / 10);
    if remaining > low {
        return None;
    }
    let reset = header("ratelimit-reset")?;
    let left = Duration::from_secs(reset.saturating_sub(now));
    Some(left / u32::try_from(remaining + 1).unwrap_or(u32::MAX))
}

/// Seconds since the Unix epoch (0 if the clock is before it).
pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// How long GitLab asks us to wait: `Retry-After` in seconds, else (on 429) the
/// `RateLimit-Reset` Unix time. HTTP dates are ignored (GitLab sends seconds).
pub fn retry_after(rsp: &Response<Bytes>) -> Option<Duration> {
    let header = |name: &str| {
        rsp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
    };
    if let Some(secs) = header("retry-after") {
        return Some(Duration::from_secs(secs));
    }
    if rsp.status() != StatusCode::TOO_MANY_REQUESTS {
        return None;
    }
    let reset = header("ratelimit-reset")?;
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Some(Duration::from_secs(reset.saturating_sub(now).max(1)))
}

/// A number in [0, 1) that differs between calls and processes; good enough to spread
/// retries of concurrent jobs, not for anything secret.
fn jitter() -> f64 {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut x = u64::from(nanos) ^ u64::from(std::process::id()).rotate_left(32);
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    f64::from((x % 10_000) as u32) / 10_000.0
}

/// `host:port` of a URL.
pub fn host_of(url: &Url) -> String {
    match (url.host_str(), url.port_or_known_default()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        _ => "(no host)".to_string(),
    }
}

/// The error and its causes, without any URL.
pub fn chain(e: &reqwest::Error) -> String {
    use std::error::Error as _;
    let mut parts = Vec::new();
    let mut src = e.source();
    while let Some(s) = src {
        let text = s.to_string();
        if !text.contains("://") && !parts.contains(&text) {
            parts.push(text);
        }
        src = s.source();
    }
    if parts.is_empty() {
        let stripped = format!("{}", ReqwestNoUrl(e));
        parts.push(stripped);
    }
    parts.join(": ")
}

/// Display of a reqwest error with its URL removed.
struct ReqwestNoUrl<'a>(&'a reqwest::Error);

impl std::fmt::Display for ReqwestNoUrl<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = if self.0.is_timeout() {
            "timed out"
        } else if self.0.is_connect() {
            "connection failed"
        } else if self.0.is_body() || self.0.is_decode() {
            "response body could not be read"
        } else {
            "request failed"
        };
        f.write_str(kind)
    }
}

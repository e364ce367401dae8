//! Our HTTP client for GitLab: implements the `gitlab` crate's [`RestClient`] and
//! [`AsyncClient`] over reqwest, so its endpoint builders run through our transport rules:
//!
//! - TLS verification is always on; extra CAs are *added* to the built-in roots;
//! - no redirects: a 3xx is an error, so the token never travels to another host;
//! - connect and read timeouts, a per-request timeout and a total budget for the run;
//! - retries with exponential backoff and full jitter on 429, 5xx and connection
//!   errors, honouring `Retry-After`;
//! - the token goes only into the `PRIVATE-TOKEN` header, marked sensitive;
//! - errors never contain a URL (reqwest errors pass through `without_url`).

use std::time::{Duration, Instant, SystemTime};

use async_trait::async_trait;
use bytes::Bytes;
use gitlab::api::{ApiError, AsyncClient, RestClient};
use http::request::Builder as RequestBuilder;
use http::{Response, StatusCode};
use url::Url;

use super::token::Token;

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

/// Everything needed to build a [`Client`]; built by `context` from env and flags.
#[derive(Debug, Clone)]
pub struct Settings {
    /// API root, e.g. `https://host/gitlab/api/v4` (subpath kept).
    pub api_url: Url,
    /// The bot's token, if any.
    pub token: Option<Token>,
    /// Extra trusted CA certificates (PEM), each with the variable it came from.
    pub extra_ca_pem: Vec<(String, Vec<u8>)>,
    /// `HTTPS_PROXY` (or `HTTP_PROXY` for an `http://` loopback API).
    pub proxy: Option<String>,
    /// `NO_PROXY`.
    pub no_proxy: Option<String>,
    /// Timeouts and retries.
    pub limits: Limits,
}

/// Transport failures. Messages name the host, never a full URL or the token.
#[derive(Debug, thiserror::Error)]
pub enum RestError {
    /// Building the client failed (bad CA file, bad proxy URL).
    #[error("{0}")]
    Setup(String),
    /// GitLab answered with a redirect; we never follow one.
    #[error(
        "unexpected redirect (HTTP {0}) from GitLab; set CI_API_V4_URL or MRWARDEN_GITLAB_URL to the API root itself (…/api/v4)"
    )]
    Redirect(u16),
    /// No connection could be made or it broke.
    #[error(
        "cannot reach GitLab at {host}: {detail}; check the URL, DNS, HTTPS_PROXY/NO_PROXY and the CA variables"
    )]
    Connect {
        /// `host:port`.
        host: String,
        /// Cause (DNS, refused, TLS, …).
        detail: String,
    },
    /// A timeout on one attempt.
    #[error("GitLab at {host} did not answer in time ({detail})")]
    Timeout {
        /// `host:port`.
        host: String,
        /// Which timeout.
        detail: String,
    },
    /// The run's total HTTP budget is used up.
    #[error(
        "the total time budget for GitLab requests ({0} s) is used up; GitLab is too slow or rate-limiting hard, retry the job later"
    )]
    Budget(u64),
    /// Anything else reqwest reports.
    #[error("request to GitLab at {host} failed: {detail}")]
    Other {
        /// `host:port`.
        host: String,
        /// Cause.
        detail: String,
    },
}

/// HTTP requests sent to GitLab by this process, retries included (a run is one process;
/// `review` uses one client to read and another to write).
static SENT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// GitLab API requests this process has sent so far, retries included, for the summary.
pub fn requests_sent() -> u64 {
    SENT.load(std::sync::atomic::Ordering::Relaxed)
}

/// The GitLab HTTP client.
#[derive(Debug)]
pub struct Client {
    http: reqwest::Client,
    /// API root with a trailing slash, so `join` appends instead of replacing.
    base: Url,
    host: String,
    token: Option<Token>,
    limits: Limits,
    deadline: Instant,
}

impl Client {
    /// Builds the client: roots, proxy, timeouts, no redirects.
    pub fn new(settings: Settings) -> Result<Self, RestError> {
        let mut base = settings.api_url.clone();
        if !base.path().ends_with('/') {
            let p = format!("{}/", base.path());
            base.set_path(&p);
        }
        let host = host_of(&base);
        let http = build_http(
            &settings.extra_ca_pem,
            settings.proxy.as_deref(),
            settings.no_proxy.as_deref(),
            &settings.limits,
            base.scheme() == "https",
        )?;
        Ok(Client {
            http,
            base,
            host,
            token: settings.token,
            limits: settings.limits,
            deadline: Instant::now() + settings.limits.total,
        })
    }

    /// Whether a token is configured.
    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }

    /// `host:port` of the API, for messages.
    pub fn host(&self) -> &str {
        &self.host
    }

    async fn send_once(
        &self,
        method: &http::Method,
        url: &str,
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> Result<Response<Bytes>, reqwest::Error> {
        let mut req = self.http.request(method.clone(), url);
        for (k, v) in headers {
            req = req.header(k, v);
        }
        if let Some(v) = self.token.as_ref().and_then(Token::header_value) {
            req = req.header("PRIVATE-TOKEN", v);
        }
        if !body.is_empty() {
            req = req.body(body.to_vec());
        }
        let rsp = req.send().await?;
        let status = rsp.status();
        let headers = rsp.headers().clone();
        let bytes = rsp.bytes().await?;
        let mut out = Response::new(bytes);
        *out.status_mut() = status;
        *out.headers_mut() = headers;
        Ok(out)
    }

    fn transport_error(&self, e: &reqwest::Error) -> RestError {
        let detail = chain(e);
        let host = self.host.clone();
        if e.is_timeout() {
            RestError::Timeout { host, detail }
        } else if e.is_connect() || e.is_request() {
            RestError::Connect { host, detail }
        } else {
            RestError::Other { host, detail }
        }
    }
}

/// A reqwest client with mrwarden's transport rules, shared by the GitLab client and
/// the LLM reviewer: TLS always verified with the extra CAs *added* to the built-in
/// roots, no redirects, connect/read/request timeouts, proxies only as given (from the
/// context, the one module reading env), `https_only` unless the URL is a loopback
/// `http://` test double.
pub fn build_http(
    extra_ca_pem: &[(String, Vec<u8>)],
    proxy: Option<&str>,
    no_proxy: Option<&str>,
    limits: &Limits,
    https_only: bool,
) -> Result<reqwest::Client, RestError> {
    let mut certs = Vec::new();
    for (origin, pem) in extra_ca_pem {
        let found = reqwest::Certificate::from_pem_bundle(pem).map_err(|e| {
            RestError::Setup(format!(
                "{origin}: cannot read PEM certificates ({}); point it at a PEM CA bundle",
                e.without_url()
            ))
        })?;
        if found.is_empty() {
            return Err(RestError::Setup(format!(
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
            RestError::Setup(format!(
                "HTTPS_PROXY is not a valid proxy URL ({}); use http://host:port",
                e.without_url()
            ))
        })?;
        let no = no_proxy.and_then(reqwest::NoProxy::from_string);
        builder = builder.proxy(p.no_proxy(no));
    }
    builder
        .build()
        .map_err(|e| RestError::Setup(format!("cannot set up the HTTP client: {}", chain(&e))))
}

impl RestClient for Client {
    type Error = RestError;

    fn rest_endpoint(&self, endpoint: &str) -> Result<Url, ApiError<Self::Error>> {
        // The base ends in `/` and the endpoint is relative, so the subpath is kept.
        Ok(self.base.join(endpoint.trim_start_matches('/'))?)
    }
}

#[async_trait]
impl AsyncClient for Client {
    async fn rest_async(
        &self,
        request: RequestBuilder,
        body: Vec<u8>,
    ) -> Result<Response<Bytes>, ApiError<Self::Error>> {
        let req = request
            .body(())
            .map_err(|e| ApiError::client(RestError::Setup(format!("bad request: {e}"))))?;
        let (parts, ()) = req.into_parts();
        let url = parts.uri.to_string();
        let retry_allowed = parts.method.is_idempotent();
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let last = attempt >= self.limits.attempts;
            if Instant::now() >= self.deadline {
                return Err(ApiError::client(RestError::Budget(
                    self.limits.total.as_secs(),
                )));
            }
            SENT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let wait = match self
                .send_once(&parts.method, &url, &parts.headers, &body)
                .await
            {
                Ok(rsp) if rsp.status().is_redirection() => {
                    return Err(ApiError::client(RestError::Redirect(rsp.status().as_u16())));
                }
                // A 429 was not processed; a 5xx may have been, so only idempotent
                // requests are sent again after one.
                Ok(rsp)
                    if retryable(rsp.status())
                        && (retry_allowed || rsp.status() == StatusCode::TOO_MANY_REQUESTS)
                        && !last =>
                {
                    retry_after(&rsp).unwrap_or_else(|| self.backoff(attempt))
                }
                Ok(rsp) => {
                    // Writes slow down when GitLab says the limit is nearly used up.
                    if !matches!(parts.method, http::Method::GET | http::Method::HEAD)
                        && let Some(pause) = write_pause(&rsp, unix_now())
                    {
                        let pause = pause.min(self.limits.max_backoff);
                        if Instant::now() + pause < self.deadline {
                            tokio::time::sleep(pause).await;
                        }
                    }
                    return Ok(rsp);
                }
                // A certificate problem does not go away by asking again.
                Err(e)
                    if (e.is_connect() || e.is_timeout())
                        && retry_allowed
                        && !last
                        && !chain(&e).to_lowercase().contains("certificate") =>
                {
                    self.backoff(attempt)
                }
                Err(e) => return Err(ApiError::client(self.transport_error(&e))),
            };
            let wait = wait.min(self.limits.max_backoff);
            if Instant::now() + wait >= self.deadline {
                return Err(ApiError::client(RestError::Budget(
                    self.limits.total.as_secs(),
                )));
            }
            tokio::time::sleep(wait).await;
        }
    }
}

impl Client {
    /// Exponential backoff with full jitter: uniform in [base, base·2^(n-1)].
    fn backoff(&self, attempt: u32) -> Duration {
        backoff(&self.limits, attempt)
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

fn unix_now() -> u64 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rest_endpoint_keeps_the_subpath() {
        let c = Client::new(Settings {
            api_url: Url::parse("https://h.example/gitlab/api/v4").expect("url"),
            token: None,
            extra_ca_pem: Vec::new(),
            proxy: None,
            no_proxy: None,
            limits: Limits::default(),
        })
        .expect("client");
        assert_eq!(
            c.rest_endpoint("projects/1/merge_requests/2")
                .expect("join")
                .as_str(),
            "https://h.example/gitlab/api/v4/projects/1/merge_requests/2"
        );
    }

    #[test]
    fn waits_come_from_retry_after_else_ratelimit_reset() {
        let mut r = Response::new(Bytes::new());
        *r.status_mut() = StatusCode::TOO_MANY_REQUESTS;
        assert_eq!(retry_after(&r), None);
        let now = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .expect("clock")
            .as_secs();
        r.headers_mut().insert(
            "ratelimit-reset",
            (now + 3).to_string().parse().expect("value"),
        );
        let wait = retry_after(&r).expect("reset");
        assert!(wait >= Duration::from_secs(2) && wait <= Duration::from_secs(3));
        r.headers_mut()
            .insert("retry-after", "7".parse().expect("value"));
        assert_eq!(retry_after(&r), Some(Duration::from_secs(7)));
    }

    #[test]
    fn writes_pause_only_when_the_rate_limit_is_nearly_used() {
        let rsp = |headers: &[(&str, &str)]| {
            let mut r = Response::new(Bytes::new());
            for (k, v) in headers {
                r.headers_mut().insert(
                    http::HeaderName::from_bytes(k.as_bytes()).expect("name"),
                    v.parse().expect("value"),
                );
            }
            r
        };
        let now = 1_000;
        assert_eq!(write_pause(&rsp(&[]), now), None, "no fixed pacing");
        let plenty = rsp(&[
            ("ratelimit-limit", "600"),
            ("ratelimit-remaining", "300"),
            ("ratelimit-reset", "1060"),
        ]);
        assert_eq!(write_pause(&plenty, now), None);
        let low = rsp(&[
            ("ratelimit-limit", "600"),
            ("ratelimit-remaining", "59"),
            ("ratelimit-reset", "1060"),
        ]);
        assert_eq!(write_pause(&low, now), Some(Duration::from_secs(1)));
        let none_left = rsp(&[("ratelimit-remaining", "0"), ("ratelimit-reset", "1004")]);
        assert_eq!(write_pause(&none_left, now), Some(Duration::from_secs(4)));
        let past = rsp(&[("ratelimit-remaining", "0"), ("ratelimit-reset", "900")]);
        assert_eq!(write_pause(&past, now), Some(Duration::ZERO));
    }

    #[test]
    fn only_throttling_and_gateway_errors_retry() {
        for s in [429, 500, 502, 503, 504] {
            assert!(retryable(StatusCode::from_u16(s).expect("status")));
        }
        for s in [200, 301, 400, 401, 403, 404, 422] {
            assert!(!retryable(StatusCode::from_u16(s).expect("status")));
        }
    }
}

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

use std::time::Instant;

use async_trait::async_trait;
use bytes::Bytes;
use gitlab::api::{ApiError, AsyncClient, RestClient};
use http::request::Builder as RequestBuilder;
use http::{Response, StatusCode};
use url::Url;

use super::token::Token;
use crate::net::{Attempt, retry};
pub use crate::net::{
    Limits, backoff, build_http, chain, host_of, retry_after, retryable, write_pause,
};

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
    /// Requests sent so far, retries included, for the summary's run line.
    sent: std::sync::atomic::AtomicU64,
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
        )
        .map_err(|e| RestError::Setup(e.0))?;
        Ok(Client {
            http,
            base,
            host,
            token: settings.token,
            limits: settings.limits,
            deadline: Instant::now() + settings.limits.total,
            sent: std::sync::atomic::AtomicU64::new(0),
        })
    }

    /// Requests this client has sent so far, retries included.
    pub fn requests_sent(&self) -> u64 {
        self.sent.load(std::sync::atomic::Ordering::Relaxed)
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
        let is_write = !matches!(parts.method, http::Method::GET | http::Method::HEAD);
        let budget = || ApiError::client(RestError::Budget(self.limits.total.as_secs()));
        let (parts, url, body) = (&parts, &url, &body);
        retry(
            &self.limits,
            self.deadline,
            budget,
            move |_, last| async move {
                self.sent.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                match self
                    .send_once(&parts.method, url, &parts.headers, body)
                    .await
                {
                    Ok(rsp) if rsp.status().is_redirection() => Attempt::Done(Err(
                        ApiError::client(RestError::Redirect(rsp.status().as_u16())),
                    )),
                    // A 429 was not processed; a 5xx may have been, so only idempotent
                    // requests are sent again after one.
                    Ok(rsp)
                        if retryable(rsp.status())
                            && (retry_allowed || rsp.status() == StatusCode::TOO_MANY_REQUESTS)
                            && !last =>
                    {
                        Attempt::RetryAfter(retry_after(&rsp))
                    }
                    Ok(rsp) => {
                        // Writes slow down when GitLab says the limit is nearly used up.
                        if is_write && let Some(pause) = write_pause(&rsp, crate::net::unix_now()) {
                            let pause = pause.min(self.limits.max_backoff);
                            if Instant::now() + pause < self.deadline {
                                tokio::time::sleep(pause).await;
                            }
                        }
                        Attempt::Done(Ok(rsp))
                    }
                    // A certificate problem does not go away by asking again.
                    Err(e)
                        if (e.is_connect() || e.is_timeout())
                            && retry_allowed
                            && !last
                            && !chain(&e).to_lowercase().contains("certificate") =>
                    {
                        Attempt::RetryAfter(None)
                    }
                    Err(e) => Attempt::Done(Err(ApiError::client(self.transport_error(&e)))),
                }
            },
        )
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

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

//! The HTTP [`Reviewer`]: OpenAI-compatible chat completions and Anthropic messages,
//! over the one HTTP stack of [`crate::net`] (the GitLab client's too:
//! extra CAs added to the roots, proxies from the context, no redirects, timeouts),
//! retrying 429 and 5xx with backoff and `Retry-After`. The key travels only in a
//! sensitive header; errors name the host, never a URL, the key or a response body.

use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{Response, StatusCode};
use serde_json::{Value, json};

use super::{LlmError, Provider, Reply, Request, Reviewer, Settings};
use crate::net::{self, Attempt, Limits};

/// Largest response body read, in bytes.
const MAX_BODY_BYTES: usize = 4 << 20;
/// Attempts per request (first try included).
const ATTEMPTS: u32 = 3;

/// The production reviewer.
#[derive(Debug)]
pub struct HttpReviewer {
    settings: Settings,
    http: reqwest::Client,
    rt: tokio::runtime::Runtime,
    host: String,
    limits: Limits,
    /// Cleared when an OpenAI-compatible server refuses `response_format: json_schema`.
    structured: std::cell::Cell<bool>,
}

fn limits(request_timeout: Duration) -> Limits {
    Limits {
        connect: Duration::from_secs(10),
        read: request_timeout,
        request: request_timeout,
        total: request_timeout,
        attempts: ATTEMPTS,
        base_backoff: Duration::from_millis(500),
        max_backoff: Duration::from_secs(30),
    }
}

fn http_client(settings: &Settings, limits: &Limits) -> Result<reqwest::Client, LlmError> {
    net::build_http(
        &settings.extra_ca_pem,
        settings.proxy.as_deref(),
        settings.no_proxy.as_deref(),
        limits,
        settings.url.scheme() == "https",
    )
    .map_err(|e| LlmError(e.to_string()))
}

impl HttpReviewer {
    /// Builds the client; `request_timeout` bounds each attempt.
    pub fn new(settings: Settings, request_timeout: Duration) -> Result<Self, LlmError> {
        let mut limits = limits(request_timeout);
        if settings.short_waits {
            limits = limits.with_short_waits();
        }
        let http = http_client(&settings, &limits)?;
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| LlmError(format!("cannot start the async runtime: {e}")))?;
        Ok(HttpReviewer {
            host: net::host_of(&settings.url),
            settings,
            http,
            rt,
            limits,
            structured: std::cell::Cell::new(true),
        })
    }

    async fn send(&self, request: &Request) -> Result<Reply, LlmError> {
        let deadline = Instant::now() + request.timeout;
        let sent = std::cell::Cell::new(0u64);
        let out_of_time = || self.timed_out(request);
        let sent_ref = &sent;
        let mut reply = net::retry(&self.limits, deadline, out_of_time, move |attempt, last| {
            async move {
                let body = body(&self.settings, request, self.structured.get()).to_string();
                sent_ref.set(sent_ref.get() + body.len() as u64);
                let remaining = deadline.saturating_duration_since(Instant::now());
                match self.post(body, remaining).await {
                    Ok(rsp) => self.judge(&rsp, attempt, last),
                    Err(e) if e.is_timeout() => Attempt::Done(Err(self.timed_out(request))),
                    Err(e) if e.is_connect() && !last => Attempt::RetryAfter(None),
                    Err(e) => Attempt::Done(Err(LlmError(format!(
                        "cannot reach the LLM endpoint at {}: {}; check MRWARDEN_LLM_URL, HTTPS_PROXY/NO_PROXY and the CA variables",
                        self.host,
                        net::chain(&e)
                    )))),
                }
            }
        })
        .await?;
        reply.bytes_sent = sent.get();
        Ok(reply)
    }

    /// What one answer comes to: a reply, a retry, or an error that names what to fix.
    fn judge(&self, rsp: &Response<Bytes>, attempt: u32, last: bool) -> Attempt<Reply, LlmError> {
        let status = rsp.status();
        if status.is_success() {
            return Attempt::Done(extract(self.settings.provider, rsp.body()).map_err(|e| {
                LlmError(format!("the answer from {} is not usable: {e}", self.host))
            }));
        }
        if status.is_redirection() {
            return Attempt::Done(Err(LlmError(format!(
                "unexpected redirect (HTTP {}) from the LLM endpoint at {}; redirects are never followed (the key would travel along): set MRWARDEN_LLM_URL to the API root itself",
                status.as_u16(),
                self.host
            ))));
        }
        if status == StatusCode::BAD_REQUEST
            && self.structured.get()
            && self.settings.provider == Provider::OpenAi
        {
            // Older vLLM/Ollama builds refuse `response_format: json_schema`; the
            // prompt carries the schema too, and the answer is parsed strictly.
            self.structured.set(false);
            return Attempt::RetryNow;
        }
        if matches!(status.as_u16(), 401 | 403) {
            return Attempt::Done(Err(LlmError(format!(
                "the LLM endpoint at {} refused the request (HTTP {}); check MRWARDEN_LLM_API_KEY and that the key may use model {}",
                self.host,
                status.as_u16(),
                crate::sanitize::terminal_line(&self.settings.model)
            ))));
        }
        if net::retryable(status) && !last {
            return Attempt::RetryAfter(net::retry_after(rsp));
        }
        Attempt::Done(Err(LlmError(format!(
            "the LLM endpoint at {} answered HTTP {}{}",
            self.host,
            status.as_u16(),
            if net::retryable(status) {
                format!(" after {attempt} attempt(s)")
            } else {
                "; check MRWARDEN_LLM_URL and MRWARDEN_LLM_MODEL".into()
            }
        ))))
    }

    fn timed_out(&self, request: &Request) -> LlmError {
        LlmError(format!(
            "the LLM endpoint at {} did not answer within {} s (llm.request_timeout_secs, llm.total_timeout_secs)",
            self.host,
            request.timeout.as_secs()
        ))
    }

    async fn post(
        &self,
        body: String,
        timeout: Duration,
    ) -> Result<Response<Bytes>, reqwest::Error> {
        let url = endpoint_url(&self.settings, Endpoint::Review);
        let req = self
            .http
            .post(url)
            .timeout(timeout)
            .header("content-type", "application/json")
            .body(body);
        read_capped(auth(req, &self.settings).send().await?).await
    }
}

impl Reviewer for HttpReviewer {
    fn complete(&mut self, request: &Request) -> Result<Reply, LlmError> {
        self.rt.block_on(self.send(request))
    }

    fn endpoint(&self) -> String {
        self.host.clone()
    }

    fn model(&self) -> String {
        self.settings.model.clone()
    }
}

#[derive(Debug, Clone, Copy)]
enum Endpoint {
    Review,
    Models,
}

fn endpoint_url(settings: &Settings, which: Endpoint) -> String {
    let root = settings.url.as_str().trim_end_matches('/');
    let path = match (settings.provider, which) {
        (Provider::OpenAi, Endpoint::Review) => "/chat/completions",
        (Provider::OpenAi, Endpoint::Models) => "/models",
        (Provider::Anthropic, Endpoint::Review) => "/v1/messages",
        (Provider::Anthropic, Endpoint::Models) => "/v1/models",
    };
    format!("{root}{path}")
}

fn auth(req: reqwest::RequestBuilder, settings: &Settings) -> reqwest::RequestBuilder {
    let mut req = req;
    match settings.provider {
        Provider::OpenAi => {
            if let Some(v) = settings
                .key
                .as_ref()
                .and_then(|k| k.header_value("Bearer "))
            {
                req = req.header("authorization", v);
            }
            // Azure OpenAI takes API keys in `api-key`; only ever sent to Azure hosts.
            if settings
                .url
                .host_str()
                .is_some_and(|h| h.ends_with(".azure.com"))
                && let Some(v) = settings.key.as_ref().and_then(|k| k.header_value(""))
            {
                req = req.header("api-key", v);
            }
        }
        Provider::Anthropic => {
            if let Some(v) = settings.key.as_ref().and_then(|k| k.header_value("")) {
                req = req.header("x-api-key", v);
            }
            req = req.header("anthropic-version", "2023-06-01");
        }
    }
    req
}

/// Reads a response body up to [`MAX_BODY_BYTES`] (an endless or huge answer is cut,
/// and then fails to parse).
async fn read_capped(mut rsp: reqwest::Response) -> Result<Response<Bytes>, reqwest::Error> {
    let status = rsp.status();
    let headers = rsp.headers().clone();
    let mut buf = Vec::new();
    while let Some(chunk) = rsp.chunk().await? {
        let room = MAX_BODY_BYTES - buf.len();
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        if buf.len() >= MAX_BODY_BYTES {
            break;
        }
    }
    let mut out = Response::new(Bytes::from(buf));
    *out.status_mut() = status;
    *out.headers_mut() = headers;
    Ok(out)
}

/// The request body for the provider.
fn body(settings: &Settings, request: &Request, structured: bool) -> Value {
    match settings.provider {
        Provider::OpenAi => {
            let mut b = json!({
                "model": settings.model,
                "temperature": 0,
                "max_tokens": request.max_output_tokens,
                "messages": [
                    {"role": "system", "content": request.system},
                    {"role": "user", "content": request.user},
                ],
            });
            if structured {
                b["response_format"] = json!({
                    "type": "json_schema",
                    "json_schema": {"name": "security_findings", "strict": true, "schema": super::prompt::schema()},
                });
            }
            b
        }
        Provider::Anthropic => json!({
            "model": settings.model,
            "max_tokens": request.max_output_tokens,
            "temperature": 0,
            "system": request.system,
            "messages": [{"role": "user", "content": request.user}],
            "tools": [{
                "name": "report_findings",
                "description": "Report the security findings of this review (an empty list when there are none).",
                "input_schema": super::prompt::schema(),
            }],
            "tool_choice": {"type": "tool", "name": "report_findings"},
        }),
    }
}

/// The answer's JSON text and usage, from either response shape.
fn extract(provider: Provider, body: &[u8]) -> Result<Reply, String> {
    let v: Value = serde_json::from_slice(body).map_err(|_| "the body is not JSON".to_string())?;
    let num = |p: &str| v.pointer(p).and_then(Value::as_u64).unwrap_or(0);
    match provider {
        Provider::OpenAi => {
            let content = v
                .pointer("/choices/0/message/content")
                .and_then(Value::as_str)
                .ok_or("no choices[0].message.content")?;
            Ok(Reply {
                content: content.to_string(),
                tokens_in: num("/usage/prompt_tokens"),
                tokens_out: num("/usage/completion_tokens"),
                bytes_sent: 0,
            })
        }
        Provider::Anthropic => {
            let blocks = v
                .get("content")
                .and_then(Value::as_array)
                .ok_or("no content blocks")?;
            let content = blocks
                .iter()
                .find(|b| b.get("type").and_then(Value::as_str) == Some("tool_use"))
                .and_then(|b| b.get("input"))
                .map(Value::to_string)
                .or_else(|| {
                    blocks
                        .iter()
                        .find(|b| b.get("type").and_then(Value::as_str) == Some("text"))
                        .and_then(|b| b.get("text"))
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
                .ok_or("no tool_use or text block")?;
            Ok(Reply {
                content,
                tokens_in: num("/usage/input_tokens"),
                tokens_out: num("/usage/output_tokens"),
                bytes_sent: 0,
            })
        }
    }
}

/// `doctor`: lists the endpoint's models (no tokens spent). `Ok` says what was seen.
pub async fn probe(settings: &Settings) -> Result<String, LlmError> {
    let limits = limits(Duration::from_secs(20));
    let http = http_client(settings, &limits)?;
    let host = net::host_of(&settings.url);
    let req = auth(http.get(endpoint_url(settings, Endpoint::Models)), settings);
    let rsp = read_capped(req.send().await.map_err(|e| {
        LlmError(format!(
            "cannot reach the LLM endpoint at {host}: {}; check MRWARDEN_LLM_URL, HTTPS_PROXY/NO_PROXY and the CA variables",
            net::chain(&e)
        ))
    })?)
    .await
    .map_err(|e| LlmError(format!("reading the answer of {host} failed: {}", net::chain(&e))))?;
    let status = rsp.status();
    let label = settings.provider.label();
    match status.as_u16() {
        200..=299 => {
            let listed =
                String::from_utf8_lossy(rsp.body()).contains(&format!("\"{}\"", settings.model));
            Ok(format!(
                "{label} endpoint at {host} answers (HTTP {}){}",
                status.as_u16(),
                if listed {
                    ", model listed"
                } else {
                    ", model not in its list (some servers list none)"
                }
            ))
        }
        300..=399 => Err(LlmError(format!(
            "the LLM endpoint at {host} redirects (HTTP {}); set MRWARDEN_LLM_URL to the API root itself",
            status.as_u16()
        ))),
        401 | 403 => Err(LlmError(format!(
            "the LLM endpoint at {host} refused the key (HTTP {}); check MRWARDEN_LLM_API_KEY",
            status.as_u16()
        ))),
        code => Ok(format!(
            "{label} endpoint at {host} is reachable (HTTP {code} on the model list; some servers have none)"
        )),
    }
}

//! GitLab API access: endpoints from the `gitlab` crate (plus [`endpoints`] for the ones
//! it lacks) run over our own [`client::Client`]. This is the only HTTP code besides the
//! LLM. Writes go only to the MR's discussions and notes ([`publish`]); the crate's
//! token-revoking and token-rotating endpoints are never used (a test checks `src/`).

pub mod checks;
pub mod client;
pub mod endpoints;
pub mod model;
pub mod publish;
pub mod session;
pub mod token;
pub mod triage;

use gitlab::api::{ApiError, AsyncClient, Endpoint};
use http::{Request, StatusCode};
use serde::de::DeserializeOwned;

pub use client::{Client, Limits, RestError, Settings};
pub use session::{MergeRequestRef, Session};
pub use token::Token;

/// Why an API call failed, classified so each case gets one clear line.
#[derive(Debug, thiserror::Error)]
pub enum ApiFailure {
    /// 401: token missing, invalid, expired or revoked.
    #[error("HTTP 401 from {what}")]
    Unauthorized {
        /// The request: method and endpoint path, e.g. `POST projects/1/…/notes`.
        what: String,
    },
    /// 403: token lacks a scope or the bot lacks a role.
    #[error(
        "GitLab refused {what} (HTTP 403); the token needs scope api and the bot role Developer on this project"
    )]
    Forbidden {
        /// The request: method and endpoint path, e.g. `POST projects/1/…/notes`.
        what: String,
    },
    /// 404: wrong id, or a private project without (enough) access.
    #[error(
        "{what} was not found (HTTP 404); check CI_MERGE_REQUEST_PROJECT_ID and CI_MERGE_REQUEST_IID, and that the bot is a member of the project"
    )]
    NotFound {
        /// The request: method and endpoint path, e.g. `POST projects/1/…/notes`.
        what: String,
    },
    /// An HTML page or other non-JSON body, typically a proxy or login page.
    #[error(
        "GitLab answered {what} with HTTP {status} and {kind}, not JSON; a proxy or login page is in the way: check CI_API_V4_URL/MRWARDEN_GITLAB_URL and HTTPS_PROXY"
    )]
    NotJson {
        /// The request: method and endpoint path, e.g. `POST projects/1/…/notes`.
        what: String,
        /// Status code.
        status: u16,
        /// "an HTML page" or "a non-JSON body".
        kind: &'static str,
    },
    /// JSON of an unexpected shape.
    #[error(
        "GitLab answered {what} with JSON mrwarden cannot read ({detail}); mrwarden supports GitLab 17.0 and later"
    )]
    BadJson {
        /// The request: method and endpoint path, e.g. `POST projects/1/…/notes`.
        what: String,
        /// serde's message.
        detail: String,
    },
    /// Any other error status, after retries where they apply.
    #[error("GitLab answered {what} with HTTP {status}; retry the job later or check the instance")]
    Status {
        /// The request: method and endpoint path, e.g. `POST projects/1/…/notes`.
        what: String,
        /// Status code.
        status: u16,
    },
    /// The transport failed (connect, TLS, timeout, redirect, budget).
    #[error("{0}")]
    Transport(RestError),
    /// A response over the size budget.
    #[error("{what} returned more than {max_bytes} bytes (limits.max_diff_bytes)")]
    TooLarge {
        /// The request: method and endpoint path, e.g. `POST projects/1/…/notes`.
        what: String,
        /// The budget.
        max_bytes: u64,
    },
    /// The pager went on for more pages than any real list has.
    #[error("{what} returned more than {pages} pages; stopping")]
    TooManyPages {
        /// The request: method and endpoint path, e.g. `POST projects/1/…/notes`.
        what: String,
        /// Page cap.
        pages: u32,
    },
}

/// A raw answer: status, headers, body.
type Raw = http::Response<bytes::Bytes>;

/// Page cap for the pager (100 per page: 100,000 items).
const MAX_PAGES: u32 = 1000;

/// The API: a client plus typed GET helpers and our pager.
#[derive(Debug)]
pub struct Gitlab {
    client: Client,
    /// Answers of the reads a run shares between its steps ([`Gitlab::get_shared`]),
    /// by request URL: the bot user, the diff versions, the discussions before any write.
    shared: std::sync::Mutex<std::collections::HashMap<String, serde_json::Value>>,
}

impl Gitlab {
    /// Wraps a client.
    pub fn new(client: Client) -> Self {
        Gitlab {
            client,
            shared: std::sync::Mutex::default(),
        }
    }

    /// [`Gitlab::get`], read once per session: a later call for the same request gets the
    /// first answer. For facts that do not change during a run (or that must be seen the
    /// same by every step, like the discussions before this run writes).
    pub async fn get_shared<T: DeserializeOwned>(
        &self,
        ep: &impl Endpoint,
    ) -> Result<T, ApiFailure> {
        self.shared(ep, async || self.get::<serde_json::Value>(ep).await)
            .await
    }

    /// [`Gitlab::get_all`], read once per session (see [`Gitlab::get_shared`]).
    pub async fn get_all_shared<T: DeserializeOwned>(
        &self,
        ep: &impl Endpoint,
        per_page: u32,
    ) -> Result<Vec<T>, ApiFailure> {
        self.shared(ep, async || {
            self.get_all::<serde_json::Value>(ep, per_page)
                .await
                .map(serde_json::Value::Array)
        })
        .await
    }

    async fn shared<T: DeserializeOwned>(
        &self,
        ep: &impl Endpoint,
        read: impl AsyncFnOnce() -> Result<serde_json::Value, ApiFailure>,
    ) -> Result<T, ApiFailure> {
        let key = self.key(ep);
        let known = self.shared.lock().ok().and_then(|m| m.get(&key).cloned());
        let value = if let Some(v) = known {
            v
        } else {
            let v = read().await?;
            if let Ok(mut m) = self.shared.lock() {
                m.insert(key, v.clone());
            }
            v
        };
        serde_json::from_value(value).map_err(|e| ApiFailure::BadJson {
            what: request_name(ep),
            detail: e.to_string(),
        })
    }

    /// The request's URL with its parameters: what makes two reads the same.
    fn key(&self, ep: &impl Endpoint) -> String {
        let path = ep.endpoint();
        match ep.url_base().endpoint_for(&self.client, &path) {
            Ok(mut url) => {
                ep.parameters().add_to_url(&mut url);
                url.to_string()
            }
            Err(_) => format!("{} {path}", ep.method()),
        }
    }

    /// The underlying client.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// GETs one JSON document.
    pub async fn get<T: DeserializeOwned>(&self, ep: &impl Endpoint) -> Result<T, ApiFailure> {
        let rsp = self.send(ep, &[]).await?;
        decode(&request_name(ep), &rsp)
    }

    /// GETs a plain-text document (e.g. `raw_diffs`), at most `max_bytes` of it.
    pub async fn get_text(
        &self,
        ep: &impl Endpoint,
        max_bytes: u64,
    ) -> Result<Vec<u8>, ApiFailure> {
        let rsp = self.send(ep, &[]).await?;
        if rsp.body().len() as u64 > max_bytes {
            return Err(ApiFailure::TooLarge {
                what: request_name(ep),
                max_bytes,
            });
        }
        Ok(rsp.body().to_vec())
    }

    /// GETs a list through every page. Follows `x-next-page`, else `Link rel="next"`
    /// (taking only its page number: the link may carry another host), and never stops
    /// at a short page: GitLab returns short pages before the end.
    pub async fn get_all<T: DeserializeOwned>(
        &self,
        ep: &impl Endpoint,
        per_page: u32,
    ) -> Result<Vec<T>, ApiFailure> {
        let what = request_name(ep);
        let mut out = Vec::new();
        let mut page = 1u32;
        for _ in 0..MAX_PAGES {
            let rsp = self
                .send(
                    ep,
                    &[
                        ("page", page.to_string()),
                        ("per_page", per_page.to_string()),
                    ],
                )
                .await?;
            let items: Vec<T> = decode(&what, &rsp)?;
            out.extend(items);
            match next_page(&rsp) {
                Some(n) if n > page => page = n,
                _ => return Ok(out),
            }
        }
        Err(ApiFailure::TooManyPages {
            what,
            pages: MAX_PAGES,
        })
    }

    /// Sends a write (`POST`/`PUT`/`DELETE`) with the endpoint's body and returns the
    /// JSON answer (`Null` for an empty one). The client retries a 5xx only for
    /// idempotent methods, so a `POST` that may have been processed is never repeated.
    pub async fn write(&self, ep: &impl Endpoint) -> Result<serde_json::Value, ApiFailure> {
        let rsp = self.send(ep, &[]).await?;
        if rsp.body().is_empty() {
            return Ok(serde_json::Value::Null);
        }
        decode(&request_name(ep), &rsp)
    }

    /// Sends one request: the endpoint's method, URL, parameters (plus `extra` query
    /// pairs) and body, if it has one.
    async fn send(&self, ep: &impl Endpoint, extra: &[(&str, String)]) -> Result<Raw, ApiFailure> {
        let path = ep.endpoint();
        let what = request_name(ep);
        let mut url = ep
            .url_base()
            .endpoint_for(&self.client, &path)
            .map_err(|e| transport(e, &what))?;
        ep.parameters().add_to_url(&mut url);
        if !extra.is_empty() {
            let mut q = url.query_pairs_mut();
            for (k, v) in extra {
                q.append_pair(k, v);
            }
        }
        let mut req = Request::builder()
            .method(ep.method())
            .uri(url.as_str())
            .header(http::header::ACCEPT, "application/json");
        let body = match ep.body().map_err(|e| {
            ApiFailure::Transport(RestError::Setup(format!(
                "cannot build the request body for {what}: {e}"
            )))
        })? {
            Some((ctype, data)) => {
                req = req.header(http::header::CONTENT_TYPE, ctype);
                data
            }
            None => Vec::new(),
        };
        let rsp = self
            .client
            .rest_async(req, body)
            .await
            .map_err(|e| transport(e, &what))?;
        classify(&what, rsp)
    }
}

/// How errors name a request: its real method and endpoint path (`PUT projects/1/…`);
/// never the URL, so never a host or query.
pub fn request_name(ep: &impl Endpoint) -> String {
    format!("{} {}", ep.method(), ep.endpoint())
}

/// GitLab's `per_page` for `…/diffs`: larger pages gave HTTP 500 before 17.11
/// (gitlab-org/gitlab#427168); unknown versions get the safe value.
pub fn diffs_per_page(server: Option<(u32, u32)>) -> u32 {
    match server {
        Some(v) if v >= (17, 11) => 100,
        _ => 30,
    }
}

fn transport(e: ApiError<RestError>, what: &str) -> ApiFailure {
    match e {
        ApiError::Client { source } => ApiFailure::Transport(source),
        other => ApiFailure::Transport(RestError::Setup(format!(
            "cannot build the request for {what}: {other}"
        ))),
    }
}

fn classify(what: &str, rsp: Raw) -> Result<Raw, ApiFailure> {
    let what = what.to_string();
    let status = rsp.status();
    if status.is_success() {
        return Ok(rsp);
    }
    Err(match status {
        StatusCode::UNAUTHORIZED => ApiFailure::Unauthorized { what },
        StatusCode::FORBIDDEN => ApiFailure::Forbidden { what },
        StatusCode::NOT_FOUND if is_json(&rsp) => ApiFailure::NotFound { what },
        _ if !is_json(&rsp) && !rsp.body().is_empty() => ApiFailure::NotJson {
            what,
            status: status.as_u16(),
            kind: body_kind(&rsp),
        },
        _ => ApiFailure::Status {
            what,
            status: status.as_u16(),
        },
    })
}

fn is_json(rsp: &Raw) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(rsp.body()).is_ok()
}

fn body_kind(rsp: &Raw) -> &'static str {
    let head: String = String::from_utf8_lossy(&rsp.body()[..rsp.body().len().min(512)])
        .trim_start()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
        "an HTML page"
    } else {
        "a non-JSON body"
    }
}

fn decode<T: DeserializeOwned>(what: &str, rsp: &Raw) -> Result<T, ApiFailure> {
    if !is_json(rsp) && body_kind(rsp) == "an HTML page" {
        return Err(ApiFailure::NotJson {
            what: what.to_string(),
            status: rsp.status().as_u16(),
            kind: body_kind(rsp),
        });
    }
    serde_json::from_slice(rsp.body()).map_err(|e| ApiFailure::BadJson {
        what: what.to_string(),
        detail: e.to_string(),
    })
}

/// The next page number from `x-next-page`, else from `Link: <…page=N…>; rel="next"`.
fn next_page(rsp: &Raw) -> Option<u32> {
    let h = rsp.headers();
    if let Some(v) = h.get("x-next-page").and_then(|v| v.to_str().ok()) {
        let v = v.trim();
        if !v.is_empty() {
            return v.parse().ok();
        }
    }
    for link in h.get_all(http::header::LINK) {
        let Ok(link) = link.to_str() else { continue };
        for part in link.split(',') {
            let mut pieces = part.split(';');
            let target = pieces.next().unwrap_or_default().trim();
            if !pieces.any(|p| p.trim().replace(' ', "") == "rel=\"next\"") {
                continue;
            }
            let target = target.trim_start_matches('<').trim_end_matches('>');
            let query = target.split_once('?').map_or("", |(_, q)| q);
            for pair in query.split('&') {
                if let Some(n) = pair.strip_prefix("page=") {
                    return n.parse().ok();
                }
            }
        }
    }
    None
}

/// The project as the crate's `:id` (numeric id, else a path it URL-encodes).
pub fn project_id(project: &str) -> gitlab::api::common::NameOrId<'_> {
    project.parse::<u64>().map_or_else(
        |_| gitlab::api::common::NameOrId::from(project),
        gitlab::api::common::NameOrId::from,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rsp(headers: &[(&str, &str)]) -> Raw {
        let mut r = http::Response::new(bytes::Bytes::from_static(b"[]"));
        for (k, v) in headers {
            r.headers_mut().append(
                http::HeaderName::from_bytes(k.as_bytes()).expect("name"),
                http::HeaderValue::from_str(v).expect("value"),
            );
        }
        r
    }

    #[test]
    fn next_page_from_headers() {
        assert_eq!(next_page(&rsp(&[("x-next-page", "3")])), Some(3));
        assert_eq!(next_page(&rsp(&[("x-next-page", "")])), None);
        let link = "<https://other.example/api/v4/x?page=1&per_page=2>; rel=\"first\", \
                    <https://other.example/api/v4/x?id=1&page=4&per_page=2>; rel=\"next\"";
        assert_eq!(next_page(&rsp(&[("link", link)])), Some(4));
        assert_eq!(next_page(&rsp(&[])), None);
    }

    #[test]
    fn diffs_page_size_depends_on_version() {
        assert_eq!(diffs_per_page(None), 30);
        assert_eq!(diffs_per_page(Some((17, 10))), 30);
        assert_eq!(diffs_per_page(Some((17, 11))), 100);
        assert_eq!(diffs_per_page(Some((18, 0))), 100);
    }

    #[test]
    fn errors_name_the_real_method() {
        let ep = endpoints::ResolveDiscussion {
            project: 5u64.into(),
            merge_request: 7,
            discussion: "abc",
            resolved: true,
        };
        let what = request_name(&ep);
        assert_eq!(what, "PUT projects/5/merge_requests/7/discussions/abc");
        let mut r = http::Response::new(bytes::Bytes::from_static(b"{}"));
        *r.status_mut() = StatusCode::FORBIDDEN;
        let e = classify(&what, r).expect_err("fails");
        assert!(
            e.to_string().starts_with("GitLab refused PUT projects/5/"),
            "{e}"
        );
    }

    #[test]
    fn html_error_pages_are_named() {
        let mut r = http::Response::new(bytes::Bytes::from_static(
            b"<!DOCTYPE html><html><body>502 Bad Gateway</body></html>",
        ));
        *r.status_mut() = StatusCode::BAD_GATEWAY;
        let e = classify("projects/1", r).expect_err("fails");
        assert!(e.to_string().contains("HTML page"), "{e}");
    }
}

//! A fake LLM endpoint for integration tests: an axum server on 127.0.0.1:0 speaking
//! both API shapes mrwarden uses (OpenAI-compatible `POST …/chat/completions` and
//! Anthropic `POST …/v1/messages`), answering what the test scripts, and recording
//! every request (path, auth headers, body) so tests can assert what was sent.

#![allow(dead_code, unreachable_pub, clippy::needless_pass_by_value)]

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response};
use serde_json::{Value, json};

/// What the fake answers to a review request.
#[derive(Debug, Clone)]
pub enum Answer {
    /// 200 with this answer object (`{"findings": [...]}`) in the provider's shape.
    Findings(Value),
    /// 200 with this raw text as the model's content (malformed JSON, prose).
    Text(String),
    /// This status with `Retry-After: 1` (for 429) and an error body.
    Status(u16),
    /// 302 to this URL.
    Redirect(String),
    /// Never answers (the client's timeout must end it).
    Hang,
}

/// A recorded request.
#[derive(Debug, Clone)]
pub struct Seen {
    /// Method.
    pub method: String,
    /// Path.
    pub path: String,
    /// `authorization` header value.
    pub authorization: Option<String>,
    /// `x-api-key` header value.
    pub x_api_key: Option<String>,
    /// `anthropic-version` header value.
    pub anthropic_version: Option<String>,
    /// The body.
    pub body: String,
}

/// Scripted answers (first to last; the last repeats) and the requests seen.
#[derive(Debug, Default)]
pub struct State {
    /// Answers to review requests in order; the last one repeats.
    pub answers: Vec<Answer>,
    /// Requests seen.
    pub requests: Vec<Seen>,
}

/// A running fake.
pub struct FakeLlm {
    /// Root URL, e.g. `http://127.0.0.1:1234` (Anthropic) or `…/v1` (`OpenAI`).
    pub url: String,
    state: Arc<Mutex<State>>,
}

impl FakeLlm {
    /// Starts a fake answering `answers` in order.
    pub fn start(answers: Vec<Answer>) -> FakeLlm {
        let std_listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        std_listener.set_nonblocking(true).expect("nonblocking");
        let port = std_listener.local_addr().expect("addr").port();
        let state = Arc::new(Mutex::new(State {
            answers,
            requests: Vec::new(),
        }));
        let shared = state.clone();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(std_listener).expect("listener");
                let app = Router::new().fallback(move |req: Request<Body>| {
                    let state = shared.clone();
                    async move { handle(&state, req).await }
                });
                axum::serve(listener, app).await.expect("serve");
            });
        });
        FakeLlm {
            url: format!("http://127.0.0.1:{port}"),
            state,
        }
    }

    /// The state.
    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().expect("lock")
    }

    /// Requests seen so far.
    pub fn requests(&self) -> Vec<Seen> {
        self.state().requests.clone()
    }
}

async fn handle(state: &Arc<Mutex<State>>, req: Request<Body>) -> Response<Body> {
    let (parts, body) = req.into_parts();
    let bytes = axum::body::to_bytes(body, 64 << 20)
        .await
        .unwrap_or_default();
    let header = |n: &str| {
        parts
            .headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let path = parts.uri.path().to_string();
    let answer = {
        let mut s = state.lock().expect("lock");
        s.requests.push(Seen {
            method: parts.method.to_string(),
            path: path.clone(),
            authorization: header("authorization"),
            x_api_key: header("x-api-key"),
            anthropic_version: header("anthropic-version"),
            body: String::from_utf8_lossy(&bytes).into_owned(),
        });
        if parts.method == "GET" {
            return json_rsp(200, &json!({"data": [{"id": "test-model"}]}), &[]);
        }
        if s.answers.len() > 1 {
            s.answers.remove(0)
        } else {
            s.answers
                .first()
                .cloned()
                .unwrap_or(Answer::Findings(json!({"findings": []})))
        }
    };
    let anthropic = path.ends_with("/v1/messages");
    match answer {
        Answer::Findings(v) => json_rsp(200, &shape(anthropic, &v, None), &[]),
        Answer::Text(t) => json_rsp(200, &shape(anthropic, &Value::Null, Some(&t)), &[]),
        Answer::Status(code) => json_rsp(
            code,
            &json!({"error": {"message": "try later"}}),
            &[("retry-after", "1".to_string())],
        ),
        Answer::Redirect(to) => Response::builder()
            .status(302)
            .header("location", to)
            .body(Body::empty())
            .expect("response"),
        Answer::Hang => {
            tokio::time::sleep(Duration::from_secs(600)).await;
            json_rsp(200, &json!({}), &[])
        }
    }
}

/// The provider's response shape around an answer object or raw text.
fn shape(anthropic: bool, answer: &Value, text: Option<&str>) -> Value {
    if anthropic {
        let block = match text {
            Some(t) => json!({"type": "text", "text": t}),
            None => {
                json!({"type": "tool_use", "id": "t1", "name": "report_findings", "input": answer})
            }
        };
        json!({"id": "msg_1", "type": "message", "role": "assistant", "content": [block],
               "usage": {"input_tokens": 1234, "output_tokens": 56}})
    } else {
        let content = text.map_or_else(|| answer.to_string(), str::to_string);
        json!({"id": "c1", "object": "chat.completion",
               "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
               "usage": {"prompt_tokens": 1234, "completion_tokens": 56}})
    }
}

fn json_rsp(status: u16, body: &Value, headers: &[(&str, String)]) -> Response<Body> {
    let mut b = Response::builder()
        .status(status)
        .header("content-type", "application/json");
    for (k, v) in headers {
        b = b.header(*k, v);
    }
    b.body(Body::from(body.to_string())).expect("response")
}

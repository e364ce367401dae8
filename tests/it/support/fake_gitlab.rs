//! A fake GitLab for integration tests: an axum server on 127.0.0.1:0, started by the
//! test itself on its own thread, speaking the JSON shapes of the endpoints mrwarden
//! calls (versions, version detail, diffs, MR, user, token self), with switches for the
//! faults GitLab and the networks in front of it produce. Every request is recorded.

#![allow(
    dead_code,
    unreachable_pub,
    clippy::struct_excessive_bools,
    clippy::too_many_lines,
    clippy::needless_pass_by_value
)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, Response};
use serde_json::{Value, json};
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};

/// One diff version of the fake MR.
#[derive(Debug, Clone)]
pub struct VersionData {
    /// Version id.
    pub id: u64,
    /// Merge-base.
    pub base: String,
    /// Target head.
    pub start: String,
    /// Source head.
    pub head: String,
    /// `API::Entities::Diff` objects.
    pub diffs: Vec<Value>,
}

/// Fault switches and data.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Project id the MR lives in.
    pub project_id: u64,
    /// MR iid.
    pub iid: u64,
    /// Versions, oldest first.
    pub versions: Vec<VersionData>,
    /// The token GitLab accepts.
    pub token: Option<String>,
    /// Readable without a token (public project).
    pub public: bool,
    /// Every token is expired: 401.
    pub expired_token: bool,
    /// 403 on everything (scope too narrow).
    pub forbidden: bool,
    /// The first N requests get 429 with `Retry-After: 1`.
    pub rate_limit_first: u32,
    /// The first N requests get 503.
    pub fail_5xx_first: u32,
    /// Percentage of requests answered 500 at random (seeded, reproducible).
    pub random_5xx_percent: u32,
    /// Delay of the first N responses.
    pub slow_first: u32,
    /// Length of that delay.
    pub slow_ms: u64,
    /// Lists come in short pages (1 or 2 items) whatever `per_page` says.
    pub short_pages: bool,
    /// Send only `Link` (pointing at another host), no `x-next-page`.
    pub link_only: bool,
    /// `/diffs` answers 500 for `per_page > 30` (GitLab < 17.11).
    pub old_diffs_page_limit: bool,
    /// A proxy's HTML error page (502) on everything.
    pub html_error: bool,
    /// 200 with a broken JSON body.
    pub invalid_json: bool,
    /// 302 to this URL on everything.
    pub redirect_to: Option<String>,
    /// The bot's access level on the project (0 means Developer, 30).
    pub access_level: u32,
    /// Scopes of the token (empty means `["api"]`).
    pub token_scopes: Vec<String>,
    /// `expires_at` of the token: empty means far away, `null` means JSON null.
    pub token_expires_at: String,
    /// `GET /personal_access_tokens/self` answers 404 (older GitLab).
    pub no_token_self: bool,
    /// `state` of the MR (empty means `opened`).
    pub merge_request_status: String,
    /// `state` of every version (empty means `collected`; `overflow` drops files).
    pub diff_version_status: String,
    /// Body of `…/raw_diffs` (git's diff of the newest version).
    pub raw_diffs: String,
    /// A git repository standing for the project's repository: `repository/files/…/raw`
    /// answers from it with `git cat-file`, as GitLab answers from Gitaly.
    pub repo_dir: Option<std::path::PathBuf>,
    /// The MR's discussions (GitLab's JSON shape), oldest first; tests may add a
    /// human's here (author id other than 77).
    pub discussions: Vec<Value>,
    /// Last note id handed out.
    pub last_note_id: u64,
    /// `POST …/discussions` answers 500 (after possibly processing nothing).
    pub fail_discussion_posts: bool,
    /// Writes to MR notes (`POST …/notes`, `PUT …/notes/:id`: the summary note) are
    /// applied at once, like GitLab's, but answered only after this many milliseconds:
    /// a window in which to cancel the job.
    pub slow_note_writes_ms: u64,
    /// `changes_count` of the MR and `real_size` of every version (empty means the
    /// number of diff entries, as GitLab counts them; `"1000+"` style is allowed).
    pub changes_count: String,
    /// `…/merge_requests/:iid/commits` leaves out `parent_ids` (GitLab's docs do not
    /// list it), so a client must read `…/repository/commits/:sha` for the parents.
    pub commits_without_parent_ids: bool,
    /// The MR's author (`author` of the MR); `None` means the bot itself.
    pub mr_author: Option<Value>,
    /// Project members besides the bot, in the shape of `GET …/members/all/:id`
    /// (`id`, `username`, `name`, `access_level`, …); `GET /users/:id` answers from
    /// them too (with `public_email`, when the entry has one).
    pub members: Vec<Value>,
    /// The MR's commits, in the shape of `GET …/merge_requests/:iid/commits`.
    pub mr_commits: Vec<Value>,
    /// GitLab's `diff_max_patch_bytes` (0: no limit): a version or commit diff entry
    /// whose patch is larger comes back as GitLab sends it, `too_large: true` with an
    /// empty `diff`.
    pub max_patch_bytes: usize,
    /// Other open MRs of the project (`GET /projects/:id/merge_requests` lists them
    /// after the test MR), e.g. one from a fork's branch of the same name.
    pub other_mrs: Vec<Value>,
    /// `GET` paths ending with this answer 403 (a read the bot may not make).
    pub forbidden_suffix: Option<String>,
    /// Repository files whose raw reads (`repository/files/:path/raw`) answer 500.
    pub refused_files: Vec<String>,
    /// Percentage of writes answered 500 before anything is applied (seeded).
    pub write_5xx_percent: u32,
    /// Percentage of writes answered 429 with `Retry-After: 0`, nothing applied.
    pub write_429_percent: u32,
    /// Percentage of writes that are applied, but whose answer is lost: a proxy's 502.
    pub lost_write_percent: u32,
    /// The first N `POST`s wait (up to 5 s) until N have arrived, so N runs started
    /// together all plan on the same discussions before any write lands.
    pub post_barrier: u32,
    /// `POST`s that reached the barrier.
    pub post_arrived: u32,
    /// Requests seen.
    pub requests: Vec<Seen>,
    /// Counter for the fault switches.
    pub count: u32,
    /// PRNG state for `random_5xx_percent`.
    pub rng: u64,
}

/// A recorded request.
#[derive(Debug, Clone)]
pub struct Seen {
    /// Method.
    pub method: String,
    /// Path after the prefix.
    pub path: String,
    /// Query string.
    pub query: String,
    /// A `PRIVATE-TOKEN` header was sent.
    pub had_token: bool,
    /// Status answered.
    pub status: u16,
    /// Request body (writes).
    pub body: String,
}

/// A running fake.
pub struct Fake {
    /// API root, e.g. `http://127.0.0.1:1234/gitlab/api/v4`.
    pub url: String,
    state: Arc<Mutex<State>>,
}

impl Fake {
    /// Starts a fake with API root `http://127.0.0.1:<port><prefix>` (prefix like `/api/v4`).
    pub fn start(prefix: &str, state: State) -> Fake {
        Self::launch(prefix, state, None)
    }

    /// Starts a fake speaking HTTPS with a certificate for `localhost` and `127.0.0.1`
    /// from a CA generated now; returns it with the CA certificate (PEM).
    pub fn start_tls(prefix: &str, state: State) -> (Fake, String) {
        let (config, ca_pem) = tls_config();
        (Self::launch(prefix, state, Some(config)), ca_pem)
    }

    fn launch(prefix: &str, state: State, tls: Option<ServerConfig>) -> Fake {
        let std_listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        std_listener.set_nonblocking(true).expect("nonblocking");
        let port = std_listener.local_addr().expect("addr").port();
        let state = Arc::new(Mutex::new(State {
            rng: 0x9E37_79B9_7F4A_7C15,
            ..state
        }));
        let shared = state.clone();
        let prefix_owned = prefix.trim_end_matches('/').to_string();
        let scheme = if tls.is_some() { "https" } else { "http" };
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(std_listener).expect("listener");
                let app = Router::new().fallback(move |req: Request<Body>| {
                    let state = shared.clone();
                    let prefix = prefix_owned.clone();
                    async move { handle(&state, &prefix, req).await }
                });
                match tls {
                    None => axum::serve(listener, app).await.expect("serve"),
                    Some(config) => serve_tls(listener, app, config).await,
                }
            });
        });
        Fake {
            url: format!("{scheme}://127.0.0.1:{port}{prefix}"),
            state,
        }
    }

    /// The state, to change switches or read requests.
    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().expect("lock")
    }

    /// Requests seen so far.
    pub fn requests(&self) -> Vec<Seen> {
        self.state().requests.clone()
    }

    /// How many requests seen so far match `pred`.
    pub fn count_requests(&self, pred: impl Fn(&Seen) -> bool) -> usize {
        self.state().requests.iter().filter(|r| pred(r)).count()
    }
}

/// A server config with a leaf certificate signed by a CA made now, and the CA's PEM.
fn tls_config() -> (ServerConfig, String) {
    use rcgen::{
        BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose,
    };
    let ca_key = KeyPair::generate().expect("ca key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("ca params");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "mrwarden test CA");
    let ca_cert = ca_params.self_signed(&ca_key).expect("ca cert");
    let issuer = Issuer::new(ca_params, ca_key);
    let key = KeyPair::generate().expect("key");
    let params = CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()])
        .expect("params");
    let cert = params.signed_by(&key, &issuer).expect("leaf cert");
    let provider = Arc::new(tokio_rustls::rustls::crypto::aws_lc_rs::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(
            vec![cert.der().clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
        .expect("server config");
    (config, ca_cert.pem())
}

async fn serve_tls(listener: tokio::net::TcpListener, app: Router, config: ServerConfig) {
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    loop {
        let Ok((tcp, _)) = listener.accept().await else {
            continue;
        };
        let acceptor = acceptor.clone();
        let app = app.clone();
        tokio::spawn(async move {
            // A client that rejects our certificate ends here: no request is recorded.
            let Ok(tls) = acceptor.accept(tcp).await else {
                return;
            };
            let svc = hyper_util::service::TowerToHyperService::new(app);
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(tls), svc)
                .await;
        });
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

fn raw_rsp(status: u16, ctype: &str, body: &str, headers: &[(&str, String)]) -> Response<Body> {
    let mut b = Response::builder()
        .status(status)
        .header("content-type", ctype);
    for (k, v) in headers {
        b = b.header(*k, v);
    }
    b.body(Body::from(body.to_string())).expect("response")
}

async fn handle(state: &Arc<Mutex<State>>, prefix: &str, req: Request<Body>) -> Response<Body> {
    let path = req.uri().path().to_string();
    let query = req.uri().query().unwrap_or_default().to_string();
    let token = header(req.headers(), "private-token");
    let method = req.method().to_string();
    let body = axum::body::to_bytes(req.into_body(), 16 << 20)
        .await
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    if method == "POST" {
        post_barrier(state).await;
    }
    let (delay, rsp) = {
        let mut st = state.lock().expect("lock");
        st.count += 1;
        let n = st.count;
        let slow_note = method != "GET" && path.contains("/notes") && st.slow_note_writes_ms > 0;
        let delay = if slow_note {
            Some(Duration::from_millis(st.slow_note_writes_ms))
        } else {
            (n <= st.slow_first).then(|| Duration::from_millis(st.slow_ms))
        };
        let rsp = if method == "GET" {
            route(&mut st, n, prefix, &path, &query, token.as_deref())
        } else {
            faulty_write(
                &mut st,
                prefix,
                &method,
                &path,
                &query,
                &body,
                token.as_deref(),
            )
        };
        st.requests.push(Seen {
            method: method.clone(),
            body: body.clone(),
            path: path.strip_prefix(prefix).unwrap_or(&path).to_string(),
            query: query.clone(),
            had_token: token.is_some(),
            status: rsp.status().as_u16(),
        });
        (delay, rsp)
    };
    if let Some(d) = delay {
        tokio::time::sleep(d).await;
    }
    rsp
}

/// Holds one of the first `post_barrier` POSTs until all of them have arrived.
async fn post_barrier(state: &Arc<Mutex<State>>) {
    {
        let mut st = state.lock().expect("lock");
        if st.post_arrived >= st.post_barrier {
            return;
        }
        st.post_arrived += 1;
    }
    for _ in 0..500 {
        if state
            .lock()
            .is_ok_and(|st| st.post_arrived >= st.post_barrier)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

fn header(h: &HeaderMap, name: &str) -> Option<String> {
    h.get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// `git cat-file blob REV:PATH` in the stand-in repository.
fn file_at(dir: &std::path::Path, rev: &str, path: &str) -> Option<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["cat-file", "blob", &format!("{rev}:{path}")])
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Standard output of a git command in the stand-in repository, if it succeeds.
fn git_out(dir: &std::path::Path, args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The newest version's commits as GitLab lists them (newest first), each with its
/// parents: `git rev-list --parents base..head`.
fn mr_commits(st: &State) -> Vec<(String, Vec<String>)> {
    let (Some(dir), Some(v)) = (st.repo_dir.as_ref(), st.versions.last()) else {
        return Vec::new();
    };
    let range = format!("{}..{}", v.base, v.head);
    git_out(dir, &["rev-list", "--parents", &range])
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let mut ids = l.split_whitespace().map(str::to_string);
            Some((ids.next()?, ids.collect()))
        })
        .collect()
}

/// `API::Entities::Commit`.
fn commit_json(sha: &str, parents: &[String]) -> Value {
    json!({
        "id": sha, "short_id": &sha[..8.min(sha.len())],
        "created_at": "2025-01-01T00:00:00.000+00:00", "parent_ids": parents,
        "title": "change", "message": "change\n", "author_name": "t",
        "author_email": "t@example.com", "authored_date": "2025-01-01T00:00:00.000+00:00",
        "committer_name": "t", "committer_email": "t@example.com",
        "committed_date": "2025-01-01T00:00:00.000+00:00", "trailers": {},
        "extended_trailers": {}, "web_url": format!("https://gitlab.example/group/proj/-/commit/{sha}"),
    })
}

fn route(
    st: &mut State,
    n: u32,
    prefix: &str,
    path: &str,
    query: &str,
    token: Option<&str>,
) -> Response<Body> {
    if let Some(to) = &st.redirect_to {
        return raw_rsp(302, "text/html", "moved", &[("location", to.clone())]);
    }
    if n <= st.rate_limit_first {
        return raw_rsp(
            429,
            "text/plain",
            "Retry later",
            &[
                ("retry-after", "1".into()),
                ("ratelimit-name", "throttle_authenticated_api".into()),
                ("ratelimit-remaining", "0".into()),
            ],
        );
    }
    if n <= st.rate_limit_first + st.fail_5xx_first {
        return json_rsp(503, &json!({"message": "503 Service Unavailable"}), &[]);
    }
    if st.random_5xx_percent > 0 {
        st.rng ^= st.rng << 13;
        st.rng ^= st.rng >> 7;
        st.rng ^= st.rng << 17;
        if (st.rng % 100) < u64::from(st.random_5xx_percent) {
            return json_rsp(500, &json!({"message": "500 Internal Server Error"}), &[]);
        }
    }
    if st.html_error {
        return raw_rsp(
            502,
            "text/html",
            "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>",
            &[],
        );
    }
    let Some(rest) = path.strip_prefix(prefix) else {
        return raw_rsp(404, "text/html", "<html><body>Not Found</body></html>", &[]);
    };
    match token {
        Some(_) if st.expired_token => {
            return json_rsp(401, &json!({"message": "401 Unauthorized"}), &[]);
        }
        Some(t) if st.token.as_deref() != Some(t) => {
            return json_rsp(401, &json!({"message": "401 Unauthorized"}), &[]);
        }
        None if rest == "/version" => {
            return json_rsp(401, &json!({"message": "401 Unauthorized"}), &[]);
        }
        None if !st.public => {
            return json_rsp(404, &json!({"message": "404 Project Not Found"}), &[]);
        }
        _ => {}
    }
    if st.forbidden
        || st
            .forbidden_suffix
            .as_ref()
            .is_some_and(|s| rest.ends_with(s.as_str()))
    {
        return json_rsp(403, &json!({"message": "403 Forbidden"}), &[]);
    }
    if st.invalid_json {
        return raw_rsp(200, "application/json", "{\"id\": 1, \"diffs\": [", &[]);
    }
    let params: HashMap<String, String> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    let segs: Vec<&str> = rest.trim_matches('/').split('/').collect();
    let mr_prefix = |s: &[&str]| {
        s.len() >= 4
            && s[0] == "projects"
            && s[1] == st.project_id.to_string()
            && s[2] == "merge_requests"
            && s[3] == st.iid.to_string()
    };
    match segs.as_slice() {
        ["version"] => json_rsp(
            200,
            &json!({"version": "17.5.0-ee", "revision": "0123abcd"}),
            &[],
        ),
        ["user"] => json_rsp(200, &user(), &[]),
        ["personal_access_tokens", "self"] if st.no_token_self => {
            json_rsp(404, &json!({"message": "404 Not Found"}), &[])
        }
        ["personal_access_tokens", "self"] => json_rsp(200, &token_self(st), &[]),
        ["projects", id] if *id == st.project_id.to_string() => json_rsp(
            200,
            &json!({"id": st.project_id, "name": "proj", "path": "proj",
                    "path_with_namespace": "group/proj", "visibility": "private",
                    "default_branch": "main", "web_url": "https://gitlab.example/group/proj"}),
            &[],
        ),
        ["projects", id, "members", "all", uid]
            if *id == st.project_id.to_string() && *uid == "77" =>
        {
            let level = if st.access_level == 0 {
                30
            } else {
                st.access_level
            };
            json_rsp(
                200,
                &json!({"id": 77, "username": "mrwarden-bot", "name": "mrwarden", "state": "active",
                        "access_level": level, "expires_at": null}),
                &[],
            )
        }
        ["projects", id, "members", "all", uid] if *id == st.project_id.to_string() => {
            match st
                .members
                .iter()
                .find(|m| uid.parse().ok() == m["id"].as_u64())
            {
                Some(m) => {
                    let mut m = m.clone();
                    m.as_object_mut().map(|o| o.remove("public_email"));
                    json_rsp(200, &m, &[])
                }
                None => json_rsp(404, &json!({"message": "404 Not found"}), &[]),
            }
        }
        ["users", uid] => match st
            .members
            .iter()
            .find(|m| uid.parse().ok() == m["id"].as_u64())
        {
            Some(m) => json_rsp(
                200,
                &json!({"id": m["id"], "username": m["username"], "name": m["name"],
                        "state": "active", "locked": false, "avatar_url": null,
                        "web_url": format!("https://gitlab.example/{}", m["username"].as_str().unwrap_or("")),
                        "public_email": m.get("public_email").cloned().unwrap_or(json!("")),
                        "bio": "", "location": "", "created_at": "2024-01-01T00:00:00.000Z"}),
                &[],
            ),
            None => json_rsp(404, &json!({"message": "404 User Not Found"}), &[]),
        },
        ["projects", id, "repository", "files", file, "raw"]
            if *id == st.project_id.to_string() =>
        {
            let path: String = url::form_urlencoded::parse(format!("p={file}").as_bytes())
                .map(|(_, v)| v.into_owned())
                .next()
                .unwrap_or_default();
            let rev = params.get("ref").cloned().unwrap_or_else(|| "HEAD".into());
            if st.refused_files.contains(&path) {
                return json_rsp(500, &json!({"message": "500 Internal Server Error"}), &[]);
            }
            match st.repo_dir.as_ref().and_then(|d| file_at(d, &rev, &path)) {
                Some(text) => raw_rsp(200, "text/plain; charset=utf-8", &text, &[]),
                None => json_rsp(404, &json!({"message": "404 File Not Found"}), &[]),
            }
        }
        s if mr_prefix(s) && s.len() == 4 => json_rsp(200, &merge_request(st), &[]),
        // The project's MRs, filtered as GitLab filters them (`state`, `source_branch`).
        ["projects", id, "merge_requests"] if *id == st.project_id.to_string() => {
            let list: Vec<Value> = std::iter::once(merge_request(st))
                .chain(st.other_mrs.iter().cloned())
                .filter(|m| {
                    ["state", "source_branch"].iter().all(|k| {
                        params
                            .get(*k)
                            .is_none_or(|want| m[*k].as_str() == Some(want.as_str()))
                    })
                })
                .collect();
            paged(st, rest, &params, list, 20)
        }
        s if mr_prefix(s) && s.len() == 5 && s[4] == "discussions" => {
            let list = st.discussions.clone();
            paged(st, rest, &params, list, 20)
        }
        // A test that names the commits (authors for triage) gets them; otherwise they
        // come from the test repository (below).
        s if mr_prefix(s) && s.len() == 5 && s[4] == "commits" && !st.mr_commits.is_empty() => {
            let list = st.mr_commits.clone();
            paged(st, rest, &params, list, 20)
        }
        s if mr_prefix(s) && s.len() == 5 && s[4] == "raw_diffs" => {
            raw_rsp(200, "text/plain; charset=utf-8", &st.raw_diffs, &[])
        }
        s if mr_prefix(s) && s.len() == 5 && s[4] == "versions" => {
            let mut list: Vec<Value> = st
                .versions
                .iter()
                .rev()
                .map(|v| version_json(v, &st.diff_version_status, &st.changes_count))
                .collect();
            for v in &mut list {
                v.as_object_mut().map(|o| o.remove("diffs"));
            }
            paged(st, rest, &params, list, 20)
        }
        s if mr_prefix(s) && s.len() == 6 && s[4] == "versions" => {
            match st.versions.iter().find(|v| v.id.to_string() == s[5]) {
                Some(v) => json_rsp(
                    200,
                    &too_large_pruned(
                        version_json(v, &st.diff_version_status, &st.changes_count),
                        st.max_patch_bytes,
                    ),
                    &[],
                ),
                None => json_rsp(404, &json!({"message": "404 Not found"}), &[]),
            }
        }
        s if mr_prefix(s) && s.len() == 5 && s[4] == "diffs" => {
            let per_page: usize = params
                .get("per_page")
                .and_then(|p| p.parse().ok())
                .unwrap_or(20);
            if st.old_diffs_page_limit && per_page > 30 {
                return json_rsp(500, &json!({"message": "500 Internal Server Error"}), &[]);
            }
            let diffs = st
                .versions
                .last()
                .map(|v| v.diffs.clone())
                .unwrap_or_default();
            let diffs = too_large_pruned(Value::from(diffs), st.max_patch_bytes);
            let diffs = diffs.as_array().cloned().unwrap_or_default();
            paged(st, rest, &params, diffs, 20)
        }
        [
            "projects",
            id,
            "repository",
            "commits",
            sha,
            "merge_requests",
        ] if *id == st.project_id.to_string() => {
            let heads: Vec<String> = st.versions.iter().map(|v| v.head.clone()).collect();
            let list = if heads.iter().any(|h| h == sha) {
                vec![merge_request(st)]
            } else {
                Vec::new()
            };
            paged(st, rest, &params, list, 20)
        }
        s if mr_prefix(s) && s.len() == 5 && s[4] == "commits" => {
            let list: Vec<Value> = mr_commits(st)
                .iter()
                .map(|(sha, parents)| {
                    let mut c = commit_json(sha, parents);
                    if st.commits_without_parent_ids {
                        c.as_object_mut().map(|o| o.remove("parent_ids"));
                    }
                    c
                })
                .collect();
            paged(st, rest, &params, list, 20)
        }
        ["projects", id, "repository", "commits", sha] if *id == st.project_id.to_string() => {
            let found = st
                .repo_dir
                .as_ref()
                .and_then(|d| git_out(d, &["rev-list", "--parents", "-n", "1", sha]));
            match found
                .as_deref()
                .map(str::split_whitespace)
                .map(Iterator::collect::<Vec<_>>)
            {
                Some(ids) if !ids.is_empty() => {
                    let parents: Vec<String> = ids[1..].iter().map(|p| (*p).to_string()).collect();
                    json_rsp(200, &commit_json(ids[0], &parents), &[])
                }
                _ => json_rsp(404, &json!({"message": "404 Commit Not Found"}), &[]),
            }
        }
        ["projects", id, "repository", "commits", sha, "diff"]
            if *id == st.project_id.to_string() =>
        {
            let text = st.repo_dir.as_ref().and_then(|d| {
                let first_parent = format!("{sha}^1");
                git_out(
                    d,
                    &[
                        "-c",
                        "core.quotePath=false",
                        "diff",
                        "--find-renames",
                        "--no-color",
                        &first_parent,
                        sha,
                    ],
                )
                .or_else(|| {
                    git_out(
                        d,
                        &[
                            "-c",
                            "core.quotePath=false",
                            "show",
                            "--format=",
                            "--no-color",
                            sha,
                        ],
                    )
                })
            });
            match text {
                Some(t) => {
                    let entries = Value::from(entries_from_git_diff(&t));
                    let entries = too_large_pruned(entries, st.max_patch_bytes);
                    let entries = entries.as_array().cloned().unwrap_or_default();
                    paged(st, rest, &params, entries, 20)
                }
                None => json_rsp(404, &json!({"message": "404 Commit Not Found"}), &[]),
            }
        }
        s if s.len() >= 2 && s[0] == "projects" && s[1] != st.project_id.to_string() => {
            json_rsp(404, &json!({"message": "404 Project Not Found"}), &[])
        }
        _ => json_rsp(404, &json!({"message": "404 Not found"}), &[]),
    }
}

/// Offset pagination with GitLab's headers; `short_pages` serves 1–2 items per page.
fn paged(
    st: &State,
    rest: &str,
    params: &HashMap<String, String>,
    items: Vec<Value>,
    default_per_page: usize,
) -> Response<Body> {
    let page: usize = params
        .get("page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(1)
        .max(1);
    let per_page: usize = params
        .get("per_page")
        .and_then(|p| p.parse().ok())
        .unwrap_or(default_per_page)
        .clamp(1, 100);
    // Page boundaries: regular, or short pages of 1, 2, 1, 2, … items.
    let mut bounds = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while start < items.len() {
        let size = if st.short_pages {
            1 + (i % 2)
        } else {
            per_page
        };
        bounds.push((start, (start + size).min(items.len())));
        start += size;
        i += 1;
    }
    let (from, to) = bounds.get(page - 1).copied().unwrap_or((0, 0));
    let body = Value::Array(items[from..to].to_vec());
    let mut headers = vec![
        ("x-page", page.to_string()),
        ("x-per-page", per_page.to_string()),
    ];
    let has_next = page < bounds.len();
    if st.link_only {
        if has_next {
            headers.push((
                "link",
                format!(
                    "<https://external.example{rest}?page={}&per_page={per_page}>; rel=\"next\"",
                    page + 1
                ),
            ));
        }
    } else {
        headers.push((
            "x-next-page",
            if has_next {
                (page + 1).to_string()
            } else {
                String::new()
            },
        ));
    }
    json_rsp(200, &body, &headers)
}

/// The count GitLab reports for a version's changed files.
fn count_of(v: &VersionData, changes_count: &str) -> String {
    if changes_count.is_empty() {
        v.diffs.len().to_string()
    } else {
        changes_count.to_string()
    }
}

/// GitLab's pruning of large patches (`Gitlab::Git::Diff`): an entry whose `diff` is
/// over `diff_max_patch_bytes` keeps its paths and flags, gets `too_large: true` and an
/// empty `diff`. `doc` is a list of entries or a version with `diffs`; 0 prunes nothing.
fn too_large_pruned(mut doc: Value, max: usize) -> Value {
    let list = match doc.get_mut("diffs") {
        Some(d) => d,
        None => &mut doc,
    };
    for e in list.as_array_mut().into_iter().flatten() {
        let len = e["diff"].as_str().map_or(0, str::len);
        if max > 0 && len > max {
            e["diff"] = Value::from("");
            e["too_large"] = Value::from(true);
            e["collapsed"] = Value::from(false);
        }
    }
    doc
}

fn version_json(v: &VersionData, state: &str, changes_count: &str) -> Value {
    json!({
        "id": v.id,
        "head_commit_sha": v.head,
        "base_commit_sha": v.base,
        "start_commit_sha": v.start,
        "created_at": "2025-01-01T00:00:00.000Z",
        "merge_request_id": 1000,
        "state": if state.is_empty() { "collected" } else { state },
        "real_size": count_of(v, changes_count),
        "patch_id_sha": "0".repeat(40),
        "commits": [],
        "diffs": v.diffs,
    })
}

fn merge_request(st: &State) -> Value {
    let head = st
        .versions
        .last()
        .map(|v| v.head.clone())
        .unwrap_or_default();
    json!({
        "id": 1000, "iid": st.iid, "project_id": st.project_id,
        "title": "feature", "state": if st.merge_request_status.is_empty() { "opened" } else { st.merge_request_status.as_str() }, "draft": false,
        "source_project_id": st.project_id, "target_project_id": st.project_id,
        "source_branch": "feature", "target_branch": "main",
        "sha": head, "changes_count": st.versions.last().map(|v| count_of(v, &st.changes_count)),
        "diff_refs": {"base_sha": "", "head_sha": head, "start_sha": ""},
        "web_url": "https://gitlab.example/group/proj/-/merge_requests/1",
        "author": st.mr_author.clone().unwrap_or_else(user),
    })
}

/// A project member as `GET …/members/all/:id` shows it (plus `public_email`, which
/// only `GET /users/:id` shows).
pub fn member(id: u64, username: &str, name: &str, access_level: u32) -> Value {
    json!({"id": id, "username": username, "name": name, "state": "active", "locked": false,
           "avatar_url": null, "web_url": format!("https://gitlab.example/{username}"),
           "access_level": access_level, "created_at": "2024-01-01T00:00:00.000Z",
           "created_by": null, "expires_at": null, "membership_state": "active"})
}

/// One commit as `GET …/merge_requests/:iid/commits` shows it.
pub fn commit(sha: &str, author_name: &str, author_email: &str) -> Value {
    json!({"id": sha, "short_id": &sha[..sha.len().min(8)], "title": "change", "message": "change\n",
           "created_at": "2025-01-01T00:00:00.000Z", "parent_ids": [],
           "author_name": author_name, "author_email": author_email,
           "authored_date": "2025-01-01T00:00:00.000Z",
           "committer_name": author_name, "committer_email": author_email,
           "committed_date": "2025-01-01T00:00:00.000Z", "trailers": {}, "extended_trailers": {},
           "web_url": format!("https://gitlab.example/group/proj/-/commit/{sha}")})
}

/// A reply by someone other than the bot, as GitLab stores it in a discussion.
pub fn human_note(id: u64, author: &Value, body: &str) -> Value {
    json!({"id": id, "type": "DiffNote", "body": body, "system": false,
           "author": {"id": author["id"], "username": author["username"], "name": author["name"],
                      "state": "active", "locked": false, "avatar_url": null,
                      "web_url": author["web_url"]},
           "created_at": "2025-01-02T00:00:00.000Z", "resolvable": true, "resolved": false,
           "resolved_by": null, "noteable_type": "MergeRequest"})
}

fn user() -> Value {
    json!({"id": 77, "username": "mrwarden-bot", "name": "mrwarden", "state": "active", "bot": true,
           "web_url": "https://gitlab.example/mrwarden-bot", "avatar_url": null, "locked": false})
}

fn token_self(st: &State) -> Value {
    let scopes = if st.token_scopes.is_empty() {
        vec!["api".to_string()]
    } else {
        st.token_scopes.clone()
    };
    let expires = match st.token_expires_at.as_str() {
        "" => json!("2099-01-01"),
        "null" => Value::Null,
        d => json!(d),
    };
    json!({"id": 5, "name": "mrwarden", "revoked": false, "created_at": "2025-01-01T00:00:00.000Z",
           "scopes": scopes, "user_id": 77, "last_used_at": null, "active": true, "expires_at": expires})
}

/// Builds GitLab diff entries from `git diff` output (what GitLab stores for a version):
/// one entry per file, `diff` holding the hunk text from the first `@@` on.
pub fn entries_from_git_diff(text: &str) -> Vec<Value> {
    let mut out = Vec::new();
    for chunk in text.split("\ndiff --git ").filter(|c| !c.trim().is_empty()) {
        let chunk = chunk.strip_prefix("diff --git ").unwrap_or(chunk);
        let mut old_path = None;
        let mut new_path = None;
        let (mut new_file, mut deleted, mut renamed) = (false, false, false);
        let (mut a_mode, mut b_mode) = ("100644".to_string(), "100644".to_string());
        let mut hunk_start = None;
        let mut offset = 0;
        for line in chunk.split_inclusive('\n') {
            // git ends `---`/`+++` paths containing spaces with a tab.
            let l = line.trim_end_matches('\n').trim_end_matches('\t');
            if l.starts_with("@@") {
                hunk_start = Some(offset);
                break;
            }
            if let Some(m) = l.strip_prefix("new file mode ") {
                new_file = true;
                a_mode = "0".into();
                b_mode = m.into();
            } else if let Some(m) = l.strip_prefix("deleted file mode ") {
                deleted = true;
                a_mode = m.into();
                b_mode = "0".into();
            } else if let Some(p) = l.strip_prefix("rename from ") {
                renamed = true;
                old_path = Some(p.to_string());
            } else if let Some(p) = l.strip_prefix("rename to ") {
                new_path = Some(p.to_string());
            } else if let Some(p) = l.strip_prefix("--- a/") {
                old_path = Some(p.to_string());
            } else if let Some(p) = l.strip_prefix("+++ b/") {
                new_path = Some(p.to_string());
            }
            offset += line.len();
        }
        let old = old_path
            .clone()
            .or_else(|| new_path.clone())
            .unwrap_or_default();
        let new = new_path.or(old_path).unwrap_or_default();
        let diff = hunk_start.map_or(String::new(), |s| chunk[s..].to_string());
        out.push(json!({
            "old_path": old, "new_path": new, "a_mode": a_mode, "b_mode": b_mode,
            "diff": diff, "new_file": new_file, "renamed_file": renamed, "deleted_file": deleted,
            "generated_file": false, "collapsed": false, "too_large": false,
        }));
    }
    out
}

/// The added lines (new-file numbers) of one diff entry's hunk text.
pub fn added_lines(diff: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut new_line = 0u32;
    for l in diff.lines() {
        if let Some(h) = l.strip_prefix("@@ ") {
            let plus = h.split(' ').find(|p| p.starts_with('+')).unwrap_or("+0");
            new_line = plus[1..]
                .split(',')
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
        } else if l.starts_with('+') {
            out.push(new_line);
            new_line += 1;
        } else if l.starts_with('-') || l.starts_with('\\') {
        } else {
            new_line += 1;
        }
    }
    out
}

fn note(st: &mut State, body: &str, kind: Value, position: Value) -> Value {
    st.last_note_id += 1;
    json!({"id": st.last_note_id, "type": kind, "body": body, "author": user(), "system": false,
           "resolvable": !kind.is_null(), "resolved": false, "resolved_by": null,
           "position": position})
}

/// GitLab's checks on a diff position: the head must be a version's head, the paths
/// those of one file of that version's diff, and `new_line` an added line of it.
fn position_ok(st: &State, pos: &Value) -> bool {
    let head = pos.get("head_sha").and_then(Value::as_str).unwrap_or("");
    let path = pos.get("new_path").and_then(Value::as_str).unwrap_or("");
    let line = pos.get("new_line").and_then(Value::as_u64).unwrap_or(0);
    // GitLab finds the diff file by both paths: a rename needs its old path.
    let old_path = pos.get("old_path").and_then(Value::as_str);
    st.versions.iter().filter(|v| v.head == head).any(|v| {
        v.diffs.iter().any(|d| {
            d["new_path"].as_str() == Some(path)
                && d["old_path"].as_str() == old_path
                && added_lines(d["diff"].as_str().unwrap_or(""))
                    .contains(&u32::try_from(line).unwrap_or(0))
        })
    })
}

/// A number in 0..100 from the seeded generator (a linear congruential step, using
/// its well-mixed high bits).
fn roll(st: &mut State) -> u64 {
    st.rng = st
        .rng
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    (st.rng >> 33) % 100
}

/// [`write_route`] behind the write fault switches: a 429 or a 500 before anything is
/// applied, or a write applied whose answer a proxy then replaces with a 502.
fn faulty_write(
    st: &mut State,
    prefix: &str,
    method: &str,
    path: &str,
    query: &str,
    body: &str,
    token: Option<&str>,
) -> Response<Body> {
    let total = st.write_429_percent + st.write_5xx_percent + st.lost_write_percent;
    let r = if total > 0 { roll(st) } else { 100 };
    let (a, b) = (
        u64::from(st.write_429_percent),
        u64::from(st.write_429_percent + st.write_5xx_percent),
    );
    if r < a {
        return raw_rsp(
            429,
            "text/plain",
            "Retry later",
            &[
                ("retry-after", "0".into()),
                ("ratelimit-remaining", "0".into()),
            ],
        );
    }
    if r < b {
        return json_rsp(500, &json!({"message": "500 Internal Server Error"}), &[]);
    }
    let rsp = write_route(st, prefix, method, path, query, body, token);
    if r < u64::from(total) && rsp.status().is_success() {
        return raw_rsp(
            502,
            "text/html",
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
            &[],
        );
    }
    rsp
}

/// `POST`/`PUT`/`DELETE` on discussions and notes, kept in memory.
fn write_route(
    st: &mut State,
    prefix: &str,
    method: &str,
    path: &str,
    query: &str,
    body: &str,
    token: Option<&str>,
) -> Response<Body> {
    if token.is_none() || st.token.as_deref() != token {
        return json_rsp(401, &json!({"message": "401 Unauthorized"}), &[]);
    }
    if st.forbidden {
        return json_rsp(403, &json!({"message": "403 Forbidden"}), &[]);
    }
    let rest = path.strip_prefix(prefix).unwrap_or(path);
    let segs: Vec<&str> = rest.trim_matches('/').split('/').collect();
    let ok_mr = segs.len() >= 5
        && segs[0] == "projects"
        && segs[1] == st.project_id.to_string()
        && segs[2] == "merge_requests"
        && segs[3] == st.iid.to_string();
    if !ok_mr {
        return json_rsp(404, &json!({"message": "404 Not found"}), &[]);
    }
    let input: Value = serde_json::from_str(body).unwrap_or(Value::Null);
    let text = input
        .get("body")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    match (method, &segs[4..]) {
        ("POST", ["discussions"]) => {
            if st.fail_discussion_posts {
                return json_rsp(500, &json!({"message": "500 Internal Server Error"}), &[]);
            }
            let pos = input.get("position").cloned().unwrap_or(Value::Null);
            if !pos.is_null() && !position_ok(st, &pos) {
                return json_rsp(
                    400,
                    &json!({"message": "400 Bad request - Note {:line_code=>[\"can't be blank\", \"must be a valid line code\"]}"}),
                    &[],
                );
            }
            let kind = if pos.is_null() {
                Value::Null
            } else {
                json!("DiffNote")
            };
            let n = note(st, &text, kind, pos);
            let d = json!({"id": format!("{:040x}", n["id"].as_u64().unwrap_or(0)),
                           "individual_note": false, "notes": [n]});
            st.discussions.push(d.clone());
            json_rsp(201, &d, &[])
        }
        ("POST", ["discussions", id, "notes"]) => {
            let id = (*id).to_string();
            let n = note(st, &text, json!("DiffNote"), Value::Null);
            match st.discussions.iter_mut().find(|d| d["id"] == id.as_str()) {
                Some(d) => {
                    if let Some(a) = d["notes"].as_array_mut() {
                        a.push(n.clone());
                    }
                    json_rsp(201, &n, &[])
                }
                None => json_rsp(404, &json!({"message": "404 Not found"}), &[]),
            }
        }
        ("PUT", ["discussions", id]) => {
            let resolved = query.contains("resolved=true");
            match st.discussions.iter_mut().find(|d| d["id"] == *id) {
                Some(d) => {
                    for n in d["notes"].as_array_mut().into_iter().flatten() {
                        n["resolved"] = json!(resolved);
                        n["resolved_by"] = if resolved { user() } else { Value::Null };
                    }
                    json_rsp(200, d, &[])
                }
                None => json_rsp(404, &json!({"message": "404 Not found"}), &[]),
            }
        }
        ("POST", ["notes"]) => {
            let n = note(st, &text, Value::Null, Value::Null);
            let d = json!({"id": format!("{:040x}", n["id"].as_u64().unwrap_or(0)),
                           "individual_note": true, "notes": [n.clone()]});
            st.discussions.push(d);
            json_rsp(201, &n, &[])
        }
        ("PUT", ["notes", id]) => {
            for d in &mut st.discussions {
                for n in d["notes"].as_array_mut().into_iter().flatten() {
                    if n["id"].as_u64().map(|v| v.to_string()).as_deref() == Some(*id) {
                        n["body"] = json!(text);
                        return json_rsp(200, n, &[]);
                    }
                }
            }
            json_rsp(404, &json!({"message": "404 Not found"}), &[])
        }
        ("DELETE", ["notes", id]) => {
            for d in &mut st.discussions {
                if let Some(a) = d["notes"].as_array_mut() {
                    a.retain(|n| n["id"].as_u64().map(|v| v.to_string()).as_deref() != Some(*id));
                }
            }
            st.discussions
                .retain(|d| d["notes"].as_array().is_some_and(|a| !a.is_empty()));
            raw_rsp(204, "application/json", "", &[])
        }
        _ => json_rsp(404, &json!({"message": "404 Not found"}), &[]),
    }
}

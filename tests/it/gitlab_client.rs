//! The GitLab client and pager against the fake GitLab, through the library API.

use crate::support::fake_gitlab;

use std::time::Duration;

use fake_gitlab::{Fake, State, VersionData};
use gitlab::api::projects::merge_requests::MergeRequestDiffs;
use mrwarden::gitlab::model::DiffEntry;
use mrwarden::gitlab::{ApiFailure, Client, Gitlab, Limits, Settings, Token, diffs_per_page};
use serde_json::json;

const CANARY: &str = "glpat-CANARY1234567890abcd";

fn state(files: usize) -> State {
    let diffs = (0..files)
        .map(|i| {
            json!({"old_path": format!("f{i}.txt"), "new_path": format!("f{i}.txt"), "a_mode": "100644",
                   "b_mode": "100644", "diff": "@@ -1 +1 @@\n-a\n+b\n", "new_file": false,
                   "renamed_file": false, "deleted_file": false, "generated_file": false,
                   "collapsed": false, "too_large": false})
        })
        .collect();
    State {
        project_id: 42,
        iid: 7,
        token: Some(CANARY.into()),
        versions: vec![VersionData {
            id: 1,
            base: "a".repeat(40),
            start: "a".repeat(40),
            head: "b".repeat(40),
            diffs,
        }],
        ..State::default()
    }
}

fn api(fake: &Fake, limits: Limits) -> Gitlab {
    Gitlab::new(
        Client::new(Settings {
            api_url: fake.url.parse().expect("url"),
            token: Some(Token::parse(CANARY).expect("token")),
            extra_ca_pem: Vec::new(),
            proxy: None,
            no_proxy: None,
            limits,
        })
        .expect("client"),
    )
}

fn fast() -> Limits {
    Limits {
        base_backoff: Duration::from_millis(10),
        max_backoff: Duration::from_millis(50),
        ..Limits::default()
    }
}

fn diffs_endpoint() -> MergeRequestDiffs<'static> {
    MergeRequestDiffs::builder()
        .project(42)
        .merge_request(7)
        .build()
        .expect("endpoint")
}

fn block_on<T>(f: impl Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime")
        .block_on(f)
}

#[test]
fn pager_reads_past_short_pages() {
    let fake = Fake::start(
        "/api/v4",
        State {
            short_pages: true,
            ..state(7)
        },
    );
    let got: Vec<DiffEntry> =
        block_on(api(&fake, fast()).get_all(&diffs_endpoint(), 30)).expect("pages");
    assert_eq!(got.len(), 7);
    assert_eq!(fake.requests().len(), 5, "pages of 1,2,1,2,1");
}

#[test]
fn pager_follows_link_next_on_our_own_host() {
    let fake = Fake::start(
        "/gitlab/api/v4",
        State {
            short_pages: true,
            link_only: true,
            ..state(4)
        },
    );
    let got: Vec<DiffEntry> =
        block_on(api(&fake, fast()).get_all(&diffs_endpoint(), 30)).expect("pages");
    assert_eq!(got.len(), 4);
    assert!(
        fake.requests()
            .iter()
            .all(|r| r.path.starts_with("/projects/42"))
    );
}

#[test]
fn diffs_use_30_per_page_on_gitlab_before_17_11() {
    let fake = Fake::start(
        "/api/v4",
        State {
            old_diffs_page_limit: true,
            ..state(65)
        },
    );
    let gl = api(
        &fake,
        Limits {
            attempts: 1,
            ..fast()
        },
    );
    let got: Vec<DiffEntry> =
        block_on(gl.get_all(&diffs_endpoint(), diffs_per_page(Some((17, 5))))).expect("pages");
    assert_eq!(got.len(), 65);
    assert!(
        fake.requests()
            .iter()
            .all(|r| r.query.contains("per_page=30"))
    );
    // What a bigger page does there: HTTP 500.
    let err = block_on(gl.get_all::<DiffEntry>(&diffs_endpoint(), 100)).expect_err("500");
    assert!(
        matches!(err, ApiFailure::Status { status: 500, .. }),
        "{err}"
    );
}

#[test]
fn slow_response_times_out_and_is_retried() {
    let fake = Fake::start(
        "/api/v4",
        State {
            slow_first: 1,
            slow_ms: 1500,
            ..state(1)
        },
    );
    let limits = Limits {
        read: Duration::from_millis(300),
        request: Duration::from_millis(500),
        ..fast()
    };
    let got: Vec<DiffEntry> =
        block_on(api(&fake, limits).get_all(&diffs_endpoint(), 30)).expect("retried");
    assert_eq!(got.len(), 1);
}

#[test]
fn rate_limit_with_retry_after_is_honoured() {
    let fake = Fake::start(
        "/api/v4",
        State {
            rate_limit_first: 1,
            ..state(1)
        },
    );
    let start = std::time::Instant::now();
    let limits = Limits {
        max_backoff: Duration::from_secs(5),
        ..fast()
    };
    let got: Vec<DiffEntry> =
        block_on(api(&fake, limits).get_all(&diffs_endpoint(), 30)).expect("ok");
    assert_eq!(got.len(), 1);
    assert!(
        start.elapsed() >= Duration::from_millis(900),
        "waited Retry-After: 1"
    );
}

#[test]
fn retries_give_up_with_a_clear_status() {
    let fake = Fake::start(
        "/api/v4",
        State {
            fail_5xx_first: 10,
            ..state(1)
        },
    );
    let err = block_on(
        api(
            &fake,
            Limits {
                attempts: 3,
                ..fast()
            },
        )
        .get_all::<DiffEntry>(&diffs_endpoint(), 30),
    )
    .expect_err("gives up");
    assert!(
        matches!(err, ApiFailure::Status { status: 503, .. }),
        "{err}"
    );
    assert_eq!(fake.requests().len(), 3);
}

/// The crate's token-revoking and -rotating endpoints are never referenced from `src/`.
#[test]
fn no_token_revoking_endpoint_in_src() {
    fn walk(dir: &std::path::Path, hits: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).expect("dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(&p, hits);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).expect("read");
                for (i, line) in text.lines().enumerate() {
                    let l = line.to_ascii_lowercase();
                    let code = !l.trim_start().starts_with("//");
                    // The crate's endpoints (`RevokePersonalAccessToken[Self]`,
                    // `RotatePersonalAccessToken[Self]`, `RevokeProjectAccessToken`, …) and
                    // the modules they live in.
                    let banned = [
                        "revokepersonal",
                        "revokeproject",
                        "rotatepersonal",
                        "rotateproject",
                        "revoke_self",
                        "rotate_self",
                        "tokens::revoke",
                        "tokens::rotate",
                        "impersonation_tokens",
                        "personal_access_tokens::*",
                        "access_tokens::*",
                    ];
                    if code && banned.iter().any(|b| l.contains(b)) {
                        hits.push(format!("{}:{}: {line}", p.display(), i + 1));
                    }
                }
            }
        }
    }
    let mut hits = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut hits,
    );
    assert!(hits.is_empty(), "{hits:#?}");
}

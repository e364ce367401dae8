//! `mrwarden doctor` against the fake GitLab: one line per check, exit 0/1/3.

use crate::support::fake_gitlab;

use fake_gitlab::{Fake, State};

const CANARY: &str = "glpat-CANARY1234567890abcd";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn doctor(vars: &[(&str, String)]) -> Run {
    let home = tempfile::tempdir().expect("tempdir");
    let mut cmd = crate::support::mrwarden_bin();
    cmd.arg("doctor")
        .current_dir(home.path())
        .env("HOME", home.path())
        .env("RUST_LOG", "trace");
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("runs");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stdout.contains("CANARY") && !run.stderr.contains("CANARY"),
        "token leaked"
    );
    run
}

fn vars(url: &str, token: Option<&str>) -> Vec<(&'static str, String)> {
    let mut v = vec![
        ("CI_API_V4_URL", url.to_string()),
        ("CI_PROJECT_ID", "42".to_string()),
        ("CI_MERGE_REQUEST_PROJECT_ID", "42".to_string()),
        ("CI_MERGE_REQUEST_IID", "7".to_string()),
        ("CI_PIPELINE_SOURCE", "merge_request_event".to_string()),
        ("CI_MERGE_REQUEST_EVENT_TYPE", "detached".to_string()),
    ];
    if let Some(t) = token {
        v.push(("MRWARDEN_GITLAB_TOKEN", t.to_string()));
    }
    v
}

fn base() -> State {
    State {
        project_id: 42,
        iid: 7,
        token: Some(CANARY.into()),
        ..State::default()
    }
}

/// `YYYY-MM-DD` of today plus `days` (UTC).
fn date_in(days: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs();
    let z = i64::try_from(now / 86_400).expect("days") + days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[test]
fn doctor_all_good() {
    let fake = Fake::start("/gitlab/api/v4", base());
    let run = doctor(&vars(&fake.url, Some(CANARY)));
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    for line in [
        "ok    pipeline: merge-request pipeline for !7 (detached)",
        "ok    token: MRWARDEN_GITLAB_TOKEN is set",
        "ok    api reachable: GitLab 17.5.0-ee at 127.0.0.1",
        "ok    token valid: authenticated as @mrwarden-bot (id 77, bot account)",
        "ok    token scopes: api",
        "ok    token expiry: expires on 2099-01-01",
        "ok    project: group/proj (id 42)",
        "ok    role: Developer (30)",
        "ok    merge request: !7 is open",
    ] {
        assert!(
            run.stdout.contains(line),
            "missing {line:?} in\n{}",
            run.stdout
        );
    }
}

#[test]
fn doctor_warns_on_soon_expiry_surplus_scopes_and_maintainer() {
    let fake = Fake::start(
        "/api/v4",
        State {
            token_expires_at: date_in(3),
            token_scopes: vec!["api".into(), "write_repository".into()],
            access_level: 40,
            ..base()
        },
    );
    let run = doctor(&vars(&fake.url, Some(CANARY)));
    assert_eq!(run.code, 0, "warnings only: {}", run.stdout);
    assert!(
        run.stdout.contains("warn  token expiry: expires in 3 days"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("warn  token scopes: more than needed: write_repository"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("warn  role: access level 40"),
        "{}",
        run.stdout
    );
}

#[test]
fn doctor_reports_a_token_without_expiry_and_skips_self_on_older_gitlab() {
    let fake = Fake::start(
        "/api/v4",
        State {
            token_expires_at: "null".into(),
            ..base()
        },
    );
    let run = doctor(&vars(&fake.url, Some(CANARY)));
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("warn  token expiry: the token never expires"),
        "{}",
        run.stdout
    );
    let fake = Fake::start(
        "/api/v4",
        State {
            no_token_self: true,
            ..base()
        },
    );
    let run = doctor(&vars(&fake.url, Some(CANARY)));
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout.contains("info  token scopes: skipped"),
        "{}",
        run.stdout
    );
}

#[test]
fn doctor_fails_on_expired_token_missing_scope_and_no_token() {
    let fake = Fake::start(
        "/api/v4",
        State {
            expired_token: true,
            ..base()
        },
    );
    let run = doctor(&vars(&fake.url, Some(CANARY)));
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("FAIL  token valid: GitLab token invalid or expired"),
        "{}",
        run.stdout
    );

    let fake = Fake::start(
        "/api/v4",
        State {
            token_scopes: vec!["read_api".into()],
            ..base()
        },
    );
    let run = doctor(&vars(&fake.url, Some(CANARY)));
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("FAIL  token scopes: api missing (has: read_api)"),
        "{}",
        run.stdout
    );

    let run = doctor(&vars(&fake.url, None));
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("FAIL  token: MRWARDEN_GITLAB_TOKEN is not set; fix:"),
        "{}",
        run.stdout
    );

    let run = doctor(&vars(&fake.url, Some("glpat-bad token")));
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("FAIL  token: the token in MRWARDEN_GITLAB_TOKEN is malformed"),
        "{}",
        run.stdout
    );
}

#[test]
fn doctor_exit_3_when_the_api_is_unreachable() {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = l.local_addr().expect("addr").port();
    drop(l);
    let run = doctor(&vars(
        &format!("http://127.0.0.1:{port}/api/v4"),
        Some(CANARY),
    ));
    assert_eq!(run.code, 3, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("FAIL  api reachable: cannot reach GitLab at 127.0.0.1:"),
        "{}",
        run.stdout
    );
}

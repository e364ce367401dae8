//! Encoded credentials (HTTP Basic, Docker `auth`, Kubernetes Secret `data`) and
//! instance-specific GitLab token prefixes, through the real binary: what is found, and
//! that no decoded value reaches stdout, stderr or any report.

use crate::support::common::{Repo, Run};

/// Base64 (standard alphabet, padded), written here so the test does not trust the
/// decoder it checks.
fn b64(s: &str) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in s.as_bytes().chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(A[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A repository whose `mr` branch adds `files`; scanned against `main`.
fn scan_mr(files: &[(&str, &str)], extra: &[&str]) -> Run {
    let repo = Repo::new();
    repo.write("README.md", "app\n").commit("init");
    repo.branch("mr");
    for (rel, text) in files {
        repo.write(rel, text);
    }
    repo.commit("add settings");
    let mut args = vec!["--fail-on", "never"];
    args.extend_from_slice(extra);
    let run = repo.scan_json(&args);
    run.assert_no_panic();
    run
}

/// Every report file's text, with its name.
fn reports(run: &Run) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&run.out_dir).expect("reports written") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("report is text");
        out.push((path.display().to_string(), text));
    }
    assert!(out.len() >= 4, "{out:?}");
    out
}

#[test]
fn decoded_values_are_reported_by_kind_and_never_shown() {
    let pat = "glpat-Rv4mT9wQx2Lk7ZbN3pYd";
    let basic = "svc-release:Qm7vT2xK9wLp4Zr8";
    let docker = "robot-ci:Hd8zW3mQ6tV1nX4k";
    let k8s_password = "Pz4nR8wV2qT6mK9x";
    let nested = format!(
        r#"{{"auths":{{"registry.corp.internal":{{"auth":"{}"}}}}}}"#,
        b64(docker)
    );
    let client = format!(
        "headers = {{\"Authorization\": \"Basic {}\"}}\nother = {{\"Authorization\": \"Basic {}\"}}\nsafe = {{\"Authorization\": \"Basic {}\"}}\n",
        b64(basic),
        b64(&format!("oauth2:{pat}")),
        b64("user:password"),
    );
    let docker_config = format!(
        "{{\n  \"auths\": {{\n    \"registry.corp.internal\": {{\n      \"auth\": \"{}\"\n    }}\n  }}\n}}\n",
        b64(docker)
    );
    let manifest = format!(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  DB_PASSWORD: {}\n  DB_USER: {}\n  .dockerconfigjson: {}\n  PLACEHOLDER: {}\n",
        b64(k8s_password),
        b64("app_user"),
        b64(&nested),
        b64("changeme"),
    );
    let run = scan_mr(
        &[
            ("src/client.py", &client),
            (".docker/config.json", &docker_config),
            ("deploy/secret.yaml", &manifest),
        ],
        &[],
    );
    run.expect_code(0);
    let found = run.locations();
    let count = |rule: &str| found.iter().filter(|(r, _, _)| r == rule).count();
    assert_eq!(count("http-basic-auth"), 2, "{found:?}");
    assert_eq!(count("docker-config-auth"), 1, "{found:?}");
    assert_eq!(count("k8s-secret-data"), 2, "{found:?}");
    assert_eq!(found.len(), 5, "{found:?}");
    // The decoded kind is named: the PAT inside a Basic value, the Docker auth inside
    // the Secret's .dockerconfigjson.
    let secret_report =
        std::fs::read_to_string(run.out_dir.join("gl-secret-detection-report.json"))
            .expect("secret report");
    assert!(secret_report.contains("(gitlab-pat)"), "{secret_report}");
    assert!(
        secret_report.contains("(docker-config-auth)"),
        "{secret_report}"
    );

    let mut outputs = reports(&run);
    outputs.push(("stdout".into(), run.stdout.clone()));
    outputs.push(("stderr".into(), run.stderr.clone()));
    let decoded: Vec<String> = [basic, docker, k8s_password, pat, &nested]
        .iter()
        .flat_map(|v| {
            let password = v.split_once(':').map_or(*v, |(_, p)| p);
            [(*v).to_string(), password.to_string()]
        })
        .collect();
    for (name, text) in &outputs {
        for value in &decoded {
            assert!(
                !text.contains(value.as_str()),
                "{name} shows a decoded value"
            );
        }
        // Nor the encoded values: they are the credential too.
        for value in [basic, docker, k8s_password] {
            assert!(!text.contains(&b64(value)), "{name} shows an encoded value");
        }
    }
}

#[test]
fn configured_gitlab_prefixes_reach_every_token_rule() {
    let env = "PAT=corptokQ8vX2mT7wK4zL9pR3nB6\nDEPLOY=acme-gldt-Wz5kM8tQ2vX7nL4pR9bY\nRUNNER=acme-rt-Jd3nV8wQ5tZ2mK7xL4pB\n";
    let plain = scan_mr(&[("settings.env", env)], &[]);
    let rules: Vec<String> = plain.findings().into_iter().map(|f| f.rule).collect();
    assert_eq!(
        rules,
        ["gitlab-deploy-token"],
        "only the glgt- form without config"
    );

    let config = "secrets:\n  gitlab_token_prefixes: [corptok, acme]\n";
    let run = scan_mr(&[("settings.env", env), (".mrwarden.yml", config)], &[]);
    run.expect_code(0);
    let found = run.findings();
    let rules: Vec<&str> = found.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(
        rules,
        ["gitlab-pat", "gitlab-deploy-token", "gitlab-runner-token"],
        "{found:?}"
    );
    assert!(
        !run.stdout.contains("Q8vX2mT7wK4zL9pR3nB6"),
        "{}",
        run.stdout
    );

    let bad = scan_mr(
        &[(
            ".mrwarden.yml",
            "secrets:\n  gitlab_token_prefixes: [\"a(\"]\n",
        )],
        &[],
    );
    assert_ne!(bad.code, 0);
    assert!(
        bad.stderr.contains("gitlab_token_prefixes"),
        "{}",
        bad.stderr
    );
}

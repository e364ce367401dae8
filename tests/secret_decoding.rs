//! Encoded credentials (HTTP Basic, Docker `auth`, Kubernetes Secret `data`) and
//! instance-specific GitLab token prefixes, through the real binary: what is found, and
//! that no decoded value reaches stdout, stderr or any report.

use std::path::Path;
use std::process::Command;

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

fn scan(dir: &Path, extra: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_mrwarden"))
        .current_dir(dir)
        .args([
            "scan",
            "--all",
            "src",
            "--output-dir",
            "out",
            "--fail-on",
            "never",
        ])
        .args(extra)
        .env("NO_COLOR", "1")
        .output()
        .expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

/// Every report file's text, with its name.
fn reports(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir.join("out")).expect("reports written") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("report is text");
        out.push((path.display().to_string(), text));
    }
    assert!(out.len() >= 4, "{out:?}");
    out
}

#[test]
fn decoded_values_are_reported_by_kind_and_never_shown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pat = "glpat-Rv4mT9wQx2Lk7ZbN3pYd";
    let basic = "svc-release:Qm7vT2xK9wLp4Zr8";
    let docker = "robot-ci:Hd8zW3mQ6tV1nX4k";
    let k8s_password = "Pz4nR8wV2qT6mK9x";
    let nested = format!(
        r#"{{"auths":{{"registry.corp.internal":{{"auth":"{}"}}}}}}"#,
        b64(docker)
    );
    write(
        dir.path(),
        "src/client.py",
        &format!(
            "headers = {{\"Authorization\": \"Basic {}\"}}\nother = {{\"Authorization\": \"Basic {}\"}}\nsafe = {{\"Authorization\": \"Basic {}\"}}\n",
            b64(basic),
            b64(&format!("oauth2:{pat}")),
            b64("user:password"),
        ),
    );
    write(
        dir.path(),
        "src/.docker/config.json",
        &format!(
            "{{\n  \"auths\": {{\n    \"registry.corp.internal\": {{\n      \"auth\": \"{}\"\n    }}\n  }}\n}}\n",
            b64(docker)
        ),
    );
    write(
        dir.path(),
        "src/deploy/secret.yaml",
        &format!(
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  DB_PASSWORD: {}\n  DB_USER: {}\n  .dockerconfigjson: {}\n  PLACEHOLDER: {}\n",
            b64(k8s_password),
            b64("app_user"),
            b64(&nested),
            b64("changeme"),
        ),
    );
    let (code, stdout, stderr) = scan(dir.path(), &[]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");

    let secret_report =
        std::fs::read_to_string(dir.path().join("out/gl-secret-detection-report.json"))
            .expect("secret report");
    let report: serde_json::Value = serde_json::from_str(&secret_report).expect("json");
    let vulns = report["vulnerabilities"]
        .as_array()
        .expect("vulnerabilities");
    let found: Vec<(String, String)> = vulns
        .iter()
        .map(|v| {
            (
                v["identifiers"][0]["value"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                v["location"]["file"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .collect();
    let count = |rule: &str| found.iter().filter(|(r, _)| r == rule).count();
    assert_eq!(count("http-basic-auth"), 2, "{found:?}");
    assert_eq!(count("docker-config-auth"), 1, "{found:?}");
    assert_eq!(count("k8s-secret-data"), 2, "{found:?}");
    assert_eq!(vulns.len(), 5, "{found:?}");
    // The decoded kind is named: the PAT inside the Basic value, the Docker auth inside
    // the Secret's .dockerconfigjson.
    assert!(secret_report.contains("(gitlab-pat)"), "{secret_report}");
    assert!(
        secret_report.contains("(docker-config-auth)"),
        "{secret_report}"
    );

    let mut outputs = reports(dir.path());
    outputs.push(("stdout".into(), stdout));
    outputs.push(("stderr".into(), stderr));
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
        // Nor the encoded ones: they are the credential too.
        for value in [basic, docker, k8s_password] {
            assert!(!text.contains(&b64(value)), "{name} shows an encoded value");
        }
    }
}

#[test]
fn configured_gitlab_prefixes_reach_every_token_rule() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "src/settings.env",
        "PAT=corptokQ8vX2mT7wK4zL9pR3nB6\nDEPLOY=acme-gldt-Wz5kM8tQ2vX7nL4pR9bY\nRUNNER=acme-rt-Jd3nV8wQ5tZ2mK7xL4pB\n",
    );
    let (_, plain, _) = scan(dir.path(), &[]);
    assert!(!plain.contains("[gitlab-pat]"), "{plain}");
    assert!(!plain.contains("[gitlab-runner-token]"), "{plain}");

    write(
        dir.path(),
        "c.yml",
        "secrets:\n  gitlab_token_prefixes: [corptok, acme]\n",
    );
    let (code, out, err) = scan(dir.path(), &["--config", "c.yml"]);
    assert_eq!(code, 0, "{out}\n{err}");
    for rule in ["gitlab-pat", "gitlab-deploy-token", "gitlab-runner-token"] {
        assert!(out.contains(&format!("[{rule}]")), "{rule} missing:\n{out}");
    }
    assert!(!out.contains("Q8vX2mT7wK4zL9pR3nB6"), "{out}");

    write(
        dir.path(),
        "bad.yml",
        "secrets:\n  gitlab_token_prefixes: [\"a(\"]\n",
    );
    let (code, _, err) = scan(dir.path(), &["--config", "bad.yml"]);
    assert_ne!(code, 0);
    assert!(err.contains("gitlab_token_prefixes"), "{err}");
}

//! The CI/CD component, the project's own pipeline and every CI example in the docs
//! validate against GitLab's CI schema (vendored in `schemas/gitlab-ci.json`), and the
//! component keeps its promises: typed and documented inputs that README.md and
//! docs/configuration.md list the same way, no `latest`, no `cache:unprotect`, and
//! `allow_failure` that only ever lets exit code 3 through.
#![allow(clippy::unwrap_used, clippy::print_stderr)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use clap::Parser as _;
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

const TEMPLATE: &str = "templates/security-review.yml";
const SCHEMA_SHA256: &str = "68fe6fb2b2db887afc71ed369ee0b4099546e2e813128871beac87983b9cbc02";
/// Keywords that configure the whole pipeline; a component must not set them.
const GLOBAL_KEYWORDS: &[&str] = &[
    "default",
    "workflow",
    "variables",
    "stages",
    "include",
    "image",
    "services",
    "cache",
    "before_script",
    "after_script",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
}

fn yaml(text: &str, what: &str) -> Value {
    serde_saphyr::from_str::<Value>(text).unwrap_or_else(|e| panic!("{what}: not YAML: {e}"))
}

fn validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let schema: Value = serde_json::from_str(&read("schemas/gitlab-ci.json")).unwrap();
        jsonschema::validator_for(&schema).expect("the CI schema compiles")
    })
}

fn schema_errors(doc: &Value) -> Vec<String> {
    validator()
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn assert_valid(doc: &Value, what: &str) {
    let errors = schema_errors(doc);
    assert!(
        errors.is_empty(),
        "{what} does not validate against schemas/gitlab-ci.json:\n{}",
        errors.join("\n")
    );
}

/// The template's two documents: the `spec:` header and the jobs, split at the first
/// line that is exactly `---` (GitLab's own rule).
fn template_parts() -> (String, String) {
    let text = read(TEMPLATE);
    let mut header = String::new();
    let mut body = String::new();
    let mut seen = false;
    for line in text.split_inclusive('\n') {
        if !seen && line.trim_end() == "---" {
            seen = true;
        } else if seen {
            body.push_str(line);
        } else {
            header.push_str(line);
        }
    }
    assert!(seen, "{TEMPLATE} has no `---` line between spec and jobs");
    (header, body)
}

fn inputs() -> Map<String, Value> {
    let (header, _) = template_parts();
    let spec = yaml(&header, "spec header");
    spec["spec"]["inputs"]
        .as_object()
        .expect("spec.inputs is a mapping")
        .clone()
}

fn interpolation() -> regex::Regex {
    regex::Regex::new(r"\$\[\[\s*inputs\.([A-Za-z0-9_]+)\s*\]\]").unwrap()
}

/// The jobs document with `values` filled in for `$[[ inputs.x ]]`.
fn render(values: &BTreeMap<String, String>) -> Value {
    let (_, body) = template_parts();
    let text = interpolation().replace_all(&body, |c: &regex::Captures<'_>| {
        values
            .get(&c[1])
            .unwrap_or_else(|| panic!("the template uses undeclared input {}", &c[1]))
            .clone()
    });
    yaml(&text, "template jobs (rendered)")
}

fn default_values() -> BTreeMap<String, String> {
    inputs()
        .iter()
        .map(|(name, spec)| {
            let value = match &spec["default"] {
                Value::String(s) => s.clone(),
                Value::Null => panic!("input {name} has no default"),
                other => other.to_string(),
            };
            (name.clone(), value)
        })
        .collect()
}

/// Every combination of the inputs that pick a variant through `extends`.
fn variants() -> Vec<BTreeMap<String, String>> {
    let mut out = Vec::new();
    for pipeline in ["merge_request", "branch"] {
        for soft in ["false", "true"] {
            for scan_all in ["false", "true"] {
                for git in ["empty", "none"] {
                    for single in ["false", "true"] {
                        for security in ["gitlab", "sarif"] {
                            let mut v = default_values();
                            v.insert("pipeline".into(), pipeline.into());
                            v.insert("allow_failure_on_error".into(), soft.into());
                            v.insert("scan_all".into(), scan_all.into());
                            v.insert("git_strategy".into(), git.into());
                            v.insert("single_job".into(), single.into());
                            v.insert("security_reports".into(), security.into());
                            out.push(v);
                        }
                    }
                }
            }
        }
    }
    out
}

/// GitLab's `extends`: hashes merge deeply, everything else (arrays too) is replaced;
/// later entries win, the job's own keys win over all.
fn deep_merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) if slot.is_object() && v.is_object() => deep_merge(slot, v),
                    _ => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

/// The visible jobs with `extends` resolved, as GitLab would see them.
fn resolved_jobs(doc: &Value) -> Map<String, Value> {
    let all = doc.as_object().expect("jobs document is a mapping");
    let mut out = Map::new();
    for (name, job) in all.iter().filter(|(k, _)| !k.starts_with('.')) {
        let mut merged = json!({});
        let extends = match &job["extends"] {
            Value::String(s) => vec![s.clone()],
            Value::Array(a) => a.iter().map(|v| v.as_str().unwrap().to_owned()).collect(),
            _ => Vec::new(),
        };
        for parent in &extends {
            let hidden = all
                .get(parent)
                .unwrap_or_else(|| panic!("job {name} extends {parent}, which the template lacks"));
            deep_merge(&mut merged, hidden);
        }
        let mut own = job.clone();
        own.as_object_mut().unwrap().remove("extends");
        deep_merge(&mut merged, &own);
        out.insert(name.clone(), merged);
    }
    out
}

#[test]
fn vendored_schema_is_the_documented_copy() {
    let bytes = std::fs::read(root().join("schemas/gitlab-ci.json")).unwrap();
    let hash = Sha256::digest(&bytes)
        .iter()
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        });
    assert_eq!(hash, SCHEMA_SHA256, "schemas/gitlab-ci.json changed");
    assert!(read("schemas/README.md").contains(SCHEMA_SHA256));
}

#[test]
fn schema_rejects_what_it_should() {
    // Guards against a validator that accepts everything.
    let bad = yaml("job:\n  script: 5\n  scriptt: x\n", "bad");
    assert!(!schema_errors(&bad).is_empty());
    let untyped = yaml("spec:\n  inputs:\n    stage: {default: test}\n", "untyped");
    assert!(
        !schema_errors(&untyped).is_empty(),
        "the vendored schema's quirk: defaults need `type:`"
    );
}

#[test]
fn template_header_validates_and_every_input_is_typed_and_described() {
    let (header, _) = template_parts();
    let spec = yaml(&header, "spec header");
    assert_valid(&spec, "the component's spec header");
    let inputs = inputs();
    for required in [
        "stage",
        "image",
        "fail_on",
        "comments",
        "max_inline",
        "token_variable",
        "pipeline",
        "allow_failure_on_error",
        "scan_all",
        "single_job",
        "security_reports",
        "job_prefix",
    ] {
        assert!(inputs.contains_key(required), "input {required} missing");
    }
    let snake = regex::Regex::new(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$").unwrap();
    for (name, spec) in &inputs {
        assert!(snake.is_match(name), "input {name} is not snake_case");
        let ty = spec["type"]
            .as_str()
            .unwrap_or_else(|| panic!("input {name}: no type"));
        assert!(
            matches!(ty, "string" | "number" | "boolean" | "array"),
            "input {name}: type {ty}"
        );
        assert!(
            spec["description"].as_str().is_some_and(|d| d.len() > 10),
            "input {name}: no description"
        );
        assert!(!spec["default"].is_null(), "input {name}: no default");
        if let Some(options) = spec["options"].as_array() {
            assert!(
                options.contains(&spec["default"]),
                "input {name}: default not in options"
            );
        }
    }
    assert_eq!(inputs["pipeline"]["default"], "merge_request");
    assert_eq!(inputs["allow_failure_on_error"]["default"], false);
    assert_eq!(inputs["scan_all"]["default"], false);
    assert_eq!(inputs["token_variable"]["default"], "MRWARDEN_GITLAB_TOKEN");
    // Inputs that map to keys of the target branch's configuration default to empty,
    // so that file decides unless an input is set (DESIGN.md, Configuration and trust).
    for name in ["fail_on", "comments", "max_inline"] {
        assert_eq!(inputs[name]["default"], "", "{name} defaults to empty");
        assert_eq!(
            inputs[name]["type"], "string",
            "{name}: string, so it can be empty"
        );
    }
    assert_eq!(inputs["job_prefix"]["default"], "mrwarden");
    assert_eq!(inputs["single_job"]["default"], false);
    assert_eq!(inputs["security_reports"]["default"], "gitlab");
}

#[test]
fn default_image_is_this_release_by_exact_version() {
    let image = inputs()["image"]["default"].as_str().unwrap().to_owned();
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        image.ends_with(&format!("/mrwarden:{version}")),
        "default image {image} must be mrwarden:{version}"
    );
}

#[test]
fn every_input_is_used_and_every_use_is_declared() {
    let (_, body) = template_parts();
    let used: BTreeSet<String> = interpolation()
        .captures_iter(&body)
        .map(|c| c[1].to_owned())
        .collect();
    let declared: BTreeSet<String> = inputs().keys().cloned().collect();
    assert_eq!(used, declared);
}

/// The vendored schema predates `artifacts:reports:sarif` (GitLab 18.11, behind a
/// flag): the sarif variant is checked without that one key, and it must be the only
/// report the variant adds.
fn without_sarif_report(mut jobs: Map<String, Value>) -> Map<String, Value> {
    for job in jobs.values_mut() {
        if let Some(reports) = job
            .pointer_mut("/artifacts/reports")
            .and_then(Value::as_object_mut)
            && let Some(sarif) = reports.remove("sarif")
        {
            assert_eq!(sarif, json!("mrwarden-out/mrwarden.sarif"));
        }
    }
    jobs
}

#[test]
fn template_jobs_validate_in_every_variant() {
    for values in variants() {
        let doc = render(&values);
        assert_valid(&doc, &format!("template jobs with {values:?}"));
        let resolved = Value::Object(without_sarif_report(resolved_jobs(&doc)));
        assert_valid(
            &resolved,
            &format!("template jobs, extends resolved, {values:?}"),
        );
    }
}

#[test]
fn inputs_reaching_the_shell_are_constrained() {
    // An input interpolated into `script` is pasted into a shell command before the job
    // runs: it must be an enum, a number, a boolean or match a strict regex.
    let (_, body) = template_parts();
    let doc = yaml(&body, "template jobs (raw)");
    let inputs = inputs();
    for (job, def) in doc.as_object().unwrap() {
        // Job variables reach the shell too (the script expands them).
        let script = format!("{} {}", def["script"], def["variables"]);
        for c in interpolation().captures_iter(&script) {
            let spec = &inputs[&c[1]];
            let constrained = spec["options"].is_array()
                || spec["regex"].is_string()
                || matches!(spec["type"].as_str(), Some("number" | "boolean"));
            assert!(
                constrained,
                "{job}: input {} reaches the shell unconstrained",
                &c[1]
            );
        }
    }
}

#[test]
fn template_sets_no_global_keywords() {
    let doc = render(&default_values());
    for key in doc.as_object().unwrap().keys() {
        assert!(
            !GLOBAL_KEYWORDS.contains(&key.as_str()),
            "global keyword {key}"
        );
        assert!(
            key.starts_with("mrwarden-") || key.starts_with(".mrwarden-"),
            "job {key} is not namespaced"
        );
    }
}

#[test]
fn template_never_uses_latest_or_unprotected_caches() {
    let text = read(TEMPLATE).to_lowercase();
    assert!(!text.contains(":latest"), "`:latest` in the template");
    assert!(!text.contains("~latest"), "`~latest` in the template");
    assert!(
        !text.contains("unprotect"),
        "cache:unprotect in the template"
    );
    assert!(
        !text.contains("cache:"),
        "the template must not cache anything"
    );
}

fn allow_failure_values(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                if k == "allow_failure" {
                    out.push(child.clone());
                }
                allow_failure_values(child, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|c| allow_failure_values(c, out)),
        _ => {}
    }
}

#[test]
fn allow_failure_only_ever_allows_exit_code_3() {
    for values in variants() {
        let doc = render(&values);
        let mut found = Vec::new();
        allow_failure_values(&doc, &mut found);
        for v in &found {
            assert!(
                *v == json!(false)
                    || *v == json!({"exit_codes": [3]})
                    || *v == json!({"exit_codes": 3}),
                "allow_failure {v} allows more than exit code 3"
            );
        }
        let soft = values["allow_failure_on_error"] == "true";
        for (name, job) in resolved_jobs(&doc) {
            let effective = job.get("allow_failure").cloned().unwrap_or(json!(false));
            let want = if soft {
                json!({"exit_codes": [3]})
            } else {
                json!(false)
            };
            assert_eq!(effective, want, "{name} with {values:?}");
            for rule in job["rules"].as_array().into_iter().flatten() {
                assert!(
                    rule.get("allow_failure").is_none(),
                    "{name}: allow_failure in rules"
                );
            }
        }
    }
}

#[test]
fn review_job_has_the_contracted_shape() {
    for values in variants() {
        let jobs = resolved_jobs(&render(&values));
        let job = &jobs["mrwarden-review"];
        assert_eq!(job["image"]["entrypoint"], json!([""]));
        assert_eq!(job["image"]["name"], json!(values["image"]));
        assert_eq!(job["interruptible"], json!(true));
        assert_eq!(job["needs"], json!([]));
        assert_eq!(
            job["variables"]["GIT_STRATEGY"],
            json!(values["git_strategy"])
        );
        let group = job["resource_group"].as_str().unwrap();
        assert!(
            group.contains("$CI_MERGE_REQUEST_IID"),
            "resource_group per MR: {group}"
        );
        assert_eq!(job["artifacts"]["when"], "always");
        let reports = &job["artifacts"]["reports"];
        let mut expected = vec![
            ("codequality", "gl-code-quality-report.json"),
            ("junit", "mrwarden-junit.xml"),
        ];
        if values["security_reports"] == "sarif" {
            expected.push(("sarif", "mrwarden.sarif"));
        } else {
            expected.push(("sast", "gl-sast-report.json"));
            expected.push(("secret_detection", "gl-secret-detection-report.json"));
        }
        let keys: BTreeSet<&str> = reports
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            expected.iter().map(|(k, _)| *k).collect::<BTreeSet<_>>(),
            "report keys with {values:?}: sarif only when chosen, never with sast"
        );
        for (kind, file) in expected {
            assert_eq!(
                reports[kind],
                json!(format!("mrwarden-out/{file}")),
                "{kind}"
            );
        }
        let paths = job["artifacts"]["paths"].to_string();
        assert!(paths.contains("mrwarden-out/mrwarden.sarif"));
        assert!(paths.contains("mrwarden-out/mrwarden-summary.md"));
        assert!(paths.contains("mrwarden-out/mrwarden-verdict.json"));
        let script = job["script"].to_string();
        assert!(
            script.contains("rm -rf mrwarden-out"),
            "fresh output directory"
        );
        assert!(script.contains("mkdir -m 755 mrwarden-out"), "{script}");
        assert!(script.contains("mrwarden review"));
        assert!(script.contains("--exit-zero"), "the reporting job succeeds");
        assert!(script.contains(&format!(
            "--token-variable \\\"{}\\\"",
            values["token_variable"]
        )));
        assert!(script.contains(&format!("--pipeline \\\"{}\\\"", values["pipeline"])));
        let rules = job["rules"].to_string();
        assert!(
            rules.contains("$CI_DEFAULT_BRANCH"),
            "base reports on the default branch"
        );
        if values["pipeline"] == "branch" {
            assert!(rules.contains("$CI_OPEN_MERGE_REQUESTS"));
        } else {
            assert!(rules.contains("merge_request_event"));
            assert!(!rules.contains("when\":\"never"));
        }
        let scan_all = &jobs["mrwarden-scan-all"];
        let never = scan_all["rules"] == json!([{"when": "never"}]);
        assert_eq!(
            never,
            values["scan_all"] == "false",
            "scan_all job with {values:?}"
        );
        assert!(
            scan_all["script"]
                .to_string()
                .contains("mrwarden scan --all")
        );
        assert!(
            scan_all["artifacts"]["reports"].is_null(),
            "scan_all: plain artifacts only"
        );
    }
}

#[test]
fn gate_job_needs_the_review_job_and_reads_its_verdict() {
    for values in variants() {
        let jobs = resolved_jobs(&render(&values));
        let review = &jobs["mrwarden-review"];
        let gate = &jobs["mrwarden-gate"];
        let gate_script = gate["script"].to_string();
        assert!(
            gate_script.contains("mrwarden gate --verdict mrwarden-out/mrwarden-verdict.json"),
            "{gate_script}"
        );
        assert!(gate["artifacts"].is_null(), "the gate job uploads nothing");
        assert!(
            gate["variables"]["GIT_STRATEGY"] == json!(values["git_strategy"]),
            "the gate job needs no checkout"
        );
        let review_gates_itself = review["script"]
            .to_string()
            .contains("mrwarden gate --verdict mrwarden-out/mrwarden-verdict.json");
        assert!(review_gates_itself, "single-job mode is in the script");
        if values["single_job"] == "true" {
            assert_eq!(gate["rules"], json!([{"when": "never"}]), "{values:?}");
        } else {
            assert_eq!(
                gate["needs"],
                json!([{"job": "mrwarden-review", "artifacts": true}])
            );
            // The gate runs exactly when the review job does (a `needs:` on a job the
            // rules left out breaks pipeline creation).
            assert_eq!(gate["rules"], review["rules"], "{values:?}");
        }
    }
}

/// The review job's command lines, expanded by a real POSIX shell with the job's
/// variables, each as the argument vector `mrwarden` would receive.
fn expanded_commands(job: &Value) -> Vec<Vec<String>> {
    let mut script = String::from(
        "mrwarden() { printf 'CALL\\n'; for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }\nmkdir() { :; }\nrm() { :; }\n",
    );
    for line in job["script"].as_array().unwrap() {
        script.push_str(line.as_str().unwrap());
        script.push('\n');
    }
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-ec")
        .arg(&script)
        .env_clear()
        .env("PATH", "/usr/bin:/bin");
    for (k, v) in job["variables"].as_object().unwrap() {
        cmd.env(k, v.as_str().unwrap());
    }
    let out = cmd.output().expect("sh runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut calls: Vec<Vec<String>> = Vec::new();
    for line in text.lines() {
        if line == "CALL" {
            calls.push(vec!["mrwarden".into()]);
        } else {
            calls.last_mut().unwrap().push(line.to_owned());
        }
    }
    calls
}

fn review_argv(values: &BTreeMap<String, String>) -> Vec<String> {
    let jobs = resolved_jobs(&render(values));
    expanded_commands(&jobs[&format!("{}-review", values["job_prefix"])])
        .into_iter()
        .find(|c| c.get(1).is_some_and(|a| a == "review"))
        .expect("the review job runs mrwarden review")
}

#[test]
fn empty_inputs_pass_no_flag_so_the_target_branch_config_decides() {
    let argv = review_argv(&default_values());
    for flag in ["--fail-on", "--comments", "--max-inline"] {
        assert!(!argv.iter().any(|a| a == flag), "{flag} in {argv:?}");
    }
    // The rendered command line is one clap accepts, and the configuration's own
    // `fail_on: critical` (looser than the old input default `high`) takes effect.
    let cli = mrwarden::cli::Cli::try_parse_from(&argv).expect("the rendered command parses");
    let mrwarden::cli::Command::Review(parsed) = cli.command else {
        panic!("not review")
    };
    assert!(parsed.exit_zero);
    let ctx = mrwarden::context::ReviewContext::for_review(&parsed, &|_: &str| None).unwrap();
    assert_eq!(ctx.fail_on, None);
    let config = mrwarden::config::Config {
        fail_on: Some("critical".parse().unwrap()),
        ..mrwarden::config::Config::default()
    };
    let (threshold, warning) = mrwarden::policy::threshold(&config, ctx.fail_on);
    assert_eq!(threshold.to_string(), "critical");
    assert!(warning.is_none());

    // A set input is passed, quoted, and is stricter-only.
    let mut values = default_values();
    values.insert("fail_on".into(), "medium".into());
    values.insert("comments".into(), "off".into());
    values.insert("max_inline".into(), "7".into());
    let argv = review_argv(&values);
    let joined = argv.join(" ");
    assert!(joined.contains("--fail-on medium"), "{joined}");
    assert!(joined.contains("--comments off"), "{joined}");
    assert!(joined.contains("--max-inline 7"), "{joined}");
    let cli = mrwarden::cli::Cli::try_parse_from(&argv).expect("parses");
    let mrwarden::cli::Command::Review(parsed) = cli.command else {
        panic!("not review")
    };
    let ctx = mrwarden::context::ReviewContext::for_review(&parsed, &|_: &str| None).unwrap();
    assert_eq!(
        mrwarden::policy::threshold(&config, ctx.fail_on)
            .0
            .to_string(),
        "medium"
    );
}

#[test]
fn scan_all_passes_fail_on_only_when_set() {
    let mut values = default_values();
    values.insert("scan_all".into(), "true".into());
    let jobs = resolved_jobs(&render(&values));
    let argv = expanded_commands(&jobs["mrwarden-scan-all"]);
    let scan = argv.iter().find(|c| c[1] == "scan").unwrap();
    assert!(!scan.contains(&"--fail-on".to_owned()), "{scan:?}");
    values.insert("fail_on".into(), "low".into());
    let jobs = resolved_jobs(&render(&values));
    let argv = expanded_commands(&jobs["mrwarden-scan-all"]);
    let scan = argv.iter().find(|c| c[1] == "scan").unwrap();
    assert!(scan.join(" ").contains("--fail-on low"), "{scan:?}");
}

#[test]
fn single_job_mode_gates_in_the_review_job() {
    let mut values = default_values();
    let calls = expanded_commands(&resolved_jobs(&render(&values))["mrwarden-review"]);
    assert!(!calls.iter().any(|c| c[1] == "gate"), "{calls:?}");
    values.insert("single_job".into(), "true".into());
    let calls = expanded_commands(&resolved_jobs(&render(&values))["mrwarden-review"]);
    let gate = calls.iter().find(|c| c[1] == "gate").expect("gate call");
    assert_eq!(
        gate[2..],
        ["--verdict", "mrwarden-out/mrwarden-verdict.json"]
    );
}

#[test]
fn job_prefix_names_every_job_and_two_includes_coexist() {
    let mut a = default_values();
    a.insert("job_prefix".into(), "sec-app".into());
    let mut b = default_values();
    b.insert("job_prefix".into(), "sec-infra".into());
    let (doc_a, doc_b) = (render(&a), render(&b));
    let names_a: BTreeSet<String> = doc_a.as_object().unwrap().keys().cloned().collect();
    let names_b: BTreeSet<String> = doc_b.as_object().unwrap().keys().cloned().collect();
    assert!(names_a.is_disjoint(&names_b), "{names_a:?} / {names_b:?}");
    for name in &names_a {
        assert!(
            name.starts_with("sec-app-") || name.starts_with(".sec-app-"),
            "{name}"
        );
    }
    // Both includes in one pipeline: the union is still valid CI configuration.
    let mut both = doc_a.as_object().unwrap().clone();
    both.extend(doc_b.as_object().unwrap().clone());
    let both = Value::Object(both);
    assert_valid(&both, "two includes");
    let jobs = resolved_jobs(&both);
    assert_eq!(
        jobs["sec-app-gate"]["needs"],
        json!([{"job": "sec-app-review", "artifacts": true}])
    );
    // Each instance tells mrwarden who it is: its summary note is its own.
    let argv = review_argv(&a);
    assert!(argv.join(" ").contains("--instance sec-app"), "{argv:?}");
    assert_ne!(
        jobs["sec-app-review"]["resource_group"],
        jobs["sec-infra-review"]["resource_group"]
    );
}

#[test]
fn project_pipeline_validates_and_reviews_itself() {
    let text = read(".gitlab-ci.yml");
    let doc = yaml(&text, ".gitlab-ci.yml");
    assert_valid(&doc, ".gitlab-ci.yml");
    assert!(
        text.contains("security-review@$CI_COMMIT_SHA"),
        "runs its own component"
    );
    assert!(
        text.contains("aud: sigstore"),
        "cosign keyless needs a sigstore id token"
    );
    assert!(text.contains("cosign sign"));
    assert!(!text.contains(":latest"));
    assert!(
        doc["release"]["release"]["tag_name"].is_string(),
        "release: keyword"
    );
}

#[test]
fn pre_commit_hook_scans_staged_changes() {
    let hooks = yaml(&read(".pre-commit-hooks.yaml"), ".pre-commit-hooks.yaml");
    assert_eq!(hooks[0]["id"], "mrwarden");
    assert_eq!(hooks[0]["entry"], "mrwarden scan --staged");
    assert_eq!(hooks[0]["pass_filenames"], false);
    // `stages: [pre-commit]` is understood from pre-commit 3.2.0 on.
    assert_eq!(hooks[0]["stages"], json!(["pre-commit"]));
    assert_eq!(hooks[0]["minimum_pre_commit_version"], "3.2.0");
}

/// ```yaml blocks of a markdown file.
fn yaml_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        match &mut current {
            None if trimmed.starts_with("```yaml") || trimmed.starts_with("```yml") => {
                current = Some(String::new());
            }
            Some(block) if trimmed.starts_with("```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

/// A YAML example is CI configuration if it uses a pipeline keyword at the top level
/// or holds a job-like mapping.
fn looks_like_ci(doc: &Value) -> bool {
    let Some(map) = doc.as_object() else {
        return false;
    };
    let job_keys = ["script", "stage", "extends", "needs", "image", "artifacts"];
    map.keys()
        .any(|k| ["include", "workflow", "stages", "spec"].contains(&k.as_str()))
        || map.values().any(|v| {
            v.as_object()
                .is_some_and(|j| job_keys.iter().any(|k| j.contains_key(*k)))
        })
}

fn markdown_files() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

#[test]
fn every_ci_example_in_the_docs_validates() {
    let mut checked = BTreeMap::<String, usize>::new();
    for file in markdown_files() {
        let name = file.strip_prefix(root()).unwrap().display().to_string();
        let text = std::fs::read_to_string(&file).unwrap();
        for (i, block) in yaml_blocks(&text).iter().enumerate() {
            assert!(
                !block.contains("$[["),
                "{name} block {i}: uses input interpolation"
            );
            let doc = yaml(block, &format!("{name} yaml block {i}"));
            if !looks_like_ci(&doc) {
                continue;
            }
            assert_valid(&doc, &format!("{name} yaml block {i}"));
            let lower = block.to_lowercase();
            assert!(
                !lower.contains(":latest") && !lower.contains("@~latest"),
                "{name}: latest"
            );
            *checked.entry(name.clone()).or_default() += 1;
        }
    }
    for must in ["README.md", "docs/setup.md", "docs/configuration.md"] {
        assert!(
            checked.get(must).is_some_and(|n| *n > 0),
            "no CI example checked in {must}: {checked:?}"
        );
    }
}

/// Every `include:` of the component in the docs and the project's pipeline passes
/// inputs GitLab would accept: declared, of the declared type (`max_inline: 10` is a
/// number and no longer a string), within `options`, matching `regex`.
#[test]
fn include_snippets_pass_inputs_of_the_declared_types() {
    let spec = inputs();
    let mut docs: Vec<(String, String)> = markdown_files()
        .into_iter()
        .flat_map(|f| {
            let name = f.strip_prefix(root()).unwrap().display().to_string();
            yaml_blocks(&std::fs::read_to_string(&f).unwrap())
                .into_iter()
                .map(move |b| (name.clone(), b))
        })
        .collect();
    docs.push((".gitlab-ci.yml".into(), read(".gitlab-ci.yml")));
    let mut checked = 0;
    for (name, block) in docs {
        let doc = yaml(&block, &name);
        let includes = doc["include"].as_array().cloned().unwrap_or_default();
        for inc in includes {
            if !inc["component"]
                .as_str()
                .is_some_and(|c| c.contains("security-review@"))
            {
                continue;
            }
            for (input, value) in inc["inputs"].as_object().into_iter().flatten() {
                let s = spec
                    .get(input)
                    .unwrap_or_else(|| panic!("{name}: unknown input {input}"));
                let ok = match s["type"].as_str() {
                    Some("string") => value.is_string(),
                    Some("boolean") => value.is_boolean(),
                    Some("number") => value.is_number(),
                    _ => true,
                };
                assert!(ok, "{name}: input {input}: {value} is not a {}", s["type"]);
                if let Some(options) = s["options"].as_array() {
                    assert!(options.contains(value), "{name}: {input}: {value}");
                }
                if let (Some(re), Some(v)) = (s["regex"].as_str(), value.as_str())
                    && !v.contains('$')
                {
                    let re = regex::Regex::new(re).unwrap();
                    assert!(re.is_match(v), "{name}: {input}: {v}");
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 5, "only {checked} inputs checked");
}

#[test]
fn include_snippets_use_an_exact_version() {
    let version = env!("CARGO_PKG_VERSION");
    let component = regex::Regex::new(r"security-review@([^\s`]+)").unwrap();
    for file in markdown_files() {
        let text = std::fs::read_to_string(&file).unwrap();
        for c in component.captures_iter(&text) {
            let v = &c[1];
            assert!(
                v == version || v == "$CI_COMMIT_SHA" || v == "<version>" || v == "<sha>",
                "{}: include by exact version, not {v}",
                file.display()
            );
        }
    }
}

/// `input -> default` from the markdown table under `heading` (first column is the
/// input in backticks, `default_col` holds the default in backticks).
fn input_table(
    markdown: &str,
    heading: &str,
    default_col: usize,
    what: &str,
) -> BTreeMap<String, String> {
    let start = markdown
        .find(heading)
        .unwrap_or_else(|| panic!("{what}: no {heading:?} section"));
    let mut rows = BTreeMap::new();
    let mut in_table = false;
    for line in markdown[start..].lines().skip(1) {
        if line.starts_with('#') {
            break;
        }
        if !line.starts_with('|') {
            if in_table {
                break;
            }
            continue;
        }
        in_table = true;
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let Some(name) = cells[0].strip_prefix('`').and_then(|c| c.strip_suffix('`')) else {
            continue;
        };
        let default = cells
            .get(default_col)
            .map(|c| c.trim_matches('`').to_owned())
            .unwrap_or_default();
        rows.insert(name.to_owned(), default);
    }
    assert!(!rows.is_empty(), "{what}: empty input table");
    rows
}

#[test]
fn inputs_are_documented_once_in_the_template_and_configuration() {
    let template: BTreeMap<String, String> = default_values();
    let config: BTreeMap<String, String> = input_table(
        &read("docs/configuration.md"),
        "## Component inputs",
        2,
        "docs/configuration.md",
    )
    .into_iter()
    // An empty default is written `""` in the table.
    .map(|(k, v)| (k, if v == "\"\"" { String::new() } else { v }))
    .collect();
    assert_eq!(
        config, template,
        "docs/configuration.md inputs and defaults"
    );
    let types = input_table(
        &read("docs/configuration.md"),
        "## Component inputs",
        1,
        "types",
    );
    for (name, spec) in inputs() {
        assert_eq!(
            types[&name],
            spec["type"].as_str().unwrap(),
            "type of {name}"
        );
    }
    // README follows the CI/CD catalog's conventions: a `## Components` section with
    // the include, pointing to the inputs' documentation rather than repeating it.
    let readme = read("README.md");
    let section = readme
        .split("\n## ")
        .find(|s| s.starts_with("Components"))
        .expect("README.md has a `## Components` section");
    assert!(section.contains("security-review@"), "{section}");
    assert!(
        section.contains("docs/configuration.md#component-inputs"),
        "{section}"
    );
    assert!(
        !readme.contains("| `token_variable` |"),
        "README.md repeats the input table"
    );
}

#[test]
fn troubleshooting_starts_with_the_missing_token() {
    let text = read("docs/troubleshooting.md");
    let first = text
        .lines()
        .find(|l| l.starts_with("## "))
        .expect("a section");
    assert!(
        first.to_lowercase().contains("no token"),
        "first section: {first}"
    );
    assert!(Path::new(&root().join("docs/setup.md")).exists());
    assert!(Path::new(&root().join("docs/binding-gate.md")).exists());
}

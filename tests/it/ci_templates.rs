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
                    let mut v = default_values();
                    v.insert("pipeline".into(), pipeline.into());
                    v.insert("allow_failure_on_error".into(), soft.into());
                    v.insert("scan_all".into(), scan_all.into());
                    v.insert("git_strategy".into(), git.into());
                    out.push(v);
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
    assert_eq!(inputs["max_inline"]["default"], 25);
    assert_eq!(inputs["fail_on"]["default"], "high");
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

#[test]
fn template_jobs_validate_in_every_variant() {
    for values in variants() {
        let doc = render(&values);
        assert_valid(&doc, &format!("template jobs with {values:?}"));
        let resolved = Value::Object(resolved_jobs(&doc));
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
        let script = def["script"].to_string();
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
        for (kind, file) in [
            ("codequality", "gl-code-quality-report.json"),
            ("sast", "gl-sast-report.json"),
            ("secret_detection", "gl-secret-detection-report.json"),
            ("junit", "mrwarden-junit.xml"),
        ] {
            assert_eq!(
                reports[kind],
                json!(format!("mrwarden-out/{file}")),
                "{kind}"
            );
        }
        let paths = job["artifacts"]["paths"].to_string();
        assert!(paths.contains("mrwarden-out/mrwarden.sarif"));
        assert!(paths.contains("mrwarden-out/mrwarden-summary.md"));
        let script = job["script"].to_string();
        assert!(
            script.contains("rm -rf mrwarden-out"),
            "fresh output directory"
        );
        assert!(script.contains("mrwarden review"));
        assert!(script.contains(&format!(
            "--token-variable \\\"{}\\\"",
            values["token_variable"]
        )));
        assert!(script.contains(&format!("--fail-on \\\"{}\\\"", values["fail_on"])));
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
fn inputs_agree_between_template_readme_and_configuration() {
    let template: BTreeMap<String, String> = default_values();
    let readme = input_table(&read("README.md"), "### Component inputs", 1, "README.md");
    let config = input_table(
        &read("docs/configuration.md"),
        "## Component inputs",
        2,
        "docs/configuration.md",
    );
    assert_eq!(
        readme.keys().collect::<Vec<_>>(),
        template.keys().collect::<Vec<_>>(),
        "README.md inputs"
    );
    assert_eq!(readme, template, "README.md defaults");
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

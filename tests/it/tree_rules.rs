//! Tree rules through the real binary: `rules tree` for pattern writers, `rules list`
//! engines and counts, and `rules test` on a user's own taint pack (fixtures that span
//! lines, a change that adds only the sink, the pattern lint, a rule refused at load).

use crate::support::common::{Cmd, Repo};

const PACK: &str = r#"pack: acme
rules:
  - id: acme-py-command-injection
    kind: vulnerability
    title: Request data reaches a shell command
    message: A request value is run by the shell.
    severity: high
    cwe: 78
    owasp: "A03:2021"
    remediation: Pass an argument list without a shell.
    tags: [command-injection]
    languages: [python]
    taint:
      sources:
        - pattern: request.args.get($$$)
      sinks:
        - pattern: os.system($SINK)
      sanitizers:
        - pattern: shlex.quote($$$)
"#;

const FIXTURE: &str = "import os, shlex
from flask import request

def ping():
    host = request.args.get('host')
    cmd = 'ping -c 1 ' + host
    # ruleid: acme-py-command-injection
    os.system(cmd)

def safe_ping():
    host = shlex.quote(request.args.get('host'))
    # ok: acme-py-command-injection
    os.system('ping -c 1 ' + host)
";

/// Only the sink (line 9) is added: the unchanged source above still makes a flow.
const SINK_ADDED: &str = "# fixture-added-lines: 9
import os
from flask import request

def ping():
    host = request.args.get('host')
    cmd = 'ping -c 1 ' + host
    # ruleid: acme-py-command-injection
    os.system(cmd)
";

/// An unrelated line of a function with an old flow is edited: nothing to report.
const OTHER_LINE_ADDED: &str = "# fixture-added-lines: 6
import os
from flask import request

def ping():
    timeout = 3
    host = request.args.get('host')
    # ok: acme-py-command-injection
    os.system('ping ' + host)
";

fn pack_dir(pack: &str, files: &[(&str, &str)]) -> Repo {
    let r = Repo::new();
    r.write("rules/acme.yml", pack);
    for (name, text) in files {
        r.write(&format!("rules/acme/{name}"), text);
    }
    r
}

#[test]
fn rules_test_runs_taint_fixtures_across_lines_and_changes() {
    let r = pack_dir(
        PACK,
        &[
            ("acme-py-command-injection.py", FIXTURE),
            ("acme-py-command-injection/sink_added.py", SINK_ADDED),
            ("acme-py-command-injection/other_line.py", OTHER_LINE_ADDED),
        ],
    );
    let dir = r.path().join("rules");
    let run = Cmd::new(&["rules", "test", dir.to_str().expect("utf-8")]).run();
    run.expect_code(0);
    assert!(
        run.stdout.contains("1 rules, 4 fixture cases, 0 failures"),
        "{run}"
    );

    // The fixture run is not a rubber stamp: drop the sanitizer and the safe case fails.
    let no_sanitizer = PACK.replace(
        "      sanitizers:\n        - pattern: shlex.quote($$$)\n",
        "",
    );
    let r = pack_dir(&no_sanitizer, &[("acme-py-command-injection.py", FIXTURE)]);
    let dir = r.path().join("rules");
    let run = Cmd::new(&["rules", "test", dir.to_str().expect("utf-8")]).run();
    run.expect_code(1);
    assert!(
        run.stdout
            .contains(".py:13: acme-py-command-injection reports this line, which is marked ok"),
        "{run}"
    );
}

#[test]
fn rules_test_lints_patterns_and_refuses_broken_tree_rules() {
    let trap = PACK.replace("os.system($SINK)", "subprocess.call($SINK, $$$)");
    let r = pack_dir(&trap, &[("acme-py-command-injection.py", FIXTURE)]);
    let dir = r.path().join("rules");
    let run = Cmd::new(&["rules", "test", dir.to_str().expect("utf-8")]).run();
    run.expect_code(1);
    assert!(
        run.stdout
            .contains("does not match a call without the extra arguments"),
        "{run}"
    );

    let no_sink = PACK.replace(
        "      sinks:\n        - pattern: os.system($SINK)\n",
        "      sinks: []\n",
    );
    let r = pack_dir(&no_sink, &[]);
    let dir = r.path().join("rules");
    let run = Cmd::new(&["rules", "test", dir.to_str().expect("utf-8")]).run();
    run.expect_code(2);
    assert!(
        run.stderr.contains("acme-py-command-injection")
            && run.stderr.contains("at least one source and one sink"),
        "{run}"
    );
    run.assert_no_panic();
}

#[test]
fn rules_tree_prints_kinds_and_fields() {
    let r = Repo::new();
    r.write("app.py", "def f(x):\n    os.system(x)\n");
    let file = r.path().join("app.py");
    let run = Cmd::new(&["rules", "tree", file.to_str().expect("utf-8")]).run();
    run.expect_code(0);
    assert!(run.stdout.contains("function_definition @1"), "{run}");
    assert!(
        run.stdout.contains("function: attribute @2 \"os.system\""),
        "{run}"
    );
    let run = Cmd::new(&[
        "rules",
        "tree",
        file.to_str().expect("utf-8"),
        "--lang",
        "cobol",
    ])
    .run();
    run.expect_code(2);
}

#[test]
fn rules_list_shows_engines_and_counts() {
    let run = Cmd::new(&["rules", "list"]).run();
    run.expect_code(0);
    assert!(run.stdout.contains("ENGINE"), "{run}");
    assert!(
        run.stdout.contains("Rules per language and category:"),
        "{run}"
    );
    assert!(
        run.stdout
            .lines()
            .any(|l| l.trim_start().starts_with("python ")),
        "{run}"
    );
}

/// A repository whose base commit holds a handler reading a request value and whose
/// `feature` branch adds only a sink line below it (and the team's taint pack).
fn sink_added_repo() -> Repo {
    let r = Repo::new();
    r.write("rules/acme.yml", PACK);
    r.write(".mrwarden.yml", "custom_rules: [rules/acme.yml]\n");
    r.write(
        "app/views.py",
        "import os\nfrom flask import request\n\n\ndef ping():\n    host = request.args.get('host')\n    cmd = 'ping -c 1 ' + host\n    return 'ok'\n",
    );
    r.commit("base");
    r.branch("feature");
    r.write(
        "app/views.py",
        "import os\nfrom flask import request\n\n\ndef ping():\n    host = request.args.get('host')\n    cmd = 'ping -c 1 ' + host\n    os.system(cmd)\n    return 'ok'\n",
    );
    r.commit("feature: run the command");
    r
}

#[test]
fn scan_reads_the_whole_file_at_head_and_reports_a_sink_below_an_unchanged_source() {
    let r = sink_added_repo();
    let run = r.scan_json(&[]);
    run.expect_code(1);
    let doc = run.json();
    let f = &doc["findings"][0];
    assert_eq!(f["rule_id"], "acme-py-command-injection", "{run}");
    assert_eq!(f["start_line"], 8, "{run}");
    let flow: Vec<(String, u64)> = f["flow"]
        .as_array()
        .expect("flow")
        .iter()
        .map(|s| {
            (
                s["role"].as_str().unwrap_or("").to_string(),
                s["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        flow,
        vec![("source".into(), 6), ("step".into(), 7), ("sink".into(), 8)]
    );
    assert_eq!(doc["run"]["stats"]["files_parsed"], 1, "{run}");
    assert_eq!(doc["run"]["stats"]["files_parsed_in_part"], 0, "{run}");
    // The SARIF report carries the flow as a code flow.
    let sarif: serde_json::Value = serde_json::from_slice(
        &std::fs::read(run.out_dir.join("mrwarden.sarif")).expect("sarif written"),
    )
    .expect("sarif json");
    let locs = &sarif["runs"][0]["results"][0]["codeFlows"][0]["threadFlows"][0]["locations"];
    assert_eq!(locs.as_array().map(Vec::len), Some(3), "{sarif}");
}

#[test]
fn a_diff_file_has_no_revision_so_its_hunks_are_parsed_and_noted() {
    let r = sink_added_repo();
    let patch = r.git(&["diff", "main", "feature"]);
    let dir = tempfile::tempdir().expect("tmp");
    let file = dir.path().join("change.patch");
    std::fs::write(&file, patch).expect("write patch");
    let run = r
        .mrwarden(&[
            "scan",
            "--diff",
            file.to_str().expect("utf-8"),
            "--format",
            "json",
        ])
        .run();
    // The hunk holds three context lines above the sink: the flow is still seen.
    run.expect_code(1);
    let doc = run.json();
    assert_eq!(doc["findings"][0]["start_line"], 8, "{run}");
    assert_eq!(doc["run"]["stats"]["files_parsed_in_part"], 1, "{run}");
    let notes = doc["run"]["notes"].as_array().expect("notes");
    assert!(
        notes
            .iter()
            .any(|n| n["reason"] == "scanned_in_part" && n["path"] == "app/views.py"),
        "{run}"
    );
}

#[test]
fn staged_changes_are_parsed_from_the_index() {
    let r = sink_added_repo();
    r.checkout("main");
    // Only the sink is staged; the working tree also holds an unstaged edit that
    // must not be what is parsed.
    r.write(
        "app/views.py",
        "import os\nfrom flask import request\n\n\ndef ping():\n    host = request.args.get('host')\n    cmd = 'ping -c 1 ' + host\n    os.system(cmd)\n    return 'ok'\n",
    );
    r.git(&["add", "app/views.py"]);
    r.write("app/views.py", "# unstaged: nothing here\n");
    let run = r.mrwarden(&["scan", "--staged", "--format", "json"]).run();
    run.expect_code(1);
    let doc = run.json();
    assert_eq!(doc["findings"][0]["start_line"], 8, "{run}");
    assert_eq!(doc["run"]["stats"]["files_parsed"], 1, "{run}");
}

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

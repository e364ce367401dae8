use std::fmt::Write as _;

use super::*;
use crate::syntax::Lang;

const PY_RULE: &str = r"pack: t
rules:
  - id: py-cmd
    kind: vulnerability
    title: Command injection
    message: Request data reaches a shell command.
    severity: high
    remediation: r
    languages: [python]
    taint:
      sources:
        - pattern: request.args.get($$$)
        - pattern: request.form[$K]
      sinks:
        - pattern: os.system($SINK)
        - any:
            - pattern: subprocess.run($SINK)
            - pattern: subprocess.run($SINK, $$$)
      sanitizers:
        - pattern: shlex.quote($$$)
        - pattern: 'if not allowed($CLEAN): return'
      propagators:
        - pattern: $TO.extend($FROM)
";

fn rules(yaml: &str) -> RuleSet {
    let p = crate::rules::parse_pack("t.yml", yaml).expect("pack");
    RuleSet::compile(&[p]).expect("compiles")
}

fn run_on(set: &RuleSet, lang: Lang, path: &str, text: &str, added: &[u32]) -> Outcome {
    let mut file = CodeFile::all_added(path, lang, text);
    if !added.is_empty() {
        file.added = added.iter().copied().collect();
    }
    let tree = lang.parse(text);
    let selected = crate::analyze::structural::rules_for(&file, set);
    scan(&file, &tree, set, &selected)
}

fn lines_of(out: &Outcome) -> Vec<u32> {
    out.findings.iter().map(|f| f.start_line).collect()
}

#[test]
fn a_flow_through_variables_and_formatting() {
    let set = rules(PY_RULE);
    let text = "import os
def handler():
    name = request.args.get('n')
    greeting = f\"hello {name}\"
    cmd = 'echo %s' % greeting
    os.system(cmd)
";
    let out = run_on(&set, Lang::Python, "app.py", text, &[]);
    assert_eq!(lines_of(&out), vec![6]);
    let flow: Vec<(FlowRole, u32)> = out.findings[0]
        .flow
        .iter()
        .map(|s| (s.role, s.line))
        .collect();
    assert_eq!(
        flow,
        vec![
            (FlowRole::Source, 3),
            (FlowRole::Step, 3),
            (FlowRole::Step, 4),
            (FlowRole::Step, 5),
            (FlowRole::Sink, 6)
        ]
    );
    assert!(
        out.findings[0].message.contains("line 3")
            && out.findings[0].message.contains("os.system(cmd)")
    );
}

#[test]
fn clean_values_do_not_flow() {
    let set = rules(PY_RULE);
    for text in [
        // A constant.
        "def h():\n    cmd = 'ls'\n    os.system(cmd)\n",
        // A type conversion.
        "def h():\n    n = int(request.args.get('n'))\n    os.system('kill %d' % n)\n",
        // A sanitizer.
        "def h():\n    n = shlex.quote(request.args.get('n'))\n    os.system('ls ' + n)\n",
        // Overwritten with a constant before the sink.
        "def h():\n    n = request.args.get('n')\n    n = 'x'\n    os.system(n)\n",
        // A guard.
        "def h():\n    n = request.args.get('n')\n    if not allowed(n): return\n    os.system(n)\n",
        // A comparison.
        "def h():\n    n = request.args.get('n') == 'a'\n    os.system(str(n))\n",
        // Another function's variable.
        "def g():\n    n = request.args.get('n')\ndef h(n):\n    os.system(n)\n",
    ] {
        let out = run_on(&set, Lang::Python, "app.py", text, &[]);
        assert!(out.findings.is_empty(), "{text}: {:?}", lines_of(&out));
    }
}

#[test]
fn branches_merge_by_union_and_loops_reach_a_fixpoint() {
    let set = rules(PY_RULE);
    let branch = "def h():\n    cmd = 'ls'\n    if x:\n        cmd = request.args.get('c')\n    os.system(cmd)\n";
    assert_eq!(
        lines_of(&run_on(&set, Lang::Python, "a.py", branch, &[])),
        vec![5]
    );
    // Clean in one arm only: the other arm's taint survives.
    let one_arm = "def h():\n    cmd = request.args.get('c')\n    if x:\n        cmd = 'ls'\n    os.system(cmd)\n";
    assert_eq!(
        lines_of(&run_on(&set, Lang::Python, "a.py", one_arm, &[])),
        vec![5]
    );
    // Taint moves one variable per round: a -> b -> c needs the loop to run again.
    let looped = "def h():\n    a = b = c = ''\n    for i in range(3):\n        c = b\n        b = a\n        a = request.args.get('x')\n    os.system(c)\n";
    assert_eq!(
        lines_of(&run_on(&set, Lang::Python, "a.py", looped, &[])),
        vec![7]
    );
    let iterated =
        "def h():\n    for part in request.args.get('p').split(','):\n        os.system(part)\n";
    assert_eq!(
        lines_of(&run_on(&set, Lang::Python, "a.py", iterated, &[])),
        vec![3]
    );
}

#[test]
fn fields_receivers_and_propagators() {
    let set = rules(PY_RULE);
    let field = "def h(self):\n    self.cmd = request.form['c']\n    self.other = 'x'\n    os.system(self.other)\n    os.system(self.cmd)\n";
    assert_eq!(
        lines_of(&run_on(&set, Lang::Python, "a.py", field, &[])),
        vec![5]
    );
    let receiver = "def h():\n    args = ['ls']\n    args.append(request.form['c'])\n    subprocess.run(args, shell=True)\n";
    assert_eq!(
        lines_of(&run_on(&set, Lang::Python, "a.py", receiver, &[])),
        vec![4]
    );
    let prop = "def h():\n    args = ['ls']\n    args.extend(request.form['c'])\n    subprocess.run(args)\n";
    assert_eq!(
        lines_of(&run_on(&set, Lang::Python, "a.py", prop, &[])),
        vec![4]
    );
}

#[test]
fn anchored_to_the_change() {
    let set = rules(PY_RULE);
    let text = "def h():\n    n = request.args.get('n')\n    x = 1\n    os.system(n)\n";
    // Only the sink added (source unchanged): reported on the sink.
    assert_eq!(
        lines_of(&run_on(&set, Lang::Python, "a.py", text, &[4])),
        vec![4]
    );
    // Only the source added (sink unchanged): reported on the source line, naming the sink.
    let out = run_on(&set, Lang::Python, "a.py", text, &[2]);
    assert_eq!(lines_of(&out), vec![2]);
    assert!(
        out.findings[0].message.contains("line 4"),
        "{}",
        out.findings[0].message
    );
    // An unrelated line of the function added: no step on it, nothing reported.
    assert!(
        run_on(&set, Lang::Python, "a.py", text, &[3])
            .findings
            .is_empty()
    );
}

#[test]
fn fingerprint_is_stable_across_line_shifts_and_one_finding_per_sink() {
    let set = rules(PY_RULE);
    let a = "def h():\n    n = request.args.get('n')\n    os.system(n + request.args.get('m'))\n";
    let b = format!("\n\n{a}");
    let fa = run_on(&set, Lang::Python, "a.py", a, &[]);
    let fb = run_on(&set, Lang::Python, "a.py", &b, &[]);
    assert_eq!(fa.findings.len(), 1, "one finding per sink");
    assert_eq!(fa.findings[0].fingerprint, fb.findings[0].fingerprint);
}

#[test]
fn budgets_are_counts_and_noted() {
    let set = rules(PY_RULE);
    let mut text = String::from("def h():\n    a = request.args.get('x')\n");
    for i in 0..(STEP_BUDGET as usize / 4) {
        let _ = writeln!(text, "    v{i} = a + '{i}'");
    }
    text.push_str("    os.system(a)\n");
    let out = run_on(&set, Lang::Python, "a.py", &text, &[]);
    assert!(
        out.notes
            .iter()
            .any(|n| n.reason == NoteReason::TaintBudget)
    );
    // Deep nesting: no stack overflow, a note.
    let deep = format!(
        "def h():\n    x = {}request.args.get('x'){}\n    os.system(x)\n",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    let out = run_on(&set, Lang::Python, "a.py", &deep, &[]);
    assert!(out.findings.is_empty() || out.findings.len() == 1);
}

#[test]
fn paths_normalise() {
    assert_eq!(normalise_path("a . b->c::d").as_deref(), Some("a.b.c"));
    assert_eq!(normalise_path("$x").as_deref(), Some("$x"));
    assert_eq!(normalise_path("a[0]"), None);
    assert_eq!(normalise_path("f()"), None);
    assert_eq!(split_last("a.b.c"), Some(("a.b", "c")));
    assert_eq!(split_last("$o->add"), Some(("$o", "add")));
}

#[test]
fn a_bare_parameter_name_can_be_a_source() {
    // A source matching a plain identifier in a parameter list (no wrapper node around
    // it) taints that parameter: Lambda's `event`, a JS message listener's `event`.
    let py = rules(
        &PY_RULE.replace(
            "        - pattern: request.form[$K]\n",
            "        - pattern: request.form[$K]\n        - {kind: identifier, regex: '^event$', inside: {kind: parameters}}\n",
        ),
    );
    let text =
        "def handler(event, context):\n    name = event['name']\n    os.system('echo ' + name)\n";
    assert_eq!(
        lines_of(&run_on(&py, Lang::Python, "a.py", text, &[])),
        vec![3]
    );
    let js = rules(
        "pack: t
rules:
  - id: js-dom
    kind: vulnerability
    title: t
    message: m
    severity: high
    remediation: r
    languages: [javascript]
    taint:
      sources:
        - {kind: identifier, regex: '^ev$', inside: {kind: formal_parameters}}
      sinks:
        - pattern: eval($SINK)
",
    );
    let text = "window.addEventListener('message', (ev) => {\n  eval(ev.data);\n});\nfunction f(other) {\n  eval(other);\n}\n";
    assert_eq!(
        lines_of(&run_on(&js, Lang::JavaScript, "a.js", text, &[])),
        vec![2]
    );
}

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

/// One rule per grammar: a source, a sink; each case is (vulnerable code, expected
/// line) and a clean variant that must not be reported.
fn lang_rule(lang: &str, source: &str, sink: &str) -> RuleSet {
    rules(&format!(
        "pack: t\nrules:\n  - id: t-flow\n    kind: vulnerability\n    title: t\n    message: m\n    severity: high\n    remediation: r\n    languages: [{lang}]\n    taint:\n      sources:\n{source}\n      sinks:\n{sink}\n"
    ))
}

#[test]
#[expect(clippy::too_many_lines, reason = "a table of nine languages' code")]
fn multi_line_flows_in_every_language() {
    let cases: &[(&str, Lang, &str, &str, &str, &str, u32)] = &[
        (
            "javascript",
            Lang::JavaScript,
            "a.js",
            "        - pattern: req.query.$F",
            "        - pattern: db.query($SINK)",
            "app.get('/', (req, res) => {\n  const id = req.query.id;\n  let sql = `SELECT * FROM t WHERE id = ${id}`;\n  sql += ' LIMIT 1';\n  db.query(sql);\n});\n",
            5,
        ),
        (
            "typescript",
            Lang::TypeScript,
            "a.ts",
            "        - pattern: req.body.$F",
            "        - pattern: exec($SINK)",
            "export function h(req: Request): void {\n  const name: string = req.body.name;\n  const cmd = 'ls ' + name;\n  exec(cmd);\n}\n",
            4,
        ),
        (
            "go",
            Lang::Go,
            "a.go",
            "        - pattern: {context: 'func t() { r.FormValue($$$) }', selector: call_expression}",
            "        - pattern: {context: 'func t() { db.Query($SINK) }', selector: call_expression}",
            "package m\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tid := r.FormValue(\"id\")\n\tq := fmt.Sprintf(\"SELECT * FROM t WHERE id = %s\", id)\n\tdb.Query(q)\n}\n",
            5,
        ),
        (
            "java",
            Lang::Java,
            "A.java",
            "        - pattern: $R.getParameter($$$)",
            "        - pattern: $S.executeQuery($SINK)",
            "class A { void f(HttpServletRequest request) throws Exception {\n  String id = request.getParameter(\"id\");\n  StringBuilder sb = new StringBuilder(\"SELECT * FROM t WHERE id = \");\n  sb.append(id);\n  String q = sb.toString();\n  stmt.executeQuery(q);\n} }\n",
            6,
        ),
        (
            "ruby",
            Lang::Ruby,
            "a.rb",
            "        - pattern: params[$K]",
            "        - pattern: system($SINK)",
            "def run\n  name = params[:name]\n  cmd = \"ls #{name}\"\n  system(cmd)\nend\n",
            4,
        ),
        (
            "php",
            Lang::Php,
            "a.php",
            "        - pattern: $_GET[$K]",
            "        - pattern: mysqli_query($C, $SINK)",
            "<?php\nfunction f($c) {\n  $id = $_GET['id'];\n  $q = \"SELECT * FROM t WHERE id = $id\";\n  mysqli_query($c, $q);\n}\n",
            5,
        ),
        (
            "csharp",
            Lang::CSharp,
            "a.cs",
            "        - pattern: Request.Query[$K]",
            "        - pattern: new SqlCommand($SINK, $C)",
            "class A { public void F() {\n  string id = Request.Query[\"id\"];\n  var q = $\"SELECT * FROM t WHERE id = {id}\";\n  var cmd = new SqlCommand(q, conn);\n} }\n",
            4,
        ),
        (
            "rust",
            Lang::Rust,
            "a.rs",
            "        - pattern: std::env::args()",
            "        - pattern: Command::new($SINK)",
            "fn main() {\n    let arg = std::env::args().nth(1).unwrap();\n    let prog = format!(\"/usr/bin/{}\", arg);\n    Command::new(prog).spawn();\n}\n",
            4,
        ),
        (
            "shell",
            Lang::Bash,
            "a.sh",
            "        - kind: simple_expansion\n          regex: '^\\$[0-9]'",
            "        - pattern: eval $SINK",
            "name=\"$1\"\ncmd=\"echo $name\"\neval \"$cmd\"\n",
            3,
        ),
    ];
    for (lang_name, lang, path, source, sink, code, line) in cases {
        if !lang.available() {
            continue;
        }
        let set = lang_rule(lang_name, source, sink);
        let out = run_on(&set, *lang, path, code, &[]);
        assert_eq!(lines_of(&out), vec![*line], "{lang_name}:\n{code}");
        assert!(
            out.findings[0].flow.len() >= 3,
            "{lang_name}: a multi-step flow"
        );
        // The same code with the source replaced by a constant is clean.
        let first_source_line = out.findings[0].flow[0].line as usize;
        let clean: String = code
            .lines()
            .enumerate()
            .map(|(i, l)| {
                if i + 1 == first_source_line {
                    format!(
                        "{}\n",
                        l.split('=').next().unwrap_or("").to_string() + "= \"constant\";"
                    )
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        let clean = if *lang == Lang::Bash {
            clean.replace("= \"constant\";", "=constant")
        } else {
            clean
        };
        let out = run_on(&set, *lang, path, &clean, &[]);
        assert!(
            out.findings.is_empty(),
            "{lang_name} clean variant:\n{clean}"
        );
    }
}

#[test]
fn literal_keys_are_fields_and_constant_conditions_pick_one_arm() {
    let py = rules(PY_RULE);
    let keyed = "def h():\n    d = {}\n    d['safe'] = 'ls'\n    d['bad'] = request.args.get('c')\n    os.system(d['safe'])\n    os.system(d.get('safe'))\n    os.system(d['bad'])\n";
    assert_eq!(
        lines_of(&run_on(&py, Lang::Python, "a.py", keyed, &[])),
        vec![7]
    );
    let java = lang_rule(
        "java",
        "        - pattern: $R.getParameter($$$)",
        "        - pattern: $S.exec($SINK)",
    );
    let map = "class A { void f(HttpServletRequest request) {\n  java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();\n  map.put(\"keyA\", \"a-Value\");\n  map.put(\"keyB\", request.getParameter(\"x\"));\n  String bar = (String) map.get(\"keyA\");\n  r.exec(bar);\n  String baz = (String) map.get(\"keyB\");\n  r.exec(baz);\n} }\n";
    assert_eq!(
        lines_of(&run_on(&java, Lang::Java, "A.java", map, &[])),
        vec![8]
    );
    let folded = "class A { void f(HttpServletRequest request) {\n  String param = request.getParameter(\"x\");\n  String bar;\n  int num = 86;\n  if ((7 * 42) - num > 200) bar = \"This_should_always_happen\";\n  else bar = param;\n  r.exec(bar);\n  String baz = (7 * 18) + num > 200 ? \"This_should_always_happen\" : param;\n  r.exec(baz);\n  String qux = (500 / 42) + num < 200 ? param : \"never\";\n  r.exec(qux);\n} }\n";
    assert_eq!(
        lines_of(&run_on(&java, Lang::Java, "A.java", folded, &[])),
        vec![11]
    );
    // Not a constant: both arms count.
    let unknown = "class A { void f(HttpServletRequest request, int n) {\n  String param = request.getParameter(\"x\");\n  String bar = n > 2 ? \"x\" : param;\n  r.exec(bar);\n} }\n";
    assert_eq!(
        lines_of(&run_on(&java, Lang::Java, "A.java", unknown, &[])),
        vec![4]
    );
}

const JAVA_RULE: &str = r"pack: t
rules:
  - id: java-sql
    kind: vulnerability
    title: SQL
    message: Request data reaches a query.
    severity: high
    remediation: r
    languages: [java]
    taint:
      sources:
        - pattern: $R.getParameter($$$)
      sinks:
        - pattern: $S.executeQuery($SINK)
";

#[test]
fn java_number_parsing_is_clean() {
    // A method_invocation's callee field holds only the method name, so the bare
    // `parseInt` must count as a clean call.
    let set = rules(JAVA_RULE);
    let clean = "class A { void h(HttpServletRequest r, Statement s) {
    int id = Integer.parseInt(r.getParameter(\"id\"));
    s.executeQuery(\"SELECT 1 WHERE id = \" + id);
} }
";
    let out = run_on(&set, Lang::Java, "A.java", clean, &[]);
    assert!(out.findings.is_empty(), "{:?}", lines_of(&out));
    let tainted = clean.replace("Integer.parseInt(", "String.valueOf(");
    let out = run_on(&set, Lang::Java, "A.java", &tainted, &[]);
    assert_eq!(lines_of(&out), vec![3]);
}

const CSHARP_RULE: &str = r"pack: t
rules:
  - id: cs-redirect
    kind: vulnerability
    title: Redirect
    message: Request data chooses the redirect.
    severity: medium
    remediation: r
    languages: [csharp]
    taint:
      sources:
        - rule: {pattern: $REQ.Query}
          constraints: {REQ: {regex: '^Request$'}}
      sinks:
        - pattern: Redirect($SINK)
      sanitizers:
        - kind: if_statement
          has: {field: condition, pattern: '!$U.IsLocalUrl($CLEAN)'}
";

#[test]
fn csharp_guard_on_an_argument_cleans_the_variable() {
    // C# wraps each argument in an `argument` node; a guard's `$CLEAN` bound there
    // stands for the variable inside.
    let set = rules(CSHARP_RULE);
    let guarded = "class C { IActionResult A() {
    var next = Request.Query[\"next\"];
    if (!Url.IsLocalUrl(next)) { return BadRequest(); }
    return Redirect(next);
} }
";
    let out = run_on(&set, Lang::CSharp, "C.cs", guarded, &[]);
    assert!(out.findings.is_empty(), "{:?}", lines_of(&out));
    let unguarded = guarded.replace("if (!Url.IsLocalUrl(next)) { return BadRequest(); }", "");
    let out = run_on(&set, Lang::CSharp, "C.cs", &unguarded, &[]);
    assert_eq!(lines_of(&out), vec![4]);
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

//! Unit tests of the pass with a scripted reviewer.

use super::*;
use crate::diff::{FileAt, parse};
use std::fmt::Write as _;

struct Scripted {
    answers: Vec<Result<String, LlmError>>,
    seen: Vec<Request>,
}

impl Reviewer for Scripted {
    fn complete(&mut self, request: &Request) -> Result<Reply, LlmError> {
        self.seen.push(request.clone());
        let a = if self.answers.is_empty() {
            Ok(r#"{"findings":[]}"#.to_string())
        } else {
            self.answers.remove(0)
        };
        a.map(|content| Reply {
            content,
            tokens_in: 10,
            tokens_out: 5,
            bytes_sent: 100,
        })
    }
    fn endpoint(&self) -> String {
        "llm.example:443".into()
    }
    fn model(&self) -> String {
        "m1".into()
    }
}

const DIFF: &str = "diff --git a/app.py b/app.py
--- a/app.py
+++ b/app.py
@@ -1,2 +1,4 @@
 def get(user, id):
+    doc = Doc.find(id)
+    key = \"AKIAIOSFODNN7EXAMPLQ\"
     return doc
";

fn run(answers: Vec<Result<String, LlmError>>, config: &LlmConfig) -> (Pass, Scripted) {
    run_diff(DIFF, answers, config, None)
}

fn run_diff(
    text: &str,
    answers: Vec<Result<String, LlmError>>,
    config: &LlmConfig,
    head: Option<&dyn FileAt>,
) -> (Pass, Scripted) {
    static RULES: std::sync::OnceLock<crate::rules::RuleSet> = std::sync::OnceLock::new();
    let rules = RULES.get_or_init(|| crate::rules::load(&[]).expect("rules"));
    let diff = parse::parse(text.as_bytes()).expect("diff");
    let analysis = crate::analyze::analyze(&diff, rules, &crate::config::Limits::default());
    let mut r = Scripted {
        answers,
        seen: Vec::new(),
    };
    let pass = review(
        &Input {
            diff: &diff,
            rule_findings: &analysis.findings,
            rules,
            config,
            exclude: &[],
            head,
            paths: &crate::config::paths::PathClasses::default(),
        },
        &mut r,
    );
    (pass, r)
}

#[test]
fn findings_must_name_an_added_line_and_a_known_category() {
    let answer = r#"{"findings":[
      {"path":"app.py","line":2,"category":"idor","severity":"high","confidence":"medium","title":"IDOR","explanation":"any id is read","fix":"check owner"},
      {"path":"app.py","line":1,"category":"idor","severity":"high","confidence":"medium","title":"ctx","explanation":"context line","fix":"x"},
      {"path":"other.py","line":2,"category":"idor","severity":"high","confidence":"medium","title":"x","explanation":"x","fix":"x"},
      {"path":"app.py","line":2,"category":"made-up","severity":"high","confidence":"medium","title":"x","explanation":"x","fix":"x"},
      {"path":"app.py","line":2,"category":"idor","severity":"high","confidence":"medium","title":"dup","explanation":"dup","fix":"x"}
    ]}"#;
    let (pass, r) = run(vec![Ok(answer.into())], &LlmConfig::default());
    assert_eq!(pass.findings.len(), 1, "{:?}", pass.findings);
    let f = &pass.findings[0];
    assert_eq!(f.rule_id, "mrwarden.llm.idor");
    assert!(f.title.starts_with("LLM: ") && f.is_llm());
    assert_eq!((f.start_line, f.cwe), (2, Some(639)));
    let summary = pass.warnings.join("\n");
    assert!(
        summary.contains("1 finding(s) added, 4 dropped"),
        "{summary}"
    );
    assert!(summary.contains("tokens in 10, out 5"), "{summary}");
    let sent = &r.seen[0].user;
    assert!(!sent.contains("AKIAIOSFODNN7EXAMPLQ"), "{sent}");
    assert!(
        sent.contains("aws-access-key-id") || sent.contains("line 3"),
        "{sent}"
    );
}

#[test]
fn model_text_is_defused() {
    let answer = r#"{"findings":[{"path":"app.py","line":2,"category":"idor","severity":"critical","confidence":"low","title":"/merge now","explanation":"no issues found ![img](https://evil.example/x) <b>hi</b>\n/approve","fix":"/merge"}]}"#;
    let (pass, _) = run(vec![Ok(answer.into())], &LlmConfig::default());
    let f = &pass.findings[0];
    for text in [&f.title, &f.message, &f.remediation] {
        assert!(!text.contains("evil.example") && !text.contains('<') && !text.contains('\n'));
        assert!(!text.starts_with('/'), "{text}");
    }
    assert!(!f.title.contains("LLM: /"), "{}", f.title);
    assert_eq!(f.confidence, crate::finding::Confidence::Low);
}

#[test]
fn malformed_answers_and_failures_are_soft() {
    let (pass, _) = run(vec![Ok("sure! no issues".into())], &LlmConfig::default());
    assert!(pass.findings.is_empty());
    assert!(pass.warnings.iter().any(|w| w.contains("unusable answer")));
    let (pass, _) = run(vec![Err(LlmError("boom".into()))], &LlmConfig::default());
    assert!(pass.warnings.iter().any(|w| w.contains("boom")));
    assert!(pass.warnings.iter().any(|w| w.contains("not reviewed")));
}

#[test]
fn budgets_stop_before_sending() {
    let mut config = LlmConfig::default();
    config.max_run_tokens = 10;
    let (pass, r) = run(Vec::new(), &config);
    assert!(r.seen.is_empty());
    assert!(
        pass.warnings
            .iter()
            .any(|w| w.contains("llm.max_run_tokens") && w.contains("app.py")),
        "{:?}",
        pass.warnings
    );
    let mut config = LlmConfig::default();
    config.exclude = vec!["*.py".into()];
    let (pass, r) = run(Vec::new(), &config);
    assert!(r.seen.is_empty());
    assert!(pass.warnings.iter().any(|w| w.contains("excluded")));
}

/// Head files from memory.
#[derive(Debug)]
struct Head(Vec<(&'static str, String)>);

impl FileAt for Head {
    fn read(&self, path: &str) -> Result<Option<Vec<u8>>, crate::error::Error> {
        Ok(self
            .0
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, t)| t.clone().into_bytes()))
    }
    fn describe(&self) -> String {
        "memory".into()
    }
}

/// `views.py` at the head: a decorated view whose ownership check sits far from the hunk.
fn views_head() -> String {
    let mut s = String::from(
        "import db\n\n@app.route('/doc')\n@login_required\ndef show(request, doc_id):\n    user = request.user\n",
    );
    for i in 0..10 {
        let _ = writeln!(s, "    step{i}()");
    }
    // Line 17 is added by the change; line 20 is after the hunk's context.
    s.push_str("    doc = fetch_doc(doc_id)\n    audit(doc)\n    log(doc)\n    metrics(doc)\n    return render(doc)\n");
    s
}

const VIEWS_DIFF: &str = "diff --git a/util.py b/util.py
--- a/util.py
+++ b/util.py
@@ -1,0 +1,3 @@
+def fetch_doc(doc_id):
+    token = \"AKIAIOSFODNN7EXAMPLQ\"
+    return db.raw(\"select * from docs where id=\" + doc_id)
diff --git a/views.py b/views.py
--- a/views.py
+++ b/views.py
@@ -14,3 +14,4 @@
     step7()
     step8()
     step9()
+    doc = fetch_doc(doc_id)
";

fn run_views(config: &LlmConfig, head: Option<&dyn FileAt>, answer: &str) -> (Pass, Scripted) {
    run_diff(VIEWS_DIFF, vec![Ok(answer.to_string())], config, head)
}

#[test]
fn the_enclosing_function_and_helpers_from_elsewhere_in_the_change_are_sent() {
    let head = Head(vec![("views.py", views_head())]);
    // The model points at the decorator (context, not an added line): dropped.
    let answer = r#"{"findings":[{"path":"views.py","line":4,"category":"idor","severity":"high","confidence":"medium","title":"x","explanation":"x","fix":"x"},
      {"path":"views.py","line":17,"category":"idor","severity":"high","confidence":"medium","title":"IDOR","explanation":"no owner check","fix":"check owner"}]}"#;
    let (pass, r) = run_views(&LlmConfig::default(), Some(&head), answer);
    let sent = &r.seen[0].user;
    for expected in [
        "      4 | @login_required",
        "      5 | def show(request, doc_id):",
        "      6 |     user = request.user",
        "     21 |     return render(doc)",
        "+    17 |     doc = fetch_doc(doc_id)",
        "HELPERS THIS FILE CALLS",
        "--- util.py",
        "      1 | def fetch_doc(doc_id):",
    ] {
        assert!(sent.contains(expected), "{expected:?} missing in:\n{sent}");
    }
    assert!(!sent.contains("AKIAIOSFODNN7EXAMPLQ"), "{sent}");
    assert!(
        !sent.contains("import db"),
        "only the function, not the file"
    );
    let lines: Vec<u32> = pass.findings.iter().map(|f| f.start_line).collect();
    assert_eq!(lines, vec![17], "{:?}", pass.warnings);

    // Without head files only the hunks (and the helper, which comes from the diff) go.
    let (_, r) = run_views(&LlmConfig::default(), None, r#"{"findings":[]}"#);
    let sent = &r.seen[0].user;
    assert!(!sent.contains("@login_required") && sent.contains("def fetch_doc"));
}

#[test]
fn function_context_gives_way_to_the_request_budget() {
    let head = Head(vec![("views.py", views_head())]);
    let mut config = LlmConfig::default();
    config.exclude = vec!["util.py".into()];
    let (_, r) = run_views(&config, Some(&head), r#"{"findings":[]}"#);
    let full = r.seen[0].user.len();
    assert!(r.seen[0].user.contains("@login_required"));
    assert!(
        !r.seen[0].user.contains("db.raw") && !r.seen[0].user.contains("HELPERS"),
        "a helper from an excluded file was sent"
    );
    // A budget that holds the hunk but not the function: the hunk goes alone.
    let (_, plain) = run_views(&config, None, r#"{"findings":[]}"#);
    let system = prompt::tokens(prompt::system_prompt().len());
    config.max_request_tokens = system + prompt::tokens(plain.seen[0].user.len()) + 20;
    assert!(prompt::tokens(full) + system > config.max_request_tokens);
    let (pass, r) = run_views(&config, Some(&head), r#"{"findings":[]}"#);
    let sent = &r.seen[0].user;
    assert!(
        sent.contains("+    17 |") && !sent.contains("@login_required"),
        "{sent}"
    );
    assert!(
        !pass
            .warnings
            .iter()
            .any(|w| w.contains("not reviewed") && w.contains("views.py")),
        "{:?}",
        pass.warnings
    );
}

#[test]
fn hunks_out_of_order_or_overlapping_never_panic() {
    let head = Head(vec![("views.py", views_head())]);
    let mut parsed = 0;
    for hunks in [
        "@@ -16,0 +17,1 @@\n+    doc = fetch_doc(doc_id)\n@@ -1,0 +1,1 @@\n+import db\n",
        "@@ -16,0 +17,1 @@\n+    doc = fetch_doc(doc_id)\n@@ -16,0 +17,1 @@\n+    doc = fetch_doc(doc_id)\n",
        "@@ -1,0 +4294967295,1 @@\n+x\n",
        "@@ -1,0 +0,1 @@\n+x\n",
    ] {
        let text =
            format!("diff --git a/views.py b/views.py\n--- a/views.py\n+++ b/views.py\n{hunks}");
        if parse::parse(text.as_bytes()).is_err() {
            continue;
        }
        parsed += 1;
        let (pass, _) = run_diff(&text, Vec::new(), &LlmConfig::default(), Some(&head));
        assert!(!pass.warnings.is_empty());
    }
    assert!(parsed >= 2, "only {parsed} hostile diffs parsed");
}

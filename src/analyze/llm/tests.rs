//! Unit tests of the pass with a scripted reviewer.

use super::*;
use crate::diff::parse;

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
    let diff = parse::parse(DIFF.as_bytes()).expect("diff");
    let rules = crate::rules::load(&[]).expect("rules");
    let analysis = crate::analyze::analyze(&diff, &rules, &crate::config::Limits::default());
    let mut r = Scripted {
        answers,
        seen: Vec::new(),
    };
    let pass = review(
        &Input {
            diff: &diff,
            rule_findings: &analysis.findings,
            rules: &rules,
            config,
            exclude: &[],
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

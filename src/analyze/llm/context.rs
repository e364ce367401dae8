//! Context for recall: what besides the hunks helps the model judge a change.
//!
//! - The whole enclosing function of each hunk, when the file at the head revision is
//!   available (`scan` over a git range, `review --diff-source git`), so a missing check
//!   in the unchanged part of the function, its decorators and its signature are seen.
//! - The definitions of helpers a file calls that the same change adds in another file,
//!   so "unsafe use of a helper defined elsewhere in the diff" can be judged in one unit.
//!
//! Both are heuristics over text (no parser): a function starts at a header line (`def`,
//! `fn`, `func`, `function`, a method with modifiers, …) and ends where its braces close
//! or its indentation ends. They are bounded (lines per side, helpers per file) and
//! simply absent when nothing is recognised; the hunks are always sent as before.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use regex::Regex;

use crate::diff::{Diff, Hunk, LineKind};

/// Unchanged lines of the enclosing function shown on each side of a hunk, at most.
pub const MAX_SIDE_LINES: usize = 60;
/// How far up a function header is looked for, and how far down its end.
const MAX_SCAN_LINES: usize = 400;
/// Decorator and attribute lines kept above a header.
const MAX_DECORATORS: usize = 8;
/// Helper definitions shown per file.
pub const MAX_HELPERS: usize = 5;
/// Lines shown per helper definition.
pub const MAX_HELPER_LINES: usize = 30;

/// Words that look like a call or a header but are neither.
const KEYWORDS: &[&str] = &[
    "if", "for", "while", "switch", "catch", "return", "else", "elif", "sizeof", "new", "with",
    "function", "do", "try", "match", "when", "unless", "until", "foreach", "using", "lock",
    "typeof", "await", "yield", "throw", "delete", "in", "of", "and", "or", "not", "print",
    "super", "assert", "except", "lambda", "fn", "func", "def",
];

fn header_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"(?x)^\s*(?:
              (?:async\s+)?def\s+(?P<py>\w+)\s*\(
            | (?:(?:pub(?:\([^)]*\))?|async|const|unsafe|extern\s+"[^"]*")\s+)*fn\s+(?P<rs>\w+)
            | func\s+(?:\([^)]*\)\s*)?(?P<go>\w+)\s*[\[(]
            | (?:(?:export|default|async|public|private|protected|static|final|abstract)\s+)*function\s*\*?\s*(?P<js>\w+)?\s*\(
            | (?:export\s+)?(?:const|let|var)\s+(?P<arrow>\w+)\s*=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|\w+\s*=>)
            | (?:def|sub)\s+(?:self\.)?(?P<rb>\w+[?!]?)
            | (?:(?:public|private|protected|internal|static|final|override|virtual|abstract|async|synchronized|native|inline)\s+)+[\w<>\[\],.?\s]*?\b(?P<java>\w+)\s*\([^;]*$
            | (?:[\w:<>*&]+\s+)+[*&]*(?P<c>\w+)\s*\([^;]*\)\s*(?:const\s*)?\{?\s*$
            | (?:async\s+)?(?P<method>\w+)\s*\([^;]*\)\s*\{\s*$
            | .*(?:\bfunction\s*\*?\s*\w*\s*\([^)]*\)|\([^)]*\)\s*=>|\b\w+\s*=>)\s*\{\s*$
            )"#,
        )
        .unwrap_or_else(|_| unreachable!("constant regex compiles"))
    })
}

fn call_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b([A-Za-z_]\w*)\s*\(")
            .unwrap_or_else(|_| unreachable!("constant regex compiles"))
    })
}

/// First words of statements that look like a C-style header (`return render(doc)`).
const STATEMENT_WORDS: &[&str] = &[
    "return", "raise", "throw", "new", "await", "yield", "assert", "del", "defer", "go", "not",
    "else", "case", "echo", "puts", "print", "delete", "typeof", "import", "from", "with", "elif",
    "if", "while", "for", "switch", "catch", "when", "unless", "and", "or", "is", "in", "lambda",
    "sizeof", "goto",
];

/// `Some(name)` if the line starts a function (`Some("")` for an anonymous one).
fn header(line: &str) -> Option<&str> {
    let first_word = line
        .trim_start()
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or_default();
    if STATEMENT_WORDS.contains(&first_word) {
        return None;
    }
    let caps = header_re().captures(line)?;
    let name = caps
        .iter()
        .skip(1)
        .flatten()
        .next()
        .map_or("", |m| m.as_str());
    (!KEYWORDS.contains(&name)).then_some(name)
}

fn indent(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

fn blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Brace depth change of a line, ignoring braces in string literals and `//` comments.
fn brace_delta(line: &str) -> (i32, bool) {
    let (mut delta, mut opened, mut quote, mut prev) = (0, false, None, ' ');
    for c in line.chars() {
        match quote {
            Some(q) if c == q && prev != '\\' => quote = None,
            Some(_) => {}
            None => match c {
                '"' | '\'' | '`' => quote = Some(c),
                '/' if prev == '/' => break,
                '{' => {
                    delta += 1;
                    opened = true;
                }
                '}' => delta -= 1,
                _ => {}
            },
        }
        prev = c;
    }
    (delta, opened)
}

/// The last line (0-based) of the function whose header is line `h`.
fn end_of(lines: &[&str], h: usize) -> usize {
    let limit = lines.len().min(h + MAX_SCAN_LINES);
    let python_like = lines[h].trim_end().ends_with(':');
    if !python_like {
        let mut depth = 0;
        let mut opened = false;
        for (j, line) in lines.iter().enumerate().take(limit).skip(h) {
            let (d, o) = brace_delta(line);
            depth += d;
            opened |= o;
            if opened && depth <= 0 {
                return j;
            }
            if !opened && (j >= h + 3 || line.trim_end().ends_with(';')) {
                break;
            }
        }
    }
    let base = indent(lines[h]);
    let mut end = h;
    for (j, line) in lines.iter().enumerate().take(limit).skip(h + 1) {
        if blank(line) {
            continue;
        }
        if indent(line) <= base {
            break;
        }
        end = j;
    }
    end
}

/// The function enclosing line `first` (0-based): (first line shown, header, end), the
/// first line including decorators and attributes above the header.
fn enclosing(lines: &[&str], first: usize) -> Option<(usize, usize, usize)> {
    let target = indent(lines.get(first)?);
    let h = (first.saturating_sub(MAX_SCAN_LINES)..=first)
        .rev()
        .find(|&i| header(lines[i]).is_some() && (i == first || indent(lines[i]) <= target))?;
    let end = end_of(lines, h);
    if end < first {
        return None;
    }
    let mut top = h;
    while top > 0 && h - top < MAX_DECORATORS {
        let above = lines[top - 1].trim_start();
        if above.starts_with('@') || above.starts_with("#[") {
            top -= 1;
        } else {
            break;
        }
    }
    Some((top, h, end))
}

/// Whether the file text agrees with the hunks (every added and context line is where
/// the diff says): context from another revision would mislead the model.
fn agrees(lines: &[&str], hunks: &[Hunk]) -> bool {
    hunks
        .iter()
        .flat_map(|h| &h.lines)
        .all(|l| match l.new_line {
            Some(n) if l.kind != LineKind::Removed => lines
                .get((n as usize).wrapping_sub(1))
                .is_some_and(|t| t.trim_end_matches('\r') == l.text.trim_end_matches('\r')),
            _ => true,
        })
}

/// New-file line numbers (1-based) of the unchanged function lines worth showing around
/// the hunks of a file whose head text is `text`; lines the hunks show are left out.
/// Empty when the text does not match the hunks or no function is recognised.
pub fn function_lines(text: &str, hunks: &[Hunk]) -> BTreeSet<u32> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = BTreeSet::new();
    if lines.is_empty() || !agrees(&lines, hunks) {
        return out;
    }
    for hunk in hunks {
        let added: Vec<usize> = hunk
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Added)
            .filter_map(|l| l.new_line)
            .filter_map(|n| (n as usize).checked_sub(1))
            .collect();
        let (Some(&first), Some(&last)) = (added.first(), added.last()) else {
            continue;
        };
        let Some((top, h, end)) = enclosing(&lines, first) else {
            continue;
        };
        let mut add = |from: usize, to: usize| {
            for i in from..=to.min(lines.len() - 1) {
                out.insert(u32::try_from(i + 1).unwrap_or(u32::MAX));
            }
        };
        add(top, h);
        let from = first.saturating_sub(MAX_SIDE_LINES).max(h + 1);
        if from < first {
            add(from, first - 1);
        }
        if last < end {
            add(last + 1, end.min(last + MAX_SIDE_LINES));
        }
    }
    for hunk in hunks {
        let (start, count) = (hunk.new_start, hunk.new_count);
        out.retain(|n| *n < start || *n >= start.saturating_add(count));
    }
    out
}

/// A function the change adds: where, and its first lines.
#[derive(Debug, Clone)]
pub struct Definition {
    /// File.
    pub path: String,
    /// (new line number, text) of the header and the body lines the hunk shows.
    pub lines: Vec<(u32, String)>,
}

/// Functions defined on added lines of the change, by name.
pub fn definitions(diff: &Diff) -> BTreeMap<String, Vec<Definition>> {
    let mut out: BTreeMap<String, Vec<Definition>> = BTreeMap::new();
    for file in diff
        .files
        .iter()
        .filter(|f| f.is_scannable() && !f.is_symlink())
    {
        for hunk in &file.hunks {
            let new_side: Vec<(u32, &str, bool)> = hunk
                .lines
                .iter()
                .filter(|l| l.kind != LineKind::Removed)
                .filter_map(|l| {
                    l.new_line
                        .map(|n| (n, l.text.as_str(), l.kind == LineKind::Added))
                })
                .collect();
            let texts: Vec<&str> = new_side.iter().map(|(_, t, _)| *t).collect();
            for (i, (_, text, is_added)) in new_side.iter().enumerate() {
                let Some(name) = header(text).filter(|n| *is_added && !n.is_empty()) else {
                    continue;
                };
                let end = end_of(&texts, i).min(i + MAX_HELPER_LINES - 1);
                out.entry(name.to_string()).or_default().push(Definition {
                    path: file.path().to_string(),
                    lines: new_side[i..=end]
                        .iter()
                        .map(|(n, t, _)| (*n, (*t).to_string()))
                        .collect(),
                });
            }
        }
    }
    out
}

/// Names the given lines call (`name(`), keywords left out, in first-seen order.
pub fn calls<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for line in lines {
        for c in call_re().captures_iter(line) {
            let name = &c[1];
            if !KEYWORDS.contains(&name) && seen.insert(name.to_string()) {
                out.push(name.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    fn hunks(diff: &str) -> Vec<Hunk> {
        crate::diff::parse(diff.as_bytes()).expect("diff").files[0]
            .hunks
            .clone()
    }

    const PY: &str = "import os

@app.route('/docs/<id>')
@login_required
def show(request, doc_id):
    user = request.user
    log(user)
    doc = Document.get(doc_id)
    audit(doc)
    return render(doc)

def other():
    pass
";

    #[test]
    fn a_python_hunk_gets_its_decorators_signature_and_body() {
        // Line 8 added, 3 lines of context around it (5..=10 minus nothing).
        let diff = "--- a/v.py\n+++ b/v.py\n@@ -6,3 +6,4 @@\n     user = request.user\n     log(user)\n+    doc = Document.get(doc_id)\n     audit(doc)\n";
        let got = function_lines(PY, &hunks(diff));
        let want: BTreeSet<u32> = [3, 4, 5, 10].into_iter().collect();
        assert_eq!(got, want, "decorators, header and the rest of the body");
    }

    #[test]
    fn brace_functions_end_where_their_braces_close() {
        let js = "const a = 1;\nfunction pay(req, res) {\n  const id = req.params.id;\n  if (ok) {\n    charge(id);\n  }\n  res.send('{');\n}\nfunction next() {\n}\n";
        let diff = "--- a/p.js\n+++ b/p.js\n@@ -5,1 +5,1 @@\n-    refund(id);\n+    charge(id);\n";
        let got = function_lines(js, &hunks(diff));
        let want: BTreeSet<u32> = [2, 3, 4, 6, 7, 8].into_iter().collect();
        assert_eq!(got, want);
    }

    #[test]
    fn no_context_when_the_text_disagrees_or_no_function_encloses_the_change() {
        let diff = "--- a/v.py\n+++ b/v.py\n@@ -6,3 +6,4 @@\n     user = request.user\n     log(user)\n+    doc = Document.get(doc_id)\n     audit(doc)\n";
        let other = PY.replace("log(user)", "log(other)");
        assert!(function_lines(&other, &hunks(diff)).is_empty());
        let top = "--- a/v.py\n+++ b/v.py\n@@ -1,1 +1,2 @@\n import os\n+import sys\n";
        assert!(function_lines("import os\nimport sys\n", &hunks(top)).is_empty());
    }

    #[test]
    fn long_functions_are_cut_around_the_hunk() {
        let mut text = String::from("def big():\n");
        for i in 0..300 {
            let _ = writeln!(text, "    x{i} = {i}");
        }
        // Line 152 (x150) changed.
        let diff = "--- a/b.py\n+++ b/b.py\n@@ -152,1 +152,1 @@\n-    x150 = 0\n+    x150 = 150\n";
        let got = function_lines(&text, &hunks(diff));
        assert!(got.contains(&1), "the header is always shown");
        assert!(got.len() <= 1 + 2 * MAX_SIDE_LINES, "{}", got.len());
        assert!(!got.contains(&2) && got.contains(&92) && got.contains(&212));
        assert!(!got.contains(&213));
    }

    #[test]
    fn helpers_added_elsewhere_are_found_by_name() {
        let diff = "diff --git a/util.py b/util.py\n--- a/util.py\n+++ b/util.py\n@@ -1,0 +1,3 @@\n+def fetch_doc(doc_id):\n+    return db.raw(\"select * from d where id=\" + doc_id)\n+\ndiff --git a/views.py b/views.py\n--- a/views.py\n+++ b/views.py\n@@ -1,0 +1,2 @@\n+def show(req):\n+    return fetch_doc(req.GET['id'])\n";
        let parsed = crate::diff::parse(diff.as_bytes()).expect("diff");
        let defs = definitions(&parsed);
        let d = &defs["fetch_doc"][0];
        assert_eq!(d.path, "util.py");
        assert_eq!(d.lines.len(), 2, "{:?}", d.lines);
        assert!(d.lines[1].1.contains("db.raw"));
        assert_eq!(
            calls(["    return fetch_doc(req.GET['id']) if x else print(y)"].into_iter()),
            vec!["fetch_doc".to_string()]
        );
    }

    #[test]
    fn headers_are_recognised_across_languages() {
        for (line, name) in [
            ("    async def handler(self, req):", Some("handler")),
            ("pub(crate) async fn load(x: u32) -> u8 {", Some("load")),
            (
                "func (s *Server) Serve(w http.ResponseWriter) {",
                Some("Serve"),
            ),
            ("export async function getUser(id) {", Some("getUser")),
            ("const del = async (req, res) => {", Some("del")),
            (
                "  public ResponseEntity<Doc> get(@PathVariable long id) {",
                Some("get"),
            ),
            ("static int parse(const char *s)", Some("parse")),
            ("  def update!", Some("update!")),
            ("module.exports = function (req) {", Some("")),
            ("app.get('/doc/:id', async (req, res) => {", Some("")),
        ] {
            assert_eq!(header(line), name, "{line}");
        }
        for line in [
            "  if (x) {",
            "} else if (y) {",
            "  return foo(x);",
            "    return render(doc)",
            "    raise ValueError(x)",
            "x = 1",
        ] {
            assert_eq!(header(line), None, "{line}");
        }
    }
}

//! Detection quality on the labelled evaluation set in `tests/eval/*.eval`.
//!
//! Each `.eval` file is one category (its file stem up to the first `.`, so
//! `secrets.shapes.eval` adds to `secrets`): `secrets`, or a vulnerability
//! category that rules carry as a tag (`sql-injection`, `xss`, `kubernetes`, ...).
//! Format: `@ PATH` starts a file scanned as if the MR added it; `+ LINE` must be
//! reported by a rule of the category, `- LINE` must not be reported by any rule of any
//! category, `. LINE` is unlabelled context. Lines starting with `#` are comments.
//!
//! Run `cargo test --test it eval:: -- --nocapture` to print the precision/recall table.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;
use std::path::Path;

use mrwarden::analyze::scan_whole_file;
use mrwarden::config::Limits;
use mrwarden::finding::FindingKind;

/// A `+`/`-` labelled line.
struct Case {
    category: String,
    file: usize,
    line: u32,
    positive: bool,
    text: String,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Counts {
    fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Secrets: precision and recall >= 0.97; vulnerability categories: F1 >= 0.8.
fn meets_target(category: &str, c: Counts) -> bool {
    if category == "secrets" {
        c.precision() >= 0.97 && c.recall() >= 0.97
    } else {
        c.f1() >= 0.8
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        f64::from(a) / f64::from(b)
    }
}

/// Files to scan (path, content), labelled cases, and categories, from `.eval` files.
fn parse(names: &[std::path::PathBuf]) -> (Vec<(String, String)>, Vec<Case>, BTreeSet<String>) {
    let mut files: Vec<(String, String)> = Vec::new();
    let mut cases: Vec<Case> = Vec::new();
    let mut categories: BTreeSet<String> = BTreeSet::new();
    for path in names {
        // `secrets.shapes.eval` adds to the `secrets` category.
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let category = stem.split('.').next().unwrap_or_default().to_string();
        categories.insert(category.clone());
        let text = std::fs::read_to_string(path).expect("readable eval file");
        let mut line_no = 0u32;
        for raw in text.lines() {
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            if let Some(p) = raw.strip_prefix("@ ") {
                files.push((p.trim().to_string(), String::new()));
                line_no = 0;
                continue;
            }
            let (tag, body) = raw.split_at(raw.len().min(2));
            let file = files
                .len()
                .checked_sub(1)
                .unwrap_or_else(|| panic!("{}: a line before the first '@ path'", path.display()));
            line_no += 1;
            files[file].1.push_str(body);
            files[file].1.push('\n');
            match tag {
                "+ " | "- " => cases.push(Case {
                    category: category.clone(),
                    file,
                    line: line_no,
                    positive: tag == "+ ",
                    text: body.to_string(),
                }),
                ". " => {}
                _ => panic!("{}: bad line {raw:?}", path.display()),
            }
        }
    }

    (files, cases, categories)
}

#[test]
#[allow(clippy::print_stdout)]
fn detection_quality_meets_targets() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/eval exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "eval"))
        .collect();
    names.sort();
    let rules = mrwarden::rules::load(&[]).expect("built-in rules compile");
    let tags: HashMap<&str, &[String]> = rules
        .rules
        .iter()
        .map(|r| (r.spec.id.as_str(), r.spec.tags.as_slice()))
        .collect();
    let limits = Limits::default();

    let (files, cases, categories) = parse(&names);

    // (file, line) -> categories reported there.
    let mut reported: HashMap<(usize, u32), BTreeSet<String>> = HashMap::new();
    for (i, (path, content)) in files.iter().enumerate() {
        let analysis = scan_whole_file(path, content.as_bytes(), &rules, &limits);
        for f in analysis.findings {
            let cats = reported.entry((i, f.start_line)).or_default();
            if f.kind == FindingKind::Secret {
                cats.insert("secrets".to_string());
            }
            for t in tags.get(f.rule_id.as_str()).copied().unwrap_or_default() {
                cats.insert(t.clone());
            }
        }
    }

    let mut counts: BTreeMap<String, Counts> = categories
        .iter()
        .map(|c| (c.clone(), Counts::default()))
        .collect();
    let mut misses = Vec::new();
    for case in &cases {
        let got = reported.get(&(case.file, case.line));
        let path = &files[case.file].0;
        if case.positive {
            let c = counts.get_mut(&case.category).expect("category");
            if got.is_some_and(|g| g.contains(&case.category)) {
                c.tp += 1;
            } else {
                c.fn_ += 1;
                misses.push(format!("FN {:<22} {path}: {}", case.category, case.text));
            }
        } else {
            for cat in &categories {
                if got.is_some_and(|g| g.contains(cat)) {
                    counts.get_mut(cat).expect("category").fp += 1;
                    misses.push(format!("FP {cat:<22} {path}: {}", case.text));
                }
            }
        }
    }

    let positives: BTreeMap<&str, usize> =
        cases
            .iter()
            .filter(|c| c.positive)
            .fold(BTreeMap::new(), |mut m, c| {
                *m.entry(c.category.as_str()).or_default() += 1;
                m
            });
    let negatives = cases.iter().filter(|c| !c.positive).count();
    let mut table = String::new();
    let _ = writeln!(
        table,
        "{:<22} {:>5} {:>4} {:>4} {:>4} {:>9} {:>7} {:>6}",
        "category", "pos", "tp", "fp", "fn", "precision", "recall", "f1"
    );
    let mut failures = Vec::new();
    for (cat, c) in &counts {
        let _ = writeln!(
            table,
            "{:<22} {:>5} {:>4} {:>4} {:>4} {:>9.3} {:>7.3} {:>6.3}",
            cat,
            positives.get(cat.as_str()).copied().unwrap_or(0),
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall(),
            c.f1()
        );
        let ok = meets_target(cat, *c);
        if !ok {
            failures.push(cat.clone());
        }
    }
    let _ = writeln!(table, "({} labelled lines, {negatives} safe)", cases.len());
    println!("{table}");
    for m in &misses {
        println!("{m}");
    }
    assert!(
        failures.is_empty(),
        "below target (secrets P,R >= 0.97; others F1 >= 0.8): {failures:?}\n{table}"
    );
}

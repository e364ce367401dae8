//! Micro-benchmarks for the two hot stages: the unified-diff parser and the rule matcher
//! (issue 11). They catch regressions; the side-by-side comparison with other tools is
//! `bench/run.sh`. Run: `cargo bench --bench engine` (add `-- --sample-count 50` etc.).
//!
//! The input is generated here, deterministically: `FILES` new files of `LINES` added
//! lines each, mixing ordinary code with a planted secret or injection every ~500 lines,
//! so the matcher does the work it does on a real MR (keyword hits are rare).

use std::fmt::Write as _;

use divan::{Bencher, black_box};
use mrwarden::{analyze, config::Limits, diff, rules};

fn main() {
    divan::main();
}

const BODY: &[&str] = &[
    "def handle(request):",
    "    value = request.args.get('id')",
    "    items = [x for x in value if x]",
    "    logger.info('processing %s', value)",
    "    return render(items)",
    "const total = items.reduce((a, b) => a + b, 0);",
    "func Process(ctx context.Context, id int) error {",
    "\tif err != nil { return err }",
    "public int compute(int value) { return value + 1; }",
    "RUN apt-get install -y --no-install-recommends curl",
    "resource \"aws_s3_bucket\" \"data\" { bucket = \"data\" }",
];

const PLANTED: &[&str] = &[
    "aws_key = \"AKIAQ2W3E4R5T6Y7U8I9\"",
    "    cur.execute(f\"SELECT * FROM t WHERE id = {value}\")",
    "    subprocess.run(\"ls \" + value, shell=True)",
    "token = \"glpat-Zx8Kq2Lm9Np4Rs7Tv1Wy\"",
];

const EXTS: &[&str] = &["py", "js", "go", "java", "Dockerfile", "tf"];

/// A unified diff adding `files` new files of `lines` lines each.
fn synthetic_diff(files: usize, lines: usize) -> Vec<u8> {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    let mut out = String::new();
    for f in 0..files {
        let ext = EXTS[f % EXTS.len()];
        let path = if ext == "Dockerfile" {
            format!("svc{f}/Dockerfile")
        } else {
            format!("src/m{f}.{ext}")
        };
        let _ = write!(
            out,
            "diff --git a/{path} b/{path}\nnew file mode 100644\nindex 0000000..1111111\n--- /dev/null\n+++ b/{path}\n@@ -0,0 +1,{lines} @@\n"
        );
        for _ in 0..lines {
            let r = next();
            let line = if r % 500 == 0 {
                PLANTED[r / 500 % PLANTED.len()]
            } else {
                BODY[r % BODY.len()]
            };
            out.push('+');
            out.push_str(line);
            out.push('\n');
        }
    }
    out.into_bytes()
}

#[divan::bench(args = [(20, 50), (200, 100), (2_000, 100)])]
fn parse(bencher: Bencher, (files, lines): (usize, usize)) {
    let text = synthetic_diff(files, lines);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| diff::parse::parse(black_box(&text)).expect("the synthetic diff parses"));
}

#[divan::bench(args = [(20, 50), (200, 100), (2_000, 100)])]
fn analyze_added_lines(bencher: Bencher, (files, lines): (usize, usize)) {
    let parsed = diff::parse::parse(&synthetic_diff(files, lines)).expect("parses");
    let rules = rules::load(&[]).expect("built-in rules compile");
    let limits = Limits::default();
    bencher
        .counter(divan::counter::ItemsCount::new(files * lines))
        .bench(|| {
            let analysis = analyze::analyze(black_box(&parsed), &rules, &limits);
            assert!(!analysis.findings.is_empty(), "planted findings are found");
            analysis
        });
}

/// Compiling the built-in packs is start-up cost paid by every run.
#[divan::bench]
fn compile_builtin_rules() -> rules::RuleSet {
    rules::load(&[]).expect("built-in rules compile")
}

/// Reading the embedded YAML packs alone (the part of start-up that is not compiling).
#[divan::bench]
fn parse_builtin_packs() -> usize {
    rules::builtin::packs().expect("built-in packs parse").len()
}

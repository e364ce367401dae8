//! The diff cases DESIGN.md names, each on a real repository built with `git`, checked
//! through what the real binary reports (`--format json`) and, where the output cannot
//! show it, through the library's parsed model of the same `git diff`.
//!
//! Every case plants fake GitLab tokens (`common::token`) on some lines; the binary must
//! report exactly the ones on added lines, at the exact path and new line number, and
//! never print a token whole.

use crate::support::common;

use common::{REDACTED_TOKEN, Repo, token, token_line};
use mrwarden::diff::{FileDiff, FileStatus};

/// One diff case: what `main` holds, what branch `feature` changes, and where the
/// `gitlab-pat` findings must be. Every case keeps its files under its own directory so
/// all cases can also run together in one repository.
struct Case {
    name: &'static str,
    base: fn(&Repo),
    change: fn(&Repo),
    /// `(path, new line)` of every expected `gitlab-pat` finding.
    expect: &'static [(&'static str, u64)],
    /// `(path, reason)` file notes that must be present.
    notes: &'static [(&'static str, &'static str)],
}

/// Builds `main` with `base`, then branch `feature` with `change`, one commit each.
fn build(cases: &[&Case]) -> Repo {
    let r = Repo::new();
    r.write("README.md", "test repository\n");
    for c in cases {
        (c.base)(&r);
    }
    r.commit("base");
    r.branch("feature");
    for c in cases {
        (c.change)(&r);
    }
    r.commit("change");
    r
}

/// Scans `main...feature` and checks findings, redaction, notes and the exit code.
fn check(cases: &[&Case]) {
    let r = build(cases);
    check_repo(&r, cases, &[]);
}

fn check_repo(r: &Repo, cases: &[&Case], extra: &[&str]) -> Vec<common::Found> {
    let names: Vec<_> = cases.iter().map(|c| c.name).collect();
    let run = r.scan_json(extra);
    let mut expected: Vec<(String, String, u64)> = cases
        .iter()
        .flat_map(|c| c.expect.iter())
        .map(|(p, l)| ("gitlab-pat".to_string(), (*p).to_string(), *l))
        .collect();
    expected.sort();
    let mut got = run.locations();
    got.sort();
    assert_eq!(got, expected, "cases {names:?}\n{run}");
    assert_eq!(
        run.code,
        i32::from(!expected.is_empty()),
        "cases {names:?}\n{run}"
    );
    let findings = run.findings();
    for f in &findings {
        assert!(
            f.snippet.contains(REDACTED_TOKEN),
            "snippet not redacted: {f:?}"
        );
        assert!(
            !f.snippet.contains('\r') && !f.snippet.contains('\n'),
            "{f:?}"
        );
    }
    for n in 0..100 {
        run.assert_never_shows(&token(n));
    }
    let notes = run.notes();
    for (path, reason) in cases.iter().flat_map(|c| c.notes.iter()) {
        assert!(
            notes.iter().any(|(p, r)| p == path && r == reason),
            "cases {names:?}: note ({path}, {reason}) missing from {notes:?}"
        );
    }
    // The Code Quality report says the same as stdout.
    let cq = run.code_quality();
    assert_eq!(cq.len(), findings.len(), "{cq:?}");
    findings
}

fn lines(lines: &[&str]) -> String {
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

const ADDED: Case = Case {
    name: "added",
    base: |_| {},
    change: |r| {
        r.write("added/new.py", format!("import os\n\n{}\n", token_line(1)));
    },
    expect: &[("added/new.py", 3)],
    notes: &[],
};

const MODIFIED: Case = Case {
    name: "modified",
    base: |r| {
        r.write(
            "modified/settings.py",
            lines(&[
                "import os",
                "",
                "# settings",
                &token_line(2), // stays: context of the hunk, never reported
                "DEBUG = False",
                &token_line(3), // removed: never reported
                "PORT = 8080",
                "HOST = 'localhost'",
                "NAME = 'svc'",
                "END = 1",
            ]),
        );
    },
    change: |r| {
        r.write(
            "modified/settings.py",
            lines(&[
                "import os",
                "",
                "# settings",
                &token_line(2),
                "DEBUG = False",
                &token_line(4), // replaces line 6
                "PORT = 8080",
                "HOST = 'localhost'",
                &token_line(5), // inserted as line 9
                "NAME = 'svc'",
                "END = 1",
            ]),
        );
    },
    expect: &[("modified/settings.py", 6), ("modified/settings.py", 9)],
    notes: &[],
};

const DELETED: Case = Case {
    name: "deleted",
    base: |r| {
        r.write("deleted/old.py", format!("{}\nx = 1\n", token_line(6)));
    },
    change: |r| {
        r.remove("deleted/old.py");
    },
    expect: &[],
    notes: &[],
};

fn twelve_lines(special: Option<(usize, String)>) -> String {
    let mut v: Vec<String> = (1..=12).map(|i| format!("value_{i} = {i}")).collect();
    if let Some((at, text)) = special {
        v.insert(at - 1, text);
    }
    let mut s = v.join("\n");
    s.push('\n');
    s
}

const RENAMED: Case = Case {
    name: "renamed",
    base: |r| {
        r.write(
            "renamed/old_name.py",
            twelve_lines(Some((3, token_line(7)))),
        );
    },
    change: |r| {
        r.git(&["mv", "renamed/old_name.py", "renamed/new_name.py"]);
    },
    expect: &[],
    notes: &[],
};

const RENAMED_EDITED: Case = Case {
    name: "renamed-edited",
    base: |r| {
        r.write(
            "renamed-edited/a.py",
            twelve_lines(Some((3, token_line(8)))),
        );
    },
    change: |r| {
        r.remove("renamed-edited/a.py");
        let mut v: Vec<String> = twelve_lines(Some((3, token_line(8))))
            .lines()
            .map(str::to_string)
            .collect();
        v.insert(6, token_line(9)); // line 7
        r.write("renamed-edited/b dir/b.py", v.join("\n") + "\n");
    },
    expect: &[("renamed-edited/b dir/b.py", 7)],
    notes: &[],
};

const BINARY: Case = Case {
    name: "binary",
    base: |r| {
        r.write("binary/old.bin", b"\x00\x01\x02old\n");
    },
    change: |r| {
        let mut bytes = b"\x00\x01\x02".to_vec();
        bytes.extend_from_slice(token_line(10).as_bytes());
        bytes.push(b'\n');
        r.write("binary/new.bin", &bytes);
        r.write("binary/old.bin", &bytes);
    },
    expect: &[],
    notes: &[("binary/new.bin", "binary"), ("binary/old.bin", "binary")],
};

const CRLF: Case = Case {
    name: "crlf",
    base: |r| {
        r.write("crlf/win.ini", "[a]\r\nx=1\r\ny=2\r\n");
    },
    change: |r| {
        r.write(
            "crlf/win.ini",
            format!("[a]\r\nx=1\r\n{}\r\ny=2\r\n", token_line(11)),
        );
        r.write("crlf/new.txt", format!("one\r\n{}\r\n", token_line(12)));
    },
    expect: &[("crlf/win.ini", 3), ("crlf/new.txt", 2)],
    notes: &[],
};

const INVALID_UTF8: Case = Case {
    name: "invalid-utf8",
    base: |_| {},
    change: |r| {
        let mut b = b"# caf\xe9 latin-1\n".to_vec();
        b.extend_from_slice(token_line(13).as_bytes());
        b.extend_from_slice(b"\nx = '\xff\xfe'; ");
        b.extend_from_slice(token_line(14).as_bytes());
        b.extend_from_slice(b" # \xc3\n");
        r.write("invalid-utf8/latin1.py", &b);
    },
    expect: &[("invalid-utf8/latin1.py", 2), ("invalid-utf8/latin1.py", 3)],
    notes: &[],
};

const NO_NEWLINE: Case = Case {
    name: "no-newline",
    base: |r| {
        r.write("no-newline/tail.py", "a = 1\nb = 2");
    },
    change: |r| {
        // The old last line gets a newline; the new last line has none.
        r.write(
            "no-newline/tail.py",
            format!("a = 1\nb = 2\n{}", token_line(15)),
        );
        r.write("no-newline/new.py", token_line(16));
    },
    expect: &[("no-newline/tail.py", 3), ("no-newline/new.py", 1)],
    notes: &[],
};

const MODE_ONLY: Case = Case {
    name: "mode-only",
    base: |r| {
        r.write("mode-only/run.sh", format!("#!/bin/sh\n# {}\n", token(17)));
    },
    change: |r| {
        r.git(&["update-index", "--chmod=+x", "mode-only/run.sh"]);
        set_executable(&r.path().join("mode-only/run.sh"));
    },
    expect: &[],
    notes: &[],
};

fn set_executable(path: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

const SUBMODULE: Case = Case {
    name: "submodule",
    base: |r| {
        let src = r.home().join("subsrc");
        let src = src.to_str().expect("utf-8 temp path");
        r.git(&["init", "--quiet", "--initial-branch=main", src]);
        std::fs::write(format!("{src}/lib.py"), token_line(18) + "\n").expect("write");
        r.git(&["-C", src, "add", "--all"]);
        r.git(&["-C", src, "commit", "--quiet", "-m", "one"]);
        r.git(&["submodule", "--quiet", "add", src, "submodule/dep"]);
    },
    change: |r| {
        let src = r.home().join("subsrc");
        let src = src.to_str().expect("utf-8 temp path");
        std::fs::write(format!("{src}/lib.py"), token_line(19) + "\n").expect("write");
        r.git(&["-C", src, "commit", "--quiet", "-am", "two"]);
        r.git(&["-C", "submodule/dep", "pull", "--quiet", "origin", "main"]);
        r.write("submodule/uses.py", format!("{}\n", token_line(20)));
    },
    expect: &[("submodule/uses.py", 1)],
    notes: &[("submodule/dep", "submodule")],
};

const PATHS: Case = Case {
    name: "paths",
    base: |r| {
        r.write("paths/dir with space/old name.py", twelve_lines(None));
    },
    change: |r| {
        let body = |n| format!("x = 1\n{}\n", token_line(n));
        r.write("paths/dir with space/file name.py", body(21));
        r.write("paths/quote\"d 'single'.py", body(22));
        r.write("paths/ünïcødé/файл.py", body(23));
        r.write("paths/back\\slash.py", body(24));
        r.write("paths/tab\there.py", body(25));
        r.write("paths/new\nline.py", body(26));
        r.write("paths/ends with space .py", body(27));
        r.write("paths/a b/c b/d.py", body(28));
        // A rename between awkward names, with an edit at line 5.
        r.remove("paths/dir with space/old name.py");
        r.write(
            "paths/ünï cødé/new \"name\".py",
            twelve_lines(Some((5, token_line(29)))),
        );
    },
    expect: &[
        ("paths/dir with space/file name.py", 2),
        ("paths/quote\"d 'single'.py", 2),
        ("paths/ünïcødé/файл.py", 2),
        ("paths/back\\slash.py", 2),
        ("paths/tab\there.py", 2),
        ("paths/new\nline.py", 2),
        ("paths/ends with space .py", 2),
        ("paths/a b/c b/d.py", 2),
        ("paths/ünï cødé/new \"name\".py", 5),
    ],
    notes: &[],
};

/// The change controls `.gitattributes`: marking text files `-diff` or `binary` must not
/// hide them from the scan.
const ATTRIBUTES: Case = Case {
    name: "attributes",
    base: |_| {},
    change: |r| {
        r.write(
            ".gitattributes",
            "*.py -diff\n*.ini binary\n*.txt diff=hidden\nattributes/** -diff\n",
        );
        r.write("attributes/hidden.py", format!("{}\n", token_line(30)));
        r.write("attributes/sub/.gitattributes", "* binary\n");
        r.write("attributes/sub/x.cfg", format!("{}\n", token_line(31)));
    },
    expect: &[("attributes/hidden.py", 1), ("attributes/sub/x.cfg", 1)],
    notes: &[],
};

const EMPTY: Case = Case {
    name: "empty",
    base: |_| {},
    change: |_| {},
    expect: &[],
    notes: &[],
};

const ALL: &[&Case] = &[
    &ADDED,
    &MODIFIED,
    &DELETED,
    &RENAMED,
    &RENAMED_EDITED,
    &BINARY,
    &CRLF,
    &INVALID_UTF8,
    &NO_NEWLINE,
    &MODE_ONLY,
    &SUBMODULE,
    &PATHS,
    &ATTRIBUTES,
    &EMPTY,
];

#[test]
fn added_file() {
    check(&[&ADDED]);
}

#[test]
fn modified_file_reports_added_lines_only() {
    check(&[&MODIFIED]);
}

#[test]
fn deleted_file_is_not_reported() {
    check(&[&DELETED]);
}

#[test]
fn renamed_file_without_edits_is_not_reported() {
    check(&[&RENAMED]);
}

#[test]
fn renamed_file_with_edits_reports_the_new_path() {
    check(&[&RENAMED_EDITED]);
}

#[test]
fn binary_files_are_noted_not_scanned() {
    check(&[&BINARY]);
}

#[test]
fn crlf_lines() {
    check(&[&CRLF]);
}

#[test]
fn invalid_utf8_bytes() {
    check(&[&INVALID_UTF8]);
}

#[test]
fn no_newline_at_end_of_file() {
    check(&[&NO_NEWLINE]);
}

#[test]
fn mode_only_change_is_not_reported() {
    check(&[&MODE_ONLY]);
}

#[test]
fn submodule_bump_is_noted_not_scanned() {
    check(&[&SUBMODULE]);
}

#[test]
fn awkward_paths() {
    check(&[&PATHS]);
}

#[test]
fn gitattributes_of_the_change_cannot_hide_files() {
    check(&[&ATTRIBUTES]);
}

#[test]
fn empty_diff() {
    let r = build(&[&EMPTY]);
    check_repo(&r, &[&EMPTY], &[]);
    let run = r.scan_json(&[]);
    assert_eq!(run.code_quality(), Vec::<serde_json::Value>::new());
    assert_eq!(run.json()["run"]["stats"]["files"], 0, "{run}");
}

#[test]
fn every_case_in_one_change() {
    check(ALL);
}

/// Git configuration a user may have must not change what is found.
#[test]
fn user_git_config_cannot_change_the_result() {
    let r = build(ALL);
    let plain = check_repo(&r, ALL, &[]);
    for (key, value) in [
        ("diff.noprefix", "true"),
        ("diff.mnemonicPrefix", "true"),
        ("color.ui", "always"),
        ("color.diff", "always"),
        ("diff.external", "false"),
        ("core.quotePath", "true"),
        ("diff.renames", "false"),
        ("diff.context", "0"),
        ("diff.interHunkContext", "10"),
        ("diff.suppressBlankEmpty", "true"),
        ("diff.submodule", "diff"),
        ("diff.ignoreSubmodules", "all"),
        ("diff.relative", "true"),
        ("diff.srcPrefix", "SRC/"),
        ("diff.dstPrefix", "DST/"),
        ("core.pager", "false"),
        ("pager.diff", "false"),
        ("diff.algorithm", "patience"),
    ] {
        r.git(&["config", key, value]);
    }
    let hostile = check_repo(&r, ALL, &[]);
    assert_eq!(plain, hostile);
}

/// A 5 MB single-line file finishes quickly, and a secret near its start is found within
/// the per-file cap.
#[test]
#[ignore = "slow tier: .ci/run runs it in release (cargo test --release --test it -- --ignored)"]
fn huge_single_line() {
    let r = Repo::new();
    r.write("README.md", "x\n");
    r.commit("base");
    r.branch("feature");
    let mut line = format!("const k = \"{}\"; const blob = \"", token(40));
    line.push_str(&"aB3/".repeat(5 * 1024 * 1024 / 4));
    line.push_str("\";\n");
    r.write("huge/bundle.js", &line);
    r.commit("huge");
    let run = r.scan_json(&[]);
    assert_eq!(
        run.locations(),
        vec![("gitlab-pat".into(), "huge/bundle.js".into(), 1)],
        "{run}"
    );
    run.expect_code(1);
    run.assert_never_shows(&token(40));
    assert!(
        run.notes()
            .contains(&("huge/bundle.js".into(), "over_file_cap".into())),
        "{:?}",
        run.notes()
    );
    for f in run.findings() {
        assert!(f.snippet.chars().count() < 400, "snippet too long");
    }
    // Debug build on a shared machine: generous, but far below a quadratic blow-up.
    assert!(run.elapsed.as_secs() < 30, "took {:?}", run.elapsed);
}

/// One long line full of tokens (an MR can add one) is not quadratic: the line is
/// reported, in bounded time, and no token is shown.
#[test]
fn many_secrets_on_one_line() {
    let r = Repo::new();
    r.write("README.md", "x\n");
    r.commit("base");
    r.branch("feature");
    let line: Vec<String> = (1000..21_000).map(token).collect();
    r.write("many/tokens.txt", line.join(" ") + "\n");
    r.commit("many");
    let run = r.scan_json(&[]);
    run.expect_code(1);
    let found = run.locations();
    assert!(!found.is_empty(), "{run}");
    assert!(
        found.iter().all(|(rule, path, line)| rule == "gitlab-pat"
            && path == "many/tokens.txt"
            && *line == 1),
        "{found:?}"
    );
    for n in [1000, 1001, 1500, 20_999] {
        run.assert_never_shows(&token(n));
    }
    assert!(run.elapsed.as_secs() < 30, "took {:?}", run.elapsed);
}

// ---------------------------------------------------------------------------------------
// The parsed model, where the binary's output cannot show it.

/// `git diff` with the options of `src/diff/source/git.rs`.
fn model(r: &Repo, extra_config: &[&str]) -> mrwarden::diff::Diff {
    let mut args: Vec<&str> = extra_config.to_vec();
    args.extend_from_slice(&[
        "-c",
        "core.quotePath=false",
        "-c",
        "color.ui=never",
        "-c",
        "diff.noprefix=false",
        "-c",
        "diff.mnemonicPrefix=false",
        "diff",
        "--no-ext-diff",
        "--no-textconv",
        "--no-color",
        "--src-prefix=a/",
        "--dst-prefix=b/",
        "--find-renames",
        "--unified=3",
        "--submodule=short",
        "--ignore-submodules=none",
        "main",
        "feature",
        "--",
    ]);
    let empty_tree = r.git(&["hash-object", "-t", "tree", "/dev/null"]);
    let bytes = r.git_bytes_env(&args, &[("GIT_ATTR_SOURCE", empty_tree.trim())]);
    mrwarden::diff::parse(&bytes).expect("git diff output parses")
}

fn file<'a>(d: &'a mrwarden::diff::Diff, path: &str) -> &'a FileDiff {
    d.files
        .iter()
        .find(|f| f.path() == path)
        .unwrap_or_else(|| {
            panic!(
                "{path:?} not in {:#?}",
                d.files.iter().map(FileDiff::path).collect::<Vec<_>>()
            )
        })
}

fn added_numbers(f: &FileDiff) -> Vec<u32> {
    f.added_lines().filter_map(|l| l.new_line).collect()
}

#[test]
fn parsed_model_of_every_case() {
    let r = build(ALL);
    let d = model(&r, &[]);

    let f = file(&d, "added/new.py");
    assert_eq!(f.status, FileStatus::Added);
    assert_eq!(
        (f.old_path.as_deref(), f.new_mode.as_deref()),
        (None, Some("100644"))
    );
    assert_eq!(added_numbers(f), vec![1, 2, 3]);

    let f = file(&d, "modified/settings.py");
    assert_eq!(f.status, FileStatus::Modified);
    assert_eq!(f.old_path.as_deref(), Some("modified/settings.py"));
    assert_eq!(added_numbers(f), vec![6, 9]);
    let removed: Vec<_> = f
        .hunks
        .iter()
        .flat_map(|h| &h.lines)
        .filter(|l| l.kind == mrwarden::diff::LineKind::Removed)
        .map(|l| l.old_line)
        .collect();
    assert_eq!(removed, vec![Some(6)]);

    let f = file(&d, "deleted/old.py");
    assert_eq!(f.status, FileStatus::Deleted);
    assert_eq!(f.new_path, None);
    assert!(!f.is_scannable());

    let f = file(&d, "renamed/new_name.py");
    assert_eq!(f.status, FileStatus::Renamed);
    assert_eq!(f.old_path.as_deref(), Some("renamed/old_name.py"));
    assert!(f.hunks.is_empty());

    let f = file(&d, "renamed-edited/b dir/b.py");
    assert_eq!(f.status, FileStatus::Renamed);
    assert_eq!(f.old_path.as_deref(), Some("renamed-edited/a.py"));
    assert_eq!(added_numbers(f), vec![7]);

    let f = file(&d, "binary/new.bin");
    assert!(f.binary && f.status == FileStatus::Added);
    let f = file(&d, "binary/old.bin");
    assert!(f.binary && f.status == FileStatus::Modified);

    let f = file(&d, "crlf/win.ini");
    let l = f.added_lines().next().expect("added line");
    assert!(l.crlf && !l.text.ends_with('\r') && l.new_line == Some(3));
    assert!(
        f.hunks[0]
            .lines
            .iter()
            .filter(|l| l.kind == mrwarden::diff::LineKind::Context)
            .all(|l| l.crlf)
    );

    let f = file(&d, "invalid-utf8/latin1.py");
    assert!(!f.binary);
    assert_eq!(added_numbers(f), vec![1, 2, 3]);
    assert!(
        f.added_lines()
            .next()
            .expect("line")
            .text
            .contains('\u{fffd}')
    );

    let f = file(&d, "no-newline/tail.py");
    let all: Vec<_> = f.hunks.iter().flat_map(|h| &h.lines).collect();
    let old_last = all
        .iter()
        .find(|l| l.kind == mrwarden::diff::LineKind::Removed)
        .expect("removed 'b = 2'");
    assert!(old_last.no_newline_at_end && old_last.text == "b = 2");
    let new_last = all.last().expect("lines");
    assert!(new_last.no_newline_at_end && new_last.new_line == Some(3));
    assert_eq!(added_numbers(f), vec![2, 3]);

    let f = file(&d, "mode-only/run.sh");
    assert_eq!(f.status, FileStatus::Modified);
    assert_eq!(
        (f.old_mode.as_deref(), f.new_mode.as_deref()),
        (Some("100644"), Some("100755"))
    );
    assert!(f.hunks.is_empty());

    let f = file(&d, "submodule/dep");
    assert!(f.submodule && !f.is_scannable());
    assert_eq!(f.status, FileStatus::Modified);

    for (path, line) in PATHS.expect {
        let f = file(&d, path);
        assert!(added_numbers(f).contains(&(*line as u32)), "{path:?}");
    }
    let f = file(&d, "paths/ünï cødé/new \"name\".py");
    assert_eq!(f.status, FileStatus::Renamed);
    assert_eq!(
        f.old_path.as_deref(),
        Some("paths/dir with space/old name.py")
    );

    // core.quotePath=true (git's default) quotes non-ASCII names: same model.
    let quoted = model(&r, &["-c", "core.quotePath=true"]);
    assert_eq!(quoted, d);
}

/// The parser never panics, whatever bytes it is fed (deterministic pseudo-random
/// mutations of real diff text plus pure noise).
#[test]
fn parser_survives_mutated_git_output() {
    let r = build(ALL);
    let seed_text = r.git_bytes(&["diff", "--no-color", "main", "feature", "--"]);
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let alphabet = b"+- @\\\n\r\"\t,0123456789abdgiflmnopx/";
    for round in 0..300 {
        let mut bytes = seed_text.clone();
        let edits = 1 + next() % 8;
        for _ in 0..edits {
            if bytes.is_empty() {
                break;
            }
            let at = (next() % bytes.len() as u64) as usize;
            match next() % 4 {
                0 => bytes[at] = alphabet[(next() % alphabet.len() as u64) as usize],
                1 => {
                    bytes.remove(at);
                }
                2 => bytes.insert(at, alphabet[(next() % alphabet.len() as u64) as usize]),
                _ => bytes.truncate(at),
            }
        }
        if round % 10 == 0 {
            bytes = (0..(next() % 512))
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
        }
        let _ = mrwarden::diff::parse(&bytes);
    }
}

//! Analyzers: pure functions from a diff to findings. Only added lines can produce a
//! finding. Files that cannot be (fully) analysed are noted, and the notes that mean
//! "not scanned" make the run incomplete (DESIGN.md: fail closed).

pub mod code;
pub mod decode;
pub mod fixtures;
pub mod history;
pub mod llm;
pub mod matcher;
pub mod secrets;
pub mod structural;
pub mod taint;
pub mod trees;

use serde::Serialize;

use crate::config::Limits;
use crate::diff::{Diff, FileDiff};
use crate::finding::{self, Finding, Severity};
use crate::rules::RuleSet;

pub use matcher::FileScope;

pub use crate::coverage::{FileNote, NoteReason};

/// Counts for the summary and benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Files in the diff.
    pub files: usize,
    /// Files analysed (fully or secrets-only).
    pub files_scanned: usize,
    /// Added lines looked at.
    pub lines_added: usize,
    /// Rules loaded.
    pub rules: usize,
    /// Changed code files parsed whole for the structural and taint rules.
    pub files_parsed: usize,
    /// Changed code files parsed from their hunks only (noted `scanned_in_part`).
    pub files_parsed_in_part: usize,
}

/// The analyzers' output.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Findings, sorted by path, line, rule.
    pub findings: Vec<Finding>,
    /// Files not (fully) analysed.
    pub notes: Vec<FileNote>,
    /// Counts.
    pub stats: Stats,
    /// A global budget stopped the analysis: later files are only noted.
    pub stopped: bool,
}

impl Analysis {
    /// False if anything that should have been scanned was not.
    pub fn fully_scanned(&self) -> bool {
        !self.notes.iter().any(|n| n.reason.fails_closed())
    }
}

/// Most `mrwarden.not-scanned` findings per run.
pub const MAX_NOT_SCANNED_FINDINGS: usize = 100;

/// Runs every analyzer over the diff.
pub fn analyze(diff: &Diff, rules: &RuleSet, limits: &Limits) -> Analysis {
    let mut out = Analysis::begin(rules);
    out.add_files(&diff.files, rules, limits);
    out.finish(limits);
    out
}

impl Analysis {
    /// An analysis with nothing analysed yet, to feed files to in order
    /// ([`Analysis::add_files`]) and [`Analysis::finish`] once: the same result as
    /// [`analyze`] over all the files at once, budgets included, so a diff can be
    /// analysed while the rest of it is still being read.
    pub fn begin(rules: &RuleSet) -> Self {
        Analysis {
            stats: Stats {
                rules: rules.rules.len(),
                ..Stats::default()
            },
            ..Analysis::default()
        }
    }

    /// Analyses the next files of the diff.
    pub fn add_files(&mut self, files: &[crate::diff::FileDiff], rules: &RuleSet, limits: &Limits) {
        self.stats.files += files.len();
        analyze_into(self, files, rules, limits);
    }

    /// Applies the findings cap, adds the not-scanned findings and sorts.
    pub fn finish(&mut self, limits: &Limits) {
        let out = self;
        out.findings.truncate(limits.max_findings);
        // One finding per unscanned file makes the gap visible in every report; past a
        // hundred, the notes (in the summary and the JSON output) carry the rest.
        let gaps: Vec<Finding> = out
            .notes
            .iter()
            .filter(|n| n.reason.fails_closed())
            .take(MAX_NOT_SCANNED_FINDINGS)
            .map(not_scanned_finding)
            .collect();
        out.findings.extend(gaps);
        finding::sort(&mut out.findings);
    }
}

fn analyze_into(
    out: &mut Analysis,
    files: &[crate::diff::FileDiff],
    rules: &RuleSet,
    limits: &Limits,
) {
    if out.stopped {
        out.notes
            .extend(files.iter().filter(|f| f.is_scannable()).map(|f| FileNote {
                path: f.path().to_string(),
                reason: NoteReason::BudgetExceeded,
            }));
        return;
    }
    for (i, file) in files.iter().enumerate() {
        if file.is_symlink() {
            out.findings.push(symlink_finding(file));
            continue;
        }
        if !file.is_scannable() {
            if file.new_path.is_some() && (file.binary || file.submodule) {
                let reason = if file.binary {
                    NoteReason::Binary
                } else {
                    NoteReason::Submodule
                };
                out.notes.push(FileNote {
                    path: file.path().to_string(),
                    reason,
                });
            }
            continue;
        }
        if out.stats.files_scanned >= limits.max_files || out.findings.len() >= limits.max_findings
        {
            out.notes.extend(
                files[i..]
                    .iter()
                    .filter(|f| f.is_scannable())
                    .map(|f| FileNote {
                        path: f.path().to_string(),
                        reason: NoteReason::BudgetExceeded,
                    }),
            );
            out.stopped = true;
            break;
        }
        let added_bytes: usize = file.added_lines().map(|l| l.text.len() + 1).sum();
        let generated = file.generated || looks_generated(file.path());
        let over_cap = added_bytes > limits.max_file_bytes;
        if generated || over_cap {
            out.notes.push(FileNote {
                path: file.path().to_string(),
                reason: if over_cap {
                    NoteReason::OverFileCap
                } else {
                    NoteReason::Generated
                },
            });
        }
        let scope = FileScope {
            secrets_only: generated || over_cap,
            byte_cap: limits.max_file_bytes,
        };
        out.stats.files_scanned += 1;
        out.stats.lines_added += file.added_lines().count();
        out.findings.extend(matcher::scan_file(file, rules, scope));
    }
}

/// A symlink the change adds: reported with its target, never followed (threat model
/// T9: a link to `/proc/self/environ` or outside the checkout could leak the runner's
/// secrets to anything that reads the tree).
fn symlink_finding(file: &FileDiff) -> Finding {
    let target = file
        .added_lines()
        .next()
        .map(|l| l.text.clone())
        .unwrap_or_default();
    let escapes = target.starts_with('/') || target.split('/').any(|part| part == "..");
    let snippet = format!("-> {}", crate::sanitize::terminal_line(&target));
    let mut f = Finding::meta(
        crate::finding::meta::SYMLINK,
        "Symbolic link added",
        format!(
            "This change adds a symbolic link{}; tools that read the checkout may follow it.",
            if escapes {
                " that points outside the repository"
            } else {
                ""
            }
        ),
        if escapes {
            Severity::Medium
        } else {
            Severity::Low
        },
        file.path(),
        1,
        &snippet,
    );
    f.snippet = snippet;
    f.cwe = Some(59);
    f.remediation =
        "Commit the file itself instead of a link, or make sure no job follows it.".into();
    f
}

/// A file a global limit kept from being scanned: visible in every report.
pub(crate) fn not_scanned_finding(note: &FileNote) -> Finding {
    let mut f = Finding::meta(
        crate::finding::meta::NOT_SCANNED,
        "File not scanned",
        format!("{}: {}.", note.path, note.reason.describe()),
        Severity::Info,
        &note.path,
        1,
        "",
    );
    f.remediation = "Raise the limit in .mrwarden.yml (limits) or split the change; the run fails closed until then.".into();
    f
}

/// Lock files, source maps and generated code by their names. Vendored code
/// (`vendor/`, `node_modules/`, minified bundles, …) is a path class of the
/// configuration instead (`config::paths`), applied by the policy stage.
pub(crate) fn looks_generated(path: &str) -> bool {
    const NAMES: &[&str] = &[
        "package-lock.json",
        "yarn.lock",
        "pnpm-lock.yaml",
        "Cargo.lock",
        "Gemfile.lock",
        "poetry.lock",
        "composer.lock",
        "go.sum",
        "Pipfile.lock",
        "npm-shrinkwrap.json",
    ];
    let name = path.rsplit('/').next().unwrap_or(path);
    NAMES.contains(&name)
        || name.ends_with(".map")
        || name.ends_with(".pb.go")
        || name.ends_with("_pb2.py")
        || name.ends_with(".snap")
}

/// Scans one in-memory file as if the change added every line of it (fixtures, `scan --all`).
/// Every engine runs: the line rules and, on the file parsed whole, the structural and
/// taint rules.
pub fn scan_whole_file(path: &str, content: &[u8], rules: &RuleSet, limits: &Limits) -> Analysis {
    scan_whole_file_added(path, content, rules, limits, None, false)
}

/// [`scan_whole_file`], with only `added` lines (file line numbers) counting as added
/// for the tree engines (fixtures of a change that adds only a sink). With `every_rule`
/// each rule's findings are kept even where another engine's rule of the same CWE
/// reported the line (fixtures check rules one by one).
pub fn scan_whole_file_added(
    path: &str,
    content: &[u8],
    rules: &RuleSet,
    limits: &Limits,
    added: Option<std::collections::BTreeSet<u32>>,
    every_rule: bool,
) -> Analysis {
    let diff = Diff {
        files: vec![FileDiff::whole_file(path, content)],
    };
    let mut out = analyze(&diff, rules, limits);
    let mut gathered = code::gather(&diff, None, limits, rules, &|_| false);
    if let Some(added) = added {
        for f in &mut gathered.files {
            f.added.clone_from(&added);
        }
    }
    let trees = trees::analyse(&gathered.files, rules);
    if every_rule {
        out.findings.extend(trees.findings);
    } else {
        trees::merge(&mut out.findings, trees.findings, limits.max_findings);
    }
    out.notes.extend(gathered.notes);
    out.notes.extend(trees.notes);
    out.stats.files_parsed += gathered.whole;
    finding::sort(&mut out.findings);
    out
}

//! Reports: pure functions from the final findings and run information to bytes, one
//! module per format, plus the atomic writer of the report directory.

pub mod codequality;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
mod refs;
pub mod sarif;
pub mod security;

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::Serialize;

use crate::analyze::Stats;
use crate::coverage::FileNote;
use crate::error::Error;
use crate::finding::Finding;
use crate::gate::{Threshold, Verdict};

/// Everything a report says about the run besides the findings.
#[derive(Debug, Clone, Serialize)]
pub struct RunInfo {
    /// mrwarden's version.
    pub version: &'static str,
    /// What was analysed, e.g. `abc123..def456` or `staged changes`.
    pub source: String,
    /// The head commit analysed, when known.
    pub head_sha: Option<String>,
    /// When the run started.
    #[serde(serialize_with = "ser_time")]
    pub started: SystemTime,
    /// When analysis ended.
    #[serde(serialize_with = "ser_time")]
    pub finished: SystemTime,
    /// The threshold in force.
    pub fail_on: Threshold,
    /// The verdict.
    pub verdict: Verdict,
    /// Files not (fully) analysed.
    pub notes: Vec<FileNote>,
    /// Counts.
    pub stats: Stats,
    /// Warnings for the summary.
    pub warnings: Vec<String>,
    /// Inline suppression comments worth listing (all added ones, older ones that acted).
    pub suppressions: Vec<crate::policy::suppress::Suppression>,
    /// Findings silenced by inline suppressions.
    pub suppressed: usize,
    /// Findings accepted by the baseline.
    pub baselined: usize,
    /// Findings dropped by `exclude`.
    pub excluded: usize,
    /// Vulnerability findings dropped because their path is vendored (secrets only).
    pub vendored: usize,
    /// Triage replies (`!fp`/`!accept`) on current findings; those that count took
    /// their finding out of the list and the gate.
    pub dismissals: Vec<crate::policy::triage::Dismissal>,
    /// Why the run could not analyse, when it could not.
    pub error: Option<String>,
    /// Wall time of each stage, in order (`diff`, `policy`, `analysis`, …), for the
    /// summary. Not in the machine-readable reports: times change on every run.
    #[serde(skip)]
    pub stages: Vec<(&'static str, std::time::Duration)>,
    /// GitLab API requests sent so far (`review`), for the summary note.
    #[serde(skip)]
    pub api_requests: Option<u64>,
}

impl RunInfo {
    /// The run information of a run that stopped before or during analysis.
    pub fn failed(started: SystemTime, verdict: Verdict, error: String) -> Self {
        RunInfo {
            version: env!("CARGO_PKG_VERSION"),
            source: String::new(),
            head_sha: None,
            started,
            finished: SystemTime::now(),
            fail_on: Threshold::default(),
            verdict,
            notes: Vec::new(),
            stats: Stats::default(),
            warnings: Vec::new(),
            suppressions: Vec::new(),
            suppressed: 0,
            baselined: 0,
            excluded: 0,
            vendored: 0,
            dismissals: Vec::new(),
            error: Some(error),
            stages: Vec::new(),
            api_requests: None,
        }
    }

    /// Whether the analysis ran to the end over everything it should have scanned
    /// (no error, no file left unscanned by a limit). Reports call a run that did not
    /// a failed scan.
    pub fn completed(&self) -> bool {
        self.error.is_none() && !self.notes.iter().any(|n| n.reason.fails_closed())
    }
}

impl RunInfo {
    /// Folds the run information of another chunk of the same run into this one
    /// (`scan --all` analyses a large tree in chunks). The verdict is left to the caller.
    pub fn absorb(&mut self, other: RunInfo) {
        self.finished = self.finished.max(other.finished);
        self.notes.extend(other.notes);
        self.stats.files += other.stats.files;
        self.stats.files_scanned += other.stats.files_scanned;
        self.stats.lines_added += other.stats.lines_added;
        self.stats.files_parsed += other.stats.files_parsed;
        self.stats.files_parsed_in_part += other.stats.files_parsed_in_part;
        for w in other.warnings {
            if !self.warnings.contains(&w) {
                self.warnings.push(w);
            }
        }
        self.suppressions.extend(other.suppressions);
        self.suppressed += other.suppressed;
        self.baselined += other.baselined;
        self.excluded += other.excluded;
        self.vendored += other.vendored;
        for (name, took) in other.stages {
            match self.stages.iter_mut().find(|(n, _)| *n == name) {
                Some((_, total)) => *total += took,
                None => self.stages.push((name, took)),
            }
        }
    }
}

fn ser_time<S: serde::Serializer>(t: &SystemTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format!("{}Z", iso8601(*t)))
}

/// `YYYY-MM-DDTHH:MM:SS` in UTC (the form GitLab's security reports require).
pub fn iso8601(t: SystemTime) -> String {
    let secs = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let rem = secs % 86_400;
    // Civil-from-days (Howard Hinnant's algorithm), valid for the proleptic Gregorian calendar.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// A report file mrwarden writes (`--report` chooses among them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReportKind {
    /// `gl-code-quality-report.json` (`artifacts:reports:codequality`).
    CodeQuality,
    /// `gl-sast-report.json` (`artifacts:reports:sast`).
    Sast,
    /// `gl-secret-detection-report.json` (`artifacts:reports:secret_detection`).
    SecretDetection,
    /// `mrwarden.sarif` (SARIF 2.1.0, for other tools).
    Sarif,
    /// `mrwarden-junit.xml` (`artifacts:reports:junit`).
    Junit,
    /// `mrwarden-summary.md`.
    Markdown,
}

impl ReportKind {
    /// Every kind, in writing order.
    pub const ALL: [ReportKind; 6] = [
        ReportKind::CodeQuality,
        ReportKind::Sast,
        ReportKind::SecretDetection,
        ReportKind::Sarif,
        ReportKind::Junit,
        ReportKind::Markdown,
    ];

    /// The name `--report` takes (the `artifacts:reports` key where there is one).
    pub fn name(self) -> &'static str {
        match self {
            ReportKind::CodeQuality => "codequality",
            ReportKind::Sast => "sast",
            ReportKind::SecretDetection => "secret_detection",
            ReportKind::Sarif => "sarif",
            ReportKind::Junit => "junit",
            ReportKind::Markdown => "markdown",
        }
    }

    /// The kind a `--report` name stands for.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The file name in the output directory.
    pub fn file_name(self) -> &'static str {
        match self {
            ReportKind::CodeQuality => "gl-code-quality-report.json",
            ReportKind::Sast => "gl-sast-report.json",
            ReportKind::SecretDetection => "gl-secret-detection-report.json",
            ReportKind::Sarif => "mrwarden.sarif",
            ReportKind::Junit => "mrwarden-junit.xml",
            ReportKind::Markdown => "mrwarden-summary.md",
        }
    }

    /// Renders this report.
    pub fn render(self, findings: &[Finding], run: &RunInfo) -> Vec<u8> {
        match self {
            ReportKind::CodeQuality => codequality::render(findings),
            ReportKind::Sast => security::render(security::Family::Sast, findings, run),
            ReportKind::SecretDetection => {
                security::render(security::Family::SecretDetection, findings, run)
            }
            ReportKind::Sarif => sarif::render(findings, run),
            ReportKind::Junit => junit::render(findings, run),
            ReportKind::Markdown => markdown::render(findings, run).into_bytes(),
        }
    }
}

/// Creates the output directory and removes stale mrwarden reports of every kind from
/// it, chosen or not (and nothing else). Fails with a usage error if the directory cannot be created or written.
pub fn prepare_dir(dir: &Path) -> Result<(), Error> {
    let created = !dir.exists();
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::Usage(format!(
            "cannot create output directory {}: {e}; pass a writable --output-dir",
            dir.display()
        ))
    })?;
    if created {
        // Readable by the runner's artifact uploader, which may run as another user.
        set_mode(dir, 0o755).map_err(|e| {
            Error::Usage(format!(
                "cannot set the mode of output directory {}: {e}",
                dir.display()
            ))
        })?;
    }
    let names = ReportKind::ALL
        .iter()
        .map(|k| k.file_name())
        .chain([crate::gate::VERDICT_FILE]);
    for name in names {
        let path = dir.join(name);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return Err(Error::Usage(format!(
                    "cannot remove stale report {}: {e}; pass a writable --output-dir",
                    path.display()
                )));
            }
        }
    }
    // Prove the directory is writable now rather than after the analysis.
    tempfile::NamedTempFile::new_in(dir).map_err(|e| {
        Error::Usage(format!(
            "output directory {} is not writable: {e}; pass a writable --output-dir",
            dir.display()
        ))
    })?;
    Ok(())
}

/// Writes the chosen reports atomically (temporary file, then rename). Returns the paths.
pub fn write_all(
    dir: &Path,
    kinds: &[ReportKind],
    findings: &[Finding],
    run: &RunInfo,
) -> Result<Vec<PathBuf>, Error> {
    kinds
        .iter()
        .map(|kind| {
            let path = dir.join(kind.file_name());
            write_atomic(&path, &kind.render(findings, run))?;
            Ok(path)
        })
        .collect()
}

/// Writes `bytes` to `path` so readers see the old file or the whole new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    use std::io::Write;
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let fail = |e: &dyn std::fmt::Display| {
        Error::Analysis(format!("cannot write {}: {e}", path.display()))
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| fail(&e))?;
    // Not the temporary file's 0600: the runner's artifact uploader may run as another
    // (non-root) user and must read every report.
    set_mode(tmp.path(), 0o644).map_err(|e| fail(&e))?;
    tmp.write_all(bytes).map_err(|e| fail(&e))?;
    tmp.as_file().sync_all().map_err(|e| fail(&e))?;
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
}

/// Writes the verdict file ([`crate::gate::VERDICT_FILE`]) atomically, like a report.
pub fn write_verdict(dir: &Path, record: &crate::gate::Record) -> Result<PathBuf, Error> {
    let path = dir.join(crate::gate::VERDICT_FILE);
    write_atomic(&path, &record.to_bytes())?;
    Ok(path)
}

/// Sets a file's or directory's permission bits (no-op off Unix).
fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[cfg(unix)]
    #[test]
    fn reports_are_0644_in_a_0755_directory_whatever_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("out");
        prepare_dir(&dir).expect("prepare");
        let run = RunInfo::failed(SystemTime::now(), Verdict::Passed, "x".into());
        let paths = write_all(&dir, &ReportKind::ALL, &[], &run).expect("write");
        let verdict = crate::gate::Record::new(&[], Threshold::default(), None, 0, None);
        let v = write_verdict(&dir, &verdict).expect("verdict");
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o755);
        for p in paths.iter().chain([&v]) {
            assert_eq!(mode(p), 0o644, "{}", p.display());
        }
        // A stale verdict file goes with the stale reports.
        prepare_dir(&dir).expect("again");
        assert!(!v.exists());
    }

    #[test]
    fn iso8601_known_dates() {
        assert_eq!(iso8601(SystemTime::UNIX_EPOCH), "1970-01-01T00:00:00");
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_000_000);
        assert_eq!(iso8601(t), "2026-11-18T11:06:40");
        let leap = SystemTime::UNIX_EPOCH + Duration::from_secs(951_782_400);
        assert_eq!(iso8601(leap), "2000-02-29T00:00:00");
    }
}

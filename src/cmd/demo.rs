//! `mrwarden demo`: the whole flow on a bundled example change, in a temporary git
//! repository, with no network and no configuration.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::cli::DemoArgs;
use crate::context::{Context, EnvFn};
use crate::error::Error;

use super::Outcome;

/// The `main` branch of the example: (path, contents).
const BASE: &[(&str, &str)] = &[
    (
        "app/__init__.py",
        include_str!("../../examples/demo/base/app/__init__.py"),
    ),
    (
        "app/orders.py",
        include_str!("../../examples/demo/base/app/orders.py"),
    ),
    (
        "config/settings.py",
        include_str!("../../examples/demo/base/config/settings.py"),
    ),
    (
        "Dockerfile",
        include_str!("../../examples/demo/base/Dockerfile"),
    ),
];

/// Files the `feature` branch adds or replaces.
const FEATURE: &[(&str, &str)] = &[
    (
        "app/orders.py",
        include_str!("../../examples/demo/feature/app/orders.py"),
    ),
    (
        "config/settings.py",
        include_str!("../../examples/demo/feature/config/settings.py"),
    ),
    (
        "Dockerfile",
        include_str!("../../examples/demo/feature/Dockerfile"),
    ),
    (
        "deploy/deploy_key",
        include_str!("../../examples/demo/feature/deploy/deploy_key"),
    ),
];

/// Runs the demo.
pub fn run(args: &DemoArgs, env: EnvFn<'_>) -> Outcome {
    match prepare(args, env) {
        Ok((repo_dir, ctx)) => {
            let mut comments = None;
            let mut outcome = super::scan::execute_with(&ctx, |loaded, findings, run| {
                comments = Some(would_post(loaded, findings, run));
            });
            let header = format!(
                "mrwarden demo: reviewing branch 'feature' against 'main' in an example repository\nreports: {}\n\n",
                ctx.output.dir.display()
            );
            if ctx.output.format == crate::cli::Format::Human {
                outcome.stdout.insert_str(0, &header);
                if let Some(comments) = comments {
                    outcome.stdout.push_str(&comments);
                }
            }
            drop(repo_dir);
            outcome
        }
        Err(e) => Outcome::error(&e),
    }
}

/// The comments `review` would post on a fresh merge request with this change: each
/// inline discussion with its place, then the summary note, exactly as the bodies would
/// be sent (made safe for a terminal).
fn would_post(
    loaded: &crate::diff::source::Loaded,
    findings: &[crate::finding::Finding],
    run: &crate::report::RunInfo,
) -> String {
    let head = loaded.head_sha.as_deref().unwrap_or("HEAD");
    let preview = crate::publish::preview::first_run(findings, &loaded.diff, head);
    let mut s = format!(
        "\n━━ In a merge-request pipeline, mrwarden would start {} inline discussion(s) and write one summary note ━━\n",
        preview.discussions.len()
    );
    for (pos, body) in &preview.discussions {
        let _ = write!(
            s,
            "\n── inline discussion on {} line {} ──\n{}\n",
            pos.new_path, pos.new_line, body
        );
    }
    let summary = crate::gitlab::publish::summary_body(findings, run, &preview.not_inline, None);
    let _ = write!(s, "\n── summary note ──\n{summary}\n");
    crate::sanitize::terminal(&s)
}

fn prepare(args: &DemoArgs, env: EnvFn<'_>) -> Result<(tempfile::TempDir, Context), Error> {
    let repo = tempfile::Builder::new()
        .prefix("mrwarden-demo-repo-")
        .tempdir()
        .map_err(|e| Error::Analysis(format!("cannot create a temporary directory: {e}")))?;
    build_repo(repo.path())?;
    let out = match &args.common.output_dir {
        Some(dir) => dir.clone(),
        None => default_output_dir()?,
    };
    let ctx = Context::for_demo(&args.common, repo.path().to_path_buf(), out, env)?;
    Ok((repo, ctx))
}

/// A fresh temporary directory for the reports that outlives the run.
fn default_output_dir() -> Result<PathBuf, Error> {
    let dir = tempfile::Builder::new()
        .prefix("mrwarden-demo-out-")
        .tempdir()
        .map_err(|e| Error::Analysis(format!("cannot create a temporary directory: {e}")))?;
    Ok(dir.keep())
}

fn build_repo(dir: &Path) -> Result<(), Error> {
    git(dir, &["init", "--quiet", "--initial-branch=main"])?;
    write_files(dir, BASE)?;
    git(dir, &["add", "--all"])?;
    git(dir, &["commit", "--quiet", "--message", "Order service"])?;
    git(dir, &["checkout", "--quiet", "-b", "feature"])?;
    write_files(dir, FEATURE)?;
    git(dir, &["add", "--all"])?;
    git(
        dir,
        &[
            "commit",
            "--quiet",
            "--message",
            "Add order search, export and release bot",
        ],
    )?;
    Ok(())
}

fn write_files(dir: &Path, files: &[(&str, &str)]) -> Result<(), Error> {
    for (rel, text) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::Analysis(format!("cannot create {}: {e}", parent.display())))?;
        }
        std::fs::write(&path, text)
            .map_err(|e| Error::Analysis(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

fn git(dir: &Path, args: &[&str]) -> Result<(), Error> {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=mrwarden demo",
            "-c",
            "user.email=demo@mrwarden.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "core.hooksPath=/dev/null",
        ])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| Error::Analysis(format!("the demo needs git on PATH: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::Analysis(format!(
            "git {} failed while building the demo repository",
            args.join(" ")
        )))
    }
}

//! `mrwarden gate`: exits with the code an earlier `review` or `scan` recorded in its
//! verdict file (the component's gate job, after a reporting job run with
//! `--exit-zero`). The decision is [`crate::gate::decide_recorded`]'s.

use crate::cli::GateArgs;

use super::Outcome;

/// The verdict file is a few hundred bytes; anything much larger is not one.
const MAX_VERDICT_BYTES: u64 = 1 << 20;

/// Runs `gate`.
pub fn run(args: &GateArgs) -> Outcome {
    let path = &args.verdict;
    let shown = crate::sanitize::terminal(&path.display().to_string());
    let bytes = match read_bounded(path) {
        Ok(b) => b,
        Err(e) => {
            return Outcome {
                stderr: vec![format!(
                    "error: cannot read the verdict file {shown}: {e}; the review job must run first (with `--output-dir` where this job looks) and keep it as an artifact"
                )],
                code: 2,
                ..Outcome::default()
            };
        }
    };
    match crate::gate::decide_recorded(&bytes) {
        Ok((code, record)) => Outcome {
            stdout: format!(
                "mrwarden gate: {} (exit {code}): {}\n",
                record.verdict,
                crate::sanitize::terminal_line(&record.reason)
            ),
            stderr: Vec::new(),
            code,
        },
        Err(e) => Outcome {
            stderr: vec![format!(
                "error: {shown} is not a valid verdict file: {}",
                crate::sanitize::terminal(&e)
            )],
            code: 2,
            ..Outcome::default()
        },
    }
}

fn read_bounded(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_VERDICT_BYTES)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

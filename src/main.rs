//! The `mrwarden` binary: parse flags, run the command, print, exit. Nothing else.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use mrwarden::cli::{Cli, Command};
use mrwarden::cmd;
use mrwarden::context::process_env;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // clap: 0 for --help/--version, 2 for usage errors (our contract too).
            return ExitCode::from(u8::try_from(e.exit_code().clamp(0, 2)).unwrap_or(2));
        }
    };
    let outcome = match &cli.command {
        Command::Scan(args) => cmd::scan::run(args, &process_env),
        Command::Review(args) => cmd::review::run(args, &process_env),
        Command::Gate(args) => cmd::gate::run(args),
        Command::Doctor(args) => cmd::doctor::run(args, &process_env),
        Command::Demo(args) => cmd::demo::run(args, &process_env),
        Command::Rules(sub) => cmd::rules::run(sub),
        Command::Baseline(sub) => cmd::baseline::run(sub),
        Command::Init(args) => cmd::init::run(args),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`mrwarden scan | head`) is not an error of ours.
    let _ = stdout.write_all(outcome.stdout.as_bytes());
    let _ = stdout.flush();
    let mut stderr = std::io::stderr().lock();
    for line in &outcome.stderr {
        let _ = writeln!(stderr, "{line}");
    }
    ExitCode::from(outcome.code)
}

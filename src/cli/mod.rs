//! The command line: thin wrappers that call the library stages and print results.
//!
//! Exit codes: 0 ok; 1 input errors (a document or spec could not be used);
//! 2 usage or I/O errors (bad arguments, a missing directory).

mod build;
mod check;
mod corpus;
mod diff;
mod provenance;
mod schedule;
mod specs;
mod table;
mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diag::Diagnostic;
use crate::paths::relative_to;

/// Outcome of a command, mapped to the documented exit codes.
/// Ordered by severity, so combining outcomes is `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Ok,
    InputErrors,
    UsageOrIo,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> ExitCode {
        match o {
            Outcome::Ok => ExitCode::SUCCESS,
            Outcome::InputErrors => ExitCode::from(1),
            Outcome::UsageOrIo => ExitCode::from(2),
        }
    }
}

#[derive(Debug, Parser)]
#[command(
    name = "brief",
    version,
    about = "Compile policy briefs from a corpus of sources",
    after_help = "Examples:\n  brief build\n  brief build briefs/run-movement.yaml --audience press\n  brief check --verbose\n  brief corpus list\n  brief corpus quotes --speaker Zhang\n  brief corpus figures --doc mass-exodus --json\n\nExit codes: 0 ok, 1 input errors, 2 usage or I/O errors."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compile specs into Markdown: one file per spec and audience under `out/`.
    Build(build::BuildArgs),
    /// Regenerate the briefs whose `schedule` is due or whose data changed,
    /// as dated editions under `out/<brief>/editions/` and `out/<brief>/latest/`.
    Schedule(schedule::ScheduleArgs),
    /// Show what changed in a brief between two editions.
    Diff(diff::DiffArgs),
    /// Check specs against the corpus, and the briefs built from them
    /// (their quotes and figures) against the corpus as it is now.
    Check(check::CheckArgs),
    /// Browse the corpus: documents, and the quotes and figures extracted from them.
    #[command(subcommand)]
    Corpus(corpus::CorpusCommand),
    /// Build, then rebuild what a change to a spec, the corpus or a template affects, until stopped.
    Watch(watch::WatchArgs),
}

/// Where the corpus lives; shared by every command that reads it.
#[derive(Debug, Clone, clap::Args)]
pub struct CorpusArgs {
    /// Corpus directory [default: `corpus/` in the project root, the nearest
    /// directory upwards that has one]
    #[arg(long, value_name = "DIR", env = "BRIEF_CORPUS", global = true)]
    pub corpus: Option<PathBuf>,
}

impl CorpusArgs {
    pub fn dir(&self) -> PathBuf {
        if let Some(dir) = &self.corpus {
            return dir.clone();
        }
        let cwd = std::env::current_dir().unwrap_or_default();
        for dir in cwd.ancestors() {
            if dir.join("corpus").is_dir() {
                return relative_to(&dir.join("corpus"), &cwd);
            }
        }
        PathBuf::from("corpus")
    }
}

/// Runs the CLI with the process's arguments.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                Outcome::UsageOrIo.into()
            } else {
                Outcome::Ok.into()
            };
        }
    };
    let outcome = match cli.command {
        Command::Build(args) => build::run(args),
        Command::Check(args) => check::run(args),
        Command::Schedule(args) => schedule::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Corpus(cmd) => corpus::run(cmd),
        Command::Watch(args) => watch::run(args),
    };
    outcome.into()
}

/// Prints diagnostics to stderr, errors and warnings alike, in the order found.
pub fn report(diagnostics: &[Diagnostic]) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    for d in diagnostics {
        let _ = write!(err, "{d}");
    }
}

/// Writes to stdout, ignoring a closed pipe (`brief corpus quotes | head`).
pub fn print(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

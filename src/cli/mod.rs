//! The command line: thin wrappers that call the library stages and print results.
//!
//! Exit codes: 0 ok; 1 input errors (a document or spec could not be used);
//! 2 usage or I/O errors (bad arguments, a missing directory).

/// Prints a line to stdout through [`print`]: never panics, and a failed
/// write is remembered for the exit code. `println!` is disallowed
/// (`clippy.toml`) because it panics when stdout is full or closed, which
/// would stop a build before its manifest is saved.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::print(&format!("{}\n", format_args!($($arg)*)))
    };
}

mod build;
mod check;
mod corpus;
mod diff;
mod events;
mod provenance;
mod schedule;
mod specs;
mod table;
mod terminal;
mod watch;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::{Parser, Subcommand};

use crate::diag::Diagnostic;
use crate::paths::relative_to;

/// Outcome of a command, mapped to the documented exit codes.
pub use crate::build::Outcome;

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
            let outcome = if e.use_stderr() {
                Outcome::UsageOrIo
            } else {
                Outcome::Ok
            };
            if let Err(failed) = e.print() {
                stdout_failed(&failed);
            }
            return finish(outcome).into();
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
    finish(outcome).into()
}

/// The first failed write to stdout. Later output is dropped, since the
/// reader is gone or the disk is full, but the command's work (files,
/// manifest) goes on, and [`finish`] says what happened at the end.
static STDOUT_FAILURE: OnceLock<std::io::Error> = OnceLock::new();

fn stdout_failed(e: &std::io::Error) {
    let _ = STDOUT_FAILURE.set(std::io::Error::new(e.kind(), e.to_string()));
}

/// The outcome once stdout's fate is known: a reader that went away
/// (`brief build | head`) is its own choice, and the exit code stays the
/// command's; any other failed write (a full disk) is an I/O error, exit 2.
fn finish(outcome: Outcome) -> Outcome {
    match STDOUT_FAILURE.get() {
        None => outcome,
        Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => outcome,
        Some(e) => {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(
                err,
                "error: cannot write to standard output: {}\n  = help: the command ran to the end; what it printed from the first failed line on was lost",
                crate::diag::io_reason(e)
            );
            outcome.max(Outcome::UsageOrIo)
        }
    }
}

/// Prints diagnostics to stderr, errors and warnings alike, in the order
/// found. They quote corpus and spec text, so control characters are shown,
/// not sent to the terminal.
pub fn report(diagnostics: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diagnostics {
        let _ = err.write_all(terminal::visible(&d.to_string()).as_bytes());
    }
}

/// Writes text for a terminal to stdout: control characters from the corpus
/// or a spec are shown visibly (see [`terminal::visible`]), and each write
/// is flushed, so a pipe's reader sees it now and a failure is seen here.
/// Never panics: a failed write is recorded for the exit code (see
/// [`finish`]) and later output is dropped.
pub fn print(text: &str) {
    write_stdout(&terminal::visible(text));
}

/// Writes JSON to stdout, exact: only the characters a terminal would act
/// on are written as `\u` escapes, which JSON reads as the same string.
pub fn print_json(json: &str) {
    write_stdout(&terminal::json_visible(json));
}

fn write_stdout(text: &str) {
    if STDOUT_FAILURE.get().is_some() {
        return;
    }
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        stdout_failed(&e);
    }
}

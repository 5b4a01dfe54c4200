//! What `build` and `check` share: finding specs and running the compiler
//! over each, one failing spec never stopping the others.

use std::path::{Path, PathBuf};

use crate::compile::{Compiler, Prepared};
use crate::diag::Diagnostic;

use super::events::Printer;
use super::{Outcome, report};

/// Arguments shared by `build` and `check`.
#[derive(Debug, Clone, clap::Args)]
pub struct SpecArgs {
    /// Spec files [default: every `*.yaml` in the project's `briefs/`]
    #[arg(value_name = "SPEC")]
    pub specs: Vec<PathBuf>,
}

pub use crate::build::project::{output_dir_usable, project_root};

/// What every spec command starts from: today's date and the specs, or the
/// outcome to exit with when either cannot be had.
pub fn start(args: &SpecArgs) -> Result<(chrono::NaiveDate, Vec<PathBuf>), Outcome> {
    let today = crate::clock::today().map_err(|e| {
        report(&[Diagnostic::error(e)]);
        Outcome::UsageOrIo
    })?;
    let specs = find(args).map_err(|d| {
        report(&[d]);
        Outcome::UsageOrIo
    })?;
    Ok((today, specs))
}

/// The specs to work on, sorted, or a usage error.
pub fn find(args: &SpecArgs) -> Result<Vec<PathBuf>, Diagnostic> {
    crate::build::project::find_specs(&args.specs)
}

/// The specs among `paths` that may write their directory in `out_dir`,
/// and how many may not (each reported with its reason and "nothing
/// written", exit 1).
pub fn claim(paths: &[PathBuf], out_dir: &Path) -> (Vec<PathBuf>, usize) {
    crate::build::project::claim(paths, out_dir, &mut Printer)
}

/// Prepares one spec, reporting its problems and the corpus's (once per
/// corpus); a spec that fails raises `outcome` and gives `None`.
pub fn prepare(compiler: &mut Compiler, path: &Path, outcome: &mut Outcome) -> Option<Prepared> {
    let started = std::time::Instant::now();
    let prepared = crate::build::prepare(compiler, path, &mut Printer, outcome);
    timing(&format!("prepare {}", path.display()), started);
    prepared
}

/// With `BRIEF_TIMINGS` set, how long a phase took, on stderr: for
/// benchmarks and for finding what makes a build slow.
pub fn timing(phase: &str, started: std::time::Instant) {
    if timings_on() {
        eprintln!(
            "timing: {phase}: {:.1} ms",
            started.elapsed().as_secs_f64() * 1000.0
        );
    }
}

/// Whether `BRIEF_TIMINGS` asks for phase times.
pub fn timings_on() -> bool {
    std::env::var_os("BRIEF_TIMINGS").is_some()
}

//! What `build` and `check` share: finding specs and running the compiler
//! over each, one failing spec never stopping the others.

use std::path::{Path, PathBuf};

use crate::compile::{Compiler, Prepared};
use crate::diag::Diagnostic;

use super::{Outcome, report};
use crate::paths::relative_to;

/// Arguments shared by `build` and `check`.
#[derive(Debug, Clone, clap::Args)]
pub struct SpecArgs {
    /// Spec files [default: every `*.yaml` in the project's `briefs/`]
    #[arg(value_name = "SPEC")]
    pub specs: Vec<PathBuf>,
}

/// The project root: the nearest directory upwards that has `briefs/` (or,
/// failing that, `corpus/`), so commands work from any subdirectory.
pub fn project_root() -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    let root = cwd
        .ancestors()
        .find(|d| d.join("briefs").is_dir())
        .or_else(|| cwd.ancestors().find(|d| d.join("corpus").is_dir()));
    match root {
        Some(root) => relative_to(root, &cwd),
        None => PathBuf::new(),
    }
}

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
    if !args.specs.is_empty() {
        return Ok(args.specs.clone());
    }
    let dir = project_root().join("briefs");
    let entries = std::fs::read_dir(&dir).map_err(|e| {
        Diagnostic::error(format!(
            "cannot read `{}`: {}",
            dir.display(),
            crate::corpus::io_reason(&e)
        ))
        .hint("run brief in a project with a `briefs/` directory, or name spec files")
    })?;
    let mut specs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| is_spec(p))
        .collect();
    specs.sort();
    if specs.is_empty() {
        return Err(Diagnostic::error(format!(
            "no specs (`*.yaml`) in `{}`",
            dir.display()
        )));
    }
    Ok(specs)
}

fn is_spec(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    !hidden
        && matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        )
}

/// The specs among `paths` that may write their directory in `out_dir`,
/// and how many may not (each reported with its reason and "nothing
/// written", exit 1). The project's `briefs/` specs are compared with them
/// even when not named, as they write to the same directories.
pub fn claim(paths: &[PathBuf], out_dir: &Path) -> (Vec<PathBuf>, usize) {
    let project = find(&SpecArgs { specs: Vec::new() }).unwrap_or_default();
    let (kept, refused) = crate::regen::names::claim(paths, &project, out_dir);
    for d in &refused {
        report(std::slice::from_ref(d));
        if let Some(file) = &d.file {
            eprintln!("{}: 1 error; nothing written", file.display());
        }
    }
    (kept, refused.len())
}

/// Whether `dir` can be an output directory: it is one, or nothing is there
/// yet (it is created). Anything else is a usage error that says so, before
/// some later step fails on a path inside it with a puzzling "file exists"
/// or "not a directory".
pub fn output_dir_usable(dir: &Path) -> Result<(), Diagnostic> {
    let kind = match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(meta) if meta.is_file() => "a file",
        Ok(_) => "not a directory",
        // Missing: created when written. Any other error is reported by the
        // step that meets it, with its path.
        Err(_) => return Ok(()),
    };
    Err(Diagnostic::error(format!(
        "the output directory `{}` is {kind}",
        dir.display()
    ))
    .hint("name a directory with --out DIR (it is created if missing), or move the file away"))
}

/// Prepares one spec, reporting its problems and the corpus's (once per
/// corpus); a spec that fails raises `outcome` and gives `None`.
pub fn prepare(compiler: &mut Compiler, path: &Path, outcome: &mut Outcome) -> Option<Prepared> {
    let started = std::time::Instant::now();
    let result = compiler.prepare(path);
    timing(&format!("prepare {}", path.display()), started);
    report(&std::mem::take(&mut compiler.corpus_diagnostics));
    match result {
        Ok(prepared) => {
            report(&prepared.check.diagnostics);
            Some(prepared)
        }
        Err(failure) => {
            report(&failure.diagnostics);
            let errors = failure.diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "{}: {errors} error{}; nothing written",
                path.display(),
                if errors == 1 { "" } else { "s" }
            );
            *outcome = (*outcome).max(if failure.io {
                Outcome::UsageOrIo
            } else {
                Outcome::InputErrors
            });
            None
        }
    }
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

//! The project a build works in: its root, its specs, and the output
//! directory they may write.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

use super::{Event, Sink};
use crate::paths::relative_to;

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

/// The specs to work on: those named, or every `*.yaml` in the project's
/// `briefs/`, sorted; an error when there are none.
pub fn find_specs(named: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    if !named.is_empty() {
        return Ok(named.to_vec());
    }
    let dir = project_root().join("briefs");
    let entries = std::fs::read_dir(&dir).map_err(|e| {
        Diagnostic::error(format!(
            "cannot read `{}`: {}",
            dir.display(),
            crate::diag::io_reason(&e)
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
/// and how many may not: each of those is reported to `sink` with its
/// reason and "nothing written". The project's `briefs/` specs are compared
/// with them even when not named, as they write to the same directories.
pub fn claim(paths: &[PathBuf], out_dir: &Path, sink: &mut dyn Sink) -> (Vec<PathBuf>, usize) {
    let project = find_specs(&[]).unwrap_or_default();
    let (kept, refused) = crate::regen::names::claim(paths, &project, out_dir);
    let count = refused.len();
    for d in refused {
        let spec = d.file.clone();
        sink.diagnostics(vec![d]);
        if let Some(spec) = spec {
            sink.event(Event::NothingWritten { spec, errors: 1 });
        }
    }
    (kept, count)
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

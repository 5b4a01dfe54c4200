//! Writing one output: every selected format rendered first, then all of
//! its files staged and committed together, so the files on disk of an
//! output always come from one build; and the clean-up of files an
//! output's previous build wrote and this one did not.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::atomic::OutDir;
use crate::compile::{Output, Prepared};
use crate::diag::Diagnostic;
use crate::regen::manifest::{self, Manifest, OutputFile};
use crate::regen::plan::Planner;
use crate::regen::scan;
use crate::render::FORMATS;
use crate::render::chart_style::ChartStyle;
use crate::render::format::{Input, Resources};

use super::{Engine, Event, Outcome, Sink, SpecRun};

/// Files by path, with their bytes.
type Files = Vec<(PathBuf, Vec<u8>)>;

/// A format that failed: its problems, and its name for messages.
type Failed = (Vec<Diagnostic>, &'static str);

/// One output's files in every selected format, with what the formats
/// reported on the way; or, when one failed, its problems and its name.
pub(super) struct RenderedOutput {
    files: Result<Files, Failed>,
    warnings: Vec<Diagnostic>,
    timings: Vec<(&'static str, std::time::Duration)>,
}

/// Renders one audience in every selected format. Touches nothing on disk
/// and reports nothing, so outputs can be rendered side by side.
pub(super) fn render(
    formats: &[&'static str],
    md: &Path,
    prepared: &Prepared,
    chart_style: &ChartStyle,
    resources: &Resources,
    output: &Output,
) -> RenderedOutput {
    let input = Input::new(
        &output.brief,
        md,
        &output.keywords,
        &prepared.template,
        chart_style,
        resources,
        formats,
    );
    let mut done = RenderedOutput {
        files: Ok(Vec::new()),
        warnings: Vec::new(),
        timings: Vec::new(),
    };
    let mut files = Vec::new();
    for format in FORMATS.iter().filter(|f| formats.contains(&f.name())) {
        match format.render(&input) {
            Ok(rendered) => {
                done.warnings.extend(rendered.warnings);
                done.timings.extend(rendered.timings);
                files.extend(rendered.files);
            }
            Err(diagnostics) => {
                done.files = Err((diagnostics, format.label()));
                return done;
            }
        }
    }
    done.files = Ok(files);
    done
}

impl Engine {
    /// Writes one rendered output's files. If a format failed (a template
    /// error in the PDF), nothing of this output is replaced. Returns the
    /// files written, relative to the output directory.
    pub(super) fn write_output(
        &mut self,
        run: &mut SpecRun,
        md: &Path,
        prepared: &Prepared,
        rendered: RenderedOutput,
        started: Instant,
    ) -> Result<Vec<OutputFile>, Outcome> {
        run.sink.diagnostics(rendered.warnings);
        for (phase, elapsed) in rendered.timings {
            self.timing(run.sink, phase, elapsed);
        }
        let files = match rendered.files {
            Ok(files) => files,
            Err((diagnostics, format)) => {
                run.sink.diagnostics(diagnostics);
                run.sink.event(Event::NotWritten {
                    output: md.to_path_buf(),
                    format,
                });
                return Err(Outcome::InputErrors);
            }
        };
        self.claim(md, &files, run.sink)?;
        if let Err(e) = run.out.stage(&files).and_then(|staged| staged.commit()) {
            run.sink.diagnostics(vec![cannot_write(md, &e)]);
            return Err(Outcome::UsageOrIo);
        }
        let mut written = Vec::new();
        for (path, bytes) in &files {
            run.sink.event(Event::Built {
                spec: prepared.spec.path.clone(),
                file: path.clone(),
                elapsed: started.elapsed(),
            });
            written.push(OutputFile {
                path: scan::relative(&self.options.out_dir, path),
                hash: crate::regen::hash::of(bytes),
            });
        }
        Ok(written)
    }

    /// Claims the files of the output `md` for this run; a file another
    /// output of the run already wrote is an error naming both, never
    /// overwritten.
    fn claim(
        &mut self,
        md: &Path,
        files: &[(PathBuf, Vec<u8>)],
        sink: &mut dyn Sink,
    ) -> Result<(), Outcome> {
        let owner = md.display().to_string();
        for (path, _) in files {
            if let Some(other) = self.claimed.get(path)
                && *other != owner
            {
                sink.diagnostics(vec![Diagnostic::error(format!(
                    "`{}` would be written by two outputs of this build, `{other}` and `{owner}`; `{owner}` is not written",
                    path.display()
                ))
                .hint("give the specs, audiences or sections different names")]);
                return Err(Outcome::InputErrors);
            }
        }
        for (path, _) in files {
            self.claimed.insert(path.clone(), owner.clone());
        }
        Ok(())
    }
}

fn cannot_write(md: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(format!(
        "cannot write `{}` and its files: {}",
        md.display(),
        crate::diag::io_reason(e)
    ))
    .hint("nothing of this output was replaced; the files from its last build stay")
}

/// "cannot <what> `<path>`: <reason>".
pub(super) fn io_error(what: &str, path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(format!(
        "{what} `{}`: {}",
        path.display(),
        crate::diag::io_reason(e)
    ))
}

/// Keeps a failed output's record (its files on disk are the last good ones)
/// but makes the next build try it again.
pub(super) fn mark_failed(manifest: &mut Manifest, key: &str) {
    if let Some(r) = manifest.outputs.get_mut(key) {
        r.stale = Some("its last build failed".into());
    }
}

/// Reports the corpus files the snapshot marks unusable, by loading each
/// again; returns whether there were any.
pub(super) fn report_unusable(
    planner: &Planner,
    key: &str,
    snapshot: &manifest::Snapshot,
    sink: &mut dyn Sink,
) -> bool {
    let Some(state) = planner.corpora.get(key) else {
        return false;
    };
    let mut any = false;
    for (rel, entry) in snapshot {
        if entry.id.is_some() {
            continue;
        }
        let path = state.scan.root.join(rel);
        let loaded = std::fs::read(&path)
            .map_err(|e| Diagnostic::error(crate::diag::io_reason(&e)).in_file(&path))
            .and_then(|bytes| crate::corpus::load_file(&path, &bytes));
        if let Err(d) = loaded {
            sink.diagnostics(vec![d]);
            any = true;
        }
    }
    any
}

/// Removes the files the output's previous build wrote and this one did not
/// (a chart taken out of the spec, a `.typ` no longer emitted), so the
/// output directory holds what the spec makes now. Only a file that is
/// still exactly what brief wrote there is removed (its bytes have the
/// recorded hash, it is not a link, no link leads to it), and never brief's
/// own files, whatever a damaged or hand-edited manifest says.
pub(super) fn remove_left_over(
    out: &OutDir,
    before: &[OutputFile],
    now: &[OutputFile],
    sink: &mut dyn Sink,
) {
    for old in before
        .iter()
        .filter(|f| !now.iter().any(|n| n.path == f.path))
    {
        if reserved(&old.path) {
            continue;
        }
        let path = out.path().join(&old.path);
        match out.remove_if_unchanged(Path::new(&old.path), &old.hash) {
            Ok(true) => sink.event(Event::Removed { file: path }),
            Ok(false) => {}
            Err(e) => sink.diagnostics(vec![Diagnostic::warning(format!(
                "cannot remove `{}`, which is no longer built: {}",
                path.display(),
                crate::diag::io_reason(&e)
            ))]),
        }
    }
}

/// brief's own files in an output directory, which no output may be: a
/// first component no spec could be named ([`crate::regen::names`]: the
/// manifests, the lock, anything hidden), or a hidden file anywhere.
fn reserved(relative: &str) -> bool {
    let path = Path::new(relative);
    let first = path
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    crate::regen::names::check_name(&first).is_err()
        || path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

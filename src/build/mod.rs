//! The build engine: plan what is stale, hold the output directory, render
//! each stale output in every selected format, write its files atomically,
//! clean up what is no longer built, and record it all in the manifest.
//!
//! `brief schedule` then files what a run built as editions
//! ([`Engine::file_editions`]).
//!
//! It decides *what* to build, from the manifest of content hashes; its
//! callers decide *when*: `brief build` once, `brief watch` after each
//! change, `brief schedule` when a brief is due. It never prints: progress
//! and problems go to a [`Sink`] as [`Event`]s, and a run ends with a
//! [`Summary`].

mod editions;
mod event;
mod options;
mod output;
pub mod project;
mod specs;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::atomic::OutDir;
use crate::cite::{self, CiteStore};
use crate::compile::{Compiler, Prepared};
use crate::regen::lock::{self, OutLock};
use crate::regen::manifest::Manifest;
use crate::regen::plan::{Planner, Recorded, Settings, SpecPlan};
use crate::render::font_cache;
use crate::render::typst::Fonts;

pub use editions::Due;
pub use event::{Event, Sink};
pub use options::{BuildOptions, DEFAULT_FORMATS, Mode, formats, needs_fonts};

/// What a run shares while it builds its specs: here, because both the
/// pass over the specs (`specs.rs`) and the writing of one output
/// (`output.rs`) work with it.
pub(crate) struct SpecRun<'a> {
    pub out: &'a OutDir,
    pub compiler: &'a mut Compiler,
    pub planner: &'a Planner,
    pub manifest: &'a mut Manifest,
    pub ids: &'a mut BTreeMap<String, BTreeMap<String, String>>,
    pub sink: &'a mut dyn Sink,
}

/// How a command ended, ordered by severity so combining outcomes is
/// `max`; the command line maps it to its exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Ok,
    /// A document or spec could not be used.
    InputErrors,
    /// Bad arguments, a missing directory, a failed write.
    UsageOrIo,
}

/// What one build did.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub outcome: Outcome,
    pub rebuilt: usize,
    pub fresh: usize,
    pub failed: usize,
    pub elapsed: Duration,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} rebuilt, {} up to date", self.rebuilt, self.fresh)?;
        if self.failed > 0 {
            write!(f, ", {} failed", self.failed)?;
        }
        write!(f, " in {} ms", self.elapsed.as_millis())
    }
}

/// One output a run wrote.
#[derive(Debug)]
pub struct Built {
    pub spec: String,
    pub audience: String,
    /// Relative to the output directory.
    pub files: Vec<String>,
    pub inventory: crate::edition::Inventory,
    pub changes: crate::edition::ChangeSet,
}

/// Builds specs into an output directory; kept alive by `brief watch` and
/// `brief schedule`, so fonts are loaded once.
#[derive(Debug)]
pub struct Engine {
    pub options: BuildOptions,
    /// Every output written by the last `run`, for `brief schedule`.
    pub built: Vec<Built>,
    /// Specs (by name) with an output that failed in the last `run`.
    pub failed_specs: Vec<String>,
    /// Specs to rebuild whatever their state, with the reason to report.
    pub forced: HashMap<PathBuf, String>,
    /// The lock, when a caller holds it across several runs' worth of work.
    held: Option<OutLock>,
    /// Each file written in the current run, with the output that wrote it:
    /// two outputs of one build never share a file.
    claimed: HashMap<PathBuf, String>,
    fonts: Option<Arc<Fonts>>,
    /// The font cache file's bytes, read when a run first needs fonts.
    font_cache: Option<Arc<Vec<u8>>>,
}

impl Engine {
    pub fn new(options: BuildOptions) -> Self {
        Engine {
            options,
            built: Vec::new(),
            failed_specs: Vec::new(),
            forced: HashMap::new(),
            held: None,
            claimed: HashMap::new(),
            fonts: None,
            font_cache: None,
        }
    }

    pub fn out_dir(&self) -> &Path {
        &self.options.out_dir
    }

    /// Takes the output directory's lock until [`Engine::release`], so
    /// that work around `run` (filing editions) is covered too.
    pub fn hold(&mut self, sink: &mut dyn Sink) -> Result<(), Outcome> {
        if self.held.is_none() {
            self.held = self.lock(sink)?;
        }
        Ok(())
    }

    pub fn release(&mut self) {
        self.held = None;
    }

    /// The lock for one run, or `None` when [`Engine::hold`] already has it.
    fn lock(&self, sink: &mut dyn Sink) -> Result<Option<OutLock>, Outcome> {
        if self.held.is_some() {
            return Ok(None);
        }
        let o = &self.options;
        let mut waiting = |lock: &Path, holder: &str| {
            sink.event(Event::Waiting {
                lock: lock.to_path_buf(),
                holder: holder.to_string(),
            });
        };
        match lock::exclusive(&o.out_dir, o.command, o.wait, &mut waiting) {
            Ok(l) => Ok(Some(l)),
            Err(e) => {
                sink.diagnostics(vec![crate::diag::Diagnostic::error(e.to_string())]);
                Err(Outcome::UsageOrIo)
            }
        }
    }

    fn planner(&self) -> Planner {
        self.planner_with(false)
    }

    fn planner_with(&self, data_only: bool) -> Planner {
        let o = &self.options;
        Planner::new(Settings {
            data_only,
            out_dir: o.out_dir.clone(),
            options: {
                let o = o.clone();
                Recorded(Arc::new(move |spec| o.recorded(&o.formats_for(spec))))
            },
            force: o.force,
            forced: self.forced.clone(),
            audience: o.audience.clone(),
            layout: o.mode.layout(),
        })
    }

    /// What a run would rebuild and why, without building anything. With
    /// `data_only`, a new date or baseline edition is not a reason.
    pub fn plan(
        &self,
        spec_paths: &[PathBuf],
        today: chrono::NaiveDate,
        data_only: bool,
    ) -> Vec<SpecPlan> {
        let (manifest, _) = Manifest::load(&self.manifest_path());
        let compiler = Compiler::new(self.options.corpus.clone(), today);
        let mut planner = self.planner_with(data_only);
        spec_paths
            .iter()
            .map(|p| planner.plan(&manifest, &compiler, p, today))
            .collect()
    }

    fn manifest_path(&self) -> PathBuf {
        self.options.out_dir.join(self.options.mode.manifest())
    }

    fn timing(&self, sink: &mut dyn Sink, phase: &str, elapsed: Duration) {
        if self.options.timings {
            sink.event(Event::Timing {
                phase: phase.to_string(),
                elapsed,
            });
        }
    }

    /// Builds what is stale among the specs' outputs; `today` is the date
    /// `date: today` and `within:` resolve against.
    pub fn run(
        &mut self,
        spec_paths: &[PathBuf],
        today: chrono::NaiveDate,
        sink: &mut dyn Sink,
    ) -> Summary {
        let started = Instant::now();
        self.built.clear();
        self.failed_specs.clear();
        let mut summary = Summary {
            outcome: Outcome::Ok,
            rebuilt: 0,
            fresh: 0,
            failed: 0,
            elapsed: Duration::ZERO,
        };
        let finish = |mut summary: Summary| {
            summary.elapsed = started.elapsed();
            summary
        };
        // Before the lock, whose file would otherwise be created through the link.
        if let Some(d) = self.out_linked_out() {
            sink.diagnostics(vec![d]);
            summary.outcome = Outcome::UsageOrIo;
            summary.failed = spec_paths.len();
            return finish(summary);
        }
        // Specs that would share an output directory, or whose name is one
        // of brief's own files there, are refused before anything is read.
        let (spec_paths, refused) = project::claim(spec_paths, &self.options.out_dir, sink);
        if refused > 0 {
            summary.failed += refused;
            summary.outcome = Outcome::InputErrors;
        }
        let spec_paths = spec_paths.as_slice();
        if let Err(d) = project::output_dir_usable(&self.options.out_dir) {
            sink.diagnostics(vec![d]);
            summary.outcome = Outcome::UsageOrIo;
            summary.failed = spec_paths.len();
            return finish(summary);
        }
        let _lock = match self.lock(sink) {
            Ok(l) => l,
            Err(outcome) => {
                summary.outcome = outcome;
                return finish(summary);
            }
        };
        let out = match OutDir::open(&self.options.out_dir) {
            Ok(out) => out,
            Err(e) => {
                sink.diagnostics(vec![output::io_error(
                    "cannot open",
                    &self.options.out_dir,
                    &e,
                )]);
                summary.outcome = Outcome::UsageOrIo;
                return finish(summary);
            }
        };
        self.claimed.clear();
        // Files a killed build left half-written; nobody else writes here
        // while the lock is held.
        if let Err(e) = out.remove_stale_temporaries() {
            let temp = self.options.out_dir.join(crate::atomic::TEMP_DIR);
            sink.diagnostics(vec![output::io_error("cannot clean up", &temp, &e)]);
            summary.outcome = Outcome::UsageOrIo;
            return finish(summary);
        }
        let manifest_path = self.manifest_path();
        let (mut manifest, warning) = Manifest::load(&manifest_path);
        sink.diagnostics(warning.into_iter().collect());
        let mut compiler = Compiler::new(self.options.corpus.clone(), today);
        let cite_store_path = self.options.out_dir.join(cite::store::FILE_NAME);
        let mut planner = self.planner();
        let plans: Vec<SpecPlan> = spec_paths
            .iter()
            .map(|p| planner.plan(&manifest, &compiler, p, today))
            .collect();
        if self.options.mode == Mode::Build {
            // `brief schedule` reports these itself, once a pass for every
            // scheduled brief, due or not.
            sink.diagnostics(plans.iter().flat_map(|p| p.warnings.clone()).collect());
        }
        if plans.iter().any(SpecPlan::needs_build) {
            // The two slow set-ups, citation locales and fonts, start now on
            // other threads and overlap with loading the corpus.
            crate::cite::warm_up();
            // Notes earlier runs made; read without following a link, and
            // only a hint.
            let stored = out.read(&cite_store_path).ok().flatten();
            compiler.cite_store = Some(Arc::new(CiteStore::read(stored.as_deref())));
            let typesets = plans
                .iter()
                .filter_map(|p| p.spec.as_ref())
                .any(|s| needs_fonts(&self.options.formats_for(s)));
            if typesets && self.fonts.is_none() {
                // What an earlier run learnt of the system's fonts; read
                // without following a link, and only a hint.
                let cached = out.read(&self.options.out_dir.join(font_cache::FILE_NAME));
                self.font_cache = cached.ok().flatten().map(Arc::new);
                let dirs = self.options.font_paths.clone();
                let cache = self.font_cache.clone();
                std::thread::spawn(move || Fonts::load(&dirs, cache.as_deref().map(Vec::as_slice)));
            }
        }
        let mut ids: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        let mut visited = Vec::new();
        for plan in &plans {
            visited.extend(plan.outputs.iter().map(|o| o.key.clone()));
            summary.fresh += plan.outputs.len() - plan.stale().count();
        }
        let building: Vec<&SpecPlan> = plans.iter().filter(|p| p.needs_build()).collect();
        let mut run = SpecRun {
            out: &out,
            compiler: &mut compiler,
            planner: &planner,
            manifest: &mut manifest,
            ids: &mut ids,
            sink: &mut *sink,
        };
        let done = self.build_specs(&building, &mut run);
        summary.rebuilt += done.rebuilt;
        summary.failed += done.failed;
        if let Some(outcome) = done.outcome {
            summary.outcome = summary.outcome.max(outcome);
        }
        if compiler.corpus_had_errors() {
            summary.outcome = summary.outcome.max(Outcome::InputErrors);
        }
        planner.mark_unvisited(&mut manifest, &visited);
        for (key, snapshot) in planner.snapshots(&manifest, &ids) {
            // Files that could not be used were reported when the corpus was
            // loaded; when it was not (nothing to build), say so again.
            if !ids.contains_key(&key) && output::report_unusable(&planner, &key, &snapshot, sink) {
                summary.outcome = summary.outcome.max(Outcome::InputErrors);
            }
            manifest.corpora.insert(key, snapshot);
        }
        if let Some(update) = compiler.cite_store.as_ref().and_then(|s| s.update()) {
            // Only time is lost if it cannot be written: the next run cites.
            out.write(&cite_store_path, &update).ok();
        }
        if let Some(update) = self.fonts.as_ref().and_then(|f| f.take_cache_update()) {
            // Only time is lost if it cannot be written: the next run scans.
            out.write(&self.options.out_dir.join(font_cache::FILE_NAME), &update)
                .ok();
        }
        if let Err(e) = manifest.save(&out, &manifest_path) {
            sink.diagnostics(vec![output::io_error("cannot write", &manifest_path, &e)]);
            summary.outcome = summary.outcome.max(Outcome::UsageOrIo);
        }
        finish(summary)
    }

    /// The font cache's bytes read at the start of the run, if any.
    fn font_cache(&self) -> Option<&[u8]> {
        self.font_cache.as_deref().map(Vec::as_slice)
    }

    /// The fonts, loaded on first use (their warnings reported once).
    fn fonts(&mut self, sink: &mut dyn Sink) -> Option<Arc<Fonts>> {
        if self.fonts.is_none() {
            let loading = Instant::now();
            let fonts = Fonts::load(&self.options.font_paths, self.font_cache());
            sink.diagnostics(fonts.warnings().to_vec());
            self.timing(sink, "fonts", loading.elapsed());
            self.fonts = Some(fonts);
        }
        self.fonts.clone()
    }

    /// Why writing `file` would leave the output directory through a link,
    /// or `None` when it stays inside.
    pub fn linked_away(&self, file: &Path) -> Option<String> {
        let out_dir = &self.options.out_dir;
        let dir = file.parent()?;
        let deepest = dir
            .ancestors()
            .take_while(|a| a.starts_with(out_dir))
            .find(|a| a.exists())?;
        crate::paths::outside_of(out_dir, deepest, "the output directory")
    }

    /// The default `out/` must be the project's own, not a link elsewhere;
    /// `--out` is the analyst's choice and may name any directory.
    fn out_linked_out(&self) -> Option<crate::diag::Diagnostic> {
        let o = &self.options;
        if o.out_named {
            return None;
        }
        let reason =
            crate::paths::outside(o.out_dir.parent().unwrap_or(Path::new("")), &o.out_dir)?;
        Some(
            crate::diag::Diagnostic::error(format!(
                "cannot write to `{}`: {reason}",
                o.out_dir.display()
            ))
            .hint("remove the link, or name another directory with --out DIR"),
        )
    }
}

/// Loads and checks one spec, reporting its problems and the corpus's
/// (once per corpus); a spec that fails raises `outcome` and gives `None`.
/// Shared with `brief check` and `brief schedule`.
pub fn prepare(
    compiler: &mut Compiler,
    path: &Path,
    sink: &mut dyn Sink,
    outcome: &mut Outcome,
) -> Option<Prepared> {
    let result = compiler.prepare(path);
    sink.diagnostics(std::mem::take(&mut compiler.corpus_diagnostics));
    match result {
        Ok(prepared) => {
            sink.diagnostics(prepared.check.diagnostics.clone());
            Some(prepared)
        }
        Err(failure) => {
            let errors = failure.diagnostics.iter().filter(|d| d.is_error()).count();
            sink.diagnostics(failure.diagnostics);
            sink.event(Event::NothingWritten {
                spec: path.to_path_buf(),
                errors,
            });
            *outcome = (*outcome).max(if failure.io {
                Outcome::UsageOrIo
            } else {
                Outcome::InputErrors
            });
            None
        }
    }
}

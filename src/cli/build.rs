//! `brief build`: compile specs to Markdown and PDF, one of each per audience,
//! rebuilding only the outputs whose inputs changed since the last build.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::atomic::OutDir;
use crate::compile::{Compiler, Output, Prepared};
use crate::regen::lock::{self, OutLock, Wait};
use crate::regen::manifest::{self, Manifest, OutputFile};
use crate::regen::plan::{Planner, Settings, SpecPlan, build_layout, record};
use crate::regen::{deps, provenance, scan};
use crate::render::typst::pdf::typeset;
use crate::render::typst::{Fonts, PdfStandard, parse_standard, source};
use crate::resolve::brief_date;

use super::specs::{self, SpecArgs};
use super::{CorpusArgs, Outcome, report};

#[derive(Debug, Clone, clap::Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub specs: SpecArgs,
    /// Build only this audience
    #[arg(long, value_name = "ID")]
    pub audience: Option<String>,
    /// Output directory [default: `out/` in the project root]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Rebuild every output, fresh or not
    #[arg(long)]
    pub force: bool,
    /// Also write the generated Typst source (`<audience>.typ`) beside each PDF
    #[arg(long, value_name = "WHAT", value_parser = ["typst"])]
    pub emit: Vec<String>,
    /// Make the PDFs conform to a standard: a-1b, a-2b, a-3b, ua-1, …
    #[arg(long, value_name = "STANDARD", value_parser = parse_standard)]
    pub pdf_standard: Option<PdfStandard>,
    /// More fonts: a directory searched before the system's fonts (repeatable)
    #[arg(
        long,
        value_name = "DIR",
        env = "BRIEF_FONT_PATHS",
        value_delimiter = ':'
    )]
    pub font_path: Vec<PathBuf>,
    /// Write Markdown only
    #[arg(long)]
    pub no_pdf: bool,
    /// Fail at once, instead of waiting, when another `brief` process is
    /// writing the output directory
    #[arg(long)]
    pub no_wait: bool,
    #[command(flatten)]
    pub corpus: CorpusArgs,
}

pub fn run(args: BuildArgs) -> Outcome {
    let (today, spec_paths) = match specs::start(&args.specs) {
        Ok(started) => started,
        Err(outcome) => return outcome,
    };
    let mut builder = Builder::new(args);
    let summary = builder.run(&spec_paths, today);
    say!("{summary}");
    summary.outcome
}

/// What one build did.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub outcome: Outcome,
    pub rebuilt: usize,
    pub fresh: usize,
    pub failed: usize,
    pub millis: u128,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} rebuilt, {} up to date", self.rebuilt, self.fresh)?;
        if self.failed > 0 {
            write!(f, ", {} failed", self.failed)?;
        }
        write!(f, " in {} ms", self.millis)
    }
}

/// Builds specs into an output directory; kept alive by `brief watch` so
/// fonts are loaded once.
#[derive(Debug)]
pub struct Builder {
    pub args: BuildArgs,
    pub out_dir: PathBuf,
    /// Where outputs go and which manifest records them.
    pub mode: Mode,
    /// Every output written by the last `run`, for `brief schedule`.
    pub built: Vec<Built>,
    /// Specs (by name) with an output that failed in the last `run`.
    pub failed_specs: Vec<String>,
    /// Specs to rebuild whatever their state, with the reason to print.
    pub forced: HashMap<PathBuf, String>,
    /// The command named to others waiting for the output directory's lock.
    pub command: &'static str,
    /// The lock, when a caller holds it across several runs' worth of work.
    held: Option<OutLock>,
    /// Each file written in the current run, with the output that wrote it:
    /// two outputs of one build never share a file.
    claimed: HashMap<PathBuf, String>,
    fonts: Option<Arc<Fonts>>,
}

/// `brief build` writes `<spec>/<audience>.md`; `brief schedule` writes
/// `<spec>/latest/<audience>.md` and files it as an edition. Each has its own
/// manifest, so a build never makes a scheduled brief look fresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Build,
    Latest,
}

impl Mode {
    fn layout(self) -> fn(&str, &str) -> String {
        match self {
            Mode::Build => build_layout,
            Mode::Latest => |spec, audience| format!("{spec}/latest/{audience}.md"),
        }
    }

    fn manifest(self) -> &'static str {
        match self {
            Mode::Build => manifest::FILE_NAME,
            Mode::Latest => manifest::EDITIONS_FILE_NAME,
        }
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

impl Builder {
    pub fn new(args: BuildArgs) -> Self {
        let out_dir = args
            .out
            .clone()
            .unwrap_or_else(|| specs::project_root().join("out"));
        Builder {
            args,
            out_dir,
            mode: Mode::Build,
            built: Vec::new(),
            failed_specs: Vec::new(),
            forced: HashMap::new(),
            command: "brief build",
            held: None,
            claimed: HashMap::new(),
            fonts: None,
        }
    }

    /// Takes the output directory's lock until [`Builder::release`], so
    /// that work around `run` (filing editions) is covered too.
    pub fn hold(&mut self) -> Result<(), Outcome> {
        if self.held.is_none() {
            self.held = self.lock()?;
        }
        Ok(())
    }

    pub fn release(&mut self) {
        self.held = None;
    }

    /// The lock for one run, or `None` when [`Builder::hold`] already has it.
    fn lock(&self) -> Result<Option<OutLock>, Outcome> {
        if self.held.is_some() {
            return Ok(None);
        }
        let wait = if self.args.no_wait {
            Wait::NoWait
        } else {
            Wait::Block
        };
        match lock::exclusive(&self.out_dir, self.command, wait) {
            Ok(l) => Ok(Some(l)),
            Err(e) => {
                eprintln!("error: {e}");
                Err(Outcome::UsageOrIo)
            }
        }
    }

    /// The options that change what is written, recorded with each output.
    fn options(&self) -> String {
        let a = &self.args;
        format!(
            "pdf={} standard={:?} emit={:?} fonts={:?}",
            !a.no_pdf, a.pdf_standard, a.emit, a.font_path
        )
    }

    fn planner(&self) -> Planner {
        self.planner_with(false)
    }

    fn planner_with(&self, data_only: bool) -> Planner {
        Planner::new(Settings {
            data_only,
            out_dir: self.out_dir.clone(),
            options: self.options(),
            force: self.args.force,
            forced: self.forced.clone(),
            audience: self.args.audience.clone(),
            layout: self.mode.layout(),
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
        let (manifest, _) = Manifest::load(&self.out_dir.join(self.mode.manifest()));
        let compiler = Compiler::new(self.args.corpus.corpus.clone(), today);
        let mut planner = self.planner_with(data_only);
        spec_paths
            .iter()
            .map(|p| planner.plan(&manifest, &compiler, p, today))
            .collect()
    }

    /// Builds what is stale among the specs' outputs; `today` is the date
    /// `date: today` and `within:` resolve against.
    pub fn run(&mut self, spec_paths: &[PathBuf], today: chrono::NaiveDate) -> Summary {
        let started = Instant::now();
        self.built.clear();
        self.failed_specs.clear();
        // Before the lock, whose file would otherwise be created through the link.
        if let Some(reason) = self.out_linked_out() {
            eprintln!(
                "error: cannot write to `{}`: {reason}",
                self.out_dir.display()
            );
            eprintln!("  = help: remove the link, or name another directory with --out DIR");
            return Summary {
                outcome: Outcome::UsageOrIo,
                rebuilt: 0,
                fresh: 0,
                failed: spec_paths.len(),
                millis: started.elapsed().as_millis(),
            };
        }
        // Specs that would share an output directory, or whose name is one
        // of brief's own files there, are refused before anything is read.
        let (spec_paths, refused) = specs::claim(spec_paths, &self.out_dir);
        let spec_paths = spec_paths.as_slice();
        let mut summary = Summary {
            outcome: if refused > 0 {
                Outcome::InputErrors
            } else {
                Outcome::Ok
            },
            rebuilt: 0,
            fresh: 0,
            failed: refused,
            millis: 0,
        };
        if let Err(d) = specs::output_dir_usable(&self.out_dir) {
            report(&[d]);
            summary.outcome = Outcome::UsageOrIo;
            summary.failed = spec_paths.len();
            return summary;
        }
        let _lock = match self.lock() {
            Ok(l) => l,
            Err(outcome) => {
                summary.outcome = outcome;
                return summary;
            }
        };
        let out = match OutDir::open(&self.out_dir) {
            Ok(out) => out,
            Err(e) => {
                eprintln!(
                    "error: cannot open `{}`: {}",
                    self.out_dir.display(),
                    crate::corpus::io_reason(&e)
                );
                summary.outcome = Outcome::UsageOrIo;
                return summary;
            }
        };
        self.claimed.clear();
        // Files a killed build left half-written; nobody else writes here
        // while the lock is held.
        if let Err(e) = out.remove_stale_temporaries() {
            eprintln!(
                "error: cannot clean up `{}`: {}",
                self.out_dir.join(crate::atomic::TEMP_DIR).display(),
                crate::corpus::io_reason(&e)
            );
            summary.outcome = Outcome::UsageOrIo;
            return summary;
        }
        let manifest_path = self.out_dir.join(self.mode.manifest());
        let (mut manifest, warning) = Manifest::load(&manifest_path);
        report(&warning.into_iter().collect::<Vec<_>>());
        let mut compiler = Compiler::new(self.args.corpus.corpus.clone(), today);
        let mut planner = self.planner();
        let plans: Vec<SpecPlan> = spec_paths
            .iter()
            .map(|p| planner.plan(&manifest, &compiler, p, today))
            .collect();
        if self.mode == Mode::Build {
            // `brief schedule` reports these itself, once a pass for every
            // scheduled brief, due or not.
            report(
                &plans
                    .iter()
                    .flat_map(|p| p.warnings.clone())
                    .collect::<Vec<_>>(),
            );
        }
        if plans.iter().any(SpecPlan::needs_build) {
            // The two slow set-ups, citation locales and fonts, start now on
            // other threads and overlap with loading the corpus.
            crate::cite::warm_up();
            if !self.args.no_pdf && self.fonts.is_none() {
                let dirs = self.args.font_path.clone();
                std::thread::spawn(move || Fonts::load(&dirs));
            }
        }
        let mut ids: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        let mut visited = Vec::new();
        for plan in &plans {
            visited.extend(plan.outputs.iter().map(|o| o.key.clone()));
            summary.fresh += plan.outputs.len() - plan.stale().count();
            if !plan.needs_build() {
                continue;
            }
            for output in plan.stale() {
                let audience = output
                    .audience
                    .as_deref()
                    .map(|a| format!(" ({a})"))
                    .unwrap_or_default();
                if let Some(reason) = &output.reason {
                    say!("rebuilding {}{audience}: {reason}", plan.path.display());
                }
            }
            let outcome =
                self.build_spec(&out, &mut compiler, &planner, plan, &mut manifest, &mut ids);
            summary.rebuilt += outcome.0;
            summary.failed += outcome.1;
            if outcome.1 > 0 {
                let name = plan.spec.as_ref().map(|s| s.name.clone());
                self.failed_specs.push(name.unwrap_or_default());
            }
            summary.outcome = summary.outcome.max(outcome.2);
        }
        if compiler.corpus_had_errors() {
            summary.outcome = summary.outcome.max(Outcome::InputErrors);
        }
        planner.mark_unvisited(&mut manifest, &visited);
        for (key, snapshot) in planner.snapshots(&manifest, &ids) {
            // Files that could not be used were reported when the corpus was
            // loaded; when it was not (nothing to build), say so again.
            if !ids.contains_key(&key) && report_unusable(&planner, &key, &snapshot) {
                summary.outcome = summary.outcome.max(Outcome::InputErrors);
            }
            manifest.corpora.insert(key, snapshot);
        }
        if let Err(e) = manifest.save(&out, &manifest_path) {
            eprintln!(
                "error: cannot write `{}`: {}",
                manifest_path.display(),
                crate::corpus::io_reason(&e)
            );
            summary.outcome = summary.outcome.max(Outcome::UsageOrIo);
        }
        summary.millis = started.elapsed().as_millis();
        summary
    }

    /// Prepares one spec and writes its stale outputs; returns how many were
    /// rebuilt and how many failed, and the outcome.
    fn build_spec(
        &mut self,
        out: &OutDir,
        compiler: &mut Compiler,
        planner: &Planner,
        plan: &SpecPlan,
        manifest: &mut Manifest,
        ids: &mut BTreeMap<String, BTreeMap<String, String>>,
    ) -> (usize, usize, Outcome) {
        let failed_all = |manifest: &mut Manifest, outcome| {
            for o in plan.stale() {
                mark_failed(manifest, &o.key);
            }
            (0, plan.stale().count().max(1), outcome)
        };
        let mut outcome = Outcome::Ok;
        let prepared = specs::prepare(compiler, &plan.path, &mut outcome);
        let (Some(prepared), Some(corpus)) = (prepared, plan.corpus.as_deref()) else {
            return failed_all(manifest, outcome.max(Outcome::InputErrors));
        };
        let loaded = prepared.loaded.clone();
        let root = &loaded.corpus.root;
        ids.entry(corpus.to_string()).or_insert_with(|| {
            loaded
                .corpus
                .documents
                .iter()
                .map(|d| (scan::relative(root, &d.path), d.id.clone()))
                .collect()
        });
        let started = Instant::now();
        let only = self.args.audience.as_deref();
        let outputs = match compiler.outputs(&prepared, only, plan.baseline.as_ref()) {
            Ok(o) => o,
            Err(d) => {
                // The one error here is an `--audience` the spec does not
                // have: the command line's mistake, not the spec's.
                report(&[d]);
                return failed_all(manifest, Outcome::UsageOrIo);
            }
        };
        specs::timing("resolve and render Markdown and Typst", started);
        let index = loaded.index();
        let date = brief_date(&prepared.spec, compiler.today);
        let queries = deps::query_deps(&prepared.spec, &index, date);
        let Some(state) = planner.corpora.get(corpus) else {
            return failed_all(manifest, Outcome::UsageOrIo);
        };
        let resolved = provenance::resolved(&index, &prepared.check.matches);
        // Compared with the previous build once per spec, not per audience.
        if let Some(before) = plan
            .stale()
            .filter_map(|o| manifest.outputs.get(&o.key))
            .find(|r| !r.resolved.is_empty())
        {
            report(&provenance::moved(
                &before.resolved,
                &resolved,
                &prepared.spec,
                &prepared.check.matches,
            ));
        }
        let (mut rebuilt, mut failed) = (0, 0);
        for output in outputs {
            let audience = output.brief.audience.as_ref().map(|a| a.id.clone());
            let Some(planned) = plan.stale().find(|o| o.audience == audience) else {
                continue;
            };
            let md = self.out_dir.join(&planned.key);
            match self.write_output(out, &md, &prepared, &output, started) {
                Ok(files) => {
                    rebuilt += 1;
                    let docs = deps::cited(&output.brief, &index, &state.scan);
                    let shown =
                        provenance::shown(&output.inventory, &index, &prepared.check.matches);
                    if let Some(old) = manifest.outputs.get(&planned.key) {
                        remove_left_over(out, &old.files, &files);
                    }
                    let r = record(
                        plan,
                        corpus,
                        files.clone(),
                        docs,
                        queries.clone(),
                        shown,
                        resolved.clone(),
                    );
                    manifest.outputs.extend(r.map(|r| (planned.key.clone(), r)));
                    self.built.push(Built {
                        spec: prepared.spec.name.clone(),
                        audience: output.audience,
                        files: files.into_iter().map(|f| f.path).collect(),
                        inventory: output.inventory,
                        changes: output.changes,
                    });
                }
                Err(o) => {
                    failed += 1;
                    outcome = outcome.max(o);
                    mark_failed(manifest, &planned.key);
                }
            }
        }
        (rebuilt, failed, outcome)
    }

    /// Writes one audience's files: Markdown, the PDF (unless `--no-pdf`) and,
    /// with `--emit typst`, the PDF's source. The PDF is typeset first: if
    /// that fails (a template error), nothing of this output is replaced, so
    /// the Markdown and PDF on disk always match. Returns the files written,
    /// relative to the output directory.
    fn write_output(
        &mut self,
        out: &OutDir,
        md: &Path,
        prepared: &Prepared,
        output: &Output,
        started: Instant,
    ) -> Result<Vec<OutputFile>, Outcome> {
        let pdf = if self.args.no_pdf {
            None
        } else {
            let loading = Instant::now();
            let dirs = &self.args.font_path;
            let fonts = match &self.fonts {
                Some(fonts) => fonts.clone(),
                None => {
                    let fonts = Fonts::load(dirs);
                    // Once per run: the fonts are loaded once.
                    report(fonts.warnings());
                    self.fonts.insert(fonts).clone()
                }
            };
            specs::timing("fonts", loading);
            match typeset(
                &output.brief,
                &output.keywords,
                &output.charts,
                &prepared.template,
                &fonts,
                self.args.pdf_standard,
            ) {
                Ok(typeset) => {
                    report(&typeset.warnings);
                    let t = typeset.pdf.timings;
                    if specs::timings_on() {
                        eprintln!(
                            "timing: typst compile: {:.1} ms, export: {:.1} ms",
                            t.compile.as_secs_f64() * 1000.0,
                            t.export.as_secs_f64() * 1000.0
                        );
                    }
                    Some((typeset.pdf.bytes, typeset.main))
                }
                Err(diagnostics) => {
                    report(&diagnostics);
                    eprintln!("{}: not written (the PDF failed)", md.display());
                    return Err(Outcome::InputErrors);
                }
            }
        };
        let mut files = vec![(md.to_path_buf(), output.markdown.as_bytes().to_vec())];
        let (pdf, typst) = match pdf {
            Some((bytes, main)) => (Some(bytes), Some(main)),
            None => (None, None),
        };
        if self.args.emit.iter().any(|e| e == "typst") {
            // Without a PDF, the source in the spec's order.
            let typst = typst.unwrap_or_else(|| {
                source::main_file(&output.brief, &prepared.template.import, &output.keywords)
            });
            files.push((md.with_extension("typ"), typst.into_bytes()));
        }
        if let Some(bytes) = pdf {
            files.push((md.with_extension("pdf"), bytes));
        }
        // Charts first, so the Markdown never links a chart not yet written.
        // Their paths are relative to the Markdown and lie in directories of
        // their own (`charts/<audience>/`), so each is checked for links.
        let beside = md.parent().unwrap_or(Path::new(""));
        let charts = output
            .charts
            .iter()
            .map(|(name, svg)| (beside.join(name), svg.as_bytes().to_vec()));
        files.splice(0..0, charts);
        self.claim(md, &files)?;
        let staged = out.stage(&files).map_err(|e| cannot_write(md, &e))?;
        staged.commit().map_err(|e| cannot_write(md, &e))?;
        let mut written = Vec::new();
        for (path, bytes) in &files {
            say!(
                "built {} → {} in {} ms",
                prepared.spec.path.display(),
                path.display(),
                started.elapsed().as_millis()
            );
            written.push(OutputFile {
                path: scan::relative(&self.out_dir, path),
                hash: crate::regen::hash::of(bytes),
            });
        }
        Ok(written)
    }

    /// Claims the files of the output `md` for this run; a file another
    /// output of the run already wrote is an error naming both, never
    /// overwritten.
    fn claim(&mut self, md: &Path, files: &[(PathBuf, Vec<u8>)]) -> Result<(), Outcome> {
        let owner = md.display().to_string();
        for (path, _) in files {
            if let Some(other) = self.claimed.get(path)
                && *other != owner
            {
                eprintln!(
                    "error: `{}` would be written by two outputs of this build, `{other}` and `{owner}`; `{owner}` is not written",
                    path.display()
                );
                eprintln!("  = help: give the specs, audiences or sections different names");
                return Err(Outcome::InputErrors);
            }
        }
        for (path, _) in files {
            self.claimed.insert(path.clone(), owner.clone());
        }
        Ok(())
    }
}

impl Builder {
    /// The default `out/` must be the project's own, not a link elsewhere
    /// (a project from someone else could link it anywhere); `--out` is the
    /// analyst's choice and may name any directory.
    fn out_linked_out(&self) -> Option<String> {
        if self.args.out.is_some() {
            return None;
        }
        crate::paths::outside(
            self.out_dir.parent().unwrap_or(Path::new("")),
            &self.out_dir,
        )
    }

    /// Why writing `file` would leave the output directory through a link,
    /// or `None` when it stays inside.
    pub fn linked_away(&self, file: &Path) -> Option<String> {
        let dir = file.parent()?;
        let deepest = dir
            .ancestors()
            .take_while(|a| a.starts_with(&self.out_dir))
            .find(|a| a.exists())?;
        crate::paths::outside_of(&self.out_dir, deepest, "the output directory")
    }
}

/// Keeps a failed output's record (its files on disk are the last good ones)
/// but makes the next build try it again.
fn mark_failed(manifest: &mut Manifest, key: &str) {
    if let Some(r) = manifest.outputs.get_mut(key) {
        r.stale = Some("its last build failed".into());
    }
}

/// Reports the corpus files the snapshot marks unusable, by loading each
/// again; returns whether there were any.
fn report_unusable(planner: &Planner, key: &str, snapshot: &manifest::Snapshot) -> bool {
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
            .map_err(|e| {
                crate::diag::Diagnostic::error(crate::corpus::io_reason(&e)).in_file(&path)
            })
            .and_then(|bytes| crate::corpus::load_file(&path, &bytes));
        if let Err(d) = loaded {
            report(&[d]);
            any = true;
        }
    }
    any
}

fn cannot_write(md: &Path, e: &std::io::Error) -> Outcome {
    eprintln!(
        "error: cannot write `{}` and its files: {}",
        md.display(),
        crate::corpus::io_reason(e)
    );
    eprintln!("  = help: nothing of this output was replaced; the files from its last build stay");
    Outcome::UsageOrIo
}

/// Removes the files the output's previous build wrote and this one did not
/// (a chart taken out of the spec, a `.typ` no longer emitted), so the
/// output directory holds what the spec makes now. Only a file that is
/// still exactly what brief wrote there is removed (its bytes have the
/// recorded hash, it is not a link, no link leads to it), and never brief's
/// own files, whatever a damaged or hand-edited manifest says.
fn remove_left_over(out: &OutDir, before: &[OutputFile], now: &[OutputFile]) {
    for old in before
        .iter()
        .filter(|f| !now.iter().any(|n| n.path == f.path))
    {
        if reserved(&old.path) {
            continue;
        }
        let path = out.path().join(&old.path);
        match out.remove_if_unchanged(Path::new(&old.path), &old.hash) {
            Ok(true) => say!("removed {} (no longer built)", path.display()),
            Ok(false) => {}
            Err(e) => eprintln!(
                "warning: cannot remove `{}`, which is no longer built: {}",
                path.display(),
                crate::corpus::io_reason(&e)
            ),
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

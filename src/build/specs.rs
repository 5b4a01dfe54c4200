//! Building every stale spec of a run in one parallel pass.
//!
//! Outputs are independent: each audience of each spec is resolved
//! (hayagriva) and rendered in every format (Typst) on whichever core is
//! free, so four outputs of two specs use both cores all the way instead
//! of two at a time, one spec after the other. Only that middle part runs
//! side by side. Before it, each spec is prepared in order, its events kept
//! aside; after it, each spec's events are replayed and its files written
//! and recorded in order, so files, events and the manifest come out as
//! from one thread.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::compile::{Compiler, Output, Prepared, views};
use crate::regen::plan::{OutputPlan, SpecPlan, record};
use crate::regen::{deps, provenance, scan};
use crate::render::chart_style::ChartStyle;
use crate::render::format::Resources;
use crate::render::typst::Fonts;
use crate::resolve::{View, brief_date};

use super::output::{self, RenderedOutput};
use super::{Built, Engine, Event, Outcome, Sink, SpecRun, needs_fonts, prepare};

/// What building the specs did.
#[derive(Debug, Default)]
pub(super) struct SpecsDone {
    pub rebuilt: usize,
    pub failed: usize,
    pub outcome: Option<Outcome>,
}

/// One spec, prepared: what its outputs are made from.
struct Ready<'p> {
    plan: &'p SpecPlan,
    prepared: Prepared,
    /// The key of its corpus in [`crate::regen::plan::Planner::corpora`].
    corpus: String,
    chart_style: ChartStyle,
    /// The formats its outputs are written in.
    formats: Vec<&'static str>,
    /// Its stale outputs, each with its Markdown path and audience (its
    /// index in the spec's audiences; `None` for a spec without them).
    stale: Vec<(&'p OutputPlan, PathBuf, Option<usize>)>,
    outcome: Outcome,
    started: Instant,
}

/// One spec before the parallel pass: its events so far, and either what
/// its outputs are made from or how it failed and how many outputs failed.
struct Staged<'p> {
    plan: &'p SpecPlan,
    events: Vec<Event>,
    ready: Result<Ready<'p>, (Outcome, usize)>,
}

/// One output made in the parallel pass.
struct Made {
    output: Output,
    rendered: RenderedOutput,
    resolved_in: Duration,
}

impl Engine {
    /// Builds the stale outputs of every plan that needs building, in
    /// plan order as far as anyone can tell.
    pub(super) fn build_specs(&mut self, plans: &[&SpecPlan], run: &mut SpecRun) -> SpecsDone {
        let staged: Vec<Staged> = plans.iter().map(|plan| self.stage(plan, run)).collect();
        let made = self.make_all(run.compiler, &staged);
        let mut done = SpecsDone::default();
        let mut made = made.into_iter();
        for staged in staged {
            let count = staged.ready.as_ref().map_or(0, |r| r.stale.len());
            let outputs: Vec<Made> = made.by_ref().take(count).collect();
            for event in staged.events {
                run.sink.event(event);
            }
            let (rebuilt, failed, outcome) = match staged.ready {
                Ok(ready) => self.write_spec(ready, outputs, run),
                Err((outcome, failed)) => (0, failed, outcome),
            };
            done.rebuilt += rebuilt;
            done.failed += failed;
            if failed > 0 {
                let name = staged.plan.spec.as_ref().map(|s| s.name.clone());
                self.failed_specs.push(name.unwrap_or_default());
            }
            done.outcome = Some(done.outcome.map_or(outcome, |o| o.max(outcome)));
        }
        done
    }

    /// Prepares one spec, its events kept aside. A spec that fails has its
    /// stale outputs marked failed in the manifest.
    fn stage<'p>(&mut self, plan: &'p SpecPlan, run: &mut SpecRun) -> Staged<'p> {
        let mut events: Vec<Event> = Vec::new();
        for output in plan.stale() {
            if let Some(reason) = &output.reason {
                events.push(Event::Rebuilding {
                    spec: plan.path.clone(),
                    audience: output.audience.clone(),
                    reason: reason.to_string(),
                });
            }
        }
        let ready = self.ready(plan, run, &mut events).map_err(|outcome| {
            for o in plan.stale() {
                output::mark_failed(run.manifest, &o.key);
            }
            (outcome, plan.stale().count().max(1))
        });
        Staged {
            plan,
            events,
            ready,
        }
    }

    fn ready<'p>(
        &mut self,
        plan: &'p SpecPlan,
        run: &mut SpecRun,
        events: &mut Vec<Event>,
    ) -> Result<Ready<'p>, Outcome> {
        let mut outcome = Outcome::Ok;
        let preparing = Instant::now();
        let prepared = prepare(run.compiler, &plan.path, events, &mut outcome);
        let phase = format!("prepare {}", plan.path.display());
        self.timing(events, &phase, preparing.elapsed());
        let (Some(prepared), Some(corpus)) = (prepared, plan.corpus.as_deref()) else {
            return Err(outcome.max(Outcome::InputErrors));
        };
        let loaded = prepared.loaded.clone();
        let root = &loaded.corpus.root;
        run.ids.entry(corpus.to_string()).or_insert_with(|| {
            loaded
                .corpus
                .documents
                .iter()
                .map(|d| (scan::relative(root, &d.path), d.id.clone()))
                .collect()
        });
        let started = Instant::now();
        let only = self.options.audience.as_deref();
        let audiences = &prepared.spec.audiences;
        let stale = match views(&prepared.spec, only) {
            Ok(views) => views
                .iter()
                .filter_map(|(_, view)| {
                    let (audience, at) = match view {
                        View::Audience(a) => (
                            Some(a.id.value.clone()),
                            audiences.iter().position(|b| std::ptr::eq(*a, b)),
                        ),
                        _ => (None, None),
                    };
                    let planned = plan.stale().find(|o| o.audience == audience)?;
                    Some((planned, self.options.out_dir.join(&planned.key), at))
                })
                .collect(),
            Err(d) => {
                // The one error here is an `--audience` the spec does not
                // have: the command line's mistake, not the spec's.
                events.diagnostics(vec![d]);
                return Err(Outcome::UsageOrIo);
            }
        };
        if !run.planner.corpora.contains_key(corpus) {
            return Err(Outcome::UsageOrIo);
        }
        // Compared with the previous build once per spec, not per audience.
        let index = loaded.index();
        let resolved = provenance::resolved(&index, &prepared.check.matches);
        if let Some(before) = plan
            .stale()
            .filter_map(|o| run.manifest.outputs.get(&o.key))
            .find(|r| !r.resolved.is_empty())
        {
            events.diagnostics(provenance::moved(
                &before.resolved,
                &resolved,
                &prepared.spec,
                &prepared.check.matches,
            ));
        }
        let chart_style = prepared.template.chart_style();
        Ok(Ready {
            formats: self.options.formats_for(&prepared.spec),
            plan,
            corpus: corpus.to_string(),
            chart_style,
            stale,
            outcome,
            started,
            prepared,
        })
    }

    /// Resolves and renders every stale output of every ready spec, side
    /// by side; in spec order, then each spec's view order.
    fn make_all(&self, compiler: &Compiler, staged: &[Staged]) -> Vec<Made> {
        use rayon::prelude::*;
        let jobs: Vec<(&Ready, &PathBuf, Option<usize>)> = staged
            .iter()
            .filter_map(|s| s.ready.as_ref().ok())
            .flat_map(|r| r.stale.iter().map(move |(_, md, at)| (r, md, *at)))
            .collect();
        let options = &self.options;
        jobs.par_iter()
            .map(|&(ready, md, at)| {
                let resolving = Instant::now();
                let prepared = &ready.prepared;
                let (name, view) = match at.and_then(|i| prepared.spec.audiences.get(i)) {
                    Some(a) => (a.id.value.clone(), View::Audience(a)),
                    None => ("brief".to_string(), View::Single),
                };
                let output = compiler.output(prepared, name, view, ready.plan.baseline.as_ref());
                let resolved_in = resolving.elapsed();
                // Fonts are scanned on another thread from the start of the
                // run; only typesetting waits for them, not resolving.
                let resources = Resources {
                    fonts: needs_fonts(&ready.formats)
                        .then(|| Fonts::load(&options.font_paths, self.font_cache())),
                    pdf_standard: options.pdf_standard,
                };
                let rendered = output::render(
                    &ready.formats,
                    md,
                    prepared,
                    &ready.chart_style,
                    &resources,
                    &output,
                );
                Made {
                    output,
                    rendered,
                    resolved_in,
                }
            })
            .collect()
    }

    /// Writes one spec's outputs in order and records them. Returns how
    /// many were rebuilt and failed, and the spec's outcome.
    fn write_spec(
        &mut self,
        ready: Ready,
        made: Vec<Made>,
        run: &mut SpecRun,
    ) -> (usize, usize, Outcome) {
        let Ready {
            plan,
            prepared,
            corpus,
            formats,
            stale,
            outcome,
            started,
            ..
        } = ready;
        let slowest = made.iter().map(|m| m.resolved_in).max().unwrap_or_default();
        self.timing(run.sink, "resolve", slowest);
        // The fonts' warnings, once a run, where a spec's writing starts.
        if needs_fonts(&formats) {
            self.fonts(run.sink);
        }
        let loaded = prepared.loaded.clone();
        let index = loaded.index();
        let date = brief_date(&prepared.spec, run.compiler.today);
        let queries = deps::query_deps(&prepared.spec, &index, date);
        let resolved = provenance::resolved(&index, &prepared.check.matches);
        let Some(state) = run.planner.corpora.get(&corpus) else {
            // Checked when the spec was staged.
            return (0, 0, outcome);
        };
        let (mut rebuilt, mut failed, mut outcome) = (0, 0, outcome);
        for ((planned, md, _), made) in stale.into_iter().zip(made) {
            let built = made.output;
            match self.write_output(run, &md, &prepared, made.rendered, started) {
                Ok(files) => {
                    rebuilt += 1;
                    let docs = deps::cited(&built.brief, &index, &state.scan);
                    let shown =
                        provenance::shown(&built.inventory, &index, &prepared.check.matches);
                    if let Some(old) = run.manifest.outputs.get(&planned.key) {
                        output::remove_left_over(run.out, &old.files, &files, run.sink);
                    }
                    let r = record(
                        plan,
                        &corpus,
                        files.clone(),
                        docs,
                        queries.clone(),
                        shown,
                        resolved.clone(),
                    );
                    run.manifest
                        .outputs
                        .extend(r.map(|r| (planned.key.clone(), r)));
                    self.built.push(Built {
                        spec: prepared.spec.name.clone(),
                        audience: built.audience,
                        files: files.into_iter().map(|f| f.path).collect(),
                        inventory: built.inventory,
                        changes: built.changes,
                    });
                }
                Err(o) => {
                    failed += 1;
                    outcome = outcome.max(o);
                    output::mark_failed(run.manifest, &planned.key);
                }
            }
        }
        (rebuilt, failed, outcome)
    }
}

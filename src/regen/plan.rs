//! Deciding, before anything is loaded in full, which outputs of which specs
//! must be built. Reading specs, hashing templates and scanning the corpus is
//! all a no-op build does.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::compile::{Compiler, template_for};
use crate::diag::Diagnostic;
use crate::edition::{Edition, store};
use crate::paths::relative_to;
use crate::regen::provenance::{Resolved, Shown};
use crate::render::template::BUILTIN_TEMPLATE;
use crate::resolve::brief_date;
use crate::spec::{self, Spec};

use super::hash::{self, Hasher};
use super::manifest::{Inputs, Manifest, OutputFile, QueryDeps, Snapshot};
use super::scan::{self, Change, Scan};
use super::stale::{self, Current, Reason};
use super::{Record, VERSION};

/// A corpus as this run sees it, next to what the manifest last saw.
#[derive(Debug)]
pub struct CorpusState {
    /// The key in the manifest: the directory relative to the output directory.
    pub key: String,
    pub scan: Scan,
    /// `None` when the manifest has no snapshot of this corpus yet.
    pub changes: Option<Vec<Change>>,
}

/// One output of a spec and whether it must be built.
#[derive(Debug)]
pub struct OutputPlan {
    /// The manifest key: `<spec>/<audience>.md` relative to the output directory.
    pub key: String,
    /// The audience id, or `None` for the single output of a spec without audiences.
    pub audience: Option<String>,
    /// `None` when the output is fresh.
    pub reason: Option<Reason>,
}

/// A spec and its outputs. `spec` is `None` when it cannot be read; the
/// build then reports why by preparing it.
#[derive(Debug)]
pub struct SpecPlan {
    pub path: PathBuf,
    pub spec: Option<Spec>,
    pub inputs: Option<Inputs>,
    /// The key of its corpus in [`Planner::corpora`].
    pub corpus: Option<String>,
    pub outputs: Vec<OutputPlan>,
    /// The edition a `what_changed` section compares with.
    pub baseline: Option<Edition>,
    /// About the editions looked at for `baseline`: damaged ones, and ones
    /// dated after the brief (never compared with).
    pub warnings: Vec<Diagnostic>,
}

impl SpecPlan {
    pub fn stale(&self) -> impl Iterator<Item = &OutputPlan> {
        self.outputs.iter().filter(|o| o.reason.is_some())
    }

    /// Whether the spec must be prepared: it has stale outputs, or cannot be
    /// read, or has none of the outputs asked for (preparing says why).
    pub fn needs_build(&self) -> bool {
        self.spec.is_none() || self.outputs.is_empty() || self.stale().next().is_some()
    }
}

/// Where outputs go and what makes one differ from another.
#[derive(Debug, Clone)]
pub struct Settings {
    pub out_dir: PathBuf,
    /// The build options that change the files written, as one string
    /// per spec (a spec may choose its own formats).
    pub options: Recorded,
    pub force: bool,
    /// Specs to rebuild whatever their state, with the reason to give.
    pub forced: HashMap<PathBuf, String>,
    /// Only this audience's outputs.
    pub audience: Option<String>,
    /// Whether only new data counts: a new date or a newer edition to
    /// compare with do not make an output stale (for `on_new_data`).
    pub data_only: bool,
    /// The manifest key of an output: for `brief build`, `<spec>/<audience>.md`.
    pub layout: fn(&str, &str) -> String,
}

/// The build options that change a spec's files, as recorded with its
/// outputs: made by the build engine, which knows what the options mean.
#[derive(Clone)]
pub struct Recorded(pub Arc<dyn Fn(&Spec) -> String + Send + Sync>);

impl std::fmt::Debug for Recorded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Recorded(..)")
    }
}

/// Plans a run and keeps what it learnt (scans, changes) for recording it.
#[derive(Debug)]
pub struct Planner {
    pub settings: Settings,
    pub corpora: BTreeMap<String, CorpusState>,
    templates: HashMap<PathBuf, String>,
}

/// The edition a brief built on `today` compares with: the newest dated on
/// or before it. One dated later (made with a clock set ahead, or `brief
/// schedule --now` in the future) is not what came before this brief, and
/// is named in a warning instead.
fn baseline(out_dir: &Path, brief: &str, today: NaiveDate) -> (Option<Edition>, Vec<Diagnostic>) {
    let listing = store::list(out_dir, brief);
    let mut warnings = listing.warnings();
    for later in listing.editions.iter().filter(|e| e.date > today) {
        warnings.push(
            Diagnostic::warning(format!(
                "edition `{}` of `{brief}` is dated {}, after this brief's date {today}: \
                 what changed is told since the newest edition dated no later than {today}",
                later.name, later.date
            ))
            .in_file(store::editions_dir(out_dir, brief).join(&later.name))
            .hint("an edition dated in the future was made with a clock set ahead, or `--now`; remove it if it is wrong"),
        );
    }
    (listing.latest_dated(today).cloned(), warnings)
}

/// The standard layout of `brief build`.
pub fn build_layout(spec: &str, audience: &str) -> String {
    format!("{spec}/{audience}.md")
}

impl Planner {
    pub fn new(settings: Settings) -> Self {
        Planner {
            settings,
            corpora: BTreeMap::new(),
            templates: HashMap::new(),
        }
    }

    /// Plans one spec against the manifest.
    pub fn plan(
        &mut self,
        manifest: &Manifest,
        compiler: &Compiler,
        path: &Path,
        today: NaiveDate,
    ) -> SpecPlan {
        let unreadable = SpecPlan {
            path: path.to_path_buf(),
            spec: None,
            inputs: None,
            corpus: None,
            outputs: Vec::new(),
            baseline: None,
            warnings: Vec::new(),
        };
        let Ok(spec) = spec::load(path) else {
            return unreadable;
        };
        let (Ok(corpus_dir), Ok(template)) = (compiler.corpus_dir(&spec), template_for(&spec))
        else {
            return unreadable;
        };
        let template_hash = self.template_hash(&template.dir, template.builtin);
        let (baseline, warnings) = if spec.shows_changes() {
            baseline(&self.settings.out_dir, &spec.name, today)
        } else {
            (None, Vec::new())
        };
        let inputs = Inputs {
            spec_hash: hash::of(spec.source.as_bytes()),
            template_hash,
            version: VERSION.to_string(),
            date: brief_date(&spec, today),
            options: (self.settings.options.0)(&spec),
            baseline: baseline.as_ref().map(|e| e.name.clone()),
        };
        let corpus = self.corpus(manifest, &corpus_dir);
        let audiences: Vec<Option<String>> = if spec.audiences.is_empty() {
            vec![None]
        } else {
            spec.audiences
                .iter()
                .map(|a| Some(a.id.value.clone()))
                .collect()
        };
        let settings = &self.settings;
        let state = &self.corpora[&corpus];
        let outputs = audiences
            .into_iter()
            .filter(|a| match &settings.audience {
                Some(only) => a.as_deref() == Some(only.as_str()),
                None => true,
            })
            .map(|audience| {
                let key = (settings.layout)(&spec.name, audience.as_deref().unwrap_or("brief"));
                let reason = if let Some(why) = settings.forced.get(path) {
                    Some(Reason::Marked(why.clone()))
                } else if settings.force {
                    Some(Reason::Forced)
                } else {
                    match (manifest.outputs.get(&key), &state.changes) {
                        (Some(record), Some(changes)) => {
                            let mut inputs = inputs.clone();
                            if settings.data_only {
                                inputs.date = record.inputs.date;
                                inputs.baseline = record.inputs.baseline.clone();
                            }
                            let current = Current {
                                inputs: &inputs,
                                spec: &spec,
                                changes,
                                out_dir: &settings.out_dir,
                            };
                            stale::check(record, &current)
                        }
                        _ => Some(Reason::NotBuilt),
                    }
                };
                OutputPlan {
                    key,
                    audience,
                    reason,
                }
            })
            .collect();
        SpecPlan {
            path: path.to_path_buf(),
            spec: Some(spec),
            inputs: Some(inputs),
            corpus: Some(corpus),
            outputs,
            baseline,
            warnings,
        }
    }

    /// Scans a corpus once per run and compares it with the manifest.
    fn corpus(&mut self, manifest: &Manifest, dir: &Path) -> String {
        let key = corpus_key(&self.settings.out_dir, dir);
        if !self.corpora.contains_key(&key) {
            let scan = scan::scan(dir);
            let changes = manifest
                .corpora
                .get(&key)
                .map(|previous| scan::changes(previous, &scan));
            self.corpora.insert(
                key.clone(),
                CorpusState {
                    key: key.clone(),
                    scan,
                    changes,
                },
            );
        }
        key
    }

    fn template_hash(&mut self, dir: &Path, builtin: bool) -> String {
        let dir_hash = self
            .templates
            .entry(dir.to_path_buf())
            .or_insert_with(|| hash::of_dir(dir))
            .clone();
        let mut hasher = Hasher::default();
        hasher.part(dir_hash.as_bytes());
        if builtin {
            hasher.part(BUILTIN_TEMPLATE.as_bytes());
        }
        hasher.finish()
    }

    /// Marks the records this run did not rebuild but whose corpus changed
    /// under them, so the snapshot can move on without losing that news.
    /// Records of other specs are checked against their own spec file.
    pub fn mark_unvisited(&self, manifest: &mut Manifest, visited: &[String]) {
        for (key, record) in manifest.outputs.iter_mut() {
            if visited.contains(key) || record.stale.is_some() {
                continue;
            }
            let Some(changes) = self
                .corpora
                .get(&record.corpus)
                .and_then(|c| c.changes.as_deref())
            else {
                continue;
            };
            if changes.is_empty() {
                continue;
            }
            record.stale = match spec::load(Path::new(&record.spec)) {
                Ok(spec) => {
                    let current = Current {
                        inputs: &record.inputs,
                        spec: &spec,
                        changes,
                        out_dir: &self.settings.out_dir,
                    };
                    stale::corpus(record, &current).map(|r| r.to_string())
                }
                Err(_) => Some("its spec could not be read when the corpus changed".into()),
            };
        }
    }

    /// The snapshots to record: each scanned corpus as it is now. `ids` maps
    /// corpus key → (relative path → id) for corpora loaded in full.
    pub fn snapshots(
        &self,
        manifest: &Manifest,
        ids: &BTreeMap<String, BTreeMap<String, String>>,
    ) -> Vec<(String, Snapshot)> {
        let empty = Snapshot::new();
        self.corpora
            .values()
            .map(|state| {
                let previous = manifest.corpora.get(&state.key).unwrap_or(&empty);
                let changes = state.changes.as_deref().unwrap_or(&[]);
                let snapshot = scan::snapshot(previous, &state.scan, changes, ids.get(&state.key));
                (state.key.clone(), snapshot)
            })
            .collect()
    }
}

/// A corpus directory named relative to the output directory, so a project
/// can move without rebuilding.
pub fn corpus_key(out_dir: &Path, corpus: &Path) -> String {
    let absolute = |p: &Path| {
        std::fs::canonicalize(p)
            .or_else(|_| std::path::absolute(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let relative = relative_to(&absolute(corpus), &absolute(out_dir));
    scan::relative(Path::new(""), &relative)
}

/// The record of an output just built from a planned spec; `None` for a
/// spec the plan could not read (which then cannot have built).
pub fn record(
    plan: &SpecPlan,
    corpus: &str,
    files: Vec<OutputFile>,
    docs: BTreeMap<String, String>,
    queries: Vec<QueryDeps>,
    shown: Vec<Shown>,
    resolved: BTreeMap<String, Resolved>,
) -> Option<Record> {
    Some(Record {
        spec: plan.path.to_string_lossy().into_owned(),
        inputs: plan.inputs.clone()?,
        corpus: corpus.to_string(),
        files,
        docs,
        queries,
        shown,
        resolved,
        stale: None,
    })
}

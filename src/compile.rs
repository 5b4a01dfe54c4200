//! The compile API the CLI and tests use: load a spec, its corpus and its
//! citation style, check it, and resolve one brief per audience (the
//! formats in `render::format` turn each into files).
//! Corpora are loaded once per run, however many specs share them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::brief::Brief;
use crate::cite::Citer;
use crate::corpus::Corpus;
use crate::diag::Diagnostic;
use crate::edition::{self, ChangeSet, Edition, Inventory};
use crate::extract::{Extracted, extract_all};
use crate::render::template::Template;
use crate::resolve::index::Lookup;
use crate::resolve::{self, Citing, Index, Resolution, View};
use crate::spec::{self, LoadError, Spec};
use crate::suggest::did_you_mean;

/// A corpus and what was extracted from it.
#[derive(Debug)]
pub struct Loaded {
    pub corpus: Corpus,
    pub extracted: Vec<Extracted>,
    lookup: Lookup,
}

impl Loaded {
    pub fn new(corpus: Corpus, extracted: Vec<Extracted>) -> Self {
        let lookup = Lookup::new(&corpus, &extracted);
        Loaded {
            corpus,
            extracted,
            lookup,
        }
    }

    pub fn index(&self) -> Index<'_> {
        Index::new(&self.corpus, &self.extracted, &self.lookup)
    }
}

/// Why a spec produced nothing.
#[derive(Debug)]
pub struct Failure {
    pub diagnostics: Vec<Diagnostic>,
    /// A missing file or unreadable directory (exit status 2) rather than bad input.
    pub io: bool,
}

/// A spec that passed every check, ready to render.
#[derive(Debug)]
pub struct Prepared {
    pub spec: Spec,
    pub loaded: Arc<Loaded>,
    pub citer: Citer,
    /// The template its PDF is typeset with.
    pub template: Template,
    /// The whole spec resolved, all audiences at once: its problems and matches.
    pub check: Resolution,
}

/// One output: an audience's resolved brief, which each format renders
/// (`render::format`).
#[derive(Debug)]
pub struct Output {
    pub brief: Brief,
    /// The PDF's keywords (document metadata).
    pub keywords: Vec<String>,
    /// The audience id, or `brief` for a spec without audiences.
    pub audience: String,
    /// What it shows, for its edition record.
    pub inventory: Inventory,
    /// What is new since the baseline edition (empty without one).
    pub changes: ChangeSet,
}

#[derive(Debug)]
pub struct Compiler {
    /// `--corpus`: used for every spec that does not name its own.
    pub corpus_override: Option<PathBuf>,
    pub today: NaiveDate,
    corpora: HashMap<PathBuf, Result<Arc<Loaded>, Diagnostic>>,
    /// Corpus problems, reported once per corpus; taken by the caller.
    pub corpus_diagnostics: Vec<Diagnostic>,
    /// Notes made by earlier runs, given to every spec's citer; `None`
    /// cites everything afresh.
    pub cite_store: Option<Arc<crate::cite::CiteStore>>,
}

impl Compiler {
    pub fn new(corpus_override: Option<PathBuf>, today: NaiveDate) -> Self {
        Compiler {
            corpus_override,
            today,
            corpora: HashMap::new(),
            corpus_diagnostics: Vec::new(),
            cite_store: None,
        }
    }

    /// Whether any corpus loaded so far had unusable files.
    pub fn corpus_had_errors(&self) -> bool {
        self.corpora
            .values()
            .any(|c| c.as_ref().is_ok_and(|l| l.corpus.has_errors()))
    }

    /// Loads and checks a spec against its corpus.
    pub fn prepare(&mut self, path: &Path) -> Result<Prepared, Failure> {
        let spec = match spec::load(path) {
            Ok(spec) => spec,
            Err(LoadError::Io(d)) => {
                return Err(Failure {
                    diagnostics: vec![d],
                    io: true,
                });
            }
            Err(LoadError::Invalid {
                mut diagnostics,
                partial,
            }) => {
                // Check what could be read against the corpus too, so one run
                // reports the dangling ids beside the syntax problems.
                if let Some(spec) = partial
                    && let Ok(loaded) = self.corpus_for(&spec)
                    && let Ok(citer) = citer(&spec, None)
                {
                    let check = resolve::resolve(
                        &spec,
                        &loaded.index(),
                        &citer,
                        View::All,
                        self.today,
                        None,
                    );
                    diagnostics.extend(check.diagnostics);
                    diagnostics.sort_by_key(|d| d.position);
                }
                return Err(Failure {
                    diagnostics,
                    io: false,
                });
            }
        };
        let mut problems = unknown_formats(&spec);
        let template = match template_for(&spec) {
            Ok(t) => Some(t),
            Err(d) => {
                problems.push(d);
                None
            }
        };
        let citer = match citer(&spec, self.cite_store.clone()) {
            Ok(c) => Some(c),
            Err(d) => {
                problems.push(d);
                None
            }
        };
        let loaded = self.corpus_for(&spec);
        let (loaded, citer, template) = match (loaded, citer, template) {
            (Ok(l), Some(c), Some(t)) => (l, c, t),
            (loaded, _, _) => {
                let io = loaded.is_err();
                problems.extend(loaded.err());
                return Err(Failure {
                    diagnostics: problems,
                    io,
                });
            }
        };
        let mut check =
            resolve::resolve(&spec, &loaded.index(), &citer, View::All, self.today, None);
        check
            .diagnostics
            .splice(0..0, spec.warnings.iter().cloned().chain(problems));
        if check.has_errors() {
            return Err(Failure {
                diagnostics: check.diagnostics,
                io: false,
            });
        }
        Ok(Prepared {
            spec,
            loaded,
            citer,
            template,
            check,
        })
    }

    /// The spec's corpus directory: the spec's `corpus:` (relative to the
    /// spec file), else `--corpus`, else the nearest `corpus/` above the spec.
    pub fn corpus_dir(&self, spec: &Spec) -> Result<PathBuf, Diagnostic> {
        let spec_dir = spec.path.parent().unwrap_or(Path::new(""));
        if let Some(dir) = &spec.corpus {
            let path = spec_dir.join(&dir.value);
            if let Some(reason) =
                crate::paths::outside(&crate::paths::project_of(&spec.path), &path)
            {
                return Err(Diagnostic::error(format!("corpus {reason}"))
                    .in_file(&spec.path)
                    .at(&spec.source, dir.line, dir.column)
                    .hint("a spec reads only a corpus inside its project (the directory that holds `briefs/`); for another, drop `corpus:` and pass --corpus DIR"));
            }
            if !path.is_dir() {
                return Err(Diagnostic::error(format!(
                    "corpus directory `{}` does not exist",
                    path.display()
                ))
                .in_file(&spec.path)
                .at(&spec.source, dir.line, dir.column)
                .hint("`corpus` is relative to the spec file"));
            }
            return Ok(path);
        }
        if let Some(dir) = &self.corpus_override {
            return Ok(dir.clone());
        }
        let absolute = std::path::absolute(spec_dir).unwrap_or_else(|_| spec_dir.to_path_buf());
        // Named relative to the working directory when inside it, as a user
        // would type it: these paths appear in messages.
        let cwd = std::env::current_dir().unwrap_or_default();
        let found = absolute
            .ancestors()
            .map(|d| d.join("corpus"))
            .find(|d| d.is_dir())
            .map(|d| match d.strip_prefix(&cwd) {
                Ok(rest) => rest.to_path_buf(),
                Err(_) => d,
            });
        let found = found.ok_or_else(|| {
            Diagnostic::error("no corpus found: no `corpus/` directory above the spec")
                .in_file(&spec.path)
                .hint("add `corpus: PATH` to the spec, or pass --corpus DIR")
        })?;
        match linked_out(&found) {
            Some(reason) => Err(Diagnostic::error(format!("corpus {reason}"))
                .in_file(&spec.path)
                .hint(
                    "a spec reads only a corpus inside its project; for another, pass --corpus DIR",
                )),
            None => Ok(found),
        }
    }

    /// The spec's corpus, loaded and extracted once per run.
    pub fn corpus_for(&mut self, spec: &Spec) -> Result<Arc<Loaded>, Diagnostic> {
        let dir = self.corpus_dir(spec)?;
        let key = std::fs::canonicalize(&dir).unwrap_or_else(|_| dir.clone());
        if let Some(found) = self.corpora.get(&key) {
            return found.clone();
        }
        let loaded = match Corpus::load(&dir) {
            Ok(mut corpus) => {
                let extracted = extract_all(&corpus.documents);
                // Front-matter corrections are checked against what was
                // extracted: their problems are the corpus's.
                corpus
                    .diagnostics
                    .extend(extracted.iter().flat_map(|e| e.diagnostics.iter().cloned()));
                self.corpus_diagnostics
                    .extend(corpus.diagnostics.iter().cloned());
                Ok(Arc::new(Loaded::new(corpus, extracted)))
            }
            Err(e) => Err(e.0),
        };
        self.corpora.insert(key, loaded.clone());
        loaded
    }

    /// Renders each audience's output (or the one output of a spec without
    /// audiences). `only` picks one audience; `baseline` is the edition a
    /// `what_changed` section compares with.
    pub fn outputs(
        &self,
        prepared: &Prepared,
        only: Option<&str>,
        baseline: Option<&Edition>,
    ) -> Result<Vec<Output>, Diagnostic> {
        let views = views(&prepared.spec, only)?;
        // Audiences are independent, and resolving one is mostly citation
        // rendering (hayagriva): each is resolved on its own core.
        use rayon::prelude::*;
        Ok(views
            .into_par_iter()
            .map(|(name, view)| self.output(prepared, name, view, baseline))
            .collect())
    }

    /// Resolves one output of a spec: the audience `name` seen as `view`
    /// (one of [`views`]).
    pub fn output(
        &self,
        prepared: &Prepared,
        name: String,
        view: View,
        baseline: Option<&Edition>,
    ) -> Output {
        let spec = &prepared.spec;
        let index = prepared.loaded.index();
        // With a `what_changed` section this pass only learns what the
        // brief shows (its inventory): no note is formatted.
        let citing = if spec.shows_changes() {
            Citing::Order
        } else {
            Citing::Text
        };
        let first = resolve::resolve_citing(
            spec,
            &index,
            &prepared.citer,
            view,
            self.today,
            None,
            citing,
        );
        let inventory = Inventory::of(&first.brief, &index);
        let previous = baseline.and_then(|e| {
            let output = e.outputs.get(&name)?;
            Some((e.name.as_str(), &output.inventory))
        });
        let changes = edition::diff(previous, &inventory);
        // The section lists items the rest of the brief shows, so the
        // brief is resolved again with the changes known: its notes
        // are then numbered in reading order.
        let resolution = if spec.shows_changes() {
            let cx = Some(&changes);
            resolve::resolve(spec, &index, &prepared.citer, view, self.today, cx)
        } else {
            first
        };
        let keywords = keywords(&resolution.brief, &index);
        Output {
            audience: name,
            brief: resolution.brief,
            keywords,
            inventory,
            changes,
        }
    }
}

/// The outputs of a spec, each an audience id (or `brief` for a spec
/// without audiences) and its view; `only` picks one audience, and an
/// audience the spec does not have is an error.
pub fn views<'s>(
    spec: &'s Spec,
    only: Option<&str>,
) -> Result<Vec<(String, View<'s>)>, Diagnostic> {
    let views: Vec<(String, View)> = if spec.audiences.is_empty() {
        vec![("brief".to_string(), View::Single)]
    } else {
        spec.audiences
            .iter()
            .map(|a| (a.id.value.clone(), View::Audience(a)))
            .collect()
    };
    let Some(id) = only else {
        return Ok(views);
    };
    let picked: Vec<_> = views.into_iter().filter(|(name, _)| name == id).collect();
    if picked.is_empty() {
        let ids: Vec<&str> = spec.audiences.iter().map(|a| a.id.value.as_str()).collect();
        let hint = crate::suggest::hint(id, ids.iter().copied(), || {
            if ids.is_empty() {
                "this spec has no audiences".into()
            } else {
                format!("its audiences are: {}", ids.join(", "))
            }
        });
        return Err(
            Diagnostic::error(format!("--audience {id}: the spec has no audience `{id}`"))
                .in_file(&spec.path)
                .hint(hint),
        );
    }
    Ok(picked)
}

/// The template a spec's PDF uses: `template:` (a `.typ` file under the
/// project's `templates/`), else the project's `templates/brief.typ`, else
/// the built-in copy of it. The project's `templates/` is the nearest one
/// above the spec.
pub fn template_for(spec: &Spec) -> Result<Template, Diagnostic> {
    let spec_dir = spec.path.parent().unwrap_or(Path::new(""));
    let dir = spec_dir
        .ancestors()
        .map(|d| d.join("templates"))
        .find(|d| d.is_dir());
    let name = match &spec.template {
        None => "brief.typ".to_string(),
        Some(t) => {
            let value = t.value.trim_start_matches("./");
            let name = value.strip_prefix("templates/").unwrap_or("");
            let clean = !name.is_empty()
                && name.ends_with(".typ")
                && !name
                    .split(['/', '\\'])
                    .any(|part| part == ".." || part.is_empty());
            if !clean {
                return Err(Diagnostic::error(format!(
                    "template `{}` is not a `.typ` file under templates/",
                    t.value
                ))
                .in_file(&spec.path)
                .at(&spec.source, t.line, t.column)
                .hint("templates live in the project's templates/ directory, e.g. `template: templates/brief.typ`"));
            }
            name.to_string()
        }
    };
    if let Some(reason) = dir.as_deref().and_then(linked_out) {
        return Err(Diagnostic::error(format!("templates {reason}"))
            .in_file(&spec.path)
            .hint("templates are read only from the project's own templates/ directory"));
    }
    let import = format!("/templates/{name}");
    match &dir {
        Some(dir) if dir.join(&name).is_file() => Ok(Template {
            dir: dir.clone(),
            import,
            builtin: false,
        }),
        _ if name == "brief.typ" => Ok(Template {
            dir: dir.unwrap_or_else(|| spec_dir.join("templates")),
            import,
            builtin: true,
        }),
        _ => {
            // Only a named template can be missing: the default has a built-in copy.
            let Some(t) = &spec.template else {
                return Err(Diagnostic::error("no template").in_file(&spec.path));
            };
            let shown = dir.as_deref().unwrap_or(Path::new("templates"));
            let mut diag = Diagnostic::error(format!(
                "template `{}` does not exist in `{}`",
                t.value,
                shown.display()
            ))
            .in_file(&spec.path)
            .at(&spec.source, t.line, t.column);
            let existing = dir.as_deref().map(typst_files).unwrap_or_default();
            let hint = match did_you_mean(&name, existing.iter().map(String::as_str)) {
                Some(s) => format!("did you mean `templates/{s}`?"),
                None => "`templates/brief.typ` (built in) is the default".to_string(),
            };
            diag = diag.hint(hint);
            Err(diag)
        }
    }
}

/// Why a directory found by name (`corpus/`, `templates/`) is not the
/// project's own, if it is not: it is a symbolic link out of the directory
/// that holds it.
fn linked_out(dir: &Path) -> Option<String> {
    crate::paths::outside(dir.parent().unwrap_or(Path::new(".")), dir)
}

/// The `.typ` files directly in a directory, for "did you mean".
fn typst_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".typ"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// PDF keywords: the tags of the documents the brief cites, sorted.
fn keywords(brief: &Brief, index: &Index) -> Vec<String> {
    let mut tags: Vec<String> = brief
        .sources
        .iter()
        .filter_map(|s| index.doc_index(&s.doc))
        .flat_map(|d| index.doc(d).meta.tags.iter().cloned())
        .collect();
    tags.sort();
    tags.dedup();
    tags
}

/// The spec's `formats:` names that no renderer answers to, each an error
/// at its position with the closest name.
fn unknown_formats(spec: &Spec) -> Vec<Diagnostic> {
    let known: Vec<&str> = crate::render::selectable().collect();
    spec.formats
        .iter()
        .filter(|f| !known.contains(&f.value.as_str()))
        .map(|f| {
            Diagnostic::error(format!("unknown format `{}`", f.value))
                .in_file(&spec.path)
                .at(&spec.source, f.line, f.column)
                .hint(crate::suggest::hint(
                    &f.value,
                    known.iter().copied(),
                    || format!("the formats are {}", known.join(", ")),
                ))
        })
        .collect()
}

fn citer(spec: &Spec, store: Option<Arc<crate::cite::CiteStore>>) -> Result<Citer, Diagnostic> {
    let Some(style) = &spec.citation_style else {
        return Citer::new(crate::cite::DEFAULT_STYLE)
            .map(|c| c.with_ibid(spec.ibid).with_store(store))
            .map_err(Diagnostic::error);
    };
    Citer::new(&style.value)
        .map(|c| c.with_ibid(spec.ibid).with_store(store))
        .map_err(|message| {
            Diagnostic::error(message).in_file(&spec.path).at(
                &spec.source,
                style.line,
                style.column,
            )
        })
}

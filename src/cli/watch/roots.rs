//! Which directories `brief watch` watches, and which of their events are
//! worth a build. Neither has to be exact: the build decides what is stale
//! from content hashes, so an extra event costs one build that finds nothing
//! to do, and a missed one only waits for the next. What must never start a
//! build is the build itself, its writes (outputs, the manifest) and its
//! reads (inotify reports opens), or watching would loop.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use notify::event::ModifyKind;
use notify::{Event, EventKind, RecursiveMode};

use crate::compile::Compiler;
use crate::spec::{self, LoadError};

use super::backend::{Watcher, out_of_watches, reason};

/// What each watched directory is watched for, by its resolved path.
type Wants = BTreeMap<PathBuf, Want>;

/// Why a directory is watched, so that only events that can matter start a
/// build: the project root may be watched for `templates/` to appear, but a
/// log file written there must not start builds, or a watch whose output is
/// redirected there would rebuild forever once something fails.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Want {
    mode: RecursiveMode,
    /// Every change in it counts (a corpus, the templates).
    all: bool,
    /// Otherwise, changes to these paths or to directories on the way to
    /// them (a spec file; a missing directory being waited for) ...
    paths: BTreeSet<PathBuf>,
    /// ... and to any spec file directly in it (`briefs/`, for new specs).
    specs: bool,
}

impl Want {
    fn all() -> Want {
        Want {
            mode: RecursiveMode::Recursive,
            all: true,
            paths: BTreeSet::new(),
            specs: false,
        }
    }

    fn only(paths: impl IntoIterator<Item = PathBuf>) -> Want {
        Want {
            mode: RecursiveMode::NonRecursive,
            all: false,
            paths: paths.into_iter().collect(),
            specs: false,
        }
    }

    fn merge(&mut self, other: Want) {
        if other.mode == RecursiveMode::Recursive {
            self.mode = other.mode;
        }
        self.all |= other.all;
        self.paths.extend(other.paths);
        self.specs |= other.specs;
    }

    /// Whether the watch of `root` reports events on `path` at all.
    fn covers(&self, root: &Path, path: &Path) -> bool {
        match self.mode {
            RecursiveMode::Recursive => path.starts_with(root),
            RecursiveMode::NonRecursive => path == root || path.parent() == Some(root),
        }
    }

    /// Whether an event on `path`, reported by the watch of `root`, counts.
    fn cares(&self, root: &Path, path: &Path) -> bool {
        self.all
            || path == root
            || self.paths.iter().any(|p| p.starts_with(path))
            || (self.specs && path.parent() == Some(root) && looks_like_spec(path))
    }
}

/// What is being watched, and what to ignore.
#[derive(Debug, Default)]
pub struct Roots {
    /// What the watcher has been asked to watch.
    active: BTreeMap<PathBuf, RecursiveMode>,
    /// What the last update wanted watched, and why.
    wants: Wants,
    /// The directories each spec needed when it could last be read: kept
    /// while it cannot, so a typo does not drop (and re-walk) its corpus.
    known: HashMap<PathBuf, Inputs>,
    /// Watched directories that were deleted, renamed or recreated: their
    /// watch is dead and must be set up again.
    dirty: BTreeSet<PathBuf>,
    /// Directories that could not be watched, said once until they can be.
    warned: BTreeSet<PathBuf>,
    out_dir: PathBuf,
    manifest: PathBuf,
    /// How many corpus directories the specs use, for the "watching" line.
    pub corpora: usize,
}

/// A spec's corpus and templates directories, as the build finds them.
#[derive(Debug, Clone)]
struct Inputs {
    corpus: PathBuf,
    templates: PathBuf,
}

impl Roots {
    pub fn new(out_dir: &Path) -> Self {
        let mut roots = Roots::default();
        roots.set_out_dir(out_dir);
        roots
    }

    fn set_out_dir(&mut self, out_dir: &Path) {
        self.out_dir = resolve(out_dir);
        self.manifest = self.out_dir.join(crate::regen::manifest::FILE_NAME);
    }

    /// Watches what the specs read: each spec's directory (not recursively,
    /// for the spec file: editors save by renaming a new file over the old),
    /// `briefs_dir` for new specs, and each corpus and templates directory
    /// (recursively). A directory that does not exist yet is waited for by
    /// watching the nearest one above it that does. Returns false when the
    /// OS ran out of watches, so only polling can go on.
    pub fn update(
        &mut self,
        watcher: &mut Watcher,
        specs: &[PathBuf],
        briefs_dir: Option<&Path>,
        compiler: &Compiler,
        out_dir: &Path,
    ) -> bool {
        // Resolved again each time: `out/` may not have existed before.
        self.set_out_dir(out_dir);
        let mut raw: Vec<(PathBuf, Want)> = Vec::new();
        if let Some(dir) = briefs_dir {
            let mut want = Want::only([]);
            want.specs = true;
            raw.push((dir.to_path_buf(), want));
        }
        let mut corpora = BTreeSet::new();
        for path in specs {
            raw.push((parent(path), Want::only([resolve(path)])));
            let inputs = match inputs(path, compiler) {
                Some(found) => {
                    self.known.insert(path.clone(), found.clone());
                    Some(found)
                }
                None => self.known.get(path).cloned(),
            };
            if let Some(Inputs { corpus, templates }) = inputs {
                corpora.insert(resolve(&corpus));
                raw.push((corpus, Want::all()));
                raw.push((templates, Want::all()));
            }
        }
        self.corpora = corpora.len();
        self.wants = normalize(raw);
        self.apply(watcher)
    }

    /// Makes the watcher watch what is wanted and nothing else; returns
    /// false when the OS is out of watches.
    fn apply(&mut self, watcher: &mut Watcher) -> bool {
        let stale: Vec<PathBuf> = self
            .active
            .iter()
            .filter(|(path, mode)| {
                self.wants.get(*path).map(|w| &w.mode) != Some(*mode) || self.dirty.contains(*path)
            })
            .map(|(path, _)| path.clone())
            .collect();
        for path in stale {
            watcher.unwatch(&path);
            self.active.remove(&path);
            if !path.is_dir() && self.warned.insert(path.clone()) {
                eprintln!(
                    "warning: `{}` is gone; watching for it to come back",
                    shown(&path).display()
                );
            }
        }
        self.dirty.clear();
        for (path, want) in &self.wants {
            if self.active.contains_key(path) {
                continue;
            }
            match watcher.watch(path, want.mode) {
                Ok(()) => {
                    self.warned.remove(path);
                    self.active.insert(path.clone(), want.mode);
                }
                Err(e) if out_of_watches(&e) && !watcher.polling() => return false,
                Err(e) => {
                    if self.warned.insert(path.clone()) {
                        eprintln!("warning: cannot watch `{}`: {}", path.display(), reason(&e));
                    }
                }
            }
        }
        true
    }

    /// Forgets every watch, for a new watcher to set them up again.
    pub fn forget(&mut self) {
        self.active.clear();
        self.dirty.clear();
    }

    /// Whether any of the events could change an output; notes the watched
    /// directories that went away on the way.
    pub fn take(&mut self, events: &[impl std::ops::Deref<Target = Event>]) -> bool {
        let mut relevant = false;
        for event in events {
            if event.need_rescan() {
                // Events were lost: only a build can tell what changed.
                relevant = true;
                continue;
            }
            // Opens and closes are reads, the build's own among them.
            if matches!(event.kind, EventKind::Access(_)) {
                continue;
            }
            if matches!(
                event.kind,
                EventKind::Create(_)
                    | EventKind::Remove(_)
                    | EventKind::Modify(ModifyKind::Name(_))
            ) {
                for path in &event.paths {
                    let gone = self.active.keys().filter(|root| root.starts_with(path));
                    self.dirty.extend(gone.cloned());
                }
            }
            relevant |= event.paths.iter().any(|p| self.counts(p));
        }
        relevant
    }

    /// Whether a change to `path` can change an output.
    fn counts(&self, path: &Path) -> bool {
        !self.ours(path)
            && self.wants.iter().any(|(root, want)| {
                want.covers(root, path) && want.cares(root, path) && !scratch(root, path)
            })
    }

    /// Whether `path` is something the build writes: the manifest, or
    /// anything in the output directory except inputs watched inside it
    /// (with `--out .` the corpus is under it).
    fn ours(&self, path: &Path) -> bool {
        if path == self.manifest {
            return true;
        }
        path.starts_with(&self.out_dir)
            && !self.wants.iter().any(|(root, want)| {
                want.all && root.starts_with(&self.out_dir) && want.covers(root, path)
            })
    }
}

/// Whether `path`, below `root`, is an editor's scratch file (`.x.swp`,
/// `x~`, `#x#`) or in a hidden directory: the corpus skips hidden files.
fn scratch(root: &Path, path: &Path) -> bool {
    let rest = path.strip_prefix(root).unwrap_or(path);
    rest.components().any(|c| {
        let name = c.as_os_str().to_string_lossy();
        name.starts_with('.') || name.starts_with('#') || name.ends_with('~')
    })
}

/// A spec file, as `brief` finds them in `briefs/`.
fn looks_like_spec(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// The directories a spec reads, or `None` when it cannot be read at all.
fn inputs(path: &Path, compiler: &Compiler) -> Option<Inputs> {
    let spec = match spec::load(path) {
        Ok(spec) => spec,
        Err(LoadError::Invalid {
            partial: Some(spec),
            ..
        }) => *spec,
        Err(_) => return None,
    };
    let dir = parent(path);
    let corpus = compiler
        .corpus_dir(&spec)
        .unwrap_or_else(|_| match &spec.corpus {
            Some(named) => dir.join(&named.value),
            None => parent(&dir).join("corpus"),
        });
    Some(Inputs {
        corpus,
        templates: templates_dir(&dir),
    })
}

/// Where `compile::template_for` looks for templates: the nearest
/// `templates/` above the spec. With none yet, the project's would be
/// created beside `briefs/`, so that is where to wait for it.
fn templates_dir(spec_dir: &Path) -> PathBuf {
    spec_dir
        .ancestors()
        .map(|d| d.join("templates"))
        .find(|d| d.is_dir())
        .unwrap_or_else(|| parent(spec_dir).join("templates"))
}

/// The directory a file or directory is in; `.` rather than an empty path.
fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Resolves each directory, stands in for a missing one with the nearest
/// existing directory above it (watched alone, for the missing one to be
/// created), and drops what a recursive watch above already covers.
fn normalize(raw: Vec<(PathBuf, Want)>) -> Wants {
    let mut wants = Wants::new();
    for (path, want) in raw {
        let path = resolve(&path);
        let (path, want) = if path.is_dir() {
            (path, want)
        } else {
            match path.ancestors().skip(1).find(|d| d.is_dir()) {
                Some(above) => (above.to_path_buf(), Want::only([path.clone()])),
                None => continue,
            }
        };
        match wants.get_mut(&path) {
            Some(existing) => existing.merge(want),
            None => {
                wants.insert(path, want);
            }
        }
    }
    let recursive: Vec<PathBuf> = wants
        .iter()
        .filter(|(_, want)| want.all && want.mode == RecursiveMode::Recursive)
        .map(|(path, _)| path.clone())
        .collect();
    wants.retain(|path, _| !recursive.iter().any(|r| r != path && path.starts_with(r)));
    wants
}

/// A resolved path as the user would type it: relative to the working
/// directory when inside it.
fn shown(path: &Path) -> PathBuf {
    let cwd = resolve(Path::new("."));
    match path.strip_prefix(&cwd) {
        Ok(rest) if !rest.as_os_str().is_empty() => rest.to_path_buf(),
        _ => path.to_path_buf(),
    }
}

/// An absolute path with symbolic links resolved as far as it exists, as
/// the watcher reports paths, so events compare with it.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut missing = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return missing.iter().rev().fold(real, |p, part| p.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(up), Some(name)) => {
                missing.push(name.to_os_string());
                existing = up;
            }
            _ => return absolute,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_directory_is_waited_for_from_the_nearest_one_above() {
        let dir = tempfile::tempdir().unwrap();
        let base = resolve(dir.path());
        std::fs::create_dir_all(base.join("corpus/sub")).unwrap();
        std::fs::create_dir_all(base.join("briefs")).unwrap();
        let wants = normalize(vec![
            (base.join("corpus"), Want::all()),
            (
                base.join("corpus/sub"),
                Want::only([base.join("corpus/sub/x.yaml")]),
            ),
            (base.join("templates"), Want::all()),
            (
                base.join("briefs"),
                Want::only([base.join("briefs/a.yaml")]),
            ),
            (base.join("briefs/b/c"), Want::only([])),
        ]);
        assert_eq!(
            wants.into_iter().collect::<Vec<_>>(),
            [
                (base.clone(), Want::only([base.join("templates")])),
                (
                    base.join("briefs"),
                    Want::only([base.join("briefs/a.yaml"), base.join("briefs/b/c")])
                ),
                (base.join("corpus"), Want::all()),
            ]
        );
    }

    fn roots(out_dir: &Path, wants: Vec<(PathBuf, Want)>) -> Roots {
        let mut roots = Roots::new(out_dir);
        roots.wants = normalize(wants);
        roots
    }

    #[test]
    fn only_changes_to_inputs_count() {
        let dir = tempfile::tempdir().unwrap();
        let base = resolve(dir.path());
        std::fs::create_dir_all(base.join("corpus")).unwrap();
        std::fs::create_dir_all(base.join("briefs")).unwrap();
        let mut briefs = Want::only([base.join("briefs/a.yaml")]);
        briefs.specs = true;
        let roots = roots(
            &base.join("out"),
            vec![
                (base.join("briefs"), briefs),
                (base.join("corpus"), Want::all()),
                (base.join("templates"), Want::all()),
            ],
        );
        let counts = |p: &str| roots.counts(&base.join(p));
        assert!(counts("corpus/a.md"));
        assert!(counts("corpus/sub/a.md"));
        assert!(counts("briefs/a.yaml"));
        assert!(counts("briefs/new.yml"));
        assert!(counts("templates"));
        assert!(!counts("briefs/notes.txt"));
        assert!(!counts("watch.log"));
        assert!(!counts("out"));
        assert!(!counts("corpus/.a.md.swp"));
        assert!(!counts("corpus/a.md~"));
        assert!(!counts("corpus/.git/index"));
    }

    #[test]
    fn outputs_never_count_even_beside_inputs() {
        let dir = tempfile::tempdir().unwrap();
        let base = resolve(dir.path());
        std::fs::create_dir_all(base.join("corpus")).unwrap();
        let inside = roots(
            &base.join("corpus/out"),
            vec![(base.join("corpus"), Want::all())],
        );
        assert!(!inside.counts(&base.join("corpus/out/t/brief.md")));
        assert!(inside.counts(&base.join("corpus/a.md")));
        // With `--out .` the corpus is inside the output directory.
        let around = roots(
            &base,
            vec![
                (base.clone(), Want::only([base.join("templates")])),
                (base.join("corpus"), Want::all()),
            ],
        );
        assert!(around.counts(&base.join("corpus/a.md")));
        assert!(!around.counts(&base.join(crate::regen::manifest::FILE_NAME)));
        assert!(!around.counts(&base.join("t/brief.md")));
    }
}

//! Whether a recorded output is still fresh, and if not, the one reason a
//! user most needs to hear ("corpus/x.md changed", "new document matches
//! section voices").

use std::fmt;
use std::path::{Path, PathBuf};

use crate::spec::Spec;

use super::deps::{fingerprint, queries};
use super::manifest::{Inputs, Record};
use super::scan::Change;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    NotBuilt,
    Forced,
    /// Recorded as out of date by an earlier run.
    Marked(String),
    Version {
        from: String,
        to: String,
    },
    Spec,
    Template,
    Options,
    Date {
        from: String,
        to: String,
    },
    Baseline,
    Missing(PathBuf),
    /// A file on disk is not the one this output's build wrote: changed or
    /// replaced since, or left beside its partner by an interrupted build.
    NotAsBuilt(PathBuf, String),
    Cited {
        path: PathBuf,
        became: Became,
    },
    /// A document adds to, changes or removes what a query can select.
    Query {
        path: PathBuf,
        section: String,
        new_document: bool,
    },
}

impl Reason {
    /// Whether this is new data, as `on_new_data` means it: what the output
    /// is made from (the spec, its template, the corpus) changed. The rest
    /// (an output missing or never recorded, a failed build, another
    /// version or options) is a reason to rebuild, not news.
    pub fn is_new_data(&self) -> bool {
        matches!(
            self,
            Reason::Spec | Reason::Template | Reason::Cited { .. } | Reason::Query { .. }
        )
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::NotBuilt => write!(f, "not built before"),
            Reason::Forced => write!(f, "--force"),
            Reason::Marked(why) => write!(f, "{why}"),
            Reason::Version { from, to } => write!(f, "brief changed from {from} to {to}"),
            Reason::Spec => write!(f, "the spec changed"),
            Reason::Template => write!(f, "the template changed"),
            Reason::Options => write!(f, "the build options changed"),
            Reason::Date { from, to } => write!(f, "the brief's date changed from {from} to {to}"),
            Reason::Baseline => write!(f, "there is a newer edition to compare with"),
            Reason::Missing(p) => write!(f, "{} is missing", p.display()),
            Reason::NotAsBuilt(p, why) => write!(f, "{} {why}", p.display()),
            Reason::Cited { path, became } => match became {
                Became::Changed => write!(f, "{} changed", path.display()),
                Became::Removed => write!(f, "{} was removed", path.display()),
                Became::Unusable(why) => write!(f, "{} {why}", path.display()),
            },
            Reason::Query {
                path,
                section,
                new_document: true,
            } => write!(
                f,
                "new document {} matches section {section}",
                path.display()
            ),
            Reason::Query { path, section, .. } => write!(
                f,
                "{} changed what section {section} can select",
                path.display()
            ),
        }
    }
}

/// What became of a cited document's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Became {
    Changed,
    Removed,
    /// Still there, but it cannot be read or loaded; why, as "cannot be
    /// read (permission denied)". Not a removal: the user must fix the file.
    Unusable(String),
}

/// The state an output would be built from now.
#[derive(Debug)]
pub struct Current<'a> {
    pub inputs: &'a Inputs,
    pub spec: &'a Spec,
    /// The changes to the record's corpus since the manifest's snapshot.
    pub changes: &'a [Change],
    pub out_dir: &'a Path,
}

/// `None` when the output is fresh.
pub fn check(record: &Record, now: &Current) -> Option<Reason> {
    if let Some(why) = &record.stale {
        return Some(Reason::Marked(why.clone()));
    }
    inputs(&record.inputs, now.inputs)
        .or_else(|| missing(record, now.out_dir))
        .or_else(|| corpus(record, now))
}

/// Differences in the inputs compared as a whole.
pub fn inputs(was: &Inputs, now: &Inputs) -> Option<Reason> {
    if was.version != now.version {
        return Some(Reason::Version {
            from: was.version.clone(),
            to: now.version.clone(),
        });
    }
    if was.spec_hash != now.spec_hash {
        return Some(Reason::Spec);
    }
    if was.template_hash != now.template_hash {
        return Some(Reason::Template);
    }
    if was.options != now.options {
        return Some(Reason::Options);
    }
    if was.date != now.date {
        return Some(Reason::Date {
            from: was.date.to_string(),
            to: now.date.to_string(),
        });
    }
    (was.baseline != now.baseline).then_some(Reason::Baseline)
}

fn missing(record: &Record, out_dir: &Path) -> Option<Reason> {
    file_problems(record, out_dir).next()
}

/// Every recorded file of `record` that is not on disk as its build wrote
/// it: missing, a link, or bytes other than those recorded. An interrupted
/// build can leave new Markdown beside the old PDF; this is how that, and
/// any hand edit or deletion, is found.
pub fn verify_files(record: &Record, out_dir: &Path) -> Vec<Reason> {
    file_problems(record, out_dir).collect()
}

/// [`verify_files`], lazily: the planner needs only the first problem, and
/// stops reading (and hashing) files once it has one.
fn file_problems<'a>(
    record: &'a Record,
    out_dir: &'a Path,
) -> Box<dyn Iterator<Item = Reason> + 'a> {
    let out = match crate::atomic::OutDir::open_existing(out_dir) {
        Ok(Some(out)) => out,
        Ok(None) => {
            return Box::new(
                record
                    .files
                    .iter()
                    .map(move |f| Reason::Missing(out_dir.join(&f.path))),
            );
        }
        Err(e) => {
            return Box::new(std::iter::once(Reason::NotAsBuilt(
                out_dir.to_path_buf(),
                format!("cannot be read: {}", crate::diag::io_reason(&e)),
            )));
        }
    };
    Box::new(record.files.iter().filter_map(move |f| {
        let path = out_dir.join(&f.path);
        match out.read(Path::new(&f.path)) {
            Ok(None) => Some(Reason::Missing(path)),
            Ok(Some(bytes)) if super::hash::of(&bytes) == f.hash => None,
            Ok(Some(_)) => Some(Reason::NotAsBuilt(
                path,
                "is not the file brief built (changed since, or left by an interrupted build)"
                    .into(),
            )),
            Err(e) => Some(Reason::NotAsBuilt(
                path,
                format!("cannot be checked: {}", crate::diag::io_reason(&e)),
            )),
        }
    }))
}

/// Corpus changes that reach the output: a cited document changed or went,
/// or a document changed what one of its queries can select.
pub fn corpus(record: &Record, now: &Current) -> Option<Reason> {
    for change in now.changes {
        let ids = [change.old_id.as_deref(), change.new_id()];
        if ids.iter().flatten().any(|id| record.docs.contains_key(*id)) {
            let became = match (&change.new, &change.unusable) {
                (Some(_), _) => Became::Changed,
                (None, Some(why)) => Became::Unusable(why.clone()),
                (None, None) => Became::Removed,
            };
            return Some(Reason::Cited {
                path: change.path.clone(),
                became,
            });
        }
    }
    if now.changes.is_empty() || record.queries.is_empty() {
        return None;
    }
    let specs = queries(now.spec);
    for recorded in &record.queries {
        let Some(q) = specs
            .iter()
            .find(|q| q.line == recorded.line && q.column == recorded.column)
        else {
            // The spec's hash matched, so this cannot happen; rebuilding is safe.
            return Some(Reason::Spec);
        };
        for change in now.changes {
            for id in [change.old_id.as_deref(), change.new_id()]
                .into_iter()
                .flatten()
            {
                let before = recorded.candidates.get(id).map(String::as_str);
                let after = match &change.new {
                    Some((doc, ex)) if doc.id == id => fingerprint(q, record.inputs.date, doc, ex),
                    _ => None,
                };
                if before != after.as_deref() {
                    return Some(Reason::Query {
                        path: change.path.clone(),
                        section: recorded.section.clone(),
                        new_document: change.added,
                    });
                }
            }
        }
    }
    None
}

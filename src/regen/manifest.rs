//! The build manifest: what every output in an output directory was built
//! from, so the next build can tell which outputs are still fresh.
//!
//! It is JSON (a reader can see why something rebuilt) and is replaced
//! atomically after the outputs it describes are written: a crash leaves
//! the previous manifest, whose records at worst make an output rebuild.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::atomic::OutDir;
use crate::diag::Diagnostic;
use crate::regen::provenance::{Resolved, Shown};

/// Bumped when the layout changes; a manifest of another format is ignored
/// (everything rebuilds once) rather than misread.
pub const FORMAT: u32 = 3;

/// The manifest's file name inside the output directory.
pub const FILE_NAME: &str = "brief-manifest.json";

/// `brief schedule`'s manifest (of the `latest/` outputs) beside it.
pub const EDITIONS_FILE_NAME: &str = "brief-editions.json";

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// Each corpus's files as last seen, keyed by the corpus directory
    /// relative to the output directory.
    pub corpora: BTreeMap<String, Snapshot>,
    /// Keyed by the output's Markdown path relative to the output directory.
    pub outputs: BTreeMap<String, Record>,
}

/// A corpus's document files: path relative to the corpus root → entry.
pub type Snapshot = BTreeMap<String, FileEntry>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub hash: String,
    /// The document id the file loaded as; `None` when it could not be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// What one output (a spec's audience) was built from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    /// The spec file, as named on the command line or found in `briefs/`.
    pub spec: String,
    pub inputs: Inputs,
    /// The corpus key in [`Manifest::corpora`].
    pub corpus: String,
    /// Every file written for this output, with the hash of what was
    /// written: `brief check` and the next build compare the files on disk
    /// with it, and only a file that still has it is ever removed.
    pub files: Vec<OutputFile>,
    /// The documents the output cites, by id, with their file's hash.
    pub docs: BTreeMap<String, String>,
    /// The spec's queries and, per document, what each could select there.
    pub queries: Vec<QueryDeps>,
    /// Every quote and figure the output shows, for `brief check` to find
    /// again in the corpus.
    pub shown: Vec<Shown>,
    /// Each id the spec names (an `id:` selector, an inline reference), as
    /// written, and what it resolved to: the next build warns when the same
    /// id resolves to another sentence.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub resolved: BTreeMap<String, Resolved>,
    /// Set when the output is known to be out of date but was not rebuilt
    /// (its spec failed, or was not part of the build that saw the change).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stale: Option<String>,
}

/// One file of an output as brief wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputFile {
    /// Relative to the output directory.
    pub path: String,
    /// BLAKE3 of its bytes ([`crate::regen::hash::of`]).
    pub hash: String,
}

/// Inputs compared as a whole: any difference rebuilds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inputs {
    pub spec_hash: String,
    /// Every file of the template directory (and the built-in template).
    pub template_hash: String,
    pub version: String,
    /// The brief's date, which `date: today` and `within:` depend on.
    pub date: NaiveDate,
    /// Build options that change the files written (PDF standard, fonts, …).
    pub options: String,
    /// The edition a `what_changed` section compares with, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
}

/// One query selector of the spec, found again by its position (the spec's
/// hash is unchanged whenever this is consulted, so positions are stable).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QueryDeps {
    pub section: String,
    pub line: usize,
    pub column: usize,
    /// Document id → fingerprint of the items the query accepts there,
    /// before ordering and limits; documents with none are absent.
    pub candidates: BTreeMap<String, String>,
}

impl Manifest {
    /// Reads the manifest of an output directory. A missing file is an empty
    /// manifest; an unreadable or foreign one is a warning and an empty
    /// manifest, because the worst outcome is a full rebuild.
    pub fn load(path: &Path) -> (Manifest, Option<Diagnostic>) {
        let empty = Manifest {
            format: FORMAT,
            ..Manifest::default()
        };
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (empty, None),
            Err(e) => {
                let d = Diagnostic::warning(format!(
                    "cannot read the build manifest ({}); rebuilding everything",
                    crate::diag::io_reason(&e)
                ))
                .in_file(path);
                return (empty, Some(d));
            }
        };
        match serde_json::from_slice::<Manifest>(&bytes) {
            Ok(m) if m.format == FORMAT => (m, None),
            Ok(_) => (empty, None),
            Err(e) => {
                let d = Diagnostic::warning(format!(
                    "the build manifest is damaged ({e}); rebuilding everything"
                ))
                .in_file(path);
                (empty, Some(d))
            }
        }
    }

    /// Replaces the manifest at `path` in the output directory `out`.
    pub fn save(&self, out: &OutDir, path: &Path) -> std::io::Result<()> {
        let mut json = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        json.push(b'\n');
        out.write(path, &json)
    }
}

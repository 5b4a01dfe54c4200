//! Editions on disk: `out/<brief>/editions/<name>/` holds one regeneration's
//! files and its `edition.json`; `out/<brief>/latest/` holds the newest.
//! Old editions are never touched.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::changes::ChangeSet;
use super::inventory::Inventory;

pub const FILE_NAME: &str = "edition.json";

/// One regeneration of a brief.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Edition {
    pub brief: String,
    /// The directory name: the edition's date, `-2`, `-3`… for more that day.
    pub name: String,
    pub date: NaiveDate,
    pub generated_at: DateTime<Utc>,
    /// Why it was made: the schedule that fell due, or the new data.
    pub trigger: String,
    /// By audience (`brief` for a spec without audiences).
    pub outputs: BTreeMap<String, EditionOutput>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EditionOutput {
    /// Relative to the edition directory.
    pub files: Vec<String>,
    pub inventory: Inventory,
    /// What is new since the previous edition.
    pub changes: ChangeSet,
}

pub fn editions_dir(out_dir: &Path, brief: &str) -> PathBuf {
    out_dir.join(brief).join("editions")
}

pub fn latest_dir(out_dir: &Path, brief: &str) -> PathBuf {
    out_dir.join(brief).join("latest")
}

/// A brief's editions, oldest first. Directories without a readable
/// `edition.json` (an edition interrupted before it was recorded) are not
/// editions.
pub fn list(out_dir: &Path, brief: &str) -> Vec<Edition> {
    let Ok(entries) = std::fs::read_dir(editions_dir(out_dir, brief)) else {
        return Vec::new();
    };
    let mut editions: Vec<Edition> = entries
        .filter_map(Result::ok)
        .filter_map(|e| std::fs::read(e.path().join(FILE_NAME)).ok())
        .filter_map(|bytes| serde_json::from_slice(&bytes).ok())
        .collect();
    editions
        .sort_by(|a, b| (a.generated_at, a.date, &a.name).cmp(&(b.generated_at, b.date, &b.name)));
    editions
}

/// The newest edition of a brief.
pub fn latest(out_dir: &Path, brief: &str) -> Option<Edition> {
    list(out_dir, brief).pop()
}

/// A name for a new edition on `date` that no directory has yet.
pub fn next_name(out_dir: &Path, brief: &str, date: NaiveDate) -> String {
    let dir = editions_dir(out_dir, brief);
    let base = date.to_string();
    if !dir.join(&base).exists() {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|name| !dir.join(name).exists())
        .unwrap_or(base)
}

/// Records an edition whose files are already in its directory; written
/// last, so a directory without it was never a finished edition.
pub fn record(out_dir: &Path, edition: &Edition) -> std::io::Result<()> {
    let path = editions_dir(out_dir, &edition.brief)
        .join(&edition.name)
        .join(FILE_NAME);
    let mut json = serde_json::to_vec_pretty(edition).map_err(std::io::Error::other)?;
    json.push(b'\n');
    crate::atomic::OutDir::open(out_dir)?.write(&path, &json)
}

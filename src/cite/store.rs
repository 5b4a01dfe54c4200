//! Notes already made, kept between runs in the output directory.
//!
//! hayagriva's CSL interpreter is most of resolving a brief (a few million
//! instructions a citation), and a rebuild usually cites what the build
//! before it cited: an edited paragraph of prose, a new date, `--force`.
//! [`super::Citer::cite`] is a pure function of the style, the ibid
//! setting, and each cite's document (id and metadata) and locator, so its
//! result is kept under a hash of exactly those, and of the program that
//! made it (another build of brief may format notes differently, even at
//! the same version number). The store is a hint, never an input: bytes
//! that are not a store of this program are ignored and everything is
//! cited again.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use serde::{Deserialize, Serialize};

use super::{Cite, Cited};

/// The store's file name at the top of the output directory (hidden, so
/// no spec can be named like it).
pub const FILE_NAME: &str = ".brief-cites";

/// The most results kept: those of the latest run first, then older ones.
/// A project's briefs cite in a few dozen ways; this bounds a store that
/// would otherwise grow with every edit.
const KEEP: usize = 512;

type Key = [u8; 32];

#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    program: String,
    entries: Vec<(Key, Cited)>,
}

#[derive(Debug, Default)]
struct Inner {
    known: HashMap<Key, Cited>,
    /// Keys asked for or added in this run, in order.
    used: Vec<Key>,
    added: bool,
}

/// The results of earlier runs, shared by every [`super::Citer`] of a build.
#[derive(Debug, Default)]
pub struct CiteStore {
    inner: Mutex<Inner>,
}

/// What made the results: brief's version and this very executable (its
/// size and modification time), so a rebuilt brief never reuses notes an
/// older one formatted.
fn program() -> &'static str {
    static PROGRAM: OnceLock<String> = OnceLock::new();
    PROGRAM.get_or_init(|| {
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .ok()
            .map(|m| {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|d| d.as_nanos());
                format!("{} {modified:?}", m.len())
            })
            .unwrap_or_default();
        format!("brief {} notes 1 {exe}", env!("CARGO_PKG_VERSION"))
    })
}

impl CiteStore {
    /// The store in `bytes` (the file's contents, if there is one).
    pub fn read(bytes: Option<&[u8]>) -> CiteStore {
        let stored: Option<Stored> = bytes.and_then(|b| ciborium::from_reader(b).ok());
        let known = stored
            .filter(|s| s.program == program())
            .map(|s| s.entries.into_iter().collect())
            .unwrap_or_default();
        CiteStore {
            inner: Mutex::new(Inner {
                known,
                ..Inner::default()
            }),
        }
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(super) fn get(&self, key: &Key) -> Option<Cited> {
        let mut inner = self.inner();
        let found = inner.known.get(key).cloned()?;
        inner.used.push(*key);
        Some(found)
    }

    pub(super) fn put(&self, key: Key, cited: &Cited) {
        let mut inner = self.inner();
        inner.known.insert(key, cited.clone());
        inner.used.push(key);
        inner.added = true;
    }

    /// The store to write for the next run, when this run added to it.
    pub fn update(&self) -> Option<Vec<u8>> {
        let inner = self.inner();
        if !inner.added {
            return None;
        }
        let mut keys: Vec<Key> = Vec::new();
        let mut older: Vec<&Key> = inner.known.keys().collect();
        older.sort_unstable();
        for key in inner.used.iter().rev().chain(older) {
            if keys.len() == KEEP {
                break;
            }
            if !keys.contains(key) {
                keys.push(*key);
            }
        }
        // In key order: the same notes give the same file, whichever thread
        // made which first.
        keys.sort_unstable();
        let entries = keys
            .into_iter()
            .filter_map(|k| Some((k, inner.known.get(&k)?.clone())))
            .collect();
        let stored = Stored {
            program: program().to_string(),
            entries,
        };
        let mut bytes = Vec::new();
        ciborium::into_writer(&stored, &mut bytes).ok()?;
        Some(bytes)
    }
}

/// The key of citing `cites` with the style `style` (and `ibid`): every
/// input of [`super::Citer::cite`].
pub(super) fn key(style: &str, ibid: bool, cites: &[Cite]) -> Key {
    let mut hasher = blake3::Hasher::new();
    let mut field = |bytes: &[u8]| {
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(bytes);
    };
    field(style.as_bytes());
    field(&[u8::from(ibid)]);
    for cite in cites {
        field(cite.doc.id.as_bytes());
        field(&serde_json::to_vec(&cite.doc.meta).unwrap_or_default());
        field(format!("{:?}", cite.at.map(|p| (p.first, p.last))).as_bytes());
    }
    *hasher.finalize().as_bytes()
}

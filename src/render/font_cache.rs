//! What a scan of the system's fonts learnt, kept between runs.
//!
//! Typst selects faces by one [`FontInfo`] per face, and making one reads
//! the face's whole character map into a sorted list: with Debian's Noto
//! CJK collections installed, about 470 million instructions, a third of
//! building one brief, every run (a `typst compile` process pays it every
//! run too). The infos are kept in the output directory, the one place a
//! build writes, by font file path, size and modification time: a changed
//! or new file is read again and a removed one forgotten. The cache is a
//! hint, never an input: one that cannot be read or is from another
//! version of brief is ignored, and the fonts are scanned as without it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use typst::text::FontInfo;

/// The cache's file name at the top of the output directory (hidden, so no
/// spec can be named like it).
pub const FILE_NAME: &str = ".brief-fonts";

/// Written first in the file: a cache from another build of brief (whose
/// Typst may describe faces differently) is not used.
const FORMAT: &str = concat!("brief ", env!("CARGO_PKG_VERSION"), " font infos 1");

/// A font file as it was when its faces were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    size: u64,
    seconds: u64,
    nanos: u32,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        let since = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            size: meta.len(),
            seconds: since.as_secs(),
            nanos: since.subsec_nanos(),
        })
    }
}

/// One face's info, or `None` for a face Typst cannot read.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    path: PathBuf,
    index: u32,
    stamp: Stamp,
    info: Option<FontInfo>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    format: String,
    entries: Vec<Entry>,
}

/// The infos of one run: those read from the cache file, and those used.
#[derive(Debug, Default)]
pub struct FontCache {
    known: HashMap<(PathBuf, u32), Entry>,
    stamps: HashMap<PathBuf, Option<Stamp>>,
    used: Vec<Entry>,
    /// A face was read from its file: the cache needs writing.
    missed: bool,
}

impl FontCache {
    /// The cache in `bytes` (the file's contents, if there is one). Bytes
    /// that are not a cache of this version give an empty one.
    pub fn read(bytes: Option<&[u8]>) -> FontCache {
        let stored: Option<Stored> = bytes.and_then(|b| ciborium::from_reader(b).ok());
        let known = stored
            .filter(|s| s.format == FORMAT)
            .map(|s| {
                s.entries
                    .into_iter()
                    .map(|e| ((e.path.clone(), e.index), e))
                    .collect()
            })
            .unwrap_or_default();
        FontCache {
            known,
            ..FontCache::default()
        }
    }

    /// The info of face `index` of the file at `path`: the cached one when
    /// the file has not changed since, else `read()`'s.
    pub fn info(
        &mut self,
        path: &Path,
        index: u32,
        read: impl FnOnce() -> Option<FontInfo>,
    ) -> Option<FontInfo> {
        let stamp = *self
            .stamps
            .entry(path.to_path_buf())
            .or_insert_with(|| Stamp::of(path));
        let cached = self
            .known
            .remove(&(path.to_path_buf(), index))
            .filter(|e| Some(e.stamp) == stamp);
        let entry = match cached {
            Some(entry) => entry,
            None => {
                self.missed = true;
                let info = read();
                // A file that cannot be stamped is read every time.
                let Some(stamp) = stamp else {
                    return info;
                };
                Entry {
                    path: path.to_path_buf(),
                    index,
                    stamp,
                    info,
                }
            }
        };
        let info = entry.info.clone();
        self.used.push(entry);
        info
    }

    /// The cache to write for the next run, when it differs from the one
    /// read: a face was read from its file, or a cached one is gone.
    pub fn update(self) -> Option<Vec<u8>> {
        if !self.missed && self.known.is_empty() {
            return None;
        }
        let stored = Stored {
            format: FORMAT.to_string(),
            entries: self.used,
        };
        let mut bytes = Vec::new();
        ciborium::into_writer(&stored, &mut bytes).ok()?;
        Some(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(family: &str) -> Option<FontInfo> {
        let (_, mut info) = typst_kit::fonts::embedded()
            .next()
            .expect("an embedded font");
        info.family = family.to_string();
        Some(info)
    }

    #[test]
    fn an_unchanged_file_is_not_read_again_and_a_changed_one_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let font = dir.path().join("a.ttf");
        std::fs::write(&font, b"stands for a font file").expect("write");
        let mut first = FontCache::read(None);
        let got = first.info(&font, 0, || info("First"));
        assert_eq!(got.map(|i| i.family).as_deref(), Some("First"));
        let bytes = first.update().expect("a new cache");

        let mut second = FontCache::read(Some(&bytes));
        let got = second.info(&font, 0, || panic!("read although unchanged"));
        assert_eq!(got.map(|i| i.family).as_deref(), Some("First"));
        assert!(
            second.update().is_none(),
            "nothing changed, nothing to write"
        );

        std::fs::write(&font, b"another font file, longer than before").expect("write");
        let mut third = FontCache::read(Some(&bytes));
        let got = third.info(&font, 0, || info("Changed"));
        assert_eq!(got.map(|i| i.family).as_deref(), Some("Changed"));
        assert!(third.update().is_some());
    }

    #[test]
    fn a_removed_file_is_forgotten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (a, b) = (dir.path().join("a.ttf"), dir.path().join("b.ttf"));
        std::fs::write(&a, b"a").expect("write");
        std::fs::write(&b, b"b").expect("write");
        let mut first = FontCache::read(None);
        first.info(&a, 0, || info("A"));
        first.info(&b, 0, || info("B"));
        let bytes = first.update().expect("a new cache");
        let mut second = FontCache::read(Some(&bytes));
        second.info(&a, 0, || panic!("read although unchanged"));
        let bytes = second.update().expect("b is gone: rewritten");
        let third = FontCache::read(Some(&bytes));
        assert_eq!(third.known.len(), 1);
    }

    #[test]
    fn bytes_that_are_no_cache_are_ignored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let font = dir.path().join("a.ttf");
        std::fs::write(&font, b"a").expect("write");
        for junk in [&b""[..], b"\xff\x00garbage", b"\xa0"] {
            let mut cache = FontCache::read(Some(junk));
            let got = cache.info(&font, 0, || info("Read"));
            assert_eq!(got.map(|i| i.family).as_deref(), Some("Read"));
        }
        // Another version's cache is not used either.
        let stored = Stored {
            format: "brief 0.0.0 font infos 1".into(),
            entries: vec![Entry {
                path: font.clone(),
                index: 0,
                stamp: Stamp::of(&font).expect("stamp"),
                info: info("Old"),
            }],
        };
        let mut bytes = Vec::new();
        ciborium::into_writer(&stored, &mut bytes).expect("encode");
        let mut cache = FontCache::read(Some(&bytes));
        let got = cache.info(&font, 0, || info("Read"));
        assert_eq!(got.map(|i| i.family).as_deref(), Some("Read"));
    }
}

//! The fonts every PDF of a run is typeset with, loaded once per process.
//!
//! Scanning the system and parsing the embedded fonts costs tens of
//! milliseconds, far more than compiling a brief, so a build (or a long-running
//! watch) loads them once and shares them between all compilations. Font data
//! itself is read lazily, when Typst first asks for a face.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use typst::text::{Font, FontBook, FontFlags, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::{FontPath, FontStore};

use super::font_cache::FontCache;
use crate::diag::Diagnostic;

/// Typst's embedded fonts, the system's fonts and any `--font-path` directories,
/// with the metadata ([`FontBook`]) Typst selects faces from.
pub struct Fonts {
    store: FontStore,
    /// The directories given on the command line, in order; the cache key.
    extra_dirs: Vec<PathBuf>,
    /// Font files in those directories that were skipped, and why.
    warnings: Vec<Diagnostic>,
    /// What the scan learnt that the font cache it was given did not know,
    /// for the build to write once ([`Fonts::take_cache_update`]).
    cache_update: Mutex<Option<Vec<u8>>>,
}

/// Fonts already loaded in this process, by extra directories.
static LOADED: Mutex<Vec<Arc<Fonts>>> = Mutex::new(Vec::new());

impl Fonts {
    /// The fonts for these extra directories, loaded on first use and then
    /// shared: every later call with the same directories returns the same set.
    ///
    /// Order decides ties between faces of the same family and style: the
    /// user's directories win over system fonts, which win over Typst's
    /// embedded copies (the same order as the `typst` CLI).
    ///
    /// `cache` is a [`FontCache`] file's bytes, from an earlier run: the
    /// system's faces it knows unchanged are not read again.
    pub fn load(extra_dirs: &[PathBuf], cache: Option<&[u8]>) -> Arc<Fonts> {
        let mut loaded = LOADED.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(fonts) = loaded.iter().find(|f| f.extra_dirs == extra_dirs) {
            return Arc::clone(fonts);
        }
        let fonts = Arc::new(Fonts::scan(extra_dirs, cache));
        loaded.push(Arc::clone(&fonts));
        fonts
    }

    /// Scans without the process's set (tests time this).
    pub(super) fn scan(extra_dirs: &[PathBuf], cache: Option<&[u8]>) -> Fonts {
        let mut store = FontStore::new();
        let mut warnings = Vec::new();
        for dir in extra_dirs {
            store.extend(scan_dir(dir, &mut warnings).filter(|(_, info)| usable(info)));
        }
        let mut cache = FontCache::read(cache);
        store.extend(
            system(&mut cache)
                .into_iter()
                .filter(|(_, info)| usable(info)),
        );
        store.extend(typst_kit::fonts::embedded());
        Fonts {
            store,
            extra_dirs: extra_dirs.to_vec(),
            warnings,
            cache_update: Mutex::new(cache.update()),
        }
    }

    /// The font cache to write for later runs, if this scan learnt
    /// anything it did not know; given once.
    pub fn take_cache_update(&self) -> Option<Vec<u8>> {
        self.cache_update
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }

    /// Font files of the `--font-path` directories that were skipped
    /// (broken, absurd or too large), one warning each, for the CLI to show.
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// Every family name Typst can select, sorted case-insensitively, once each.
    pub fn families(&self) -> Vec<String> {
        self.book()
            .families()
            .map(|(family, _)| family.to_owned())
            .collect()
    }

    /// Metadata about every face, which Typst selects fonts from.
    pub(super) fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    /// The face at `index` in the book, read from disk on first use.
    pub(super) fn font(&self, index: usize) -> Option<Font> {
        self.store.font(index)
    }

    /// The font files holding the faces of `families` (each file once, in
    /// the order Typst would pick them): what a renderer outside Typst (the
    /// Word document's chart pictures) loads to draw with the same faces.
    pub fn files_of(&self, families: &[String]) -> Vec<typst::foundations::Bytes> {
        let mut out: Vec<typst::foundations::Bytes> = Vec::new();
        for family in families {
            for id in self.book().select_family(&family.to_lowercase()) {
                let Some(font) = self.font(id) else {
                    continue;
                };
                let data = font.data();
                if !out.iter().any(|d| d.as_ptr() == data.as_ptr()) {
                    out.push(data.clone());
                }
            }
        }
        out
    }

    /// How many faces are known (for logs and tests).
    pub fn len(&self) -> usize {
        self.book().families().map(|(_, ids)| ids.count()).sum()
    }

    /// Whether no face at all was found (Typst's embedded fonts make this unlikely).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The system's fonts, as `typst_kit::fonts::system` finds them (fontdb,
/// which asks fontconfig where they are), each face's info from `cache`
/// when its file is unchanged.
#[cfg(not(any(target_os = "windows", target_os = "macos")))]
fn system(cache: &mut FontCache) -> Vec<(FontPath, FontInfo)> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    db.faces()
        .filter_map(|face| {
            let path = match &face.source {
                fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => path,
                fontdb::Source::Binary(_) => return None,
            };
            let info = cache.info(path, face.index, || {
                db.with_face_data(face.id, FontInfo::new).flatten()
            })?;
            let path = FontPath {
                path: path.clone(),
                index: face.index,
            };
            Some((path, info))
        })
        .collect()
}

/// On Windows and macOS typst-kit also finds Adobe's fonts; no cache there.
#[cfg(any(target_os = "windows", target_os = "macos"))]
fn system(_cache: &mut FontCache) -> Vec<(FontPath, FontInfo)> {
    typst_kit::fonts::system().collect()
}

/// Whether a scanned face can be used. Typst draws variable CJK faces
/// (`NotoSansCJK-VF` and the like) as empty boxes, and its fallback prefers a
/// variable face over a static one when both cover a character, so they are
/// left out: static CJK faces (Debian's `fonts-noto-cjk`) are used instead,
/// and if there are none the characters are reported as missing rather than
/// typeset invisibly.
fn usable(info: &FontInfo) -> bool {
    const CJK_IDEOGRAPH: u32 = 0x4E00;
    !(info.flags.contains(FontFlags::VARIABLE) && info.coverage.contains(CJK_IDEOGRAPH))
}

/// The largest font file read from `--font-path`: the biggest real ones
/// (CJK collections of every weight) are about 120 MiB.
const MAX_FONT_BYTES: u64 = 256 << 20;

/// The most faces a collection may hold; real ones have a few dozen.
const MAX_FACES: u32 = 1024;

/// Work allowed on one face's character map, in ranges visited plus
/// characters claimed: Typst lists every character a face claims, so a
/// 30-byte map claiming U+0 to U+FFFFFFFF would take minutes and 16 GiB.
/// Unicode has 0x110000 code points; a face claiming each four times over
/// is broken.
const MAX_CMAP_WORK_PER_FACE: u64 = 4 * 0x11_0000;

/// The same for all faces of one file together.
const MAX_CMAP_WORK_PER_FILE: u64 = 16 * 0x11_0000;

/// Every face of the font files under `dir`, as Typst reads them.
///
/// typst-kit's own scan (through fontdb) believes a collection's face count:
/// a 12-byte `.ttc` claiming 2³² − 1 faces made it try each one, 47 s of
/// work. Here each file is read only if its size is sane, its header
/// possible for its size and its character maps of bounded size; anything
/// else is skipped with a warning naming the file. Files are taken in name
/// order, so which of two equal faces wins does not depend on the directory.
fn scan_dir(
    dir: &Path,
    warnings: &mut Vec<Diagnostic>,
) -> impl Iterator<Item = (FontPath, FontInfo)> {
    let mut files = Vec::new();
    font_files(dir, &mut HashSet::new(), &mut files);
    let mut faces = Vec::new();
    for path in files {
        match faces_in(&path) {
            Ok((found, broken)) => {
                if broken > 0 {
                    warnings.push(
                        Diagnostic::warning(format!(
                            "{broken} of the {} faces in this font file could not be read; the others are used",
                            found.len() + broken
                        ))
                        .in_file(&path),
                    );
                }
                faces.extend(found);
            }
            Err(why) => warnings.push(
                Diagnostic::warning(format!("font file skipped: {why}"))
                    .in_file(&path)
                    .hint("remove it from the --font-path directory, or replace it with a working copy"),
            ),
        }
    }
    faces.into_iter()
}

/// The font files (by extension, as fontdb picks them) under `dir`, in name
/// order, following links but entering each directory once.
fn font_files(dir: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<PathBuf>) {
    let Ok(canonical) = dir.canonicalize() else {
        return;
    };
    if !seen.insert(canonical) {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let Ok(meta) = fs::metadata(&path) else {
            continue;
        };
        let font = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["ttf", "ttc", "otf", "otc"].contains(&e.to_ascii_lowercase().as_str())
        });
        if meta.is_dir() {
            font_files(&path, seen, out);
        } else if meta.is_file() && font {
            out.push(path);
        }
    }
}

/// The faces of one font file and how many of its faces failed to parse,
/// or why the whole file is refused.
fn faces_in(path: &Path) -> Result<(Vec<(FontPath, FontInfo)>, usize), String> {
    let size = fs::metadata(path)
        .map_err(|e| format!("cannot read it ({e})"))?
        .len();
    if size > MAX_FONT_BYTES {
        return Err(format!(
            "it is {} MiB, and brief reads font files of at most {} MiB",
            size >> 20,
            MAX_FONT_BYTES >> 20
        ));
    }
    let data = fs::read(path).map_err(|e| format!("cannot read it ({e})"))?;
    let count = face_count(&data)?;
    let collection = data.starts_with(b"ttcf");
    let mut budget = MAX_CMAP_WORK_PER_FILE;
    let mut faces = Vec::new();
    let mut broken = 0;
    for index in 0..count {
        let work = cmap_work(&data, index, collection, MAX_CMAP_WORK_PER_FACE.min(budget));
        if work > MAX_CMAP_WORK_PER_FACE.min(budget) {
            return Err(format!(
                "the character maps of face {index} are larger than any real font's (damaged or crafted)"
            ));
        }
        budget -= work;
        match FontInfo::new(&data, index) {
            Some(info) => faces.push((
                FontPath {
                    path: path.to_path_buf(),
                    index,
                },
                info,
            )),
            None => broken += 1,
        }
    }
    if faces.is_empty() {
        return Err("it holds no font face Typst can read (damaged, or not a font)".into());
    }
    Ok((faces, broken))
}

/// How many faces the file holds: 1, or a collection's count if its
/// header can be true. Each face needs a 4-byte offset in the header and
/// at least a 12-byte table directory of its own.
fn face_count(data: &[u8]) -> Result<u32, String> {
    if !data.starts_with(b"ttcf") {
        return Ok(1);
    }
    let claimed = be32(data, 8).ok_or("it is a font collection whose header is cut short")?;
    let room = (data.len() as u64).saturating_sub(12) / 16;
    if claimed == 0 || u64::from(claimed) > room {
        return Err(format!(
            "it is a font collection claiming {claimed} faces, which its {} bytes cannot hold",
            data.len()
        ));
    }
    if claimed > MAX_FACES {
        return Err(format!(
            "it is a font collection of {claimed} faces; brief reads at most {MAX_FACES}"
        ));
    }
    Ok(claimed)
}

/// The work Typst would do listing face `index`'s characters: ranges in
/// the character maps plus the characters they claim, counted without
/// listing them and stopping once past `limit`. Parts that are cut short
/// count only as far as they go (the parser skips what is missing).
fn cmap_work(data: &[u8], index: u32, collection: bool, limit: u64) -> u64 {
    let be16 = |at: usize| {
        data.get(at..at + 2)
            .map(|b| u64::from(u16::from_be_bytes([b[0], b[1]])))
    };
    let face = if collection {
        match be32(data, 12 + 4 * index as usize) {
            Some(offset) => offset as usize,
            None => return 0,
        }
    } else {
        0
    };
    let Some(tables) = be16(face + 4) else {
        return 0;
    };
    let cmap = (0..tables as usize).find_map(|i| {
        let record = face + 12 + 16 * i;
        (data.get(record..record + 4)? == b"cmap").then(|| be32(data, record + 8))?
    });
    let Some(cmap) = cmap.map(|c| c as usize) else {
        return 0;
    };
    let Some(subtables) = be16(cmap + 2) else {
        return 0;
    };
    let mut work = 0u64;
    for i in 0..subtables as usize {
        let Some(at) = be32(data, cmap + 4 + 8 * i + 4).map(|o| cmap + o as usize) else {
            break;
        };
        work += 1;
        match be16(at) {
            Some(4) => {
                let Some(seg_x2) = be16(at + 6).map(|s| s as usize) else {
                    continue;
                };
                for s in 0..seg_x2 / 2 {
                    let (Some(end), Some(start)) =
                        (be16(at + 14 + 2 * s), be16(at + 16 + seg_x2 + 2 * s))
                    else {
                        break;
                    };
                    work += 1 + (end + 1).saturating_sub(start);
                    if work > limit {
                        return work;
                    }
                }
            }
            Some(12 | 13) => {
                let Some(groups) = be32(data, at + 12) else {
                    continue;
                };
                for g in 0..groups as usize {
                    let p = at + 16 + 12 * g;
                    let (Some(start), Some(end)) = (be32(data, p), be32(data, p + 4)) else {
                        break;
                    };
                    work += 1 + (u64::from(end) + 1).saturating_sub(u64::from(start));
                    if work > limit {
                        return work;
                    }
                }
            }
            _ => {}
        }
        if work > limit {
            return work;
        }
    }
    work
}

fn be32(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

impl fmt::Debug for Fonts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fonts")
            .field("faces", &self.len())
            .field("extra_dirs", &self.extra_dirs)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collection_headers_must_fit_their_file() {
        let header = |n: u32, len: usize| {
            let mut d = b"ttcf\x00\x01\x00\x00".to_vec();
            d.extend_from_slice(&n.to_be_bytes());
            d.resize(len, 0);
            d
        };
        assert_eq!(
            face_count(&header(u32::MAX, 12)),
            Err(
                "it is a font collection claiming 4294967295 faces, which its 12 bytes cannot hold"
                    .into()
            )
        );
        assert!(face_count(&header(0, 100)).is_err());
        assert!(face_count(b"ttcf\x00\x01").is_err());
        assert_eq!(face_count(&header(2, 12 + 2 * 16)), Ok(2));
        assert!(face_count(&header(3, 12 + 2 * 16)).is_err());
        assert!(face_count(&header(MAX_FACES + 1, 12 + 16 * 2000)).is_err());
        assert_eq!(face_count(b"\x00\x01\x00\x00 any single font"), Ok(1));
        // Offsets past the data count nothing rather than panic.
        assert_eq!(cmap_work(&header(2, 44), 1, true, 100), 0);
        assert_eq!(cmap_work(&[], 0, false, 100), 0);
    }
}

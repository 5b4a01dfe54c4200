//! The fonts every PDF of a run is typeset with, loaded once per process.
//!
//! Scanning the system and parsing the embedded fonts costs tens of
//! milliseconds, far more than compiling a brief, so a build (or a long-running
//! watch) loads them once and shares them between all compilations. Font data
//! itself is read lazily, when Typst first asks for a face.

use std::fmt;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use typst::text::{Font, FontBook, FontFlags, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

/// Typst's embedded fonts, the system's fonts and any `--font-path` directories,
/// with the metadata ([`FontBook`]) Typst selects faces from.
pub struct Fonts {
    store: FontStore,
    /// The directories given on the command line, in order; the cache key.
    extra_dirs: Vec<PathBuf>,
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
    pub fn load(extra_dirs: &[PathBuf]) -> Arc<Fonts> {
        let mut loaded = LOADED.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(fonts) = loaded.iter().find(|f| f.extra_dirs == extra_dirs) {
            return Arc::clone(fonts);
        }
        let fonts = Arc::new(Fonts::scan(extra_dirs));
        loaded.push(Arc::clone(&fonts));
        fonts
    }

    /// Scans without the cache (tests time this).
    pub(super) fn scan(extra_dirs: &[PathBuf]) -> Fonts {
        let mut store = FontStore::new();
        for dir in extra_dirs {
            store.extend(typst_kit::fonts::scan(dir).filter(|(_, info)| usable(info)));
        }
        store.extend(typst_kit::fonts::system().filter(|(_, info)| usable(info)));
        store.extend(typst_kit::fonts::embedded());
        Fonts {
            store,
            extra_dirs: extra_dirs.to_vec(),
        }
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

    /// How many faces are known (for logs and tests).
    pub fn len(&self) -> usize {
        self.book().families().map(|(_, ids)| ids.count()).sum()
    }

    /// Whether no face at all was found (Typst's embedded fonts make this unlikely).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
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

impl fmt::Debug for Fonts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fonts")
            .field("faces", &self.len())
            .field("extra_dirs", &self.extra_dirs)
            .finish_non_exhaustive()
    }
}

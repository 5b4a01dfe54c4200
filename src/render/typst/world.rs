//! The Typst `World` of one compilation: the sandboxed files, the shared
//! fonts, the shared standard library and a pinned date.
//!
//! Creating one is cheap (a few hash-map inserts), so each job gets its own;
//! everything expensive (fonts, the standard library, Typst's memoised
//! results) lives for the whole process. Modelled on typst-cli's `world.rs`,
//! minus the host file system, packages and the clock.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::files::Files;
use crate::diag::Diagnostic;
use crate::render::fonts::Fonts;

/// Typst's standard library, built once: it does not depend on the job
/// (no `sys.inputs`), and building it per compilation would cost time and
/// defeat Typst's cache, which is keyed by its hash.
static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(Library::builder().build()));

/// The world one job is compiled in.
#[derive(Debug)]
pub(super) struct BriefWorld<'a> {
    fonts: &'a Fonts,
    files: Files,
    /// What `datetime.today()` returns, whatever the offset asked for.
    today: Option<Datetime>,
    /// Parsed sources, so every request during one compilation sees the same one.
    sources: Mutex<HashMap<FileId, FileResult<Source>>>,
    /// Raw files, so a template is read from disk once per compilation.
    bytes: Mutex<HashMap<FileId, FileResult<Bytes>>>,
}

impl<'a> BriefWorld<'a> {
    pub(super) fn new(
        fonts: &'a Fonts,
        main: &str,
        generated: &[(String, Vec<u8>)],
        templates: &std::path::Path,
        date: NaiveDate,
    ) -> Result<Self, Diagnostic> {
        Ok(BriefWorld {
            fonts,
            files: Files::new(main, generated, templates)?,
            today: typst_date(date),
            sources: Mutex::default(),
            bytes: Mutex::default(),
        })
    }

    /// The file as the user knows it, for diagnostics.
    pub(super) fn display(&self, id: FileId) -> std::path::PathBuf {
        self.files.display(id)
    }
}

/// `date` as a Typst date (no time of day).
pub(super) fn typst_date(date: NaiveDate) -> Option<Datetime> {
    Datetime::from_ymd(
        date.year(),
        u8::try_from(date.month()).ok()?,
        u8::try_from(date.day()).ok()?,
    )
}

impl World for BriefWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.files.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let mut sources = self.sources.lock().unwrap_or_else(PoisonError::into_inner);
        sources
            .entry(id)
            .or_insert_with(|| {
                let bytes = self.file(id)?;
                let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
                let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                Ok(Source::new(id, text.to_owned()))
            })
            .clone()
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let mut bytes = self.bytes.lock().unwrap_or_else(PoisonError::into_inner);
        bytes
            .entry(id)
            .or_insert_with(|| self.files.load(id))
            .clone()
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    /// The job's date: output depends on the inputs only, never on the clock.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

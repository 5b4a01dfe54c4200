//! The one interface every output format implements, and the list of them.
//!
//! A format turns one audience's resolved [`Brief`] (plus what the whole
//! build shares: fonts, the template, the chart style) into the files of
//! that format. The build engine knows formats only through
//! [`super::FORMATS`]:
//! the manifest, incremental builds, editions, provenance checks and the
//! clean-up of files no longer built work on the files a format returns,
//! whatever it is. Adding a format is a folder under `render/` with a type
//! implementing [`Format`], and one line in [`super::FORMATS`].

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use typst_pdf::PdfStandard;

use super::chart_style::ChartStyle;
use super::fonts::Fonts;
use super::template::Template;
use crate::brief::Brief;
use crate::diag::Diagnostic;

/// An output format.
pub trait Format: Sync + std::fmt::Debug {
    /// Its short name: the file extension it writes, and the word a
    /// command line or a spec selects it by.
    fn name(&self) -> &'static str;

    /// What it is called in messages ("the PDF failed").
    fn label(&self) -> &'static str;

    /// Whether an analyst selects it by name (`--format`, `formats:`).
    /// Formats that only come with another are not: the chart SVGs with
    /// the Markdown that links them, the Typst source with `--emit typst`.
    fn selectable(&self) -> bool {
        true
    }

    /// Whether it typesets, so the build loads fonts (once) before it runs.
    fn needs_fonts(&self) -> bool {
        false
    }

    /// The files of this format for one output. An error means the output
    /// is not written at all (no format's files), so the files on disk of
    /// one output always come from the same build.
    fn render(&self, input: &Input) -> Result<Rendered, Vec<Diagnostic>>;
}

/// What a format made for one output.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Each file's path (beside the output's Markdown path, see
    /// [`Input::path`]) and bytes.
    pub files: Vec<(PathBuf, Vec<u8>)>,
    /// Problems that did not stop it (a character no font draws).
    pub warnings: Vec<Diagnostic>,
    /// How long its phases took, for `BRIEF_TIMINGS`.
    pub timings: Vec<(&'static str, Duration)>,
}

/// What the build shares between every output it renders.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    /// Loaded once per process; `None` when no selected format needs fonts.
    pub fonts: Option<Arc<Fonts>>,
    /// `--pdf-standard`.
    pub pdf_standard: Option<PdfStandard>,
}

/// One output to render: one audience's brief and the build's shared
/// resources. What more than one format needs (the chart SVGs, which the
/// Markdown links and the PDF embeds) is made once, on first use, and kept
/// here.
#[derive(Debug)]
pub struct Input<'a> {
    pub brief: &'a Brief,
    /// The output's Markdown path, inside the output directory. It names
    /// the output; each format's files sit beside it with their own
    /// extension, or below it (`charts/<audience>/…`).
    pub path: &'a Path,
    /// The PDF's keywords: the tags of the documents the brief cites.
    pub keywords: &'a [String],
    pub template: &'a Template,
    pub chart_style: &'a ChartStyle,
    pub resources: &'a Resources,
    /// The names of the formats this build writes, so one can defer to
    /// another: the Typst source written is the one the PDF was made from
    /// when both are written.
    pub formats: &'a [&'static str],
    charts: OnceLock<Vec<(String, String)>>,
}

impl<'a> Input<'a> {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        brief: &'a Brief,
        path: &'a Path,
        keywords: &'a [String],
        template: &'a Template,
        chart_style: &'a ChartStyle,
        resources: &'a Resources,
        formats: &'a [&'static str],
    ) -> Self {
        Input {
            brief,
            path,
            keywords,
            template,
            chart_style,
            resources,
            formats,
            charts: OnceLock::new(),
        }
    }

    /// Whether this build writes the format `name`.
    pub fn writes(&self, name: &str) -> bool {
        self.formats.contains(&name)
    }

    /// Each chart's SVG: its path relative to the Markdown, and its text,
    /// made by `draw` (`render::chart::files`) the first time a format asks.
    /// The drawing is passed in, not named here, so this interface stays
    /// below the formats that implement it.
    pub fn charts(
        &self,
        draw: fn(&Brief, &ChartStyle) -> Vec<(String, String)>,
    ) -> &[(String, String)] {
        self.charts
            .get_or_init(|| draw(self.brief, self.chart_style))
    }

    /// The output's path with another extension.
    pub fn beside(&self, extension: &str) -> PathBuf {
        self.path.with_extension(extension)
    }
}

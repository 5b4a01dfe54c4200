//! One compilation: Typst source and generated files in, PDF bytes out.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use typst::diag::Warned;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::diagnostics::convert;
use super::world::{BriefWorld, typst_date};
use crate::diag::Diagnostic;
use crate::render::fonts::Fonts;

/// What to compile.
#[derive(Debug, Clone)]
pub struct Job {
    /// Typst source of the entry file, served at `/main.typ`.
    pub main: String,
    /// Generated files at absolute virtual paths, e.g. `("/brief.json", bytes)`.
    pub files: Vec<(String, Vec<u8>)>,
    /// The project's templates directory, served at `/templates/…`; shown in
    /// diagnostics as given here (so pass it relative to the project).
    pub templates: PathBuf,
    /// `datetime.today()` inside Typst and the PDF's creation date: the same
    /// job gives byte-identical PDFs.
    pub date: NaiveDate,
    /// A PDF standard to conform to (`--pdf-standard`), if any.
    pub standard: Option<PdfStandard>,
}

/// A typeset PDF.
#[derive(Debug, Clone)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
    /// Typst's warnings (an unknown font family, say); the PDF is still valid.
    pub warnings: Vec<Diagnostic>,
    /// Wall time of each phase, for `--timings` and benchmarks.
    pub timings: Timings,
}

/// How long the two phases of a compilation took.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    /// Evaluating and laying out the document.
    pub compile: Duration,
    /// Writing the PDF.
    pub export: Duration,
}

/// Typesets `job` with the shared `fonts`.
///
/// Errors come back with any warnings after them. Typst memoises work across
/// calls in a process-wide cache; a long-running process should call
/// [`evict_cache`] between rounds.
pub fn compile(fonts: &Fonts, job: &Job) -> Result<Pdf, Vec<Diagnostic>> {
    export(fonts, job, lay_out(fonts, job)?)
}

/// A brief laid out in pages, not yet written as PDF: what placement
/// measures before deciding whether to lay it out again.
#[derive(Debug)]
pub struct Laid {
    pub document: PagedDocument,
    pub warnings: Vec<Diagnostic>,
    pub compile: Duration,
}

/// Lays out `job` (evaluation and layout, no PDF yet).
pub fn lay_out(fonts: &Fonts, job: &Job) -> Result<Laid, Vec<Diagnostic>> {
    let world = BriefWorld::new(fonts, &job.main, &job.files, &job.templates, job.date)
        .map_err(|d| vec![d])?;
    let start = Instant::now();
    let Warned { output, warnings } = typst::compile::<PagedDocument>(&world);
    let warnings = convert(&world, &warnings);
    match output {
        Ok(document) => Ok(Laid {
            document,
            warnings,
            compile: start.elapsed(),
        }),
        Err(errors) => {
            let mut all = convert(&world, &errors);
            all.extend(warnings);
            Err(all)
        }
    }
}

/// Writes a laid-out `job` as PDF.
pub fn export(fonts: &Fonts, job: &Job, laid: Laid) -> Result<Pdf, Vec<Diagnostic>> {
    let options = pdf_options(job).map_err(|d| vec![d])?;
    let start = Instant::now();
    let bytes = typst_pdf::pdf(&laid.document, &options).map_err(|errors| {
        // Export errors point into the sources: a world to name them.
        let mut all = match BriefWorld::new(fonts, &job.main, &job.files, &job.templates, job.date)
        {
            Ok(world) => convert(&world, &errors),
            Err(d) => vec![d],
        };
        all.extend(laid.warnings.iter().cloned());
        all
    })?;
    Ok(Pdf {
        bytes,
        pages: laid.document.pages().len(),
        warnings: laid.warnings,
        timings: Timings {
            compile: laid.compile,
            export: start.elapsed(),
        },
    })
}

/// Drops Typst's memoised results not used in the last `max_age` evictions
/// (0 clears everything). Typst's cache is global to the process and grows
/// with every distinct input, so a watch loop calls this after each build,
/// as `typst watch` does with 10.
pub fn evict_cache(max_age: usize) {
    typst::comemo::evict(max_age);
}

/// Export settings that depend only on the job, so output is reproducible:
/// the creation date is the job's date at midnight UTC, and the document id is
/// derived from the entry source instead of from random or clock state.
fn pdf_options(job: &Job) -> Result<PdfOptions, Diagnostic> {
    let standards = match job.standard {
        None => PdfStandards::default(),
        Some(standard) => PdfStandards::new(&[standard]).map_err(|err| {
            let mut diag = Diagnostic::error(err.message().as_str());
            for hint in err.hints() {
                diag = diag.hint(hint.as_str());
            }
            diag
        })?,
    };
    let midnight = typst_date(job.date)
        .and_then(|d| Datetime::from_ymd_hms(d.year()?, d.month()?, d.day()?, 0, 0, 0));
    Ok(PdfOptions {
        ident: Smart::Custom(format!("{:032x}", typst::utils::hash128(&job.main))),
        timestamp: midnight.map(Timestamp::new_utc),
        standards,
        tagged: true,
        ..PdfOptions::default()
    })
}

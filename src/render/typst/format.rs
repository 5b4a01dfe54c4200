//! The PDF and its Typst source as [`Format`]s.
//!
//! The source written beside a PDF (`--emit typst`) is the one the PDF was
//! made from, in the order placement chose, so the PDF writes both; the
//! Typst source format on its own (no PDF) writes the spec's order.

use std::time::Duration;

use crate::diag::Diagnostic;
use crate::render::format::{Format, Input, Rendered};

use super::{pdf, source};

/// The typeset PDF.
#[derive(Debug)]
pub struct PdfFormat;

/// The Typst source (`--emit typst`).
#[derive(Debug)]
pub struct TypstFormat;

impl Format for PdfFormat {
    fn name(&self) -> &'static str {
        "pdf"
    }

    fn label(&self) -> &'static str {
        "PDF"
    }

    fn needs_fonts(&self) -> bool {
        true
    }

    fn render(&self, input: &Input) -> Result<Rendered, Vec<Diagnostic>> {
        let Some(fonts) = &input.resources.fonts else {
            return Err(vec![Diagnostic::error(
                "internal error: the PDF was asked for without fonts",
            )]);
        };
        let typeset = pdf::typeset(
            input.brief,
            input.keywords,
            input.charts(crate::render::chart::files),
            input.template,
            fonts,
            input.resources.pdf_standard,
        )?;
        let mut files = Vec::new();
        if input.writes(TypstFormat.name()) {
            files.push((input.beside("typ"), typeset.main.into_bytes()));
        }
        files.push((input.beside("pdf"), typeset.pdf.bytes));
        let t = typeset.pdf.timings;
        let timings: Vec<(&'static str, Duration)> =
            vec![("typst compile", t.compile), ("export", t.export)];
        Ok(Rendered {
            files,
            warnings: typeset.warnings,
            timings,
        })
    }
}

impl Format for TypstFormat {
    fn name(&self) -> &'static str {
        "typ"
    }

    fn selectable(&self) -> bool {
        false
    }

    fn label(&self) -> &'static str {
        "Typst source"
    }

    fn render(&self, input: &Input) -> Result<Rendered, Vec<Diagnostic>> {
        if input.writes(PdfFormat.name()) {
            // Written with the PDF, from the source it was made from.
            return Ok(Rendered::default());
        }
        let main = source::main_file(input.brief, &input.template.import, input.keywords);
        Ok(Rendered {
            files: vec![(input.beside("typ"), main.into_bytes())],
            ..Rendered::default()
        })
    }
}

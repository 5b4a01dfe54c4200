//! A brief typeset as PDF: the generated source, the template, the font
//! coverage check, then the embedded engine.

use super::Pdf;
use super::placement::{self, Order};
use super::{Fonts, Job, PdfStandard, export, lay_out, missing_glyphs, source};
use crate::brief::Brief;
use crate::diag::Diagnostic;
use crate::render::template::{BUILTIN_TEMPLATE, Template};

/// A typeset brief and the warnings met on the way.
#[derive(Debug)]
pub struct Typeset {
    pub pdf: Pdf,
    /// Characters no font covers, and Typst's own warnings.
    pub warnings: Vec<Diagnostic>,
    /// The Typst source the PDF was made from (`--emit typst`): the spec's
    /// order, or the order placement chose.
    pub main: String,
}

/// Typesets `brief` with the template; `charts` are its charts' SVG files
/// (path beside the Markdown, text), each served at [`source::chart_path`].
///
/// The brief is laid out in the spec's order; where that leaves a page
/// more than a sixth empty because a chart or table moved on, it is laid
/// out again with that chart or table after the text that follows
/// ([`placement`]), as long as each move shrinks the gap.
pub fn typeset(
    brief: &Brief,
    keywords: &[String],
    charts: &[(String, String)],
    template: &Template,
    fonts: &Fonts,
    standard: Option<PdfStandard>,
) -> Result<Typeset, Vec<Diagnostic>> {
    let mut warnings = Vec::new();
    if let Some(warning) = coverage_warning(&source::visible_text(brief), fonts) {
        warnings.push(warning);
    }
    let mut files = Vec::new();
    if template.builtin {
        files.push((
            "/templates/brief.typ".to_string(),
            BUILTIN_TEMPLATE.as_bytes().to_vec(),
        ));
    }
    for (name, svg) in charts {
        files.push((source::chart_path(name), svg.as_bytes().to_vec()));
    }
    let job = |main: String| Job {
        main,
        files: files.clone(),
        templates: template.dir.clone(),
        date: brief.date,
        standard,
    };

    let reading = Order::reading(brief);
    let generated = source::main_file_in(brief, &template.import, keywords, &reading);
    let first_notes = generated.notes.clone();
    let mut current = (job(generated.text), reading);
    let mut laid = lay_out(fonts, &current.0)?;
    let mut spent = laid.compile;
    for _ in 0..placement::MAX_MOVES {
        let Some((page, order)) = placement::improve(&laid.document, brief, &current.1) else {
            break;
        };
        let generated = source::main_file_in(brief, &template.import, keywords, &order);
        if !placement::notes_agree(brief, &first_notes, &generated.notes) {
            break;
        }
        let next = job(generated.text);
        let moved = lay_out(fonts, &next)?;
        spent += moved.compile;
        if !placement::better(&laid.document, &moved.document, page) {
            break;
        }
        (current, laid) = ((next, order), moved);
    }
    laid.compile = spent;
    let pdf = export(fonts, &current.0, laid)?;
    warnings.extend(pdf.warnings.iter().cloned());
    Ok(Typeset {
        pdf,
        warnings,
        main: current.0.main,
    })
}

/// Typst draws a character no font has as an empty box, silently; say so
/// before that happens, with the characters and the fix.
fn coverage_warning(text: &str, fonts: &Fonts) -> Option<Diagnostic> {
    let missing = missing_glyphs(fonts, text, &[]);
    if missing.is_empty() {
        return None;
    }
    let shown: Vec<String> = missing
        .iter()
        .take(12)
        .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
        .collect();
    let more = match missing.len().saturating_sub(12) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let cjk = missing.iter().any(|&c| crate::text::is_cjk(c));
    let mut diag = Diagnostic::warning(format!(
        "no font can draw {} character{} of this brief: {}{more}; the PDF would show empty boxes",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" },
        shown.join(", ")
    ));
    if cjk {
        diag = diag.hint(
            "install a CJK font: `apt-get install fonts-noto-cjk` (Debian/Ubuntu), or pass --font-path DIR",
        );
    } else {
        diag = diag.hint("install a font that covers them, or pass --font-path DIR");
    }
    Some(diag)
}

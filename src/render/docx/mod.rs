//! Word: one `.docx` per output, `<audience>.docx` beside the Markdown,
//! written as WordprocessingML text (no docx library: the one most used
//! numbers footnotes from a process-wide counter, and the parts are simple
//! enough to write and check ourselves).
//!
//! The notes are Word's own footnotes (`footnotes.rs`, referenced from the
//! body by `marks.rs`), numbered by Word in the brief's order. The look is
//! named styles (`styles.rs`: Title, Heading 1–3, Quote, caption, footnote
//! text, a table style) that a house `templates/reference.docx`
//! (`reference.rs`) replaces, as pandoc's `--reference-doc` does. Charts are
//! pictures drawn from the same SVG as the other formats (`image.rs`) with
//! their points also as a table. Corpus and spec text reaches the XML only
//! through `xml::escape`; the analyst's Markdown is converted event by event
//! (`prose.rs`). The package (`package.rs`) is zipped with fixed dates and
//! order (`zip.rs`), so the same brief gives the same bytes.

mod body;
mod document;
mod excerpt;
mod footnotes;
mod format;
mod image;
mod marks;
mod numbering;
mod package;
mod prose;
mod reference;
mod rels;
mod runs;
mod styles;
mod xml;
mod zip;

use crate::brief::{Brief, Chart};

pub use format::DocxFormat;
pub use image::Png;
pub use reference::{NAME as REFERENCE_NAME, Reference, find as find_reference};

/// The `.docx` of `brief`: `png(chart)` draws a chart (or gives `None`,
/// and the chart is its caption and table alone), `reference` restyles.
pub fn render(
    brief: &Brief,
    keywords: &[String],
    png: &mut dyn FnMut(&Chart) -> Option<Png>,
    reference: Option<&Reference>,
) -> Vec<u8> {
    let body = document::write(brief, png);
    let (footnotes, footnote_rels) = footnotes::xml(&brief.notes, &body.analyst, body.analyst_base);
    package::zip(package::Parts {
        brief,
        keywords,
        body,
        footnotes,
        footnote_rels,
        reference,
    })
}

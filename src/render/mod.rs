//! Stage 5: renderers. Each reads the same [`crate::brief::Brief`].

pub mod chart;
pub mod chart_style;
pub mod cjk;
pub mod docx;
pub mod escape;
pub mod font_cache;
pub mod fonts;
pub mod format;
pub mod html;
pub mod markdown;
pub mod prose_refs;
pub mod template;
pub mod typst;

use format::Format;

/// Every format brief can write, in the order their files are written: a
/// format's files may refer to those of formats before it (the Markdown
/// links the chart SVGs), so a reader never meets a link to a file not yet
/// there. Here, above the formats, so the interface they implement
/// (`format.rs`) names none of them.
pub static FORMATS: &[&dyn Format] = &[
    &chart::SvgFormat,
    &markdown::MarkdownFormat,
    &html::HtmlFormat,
    &docx::DocxFormat,
    &typst::TypstFormat,
    &typst::PdfFormat,
];

/// The names an analyst selects formats by (`--format`, `formats:`), in
/// the registry's order.
pub fn selectable() -> impl Iterator<Item = &'static str> {
    FORMATS.iter().filter(|f| f.selectable()).map(|f| f.name())
}

/// The format named `name` (as in `--format`).
pub fn find(name: &str) -> Option<&'static dyn Format> {
    FORMATS.iter().copied().find(|f| f.name() == name)
}

/// A chart's one source line: the short citation of each document its
/// points come from, once each, in the order of the points. The points keep
/// their own note marks (each with its paragraph); the line says whose
/// numbers the picture shows without repeating it beside every point. Like a
/// credit line it takes no closing period (which would have to go inside or
/// outside a closing quotation mark as the style's locale says).
pub fn chart_sources(
    chart: &crate::brief::Chart,
    notes: &[crate::brief::Note],
) -> Vec<crate::cite::Rich> {
    let mut docs: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for p in &chart.points {
        let Some(note) = crate::brief::note(notes, p.note) else {
            continue;
        };
        if !docs.contains(&note.doc.as_str()) {
            docs.push(&note.doc);
            out.push(note.short.clone());
        }
    }
    out
}

//! Stage 5: renderers. Each reads the same [`crate::brief::Brief`].

pub mod chart;
pub mod escape;
pub mod format;
pub mod html;
pub mod markdown;
pub mod typst;

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

//! Typst's errors and warnings as the project's [`Diagnostic`]s.
//!
//! A template author needs the file they edit (`templates/brief.typ`, not a
//! virtual path), the line and column, Typst's own message and hints, and,
//! for an error inside a template function, where in the generated
//! `main.typ` that function was called from.

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst::syntax::DiagSpan;

use super::world::BriefWorld;
use crate::diag::Diagnostic;

/// Converts every diagnostic, keeping Typst's order.
///
/// Hints about the `typst` CLI's `--root` flag are dropped: brief has no such
/// flag, and its sandbox is fixed on purpose.
pub(super) fn convert(world: &BriefWorld<'_>, diagnostics: &[SourceDiagnostic]) -> Vec<Diagnostic> {
    diagnostics.iter().map(|d| convert_one(world, d)).collect()
}

fn convert_one(world: &BriefWorld<'_>, source: &SourceDiagnostic) -> Diagnostic {
    let mut diag = match source.severity {
        Severity::Error => Diagnostic::error(source.message.as_str()),
        Severity::Warning => Diagnostic::warning(source.message.as_str()),
    };
    if let Some(id) = source.span.id() {
        diag = diag.in_file(world.display(id));
        if let Some((text, offset)) = locate(world, source.span) {
            diag = diag.at_offset(&text, offset);
        }
    }
    for hint in source.hints.iter().filter(|h| !h.v.contains("`--root`")) {
        diag = match where_is(world, hint.span) {
            Some(place) => diag.hint(format!("{} (at {place})", hint.v)),
            None => diag.hint(hint.v.as_str()),
        };
    }
    for point in &source.trace {
        if let Some(place) = where_is(world, point.span.into()) {
            diag = diag.hint(format!("{} at {place}", point.v));
        }
    }
    diag
}

/// The text of the file a span points into and the byte offset it starts at.
fn locate(world: &BriefWorld<'_>, span: DiagSpan) -> Option<(String, usize)> {
    let id = span.id()?;
    let range = world.range(span)?;
    let text = match world.source(id) {
        Ok(source) => source.text().to_owned(),
        // A span into a data file (a JSON syntax error, say).
        Err(_) => String::from_utf8_lossy(&world.file(id).ok()?).into_owned(),
    };
    Some((text, range.start))
}

/// `file:line:column` of a span, if it points into a file.
fn where_is(world: &BriefWorld<'_>, span: DiagSpan) -> Option<String> {
    let id = span.id()?;
    let (text, offset) = locate(world, span)?;
    let (line, column) = crate::diag::line_column(&text, offset);
    Some(format!("{}:{line}:{column}", world.display(id).display()))
}

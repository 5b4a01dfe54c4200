//! The analyst's prose as every renderer hands it to the Markdown parser:
//! each `{{kind:ID}}` reference replaced by a marker that the parser reads
//! as plain text, so the renderer can put the corpus item (escaped its own
//! way) back where the marker lands. The same markers and parser options
//! for every format, so a reference that one format shows another does too.

use pulldown_cmark::Options;

use crate::brief::Prose;

/// Marks a reference's place. Private-use characters cannot be typed by
/// accident, and Markdown treats them as text.
pub const OPEN: char = '\u{F8F0}';
pub const CLOSE: char = '\u{F8F1}';

/// The Markdown extensions the analyst's prose is read with.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH
}

/// The prose with reference `i` written as `OPEN i CLOSE`.
pub fn mark_refs(prose: &Prose) -> String {
    let mut out = String::with_capacity(prose.markdown.len());
    let mut pos = 0;
    for (i, r) in prose.refs.iter().enumerate() {
        out.push_str(&prose.markdown[pos..r.range.start]);
        out.push(OPEN);
        out.push_str(&i.to_string());
        out.push(CLOSE);
        pos = r.range.end;
    }
    out.push_str(&prose.markdown[pos..]);
    out
}

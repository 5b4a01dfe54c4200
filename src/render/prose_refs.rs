//! The analyst's prose as every renderer hands it to the Markdown parser:
//! each `{{kind:ID}}` reference replaced by a marker that the parser reads
//! as plain text, so the renderer can put the corpus item (escaped its own
//! way) back where the marker lands. The same markers and parser options
//! for every format, so a reference that one format shows another does too.

use pulldown_cmark::Options;

use crate::brief::{InlineRef, Prose};

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

/// A piece of a text event of the marked prose: text as written, or the
/// reference a whole marker stands for.
#[derive(Debug)]
pub enum Piece<'a> {
    Text(&'a str),
    Ref(&'a InlineRef),
}

/// The pieces of `text`, a text event of [`mark_refs`]'s prose as the
/// parser gives it. A marker the parser split (an opening without its
/// close) or whose number names no reference of `prose` gives nothing.
pub fn pieces<'a>(text: &'a str, prose: &'a Prose) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(OPEN) {
        out.push(Piece::Text(&rest[..open]));
        let after = &rest[open + OPEN.len_utf8()..];
        let Some(close) = after.find(CLOSE) else {
            rest = after;
            continue;
        };
        let item = after[..close]
            .parse::<usize>()
            .ok()
            .and_then(|i| prose.refs.get(i));
        out.extend(item.map(Piece::Ref));
        rest = &after[close + CLOSE.len_utf8()..];
    }
    out.push(Piece::Text(rest));
    out
}

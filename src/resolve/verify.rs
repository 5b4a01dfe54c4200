//! The last guard before output: every quoted word must be in its source.
//! Extraction builds quotes from byte spans, so this fails only on a bug;
//! but a brief that misquotes is worse than no brief, so it is checked on
//! every build rather than trusted.

use crate::corpus::Document;
use crate::extract::{Figure, Quote};

/// True when the quote's text (or each of its parts) is the body at its span.
pub fn quote_is_verbatim(doc: &Document, quote: &Quote) -> bool {
    let at = |start: usize, end: usize, text: &str| doc.body.get(start..end) == Some(text);
    if quote.parts.is_empty() {
        return at(quote.start, quote.end, &quote.text);
    }
    let joined: Vec<&str> = quote.parts.iter().map(|p| p.text.as_str()).collect();
    quote.text == joined.join(" … ") && quote.parts.iter().all(|p| at(p.start, p.end, &p.text))
}

/// True when the figure's text is the body at its span.
pub fn figure_is_verbatim(doc: &Document, figure: &Figure) -> bool {
    doc.body.get(figure.start..figure.end) == Some(figure.text.as_str())
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_file;

    fn doc_and_quote() -> (Document, Quote) {
        let text =
            "---\ntitle: T\n---\n\n“We left because nothing was left,” said Li. “It was time.”\n";
        let doc = load_file(std::path::Path::new("t.md"), text.as_bytes())
            .unwrap()
            .document;
        let ex = crate::extract::extract(&doc);
        let quote = ex.quotes.into_iter().next().expect("one quote");
        (doc, quote)
    }

    #[test]
    fn extracted_quotes_are_verbatim() {
        let (doc, quote) = doc_and_quote();
        assert_eq!(quote.parts.len(), 2, "{quote:?}");
        assert!(quote_is_verbatim(&doc, &quote));
    }

    #[test]
    fn an_altered_quote_is_caught() {
        let (doc, quote) = doc_and_quote();
        let mut changed = quote.clone();
        changed.text = changed.text.replace("left", "fled");
        assert!(!quote_is_verbatim(&doc, &changed));
        let mut moved = quote.clone();
        moved.parts[1].start += 1;
        assert!(!quote_is_verbatim(&doc, &moved));
        let mut joined = quote;
        joined.text = joined.text.replace(" … ", " ");
        assert!(!quote_is_verbatim(&doc, &joined));
    }
}

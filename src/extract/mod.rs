//! Stage 2: extraction. Pure functions of a [`Document`]: no I/O, no clock.
//! They find the sections, paragraphs, quotes and figures a brief can select,
//! each with a byte span back into the document body so it can be verified.
//!
//! Ids are `DOC/q-<first words>` for quotes and `DOC/f-<figure text>` for
//! figures (a `-2`, `-3` suffix separates repeats within one document). They
//! depend only on the document's own text, so editing or adding another
//! document never changes them, and a reader can tell what an id points at.

pub mod figures;
pub mod lower;
pub mod quotes;
pub mod sections;
mod simple_markdown;
pub mod text;
mod wordmap;

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::Document;

pub use figures::Figure;
pub use quotes::Quote;
pub use sections::{Paragraph, Section};

/// Everything extracted from one document.
#[derive(Debug, Clone, Serialize)]
pub struct Extracted {
    pub doc: String,
    pub sections: Vec<Section>,
    pub paragraphs: Vec<Paragraph>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
}

/// A paragraph as the extractors see it: its text, where it sits in the body,
/// and its sentences (byte ranges relative to `text`).
#[derive(Debug, Clone)]
pub struct Para<'a> {
    pub number: usize,
    /// Byte offset of `text` in the body.
    pub offset: usize,
    pub text: &'a str,
    /// Split on first use: most paragraphs hold no quote or figure and never need it.
    sentences: OnceCell<Vec<Range<usize>>>,
}

impl<'a> Para<'a> {
    pub fn new(number: usize, offset: usize, text: &'a str) -> Self {
        Para {
            number,
            offset,
            text,
            sentences: OnceCell::new(),
        }
    }

    /// The paragraph's sentences, as byte ranges relative to `text`.
    pub fn sentences(&self) -> &[Range<usize>] {
        self.sentences.get_or_init(|| text::sentences(self.text))
    }
}

/// Extracts sections, paragraphs, quotes and figures from one document.
pub fn extract(doc: &Document) -> Extracted {
    let (sections, paragraphs) = sections::split(&doc.body, doc.format);
    let paras: Vec<Para> = paragraphs
        .iter()
        .map(|p| {
            let text = &doc.body[p.start..p.end];
            Para::new(p.number, p.start, text)
        })
        .collect();

    let mut quotes = quotes::find(&paras);
    let mut ids = IdMaker::default();
    for q in &mut quotes {
        q.doc = doc.id.clone();
        q.id = ids.make(&doc.id, "q", &q.text, 5);
    }
    let mut figures: Vec<Figure> = paras.iter().flat_map(figures::find).collect();
    for f in &mut figures {
        f.doc = doc.id.clone();
        f.id = ids.make(&doc.id, "f", &f.text, 6);
    }
    Extracted {
        doc: doc.id.clone(),
        sections,
        paragraphs,
        quotes,
        figures,
    }
}

/// Extracts every document, in parallel; the result is in document order.
pub fn extract_all(docs: &[Document]) -> Vec<Extracted> {
    docs.par_iter().map(extract).collect()
}

/// Readable ids, made unique within a document by numbering repeats.
#[derive(Default)]
struct IdMaker {
    used: HashSet<String>,
    /// The next suffix to try for a base that is taken. Starting again from
    /// the count of repeats made k copies of one text cost k² tries when
    /// other texts had taken the numbered ids ("go home 2", "go home 3", …,
    /// then "go home" many times). Every smaller suffix has been tried and
    /// found taken, so the ids are the same.
    next: HashMap<String, usize>,
    /// Numbered ids tried, for the test that holds the tries linear.
    #[cfg(test)]
    tries: usize,
}

impl IdMaker {
    fn make(&mut self, doc: &str, kind: &str, text: &str, words: usize) -> String {
        let mut base = String::with_capacity(doc.len() + kind.len() + 48);
        base.push_str(doc);
        base.push('/');
        base.push_str(kind);
        base.push('-');
        let prefix = base.len();
        text::slug_into(&mut base, text, words);
        if base.len() == prefix {
            base.push('x');
        }
        if self.used.insert(base.clone()) {
            return base;
        }
        // "we will go home" twice and then "we will go home 2" would all
        // want `…-home-2`; a numbered id is counted as used, and numbering
        // goes on until it names nothing else. An id splits into base and
        // number one way only (at its last `-`), so each taken id is tried
        // at most once: the tries of a whole document are linear.
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            #[cfg(test)]
            {
                self.tries += 1;
            }
            if self.used.insert(id.clone()) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numbered_repeat_never_takes_another_quotes_id() {
        let mut ids = IdMaker::default();
        let made: Vec<String> = ["We go home", "We go home", "We go home 2", "We go home"]
            .iter()
            .map(|t| ids.make("d", "q", t, 5))
            .collect();
        assert_eq!(
            made,
            [
                "d/q-we-go-home",
                "d/q-we-go-home-2",
                "d/q-we-go-home-2-2",
                "d/q-we-go-home-3"
            ]
        );
    }

    #[test]
    fn numbering_repeats_tries_each_taken_id_once() {
        // "go home 2" … "go home 1001" take the numbered ids first; then each
        // repeat of "go home" must not try them all again.
        let mut ids = IdMaker::default();
        let k = 1000;
        for i in 2..k + 2 {
            ids.make("d", "q", &format!("go home {i}"), 5);
        }
        let repeats: Vec<String> = (0..k).map(|_| ids.make("d", "q", "go home", 5)).collect();
        assert_eq!(repeats[0], "d/q-go-home");
        assert_eq!(repeats[1], format!("d/q-go-home-{}", k + 2));
        assert_eq!(repeats[k - 1], format!("d/q-go-home-{}", 2 * k));
        assert!(ids.tries <= 2 * k, "{} tries for {k} repeats", ids.tries);
    }
}

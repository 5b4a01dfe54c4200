//! Stage 2: extraction. Pure functions of a [`Document`]: no I/O, no clock.
//! They find the sections, paragraphs, quotes and figures a brief can select,
//! each with a byte span back into the document body so it can be verified.
//!
//! Ids are `DOC/q-<first words>` for quotes and `DOC/f-<figure text>` for
//! figures. They depend only on the document's own text, so editing or
//! adding another document never changes them, and a reader can tell what an
//! id points at. Items whose words give the same id within one document
//! ("84,000" said twice) are told apart by a tag of their own sentence
//! (`DOC/f-84000-k3qa`), never by their order: editing one occurrence then
//! renames only that one, and an id keeps pointing at the same sentence or
//! stops resolving. See [`ids`].

pub mod figures;
pub mod ids;
#[cfg(test)]
mod linear_tests;
pub mod lower;
pub mod quotes;
pub mod sections;
pub mod text;
mod wordmap;

use std::cell::OnceCell;
use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::Document;
use crate::corpus::corrections::{self, Marks};
use crate::diag::Diagnostic;

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
    /// The fields of each item the document's front matter corrected.
    #[serde(skip_serializing_if = "Marks::is_empty")]
    pub corrected: Marks,
    /// Corrections in the front matter that name no item of the document,
    /// or a field of the other kind of item.
    #[serde(skip)]
    pub diagnostics: Vec<Diagnostic>,
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
    extract_batch(std::slice::from_ref(doc))
        .pop()
        .expect("one document")
}

/// Extracts a few documents stage by stage: every document's sections,
/// then every document's quotes, then the figures of all their paragraphs
/// ([`figures::find_unresolved_many`]), then ids. The same result as one
/// document after another, about a sixth faster on a corpus: extraction's
/// code is far larger than the 32 KB instruction cache, and taking it one
/// stage at a time over a batch keeps that stage's code in the cache
/// instead of evicting it at every document (BENCHMARKS.md, 2026-12-05).
fn extract_batch(docs: &[Document]) -> Vec<Extracted> {
    let split: Vec<_> = docs
        .iter()
        .map(|doc| sections::split(&doc.body, doc.format))
        .collect();
    let paras: Vec<Vec<Para>> = docs
        .iter()
        .zip(&split)
        .map(|(doc, (_, paragraphs))| {
            paragraphs
                .iter()
                .map(|p| Para::new(p.number, p.start, &doc.body[p.start..p.end]))
                .collect()
        })
        .collect();
    let found: Vec<_> = docs
        .iter()
        .zip(&paras)
        .map(|(doc, paras)| quotes::find_with_unpaired(paras, doc.meta.title.as_deref()))
        .collect();
    let all: Vec<&Para> = paras.iter().flatten().collect();
    let mut per_para = figures::find_unresolved_many(&all).into_iter();
    let figs: Vec<Vec<Figure>> = paras
        .iter()
        .map(|paras| per_para.by_ref().take(paras.len()).flatten().collect())
        .collect();
    docs.iter()
        .zip(split)
        .zip(found)
        .zip(figs)
        .map(
            |(((doc, (sections, paragraphs)), (quotes, unpaired)), figures)| {
                finish(doc, sections, paragraphs, quotes, unpaired, figures)
            },
        )
        .collect()
}

/// A document's extraction from its stages' results: ids, years,
/// currencies and the analyst's corrections.
fn finish(
    doc: &Document,
    sections: Vec<Section>,
    paragraphs: Vec<Paragraph>,
    mut quotes: Vec<Quote>,
    unpaired: Vec<usize>,
    mut figures: Vec<Figure>,
) -> Extracted {
    let quote_ids = ids::assign(
        &doc.id,
        "q",
        quotes
            .iter()
            .map(|q| (q.text.as_str(), q.sentence.as_str())),
        ids::QUOTE_WORDS,
    );
    for (q, id) in quotes.iter_mut().zip(quote_ids) {
        q.doc = doc.id.clone();
        q.id = id;
    }
    for i in 0..quotes.len() {
        if let Some(p) = quotes[i].continues_index {
            quotes[i].continues = Some(quotes[p].id.clone());
        }
    }
    // Framing quantities (durations, ages: `kind` set) are numbered apart,
    // under "fk", and referential counts under "fr", so adding them never
    // renames a stated figure a spec cites.
    for prefix in figures::ID_PREFIXES {
        let ids = ids::assign(
            &doc.id,
            prefix,
            figures
                .iter()
                .filter(|f| f.id_prefix() == prefix)
                .map(|f| (f.text.as_str(), f.sentence.as_str())),
            ids::FIGURE_WORDS,
        );
        let mine = figures.iter_mut().filter(|f| f.id_prefix() == prefix);
        for (f, id) in mine.zip(ids) {
            f.doc = doc.id.clone();
            f.id = id;
        }
    }
    // "last year" in an article of March 2025 is 2024.
    figures::resolve_years(&mut figures, doc.meta.published.as_ref());
    // "$" in a New South Wales release is the Australian dollar.
    let signs = figures::dollar::Signs {
        language: doc.meta.language.as_deref(),
        title: doc.meta.title.as_deref(),
        outlet: doc.meta.outlet.as_deref(),
        body: &doc.body,
    };
    figures::dollar::settle(&mut figures, &signs);
    // "¥" in a Tokyo story is the yen.
    figures::yen::settle(&mut figures, &signs);
    let (mut diagnostics, corrected) = if doc.meta.corrections.is_empty() {
        Default::default()
    } else {
        corrections::apply(doc, &mut quotes, &mut figures)
    };
    diagnostics.extend(unpaired.into_iter().map(|at| unpaired_quote(doc, at)));
    Extracted {
        doc: doc.id.clone(),
        sections,
        paragraphs,
        quotes,
        figures,
        corrected,
        diagnostics,
    }
}

/// The warning for a quotation left out because its marks cannot be
/// paired, pointing at its opening mark in the file.
fn unpaired_quote(doc: &Document, at: usize) -> Diagnostic {
    let before = &doc.body[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut d = Diagnostic::warning(
        "quotation left out: its marks cannot be paired (the quote would take in its attribution)",
    )
    .in_file(&doc.path)
    .hint("close the quotation before its attribution: `“…,” the Minister said`");
    d.position = Some((
        doc.body_line + before.matches('\n').count(),
        before[line_start..].chars().count() + 1,
    ));
    d.source_line = doc.body[line_start..].lines().next().map(str::to_owned);
    d
}

/// The fewest and the most documents [`extract_all`] takes through each
/// stage together. On the corpus benchmark (10,000 documents, one thread)
/// batches of 8 ran 6% slower than 32, 16 3% slower, and 64 and 128 1–2%
/// faster; peak memory moved by 1%.
const BATCH: std::ops::RangeInclusive<usize> = 16..=128;

/// Extracts every document, in parallel; the result is in document order.
/// In batches ([`batch_len`]): large enough that a stage's code is reused
/// many times before the next stage's, and enough of them to keep every
/// core busy on a small corpus too.
pub fn extract_all(docs: &[Document]) -> Vec<Extracted> {
    docs.par_chunks(batch_len(docs.len(), rayon::current_num_threads()))
        .flat_map_iter(extract_batch)
        .collect()
}

/// Some four batches per thread, within [`BATCH`]: 100 documents on two
/// threads go in batches of 16, 10,000 in batches of 128.
fn batch_len(docs: usize, threads: usize) -> usize {
    (docs / (4 * threads.max(1))).clamp(*BATCH.start(), *BATCH.end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_file;

    #[test]
    fn batches_keep_every_thread_busy_and_stay_bounded() {
        assert_eq!(batch_len(100, 2), 16);
        assert_eq!(batch_len(1_000, 2), 125);
        assert_eq!(batch_len(10_000, 2), 128);
        assert_eq!(batch_len(10_000, 64), 39);
        assert_eq!(batch_len(3, 0), 16);
    }

    #[test]
    fn an_unpaired_quote_is_a_warning_at_its_line_in_the_file() {
        let text = "---\ntitle: T\n---\n\nThe plan moved.\n\nIt did. “We will fix the roads, the Minister said. “Every road.”\n";
        let doc = load_file(std::path::Path::new("r.md"), text.as_bytes())
            .expect("loads")
            .document;
        let ex = extract(&doc);
        let texts: Vec<&str> = ex.quotes.iter().map(|q| q.text.as_str()).collect();
        assert!(
            !texts.iter().any(|t| t.contains("Minister said")),
            "{texts:?}"
        );
        assert_eq!(ex.diagnostics.len(), 1);
        let d = &ex.diagnostics[0];
        assert!(!d.is_error());
        assert_eq!(d.position, Some((7, 9)));
        assert_eq!(
            d.source_line.as_deref(),
            Some("It did. “We will fix the roads, the Minister said. “Every road.”")
        );
    }
}

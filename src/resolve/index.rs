//! Look-ups from the ids a spec uses to the documents and extracted items.

use std::collections::HashMap;

use crate::corpus::{Corpus, Document};
use crate::extract::{Extracted, Figure, Quote};

/// A loaded, extracted corpus with every id resolvable in O(1).
#[derive(Debug)]
pub struct Index<'c> {
    pub corpus: &'c Corpus,
    pub extracted: &'c [Extracted],
    docs: HashMap<&'c str, usize>,
    quotes: HashMap<&'c str, (usize, usize)>,
    figures: HashMap<&'c str, (usize, usize)>,
}

impl<'c> Index<'c> {
    /// `extracted[i]` must be the extraction of `corpus.documents[i]`.
    pub fn new(corpus: &'c Corpus, extracted: &'c [Extracted]) -> Self {
        let mut docs = HashMap::new();
        let mut quotes = HashMap::new();
        let mut figures = HashMap::new();
        for (d, (doc, ex)) in corpus.documents.iter().zip(extracted).enumerate() {
            docs.insert(doc.id.as_str(), d);
            for (i, q) in ex.quotes.iter().enumerate() {
                quotes.insert(q.id.as_str(), (d, i));
            }
            for (i, f) in ex.figures.iter().enumerate() {
                figures.insert(f.id.as_str(), (d, i));
            }
        }
        Index {
            corpus,
            extracted,
            docs,
            quotes,
            figures,
        }
    }

    pub fn doc_index(&self, id: &str) -> Option<usize> {
        self.docs.get(id).copied()
    }

    pub fn doc(&self, d: usize) -> &'c Document {
        &self.corpus.documents[d]
    }

    pub fn doc_ids(&self) -> impl Iterator<Item = &'c str> + '_ {
        self.corpus.documents.iter().map(|d| d.id.as_str())
    }

    /// Where an item is: its document and its place in that document's list.
    pub fn locate(&self, id: &str, quote: bool) -> Option<(usize, usize)> {
        let map = if quote { &self.quotes } else { &self.figures };
        map.get(id).copied()
    }

    pub fn quote(&self, id: &str) -> Option<(usize, &'c Quote)> {
        let &(d, i) = self.quotes.get(id)?;
        Some((d, &self.extracted[d].quotes[i]))
    }

    pub fn figure(&self, id: &str) -> Option<(usize, &'c Figure)> {
        let &(d, i) = self.figures.get(id)?;
        Some((d, &self.extracted[d].figures[i]))
    }

    /// Quote and figure ids of one document, for "did you mean" on a mistyped id.
    pub fn item_ids(&self, d: usize, quotes: bool) -> Vec<&'c str> {
        let ex = &self.extracted[d];
        if quotes {
            ex.quotes.iter().map(|q| q.id.as_str()).collect()
        } else {
            ex.figures.iter().map(|f| f.id.as_str()).collect()
        }
    }
}

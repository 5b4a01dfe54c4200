//! Footnote numbering: one note per cited item, numbered in order of first
//! use; citing the same item again reuses its note.

use std::collections::HashMap;

use crate::brief::{Note, Source};
use crate::cite::{Cite, Citer, Paragraphs};

use super::Citing;
use super::index::Index;

#[derive(Debug, Default)]
pub struct NoteBook {
    numbers: HashMap<String, usize>,
    /// The document each note cites, and where in it, in note order.
    docs: Vec<(usize, Option<Paragraphs>)>,
}

impl NoteBook {
    /// The note number for an item (`key` names it uniquely), citing
    /// paragraphs `at` of document `doc` (`None`: the document as a whole).
    pub fn note(&mut self, key: &str, doc: usize, at: Option<Paragraphs>) -> usize {
        if let Some(&n) = self.numbers.get(key) {
            return n;
        }
        self.docs.push((doc, at));
        let n = self.docs.len();
        self.numbers.insert(key.to_string(), n);
        n
    }

    /// The notes' text (full first citation of a document, short after) and
    /// the sources list, from the citation style, as far as `citing` asks.
    pub fn finish(self, index: &Index, citer: &Citer, citing: Citing) -> (Vec<Note>, Vec<Source>) {
        let docs: Vec<_> = self.docs.iter().map(|&(d, _)| index.doc(d)).collect();
        let cites: Vec<Cite> = docs
            .iter()
            .zip(&self.docs)
            .map(|(doc, &(_, at))| Cite { doc, at })
            .collect();
        if citing != Citing::Text {
            // The notes' numbering and sources, not their text.
            let ids = match citing {
                Citing::Order => citer.order(&cites),
                _ => {
                    let mut ids: Vec<String> = Vec::new();
                    for doc in &docs {
                        if !ids.contains(&doc.id) {
                            ids.push(doc.id.clone());
                        }
                    }
                    ids
                }
            };
            let sources = ids
                .into_iter()
                .map(|doc| Source {
                    doc,
                    text: Default::default(),
                })
                .collect();
            let notes = docs
                .iter()
                .enumerate()
                .map(|(i, doc)| Note {
                    number: i + 1,
                    doc: doc.id.clone(),
                    text: Default::default(),
                    short: Default::default(),
                })
                .collect();
            return (notes, sources);
        }
        let cited = citer.cite(&cites);
        let notes = cited
            .notes
            .into_iter()
            .zip(cited.short)
            .zip(&docs)
            .enumerate()
            .map(|(i, ((text, short), doc))| Note {
                number: i + 1,
                doc: doc.id.clone(),
                text,
                short,
            })
            .collect();
        let sources = cited
            .sources
            .into_iter()
            .map(|(doc, text)| Source { doc, text })
            .collect();
        (notes, sources)
    }
}

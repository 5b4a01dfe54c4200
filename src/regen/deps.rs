//! What an output depends on in the corpus: the documents it cites, and for
//! each query selector, what the query could select in each document.
//!
//! Recording a query's candidates per document (rather than "every document
//! the query ranges over") is what lets an edit to an unrelated document
//! leave a brief with corpus-wide queries fresh: the edited document is
//! loaded alone, the query is evaluated on it, and only if its candidates
//! there differ from the recorded ones can the brief's selection change.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::brief::Brief;
use crate::corpus::Document;
use crate::corpus::corrections::Correction;
use crate::extract::Extracted;
use crate::extract::ids;
use crate::resolve::Index;
use crate::resolve::index::Kind;
use crate::resolve::select::Filter;
use crate::spec::{BlockKind, Query, SelectorKind, Spec};

use super::hash::Hasher;
use super::manifest::QueryDeps;
use super::scan::{Scan, relative};

/// A query selector of a spec and where it is.
#[derive(Debug)]
pub struct SpecQuery<'s> {
    pub section: &'s str,
    pub kind: Kind,
    pub line: usize,
    pub column: usize,
    pub query: &'s Query,
    /// The spec's corrections: one that sets a speaker can bring a quote
    /// into a `speaker:` query, or take it out.
    pub corrections: &'s [Correction],
}

/// Every query selector of the spec, in every section and audience: an
/// output depends on all of them (a conservative choice that costs nothing
/// when no document changes).
pub fn queries(spec: &Spec) -> Vec<SpecQuery<'_>> {
    let mut found = Vec::new();
    for section in &spec.sections {
        for block in &section.blocks {
            let (kind, selectors) = match &block.kind {
                BlockKind::Quotes(s) => (Kind::Quote, s),
                BlockKind::Figures { selectors, .. } => (Kind::Figure, selectors),
                _ => continue,
            };
            for selector in selectors {
                if let SelectorKind::Query(query) = &selector.kind {
                    found.push(SpecQuery {
                        section: &section.id.value,
                        kind,
                        line: selector.line,
                        column: selector.column,
                        query,
                        corrections: &spec.corrections,
                    });
                }
            }
        }
    }
    found
}

/// What `query` accepts in one document: its date (which orders `newest`
/// and `oldest`) and each accepted item in full. `None` when it accepts
/// nothing there.
pub fn fingerprint(
    q: &SpecQuery,
    date: NaiveDate,
    doc: &Document,
    ex: &Extracted,
) -> Option<String> {
    let filter = Filter::new(q.query, date);
    let mut hasher = Hasher::default();
    let mut any = false;
    // A quote whose speaker the spec corrects may be selected whatever its
    // extracted speaker: it counts as a candidate here, whatever the other
    // conditions (conservative: it can only cause a rebuild).
    let corrected = |i: usize| {
        q.kind == Kind::Quote
            && q.query.speaker.is_some()
            && q.corrections.iter().any(|c| {
                let quote = &ex.quotes[i];
                c.speaker.is_some()
                    && (c.id == quote.id || ids::matches_tagged(&c.id, &quote.id, &quote.sentence))
            })
    };
    let count = match q.kind {
        Kind::Quote => ex.quotes.len(),
        Kind::Figure => ex.figures.len(),
    };
    let accepted: Vec<usize> = filter.candidates(q.kind, doc, ex).collect();
    let extra = (0..count).filter(|&i| corrected(i) && !accepted.contains(&i));
    for i in accepted.iter().copied().chain(extra) {
        if !any {
            let published = doc
                .meta
                .published
                .map(|p| p.to_string())
                .unwrap_or_default();
            hasher.part(published.as_bytes());
            any = true;
        }
        let item = match q.kind {
            Kind::Quote => serde_json::to_vec(&ex.quotes[i]),
            Kind::Figure => serde_json::to_vec(&ex.figures[i]),
        };
        hasher.part(&item.unwrap_or_default());
    }
    any.then(|| hasher.finish())
}

/// The recorded candidates of every query of the spec over the whole corpus.
pub fn query_deps(spec: &Spec, index: &Index, date: NaiveDate) -> Vec<QueryDeps> {
    queries(spec)
        .iter()
        .map(|q| QueryDeps {
            section: q.section.to_string(),
            line: q.line,
            column: q.column,
            candidates: index
                .corpus
                .documents
                .iter()
                .zip(index.extracted)
                .filter_map(|(doc, ex)| Some((doc.id.clone(), fingerprint(q, date, doc, ex)?)))
                .collect(),
        })
        .collect()
}

/// The documents a brief cites, with the hash of each one's file.
pub fn cited(brief: &Brief, index: &Index, scan: &Scan) -> BTreeMap<String, String> {
    brief
        .sources
        .iter()
        .filter_map(|s| {
            let doc = index.doc(index.doc_index(&s.doc)?);
            let rel = relative(&scan.root, &doc.path);
            let hash = scan.hashes.get(&rel).cloned().unwrap_or_default();
            Some((doc.id.clone(), hash))
        })
        .collect()
}

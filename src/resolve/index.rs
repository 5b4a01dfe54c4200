//! Look-ups from the ids a spec uses to the documents and extracted items.

use std::collections::HashMap;

use crate::corpus::{Corpus, Document};
use crate::extract::{Extracted, Figure, Quote, ids};
use crate::suggest::did_you_mean;

/// Every id of a loaded, extracted corpus mapped to where its item is. Built
/// once per corpus per run and shared by every spec and audience resolved
/// against it (a large corpus has over a hundred thousand ids).
#[derive(Debug, Default)]
pub struct Lookup {
    docs: HashMap<String, usize>,
    quotes: HashMap<String, (usize, usize)>,
    figures: HashMap<String, (usize, usize)>,
}

impl Lookup {
    /// `extracted[i]` must be the extraction of `corpus.documents[i]`.
    pub fn new(corpus: &Corpus, extracted: &[Extracted]) -> Self {
        let mut lookup = Lookup::default();
        for (d, (doc, ex)) in corpus.documents.iter().zip(extracted).enumerate() {
            lookup.docs.insert(doc.id.clone(), d);
            for (i, q) in ex.quotes.iter().enumerate() {
                lookup.quotes.insert(q.id.clone(), (d, i));
            }
            for (i, f) in ex.figures.iter().enumerate() {
                lookup.figures.insert(f.id.clone(), (d, i));
            }
        }
        lookup
    }
}

/// A loaded, extracted corpus with every id resolvable in O(1).
#[derive(Debug, Clone, Copy)]
pub struct Index<'c> {
    pub corpus: &'c Corpus,
    pub extracted: &'c [Extracted],
    lookup: &'c Lookup,
}

impl<'c> Index<'c> {
    /// `lookup` must have been built from this `corpus` and `extracted`.
    pub fn new(corpus: &'c Corpus, extracted: &'c [Extracted], lookup: &'c Lookup) -> Self {
        Index {
            corpus,
            extracted,
            lookup,
        }
    }

    pub fn doc_index(&self, id: &str) -> Option<usize> {
        self.lookup.docs.get(id).copied()
    }

    pub fn doc(&self, d: usize) -> &'c Document {
        &self.corpus.documents[d]
    }

    pub fn doc_ids(&self) -> impl Iterator<Item = &'c str> + '_ {
        self.corpus.documents.iter().map(|d| d.id.as_str())
    }

    /// Where an item is: its document and its place in that document's list.
    /// An item's tagged id (`DOC/f-84000-k3qa`, see [`crate::extract::ids`])
    /// finds it too when it is no longer a repeat and has its plain id back.
    pub fn locate(&self, id: &str, quote: bool) -> Option<(usize, usize)> {
        let map = if quote {
            &self.lookup.quotes
        } else {
            &self.lookup.figures
        };
        if let Some(&found) = map.get(id) {
            return Some(found);
        }
        let (plain, _) = ids::split_tagged(id)?;
        let &(d, i) = map.get(plain)?;
        let ex = &self.extracted[d];
        let sentence = if quote {
            &ex.quotes[i].sentence
        } else {
            &ex.figures[i].sentence
        };
        ids::matches_tagged(id, plain, sentence).then_some((d, i))
    }

    pub fn quote(&self, id: &str) -> Option<(usize, &'c Quote)> {
        let (d, i) = self.locate(id, true)?;
        Some((d, &self.extracted[d].quotes[i]))
    }

    pub fn figure(&self, id: &str) -> Option<(usize, &'c Figure)> {
        let (d, i) = self.locate(id, false)?;
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

/// Quotes or figures: what a selector picks from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Quote,
    Figure,
}

impl Kind {
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Figure => "figure",
        }
    }
}

/// "did you mean" within the document the id names, or the document itself.
pub fn dangling_hint(index: &Index, kind: Kind, id: &str) -> String {
    let Some((doc, _)) = id.split_once('/') else {
        return format!(
            "{} ids look like `DOC/{}-…`; `brief corpus {}s` lists them",
            kind.noun(),
            if kind == Kind::Quote { "q" } else { "f" },
            kind.noun()
        );
    };
    match index.doc_index(doc) {
        Some(d) => {
            let ids = index.item_ids(d, kind == Kind::Quote);
            match did_you_mean(id, ids.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "`brief corpus {}s --doc {doc}` lists the {}s of `{doc}`",
                    kind.noun(),
                    kind.noun()
                ),
            }
        }
        None => match did_you_mean(doc, index.doc_ids()) {
            Some(s) => format!("there is no document `{doc}`; did you mean `{s}`?"),
            None => format!("there is no document `{doc}`; `brief corpus list` lists them"),
        },
    }
}

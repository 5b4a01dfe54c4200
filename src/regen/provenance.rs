//! Provenance of built outputs: what each output printed from the corpus,
//! recorded at build time, and checked later against the corpus as it is now.
//!
//! A brief on disk outlives the corpus it was built from: a source can be
//! corrected or withdrawn after the build. `brief check` therefore re-reads
//! every quote and figure a built output shows, and names by spec line each
//! one its source no longer supports. The record keeps the printed words
//! themselves (not ids or hashes), because ids are derived from the words
//! and would change with them: only the words can be looked for again.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::corpus::Document;
use crate::diag::Diagnostic;
use crate::edition::Inventory;
pub use crate::resolve::index::Kind;
use crate::resolve::{Index, Match};
use crate::spec::Spec;

/// One quote or figure an output shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shown {
    pub kind: Kind,
    pub id: String,
    pub doc: String,
    /// The words printed, each of which must still be in the source: one
    /// span, or the two parts of a quote interrupted by its attribution.
    pub words: Vec<String>,
    /// For a figure, the sentence it stands in, which must still be there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
    /// Where the spec asked for it (a selector or an inline reference);
    /// `None` for what no line asks for by name (a what-changed section).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<(usize, usize)>,
}

/// What an id the spec names resolved to in a build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolved {
    pub kind: Kind,
    /// The item's own id (the spec may name a repeat by its tagged id).
    pub item: String,
    /// The sentence the item stands in, verbatim.
    pub sentence: String,
}

/// What each id the spec names resolves to now, by the id as written.
pub fn resolved(index: &Index, matches: &[Match]) -> BTreeMap<String, Resolved> {
    let mut out = BTreeMap::new();
    for m in matches {
        let (Some(named), [item]) = (&m.named, m.ids.as_slice()) else {
            continue;
        };
        let found = if m.noun == Kind::Quote.noun() {
            index
                .quote(item)
                .map(|(_, q)| (Kind::Quote, q.sentence.clone()))
        } else {
            index
                .figure(item)
                .map(|(_, f)| (Kind::Figure, f.sentence.clone()))
        };
        if let Some((kind, sentence)) = found {
            out.entry(named.clone()).or_insert(Resolved {
                kind,
                item: item.clone(),
                sentence,
            });
        }
    }
    out
}

/// A warning for each id the spec names that resolved to another sentence
/// in the previous build than now: the source was edited, and the id may
/// no longer mean what the analyst chose it for. Placed where the spec
/// first names it.
pub fn moved(
    before: &BTreeMap<String, Resolved>,
    now: &BTreeMap<String, Resolved>,
    spec: &Spec,
    matches: &[Match],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (id, was) in before {
        let Some(is) = now.get(id) else { continue };
        if was.kind != is.kind || was.sentence == is.sentence {
            continue;
        }
        let mut d = Diagnostic::warning(format!(
            "`{id}` resolves to another sentence than in the previous build"
        ))
        .in_file(&spec.path);
        if let Some(m) = matches.iter().find(|m| m.named.as_deref() == Some(id)) {
            d = d.at(&spec.source, m.line, m.column);
        }
        let doc = is.item.split('/').next().unwrap_or_default();
        out.push(
            d.hint(format!("it was: “{}”", crate::text::one_line(&was.sentence)))
                .hint(format!("it is now: “{}”", crate::text::one_line(&is.sentence)))
                .hint(format!(
                    "if that is not what the brief means, pick the item again from `brief corpus {}s --doc {doc}`",
                    is.kind.noun()
                )),
        );
    }
    out
}

/// Why a shown item is no longer supported by its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// No document with that id is in the corpus any more.
    DocumentGone,
    /// These printed words are not in the document's text.
    WordsGone(String),
    /// The figure's sentence is not in the document's text.
    SentenceGone(String),
}

/// What an output shows, from its inventory, each with the first spec
/// position that selected it.
pub fn shown(inventory: &Inventory, index: &Index, matches: &[Match]) -> Vec<Shown> {
    let at = |id: &str| {
        matches
            .iter()
            .find(|m| m.ids.iter().any(|i| i == id))
            .map(|m| (m.line, m.column))
    };
    let quotes = inventory.quotes.iter().filter_map(|q| {
        let (_, quote) = index.quote(&q.id)?;
        let words = if quote.parts.is_empty() {
            vec![quote.text.clone()]
        } else {
            quote.parts.iter().map(|p| p.text.clone()).collect()
        };
        Some(Shown {
            kind: Kind::Quote,
            id: q.id.clone(),
            doc: q.doc.clone(),
            words,
            sentence: None,
            at: at(&q.id),
        })
    });
    let figures = inventory.figures.iter().filter_map(|f| {
        let (_, figure) = index.figure(&f.id)?;
        Some(Shown {
            kind: Kind::Figure,
            id: f.id.clone(),
            doc: f.doc.clone(),
            words: vec![figure.text.clone()],
            sentence: Some(figure.sentence.clone()),
            at: at(&f.id),
        })
    });
    quotes.chain(figures).collect()
}

/// Checks one shown item against its document as it is now (`None` when
/// the document is gone).
pub fn verify(shown: &Shown, doc: Option<&Document>) -> Option<Problem> {
    let Some(doc) = doc else {
        return Some(Problem::DocumentGone);
    };
    if let Some(sentence) = &shown.sentence {
        let stands = doc.body.contains(sentence.as_str())
            && shown.words.iter().all(|w| sentence.contains(w.as_str()));
        return (!stands).then(|| Problem::SentenceGone(sentence.clone()));
    }
    shown
        .words
        .iter()
        .find(|w| !doc.body.contains(w.as_str()))
        .map(|w| Problem::WordsGone(w.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_file;

    fn doc(body: &str) -> Document {
        let text = format!("---\ntitle: T\n---\n\n{body}\n");
        load_file(std::path::Path::new("t.md"), text.as_bytes())
            .expect("loads")
            .document
    }

    fn quote(words: &[&str]) -> Shown {
        Shown {
            kind: Kind::Quote,
            id: "t/q".into(),
            doc: "t".into(),
            words: words.iter().map(|w| w.to_string()).collect(),
            sentence: None,
            at: Some((3, 7)),
        }
    }

    #[test]
    fn quotes_must_stand_word_for_word_part_by_part() {
        let d = doc("“We left because nothing was left,” said Li. “It was time.”");
        assert_eq!(
            verify(&quote(&["We left because nothing was left,"]), Some(&d)),
            None
        );
        assert_eq!(
            verify(
                &quote(&["We left because nothing was left,", "It was time."]),
                Some(&d)
            ),
            None
        );
        assert_eq!(
            verify(
                &quote(&["We left because nothing was left,", "It is time."]),
                Some(&d)
            ),
            Some(Problem::WordsGone("It is time.".into()))
        );
        assert_eq!(
            verify(&quote(&["We fled because"]), None),
            Some(Problem::DocumentGone)
        );
    }

    #[test]
    fn figures_must_still_stand_in_their_sentence() {
        let sentence = "More than 24,000 Chinese nationals crossed in 2023.";
        let figure = Shown {
            kind: Kind::Figure,
            words: vec!["More than 24,000".into()],
            sentence: Some(sentence.into()),
            ..quote(&[])
        };
        assert_eq!(verify(&figure, Some(&doc(sentence))), None);
        // The number is still in the text, but not in the sentence that
        // said what it counts: the figure is no longer supported.
        let moved = doc("More than 24,000 people wrote. Chinese nationals crossed in 2023.");
        assert_eq!(
            verify(&figure, Some(&moved)),
            Some(Problem::SentenceGone(sentence.into()))
        );
    }
}

//! What an output shows: the sources it cites and the quotes and figures it
//! prints. Each edition keeps its inventory, so the next one can say what is
//! new without the old corpus.

use serde::{Deserialize, Serialize};

use crate::brief::{Block, Brief, Prose};
use crate::resolve::Index;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Inventory {
    pub sources: Vec<SourceEntry>,
    pub quotes: Vec<QuoteEntry>,
    pub figures: Vec<FigureEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceEntry {
    pub doc: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteEntry {
    pub id: String,
    pub doc: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The sentence it stands in: the next edition tells when the same id
    /// has come to stand in another sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureEntry {
    pub id: String,
    pub doc: String,
    pub text: String,
    pub values: Vec<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// What it counts and when: with the document, what identifies "the
    /// same figure" once its number (and so its id) has changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The sentence it stands in (see [`QuoteEntry::sentence`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

impl Inventory {
    /// The inventory of a resolved brief, in the order it shows things.
    pub fn of(brief: &Brief, index: &Index) -> Inventory {
        // Every quote and figure id shown, as (id, is a quote), in order.

        let mut shown: Vec<(&str, bool)> = brief.key_points.iter().flat_map(prose_ids).collect();
        shown.extend(brief.summary.as_ref().map(prose_ids).unwrap_or_default());
        for block in brief.sections.iter().flat_map(|s| &s.blocks) {
            match block {
                Block::Text(p) => shown.extend(prose_ids(p)),
                Block::Quotes { items } => {
                    shown.extend(items.iter().map(|q| (q.id.as_str(), true)))
                }
                Block::Figures { items, .. } => {
                    shown.extend(items.iter().map(|f| (f.id.as_str(), false)));
                }
                Block::Chart(c) => shown.extend(c.points.iter().map(|p| (p.id.as_str(), false))),
                Block::Excerpt(_) => {}
            }
        }
        // The speaker as the brief prints it (a spec may correct it).
        let printed: std::collections::HashMap<&str, &Option<String>> = brief
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Quotes { items } => Some(items),
                _ => None,
            })
            .flatten()
            .map(|q| (q.id.as_str(), &q.speaker))
            .collect();
        let mut inv = Inventory::default();
        let mut seen = std::collections::HashSet::new();
        for (id, quote) in shown {
            if !seen.insert(id) {
                continue;
            }
            if quote {
                if let Some((_, q)) = index.quote(id) {
                    inv.quotes.push(QuoteEntry {
                        id: q.id.clone(),
                        doc: q.doc.clone(),
                        text: q.text.clone(),
                        speaker: printed
                            .get(q.id.as_str())
                            .map_or_else(|| q.speaker.clone(), |s| (*s).clone()),
                        sentence: Some(q.sentence.clone()),
                    });
                }
            } else if let Some((_, f)) = index.figure(id) {
                inv.figures.push(FigureEntry {
                    id: f.id.clone(),
                    doc: f.doc.clone(),
                    text: f.text.clone(),
                    values: f.values.clone(),
                    unit: f.unit.clone(),
                    subject: f.subject.clone(),
                    period: f.period.clone(),
                    sentence: Some(f.sentence.clone()),
                });
            }
        }
        inv.sources = brief
            .sources
            .iter()
            .map(|s| SourceEntry {
                doc: s.doc.clone(),
                title: index
                    .doc_index(&s.doc)
                    .and_then(|d| index.doc(d).meta.title.clone()),
            })
            .collect();
        inv
    }
}

/// The quotes and figures a prose block refers to, as (id, is a quote).
fn prose_ids(p: &Prose) -> Vec<(&str, bool)> {
    p.refs.iter().map(|r| (r.id.as_str(), r.is_quote)).collect()
}

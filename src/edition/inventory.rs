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
}

impl Inventory {
    /// The inventory of a resolved brief, in the order it shows things.
    pub fn of(brief: &Brief, index: &Index) -> Inventory {
        let mut inv = Inventory::default();
        let mut seen = std::collections::HashSet::new();
        let mut add = |inv: &mut Inventory, id: &str, quote: bool| {
            if !seen.insert(id.to_string()) {
                return;
            }
            if quote {
                if let Some((_, q)) = index.quote(id) {
                    inv.quotes.push(QuoteEntry {
                        id: q.id.clone(),
                        doc: q.doc.clone(),
                        text: q.text.clone(),
                        speaker: q.speaker.clone(),
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
                });
            }
        };
        let prose_ids = |p: &Prose| -> Vec<(String, bool)> {
            p.refs.iter().map(|r| (r.id.clone(), r.is_quote)).collect()
        };
        let mut items: Vec<(String, bool)> = Vec::new();
        if let Some(summary) = &brief.summary {
            items.extend(prose_ids(summary));
        }
        for section in &brief.sections {
            for block in &section.blocks {
                match block {
                    Block::Text(p) => items.extend(prose_ids(p)),
                    Block::Quotes { items: qs } => {
                        items.extend(qs.iter().map(|q| (q.id.clone(), true)));
                    }
                    Block::Figures { items: fs, .. } => {
                        items.extend(fs.iter().map(|f| (f.id.clone(), false)));
                    }
                    Block::Excerpt(_) => {}
                }
            }
        }
        for (id, quote) in items {
            add(&mut inv, &id, quote);
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

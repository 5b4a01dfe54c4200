//! The `what_changed: true` section: what is new since the previous edition,
//! built from ordinary blocks (prose, quotes, a figure list) so both
//! renderers and every template show it without knowing it exists, and every
//! new quote and figure is footnoted like any other.

use crate::brief::ChangeSet;
use crate::brief::FigureLayout;
use crate::brief::{Block, InlineRef, Prose};
use crate::render::escape;

use super::Walk;
use super::index::Kind;

impl Walk<'_, '_> {
    pub(super) fn what_changed(&mut self, changes: &ChangeSet) -> Vec<Block> {
        let mut blocks = Vec::new();
        let Some(since) = &changes.since else {
            blocks.push(text("There is no earlier edition to compare with.".into()));
            return blocks;
        };
        let since = escape::inline(since);
        if changes.is_empty() {
            blocks.push(text(format!(
                "Nothing is new since the edition of {since}."
            )));
            return blocks;
        }
        let mut lead = format!("New since the edition of {since}:");
        if !changes.new_sources.is_empty() {
            let names: Vec<String> = changes
                .new_sources
                .iter()
                .map(|doc| self.source_name(doc))
                .collect();
            let noun = if names.len() == 1 {
                "source"
            } else {
                "sources"
            };
            lead.push_str(&format!(
                " {} new {noun} ({}).",
                names.len(),
                names.join("; ")
            ));
        }
        blocks.push(text(lead));
        let quotes: Vec<_> = changes
            .new_quotes
            .iter()
            .filter_map(|id| self.index.locate(id, true))
            .filter_map(|p| self.quote(p))
            .collect();
        if !quotes.is_empty() {
            blocks.push(text("**New quotes**".into()));
            blocks.push(Block::Quotes { items: quotes });
        }
        let figures: Vec<_> = changes
            .new_figures
            .iter()
            .filter_map(|id| self.index.locate(id, false))
            .filter_map(|p| self.figure(p))
            .collect();
        if !figures.is_empty() {
            blocks.push(text("**New figures**".into()));
            blocks.push(Block::Figures {
                layout: FigureLayout::List,
                items: figures,
            });
        }
        if !changes.changed_figures.is_empty() {
            blocks.push(text("**Changed figures**".into()));
            blocks.push(Block::Text(self.changed_figures(changes)));
        }
        if !changes.moved.is_empty() {
            blocks.push(text("**Now in another sentence**".into()));
            blocks.push(Block::Text(self.moved(changes)));
        }
        blocks
    }

    /// "- {{quote}} now stands in: “…” (previously: “…”)" per item whose id
    /// resolves to another sentence than in the previous edition.
    fn moved(&mut self, changes: &ChangeSet) -> Prose {
        let mut markdown = String::new();
        let mut refs = Vec::new();
        for m in &changes.moved {
            let Some(pick) = self.index.locate(&m.id, m.quote) else {
                continue;
            };
            let (text, note) = if m.quote {
                match self.quote(pick) {
                    Some(q) => (q.text, q.note),
                    None => continue,
                }
            } else {
                match self.figure(pick) {
                    Some(f) => (f.text, f.note),
                    None => continue,
                }
            };
            let kind = if m.quote { Kind::Quote } else { Kind::Figure };
            markdown.push_str("- ");
            let placeholder = format!("{{{{{}:{}}}}}", kind.noun(), m.id);
            let start = markdown.len();
            markdown.push_str(&placeholder);
            refs.push(InlineRef {
                range: start..markdown.len(),
                id: m.id.clone(),
                text,
                is_quote: m.quote,
                note,
            });
            markdown.push_str(&format!(
                " now stands in: “{}” (previously: “{}”)\n",
                escape::inline(&crate::text::one_line(&m.now)),
                escape::inline(&crate::text::one_line(&m.before))
            ));
        }
        Prose { markdown, refs }
    }

    /// "- {{figure}} (previously: …)" per changed figure, as prose whose
    /// references carry the figure and its note.
    fn changed_figures(&mut self, changes: &ChangeSet) -> Prose {
        let mut markdown = String::new();
        let mut refs = Vec::new();
        for changed in &changes.changed_figures {
            let Some(pick) = self.index.locate(&changed.id, false) else {
                continue;
            };
            let Some(item) = self.figure(pick) else {
                continue;
            };
            markdown.push_str("- ");
            let placeholder = format!("{{{{{}:{}}}}}", Kind::Figure.noun(), changed.id);
            let start = markdown.len();
            markdown.push_str(&placeholder);
            refs.push(InlineRef {
                range: start..markdown.len(),
                id: changed.id.clone(),
                text: item.text,
                is_quote: false,
                note: item.note,
            });
            markdown.push_str(&format!(
                " (previously: {})\n",
                escape::inline(&changed.before)
            ));
        }
        Prose { markdown, refs }
    }

    /// A new source as a reader knows it: its title, else its outlet, else
    /// its corpus id marked as such (never passed off as a title).
    fn source_name(&self, doc: &str) -> String {
        let meta = self.index.doc_index(doc).map(|d| &self.index.doc(d).meta);
        match meta.map(|m| (&m.title, &m.outlet)) {
            Some((Some(title), _)) => format!("“{}”", escape::inline(title)),
            Some((None, Some(outlet))) => format!("*{}*", escape::inline(outlet)),
            _ => format!(
                "an untitled document, `{}` in the corpus",
                doc.replace('`', "")
            ),
        }
    }
}

fn text(markdown: String) -> Block {
    Block::Text(Prose {
        markdown,
        refs: Vec::new(),
    })
}

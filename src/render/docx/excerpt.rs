//! An excerpt's paragraphs and lists as Quote paragraphs: its list items
//! numbered from the source's own first number, its emphasis kept.

use super::body::Body;
use super::numbering::item_properties;
use super::runs::{self, Style};
use crate::brief::{ExcerptBlock, Span};

/// Writes `blocks` (nested `level` lists deep) into `body`.
pub fn write(body: &mut Body, blocks: &[ExcerptBlock], level: usize) {
    for block in blocks {
        match block {
            ExcerptBlock::Paragraph { spans: s } => body.para("Quote", &spans(s)),
            ExcerptBlock::List(list) => {
                let num = body.numbering.list(list.ordered, list.start, level);
                for item in &list.items {
                    let mut rest: &[ExcerptBlock] = item;
                    // The item's text is its first paragraph, numbered.
                    if let Some((ExcerptBlock::Paragraph { spans: s }, after)) = item.split_first()
                    {
                        let props = item_properties("Quote", num, level);
                        body.xml
                            .push_str(&format!("<w:p>{props}{}</w:p>", spans(s)));
                        rest = after;
                    }
                    write(body, rest, level + 1);
                }
            }
        }
    }
}

/// Spans as runs with their emphasis.
pub fn spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            runs::text(
                &s.text,
                Style {
                    italic: s.emphasis,
                    bold: s.strong,
                    ..Style::default()
                },
            )
        })
        .collect()
}

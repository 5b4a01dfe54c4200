//! Sections and paragraphs: the addressable structure of a document body.
//!
//! A section is a heading and the paragraphs up to the next heading; the text
//! before the first heading is the section `intro`. Paragraphs are numbered
//! from 1 through the whole document, so `DOC#p7` and `DOC#section-slug` both
//! name stable places an excerpt can quote.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;

mod simple_markdown;
pub mod table;

use super::text::{slug, trim_range};
use crate::corpus::Format;

/// The id of the untitled section before a document's first heading.
pub const INTRO: &str = "intro";

/// A heading and the paragraphs under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Slug of the heading, unique within the document (`intro` before any heading).
    pub id: String,
    /// The heading's text; `None` for the intro.
    pub title: Option<String>,
    /// Heading level (1–6); 0 for the intro.
    pub level: u8,
    /// Numbers of the paragraphs in this section (1-based, document-wide).
    pub paragraphs: Vec<usize>,
    /// Byte span of the heading line in the body (empty for the intro).
    pub start: usize,
    pub end: usize,
}

/// A paragraph of prose: the unit quotes and figures are found in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    /// 1-based position in the document.
    pub number: usize,
    /// Id of the section it belongs to.
    pub section: String,
    pub start: usize,
    pub end: usize,
}

/// Splits a body into sections and paragraphs.
pub fn split(body: &str, format: Format) -> (Vec<Section>, Vec<Paragraph>) {
    let blocks = match format {
        Format::Markdown => simple_markdown::blocks(body).unwrap_or_else(|| markdown_blocks(body)),
        Format::Text => text_blocks(body),
        // A table for charts (`corpus::data`): no prose, nothing to extract.
        Format::Data => Vec::new(),
    };
    let mut sections = vec![Section {
        id: INTRO.to_string(),
        title: None,
        level: 0,
        paragraphs: Vec::new(),
        start: 0,
        end: 0,
    }];
    // Sized for every heading up front: growing the set as headings came
    // rehashed it two or three times a document.
    let headings = blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { .. }))
        .count();
    let mut used: HashSet<String> = HashSet::with_capacity(headings + 1);
    used.insert(INTRO.to_string());
    let mut next_suffix: HashMap<String, usize> = HashMap::new();
    let mut paragraphs = Vec::with_capacity(blocks.len() - headings);
    for block in blocks {
        match block {
            Block::Heading {
                level,
                title,
                range,
            } => {
                let base = match slug(&title, 12) {
                    s if s.is_empty() => format!("section-{}", sections.len()),
                    s => s,
                };
                // The next suffix to try is kept per base: starting again at
                // 2 made k headings with one title cost k² tries (70,000
                // "## More" headings took minutes). Every smaller suffix was
                // tried and taken already, so the ids are the same.
                // A base not taken yet is the id; only a repeated one needs
                // its suffix counter (made at 2 on first need, as it would
                // have been on first sight: it changes only here).
                let id = if used.insert(base.clone()) {
                    base
                } else {
                    let n = next_suffix.entry(base.clone()).or_insert(2);
                    loop {
                        let id = format!("{base}-{n}");
                        *n += 1;
                        if used.insert(id.clone()) {
                            break id;
                        }
                    }
                };
                sections.push(Section {
                    id,
                    title: Some(title),
                    level,
                    paragraphs: Vec::new(),
                    start: range.start,
                    end: range.end,
                });
            }
            Block::Paragraph(range) => {
                let number = paragraphs.len() + 1;
                let section = sections.last_mut().expect("intro section always exists");
                section.paragraphs.push(number);
                paragraphs.push(Paragraph {
                    number,
                    section: section.id.clone(),
                    start: range.start,
                    end: range.end,
                });
            }
        }
    }
    if sections[0].paragraphs.is_empty() && sections.len() > 1 {
        sections.remove(0);
    }
    (sections, paragraphs)
}

/// A heading or a paragraph, as read from the body by either path.
#[derive(Debug, PartialEq)]
pub(super) enum Block {
    Heading {
        level: u8,
        title: String,
        range: Range<usize>,
    },
    Paragraph(Range<usize>),
}

/// A line of plain text is a paragraph, except that the lines of a table
/// ([`table::plain_runs`]) are one block, so its cells keep their headers.
fn text_blocks(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut pos = 0;
    let mut tables = table::plain_runs(body).into_iter().peekable();
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim();
        let line_end = pos + line.len();
        if let Some(t) = tables.peek().filter(|t| t.start < line_end) {
            if t.end <= line_end {
                blocks.push(Block::Paragraph(t.clone()));
                tables.next();
            }
            pos = line_end;
            continue;
        }
        if !trimmed.is_empty() {
            let start = pos + (line.len() - line.trim_start().len());
            blocks.push(Block::Paragraph(start..start + trimmed.len()));
        }
        pos += line.len();
    }
    blocks
}

/// Headings and prose paragraphs from CommonMark, with spans into the source.
/// Items of tight lists have no paragraph event, so their inline text is the
/// paragraph (text after a list nested in the item is a paragraph of its
/// own). Code, HTML and tables are not prose and are skipped.
pub(super) fn markdown_blocks(body: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut heading: Option<(u8, String, Range<usize>)> = None;
    let mut in_paragraph = false;
    let mut skip_depth = 0usize;
    // Inline extent of the current tight list item, if any.
    let mut item_stack: Vec<(bool, Option<Range<usize>>)> = Vec::new();
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, String::new(), range));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, title, range)) = heading.take() {
                    blocks.push(Block::Heading {
                        level,
                        title: title.trim().to_string(),
                        range: trim_range(body, range),
                    });
                }
            }
            Event::Start(Tag::Paragraph) if skip_depth == 0 => {
                in_paragraph = true;
                if let Some(item) = item_stack.last_mut() {
                    item.0 = true;
                }
                blocks.push(Block::Paragraph(trim_range(body, range)));
            }
            Event::End(TagEnd::Paragraph) => in_paragraph = false,
            Event::Start(
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Table(_) | Tag::MetadataBlock(_),
            ) => {
                skip_depth += 1;
            }
            Event::End(
                TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Table | TagEnd::MetadataBlock(_),
            ) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            // A tight item's own text comes before a list nested in it, and
            // so does its paragraph number: otherwise "- a\n  - b" numbered
            // "b" before "a" and an excerpt's paragraphs ran out of order.
            Event::Start(Tag::List(_)) => {
                if let Some(item) = item_stack.last_mut()
                    && let (false, Some(range)) = (item.0, item.1.take())
                {
                    blocks.push(Block::Paragraph(trim_range(body, range)));
                }
            }
            Event::Start(Tag::Item) => item_stack.push((false, None)),
            Event::End(TagEnd::Item) => {
                if let Some((false, Some(range))) = item_stack.pop() {
                    blocks.push(Block::Paragraph(trim_range(body, range)));
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, title, _)) = heading.as_mut() {
                    title.push_str(&text);
                }
                extend_item(&mut item_stack, in_paragraph, heading.is_some(), range);
            }
            Event::SoftBreak | Event::HardBreak | Event::InlineHtml(_) => {
                if let Some((_, title, _)) = heading.as_mut() {
                    title.push(' ');
                }
                extend_item(&mut item_stack, in_paragraph, heading.is_some(), range);
            }
            _ => {}
        }
    }
    blocks
}

fn extend_item(
    stack: &mut [(bool, Option<Range<usize>>)],
    in_paragraph: bool,
    in_heading: bool,
    range: Range<usize>,
) {
    if in_paragraph || in_heading {
        return;
    }
    if let Some((false, extent)) = stack.last_mut() {
        *extent = Some(match extent.take() {
            Some(e) => e.start.min(range.start)..e.end.max(range.end),
            None => range,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(body: &'a str, paras: &[Paragraph]) -> Vec<&'a str> {
        paras.iter().map(|p| &body[p.start..p.end]).collect()
    }

    #[test]
    fn markdown_sections_and_paragraphs() {
        let body = "Lead para.\n\n## A Perilous Journey\n\nFirst\nline two.\n\nSecond.\n\n## A Perilous Journey\n\n- item one\n- item two\n\n```\ncode\n```\n";
        let (sections, paras) = split(body, Format::Markdown);
        let ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["intro", "a-perilous-journey", "a-perilous-journey-2"]);
        assert_eq!(sections[1].title.as_deref(), Some("A Perilous Journey"));
        assert_eq!(
            &body[sections[1].start..sections[1].end],
            "## A Perilous Journey"
        );
        assert_eq!(
            texts(body, &paras),
            [
                "Lead para.",
                "First\nline two.",
                "Second.",
                "item one",
                "item two"
            ]
        );
        assert_eq!(sections[1].paragraphs, [2, 3]);
        assert_eq!(paras[4].section, "a-perilous-journey-2");
    }

    #[test]
    fn nested_tight_items_are_numbered_in_reading_order() {
        let body = "- a\n  - b\n  - c\n- d\n\n1. e\n   1. f\n";
        let (_, paras) = split(body, Format::Markdown);
        assert_eq!(texts(body, &paras), ["a", "b", "c", "d", "e", "f"]);
    }

    #[test]
    fn no_intro_when_body_starts_with_heading() {
        let (sections, _) = split("# Only\n\ntext\n", Format::Markdown);
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0].id, "only");
    }

    #[test]
    fn block_quotes_are_prose_and_code_is_not() {
        let body = "> quoted para\n\n    indented code\n\n<div>html</div>\n";
        let (_, paras) = split(body, Format::Markdown);
        assert_eq!(texts(body, &paras), ["quoted para"]);
    }

    #[test]
    fn a_plain_text_table_is_one_block() {
        let body = "Arrivals by region.\nRegion\t2023\t2024\nNorth\t1,200\t1,450\nSouth\t980\t1,010\nSource: the ministry.";
        let (_, paras) = split(body, Format::Text);
        assert_eq!(
            texts(body, &paras),
            [
                "Arrivals by region.",
                "Region\t2023\t2024\nNorth\t1,200\t1,450\nSouth\t980\t1,010",
                "Source: the ministry."
            ]
        );
    }

    #[test]
    fn plain_text_lines_are_paragraphs() {
        let body = "One line.\n\n  Two.\nThree.";
        let (sections, paras) = split(body, Format::Text);
        assert_eq!(texts(body, &paras), ["One line.", "Two.", "Three."]);
        assert_eq!(sections.len(), 1);
    }

    /// Many headings with one title get the same ids as before, in linear
    /// time: a heading titled like an earlier suffixed id ("More 2") takes
    /// its slug, and the repeats skip it.
    #[test]
    fn repeated_headings_number_on_without_rescanning() {
        let mut body = String::from("## More 2\n\nx\n\n");
        for _ in 0..20_000 {
            body.push_str("## More\n\nx\n\n");
        }
        let started = std::time::Instant::now();
        let (sections, _) = split(&body, Format::Markdown);
        let ids: Vec<&str> = sections.iter().map(|s| s.id.as_str()).take(4).collect();
        assert_eq!(ids, ["more-2", "more", "more-3", "more-4"]);
        assert_eq!(sections.last().map(|s| s.id.as_str()), Some("more-20001"));
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}

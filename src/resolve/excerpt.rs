//! An excerpt's paragraphs as blocks a renderer can set: a restricted
//! reading of the source that keeps paragraphs, bulleted and numbered lists
//! (nested, with the source's numbering) and emphasis, and nothing else.
//!
//! Everything else a Markdown body marks up (links, images, code, raw HTML,
//! footnote marks, maths, `@cite`, Typst markup, backslashes) comes out as
//! its own source text, so a renderer escapes it and the reader sees what
//! the document says. The walk keeps a cursor into the source and copies
//! every byte between the structures it keeps, so nothing the parser would
//! have dropped or rewritten (an escape, an entity, a link's target) is lost.
//!
//! Plain-text (`.txt`) documents have no emphasis; a run of two or more
//! lines that begin with one bullet (`- `, `* `, `• `) or with consecutive
//! numbers (`1. `, `2. ` or `1) `, `2) `) is a list, since the corpus reads
//! every such line as a paragraph of its own already. A single such line is
//! left as written: a lone "- " or "2024. " line is too often not a list.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::brief::{ExcerptBlock, ExcerptList, Span};
use crate::corpus::Format;
use crate::extract::text::trim_range;

/// The blocks of the paragraphs `selected` (byte ranges into `body`, in
/// document order; the corpus's paragraphs) of a body in `format`. `all` is
/// every paragraph of the document, which a plain-text list is found in.
pub fn blocks(
    body: &str,
    format: Format,
    all: &[Range<usize>],
    selected: &[Range<usize>],
) -> Vec<ExcerptBlock> {
    let until = selected.iter().map(|p| p.end).max().unwrap_or(0);
    let pieces = match format {
        Format::Markdown => markdown_pieces(body, until),
        Format::Text | Format::Data => text_pieces(body, all),
    };
    let mut chosen: Vec<(&[Level], Vec<Span>)> = Vec::with_capacity(selected.len());
    let mut next = 0;
    for p in selected {
        // The pieces the paragraph overlaps: one, but for a tight item whose
        // text the corpus reads across a block nested in it. Pieces are
        // disjoint and in document order.
        let first = pieces.partition_point(|piece| piece.range.end <= p.start);
        let mut found = false;
        for (i, piece) in pieces.iter().enumerate().skip(first) {
            if piece.range.start >= p.end.max(p.start + 1) {
                break;
            }
            found = true;
            if i >= next {
                next = i + 1;
                chosen.push((&piece.path, piece.spans.clone()));
            }
        }
        if !found {
            // Not a piece the walk found: the paragraph as written.
            chosen.push((&[], tidy(vec![Span::plain(&body[p.clone()])])));
        }
    }
    nest(&chosen)
}

/// Lists nested deeper than this are set as paragraphs of the deepest item
/// kept: hostile input may nest thousands deep, and every renderer recurses.
const MAX_DEPTH: usize = 6;

/// Where a piece of text stands in the lists around it, outermost first.
#[derive(Debug, Clone, PartialEq)]
struct Level {
    /// Tells lists apart (a count of lists seen), and items within them.
    list: usize,
    item: usize,
    ordered: bool,
    /// The item's number in its list (bullets count too, unshown).
    number: u64,
}

/// A paragraph, or the text of a list item, found in the body.
#[derive(Debug)]
struct Piece {
    range: Range<usize>,
    path: Vec<Level>,
    spans: Vec<Span>,
}

/// Groups pieces into paragraphs and (nested) lists by their paths.
fn nest(pieces: &[(&[Level], Vec<Span>)]) -> Vec<ExcerptBlock> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let (path, spans) = &pieces[i];
        let Some(level) = path.first() else {
            out.push(ExcerptBlock::Paragraph {
                spans: spans.clone(),
            });
            i += 1;
            continue;
        };
        let mut items = Vec::new();
        while i < pieces.len() && pieces[i].0.first().is_some_and(|l| l.list == level.list) {
            let item = pieces[i].0[0].item;
            let mut inner: Vec<(&[Level], Vec<Span>)> = Vec::new();
            while i < pieces.len() && pieces[i].0.first().is_some_and(|l| l.item == item) {
                inner.push((&pieces[i].0[1..], pieces[i].1.clone()));
                i += 1;
            }
            items.push(nest(&inner));
        }
        out.push(ExcerptBlock::List(ExcerptList {
            ordered: level.ordered,
            start: level.number,
            items,
        }));
    }
    out
}

/// Every prose block of a Markdown body with its spans, as
/// `extract::sections` counts them: paragraphs outside code, HTML and
/// headings, and the text of tight list items. The walk stops after byte
/// `until`: an excerpt near the top of a long document reads only that far.
fn markdown_pieces(body: &str, until: usize) -> Vec<Piece> {
    let mut walk = Walk {
        body,
        pieces: Vec::new(),
        path: Vec::new(),
        lists: Vec::new(),
        seen: 0,
        open: None,
        skip: 0,
        heading: false,
    };
    for (event, range) in Parser::new(body).into_offset_iter() {
        if range.start > until {
            break;
        }
        walk.event(event, range);
    }
    walk.close();
    walk.pieces
}

/// An open list: its id, whether numbered, and the next item's number.
struct OpenList {
    id: usize,
    ordered: bool,
    next: u64,
}

struct Walk<'a> {
    body: &'a str,
    pieces: Vec<Piece>,
    path: Vec<Level>,
    lists: Vec<OpenList>,
    /// Lists and items seen so far, for their ids.
    seen: usize,
    /// The piece being read.
    open: Option<Inline>,
    /// Depth inside code, HTML blocks and the like, which are not prose.
    skip: usize,
    heading: bool,
}

impl Walk<'_> {
    fn event(&mut self, event: Event, range: Range<usize>) {
        match event {
            Event::Start(Tag::Paragraph) if self.skip == 0 && !self.heading => {
                self.close();
                let range = trim_range(self.body, range);
                self.open = Some(Inline::new(range.start));
            }
            Event::End(TagEnd::Paragraph) => self.close(),
            Event::Start(Tag::Heading { .. }) => {
                self.close();
                self.heading = true;
            }
            Event::End(TagEnd::Heading(_)) => self.heading = false,
            Event::Start(
                Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Table(_) | Tag::MetadataBlock(_),
            ) => {
                self.close();
                self.skip += 1;
            }
            Event::End(
                TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Table | TagEnd::MetadataBlock(_),
            ) => self.skip = self.skip.saturating_sub(1),
            Event::Start(Tag::List(start)) => {
                self.close();
                self.seen += 1;
                self.lists.push(OpenList {
                    id: self.seen,
                    ordered: start.is_some(),
                    next: start.unwrap_or(1),
                });
            }
            Event::End(TagEnd::List(_)) => {
                self.close();
                self.lists.pop();
            }
            Event::Start(Tag::Item) => {
                self.close();
                self.seen += 1;
                if let Some(list) = self.lists.last_mut() {
                    self.path.push(Level {
                        list: list.id,
                        item: self.seen,
                        ordered: list.ordered,
                        number: list.next,
                    });
                    list.next += 1;
                }
            }
            Event::End(TagEnd::Item) => {
                self.close();
                self.path.pop();
            }
            Event::Start(Tag::BlockQuote(_) | Tag::FootnoteDefinition(_)) => self.close(),
            _ if self.skip > 0 || self.heading => {}
            inline => {
                // Text outside a paragraph is a tight list item's.
                if self.open.is_none() && !self.path.is_empty() {
                    self.open = Some(Inline::new(range.start));
                }
                if let Some(open) = &mut self.open {
                    open.event(self.body, &inline, range);
                }
            }
        }
    }

    /// Ends the piece being read, if any.
    fn close(&mut self) {
        if let Some(open) = self.open.take() {
            let range = open.start..open.end.max(open.start);
            let spans = open.finish(self.body);
            if !spans.is_empty() {
                self.pieces.push(Piece {
                    range,
                    path: self.path[..self.path.len().min(MAX_DEPTH)].to_vec(),
                    spans,
                });
            }
        }
    }
}

/// The inline text of one piece, read with a cursor into the source.
struct Inline {
    start: usize,
    /// How far the source is copied; `None` after a line break, until the
    /// next event (skipping the next line's indentation or `>` marks).
    cursor: Option<usize>,
    /// The end of the last event seen.
    end: usize,
    emphasis: usize,
    strong: usize,
    /// Depth inside links and images, whose source is copied as it stands.
    literal: usize,
    spans: Vec<Span>,
}

impl Inline {
    fn new(start: usize) -> Inline {
        Inline {
            start,
            cursor: Some(start),
            end: start,
            emphasis: 0,
            strong: 0,
            literal: 0,
            spans: Vec::new(),
        }
    }

    fn event(&mut self, body: &str, event: &Event, range: Range<usize>) {
        if self.cursor.is_none() {
            self.cursor = Some(range.start);
        }
        self.end = self.end.max(range.end);
        let delimiter = match event {
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => 1,
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => 2,
            _ => 0,
        };
        // Emphasis inside a link is part of the link's literal text.
        let structural = delimiter > 0 && self.literal == 0 && range.len() >= 2 * delimiter;
        match event {
            Event::Start(Tag::Emphasis | Tag::Strong) if structural => {
                self.copy(body, range.start);
                self.skip_to(range.start + delimiter);
                self.style(delimiter, 1);
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong) if structural => {
                self.copy(body, range.end - delimiter);
                self.skip_to(range.end);
                self.style(delimiter, -1);
            }
            Event::SoftBreak | Event::HardBreak => {
                self.copy(body, range.start);
                self.push(" ");
                self.cursor = None;
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => self.literal += 1,
            Event::End(TagEnd::Link | TagEnd::Image) => {
                self.literal = self.literal.saturating_sub(1);
            }
            // Text, code, HTML and the rest: the cursor copies their source.
            _ => {}
        }
    }

    fn style(&mut self, delimiter: usize, by: isize) {
        let depth = if delimiter == 1 {
            &mut self.emphasis
        } else {
            &mut self.strong
        };
        *depth = depth.saturating_add_signed(by);
    }

    /// Moves the cursor past a delimiter, never back over text copied already.
    fn skip_to(&mut self, to: usize) {
        self.cursor = Some(self.cursor.map_or(to, |c| c.max(to)));
    }

    /// Copies the source from the cursor up to `to` as text.
    fn copy(&mut self, body: &str, to: usize) {
        if let Some(from) = self.cursor
            && from < to
            && let Some(text) = body.get(from..to)
        {
            self.push(text);
            self.cursor = Some(to);
        }
    }

    fn push(&mut self, text: &str) {
        let (emphasis, strong) = (self.emphasis > 0, self.strong > 0);
        match self.spans.last_mut() {
            Some(s) if s.emphasis == emphasis && s.strong == strong => s.text.push_str(text),
            _ => self.spans.push(Span {
                text: text.to_string(),
                emphasis,
                strong,
            }),
        }
    }

    fn finish(mut self, body: &str) -> Vec<Span> {
        let end = self.end;
        self.copy(body, end);
        tidy(self.spans)
    }
}

/// Spans as a renderer wants them: white space collapsed to single spaces
/// and trimmed at the ends, a styled span's edge spaces moved out of its
/// style (Markdown's `*` may not stand next to a space), empty spans dropped
/// and neighbours of one style merged.
fn tidy(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    let push = |text: &str, emphasis: bool, strong: bool, out: &mut Vec<Span>| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(s) if s.emphasis == emphasis && s.strong == strong => s.text.push_str(text),
            _ => out.push(Span {
                text: text.to_string(),
                emphasis,
                strong,
            }),
        }
    };
    for span in spans {
        let text = collapse(&span.text);
        let core = text.trim_matches(' ');
        if core.is_empty() {
            push(&text, false, false, &mut out);
            continue;
        }
        if text.starts_with(' ') {
            push(" ", false, false, &mut out);
        }
        push(core, span.emphasis, span.strong, &mut out);
        if text.ends_with(' ') {
            push(" ", false, false, &mut out);
        }
    }
    // One space between words, none at the ends.
    let mut tidy: Vec<Span> = Vec::with_capacity(out.len());
    for mut span in out {
        let after_space = tidy.last().is_none_or(|s| s.text.ends_with(' '));
        if after_space {
            span.text = span.text.trim_start_matches(' ').to_string();
        }
        if !span.text.is_empty() {
            tidy.push(span);
        }
    }
    if let Some(last) = tidy.last_mut() {
        let trimmed = last.text.trim_end_matches(' ').len();
        last.text.truncate(trimmed);
        if last.text.is_empty() {
            tidy.pop();
        }
    }
    tidy
}

/// Runs of white space (line breaks included) as one space each.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    if space {
        out.push(' ');
    }
    out
}

/// A plain-text line's list marker: a bullet character, or a number and
/// its delimiter; with where the item's text starts.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Marker {
    Bullet(char),
    Number(u64, char),
}

fn marker(line: &str) -> Option<(Marker, usize)> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    if matches!(first, '-' | '*' | '•') {
        let after = first.len_utf8();
        return line[after..]
            .starts_with(' ')
            .then_some((Marker::Bullet(first), after + 1));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 9 {
        return None;
    }
    let delimiter = line[digits..].chars().next()?;
    if !matches!(delimiter, '.' | ')') || !line[digits + 1..].starts_with(' ') {
        return None;
    }
    let number = line[..digits].parse().ok()?;
    Some((Marker::Number(number, delimiter), digits + 2))
}

/// Whether `next` continues a list whose last item had `previous`.
fn continues(previous: Marker, next: Marker) -> bool {
    match (previous, next) {
        (Marker::Bullet(a), Marker::Bullet(b)) => a == b,
        (Marker::Number(a, x), Marker::Number(b, y)) => x == y && a.checked_add(1) == Some(b),
        _ => false,
    }
}

/// The paragraphs (lines) of a plain-text body, runs of list lines as lists.
fn text_pieces(body: &str, all: &[Range<usize>]) -> Vec<Piece> {
    let markers: Vec<Option<(Marker, usize)>> = all
        .iter()
        .map(|p| body.get(p.clone()).and_then(marker))
        .collect();
    let mut pieces = Vec::with_capacity(all.len());
    let mut i = 0;
    while i < all.len() {
        let mut j = i + 1;
        if let Some((first, _)) = markers[i] {
            let mut previous = first;
            while let Some(Some((m, _))) = markers.get(j) {
                if !continues(previous, *m) {
                    break;
                }
                previous = *m;
                j += 1;
            }
        }
        if j - i < 2 {
            let p = all[i].clone();
            pieces.push(Piece {
                spans: tidy(vec![Span::plain(&body[p.clone()])]),
                range: p,
                path: Vec::new(),
            });
            i += 1;
            continue;
        }
        for (k, p) in all.iter().enumerate().take(j).skip(i) {
            let Some((m, offset)) = markers[k] else {
                continue;
            };
            let number = match m {
                Marker::Number(n, _) => n,
                Marker::Bullet(_) => (k - i + 1) as u64,
            };
            pieces.push(Piece {
                spans: tidy(vec![Span::plain(&body[p.start + offset..p.end])]),
                range: p.clone(),
                path: vec![Level {
                    list: i,
                    item: k,
                    ordered: matches!(m, Marker::Number(..)),
                    number,
                }],
            });
        }
        i = j;
    }
    pieces
}

#[cfg(test)]
mod tests;

//! Where a chart or table goes on the page.
//!
//! Charts and short tables are kept whole (the template makes them
//! unbreakable), so one that does not fit below the text before it moves to
//! the next page and leaves the rest of this one blank. Typst's own floats
//! would fill the gap, but they keep their footnotes in source order, so a
//! page would read notes 1–6, 13 and the next 7–12. Instead the brief is
//! laid out, each page measured, and where a page is more than a sixth empty
//! because a chart or table moved on, that chart or table is set after the
//! text that follows it, in the source, and the brief laid out again: the
//! text fills the gap and Typst numbers the notes in the order they are read.
//!
//! A move is made only where it keeps every note's wording right: the first
//! note of each document stays the full one and no "Ibid." changes its
//! neighbour (see [`notes_agree`]). The Markdown keeps the spec's order.

use typst::foundations::{Label, Selector, Value};
use typst::introspection::MetadataElem;
use typst::layout::{Abs, Frame, FrameItem, Point};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;

use crate::brief::{Block, Brief, FigureLayout};

/// A page whose largest blank band is more than this share of the page's
/// height has a chart or table set later. The band is measured between the
/// last line of text and the notes (or the footer), so it takes in part of
/// the bottom margin. The bound is a third; a sixth leaves an editor
/// no band worth a remark (about nine lines of text).
const EMPTY_SHARE: f64 = 0.15;

/// How many moves one brief may make: each costs a layout of the brief.
pub const MAX_MOVES: usize = 4;

/// The label of the marker the source sets before each item of the body,
/// carrying the item's place in the reading order.
pub const MARKER: &str = "brief-item";

/// One item of the brief's body as the PDF sets it: a section's heading or
/// one of its blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Heading(usize),
    Block(usize, usize),
}

/// The order in which the PDF sets the body's items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order(pub Vec<Item>);

impl Order {
    /// The spec's order, which the Markdown keeps.
    pub fn reading(brief: &Brief) -> Order {
        let mut items = Vec::new();
        for (s, section) in brief.sections.iter().enumerate() {
            items.push(Item::Heading(s));
            items.extend((0..section.blocks.len()).map(|b| Item::Block(s, b)));
        }
        Order(items)
    }

    /// This order with the chart or table at `at` (and any run of charts and
    /// tables right after it) set after the text that follows the run: the
    /// next block, with its heading when that is a heading. `None` when no
    /// text follows before the next chart or table or the end.
    fn defer(&self, brief: &Brief, at: usize) -> Option<Order> {
        let items = &self.0;
        let mut end = at;
        while end < items.len() && is_float(brief, items[end]) {
            end += 1;
        }
        let mut after = end;
        if matches!(items.get(after), Some(Item::Heading(_))) {
            after += 1;
        }
        match items.get(after) {
            Some(&item) if !is_float(brief, item) && matches!(item, Item::Block(..)) => {}
            _ => return None,
        }
        let mut moved = items[..at].to_vec();
        moved.extend_from_slice(&items[end..=after]);
        moved.extend_from_slice(&items[at..end]);
        moved.extend_from_slice(&items[after + 1..]);
        Some(Order(moved))
    }
}

/// A chart or a figures table: the blocks the template keeps whole and
/// that may be set a little later than the spec places them.
fn is_float(brief: &Brief, item: Item) -> bool {
    let Item::Block(s, b) = item else {
        return false;
    };
    matches!(
        brief.sections[s].blocks[b],
        Block::Chart(_)
            | Block::Figures {
                layout: FigureLayout::Table,
                ..
            }
    )
}

/// The first page (before the last) that is more than [`EMPTY_SHARE`] empty
/// because a chart or table moved on to the next one, and the order that
/// sets that chart or table after the text that follows it.
pub fn improve(document: &PagedDocument, brief: &Brief, order: &Order) -> Option<(usize, Order)> {
    let starts = item_pages(document);
    let pages = document.pages();
    for (page, p) in pages.iter().enumerate().take(pages.len().saturating_sub(1)) {
        if blank(&p.frame) <= p.frame.height() * EMPTY_SHARE {
            continue;
        }
        // The first block set on the next page, past any heading that
        // went with it.
        let next = order
            .0
            .iter()
            .enumerate()
            .filter(|(i, _)| starts.get(*i).copied().flatten() == Some(page + 1))
            .find(|(_, item)| matches!(item, Item::Block(..)));
        let Some((at, &item)) = next else { continue };
        if !is_float(brief, item) {
            continue;
        }
        if let Some(moved) = order.defer(brief, at) {
            return Some((page, moved));
        }
    }
    None
}

/// Whether `page`'s blank band is smaller in `after` than in `before`,
/// with no page added.
pub fn better(before: &PagedDocument, after: &PagedDocument, page: usize) -> bool {
    let blank_on = |d: &PagedDocument| d.pages().get(page).map(|p| blank(&p.frame));
    after.pages().len() <= before.pages().len()
        && matches!((blank_on(before), blank_on(after)), (Some(b), Some(a)) if a < b)
}

/// Each marker's page (counted from 0), indexed by its place in the order.
fn item_pages(document: &PagedDocument) -> Vec<Option<usize>> {
    let Some(label) = Label::new(PicoStr::intern(MARKER)) else {
        return Vec::new();
    };
    let introspector = document.introspector();
    let mut pages = Vec::new();
    for marker in introspector.elements().query(&Selector::Label(label)) {
        let Some(meta) = marker.to_packed::<MetadataElem>() else {
            continue;
        };
        let Value::Int(i) = meta.value else { continue };
        let (Ok(i), Some(loc)) = (usize::try_from(i), marker.location()) else {
            continue;
        };
        let Some(position) = introspector.position(loc) else {
            continue;
        };
        if pages.len() <= i {
            pages.resize(i + 1, None);
        }
        pages[i] = Some(position.page.get() - 1);
    }
    pages
}

/// The tallest band of a page with nothing drawn in it, between two things
/// drawn (the page's own top and bottom margins do not count).
fn blank(page: &Frame) -> Abs {
    let mut bands = Vec::new();
    extents(page, Point::zero(), &mut bands);
    bands.sort_by_key(|band| band.0);
    let mut largest = Abs::zero();
    let mut reached: Option<Abs> = None;
    for (top, bottom) in bands {
        if let Some(r) = reached
            && top > r
        {
            largest.set_max(top - r);
        }
        reached = Some(reached.map_or(bottom, |r| r.max(bottom)));
    }
    largest
}

/// The vertical extent of everything drawn in `frame`, on the page.
fn extents(frame: &Frame, origin: Point, out: &mut Vec<(Abs, Abs)>) {
    for (pos, item) in frame.items() {
        let at = origin + *pos;
        match item {
            FrameItem::Group(group) => {
                let shift = Point::new(group.transform.tx, group.transform.ty);
                extents(&group.frame, at + shift, out);
            }
            FrameItem::Text(text) => out.push((at.y - text.size * 0.8, at.y + text.size * 0.25)),
            FrameItem::Shape(shape, _) => {
                let bbox = shape.bbox(true);
                out.push((at.y + bbox.min.y, at.y + bbox.max.y));
            }
            FrameItem::Image(_, size, _) => out.push((at.y, at.y + size.y)),
            FrameItem::Link(..) | FrameItem::Tag(_) => {}
        }
    }
}

/// Whether `order` gives every note the wording `reading` gave it: the
/// first note of each document (the full one) is still the first of its
/// document, and each note follows a note of the same document exactly
/// when it did before (what "Ibid." depends on). `reading` and `order`
/// list note numbers in the order each source first uses them
/// ([`super::source::Generated::notes`]).
pub fn notes_agree(brief: &Brief, reading: &[usize], order: &[usize]) -> bool {
    shape(brief, reading) == shape(brief, order)
}

/// For each note number: whether it is its document's first, and whether
/// the note before it cites the same document.
fn shape(brief: &Brief, used: &[usize]) -> Vec<(usize, bool, bool)> {
    let doc = |n: usize| crate::brief::note(&brief.notes, n).map(|n| n.doc.as_str());
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<(usize, bool, bool)> = used
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let first = seen.insert(doc(n));
            let same = i > 0 && doc(used[i - 1]) == doc(n);
            (n, first, same)
        })
        .collect();
    out.sort();
    out
}

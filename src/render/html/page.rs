//! The brief as the values the HTML template reads. Every text is HTML
//! already (escaped, CJK runs marked with their language, notes as links),
//! handed to the template as safe values: the template decides where each
//! goes and how it looks, and cannot unescape anything. Values are plain
//! so a template can be written from this file alone.

use minijinja::Value;
use serde::Serialize;

use super::marks::Marks;
use super::{prose, text};
use crate::brief::{
    Block, Brief, Chart, ChartKind, ExcerptBlock, ExcerptItem, FigureItem, FigureLayout, QuoteItem,
    Span, short_citation,
};
use crate::cite::Rich;

/// HTML the template prints as it is.
fn safe(html: String) -> Value {
    Value::from_safe_string(html)
}

fn plain(s: &str) -> Value {
    safe(text::html(s))
}

#[derive(Debug, Serialize)]
pub struct Page {
    /// The page's language (`<html lang>`); CJK runs carry their own.
    pub lang: &'static str,
    pub title: Value,
    /// The title as plain text, for `<title>` (which holds no markup).
    pub title_text: String,
    pub subtitle: Option<Value>,
    pub organisation: Option<Value>,
    pub author: Option<Value>,
    /// The author as plain text, for `<meta name="author">`.
    pub author_text: Option<String>,
    /// `2025-03-03`, for `<time datetime>`.
    pub date: String,
    /// `3 March 2025`.
    pub date_text: String,
    pub audience: Option<Audience>,
    pub key_points: Vec<Value>,
    pub summary: Option<Value>,
    pub sections: Vec<Section>,
    pub sources: Vec<Value>,
    pub notes: Vec<Note>,
}

#[derive(Debug, Serialize)]
pub struct Audience {
    pub label: Value,
    pub note: Option<Value>,
}

#[derive(Debug, Serialize)]
pub struct Section {
    /// An id for the section's heading, unique in the page.
    pub id: String,
    pub title: Value,
    pub blocks: Vec<BlockValue>,
}

/// One block of a section; `kind` says which.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum BlockValue {
    Prose {
        html: Value,
    },
    Quote {
        text: Value,
        /// Who the attribution names, if anyone.
        who: Option<Value>,
        /// The source's web address, for `<blockquote cite>`.
        cite: Option<String>,
        mark: Value,
    },
    Figures {
        /// `table` or `list`.
        layout: &'static str,
        caption: Value,
        /// Whether any figure says when (the table then has a "When" column).
        when: bool,
        rows: Vec<FigureRow>,
    },
    Chart {
        /// An id for the chart's figure, unique in the page.
        id: String,
        svg: Value,
        caption: Value,
        /// The header of the values' column ("Value" or the unit).
        value_header: Value,
        /// Whether any point names what kind of count it is.
        measures: bool,
        rows: Vec<ChartRow>,
        /// "Source" or "Sources", and the sources' short citations.
        sources_label: &'static str,
        sources: Option<Value>,
    },
    Excerpt {
        heading: Option<Value>,
        html: Value,
        cite: Option<String>,
        source: Value,
        mark: Value,
    },
}

#[derive(Debug, Serialize)]
pub struct FigureRow {
    pub shown: Value,
    pub counts: Option<Value>,
    pub when: Option<Value>,
    pub source: Value,
    pub mark: Value,
}

#[derive(Debug, Serialize)]
pub struct ChartRow {
    pub label: Value,
    pub measure: Option<Value>,
    pub value: Value,
    pub mark: Value,
}

#[derive(Debug, Serialize)]
pub struct Note {
    pub number: usize,
    /// `fn3`: what every mark of this note links to.
    pub id: String,
    pub text: Value,
    /// The ids of the note's marks, in reading order, to link back to.
    pub uses: Vec<String>,
}

/// The page of `brief`; `svg(chart)` gives a chart's SVG as written for
/// the Markdown's image file.
pub fn page(brief: &Brief, svg: &dyn Fn(&Chart) -> Option<String>) -> Page {
    let mut marks = Marks::default();
    let mut mark = |n: usize| marks.mark(n);
    let key_points = brief
        .key_points
        .iter()
        .map(|p| safe(prose::html(p, &mut mark)))
        .collect();
    let summary = brief
        .summary
        .as_ref()
        .map(|p| safe(prose::html(p, &mut mark)));
    let mut charts = 0;
    let mut sections = Vec::new();
    for (i, section) in brief.sections.iter().enumerate() {
        let mut blocks = Vec::new();
        for block in &section.blocks {
            let value = match block {
                Block::Text(p) => BlockValue::Prose {
                    html: safe(prose::html(p, &mut mark)),
                },
                Block::Quotes { items } => {
                    for q in items {
                        blocks.push(quote(brief, q, &mut mark));
                    }
                    continue;
                }
                Block::Figures { layout, items } => {
                    figures(brief, &section.title, *layout, items, &mut mark)
                }
                Block::Chart(c) => {
                    charts += 1;
                    chart(brief, c, charts, svg(c), &mut mark)
                }
                Block::Excerpt(e) => excerpt(brief, e, &mut mark),
            };
            blocks.push(value);
        }
        sections.push(Section {
            id: format!("section-{}", i + 1),
            title: plain(&section.title),
            blocks,
        });
    }
    let notes = brief
        .notes
        .iter()
        .map(|n| Note {
            number: n.number,
            id: format!("fn{}", n.number),
            text: safe(rich(&n.text)),
            uses: marks.uses(n.number).to_vec(),
        })
        .collect();
    Page {
        lang: "en",
        title: plain(&brief.title),
        title_text: brief.title.clone(),
        subtitle: brief.subtitle.as_deref().map(plain),
        organisation: brief.organisation.as_deref().map(plain),
        author: brief.author.as_deref().map(plain),
        author_text: brief.author.clone(),
        date: brief.date.format("%Y-%m-%d").to_string(),
        date_text: brief.date.format("%-d %B %Y").to_string(),
        audience: brief.audience.as_ref().map(|a| Audience {
            label: plain(&a.label),
            note: a.note.as_deref().map(plain),
        }),
        key_points,
        summary,
        sections,
        sources: brief.sources.iter().map(|s| safe(rich(&s.text))).collect(),
        notes,
    }
}

fn quote(brief: &Brief, q: &QuoteItem, mark: &mut dyn FnMut(usize) -> String) -> BlockValue {
    BlockValue::Quote {
        text: plain(&q.text),
        who: q.who().as_deref().map(plain),
        cite: web_address(brief, q.note),
        mark: safe(mark(q.note)),
    }
}

fn figures(
    brief: &Brief,
    section: &str,
    layout: FigureLayout,
    items: &[FigureItem],
    mark: &mut dyn FnMut(usize) -> String,
) -> BlockValue {
    let rows = items
        .iter()
        .map(|f| FigureRow {
            shown: plain(&f.shown),
            counts: f.counts().map(plain),
            when: f.when.as_deref().map(plain),
            source: safe(rich(&short_citation(&brief.notes, f.note))),
            mark: safe(mark(f.note)),
        })
        .collect();
    BlockValue::Figures {
        layout: match layout {
            FigureLayout::Table => "table",
            FigureLayout::List => "list",
        },
        caption: safe(format!("Figures: {}", text::html(section))),
        when: items.iter().any(|f| f.when.is_some()),
        rows,
    }
}

fn chart(
    brief: &Brief,
    c: &Chart,
    n: usize,
    svg: Option<String>,
    mark: &mut dyn FnMut(usize) -> String,
) -> BlockValue {
    let id = format!("chart-{n}");
    let title = c.title.as_deref().unwrap_or("Chart");
    let rows: Vec<ChartRow> = c
        .points
        .iter()
        .map(|p| ChartRow {
            label: plain(&p.label),
            measure: p.measure.as_deref().map(plain),
            value: plain(&crate::render::chart::value_label(c, p.value)),
            mark: safe(mark(p.note)),
        })
        .collect();
    let description = format!(
        "{} of {} {}; the table below gives each value and its source.",
        match c.kind {
            ChartKind::Bar => "Bar chart",
            ChartKind::Line => "Line chart",
        },
        c.points.len(),
        if c.points.len() == 1 {
            "value"
        } else {
            "values"
        },
    );
    let svg = svg
        .map(|s| inline_svg(&s, &id, title, &description))
        .unwrap_or_default();
    let sources: Vec<String> = crate::render::chart_sources(c, &brief.notes)
        .iter()
        .map(rich)
        .collect();
    BlockValue::Chart {
        svg: safe(svg),
        caption: plain(title),
        value_header: plain(c.unit.as_deref().unwrap_or("Value")),
        measures: c.points.iter().any(|p| p.measure.is_some()),
        rows,
        sources_label: if sources.len() > 1 {
            "Sources"
        } else {
            "Source"
        },
        sources: (!sources.is_empty()).then(|| safe(sources.join("; "))),
        id,
    }
}

/// The chart's SVG made part of the page: no XML prologue, a role and
/// accessible name from its `<title>` and a `<desc>`, ids of its own.
pub fn inline_svg(svg: &str, id: &str, title: &str, description: &str) -> String {
    let body = svg
        .trim_start()
        .strip_prefix("<?xml")
        .and_then(|rest| rest.split_once("?>"))
        .map_or(svg.trim_start(), |(_, rest)| rest.trim_start());
    let Some(rest) = body.strip_prefix("<svg") else {
        return String::new();
    };
    let Some(end) = rest.find('>') else {
        return String::new();
    };
    let (attributes, inner) = (&rest[..end], &rest[end + 1..]);
    // Our SVG writer puts its <title> first; a second would be announced twice.
    let inner = match inner.trim_start().strip_prefix("<title>") {
        Some(after) => after.split_once("</title>").map_or(inner, |(_, r)| r),
        None => inner,
    };
    format!(
        "<svg{attributes} role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>{inner}",
        text::escape(title),
        text::escape(description),
    )
}

fn excerpt(brief: &Brief, e: &ExcerptItem, mark: &mut dyn FnMut(usize) -> String) -> BlockValue {
    BlockValue::Excerpt {
        heading: e.heading.as_deref().map(plain),
        html: safe(excerpt_blocks(&e.blocks)),
        cite: web_address(brief, e.note),
        source: safe(rich(&short_citation(&brief.notes, e.note))),
        mark: safe(mark(e.note)),
    }
}

fn excerpt_blocks(blocks: &[ExcerptBlock]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            ExcerptBlock::Paragraph { spans } => {
                out.push_str("<p>");
                out.push_str(&spans_html(spans));
                out.push_str("</p>\n");
            }
            ExcerptBlock::List(list) => {
                match (list.ordered, list.start) {
                    (false, _) => out.push_str("<ul>\n"),
                    (true, 1) => out.push_str("<ol>\n"),
                    (true, start) => out.push_str(&format!("<ol start=\"{start}\">\n")),
                }
                for item in &list.items {
                    out.push_str("<li>");
                    // A list item's text is its first paragraph: no <p> of its own.
                    let inner = excerpt_blocks(item);
                    let inner = inner
                        .strip_prefix("<p>")
                        .and_then(|s| s.split_once("</p>\n"))
                        .map_or(inner.clone(), |(first, rest)| format!("{first}{rest}"));
                    out.push_str(inner.trim_end());
                    out.push_str("</li>\n");
                }
                out.push_str(if list.ordered { "</ol>\n" } else { "</ul>\n" });
            }
        }
    }
    out
}

fn spans_html(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        let t = text::html(&s.text);
        match (s.emphasis, s.strong) {
            (true, true) => out.push_str(&format!("<strong><em>{t}</em></strong>")),
            (true, false) => out.push_str(&format!("<em>{t}</em>")),
            (false, true) => out.push_str(&format!("<strong>{t}</strong>")),
            (false, false) => out.push_str(&t),
        }
    }
    out
}

/// The web address the source of note `note` gives, if any.
fn web_address(brief: &Brief, note: usize) -> Option<String> {
    let doc = &crate::brief::note(&brief.notes, note)?.doc;
    let source = brief.sources.iter().find(|s| &s.doc == doc)?;
    source
        .text
        .0
        .iter()
        .filter_map(|r| r.link.as_deref())
        .find(|url| text::is_web(url))
        .map(str::to_string)
}

/// A citation's runs as HTML: italics and bold kept, web addresses linked.
pub fn rich(r: &Rich) -> String {
    let mut out = String::new();
    for run in &r.0 {
        let t = text::html(&run.text);
        let t = match (run.italic, run.bold) {
            (true, true) => format!("<strong><em>{t}</em></strong>"),
            (true, false) => format!("<em>{t}</em>"),
            (false, true) => format!("<strong>{t}</strong>"),
            (false, false) => t,
        };
        match run.link.as_deref().filter(|u| text::is_web(u)) {
            Some(url) => out.push_str(&format!("<a href=\"{}\">{t}</a>", text::escape(url))),
            None => out.push_str(&t),
        }
    }
    out
}

//! The brief as the document's body (`word/document.xml`), in the
//! Markdown's order, so Word numbers the notes as the brief does: title
//! block, key points, summary, sections (prose, quotes, figures, charts,
//! excerpts), sources. The notes themselves are in `footnotes.xml`.

use super::body::{self, Body};
use super::image;
use super::runs::{self, Style};
use super::{excerpt, prose};
use crate::brief::{
    Block, Brief, Chart, ExcerptItem, FigureItem, FigureLayout, QuoteItem, short_citation,
};

const NAMESPACES: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"";

/// A4 with 2.5 cm margins (in twentieths of a point).
const SECTION: &str = "<w:sectPr><w:footnotePr><w:numFmt w:val=\"decimal\"/></w:footnotePr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1417\" w:bottom=\"1417\" w:left=\"1417\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>";

/// The body of `brief`; `png(chart)` gives a chart's picture, if drawn.
pub fn write(brief: &Brief, png: &mut dyn FnMut(&Chart) -> Option<image::Png>) -> Body {
    let mut body = Body {
        analyst_base: brief.notes.len() + 1,
        ..Body::default()
    };
    title_block(&mut body, brief);
    if !brief.key_points.is_empty() {
        body.heading(1, "Key points");
        let num = body.numbering.list(false, 1, 0);
        for point in &brief.key_points {
            prose::write(&mut body, point, "ListParagraph", Some(num));
        }
    }
    if let Some(summary) = &brief.summary {
        body.heading(1, "Summary");
        prose::write(&mut body, summary, "Normal", None);
    }
    let mut charts = 0;
    for section in &brief.sections {
        body.heading(1, &section.title);
        for block in &section.blocks {
            match block {
                Block::Text(p) => prose::write(&mut body, p, "Normal", None),
                Block::Quotes { items } => items.iter().for_each(|q| quote(&mut body, q)),
                Block::Figures { layout, items } => {
                    figures(&mut body, brief, &section.title, *layout, items)
                }
                Block::Chart(c) => {
                    charts += 1;
                    chart(&mut body, brief, c, charts, png(c));
                }
                Block::Excerpt(e) => excerpt_block(&mut body, brief, e),
            }
        }
    }
    if !brief.sources.is_empty() {
        body.heading(1, "Sources");
        let num = body.numbering.list(false, 1, 0);
        for source in &brief.sources {
            let content = runs::rich(&source.text, &mut body.rels);
            let props = super::numbering::item_properties("ListParagraph", num, 0);
            body.xml.push_str(&format!("<w:p>{props}{content}</w:p>"));
        }
    }
    body
}

/// The whole `word/document.xml` around a written body.
pub fn xml(body: &Body) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {NAMESPACES}><w:body>{}{SECTION}</w:body></w:document>",
        body.xml
    )
}

fn plain(text: &str) -> String {
    runs::text(text, Style::default())
}

fn title_block(body: &mut Body, brief: &Brief) {
    body.para("Title", &plain(&brief.title));
    if let Some(subtitle) = &brief.subtitle {
        body.para("Subtitle", &plain(subtitle));
    }
    let date = brief.date.format("%-d %B %Y").to_string();
    let byline: Vec<&str> = [&brief.organisation, &brief.author]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(std::iter::once(date.as_str()))
        .collect();
    body.para("Byline", &plain(&byline.join(" · ")));
    if let Some(audience) = &brief.audience {
        let bold = Style {
            bold: true,
            ..Style::default()
        };
        let mut content = runs::text(&format!("For {}.", audience.label), bold);
        if let Some(note) = &audience.note {
            content.push_str(&plain(&format!(" {note}")));
        }
        body.para("Normal", &content);
    }
}

/// A quote: its text in the Quote style, then the attribution line in the
/// same style, as the Markdown's block quote holds both; with nobody to
/// name, the mark ends the text.
fn quote(body: &mut Body, q: &QuoteItem) {
    let text = plain(&q.text);
    match q.who() {
        Some(who) => {
            body.para("Quote", &text);
            let line = format!("{}{}", plain(&format!("— {who}")), body.mark(q.note));
            body.para("QuoteAttribution", &line);
        }
        None => {
            let line = format!("{text}{}", body.mark(q.note));
            body.para("Quote", &line);
        }
    }
}

fn figures(
    body: &mut Body,
    brief: &Brief,
    section: &str,
    layout: FigureLayout,
    items: &[FigureItem],
) {
    match layout {
        FigureLayout::Table => {
            let when = items.iter().any(|f| f.when.is_some());
            body.para("TableCaption", &plain(&format!("Figures: {section}")));
            let mut header = vec![plain("Figure"), plain("What it counts")];
            if when {
                header.push(plain("When"));
            }
            header.push(plain("Source"));
            let mut rows = Vec::new();
            for f in items {
                let mut row = vec![plain(&f.shown), plain(f.counts().unwrap_or_default())];
                if when {
                    row.push(plain(f.when.as_deref().unwrap_or("not stated")));
                }
                let source = runs::rich(&short_citation(&brief.notes, f.note), &mut body.rels);
                row.push(format!("{source}{}", body.mark(f.note)));
                rows.push(row);
            }
            body::table(&mut body.xml, &header, &rows);
        }
        FigureLayout::List => {
            let num = body.numbering.list(false, 1, 0);
            for f in items {
                let bold = Style {
                    bold: true,
                    ..Style::default()
                };
                let mut content = runs::text(&f.shown, bold);
                if let Some(subject) = f.counts() {
                    content.push_str(&plain(&format!(": {subject}")));
                }
                if let Some(when) = &f.when {
                    content.push_str(&plain(&format!("; {when}")));
                }
                content.push_str(&plain("; "));
                content.push_str(&runs::rich(
                    &short_citation(&brief.notes, f.note),
                    &mut body.rels,
                ));
                content.push_str(&body.mark(f.note));
                let props = super::numbering::item_properties("ListParagraph", num, 0);
                body.xml.push_str(&format!("<w:p>{props}{content}</w:p>"));
            }
        }
    }
}

/// A chart: its picture with the chart's title as alternative text, its
/// caption with the sources, then its points as a table (the text a
/// reader without the picture needs, and each point's note).
fn chart(body: &mut Body, brief: &Brief, c: &Chart, n: usize, png: Option<image::Png>) {
    let title = c.title.as_deref().unwrap_or("Chart");
    if let Some(png) = png {
        let description = format!(
            "{title}. {} of {} {}; the table below gives each value and its source.",
            match c.kind {
                crate::brief::ChartKind::Bar => "Bar chart",
                crate::brief::ChartKind::Line => "Line chart",
            },
            c.points.len(),
            if c.points.len() == 1 {
                "value"
            } else {
                "values"
            },
        );
        let drawing = image::drawing(body, &png, n, title, &description);
        body.para("Figure", &drawing);
    }
    let sources: Vec<String> = crate::render::chart_sources(c, &brief.notes)
        .iter()
        .map(|s| runs::rich(s, &mut body.rels))
        .collect();
    let mut caption = plain(title);
    if !sources.is_empty() {
        let label = if sources.len() > 1 {
            "Sources"
        } else {
            "Source"
        };
        caption.push_str(&plain(&format!(". {label}: ")));
        caption.push_str(&sources.join(plain("; ").as_str()));
    }
    body.para("Caption", &caption);
    let measures = c.points.iter().any(|p| p.measure.is_some());
    body.para(
        "TableCaption",
        &plain(&format!("The values of the chart “{title}”")),
    );
    let mut header = vec![plain("Point")];
    if measures {
        header.push(plain("Measure"));
    }
    header.push(plain(c.unit.as_deref().unwrap_or("Value")));
    let mut rows = Vec::new();
    for p in &c.points {
        let mut row = vec![plain(&p.label)];
        if measures {
            row.push(plain(p.measure.as_deref().unwrap_or_default()));
        }
        let value = plain(&crate::render::chart::value_label(c, p.value));
        row.push(format!("{value}{}", body.mark(p.note)));
        rows.push(row);
    }
    body::table(&mut body.xml, &header, &rows);
}

/// An excerpt as a quote: its heading in bold, its paragraphs and lists,
/// then the source's short citation and mark.
fn excerpt_block(body: &mut Body, brief: &Brief, e: &ExcerptItem) {
    if let Some(heading) = &e.heading {
        let bold = Style {
            bold: true,
            ..Style::default()
        };
        body.para("Quote", &runs::text(heading, bold));
    }
    excerpt::write(body, &e.blocks, 0);
    let source = runs::rich(&short_citation(&brief.notes, e.note), &mut body.rels);
    let line = format!("{}{source}{}", plain("— "), body.mark(e.note));
    body.para("QuoteAttribution", &line);
}

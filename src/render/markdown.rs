//! Renders a [`Brief`] as Markdown: CommonMark plus GFM tables and
//! footnotes, which GitHub, pandoc and most editors read.
//!
//! Every piece of corpus text and every spec value goes through
//! [`escape`]; only the analyst's prose (summary and `text` blocks) is
//! Markdown, and the corpus items its references stand for are escaped.

use std::fmt::Write;

use crate::brief::{Block, Brief, Chart, ExcerptItem, FigureItem, FigureLayout, Prose, QuoteItem};
use crate::cite::Rich;

use super::escape;

/// The whole brief as one Markdown document.
pub fn render(brief: &Brief) -> String {
    let mut out = String::new();
    title_block(&mut out, brief);
    if let Some(summary) = &brief.summary {
        out.push_str("## Summary\n\n");
        prose(&mut out, summary);
    }
    for section in &brief.sections {
        let _ = writeln!(out, "## {}\n", escape::inline(&section.title));
        for block in &section.blocks {
            match block {
                Block::Text(p) => prose(&mut out, p),
                Block::Quotes { items } => items.iter().for_each(|q| quote(&mut out, q)),
                Block::Figures { layout, items } => figures(&mut out, *layout, items),
                Block::Chart(c) => chart(&mut out, c),
                Block::Excerpt(e) => excerpt(&mut out, e),
            }
        }
    }
    if !brief.sources.is_empty() {
        out.push_str("## Sources\n\n");
        for source in &brief.sources {
            let _ = writeln!(out, "- {}", rich(&source.text));
        }
        out.push('\n');
    }
    for note in &brief.notes {
        let _ = writeln!(out, "[^{}]: {}", note.number, rich(&note.text));
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn title_block(out: &mut String, brief: &Brief) {
    let _ = writeln!(out, "# {}\n", escape::inline(&brief.title));
    if let Some(subtitle) = &brief.subtitle {
        let _ = writeln!(out, "*{}*\n", escape::inline(subtitle));
    }
    let date = brief.date.format("%-d %B %Y").to_string();
    let byline: Vec<String> = [&brief.organisation, &brief.author]
        .into_iter()
        .flatten()
        .map(|s| escape::inline(s))
        .chain(std::iter::once(date))
        .collect();
    let _ = writeln!(out, "{}\n", byline.join(" · "));
    if let Some(audience) = &brief.audience {
        let _ = write!(out, "**For {}.**", escape::inline(&audience.label));
        if let Some(note) = &audience.note {
            let _ = write!(out, " {}", escape::inline(note));
        }
        out.push_str("\n\n");
    }
}

/// The analyst's Markdown with each reference replaced by the escaped item
/// and its footnote marker.
fn prose(out: &mut String, prose: &Prose) {
    let mut pos = 0;
    let text = &prose.markdown;
    for r in &prose.refs {
        out.push_str(&text[pos..r.range.start]);
        if r.is_quote {
            let _ = write!(out, "“{}”[^{}]", escape::inline(&r.text), r.note);
        } else {
            let _ = write!(out, "{}[^{}]", escape::inline(&r.text), r.note);
        }
        pos = r.range.end;
    }
    out.push_str(&text[pos..]);
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push_str("\n\n");
}

/// The chart's SVG (written beside this file), then its points as a list:
/// the text a reader without the picture needs, and each point's note.
fn chart(out: &mut String, c: &Chart) {
    let alt = c.title.as_deref().unwrap_or("Chart");
    let _ = writeln!(out, "![{}](<{}>)\n", escape::inline(alt), c.file);
    for p in &c.points {
        let measure = p
            .measure
            .as_ref()
            .map(|m| format!(" ({})", escape::inline(m)))
            .unwrap_or_default();
        let from = source(&p.source, p.source_is_outlet)
            .map(|s| format!(", {s}"))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- {}{measure}: {}{from}[^{}]",
            escape::inline(&p.label),
            escape::inline(&super::chart::value_label(c, p.value)),
            p.note
        );
    }
    out.push('\n');
}

fn quote(out: &mut String, q: &QuoteItem) {
    let mut who = Vec::new();
    if let Some(name) = q.speaker.as_ref().or(q.speaker_description.as_ref()) {
        who.push(escape::inline(name));
    }
    who.extend(source(&q.source, q.source_is_outlet));
    block_quote(out, None, std::slice::from_ref(&q.text), &who, q.note);
}

/// A block quote of verbatim paragraphs with an attribution line; with
/// nothing to name, the note marker ends the last paragraph instead.
fn block_quote(
    out: &mut String,
    heading: Option<&str>,
    paragraphs: &[String],
    who: &[String],
    note: usize,
) {
    let mut lines: Vec<String> = Vec::new();
    if let Some(heading) = heading {
        lines.push(format!("**{}**", escape::inline(heading)));
    }
    lines.extend(paragraphs.iter().map(|p| escape::inline(p)));
    if who.is_empty() {
        if let Some(last) = lines.last_mut() {
            last.push_str(&format!("[^{note}]"));
        }
    } else {
        lines.push(format!("— {}[^{note}]", who.join(", ")));
    }
    let _ = write!(out, "> {}\n\n", lines.join("\n>\n> "));
}

/// An outlet in italics, or a title in quotation marks.
fn source(label: &Option<String>, is_outlet: bool) -> Option<String> {
    let label = label.as_ref()?;
    Some(if is_outlet {
        format!("*{}*", escape::inline(label))
    } else {
        format!("“{}”", escape::inline(label))
    })
}

fn figures(out: &mut String, layout: FigureLayout, items: &[FigureItem]) {
    match layout {
        FigureLayout::Table => {
            out.push_str("| Figure | What it counts | Period | Source |\n");
            out.push_str("|---|---|---|---|\n");
            for f in items {
                let cell =
                    |s: &Option<String>| s.as_deref().map(escape::inline).unwrap_or_default();
                let source = source(&f.source, f.source_is_outlet).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {}[^{}] |",
                    escape::inline(&f.text),
                    cell(&f.subject),
                    cell(&f.period),
                    source,
                    f.note
                );
            }
            out.push('\n');
        }
        FigureLayout::List => {
            for f in items {
                let _ = write!(out, "- **{}**", escape::inline(&f.text));
                if let Some(subject) = &f.subject {
                    let _ = write!(out, ": {}", escape::inline(subject));
                }
                if let Some(period) = &f.period {
                    let _ = write!(out, " ({})", escape::inline(period));
                }
                if let Some(source) = source(&f.source, f.source_is_outlet) {
                    let _ = write!(out, ", {source}");
                }
                let _ = writeln!(out, "[^{}]", f.note);
            }
            out.push('\n');
        }
    }
}

fn excerpt(out: &mut String, e: &ExcerptItem) {
    let who: Vec<String> = source(&e.source, e.source_is_outlet).into_iter().collect();
    block_quote(out, e.heading.as_deref(), &e.paragraphs, &who, e.note);
}

/// A citation's runs: italics kept, links as autolinks, all text escaped.
pub fn rich(text: &Rich) -> String {
    let mut out = String::new();
    for run in &text.0 {
        if let Some(url) = &run.link {
            out.push_str(&escape::url(url));
            continue;
        }
        let escaped = escape::inline(&run.text);
        if escaped.is_empty() {
            // Keep the run's spacing: `inline` trims, a citation's spaces matter.
            out.push_str(&run.text);
            continue;
        }
        let lead = if run.text.starts_with(char::is_whitespace) {
            " "
        } else {
            ""
        };
        let trail = if run.text.ends_with(char::is_whitespace) {
            " "
        } else {
            ""
        };
        match (run.italic, run.bold) {
            (true, true) => {
                let _ = write!(out, "{lead}***{escaped}***{trail}");
            }
            (true, false) => {
                let _ = write!(out, "{lead}*{escaped}*{trail}");
            }
            (false, true) => {
                let _ = write!(out, "{lead}**{escaped}**{trail}");
            }
            (false, false) => {
                let _ = write!(out, "{lead}{escaped}{trail}");
            }
        }
    }
    out
}

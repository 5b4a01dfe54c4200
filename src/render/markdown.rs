//! Renders a [`Brief`] as Markdown: CommonMark plus GFM tables and
//! footnotes, which GitHub, pandoc and most editors read.
//!
//! Every piece of corpus text and every spec value goes through
//! [`escape`]; only the analyst's prose (summary and `text` blocks) is
//! Markdown, and the corpus items its references stand for are escaped.

use std::collections::HashSet;
use std::fmt::Write;

use crate::brief::{
    Block, Brief, Chart, ExcerptItem, FigureItem, FigureLayout, Prose, QuoteItem, short_citation,
};
use crate::cite::Rich;

use super::escape;

mod excerpt;
mod format;

pub use format::MarkdownFormat;

/// The whole brief as one Markdown document.
pub fn render(brief: &Brief) -> String {
    render_with(brief, &Labels::for_brief(brief))
}

/// Footnote labels are document-wide in Markdown, and the analyst's prose
/// may define its own (`[^1]: …`): a generated `[^1]` beside it would let a
/// reader (pandoc, GitHub) attach our citation to the analyst's text, or
/// the reverse. Generated labels therefore take a prefix that no label in
/// the analyst's prose has followed by digits: none when the prose has no
/// such label (`[^1]`), else `note-`, `note2-`, … (`[^note-1]`). Readers
/// number footnotes in order of use whatever their labels, so the reader
/// sees one sequence either way.
struct Labels {
    prefix: String,
}

impl Labels {
    fn for_brief(brief: &Brief) -> Labels {
        let mut taken = Vec::new();
        let proses =
            brief
                .summary
                .iter()
                .chain(&brief.key_points)
                .chain(brief.sections.iter().flat_map(|s| {
                    s.blocks.iter().filter_map(|b| match b {
                        Block::Text(p) => Some(p),
                        _ => None,
                    })
                }));
        for p in proses {
            taken.extend(analyst_labels(&p.markdown));
        }
        Labels::pick(&taken)
    }

    /// The first prefix none of the `taken` labels has followed by digits.
    /// Each candidate ends in `-` (or is empty), so a label excludes just
    /// the prefix it has before its trailing digits: linear in the labels,
    /// however many a hostile spec writes.
    fn pick(taken: &[String]) -> Labels {
        let excluded: HashSet<&str> = taken
            .iter()
            .filter(|label| label.ends_with(|c: char| c.is_ascii_digit()))
            .map(|label| label.trim_end_matches(|c: char| c.is_ascii_digit()))
            .collect();
        let prefix = std::iter::once(String::new())
            .chain((1..).map(|k| match k {
                1 => "note-".to_string(),
                k => format!("note{k}-"),
            }))
            .find(|prefix| !excluded.contains(prefix.as_str()))
            .unwrap_or_default();
        Labels { prefix }
    }

    /// The marker of generated note `n`: `[^3]`, or `[^note-3]`.
    fn mark(&self, n: usize) -> String {
        format!("[^{}{n}]", self.prefix)
    }
}

/// Every footnote label the prose could be read as using, lower-cased and
/// without white space (readers match labels case-insensitively): any
/// `[^…]` in the text, escaped or not, in code or not. A superset of what
/// any Markdown reader takes for a footnote, so none is missed.
fn analyst_labels(markdown: &str) -> Vec<String> {
    markdown
        .split("[^")
        .skip(1)
        .map(|rest| {
            let label = rest.split(']').next().unwrap_or("");
            label
                .chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect()
        })
        .collect()
}

fn render_with(brief: &Brief, l: &Labels) -> String {
    let mut out = String::new();
    title_block(&mut out, brief);
    if !brief.key_points.is_empty() {
        out.push_str("## Key points\n\n");
        for point in &brief.key_points {
            let mut item = String::new();
            prose(&mut item, point, l);
            // One bullet per point; a point's own line breaks stay inside it.
            let _ = writeln!(out, "- {}", item.trim_end().replace('\n', "\n  "));
        }
        out.push('\n');
    }
    if let Some(summary) = &brief.summary {
        out.push_str("## Summary\n\n");
        prose(&mut out, summary, l);
    }
    for section in &brief.sections {
        let _ = writeln!(out, "## {}\n", escape::inline(&section.title));
        for block in &section.blocks {
            match block {
                Block::Text(p) => prose(&mut out, p, l),
                Block::Quotes { items } => items.iter().for_each(|q| quote(&mut out, q, l)),
                Block::Figures { layout, items } => figures(&mut out, *layout, items, l, brief),
                Block::Chart(c) => chart(&mut out, c, l, brief),
                Block::Excerpt(e) => excerpt(&mut out, e, l, brief),
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
        let _ = writeln!(out, "{}: {}", l.mark(note.number), rich(&note.text));
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
fn prose(out: &mut String, prose: &Prose, l: &Labels) {
    let mut pos = 0;
    let text = &prose.markdown;
    for r in &prose.refs {
        out.push_str(&text[pos..r.range.start]);
        if r.is_quote {
            let _ = write!(out, "“{}”{}", escape::inline(&r.text), l.mark(r.note));
        } else {
            let _ = write!(out, "{}{}", escape::inline(&r.text), l.mark(r.note));
        }
        pos = r.range.end;
    }
    out.push_str(&text[pos..]);
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push_str("\n\n");
}

/// The chart's SVG (written beside this file), then its points as a list:
/// the text a reader without the picture needs, and each point's note;
/// then one source line naming each document once.
fn chart(out: &mut String, c: &Chart, l: &Labels, brief: &Brief) {
    let alt = c.title.as_deref().unwrap_or("Chart");
    let _ = writeln!(out, "![{}](<{}>)\n", escape::inline(alt), c.file);
    for p in &c.points {
        let measure = p
            .measure
            .as_ref()
            .map(|m| format!(" ({})", escape::inline(m)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- {}{measure}: {}{}",
            escape::inline(&p.label),
            escape::inline(&super::chart::value_label(c, p.value)),
            l.mark(p.note)
        );
    }
    let sources = super::chart_sources(c, &brief.notes);
    if !sources.is_empty() {
        let label = if sources.len() > 1 {
            "Sources"
        } else {
            "Source"
        };
        let list: Vec<String> = sources.iter().map(rich).collect();
        let _ = writeln!(out, "\n{label}: {}", list.join("; "));
    }
    out.push('\n');
}

fn quote(out: &mut String, q: &QuoteItem, l: &Labels) {
    let who: Vec<String> = q
        .who()
        .map(|name| escape::inline(&name))
        .into_iter()
        .collect();
    block_quote(out, std::slice::from_ref(&q.text), &who, &l.mark(q.note));
}

/// A block quote of verbatim paragraphs with an attribution line; with
/// nothing to name, the note marker (`mark`) ends the last paragraph instead.
fn block_quote(out: &mut String, paragraphs: &[String], who: &[String], mark: &str) {
    let mut lines: Vec<String> = paragraphs.iter().map(|p| escape::inline(p)).collect();
    if who.is_empty() {
        if let Some(last) = lines.last_mut() {
            last.push_str(mark);
        }
    } else {
        lines.push(format!("— {}{mark}", who.join(", ")));
    }
    let _ = write!(out, "> {}\n\n", lines.join("\n>\n> "));
}

fn figures(
    out: &mut String,
    layout: FigureLayout,
    items: &[FigureItem],
    l: &Labels,
    brief: &Brief,
) {
    match layout {
        FigureLayout::Table => {
            let when = items.iter().any(|f| f.when.is_some());
            out.push_str(if when {
                "| Figure | What it counts | When | Source |\n|---|---|---|---|\n"
            } else {
                "| Figure | What it counts | Source |\n|---|---|---|\n"
            });
            for f in items {
                let _ = write!(
                    out,
                    "| {} | {} |",
                    escape::inline(&f.shown),
                    escape::inline(f.counts().unwrap_or_default()),
                );
                if when {
                    let _ = write!(
                        out,
                        " {} |",
                        escape::inline(f.when.as_deref().unwrap_or("not stated"))
                    );
                }
                let _ = writeln!(
                    out,
                    " {}{} |",
                    rich(&short_citation(&brief.notes, f.note)),
                    l.mark(f.note)
                );
            }
            out.push('\n');
        }
        FigureLayout::List => {
            for f in items {
                // The table's cells in a line, parted by semicolons: a period
                // or a quoted context may hold commas and parentheses.
                let _ = write!(out, "- **{}**", escape::inline(&f.shown));
                if let Some(subject) = f.counts() {
                    let _ = write!(out, ": {}", escape::inline(subject));
                }
                if let Some(when) = &f.when {
                    let _ = write!(out, "; {}", escape::inline(when));
                }
                let _ = writeln!(
                    out,
                    "; {}{}",
                    rich(&short_citation(&brief.notes, f.note)),
                    l.mark(f.note)
                );
            }
            out.push('\n');
        }
    }
}

/// An excerpt as a block quote: its heading, its paragraphs and lists, and
/// the source's short citation.
fn excerpt(out: &mut String, e: &ExcerptItem, l: &Labels, brief: &Brief) {
    let mut lines: Vec<String> = Vec::new();
    if let Some(heading) = &e.heading {
        lines.push(format!("**{}**", escape::inline(heading)));
        lines.push(String::new());
    }
    lines.extend(excerpt::lines(&e.blocks));
    lines.push(String::new());
    lines.push(format!(
        "— {}{}",
        rich(&short_citation(&brief.notes, e.note)),
        l.mark(e.note)
    ));
    for line in lines {
        match line.is_empty() {
            true => out.push_str(">\n"),
            false => {
                let _ = writeln!(out, "> {line}");
            }
        }
    }
    out.push('\n');
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

#[cfg(test)]
mod tests {
    use super::*;

    fn prefix(labels: &[&str]) -> String {
        let taken: Vec<String> = labels
            .iter()
            .flat_map(|l| analyst_labels(&format!("x[^{l}] y")))
            .collect();
        Labels::pick(&taken).prefix
    }

    #[test]
    fn generated_labels_avoid_every_numbered_label_of_the_analyst() {
        assert_eq!(prefix(&[]), "");
        assert_eq!(prefix(&["a", "note-x", "01x"]), "");
        assert_eq!(prefix(&["1"]), "note-");
        assert_eq!(prefix(&["12", "NOTE-3"]), "note2-");
        assert_eq!(prefix(&["7", "note- 1", "note2-9"]), "note3-");
    }

    #[test]
    fn labels_are_found_wherever_a_reader_might_see_one() {
        assert_eq!(
            analyst_labels("a[^1] b\n\n[^Two]: x `[^3]` \\[^4] [^ 5 ]"),
            ["1", "two", "3", "4", "5"]
        );
    }
}

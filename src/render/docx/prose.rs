//! The analyst's Markdown prose as Word paragraphs. Markdown's structure
//! (paragraphs, emphasis, lists, tables, headings, block quotes, links)
//! becomes Word's; everything typed is text: raw HTML is shown as written,
//! a link goes only to the web or mail, an image becomes its description.
//! Each `{{kind:ID}}` reference becomes the corpus item's text and its note
//! mark, as in the HTML page.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};

use super::body::{self, Body};
use super::runs::{self, Style};
use crate::brief::Prose;
use crate::render::prose_refs::{Piece, mark_refs, options, pieces};

/// A table being read: its rows of cells (runs), the header row first.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
}

/// The converter's state while it walks one prose's events.
struct Walk<'b> {
    body: &'b mut Body,
    /// The paragraph style prose paragraphs take outside quotes and lists.
    base: &'static str,
    /// The open paragraph's properties and runs.
    para: Option<(String, String)>,
    italic: usize,
    bold: usize,
    strike: usize,
    /// Per open link: the relationship it goes through, if it is kept.
    links: Vec<Option<String>>,
    /// Per open list: its `w:numId`, and whether its current item has had
    /// its numbered paragraph.
    lists: Vec<(usize, bool)>,
    quotes: usize,
    /// Open headings' styles.
    heading: Option<&'static str>,
    table: Option<Table>,
    /// Inside a code block: text is monospaced, lines are paragraphs.
    code: bool,
    /// The list whose item this prose is (a key point): its first
    /// paragraph is the item's numbered one.
    item: Option<usize>,
    /// Inside one of the analyst's own footnote definitions: its label,
    /// whether its first paragraph has had Word's number mark, and the
    /// body's text kept aside while the note is written.
    note: Option<(String, bool, String)>,
}

/// Writes `prose` into `body`, its paragraphs in `base` style ("Normal",
/// or "ListParagraph" for a key point, whose first paragraph is an item of
/// list `item`).
pub fn write(body: &mut Body, prose: &Prose, base: &'static str, item: Option<usize>) {
    let marked = mark_refs(prose);
    let mut w = Walk {
        body,
        base,
        para: None,
        italic: 0,
        bold: 0,
        strike: 0,
        links: Vec::new(),
        lists: Vec::new(),
        quotes: 0,
        heading: None,
        table: None,
        code: false,
        item,
        note: None,
    };
    for event in Parser::new_ext(&marked, options()) {
        w.event(event, prose);
    }
    w.close_para();
}

impl Walk<'_> {
    fn style(&self, code: bool) -> Style {
        Style {
            italic: self.italic > 0,
            bold: self.bold > 0,
            strike: self.strike > 0,
            code: code || self.code,
            link: self.links.last().is_some_and(Option::is_some),
        }
    }

    /// The paragraph style here.
    fn para_style(&self) -> &'static str {
        if self.note.is_some() {
            "FootnoteText"
        } else if let Some(h) = self.heading {
            h
        } else if self.quotes > 0 {
            "Quote"
        } else if self.table.is_some() {
            "TableText"
        } else if !self.lists.is_empty() {
            "ListParagraph"
        } else {
            self.base
        }
    }

    /// Opens a paragraph if none is: the first paragraph of a list item is
    /// the numbered one.
    fn open_para(&mut self) {
        if self.para.is_some() {
            return;
        }
        let style = self.para_style();
        let depth = self.lists.len();
        let heading = self.heading.is_some();
        let props = match self.lists.last_mut() {
            Some((num, numbered)) if !*numbered && !heading => {
                *numbered = true;
                super::numbering::item_properties(style, *num, depth - 1)
            }
            None if !heading && self.table.is_none() && self.item.is_some() => {
                let num = self.item.take().unwrap_or_default();
                super::numbering::item_properties(style, num, 0)
            }
            _ => format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>"),
        };
        let mut content = String::new();
        if let Some((_, marked, _)) = self.note.as_mut()
            && !*marked
        {
            *marked = true;
            content.push_str("<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>");
        }
        self.para = Some((props, content));
    }

    fn close_para(&mut self) {
        let Some((props, content)) = self.para.take() else {
            return;
        };
        let xml = format!("<w:p>{props}{content}</w:p>");
        match self.table.as_mut().and_then(|t| t.rows.last_mut()) {
            // A cell holds runs; its paragraph is made with the table.
            Some(row) => {
                if let Some(cell) = row.last_mut() {
                    cell.push_str(&content);
                }
            }
            None => self.body.xml.push_str(&xml),
        }
    }

    /// Appends runs to the open paragraph (opening one), inside the open
    /// link if there is one.
    fn push(&mut self, runs: &str) {
        self.open_para();
        if let Some((_, content)) = self.para.as_mut() {
            content.push_str(runs);
        }
    }

    fn text(&mut self, text: &str, code: bool) {
        let runs = runs::text(text, self.style(code));
        self.push(&runs);
    }

    fn event(&mut self, event: Event, prose: &Prose) {
        match event {
            Event::Text(t) => self.refs(&t, prose),
            Event::Code(t) => self.text(&t, true),
            Event::Html(t) | Event::InlineHtml(t) => self.text(&t, false),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t, false),
            Event::SoftBreak => self.text(" ", false),
            Event::HardBreak => self.push("<w:r><w:br/></w:r>"),
            Event::Rule => {}
            Event::TaskListMarker(done) => self.text(if done { "☒ " } else { "☐ " }, false),
            // The analyst's own footnotes: their marker as typed.
            // The analyst's own footnotes are Word footnotes too, after the
            // brief's in id (Word numbers them all by position).
            Event::FootnoteReference(label) => {
                let mark = self.body.analyst_mark(&label);
                self.push(&mark);
            }
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {
                // A loose item's later paragraphs are not numbered again.
                self.close_para();
                self.open_para();
            }
            Tag::Heading { level, .. } => {
                self.close_para();
                self.heading = Some(match level {
                    HeadingLevel::H1 => "Heading2",
                    _ => "Heading3",
                });
            }
            Tag::BlockQuote(_) => {
                self.close_para();
                self.quotes += 1;
            }
            Tag::CodeBlock(_) => {
                self.close_para();
                self.code = true;
            }
            Tag::List(start) => {
                self.close_para();
                let level = self.lists.len();
                let num = self
                    .body
                    .numbering
                    .list(start.is_some(), start.unwrap_or(1), level);
                self.lists.push((num, false));
            }
            Tag::Item => {
                self.close_para();
                if let Some(top) = self.lists.last_mut() {
                    top.1 = false;
                }
            }
            Tag::FootnoteDefinition(label) => {
                self.close_para();
                let kept = std::mem::take(&mut self.body.xml);
                self.note = Some((label.to_string(), false, kept));
            }
            Tag::Table(_) => {
                self.close_para();
                self.table = Some(Table::default());
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.rows.push(Vec::new());
                }
            }
            Tag::TableCell => {
                if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(String::new());
                }
                self.open_para();
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Strikethrough => self.strike += 1,
            Tag::Link { dest_url, .. } => {
                // A link in the analyst's own note is text: its relationship
                // would belong to the footnotes part, not the body's.
                let kept = (runs::linkable(&dest_url) && self.note.is_none())
                    .then(|| dest_url.trim().to_string());
                if let Some(url) = &kept {
                    let id = self.body.rels.link(url);
                    self.push(&format!("<w:hyperlink r:id=\"{id}\" w:history=\"1\">"));
                }
                self.links.push(kept);
            }
            // An image's description stays, as text; the image does not.
            Tag::Image { .. } => self.links.push(None),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) => {
                self.close_para();
                self.heading = None;
            }
            TagEnd::BlockQuote(_) => {
                self.close_para();
                self.quotes = self.quotes.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                self.close_para();
                self.code = false;
            }
            TagEnd::List(_) => {
                self.close_para();
                self.lists.pop();
            }
            TagEnd::Item => self.close_para(),
            TagEnd::FootnoteDefinition => {
                self.close_para();
                if let Some((label, _, kept)) = self.note.take() {
                    let note = std::mem::replace(&mut self.body.xml, kept);
                    self.body.analyst_note(&label, note);
                }
            }
            TagEnd::TableCell => self.close_para(),
            TagEnd::Table => {
                self.close_para();
                if let Some(t) = self.table.take() {
                    let mut rows = t.rows.into_iter();
                    let header = rows.next().unwrap_or_default();
                    let rows: Vec<Vec<String>> = rows.collect();
                    body::table(&mut self.body.xml, &header, &rows);
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            TagEnd::Link => {
                if let Some(Some(_)) = self.links.pop() {
                    self.push("</w:hyperlink>");
                }
            }
            TagEnd::Image => {
                self.links.pop();
            }
            _ => {}
        }
    }

    /// A text event: its text, with each reference's item and note mark. A
    /// marker the parser split or left in code stays as written, as in the
    /// other formats. In a code block each line is a paragraph.
    fn refs(&mut self, t: &CowStr, prose: &Prose) {
        if self.code {
            let mut lines = t.split('\n').peekable();
            while let Some(line) = lines.next() {
                self.text(line, true);
                if lines.peek().is_some() {
                    self.close_para();
                }
            }
            return;
        }
        for piece in pieces(t, prose) {
            match piece {
                Piece::Text(t) => self.text(t, false),
                Piece::Ref(r) => {
                    if r.is_quote {
                        self.text(&format!("“{}”", r.text), false);
                    } else {
                        self.text(&r.text, false);
                    }
                    let mark = self.body.mark(r.note);
                    self.push(&mark);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::InlineRef;

    fn xml(markdown: &str) -> String {
        let p = Prose {
            markdown: markdown.to_string(),
            refs: Vec::new(),
        };
        let mut body = Body::default();
        write(&mut body, &p, "Normal", None);
        body.xml
    }

    /// The text of the runs in `xml`, as escaped there.
    fn run_text(xml: &str) -> String {
        xml.split("<w:t xml:space=\"preserve\">")
            .skip(1)
            .map(|s| s.split("</w:t>").next().unwrap_or_default())
            .collect()
    }

    #[test]
    fn typed_markup_is_text() {
        let x = xml("a <w:p>b</w:p> & <script>x</script>");
        assert_eq!(
            run_text(&x),
            "a &lt;w:p&gt;b&lt;/w:p&gt; &amp; &lt;script&gt;x&lt;/script&gt;"
        );
        assert!(!x.contains("<script"), "{x}");
        assert_eq!(x.matches("<w:p>").count(), 1, "{x}");
    }

    #[test]
    fn only_web_and_mail_links_are_links() {
        let p = Prose {
            markdown:
                "[x](javascript:alert(1)) [y](https://e.org/a?b=1&c=2) ![pic](http://t.co/p.png)"
                    .into(),
            refs: Vec::new(),
        };
        let mut body = Body::default();
        write(&mut body, &p, "Normal", None);
        assert_eq!(body.xml.matches("<w:hyperlink").count(), 1, "{}", body.xml);
        assert!(
            body.rels
                .xml()
                .contains("Target=\"https://e.org/a?b=1&amp;c=2\"")
        );
        assert!(!body.rels.xml().contains("javascript"));
        assert!(body.xml.contains(">pic<"), "{}", body.xml);
    }

    #[test]
    fn structure_becomes_word_structure() {
        let x = xml(
            "# H\n\n*i* **b**\n\n> q\n\n3. three\n4. four\n\n| A | B |\n|---|---|\n| 1 | 2 |\n",
        );
        assert!(x.contains("<w:pStyle w:val=\"Heading2\"/>"), "{x}");
        assert!(x.contains("<w:i/>") && x.contains("<w:b/>"), "{x}");
        assert!(x.contains("<w:pStyle w:val=\"Quote\"/>"), "{x}");
        assert_eq!(x.matches("<w:numId w:val=\"1\"/>").count(), 2, "{x}");
        assert!(x.contains("<w:tblHeader/>"), "{x}");
        assert_eq!(x.matches("<w:tc>").count(), 4, "{x}");
    }

    #[test]
    fn the_analysts_own_notes_are_word_footnotes() {
        let p = Prose {
            markdown: "a[^x] b[^x]\n\n[^x]: the *note* [l](https://e.org)\n".into(),
            refs: Vec::new(),
        };
        let mut body = Body {
            analyst_base: 5,
            ..Body::default()
        };
        write(&mut body, &p, "Normal", None);
        assert_eq!(
            body.xml
                .matches("<w:footnoteReference w:id=\"5\"/>")
                .count(),
            1
        );
        assert_eq!(body.xml.matches("NOTEREF _RefNote5").count(), 1);
        assert!(!run_text(&body.xml).contains("the"), "{}", body.xml);
        let note = body.analyst[0].1.clone().unwrap_or_default();
        assert!(
            note.contains("<w:footnoteRef/>") && note.contains("FootnoteText"),
            "{note}"
        );
        assert!(
            note.contains("<w:i/>") && !note.contains("hyperlink"),
            "{note}"
        );
    }

    #[test]
    fn references_become_items_and_marks() {
        let markdown = "Claims rose to {{figure:d/f-1}}, then {{figure:d/f-1}}.";
        let a = markdown.find("{{figure").unwrap_or(0);
        let b = markdown.rfind("{{figure").unwrap_or(0);
        let r = |at: usize| InlineRef {
            range: at..at + "{{figure:d/f-1}}".len(),
            id: "d/f-1".into(),
            text: "<b>116,338</b>".into(),
            is_quote: false,
            note: 1,
        };
        let p = Prose {
            markdown: markdown.into(),
            refs: vec![r(a), r(b)],
        };
        let mut body = Body::default();
        write(&mut body, &p, "Normal", None);
        assert_eq!(body.xml.matches("&lt;b&gt;116,338&lt;/b&gt;").count(), 2);
        assert_eq!(
            body.xml
                .matches("<w:footnoteReference w:id=\"1\"/>")
                .count(),
            1
        );
        assert_eq!(body.xml.matches("NOTEREF _RefNote1").count(), 1);
    }
}

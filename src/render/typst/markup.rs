//! The analyst's Markdown prose converted, event by event, into Typst
//! markup. Every run of text is escaped (`literal::markup`) and every corpus
//! item a reference inserts is a string literal, so nothing typed is read as
//! Typst syntax; only the structure Markdown gives (emphasis, links, lists,
//! quotes, tables, headings, code, footnotes) becomes Typst calls.

use std::borrow::Cow;
use std::collections::HashMap;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

use super::literal;
use crate::brief::{InlineRef, Prose};
use crate::render::prose_refs::{CLOSE, OPEN, mark_refs, options};

/// Converts prose; `note(n)` gives the Typst markup for footnote `n` (the
/// full footnote at its first use, a reference to it afterwards).
pub fn prose(prose: &Prose, heading_offset: u8, note: &mut dyn FnMut(usize) -> String) -> String {
    let marked = mark_refs(prose);
    let mut converter = Converter {
        refs: &prose.refs,
        markdown: &prose.markdown,
        note,
        heading_offset,
        out: String::new(),
        footnotes: definitions(&marked),
        in_footnote: false,
        code: None,
        cells_open: Vec::new(),
        depth: 0,
        flat: 0,
    };
    converter.run(&marked);
    converter.out.trim_end().to_string()
}

struct Converter<'a, 'n> {
    refs: &'a [InlineRef],
    /// The prose as written, to put back a reference Markdown shows verbatim.
    markdown: &'a str,
    note: &'n mut dyn FnMut(usize) -> String,
    heading_offset: u8,
    out: String,
    /// The analyst's footnote definitions by label, as parsed: each is
    /// converted where it is referenced (see [`Converter::footnote`]).
    footnotes: HashMap<String, Vec<Event<'static>>>,
    /// Whether a footnote's text is being converted.
    in_footnote: bool,
    /// Text of the code block being read, and its language.
    code: Option<(String, Option<String>)>,
    /// Per open table: whether we are in its header.
    cells_open: Vec<bool>,
    /// Typst calls open around the current event (`#quote[`, `#list(`, …).
    depth: usize,
    /// Tags open since nesting reached [`MAX_DEPTH`]: their content is kept
    /// as plain paragraphs instead of nested calls.
    flat: usize,
}

/// How deep Markdown structure is reproduced. Typst's parser stops at 256
/// levels (each nested call costs several), and no brief needs more than a
/// few: 130 nested block quotes (found by fuzzing) would otherwise make the
/// generated source fail to parse.
const MAX_DEPTH: usize = 16;

/// Whether a tag opens a Typst call or bracket that its end closes.
fn nests(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Paragraph
            | Tag::CodeBlock(_)
            | Tag::TableRow
            | Tag::HtmlBlock
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_)
    )
}

/// Emphasis, links and the like: flattened, they leave their text in its line.
fn inline(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

fn nests_end(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::CodeBlock
            | TagEnd::TableRow
            | TagEnd::HtmlBlock
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_)
    )
}

/// The footnote definitions in `markdown`, by label, first, so a reference
/// can carry its text wherever it comes.
fn definitions(markdown: &str) -> HashMap<String, Vec<Event<'static>>> {
    let mut defs = HashMap::new();
    let mut current: Option<(String, Vec<Event<'static>>)> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                current = Some((label.to_string(), Vec::new()));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((label, events)) = current.take() {
                    defs.insert(label, events);
                }
            }
            event => {
                if let Some((_, events)) = &mut current {
                    events.push(event.into_static());
                }
            }
        }
    }
    defs
}

impl Converter<'_, '_> {
    /// An analyst's footnote, converted where it is referenced. Not before:
    /// a generated note inside it (`{{figure:…}}` in the footnote's text)
    /// is written in full at its first use and referred to by its label
    /// after, so converting a definition that is never referenced would
    /// leave later uses pointing at a label the PDF does not have. A
    /// reference inside a footnote's text gets an empty footnote, which
    /// also keeps a footnote that refers to itself from looping.
    fn footnote(&mut self, label: &str) -> String {
        let events = match self.footnotes.get(label) {
            Some(events) if !self.in_footnote => events.clone(),
            _ => Vec::new(),
        };
        let saved = std::mem::take(&mut self.out);
        self.in_footnote = true;
        for event in events {
            self.event(event);
        }
        self.in_footnote = false;
        let body = std::mem::replace(&mut self.out, saved);
        format!("#footnote[{}];", body.trim())
    }

    fn run(&mut self, markdown: &str) {
        // A depth, not a flag: a definition may hold another (`[^a]: > [^b]: …`),
        // and the outer one's remaining events must still be skipped.
        let mut in_definition = 0usize;
        for event in Parser::new_ext(markdown, options()) {
            match &event {
                Event::Start(Tag::FootnoteDefinition(_)) => in_definition += 1,
                Event::End(TagEnd::FootnoteDefinition) => {
                    in_definition = in_definition.saturating_sub(1)
                }
                _ if in_definition == 0 => self.event(event),
                _ => {}
            }
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => match &mut self.code {
                Some((code, _)) => code.push_str(&text),
                None => self.text(&text),
            },
            Event::Code(code) => {
                let code = literal::string(&self.unmark(&code));
                self.out.push_str(&format!("#raw({code});"));
            }
            Event::InlineMath(t)
            | Event::DisplayMath(t)
            | Event::Html(t)
            | Event::InlineHtml(t) => self.text(&t),
            Event::FootnoteReference(label) => {
                let note = self.footnote(&label);
                self.out.push_str(&note);
            }
            Event::SoftBreak => self.out.push(' '),
            Event::HardBreak => self.out.push_str("#linebreak();"),
            Event::Rule => self.out.push_str("\n#line(length: 100%)\n\n"),
            Event::TaskListMarker(done) => self.text(if done { "☑ " } else { "☐ " }),
        }
    }

    fn start(&mut self, tag: Tag) {
        if self.flat > 0 || (nests(&tag) && self.depth >= MAX_DEPTH) {
            self.flat += 1;
            if !inline(&tag) {
                self.out.push_str("\n\n");
            }
            return;
        }
        if nests(&tag) {
            self.depth += 1;
        }
        let open = match tag {
            Tag::Paragraph => String::new(),
            Tag::Heading { level, .. } => {
                let level = heading_level(level) + self.heading_offset;
                format!("#heading(level: {level})[")
            }
            Tag::BlockQuote(_) => "#quote(block: true)[".into(),
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(lang) if !lang.is_empty() => Some(lang.to_string()),
                    _ => None,
                };
                self.code = Some((String::new(), lang));
                String::new()
            }
            Tag::List(None) => "#list(".into(),
            Tag::List(Some(start)) => format!("#enum(start: {start}, "),
            Tag::Item => "[".into(),
            Tag::Table(alignments) => {
                self.cells_open.push(false);
                format!("#table(columns: {}, ", alignments.len().max(1))
            }
            Tag::TableHead => {
                if let Some(head) = self.cells_open.last_mut() {
                    *head = true;
                }
                "table.header(".into()
            }
            Tag::TableRow => String::new(),
            Tag::TableCell => "[".into(),
            Tag::Emphasis => "#emph[".into(),
            Tag::Strong => "#strong[".into(),
            Tag::Strikethrough => "#strike[".into(),
            Tag::Superscript => "#super[".into(),
            Tag::Subscript => "#sub[".into(),
            Tag::Link { dest_url, .. } => {
                format!("#link({})[", literal::string(&self.unmark(&dest_url)))
            }
            // Images are not fetched: a brief only shows its sources' text.
            Tag::Image { .. } => "#emph[".into(),
            Tag::HtmlBlock
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => String::new(),
        };
        self.out.push_str(&open);
    }

    fn end(&mut self, tag: TagEnd) {
        if self.flat > 0 {
            self.flat -= 1;
            if !inline_end(&tag) {
                self.out.push_str("\n\n");
            }
            return;
        }
        if nests_end(&tag) {
            self.depth = self.depth.saturating_sub(1);
        }
        let close = match tag {
            TagEnd::Paragraph => "\n\n".to_string(),
            TagEnd::Heading(_) => "]\n\n".into(),
            TagEnd::BlockQuote(_) => "]\n\n".into(),
            TagEnd::CodeBlock => match self.code.take() {
                Some((code, lang)) => format!(
                    "#raw(block: true, lang: {}, {})\n\n",
                    literal::opt(lang.as_deref().map(|l| self.unmark(l)).as_deref()),
                    literal::string(&self.unmark(&code))
                ),
                None => String::new(),
            },
            TagEnd::List(_) => ")\n\n".into(),
            TagEnd::Item => "], ".into(),
            TagEnd::Table => {
                self.cells_open.pop();
                ")\n\n".into()
            }
            TagEnd::TableHead => {
                if let Some(head) = self.cells_open.last_mut() {
                    *head = false;
                }
                "), ".into()
            }
            TagEnd::TableRow => String::new(),
            TagEnd::TableCell => "], ".into(),
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            // `;` ends the embedded call: text after it that starts with
            // `.name` or `(` must not continue the expression.
            | TagEnd::Image => "];".into(),
            TagEnd::HtmlBlock => "\n\n".into(),
            TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => String::new(),
        };
        // A paragraph's end inside a list item, quote or cell would leave a
        // blank line before `]`; harmless in Typst, but keep the source tidy.
        if close.starts_with(']') || close.starts_with(')') {
            while self.out.ends_with('\n') {
                self.out.pop();
            }
        }
        self.out.push_str(&close);
    }

    /// Text with the references it holds replaced by their items and notes.
    fn text(&mut self, text: &str) {
        let mut rest = text;
        while let Some(open) = rest.find(OPEN) {
            if open > 0 {
                self.escaped(&rest[..open]);
            }
            let after = &rest[open + OPEN.len_utf8()..];
            let Some(close) = after.find(CLOSE) else {
                rest = after;
                continue;
            };
            if let Some(r) = after[..close]
                .parse::<usize>()
                .ok()
                .and_then(|i| self.refs.get(i))
            {
                let note = (self.note)(r.note);
                if r.is_quote {
                    self.out.push_str(&format!(
                        "#brief-inline-quote({});{note}",
                        literal::string(&r.text)
                    ));
                } else {
                    self.out.push_str(&format!(
                        "#brief-inline-figure({});{note}",
                        literal::string(&r.text)
                    ));
                }
            }
            rest = &after[close + CLOSE.len_utf8()..];
        }
        if !rest.is_empty() {
            self.escaped(rest);
        }
    }

    /// Code and link targets are shown as written, so a reference there
    /// stays the `{{…}}` the analyst typed instead of becoming its markers.
    fn unmark<'t>(&self, text: &'t str) -> Cow<'t, str> {
        if !text.contains(OPEN) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find(OPEN) {
            out.push_str(&rest[..open]);
            let after = &rest[open + OPEN.len_utf8()..];
            let written = after.find(CLOSE).and_then(|close| {
                let r = self.refs.get(after[..close].parse::<usize>().ok()?)?;
                Some((&self.markdown[r.range.clone()], close))
            });
            match written {
                Some((written, close)) => {
                    out.push_str(written);
                    rest = &after[close + CLOSE.len_utf8()..];
                }
                None => {
                    out.push(OPEN);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        Cow::Owned(out)
    }

    /// One run of text, escaped. Markdown splits `1\. x` into the runs `1`
    /// and `. x`, which escaping one at a time would join into `1. x`, a
    /// numbered list item in Typst; a `.` or `)` right after a digit already
    /// written is escaped too.
    fn escaped(&mut self, run: &str) {
        if run.starts_with(['.', ')']) && self.out.ends_with(|c: char| c.is_ascii_digit()) {
            self.out.push('\\');
        }
        self.out.push_str(&literal::markup(run));
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(markdown: &str, refs: Vec<InlineRef>) -> String {
        let prose = Prose {
            markdown: markdown.to_string(),
            refs,
        };
        prose_with_notes(&prose)
    }

    fn prose_with_notes(p: &Prose) -> String {
        prose(p, 1, &mut |n| format!("#note({n})"))
    }

    #[test]
    fn structure_deeper_than_typst_can_parse_is_kept_as_paragraphs() {
        let markdown = format!("{} deep *text*\n", ">".repeat(40));
        let out = convert(&markdown, vec![]);
        assert_eq!(out.matches("#quote(block: true)[").count(), MAX_DEPTH);
        assert_eq!(
            out.matches('[').count(),
            out.matches(']').count(),
            "{out:?}"
        );
        assert!(out.contains("deep text"), "{out}");
        let (errors, _) = typst::syntax::parse(&out).errors_and_warnings();
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn structure_becomes_calls_and_text_stays_text() {
        assert_eq!(
            convert(
                "A *b* **c** [d](https://x.org) `e` #f $g$ <h> @i // j",
                vec![]
            ),
            r##"A #emph[b]; #strong[c]; #link("https://x.org")[d]; #raw("e"); \#f \$g\$ \<h\> \@i \/\/ j"##
        );
        assert_eq!(
            convert("- one\n- two\n\n3. three\n", vec![]),
            "#list([one], [two], )\n\n#enum(start: 3, [three], )"
        );
        assert_eq!(
            convert("> \"quoted\"\n", vec![]),
            "#quote(block: true)[\"quoted\"]"
        );
        assert_eq!(convert("## Sub\n", vec![]), "#heading(level: 3)[Sub]");
        assert_eq!(
            convert("| a | b |\n|---|---|\n| 1 | 2 |\n", vec![]),
            "#table(columns: 2, table.header([a], [b], ), [1], [2], )"
        );
    }

    #[test]
    fn a_definition_inside_a_definition_leaves_no_stray_bracket() {
        // The quote opened inside `[^a]` closed after `[^b]` ended.
        assert_eq!(convert("[^a]:>[^b]:\n\nText.\n", vec![]), "Text.");
    }

    #[test]
    fn references_in_code_stay_as_written() {
        let md = "`{{quote:y}}` and [a]({{quote:y}})\n\n```\n{{quote:y}}\n```\n";
        let refs = md
            .match_indices("{{quote:y}}")
            .map(|(at, r)| InlineRef {
                id: "y".into(),
                range: at..at + r.len(),
                text: "We left".into(),
                is_quote: true,
                note: 1,
            })
            .collect();
        assert_eq!(
            convert(md, refs),
            "#raw(\"{{quote:y}}\"); and #link(\"{{quote:y}}\")[a];\n\n#raw(block: true, lang: none, \"{{quote:y}}\\n\")"
        );
    }

    #[test]
    fn an_escaped_numbering_stays_text() {
        // Markdown's `1\. x` is the text runs `1` and `. x`.
        assert_eq!(convert("1\\. Not a list\n", vec![]), "1\\. Not a list");
        assert_eq!(convert("*1*. x\n", vec![]), "#emph[1];. x");
    }

    #[test]
    fn footnotes_carry_their_definition() {
        assert_eq!(
            convert("Claim.[^a]\n\n[^a]: Because *so*.\n", vec![]),
            "Claim.#footnote[Because #emph[so];.];"
        );
    }

    #[test]
    fn references_become_items_with_notes() {
        let md = "More than {{figure:x}} left; {{quote:y}}";
        let refs = vec![
            InlineRef {
                id: "x".into(),
                range: 10..22,
                text: "24,000".into(),
                is_quote: false,
                note: 1,
            },
            InlineRef {
                id: "y".into(),
                range: 29..40,
                text: "We #left".into(),
                is_quote: true,
                note: 2,
            },
        ];
        assert_eq!(
            convert(md, refs),
            r##"More than #brief-inline-figure("24,000");#note(1) left; #brief-inline-quote("We #left");#note(2)"##
        );
    }
}

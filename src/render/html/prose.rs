//! The analyst's Markdown prose as HTML. Markdown's structure (paragraphs,
//! emphasis, lists, tables, headings, links) becomes elements; everything
//! typed is text: raw HTML in the prose is shown as written, never run, a
//! link goes only to the web or mail (no `javascript:`), and an image
//! becomes its description, since the page makes no request of its own.
//! Each `{{kind:ID}}` reference becomes the corpus item's escaped text and
//! its note mark.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};

use super::text;
use crate::brief::Prose;
use crate::render::prose_refs::{Piece, mark_refs, options, pieces};

/// `prose` as HTML; `note(n)` gives the mark of note `n` at this place.
/// Headings in the prose sit below the section's own (`#` becomes `h3`).
pub fn html(prose: &Prose, note: &mut dyn FnMut(usize) -> String) -> String {
    let marked = mark_refs(prose);
    let mut events: Vec<Event> = Vec::new();
    // Per open link or image: whether it was kept.
    let mut kept: Vec<bool> = Vec::new();
    for event in Parser::new_ext(&marked, options()) {
        match event {
            Event::Text(t) => events.push(Event::InlineHtml(refs(&t, prose, note).into())),
            // Typed HTML is text.
            Event::Html(t) | Event::InlineHtml(t) => {
                events.push(Event::InlineHtml(text::html(&t).into()))
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = safe_link(&dest_url);
                kept.push(keep);
                if keep {
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if kept.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            // An image's description stays, as text; the image does not.
            Event::Start(Tag::Image { .. }) => kept.push(false),
            Event::End(TagEnd::Image) => {
                kept.pop();
            }
            Event::Start(Tag::Heading {
                level,
                id: _,
                classes: _,
                attrs: _,
            }) => events.push(Event::Start(Tag::Heading {
                level: below_section(level),
                id: None,
                classes: Vec::new(),
                attrs: Vec::new(),
            })),
            Event::End(TagEnd::Heading(level)) => {
                events.push(Event::End(TagEnd::Heading(below_section(level))))
            }
            // The analyst's own footnotes keep a prefix, so their ids never
            // meet the generated notes' (`fn3`).
            Event::FootnoteReference(label) => {
                events.push(Event::FootnoteReference(format!("a-{label}").into()))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => events.push(Event::Start(
                Tag::FootnoteDefinition(format!("a-{label}").into()),
            )),
            other => events.push(other),
        }
    }
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events.into_iter());
    out.trim_end().to_string()
}

/// A text event as HTML: escaped, with each reference's item and mark. A
/// marker the parser split or left in code stays as the reference was
/// written (escaped), which the Markdown and PDF renderers also do.
fn refs(t: &CowStr, prose: &Prose, note: &mut dyn FnMut(usize) -> String) -> String {
    let mut out = String::new();
    for piece in pieces(t, prose) {
        match piece {
            Piece::Text(t) => out.push_str(&text::html(t)),
            Piece::Ref(r) => {
                if r.is_quote {
                    out.push('“');
                    out.push_str(&text::html(&r.text));
                    out.push('”');
                } else {
                    out.push_str(&text::html(&r.text));
                }
                out.push_str(&note(r.note));
            }
        }
    }
    out
}

/// Links to the web, to mail, or within the page; anything else (a
/// `javascript:` or `data:` URL, a local file) would run or fetch.
fn safe_link(url: &str) -> bool {
    let url = url.trim();
    text::is_web(url)
        || url.to_ascii_lowercase().starts_with("mailto:")
        || (url.starts_with('#') && !url.contains(':'))
}

fn below_section(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::InlineRef;

    fn prose(markdown: &str) -> String {
        let p = Prose {
            markdown: markdown.to_string(),
            refs: Vec::new(),
        };
        html(&p, &mut |n| format!("[{n}]"))
    }

    #[test]
    fn typed_html_is_text() {
        assert_eq!(
            prose("a <script>alert(1)</script> b\n\n<div onclick=x>y</div>"),
            "<p>a &lt;script&gt;alert(1)&lt;/script&gt; b</p>\n&lt;div onclick=x&gt;y&lt;/div&gt;"
        );
    }

    #[test]
    fn only_web_and_mail_links_are_links() {
        assert_eq!(
            prose(
                "[x](javascript:alert(1)) [y](https://e.org/a?b=1&c=2) ![pic](http://t.co/p.png)"
            ),
            "<p>x <a href=\"https://e.org/a?b=1&amp;c=2\">y</a> pic</p>"
        );
        assert_eq!(prose("<JAVASCRIPT:alert(1)>"), "<p>JAVASCRIPT:alert(1)</p>");
    }

    #[test]
    fn references_become_items_and_marks() {
        let markdown = "Claims rose to {{figure:d/f-1}}; she said {{quote:d/q-1}}.";
        let a = markdown.find("{{figure").unwrap();
        let b = markdown.find("{{quote").unwrap();
        let p = Prose {
            markdown: markdown.to_string(),
            refs: vec![
                InlineRef {
                    range: a..a + "{{figure:d/f-1}}".len(),
                    id: "d/f-1".into(),
                    text: "<b>116,338</b>".into(),
                    is_quote: false,
                    note: 1,
                },
                InlineRef {
                    range: b..b + "{{quote:d/q-1}}".len(),
                    id: "d/q-1".into(),
                    text: "we left *everything*".into(),
                    is_quote: true,
                    note: 2,
                },
            ],
        };
        assert_eq!(
            html(&p, &mut |n| format!("<sup>{n}</sup>")),
            "<p>Claims rose to &lt;b&gt;116,338&lt;/b&gt;<sup>1</sup>; she said “we left *everything*”<sup>2</sup>.</p>"
        );
    }

    #[test]
    fn headings_sit_below_the_section() {
        assert_eq!(prose("# A\n\n## B"), "<h3>A</h3>\n<h4>B</h4>");
    }
}

//! An excerpt's blocks as Markdown lines: paragraphs, lists with their
//! markers and numbering, `*`/`**` for the source's emphasis, every span
//! of text escaped. The caller sets the lines in a block quote.

use crate::brief::{ExcerptBlock, ExcerptList, Span};
use crate::render::escape;

/// The lines of `blocks`, an empty line between blocks that need one.
pub fn lines(blocks: &[ExcerptBlock]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // Two lists in a row with the same marker would read as one list:
    // CommonMark starts a new list when the marker changes, so they alternate.
    let mut lists = 0;
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push(String::new());
        }
        match block {
            ExcerptBlock::Paragraph { spans: s } => out.push(spans(s)),
            ExcerptBlock::List(list) => {
                out.extend(list_lines(list, lists % 2 == 1));
                lists += 1;
                continue;
            }
        }
        lists = 0;
    }
    out
}

/// A list's lines: each item's first line after its marker, the rest
/// indented to the item's text so they stay in the item.
fn list_lines(list: &ExcerptList, alternate: bool) -> Vec<String> {
    // An item of two paragraphs makes the list loose (a blank line between items).
    let loose = list.items.iter().any(|item| {
        item.windows(2)
            .any(|w| matches!(w[1], ExcerptBlock::Paragraph { .. }))
    });
    let mut out = Vec::new();
    for (k, item) in list.items.iter().enumerate() {
        if k > 0 && loose {
            out.push(String::new());
        }
        let marker = match (list.ordered, alternate) {
            (true, false) => format!("{}. ", list.start + k as u64),
            (true, true) => format!("{}) ", list.start + k as u64),
            (false, false) => "- ".to_string(),
            (false, true) => "* ".to_string(),
        };
        let indent = " ".repeat(marker.len());
        let mut body = item_lines(item);
        if body.is_empty() {
            body.push(String::new());
        }
        for (j, line) in body.into_iter().enumerate() {
            out.push(match (j, line.is_empty()) {
                (0, _) => format!("{marker}{line}").trim_end().to_string(),
                (_, true) => line,
                (_, false) => format!("{indent}{line}"),
            });
        }
    }
    out
}

/// An item's blocks: a list right after the item's text needs no blank line.
fn item_lines(item: &[ExcerptBlock]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, block) in item.iter().enumerate() {
        match block {
            ExcerptBlock::Paragraph { spans: s } => {
                if i > 0 {
                    out.push(String::new());
                }
                out.push(spans(s));
            }
            ExcerptBlock::List(list) => {
                if i > 0 && matches!(item[i - 1], ExcerptBlock::List(_)) {
                    out.push(String::new());
                }
                let alternate = i > 0 && matches!(item[i - 1], ExcerptBlock::List(_));
                out.extend(list_lines(list, alternate));
            }
        }
    }
    out
}

/// A line of text: each span escaped, emphasis (outer) and strong (inner)
/// opened and closed where the spans' styles change.
pub fn spans(spans: &[Span]) -> String {
    let mut out = String::new();
    let (mut emphasis, mut strong) = (false, false);
    for span in spans {
        if strong && (!span.strong || emphasis != span.emphasis) {
            out.push_str("**");
            strong = false;
        }
        if emphasis && !span.emphasis {
            out.push('*');
            emphasis = false;
        }
        if span.emphasis && !emphasis {
            out.push('*');
            emphasis = true;
        }
        if span.strong && !strong {
            out.push_str("**");
            strong = true;
        }
        out.push_str(&escape::run(&span.text));
    }
    if strong {
        out.push_str("**");
    }
    if emphasis {
        out.push('*');
    }
    escape::line_start(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, emphasis: bool, strong: bool) -> Span {
        Span {
            text: text.into(),
            emphasis,
            strong,
        }
    }

    fn para(s: Vec<Span>) -> ExcerptBlock {
        ExcerptBlock::Paragraph { spans: s }
    }

    #[test]
    fn emphasis_nests_and_text_is_escaped() {
        let line = spans(&[
            span("1. a ", false, false),
            span("b", true, false),
            span(" ", true, false),
            span("c", true, true),
            span(" <x> [y](z)", false, false),
        ]);
        assert_eq!(line, r"1\. a *b **c*** \<x\> \[y\](z)");
    }

    #[test]
    fn lists_keep_markers_numbers_and_nesting() {
        let blocks = vec![
            para(vec![Span::plain("Lead.")]),
            ExcerptBlock::List(ExcerptList {
                ordered: true,
                start: 3,
                items: vec![
                    vec![
                        para(vec![Span::plain("three")]),
                        ExcerptBlock::List(ExcerptList {
                            ordered: false,
                            start: 1,
                            items: vec![vec![para(vec![Span::plain("- dash")])]],
                        }),
                    ],
                    vec![para(vec![Span::plain("four")])],
                ],
            }),
            ExcerptBlock::List(ExcerptList {
                ordered: false,
                start: 1,
                items: vec![vec![para(vec![Span::plain("x")])]],
            }),
        ];
        assert_eq!(
            lines(&blocks),
            [
                "Lead.",
                "",
                "3. three",
                "   - \\- dash",
                "4. four",
                "",
                "* x"
            ]
        );
    }
}

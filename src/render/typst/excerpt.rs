//! An excerpt's blocks as Typst values for `#brief-excerpt`: each
//! paragraph a content block of string literals, emphasis as `emph(..)`
//! and `strong(..)` around a literal, lists as `list(..)`/`enum(start: n, ..)`.
//! Corpus text stays string literals, so nothing in it is read as markup.

use super::literal::string;
use crate::brief::{ExcerptBlock, ExcerptList, Span};

/// One Typst expression per block, in order.
pub fn blocks(blocks: &[ExcerptBlock]) -> Vec<String> {
    blocks.iter().map(block).collect()
}

fn block(block: &ExcerptBlock) -> String {
    match block {
        // A paragraph of plain text stays a string, as excerpts were before.
        ExcerptBlock::Paragraph { spans: s } => match s.as_slice() {
            [one] if !one.emphasis && !one.strong => string(&one.text),
            s => format!("[{}]", spans(s)),
        },
        ExcerptBlock::List(l) => list(l),
    }
}

/// `list(..)` or `enum(start: n, ..)`, each item a content block of its
/// blocks (a paragraph break between two paragraphs).
fn list(list: &ExcerptList) -> String {
    let items: Vec<String> = list
        .items
        .iter()
        .map(|item| {
            let mut inner = String::new();
            for (i, b) in item.iter().enumerate() {
                if i > 0 && matches!(b, ExcerptBlock::Paragraph { .. }) {
                    inner.push_str("#parbreak();");
                }
                match b {
                    ExcerptBlock::Paragraph { spans: s } => inner.push_str(&spans(s)),
                    ExcerptBlock::List(l) => {
                        inner.push('#');
                        inner.push_str(&self::list(l));
                        inner.push(';');
                    }
                }
            }
            format!("[{inner}]")
        })
        .collect();
    match list.ordered {
        true => format!("enum(start: {}, {})", list.start, items.join(", ")),
        false => format!("list({})", items.join(", ")),
    }
}

/// Markup of embedded expressions: `#"text";`, `#emph("text");`,
/// `#strong(emph("text"));`.
fn spans(spans: &[Span]) -> String {
    let mut out = String::new();
    for span in spans {
        let mut expr = string(&span.text);
        if span.emphasis {
            expr = format!("emph({expr})");
        }
        if span.strong {
            expr = format!("strong({expr})");
        }
        out.push('#');
        out.push_str(&expr);
        out.push(';');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_literals_inside_emphasis_calls() {
        let s = [
            Span::plain("#set page(width: 1pt) \"q\" "),
            Span {
                text: "*b*".into(),
                emphasis: true,
                strong: true,
            },
        ];
        assert_eq!(
            spans(&s),
            r##"#"#set page(width: 1pt) \"q\" ";#strong(emph("*b*"));"##
        );
    }

    #[test]
    fn lists_become_list_and_enum_calls() {
        let para = |t: &str| ExcerptBlock::Paragraph {
            spans: vec![Span::plain(t)],
        };
        let b = ExcerptBlock::List(ExcerptList {
            ordered: true,
            start: 2,
            items: vec![
                vec![
                    para("two"),
                    ExcerptBlock::List(ExcerptList {
                        ordered: false,
                        start: 1,
                        items: vec![vec![para("x")]],
                    }),
                ],
                vec![para("three"), para("more")],
            ],
        });
        assert_eq!(
            blocks(&[b]),
            [r##"enum(start: 2, [#"two";#list([#"x";]);], [#"three";#parbreak();#"more";])"##]
        );
    }
}

use super::*;
use crate::extract::sections::split;

/// The blocks of paragraphs `from..=to` (1-based) of `body`.
fn excerpt(body: &str, format: Format, from: usize, to: usize) -> Vec<ExcerptBlock> {
    let (_, paras) = split(body, format);
    let all: Vec<Range<usize>> = paras.iter().map(|p| p.start..p.end).collect();
    blocks(body, format, &all, &all[from - 1..to])
}

fn md(body: &str) -> Vec<ExcerptBlock> {
    let n = split(body, Format::Markdown).1.len();
    excerpt(body, Format::Markdown, 1, n)
}

fn para(spans: Vec<Span>) -> ExcerptBlock {
    ExcerptBlock::Paragraph { spans }
}

fn plain(text: &str) -> ExcerptBlock {
    para(vec![Span::plain(text)])
}

fn em(text: &str) -> Span {
    Span {
        text: text.into(),
        emphasis: true,
        strong: false,
    }
}

fn strong(text: &str) -> Span {
    Span {
        text: text.into(),
        emphasis: false,
        strong: true,
    }
}

fn list(ordered: bool, start: u64, items: Vec<Vec<ExcerptBlock>>) -> ExcerptBlock {
    ExcerptBlock::List(ExcerptList {
        ordered,
        start,
        items,
    })
}

#[test]
fn every_other_markup_is_its_own_source_text() {
    let cases = [
        "Run <script>alert(1)</script> now.",
        "See [x](javascript:alert(1)) and <https://evil.example>.",
        "An ![i](file:///etc/passwd) image.",
        "Some `code` and ``two`` ticks.",
        "#set page(width: 1pt) and #read(\"/etc/passwd\")",
        "Maths $x^2$ and $$y$$ here.",
        "As @cite says [^1] and [@key].",
        "A \\*not emphasis\\* and a \\ backslash and \\\\ two.",
        "Entities &amp; &lt;b&gt; and <b>bold</b> tags.",
        "[ref]: not a definition here",
        "Tilde ~strike~ ^sup^ {.class} | pipe",
        "A [*link with emphasis*](http://x.example) inside.",
    ];
    for body in cases {
        let expected = crate::text::one_line(body);
        assert_eq!(md(body), [plain(&expected)], "{body:?}");
    }
    // A line break, hard or soft, is a space: the only backslash that goes.
    assert_eq!(
        md("Hard\\\nbreak, soft\nbreak, spaces  \nbreak."),
        [plain("Hard break, soft break, spaces break.")]
    );
}

#[test]
fn emphasis_and_strong_are_kept() {
    assert_eq!(
        md("A *b* and **c**, _d_ __e__ and ***f*** end."),
        [para(vec![
            Span::plain("A "),
            em("b"),
            Span::plain(" and "),
            strong("c"),
            Span::plain(", "),
            em("d"),
            Span::plain(" "),
            strong("e"),
            Span::plain(" and "),
            Span {
                text: "f".into(),
                emphasis: true,
                strong: true
            },
            Span::plain(" end."),
        ])]
    );
    // Emphasis across a line break, with literal markup inside it.
    assert_eq!(
        md("*one\ntwo `c` [l](u)* x"),
        [para(vec![em("one two `c` [l](u)"), Span::plain(" x")])]
    );
    // Unclosed or spaced stars are text.
    assert_eq!(md("a * b *c"), [plain("a * b *c")]);
}

#[test]
fn lists_keep_their_kind_numbering_and_nesting() {
    let body = "Lead *para*.\n\n- one\n- **two**\n  - nested a\n  - nested b\n- three\n\n3. three\n4. four\n   1) inner\n\nAfter.\n";
    assert_eq!(
        md(body),
        [
            para(vec![Span::plain("Lead "), em("para"), Span::plain(".")]),
            list(
                false,
                1,
                vec![
                    vec![plain("one")],
                    vec![
                        para(vec![strong("two")]),
                        list(
                            false,
                            1,
                            vec![vec![plain("nested a")], vec![plain("nested b")]]
                        ),
                    ],
                    vec![plain("three")],
                ]
            ),
            list(
                true,
                3,
                vec![
                    vec![plain("three")],
                    vec![plain("four"), list(true, 1, vec![vec![plain("inner")]])],
                ]
            ),
            plain("After."),
        ]
    );
    // Part of a list keeps the source's numbers: paragraphs 8-9 are "four", "inner".
    assert_eq!(
        excerpt(body, Format::Markdown, 8, 9),
        [list(
            true,
            4,
            vec![vec![
                plain("four"),
                list(true, 1, vec![vec![plain("inner")]])
            ]]
        )]
    );
    // Starting inside a nested list keeps the item it is in.
    assert_eq!(
        excerpt(body, Format::Markdown, 5, 6),
        [list(
            false,
            2,
            vec![
                vec![list(false, 2, vec![vec![plain("nested b")]])],
                vec![plain("three")]
            ]
        )]
    );
}

#[test]
fn loose_items_and_quoted_paragraphs() {
    assert_eq!(
        md("1. first\n\n   more of it\n\n2. second\n\n> quoted\n> on two lines\n"),
        [
            list(
                true,
                1,
                vec![
                    vec![plain("first"), plain("more of it")],
                    vec![plain("second")]
                ]
            ),
            plain("quoted on two lines"),
        ]
    );
}

#[test]
fn an_item_that_opens_with_emphasis_is_found() {
    // The corpus's paragraph for this item starts after the `*`.
    assert_eq!(
        md("- *Note:* text\n- plain\n"),
        [list(
            false,
            1,
            vec![
                vec![para(vec![em("Note:"), Span::plain(" text")])],
                vec![plain("plain")]
            ]
        )]
    );
}

#[test]
fn text_after_a_block_in_a_tight_item_is_kept() {
    // The corpus reads "a … after" as one paragraph; its code is not prose.
    assert_eq!(
        md("- a\n  ```\n  code *x*\n  ```\n  after\n- z\n"),
        [list(
            false,
            1,
            vec![vec![plain("a"), plain("after")], vec![plain("z")]]
        )]
    );
}

#[test]
fn plain_text_runs_of_list_lines_are_lists() {
    let body = "Intro line.\n- a\n- b *not em*\n1) one\n2) two\n4) four\n• lone\n2024. A year.\n* x\n- y\n";
    assert_eq!(
        excerpt(body, Format::Text, 1, 10),
        [
            plain("Intro line."),
            list(false, 1, vec![vec![plain("a")], vec![plain("b *not em*")]]),
            list(true, 1, vec![vec![plain("one")], vec![plain("two")]]),
            plain("4) four"),
            plain("• lone"),
            plain("2024. A year."),
            plain("* x"),
            plain("- y"),
        ]
    );
    // One line of a run is still an item with its number.
    assert_eq!(
        excerpt(body, Format::Text, 5, 5),
        [list(true, 2, vec![vec![plain("two")]])]
    );
}

/// The characters an excerpt may drop from its source: white space,
/// emphasis delimiters, the `>` of a quoted line and a hard break's `\`.
fn kept(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '_' | '>' | '\\'))
        .collect()
}

/// Whatever the body, an excerpt of all its paragraphs says what they say:
/// the same characters but for the few a renderer replaces by structure,
/// and never an empty span (plain text: no empty span, no panic).
#[test]
fn an_excerpt_drops_only_structure() {
    use brief_synth::{self as synth, SynthOptions};
    let mut bodies: Vec<String> = [
        "- *Note:* text\n- **b** *c*\n  - d *e\nf*\n\n3) x\n4) y\n",
        "> q *one\n> two*\n\n1. a\n\n   b\n2. `c` [d](e) <f>\n",
        "Para *a **b** c* ***d*** __e__ _f_ *g*h* i\\*j\\* &amp;\n",
        "* a\n+ b\n- c\n\n<div>\n*html*\n</div>\n\n    code\n\n#### h *x*\n\ntext\n",
        "[*link*](u) ![*img*](v) <https://x> *[l](m)*\n",
        "- \n- x\n-\n  y\n",
        "1. a\n   - b\n     1. c\n        - d\n",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let opts = SynthOptions {
        docs: 60,
        ..SynthOptions::default()
    };
    for i in 0..opts.docs {
        bodies.push(synth::document(&opts, i).text);
    }
    for body in &bodies {
        for format in [Format::Markdown, Format::Text] {
            let (_, paras) = split(body, format);
            let all: Vec<Range<usize>> = paras.iter().map(|p| p.start..p.end).collect();
            let got = blocks(body, format, &all, &all);
            let spans = ExcerptBlock::spans(&got);
            assert!(spans.iter().all(|s| !s.text.is_empty()), "{body:?}");
            let text: String = spans.iter().map(|s| s.text.as_str()).collect();
            let source: String = all.iter().map(|p| &body[p.clone()]).collect();
            if format == Format::Text {
                // A plain-text list's markers are structure too: covered above.
                continue;
            }
            assert_eq!(kept(&text), kept(&source), "{body:?}");
        }
    }
}

#[test]
fn deep_nesting_stops_at_six_lists() {
    let mut body = String::new();
    for depth in 0..40 {
        body.push_str(&" ".repeat(2 * depth));
        body.push_str(&format!("- d{depth}\n"));
    }
    let got = md(&body);
    let mut depth = 0;
    let mut blocks = &got[..];
    while let Some(ExcerptBlock::List(l)) =
        blocks.iter().find(|b| matches!(b, ExcerptBlock::List(_)))
    {
        depth += 1;
        blocks = &l.items[0];
    }
    assert_eq!(depth, 6);
    // The deepest item holds the rest as paragraphs, none lost.
    assert_eq!(blocks.len(), 40 - 5, "{blocks:?}");
}

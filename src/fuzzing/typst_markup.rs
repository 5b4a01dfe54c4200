//! The Markdown→Typst converter on arbitrary prose. The analyst's Markdown
//! may only ever become the structure Markdown gives (the calls below) and
//! escaped text; corpus text inserted by a reference must arrive as a string
//! literal holding exactly that text. Both are checked on Typst's own parse
//! of the output, so "escaped" means what Typst reads, not what we meant.

use std::collections::HashMap;

use typst::syntax::{SyntaxKind, SyntaxNode, ast};

use super::ensure;
use crate::brief::{InlineRef, Prose};
use crate::render::typst::markup;
use crate::resolve::refs;

/// Every function the converter (and the footnote callback below) may call.
const CALLS: &[&str] = &[
    "emph",
    "strong",
    "strike",
    "super",
    "sub",
    "link",
    "raw",
    "footnote",
    "linebreak",
    "line",
    "heading",
    "quote",
    "list",
    "enum",
    "table",
    "table.header",
    "brief-inline-quote",
    "brief-inline-figure",
];

/// Every named argument those calls are given.
const NAMED: &[&str] = &["level", "block", "lang", "start", "columns", "length"];

/// Converts `data` (lossily decoded) and checks Typst's parse of the result.
/// Text after the first NUL byte, split at further NULs, is the corpus text
/// references resolve to; without it a reference's text is its own id.
pub fn typst_markup(data: &[u8]) -> Result<(), String> {
    let input = String::from_utf8_lossy(data);
    let (markdown, corpus) = input.split_once('\0').unwrap_or((&input, ""));
    let texts: Vec<&str> = corpus.split('\0').filter(|t| !t.is_empty()).collect();
    let prose = prose(markdown, &texts);

    let mut defined = Vec::new();
    let out = markup::prose(&prose, 1, &mut |n| {
        // As the renderer does: the note in full at first use, then a reference to it.
        if defined.contains(&n) {
            format!("#footnote(<note-{n}>);")
        } else {
            defined.push(n);
            format!("#footnote[#\"source {n}\";]<note-{n}>")
        }
    });

    let root = typst::syntax::parse(&out);
    let (errors, warnings) = root.errors_and_warnings();
    ensure(errors.is_empty() && warnings.is_empty(), || {
        let messages: Vec<_> = errors
            .iter()
            .chain(&warnings)
            .map(|e| e.message.as_str())
            .collect();
        format!("Typst cannot parse the output cleanly: {messages:?}\n{out}")
    })?;
    let mut inserted = Vec::new();
    markup_node(&root, &mut inserted).map_err(|m| format!("{m}\n{out}"))?;
    for text in &inserted {
        ensure(prose.refs.iter().any(|r| &r.text == text), || {
            format!("an inserted item {text:?} is no reference's text\n{out}")
        })?;
    }
    // Corpus text may hold anything, the markers too: it is a string literal.
    let markers = ['\u{F8F0}', '\u{F8F1}'];
    let typed = markdown.contains(markers) || prose.refs.iter().any(|r| r.text.contains(markers));
    ensure(typed || !out.contains(markers), || {
        format!("a reference marker leaked into the output\n{out}")
    })
}

/// The prose as the resolver builds it: the references `refs::scan` finds,
/// numbered by first use of their id.
fn prose(markdown: &str, texts: &[&str]) -> Prose {
    let (raw, _broken) = refs::scan(markdown);
    let mut notes: HashMap<String, usize> = HashMap::new();
    let refs = raw
        .into_iter()
        .filter(|r| r.kind == "quote" || r.kind == "figure")
        .enumerate()
        .map(|(i, r)| {
            let next = notes.len() + 1;
            let note = *notes.entry(r.id.clone()).or_insert(next);
            let text = match texts {
                [] => r.id.clone(),
                _ => texts[i % texts.len()].to_string(),
            };
            InlineRef {
                is_quote: r.kind == "quote",
                range: r.range,
                id: r.id,
                text,
                note,
            }
        })
        .collect();
    Prose {
        markdown: markdown.to_string(),
        refs,
    }
}

/// Markup may hold text, escapes, typographic quotes and `...`, paragraph
/// breaks, note labels, embedded strings and calls; nothing else Typst reads as syntax.
fn markup_node(node: &SyntaxNode, inserted: &mut Vec<String>) -> Result<(), String> {
    match node.kind() {
        SyntaxKind::Markup | SyntaxKind::ContentBlock => children(node, inserted, markup_node),
        SyntaxKind::Text
        | SyntaxKind::Space
        | SyntaxKind::Parbreak
        | SyntaxKind::Escape
        | SyntaxKind::SmartQuote
        | SyntaxKind::Colon
        | SyntaxKind::Hash
        | SyntaxKind::Semicolon
        | SyntaxKind::LeftBracket
        | SyntaxKind::RightBracket => Ok(()),
        SyntaxKind::Shorthand if node.leaf_text() == "..." => Ok(()),
        // The footnote callback's `#"source N";`: corpus text as a string literal.
        SyntaxKind::Str => Ok(()),
        SyntaxKind::Label => note_label(node),
        SyntaxKind::FuncCall => call(node, inserted),
        other => Err(format!("markup holds {other:?} {:?}", node.full_text())),
    }
}

/// A call of an allowed function, with literal arguments and content blocks.
fn call(node: &SyntaxNode, inserted: &mut Vec<String>) -> Result<(), String> {
    let mut parts = node.children();
    let callee = parts.next().map(SyntaxNode::full_text);
    let name = callee.as_deref().unwrap_or_default();
    ensure(CALLS.contains(&name), || format!("call of `{name}`"))?;
    let args = parts.next().ok_or("a call without arguments")?;
    if name.starts_with("brief-inline-") {
        let strings: Vec<String> = args
            .children()
            .filter_map(|a| a.cast::<ast::Str>())
            .map(|s| s.get().to_string())
            .collect();
        ensure(strings.len() == 1, || {
            format!("`{name}` without exactly one string")
        })?;
        inserted.extend(strings);
    }
    children(args, inserted, argument)
}

/// Arguments are literals, named literals and content.
fn argument(node: &SyntaxNode, inserted: &mut Vec<String>) -> Result<(), String> {
    match node.kind() {
        SyntaxKind::ContentBlock => children(node, inserted, markup_node),
        SyntaxKind::FuncCall => call(node, inserted),
        SyntaxKind::Named => {
            let name = node.children().next().map(|n| n.leaf_text().to_string());
            ensure(name.as_deref().is_some_and(|n| NAMED.contains(&n)), || {
                format!("named argument {name:?}")
            })?;
            children(node, inserted, |n, i| match n.kind() {
                SyntaxKind::Ident => Ok(()),
                _ => argument(n, i),
            })
        }
        SyntaxKind::Label => note_label(node),
        SyntaxKind::Str
        | SyntaxKind::Int
        | SyntaxKind::Numeric
        | SyntaxKind::Bool
        | SyntaxKind::None
        | SyntaxKind::Space
        | SyntaxKind::Comma
        | SyntaxKind::Colon
        | SyntaxKind::LeftParen
        | SyntaxKind::RightParen => Ok(()),
        other => Err(format!(
            "an argument holds {other:?} {:?}",
            node.full_text()
        )),
    }
}

/// The only labels are the footnote callback's `<note-N>`.
fn note_label(node: &SyntaxNode) -> Result<(), String> {
    let text = node.leaf_text();
    let number = text
        .strip_prefix("<note-")
        .and_then(|t| t.strip_suffix('>'));
    ensure(number.is_some_and(|n| n.parse::<usize>().is_ok()), || {
        format!("label {text:?}")
    })
}

fn children(
    node: &SyntaxNode,
    inserted: &mut Vec<String>,
    each: impl Fn(&SyntaxNode, &mut Vec<String>) -> Result<(), String>,
) -> Result<(), String> {
    node.children().try_for_each(|c| each(c, inserted))
}

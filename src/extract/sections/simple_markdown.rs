//! The common shape of a Markdown body, split into blocks without a
//! CommonMark parser.
//!
//! Nearly every corpus document is `## ` headings and paragraphs separated
//! by blank lines. Running pulldown-cmark over that, only to keep the
//! heading and paragraph spans, was a tenth of loading and extracting a
//! large corpus, so that shape is read here line by line. A body with
//! anything that could start another block (lists, quotes, code, HTML, rules,
//! setext underlines, link definitions, indentation, tabs, `\r`) or inline
//! markup in a heading returns `None` and goes to pulldown-cmark. The tests
//! check both paths agree on every input this one accepts.

use std::ops::Range;

use super::Block;
use crate::extract::text::trim_range;

/// The blocks of `body`, if it has the simple shape; `None` otherwise.
pub(super) fn blocks(body: &str) -> Option<Vec<Block>> {
    // `\r` ends a line in CommonMark too; such bodies are rare enough to leave.
    if memchr::memchr(b'\r', body.as_bytes()).is_some() {
        return None;
    }
    let mut blocks = Vec::new();
    // The lines of the paragraph being read: from its first line's start to its last line's end.
    let mut paragraph: Option<Range<usize>> = None;
    let mut start = 0;
    // The lines `body.split('\n')` gives, found with the `memchr` crate's
    // SIMD search: every body is read here, and lines are whole paragraphs.
    let ends = memchr::memchr_iter(b'\n', body.as_bytes()).chain(std::iter::once(body.len()));
    for end in ends {
        let line = &body[start..end];
        let start = std::mem::replace(&mut start, end + 1);
        let bytes = line.as_bytes();
        if bytes.iter().all(|&b| b == b' ' || b == b'\t') {
            flush(body, &mut paragraph, &mut blocks)?;
            continue;
        }
        if bytes[0] == b'#' {
            let (level, title) = heading(line)?;
            flush(body, &mut paragraph, &mut blocks)?;
            blocks.push(Block::Heading {
                level,
                title: title.to_string(),
                range: trim_range(body, start..end),
            });
            continue;
        }
        if !plain_start(bytes) {
            return None;
        }
        match &mut paragraph {
            Some(p) => p.end = end,
            None => paragraph = Some(start..end),
        }
    }
    flush(body, &mut paragraph, &mut blocks)?;
    Some(blocks)
}

/// Ends the paragraph being read, if any. `None` if it is only whitespace
/// (a line of Unicode spaces), a case left to the parser.
fn flush(body: &str, paragraph: &mut Option<Range<usize>>, blocks: &mut Vec<Block>) -> Option<()> {
    if let Some(p) = paragraph.take() {
        let range = trim_range(body, p);
        if range.is_empty() {
            return None;
        }
        blocks.push(Block::Paragraph(range));
    }
    Some(())
}

/// `## Title`: the level and the trimmed title, when the title is plain text
/// (no character inline parsing could change, no closing `#`s).
fn heading(line: &str) -> Option<(u8, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if level > 6 || line.as_bytes().get(level) != Some(&b' ') {
        return None;
    }
    let title = line[level..].trim();
    let plain = !title.is_empty()
        && !title.bytes().any(|b| {
            matches!(
                b,
                b'\\'
                    | b'`'
                    | b'*'
                    | b'_'
                    | b'['
                    | b']'
                    | b'!'
                    | b'<'
                    | b'>'
                    | b'&'
                    | b'~'
                    | b'#'
                    | b'|'
                    | b'$'
                    | b'^'
                    | b'\t'
            )
        });
    plain.then_some((level as u8, title))
}

/// Whether a line starting with these bytes can only be paragraph text: a
/// letter, a non-ASCII character, a number not followed by `.` or `)` (a
/// list item), or punctuation that starts no block.
fn plain_start(bytes: &[u8]) -> bool {
    match bytes[0] {
        b'a'..=b'z' | b'A'..=b'Z' | 0x80.. => true,
        b'0'..=b'9' => {
            let after = bytes.iter().find(|b| !b.is_ascii_digit());
            !matches!(after, Some(b'.' | b')'))
        }
        b'"' | b'\'' | b'(' | b'$' | b'%' | b',' | b'.' | b';' | b':' | b'?' | b'@' | b'/' => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::markdown_blocks;
    use super::*;
    use crate::corpus::load_file;
    use brief_synth::{self as synth, SynthOptions};

    /// Whenever the fast path gives blocks, pulldown-cmark gives the same.
    fn agrees(body: &str) -> bool {
        match blocks(body) {
            Some(fast) => {
                assert_eq!(fast, markdown_blocks(body), "{body:?}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn agrees_with_pulldown_on_edge_cases() {
        let accepted = [
            "",
            "\n\n",
            "One.\n",
            "One line\nand two.\n\nThree.",
            "## Head\nPara right after.\n# Top\n\n###### Six\n",
            "Para\n## Heading interrupts\nmore",
            "##  Spaced   title   \n\ntext  \n  \n\t\nend",
            "2022年4月，河南。\n\n2023 was worse. 1,000 people.\n",
            "\u{a0}Nbsp first.\n\nTrailing nbsp\u{a0}\n",
            "A *b* `c` <d> [e](f) \\\ng &amp; h\n\nh",
            "(Aside.) \"Quote.\" 'Single.' $5, %, .5, ;x, :y, ?z, @a, /b",
            "## ‘No way to survive’\n\nCross-Border (中共)\n",
        ];
        for body in accepted {
            assert!(agrees(body), "not accepted: {body:?}");
        }
        let rejected = [
            "- item\n",
            "1. item\n",
            "2) item\n",
            "> quote\n",
            "    code\n",
            " one space\n",
            "```\ncode\n```\n",
            "<div>\n",
            "[a]: http://x\n",
            "Para\n===\n",
            "Para\n---\n",
            "***\n",
            "## Title ##\n",
            "## *Emph*\n",
            "##\n",
            "#######  Seven\n",
            "#hashtag\n",
            "a\r\nb",
            "\u{3000}\n",
            "|a|b|\n",
        ];
        for body in rejected {
            assert!(blocks(body).is_none(), "accepted: {body:?}");
        }
    }

    #[test]
    fn agrees_with_pulldown_on_generated_and_shipped_documents() {
        let opts = SynthOptions {
            docs: 400,
            ..SynthOptions::default()
        };
        let mut accepted = 0;
        for i in 0..opts.docs {
            let doc = synth::document(&opts, i);
            let loaded = load_file(Path::new(&doc.file_name), doc.text.as_bytes())
                .unwrap_or_else(|d| panic!("{}", d.message));
            accepted += usize::from(agrees(&loaded.document.body));
        }
        // Generated documents all have the simple shape.
        assert_eq!(accepted, opts.docs);
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        for entry in std::fs::read_dir(shipped).expect("the shipped corpus") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|e| e == "md") {
                let bytes = std::fs::read(&path).expect("a corpus file");
                if let Ok(loaded) = load_file(&path, &bytes) {
                    agrees(&loaded.document.body);
                }
            }
        }
    }
}

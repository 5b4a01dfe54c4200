//! Reading one corpus file into a `Document`, or into diagnostics saying why it cannot be used.

use std::path::Path;

use crate::diag::Diagnostic;

use super::document::{Document, Format, Metadata};
use super::frontmatter;

/// A file that became a document, with any warnings about it.
#[derive(Debug)]
pub struct Loaded {
    pub document: Document,
    pub warnings: Vec<Diagnostic>,
}

/// Turns a file's bytes into a document. Never panics: every way a file can be
/// unusable comes back as an error diagnostic naming the file, line and reason.
pub fn load_file(path: &Path, bytes: &[u8]) -> Result<Loaded, Diagnostic> {
    let format = match path.extension().and_then(|e| e.to_str()) {
        Some("txt") => Format::Text,
        Some("csv") => Format::Data,
        _ => Format::Markdown,
    };
    let text = decode(path, bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_string();

    let (meta, body_offset, has_front_matter) = match format {
        Format::Text => (Metadata::default(), 0, false),
        Format::Markdown | Format::Data => match frontmatter::split(text) {
            Err((offset, message)) => {
                return Err(Diagnostic::error(message)
                    .in_file(path)
                    .at_offset(text, offset)
                    .hint("close the front matter with a line holding only `---`"));
            }
            Ok(split) => match split.yaml {
                Some((yaml, offset)) => (
                    frontmatter::parse(text, yaml, offset).map_err(|d| d.in_file(path))?,
                    split.body_offset,
                    true,
                ),
                None => (Metadata::default(), 0, false),
            },
        },
    };

    let id = match &meta.id {
        Some(id) => {
            validate_id(id).map_err(|reason| {
                let offset = text.find("id:").unwrap_or(0);
                Diagnostic::error(format!("invalid id `{id}`: {reason}"))
                    .in_file(path)
                    .at_offset(text, offset)
                    .hint("ids are slugs: letters, digits, `-`, `_` and `.`")
            })?;
            id.clone()
        }
        None => {
            validate_id(&stem).map_err(|reason| {
                Diagnostic::error(format!(
                    "cannot use the file name `{stem}` as an id: {reason}"
                ))
                .in_file(path)
                .hint("rename the file, or give an `id:` in front matter")
            })?;
            stem
        }
    };

    let mut meta = meta;
    let mut body_offset = body_offset;
    let mut warnings = Vec::new();
    if !has_front_matter {
        // A title is the first line of a plain document; the rest is its body.
        let first = text
            .lines()
            .find(|l| !l.trim().is_empty())
            .map(|l| l.trim());
        if format == Format::Text
            && let Some(first) = first
        {
            meta.title = Some(first.to_string());
            let at = text.find(first).unwrap_or(0) + first.len();
            body_offset = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        }
        warnings.push(
            Diagnostic::warning(
                "no front matter: outlet, author, published and url are unknown and will be left out of citations",
            )
            .in_file(path)
            .hint("add a `---` block with the metadata the source states (see README, \"Corpus format\")"),
        );
    }
    let body = text[body_offset..].to_string();
    if format == Format::Data
        && let Err((line, why)) = super::data::table(&body)
    {
        // The table is checked here, where its file's lines are known, so a
        // chart never meets a broken one.
        let offset = body_offset
            + body
                .split_inclusive('\n')
                .take(line.saturating_sub(1))
                .map(str::len)
                .sum::<usize>();
        return Err(Diagnostic::error(why)
            .in_file(path)
            .at_offset(text, offset.min(text.len()))
            .hint("a data file is CSV: a header row, then a label and numbers per row"));
    }
    if body.trim().is_empty() {
        warnings.push(Diagnostic::warning("document has no body text").in_file(path));
    }
    meta.id = None;
    Ok(Loaded {
        document: Document {
            id,
            path: path.to_path_buf(),
            meta,
            word_count: Default::default(),
            format,
            body,
            body_line: text[..body_offset].matches('\n').count() + 1,
            body_offset,
        },
        warnings,
    })
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    // Every byte of every file is searched: the `memchr` crate reads 32 at a
    // time with SIMD, the standard library's `contains` a word at a time.
    memchr::memchr(0, bytes)
}

/// Ids appear in paths (`DOC/q3`), anchors (`DOC#section`) and file names, so they stay plain.
pub fn validate_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("it is empty".into());
    }
    if let Some(c) = id
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!("`{c}` is not allowed"));
    }
    if id.starts_with('.') {
        return Err("it starts with `.`".into());
    }
    Ok(())
}

/// A file's bytes as text, or why they are not: the loader and `corpus add`
/// refuse a file for the same reasons in the same words.
pub fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    if let Some(nul) = memchr_nul(bytes) {
        let line = bytes[..nul].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(
            Diagnostic::error("binary file: contains a NUL byte, not text")
                .in_file(path)
                .at("", line, 1)
                .hint("the corpus holds UTF-8 Markdown (.md) or plain text (.txt) documents"),
        );
    }
    // Every file is validated: `simdutf8` checks 32 bytes at a time and says
    // only whether the text is valid, so the standard library is asked again
    // for where it is not (the error path only).
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = e.valid_up_to();
        // Show the line up to the bad byte, which is all we can print faithfully.
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        let (line, column) = crate::diag::line_column(&prefix, valid);
        Diagnostic::error(format!(
            "invalid UTF-8: byte 0x{:02x} at offset {valid} is not valid UTF-8",
            bytes[valid]
        ))
        .in_file(path)
        .at(&prefix, line, column)
        .hint("re-save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(name: &str, text: &[u8]) -> Result<Loaded, Diagnostic> {
        load_file(Path::new(name), text)
    }

    #[test]
    fn markdown_with_front_matter() {
        let loaded = load("c/a.md", b"---\nid: x\ntitle: T\n---\n\nBody one.\n").unwrap();
        assert_eq!(loaded.document.id, "x");
        assert_eq!(loaded.document.meta.title.as_deref(), Some("T"));
        assert_eq!(loaded.document.body, "\nBody one.\n");
        assert_eq!(loaded.document.words(), 2);
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn plain_text_takes_title_from_first_line_and_warns() {
        let loaded = load("c/note-1.txt", b"\nMy Title\nFirst para.\nSecond.\n").unwrap();
        let doc = &loaded.document;
        assert_eq!(doc.id, "note-1");
        assert_eq!(doc.meta.title.as_deref(), Some("My Title"));
        assert_eq!(doc.body, "First para.\nSecond.\n");
        assert_eq!(doc.format, Format::Text);
        assert_eq!(loaded.warnings.len(), 1);
        assert!(
            loaded.warnings[0]
                .message
                .contains("outlet, author, published and url are unknown")
        );
    }

    #[test]
    fn unusable_files_are_errors_with_reasons() {
        type Case<'a> = (&'a str, &'a [u8], &'a str, Option<(usize, usize)>);
        let cases: [Case; 5] = [
            (
                "a.md",
                b"ok\n\xff\xfe",
                "invalid UTF-8: byte 0xff at offset 3",
                Some((2, 1)),
            ),
            (
                "a.md",
                b"line\nbin\0ary",
                "binary file: contains a NUL byte, not text",
                Some((2, 1)),
            ),
            (
                "a.md",
                b"---\ntitle: x\n",
                "front matter starts with `---` but has no closing",
                Some((1, 1)),
            ),
            (
                "a.md",
                b"---\nid: a/b\n---\n",
                "invalid id `a/b`: `/` is not allowed",
                Some((2, 1)),
            ),
            (
                "a b.md",
                b"text",
                "cannot use the file name `a b` as an id",
                None,
            ),
        ];
        for (name, bytes, message, position) in cases {
            let diag = load(name, bytes).unwrap_err();
            assert!(
                diag.message.starts_with(message),
                "{name}: {}",
                diag.message
            );
            assert_eq!(diag.position, position, "{}", diag.message);
            assert_eq!(diag.file.as_deref(), Some(Path::new(name)));
        }
    }

    #[test]
    fn strips_byte_order_mark() {
        let loaded = load("a.md", "\u{feff}---\ntitle: T\n---\nx".as_bytes()).unwrap();
        assert_eq!(loaded.document.meta.title.as_deref(), Some("T"));
    }
}

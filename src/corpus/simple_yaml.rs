//! The common shape of front matter, read without a YAML parser.
//!
//! Nearly every document's front matter is a few `key: value` lines: plain
//! words, simple "quoted strings", `[flow, lists]`, a year or date, and for
//! translations an `original:` block of such lines indented two spaces.
//! Parsing that with a full YAML parser was 13% of loading and extracting a
//! large corpus, so that shape is read here directly. Anything else (other
//! nesting, escapes, comments, block scalars, anchors, tags, duplicate or
//! unknown keys, values YAML would read as other numbers, booleans or null)
//! returns `None` and goes to serde-saphyr, which then gives the full result
//! or the diagnostic. The tests check both paths agree on every input this
//! one accepts.

use super::date::PartialDate;
use super::document::{Metadata, Original};

/// The metadata, if the front matter has the simple shape; `None` otherwise.
pub fn parse(yaml: &str) -> Option<Metadata> {
    let mut meta = Metadata::default();
    let mut seen: Vec<&str> = Vec::new();
    // Inside `original:`, the keys it has been given.
    let mut original: Option<Vec<&str>> = None;
    for line in yaml.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        if let Some(nested) = line.strip_prefix("  ") {
            let keys = original.as_mut()?;
            let (key, value) = key_value(nested)?;
            if keys.contains(&key) {
                return None;
            }
            keys.push(key);
            original_field(
                meta.original.get_or_insert_with(Original::default),
                key,
                value,
            )?;
            continue;
        }
        // An empty `original:` is null to YAML: left to the full parser.
        if original.take().is_some_and(|keys| keys.is_empty()) {
            return None;
        }
        if line == "original:" {
            if seen.contains(&"original") {
                return None;
            }
            seen.push("original");
            original = Some(Vec::new());
            continue;
        }
        let (key, value) = key_value(line)?;
        if seen.contains(&key) {
            return None;
        }
        seen.push(key);
        match key {
            "tags" => meta.tags = flow_list(value)?,
            "published" => meta.published = Some(date(value)?),
            _ => {
                let text = Some(scalar(value)?);
                match key {
                    "id" => meta.id = text,
                    "title" => meta.title = text,
                    "short_title" => meta.short_title = text,
                    "outlet" => meta.outlet = text,
                    "author" => meta.author = text,
                    "translator" => meta.translator = text,
                    "editor" => meta.editor = text,
                    "url" => meta.url = text,
                    "language" => meta.language = text,
                    _ => return None,
                }
            }
        }
    }
    if original.is_some_and(|keys| keys.is_empty()) {
        return None;
    }
    Some(meta)
}

/// `key: value` with a lowercase key and one space after the colon.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return None;
    }
    let value = value.strip_prefix(' ')?.trim_end_matches(' ');
    Some((key, value))
}

/// One field of the `original:` block (a translation's source).
fn original_field(original: &mut Original, key: &str, value: &str) -> Option<()> {
    if key == "published" {
        original.published = Some(date(value)?);
        return Some(());
    }
    let text = Some(scalar(value)?);
    match key {
        "title" => original.title = text,
        "outlet" => original.outlet = text,
        "author" => original.author = text,
        "url" => original.url = text,
        "language" => original.language = text,
        _ => return None,
    }
    Some(())
}

/// `YYYY-MM` or `YYYY-MM-DD`, a string to YAML; or `YYYY`, a number to YAML
/// that the metadata reads back as the same digits (so not with a leading
/// zero, which the number would lose).
fn date(value: &str) -> Option<PartialDate> {
    let digits_and_dashes = value.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    let full = value.len() >= 7 && value.contains('-') && digits_and_dashes;
    let year =
        value.len() == 4 && digits_and_dashes && !value.contains('-') && !value.starts_with('0');
    (full || year).then(|| value.parse().ok()).flatten()
}

/// A plain word or phrase, or a double- or single-quoted string without escapes.
fn scalar(value: &str) -> Option<String> {
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        return (!inner.contains(['"', '\\'])).then(|| inner.to_string());
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return (!inner.contains('\'')).then(|| inner.to_string());
    }
    plain(value).map(str::to_string)
}

/// A plain scalar YAML reads as a string: not empty, no indicator first, no
/// `: ` or ` #` inside, not a number, boolean or null.
fn plain(value: &str) -> Option<&str> {
    let first = value.chars().next()?;
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace() {
        return None;
    }
    if value.contains(": ") || value.contains(" #") || value.ends_with(':') || value.contains('\t')
    {
        return None;
    }
    let special = [
        "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~", "yes",
        "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    ];
    if special.contains(&value) || looks_numeric(value) {
        return None;
    }
    Some(value)
}

/// Anything YAML might read as a number: leave it to the full parser.
fn looks_numeric(value: &str) -> bool {
    let v = value.trim_start_matches(['+', '-']);
    v.starts_with('.')
        || v.starts_with("0x")
        || v.starts_with("0o")
        || (v.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && v.bytes().all(|b| {
                b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'_' | b'+' | b'-' | b':')
            }))
}

/// `[a, b, c]` of plain or quoted items; `[]` is empty.
fn flow_list(value: &str) -> Option<Vec<String>> {
    let inner = value.strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim().is_empty() {
        return Some(Vec::new());
    }
    if inner.contains(['[', ']', '{', '}']) {
        return None;
    }
    inner.split(',').map(|item| scalar(item.trim())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every input: the simple reader either declines or agrees with serde-saphyr.
    #[test]
    fn agrees_with_the_full_parser_or_declines() {
        let cases = [
            (
                "title: \"A Perilous Journey\"\noutlet: \"BBC News\"\npublished: 2022-10-07\nlanguage: en\ntags: [infiltration, border, run-movement]\n",
                true,
            ),
            (
                "id: doc-00002\ntitle: \"Zhu Bo: ‘No way to survive’ in China\"\nauthor: 'John Müller'\nurl: https://x.org/a?b=c\n",
                true,
            ),
            (
                "title: Plain words here\npublished: 2023-10\ntags: []\n",
                true,
            ),
            ("title: A\r\nauthor: B\r\n", true),
            ("tags: [\"a b\", c]\n", true),
            ("published: 2023\n", true),
            ("published: 0999\n", false),
            ("published: 20234\n", false),
            ("original:\n  outlet: VOA\n", true),
            (
                "title: T\noriginal:\n  outlet: \"端传媒\"\n  language: zh\n\n  published: 2021\nurl: u\n",
                true,
            ),
            (
                "original:\n  published: 2021-05-06\n  title: 'T'\n  author: A\n  url: x\n",
                true,
            ),
            ("original:\n", false),
            ("original:\ntitle: T\n", false),
            ("original: \n  outlet: VOA\n", false),
            ("original:\n   outlet: VOA\n", false),
            ("original:\n  outlet: VOA\n    x: y\n", false),
            ("original:\n  foo: VOA\n", false),
            ("original:\n  tags: [a]\n", false),
            ("original:\n  outlet: A\n  outlet: B\n", false),
            ("original:\n  outlet: A\noriginal:\n  outlet: B\n", false),
            ("title: T\n  outlet: VOA\n", false),
            ("title: 2023\n", false),
            ("title: yes\n", false),
            ("title: null\n", false),
            ("title:\n", false),
            ("title: \"esc \\\" aped\"\n", false),
            ("title: a # comment\n", false),
            ("title: |\n  block\n", false),
            ("title: A\ntitle: B\n", false),
            ("titel: A\n", false),
            ("tags:\n  - a\n", false),
            ("title: &x A\n", false),
            ("title: !!str A\n", false),
            ("title: 'it''s'\n", false),
            ("url: http://x.org/a: b\n", false),
            ("published: 2023-02-30\n", false),
            ("  title: A\n", false),
            ("title: .5\n", false),
            // Corrections are nested: the full parser reads them, with positions.
            ("corrections:\n  f-12:\n    label: x\n", false),
        ];
        for (yaml, accepted) in cases {
            let simple = parse(yaml);
            assert_eq!(simple.is_some(), accepted, "{yaml:?}");
            if let Some(simple) = simple {
                let full: Metadata = serde_saphyr::from_str(yaml).expect(yaml);
                assert_eq!(simple, full, "{yaml:?}");
            }
        }
    }

    #[test]
    fn agrees_on_the_shipped_corpus_shapes() {
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus")).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let Some(rest) = text.strip_prefix("---\n") else {
                continue;
            };
            let yaml = &rest[..rest.find("\n---\n").unwrap() + 1];
            if let Some(simple) = parse(yaml) {
                assert_eq!(simple, serde_saphyr::from_str::<Metadata>(yaml).unwrap());
            }
        }
    }
}

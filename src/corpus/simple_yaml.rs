//! The common shape of front matter, read without a YAML parser.
//!
//! Nearly every document's front matter is a few `key: value` lines: plain
//! words, simple "quoted strings", `[flow, lists]`, a year or date, and for
//! translations an `original:` block of such lines indented two spaces.
//! Parsing that with a full YAML parser was 13% of loading and extracting a
//! large corpus, so that shape is read here directly. Anything else (other
//! nesting, escapes, comments, block scalars, anchors, tags, duplicate keys,
//! values YAML would read as other numbers or null) returns `None` and goes
//! to serde-saphyr, which then gives the full result or the diagnostic.
//!
//! Only the YAML is read here, not the schema: the lines become values that
//! are handed to `Metadata`'s own `Deserialize` (through [`Value`], a small
//! serde deserializer), so which keys exist, what they hold and their
//! aliases come from the one derive the full parser uses too; a key or
//! value the derive refuses sends the file to the full parser for its
//! diagnostic. The tests check both paths agree on every input this one
//! accepts, for every field.

use serde::Deserialize;
use serde::de::value::{Error, MapDeserializer, SeqDeserializer};
use serde::de::{self, IntoDeserializer, Visitor};

use super::document::Metadata;

/// The metadata, if the front matter has the simple shape; `None` otherwise.
pub fn parse(yaml: &str) -> Option<Metadata> {
    let entries = entries(yaml)?;
    let meta = Metadata::deserialize(MapDeserializer::new(entries.into_iter())).ok()?;
    // Corrections keep their file positions, which only the full parser has.
    meta.corrections.is_empty().then_some(meta)
}

/// The top-level `key: value` lines, a `key:` line followed by lines
/// indented two spaces being a mapping of such lines.
fn entries(yaml: &str) -> Option<Vec<(&str, Value<'_>)>> {
    let mut out: Vec<(&str, Value)> = Vec::new();
    // The mapping being filled, while inside one.
    let mut nested: Option<(&str, Vec<(&str, Value)>)> = None;
    for line in yaml.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        if let Some(inner) = line.strip_prefix("  ") {
            let (_, fields) = nested.as_mut()?;
            let (key, value) = key_value(inner)?;
            if fields.iter().any(|(k, _)| *k == key) {
                return None;
            }
            fields.push((key, value_of(value)?));
            continue;
        }
        if let Some((key, fields)) = nested.take() {
            close(&mut out, key, fields)?;
        }
        if let Some(key) = line.strip_suffix(':').filter(|k| is_key(k)) {
            nested = Some((key, Vec::new()));
            continue;
        }
        let (key, value) = key_value(line)?;
        if out.iter().any(|(k, _)| *k == key) {
            return None;
        }
        out.push((key, value_of(value)?));
    }
    if let Some((key, fields)) = nested {
        close(&mut out, key, fields)?;
    }
    Some(out)
}

/// Adds a finished nested mapping. An empty one is null to YAML: left to
/// the full parser.
fn close<'a>(
    out: &mut Vec<(&'a str, Value<'a>)>,
    key: &'a str,
    fields: Vec<(&'a str, Value<'a>)>,
) -> Option<()> {
    if fields.is_empty() || out.iter().any(|(k, _)| *k == key) {
        return None;
    }
    out.push((key, Value::Map(fields)));
    Some(())
}

/// A lowercase key of letters and `_`.
fn is_key(key: &str) -> bool {
    !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

/// `key: value` with a lowercase key and one space after the colon.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    if !is_key(key) {
        return None;
    }
    let value = value.strip_prefix(' ')?.trim_end_matches(' ');
    Some((key, value))
}

/// A value as YAML would read it, for the shapes this reader knows.
#[derive(Debug)]
enum Value<'a> {
    Str(&'a str),
    /// `2023`: a number to YAML, which a date reads as its year and a
    /// string field refuses.
    Year(u64),
    Bool(bool),
    List(Vec<&'a str>),
    Map(Vec<(&'a str, Value<'a>)>),
}

/// The value of one `key: value` line, if it has one of the simple shapes.
fn value_of(value: &str) -> Option<Value<'_>> {
    if value.starts_with('[') {
        return flow_list(value).map(Value::List);
    }
    match value {
        "true" => return Some(Value::Bool(true)),
        "false" => return Some(Value::Bool(false)),
        _ => {}
    }
    if let Some(year) = year(value) {
        return Some(Value::Year(year));
    }
    if is_date(value) {
        return Some(Value::Str(value));
    }
    scalar(value).map(Value::Str)
}

/// `YYYY` with no leading zero (which the number would lose).
fn year(value: &str) -> Option<u64> {
    let digits = value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit());
    (digits && !value.starts_with('0'))
        .then(|| value.parse().ok())
        .flatten()
}

/// `YYYY-MM` or `YYYY-MM-DD`: a string to YAML (not a number), which a
/// date field parses and a string field keeps as written.
fn is_date(value: &str) -> bool {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// A plain word or phrase, or a double- or single-quoted string without escapes.
fn scalar(value: &str) -> Option<&str> {
    // Byte searches: every title, author and address passes here.
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        return memchr::memchr2(b'"', b'\\', inner.as_bytes())
            .is_none()
            .then_some(inner);
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return memchr::memchr(b'\'', inner.as_bytes())
            .is_none()
            .then_some(inner);
    }
    plain(value)
}

/// A plain scalar YAML reads as a string: not empty, no indicator first, no
/// `: ` or ` #` inside, not a number, boolean or null.
fn plain(value: &str) -> Option<&str> {
    let first = value.chars().next()?;
    if matches!(
        first,
        '-' | '?'
            | ':'
            | ','
            | '['
            | ']'
            | '{'
            | '}'
            | '#'
            | '&'
            | '*'
            | '!'
            | '|'
            | '>'
            | '\''
            | '"'
            | '%'
            | '@'
            | '`'
    ) || first.is_whitespace()
    {
        return None;
    }
    // `: `, ` #` or a tab inside, in one pass over the bytes.
    let b = value.as_bytes();
    let indicator = b.iter().enumerate().any(|(i, &c)| {
        c == b'\t'
            || (c == b':' && b.get(i + 1) == Some(&b' '))
            || (c == b' ' && b.get(i + 1) == Some(&b'#'))
    });
    if indicator || value.ends_with(':') {
        return None;
    }
    let special = [
        "true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~", "yes",
        "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    ];
    // None is longer than five bytes.
    if (value.len() <= 5 && special.contains(&value)) || looks_numeric(value) {
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
fn flow_list(value: &str) -> Option<Vec<&str>> {
    let inner = value.strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim().is_empty() {
        return Some(Vec::new());
    }
    if inner.contains(['[', ']', '{', '}']) {
        return None;
    }
    inner.split(',').map(|item| scalar(item.trim())).collect()
}

/// Hands a [`Value`] to a `Deserialize` impl as YAML would: a string, a
/// number, a boolean, a list or a mapping, and present (never null) for an
/// `Option`.
impl<'de> de::Deserializer<'de> for Value<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Value::Str(s) => visitor.visit_borrowed_str(s),
            Value::Year(n) => visitor.visit_u64(n),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::List(items) => visitor.visit_seq(SeqDeserializer::new(items.into_iter())),
            Value::Map(entries) => visitor.visit_map(MapDeserializer::new(entries.into_iter())),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, Error> for Value<'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
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
            ("url: http://x.org/a:b#c\n", true),
            ("title: a\tb\n", false),
            ("title: a #b\n", false),
            ("title: ends:\n", false),
            ("title: no\n", false),
            ("title: nope\n", true),
            ("published: 2023-02-30\n", false),
            ("  title: A\n", false),
            ("title: .5\n", false),
            // Corrections are nested: the full parser reads them, with positions.
            ("corrections:\n  f-12:\n    label: x\n", false),
            ("corrections:\n  speaker: x\n", false),
            // Every field the derive has, its alias too.
            ("date: 2023-10\n", true),
            ("original:\n  date: 2021\n", true),
            ("date: 2023\npublished: 2023\n", false),
            ("title_supplied: true\nunit: percent\n", true),
            ("title_supplied: yes\n", false),
            ("title: true\n", false),
            ("title: 2023-10-05\n", true),
            ("tags: [2023]\n", false),
            ("title:\n  outlet: x\n", false),
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

    /// For every key the schema has, each simple shape of value is either
    /// declined or read as the full parser reads it, and at least one is
    /// read: a field the fast path cannot take, or takes differently, fails
    /// here rather than slowing or changing a load.
    #[test]
    fn every_field_agrees_with_the_full_parser() {
        let values = [
            " x",
            " \"a: b\"",
            " 2023",
            " 2023-10-05",
            " true",
            " [a, \"b c\"]",
            "\n  title: x\n  date: 2021",
        ];
        for field in crate::corpus::metadata_fields() {
            let mut read = 0;
            for value in values {
                let yaml = format!("{field}:{value}\n");
                let Some(simple) = parse(&yaml) else {
                    continue;
                };
                let full: Metadata = serde_saphyr::from_str(&yaml)
                    .unwrap_or_else(|e| panic!("{yaml:?}: the full parser refuses it: {e}"));
                assert_eq!(simple, full, "{yaml:?}");
                assert_ne!(simple, Metadata::default(), "{yaml:?}");
                read += 1;
            }
            // Corrections need their positions, which only the full parser has.
            assert!(read > 0 || *field == "corrections", "{field}: never read");
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

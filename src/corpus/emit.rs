//! Front matter written from `Metadata`'s own `Serialize` (`corpus add`).
//!
//! The derive decides which fields are written, under which names, in which
//! order and when they are left out, exactly as it decides what is read, so
//! the writer cannot forget a field. This module only chooses the YAML
//! layout: `key: value` lines, nested mappings indented two spaces, lists of
//! strings in flow style (`[a, "b, c"]`), strings plain only where YAML can
//! read nothing else, dates as written (`2023-10`).
//!
//! It is a serde `Serializer` of its own rather than serde-saphyr's because
//! the files are read by people: serde-saphyr writes block lists and its own
//! quoting, and every file `corpus add` wrote so far would change layout.

use std::fmt;

use serde::Serialize;
use serde::ser::{self, Impossible, SerializeMap, SerializeSeq, SerializeStruct};

use super::date;

/// Why a value cannot be written as front matter: a shape front matter does
/// not have (a list of lists, bytes, an enum with data). The tests write
/// every field of `Metadata`, so this means a field was added with one.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

fn unsupported<T>(what: &str) -> Result<T, Error> {
    Err(Error(format!("front matter cannot hold {what}")))
}

/// The YAML lines (each ending in a newline) between the `---` lines.
pub fn front_matter<T: Serialize>(value: &T) -> Result<String, Error> {
    let Node::Map(entries) = value.serialize(NodeSer)? else {
        return unsupported("anything but a mapping at the top");
    };
    let mut out = String::new();
    write_entries(&mut out, &entries, 0)?;
    Ok(out)
}

/// A value as serde describes it, before it is laid out.
#[derive(Debug)]
enum Node {
    /// A string: quoted unless plain is unambiguous.
    Text(String),
    /// Written as is: booleans, numbers, dates.
    Raw(String),
    Null,
    Seq(Vec<Node>),
    Map(Vec<(String, Node)>),
}

fn write_entries(out: &mut String, entries: &[(String, Node)], indent: usize) -> Result<(), Error> {
    for (key, value) in entries {
        out.push_str(&" ".repeat(indent));
        out.push_str(&yaml_scalar(key, false));
        out.push(':');
        match value {
            // Present but empty (`original: {}`): kept present.
            Node::Map(inner) if inner.is_empty() => out.push_str(" {}\n"),
            Node::Map(inner) => {
                out.push('\n');
                write_entries(out, inner, indent + 2)?;
            }
            Node::Seq(items) => {
                let items = items
                    .iter()
                    .map(|item| scalar(item, true))
                    .collect::<Result<Vec<_>, _>>()?;
                out.push_str(&format!(" [{}]\n", items.join(", ")));
            }
            value => {
                out.push(' ');
                out.push_str(&scalar(value, false)?);
                out.push('\n');
            }
        }
    }
    Ok(())
}

fn scalar(node: &Node, in_flow: bool) -> Result<String, Error> {
    match node {
        Node::Text(s) => Ok(yaml_scalar(s, in_flow)),
        Node::Raw(s) => Ok(s.clone()),
        Node::Null => Ok("null".into()),
        Node::Seq(_) | Node::Map(_) => unsupported("a list or mapping inside a list"),
    }
}

/// A YAML string: plain when YAML can only read it as this string, else
/// double-quoted with escapes. `in_flow` is for items of a `[…]` list.
pub fn yaml_scalar(value: &str, in_flow: bool) -> String {
    if is_plain(value, in_flow) {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters YAML reads as line breaks or will not take literally.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// Deliberately narrower than YAML's plain scalars: a letter first (no
/// indicator, quote, digit or sign), no `: ` or ` #`, nothing YAML reads as a
/// boolean or null. Anything else is quoted, which is always safe.
fn is_plain(value: &str, in_flow: bool) -> bool {
    const SPECIAL: &[&str] = &["true", "false", "null", "yes", "no", "on", "off", "y", "n"];
    let (Some(first), Some(last)) = (value.chars().next(), value.chars().last()) else {
        return false;
    };
    first.is_alphanumeric()
        && !first.is_ascii_digit()
        && !last.is_whitespace()
        && last != ':'
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.chars().any(needs_escape)
        && !(in_flow && value.contains([',', '[', ']', '{', '}']))
        && !SPECIAL.iter().any(|s| s.eq_ignore_ascii_case(value))
}

/// Turns a `Serialize` value into a [`Node`].
struct NodeSer;

/// A list or mapping being collected.
struct Collect {
    seq: Vec<Node>,
    map: Vec<(String, Node)>,
    key: Option<String>,
}

impl Collect {
    fn new() -> Self {
        Collect {
            seq: Vec::new(),
            map: Vec::new(),
            key: None,
        }
    }
}

impl ser::Serializer for NodeSer {
    type Ok = Node;
    type Error = Error;
    type SerializeSeq = Collect;
    type SerializeTuple = Impossible<Node, Error>;
    type SerializeTupleStruct = Impossible<Node, Error>;
    type SerializeTupleVariant = Impossible<Node, Error>;
    type SerializeMap = Collect;
    type SerializeStruct = Collect;
    type SerializeStructVariant = Impossible<Node, Error>;

    fn serialize_bool(self, v: bool) -> Result<Node, Error> {
        Ok(Node::Raw(v.to_string()))
    }
    fn serialize_i8(self, v: i8) -> Result<Node, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<Node, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<Node, Error> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<Node, Error> {
        Ok(Node::Raw(v.to_string()))
    }
    fn serialize_u8(self, v: u8) -> Result<Node, Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<Node, Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<Node, Error> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<Node, Error> {
        Ok(Node::Raw(v.to_string()))
    }
    fn serialize_f32(self, _: f32) -> Result<Node, Error> {
        unsupported("a fractional number")
    }
    fn serialize_f64(self, _: f64) -> Result<Node, Error> {
        unsupported("a fractional number")
    }
    fn serialize_char(self, v: char) -> Result<Node, Error> {
        Ok(Node::Text(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Node, Error> {
        Ok(Node::Text(v.to_string()))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Node, Error> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<Node, Error> {
        Ok(Node::Null)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Node, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Node, Error> {
        Ok(Node::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Node, Error> {
        Ok(Node::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Node, Error> {
        Ok(Node::Text(variant.into()))
    }
    /// A date's text is written unquoted: `2023` and `2023-10` read back as
    /// the same date, and a quoted date would read like a string to people.
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<Node, Error> {
        match value.serialize(self)? {
            Node::Text(text) if name == date::SERDE_NAME => Ok(Node::Raw(text)),
            node => Ok(node),
        }
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Node, Error> {
        unsupported("an enum with data")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Collect, Error> {
        Ok(Collect::new())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        unsupported("a tuple")
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        unsupported("a tuple")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        unsupported("an enum with data")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Collect, Error> {
        Ok(Collect::new())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Collect, Error> {
        Ok(Collect::new())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        unsupported("an enum with data")
    }
}

impl SerializeSeq for Collect {
    type Ok = Node;
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.seq.push(value.serialize(NodeSer)?);
        Ok(())
    }
    fn end(self) -> Result<Node, Error> {
        Ok(Node::Seq(self.seq))
    }
}

impl SerializeMap for Collect {
    type Ok = Node;
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        match key.serialize(NodeSer)? {
            Node::Text(k) | Node::Raw(k) => {
                self.key = Some(k);
                Ok(())
            }
            _ => unsupported("a key that is not a string"),
        }
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let Some(key) = self.key.take() else {
            return unsupported("a value without a key");
        };
        self.map.push((key, value.serialize(NodeSer)?));
        Ok(())
    }
    fn end(self) -> Result<Node, Error> {
        Ok(Node::Map(self.map))
    }
}

impl SerializeStruct for Collect {
    type Ok = Node;
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.map.push((key.to_string(), value.serialize(NodeSer)?));
        Ok(())
    }
    fn end(self) -> Result<Node, Error> {
        Ok(Node::Map(self.map))
    }
}

//! A YAML document as a tree of nodes that remember where they were written.
//!
//! Specs are not deserialised straight into typed structs: serde stops at the
//! first problem, and `brief check` must report every problem in one run. So
//! the YAML becomes this tree first (syntax errors stop here: nothing after a
//! syntax error can be trusted), and `decode` walks it, collecting diagnostics.
//! serde-saphyr does the parsing: it reports line and column, and its default
//! budget rejects alias bombs instead of expanding them.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// One YAML node and its 1-based line and column in the spec.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: usize,
    pub column: usize,
}

/// The YAML data model, reduced to what a spec can hold.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Keys in the order written; duplicates are rejected by the parser.
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// How a user would name this kind of value in "expected X, found Y".
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "a number",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

impl Node {
    /// The text of a scalar as written (numbers and booleans too), for fields
    /// such as dates and ids where YAML's typing is not the user's intent.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// A YAML syntax error with its position, if the parser gave one.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Parses YAML text into a node tree. An empty document is a null node.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    if text.trim().is_empty() {
        return Ok(Node {
            value: Value::Null,
            line: 1,
            column: 1,
        });
    }
    match serde_saphyr::from_str::<Spanned<Value>>(text) {
        Ok(spanned) => Ok(node(spanned)),
        Err(err) => {
            let location = err.location();
            Err(SyntaxError {
                message: crate::corpus::yaml_message(&err.without_snippet().to_string()),
                line: location.map(|l| l.line() as usize),
                column: location.map(|l| l.column() as usize),
            })
        }
    }
}

fn node(spanned: Spanned<Value>) -> Node {
    Node {
        value: spanned.value,
        line: (spanned.referenced.line() as usize).max(1),
        column: (spanned.referenced.column() as usize).max(1),
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        i64::try_from(v)
            .map(Value::Int)
            .map_err(|_| E::custom("number too large"))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Value>>()? {
            items.push(node(item));
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Value>>()? {
            let value = map.next_value::<Spanned<Value>>()?;
            entries.push((node(key), node(value)));
        }
        Ok(Value::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(node: &Node) -> Vec<(String, usize, usize)> {
        let Value::Map(entries) = &node.value else {
            panic!("not a map: {node:?}")
        };
        entries
            .iter()
            .map(|(k, _)| (k.scalar_text().unwrap(), k.line, k.column))
            .collect()
    }

    #[test]
    fn nodes_keep_line_and_column() {
        let doc = parse("title: A\nsections:\n  - id: one\n    title: \"One\"\n").unwrap();
        assert_eq!(
            keys(&doc),
            [("title".into(), 1, 1), ("sections".into(), 2, 1)]
        );
        let Value::Map(entries) = &doc.value else {
            unreachable!()
        };
        let Value::Seq(items) = &entries[1].1.value else {
            panic!()
        };
        assert_eq!((items[0].line, items[0].column), (3, 5));
        assert_eq!(keys(&items[0])[1], ("title".into(), 4, 5));
        let Value::Map(section) = &items[0].value else {
            panic!()
        };
        assert_eq!(section[1].1.value, Value::Str("One".into()));
        assert_eq!((section[1].1.line, section[1].1.column), (4, 12));
    }

    #[test]
    fn scalars_keep_their_yaml_types() {
        let doc = parse("a: 3\nb: true\nc: ~\nd: 2024-05-01\ne: 1.5\n").unwrap();
        let Value::Map(entries) = doc.value else {
            panic!()
        };
        let values: Vec<Value> = entries.into_iter().map(|(_, v)| v.value).collect();
        assert_eq!(
            values,
            [
                Value::Int(3),
                Value::Bool(true),
                Value::Null,
                Value::Str("2024-05-01".into()),
                Value::Float(1.5)
            ]
        );
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse("title: A\nsections: [\n").unwrap_err();
        assert!(err.line.is_some(), "{err:?}");
        let err = parse("a: 1\na: 2\n").unwrap_err();
        assert_eq!(err.message, "duplicate key `a`");
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn alias_bombs_are_refused_not_expanded() {
        let mut yaml = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in 'b'..='k' {
            yaml.push_str(&format!(
                "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = name;
        }
        assert!(parse(&yaml).is_err());
    }
}

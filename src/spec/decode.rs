//! Helpers that read typed values out of the YAML tree and collect a
//! diagnostic for every problem instead of stopping at the first.

use std::path::Path;

use crate::diag::Diagnostic;
use crate::suggest::hint;

use super::model::At;
use super::yaml::{Node, Value};

/// Decoding state: the spec's text (for carets) and the problems found so far.
#[derive(Debug)]
pub struct Ctx<'a> {
    pub file: &'a Path,
    pub text: &'a str,
    pub diagnostics: Vec<Diagnostic>,
}

/// The entries of a mapping whose keys were all checked against a known list.
#[derive(Debug)]
pub struct Fields<'n> {
    pub node: &'n Node,
    entries: &'n [(Node, Node)],
}

impl<'n> Fields<'n> {
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
            .map(|(_, v)| v)
    }

    /// The key node itself, for errors about a field rather than its value.
    pub fn key(&self, key: &str) -> Option<&'n Node> {
        self.entries
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
            .map(|(k, _)| k)
    }

    pub fn entries(&self) -> &'n [(Node, Node)] {
        self.entries
    }
}

impl<'a> Ctx<'a> {
    pub fn new(file: &'a Path, text: &'a str) -> Self {
        Ctx {
            file,
            text,
            diagnostics: Vec::new(),
        }
    }

    /// An error at a node; returns it so the caller can add hints.
    pub fn error(&mut self, node: &Node, message: impl Into<String>) -> &mut Diagnostic {
        self.error_at(node.line, node.column, message)
    }

    pub fn error_at(
        &mut self,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let diag = Diagnostic::error(message)
            .in_file(self.file)
            .at(self.text, line, column);
        self.diagnostics.push(diag);
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    pub fn warning_at(
        &mut self,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let diag = Diagnostic::warning(message)
            .in_file(self.file)
            .at(self.text, line, column);
        self.diagnostics.push(diag);
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    /// "expected X, found Y" at a node.
    pub fn expected(&mut self, node: &Node, what: &str, expected: &str) {
        let found = match &node.value {
            Value::Str(s) => format!("the string \"{s}\""),
            Value::Int(i) => format!("the number {i}"),
            other => other.kind().to_string(),
        };
        self.error(node, format!("{what}: expected {expected}, found {found}"));
    }

    /// Reads a mapping, reporting any key not in `known` with a suggestion.
    pub fn fields<'n>(&mut self, node: &'n Node, what: &str, known: &[&str]) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            self.expected(node, what, "a mapping");
            return None;
        };
        for (key, _) in entries {
            let Value::Str(name) = &key.value else {
                self.expected(key, &format!("a key in {what}"), "a name");
                continue;
            };
            if known.contains(&name.as_str()) {
                continue;
            }
            let hint = hint(name, known.iter().copied(), || {
                format!("{what} takes: {}", known.join(", "))
            });
            self.error(key, format!("unknown key `{name}` in {what}"))
                .hints
                .push(hint);
        }
        Some(Fields { node, entries })
    }

    /// A required field: reports its absence at the mapping.
    pub fn required<'n>(&mut self, fields: &Fields<'n>, key: &str, what: &str) -> Option<&'n Node> {
        let found = fields.get(key);
        if found.is_none() {
            self.error(fields.node, format!("{what} is missing `{key}`"));
        }
        found
    }

    /// A string. Numbers and booleans are refused: `title: 2024` is almost
    /// certainly a mistake, and quoting it says what was meant.
    pub fn string(&mut self, node: &Node, what: &str) -> Option<At<String>> {
        match &node.value {
            Value::Str(s) => Some(at(node, s.clone())),
            _ => {
                self.expected(node, what, "a string");
                None
            }
        }
    }

    /// A non-empty string that names something (an id, a slug).
    pub fn name(&mut self, node: &Node, what: &str) -> Option<At<String>> {
        let s = self.string(node, what)?;
        if s.value.trim().is_empty() {
            self.error(
                node,
                format!("{what}: expected a name, found an empty string"),
            );
            return None;
        }
        Some(s)
    }

    pub fn count(&mut self, node: &Node, what: &str) -> Option<usize> {
        match &node.value {
            Value::Int(i) if *i >= 0 => Some(*i as usize),
            _ => {
                self.expected(node, what, "a whole number, 0 or more");
                None
            }
        }
    }

    pub fn boolean(&mut self, node: &Node, what: &str) -> Option<bool> {
        match &node.value {
            Value::Bool(b) => Some(*b),
            _ => {
                self.expected(node, what, "`true` or `false`");
                None
            }
        }
    }

    /// A list; a single value is taken as a list of one, since `tags: asylum`
    /// reads naturally and cannot mean anything else.
    pub fn list<'n>(&mut self, node: &'n Node) -> &'n [Node] {
        match &node.value {
            Value::Seq(items) => items,
            _ => std::slice::from_ref(node),
        }
    }

    /// A list of names, e.g. audience ids.
    pub fn names(&mut self, node: &Node, what: &str) -> Vec<At<String>> {
        let items = self.list(node);
        items.iter().filter_map(|n| self.name(n, what)).collect()
    }
}

/// Pairs a value with a node's position.
pub fn at<T>(node: &Node, value: T) -> At<T> {
    At {
        value,
        line: node.line,
        column: node.column,
    }
}

//! The analyst's corrections of what extraction found: per item id, a
//! quote's `speaker` or `role`, or a figure's description (`label`), set
//! without editing the source text.
//!
//! The same mapping is written in two places, and read here for both:
//!
//! ```yaml
//! corrections:
//!   run-movement/q-why-do-so-many-people:   # an item id
//!     speaker: Zhang Jun
//!     role: economist
//!   run-movement/f-more-than-24000:
//!     label: Chinese nationals stopped at the southern border
//! ```
//!
//! - in a corpus document's front matter, for that document's items (the
//!   `DOC/` part of the id may be left out there), applied as the document
//!   is extracted, so listings, queries and every brief see them;
//! - at the top of a spec, for any document's items, applied when that spec
//!   is resolved; a spec's correction wins over the front matter's.
//!
//! `speaker: null` (or `role: null`, `label: null`) removes a wrong value
//! and leaves it unset. Unknown ids and fields are errors with file, line,
//! column and a "did you mean".

use std::collections::BTreeMap;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Document;
use crate::diag::Diagnostic;
use crate::extract::{Figure, Quote, ids};
use crate::spec::decode::Ctx;
use crate::spec::yaml::{Node, Value};
use crate::suggest::did_you_mean;

/// The fields a correction may set.
pub const FIELDS: &[&str] = &["speaker", "role", "label"];
/// The fields that apply to quotes and to figures.
const QUOTE_FIELDS: &[&str] = &["speaker", "role"];
const FIGURE_FIELDS: &[&str] = &["label"];

/// A field's new value: `Some(text)` sets it, `None` (`null`) removes it.
pub type Fix = Option<String>;

/// One item's corrections, and where its id was written.
#[derive(Debug, Clone, Default)]
pub struct Correction {
    /// The item id as written.
    pub id: String,
    /// 1-based line and column of the id in its file.
    pub line: usize,
    pub column: usize,
    /// The line the id is on, for the caret under an error.
    pub source_line: String,
    pub speaker: Option<Fix>,
    pub role: Option<Fix>,
    pub label: Option<Fix>,
}

/// Equal as data: where a correction was written does not change it (the
/// file `corpus add` writes puts it on another line than its input did).
impl PartialEq for Correction {
    fn eq(&self, other: &Self) -> bool {
        (&self.id, &self.speaker, &self.role, &self.label)
            == (&other.id, &other.speaker, &other.role, &other.label)
    }
}
impl Eq for Correction {}

impl Correction {
    /// The fields it sets, in [`FIELDS`] order.
    pub fn fields(&self) -> Vec<(&'static str, &Fix)> {
        [
            ("speaker", &self.speaker),
            ("role", &self.role),
            ("label", &self.label),
        ]
        .into_iter()
        .filter_map(|(name, fix)| fix.as_ref().map(|f| (name, f)))
        .collect()
    }

    /// An error at the correction's id.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        let mut d = Diagnostic::error(message);
        d.position = Some((self.line, self.column));
        d.source_line = Some(self.source_line.clone());
        d
    }
}

/// Every correction of one file, in the order written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corrections {
    pub items: Vec<Correction>,
    /// Front matter as read by serde, before [`Corrections::read_raw`]
    /// checks it and turns it into `items`.
    raw: Option<RawNode>,
}

/// A YAML node kept until it can be checked with the file's positions.
#[derive(Debug, Clone, PartialEq)]
struct RawNode(Node);
impl Eq for RawNode {}

impl Corrections {
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.raw.is_none()
    }

    /// Reads the front matter's `corrections:` kept by serde, reporting its
    /// first problem at its place in the file (`first_line` is the file's
    /// line of the front matter's first line).
    pub fn read_raw(&mut self, file_text: &str, first_line: usize) -> Result<(), Diagnostic> {
        let Some(RawNode(mut node)) = self.raw.take() else {
            return Ok(());
        };
        shift(&mut node, first_line - 1);
        let mut cx = Ctx::new(std::path::Path::new(""), file_text);
        let items = read(&mut cx, &node, "front matter");
        match cx.diagnostics.into_iter().next() {
            Some(mut d) => {
                d.file = None;
                d.message = format!("invalid front matter: {}", d.message);
                Err(d)
            }
            None => {
                self.items = items;
                Ok(())
            }
        }
    }
}

/// Moves a node tree down by `lines` (front matter starts below `---`).
fn shift(node: &mut Node, lines: usize) {
    node.line += lines;
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| shift(n, lines)),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            shift(k, lines);
            shift(v, lines);
        }),
        _ => {}
    }
}

impl<'de> Deserialize<'de> for Corrections {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<Value>::deserialize(deserializer)?;
        Ok(Corrections {
            items: Vec::new(),
            raw: Some(RawNode(Node {
                value: spanned.value,
                line: (spanned.referenced.line() as usize).max(1),
                column: (spanned.referenced.column() as usize).max(1),
            })),
        })
    }
}

/// As written: `{id: {field: value|null}}`.
impl Serialize for Corrections {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.items.len()))?;
        for c in &self.items {
            let fields: BTreeMap<&str, &Fix> = c.fields().into_iter().collect();
            map.serialize_entry(&c.id, &fields)?;
        }
        map.end()
    }
}

/// Reads a `corrections:` mapping, reporting every problem to `cx`. `what`
/// names where it is written ("the spec", "front matter").
pub fn read(cx: &mut Ctx, node: &Node, what: &str) -> Vec<Correction> {
    let Value::Map(entries) = &node.value else {
        cx.expected(
            node,
            &format!("`corrections` in {what}"),
            "a mapping of item ids",
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, value) in entries {
        let Some(id) = cx.name(key, "a corrected item's id") else {
            continue;
        };
        let Some(fields) = cx.fields(value, &format!("the correction of `{}`", id.value), FIELDS)
        else {
            continue;
        };
        let mut c = Correction {
            id: id.value.clone(),
            line: key.line,
            column: key.column,
            source_line: cx
                .text
                .lines()
                .nth(key.line.saturating_sub(1))
                .unwrap_or_default()
                .to_string(),
            ..Correction::default()
        };
        for (name, slot) in [
            ("speaker", &mut c.speaker),
            ("role", &mut c.role),
            ("label", &mut c.label),
        ] {
            let Some(v) = fields.get(name) else { continue };
            *slot = match &v.value {
                Value::Null => Some(None),
                _ => match cx.string(v, name) {
                    Some(s) if s.value.trim().is_empty() => {
                        cx.error(
                            v,
                            format!("{name}: empty; write `{name}: null` to remove it"),
                        );
                        continue;
                    }
                    Some(s) => Some(Some(s.value.trim().to_string())),
                    None => continue,
                },
            };
        }
        // Every other way to set nothing (an unknown key, a wrong value)
        // has its own error already.
        if fields.entries().is_empty() {
            cx.error(key, format!("the correction of `{}` sets nothing", c.id))
                .hints
                .push(format!("give one of: {}", FIELDS.join(", ")));
            continue;
        }
        out.push(c);
    }
    out
}

/// Which fields of an item a correction changed, by item id: shown in
/// listings and their JSON.
pub type Marks = BTreeMap<String, Vec<&'static str>>;

/// The items a correction may name: one document's quotes and figures.
#[derive(Debug)]
pub struct Items<'a> {
    pub doc: &'a str,
    pub quotes: &'a [Quote],
    pub figures: &'a [Figure],
}

/// Where a correction's id points.
#[derive(Debug)]
pub enum Target {
    Quote(usize),
    Figure(usize),
}

impl Items<'_> {
    /// The item an id names, by its full id or (in front matter, `short`)
    /// the part after `DOC/`; a repeat's tagged id names it too.
    pub fn find(&self, id: &str, short: bool) -> Option<Target> {
        let full;
        let id = if short && !id.contains('/') {
            full = format!("{}/{id}", self.doc);
            full.as_str()
        } else {
            id
        };
        let tagged = |item_id: &str, sentence: &str| {
            item_id == id || ids::matches_tagged(id, item_id, sentence)
        };
        if let Some(i) = self.quotes.iter().position(|q| tagged(&q.id, &q.sentence)) {
            return Some(Target::Quote(i));
        }
        self.figures
            .iter()
            .position(|f| tagged(&f.id, &f.sentence))
            .map(Target::Figure)
    }

    /// "did you mean" among this document's ids, written as `id` was.
    pub fn hint(&self, id: &str, short: bool) -> String {
        let prefix = format!("{}/", self.doc);
        let all: Vec<&str> = self
            .quotes
            .iter()
            .map(|q| q.id.as_str())
            .chain(self.figures.iter().map(|f| f.id.as_str()))
            .map(|i| match short && !id.contains('/') {
                true => i.strip_prefix(&prefix).unwrap_or(i),
                false => i,
            })
            .collect();
        match did_you_mean(id, all.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!(
                "`brief corpus quotes --doc {0}` and `brief corpus figures --doc {0}` list its ids",
                self.doc
            ),
        }
    }
}

/// Checks a correction against the item it names: the fields must be the
/// item's kind's. `None` when it does not apply.
pub fn check(c: &Correction, target: &Target, errors: &mut Vec<Diagnostic>) -> bool {
    let (noun, allowed, other) = match target {
        Target::Quote(_) => ("quote", QUOTE_FIELDS, "figures"),
        Target::Figure(_) => ("figure", FIGURE_FIELDS, "quotes"),
    };
    let wrong: Vec<&str> = c
        .fields()
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| !allowed.contains(name))
        .collect();
    if wrong.is_empty() {
        return true;
    }
    errors.push(
        c.error(format!(
            "`{}` is a {noun}: `{}` corrects {other} only",
            c.id,
            wrong.join("`, `")
        ))
        .hint(format!("a {noun} takes: {}", allowed.join(", "))),
    );
    false
}

/// Applies a document's own corrections to what was extracted from it.
/// Returns the errors (unknown ids, a field of the other kind) and which
/// fields of which items were corrected.
pub fn apply(
    document: &Document,
    quotes: &mut [Quote],
    figures: &mut [Figure],
) -> (Vec<Diagnostic>, Marks) {
    let mut errors = Vec::new();
    let mut marks = Marks::new();
    let doc = document.id.as_str();
    for c in &document.meta.corrections.items {
        let items = Items {
            doc,
            quotes,
            figures,
        };
        let Some(target) = items.find(&c.id, true) else {
            let hint = items.hint(&c.id, true);
            errors.push(
                c.error(format!(
                    "front matter corrects `{}`, which is not an item of `{doc}`",
                    c.id
                ))
                .hint(hint),
            );
            continue;
        };
        if !check(c, &target, &mut errors) {
            continue;
        }
        let (id, fields) = match target {
            Target::Quote(i) => {
                let q = &mut quotes[i];
                set(&mut q.speaker, &c.speaker);
                set(&mut q.role, &c.role);
                (q.id.clone(), c.fields())
            }
            Target::Figure(i) => {
                let f = &mut figures[i];
                set(&mut f.label, &c.label);
                (f.id.clone(), c.fields())
            }
        };
        marks
            .entry(id)
            .or_default()
            .extend(fields.into_iter().map(|(name, _)| name));
    }
    for e in &mut errors {
        e.file = Some(document.path.clone());
    }
    (errors, marks)
}

fn set(slot: &mut Option<String>, fix: &Option<Fix>) {
    if let Some(fix) = fix {
        slot.clone_from(fix);
    }
}

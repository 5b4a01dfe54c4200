//! A spec's `corrections:`, checked against the corpus and looked up by the
//! id extraction gave each item (a repeat's tagged id, see
//! [`crate::extract::ids`], names the same item). They win over the
//! document's own front matter, whose corrections extraction has applied.

use std::collections::HashMap;

use crate::corpus::corrections::{Correction, Target, check};
use crate::extract::{Figure, Quote};
use crate::spec::decode::Ctx;

use super::index::{Index, Kind, dangling_hint};

/// The spec's corrections that name an item, by that item's id.
#[derive(Debug, Default)]
pub struct Fixes<'s> {
    quotes: HashMap<String, &'s Correction>,
    figures: HashMap<String, &'s Correction>,
}

impl<'s> Fixes<'s> {
    /// Finds each correction's item; reports those that name none, or set
    /// a field the item's kind does not have.
    pub fn new(corrections: &'s [Correction], index: &Index, cx: &mut Ctx) -> Self {
        let mut fixes = Fixes::default();
        for c in corrections {
            let target = match (index.quote(&c.id), index.figure(&c.id)) {
                (Some((d, q)), _) => Some((Target::Quote(d), q.id.clone())),
                (None, Some((d, f))) => Some((Target::Figure(d), f.id.clone())),
                (None, None) => None,
            };
            let Some((target, id)) = target else {
                let kind = if c.label.is_some() {
                    Kind::Figure
                } else {
                    Kind::Quote
                };
                let hint = dangling_hint(index, kind, &c.id);
                cx.error_at(
                    c.line,
                    c.column,
                    format!(
                        "the spec corrects `{}`, which is no item of the corpus",
                        c.id
                    ),
                )
                .hints
                .push(hint);
                continue;
            };
            let mut errors = Vec::new();
            if !check(c, &target, &mut errors) {
                for e in errors {
                    let hints = e.hints.clone();
                    cx.error_at(c.line, c.column, e.message).hints.extend(hints);
                }
                continue;
            }
            match target {
                Target::Quote(_) => fixes.quotes.insert(id, c),
                Target::Figure(_) => fixes.figures.insert(id, c),
            };
        }
        fixes
    }

    pub fn quote(&self, id: &str) -> Option<&'s Correction> {
        self.quotes.get(id).copied()
    }

    pub fn figure(&self, id: &str) -> Option<&'s Correction> {
        self.figures.get(id).copied()
    }

    /// The quote's speaker, corrected by the spec if it says so.
    pub fn speaker<'q>(&self, quote: &'q Quote) -> Option<&'q str>
    where
        's: 'q,
    {
        match self.quote(&quote.id).and_then(|c| c.speaker.as_ref()) {
            Some(fix) => fix.as_deref(),
            None => quote.speaker.as_deref(),
        }
    }

    /// The quote's role, corrected by the spec if it says so.
    pub fn role(&self, quote: &Quote) -> Option<String> {
        match self.quote(&quote.id).and_then(|c| c.role.as_ref()) {
            Some(fix) => fix.clone(),
            None => quote.role.clone(),
        }
    }

    /// The figure's label, set by the spec or the front matter.
    pub fn label(&self, figure: &Figure) -> Option<String> {
        match self.figure(&figure.id).and_then(|c| c.label.as_ref()) {
            Some(fix) => fix.clone(),
            None => figure.label.clone(),
        }
    }
}

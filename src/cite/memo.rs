//! The renders a [`super::Citer`] has already made, so that one spec's
//! audiences (and the two passes of a brief with a `what_changed`
//! section) do not ask hayagriva for the same citations again.
//!
//! hayagriva is almost all of resolving (its CSL interpreter costs a few
//! million instructions per citation), and most of what one brief asks for
//! another brief of the same spec asks for too: the bibliography and its
//! sort order, each document's short form and "Originally published as"
//! credit depend only on the documents cited, which the audiences of a spec
//! usually share. A render is a pure function of the style, the entries
//! and their locators (a fresh `BibliographyDriver` each time), so keying on
//! exactly those gives the same output as rendering again.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use hayagriva::{Entry, Rendered};

/// One request: which copy of the style (with or without its
/// bibliography), the entries, and the citations in order, each an entry's
/// index with its locator. hayagriva tells entries apart by address (a
/// source cited twice is the same `&Entry` twice), so the key keeps them
/// apart the same way: one entry per distinct address.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Key {
    pub with_bibliography: bool,
    pub entries: Vec<Entry>,
    pub citations: Vec<(usize, Option<String>)>,
}

impl Key {
    pub fn new<'a>(
        with_bibliography: bool,
        citations: impl Iterator<Item = (&'a Entry, Option<&'a str>)>,
    ) -> Key {
        let mut seen: Vec<*const Entry> = Vec::new();
        let mut key = Key {
            with_bibliography,
            entries: Vec::new(),
            citations: Vec::new(),
        };
        for (entry, at) in citations {
            let i = match seen.iter().position(|&p| std::ptr::eq(p, entry)) {
                Some(i) => i,
                None => {
                    seen.push(entry);
                    key.entries.push(entry.clone());
                    key.entries.len() - 1
                }
            };
            key.citations.push((i, at.map(str::to_string)));
        }
        key
    }

    /// The citations as the driver takes them: the same `&Entry` for the
    /// same entry.
    pub fn citations(&self) -> impl Iterator<Item = (&Entry, Option<&str>)> {
        self.citations
            .iter()
            .map(|(i, at)| (&self.entries[*i], at.as_deref()))
    }
}

/// Renders by request. Each slot is filled once: a thread that asks for a
/// render another thread is making waits for it instead of making it twice.
#[derive(Debug, Default)]
pub(super) struct Memo {
    slots: Mutex<HashMap<Key, Arc<OnceLock<Rendered>>>>,
}

impl Memo {
    /// The render for `key`, made by `render` the first time it is asked for.
    pub fn get_or_render(&self, key: &Key, render: impl FnOnce() -> Rendered) -> Rendered {
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(PoisonError::into_inner);
            match slots.get(key) {
                Some(slot) => Arc::clone(slot),
                None => Arc::clone(slots.entry(key.clone()).or_default()),
            }
        };
        slot.get_or_init(render).clone()
    }

    /// How many distinct requests were rendered (for tests).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.slots
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

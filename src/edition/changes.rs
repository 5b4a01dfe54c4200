//! What is new in an output since the previous edition: sources it cites for
//! the first time, quotes and figures it shows for the first time, and
//! figures whose value changed.
//!
//! Items are matched by id, then by document and text (so an item whose id
//! shifted is not reported as new). A figure's id is made from its words, so
//! a corrected number usually comes with a new id: a figure is "changed"
//! when the previous edition had a figure of the same document, subject,
//! period and unit with other values, which this edition no longer shows.

pub use crate::brief::{ChangeSet, ChangedFigure, Moved};

use super::inventory::{FigureEntry, Inventory};

/// The changes from `previous` (named `since`) to `current`.
pub fn diff(previous: Option<(&str, &Inventory)>, current: &Inventory) -> ChangeSet {
    let Some((since, before)) = previous else {
        return ChangeSet::default();
    };
    let mut set = ChangeSet {
        since: Some(since.to_string()),
        ..ChangeSet::default()
    };
    for s in &current.sources {
        if !before.sources.iter().any(|b| b.doc == s.doc) {
            set.new_sources.push(s.doc.clone());
        }
    }
    for q in &current.quotes {
        if let Some(b) = before.quotes.iter().find(|b| b.id == q.id) {
            set.moved
                .extend(moved(&q.id, true, &b.sentence, &q.sentence));
        }
        let known = before
            .quotes
            .iter()
            .any(|b| b.id == q.id || (b.doc == q.doc && b.text == q.text));
        if !known {
            set.new_quotes.push(q.id.clone());
        }
    }
    for f in &current.figures {
        if let Some(b) = before.figures.iter().find(|b| b.id == f.id) {
            set.moved
                .extend(moved(&f.id, false, &b.sentence, &f.sentence));
        }
        let same_words = |b: &&FigureEntry| b.id == f.id || (b.doc == f.doc && b.text == f.text);
        match before.figures.iter().find(same_words) {
            Some(b) if differs(b, f) => set.changed_figures.push(ChangedFigure {
                id: f.id.clone(),
                before: b.text.clone(),
            }),
            Some(_) => {}
            None => match before.figures.iter().find(|b| replaced_by(b, f, current)) {
                Some(b) => set.changed_figures.push(ChangedFigure {
                    id: f.id.clone(),
                    before: b.text.clone(),
                }),
                None => set.new_figures.push(f.id.clone()),
            },
        }
    }
    set
}

/// An item whose id is the same as in the previous edition but whose
/// sentence is not (editions recorded before sentences were kept say
/// nothing).
fn moved(id: &str, quote: bool, before: &Option<String>, now: &Option<String>) -> Option<Moved> {
    match (before, now) {
        (Some(b), Some(n)) if b != n => Some(Moved {
            id: id.to_string(),
            quote,
            before: b.clone(),
            now: n.clone(),
        }),
        _ => None,
    }
}

/// Whether `now` is `old` with another number: same document, subject,
/// period and unit, and `old` itself is gone from the current edition.
fn replaced_by(old: &FigureEntry, now: &FigureEntry, current: &Inventory) -> bool {
    old.doc == now.doc
        && old.subject.is_some()
        && old.subject == now.subject
        && old.period == now.period
        && old.unit == now.unit
        && differs(old, now)
        && !current.figures.iter().any(|c| c.id == old.id)
}

fn differs(a: &FigureEntry, b: &FigureEntry) -> bool {
    a.values != b.values || a.unit != b.unit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::inventory::{QuoteEntry, SourceEntry};

    fn figure(id: &str, text: &str, value: f64) -> FigureEntry {
        FigureEntry {
            id: id.into(),
            doc: "a".into(),
            text: text.into(),
            values: vec![value],
            unit: None,
            subject: Some(format!("thing {id}")),
            period: None,
            sentence: None,
        }
    }

    fn quote(id: &str, doc: &str, text: &str) -> QuoteEntry {
        QuoteEntry {
            id: id.into(),
            doc: doc.into(),
            text: text.into(),
            speaker: None,
            sentence: None,
        }
    }

    #[test]
    fn new_changed_and_moved_items() {
        let before = Inventory {
            sources: vec![SourceEntry {
                doc: "a".into(),
                title: None,
            }],
            quotes: vec![quote("a/q-one", "a", "one two three four")],
            figures: vec![
                figure("a/f-1", "3,000", 3000.0),
                figure("a/f-2", "12", 12.0),
            ],
        };
        let now = Inventory {
            sources: vec![
                SourceEntry {
                    doc: "a".into(),
                    title: None,
                },
                SourceEntry {
                    doc: "b".into(),
                    title: None,
                },
            ],
            quotes: vec![
                // Same words under a new id: not new.
                quote("a/q-one-2", "a", "one two three four"),
                quote("b/q-x", "b", "five six seven eight"),
            ],
            figures: vec![
                figure("a/f-1", "3,500", 3500.0),
                figure("a/f-2", "12", 12.0),
                figure("b/f-9", "9", 9.0),
            ],
        };
        let set = diff(Some(("2025-03-03", &before)), &now);
        assert_eq!(set.since.as_deref(), Some("2025-03-03"));
        assert_eq!(set.new_sources, ["b"]);
        assert_eq!(set.new_quotes, ["b/q-x"]);
        assert_eq!(set.new_figures, ["b/f-9"]);
        assert_eq!(
            set.changed_figures,
            [ChangedFigure {
                id: "a/f-1".into(),
                before: "3,000".into()
            }]
        );
        assert!(diff(Some(("x", &now)), &now).is_empty());
        assert_eq!(diff(None, &now), ChangeSet::default());
    }
}

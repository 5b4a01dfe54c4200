//! A spec being generated, before it is written as YAML: what each part says
//! and which documents it reads, so the dependencies reported are those of
//! the text written, not a second account of it.

use std::collections::BTreeSet;

use super::OutputDeps;

/// A spec being put together: what it says, and what each part reads.
pub(super) struct Draft {
    pub(super) title: String,
    pub(super) subtitle: String,
    pub(super) summary: Prose,
    pub(super) audiences: Vec<Audience>,
    pub(super) sections: Vec<Section>,
}

pub(super) struct Audience {
    pub(super) id: &'static str,
    pub(super) label: &'static str,
    pub(super) note: Option<&'static str>,
    pub(super) max_quotes: Option<usize>,
    pub(super) max_figures: Option<usize>,
    pub(super) exclude: Vec<&'static str>,
}

pub(super) struct Section {
    pub(super) id: &'static str,
    pub(super) title: &'static str,
    pub(super) blocks: Vec<Block>,
}

pub(super) struct Block {
    pub(super) kind: Kind,
    /// Only these audiences get the block; `None`: all.
    pub(super) audiences: Option<Vec<&'static str>>,
}

pub(super) enum Kind {
    Text(Prose),
    Quotes(Vec<Sel>),
    Figures(Vec<Sel>, &'static str),
    Excerpt { doc: String, from: usize },
}

/// Markdown with inline references, and the documents they cite.
pub(super) struct Prose {
    pub(super) text: String,
    pub(super) docs: Vec<String>,
}

pub(super) enum Sel {
    /// A quote or figure id.
    Id(String),
    /// A query, written as a YAML flow mapping, and the documents its
    /// `doc:` list names (none for a corpus-wide query).
    Query { yaml: String, docs: Vec<String> },
}

impl Block {
    /// A block every audience that gets its section gets.
    pub(super) fn all(kind: Kind) -> Block {
        Block {
            kind,
            audiences: None,
        }
    }
}

impl Sel {
    /// A query over the whole corpus: it names no document.
    pub(super) fn wide(yaml: String) -> Sel {
        Sel::Query {
            yaml,
            docs: Vec::new(),
        }
    }
}

pub(super) fn doc_of(id: &str) -> String {
    id.split_once('/').map_or(id, |(d, _)| d).to_string()
}

/// Every document the draft names, whoever sees it.
pub(super) fn named(draft: &Draft) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = draft.summary.docs.iter().cloned().collect();
    for b in draft.sections.iter().flat_map(|s| &s.blocks) {
        match &b.kind {
            Kind::Text(p) => out.extend(p.docs.iter().cloned()),
            Kind::Excerpt { doc, .. } => {
                out.insert(doc.clone());
            }
            Kind::Quotes(sels) | Kind::Figures(sels, _) => {
                for s in sels {
                    match s {
                        Sel::Id(id) => {
                            out.insert(doc_of(id));
                        }
                        Sel::Query { docs, .. } => out.extend(docs.iter().cloned()),
                    }
                }
            }
        }
    }
    out
}

/// What each output certainly shows: the blocks its audience gets, ids
/// within its caps (ids come before queries in every block, and are
/// distinct, so the first `cap` ids are the first `cap` items).
pub(super) fn outputs(draft: &Draft) -> Vec<OutputDeps> {
    let views: Vec<Option<&Audience>> = if draft.audiences.is_empty() {
        vec![None]
    } else {
        draft.audiences.iter().map(Some).collect()
    };
    views
        .into_iter()
        .map(|a| {
            let mut shows: BTreeSet<String> = draft.summary.docs.iter().cloned().collect();
            for s in &draft.sections {
                if a.is_some_and(|a| a.exclude.contains(&s.id)) {
                    continue;
                }
                for b in &s.blocks {
                    if let (Some(a), Some(only)) = (a, &b.audiences)
                        && !only.contains(&a.id)
                    {
                        continue;
                    }
                    let (sels, cap) = match &b.kind {
                        Kind::Text(p) => {
                            shows.extend(p.docs.iter().cloned());
                            continue;
                        }
                        Kind::Excerpt { doc, .. } => {
                            shows.insert(doc.clone());
                            continue;
                        }
                        Kind::Quotes(sels) => (sels, a.and_then(|a| a.max_quotes)),
                        Kind::Figures(sels, _) => (sels, a.and_then(|a| a.max_figures)),
                    };
                    let ids = sels.iter().filter_map(|s| match s {
                        Sel::Id(id) => Some(doc_of(id)),
                        Sel::Query { .. } => None,
                    });
                    shows.extend(ids.take(cap.unwrap_or(usize::MAX)));
                }
            }
            OutputDeps {
                audience: a.map(|a| a.id.to_string()),
                shows,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(docs: &[&str]) -> Prose {
        Prose {
            text: String::new(),
            docs: docs.iter().map(|d| d.to_string()).collect(),
        }
    }

    fn ids(ids: &[&str]) -> Vec<Sel> {
        ids.iter().map(|i| Sel::Id(i.to_string())).collect()
    }

    /// Two audiences: one without the `voices` section and with at most one
    /// figure per block, one with at most two quotes per block.
    fn draft() -> Draft {
        let audience = |id, max_quotes, max_figures, exclude| Audience {
            id,
            label: id,
            note: None,
            max_quotes,
            max_figures,
            exclude,
        };
        let mut quotes = ids(&["b/q-1", "c/q-1", "d/q-1"]);
        quotes.push(Sel::Query {
            yaml: "{doc: [e, f], limit: 3}".into(),
            docs: vec!["e".into(), "f".into()],
        });
        Draft {
            title: String::new(),
            subtitle: String::new(),
            summary: prose(&["a"]),
            audiences: vec![
                audience("policymakers", None, Some(1), vec!["voices"]),
                audience("press", Some(2), None, Vec::new()),
            ],
            sections: vec![
                Section {
                    id: "overview",
                    title: "",
                    blocks: vec![
                        Block::all(Kind::Figures(ids(&["g/f-1", "h/f-1"]), "table")),
                        Block {
                            kind: Kind::Excerpt {
                                doc: "i".into(),
                                from: 1,
                            },
                            audiences: Some(vec!["press"]),
                        },
                    ],
                },
                Section {
                    id: "voices",
                    title: "",
                    blocks: vec![
                        Block::all(Kind::Text(prose(&["j"]))),
                        Block::all(Kind::Quotes(quotes)),
                        Block::all(Kind::Figures(vec![Sel::wide("{tags: [x]}".into())], "list")),
                    ],
                },
            ],
        }
    }

    fn set(docs: &[&str]) -> BTreeSet<String> {
        docs.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn named_is_every_document_written_down() {
        assert_eq!(
            named(&draft()),
            set(&["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"])
        );
    }

    #[test]
    fn an_output_shows_its_sections_blocks_and_ids_within_its_caps() {
        let out = outputs(&draft());
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].audience.as_deref(), Some("policymakers"));
        assert_eq!(out[0].shows, set(&["a", "g"]));
        assert_eq!(out[1].audience.as_deref(), Some("press"));
        assert_eq!(out[1].shows, set(&["a", "b", "c", "g", "h", "i", "j"]));
        let mut whole = draft();
        whole.audiences.clear();
        let out = outputs(&whole);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].audience, None);
        assert_eq!(out[0].shows, set(&["a", "b", "c", "d", "g", "h", "i", "j"]));
    }
}

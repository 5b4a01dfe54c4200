//! The quote and figure extractors on arbitrary documents. A brief prints
//! what they return and footnotes it to a place in the source, so every span
//! must be a real range of the body holding exactly the text reported.

use std::collections::HashSet;
use std::path::Path;

use super::ensure;
use crate::corpus::{Document, load_file};
use crate::extract::{Extracted, Figure, Quote, extract};

/// Qualifiers a figure may carry: the normalised set `figures` documents.
const QUALIFIERS: &[&str] = &[
    "more than",
    "at least",
    "about",
    "nearly",
    "up to",
    "less than",
    "between",
];

/// Loads `data` as a Markdown and as a plain-text document and checks every quote.
pub fn quotes(data: &[u8]) -> Result<(), String> {
    for (doc, ex) in documents(data) {
        for q in &ex.quotes {
            quote(&doc, &ex, q).map_err(|m| format!("{m}\n{q:#?}"))?;
        }
        unique_ids(&ex)?;
    }
    Ok(())
}

/// Loads `data` as a Markdown and as a plain-text document and checks every figure.
pub fn figures(data: &[u8]) -> Result<(), String> {
    for (doc, ex) in documents(data) {
        for f in &ex.figures {
            figure(&doc, &ex, f).map_err(|m| format!("{m}\n{f:#?}"))?;
        }
        unique_ids(&ex)?;
    }
    Ok(())
}

/// The documents the corpus loader makes of `data`, each with what was extracted.
fn documents(data: &[u8]) -> Vec<(Document, Extracted)> {
    ["fuzz.md", "fuzz.txt"]
        .iter()
        .filter_map(|name| load_file(Path::new(name), data).ok())
        .map(|loaded| {
            let ex = extract(&loaded.document);
            (loaded.document, ex)
        })
        .collect()
}

/// `start..end` as a slice of `body`, or why it is not one.
fn span(body: &str, start: usize, end: usize) -> Result<&str, String> {
    body.get(start..end).ok_or_else(|| {
        format!(
            "{start}..{end} is not a char-boundary range of the {}-byte body",
            body.len()
        )
    })
}

/// The span lies inside the paragraph the item names.
fn in_paragraph(ex: &Extracted, number: usize, start: usize, end: usize) -> Result<(), String> {
    let p = ex.paragraphs.iter().find(|p| p.number == number);
    ensure(p.is_some_and(|p| p.start <= start && end <= p.end), || {
        format!("{start}..{end} is not inside paragraph {number} ({p:?})")
    })
}

/// A name or phrase the brief prints: present, and without stray whitespace.
fn tidy(what: &str, value: Option<&str>) -> Result<(), String> {
    ensure(value.is_none_or(|v| !v.is_empty() && v.trim() == v), || {
        format!("{what} {value:?} is empty or padded")
    })
}

fn quote(doc: &Document, ex: &Extracted, q: &Quote) -> Result<(), String> {
    let body = &doc.body;
    ensure(q.start < q.end, || "empty span".into())?;
    let whole = span(body, q.start, q.end)?;
    in_paragraph(ex, q.paragraph, q.start, q.end)?;
    if q.parts.is_empty() {
        ensure(q.text == whole, || {
            format!("text is not body[{}..{}] = {whole:?}", q.start, q.end)
        })?;
    } else {
        ensure(q.parts.len() >= 2, || {
            "an interrupted quote with one part".into()
        })?;
        let mut previous_end = q.start;
        for p in &q.parts {
            ensure(p.start >= previous_end && p.start < p.end, || {
                "parts are empty, overlap or are out of order".into()
            })?;
            let at = span(body, p.start, p.end)?;
            ensure(p.text == at, || {
                format!(
                    "part {:?} is not body[{}..{}] = {at:?}",
                    p.text, p.start, p.end
                )
            })?;
            previous_end = p.end;
        }
        ensure(q.parts[0].start == q.start && previous_end == q.end, || {
            "the span does not run from the first part to the last".into()
        })?;
        let joined: Vec<&str> = q.parts.iter().map(|p| p.text.as_str()).collect();
        ensure(q.text == joined.join(" … "), || {
            "text is not the parts joined by \" … \"".into()
        })?;
    }
    for p in q
        .parts
        .iter()
        .map(|p| p.text.as_str())
        .chain([q.text.as_str()].into_iter().filter(|_| q.parts.is_empty()))
    {
        ensure(q.sentence.contains(p), || {
            format!("sentence {:?} does not hold {p:?}", q.sentence)
        })?;
    }
    ensure(body.contains(&q.sentence), || {
        "sentence is not verbatim from the body".into()
    })?;
    tidy("speaker", q.speaker.as_deref())?;
    tidy("speaker description", q.speaker_description.as_deref())?;
    ensure(
        q.attribution
            .as_deref()
            .is_none_or(|a| !a.trim().is_empty()),
        || "empty attribution".into(),
    )?;
    ensure(
        q.doc == doc.id && q.id.starts_with(&format!("{}/q-", doc.id)),
        || {
            format!(
                "id {:?} or doc {:?} does not name the document",
                q.id, q.doc
            )
        },
    )
}

fn figure(doc: &Document, ex: &Extracted, f: &Figure) -> Result<(), String> {
    let body = &doc.body;
    ensure(f.start < f.end, || "empty span".into())?;
    let at = span(body, f.start, f.end)?;
    ensure(f.text == at, || {
        format!("text is not body[{}..{}] = {at:?}", f.start, f.end)
    })?;
    in_paragraph(ex, f.paragraph, f.start, f.end)?;
    ensure(!f.values.is_empty(), || "no values".into())?;
    ensure(f.values.iter().all(|v| v.is_finite() && *v >= 0.0), || {
        "a value is negative, infinite or NaN".into()
    })?;
    ensure(
        f.qualifier
            .as_deref()
            .is_none_or(|q| QUALIFIERS.contains(&q)),
        || {
            format!(
                "qualifier {:?} is not one of the normalised set",
                f.qualifier
            )
        },
    )?;
    tidy("unit", f.unit.as_deref())?;
    tidy("subject", f.subject.as_deref())?;
    tidy("period", f.period.as_deref())?;
    ensure(f.sentence.contains(&f.text), || {
        format!("sentence {:?} does not hold the figure", f.sentence)
    })?;
    ensure(body.contains(&f.sentence), || {
        "sentence is not verbatim from the body".into()
    })?;
    ensure(
        // Framing quantities (a `kind`) are numbered apart, under "fk"
        // or "fr".
        f.doc == doc.id && f.id.starts_with(&format!("{}/{}-", doc.id, f.id_prefix())),
        || {
            format!(
                "id {:?} or doc {:?} does not name the document",
                f.id, f.doc
            )
        },
    )
}

/// Ids name one item each within a document.
fn unique_ids(ex: &Extracted) -> Result<(), String> {
    let mut seen = HashSet::new();
    let ids = ex
        .quotes
        .iter()
        .map(|q| &q.id)
        .chain(ex.figures.iter().map(|f| &f.id));
    for id in ids {
        ensure(seen.insert(id), || format!("id {id:?} is used twice"))?;
    }
    Ok(())
}

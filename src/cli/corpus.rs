//! `brief corpus …`: list documents and browse what extraction found in
//! them, and add new ones (`add`, in its own file: it writes).

mod add;

use std::collections::HashMap;

use clap::{Args, Subcommand};
use rayon::prelude::*;
use serde::Serialize;

use super::{CorpusArgs, Outcome, print, print_json, report, table};
use crate::corpus::{Corpus, Document};
use crate::diag::Diagnostic;
use crate::extract::{self, Extracted, Figure, Quote, Section};
use crate::suggest::did_you_mean;

#[derive(Debug, Subcommand)]
pub enum CorpusCommand {
    /// List the documents: id, date, outlet, words, title.
    List(ListArgs),
    /// Show one document: metadata, sections, and counts of quotes and figures.
    Show(ShowArgs),
    /// List quotes, optionally filtered.
    Quotes(QuoteArgs),
    /// List figures (statistics), optionally filtered.
    Figures(FigureArgs),
    /// Add articles (Markdown or plain text) to the corpus as Markdown with front matter.
    Add(add::AddArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Print a JSON array instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The document id (see `brief corpus list`).
    id: String,
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Print JSON: the document, its body, sections, paragraphs, quotes and figures.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct QuoteArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Only quotes whose speaker contains this text (case-insensitive; "Zhang" finds "Zhang Jun").
    #[arg(long, value_name = "S")]
    speaker: Option<String>,
    /// Only quotes from this document.
    #[arg(long, value_name = "ID")]
    doc: Option<String>,
    /// Only quotes whose text contains this (case-insensitive).
    #[arg(long = "match", value_name = "TEXT")]
    matches: Option<String>,
    /// Print a JSON array instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct FigureArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Only figures from this document.
    #[arg(long, value_name = "ID")]
    doc: Option<String>,
    /// Only figures whose text, subject or sentence contains this (case-insensitive).
    #[arg(long = "match", value_name = "TEXT")]
    matches: Option<String>,
    /// Print a JSON array instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn run(cmd: CorpusCommand) -> Outcome {
    // `add` loads the corpus only to compare with it, and reports its own way.
    if let CorpusCommand::Add(a) = cmd {
        return add::run(a);
    }
    let args = match &cmd {
        CorpusCommand::Add(a) => &a.corpus,
        CorpusCommand::List(a) => &a.corpus,
        CorpusCommand::Show(a) => &a.corpus,
        CorpusCommand::Quotes(a) => &a.corpus,
        CorpusCommand::Figures(a) => &a.corpus,
    };
    let corpus = match Corpus::load(&args.dir()) {
        Ok(c) => c,
        Err(e) => {
            report(&[e.0]);
            return Outcome::UsageOrIo;
        }
    };
    report(&corpus.diagnostics);
    let input_outcome = if corpus.has_errors() {
        Outcome::InputErrors
    } else {
        Outcome::Ok
    };
    let usage = match cmd {
        CorpusCommand::List(a) => {
            list(&corpus, a.json);
            Ok(false)
        }
        CorpusCommand::Show(a) => show(&corpus, &a.id, a.json),
        CorpusCommand::Quotes(a) => quotes(&corpus, &a),
        CorpusCommand::Figures(a) => figures(&corpus, &a),
        CorpusCommand::Add(_) => Ok(false),
    };
    match usage {
        Ok(true) => Outcome::InputErrors,
        Ok(false) => input_outcome,
        Err(d) => {
            report(&[d]);
            Outcome::UsageOrIo
        }
    }
}

fn json<T: Serialize + ?Sized>(value: &T) {
    let mut text =
        serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    print_json(&text);
}

fn list(corpus: &Corpus, as_json: bool) {
    // Word counts are made on first use; here every one is printed, so they
    // are counted on every core first.
    corpus.documents.par_iter().for_each(|d| {
        d.words();
    });
    if as_json {
        return json(&corpus.documents);
    }
    let rows: Vec<Vec<String>> = corpus
        .documents
        .iter()
        .map(|d| {
            vec![
                d.id.clone(),
                d.meta.published.map(|p| p.to_string()).unwrap_or_default(),
                d.meta.outlet.clone().unwrap_or_default(),
                d.words().to_string(),
                d.meta.title.clone().unwrap_or_default(),
            ]
        })
        .collect();
    print(&table::render(
        &["ID", "PUBLISHED", "OUTLET", "WORDS", "TITLE"],
        &rows,
        table::terminal_width(),
    ));
}

/// The document named on the command line, or a usage error with a suggestion.
fn find_doc<'a>(corpus: &'a Corpus, id: &str) -> Result<&'a Document, Diagnostic> {
    corpus.get(id).ok_or_else(|| unknown_doc(corpus, id))
}

fn unknown_doc(corpus: &Corpus, id: &str) -> Diagnostic {
    let mut d = Diagnostic::error(format!(
        "no document with id `{id}` in {}",
        corpus.root.display()
    ));
    match did_you_mean(id, corpus.documents.iter().map(|d| d.id.as_str())) {
        Some(s) => d = d.hint(format!("did you mean `{s}`?")),
        None => d = d.hint("`brief corpus list` shows the ids"),
    }
    d
}

#[derive(Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    document: &'a Document,
    body: &'a str,
    #[serde(flatten)]
    extracted: &'a Extracted,
}

fn show(corpus: &Corpus, id: &str, as_json: bool) -> Result<bool, Diagnostic> {
    let doc = find_doc(corpus, id)?;
    let ex = extract::extract(doc);
    let errors = reported(std::slice::from_ref(&ex));
    if as_json {
        json(&ShowJson {
            document: doc,
            body: &doc.body,
            extracted: &ex,
        });
        return Ok(errors);
    }
    let mut out = String::new();
    let meta = &doc.meta;
    let mut field = |name: &str, value: Option<String>| {
        if let Some(v) = value {
            out.push_str(&format!("{name:<11} {v}\n"));
        }
    };
    field("id", Some(doc.id.clone()));
    field("path", Some(doc.path.display().to_string()));
    field("title", meta.title.clone());
    field("outlet", meta.outlet.clone());
    field("author", meta.author.clone());
    field("translator", meta.translator.clone());
    field("editor", meta.editor.clone());
    field("published", meta.published.map(|p| p.to_string()));
    field("url", meta.url.clone());
    field("language", meta.language.clone());
    field(
        "tags",
        (!meta.tags.is_empty()).then(|| meta.tags.join(", ")),
    );
    if let Some(o) = &meta.original {
        let parts: Vec<String> = [&o.title, &o.author, &o.outlet, &o.url]
            .into_iter()
            .flatten()
            .cloned()
            .chain(o.published.map(|p| p.to_string()))
            .collect();
        field("original", Some(parts.join(" · ")));
    }
    field("words", Some(doc.words().to_string()));
    field(
        "extracted",
        Some(format!(
            "{} paragraphs, {} quotes, {} figures",
            ex.paragraphs.len(),
            ex.quotes.len(),
            ex.figures.len()
        )),
    );
    out.push_str("\nSECTIONS\n");
    let rows: Vec<Vec<String>> = ex.sections.iter().map(|s| section_row(doc, s)).collect();
    out.push_str(&table::render(
        &["ADDRESS", "PARAGRAPHS", "TITLE"],
        &rows,
        table::terminal_width(),
    ));
    print(&out);
    Ok(errors)
}

fn section_row(doc: &Document, s: &Section) -> Vec<String> {
    let paras = match (s.paragraphs.first(), s.paragraphs.last()) {
        (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (Some(a), _) => a.to_string(),
        _ => String::new(),
    };
    vec![
        format!("{}#{}", doc.id, s.id),
        paras,
        s.title.clone().unwrap_or_default(),
    ]
}

/// Extracts only the documents a `--doc` filter asks for.
fn extracted(corpus: &Corpus, doc: Option<&str>) -> Result<Vec<Extracted>, Diagnostic> {
    match doc {
        Some(id) => Ok(vec![extract::extract(find_doc(corpus, id)?)]),
        None => Ok(extract::extract_all(&corpus.documents)),
    }
}

/// Reports the problems of front-matter corrections; whether there were any.
fn reported(all: &[Extracted]) -> bool {
    let problems: Vec<Diagnostic> = all.iter().flat_map(|e| e.diagnostics.clone()).collect();
    report(&problems);
    problems.iter().any(Diagnostic::is_error)
}

/// An item as listed: as extracted, with the fields front matter corrected.
#[derive(Serialize)]
struct Listed<'a, T> {
    #[serde(flatten)]
    item: &'a T,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    corrected: &'a [&'static str],
}

/// The fields of each item that front matter corrected, by item id.
fn corrections(all: &[Extracted]) -> HashMap<&str, &[&'static str]> {
    all.iter()
        .flat_map(|e| &e.corrected)
        .map(|(id, fields)| (id.as_str(), fields.as_slice()))
        .collect()
}

/// The fields of an item that front matter corrected.
fn corrected<'a>(marks: &HashMap<&str, &'a [&'static str]>, id: &str) -> &'a [&'static str] {
    marks.get(id).copied().unwrap_or_default()
}

/// A value, marked when the analyst set it rather than extraction.
fn marked(value: String, is_corrected: bool) -> String {
    if is_corrected && !value.is_empty() {
        format!("{value} (corrected)")
    } else {
        value
    }
}

fn contains_ci(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

fn quotes(corpus: &Corpus, a: &QuoteArgs) -> Result<bool, Diagnostic> {
    let all = extracted(corpus, a.doc.as_deref())?;
    let errors = reported(&all);
    let marks = corrections(&all);
    let selected: Vec<&Quote> = all
        .iter()
        .flat_map(|e| &e.quotes)
        .filter(|q| {
            a.speaker
                .as_deref()
                .is_none_or(|s| q.speaker.as_deref().is_some_and(|sp| contains_ci(sp, s)))
        })
        .filter(|q| a.matches.as_deref().is_none_or(|m| contains_ci(&q.text, m)))
        .collect();
    if a.json {
        let listed: Vec<Listed<Quote>> = selected
            .iter()
            .map(|q| Listed {
                item: *q,
                corrected: corrected(&marks, &q.id),
            })
            .collect();
        json(&listed);
        return Ok(errors);
    }
    let rows: Vec<Vec<String>> = selected
        .iter()
        .map(|q| {
            let who = match (&q.speaker, &q.role) {
                (Some(s), Some(r)) => format!("{s}, {r}"),
                (s, r) => s.clone().or_else(|| r.clone()).unwrap_or_default(),
            };
            let fixed = corrected(&marks, &q.id);
            vec![q.id.clone(), marked(who, !fixed.is_empty()), q.text.clone()]
        })
        .collect();
    print(&table::render(
        &["ID", "SPEAKER", "QUOTE"],
        &rows,
        table::terminal_width(),
    ));
    Ok(errors)
}

fn figures(corpus: &Corpus, a: &FigureArgs) -> Result<bool, Diagnostic> {
    let all = extracted(corpus, a.doc.as_deref())?;
    let errors = reported(&all);
    let marks = corrections(&all);
    let selected: Vec<&Figure> = all
        .iter()
        .flat_map(|e| &e.figures)
        .filter(|f| {
            a.matches.as_deref().is_none_or(|m| {
                contains_ci(&f.text, m)
                    || f.subject.as_deref().is_some_and(|s| contains_ci(s, m))
                    || f.label.as_deref().is_some_and(|s| contains_ci(s, m))
                    || contains_ci(&f.sentence, m)
            })
        })
        .collect();
    if a.json {
        let listed: Vec<Listed<Figure>> = selected
            .iter()
            .map(|f| Listed {
                item: *f,
                corrected: corrected(&marks, &f.id),
            })
            .collect();
        json(&listed);
        return Ok(errors);
    }
    // A label column only when some figure has one (a correction).
    let labels = selected.iter().any(|f| f.label.is_some());
    let rows: Vec<Vec<String>> = selected
        .iter()
        .map(|f| {
            let values: Vec<String> = f.values.iter().map(|v| format_value(*v)).collect();
            let mut row = vec![
                f.id.clone(),
                f.text.clone(),
                values.join(" → "),
                f.unit.clone().unwrap_or_default(),
                f.period.clone().unwrap_or_default(),
                f.subject.clone().unwrap_or_default(),
            ];
            if labels {
                let fixed = !corrected(&marks, &f.id).is_empty();
                row.push(marked(f.label.clone().unwrap_or_default(), fixed));
            }
            row
        })
        .collect();
    let mut headers = vec!["ID", "FIGURE", "VALUES", "UNIT", "PERIOD", "SUBJECT"];
    if labels {
        headers.push("LABEL");
    }
    print(&table::render(&headers, &rows, table::terminal_width()));
    Ok(errors)
}

/// Numbers as a reader writes them: no trailing `.0`, no exponent for
/// everyday sizes, every digit the source gave (not through `i64`, which
/// would print a huge value as another number).
fn format_value(v: f64) -> String {
    crate::decimal::plain(v)
}

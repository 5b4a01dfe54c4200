//! `brief corpus add`: the I/O around [`crate::corpus::add`]. Reads each
//! input, refuses text or ids the corpus already has, writes the new file
//! without ever replacing one, and reports what extraction finds in it.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use crate::cli::{CorpusArgs, Outcome, print, report};
use crate::corpus::add::{Flags, Prepared, RawFlags, Refusal, Source, body_hash, prepare_unique};
use crate::corpus::{Corpus, Format};
use crate::diag::Diagnostic;
use crate::diag::io_reason;
use crate::extract::{self, sections};

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  brief corpus add article.txt --outlet 'The Example Times' --published 2023-10-05 --tag asylum\n  brief corpus add notes/*.md --tag border\n  pbpaste | brief corpus add - --id border-arrivals --title 'Border arrivals rise'"
)]
pub struct AddArgs {
    /// Markdown (its front matter is kept), plain text (`.txt`: the first
    /// line is the title) or `-` for standard input.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// The document's id; one FILE only [default: the title's slug, else the file name]
    #[arg(long, value_name = "ID")]
    id: Option<String>,
    #[arg(long, value_name = "T")]
    title: Option<String>,
    /// The publication the article appeared in.
    #[arg(long, value_name = "O")]
    outlet: Option<String>,
    #[arg(long, value_name = "A")]
    author: Option<String>,
    /// 2023-10-05, 2023-10 or 2023: only as precise as the source states it.
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// The article's http(s) address.
    #[arg(long, value_name = "U")]
    url: Option<String>,
    /// A topic for selectors; repeat for more.
    #[arg(long = "tag", value_name = "T")]
    tags: Vec<String>,
}

/// What the corpus (and this run) already holds, to refuse it a second time.
struct Known {
    ids: HashMap<String, PathBuf>,
    texts: HashMap<blake3::Hash, PathBuf>,
    /// The documents' files, to tell a user adding one of them.
    files: HashMap<PathBuf, String>,
}

pub fn run(args: AddArgs) -> Outcome {
    let flags = match check_command_line(&args) {
        Ok(f) => f,
        Err(errors) => {
            report(&errors);
            return Outcome::UsageOrIo;
        }
    };
    let dir = args.corpus.dir();
    if let Err(d) = sandbox(&args.corpus, &dir) {
        report(&[d]);
        return Outcome::UsageOrIo;
    }
    // One `corpus add` at a time per corpus, from reading what it holds to
    // writing the new files: otherwise two adds of one text both find it new.
    let _lock = match lock_corpus(&dir) {
        Ok(lock) => lock,
        Err(d) => {
            report(&[d]);
            return Outcome::UsageOrIo;
        }
    };
    let corpus = match Corpus::load(&dir) {
        Ok(c) => c,
        Err(e) => {
            report(&[e.0]);
            return Outcome::UsageOrIo;
        }
    };
    let unusable = corpus.diagnostics.iter().filter(|d| d.is_error()).count();
    if unusable > 0 {
        report(&[Diagnostic::warning(format!(
            "{unusable} problem(s) in {} keep files out of the corpus; new documents are not compared with them",
            dir.display()
        ))
        .hint("`brief corpus list` shows them")]);
    }
    let mut known = Known {
        ids: HashMap::new(),
        texts: HashMap::new(),
        files: HashMap::new(),
    };
    for doc in &corpus.documents {
        known.ids.insert(doc.id.clone(), doc.path.clone());
        known.texts.insert(body_hash(&doc.body), doc.path.clone());
        if let Ok(path) = doc.path.canonicalize() {
            known.files.insert(path, doc.id.clone());
        }
    }
    let mut outcome = Outcome::Ok;
    for file in &args.files {
        let source = if file.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(file)
        };
        outcome = outcome.max(add_one(source, &flags, &dir, &mut known));
    }
    outcome
}

/// The project's own `corpus/` (found by searching upwards) must not be a
/// link out of the directory holding it, as `brief build` requires: a
/// project from someone else could otherwise make `corpus add` write
/// anywhere. `--corpus DIR` and `BRIEF_CORPUS` are the user's own choice.
fn sandbox(args: &CorpusArgs, dir: &Path) -> Result<(), Diagnostic> {
    if args.corpus.is_some() {
        return Ok(());
    }
    let holder = dir.parent().unwrap_or(Path::new(""));
    match crate::paths::outside(holder, dir) {
        None => Ok(()),
        Some(reason) => Err(Diagnostic::error(format!(
            "cannot add to `{}`: {reason}",
            dir.display()
        ))
        .hint("brief writes only inside the project; remove the link, or name the corpus with --corpus DIR")),
    }
}

/// Holds the corpus directory's lock (the kernel's `flock` on the directory
/// itself, so no file is added to the corpus and a killed `add` releases
/// it). A second `corpus add` waits.
/// A missing corpus is left to the loader, which says so.
fn lock_corpus(dir: &Path) -> Result<Option<std::fs::File>, Diagnostic> {
    let failed = |e: std::io::Error| {
        Diagnostic::error(format!("cannot lock the corpus ({})", io_reason(&e))).in_file(dir)
    };
    let file = match std::fs::File::open(dir) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(failed(e)),
    };
    file.lock().map_err(failed)?;
    Ok(Some(file))
}

/// Flags and files that make sense together, or every usage error at once.
fn check_command_line(args: &AddArgs) -> Result<Flags, Vec<Diagnostic>> {
    let raw = RawFlags {
        id: args.id.clone(),
        title: args.title.clone(),
        outlet: args.outlet.clone(),
        author: args.author.clone(),
        published: args.published.clone(),
        url: args.url.clone(),
        tags: args.tags.clone(),
    };
    let flags = Flags::parse(raw);
    let mut errors = Vec::new();
    let stdin = args.files.iter().filter(|f| f.as_os_str() == "-").count();
    if stdin > 1 {
        errors.push(
            Diagnostic::error("`-` (standard input) is given more than once")
                .hint("standard input can be read only once"),
        );
    }
    if args.id.is_some() && args.files.len() > 1 {
        errors.push(
            Diagnostic::error(format!(
                "--id names one document, but {} files are given",
                args.files.len()
            ))
            .hint("add them one at a time to give each an id, or leave --id out: each takes its id from its title or file name"),
        );
    }
    match flags {
        Ok(flags) if errors.is_empty() => Ok(flags),
        Ok(_) => Err(errors),
        Err(mut flag_errors) => {
            flag_errors.extend(errors);
            Err(flag_errors)
        }
    }
}

/// Adds one input and reports it; the outcome says how it went.
fn add_one(source: Source, flags: &Flags, dir: &Path, known: &mut Known) -> Outcome {
    let shown = source.display();
    let bytes = match read(source) {
        Ok(b) => b,
        Err(e) => {
            report(&[Diagnostic::read_failed(&shown, &e)]);
            return Outcome::UsageOrIo;
        }
    };
    if let Source::File(path) = source
        && let Some(id) = path.canonicalize().ok().and_then(|p| known.files.get(&p))
    {
        report(&[Diagnostic::error(format!(
            "already in the corpus: this file is the document `{id}`"
        ))
        .in_file(&shown)
        .hint(
            "to give it front matter, move it out of the corpus directory and add it from there",
        )]);
        return Outcome::InputErrors;
    }
    let taken = |id: &str| {
        known.ids.contains_key(id)
            || ["md", "csv"]
                .iter()
                .any(|ext| dir.join(format!("{id}.{ext}")).exists())
    };
    let prepared = match prepare_unique(source, &bytes, flags, dir, &taken) {
        Ok(p) => p,
        Err(Refusal::Input(d)) => {
            report(&[d]);
            return Outcome::InputErrors;
        }
        Err(Refusal::Usage(d)) => {
            report(&[d.in_file(&shown)]);
            return Outcome::UsageOrIo;
        }
    };
    if let Some(existing) = known.texts.get(&prepared.hash) {
        report(&[Diagnostic::error(format!(
            "already in the corpus: the text is the same as `{}`",
            existing.display()
        ))
        .in_file(&shown)
        .hint(
            "texts are compared without line endings and surrounding whitespace; nothing was added",
        )]);
        return Outcome::InputErrors;
    }
    if let Some(existing) = known.ids.get(&prepared.id) {
        report(&[id_taken(&prepared, &shown, existing)]);
        return Outcome::InputErrors;
    }
    for note in &prepared.notes {
        print_note(&format!("note: {}: {note}", shown.display()));
    }
    match write_new(&prepared.path, &prepared.text) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            report(&[id_taken(&prepared, &shown, &prepared.path)]);
            return Outcome::InputErrors;
        }
        Err(e) => {
            report(&[Diagnostic::error(format!(
                "failed to write `{}` ({})",
                prepared.path.display(),
                io_reason(&e)
            ))
            .in_file(&shown)]);
            return Outcome::UsageOrIo;
        }
    }
    report(&warnings(&prepared));
    let doc = &prepared.document;
    let ex = extract::extract(doc);
    // Front-matter corrections that name no item: the file is added (its
    // text is fine), and the problem is reported where it is written.
    report(&ex.diagnostics);
    print(&format!(
        "added {} ({}, {}, {}, {})\n",
        prepared.path.display(),
        prepared.id,
        count(doc.words(), "word"),
        count(ex.quotes.len(), "quote"),
        count(ex.figures.len(), "figure"),
    ));
    known.ids.insert(prepared.id.clone(), prepared.path.clone());
    known.texts.insert(prepared.hash, prepared.path.clone());
    Outcome::Ok
}

fn read(source: Source) -> std::io::Result<Vec<u8>> {
    match source {
        Source::File(path) => std::fs::read(path),
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().lock().read_to_end(&mut bytes)?;
            Ok(bytes)
        }
    }
}

fn id_taken(prepared: &Prepared, shown: &Path, existing: &Path) -> Diagnostic {
    Diagnostic::error(format!(
        "id `{}` is already taken by `{}`",
        prepared.id,
        existing.display()
    ))
    .in_file(shown)
    .hint("pass --id with another id (one file at a time); nothing was added")
}

fn print_note(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// What a reader of the new document should know: citations with nothing to
/// cite, and plain text that Markdown splits differently.
fn warnings(p: &Prepared) -> Vec<Diagnostic> {
    let doc = &p.document;
    let meta = &doc.meta;
    let mut out = Vec::new();
    if meta.outlet.is_none()
        && meta.author.is_none()
        && meta.published.is_none()
        && meta.url.is_none()
    {
        out.push(
            Diagnostic::warning(
                "outlet, author, published and url are unknown and will be left out of citations",
            )
            .in_file(&p.path)
            .hint("pass the ones the source states: --outlet, --author, --published, --url"),
        );
    }
    if p.input_format == Format::Text {
        let paragraphs = |format| {
            let (sections, paras) = sections::split(&doc.body, format);
            let texts: Vec<&str> = paras.iter().map(|q| &doc.body[q.start..q.end]).collect();
            (sections.len(), texts)
        };
        let (md_sections, md) = paragraphs(Format::Markdown);
        let (_, text) = paragraphs(Format::Text);
        let headings = md_sections.saturating_sub(1);
        if md != text || headings > 0 {
            let mut read = count(md.len(), "paragraph");
            if headings > 0 {
                read.push_str(&format!(" and {}", count(headings, "heading")));
            }
            out.push(
                Diagnostic::warning(format!(
                    "plain text is stored as Markdown, which reads it as {read} instead of {} (one per line)",
                    text.len()
                ))
                .in_file(&p.path)
                .hint(format!(
                    "each line is stored as a paragraph of its own, but Markdown reads a line that starts with `#`, `-`, `>` or `1.` as structure; check with `brief corpus show {}`",
                    p.id
                )),
            );
        }
    }
    out
}

/// Creates `path` holding `text`, never replacing a file, never writing
/// through a link and never leaving a partial document
/// ([`crate::atomic::create_new`]).
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = path.parent().unwrap_or(Path::new(""));
    crate::atomic::create_new(dir, &name, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_new_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        write_new(&path, "one").unwrap();
        let err = write_new(&path, "two").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "the temporary file is removed");
    }

    #[test]
    fn counts_read_as_english() {
        assert_eq!(count(1, "quote"), "1 quote");
        assert_eq!(count(0, "figure"), "0 figures");
    }
}

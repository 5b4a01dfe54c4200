//! Turning an article into a corpus document (`brief corpus add`).
//!
//! Pure functions: the command line reads the input and the corpus, and
//! writes the file this module prepares. A prepared document has already
//! been read back with the corpus loader, so what lands in the corpus is
//! exactly what was checked.
//!
//! The body is never edited beyond line endings: quotes and figures are byte
//! spans into it. Metadata comes only from the command line, the input's own
//! front matter, or (for plain text) the first line, which the corpus format
//! already defines as a plain-text document's title; nothing is guessed.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

use super::date::PartialDate;
use super::document::{Document, Format, Metadata};
use super::load::{decode, load_file, validate_id};
use super::{emit, frontmatter};

/// Longest id a title's slug gives, cut at a word boundary: ids appear in
/// every quote and figure id and in the first column of every listing, and
/// a whole headline would drown them (60 characters was cut off by tables).
pub const MAX_SLUG: usize = 32;

/// Words a slug does not end on: "us-reports-sharp-rise-in" reads as cut.
const TRAILING_STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "amid", "with",
    "by", "from", "as", "is", "are", "was", "were",
];

/// Metadata as typed on the command line, before it is checked.
#[derive(Debug, Clone, Default)]
pub struct RawFlags {
    pub id: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
}

/// Metadata from the command line, checked: it overrides or adds to what
/// each input states.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    pub id: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<PartialDate>,
    pub url: Option<String>,
    pub tags: Vec<String>,
}

impl Flags {
    /// Checks every flag and returns every problem at once (all usage errors).
    pub fn parse(raw: RawFlags) -> Result<Flags, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut text = |flag: &str, value: Option<String>| match value {
            Some(v) if v.trim().is_empty() => {
                errors.push(
                    Diagnostic::error(format!("--{flag} is empty")).hint(format!(
                        "leave --{flag} out when the source does not state it"
                    )),
                );
                None
            }
            v => v,
        };
        let title = text("title", raw.title);
        let outlet = text("outlet", raw.outlet);
        let author = text("author", raw.author);
        let id = text("id", raw.id);
        let published = text("published", raw.published);
        let url = text("url", raw.url);
        let mut tags: Vec<String> = Vec::new();
        for tag in raw.tags {
            if let Some(tag) = text("tag", Some(tag))
                && !tags.contains(&tag)
            {
                tags.push(tag);
            }
        }
        if let Some(id) = &id
            && let Err(reason) = validate_id(id)
        {
            errors.push(
                Diagnostic::error(format!("invalid --id `{id}`: {reason}"))
                    .hint("ids are slugs: letters, digits, `-`, `_` and `.`"),
            );
        }
        let published = published.and_then(|p| match p.parse::<PartialDate>() {
            Ok(d) => Some(d),
            Err(reason) => {
                errors.push(Diagnostic::error(format!("invalid --published: {reason}")));
                None
            }
        });
        if let Some(url) = &url
            && !looks_like_url(url)
        {
            errors.push(
                Diagnostic::error(format!("invalid --url `{url}`: expected an http(s) URL"))
                    .hint("give the article's address, e.g. https://example.org/article"),
            );
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Flags {
            id,
            title,
            outlet,
            author,
            published,
            url,
            tags,
        })
    }
}

/// `http://` or `https://`, a host, and no spaces or control characters:
/// enough to catch a date or a title typed in the wrong flag.
fn looks_like_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && !host.starts_with(['.', ':', '@'])
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Where an input comes from.
#[derive(Debug, Clone, Copy)]
pub enum Source<'a> {
    File(&'a Path),
    Stdin,
}

impl Source<'_> {
    /// The name diagnostics show.
    pub fn display(&self) -> PathBuf {
        match self {
            Source::File(p) => p.to_path_buf(),
            Source::Stdin => PathBuf::from("<stdin>"),
        }
    }

    /// Read as the loader would read the file: `.txt` is plain text, `.csv`
    /// a data file, anything else Markdown (standard input too, so it may
    /// carry front matter).
    fn format(&self) -> Format {
        match self {
            Source::File(p) if p.extension().is_some_and(|e| e == "txt") => Format::Text,
            Source::File(p) if p.extension().is_some_and(|e| e == "csv") => Format::Data,
            _ => Format::Markdown,
        }
    }
}

/// Why an input was not added.
#[derive(Debug)]
pub enum Refusal {
    /// The input cannot become a document (exit 1).
    Input(Diagnostic),
    /// The command line does not say enough to add it (exit 2).
    Usage(Diagnostic),
}

/// A document ready to be written to `path`.
#[derive(Debug)]
pub struct Prepared {
    pub id: String,
    /// `<corpus>/<id>.md`.
    pub path: PathBuf,
    /// The whole file: front matter and body.
    pub text: String,
    /// `text` as the corpus loader reads it.
    pub document: Document,
    /// How the input was read: plain text becomes Markdown, which can split
    /// it differently, so the caller may want to say so.
    pub input_format: Format,
    /// [`body_hash`] of the body, to refuse the same text twice.
    pub hash: blake3::Hash,
    /// Flags that replaced what the input stated.
    pub notes: Vec<String>,
}

/// Prepares one input as the corpus document `<corpus_dir>/<id>.md`.
pub fn prepare(
    source: Source,
    bytes: &[u8],
    flags: &Flags,
    corpus_dir: &Path,
) -> Result<Prepared, Refusal> {
    prepare_unique(source, bytes, flags, corpus_dir, &|_| false)
}

/// [`prepare`], with an id made from the title kept unique: when `taken`
/// says the slug is used, `-2`, `-3`, … is added (an id the user gave, by
/// `--id` or front matter, is never changed: taking it is refused later).
pub fn prepare_unique(
    source: Source,
    bytes: &[u8],
    flags: &Flags,
    corpus_dir: &Path,
    taken: &dyn Fn(&str) -> bool,
) -> Result<Prepared, Refusal> {
    let shown = source.display();
    let text = decode(&shown, bytes).map_err(Refusal::Input)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    let format = source.format();

    let (mut meta, body, first_line) = match format {
        Format::Text => {
            let (title, body_offset) = text_title(&text);
            let meta = Metadata {
                title: title.map(str::to_string),
                ..Metadata::default()
            };
            (meta, &text[body_offset..], title)
        }
        Format::Markdown | Format::Data => {
            let (meta, body_offset) = front_matter(&text, &shown).map_err(Refusal::Input)?;
            (meta, &text[body_offset..], None)
        }
    };
    let mut notes = Vec::new();
    let mut body = body;
    // A plain-text first line is the title only while nothing replaces it; a
    // different --title leaves it in the body, so no words are lost.
    if let (Some(line), Some(title)) = (first_line, &flags.title)
        && line != title
    {
        notes.push(format!(
            "--title replaces the title `{line}` (the first line), which stays in the body"
        ));
        meta.title = None;
        body = &text;
    }
    let fm_id = meta.id.take();
    merge(&mut meta, flags, &mut notes);
    let id = choose_id(
        source,
        flags,
        fm_id,
        meta.title.as_deref(),
        &text,
        &mut notes,
        taken,
    )?;

    let mut body = normalise_body(body);
    if format == Format::Text {
        body = plain_tables_as_markdown(&lines_as_paragraphs(&body));
    }
    if body.is_empty() {
        let mut d = Diagnostic::error("no body text").in_file(&shown);
        if format == Format::Text {
            d = d.hint("the first line of a plain-text file is its title; the text follows it");
        }
        return Err(Refusal::Input(d));
    }
    // A data file stays one: as `.md` its table would be read as prose.
    let extension = if format == Format::Data { "csv" } else { "md" };
    let path = corpus_dir.join(format!("{id}.{extension}"));
    let file = render(&id, &meta, &body).map_err(|e| {
        Refusal::Input(
            Diagnostic::error(format!(
                "internal error: cannot write the front matter ({e})"
            ))
            .in_file(&shown)
            .hint("nothing was written; please report this with the input file"),
        )
    })?;
    let document = read_back(&path, &file, &id, &meta, &body)?;
    Ok(Prepared {
        hash: body_hash(&document.body),
        id,
        path,
        text: file,
        document,
        input_format: format,
        notes,
    })
}

/// The title and body offset the loader gives a `.txt` file: the first
/// non-blank line, trimmed, and everything after that line.
fn text_title(text: &str) -> (Option<&str>, usize) {
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return (None, 0);
    };
    let at = text.find(first).unwrap_or(0) + first.len();
    let body = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    (Some(first), body)
}

/// Metadata and body offset of a Markdown input, refused as the loader
/// refuses it (unknown fields, duplicate keys, bad dates, no closing `---`).
fn front_matter(text: &str, path: &Path) -> Result<(Metadata, usize), Diagnostic> {
    let split = frontmatter::split(text).map_err(|(offset, message)| {
        Diagnostic::error(message)
            .in_file(path)
            .at_offset(text, offset)
            .hint("close the front matter with a line holding only `---`")
    })?;
    match split.yaml {
        Some((yaml, offset)) => Ok((
            frontmatter::parse(text, yaml, offset).map_err(|d| d.in_file(path))?,
            split.body_offset,
        )),
        None => Ok((Metadata::default(), 0)),
    }
}

/// Applies the flags: each replaces what the input states (with a note
/// when the two differ); tags are added to the input's.
fn merge(meta: &mut Metadata, flags: &Flags, notes: &mut Vec<String>) {
    fn set<T: PartialEq + Clone + std::fmt::Display>(
        field: &mut Option<T>,
        flag: &Option<T>,
        name: &str,
        notes: &mut Vec<String>,
    ) {
        let Some(new) = flag else { return };
        if let Some(old) = field.as_ref()
            && old != new
        {
            notes.push(format!("--{name} replaces `{old}` from the front matter"));
        }
        *field = Some(new.clone())
    }
    // A plain-text title equal to --title was dealt with by the caller, so
    // any difference here is with front matter.
    set(&mut meta.title, &flags.title, "title", notes);
    set(&mut meta.outlet, &flags.outlet, "outlet", notes);
    set(&mut meta.author, &flags.author, "author", notes);
    set(&mut meta.published, &flags.published, "published", notes);
    set(&mut meta.url, &flags.url, "url", notes);
    for tag in &flags.tags {
        if !meta.tags.contains(tag) {
            meta.tags.push(tag.clone());
        }
    }
}

/// `--id`, else the front matter's `id:`, else the title's slug, else the
/// file stem. Standard input has no stem, so it needs one of the others.
fn choose_id(
    source: Source,
    flags: &Flags,
    fm_id: Option<String>,
    title: Option<&str>,
    text: &str,
    notes: &mut Vec<String>,
    taken: &dyn Fn(&str) -> bool,
) -> Result<String, Refusal> {
    let shown = source.display();
    if let Some(id) = &flags.id {
        if let Some(old) = fm_id.filter(|old| old != id) {
            notes.push(format!("--id replaces `{old}` from the front matter"));
        }
        return Ok(id.clone());
    }
    if let Some(id) = fm_id {
        validate_id(&id).map_err(|reason| {
            Refusal::Input(
                Diagnostic::error(format!("invalid id `{id}`: {reason}"))
                    .in_file(&shown)
                    .at_offset(text, text.find("id:").unwrap_or(0))
                    .hint("ids are slugs: letters, digits, `-`, `_` and `.`"),
            )
        })?;
        return Ok(id);
    }
    if let Some(slug) = title.and_then(title_slug) {
        let mut id = slug.clone();
        let mut n = 2;
        while taken(&id) {
            id = format!("{slug}-{n}");
            n += 1;
        }
        return Ok(id);
    }
    match source {
        Source::File(path) => {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            validate_id(&stem).map_err(|reason| {
                Refusal::Input(
                    Diagnostic::error(format!(
                        "cannot use the file name `{stem}` as an id: {reason}"
                    ))
                    .in_file(&shown)
                    .hint("pass --id ID (with one file at a time)"),
                )
            })?;
            Ok(stem)
        }
        Source::Stdin => {
            let why = match title {
                Some(_) => {
                    "no id can be made from its title (ids are ASCII), and standard input has no file name"
                }
                None => "it has no title, and standard input has no file name",
            };
            Err(Refusal::Usage(
                Diagnostic::error(format!("cannot choose an id for standard input: {why}"))
                    .hint("pass --id ID"),
            ))
        }
    }
}

/// A title as an id: lowercase ASCII words joined by `-`, cut at a word
/// boundary to at most [`MAX_SLUG`] characters, without a trailing little
/// word ("in", "the") when cut. `None` when the title has letters or
/// digits outside ASCII (Chinese, accents): the slug would silently drop
/// them, so the file name is the better id.
pub fn title_slug(title: &str) -> Option<String> {
    if title.chars().any(|c| !c.is_ascii() && c.is_alphanumeric()) {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if matches!(c, '\'' | '’') {
            // "Xi's" is one word: "xis", not "xi-s".
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut len = 0;
    let mut cut = false;
    for w in &words {
        let extra = usize::from(!kept.is_empty()) + w.len();
        if len + extra > MAX_SLUG {
            if kept.is_empty() {
                return Some(w[..MAX_SLUG].to_string());
            }
            cut = true;
            break;
        }
        len += extra;
        kept.push(w);
    }
    while cut && kept.len() > 1 && kept.last().is_some_and(|w| TRAILING_STOP_WORDS.contains(w)) {
        kept.pop();
    }
    let slug = kept.join("-");
    (!slug.is_empty()).then_some(slug)
}

/// The body as stored: blank lines before the first text line are dropped
/// (the file puts one blank line after the front matter instead), and
/// trailing whitespace becomes one final newline. Nothing else changes, not
/// even the indentation of the first line, which Markdown reads.
fn normalise_body(body: &str) -> String {
    let body = body.trim_end();
    let first_text = body.len() - body.trim_start().len();
    let line_start = body[..first_text].rfind('\n').map_or(0, |i| i + 1);
    let body = &body[line_start..];
    if body.is_empty() {
        return String::new();
    }
    format!("{body}\n")
}

/// Each line of plain text is a paragraph of its own (as the loader reads a
/// `.txt`), so the stored Markdown keeps them apart with a blank line and
/// without the indent that Markdown would read as code: otherwise the lines
/// would run together into one paragraph and every paragraph locator after
/// them would differ from the `.txt`'s. Plain-text tables are left as they
/// are for [`plain_tables_as_markdown`].
fn lines_as_paragraphs(body: &str) -> String {
    let tables = crate::extract::sections::table::plain_runs(body);
    let mut out = String::with_capacity(body.len() + body.len() / 16);
    let mut pos = 0;
    let mut last_was_text = false;
    for line in body.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        if tables.iter().any(|t| t.start < pos && start < t.end) {
            out.push_str(line);
            last_was_text = false;
            continue;
        }
        let text = line.trim();
        if text.is_empty() {
            out.push_str(line);
            last_was_text = false;
            continue;
        }
        if last_was_text {
            out.push('\n');
        }
        out.push_str(line.trim_start());
        last_was_text = true;
    }
    out
}

/// A plain-text table (a line per row, columns set apart by tabs or runs of
/// spaces) written as a Markdown pipe table, set off by blank lines: as
/// Markdown its rows would otherwise run together into one paragraph. The
/// cells' text is kept; a `|` in a cell is escaped.
fn plain_tables_as_markdown(body: &str) -> String {
    let runs = crate::extract::sections::table::plain_runs(body);
    if runs.is_empty() {
        return body.to_string();
    }
    let mut out = String::with_capacity(body.len() + 64);
    let mut pos = 0;
    for run in runs {
        out.push_str(&body[pos..run.start]);
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
        }
        let text = &body[run.clone()];
        let rows = crate::extract::sections::table::rows(text).unwrap_or_default();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        for (k, row) in rows.iter().enumerate() {
            out.push('|');
            // A header without a corner cell names the columns after the first.
            for _ in row.len()..width {
                out.push_str("  |");
            }
            for cell in row {
                out.push(' ');
                out.push_str(&text[cell.clone()].replace('|', "\\|"));
                out.push_str(" |");
            }
            out.push('\n');
            if k == 0 {
                out.push('|');
                out.push_str(&"---|".repeat(width));
                out.push('\n');
            }
        }
        pos = run.end;
        let rest = &body[pos..];
        if !rest.trim().is_empty() {
            out.push('\n');
        }
        // The run ends before its last line's newline.
        if rest.starts_with('\n') {
            pos += 1;
        }
    }
    out.push_str(&body[pos..]);
    out
}

/// The text the duplicate check compares: the body with LF line endings and
/// without surrounding whitespace, hashed so a corpus is compared cheaply.
pub fn body_hash(body: &str) -> blake3::Hash {
    let body = body.replace("\r\n", "\n");
    blake3::hash(body.trim().as_bytes())
}

/// The document file: front matter (the id, then the metadata, written by
/// `Metadata`'s own `Serialize`, so every field the loader reads is written),
/// one blank line, the body.
pub fn render(id: &str, meta: &Metadata, body: &str) -> Result<String, emit::Error> {
    let meta = Metadata {
        id: Some(id.to_string()),
        ..meta.clone()
    };
    Ok(format!("---\n{}---\n\n{body}", emit::front_matter(&meta)?))
}

/// Reads the file back as the loader will, and refuses it if anything came
/// out different: a bug here must not put a wrong document in the corpus.
fn read_back(
    path: &Path,
    file: &str,
    id: &str,
    meta: &Metadata,
    body: &str,
) -> Result<Document, Refusal> {
    let internal = |what: String| {
        Refusal::Input(
            Diagnostic::error(format!(
                "internal error: the prepared document would load back with {what}"
            ))
            .in_file(path)
            .hint("nothing was written; please report this with the input file"),
        )
    };
    let loaded = load_file(path, file.as_bytes())
        .map_err(|d| internal(format!("an error ({})", d.message)))?;
    let doc = loaded.document;
    let mut expected = meta.clone();
    expected.id = None;
    if doc.id != id {
        return Err(internal(format!("the id `{}`", doc.id)));
    }
    if doc.meta != expected {
        return Err(internal(format!("other metadata ({:?})", doc.meta)));
    }
    if doc.body.strip_prefix('\n') != Some(body) {
        return Err(internal("another body".into()));
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags() -> Flags {
        Flags::default()
    }

    #[test]
    fn a_data_file_is_added_as_one_and_checked_like_one() {
        let f = flags();
        let p = prep(
            "rates.csv",
            "---\ntitle: Rates\n---\nyear,n\n2021,\"3,100\"\n",
            &f,
        )
        .unwrap_or_else(|r| panic!("{r:?}"));
        assert_eq!(p.path, Path::new("corpus/rates.csv"));
        assert_eq!(p.document.format, Format::Data);
        let (_, msg) = refusal(prep("bad.csv", "---\ntitle: B\n---\nyear,n\n2021,x\n", &f));
        assert!(msg.contains("`x` is not a number"), "{msg}");
    }

    /// The case: a data file's `unit:` is written back (it was
    /// once dropped, and the file refused as an internal error); `date:` is
    /// written as `published:`; a quoted cell keeps its line break.
    #[test]
    fn a_data_file_keeps_its_unit_and_date() {
        let input = "---\ntitle: Rates\ndate: 2023-10\nunit: percent\n---\nregion,rate\n\"North\nEast\",12.5%\n";
        let p = prep("rates.csv", input, &flags()).unwrap_or_else(|r| panic!("{r:?}"));
        assert_eq!(
            p.text,
            "---\nid: rates\ntitle: Rates\npublished: 2023-10\nunit: percent\n---\n\nregion,rate\n\"North\nEast\",12.5%\n"
        );
        assert_eq!(p.document.meta.unit.as_deref(), Some("percent"));
        let table = super::super::data::table(&p.document.body).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(table.rows[0].label, "North\nEast");
    }

    fn prep(name: &str, text: &str, flags: &Flags) -> Result<Prepared, Refusal> {
        prepare(
            Source::File(Path::new(name)),
            text.as_bytes(),
            flags,
            Path::new("corpus"),
        )
    }

    fn refusal(r: Result<Prepared, Refusal>) -> (bool, String) {
        match r {
            Ok(p) => panic!("prepared {}", p.text),
            Err(Refusal::Input(d)) => (false, d.to_string()),
            Err(Refusal::Usage(d)) => (true, d.to_string()),
        }
    }

    #[test]
    fn plain_text_loads_back_as_the_txt_would() {
        let cases = [
            "Title line\nFirst para.\nSecond.\n",
            "\n\n  Title  \n\nBody after a blank.\n\n\n",
            "Only: a title? # no\nbody\n",
            "Title\nOne line.\nAnother line.\n    Indented line.\n\nAfter a gap.\n",
        ];
        for text in cases {
            let txt = load_file(Path::new("a.txt"), text.as_bytes()).unwrap();
            let p = prep("a.txt", text, &flags()).unwrap();
            assert_eq!(p.document.meta, txt.document.meta, "{text:?}");
            // The same paragraphs, so the same locators.
            let paragraphs = |doc: &crate::corpus::Document| -> Vec<String> {
                let (_, paras) = crate::extract::sections::split(&doc.body, doc.format);
                paras
                    .iter()
                    .map(|p| doc.body[p.start..p.end].to_string())
                    .collect()
            };
            assert_eq!(
                paragraphs(&p.document),
                paragraphs(&txt.document),
                "{text:?}"
            );
            assert_eq!(
                p.id,
                title_slug(txt.document.meta.title.as_deref().unwrap()).unwrap()
            );
        }
    }

    #[test]
    fn a_plain_text_table_stays_a_table() {
        let text = "Arrivals\n\nCrossings rose in the first quarter.\nMonth\tCrossings\tChange\nJanuary\t3,100\t+4%\nFebruary\t2,950\t-5% | est\nSource: Border Force.\n";
        let p = prep("arrivals.txt", text, &flags()).unwrap();
        assert_eq!(
            p.document.body.trim_start(),
            "Crossings rose in the first quarter.\n\n| Month | Crossings | Change |\n|---|---|---|\n| January | 3,100 | +4% |\n| February | 2,950 | -5% \\| est |\n\nSource: Border Force.\n"
        );
        let ex = crate::extract::extract(&p.document);
        let cells: Vec<(&str, Option<&str>, Option<&str>)> = ex
            .figures
            .iter()
            .map(|f| (f.text.as_str(), f.row.as_deref(), f.column.as_deref()))
            .collect();
        assert_eq!(
            cells,
            [
                ("3,100", Some("January"), Some("Crossings")),
                ("+4%", Some("January"), Some("Change")),
                ("2,950", Some("February"), Some("Crossings")),
            ]
        );
    }

    #[test]
    fn file_text_is_front_matter_blank_line_body() {
        let f = Flags {
            outlet: Some("The Example Times".into()),
            published: Some("2023-10".parse().unwrap()),
            url: Some("https://example.org/a#x".into()),
            tags: vec!["asylum".into(), "a, b".into()],
            ..flags()
        };
        let p = prep(
            "in.txt",
            "\u{feff}Border arrivals: up\r\n\r\nText one.\r\nTwo.  \r\n\r\n",
            &f,
        )
        .unwrap();
        assert_eq!(
            p.text,
            "---\nid: border-arrivals-up\ntitle: \"Border arrivals: up\"\noutlet: The Example Times\npublished: 2023-10\nurl: https://example.org/a#x\ntags: [asylum, \"a, b\"]\n---\n\nText one.\n\nTwo.\n"
        );
        assert_eq!(p.path, Path::new("corpus/border-arrivals-up.md"));
        assert!(p.notes.is_empty());
    }

    /// The emitter writes every field the loader reads (the schema's field
    /// list, aliases aside), `corrections` included, with values that need
    /// quoting.
    #[test]
    fn every_front_matter_field_is_written_back() {
        let input = "---
id: every-field
title: \"T: all # fields\"
short_title: T
title_supplied: true
outlet: O
author: A
translator: Tr
editor: E
published: 2023-10
url: https://example.org/a
language: en
tags: [a, b]
unit: percent
original:
  title: OT
  outlet: OO
corrections:
  q-we-will-go:
    speaker: \"Jane: 'Roe' # x\"
    role: null
  every-field/f-12:
    label: \"yes\"
---

Body.
";
        let p = prep("x.md", input, &flags()).unwrap_or_else(|r| panic!("{r:?}"));
        let aliases: Vec<&str> = crate::corpus::schema::ALIASES.iter().map(|a| a.0).collect();
        for field in crate::corpus::schema::metadata_fields() {
            if aliases.contains(field) {
                continue;
            }
            assert!(
                p.text.contains(&format!("\n{field}:")),
                "{field}\n{}",
                p.text
            );
        }
        let c = &p.document.meta.corrections.items;
        assert_eq!(c.len(), 2, "{}", p.text);
        assert_eq!(c[0].speaker, Some(Some("Jane: 'Roe' # x".into())));
        assert_eq!(c[0].role, Some(None));
        assert_eq!(c[1].label, Some(Some("yes".into())), "{}", p.text);
    }

    #[test]
    fn hostile_values_round_trip() {
        let values = [
            "\"Title: with # hash\" and 'quotes' - *x*",
            "- starts like a list",
            "* star",
            "& anchor",
            "! tag",
            "yes",
            "NULL",
            "2023",
            "12:30",
            "0x1F",
            "trailing: ",
            "ends with colon:",
            "a #comment",
            "line\nbreak",
            "tab\there",
            "back\\slash",
            "   padded   ",
            "[flow]",
            "{map}",
            "%directive",
            "@at",
            "`tick`",
            "|block",
            ">folded",
            "?key",
            "习近平: 中国",
            "\u{2028}sep",
            "bell\u{7}",
            "it's",
            "'single'",
            "~",
        ];
        for v in values {
            let f = Flags {
                title: Some(v.into()),
                author: Some(v.into()),
                tags: vec![v.into()],
                id: Some("x".into()),
                ..flags()
            };
            // read_back compares metadata and body with what was meant.
            let p = prep("x.md", "Body.\n", &f).unwrap_or_else(|r| panic!("{v:?}: {r:?}"));
            assert_eq!(p.document.meta.title.as_deref(), Some(v), "{}", p.text);
            assert_eq!(p.document.meta.tags, [v], "{}", p.text);
        }
    }

    #[test]
    fn front_matter_is_kept_and_flags_win_with_a_note() {
        let input = "---\ntitle: Old\nauthor: A\npublished: 2023\ntags: [x]\noriginal:\n  title: 原文\n  language: zh\n---\n\n# Head\n\nBody.\n";
        let f = Flags {
            title: Some("New".into()),
            author: Some("A".into()),
            tags: vec!["z".into(), "x".into()],
            ..flags()
        };
        let p = prep("in.md", input, &f).unwrap();
        assert_eq!(
            p.text,
            "---\nid: new\ntitle: New\nauthor: A\npublished: 2023\ntags: [x, z]\noriginal:\n  title: 原文\n  language: zh\n---\n\n# Head\n\nBody.\n"
        );
        assert_eq!(p.notes, ["--title replaces `Old` from the front matter"]);
    }

    #[test]
    fn a_different_title_keeps_the_first_line_in_the_body() {
        let f = Flags {
            title: Some("Real title".into()),
            ..flags()
        };
        let p = prep("a.txt", "Dateline line\nBody.\n", &f).unwrap();
        // Each line a paragraph, as in the `.txt`.
        assert_eq!(p.document.body, "\nDateline line\n\nBody.\n");
        assert_eq!(
            p.notes,
            [
                "--title replaces the title `Dateline line` (the first line), which stays in the body"
            ]
        );
        let same = Flags {
            title: Some("Dateline line".into()),
            ..flags()
        };
        let p = prep("a.txt", "Dateline line\nBody.\n", &same).unwrap();
        assert_eq!(p.document.body, "\nBody.\n");
        assert!(p.notes.is_empty());
    }

    #[test]
    fn ids_come_from_flag_front_matter_title_or_stem() {
        let with = |id: &str| Flags {
            id: Some(id.into()),
            ..flags()
        };
        assert_eq!(
            prep("a.md", "---\nid: fm\n---\nx\n", &with("flag"))
                .unwrap()
                .id,
            "flag"
        );
        assert_eq!(
            prep("a.md", "---\nid: fm\ntitle: T\n---\nx\n", &flags())
                .unwrap()
                .id,
            "fm"
        );
        assert_eq!(
            prep("a.md", "---\ntitle: The T\n---\nx\n", &flags())
                .unwrap()
                .id,
            "the-t"
        );
        assert_eq!(prep("d/a-1.md", "x\n", &flags()).unwrap().id, "a-1");
        assert_eq!(
            prep("d/stem.txt", "习近平\nx\n", &flags()).unwrap().id,
            "stem"
        );
        let (usage, msg) = refusal(prep("My File.md", "x\n", &flags()));
        assert!(!usage);
        assert_eq!(
            msg,
            "error: cannot use the file name `My File` as an id: ` ` is not allowed\n --> My File.md\n  = help: pass --id ID (with one file at a time)\n"
        );
        let stdin = prepare(Source::Stdin, b"x\n", &flags(), Path::new("c"));
        let (usage, msg) = refusal(stdin);
        assert!(usage);
        assert_eq!(
            msg,
            "error: cannot choose an id for standard input: it has no title, and standard input has no file name\n  = help: pass --id ID\n"
        );
    }

    #[test]
    fn slugs_cut_at_word_boundaries() {
        let cases = [
            (
                "Zhu Bo: ‘No way to survive’ in China",
                Some("zhu-bo-no-way-to-survive"),
            ),
            ("Xi’s 12% rise", Some("xis-12-rise")),
            ("  --  ", None),
            ("大逃亡", None),
            ("Café society", None),
            (
                "One two three four five six seven eight nine ten eleven twelve thirteen",
                Some("one-two-three-four-five-six"),
            ),
            (
                "U.S. reports sharp rise in people fleeing China amid ‘run’ movement",
                Some("u-s-reports-sharp-rise-in-people"),
            ),
            // Cut after "at the": the little words go too.
            (
                "Migrants keep arriving at the border in record numbers",
                Some("migrants-keep-arriving"),
            ),
            // Not cut: a title that ends on a little word keeps it.
            ("Where to go from", Some("where-to-go-from")),
        ];
        for (title, want) in cases {
            assert_eq!(title_slug(title).as_deref(), want, "{title}");
        }
        let long = "a".repeat(70);
        assert_eq!(title_slug(&long).unwrap().len(), MAX_SLUG);
        for (title, _) in cases {
            assert!(
                title_slug(title).is_none_or(|s| s.len() <= MAX_SLUG),
                "{title}"
            );
        }
    }

    #[test]
    fn refuses_what_the_loader_refuses() {
        let cases: [(&str, &[u8], &str); 5] = [
            (
                "a.md",
                b"ok\n\xff",
                "error: invalid UTF-8: byte 0xff at offset 3 is not valid UTF-8\n --> a.md:2:1\n",
            ),
            (
                "a.txt",
                b"x\0",
                "error: binary file: contains a NUL byte, not text\n --> a.txt:1:1\n",
            ),
            (
                "a.md",
                b"---\ntitel: x\n---\nb\n",
                "error: invalid front matter: unknown field `titel`\n --> a.md:2:1\n",
            ),
            (
                "a.md",
                b"---\nid: a/b\n---\nb\n",
                "error: invalid id `a/b`: `/` is not allowed\n --> a.md:2:1\n",
            ),
            (
                "a.txt",
                b"Only a title\n\n",
                "error: no body text\n --> a.txt\n",
            ),
        ];
        for (name, bytes, want) in cases {
            let r = prepare(
                Source::File(Path::new(name)),
                bytes,
                &flags(),
                Path::new("c"),
            );
            let (usage, msg) = refusal(r);
            assert!(!usage);
            assert!(msg.starts_with(want), "{msg}");
        }
    }

    #[test]
    fn flags_are_checked_together() {
        let raw = RawFlags {
            id: Some("a b".into()),
            published: Some("May 2023".into()),
            url: Some("example.org".into()),
            outlet: Some(" ".into()),
            ..RawFlags::default()
        };
        let errors: Vec<String> = Flags::parse(raw)
            .unwrap_err()
            .iter()
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(
            errors,
            [
                "--outlet is empty",
                "invalid --id `a b`: ` ` is not allowed",
                "invalid --published: expected a date like 2023-10-05, 2023-10 or 2023, found `May 2023`",
                "invalid --url `example.org`: expected an http(s) URL",
            ]
        );
        for (url, ok) in [
            ("https://x.org", true),
            ("HTTP://x.org/a?b#c", true),
            ("https://", false),
            ("https:///path", false),
            ("ftp://x.org", false),
            ("https://x.org/a b", false),
        ] {
            assert_eq!(looks_like_url(url), ok, "{url}");
        }
    }

    #[test]
    fn hash_ignores_line_endings_and_surrounding_space() {
        assert_eq!(body_hash("\n a\r\nb \n\n"), body_hash("a\nb"));
        assert_ne!(body_hash("a\nb"), body_hash("a b"));
    }
}

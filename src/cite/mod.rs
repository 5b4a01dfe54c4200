//! Footnotes and the sources list, from document metadata.
//!
//! The citations come from hayagriva's CSL processor with one of its bundled
//! note styles (Chicago notes, 18th edition, by default): it knows the full
//! first note, the short form for later notes and the bibliography order,
//! which are easy to get subtly wrong by hand. This module maps
//! [`Document`] metadata onto hayagriva entries and hands back
//! format-independent [`Rich`] text for the Markdown and PDF renderers.
//!
//! Mapping decisions (see `entry.rs`):
//! - a document with an outlet is a newspaper article in that outlet (the
//!   outlet is italicised as the periodical); without one, a web page;
//! - dates keep their precision ("2024", "May 2024", "May 5, 2024"), and a
//!   missing date is left out, never "n.d.";
//! - names print as written; "Family, Given" is inverted in the bibliography;
//!   several names are separated by `;`;
//! - the translator is credited ("trans."), the editor is not: Chicago does
//!   not cite the editor of a news article;
//! - an unsigned document is cited by its title, never under its translator
//!   or outlet;
//! - a document with neither title nor URL is cited by its id;
//! - a translation's original is credited after the first note and the
//!   bibliography entry: "Originally published as …", formatted by the same
//!   style. (Chicago's CSL prints `original-*` data only in the bibliography,
//!   without the URL, and hayagriva would lend the original's outlet and date
//!   to the translation, so the original is rendered on its own.)

mod entry;
mod memo;
mod names;
mod rich;
mod short_title;
pub mod store;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use hayagriva::archive::ArchivedStyle;
use hayagriva::citationberg::taxonomy::{Locator, OtherTerm, Term};
use hayagriva::citationberg::{IndependentStyle, Locale, LocaleCode, Style, StyleClass};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, Entry, LocatorPayload,
    Rendered, SpecificLocator,
};

use crate::corpus::Document;
use crate::suggest::did_you_mean;
use entry::Piece;
pub use rich::{Rich, Run};
pub use short_title::short_title;
pub use store::CiteStore;

/// The style used when a brief names none.
pub const DEFAULT_STYLE: &str = "chicago-notes";

/// One footnote's citation: the document and, when the note supports a
/// quote, figure or excerpt, the paragraphs it stands in.
#[derive(Debug, Clone, Copy)]
pub struct Cite<'a> {
    pub doc: &'a Document,
    pub at: Option<Paragraphs>,
}

/// Paragraphs `first..=last` of a document's body, counted from 1 as a
/// reader counts them: the locator ("para. 14", "paras. 3–4") that leads a
/// reader of the brief to the place in a long source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Paragraphs {
    pub first: usize,
    pub last: usize,
}

impl Paragraphs {
    pub fn one(n: usize) -> Paragraphs {
        Paragraphs { first: n, last: n }
    }

    /// The locator with its label, for the notes brief sets itself
    /// ("para. 14", "paras. 3–4"), as Chicago's style sets them.
    fn labelled(&self) -> String {
        let label = if self.last > self.first {
            "paras."
        } else {
            "para."
        };
        format!("{label} {}", self.locator())
    }

    /// The locator as CSL reads it: a range makes the label plural.
    fn locator(&self) -> String {
        if self.last > self.first {
            format!("{}–{}", self.first, self.last)
        } else {
            self.first.to_string()
        }
    }
}

/// Citations of one brief.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Cited {
    /// One note per cite, in the order cited.
    pub notes: Vec<Rich>,
    /// For each cite, its document's short form without a locator or a
    /// closing period ("Huang, “Mass Exodus?”"): what a table's Source
    /// column or a chart's source line prints beside the note mark.
    pub short: Vec<Rich>,
    /// Each cited document once, with its id, in the style's order.
    pub sources: Vec<(String, Rich)>,
}

/// A loaded note style with the locales it needs; build once, cite many times.
#[derive(Debug)]
pub struct Citer {
    style: IndependentStyle,
    /// The same style without its bibliography: hayagriva renders a style's
    /// bibliography on every `finish`, and most renders here want only
    /// notes (a note style's notes do not depend on its bibliography).
    notes_only: IndependentStyle,
    locales: &'static [Locale],
    /// Whether the style's locale puts periods and commas inside quotation marks.
    punctuation_in_quote: bool,
    /// "Ibid." for a note citing the same source as the one before it.
    ibid: bool,
    /// Renders already made, shared by every brief cited with this `Citer`.
    memo: memo::Memo,
    /// The style's name, which (with `ibid`) keys the notes in `store`.
    name: String,
    /// Notes made by earlier runs, when the build keeps them.
    store: Option<Arc<CiteStore>>,
}

impl Citer {
    /// `name` is a hayagriva archive style name, e.g. "chicago-notes" (the default).
    ///
    /// Only note styles make sense for footnotes: an author-date or numeric
    /// style would put "(Huang 2024)" or "[1]" in a footnote. Any other name is
    /// an error naming the nearest note style, or listing them.
    pub fn new(name: &str) -> Result<Citer, String> {
        // Decoding a style from hayagriva's archive costs as much as citing
        // a dozen sources; a build's specs mostly share one style.
        static LOADED: Mutex<Vec<(String, Citer)>> = Mutex::new(Vec::new());
        let mut loaded = LOADED.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, citer)) = loaded.iter().find(|(n, _)| n == name) {
            return Ok(citer.fresh());
        }
        let citer = Citer::load(name)?;
        loaded.push((name.to_string(), citer.fresh()));
        Ok(citer)
    }

    /// A copy of this citer's style and locales, with nothing cited yet.
    fn fresh(&self) -> Citer {
        Citer {
            style: self.style.clone(),
            notes_only: self.notes_only.clone(),
            locales: self.locales,
            punctuation_in_quote: self.punctuation_in_quote,
            ibid: false,
            memo: memo::Memo::default(),
            name: self.name.clone(),
            store: None,
        }
    }

    fn load(name: &str) -> Result<Citer, String> {
        let Some(archived) = ArchivedStyle::by_name(name) else {
            return Err(format!(
                "unknown citation style `{name}`; {}",
                suggestion(name)
            ));
        };
        let Style::Independent(mut style) = archived.get() else {
            return Err(format!(
                "citation style `{name}` is not a note style; {}",
                suggestion(name)
            ));
        };
        if style.settings.class != StyleClass::Note {
            return Err(format!(
                "citation style `{name}` puts citations in the text, but footnotes need a note style; {}",
                suggestion(name)
            ));
        }
        style.locale.iter_mut().for_each(without_no_date);
        let locales = locale_files(&style_language(&style));
        let punctuation_in_quote = punctuation_in_quote(&style, locales);
        let notes_only = IndependentStyle {
            bibliography: None,
            ..style.clone()
        };
        Ok(Citer {
            style,
            notes_only,
            locales,
            punctuation_in_quote,
            ibid: false,
            memo: memo::Memo::default(),
            name: name.to_string(),
            store: None,
        })
    }

    /// Cites a source cited in the note just before as "Ibid." (with its
    /// own locator). Off by default: CMOS 18 (13.37) prefers short notes,
    /// which read on their own when a note is moved or deleted.
    pub fn with_ibid(mut self, ibid: bool) -> Citer {
        self.ibid = ibid;
        self
    }

    /// Takes notes made by earlier runs from `store`, and keeps those it
    /// makes there.
    pub fn with_store(mut self, store: Option<Arc<CiteStore>>) -> Citer {
        self.store = store;
        self
    }

    /// The note-class style names, for help text.
    pub fn note_styles() -> Vec<&'static str> {
        note_style_names().iter().map(|names| names[0]).collect()
    }

    /// `cites` lists, in footnote order, which document each footnote cites.
    ///
    /// Returns one note per cite — the style's full note the first time a
    /// document is cited, its short (subsequent) form afterwards — and the
    /// bibliography ("Sources") entries for every cited document, in the
    /// style's order, each with the document id. Documents are told apart by id.
    pub fn cite(&self, cites: &[Cite]) -> Cited {
        let Some(store) = &self.store else {
            return self.cite_afresh(cites);
        };
        let key = store::key(&self.name, self.ibid, cites);
        if let Some(found) = store.get(&key) {
            return found;
        }
        let cited = self.cite_afresh(cites);
        store.put(key, &cited);
        cited
    }

    /// [`Citer::cite`] through hayagriva.
    fn cite_afresh(&self, cites: &[Cite]) -> Cited {
        let (docs, which) = distinct(cites);
        let pieces: Vec<Piece> = docs.iter().map(|d| Piece::document(d)).collect();
        let entries: Vec<Entry> = pieces.iter().map(Piece::entry).collect();
        let locators: Vec<Option<String>> =
            cites.iter().map(|c| c.at.map(|p| p.locator())).collect();
        // A document that states nothing citable is cited as what it is.
        let bare: Vec<Option<Rich>> = docs.iter().map(|d| bare_note(d, None)).collect();
        // The bibliography prints names in its own form ("Huang Liling", not
        // "Huang, Liling"), so it is rendered from its own entries.
        let bibliography_entries: Vec<Entry> =
            pieces.iter().map(Piece::bibliography_entry).collect();

        // The style's renders below are independent of one another, and
        // hayagriva takes milliseconds for each citation: they run side by
        // side (most of a brief's resolving, before its PDF can start).
        let notes_render = || {
            self.notes(
                which
                    .iter()
                    .zip(&locators)
                    .map(|(&i, at)| (&entries[i], at.as_deref())),
            )
        };
        let content_render = || {
            self.render(bibliography_entries.iter().map(|e| (e, None)))
                .bibliography
        };
        let ((rendered, originals), (shorts, (content, order))) = rayon::join(
            || rayon::join(notes_render, || self.originals(&docs)),
            || {
                rayon::join(
                    || self.short_forms(&entries, &pieces, &bare),
                    || rayon::join(content_render, || self.sorted(&pieces)),
                )
            },
        );

        let mut seen = vec![false; docs.len()];
        let mut first = vec![Rich::default(); docs.len()];
        let notes = rendered
            .citations
            .iter()
            .zip(&which)
            .zip(cites)
            .map(|((c, &i), cite)| {
                if bare[i].is_some() {
                    return bare_note(docs[i], cite.at).unwrap_or_default();
                }
                let mut note = self.rich(&c.citation);
                pieces[i].unquote_supplied(&mut note);
                if !std::mem::replace(&mut seen[i], true) {
                    first[i] = note.clone();
                    if let Some(credit) = &originals[i] {
                        note.end_sentence();
                        note.extend(credit.clone());
                    }
                } else if !note.plain().chars().any(char::is_alphanumeric) {
                    // A short form needs an author or a title; a document known
                    // only by its URL is cited in full again.
                    note = first[i].clone();
                }
                note
            })
            .collect();
        let notes = if self.ibid {
            ibid(notes, &which, cites)
        } else {
            notes
        };

        let mut content: HashMap<String, Rich> = content
            .map(|b| {
                b.items
                    .into_iter()
                    .map(|i| (i.key, self.rich(&i.content)))
                    .collect()
            })
            .unwrap_or_default();
        let index: HashMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let sources = order
            .into_iter()
            .filter_map(|item| {
                let mut rich = content.remove(&item.key)?;
                if let Some(&i) = index.get(item.key.as_str()) {
                    pieces[i].unquote_supplied(&mut rich);
                }
                if let Some(note) = index.get(item.key.as_str()).and_then(|&i| bare[i].clone()) {
                    return Some((item.key, note));
                }
                if let Some(credit) = index
                    .get(item.key.as_str())
                    .and_then(|&i| originals[i].clone())
                {
                    rich.end_sentence();
                    rich.extend(credit);
                }
                Some((item.key, rich))
            })
            .collect();
        let short = which.iter().map(|&i| shorts[i].clone()).collect();
        Cited {
            notes,
            short,
            sources,
        }
    }

    /// "Originally published as …" for each document that is a translation.
    fn originals(&self, docs: &[&Document]) -> Vec<Option<Rich>> {
        docs.iter()
            .map(|d| {
                let entry = Piece::original(d)?.entry();
                let note = self
                    .notes(std::iter::once((&entry, None)))
                    .citations
                    .first()?
                    .citation
                    .clone();
                let note = self.rich(&note);
                (!note.0.is_empty()).then(|| {
                    let mut credit = Rich(vec![Run::plain(" Originally published as ")]);
                    credit.extend(note);
                    credit
                })
            })
            .collect()
    }

    /// The ids of the documents `cites` cites, once each, in the order
    /// [`Citer::cite`] lists them as sources (the style's bibliography
    /// order), without formatting any note: what a pass that only needs to
    /// know what a brief shows asks for.
    pub fn order(&self, cites: &[Cite]) -> Vec<String> {
        let (docs, _) = distinct(cites);
        let pieces: Vec<Piece> = docs.iter().map(|d| Piece::document(d)).collect();
        self.sorted(&pieces).into_iter().map(|i| i.key).collect()
    }

    /// The bibliography of `pieces` rendered from their sort entries: its
    /// items are in the order the sources are listed.
    fn sorted(&self, pieces: &[Piece]) -> Vec<hayagriva::BibliographyItem> {
        let sort_entries: Vec<Entry> = pieces.iter().map(Piece::sort_entry).collect();
        self.render(sort_entries.iter().map(|e| (e, None)))
            .bibliography
            .map(|b| b.items)
            .unwrap_or_default()
    }

    /// Each document's short note without a locator, read from the second
    /// of two citations of it (the style's subsequent form), its closing
    /// period taken off so it can stand in a table cell or a list.
    fn short_forms(&self, entries: &[Entry], pieces: &[Piece], bare: &[Option<Rich>]) -> Vec<Rich> {
        let rendered = self.notes(entries.iter().flat_map(|e| [(e, None), (e, None)]));
        let citations = &rendered.citations;
        (0..entries.len())
            .map(|i| {
                if let Some(bare) = &bare[i] {
                    let mut b = bare.clone();
                    b.trim_final_period();
                    return b;
                }
                let pick = |n: usize| {
                    citations.get(n).map(|c| {
                        let mut r = self.rich(&c.citation);
                        pieces[i].unquote_supplied(&mut r);
                        r.trim_final_period();
                        r
                    })
                };
                match pick(2 * i + 1) {
                    Some(r) if r.plain().chars().any(char::is_alphanumeric) => r,
                    _ => pick(2 * i).unwrap_or_default(),
                }
            })
            .collect()
    }

    /// One footnote per entry, numbered from 1, and the bibliography.
    fn render<'a>(
        &'a self,
        entries: impl Iterator<Item = (&'a Entry, Option<&'a str>)>,
    ) -> Rendered {
        self.render_with(&self.style, entries)
    }

    /// One footnote per entry, numbered from 1, without a bibliography.
    fn notes<'a>(
        &'a self,
        entries: impl Iterator<Item = (&'a Entry, Option<&'a str>)>,
    ) -> Rendered {
        self.render_with(&self.notes_only, entries)
    }

    /// Renders through the memo: the same request twice is rendered once.
    fn render_with<'a>(
        &'a self,
        style: &'a IndependentStyle,
        entries: impl Iterator<Item = (&'a Entry, Option<&'a str>)>,
    ) -> Rendered {
        let key = memo::Key::new(style.bibliography.is_some(), entries);
        self.memo
            .get_or_render(&key, || self.drive(style, key.citations()))
    }

    /// One footnote per entry, numbered from 1, and the bibliography when
    /// `style` has one.
    fn drive<'b>(
        &self,
        style: &'b IndependentStyle,
        entries: impl Iterator<Item = (&'b Entry, Option<&'b str>)>,
    ) -> Rendered {
        let mut driver = BibliographyDriver::new();
        for (n, (entry, at)) in entries.enumerate() {
            let locator = at.map(|at| SpecificLocator(Locator::Paragraph, LocatorPayload::Str(at)));
            driver.citation(CitationRequest::new(
                vec![CitationItem::with_locator(entry, locator)],
                style,
                None,
                self.locales,
                Some(n + 1),
            ));
        }
        driver.finish(BibliographyRequest::new(style, None, self.locales))
    }

    fn rich(&self, elems: &hayagriva::ElemChildren) -> Rich {
        Rich::from_elems(elems, self.punctuation_in_quote)
    }
}

/// The documents `cites` cites, once each in first-cite order, and for each
/// cite the index of its document among them. Documents are told apart by id.
fn distinct<'a>(cites: &[Cite<'a>]) -> (Vec<&'a Document>, Vec<usize>) {
    let mut docs: Vec<&Document> = Vec::new();
    let mut which = Vec::with_capacity(cites.len());
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for Cite { doc, .. } in cites {
        let i = *by_id.entry(doc.id.as_str()).or_insert_with(|| {
            docs.push(doc);
            docs.len() - 1
        });
        which.push(i);
    }
    (docs, which)
}

/// hayagriva's bundled locale files, decoded once per process.
/// The locale files a style can fall back to: those of its own language and
/// American English (hayagriva's last resort). Decoding all 64 archived
/// locales costs about 20 ms, most of a brief's citation work, so only these
/// are decoded, once per language per process; each file's language is read
/// first without building its terms.
fn locale_files(language: &str) -> &'static [Locale] {
    static DECODED: Mutex<Vec<(String, &'static [Locale])>> = Mutex::new(Vec::new());
    let mut decoded = DECODED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, files)) = decoded.iter().find(|(l, _)| l == language) {
        return files;
    }
    let wanted = |lang: &str| {
        let base = lang.split('-').next().unwrap_or(lang);
        base == language || lang == "en-US"
    };
    let mut files: Vec<Locale> = hayagriva::archive::LOCALES
        .iter()
        .filter(|bytes| {
            ciborium::from_reader::<LangOnly, _>(**bytes)
                .ok()
                .and_then(|l| l.lang)
                .is_some_and(|lang| wanted(&lang))
        })
        .filter_map(|bytes| ciborium::from_reader::<Locale, _>(*bytes).ok())
        .collect();
    files.iter_mut().for_each(without_no_date);
    // A handful of languages at most per process: leaking keeps `Citer` free
    // of lifetimes and the files shared between every `Citer`.
    let files: &'static [Locale] = Box::leak(files.into_boxed_slice());
    decoded.push((language.to_string(), files));
    files
}

/// Just a locale file's language.
#[derive(serde::Deserialize)]
struct LangOnly {
    #[serde(rename = "@xml:lang")]
    lang: Option<String>,
}

/// The base language of a style's default locale (`en` when it names none).
fn style_language(style: &IndependentStyle) -> String {
    let code = style
        .default_locale
        .clone()
        .unwrap_or_else(LocaleCode::en_us);
    code.0.split('-').next().unwrap_or("en").to_string()
}

/// Starts decoding the citation locales on another thread, so a command
/// that will cite overlaps that work with loading the corpus and fonts.
pub fn warm_up() {
    std::thread::spawn(|| {
        locale_files("en");
    });
}

/// Without the "no date" term a style leaves a missing date out instead of
/// printing "n.d.", which a reader would take for a fact about the source
/// when it is only a gap in our metadata.
fn without_no_date(locale: &mut Locale) {
    if let Some(terms) = &mut locale.terms {
        terms
            .terms
            .retain(|t| t.name != Term::Other(OtherTerm::NoDate));
    }
}

/// "did you mean `…`?" over the note styles, or the list of them.
fn suggestion(name: &str) -> String {
    let all = note_style_names()
        .iter()
        .flat_map(|names| names.iter().copied());
    match did_you_mean(name, all) {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("note styles are: {}", Citer::note_styles().join(", ")),
    }
}

/// Every name (with aliases) of every bundled note style; decoding all styles
/// takes a while, so it is done once and only when asked.
fn note_style_names() -> &'static [&'static [&'static str]] {
    static NAMES: OnceLock<Vec<&'static [&'static str]>> = OnceLock::new();
    NAMES.get_or_init(|| {
        ArchivedStyle::all()
            .iter()
            .filter(|s| {
                matches!(s.get(), Style::Independent(style) if style.settings.class == StyleClass::Note)
            })
            .map(|s| s.names())
            .collect()
    })
}

/// The locale's `punctuation-in-quote` option, looked up the way hayagriva
/// looks up terms: the style's own locales first, then the locale files.
fn punctuation_in_quote(style: &IndependentStyle, files: &[Locale]) -> bool {
    let code = style
        .default_locale
        .clone()
        .unwrap_or_else(LocaleCode::en_us);
    let base = code.0.split('-').next().unwrap_or_default().to_string();
    let option = |l: &Locale| {
        l.style_options
            .as_ref()
            .and_then(|o| o.punctuation_in_quote)
    };
    let matches = |l: &Locale, own: bool| match &l.lang {
        Some(lang) => lang.0 == code.0 || lang.0 == base,
        None => own,
    };
    style
        .locale
        .iter()
        .filter(|l| matches(l, true))
        .chain(files.iter().filter(|l| matches(l, false)))
        .find_map(option)
        .unwrap_or(false)
}

#[cfg(test)]
mod tests;

/// Each note that cites the same document as the note before it becomes
/// "Ibid." with its own locator ("Ibid., para. 14."; CMOS 18, 13.37).
fn ibid(mut notes: Vec<Rich>, which: &[usize], cites: &[Cite]) -> Vec<Rich> {
    for i in 1..notes.len() {
        if which[i] != which[i - 1] {
            continue;
        }
        let text = match cites[i].at {
            Some(at) if cites[i - 1].at != Some(at) => format!("Ibid., {}.", at.labelled()),
            _ => "Ibid.".to_string(),
        };
        notes[i] = Rich(vec![Run::plain(text)]);
    }
    notes
}

/// What a document's notes lack to lead a reader to it, or `None` when it
/// states enough: a title (its own or a supplied description) and where it
/// was published (an outlet or a URL, its own or its original's). `brief
/// check` warns with this.
pub fn too_thin(doc: &Document) -> Option<Vec<&'static str>> {
    let p = Piece::document(doc);
    let mut missing = Vec::new();
    if p.title.is_none() {
        missing.push("title");
    }
    // A translation is found through its original as well.
    let found_at = |p: &Piece| p.outlet.is_some() || p.url.is_some();
    if !found_at(&p) && !Piece::original(doc).is_some_and(|o| found_at(&o)) {
        missing.push("outlet or URL");
    }
    if p.published.is_none() {
        missing.push("date");
    }
    // A source that cannot be found is worth a warning, with all it lacks;
    // one that lacks only a title or a date is still found by its outlet or URL.
    missing.contains(&"outlet or URL").then_some(missing)
}

/// The note for a document that states nothing citable (no title, URL,
/// author, translator, outlet or date), or `None`. Chicago cites what there
/// is; here there is nothing but the fact that the source is undated, and
/// the corpus id is no part of the source. `brief check` warns about such
/// documents.
fn bare_note(doc: &Document, at: Option<Paragraphs>) -> Option<Rich> {
    let p = Piece::document(doc);
    let stated = p.url.is_some()
        || p.author.is_some()
        || p.outlet.is_some()
        || p.translator.is_some()
        || p.published.is_some()
        || p.title.is_some();
    (!stated).then(|| {
        let text = match at {
            None => "Untitled document, n.d.".to_string(),
            Some(p) => format!("Untitled document, n.d., {}.", p.labelled()),
        };
        Rich(vec![Run::plain(text)])
    })
}

//! Document metadata → hayagriva entries.
//!
//! Everything here is data mapping; the wording and punctuation are the
//! style's. The few places where the data is bent to get a correct citation
//! out of the CSL processor say why.

use std::str::FromStr;

use hayagriva::Entry;
use hayagriva::types::{
    Date, EntryType, FormatString, Person, PersonRole, PersonsWithRoles, QualifiedUrl, StringChunk,
};

use super::names::{Name, literal};
use super::short_title::short_title;
use crate::corpus::{Document, PartialDate};

/// Starts the name of the author that stands in for an unsigned document's,
/// which is cut from the output again (see [`super::rich`]).
///
/// Without an author, CSL styles substitute the translator (Chicago prints
/// "Luisetta Mudie, “Title”", crediting the translator as the writer) or the
/// outlet (and then print the article's title in italics, as if it were a
/// book). With a placeholder author neither happens: the note starts with the
/// title, and the translator keeps the "trans." that says who they are.
pub(super) const PLACEHOLDER: char = '\u{E000}';

/// The placeholder author of the document with this key. Each is different,
/// so that no style takes two unsigned documents for the same author's (and
/// prints "———" for the second).
fn placeholder(key: &str) -> Person {
    literal(&format!("{PLACEHOLDER}{key}"))
}

/// Untrusted text as a hayagriva string: one verbatim chunk. A chunk built
/// directly is never parsed for hayagriva's `{…}`/`$…$` markup, and verbatim
/// keeps styles from re-casing it: sources' titles are quoted as published
/// (hayagriva's title-caser turns "Xi Jinping, the number" into "Xi Jinping,
/// The Number" and "back\slash" into "Back\slash").
fn text(s: &str) -> FormatString {
    FormatString::from(StringChunk::verbatim(s))
}

/// A title with its short form for later notes, both verbatim.
fn title(full: &str, short: Option<&str>) -> FormatString {
    let mut t = text(full);
    t.short = short.map(|s| Box::new(StringChunk::verbatim(s).into()));
    t
}

/// The same precision as stated: a year-only date stays a year (hayagriva
/// counts months and days from zero).
fn date(d: &PartialDate) -> Date {
    let zero_based = |n: Option<u32>| n.and_then(|n| u8::try_from(n.checked_sub(1)?).ok());
    Date {
        year: d.year,
        month: zero_based(d.month),
        day: d.month.and(zero_based(d.day)),
        approximate: false,
        season: None,
    }
}

/// Persons from a front-matter name field. Several persons are separated by
/// `;` only: " and " also occurs inside organisation names ("Committee for
/// Freedom and Democracy"), and a wrong split would feed "et al." rules.
pub(super) fn names(s: &str) -> Vec<Name> {
    s.split(';')
        .map(|p| p.trim().trim_start_matches(PLACEHOLDER))
        .filter(|p| !p.is_empty())
        .map(Name::parse)
        .collect()
}

fn persons(s: &str, bibliography: bool) -> Vec<Person> {
    names(s)
        .iter()
        .map(|n| {
            if bibliography {
                n.bibliography_person()
            } else {
                n.person()
            }
        })
        .collect()
}

/// The fields of a published piece, shared by a document and its original.
pub(super) struct Piece<'a> {
    pub key: String,
    pub title: Option<&'a str>,
    /// The title's form for later notes: the front matter's, else cut from the title.
    pub short_title: Option<String>,
    /// The title is a description the analyst supplied, not the source's own.
    pub title_supplied: bool,
    pub author: Option<&'a str>,
    pub translator: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub published: Option<&'a PartialDate>,
    pub url: Option<&'a str>,
}

impl<'a> Piece<'a> {
    /// The cited document itself.
    ///
    /// A missing title stays missing: the corpus id is a file name, not what
    /// the source calls itself, and never appears in a note.
    pub fn document(doc: &'a Document) -> Piece<'a> {
        let m = &doc.meta;
        let title = nonempty(m.title.as_deref());
        let url = url(m.url.as_deref());
        let author = nonempty(m.author.as_deref());
        let outlet = nonempty(m.outlet.as_deref());
        Piece {
            key: doc.id.clone(),
            title,
            short_title: nonempty(m.short_title.as_deref())
                .map(str::to_string)
                .or_else(|| title.and_then(short_title)),
            title_supplied: m.title_supplied && title.is_some(),
            author,
            translator: nonempty(m.translator.as_deref()),
            outlet,
            published: m.published.as_ref(),
            url,
        }
    }

    /// The original of a translated document, if it says anything.
    ///
    /// The original's author is left out when it is the translation's author
    /// too, as in "Huang Liling, “Mass Exodus?” … Originally published as
    /// “大逃亡?…”": repeating the name adds nothing.
    pub fn original(doc: &'a Document) -> Option<Piece<'a>> {
        let o = doc.meta.original.as_ref()?;
        let author = nonempty(o.author.as_deref()).filter(|a| {
            nonempty(doc.meta.author.as_deref()).is_none_or(|own| own.trim() != a.trim())
        });
        let piece = Piece {
            key: format!("{}\u{0}original", doc.id),
            title: nonempty(o.title.as_deref()),
            short_title: None,
            title_supplied: false,
            author,
            translator: None,
            outlet: nonempty(o.outlet.as_deref()),
            published: o.published.as_ref(),
            url: url(o.url.as_deref()),
        };
        // A date alone does not identify anything.
        (piece.title.is_some() || piece.outlet.is_some() || piece.url.is_some()).then_some(piece)
    }

    /// The entry to render, as a newspaper article when the outlet is known
    /// and as a web page otherwise (a bare hayagriva article is a "preprint"
    /// to CSL).
    pub fn entry(&self) -> Entry {
        self.entry_for(false)
    }

    /// The entry the bibliography prints: as [`Piece::entry`], with names
    /// in the bibliography's form (see [`Name::bibliography_person`]).
    pub fn bibliography_entry(&self) -> Entry {
        self.entry_for(true)
    }

    fn entry_for(&self, bibliography: bool) -> Entry {
        let mut e = self.bare_entry();
        let authors = self
            .author
            .map(|a| persons(a, bibliography))
            .filter(|a| !a.is_empty());
        e.set_authors(authors.unwrap_or_else(|| vec![placeholder(&self.key)]));
        if let Some(t) = self
            .translator
            .map(|t| persons(t, bibliography))
            .filter(|t| !t.is_empty())
        {
            e.set_affiliated(vec![PersonsWithRoles::new(t, PersonRole::Translator)]);
        }
        if let Some(outlet) = self.outlet {
            let mut paper = Entry::new(&format!("{}\u{0}outlet", self.key), EntryType::Newspaper);
            paper.set_title(text(outlet));
            e.set_parents(vec![paper]);
        }
        e
    }

    /// The entry the bibliography is sorted by: the same, except that an
    /// unsigned piece is filed under its title (hayagriva then skips a leading
    /// "The", as Chicago does), or its URL, instead of under the placeholder.
    /// Left unsigned, it would be sorted apart from the signed ones.
    pub fn sort_entry(&self) -> Entry {
        if self.author.map(names).is_some_and(|a| !a.is_empty()) {
            return self.bibliography_entry();
        }
        let mut e = self.bare_entry();
        if let Some(key) = self.title.or(self.url) {
            e.set_authors(vec![literal(key)]);
        }
        e
    }

    /// Sets a supplied (descriptive) title, full or short, in plain roman.
    pub fn unquote_supplied(&self, text: &mut super::Rich) {
        if self.title_supplied {
            for t in self.title.into_iter().chain(self.short_title.as_deref()) {
                text.unquote(t);
            }
        }
    }

    fn bare_entry(&self) -> Entry {
        let kind = if self.outlet.is_some() {
            EntryType::Article
        } else {
            EntryType::Web
        };
        let mut e = Entry::new(&self.key, kind);
        if let Some(t) = self.title {
            e.set_title(title(t, self.short_title.as_deref()));
        }
        if let Some(d) = self.published {
            e.set_date(date(d));
        }
        if let Some(u) = self.url.and_then(|u| QualifiedUrl::from_str(u).ok()) {
            e.set_url(u);
        }
        e
    }
}

/// A string that is not a URL cannot be linked; it is left out rather than
/// printed as if it were one.
fn url(s: Option<&str>) -> Option<&str> {
    s.map(str::trim)
        .filter(|u| QualifiedUrl::from_str(u).is_ok())
}

fn nonempty(s: Option<&str>) -> Option<&str> {
    s.filter(|s| !s.trim().is_empty())
}

//! The document model: one source article, its metadata and its verbatim body.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize, Serializer};

use super::corrections::Corrections;
use super::date::PartialDate;

/// Source metadata from front matter. Every field is optional because a field
/// the source does not state must stay absent rather than be guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// Stable slug other files refer to; defaults to the file stem. The
    /// loader moves it to `Document::id`, so listings never show it twice;
    /// `corpus add` writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The title's form for later notes ("Mass Exodus?"); derived from the
    /// title when absent (see `cite::short_title`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<String>,
    /// `title` is a description the analyst supplied for a source that has
    /// no title of its own: Chicago prints it without quotation marks.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub title_supplied: bool,
    /// The publication the document appeared in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Who translated it, when the document is a translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translator: Option<String>,
    /// An editor the document credits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor: Option<String>,
    /// Also read as `date:`, the key Quarto, Hugo and Jekyll write.
    #[serde(default, alias = "date", skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// BCP 47 language tag of the body text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Analyst-chosen topics, used by selectors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The original, when this document is a translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<Original>,
    /// For a data file (`.csv`): the unit of its numbers (`percent`, `USD`);
    /// absent for counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The analyst's corrections of what extraction finds in this document
    /// (a quote's speaker or role, a figure's label), by item id.
    #[serde(default, skip_serializing_if = "Corrections::is_empty")]
    pub corrections: Corrections,
}

/// Where a translated document came from, so citations can credit both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Original {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Also read as `date:`, the key Quarto, Hugo and Jekyll write.
    #[serde(default, alias = "date", skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// How the body is structured, which decides how it splits into paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// CommonMark: blank lines separate paragraphs, `#` lines are headings.
    Markdown,
    /// Plain text: every non-empty line is a paragraph.
    Text,
    /// A data file (`.csv`): a table for charts, with nothing to extract.
    Data,
}

/// One source document. `body` is verbatim: every span extracted later is a
/// byte range into it, so a quote can always be checked against its source.
/// Serialized as its id, path, metadata and word count (see the `Serialize`
/// impl below).
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    /// The file, as found under the corpus directory the user named.
    pub path: PathBuf,
    pub meta: Metadata,
    /// The body's word count, made on first use ([`Document::words`]): only
    /// `corpus list` and `corpus show` print it, and counting reads every
    /// byte of the corpus, which loading for extraction or a build need not.
    /// Leave it empty (`Default::default()`) when building a document.
    pub word_count: OnceLock<usize>,
    pub format: Format,
    pub body: String,
    /// Byte offset of the body in the file, to turn body spans into file lines.
    pub body_offset: usize,
    /// The 1-based line of the file on which the body starts, so that a
    /// warning about a spot in the body can name the file's line.
    pub body_line: usize,
}

impl Document {
    /// The body's words, as [`count_words`] counts them; counted once, on
    /// the first call.
    pub fn words(&self) -> usize {
        *self.word_count.get_or_init(|| count_words(&self.body))
    }
}

/// What a document shows as JSON (`corpus list --json`, `corpus show
/// --json`): its id, path, metadata and word count, never its body.
#[derive(Serialize)]
struct Shown<'a> {
    id: &'a str,
    path: &'a Path,
    #[serde(flatten)]
    meta: &'a Metadata,
    words: usize,
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Shown {
            id: &self.id,
            path: &self.path,
            meta: &self.meta,
            words: self.words(),
        }
        .serialize(serializer)
    }
}

/// Counts words the way a reader would: runs of letters or digits, and each
/// CJK character on its own (Chinese has no spaces between words).
pub fn count_words(text: &str) -> usize {
    super::word_blocks::count_words(text)
}

/// Whether `text` has at least `n` words, as [`count_words`] counts them. Stops
/// reading once it has: the quote pass asks this of every quoted span, and
/// only needs to tell a quotation from a scare quote.
pub fn has_words(text: &str, n: usize) -> bool {
    super::word_blocks::count_words_until(text, n) >= n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words() {
        let cases = [
            ("", 0),
            ("Xi Jinping’s message", 3),
            ("a 12-times increase, 4,271 people", 5),
            ("习近平 (Xi)", 4),
            ("  -- ! ", 0),
        ];
        for (text, want) in cases {
            assert_eq!(count_words(text), want, "{text}");
            for n in 0..=want + 1 {
                assert_eq!(has_words(text, n), want >= n, "{text} {n}");
            }
        }
    }
}

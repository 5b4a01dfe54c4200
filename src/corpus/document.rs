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
    count_words_until(text, n) >= n
}

/// [`count_words`], stopping at `limit` words.
pub(super) fn count_words_until(text: &str, limit: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < text.len() && words < limit {
        i = count_step(text, i, &mut in_word, &mut words);
    }
    words
}

/// Reads the character (or the ASCII run of letters and digits) at byte `i`
/// of the count: adds the word it starts, if it starts one, updates whether
/// a word is open, and returns where the next character starts.
#[inline(always)]
pub(super) fn count_step(text: &str, i: usize, in_word: &mut bool, words: &mut usize) -> usize {
    // Runs on every body at load time, so ASCII takes a byte-level path.
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b == b' ' || b == b'\n' {
        *in_word = false;
        return i + 1;
    }
    if b < 0x80 {
        if ascii_alnum(b) {
            *words += usize::from(!*in_word);
            *in_word = true;
            // The rest of an ASCII run changes nothing: skip it in a tight loop.
            let mut i = i + 1;
            while i < bytes.len() && ascii_alnum(bytes[i]) {
                i += 1;
            }
            return i;
        }
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        let prev = if i > 0 { bytes[i - 1] } else { b' ' };
        // Apostrophes and hyphens join words ("Xi's", "year-on-year");
        // separators join digits ("4,271").
        let joins_word =
            matches!(b, b'\'' | b'-') && (next.is_ascii_alphanumeric() || next >= 0x80);
        let joins_number =
            matches!(b, b',' | b'.') && prev.is_ascii_digit() && next.is_ascii_digit();
        *in_word = *in_word && (joins_word || joins_number);
        return i + 1;
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    if is_general_punctuation(c) {
        // Curly quotes and dashes: common, and never letters (see the test),
        // so they skip the Unicode tables.
        *in_word = *in_word && c == '’';
    } else if crate::text::is_cjk(c) {
        *words += 1;
        *in_word = false;
    } else if c.is_alphanumeric() {
        *words += usize::from(!*in_word);
        *in_word = true;
    } else if c != '’' {
        *in_word = false;
    }
    i + c.len_utf8()
}

/// `b.is_ascii_alphanumeric()` as one table load instead of three range tests:
/// it is asked of nearly every byte of every document.
pub(super) fn ascii_alnum(b: u8) -> bool {
    static TABLE: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = (b as u8).is_ascii_alphanumeric();
            b += 1;
        }
        t
    };
    TABLE[usize::from(b)]
}

/// U+2000–U+206F: spaces, dashes, quotation marks, bullets; no letters or digits.
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_punctuation_has_no_letters() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(
                is_general_punctuation(c) && !c.is_alphanumeric() && !crate::text::is_cjk(c),
                "{c:?}"
            );
        }
    }

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

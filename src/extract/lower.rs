//! Lowercase without allocating, for comparing words against lowercase lists.
//!
//! The quote pass and sentence splitting lowercase nearly every word they
//! look at ("The", "He", names) only to compare it with a list; a heap string
//! per word was a tenth of the quote pass. ASCII words up to [`INLINE`] bytes
//! are folded on the stack; anything else takes `str::to_lowercase`, so the
//! result is always exactly `word.to_lowercase()`.

use std::fmt;
use std::ops::Deref;

/// Longest ASCII word folded on the stack.
const INLINE: usize = 24;

/// `word.to_lowercase()`, borrowed when the word already is lowercase.
pub enum Lower<'a> {
    Same(&'a str),
    Folded([u8; INLINE], usize),
    Owned(String),
}

/// The lowercase form of `word`; equal to `word.to_lowercase()`.
pub fn lower(word: &str) -> Lower<'_> {
    let bytes = word.as_bytes();
    if word.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return Lower::Same(word);
        }
        if bytes.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            for (d, s) in buf.iter_mut().zip(bytes) {
                *d = s.to_ascii_lowercase();
            }
            return Lower::Folded(buf, bytes.len());
        }
    } else if word.chars().all(lowercase_already) {
        return Lower::Same(word);
    }
    Lower::Owned(word.to_lowercase())
}

/// Whether `c.to_lowercase()` is `c` itself. Words with a curly apostrophe
/// ("China’s") or in Chinese are common and take this path; ASCII, general
/// punctuation (U+2000–U+206F) and CJK ideographs are answered without a
/// search of the Unicode case tables (the unit test checks every character).
fn lowercase_already(c: char) -> bool {
    match c {
        '\0'..='\x7F' => !c.is_ascii_uppercase(),
        '\u{2000}'..='\u{206F}' | '\u{4E00}'..='\u{9FFF}' => true,
        _ => c.to_lowercase().eq([c]),
    }
}

impl Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            // Folded ASCII is always UTF-8.
            Lower::Folded(buf, len) => std::str::from_utf8(&buf[..*len]).unwrap_or_default(),
            Lower::Owned(s) => s,
        }
    }
}

impl fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl fmt::Debug for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_shortcuts_agree_with_the_case_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(lowercase_already(c), c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    #[test]
    fn equals_to_lowercase() {
        for word in [
            "",
            "said",
            "The",
            "NYT",
            "Asylum-Seeker",
            "AN-EXTREMELY-LONG-ASCII-WORD-INDEED",
            "Xi’an",
            "ÉCOLE",
            "\u{212A}elvin",
            "İstanbul",
            "ǅemal",
            "ΣΑΣ",
            "习近平",
            "China’s",
            "CHINA’S",
        ] {
            assert_eq!(&*lower(word), word.to_lowercase(), "{word}");
        }
    }
}

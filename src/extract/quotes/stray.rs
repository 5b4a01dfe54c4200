//! Quotations whose marks cannot be paired: a closing mark lost (in OCR or
//! transcription) makes the quote run on over its own attribution,
//! `“A, the Minister said. “B.”`. Which mark is missing is a guess, so the
//! quote is left out and a warning points at it: printing "the Minister
//! said" as words somebody said is worse than printing nothing.

use std::ops::Range;

use super::scan::{Marked, scan};
use super::sieves;

/// The most words an attribution swallowed between two parts may have.
const MAX_WORDS: usize = 8;

/// What to make of a quotation whose marks cannot be paired.
#[derive(Debug, PartialEq, Eq)]
pub enum Unpaired {
    /// Leave it out.
    Drop,
    /// Keep only the quotation that opens after the attribution it took in
    /// (`“A, he added, “B.”` keeps “B.”: its marks are not in doubt).
    Keep(Marked),
}

/// Whether a quotation's text takes in its own attribution: an opening mark
/// inside it right after `, X said.`, or an unclosed quotation that ends
/// with `, X said.`. `None` when it does not.
pub fn check(text: &str, m: &Marked) -> Option<Unpaired> {
    let inner = &text[m.inner.clone()];
    for i in opening_marks(inner) {
        if !inner[..i].ends_with(char::is_whitespace) {
            continue;
        }
        if ends_with_attribution(inner[..i].trim_end()) {
            // The marks from the inner one on, read again on their own.
            let from = m.inner.start + i;
            let to = m.outer_end(text.len());
            let Some(first) = scan(&text[from..to]).into_iter().next() else {
                return Some(Unpaired::Drop);
            };
            let shift = |r: Range<usize>| r.start + from..r.end + from;
            return Some(Unpaired::Keep(Marked {
                open: shift(first.open),
                close: first.close.map(shift),
                inner: shift(first.inner),
            }));
        }
    }
    (m.close.is_none() && ends_with_attribution(inner.trim_end())).then_some(Unpaired::Drop)
}

/// Where `“` and `"` start in `text`, in order. Every quotation is read
/// for them and most hold none: a `"` or a `0x9C` byte (the last byte of
/// `“`, E2 80 9C, and rare in other text) is found with the `memchr`
/// crate's SIMD search, without decoding a character.
fn opening_marks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'"', 0x9C, bytes).filter_map(move |p| match bytes[p] {
        b'"' => Some(p),
        _ if p >= 2 && bytes[p - 2..p] == [0xE2, 0x80] => Some(p - 2),
        _ => None,
    })
}

/// Whether a quotation's text takes in its own attribution.
#[cfg(test)]
fn swallows_attribution(text: &str, m: &Marked) -> bool {
    check(text, m).is_some()
}

/// Whether `text` ends with a clause `, X said.` (or `said X:`), set off from
/// the words before it by a comma or a sentence's end.
fn ends_with_attribution(text: &str) -> bool {
    let Some(body) = text.strip_suffix(['.', ',', ':']) else {
        return false;
    };
    let Some(from) = body.rfind([',', '.', '?', '!']) else {
        return false;
    };
    let clause = &text[from + 1..];
    clause.split_whitespace().count() <= MAX_WORDS
        && !clause.contains(['“', '”', '"'])
        && sieves::after(clause)
            .is_some_and(|f| matches!(f.sieve, "quote-speaker-verb" | "quote-verb-speaker"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_marks_as_char_indices() {
        let long = "x".repeat(40);
        for text in [
            "",
            "no marks at all, just ’apostrophes’ and — dashes",
            "a “b” c \"d\" “",
            &format!("{long}“{long}\"{long}“"),
            &format!("{}“ split “ across", "y".repeat(30)),
            "“",
            "\u{2F1C}\u{201C}",
        ] {
            let want: Vec<usize> = text
                .char_indices()
                .filter(|&(_, c)| matches!(c, '“' | '"'))
                .map(|(i, _)| i)
                .collect();
            assert_eq!(opening_marks(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    fn swallows(text: &str) -> Vec<bool> {
        scan(text)
            .iter()
            .map(|m| swallows_attribution(text, m))
            .collect()
    }

    #[test]
    fn a_lost_closing_mark_is_caught() {
        // The mark after "roads" is lost: the quote would take in "the Minister said".
        assert_eq!(
            swallows("“We will fix the roads, the Minister said. “Every one of them.”"),
            [true]
        );
        assert_eq!(
            swallows("“We will fix the roads this year, said Jane Roe."),
            [true]
        );
    }

    #[test]
    fn well_formed_quotes_are_not() {
        assert_eq!(
            swallows("“We will fix the roads,” the Minister said. “Every one of them.”"),
            [false, false]
        );
        // An attribution inside a quoted account of someone else is no sign.
        assert_eq!(
            swallows("“My mother told us, and she said it often, to “work hard every day.”"),
            [false]
        );
        assert_eq!(
            swallows("She said: “we will keep going until the end"),
            [false]
        );
    }

    #[test]
    fn the_quotation_after_the_attribution_is_kept() {
        let text = "“We will fix the roads, the Minister said. “Every one of them.”";
        let m = &scan(text)[0];
        let Some(Unpaired::Keep(kept)) = check(text, m) else {
            panic!("kept")
        };
        assert_eq!(&text[kept.inner], "Every one of them.");
        assert_eq!(&text[kept.close.unwrap()], "”");
    }
}

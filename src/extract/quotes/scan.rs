//! Finding quotation marks: which marks open and close a quotation, with the
//! irregular typography real articles have.
//!
//! - Curly marks say which way they face; straight `"` and `'` open after a
//!   space or opening bracket and close otherwise.
//! - A single-quoted quotation may close with a double mark (‘…” occurs).
//! - `’` between letters is an apostrophe ("That’s"), never a closing mark.
//! - A `“` inside an open quotation is a nested quote if a closing mark follows
//!   within a few words (“Chinese “police stations” have…); otherwise it is a
//!   stray mark inside the quotation (… as “evidence. After …,”).
//! - A double quotation left open runs to the end of the paragraph; a single
//!   one left open is dropped, since a lone `‘` is far more often an apostrophe.
//! - Stray marks from OCR or transcription are read as meant where only one
//!   reading is possible: a curly mark doubled (`““`) is one mark; `“` after
//!   a word and before a space closes (`?“ he asked`); `”` at a paragraph's
//!   or quotation's start before a letter opens. Where no reading is sure,
//!   [`super::stray`] leaves the quote out.

use std::ops::Range;

use smallvec::{SmallVec, smallvec};

use crate::extract::text::trim_range;

/// One quotation as marked up in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// Byte range of the opening mark.
    pub open: Range<usize>,
    /// Byte range of the closing mark; `None` when left unclosed.
    pub close: Option<Range<usize>>,
    /// The quoted words between the marks, whitespace trimmed.
    pub inner: Range<usize>,
}

impl Marked {
    /// Where the quotation, marks included, ends.
    pub fn outer_end(&self, text_len: usize) -> usize {
        self.close.as_ref().map_or(text_len, |c| c.end)
    }
}

/// How many words a nested quotation may run before we call its mark stray.
const NESTED_WORDS: usize = 8;
/// … and how many bytes, so that a run of marks cannot make the scan quadratic.
const NESTED_BYTES: usize = 120;

/// A character that may be a quotation mark, and where it is.
#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    c: char,
}

impl Mark {
    fn end(&self) -> usize {
        self.pos + self.c.len_utf8()
    }
}

/// A paragraph's candidate marks: a few pairs of quotation marks and the
/// dashes and apostrophes that share their lead bytes, on the stack.
type Marks = SmallVec<[Mark; 16]>;

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '„' | '«' | '»')
}

/// The possible marks in `text`. Only their bytes are decoded: the rest of
/// the paragraph is skipped at memory speed.
fn candidates(text: &str) -> Marks {
    let bytes = text.as_bytes();
    let may = |b: &u8| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2);
    let mut out = Marks::new();
    // Without a 0xC2 (`«`, `»`, a no-break space), which English text rarely
    // has, the other three lead bytes are found with the `memchr` crate's
    // SIMD search; every paragraph of the corpus is searched here.
    if memchr::memchr(0xC2, bytes).is_none() {
        for pos in memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes) {
            consider(text, pos, &mut out);
        }
        return out;
    }
    // Whole 32-byte blocks are tested without an early exit inside, which
    // the compiler vectorises; only blocks with a possible mark are read.
    for (n, block) in bytes.chunks(32).enumerate() {
        if !block.iter().fold(false, |any, b| any | may(b)) {
            continue;
        }
        for (k, b) in block.iter().enumerate() {
            if may(b) {
                consider(text, n * 32 + k, &mut out);
            }
        }
    }
    out
}

/// Adds the mark at byte `pos`, whose byte may lead one, if it is one.
#[inline]
fn consider(text: &str, pos: usize, out: &mut Marks) {
    if let Some(c) = text.get(pos..).and_then(|t| t.chars().next())
        && is_mark(c)
        && !inner_apostrophe(text.as_bytes(), pos, c)
    {
        // A curly mark doubled by a slip of the keyboard or the OCR
        // is one mark: the inner one, so the quoted words start and
        // end where they should.
        let doubled = matches!(c, '“' | '”')
            && out
                .last()
                .is_some_and(|p: &Mark| p.c == c && p.end() == pos);
        if doubled && c == '“' {
            out.pop();
        }
        if !(doubled && c == '”') {
            out.push(Mark { pos, c });
        }
    }
}

/// `’` or `'` between ASCII letters or digits ("China’s", "don't"): an
/// apostrophe, which no rule reads as opening or closing a quotation
/// ([`opens_single`], [`closes_single`] and the double-mark rules all turn
/// it down), so it is left out of the candidates. English news has one in
/// most sentences, and each cost a pass through every rule. Leaving it out
/// changes no pairing: the rules that walk the candidates only skip it.
fn inner_apostrophe(bytes: &[u8], pos: usize, c: char) -> bool {
    matches!(c, '’' | '\'')
        && pos > 0
        && bytes[pos - 1].is_ascii_alphanumeric()
        && bytes
            .get(pos + c.len_utf8())
            .is_some_and(u8::is_ascii_alphanumeric)
}

pub fn scan(text: &str) -> Vec<Marked> {
    let marks = candidates(text);
    if marks.is_empty() {
        return Vec::new();
    }
    // For each candidate, the next one that can close a single quotation,
    // found in one backward pass so that many unclosed `‘` stay linear.
    let mut next_single_close: SmallVec<[Option<usize>; 16]> = smallvec![None; marks.len() + 1];
    for k in (0..marks.len()).rev() {
        let closes = closes_single(text, marks[k]) || marks[k].c == '”';
        next_single_close[k] = if closes {
            Some(k)
        } else {
            next_single_close[k + 1]
        };
    }
    let mut out = Vec::new();
    let mut k = 0;
    while k < marks.len() {
        let m = marks[k];
        let double = opens_double(text, m) || opens_reversed(text, m);
        let single = !double && opens_single(text, m);
        if !double && !single {
            k += 1;
            continue;
        }
        let close = if double {
            find_double_close(text, &marks, k + 1)
        } else {
            next_single_close[k + 1]
        };
        if single && close.is_none() {
            k += 1;
            continue;
        }
        let open = m.pos..m.end();
        let close_range = close.map(|c| marks[c].pos..marks[c].end());
        let inner_end = close_range.as_ref().map_or(text.len(), |c| c.start);
        out.push(Marked {
            inner: trim_range(text, open.end..inner_end),
            open,
            close: close_range,
        });
        k = close.map_or(marks.len(), |c| c + 1);
    }
    out
}

fn prev(text: &str, m: Mark) -> Option<char> {
    text[..m.pos].chars().next_back()
}

fn next(text: &str, m: Mark) -> Option<char> {
    text[m.end()..].chars().next()
}

fn opening_context(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '【'
            )
    })
}

fn opens_double(text: &str, m: Mark) -> bool {
    match m.c {
        '“' | '„' | '«' => next(text, m).is_some_and(|c| !c.is_whitespace()),
        '"' => opening_context(prev(text, m)) && next(text, m).is_some_and(|c| !c.is_whitespace()),
        _ => false,
    }
}

/// `”` written where `“` is meant: outside any quotation, after a space or
/// at the start, and before a letter.
fn opens_reversed(text: &str, m: Mark) -> bool {
    m.c == '”' && opening_context(prev(text, m)) && next(text, m).is_some_and(char::is_alphanumeric)
}

fn opens_single(text: &str, m: Mark) -> bool {
    let letter_next = next(text, m).is_some_and(char::is_alphanumeric);
    match m.c {
        '‘' => letter_next && !prev(text, m).is_some_and(char::is_alphanumeric),
        '\'' => letter_next && opening_context(prev(text, m)),
        _ => false,
    }
}

fn closes_double(text: &str, m: Mark) -> bool {
    match m.c {
        '”' | '»' => true,
        '"' => prev(text, m).is_some_and(|c| !c.is_whitespace()) || after_inner_close(text, m),
        // `?“ he asked`: after a word and before a space, `“` can only close.
        '“' => {
            prev(text, m).is_some_and(|c| !c.is_whitespace())
                && next(text, m).is_none_or(|c| c.is_whitespace())
        }
        _ => false,
    }
}

/// `"…, 'Oh, this matters,' " Roe said`: a straight `"` set off by a space
/// from the single mark that closes a quotation inside it, and not before a
/// word, closes (typesetters space the two marks apart so they read apart).
fn after_inner_close(text: &str, m: Mark) -> bool {
    text[..m.pos].ends_with(" ")
        && text[..m.pos - 1].ends_with(['\'', '’'])
        && !text[..m.pos - 1].ends_with(" '")
        && !next(text, m).is_some_and(char::is_alphanumeric)
}

/// `’` or `'` that ends a quotation rather than sitting inside a word.
fn closes_single(text: &str, m: Mark) -> bool {
    if m.c != '’' && m.c != '\'' {
        return false;
    }
    let before = prev(text, m);
    let after = next(text, m);
    let apostrophe =
        before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric);
    !apostrophe && before.is_some_and(|c| !c.is_whitespace())
}

fn find_double_close(text: &str, marks: &[Mark], from: usize) -> Option<usize> {
    let mut k = from;
    while k < marks.len() {
        if opens_double(text, marks[k]) {
            if let Some(c) = nested_close(text, marks, k) {
                k = c + 1;
                continue;
            }
        } else if closes_double(text, marks[k]) {
            return Some(k);
        }
        k += 1;
    }
    None
}

/// The closing mark of a nested quotation opened by `marks[open]`, if one
/// comes within a few words.
///
/// The words before each mark are counted on from the last mark's, not again
/// from the start: a run of marks (“““…) asks this at every mark.
fn nested_close(text: &str, marks: &[Mark], open: usize) -> Option<usize> {
    let start = marks[open].end();
    // Words in `text[start..read]`, and whether `read` is inside one.
    let (mut read, mut words, mut in_word) = (start, 0, false);
    for (k, m) in marks.iter().enumerate().skip(open + 1) {
        if m.pos > start + NESTED_BYTES {
            return None;
        }
        for c in text[read..m.pos].chars() {
            let space = c.is_whitespace();
            words += usize::from(!space && !in_word);
            in_word = !space;
        }
        read = m.pos;
        if words > NESTED_WORDS {
            return None;
        }
        if closes_double(text, *m) {
            return Some(k);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<(&str, bool)> {
        scan(text)
            .into_iter()
            .map(|m| (&text[m.inner], m.close.is_some()))
            .collect()
    }

    #[test]
    fn finds_quotations() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            (
                "He said “one two three four,” and left.",
                &[("one two three four,", true)],
            ),
            (
                "He said \"one two\" and 'three four' too.",
                &[("one two", true), ("three four", true)],
            ),
            (
                "‘We have no choice. That’s why we go.” Then.",
                &[("We have no choice. That’s why we go.", true)],
            ),
            (
                "‘Disillusioned about China’, more Chinese",
                &[("Disillusioned about China", true)],
            ),
            ("It’s the “run” movement, Xi’an’s don’t.", &[("run", true)]),
            // A spaced `"` after an inner closing `'` closes the quotation.
            (
                "\"They say, 'Oh, this matters,' \" Roe said. \"Not now.\"",
                &[("They say, 'Oh, this matters,'", true), ("Not now.", true)],
            ),
            (
                "as a “national rejuvenation.",
                &[("national rejuvenation.", false)],
            ),
            (
                "“Chinese “police stations” have also been identified here.",
                &[(
                    "Chinese “police stations” have also been identified here.",
                    false,
                )],
            ),
            (
                "“About 70% … as “evidence. After getting asylum, some return to the party,” Jie explained.",
                &[(
                    "About 70% … as “evidence. After getting asylum, some return to the party,",
                    true,
                )],
            ),
            ("“One,” he said. “Two.”", &[("One,", true), ("Two.", true)]),
            // Stray marks read as meant.
            (
                "“Can you do it?“ he asked. ““We will try our best,” she said.",
                &[("Can you do it?", true), ("We will try our best,", true)],
            ),
            (
                "”We will try our best,” she said.",
                &[("We will try our best,", true)],
            ),
            ("the ’90s and rock ’n’ roll", &[]),
            ("a lone ‘ mark", &[]),
            ("5' 10\" tall", &[]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text}");
        }
    }

    #[test]
    fn spans_point_at_the_marks() {
        let text = "x “ab cd” y";
        let m = &scan(text)[0];
        assert_eq!(&text[m.open.clone()], "“");
        assert_eq!(&text[m.close.clone().unwrap()], "”");
        assert_eq!(m.outer_end(text.len()), text.find(" y").unwrap());
    }
}

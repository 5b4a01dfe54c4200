//! Quick filters that let text skip the figure rules. Most paragraphs of a
//! real corpus hold no amount, and most words of one that does cannot start
//! one; telling so from a digit search, or from a word's first two letters
//! and length ([`Shapes`]), is much cheaper than tokenizing the paragraph or
//! reading the word against the vocabulary. Both filters may say "maybe" too
//! often but never too rarely: whatever they pass is read by the real rules,
//! so they change how fast figures are found, never which. Debug builds check
//! that claim on every paragraph and token they skip.

use super::hanzi;
use crate::extract::figures::lex::{HIGH, Kind, Tok, ascii_letter, letter_bits, letters_end};
use crate::extract::figures::shape::Shapes;
use crate::extract::figures::words::{self as w, Lower};

/// Words an amount can start with, besides digits and currency symbols: see
/// [`super::parse_at`] and [`super::spelled::in_words`]. "…fold"
/// words are caught by [`fold_like`].
static STARTERS: Shapes = Shapes::EMPTY
    .with_keys(w::SMALL_NUMBERS)
    .with_keys(w::CURRENCY_CODES)
    .with_words(&["a", "an", "half"]);

/// The number words a paragraph needs for an amount without digits: "a"
/// and "an" start one only before a scale or a fraction, which are here.
static NUMBER_WORDS: Shapes = Shapes::EMPTY
    .with_keys(w::SMALL_NUMBERS)
    .with_keys(w::SCALES)
    .with_keys(w::FRACTIONS);

/// "fourteenfold", "Hundredfold": the shortest is "twofold".
fn fold_like(word: &[u8]) -> bool {
    word.len() >= 7 && word[word.len() - 4..].eq_ignore_ascii_case(b"fold")
}

/// Whether an amount may start at this token; `false` means
/// [`super::parse_at`] would find none there.
#[inline]
pub(super) fn may_start(t: &Tok) -> bool {
    match t.kind {
        Kind::Num => true,
        // Of the ASCII marks (nearly all: commas, full stops, brackets)
        // only "$" is a currency symbol; the others are looked up.
        Kind::Mark => match t.text.as_bytes() {
            [b] if b.is_ascii() => *b == b'$',
            _ => w::currency_symbol(t.text).is_some(),
        },
        Kind::Word => {
            let b = t.text.as_bytes();
            STARTERS.may_contain(b) || fold_like(b) || (b[0] >= 0xE4 && hanzi::may_start(t))
        }
    }
}

/// The words "a" and "an" start an amount before: a scale ("a million")
/// or a fraction ("a third of"); see [`super::spelled::in_words`].
static AFTER_ARTICLE: Shapes = Shapes::EMPTY.with_keys(w::SCALES).with_keys(w::FRACTIONS);

/// [`may_start`] for token `i`, with a look at the next token for "a" and
/// "an": the commonest starters by far, and an amount only when a scale or
/// a fraction follows them as a word after a space ("a million", "a third
/// of"). Before any other word after a space, `in_words` reads them as no
/// amount, so they are stepped over without reading them.
#[inline]
pub(super) fn may_start_at(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    if !may_start(t) {
        return false;
    }
    let article = t.kind == Kind::Word
        && (t.text.eq_ignore_ascii_case("a") || t.text.eq_ignore_ascii_case("an"));
    match toks.get(i + 1) {
        Some(n) if article && n.kind == Kind::Word && n.gap => {
            AFTER_ARTICLE.may_contain(n.text.as_bytes())
        }
        _ => true,
    }
}

/// Whether a paragraph may hold an amount: one is written in ASCII digits
/// (money too: a currency needs digits after it) or starts with a number word
/// ("two", "a million", "half of", "fourteenfold") or a Chinese numeral ("三万"). Words are read as runs of
/// ASCII letters, which is exact for the words that matter: the lists are
/// ASCII, and a word token never has an ASCII letter just outside it.
pub(crate) fn may_hold(text: &str) -> bool {
    has_digit(text.as_bytes()) || has_number_word(text)
}

/// In blocks without an early exit inside, which the compiler vectorises.
fn has_digit(bytes: &[u8]) -> bool {
    let mut blocks = bytes.chunks_exact(32);
    let digit_in = |block: &[u8]| block.iter().fold(false, |any, b| any | b.is_ascii_digit());
    blocks.any(digit_in) || digit_in(blocks.remainder())
}

/// Whether some run of ASCII letters in `text` is a number word, or a
/// Chinese numeral starts somewhere. Eight bytes at a time: the runs'
/// starts are the letters after no letter, found for the whole block at
/// once; the bytes between words are never visited one by one. Every
/// sentence without digits of a paragraph with a figure is read here.
fn has_number_word(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = 0;
    // The high bit of the first byte set when the byte before the block
    // is a letter: a word going on is no start.
    let mut carry = 0u64;
    while let Some(eight) = b.get(i..i + 8) {
        let x = <[u8; 8]>::try_from(eight).map_or(0, u64::from_le_bytes);
        if x & HIGH != 0 && chinese_numeral_in(text, i) {
            return true;
        }
        let letters = letter_bits(x);
        let mut starts = letters & !((letters << 8) | carry);
        while starts != 0 {
            let start = i + (starts.trailing_zeros() / 8) as usize;
            // A "…fold" word opens as its number does ("twofold").
            if NUMBER_WORDS.may_open(&b[start..]) {
                let end = letters_end(b, start);
                if may_be_number_word(&b[start..end]) && number_word(&text[start..end]) {
                    return true;
                }
            }
            starts &= starts - 1;
        }
        carry = (letters >> 63) << 7;
        i += 8;
    }
    // The last bytes, one by one; a word going on was read from its start.
    if carry != 0 {
        i = letters_end(b, i);
    }
    number_word_from(text, i)
}

/// [`has_number_word`] for `text[i..]` (`i` not inside a word), a byte at
/// a time: the last bytes of a text, and what the tests hold the block
/// reader to.
fn number_word_from(text: &str, mut i: usize) -> bool {
    let b = text.as_bytes();
    while i < b.len() {
        if !ascii_letter(b[i]) {
            if chinese_numeral_at(text, i) {
                return true;
            }
            i += 1;
            continue;
        }
        let start = i;
        i = letters_end(b, i);
        if may_be_number_word(&b[start..i]) && number_word(&text[start..i]) {
            return true;
        }
    }
    false
}

/// [`number_word`]'s shape test, which nearly every word fails: asked
/// inline, so only the few that pass pay for a call.
#[inline(always)]
fn may_be_number_word(word: &[u8]) -> bool {
    NUMBER_WORDS.may_contain(word) || fold_like(word)
}

/// Whether a Chinese numeral starts at one of the eight bytes from `i`.
#[cold]
fn chinese_numeral_in(text: &str, i: usize) -> bool {
    (i..i + 8).any(|k| chinese_numeral_at(text, k))
}

/// Whether a Chinese numeral starts at byte `i` (a CJK ideograph is three
/// bytes, the first 0xE4..=0xE9).
#[inline]
fn chinese_numeral_at(text: &str, i: usize) -> bool {
    (0xE4..=0xE9).contains(&text.as_bytes()[i]) && text.get(i..i + 3).is_some_and(hanzi::starts)
}

/// A number, scale, fraction or "…fold" word, in any case, looked up.
/// Asked only of the words [`may_be_number_word`] lets through.
fn number_word(word: &str) -> bool {
    let lw = Lower::new(word);
    let s = lw.as_str();
    w::small_number(s).is_some()
        || w::scale(s).is_some()
        || w::fraction(s).is_some()
        || w::fold(s).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs() {
        for yes in [
            "It rose 5%.",
            "Two people left.",
            "a THIRD of them",
            "a fourteenfold surge",
            "HALF of all",
            "a million",
        ] {
            assert!(may_hold(yes), "{yes:?}");
        }
        for no in [
            "No figures here.",
            "someone’s tone",
            "Twofolded",
            "",
            "中国",
        ] {
            assert!(!may_hold(no), "{no:?}");
        }
    }

    /// The block reader answers as a reader of one byte at a time does,
    /// on words across block edges, at the text's end, beside wide
    /// characters and Chinese numerals.
    #[test]
    fn number_words_by_blocks() {
        let slow = |text: &str| number_word_from(text, 0);
        let pieces = [
            "seven", "Seventy", "ten", "often", "tens", "xten", "a", "half", "halfway", "twofold",
            "manifold", "million", "bn", "the", "’", "é", "中", "三", "十", " ", ",", ".", "-",
            "“", "\n", "abcdefgh", "thousand", "s",
        ];
        // Every text of up to three pieces, and each after 0 to 8 bytes of
        // padding, so every piece meets every block edge.
        let mut texts = vec![String::new()];
        for _ in 0..3 {
            let mut longer = Vec::new();
            for t in &texts {
                for p in pieces {
                    longer.push(format!("{t}{p}"));
                }
            }
            texts.extend(longer);
        }
        let mut checked = 0;
        for t in &texts {
            for pad in 0..9 {
                for filler in ["x", " "] {
                    let text = format!("{}{t}", filler.repeat(pad));
                    assert_eq!(has_number_word(&text), slow(&text), "{text:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000);
    }

    /// What [`may_start_at`] steps over, `parse_at` finds no amount at; and
    /// it does step over an article before an ordinary word.
    #[test]
    fn articles_before_words_that_cannot_follow() {
        use super::super::parse_at;
        use crate::extract::figures::lex::tokenize;
        let text = "a man, A Million, an eighth of a pie, a 5, an, a-third, a “third”, \
                    a hundred and two, An half, a quarter of a billion dollars, a";
        let toks = tokenize(text);
        for i in 0..toks.len() {
            if !may_start_at(&toks, i) {
                assert!(parse_at(&toks, i).is_none(), "{:?}", toks[i]);
            }
        }
        let starts = |word: &str| {
            let k = toks.iter().position(|t| t.text == word).expect("in text");
            may_start_at(&toks, k - 1)
        };
        assert!(!starts("man"));
        assert!(starts("Million"));
        assert!(starts("eighth"));
        assert!(starts("hundred"));
    }

    #[test]
    fn starters() {
        use crate::extract::figures::lex::tokenize;
        let text = "An RMB 5 the Two twentyfold half $ % of 50-Fifty";
        let got: Vec<bool> = tokenize(text).iter().map(may_start).collect();
        let want = [
            true, true, true, false, true, true, true, true, false, false, true, false, true,
        ];
        assert_eq!(got, want);
    }
}

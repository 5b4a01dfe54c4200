//! Tokens: the words, numbers and marks of a paragraph with their byte spans
//! and whether whitespace precedes them, so the figure rules can tell
//! "60-mile" from "60 mile" and "U.S.$160" from "U.S. $160" by looking at
//! neighbouring tokens instead of re-reading bytes.

use std::ops::Range;

use super::words::Lower;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters (any script), with inner apostrophes: "Jinping’s", "习近平".
    Word,
    /// ASCII digits with thousands separators and one decimal part: "1,158.5".
    Num,
    /// Any other single character: "$", "%", "(", "—".
    Mark,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub kind: Kind,
    pub text: &'a str,
    /// Byte offset in the paragraph; the token ends at [`Tok::end`].
    pub start: usize,
    /// Whitespace separates this token from the one before.
    pub gap: bool,
}

impl<'a> Tok<'a> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    pub fn lower(&self) -> Lower<'a> {
        match self.kind {
            Kind::Word => Lower::new(self.text),
            _ => Lower::new(""),
        }
    }

    pub fn is_word(&self, w: &str) -> bool {
        self.kind == Kind::Word && self.text.eq_ignore_ascii_case(w)
    }

    pub fn is_mark(&self, m: &str) -> bool {
        self.kind == Kind::Mark && self.text == m
    }

    /// A word ending in "’s" or "'s": "Cruz’s", "Ocean's".
    pub fn possessive(&self) -> bool {
        self.text.ends_with("’s") || self.text.ends_with("'s")
    }

    pub fn capitalised(&self) -> bool {
        self.kind == Kind::Word && self.text.starts_with(|c: char| c.is_uppercase())
    }

    pub fn is_dash(&self) -> bool {
        self.kind == Kind::Mark && matches!(self.text, "-" | "‐" | "‑" | "–")
    }
}

/// Splits a paragraph into tokens in one pass; whitespace is dropped but
/// remembered in [`Tok::gap`].
pub(super) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, 0..text.len(), &mut toks);
    toks
}

/// [`tokenize`] for the part `span` of `text` (whole characters, and not
/// inside a word), appended to `toks` with spans in `text`: the tokens the
/// whole text would have there. Every sentence that may hold a figure goes
/// through here, so ASCII (nearly all of an English text) is classified byte
/// by byte and only other characters are decoded.
pub(super) fn tokenize_into<'a>(text: &'a str, span: Range<usize>, toks: &mut Vec<Tok<'a>>) {
    // Words and numbers end where the part does.
    let text = &text[..span.end];
    let bytes = text.as_bytes();
    let mut i = span.start;
    // As the loop below tells whitespace: ASCII by its class, others decoded.
    let mut gap = text[..i].chars().next_back().is_none_or(|c| {
        if c.is_ascii() {
            c.is_ascii_whitespace()
        } else {
            c.is_whitespace()
        }
    });
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        // One table load sorts the byte; letters come first, spaces next.
        let kind = match CLASS[usize::from(b)] {
            LETTER => {
                // Most words end in ASCII that is no apostrophe: found by
                // the eight-byte scan here, without a call.
                let end = letters_end(bytes, i + 1);
                i = match bytes.get(end) {
                    Some(&b) if !b.is_ascii() || b == b'\'' => word_end(text, end),
                    _ => end,
                };
                Kind::Word
            }
            SPACE => {
                gap = true;
                i += 1;
                continue;
            }
            DIGIT => {
                i = number_end(bytes, i);
                // "4¼ per cent", "5 ½ years": a whole number and a fraction sign.
                let spaced = usize::from(bytes.get(i) == Some(&b' '));
                let sign = fraction_len(bytes, i + spaced);
                if sign > 0 {
                    i += spaced + sign;
                }
                Kind::Num
            }
            // ".002 per cent": a decimal without its leading zero.
            DOT if gap && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                i = number_end(bytes, i + 1);
                Kind::Num
            }
            DOT | MARK => {
                i += 1;
                Kind::Mark
            }
            _ if let sign @ 1.. = fraction_len(bytes, i) => {
                i += sign;
                Kind::Num
            }
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                if c.is_whitespace() {
                    gap = true;
                    continue;
                }
                if cjk(c) {
                    // One ideograph a token: Chinese has no spaces, and "116万人"
                    // is a number, a scale and the noun it counts.
                    Kind::Word
                } else if alphabetic(c) {
                    i = word_end(text, i);
                    Kind::Word
                } else {
                    Kind::Mark
                }
            }
        };
        toks.push(Tok {
            kind,
            text: &text[start..i],
            start,
            gap,
        });
        // Most tokens are followed by one space: taken here, without another
        // turn of the loop.
        gap = bytes.get(i) == Some(&b' ');
        i += usize::from(gap);
    }
}

/// Byte classes for [`tokenize`]: an ASCII letter, ASCII whitespace, a digit,
/// a full stop, any other ASCII byte, and the lead or continuation bytes of
/// other characters.
const LETTER: u8 = 0;
const SPACE: u8 = 1;
const DIGIT: u8 = 2;
const DOT: u8 = 3;
const MARK: u8 = 4;
const WIDE: u8 = 5;

static CLASS: [u8; 256] = {
    let mut t = [WIDE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_whitespace() {
            SPACE
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'.' {
            DOT
        } else {
            MARK
        };
        b += 1;
    }
    t
};

/// The end of a word whose letters continue at `from`: letters of any
/// script, and an apostrophe (`'` or `’`) with a letter after it.
fn word_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        i = letters_end(bytes, i);
        let Some(&b) = bytes.get(i) else {
            return i;
        };
        if b == b'\'' {
            if !letter_at(text, i + 1) {
                return i;
            }
            i += 1;
        } else if b.is_ascii() {
            return i;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            let inner_apostrophe = c == '’' && letter_at(text, i + c.len_utf8());
            if cjk(c) || !(alphabetic(c) || inner_apostrophe) {
                return i;
            }
            i += c.len_utf8();
        }
    }
}

/// The end of the run of ASCII letters from byte `i`. Eight bytes at a
/// time: every word of a paragraph that may hold a figure is read here
/// (by the tokenizer, and by the gate for paragraphs without digits), and a
/// byte at a time cost a table load, a test and a branch per letter.
pub(super) fn letters_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(eight) = bytes.get(i..i + 8) {
        let x = <[u8; 8]>::try_from(eight).map_or(0, u64::from_le_bytes);
        let stop = !letter_bits(x) & HIGH;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|&b| ascii_letter(b)) {
        i += 1;
    }
    i
}

const ONES: u64 = 0x0101_0101_0101_0101;
pub(super) const HIGH: u64 = 0x8080_8080_8080_8080;

/// For eight bytes in a `u64` (the first lowest): the high bit of each
/// byte that is an ASCII letter. Folded to lowercase (`| 0x20`, which sends
/// no other byte into `a..=z`), each byte's low seven bits are compared
/// with `a` and `z` with its high bit set, so no byte borrows from the
/// next; bytes above 0x7F are then cleared.
pub(super) fn letter_bits(x: u64) -> u64 {
    let h = x | (ONES * 0x20) | HIGH;
    let at_least_a = h.wrapping_sub(ONES * u64::from(b'a')) & HIGH;
    let above_z = h.wrapping_sub(ONES * u64::from(b'z' + 1)) & HIGH;
    at_least_a & !above_z & !x
}

/// `b.is_ascii_alphabetic()` as one table load instead of two range tests:
/// it is asked of nearly every byte of a paragraph that may hold a figure.
pub(super) fn ascii_letter(b: u8) -> bool {
    static TABLE: [bool; 256] = {
        let mut t = [false; 256];
        let mut b = 0;
        while b < 256 {
            t[b] = (b as u8).is_ascii_alphabetic();
            b += 1;
        }
        t
    };
    TABLE[usize::from(b)]
}

/// A CJK ideograph: each is a token of its own.
pub(super) fn cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Whether a token is one CJK ideograph.
pub(super) fn is_cjk(t: &Tok) -> bool {
    t.kind == Kind::Word && t.text.chars().next().is_some_and(cjk)
}

/// Whether a letter (any script) starts at byte `i`.
fn letter_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphabetic(),
        Some(_) => text[i..].chars().next().is_some_and(alphabetic),
    }
}

/// [`char::is_alphabetic`], answered without a table search for the two
/// blocks outside ASCII that English text about China is full of: general
/// punctuation (curly quotes, dashes; no letters) and CJK ideographs (all
/// letters). The unit test `alphabetic_shortcuts` checks both claims.
fn alphabetic(c: char) -> bool {
    match c {
        '\u{2000}'..='\u{206F}' => false,
        '\u{4E00}'..='\u{9FFF}' => true,
        _ => c.is_alphabetic(),
    }
}

/// Digits, then `,ddd` groups, then one `.ddd` decimal part. A comma followed
/// by a space ("900, 379") separates numbers instead of grouping digits.
/// Groups may also be spaced, as SI style and much of Europe write them
/// ("40 000", "1 234 567.89", with a space, a no-break or a thin space),
/// when the first group has at most three digits and every later one three.
fn number_end(bytes: &[u8], start: usize) -> usize {
    let digit = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);
    let mut j = start;
    while digit(j) {
        j += 1;
    }
    if j - start <= 3 && bytes[start] != b'0' && !follows_digits(bytes, start) {
        let lead = j;
        while let Some(sep) = group_space(bytes, j)
            && digit(j + sep)
            && digit(j + sep + 1)
            && digit(j + sep + 2)
            && !digit(j + sep + 3)
        {
            j += sep + 3;
        }
        // "555 123 4567": groups of other sizes after make a phone number.
        let more_digits = group_space(bytes, j).is_some_and(|sep| digit(j + sep));
        if j > lead && !more_digits {
            return decimal_end(bytes, j);
        }
        j = lead;
    }
    while bytes.get(j) == Some(&b',')
        && digit(j + 1)
        && digit(j + 2)
        && digit(j + 3)
        && !digit(j + 4)
    {
        j += 4;
    }
    decimal_end(bytes, j)
}

/// Whether digits and a grouping space stand right before `start`: "0400
/// 123 456" is a phone number, whose later groups are no number of their own.
fn follows_digits(bytes: &[u8], start: usize) -> bool {
    [1, 2, 3].iter().any(|&sep| {
        start > sep
            && group_space(bytes, start - sep) == Some(sep)
            && bytes[start - sep - 1].is_ascii_digit()
    })
}

/// After the whole part ending at `j`: the end of one `.ddd` decimal part, if any.
fn decimal_end(bytes: &[u8], mut j: usize) -> usize {
    let digit = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);
    if bytes.get(j) == Some(&b'.') && digit(j + 1) {
        j += 1;
        while digit(j) {
            j += 1;
        }
    }
    j
}

/// The length of a space that groups digits at `j`: a space, a no-break
/// space (U+00A0), a narrow no-break space (U+202F) or a thin space (U+2009).
fn group_space(bytes: &[u8], j: usize) -> Option<usize> {
    match bytes.get(j..)? {
        [b' ', ..] => Some(1),
        [0xC2, 0xA0, ..] => Some(2),
        [0xE2, 0x80, 0xAF | 0x89, ..] => Some(3),
        _ => None,
    }
}

/// The value of a number token times `10^scale` ("1,158.5", "3.5" with
/// "million"), from its digits; `None` when an `f64` does not carry the
/// number exactly (more than 15 significant digits, or beyond its range),
/// since a figure must print as its source wrote it.
pub(super) fn number_value(text: &str, scale: i32) -> Option<f64> {
    if let Some((whole, fraction)) = split_fraction(text) {
        let whole = if whole.is_empty() {
            0.0
        } else {
            number_value(whole, 0)?
        };
        return Some((whole + fraction) * 10f64.powi(scale));
    }
    if let Some(v) = small_number_value(text, scale) {
        return Some(v);
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let decimals = text.split_once('.').map_or(0, |(_, after)| {
        after.chars().filter(char::is_ascii_digit).count()
    });
    let d = crate::decimal::Decimal::new(false, &digits, i64::from(scale) - decimals as i64);
    crate::decimal::exact(&d).ok()
}

/// The fraction signs governments write rates with ("4¼ per cent", "2¾
/// per cent", "½ a point"): each sign's UTF-8 bytes and its value.
const FRACTIONS: [(&str, f64); 18] = [
    ("¼", 0.25),
    ("½", 0.5),
    ("¾", 0.75),
    ("⅐", 1.0 / 7.0),
    ("⅑", 1.0 / 9.0),
    ("⅒", 0.1),
    ("⅓", 1.0 / 3.0),
    ("⅔", 2.0 / 3.0),
    ("⅕", 0.2),
    ("⅖", 0.4),
    ("⅗", 0.6),
    ("⅘", 0.8),
    ("⅙", 1.0 / 6.0),
    ("⅚", 5.0 / 6.0),
    ("⅛", 0.125),
    ("⅜", 0.375),
    ("⅝", 0.625),
    ("⅞", 0.875),
];

/// The length of the fraction sign at byte `i`, or 0: U+00BC–U+00BE
/// (`C2 BC`–`C2 BE`) and U+2150–U+215E (`E2 85 90`–`E2 85 9E`), told from
/// the bytes alone. Asked at every character outside ASCII, and curly
/// quotes and apostrophes start with `E2` too.
fn fraction_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i..).unwrap_or_default() {
        [0xC2, 0xBC..=0xBE, ..] => 2,
        [0xE2, 0x85, 0x90..=0x9E, ..] => 3,
        _ => 0,
    }
}

/// A number token that ends in a fraction sign, as its whole part (maybe
/// empty) and the fraction's value.
fn split_fraction(text: &str) -> Option<(&str, f64)> {
    if text.is_ascii() {
        return None;
    }
    FRACTIONS
        .iter()
        .find_map(|(sign, v)| Some((text.strip_suffix(sign)?, *v)))
}

/// [`number_value`] without building a decimal string, for the numbers
/// prose nearly always holds: at most 15 significant digits and a power of
/// ten within ±22. Both the digits and the power are then exact `f64`s, so
/// one multiplication or division rounds once, to the nearest `f64`: the
/// value the decimal path parses, which 15 digits always read back as
/// (Clinger's fast path). `None` means "take the general path", not "no
/// value". It is every figure's value, and the general path formats and
/// parses strings twice per number.
fn small_number_value(text: &str, scale: i32) -> Option<f64> {
    const POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    let mut decimals: i32 = 0;
    let mut after_point = false;
    for b in text.bytes() {
        match b {
            b'0'..=b'9' => {
                if significant > 0 || b != b'0' {
                    significant += 1;
                    if significant > 19 {
                        return None;
                    }
                }
                mantissa = mantissa * 10 + u64::from(b - b'0');
                decimals += i32::from(after_point);
            }
            b'.' => after_point = true,
            _ => {}
        }
    }
    if mantissa == 0 {
        return Some(0.0);
    }
    let mut exp = scale.checked_sub(decimals)?;
    while mantissa.is_multiple_of(10) {
        mantissa /= 10;
        exp += 1;
    }
    if mantissa >= 1_000_000_000_000_000 {
        return None;
    }
    let power = POWERS.get(exp.unsigned_abs() as usize)?;
    let m = mantissa as f64;
    Some(if exp >= 0 { m * power } else { m / power })
}

/// A number token's value as (digits without separators, decimal places),
/// kept apart so "1.158 million" becomes exactly 1158000 (1158 × 10⁶ / 10³)
/// instead of picking up binary rounding from 1.158 × 10⁶.
pub(super) fn number_parts(text: &str) -> (f64, i32) {
    let mut mantissa = 0.0f64;
    let mut decimals = 0;
    let mut after_point = false;
    for b in text.bytes() {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10.0 + f64::from(b - b'0');
                if after_point {
                    decimals += 1;
                }
            }
            b'.' => after_point = true,
            _ => {}
        }
    }
    (mantissa, decimals)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let text = "U.S.$160 billion, 900, 379 and 1,158.5; Jinping’s 60-mile 习近平 2,3";
        let got: Vec<(&str, bool)> = tokenize(text).iter().map(|t| (t.text, t.gap)).collect();
        let want = [
            ("U", true),
            (".", false),
            ("S", false),
            (".", false),
            ("$", false),
            ("160", false),
            ("billion", true),
            (",", false),
            ("900", true),
            (",", false),
            ("379", true),
            ("and", true),
            ("1,158.5", true),
            (";", false),
            ("Jinping’s", true),
            ("60", true),
            ("-", false),
            ("mile", false),
            ("习", true),
            ("近", false),
            ("平", false),
            ("2", true),
            (",", false),
            ("3", false),
        ];
        assert_eq!(got, want);
    }

    /// Eight bytes at a time, the same end as a byte at a time, for every
    /// byte at every place of the block and every run length before it.
    #[test]
    fn letters_end_by_blocks() {
        let slow = |bytes: &[u8], i: usize| {
            let rest = &bytes[i..];
            i + rest
                .iter()
                .position(|&b| !b.is_ascii_alphabetic())
                .unwrap_or(rest.len())
        };
        for b in 0..=255u8 {
            for run in 0..12 {
                for tail in 0..10 {
                    let mut bytes = vec![b'q'; run];
                    bytes.push(b);
                    bytes.extend(std::iter::repeat_n(b'Z', tail));
                    for i in 0..bytes.len() {
                        assert_eq!(letters_end(&bytes, i), slow(&bytes, i), "{bytes:?} {i}");
                    }
                }
            }
        }
    }

    #[test]
    fn alphabetic_shortcuts() {
        for c in ('\u{2000}'..='\u{206F}').chain('\u{4E00}'..='\u{9FFF}') {
            assert_eq!(alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn parts() {
        assert_eq!(number_parts("1,158.5"), (11585.0, 1));
        assert_eq!(number_parts("15,362"), (15362.0, 0));
        assert_eq!(number_value("1,158.5", 0), Some(1158.5));
        assert_eq!(number_value("0.1", 6), Some(100_000.0));
        assert_eq!(
            number_value("30,000,000,000,000,000,000,000", 0),
            Some(3e22)
        );
        assert_eq!(number_value("9,007,199,254,740,993", 0), None);
        assert_eq!(number_value(&"9".repeat(400), 0), None);
    }

    /// The fast path gives what the decimal path gives, wherever it answers.
    #[test]
    fn small_numbers_as_the_decimal_path() {
        let slow = |text: &str, scale: i32| {
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            let decimals = text.split_once('.').map_or(0, |(_, after)| after.len());
            let d =
                crate::decimal::Decimal::new(false, &digits, i64::from(scale) - decimals as i64);
            crate::decimal::exact(&d).ok()
        };
        let mut texts: Vec<String> = [
            "0",
            "0.0",
            "0.5",
            "1",
            "10",
            "1,158.5",
            "15,362",
            "0.000001",
            "3.14159",
            "999,999,999,999,999",
            "999,999,999,999,999.9",
            "1,000,000,000,000,000",
            "123456789012345",
            "1234567890123456",
            "0.1",
            "0.2",
            "0.3",
            "9.007199254740993",
            "4.35",
            "1.005",
            "2.675",
            "100.10",
            "000.000120",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Pseudo-random digits, lengths and decimal points.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let len = 1 + (x % 18) as usize;
            let mut t: String = (0..len)
                .map(|k| char::from(b'0' + ((x >> (k * 3)) % 10) as u8))
                .collect();
            let point = (x >> 60) as usize % (len + 1);
            if point < len {
                t.insert(point, '.');
            }
            texts.push(t);
        }
        for t in &texts {
            for scale in [0, 2, 3, 6, 9, 12] {
                if let Some(fast) = small_number_value(t, scale) {
                    assert_eq!(
                        Some(fast.to_bits()),
                        slow(t, scale).map(f64::to_bits),
                        "{t} e{scale}"
                    );
                }
                assert_eq!(
                    number_value(t, scale).map(f64::to_bits),
                    slow(t, scale).map(f64::to_bits),
                    "{t} e{scale}"
                );
            }
        }
    }
}

#[cfg(test)]
#[test]
fn fraction_signs_are_told_from_their_bytes() {
    for (sign, _) in FRACTIONS {
        assert_eq!(fraction_len(sign.as_bytes(), 0), sign.len(), "{sign}");
    }
    for other in ["“", "’", "—", "…", "€", "£", "°", "ⅰ", "a"] {
        assert_eq!(fraction_len(other.as_bytes(), 0), 0, "{other}");
    }
}

//! Word counts of whole bodies, 64 bytes at a time where the text is plain.
//!
//! Every document's body is counted at load ([`super::document::count_words`]),
//! so the count is paid per byte of the corpus; read a character at a time it
//! was most of loading. A block of ASCII and general punctuation (curly
//! quotes, dashes: three bytes each, `E2 80 xx`) is counted from bit masks of
//! its bytes: a letter or digit after a letter or digit continues a word,
//! one after a space starts one, and only the few after other bytes are
//! decided by reading back ([`open_before`]). Blocks holding anything else
//! (CJK, accented letters) are read a character at a time as before. The
//! result is the same count: the tests compare the two on every byte pattern
//! that matters around block edges and on the shipped articles.

/// Bytes counted at once (a multiple of 8, at most 64): one bit each in a `u64`.
const BLOCK: usize = 64;

/// [`super::document::count_words`]: the same count, in blocks where it can.
pub(super) fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    // Whether a word is open before byte `i`: the state [`count_step`] carries.
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(block) = bytes.get(i..i + BLOCK)
            && let Some(other) = non_ascii(block)
            && bytes.get(i + BLOCK).is_none_or(|&b| !is_continuation(b))
        {
            let end = i + BLOCK;
            words += starts(bytes, i, end, other, in_word);
            in_word = open_before(bytes, i, in_word, end);
            i = end;
            continue;
        }
        // A character at a time to the end of this block's span (or just past
        // it: a character or an ASCII run may reach further).
        let end = (i + BLOCK).min(bytes.len());
        while i < end {
            i = count_step(text, i, &mut in_word, &mut words);
        }
    }
    words
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The bytes of `block` that are not ASCII, as bits, if each belongs to a
/// character U+2000–U+203F (`E2 80 xx`) wholly inside the block: general
/// punctuation, never a letter. `None` for any other character.
fn non_ascii(block: &[u8]) -> Option<u64> {
    let mut high = 0u64;
    for (k, eight) in block.chunks_exact(8).enumerate() {
        high |= gather(load(eight) & HIGH) << (8 * k);
    }
    let mut rest = high;
    while rest != 0 {
        let k = rest.trailing_zeros() as usize;
        if block
            .get(k..k + 3)
            .is_none_or(|c| c[0] != 0xE2 || c[1] != 0x80)
        {
            return None;
        }
        rest &= !(0b111 << k);
    }
    Some(high)
}

/// Eight bytes as a `u64`, the first lowest.
fn load(eight: &[u8]) -> u64 {
    <[u8; 8]>::try_from(eight).map_or(0, u64::from_le_bytes)
}

/// For eight ASCII bytes in a `u64`: the high bit of each byte in `lo..=hi`
/// (`hi` below 0x7F). Each byte gets its high bit set before the subtraction,
/// so no byte borrows from the next. (A byte above 0x7F is read as its low
/// seven bits; callers clear those bytes.)
fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    let h = x | HIGH;
    let at_least_lo = h.wrapping_sub(ONES * u64::from(lo)) & HIGH;
    let above_hi = h.wrapping_sub(ONES * u64::from(hi + 1)) & HIGH;
    at_least_lo & !above_hi
}

/// The high bits of the eight bytes of `m` as eight bits, byte 0 lowest:
/// each lands on its own bit of the product, so none carries.
fn gather(m: u64) -> u64 {
    (m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// How many bytes of the block `bytes[i..end]` start a word, given whether
/// one is open before it and its non-ASCII bytes (see [`non_ascii`]). A
/// letter or digit starts a word unless one is open before it
/// ([`open_before`]): after a letter or digit one is, after a space none is,
/// and after anything else the bytes before tell.
fn starts(bytes: &[u8], i: usize, end: usize, non_ascii: u64, in_word: bool) -> usize {
    let block = &bytes[i..end];
    let mut alnum = 0u64;
    let mut space = 0u64;
    for (k, eight) in block.chunks_exact(8).enumerate() {
        let x = load(eight);
        let letter = in_range(x | (ONES * 0x20), b'a', b'z');
        let digit = in_range(x, b'0', b'9');
        alnum |= gather(letter | digit) << (8 * k);
        space |= gather(in_range(x, b' ', b' ')) << (8 * k);
    }
    alnum &= !non_ascii;
    space &= !non_ascii;
    // Bit k: byte k-1 is a letter or digit, or a space (byte 0 is read below).
    let after_alnum = alnum << 1;
    let after_space = space << 1;
    let first = alnum & !after_alnum & !1;
    let mut count = first.count_ones() as usize;
    let mut other = first & !after_space;
    while other != 0 {
        let k = other.trailing_zeros() as usize;
        other &= other - 1;
        count -= usize::from(open_before(bytes, i, in_word, i + k));
    }
    if alnum & 1 == 1 && !in_word {
        count += 1;
    }
    count
}

/// Whether a word is open before byte `k` of a block starting at `i` (`i <=
/// k`, both character boundaries), given whether one is open before `i`:
/// what [`count_step`] would carry to `k`. It depends on the characters
/// before `k` back to the last letter, digit or breaking character; an
/// apostrophe or hyphen passes the state on when a letter or digit (or any
/// non-ASCII byte) follows it, a comma or full stop between digits keeps a
/// number open, and of general punctuation only ’ passes it on.
fn open_before(bytes: &[u8], i: usize, in_word: bool, mut k: usize) -> bool {
    loop {
        if k == i {
            return in_word;
        }
        let prev = bytes[k - 1];
        let next = bytes.get(k).copied().unwrap_or(b' ');
        match prev {
            b if ascii_alnum(b) => return true,
            b'\'' | b'-' if next.is_ascii_alphanumeric() || next >= 0x80 => k -= 1,
            b',' | b'.' => {
                let before = k.checked_sub(2).map_or(b' ', |j| bytes[j]);
                // A digit before makes the state before the separator open.
                return before.is_ascii_digit() && next.is_ascii_digit();
            }
            // The last byte of ’ (E2 80 99), which blocks hold whole.
            0x99 if k >= i + 3 && bytes[k - 3] == 0xE2 => k -= 3,
            _ => return false,
        }
    }
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

    /// The block count against the character-at-a-time one.
    fn same(text: &str) {
        assert_eq!(
            count_words(text),
            count_words_until(text, usize::MAX),
            "{text:?}"
        );
    }

    #[test]
    fn blocks_count_as_characters_do() {
        // Every string of up to four bytes from the bytes that matter, placed
        // at every offset around a block boundary, before and after non-ASCII.
        let alphabet = [
            "a", "7", " ", "\n", "'", "-", ",", ".", "\"", "’", "—", "⁰", "中", "é",
        ];
        let mut pieces = Vec::new();
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    pieces.push(format!("{a}{b}{c}"));
                }
            }
        }
        for piece in &pieces {
            for pad in 56..=68 {
                for fill in ["x", " ", "9"] {
                    let text = fill.repeat(pad) + piece + &"b".repeat(70) + piece;
                    same(&text);
                    same(&(piece.clone() + &fill.repeat(pad) + piece));
                }
            }
        }
    }

    #[test]
    fn shipped_articles_count_as_characters_do() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            if let Ok(text) = std::fs::read_to_string(entry.path()) {
                same(&text);
                read += 1;
            }
        }
        assert!(read > 0, "no shipped articles read");
    }
}

//! Word counts of whole bodies, 64 bytes at a time where the text is ASCII.
//!
//! Every document's body is counted at load ([`super::document::count_words`]),
//! so the count is paid per byte of the corpus. Read a character at a time it
//! was two thirds of loading. In ASCII text whether a byte starts a word
//! depends only on it and the two bytes before it (see [`starts`]), so a
//! block of plain ASCII is counted from bit masks of its bytes, which the
//! compiler builds with vector instructions; blocks holding anything else
//! (curly quotes, CJK) are read a character at a time as before. The result
//! is the same count: the tests compare the two on every byte pattern that
//! matters and on the shipped articles.

use super::document::{ascii_alnum, count_step};

/// Bytes counted at once (a multiple of 8, at most 64): one bit each in a `u64`.
const BLOCK: usize = 32;

/// [`super::document::count_words`]: the same count, in blocks where it can.
pub(super) fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(block) = bytes.get(i..i + BLOCK)
            && ascii_before(bytes, i)
            && block.is_ascii()
        {
            let (p1, p2) = before(bytes, i);
            words += starts(block, p1, p2);
            i += BLOCK;
            in_word = open_at(bytes, i);
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

/// The two bytes before `i`, as spaces before the text's start.
fn before(bytes: &[u8], i: usize) -> (u8, u8) {
    let at = |k: Option<usize>| k.and_then(|k| bytes.get(k)).copied().unwrap_or(b' ');
    (at(i.checked_sub(1)), at(i.checked_sub(2)))
}

/// Whether the two bytes before `i` (where there are any) are ASCII: then
/// they alone say whether a word is open at `i`.
fn ascii_before(bytes: &[u8], i: usize) -> bool {
    let (p1, p2) = before(bytes, i);
    p1.is_ascii() && p2.is_ascii()
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// For eight ASCII bytes in a `u64`: the high bit of each byte in `lo..=hi`
/// (`hi` below 0x7F). Each byte gets its high bit set before the subtraction,
/// so no byte borrows from the next.
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

/// How many bytes of an ASCII `block` (64 bytes) start a word, given the
/// two bytes before it (`p1` just before). A letter or digit starts a word
/// unless the byte before it is a letter or digit, or joins it to one: an
/// apostrophe or hyphen after a letter or digit ("Xi's", "year-on-year"),
/// or a comma or full stop between digits ("4,271"). Any other ASCII byte
/// closes a word. This is what [`count_step`] decides byte by byte; letters
/// and digits after a space are settled from bit masks, the few after
/// other bytes one by one.
fn starts(block: &[u8], p1: u8, p2: u8) -> usize {
    let mut alnum = 0u64;
    let mut space = 0u64;
    for (k, eight) in block.chunks_exact(8).enumerate() {
        let x = <[u8; 8]>::try_from(eight).map_or(0, u64::from_le_bytes);
        let letter = in_range(x | (ONES * 0x20), b'a', b'z');
        let digit = in_range(x, b'0', b'9');
        alnum |= gather(letter | digit) << (8 * k);
        space |= gather(in_range(x, b' ', b' ')) << (8 * k);
    }
    let alnum1 = alnum << 1 | u64::from(ascii_alnum(p1));
    let space1 = space << 1 | u64::from(p1 == b' ');
    let first = alnum & !alnum1;
    let mut count = first.count_ones() as usize;
    let mut other = first & !space1;
    while other != 0 {
        let k = other.trailing_zeros() as usize;
        other &= other - 1;
        let at = |back: usize| match k.checked_sub(back) {
            Some(j) => block[j],
            None if k + 1 == back => p1,
            None => p2,
        };
        let (prev, prev2) = (at(1), at(2));
        let joined = (matches!(prev, b'\'' | b'-') && ascii_alnum(prev2))
            || (matches!(prev, b',' | b'.') && prev2.is_ascii_digit() && block[k].is_ascii_digit());
        count -= usize::from(joined);
    }
    count
}

/// Whether a word is open at `i` (the state [`count_step`] carries), from
/// the ASCII bytes before it and the byte at `i`.
fn open_at(bytes: &[u8], i: usize) -> bool {
    let (p1, p2) = before(bytes, i);
    let next = bytes.get(i).copied().unwrap_or(b' ');
    match p1 {
        b if ascii_alnum(b) => true,
        b'\'' | b'-' => ascii_alnum(p2) && (next.is_ascii_alphanumeric() || next >= 0x80),
        b',' | b'.' => p2.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::document::count_words_until;
    use super::*;

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
            "a", "7", " ", "\n", "'", "-", ",", ".", "\"", "’", "中", "é",
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

//! Splitting text into whitespace-separated words, as [`str::split_whitespace`]
//! does, without decoding every character.
//!
//! The quote pass splits the opening of every clause into words, and every
//! sentence a name lookup reads back into name runs. `split_whitespace`
//! decodes each character and asks the Unicode tables about it; here ASCII
//! bytes are classified directly and only the four lead bytes that can start
//! a non-ASCII space (0xC2, 0xE1, 0xE2, 0xE3) are looked at further, so a
//! word of letters costs a table load per byte. The result is the same
//! sequence of words: the unit tests compare the two on every character.

/// The words of `text` between runs of whitespace (`char::is_whitespace`),
/// in order, never empty: what `text.split_whitespace()` yields.
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// The iterator [`words`] returns.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    /// Where the next search for a word starts.
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    // Inlined into its callers' loops: a call per word cost more than
    // reading the word for the short words of an attribution. `always`:
    // with the eight-byte search LLVM stopped inlining it on its own.
    #[inline(always)]
    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        // Skip the whitespace before the word.
        loop {
            let &b = bytes.get(i)?;
            let n = space_len(bytes, i, b);
            if n == 0 {
                break;
            }
            i += n;
        }
        let start = i;
        i += 1;
        // The word's end: the next byte that may start whitespace, if it does.
        loop {
            i = next_maybe_space(bytes, i);
            match bytes.get(i) {
                Some(&b) if space_len(bytes, i, b) == 0 => i += 1,
                _ => break,
            }
        }
        self.pos = i;
        // Both ends are character boundaries: `start` is a byte that is not a
        // continuation byte (whitespace ends at a whole character), and `i` is
        // the end of the text or the lead byte of a space.
        Some(&self.text[start..i])
    }
}

/// The first byte from `i` on that may start whitespace (one at most 0x20,
/// or one above 0x7F), or the end of `bytes`. Eight bytes at a time: a word
/// of ASCII letters is passed over in one or two steps instead of a table
/// load and a branch per byte.
#[inline]
fn next_maybe_space(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(eight) = bytes.get(i..i + 8) {
        let x = <[u8; 8]>::try_from(eight).map_or(0, u64::from_le_bytes);
        // High bit of each byte whose low seven bits are 0x21 or more: with
        // the high bit set first, no byte borrows from the next.
        let above_space = ((x & !HIGH) | HIGH).wrapping_sub(ONES * 0x21) & HIGH;
        let maybe = (!above_space | x) & HIGH;
        if maybe != 0 {
            return i + (maybe.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b <= 0x20 || b >= 0x80 {
            return i;
        }
        i += 1;
    }
    i
}

/// Byte classes: part of a word for certain, an ASCII space, or a lead byte
/// that may begin a non-ASCII space.
const WORD: u8 = 0;
const SPACE: u8 = 1;
const MAYBE: u8 = 2;

static CLASS: [u8; 256] = {
    let mut t = [WORD; 256];
    // U+0009..U+000D and U+0020, the ASCII characters `char::is_whitespace` accepts.
    t[0x09] = SPACE;
    t[0x0A] = SPACE;
    t[0x0B] = SPACE;
    t[0x0C] = SPACE;
    t[0x0D] = SPACE;
    t[0x20] = SPACE;
    // U+0085, U+00A0 (0xC2); U+1680 (0xE1); U+2000..U+200A, U+2028, U+2029,
    // U+202F, U+205F (0xE2); U+3000 (0xE3).
    t[0xC2] = MAYBE;
    t[0xE1] = MAYBE;
    t[0xE2] = MAYBE;
    t[0xE3] = MAYBE;
    t
};

/// The length in bytes of the whitespace character at `i` (whose first byte
/// is `b`), or 0 if the character there is not whitespace.
#[inline]
fn space_len(bytes: &[u8], i: usize, b: u8) -> usize {
    match CLASS[usize::from(b)] {
        WORD => 0,
        SPACE => 1,
        _ => {
            let b1 = bytes.get(i + 1).copied().unwrap_or(0);
            let b2 = bytes.get(i + 2).copied().unwrap_or(0);
            let space = match b {
                0xC2 => return if matches!(b1, 0x85 | 0xA0) { 2 } else { 0 },
                0xE1 => b1 == 0x9A && b2 == 0x80,
                0xE2 => {
                    (b1 == 0x80 && matches!(b2, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))
                        || (b1 == 0x81 && b2 == 0x9F)
                }
                _ => b1 == 0x80 && b2 == 0x80,
            };
            if space { 3 } else { 0 }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_len_agrees_with_char_is_whitespace() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let s = c.encode_utf8(&mut buf);
            let want = if c.is_whitespace() { s.len() } else { 0 };
            assert_eq!(space_len(s.as_bytes(), 0, s.as_bytes()[0]), want, "{c:?}");
        }
    }

    /// Eight bytes at a time, the same place as a byte at a time, for every
    /// byte at every place of the block.
    #[test]
    fn next_maybe_space_by_blocks() {
        for b in 0..=255u8 {
            for before in 0..12 {
                for after in 0..10 {
                    let mut bytes = vec![b'x'; before];
                    bytes.push(b);
                    bytes.extend(std::iter::repeat_n(b'~', after));
                    for i in 0..=bytes.len() {
                        let want = (i..bytes.len())
                            .find(|&j| bytes[j] <= 0x20 || bytes[j] >= 0x80)
                            .unwrap_or(bytes.len());
                        assert_eq!(next_maybe_space(&bytes, i), want, "{bytes:?} {i}");
                    }
                }
            }
        }
    }

    #[test]
    fn same_words_as_split_whitespace() {
        let cases = [
            "",
            " ",
            "one",
            "  two  words ",
            "Xi Jinping’s “message”\u{a0}to\u{3000}the 王守峰\u{2009}people\u{85}",
            "tab\tnew\nline\u{b}vt\u{c}ff\rcr\u{1680}ogham\u{2028}ls\u{2029}ps\u{202f}nn\u{205f}mm",
            "\u{c2a0}\u{e180}\u{2010}—–é\u{3001}end",
            "x\u{200b}y",
        ];
        for text in cases {
            let got: Vec<&str> = words(text).collect();
            let want: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}

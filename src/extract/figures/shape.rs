//! A quick test of whether a word may be in a closed word list, from its
//! first two letters and its length alone. The figure rules consult their
//! lists for nearly every token of a paragraph, and nearly every token is in
//! none of them; this turns most of those lookups into two table reads. It
//! may answer "maybe" for a word not in the list, never "no" for one in it
//! (ASCII case folded, as the lists are matched).

/// Per first and second letter, the lengths of the list's words, as bits.
/// The second letter is 26 for one-letter words.
#[derive(Debug)]
pub(super) struct Shapes([[u32; 27]; 26]);

/// Letters' places in the alphabet, either case; 255 for any other byte.
const LETTER: [u8; 256] = {
    let mut t = [255; 256];
    let mut k = 0;
    while k < 26 {
        t[b'a' as usize + k] = k as u8;
        t[b'A' as usize + k] = k as u8;
        k += 1;
    }
    t
};

impl Shapes {
    pub const EMPTY: Shapes = Shapes([[0; 27]; 26]);

    /// Adds a word of ASCII letters, at most 31 of them.
    pub const fn with(mut self, word: &str) -> Shapes {
        let b = word.as_bytes();
        let first = LETTER[b[0] as usize] as usize;
        let second = if b.len() > 1 {
            LETTER[b[1] as usize] as usize
        } else {
            26
        };
        self.0[first][second] |= 1 << b.len();
        self
    }

    pub const fn with_words(mut self, words: &[&str]) -> Shapes {
        let mut k = 0;
        while k < words.len() {
            self = self.with(words[k]);
            k += 1;
        }
        self
    }

    /// Adds the keys of a lookup table.
    pub const fn with_keys<T>(mut self, table: &[(&str, T)]) -> Shapes {
        let mut k = 0;
        while k < table.len() {
            self = self.with(table[k].0);
            k += 1;
        }
        self
    }

    /// Whether a run of letters opening `text` may be in the list, from its
    /// first two bytes alone: whether some word of the list opens with
    /// them. Asked before the run's end is found, which most words of a
    /// text then need not be.
    #[inline]
    pub fn may_open(&self, text: &[u8]) -> bool {
        let Some(&b0) = text.first() else {
            return false;
        };
        let first = LETTER[usize::from(b0)];
        let second = match text.get(1).map(|&b| LETTER[usize::from(b)]) {
            Some(k) if k != 255 => k,
            _ => 26,
        };
        first != 255 && self.0[usize::from(first)][usize::from(second)] != 0
    }

    /// Whether a word with this start and length is in the list.
    #[inline]
    pub fn may_contain(&self, word: &[u8]) -> bool {
        let Some(&b0) = word.first() else {
            return false;
        };
        let first = LETTER[usize::from(b0)];
        let second = word.get(1).map_or(26, |&b| LETTER[usize::from(b)]);
        if first == 255 || second == 255 || word.len() >= 32 {
            return false;
        }
        self.0[usize::from(first)][usize::from(second)] >> word.len() & 1 == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        const S: Shapes = Shapes::EMPTY.with_words(&["a", "two", "thousand"]);
        for yes in ["a", "A", "two", "TWO", "twx", "thousand", "Th345678"] {
            assert!(S.may_contain(yes.as_bytes()), "{yes}");
        }
        for no in ["", "an", "the", "tw", "thousands", "b", "t’o", "é", "two’"] {
            assert!(!S.may_contain(no.as_bytes()), "{no}");
        }
    }
}

//! Closed word lists as hash tables, built at compile time. The figure rules
//! look words up in lists of up to a couple of hundred entries (stop words,
//! labels, number words) for most tokens near a number, and the quote rules
//! look most words of an attribution up in lists of verbs and nouns;
//! comparing against each entry in turn cost more than all the rest of
//! reading the word.

use super::lower::lower;

/// A word list with a value per word, hashed into `N` slots (a power of two,
/// at least twice the number of words, so a probe ends within a few slots).
#[derive(Debug)]
pub(crate) struct WordMap<T: Copy + 'static, const N: usize> {
    slots: [Option<(&'static str, T)>; N],
    /// Per [`shape`] of a first letter, the lengths of the words starting
    /// with it, as bits: most words looked up are in no list, and their
    /// first letter and length turn nearly all of them away before hashing.
    lengths: [u32; 32],
}

/// A word list without values.
pub(crate) type WordSet<const N: usize> = WordMap<(), N>;

impl<T: Copy + 'static, const N: usize> WordMap<T, N> {
    /// The table of `entries`; an entry repeating an earlier word is ignored,
    /// as a search of the list would never reach it.
    pub const fn new(entries: &[(&'static str, T)]) -> Self {
        assert!(N.is_power_of_two() && entries.len() * 2 <= N);
        let mut map = WordMap::EMPTY;
        let mut e = 0;
        while e < entries.len() {
            map.insert(entries[e].0, entries[e].1);
            e += 1;
        }
        map
    }

    const EMPTY: Self = WordMap {
        slots: [None; N],
        lengths: [0; 32],
    };

    /// Adds a word unless it is there already.
    const fn insert(&mut self, word: &'static str, value: T) {
        let (first, length) = shape(word.as_bytes());
        self.lengths[first] |= length;
        let mut k = hash(word.as_bytes()) & (N - 1);
        loop {
            match self.slots[k] {
                None => {
                    self.slots[k] = Some((word, value));
                    return;
                }
                Some((w, _)) if same(w.as_bytes(), word.as_bytes()) => return,
                Some(_) => k = (k + 1) & (N - 1),
            }
        }
    }

    /// The value of `word.to_lowercase()`, for maps of lowercase ASCII words
    /// (built with [`Self::of_lowercase_lists`] or [`WordSet::of_lowercase`]).
    /// ASCII words are folded while hashing and comparing, without making
    /// the lowercase string.
    #[inline]
    pub fn get_folded(&self, word: &str) -> Option<T> {
        if !word.is_ascii() {
            // The entries are ASCII, and only the Kelvin sign lowercases to
            // ASCII (see the test): other non-ASCII words cannot match.
            if !word.contains('\u{212A}') {
                return None;
            }
            return self.get(&lower(word));
        }
        let bytes = word.as_bytes();
        if !self.may_hold(bytes) {
            return None;
        }
        let mut k = hash_folded(bytes) & (N - 1);
        loop {
            match self.slots[k] {
                None => return None,
                // The entry is lowercase, so this is `entry == word.to_lowercase()`.
                Some((w, value)) if w.as_bytes().eq_ignore_ascii_case(bytes) => return Some(value),
                Some(_) => k = (k + 1) & (N - 1),
            }
        }
    }

    /// A table of several lowercase word lists, each with one value; a word
    /// in more than one keeps the value of the first.
    pub const fn of_lowercase_lists(lists: &[(&[&'static str], T)]) -> Self {
        let mut total = 0;
        let mut map = WordMap::EMPTY;
        let mut l = 0;
        while l < lists.len() {
            let (words, value) = lists[l];
            assert_lowercase(words);
            total += words.len();
            let mut e = 0;
            while e < words.len() {
                map.insert(words[e], value);
                e += 1;
            }
            l += 1;
        }
        assert!(N.is_power_of_two() && total * 2 <= N);
        map
    }

    pub fn get(&self, word: &str) -> Option<T> {
        if !self.may_hold(word.as_bytes()) {
            return None;
        }
        let mut k = hash(word.as_bytes()) & (N - 1);
        loop {
            match self.slots[k] {
                None => return None,
                Some((w, value)) if w == word => return Some(value),
                Some(_) => k = (k + 1) & (N - 1),
            }
        }
    }
}

impl<const N: usize> WordSet<N> {
    pub const fn of(words: &[&'static str]) -> Self {
        assert!(N.is_power_of_two() && words.len() * 2 <= N);
        let mut set = WordMap::EMPTY;
        let mut e = 0;
        while e < words.len() {
            set.insert(words[e], ());
            e += 1;
        }
        set
    }

    pub fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    /// Whether `word.to_lowercase()` is in the set: see [`WordMap::get_folded`].
    pub fn contains_folded(&self, word: &str) -> bool {
        self.get_folded(word).is_some()
    }

    /// [`Self::of`] for sets read with [`Self::contains_folded`]: every word
    /// must be lowercase.
    pub const fn of_lowercase(words: &[&'static str]) -> Self {
        assert_lowercase(words);
        Self::of(words)
    }
}

const fn assert_lowercase(words: &[&str]) {
    let mut e = 0;
    while e < words.len() {
        let b = words[e].as_bytes();
        let mut i = 0;
        while i < b.len() {
            assert!(
                b[i].is_ascii() && !b[i].is_ascii_uppercase(),
                "folded tables hold lowercase ASCII words"
            );
            i += 1;
        }
        e += 1;
    }
}

impl<T: Copy + 'static, const N: usize> WordMap<T, N> {
    /// Whether a word of this first letter and length (either case) may be
    /// in the map; `false` means it is not.
    #[inline]
    fn may_hold(&self, bytes: &[u8]) -> bool {
        let (first, length) = shape(bytes);
        self.lengths[first] & length != 0
    }
}

/// A word's first byte with ASCII case folded, as an index below 32 (other
/// bytes share indices with letters, which only lets more words through),
/// and its length as a bit (31 for 31 bytes or more).
const fn shape(bytes: &[u8]) -> (usize, u32) {
    let first = match bytes.first() {
        Some(b) => ((*b | 0x20) & 31) as usize,
        None => 0,
    };
    let len = if bytes.len() < 31 { bytes.len() } else { 31 };
    (first, 1 << len)
}

/// [`hash`] of the ASCII lowercase of `bytes`.
fn hash_folded(bytes: &[u8]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h = (h ^ b.to_ascii_lowercase() as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h as usize
}

/// FNV-1a.
const fn hash(bytes: &[u8]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ bytes[i] as u64).wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    h as usize
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_kelvin_sign_lowercases_to_ascii() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            if c.to_lowercase().all(|l| l.is_ascii()) {
                assert_eq!(c, '\u{212A}');
            }
        }
        let set: WordSet<4> = WordSet::of_lowercase(&["kin"]);
        assert!(set.contains_folded("\u{212A}IN") && !set.contains_folded("kín"));
    }

    #[test]
    fn lookups() {
        const M: WordMap<u8, 8> = WordMap::new(&[("one", 1), ("two", 2), ("one", 3)]);
        const S: WordSet<4> = WordSet::of(&["a", "an"]);
        assert_eq!(M.get("one"), Some(1));
        assert_eq!(M.get("two"), Some(2));
        assert_eq!(M.get("three"), None);
        assert_eq!(M.get(""), None);
        assert!(S.contains("a") && S.contains("an"));
        assert!(!S.contains("the") && !S.contains("A"));
        const F: WordSet<8> = WordSet::of_lowercase(&["said", "according"]);
        for (word, want) in [
            ("said", true),
            ("Said", true),
            ("ACCORDING", true),
            ("sai", false),
            ("saíd", false),
            ("", false),
        ] {
            assert_eq!(F.contains_folded(word), want, "{word}");
        }
    }
}

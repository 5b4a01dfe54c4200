//! Item ids that stay put.
//!
//! An id is made from the item's own words: `DOC/q-<first five words>` for a
//! quote, `DOC/f-<its words>` for a figure. When several items of one
//! document would get the same id ("84,000" in two sentences), each of them
//! is told apart by a tag of **its own sentence** (`DOC/f-84000-k3qa`): four
//! characters of a hash of the sentence, whitespace runs read as one space.
//! Numbering repeats in document order (`-2`, `-3`) made an id depend on
//! the other occurrences: correcting the first "84,000" to "86,000" handed
//! `…/f-84000` to the second sentence, and the brief changed meaning
//! silently. With the tag, editing one sentence renames only the items in
//! that sentence; every other id keeps pointing where it did, or (when its
//! own sentence changed) stops resolving, which `brief check` reports.
//!
//! Items that are not repeated keep the plain id, so ids stay short and a
//! spec written before this scheme still resolves. The tagged form of an
//! item is always accepted too ([`matches_tagged`]): when one of two
//! "84,000"s is corrected, the other goes back to the plain id, and a spec
//! that names it by its tagged id still finds it.
//!
//! Two repeats in sentences that are the same text (the same sentence
//! written twice) share a tag; only they are numbered, in order (`-k3qa-2`).
//! Which of two identical sentences an id names cannot change what it says.

use std::collections::{HashMap, HashSet};

use super::text;

/// Words of a quote's text in its id.
pub const QUOTE_WORDS: usize = 5;
/// Words of a figure's text in its id.
pub const FIGURE_WORDS: usize = 6;
/// Characters of a sentence tag.
pub const TAG_LEN: usize = 4;

/// Crockford's base-32 digits (no `i`, `l`, `o`, `u`: nothing to misread).
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// The ids of one kind of item of one document, in the items' order. Each
/// item is given as (its words, its sentence).
pub fn assign<'a>(
    doc: &str,
    kind: &str,
    items: impl Iterator<Item = (&'a str, &'a str)>,
    words: usize,
) -> Vec<String> {
    let items: Vec<(&str, &str)> = items.collect();
    let bases: Vec<String> = items
        .iter()
        .map(|(text, _)| base(doc, kind, text, words))
        .collect();
    if all_distinct(&bases) {
        return bases;
    }
    let mut counts: HashMap<&str, usize> = HashMap::with_capacity(bases.len());
    for b in &bases {
        *counts.entry(b.as_str()).or_default() += 1;
    }
    // Plain ids of items that are not repeated are final; tagged ids come
    // after them and never take one.
    let mut used: HashSet<String> = bases
        .iter()
        .filter(|b| counts[b.as_str()] == 1)
        .cloned()
        .collect();
    // The next number to try for a tagged id that is taken: each taken id
    // is tried once, so a document's ids stay linear to make.
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut ids = Vec::with_capacity(bases.len());
    for (b, (_, sentence)) in bases.iter().zip(&items) {
        if counts[b.as_str()] == 1 {
            ids.push(b.clone());
            continue;
        }
        let tagged = format!("{b}-{}", tag(sentence));
        if used.insert(tagged.clone()) {
            ids.push(tagged);
            continue;
        }
        let n = next.entry(tagged.clone()).or_insert(2);
        loop {
            let id = format!("{tagged}-{n}");
            *n += 1;
            if used.insert(id.clone()) {
                ids.push(id);
                break;
            }
        }
    }
    ids
}

/// Whether no two ids are the same: the common case, answered by sorting
/// borrowed ids. A document has tens of items, and hashing every id with
/// SipHash into a map cost more than making the ids did.
fn all_distinct(ids: &[String]) -> bool {
    let mut sorted: Vec<&str> = ids.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    sorted.windows(2).all(|w| w[0] != w[1])
}

/// `DOC/<kind>-<slug of the first words>`; `x` when the words give no slug.
pub fn base(doc: &str, kind: &str, text: &str, words: usize) -> String {
    let mut id = String::with_capacity(doc.len() + kind.len() + 48);
    id.push_str(doc);
    id.push('/');
    id.push_str(kind);
    id.push('-');
    let prefix = id.len();
    text::slug_into(&mut id, text, words);
    if id.len() == prefix {
        id.push('x');
    }
    id
}

/// The tag of a sentence: four base-32 characters of its BLAKE3 hash, with
/// runs of whitespace read as one space (re-wrapping a line keeps the tag).
pub fn tag(sentence: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    for (i, word) in sentence.split_whitespace().enumerate() {
        if i > 0 {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
    }
    let hash = hasher.finalize();
    let bytes = hash.as_bytes();
    let bits = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    (0..TAG_LEN)
        .map(|i| char::from(ALPHABET[((bits >> (27 - 5 * i)) & 31) as usize]))
        .collect()
}

/// An id written in tagged form, split into the plain id and the tag.
pub fn split_tagged(id: &str) -> Option<(&str, &str)> {
    let (base, tag) = id.rsplit_once('-')?;
    (tag.len() == TAG_LEN && tag.bytes().all(|b| ALPHABET.contains(&b))).then_some((base, tag))
}

/// Whether `id` is the tagged form of an item whose plain id is `plain` and
/// whose sentence is `sentence`.
pub fn matches_tagged(id: &str, plain: &str, sentence: &str) -> bool {
    split_tagged(id).is_some_and(|(base, t)| base == plain && t == tag(sentence))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(items: &[(&str, &str)]) -> Vec<String> {
        assign("d", "f", items.iter().copied(), FIGURE_WORDS)
    }

    #[test]
    fn items_that_are_not_repeated_keep_their_plain_ids() {
        assert_eq!(
            ids(&[("84,000", "A said 84,000."), ("1,200", "B said 1,200.")]),
            ["d/f-84000", "d/f-1200"]
        );
    }

    #[test]
    fn repeats_are_told_apart_by_their_own_sentence() {
        let a = "In 2022, 84,000 people crossed.";
        let b = "The agency counted 84,000 arrests.";
        let before = ids(&[("84,000", a), ("84,000", b)]);
        assert_eq!(
            before,
            [
                format!("d/f-84000-{}", tag(a)),
                format!("d/f-84000-{}", tag(b))
            ]
        );
        // Correcting the first sentence renames only its figure; the second
        // is no longer a repeat and takes the plain id, and its tagged id
        // still names it.
        let a2 = "In 2022, 86,000 people crossed.";
        let after = ids(&[("86,000", a2), ("84,000", b)]);
        assert_eq!(after, ["d/f-86000", "d/f-84000"]);
        assert!(matches_tagged(&before[1], &after[1], b));
        assert!(!matches_tagged(&before[0], &after[1], b));
        // Swapping the order of the two sentences changes no id.
        let swapped = ids(&[("84,000", b), ("84,000", a)]);
        assert_eq!(swapped, [before[1].clone(), before[0].clone()]);
    }

    #[test]
    fn identical_sentences_are_numbered_and_taken_ids_are_skipped() {
        let s = "We go home.";
        let t = tag(s);
        let made = assign(
            "d",
            "q",
            [
                ("We go home", s),
                ("We go home", s),
                (&*format!("We go home {t}"), "Other."),
            ]
            .into_iter(),
            5,
        );
        // The third item's plain id is the first one's tagged id: the plain
        // id of an item that is not repeated wins.
        assert_eq!(
            made,
            [
                format!("d/q-we-go-home-{t}-2"),
                format!("d/q-we-go-home-{t}-3"),
                format!("d/q-we-go-home-{t}"),
            ]
        );
    }

    #[test]
    fn tags_ignore_rewrapping_and_look_like_tags() {
        assert_eq!(tag("a  b\nc"), tag("a b c"));
        assert_ne!(tag("a b c"), tag("a b d"));
        let t = tag("anything");
        assert_eq!(t.len(), TAG_LEN);
        assert_eq!(
            split_tagged(&format!("d/f-84000-{t}")),
            Some(("d/f-84000", t.as_str()))
        );
        assert_eq!(split_tagged("d/f-84000-2"), None);
    }

    #[test]
    fn many_repeats_are_linear() {
        let k = 2000;
        let items: Vec<(&str, &str)> = (0..k).map(|_| ("go home", "Go home.")).collect();
        let made = assign("d", "q", items.into_iter(), 5);
        let unique: HashSet<&String> = made.iter().collect();
        assert_eq!(unique.len(), k);
    }
}

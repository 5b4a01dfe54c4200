//! Sentence boundaries and slugs: the small text utilities every extractor shares.

use std::ops::Range;

use super::wordmap::WordSet;

/// Words before a full stop that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "co", "corp", "inc", "ltd", "no", "vs",
    "etc", "e.g", "i.e", "gen", "gov", "sen", "sens", "rep", "reps", "del", "lt", "col", "sgt",
    "capt", "rev", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "approx", "est", "fig", "vol", "pp", "hon", "smt", "mme", "cllr", "adm", "amb", "atty",
    "supt", "insp", "cmdr", "maj", "det",
];

static ABBREVIATION_SET: WordSet<128> = WordSet::of_lowercase(ABBREVIATIONS);

/// Verbs that attribute speech; shared by sentence splitting and speaker attribution.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "explained",
    "explains",
    "recalled",
    "recalls",
    "declared",
    "declares",
    "remarked",
    "remarks",
    "observed",
    "observes",
    "added",
    "adds",
    "thought",
    "thinks",
    "wrote",
    "writes",
    "asked",
    "asks",
    "replied",
    "replies",
    "noted",
    "notes",
    "noting",
    "saying",
    "confided",
    "lamented",
    "admitted",
    "insisted",
    "argued",
    "stated",
    "warned",
    "claimed",
    "continued",
    "answered",
    "recounted",
    "revealed",
    "asserted",
    "reported",
    "reports",
    "quoted",
    "cried",
    "shouted",
    "whispered",
    "explaining",
    "adding",
    "insists",
    "argues",
    "concluded",
    "conceded",
    "acknowledged",
    "complained",
    "agreed",
    "responded",
    "responds",
    "explained",
    "explains",
    "recalled",
    "recalls",
    "countered",
    "quipped",
    "joked",
];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '"' | '\'' | ')' | ']' | '」' | '』' | '】')
}

/// Splits `text` into sentences, as byte ranges with surrounding whitespace trimmed.
///
/// A sentence ends at `.`, `!` or `?` (and their CJK forms), after any closing
/// quotes or brackets, when the next word starts like a sentence does: a
/// capital, a digit, an opening quote or bracket. "U.S. Customs", "Co., Ltd."
/// and initials are not ends; neither is "?” he said".
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    split_sentences(text, usize::MAX)
}

/// The first sentence only, without splitting the rest of the paragraph.
pub fn first_sentence(text: &str) -> Option<Range<usize>> {
    split_sentences(text, 1).into_iter().next()
}

fn split_sentences(text: &str, limit: usize) -> Vec<Range<usize>> {
    // Room for a sentence per 100 bytes, or the one asked for: growing from
    // empty cost three reallocations for a paragraph of a few sentences.
    let mut out = Vec::with_capacity(limit.min(text.len() / 100 + 1));
    let mut start = 0;
    let mut i = 0;
    let bytes = text.as_bytes();
    // Terminators are ASCII or start with 0xE3/0xEF (。！？): search bytes, decode only there.
    let mut wide = WideSearch::default();
    while let Some(pos) = next_terminator_byte(bytes, i, &mut wide) {
        let c = text[pos..].chars().next().unwrap_or('.');
        if !is_terminator(c) {
            i = pos + c.len_utf8();
            continue;
        }
        // Extend over repeated terminators and closing marks: `?!”)`.
        let mut end = pos + c.len_utf8();
        let mut closing_quote = false;
        for ch in text[end..].chars() {
            if !(is_terminator(ch) || is_closer(ch)) {
                break;
            }
            closing_quote |= matches!(ch, '”' | '"' | '’' | '\'');
            end += ch.len_utf8();
        }
        i = end;
        let after = &text[end..];
        let rest = after.trim_start();
        let spaced = rest.len() < after.len();
        let cjk = matches!(c, '。' | '！' | '？');
        let boundary = match rest.chars().next() {
            None => true,
            // "SACRAMENTO, Calif. (AP) — …": a dateline's agency and dash
            // go on from the place; no sentence ends before them.
            Some('(') if agency_then_dash(rest) => false,
            Some(n) => {
                (spaced || cjk)
                    && (n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '“' | '‘' | '"' | '\'' | '(' | '[' | '【' | '「')
                        || crate::text::is_cjk(n))
            }
        };
        if !boundary {
            continue;
        }
        // "“Can we avoid them?” Zhang thought": the quote ends, the sentence goes on.
        let attribution_follows = matches!(c, '?' | '!')
            && closing_quote
            && rest
                .split_whitespace()
                .take(4)
                .any(|w| SPEECH_VERBS.contains(&w.trim_matches(|c: char| !c.is_alphabetic())));
        if !(attribution_follows || (c == '.' && is_abbreviation(&text[start..pos]))) {
            push_trimmed(&mut out, text, start..end);
            start = end;
            if out.len() >= limit {
                return out;
            }
        }
    }
    push_trimmed(&mut out, text, start..text.len());
    out
}

/// Whether `rest` opens with a short phrase in brackets and a dash after
/// it: the agency of a dateline, "(AP) —", "(Reuters) -".
fn agency_then_dash(rest: &str) -> bool {
    rest.bytes()
        .take(40)
        .position(|b| b == b')')
        .is_some_and(|close| rest[close + 1..].trim_start().starts_with(['—', '–', '-']))
}

/// The first byte at or after `from` that may start a terminator: `.`, `!`
/// or `?`, found with the `memchr` crate's SIMD search, or the lead byte of
/// a wide one (0xE3, 0xEF), whose position [`WideSearch`] keeps.
fn next_terminator_byte(bytes: &[u8], from: usize, wide: &mut WideSearch) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let ascii = memchr::memchr3(b'.', b'!', b'?', rest).map(|k| from + k);
    match (ascii, wide.next(bytes, from)) {
        (Some(a), Some(w)) => Some(a.min(w)),
        (a, w) => a.or(w),
    }
}

/// Where the next lead byte of a wide terminator is. English text has
/// few or none: one search answers every call until the search passes it,
/// instead of a search for five bytes at once from every full stop.
#[derive(Debug, Default)]
struct WideSearch {
    /// The first 0xE3 or 0xEF at or after `from`, found at `from`.
    found: Option<Option<usize>>,
    from: usize,
}

impl WideSearch {
    fn next(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        if let Some(found) = self.found
            && self.from <= from
            && found.is_none_or(|w| w >= from)
        {
            return found;
        }
        let found = bytes
            .get(from..)
            .and_then(|rest| memchr::memchr2(0xE3, 0xEF, rest))
            .map(|k| from + k);
        self.found = Some(found);
        self.from = from;
        found
    }
}

/// Whether the word just before a full stop is an abbreviation or an initial.
pub(crate) fn is_abbreviation(before: &str) -> bool {
    let word = last_word(before).trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        return false;
    }
    // Nearly every word before a full stop is ASCII letters alone, which
    // needs no splitting at dots.
    if word.bytes().all(|b| b.is_ascii_alphabetic()) {
        plain_abbreviation(word)
    } else {
        abbreviation_by_parts(word)
    }
}

/// [`abbreviation_by_parts`] for a word of ASCII letters: an initial if it
/// is one capital, otherwise an abbreviation only if listed.
fn plain_abbreviation(word: &str) -> bool {
    if word.len() == 1 {
        word.as_bytes()[0].is_ascii_uppercase()
    } else {
        ABBREVIATION_SET.contains_folded(word)
    }
}

/// Initials and dotted abbreviations ("U.S", "J", "a.m"), or a listed word.
fn abbreviation_by_parts(word: &str) -> bool {
    let mut parts = 0;
    let mut initials = true;
    for part in word.split('.') {
        let mut chars = part.chars();
        initials &= matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
        parts += 1;
    }
    if initials {
        return word.chars().next().is_some_and(char::is_uppercase) || parts > 1;
    }
    ABBREVIATION_SET.contains_folded(word)
}

/// The last word of `before`, after its last whitespace or "(". Nearly
/// every word before a full stop is ASCII: it is found from the bytes,
/// without decoding characters backwards, unless a byte of another
/// character stops the scan. (`char::is_whitespace` takes the vertical tab,
/// 0x0B, which `is_ascii_whitespace` does not.)
fn last_word(before: &str) -> &str {
    let b = before.as_bytes();
    let ends_word = |c: u8| c.is_ascii_whitespace() || c == 0x0B || c == b'(';
    let mut start = b.len();
    while start > 0 && b[start - 1].is_ascii() && !ends_word(b[start - 1]) {
        start -= 1;
    }
    if start == 0 || b[start - 1].is_ascii() {
        return &before[start..];
    }
    before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let trimmed = trim_range(text, range);
    if !trimmed.is_empty() {
        out.push(trimmed);
    }
}

/// Longest sentence copied whole into a quote or figure, in bytes.
pub const MAX_SENTENCE: usize = 2000;

/// The part of `sentence` to copy for an item at `span` inside it: the whole
/// sentence, or if it is longer than `max` bytes (a list or table run
/// together without full stops), a verbatim window of about `max` bytes
/// around the item, cut at spaces, and kept within `room` (from the end of
/// the item before to the start of the item after). Copying a run-on sentence
/// whole for each of its items made long paragraphs quadratic in time and
/// memory; a window of `max` bytes for each of thousands of short items in
/// one sentence still made the copies hundreds of times the text.
pub fn sentence_around(
    text: &str,
    sentence: Range<usize>,
    span: Range<usize>,
    room: Range<usize>,
    max: usize,
) -> Range<usize> {
    let start = sentence.start.min(span.start);
    let end = sentence.end.max(span.end);
    if end - start <= max {
        return start..end;
    }
    let start = start.max(room.start.min(span.start));
    let end = end.min(room.end.max(span.end));
    let reach = max / 2;
    let mut lo = start.max(span.start.saturating_sub(reach));
    let mut hi = end.min(span.end + reach);
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    let lo = match text[lo..span.start].find(char::is_whitespace) {
        Some(k) if lo > start => lo + k + 1,
        _ => lo,
    };
    let hi = match text[span.end..hi].rfind(char::is_whitespace) {
        Some(k) if hi < end => span.end + k,
        _ => hi,
    };
    lo..hi
}

/// `range` without the whitespace at its ends; empty (at its start) if it is all whitespace.
pub fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    if lead == slice.len() {
        return range.start..range.start;
    }
    let trail = slice.len() - slice.trim_end().len();
    range.start + lead..range.end - trail
}

/// A lowercase ASCII slug: letters and digits joined by single hyphens, at most
/// `max_words` words; apostrophes vanish ("Party’s" → "partys"), `%` becomes "pct".
pub fn slug(text: &str, max_words: usize) -> String {
    let mut out = String::new();
    slug_into(&mut out, text, max_words);
    out
}

/// [`slug`], appended to `out`: ids are a prefix and a slug, made in one string.
pub fn slug_into(out: &mut String, text: &str, max_words: usize) {
    // Built in place, no String per word. `word` is where the current word
    // starts in `out`.
    let mut word = out.len();
    let mut words = 0;
    // Whether `out[word..]` is all digits, kept as it grows: reading the word
    // again at each `,` made a long run of "1,1,1,…" quadratic.
    let mut digits = true;
    if max_words == 0 {
        return;
    }
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            digits &= c.is_ascii_digit();
        } else if matches!(c, '\'' | '’') || (matches!(c, ',' | '.') && out.len() > word && digits)
        {
            // "Party’s" and "24,000" stay one word.
        } else {
            if c == '%' {
                out.push_str("pct");
            }
            if out.len() > word {
                words += 1;
                if words == max_words {
                    return;
                }
                out.push('-');
                word = out.len();
                digits = true;
            }
        }
    }
    // A hyphen after the last word, with no word after it.
    if words > 0 && out.len() == word {
        out.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The short way for words of plain letters answers as the general one.
    #[test]
    fn plain_words_as_abbreviations() {
        for word in [
            "J", "j", "a", "I", "Mr", "mr", "Dr", "St", "said", "Gov", "Sen", "etc", "US", "Inc",
            "Jan", "Corp", "No", "vs", "year", "Calif",
        ] {
            assert_eq!(
                plain_abbreviation(word),
                abbreviation_by_parts(word),
                "{word}"
            );
        }
        assert!(is_abbreviation("said Mr"));
        assert!(is_abbreviation("Elijah E"));
        assert!(!is_abbreviation("the year"));
        assert!(is_abbreviation("the U.S"));
    }

    #[test]
    fn the_last_word_read_from_bytes_as_from_characters() {
        for before in [
            "",
            "Mr",
            "He met Mr",
            "U.S",
            "the U.S",
            "J",
            "a.m",
            "at 5 p.m",
            "(Sen",
            "Dr",
            "said Gov",
            "end",
            "in Calif",
            "No",
            "Inc",
            "vs",
            "e.g",
            "i.e",
            "x",
            "2",
            "a\u{0B}Mr",
            "café",
            "Ét",
            "Zürich Mr",
            "Mr\u{a0}Dr",
            "\u{a0}Mr",
            "—Mr",
            "“Mr",
            "(D-Calif",
            "H.R",
            "3.5",
            "Vol",
            "St",
            "ST",
            "Jan",
            "Ms",
        ] {
            let by_chars = before
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("");
            assert_eq!(last_word(before), by_chars, "{before:?}");
        }
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "He left. “We go,” he said. “Now.”",
                &["He left.", "“We go,” he said.", "“Now.”"],
            ),
            (
                "“Why leave? Because,” said Zhang.",
                &["“Why leave?", "Because,” said Zhang."],
            ),
            (
                "“Can we avoid them?” Zhang thought.",
                &["“Can we avoid them?” Zhang thought."],
            ),
            (
                "U.S. Customs and Border Patrol reported it. Then more.",
                &["U.S. Customs and Border Patrol reported it.", "Then more."],
            ),
            (
                "Shou Feng Co., Ltd. in Anyang. Next.",
                &["Shou Feng Co., Ltd. in Anyang.", "Next."],
            ),
            (
                "It rose 1.8% in 2022. 2023 was worse.",
                &["It rose 1.8% in 2022.", "2023 was worse."],
            ),
            ("very happy … and fair.", &["very happy … and fair."]),
            // A dateline's agency goes on from its place.
            (
                "SACRAMENTO, Calif. (AP) — Gov. Elena Ruiz signed it. (It was late.)",
                &[
                    "SACRAMENTO, Calif. (AP) — Gov. Elena Ruiz signed it.",
                    "(It was late.)",
                ],
            ),
            (
                "ORLANDO, Fla. (Reuters) - The president met them.",
                &["ORLANDO, Fla. (Reuters) - The president met them."],
            ),
            ("习近平说。他走了。", &["习近平说。", "他走了。"]),
            ("  padded.  ", &["padded."]),
            ("", &[]),
            ("no terminator", &["no terminator"]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text}");
        }
    }

    #[test]
    fn slugs() {
        let cases = [
            (
                "Cross-Border Repression and the Chinese Communist Party’s (中共) Draconian Rule",
                20,
                "cross-border-repression-and-the-chinese-communist-partys-draconian-rule",
            ),
            ("‘No way to survive’", 8, "no-way-to-survive"),
            ("more than 24,000 Chinese nationals", 3, "more-than-24000"),
            ("a rise of 70%", 8, "a-rise-of-70pct"),
            ("U.S.$160 billion", 8, "u-s-160-billion"),
            ("中共", 8, ""),
            ("one two three", 0, ""),
            ("one two three", 1, "one"),
            ("one, two. ", 2, "one-two"),
            ("one, two. ", 3, "one-two"),
            ("50% of 1,000.5 ", 8, "50pct-of-10005"),
            ("%", 8, "pct"),
            ("", 8, ""),
        ];
        for (text, n, want) in cases {
            assert_eq!(slug(text, n), want, "{text}");
        }
    }
}

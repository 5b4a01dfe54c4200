//! A quotation that is a whole sentence, ended by its own full stop, and a
//! short sentence after it that only names who said it: `“… the emails.”
//! Trump said.`, `“… such fun!” Trump tweeted.`, `“…?” Beck questioned.`
//!
//! The sentence splitter ends a sentence at `.”` before a capital (and at
//! `!”` or `?”` unless a verb of speech as such follows), so the attribution
//! lands in a sentence of its own and the quote has none beside it. Such a
//! tail is read back into the quote's clause only when it is nothing but the
//! attribution and a circumstance: "Trump said the crowd was angry" is a new
//! statement about something else and stays a sentence of its own.

use super::attribute::{Word, word_iter};
use super::sieves;

/// Words that may open the circumstance after the verb: "Trump said on
/// Monday", "… said as he launched the process", "… tweeted, quoting …".
fn opens_circumstance(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "at"
            | "during"
            | "as"
            | "after"
            | "before"
            | "while"
            | "when"
            | "from"
            | "via"
            | "through"
            | "into"
            | "over"
            | "later"
            | "earlier"
            | "recently"
            | "last"
            | "this"
            | "yesterday"
            | "today"
            | "tonight"
    )
}

/// "pleasantly", "flatly": a lower-case word in -ly of more than four letters
/// ("only", "July" and "Kelly" are not manner).
fn is_manner_adverb(w: &Word) -> bool {
    w.core.len() > 5 && w.core.ends_with("ly") && w.core.starts_with(char::is_lowercase)
}

/// Whether `sentence` (with no quotation marks of its own) is the
/// attribution of the quotation that ends the sentence before it.
pub fn is_attribution(sentence: &str) -> bool {
    if sentence.contains(['“', '”', '"']) {
        return false;
    }
    let ws: Vec<Word> = word_iter(sentence).take(16).collect();
    if ws.len() > 14 {
        return false;
    }
    let Some(f) = sieves::after(sentence) else {
        return false;
    };
    if !matches!(f.sieve, "quote-speaker-verb" | "quote-verb-speaker") {
        return false;
    }
    let used = f.evidence.split(' ').count();
    let Some(last) = ws.get(used.wrapping_sub(1)) else {
        return false;
    };
    // "Roe said pleasantly into the phone": a manner adverb after the verb
    // (lower case, so no name) leaves the attribution as it was.
    let (last, at) = match ws.get(used) {
        Some(w) if !last.closed && is_manner_adverb(w) => (w, used + 1),
        _ => (last, used),
    };
    match ws.get(at) {
        None => true,
        // "told CNN", "told reporters": the verb takes its hearer.
        Some(_) if matches!(last.core, "told" | "tells") => true,
        Some(next) => last.closed || opens_circumstance(next.core),
    }
}

#[cfg(test)]
mod tests {
    use super::is_attribution;

    #[test]
    fn a_sentence_that_only_names_the_speaker() {
        for s in [
            "Trump said.",
            "Beck questioned.",
            "Roe tweeted.",
            "Jane Roe said on Monday.",
            "said Jane Roe.",
            "Roe told reporters in Ohio.",
            "Roe said as she left the stage.",
            "Roe tweeted, quoting the director.",
            "Roe, a retired nurse, said pleasantly into the phone.",
            "Roe said flatly.",
        ] {
            assert!(is_attribution(s), "{s}");
        }
    }

    #[test]
    fn a_sentence_that_says_something_else() {
        for s in [
            "Roe said the crowd was angry.",
            "Roe said quickly that the crowd was angry.",
            "The crowd cheered.",
            "Roe said that she would not run again next year in any state.",
            "He left the stage “angry”, Roe said.",
            "Then the band played for an hour and everyone went home tired and happy.",
        ] {
            assert!(!is_attribution(s), "{s}");
        }
    }
}

//! Ages a news sentence states without "old" or "aged": "at the age of
//! 92", "turns 70 on Tuesday", "Mr. Sperling, then 38,", "She was 92." The
//! count rules turn these numbers away (a bare number is no statistic);
//! a news quantity set counts them, so they are listed as framing
//! quantities of the kind "age" (`framing.rs`).
//!
//! Each form needs a word that says "age" and the number ending its
//! clause, so "turned 30 percent" or "was 92 points" never read as one.

use super::{Frame, Framed, framed};
use crate::extract::figures::lex::{Kind, Tok};

/// The age whose number runs from token `i` to `j` (value `value`), if
/// the words around it make it one.
pub(super) fn at(toks: &[Tok], i: usize, j: usize, value: f64) -> Option<Framed> {
    if !(1.0..=120.0).contains(&value) || value.fract() != 0.0 || !ends_clause(toks, j) {
        return None;
    }
    let word = |k: usize| {
        i.checked_sub(k)
            .map(|p| &toks[p])
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower().as_str().to_string())
    };
    let (p1, p2, p3) = (word(1), word(2), word(3));
    let is = |w: &Option<String>, set: &[&str]| w.as_deref().is_some_and(|w| set.contains(&w));
    // "at the age of 92", "the average age of 71", "under the age of 30".
    if is(&p1, &["of"]) && is(&p2, &["age"]) {
        return Some(framed(i - 2, j, value, Frame::Age, Some("years"), None));
    }
    // "turns 70", "before they turned 18".
    if is(&p1, &["turns", "turned", "turning", "turn"]) {
        return Some(age(i, j, value));
    }
    // "Mr. Sperling, then 38,", "Daniloff, now 81 and retired".
    let comma = i > 1 && toks[i - 2].is_mark(",");
    let named = i > 2 && toks[i - 3].capitalised() && toks[i - 3].kind == Kind::Word;
    if is(&p1, &["then", "now"]) && toks[i - 1].gap && comma && named && value >= 15.0 {
        return Some(age(i, j, value));
    }
    // "She was 92.", "who is 28,", "I'm 76,": a person is a number.
    let person = is(&p2, &["he", "she", "who", "i"]) && is(&p1, &["is", "was", "am"])
        || i > 0 && (toks[i - 1].is_word("i’m") || toks[i - 1].is_word("i'm"))
        || is(&p3, &["he", "she", "who", "i"]) && is(&p2, &["will"]) && is(&p1, &["be"]);
    (person && value >= 15.0).then(|| age(i, j, value))
}

fn age(i: usize, j: usize, value: f64) -> Framed {
    framed(i, j, value, Frame::Age, Some("years"), None)
}

/// Whether the number ending at `j` ends its clause: a full stop, a comma,
/// a semicolon, a bracket or a dash, or "and", "when" or "on" after it.
fn ends_clause(toks: &[Tok], j: usize) -> bool {
    toks.get(j + 1).is_none_or(|n| {
        matches!(n.text, "." | "," | ";" | ")" | "?" | "!" | "”" | "\"")
            || (n.is_dash() && n.gap)
            || (n.gap
                && ["and", "when", "on", "in", "this", "next", "last"]
                    .iter()
                    .any(|w| n.is_word(w)))
    })
}

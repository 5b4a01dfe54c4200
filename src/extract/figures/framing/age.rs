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

/// Words for the people an age group is of: "voters under 30", "those
/// over 65", "Latinos younger than 30" ("a population under 500" is a
/// count, not an age).
const PEOPLE: &[&str] = &[
    "voters",
    "those",
    "people",
    "adults",
    "americans",
    "latinos",
    "hispanics",
    "blacks",
    "whites",
    "women",
    "men",
    "children",
    "kids",
    "residents",
    "anyone",
    "everyone",
    "workers",
    "democrats",
    "republicans",
    "independents",
    "millennials",
    "respondents",
    "citizens",
    "students",
    "caucusgoers",
];

/// An age group's bound: "voters under 30", "Latinos younger than 30",
/// "those over 65" (after a word for people), and "those 45 and older",
/// "voters were 45 or older", "blacks 45 and over" (its lower bound,
/// "at least"). The number is in digits and no unit or noun follows it
/// ("voters under 30 percent", "those over 65 years" are not ages).
pub(super) fn threshold(toks: &[Tok], i: usize, j: usize, value: f64) -> Option<Framed> {
    if !(2.0..=110.0).contains(&value) || value.fract() != 0.0 || toks[i].kind != Kind::Num {
        return None;
    }
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == Kind::Word && t.gap)
            .map(|t| t.lower().as_str().to_string())
    };
    let is = |k: usize, set: &[&str]| word(k).is_some_and(|w| set.contains(&w.as_str()));
    // "45 and older", "45 or older", "45 and over", "18 and up".
    if is(j + 1, &["and", "or"])
        && is(j + 2, &["older", "over", "up", "above"])
        && !toks.get(j + 3).is_some_and(|n| n.kind == Kind::Num)
    {
        let mut f = age(i, j + 2, value);
        f.qualifier = Some("at least");
        return Some(f);
    }
    if !no_unit_after(toks, j) {
        return None;
    }
    let (first, bound) = if i >= 2 && is(i - 1, &["than"]) && is(i - 2, &["younger", "older"]) {
        (i - 2, i - 2)
    } else if i >= 1 && is(i - 1, &["under", "over", "below", "above"]) {
        (i - 1, i - 1)
    } else {
        return None;
    };
    let people = first
        .checked_sub(1)
        .is_some_and(|p| toks[p].kind == Kind::Word && PEOPLE.contains(&toks[p].lower().as_str()));
    if !people {
        return None;
    }
    let younger = is(bound, &["under", "below", "younger"]);
    let mut f = framed(first, j, value, Frame::Age, Some("years"), None);
    f.qualifier = Some(if younger { "less than" } else { "more than" });
    Some(f)
}

/// Whether nothing after the number at `j` makes it a measure or a count:
/// no unit, no percent, no noun; a mark, a capital, or a small word.
fn no_unit_after(toks: &[Tok], j: usize) -> bool {
    toks.get(j + 1).is_none_or(|n| match n.kind {
        Kind::Mark => !matches!(n.text, "%" | "-" | "/" | "$") || n.gap,
        Kind::Num => false,
        Kind::Word => {
            n.gap
                && (n.capitalised()
                    || [
                        "and",
                        "in",
                        "who",
                        "were",
                        "are",
                        "was",
                        "is",
                        "say",
                        "said",
                        "by",
                        "at",
                        "from",
                        "across",
                        "this",
                        "last",
                        "or",
                        "to",
                        "with",
                        "than",
                        "have",
                        "had",
                        "made",
                        "make",
                        "support",
                        "supported",
                        "backed",
                        "favored",
                        "favor",
                        "preferred",
                        "prefer",
                        "voted",
                        "chose",
                        "but",
                    ]
                    .iter()
                    .any(|w| n.is_word(w)))
        }
    })
}

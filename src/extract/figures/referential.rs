//! Referential counts: a number after a determiner or a possessive, with
//! the noun it counts after it ("the two candidates", "all five states",
//! "the 17 Republican candidates", "his 10 rivals", "Clinton’s two
//! daughters"). The figure policy (`mod.rs`) leaves them out of a brief's
//! statistics: they name a group already introduced rather than state how
//! large something is. A news quantity set counts them, so they are listed
//! as framing quantities of the kind "referential" (`framing.rs`).
//!
//! The edges, decided so the rule never needs to guess:
//! - the number is 2 or more: "the one", "one of the" and "the 1" stay out,
//!   as the news measure leaves out a bare "one";
//! - a counted noun follows, a plural within three describing words; or,
//!   for a number in words, nothing that could be one does ([`bare`]: "the
//!   two of them", "all five say", "between the two."): the count is
//!   stated, the group it counts is named elsewhere (often by names: "Cruz
//!   and Rubio … The two …"), so the figure has no subject rather than a
//!   guessed one. A number in digits needs its noun ("the 757 can" is a
//!   plane), and a range ("the three or six months") is no count;
//! - a number in words written with a capital ("the Three Gorges") is a name.

use super::count::is_year;
use super::count::plural_at;
use super::grammar as g;
use super::lex::{Kind, Tok};
use super::words as w;

/// The counted noun of the referential count whose number runs from token
/// `i` to `j`, if the words before and after make it one.
pub(super) fn noun(toks: &[Tok], i: usize, j: usize, value: f64) -> Option<usize> {
    let t = &toks[i];
    if value < 2.0 || !t.gap || t.capitalised() || is_year(t.text) {
        return None;
    }
    if !determined(toks, i) {
        return None;
    }
    head(toks, j + 1)
}

/// Whether the number in words from token `i` to `j` is a referential
/// count without its noun: "the two of them", "all five say", "those two
/// sharply diverge", "between the two." A determiner before it, and after
/// it the end of the clause, a function word or a verb, never a word that
/// could be the counted noun (that is [`noun`]'s case, or no count).
pub(super) fn bare(toks: &[Tok], i: usize, j: usize, value: f64) -> bool {
    let t = &toks[i];
    if value < 2.0 || t.kind != Kind::Word || !t.gap || t.capitalised() || !determined(toks, i) {
        return false;
    }
    // "only two", "each two", "any two" say how few, not which.
    let p = &toks[i - 1];
    if p.kind == Kind::Word && matches!(p.lower().as_str(), "only" | "any" | "which" | "another") {
        return false;
    }
    if head(toks, j + 1).is_some() {
        return false;
    }
    let Some(n) = toks.get(j + 1) else {
        return true;
    };
    if n.kind == Kind::Mark {
        // "the two-H club", "the three $53 million": no end of a clause.
        let closes = matches!(
            n.text,
            "," | "." | ";" | ":" | ")" | "?" | "!" | "”" | "\"" | "’" | "'"
        );
        return closes || (n.is_dash() && n.gap);
    }
    if n.kind != Kind::Word || !n.gap || n.capitalised() {
        return false;
    }
    let lw = n.lower();
    let word = lw.as_str();
    // "the three or six months", "the two to three points": a range.
    let range = matches!(word, "or" | "to" | "and")
        && toks
            .get(j + 2)
            .is_some_and(|m| m.kind == Kind::Num || w::small_number_folded(m.text).is_some());
    if range {
        return false;
    }
    g::stop_word(word) || g::verb_like(word) || AFTER_A_BARE_COUNT.contains(&word)
}

/// Words after a number without its noun that show no noun is coming:
/// verbs of being, having and saying, and adverbs.
const AFTER_A_BARE_COUNT: &[&str] = &[
    "are", "were", "have", "had", "has", "is", "was", "will", "would", "can", "could", "should",
    "may", "might", "must", "do", "did", "don't", "didn't", "say", "said", "met", "spoke", "also",
    "both", "all", "still", "never", "now", "then", "together", "alone", "apart", "again", "agree",
    "disagree", "remain", "write", "wrote", "became", "become", "who", "whom", "whose", "that",
    "which", "here", "there", "seem", "appear", "differ",
];

/// Whether the word before the number at `i` is a determiner or a
/// possessive that points at a known group.
fn determined(toks: &[Tok], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).map(|p| &toks[p]) else {
        return false;
    };
    if p.kind == Kind::Word {
        let lw = p.lower();
        let word = lw.as_str();
        // "both", "each" and "every" do not stand before a count.
        let determiner = g::referential(word) && !matches!(word, "both" | "each" | "every");
        let possessive = p.capitalised() && p.possessive();
        return determiner || possessive;
    }
    // "Sanders’ two rivals": the apostrophe is a token of its own.
    matches!(p.text, "’" | "'")
        && !p.gap
        && i > 1
        && toks[i - 2].capitalised()
        && toks[i - 2].text.ends_with('s')
}

/// The plural noun at `k` or after at most three describing words
/// ("remaining", "Republican", "young"), joined by hyphens or not. A
/// participle in -ed is read as a verb ("the two discussed plans"), so it
/// ends the search; a stop word does too ("the two of them").
fn head(toks: &[Tok], k: usize) -> Option<usize> {
    let mut m = k;
    let mut words = 0;
    while let Some(t) = toks.get(m) {
        if t.is_dash() && !t.gap && m > k {
            m += 1;
            continue;
        }
        if t.kind != Kind::Word || (!t.gap && !toks[m - 1].is_dash()) {
            return None;
        }
        let lw = t.lower();
        let word = lw.as_str();
        if g::stop_word(word) || w::time_unit(word) || w::scale(word).is_some() {
            return None;
        }
        let counted = w::measure(word).is_none() && w::currency_word(word).is_none();
        let plural = if t.gap {
            plural_at(toks, m) || (t.capitalised() && w::group_plural(word))
        } else {
            hyphened_plural(toks, m, word)
        };
        if counted && plural {
            return Some(m);
        }
        if t.gap {
            words += 1;
        }
        if words > 3 || (word.ends_with("ed") && g::verb_like(word)) {
            return None;
        }
        m += 1;
    }
    None
}

/// "front-runners", "standard-bearers": the plural after a hyphen ends a
/// compound noun when no other word joins on.
fn hyphened_plural(toks: &[Tok], m: usize, word: &str) -> bool {
    let joined_on = toks.get(m + 1).is_some_and(|n| !n.gap && n.is_dash());
    !joined_on
        && !toks[m].capitalised()
        && word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
}

//! Counts whose noun is elided: "Trump leads the race for delegates with
//! 55.", "Rubio has 151, or", "Clinton has 1,163 delegates to Sanders’
//! 844", "Cruz has 17." A news report states a count once with its noun
//! and then repeats the noun by leaving it out. Such a bare number is a
//! count when
//! - a verb of holding or winning ("has", "won", "with") stands before it,
//!   or it follows the possessive of a name after "to", "and" or a comma
//!   ("to Sanders’ 844", "and Kasich’s 143");
//! - it ends its clause (a mark, or "and", "to", "while", "but", "or"),
//!   or it is a later member of a list of counts for names ("42 votes for
//!   Trump, 18 for Cruz and 16 for Rubio"), whose first has the noun;
//! - and a count with its noun stands in the same sentence or the one
//!   before or after ("… has 11 delegates"), or, for the possessive, just
//!   before it in the sentence ("81 delegates to Rubio’s 17").
//!
//! "She is 45." has no verb of holding, and "at 54" may be an age or a
//! rating, so they stay out.

use super::{Fig, Shape};
use crate::extract::figures::lex::{Kind, Tok};
use crate::extract::figures::quantity::{Support, Unit};

/// Raises the support of every elided count in `figs` and marks it
/// parallel when the count that gives its noun is the figure just before.
pub(super) fn mark(toks: &[Tok], figs: &mut [Fig], sentence_of: &[usize]) {
    for k in 0..figs.len() {
        let f = &figs[k];
        let bare = f.support == Support::Weak
            && f.plain
            && f.shape == Shape::Single
            && f.unit == Unit::Count
            && f.qualifier.is_none()
            && f.rate.is_none()
            && f.change.is_none()
            && f.values.len() == 1
            && f.values[0] >= 2.0;
        let for_name = for_a_name(toks, f.last) && listed(toks, f.first);
        let side = vote_side(toks, f.last) && listed(toks, f.first);
        if !bare || !(ends_clause(toks, f.last) || for_name || side) {
            continue;
        }
        let sentence = |m: usize| {
            sentence_of
                .get(figs[m].first)
                .copied()
                .unwrap_or(usize::MAX)
        };
        let s = sentence(k);
        let counted = |m: usize| {
            figs[m].support >= Support::Noun && figs[m].unit == Unit::Count && figs[m].plain
        };
        let source = if for_name {
            // "42 votes for Trump, 18 for Cruz": the count before, with
            // its noun and a name of its own.
            // "… and 16 for Lee": the list's earlier members lead to it.
            (0..k)
                .rev()
                .take_while(|&m| sentence(m) == s)
                .take(6)
                .find(|&m| {
                    counted(m) && (figs[m].last + 1..figs[m].last + 3).any(|e| for_a_name(toks, e))
                })
                .map(|_| k - 1)
        } else if side || votes_to(toks, f.first) {
            // "476 votes in favour, 129 against", "by 400 votes to 150":
            // the count of votes just before.
            k.checked_sub(1).filter(|&m| sentence(m) == s && counted(m))
        } else if held(toks, f.first) {
            (0..figs.len())
                .filter(|&m| m != k && counted(m) && sentence(m).abs_diff(s) <= 1)
                .min_by_key(|&m| m.abs_diff(k))
        } else if contrasted(toks, f.first) {
            k.checked_sub(1).filter(|&m| {
                sentence(m) == s && figs[m].support > Support::Weak && figs[m].unit == Unit::Count
            })
        } else {
            None
        };
        if let Some(m) = source {
            figs[k].support = Support::Verb;
            figs[k].parallel = m + 1 == k;
        }
    }
}

/// Verbs of holding or winning a count, and "with": "has 151", "won six",
/// "with 568".
const HOLDING: &[&str] = &[
    "has", "had", "have", "won", "wins", "win", "took", "takes", "got", "gets", "holds", "held",
    "gained", "gaining", "with", "killing", "chose",
];

/// Whether a verb of holding stands just before the number at `i`.
fn held(toks: &[Tok], i: usize) -> bool {
    i.checked_sub(1)
        .map(|p| &toks[p])
        .is_some_and(|p| p.kind == Kind::Word && HOLDING.iter().any(|w| p.is_word(w)))
}

/// Whether the number at `i` follows the possessive of a name after "to",
/// "and" or a comma: "to Cruz’s 465", "to Sanders’ 844", "and Kasich's 143".
fn contrasted(toks: &[Tok], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).map(|p| &toks[p]) else {
        return false;
    };
    let name = if p.kind == Kind::Word {
        let possessive = p.possessive();
        (possessive && p.capitalised()).then_some(i - 1)
    } else {
        // "Sanders’ 844": the apostrophe is a token of its own.
        // `then`, not `then_some`: the index is made only when it exists.
        (matches!(p.text, "’" | "'") && !p.gap && i > 1 && toks[i - 2].capitalised()).then(|| i - 2)
    };
    let Some(n) = name else {
        return false;
    };
    // The name may be several words: "Ohio Governor John Kasich’s".
    let mut b = n;
    while b > 0 && toks[b - 1].capitalised() && toks[b - 1].kind == Kind::Word && n - b < 4 {
        b -= 1;
    }
    b.checked_sub(1)
        .map(|q| &toks[q])
        .is_some_and(|q| q.is_word("to") || q.is_word("and") || q.is_mark(","))
}

/// Whether the side of a vote follows the token at `j`: "129 against",
/// "129 opposed", "24 in favour".
fn vote_side(toks: &[Tok], j: usize) -> bool {
    let word = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.gap && t.is_word(w));
    word(j + 1, "against")
        || word(j + 1, "opposed")
        || (word(j + 1, "in") && (word(j + 2, "favour") || word(j + 2, "favor")))
}

/// Whether "votes to" stands just before the number at `i`: "by 400 votes
/// to 150", the votes the other side cast.
fn votes_to(toks: &[Tok], i: usize) -> bool {
    i >= 2 && toks[i - 1].is_word("to") && toks[i - 2].is_word("votes")
}

/// Whether "for" and a name follow the token at `j`: "18 for Cruz".
fn for_a_name(toks: &[Tok], j: usize) -> bool {
    toks.get(j + 1).is_some_and(|f| f.gap && f.is_word("for"))
        && toks
            .get(j + 2)
            .is_some_and(|n| n.gap && n.kind == Kind::Word && n.capitalised())
}

/// Whether the number at `i` is a later member of a list: after a comma
/// or "and".
fn listed(toks: &[Tok], i: usize) -> bool {
    i.checked_sub(1)
        .map(|p| &toks[p])
        .is_some_and(|p| p.is_mark(",") || p.is_word("and"))
}

/// Whether the number ending at `j` ends its clause.
fn ends_clause(toks: &[Tok], j: usize) -> bool {
    toks.get(j + 1).is_none_or(|n| {
        (n.kind == Kind::Mark && !matches!(n.text, "/" | "%" | "$" | "-" | "'" | "’"))
            || (n.gap
                && ["and", "to", "while", "but", "or"]
                    .iter()
                    .any(|w| n.is_word(w)))
    })
}

//! Joins amounts that state one figure together: a change written "from X …
//! to Y", "Y …, up from X" or "to Y from X" (values in chronological order,
//! earlier first), a range "between X and Y", and lists ("900, 379, and 248
//! Chinese") whose bare members share their neighbours' support and unit.

mod elided;

use super::change::{By, by_to};
use super::lex::Tok;
use super::one_or_two::OneOrTwo;
use super::quantity::{Cand, Support, Unit};

/// How a figure was written, which decides where its periods sit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    Single,
    /// "from X … to Y": the earlier value is written first.
    Forward,
    /// "Y …, up from X" and "to Y from X": the later value is written first.
    Reverse,
    /// "between X and Y", "10–15%".
    Range,
}

/// A figure as token positions, before its words are looked up.
#[derive(Debug, Clone)]
pub(super) struct Fig {
    pub first: usize,
    pub last: usize,
    pub values: OneOrTwo<f64>,
    pub unit: Unit,
    pub rate: Option<&'static str>,
    pub qualifier: Option<&'static str>,
    pub support: Support,
    pub shape: Shape,
    /// Token spans of the values, in `values` order.
    pub parts: OneOrTwo<(usize, usize)>,
    /// Members of one list share an id (and a subject).
    pub list: Option<usize>,
    /// A number of a parallel clause ("… and Jones has 10"): it counts what
    /// the figure before it counts, and takes its subject.
    pub parallel: bool,
    pub plain: bool,
    /// The change stated beside the level: "by 40%" of "by 40% to $2.1 billion".
    pub change: Option<By>,
}

/// At most this many tokens between the two amounts of a change: enough for
/// "from 15,362 at the end of 2012 to", short enough not to join two figures
/// of different claims in one long sentence.
const MAX_GAP: usize = 18;

/// Pairs and lists from the amounts of one paragraph; figures no rule supports are dropped.
pub(super) fn combine(toks: &[Tok], cands: Vec<Cand>, sentence_of: &[usize]) -> Vec<Fig> {
    let mut figs: Vec<Fig> = Vec::with_capacity(cands.len());
    let mut k = 0;
    while k < cands.len() {
        if let Some(next) = cands.get(k + 1)
            && let Some(by) = by_to(toks, &cands[k], next, sentence_of)
        {
            // "rose 6.2% to $1.45 billion from $1.37 billion": the level
            // may be the later value of a change written "to Y from X".
            let from = cands
                .get(k + 2)
                .and_then(|c| pair(toks, next, c, sentence_of))
                .filter(|f| f.shape == Shape::Reverse);
            let mut fig = from.clone().unwrap_or_else(|| single(next));
            fig.first = by.start;
            fig.change = Some(by);
            fig.support = fig.support.max(cands[k].support);
            figs.push(fig);
            k += if from.is_some() { 3 } else { 2 };
            continue;
        }
        if let Some(next) = cands.get(k + 1)
            && let Some(fig) = pair(toks, &cands[k], next, sentence_of)
        {
            figs.push(fig);
            k += 2;
            continue;
        }
        figs.push(single(&cands[k]));
        k += 1;
    }
    lists(toks, &mut figs);
    parallels(toks, &mut figs, sentence_of);
    elided::mark(toks, &mut figs, sentence_of);
    figs.retain(|f| f.support > Support::Weak);
    figs
}

fn single(c: &Cand) -> Fig {
    let range = c.values.len() == 2;
    Fig {
        first: c.first,
        last: c.last,
        values: c.values,
        unit: c.unit,
        rate: c.rate,
        qualifier: c.qualifier.or(range.then_some("between")),
        support: c.support,
        shape: if range { Shape::Range } else { Shape::Single },
        parts: OneOrTwo::one((c.first, c.last)),
        list: None,
        parallel: false,
        plain: c.plain,
        change: None,
    }
}

/// The unit two amounts share; a bare number takes its partner's ("from 10 to 15%").
/// `reverse`: the second amount is the one changed from ("$15 an hour, up
/// from $12").
fn shared_unit(a: &Cand, b: &Cand, reverse: bool) -> Option<(Unit, Option<&'static str>)> {
    // "from £11.44 to £12.21 an hour": a rate written once, after the
    // second amount, is both amounts'; "$15 an hour, up from $12": after
    // the first, when the second is the level changed from.
    if a.unit == b.unit && (a.rate == b.rate || a.rate.is_none()) {
        Some((a.unit, b.rate))
    } else if a.unit == b.unit && reverse && b.rate.is_none() {
        Some((a.unit, a.rate))
    } else if a.plain {
        Some((b.unit, b.rate))
    } else if b.plain {
        Some((a.unit, a.rate))
    } else {
        None
    }
}

fn pair(toks: &[Tok], a: &Cand, b: &Cand, sentence_of: &[usize]) -> Option<Fig> {
    if a.values.len() != 1 || b.values.len() != 1 {
        return None;
    }
    let same_sentence = sentence_of.get(a.first) == sentence_of.get(b.last);
    let between = &toks[a.last + 1..b.first];
    if !same_sentence || between.len() > MAX_GAP || between.iter().any(|t| t.is_mark(";")) {
        return None;
    }
    let word_before = |k: usize, w: &str| k.checked_sub(1).is_some_and(|p| toks[p].is_word(w));
    let up_from = word_before(b.first, "from")
        && b.first >= 2
        && (toks[b.first - 2].is_word("up") || toks[b.first - 2].is_word("down"));
    let to_from = word_before(a.first, "to") && word_before(b.first, "from") && between.len() <= 10;
    let (unit, rate) = shared_unit(a, b, up_from || to_from)?;
    let (shape, first) = if let Some(from) = led_by(toks, a.first, "from")
        && led_by(toks, b.first, "to").is_some()
    {
        (Shape::Forward, from)
    } else if up_from || to_from {
        (Shape::Reverse, a.first)
    } else if word_before(a.first, "between") && between.len() == 1 && between[0].is_word("and") {
        (Shape::Range, a.first - 1)
    } else if between.len() == 1
        && between[0].is_word("to")
        && a.values[0] < b.values[0]
        && (a.plain || a.unit == b.unit)
        && !score(toks, a, b)
        && led_by(toks, a.first, "from").is_none()
    {
        // "a target band of 2 to 3 per cent", "200 to 300 homes", "$5,000
        // to $10,000": a range, not its upper end alone. A lower second
        // number is a score or a time ("5 to 4", "9 to 5").
        (Shape::Range, a.first)
    } else if between.len() == 1
        && between[0].is_dash()
        && !between[0].gap
        && !toks[b.first].gap
        && a.unit == b.unit
        && a.values[0] < b.values[0]
        && toks[b.last + 1..].iter().take(2).any(|t| {
            matches!(
                t.lower().as_str(),
                "range" | "band" | "corridor" | "bracket"
            )
        })
    {
        // "the 4.25%-4.50% range": each bound written whole. Without the
        // word, two such numbers are a poll's split: "a 42%-49% rating".
        (Shape::Range, a.first)
    } else {
        return None;
    };
    let support = a.support.max(b.support);
    let (values, parts, qualifier) = match shape {
        Shape::Reverse => (
            OneOrTwo::two(b.values[0], a.values[0]),
            OneOrTwo::two((b.first, b.last), (a.first, a.last)),
            a.qualifier,
        ),
        Shape::Range => (
            OneOrTwo::two(a.values[0], b.values[0]),
            OneOrTwo::two((a.first, a.last), (b.first, b.last)),
            Some("between"),
        ),
        _ => (
            OneOrTwo::two(a.values[0], b.values[0]),
            OneOrTwo::two((a.first, a.last), (b.first, b.last)),
            b.qualifier,
        ),
    };
    Some(Fig {
        first,
        last: b.last,
        values,
        unit,
        rate,
        qualifier,
        support,
        shape,
        parts,
        list: None,
        parallel: false,
        plain: false,
        change: None,
    })
}

/// Whether "A to B" sets two results against each other rather than
/// bounding one: after a verb of winning or leading ("lost the state 36
/// percent to 51 percent"), or as a whole in brackets with the unit written
/// twice ("a net rating of -6 (37 percent to 43 percent)").
fn score(toks: &[Tok], a: &Cand, b: &Cand) -> bool {
    let contest = toks[a.first.saturating_sub(4)..a.first].iter().any(|t| {
        matches!(
            t.lower().as_str(),
            "won"
                | "lost"
                | "beat"
                | "led"
                | "leads"
                | "trailed"
                | "trails"
                | "defeated"
                | "edged"
                | "winning"
                | "losing"
                | "leading"
                | "trailing"
                | "margin"
                | "vote"
        )
    });
    let bracketed = !a.plain
        && a.first > 0
        && toks[a.first - 1].is_mark("(")
        && toks.get(b.last + 1).is_some_and(|t| t.is_mark(")"));
    contest || bracketed
}

/// The position of `word` ("from", "to") before the amount at `k`, right
/// before it or before a description of the level: "from a low of 3,000",
/// "to a record 25,000", "to an all-time high of 25,000".
fn led_by(toks: &[Tok], k: usize, word: &str) -> Option<usize> {
    let mut m = k.checked_sub(1)?;
    for _ in 0..8 {
        let t = &toks[m];
        if t.is_word(word) {
            return Some(m);
        }
        let describes = t.is_dash()
            || matches!(
                t.lower().as_str(),
                "a" | "an"
                    | "the"
                    | "of"
                    | "low"
                    | "high"
                    | "peak"
                    | "record"
                    | "all"
                    | "time"
                    | "new"
                    | "total"
                    | "level"
                    | "base"
                    | "current"
                    | "present"
            );
        if !describes {
            return None;
        }
        m = m.checked_sub(1)?;
    }
    None
}

/// "900, 379, and 248 Chinese": bare members of a list are figures when one
/// member is (by a counted noun after the last or a counting verb before the
/// first), and take the unit of the last ("10, 20 and 30 percent").
fn lists(toks: &[Tok], figs: &mut [Fig]) {
    let linked = |a: &Fig, b: &Fig| {
        let between = &toks[a.last + 1..b.first];
        let joins = match between {
            [c] => c.is_mark(",") || c.is_word("and") || c.is_word("or"),
            [c, w] => c.is_mark(",") && (w.is_word("and") || w.is_word("or")),
            _ => false,
        };
        // A rate ("2,300 per day") is its own figure, not a list member.
        let simple = |f: &Fig| {
            f.shape == Shape::Single
                && f.qualifier.is_none()
                && f.rate.is_none()
                && f.change.is_none()
        };
        joins && simple(a) && simple(b) && (a.unit == b.unit || a.plain || b.plain)
    };
    let mut start = 0;
    let mut id = 0;
    while start < figs.len() {
        let mut end = start;
        while end + 1 < figs.len() && linked(&figs[end], &figs[end + 1]) {
            end += 1;
        }
        if end > start {
            let group = &mut figs[start..=end];
            let supported = group
                .iter()
                .map(|f| f.support)
                .max()
                .unwrap_or(Support::Weak);
            let unit = group.last().map_or(Unit::Count, |f| f.unit);
            for f in group.iter_mut() {
                if f.plain {
                    f.unit = unit;
                }
                // A bare number in words ("three million, two hundred")
                // is too often part of a longer number to be read alone.
                if supported > Support::Weak && f.plain {
                    f.support = f.support.max(Support::Verb);
                }
                f.list = Some(id);
            }
            id += 1;
        }
        start = end + 1;
    }
}

/// At most this many tokens from a figure to a bare number of a parallel clause.
const PARALLEL_GAP: usize = 16;

/// "Smith has 11 delegates and Jones has 10", "killed 130 in Paris and 32
/// in Brussels": a bare number in a clause built like the one before it, in
/// the same sentence, counts what its partner counts — the same verb before
/// both, or "and" before it and the same preposition after both. Words that
/// also stand before years and dates ("in", "of", "the") are no evidence.
fn parallels(toks: &[Tok], figs: &mut [Fig], sentence_of: &[usize]) {
    let lower = |k: Option<usize>| k.and_then(|k| toks.get(k)).map(Tok::lower);
    for w in 1..figs.len() {
        let bare = |f: &Fig| {
            f.shape == Shape::Single && f.rate.is_none() && f.change.is_none() && f.list.is_none()
        };
        let s = w - 1;
        let (a, b) = (&figs[s], &figs[w]);
        let near = b.first.saturating_sub(a.last) <= PARALLEL_GAP
            && sentence_of.get(a.first) == sentence_of.get(b.last);
        if b.support != Support::Weak || !bare(a) || !bare(b) || !near {
            continue;
        }
        let before = |f: &Fig| lower(f.first.checked_sub(1));
        let after = |f: &Fig| lower(Some(f.last + 1));
        let same_verb = match (before(a), before(b)) {
            (Some(x), Some(y)) => {
                x.as_str() == y.as_str()
                    && toks[a.first - 1].kind == super::lex::Kind::Word
                    && !matches!(
                        x.as_str(),
                        "in" | "of"
                            | "on"
                            | "at"
                            | "by"
                            | "from"
                            | "to"
                            | "since"
                            | "the"
                            | "and"
                            | "or"
                            | "between"
                            | "until"
                            | "before"
                            | "after"
                    )
            }
            _ => false,
        };
        let same_preposition = before(b).is_some_and(|x| x.as_str() == "and")
            && match (after(a), after(b)) {
                (Some(x), Some(y)) => {
                    x.as_str() == y.as_str()
                        && matches!(x.as_str(), "in" | "from" | "for" | "among" | "at" | "on")
                }
                _ => false,
            };
        // "Cruz has 69, Rubio has 41": two bare numbers after the same verb
        // of holding are a tally, whose noun an earlier sentence gave.
        let named = |f: &Fig| {
            f.first
                .checked_sub(2)
                .is_some_and(|k| toks[k].capitalised())
        };
        let tally = a.support == Support::Weak
            && same_verb
            && before(a).is_some_and(|x| tally_verb(x.as_str()))
            && named(a)
            && named(b);
        if a.support == Support::Weak && !tally {
            continue;
        }
        let unit = a.unit;
        if tally {
            figs[s].support = Support::Verb;
        }
        if same_verb || same_preposition {
            let f = &mut figs[w];
            f.support = Support::Verb;
            f.parallel = true;
            if f.plain {
                f.unit = unit;
            }
        }
    }
}

/// Verbs of holding a count that a tally repeats, clause after clause:
/// "Cruz has 69, Rubio has 41, Kasich has 19".
fn tally_verb(w: &str) -> bool {
    matches!(
        w,
        "has" | "had" | "won" | "wins" | "took" | "takes" | "got" | "gets" | "holds" | "held"
    )
}

//! Numbers in words: "two people", "two-thirds", "fourteenfold", "a million",
//! "half of", "one in five".

use super::{compound, dozens, finish, unit_after};
use crate::extract::figures::cand::{Cand, Support, Unit};
use crate::extract::figures::count::{
    counted_noun, more_after, part_of_whole, possessive_group, reported_after,
};
use crate::extract::figures::grammar as g;
use crate::extract::figures::lex::{Kind, Tok, number_parts, number_value};
use crate::extract::figures::one_or_two::OneOrTwo;
use crate::extract::figures::words::{self as w, Lower};

/// Numbers in words: "two", "four major forums", "two-thirds", "fourteenfold",
/// "a million", "half of". Only counts of two or more with a counted noun, or
/// with a scale word, are kept: "one of", "the two countries" and "Three
/// Gorges" are not statistics.
pub(super) fn in_words(toks: &[Tok], i: usize) -> Option<Cand> {
    let t = &toks[i];
    let lw = t.lower();
    let word = lw.as_str();
    let next = |k: usize| toks.get(i + k).map_or(Lower::new(""), Tok::lower);
    let gap_word = |k: usize| {
        toks.get(i + k)
            .is_some_and(|n| n.kind == Kind::Word && n.gap)
    };
    // "7-Eleven", "the Big Four", "Ocean's Eleven": a number word in
    // capitals inside a name counts nothing.
    if t.capitalised() && i > 0 {
        let p = &toks[i - 1];
        let glued_to_number =
            !t.gap && p.is_dash() && !p.gap && i >= 2 && toks[i - 2].kind == Kind::Num;
        let after_capital = p.gap
            && p.capitalised()
            && (p.possessive() || p.text.chars().all(|c| c.is_alphabetic()));
        if glued_to_number || after_capital {
            return None;
        }
    }
    if let Some(v) = w::fold(word) {
        return strong(toks, i, i, v, Unit::Times);
    }
    if matches!(word, "a" | "an") && gap_word(1) {
        let n1 = next(1);
        if n1.as_str() == "half"
            && let Some(s) = toks
                .get(i + 2)
                .filter(|n| n.gap)
                .and_then(|n| w::scale(n.lower().as_str()))
        {
            // "a half million people".
            return words_unit(toks, i, i + 2, 0.5 * s, true);
        }
        if let Some(d) = w::fraction(n1.as_str()).filter(|_| by_a_share(toks, i, 2)) {
            // "Crime fell by a fifth": a change as a share.
            return strong(toks, i, i + 1, 100.0 / d, Unit::Percent);
        }
        if let Some(s) = w::scale(n1.as_str()) {
            // "a hundred and two".
            let and_more = (next(2).as_str() == "and" && gap_word(3))
                .then(|| w::small_number(next(3).as_str()))
                .flatten();
            if let Some(u) = and_more.filter(|_| s == 100.0) {
                return words_unit(toks, i, i + 3, s + u, true);
            }
            return words_unit(toks, i, i + 1, s, true);
        }
        let singular = !n1.as_str().ends_with('s') || n1.as_str() == "halves";
        let part = w::fraction(n1.as_str())
            .filter(|_| singular && (next(2).as_str() == "of" || group_verb(next(2).as_str())));
        if let Some(d) = part
            && let Some(end) = of_a_point(toks, i + 2)
        {
            // "a quarter of a percentage point".
            return strong(toks, i, end, 1.0 / d, Unit::Points);
        }
        if let Some(d) = part
            && let Some((s, end)) = of_a_scale(toks, i + 2)
        {
            // "a quarter of a billion dollars".
            return words_unit(toks, i, end, s / d, true);
        }
        if let Some(d) = part {
            return strong(toks, i, i + 1, 100.0 / d, Unit::Percent);
        }
        return None;
    }
    if word == "half" {
        if next(1).as_str() == "a"
            && let Some(s) = w::scale(next(2).as_str())
        {
            return words_unit(toks, i, i + 2, 0.5 * s, true);
        }
        if let Some(end) = a_point(toks, i + 1) {
            // "half a percentage point".
            return strong(toks, i, end, 0.5, Unit::Points);
        }
        // "another half million", "half a million".
        if gap_word(1)
            && let Some(s) = w::scale(next(1).as_str()).filter(|&s| s >= 1e6)
        {
            return words_unit(toks, i, i + 1, 0.5 * s, true);
        }
        if by_a_share(toks, i, 1) {
            // "Output fell by half".
            return strong(toks, i, i, 50.0, Unit::Percent);
        }
        let before = i.checked_sub(1).map_or(Lower::new(""), |p| toks[p].lower());
        let period_half = matches!(
            before.as_str(),
            "first" | "second" | "latter" | "former" | "the" | "other"
        );
        // "half the states", "half their value": a share of what follows;
        // "half the year" is a time.
        let of_what = matches!(
            next(1).as_str(),
            "the" | "its" | "their" | "his" | "her" | "our" | "all"
        ) && gap_word(2)
            && !w::time_unit(next(2).as_str());
        if (next(1).as_str() == "of" || of_what || group_verb(next(1).as_str())) && !period_half {
            return strong(toks, i, i, 50.0, Unit::Percent);
        }
        return None;
    }
    let first = w::small_number(word)?;
    let (mut total, mut current, mut k, mut scaled) = (0.0, first, i, false);
    let mut decimal = false;
    loop {
        let lk = toks.get(k + 1).map_or(Lower::new(""), Tok::lower);
        let hyphen = toks.get(k + 1).is_some_and(|d| d.is_dash() && !d.gap);
        let after_hyphen = toks
            .get(k + 2)
            .filter(|n| n.kind == Kind::Word && !n.gap)
            .map(Tok::lower);
        let unit_word = after_hyphen
            .as_ref()
            .and_then(|a| w::small_number(a.as_str()));
        if !decimal
            && let Some((digits, end)) = point_digits(toks, k + 1).filter(|_| current < 1000.0)
        {
            // "five point five percent", "two point three million": read as
            // the digits they spell, so the value is exact.
            let text = format!("{}.{digits}", current as u64);
            let scale = toks
                .get(end + 1)
                .filter(|n| n.gap)
                .and_then(|n| w::scale(n.lower().as_str()));
            let exp = scale.map_or(0, |s| s.log10().round() as i32);
            current = number_value(&text, exp)?;
            decimal = true;
            k = end;
            if scale.is_some() {
                total += current;
                current = 0.0;
                scaled = true;
                k += 1;
            }
        } else if decimal {
            break;
        } else if let Some(u) =
            spaced_unit(toks, k + 1).filter(|_| current % 100.0 >= 20.0 && current % 10.0 == 0.0)
        {
            // "fifty two people", "three hundred and thirty one".
            current += u;
            k += 1;
        } else if hyphen
            && current % 100.0 >= 20.0
            && current % 10.0 == 0.0
            && unit_word.is_some_and(|u| u < 10.0)
        {
            current += unit_word.unwrap_or(0.0);
            k += 2;
        } else if lk.as_str() == "and"
            && (current >= 100.0 && current % 100.0 == 0.0 || (scaled && current == 0.0))
            && let Some(u) = toks
                .get(k + 2)
                .filter(|n| n.gap && n.kind == Kind::Word)
                .and_then(|n| w::small_number(n.lower().as_str()))
        {
            // "a hundred and two", "two thousand and forty".
            current += u;
            k += 2;
        } else if toks.get(k + 1).is_some_and(|n| n.gap) && lk.as_str() == "hundred" {
            current *= 100.0;
            k += 1;
        } else if toks.get(k + 1).is_some_and(|n| n.gap)
            && let Some(s) = w::scale(lk.as_str())
        {
            total += current * s;
            current = 0.0;
            scaled = true;
            k += 1;
        } else {
            break;
        }
    }
    let mut value = total + current;
    // "two and a half miles".
    let is = |m: usize, word: &str| toks.get(m).is_some_and(|t| t.gap && t.is_word(word));
    if !scaled && value < 100.0 && is(k + 1, "and") && is(k + 2, "a") && is(k + 3, "half") {
        value += 0.5;
        k += 3;
        // "one and a half million people", "three and a half billion dollars".
        if let Some(s) = toks
            .get(k + 1)
            .filter(|n| n.gap)
            .and_then(|n| w::scale(n.lower().as_str()))
        {
            value *= s;
            scaled = true;
            k += 1;
        }
    }
    // "two-thirds", "three quarters of", "four-fold"
    let hyphen = toks.get(k + 1).is_some_and(|d| d.is_dash() && !d.gap);
    let joined = toks
        .get(k + 2)
        .filter(|n| n.kind == Kind::Word && !n.gap)
        .map(Tok::lower);
    if !scaled
        && hyphen
        && let Some(j) = &joined
    {
        if let Some(d) = w::fraction(j.as_str()).filter(|_| value < 10.0) {
            if value < d
                && let Some(end) = of_a_point(toks, k + 3)
            {
                // "three-quarters of a percentage point".
                return strong(toks, i, end, value / d, Unit::Points);
            }
            if let Some((s, end)) = of_a_scale(toks, k + 3) {
                // "two-thirds of a million".
                return words_unit(toks, i, end, value / d * s, true);
            }
            if let Some((unit @ Unit::Measure(_), end)) = unit_after(toks, k + 2) {
                // "one-half mile", "three-quarters inch": a measure, not a share.
                return strong(toks, i, end, value / d, unit);
            }
            return strong(toks, i, k + 2, value / d * 100.0, Unit::Percent);
        }
        let (u, end) = compound(toks, k + 2)?;
        return strong(toks, i, end, value, u);
    }
    let spaced = toks
        .get(k + 1)
        .filter(|n| n.kind == Kind::Word && n.gap)
        .map(Tok::lower);
    if !scaled && let Some(d) = spaced.as_ref().and_then(|s| w::fraction(s.as_str())) {
        let of = toks.get(k + 2).is_some_and(|n| n.is_word("of"));
        if of
            && value < d
            && let Some(end) = of_a_point(toks, k + 2)
        {
            // "three quarters of a percentage point".
            return strong(toks, i, end, value / d, Unit::Points);
        }
        if of
            && value < d
            && let Some((s, end)) = of_a_scale(toks, k + 2)
        {
            // "three quarters of a billion".
            return words_unit(toks, i, end, value / d * s, true);
        }
        return (of && value < d)
            .then(|| strong(toks, i, k + 1, value / d * 100.0, Unit::Percent))
            .flatten();
    }
    if !scaled && let Some(end) = dozens(toks, k) {
        // "three dozen eggs".
        return words_unit(toks, i, end, value * 12.0, true);
    }
    words_unit(toks, i, k, value, scaled)
}

/// "of a percentage point" at `k` (the "of"): the phrase's last token.
fn of_a_point(toks: &[Tok], k: usize) -> Option<usize> {
    toks.get(k).filter(|t| t.is_word("of"))?;
    a_point(toks, k + 1)
}

/// "a percentage point", "a point" at `k`: the phrase's last token.
fn a_point(toks: &[Tok], k: usize) -> Option<usize> {
    toks.get(k).filter(|t| t.is_word("a"))?;
    let next = toks.get(k + 1)?;
    if next.is_word("point") {
        return Some(k + 1);
    }
    (next.is_word("percentage") && toks.get(k + 2).is_some_and(|t| t.is_word("point")))
        .then_some(k + 2)
}

/// Whether the fraction word `len` tokens from `i` ("a fifth", "half")
/// is the size of a change: after "by" and a verb of change before it
/// ("fell by a fifth", "cut costs by half"), and not a noun's adjective
/// ("by a third party").
fn by_a_share(toks: &[Tok], i: usize, len: usize) -> bool {
    let by = i.checked_sub(1).filter(|&b| toks[b].is_word("by"));
    let Some(by) = by else {
        return false;
    };
    // "by a quarter of a percentage point" is read as points.
    if toks.get(i + len).is_some_and(|n| n.is_word("of")) {
        return false;
    }
    let noun_after = toks.get(i + len).is_some_and(|n| {
        n.kind == Kind::Word
            && !g::stop_word(n.lower().as_str())
            && !g::not_a_subject(n.lower().as_str())
    });
    let changed = (by.saturating_sub(6)..by)
        .rev()
        .take_while(|&k| toks[k].kind == Kind::Word)
        .any(|k| g::change_verb(toks[k].lower().as_str()));
    changed && !noun_after
}

/// A figure in words that needs no counted noun: a share, a multiple, a
/// measure or points, whose unit is evidence enough.
fn strong(toks: &[Tok], first: usize, last: usize, value: f64, unit: Unit) -> Option<Cand> {
    finish(
        toks,
        first,
        last,
        OneOrTwo::one(value),
        unit,
        Support::Strong,
        false,
    )
}

/// A digit in words after "point": "five point *five*".
fn digit_word(w: &str) -> Option<f64> {
    match w {
        "zero" | "nought" | "naught" | "oh" => Some(0.0),
        _ => w::small_number(w).filter(|&v| v < 10.0),
    }
}

/// "point five", "point zero three" from `k`: the decimal digits spelled
/// after "point", and the last token. Nothing when "point" is not followed by
/// digit words ("a point of order").
fn point_digits(toks: &[Tok], k: usize) -> Option<(String, usize)> {
    toks.get(k).filter(|t| t.gap && t.is_word("point"))?;
    let mut digits = String::new();
    let mut end = k;
    while let Some(d) = toks
        .get(end + 1)
        .filter(|t| t.gap && t.kind == Kind::Word)
        .and_then(|t| digit_word(t.lower().as_str()))
    {
        digits.push(char::from(b'0' + d as u8));
        end += 1;
    }
    (end > k).then_some((digits, end))
}

/// A units word ("one" … "nine") after a space at `k`, completing a round
/// ten ("twenty one"), unless it starts a hyphenated compound of its own
/// ("twenty one-year terms") or a scale follows it in a list.
fn spaced_unit(toks: &[Tok], k: usize) -> Option<f64> {
    let t = toks.get(k).filter(|t| t.gap && t.kind == Kind::Word)?;
    let u = w::small_number(t.lower().as_str()).filter(|&u| u < 10.0)?;
    let hyphenated = toks.get(k + 1).is_some_and(|d| d.is_dash() && !d.gap);
    (!hyphenated).then_some(u)
}

/// "of a million" after a fraction, from "of" at `k`: the scale and its token.
fn of_a_scale(toks: &[Tok], k: usize) -> Option<(f64, usize)> {
    let is = |m: usize, word: &str| toks.get(m).is_some_and(|t| t.gap && t.is_word(word));
    if !is(k, "of") || !(is(k + 1, "a") || is(k + 1, "an")) {
        return None;
    }
    let s = toks.get(k + 2).filter(|t| t.gap)?;
    w::scale(s.lower().as_str()).map(|v| (v, k + 2))
}

/// The unit and the count rules for a number written in words ending at `k`.
pub(super) fn words_unit(
    toks: &[Tok],
    i: usize,
    k: usize,
    value: f64,
    scaled: bool,
) -> Option<Cand> {
    let (unit, end) = unit_after(toks, k)?;
    // A unit or a scale word ("million") is evidence enough on its own.
    if unit != Unit::Count || scaled {
        return strong(toks, i, end, value, unit);
    }
    if let Some(c) = ratio(toks, i, end, value) {
        return Some(c);
    }
    let t = &toks[i];
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    // "only two Democrats" counts; "the only two" refers.
    let prev2 = i.checked_sub(2).map(|p| &toks[p]);
    let only_counts = prev.is_some_and(|p| p.is_word("only"))
        && !prev2.is_some_and(|p| g::referential(p.lower().as_str()));
    let referential = prev.is_some_and(|p| g::referential(p.lower().as_str())) && !only_counts;
    let mid_sentence_capital = t.capitalised() && prev.is_some_and(|p| p.kind == Kind::Word);
    let next = toks.get(end + 1).map_or(Lower::new(""), Tok::lower);
    // "two of the victims", "five of them": a part of a group, counted;
    // "one of" is not ("one" refers), and "the two of them" is referential.
    let after_of = toks.get(end + 2).map_or(Lower::new(""), Tok::lower);
    let part = next.as_str() == "of"
        && (matches!(
            after_of.as_str(),
            "the" | "them" | "those" | "these" | "its" | "their" | "our"
        ) && (after_of.as_str() == "them" || counted_noun(toks, end + 1))
            || possessive_group(toks, end + 2)
            || part_of_whole(toks, end + 1, value).is_some());
    if value < 2.0 || referential || mid_sentence_capital || (next.as_str() == "of" && !part) {
        return None;
    }
    if w::time_unit(next.as_str()) {
        return None;
    }
    // A part of a group ("two of his rivals") needs no counted noun after
    // it, nor the subject of a report ("three were killed"). Without either
    // the number waits for a list or clause partner that has one ("Smith
    // has 11 delegates and Jones has six").
    let support = if part || counted_noun(toks, end + 1) {
        Support::Noun
    } else if reported_after(toks, end) || more_after(toks, end) {
        Support::Verb
    } else if next.as_str() == "or" {
        // "two or three jobs", "seven or eight thousand votes": a guess
        // between two numbers, whose first may even lack its scale.
        return None;
    } else {
        Support::Weak
    };
    finish(toks, i, end, OneOrTwo::one(value), unit, support, false)
}

/// "Six in 10 say", "about 4 in 10 are angry", "nearly three in 10.", "three
/// in four say": how polls report a share, with no noun after the whole.
/// "in 10" or "in 100" is a share whatever follows (but a time unit: "3 in
/// 10 days"); a smaller whole needs a verb of saying or thinking after it,
/// since "won 2 in 3 rounds" names its noun and "2 in 3 ways" is no share.
fn poll_share(toks: &[Tok], k: usize, whole: f64) -> bool {
    let after = toks.get(k).map_or(Lower::new(""), Tok::lower);
    if w::time_unit(after.as_str()) {
        return false;
    }
    whole == 10.0 || whole == 100.0 || poll_verb(after.as_str())
}

/// "Nearly half *said*", "a third *have*": a fraction as the subject of a
/// verb of saying or of a plural verb is a share of a group of people.
fn group_verb(word: &str) -> bool {
    poll_verb(word) || matches!(word, "have" | "had" | "are" | "were")
}

/// A verb of saying or thinking, as polls report a share: "Six in 10 *say*".
fn poll_verb(word: &str) -> bool {
    matches!(
        word,
        "say"
            | "said"
            | "says"
            | "saying"
            | "think"
            | "thought"
            | "believe"
            | "believed"
            | "want"
            | "wanted"
            | "support"
            | "supported"
            | "oppose"
            | "opposed"
            | "approve"
            | "approved"
            | "disapprove"
            | "disapproved"
            | "agree"
            | "agreed"
            | "favor"
            | "favour"
            | "prefer"
            | "preferred"
    )
}

/// "Game 7 of 10", "Part 2 of 10": a label or a name before the number
/// numbers an item of a series; it shares nothing.
fn named(toks: &[Tok], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|p| {
        let t = &toks[p];
        let lw = t.lower();
        t.kind == Kind::Word
            && (g::label(lw.as_str()) || t.capitalised() && !g::function_word(lw.as_str()))
    })
}

/// "one in five Chinese", "3 out of 4 respondents": a share, as a percentage.
pub(super) fn ratio(toks: &[Tok], i: usize, end: usize, value: f64) -> Option<Cand> {
    if value > 100.0 || value.fract() != 0.0 {
        return None;
    }
    let is = |k: usize, w: &str| toks.get(k).is_some_and(|t| t.is_word(w));
    let k = if is(end + 1, "in") {
        end + 2
    } else if is(end + 1, "out") && is(end + 2, "of") {
        end + 3
    } else if let Some((whole, k)) = part_of_whole(toks, end + 1, value)
        && (whole == 10.0 || whole == 100.0)
        && !named(toks, i)
    {
        // "nine of 10 Republicans": a whole of 10 or 100 is a poll's base,
        // a share as "nine in 10" is; any other whole is a count's
        // ("18 of 25 slots", [`part_of_whole`]).
        k
    } else {
        return None;
    };
    let t = toks.get(k)?;
    let whole = match t.kind {
        Kind::Num if t.text.bytes().all(|b| b.is_ascii_digit()) && t.text.len() <= 4 => {
            number_parts(t.text).0
        }
        Kind::Word => w::small_number(t.lower().as_str())?,
        _ => return None,
    };
    let after = toks.get(k + 1).map_or(Lower::new(""), Tok::lower);
    let counts =
        after.as_str() == "of" || counted_noun(toks, k + 1) || poll_share(toks, k + 1, whole);
    if whole <= value || whole > 1000.0 || !counts || w::time_unit(after.as_str()) {
        return None;
    }
    strong(toks, i, k, value / whole * 100.0, Unit::Percent)
}

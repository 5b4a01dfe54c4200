//! Amounts: reads the amount starting at a token — digits with separators
//! and scales, currency, a unit or hyphenated unit, a range, a conversion in
//! brackets, a rate, a change word — and rejects digits that are part of
//! something else ("COVID-19", "3:30", "202-555-0143"). Whether a bare
//! number counts anything is `count`'s call; numbers in words are `spelled`'s.

use super::count::{count_support, is_year};
use super::gate::may_start;
use super::lex::{Kind, Tok, number_parts, number_value};
use super::one_or_two::OneOrTwo;
use super::qualifier::qualifier;
use super::spelled::{in_words, ratio};
use super::words::{self as w, Lower};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Unit {
    Count,
    Percent,
    Points,
    Times,
    Money(&'static str),
    Measure(&'static str),
}

/// How sure we are that the amount is a statistic. Units, separators and
/// scales make it certain; a bare "11" needs a counted noun after it or a
/// counting verb before it, or a list partner that has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Support {
    Weak,
    Verb,
    Noun,
    Strong,
}

/// One amount as read from the tokens (token indices are inclusive).
#[derive(Debug, Clone)]
pub(super) struct Cand {
    /// First token of the figure's text: the qualifier if there is one.
    pub first: usize,
    /// First token of the amount itself (a currency prefix, or the number).
    pub num: usize,
    /// Last token of the figure's text.
    pub last: usize,
    pub values: OneOrTwo<f64>,
    pub unit: Unit,
    pub rate: Option<&'static str>,
    pub qualifier: Option<&'static str>,
    pub support: Support,
    /// Bare digits: may take the unit of a pair or list partner ("from 10 to 15%").
    pub plain: bool,
}

/// Every amount in the paragraph, in order, each with its qualifier attached.
/// Tokens [`may_start`] rules out are stepped over unread.
pub(super) fn scan(toks: &[Tok]) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_start(&toks[i]) {
            debug_assert!(parse_at(toks, i).is_none(), "gate skipped {:?}", toks[i]);
            i += 1;
            continue;
        }
        match parse_at(toks, i) {
            Some(mut c) => {
                let floor = out.last().map_or(0, |p| p.last + 1);
                if let Some((q, start)) = qualifier(toks, c.num, floor) {
                    c.qualifier = Some(q);
                    c.first = start;
                }
                i = c.last + 1;
                out.push(c);
            }
            None => i += 1,
        }
    }
    out
}

/// The amount starting at token `i`, if one does.
pub(super) fn parse_at(toks: &[Tok], i: usize) -> Option<Cand> {
    let t = toks.get(i)?;
    match t.kind {
        Kind::Num => digits(toks, i, None),
        Kind::Mark => {
            let code = w::currency_symbol(t.text)?;
            toks.get(i + 1).filter(|n| n.kind == Kind::Num && !n.gap)?;
            let (code, start) = dollar_prefix(toks, i, code);
            digits(toks, i + 1, Some((code, start)))
        }
        Kind::Word => {
            if let Some(code) = w::currency_code(t.text) {
                return match toks.get(i + 1) {
                    Some(n) if n.kind == Kind::Num && n.gap => digits(toks, i + 1, Some((code, i))),
                    _ => None,
                };
            }
            in_words(toks, i)
        }
    }
}

/// "US$", "U.S.$", "HK$": the letters glued before a dollar sign.
fn dollar_prefix(toks: &[Tok], i: usize, code: &'static str) -> (&'static str, usize) {
    if toks[i].text != "$" || toks[i].gap {
        return (code, i);
    }
    for k in 1..=4.min(i) {
        if toks[i - k + 1].gap {
            break;
        }
        let glued = &toks[i - k..i];
        let bounded = toks[i - k].gap || i == k || toks[i - k - 1].kind == Kind::Mark;
        if let Some(&(_, c)) = w::DOLLAR_PREFIXES.iter().find(|(p, _)| spells(glued, p))
            && bounded
        {
            return (c, i - k);
        }
    }
    (code, i)
}

/// Whether the texts of `toks`, joined, are `word`.
fn spells(toks: &[Tok], word: &str) -> bool {
    let mut rest = word;
    for t in toks {
        match rest.strip_prefix(t.text) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// Digits glued to letters or codes on the left are names, versions or phone
/// numbers: "COVID-19", "G20", "#5", "+1 202", "1.2.3".
fn glued_left(toks: &[Tok], i: usize) -> bool {
    if toks[i].gap || i == 0 {
        return false;
    }
    let p = &toks[i - 1];
    match p.kind {
        Kind::Word | Kind::Num => true,
        Kind::Mark if p.is_dash() => i >= 2 && !p.gap && toks[i - 2].kind != Kind::Mark,
        Kind::Mark => matches!(
            p.text,
            "#" | "+" | "@" | "/" | ":" | "." | "_" | "\\" | "'" | "’" | "=" | "№"
        ),
    }
}

/// A number written in digits, with an optional currency already read.
fn digits(toks: &[Tok], i: usize, money: Option<(&'static str, usize)>) -> Option<Cand> {
    let t = &toks[i];
    if money.is_none() && glued_left(toks, i) {
        return None;
    }
    let (_, decimals) = number_parts(t.text);
    let grouped = t.text.contains(',');
    let mut j = i;
    let mut scale = 1.0;
    let mut unit = money.map(|(code, _)| Unit::Money(code));
    let mut second: Option<&str> = None;
    if let Some(n) = toks.get(i + 1).filter(|n| !n.gap) {
        match n.kind {
            Kind::Num => return None,
            Kind::Word => {
                let lw = n.lower();
                match (money, w::money_suffix_scale(lw.as_str())) {
                    (Some(_), Some(s)) => scale = s,
                    _ if matches!(lw.as_str(), "km" | "kg") => {
                        unit = w::measure(lw.as_str()).map(Unit::Measure);
                    }
                    _ => return None,
                }
                j += 1;
            }
            Kind::Mark if n.is_dash() => match toks.get(i + 2).filter(|m| !m.gap) {
                Some(m) if m.kind == Kind::Num => {
                    // "202-555-0143" is a phone number, "10-15th" no range.
                    let third = toks.get(i + 3).filter(|d| !d.gap);
                    let chained = third.is_some_and(|d| {
                        d.kind == Kind::Word
                            || (d.kind == Kind::Mark
                                && !d.is_mark("%")
                                && toks
                                    .get(i + 4)
                                    .is_some_and(|e| !e.gap && e.kind == Kind::Num))
                    });
                    if chained {
                        return None;
                    }
                    second = Some(m.text);
                    j = i + 2;
                }
                Some(m) if m.kind == Kind::Word => {
                    let (u, end) = compound(toks, i + 2)?;
                    unit = Some(u);
                    j = end;
                }
                _ => {}
            },
            Kind::Mark
                if matches!(
                    n.text,
                    ":" | "/" | "." | "," | "#" | "@" | "_" | "\\" | "'" | "’"
                ) =>
            {
                if toks
                    .get(i + 2)
                    .is_some_and(|m| !m.gap && m.kind != Kind::Mark)
                {
                    return None;
                }
            }
            Kind::Mark => {}
        }
    }
    if scale == 1.0
        && let Some(s) = toks
            .get(j + 1)
            .filter(|n| n.gap)
            .and_then(|n| w::scale(n.lower().as_str()))
    {
        scale = s;
        j += 1;
    }
    // The scale words are exact powers of ten (hundred … trillion).
    let scale_exp = scale.log10().round() as i32;
    let value = |text: &str| number_value(text, scale_exp);
    // A number an f64 cannot carry exactly (hundreds of digits, or more
    // than 15 significant ones) would print as some other number: no
    // figure, rather than a misquoted one.
    let first = value(t.text)?;
    let second = match second {
        Some(text) => Some(value(text)?),
        None => None,
    };
    let values = match second {
        // "2012–2024" is a period; "30-10" is no range at all.
        Some(s)
            if first > s
                || (is_year(t.text) && toks.get(i + 2).is_some_and(|m| is_year(m.text))) =>
        {
            return None;
        }
        Some(s) => OneOrTwo::two(first, s),
        None => OneOrTwo::one(first),
    };
    let (unit, j) = match unit {
        Some(u) => (u, j),
        None => unit_after(toks, j)?,
    };
    let plain = unit == Unit::Count && !grouped && decimals == 0 && scale == 1.0;
    if second.is_some() && unit == Unit::Count {
        return None;
    }
    if plain
        && money.is_none()
        && let Some(c) = ratio(toks, i, j, values[0])
    {
        return Some(c);
    }
    let support = match unit {
        Unit::Count => {
            let graded = count_support(toks, i, j, values[0], plain, is_year(t.text))?;
            // Separators and scales are not how labels and codes are written.
            if grouped || scale > 1.0 {
                Support::Strong
            } else {
                graded
            }
        }
        _ => Support::Strong,
    };
    let start = money.map_or(i, |(_, s)| s);
    finish(toks, start, j, values, unit, support, plain)
}

/// `60-square-meter`, `14-fold`, `10-percent`: a unit joined to the number by
/// hyphens. Any other compound ("two-day", "42-year-old", "50-something",
/// "12-member") is an adjective for something else and no figure.
pub(super) fn compound(toks: &[Tok], k: usize) -> Option<(Unit, usize)> {
    let mut end = k;
    let mut joined = String::new();
    joined.push_str(Lower::new(toks[k].text).as_str());
    while toks.get(end + 1).is_some_and(|d| d.is_dash() && !d.gap)
        && let Some(next) = toks.get(end + 2).filter(|n| n.kind == Kind::Word && !n.gap)
    {
        joined.push(' ');
        joined.push_str(Lower::new(next.text).as_str());
        end += 2;
    }
    let head = joined.split(' ').next().unwrap_or("");
    let rest_is_dimension = joined
        .split(' ')
        .skip(1)
        .all(|p| matches!(p, "long" | "wide" | "high" | "deep" | "tall"));
    let unit = if joined == "fold" {
        Unit::Times
    } else if joined == "percent" {
        Unit::Percent
    } else if let Some(m) = w::measure(&joined) {
        Unit::Measure(m)
    } else if rest_is_dimension && let Some(m) = w::measure(head) {
        Unit::Measure(m)
    } else {
        return None;
    };
    Some((unit, end))
}

/// The unit written after the number at `j`, and the last token it uses.
/// `None` rejects the amount: "three times" without a comparison is how
/// often something happened, not a multiple.
pub(super) fn unit_after(toks: &[Tok], j: usize) -> Option<(Unit, usize)> {
    let Some(n) = toks.get(j + 1) else {
        return Some((Unit::Count, j));
    };
    if n.is_mark("%") && !n.gap {
        return Some((Unit::Percent, j + 1));
    }
    if !n.gap || n.kind != Kind::Word {
        return Some((Unit::Count, j));
    }
    let lw = n.lower();
    let next = |k: usize| toks.get(j + k).map_or(Lower::new(""), Tok::lower);
    let word = lw.as_str();
    Some(match word {
        "percent" | "pct" => (Unit::Percent, j + 1),
        "per" if next(2).as_str() == "cent" => (Unit::Percent, j + 2),
        "percentage" if matches!(next(2).as_str(), "point" | "points") => (Unit::Points, j + 2),
        "times" => {
            let after = next(2);
            let compared = w::change_word(after.as_str())
                || matches!(after.as_str(), "as" | "the" | "that" | "than" | "over");
            if !compared {
                return None;
            }
            (Unit::Times, j + 1)
        }
        "hong" if next(2).as_str() == "kong" && next(3).as_str() == "dollars" => {
            (Unit::Money("HKD"), j + 3)
        }
        "us" if next(2).as_str() == "dollars" => (Unit::Money("USD"), j + 2),
        "australian" | "canadian" | "singapore" | "taiwan" if next(2).as_str() == "dollars" => {
            let code = match word {
                "australian" => "AUD",
                "canadian" => "CAD",
                "singapore" => "SGD",
                _ => "TWD",
            };
            (Unit::Money(code), j + 2)
        }
        "square" => match w::measure(&format!("square {}", next(2).as_str())) {
            Some(m) => (Unit::Measure(m), j + 2),
            None => (Unit::Count, j),
        },
        _ => match (w::currency_word(word), w::measure(word)) {
            (Some(code), _) => (Unit::Money(code), j + 1),
            (None, Some(m)) => (Unit::Measure(m), j + 1),
            _ => (Unit::Count, j),
        },
    })
}

/// Adds what may follow an amount: a conversion in brackets ("120,000 yuan
/// (about US$16,500)"), a rate ("a month", "per year", "annually"), and for
/// changes the word that says so ("169% increase").
pub(super) fn finish(
    toks: &[Tok],
    num: usize,
    mut last: usize,
    values: OneOrTwo<f64>,
    unit: Unit,
    mut support: Support,
    plain: bool,
) -> Option<Cand> {
    let lower = |k: usize| toks.get(k).map_or(Lower::new(""), Tok::lower);
    if let Unit::Money(_) = unit
        && toks.get(last + 1).is_some_and(|t| t.is_mark("("))
    {
        let mut s = last + 2;
        while s <= last + 5 && toks.get(s).is_some_and(|t| t.kind == Kind::Word) {
            s += 1;
        }
        if let Some(inner) = parse_at(toks, s).filter(|c| matches!(c.unit, Unit::Money(_)))
            && toks.get(inner.last + 1).is_some_and(|t| t.is_mark(")"))
        {
            last = inner.last + 1;
        }
    }
    let mut rate = None;
    if unit != Unit::Times {
        let l1 = lower(last + 1);
        let l2 = lower(last + 2);
        let gap = toks.get(last + 1).is_some_and(|t| t.gap);
        let not_time_phrase = !matches!(
            lower(last + 3).as_str(),
            "ago" | "later" | "earlier" | "before" | "after" | "old" | "since" | "into"
        );
        if gap
            && l1.as_str() == "per"
            && let Some(r) = w::rate_unit(l2.as_str())
        {
            rate = Some(r);
            last += 2;
        } else if gap
            && matches!(l1.as_str(), "a" | "an" | "each" | "every")
            && not_time_phrase
            && let Some(r) = w::rate_unit(l2.as_str()).filter(|r| *r != "person")
        {
            rate = Some(r);
            last += 2;
        } else if gap && let Some(r) = w::rate_adverb(l1.as_str()) {
            rate = Some(r);
            last += 1;
        }
    }
    if rate.is_some() {
        support = Support::Strong;
    }
    if matches!(unit, Unit::Percent | Unit::Points | Unit::Times)
        && rate.is_none()
        && toks
            .get(last + 1)
            .is_some_and(|t| t.gap && w::change_word(t.lower().as_str()))
    {
        last += 1;
    }
    Some(Cand {
        first: num,
        num,
        last,
        values,
        unit,
        rate,
        qualifier: None,
        support,
        plain,
    })
}

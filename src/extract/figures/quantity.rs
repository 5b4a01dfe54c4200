//! Amounts: reads the amount starting at a token — digits with separators
//! and scales, currency, a unit or hyphenated unit, a range, a conversion in
//! brackets, a rate, a change word — and rejects digits that are part of
//! something else ("COVID-19", "3:30", "202-555-0143"). Whether a bare
//! number counts anything is `count`'s call; numbers in words are `spelled`'s.

mod cents;
mod fraction;
mod gate;
mod hanzi;
mod spelled;

pub(super) use super::cand::{Cand, Support, Unit};
use super::count::{count_support, is_year, plural_at, qualified_alone};
use super::lex::{Kind, Tok, is_cjk, number_parts, number_value};
use super::one_or_two::OneOrTwo;
use super::qualifier::qualifier;
use super::rate;
use super::words::{self as w, Lower};
pub(super) use gate::may_hold;
use gate::may_start_at;
use spelled::{in_words, ratio};

/// Every amount in the paragraph, in order, each with its qualifier attached.
/// Tokens [`may_start_at`] rules out are stepped over unread.
pub(super) fn scan(toks: &[Tok]) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_start_at(toks, i) {
            debug_assert!(parse_at(toks, i).is_none(), "gate skipped {:?}", toks[i]);
            i += 1;
            continue;
        }
        match parse_at(toks, i) {
            Some(mut c) => {
                let floor = out.last().map_or(0, |p| p.last + 1);
                sign_word(toks, &mut c, floor);
                if let Some((q, start)) = qualifier(toks, c.num, floor)
                    .or_else(|| hanzi::qualifier_before(toks, c.num, floor))
                {
                    c.qualifier = Some(q);
                    c.first = start;
                    // "at least 14.": the qualifier says it is a count.
                    if c.support == Support::Weak
                        && c.unit == Unit::Count
                        && c.values.len() == 1
                        && qualified_alone(toks, start, c.num, c.last)
                    {
                        c.support = Support::Verb;
                    }
                } else if c.rate.is_none()
                    && let Some((r, start)) = rate_before(toks, c.num, floor)
                {
                    c.rate = Some(r);
                    c.first = start;
                    c.support = Support::Strong;
                }
                i = c.last + 1;
                out.push(c);
            }
            None => i += 1,
        }
    }
    out
}

/// "minus 10 degrees", "negative 0.3 per cent": a sign in words before a
/// measure, a percentage or money makes it negative and joins its text. A
/// count is never below zero, and "10 minus 5" is arithmetic, not a sign.
fn sign_word(toks: &[Tok], c: &mut Cand, floor: usize) {
    let Some(m) = c.num.checked_sub(1).filter(|&m| m >= floor) else {
        return;
    };
    let sign = toks[m].kind == Kind::Word
        && matches!(toks[m].lower().as_str(), "minus" | "negative")
        && toks[c.num].gap;
    // "plus or minus 4 points" is a margin either way, not a negative.
    let margin = m >= 2 && toks[m - 1].is_word("or") && toks[m - 2].is_word("plus");
    // "a negative 42%-49% rating": an adjective, not a sign.
    let adjective = toks[m].is_word("negative")
        && m > 0
        && matches!(toks[m - 1].lower().as_str(), "a" | "an" | "the" | "net");
    let arithmetic = margin || adjective || (m > 0 && toks[m - 1].kind == Kind::Num);
    if !sign || arithmetic || c.unit == Unit::Count || c.values.iter().any(|v| *v < 0.0) {
        return;
    }
    c.values = match c.values[..] {
        [a, b] => OneOrTwo::two(-a, -b),
        _ => OneOrTwo::one(-c.values[0]),
    };
    c.num = m;
    c.first = m;
}

/// "a daily average of 52", "an annual average of 1,500": the rate written
/// before the amount, and where its words start (not before `floor`).
fn rate_before(toks: &[Tok], num: usize, floor: usize) -> Option<(&'static str, usize)> {
    if num < floor + 3 || !toks[num - 1].is_word("of") || !toks[num - 2].is_word("average") {
        return None;
    }
    let rate = w::rate_adverb(toks[num - 3].lower().as_str()).or_else(|| {
        match toks[num - 3].lower().as_str() {
            "annual" => Some("year"),
            _ => None,
        }
    })?;
    let article = num >= floor + 4 && matches!(toks[num - 4].lower().as_str(), "a" | "an");
    Some((rate, if article { num - 4 } else { num - 3 }))
}

/// The amount starting at token `i`, if one does.
pub(super) fn parse_at(toks: &[Tok], i: usize) -> Option<Cand> {
    let t = toks.get(i)?;
    match t.kind {
        Kind::Num => fraction::at(toks, i).or_else(|| digits(toks, i, None)),
        Kind::Mark => {
            let code = w::currency_symbol(t.text)?;
            let (code, start) = dollar_prefix(toks, i, code);
            let n = toks.get(i + 1)?;
            match n.kind {
                // "$5", and "$ 2.75" as some wires space it.
                Kind::Num => digits(toks, i + 1, Some((code, start))),
                // "$US4,100", "$A350".
                Kind::Word if t.text == "$" && !n.gap => {
                    let code = w::dollar_suffix(n.text)?;
                    toks.get(i + 2).filter(|m| m.kind == Kind::Num && !m.gap)?;
                    digits(toks, i + 2, Some((code, start)))
                }
                _ => None,
            }
        }
        Kind::Word => {
            if hanzi::may_start(t) {
                return hanzi::in_hanzi(toks, i);
            }
            if let Some(code) = w::currency_code(t.text) {
                // "RMB 5,000", "RM12.40".
                return match toks.get(i + 1) {
                    Some(n) if n.kind == Kind::Num => digits(toks, i + 1, Some((code, i))),
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
        // "共有116万人": Chinese has no spaces; "第3" is an ordinal.
        Kind::Word if is_cjk(p) => matches!(p.text, "第" | "号" | "型" | "版"),
        Kind::Word | Kind::Num => true,
        Kind::Mark if p.is_dash() => i >= 2 && !p.gap && toks[i - 2].kind != Kind::Mark,
        Kind::Mark => matches!(
            p.text,
            "#" | "+" | "@" | "/" | ":" | "." | "_" | "\\" | "'" | "’" | "=" | "№" | "^" | "×"
        ),
    }
}

/// A number written in digits, with an optional currency already read.
fn digits(toks: &[Tok], i: usize, money: Option<(&'static str, usize)>) -> Option<Cand> {
    let t = &toks[i];
    let signed = money.is_none() && plus_before(toks, i);
    if money.is_none() && !signed && glued_left(toks, i) {
        return None;
    }
    // "1 . 6 billion": a decimal that a tokenizer spaced apart; its second
    // part is no amount of its own.
    if t.gap
        && i >= 2
        && toks[i - 1].is_mark(".")
        && toks[i - 1].gap
        && toks[i - 2].kind == Kind::Num
    {
        return None;
    }
    // "1 / 4 point": the denominator of a fraction a tokenizer spaced
    // apart is no amount of its own.
    if money.is_none() && i >= 2 && toks[i - 1].is_mark("/") && toks[i - 2].kind == Kind::Num {
        return None;
    }
    // "000" of "80 , 000", "007": no amount is written with a leading zero.
    if t.text.len() > 1 && t.text.starts_with('0') && t.text.as_bytes()[1].is_ascii_digit() {
        return None;
    }
    let (_, decimals) = number_parts(t.text);
    // "1,158", "40 000": separators, which labels and codes never have.
    let grouped = t.text.bytes().any(|b| !b.is_ascii_digit() && b != b'.');
    let negative = money.is_none() && minus_before(toks, i);
    let mut j = i;
    let mut scale = 1.0;
    let mut unit = money.map(|(code, _)| Unit::Money(code));
    let mut second: Option<&str> = None;
    let mut plus = false;
    if let Some(n) = toks.get(i + 1).filter(|n| !n.gap) {
        match n.kind {
            Kind::Num => return None,
            Kind::Word => {
                let (s, u, end) = glued(toks, i + 1, money.is_some())?;
                scale = s;
                if u.is_some() {
                    unit = u;
                }
                j = end;
            }
            // "80,000+": more than.
            Kind::Mark
                if n.text == "+"
                    && !toks
                        .get(i + 2)
                        .is_some_and(|m| !m.gap && m.kind != Kind::Mark) =>
            {
                plus = true;
                j += 1;
            }
            Kind::Mark if n.is_dash() => match toks.get(i + 2).filter(|m| !m.gap) {
                // "100,000-plus subscribers": more than, as "80,000+"; not
                // "$20-plus trillion", whose scale comes after.
                Some(m)
                    if m.is_word("plus")
                        && !toks.get(i + 3).is_some_and(|s| {
                            (!s.gap && s.kind != Kind::Mark)
                                || w::scale(s.lower().as_str()).is_some()
                        }) =>
                {
                    plus = true;
                    j = i + 2;
                }
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
                // "$1.5-trillion plan", "a 2.3-million increase": a scale
                // hyphenated as an adjective; not "a 100-million-year-old
                // fossil", whose compound goes on.
                Some(m) if m.kind == Kind::Word && w::scale(m.lower().as_str()).is_some() => {
                    let goes_on = toks.get(i + 3).is_some_and(|d| d.is_dash() && !d.gap)
                        && hyphen_rate(toks, i + 3).is_none()
                        && hyphen_currency(toks, i + 2).is_none();
                    if goes_on {
                        return None;
                    }
                    scale = w::scale(m.lower().as_str()).unwrap_or(1.0);
                    j = i + 2;
                    if let Some((code, end)) = hyphen_currency(toks, j) {
                        unit = unit.or(Some(Unit::Money(code)));
                        j = end;
                    }
                }
                // "$70-a-share": the rate is read with the amount's end.
                Some(m) if m.kind == Kind::Word && hyphen_rate(toks, i + 1).is_none() => {
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
                // "$15.40/hour" is a rate, read with the amount's end.
                if toks
                    .get(i + 2)
                    .is_some_and(|m| !m.gap && m.kind != Kind::Mark)
                    && slash_rate(toks, i + 1).is_none()
                {
                    return None;
                }
            }
            Kind::Mark => {}
        }
    }
    if scale == 1.0
        && !plus
        && let Some(s) = toks.get(j + 1).filter(|n| n.gap).and_then(|n| {
            let lw = n.lower();
            let l = lw.as_str();
            w::scale(l)
                .or_else(|| w::scale_abbreviation(l))
                .or_else(|| money.and_then(|_| w::money_suffix_scale(l)))
        })
    {
        scale = s;
        j += 1;
        // "₹11.21 lakh crore", "Rs 50 thousand crore", "a thousand
        // million": a scale of a larger scale multiplies it.
        if let Some(larger) = toks
            .get(j + 1)
            .filter(|n| n.gap && n.kind == Kind::Word)
            .and_then(|n| w::scale(n.lower().as_str()))
            .filter(|&l| l > scale)
        {
            scale *= larger;
            j += 1;
        }
        // "2 million+ users".
        if toks.get(j + 1).is_some_and(|p| p.is_mark("+") && !p.gap) {
            plus = true;
            j += 1;
        } else if let Some((code, end)) = hyphen_currency(toks, j) {
            // "a $3.5 billion-dollar plan" says its currency twice.
            if unit.is_none() {
                unit = Some(Unit::Money(code));
            }
            j = end;
        }
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
    // "3 dozen eggs": twelve each; "dozens" alone stays vague.
    let (values, j, scale) = match dozens(toks, j) {
        Some(end) if unit.is_none() && scale == 1.0 && second.is_none() && decimals == 0 => {
            (OneOrTwo::one(values[0] * 12.0), end, 12.0)
        }
        _ => (values, j, scale),
    };
    let (unit, j) = match unit {
        Some(u) => (u, j),
        None => unit_after(toks, j)?,
    };
    // "a magnitude 6.4 earthquake", "magnitude-7.1": the scale named before
    // a decimal.
    let unit = if unit == Unit::Count
        && decimals > 0
        && i > 0
        && (toks[i - 1].is_word("magnitude")
            || (toks[i - 1].is_dash() && i > 1 && toks[i - 2].is_word("magnitude")))
    {
        Unit::Measure("magnitude")
    } else {
        unit
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
    let mut start = money.map_or(i, |(_, s)| s);
    let mut values = values;
    // "-18 °C", "-4%": a minus sign is part of a measure; a count below
    // zero is no count.
    if negative && unit != Unit::Count {
        values = match values[..] {
            [a, b] => OneOrTwo::two(-a, -b),
            _ => OneOrTwo::one(-values[0]),
        };
        start = i - 1;
    }
    if signed && unit != Unit::Count {
        start = i - 1;
    }
    let mut c = finish(toks, start, j, values, unit, support, plain)?;
    if plus {
        c.qualifier = Some("more than");
    }
    Some(c)
}

/// "dozen" after a number at `j` ("3 dozen", "three dozens", "5 doz"), as
/// its last token: twelve of what follows.
/// "$3.12 a gallon", "$80 a barrel": a price per a measure, which "a"
/// introduces only after money ("3 litres a day" is a rate of time).
fn money_per_measure(unit: Unit, w: &str) -> Option<&'static str> {
    let measure = matches!(
        w,
        "gallon"
            | "litre"
            | "liter"
            | "barrel"
            | "kilogram"
            | "kg"
            | "tonne"
            | "ton"
            | "pound"
            | "ounce"
    );
    if !(matches!(unit, Unit::Money(_)) && measure) {
        return None;
    }
    w::per_unit(w).or(match w {
        "pound" => Some("pound"),
        "ounce" => Some("ounce"),
        _ => None,
    })
}

pub(super) fn dozens(toks: &[Tok], j: usize) -> Option<usize> {
    let t = toks.get(j + 1).filter(|t| t.gap && t.kind == Kind::Word)?;
    matches!(
        t.lower().as_str(),
        "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs"
    )
    .then_some(j + 1)
}

/// Letters glued to a number at `k`: a scale after money ("$5bn"), a unit
/// ("5km", "64GB"), a scale on a bare number ("2M", "80k"), or "m", which is
/// millions before a plural ("20m people") and metres otherwise ("a 20m
/// vessel"). Returns the scale, the unit, and the last token read; `None`
/// for anything else glued on ("3D", "5G", "COVID19").
fn glued(toks: &[Tok], k: usize, money: bool) -> Option<(f64, Option<Unit>, usize)> {
    let n = &toks[k];
    if is_cjk(n) {
        return cjk_glued(toks, k, money);
    }
    let lw = n.lower();
    let l = lw.as_str();
    if money {
        return w::money_suffix_scale(l).map(|s| (s, None, k));
    }
    if let Some(m) = w::glued_measure(l) {
        if let Some((speed, end)) = speed(toks, k, m) {
            return Some((1.0, Some(Unit::Measure(speed)), end));
        }
        return Some((
            1.0,
            Some(Unit::Measure(squared(toks, k, m))),
            k + usize::from(square_mark(toks, k)),
        ));
    }
    if let Some(s) = w::glued_scale(n.text) {
        return Some((s, None, k));
    }
    // "rose 19pc", "1.9pc of GDP": the British and Irish papers' percent.
    if matches!(n.text, "pc" | "pct")
        && !toks
            .get(k + 1)
            .is_some_and(|x| !x.gap && x.kind == Kind::Word)
    {
        return Some((1.0, Some(Unit::Percent), k));
    }
    if let Some(unit) = glued_temperature(toks, k) {
        return Some((1.0, Some(Unit::Measure(unit)), k));
    }
    // "15p", "a 2p cut": pence, as British news and releases write them;
    // not a video resolution ("1080p"), nor a letter before more letters.
    // Only where the text is about pounds: a "£" in the paragraph, or a
    // word of price after it ("a 2p cut", "5p a litre"); "the 3p orbital"
    // is no money.
    if n.text == "p"
        && !toks
            .get(k + 1)
            .is_some_and(|x| !x.gap && x.kind != Kind::Mark)
    {
        let value = number_value(toks[k - 1].text, 0).unwrap_or(f64::MAX);
        let pounds = toks.iter().any(|t| t.is_mark("£"))
            || toks.get(k + 1).is_some_and(|x| {
                matches!(
                    x.lower().as_str(),
                    "a" | "per" | "cut" | "rise" | "increase" | "off" | "coin" | "in"
                )
            });
        return (value < 480.0 && pounds).then_some((1.0, Some(Unit::Money("pence")), k));
    }
    if n.text == "m" {
        // "2.3m barrels", "5m tonnes": a plural unit after it counts millions too.
        let plural_unit = toks.get(k + 1).is_some_and(|t| {
            t.kind == Kind::Word
                && t.gap
                && t.text.ends_with('s')
                && w::measure(t.lower().as_str()).is_some()
        });
        return Some(if plural_at(toks, k + 1) || plural_unit {
            (1e6, None, k)
        } else {
            (
                1.0,
                Some(Unit::Measure(squared(toks, k, "m"))),
                k + usize::from(square_mark(toks, k)),
            )
        });
    }
    None
}

/// "30C", "-15C", "95F": a temperature as British and Australian news
/// write it, the degree sign left out. A capital letter glued to a number is
/// as often a label ("Flat 5C", "Room 4F", "the 3C rating"), so it is read
/// as degrees only when nothing names it: no capitalised word or label word
/// before the number, nothing glued after the letter, and a value weather
/// can have.
fn glued_temperature(toks: &[Tok], k: usize) -> Option<&'static str> {
    let unit = match toks[k].text {
        "C" => "°C",
        "F" => "°F",
        _ => return None,
    };
    let num = k.checked_sub(1)?;
    let (mantissa, decimals) = number_parts(toks[num].text);
    let value = mantissa / 10f64.powi(decimals);
    let limit = if unit == "°C" { 60.0 } else { 140.0 };
    let named = num.checked_sub(1).is_some_and(|p| {
        let t = &toks[p];
        let before_sign = t.is_dash() || t.is_mark("−");
        let q = if before_sign {
            p.checked_sub(1)
        } else {
            Some(p)
        };
        q.is_some_and(|q| {
            let w = &toks[q];
            let article = matches!(w.lower().as_str(), "a" | "an" | "the");
            (w.capitalised() && !article)
                || matches!(
                    w.lower().as_str(),
                    "room"
                        | "flat"
                        | "apartment"
                        | "floor"
                        | "level"
                        | "grade"
                        | "class"
                        | "unit"
                        | "gate"
                        | "seat"
                        | "platform"
                        | "no"
                        | "number"
                )
        })
    });
    let glued_after = toks
        .get(k + 1)
        .is_some_and(|t| !t.gap && t.kind != Kind::Mark);
    (value <= limit && !named && !glued_after).then_some(unit)
}

/// Chinese after a number: scales ("116万", "3.5亿", "万亿"), then a unit
/// ("元", "美元", "公里"). A counted noun ("人") is left for the subject;
/// dates, ages and ordinals ("2024年", "35岁") are no figure. Returns the
/// scale, the unit and the last token read (`k - 1` when only a noun follows).
fn cjk_glued(toks: &[Tok], k: usize, money: bool) -> Option<(f64, Option<Unit>, usize)> {
    let mut scale = 1.0;
    let mut end = k;
    while let Some(s) = toks
        .get(end)
        .filter(|t| !t.gap)
        .and_then(|t| w::cjk_scale(t.text))
    {
        scale *= s;
        end += 1;
    }
    let text = |m: usize| toks.get(m).filter(|t| !t.gap).map_or("", |t| t.text);
    if let Some((name, is_money, chars)) = w::cjk_unit(text(end), text(end + 1)) {
        let unit = if is_money {
            Unit::Money(name)
        } else {
            Unit::Measure(name)
        };
        return Some((scale, (!money).then_some(unit), end + chars - 1));
    }
    if end == k && w::cjk_not_counted(text(k)) {
        return None;
    }
    Some((scale, None, end - 1))
}

/// "km2", "m²": a square sign glued after a unit token at `k`.
fn square_mark(toks: &[Tok], k: usize) -> bool {
    toks.get(k + 1)
        .is_some_and(|t| !t.gap && matches!(t.text, "2" | "²"))
        && !toks
            .get(k + 2)
            .is_some_and(|t| !t.gap && t.kind == Kind::Num)
}

fn squared(toks: &[Tok], k: usize, unit: &'static str) -> &'static str {
    if !square_mark(toks, k) {
        return unit;
    }
    match unit {
        "km" => "square km",
        "m" => "square meters",
        "miles" => "square miles",
        other => other,
    }
}

/// `60-square-meter`, `14-fold`, `10-percent`: a unit joined to the number by
/// hyphens. Any other compound ("two-day", "42-year-old", "50-something",
/// "12-member") is an adjective for something else and no figure.
pub(super) fn compound(toks: &[Tok], k: usize) -> Option<(Unit, usize)> {
    let mut end = k;
    let mut joined = String::new();
    joined.push_str(Lower::new(toks[k].text).as_str());
    // "12-cent-a-share": the rate is left for [`finish`].
    while toks.get(end + 1).is_some_and(|d| d.is_dash() && !d.gap)
        && hyphen_rate(toks, end + 1).is_none()
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
    } else if let Some(code) = w::currency_word(head).filter(|_| joined == head) {
        // "a 12-cent dividend", "a one-yen bid".
        Unit::Money(code)
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

/// Whether a verb of change (or "up", "down") stands right before the
/// number that ends at `j` ("fell 300", "up 1.5 million" reads its scale).
fn index_change_before(toks: &[Tok], j: usize) -> bool {
    let first = if toks[j].kind == Kind::Word && j > 0 && toks[j - 1].kind == Kind::Num {
        j - 1
    } else {
        j
    };
    first.checked_sub(1).is_some_and(|p| {
        let lw = toks[p].lower();
        let w = lw.as_str();
        toks[p].kind == Kind::Word
            && (super::grammar::change_verb(w) || matches!(w, "up" | "down" | "shed"))
    })
}

/// The unit written after the number at `j`, and the last token it uses.
/// `None` rejects the amount: "three times" without a comparison is how
/// often something happened, not a multiple.
pub(super) fn unit_after(toks: &[Tok], j: usize) -> Option<(Unit, usize)> {
    let Some(n) = toks.get(j + 1) else {
        return Some((Unit::Count, j));
    };
    if (n.is_mark("%") || n.is_mark("％")) && !n.gap {
        return Some((Unit::Percent, j + 1));
    }
    if let Some(d) = degrees(toks, j) {
        return Some(d);
    }
    // "15€", "100 ₹": a currency sign after the amount, as much of Europe
    // and Asia writes it; not when it starts the next amount ("5 $10").
    if n.kind == Kind::Mark
        && let Some(code) = w::currency_symbol(n.text)
        && !toks
            .get(j + 2)
            .is_some_and(|m| !m.gap && m.kind == Kind::Num)
        && n.text != "$"
    {
        return Some((Unit::Money(code), j + 1));
    }
    if toks[j].kind == Kind::Word
        && w::scale(toks[j].lower().as_str()).is_some()
        && let Some((code, end)) = hyphen_currency(toks, j)
    {
        return Some((Unit::Money(code), end));
    }
    if !n.gap || n.kind != Kind::Word {
        return Some((Unit::Count, j));
    }
    let lw = n.lower();
    let next = |k: usize| toks.get(j + k).map_or(Lower::new(""), Tok::lower);
    let word = lw.as_str();
    Some(match word {
        // "The Dow fell 300 points", "the index was up 25.5 points": an
        // index's points, a measure of its level, not a count of things.
        "point" | "points" if index_change_before(toks, j) => (Unit::Measure("points"), j + 1),
        "percent" | "pct" => (Unit::Percent, j + 1),
        "pc" if n.text == "pc" => (Unit::Percent, j + 1),
        "per" if next(2).as_str() == "cent" => (Unit::Percent, j + 2),
        "percentage" if matches!(next(2).as_str(), "point" | "points") => (Unit::Points, j + 2),
        // "cut the cash rate by 25 basis points", "50 bps": hundredths of a
        // percentage point, as central banks count.
        "basis" if matches!(next(2).as_str(), "point" | "points") => {
            (Unit::Measure("basis points"), j + 2)
        }
        "bps" | "bp" => (Unit::Measure("basis points"), j + 1),
        "times" => {
            let after = next(2);
            // "4.5 times": no one does something four and a half times.
            let fractional = toks[j].kind == Kind::Num && toks[j].text.contains('.');
            let compared = w::change_word(after.as_str())
                || matches!(after.as_str(), "as" | "the" | "that" | "than" | "over")
                || comparative(after.as_str())
                || (fractional && !matches!(after.as_str(), "per" | "a" | "each" | "every"));
            if !compared {
                return None;
            }
            (Unit::Times, j + 1)
        }
        "hong" if next(2).as_str() == "kong" && next(3).as_str() == "dollars" => {
            (Unit::Money("HKD"), j + 3)
        }
        "us" if next(2).as_str() == "dollars" => (Unit::Money("USD"), j + 2),
        // "3.04 trillion U.S. dollars", as Xinhua writes it: "U", ".", "S", ".".
        "u" if n.text == "U"
            && (2..=4).all(|k| toks.get(j + k).is_some_and(|t| !t.gap))
            && next(3).as_str() == "s"
            && next(5).as_str() == "dollars" =>
        {
            (Unit::Money("USD"), j + 5)
        }
        "australian" | "canadian" | "singapore" | "taiwan" if next(2).as_str() == "dollars" => {
            let code = match word {
                "australian" => "AUD",
                "canadian" => "CAD",
                "singapore" => "SGD",
                _ => "TWD",
            };
            (Unit::Money(code), j + 2)
        }
        "square" | "sq" | "cubic" => {
            let kind = if word == "cubic" { "cubic" } else { "square" };
            let name = next(2);
            let name = match name.as_str() {
                "km" => "kilometres",
                "mi" => "miles",
                "m" => "metres",
                "ft" => "feet",
                other => other,
            };
            match w::measure(&format!("{kind} {name}")) {
                Some(m) => (Unit::Measure(m), j + 2),
                None => (Unit::Count, j),
            }
        }
        // "14.6 terawatt hours", "3,400 kilowatt-hours": energy.
        "kilowatt" | "megawatt" | "gigawatt" | "terawatt"
            if let Some(end) = hours_after(toks, j + 1) =>
        {
            let unit = match word {
                "kilowatt" => "kWh",
                "megawatt" => "MWh",
                "gigawatt" => "GWh",
                _ => "TWh",
            };
            (Unit::Measure(unit), end)
        }
        // "448,000 metric tons": a metric ton is a tonne.
        "metric" if matches!(next(2).as_str(), "ton" | "tons" | "tonne" | "tonnes") => {
            (Unit::Measure("tonnes"), j + 2)
        }
        "degree" | "degrees" => match next(2).as_str() {
            "celsius" | "centigrade" => (Unit::Measure("°C"), j + 2),
            "fahrenheit" => (Unit::Measure("°F"), j + 2),
            _ => (Unit::Measure("degrees"), j + 1),
        },
        _ => match (w::currency_word(word), w::measure(word)) {
            (Some(code), _) => (Unit::Money(code), j + 1),
            (None, Some(m)) if let Some((speed, end)) = speed(toks, j + 1, m) => {
                (Unit::Measure(speed), end)
            }
            (None, Some(m)) => {
                let m = squared(toks, j + 1, m);
                (
                    Unit::Measure(m),
                    j + 1 + usize::from(square_mark(toks, j + 1)),
                )
            }
            _ => (Unit::Count, j),
        },
    })
}

/// The last token of "hours" after a unit of power at `k`, spaced or
/// hyphenated ("terawatt hours", "kilowatt-hours").
fn hours_after(toks: &[Tok], k: usize) -> Option<usize> {
    let hours = |t: &Tok| t.is_word("hours") || t.is_word("hour");
    match (toks.get(k + 1), toks.get(k + 2)) {
        (Some(h), _) if h.gap && hours(h) => Some(k + 1),
        (Some(d), Some(h)) if !d.gap && d.is_dash() && !h.gap && hours(h) => Some(k + 2),
        _ => None,
    }
}

/// "120 km/h", "30 m/s": a length at token `k` divided by a time written
/// glued after it; the speed's unit and its last token.
fn speed(toks: &[Tok], k: usize, length: &str) -> Option<(&'static str, usize)> {
    let glued = |m: usize| toks.get(m).filter(|t| !t.gap);
    glued(k + 1).filter(|t| t.is_mark("/"))?;
    let time = glued(k + 2).filter(|t| t.kind == Kind::Word)?;
    let per_hour = matches!(time.text, "h" | "hr" | "hour");
    let unit = match (length, per_hour, time.text) {
        ("km", true, _) => "km/h",
        ("miles", true, _) => "mph",
        ("m", _, "s") => "m/s",
        ("km", _, "s") => "km/s",
        _ => return None,
    };
    Some((unit, k + 2))
}

/// A comparative after "N times" that makes it a multiple: "10 times
/// harder", "three times bigger" ("more", "higher" are change words).
fn comparative(word: &str) -> bool {
    matches!(
        word,
        "harder"
            | "bigger"
            | "larger"
            | "greater"
            | "smaller"
            | "faster"
            | "slower"
            | "stronger"
            | "cheaper"
            | "safer"
            | "better"
            | "worse"
            | "richer"
            | "poorer"
            | "longer"
            | "shorter"
            | "wider"
            | "heavier"
            | "deadlier"
            | "likelier"
            | "costlier"
            | "louder"
            | "less"
            | "fewer"
    )
}

/// "-18 °C", "40°F".
fn degrees(toks: &[Tok], j: usize) -> Option<(Unit, usize)> {
    let sign = toks.get(j + 1).filter(|t| t.is_mark("°"))?;
    let letter = toks.get(j + 2).filter(|t| !t.gap && t.kind == Kind::Word)?;
    let _ = sign;
    match letter.text {
        "C" => Some((Unit::Measure("°C"), j + 2)),
        "F" => Some((Unit::Measure("°F"), j + 2)),
        _ => None,
    }
}

/// A minus sign glued before the number at `i` and standing apart from
/// what precedes it: "-18 °C", "(-4%)", but not "10 -20" nor "COVID-19".
fn minus_before(toks: &[Tok], i: usize) -> bool {
    if i == 0 || toks[i].gap {
        return false;
    }
    let m = &toks[i - 1];
    (m.is_dash() || m.is_mark("−")) && sign_apart(toks, i, &["("])
}

/// "(+33,000; +1.8%)", "+0.4%": a plus sign that marks a change as a
/// rise, apart from what stands before it as [`minus_before`]'s minus is
/// (or glued after a ";" too). Only before a share, a decimal or a grouped
/// number: "+44 20 7946 0958" is a telephone number's country code.
fn plus_before(toks: &[Tok], i: usize) -> bool {
    if i == 0 || toks[i].gap || !toks[i - 1].is_mark("+") {
        return false;
    }
    let share = toks.get(i + 1).is_some_and(|n| !n.gap && n.is_mark("%"));
    sign_apart(toks, i, &["(", ";"]) && (share || toks[i].text.contains([',', '.']))
}

/// Whether the sign at `i - 1`, glued to the number at `i`, stands apart
/// from what precedes it: it opens the text, follows a space (and no
/// number: "10 -20" is a range), or is glued after one of `marks`.
fn sign_apart(toks: &[Tok], i: usize, marks: &[&str]) -> bool {
    let sign = &toks[i - 1];
    i == 1
        || (sign.gap && toks[i - 2].kind != Kind::Num)
        || (!sign.gap && marks.iter().any(|m| toks[i - 2].is_mark(m)))
}

/// "/hour" of "$15.40/hour": a rate after a slash at `k`, and its last token.
fn slash_rate(toks: &[Tok], k: usize) -> Option<(&'static str, usize)> {
    toks.get(k).filter(|s| s.is_mark("/") && !s.gap)?;
    let unit = toks.get(k + 1).filter(|u| u.kind == Kind::Word && !u.gap)?;
    w::per_unit(unit.lower().as_str()).map(|r| (r, k + 1))
}

/// "-a-share" of "a 12-cent-a-share dividend", "$5 million-a-year": a rate
/// hyphenated onto an amount, from the dash at `k`; the rate and its last token.
pub(super) fn hyphen_rate(toks: &[Tok], k: usize) -> Option<(&'static str, usize)> {
    let glued = |m: usize| toks.get(m).filter(|t| !t.gap);
    glued(k).filter(|d| d.is_dash())?;
    glued(k + 1).filter(|a| matches!(a.lower().as_str(), "a" | "an" | "per"))?;
    glued(k + 2).filter(|d| d.is_dash())?;
    let unit = glued(k + 3).filter(|u| u.kind == Kind::Word)?;
    w::per_unit(unit.lower().as_str()).map(|r| (r, k + 3))
}

/// "3.5 billion-dollar", "a billion-dollar": a currency hyphenated onto the
/// scale at `j`; the currency and the last token it uses.
fn hyphen_currency(toks: &[Tok], j: usize) -> Option<(&'static str, usize)> {
    let glued = |m: usize| toks.get(m).filter(|t| !t.gap);
    glued(j + 1).filter(|d| d.is_dash())?;
    let word = glued(j + 2).filter(|u| u.kind == Kind::Word)?;
    // "a billion-dollar-a-year trade": the rate is read after it.
    w::currency_word(word.lower().as_str())
        .filter(|c| !matches!(*c, "cents" | "pence"))
        .map(|c| (c, j + 2))
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
    let mut values = values;
    if let Unit::Money(_) = unit
        && values.len() == 1
        && values[0].fract() == 0.0
        && let Some((hundredths, end)) = cents::after(toks, last)
    {
        values = OneOrTwo::one((values[0] * 100.0 + hundredths) / 100.0);
        last = end;
    }
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
        if let Some((r, end)) = hyphen_rate(toks, last + 1).or_else(|| slash_rate(toks, last + 1)) {
            rate = Some(r);
            last = end;
        } else if gap
            && l1.as_str() == "per"
            && let Some(r) = w::per_unit(l2.as_str())
        {
            rate = Some(r);
            last += 2;
            // "$45 per person per year": the rate has a rate of its own.
            if w::rate_link(lower(last + 1).as_str())
                && toks.get(last + 2).is_some_and(|t| t.gap)
                && let Some(time) = w::rate_unit(lower(last + 2).as_str())
                && let Some(both) = w::rate_over_time(r, time)
            {
                rate = Some(both);
                last += 2;
            }
        } else if gap
            && matches!(l1.as_str(), "a" | "an" | "each" | "every")
            && not_time_phrase
            && let Some(r) = w::rate_unit(l2.as_str())
                .filter(|r| *r != "person")
                .or_else(|| money_per_measure(unit, l2.as_str()))
        {
            rate = Some(r);
            last += 2;
        } else if gap && let Some(r) = w::rate_adverb(l1.as_str()) {
            rate = Some(r);
            last += 1;
        } else if let Some((r, end)) = rate::per_population(toks, last) {
            rate = Some(r);
            last = end;
        } else if unit == Unit::Count
            && let Some(r) = rate::after_noun(toks, last)
        {
            // The noun stays out of the text ("2,800" of "2,800 jobs a year").
            rate = Some(r);
        } else if matches!(unit, Unit::Measure(_))
            && let Some(r) = rate::after_measure_of(toks, last)
        {
            // "3 million barrels of oil a day".
            rate = Some(r);
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

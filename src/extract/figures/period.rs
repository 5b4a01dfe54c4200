//! Periods: the phrase of a figure's sentence that says when it holds ("in
//! September", "In the 12 months to September 30", "between 2012 and 2024",
//! "last year"). Phrases that are a comparison's baseline ("compared to 2019",
//! "than the same period last year", "from the previous month") are found
//! too, so that the "last year" inside them is not mistaken for the period,
//! and then dropped.

use std::ops::Range;

use super::grammar as g;
use super::lex::{Kind, Tok};
use super::shape::Shapes;
use super::words::{self as w, Lower};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Phrase {
    pub first: usize,
    pub last: usize,
}

/// Clause numbers per token: a new clause starts with each sentence, at `;`,
/// and at a comma before a contrasting conjunction (", while"), so a period
/// from one half of "more than 40% …, while … U.S.$160 billion … over the past
/// six quarters" is not lent to the other.
///
/// Only clauses in `regions` (see [`super::scope::regions`]) are numbered;
/// other tokens get `usize::MAX`, which equals no clause number. Regions hold
/// whole sentences, so no clause spans two of them.
pub(super) fn clauses(toks: &[Tok], sentence_of: &[usize], regions: &[Range<usize>]) -> Vec<usize> {
    let mut out = vec![usize::MAX; toks.len()];
    let mut clause = 0;
    for r in regions {
        clause += 1;
        // Inside a fronted subordinate clause, up to its comma.
        let mut fronted = false;
        for k in r.clone() {
            let t = &toks[k];
            let opens = k == r.start || sentence_of[k] != sentence_of[k - 1];
            if k > r.start && (opens || toks[k - 1].is_mark(";")) {
                clause += 1;
            }
            if opens {
                fronted = subordinator(t);
            }
            out[k] = clause;
            // "When she took office in January, she promised 20,000 homes":
            // the time of the fronted clause is not the figure's.
            if fronted && t.is_mark(",") {
                fronted = false;
                clause += 1;
                continue;
            }
            // "Sales rose 5%, compared with 3% last year": the time of
            // what a figure is compared with is not the figure's.
            let compared = || {
                toks.get(k + 1).is_some_and(|n| n.is_word("compared"))
                    && toks
                        .get(k + 2)
                        .is_some_and(|n| n.is_word("with") || n.is_word("to"))
            };
            let contrast = t.is_mark(",")
                && (compared()
                    || toks.get(k + 1).is_some_and(|n| {
                        matches!(
                            n.lower().as_str(),
                            "while" | "whereas" | "but" | "although" | "though" | "yet"
                        )
                    }));
            if contrast {
                clause += 1;
            }
        }
    }
    out
}

/// A sentence's opening word that makes its first clause subordinate to
/// the next: "When", "After", "Although". Not "Since" or "As": "Since
/// 2019, prices have risen 20%" dates the figure.
fn subordinator(t: &Tok) -> bool {
    t.kind == Kind::Word
        && matches!(
            t.text,
            "When"
                | "Whenever"
                | "After"
                | "Before"
                | "Once"
                | "Until"
                | "If"
                | "Unless"
                | "Although"
                | "Though"
                | "Because"
                | "While"
                | "Whereas"
        )
}

/// Per token, how many participle clauses (", bringing the total to …")
/// have opened in its clause so far: a period phrase written in such a
/// clause dates the figures of that clause, not the main clause's figures
/// before it ([`nearest`]). Tokens outside `regions` get 0.
pub(super) fn participles(toks: &[Tok], regions: &[Range<usize>]) -> Vec<u32> {
    let mut out = vec![0; toks.len()];
    let mut n = 0;
    for r in regions {
        for k in r.clone() {
            let opens = k > r.start
                && toks[k - 1].is_mark(",")
                && toks[k].kind == Kind::Word
                && toks[k].text.len() > 5
                && toks[k].text.ends_with("ing")
                && toks[k].text.starts_with(|c: char| c.is_ascii_lowercase())
                // ", according to a poll last week" dates what it sources;
                // ", surpassing the $394,000 raised in the same month"
                // compares like with like.
                && !matches!(
                    toks[k].text,
                    "according" | "including" | "surpassing" | "exceeding"
                );
            n += u32::from(opens);
            out[k] = n;
        }
    }
    out
}

/// The period phrases that start in `regions` (token ranges, in order, each
/// starting after a [`hard_stop`](super::scope::hard_stop) or at 0),
/// outermost only, baselines removed, in order.
pub(super) fn phrases(toks: &[Tok], regions: &[Range<usize>]) -> Vec<Phrase> {
    let mut out = Vec::new();
    let mut reach: Option<usize> = None;
    for k in regions.iter().flat_map(Range::clone) {
        let t = &toks[k];
        if t.kind != Kind::Word || !OPENERS.may_contain(t.text.as_bytes()) {
            debug_assert!(
                t.kind != Kind::Word || phrase_at(toks, k).is_none(),
                "{t:?}"
            );
            continue;
        }
        let Some(last) = phrase_at(toks, k) else {
            continue;
        };
        // Phrases start in order, so one ending within the last kept is inside it.
        if reach.is_some_and(|r| last <= r) {
            continue;
        }
        reach = Some(last);
        if !(baseline(toks, k) || aside(toks, k, last)) {
            out.push(Phrase { first: k, last });
        }
    }
    out
}

/// A comparison's baseline: "than …", "compared to/with …", "from …" (a
/// "from" that had a "to" is a range and was read whole).
fn baseline(toks: &[Tok], k: usize) -> bool {
    let before = |n: usize| k.checked_sub(n).map_or(Lower::new(""), |p| toks[p].lower());
    let b1 = before(1);
    let b2 = before(2);
    // A prepositional phrase is read whole from its preposition, so "over"
    // or "on" before a bare "the previous quarter" makes it a baseline.
    matches!(
        b1.as_str(),
        "than" | "from" | "versus" | "vs" | "against" | "over" | "on"
    ) || (matches!(b1.as_str(), "to" | "with")
        && matches!(b2.as_str(), "compared" | "comparison" | "relative"))
}

/// ", founded in 1998,": a participle's date in an aside dates that event,
/// not the figures around it.
fn aside(toks: &[Tok], first: usize, last: usize) -> bool {
    let participle = first.checked_sub(1).is_some_and(|p| {
        toks[p].kind == Kind::Word && toks[p].text.ends_with("ed") && toks[p].text.len() > 3
    });
    participle
        && first.checked_sub(2).is_some_and(|p| toks[p].is_mark(","))
        && toks.get(last + 1).is_some_and(|t| t.is_mark(","))
}

/// The words [`phrase_at`] starts a phrase with, to skip all others quickly.
static OPENERS: Shapes = Shapes::EMPTY.with_words(&[
    "in",
    "within",
    "during",
    "throughout",
    "through",
    "over",
    "across",
    "for",
    "since",
    "between",
    "from",
    "at",
    "as",
    "by",
    "last",
    "this",
    "that",
    "the",
]);

fn phrase_at(toks: &[Tok], k: usize) -> Option<usize> {
    let lw = toks[k].lower();
    let word = |n: usize| toks.get(n).map_or(Lower::new(""), Tok::lower);
    match lw.as_str() {
        "in" | "within" => span_at(toks, k + 1, false)
            .or_else(|| the_period(toks, k + 1).filter(|_| lw.as_str() == "in"))
            .or_else(|| {
                // "in June to August 2026": months a statistic covers.
                let e1 = date_at(toks, k + 1)?;
                let through = matches!(word(e1 + 1).as_str(), "to" | "through")
                    && is_month(&toks[k + 1])
                    && toks.get(e1 + 2).is_some_and(is_month);
                Some(if through {
                    date_at(toks, e1 + 2).unwrap_or(e1)
                } else {
                    e1
                })
            }),
        "during" | "throughout" | "through" => {
            span_at(toks, k + 1, true).or_else(|| date_at(toks, k + 1))
        }
        // "a 30 per cent increase over last year": without "the", "last"
        // after "over" is the baseline a change is measured against.
        "over" if word(k + 1).as_str() == "last" => None,
        "over" | "across" => span_at(toks, k + 1, true).or_else(|| the_period(toks, k + 1)),
        "for" => span_at(toks, k + 1, false)
            .or_else(|| fiscal(toks, k + 1))
            .or_else(|| financial_year(toks, k + 1)),
        "since" => date_at(toks, k + 1).or_else(|| since_event(toks, k)),
        "between" => {
            let e1 = date_at(toks, k + 1)?;
            (word(e1 + 1).as_str() == "and").then(|| date_at(toks, e1 + 2))?
        }
        "from" => {
            let e1 = date_at(toks, k + 1)?;
            if matches!(word(e1 + 1).as_str(), "to" | "until" | "through" | "till") {
                return date_at(toks, e1 + 2);
            }
            // "$536 a year from 1 July 2026": the month a level applies
            // from. After a change ("down from March 2024", "rose 3% from
            // July") the month is its baseline.
            // Read back a few words: a change ("fell", "up", "higher")
            // before any word that sets a level ("to", "at", "be").
            let baseline = toks[k.saturating_sub(5)..k]
                .iter()
                .rev()
                .map(Tok::lower)
                .find_map(|l| {
                    let l = l.as_str();
                    if matches!(l, "to" | "at" | "be" | "is" | "are" | "will") {
                        Some(false)
                    } else if w::change_word(l)
                        || g::change_verb(l)
                        // "a four-point dip from March".
                        || matches!(l, "up" | "down" | "dip" | "loss" | "change" | "swing")
                    {
                        Some(true)
                    } else {
                        None
                    }
                })
                .unwrap_or(false);
            // "from March 1-8", "from March 30-April 4": a span of days.
            let span_end = toks
                .get(e1 + 1)
                .filter(|d| d.is_dash() && !d.gap)
                .and_then(|_| {
                    date_at(toks, e1 + 2).or_else(|| {
                        toks.get(e1 + 2)
                            .filter(|n| n.kind == Kind::Num && !n.gap)
                            .map(|_| e1 + 2)
                    })
                });
            ((k + 1..=e1).any(|n| is_month(&toks[n])) && !baseline)
                .then_some(span_end.unwrap_or(e1))
        }
        "at" => {
            let edge = matches!(word(k + 2).as_str(), "end" | "start" | "beginning" | "turn");
            (word(k + 1).as_str() == "the" && edge && word(k + 3).as_str() == "of")
                .then(|| date_at(toks, k + 4))?
        }
        "as" if word(k + 1).as_str() == "of" => date_at(toks, k + 2),
        // "by 2030", "by the end of 2026": a deadline, which dates a target.
        "by" => date_at(toks, k + 1).filter(|_| is_dated(toks, k + 1)),
        "last" | "this" | "that" | "the" => relative(toks, k),
        _ => None,
    }
}

/// "the year", "the quarter", "the month" that a release reports on, as
/// "over the year" and "in the quarter" say; the phrase's last token. Not
/// with more after it ("the year to June" is [`span_at`]'s, "the year
/// before" a baseline).
fn the_period(toks: &[Tok], j: usize) -> Option<usize> {
    let word = |n: usize| toks.get(n).map_or(Lower::new(""), Tok::lower);
    let closed = toks.get(j + 2).is_none_or(|t| {
        t.kind == Kind::Mark || matches!(t.lower().as_str(), "and" | "but" | "while" | "as")
    });
    (word(j).as_str() == "the"
        && matches!(word(j + 1).as_str(), "year" | "quarter" | "month")
        && closed)
        .then_some(j + 1)
}

/// Whether the date at `j` names a year or a month ("2030", "March", "the
/// end of 2026"), not a relative time ("by this year" reads as a deadline
/// too, but "by the previous year" compares).
fn is_dated(toks: &[Tok], j: usize) -> bool {
    toks.get(j)
        .is_some_and(|t| is_year(t) || is_month(t) || t.is_word("the") || t.is_word("mid"))
}

/// "Since Xi Jinping’s rise to power in 2012": an event dated by a year a few words on.
fn since_event(toks: &[Tok], k: usize) -> Option<usize> {
    for (m, t) in toks.iter().enumerate().take(k + 13).skip(k + 1) {
        if t.kind == Kind::Mark && !matches!(t.text, "(" | ")" | "’" | "'") {
            return None;
        }
        if t.kind == Kind::Num && is_year(t) {
            return Some(m);
        }
    }
    None
}

fn is_year(t: &Tok) -> bool {
    t.kind == Kind::Num && super::count::is_year(t.text)
}

/// Time zones a wire service writes after a time of day in four digits
/// ("1430 GMT"), and "hrs".
fn is_time_zone(w: &str) -> bool {
    matches!(
        w,
        "GMT"
            | "UTC"
            | "ET"
            | "EST"
            | "EDT"
            | "CT"
            | "CST"
            | "CDT"
            | "PT"
            | "PST"
            | "PDT"
            | "BST"
            | "CET"
            | "CEST"
            | "AEST"
            | "AEDT"
            | "JST"
            | "HKT"
            | "SGT"
            | "hrs"
    )
}

fn is_day(t: &Tok) -> bool {
    t.kind == Kind::Num
        && t.text.len() <= 2
        && t.text.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_month(t: &Tok) -> bool {
    t.capitalised() && w::month(t.lower().as_str())
}

/// A point or stretch of the calendar starting at `j`: "2023", "the 1990s",
/// "2012–2024", "mid-2022", "November 2022", "September 30", "May 30, 2022",
/// "May of the previous year", "the end of 2012", "the first half of 2023",
/// "last year".
pub(super) fn date_at(toks: &[Tok], j: usize) -> Option<usize> {
    let t = toks.get(j)?;
    let glued = |n: usize| toks.get(n).filter(|x| !x.gap);
    let word = |n: usize| toks.get(n).map_or(Lower::new(""), Tok::lower);
    if is_year(t) {
        // "by 1430 GMT": a time of day, as wires write it.
        if toks
            .get(j + 1)
            .is_some_and(|z| z.gap && is_time_zone(z.text))
        {
            return None;
        }
        if glued(j + 1).is_some_and(|s| s.text == "s") {
            return Some(j + 1);
        }
        if glued(j + 1).is_some_and(Tok::is_dash) && glued(j + 2).is_some_and(is_year) {
            return Some(j + 2);
        }
        return Some(financial_year(toks, j).unwrap_or(j));
    }
    if is_day(t) && toks.get(j + 1).is_some_and(is_month) {
        return Some(month_end(toks, j + 1));
    }
    if is_month(t) {
        return Some(month_end(toks, j));
    }
    match word(j).as_str() {
        "fiscal" => fiscal(toks, j),
        // "Q3 2024", "Q1": a quarter, with its year when the text gives one.
        "q" if glued(j + 1).is_some_and(|n| matches!(n.text, "1" | "2" | "3" | "4")) => {
            Some(year_after(toks, j + 1))
        }
        // "FY26", "FY2025", "FY 2024-25".
        "fy" => {
            let n = toks.get(j + 1).filter(|n| n.kind == Kind::Num)?;
            match n.text.len() {
                2 => Some(j + 1),
                4 if is_year(n) => Some(financial_year(toks, j + 1).unwrap_or(j + 1)),
                _ => None,
            }
        }
        "mid" | "early" | "late" => {
            if glued(j + 1).is_some_and(Tok::is_dash) && glued(j + 2).is_some() {
                date_at(toks, j + 2)
            } else {
                date_at(toks, j + 1)
            }
        }
        "the" => {
            let w1 = word(j + 1);
            let w2 = word(j + 2);
            let edge = matches!(
                w1.as_str(),
                "end" | "start" | "beginning" | "middle" | "turn"
            );
            let part = matches!(
                w1.as_str(),
                "first" | "second" | "third" | "fourth" | "latter"
            ) && matches!(w2.as_str(), "half" | "quarter");
            if edge && w2.as_str() == "of" {
                date_at(toks, j + 3)
            } else if w2.as_str() == "quarter" && toks.get(j + 1).is_some_and(is_month) {
                // "the September quarter", as Australian statistics name one.
                Some(year_after(toks, j + 2))
            } else if toks.get(j + 1).is_some_and(is_month)
                && toks.get(j + 2).is_some_and(is_year)
                && word(j + 3).as_str() == "quarter"
            {
                // "the December 2024 quarter".
                Some(j + 3)
            } else if part && word(j + 3).as_str() == "of" {
                date_at(toks, j + 4)
            } else if part {
                // "the third quarter", "the first half 2025": the year is the text's.
                Some(year_after(toks, j + 2))
            } else if toks
                .get(j + 1)
                .is_some_and(|n| n.kind == Kind::Num && is_year(n))
                && glued(j + 2).is_some_and(|s| s.text == "s")
            {
                Some(j + 2)
            } else if let Some(e) = financial_year(toks, j + 1).filter(|&e| e > j + 3) {
                // "the 2023–24 financial year".
                Some(e)
            } else {
                relative(toks, j)
            }
        }
        _ => relative(toks, j),
    }
}

/// A financial year starting at `j`: "2024–25", "2023-24", with
/// "financial year" or "fiscal year" after it when the text says so; its
/// last token. The second part is the next year's last two digits.
pub(super) fn financial_year(toks: &[Tok], j: usize) -> Option<usize> {
    let t = toks.get(j).filter(|t| is_year(t))?;
    let glued = |n: usize| toks.get(n).filter(|x| !x.gap);
    glued(j + 1).filter(|d| d.is_dash())?;
    let end = glued(j + 2).filter(|n| n.kind == Kind::Num && n.text.len() == 2)?;
    let next = t.text.parse::<u32>().ok()? + 1;
    if end.text.parse::<u32>().ok()? != next % 100 {
        return None;
    }
    let word = |n: usize| toks.get(n).map_or(Lower::new(""), Tok::lower);
    let named =
        matches!(word(j + 3).as_str(), "financial" | "fiscal") && word(j + 4).as_str() == "year";
    Some(if named { j + 4 } else { j + 2 })
}

/// The last token of a date ending at `end` and the year written right
/// after it, if one is: "Q3 2024", "the September quarter 2024".
fn year_after(toks: &[Tok], end: usize) -> usize {
    if toks.get(end + 1).is_some_and(is_year) {
        end + 1
    } else {
        end
    }
}

/// After a month: a day, a year, or "of the previous year".
fn month_end(toks: &[Tok], m: usize) -> usize {
    let mut e = m;
    if toks.get(e + 1).is_some_and(|t| t.gap && is_day(t)) {
        e += 1;
    }
    if toks.get(e + 1).is_some_and(|t| t.is_mark(",")) && toks.get(e + 2).is_some_and(is_year) {
        e += 2;
    } else if toks.get(e + 1).is_some_and(is_year) {
        e += 1;
    } else if toks.get(e + 1).is_some_and(|t| t.is_word("of"))
        && let Some(end) = relative(toks, e + 2)
    {
        e = end;
    }
    e
}

/// Dates relative to the writing: "last year", "this year", "that same year",
/// "the previous month", "the same period last year".
fn relative(toks: &[Tok], j: usize) -> Option<usize> {
    let word = |n: usize| toks.get(n).map_or(Lower::new(""), Tok::lower);
    let calendar = |s: &str| matches!(s, "year" | "month" | "week" | "quarter" | "decade");
    let w0 = word(j);
    let w1 = word(j + 1);
    match w0.as_str() {
        "last" | "this" if calendar(w1.as_str()) => Some(j + 1),
        "that" if calendar(w1.as_str()) => Some(j + 1),
        "that" if w1.as_str() == "same" && calendar(word(j + 2).as_str()) => Some(j + 2),
        "the" if w1.as_str() == "same" && word(j + 2).as_str() == "period" => {
            if word(j + 3).as_str() == "last" && calendar(word(j + 4).as_str()) {
                Some(j + 4)
            } else {
                Some(j + 2)
            }
        }
        "the"
            if matches!(
                w1.as_str(),
                "previous" | "preceding" | "following" | "same" | "prior"
            ) && calendar(word(j + 2).as_str()) =>
        {
            Some(j + 2)
        }
        _ => None,
    }
}

/// "fiscal 2023", "fiscal year 2023".
fn fiscal(toks: &[Tok], j: usize) -> Option<usize> {
    let t = toks.get(j)?;
    if !t.is_word("fiscal") {
        return None;
    }
    let k = if toks.get(j + 1).is_some_and(|n| n.is_word("year")) {
        j + 2
    } else {
        j + 1
    };
    toks.get(k).is_some_and(is_year).then_some(k)
}

/// A stretch counted back from the writing or a date: "the first 11 months of
/// 2023", "the 12 months to September 30", "the past six quarters", "recent
/// decades", "the preceding decade". A bare count ("five years") is a period
/// only after `over`-like prepositions: "in five years", "within five years"
/// and "for 15 days" are a future or a duration.
fn span_at(toks: &[Tok], j: usize, bare_count: bool) -> Option<usize> {
    let word = |n: usize| toks.get(n).map_or(Lower::new(""), Tok::lower);
    let mut k = j;
    let the = word(k).as_str() == "the";
    if the {
        k += 1;
    }
    // "the year to March", "the year ending March 2025": a statistical
    // year, as government releases count.
    if the
        && w::time_unit(word(k).as_str())
        && matches!(word(k + 1).as_str(), "to" | "ending" | "through")
        && let Some(end) = date_at(toks, k + 2)
    {
        return Some(end);
    }
    let adjective = matches!(
        word(k).as_str(),
        "first"
            | "last"
            | "past"
            | "previous"
            | "preceding"
            | "latest"
            | "final"
            | "same"
            | "recent"
            | "initial"
    ) || (bare_count
        // "$1.5bn over the next five years": a spread into the future is
        // the figure's period; "in the next few years" dates what is done.
        && matches!(word(k).as_str(), "next" | "coming" | "following"));
    if adjective {
        k += 1;
    }
    let t = toks.get(k)?;
    let counted = (t.kind == Kind::Num && !is_year(t) && !t.text.contains('.'))
        || w::small_number(word(k).as_str()).is_some()
        || matches!(word(k).as_str(), "few" | "several")
        // "$1.5 trillion over a decade", the window budgets are scored
        // over ("over a quarter" is a share, "during a week" a habit).
        || (bare_count
            && !the
            && word(k).as_str() == "a"
            && word(k + 1).as_str() == "decade"
            && !matches!(word(k + 2).as_str(), "apart" | "ago" | "of" | "later" | "earlier"));
    if counted {
        k += 1;
    }
    if !(adjective || counted) || !w::time_unit(word(k).as_str()) {
        return None;
    }
    if !(adjective || the || bare_count) {
        return None;
    }
    let link = matches!(
        word(k + 1).as_str(),
        "of" | "to" | "through" | "ending" | "until" | "since"
    );
    if link && let Some(end) = date_at(toks, k + 2) {
        return Some(end);
    }
    Some(k)
}

/// The period phrase closest to the tokens `first..=last` within their
/// clause; one after them only if no participle clause opens between
/// (`participle`, from [`participles`]): "committed $1.1bn, bringing the
/// total to $4.6 billion since 2019" does not date the $1.1bn.
pub(super) fn nearest(
    phrases: &[Phrase],
    clause: &[usize],
    participle: &[u32],
    first: usize,
    last: usize,
) -> Option<Phrase> {
    let home = *clause.get(first)?;
    let at = phrases.partition_point(|p| p.first < first);
    let lo = at.saturating_sub(8);
    let hi = (at + 8).min(phrases.len());
    phrases[lo..hi]
        .iter()
        .filter(|p| clause.get(p.first) == Some(&home) && clause.get(p.last) == Some(&home))
        .filter(|p| p.last < first || (p.first > last && participle[p.first] == participle[last]))
        .min_by_key(|p| {
            if p.last < first {
                first - p.last
            } else {
                p.first - last
            }
        })
        .copied()
}

/// The period phrase between the two values of a change written
/// `written`, in their clause: "7.4 million in August 2026, down from 7.6
/// million" dates the value written first.
pub(super) fn between_pair(
    phrases: &[Phrase],
    clause: &[usize],
    written: [(usize, usize); 2],
) -> Option<Phrase> {
    let [(_, l1), (f2, _)] = written;
    let home = *clause.get(l1)?;
    after(phrases, clause, l1, home).filter(|p| p.last < f2)
}

/// The period phrase that opens the clause of a change written later value
/// first, before it ("In February 2025, the rate was 6.1%"), and the one
/// right after its second value ("down from 6.2% in January 2025").
pub(super) fn fronted_and_after(
    phrases: &[Phrase],
    clause: &[usize],
    written: [(usize, usize); 2],
) -> Option<[Phrase; 2]> {
    let [(f1, _), (_, l2)] = written;
    let home = *clause.get(f1)?;
    let fronted = phrases[..phrases.partition_point(|p| p.first < f1)]
        .iter()
        .rev()
        .find(|p| p.last < f1)
        .filter(|p| clause.get(p.first) == Some(&home))?;
    Some([*fronted, after(phrases, clause, l2, home)?])
}

/// The period phrase right after token `l2`, in clause `home`.
fn after(phrases: &[Phrase], clause: &[usize], l2: usize, home: usize) -> Option<Phrase> {
    phrases
        .get(phrases.partition_point(|p| p.first <= l2))
        .filter(|p| clause.get(p.first) == Some(&home))
        .copied()
}

/// Periods for the two values of a change, earliest first: the phrase
/// between the values belongs to the one written first, the phrase right
/// after the second to the second.
pub(super) fn of_pair(
    phrases: &[Phrase],
    clause: &[usize],
    written: [(usize, usize); 2],
) -> Option<[Phrase; 2]> {
    let [(_, l1), (f2, l2)] = written;
    let inner = phrases
        .get(phrases.partition_point(|p| p.first <= l1))
        .filter(|p| p.last < f2)?;
    let home = *clause.get(l2)?;
    let after = after(phrases, clause, l2, home)?;
    Some([*inner, after])
}

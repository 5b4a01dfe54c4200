//! Framing quantities: durations ("three years", "a 10-year sentence"), ages
//! ("a 45-year-old", "aged 45", "Jane Roe, 45,"), attributive counts ("a
//! 12-member panel", "a 2,000-strong crowd") and referential counts ("the
//! two candidates"; `referential.rs`). The figure policy (`mod.rs`)
//! says they frame a statistic rather than state one, so the figure rules
//! turn them away; a news quantity set counts them. They are listed here as
//! figures of their own `kind`, so a brief's tables and the hand-made gold
//! can leave them out by that kind while a quantity count keeps them.

mod age;
mod group;
mod measured;

use super::grammar as g;
use super::lex::{Kind, Tok, number_value};
use super::shape::Shapes;
use super::words::{self as w};

/// What a framing quantity is; its name is the figure's `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Frame {
    Duration,
    Age,
    Attributive,
    /// "the two candidates", "his 10 rivals" (`referential.rs`).
    Referential,
    /// The two sides of a vote: "voted 5 to 4", "a 5-to-4 decision".
    Tally,
    /// How often something happened: "mentioned it five times",
    /// "retweeted 3,200 times" (not a multiple: "five times higher").
    Frequency,
    /// A length of time the text measures, which is a statistic and has
    /// no kind: "the median wait is 14.2 weeks" (`measured.rs`).
    Measured,
}

impl Frame {
    pub(super) fn name(self) -> &'static str {
        match self {
            Frame::Duration => "duration",
            Frame::Age => "age",
            Frame::Attributive => "attributive",
            Frame::Referential => "referential",
            Frame::Tally => "tally",
            Frame::Frequency => "frequency",
            Frame::Measured => "measured",
        }
    }
}

/// One framing quantity (token indices inclusive).
#[derive(Debug, Clone)]
pub(super) struct Framed {
    pub first: usize,
    pub last: usize,
    pub value: f64,
    pub frame: Frame,
    /// The time unit in the plural ("years") for durations and ages; the
    /// attribute's noun ("member") for attributive counts goes to `subject`.
    pub unit: Option<&'static str>,
    pub noun: Option<usize>,
    /// The other side of a tally ("4" of "5 to 4"), its second value.
    pub second: Option<f64>,
    /// "more than" of "35-plus hours" and "voters over 65", "less than" of
    /// "voters under 30", "at least" of "45 and older".
    pub qualifier: Option<&'static str>,
}

/// Every framing quantity of the paragraph, in order.
pub(super) fn scan(toks: &[Tok]) -> Vec<Framed> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_start(&toks[i]) {
            debug_assert!(at(toks, i).is_none(), "{:?}", toks[i]);
            i += 1;
            continue;
        }
        if let Some(f) = at(toks, i) {
            i = f.last + 1;
            out.push(f);
        } else {
            i += 1;
        }
    }
    measured::mark(toks, &mut out);
    out
}

/// Whether a framing quantity may start at `t`: digits, or a word with the
/// first two letters and the length of a number word ([`number`] reads no
/// other). "the" had the first and last letter and the length of "three",
/// and so was read in full before; most words of a paragraph now fail at
/// two table reads.
fn may_start(t: &Tok) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Word => NUMBER_WORDS.may_contain(t.text.as_bytes()),
        Kind::Mark => false,
    }
}

/// The number words [`number`] reads.
static NUMBER_WORDS: Shapes = Shapes::EMPTY.with_keys(w::SMALL_NUMBERS);

/// The number at `i` (digits, a number word, or "twenty-five"): its value
/// and last token.
fn number(toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    let t = &toks[i];
    match t.kind {
        Kind::Num => {
            // "9/11", "1.2.3", "202-555": part of a label or a code.
            let glued = |k: usize| toks.get(k).is_some_and(|n| !n.gap && n.is_mark("/"));
            if glued(i + 1) || i.checked_sub(1).is_some_and(glued) {
                return None;
            }
            number_value(t.text, 0).map(|v| (v, i))
        }
        Kind::Word => {
            let v = w::small_number_folded(t.text)?;
            let unit = toks
                .get(i + 2)
                .filter(|u| toks[i + 1].is_dash() && !toks[i + 1].gap && !u.gap)
                .and_then(|u| w::small_number_folded(u.text))
                .filter(|&u| v >= 20.0 && v % 10.0 == 0.0 && u < 10.0);
            Some(unit.map_or((v, i), |u| (v + u, i + 2)))
        }
        Kind::Mark => None,
    }
}

fn at(toks: &[Tok], i: usize) -> Option<Framed> {
    let t = &toks[i];
    // A number glued to a word before it is a label ("F-16", "COVID-19").
    if (i > 0 && !t.gap && matches!(toks[i - 1].kind, Kind::Word | Kind::Num))
        || (i > 1 && !t.gap && toks[i - 1].is_dash() && !toks[i - 1].gap)
    {
        return None;
    }
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    if let Some(f) = aged(toks, i, prev) {
        return Some(f);
    }
    let (value, j) = number(toks, i)?;
    // "two and a half years", "seven-and-a-half years".
    if let Some(end) = and_a_half(toks, j) {
        let unit = plural(toks[end].lower().as_str());
        return Some(framed(
            i,
            end,
            value + 0.5,
            Frame::Duration,
            Some(unit),
            None,
        ));
    }
    // "one year" is a period of speech as often as a duration ("one day
    // in June", "could one day stretch"), unless the words around it
    // measure time ("just one day", "one week before").
    let one = value < 2.0 && t.kind == Kind::Word;
    if (one && !one_duration(toks, i, j)) || super::count::is_year(t.text) {
        return None;
    }
    // "Jane Roe, 45,": the age the count rules turn away; "at the age of
    // 92", "She was 92." (`age.rs`).
    if let Some(f) = appositive_age(toks, i, j, value).or_else(|| age::at(toks, i, j, value)) {
        return Some(f);
    }
    // "voters under 30", "those 45 and older" (`age.rs`); "a mother of
    // four", "a team of 15" (`group.rs`).
    if let Some(f) = age::threshold(toks, i, j, value).or_else(|| group::size(toks, i, j, value)) {
        return Some(f);
    }
    // "the two of them", "all five say": a group named elsewhere.
    if super::referential::bare(toks, i, j, value) {
        return Some(framed(i, j, value, Frame::Referential, None, None));
    }
    // "voted 5 to 4", "confirmed 92 to 0": a tally of votes.
    if let Some(f) = vote_tally(toks, i, j, value) {
        return Some(f);
    }
    let word_at = |k: usize| toks.get(k).filter(|x| x.kind == Kind::Word);
    let dash = toks
        .get(j + 1)
        .is_some_and(|d| d.is_dash() && !d.gap && toks.get(j + 2).is_some_and(|n| !n.gap));
    let k = if dash { j + 2 } else { j + 1 };
    if dash && let Some(f) = hyphened_tally(toks, i, j, value) {
        return Some(f);
    }
    let next = word_at(k)?;
    if !dash && !next.gap {
        return None;
    }
    let lw = next.lower();
    let word = lw.as_str();
    // "35-plus hours", "five-plus months": more than the duration;
    // "four more years", "two more days": a duration still to run.
    let unit_at = |m: usize| {
        toks.get(m)
            .filter(|u| u.gap && u.kind == Kind::Word && !u.capitalised())
            .map(|u| u.lower())
            .filter(|u| w::time_unit(u.as_str()) && !matches!(u.as_str(), "quarter" | "quarters"))
    };
    if ((dash && word == "plus") || (!dash && word == "more"))
        && let Some(u) = unit_at(k + 1)
    {
        let mut f = framed(
            i,
            k + 1,
            value,
            Frame::Duration,
            Some(plural(u.as_str())),
            None,
        );
        if word == "plus" {
            f.qualifier = Some("more than");
        }
        return Some(f);
    }
    // "mentioned CNN five times", "retweeted 3,200 times": how often. A
    // multiple ("five times higher") is a stated figure that covers it.
    let compared = toks.get(k + 1).is_some_and(|a| {
        let la = a.lower();
        matches!(la.as_str(), "as" | "the" | "than" | "more" | "less")
            || w::change_word(la.as_str())
    });
    if !dash && word == "times" && !next.capitalised() && value.fract() == 0.0 && !compared {
        return Some(framed(i, k, value, Frame::Frequency, Some("times"), None));
    }
    // "three quarters" in words is a fraction more often than a duration.
    let fraction = t.kind == Kind::Word && matches!(word, "quarter" | "quarters");
    if !dash && super::count::time_compound(toks, k) {
        return None;
    }
    if w::time_unit(word) && !fraction {
        // "a 45-year-old", "45 years old".
        let old = |m: usize| toks.get(m).is_some_and(|o| o.is_word("old"));
        if dash && toks.get(k + 1).is_some_and(Tok::is_dash) && old(k + 2) {
            return Some(framed(
                i,
                k + 2,
                value,
                Frame::Age,
                Some(plural(word)),
                None,
            ));
        }
        if !dash && old(k + 1) {
            return Some(framed(
                i,
                k + 1,
                value,
                Frame::Age,
                Some(plural(word)),
                None,
            ));
        }
        return Some(framed(
            i,
            k,
            value,
            Frame::Duration,
            Some(plural(word)),
            None,
        ));
    }
    // "a 12-member panel", "a 2,000-strong crowd": a hyphenated number and
    // noun before another noun.
    // "a 6.0-sigma result" is a measure, not a count.
    // "a 10-percentage-point lead" is read as "a 10-point lead".
    let glued = |m: usize| toks.get(m).is_some_and(|t| !t.gap);
    let (k, word) = if word == "percentage"
        && toks.get(k + 1).is_some_and(Tok::is_dash)
        && glued(k + 1)
        && toks.get(k + 2).is_some_and(|p| p.is_word("point"))
        && glued(k + 2)
    {
        (k + 2, "point")
    } else {
        (k, word)
    };
    // "a 2.5-point edge": points may be decimal; "a three-way race" counts
    // its sides.
    // "a two-way street" is an idiom.
    let whole = value.fract() == 0.0 || word == "point";
    let sides = word == "way" && !toks.get(k + 1).is_some_and(|s| s.is_word("street"));
    if dash && whole && !next.capitalised() && (attribute_word(word) || sides) {
        let head = toks.get(k + 1).is_some_and(|h| {
            (h.kind == Kind::Word && h.gap && !g::stop_word(h.lower().as_str())) || h.is_dash()
        });
        if head {
            return Some(framed(i, k, value, Frame::Attributive, None, Some(k)));
        }
    }
    // "the two candidates", "all five states": a group already named.
    super::referential::noun(toks, i, j, value)
        .map(|n| framed(i, j, value, Frame::Referential, None, Some(n)))
}

pub(super) fn framed(
    first: usize,
    last: usize,
    value: f64,
    frame: Frame,
    unit: Option<&'static str>,
    noun: Option<usize>,
) -> Framed {
    Framed {
        first,
        last,
        value,
        frame,
        unit,
        noun,
        second: None,
        qualifier: None,
    }
}

/// Words that make "5 to 4" just before them or "a 5-to-4" the tally of a
/// vote: the vote, its verb, its outcome.
const VOTE_WORDS: &[&str] = &[
    "vote",
    "votes",
    "voted",
    "voting",
    "confirmed",
    "deadlocked",
    "passed",
    "approved",
    "rejected",
    "ruled",
    "split",
    "decision",
    "decisions",
    "ruling",
    "majority",
    "tie",
    "margin",
    "tally",
];

/// "voted 5 to 4", "was confirmed 92 to 0", "by a vote of 90 to 10": a
/// number, "to", a number, after a word of voting at most three words
/// before ("The vote was 5 to 4"). A range is "from" or "between" it.
fn vote_tally(toks: &[Tok], i: usize, j: usize, value: f64) -> Option<Framed> {
    let to = toks.get(j + 1).is_some_and(|t| t.is_word("to") && t.gap)
        && toks.get(j + 2).is_some_and(|n| n.gap);
    // "The vote was 68-31", "a 68-31 vote": digits either side of a dash.
    let dashed = toks[j].kind == Kind::Num
        && toks.get(j + 1).is_some_and(|t| t.is_dash() && !t.gap)
        && toks
            .get(j + 2)
            .is_some_and(|n| n.kind == Kind::Num && !n.gap);
    if !to && !dashed {
        return None;
    }
    let (other, last) = number(toks, j + 2)?;
    let vote_word = |b: &Tok| b.kind == Kind::Word && VOTE_WORDS.contains(&b.lower().as_str());
    // A dashed tally may come before its word: "a 68-31 vote", "a 52-47
    // party-line vote".
    let voted_after = dashed
        && toks[last + 1..]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .take(2)
            .any(vote_word);
    let after = toks.get(last + 1);
    // "5 to 10 percent", "5 to 4 years": a range of a unit.
    if !voted_after
        && after.is_some_and(|a| {
            a.gap && a.kind == Kind::Word && !g::stop_word(a.lower().as_str()) && !a.capitalised()
        })
    {
        return None;
    }
    let before = &toks[i.saturating_sub(4)..i];
    if before
        .iter()
        .any(|b| b.is_word("from") || b.is_word("between"))
        || !(before.iter().any(vote_word) || voted_after)
    {
        return None;
    }
    let mut f = framed(i, last, value, Frame::Tally, None, None);
    f.second = Some(other);
    Some(f)
}

/// "a 5-to-4 decision", "a 4-to-4 tie": the hyphened tally before a word
/// of voting; the numbers run from `i` to the second number `last`.
fn hyphened_tally(toks: &[Tok], i: usize, j: usize, value: f64) -> Option<Framed> {
    let glued = |m: usize| toks.get(m).is_some_and(|t| !t.gap);
    let shape = toks.get(j + 1).is_some_and(Tok::is_dash)
        && glued(j + 1)
        && toks.get(j + 2).is_some_and(|t| t.is_word("to"))
        && glued(j + 2)
        && toks.get(j + 3).is_some_and(Tok::is_dash)
        && glued(j + 3)
        && glued(j + 4);
    if !shape {
        return None;
    }
    let (other, last) = number(toks, j + 4)?;
    // "a 5-to-4 pro-business majority": the vote word may follow a
    // describing word.
    let voted = toks[last + 1..]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .take(3)
        .any(|t| VOTE_WORDS.contains(&t.lower().as_str()));
    if !voted {
        return None;
    }
    let mut f = framed(i, last, value, Frame::Tally, None, None);
    f.second = Some(other);
    Some(f)
}

/// "and a half" and a time unit after the number ending at `j`, spaced
/// or hyphened ("two and a half years", "seven-and-a-half years"): the
/// unit's token.
fn and_a_half(toks: &[Tok], j: usize) -> Option<usize> {
    let mut k = j;
    for word in ["and", "a", "half"] {
        k += 1;
        if toks.get(k).is_some_and(|d| d.is_dash() && !d.gap) {
            k += 1;
        }
        toks.get(k).filter(|t| t.is_word(word))?;
    }
    k += 1;
    if toks.get(k).is_some_and(|d| d.is_dash() && !d.gap) {
        k += 1;
    }
    toks.get(k)
        .filter(|u| u.kind == Kind::Word && w::time_unit(u.lower().as_str()))
        .filter(|u| !u.is_word("quarter") && !u.is_word("quarters"))
        .map(|_| k)
}

/// "one" with a time unit after it that measures time: "a one-year
/// program" (hyphened), "just one day", "within one week", "One month
/// after", "one hour later". "one day in June" and "could one day
/// stretch" are a day, not a duration; "one quarter" is a fraction.
fn one_duration(toks: &[Tok], i: usize, j: usize) -> bool {
    let Some(u) = toks.get(j + 1) else {
        return false;
    };
    let hyphened = u.is_dash()
        && !u.gap
        && toks
            .get(j + 2)
            .is_some_and(|n| !n.gap && w::time_unit(n.lower().as_str()));
    if hyphened {
        return !toks[j + 2].is_word("quarter");
    }
    if !(u.gap && w::time_unit(u.lower().as_str())) || u.is_word("quarter") || u.is_word("quarters")
    {
        return false;
    }
    let before = i.checked_sub(1).map(|p| &toks[p]).is_some_and(|p| {
        [
            "just", "only", "within", "in", "for", "after", "than", "served", "spent", "over",
            "with", "first", "last", "next", "past",
        ]
        .iter()
        .any(|w| p.is_word(w))
    });
    let after = toks.get(j + 2).is_some_and(|n| {
        [
            "before", "after", "later", "earlier", "ago", "until", "into",
        ]
        .iter()
        .any(|w| n.is_word(w))
    });
    before || after
}

/// "aged 45", "age 45", and a range of ages: "aged 16 to 24", "aged
/// 16-24", "ages 18 to 29".
fn aged(toks: &[Tok], i: usize, prev: Option<&Tok>) -> Option<Framed> {
    let p = prev?;
    if !(p.is_word("aged") || p.is_word("age") || p.is_word("ages")) || toks[i].kind != Kind::Num {
        return None;
    }
    let (value, j) = number(toks, i)?;
    if !(1.0..=120.0).contains(&value) {
        return None;
    }
    let mut f = framed(i - 1, j, value, Frame::Age, Some("years"), None);
    let link = toks
        .get(j + 1)
        .is_some_and(|t| t.is_word("to") || t.is_word("and") || (t.is_dash() && !t.gap));
    if link
        && let Some((upper, k)) = toks
            .get(j + 2)
            .filter(|t| t.kind == Kind::Num)
            .and_then(|_| number(toks, j + 2))
        && upper > value
        && upper <= 120.0
    {
        f.second = Some(upper);
        f.last = k;
    }
    Some(f)
}

/// "Jane Roe, 45," / "Jane Roe, 45." / "(Clinton (68)" is left out: a
/// capitalised word, a comma, two digits and a comma or full stop.
fn appositive_age(toks: &[Tok], i: usize, j: usize, value: f64) -> Option<Framed> {
    let t = &toks[i];
    let comma_before = i > 1 && toks[i - 1].is_mark(",");
    let name_before = i > 1
        && toks[i - 2].kind == Kind::Word
        && toks[i - 2].capitalised()
        && !g::function_word(toks[i - 2].lower().as_str())
        && !w::month(toks[i - 2].lower().as_str());
    let closes = toks
        .get(j + 1)
        .is_some_and(|n| n.is_mark(",") || n.is_mark(".") || n.is_mark(";"));
    let two_digits = t.kind == Kind::Num && t.text.len() == 2;
    // "born Sept, 26, 2014": a date with a stray comma.
    let dated = toks
        .get(j + 2)
        .is_some_and(|y| super::count::is_year(y.text));
    if dated {
        return None;
    }
    (comma_before && name_before && closes && two_digits && (15.0..=110.0).contains(&value))
        .then(|| framed(i, j, value, Frame::Age, Some("years"), None))
}

/// Nouns a hyphenated count describes something by: "member", "seat",
/// "page", "nation", "point" ("a 10-point lead", "a five-point plan"). Measures, time units and money are figures or
/// durations already; "plus", "odd" and "fold" are no nouns.
fn attribute_word(word: &str) -> bool {
    word.len() > 2
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !w::time_unit(word)
        && w::measure(word).is_none()
        && w::currency_word(word).is_none()
        && w::scale(word).is_none()
        && w::small_number(word).is_none()
        && !matches!(word, "nought" | "naught" | "zero" | "oh")
        && !g::stop_word(word)
        && !matches!(
            word,
            "plus"
                | "odd"
                | "fold"
                | "ish"
                | "something"
                | "old"
                | "percent"
                | "percentage"
                | "way"
        )
}

/// The unit's plural, as the figure's `unit`.
fn plural(word: &str) -> &'static str {
    match word {
        "second" | "seconds" => "seconds",
        "minute" | "minutes" => "minutes",
        "hour" | "hours" => "hours",
        "day" | "days" => "days",
        "night" | "nights" => "nights",
        "week" | "weeks" => "weeks",
        "weekend" | "weekends" => "weekends",
        "month" | "months" => "months",
        "quarter" | "quarters" => "quarters",
        "decade" | "decades" => "decades",
        "century" | "centuries" => "centuries",
        "semester" | "semesters" => "semesters",
        _ => "years",
    }
}

//! Figures: the statistics a document states, each with its exact span so a
//! brief can quote it and a reader can check it.
//!
//! A brief that prints a wrong or non-statistic "figure" is worse than one
//! that misses a figure, so every rule below leans to precision.
//!
//! # What is a figure
//!
//! A stated amount or count of something: people, money, rates, multiples,
//! distances, areas, counts of organisations, agents or stations — small ones
//! too ("34 Chinese agents", "Italy would host 11", "two people", "four major
//! international forums"; a spelled-out small number is only a style choice).
//!
//! Not figures:
//! - years, decades and dates ("in 2023", "the 1990s", "November 24, 2023");
//!   a bare four-digit number from 1000 to 2199 is always read as a year;
//! - ages ("Mark Xu, 35,", "a 42-year-old", "a 50-something asylum-seeker");
//! - ordinals ("fourth largest", "first year", "a third country");
//! - names and labels with digits ("COVID-19", "G20", "Top 10", "Article 23");
//! - times of day, phone numbers, versions ("10 a.m.", "202-555-0143", "1.2.3");
//! - any count of time units: durations and periods frame a statistic but are
//!   not one ("15 days", "two months ago", "a two-day visit", "Three years of
//!   lockdowns", "After 24 years", "the first 11 months of 2023");
//! - vague quantities without a number ("dozens", "several dozen", "a dozen",
//!   "millions", "hundreds of millions", "several million yuan"); with a
//!   number a dozen is twelve ("three dozen witnesses" → 36);
//! - "one", and small written numbers used to refer ("the two countries",
//!   "one of"), or in names ("the OneOrTwo Sessions", "Three Gorges Dam");
//!   a part of a group is counted ("two of the victims", "five of them");
//! - "three times" without a comparison (how often, not a multiple), and
//!   "double"/"triple", which are too often idioms.
//!
//! Durations ("35-plus hours", "four more years"), ages (with age groups:
//! "voters under 30", "those 45 and older"), attributive counts ("a
//! 12-member panel", "a 2,000-strong crowd", "a three-way race", "a
//! 2.5-point edge", "a mother of four", "a team of 15"), the tallies of
//! votes ("voted 5 to 4", "a 5-to-4 decision": one quantity, both sides
//! its values) and how often ("mentioned it five times", "retweeted 3,200
//! times") are no statistics, but a news quantity count keeps them: they
//! are listed as figures with a `kind` ("duration", "age", "attributive",
//! "tally", "frequency", and "period" for a duration that is the span a
//! statistic covers; `framing.rs`), which a brief's selection, the
//! hand-made gold (`tests/it/figures_gold.rs`) and the policy's unit tests
//! leave out.
//!
//! Referential counts are listed the same way, kind "referential", ids
//! `DOC/fr-…`: a number of 2 or more after a determiner or a possessive
//! ("the", "these", "all", "his", "their", "the other", "the last",
//! "Clinton’s") with a plural noun after it, at most three describing words
//! on ("the two candidates", "all five states", "the seven Republican
//! candidates", "his 10 rivals"). The edges: "the one", "one of the" and
//! any bare "one" stay out, as the news measure leaves them out; a
//! number in words after a determiner with no counted noun after it ("the
//! two of them", "all five say", "The two walked in", "between the two.")
//! is a referential count without a subject: the count is stated, what it
//! counts is named elsewhere and would be a guess; in digits it needs its
//! noun ("the 757 can" is a plane); "both" is no number. A count the policy already states
//! keeps no kind: 10 or more after "the", "its", "their" or "our" with its
//! noun ("the 23 hijackers", "the 17 Republican candidates" say how many
//! there are), and "only two Democrats" (`referential.rs`).
//!
//! A bare number in digits ("11", "65") is a figure only with evidence that it
//! counts: a counted noun after it ("65 very large firms"), a counting verb
//! before it ("would host 11", "wounded 30"), a change it is the level of or
//! a total ("the toll rose to 40", "a total of 10"), the subject of a report
//! ("260 were injured", "and roughly 200 wounded"), or a list partner with
//! any of these ("saw 900, 379, and 248 Chinese") or a parallel clause's
//! ("Smith has 11 delegates and Jones has 10", "killed 130 in Paris and 32 in
//! Brussels"), or a tally of names with one verb of holding, whose noun an
//! earlier sentence gave ("Cruz has 69, Rubio has 41"), or a count whose
//! noun is elided, ending its clause after a verb of holding or the
//! possessive of a name, with a count and its noun beside it ("leads the
//! race for delegates with 55.", "1,163 delegates to Sanders’ 844";
//! `elided.rs`); also a qualifier
//! when the number ends its clause ("Sanders will win at least 14.") and a
//! difference of counts ("30 more delegates", "39 more than needed").
//! Thousands separators, scale words, units and currencies are evidence
//! enough ("reached 116,338").
//!
//! A part of a stated whole ("18 of 25 seats", "eight of nine states") is a
//! count of the part, its subject the whole's noun, and the whole is a figure
//! of its own: the part is what the text states, a share would be computed.
//! A whole of 10 or 100 is a poll's base, so "nine of 10 Republicans" is a
//! share (90 percent), as "nine in 10" and "nine out of 10" are.
//!
//! # Fields
//!
//! - `text`: the qualifier, the number and its unit, plus what completes it:
//!   a conversion in brackets, a rate, and for changes the change word
//!   ("more than 4,000", "169% increase", "15 times higher", "5,000 yuan
//!   ($687) per month"). The counted noun is not part of it: its extent is a
//!   guess, and the span must be exact. It goes to `subject`.
//! - `values`: plain numbers ("1.16 million" → 1160000). Directions stay in
//!   the text: "a 1.8% decline" is 1.8.
//! - `unit`: `None` for counts; "percent"; "percentage points"; "times" for
//!   multiples ("fourteenfold" → 14); ISO currency codes ("CNY", "USD" —
//!   "$" alone is USD); measures ("miles", "km", "square meters", …). A rate
//!   appends " per year" (etc.), and a count with a rate is "per year":
//!   "roughly 1,500 per year" → 1500 "per year", "24% annually" → "percent
//!   per year", "U.S.$5,000 a month" → "USD per month".
//! - Fractions are percentages: "two-thirds" → 66.666… percent, "half of" →
//!   50 percent, "one in five" → 20 percent, so they compare with "67 percent";
//!   so are a fraction before a determiner ("half the states", subject
//!   "states") and a fraction that says or holds ("nearly half said", "a
//!   third have").
//!   Before a unit of measure they are amounts of it: "one-half mile" → 0.5
//!   miles, "2 1/2 miles", "4½ cups" (`fraction.rs`).
//! - A sign in words is a sign before a measure, percentage or money ("minus
//!   10 degrees" → -10), not in "plus or minus 4 points" or "a negative 42%
//!   rating"; a degree sign may be left out ("38C", "-15C", "115F").
//! - Money with a conversion in brackets is one figure: "120,000 yuan (about
//!   US$16,500)" has `values` [120000] and unit "CNY" — the amount in the
//!   currency the source states; the conversion is the writer's gloss and
//!   stays readable in `text`. Its "about" qualifies the conversion, so the
//!   figure has no qualifier.
//! - `qualifier`, normalised: "more than" (over, just over, above, upwards
//!   of, in excess of, exceeding), "at least" (no fewer than, no less than),
//!   "about" (around, roughly, approximately, some, an estimated), "nearly"
//!   (almost, approaching, close to, just under), "up to" (as much as, as many
//!   as, no more than, at most), "less than" (fewer than, under, below), and
//!   "between" for ranges.
//! - Changes are one figure with two values in chronological order, earlier
//!   first, however written: "from 15,362 … to 116,868" and "116,868 … up
//!   from 15,362" both give [15362, 116868]. The text runs from the first
//!   written value (with its "from") to the second. The qualifier is the later
//!   value's, the one a brief would headline ("from nearly 25,000 … to more
//!   than 120,000" → "more than"). Ranges ("between 10 and 15 percent",
//!   "10–15%") are [low, high] with qualifier "between".
//! - `subject`: best effort, a short noun phrase ("Chinese nationals",
//!   "arrests of Chinese nationals", "all exiles" → "exiles").
//! - `change`: a change written beside the level it reaches ("increased by
//!   40% to $2.1 billion", "rose 6.2% to $1.45 billion from $1.37 billion")
//!   is one figure: `values` are the level's (or the pair's), and `change`
//!   holds the "40%" with its value and unit; the text runs from "by".
//! - `period`: the verbatim phrase of the sentence, in the figure's clause,
//!   nearest to it, saying when it holds ("In the 12 months to September 30",
//!   "last year", "since Xi Jinping (习近平) assumed power in 2012"), never a
//!   comparison's baseline ("compared to 2019"). A change joins its two
//!   periods, earlier first, without their prepositions: "the end of 2012 to
//!   mid-2022".
//! - `year`: the one calendar year `period` names, when it names one ("in
//!   2022", "In June 2023"); relative periods ("last year", "In May") are
//!   resolved against the document's date by [`resolve_years`], and
//!   `period` keeps the text's words.
//! - `row`, `column`: for a cell of a table (Markdown pipes, or plain text
//!   with tabs or runs of spaces; `table.rs`), its row and column headers;
//!   a header naming a period is the period, a header's unit, scale or rate
//!   ("Share (%)", "Spending ($m)", "Arrivals per day") applies to its cells.
//! - `+` after a number is "more than" ("80,000+"); a glued "m" is metres
//!   ("a 20m vessel") unless a plural follows ("20m people"); Chinese
//!   scales count ("116万人" is 1.16 million, subject "人").
//! - `sentence`: the sentence(s) holding the figure, verbatim (a run-on
//!   "sentence" over 2,000 bytes is cut to a verbatim window around it that
//!   reaches no further than the figures beside it).

mod cand;
mod change;
mod count;
pub mod dollar;
mod framing;
mod grammar;
mod lex;
mod one_or_two;
mod pairs;
mod period;
mod qualifier;
mod quantity;
mod rate;
mod referential;
mod scope;
mod shape;
mod subject;
mod table;
mod words;
pub mod yen;
/// The months' names, lowercase: the quote pass's dateline reader asks them too.
pub(crate) use words::MONTH_NAMES;
mod year;

/// Capitalised plurals of groups of people ("Americans"), which the quote
/// stage never takes for a speaker's name.
pub(crate) use words::group_plural;
pub use year::resolve_years;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fixture;
#[cfg(test)]
mod tests_forms;
#[cfg(test)]
mod tests_gov8;
#[cfg(test)]
mod tests_gov9;
#[cfg(test)]
mod tests_news;
#[cfg(test)]
mod tests_news5;
#[cfg(test)]
mod tests_news6;
#[cfg(test)]
mod tests_news7;
#[cfg(test)]
mod tests_quantities;
#[cfg(test)]
mod tests_referential;
#[cfg(test)]
mod tests_releases;
#[cfg(test)]
mod tests_subjects;

use std::ops::Range;

use serde::Serialize;

use super::Para;
use super::text::MAX_SENTENCE;
use lex::Tok;
use pairs::{Fig, Shape};
use quantity::Unit;

/// A statistic as the document states it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub id: String,
    pub doc: String,
    /// The figure's words exactly as in the body (`body[start..end]`).
    pub text: String,
    pub values: Vec<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    pub subject: Option<String>,
    pub period: Option<String>,
    /// The analyst's description of the figure (a correction in front
    /// matter or the spec); extraction leaves it unset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    /// For a cell of a table: its row's header (the row's first cell).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    /// For a cell of a table: its column's header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The calendar year `period` names, resolved against the document's
    /// date when the text says it relatively ("this year" in an article of
    /// March 2025 is 2025); `period` keeps the text's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The change stated beside the level: "by 40%" of "increased by 40% to
    /// $2.1 billion", whose `values` are the level's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// Set for the quantities the figure policy leaves out of a brief's
    /// statistics but a news quantity count keeps: "duration" ("three
    /// years"), "age" ("a 45-year-old"), "attributive" ("a 12-member
    /// panel"), "tally" ("voted 5 to 4"), "frequency" ("five times"),
    /// "period" (the span a statistic covers: "$2.4 billion over four
    /// years", "in the three months to August") and "referential" ("the two
    /// candidates"); see `framing.rs`.
    /// A brief's tables and the hand-made gold skip figures with a kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

impl Figure {
    /// The id prefix of the figure's kind: "f" for statistics, "fk" for
    /// durations, ages and attributive counts, "fr" for referential counts.
    /// Each is numbered apart, so adding quantities of one kind never
    /// renames an id of another that a spec cites.
    pub fn id_prefix(&self) -> &'static str {
        id_prefix(self.kind.as_deref())
    }
}

/// [`Figure::id_prefix`] for a figure of `kind`.
pub fn id_prefix(kind: Option<&str>) -> &'static str {
    match kind {
        None => "f",
        Some("referential") => "fr",
        Some(_) => "fk",
    }
}

/// The id prefixes of the figures' kinds, each numbered apart.
pub const ID_PREFIXES: [&str; 3] = ["f", "fk", "fr"];

/// A change written beside the level it reaches ("rose 6.2% to …").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The change's words, verbatim: "6.2%", "500".
    pub text: String,
    pub value: f64,
    pub unit: Option<String>,
}

/// The figures of one paragraph, in order; `id` and `doc` are left for the caller.
pub fn find(para: &Para) -> Vec<Figure> {
    let mut out = find_unresolved(para);
    // Years the period states; relative ones wait for the document's date
    // ([`resolve_years`]).
    for f in &mut out {
        f.year = f.period.as_deref().and_then(|p| year::period_year(p, None));
    }
    // Without a document to say otherwise, "$" is the US dollar and "¥"
    // the renminbi.
    dollar::resolve(&mut out, dollar::DOLLAR, "USD");
    dollar::resolve(&mut out, yen::YEN_SIGN, yen::DEFAULT);
    out
}

/// [`find`] without the years: [`resolve_years`] sets the year of every
/// figure with a period again, with the document's date, so a caller that
/// resolves them (`extract`) reads each period once instead of twice. A
/// bare "$" is left as [`dollar::DOLLAR`] for [`dollar::resolve`].
pub fn find_unresolved(para: &Para) -> Vec<Figure> {
    find_unresolved_many(&[para]).pop().unwrap_or_default()
}

/// [`find_unresolved`] for many paragraphs at once, stage by stage: every
/// paragraph is tokenized, then every one scanned for amounts, then for
/// framing quantities, then read. The same figures as paragraph by
/// paragraph, faster: each stage's code stays in the instruction cache for
/// the whole batch instead of being evicted by the next stage's at every
/// paragraph (extraction's code is larger than that cache).
pub fn find_unresolved_many(paras: &[&Para]) -> Vec<Vec<Figure>> {
    let mut out = Vec::with_capacity(paras.len());
    let mut from = 0;
    while from < paras.len() {
        // At least one paragraph, then as many as fit in the bound.
        let mut to = from + 1;
        let mut bytes = paras[from].text.len();
        while to < paras.len() && bytes + paras[to].text.len() <= STAGED_BYTES {
            bytes += paras[to].text.len();
            to += 1;
        }
        out.extend(staged(&paras[from..to]));
        from = to;
    }
    out
}

/// The most text [`find_unresolved_many`] takes through its stages at
/// once: every paragraph's tokens and amounts are alive together, so a
/// bound keeps memory proportional to it rather than to the batch (a 50 MB
/// document's tokens at once took 1.8 GB). 256 KB is some fifty news
/// articles: enough to keep each stage's code cached.
const STAGED_BYTES: usize = 256 * 1024;

/// [`find_unresolved_many`] for paragraphs of at most [`STAGED_BYTES`] (or one).
fn staged(paras: &[&Para]) -> Vec<Vec<Figure>> {
    let mut out: Vec<Vec<Figure>> = Vec::with_capacity(paras.len());
    // The paragraphs to read as prose, with their tokens.
    let mut prose: Vec<(usize, Vec<Tok>)> = Vec::new();
    for (k, para) in paras.iter().enumerate() {
        out.push(Vec::new());
        if !quantity::may_hold(para.text) {
            debug_assert!(quantity::scan(&lex::tokenize(para.text)).is_empty());
            continue;
        }
        if super::sections::table::may_be_table(para.text)
            && let Some(rows) = super::sections::table::rows(para.text)
        {
            out[k] = table::figures(para, &rows);
            continue;
        }
        prose.push((k, sentence_tokens(para)));
    }
    let cands: Vec<Vec<quantity::Cand>> =
        prose.iter().map(|(_, toks)| quantity::scan(toks)).collect();
    let framed: Vec<Vec<framing::Framed>> =
        prose.iter().map(|(_, toks)| framing::scan(toks)).collect();
    // Each paragraph with an amount or a framing quantity, with its
    // sentences and its amounts combined into figures.
    let read: Vec<Read> = prose
        .iter()
        .zip(cands)
        .zip(framed)
        .filter(|((_, cands), framed)| !cands.is_empty() || !framed.is_empty())
        .map(|(((k, toks), cands), framed)| {
            let sentence_of = sentence_index(toks, paras[*k]);
            let figs = if cands.is_empty() {
                Vec::new()
            } else {
                pairs::combine(toks, cands, &sentence_of)
            };
            Read {
                k: *k,
                toks,
                sentence_of,
                figs,
                framed,
            }
        })
        .collect();
    let regions: Vec<Vec<Range<usize>>> = read
        .iter()
        .map(|r| stage(r, |r| scope::regions(r.toks, &r.sentence_of, &r.figs)))
        .collect();
    let read_regions = || read.iter().zip(regions.iter().map(Vec::as_slice));
    let clauses: Vec<Vec<usize>> = read_regions()
        .map(|(r, regions)| stage(r, |r| period::clauses(r.toks, &r.sentence_of, regions)))
        .collect();
    let participles: Vec<Vec<u32>> = read_regions()
        .map(|(r, regions)| stage(r, |r| period::participles(r.toks, regions)))
        .collect();
    let phrases: Vec<Vec<period::Phrase>> = read_regions()
        .map(|(r, regions)| stage(r, |r| period::phrases(r.toks, regions)))
        .collect();
    for (((r, clause), participle), phrases) in
        read.iter().zip(&clauses).zip(&participles).zip(&phrases)
    {
        let para = paras[r.k];
        let ctx = Context {
            para,
            toks: r.toks,
            sentence_of: &r.sentence_of,
            clause,
            participle,
            phrases,
        };
        let mut figs = ctx.figures(&r.figs);
        add_framed(para, r.toks, &r.sentence_of, &r.framed, &mut figs);
        out[r.k] = figs;
    }
    out
}

/// The tokens of a paragraph's sentences that may hold an amount
/// ([`quantity::may_hold`]), with their spans in the paragraph. The figure
/// rules read a figure's own sentence (its subject, period and unit), so
/// the others need no tokens: in news prose they are some two-fifths of a
/// paragraph that holds a number. A rule that reads past its sentence's
/// start now meets the last sentence with a number instead; on PolNeAR,
/// the quantities set and the shipped and synthetic corpora no figure
/// changes.
fn sentence_tokens<'t>(para: &Para<'t>) -> Vec<Tok<'t>> {
    let text = para.text;
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    for r in para.sentences() {
        if quantity::may_hold(&text[r.clone()]) {
            lex::tokenize_into(text, r.clone(), &mut toks);
        } else {
            debug_assert!(quantity::scan(&lex::tokenize(&text[r.clone()])).is_empty());
        }
    }
    toks
}

/// A stage's reading of a paragraph, or nothing when no amount combined
/// into a figure (framing quantities alone need no regions or periods).
fn stage<T>(r: &Read, read: impl FnOnce(&Read) -> Vec<T>) -> Vec<T> {
    if r.figs.is_empty() {
        Vec::new()
    } else {
        read(r)
    }
}

/// A paragraph [`find_unresolved_many`] reads, between its stages.
struct Read<'p, 't> {
    /// Its index in the batch.
    k: usize,
    toks: &'p [Tok<'t>],
    sentence_of: Vec<usize>,
    figs: Vec<pairs::Fig>,
    framed: Vec<framing::Framed>,
}

/// Whether the duration at token `first` is the time a stated figure
/// before it in the sentence is spread over ("$1.2 billion … over the next
/// four years", "£2.4bn over three years"): the figure's period, not a
/// quantity of its own, as a government release means it.
fn spans_a_stated_figure(
    toks: &[Tok],
    first: usize,
    sentence: Option<&Range<usize>>,
    offset: usize,
    out: &[Figure],
) -> bool {
    const OVER: [&str; 4] = ["over", "across", "within", "during"];
    let Some(over) = span_word(toks, first) else {
        return false;
    };
    if !OVER.iter().any(|w| toks[over].is_word(w)) {
        return false;
    }
    let Some(sentence) = sentence else {
        return false;
    };
    let from = offset + sentence.start;
    let to = offset + toks[over].start;
    out.iter()
        .any(|o| o.kind.is_none() && o.start >= from && o.end <= to)
}

/// What a measured length measures ("the median wait for treatment"),
/// read as a stated figure's subject is: the first and last token.
fn measured_subject(
    toks: &[Tok],
    sentence_of: &[usize],
    f: &framing::Framed,
) -> Option<(usize, usize)> {
    let fig = Fig {
        first: f.first,
        last: f.last,
        values: one_or_two::OneOrTwo::one(f.value),
        unit: Unit::Measure(f.unit?),
        rate: None,
        qualifier: f.qualifier,
        support: cand::Support::Strong,
        shape: Shape::Single,
        parts: one_or_two::OneOrTwo::one((f.first, f.last)),
        list: None,
        parallel: false,
        plain: false,
        change: None,
    };
    subject::find(toks, &fig, sentence_opening(sentence_of, f.first))
}

/// The first token of the sentence of token `first`, at most 64 back: where
/// a subject may start.
fn sentence_opening(sentence_of: &[usize], first: usize) -> usize {
    (0..first)
        .rev()
        .take(64)
        .take_while(|&k| sentence_of[k] == sentence_of[first])
        .last()
        .unwrap_or(first)
}

/// The word before a duration at `first` and the words that set it in
/// time ("the", "next", "past": "over the past two weeks"): the position of
/// "over", which the caller reads.
fn span_word(toks: &[Tok], first: usize) -> Option<usize> {
    const BETWEEN: [&str; 7] = [
        "the",
        "next",
        "past",
        "last",
        "coming",
        "following",
        "first",
    ];
    let mut k = first;
    while k > 0 && BETWEEN.iter().any(|w| toks[k - 1].is_word(w)) {
        k -= 1;
    }
    k.checked_sub(1)
}

/// Adds the framing quantities (`framing.rs`) that no stated figure
/// covers, in text order, each with its `kind`.
fn add_framed(
    para: &Para,
    toks: &[Tok],
    sentence_of: &[usize],
    framed: &[framing::Framed],
    out: &mut Vec<Figure>,
) {
    for f in framed {
        let span = toks[f.first].start..toks[f.last].end();
        let (start, end) = (para.offset + span.start, para.offset + span.end);
        if out.iter().any(|o| o.start < end && start < o.end) {
            continue;
        }
        let of = |k: usize| para.sentences().get(sentence_of[k]);
        // "$2.4 billion over four years", "in the three months to August":
        // the span a statistic covers is a quantity a news count keeps, but
        // no duration of its own.
        let period = f.frame == framing::Frame::Duration
            && (spans_a_stated_figure(toks, f.first, of(f.first), para.offset, out)
                || names_a_period(toks, f.first, f.last));
        let measured = f.frame == framing::Frame::Measured;
        let kind = if period {
            Some("period")
        } else {
            (!measured).then(|| f.frame.name())
        };
        let sentence = super::text::sentence_around(
            para.text,
            of(f.first).map_or(span.start, |s| s.start)..of(f.last).map_or(span.end, |s| s.end),
            span.clone(),
            0..para.text.len(),
            MAX_SENTENCE,
        );
        let at = out.partition_point(|o| o.start < start);
        out.insert(
            at,
            Figure {
                id: String::new(),
                doc: String::new(),
                text: para.text[span].to_string(),
                values: std::iter::once(f.value).chain(f.second).collect(),
                unit: f.unit.map(str::to_string),
                qualifier: f.qualifier.map(str::to_string),
                subject: f
                    .noun
                    .map(|k| (compound_start(toks, k, f.last), k))
                    .or_else(|| {
                        measured
                            .then(|| measured_subject(toks, sentence_of, f))
                            .flatten()
                    })
                    .map(|(first, k)| para.text[toks[first].start..toks[k].end()].to_string()),
                period: None,
                label: None,
                sentence: para.text[sentence].to_string(),
                start,
                end,
                paragraph: para.number,
                row: None,
                column: None,
                year: None,
                change: None,
                kind: kind.map(str::to_string),
            },
        );
    }
}

/// Whether the duration at `first..=last` is the span a statistic covers
/// (kind "period"), not a duration: "in the three months to August", "the 12 months ending
/// March", "over the past five years", "the previous three months".
fn names_a_period(toks: &[Tok], first: usize, last: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or(words::Lower::new(""), Tok::lower);
    let mut k = first;
    let adjective = k > 0
        && matches!(
            word(k - 1).as_str(),
            "past" | "previous" | "preceding" | "last" | "latest" | "first" | "same" | "recent"
        );
    if adjective {
        k -= 1;
    }
    if k == 0 || word(k - 1).as_str() != "the" {
        return false;
    }
    let to_a_date = matches!(
        word(last + 1).as_str(),
        "to" | "ending" | "through" | "until"
    ) && period::date_at(toks, last + 2).is_some();
    adjective || to_a_date
}

/// The first word of the hyphenated compound ending at token `k`
/// ("front-runners", "co-defendants"), so a subject is the whole noun; it
/// starts after the figure's own last token `floor` ("two-term": "term").
fn compound_start(toks: &[Tok], k: usize, floor: usize) -> usize {
    let mut first = k;
    while first >= floor + 3
        && !toks[first].gap
        && toks[first - 1].is_dash()
        && !toks[first - 1].gap
        && toks[first - 2].kind == lex::Kind::Word
    {
        first -= 2;
    }
    first
}

/// The sentence each token falls in (an index into `para.sentences`): the
/// first that ends after the token starts. Filled a sentence at a time.
fn sentence_index(toks: &[Tok], para: &Para) -> Vec<usize> {
    let mut out = Vec::with_capacity(toks.len());
    for (s, r) in para.sentences().iter().enumerate() {
        let n = toks[out.len()..].partition_point(|t| t.start < r.end);
        out.resize(out.len() + n, s);
    }
    out.resize(toks.len(), para.sentences().len());
    out
}

struct Context<'a, 't> {
    para: &'a Para<'a>,
    toks: &'a [Tok<'t>],
    sentence_of: &'a [usize],
    clause: &'a [usize],
    participle: &'a [u32],
    phrases: &'a [period::Phrase],
}

impl Context<'_, '_> {
    /// The paragraph's stated figures, from its amounts combined.
    fn figures(&self, figs: &[pairs::Fig]) -> Vec<Figure> {
        let (para, toks) = (self.para, self.toks);
        let mut out: Vec<Figure> = figs
            .iter()
            .enumerate()
            .map(|(k, f)| {
                // Between the figures before and after: where a run-on
                // sentence's window may reach.
                let room = k.checked_sub(1).map_or(0, |p| toks[figs[p].last].end())
                    ..figs
                        .get(k + 1)
                        .map_or(para.text.len(), |n| toks[n.first].start);
                self.figure(f, room)
            })
            .collect();
        share_list_subjects(figs, &mut out);
        share_parallel_subjects(figs, &mut out);
        share_part_subjects(toks, figs, &mut out);
        share_series_subjects(toks, self.sentence_of, figs, &mut out);
        share_bracketed_subjects(toks, figs, &mut out);
        self.share_coordinated_subjects(figs, &mut out);
        out
    }

    /// "Total hours worked were up 0.6% in the month and were up 2.4% on
    /// the year": a figure whose verb has no subject of its own, joined by
    /// "and" to the clause before, measures what that clause's figure does.
    fn share_coordinated_subjects(&self, figs: &[Fig], out: &mut [Figure]) {
        share_previous(out, true, |k, _| {
            let (a, b) = (&figs[k - 1], &figs[k]);
            self.sentence_of.get(a.last) == self.sentence_of.get(b.first)
                && subject::coordinated(self.toks, b, sentence_opening(self.sentence_of, b.first))
        });
    }

    fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.toks[first].start..self.toks[last].end()
    }

    fn words(&self, first: usize, last: usize) -> &str {
        &self.para.text[self.span(first, last)]
    }

    fn figure(&self, f: &Fig, room: Range<usize>) -> Figure {
        let span = self.span(f.first, f.last);
        let sentence = self.sentence(f, span.clone(), room);
        let first_token = sentence_opening(self.sentence_of, f.first);
        Figure {
            id: String::new(),
            doc: String::new(),
            text: self.para.text[span.clone()].to_string(),
            values: f.values.to_vec(),
            unit: unit_name(f),
            qualifier: f.qualifier.map(str::to_string),
            subject: subject::find(self.toks, f, first_token)
                .map(|(a, b)| self.words(a, b).to_string()),
            period: self.period(f),
            label: None,
            sentence: self.para.text[sentence].to_string(),
            start: self.para.offset + span.start,
            end: self.para.offset + span.end,
            paragraph: self.para.number,
            row: None,
            column: None,
            year: None,
            change: f.change.map(|c| Change {
                text: self.words(c.first, c.last).to_string(),
                value: c.value,
                unit: unit_name_of(c.unit, c.rate),
            }),
            kind: None,
        }
    }

    /// The sentence(s) holding the figure. A "sentence" longer than
    /// [`MAX_SENTENCE`] (a list or table run together without full stops) is
    /// cut to a verbatim window around the figure, ending at spaces, within
    /// `room` ([`super::text::sentence_around`]).
    fn sentence(&self, f: &Fig, span: Range<usize>, room: Range<usize>) -> Range<usize> {
        let of = |k: usize| self.para.sentences().get(self.sentence_of[k]);
        let start = of(f.first).map_or(span.start, |s| s.start);
        let end = of(f.last).map_or(span.end, |s| s.end);
        super::text::sentence_around(self.para.text, start..end, span, room, MAX_SENTENCE)
    }

    fn period(&self, f: &Fig) -> Option<String> {
        debug_assert!(self.clause[f.first] != usize::MAX && self.clause[f.last] != usize::MAX);
        if matches!(f.shape, Shape::Forward | Shape::Reverse)
            && let [a, b] = f.parts[..]
        {
            let written = if f.shape == Shape::Forward {
                [a, b]
            } else {
                [b, a]
            };
            if let Some([inner, after]) = period::of_pair(self.phrases, self.clause, written) {
                let (earlier, later) = if f.shape == Shape::Forward {
                    (inner, after)
                } else {
                    (after, inner)
                };
                return Some(self.joined(earlier, later));
            }
            // "7.4 million in August 2026, down from 7.6 million": the
            // later value, written first, is dated; the figure is of then.
            if f.shape == Shape::Reverse
                && let Some(p) = period::between_pair(self.phrases, self.clause, written)
            {
                return Some(self.words(p.first, p.last).to_string());
            }
            // "In February 2025, the rate was 6.1%, down from 6.2% in
            // January 2025": the later value's period opens the clause.
            if f.shape == Shape::Reverse
                && let Some([fronted, after]) =
                    period::fronted_and_after(self.phrases, self.clause, written)
            {
                return Some(self.joined(after, fronted));
            }
        }
        // "rose by 7.4 per cent in 2024 to 1.1 million": the period between
        // the change and its level.
        if let Some(by) = &f.change
            && let Some(&level) = f.parts[..].first()
            && let Some(p) =
                period::between_pair(self.phrases, self.clause, [(by.first, by.last), level])
        {
            return Some(self.words(p.first, p.last).to_string());
        }
        period::nearest(self.phrases, self.clause, self.participle, f.first, f.last)
            .map(|p| self.words(p.first, p.last).to_string())
    }
}

impl Context<'_, '_> {
    /// The periods of a change's two values as one: "2013 to the first six
    /// months of 2023".
    fn joined(&self, earlier: period::Phrase, later: period::Phrase) -> String {
        let earlier = strip_preposition(self.words(earlier.first, earlier.last));
        let later = strip_preposition(self.words(later.first, later.last));
        // "5.9% in June to August, down from 6.1% in the previous
        // three months": the earlier period is told by the later.
        let relative = ["the previous ", "the preceding ", "the prior "]
            .iter()
            .any(|p| {
                earlier
                    .get(..p.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(p))
            });
        if relative {
            return later.to_string();
        }
        // Periods that are spans themselves ("the year to March")
        // are joined with a dash, not a second "to".
        let join = if earlier.contains(" to ") || later.contains(" to ") {
            " – "
        } else {
            " to "
        };
        format!("{earlier}{join}{later}")
    }
}

/// "in mid-2022" → "mid-2022", for joining the two periods of a change.
fn strip_preposition(phrase: &str) -> &str {
    for prep in ["in ", "at ", "during "] {
        if phrase.len() > prep.len()
            && phrase.is_char_boundary(prep.len())
            && phrase[..prep.len()].eq_ignore_ascii_case(prep)
        {
            return &phrase[prep.len()..];
        }
    }
    phrase
}

fn unit_name(f: &Fig) -> Option<String> {
    unit_name_of(f.unit, f.rate)
}

/// A unit as printed, with its rate: "USD per month", "per day".
fn unit_name_of(unit: Unit, rate: Option<&str>) -> Option<String> {
    let base = match unit {
        Unit::Count => None,
        Unit::Percent => Some("percent"),
        Unit::Points => Some("percentage points"),
        Unit::Times => Some("times"),
        Unit::Money(code) => Some(code),
        Unit::Measure(m) => Some(m),
    };
    match (base, rate) {
        (Some(b), Some(r)) => Some(format!("{b} per {r}")),
        (None, Some(r)) => Some(format!("per {r}")),
        (b, None) => b.map(str::to_string),
    }
}

/// "Europe saw 900, 379, and 248 Chinese": only the last member is followed by
/// its noun, but all three count it.
fn share_list_subjects(figs: &[Fig], out: &mut [Figure]) {
    for k in (0..figs.len().saturating_sub(1)).rev() {
        if figs[k].list.is_some()
            && figs[k].list == figs[k + 1].list
            && out[k].subject.is_none()
            && out[k].unit == out[k + 1].unit
        {
            out[k].subject = out[k + 1].subject.clone();
        }
    }
}

/// "13.0 million persons in the EU, of whom 10.8 million in the euro
/// area": a part counted after "of whom" or "of which" counts what the
/// whole before it does.
fn share_part_subjects(toks: &[Tok], figs: &[Fig], out: &mut [Figure]) {
    share_previous(out, true, |k, _| {
        let f = figs[k].first;
        f >= 2
            && toks[f - 2].is_word("of")
            && (toks[f - 1].is_word("whom") || toks[f - 1].is_word("which"))
    });
}

/// "Headline inflation is set to average 2.0% in 2025, 1.6% in 2026 and
/// 2.0% in 2027": amounts of one unit in a series, each followed by its
/// own period, measure what the first does. Only when the words between
/// two of them are the earlier one's period and a comma or "and": any
/// other word may start a clause with a subject of its own.
fn share_series_subjects(toks: &[Tok], sentence_of: &[usize], figs: &[Fig], out: &mut [Figure]) {
    share_previous(out, true, |k, out| {
        let (a, b) = (&figs[k - 1], &figs[k]);
        let Some(period) = out[k - 1].period.as_deref() else {
            return false;
        };
        if out[k].period.is_none()
            || b.first <= a.last + 1
            || sentence_of.get(a.last) != sentence_of.get(b.first)
        {
            return false;
        }
        let mut end = b.first;
        if toks[end - 1].is_word("and") {
            end -= 1;
        }
        if end > a.last + 1 && toks[end - 1].is_mark(",") {
            end -= 1;
        }
        if end == b.first || end <= a.last + 1 {
            return false;
        }
        let between = &toks[a.last + 1..end];
        between.len() >= 2 && between.iter().map(|t| t.text).eq(period.split_whitespace())
    });
}

/// "Employment rose by 76,000 (+0.4%)", "rose 5% (+$2.1 billion)",
/// "(+33,000; +1.8%)": a figure in brackets right after another restates
/// it in another unit, and measures what it does.
fn share_bracketed_subjects(toks: &[Tok], figs: &[Fig], out: &mut [Figure]) {
    // Another unit may restate it: units are not compared.
    share_previous(out, false, |k, _| {
        let (a, b) = (&figs[k - 1], &figs[k]);
        // A sign outside the figure's text ("(+$2.1 billion)"), or a word
        // of change ("4,812 (up 9% from the previous week)").
        let sign = usize::from(
            b.first == a.last + 3
                && (toks[a.last + 2].is_mark("+")
                    || toks[a.last + 2].is_dash()
                    || toks[a.last + 2].is_word("up")
                    || toks[a.last + 2].is_word("down")),
        );
        if b.first != a.last + 2 + sign {
            return false;
        }
        let between = &toks[a.last + 1];
        let opened = between.is_mark("(")
            || (between.is_mark(";") && a.first > 0 && toks[a.first - 1].is_mark("("));
        // "(up 9% from the previous week)": what it is compared with may
        // follow before the bracket closes.
        let closed = toks
            .get(b.last + 1)
            .is_some_and(|t| t.is_mark(")") || t.is_mark(";") || t.is_word("from"));
        opened && closed
    });
}

/// "Smith has 11 delegates and Jones has 10": the number of the parallel
/// clause counts its partner's noun.
fn share_parallel_subjects(figs: &[Fig], out: &mut [Figure]) {
    share_previous(out, true, |k, _| figs[k].parallel);
}

/// Gives each figure without a subject the subject of the figure before
/// it, in order (so a series passes one along), when `joined` says the
/// two measure one thing and, if `same_unit`, their units are alike. The
/// rules above differ only in what joins two figures.
fn share_previous(out: &mut [Figure], same_unit: bool, joined: impl Fn(usize, &[Figure]) -> bool) {
    for k in 1..out.len() {
        if out[k].subject.is_none()
            && out[k - 1].subject.is_some()
            && (!same_unit || out[k].unit == out[k - 1].unit)
            && joined(k, out)
        {
            out[k].subject = out[k - 1].subject.clone();
        }
    }
}

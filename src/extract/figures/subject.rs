//! Subjects: a best-effort guess at what a figure counts or measures, read
//! from the words around it ("more than 24,000 Chinese nationals", "75% of
//! all exiles", "1.5 million yuan in engineering fees", "the number of
//! exiles reached 116,338"). It is a label for browsing, so a short phrase
//! that is right beats a long one that wanders into the verb.

use super::grammar as g;
use super::lex::{Kind, Tok, is_cjk};
use super::pairs::Fig;
use super::quantity::Unit;
use super::words as w;

/// How far back "the number of …" may stand from its figure.
const NUMBER_OF_REACH: usize = 40;

mod before_verb;
pub(super) use before_verb::coordinated;

/// The subject as a token span (inclusive), for figure `f` whose sentence
/// starts at `sentence_start`: read around the number first ("75% of all
/// exiles", "24,000 Chinese nationals"), else the subject of the clause it
/// completes ("The unemployment rate rose to 4.1 per cent").
pub(super) fn find(toks: &[Tok], f: &Fig, sentence_start: usize) -> Option<(usize, usize)> {
    // "120 km long", "340 miles away": a dimension, not what is measured.
    if matches!(f.unit, Unit::Measure(_)) && dimension(toks, f) {
        return None;
    }
    // "risen tenfold": a multiple names nothing around it, but its clause may.
    if f.unit == Unit::Times {
        return before_verb::find(toks, f, sentence_start);
    }
    around(toks, f, sentence_start)
        .or_else(|| before_verb::find(toks, f, sentence_start))
        .or_else(|| before_verb::set_off(toks, f, sentence_start))
        .or_else(|| share_named_before(toks, f))
        // "Flu hospitalizations: 612": the label the figure follows.
        .or_else(|| super::count::labelled(toks, f.first, f.last))
}

/// "an unemployment rate of 4.1%", "packaging reduction targets of 5% by
/// 2030": the noun a share is the value of, read only when neither the
/// words after the share nor its clause's subject name one. "an increase
/// of 5%" names a change, not what changed.
fn share_named_before(toks: &[Tok], f: &Fig) -> Option<(usize, usize)> {
    if !matches!(f.unit, Unit::Percent | Unit::Points) {
        return None;
    }
    let (start, end) = noun_before_of(toks, f.first)?;
    (!w::change_word(toks[end].lower().as_str())).then_some((start, end))
}

/// The subject the words around the figure give.
fn around(toks: &[Tok], f: &Fig, sentence_start: usize) -> Option<(usize, usize)> {
    let after = |end: usize| toks.get(end + 1);
    match f.unit {
        Unit::Times => None,
        Unit::Percent | Unit::Points => {
            // "One in five children lives in poverty": a share written as a
            // ratio names its group after the whole.
            let ratio = f.last >= 2 && toks[f.last - 1].is_word("in") && f.first < f.last - 1;
            if ratio && let Some(group) = plural_group(toks, f.last + 1) {
                return Some(group);
            }
            // "62% of primary schools …, up from 52%": the share written
            // first may be the one its "of" follows ("8 to 10 percent of
            // the time" has it after the last).
            let first_part = f.parts.iter().min_by_key(|p| p.0).map_or(f.last, |p| p.1);
            let last = if after(f.last).is_some_and(|t| t.is_word("of")) {
                f.last
            } else {
                first_part
            };
            let of = after(last).is_some_and(|t| t.is_word("of"));
            // "half the states": the determiner stands for "of the".
            let half_the = toks[last].is_word("half") && skip_determiner(toks, last + 1) > last + 1;
            if half_the {
                return noun_phrase(toks, last + 2, false);
            }
            // "36.2 per cent of GDP": the base a share is of, not what it
            // measures, which the clause's subject names ("Gross debt is
            // forecast to peak at …").
            let base = of
                && toks.get(last + 2).is_some_and(|t| {
                    t.is_word("GDP")
                        || t.is_word("GNI")
                        || t.is_word("GNP")
                        || t.is_word("gross")
                            && toks
                                .get(last + 3)
                                .is_some_and(|n| n.is_word("domestic") || n.is_word("national"))
                });
            if base {
                return None;
            }
            of.then(|| noun_phrase(toks, skip_determiner(toks, last + 2), false))?
        }
        Unit::Money(_) => {
            // "1.5 million yuan in engineering fees", not "in Kuala Lumpur"
            // or "in total".
            // "in fiscal 2024", "in calendar 2023": a period.
            let in_what = after(f.last).is_some_and(|t| t.is_word("in"))
                && toks.get(f.last + 2).is_some_and(|t| {
                    t.kind == Kind::Word
                        && !t.capitalised()
                        && !g::not_a_subject(t.lower().as_str())
                })
                && !toks.get(f.last + 3).is_some_and(|t| t.kind == Kind::Num);
            // "a $300 energy rebate", "a $1.1 billion funding bill": the
            // amount describes the noun after it.
            let describes = f.first > 0
                && (toks[f.first - 1].is_word("a") || toks[f.first - 1].is_word("an"))
                && toks
                    .get(f.last + 1)
                    .is_some_and(|t| t.kind == Kind::Word && !t.capitalised());
            if describes && let Some(noun) = noun_phrase(toks, f.last + 1, false) {
                return Some(noun);
            }
            // "$45.5m for mental health services": what the money is for,
            // past the time it is spread over ("$1.5 billion over five
            // years for …"); "$45 million to expand child care": what it
            // pays for.
            let k = over_time_end(toks, f.last + 1);
            let for_what = toks.get(k).is_some_and(|t| t.is_word("for"))
                && toks
                    .get(k + 1)
                    .is_some_and(|t| !t.capitalised() && !g::not_a_subject(t.lower().as_str()));
            let to_fund = toks.get(k).is_some_and(|t| t.is_word("to"))
                && toks
                    .get(k + 1)
                    .is_some_and(|t| funding_verb(t.lower().as_str()))
                && toks.get(k + 2).is_some_and(|t| !t.capitalised());
            // What follows "in" or "for", else what the amount is of ("a
            // revenue of €355 billion in the EU": a place after "in" is no
            // noun phrase).
            if in_what {
                noun_phrase(toks, f.last + 2, false).or_else(|| noun_before_of(toks, f.first))
            } else if for_what {
                noun_phrase(toks, k + 1, false).or_else(|| noun_before_of(toks, f.first))
            } else if to_fund {
                // "to build a new library": the object, past its article.
                let mut at = skip_determiner(toks, k + 2);
                if toks
                    .get(at)
                    .is_some_and(|t| t.is_word("a") || t.is_word("an"))
                {
                    at += 1;
                }
                noun_phrase(toks, at, false).or_else(|| noun_before_of(toks, f.first))
            } else {
                noun_before_of(toks, f.first)
            }
        }
        // "fell 300 points": what moved is the clause's subject, and the
        // words after ("four points short of") name nothing.
        Unit::Measure("points") => None,
        Unit::Measure(_) => {
            let of = after(f.last).is_some_and(|t| t.is_word("of"));
            noun_phrase(toks, f.last + 1 + usize::from(of), false)
        }
        Unit::Count => {
            let written_first = f.parts.iter().min_by_key(|p| p.0).map_or(f.last, |p| p.1);
            if f.rate.is_some() {
                // "a daily average of 52 boats"; after "2,300 per day" comes no noun of its own.
                let rate_after = toks[written_first].kind == Kind::Word;
                return (!rate_after).then(|| count_noun(toks, written_first))?;
            }
            // "the average monthly gain of 52,000": the noun the count is of.
            count_noun(toks, written_first)
                .or_else(|| count_noun(toks, f.last))
                .or_else(|| number_of(toks, f.first, sentence_start))
                .or_else(|| counted_before_of(toks, f.first))
        }
    }
}

/// Past "over four years", "over the next decade" at `k`: the time an
/// amount is spread over, between it and what it is for. `k` itself when
/// no such phrase stands there.
fn over_time_end(toks: &[Tok], k: usize) -> usize {
    if !toks.get(k).is_some_and(|t| t.is_word("over")) {
        return k;
    }
    (k + 1..toks.len().min(k + 5))
        .find(|&u| toks[u].kind == Kind::Word && w::time_unit(toks[u].lower().as_str()))
        .map_or(k, |u| u + 1)
}

/// Verbs of what money pays for: "$45 million to expand child care".
fn funding_verb(l: &str) -> bool {
    matches!(
        l,
        "support"
            | "fund"
            | "expand"
            | "build"
            | "improve"
            | "upgrade"
            | "repair"
            | "modernise"
            | "modernize"
            | "strengthen"
            | "develop"
            | "deliver"
            | "protect"
            | "boost"
            | "hire"
            | "buy"
            | "purchase"
            | "replace"
            | "renovate"
            | "restore"
    )
}

/// The group a ratio counts ("one in five *children*", "four in 10
/// *voters* see …"): the noun phrase after it up to its last plural noun,
/// which a verb may follow; none without a plural.
fn plural_group(toks: &[Tok], k: usize) -> Option<(usize, usize)> {
    let (start, end) = noun_phrase(toks, k, false)?;
    let plural = |t: &Tok| {
        let lw = t.lower();
        let l = lw.as_str();
        (l.ends_with('s') && !l.ends_with("ss") && !l.ends_with("us"))
            || matches!(l, "people" | "children" | "men" | "women")
    };
    (start..=end)
        .rev()
        .find(|&m| toks[m].kind == Kind::Word && plural(&toks[m]))
        // "one in four adults smokes": a word in "-s" right after the
        // plural is the verb, agreeing with "one".
        .map(|last| {
            let verb = last > start
                && toks[last].text.ends_with('s')
                && toks[last - 1].kind == Kind::Word
                && plural(&toks[last - 1]);
            (start, if verb { last - 1 } else { last })
        })
}

/// Whether a measure is a dimension: "120 km long", "340 miles away".
fn dimension(toks: &[Tok], f: &Fig) -> bool {
    toks.get(f.last + 1).is_some_and(|t| {
        [
            "long", "wide", "high", "deep", "tall", "thick", "away", "apart", "across",
        ]
        .iter()
        .any(|d| t.is_word(d))
    })
}

/// The noun after a count ending at `end`: "24,000 Chinese nationals", "25,000 of those migrants".
fn count_noun(toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let next = toks.get(end + 1)?;
    if !next.gap && is_cjk(next) {
        return cjk_noun(toks, end + 1);
    }
    if next.is_word("of") {
        let det = toks.get(end + 2)?;
        // "18 of 25 slots": the whole's noun says what the part counts.
        let whole = det.kind == Kind::Num || w::small_number(det.lower().as_str()).is_some();
        if !whole
            && !matches!(
                det.lower().as_str(),
                "the" | "those" | "these" | "all" | "its" | "their"
            )
        {
            return None;
        }
        return noun_phrase(toks, end + 3, false);
    }
    // "10,000 new before and after school places": an adjective alone,
    // cut off from its noun, says nothing of what is counted.
    noun_phrase(toks, end + 1, true).filter(|&(start, last)| {
        start < last
            || !matches!(
                toks[start].lower().as_str(),
                "new" | "additional" | "extra" | "more" | "other" | "further"
            )
    })
}

fn skip_determiner(toks: &[Tok], k: usize) -> usize {
    // "40% of this year's grants", "of last month's sales": the time's
    // possessive is the determiner.
    let time_owner = toks
        .get(k)
        .is_some_and(|t| matches!(t.lower().as_str(), "this" | "last" | "next" | "that"))
        && toks.get(k + 1).is_some_and(|t| {
            let owner = t.text.trim_end_matches("’s").trim_end_matches("'s");
            t.possessive()
                && ["year", "month", "week", "quarter", "season", "day"]
                    .iter()
                    .any(|w| owner.eq_ignore_ascii_case(w))
        });
    if time_owner {
        return k + 2;
    }
    let det = toks.get(k).is_some_and(|t| {
        matches!(
            t.lower().as_str(),
            "all"
                | "the"
                | "those"
                | "these"
                | "its"
                | "their"
                | "our"
                | "his"
                | "her"
                | "my"
                | "your"
        )
    });
    if det { k + 1 } else { k }
}

/// "116万人" → "人", "500名学生" → "名学生": Chinese words are not spaced,
/// so a noun of people or households is taken alone, and after a classifier
/// ("名", "个") at most two more ideographs, stopping at a particle.
fn cjk_noun(toks: &[Tok], k: usize) -> Option<(usize, usize)> {
    let first = toks[k].text;
    if w::cjk_noun_alone(first) {
        return Some((k, k));
    }
    if !w::cjk_classifier(first) {
        return None;
    }
    let mut end = None;
    for (m, t) in toks.iter().enumerate().take(k + 3).skip(k) {
        let ends = matches!(
            t.text,
            "的" | "了"
                | "在"
                | "是"
                | "和"
                | "与"
                | "及"
                | "等"
                | "也"
                | "都"
                | "就"
                | "被"
                | "从"
                | "到"
                | "为"
                | "对"
                | "中"
                | "上"
                | "下"
                | "以"
                | "左"
                | "右"
                | "多"
                | "余"
                | "来"
                | "次"
                | "离"
                | "去"
                | "出"
                | "入"
                | "已"
                | "将"
                | "有"
                | "没"
        );
        if (m > k && t.gap) || !is_cjk(t) || ends {
            break;
        }
        end = Some(m);
    }
    end.map(|e| (k, e))
}

/// "the (total) number of Chinese exiles and asylum seekers has surged … 1.16 million".
fn number_of(toks: &[Tok], first: usize, sentence_start: usize) -> Option<(usize, usize)> {
    let floor = sentence_start.max(first.saturating_sub(NUMBER_OF_REACH));
    (floor..first)
        .rev()
        .find(|&m| toks[m].is_word("number") && toks.get(m + 1).is_some_and(|t| t.is_word("of")))
        .and_then(|m| noun_phrase(toks, m + 2, false))
}

/// "a decent salary of 5,000 yuan": up to three words before an "of" that precedes the figure.
fn noun_before_of(toks: &[Tok], first: usize) -> Option<(usize, usize)> {
    let of = first.checked_sub(1)?;
    if !toks[of].is_word("of") {
        return None;
    }
    let last = of.checked_sub(1)?;
    let mut start = last;
    // "the average monthly gain of 52,000": how often or how much, which
    // modifies the noun.
    let modifier = |t: &Tok| {
        let l = t.lower();
        matches!(l.as_str(), "average" | "median") || w::how_often(l.as_str())
    };
    // "could face shortfalls of $20 billion": a word after a modal or "to"
    // is its verb; so is one without a plural's "s" after a plural
    // ("Officials expect losses of $3 million").
    let verb_at = |k: usize| {
        k > 0
            && (matches!(
                toks[k - 1].lower().as_str(),
                "could" | "would" | "will" | "may" | "might" | "must" | "should" | "can" | "to"
            ) || (plural_form(&toks[k - 1])
                && !plural_form(&toks[k])
                && !toks[k].capitalised()
                && toks[k].kind == Kind::Word))
    };
    while start > 0
        && last - start < 3
        && (content(&toks[start - 1]) || modifier(&toks[start - 1]))
        && !verb_at(start - 1)
    {
        start -= 1;
    }
    // "the long-term rate of 20 percent": a hyphened word is one word.
    if start >= 2
        && !toks[start].gap
        && toks[start - 1].is_dash()
        && !toks[start - 1].gap
        && toks[start - 2].kind == Kind::Word
    {
        start -= 2;
    }
    // "a margin of error of 3 points": the phrase is the noun.
    if start == last
        && last >= 2
        && toks[last].is_word("error")
        && toks[last - 1].is_word("of")
        && toks[last - 2].is_word("margin")
    {
        start = last - 2;
    }
    // "a record high of $900", "an amount of $5 million": a level, not what it is of.
    let level = matches!(
        toks[last].lower().as_str(),
        "high"
            | "low"
            | "peak"
            | "record"
            | "average"
            | "maximum"
            | "minimum"
            | "sum"
            | "amount"
            | "tune"
            | "level"
            | "value"
            | "total"
            // "upward of $10 million", "in excess of": how much, not of what.
            | "upward"
            | "upwards"
            | "excess"
    );
    // "Funding of $350 million": an -ing noun opening the sentence or
    // after a determiner, which `content` takes for a verb.
    let ing_noun = || {
        let t = &toks[last];
        t.kind == Kind::Word
            && t.text.len() > 4
            && t.text.ends_with("ing")
            && (last == 0
                || toks[last - 1].kind != Kind::Word
                || matches!(
                    toks[last - 1].lower().as_str(),
                    "the" | "a" | "an" | "new" | "more" | "extra" | "additional"
                ))
    };
    ((content(&toks[last]) || (start == last && ing_noun())) && !level).then_some((start, last))
}

/// "a crowd of 2,000", "the average monthly gain of 52,000": a count's
/// noun before "of", when a determiner opens its phrase ("north of 65
/// million", "grandfather of seven" have none) and it is no poll, whose
/// count is of the people asked.
fn counted_before_of(toks: &[Tok], first: usize) -> Option<(usize, usize)> {
    let (start, last) = noun_before_of(toks, first)?;
    let determined = start.checked_sub(1).is_some_and(|d| {
        matches!(
            toks[d].lower().as_str(),
            "a" | "an" | "the" | "its" | "their" | "this" | "that"
        )
    });
    let poll = matches!(
        toks[last].lower().as_str(),
        "poll" | "polls" | "survey" | "surveys" | "sample" | "study"
    );
    (determined && !poll).then_some((start, last))
}

/// A word a subject may hold. Not a number word either: "fifty two" or "one
/// hundred thirty fifths" are a number read in parts, not what it counts;
/// nor a single letter ("2.33 k", "278,000 t"), nor a contraction ("isn't").
fn content(t: &Tok) -> bool {
    let lw = t.lower();
    let l = lw.as_str();
    t.kind == Kind::Word
        && (t.text.len() > 1 || !t.text.is_ascii())
        && !g::stop_word(l)
        && !g::verb_like(l)
        && !g::not_a_subject(l)
        && !number_like(l)
        && !t.text.ends_with("n't")
        && !t.text.ends_with("n’t")
}

/// A word in a plural's form: "Americans", "hospitals"; not "glass", "bus".
fn plural_form(t: &Tok) -> bool {
    super::count::plural_shape(t.text) && !t.text.ends_with("'s") && !t.text.ends_with("’s")
}

/// A number word starts another figure: "12 men and three women" counts men.
fn number_word(t: &Tok) -> bool {
    t.kind == Kind::Num || w::small_number(t.lower().as_str()).is_some()
}

/// Words that are part of a number or a share, not a thing counted:
/// "thousand", "fifths", "millionths", "dozens", "point", "percentage".
fn number_like(l: &str) -> bool {
    let ordinal = l.strip_suffix("ths").or_else(|| l.strip_suffix("th"));
    w::small_number(l).is_some()
        || w::scale(l).is_some()
        || w::fraction(l).is_some()
        || ordinal.is_some_and(|o| w::scale(o).is_some())
        || matches!(
            l,
            "dozen"
                | "dozens"
                | "point"
                | "zero"
                | "nought"
                | "naught"
                | "percentage"
                | "percents"
                | "firsts"
                | "seconds"
                | "millions"
                | "billions"
                | "thousands"
                | "hundreds"
        )
}

/// Verbs in their base form that are seldom nouns, which after "and" start
/// a second predicate ("will create 400 jobs and help families").
const BASE_VERBS: [&str; 19] = [
    "help",
    "provide",
    "create",
    "serve",
    "ensure",
    "enable",
    "allow",
    "deliver",
    "improve",
    "expand",
    "reduce",
    "protect",
    "strengthen",
    "boost",
    "make",
    "give",
    "bring",
    "keep",
    "build",
];

/// Up to five content words from `k`, joined by hyphens or "and"; with
/// `allow_of`, one "of" after a single noun ("arrests of Chinese nationals").
fn noun_phrase(toks: &[Tok], k: usize, allow_of: bool) -> Option<(usize, usize)> {
    let mut end: Option<usize> = None;
    let mut m = k;
    let mut words = 0;
    let mut used_of = false;
    while words < 5 {
        let Some(t) = toks.get(m).filter(|t| t.kind == Kind::Word && t.gap) else {
            break;
        };
        // "engineering fees", "Chinese seeking asylum": an -ing word before a
        // lowercase noun modifies it or carries the phrase on.
        // "nursing training places": a second -ing word may stand between.
        let noun_at = |i: usize| {
            toks.get(i)
                .is_some_and(|n| n.gap && content(n) && !n.capitalised() && !n.text.ends_with("ly"))
        };
        let modifier = t.kind == Kind::Word
            && t.text.ends_with("ing")
            && (noun_at(m + 1)
                || (toks
                    .get(m + 1)
                    .is_some_and(|n| n.gap && n.kind == Kind::Word && n.text.ends_with("ing"))
                    && noun_at(m + 2)));
        // "21% of the EU's announced electrolyser projects", "of the
        // proposed changes": a participle that opens the phrase or follows
        // its possessive describes the noun after it.
        // Not a poll's "those surveyed disapprove": that participle follows
        // the people it describes.
        let modifier = modifier
            || t.text.ends_with("ed")
                && !t.capitalised()
                && (words == 0 || end.is_some_and(|e| e + 1 == m && toks[e].possessive()))
                && noun_at(m + 1)
                && !matches!(
                    t.lower().as_str(),
                    "surveyed" | "polled" | "asked" | "questioned" | "interviewed" | "sampled"
                );
        // "2.5 tonnes of cocaine worth £200m": "worth" starts another
        // figure; "Americans oppose the measure": a word without a plural's
        // "s" before a determiner is a verb (but for the phrase's first;
        // "gave two lawmakers the chance" keeps its noun).
        // "8 million Americans rely on insulin": after a plural, a lowercase
        // word without one before a preposition is the verb.
        // "56 percent of registered voters viewing him positively": after a
        // plural, a word an object pronoun follows is the verb.
        let ends_here = words > 0
            && (t.is_word("worth")
                || (end.is_some_and(|e| e + 1 == m && plural_form(&toks[e]))
                    && toks.get(m + 1).is_some_and(|n| {
                        n.gap && matches!(n.lower().as_str(), "him" | "her" | "them" | "us" | "me")
                    }))
                || (!t.text.ends_with('s')
                    && toks.get(m + 1).is_some_and(|n| {
                        n.gap && matches!(n.lower().as_str(), "the" | "a" | "an" | "its" | "their")
                    }))
                || (!t.text.ends_with('s')
                    && !t.capitalised()
                    && end.is_some_and(|e| e + 1 == m && plural_form(&toks[e]))
                    && toks.get(m + 1).is_some_and(|n| {
                        // "64 percent of our members identify as", "half of
                        // his workers support Senator Sanders".
                        n.gap
                            && ((n.capitalised() && !g::stop_word(t.lower().as_str()))
                                || matches!(
                                    n.lower().as_str(),
                                    "on" | "upon"
                                        | "in"
                                        | "into"
                                        | "to"
                                        | "for"
                                        | "with"
                                        | "at"
                                        | "as"
                                ))
                    })));
        if ends_here {
            break;
        }
        // "200 day-care cancer centres": a unit of time hyphened into a noun.
        if !content(t) && !modifier && !super::count::time_compound(toks, m) {
            let lw = t.lower();
            // "14 new and upgraded hospitals": a participle after "and"
            // joins when a noun follows it.
            let participle = lw.as_str() == "and"
                && toks.get(m + 1).is_some_and(|n| {
                    n.gap
                        && n.kind == Kind::Word
                        && !n.capitalised()
                        && (n.text.ends_with("ed") || n.text.ends_with("ing"))
                })
                && toks
                    .get(m + 2)
                    .is_some_and(|x| x.gap && content(x) && !x.capitalised())
                // "generations and helped reshape": after a plural, only
                // before another ("leaders and elected officials").
                && end.is_some_and(|e| !plural_form(&toks[e]) || plural_form(&toks[m + 2]));
            if participle && end.is_some() {
                end = Some(m + 1);
                words += 1;
                m += 2;
                continue;
            }
            let continues = toks
                .get(m + 1)
                .is_some_and(|n| n.gap && content(n) && !number_word(n));
            // "delegates and Rubio has 10": a name after "and" starts the
            // next clause, unless a noun follows it ("progressive and
            // Muslim groups") or the phrase is of names ("Chinese and
            // Russian diplomats").
            let next_clause = toks.get(m + 1).is_some_and(Tok::capitalised)
                && end.is_some_and(|e| !toks[e].capitalised())
                && !toks
                    .get(m + 2)
                    .is_some_and(|n| n.gap && content(n) && !n.capitalised());
            // "1.7 crore farmers and provide 50 lakh jobs": a word after
            // "and" that a number, money, "the" or a possessive follows is
            // the verb of the next clause. Asked last: most words are no "and".
            // "3,500 new jobs and help health centers serve …": a verb that
            // is seldom a noun is the next clause's, whatever follows it.
            let verb_after = || {
                toks.get(m + 1)
                    .is_some_and(|v| BASE_VERBS.contains(&v.lower().as_str()))
                    || toks.get(m + 2).is_some_and(|x| {
                        number_word(x)
                            || (x.kind == Kind::Mark && w::currency_symbol(x.text).is_some())
                            || matches!(x.lower().as_str(), "the" | "their" | "its")
                    })
            };
            if lw.as_str() == "and" && end.is_some() && continues && !next_clause && !verb_after() {
                m += 1;
                continue;
            }
            if lw.as_str() == "of" && allow_of && !used_of && words == 1 && continues {
                used_of = true;
                m += 1;
                continue;
            }
            break;
        }
        end = Some(m);
        words += 1;
        m += 1;
        // "CO2", "PM2.5": a formula in capitals with its digits glued on.
        if t.text.len() <= 3
            && t.text.bytes().all(|b| b.is_ascii_uppercase())
            && toks.get(m).is_some_and(|d| d.kind == Kind::Num && !d.gap)
        {
            end = Some(m);
            m += 1;
        }
        while toks.get(m).is_some_and(|d| d.is_dash() && !d.gap)
            && toks
                .get(m + 1)
                .is_some_and(|n| n.kind == Kind::Word && !n.gap)
        {
            end = Some(m + 1);
            m += 2;
        }
    }
    // "the number of long-term unemployed (…)": a participle after a
    // hyphened compound, with no noun after it, is the phrase's head.
    if let Some(e) = end
        && e + 1 == m
        && e > k
        && toks[e - 1].is_dash()
        && toks.get(m).is_some_and(|t| {
            t.kind == Kind::Word && t.gap && !t.capitalised() && t.text.ends_with("ed")
        })
        && toks
            .get(m + 1)
            .is_none_or(|n| n.kind == Kind::Mark || g::stop_word(n.lower().as_str()))
    {
        return Some((k, m));
    }
    end.map(|e| (k, e))
}

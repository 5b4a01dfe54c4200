//! The subject of the clause a figure completes: "The unemployment rate
//! rose to 4.1 per cent", "Public sector net debt was £2.8 trillion",
//! "Exports of goods to the EU fell £1.2 billion to £15.3 billion". A
//! statistics release states most of its figures this way, with nothing
//! after the number to say what it measures, so a table would otherwise
//! show them without a description.
//!
//! Read backwards from the verb: the noun phrase right before it, through
//! "of", "to the", "in" and the like, and no further than a determiner,
//! another verb, a comma or the sentence's start. A pronoun ("It rose 5%")
//! or anything unsure gives no subject.

use super::super::grammar as g;
use super::super::lex::{Kind, Tok};
use super::super::pairs::Fig;
use super::super::words::{self as w, Lower};
use super::number_like;

/// The longest subject read, in tokens: longer is more likely a clause
/// than a name for a statistic.
const MAX_TOKENS: usize = 9;

/// The subject before the verb that introduces figure `f`, as a token span.
pub(super) fn find(toks: &[Tok], f: &Fig, sentence_start: usize) -> Option<(usize, usize)> {
    if f.list.is_some() || f.parallel {
        return None;
    }
    if let Some(verb) = verb_before(toks, f, sentence_start) {
        let end = auxiliaries_before(toks, verb, sentence_start);
        let end = before_aside(toks, end, sentence_start);
        let end = before_year(toks, end, sentence_start);
        return phrase_before(toks, end, sentence_start);
    }
    object_of_change(toks, f, sentence_start)
}

/// "Total hours worked were up 0.6% in the month and were up 2.4% on the
/// year": whether the verb that introduces `f` has no subject of its own,
/// joined by "and" to the clause before it.
pub(in super::super) fn coordinated(toks: &[Tok], f: &Fig, sentence_start: usize) -> bool {
    verb_before(toks, f, sentence_start).is_some_and(|verb| {
        let end = auxiliaries_before(toks, verb, sentence_start);
        end > sentence_start + 1 && toks[end - 1].is_word("and")
    })
}

/// "Copper output in Chile, the world's largest producer, fell 4.1%": an
/// aside opened by an article between the subject and its verb (`end`) is
/// passed over; returns where the subject ends. An aside with a verb of its
/// own (", the agency said,") is a clause, not a description.
fn before_aside(toks: &[Tok], end: usize, sentence_start: usize) -> usize {
    if end <= sentence_start + 1 || !toks[end - 1].is_mark(",") {
        return end;
    }
    let Some(open) = (sentence_start..end - 1)
        .rev()
        .take(10)
        .find(|&c| toks[c].kind == Kind::Mark && !matches!(toks[c].text, "’" | "'"))
    else {
        return end;
    };
    let aside = &toks[open + 1..end - 1];
    let described = toks[open].is_mark(",")
        && aside
            .first()
            .is_some_and(|t| t.is_word("the") || t.is_word("a") || t.is_word("an"))
        && aside
            .iter()
            .all(|t| t.kind != Kind::Word || !g::verb_like(t.lower().as_str()));
    if described { open } else { end }
}

/// "The official poverty rate in 2023 was 11.1%": the year the subject is
/// of, between it and its verb (`end`), is no part of its name; returns
/// where the subject ends.
fn before_year(toks: &[Tok], end: usize, sentence_start: usize) -> usize {
    // Years of statistics, not "in 1066" nor "in 2150".
    let year = |t: &Tok| {
        t.kind == Kind::Num
            && super::super::count::is_year(t.text)
            && (t.text.starts_with("19") || t.text.starts_with("20"))
    };
    if end >= sentence_start + 3
        && year(&toks[end - 1])
        && matches!(toks[end - 2].lower().as_str(), "in" | "for" | "during")
    {
        end - 2
    } else {
        end
    }
}

/// "the unemployment rate for teenagers (14.4 percent) edged up", "the
/// number of unemployed people, at 7.1 million, changed little": a figure
/// set off right after the noun phrase it measures, in brackets or after
/// ", at" up to the next comma.
pub(super) fn set_off(toks: &[Tok], f: &Fig, sentence_start: usize) -> Option<(usize, usize)> {
    if f.list.is_some() || f.parallel {
        return None;
    }
    let before = |k: usize| f.first.checked_sub(k).map(|b| &toks[b]);
    let after = toks.get(f.last + 1);
    let end = if before(1).is_some_and(|t| t.is_mark("(")) && after.is_some_and(|t| t.is_mark(")"))
    {
        f.first - 1
    } else if before(1).is_some_and(|t| t.is_word("at"))
        && before(2).is_some_and(|t| t.is_mark(","))
        && after.is_some_and(|t| t.is_mark(","))
    {
        f.first - 2
    } else {
        return None;
    };
    let (start, last) = phrase_span(toks, end, sentence_start)?;
    // Brackets also hold conversions ("8,000 square miles (20,700 km²)")
    // and breakdowns ("Ohio (79 percent)"): only a phrase that names a
    // statistic is what the figure measures.
    toks[start..=last]
        .iter()
        .any(|t| {
            matches!(
                t.lower().as_str(),
                "rate"
                    | "rates"
                    | "share"
                    | "proportion"
                    | "percentage"
                    | "number"
                    | "index"
                    | "ratio"
                    | "support"
                    | "turnout"
                    | "growth"
                    | "inflation"
                    | "unemployment"
            )
        })
        .then_some((start, last))
}

/// "The drug reduced the risk of death by 20 per cent", "the bank raised
/// rates by a quarter of a point": the object of a verb of change is what
/// the figure measures, when "by" or "to" joins them.
fn object_of_change(toks: &[Tok], f: &Fig, sentence_start: usize) -> Option<(usize, usize)> {
    let is_link = |k: usize| toks[k].is_word("by") || toks[k].is_word("to");
    // A change's text starts at its own "by" ("by a quarter of a point to
    // 5.25%"); any other figure's link stands before it.
    let link = if is_link(f.first) {
        f.first
    } else {
        f.first.checked_sub(1).filter(|&l| is_link(l))?
    };
    if link <= sentence_start {
        return None;
    }
    let (start, end) = phrase_span(toks, link, sentence_start)?;
    let mut v = start;
    while v > sentence_start
        && matches!(
            toks[v - 1].lower().as_str(),
            "the" | "its" | "their" | "his" | "her"
        )
    {
        v -= 1;
    }
    let verb = v.checked_sub(1).filter(|&v| v >= sentence_start)?;
    let lw = toks[verb].lower();
    let l = lw.as_str();
    // "The increases took the tax burden to 38% of GDP": a verb that
    // moves its object to a level.
    let moves = toks[link].is_word("to")
        && matches!(
            l,
            "took"
                | "take"
                | "takes"
                | "push"
                | "pushed"
                | "pushes"
                | "brought"
                | "bring"
                | "brings"
        );
    (g::change_verb(l) || moves).then_some((start, end))
}

/// The position of the verb that the figure at `first` completes, past
/// the words that link them: "rose to", "stood at", "fell by", "was an
/// estimated", "reached a record".
fn verb_before(toks: &[Tok], f: &Fig, sentence_start: usize) -> Option<usize> {
    if describes_noun_after(toks, f) {
        return None;
    }
    let mut k = f.first;
    for _ in 0..6 {
        if k <= sentence_start {
            return None;
        }
        let t = &toks[k - 1];
        // "will total $190.6 billion", "is forecast to peak at 36.2 per
        // cent": a linking word that is the verb after a modal or "to".
        if matches!(t.lower().as_str(), "total" | "peak" | "average")
            && k >= 2
            && k - 2 >= sentence_start
            && matches!(
                toks[k - 2].lower().as_str(),
                "will" | "would" | "could" | "may" | "might" | "to"
            )
        {
            return Some(k - 1);
        }
        // "were up 8%", "are now 28.5 per cent below".
        let linking = matches!(
            t.lower().as_str(),
            "to" | "by"
                | "at"
                | "in"
                | "a"
                | "an"
                | "record"
                | "estimated"
                | "new"
                | "up"
                | "down"
                | "now"
                | "still"
                | "already"
                // "grew by an average of 4%", "hit a high of 5%",
                // "remained steady at 4.1 per cent".
                | "steady"
                | "stable"
                | "unchanged"
                | "flat"
                | "little"
                // "increased at an annual rate of 2.3 percent".
                | "annual"
                | "annualized"
                | "annualised"
                | "rate"
                | "pace"
                | "of"
                | "average"
                | "total"
                | "high"
                | "low"
                | "peak"
                // "was worth nearly $500 million".
                | "worth"
        );
        // "climbed to a 23-year high of 7.79%": how long since such a
        // level, written as one word with its number.
        let span = k >= 3
            && k - 3 >= sentence_start
            && matches!(
                t.lower().as_str(),
                "year" | "month" | "week" | "decade" | "day"
            )
            && toks[k - 2].is_dash()
            && toks[k - 3].kind == Kind::Num;
        if span {
            k -= 3;
            continue;
        }
        if !linking {
            break;
        }
        k -= 1;
    }
    let v = k.checked_sub(1).filter(|&v| v >= sentence_start)?;
    let lw = toks[v].lower();
    // "The new bridge will cost $1.2 billion": what costs it. A verb only
    // here, right before the amount: "The cost of gallium rose" has the noun.
    let prices_or_places = matches!(lw.as_str(), "cost" | "costs")
        // "The growth target was set at around 5 per cent", "the deficit is
        // put at £50 billion": a participle that places a level.
        || (placing(lw.as_str()) && toks.get(v + 1).is_some_and(|t| t.is_word("at")));
    (toks[v].kind == Kind::Word
        && (g::change_verb(lw.as_str()) || level_verb(lw.as_str()) || prices_or_places))
        .then_some(v)
}

/// Whether the figure describes the noun after it rather than completing
/// the clause: "is a $1.1 billion funding bill", "raised $100,000 checks",
/// "reaches more than 50 percent clean energy use", "$3 million worth of
/// ads". Comparatives ("30% lower") and times ("rose 5% last month") are no
/// such noun.
fn describes_noun_after(toks: &[Tok], f: &Fig) -> bool {
    toks.get(f.last + 1).is_some_and(|t| {
        let lw = t.lower();
        let l = lw.as_str();
        t.kind == Kind::Word
            && t.gap
            && !t.capitalised()
            && !g::stop_word(l)
            && !g::not_a_subject(l)
            && !l.ends_with("er")
            && !l.ends_with("ly")
            && !matches!(
                l,
                "ago" | "apiece" | "each" | "short" | "below" | "above" | "compared"
            )
    })
}

/// Verbs that state a level: "was 4.1%", "stood at", "reached", "totalled".
fn level_verb(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "were"
            | "is"
            | "are"
            | "stood"
            | "stands"
            | "reached"
            | "reaches"
            | "totalled"
            | "totaled"
            | "totals"
            | "amounted"
            | "amounts"
            | "averaged"
            | "averages"
            | "remained"
            | "remains"
            | "hit"
            | "hits"
            | "topped"
            | "tops"
            | "exceeded"
            | "exceeds"
            // "the unemployment rate changed little at 4.1 percent".
            | "changed"
            // "is forecast to be 2¾ per cent", "is expected to reach".
            | "be"
            | "reach"
            | "peaked"
            | "peaks"
            // "Staff see real GDP growth averaging 0.9% in 2025", "a
            // deficit totalling £50bn": a participle after its noun.
            | "averaging"
            | "totalling"
            | "totaling"
            | "standing"
            | "reaching"
            // "The 2025 Humanitarian Response Plan seeks US$4.2 billion".
            | "seeks"
            | "sought"
    )
}

/// A participle that places a level "at" an amount: "was held at 2 per
/// cent", "gifts valued at more than $210,000".
fn placing(l: &str) -> bool {
    matches!(
        l,
        "set" | "kept" | "held" | "fixed" | "capped" | "put" | "valued" | "pegged" | "priced"
    )
}

/// A word that puts a level in the future: "is *forecast* to be", "are
/// *expected* to reach".
fn forecast_word(l: &str) -> bool {
    matches!(
        l,
        "forecast" | "expected" | "projected" | "set" | "likely" | "tipped"
    )
}

/// Where the noun phrase before verb `v` ends (exclusive), past auxiliaries
/// and adverbs: "has risen", "had also fallen", "sharply increased".
fn auxiliaries_before(toks: &[Tok], v: usize, sentence_start: usize) -> usize {
    let mut end = v;
    for _ in 0..4 {
        if end <= sentence_start {
            break;
        }
        let t = &toks[end - 1];
        let lw = t.lower();
        let l = lw.as_str();
        let auxiliary = matches!(
            l,
            "has"
                | "have"
                | "had"
                | "been"
                | "will"
                | "would"
                | "could"
                | "may"
                | "might"
                | "should"
                | "also"
                | "again"
                | "further"
                | "now"
                | "then"
        ) || (t.kind == Kind::Word && l.len() > 4 && l.ends_with("ly"))
            // "is forecast to be", "are expected to reach".
            || (l == "to" && end >= 2 && forecast_word(toks[end - 2].lower().as_str()))
            || (forecast_word(l) && toks.get(end).is_some_and(|n| n.is_word("to")))
            || (matches!(l, "is" | "are" | "was" | "were")
                && toks.get(end).is_some_and(|n| {
                    let next = n.lower();
                    forecast_word(next.as_str()) || placing(next.as_str())
                }));
        if !auxiliary {
            break;
        }
        end -= 1;
    }
    end
}

/// The noun phrase that ends right before `end`, read backwards, when it
/// can open a clause ([`opens_clause`]).
fn phrase_before(toks: &[Tok], end: usize, sentence_start: usize) -> Option<(usize, usize)> {
    let (start, last) = phrase_span(toks, end, sentence_start)?;
    opens_clause(toks, start, sentence_start).then_some((start, last))
}

/// [`phrase_before`] without asking what stands before the phrase.
fn phrase_span(toks: &[Tok], end: usize, sentence_start: usize) -> Option<(usize, usize)> {
    let word = |k: usize| {
        time_compound(toks, k, end, sentence_start)
            || participle_after_plural(toks, k, end, sentence_start)
            || noun_word(
                &toks[k],
                k + 1 == end,
                (k > sentence_start).then(|| &toks[k - 1]),
            )
    };
    if end <= sentence_start || !word(end - 1) {
        return None;
    }
    let mut start = end - 1;
    while start > sentence_start && end - start < 2 * MAX_TOKENS {
        let t = &toks[start - 1];
        if word(start - 1) {
            start -= 1;
            continue;
        }
        // "long-term", "seasonally-adjusted": a hyphen between two words
        // written together, which make one word whatever the first is.
        if t.is_dash()
            && !t.gap
            && !toks[start].gap
            && start - 1 > sentence_start
            && (word(start - 2) || toks[start - 2].kind == Kind::Word)
        {
            start -= 2;
            continue;
        }
        // "exports of goods", "prices in London", "support for the bill":
        // a preposition (and a determiner after it) joins two nouns.
        let prep = if is_determiner(t) {
            start.checked_sub(2)
        } else {
            start.checked_sub(1)
        };
        if let Some(p) =
            prep.filter(|&p| p > sentence_start && is_preposition(&toks[p]) && word(p - 1))
        {
            start = p - 1;
            continue;
        }
        break;
    }
    // "The average annual cost of infant care in the state is $13,450":
    // too long a phrase may be a name for a statistic and the place it is
    // of; the name alone is the subject.
    let end = if end - start >= MAX_TOKENS {
        (start + 2..end)
            .rev()
            .find(|&p| toks[p].is_word("in") || toks[p].is_word("across"))
            .filter(|&p| p - start < MAX_TOKENS)?
    } else {
        end
    };
    // "The peak was 32 degrees", "the figure is 75 percent": a word for a
    // level alone says nothing of what it measures.
    let level_alone = start + 1 == end
        && matches!(
            toks[start].lower().as_str(),
            "peak"
                | "peaks"
                | "highs"
                | "lows"
                | "high"
                | "low"
                | "record"
                | "level"
                | "value"
                | "amount"
                | "figure"
                | "number"
                | "result"
                | "average"
                | "maximum"
                | "minimum"
                | "sum"
                | "rate"
                | "price"
                | "cost"
        );
    (!level_alone).then_some((start, end - 1))
}

/// Whether the phrase starting at `start` can open a clause: the
/// sentence's start, a comma, a conjunction, a verb that reports a clause
/// ("figures showed the unemployment rate rose …") or a time ("In October
/// the rate …") stands before it, past its determiners. Any other word
/// there makes the phrase more likely part of a longer subject or an
/// object ("with no children in California is …", "the group raising
/// money for the convention is …", "Muslims entering the United States
/// is as high as …"), which gives no subject rather than a wrong one.
fn opens_clause(toks: &[Tok], start: usize, sentence_start: usize) -> bool {
    let mut k = start;
    while k > sentence_start && (is_determiner(&toks[k - 1]) || toks[k - 1].is_word("no")) {
        k -= 1;
    }
    if k == sentence_start {
        return true;
    }
    let t = &toks[k - 1];
    match t.kind {
        Kind::Num => true,
        Kind::Mark => t.text != ".",
        Kind::Word => {
            let lw = t.lower();
            let l = lw.as_str();
            let conjunction = matches!(
                l,
                "and"
                    | "but"
                    | "or"
                    | "while"
                    | "whereas"
                    | "when"
                    | "as"
                    | "that"
                    | "because"
                    | "if"
                    | "although"
                    | "though"
                    | "since"
                    | "after"
                    | "before"
                    | "so"
                    | "whether"
                    | "where"
                    | "then"
                    | "said"
                    | "says"
            );
            // "colleges and universities soared": "and" between two nouns
            // joins them into a longer subject.
            let joins_nouns = matches!(l, "and" | "or")
                && k - 1 > sentence_start
                && noun_word(&toks[k - 2], false, None);
            let reports =
                !t.capitalised() && (reporting_verb(l) || (l.len() > 4 && l.ends_with("ed")));
            (conjunction && !joins_nouns) || reports || g::not_a_subject(l)
        }
    }
}

/// "Wait times", "the median waiting time", "journey times": a length of
/// time named by what takes it, a noun of the phrase before the verb.
/// "time" alone is a word of time and "times" one of multiples, which
/// [`noun_word`] turns away.
fn time_compound(toks: &[Tok], k: usize, end: usize, sentence_start: usize) -> bool {
    let is_time = |t: &Tok| t.is_word("time") || t.is_word("times");
    let activity = |t: &Tok| {
        matches!(
            t.lower().as_str(),
            "wait"
                | "waiting"
                | "journey"
                | "travel"
                | "response"
                | "processing"
                | "commute"
                | "commuting"
                | "delivery"
                | "turnaround"
                | "transit"
                | "queue"
                | "queuing"
                | "screen"
                | "treatment"
                | "recovery"
                | "decision"
        )
    };
    (is_time(&toks[k]) && k > sentence_start && activity(&toks[k - 1]))
        || (k + 1 < end && activity(&toks[k]) && is_time(&toks[k + 1]))
}

/// "Monthly hours worked rose", "homes built fell": a participle after a
/// plural noun, heading the phrase right before the verb, names what the
/// statistic counts.
fn participle_after_plural(toks: &[Tok], k: usize, end: usize, sentence_start: usize) -> bool {
    let t = &toks[k];
    let lw = t.lower();
    let l = lw.as_str();
    k + 1 == end
        && k > sentence_start
        && t.kind == Kind::Word
        && !t.capitalised()
        && ((l.len() > 4 && l.ends_with("ed"))
            || matches!(
                l,
                "built" | "sold" | "cast" | "lost" | "paid" | "made" | "spent" | "held" | "taken"
            ))
        && {
            let p = &toks[k - 1];
            p.kind == Kind::Word
                && super::super::count::plural_shape(p.text)
                && noun_word(p, false, None)
        }
}

/// A word the phrase may hold. `head` is the word right before the verb,
/// which may be an -ing noun ("Government borrowing"); an -ing word before
/// it only opens the phrase ("Manufacturing output", "the housing market"),
/// since after another noun it is more likely a verb ("figures showing
/// unemployment").
fn noun_word(t: &Tok, head: bool, before: Option<&Tok>) -> bool {
    if t.kind != Kind::Word || (t.text.len() == 1 && t.text.is_ascii()) {
        return false;
    }
    let lw = t.lower();
    let l = lw.as_str();
    // "it’s", "they're", "don't": a pronoun or verb with its clitic, not
    // a possessive noun ("Tesla's shares").
    if let Some((stem, clitic)) = t.text.split_once(['\'', '’'])
        && (["re", "ve", "ll", "d", "m", "t"]
            .iter()
            .any(|c| clitic.eq_ignore_ascii_case(c))
            || g::stop_word(Lower::new(stem).as_str()))
    {
        return false;
    }
    if g::stop_word(l) || number_like(l) || g::change_verb(l) || level_verb(l) || clause_word(l) {
        return false;
    }
    // "Average weekly earnings", "total spending": how often or how much,
    // words that are no subject alone but modify one.
    // "the cash rate": "cash" alone is how an amount is paid ("$8,500 in
    // cash"), but before a noun it names what kind.
    let modifier = w::how_often(l) || matches!(l, "total" | "overall" | "cash");
    if modifier {
        return !head;
    }
    if g::not_a_subject(l) {
        return false;
    }
    // "cut packaging waste by 5%": an "-ing" word opening the phrase, after
    // a determiner or the verb that governs it, modifies its noun.
    if l.len() > 4 && l.ends_with("ing") {
        return head
            || before.is_none_or(|b| {
                b.kind != Kind::Word || is_determiner(b) || g::change_verb(b.lower().as_str())
            });
    }
    // "Payrolled employees", "the estimated number": a participle that
    // opens the phrase describes its noun.
    if l.len() > 4 && l.ends_with("ed") && !head {
        return before.is_none_or(|b| b.kind != Kind::Word || is_determiner(b));
    }
    !g::verb_like(l)
}

/// Words that end a subject read backwards: verbs that report a clause
/// ([`reporting_verb`]), pronouns that are no name ("Everyone else is at
/// 2 percent"), ordinals ("to the second Trump lost …").
fn clause_word(l: &str) -> bool {
    reporting_verb(l)
        || matches!(
            l,
            "everyone"
                | "everybody"
                | "someone"
                | "somebody"
                | "anyone"
                | "anybody"
                | "nobody"
                | "none"
                | "something"
                | "everything"
                | "nothing"
                | "else"
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
        )
}

/// Verbs in the present that report a clause, whose subject may follow
/// them: "a new poll shows Cruz has fallen to 27 percent". The past
/// ("showed", "reported") is any -ed word.
fn reporting_verb(l: &str) -> bool {
    matches!(
        l,
        "shows"
            | "show"
            | "found"
            | "finds"
            | "find"
            | "suggests"
            | "suggest"
            | "indicates"
            | "estimates"
            | "reports"
            | "notes"
            | "claims"
            | "believes"
            | "thinks"
            | "think"
            | "expects"
            | "predicts"
            | "means"
            | "argues"
            | "warns"
            | "adds"
            | "knows"
            | "sees"
            | "see"
            | "saw"
            | "expect"
            | "predict"
            | "hopes"
    )
}

/// Determiners a phrase may hold after a preposition: "support for the
/// bill", "the price of this book".
fn is_determiner(t: &Tok) -> bool {
    matches!(
        t.lower().as_str(),
        "the"
            // "earnings of all workers".
            | "all"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
    )
}

fn is_preposition(t: &Tok) -> bool {
    matches!(
        t.lower().as_str(),
        "of" | "in" | "for" | "to" | "on" | "from" | "among" | "across"
    )
}

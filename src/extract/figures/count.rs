//! Bare counts: whether a number with no unit counts something. Years,
//! dates, ages, times of day, labels, names, durations and phone numbers are
//! rejected outright; the rest are graded by the evidence around them.

use super::cand::Support;
use super::grammar as g;
use super::lex::{Kind, Tok, is_cjk, number_parts};
use super::words::{self as w, Lower};

/// Rejects counts that are really years, dates, ages, times of day, labels,
/// names, durations or phone numbers; otherwise grades the support.
pub(super) fn count_support(
    toks: &[Tok],
    i: usize,
    j: usize,
    value: f64,
    plain: bool,
    year: bool,
) -> Option<Support> {
    let prev = i.checked_sub(1).and_then(|p| toks.get(p));
    let prev_word = prev.filter(|p| p.kind == Kind::Word);
    let next = toks.get(j + 1);
    let next_lower = next.map_or(Lower::new(""), Tok::lower);
    let day_like = plain && (1.0..=31.0).contains(&value);
    let month_next = next.is_some_and(|n| n.capitalised() && w::month(n.lower().as_str()));
    let month_prev = prev_word.is_some_and(|p| p.capitalised() && w::month(p.lower().as_str()));
    let clock = matches!(next_lower.as_str(), "am" | "pm" | "gmt" | "utc" | "hrs")
        || next.is_some_and(|n| matches!(n.text, "o’clock" | "o'clock" | "O’clock" | "O'clock"))
        || (matches!(next_lower.as_str(), "a" | "p" | "o")
            && toks
                .get(j + 2)
                .is_some_and(|d| !d.gap && matches!(d.text, "." | "’" | "'")));
    // "8.1 million hours", "1.06 billion hours": hours counted in
    // millions are a quantity of work, not a length of time.
    let duration =
        w::time_unit(next_lower.as_str()) && (plain || value < 1e6) && !time_compound(toks, j + 1);
    if (plain && year && !year_like_count(toks, i, j))
        || duration
        || clock
        || (day_like && (month_next || month_prev))
    {
        return None;
    }
    if plain {
        if let Some(p) = prev_word {
            let lp = p.lower();
            // "to Cruz’s 465": the possessive of a name before a bare
            // number may be an elided count (`elided.rs`); before a noun
            // it is a referential count ("Clinton’s two daughters").
            let possessive = p.possessive();
            let name = p.capitalised()
                && !g::function_word(lp.as_str())
                && (!possessive || counted_noun(toks, j + 1));
            // "the 2 men", "his 3 children": a group already introduced;
            // "the 23 hijackers", "its 1,200 staff" state how many there are.
            let stated = value >= 10.0
                && matches!(lp.as_str(), "the" | "its" | "their" | "our")
                && counted_noun(toks, j + 1);
            let referential =
                g::referential(lp.as_str()) && !matches!(lp.as_str(), "all" | "only") && !stated;
            if g::label(lp.as_str()) || name || referential {
                return None;
            }
        }
        let prev2 = i.checked_sub(2).and_then(|p| toks.get(p));
        let closes = next.is_none_or(|n| matches!(n.text, "," | ")" | ";"));
        // "No. 5"; "Mark Xu, 35,".
        let numbered =
            prev.is_some_and(|p| p.is_mark(".")) && prev2.is_some_and(|p| p.is_word("no"));
        let age = prev.is_some_and(|p| p.is_mark(","))
            && prev2.is_some_and(Tok::capitalised)
            && value <= 120.0
            && closes;
        // "202 555 0143".
        let spaced_digits = next.is_some_and(|n| n.kind == Kind::Num && n.gap)
            || (toks[i].gap && prev.is_some_and(|p| p.kind == Kind::Num));
        if numbered || age || spaced_digits {
            return None;
        }
    }
    // "他有3个孩子" (he has 3 children): a small bare count in Chinese is a
    // personal detail more often than a statistic.
    if plain && value < 10.0 && next.is_some_and(|n| !n.gap && is_cjk(n)) {
        return None;
    }
    Some(
        if counted_noun(toks, j + 1)
            || part_of_whole(toks, j + 1, value).is_some()
            || labelled(toks, i, j).is_some_and(|(_, last)| counting_label(&toks[last]))
        {
            Support::Noun
        } else if prev_word.is_some_and(|p| g::count_verb(p.lower().as_str()))
            || level_after(toks, i)
            || reported_after(toks, j)
            || more_after(toks, j)
        {
            Support::Verb
        } else {
            Support::Weak
        },
    )
}

/// "Flu hospitalizations: 612", "- Deaths: 27, including 2 children": a
/// figure after the label that opens its line (or its list item) and the
/// colon, ending there or before a comma or bracket: a statistic as
/// bulletins list them. The label's first and last token (`i` is the
/// figure's first token, `j` its last).
pub(super) fn labelled(toks: &[Tok], i: usize, j: usize) -> Option<(usize, usize)> {
    let colon = i.checked_sub(1).filter(|&c| toks[c].is_mark(":"))?;
    let ends = toks
        .get(j + 1)
        .is_none_or(|n| matches!(n.text, "," | "(" | ";" | "."));
    if !ends || colon == 0 {
        return None;
    }
    let last = colon - 1;
    let mut first = last;
    while first > 0 && last - first < 6 {
        let t = &toks[first - 1];
        // "Laboratory-confirmed", "COVID-19": a word's parts written together.
        let joined = !toks[first].gap || !t.gap;
        if t.kind == Kind::Word || (joined && (t.is_dash() || t.kind == Kind::Num)) {
            first -= 1;
        } else {
            break;
        }
    }
    let opens =
        first == 0 || (first == 1 && matches!(toks[0].text, "-" | "•" | "*" | "–" | "—" | "·"));
    // "Hillary Clinton: 1,769", "Sanders: 46": a name labels a tally row,
    // not what is counted. A label with a lowercase word after its first
    // ("Flu hospitalizations") or one word of statistics ("Deaths") names it.
    let lowercase_after = toks[first + 1..=last]
        .iter()
        .any(|t| t.kind == Kind::Word && !t.capitalised());
    let names = lowercase_after || (first == last && statistic_word(&toks[first]));
    (opens
        && names
        && toks[first].kind == Kind::Word
        && toks[first].capitalised()
        && toks[last].kind == Kind::Word)
        .then_some((first, last))
}

/// One-word labels of bulletins that name what a figure counts.
fn statistic_word(t: &Tok) -> bool {
    let lw = t.lower();
    let l = lw.as_str();
    counted_label(l)
        || matches!(
            l,
            "deaths"
                | "cases"
                | "arrests"
                | "injuries"
                | "fatalities"
                | "casualties"
                | "victims"
                | "infections"
                | "hospitalizations"
                | "hospitalisations"
                | "admissions"
                | "vaccinations"
                | "tests"
                | "recoveries"
                | "births"
                | "households"
                | "employees"
                | "staff"
                | "members"
                | "visitors"
                | "passengers"
                | "students"
                | "enrolment"
                | "enrollment"
                | "revenue"
                | "budget"
                | "cost"
                | "unemployment"
                | "inflation"
        )
}

/// Whether a label's last word says what a bare count counts: "Deaths",
/// "Total cases", "Population"; "Update: 5", "Step: 3" number things.
fn counting_label(last: &Tok) -> bool {
    let head = last.lower();
    plural_shape(head.as_str())
        || counted_label(head.as_str())
        || matches!(head.as_str(), "count" | "number")
}

/// Singular words of a label that counts ("Population: 5.2 million"),
/// for [`statistic_word`] and [`counting_label`] both.
fn counted_label(l: &str) -> bool {
    matches!(
        l,
        "population" | "total" | "turnout" | "attendance" | "workforce"
    )
}

/// "260 were injured", "77 have been deported", "and roughly 200 wounded"
/// (from the number's last token `j`): the subject of a news report's
/// verb of counting people, in the passive or alone as news shortens it.
pub(super) fn reported_after(toks: &[Tok], j: usize) -> bool {
    let word = |k: usize| {
        toks.get(j + k)
            .filter(|t| t.gap && t.kind == Kind::Word)
            .map_or(Lower::new(""), Tok::lower)
    };
    let (w1, w2, w3) = (word(1), word(2), word(3));
    let participle = |w: &Lower| g::count_verb(w.as_str()) && w.as_str().ends_with("ed");
    match w1.as_str() {
        "were" | "are" => participle(&w2),
        "have" | "had" => w2.as_str() == "been" && participle(&w3),
        "killed" | "wounded" | "injured" | "hurt" | "dead" => true,
        _ => false,
    }
}

/// "30 more delegates", "39 more than needed" (from the number's last
/// token `j`): a difference between two counts is a count. "three more
/// times" says how often, and "two more years" is a duration.
pub(super) fn more_after(toks: &[Tok], j: usize) -> bool {
    let Some(m) = toks.get(j + 1).filter(|m| m.gap) else {
        return false;
    };
    if !(m.is_word("more") || m.is_word("fewer")) {
        return false;
    }
    toks.get(j + 2).is_some_and(|t| {
        t.gap && (t.is_word("than") || (!t.is_word("times") && counted_noun(toks, j + 2)))
    })
}

/// "Sanders will pick up at least 14.", "a crowd of about 500.": a bare
/// number whose qualifier says how exact it is, ending its clause, states a
/// count whose noun the sentence before gave. Qualifiers that are
/// prepositions too ("over 40", "under 30", "some 5") say nothing alone.
pub(super) fn qualified_alone(toks: &[Tok], first: usize, num: usize, last: usize) -> bool {
    let lead = toks[first].lower();
    let qualifies = !matches!(
        lead.as_str(),
        "over" | "above" | "under" | "below" | "some" | "well" | "circa" | "exceeding"
    );
    let ends = toks.get(last + 1).is_none_or(|n| {
        (n.kind == Kind::Mark && !n.is_dash() && !matches!(n.text, "/" | "%" | "$"))
            || ["and", "but", "while", "according"]
                .iter()
                .any(|w| n.gap && n.is_word(w))
    });
    // "around 80 , 000": digits after a comma continue the number or a list.
    let digits_after = toks.get(last + 1).is_some_and(|n| n.is_mark(","))
        && toks.get(last + 2).is_some_and(|n| n.kind == Kind::Num);
    first < num && qualifies && ends && !digits_after
}

/// "rose to 40", "climbed to 17", "a toll of 17", "a total of 45": the
/// number is the level a change reaches or the total a report gives, which
/// is a count even with no noun after it.
fn level_after(toks: &[Tok], i: usize) -> bool {
    let word = |k: Option<usize>| {
        k.and_then(|k| toks.get(k))
            .map_or(Lower::new(""), Tok::lower)
    };
    let (p1, p2) = (word(i.checked_sub(1)), word(i.checked_sub(2)));
    match p1.as_str() {
        "to" => g::change_verb(p2.as_str()),
        "of" => matches!(p2.as_str(), "toll" | "total" | "tally"),
        // "an average age of 71" is read as an age (`framing`).
        "is" | "was" | "are" | "were" => averaged_age(toks, i),
        _ => false,
    }
}

/// "The average age of a farmer is 58": an average of ages that a verb of
/// being states by a bare number is a statistic.
fn averaged_age(toks: &[Tok], i: usize) -> bool {
    let from = i.saturating_sub(8);
    (from + 1..i).any(|k| {
        toks[k].is_word("age")
            && ["average", "median", "mean"]
                .iter()
                .any(|a| toks[k - 1].is_word(a))
    })
}

/// Whether the words at `k` name what a number counts: "34 Chinese agents",
/// "65 very large firms", "25,000 of those migrants".
pub(super) fn counted_noun(toks: &[Tok], k: usize) -> bool {
    // "3人", "500名学生": Chinese puts the noun (or its classifier) right after.
    if let Some(t) = toks.get(k).filter(|t| !t.gap && is_cjk(t)) {
        return !w::cjk_not_counted(t.text) && w::cjk_scale(t.text).is_none();
    }
    let Some(t) = toks.get(k).filter(|t| t.kind == Kind::Word && t.gap) else {
        return false;
    };
    let lw = t.lower();
    let word = lw.as_str();
    if word == "of" {
        return toks.get(k + 1).is_some_and(|n| {
            matches!(
                n.lower().as_str(),
                "the" | "those" | "these" | "them" | "all" | "its" | "their" | "whom" | "which"
            )
        }) || possessive_group(toks, k + 1);
    }
    if t.capitalised() {
        let named_noun = toks
            .get(k + 1)
            .is_some_and(|n| n.kind == Kind::Word && n.gap && !n.capitalised());
        return (!w::month(word) && !g::function_word(word) && named_noun)
            || w::group_plural(word)
            || plural_acronym(t.text)
            || named_run_then_plural(toks, k);
    }
    if g::verb_like(word) {
        return modified_plural(toks, k);
    }
    !g::stop_word(word)
        && (!w::time_unit(word) || time_compound(toks, k))
        && w::measure(word).is_none()
        && w::currency_word(word).is_none()
}

/// "150 GPs", "40 NGOs", "12 MPs": an acronym made plural counts people or
/// things like any plural noun. Two capitals at least, then the "s".
fn plural_acronym(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|a| a.len() >= 2 && a.bytes().all(|b| b.is_ascii_uppercase()))
}

/// "200 day-care centres", "40 day-trips": a singular unit of time
/// hyphened to a word (at `k`) makes a noun, not a length of time ("a
/// 10-day-long festival" and "45-year-old" are read as lengths and ages).
pub(super) fn time_compound(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.kind == Kind::Word
            && matches!(
                t.lower().as_str(),
                "day" | "week" | "month" | "year" | "hour"
            )
    }) && toks.get(k + 1).is_some_and(|d| d.is_dash() && !d.gap)
        && toks.get(k + 2).is_some_and(|n| {
            n.kind == Kind::Word && !n.gap && !n.is_word("old") && !n.is_word("long")
        })
}

/// "of 25 slots" after "18", "of nine states" after "eight" (from "of" at
/// `k`): a part of a stated whole, counted like "of the victims"; the whole
/// must be larger and name what it counts. Returns the whole's value and
/// token. A year ("3 of 2016") is no whole.
pub(super) fn part_of_whole(toks: &[Tok], k: usize, part: f64) -> Option<(f64, usize)> {
    toks.get(k).filter(|t| t.gap && t.is_word("of"))?;
    let t = toks.get(k + 1).filter(|t| t.gap)?;
    let whole = match t.kind {
        Kind::Num if t.text.bytes().all(|b| b.is_ascii_digit()) && t.text.len() <= 3 => {
            number_parts(t.text).0
        }
        Kind::Word => w::small_number(t.lower().as_str())?,
        _ => return None,
    };
    let counts = counted_noun(toks, k + 2) && !w::time_unit(toks[k + 2].lower().as_str());
    (part >= 2.0 && whole > part && counts).then_some((whole, k + 1))
}

/// "of his rivals", "of Clinton’s emails", "of Sanders’ colleagues" (from
/// the token after "of"): a part of someone's group is counted like "of the
/// victims"; the possessor says whose, the plural says what.
pub(super) fn possessive_group(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k).filter(|t| t.kind == Kind::Word && t.gap) else {
        return false;
    };
    let owner = matches!(t.lower().as_str(), "his" | "her" | "my" | "your")
        || (t.capitalised() && t.possessive())
        || (t.capitalised()
            && toks
                .get(k + 1)
                .is_some_and(|a| !a.gap && matches!(a.text, "’" | "'")));
    let noun = if toks
        .get(k + 1)
        .is_some_and(|a| !a.gap && a.kind == Kind::Mark)
    {
        k + 2
    } else {
        k + 1
    };
    owner && (plural_at(toks, noun) || modified_plural(toks, noun))
}

/// "300 pledged delegates", "35 randomly selected precincts": a participle
/// or an adverb between the number and a plural noun describes what is
/// counted. Alone ("10 said", "30 voted") it is a verb, so the plural is
/// required, at most two such words on.
fn modified_plural(toks: &[Tok], k: usize) -> bool {
    // "30 including engineers", "3 during games": prepositions in -ing
    // start a phrase after the number; they describe nothing.
    let describes = |m: usize| {
        toks.get(m).is_some_and(|t| {
            let lw = t.lower();
            let word = lw.as_str();
            t.kind == Kind::Word
                && t.gap
                && g::verb_like(word)
                && !g::function_word(word)
                && !matches!(
                    word,
                    "including"
                        | "excluding"
                        | "according"
                        | "following"
                        | "regarding"
                        | "concerning"
                        | "during"
                        | "pending"
                        | "barring"
                        | "considering"
                        | "involving"
                )
        })
    };
    // "600 likely Republican primary voters": a name may modify the noun too.
    let noun = |m: usize| {
        (plural_at(toks, m) && !w::time_unit(toks[m].lower().as_str()))
            || (toks.get(m).is_some_and(|t| t.gap && t.capitalised())
                && named_run_then_plural(toks, m))
    };
    describes(k) && (noun(k + 1) || describes(k + 1) && noun(k + 2))
}

/// "139 Super Tuesday delegates", "four U.N. peacekeepers", "12 Grand Slam
/// singles titles", "two in three Republican-leaning voters": a run of capitalised words (a name used as a modifier)
/// and then a plural noun in lower case; a title in capitals ("3 Important
/// Things To Know") has no such noun and is not read.
fn named_run_then_plural(toks: &[Tok], k: usize) -> bool {
    let mut m = k;
    let mut words = 0;
    while let Some(t) = toks.get(m) {
        let name_word = t.kind == Kind::Word && t.capitalised();
        let abbreviation = !t.gap && (t.is_mark(".") || t.is_dash());
        // "Republican-leaning voters": a lower-case word joined to a name by
        // a hyphen belongs to the modifier.
        let joined = !t.gap && t.kind == Kind::Word && m > k && toks[m - 1].is_dash();
        if !(name_word || abbreviation || joined) || words > 3 {
            break;
        }
        if name_word {
            let lw = t.lower();
            if w::month(lw.as_str()) || g::function_word(lw.as_str()) {
                return false;
            }
            words += 1;
        }
        m += 1;
    }
    m > k
        && toks.get(m).is_some_and(|t| t.gap)
        && plural_at(toks, m)
        && !w::time_unit(toks[m].lower().as_str())
        && !g::stop_word(toks[m].lower().as_str())
}

/// "1300 vehicles": a number in the years' range written without a
/// separator still counts when a plural noun follows and no word before it
/// makes it a date ("in 2020 elections", "the 2024 games").
fn year_like_count(toks: &[Tok], i: usize, j: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    let dated = prev.is_some_and(|p| {
        p.kind != Kind::Word && !p.is_mark(",")
            || matches!(
                p.lower().as_str(),
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "to"
                    | "before"
                    | "after"
                    | "during"
                    | "through"
                    | "the"
                    | "between"
                    | "circa"
                    | "around"
                    | "early"
                    | "late"
                    | "mid"
                    | "spring"
                    | "summer"
                    | "autumn"
                    | "fall"
                    | "winter"
                    | "fiscal"
                    | "fy"
                    | "year"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "our"
                    | "for"
                    | "at"
                    | "on"
            )
            || p.capitalised() && w::month(p.lower().as_str())
    });
    // "in 2015 and 2016 elections": a year after "and" or "or" is dated
    // when a year or a word of dating stands before it; "1450 dogs and
    // 2100 cats" counts. "the fleet of 1300 vehicles" counts; "the class
    // of 2020 graduates" is a year's (below).
    let before = i.checked_sub(2).map(|q| &toks[q]);
    let dated = dated
        || match prev.map(|p| p.lower()) {
            // "the fleet of 1300 vehicles", "a total of 1450 cases": a
            // collective before "of" counts; "93 percent of 2012 voters",
            // "the class of 2020 graduates" are a year's.
            Some(p) if p.as_str() == "of" => !before.is_some_and(|q| {
                matches!(
                    q.lower().as_str(),
                    "fleet"
                        | "total"
                        | "convoy"
                        | "force"
                        | "workforce"
                        | "crowd"
                        | "herd"
                        | "flock"
                )
            }),
            Some(p) if matches!(p.as_str(), "and" | "or") => !(i >= 2 && plural_at(toks, i - 2)),
            _ => false,
        };
    // "1988 sales", "2024 elections": a year's results, not a count.
    let of_a_year = toks.get(j + 1).is_some_and(|n| {
        matches!(
            n.lower().as_str(),
            "sales"
                | "revenues"
                | "earnings"
                | "profits"
                | "losses"
                | "results"
                | "elections"
                | "figures"
                | "levels"
                | "prices"
                | "rates"
                | "numbers"
                | "estimates"
                | "forecasts"
                | "budgets"
                | "accounts"
                | "statistics"
                | "targets"
                | "games"
                | "championships"
                | "olympics"
                | "returns"
                | "taxes"
                | "exports"
                | "imports"
                | "totals"
                | "graduates"
                | "models"
                | "editions"
                | "midterms"
                | "primaries"
        )
    });
    !dated && !of_a_year && plural_at(toks, j + 1)
}

pub(super) fn is_year(text: &str) -> bool {
    text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && matches!(text.as_bytes()[0], b'1' | b'2')
        && text < "2200"
}

/// Whether a word has a regular plural's shape: "hospitals", not "glass",
/// "bus", "crisis" nor a word of three letters.
pub(super) fn plural_shape(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
}

/// Whether the word at `k` is a plural noun after a space ("people",
/// "vehicles"), as a count or a scale needs.
pub(super) fn plural_at(toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k).filter(|t| t.kind == Kind::Word && t.gap) else {
        return false;
    };
    if t.capitalised() {
        return false;
    }
    let lw = t.lower();
    let word = lw.as_str();
    let irregular = matches!(
        word,
        "people"
            | "children"
            | "men"
            | "women"
            | "staff"
            | "police"
            | "personnel"
            | "cattle"
            | "sheep"
            | "fish"
            | "livestock"
            | "troops"
    );
    irregular || (plural_shape(word) && counted_noun(toks, k))
}

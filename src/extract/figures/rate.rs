//! Rates a statistics bulletin writes apart from the amount: per head of a
//! population ("4.5 per 100,000 people", "3.1 deaths per 1,000 live
//! births") and after the counted noun ("2,800 jobs a year", "1,250 new
//! cases per day"). The rate belongs to the unit, so a table never sets a
//! daily count beside an annual total as if alike.

use super::count::counted_noun;
use super::grammar as g;
use super::lex::{Kind, Tok};
use super::words::{self as w, Lower};

/// "per 100,000" after the amount ending at `last` (the "per" at `last +
/// 1`): the base as the rate's name, and the base's token.
pub(super) fn per_population(toks: &[Tok], last: usize) -> Option<(&'static str, usize)> {
    toks.get(last + 1).filter(|t| t.gap && t.is_word("per"))?;
    let base = toks.get(last + 2).filter(|t| t.gap)?;
    let name = match (base.kind, base.text) {
        (Kind::Num, "100") => "100",
        (Kind::Num, "1,000" | "1000") => "1,000",
        (Kind::Num, "10,000" | "10000") => "10,000",
        (Kind::Num, "100,000" | "100000") => "100,000",
        (Kind::Num, "1,000,000") => "million",
        (Kind::Word, _) if base.is_word("thousand") => "1,000",
        (Kind::Word, _) if base.is_word("million") => "million",
        _ => return None,
    };
    // "per 100 metres" is a measure's rate, not a population's.
    let next = toks.get(last + 3).map_or(Lower::new(""), Tok::lower);
    if w::measure(next.as_str()).is_some() {
        return None;
    }
    Some((name, last + 2))
}

/// The rate after the noun a count at `last` counts: "2,800 jobs a year",
/// "1,250 new cases per day". Up to three words of the noun, then "a",
/// "per", "each" or "every" and a unit of time, and no "ago" or "later"
/// after ("500 people a year ago" is a time).
pub(super) fn after_noun(toks: &[Tok], last: usize) -> Option<&'static str> {
    if !counted_noun(toks, last + 1) {
        return None;
    }
    let mut k = last + 1;
    while k <= last + 3 {
        let t = toks.get(k).filter(|t| t.gap && t.kind == Kind::Word)?;
        let lw = t.lower();
        let l = lw.as_str();
        if w::rate_link(l) && k > last + 1 {
            let unit = toks.get(k + 1).filter(|u| u.gap)?;
            let rate =
                w::rate_unit(unit.lower().as_str()).filter(|r| *r != "person" && *r != "share")?;
            let after = toks.get(k + 2).map_or(Lower::new(""), Tok::lower);
            let time_phrase = matches!(
                after.as_str(),
                "ago" | "later" | "earlier" | "before" | "after" | "old" | "since" | "into"
            );
            return (!time_phrase).then_some(rate);
        }
        if g::stop_word(l) || w::time_unit(l) || t.capitalised() {
            return None;
        }
        k += 1;
    }
    None
}

/// The rate after the substance a measure at `last` is of: "3 million
/// barrels of oil a day", "40 tonnes of waste per week".
pub(super) fn after_measure_of(toks: &[Tok], last: usize) -> Option<&'static str> {
    toks.get(last + 1).filter(|t| t.gap && t.is_word("of"))?;
    after_noun(toks, last + 1)
}

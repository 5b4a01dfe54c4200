//! A change stated beside the level it reaches: "increased by 40% to $2.1
//! billion", "rose 6.2% to $1.45 billion", "grew by 500 to 3,000", "up 3%
//! to 1,200". It is one claim, so one figure: the level is its value (what
//! a table compares), and the change stays with it ([`super::Change`])
//! instead of being printed as a figure of its own that reads as a share
//! of something.

use super::grammar as g;
use super::lex::{Kind, Tok};
use super::quantity::{Cand, Unit};

/// The change of a "by X to Y" figure, as token positions.
#[derive(Debug, Clone, Copy)]
pub(super) struct By {
    /// Where the figure's text starts: "by", "up", "down", or the change itself.
    pub start: usize,
    pub first: usize,
    pub last: usize,
    pub value: f64,
    pub unit: Unit,
    pub rate: Option<&'static str>,
}

/// Whether amount `a` is the change and `b` the level of "… by a to b".
pub(super) fn by_to(toks: &[Tok], a: &Cand, b: &Cand, sentence_of: &[usize]) -> Option<By> {
    if a.values.len() != 1 || b.values.len() != 1 || a.first == 0 {
        return None;
    }
    if sentence_of.get(a.first) != sentence_of.get(b.last) {
        return None;
    }
    // "rose 19pc last year to a record €343bn": the level's "a record".
    let mut between = &toks[a.last + 1..b.first];
    if let [rest @ .., x, r] = between
        && x.is_word("a")
        && r.is_word("record")
    {
        between = rest;
    }
    let to = match between {
        [t] => t,
        [c, t] if c.is_mark(",") => t,
        // "rose by 7.4 per cent in 2024 to more than 1.1 million".
        [period @ .., t] if when(period) => t,
        _ => return None,
    };
    if !to.is_word("to") {
        return None;
    }
    let relative = matches!(a.unit, Unit::Percent | Unit::Points);
    let absolute = a.unit == b.unit || (a.plain && b.unit == Unit::Count);
    let lead = &toks[a.first - 1];
    let lw = lead.lower();
    let start = match lw.as_str() {
        // "rose by 5% to …", not "leads by 46 percent to 42 percent" (a score).
        "by" if changed_before(toks, a.first - 1) => a.first - 1,
        "up" | "down" => a.first - 1,
        // "a 40% increase to …": the change word ends the amount.
        "a" | "an" if relative && toks[a.last].kind == Kind::Word => a.first - 1,
        // "rose 6.2% to", "fell £1.2 billion to £15.3 billion": without "by"
        // a bare count could be a range ("500 to 3,000"), an amount with its
        // unit written twice after a verb of change is not.
        w if (relative || (absolute && !a.plain && !b.plain)) && g::change_verb(w) => a.first,
        _ => return None,
    };
    (relative || absolute).then_some(By {
        start,
        first: a.first,
        last: a.last,
        value: a.values[0],
        unit: a.unit,
        rate: a.rate,
    })
}

/// Whether a change verb (or "up", "down") stands before the "by" at `by`
/// in its clause, with its object between: "rose by", "increased its
/// growth forecast by".
fn changed_before(toks: &[Tok], by: usize) -> bool {
    (by.saturating_sub(8)..by)
        .rev()
        .take_while(|&k| toks[k].kind == Kind::Word)
        .any(|k| {
            let lw = toks[k].lower();
            g::change_verb(lw.as_str()) || matches!(lw.as_str(), "up" | "down")
        })
}

/// Whether `toks` are a short time phrase between a change and its level,
/// a comma around it or not: "in 2024", "last year", "in the quarter",
/// "over the year", "on the quarter".
fn when(toks: &[Tok]) -> bool {
    let toks = match toks {
        [c, rest @ ..] if c.is_mark(",") => rest,
        _ => toks,
    };
    let toks = match toks {
        [rest @ .., c] if c.is_mark(",") => rest,
        _ => toks,
    };
    let unit = |t: &Tok| {
        ["year", "quarter", "month", "week", "period"]
            .iter()
            .any(|w| t.is_word(w))
    };
    let year = |t: &Tok| t.kind == Kind::Num && t.text.len() == 4 && t.text.starts_with(['1', '2']);
    let month = |t: &Tok| t.kind == Kind::Word && super::words::month(t.lower().as_str());
    let over = |t: &Tok| t.is_word("in") || t.is_word("over") || t.is_word("on");
    let recent = |t: &Tok| {
        t.is_word("last") || t.is_word("past") || t.is_word("latest") || t.is_word("first")
    };
    match toks {
        [i, y] if i.is_word("in") && (year(y) || month(y)) => true,
        [l, u] if (l.is_word("last") || l.is_word("this")) && unit(u) => true,
        [i, the, u] if over(i) && the.is_word("the") && unit(u) => true,
        // "fell by 120,000 in the last quarter to 7.4 million".
        [i, the, r, u] if over(i) && the.is_word("the") && recent(r) && unit(u) => true,
        _ => false,
    }
}

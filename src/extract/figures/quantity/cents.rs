//! Money in two denominations: "3 dollars 50 cents", "thirteen dollars and
//! forty-five cents". A reader sees one price, so it is one figure valued in
//! the main unit (13.45), not a figure of dollars beside one of cents.

use super::parse_at;
use crate::extract::figures::cand::Unit;
use crate::extract::figures::lex::{Kind, Tok};
use crate::extract::figures::words::{self as w};

/// The hundredths written after an amount of money ending at `last` (a
/// currency word such as "dollars"), and the token they end at: a count of
/// cents below a hundred, with an optional "and" before it. The cents word
/// is required: "5 dollars and 20 people" is two things.
pub(super) fn after(toks: &[Tok], last: usize) -> Option<(f64, usize)> {
    let t = toks.get(last).filter(|t| t.kind == Kind::Word)?;
    let code = w::currency_word(t.lower().as_str())?;
    if !w::has_hundredths(code) {
        return None;
    }
    let mut k = last + 1;
    if toks.get(k).is_some_and(|a| a.gap && a.is_word("and")) {
        k += 1;
    }
    let n = toks.get(k).filter(|n| n.gap)?;
    if !matches!(n.kind, Kind::Num | Kind::Word) {
        return None;
    }
    let c = parse_at(toks, k)?;
    let cents = c.values[0];
    let whole = cents.fract() == 0.0 && (1.0..100.0).contains(&cents);
    (c.values.len() == 1 && c.unit == Unit::Money("cents") && c.qualifier.is_none() && whole)
        .then_some((cents, c.last))
}

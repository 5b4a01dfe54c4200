//! Fractions in digits before a unit: "1/4 inch", "2 1/2 miles", "4½ cups".
//! Only before a unit of measure: a bare "3/4" is as often a date ("9/11"),
//! a schedule ("24/7") or a score, and "3/4 of" is left to the words.

use super::{finish, unit_after};
use crate::extract::figures::cand::{Cand, Support, Unit};
use crate::extract::figures::lex::{Kind, Tok};
use crate::extract::figures::one_or_two::OneOrTwo;

/// The fraction starting at the number token `i` and the measure after it.
pub(super) fn at(toks: &[Tok], i: usize) -> Option<Cand> {
    let whole = integer(toks.get(i)?)?;
    let (value, end) = if let Some(frac) = vulgar(toks, i + 1) {
        // "4½".
        (whole + frac, i + 1)
    } else if let Some(frac) = toks
        .get(i + 1)
        .filter(|t| t.gap)
        .and_then(|_| slash(toks, i + 1))
    {
        // "2 1/2".
        (whole + frac, i + 3)
    } else {
        // "1/4".
        (slash(toks, i)?, i + 2)
    };
    let (unit, last) = unit_after(toks, end)?;
    if !matches!(unit, Unit::Measure(_)) {
        return None;
    }
    finish(
        toks,
        i,
        last,
        OneOrTwo::one(value),
        unit,
        Support::Strong,
        false,
    )
}

/// A whole number without separators or decimals, as fractions are written.
fn integer(t: &Tok) -> Option<f64> {
    (t.kind == Kind::Num && t.text.len() <= 4 && t.text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.text.parse().ok())
        .flatten()
}

/// "1/4" from the numerator at `k`: a proper fraction with nothing glued on.
fn slash(toks: &[Tok], k: usize) -> Option<f64> {
    let glued = |m: usize| toks.get(m).filter(|t| !t.gap);
    let num = integer(toks.get(k)?)?;
    glued(k + 1).filter(|t| t.is_mark("/"))?;
    let den = integer(glued(k + 2)?)?;
    let then_glued = glued(k + 3).is_some_and(|t| t.kind != Kind::Mark || t.is_mark("/"));
    (num >= 1.0 && num < den && den <= 64.0 && !then_glued).then_some(num / den)
}

/// "½" glued to the whole number before it, at `k`.
fn vulgar(toks: &[Tok], k: usize) -> Option<f64> {
    let t = toks.get(k).filter(|t| !t.gap && t.kind == Kind::Mark)?;
    Some(match t.text {
        "½" => 0.5,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        "⅕" => 0.2,
        _ => return None,
    })
}

//! Qualifiers: the words before an amount that say how exact it is, read
//! longest first ("no more than" before "more than") and normalised to a
//! small set a brief can print consistently.

use super::lex::{Kind, Tok};
use super::shape::Shapes;

/// Qualifier words before an amount, longest match, normalised to a small set.
const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["more", "than"], "more than"),
    (&["over"], "more than"),
    (&["just", "over"], "more than"),
    (&["well", "over"], "more than"),
    (&["above"], "more than"),
    (&["upwards", "of"], "more than"),
    (&["in", "excess", "of"], "more than"),
    (&["greater", "than"], "more than"),
    (&["exceeding"], "more than"),
    (&["at", "least"], "at least"),
    (&["no", "fewer", "than"], "at least"),
    (&["no", "less", "than"], "at least"),
    (&["a", "minimum", "of"], "at least"),
    (&["about"], "about"),
    (&["around"], "about"),
    (&["roughly"], "about"),
    (&["approximately"], "about"),
    (&["some"], "about"),
    (&["an", "estimated"], "about"),
    (&["estimated"], "about"),
    (&["circa"], "about"),
    (&["nearly"], "nearly"),
    (&["almost"], "nearly"),
    (&["approaching"], "nearly"),
    (&["close", "to"], "nearly"),
    (&["just", "under"], "nearly"),
    (&["just", "below"], "nearly"),
    (&["just", "shy", "of"], "nearly"),
    (&["nearing"], "nearly"),
    (&["up", "to"], "up to"),
    (&["as", "much", "as"], "up to"),
    (&["as", "many", "as"], "up to"),
    (&["as", "high", "as"], "up to"),
    (&["no", "more", "than"], "up to"),
    (&["at", "most"], "up to"),
    (&["a", "maximum", "of"], "up to"),
    (&["less", "than"], "less than"),
    (&["fewer", "than"], "less than"),
    (&["under"], "less than"),
    (&["below"], "less than"),
];

/// The last words of [`QUALIFIERS`]: the word before an amount must be one
/// for any to match, which few are.
static LAST_WORDS: Shapes = {
    let mut shapes = Shapes::EMPTY;
    let mut k = 0;
    while k < QUALIFIERS.len() {
        let phrase = QUALIFIERS[k].0;
        shapes = shapes.with(phrase[phrase.len() - 1]);
        k += 1;
    }
    shapes
};

/// The qualifier ending just before token `num` (not reaching back to `floor`).
pub(super) fn qualifier(toks: &[Tok], num: usize, floor: usize) -> Option<(&'static str, usize)> {
    let before = toks.get(num.checked_sub(1)?)?;
    if !toks[num].gap
        || before.kind != Kind::Word
        || !LAST_WORDS.may_contain(before.text.as_bytes())
    {
        return None;
    }
    let mut best: Option<(&'static str, usize)> = None;
    for (phrase, norm) in QUALIFIERS {
        let n = phrase.len();
        if num < floor + n {
            continue;
        }
        let start = num - n;
        let matched = toks[num].gap
            && phrase
                .iter()
                .zip(&toks[start..num])
                .enumerate()
                .all(|(k, (p, t))| t.is_word(p) && (k == 0 || t.gap));
        if matched && best.is_none_or(|(_, s)| start < s) {
            best = Some((norm, start));
        }
    }
    best
}

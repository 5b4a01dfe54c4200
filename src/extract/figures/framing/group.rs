//! The size of a group a news sentence states after "of": "a mother of
//! four", "a father of six", "a family of seven", "a team of 15", "a
//! group of nine". It is "a 15-member team" said the other way, so it is
//! an attributive count (`framing.rs`); what it counts (children,
//! members) the text leaves unsaid, so it has no subject.

use super::{Frame, Framed, framed};
use crate::extract::figures::lex::{Kind, Tok};

/// Nouns whose size "of N" gives: people with children, and groups.
const GROUPS: &[&str] = &[
    "mother",
    "father",
    "parent",
    "grandmother",
    "grandfather",
    "grandparent",
    "family",
    "group",
    "team",
    "crew",
    "crowd",
    "panel",
    "board",
    "committee",
    "squad",
    "household",
    "delegation",
    "caucus",
];

/// The group size whose number runs from `i` to `j`: after "of" and a
/// group noun, ending its phrase (a mark, or "and", "who", "with" …).
/// "a group of four or five" is a range, "a group of 15 senators" a count
/// the figure rules read.
pub(super) fn size(toks: &[Tok], i: usize, j: usize, value: f64) -> Option<Framed> {
    if value < 2.0 || value.fract() != 0.0 || i < 2 {
        return None;
    }
    let (of, group) = (&toks[i - 1], &toks[i - 2]);
    if !of.is_word("of") || group.kind != Kind::Word || !GROUPS.contains(&group.lower().as_str()) {
        return None;
    }
    let ends = toks.get(j + 1).is_none_or(|n| match n.kind {
        Kind::Mark => {
            matches!(n.text, "." | "," | ";" | ")" | "?" | "!" | "”" | "\"" | ":")
                || (n.is_dash() && n.gap)
        }
        Kind::Num => false,
        Kind::Word => {
            n.gap
                && [
                    "and", "who", "with", "from", "in", "at", "was", "is", "has", "had", "that",
                    "across", "on",
                ]
                .iter()
                .any(|w| n.is_word(w))
        }
    });
    ends.then(|| framed(i, j, value, Frame::Attributive, None, None))
}

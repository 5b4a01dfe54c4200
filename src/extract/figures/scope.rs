//! Where the period rules need to read. A figure's period comes from its own
//! clause, so clauses and period phrases are worked out only in the sentences
//! that hold figures, not across every sentence of the paragraph. That is
//! exact, not an approximation: the phrases found are the ones a
//! whole-paragraph reading keeps there, because no period phrase spans a
//! [`hard_stop`], and reading starts just after one, where no earlier phrase
//! can reach to nest the phrases that follow; and a phrase never leaves its
//! sentence, since every sentence but the last ends in a full stop (or `!`,
//! `?`), a hard stop.

use std::ops::Range;

use super::lex::{Kind, Tok};
use super::pairs::Fig;

/// A mark no period phrase contains. The ones a phrase may hold are the
/// dashes of "mid-2022" and "2012–2024", the comma of "May 30, 2022", and
/// the brackets and apostrophes of "since Xi Jinping’s (习近平) rise … in 2012".
pub(super) fn hard_stop(t: &Tok) -> bool {
    t.kind == Kind::Mark && !(t.is_dash() || matches!(t.text, "," | "(" | ")" | "’" | "'"))
}

/// Token ranges to read for periods, in order and disjoint: the sentences of
/// each figure, each reaching back to just after the hard stop before it.
pub(super) fn regions(toks: &[Tok], sentence_of: &[usize], figs: &[Fig]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for f in figs {
        let (s0, s1) = (sentence_of[f.first], sentence_of[f.last]);
        let mut lo = sentence_of.partition_point(|&s| s < s0);
        let hi = sentence_of.partition_point(|&s| s <= s1);
        let floor = out.last().map_or(0, |r| r.end);
        while lo > floor && !hard_stop(&toks[lo - 1]) {
            lo -= 1;
        }
        match out.last_mut() {
            Some(r) if lo <= r.end => r.end = r.end.max(hi),
            _ => out.push(lo..hi),
        }
    }
    out
}

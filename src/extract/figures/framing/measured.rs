//! Durations that are statistics: "The median wait is now 14.2 weeks, down
//! from 15.1 weeks", "the average stay was 4.2 days". A length of time is
//! framing ("for three years") unless the text measures it: an average or
//! median of it, or a change from one length to another. Those are figures
//! a release reports and a brief tabulates, so they leave the framing kinds.

use super::{Frame, Framed};
use crate::extract::figures::lex::{Kind, Tok};
use crate::extract::figures::words;

/// Marks the durations of `found` that are measured, in place, and joins a
/// length and the one it changed from into one figure.
pub(super) fn mark(toks: &[Tok], found: &mut Vec<Framed>) {
    let mut k = 0;
    while k < found.len() {
        if found[k].frame != Frame::Duration {
            k += 1;
            continue;
        }
        let change = found.get(k + 1).and_then(|next| {
            let alike = next.frame == Frame::Duration && next.unit == found[k].unit;
            let between = &toks[found[k].last + 1..next.first];
            let before = found[k].first.checked_sub(1).map(|b| &toks[b]);
            // "14.2 weeks, down from 15.1 weeks", "rose to 18 weeks from
            // 12 weeks": from the second to the first; "fell from 90 weeks
            // in 2022 to 68 weeks": from the first to the second.
            if !alike {
                None
            } else if changed_from(between)
                || before.is_some_and(|t| t.is_word("to")) && is_word_after_time(between, "from")
            {
                Some((next.value, found[k].value, found[k].first))
            } else if before.is_some_and(|t| t.is_word("from")) && is_word_after_time(between, "to")
            {
                // The figure is written from its "from", as other changes are.
                Some((found[k].value, next.value, found[k].first - 1))
            } else {
                None
            }
        });
        if let Some((from, to, first)) = change {
            let last = found[k + 1].last;
            let f = &mut found[k];
            f.frame = Frame::Measured;
            f.first = first;
            f.value = from;
            f.second = Some(to);
            f.last = last;
            found.remove(k + 1);
        } else if averaged(toks, found[k].first)
            && !spans_time(toks, found[k].first)
            && !per_time(toks, found[k].last)
        {
            found[k].frame = Frame::Measured;
        }
        k += 1;
    }
}

/// ", down from", "up from": the words between a length and the one it
/// changed from.
fn changed_from(between: &[Tok]) -> bool {
    let between = match between {
        [c, rest @ ..] if c.is_mark(",") => rest,
        _ => between,
    };
    matches!(between, [d, f] if (d.is_word("down") || d.is_word("up")) && f.is_word("from"))
}

/// Whether the words between two lengths are `word` alone, after the
/// year of the first: "from 90 weeks in 2022 to 68 weeks".
fn is_word_after_time(between: &[Tok], word: &str) -> bool {
    let between = match between {
        [i, y, rest @ ..] if i.is_word("in") && y.kind == Kind::Num && y.text.len() == 4 => rest,
        _ => between,
    };
    matches!(between, [w] if w.is_word(word))
}

/// "polls taken over the past two weeks": a span of time things happen
/// in, which the average is of, not a length it measures.
fn spans_time(toks: &[Tok], first: usize) -> bool {
    crate::extract::figures::span_word(toks, first).is_some_and(|p| {
        ["over", "during", "within", "across", "in", "for"]
            .iter()
            .any(|w| toks[p].is_word(w))
    })
}

/// "an average of 50 minutes a day": a daily rate, which the framing
/// length does not carry; left a duration rather than set in a table as a
/// plain length.
fn per_time(toks: &[Tok], last: usize) -> bool {
    let lower = |k: usize| toks.get(k).map(Tok::lower);
    lower(last + 1).is_some_and(|l| words::rate_link(l.as_str()))
        && lower(last + 2).is_some_and(|l| words::rate_unit(l.as_str()).is_some())
}

/// Whether an average, median or mean stands a few words before `first`,
/// in its sentence: "the median wait for treatment is 14.2 weeks".
fn averaged(toks: &[Tok], first: usize) -> bool {
    toks[first.saturating_sub(7)..first]
        .iter()
        .rev()
        .take_while(|t| !(t.is_mark(".") || t.is_mark(";")))
        .any(|t| {
            t.kind == Kind::Word
                && ["average", "median", "mean", "typical"]
                    .iter()
                    .any(|w| t.is_word(w))
        })
}

#[cfg(test)]
mod tests {
    use crate::extract::figures::framing::{Frame, scan};
    use crate::extract::figures::lex::tokenize;

    fn frames(text: &str) -> Vec<(Frame, f64, Option<f64>)> {
        let toks = tokenize(text);
        scan(&toks)
            .into_iter()
            .map(|f| (f.frame, f.value, f.second))
            .collect()
    }

    #[test]
    fn a_length_and_the_one_it_changed_from_are_one_measured_figure() {
        assert_eq!(
            frames("The median wait is now 14.2 weeks, down from 15.1 weeks a year earlier."),
            vec![(Frame::Measured, 15.1, Some(14.2))]
        );
        assert_eq!(
            frames("Stays rose to 6 days, up from 5 days."),
            vec![(Frame::Measured, 5.0, Some(6.0))]
        );
        assert_eq!(
            frames("The median wait fell from 90 weeks in 2022 to 68 weeks in 2024."),
            vec![(Frame::Measured, 90.0, Some(68.0))]
        );
        assert_eq!(
            frames("The average wait rose to 18 weeks from 12 weeks."),
            vec![(Frame::Measured, 12.0, Some(18.0))]
        );
        // Two lengths joined otherwise stay two durations.
        assert_eq!(
            frames("He served 5 years, then 3 years more."),
            vec![(Frame::Duration, 5.0, None), (Frame::Duration, 3.0, None)]
        );
    }

    #[test]
    fn an_averaged_length_is_measured_and_a_plain_one_is_not() {
        assert_eq!(
            frames("The average stay was 4 days."),
            vec![(Frame::Measured, 4.0, None)]
        );
        assert_eq!(
            frames("He served for three years."),
            vec![(Frame::Duration, 3.0, None)]
        );
        // The span the average is over, and a daily average (a rate).
        assert_eq!(
            frames("The average of polls taken over the past two weeks shows a tie."),
            vec![(Frame::Duration, 2.0, None)]
        );
        assert_eq!(
            frames("Users spent an average of nine minutes a day on the site."),
            vec![(Frame::Duration, 9.0, None)]
        );
        // Units differ: no change between them.
        assert_eq!(
            frames("It took 3 weeks, down from 2 months."),
            vec![(Frame::Duration, 3.0, None), (Frame::Duration, 2.0, None)]
        );
    }
}

//! "As X put it, “…”" and "“…,” as X said": a clause of comparison that
//! names the source of the quotation beside it. The clause opens with
//! "as", a name follows, then a verb of speech or of pointing out; a
//! pronoun or a description is left to the other sieves.

use super::attribute::{Word, is_speech_verb};
use super::mention::{self, Who};
use super::sieves::Found;

/// The sieve for a quotation beside an "as X said" clause.
pub const SIEVE: &str = "as-speaker-verb";

/// Whether `ws[at..]` is a verb of the clause: "said", "put it", "pointed out".
fn verb_len(ws: &[Word], at: usize) -> Option<usize> {
    let w = ws.get(at)?.core;
    let next = ws.get(at + 1).map(|w| w.core);
    match w {
        "put" if next == Some("it") => Some(2),
        "pointed" if next == Some("out") => Some(2),
        "noted" | "notes" | "observed" | "wrote" | "writes" | "reported" | "explained" => Some(1),
        _ if w.starts_with(|c: char| c.is_ascii_lowercase()) && is_speech_verb(w) => Some(1),
        _ => None,
    }
}

/// The named mention and the words used, when `ws[at]` is "as" and a name
/// and a verb follow.
fn read_at(ws: &[Word], at: usize) -> Option<(mention::Mention, usize)> {
    if !ws.get(at)?.core.eq_ignore_ascii_case("as") {
        return None;
    }
    let (m, used) = mention::read(&ws[at + 1..], false)?;
    if !matches!(m.who, Who::Name(_)) || ws[at + used].closed {
        return None;
    }
    let verb = verb_len(ws, at + 1 + used)?;
    Some((m, 1 + used + verb))
}

/// `“…,” as Cruz said on Monday`: the words right after the quotation.
pub fn after(ws: &[Word]) -> Option<Found> {
    let (m, used) = read_at(ws, 0)?;
    Some(Found {
        evidence: super::attribute::join_cores(&ws[..used]),
        mention: m,
        sieve: SIEVE,
        adjacent: true,
    })
}

/// `As The Hill pointed out, “…”`: the words before the quotation, a
/// clause that opens the sentence (or follows "But", "And") and runs, with
/// at most a few words of time or place, to a comma right before the quote.
pub fn before(ws: &[Word]) -> Option<Found> {
    let last = ws.last()?;
    if !last.raw.ends_with(',') {
        return None;
    }
    let at = match ws.first()?.core {
        "But" | "And" | "Yet" | "So" => 1,
        _ => 0,
    };
    let (m, used) = read_at(ws, at)?;
    let rest = &ws[at + used..];
    if rest.len() > 5 || rest.iter().rev().skip(1).any(|w| w.closed) {
        return None;
    }
    Some(Found {
        evidence: super::attribute::join_cores(&ws[at..at + used]),
        mention: m,
        sieve: SIEVE,
        adjacent: true,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::quotes;

    fn speakers(paragraphs: &[&str]) -> Vec<Option<String>> {
        quotes(paragraphs).into_iter().map(|q| q.speaker).collect()
    }

    #[test]
    fn a_clause_of_comparison_names_the_source() {
        let one = |s: &str| vec![Some(s.to_string())];
        assert_eq!(
            speakers(&["As Dana Reel put it, “Nobody reads the budget before the vote.”"]),
            one("Dana Reel")
        );
        assert_eq!(
            speakers(&[
                "But as the Harbour Times pointed out in May, “The ferry has never run on time.”"
            ]),
            one("Harbour Times")
        );
        assert_eq!(
            speakers(&[
                "Still, the race “is a dead heat right now,” as Omar Lund said on Monday, and both camps know it."
            ]),
            one("Omar Lund")
        );
        // No name after "as": left to the other sieves, which find none.
        assert_eq!(
            speakers(&["As expected, “the ferry has never run on time in winter.”"]),
            vec![None]
        );
    }
}

//! "As X put it, “…”" and "“…,” as X said": a clause of comparison that
//! names the source of the quotation beside it. The clause opens with
//! "as", a mention follows, then a verb of speech or of pointing out. After
//! the quotation only a name is taken ("as he said" there often compares
//! with something said before); before it, "As he put it:" and "As one
//! father put it:" present the quotation as surely as a name does.

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
fn read_at(ws: &[Word], at: usize, named: bool) -> Option<(mention::Mention, usize)> {
    if !ws.get(at)?.core.eq_ignore_ascii_case("as") {
        return None;
    }
    // "As one father put it": the mention reader, which knows "said" but
    // not "put", reads "one father put" as one description; the verb
    // says where a short description ends.
    if !named
        && let Some(end) = (at + 2..(at + 5).min(ws.len())).find(|&e| verb_len(ws, e).is_some())
        && let Some((m, used)) = mention::read(&ws[at + 1..end], false)
        && at + 1 + used == end
        && matches!(&m.who, Who::Desc { head, .. } if super::attribute::is_person_noun(head))
        && !ws[end - 1].closed
    {
        return Some((m, 1 + used + verb_len(ws, end)?));
    }
    let (m, used) = mention::read(&ws[at + 1..], false)?;
    let person = match &m.who {
        Who::Name(_) => true,
        Who::Pronoun(_) => !named,
        Who::Desc { head, .. } => !named && super::attribute::is_person_noun(head),
        _ => false,
    };
    if !person || ws[at + used].closed {
        return None;
    }
    let verb = verb_len(ws, at + 1 + used)?;
    Some((m, 1 + used + verb))
}

/// `“…,” as Cruz said on Monday`: the words right after the quotation.
pub fn after(ws: &[Word]) -> Option<Found> {
    let (m, used) = read_at(ws, 0, true)?;
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
    if !last.raw.ends_with([',', ':']) {
        return None;
    }
    let at = match ws.first()?.core {
        "But" | "And" | "Yet" | "So" => 1,
        _ => 0,
    };
    let (m, used) = read_at(ws, at, false)?;
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
        // A pronoun or a person described, before the quotation and its
        // colon.
        assert_eq!(
            speakers(&[
                "Lena Ruiz spoke at the rally.",
                "As she put it: “Nobody reads the budget before the vote.”"
            ]),
            one("Lena Ruiz")
        );
        let got = quotes(&[
            "As one father put it last month: “My daughter wears her coat in class from November to March.”",
        ]);
        assert_eq!(got[0].speaker, None, "{got:?}");
        assert_eq!(got[0].sieve, Some(super::SIEVE), "{got:?}");
        // No mention after "as": left to the other sieves, which find none.
        assert_eq!(
            speakers(&["As expected, “the ferry has never run on time in winter.”"]),
            vec![None]
        );
    }
}

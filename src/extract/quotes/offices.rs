//! Offices written before a name: where, in a run of capitalised words, the
//! person's name starts.
//!
//! Government releases write a speaker's office in capitals right before the
//! name — "Chief Health Officer Dr Helen Marsh", "Minister for
//! Infrastructure, Transport and Regional Development Chris Nolan", "Member
//! for Kalgoorlie Leah Grant" — and a run of capitals read as one name made
//! "Chief Health Officer Dr Helen Marsh" the speaker of every later "Dr Marsh
//! said". The office is the part up to its last office word; the name is
//! what follows, when that is a name of two words or more.

use super::mention::{is_honorific, is_role_noun};
use super::names::{is_name_particle, is_name_word, is_org_name};
use crate::extract::wordmap::WordSet;

/// Capitalised words of offices and portfolios that are no part of a
/// person's name ("Minister for Home Affairs", "Chief Health Officer",
/// "Secretary of State").
const OFFICE_WORDS: &[&str] = &[
    // "Special Agent in Charge Dana Whitfield": a name run starts after "in".
    "charge",
    "affairs",
    "development",
    "health",
    "transport",
    "infrastructure",
    "education",
    "finance",
    "defence",
    "defense",
    "trade",
    "energy",
    "environment",
    "industry",
    "employment",
    "housing",
    "immigration",
    "agriculture",
    "resources",
    "communications",
    "treasury",
    "regional",
    "policing",
    "training",
    "workforce",
    "business",
    "economy",
    "digital",
    "manufacturing",
    "roads",
    "safety",
    "security",
    "heritage",
    "forestry",
    "mining",
    "police",
    "social",
    "care",
    "children",
    "youth",
    "women",
    "sport",
    "arts",
    "culture",
    "skills",
    "planning",
    "water",
    "disability",
    "ageing",
    "emergency",
    "corrections",
    "fisheries",
    "oceans",
    "conservation",
    "climate",
    "innovation",
    "science",
    "technology",
    "tourism",
    "veterans",
    "workplace",
    "relations",
    "citizenship",
    "multicultural",
    "indigenous",
    "families",
    "revenue",
    "services",
    "interior",
    "commerce",
    "labor",
    "labour",
    "homeland",
    "state",
    "parliament",
    "member",
    "cabinet",
    "shadow",
    "assistant",
    "prime",
    "acting",
    "associate",
    "constable",
    "opposition",
    "whip",
    "majority",
    "minority",
    "hon",
    "honourable",
    "honorable",
    "rt",
    "mp",
    "mla",
    "mhr",
];
static OFFICE: WordSet<256> = WordSet::of_lowercase(OFFICE_WORDS);

/// Whether a capitalised word belongs to an office, not to a name.
pub fn is_office_word(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    OFFICE.contains_folded(w) || is_role_noun(w) || is_honorific(w)
}

/// An office word as a run of capitals holds it: capitalised.
fn capital_office(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && is_office_word(w)
}

/// The person's name at the end of a run of capitals that opens with their
/// office ("Chief Health Officer Dr Helen Marsh" → "Helen Marsh"); the run
/// itself when no office word stands before a name of two words or more,
/// or when what follows is an organisation ("General Electric Company").
/// Words are separated by single spaces, as [`super::names::clean_name`] leaves them.
pub fn person_part(run: &str) -> &str {
    // Nearly every run holds no office word: answered without collecting
    // its words (a Vec per name read back).
    if !run.split(' ').any(capital_office) {
        return run;
    }
    let words: Vec<(usize, &str)> = run
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    after_last_office(run, &words)
        .or_else(|| between_offices(run, &words))
        .unwrap_or(run)
}

/// "Chief Health Officer Dr Helen Marsh" → "Helen Marsh": the name of two
/// words or more after the run's last office word, if one ends the run.
fn after_last_office<'r>(run: &'r str, words: &[(usize, &str)]) -> Option<&'r str> {
    let last = words.iter().rposition(|&(_, w)| capital_office(w))?;
    let mut rest = &words[last + 1..];
    // "Member for Kalgoorlie Leah Grant": a place or portfolio after a
    // connector; the name is the last two words (three with an initial).
    if rest
        .first()
        .is_some_and(|(_, w)| matches!(*w, "for" | "of"))
    {
        let keep = if rest.len() >= 3 && rest[rest.len() - 2].1.ends_with('.') {
            3
        } else {
            2
        };
        if rest.len() < keep + 2 {
            return None;
        }
        rest = &rest[rest.len() - keep..];
    }
    // "Bill de Blasio": a particle inside the name.
    let in_name = |(k, &(_, w)): (usize, &(usize, &str))| {
        is_name_word(w) || (k > 0 && k + 1 < rest.len() && is_name_particle(w))
    };
    if rest.len() < 2 || !rest.iter().enumerate().all(in_name) {
        return None;
    }
    let name = &run[rest[0].0..];
    if is_org_name(name) || rest.iter().any(|(_, w)| is_office_word(w)) {
        return None;
    }
    Some(name)
}

/// "Hon Mark Ellery Assistant Minister for Regional Development", a
/// release's heading run on into its next line: a name of two or three
/// words between an opening title and an office after it.
fn between_offices<'r>(run: &'r str, words: &[(usize, &str)]) -> Option<&'r str> {
    if !capital_office(words.first()?.1) {
        return None;
    }
    let from = words.iter().position(|&(_, w)| !capital_office(w))?;
    let len = words[from..].iter().position(|&(_, w)| capital_office(w))?;
    let part = &words[from..from + len];
    if !(2..=3).contains(&len) || !part.iter().all(|&(_, w)| is_name_word(w)) {
        return None;
    }
    let (at, last) = part[len - 1];
    let name = &run[part[0].0..at + last.len()];
    (!is_org_name(name)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_after_offices() {
        let cases = [
            ("Chief Health Officer Dr Helen Marsh", "Helen Marsh"),
            ("Policing Minister Priya Shah", "Priya Shah"),
            ("Regional Development Chris Nolan", "Chris Nolan"),
            ("Member for Kalgoorlie Leah Grant", "Leah Grant"),
            ("Secretary of State John Kerry", "John Kerry"),
            (
                "Federal Emergency Management Agency Administrator Tom Reyes",
                "Tom Reyes",
            ),
            ("Rep. Elijah E. Cummings", "Elijah E. Cummings"),
            // No office before a name of two words: the run stays.
            ("Administrator Alvarez", "Administrator Alvarez"),
            ("Mark Judge", "Mark Judge"),
            ("General Electric Company", "General Electric Company"),
            ("Department of Health", "Department of Health"),
            ("Hillary Clinton", "Hillary Clinton"),
            // A heading's name and the office on its next line.
            (
                "Hon Mark Ellery Assistant Minister for Regional Development",
                "Mark Ellery",
            ),
            (
                "Minister for Skills and Training Rachel Denholm",
                "Rachel Denholm",
            ),
        ];
        for (run, want) in cases {
            assert_eq!(person_part(run), want, "{run}");
        }
    }
}

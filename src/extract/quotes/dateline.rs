//! Datelines: "WASHINGTON, D.C. – Senator Roe today released …",
//! "SACRAMENTO — Governor Ortiz signed …", "LONDON, March 3 (Reuters) -
//! The minister said …". News and government releases open their first
//! paragraph with the place (and sometimes the date and the agency) in
//! capitals and a dash; the sentence's subject comes after it, so the
//! subject readers skip it.

use super::attribute::Word;

/// The number of words a dateline takes at the start of `ws`, with its
/// dash; 0 when `ws` opens with none. A paragraph that opens with a dash
/// alone is a list item ("— Continue fracking, …"), not a dateline.
pub fn len(ws: &[Word]) -> usize {
    // The place opens in capitals: "WASHINGTON", "NEW YORK", "ST. PAUL".
    if !ws.first().is_some_and(|w| is_capitals(w.core)) {
        return agency_ended(ws);
    }
    // A state or a date follows the place after a comma ("WASHINGTON,
    // D.C.", "LONDON, March 3"); before one, only capitals and an agency
    // in brackets do, so "FBI Director Jim Roe – …" is no dateline.
    let mut after_comma = false;
    let mut k = 0;
    while k < ws.len().min(MAX_WORDS) {
        let w = &ws[k];
        if is_dash(w.raw) {
            return k + 1;
        }
        if let Some(end) = agency_words(&ws[k..]) {
            k += end;
            continue;
        }
        let fits = is_capitals(w.core) || (after_comma && is_place_or_date(w.raw));
        if !fits {
            return 0;
        }
        after_comma |= w.raw.ends_with(',');
        k += 1;
    }
    0
}

/// "New Delhi, Feb 2 (PTI) Union Health Minister …": Indian and other
/// wires write the place in title case and end the dateline with the
/// agency in brackets, with no dash. A place, a comma, a date (a month and
/// a day) and the agency; a dash after it is the dateline's too.
fn agency_ended(ws: &[Word]) -> usize {
    if !ws
        .first()
        .is_some_and(|w| w.core.starts_with(char::is_uppercase))
    {
        return 0;
    }
    let mut after_comma = false;
    let (mut day, mut month) = (false, false);
    for k in 0..ws.len().min(MAX_WORDS) {
        let w = &ws[k];
        if after_comma
            && day
            && month
            && let Some(end) = agency_words(&ws[k..])
        {
            let dash = ws.get(k + end).is_some_and(|d| is_dash(d.raw));
            return k + end + usize::from(dash);
        }
        let place = !after_comma && w.core.starts_with(char::is_uppercase);
        if !(place || after_comma && is_place_or_date(w.raw)) {
            return 0;
        }
        if after_comma {
            let raw = w.raw.trim_end_matches(',');
            day |= raw.bytes().all(|b| b.is_ascii_digit()) && raw.len() <= 2;
            month |= is_month(raw);
        }
        after_comma |= w.raw.ends_with(',');
    }
    0
}

/// A month's name or its abbreviation as datelines write it: "Feb", "Sept.", "March".
fn is_month(raw: &str) -> bool {
    let raw = raw.trim_end_matches('.').to_ascii_lowercase();
    raw.len() >= 3
        && crate::extract::figures::MONTH_NAMES
            .iter()
            .any(|m| m.starts_with(&raw) && (raw.len() == 3 || raw == "sept" || raw == *m))
}

/// The number of words of an agency in brackets at the start of `ws`:
/// "(AP)", "(Reuters)", "(UN Information Service)", each word capitalised.
fn agency_words(ws: &[Word]) -> Option<usize> {
    let first = ws.first()?.raw;
    if !first.starts_with('(') {
        return None;
    }
    if is_agency(first) {
        return Some(1);
    }
    for (k, w) in ws.iter().enumerate().take(4) {
        let capitalised = w
            .raw
            .trim_start_matches('(')
            .starts_with(|c: char| c.is_uppercase());
        if !capitalised {
            return None;
        }
        if k > 0 && w.raw.ends_with(')') {
            return Some(k + 1);
        }
    }
    None
}

/// The most words before a dateline's dash: "WASHINGTON, D.C., March 3,
/// 2025 (AP) –" is eight, "NEW YORK, 22 April (UN Information Service) —"
/// nine.
const MAX_WORDS: usize = 10;

fn is_dash(raw: &str) -> bool {
    matches!(raw, "–" | "—" | "-" | "--" | "―")
}

/// A word in capitals with at least two letters: "WASHINGTON", "ST.",
/// "D.C."; not "I" or "A", which open sentences.
fn is_capitals(core: &str) -> bool {
    // Asked of every paragraph's first word: the case test, which fails
    // at the second letter of "The", goes first.
    core.chars()
        .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
        && core.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// An agency in brackets: "(AP)", "(Reuters)".
fn is_agency(raw: &str) -> bool {
    raw.len() > 2 && raw.starts_with('(') && raw.ends_with(')')
}

/// What may follow the place and a comma before the dash: a state or
/// country in abbreviation or in full ("D.C.", "Calif.", "Texas"), a date
/// ("March", "3,", "2025").
fn is_place_or_date(raw: &str) -> bool {
    let raw = raw.trim_end_matches(',');
    if raw.is_empty() {
        return false;
    }
    if raw.chars().all(|c| c.is_ascii_digit()) {
        return raw.len() <= 4;
    }
    // One capitalised word, as a state or a month is written.
    raw.starts_with(|c: char| c.is_uppercase())
        && raw.chars().all(|c| c.is_alphabetic() || c == '.')
        && raw.len() <= 12
}

#[cfg(test)]
mod tests {
    use super::super::attribute::words;
    use super::len;

    fn skipped(text: &str) -> String {
        let ws = words(text);
        let n = len(&ws);
        ws[n..].first().map_or(String::new(), |w| w.raw.to_owned())
    }

    #[test]
    fn datelines_are_skipped_to_the_subject() {
        for (text, subject) in [
            (
                "WASHINGTON, D.C. – U.S. Senator Dana Roe today said",
                "U.S.",
            ),
            ("WASHINGTON – Senator Dana Roe today said", "Senator"),
            ("SACRAMENTO — Governor Luis Ortiz signed", "Governor"),
            ("NEW YORK (AP) — The mayor said", "The"),
            ("LONDON, March 3 (Reuters) - The minister said", "The"),
            ("ST. PAUL, Minn. -- Gov. Roe said", "Gov."),
            (
                "New Delhi, Feb 2 (PTI) Union Health Minister J P Nadda said",
                "Union",
            ),
            ("Mumbai, 3 March (IANS) - The minister said", "The"),
            (
                "NEW YORK, 22 April (UN Information Service) — UN Secretary-General Ana Roe today said",
                "UN",
            ),
        ] {
            assert_eq!(skipped(text), subject, "{text}");
        }
    }

    #[test]
    fn sentences_without_a_dateline_are_read_from_the_start() {
        for text in [
            "Senator Dana Roe – a Democrat – said",
            "NATO leaders met today - and agreed",
            "I said - and I meant it",
            "— Continue fracking, which the left opposes.",
            "The U.S. – China talks ended",
            "FBI Director Jim Roe said",
            "FBI Director Jim Roe – a Democrat – said",
            "NATO (the alliance) – said",
            "NATO (The Alliance) leaders – said",
            "Jane Roe, 45 (D) said",
            "New Delhi (PTI) said",
        ] {
            assert_eq!(len(&words(text)), 0, "{text}");
        }
    }
}

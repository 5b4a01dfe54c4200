//! What a figures table prints in its cells, decided once here so the
//! Markdown and the PDF (and every later renderer) print the same words.
//!
//! A reader of a table has no sentence around the figure: each cell must
//! say on its own what it counts, when, and how much, in words the source
//! supports. Nothing here invents: every cell is the analyst's correction,
//! the source's words, a year the source's own date fixes, or the source's
//! date.

use crate::corpus::Document;
use crate::extract::Figure;

/// When a figure holds, for a table: the year with the text's relative words
/// kept ("2024 (“last year”)"), the text's own period when it names its
/// dates, else when the source reported it ("reported 5 May 2024").
/// `None` only when the source states neither a period nor a date.
pub fn when(figure: &Figure, doc: &Document) -> Option<String> {
    match (&figure.period, figure.year) {
        (Some(period), Some(year)) if !period.contains(&year.to_string()) => {
            Some(format!("{year} (“{}”)", period.trim()))
        }
        // A relative period in an undated source cannot be pinned to a year;
        // the reader is told so rather than left to assume the brief's year.
        (Some(period), None)
            if !period.contains(|c: char| c.is_ascii_digit()) && doc.meta.published.is_none() =>
        {
            Some(format!("“{}” (undated source)", period.trim()))
        }
        (Some(period), _) => Some(tidy_period(period)),
        (None, _) => doc
            .meta
            .published
            .map(|d| format!("reported {}", human_date(&d))),
    }
}

/// "5 May 2024", "May 2024", "2024": the date as precise as the source gives it.
fn human_date(d: &crate::corpus::PartialDate) -> String {
    let month = d
        .month
        .and_then(|m| chrono::Month::try_from(u8::try_from(m).ok()?).ok())
        .map(|m| m.name());
    match (d.day, month) {
        (Some(day), Some(m)) => format!("{day} {m} {}", d.year),
        (None, Some(m)) => format!("{m} {}", d.year),
        _ => d.year.to_string(),
    }
}

/// "In 2021" is "2021" in a column headed When.
fn tidy_period(period: &str) -> String {
    let p = period.trim();
    for lead in ["In ", "in ", "During ", "during "] {
        if let Some(rest) = p.strip_prefix(lead)
            && rest.starts_with(|c: char| c.is_ascii_digit())
        {
            return rest.to_string();
        }
    }
    p.to_string()
}

/// The figure as a table cell: a change written "from A … to B" (or "B, up
/// from A") becomes "A → B" in the source's own number words; anything
/// else is the figure's text.
pub fn shown(figure: &Figure) -> String {
    let text = &figure.text;
    let is_change = text.contains("from ") || text.to_lowercase().starts_with("from ");
    if figure.values.len() != 2 || !is_change {
        return text.clone();
    }
    let numbers = numbers(text);
    let find = |want: f64| {
        numbers
            .iter()
            .find(|(v, _)| (v - want).abs() <= 1e-9 * want.abs().max(1.0))
            .map(|(_, s)| s.as_str())
    };
    match (find(figure.values[0]), find(figure.values[1])) {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        _ => text.clone(),
    }
}

/// Every number written in digits in `text`, with its value (a scale word
/// after it applied) and its words as written (with a currency sign before
/// it, a percent sign or scale word after it).
fn numbers(text: &str) -> Vec<(f64, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (matches!(bytes[i], b',' | b'.')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        let digits: String = text[start..i].chars().filter(|&c| c != ',').collect();
        let Ok(mut value) = digits.parse::<f64>() else {
            continue;
        };
        let mut begin = start;
        let before = &text[..start];
        for sign in ["US$", "A$", "C$", "$", "£", "€", "¥"] {
            if before.ends_with(sign) {
                begin = start - sign.len();
                break;
            }
        }
        let mut end = i;
        let rest = &text[i..];
        if rest.starts_with('%') {
            end += 1;
        } else {
            for (word, scale) in [(" million", 1e6), (" billion", 1e9), (" trillion", 1e12)] {
                if rest.starts_with(word) {
                    value *= scale;
                    end += word.len();
                    break;
                }
            }
        }
        out.push((value, text[begin..end].to_string()));
    }
    out
}

/// What the figure counts when neither the analyst nor extraction says: the
/// words around it in its sentence, quoted, so the cell is the source's and
/// not ours ("“… a 169% increase compared to 2019 …”").
pub fn context(figure: &Figure) -> String {
    let quoted = context_words(figure);
    // The source's own quotation marks, inside ours, become single ones
    // (Chicago's quotation within a quotation): never "““In the first …".
    let inner: String = quoted[3..quoted.len() - 3]
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            '"' => '\'',
            c => c,
        })
        .collect();
    format!("“{inner}”")
}

fn context_words(figure: &Figure) -> String {
    let sentence = &figure.sentence;
    let Some(at) = sentence.find(&figure.text) else {
        return format!("“{}”", sentence.trim());
    };
    let before: Vec<&str> = sentence[..at].split_whitespace().collect();
    let after: Vec<&str> = sentence[at + figure.text.len()..]
        .split_whitespace()
        .collect();
    const SIDE: usize = 4;
    let mut out = String::from("“");
    if before.len() > SIDE {
        out.push_str("… ");
    }
    for w in &before[before.len().saturating_sub(SIDE)..] {
        out.push_str(w);
        out.push(' ');
    }
    out.push_str(&figure.text);
    // "months," not "months ,": the first word after may touch the figure.
    let touching = !sentence[at + figure.text.len()..].starts_with(char::is_whitespace);
    for (i, w) in after.iter().take(SIDE).enumerate() {
        if i > 0 || !touching {
            out.push(' ');
        }
        out.push_str(w);
    }
    let out = out.trim_end_matches([',', ';', ':', '.']).to_string();
    if after.len() > SIDE {
        format!("{out} …”")
    } else {
        format!("{out}”")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(text: &str, values: &[f64], sentence: &str) -> Figure {
        Figure {
            id: "d/f".into(),
            doc: "d".into(),
            text: text.into(),
            values: values.to_vec(),
            unit: None,
            qualifier: None,
            subject: None,
            period: None,
            label: None,
            sentence: sentence.into(),
            start: 0,
            end: 0,
            paragraph: 1,
            row: None,
            column: None,
            year: None,
            change: None,
            kind: None,
        }
    }

    #[test]
    fn a_change_is_shown_from_and_to() {
        let f = figure(
            "116,868 Chinese seeking asylum around the world in mid-2022, up from 15,362",
            &[15362.0, 116868.0],
            "",
        );
        assert_eq!(shown(&f), "15,362 → 116,868");
        let f = figure(
            "from $2.1 billion to $3 billion",
            &[2.1e9, 3e9],
            "Spending rose from $2.1 billion to $3 billion.",
        );
        assert_eq!(shown(&f), "$2.1 billion → $3 billion");
        let f = figure("from 4% to 6.5%", &[4.0, 6.5], "");
        assert_eq!(shown(&f), "4% → 6.5%");
    }

    #[test]
    fn a_range_or_a_level_is_shown_as_written() {
        let f = figure("between 2,000 and 3,000", &[2000.0, 3000.0], "");
        assert_eq!(shown(&f), "between 2,000 and 3,000");
        let f = figure("over 88,000", &[88000.0], "");
        assert_eq!(shown(&f), "over 88,000");
    }

    #[test]
    fn context_quotes_the_words_around_the_figure() {
        let f = figure(
            "169% increase",
            &[169.0],
            "Last year at least 176,239 applied, representing a 169% increase compared to 2019 and a fourteenfold surge over 2012.",
        );
        assert_eq!(
            context(&f),
            "“… 176,239 applied, representing a 169% increase compared to 2019 and …”"
        );
        let f = figure("12", &[12.0], "Only 12 came.");
        assert_eq!(context(&f), "“Only 12 came”");
        let f = figure(
            "11 months",
            &[11.0],
            "“In the first 11 months, few came,” he said.",
        );
        assert_eq!(context(&f), "“‘In the first 11 months, few came,’ he …”");
    }

    #[test]
    fn relative_periods_keep_their_words_beside_the_year() {
        let mut doc = crate::corpus::Document {
            id: "d".into(),
            path: "d.md".into(),
            meta: Default::default(),
            word_count: Default::default(),
            format: crate::corpus::Format::Markdown,
            body: String::new(),
            body_offset: 0,
            body_line: 1,
        };
        let mut f = figure("5", &[5.0], "");
        f.period = Some("last year".into());
        f.year = Some(2024);
        assert_eq!(when(&f, &doc).as_deref(), Some("2024 (“last year”)"));
        f.period = Some("In 2021".into());
        f.year = Some(2021);
        assert_eq!(when(&f, &doc).as_deref(), Some("2021"));
        f.period = Some("last year".into());
        f.year = None;
        assert_eq!(
            when(&f, &doc).as_deref(),
            Some("“last year” (undated source)")
        );
        f.period = None;
        assert_eq!(when(&f, &doc), None);
        doc.meta.published = Some("2024-05".parse().unwrap());
        assert_eq!(when(&f, &doc).as_deref(), Some("reported May 2024"));
    }
}

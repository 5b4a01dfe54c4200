//! Templates: the source text cut into literal text, names and numbers.

use std::sync::LazyLock;

use super::data::{
    EXTRA_TITLES, Form, MONTHS, PEOPLE, SOURCES, ZH_HEADINGS, ZH_SENTENCES, ZH_TITLES,
};
use brief::extract::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Num {
    /// Moves by a year or two, never past the document's own date.
    Year(u16),
    Month,
    Day,
    /// A count or measure: redrawn with the same number of integer digits,
    /// decimals and digit grouping, and about as round as the original.
    Quantity {
        digits: u8,
        decimals: u8,
        grouped: bool,
        zeros: u8,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Piece {
    Text(&'static str),
    Name(usize, Form),
    Number(Num),
}

#[derive(Debug, Default)]
pub(super) struct Template {
    pub(super) pieces: Vec<Piece>,
    /// The source paragraph it comes from, so a document does not repeat
    /// a paragraph it already holds some sentences of, or the reverse.
    pub(super) group: usize,
}

/// The source cut up once, on first use.
#[derive(Debug)]
pub(super) struct Bank {
    pub(super) paragraphs: Vec<Template>,
    pub(super) sentences: Vec<Template>,
    pub(super) headings: Vec<Template>,
    pub(super) titles: Vec<Template>,
    pub(super) zh_sentences: Vec<Template>,
    pub(super) zh_headings: Vec<Template>,
    pub(super) zh_titles: Vec<Template>,
}

pub(super) static BANK: LazyLock<Bank> = LazyLock::new(Bank::build);

impl Bank {
    fn build() -> Bank {
        let mut patterns: Vec<(&'static str, usize, Form)> = PEOPLE
            .iter()
            .enumerate()
            .flat_map(|(slot, p)| p.names.iter().map(move |&(n, f)| (n, slot, f)))
            .collect();
        // Longest first, so "Wang Shoufeng" wins over "Wang".
        patterns.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        let parse = |s: &'static str| parse_template(s, &patterns);
        let in_group = |s: &'static str, group: usize| Template {
            group,
            ..parse_template(s, &patterns)
        };

        let mut bank = Bank {
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            headings: Vec::new(),
            titles: EXTRA_TITLES.iter().map(|s| parse(s)).collect(),
            zh_sentences: ZH_SENTENCES
                .iter()
                .enumerate()
                .map(|(k, s)| in_group(s, k))
                .collect(),
            zh_headings: ZH_HEADINGS.iter().map(|s| parse(s)).collect(),
            zh_titles: ZH_TITLES.iter().map(|s| parse(s)).collect(),
        };
        for source in SOURCES {
            let (title, body) = split_front_matter(source);
            if let Some(title) = title {
                bank.titles.push(parse(title));
            }
            for block in body.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
                if let Some(heading) = block.strip_prefix("## ") {
                    bank.headings.push(parse(heading));
                    bank.titles.push(parse(heading));
                    continue;
                }
                let group = bank.paragraphs.len();
                bank.paragraphs.push(in_group(block, group));
                for sentence in sentence_units(block) {
                    // Fragments ("Share", "For More:") stay as paragraphs only.
                    if sentence.len() >= 25 {
                        bank.sentences.push(in_group(sentence, group));
                    }
                }
            }
        }
        bank
    }
}

/// The front matter's top-level title (if any) and the body.
fn split_front_matter(file: &'static str) -> (Option<&'static str>, &'static str) {
    let Some(rest) = file.strip_prefix("---\n") else {
        return (None, file);
    };
    let Some(end) = rest.find("\n---\n") else {
        return (None, file);
    };
    let title = rest[..end]
        .lines()
        .find_map(|l| l.strip_prefix("title:"))
        .map(|t| t.trim().trim_matches('"'));
    (title, &rest[end + 5..])
}

/// Sentences, except that a quotation running over several sentences stays
/// whole: cutting "“Why leave? Because …,” said Zhang." in two would leave
/// quotes without speakers and speakers without quotes.
fn sentence_units(paragraph: &'static str) -> Vec<&'static str> {
    let mut units = Vec::new();
    let mut start = None;
    let mut depth = 0i32;
    let mut straight_open = false;
    let mut last_end = 0;
    for range in text::sentences(paragraph) {
        let s = &paragraph[range.clone()];
        let from = *start.get_or_insert(range.start);
        depth += s.matches('“').count() as i32 - s.matches('”').count() as i32;
        straight_open ^= s.matches('"').count() % 2 == 1;
        last_end = range.end;
        if depth <= 0 && !straight_open {
            units.push(&paragraph[from..range.end]);
            start = None;
            depth = 0;
        }
    }
    if let Some(from) = start {
        units.push(&paragraph[from..last_end]);
    }
    units
}

pub(super) fn parse_template(
    text: &'static str,
    patterns: &[(&'static str, usize, Form)],
) -> Template {
    let mut pieces = Vec::new();
    let mut literal = 0;
    let mut i = 0;
    while i < text.len() {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        match name_at(text, i, patterns).or_else(|| number_at(text, i)) {
            Some((end, piece)) => {
                if literal < i {
                    pieces.push(Piece::Text(&text[literal..i]));
                }
                pieces.push(piece);
                i = end;
                literal = end;
            }
            None => i += 1,
        }
    }
    if literal < text.len() {
        pieces.push(Piece::Text(&text[literal..]));
    }
    Template { pieces, group: 0 }
}

fn name_at(
    text: &str,
    i: usize,
    patterns: &[(&'static str, usize, Form)],
) -> Option<(usize, Piece)> {
    let rest = &text[i..];
    let prev = text[..i].chars().next_back();
    patterns.iter().find_map(|&(name, slot, form)| {
        if !rest.starts_with(name) {
            return None;
        }
        // Latin names must be whole words ("Jie", not the start of "Jiedu");
        // Chinese has no word boundaries to check.
        if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let next = rest[name.len()..].chars().next();
            if prev.is_some_and(char::is_alphanumeric) || next.is_some_and(char::is_alphanumeric) {
                return None;
            }
        }
        Some((i + name.len(), Piece::Name(slot, form)))
    })
}

fn number_at(text: &str, i: usize) -> Option<(usize, Piece)> {
    let b = text.as_bytes();
    if !b[i].is_ascii_digit() {
        return None;
    }
    // Not inside a word or identifier: "COVID-19", "mid-2022", "a1", URLs.
    let prev = text[..i].chars().next_back();
    if prev.is_some_and(|p| p.is_ascii_alphanumeric() || matches!(p, '-' | '/' | '.' | ',' | '_')) {
        return None;
    }
    let word_start = text[..i].rfind(char::is_whitespace).map_or(0, |w| w + 1);
    if text[word_start..i].contains(['/', '@', ':']) {
        return None;
    }
    let digits_from = |mut j: usize| {
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let mut j = digits_from(i);
    let first_group = j - i;
    let mut grouped = false;
    if first_group <= 3 {
        while j + 3 < b.len()
            && b[j] == b','
            && b[j + 1..j + 4].iter().all(u8::is_ascii_digit)
            && b.get(j + 4).is_none_or(|c| !c.is_ascii_digit())
        {
            grouped = true;
            j += 4;
        }
    }
    let int_end = j;
    let mut decimals = 0;
    if j + 1 < b.len() && b[j] == b'.' && b[j + 1].is_ascii_digit() {
        let end = digits_from(j + 1);
        decimals = end - j - 1;
        j = end;
    }
    let next = text[j..].chars().next();
    // "1990s", "5th", "3D": part of a word, so left alone.
    if next.is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let int: String = text[i..int_end]
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    if int.len() > 15 || (int.starts_with('0') && int.len() > 1) || int == "0" || decimals > 6 {
        return None;
    }
    let value: u64 = int.parse().ok()?;
    let plain = !grouped && decimals == 0;
    let num = match next {
        Some('月') if plain && (1..=12).contains(&value) => Num::Month,
        Some('日') if plain && (1..=31).contains(&value) => Num::Day,
        _ if plain
            && int.len() == 4
            && (1900..=2099).contains(&value)
            && next != Some('%')
            && !text[j..].starts_with(" percent") =>
        {
            Num::Year(value as u16)
        }
        _ if plain
            && int.len() <= 2
            && (1..=31).contains(&value)
            && MONTHS.iter().any(|m| text[..i].ends_with(&format!("{m} "))) =>
        {
            Num::Day
        }
        _ => Num::Quantity {
            digits: int.len() as u8,
            decimals: decimals as u8,
            grouped,
            zeros: if decimals == 0 {
                (int.len() - int.trim_end_matches('0').len()) as u8
            } else {
                0
            },
        },
    };
    Some((j, Piece::Number(num)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_spanning_sentences_stay_whole() {
        let units = sentence_units(
            "He left. “Why leave? Because there is no way,” said Zhang. “Now.” Then more.",
        );
        assert_eq!(
            units,
            [
                "He left.",
                "“Why leave? Because there is no way,” said Zhang.",
                "“Now.”",
                "Then more."
            ]
        );
    }
}

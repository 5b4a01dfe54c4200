//! Finding quotation marks: which marks open and close a quotation, with the
//! irregular typography real articles have.
//!
//! - Curly marks say which way they face; straight `"` and `'` open after a
//!   space or opening bracket and close otherwise.
//! - A single-quoted quotation may close with a double mark (‘…” occurs).
//! - `’` between letters is an apostrophe ("That’s"), never a closing mark.
//! - A `“` inside an open quotation is a nested quote if a closing mark follows
//!   within a few words (“Chinese “police stations” have…); otherwise it is a
//!   stray mark inside the quotation (… as “evidence. After …,”).
//! - A double quotation left open runs to the end of the paragraph; a single
//!   one left open is dropped, since a lone `‘` is far more often an apostrophe.

use std::ops::Range;

/// One quotation as marked up in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// Byte range of the opening mark.
    pub open: Range<usize>,
    /// Byte range of the closing mark; `None` when left unclosed.
    pub close: Option<Range<usize>>,
    /// The quoted words between the marks, whitespace trimmed.
    pub inner: Range<usize>,
}

impl Marked {
    /// Where the quotation, marks included, ends.
    pub fn outer_end(&self, text_len: usize) -> usize {
        self.close.as_ref().map_or(text_len, |c| c.end)
    }
}

/// How many words a nested quotation may run before we call its mark stray.
const NESTED_WORDS: usize = 8;
const NESTED_CHARS: usize = 120;

pub fn scan(text: &str) -> Vec<Marked> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    // For each position, the next mark that can close a single quotation,
    // found in one backward pass so that many unclosed `‘` stay linear.
    let mut next_single_close = vec![None; chars.len() + 1];
    for j in (0..chars.len()).rev() {
        let closes = closes_single(&chars, j) || chars[j].1 == '”';
        next_single_close[j] = if closes {
            Some(j)
        } else {
            next_single_close[j + 1]
        };
    }
    let end_of = |i: usize| chars.get(i + 1).map_or(text.len(), |&(p, _)| p);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let double = opens_double(&chars, i);
        let single = !double && opens_single(&chars, i);
        if !double && !single {
            i += 1;
            continue;
        }
        let close = if double {
            find_double_close(&chars, i + 1)
        } else {
            next_single_close[i + 1]
        };
        if single && close.is_none() {
            i += 1;
            continue;
        }
        let open = chars[i].0..end_of(i);
        let close_range = close.map(|k| chars[k].0..end_of(k));
        let inner_end = close_range.as_ref().map_or(text.len(), |c| c.start);
        out.push(Marked {
            inner: trim(text, open.end..inner_end),
            open,
            close: close_range,
        });
        i = close.map_or(chars.len(), |k| k + 1);
    }
    out
}

fn prev(chars: &[(usize, char)], i: usize) -> Option<char> {
    i.checked_sub(1).map(|j| chars[j].1)
}

fn next(chars: &[(usize, char)], i: usize) -> Option<char> {
    chars.get(i + 1).map(|&(_, c)| c)
}

fn opening_context(c: Option<char>) -> bool {
    c.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '【'
            )
    })
}

fn opens_double(chars: &[(usize, char)], i: usize) -> bool {
    match chars[i].1 {
        '“' | '„' | '«' => next(chars, i).is_some_and(|c| !c.is_whitespace()),
        '"' => {
            opening_context(prev(chars, i)) && next(chars, i).is_some_and(|c| !c.is_whitespace())
        }
        _ => false,
    }
}

fn opens_single(chars: &[(usize, char)], i: usize) -> bool {
    let letter_next = next(chars, i).is_some_and(char::is_alphanumeric);
    match chars[i].1 {
        '‘' => letter_next && !prev(chars, i).is_some_and(char::is_alphanumeric),
        '\'' => letter_next && opening_context(prev(chars, i)),
        _ => false,
    }
}

fn closes_double(chars: &[(usize, char)], i: usize) -> bool {
    match chars[i].1 {
        '”' | '»' => true,
        '"' => prev(chars, i).is_some_and(|c| !c.is_whitespace()),
        _ => false,
    }
}

/// `’` or `'` that ends a quotation rather than sitting inside a word.
fn closes_single(chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    if c != '’' && c != '\'' {
        return false;
    }
    let before = prev(chars, i);
    let after = next(chars, i);
    let apostrophe =
        before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric);
    !apostrophe && before.is_some_and(|c| !c.is_whitespace())
}

fn find_double_close(chars: &[(usize, char)], from: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if opens_double(chars, j) {
            if let Some(k) = nested_close(chars, j + 1) {
                j = k + 1;
                continue;
            }
        } else if closes_double(chars, j) {
            return Some(j);
        }
        j += 1;
    }
    None
}

/// The closing mark of a nested quotation, if one comes within a few words.
fn nested_close(chars: &[(usize, char)], from: usize) -> Option<usize> {
    let mut words = 0;
    let mut in_space = false;
    // Bounded in characters too, so a run of marks cannot make the scan quadratic.
    for j in from..chars.len().min(from + NESTED_CHARS) {
        let c = chars[j].1;
        if closes_double(chars, j) {
            return Some(j);
        }
        if c.is_whitespace() {
            if !in_space {
                words += 1;
                if words >= NESTED_WORDS {
                    return None;
                }
            }
            in_space = true;
        } else {
            in_space = false;
        }
    }
    None
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead == slice.len() {
        return range.start..range.start;
    }
    range.start + lead..range.end - trail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<(&str, bool)> {
        scan(text)
            .into_iter()
            .map(|m| (&text[m.inner], m.close.is_some()))
            .collect()
    }

    #[test]
    fn finds_quotations() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            (
                "He said “one two three four,” and left.",
                &[("one two three four,", true)],
            ),
            (
                "He said \"one two\" and 'three four' too.",
                &[("one two", true), ("three four", true)],
            ),
            (
                "‘We have no choice. That’s why we go.” Then.",
                &[("We have no choice. That’s why we go.", true)],
            ),
            (
                "‘Disillusioned about China’, more Chinese",
                &[("Disillusioned about China", true)],
            ),
            ("It’s the “run” movement, Xi’an’s don’t.", &[("run", true)]),
            (
                "as a “national rejuvenation.",
                &[("national rejuvenation.", false)],
            ),
            (
                "“Chinese “police stations” have also been identified here.",
                &[(
                    "Chinese “police stations” have also been identified here.",
                    false,
                )],
            ),
            (
                "“About 70% … as “evidence. After getting asylum, some return to the party,” Jie explained.",
                &[(
                    "About 70% … as “evidence. After getting asylum, some return to the party,",
                    true,
                )],
            ),
            ("“One,” he said. “Two.”", &[("One,", true), ("Two.", true)]),
            ("the ’90s and rock ’n’ roll", &[]),
            ("a lone ‘ mark", &[]),
            ("5' 10\" tall", &[]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text}");
        }
    }

    #[test]
    fn spans_point_at_the_marks() {
        let text = "x “ab cd” y";
        let m = &scan(text)[0];
        assert_eq!(&text[m.open.clone()], "“");
        assert_eq!(&text[m.close.clone().unwrap()], "”");
        assert_eq!(m.outer_end(text.len()), text.find(" y").unwrap());
    }
}

//! The short title of later notes (CMOS 18, 13.32): the main title before a
//! subtitle, of at most four words, without an initial "A", "An" or "The".
//!
//! The words are the source's own, in its own case and spelling: a short
//! title is cut from the title, never reworded. A front-matter
//! `short_title` overrides it when the cut reads badly.

/// The short form of `title`, or `None` when the title is already short.
pub fn short_title(title: &str) -> Option<String> {
    let main = main_title(title);
    let mut words: Vec<&str> = main.split_whitespace().collect();
    if words.len() > 1 && matches!(words[0], "A" | "An" | "The") {
        words.remove(0);
    }
    if words.len() > 4 {
        words.truncate(4);
        // "sharp rise in" → "sharp rise": a cut leaves no dangling word.
        while words.len() > 1 && is_function_word(words[words.len() - 1]) {
            words.pop();
        }
        if let Some(last) = words.last_mut() {
            *last = last.trim_end_matches([',', ';', ':', '.', '—', '–', '-']);
        }
    }
    let short = words.join(" ");
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (!short.is_empty() && short != title).then_some(short)
}

/// The title up to its subtitle: before a colon or a dash that sets one off,
/// or up to and including a question or exclamation mark that ends a clause.
fn main_title(title: &str) -> &str {
    let mut end = title.len();
    for (i, c) in title.char_indices() {
        let before = &title[..i];
        let after = &title[i + c.len_utf8()..];
        match c {
            ':' if after.starts_with(char::is_whitespace) => {
                end = i;
                break;
            }
            '?' | '!' | '？' | '！'
                if after.is_empty() || after.starts_with(char::is_whitespace) =>
            {
                end = i + c.len_utf8();
                break;
            }
            '—' | '–' if before.ends_with(' ') || after.starts_with(' ') => {
                end = i;
                break;
            }
            '-' if before.ends_with(' ') && after.starts_with([' ', '-']) => {
                end = i;
                break;
            }
            // A parenthetical is no part of a short title ("(test fixture)").
            '(' | '（' if before.ends_with(' ') => {
                end = i;
                break;
            }
            _ => {}
        }
    }
    title[..end].trim()
}

fn is_function_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "by"
            | "from"
            | "with"
            | "as"
            | "amid"
            | "about"
            | "over"
            | "into"
            | "under"
            | "after"
            | "before"
            | "is"
            | "are"
            | "was"
            | "its"
            | "their"
            | "his"
            | "her"
    )
}

#[cfg(test)]
mod tests {
    use super::short_title;

    #[test]
    fn a_question_ends_the_main_title() {
        assert_eq!(
            short_title(
                "Mass Exodus? ---Under Xi Jinping, the number of Chinese seeking asylum abroad has nearly reached 1.16 million"
            )
            .as_deref(),
            Some("Mass Exodus?")
        );
    }

    #[test]
    fn a_subtitle_after_a_colon_or_dash_is_left_out() {
        assert_eq!(
            short_title("Asylum Policy: Lessons from Three Decades").as_deref(),
            Some("Asylum Policy")
        );
        assert_eq!(
            short_title("The Long Road — Migrants in the Darién Gap").as_deref(),
            Some("Long Road")
        );
        assert_eq!(
            short_title("Budget 2025 - what it means for you").as_deref(),
            Some("Budget 2025")
        );
    }

    #[test]
    fn long_titles_keep_four_words_without_a_dangling_one() {
        assert_eq!(
            short_title("Growing Number of Chinese Fleeing China and Xi Jinping").as_deref(),
            Some("Growing Number of Chinese")
        );
        assert_eq!(
            short_title("U.S. reports sharp rise in people fleeing China amid ‘run’ movement")
                .as_deref(),
            Some("U.S. reports sharp rise")
        );
        assert_eq!(
            short_title("Minister announces funding for the new regional hospital").as_deref(),
            Some("Minister announces funding")
        );
    }

    #[test]
    fn short_titles_stay_as_they_are() {
        assert_eq!(short_title("Fleeing China"), None);
        assert_eq!(short_title("Why now?"), None);
        assert_eq!(short_title("The Exodus").as_deref(), Some("Exodus"));
        assert_eq!(short_title("Re-entry after 2020"), None);
    }
}

//! Escaping untrusted text (corpus text, spec values) so Markdown readers
//! print it literally instead of reading it as markup.
//!
//! Backslash-escaping every ASCII punctuation mark would be safe but would
//! make the Markdown unreadable as text, so only marks that some reader
//! (CommonMark, GFM, or pandoc's Markdown with its extensions) gives a
//! meaning are escaped, plus the line-start forms (lists, rules) that only
//! matter at the start of a line.

/// Characters that are markup wherever they stand. `@` (pandoc citations),
/// `$` (pandoc maths), `^`/`~` (super/subscript, strikethrough), `{}`
/// (attributes) and `&` (entities) are markup only to some readers, but a
/// brief is read by all of them.
const ALWAYS: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '^', '$', '@', '&', '{', '}',
];

/// Escapes text for an inline position (a paragraph, heading, cell or quote
/// line). Line breaks and runs of white space become one space: a newline in
/// corpus text must not start a new Markdown block.
pub fn inline(text: &str) -> String {
    line_start(run(&crate::text::one_line(text)))
}

/// Escapes a run of text that stands inside a line (an excerpt's span, set
/// between emphasis marks): as [`inline`], but its white space is kept, so
/// runs placed side by side keep their spacing. The caller applies
/// [`line_start`] to the run that opens a line and gives text with no line
/// breaks.
pub fn run(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if ALWAYS.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes the forms that are markup only at the start of a line: list
/// markers (`-`, `+`, `1.`, `1)`), thematic breaks and setext underlines.
/// (`*`, `#`, `>` and friends are escaped everywhere already.)
pub fn line_start(text: String) -> String {
    let bytes = text.as_bytes();
    match bytes.first() {
        Some(b'-' | b'+' | b'=') => format!("\\{text}"),
        Some(b'0'..=b'9') => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            match bytes.get(digits) {
                Some(b'.' | b')') => format!("{}\\{}", &text[..digits], &text[digits..]),
                _ => text,
            }
        }
        _ => text,
    }
}

/// A URL as a Markdown autolink when it is one (`<https://…>`); anything
/// else is escaped text, so a hostile "URL" cannot inject markup.
pub fn url(url: &str) -> String {
    let is_link = (url.starts_with("https://") || url.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>' || c.is_control());
    if is_link {
        format!("<{url}>")
    } else {
        inline(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_escaped() {
        let cases = [
            ("*bold* _it_", r"\*bold\* \_it\_"),
            ("see [^1] and [x](y)", r"see \[\^1\] and \[x\](y)"),
            ("<b>tag</b> &amp;", r"\<b\>tag\</b\> \&amp;"),
            ("a | b", r"a \| b"),
            (r"back\slash", r"back\\slash"),
            ("# not a heading", r"\# not a heading"),
            ("> not a quote", r"\> not a quote"),
            ("- not a list", r"\- not a list"),
            ("1. not a list", r"1\. not a list"),
            ("2023) not a list", r"2023\) not a list"),
            ("2023 was a year", "2023 was a year"),
            ("line one\n\n# two", r"line one \# two"),
            (
                "`code` $x$ @cite ~sub~ {.attr}",
                r"\`code\` \$x\$ \@cite \~sub\~ \{.attr\}",
            ),
            ("It's “fine”, 70% - ok.", "It's “fine”, 70% - ok."),
        ];
        for (input, expected) in cases {
            assert_eq!(inline(input), expected, "{input:?}");
        }
    }

    #[test]
    fn runs_keep_their_spaces() {
        assert_eq!(run(" a *b* "), r" a \*b\* ");
        assert_eq!(line_start(run("- x")), r"\- x");
    }

    #[test]
    fn urls_become_autolinks_only_when_safe() {
        assert_eq!(
            url("https://example.org/a?b=c"),
            "<https://example.org/a?b=c>"
        );
        assert_eq!(url("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(url("https://x.org/<script>"), r"https://x.org/\<script\>");
    }
}

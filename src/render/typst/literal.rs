//! Untrusted text as Typst string literals. A string literal is data: Typst
//! never reads markup, code or math inside one, so `#read("/etc/passwd")` in
//! an article stays those characters.

/// `text` as a Typst string literal, quotes included.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` placed in markup as literal text: an embedded string expression,
/// ended with `;` so a following `.` or `(` cannot continue the expression.
pub fn text(text: &str) -> String {
    format!("#{};", string(text))
}

/// The analyst's own text as Typst markup with every markup character
/// escaped, so it reads as typed. Quotation marks stay unescaped so Typst
/// sets them as typographic quotes, as it would in a hand-written document;
/// corpus text never comes through here (it is a string literal, verbatim).
///
/// `1.` opens a numbered list where it starts a line, so a `.` or `)` after
/// digits at the start of any line of `text` (or of `text` itself, which may
/// open a content block) is escaped.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // Whether everything since the line's start (or the run's) is indentation and digits.
    let mut line_start = true;
    let mut digits = false;
    for c in text.chars() {
        let numbering = matches!(c, '.' | ')') && line_start && digits;
        match c {
            c if typst::syntax::is_newline(c) => (line_start, digits) = (true, false),
            c if c.is_whitespace() && line_start && !digits => {}
            '0'..='9' if line_start => digits = true,
            _ => line_start = false,
        }
        let special = numbering
            || matches!(
                c,
                '\\' | '#'
                    | '*'
                    | '_'
                    | '`'
                    | '$'
                    | '<'
                    | '>'
                    | '@'
                    | '['
                    | ']'
                    | '='
                    | '-'
                    | '+'
                    | '/'
                    | '~'
            );
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An optional string as a literal or `none`.
pub fn opt(text: Option<&str>) -> String {
    text.map_or_else(|| "none".to_string(), string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_what_would_end_them() {
        assert_eq!(string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(string("line\nnext\u{7}"), r#""line\nnext\u{7}""#);
        assert_eq!(
            text("#read(\"/etc/passwd\")"),
            r##"#"#read(\"/etc/passwd\")";"##
        );
        assert_eq!(opt(None), "none");
    }

    #[test]
    fn markup_escapes_everything_but_quotes() {
        assert_eq!(
            markup(r#"#set "x" *y* _z_ `c` $m$ <l> @r [a] = - + // ~ \"#),
            r#"\#set "x" \*y\* \_z\_ \`c\` \$m\$ \<l\> \@r \[a\] \= \- \+ \/\/ \~ \\"#
        );
        assert_eq!(markup("1. Not a list"), "1\\. Not a list");
        assert_eq!(markup("2023 was a year."), "2023 was a year.");
        assert_eq!(markup("It rose 2.5 times."), "It rose 2.5 times.");
    }

    #[test]
    fn numbering_is_escaped_wherever_a_line_may_start() {
        assert_eq!(markup("a\n1. x\n  22) y"), "a\n1\\. x\n  22\\) y");
        assert_eq!(markup("a\n1x. y 3. z"), "a\n1x. y 3. z");
        // Typst also breaks lines at a carriage return and U+2028.
        assert_eq!(markup("a\r1. x\u{2028}2. y"), "a\r1\\. x\u{2028}2\\. y");
    }
}

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
}

//! Text on its way to a terminal. Corpus documents are untrusted, and a
//! terminal acts on control characters: ESC starts sequences that move the
//! cursor, clear the screen, set the window title or, in some terminals,
//! answer back as if typed. Everything `brief` prints passes through here
//! (see `cli::print` and `cli::report`), so no listing can forget it.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether a terminal could act on `c`: C0 controls, DEL and C1 controls.
/// Newline and tab are layout, which our own output uses.
fn acts(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` with every control character a terminal would act on written
/// out as `\u{1b}`, so the reader sees that it is there and the terminal
/// receives only printable text. A sequence loses its ESC (or CSI) and is
/// shown as the harmless characters that followed it.
pub fn visible(text: &str) -> Cow<'_, str> {
    escape(text, acts, |out, c| {
        write!(out, "\\u{{{:x}}}", u32::from(c))
    })
}

/// JSON from `serde_json` with DEL and the C1 controls, which it leaves raw
/// inside strings, written as `\u00XX` escapes: the same JSON value, which
/// a terminal can show safely. (C0 controls are escaped by `serde_json`
/// already, and none of these characters can occur outside a string.)
pub fn json_visible(json: &str) -> Cow<'_, str> {
    escape(json, beyond_c0, |out, c| {
        write!(out, "\\u{:04x}", u32::from(c))
    })
}

/// `text` with each character `needs` picks written by `write` instead;
/// borrowed when there is none.
fn escape(
    text: &str,
    needs: fn(char) -> bool,
    write: fn(&mut String, char) -> std::fmt::Result,
) -> Cow<'_, str> {
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs(c) {
            let _ = write(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// DEL and the C1 controls.
fn beyond_c0(c: char) -> bool {
    c.is_control() && u32::from(c) >= 0x7f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_sent() {
        assert_eq!(visible("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(
            visible("a\u{1b}[2Jb\u{7}c\rd\u{7f}e\u{9b}31mf"),
            "a\\u{1b}[2Jb\\u{7}c\\u{d}d\\u{7f}e\\u{9b}31mf"
        );
        for shown in [visible("\u{1b}]0;title\u{7}"), visible("x\u{0}\u{85}")] {
            assert!(!shown.chars().any(acts), "{shown:?}");
        }
    }

    #[test]
    fn json_stays_the_same_value() {
        let value = serde_json::json!({"text": "a\u{1b}[2J\u{7f}\u{9b}b\n"});
        let json = serde_json::to_string(&value).unwrap();
        let shown = json_visible(&json);
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        let back: serde_json::Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(back, value);
    }
}

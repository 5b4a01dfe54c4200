//! Facts about text that every stage needs, from loading the corpus to
//! rendering, kept below all of them so none imports another for them.

/// CJK ideographs and kana, which count as one word each and need a CJK font.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Corpus text as it flows in a brief: a paragraph's line breaks and runs of
/// white space become single spaces. The source's line breaks are where its
/// author's editor wrapped, not structure (that is in the paragraph list).
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

//! Stage 5: renderers. Each reads the same [`crate::brief::Brief`].

pub mod chart;
pub mod escape;
pub mod markdown;
pub mod typst;

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

//! Which characters no font can draw.
//!
//! Typst draws a character no font covers as an empty box ("tofu") and says
//! nothing, so a brief quoting a script the machine has no font for would
//! silently print boxes. The renderer asks first, from the font book's
//! coverage tables, without loading any font.

use std::collections::HashSet;

use typst::text::is_default_ignorable;

use crate::render::fonts::Fonts;

/// The characters of `text` that neither the `families` nor, like Typst's
/// own fallback, any other font in the book covers; each reported once, in
/// order of first appearance. Whitespace, control and default-ignorable
/// characters (joiners, variation selectors) need no glyph and are skipped.
pub fn missing_glyphs(fonts: &Fonts, text: &str, families: &[&str]) -> Vec<char> {
    let book = fonts.book();
    let wanted: Vec<usize> = families
        .iter()
        .flat_map(|family| {
            book.select_family(&family.to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect();
    let covered_by = |index: usize, c: char| {
        book.info(index)
            .is_some_and(|info| info.coverage.contains(u32::from(c)))
    };
    let mut seen = HashSet::new();
    let mut missing = Vec::new();
    for c in text.chars() {
        let needs_glyph = !(c.is_whitespace() || c.is_control() || is_default_ignorable(c));
        if !needs_glyph || !seen.insert(c) {
            continue;
        }
        let covered = wanted.iter().any(|&i| covered_by(i, c))
            || book
                .families()
                .any(|(_, mut ids)| ids.any(|i| covered_by(i, c)));
        if !covered {
            missing.push(c);
        }
    }
    missing
}

//! A paragraph that ends by introducing the quotation of the next one:
//! "Lund answered the critics:" then a paragraph that is all quotation.
//! The sentence before the colon is read as if the quote stood right after
//! it, with the same sieves, so the same rules say who presents it.

use super::attribute::{Speaker, State, subject_mention, words};
use super::mention::Who;
use super::sieves;
use crate::extract::text;

/// The named speaker a paragraph without quotation marks introduces by
/// ending its last sentence with a colon; `None` when the sentence names
/// no one by a verb of speech or of presenting ("The letter reads:") and
/// has no named person for its subject.
pub fn source(text: &str, state: &mut State) -> Option<Speaker> {
    if !text.trim_end().ends_with(':') {
        return None;
    }
    let last = text::sentences(text).pop()?;
    let mut ws = words(&text[last]);
    ws.drain(..super::dateline::len(&ws));
    let subject = subject_mention(&ws);
    if let Some(found) = sieves::before(&ws, subject.as_ref(), true) {
        let speaker = state.speaker(&found.mention);
        return speaker.name.is_some().then_some(speaker);
    }
    // "Roe issued the following statement:": a named person as the
    // subject of the sentence the colon ends presents what follows.
    // A verb and its object after the subject: "Transcript:" is a label.
    let (m, used) = subject?;
    if !matches!(m.who, Who::Name(_)) || used + 1 >= ws.len() {
        return None;
    }
    let speaker = state.speaker(&m);
    speaker.is_full_person().then_some(speaker)
}

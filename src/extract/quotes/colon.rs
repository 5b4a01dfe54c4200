//! A paragraph that ends by introducing the quotation of the next one:
//! "Lund answered the critics:" then a paragraph that is all quotation.
//! The sentence before the colon is read as if the quote stood right after
//! it, with the same sieves, so the same rules say who presents it.

use super::attribute::{Speaker, State, subject_mention, words};
use super::mention::{self, Who};
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
    // "Minister Roe:", "Mayor Tom Kerr:": a label that is a person's name
    // with their role and nothing else, as a release sets a quotation
    // under it. Without a role a label is as likely a heading ("Media
    // Contact:", "Key Quotes:"), and one in capitals always is ("WHAT THEY
    // SAID:"); an owner ("Editor’s Note:") is no role.
    // Its words are capitals and the joins of an office ("Mayor of
    // Springfield"): a sentence ("Frank quotes former adviser Kahn:") is
    // read by the rules above.
    if ws.iter().all(mention::in_capitalised_office)
        && let Some((m, used)) = mention::read(&ws, true)
        && used == ws.len()
        && matches!(m.who, Who::Name(_))
        && m.role
            .as_deref()
            .is_some_and(|r| !r.ends_with("’s") && !r.ends_with("'s"))
        && text.chars().any(char::is_lowercase)
    {
        let speaker = state.speaker(&m);
        if !speaker.org && speaker.name.is_some() {
            return Some(speaker);
        }
    }
    // "Roe issued the following statement:": a named person as the
    // subject of the sentence the colon ends presents what follows.
    // A verb and its object after the subject: "Transcript:" is a label.
    let (m, used) = subject?;
    // A heading in title case ("Statement From The Premier:") has no verb
    // in lowercase after its capitals.
    if !matches!(m.who, Who::Name(_))
        || used + 1 >= ws.len()
        || !ws[used].core.starts_with(char::is_lowercase)
    {
        return None;
    }
    let speaker = state.speaker(&m);
    speaker.is_full_person().then_some(speaker)
}

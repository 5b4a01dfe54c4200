//! Stage one of attribution: from a quotation to a *mention* of its speaker.
//!
//! An ordered series of sieves, each a small rule with a name; the first
//! that finds a mention wins, and its name goes with the quote (`sieve` in
//! `brief corpus quotes --json`) so that a wrong speaker can be traced. The
//! order runs from the surest evidence (an attribution beside the quote) to
//! the weakest (a paragraph of quotation after someone else's). A rule that
//! is unsure finds nothing: a missing speaker is better than a wrong one.
//! Stage two, from mention to speaker, is [`super::attribute::State::speaker`].

use super::attribute::{Word, is_speech_verb, word_iter, words, words_from_end};
use super::mention::{self, Mention, Who};
use crate::extract::lower::lower;
use crate::extract::wordmap::WordSet;

/// Verbs by which a subject presents a quotation that are not verbs of
/// saying as such: "X called Trump a “…”", "X vowed to “…”".
const PRESENTING_VERBS: &[&str] = &[
    "called",
    "calls",
    "calling",
    "described",
    "describes",
    "describing",
    "dubbed",
    "branded",
    "labeled",
    "labelled",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "pledging",
    "promised",
    "promises",
    "promising",
    "urged",
    "urges",
    "urging",
    "praised",
    "blasted",
    "slammed",
    "ripped",
    "accused",
    "criticized",
    "criticised",
    "dismissed",
    "lauded",
    "touted",
    "boasted",
    "joked",
    "jokes",
    "mocked",
    "quipped",
    "tweeted",
    "tweeting",
    "posted",
    "writing",
    "telling",
    "asking",
    "declaring",
    "warning",
    "arguing",
    "insisting",
    "predicted",
    "predicts",
    "responded",
    "responds",
    "countered",
    "announced",
    "announces",
    "testified",
    "emailed",
    "texted",
    "chanted",
    "sang",
    "sings",
    "yelled",
    "screamed",
    "snapped",
    "scoffed",
    "mused",
    "maintained",
    "contended",
    "charged",
    "cautioned",
    "suggested",
    "suggests",
    "concludes",
    "concluding",
    "continues",
    "recalling",
    "shot",
    "proclaimed",
    "proclaims",
    "pleaded",
    "begged",
    "demanded",
    "demands",
    "complains",
    "bemoaned",
    "decried",
    "denounced",
    "condemned",
    "hailed",
    "welcomed",
    "thanked",
    "apologized",
    "apologised",
    "swore",
    "emphasized",
    "emphasised",
    "emphasizes",
    "stressed",
    "stresses",
    "interjected",
    "admits",
    "groused",
    "grumbled",
    "griped",
    "bragged",
    "hinted",
    "reiterated",
    "reiterates",
    "questioned",
    "chided",
    "chiding",
    "retorted",
    "cited",
    "cites",
    "characterized",
    "characterised",
    "alleged",
    "alleges",
    "alleging",
    "affirmed",
    "vowing",
    "warns",
    "sneered",
    "estimated",
    "estimates",
    "sniped",
    "worried",
    "worries",
    "referred",
    "labeling",
    "labelling",
    "labels",
    "dubbing",
    "credited",
    "referenced",
    "attacking",
    "dismissing",
    "endorsed",
    "endorsing",
    "lamenting",
    "proclaiming",
    "accuses",
    "accusing",
    "assails",
    "needled",
    "pondered",
    "responding",
    "remarking",
    "citing",
    "chanting",
    "shouting",
    "condemning",
    "echoed",
    "echoing",
    "yelling",
    "screaming",
];

/// Verbs of speech and presenting verbs in one table: [`is_verb`] is asked
/// of most words near a quotation, and one lookup costs half of two.
static VERB: WordSet<1024> = WordSet::of_lowercase_lists(&[
    (crate::extract::text::SPEECH_VERBS, ()),
    (PRESENTING_VERBS, ()),
]);

/// Words that may stand between a mention and its verb ("X also said").
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "then",
    "once",
    "simply",
    "reportedly",
    "further",
    "recently",
    "previously",
    "earlier",
    "again",
    "publicly",
    "repeatedly",
    "has",
    "had",
    "have",
    "is",
    "was",
    "would",
    "will",
    "just",
    "quickly",
    "flatly",
    "bluntly",
    "angrily",
    "calmly",
    "even",
    "himself",
    "herself",
    "themselves",
    "itself",
    "now",
];
static BETWEEN_WORD: WordSet<64> = WordSet::of_lowercase(BETWEEN);

/// "Ai Weiwei, the Chinese dissident artist and activist reportedly told":
/// after the subject's comma, a description that runs to the verb.
fn appositive(ws: &[Word], used: usize, verb: usize) -> bool {
    used > 0
        && used < verb
        && ws[used - 1].closed
        && matches!(ws[used].core, "the" | "a" | "an")
        && ws[used..verb].iter().all(|w| !w.closed && !is_verb(w.core))
        && verb - used <= 10
}

/// "George Roe of The Nation wrote": the subject's outlet or place, in
/// capitals after "of", "at" or "from", between the name and its verb.
fn affiliation(ws: &[Word]) -> bool {
    let rest = match ws.first() {
        Some(w) if matches!(w.core, "of" | "at" | "from") && !w.closed => &ws[1..],
        _ => ws,
    };
    !rest.is_empty()
        && rest.len() <= 5
        && rest[..rest.len() - 1].iter().all(|w| !w.closed)
        && rest
            .iter()
            .all(|w| w.core.starts_with(char::is_uppercase) || w.core == "the")
}

/// Words between a subject and its verb: auxiliaries, "also", adverbs in -ly.
fn is_between(w: &str) -> bool {
    BETWEEN_WORD.contains_folded(w)
        || (w.len() > 4 && w.ends_with("ly") && w.starts_with(char::is_lowercase))
}

fn is_speech(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_lowercase()) && is_speech_verb(w)
}

/// A verb that presents a quotation; written lowercase ("States" is a name).
pub fn is_verb(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_lowercase()) && VERB.contains_folded(w)
}

/// A mention found for a quote, with the words that attribute it and the rule that found it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub mention: Mention,
    pub evidence: String,
    pub sieve: &'static str,
    /// The attribution stands right beside the quote: a short quotation with
    /// it is speech, not a scare quote.
    pub adjacent: bool,
}

fn found(mention: Mention, ws: &[Word], sieve: &'static str, adjacent: bool) -> Found {
    Found {
        mention,
        evidence: super::attribute::join_cores(ws),
        sieve,
        adjacent,
    }
}

/// The sieves that read the words right after a quotation (or between the
/// parts of an interrupted one): `“…,” X said`, `“…,” said X`,
/// `“…,” according to X`, `“…” ― X`.
pub fn after(text: &str) -> Option<Found> {
    let trimmed = text.trim_start();
    // Dash credit: `“…” ― Pamela Padilla`.
    if let Some(rest) = trimmed
        .strip_prefix('―')
        .or_else(|| trimmed.strip_prefix('—'))
        .or_else(|| trimmed.strip_prefix("--"))
        .or_else(|| trimmed.strip_prefix('–'))
    {
        let ws: Vec<Word> = word_iter(rest).take(8).collect();
        if let Some((m, used)) = mention::read(&ws, false)
            && matches!(m.who, Who::Name(_))
            && (used == ws.len() || ws[used - 1].closed)
        {
            return Some(found(m, &ws[..used], "dash-credit", true));
        }
        return None;
    }
    let ws: Vec<Word> = word_iter(text).take(24).collect();
    let first = ws.first()?;
    if &*lower(first.core) == "according" && ws.get(1).is_some_and(|w| w.core == "to") {
        let (m, k) = mention::read(&ws[2..], false)?;
        return Some(found(m, &ws[..2 + k], "according-to", true));
    }
    if let Some(f) = super::as_clause::after(&ws) {
        return Some(f);
    }
    // `said X`: the verb first, then the mention.
    if is_speech(first.core) {
        let (m, k) = mention::read(&ws[1..], true)?;
        return Some(found(m, &ws[..1 + k], "quote-verb-speaker", true));
    }
    // `“…,” remembered Roy Verley.`: any verb of manner, when a name that
    // ends the clause follows it.
    if is_manner_verb(first.core)
        && let Some((m, k)) = mention::read(&ws[1..], true)
        && matches!(m.who, Who::Name(_))
        && (1 + k == ws.len() || ws[k].closed)
    {
        return Some(found(m, &ws[..1 + k], "quote-verb-speaker", true));
    }
    // `X said`: a mention that runs up to the verb.
    // The first verb of either kind: "Axelrod tweeted after Clinton
    // argued" is attributed by "tweeted", not by the speech verb after it.
    let speech = ws.iter().take(20).position(|w| is_speech(w.core));
    let any = ws.iter().take(6).position(|w| is_verb(w.core));
    let verb = match (speech, any) {
        // Not a verb inside an aside: "Warren, who has not endorsed a
        // candidate, told reporters".
        (Some(s), Some(a)) if ws[..a].iter().all(|w| !w.closed) => Some(s.min(a)),
        (Some(s), Some(_)) => Some(s),
        (s, a) => s.or(a),
    }
    .or_else(|| manner_after_name(&ws));
    let Some(verb) = verb else {
        return long_aside(text);
    };
    // "“…,” Melanie said yes, yes": an answer to the quotation, not its
    // attribution.
    if !ws[verb].closed
        && ws
            .get(verb + 1)
            .is_some_and(|w| matches!(w.core, "yes" | "no" | "Yes" | "No"))
    {
        return None;
    }
    let mut end = verb;
    while end > 0 && is_between(ws[end - 1].core) && !ws[end - 1].closed {
        end -= 1;
    }
    let m = match mention::read(&ws[..end], true) {
        Some((m, used)) if used == end || set_off(&m, &ws, used, end) => m,
        _ => role_prefixed(&ws[..end])?,
    };
    // An unnamed speaker as the older grammar reads it ("one man", "the bank").
    let m = match m.who {
        // "a spokesperson for Senator Roe": described, unnamed.
        Who::Desc { ref text, ref head } if mention::speaks_for_someone(text, head) => m,
        Who::Desc { .. } => match super::attribute::parse_np(&ws[..end]) {
            Some((np @ super::attribute::Np::Desc { .. }, k)) if k == end => Mention::from_np(np),
            _ => return None,
        },
        _ => m,
    };
    Some(found(m, &ws[..=verb], "quote-speaker-verb", true))
}

/// `“…,” CBS This Morning co-anchor Dana Reel said`, `Fight for $15
/// organizing director Kendall Fells told`: a long or odd description the
/// mention grammar does not read, ended by a role noun, then a name of two
/// or three words right before the verb. One phrase, no comma and no verb
/// in it; the description becomes the role.
fn role_prefixed(ws: &[Word]) -> Option<Mention> {
    if ws.len() > 12 || ws.iter().any(|w| w.closed || is_verb(w.core)) {
        return None;
    }
    let s = (ws.len().saturating_sub(3)..ws.len().saturating_sub(1)).find(|&s| {
        s > 0 && {
            let noun = ws[s - 1].core.rsplit('-').next().unwrap_or("");
            mention::is_role_noun(noun) || matches!(&*lower(noun), "anchor" | "host")
        }
    })?;
    let (mut m, used) = mention::read(&ws[s..], false)?;
    if used != ws.len() - s
        || !matches!(&m.who, Who::Name(n) if n.split(' ').count() >= 2)
        || !ws[s..]
            .iter()
            .all(|w| w.core.starts_with(char::is_uppercase))
    {
        return None;
    }
    m.role = Some(super::attribute::join_cores(&ws[..s]));
    Some(m)
}

/// Whether one of the last three words of `text` may be the verb of an `X
/// said` reading by [`after`]: every verb that reading takes is a word
/// [`is_manner_verb`] accepts. A caller that needs the verb among the last
/// words (a sentence ending "…, Schiff said.") asks this first: most
/// sentences end without one, and reading them whole cost more than the
/// rest of that check. Read from the end: only the last words are split.
pub fn may_end_with_verb(text: &str) -> bool {
    words_from_end(text).take(3).any(|w| is_manner_verb(w.core))
}

/// Verbs that say how something was said ("barked", "fumed", "opined"),
/// read only right after a quotation, where a name and such a verb can only
/// be its attribution: before a quotation "X started a “…”" is no speech.
const MANNER_VERBS: &[&str] = &[
    "agrees",
    "assured",
    "assures",
    "barked",
    "began",
    "begins",
    "chimed",
    "cracked",
    "exclaimed",
    "fumed",
    "gushed",
    "marveled",
    "marvelled",
    "offered",
    "opined",
    "opines",
    "pointed",
    "points",
    "reacted",
    "reasoned",
    "remembered",
    "remembers",
    "sighed",
    "started",
    "teased",
    "thundered",
    "wondered",
];

static MANNER: WordSet<128> = WordSet::of_lowercase(MANNER_VERBS);

/// A verb of saying or of its manner, written lowercase: a past tense in
/// "-ed" too, since the place right after a quotation leaves no other reading.
fn is_manner_verb(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_lowercase())
        && (is_verb(w) || MANNER.contains_folded(w) || (w.len() > 4 && w.ends_with("ed")))
}

/// `“…,” Trump, the GOP front-runner nationally and the polling leader in
/// South Carolina by a wide margin after winning New Hampshire, said`: a
/// name, then a description opened by an article and set off by commas
/// that runs past the words [`after`] reads, then a verb of speech.
fn long_aside(text: &str) -> Option<Found> {
    const MAX_ASIDE: usize = 30;
    // Most text after a quotation is no such thing: the shape is checked
    // on the words before the mention reader is asked.
    if !text.trim_start().starts_with(char::is_uppercase) {
        return None;
    }
    let ws: Vec<Word> = word_iter(text).take(MAX_ASIDE + 8).collect();
    let used = 1 + ws.iter().take(5).position(|w| w.closed)?;
    if !matches!(ws.get(used)?.core, "the" | "a" | "an") {
        return None;
    }
    let close = used + ws[used..].iter().position(|w| w.closed)?;
    let verb = ws.get(close + 1)?;
    if close - used >= MAX_ASIDE
        || !is_speech(verb.core)
        || !ws[close].raw.ends_with(',')
        || ws[used..=close].iter().any(|w| is_speech(w.core))
    {
        return None;
    }
    let (m, read) = mention::read(&ws[..used], false)?;
    (read == used && matches!(m.who, Who::Name(_)))
        .then(|| found(m, &ws[..=close + 1], "quote-speaker-verb", true))
}

/// `“…,” Toomey fumed`, `“…?” Toomey went on`: the verb right after a name
/// of one to four words (no other verb was found in the words after the quote).
fn manner_after_name(ws: &[Word]) -> Option<usize> {
    (1..ws.len().min(5)).find(|&k| {
        (is_manner_verb(ws[k].core)
            || ws[k].core == "went" && ws.get(k + 1).is_some_and(|w| w.core == "on"))
            && !ws[k - 1].closed
            && ws[..k]
                .iter()
                .all(|w| w.core.starts_with(char::is_uppercase))
    })
}

/// A name set off from its verb by commas: `Blunt, after a long pause,
/// said`, `Jeff Sessions, a close adviser to Trump, told AFP`. The words
/// between are a description or an aside, never a clause with its own verb
/// of speech.
fn set_off(m: &Mention, ws: &[Word], used: usize, end: usize) -> bool {
    // "Doug Andres, a spokesman for Speaker Paul Ryan told the Post": the
    // comma that should close the description is missing; a full name and
    // a description with a noun of office still set it off.
    let unclosed = matches!(&m.who, Who::Name(n) if n.contains(' '))
        && matches!(ws.get(used).map(|w| w.core), Some("a" | "an" | "the"))
        && ws[used..end].iter().any(|w| mention::is_role_noun(w.core));
    matches!(m.who, Who::Name(_))
        && used > 0
        && ws[used - 1].closed
        && (ws[end - 1].closed || unclosed)
        && end - used <= 12
        && ws[used..end].iter().all(|w| !is_speech(w.core))
}

/// Whether a mention right after `before` would continue a prepositional
/// phrase: the capitalised words and articles just before it follow a
/// preposition ("by The Associated", "for the few years" is not: "few" ends it).
fn in_prepositional_phrase(before: &[Word]) -> bool {
    before
        .iter()
        .rev()
        .find(|w| {
            !(w.core.starts_with(char::is_uppercase) || matches!(w.core, "the" | "a" | "an"))
                || w.closed
        })
        .is_some_and(|w| !w.closed && is_preposition(w.core))
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "by" | "of" | "to" | "from" | "with" | "for" | "at" | "on" | "in" | "about" | "against"
    )
}

/// A label before a colon: `CBS reporter Jane Roe: “…”`. Headings are no
/// speakers: an all-capitals label, or one that is not a mention as a whole.
/// `HEADLINE - Name: “…”` credits the name after the dash.
pub fn label(before: &str) -> Option<Found> {
    let b = before.trim_end();
    let label = b.strip_suffix(':')?;
    let label = label
        .rsplit_once(" - ")
        .or_else(|| label.rsplit_once(" — "))
        .or_else(|| label.rsplit_once(" – "))
        .map_or(label, |(_, name)| name)
        .trim();
    if !label.chars().any(char::is_lowercase) {
        return None;
    }
    let ws = words(label);
    if ws.is_empty() || ws.len() > 8 {
        return None;
    }
    let (m, used) = mention::read(&ws, false)?;
    if used != ws.len() || !matches!(m.who, Who::Name(_)) {
        return None;
    }
    Some(found(m, &ws, "label", true))
}

/// `X said … “…”`, `X called Y “…”`, `X reacted, saying: “…”`: a verb
/// before the quote in its sentence, and the mention that is its subject:
/// the words right before the verb, or the sentence's subject when the verb
/// is a participle ("saying", "adding") or follows it directly.
/// `lead` says `ws` is the sentence's opening up to the quote, which the
/// subject's word count refers to.
pub fn before(ws: &[Word], subject: Option<&(Mention, usize)>, lead: bool) -> Option<Found> {
    if let Some(f) = super::as_clause::before(ws) {
        return Some(f);
    }
    if let Some(i) = ws
        .windows(2)
        .position(|p| p[1].core == "to" && &*lower(p[0].core) == "according")
        && let Some((m, k)) = mention::read(&ws[i + 2..], false)
    {
        return Some(found(m, &ws[i..i + 2 + k], "according-to", false));
    }
    if let Some(f) = inverted(ws) {
        return Some(f);
    }
    // Verbs from the right: the one nearest the quote first.
    let verbs: Vec<usize> = (0..ws.len())
        .rev()
        .filter(|&v| is_verb(ws[v].core))
        .take(3)
        .collect();
    for v in verbs {
        if let Some(f) = before_verb(ws, v, subject, lead) {
            return Some(f);
        }
    }
    None
}

/// `Said Roe, “…”`, `…, explained Roe, “…”`: a verb of speech that opens
/// its clause, then a name that runs up to the quote.
fn inverted(ws: &[Word]) -> Option<Found> {
    let n = ws.len();
    let v = (n.saturating_sub(6)..n).rev().find(|&k| {
        let w = ws[k].core;
        let speech = is_speech(w) || (k == 0 && is_speech_verb(&lower(w)));
        speech && !ws[k].closed && (k == 0 || ws[k - 1].closed)
    })?;
    let (m, used) = mention::read(&ws[v + 1..], false)?;
    (matches!(m.who, Who::Name(_)) && v + 1 + used == n && ws[n - 1].closed)
        .then(|| found(m, &ws[v..], "verb-speaker-quote", true))
}

/// The speaker of `…, who said, “…”`: the name that ends at the comma
/// before "who" (the verb at `v`, `j` where the words between it and its
/// subject start). Only a name: "the report, which said" is no one, and a
/// description before "who" ("a voter, who said") is left to later sieves.
fn relative_speaker(ws: &[Word], v: usize, j: usize, adjacent: bool) -> Option<Found> {
    if j < 2 || ws[j - 1].core != "who" || !ws[j - 2].closed || !ws[j - 2].raw.ends_with(',') {
        return None;
    }
    let end = j - 1;
    // The nearest start whose mention runs exactly to the comma; a name is
    // at most a title, three words and an affiliation in brackets.
    (end.saturating_sub(8)..end).find_map(|start| {
        if start > 0 && !ws[start - 1].closed && ws[start - 1].core.starts_with(char::is_uppercase)
        {
            return None;
        }
        let (m, used) = mention::read(&ws[start..end], false)?;
        (used == end - start && matches!(m.who, Who::Name(_)))
            .then(|| found(m, &ws[start..=v], "relative-speaker", adjacent))
    })
}

/// [`before`] for the verb at `v`.
fn before_verb(
    ws: &[Word],
    v: usize,
    subject: Option<&(Mention, usize)>,
    lead: bool,
) -> Option<Found> {
    let adjacent = ws[v + 1..].is_empty();
    // "X was asked by Y": the asker is Y.
    if ws.get(v + 1).is_some_and(|w| w.core == "by")
        && !ws
            .get(v + 2)
            .is_some_and(|w| w.core.ends_with("ing") && w.core.starts_with(char::is_lowercase))
    {
        let (m, k) = mention::read(&ws[v + 2..], false)?;
        return Some(found(m, &ws[v..v + 2 + k], "asked-by", adjacent));
    }
    let gerund = ws[v].core.ends_with("ing");
    // The words right before the verb (skipping "also", "has", "cynically"…).
    let mut j = v;
    while j > 0 && is_between(ws[j - 1].core) && !ws[j - 1].closed {
        j -= 1;
    }
    // "… and said", "…, saying": the verb's subject is the sentence's.
    let coordinated = j > 0 && (matches!(ws[j - 1].core, "and" | "but") || ws[j - 1].closed);
    // "…, Spicer said, adding, “…”": the clause just before names who adds.
    if gerund && j > 1 && ws[j - 1].closed && is_speech(ws[j - 1].core) {
        let c = ws[..j - 1]
            .iter()
            .rposition(|w| w.closed)
            .map_or(0, |c| c + 1);
        if let Some((m, used)) = mention::read(&ws[c..j - 1], false)
            && used == j - 1 - c
            && matches!(
                m.who,
                Who::Name(_) | Who::Pronoun(_) | Who::Role { .. } | Who::FirstPerson
            )
        {
            return Some(found(m, &ws[c..=v], "speaker-verb-adding", adjacent));
        }
    }
    // "… cosponsored by Rep. Dana Roe (D-Maine), who said, “…”": the
    // name the relative clause follows speaks.
    if let Some(f) = relative_speaker(ws, v, j, adjacent) {
        return Some(f);
    }
    // "Gov. Ann Roe (R-OH), said, “…”": a name set off by a stray comma
    // is the subject, not the sentence's fronted place.
    if let Some(f) = set_off_subject(ws, v, j, gerund, adjacent) {
        return Some(f);
    }
    if !coordinated && j > 0 {
        // Read back to where a mention could start.
        let mut s = j;
        while s > 0 && !ws[s - 1].closed && j - s < 10 {
            s -= 1;
        }
        for start in s..j {
            // "a letter obtained by The Associated Press warns": the object
            // of a preposition is not the verb's subject; "with Roe
            // yelling" is the subject of the participle.
            if in_prepositional_phrase(&ws[s..start])
                && !(gerund && start > 0 && ws[start - 1].core == "with")
            {
                continue;
            }
            // "A spokesperson for Prime Minister Kwame Mensah said": the
            // one spoken for is not the subject ("Trump reminds me of
            // Abraham Lincoln saying" is Lincoln's).
            if start > 0 && mention::speaks_for(&lower(ws[start - 1].core), ws[start].core) {
                continue;
            }
            // "Senators Ruth Ellery and Mark Dunmore said": two people
            // speak, not the second alone (nor the end of that name). An
            // office after the "and" joins a portfolio's words instead:
            // "Office of Children and Family Services Commissioner Jane Roe".
            if start >= 2
                && matches!(ws[start - 1].core, "and" | "&")
                && !ws[start - 2].closed
                && ws[start - 2].core.starts_with(char::is_uppercase)
                && !ws[start..j].iter().any(|w| {
                    w.core.starts_with(char::is_uppercase) && mention::is_role_noun(w.core)
                })
            {
                break;
            }
            if let Some((m, used)) = mention::read(&ws[start..j], false)
                && used == j - start
                && !matches!(m.who, Who::Desc { .. })
                // "X issued a statement saying": a thing before a
                // participle is the object of the sentence's verb.
                && (!gerund
                    || matches!(
                        m.who,
                        Who::Name(_) | Who::Pronoun(_) | Who::Role { .. } | Who::FirstPerson
                    ))
                // "…, which the Tax Office estimates would cost …, would
                // risk “…”": the subject of a relative clause presents nothing.
                // "…, to which Roe replied: “…”" answers: the relative
                // clause is the reply itself.
                && !ws[s..start].iter().enumerate().any(|(k, w)| {
                    matches!(w.core, "which" | "whom")
                        && !(k > 0 && ws[s + k - 1].core == "to" && s + k + 1 == start)
                })
            {
                let sieve = if is_speech(ws[v].core) {
                    "speaker-verb-quote"
                } else {
                    "speaker-presents-quote"
                };
                return Some(found(m, &ws[start..=v], sieve, adjacent));
            }
        }
    }
    // A participle or a verb after the subject: the sentence's subject speaks.
    let (m, used) = subject?;
    if !matches!(
        m.who,
        Who::Name(_) | Who::Pronoun(_) | Who::Role { .. } | Who::Np(_)
    ) {
        return None;
    }
    let after_subject = lead
        && *used <= v
        && (ws[*used..v].iter().all(|w| is_between(w.core))
            || appositive(ws, *used, j)
            || affiliation(&ws[*used..j]));
    if (gerund || coordinated) && lead && *used <= v || after_subject {
        return Some(found(m.clone(), &ws[v..=v], "subject-verb-quote", adjacent));
    }
    // After an earlier quotation of the same sentence: `X needled the
    // “reporter,” saying, “…”`, `X shared a post called “…” on his page,
    // writing “…”`: a participle with no verb or name of its own before it.
    if !lead
        && gerund
        && matches!(m.who, Who::Name(_))
        && j <= 8
        && ws[..j]
            .iter()
            .all(|w| !is_verb(w.core) && !w.core.ends_with('.'))
    {
        return Some(found(m.clone(), &ws[v..=v], "subject-verb-quote", adjacent));
    }
    None
}

/// `Gov. Ann Roe (R-OH), said, “…”`, `The group's leader, Ann Roe,
/// warned`: a verb (not a participle) right after a comma, and a clause
/// before it that is a full name (two words or more, every one capitalised)
/// and nothing else. Read before the sentence's subject, which a fronted
/// place ("In Berea, OH, …") can leave misread. A single word is left to the
/// subject: after "a delegate from California," or "in Columbus, Ohio," it
/// is a place.
fn set_off_subject(ws: &[Word], v: usize, j: usize, gerund: bool, adjacent: bool) -> Option<Found> {
    if gerund || j < 2 || !ws[j - 1].raw.ends_with(',') {
        return None;
    }
    let clause_start = |end: usize| {
        ws[..end]
            .iter()
            .rposition(|w| w.closed)
            .map_or(0, |c| c + 1)
    };
    let mut c = clause_start(j - 1);
    let mut end = j;
    // "Sen. Ann Roe, R-Ariz., said": the party tag is no name.
    if c + 1 == j && is_party_tag(ws[c].core) {
        if c == 0 {
            return None;
        }
        end = c;
        c = clause_start(c - 1);
    }
    let chunk = &ws[c..end];
    if chunk.len() < 2
        || !chunk
            .iter()
            .all(|w| w.raw.starts_with(|ch: char| ch.is_uppercase() || ch == '('))
    {
        return None;
    }
    let (mut m, used) = mention::read(chunk, false)?;
    if used != chunk.len() || !matches!(m.who, Who::Name(_)) {
        return None;
    }
    // "The Secretary for Health, Professor Lau Kin-wah, said": the office
    // set off before the name is the role, over a title of address.
    if c >= 2 && m.role.as_deref().is_none_or(|r| !r.contains(' ')) {
        let office = &ws[clause_start(c - 1)..c];
        if office.len() >= 2
            && office[0].core.eq_ignore_ascii_case("the")
            && office[1..].iter().all(mention::in_capitalised_office)
            && office.iter().any(|w| mention::is_role_noun(w.core))
        {
            m.role = Some(super::attribute::join_cores(&office[1..]));
        }
    }
    Some(found(m, &ws[c..=v], "speaker-set-off", adjacent))
}

/// "R-Ariz", "D-N.Y", "I-Vt": a party and a state after a lawmaker's name.
fn is_party_tag(w: &str) -> bool {
    let w = w.trim_start_matches('(');
    matches!(w.as_bytes(), [b'R' | b'D' | b'I', b'-', c, ..] if c.is_ascii_uppercase())
}

/// `Jie has seen the change: “…”`: a sentence whose subject introduces the
/// quote with a colon; `The NYT piece … reported that “…”`: a publication
/// as the subject.
pub fn subject_colon(
    before: &str,
    subject: Option<&(Mention, usize)>,
    lead: &[Word],
) -> Option<Found> {
    let (m, used) = subject?;
    // "Mark Blumenthal and Jon Cohen:", "Senators Ruth Ellery and Mark
    // Dunmore said:": two joined names speak together; one of them alone
    // did not say it.
    let joined = lead
        .get(*used)
        .is_some_and(|w| matches!(w.core, "and" | "&"))
        && lead
            .get(used + 1)
            .is_some_and(|w| w.core.starts_with(char::is_uppercase));
    if joined {
        let colon = before.trim_end().ends_with(':');
        return match (&m.who, mention::read(&lead[used + 1..], false)) {
            (
                Who::Name(a),
                Some((
                    Mention {
                        who: Who::Name(b), ..
                    },
                    _,
                )),
            ) if colon => {
                // "Senators Ruth Ellery": the office of both, no part of a name.
                let a = match a.split_once(' ') {
                    Some((office, rest))
                        if office.strip_suffix('s').is_some_and(mention::is_role_noun) =>
                    {
                        rest
                    }
                    _ => a,
                };
                Some(Found {
                    mention: Mention::of(Who::Name(format!("{a} and {b}"))),
                    evidence: ":".into(),
                    sieve: "subject-colon",
                    adjacent: true,
                })
            }
            _ => None,
        };
    }
    if before.trim_end().ends_with(':') && matches!(m.who, Who::Name(_) | Who::Np(_)) {
        return Some(Found {
            mention: m.clone(),
            evidence: ":".into(),
            sieve: "subject-colon",
            adjacent: true,
        });
    }
    if matches!(m.who, Who::Np(super::attribute::Np::Publication(_))) {
        return Some(Found {
            mention: m.clone(),
            evidence: String::new(),
            sieve: "publication",
            adjacent: false,
        });
    }
    None
}

/// Whether a sentence reports its subject saying something: a verb of
/// speech right after the subject ("Schiff said the administration …").
pub fn reports(ws: &[Word], used: usize) -> bool {
    let speaks = |k: usize| {
        let mut k = k;
        while k < ws.len() && BETWEEN_WORD.contains_folded(ws[k].core) && !ws[k].closed {
            k += 1;
        }
        ws.get(k).is_some_and(|w| is_speech(w.core))
    };
    // "X, who identified himself …, said": past a clause set off by commas.
    if used > 0
        && ws[used - 1].closed
        && let Some(c) = ws[used..].iter().take(20).position(|w| w.closed)
        && speaks(used + c + 1)
    {
        return true;
    }
    let mut k = used;
    while k < ws.len() && BETWEEN_WORD.contains_folded(ws[k].core) && !ws[k].closed {
        k += 1;
    }
    k > 0 && ws.get(k).is_some_and(|w| is_speech(w.core)) && !ws[k - 1].closed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verb_among_the_last_words_is_what_a_reported_sentence_needs() {
        let tails = [
            "Schiff said.",
            "Senator Adam Schiff told reporters.",
            "the ministry said in a statement.",
            "which rose last year.",
            "Toomey fumed.",
            "Li Wei, a farmer, recalled",
            "according to the bank.",
            "said Li Wei.",
            "he added on Monday",
            "",
        ];
        let mut passed = 0;
        for tail in tails {
            // What `reported_at_end` accepts must pass the quick test.
            let accepted = after(tail).is_some_and(|f| {
                f.sieve == "quote-speaker-verb"
                    && f.evidence.split(' ').count() + 2 >= tail.split_whitespace().count()
            });
            if accepted {
                passed += 1;
                assert!(may_end_with_verb(tail), "{tail:?}");
            }
        }
        assert!(passed >= 2, "too few tails read as reported");
        // Reading from the end agrees with reading every word.
        for text in [
            "",
            "said",
            "Schiff said.",
            "the ministry said in a statement.",
            "Paul Beck , ” said .",
            "— he fumed —",
            "it offered, … and marvelled !",
            "X\u{a0}said\u{3000}so",
        ] {
            let mut last = [""; 3];
            for (k, w) in word_iter(text).enumerate() {
                last[k % 3] = w.core;
            }
            let forward = last.iter().any(|w| is_manner_verb(w));
            assert_eq!(may_end_with_verb(text), forward, "{text:?}");
        }
        assert!(may_end_with_verb("Schiff said."));
        assert!(!may_end_with_verb("the ministry said in a statement."));
        assert!(!may_end_with_verb("which rose last year."));
    }

    fn who(f: Option<Found>) -> Option<(String, &'static str)> {
        let f = f?;
        Some((f.mention.who.summary(), f.sieve))
    }

    #[test]
    fn after_the_quote() {
        let cases = [
            (" Mr. Obama said.", Some(("Obama", "quote-speaker-verb"))),
            (
                " said Del. Stacey Plaskett.",
                Some(("Stacey Plaskett", "quote-verb-speaker")),
            ),
            (
                " Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said at an event.",
                Some(("Scott Pruitt", "quote-speaker-verb")),
            ),
            (
                " the Minister said.",
                Some(("<role minister>", "quote-speaker-verb")),
            ),
            (" ― Pamela Padilla", Some(("Pamela Padilla", "dash-credit"))),
            (
                ", according to the United Nations.",
                Some(("United Nations", "according-to")),
            ),
            (" Trump shot back.", Some(("Trump", "quote-speaker-verb"))),
            (
                " said Zhang, a laid-off former worker",
                Some(("Zhang", "quote-verb-speaker")),
            ),
            (
                " Zhang thought at the time, before borrowing",
                Some(("Zhang", "quote-speaker-verb")),
            ),
            (" she observed.", Some(("<pronoun>", "quote-speaker-verb"))),
            // A description the mention grammar does not read, ended by a role noun.
            (
                " Channel Nine Morning co-anchor Dana Reel said.",
                Some(("Dana Reel", "quote-speaker-verb")),
            ),
            (
                " Save Our Parks field director Kendall Fells told the paper.",
                Some(("Kendall Fells", "quote-speaker-verb")),
            ),
            (" after the pandemic hit. He said", None),
            (" as prime triggers for the exodus.", None),
            (" was a phrase Smith said often.", None),
            // Verbs of manner, and asides set off by commas.
            (
                " Jane Roe fumed on Tuesday.",
                Some(("Jane Roe", "quote-speaker-verb")),
            ),
            (" Roe barked and left.", Some(("Roe", "quote-speaker-verb"))),
            (
                " recalled Lee Kim.",
                Some(("Lee Kim", "quote-verb-speaker")),
            ),
            (
                " remembered Lee Kim, a former aide.",
                Some(("Lee Kim", "quote-verb-speaker")),
            ),
            (
                " Senator Ann Ray, a close ally of the governor, told reporters.",
                Some(("Ann Ray", "quote-speaker-verb")),
            ),
            (
                " Roe, after a long pause, said.",
                Some(("Roe", "quote-speaker-verb")),
            ),
            (" Roe points out.", Some(("Roe", "quote-speaker-verb"))),
            (
                " Roe’s campaign manager, Jeff Lund, said in an interview.",
                Some(("Jeff Lund", "quote-speaker-verb")),
            ),
            // A verb in "-ed" after no name, or a clause that is no aside.
            (" the crowd cheered.", None),
            (" followed by the Senate vote.", None),
            (" Roe, who said nothing, left.", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                who(after(text)),
                want.map(|(w, s)| (w.to_string(), s)),
                "{text}"
            );
        }
    }

    #[test]
    fn labels_before_a_colon() {
        assert_eq!(who(label("CBS reporter Jane Roe: ")).unwrap().0, "Jane Roe");
        assert_eq!(who(label("Fox News's John Doe: ")).unwrap().0, "John Doe");
        assert_eq!(who(label("WHAT THEY SAID: ")), None);
        assert_eq!(who(label("UPDATE: ")), None);
        assert_eq!(
            who(label(
                "IOWA POLLS NOT WRONG, JUST EARLY - Mark Blumenthal: "
            ))
            .unwrap()
            .0,
            "Mark Blumenthal"
        );
        assert_eq!(who(label("Signs of momentum were there all along: ")), None);
    }

    #[test]
    fn before_the_quote() {
        let w = |s: &str| {
            let ws = words(s);
            who(before(&ws, None, true))
        };
        assert_eq!(
            w("Gov. Pat McCrory (R) blamed the court's ").map(|x| x.0),
            None,
            "blamed is not a verb of presenting"
        );
        assert_eq!(
            w("Party Chairman Reince Priebus called Clinton's remarks a ")
                .unwrap()
                .0,
            "Reince Priebus"
        );
        assert_eq!(w("Japan branded North Korea an ").unwrap().0, "Japan");
        assert_eq!(w("Cruz called Trump a ").unwrap().0, "Cruz");
        assert_eq!(w("Senator Ann Ray stressed that ").unwrap().0, "Ann Ray");
        assert_eq!(w("Roe interjected, ").unwrap().0, "Roe");
        // The object of a preposition is not the verb's subject.
        assert_eq!(
            w("A letter obtained by The Associated Press warns that ").map(|x| x.0),
            None
        );
        // "by" and a gerund is how, not who.
        assert_eq!(
            w("Roe, however, interjected by hitting Lee for his ").map(|x| x.1),
            None
        );
        assert_eq!(w("Ray ended a contract to ").map(|x| x.0), None);
        // The subject of a participle after "with".
        assert_eq!(
            w("Fans cheered at the rally in Dayton, Ohio, with Omar Lund reportedly yelling: ")
                .unwrap()
                .0,
            "Omar Lund"
        );
        // "to which" opens the reply, not a relative clause that presents nothing.
        assert_eq!(
            w("She said the plan was sound, to which Lund interjected: ")
                .unwrap()
                .0,
            "Lund"
        );
        // "but now said": the sentence's subject speaks.
        let ws = words("Ann Ray used to back Lund, but now said Moss had ");
        let subject = super::super::attribute::subject_mention(&ws);
        assert_eq!(
            who(before(&ws, subject.as_ref(), true)).unwrap().0,
            "Ann Ray"
        );
        // A party tag is no name.
        assert_eq!(w("Sen. Ann Ray, R-Ariz., said ").unwrap().0, "Ann Ray");
    }

    #[test]
    fn went_on_after_the_quote() {
        assert_eq!(
            who(after(" Lund went on, shaking his head.")).unwrap().0,
            "Lund"
        );
        assert_eq!(who(after(" Lund went to the capital.")), None);
    }
}

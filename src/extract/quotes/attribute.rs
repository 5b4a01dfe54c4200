//! Who said it: the grammar of attribution in news prose.
//!
//! Checked in order, first match wins:
//! 1. after the quote: `“…,” X said`, `“…,” said X`, `“…,” according to X`;
//! 2. before it, in the same sentence: `X said/told/noted … “…”`,
//!    `X … is quoted saying “…”`, `according to X, “…”`, `X: “…”`, and a
//!    publication as subject (`The NYT piece … reported that “…”`);
//! 3. a quote in a sentence about the person currently speaking, with no
//!    verb of its own (`Kedi … lost that job when the economy “fell off a cliff”`);
//! 4. a paragraph that is nothing but a quote continues the previous
//!    paragraph's speaker, or the publication it introduced (`CNN ran …`).
//!
//! Pronouns resolve to the person the text is about (the topic): a named
//! person, or an unnamed one introduced at the start of a paragraph ("Another
//! Chinese entrepreneur …"), matched by gender when the text shows it.
//! Names resolve to the fullest form given earlier ("Zhang" → "Zhang Jun"),
//! common nouns to the organisation named earlier ("the bank" → "European
//! Central Bank"). What the text does not attribute stays unattributed.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::mention::{self, Mention, Who};
use super::names::{PUBLICATION_NOUNS, Registry, clean_name, is_name_word};
use super::whitespace;
use crate::extract::lower::lower;
use crate::extract::text::SPEECH_VERBS;
use crate::extract::wordmap::{WordMap, WordSet};

/// Nouns for a single person, which make a description a possible speaker.
const PERSON_NOUNS: &[&str] = &[
    "man",
    "woman",
    "person",
    "migrant",
    "entrepreneur",
    "seeker",
    "asylum-seeker",
    "officer",
    "activist",
    "worker",
    "teacher",
    "lawyer",
    "student",
    "official",
    "resident",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "farmer",
    "driver",
    "businessman",
    "businesswoman",
    "refugee",
    "dissident",
    "immigrant",
    "applicant",
    "owner",
    "journalist",
    "reporter",
    "source",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "friend",
    "victim",
    "witness",
    "engineer",
    "programmer",
    "masseuse",
    "masseur",
    "nurse",
    "doctor",
    "smuggler",
    "petitioner",
    "graduate",
    "exile",
    "analyst",
    "researcher",
    "expert",
    "observer",
    "diplomat",
    "guide",
    "villager",
    "traveller",
    "traveler",
    "boy",
    "girl",
    "youth",
    "veteran",
    "pastor",
];

/// Common nouns for organisations, resolved to the organisation named earlier.
const ORG_NOUNS: &[&str] = &[
    "bank",
    "government",
    "ministry",
    "agency",
    "department",
    "company",
    "firm",
    "group",
    "organization",
    "organisation",
    "commission",
    "committee",
    "council",
    "court",
    "embassy",
    "bureau",
    "office",
    "institute",
    "university",
    "party",
    "administration",
    "newspaper",
    "association",
    "federation",
    "foundation",
    "society",
    "authority",
    "coalition",
    "alliance",
];

/// Verbs by which a publication presents what follows.
const PUBLISH_VERBS: &[&str] = &[
    "ran",
    "published",
    "reported",
    "reports",
    "says",
    "said",
    "wrote",
    "writes",
    "carried",
    "aired",
];

const DISCOURSE: &[&str] = &[
    "but",
    "and",
    "yet",
    "so",
    "then",
    "however",
    "nevertheless",
    "still",
    "fortunately",
    "unfortunately",
    "ultimately",
    "meanwhile",
    "notably",
    "indeed",
    "instead",
    "therefore",
];

/// Words that open an introductory phrase to skip up to its comma.
const INTRODUCTORY: &[&str] = &[
    "in",
    "on",
    "at",
    "through",
    "during",
    "after",
    "before",
    "since",
    "waiting",
    "originally",
    "faced",
    "escaping",
    "citing",
    "among",
    "unlike",
    "like",
    "amid",
    "amidst",
    "until",
    "even",
    "last",
    "when",
    "while",
    "as",
    "with",
    "without",
    "despite",
    "for",
    "from",
    "by",
    "to",
    "regularly",
    "though",
    "although",
    "if",
    "because",
    "once",
    "having",
    "given",
];

// The lists as hash sets: most words of an attribution are looked up in several.
static SPEECH: WordSet<256> = WordSet::of_lowercase(SPEECH_VERBS);
static PERSON: WordSet<128> = WordSet::of_lowercase(PERSON_NOUNS);

/// Whether a lowercase noun names a single person ("farmer", "wife").
pub fn is_person_noun(w: &str) -> bool {
    PERSON.contains(w)
}
static ORG: WordSet<64> = WordSet::of_lowercase(ORG_NOUNS);
static PUBLICATION: WordSet<32> = WordSet::of_lowercase(PUBLICATION_NOUNS);
/// The kind of a head noun, for noun phrases: one lookup instead of three.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Noun {
    Publication,
    Person,
    Org,
}

/// Publication first: "newspaper" is also an organisation noun, and the
/// rules have always read it as a publication.
static NOUN: WordMap<Noun, 256> = WordMap::of_lowercase_lists(&[
    (PUBLICATION_NOUNS, Noun::Publication),
    (PERSON_NOUNS, Noun::Person),
    (ORG_NOUNS, Noun::Org),
]);
static PUBLISH: WordSet<32> = WordSet::of_lowercase(PUBLISH_VERBS);
static DISCOURSE_WORD: WordSet<32> = WordSet::of_lowercase(DISCOURSE);
static INTRO_WORD: WordSet<128> = WordSet::of_lowercase(INTRODUCTORY);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// A speaker: named, or described when the text gives no name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Speaker {
    pub name: Option<String>,
    pub description: Option<String>,
    pub org: bool,
    /// The role the text gives the speaker ("Immigration Minister").
    pub role: Option<String>,
}

impl Speaker {
    /// A person named in full ("Ann Roe", not "Roe" alone, nor an
    /// organisation): enough to credit a quote on weaker evidence than an
    /// attribution beside it, where a lone capitalised word that opens a
    /// sentence ("Transcript as follows:", "Pause.") may be no name at all.
    pub fn is_full_person(&self) -> bool {
        !self.org
            && self
                .name
                .as_deref()
                .is_some_and(|n| n.split_whitespace().count() >= 2)
    }
}

/// A noun phrase in subject position.
#[derive(Debug, Clone, PartialEq)]
pub enum Np {
    Name(String),
    Pronoun(Option<Gender>),
    /// "one neatly dressed middle-aged man": the words, and the head noun.
    Desc {
        text: String,
        head: String,
        definite: bool,
    },
    /// "The NYT piece", "the piece": a publication, named or not.
    Publication(Option<String>),
}

/// A person the text is currently about.
#[derive(Debug, Clone)]
struct Topic {
    speaker: Speaker,
    head: Option<String>,
    gender: Option<Gender>,
}

/// The named holder of a role ("the Minister" → Nick Nobody), and when the
/// role was given, so that the latest wins.
#[derive(Debug)]
struct Holder {
    name: String,
    role: String,
    given: usize,
}

/// What the attribution pass remembers while reading a document in order.
#[derive(Debug, Default)]
pub struct State<'a> {
    pub names: Registry<'a>,
    topics: Vec<Topic>,
    /// Each role noun's latest named holder and the role as written
    /// ("minister" → Nick Nobody, "Immigration Minister").
    roles: HashMap<String, Holder>,
    /// How many roles have been given so far: the order [`Holder`]s keep.
    roles_given: usize,
    /// Who "I" is: the person whom a statement's heading names, or who
    /// signs the statement or letter (`releases::signature`).
    pub author: Option<Mention>,
    /// One-word names that have been the subject of a verb of speech
    /// ("Warren said the bank …"): people or bodies, wherever they stand.
    pub reported: HashSet<String>,
    /// The organisation last reported as saying something ("OCHA said the
    /// floods …") and its paragraph, whom a following "“…,” it said"
    /// quotes; cleared when a person is reported after it.
    pub reporting_org: Option<(Speaker, usize)>,
    /// The person a named subject has just questioned ("Waters pressed
    /// Powell on …") and its paragraph: who a following "“…,” he replied"
    /// answers as.
    pub asked: Option<(Mention, usize)>,
}

/// A word of running text: the raw token, its letters, and punctuation after it.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub raw: &'a str,
    pub core: &'a str,
    /// Punctuation closes the word: a comma, colon or full stop after it.
    pub closed: bool,
}

pub fn words(text: &str) -> Vec<Word<'_>> {
    word_iter(text).collect()
}

/// [`words`] into a buffer the caller reuses, sentence after sentence.
///
/// A plain loop rather than `extend(word_iter(..))`: the filter made one
/// call per word that saved and restored every register, and this runs on
/// the opening of every clause.
pub fn words_into<'a>(text: &'a str, out: &mut Vec<Word<'a>>) {
    out.clear();
    for raw in whitespace::words(text) {
        let w = word(raw);
        if kept(&w) {
            out.push(w);
        }
    }
}

/// The words of `text`, split as they are read: a caller that needs only the
/// first few reads only those.
pub fn word_iter(text: &str) -> impl Iterator<Item = Word<'_>> {
    whitespace::words(text).map(word).filter(kept)
}

/// [`word_iter`] from the end: the last words first. `split_whitespace`
/// splits as [`whitespace::words`] does (its tests compare the two), and
/// from either end gives the same words.
pub fn words_from_end(text: &str) -> impl Iterator<Item = Word<'_>> {
    text.split_whitespace().rev().map(word).filter(kept)
}

/// Whether a word is one: something besides punctuation, or a dash.
#[inline]
fn kept(w: &Word) -> bool {
    !w.core.is_empty() || w.raw.contains(['—', '–'])
}

/// A whitespace-separated token as a [`Word`]: its core and whether it closes.
#[inline]
fn word(raw: &str) -> Word<'_> {
    // Most words are bare letters or digits: nothing to trim, nothing closes them.
    let b = raw.as_bytes();
    if b[0].is_ascii_alphanumeric() && b[b.len() - 1].is_ascii_alphanumeric() {
        return Word {
            raw,
            core: raw,
            closed: false,
        };
    }
    // "said," "China.": one ASCII mark after a letter or digit is
    // what the general path below trims and reads as closing, without
    // decoding the word character by character.
    if b.len() >= 2
        && b[0].is_ascii_alphanumeric()
        && b[b.len() - 2].is_ascii_alphanumeric()
        && matches!(b[b.len() - 1], b',' | b':' | b';' | b'.' | b'?' | b'!')
    {
        let core = &raw[..raw.len() - 1];
        return Word {
            raw,
            core,
            closed: !is_initialism(core, raw),
        };
    }
    let core =
        raw.trim_matches(|c: char| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''));
    let core = core.trim_end_matches(['’', '\'']);
    let tail = raw.trim_end_matches(['”', '’', '"', ')']);
    let closed =
        tail.ends_with([',', ':', ';', '.', '?', '!', '—', '–']) && !is_initialism(core, raw);
    Word { raw, core, closed }
}

/// "U.S." ends in a full stop that is part of the word.
pub(super) fn is_initialism(core: &str, raw: &str) -> bool {
    core.len() <= 4 && raw.ends_with('.') && core.contains('.')
}

pub(super) fn is_speech_verb(w: &str) -> bool {
    SPEECH.contains_folded(w)
}

fn pronoun_gender(w: &str) -> Option<Option<Gender>> {
    if !may_be_lower(w, &[2, 3], b"hs") {
        return None;
    }
    match &*lower(w) {
        "he" => Some(Some(Gender::Male)),
        "she" => Some(Some(Gender::Female)),
        _ => None,
    }
}

/// Whether `lower(word)` may be a lowercase ASCII word of one of these
/// lengths starting with one of these letters; `false` means it is not. A
/// cheap test before folding: lowercasing keeps an ASCII word's length.
fn may_be_lower(word: &str, lengths: &[usize], initials: &[u8]) -> bool {
    !word.is_ascii()
        || (lengths.contains(&word.len())
            && initials.contains(&word.as_bytes()[0].to_ascii_lowercase()))
}

/// A word that opens a described noun phrase ("the piece", "one man"):
/// only such a phrase can be a publication without a name.
fn is_determiner(w: &str) -> bool {
    ["a", "an", "one", "another", "the", "this", "that"]
        .iter()
        .any(|d| w.eq_ignore_ascii_case(d))
}

/// Parses the noun phrase at the start of `ws`; returns it and the words it used.
pub fn parse_np(ws: &[Word]) -> Option<(Np, usize)> {
    let first = ws.first()?;
    if let Some(g) = pronoun_gender(first.core) {
        return Some((Np::Pronoun(g), 1));
    }
    // `lower(first.core) == w`, read in place: no character outside ASCII
    // lowercases into these words (only the Kelvin sign lowercases to
    // ASCII, to "k": a test in `wordmap`), and this is asked of every
    // clause's opening.
    let first_is = |words: &[&str]| words.iter().any(|w| first.core.eq_ignore_ascii_case(w));
    let determiner = is_determiner(first.core);
    // "The NYT piece", "The Al Jazeera piece": a named publication.
    if first_is(&["the"]) {
        let mut k = 1;
        while k < ws.len() && is_name_word(ws[k].core) && !ws[k - 1].closed {
            k += 1;
        }
        if k > 1 && k < ws.len() && PUBLICATION.contains_folded(ws[k].core) {
            return Some((Np::Publication(Some(join_cores(&ws[1..k]))), k + 1));
        }
        if k > 1 && !PUBLICATION.contains_folded(ws[1].core) {
            return Some((Np::Name(join_cores(&ws[1..k])), k));
        }
    }
    if determiner {
        // The head is the first person, organisation or publication noun within a few words.
        for (k, w) in ws.iter().enumerate().take(8).skip(1) {
            if let Some(noun) = NOUN.get_folded(w.core) {
                if noun == Noun::Publication {
                    return Some((Np::Publication(None), k + 1));
                }
                let l = lower(w.core);
                let definite = first_is(&["the", "this", "that"]);
                return Some((
                    Np::Desc {
                        text: join_cores(&ws[..=k]),
                        head: l.to_string(),
                        definite,
                    },
                    k + 1,
                ));
            }
            if w.closed || is_speech_verb(w.core) {
                break;
            }
        }
        return None;
    }
    if is_name_word(first.core) && !super::names::is_acronym(first.core)
        || super::names::is_acronym(first.core)
    {
        let mut k = 0;
        while k < ws.len() {
            let w = &ws[k];
            let connector = matches!(w.core, "of" | "for")
                && k > 0
                && ws.get(k + 1).is_some_and(|n| is_name_word(n.core));
            if !(is_name_word(w.core) || connector) {
                break;
            }
            k += 1;
            if w.closed || w.raw.ends_with("’s") || w.raw.ends_with("'s") {
                break;
            }
        }
        let joined = join_cores(&ws[..k]);
        let name = match clean_name(&joined) {
            // Usually nothing to clean: keep the string already made.
            Cow::Borrowed(c) if c.len() == joined.len() => joined,
            c => c.into_owned(),
        };
        if !name.is_empty() && !is_function_start(&name) {
            return Some((Np::Name(name), k));
        }
    }
    None
}

fn is_function_start(name: &str) -> bool {
    let first = name.split(' ').next().unwrap_or("");
    DISCOURSE_WORD.contains_folded(first) || INTRO_WORD.contains_folded(first)
}

/// The subject of a sentence: after discourse words and an introductory
/// phrase, the first noun phrase; "One migrant, Huang, …" and "…, who
/// identified himself with the pseudonym Zhang Jun" give the name.
pub fn clause_subject(clause: &str) -> Option<(Np, usize)> {
    subject_of(&words(clause))
}

/// Where [`subject_of`] reads its noun phrase: after discourse words and
/// one introductory phrase up to its comma.
fn subject_start(ws: &[Word]) -> usize {
    let mut i = 0;
    while i < ws.len() && DISCOURSE_WORD.contains_folded(ws[i].core) {
        i += 1;
    }
    let intro = ws
        .get(i)
        .is_some_and(|w| INTRO_WORD.contains_folded(w.core));
    if intro && let Some(c) = ws[i..].iter().take(16).position(|w| w.closed) {
        i += c + 1;
    }
    i
}

/// [`clause_subject`] of a sentence already split into words; `usize` is how many words it used.
pub fn subject_of(ws: &[Word]) -> Option<(Np, usize)> {
    subject_at(ws, subject_start(ws))
}

/// [`subject_of`] with its start already found.
fn subject_at(ws: &[Word], i: usize) -> Option<(Np, usize)> {
    let (np, used) = parse_np(&ws[i..])?;
    let after = i + used;
    if let Np::Desc { .. } = np {
        // Appositive name: "One migrant, Huang, who …".
        if ws.get(after - 1).is_some_and(|w| w.closed)
            && let Some((Np::Name(n), k)) = parse_np(&ws[after..])
            && ws.get(after + k - 1).is_some_and(|w| w.closed)
        {
            return Some((Np::Name(n), after + k));
        }
        // "… who identified himself with the pseudonym Zhang Jun …".
        for (k, w) in ws.iter().enumerate().skip(after) {
            if matches!(
                &*lower(w.core),
                "pseudonym" | "nickname" | "named" | "surname" | "called"
            ) && let Some((Np::Name(n), _)) = parse_np(&ws[k + 1..])
            {
                return Some((Np::Name(n), after));
            }
        }
    }
    Some((np, after))
}

/// "Finally, X said", "Clearly angry, X …": a capitalised word in "-ly"
/// that opens the sentence, unless a capitalised word follows it: "Carly
/// Fiorina", "Kelly Ayotte" are names.
fn is_fronted_adverb(ws: &[Word], i: usize) -> bool {
    let w = &ws[i];
    w.core.len() > 4
        && w.core.ends_with("ly")
        && w.core.starts_with(char::is_uppercase)
        && (w.closed
            || !ws
                .get(i + 1)
                .is_some_and(|n| n.core.starts_with(char::is_uppercase)))
}

/// "A few days later,", "Two weeks ago,": a short phrase of time before
/// the subject, ending at its comma.
fn ends_in_time(ws: &[Word]) -> bool {
    ws.iter().take(6).position(|w| w.closed).is_some_and(|c| {
        matches!(
            &*lower(ws[c].core),
            "later" | "ago" | "earlier" | "afterward" | "afterwards"
        )
    })
}

/// The words of a time phrase that opens `ws` before more words of the
/// sentence, written without a comma: "Last year", "This week", "Next
/// Tuesday", "Earlier this month"; 0 for none. "Last year's budget" is
/// no such phrase: the possessive is the subject's.
fn time_phrase_len(ws: &[Word]) -> usize {
    let is = |w: Option<&Word>, words: &[&str]| {
        w.is_some_and(|w| words.iter().any(|x| w.core.eq_ignore_ascii_case(x)))
    };
    let k = usize::from(
        is(ws.first(), &["earlier", "later"]) && is(ws.get(1), &["this", "last", "next"]),
    );
    let time = ws.get(k + 1).is_some_and(|w| {
        mention::is_calendar_word(w.core)
            || [
                "year", "week", "month", "weekend", "spring", "summer", "fall", "autumn", "winter",
                "night", "season", "decade",
            ]
            .iter()
            .any(|t| w.core.eq_ignore_ascii_case(t))
    });
    if is(ws.get(k), &["last", "next", "this"]) && time && ws.len() > k + 2 {
        k + 2
    } else {
        0
    }
}

/// The subject of a sentence as a [`Mention`]: after discourse words and an
/// introductory phrase, a name with its role ("Sen. Bernie Sanders (I-Vt.)",
/// "IMF chief economist Maury Obstfeld"), or else the noun phrase
/// [`subject_of`] reads. The count is of words used, as there.
pub fn subject_mention(ws: &[Word]) -> Option<(Mention, usize)> {
    subject_mention_read(ws).0
}

/// [`subject_mention`], and whether its answer is the mention reader's
/// from the first word (`mention::read(ws, true)` would give it again),
/// so a caller that asks that need not read the sentence twice.
pub fn subject_mention_read(ws: &[Word]) -> (Option<(Mention, usize)>, bool) {
    let mut i = 0;
    while i < ws.len() && DISCOURSE_WORD.contains_folded(ws[i].core) {
        i += 1;
    }
    // Fronted phrases, one after another up to their commas: "On Thursday,
    // after a long silence, Warren said".
    for round in 0..3 {
        let intro = ws.get(i).is_some_and(|w| {
            INTRO_WORD.contains_folded(w.core)
                || is_participle(w.core)
                || round == 0
                    && (matches!(
                        w.core,
                        "Of" | "Here"
                            | "There"
                            | "Hours"
                            | "Days"
                            | "Weeks"
                            | "Moments"
                            | "Minutes"
                            | "Asked"
                    ) || mention::is_calendar_word(w.core)
                        || is_fronted_adverb(ws, i)
                        || absolute_phrase(ws, i))
        }) || ends_in_time(&ws[i.min(ws.len())..]);
        // The phrase ends at its comma: a full stop first means the
        // sentence had no such phrase ("Shipping analyst Rebecca Hall said …").
        match ws[i.min(ws.len())..].iter().take(16).position(|w| w.closed) {
            Some(c) if intro && !ws[i + c].raw.ends_with('.') => i += c + 1,
            _ => break,
        }
    }
    // "Last year she led …", "Earlier this month Roe said …": a fronted
    // time without its comma, whose capital is no name.
    i += time_phrase_len(&ws[i.min(ws.len())..]);
    // "The NYT piece": a publication, which the older grammar reads. Only
    // a phrase opened by a determiner can be one ([`parse_np`]); otherwise
    // the older grammar is read only if the mention reader's answer is not
    // taken, which spares some clauses reading the sentence twice.
    let start = subject_start(ws);
    let mut legacy = None;
    if ws.get(start).is_some_and(|w| is_determiner(w.core)) {
        let np = subject_at(ws, start);
        if let Some((np @ Np::Publication(_), used)) = np {
            return (Some((Mention::from_np(np), used)), false);
        }
        legacy = Some(np);
    }
    let read = mention::read(&ws[i.min(ws.len())..], true);
    if let Some((m, used)) = &read
        && matches!(m.who, Who::Name(_) | Who::Role { .. } | Who::Thing)
    {
        return (Some((m.clone(), i + used)), i == 0);
    }
    let legacy = legacy.unwrap_or_else(|| subject_at(ws, start));
    // The older grammar knows publications and unnamed people; a name it
    // reads where the mention reader found none is a misreading.
    // The older grammar's name for a described person ("Another asylum
    // seeker, who identified himself … Kedi") stands.
    let described_person = matches!(&read, Some((Mention { who: Who::Desc { head, .. }, .. }, _)) if PERSON.contains(head));
    // "Prime Minister Kwame Mensah’s spokesperson": a name the older
    // grammar ends at its possessive owns the person described, who speaks.
    // (`subject_at` counts the words from the sentence's start.)
    let possessor = |end: usize| end > 0 && ws.get(end - 1).is_some_and(mention::is_possessive);
    match legacy {
        None => (None, false),
        Some((Np::Name(_), used)) if !described_person || possessor(used) => {
            let from_start = i == 0 && read.is_some();
            (read.map(|(m, used)| (m, i + used)), from_start)
        }
        Some((np, used)) => (Some((Mention::from_np(np), used)), false),
    }
}

/// "Eyebrows raised, he asked": a noun and a participle set off by a comma,
/// an absolute phrase before the subject, not a name.
fn absolute_phrase(ws: &[Word], i: usize) -> bool {
    // The clause after the comma has a subject of its own: "Sanders
    // laughed, heartily" is a subject and its verb.
    matches!(
        &ws[i.min(ws.len())..],
        [noun, participle, next, ..]
            if !noun.closed
                && participle.closed
                && participle.core.len() > 4
                && participle.core.ends_with("ed")
                && participle.core.starts_with(char::is_lowercase)
                && noun.core.ends_with('s')
                && matches!(next.core, "he" | "she" | "they" | "we" | "I" | "the")
    )
}

/// "Speaking to supporters, …", "Reached by phone, …": a participle that
/// opens a phrase before the subject.
fn is_participle(w: &str) -> bool {
    // Asked of every clause's opening word: ASCII words (nearly all) are
    // read in place; lowercasing may change other words' length.
    if w.is_ascii() {
        let b = w.as_bytes();
        return b.len() > 5
            && (b[b.len() - 3..].eq_ignore_ascii_case(b"ing")
                || b[b.len() - 2..].eq_ignore_ascii_case(b"ed"));
    }
    let l = lower(w);
    l.len() > 5 && (l.ends_with("ing") || l.ends_with("ed"))
}

/// The gender the rest of a clause gives its subject: the first subject
/// pronoun. Possessives are no evidence ("Tom Wu, her client, said he …").
fn gender_in(ws: &[Word]) -> Option<Gender> {
    ws.iter()
        .filter(|w| may_be_lower(w.core, &[2, 3, 7], b"hs"))
        .find_map(|w| match &*lower(w.core) {
            "he" | "himself" => Some(Gender::Male),
            "she" | "herself" => Some(Gender::Female),
            _ => None,
        })
}

/// A role that is only a title of address or an academic one: "Professor",
/// "Dr", "Mr".
fn is_title_alone(role: &str) -> bool {
    !role.contains(' ')
        && matches!(
            &*lower(role.trim_end_matches('.')),
            "professor" | "prof" | "dr" | "doctor" | "mr" | "ms" | "mrs" | "miss" | "sir" | "dame"
        )
}

/// The gender a role's last word states: "spokeswoman", "congressman".
fn noun_gender(text: &str) -> Option<Gender> {
    let last = text.rsplit(' ').next()?;
    let l = lower(last);
    if l.ends_with("woman") {
        Some(Gender::Female)
    } else if l.ends_with("man") && !l.ends_with("chairman") {
        Some(Gender::Male)
    } else {
        None
    }
}

impl State<'_> {
    /// The named holder of the office `head` ("minister"), or, when the
    /// text named none, no one: only the `description` it was called by.
    fn holder_of(&self, head: &str, description: impl FnOnce() -> String) -> Speaker {
        match self.roles.get(head) {
            Some(Holder { name, role, .. }) => Speaker {
                name: Some(name.clone()),
                description: None,
                org: false,
                role: Some(role.clone()),
            },
            None => Speaker {
                description: Some(description()),
                ..Speaker::default()
            },
        }
    }

    /// Turns a noun phrase into a speaker, using what the text said before.
    pub fn resolve(&mut self, np: &Np) -> Speaker {
        match np {
            // "Republicans said …", "Americans told pollsters …": a group,
            // not a name.
            Np::Name(n) if !n.contains(' ') && crate::extract::figures::group_plural(&lower(n)) => {
                Speaker {
                    description: Some(n.clone()),
                    ..Speaker::default()
                }
            }
            // "The Governor said:": an office alone is its holder, if the
            // text named one, and never a name of its own.
            Np::Name(n) if !n.contains(' ') && super::mention::is_role_noun(n) => {
                let head = super::mention::role_head(n).unwrap_or_default();
                self.holder_of(&head, || format!("the {n}"))
            }
            Np::Name(n) => {
                let name = self.names.canonical(n);
                let org = super::names::is_org_name(&name);
                Speaker {
                    name: Some(name),
                    description: None,
                    org,
                    role: None,
                }
            }
            Np::Pronoun(g) => self.pronoun(*g).unwrap_or_default(),
            Np::Publication(Some(n)) => {
                let name = self.names.canonical(n);
                self.names.last_publication = Some(name.clone());
                Speaker {
                    name: Some(name),
                    description: None,
                    org: true,
                    role: None,
                }
            }
            Np::Publication(None) => match &self.names.last_publication {
                Some(p) => Speaker {
                    name: Some(p.clone()),
                    description: None,
                    org: true,
                    role: None,
                },
                None => Speaker::default(),
            },
            Np::Desc {
                text,
                head,
                definite,
            } => {
                if ORG.contains(head)
                    && let Some(name) = self.names.by_head_noun(head)
                {
                    return Speaker {
                        name: Some(name),
                        description: None,
                        org: true,
                        role: None,
                    };
                }
                if *definite
                    && let Some(t) = self
                        .topics
                        .iter()
                        .rev()
                        .find(|t| t.head.as_deref() == Some(head))
                {
                    return t.speaker.clone();
                }
                Speaker {
                    name: None,
                    description: Some(text.clone()),
                    org: false,
                    role: None,
                }
            }
        }
    }

    /// Stage two of attribution: the speaker a mention refers to. A named
    /// person with a role becomes that role's holder for later "the
    /// Minister"; a role, a pronoun or a short name resolve to the person the
    /// text named before.
    pub fn speaker(&mut self, m: &Mention) -> Speaker {
        match &m.who {
            Who::Name(n) => {
                let mut s = self.resolve(&Np::Name(n.clone()));
                if let (Some(name), false) = (&s.name, s.org) {
                    if let (Some(head), Some(role)) = (&m.role_head, &m.role) {
                        self.give_role(head, name, role);
                    }
                    s.role = m.role.clone().or_else(|| self.role_of(name));
                    if m.gender.is_some() {
                        let s2 = s.clone();
                        self.set_topic(&s2, None, m.gender);
                    }
                }
                s
            }
            Who::Pronoun(g) => self.pronoun(*g).unwrap_or_default(),
            Who::Role { head, text } => self.holder_of(head, || text.clone()),
            Who::Desc { text, head } => self.resolve(&Np::Desc {
                text: text.clone(),
                head: head.clone(),
                definite: text.starts_with("the ") || text.starts_with("The "),
            }),
            Who::Thing => Speaker::default(),
            Who::FirstPerson => match self.author.clone() {
                Some(author) => self.speaker(&author),
                None => Speaker::default(),
            },
            Who::Np(np) => self.resolve(np),
        }
    }

    /// The role last given to a named person, for a later mention by name
    /// alone; by the order given, since a map's own order is random.
    fn role_of(&self, name: &str) -> Option<String> {
        // "The Secretary for Health, Professor Lau Kin-wah" then "Professor
        // Lau said": a title of address alone does not replace an office.
        self.roles
            .values()
            .filter(|h| h.name == name)
            .max_by_key(|h| (!is_title_alone(&h.role), h.given))
            .map(|h| h.role.clone())
    }

    fn give_role(&mut self, head: &str, name: &str, role: &str) {
        self.roles_given += 1;
        let holder = Holder {
            name: name.to_owned(),
            role: role.to_owned(),
            given: self.roles_given,
        };
        self.roles.insert(head.to_owned(), holder);
    }

    /// Records the role a sentence's subject is given, without resolving it.
    pub fn note_role(&mut self, m: &Mention) {
        if let (Who::Name(n), Some(head), Some(role)) = (&m.who, &m.role_head, &m.role)
            && !super::names::is_org_name(n)
        {
            let name = self.names.canonical(n);
            self.give_role(head, &name, role);
        }
    }

    /// A role as a sentence's subject ("The Governor also announced …") is
    /// who a later "he" or "she" means, when the text has named its holder
    /// ("Governor Luis Ortiz"). A role nobody was named for is left alone:
    /// the subject reader takes a fronted phrase's role for the subject
    /// often enough ("Asked whether Trump, the presumptive nominee, …, Ban
    /// demurred") that making it the topic took pronouns from the right
    /// person.
    pub fn observe_role(&mut self, m: &Mention, ws: &[Word], used: usize) {
        let Who::Role { head, text } = &m.who else {
            return;
        };
        // "The Governor", "the Prime Minister": the office itself. A
        // lowercase word before it ("the longtime senator", "the former
        // governor") describes someone, who need not hold the office now.
        let titled = match text.split_once(' ') {
            Some((first, rest)) if first.eq_ignore_ascii_case("the") => {
                rest.rsplit_once(' ').is_none_or(|(modifiers, _)| {
                    modifiers
                        .split(' ')
                        .all(|w| w.starts_with(char::is_uppercase))
                })
            }
            _ => true,
        };
        // "A hospital spokeswoman said services would be maintained": a
        // person the text does not name, whom a "she said" after means
        // rather than someone named before.
        let indefinite = text.split_once(' ').is_some_and(|(first, _)| {
            ["a", "an", "another", "one"]
                .iter()
                .any(|d| first.eq_ignore_ascii_case(d))
        });
        // Not when a name follows the verb: after "A reporter asked Sanders
        // how he felt", "he" is Sanders.
        let named_object = ws
            .get(used + 1)
            .is_some_and(|w| w.core.starts_with(char::is_uppercase));
        if indefinite && !named_object {
            let speaker = Speaker {
                description: Some(text.clone()),
                ..Speaker::default()
            };
            let gender = gender_in(&ws[used.min(ws.len())..]).or_else(|| noun_gender(text));
            self.set_topic(&speaker, Some(head.clone()), gender);
            return;
        }
        if !titled {
            return;
        }
        let Some(holder) = self.roles.get(head) else {
            return;
        };
        let speaker = Speaker {
            name: Some(holder.name.clone()),
            ..Speaker::default()
        };
        self.set_topic(&speaker, None, gender_in(&ws[used.min(ws.len())..]));
    }

    fn pronoun(&mut self, gender: Option<Gender>) -> Option<Speaker> {
        let i = self
            .topics
            .iter()
            .rposition(|t| gender.is_none() || t.gender.is_none() || t.gender == gender)?;
        // Topics keep names as written; the full name is looked up on use.
        let name = self.topics[i]
            .speaker
            .name
            .as_ref()
            .map(|n| self.names.canonical(n));
        // The subject reader also reads places and capitalised common words
        // as names ("Florida voted …", "Earlier, …"): a pronoun given one is
        // wrong for certain, so it is given nobody. A person's one-word name
        // ("Obama") is written in capitals everywhere.
        // A one-word name only ever seen opening a sentence may be any
        // noun ("Negotiators met …").
        if name.as_ref().is_some_and(|n| {
            super::places::is_place(n)
                || (!n.contains(' ')
                    && (super::names::is_function_word(n)
                        || self.names.written_lowercase(n)
                        || !(self.reported.contains(n) || self.names.written_inside(n))))
        }) {
            return None;
        }
        let t = &mut self.topics[i];
        if t.gender.is_none() {
            t.gender = gender;
        }
        let mut speaker = t.speaker.clone();
        speaker.name = name;
        // "Premier Daniel Korsakis said …" then "“…,” he said": the office
        // the text gave the person.
        if speaker.role.is_none() {
            speaker.role = speaker.name.as_deref().and_then(|n| self.role_of(n));
        }
        Some(speaker)
    }

    /// Makes a person the topic: the one later pronouns refer to.
    pub fn set_topic(&mut self, speaker: &Speaker, head: Option<String>, gender: Option<Gender>) {
        if speaker.org || (speaker.name.is_none() && speaker.description.is_none()) {
            return;
        }
        // One topic per person, whatever role a mention gave them: "the
        // senator said" and "he refused" must add to the same person's
        // gender, or a later "she" finds the other entry without one.
        let same = |t: &Topic| {
            t.speaker.name == speaker.name
                && t.speaker.description == speaker.description
                && t.speaker.org == speaker.org
        };
        if let Some(i) = self.topics.iter().position(same) {
            let mut t = self.topics.remove(i);
            t.gender = t.gender.or(gender);
            if speaker.role.is_some() {
                t.speaker.role.clone_from(&speaker.role);
            }
            self.topics.push(t);
        } else {
            self.topics.push(Topic {
                speaker: speaker.clone(),
                head,
                gender,
            });
        }
        if self.topics.len() > 8 {
            self.topics.remove(0);
        }
    }

    /// Reads a sentence's subject for the topic and publication trackers.
    /// Unnamed people become the topic only when they open a paragraph,
    /// which is where news prose introduces the person it goes on to quote.
    pub fn observe_subject(
        &mut self,
        ws: &[Word],
        subject: Option<&(Np, usize)>,
        paragraph_start: bool,
    ) {
        let Some((np, used)) = subject else {
            return;
        };
        let used = *used;
        // Read only for the subjects that can become the topic.
        let gender = || gender_in(&ws[used.min(ws.len())..]);
        match np {
            Np::Name(n) => {
                // Every sentence passes here: no lookups, the name as written.
                let speaker = Speaker {
                    name: Some(n.clone()),
                    description: None,
                    org: super::names::is_org_name(n),
                    role: None,
                };
                if speaker.org {
                    if ws
                        .get(used)
                        .is_some_and(|w| PUBLISH.contains_folded(w.core))
                    {
                        self.names.last_publication = Some(self.names.canonical(n));
                    }
                } else if !n.is_empty() {
                    self.set_topic(&speaker, None, gender());
                }
            }
            Np::Publication(_) => {
                self.resolve(np);
            }
            Np::Pronoun(g) => {
                if let Some(s) = self.pronoun(*g) {
                    self.set_topic(&s, None, None);
                }
            }
            Np::Desc { head, definite, .. } => {
                let speaker = self.resolve(np);
                if PERSON.contains(head) && (paragraph_start || *definite) {
                    self.set_topic(&speaker, Some(head.clone()), gender());
                }
            }
        }
    }
}

/// `CNN ran …`, `The New York Times says …`: a sentence that introduces a
/// publication, whose words a following paragraph of quotation may be.
pub fn introduces_source(clause: &str) -> Option<Np> {
    let (np, used) = clause_subject(clause)?;
    let ws = words(clause);
    let verb = ws.get(used)?;
    match np {
        Np::Name(_) | Np::Publication(Some(_)) if PUBLISH.contains_folded(verb.core) => Some(np),
        _ => None,
    }
}

/// The words' letters joined by single spaces, in one allocation.
pub fn join_cores(ws: &[Word]) -> String {
    let mut out = String::with_capacity(ws.iter().map(|w| w.core.len() + 1).sum());
    for (k, w) in ws.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(w.core);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_closed_by_one_ascii_mark() {
        let ws = words("He said, “U.S. officials agreed.” In 2023: 5.5%!");
        let got: Vec<(&str, bool)> = ws.iter().map(|w| (w.core, w.closed)).collect();
        assert_eq!(
            got,
            [
                ("He", false),
                ("said", true),
                ("U.S", false),
                ("officials", false),
                ("agreed", true),
                ("In", false),
                ("2023", true),
                ("5.5", true),
            ]
        );
    }

    #[test]
    fn participles_read_in_place_as_when_lowercased() {
        for w in [
            "Speaking",
            "REACHED",
            "Asked",
            "Reaching",
            "ing",
            "Seeding",
            "Ted",
            "Bed",
            "Bedding",
            "Überlegend",
            "İnterviewed",
            "Büßing",
            "Xi’ed",
        ] {
            let l = lower(w);
            let want = l.len() > 5 && (l.ends_with("ing") || l.ends_with("ed"));
            assert_eq!(is_participle(w), want, "{w}");
        }
        assert!(is_participle("SPEAKING") && !is_participle("Asked"));
    }

    fn name(np: Option<(Np, String)>) -> Option<String> {
        match np?.0 {
            Np::Name(n) => Some(n),
            Np::Pronoun(Some(Gender::Male)) => Some("he".into()),
            Np::Pronoun(Some(Gender::Female)) => Some("she".into()),
            Np::Pronoun(None) => Some("?".into()),
            Np::Desc { text, .. } => Some(format!("desc:{text}")),
            Np::Publication(p) => Some(format!("pub:{}", p.unwrap_or_default())),
        }
    }

    #[test]
    fn sentence_subjects() {
        let cases = [
            (
                "One migrant, Huang, who asked to share only her surname, said she left",
                "Huang",
            ),
            (
                "Waiting on the beach with a friend, Wu Xiaohua, 42, said he opted",
                "Wu Xiaohua",
            ),
            (
                "A 50-something asylum-seeker from Xi’an, who identified himself with the pseudonym Zhang Jun for fear of reprisal, crossed",
                "Zhang Jun",
            ),
            (
                "Another Chinese entrepreneur, speaking on condition of anonymity, fled",
                "desc:Another Chinese entrepreneur",
            ),
            ("In his haste, Wang first purchased a ticket", "Wang"),
            ("CNN ran The ‘walking route’", "CNN"),
            ("The New York Times says that over 24,000", "New York Times"),
        ];
        for (clause, want) in cases {
            let got = clause_subject(clause).map(|(np, _)| np);
            assert_eq!(
                name(got.map(|np| (np, String::new()))).as_deref(),
                Some(want),
                "{clause}"
            );
        }
    }
}

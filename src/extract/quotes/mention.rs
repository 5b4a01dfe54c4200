//! Mentions of a speaker as news prose writes them, read forward from their
//! first word: "IMF chief economist Maury Obstfeld", "Rep. Gwen Moore
//! (D-Wis.)", "Scott Pruitt, the Republican attorney general of Oklahoma,",
//! "Mr. McGinley, the law professor", "the Minister".
//!
//! A mention is a *head* (role words, then a name at its end) and optional
//! appositives after commas. The name is the run of capitalised words that
//! ends the head; capitalised words followed by a lowercase descriptor are
//! modifiers ("IMF chief economist", "CBS reporter", "Fox News's"), so the
//! person is named, never the outlet. Titles and honorifics inside the run
//! ("Chief", "Sen.", "Mr.") are the role, not the name.

use std::borrow::Cow;

use smallvec::SmallVec;

use super::attribute::{Gender, Np, Word};
use super::names::{is_acronym, is_name_particle, is_name_word, post_nominals};
use crate::extract::lower::lower;
use crate::extract::wordmap::{WordMap, WordSet};

/// Abbreviated honorifics and titles that stand before a name, with the role
/// they spell out (`None`: a courtesy title, not a role) and the gender they show.
const HONORIFICS: &[(&str, Option<&str>, Option<Gender>)] = &[
    ("Mr", None, Some(Gender::Male)),
    ("Mrs", None, Some(Gender::Female)),
    ("Ms", None, Some(Gender::Female)),
    ("Miss", None, Some(Gender::Female)),
    ("Dr", None, None),
    // Indian releases: "Smt. Nirmala Sitharaman", "Shri Amit Shah".
    ("Shri", None, Some(Gender::Male)),
    ("Smt", None, Some(Gender::Female)),
    ("Mme", None, Some(Gender::Female)),
    ("Mx", None, None),
    // Knighthoods: "Chief Constable Sir Andrew Marsh" is Andrew Marsh.
    ("Sir", None, Some(Gender::Male)),
    ("Dame", None, Some(Gender::Female)),
    // "The Hon. Ana Lima MP": a title of address in government releases.
    ("Hon", None, None),
    ("Sen", Some("Senator"), None),
    ("Cllr", Some("Councillor"), None),
    ("Rep", Some("Representative"), None),
    ("Gov", Some("Governor"), None),
    ("Lt", Some("Lieutenant"), None),
    ("Del", Some("Delegate"), None),
    ("Gen", Some("General"), None),
    ("Col", Some("Colonel"), None),
    ("Capt", Some("Captain"), None),
    ("Sgt", Some("Sergeant"), None),
    ("Adm", Some("Admiral"), None),
    ("Prof", Some("Professor"), None),
    ("Rev", Some("Reverend"), None),
    ("Amb", Some("Ambassador"), None),
    ("Atty", Some("Attorney"), None),
    ("Supt", Some("Superintendent"), None),
    // British police ranks as releases abbreviate them: "DI Wood added".
    ("DI", Some("Detective Inspector"), None),
    ("DCI", Some("Detective Chief Inspector"), None),
    ("DSI", Some("Detective Superintendent"), None),
    ("DS", Some("Detective Sergeant"), None),
    ("Det", Some("Detective"), None),
    ("Insp", Some("Inspector"), None),
    ("Cmdr", Some("Commander"), None),
    ("Maj", Some("Major"), None),
    ("Pres", Some("President"), None),
    ("Sec", Some("Secretary"), None),
];

/// Each honorific's index in [`HONORIFICS`], hashed: the capitalised short
/// words of every clause's opening ("The", "He", "Li") were compared with
/// the whole list one by one. A word listed twice keeps its first index,
/// as a search of the list finds.
static HONORIFIC_INDEX: WordMap<usize, 128> = WordMap::new(&honorific_entries());

const fn honorific_entries() -> [(&'static str, usize); HONORIFICS.len()] {
    let mut out = [("", 0); HONORIFICS.len()];
    let mut i = 0;
    while i < HONORIFICS.len() {
        out[i] = (HONORIFICS[i].0, i);
        i += 1;
    }
    out
}

/// Role nouns: a title before a name ("Immigration Minister Nick Nobody",
/// "Chief Chuck Jordan") and the head of a role mention ("the Minister").
const ROLE_NOUNS: &[&str] = &[
    "minister",
    "senator",
    "president",
    "vice-president",
    // Hyphenated offices, as the UN and Commonwealth governments write them.
    "secretary-general",
    "attorney-general",
    "director-general",
    "governor-general",
    "solicitor-general",
    "auditor-general",
    "inspector-general",
    "under-secretary",
    "vice-chancellor",
    "vice-chair",
    "co-chair",
    "co-founder",
    "premier",
    "governor",
    "mayor",
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chairman",
    "chairwoman",
    "chair",
    "treasurer",
    "ambassador",
    "commissioner",
    "congressman",
    "congresswoman",
    "representative",
    "director",
    "chief",
    "leader",
    // "Senate President pro Tem Laura Chen": the office's last word.
    "tem",
    "tempore",
    // "Rapporteur Frédérique Ries (Renew, BE)": the European Parliament's.
    "rapporteur",
    // "Senate Minority Whip Richard J. Durbin".
    "whip",
    // "FBI Special Agent Dana Whitfield", "Border Patrol Agent Luis Ortiz".
    "agent",
    "chancellor",
    "vp",
    "candidate",
    "nominee",
    "sheriff",
    "judge",
    "justice",
    "speaker",
    "attorney",
    "general",
    "professor",
    "prosecutor",
    "superintendent",
    "commander",
    "officer",
    "deputy",
    "founder",
    "ceo",
    "executive",
    "manager",
    "strategist",
    "adviser",
    "advisor",
    "aide",
    "economist",
    "analyst",
    "lawyer",
    "pollster",
    "reporter",
    "correspondent",
    "columnist",
    "editor",
    "moderator",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "delegate",
    // State and city legislators, as US releases title them.
    "assemblymember",
    "assemblyman",
    "assemblywoman",
    "councilmember",
    "alderman",
    "alderwoman",
    "supervisor",
    "comptroller",
    "lieutenant",
    "colonel",
    "captain",
    "sergeant",
    "admiral",
    "reverend",
    "pastor",
    "bishop",
    "rabbi",
    "imam",
    "envoy",
    "administrator",
    "inspector",
    "auditor",
    "ombudsman",
    "mp",
    "mep",
    // "the Humanitarian Coordinator for Sudan, Clementine Nkweta-Salami".
    "coordinator",
    "co-ordinator",
    "negotiator",
    "registrar",
    "constable",
    "coroner",
    "magistrate",
    "provost",
];

/// Capitalised title words that belong to a role even at the start of a name
/// run ("President Obama", "Chief Chuck Jordan", "Senate Majority Leader").
static ROLE: WordSet<256> = WordSet::of_lowercase(ROLE_NOUNS);

/// Whether a word (any case) is a noun of office or role ("Minister", "chief").
pub fn is_role_noun(w: &str) -> bool {
    ROLE.contains_folded(w)
}

/// A word an office written in capitals holds: a capitalised word or one
/// of the joins between them ("Mayor of Springfield", "Minister for Health
/// and Aged Care", "Secretary of the Treasury").
pub fn in_capitalised_office(w: &Word) -> bool {
    w.core.starts_with(char::is_uppercase) || matches!(w.core, "of" | "for" | "the" | "and" | "&")
}

/// Whether a word is an honorific or its abbreviation, full stop left off ("Dr", "Sen").
pub fn is_honorific(w: &str) -> bool {
    w.len() <= 4 && HONORIFIC_INDEX.get(w).is_some()
}

/// Words that cannot be part of a mention: verbs, pronouns, prepositions
/// and conjunctions that start a clause or a phrase of its own. Reading
/// stops at them, so "was a phrase Smith" is no mention of Smith.
const STOP_WORDS: &[&str] = &[
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "shall",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "while",
    "as",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "into",
    "onto",
    "over",
    "after",
    "before",
    "since",
    "during",
    "about",
    "than",
    "then",
    "but",
    "or",
    "nor",
    "so",
    "if",
    "because",
    "although",
    "though",
    "not",
    "no",
    "this",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "them",
    "him",
    "her",
    "his",
    "their",
    "we",
    "our",
    "us",
    "you",
    "your",
    "i",
    "me",
    "my",
    "there",
    "here",
    "also",
    "just",
    "only",
    "even",
    "still",
    "now",
    "later",
    "today",
    "yesterday",
    "tonight",
    "via",
    "per",
    "what",
    "how",
    "why",
    "all",
    "some",
    "any",
    "each",
    "every",
    "more",
    "most",
    "many",
    "much",
    "such",
    "up",
    "out",
    "off",
    "down",
    "against",
    "between",
    "through",
    "without",
    "within",
    "under",
    "until",
    "unless",
    "whether",
    "once",
    "ago",
    "very",
    "too",
    "and",
    "himself",
    "herself",
    "themselves",
    "itself",
    "here",
    "hours",
    "shortly",
];
static STOP: WordSet<512> = WordSet::of_lowercase(STOP_WORDS);

/// Nouns of a document or broadcast that can be said to speak ("the
/// statement said", "the ad says"): a mention of one is no person.
const THING_NOUNS: &[&str] = &[
    "statement",
    "report",
    "ad",
    "advert",
    "advertisement",
    "letter",
    "email",
    "memo",
    "document",
    "release",
    "clip",
    "video",
    "post",
    "tweet",
    "website",
    "site",
    "page",
    "book",
    "study",
    "survey",
    "poll",
    "complaint",
    "lawsuit",
    "ruling",
    "order",
    "filing",
    "bill",
    "law",
    "policy",
    "platform",
    "sign",
    "headline",
    "message",
    "note",
];
static THING: WordSet<128> = WordSet::of_lowercase(THING_NOUNS);

/// Who a mention names.
#[derive(Debug, Clone, PartialEq)]
pub enum Who {
    /// A person or organisation by name, as written (titles removed).
    Name(String),
    /// "he", "she".
    Pronoun(Option<Gender>),
    /// "the Minister", "the senator": a role whose holder the text named earlier.
    Role { head: String, text: String },
    /// A description with no name: "Obama's former campaign strategist".
    Desc { text: String, head: String },
    /// A document or broadcast: "the statement", "the ad".
    Thing,
    /// "I": the author of the statement or letter, when it is signed.
    FirstPerson,
    /// A noun phrase read by the older subject grammar (publications,
    /// unnamed people), resolved as it always was.
    Np(Np),
}

/// A mention read from the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub who: Who,
    /// The role the text gives the person here ("IMF chief economist").
    pub role: Option<String>,
    /// The role noun that heads `role` ("economist"), for later role mentions.
    pub role_head: Option<String>,
    /// Gender shown by an honorific ("Mr.", "Ms.").
    pub gender: Option<Gender>,
}

#[cfg(test)]
#[test]
fn honorific_index_finds_what_a_search_of_the_list_finds() {
    for (h, _, _) in HONORIFICS {
        let first = HONORIFICS.iter().position(|x| x.0 == *h);
        assert_eq!(HONORIFIC_INDEX.get(h), first, "{h}");
        assert_eq!(HONORIFIC_INDEX.get(&h.to_lowercase()), None, "{h}");
    }
    for word in ["The", "He", "Li", "", "Mrs.", "MR"] {
        assert_eq!(HONORIFIC_INDEX.get(word), None, "{word}");
    }
}

#[cfg(test)]
#[test]
fn honorifics_are_short_capitalised_words() {
    for (h, _, _) in HONORIFICS {
        assert!(
            (2..=4).contains(&h.len()) && h.as_bytes()[0].is_ascii_uppercase(),
            "{h}"
        );
    }
}

#[cfg(test)]
impl Who {
    /// A short form for tests: the name, or what kind of mention it is.
    pub fn summary(&self) -> String {
        match self {
            Who::Name(n) => n.clone(),
            Who::Pronoun(_) => "<pronoun>".into(),
            Who::Role { head, .. } => format!("<role {head}>"),
            Who::Desc { text, .. } => format!("<desc {text}>"),
            Who::Thing => "<thing>".into(),
            Who::FirstPerson => "<I>".into(),
            Who::Np(np) => format!("<np {np:?}>"),
        }
    }
}

impl Mention {
    pub fn from_np(np: Np) -> Self {
        let who = match np {
            Np::Name(n) => Who::Name(n),
            Np::Pronoun(g) => Who::Pronoun(g),
            other => Who::Np(other),
        };
        Mention::of(who)
    }

    /// The noun phrase the older subject grammar would have read.
    pub fn to_np(&self) -> Option<Np> {
        match &self.who {
            Who::Name(n) => Some(Np::Name(n.clone())),
            Who::Pronoun(g) => Some(Np::Pronoun(*g)),
            Who::Desc { text, head } => Some(Np::Desc {
                text: text.clone(),
                head: head.clone(),
                definite: text.starts_with("the ") || text.starts_with("The "),
            }),
            Who::Np(np) => Some(np.clone()),
            Who::Role { .. } | Who::Thing | Who::FirstPerson => None,
        }
    }

    pub(super) fn of(who: Who) -> Self {
        Mention {
            who,
            role: None,
            role_head: None,
            gender: None,
        }
    }
}

/// What a word is, for reading a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// "Mr.", "Sen.": an abbreviation before a name; its index in [`HONORIFICS`].
    Honorific(usize),
    /// A capitalised word.
    Cap,
    /// A lowercase word that may describe a person ("chief", "press").
    Lower,
    /// "the", "a", "an".
    Determiner,
    /// A word no mention holds.
    Stop,
    /// Digits and the like: "9/11", "17-year-old", "25".
    Other,
}

/// Words that start a description of someone ("the", "one").
static DETERMINER: WordSet<16> =
    WordSet::of_lowercase(&["the", "a", "an", "another", "one", "some", "each", "every"]);

fn kind(w: &Word) -> Kind {
    let core = w.core;
    // Every honorific is two to four ASCII letters, the first a capital:
    // most short words ("the", "said") are turned away before the list.
    if (2..=4).contains(&core.len())
        && core.as_bytes()[0].is_ascii_uppercase()
        && let Some(i) = HONORIFIC_INDEX.get(core)
    {
        return Kind::Honorific(i);
    }
    if DETERMINER.contains_folded(core) {
        return Kind::Determiner;
    }
    if STOP.contains_folded(core) || super::sieves::is_verb(core) {
        return Kind::Stop;
    }
    if is_name_word(core) || is_acronym(core) {
        return Kind::Cap;
    }
    if core.chars().next().is_some_and(char::is_lowercase) {
        return Kind::Lower;
    }
    Kind::Other
}

/// Whether the word ends a phrase: a comma or full stop after it that is not
/// an honorific's or an initial's own full stop.
fn ends_phrase(w: &Word, k: Kind) -> bool {
    if !w.closed {
        return false;
    }
    let tail = w.raw.trim_end_matches(['”', '’', '"', ')']);
    if tail.ends_with('.') && (matches!(k, Kind::Honorific(_)) || is_initial(w.core)) {
        return false;
    }
    true
}

/// "J." in "Donald J. Trump", "E." in "Elijah E. Cummings".
fn is_initial(core: &str) -> bool {
    let mut c = core.chars();
    matches!((c.next(), c.next()), (Some(a), None) if a.is_uppercase())
}

pub(super) fn is_possessive(w: &Word) -> bool {
    let raw = w.raw.trim_end_matches([',', '.', ':', ';']);
    raw.ends_with("’s") || raw.ends_with("'s") || raw.ends_with("s’")
}

fn is_parenthetical_start(w: &Word) -> bool {
    w.raw.starts_with('(')
}

/// Reads a mention from the start of `ws`. Returns it and the number of
/// words it used. `appositives` lets it read ", the law professor," after the
/// head (where the caller knows the mention ends at a verb or the sentence end).
pub fn read(ws: &[Word], appositives: bool) -> Option<(Mention, usize)> {
    let first = ws.first()?;
    // "Her Excellency Dr Amina Bello": a title of address, no part of the
    // name, and the gender it shows.
    if matches!(first.core, "His" | "Her")
        && ws
            .get(1)
            .is_some_and(|w| w.core == "Excellency" && !w.closed)
    {
        let (mut m, used) = read(&ws[2..], appositives)?;
        if !matches!(m.who, Who::Name(_)) {
            return None;
        }
        let gender = if first.core == "His" {
            Gender::Male
        } else {
            Gender::Female
        };
        m.gender = m.gender.or(Some(gender));
        return Some((m, used + 2));
    }
    // `lower(first.core)` read in place: only the Kelvin sign lowercases
    // into ASCII (to "k": a test in `wordmap`), and every clause's
    // opening passes here.
    if first.core.eq_ignore_ascii_case("he") {
        return Some((Mention::of(Who::Pronoun(Some(Gender::Male))), 1));
    }
    if first.core.eq_ignore_ascii_case("she") {
        return Some((Mention::of(Who::Pronoun(Some(Gender::Female))), 1));
    }
    if first.core == "I" {
        return Some((Mention::of(Who::FirstPerson), 1));
    }
    // The head: up to the first word that closes a phrase, a stop word, or
    // (once a name has started) a lowercase word.
    // On the stack: a head is at most a dozen words (and two of "in
    // Charge"), and this is read at every clause's opening.
    let mut head: SmallVec<[(usize, Kind); 14]> = SmallVec::new();
    let mut k = 0;
    let mut closed = false;
    while k < ws.len() && head.len() < 12 {
        let w = &ws[k];
        if is_parenthetical_start(w) && !head.is_empty() {
            // "(D-Wis.)", "(R)": an affiliation, not part of the name.
            let mut j = k;
            while j < ws.len()
                && !ws[j]
                    .raw
                    .trim_end_matches([',', '.', ':', ';'])
                    .ends_with(')')
            {
                j += 1;
                if j - k > 6 {
                    return finish(ws, &head, k, closed, appositives);
                }
            }
            let last = ws.get(j)?;
            k = j + 1;
            if last.raw.ends_with([',', ':', ';']) || last.raw.ends_with(").") {
                closed = true;
                break;
            }
            continue;
        }
        let kd = kind(w);
        if let Some(found) = office_title(ws, &head, k) {
            return Some(found);
        }
        if !head.is_empty()
            && head.last().is_some_and(|&(_, kk)| kk == Kind::Cap)
            && lower_continues(ws, k)
            && !joins_office(ws, &head, k)
        {
            // "Mr. Morgan of the Sierra Club": the affiliation ends the mention.
            let from = k;
            k += 1;
            while k < ws.len() && (ws[k].core == "the" || kind(&ws[k]) == Kind::Cap) {
                k += 1;
                if ws[k - 1].closed {
                    closed = true;
                    break;
                }
            }
            if let Some(found) = titled_after_affiliation(ws, &head, from, k) {
                return Some(found);
            }
            break;
        }
        // "Special Agent in Charge Dana Whitfield", "Officer in Charge":
        // the office goes on through its "in Charge".
        if in_charge(ws, &head, k) {
            head.push((k, Kind::Cap));
            head.push((k + 1, Kind::Cap));
            k += 2;
            if ws[k - 1].closed {
                closed = true;
                break;
            }
            continue;
        }
        // "Ursula von der Leyen", "von der Leyen said": particles inside a
        // surname are part of the name.
        if kd == Kind::Lower && particle_in_name(ws, &head, k) {
            head.push((k, Kind::Cap));
            k += 1;
            continue;
        }
        match kd {
            // "Health and Social Care Secretary Owen Pritchard": a portfolio
            // of two joined parts before the office and its holder.
            Kind::Stop if joins_office(ws, &head, k) => {}
            Kind::Stop => break,
            Kind::Determiner if !head.is_empty() => break,
            // "IMF chief": a lowercase word after capitals makes them a
            // modifier, if it goes on describing; otherwise the mention ends.
            Kind::Lower | Kind::Other
                if head
                    .last()
                    .is_some_and(|&(i, kk)| kk == Kind::Cap && !is_possessive(&ws[i]))
                    && !descriptor_follows(ws, k) =>
            {
                break;
            }
            _ => {}
        }
        head.push((k, kd));
        k += 1;
        if ends_phrase(w, kd) {
            closed = true;
            break;
        }
    }
    finish(ws, &head, k, closed, appositives)
}

/// Whether the "in" at `k` goes on with "Charge" after a capitalised noun
/// of office: "Special Agent in Charge", "Officer in Charge" name one office.
fn in_charge(ws: &[Word], head: &[(usize, Kind)], k: usize) -> bool {
    ws[k].core == "in"
        && !ws[k].closed
        && ws.get(k + 1).is_some_and(|w| w.core == "Charge")
        && head.last().is_some_and(|&(i, kd)| {
            kd == Kind::Cap && !ws[i].closed && ROLE.contains_folded(ws[i].core)
        })
}

/// Whether the "and" at `k` joins two parts of a portfolio written before
/// its office and a name: capitals before it, and after it capitals up to
/// a noun of office that a capitalised name follows.
fn joins_office(ws: &[Word], head: &[(usize, Kind)], k: usize) -> bool {
    // "Department of Children and Families Commissioner Derek Owusu": an
    // institution's name, with its "of" and "and", before the office.
    let institution = head.first().is_some_and(|&(i, kd)| {
        kd == Kind::Cap && super::names::is_institution(ws[i].core) && !ws[i].closed
    }) && head.iter().all(|&(i, kd)| {
        kd == Kind::Cap || (matches!(ws[i].core, "of" | "for" | "and" | "&") && !ws[i].closed)
    });
    if institution && matches!(ws[k].core, "of" | "for") && head.len() == 1 {
        return !ws[k].closed && office_and_name_ahead(ws, k);
    }
    if !matches!(ws[k].core, "and" | "&")
        || head.is_empty()
        || ws[k - 1].closed
        // Portfolio words only: "President Barack Obama and Vice President
        // Joe Biden" are two people.
        || !(institution
            || head
                .iter()
                .all(|&(i, kd)| kd == Kind::Cap && super::offices::is_office_word(ws[i].core)))
    {
        return false;
    }
    office_and_name_ahead(ws, k)
}

/// Whether capitals after the join at `k` (and joins between them) run,
/// within six words, to a noun of office that a capitalised name follows.
fn office_and_name_ahead(ws: &[Word], k: usize) -> bool {
    for j in k + 1..(k + 7).min(ws.len()) {
        // "of Children and Families Commissioner": a join between capitals.
        let join = j > k + 1
            && matches!(ws[j].core, "and" | "&" | "of" | "for")
            && kind(&ws[j - 1]) == Kind::Cap;
        if join {
            continue;
        }
        if kind(&ws[j]) != Kind::Cap {
            return false;
        }
        if ROLE.contains_folded(ws[j].core) {
            return !ws[j].closed && ws.get(j + 1).is_some_and(|n| kind(n) == Kind::Cap);
        }
        if ws[j].closed {
            return false;
        }
    }
    false
}

/// A title of office with its portfolio before a name, as governments write
/// it: "Minister for Agriculture Tessa Marr", "Secretary of State Anne
/// Pell". Read only when every word so far is a role word and `for`/`of` is
/// followed by capitalised words and then the sentence goes on in lowercase:
/// the last two capitalised words are the name, the rest the role.
fn office_title(ws: &[Word], head: &[(usize, Kind)], k: usize) -> Option<(Mention, usize)> {
    // An organisation in the portfolio may have its own "for" or "of";
    // when reading past them leaves no name ("Minister for Trade Jane Roe
    // of the Liberal Party"), they end the portfolio as before.
    office_title_with(ws, head, k, true).or_else(|| office_title_with(ws, head, k, false))
}

/// [`office_title`], with `org_connectors`: whether "for", "of" and "of
/// the" join capitalised words inside the portfolio.
fn office_title_with(
    ws: &[Word],
    head: &[(usize, Kind)],
    k: usize,
    org_connectors: bool,
) -> Option<(Mention, usize)> {
    if head.is_empty()
        || !matches!(ws[k].core, "for" | "of" | "to")
        || head.len() > 3
        || !head.iter().all(|&(_, kd)| kd == Kind::Cap)
        // "Cabinet Secretary for Health", "Deputy Prime Minister for …":
        // the title ends in a noun of office.
        // "Member for Dubbo Sean Lockyer": a member of parliament, titled.
        || !(ROLE.contains_folded(ws[head[head.len() - 1].0].core)
            || ws[head[head.len() - 1].0].core == "Member")
    {
        return None;
    }
    // "Chancellor of the Exchequer", "Chief Secretary to the Treasury".
    let the = ws.get(k + 1).is_some_and(|w| w.core == "the")
        && ws.get(k + 2).is_some_and(|w| kind(w) == Kind::Cap);
    let from = k + 1 + usize::from(the);
    let mut j = from;
    // "Minister for Immigration the Hon. Ana Lima MP": a title of address
    // between portfolio and name says where the name starts.
    let mut address: Option<(usize, usize)> = None;
    while j < ws.len() {
        if address.is_none()
            && j > from
            && let Some(n) = address_len(&ws[j..])
        {
            address = Some((j, j + n));
            j += n;
            continue;
        }
        // "for Health and Social Care": a portfolio of two joined parts;
        // "Minister of State for Finance", "Secretary of State for Health":
        // a rank of office, then its portfolio.
        // "Chief Executive of Homes for Scotland Jane Wood", "Governor of
        // the Bank of England": an organisation's name with its own "for"
        // or "of" (and "the") inside the portfolio.
        let org = org_connectors && matches!(ws[j].core, "for" | "of");
        let connector = matches!(ws[j].core, "and" | "&")
            || ws[j].core == "for" && ws[j - 1].core == "State"
            || org;
        // "Minister for Sustainability and the Environment Grace Fu".
        let the = usize::from(
            (org || matches!(ws[j].core, "and" | "&"))
                && ws.get(j + 1).is_some_and(|n| n.core == "the"),
        );
        let joins = connector
            && j > from
            && !ws[j - 1].closed
            && ws.get(j + 1 + the).is_some_and(|n| kind(n) == Kind::Cap);
        if !joins && (kind(&ws[j]) != Kind::Cap || is_possessive(&ws[j])) {
            break;
        }
        j += 1 + if joins { the } else { 0 };
        if ws[j - 1].closed {
            break;
        }
    }
    // Post-nominal letters after the name ("Ana Lima MP", "Luke Roe OAM
    // MP") are no part of it.
    let end = j - ws
        .get(from..j)
        .map_or(0, |w| post_nominals(w.iter().map(|w| w.core)));
    let next_is_cap = ws.get(j).is_some_and(|w| kind(w) == Kind::Cap);
    let (name_from, role_end) = match address {
        // After the address: the name of two or three words, nothing else.
        Some((at, from)) if (2..=3).contains(&(end.saturating_sub(from))) && !next_is_cap => {
            (from, at)
        }
        Some(_) => return None,
        // At least one word of portfolio and two of name; a lowercase word
        // or the end after them (not "of the Sierra Club").
        None if (3..=9).contains(&(end - from)) && !next_is_cap => (end - 2, end - 2),
        None => return None,
    };
    let name: Vec<&str> = ws[name_from..end].iter().map(|w| w.core).collect();
    let joined = name.join(" ");
    if name
        .iter()
        .any(|w| ROLE.contains_folded(w) || is_calendar_word(w))
        || super::names::is_org_name(&joined)
    {
        return None;
    }
    // "U.S. Secretary of Agriculture": an initialism keeps its last full stop.
    let role: Vec<Cow<str>> = ws[..role_end]
        .iter()
        .map(|w| {
            if super::attribute::is_initialism(w.core, w.raw) {
                Cow::Owned(format!("{}.", w.core))
            } else {
                Cow::Borrowed(w.core)
            }
        })
        .collect();
    // "Smt. Meera Raghavan": the honorific of address shows the gender.
    let gender = address.and_then(|(_, from)| personal_honorific(ws[from - 1].core).flatten());
    Some((mention(Who::Name(joined), Some(role.join(" ")), gender), j))
}

/// The words of a title of address that opens `ws` ("the Hon.", "The
/// Honourable", "Hon", or a personal honorific: "Smt.", "Dr", "Mr"), if
/// one does.
fn address_len(ws: &[Word]) -> Option<usize> {
    let is_address = |w: &Word| {
        matches!(&*lower(w.core), "hon" | "honourable" | "honorable")
            || personal_honorific(w.core).is_some()
    };
    let the = ws
        .first()
        .is_some_and(|w| w.core.eq_ignore_ascii_case("the"));
    let at = usize::from(the);
    ws.get(at).filter(|w| is_address(w)).map(|_| at + 1)
}

/// An honorific that gives no office ("Mr", "Smt", "Dr"; not "Sen"), with
/// the gender it shows, if any.
fn personal_honorific(w: &str) -> Option<Option<Gender>> {
    let i = HONORIFIC_INDEX.get(w)?;
    let (_, role, gender) = HONORIFICS[i];
    role.is_none().then_some(gender)
}

/// Whether the lowercase word at `k` is a particle of a surname: after a
/// capitalised word of the name (or opening the mention), with at most one
/// more particle and then a capitalised word that is no title.
fn particle_in_name(ws: &[Word], head: &[(usize, Kind)], k: usize) -> bool {
    let after_name = match head.last() {
        None => true,
        Some(&(i, kd)) => kd == Kind::Cap && !ws[i].closed && !is_possessive(&ws[i]),
    };
    if !after_name || ws[k].closed || !is_name_particle(ws[k].core) {
        return false;
    }
    let mut j = k + 1;
    if ws
        .get(j)
        .is_some_and(|w| !w.closed && is_name_particle(w.core))
    {
        j += 1;
    }
    ws.get(j)
        .is_some_and(|w| is_name_word(w.core) && !ROLE.contains_folded(w.core))
}

/// "Royal College of Nursing Scotland Director Colin Poolman": an
/// organisation, its title of office and then the name, all in capitals.
/// The words before `from` are the head read so far, `from..to` the
/// affiliation read after it; the name is the two or three capitalised
/// words after the affiliation's last noun of office, the rest the role.
fn titled_after_affiliation(
    ws: &[Word],
    head: &[(usize, Kind)],
    from: usize,
    to: usize,
) -> Option<(Mention, usize)> {
    if head.iter().any(|&(_, kd)| kd != Kind::Cap) {
        return None;
    }
    let r = (from + 1..to)
        .rev()
        .find(|&i| ROLE.contains_folded(ws[i].core))?;
    let name = &ws[r + 1..to];
    if !(2..=3).contains(&name.len())
        || name[..name.len() - 1].iter().any(|w| w.closed)
        || name.iter().any(|w| {
            kind(w) != Kind::Cap || ROLE.contains_folded(w.core) || is_calendar_word(w.core)
        })
        || ws.get(to).is_some_and(|w| kind(w) == Kind::Cap)
    {
        return None;
    }
    let joined = super::attribute::join_cores(name);
    if super::names::is_org_name(&joined) {
        return None;
    }
    let role = super::attribute::join_cores(&ws[head[0].0..=r]);
    Some((mention(Who::Name(joined), Some(role), None), to))
}

/// "of the Sierra Club", "of West Virginia": an affiliation after a name.
fn lower_continues(ws: &[Word], k: usize) -> bool {
    matches!(ws[k].core, "of" | "for" | "from")
        && ws
            .get(k + 1)
            .is_some_and(|n| is_name_word(n.core) || n.core == "the")
}

/// Whether a lowercase word at `k` goes on describing a person: more words
/// follow before a capitalised name within a few words.
fn descriptor_follows(ws: &[Word], k: usize) -> bool {
    // "a Pfizer spokesperson said": a noun for one person is the head the
    // capitals modify, though a verb comes straight after it.
    if ws
        .get(k)
        .is_some_and(|w| kind(w) == Kind::Lower && super::attribute::is_person_noun(w.core))
    {
        return true;
    }
    for w in ws.iter().skip(k).take(5) {
        match kind(w) {
            Kind::Lower | Kind::Other => {
                // Verbs are no descriptors: "Trump attacked Clinton".
                if w.core.ends_with("ed")
                    || w.core.ends_with("ing")
                    || super::sieves::is_verb(w.core)
                {
                    return false;
                }
                // "Another Chinese entrepreneur,": the noun ends the mention.
                if w.closed {
                    return true;
                }
            }
            Kind::Cap | Kind::Honorific(_) => return true,
            _ => return false,
        }
    }
    false
}

fn finish(
    ws: &[Word],
    head: &[(usize, Kind)],
    mut used: usize,
    closed: bool,
    appositives: bool,
) -> Option<(Mention, usize)> {
    if head.is_empty() {
        return None;
    }
    // The name: the run of capitalised words that ends the head.
    let end = head.len();
    let mut start = end;
    while start > 0 && head[start - 1].1 == Kind::Cap && !is_possessive(&ws[head[start - 1].0]) {
        start -= 1;
    }
    // Role words at the start of the run ("Chief Chuck Jordan", "Senate Majority Leader Mitch McConnell").
    let mut name_from = start;
    // "Ana Lima MP": post-nominal letters after a name are no role before
    // it (names::clean_name drops them).
    // At least two words stay: "Ana MP" is no name with letters after it.
    let letters_from = end
        - head
            .get(start + 2..end)
            .map_or(0, |h| post_nominals(h.iter().map(|&(i, _)| ws[i].core)));
    for j in start..letters_from {
        let core = ws[head[j].0].core;
        if ROLE.contains_folded(core)
            || (core == "Charge" && j > 0 && ws[head[j - 1].0].core == "in")
        {
            name_from = j + 1;
        }
    }
    // "Prime Minister Datuk Seri Anwar Ibrahim": a title of honour is
    // neither office nor name.
    let honour =
        super::names::malaysian_title_len(head[name_from..end].iter().map(|&(i, _)| ws[i].core));
    let mut gender = None;
    let mut role_words: Vec<String> = Vec::new();
    for &(i, kd) in &head[..name_from] {
        let w = &ws[i];
        match kd {
            Kind::Determiner => {}
            Kind::Honorific(h) => {
                let (_, role, g) = HONORIFICS[h];
                gender = gender.or(g);
                if let Some(r) = role {
                    role_words.push(r.to_string());
                }
            }
            // "U.S. Senator": an initialism keeps its last full stop.
            _ if super::attribute::is_initialism(w.core, w.raw) => {
                role_words.push(format!("{}.", w.core));
            }
            _ => role_words.push(w.core.to_string()),
        }
    }
    let name_from = name_from + honour;
    // Initials keep their full stop: "Elijah E. Cummings".
    let name_words: SmallVec<[&str; 8]> = head[name_from..end]
        .iter()
        .map(|&(i, _)| {
            let w = &ws[i];
            if is_initial(w.core)
                && w.raw.starts_with(w.core)
                && w.raw[w.core.len()..].starts_with('.')
            {
                &w.raw[..w.core.len() + 1]
            } else {
                w.core
            }
        })
        .collect();
    let starts_definite = head.first().is_some_and(|&(_, k)| k == Kind::Determiner);
    // "a spokesperson for Senator Roe", "a lawyer for Smith": the agent
    // speaks, not the person named after "for" or "of".
    if !name_words.is_empty()
        && start >= 2
        && let (noun, link) = (ws[head[start - 2].0].core, ws[head[start - 1].0].core)
        && head[start - 2].1 == Kind::Lower
        && speaks_for(&lower(noun), link)
    {
        let noun = lower(noun).to_string();
        return Some((
            Mention::of(Who::Desc {
                text: join(ws, head),
                head: noun,
            }),
            used,
        ));
    }
    // "Last Tuesday Callahan": no person's name holds a day of the week;
    // a month may ("April Ryan"), but not a name of months alone.
    if !name_words.is_empty()
        && (name_words.iter().all(|w| is_calendar_word(w))
            || name_words.iter().any(|w| is_weekday(w)))
    {
        return None;
    }
    // Headings and datelines are in capitals: "CONGRESS HAS INVESTIGATED HIM", "WASHINGTON".
    let shouted = |w: &&str| w.len() > 1 && !w.chars().any(char::is_lowercase);
    if name_words.iter().all(shouted)
        && (name_words.len() > 1 || name_words.iter().any(|w| w.len() > 5))
    {
        return None;
    }
    // "President Xi Jinping’s message", "Hoff’s letter": the possessor speaks.
    if name_words.is_empty()
        && let Some(p) = head.iter().position(|&(i, _)| is_possessive(&ws[i]))
        && p + 2 == end
        && (THING.contains_folded(ws[head[end - 1].0].core)
            || matches!(
                ws[head[end - 1].0].core,
                "message" | "words" | "remarks" | "comments" | "speech"
            ))
    {
        let mut from = p;
        while from > 0 && head[from - 1].1 == Kind::Cap {
            from -= 1;
        }
        let run: Vec<&str> = head[from..=p].iter().map(|&(i, _)| ws[i].core).collect();
        let name = super::names::clean_name(&run.join(" ")).into_owned();
        if !name.is_empty() {
            return Some((Mention::of(Who::Name(name)), used));
        }
    }
    // "Powell’s office said", "Ryan’s campaign": a named person's office or
    // campaign speaks for them, and is named as the text names it (an
    // organisation: no pronoun later refers to it).
    if name_words.is_empty()
        && let Some(p) = head.iter().position(|&(i, _)| is_possessive(&ws[i]))
        && p + 2 <= end
        && head[p].1 == Kind::Cap
        && matches!(ws[head[p + 1].0].core, "office" | "campaign")
        && (p + 2 == end || (!ws[head[p + 1].0].closed && verb_like(ws[head[p + 2].0].core)))
    {
        let end = p + 2;
        let used = head[p + 1].0 + 1;
        let mut from = p;
        while from > 0 && head[from - 1].1 == Kind::Cap {
            from -= 1;
        }
        // The possessive as written ("Sanders’", whose core drops the mark).
        let run: Vec<&str> = head[from..end]
            .iter()
            .map(|&(i, _)| {
                let w = &ws[i];
                if i == head[p].0 {
                    w.raw
                        .trim_start_matches(|c: char| !c.is_alphanumeric())
                        .trim_end_matches([',', '.', ':', ';'])
                } else {
                    w.core
                }
            })
            .collect();
        return Some((Mention::of(Who::Name(run.join(" "))), used));
    }
    let who = if name_words.is_empty() {
        // No name: "the Minister", "the statement", "Obama's former campaign strategist".
        let last = ws[head[end - 1].0].core;
        let l = lower(last).to_string();
        if THING.contains(&l) {
            Who::Thing
        } else if ROLE.contains(&l) && starts_definite {
            Who::Role {
                head: canonical_role(&l).to_string(),
                text: join(ws, head),
            }
        } else {
            Who::Desc {
                text: join(ws, head),
                head: l,
            }
        }
    } else {
        Who::Name(name_words.join(" "))
    };
    // "said the chair of the Environment Committee, Pascal Martin": a
    // noun of office or for a person, the body it belongs to in capitals,
    // then the name set off.
    if appositives
        && !closed
        && matches!(who, Who::Desc { .. } | Who::Role { .. })
        && let Some((c, end)) = body_of_office(ws, head, used)
        && let Some((mut named, k)) = read(&ws[end..], false)
        && matches!(named.who, Who::Name(_))
        && k <= 5
        && ws[end + k - 1].closed
        && !ws[end + k - 1].raw.ends_with(['?', '!'])
    {
        let noun = lower(ws[c - 1].core).to_string();
        let before = head
            .iter()
            .take_while(|&&(i, _)| i < c)
            .copied()
            .collect::<Vec<_>>();
        let text = format!(
            "{} {}",
            join(ws, &before),
            super::attribute::join_cores(&ws[c..end])
        );
        let text = ["The ", "the "]
            .iter()
            .find_map(|d| text.strip_prefix(d))
            .unwrap_or(&text);
        named.role = Some(text.to_owned());
        named.role_head = Some(canonical_role(&noun).to_string()).filter(|_| ROLE.contains(&noun));
        return Some((named, end + k));
    }
    // "Sanders’s campaign manager, Jeff Weaver, said": a description of a
    // person set off by commas, then the name it describes, set off too;
    // the description is the role.
    if appositives
        && closed
        && let Who::Desc { text, head: noun } | Who::Role { text, head: noun } = &who
        && (ROLE.contains(noun) || super::attribute::is_person_noun(noun))
        && let Some((mut named, k)) = read(&ws[used..], false)
        && matches!(named.who, Who::Name(_))
        && k <= 5
        && ws[used + k - 1].closed
        && !ws[used + k - 1].raw.ends_with(['?', '!'])
    {
        // "The Prime Minister, Anna Lind," gives the role "Prime Minister".
        // "The group’s director" keeps its determiner.
        let role = ["The ", "the "]
            .iter()
            .find_map(|d| text.strip_prefix(d))
            .filter(|rest| {
                let first = rest.split(' ').next().unwrap_or_default();
                first.starts_with(char::is_uppercase)
                    && !["’s", "'s", "’", "'"].iter().any(|p| first.ends_with(p))
            })
            .unwrap_or(text);
        named.role = Some(role.to_owned());
        named.role_head = Some(canonical_role(noun).to_string()).filter(|_| ROLE.contains(noun));
        return Some((named, used + k));
    }
    let mut role = if role_words.is_empty() {
        None
    } else {
        Some(role_words.join(" "))
    };
    // Appositives: ", the Republican attorney general of Oklahoma,", ", 25,".
    if appositives && closed && matches!(who, Who::Name(_)) {
        while let Some(next) = ws.get(used) {
            // "X, a spokesman, said, “…”": the verb after the aside ends
            // the mention; it is no second aside.
            if super::sieves::is_verb(next.core) {
                break;
            }
            let mut j = used;
            // "the Thomas B. Fordham Institute": an initial before a
            // capitalised word closes nothing.
            let open = |j: usize| {
                !ws[j].closed
                    || (is_initial(ws[j].core)
                        && ws[j].raw.ends_with('.')
                        && ws.get(j + 1).is_some_and(|n| kind(n) == Kind::Cap))
            };
            while j < ws.len() && open(j) && j - used < 14 {
                if kind(&ws[j]) == Kind::Stop && !in_office_aside(ws, j) {
                    return Some((mention(who, role, gender), used));
                }
                j += 1;
            }
            if j >= ws.len() || !ws[j].closed {
                break;
            }
            let part = &ws[used..=j];
            if role.is_none() && part.iter().any(|w| ROLE.contains_folded(w.core)) {
                if matches!(kind(next), Kind::Determiner) {
                    role = Some(super::attribute::join_cores(&part[1..]));
                } else if next.core.starts_with(char::is_uppercase)
                    && part.iter().take(5).any(|w| {
                        w.core.starts_with(char::is_uppercase) && ROLE.contains_folded(w.core)
                    })
                    && part
                        .iter()
                        .take_while(|w| !ROLE.contains_folded(w.core))
                        .all(|w| w.core.starts_with(char::is_uppercase))
                {
                    // "The Hon. Ben Carter MP, Minister for Roads,", "said
                    // Lucia Baca, State Director of AARP New Mexico.": an
                    // office in capitals, as releases write it.
                    role = Some(super::attribute::join_cores(part));
                } else if (part.len() <= 8
                    // "said Liana Fox, assistant division chief for the
                    // Economic Characteristics Division at the Census
                    // Bureau.": longer when the office opens it.
                    || part.iter().take(4).any(|w| ROLE.contains_folded(w.core)))
                    && (next.core.starts_with(char::is_lowercase)
                        || ["’s", "'s"].iter().any(|p| next.core.ends_with(p)))
                {
                    // "said Jane Doe, chief executive officer of Acme.",
                    // "John Smith, Acme's chief financial officer,": a
                    // company's office, lowercase, as business news and
                    // releases write it.
                    role = Some(super::attribute::join_cores(part));
                }
            }
            used = j + 1;
        }
    }
    Some((mention(who, role, gender), used))
}

/// Whether a word the mention reader stops at is still part of an aside
/// after a name: a preposition of an office ("Director of AARP", "at the
/// Fed"), an acronym spelled like a stop word ("WHO Regional Director"), or
/// an "and" between capitals ("Director for Europe and Central Asia").
fn in_office_aside(ws: &[Word], j: usize) -> bool {
    let w = ws[j].core;
    matches!(w, "of" | "for" | "at" | "in")
        || super::names::is_acronym(w)
        || (matches!(w, "and" | "&") && {
            // "Minister for Sustainability and the Environment".
            let the = usize::from(ws.get(j + 1).is_some_and(|n| n.core == "the"));
            ws.get(j + 1 + the)
                .is_some_and(|n| n.core.starts_with(char::is_uppercase))
        })
}

/// After a lowercase noun of office or for a person, "of the Environment
/// Committee,": "of", "for" or "at" (the head's last word, or the word
/// after it), an optional "the", then capitalised words up to a comma.
/// Returns where the connector is and where the phrase ends.
fn body_of_office(ws: &[Word], head: &[(usize, Kind)], used: usize) -> Option<(usize, usize)> {
    let connector = |k: usize| {
        ws.get(k)
            .is_some_and(|w| matches!(w.core, "of" | "for" | "at") && !w.closed)
    };
    let last = head.last()?.0;
    let k = if connector(last) { last } else { used };
    if k == 0 || !connector(k) {
        return None;
    }
    let noun = ws[k - 1].core;
    if !noun.starts_with(char::is_lowercase)
        || !(ROLE.contains_folded(noun) || super::attribute::is_person_noun(noun))
    {
        return None;
    }
    let mut j = k + 1;
    if ws.get(j)?.core == "the" && !ws[j].closed {
        j += 1;
    }
    let from = j;
    while j < ws.len() && j - from < 6 && kind(&ws[j]) == Kind::Cap {
        if ws[j].closed {
            return ws[j].raw.ends_with(',').then_some((k, j + 1));
        }
        j += 1;
    }
    None
}

/// Whether a description is of someone who speaks for a person it names
/// ("a spokesperson for Senator Roe"): what [`read`] gives such a mention.
pub fn speaks_for_someone(text: &str, head: &str) -> bool {
    ["for", "of"]
        .iter()
        .any(|link| speaks_for(head, link) && lower(text).contains(&format!("{head} {link} ")))
}

/// Whether `noun` then `link` ("spokesperson for", "friend of") describes
/// someone who speaks for the person named after it.
pub(super) fn speaks_for(noun: &str, link: &str) -> bool {
    match link {
        "for" => matches!(
            noun,
            "spokesperson"
                | "spokesman"
                | "spokeswoman"
                | "aide"
                | "lawyer"
                | "attorney"
                | "adviser"
                | "advisor"
                | "counsel"
                | "representative"
                | "official"
                | "staffer"
                | "assistant"
                | "secretary"
        ),
        "of" => matches!(
            noun,
            "friend"
                | "relative"
                | "ally"
                | "aide"
                | "adviser"
                | "advisor"
                | "spokesperson"
                | "spokesman"
                | "spokeswoman"
                | "lawyer"
        ),
        _ => false,
    }
}

/// A word that may be the verb after a subject the mention reader read on
/// into ("Ryan’s campaign shrugged off"): a verb it knows, a past tense in
/// "-ed", or a common irregular past; never a noun that would go on naming
/// ("Ryan’s campaign manager").
fn verb_like(w: &str) -> bool {
    super::sieves::is_verb(w)
        || (w.len() > 4 && w.ends_with("ed"))
        || matches!(
            w,
            "sent" | "put" | "made" | "took" | "gave" | "wrote" | "spent" | "hit"
        )
}

fn mention(who: Who, role: Option<String>, gender: Option<Gender>) -> Mention {
    let role_head = role.as_deref().and_then(role_head);
    Mention {
        who,
        role,
        role_head,
        gender,
    }
}

/// The noun of office that heads a role as written ("Minister" of
/// "Minister of Indigenous Services"), as the key later role mentions
/// ("the Minister said") look its holder up by. Looked up folded (`ROLE`
/// is lowercase ASCII): only the role word found is lowercased into a
/// string, not every word tried.
pub fn role_head(role: &str) -> Option<String> {
    role.split(' ')
        .rev()
        .find(|w| ROLE.contains_folded(w))
        .map(|w| canonical_role(&lower(w)).to_string())
}

/// "Monday" … "Sunday", as [`is_calendar_word`] has them.
pub fn is_weekday(w: &str) -> bool {
    w.ends_with("day") && is_calendar_word(w)
}

/// Days and months are capitalised but name no one: "early Friday saying".
pub fn is_calendar_word(w: &str) -> bool {
    matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Today"
            | "Tonight"
    )
}

/// One key for role nouns that name the same office.
pub fn canonical_role(noun: &str) -> &str {
    match noun {
        "spokesman" | "spokeswoman" => "spokesperson",
        "congressman" | "congresswoman" => "representative",
        "assemblyman" | "assemblywoman" => "assemblymember",
        "councilman" | "councilwoman" => "councilmember",
        "chairwoman" | "chair" => "chairman",
        "advisor" => "adviser",
        other => other,
    }
}

fn join(ws: &[Word], head: &[(usize, Kind)]) -> String {
    head.iter()
        .map(|&(i, _)| ws[i].core)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::attribute::words;
    use super::*;

    fn read_str(s: &str) -> (String, Option<String>) {
        let ws = words(s);
        let (m, _) = read(&ws, true).expect(s);
        (m.who.summary(), m.role)
    }

    #[test]
    fn names_after_role_words() {
        let cases = [
            (
                "IMF chief economist Maury Obstfeld said",
                "Maury Obstfeld",
                Some("IMF chief economist"),
            ),
            (
                "White House press secretary Josh Earnest said",
                "Josh Earnest",
                Some("White House press secretary"),
            ),
            (
                "Tulsa police Chief Chuck Jordan said Monday",
                "Chuck Jordan",
                Some("Tulsa police Chief"),
            ),
            (
                "Rep. Gwen Moore (D-Wis.) said Friday",
                "Gwen Moore",
                Some("Representative"),
            ),
            ("Mr. Obama said.", "Obama", None),
            (
                "Senate Majority Leader Mitch McConnell, R-Ky., said",
                "Mitch McConnell",
                Some("Senate Majority Leader"),
            ),
            (
                "Immigration Minister Nick Nobody said",
                "Nick Nobody",
                Some("Immigration Minister"),
            ),
            ("CBS reporter Jane Roe: ", "Jane Roe", Some("CBS reporter")),
            ("Fox News's John Doe: ", "John Doe", Some("Fox News's")),
            ("Mr. Morgan of the Sierra Club said", "Morgan", None),
            (
                "Scott Pruitt, the Republican attorney general of Oklahoma, said",
                "Scott Pruitt",
                Some("Republican attorney general of Oklahoma"),
            ),
            (
                "Mr. McGinley, the law professor.",
                "McGinley",
                Some("law professor"),
            ),
            (
                "Rep. Elijah E. Cummings (D-Md.) said",
                "Elijah E. Cummings",
                Some("Representative"),
            ),
            (
                "9/11 widow Terry Strada.",
                "Terry Strada",
                Some("9/11 widow"),
            ),
            (
                "French President François Hollande said",
                "François Hollande",
                Some("French President"),
            ),
            (
                "Minister for Agriculture Tessa Marr today announced",
                "Tessa Marr",
                Some("Minister for Agriculture"),
            ),
            (
                "Secretary of State Anne Pell said",
                "Anne Pell",
                Some("Secretary of State"),
            ),
            // An affiliation, not a portfolio: the mention ends at "of".
            (
                "Minister of the Crown said",
                "<desc Minister>",
                Some("Minister"),
            ),
            (
                "CEO of Harbour Restaurant Association said",
                "<desc CEO>",
                Some("CEO"),
            ),
        ];
        for (text, name, role) in cases {
            assert_eq!(
                read_str(text),
                (name.to_string(), role.map(str::to_string)),
                "{text}"
            );
        }
    }

    #[test]
    fn roles_descriptions_and_things() {
        assert_eq!(read_str("the Minister said").0, "<role minister>");
        assert_eq!(read_str("the spokeswoman said").0, "<role spokesperson>");
        assert_eq!(read_str("the statement said").0, "<thing>");
        assert_eq!(
            read_str("Obama's former campaign strategist said").0,
            "<desc Obama's former campaign strategist>"
        );
        assert_eq!(read_str("she said").0, "<pronoun>");
    }

    #[test]
    fn a_persons_office_or_campaign_speaks_under_its_own_name() {
        let read_used = |s: &str| {
            let ws = words(s);
            read(&ws, true).map(|(m, used)| (m.who.summary(), used))
        };
        assert_eq!(
            read_used("Roe’s office said in a statement"),
            Some(("Roe’s office".to_string(), 2))
        );
        assert_eq!(
            read_used("Sen. Ann Roe’s campaign shrugged off the remarks"),
            Some(("Ann Roe’s campaign".to_string(), 4))
        );
        assert_eq!(
            read_used("Lee Jones’ campaign said"),
            Some(("Lee Jones’ campaign".to_string(), 3))
        );
        // A noun after "campaign" goes on naming someone else.
        assert_eq!(
            read_str("Roe’s campaign manager said").0,
            "<desc Roe’s campaign manager>"
        );
        assert_eq!(read_used("her campaign said"), None);
        // An organisation: no later pronoun refers to it.
        assert!(super::super::names::is_org_name("Roe’s office"));
    }

    #[test]
    fn a_name_set_off_after_a_description_of_its_role() {
        assert_eq!(
            read_str("Roe’s campaign manager, Jeff Lund, said in an interview."),
            (
                "Jeff Lund".to_string(),
                Some("Roe’s campaign manager".to_string())
            )
        );
        assert_eq!(
            read_str("The group’s director, Ann Ray, warned"),
            (
                "Ann Ray".to_string(),
                Some("The group’s director".to_string())
            )
        );
        // The role's holder for a later "the director".
        let ws = words("The group’s director, Ann Ray, warned");
        let (m, used) = read(&ws, true).unwrap();
        assert_eq!((m.role_head.as_deref(), used), (Some("director"), 5));
        // A thing is described, not a person: no name set off after it.
        assert_eq!(read_str("The statement, Ann Ray, warned").0, "<thing>");
    }

    #[test]
    fn post_nominal_letters_after_a_name() {
        let ws = words("Ana Lima MP said");
        let (m, used) = read(&ws, true).unwrap();
        assert_eq!((m.who.summary(), used), ("Ana Lima MP".to_string(), 3));
        assert_eq!(
            super::super::names::clean_name("Ana Lima MP"),
            "Ana Lima",
            "the speaker's name drops them"
        );
    }

    #[test]
    fn no_mention_in_a_clause() {
        let ws = words("was a phrase Smith used");
        assert!(read(&ws, false).is_none());
    }
}

//! Names in running text: who and what a document mentions, so that a later
//! "Zhang" resolves to the "Zhang Jun" introduced earlier, "NYT" to "New York
//! Times", and "the bank" to the "European Central Bank".

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::ops::Range;

use memchr::memmem;

use super::whitespace;
use crate::extract::wordmap::WordSet;

/// Words that start a sentence with a capital but never begin a name.
const FUNCTION_WORDS: &[&str] = &[
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "But",
    "And",
    "Or",
    "Yet",
    "So",
    "If",
    "When",
    "While",
    "As",
    "After",
    "Before",
    "Since",
    "Until",
    "Although",
    "Though",
    "Because",
    "Then",
    "Now",
    "Here",
    "There",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "One",
    "Another",
    "Some",
    "Many",
    "Most",
    "Few",
    "Others",
    "Other",
    "All",
    "Every",
    "Each",
    "No",
    "Not",
    "Even",
    "Still",
    "Also",
    "However",
    "Nevertheless",
    "Therefore",
    "Unlike",
    "Among",
    "Between",
    "Through",
    "Over",
    "Under",
    "Despite",
    "During",
    "Why",
    "What",
    "Who",
    "How",
    "Where",
    "Which",
    "Today",
    "Yesterday",
    "Last",
    "Next",
    "Once",
    "Just",
    "Ultimately",
    "Fortunately",
    "Unfortunately",
    "Originally",
    "Notably",
    "Meanwhile",
    "According",
    "Faced",
    "Escaping",
    "Waiting",
    "Citing",
    "Let",
    "Do",
    "Does",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    // Indefinite pronouns: "Nobody said …" names no one.
    "Nobody",
    "Everybody",
    "Everyone",
    "Somebody",
    "Someone",
    "Anybody",
    "Anyone",
];

/// Titles dropped from a name: "President Xi Jinping" is Xi Jinping.
const TITLES: &[&str] = &[
    "President",
    "Premier",
    "Chairman",
    "Leader",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Shri",
    "Smt",
    "Smt.",
    "Prof",
    "Prof.",
    "Professor",
    "Director",
    "Minister",
    "Secretary",
    "General",
    "Senator",
    "Governor",
    "Judge",
    "Lawyer",
    "Activist",
    // Knighthoods: "Sir Keir Starmer", "Dame Margaret Hodge".
    "Sir",
    "Dame",
    // Callings news prose sets before a name: "Comedian Sarah Silverman".
    "Comedian",
    "Actor",
    "Actress",
    "Rapper",
    "Novelist",
    "Businessman",
    "Businesswoman",
    "Billionaire",
    "Filmmaker",
    // Plural offices before the first of two names: "U.S. Senators Amy
    // Roe (D-Minn.) and Chuck Doe".
    "Senators",
    "Sens.",
    "Sens",
    "Representatives",
    "Reps.",
    "Reps",
    "Ministers",
    "Governors",
    "Councillors",
    "Commissioners",
];

/// Words that mark a name as an organisation or publication, not a person.
const ORG_WORDS: &[&str] = &[
    "Times",
    "Post",
    "News",
    "Journal",
    "Jazeera",
    "Bank",
    "Department",
    "Agency",
    "Defenders",
    "Asia",
    "America",
    "University",
    "Government",
    "Party",
    "Protection",
    "Patrol",
    "Customs",
    "Nations",
    "Commission",
    "Commissioner",
    "Council",
    "Ministry",
    "Bureau",
    "Police",
    "Organization",
    "Organisation",
    "Institute",
    "Foundation",
    "Association",
    "Movement",
    "Express",
    "Press",
    "Reuters",
    "Group",
    "Court",
    "Congress",
    "Office",
    "Service",
    "Watch",
    "International",
    "Committee",
    "Center",
    "Centre",
    "Company",
    "Co.",
    "Ltd.",
    "Inc.",
    "Bulletin",
    "Guardian",
    "Economist",
    "Tribune",
    "Herald",
    "Daily",
    "Radio",
    "Television",
    "Network",
    "Front",
    "Department’s",
    "Security",
    "Force",
    "Forces",
    "Army",
    "Union",
    // "Powell’s office", "Ryan’s campaign" (see `mention::read`).
    "office",
    "campaign",
];

/// Nouns that make "the piece", "the report" mean the publication last named.
pub const PUBLICATION_NOUNS: &[&str] = &[
    "piece",
    "story",
    "article",
    "report",
    "newspaper",
    "paper",
    "outlet",
    "broadcast",
    "video",
];

// The lists as hash sets: every run of capitalised words is checked against them.
static FUNCTION_WORD: WordSet<256> = WordSet::of(FUNCTION_WORDS);
static TITLE: WordSet<128> = WordSet::of(TITLES);
static ORG_WORD: WordSet<256> = WordSet::of(ORG_WORDS);

/// Whether a capitalised word opens sentences but never a name ("The", "Nobody").
pub fn is_function_word(w: &str) -> bool {
    FUNCTION_WORD.contains(w)
}

/// Institutions a text names in full once and then by the bare noun ("the
/// Department of Health" … "the Department said").
const INSTITUTIONS: &[&str] = &[
    "Department",
    "Agency",
    "Ministry",
    "Office",
    "Government",
    "Council",
    "Commission",
    "Bureau",
    "Committee",
    "Service",
    "Court",
    "Authority",
    "Board",
];
static INSTITUTION: WordSet<32> = WordSet::of(INSTITUTIONS);

/// Whether a word, as written, is a noun of an institution ("Department").
pub fn is_institution(w: &str) -> bool {
    INSTITUTION.contains(w)
}

/// The text read so far, for looking up what a short name, an acronym or a
/// common noun refers to. Lookups read back through it only when a quote
/// needs one, so reading a document costs nothing here.
///
/// Reading back is cheap while lookups are few, as in real articles. A text
/// made of quotes by ever new names, or of "the bank said" over and over,
/// would have every lookup read back [`LOOKBACK`] sentences: once lookups
/// have read back [`INDEX_AFTER`] times the text, the registry indexes the
/// names of every sentence once instead ([`Index`]), which answers each
/// lookup the same way in constant time.
#[derive(Debug, Default)]
pub struct Registry<'a> {
    /// Sentences in reading order.
    seen: Vec<&'a str>,
    /// Short names already traced to a longer one ("Zhang" → "Zhang Jun"):
    /// once the text has given a full name, it keeps meaning that person.
    resolved: HashMap<String, String>,
    /// Short names not traced yet, and how many sentences had been read then:
    /// the next lookup reads only the sentences seen since.
    unresolved: HashMap<String, usize>,
    /// The publication most recently written about ("The NYT piece …").
    pub last_publication: Option<String>,
    /// Bytes of the sentences seen, and bytes lookups have read back.
    seen_bytes: usize,
    read_back: Cell<usize>,
    /// The names of the sentences, once reading back has cost too much.
    index: Option<Index>,
    /// [`Registry::written_lowercase`]'s answers: for each word asked, how
    /// many sentences had been read then and whether one had it in
    /// lowercase. A later question reads only the sentences seen since.
    lowercase: HashMap<String, (usize, bool)>,
    /// [`Registry::written_inside`]'s answers, kept the same way.
    inside: HashMap<String, (usize, bool)>,
}

/// How far back a lookup reads, in sentences: bounds the cost on huge documents.
const LOOKBACK: usize = 2_000;

/// Lookups read back through the text until they have read this many times
/// its size (plus [`INDEX_SLACK`] bytes, so short documents never switch);
/// then the registry indexes it.
const INDEX_AFTER: usize = 4;
const INDEX_SLACK: usize = 1 << 20;

/// The latest name run with each key, and the sentence it is in: what
/// reading back from the newest sentence finds first. A run is kept as
/// [`clean_name`] gives it, which is what lookups compare.
#[derive(Debug, Default)]
struct Index {
    /// Sentences `seen[..upto]` are indexed.
    upto: usize,
    /// Every run, by its initials when they could spell an acronym ("NYT").
    initials: HashMap<String, (usize, String)>,
    /// Runs of two or more words that do not name an organisation, by each
    /// of their words ("Zhang" → "Zhang Jun").
    word: HashMap<String, (usize, String)>,
    /// Runs of two or more words, by their last word ("Bank" → "European Central Bank").
    last_word: HashMap<String, (usize, String)>,
    /// Each word of an organisation's name of several words, to its newest name.
    org_word: HashMap<String, (usize, String)>,
}

impl Index {
    fn add(&mut self, n: usize, sentence: &str) {
        for run in name_runs(sentence) {
            let name = clean_name(run);
            let initials = initials(&name);
            if is_acronym(&initials) {
                self.initials.insert(initials, (n, name.to_string()));
            }
            if !name.contains(' ') {
                continue;
            }
            let last = name.split(' ').next_back().unwrap_or_default();
            self.last_word
                .insert(last.to_string(), (n, name.to_string()));
            let org = is_org_name(&name);
            for word in name.split(' ') {
                if org {
                    self.org_word
                        .insert(word.to_string(), (n, name.to_string()));
                } else if !only_office_besides(&name, word) {
                    self.word.insert(word.to_string(), (n, name.to_string()));
                }
            }
        }
    }
}

/// What the registry is asked: the newest run that is …
#[derive(Debug, Clone, Copy)]
enum Query<'q> {
    /// … spelled by this acronym's initials;
    Initials(&'q str),
    /// … two or more words, not an organisation, one of them this one;
    Longer(&'q str),
    /// … two or more words, the last this one.
    EndingIn(&'q str),
    /// An organisation's name of several words with this word in it.
    OrgWith(&'q str),
}

impl<'a> Registry<'a> {
    /// Records a sentence as read.
    pub fn see(&mut self, text: &'a str) {
        self.seen.push(text);
        self.seen_bytes += text.len();
    }

    /// Whether the text read so far has `word` in lowercase as a word of
    /// its own: "Earlier", "Soon", "People" open sentences in capitals and
    /// are written in lowercase elsewhere; a name is not. Reads back at most
    /// [`LOOKBACK`] sentences; asked only of one-word names a pronoun might
    /// be given, which are few.
    pub fn written_lowercase(&mut self, word: &str) -> bool {
        let read = self.seen.len();
        let Some(from) = read_on_from(&self.lowercase, word, read) else {
            return true;
        };
        let lower = word.to_lowercase();
        if lower == word || lower.is_empty() {
            return false;
        }
        let found = whole_word_in(&self.seen[from..], &lower, |_, _| true);
        self.lowercase.insert(word.to_owned(), (read, found));
        found
    }

    /// Whether the text read so far has `word`, as written, inside a
    /// sentence (after another of its words): "Negotiators met …" opens a
    /// sentence in capitals as any noun would, while a name is capitalised
    /// where it stands. Kept like [`Registry::written_lowercase`]'s answers.
    pub fn written_inside(&mut self, word: &str) -> bool {
        let read = self.seen.len();
        let Some(from) = read_on_from(&self.inside, word, read) else {
            return true;
        };
        if word.is_empty() {
            return false;
        }
        let found = whole_word_in(&self.seen[from..], word, |s, at| {
            let before = s[..at].trim_end();
            match before.chars().next_back() {
                None | Some('!' | '?' | ':' | '“' | '‘' | '(' | '—' | '–') => false,
                // A straight mark closes a quotation after its last word
                // (`," Obama said`) and opens one after a space.
                Some('"' | '\'') => {
                    !before[..before.len() - 1].ends_with(char::is_whitespace) && before.len() > 1
                }
                // "Ernest D. Coursey", "Sen. Kyle": no sentence ends there.
                Some('.') => crate::extract::text::is_abbreviation(&before[..before.len() - 1]),
                Some(_) => true,
            }
        });
        self.inside.insert(word.to_owned(), (read, found));
        found
    }

    /// Names in the text read so far, most recent first, that may hold
    /// `needle` as a word (`whole`) or at the start of one: the callers look
    /// for a name with `needle` as one of its words, or as the initial of its
    /// first. Only the stretches of a sentence around `needle` are split into
    /// names ([`stretches_around`]); sentences are often whole paragraphs.
    /// Runs of one word are left out before they are cleaned: every query
    /// asks for a name of two words or more (an acronym's initials too), and
    /// a run is one word exactly when it holds no whitespace.
    fn runs_with<'s>(
        &'s self,
        needle: &'s str,
        whole: bool,
        since: usize,
    ) -> impl Iterator<Item = Cow<'a, str>> + 's {
        // One searcher for every sentence read back: the `memchr` crate's
        // SIMD search, built once per lookup, instead of a new two-way
        // searcher per sentence and per `contains`.
        let finder = memmem::Finder::new(needle);
        self.seen[since..]
            .iter()
            .rev()
            .take(LOOKBACK)
            .inspect(|t| self.read_back.set(self.read_back.get() + t.len()))
            .flat_map(move |&t| {
                stretches_around(t, &finder, whole)
                    .into_iter()
                    .rev()
                    .flat_map(move |r| {
                        name_runs(&t[r])
                            .into_iter()
                            .rev()
                            .filter(|run| run.contains(char::is_whitespace))
                            .map(clean_name)
                    })
            })
    }

    /// The newest run in the sentences from `since` (and at most
    /// [`LOOKBACK`] back) that answers `query`.
    fn newest(&mut self, query: Query, since: usize) -> Option<String> {
        let len = self.seen.len();
        if self.index.is_none()
            && self.read_back.get() > INDEX_AFTER * self.seen_bytes + INDEX_SLACK
        {
            // Later lookups never read further back than this.
            self.index = Some(Index {
                upto: len.saturating_sub(LOOKBACK),
                ..Index::default()
            });
        }
        if let Some(index) = &mut self.index {
            while index.upto < len {
                index.add(index.upto, self.seen[index.upto]);
                index.upto += 1;
            }
            let (map, key) = match query {
                Query::Initials(k) => (&index.initials, k),
                Query::Longer(k) => (&index.word, k),
                Query::EndingIn(k) => (&index.last_word, k),
                Query::OrgWith(k) => (&index.org_word, k),
            };
            let (n, name) = map.get(key)?;
            let from = since.max(len.saturating_sub(LOOKBACK));
            return (*n >= from).then(|| name.clone());
        }
        let found = match query {
            Query::Initials(acronym) => self
                .runs_with(&acronym[..1], false, since)
                .find(|r| has_initials(r, acronym)),
            Query::Longer(name) => self.runs_with(name, true, since).find(|r| {
                r.contains(' ')
                    && !is_org_name(r)
                    && r.split(' ').any(|t| t == name)
                    && !only_office_besides(r, name)
            }),
            Query::EndingIn(last) => self
                .runs_with(last, true, since)
                .find(|r| r.contains(' ') && r.split(' ').next_back().is_some_and(|t| t == last)),
            Query::OrgWith(word) => self
                .runs_with(word, true, since)
                .find(|r| r.contains(' ') && is_org_name(r) && r.split(' ').any(|t| t == word)),
        };
        found.map(Cow::into_owned)
    }

    /// The fullest form of `name` the text has given: the name itself, a
    /// longer name it is part of ("Zhang" → "Zhang Jun"), or the name an
    /// acronym stands for ("NYT" → "New York Times").
    pub fn canonical(&mut self, name: &str) -> String {
        let name = clean_name(name).into_owned();
        if name.contains(' ') {
            // "von der Leyen": a surname with its particles, which the
            // fuller name ends with ("Ursula von der Leyen").
            if let Some((particles, surname)) = name.rsplit_once(' ')
                && particles
                    .split(' ')
                    .all(|p| is_name_particle(&p.to_ascii_lowercase()))
            {
                let ending = format!(" {}", name.to_lowercase());
                let full = self
                    .runs_with(surname, true, 0)
                    .find(|r| r.len() > name.len() && r.to_lowercase().ends_with(&ending));
                if let Some(full) = full {
                    return full.into_owned();
                }
            }
            return name;
        }
        if let Some(full) = self.resolved.get(&name) {
            return full.clone();
        }
        let since = self.unresolved.get(&name).copied().unwrap_or(0);
        let full = self.look_up(&name, since);
        if full != name {
            self.unresolved.remove(&name);
            self.resolved.insert(name, full.clone());
        } else {
            self.unresolved.insert(name, self.seen.len());
        }
        full
    }

    fn look_up(&mut self, name: &str, since: usize) -> String {
        if is_acronym(name)
            && let Some(full) = self.newest(Query::Initials(name), since)
        {
            return full;
        }
        // "the Department said": the department the text named.
        if INSTITUTION.contains(name)
            && let Some(full) = self.newest(Query::OrgWith(name), since)
        {
            return full;
        }
        self.newest(Query::Longer(name), since)
            .unwrap_or_else(|| name.to_string())
    }

    /// The organisation a common noun refers to ("the bank" → "European Central Bank").
    pub fn by_head_noun(&mut self, noun: &str) -> Option<String> {
        let mut capital = noun.to_string();
        if let Some(first) = capital.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        self.newest(Query::EndingIn(&capital), 0).or_else(|| {
            INSTITUTION
                .contains(&capital)
                .then(|| self.newest(Query::OrgWith(&capital), 0))
                .flatten()
        })
    }

    /// Whether lookups have switched to the index, for tests.
    #[cfg(test)]
    fn indexed(&self) -> bool {
        self.index.is_some()
    }

    /// Switches to the index now, as a long run of lookups would.
    #[cfg(test)]
    fn force_index(&mut self) {
        self.read_back.set(usize::MAX / 2);
    }
}

/// Where a search for `word` through the `read` sentences seen goes on
/// from, given the answers kept in `answers` (a `Registry` field per question):
/// `None` once it was found, since a later sentence cannot unsay it.
fn read_on_from(
    answers: &HashMap<String, (usize, bool)>,
    word: &str,
    read: usize,
) -> Option<usize> {
    let from = match answers.get(word) {
        Some(&(_, true)) => return None,
        Some(&(upto, false)) => upto,
        None => 0,
    };
    Some(from.max(read.saturating_sub(LOOKBACK)))
}

/// Whether `needle` stands as a whole word (no letter or digit beside it)
/// in one of `sentences` at a place `accept` takes (the sentence and the
/// byte it starts at).
fn whole_word_in(sentences: &[&str], needle: &str, accept: impl Fn(&str, usize) -> bool) -> bool {
    let finder = memmem::Finder::new(needle.as_bytes());
    sentences.iter().any(|s| {
        finder.find_iter(s.as_bytes()).any(|at| {
            let before = s[..at].chars().next_back();
            let after = s[at + needle.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric)
                && accept(s, at)
        })
    })
}

/// The stretches of `text` around each place where `needle` starts a word
/// (no ASCII letter or digit just before it) and, if `whole`, ends one: the
/// only places a name run with `needle` as a word, or as a word's start, can
/// be. [`name_runs`] cuts words at whitespace and trims only brackets,
/// quotation marks and punctuation from them, and [`clean_name`] only
/// whitespace, titles and possessives, so such a word has no ASCII letter or
/// digit beside it in the text.
///
/// Each stretch runs from the end of a word after which [`name_runs`] holds
/// nothing (see [`resets_at`]), or the start of the text, to the end of the
/// next such word after `needle`, or the end of the text. `name_runs` finds
/// the same runs in a stretch read on its own as in the whole text, and each
/// run lies in one stretch. In order, not overlapping.
fn stretches_around(text: &str, needle: &memmem::Finder, whole: bool) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    // Non-overlapping, left to right, as `str::match_indices` finds them;
    // a match of a `str` in a `str` starts and ends at character boundaries.
    for i in needle.find_iter(bytes) {
        let end = i + needle.needle().len();
        let alnum = |j: Option<usize>| {
            j.and_then(|j| bytes.get(j))
                .is_some_and(u8::is_ascii_alphanumeric)
        };
        if alnum(i.checked_sub(1)) || (whole && alnum(Some(end))) {
            continue;
        }
        if out.last().is_some_and(|r| i < r.end) {
            continue;
        }
        // Reset words wholly before the needle, nearest first.
        let from = (0..i)
            .rev()
            .find_map(|q| resets_at(bytes, q).filter(|&e| e <= i))
            .unwrap_or(0);
        let to = (end..bytes.len())
            .find_map(|q| resets_at(bytes, q))
            .unwrap_or(bytes.len());
        out.push(from..to);
    }
    out
}

/// If a word starts at byte `q` after which [`name_runs`] holds no words
/// (nothing pending, no run begun), the end of that word. Such a word starts
/// with a lowercase ASCII letter or a digit and is not a connector ("of",
/// "for", "the", …): `name_runs` ends its run there. Told conservatively: a word
/// that runs into a non-ASCII byte is not one (the byte may be a space that
/// ends a connector).
fn resets_at(bytes: &[u8], q: usize) -> Option<usize> {
    let first = *bytes.get(q)?;
    let starts_word = q == 0 || matches!(bytes[q - 1], b'\t'..=b'\r' | b' ');
    if !starts_word || !(first.is_ascii_lowercase() || first.is_ascii_digit()) {
        return None;
    }
    let len = bytes[q..]
        .iter()
        .position(|&b| b >= 0x80 || matches!(b, b'\t'..=b'\r' | b' '))
        .unwrap_or(bytes.len() - q);
    let end = q + len;
    if bytes.get(end).is_some_and(|&b| b >= 0x80) {
        return None;
    }
    let word = &bytes[q..end];
    // "the" may go on an institution's name ("Ministry for the Environment").
    let connector = matches!(word, b"of" | b"for" | b"the") || is_particle(word);
    (!connector).then_some(end)
}

/// Acronyms are all capitals: "NYT", "CNN", "UNHCR".
pub fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase())
}

/// Whether the initials of `name` spell `acronym` ("New York Times", "NYT").
fn has_initials(name: &str, acronym: &str) -> bool {
    initial_chars(name).eq(acronym.chars())
}

/// The initials of `name`'s words, short words of joining left out.
fn initial_chars(name: &str) -> impl Iterator<Item = char> + '_ {
    name.split(' ')
        .filter(|t| !matches!(*t, "of" | "for" | "and" | "the" | "The"))
        .filter_map(|t| t.chars().next())
}

fn initials(name: &str) -> String {
    initial_chars(name).collect()
}

pub fn is_org_name(name: &str) -> bool {
    is_acronym(name) || name.split(' ').any(|t| ORG_WORD.contains(t))
}

/// "Administrator Alvarez" names no more of Alvarez than "Alvarez" does.
fn only_office_besides(run: &str, name: &str) -> bool {
    run.strip_suffix(name)
        .and_then(|office| office.strip_suffix(' '))
        .is_some_and(|office| office.split(' ').all(super::offices::is_office_word))
}

/// Malaysian titles of honour, which stand before the name in every
/// mention ("Prime Minister Datuk Seri Anwar Ibrahim", "Tan Sri Muhyiddin
/// Yassin") and are no part of it, word by word ("Dato'" is compared
/// without its apostrophe). Longest first; "Tan" and "Sri" alone are names
/// ("Tan Wei Ming", "Sri Mulyani Indrawati").
const MALAYSIAN_TITLES: &[&[&str]] = &[
    &["Datuk", "Seri"],
    &["Dato", "Seri"],
    &["Dato", "Sri"],
    &["Datin", "Paduka"],
    &["Tan", "Sri"],
    &["Toh", "Puan"],
    &["Datuk"],
    &["Dato"],
    &["Datin"],
    &["Tun"],
];

/// How many of `words` open with a Malaysian title of honour, when a name
/// of at least two words follows; 0 when none does.
pub fn malaysian_title_len<'w>(words: impl Iterator<Item = &'w str> + Clone) -> usize {
    let bare = |w: &'w str| w.trim_end_matches(['\'', '’']);
    // Nearly every name is turned away by its first word, before the list
    // is read (names are cleaned at every lookup).
    if !words
        .clone()
        .next()
        .is_some_and(|w| opens_malaysian_title(bare(w)))
    {
        return 0;
    }
    MALAYSIAN_TITLES
        .iter()
        .find(|t| {
            let mut ws = words.clone();
            t.iter()
                .all(|part| ws.next().is_some_and(|w| bare(w) == *part))
                && ws.take(2).count() == 2
        })
        .map_or(0, |t| t.len())
}

/// The first words of [`MALAYSIAN_TITLES`] (a test keeps them the same).
fn opens_malaysian_title(word: &str) -> bool {
    matches!(word, "Datuk" | "Dato" | "Datin" | "Tan" | "Toh" | "Tun")
}

/// `name` after a Malaysian title of honour that opens it and a name of
/// at least two words that follows.
fn strip_malaysian_title(name: &str) -> Option<&str> {
    // Every title opens with "D" or "T" ([`opens_malaysian_title`]): most
    // names are turned away by one byte, before the name is split.
    if !matches!(name.trim_start().as_bytes().first(), Some(b'D' | b'T')) {
        return None;
    }
    let n = malaysian_title_len(name.split_whitespace());
    let mut rest = name;
    for _ in 0..n {
        rest = rest.trim_start();
        rest = &rest[rest.find(char::is_whitespace)?..];
    }
    (n > 0).then(|| rest.trim_start())
}

/// Strips possessives, titles, a leading "The" and an office before a person's name.
pub fn clean_name(name: &str) -> Cow<'_, str> {
    let name = name.trim().trim_end_matches(['’', '\'']);
    let name = name
        .strip_suffix("’s")
        .or_else(|| name.strip_suffix("'s"))
        .unwrap_or(name);
    // Post-nominal letters as governments write them ("Ana Lima MP") are
    // no part of the name.
    let mut name = name;
    while let Some((person, letters)) = name.rsplit_once(' ')
        && is_post_nominal(letters)
        && person.contains(|c: char| c.is_lowercase())
    {
        name = person.trim_end();
    }
    let mut rest = name;
    loop {
        if let Some((first, tail)) = rest.split_once(' ')
            && (TITLE.contains(first) || first == "The" || first == "the")
        {
            rest = tail.trim_start();
        } else if let Some(tail) = strip_malaysian_title(rest) {
            rest = tail;
        } else {
            break;
        }
    }
    // An office before the name is no part of it: "Policing Minister Priya Shah".
    if rest.split(' ').all(|t| !t.is_empty()) && !rest.contains(['\n', '\t']) {
        Cow::Borrowed(person(rest))
    } else {
        let spaced = rest.split_whitespace().collect::<Vec<_>>().join(" ");
        Cow::Owned(person(&spaced).to_string())
    }
}

/// The person's name in a run of capitals: past an office before it, and
/// past a title of honour after the office ("Prime Minister Datuk Seri
/// Anwar Ibrahim").
fn person(run: &str) -> &str {
    let part = super::offices::person_part(run);
    strip_malaysian_title(part).unwrap_or(part)
}

#[cfg(test)]
#[test]
fn the_first_words_of_malaysian_titles_are_the_ones_checked_first() {
    for t in MALAYSIAN_TITLES {
        assert!(opens_malaysian_title(t[0]), "{t:?}");
    }
    // strip_malaysian_title turns away names by their first letter.
    for w in ["Datuk", "Dato", "Datin", "Tan", "Toh", "Tun"] {
        assert!(MALAYSIAN_TITLES.iter().any(|t| t[0] == w), "{w}");
        assert!(w.starts_with(['D', 'T']), "{w}");
    }
    assert_eq!(malaysian_title_len("Dato' Sri Ahmad Zahid".split(' ')), 2);
    assert_eq!(malaysian_title_len("Dato Seri Ahmad Zahid".split(' ')), 2);
    assert_eq!(malaysian_title_len("Tan Sri Muhyiddin".split(' ')), 0);
    assert_eq!(malaysian_title_len("Tan Wei Ming".split(' ')), 0);
    assert_eq!(
        strip_malaysian_title("Datuk Seri  Anwar Ibrahim"),
        Some("Anwar Ibrahim")
    );
}

#[cfg(test)]
#[test]
fn post_nominal_letters_are_no_part_of_a_name() {
    assert_eq!(clean_name("Ana Lima MP"), "Ana Lima");
    assert_eq!(clean_name("Senator Tom Kyle QC"), "Tom Kyle");
    assert_eq!(clean_name("Ana Lima"), "Ana Lima");
    // An acronym of capitals alone is left as it is.
    assert_eq!(clean_name("UK MP"), "UK MP");
}

/// Letters after a name that give an office or an honour ("Ana Lima MP"),
/// no part of the name.
pub fn is_post_nominal(word: &str) -> bool {
    matches!(
        word,
        "MP" | "MLA" | "MHA" | "MHR" | "MEP" | "MSP" | "MPP" | "MLC" | "MNA" | "MHK" | "MS" | "TD"
            // Counsel, justices of the peace, privy counsellors, honours.
            | "QC" | "KC" | "SC" | "JP" | "PC" | "OBE" | "MBE" | "CBE" | "KBE" | "DBE"
            // Australian honours and service medals: "Luke Roe OAM MP".
            | "AC" | "AO" | "AM" | "OAM" | "PSM" | "APM"
    )
}

/// How many of `cores` at their end are post-nominal letters ("Luke Roe
/// OAM MP" ends in two), which are no part of a name.
pub fn post_nominals<'a>(cores: impl DoubleEndedIterator<Item = &'a str>) -> usize {
    cores.rev().take_while(|c| is_post_nominal(c)).count()
}

/// A lowercase word inside a surname: "Ursula von der Leyen", "Lula da
/// Silva", "Mohammed bin Salman". Part of a name only between capitalised
/// words (or before the surname it opens); "la" and "le" are left out, being
/// French articles as often as particles.
pub fn is_name_particle(word: &str) -> bool {
    is_particle(word.as_bytes())
}

/// [`is_name_particle`] of a word's bytes, as [`resets_at`] reads them.
fn is_particle(word: &[u8]) -> bool {
    matches!(
        word,
        b"von"
            | b"van"
            | b"der"
            | b"den"
            | b"de"
            | b"da"
            | b"di"
            | b"du"
            | b"del"
            | b"della"
            | b"dos"
            | b"das"
            | b"bin"
            | b"ibn"
            | b"ter"
    )
}

/// A lowercase word a run of capitalised words goes on through: "Voice of
/// America", "Ursula von der Leyen".
fn is_connector(word: &str) -> bool {
    matches!(word, "of" | "for") || is_name_particle(word)
}

/// Whether a word looks like part of a name: capitalised, not a function word.
pub fn is_name_word(word: &str) -> bool {
    if word.is_ascii() {
        // The same test without decoding: '’' is not ASCII.
        let b = word.as_bytes();
        return b.first().is_some_and(u8::is_ascii_uppercase)
            && b[1..]
                .iter()
                .all(|&c| c.is_ascii_alphabetic() || matches!(c, b'-' | b'.' | b'\''));
    }
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '’' | '\''))
}

/// Runs of capitalised words ("Laura Harth", "Voice of America"), with
/// lowercase connectors allowed between capitals, cut at punctuation.
pub fn name_runs<'a>(text: &'a str) -> Vec<&'a str> {
    let mut runs = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let mut pending: Vec<&str> = Vec::new();
    // A run is the slice of `text` from its first word to its last: no copying.
    let base = text.as_ptr() as usize;
    let flush = |cur: &mut Vec<&'a str>, pending: &mut Vec<&'a str>, runs: &mut Vec<&'a str>| {
        pending.clear();
        while cur.first().is_some_and(|w| {
            FUNCTION_WORD.contains(w)
                || TITLE.contains(w)
                || w.starts_with(char::is_lowercase)
                // "Said Roe, “…”": a verb of speech opening the sentence.
                || super::attribute::is_speech_verb(&crate::extract::lower::lower(w))
                // "On Tuesday Callahan said": a day of the week opens no name.
                || super::mention::is_weekday(w)
        }) {
            cur.remove(0);
        }
        if let (Some(first), Some(last)) = (cur.first(), cur.last()) {
            let start = first.as_ptr() as usize - base;
            let end = last.as_ptr() as usize - base + last.len();
            runs.push(&text[start..end]);
        }
        cur.clear();
    };
    for raw in whitespace::words(text) {
        // Most words start lowercase or with a digit: settle them without trimming.
        if raw.as_bytes()[0].is_ascii_lowercase() || raw.as_bytes()[0].is_ascii_digit() {
            // "Ministry for the Environment", "Department of the Treasury":
            // an institution's name goes on past "the" after its "for"/"of".
            let connector = is_connector(raw)
                || raw == "the"
                    && matches!(pending[..], ["for" | "of"])
                    && cur.last().is_some_and(|w| INSTITUTION.contains(w));
            if connector && !cur.is_empty() {
                pending.push(raw);
            } else if !cur.is_empty() {
                flush(&mut cur, &mut pending, &mut runs);
            }
            continue;
        }
        let word = raw.trim_start_matches(['(', '“', '‘', '"', '\'', '[', '【']);
        let starts_clean = word.len() == raw.len();
        let core = word.trim_end_matches(|c: char| {
            matches!(
                c,
                ',' | '.' | ';' | ':' | ')' | '”' | '’' | '"' | '?' | '!' | ']' | '】'
            )
        });
        let core = core.strip_suffix("’s").unwrap_or(core);
        let ends_clean = core.len() == word.len();
        if !starts_clean && !cur.is_empty() {
            flush(&mut cur, &mut pending, &mut runs);
        }
        if is_name_word(core) {
            // "Edward J. Markey": a middle initial's full stop ends no run.
            let initial =
                word.len() == 2 && word.as_bytes()[0].is_ascii_uppercase() && !cur.is_empty();
            cur.append(&mut pending);
            cur.push(core);
            if !(ends_clean || initial && word.ends_with('.')) || word.ends_with("’s") {
                flush(&mut cur, &mut pending, &mut runs);
            }
        } else if !cur.is_empty() && is_connector(core) && ends_clean {
            pending.push(core);
        } else {
            flush(&mut cur, &mut pending, &mut runs);
        }
    }
    flush(&mut cur, &mut pending, &mut runs);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_name_runs() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Laura Harth (劳拉·哈思), Director of Communications for Safeguard Defenders, told Voice of America",
                &[
                    "Laura Harth",
                    "Communications for Safeguard Defenders",
                    "Voice of America",
                ],
            ),
            (
                "The New York Times says that over 24,000",
                &["New York Times"],
            ),
            (
                "A recent report from the European Central Bank found",
                &["European Central Bank"],
            ),
            ("President Xi Jinping’s message", &["Xi Jinping"]),
            ("“I sold everything,” Huang said.", &["Huang"]),
            ("But he added: “Here,", &[]),
            (
                "Senators Edward J. Markey (D-Mass.) and Elizabeth Warren",
                &["Edward J. Markey", "D-Mass", "Elizabeth Warren"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(name_runs(text), *want, "{text}");
        }
    }

    #[test]
    fn surnames_with_particles() {
        let mut r = Registry::default();
        r.see("Mayor Bill de Blasio rejected criticism from Donald Trump.");
        r.see("Later, Ursula von der Leyen arrived.");
        assert_eq!(
            name_runs("Later, Ursula von der Leyen arrived."),
            ["Later", "Ursula von der Leyen"]
        );
        assert_eq!(r.canonical("de Blasio"), "Bill de Blasio");
        assert_eq!(r.canonical("Blasio"), "Bill de Blasio");
        assert_eq!(r.canonical("von der Leyen"), "Ursula von der Leyen");
        // The sentence's own "De Blasio" is no fuller name.
        r.see("De Blasio said the move was his.");
        assert_eq!(r.canonical("De Blasio"), "Bill de Blasio");
        // A calling before the name is no part of it.
        assert_eq!(clean_name("Comedian Sarah Silverman"), "Sarah Silverman");
        // A particle without the surname it opens is no name's part.
        assert_eq!(name_runs("Peter van drove off"), ["Peter"]);
    }

    #[test]
    fn canonical_names() {
        let mut r = Registry::default();
        for sentence in [
            "The New York Times says so.",
            "A man named Zhang Jun left.",
            "Wu Xiaohua, 42, said.",
            "The European Central Bank found.",
        ] {
            r.see(sentence);
        }
        let cases = [
            ("Zhang", "Zhang Jun"),
            ("Xiaohua", "Wu Xiaohua"),
            ("NYT", "New York Times"),
            ("The New York Times", "New York Times"),
            ("Huang", "Huang"),
            ("President Xi Jinping’s", "Xi Jinping"),
        ];
        for (name, want) in cases {
            assert_eq!(r.canonical(name), want, "{name}");
        }
        assert_eq!(
            r.by_head_noun("bank").as_deref(),
            Some("European Central Bank")
        );
        assert!(is_org_name("New York Times"));
    }

    #[test]
    fn stretches_around_a_name_hold_the_same_runs() {
        let text = "Zhang Jun of the bank met Wang Shoufeng and Zhang Wei \
            of Voice of America, 42, in Zhangjiakou; Li Zhang’s friend left \
            van Dijk, then Zhang\u{a0}for Zhang";
        let all = name_runs(text);
        for (needle, whole) in [
            ("Zhang", true),
            ("Zhang", false),
            ("V", false),
            ("Dijk", true),
        ] {
            let mut got = Vec::new();
            for r in stretches_around(text, &memmem::Finder::new(needle), whole) {
                got.extend(name_runs(&text[r]));
            }
            let near = |run: &&str| {
                run.split(' ').any(|t| {
                    if whole {
                        t == needle
                    } else {
                        t.starts_with(needle)
                    }
                })
            };
            let want: Vec<&str> = all.iter().copied().filter(near).collect();
            let got: Vec<&str> = got.into_iter().filter(near).collect();
            assert_eq!(got, want, "{needle}");
            for run in &got {
                assert!(all.iter().any(|a| std::ptr::eq(*a, *run)), "{run}");
            }
        }
        assert!(!is_org_name("Zhang Jun"));
    }

    /// The index answers every lookup as reading back does.
    #[test]
    fn the_index_answers_as_reading_back_does() {
        let sentences = [
            "The New York Times says so.",
            "A man named Zhang Jun left the European Central Bank.",
            "Wu Xiaohua, 42, said. President Xi Jinping’s message to the NYT",
            "Voice of America reported, and Zhang Wei of the World Bank and Li Zhang’s friend",
            "The National Yacht Trust and Anna Li met Tom Wu (his client) in Zhangjiakou",
            "then van Dijk for Zhang\u{a0}Jun, of New York",
            "Zhang",
        ];
        let names = [
            "Zhang", "Jun", "Xiaohua", "NYT", "NYTR", "VOA", "WB", "ECB", "Wu", "Li", "Dijk",
            "Tom", "Anna", "Huang", "Xi", "York", "New", "Wei",
        ];
        let nouns = ["bank", "trust", "times", "america", "york", "jun"];
        // Asked after each sentence, so that newer runs replace older ones.
        let mut scan = Registry::default();
        let mut index = Registry::default();
        index.force_index();
        for sentence in sentences {
            scan.see(sentence);
            index.see(sentence);
            for name in names {
                assert_eq!(scan.canonical(name), index.canonical(name), "{name}");
            }
            for noun in nouns {
                assert_eq!(scan.by_head_noun(noun), index.by_head_noun(noun), "{noun}");
            }
        }
        assert!(index.indexed() && !scan.indexed());
    }

    /// Quotes by ever new names, or "the bank said" over and over: each
    /// lookup reads back at most a bounded share of the text.
    #[test]
    fn lookups_read_back_a_bounded_multiple_of_the_text() {
        let mut r = Registry::default();
        let sentences: Vec<String> = (0..20_000)
            .map(|n| {
                let name: String = (0..4)
                    .map(|k| char::from(b'a' + (n / 26usize.pow(k) % 26) as u8))
                    .collect();
                format!(
                    "“We went there on that day,” {}{} said.",
                    name[..1].to_uppercase(),
                    &name[1..]
                )
            })
            .collect();
        for (n, sentence) in sentences.iter().enumerate() {
            r.see(sentence);
            let word = sentence.split(' ').nth_back(1).unwrap();
            assert_eq!(r.canonical(word), word);
            assert_eq!(r.by_head_noun("bank"), None);
            if n == 0 {
                assert!(!r.indexed());
            }
        }
        let text: usize = sentences.iter().map(String::len).sum();
        assert!(
            r.read_back.get() <= (INDEX_AFTER + 1) * text + INDEX_SLACK,
            "read back {} bytes of a {text}-byte text",
            r.read_back.get()
        );
        assert!(r.indexed());
    }
}

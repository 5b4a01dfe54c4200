//! Quotes: every direct quotation of four or more words, and who said it.
//!
//! Shorter quoted phrases ("the “run” movement", “iron rice-bowl”) are scare
//! quotes or terms, not quotations, and are skipped.
//!
//! A quotation interrupted by its attribution — `“…,” he said. “…”` — is one
//! quote in two linked parts: `parts` holds each part's verbatim span, `text`
//! joins them with " … " (the attribution is what is left out), and
//! `start..end` runs from the first part to the last. A part's trailing comma,
//! which belongs to the sentence around the quote, is left out of its span.
//! A quotation left open runs to the end of its paragraph (`unclosed`); when
//! the next paragraph opens with a quotation mark, the quotation continues
//! there (`continues`, see [`runs`]).

mod as_clause;
mod attribute;
mod colon;
mod dateline;
mod mention;
mod names;
mod offices;
mod places;
mod releases;
mod runs;
mod scan;
mod sieves;
mod stray;
mod tail;
#[cfg(test)]
mod tests_news;
#[cfg(test)]
mod tests_releases;
mod whitespace;

use std::borrow::Cow;
use std::ops::Range;

use serde::Serialize;
use smallvec::{SmallVec, smallvec};

use self::attribute::{
    Speaker, State, Word, introduces_source, subject_mention_read, words, words_into,
};
use self::mention::Mention;
use self::scan::{Marked, scan};
use self::sieves::Found;
use super::{Para, text};
use crate::corpus::has_words;

/// The fewest words a quotation needs; fewer are scare quotes.
pub const MIN_WORDS: usize = 4;

/// A direct quotation and who the text says spoke it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub id: String,
    pub doc: String,
    /// The quoted words, verbatim; parts of an interrupted quote joined by " … ".
    pub text: String,
    /// Who said it, in the fullest form the text gives; `None` when the text
    /// does not say, or does not name them.
    pub speaker: Option<String>,
    /// How the text describes an unnamed speaker ("one neatly dressed middle-aged man").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_description: Option<String>,
    /// The speaker's role or title as the text gives it ("Immigration
    /// Minister", "White House press secretary"); `None` when it gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The words that attribute the quote ("he said", "according to X"), to audit the speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// The name of the rule that attributed the quote, so that a wrong
    /// speaker can be traced to the rule that chose it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sieve: Option<&'static str>,
    /// The sentence or sentences the quote stands in, verbatim (a run-on
    /// "sentence" over 2,000 bytes is cut to a verbatim window around the
    /// quote that reaches no further than the quotations beside it).
    pub sentence: String,
    /// Byte span in the document body.
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    /// The verbatim parts of a quote interrupted by its attribution.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Part>,
    /// The closing quotation mark is missing; the quote runs to the paragraph's end.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unclosed: bool,
    /// The id of the quote this one continues: the previous paragraph ended
    /// inside the quotation and this paragraph opens with a mark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continues: Option<String>,
    /// The index, in the document's quotes, of the quote this one
    /// continues; turned into `continues` once ids are assigned.
    #[serde(skip)]
    pub continues_index: Option<usize>,
}

/// One verbatim piece of an interrupted quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// The speaker and evidence of the previous paragraph, for quotes that continue it.
#[derive(Debug, Default)]
struct Previous<'a> {
    number: usize,
    last_speaker: Option<(Speaker, String)>,
    /// More than one person was quoted in the paragraph: a paragraph of
    /// quotation after it cannot tell whose words it continues.
    ambiguous: bool,
    /// The last person the paragraph reports as saying something ("Schiff
    /// said the administration …"), whose words a paragraph of quotation
    /// after it may be.
    reporting: Option<Speaker>,
    /// Read only if the next paragraph is all quotation: "CNN ran …".
    first_sentence: Option<&'a str>,
    /// The person a release's label paragraph names: `Attributable to X:`.
    attributable: Option<Mention>,
    /// The speaker a paragraph ending in a colon introduces: "Lund replied:".
    colon_source: Option<Speaker>,
    /// The person a paragraph without quotations is about: the named
    /// subject of its opening sentence ("Roe is upbeat about the race."),
    /// whose words a paragraph of nothing but quotation after it gives.
    /// Resolved only when such a paragraph follows.
    about: Option<Mention>,
}

/// "Statement From The Premier:": a label in title case that ends in a
/// colon, whose capitalised words are no person's name and predicate.
fn is_title_case_label(ws: &[Word]) -> bool {
    ws.len() >= 2
        && ws.last().is_some_and(|w| w.raw.ends_with(':'))
        && ws.iter().all(|w| w.core.starts_with(char::is_uppercase))
}

/// Finds the quotes of a document's paragraphs, in order.
pub fn find(paras: &[Para]) -> Vec<Quote> {
    find_with_unpaired(paras, None).0
}

/// Finds the quotes of a document's paragraphs, in order, and the body
/// offsets of the quotations left out because their marks cannot be paired
/// (see [`stray`]). `title` is the document's, when its metadata gives one:
/// a statement's heading may name the author of its quotations.
pub fn find_with_unpaired(paras: &[Para], title: Option<&str>) -> (Vec<Quote>, Vec<usize>) {
    let mut unpaired = Vec::new();
    let mut state = State::default();
    let mut previous = Previous::default();
    let mut out = Vec::new();
    // Room for the words of a clause's opening (at most 240 bytes): growing
    // from empty took five reallocations a document.
    let mut lead_words = Vec::with_capacity(64);
    let mut runs = runs::Runs::default();
    // Quotes come only from quotation marks; paragraphs without them only
    // feed what later quotes are attributed with (names, topics, the
    // previous paragraph). After the last paragraph with marks nothing is
    // left to attribute, so those paragraphs are not read at all.
    let mut scanned: Vec<Vec<Marked>> = paras.iter().map(|p| scan(p.text)).collect();
    let read = scanned
        .iter()
        .rposition(|m| !m.is_empty())
        .map_or(0, |l| l + 1);
    // "Statement by Senator Jane Roe on …", as the title or as the first
    // paragraph of a text without metadata: the author of the quotations
    // that nothing else attributes.
    let statement_author = title
        .or_else(|| paras.first().filter(|p| p.number == 1).map(|p| p.text))
        .filter(|_| read > 0)
        .and_then(releases::statement_author);
    // "“…,” I told the committee.": the author the heading names, or who
    // signs the text at its end.
    if read > 0 {
        state.author = statement_author
            .clone()
            .or_else(|| releases::signature(paras.iter().map(|p| p.text)));
    }
    for (pi, para) in paras.iter().enumerate().take(read) {
        let text = para.text;
        let quotes_before = out.len();
        let marks = repaired(
            text,
            std::mem::take(&mut scanned[pi]),
            para.offset,
            &mut unpaired,
        );
        let groups = link(text, &marks);
        runs.begin(para.number, text, &marks);
        // The paragraph's last quote, if pushed and left open.
        let mut open_quote = None;
        // Without quotes, a paragraph's opening sentence matters (news
        // prose introduces there the person it goes on to quote) and, when
        // quotation follows, its last, whose subject a "she said" in the
        // next paragraph means ("…, one volunteer was more circumspect. Yin
        // May, 60, a doctor, said she was elated …" then "“…,” she said.").
        // Only then: splitting every paragraph cost 5% of extraction.
        let clauses: Clauses = if marks.is_empty() {
            state.names.see(text);
            let quotes_next = scanned.get(pi + 1).is_some_and(|m| !m.is_empty());
            if quotes_next {
                match para.sentences() {
                    [] => Clauses::new(),
                    [one] => smallvec![one.clone()],
                    [first, .., last] => smallvec![first.clone(), last.clone()],
                }
            } else {
                text::first_sentence(text).into_iter().collect()
            }
        } else {
            clauses(para, &marks)
        };
        let only_quotes = is_only_quotes(text, &marks);
        let mut last_speaker: Option<(Speaker, String)> = None;
        // Whether two different people are quoted in the paragraph: the
        // first name and a flag, not a list searched at every quote (a
        // paragraph of thousands of new names made that quadratic).
        let mut first_quoted: Option<String> = None;
        let mut ambiguous = false;
        let mut reporting = None;
        let mut about = None;
        for (ci, clause) in clauses.iter().enumerate() {
            if !marks.is_empty() {
                state.names.see(&text[clause.clone()]);
            }
            // Marks and groups are in order: the clause's are found by
            // binary search, not by reading all of them for every clause.
            // A title in marks ("Speaking on ABC’s “This Week,” Carson
            // said") is part of the sentence's opening, not its quotation.
            let first_mark = marks[marks.partition_point(|m| m.open.start < clause.start)..]
                .iter()
                .take_while(|m| m.open.start < clause.end)
                .find(|m| !is_title(text, m, &text[m.inner.clone()]))
                .map(|m| m.open.start);
            let lead = &text[clause.start..first_mark.unwrap_or(clause.end)];
            // The subject opens the sentence; a bounded prefix keeps long sentences cheap.
            let lead = window(lead, 0..lead.len(), Side::Start);
            words_into(lead, &mut lead_words);
            if ci == 0 {
                let n = dateline::len(&lead_words);
                lead_words.drain(..n);
            }
            let (parsed, read_from_start) = subject_mention_read(&lead_words);
            // The subject is read before the sentence's quotes: "Trump … said he
            // thought …" makes "he" Trump.
            if let Some((m, used)) = &parsed {
                state.note_role(m);
                note_questioned(&lead_words, m, *used, para.number, &mut state);
                // "The Prime Minister, Anna Lind, and the President, Marc
                // Duval, met …": the second of two joined subjects holds an
                // office too, which a later "the President said" means.
                if lead_words.get(*used).is_some_and(|w| w.core == "and")
                    && let Some((second, _)) = mention::read(&lead_words[*used + 1..], true)
                {
                    state.note_role(&second);
                }
                if let Some(np) = m.to_np() {
                    state.observe_subject(&lead_words, Some(&(np, *used)), ci == 0);
                } else {
                    state.observe_role(m, &lead_words, *used);
                }
                if sieves::reports(&lead_words, *used) {
                    if let mention::Who::Name(n) = &m.who
                        && !n.contains(' ')
                    {
                        state.reported.insert(n.clone());
                    }
                    let s = state.speaker(m);
                    if s.name.is_some() && !s.org {
                        reporting = Some(s);
                        state.reporting_org = None;
                    } else if s.name.is_some() {
                        state.reporting_org = Some((s, para.number));
                    }
                }
                // The name opens the sentence and a predicate follows it:
                // "Pause." names nobody; after "At his rallies, Roe …" the
                // paragraph is about the rallies as much as about Roe, but
                // after "In a statement, Roe …" about Roe. A paragraph whose
                // quotation marks hold only phrases is read as one without.
                if ci == 0
                    && matches!(m.who, mention::Who::Name(_))
                    && *used < lead_words.len()
                    && !is_title_case_label(&lead_words)
                    && (read_from_start
                        || in_a_statement(&lead_words)
                        || mention::read(&lead_words, true).is_some_and(|(_, u)| u == *used))
                {
                    about = Some(m.clone());
                }
            }
            // "…, Schiff said.": a sentence that ends by naming who said it.
            let clause_reported = reported_at_end(&text[clause.clone()], &mut state);
            if let Some(s) = &clause_reported {
                reporting = Some(s.clone());
            }
            let from = groups.partition_point(|g| marks[g[0]].open.start < clause.start);
            for group in groups[from..]
                .iter()
                .take_while(|g| marks[g[0]].open.start < clause.end)
            {
                let parts: SmallVec<[&Marked; 2]> = group.iter().map(|&i| &marks[i]).collect();
                // Between the quotations before and after: where a run-on
                // sentence's window may reach.
                let room = group[0]
                    .checked_sub(1)
                    .map_or(0, |p| marks[p].outer_end(text.len()))
                    ..marks
                        .get(group[group.len() - 1] + 1)
                        .map_or(text.len(), |m| m.open.start);
                let Some(mut quote) = build(para, &parts, &clauses, room) else {
                    continue;
                };
                let run_link = runs.link(group[0] == 0);
                quote.continues_index = run_link;
                let found = attribute(
                    text,
                    &marks,
                    &parts,
                    clause,
                    (lead, &lead_words),
                    parsed.as_ref(),
                );
                if run_link.is_none() && is_title(text, parts[0], &quote.text) {
                    continue;
                }
                // Fewer than four words is a scare quote, unless a verb of speech
                // is right beside it: “We are Christians,” one man said.
                if !has_words(&quote.text, MIN_WORDS) && !found.as_ref().is_some_and(|f| f.adjacent)
                {
                    continue;
                }
                let direct = found.is_some();
                let resolved = match found {
                    // "Waters pressed Powell on …" then "“…,” he replied":
                    // the one questioned answers.
                    Some(f)
                        if matches!(f.mention.who, mention::Who::Pronoun(_))
                            && replies(&f.evidence)
                            && let Some((m, _)) =
                                state.asked.clone().filter(|(_, p)| para.number - p <= 1) =>
                    {
                        // The pronoun tells the one questioned's gender.
                        let s = state.speaker(&m);
                        if let mention::Who::Pronoun(g) = f.mention.who {
                            state.set_topic(&s, None, g);
                        }
                        Some((s, f.evidence, "reply-to-question"))
                    }
                    Some(f) => {
                        let speaker = state.speaker(&f.mention);
                        Some((speaker, f.evidence, f.sieve))
                    }
                    // A part of a quotation run over paragraphs has the run's speaker.
                    None if run_link.is_some() && runs.speaker().is_some() => runs
                        .speaker()
                        .map(|(s, _)| (s.clone(), String::new(), runs::SIEVE)),
                    None => {
                        // The quote is its whole sentence.
                        let alone = {
                            let c = &text[clause.clone()];
                            let inner = &text
                                [parts[0].open.start..parts[parts.len() - 1].outer_end(text.len())];
                            c.trim().len() <= inner.len() + 2
                        };
                        // "“… blame thousands of $12-an-hour” workers.": a
                        // word or two of the sentence outside the quotation,
                        // no name or verb among them.
                        let nearly_alone = alone || few_words_outside(text, clause, &parts);
                        if nearly_alone
                            && let Some(s) =
                                last_speaker.as_ref().map(|l| &l.0).or(reporting.as_ref())
                        {
                            Some((s.clone(), String::new(), "continues-sentence"))
                        } else if let Some((s, _)) =
                            state.reporting_org.as_ref().filter(|(_, p)| {
                                para.number - p <= 1
                                    && it_said(
                                        &text[parts[parts.len() - 1].outer_end(text.len())..],
                                    )
                            })
                        {
                            Some((s.clone(), String::new(), "organisation-it"))
                        } else if let Some(s) = &clause_reported {
                            Some((s.clone(), String::new(), "sentence-reported"))
                        } else if only_quotes
                            && let Some(m) = paras
                                .get(pi + 1)
                                .filter(|n| n.number == para.number + 1)
                                .and_then(|n| releases::credit(n.text))
                        {
                            Some((state.speaker(&m), String::new(), releases::CREDIT))
                        } else if only_quotes
                            && previous.number + 1 == para.number
                            && let Some(s) = &previous.colon_source
                        {
                            Some((s.clone(), String::new(), "colon-paragraph"))
                        } else if only_quotes
                            && previous.number + 1 == para.number
                            && let Some(m) = &previous.attributable
                        {
                            Some((state.speaker(m), String::new(), releases::ATTRIBUTABLE))
                        } else if only_quotes
                            && let Some((s, e)) = continuation(&previous, para.number, &mut state)
                        {
                            Some((s, e, "continues-paragraph"))
                        } else {
                            reported_account(
                                &parsed,
                                &reporting,
                                &previous,
                                para.number,
                                &mut state,
                            )
                            .map(|s| (s, String::new(), "reported-account"))
                            .or_else(|| {
                                let m =
                                    statement_author.as_ref().filter(|_| only_quotes || alone)?;
                                Some((state.speaker(m), String::new(), releases::STATEMENT))
                            })
                        }
                    }
                };
                let mut named = None;
                match resolved {
                    Some((speaker, evidence, sieve)) => {
                        // "“…,” the Post wrote." then "“…,” it added.".
                        if speaker.name.is_some() {
                            state.reporting_org =
                                speaker.org.then(|| (speaker.clone(), para.number));
                        }
                        if speaker.name.is_some() || speaker.description.is_some() {
                            state.set_topic(&speaker, None, None);
                            last_speaker = Some((speaker.clone(), evidence.clone()));
                            named = Some((speaker.clone(), evidence.clone()));
                            if let Some(n) = &speaker.name {
                                match &first_quoted {
                                    None => first_quoted = Some(n.clone()),
                                    Some(first) => ambiguous |= first != n,
                                }
                            }
                        }
                        assign(&mut quote, speaker, evidence, sieve);
                    }
                    None => {
                        if run_link.is_none() && is_phrase(text, parts[0], &quote.text) {
                            continue;
                        }
                    }
                }
                let unclosed = quote.unclosed;
                let mark = text[parts[parts.len() - 1].open.clone()]
                    .chars()
                    .next()
                    .unwrap_or('"');
                out.push(quote);
                let index = out.len() - 1;
                if run_link.is_some() {
                    runs.extend(&mut out, index, named.clone().filter(|_| direct));
                }
                open_quote = unclosed.then_some(runs::OpenQuote {
                    index,
                    speaker: named,
                    mark,
                });
            }
        }
        runs.end(para.number, open_quote);
        previous = Previous {
            number: para.number,
            last_speaker,
            ambiguous,
            reporting,
            first_sentence: clauses.first().map(|c| &text[c.clone()]),
            attributable: if marks.is_empty() {
                releases::attributable(text)
            } else {
                None
            },
            colon_source: if marks.is_empty() {
                colon::source(text, &mut state)
            } else {
                None
            },
            // Only a paragraph that gave no quotation of its own.
            about: about.filter(|_| out.len() == quotes_before),
        };
    }
    (out, unpaired)
}

/// Whether a word or two of the clause stand outside the quotation and no
/// name or verb is among them: "“… blame thousands of $12-an-hour”
/// workers." Two words are short, so a long clause is not read (a
/// paragraph of many quotations is one clause).
fn few_words_outside(text: &str, clause: &Range<usize>, parts: &[&Marked]) -> bool {
    let open = parts[0].open.start.max(clause.start);
    let close = parts[parts.len() - 1].outer_end(text.len()).min(clause.end);
    let before = text.get(clause.start..open).unwrap_or("");
    let after = text.get(close..clause.end).unwrap_or("");
    let outside = || before.split_whitespace().chain(after.split_whitespace());
    before.len() + after.len() <= 80
        && outside().count() <= 2
        && outside().all(|w| {
            w.starts_with(|c: char| c.is_lowercase())
                && !sieves::is_verb(w.trim_end_matches(['.', ',', '!', '?']))
        })
}

/// "In a statement, …", "In an interview on Sunday, …": a fronted phrase
/// that says the sentence's subject spoke, so the paragraph is about them.
fn in_a_statement(ws: &[Word]) -> bool {
    matches!(
        ws,
        [first, article, noun, ..]
            if first.core.eq_ignore_ascii_case("in")
                && matches!(article.core, "a" | "an" | "her" | "his" | "their")
                && matches!(
                    noun.core,
                    "statement" | "interview" | "speech" | "letter" | "op-ed" | "tweet" | "post"
                )
    )
}

/// Marks with each quotation that takes in its own attribution left out, or
/// cut to the quotation after it; the body offset of each goes to `unpaired`.
fn repaired(
    text: &str,
    mut marks: Vec<Marked>,
    offset: usize,
    unpaired: &mut Vec<usize>,
) -> Vec<Marked> {
    let mut k = 0;
    while k < marks.len() {
        match stray::check(text, &marks[k]) {
            None => k += 1,
            Some(found) => {
                unpaired.push(offset + marks[k].open.start);
                match found {
                    stray::Unpaired::Keep(m) => {
                        marks[k] = m;
                        k += 1;
                    }
                    stray::Unpaired::Drop => {
                        marks.remove(k);
                    }
                }
            }
        }
    }
    marks
}

/// Gives a quote its speaker and the evidence and sieve that chose it.
fn assign(quote: &mut Quote, speaker: Speaker, evidence: String, sieve: &'static str) {
    quote.speaker = speaker.name;
    quote.speaker_description = speaker.description;
    quote.role = speaker.role;
    quote.attribution = Some(evidence).filter(|e| !e.is_empty());
    quote.sieve = Some(sieve);
}

/// Pairs a quote with the next one when only its attribution stands between
/// them (`“…,” he said. “…”`); every other quote stands alone.
fn link(text: &str, marks: &[Marked]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (i, m) in marks.iter().enumerate() {
        if let Some(prev_group) = groups.last_mut() {
            let prev = &marks[*prev_group.last().unwrap_or(&0)];
            if let Some(close) = &prev.close {
                let between = &text[close.end..m.open.start];
                let short = between.split_whitespace().take(9).count() <= 8;
                let ends = between.trim_end().ends_with(['.', ',', ':']);
                let after_next = m.close.as_ref().map_or("", |c| &text[c.end..]);
                if short
                    && ends
                    && prev_group.len() == 1
                    && sieves::after(between).is_some()
                    // "“…,” Trump tweeted, quoting Comey. He added, “…”":
                    // two sentences between are no interruption. (Eight
                    // words of a few hundred bytes at most are split.)
                    && (between.len() > 400 || text::sentences(between.trim()).len() == 1)
                    && sieves::after(after_next).is_none()
                {
                    prev_group.push(i);
                    continue;
                }
            }
        }
        groups.push(smallvec![i]);
    }
    groups
}

/// The marks of one quote, by index: one, or two around its attribution.
type Group = SmallVec<[usize; 2]>;

/// A paragraph's clauses: one or two when it has no quotation marks (nearly
/// every paragraph), kept on the stack.
type Clauses = SmallVec<[Range<usize>; 4]>;

/// Sentences, merged where a boundary falls inside a quotation: the unit in
/// which attribution is read.
///
/// Marks are in order and do not overlap, so one cursor walks them as the
/// sentences advance: a mark that ends before a sentence starts ends before
/// every later one too, and the first mark left is the only one that can open
/// before the clause so far ends. Testing every mark for every sentence made
/// a paragraph of many short quoted sentences quadratic.
fn clauses(para: &Para, marks: &[Marked]) -> Clauses {
    let len = para.text.len();
    let mut out = Clauses::new();
    let mut k = 0;
    for s in para.sentences() {
        if let Some(last) = out.last_mut() {
            while k < marks.len() && marks[k].outer_end(len) <= s.start {
                k += 1;
            }
            let inside = marks.get(k).is_some_and(|m| m.open.start < last.end);
            if inside || quote_then_attribution(para.text, last, s) {
                last.end = s.end;
                continue;
            }
        }
        out.push(s.clone());
    }
    out
}

/// A sentence that is a quotation alone, then one that only says who said
/// it (`“….” Trump said.`): one clause, so the attribution is beside the quote.
fn quote_then_attribution(text: &str, quote: &Range<usize>, next: &Range<usize>) -> bool {
    let q = &text[quote.clone()];
    q.starts_with(['“', '"'])
        && q.ends_with(['”', '"'])
        && !text[next.clone()].starts_with(['“', '"'])
        && tail::is_attribution(&text[next.clone()])
}

/// Whether a paragraph holds nothing but quotations.
fn is_only_quotes(text: &str, marks: &[Marked]) -> bool {
    if marks.is_empty() {
        return false;
    }
    let mut pos = 0;
    for m in marks {
        if text[pos..m.open.start].chars().any(char::is_alphanumeric) {
            return false;
        }
        pos = m.outer_end(text.len());
    }
    !text[pos..].chars().any(char::is_alphanumeric)
}

/// Builds the quote from its marked parts, or `None` for a scare quote.
fn build(
    para: &Para,
    parts: &[&Marked],
    clauses: &[Range<usize>],
    room: Range<usize>,
) -> Option<Quote> {
    let spans: SmallVec<[Range<usize>; 2]> = parts
        .iter()
        .map(|m| {
            let inner = &para.text[m.inner.clone()];
            let kept = inner.trim_end_matches(',').trim_end();
            m.inner.start..m.inner.start + kept.len()
        })
        .filter(|r| !r.is_empty())
        .collect();
    let text = match spans.as_slice() {
        [one] => para.text[one.clone()].to_string(),
        _ => spans
            .iter()
            .map(|r| &para.text[r.clone()])
            .collect::<Vec<_>>()
            .join(" … "),
    };
    if !has_words(&text, 1) {
        return None;
    }
    let first = spans.first()?.clone();
    let last = spans.last()?.clone();
    // Clauses are in order and disjoint: the first ending at or after `pos`
    // is the only one that can hold it.
    let clause_of = |pos: usize| {
        clauses
            .get(clauses.partition_point(|c| c.end < pos))
            .filter(|c| c.start <= pos)
            .cloned()
    };
    let from = clause_of(first.start).map_or(first.start, |c| c.start);
    let to = clause_of(last.end).map_or(last.end, |c| c.end);
    let sentence = text::sentence_around(
        para.text,
        from..to,
        first.start..last.end,
        room,
        text::MAX_SENTENCE,
    );
    let abs = |r: &Range<usize>| para.offset + r.start..para.offset + r.end;
    Some(Quote {
        id: String::new(),
        doc: String::new(),
        text,
        speaker: None,
        speaker_description: None,
        role: None,
        attribution: None,
        sieve: None,
        sentence: para.text[sentence].to_string(),
        start: abs(&first).start,
        end: abs(&last).end,
        paragraph: para.number,
        parts: if spans.len() > 1 {
            spans
                .iter()
                .map(|r| Part {
                    text: para.text[r.clone()].to_string(),
                    start: abs(r).start,
                    end: abs(r).end,
                })
                .collect()
        } else {
            Vec::new()
        },
        unclosed: parts.last().is_some_and(|m| m.close.is_none()),
        continues: None,
        continues_index: None,
    })
}

/// Runs the sieves for one quote inside its clause, surest first.
fn attribute(
    text: &str,
    marks: &[Marked],
    parts: &[&Marked],
    clause: &Range<usize>,
    lead: (&str, &[Word]),
    subject: Option<&(Mention, usize)>,
) -> Option<Found> {
    let first = parts[0];
    let last = parts[parts.len() - 1];
    // A credit after a dash belongs to a quote that is its whole sentence;
    // after a sentence of reporting it is a byline ("… Spain.”--Kim Hjelmgaard").
    let opens_clause = !text[clause.start..first.open.start]
        .chars()
        .any(char::is_alphanumeric);
    if parts.len() > 1 {
        let between = &text[first.close.as_ref()?.end..parts[1].open.start];
        if let Some(mut f) = sieves::after(between) {
            f.sieve = "interrupted";
            return Some(f);
        }
    } else {
        let from = last
            .outer_end(text.len())
            .min(clause.end.max(last.outer_end(text.len())));
        let next_open = marks
            .get(marks.partition_point(|m| m.open.start < from))
            .map_or(text.len(), |m| m.open.start);
        let until = clause.end.min(next_open).max(from);
        if let Some(f) = sieves::after(window(text, from..until, Side::Start))
            && (f.sieve != "dash-credit" || opens_clause)
        {
            return Some(f);
        }
    }
    // Marks do not overlap, so their ends are in order too.
    let prev_end = marks[..marks.partition_point(|m| m.outer_end(text.len()) <= first.open.start)]
        .last()
        .map(|m| m.outer_end(text.len()));
    let from = prev_end.map_or(clause.start, |e| e.max(clause.start));
    let before = window(text, from..first.open.start, Side::End);
    if from == clause.start
        && let Some(f) = sieves::label(before)
    {
        return Some(f);
    }
    // Usually the text before the quote is the clause's lead, already split.
    let is_lead = std::ptr::eq(before, lead.0);
    let ws = if is_lead {
        Cow::Borrowed(lead.1)
    } else {
        Cow::Owned(words(before))
    };
    if let Some(f) = sieves::before(&ws, subject, is_lead) {
        return Some(f);
    }
    if let Some(f) = sieves::subject_colon(before, subject, lead.1) {
        return Some(f);
    }
    // A later quote of a sentence whose opening attributes: `Johnson tells
    // MSNBC’s “Morning Joe” that “…”`.
    if !is_lead && let Some(mut f) = sieves::before(lead.1, subject, true) {
        f.sieve = "clause-lead";
        f.adjacent = false;
        return Some(f);
    }
    // "“…,” Graham said on MSNBC, adding, “…”": a participle of speech after
    // an earlier quote of the sentence continues that quote's attribution.
    if !is_lead && ends_with_adding(&ws) {
        let earlier =
            &marks[..marks.partition_point(|m| m.outer_end(text.len()) <= first.open.start)];
        for m in earlier
            .iter()
            .rev()
            .take_while(|m| m.open.start >= clause.start)
        {
            let between = window(text, m.outer_end(text.len())..first.open.start, Side::Start);
            if let Some(mut f) = sieves::after(between) {
                f.sieve = "adding-after-quote";
                f.adjacent = false;
                return Some(f);
            }
        }
    }
    None
}

/// Whether the words before a quote end with "adding" or "adding that".
fn ends_with_adding(ws: &[Word]) -> bool {
    let n = ws.len() - usize::from(ws.last().is_some_and(|w| w.core == "that"));
    n > 0 && ws[n - 1].core == "adding"
}

/// A quoted phrase nobody is said to speak — a slogan, a title, a
/// scare-quoted term: "the “China Dream of national rejuvenation”". Short,
/// one clause, and named as a thing by the word before it or written in
/// title case.
fn is_phrase(text: &str, first: &Marked, quoted: &str) -> bool {
    let n = quoted.split_whitespace().count();
    if n > 8 || quoted.contains(['.', '?', '!', ',', ';']) {
        return false;
    }
    let before = text[..first.open.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let named = matches!(
        &*crate::extract::lower::lower(before.trim_matches(|c: char| !c.is_alphanumeric())),
        "the"
            | "a"
            | "an"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "called"
            | "dubbed"
            | "titled"
            | "entitled"
            | "named"
            | "so-called"
            | "slogan"
            | "film"
            | "book"
            | "song"
            | "campaign"
            | "programme"
            | "program"
            | "initiative"
            | "policy"
    );
    named || title_case(quoted)
}

/// "“…,” it said in a statement": an organisation's pronoun and a verb of
/// speech right after the quotation.
fn it_said(after: &str) -> bool {
    let after = after.trim_start();
    let after = after.strip_prefix(',').unwrap_or(after).trim_start();
    let Some(rest) = after.strip_prefix("it ") else {
        return false;
    };
    let verb = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        verb,
        "said" | "says" | "added" | "wrote" | "stated" | "warned" | "noted"
    )
}

/// Two thirds or more of two or more words capitalised: "State of the Union".
fn title_case(quoted: &str) -> bool {
    let n = quoted.split_whitespace().count();
    let capitals = quoted
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    n >= 2 && capitals * 3 >= n * 2
}

/// A programme, paper or book named after an outlet's possessive or "on":
/// "told CNN’s “State of the Union”", "said on “Meet the Press”". Its
/// title is in title case and no sentence, so no verb beside it makes it
/// a quotation, as it does a short phrase.
fn is_title(text: &str, first: &Marked, quoted: &str) -> bool {
    // "on ABC’s “This Week,” Carson said": the sentence's comma inside the marks.
    // Asked of every clause's first mark: the word before it first, and a
    // title is short, so a long quotation is never read through.
    let before = text[..first.open.start].trim_end();
    let on = before
        .strip_suffix("on")
        .is_some_and(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace));
    let owner = before.ends_with("’s") || before.ends_with("'s") || on;
    if !owner || quoted.len() > 90 {
        return false;
    }
    let quoted = quoted.strip_suffix([',', '.']).unwrap_or(quoted);
    quoted.split_whitespace().count() <= 8
        && !quoted.contains(['.', '?', '!', ',', ';', ':'])
        && headline_case(quoted)
}

/// Every word capitalised but the short ones a title leaves in lowercase:
/// "State of the Union", "Fox & Friends".
fn headline_case(quoted: &str) -> bool {
    const SMALL: [&str; 13] = [
        "a", "an", "the", "of", "and", "or", "for", "in", "on", "at", "to", "with", "&",
    ];
    let mut words = quoted.split_whitespace();
    let opens = words
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    opens
        && quoted.split_whitespace().count() >= 2
        && words.all(|w| w.chars().next().is_some_and(char::is_uppercase) || SMALL.contains(&w))
}

enum Side {
    Start,
    End,
}

/// At most a few hundred bytes at one end of `range`: attribution sits next to
/// the quote, and bounding the text read keeps huge paragraphs linear.
fn window(text: &str, range: Range<usize>, side: Side) -> &str {
    const MAX: usize = 240;
    let (mut start, mut end) = (range.start, range.end);
    match side {
        Side::Start => end = end.min(start + MAX),
        Side::End => start = start.max(end.saturating_sub(MAX)),
    }
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[start..end.max(start)]
}

/// "Rep. Maxine Waters … pressed Powell on whether …": a named subject, a
/// verb of questioning and a name right after it; the one questioned is
/// who a reply in this paragraph or the next answers as.
fn note_questioned(
    ws: &[Word],
    m: &mention::Mention,
    used: usize,
    number: usize,
    state: &mut State,
) {
    if !matches!(m.who, mention::Who::Name(_) | mention::Who::Role { .. })
        || !ws.get(used).is_some_and(|w| {
            matches!(
                w.core,
                "asked" | "pressed" | "questioned" | "quizzed" | "grilled" | "challenged"
            )
        })
    {
        return;
    }
    if let Some((named, _)) = mention::read(&ws[used + 1..], false)
        && let mention::Who::Name(n) = &named.who
        && !names::is_org_name(n)
        && !matches!(&m.who, mention::Who::Name(a) if a == n)
    {
        state.asked = Some((named, number));
    }
}

/// Whether the words that attribute a quote answer a question: "he
/// replied", "she answered", "responded Roe".
fn replies(evidence: &str) -> bool {
    evidence.split(' ').any(|w| {
        matches!(
            w,
            "replied" | "replies" | "answered" | "answers" | "responded" | "responds" | "retorted"
        )
    })
}

/// A quote in a sentence about the person the text has just reported as
/// speaking ("Kedi … said he had decided to leave." then "Kedi … lost that
/// job when the economy “fell off a cliff”"): part of that person's account.
fn reported_account(
    parsed: &Option<(Mention, usize)>,
    reporting: &Option<Speaker>,
    previous: &Previous,
    number: usize,
    state: &mut State,
) -> Option<Speaker> {
    let (m, _) = parsed.as_ref()?;
    if !matches!(m.who, mention::Who::Name(_)) {
        return None;
    }
    let r = reporting.as_ref().or(previous
        .reporting
        .as_ref()
        .filter(|_| previous.number + 1 == number))?;
    let s = state.speaker(m);
    (s.name.is_some() && s.name == r.name).then(|| r.clone())
}

/// The person a sentence ends by naming as its source: "…, Schiff said.",
/// "…, said Paul Beck."
fn reported_at_end(sentence: &str, state: &mut State) -> Option<Speaker> {
    // Only the sentence's last words can name its source: a bounded window
    // keeps a run-on sentence of many quotes linear.
    let end = window(sentence, 0..sentence.len(), Side::End);
    let tail = &end[last_comma_space(end)? + 1..];
    if tail.len() > 80 || tail.contains(['“', '”', '"']) {
        return None;
    }
    // The evidence runs through the verb and leaves at most two words: a
    // verb among the last three or no reading that passes.
    // "…, said Paul Beck.": the verb first, then the name to the end.
    let first = tail.split_whitespace().next();
    // "…, called Douyin.": a participle that names a thing, not speech.
    if first.is_some_and(|w| matches!(w, "called" | "dubbed" | "named" | "titled")) {
        return None;
    }
    let inverted = first.is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_lowercase()) && attribute::is_speech_verb(w)
    });
    if !inverted && !sieves::may_end_with_verb(tail) {
        return None;
    }
    let f = sieves::after(tail)?;
    if !matches!(f.sieve, "quote-speaker-verb" | "quote-verb-speaker")
        || f.evidence.split(' ').count() + 2 < tail.split_whitespace().count()
    {
        return None;
    }
    let s = state.speaker(&f.mention);
    if s.name.is_none() || s.org {
        return None;
    }
    // "…, Prime Minister Anwar Ibrahim announced today." then "“…,” he
    // said.": the person a sentence ends by naming is who a pronoun after
    // it means.
    state.set_topic(&s, None, f.mention.gender);
    Some(s)
}

/// `text.rfind(", ")`, by commas found from the end with the `memchr`
/// crate's SIMD search: every clause asks it of its last 240 bytes, and the
/// general substring searcher cost more than the rest of [`reported_at_end`].
fn last_comma_space(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memrchr_iter(b',', bytes).find(|&i| bytes.get(i + 1) == Some(&b' '))
}

/// A paragraph of nothing but quotation continues the previous paragraph's speaker.
fn continuation(
    previous: &Previous,
    number: usize,
    state: &mut State,
) -> Option<(Speaker, String)> {
    if previous.number + 1 != number || previous.ambiguous {
        return None;
    }
    if let Some((speaker, _)) = &previous.last_speaker {
        return Some((speaker.clone(), String::new()));
    }
    if let Some(speaker) = &previous.reporting {
        return Some((speaker.clone(), String::new()));
    }
    if let Some(first) = previous.first_sentence
        && let Some(np) = introduces_source(window(first, 0..first.len(), Side::Start))
    {
        return Some((state.resolve(&np), String::new()));
    }
    let speaker = state.speaker(previous.about.as_ref()?);
    speaker.is_full_person().then_some((speaker, String::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs the extractor over paragraphs given as strings (the other
    /// modules' tests use it too).
    pub(in crate::extract::quotes) fn quotes(paragraphs: &[&str]) -> Vec<Quote> {
        let mut offset = 0;
        let paras: Vec<Para> = paragraphs
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let p = Para::new(i + 1, offset, text);
                offset += text.len() + 2;
                p
            })
            .collect();
        find(&paras)
    }

    fn summary(paragraphs: &[&str]) -> Vec<(String, Option<String>)> {
        quotes(paragraphs)
            .into_iter()
            .map(|q| {
                (
                    q.text,
                    q.speaker
                        .or(q.speaker_description.map(|d| format!("({d})"))),
                )
            })
            .collect()
    }

    type Case<'a> = (&'a [&'a str], &'a [(&'a str, Option<&'a str>)]);

    #[test]
    fn verbs_of_answering_and_explaining_attribute() {
        check(&[
            (
                &[
                    "“Nobody wins a race by counting flags,” Jane Roe responded before adding that she would campaign in March.",
                ],
                &[("Nobody wins a race by counting flags", Some("Jane Roe"))],
            ),
            (
                &["“The pipes froze in January,” Mayor Jo Park explained."],
                &[("The pipes froze in January", Some("Jo Park"))],
            ),
        ]);
    }

    /// Each case: paragraphs in, (quote text, speaker or "(description)") out.
    fn check(cases: &[Case]) {
        for (paragraphs, want) in cases {
            let want: Vec<(String, Option<String>)> = want
                .iter()
                .map(|(t, s)| (t.to_string(), s.map(str::to_owned)))
                .collect();
            assert_eq!(summary(paragraphs), want, "{paragraphs:?}");
        }
    }

    #[test]
    fn a_sentence_that_ends_with_said_and_a_name() {
        check(&[(
            &[
                "Roe “drew well with rural voters” in the last primary, said state university professor Omar Lund.",
                "“That was more her base than anyone else’s at the time.”",
            ],
            &[
                ("drew well with rural voters", Some("Omar Lund")),
                (
                    "That was more her base than anyone else’s at the time.",
                    Some("Omar Lund"),
                ),
            ],
        )]);
    }

    #[test]
    fn an_attribution_after_the_quotes_own_full_stop() {
        check(&[
            (
                &["“The depot will stay open all winter.” Dana Reel said."],
                &[("The depot will stay open all winter.", Some("Dana Reel"))],
            ),
            (
                &["“The depot will stay open all winter!” Dana Reel tweeted on Monday."],
                &[("The depot will stay open all winter!", Some("Dana Reel"))],
            ),
            // A new statement after the quote is no attribution of it.
            (
                &["“The depot will stay open all winter.” Dana Reel said the plan was old."],
                &[("The depot will stay open all winter.", None)],
            ),
        ]);
    }

    #[test]
    fn subject_boundaries() {
        check(&[
            // The verb after an aside set off by commas is no second aside.
            (
                &[
                    "Dana Reel, a spokeswoman for the mayor, said, \"The depot will stay open all winter.\"",
                ],
                &[("The depot will stay open all winter.", Some("Dana Reel"))],
            ),
            // A first name in "-ly" is no fronted adverb.
            (
                &[
                    "Kelly Brandt threw her support behind Sen. Omar Lund on Friday, saying he is the \"only candidate who has read the budget.\"",
                ],
                &[(
                    "only candidate who has read the budget.",
                    Some("Kelly Brandt"),
                )],
            ),
            // A reflexive between the subject and its verb.
            (
                &[
                    "Lund himself said Tuesday that \"the only way to win this county is door to door.\"",
                ],
                &[(
                    "the only way to win this county is door to door.",
                    Some("Lund"),
                )],
            ),
        ]);
    }

    #[test]
    fn subject_past_objects_and_fronted_phrases() {
        check(&[
            // A participle after the object of the sentence's verb.
            (
                &[
                    "On Friday, Lund issued a statement saying that the judge was \"a fair and patient man of the law.\"",
                ],
                &[("a fair and patient man of the law.", Some("Lund"))],
            ),
            // Two fronted phrases, then the subject.
            (
                &[
                    "On Monday, after a week of silence, Ada Moss appeared on the radio and endorsed Lund, saying, \"He has earned the chance to lead this city.\"",
                ],
                &[(
                    "He has earned the chance to lead this city.",
                    Some("Ada Moss"),
                )],
            ),
            (
                &[
                    "But a few days later, Moss reversed herself, telling the Herald that the plan \"was never going to pass the council.\"",
                ],
                &[("was never going to pass the council.", Some("Moss"))],
            ),
            // The outlet between the name and the verb.
            (
                &[
                    "Pat Olsen of The Ledger wrote, \"Nobody in the county has seen a budget like this one.\"",
                ],
                &[(
                    "Nobody in the county has seen a budget like this one.",
                    Some("Pat Olsen"),
                )],
            ),
            // "adding" after an earlier quote of the sentence.
            (
                &[
                    "\"The plan is dead,\" Ana Ruiz said on \"Radio Nine,\" adding, \"Nobody on the council will vote for it.\"",
                ],
                &[
                    ("The plan is dead", Some("Ana Ruiz")),
                    ("Nobody on the council will vote for it.", Some("Ana Ruiz")),
                ],
            ),
            // A verb of presenting that is no verb of speech.
            (
                &[
                    "Ana Ruiz estimated that there are \"somewhere between twenty and thirty members who will vote no.\"",
                ],
                &[(
                    "somewhere between twenty and thirty members who will vote no.",
                    Some("Ana Ruiz"),
                )],
            ),
            (
                &[
                    "Kim Roe pondered whether the council might \"find the money before the winter comes.\"",
                ],
                &[("find the money before the winter comes.", Some("Kim Roe"))],
            ),
            // The subject of a relative clause does not present the quote.
            (
                &[
                    "Lee was asked by moderator Jo Kent whether the plan, which the Budget Office estimates would cost a billion, would risk \"adding another costly program to the books.\"",
                ],
                &[(
                    "adding another costly program to the books.",
                    Some("Jo Kent"),
                )],
            ),
        ]);
    }

    #[test]
    fn a_paragraph_ending_in_a_colon_introduces_the_next() {
        check(&[
            (
                &[
                    "When the panel pressed her on the budget, Mayor Ada Moss answered the critics:",
                    "\"We have balanced the books three years running and we will do it again.\"",
                ],
                &[(
                    "We have balanced the books three years running and we will do it again.",
                    Some("Ada Moss"),
                )],
            ),
            // No verb that presents speech: the letter is no speaker.
            (
                &[
                    "The letter from the county reads in part:",
                    "\"We have balanced the books three years running and we will do it again.\"",
                ],
                &[(
                    "We have balanced the books three years running and we will do it again.",
                    None,
                )],
            ),
        ]);
    }

    #[test]
    fn a_named_subject_with_a_following_statement_introduces_the_next() {
        check(&[
            (
                &[
                    "After the storm passed, Governor Ada Moss issued the following statement:",
                    "\"Our crews will work through the night until every road is open.\"",
                ],
                &[(
                    "Our crews will work through the night until every road is open.",
                    Some("Ada Moss"),
                )],
            ),
            // A label is no speaker.
            (
                &[
                    "Partial transcript as follows:",
                    "\"Our crews will work through the night until every road is open.\"",
                ],
                &[(
                    "Our crews will work through the night until every road is open.",
                    None,
                )],
            ),
        ]);
    }

    #[test]
    fn a_paragraph_of_quotation_after_one_about_a_person() {
        check(&[
            (
                &[
                    "The bond vote is on Tuesday.",
                    "Omar Lund is hopeful about the bond vote, in part because he sees it as a test of trust.",
                    "\"The town has never turned down a school it could afford.\"",
                ],
                &[(
                    "The town has never turned down a school it could afford.",
                    Some("Omar Lund"),
                )],
            ),
            // A fronted phrase: the paragraph is about the rallies too.
            (
                &[
                    "The bond vote is on Tuesday.",
                    "At his rallies, Omar Lund shakes every hand in the room.",
                    "\"The town has never turned down a school it could afford.\"",
                ],
                &[(
                    "The town has never turned down a school it could afford.",
                    None,
                )],
            ),
            // A lone word opening a paragraph is no person.
            (
                &[
                    "The bond vote is on Tuesday.",
                    "Pause.",
                    "\"The town has never turned down a school it could afford.\"",
                ],
                &[(
                    "The town has never turned down a school it could afford.",
                    None,
                )],
            ),
        ]);
    }

    #[test]
    fn a_name_set_off_by_commas_before_its_verb() {
        check(&[
            (
                &[
                    "On Friday at a school in Dayton, OH, after a long day of visits, Gov. Ada Moss (R-OH), said, \"We will fund every one of these classrooms.\"",
                ],
                &[(
                    "We will fund every one of these classrooms.",
                    Some("Ada Moss"),
                )],
            ),
            (
                &[
                    "The head of the teachers union, Omar Lund, warned that the plan would be \"a disaster for every rural district.\"",
                ],
                &[("a disaster for every rural district.", Some("Omar Lund"))],
            ),
            // A place closing an aside is no speaker.
            (
                &[
                    "Ada Moss, a delegate from Dayton, Ohio, said she wanted \"a plan that every rural district can afford.\"",
                ],
                &[(
                    "a plan that every rural district can afford.",
                    Some("Ada Moss"),
                )],
            ),
        ]);
    }

    #[test]
    fn fronted_like_and_amid_are_no_names() {
        check(&[
            (
                &[
                    "Like Moss, Omar Lund also rejected the plan, arguing that there is \"no money left for the rural schools.\"",
                ],
                &[("no money left for the rural schools.", Some("Omar Lund"))],
            ),
            (
                &[
                    "Amid calls for a recount, Omar Lund wrote a letter, saying it was time to \"count every ballot twice.\"",
                ],
                &[("count every ballot twice.", Some("Omar Lund"))],
            ),
        ]);
    }

    #[test]
    fn a_verb_before_the_name_before_the_quote() {
        check(&[
            (
                &["Said Moss, \"The thought that we failed these families keeps me awake.\""],
                &[(
                    "The thought that we failed these families keeps me awake.",
                    Some("Moss"),
                )],
            ),
            (
                &[
                    "Because of how the schedule was drawn, explained Ada Moss, \"the race will be over by the middle of March.\"",
                ],
                &[(
                    "the race will be over by the middle of March.",
                    Some("Ada Moss"),
                )],
            ),
        ]);
    }

    #[test]
    fn a_participle_after_an_earlier_quotation_of_the_sentence() {
        check(&[(
            &[
                "Moss shared a memo titled \"Where the Race Stands\" on her campaign page, writing \"We are ahead in every county that matters this year.\"",
            ],
            &[(
                "We are ahead in every county that matters this year.",
                Some("Moss"),
            )],
        )]);
    }

    #[test]
    fn attribution_patterns() {
        let cases: &[Case] = &[
            // X said / said X / X told / other verbs of speech.
            (
                &["“We will leave this place now,” Li Wei said."],
                &[("We will leave this place now", Some("Li Wei"))],
            ),
            (
                &["“We will leave this place now,” said Li Wei, a farmer."],
                &[("We will leave this place now", Some("Li Wei"))],
            ),
            (
                &["Chen Bo told reporters that “the border is closed to everyone now.”"],
                &[("the border is closed to everyone now.", Some("Chen Bo"))],
            ),
            (
                &["“Nobody listened to us at all,” Ma Lin explained."],
                &[("Nobody listened to us at all", Some("Ma Lin"))],
            ),
            (
                &["“I left with only one bag,” Ma Lin recalled."],
                &[("I left with only one bag", Some("Ma Lin"))],
            ),
            (
                &["Ma Lin declared, “We will never go back there.”"],
                &[("We will never go back there.", Some("Ma Lin"))],
            ),
            (
                &["Ma Lin wrote: “The night was long and cold.”"],
                &[("The night was long and cold.", Some("Ma Lin"))],
            ),
            // According to X.
            (
                &["“Prices rose for ten straight months,” according to the Finance Ministry."],
                &[(
                    "Prices rose for ten straight months",
                    Some("Finance Ministry"),
                )],
            ),
            // X, 42, …
            (
                &["Li Ming, 42, said “we have nothing left here now.”"],
                &[("we have nothing left here now.", Some("Li Ming"))],
            ),
            // X: “…”
            (
                &["Song Yu has seen the change: “Wages are falling and jobs are gone.”"],
                &[("Wages are falling and jobs are gone.", Some("Song Yu"))],
            ),
            // X … is quoted saying.
            (
                &[
                    "Mark Xu, 35, a teacher, is quoted saying “the reason is the political environment.”",
                ],
                &[("the reason is the political environment.", Some("Mark Xu"))],
            ),
            // A pronoun continues the person the text is about.
            (
                &[
                    "Li Ming left in May.",
                    "“There was no work for anyone,” he said.",
                ],
                &[("There was no work for anyone", Some("Li Ming"))],
            ),
            // A paragraph of nothing but quotation continues the last speaker.
            (
                &[
                    "“We had to go,” Li Ming said.",
                    "“There was no other way for us.”",
                ],
                &[
                    ("We had to go", Some("Li Ming")),
                    ("There was no other way for us.", Some("Li Ming")),
                ],
            ),
            // Organisations and publications named earlier.
            (
                &[
                    "A survey by the European Central Bank found shifts.",
                    "“Two-thirds of all respondents cited China,” the bank said.",
                ],
                &[(
                    "Two-thirds of all respondents cited China",
                    Some("European Central Bank"),
                )],
            ),
            (
                &[
                    "The New York Times says many left. The NYT piece also reported that “about 100,000 are Chinese.”",
                ],
                &[("about 100,000 are Chinese.", Some("New York Times"))],
            ),
            // A surname resolves to the full name given earlier.
            (
                &[
                    "An asylum seeker who used the pseudonym Zhang Jun left.",
                    "“Why do so many people want to leave?” said Zhang.",
                ],
                &[("Why do so many people want to leave?", Some("Zhang Jun"))],
            ),
            // Unnamed speakers keep the text's description.
            (
                &["“We are Christians,” one neatly dressed middle-aged man said simply."],
                &[(
                    "We are Christians",
                    Some("(one neatly dressed middle-aged man)"),
                )],
            ),
            // Gender picks the right person.
            (
                &[
                    "Anna Li, a lawyer, spoke first; she was calm.",
                    "Tom Wu, her client, said he was afraid.",
                    "“The courts will not listen to us,” she said.",
                ],
                &[("The courts will not listen to us", Some("Anna Li"))],
            ),
            // A slogan nobody is said to speak is no quotation.
            (
                &["The slogan “tell our story well to everyone” is everywhere."],
                &[],
            ),
            // No attribution: no speaker.
            (
                &[
                    "Prices rose again. “Nobody can afford to live here any more, not even the teachers.”",
                ],
                &[(
                    "Nobody can afford to live here any more, not even the teachers.",
                    None,
                )],
            ),
            // A subject that does something else is not speaking.
            (
                &[
                    "The ministry ended a contract to “improve the lives of all residents in the area.”",
                ],
                &[("improve the lives of all residents in the area.", None)],
            ),
        ];
        check(cases);
    }

    #[test]
    fn quotation_mark_patterns() {
        let cases: &[Case] = &[
            // Straight double quotes, and single-quoted speech.
            (
                &["\"We are leaving for good now,\" Li Wei said."],
                &[("We are leaving for good now", Some("Li Wei"))],
            ),
            (
                &["'We are leaving for good now,' Li Wei said."],
                &[("We are leaving for good now", Some("Li Wei"))],
            ),
            // Opening and closing marks that differ.
            (
                &["‘We have no choice but to survive.” Then he left."],
                &[("We have no choice but to survive.", None)],
            ),
            // Several sentences in one quote.
            (
                &["“One. Two three. Four five six,” Li Wei said."],
                &[("One. Two three. Four five six", Some("Li Wei"))],
            ),
            // Unclosed at the end of a paragraph.
            (
                &[
                    "Li Wei said: “we will keep going until the end",
                    "Next paragraph.",
                ],
                &[("we will keep going until the end", Some("Li Wei"))],
            ),
            // Interrupted by its attribution: one quote in two parts.
            (
                &["“This is hard,” he said. “But we will go on.”"],
                &[("This is hard … But we will go on.", None)],
            ),
            // Scare quotes and terms of one to three words are not quotes.
            (
                &[
                    "The “run” movement and the “iron rice-bowl” and ‘Disillusioned about China’ spread.",
                ],
                &[],
            ),
            // Apostrophes, primes and lone marks are not quotes.
            (
                &["Xi’an’s people don’t rock ’n’ roll in the ’90s; he is 5' 10\" tall ” here."],
                &[],
            ),
        ];
        check(cases);
    }

    #[test]
    fn interrupted_quote_keeps_verbatim_parts() {
        let text = "“This is hard,” he said. “But we will go on.”";
        let q = &quotes(&[text])[0];
        assert_eq!(q.parts.len(), 2);
        assert_eq!(&text[q.parts[0].start..q.parts[0].end], "This is hard");
        assert_eq!(
            &text[q.parts[1].start..q.parts[1].end],
            "But we will go on."
        );
        assert_eq!(q.sentence, text);
        assert_eq!(q.attribution.as_deref(), Some("he said"));
    }

    #[test]
    fn hostile_and_degenerate_input_does_not_panic() {
        let long = "“".repeat(10_000) + &"word ".repeat(10_000);
        let inputs = [
            "",
            "“",
            "”",
            "‘’",
            "\"\"\"",
            "“ ”",
            "习近平说：“我们要讲好中国故事和传播中国声音。”",
            long.as_str(),
        ];
        for input in inputs {
            let _ = quotes(&[input]);
        }
    }
}

//! Composes one spec: which documents it reads, what it quotes from them,
//! its audiences, and whether it queries the whole corpus.

use std::collections::BTreeMap;

use super::model::*;
use super::yaml::{render, scalar};
use super::{
    CORPUS_WIDE, GeneratedSpec, ONE_AUDIENCE, POPULAR, Pools, SALT, SpecOptions, TWO_AUDIENCES,
    Wide, full_name, word_in, words_in,
};
use crate::rng::Rng;
use brief::extract::Quote;

/// Generates spec `i` (0-based).
pub(super) fn spec(pools: &Pools, opts: &SpecOptions, i: usize) -> GeneratedSpec {
    let mut rng = Rng::for_doc(opts.seed ^ SALT, i);
    let docs = pick_docs(pools, &mut rng);
    let topics = topics(pools, &docs);
    let title = title(&mut rng, &topics);
    let last = docs[docs.len() - 1];
    let summary_figure = rng.pick(&pools.extracted[last].figures).id.clone();
    let summary = Prose {
        text: format!(
            "This brief reads {} documents{}. One of them reports {{{{figure:{summary_figure}}}}}; \
             the sections below set out what the others add, with every quote and figure \
             footnoted to its source.",
            docs.len(),
            match topics.as_slice() {
                [] => String::new(),
                [one, ..] => format!(" on {}", one.to_lowercase()),
            }
        ),
        docs: vec![doc_of(&summary_figure)],
    };
    let audiences = audiences(&mut rng);
    let mut sections = vec![
        overview(pools, &docs, &mut rng),
        voices(pools, &docs, &mut rng),
    ];
    if rng.chance(0.5) {
        let only = (audiences.len() == 2).then(|| vec!["policymakers"]);
        sections.push(numbers(pools, &docs, only, &mut rng));
    }
    let wide = if rng.chance(CORPUS_WIDE) {
        wide_query(pools, &mut rng)
    } else {
        None
    };
    sections.extend(wide.as_ref().map(wide_section));

    let draft = Draft {
        subtitle: format!(
            "Synthetic brief {} of the regeneration benchmark, over {} documents",
            i + 1,
            docs.len()
        ),
        title,
        summary,
        audiences,
        sections,
    };
    let width = opts.specs.to_string().len().max(3);
    let name = format!("spec-{:0width$}", i + 1);
    let text = render(&draft, &opts.corpus, &name, opts.seed);
    GeneratedSpec {
        file_name: format!("{name}.yaml"),
        name,
        text,
        named: named(&draft),
        outputs: outputs(&draft),
        wide,
    }
}

/// Prose quoting one of the documents inline (a named speaker when there is
/// one) and citing a figure, then a table of figures by id from the last one
/// to three documents, or the last two of five.
fn overview(pools: &Pools, docs: &[usize], rng: &mut Rng) -> Section {
    // Quotes are taken by id from the first three documents (see `voices`),
    // figures from at least the others, so every document is named by id.
    let mut figure_ids: Vec<String> = Vec::new();
    let from_end = (1 + rng.index(3)).max(docs.len().saturating_sub(3));
    for &d in docs.iter().rev().take(from_end) {
        let id = rng.pick(&pools.extracted[d].figures).id.clone();
        if !figure_ids.contains(&id) {
            figure_ids.push(id);
        }
    }
    let named: Vec<&Quote> = docs
        .iter()
        .flat_map(|&d| &pools.extracted[d].quotes)
        .filter(|q| q.speaker.as_deref().is_some_and(full_name))
        .collect();
    let quote = match named.as_slice() {
        [] => rng.pick(&pools.extracted[docs[0]].quotes),
        some => *rng.pick(some),
    };
    let said = match &quote.speaker {
        Some(s) if full_name(s) => s.as_str(),
        _ => "one source",
    };
    let figure = &figure_ids[0];
    let opening = one_of(
        rng,
        &[
            "The documents agree on the outline and differ on the detail.",
            "Press reports and advocacy figures are read side by side here.",
            "The sources count different things over different periods.",
        ],
    );
    let text = Prose {
        text: format!(
            "{opening} As {said} put it, {{{{quote:{}}}}} One count puts the number at \
             {{{{figure:{figure}}}}}.",
            quote.id
        ),
        docs: vec![quote.doc.clone(), doc_of(figure)],
    };
    Section {
        id: "overview",
        title: one_of(
            rng,
            &["Overview", "What the sources say", "The picture so far"],
        ),
        blocks: vec![
            Block::all(Kind::Text(text)),
            Block::all(Kind::Figures(
                figure_ids.into_iter().map(Sel::Id).collect(),
                "table",
            )),
        ],
    }
}

/// Quotes by id from the first three documents, then a query over the
/// quotes of two or three of them; an excerpt of two paragraphs of one.
fn voices(pools: &Pools, docs: &[usize], rng: &mut Rng) -> Section {
    let mut quotes: Vec<Sel> = docs
        .iter()
        .take(3)
        .map(|&d| Sel::Id(rng.pick(&pools.extracted[d].quotes).id.clone()))
        .collect();
    let listed: Vec<String> = docs
        .iter()
        .take(2 + rng.index(2))
        .map(|&d| pools.id(d).to_string())
        .collect();
    quotes.push(Sel::Query {
        yaml: format!("{{doc: [{}], limit: 3}}", listed.join(", ")),
        docs: listed,
    });
    let d = docs[rng.index(docs.len())];
    // Usable documents have two paragraphs or more.
    let paragraphs = pools.extracted[d].paragraphs.len();
    let from = 1 + rng.index(paragraphs.saturating_sub(1).clamp(1, 3));
    Section {
        id: "voices",
        title: one_of(
            rng,
            &["In their own words", "Voices", "What people told reporters"],
        ),
        blocks: vec![
            Block::all(Kind::Quotes(quotes)),
            Block::all(Kind::Excerpt {
                doc: pools.id(d).to_string(),
                from,
            }),
        ],
    }
}

/// Figures of all the spec's documents whose sentence has a word taken from
/// one of them, as a list, for `only` these audiences.
fn numbers(
    pools: &Pools,
    docs: &[usize],
    only: Option<Vec<&'static str>>,
    rng: &mut Rng,
) -> Section {
    let listed: Vec<String> = docs.iter().map(|&d| pools.id(d).to_string()).collect();
    let d = docs[rng.index(docs.len())];
    let sentences: Vec<&str> = pools.extracted[d]
        .figures
        .iter()
        .map(|f| f.sentence.as_str())
        .filter(|s| word_in(s))
        .collect();
    let matching = match sentences.as_slice() {
        [] => String::new(),
        some => {
            let sentence: &&str = rng.pick(some);
            let words = words_in(sentence);
            let word: &String = rng.pick(&words);
            format!(", match: {}", scalar(word))
        }
    };
    let query = Sel::Query {
        yaml: format!("{{doc: [{}]{matching}, limit: 3}}", listed.join(", ")),
        docs: listed,
    };
    Section {
        id: "numbers",
        title: one_of(rng, &["Key figures", "The numbers", "How many"]),
        blocks: vec![Block {
            kind: Kind::Figures(vec![query], "list"),
            audiences: only,
        }],
    }
}

/// 2–5 distinct usable documents: popular ones by their chances, the rest
/// drawn from the whole corpus.
fn pick_docs(pools: &Pools, rng: &mut Rng) -> Vec<usize> {
    let want = (2 + rng.index(4)).min(pools.usable.len());
    let mut docs = Vec::new();
    for (j, chance) in POPULAR.iter().enumerate() {
        if rng.chance(*chance)
            && let Some(&d) = pools.popular.get(j)
            && docs.len() < want
        {
            docs.push(d);
        }
    }
    for _ in 0..want * 50 {
        if docs.len() == want {
            break;
        }
        let d = *rng.pick(&pools.ordinary);
        if !docs.contains(&d) {
            docs.push(d);
        }
    }
    docs
}

/// The documents' tags, most common first, as words for a title.
fn topics(pools: &Pools, docs: &[usize]) -> Vec<String> {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for &d in docs {
        for t in &pools.corpus.documents[d].meta.tags {
            *count.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut tags: Vec<(&str, usize)> = count.into_iter().collect();
    tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    tags.iter().map(|(t, _)| humanise(t)).collect()
}

/// `darien-gap` → `Darien Gap`, `covid-19` → `Covid-19`.
fn humanise(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    for (k, word) in tag.split(['-', '_']).filter(|w| !w.is_empty()).enumerate() {
        if k > 0 {
            out.push(if word.bytes().all(|b| b.is_ascii_digit()) {
                '-'
            } else {
                ' '
            });
        }
        let mut chars = word.chars();
        out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
        out.extend(chars);
    }
    out
}

fn title(rng: &mut Rng, topics: &[String]) -> String {
    match topics {
        [] => "Leaving China: what the sources say".into(),
        [one] => format!("{one}: what the sources say"),
        [a, b, ..] => match rng.index(3) {
            0 => format!("{a} and {b}"),
            1 => format!("Notes on {a}"),
            _ => format!("{a}: what the sources say about {b}"),
        },
    }
}

fn audiences(rng: &mut Rng) -> Vec<Audience> {
    let roll = rng.unit();
    if roll < TWO_AUDIENCES {
        vec![
            Audience {
                id: "policymakers",
                label: "policymakers",
                note: Some("Figures first; the voices are in the press edition."),
                max_quotes: None,
                max_figures: Some(4),
                exclude: vec!["voices"],
            },
            Audience {
                id: "press",
                label: "the press",
                note: Some("Cite the sources in the notes, not this brief."),
                max_quotes: Some(2),
                max_figures: None,
                exclude: Vec::new(),
            },
        ]
    } else if roll < TWO_AUDIENCES + ONE_AUDIENCE {
        vec![Audience {
            id: "researchers",
            label: "researchers",
            note: None,
            max_quotes: None,
            max_figures: None,
            exclude: Vec::new(),
        }]
    } else {
        Vec::new()
    }
}

fn wide_query(pools: &Pools, rng: &mut Rng) -> Option<Wide> {
    let by_speaker = !pools.speakers.is_empty() && (pools.tagged.is_empty() || rng.chance(0.6));
    if by_speaker {
        let name = rng.pick(&pools.speakers).clone();
        return Some(if rng.chance(0.25) {
            Wide::RecentSpeaker(name)
        } else {
            Wide::Speaker(name)
        });
    }
    if pools.tagged.is_empty() {
        return None;
    }
    let d = *rng.pick(&pools.tagged);
    let tag = rng.pick(&pools.corpus.documents[d].meta.tags).clone();
    let sentences: Vec<&str> = pools.extracted[d]
        .figures
        .iter()
        .map(|f| f.sentence.as_str())
        .filter(|s| word_in(s))
        .collect();
    let sentence = *rng.pick(&sentences[..]);
    let words = words_in(sentence);
    let word = rng.pick(&words).clone();
    Some(Wide::Tagged { tag, word })
}

fn wide_section(wide: &Wide) -> Section {
    let (text, kind) = match wide {
        Wide::Speaker(name) => (
            format!("Across the whole corpus, the most recent quotations attributed to {name}:"),
            Kind::Quotes(vec![Sel::wide(format!(
                "{{speaker: {}, limit: 5, order: newest}}",
                scalar(name)
            ))]),
        ),
        Wide::RecentSpeaker(name) => (
            format!("What {name} has said in the year before this brief, if anything:"),
            Kind::Quotes(vec![Sel::wide(format!(
                "{{speaker: {}, within: 1y, limit: 3, allow_empty: true}}",
                scalar(name)
            ))]),
        ),
        Wide::Tagged { tag, word } => (
            format!(
                "Across every document tagged {}, figures whose sentence mentions “{word}”:",
                humanise(tag)
            ),
            Kind::Figures(
                vec![Sel::wide(format!(
                    "{{tags: [{}], match: {}, limit: 4}}",
                    scalar(tag),
                    scalar(word)
                ))],
                "table",
            ),
        ),
    };
    Section {
        id: "across-the-corpus",
        title: "Across the corpus",
        blocks: vec![
            Block::all(Kind::Text(Prose {
                text,
                docs: Vec::new(),
            })),
            Block::all(kind),
        ],
    }
}

/// One of a list of phrases.
fn one_of(rng: &mut Rng, phrases: &[&'static str]) -> &'static str {
    phrases[rng.index(phrases.len())]
}

#[cfg(test)]
mod tests {
    use super::humanise;

    #[test]
    fn tags_read_as_titles() {
        assert_eq!(humanise("darien-gap"), "Darien Gap");
        assert_eq!(humanise("covid-19"), "Covid-19");
        assert_eq!(humanise("run_movement"), "Run Movement");
        assert_eq!(humanise("économie"), "Économie");
    }
}

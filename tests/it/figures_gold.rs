//! Every figure of the shipped corpus, listed by hand from reading the
//! articles (not from the extractor's output), against what the extractor
//! finds. It fails on any figure missed, any field wrong, and any figure
//! found that is not in the list, and prints precision and recall.
//!
//! Figures with a `kind` (durations, ages, attributive counts: framing
//! quantities, listed for quantity counts) are left out before comparing;
//! the list holds the statistics only.
//!
//! The list follows the policy in `src/extract/figures/mod.rs`. The calls
//! worth recording, because a reader could decide them the other way:
//! - "two people" and "four major international forums" are counts, as
//!   "34 Chinese agents" is; a spelled-out small number is only style.
//! - "locked up by the police for 15 days", "After 24 years", "for nearly two
//!   decades", "a two-day visit", "two months ago", "Three years of Covid-19
//!   lockdowns": durations, not figures.
//! - "several dozen construction workers", "several million yuan", "dozens of
//!   Chinese migrants", "hundreds of millions", "millions out of poverty",
//!   "thousands of miles", "in the dozens or hundreds": vague, not figures.
//! - "a 60 mile stretch" and "a roughly 60-square-meter apartment" are
//!   measures, so figures.
//! - "1.4 billion" (China's population) is a figure each time it is stated.
//! - "120,000 yuan (about US$16,500)" and "5,000 yuan ($687) per month" are
//!   one figure each, valued in the currency the source states.
//! - "more than 31,000 … compared with an average of roughly 1,500 per year"
//!   are two figures: a comparison of an 11-month total with a yearly
//!   average is no change of one quantity, unlike "from X to Y".
//! - "a rise of 70% from the previous month": 70 percent, period "in
//!   September" (the month the rise is measured in), not the baseline.
//! - "at least 176,239 … a 169% increase compared to 2019 … a fourteenfold
//!   surge over 2012": the increase and the surge hold for "last year"; 2019
//!   and 2012 are baselines.
//! - "more than 40% of multinational companies … in the next few years":
//!   no period; "the next few years" is when they plan to move, not when the
//!   40% was measured.
//! - "Just over 25,000 of those migrants" is in the sentence after "in 2023";
//!   periods are taken only from the figure's own sentence, so none.

// A report for the person running it: `println!` is disallowed only for the CLI.
#![allow(clippy::disallowed_macros)]

use std::collections::BTreeMap;
use std::path::Path;

use brief::corpus::Corpus;
use brief::extract::{Figure, extract};

struct Gold {
    doc: &'static str,
    text: &'static str,
    values: &'static [f64],
    unit: Option<&'static str>,
    qualifier: Option<&'static str>,
    period: Option<&'static str>,
}

const fn g(
    doc: &'static str,
    text: &'static str,
    values: &'static [f64],
    unit: Option<&'static str>,
    qualifier: Option<&'static str>,
    period: Option<&'static str>,
) -> Gold {
    Gold {
        doc,
        text,
        values,
        unit,
        qualifier,
        period,
    }
}

const FLEEING: &str = "fleeing-xi-jinping";
const LOW: &str = "low-income-exodus";
const MASS: &str = "mass-exodus";
const POLICE: &str = "police-stations-abroad";
const RUN: &str = "run-movement";
const MORE: Option<&str> = Some("more than");
const ABOUT: Option<&str> = Some("about");
const PCT: Option<&str> = Some("percent");
const TIMES: Option<&str> = Some("times");
const CNY: Option<&str> = Some("CNY");
const USD: Option<&str> = Some("USD");

#[rustfmt::skip]
const GOLD: &[Gold] = &[
    // fleeing-xi-jinping
    g(FLEEING, "over 24,000", &[24000.0], None, MORE, Some("from November 2022 to November 2023")),
    g(FLEEING, "1.3 million", &[1.3e6], None, None, None),
    g(FLEEING, "about 100,000", &[100000.0], None, ABOUT, None),
    g(FLEEING, "more than 500,000", &[500000.0], None, MORE, Some("in 2023")),
    g(FLEEING, "Just over 25,000", &[25000.0], None, MORE, None),
    g(FLEEING, "60 mile", &[60.0], Some("miles"), None, None),
    g(FLEEING, "more than 31,000", &[31000.0], None, MORE, Some("In the first 11 months of 2023")),
    g(FLEEING, "roughly 1,500 per year", &[1500.0], Some("per year"), ABOUT, Some("over the preceding decade")),
    g(FLEEING, "1.4 billion", &[1.4e9], None, None, None),
    // One change, earlier value first; the qualifier is the later value's.
    g(FLEEING, "from nearly 25,000 in 2013 to more than 120,000", &[25000.0, 120000.0], None, MORE,
      Some("2013 to the first six months of 2023")),
    // low-income-exodus
    g(LOW, "four", &[4.0], None, None, Some("In June 2023")),
    // Written later-first ("…, up from …"); values are chronological.
    g(LOW, "116,868 Chinese seeking asylum around the world in mid-2022, up from 15,362", &[15362.0, 116868.0],
      None, None, Some("the end of 2012 to mid-2022")),
    g(LOW, "4,271", &[4271.0], None, None, Some("Between October 2022 and February 2023")),
    g(LOW, "12 times increase", &[12.0], TIMES, None, Some("Between October 2022 and February 2023")),
    g(LOW, "67 percent", &[67.0], PCT, None, Some("in recent decades")),
    // mass-exodus
    g(MASS, "over 1.16 million", &[1.16e6], None, MORE, Some("Since Xi Jinping’s rise to power in 2012")),
    g(MASS, "176,239", &[176239.0], None, None, Some("last year")),
    g(MASS, "approaching 1.16 million", &[1.16e6], None, Some("nearly"),
      Some("since Xi Jinping (习近平) assumed power in 2012")),
    g(MASS, "as much as 1.5 million yuan", &[1.5e6], CNY, Some("up to"), Some("In May 2023")),
    g(MASS, "1.5 million yuan", &[1.5e6], CNY, None, Some("In May of the previous year")),
    g(MASS, "1.4 billion", &[1.4e9], None, None, None),
    g(MASS, "1.4 billion", &[1.4e9], None, None, None),
    g(MASS, "over 1.158 million", &[1.158e6], None, MORE, Some("between 2012 and 2024")),
    g(MASS, "at least 176,239", &[176239.0], None, Some("at least"), Some("last year")),
    g(MASS, "169% increase", &[169.0], PCT, None, Some("last year")),
    g(MASS, "fourteenfold surge", &[14.0], TIMES, None, Some("last year")),
    g(MASS, "116,338", &[116338.0], None, None, Some("in 2022")),
    g(MASS, "roughly 24% annually", &[24.0], Some("percent per year"), ABOUT, Some("over the past 12 years")),
    g(MASS, "1.8% decline", &[1.8], PCT, None, Some("in 2022")),
    g(MASS, "over 88,000", &[88000.0], None, MORE, Some("In 2021")),
    g(MASS, "as much as 75%", &[75.0], PCT, Some("up to"), Some("In 2021")),
    g(MASS, "900", &[900.0], None, None, Some("That same year")),
    g(MASS, "379", &[379.0], None, None, Some("That same year")),
    g(MASS, "248", &[248.0], None, None, Some("That same year")),
    g(MASS, "roughly 60-square-meter", &[60.0], Some("square meters"), ABOUT, None),
    // police-stations-abroad
    g(POLICE, "More than 6,500", &[6500.0], None, MORE, Some("since October 2022")),
    g(POLICE, "more than 6,500", &[6500.0], None, MORE, Some("since October 2022")),
    g(POLICE, "15 times higher", &[15.0], TIMES, None, Some("since October 2022")),
    g(POLICE, "about 70%", &[70.0], PCT, ABOUT, None),
    g(POLICE, "two", &[2.0], None, None, Some("In April")),
    g(POLICE, "34", &[34.0], None, None, Some("In April")),
    g(POLICE, "11", &[11.0], None, None, None),
    // run-movement
    g(RUN, "more than 4,000", &[4000.0], None, MORE, Some("in September")),
    g(RUN, "70%", &[70.0], PCT, None, Some("in September")),
    g(RUN, "more than 24,000", &[24000.0], None, MORE, Some("In the 12 months to September 30")),
    // The conversion's "about" qualifies the dollars, not the yuan.
    g(RUN, "120,000 yuan (about US$16,500)", &[120000.0], CNY, None, None),
    g(RUN, "some 15,000", &[15000.0], None, ABOUT, Some("in the first nine months of this year")),
    g(RUN, "5,000 yuan ($687) per month", &[5000.0], Some("CNY per month"), None, None),
    g(RUN, "more than U.S.$5,000 a month", &[5000.0], Some("USD per month"), MORE, None),
    g(RUN, "more than 40%", &[40.0], PCT, MORE, None),
    g(RUN, "U.S.$160 billion", &[1.6e11], USD, None, Some("over the past six quarters")),
    g(RUN, "65", &[65.0], None, None, None),
    g(RUN, "49%", &[49.0], PCT, None, None),
    g(RUN, "42%", &[42.0], PCT, None, None),
    g(RUN, "two-thirds", &[200.0 / 3.0], PCT, None, None),
];

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// What is wrong with `found` as the figure `gold` describes, if anything.
fn mismatch(gold: &Gold, found: &Figure) -> Option<String> {
    let values_ok = gold.values.len() == found.values.len()
        && gold
            .values
            .iter()
            .zip(&found.values)
            .all(|(a, b)| close(*a, *b));
    let mut wrong = Vec::new();
    if !values_ok {
        wrong.push(format!(
            "values {:?} (want {:?})",
            found.values, gold.values
        ));
    }
    if found.unit.as_deref() != gold.unit {
        wrong.push(format!("unit {:?} (want {:?})", found.unit, gold.unit));
    }
    if found.qualifier.as_deref() != gold.qualifier {
        wrong.push(format!(
            "qualifier {:?} (want {:?})",
            found.qualifier, gold.qualifier
        ));
    }
    if found.period.as_deref() != gold.period {
        wrong.push(format!(
            "period {:?} (want {:?})",
            found.period, gold.period
        ));
    }
    (!wrong.is_empty()).then(|| wrong.join(", "))
}

#[test]
fn corpus_figures_match_the_hand_checked_list() {
    let corpus = Corpus::load(Path::new("corpus")).expect("the shipped corpus loads");
    let mut found: BTreeMap<String, Vec<(Figure, bool)>> = BTreeMap::new();
    for doc in &corpus.documents {
        let ex = extract(doc);
        for f in &ex.figures {
            assert_eq!(&doc.body[f.start..f.end], f.text, "span of {}", f.id);
            assert!(f.sentence.contains(&f.text), "sentence of {}", f.id);
            assert_eq!(f.doc, doc.id);
        }
        // Durations and ages are listed with a `kind` (framing quantities,
        // not statistics); the hand list holds the statistics only.
        let figs = ex
            .figures
            .into_iter()
            .filter(|f| f.kind.is_none())
            .map(|f| (f, false))
            .collect();
        found.insert(doc.id.clone(), figs);
    }

    let mut problems = Vec::new();
    let mut correct = 0;
    for gold in GOLD {
        let Some(figs) = found.get_mut(gold.doc) else {
            problems.push(format!("{}: document missing", gold.doc));
            continue;
        };
        // Repeated texts ("1.4 billion") match in document order.
        match figs
            .iter_mut()
            .find(|(f, used)| !used && f.text == gold.text)
        {
            None => problems.push(format!("missed {}: {:?}", gold.doc, gold.text)),
            Some((f, used)) => {
                *used = true;
                match mismatch(gold, f) {
                    None => correct += 1,
                    Some(why) => {
                        problems.push(format!("wrong {}: {:?}: {why}", gold.doc, gold.text))
                    }
                }
            }
        }
    }
    let mut extracted = 0;
    for (doc, figs) in &found {
        for (f, used) in figs {
            extracted += 1;
            if !used {
                problems.push(format!(
                    "not in the list {doc}: {:?} ({:?})",
                    f.text, f.sentence
                ));
            }
        }
    }

    let precision = correct as f64 / extracted.max(1) as f64;
    let recall = correct as f64 / GOLD.len() as f64;
    println!(
        "figures: {correct} correct of {extracted} extracted and {} in the list; \
         precision {:.1}%, recall {:.1}%",
        GOLD.len(),
        precision * 100.0,
        recall * 100.0
    );
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

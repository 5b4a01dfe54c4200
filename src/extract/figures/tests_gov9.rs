//! Forms of round nine, from central-bank statements, provincial and state
//! releases: a series of amounts each with its own period, participles of
//! level after their noun, and subjects long with the place they are of;
//! sentences made up for the tests.

use super::test_support::run_all;

/// Each statistic of `input` as (text, subject).
fn subjects(input: &str) -> Vec<(String, Option<String>)> {
    run_all(input)
        .into_iter()
        .filter(|f| f.kind.is_none())
        .map(|f| (f.text, f.subject))
        .collect()
}

#[test]
fn a_series_of_amounts_each_with_its_period_measures_one_thing() {
    for input in [
        "Headline inflation is set to average 2.0% in 2025, 1.6% in 2026 and 2.0% in 2027.",
        "Wage growth was 4.1% in the fourth quarter, 3.2% in the first quarter, and 2.9% in May.",
    ] {
        let got = subjects(input);
        assert_eq!(got.len(), 3, "{input:?}: {got:?}");
        let first = got[0].1.clone();
        assert!(first.is_some(), "{input:?}: {got:?}");
        assert!(got.iter().all(|(_, s)| *s == first), "{input:?}: {got:?}");
    }
}

#[test]
fn a_series_ends_where_a_word_other_than_the_period_comes_between() {
    // "taxes" opens a clause of its own: its amount is not spending's.
    let got =
        subjects("The bill cuts spending by $13 billion in 2025 and taxes $5 billion in 2026.");
    assert_eq!(got[0].1.as_deref(), Some("spending"), "{got:?}");
    assert_eq!(got[1].1, None, "{got:?}");
    // Another unit is another measure.
    let got = subjects("Exports rose 5% in 2024 and 300 firms in 2025 closed.");
    assert_ne!(got[1].1.as_deref(), Some("Exports"), "{got:?}");
}

#[test]
fn a_participle_of_level_after_its_noun_names_what_it_measures() {
    for (input, want) in [
        (
            "Staff see real GDP growth averaging 0.9% in 2025.",
            "real GDP growth",
        ),
        (
            "The agency reported a deficit totalling £50 billion.",
            "deficit",
        ),
        (
            "The figures show unemployment standing at 4.2 per cent.",
            "unemployment",
        ),
    ] {
        let got = subjects(input);
        assert_eq!(got[0].1.as_deref(), Some(want), "{input:?}: {got:?}");
    }
}

#[test]
fn a_long_subject_drops_the_place_it_is_of() {
    let got = subjects("The average annual cost of infant care in the state is $13,450.");
    assert_eq!(
        got[0].1.as_deref(),
        Some("average annual cost of infant care"),
        "{got:?}"
    );
    // Short enough, the place stays.
    let got = subjects("The average cost of infant care in the state is $13,450.");
    assert_eq!(
        got[0].1.as_deref(),
        Some("average cost of infant care in the state"),
        "{got:?}"
    );
}

#[test]
fn a_verb_of_reporting_ends_the_subject_read_back() {
    for (input, want) in [
        (
            "Forecasters expect unemployment standing at 4.2 per cent by June.",
            "unemployment",
        ),
        (
            "Analysts see inflation averaging 3% next year.",
            "inflation",
        ),
        ("Economists predict prices rose 4%.", "prices"),
    ] {
        let got = subjects(input);
        assert_eq!(got[0].1.as_deref(), Some(want), "{input:?}: {got:?}");
    }
}

#[test]
fn money_names_what_it_pays_for_past_the_time_it_is_spread_over() {
    for (input, want) in [
        (
            "The minister announced $148.5 million over four years to support water and wastewater infrastructure.",
            "water and wastewater infrastructure",
        ),
        (
            "Budget 2024 committed an additional $1.5 billion over five years for water and wastewater infrastructure.",
            "water and wastewater infrastructure",
        ),
        (
            "The government pledged $3 billion over the next decade for housing.",
            "housing",
        ),
        (
            "The state will spend $45 million to expand child care.",
            "child care",
        ),
        (
            "The city will borrow $20 million to build a new library.",
            "new library",
        ),
    ] {
        let got = subjects(input);
        assert_eq!(got[0].1.as_deref(), Some(want), "{input:?}: {got:?}");
    }
    // A verb that pays for nothing names nothing: "to say".
    let got = subjects("He spent $20 million to say little.");
    assert_eq!(got[0].1, None, "{got:?}");
}

#[test]
fn a_plus_sign_marks_a_rise_and_keeps_the_figure() {
    let got = run_all("Employment increased in manufacturing (+33,000; +1.8%).");
    let texts: Vec<&str> = got.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["33,000", "+1.8%"], "{got:?}");
    assert_eq!(got[1].values, [1.8], "{got:?}");
    let got = run_all("The index gained +2.5% in May.");
    assert_eq!(got[0].text, "+2.5%", "{got:?}");
    // A telephone number's country code and sums are no figures.
    assert!(run_all("Call +44 20 7946 0958 for details.").is_empty());
    assert!(
        run_all("The answer to 3+4 is seven.")
            .iter()
            .all(|f| f.text != "4")
    );
}

#[test]
fn a_figure_in_brackets_after_another_restates_it() {
    for input in [
        "Employment rose by 76,000 (+0.4%) in January.",
        "Exports rose 5% (+$2.1 billion) in March.",
    ] {
        let got = subjects(input);
        assert_eq!(got.len(), 2, "{input:?}: {got:?}");
        assert!(
            got[0].1.is_some() && got[0].1 == got[1].1,
            "{input:?}: {got:?}"
        );
    }
    // Words in the brackets are no restatement.
    let got = subjects("Sales rose 4% (3% in 2023).");
    assert_ne!(
        got.get(1).and_then(|g| g.1.as_deref()),
        Some("Sales"),
        "{got:?}"
    );
}

#[test]
fn statistics_bulletins_name_what_moved() {
    for (input, want) in [
        // The year the statistic is of stands between it and its verb.
        (
            "The official poverty rate in 2023 was 11.1%, down 0.4 percentage points from 2022.",
            "official poverty rate",
        ),
        // "all" after a preposition, "hourly" before the noun.
        (
            "Real median earnings of all workers increased 5.9% between 2022 and 2023.",
            "Real median earnings of all workers",
        ),
        (
            "Average hourly wages among employees rose 3.5% in January.",
            "Average hourly wages among employees",
        ),
        // A verb that moves its object to a level; a verb of change after "to".
        (
            "The increases took the tax burden to 38% of GDP by 2029-30.",
            "tax burden",
        ),
        ("The chancellor decided to raise taxes by £26bn.", "taxes"),
        // "cash" before a noun names its kind.
        (
            "The Reserve Bank cut the cash rate by 25 basis points.",
            "cash rate",
        ),
        // "compared with" is no noun the figure describes.
        ("Prices rose 3% compared with a year earlier.", "Prices"),
    ] {
        let got = subjects(input);
        assert_eq!(got[0].1.as_deref(), Some(want), "{input:?}: {got:?}");
    }
}

#[test]
fn a_verb_joined_by_and_without_its_own_subject_shares_the_one_before() {
    let got = subjects(
        "Total hours worked were up 0.6% in the month and were up 2.4% compared with 12 months earlier.",
    );
    assert_eq!(got[1].1.as_deref(), Some("Total hours worked"), "{got:?}");
    // A clause with its own subject keeps it.
    let got = subjects("Sales rose 5% in May and profits fell 2% in June.");
    assert_eq!(got[1].1.as_deref(), Some("profits"), "{got:?}");
}

#[test]
fn an_ing_word_after_the_verb_of_change_modifies_the_object() {
    let got = subjects(
        "The new rules aim to reduce packaging waste by 5% by 2030, 10% by 2035 and 15% by 2040.",
    );
    assert!(
        got.iter()
            .all(|(_, s)| s.as_deref() == Some("packaging waste")),
        "{got:?}"
    );
}

#[test]
fn currency_codes_before_the_amount_of_more_countries() {
    for (input, want) in [
        ("The county allocated KSh 2.5 billion for roads.", "KES"),
        ("Costs rose to PLN 2 billion.", "PLN"),
        ("The loan is PHP 5 billion.", "PHP"),
        ("The budget is CZK 90 billion.", "CZK"),
    ] {
        let got = run_all(input);
        assert_eq!(got[0].unit.as_deref(), Some(want), "{input:?}: {got:?}");
    }
}

#[test]
fn a_figure_after_a_bulletin_s_label_is_a_statistic_of_it() {
    for (input, text, want) in [
        ("Flu hospitalizations: 612", "612", "Flu hospitalizations"),
        ("- Flu deaths: 27, including 2 children", "27", "Flu deaths"),
        ("Deaths: 27", "27", "Deaths"),
        (
            "- COVID-19 hospitalizations: 188 (down 14%)",
            "188",
            "COVID-19 hospitalizations",
        ),
        ("Unemployment rate: 4.1%", "4.1%", "Unemployment rate"),
    ] {
        let got = subjects(input);
        assert_eq!(got[0].0, text, "{input:?}: {got:?}");
        assert_eq!(got[0].1.as_deref(), Some(want), "{input:?}: {got:?}");
    }
    // The change in brackets measures the same thing.
    let got = subjects("- Laboratory-confirmed flu cases: 4,812 (up 9% from the previous week)");
    assert_eq!(
        got[1].1.as_deref(),
        Some("Laboratory-confirmed flu cases"),
        "{got:?}"
    );
    // Headings number things, and a name labels a tally row.
    assert!(subjects("Update: 5").is_empty());
    assert!(subjects("Step: 3").is_empty());
    assert!(subjects("Sanders: 46.").is_empty());
    let got = subjects("Hillary Clinton: 1,769.");
    assert_eq!(got[0].1, None, "{got:?}");
}

#[test]
fn the_time_of_what_a_figure_is_compared_with_is_not_its_own() {
    let got = run_all(
        "Just 28 percent of voters had a positive view of her, compared with 33 percent last month.",
    );
    assert_eq!(got[0].period, None, "{got:?}");
    assert_eq!(got[1].period.as_deref(), Some("last month"), "{got:?}");
    // A time that opens the sentence still dates the figure.
    let got = run_all("In 2024, sales rose 5%, compared with 3% in 2023.");
    assert_eq!(got[0].period.as_deref(), Some("In 2024"), "{got:?}");
    assert_eq!(got[1].period.as_deref(), Some("in 2023"), "{got:?}");
}

#[test]
fn what_an_appeal_seeks_is_its_amount() {
    let got = subjects(
        "The 2025 Humanitarian Response Plan seeks US$4.2 billion to reach 20.9 million people.",
    );
    assert_eq!(
        got[0].1.as_deref(),
        Some("Humanitarian Response Plan"),
        "{got:?}"
    );
    let got = subjects("The appeal sought $500 million.");
    assert_eq!(got[0].1.as_deref(), Some("appeal"), "{got:?}");
}

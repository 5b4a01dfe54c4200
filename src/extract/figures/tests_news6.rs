//! Forms of round six: how often ("mentioned it five times"), durations
//! with "-plus" and "more" ("35-plus hours", "four more years"), age
//! groups ("voters under 30", "those 45 and older"), group sizes ("a
//! mother of four"), run-on scales ("$28.4million"), year-like counts in
//! lists ("1450 dogs and 2100 cats"), financial years ("2024–25");
//! sentences made up for the tests.

use super::test_support::run_all;

/// (text, values, unit, qualifier, kind) of every quantity of `input`.
type Q = (
    String,
    Vec<f64>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn all(input: &str) -> Vec<Q> {
    run_all(input)
        .into_iter()
        .map(|f| (f.text, f.values, f.unit, f.qualifier, f.kind))
        .collect()
}

fn q(text: &str, value: f64, unit: Option<&str>, qualifier: Option<&str>, kind: Option<&str>) -> Q {
    (
        text.to_string(),
        vec![value],
        unit.map(str::to_string),
        qualifier.map(str::to_string),
        kind.map(str::to_string),
    )
}

fn has(input: &str, want: Q) {
    let got = all(input);
    assert!(got.contains(&want), "{input:?}: {got:?}");
}

fn kinds(input: &str) -> Vec<Option<String>> {
    all(input).into_iter().map(|f| f.4).collect()
}

#[test]
fn how_often_is_a_frequency() {
    for (input, text, value) in [
        (
            "The mayor mentioned the budget five times.",
            "five times",
            5.0,
        ),
        (
            "Her post was shared 3,200 times by Friday.",
            "3,200 times",
            3200.0,
        ),
        ("The board has met 12 times in a row.", "12 times", 12.0),
        ("Voters here elected him three times.", "three times", 3.0),
    ] {
        has(
            input,
            q(text, value, Some("times"), None, Some("frequency")),
        );
    }
}

#[test]
fn a_multiple_stays_a_multiple() {
    has(
        "The new line is 10 times faster than the old one.",
        q("10 times", 10.0, Some("times"), None, None),
    );
    has(
        "Costs grew four times higher.",
        q("four times higher", 4.0, Some("times"), None, None),
    );
    // "one time" is a bare one; "The Times" a name.
    for input in ["He tried one time.", "She wrote for The 2 Times Review."] {
        assert!(
            !kinds(input).contains(&Some("frequency".into())),
            "{input:?}: {:?}",
            all(input)
        );
    }
}

#[test]
fn durations_with_plus_and_more() {
    has(
        "She works 35-plus hours a week.",
        q(
            "35-plus hours",
            35.0,
            Some("hours"),
            Some("more than"),
            Some("duration"),
        ),
    );
    has(
        "The talks ran for five-plus months.",
        q(
            "five-plus months",
            5.0,
            Some("months"),
            Some("more than"),
            Some("duration"),
        ),
    );
    has(
        "Nobody wants four more years of this.",
        q(
            "four more years",
            4.0,
            Some("years"),
            None,
            Some("duration"),
        ),
    );
    has(
        "The crew spent two more days at sea.",
        q("two more days", 2.0, Some("days"), None, Some("duration")),
    );
    // "30 more delegates" is a count, not a duration.
    let got = all("He needs 30 more delegates.");
    assert!(
        got.iter().all(|f| f.4.as_deref() != Some("duration")),
        "{got:?}"
    );
}

#[test]
fn age_groups_have_a_bound() {
    for (input, text, value, qualifier) in [
        (
            "She won voters under 30 by a wide margin.",
            "under 30",
            30.0,
            "less than",
        ),
        (
            "He did well among voters over 65 in the north.",
            "over 65",
            65.0,
            "more than",
        ),
        (
            "Among Latinos younger than 30, she led.",
            "younger than 30",
            30.0,
            "less than",
        ),
        (
            "Support was strongest among those 45 and older.",
            "45 and older",
            45.0,
            "at least",
        ),
        (
            "Most voters were 45 or older.",
            "45 or older",
            45.0,
            "at least",
        ),
    ] {
        has(
            input,
            q(text, value, Some("years"), Some(qualifier), Some("age")),
        );
    }
}

#[test]
fn a_bound_with_a_unit_or_no_people_is_no_age() {
    for input in [
        "The town has a population under 500.",
        "Prices under 30 dollars sold out.",
        "Those over 65 percent of the vote won.",
        "Voters under 30 years of age were polled.",
    ] {
        let got = all(input);
        assert!(
            got.iter().all(|f| f.4.as_deref() != Some("age")),
            "{input:?}: {got:?}"
        );
    }
}

#[test]
fn group_sizes_after_of() {
    for (input, text, value) in [
        ("A mother of four, she works nights.", "four", 4.0),
        ("He is a father of six who drives a truck.", "six", 6.0),
        ("She leads a team of 15 and a budget.", "15", 15.0),
        ("They walked as a group of nine.", "nine", 9.0),
    ] {
        has(input, q(text, value, None, None, Some("attributive")));
    }
    // A range, and a counted noun the figure rules read.
    let got = all("It was a group of four or five people.");
    assert!(
        got.iter().all(|f| f.4.as_deref() != Some("attributive")),
        "{got:?}"
    );
    let got = all("A group of 15 senators wrote to him.");
    assert!(got.iter().any(|f| f.0 == "15" && f.4.is_none()), "{got:?}");
}

#[test]
fn scale_words_run_on() {
    has(
        "The campaign ended the month with $28.4million in cash.",
        q("$28.4million", 28.4e6, Some("USD"), None, None),
    );
    has(
        "Donors made 2.5million contributions.",
        q("2.5million", 2.5e6, None, None, None),
    );
}

#[test]
fn year_like_counts_in_lists_and_after_of() {
    has(
        "The fleet of 1300 vehicles travelled far.",
        q("1300", 1300.0, None, None, None),
    );
    has(
        "The council counted 1450 dogs and 2100 cats.",
        q("2100", 2100.0, None, None, None),
    );
    // Years stay years.
    for input in [
        "Turnout in 2015 and 2016 elections was low.",
        "The class of 2020 graduates met.",
        "By the end of 2019 prices fell.",
    ] {
        let got = all(input);
        assert!(got.is_empty(), "{input:?}: {got:?}");
    }
}

#[test]
fn financial_years_are_periods_over_two_years() {
    let figs = run_all("The Budget provides $3.4 billion in 2024–25 for roads.");
    assert_eq!(figs.len(), 1, "{figs:?}");
    assert_eq!(figs[0].period.as_deref(), Some("in 2024–25"));
    assert_eq!(figs[0].year, None);
    let figs = run_all("The scheme cost $12 million in the 2023-24 financial year.");
    assert_eq!(figs.len(), 1, "{figs:?}");
    assert_eq!(
        figs[0].period.as_deref(),
        Some("in the 2023-24 financial year")
    );
    let figs =
        run_all("Spending will reach $5 billion in 2025-26, up from $4.1 billion in 2023-24.");
    assert_eq!(figs.len(), 1, "{figs:?}");
    assert_eq!(figs[0].values, [4.1e9, 5e9]);
    assert_eq!(figs[0].period.as_deref(), Some("2023-24 to 2025-26"));
    // A calendar year stays one.
    let figs = run_all("The scheme cost $12 million in 2023.");
    assert_eq!(figs[0].year, Some(2023));
}

#[test]
fn a_list_of_counts_for_names_shares_its_noun() {
    let figs = run_all("The state will cast 42 votes for Smith, 18 for Jones and 16 for Lee.");
    let got: Vec<(&str, Option<&str>)> = figs
        .iter()
        .map(|f| (f.text.as_str(), f.subject.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("42", Some("votes")),
            ("18", Some("votes")),
            ("16", Some("votes"))
        ]
    );
    // Without a counted first member, the bare numbers stay out.
    let figs = run_all("It went to Smith, 18 for Jones and 16 for Lee.");
    assert!(figs.is_empty(), "{figs:?}");
}

/// (text, values, unit, qualifier) of a statistic.
type Row<'a> = (&'a str, Vec<f64>, Option<&'a str>, Option<&'a str>);

/// The issue's figure list in made-up release and budget sentences: each
/// with its value, unit and qualifier.
#[test]
fn a_made_up_release_gives_the_issue_figure_list() {
    let figs = run_all(
        "The Minister announced $1.2 billion over four years for 1300 km of highway, with \
         80,000+ jobs, 2,300 arrivals per day, a daily average of 52 boats, 4.5% per annum, \
         .002 per cent, a rise of 0.3 percentage points and up to 2M dollars.",
    );
    let got: Vec<Row> = figs
        .iter()
        .map(|f| {
            (
                f.text.as_str(),
                f.values.clone(),
                f.unit.as_deref(),
                f.qualifier.as_deref(),
            )
        })
        .collect();
    for want in [
        ("$1.2 billion", vec![1.2e9], Some("USD"), None),
        ("1300 km", vec![1300.0], Some("km"), None),
        ("80,000+", vec![80000.0], None, Some("more than")),
        ("a daily average of 52", vec![52.0], Some("per day"), None),
        ("4.5% per annum", vec![4.5], Some("percent per year"), None),
        (".002 per cent", vec![0.002], Some("percent"), None),
        (
            "0.3 percentage points",
            vec![0.3],
            Some("percentage points"),
            None,
        ),
        ("up to 2M dollars", vec![2e6], Some("USD"), Some("up to")),
    ] {
        assert!(got.contains(&want), "{want:?} in {got:?}");
    }
    assert_eq!(figs[0].period.as_deref(), Some("over four years"));
    let figs = run_all("Visits grew from 3,000 in 2021 to over 25,000 this year.");
    assert_eq!(figs.len(), 1, "{figs:?}");
    assert_eq!(figs[0].values, [3000.0, 25000.0]);
    assert_eq!(figs[0].qualifier.as_deref(), Some("more than"));
    assert_eq!(figs[0].period.as_deref(), Some("2021 to this year"));
}

#[test]
fn durations_and_a_half() {
    for (input, text, value, unit) in [
        (
            "He served two and a half years in prison.",
            "two and a half years",
            2.5,
            "years",
        ),
        (
            "It has been seven-and-a-half years since.",
            "seven-and-a-half years",
            7.5,
            "years",
        ),
        (
            "The trip took 3 and a half hours.",
            "3 and a half hours",
            3.5,
            "hours",
        ),
        (
            "She waited one and a half days.",
            "one and a half days",
            1.5,
            "days",
        ),
    ] {
        has(input, q(text, value, Some(unit), None, Some("duration")));
    }
    // "and a half" of something else is no duration.
    let got = all("He ate two and a half pies.");
    assert!(
        got.iter().all(|f| f.4.as_deref() != Some("duration")),
        "{got:?}"
    );
}

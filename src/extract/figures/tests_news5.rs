//! News forms of round five: tallies of votes ("voted 5 to 4", "a 5-to-4
//! decision"), sides ("a three-way race") and decimal margins ("a
//! 2.5-point edge"); sentences made up for the tests.

use super::test_support::run_all;

/// (text, values, kind) of every quantity of `input`.
fn all(input: &str) -> Vec<(String, Vec<f64>, Option<String>)> {
    run_all(input)
        .into_iter()
        .map(|f| (f.text, f.values, f.kind))
        .collect()
}

fn q(text: &str, values: &[f64], kind: &str) -> (String, Vec<f64>, Option<String>) {
    (text.to_string(), values.to_vec(), Some(kind.to_string()))
}

#[test]
fn a_tally_of_votes_is_one_quantity_with_both_sides() {
    for (input, text, values) in [
        ("The court voted 5 to 4 in February.", "5 to 4", [5.0, 4.0]),
        ("He was confirmed 92 to 0.", "92 to 0", [92.0, 0.0]),
        ("It passed by a vote of 90 to 10.", "90 to 10", [90.0, 10.0]),
        (
            "The vote was 5 to 4, with two absent.",
            "5 to 4",
            [5.0, 4.0],
        ),
        ("It was a 5-to-4 decision.", "5-to-4", [5.0, 4.0]),
        (
            "A 4-to-4 tie would leave it standing.",
            "4-to-4",
            [4.0, 4.0],
        ),
        (
            "It formed a reliable 5-to-4 conservative majority.",
            "5-to-4",
            [5.0, 4.0],
        ),
    ] {
        let got = all(input);
        assert!(
            got.contains(&q(text, &values, "tally")),
            "{input:?}: {got:?}"
        );
    }
}

#[test]
fn a_range_is_no_tally() {
    for input in [
        "Between 5 to 10 voted against it.",
        "Turnout rose 5 to 10 percent in the vote.",
        "Voters outnumber them by 80 to 1.",
        "A 3-to-1 ratio held in the poll.",
    ] {
        let got = all(input);
        assert!(
            got.iter().all(|f| f.2.as_deref() != Some("tally")),
            "{input:?}: {got:?}"
        );
    }
}

#[test]
fn the_sides_of_a_race_and_a_decimal_margin_are_attributive() {
    for (input, text, value) in [
        ("It became a three-way race for second.", "three-way", 3.0),
        ("Polls test a two-way contest.", "two-way", 2.0),
        ("She holds a 2.5-point edge over him.", "2.5-point", 2.5),
        ("A 6.5-point swing followed.", "6.5-point", 6.5),
    ] {
        let got = all(input);
        assert!(
            got.contains(&q(text, &[value], "attributive")),
            "{input:?}: {got:?}"
        );
    }
    // A bare "one" stays out: "a one-way street", "one-on-one".
    for input in [
        "Unity is a one-way street.",
        "He met them one-on-one.",
        "Unity is a two-way street.",
    ] {
        assert_eq!(all(input), vec![], "{input:?}");
    }
}

#[test]
fn an_age_a_sentence_states_without_old_is_an_age() {
    for (input, text, value) in [
        ("She died on Monday at the age of 92.", "age of 92", 92.0),
        ("Men now live to an average age of 71.", "age of 71", 71.0),
        ("He turns 70 on Tuesday.", "70", 70.0),
        ("They registered before they turned 18.", "18", 18.0),
        ("Mr. Sperling, then 38, was advised to wait.", "38", 38.0),
        ("Mr. Dale, now 81 and retired, said no.", "81", 81.0),
        ("She was 92.", "92", 92.0),
        ("Bamberg, who is 28, backs him.", "28", 28.0),
        ("“I’m 76, and I don’t feel like it,” he said.", "76", 76.0),
        ("Ivanka Trump, 34; Eric Trump, 32.", "34", 34.0),
    ] {
        let got = all(input);
        assert!(
            got.contains(&q(text, &[value], "age")),
            "{input:?}: {got:?}"
        );
    }
}

#[test]
fn a_number_after_a_verb_of_being_needs_an_age_clause() {
    for input in [
        "Sales turned 30 percent higher.",
        "He was 12 points ahead.",
        "The toll was 92.",
        "Then 38 voted no.",
    ] {
        let got = all(input);
        assert!(
            got.iter().all(|f| f.2.as_deref() != Some("age")),
            "{input:?}: {got:?}"
        );
    }
}

#[test]
fn one_with_a_time_unit_is_a_duration_when_the_words_measure_time() {
    for (input, text) in [
        ("He served one year in prison.", "one year"),
        ("Just one day after the poll, she left.", "one day"),
        ("One month after the vote, he quit.", "One month"),
        ("It offers a free one-year membership.", "one-year"),
        ("In one day, we raised $18,000.", "one day"),
    ] {
        let got = all(input);
        assert!(
            got.iter()
                .any(|f| f.0 == text && f.2.as_deref() == Some("duration")),
            "{input:?}: {got:?}"
        );
    }
    for input in [
        "That all changed one day in June.",
        "The road could one day stretch to Europe.",
        "He paid one quarter of the bill.",
        "It was a one-time payment.",
    ] {
        let got = all(input);
        assert!(got.iter().all(|f| f.2.is_none()), "{input:?}: {got:?}");
    }
}

/// (text, value) of every statistic of `input`.
fn stated(input: &str) -> Vec<(String, f64)> {
    super::test_support::run(input)
        .into_iter()
        .map(|f| (f.text, f.values[0]))
        .collect()
}

#[test]
fn a_count_whose_noun_is_elided_is_a_count() {
    for (input, text, value) in [
        (
            "Smith leads the race for delegates with 55. Jones has 11 delegates.",
            "55",
            55.0,
        ),
        ("Jones has 11 delegates. Smith now has 68.", "68", 68.0),
        (
            "Smith has 1,163 delegates to Jones’ 844, based on the results.",
            "844",
            844.0,
        ),
        ("Smith has 81 delegates to Jones’s 17.", "17", 17.0),
        (
            "Smith has won 100 delegates so far. Jones has won 12 and Brown has won five.",
            "12",
            12.0,
        ),
    ] {
        let got = stated(input);
        assert!(
            got.contains(&(text.to_string(), value)),
            "{input:?}: {got:?}"
        );
    }
    // The noun of the count before is the elided count's subject.
    let figs = super::test_support::run("Smith has 81 delegates to Jones’s 17.");
    assert_eq!(figs[1].subject.as_deref(), Some("delegates"), "{figs:?}");
}

#[test]
fn a_bare_number_without_a_count_near_or_a_verb_of_holding_stays_out() {
    for input in [
        "She is 45. He is 50.",
        "Smith has 11 delegates. Among men, she is at 40.",
        "Jones has 3.",
        "He flew on Trump’s 757 to Ohio.",
        "The plan has 12 parts. Trump’s 757 is old.",
    ] {
        let got = stated(input);
        assert!(
            got.iter()
                .all(|(t, _)| t != "45" && t != "40" && t != "3" && t != "757"),
            "{input:?}: {got:?}"
        );
    }
}

#[test]
fn a_number_with_plus_after_a_hyphen_is_more_than_it() {
    for (input, text, value) in [
        (
            "Playbook has 100,000-plus subscribers.",
            "100,000-plus",
            100_000.0,
        ),
        (
            "A crowd of 28,000-plus came to the park.",
            "28,000-plus",
            28_000.0,
        ),
        ("There are 90-plus parties.", "90-plus", 90.0),
    ] {
        let figs = super::test_support::run(input);
        assert!(
            figs.iter().any(|f| f.text == text
                && f.values == [value]
                && f.qualifier.as_deref() == Some("more than")),
            "{input:?}: {figs:?}"
        );
    }
    // The scale after "-plus" is not read as more than the bare number.
    let figs = super::test_support::run("They passed a $20-plus trillion budget.");
    assert!(figs.iter().all(|f| f.values != [20.0]), "{figs:?}");
}

#[test]
fn a_dimension_after_a_measure_is_no_subject() {
    let figs = super::test_support::run("The pipeline is 120 km long and carries oil.");
    assert_eq!(figs.len(), 1, "{figs:?}");
    assert_eq!(figs[0].subject, None, "{figs:?}");
}

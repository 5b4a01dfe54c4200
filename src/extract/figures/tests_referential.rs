//! Referential counts ("the two candidates"): listed with the kind
//! "referential", never as statistics; sentences made up for the tests.

use super::test_support::run_all;

/// (text, value, subject) of every referential count of `input`.
fn referential(input: &str) -> Vec<(String, f64, Option<String>)> {
    run_all(input)
        .into_iter()
        .filter(|f| f.kind.as_deref() == Some("referential"))
        .map(|f| (f.text, f.values[0], f.subject))
        .collect()
}

fn one(text: &str, value: f64, subject: &str) -> Vec<(String, f64, Option<String>)> {
    vec![(text.to_string(), value, Some(subject.to_string()))]
}

#[test]
fn a_number_after_a_determiner_with_its_noun_is_a_referential_count() {
    for (input, text, value, subject) in [
        (
            "The two candidates met on Friday.",
            "two",
            2.0,
            "candidates",
        ),
        ("Turnout rose in all five states.", "five", 5.0, "states"),
        (
            "Ads ran against the 7 Republican candidates.",
            "7",
            7.0,
            "candidates",
        ),
        (
            "Viewers of the three networks fell.",
            "three",
            3.0,
            "networks",
        ),
        ("He mocked his 10 rivals again.", "10", 10.0, "rivals"),
        (
            "The four remaining candidates spoke.",
            "four",
            4.0,
            "candidates",
        ),
        (
            "Those two billionaires disagree.",
            "two",
            2.0,
            "billionaires",
        ),
        (
            "The two front-runners skipped it.",
            "two",
            2.0,
            "front-runners",
        ),
        (
            "Voters in the two Democratic-leaning counties stayed home.",
            "two",
            2.0,
            "counties",
        ),
        ("He outlasted Trump’s 16 rivals.", "16", 16.0, "rivals"),
        (
            "It was the first time the other three senators voted.",
            "three",
            3.0,
            "senators",
        ),
    ] {
        assert_eq!(referential(input), one(text, value, subject), "{input:?}");
    }
}

#[test]
fn referential_counts_are_no_statistics() {
    let figs = run_all("The two candidates met on Friday.");
    assert_eq!(figs.len(), 1);
    assert_eq!(figs[0].kind.as_deref(), Some("referential"));
    assert_eq!(figs[0].id_prefix(), "fr");
    // A count the policy states keeps no kind: "the 23 hijackers", "only
    // two Democrats".
    for input in [
        "Investigators named the 23 hijackers.",
        "Only two Democrats voted for it.",
    ] {
        let figs = run_all(input);
        assert!(
            !figs.is_empty() && figs.iter().all(|f| f.kind.is_none()),
            "{input:?}: {figs:?}"
        );
    }
}

#[test]
fn the_edges_of_referential_counts_stay_out() {
    for input in [
        // A bare "one", in any form.
        "He is the one with the best chance.",
        "She was one of the first to speak.",
        "He scored the 1 goal.",
        // A number in digits without its counted noun.
        "The 757 can often be seen at the airport.",
        // Names, years, labels and durations.
        "They toured the Three Gorges Dam.",
        "He spoke about the 2016 elections.",
        "She spoke of the 9/11 attacks.",
        "He praised the four-way talks.",
        // "both" is no number.
        "Both parties agreed.",
    ] {
        assert_eq!(referential(input), vec![], "{input:?}");
    }
    // A time unit is a duration, not a referential count.
    let figs = run_all("In the two years since, little changed.");
    assert!(
        figs.iter().all(|f| f.kind.as_deref() == Some("duration")),
        "{figs:?}"
    );
}

#[test]
fn a_number_in_words_after_a_determiner_without_its_noun_is_a_referential_count() {
    for (input, text, value) in [
        ("It is a battle between the two of them.", "two", 2.0),
        ("Majorities in all five say they agree.", "five", 5.0),
        ("The two walked into the house together.", "two", 2.0),
        ("The two discussed plans for the fall.", "two", 2.0),
        ("He would not equate the two, he said.", "two", 2.0),
        ("Those three sharply disagree.", "three", 3.0),
        ("Yet all three have left the race.", "three", 3.0),
        ("None of the other four has said so.", "four", 4.0),
    ] {
        let got = referential(input);
        assert_eq!(got, vec![(text.to_string(), value, None)], "{input:?}");
    }
}

#[test]
fn a_bare_count_needs_words_a_clause_end_and_no_range() {
    for input in [
        // Digits need their noun; a capital is a name; "only" says how few.
        "The 757 can often be seen at the airport.",
        "She hosts The Five on weekdays.",
        "Only two were left.",
        // A range, a hyphened word, money after it.
        "In the three or six months after a rise, rates fell.",
        "They joined the two-H club.",
        "Finding the three $53 million delegates.",
    ] {
        assert_eq!(referential(input), vec![], "{input:?}");
    }
}

//! News forms of round four: a qualified number that ends its clause, a
//! difference of counts ("30 more delegates") and a margin in points ("a
//! 10-point lead"); sentences made up for the tests.

use super::test_support::{run, run_all};

/// (text, values, qualifier) of every statistic of `input`.
fn stated(input: &str) -> Vec<(String, Vec<f64>, Option<String>)> {
    run(input)
        .into_iter()
        .map(|f| (f.text, f.values, f.qualifier))
        .collect()
}

fn fig(text: &str, value: f64, qualifier: Option<&str>) -> (String, Vec<f64>, Option<String>) {
    (text.to_string(), vec![value], qualifier.map(str::to_string))
}

#[test]
fn a_qualified_number_that_ends_its_clause_is_a_count() {
    for (input, expect) in [
        (
            "Smith will pick up at least 14.",
            fig("at least 14", 14.0, Some("at least")),
        ),
        (
            "She spoke to a crowd of about 500.",
            fig("about 500", 500.0, Some("about")),
        ),
        (
            "Police said there may be as many as three, but found one.",
            fig("as many as three", 3.0, Some("up to")),
        ),
        (
            "The town is home to less than 300.",
            fig("less than 300", 300.0, Some("less than")),
        ),
    ] {
        assert_eq!(stated(input), vec![expect], "{input:?}");
    }
    // A preposition is no qualifier alone ("voters under 30" is an age);
    // digits after a comma go on with the number.
    for (input, not) in [
        ("Voters under 30 stayed home.", "under 30"),
        ("He won among voters over 65.", "over 65"),
        ("It raised capacity to around 80 , 000 seats.", "around 80"),
    ] {
        let found = stated(input);
        assert!(found.iter().all(|f| f.0 != not), "{input:?}: {found:?}");
    }
}

#[test]
fn a_difference_of_counts_is_a_count() {
    for (input, expect) in [
        (
            "She was set to win 30 more delegates than her rival.",
            fig("30", 30.0, None),
        ),
        ("That is 39 more than needed to win.", fig("39", 39.0, None)),
        (
            "The group is collecting signatures for two more initiatives.",
            fig("two", 2.0, None),
        ),
    ] {
        assert_eq!(stated(input), vec![expect], "{input:?}");
    }
    // How often, how long, and "more" with nothing counted after it.
    for input in [
        "He asked three more times.",
        "She will serve two more years.",
        "He wants 5 more.",
    ] {
        assert_eq!(stated(input), vec![], "{input:?}");
    }
}

#[test]
fn a_margin_in_points_before_a_noun_is_an_attributive_count() {
    for (input, text, value) in [
        ("Smith holds a 10-point lead in Ohio.", "10-point", 10.0),
        ("It was a seven-point loss for Jones.", "seven-point", 7.0),
        ("The mayor unveiled a five-point plan.", "five-point", 5.0),
        (
            "She has a 12-percentage-point edge.",
            "12-percentage-point",
            12.0,
        ),
    ] {
        let found: Vec<_> = run_all(input)
            .into_iter()
            .map(|f| (f.text, f.values, f.kind))
            .collect();
        assert_eq!(
            found,
            vec![(
                text.to_string(),
                vec![value],
                Some("attributive".to_string())
            )],
            "{input:?}"
        );
    }
    // Not before a noun: no count (a decimal margin is one: `tests_news5.rs`).
    let input = "They won by a 3-point.";
    assert!(run_all(input).iter().all(|f| f.kind.is_none()), "{input:?}");
}

#[test]
fn a_tally_of_names_with_the_same_verb_is_a_list_of_counts() {
    let found: Vec<_> = stated("Cruz has 69, Rubio has 41 and Kasich has seven.")
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(found, ["69", "41", "seven"]);
    // One clause alone, or a verb that holds nothing, says no count.
    for input in [
        "Cruz has 69.",
        "Cruz said 69, Rubio said 41.",
        "The bill has 12, the law has 14.",
    ] {
        assert_eq!(stated(input), vec![], "{input:?}");
    }
}

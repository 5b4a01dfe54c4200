//! Forms of round seven, from US political and economic news: vote tallies
//! written with a dash ("The vote was 68-31", "a 52-47 vote"), a fraction
//! of a percentage point written with a hyphen, a range whose two bounds
//! carry their unit ("the 4.25%-4.50% range"), and the time of a fronted
//! subordinate clause, which is not its main clause's period; sentences
//! made up for the tests.

use super::test_support::run_all;

/// (text, values, unit, period, kind) of every quantity of `input`.
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
        .map(|f| (f.text, f.values, f.unit, f.period, f.kind))
        .collect()
}

fn owned(s: Option<&str>) -> Option<String> {
    s.map(str::to_string)
}

#[test]
fn a_dashed_tally_beside_a_word_of_voting() {
    for (input, text, values) in [
        ("The vote was 68-31.", "68-31", [68.0, 31.0]),
        (
            "The Senate confirmed her on a 52-47 vote.",
            "52-47",
            [52.0, 47.0],
        ),
        (
            "The committee voted 19-15 along party lines.",
            "19-15",
            [19.0, 15.0],
        ),
        ("It was a 5-4 decision.", "5-4", [5.0, 4.0]),
    ] {
        let got = all(input);
        let want = (
            text.to_string(),
            values.to_vec(),
            None,
            None,
            owned(Some("tally")),
        );
        assert!(got.contains(&want), "{input:?}: {got:?}");
    }
}

#[test]
fn a_dash_between_numbers_without_a_vote_is_no_tally() {
    for input in [
        "Sales rose 5-10 percent after the launch.",
        "The plant ran 24-7 for a month.",
        "The score was 3-1 at half time.",
    ] {
        assert!(
            all(input).iter().all(|q| q.4.as_deref() != Some("tally")),
            "{input:?}: {:?}",
            all(input)
        );
    }
}

#[test]
fn a_hyphened_fraction_of_a_percentage_point() {
    let got = all(
        "The Fed expects to cut rates by three-quarters of a percentage point by the end of the year.",
    );
    assert_eq!(got[0].0, "three-quarters of a percentage point", "{got:?}");
    assert_eq!(got[0].1, vec![0.75]);
    assert_eq!(got[0].2.as_deref(), Some("percentage points"));
    // A share of a whole stays a percentage.
    let got = all("Two-thirds of voters backed the measure.");
    assert!((got[0].1[0] - 66.67).abs() < 0.01, "{got:?}");
    assert_eq!(got[0].2.as_deref(), Some("percent"));
}

#[test]
fn two_bounds_with_their_unit_before_the_word_range() {
    let got = all("The bank kept its rate in the 4.25%-4.50% range.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(
        (got[0].0.as_str(), got[0].1.clone()),
        ("4.25%-4.50%", vec![4.25, 4.5])
    );
    // A poll's split is two figures, not a range.
    let got = all("He has a negative 42%-49% approval rating.");
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn the_time_of_a_fronted_clause_is_not_the_period_of_the_main_one() {
    let got = all("When the mayor took office in January, she promised to build 20,000 new homes.");
    let homes = got.iter().find(|q| q.0 == "20,000").expect("the count");
    assert_eq!(homes.3, None, "{got:?}");
    let got = all("After falling 2% in May, sales rose 3% in June.");
    let may = got.iter().find(|q| q.0 == "2%").expect("the fall");
    assert_eq!(may.3.as_deref(), Some("in May"), "{got:?}");
    let june = got.iter().find(|q| q.0 == "3%").expect("the rise");
    assert_eq!(june.3.as_deref(), Some("in June"), "{got:?}");
    // "Since" opens the period itself.
    let got = all("Since 2019, prices have risen 20%.");
    assert_eq!(got[0].3.as_deref(), Some("Since 2019"), "{got:?}");
}

/// (text, unit, subject) of every quantity of `input`.
fn units(input: &str) -> Vec<(String, Option<String>, Option<String>)> {
    run_all(input)
        .into_iter()
        .map(|f| (f.text, f.unit, f.subject))
        .collect()
}

#[test]
fn an_amount_per_entity_and_per_entity_per_unit_of_time() {
    for (input, text, unit) in [
        (
            "Awards of up to $650,000 per center will be made.",
            "up to $650,000 per center",
            "USD per center",
        ),
        (
            "Families will receive $1,200 per family.",
            "$1,200 per family",
            "USD per family",
        ),
        (
            "The scheme costs $45 per person per year.",
            "$45 per person per year",
            "USD per person per year",
        ),
        (
            "Earnings fell by $213 per adult a year.",
            "$213 per adult a year",
            "USD per adult per year",
        ),
    ] {
        let got = units(input);
        assert!(
            got.iter()
                .any(|q| q.0 == text && q.1.as_deref() == Some(unit)),
            "{input:?}: {got:?}"
        );
    }
    // "per cent" is the unit, not a rate; "per year" is.
    let got = units("Prices rose 4 per cent per year.");
    assert_eq!(got[0].1.as_deref(), Some("percent per year"), "{got:?}");
}

#[test]
fn a_verb_after_and_starts_a_second_predicate_not_the_counted_noun() {
    let got = units(
        "The funding will support an estimated 3,500 new jobs and help health centers serve more patients.",
    );
    assert_eq!(got[0].2.as_deref(), Some("new jobs"), "{got:?}");
    // Two nouns joined by "and" stay one phrase.
    let got = units("The state hired 300 teachers and nurses.");
    assert_eq!(got[0].2.as_deref(), Some("teachers and nurses"), "{got:?}");
}

#[test]
fn a_change_across_the_last_quarter_and_a_measured_length_are_statistics() {
    let got = run_all(
        "Waiting lists fell by 120,000 in the last quarter to 7.4 million. The median wait for treatment is now 14.2 weeks, down from 15.1 weeks a year earlier.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].values, vec![7_400_000.0]);
    assert_eq!(got[0].change.as_ref().map(|c| c.value), Some(120_000.0));
    assert_eq!(got[1].values, vec![15.1, 14.2]);
    assert_eq!(got[1].unit.as_deref(), Some("weeks"));
    assert_eq!(got[1].kind, None, "a statistic, not a duration: {got:?}");
    assert_eq!(got[1].subject.as_deref(), Some("median wait for treatment"));
}

#[test]
fn what_costs_an_amount_or_is_worth_it_is_its_subject() {
    for (input, subject) in [
        ("The new bridge will cost $1.2 billion.", "new bridge"),
        (
            "According to the department, the lanes would cost about $85 million.",
            "lanes",
        ),
        (
            "His stake in the firm was worth nearly $500 million.",
            "stake in the firm",
        ),
        // The noun "cost" is no verb: its phrase is the subject.
        (
            "The cost of gallium metal rose from about $350 per kg to $680 per kg.",
            "cost of gallium metal",
        ),
    ] {
        let got = units(input);
        assert_eq!(got[0].2.as_deref(), Some(subject), "{input:?}: {got:?}");
    }
}

#[test]
fn a_level_set_or_put_at_an_amount_has_the_subject_before_it() {
    for (input, subject) in [
        (
            "The growth target was set at around 5 per cent.",
            "growth target",
        ),
        ("Inflation was held at 2 per cent in May.", "Inflation"),
    ] {
        let got = units(input);
        assert_eq!(got[0].2.as_deref(), Some(subject), "{input:?}: {got:?}");
    }
}

#[test]
fn percent_written_pc_and_a_change_to_a_record_level() {
    let got = run_all("Defence spending rose 19pc last year to a record €343bn, or 1.9pc of GDP.");
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].values, vec![343e9]);
    assert_eq!(got[0].change.as_ref().map(|c| c.value), Some(19.0));
    assert_eq!(
        (got[1].text.as_str(), got[1].values.clone()),
        ("1.9pc", vec![1.9])
    );
    assert_eq!(got[1].unit.as_deref(), Some("percent"));
    // Letters glued after "pc" make another word: "5pcs" is no percent.
    assert!(
        run_all("The kit has 5pcs of wire.")
            .iter()
            .all(|f| f.unit.as_deref() != Some("percent"))
    );
}

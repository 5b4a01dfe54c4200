//! Forms of round eight, from government releases and statistics bulletins
//! (a governor's, an attorney general's, the European Commission's, a Hong
//! Kong bureau's, a labour-market bulletin): participles that describe the
//! counted noun, and what a figure in such texts counts; sentences made up
//! for the tests.

use super::test_support::run_all;

/// The subject of the first statistic of `input` (framing quantities,
/// which have a `kind`, left out).
fn subject(input: &str) -> Option<String> {
    run_all(input)
        .into_iter()
        .find(|f| f.kind.is_none())
        .and_then(|f| f.subject)
}

#[test]
fn a_participle_before_the_noun_describes_it() {
    for (input, want) in [
        (
            "Spain accounts for 21% of the EU's announced electrolyser projects.",
            "EU's announced electrolyser projects",
        ),
        (
            "About 30% of the proposed changes were adopted.",
            "proposed changes",
        ),
        ("The city has 2,000 registered voters.", "registered voters"),
        ("The firm employs 300 trained nurses.", "trained nurses"),
    ] {
        assert_eq!(subject(input).as_deref(), Some(want), "{input:?}");
    }
}

#[test]
fn a_participle_after_the_people_it_describes_is_not_their_noun() {
    // "those surveyed disapprove": the participle follows "those", and the
    // word after it is the verb.
    let got = subject("The poll found that 59 percent of those surveyed disapprove of the plan.");
    assert_ne!(got.as_deref(), Some("surveyed disapprove"));
    // An object pronoun after a word makes that word the verb.
    assert_eq!(
        subject("Some 56 percent of registered voters view him favourably.").as_deref(),
        Some("registered voters")
    );
    assert_eq!(
        subject("It found 56 percent of registered voters viewing her positively.").as_deref(),
        Some("registered voters")
    );
}

#[test]
fn a_length_changed_from_one_to_another_is_one_figure_with_its_subject() {
    let got = run_all(
        "The median waiting time for new cases had fallen from 90 weeks in 2022 to 68 weeks in 2024.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, "from 90 weeks in 2022 to 68 weeks");
    assert_eq!(got[0].values, vec![90.0, 68.0]);
    assert_eq!(got[0].kind, None, "a statistic, not a duration");
    assert_eq!(
        got[0].subject.as_deref(),
        Some("median waiting time for new cases")
    );
    // "wait times", "journey times": "times" is the noun here, no multiple.
    assert_eq!(
        subject("Wait times fell from 90 minutes to 68 minutes.").as_deref(),
        Some("Wait times")
    );
    assert_eq!(
        subject("Average journey times rose to 48 minutes from 41 minutes.").as_deref(),
        Some("Average journey times")
    );
}

#[test]
fn a_rate_written_with_the_new_level_is_the_old_one_s_too() {
    let got = run_all("The minimum wage will rise to $15 an hour, up from $12.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].values, vec![12.0, 15.0]);
    assert_eq!(got[0].unit.as_deref(), Some("USD per hour"));
    // Two rates of their own stay two figures.
    assert_eq!(run_all("It costs $15 an hour, up from $12 a day.").len(), 2);
}

#[test]
fn a_figure_set_off_after_the_statistic_it_measures() {
    for (input, want) in [
        (
            "Among the major worker groups, the unemployment rate for teenagers (14.4 percent) edged up in March.",
            "unemployment rate for teenagers",
        ),
        (
            "Both the unemployment rate, at 4.2 percent, and the number of unemployed people, at 7.1 million, changed little in March.",
            "unemployment rate",
        ),
    ] {
        assert_eq!(subject(input).as_deref(), Some(want), "{input:?}");
    }
    // A breakdown or a conversion in brackets names no statistic.
    assert_eq!(
        subject("Trump won Ohio (79 percent) and Wisconsin easily."),
        None
    );
    assert_eq!(
        subject("Israel is small (8,000 square miles) and crowded."),
        None
    );
}

#[test]
fn a_count_of_a_determined_noun_before_of() {
    assert_eq!(
        subject(
            "Health care added jobs in line with the average monthly gain of 52,000 over the year."
        )
        .as_deref(),
        Some("average monthly gain")
    );
    assert_eq!(
        subject("She spoke to a crowd of 2,000 in Denver.").as_deref(),
        Some("crowd")
    );
    // No determiner: a direction or a relation, not what is counted.
    for input in [
        "He will need almost certainly north of 65 million votes.",
        "What grandfather of seven would not love that?",
        "The poll of 1,000 likely voters was taken Monday.",
    ] {
        let got = subject(input);
        assert!(
            !matches!(got.as_deref(), Some("north" | "grandfather" | "poll")),
            "{input:?}: {got:?}"
        );
    }
}

#[test]
fn a_participle_after_a_hyphened_compound_is_the_head() {
    assert_eq!(
        subject("The number of long-term unemployed was little changed at 1.5 million in March.")
            .as_deref(),
        Some("long-term unemployed")
    );
}

#[test]
fn a_share_of_gdp_has_the_subject_of_its_clause() {
    assert_eq!(
        subject("Gross debt is forecast to peak at 36.2 per cent of GDP in 2027–28.").as_deref(),
        Some("Gross debt")
    );
    assert_eq!(
        subject("Defence spending rose to 2.1% of gross domestic product.").as_deref(),
        Some("Defence spending")
    );
    // A hyphened compound is one word of the subject, whatever its first part.
    assert_eq!(
        subject("In February 2025, the euro area seasonally-adjusted unemployment rate was 6.1%.")
            .as_deref(),
        Some("euro area seasonally-adjusted unemployment rate")
    );
}

/// The period of the first figure of `input`.
fn period(input: &str) -> Option<String> {
    run_all(input).into_iter().next().and_then(|f| f.period)
}

#[test]
fn periods_of_a_change_written_later_value_first_and_from_a_date() {
    // The later value's period opens the clause; the earlier one's
    // follows it.
    assert_eq!(
        period("In February 2025, the unemployment rate was 6.1%, down from 6.2% in January 2025.")
            .as_deref(),
        Some("January 2025 to February 2025")
    );
    // "from" a month: the date a level applies from, or a span of days.
    assert_eq!(
        period("Tax cuts will save the average worker $536 a year from 1 July 2026.").as_deref(),
        Some("from 1 July 2026")
    );
    assert_eq!(
        period("Some 34,570 citizens cast votes from March 1-8.").as_deref(),
        Some("from March 1-8")
    );
    // After a change, the month is its baseline, not its period; so is
    // "last year" after "over" without "the".
    for input in [
        "Prices fell 3% from March 2024.",
        "Support was 42 percent, a four-point dip from March.",
        "Prices rose 12% over last year.",
    ] {
        assert_eq!(period(input), None, "{input:?}");
    }
}

#[test]
fn a_participle_after_a_plural_before_the_verb_heads_the_subject() {
    for (input, want) in [
        (
            "Monthly hours worked rose by 0.6 per cent.",
            "Monthly hours worked",
        ),
        ("Homes built fell to 12,000.", "Homes built"),
        ("Prices increased by 3%.", "Prices"),
    ] {
        assert_eq!(subject(input).as_deref(), Some(want), "{input:?}");
    }
}

#[test]
fn a_part_after_of_whom_counts_what_the_whole_does() {
    let got = run_all(
        "Eurostat estimates that 13.0 million persons in the EU, of whom 10.8 million in the euro area, were unemployed.",
    );
    let subjects: Vec<Option<&str>> = got.iter().map(|f| f.subject.as_deref()).collect();
    assert_eq!(subjects, vec![Some("persons"), Some("persons")]);
}

#[test]
fn an_exchange_rate_per_unit_of_money() {
    let got = run_all("The yen weakened to 155 per dollar on Friday.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].values, vec![155.0]);
    assert_eq!(got[0].unit.as_deref(), Some("per dollar"));
    let got = run_all("The yen weakened to 155 yen per dollar.");
    assert_eq!(got[0].unit.as_deref(), Some("JPY per dollar"), "{got:?}");
}

#[test]
fn a_ratio_s_verb_and_a_level_s_age_are_not_its_subject() {
    for (input, want) in [
        ("About one in four adults smokes.", "adults"),
        (
            "One in four small business owners expects a downturn.",
            "small business owners",
        ),
        (
            "Mortgage rates climbed to a 23-year high of 7.79%.",
            "Mortgage rates",
        ),
    ] {
        assert_eq!(subject(input).as_deref(), Some(want), "{input:?}");
    }
}

#[test]
fn a_short_past_tense_ends_the_counted_noun() {
    assert_eq!(
        subject("Four Americans died in the attack.").as_deref(),
        Some("Americans")
    );
    assert_eq!(
        subject("At least 40 people fled the area.").as_deref(),
        Some("people")
    );
}

#[test]
fn an_average_age_is_a_statistic() {
    let got = run_all("The average age of a farmer is 58.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].values, vec![58.0]);
    assert_eq!(got[0].kind, None);
    assert_eq!(got[0].subject.as_deref(), Some("average age of a farmer"));
    // A person's age stays an age.
    assert!(
        run_all("He is 58.")
            .iter()
            .all(|f| f.kind.as_deref() == Some("age"))
    );
}

#[test]
fn a_time_possessive_is_the_determiner_of_what_a_share_is_of() {
    for input in [
        "Officials said 40% of this year's grants go to clubs.",
        "About 12% of last month’s grants were late.",
    ] {
        assert_eq!(subject(input).as_deref(), Some("grants"), "{input:?}");
    }
}

#[test]
fn a_verb_before_the_noun_an_amount_is_of_is_no_part_of_it() {
    for (input, want) in [
        (
            "The state could face shortfalls of $20 billion a year through 2029.",
            Some("shortfalls"),
        ),
        ("Officials expect losses of $3 million.", Some("losses")),
        (
            "The party will accept donations of up to $5,000.",
            Some("donations"),
        ),
        // How much, not of what: the clause says of what, if anything.
        ("The campaign will spend upward of $10 million.", None),
        ("Losses were in excess of $3 million.", Some("Losses")),
    ] {
        assert_eq!(subject(input).as_deref(), want, "{input:?}");
    }
}

#[test]
fn an_acronym_made_plural_is_a_counted_noun() {
    for (input, want) in [
        (
            "But clinics are still short of about 150 GPs, and that gap will take years to close.",
            "GPs",
        ),
        ("The party lost 12 MPs in the election.", "MPs"),
        ("Some 40 NGOs signed the letter.", "NGOs"),
    ] {
        assert_eq!(subject(input).as_deref(), Some(want), "{input:?}");
    }
    // A capitalised word that is no acronym is a name, not a count.
    assert_eq!(subject("He scored 12 Goals."), None);
}

#[test]
fn the_votes_against_a_motion_are_counted_like_those_for_it() {
    for (input, want) in [
        (
            "MEPs adopted the measures with 476 votes in favour, 129 against and 24 abstentions.",
            &[476.0, 129.0, 24.0][..],
        ),
        (
            "The text was adopted by 400 votes to 150, with 30 abstentions.",
            &[400.0, 150.0, 30.0][..],
        ),
        (
            "The resolution passed with 120 votes in favour, 15 opposed.",
            &[120.0, 15.0][..],
        ),
    ] {
        let got: Vec<f64> = run_all(input)
            .iter()
            .flat_map(|f| f.values.clone())
            .collect();
        assert_eq!(got, want, "{input:?}");
    }
    // No count of votes before it: a bare number stays out.
    let got = run_all("The club lost 3 against Leeds.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn a_share_is_of_the_noun_before_its_of() {
    for (input, want) in [
        (
            "The country has an unemployment rate of 4.1%.",
            Some("unemployment rate"),
        ),
        (
            "The regulation sets packaging reduction targets of 5% by 2030.",
            Some("reduction targets"),
        ),
        (
            "The poll has a margin of error of 3 percentage points.",
            Some("margin of error"),
        ),
        (
            "The tax fell until it reached the current long-term rate of 20 percent.",
            Some("long-term rate"),
        ),
        // A change names no subject.
        ("Sales saw an increase of 5% last year.", None),
        // The clause's subject comes first.
        (
            "Prices rose at an annual rate of 3.2% in May.",
            Some("Prices"),
        ),
    ] {
        assert_eq!(subject(input).as_deref(), want, "{input:?}");
    }
    // An amount's place after "in" leaves the noun before "of".
    assert_eq!(
        subject("In 2021, packaging generated a revenue of €355 billion in the EU.").as_deref(),
        Some("revenue")
    );
}

#[test]
fn wire_and_release_forms_of_units_times_and_subjects() {
    // A metric ton is a tonne.
    let got = run_all("Output fell to 448,000 metric tons.");
    assert_eq!(got[0].unit.as_deref(), Some("tonnes"), "{got:?}");
    assert_eq!(got[0].text, "448,000 metric tons");
    // "by 1430 GMT" is a time of day, no year.
    let got = run_all("Prices rose 0.8% to $9,650 a ton by 1430 GMT.");
    assert!(got.iter().all(|f| f.period.is_none()), "{got:?}");
    // An adjective cut off from its noun is no subject.
    assert_eq!(
        subject("The funding will create up to 10,000 new before and after school places."),
        None
    );
    // A share "up from" an older one: the "of" follows the first.
    assert_eq!(
        subject(
            "Figures show that 62% of primary schools now offer childcare, up from 52% in 2023."
        )
        .as_deref(),
        Some("primary schools")
    );
    // An aside opened by an article between the subject and its verb.
    assert_eq!(
        subject("Copper output in Chile, the world's largest producer, fell 4.1% in June.")
            .as_deref(),
        Some("Copper output in Chile")
    );
}

#[test]
fn a_unit_of_time_hyphened_into_a_noun_is_counted_and_us_dollars_with_full_stops_are_usd() {
    let got = run_all("He said 200 day-care cancer centres will be set up in district hospitals.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].kind, None, "{got:?}");
    assert_eq!(got[0].subject.as_deref(), Some("day-care cancer centres"));
    // A length of time stays one.
    let got = run_all("The festival lasts 10 days.");
    assert_eq!(got[0].kind.as_deref(), Some("duration"), "{got:?}");
    let got = run_all("Trade was worth about 3.04 trillion U.S. dollars.");
    assert_eq!(got[0].unit.as_deref(), Some("USD"), "{got:?}");
    assert_eq!(got[0].text, "about 3.04 trillion U.S. dollars");
}

#[test]
fn a_possessive_determiner_opens_the_noun_a_share_is_of_and_a_verb_ends_it() {
    for (input, want) in [
        ("About 40% of our members voted.", Some("members")),
        (
            "He gave away 99 percent of his Facebook stock.",
            Some("Facebook stock"),
        ),
        (
            "Just 30 percent of all voters consider Clinton honest.",
            Some("voters"),
        ),
        (
            "In the poll, 50 percent of respondents chose Clinton.",
            Some("respondents"),
        ),
        (
            "Some 64 percent of our public members identify as conservative.",
            Some("public members"),
        ),
        // "of" before a capital is no verb.
        (
            "The statement was signed by 90 members of Young Americans for Freedom.",
            Some("members of Young Americans"),
        ),
    ] {
        assert_eq!(subject(input).as_deref(), want, "{input:?}");
    }
}

#[test]
fn an_index_s_points_after_a_verb_of_change_are_a_measure_of_what_moved() {
    let got = run_all("The Dow Jones Industrial Average fell 300 points, or 0.8%, to 38,500.");
    assert_eq!(got[0].text, "300 points", "{got:?}");
    assert_eq!(got[0].unit.as_deref(), Some("points"), "{got:?}");
    assert_eq!(
        got[0].subject.as_deref(),
        Some("Dow Jones Industrial Average")
    );
    assert_eq!(
        subject("Clinton's support falls four points short of Obama's approval.").as_deref(),
        Some("Clinton's support")
    );
    // Points scored are counted, not measured.
    let got = run_all("He scored 30 points in the game.");
    assert_eq!(got[0].unit, None, "{got:?}");
}

//! US political news, made up in the forms wire services, papers and
//! broadcasters' sites write it: programme titles quoted after an outlet's
//! possessive or "on", and spokespeople described by their organisation.

use super::tests::quotes;

/// (start of quote text, speaker, speaker description) of each quote.
fn summary(paragraphs: &[&str]) -> Vec<(String, Option<String>, Option<String>)> {
    quotes(paragraphs)
        .into_iter()
        .map(|q| (q.text, q.speaker, q.speaker_description))
        .collect()
}

#[test]
fn a_programme_title_is_no_quotation() {
    for text in [
        "“We will not accept a bad deal,” Trade Representative Howard Kline told CNN’s “State of the Union” on Sunday.",
        "Speaking Sunday on ABC’s “This Week,” Kline said the talks would go on.",
        "Kline said on “Meet the Press” that the talks would go on.",
        "Kline appeared on “Face the Nation” on Sunday.",
    ] {
        let got = summary(&[text]);
        assert!(
            got.iter()
                .all(|q| !q.0.starts_with(|c: char| "SMTF".contains(c))),
            "{text:?}: {got:?}"
        );
    }
    // A title before the subject leaves the subject to be read: the
    // quotation that follows is Kline's.
    let got = summary(&[
        "Speaking Sunday on ABC’s “This Week,” Kline admitted that the deadline would slip.",
        "“We are close, but we are not there,” he said.",
    ]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1.as_deref(), Some("Kline"), "{got:?}");
}

#[test]
fn a_sentence_in_title_case_after_a_possessive_is_still_a_quotation() {
    // Words a person says, though capitalised like a title, end as a sentence.
    let got = summary(&["Kline told CNN’s reporter, “We Will Not Back Down.”"]);
    assert_eq!(got.len(), 1, "{got:?}");
}

#[test]
fn a_spokesperson_described_by_an_organisation_is_attributed_but_not_named() {
    for text in [
        "“Price caps do nothing to address the real drivers of cost,” a PhRMA spokesperson said in a statement.",
        "“Price caps do nothing to address the real drivers of cost,” a Pfizer spokesperson said.",
        "“Price caps do nothing to address the real drivers of cost,” a spokesperson for PhRMA said.",
    ] {
        let got = quotes(&[text]);
        assert_eq!(got.len(), 1, "{text:?}");
        assert_eq!(got[0].speaker, None, "{text:?}: {:?}", got[0]);
        assert!(got[0].sieve.is_some(), "{text:?}: {:?}", got[0]);
    }
}

#[test]
fn it_after_a_quotation_is_the_organisation_just_reported() {
    let got = summary(&[
        "The World Health Organization said cases had doubled. “The risk of spread is high,” it said in a statement.",
    ]);
    assert_eq!(
        got[0].1.as_deref(),
        Some("World Health Organization"),
        "{got:?}"
    );
    // In the next paragraph too, but not after a person is reported, nor
    // further on.
    let got = summary(&[
        "The World Health Organization said cases had doubled.",
        "“The risk of spread is high,” it said.",
    ]);
    assert_eq!(
        got[0].1.as_deref(),
        Some("World Health Organization"),
        "{got:?}"
    );
    let got = summary(&[
        "The World Health Organization said cases had doubled. Health Minister Ana Lima said the country was ready.",
        "“The risk of spread is high,” it said.",
    ]);
    assert_eq!(got[0].1, None, "{got:?}");
    let got = summary(&[
        "The World Health Organization said cases had doubled.",
        "Schools were closed.",
        "Markets were quiet.",
        "“The risk of spread is high,” it said.",
    ]);
    assert_eq!(got[0].1, None, "{got:?}");
}

#[test]
fn a_body_named_by_its_common_noun_is_the_one_the_text_named() {
    for (paragraphs, want) in [
        (
            [
                "The bill is endorsed by the American Diabetes Association.",
                "“We applaud the sponsors for their leadership,” the association said in a statement.",
            ],
            "American Diabetes Association",
        ),
        // "for the", "of the" inside an institution's name.
        (
            [
                "The Ministry for the Environment has announced NZ$120 million for flood defences.",
                "In a statement, the ministry said: “These projects will protect more than 30,000 homes.”",
            ],
            "Ministry for the Environment",
        ),
        (
            [
                "The Department of the Treasury has announced new rules.",
                "“These rules will close loopholes that cost taxpayers billions,” the department said.",
            ],
            "Department of the Treasury",
        ),
    ] {
        let got = summary(&paragraphs);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some(want), "{paragraphs:?}");
    }
}

#[test]
fn a_fronted_time_without_its_comma_is_no_name() {
    // "Last" read as a name became the topic "she" meant, and was then
    // rejected as a one-word name only seen opening a sentence.
    let got = summary(&[
        "“No one should have to choose between paying rent and filling a prescription,” said Callahan. “Hoosiers have told me story after story about skipping doses,” Dwyer said.",
        "Callahan, who chairs the Senate Health Subcommittee, has pushed for lower prices. Last year she led a letter signed by 31 senators.",
        "“We’ve seen what happens when Congress acts,” she said. “Prices come down.”",
    ]);
    assert_eq!(got[2].1.as_deref(), Some("Callahan"), "{got:?}");
    for opening in ["Earlier this month", "This week"] {
        let paragraph =
            format!("{opening} Callahan said: “We will keep pushing for lower prices.”");
        let got = summary(&[paragraph.as_str()]);
        assert_eq!(got[0].1.as_deref(), Some("Callahan"), "{paragraph}");
    }
}

#[test]
fn an_office_pro_tem_ends_before_the_name() {
    let got = quotes(&[
        "Senate President pro Tem Laura Chen, a Democrat from Oakland, defended the plan. The fund exists “precisely for moments like this one,” she said in a statement.",
    ]);
    assert_eq!(got[0].speaker.as_deref(), Some("Laura Chen"), "{got:?}");
    assert_eq!(
        got[0].role.as_deref(),
        Some("Senate President pro Tem"),
        "{got:?}"
    );
}

#[test]
fn a_dateline_with_an_agency_keeps_the_office_of_the_subject() {
    let got = quotes(&[
        "SACRAMENTO, Calif. (AP) — Gov. Elena Ruiz signed a budget on Tuesday, ending a standoff.",
        "“This budget protects the progress we have made,” Ruiz said at a ceremony.",
    ]);
    assert_eq!(got[0].speaker.as_deref(), Some("Elena Ruiz"), "{got:?}");
    assert_eq!(got[0].role.as_deref(), Some("Governor"), "{got:?}");
}

#[test]
fn a_day_of_the_week_is_no_part_of_a_name() {
    for opening in ["Last Tuesday", "On Tuesday"] {
        let paragraph =
            format!("{opening} Callahan said: “We will keep pushing for lower prices.”");
        let got = summary(&[paragraph.as_str()]);
        assert_eq!(got[0].1.as_deref(), Some("Callahan"), "{paragraph}");
    }
    // A month may be a first name.
    let got = summary(&["April Ryan said: “The briefing was cancelled without notice.”"]);
    assert_eq!(got[0].1.as_deref(), Some("April Ryan"), "{got:?}");
}

#[test]
fn an_office_in_charge_ends_before_the_name() {
    for text in [
        "“Health care fraud drives up costs for every taxpayer,” said Special Agent in Charge Dana Whitfield of the HHS Office of Inspector General.",
        "“Health care fraud drives up costs for every taxpayer,” Special Agent in Charge Dana Whitfield said.",
    ] {
        let got = quotes(&[text]);
        assert_eq!(got[0].speaker.as_deref(), Some("Dana Whitfield"), "{text}");
        assert_eq!(
            got[0].role.as_deref(),
            Some("Special Agent in Charge"),
            "{text}"
        );
    }
    // The registry's name runs start after the office too: "Whitfield" is
    // not "Charge Dana Whitfield".
    let got = summary(&[
        "Special Agent in Charge Dana Whitfield said the case was closed. “Health care fraud drives up costs for every taxpayer,” Whitfield added.",
    ]);
    assert_eq!(got[0].1.as_deref(), Some("Dana Whitfield"), "{got:?}");
    // "Agent" is an office before a name.
    let got = quotes(&[
        "“Health care fraud drives up costs for every taxpayer,” said FBI Special Agent Dana Whitfield.",
    ]);
    assert_eq!(got[0].speaker.as_deref(), Some("Dana Whitfield"), "{got:?}");
    assert_eq!(got[0].role.as_deref(), Some("FBI Special Agent"), "{got:?}");
}

#[test]
fn an_office_in_capitals_after_the_name_is_the_role() {
    // An acronym spelled like a stop word ("WHO") and an "and" between
    // capitals stay inside the aside.
    for (text, role) in [
        (
            "“Measles is back, and it's a wake-up call,” said Dr Hans Kluger, WHO Regional Director for Europe.",
            "WHO Regional Director for Europe",
        ),
        (
            "Regina Dominici, UNICEF Regional Director for Europe and Central Asia, said: “Over the past two years, measles cases have been rising.”",
            "UNICEF Regional Director for Europe and Central Asia",
        ),
    ] {
        let got = quotes(&[text]);
        assert_eq!(got[0].role.as_deref(), Some(role), "{text}");
    }
    // An "and" before lowercase words ends the aside.
    let got = quotes(&["Jane Roe, 45, and her husband said: “The rent went up twice this year.”"]);
    assert_eq!(got[0].role, None, "{got:?}");
}

#[test]
fn a_long_description_set_off_after_the_name_still_ends_in_its_verb() {
    let got = summary(&[
        "“Very good reporter, very good reporter this guy,” Roe, the party's front-runner nationally and the polling leader in South Carolina by a wide margin after winning the New Hampshire primary, said when Boyle asked him a question.",
    ]);
    assert_eq!(got[0].1.as_deref(), Some("Roe"), "{got:?}");
    // A verb of speech inside the aside makes it a clause of its own.
    let got = summary(&[
        "“Very good reporter, very good reporter this guy,” Roe, the candidate whom the party's chairman and most of its donors in South Carolina had told to leave the race, said nothing.",
    ]);
    assert_eq!(got[0].1, None, "{got:?}");
}

#[test]
fn a_description_with_its_body_then_a_name_is_the_named_person_with_a_role() {
    let got = quotes(&[
        "“We need to stop the mountain of waste,” said the chair of the Environment Committee, Pascal Martin (Renew, FR). “Each European generates almost 190 kg of packaging waste per year.”",
    ]);
    assert_eq!(got.len(), 2, "{got:?}");
    for q in &got {
        assert_eq!(q.speaker.as_deref(), Some("Pascal Martin"), "{q:?}");
        assert_eq!(
            q.role.as_deref(),
            Some("chair of the Environment Committee"),
            "{q:?}"
        );
    }
    // Without a name after it, a description speaks for nobody named.
    let got = quotes(&["“Rates will stay where they are,” said the head of the Fed."]);
    assert_eq!(got[0].speaker, None, "{got:?}");
    // "said the committee's chair, Pascal Martin." ends the sentence with the name.
    let got = quotes(&[
        "“We need to stop the mountain of waste,” said the committee's chair, Pascal Martin.",
    ]);
    assert_eq!(got[0].speaker.as_deref(), Some("Pascal Martin"), "{got:?}");
}

#[test]
fn offices_of_parliaments_and_organisations_before_or_after_a_name() {
    let got = quotes(&[
        "Rapporteur Frédérique Ries (Renew, BE) said: “For the first time, Parliament has set targets for reducing packaging.”",
    ]);
    assert_eq!(
        got[0].speaker.as_deref(),
        Some("Frédérique Ries"),
        "{got:?}"
    );
    assert_eq!(got[0].role.as_deref(), Some("Rapporteur"), "{got:?}");
    // A possessive organisation and two capitals before the noun of office.
    let got = quotes(&[
        "“Journalism is not a crime,” said Agnès Marchetti, Amnesty International's Regional Director for East Africa.",
    ]);
    assert_eq!(
        got[0].role.as_deref(),
        Some("Amnesty International's Regional Director for East Africa"),
        "{got:?}"
    );
}

#[test]
fn a_wire_dateline_ended_by_its_agency_leaves_the_office_to_be_read() {
    let got = quotes(&[
        "New Delhi, Feb 2 (PTI) Union Health Minister J P Nadda on Sunday said the government will add 75,000 medical seats.",
        "Addressing a press conference here, Nadda said the allocation had risen.",
        "“This is the highest ever allocation for the health sector,” the minister said.",
    ]);
    assert_eq!(got[0].speaker.as_deref(), Some("J P Nadda"), "{got:?}");
}

#[test]
fn a_middle_initial_keeps_the_full_name_a_later_surname_means() {
    let got = quotes(&[
        "Senators Edward J. Markey (D-Mass.) and Elizabeth Warren (D-Mass.) today introduced the act.",
        "“No family should have to spend more on child care than on rent,” said Senator Markey.",
    ]);
    assert_eq!(
        got[0].speaker.as_deref(),
        Some("Edward J. Markey"),
        "{got:?}"
    );
    // An initial inside an organisation's name does not end a role.
    let got = quotes(&[
        "“The bill is a step back,” said Michael Petrilli, president of the Thomas B. Fordham Institute.",
    ]);
    assert_eq!(
        got[0].role.as_deref(),
        Some("president of the Thomas B Fordham Institute"),
        "{got:?}"
    );
}

#[test]
fn a_reply_is_the_words_of_the_one_questioned() {
    let got = summary(&[
        "“We are well positioned to wait,” Powell said in testimony.",
        "Rep. Maxine Waters (D-Calif.), the committee's ranking member, pressed Powell on whether the Fed would cut rates if unemployment rose.",
        "“We will do what the data tell us,” he replied.",
    ]);
    assert_eq!(got[1].1.as_deref(), Some("Powell"), "{got:?}");
    // The reply's pronoun tells the gender of the one questioned: a later
    // "she" is the questioner.
    let got = summary(&[
        "Senator Jane Roe asked Secretary John Doe about the plan.",
        "“We will not cut the program,” he answered.",
        "“We will look at it closely,” she said.",
    ]);
    assert_eq!(got[0].1.as_deref(), Some("John Doe"), "{got:?}");
    assert_eq!(got[1].1.as_deref(), Some("Jane Roe"), "{got:?}");
    // A quote that says nothing of replying keeps the subject.
    let got = summary(&[
        "Senator Jane Roe asked Secretary John Doe about the plan.",
        "“We will keep asking until we get answers,” she said.",
    ]);
    assert_eq!(got[0].1.as_deref(), Some("Jane Roe"), "{got:?}");
}

#[test]
fn an_institution_s_name_before_its_office_is_part_of_the_role() {
    for (text, name, role) in [
        (
            "Department of Children and Families Commissioner Derek Owusu said, “Providers told us that up-front money matters most.”",
            "Derek Owusu",
            "Department of Children and Families Commissioner",
        ),
        (
            "Office of Children and Family Services Commissioner Mara Quist said, “This builds on our commitment to families.”",
            "Mara Quist",
            "Office of Children and Family Services Commissioner",
        ),
    ] {
        let got = quotes(&[text]);
        assert_eq!(got[0].speaker.as_deref(), Some(name), "{got:?}");
        assert_eq!(got[0].role.as_deref(), Some(role), "{got:?}");
    }
    // Two institutions joined are no office: nobody is named.
    let got = quotes(&[
        "The Department of Health and the Office of Budget and Management said, “We are ready for the winter season.”",
    ]);
    assert_eq!(got[0].speaker, None, "{got:?}");
}

#[test]
fn a_sentence_that_ends_by_naming_its_source_gives_the_next_pronoun() {
    let got = quotes(&[
        "Cruz will have a much tougher time in the general election, Henson said.",
        "“It's an open question whether he can win a national campaign,” he said.",
    ]);
    assert_eq!(got[0].speaker.as_deref(), Some("Henson"), "{got:?}");
    let got = quotes(&[
        "The minimum wage will be raised to RM1,700 per month, Prime Minister Anwar Ibrahim announced today.",
        "“We want workers to enjoy a fair share of the country's growth,” he said.",
    ]);
    assert_eq!(got[0].speaker.as_deref(), Some("Anwar Ibrahim"), "{got:?}");
    assert_eq!(got[0].role.as_deref(), Some("Prime Minister"), "{got:?}");
}

#[test]
fn a_malaysian_title_of_honour_is_no_part_of_the_name() {
    for (text, name) in [
        (
            "Prime Minister Datuk Seri Anwar Ibrahim said: “We want workers to enjoy a fair share.”",
            "Anwar Ibrahim",
        ),
        (
            "Tan Sri Muhyiddin Yassin said: “We will not support the bill in its present form.”",
            "Muhyiddin Yassin",
        ),
        (
            "“We will not support the bill in its present form,” said Datuk Seri Fadillah Yusof, the Deputy Prime Minister.",
            "Fadillah Yusof",
        ),
        // "Tan" alone is a surname.
        (
            "Tan Wei Ming said: “We will not support the bill in its present form.”",
            "Tan Wei Ming",
        ),
    ] {
        let got = quotes(&[text]);
        assert_eq!(got[0].speaker.as_deref(), Some(name), "{got:?}");
    }
}

#[test]
fn a_thing_named_at_a_sentence_s_end_is_no_source() {
    let got = quotes(&[
        "Such content has become fashionable on the Chinese version of TikTok, called Douyin.",
        "“We have no choice but to survive, so we leave,” he said.",
    ]);
    assert_eq!(got[0].speaker, None, "{got:?}");
}

#[test]
fn a_long_lowercase_office_after_the_name_is_the_role_when_the_office_opens_it() {
    let got = quotes(&[
        "“These estimates reflect a recovery in incomes,” said Liana Fox, assistant division chief for the Economic Characteristics Division at the Census Bureau.",
    ]);
    assert_eq!(
        got[0].role.as_deref(),
        Some(
            "assistant division chief for the Economic Characteristics Division at the Census Bureau"
        ),
        "{got:?}"
    );
    // A long aside that does not open with an office is no role.
    let got = quotes(&[
        "“These estimates reflect a recovery in incomes,” said Liana Fox, who has spent most of the past twenty years as a chief at the bureau.",
    ]);
    assert_eq!(got[0].role, None, "{got:?}");
}

#[test]
fn a_coordinator_is_an_office_before_the_name_set_off() {
    let got = quotes(&[
        "“The scale of suffering is staggering,” said the Humanitarian Coordinator for Sudan, Clementine Nkweta-Salami.",
    ]);
    assert_eq!(
        got[0].speaker.as_deref(),
        Some("Clementine Nkweta-Salami"),
        "{got:?}"
    );
    // "Dean" is a name as often as an office: "Dean Baker" stays a person.
    let got = quotes(&["“The numbers do not add up,” said Dean Baker, an economist."]);
    assert_eq!(got[0].speaker.as_deref(), Some("Dean Baker"), "{got:?}");
}

#[test]
fn a_portfolio_joined_by_and_the_is_read_whole() {
    for text in [
        "Minister for Sustainability and the Environment Grace Fu said: “We must prepare for rising sea levels now.”",
        "“We must prepare for rising sea levels now,” said Grace Fu, Minister for Sustainability and the Environment.",
    ] {
        let got = quotes(&[text]);
        assert_eq!(got[0].speaker.as_deref(), Some("Grace Fu"), "{got:?}");
        assert_eq!(
            got[0].role.as_deref(),
            Some("Minister for Sustainability and the Environment"),
            "{got:?}"
        );
    }
}

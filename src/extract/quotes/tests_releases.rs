//! Government media releases, made up in the forms Australian, UK, US,
//! Canadian and New Zealand governments write them: each case gives the
//! speaker the release names, or none. The issue's measure of "named
//! speakers right, government releases" stands on these forms.

use super::tests::quotes;

/// Paragraphs in, (start of quote text, speaker) out, in order.
type Case<'a> = (&'a [&'a str], &'a [(&'a str, Option<&'a str>)]);

fn check(cases: &[Case]) {
    for (paragraphs, want) in cases {
        let got: Vec<(String, Option<String>)> = quotes(paragraphs)
            .into_iter()
            .map(|q| (q.text, q.speaker))
            .collect();
        let matches = got.len() == want.len()
            && got
                .iter()
                .zip(want.iter())
                .all(|((t, s), (wt, ws))| t.starts_with(wt) && s.as_deref() == *ws);
        assert!(matches, "{paragraphs:?}\n got {got:?}\nwant {want:?}");
    }
}

#[test]
fn the_minister_after_a_title_of_address_and_post_nominal_letters() {
    check(&[
        (
            &[
                "Minister for Immigration the Hon. Ana Lima MP announced a new visa stream for regional employers today.",
                "“This stream will help farms and small towns find the workers they need,” the Minister said.",
                "“We have listened to employers across the country,” Minister Lima said.",
                "“Applications open on 1 July,” Ms Lima said.",
            ],
            &[
                ("This stream", Some("Ana Lima")),
                ("We have listened", Some("Ana Lima")),
                ("Applications open", Some("Ana Lima")),
            ],
        ),
        (
            &[
                "Minister for Immigration Ana Lima MP announced a new visa stream today.",
                "“Applications open on 1 July,” the Minister said.",
            ],
            &[("Applications open", Some("Ana Lima"))],
        ),
        (
            &[
                "The Hon. Ben Carter MP, Minister for Roads, today opened the new bypass.",
                "“The bypass takes ten minutes off every trip into town,” Mr Carter said.",
                "“It was built on time and under budget,” the Minister said.",
            ],
            &[
                ("The bypass takes", Some("Ben Carter")),
                ("It was built", Some("Ben Carter")),
            ],
        ),
    ]);
}

#[test]
fn quote_paragraphs_under_an_attributable_label() {
    check(&[(
        &[
            "Quotes attributable to Ana Lima, Director of Example Agency:",
            "“The agency has cleared the backlog of claims ahead of schedule.”",
            "“We thank every staff member who worked weekends to get there.”",
            "“Claimants can now expect an answer within ten working days.”",
            "Media contact: Jo Park 0400 000 000",
        ],
        &[
            ("The agency has cleared", Some("Ana Lima")),
            ("We thank every", Some("Ana Lima")),
            ("Claimants can now", Some("Ana Lima")),
        ],
    )]);
}

#[test]
fn offices_before_names_and_the_office_alone_later() {
    check(&[
        (
            &[
                "Prime Minister Tom Reyes announced the package at a press conference in the capital.",
                "“This is the largest investment in skills in a generation,” the Prime Minister said.",
                "“It will pay for itself,” Prime Minister Reyes said.",
            ],
            &[
                ("This is the largest", Some("Tom Reyes")),
                ("It will pay", Some("Tom Reyes")),
            ],
        ),
        (
            &[
                "Premier Sam Doyle said the budget would fund two new hospitals.",
                "“Every family deserves a hospital close to home,” Premier Doyle said.",
                "“We are getting on with the job,” the Premier said.",
            ],
            &[
                ("Every family", Some("Sam Doyle")),
                ("We are getting", Some("Sam Doyle")),
            ],
        ),
        (
            &[
                "Secretary of State Maria Vance met her counterparts in Oslo on Tuesday.",
                "“Our alliance has never been stronger,” the Secretary said.",
            ],
            &[("Our alliance", Some("Maria Vance"))],
        ),
        (
            &[
                "Assistant Minister Kate Ngata said the grants would reach 40 community groups.",
                "“These groups keep our towns running,” Assistant Minister Ngata said.",
            ],
            &[("These groups", Some("Kate Ngata"))],
        ),
        (
            &[
                "Health Secretary Owen Price has announced a new plan to cut waiting lists.",
                "“Patients have waited too long,” the Health Secretary said.",
            ],
            &[("Patients have", Some("Owen Price"))],
        ),
        (
            &[
                "Hon Aroha Tane, Minister of Conservation",
                "The Government is investing $10 million to restore wetlands, Conservation Minister Aroha Tane announced today.",
                "“Wetlands filter our water and protect us from floods,” Aroha Tane said.",
                "“This is a long-term commitment,” she said.",
            ],
            &[
                ("Wetlands filter", Some("Aroha Tane")),
                ("This is a long-term", Some("Aroha Tane")),
            ],
        ),
    ]);
}

#[test]
fn verbs_before_the_minister_and_in_the_present() {
    check(&[
        (
            &[
                "“The new rules close a loophole that cost taxpayers millions,” said Minister Ivo Brandt.",
                "“Firms have six months to comply,” said the Minister.",
            ],
            &[
                ("The new rules", Some("Ivo Brandt")),
                ("Firms have", Some("Ivo Brandt")),
            ],
        ),
        (
            &[
                "Minister Hana Oduya says the scheme has already helped 3,000 renters.",
                "“Renters told us they needed certainty, and this delivers it,” Minister Oduya says.",
                "“We will extend the scheme next year,” she says.",
            ],
            &[
                ("Renters told us", Some("Hana Oduya")),
                ("We will extend", Some("Hana Oduya")),
            ],
        ),
        (
            &[
                "OTTAWA, ON - The Honourable Claire Dubois, Minister of Health, today announced funding for mental health services.",
                "“Canadians deserve timely access to mental health care,” said Minister Dubois.",
                "“This funding will help provinces hire more counsellors,” said the Minister.",
            ],
            &[
                ("Canadians deserve", Some("Claire Dubois")),
                ("This funding", Some("Claire Dubois")),
            ],
        ),
        (
            &[
                "WASHINGTON – Today, Secretary of Agriculture Dan Hale announced new support for dairy farmers.",
                "“Dairy farmers have faced a hard year,” said Secretary Hale. “This support will help them through the winter.”",
                "“We stand with rural America,” the Secretary added.",
            ],
            &[
                ("Dairy farmers", Some("Dan Hale")),
                ("We stand with", Some("Dan Hale")),
            ],
        ),
    ]);
}

#[test]
fn headlines_credits_lists_and_contact_lines() {
    check(&[
        // A name in the headline, then the quote.
        (
            &[
                "Minister Lea Varga welcomes new apprenticeship figures",
                "“More young people are choosing a trade than at any time in the past decade,” Minister Varga said.",
            ],
            &[("More young people", Some("Lea Varga"))],
        ),
        // "Media contact:" and "ENDS" name no speaker.
        (
            &[
                "“The new ferry service starts on Monday and will run every hour,” Minister for Transport Dale Ruiz said.",
                "ENDS",
                "Media contact: Nina Bell, 0400 111 222",
            ],
            &[("The new ferry", Some("Dale Ruiz"))],
        ),
        (
            &[
                "“We will keep the ferry running through the winter months.”",
                "Media contact: Nina Bell, Media Adviser",
            ],
            &[("We will keep", None)],
        ),
        // A credit line below the quote.
        (
            &[
                "“We are proud to back local manufacturers with this fund.”",
                "– Rosa Kemp, Minister for Industry",
            ],
            &[("We are proud", Some("Rosa Kemp"))],
        ),
        // Quotes in a list after "Minister X said:".
        (
            &[
                "Minister Eli Strand said:",
                "“The plan cuts waiting times for elective surgery.”",
                "“It hires 500 more nurses over four years.”",
            ],
            &[
                ("The plan cuts", Some("Eli Strand")),
                ("It hires", Some("Eli Strand")),
            ],
        ),
        (
            &[
                "Jan Novak, who is also Minister for Sport, said: “The new stadium will host its first match in March.”",
            ],
            &[("The new stadium", Some("Jan Novak"))],
        ),
        // A department's spokesperson is named by no one.
        (
            &[
                "A spokesperson for the Department of Home Affairs said: “The department does not comment on individual cases.”",
            ],
            &[("The department does not", None)],
        ),
    ]);
}

#[test]
fn a_pronoun_after_the_office_as_subject_is_its_named_holder() {
    check(&[
        (
            &[
                "Governor Luis Ortiz today signed a bill to build homes for farmworkers.",
                "Assemblymember Jane Cole, the bill's author, said the homes would be built near the fields. “This is the most important bill I have carried,” Cole said.",
                "The Governor also announced new money for legal aid. “Nobody should face an eviction alone,” he said.",
            ],
            &[
                ("This is the most", Some("Jane Cole")),
                ("Nobody should", Some("Luis Ortiz")),
            ],
        ),
        // A described holder ("the longtime senator") need not be the
        // office's last named holder: the pronoun keeps its topic.
        (
            &[
                "Sen. Roy Blunt spoke first. Later, Sen. John McCain arrived.",
                "“I wonder how the troops enjoy that,” McCain said. The longtime senator said he rarely campaigns for others. “It is not my style,” he said.",
            ],
            &[
                ("I wonder how", Some("John McCain")),
                ("It is not my style", Some("John McCain")),
            ],
        ),
    ]);
}

#[test]
fn a_statement_announced_after_a_dateline() {
    check(&[
        (
            &[
                "WASHINGTON, D.C. – U.S. Senator Dana Harlow (D-OR) today released the following statement after the Senate passed the border bill:",
                "“Today’s vote shows that we can still work together and get things done.”",
            ],
            &[("Today’s vote", Some("Dana Harlow"))],
        ),
        (
            &[
                "SACRAMENTO — Governor Luis Ortiz issued the following statement on the ruling:",
                "“The court has upheld the law, and the homes will be built.”",
            ],
            &[("The court has upheld", Some("Luis Ortiz"))],
        ),
        // A headline in capitals before a dash is skipped the same way.
        (
            &[
                "POLLS NOT WRONG, JUST TOO EARLY - Mark Roe: “Although the polls missed the result, they were not dead wrong.”",
            ],
            &[("Although the polls", Some("Mark Roe"))],
        ),
    ]);
}

#[test]
fn a_pronoun_is_never_given_a_place_or_a_common_word() {
    check(&[
        (
            &[
                "Sen. Ted Cruz spoke in Des Moines on Monday.",
                "Florida holds its primary next month, and the polls there are close.",
                "“We will win it,” he said.",
            ],
            &[("We will win it", None)],
        ),
        (
            &[
                "Mayor Ann Roe spoke at the rally.",
                "People at the meeting said it was tense, and the people of the town agreed.",
                "“It was a long night,” she said.",
            ],
            &[("It was a long night", None)],
        ),
    ]);
}

#[test]
fn the_last_subject_of_a_paragraph_before_quotation() {
    check(&[(
        &[
            "Governor Luis Ortiz spoke first and promised new money for housing.",
            "Monday night, one volunteer was more circumspect. Maria Yin, 60, a doctor, said she was elated but still worried.",
            "“We have to be cautious about it,” she said.",
        ],
        &[("We have to be cautious", Some("Maria Yin"))],
    )]);
}

#[test]
fn the_second_of_two_joined_office_holders() {
    check(&[(
        &[
            "The Prime Minister, Anna Lind, and the President of the Republic, Marc Duval, met in Paris on Tuesday.",
            "“Our two countries share a border,” the Prime Minister said.",
            "“We will work together on migration,” the President added.",
        ],
        &[
            ("Our two countries", Some("Anna Lind")),
            ("We will work together", Some("Marc Duval")),
        ],
    )]);
}

#[test]
fn quotations_of_a_statement_whose_heading_names_its_author() {
    check(&[
        (
            &[
                "Statement by Senator Jane Roe on the Border Bill",
                "“Today’s vote shows that we can still work together and get things done.”",
                "“I will keep fighting to make sure the money reaches Oregon.”",
            ],
            &[
                ("Today’s vote", Some("Jane Roe")),
                ("I will keep fighting", Some("Jane Roe")),
            ],
        ),
        // A quotation attributed in the text keeps its own speaker.
        (
            &[
                "Statement from Governor Luis Ortiz on the Budget",
                "“It keeps our promise,” said Treasurer Ann Ray, who wrote the budget.",
            ],
            &[("It keeps our promise", Some("Ann Ray"))],
        ),
        // An ordinary headline names no author.
        (
            &[
                "Senate passes the border bill",
                "“Today’s vote shows that we can still work together and get things done.”",
            ],
            &[("Today’s vote", None)],
        ),
    ]);
}

#[test]
fn surnames_with_particles() {
    check(&[
        (
            &[
                "Ursula von der Leyen, President of the European Commission, said: “Europe produces too much packaging waste, and today we act on it.”",
                "“Reuse must become the norm,” von der Leyen said.",
            ],
            &[
                ("Europe produces", Some("Ursula von der Leyen")),
                ("Reuse must", Some("Ursula von der Leyen")),
            ],
        ),
        (
            &[
                "Mayor Bill de Blasio rejected the criticism on Friday.",
                "De Blasio said the unit was closed by the commissioner and said, “Who are you going to trust on security?”",
                "Asked about the attacks, de Blasio said, “I have not heard that particular concern” from anyone.",
            ],
            &[
                ("Who are you", Some("Bill de Blasio")),
                ("I have not heard", Some("Bill de Blasio")),
            ],
        ),
    ]);
}

#[test]
fn portfolios_of_joined_parts_and_titles_after_an_organisation() {
    check(&[
        (
            &[
                "Cabinet Secretary for Health and Social Care Neil Gray said:",
                "“Nurses are the backbone of our health service and this funding recognises their work.”",
            ],
            &[("Nurses are", Some("Neil Gray"))],
        ),
        (
            &[
                "Royal College of Nursing Scotland Director Colin Poolman said:",
                "“This is a welcome step but more needs to be done to retain staff.”",
            ],
            &[("This is a welcome", Some("Colin Poolman"))],
        ),
        // An affiliation without a title after it names the person before it.
        (
            &["Mr. Morgan of the Sierra Club said: “The plan does far too little for the river.”"],
            &[("The plan does", Some("Morgan"))],
        ),
    ]);
}

#[test]
fn the_first_person_of_a_signed_statement_or_letter() {
    check(&[
        (
            &[
                "Today I appeared before the House Appropriations Committee to present the Department's budget request.",
                "“Our budget keeps faith with the families who rely on us,” I told the committee. “It protects every program that works.”",
                "“We will not cut the services that seniors depend on,” I added.",
                "Secretary Alan Brooks",
            ],
            &[
                ("Our budget keeps", Some("Alan Brooks")),
                ("We will not cut", Some("Alan Brooks")),
            ],
        ),
        (
            &[
                "Dear Prime Minister,",
                "As I said to the Committee last week, “the scheme has failed the people it was meant to help.”",
                "Yours sincerely,",
                "Dame Margaret Hodge MP\nChair, Public Accounts Committee",
            ],
            &[("the scheme has failed", Some("Margaret Hodge"))],
        ),
        // Unsigned: "I" is nobody the text names.
        (
            &[
                "“This is a big political win for me,” I confessed to a friend that night.",
                "The campaign went on for another year.",
            ],
            &[("This is a big", None)],
        ),
        // A signature names "I", never the people quoted by name.
        (
            &[
                "“The roads will be fixed by spring,” the Mayor, Lou Brandt, said.",
                "“I welcome that,” I said.",
                "Jane Roe, Councillor for Eastside",
            ],
            &[
                ("The roads will", Some("Lou Brandt")),
                ("I welcome that", Some("Jane Roe")),
            ],
        ),
    ]);
}

#[test]
fn hyphenated_offices_and_those_who_speak_for_someone() {
    check(&[
        (
            &["“The window to act is closing,” said UN Secretary-General António Guterres."],
            &[("The window to act", Some("António Guterres"))],
        ),
        (
            &[
                "Attorney-General Mark Dreyfus announced the review.",
                "“The review will report by June,” the Attorney-General said.",
            ],
            &[("The review will", Some("Mark Dreyfus"))],
        ),
        // The spokesperson, a lawyer or a friend speaks, not the person
        // they speak for; unnamed, they are nobody the text names.
        (
            &[
                "Senator Jane Roe voted against the bill.",
                "“The statement speaks for itself,” a spokesperson for Senator Roe said.",
                "“My client did nothing wrong at any point,” a lawyer for Tom Smith said.",
            ],
            &[("The statement speaks", None), ("My client did", None)],
        ),
        // Named, with the comma after the description missing.
        (
            &[
                "“We have not been briefed,” Doug Andres, a spokesman for House Speaker Paul Ryan told the Post.",
            ],
            &[("We have not been briefed", Some("Doug Andres"))],
        ),
    ]);
}

#[test]
fn a_quotation_after_a_paragraph_about_the_speaker_with_only_phrases_quoted() {
    check(&[
        (
            &[
                "In a statement issued Tuesday morning, Senator Jane Roe was more cautious. She called the bank’s conduct “outrageous” and wanted pay “clawed back”.",
                "“If any bank cannot be managed well, it should be broken up.”",
            ],
            &[("If any bank", Some("Jane Roe"))],
        ),
        // A fronted place or occasion is no statement: the paragraph is
        // about more than the person.
        (
            &[
                "At his rallies, Tom Reyes talks about “law and order” often.",
                "“We will win this state by a mile and then some.”",
            ],
            &[("We will win", None)],
        ),
    ]);
}

#[test]
fn a_quotation_with_a_word_or_two_outside_it_continues_the_speaker() {
    check(&[(
        &[
            "Warren said the bank had failed its customers. “You went on television to blame thousands of $12-an-hour” workers. “You should resign,” she said.",
        ],
        &[
            ("You went on television", Some("Warren")),
            ("You should resign", Some("Warren")),
        ],
    )]);
}

#[test]
fn the_nearest_verb_two_sentences_between_and_an_absolute_phrase() {
    check(&[
        (
            &[
                "“It is misleading to imply that the bill was a bailout,” Axelrod tweeted after Clinton argued for the second time.",
            ],
            &[("It is misleading", Some("Axelrod"))],
        ),
        (
            &[
                "“I am a delegate and I do not believe in delegates,” Warren, who has not endorsed a candidate, told reporters.",
            ],
            &[("I am a delegate", Some("Warren"))],
        ),
        // Two sentences between two quotations: no interruption, and
        // "Eyebrows raised," names nobody.
        (
            &[
                "Bob Smith was the station chief.",
                "“That never happened,” Bob said. Eyebrows raised, he asked, “I was going to stay behind by myself?”",
            ],
            &[
                ("That never happened", Some("Bob Smith")),
                ("I was going to stay", Some("Bob Smith")),
            ],
        ),
    ]);
}

#[test]
fn indian_honorifics_irish_post_nominals_and_ranks_of_office() {
    check(&[
        // "Smt." and "Shri" are honorifics: no sentence ends at "Smt.", and
        // neither is part of the name.
        (
            &[
                "Union Minister for Finance Smt. Meera Raghavan today chaired a review meeting.",
                "“Capital expenditure is the engine of growth for every ministry,” Smt. Raghavan said.",
            ],
            &[("Capital expenditure", Some("Meera Raghavan"))],
        ),
        (
            &[
                "Minister of State for Finance Shri Arvind Kulkarni said the states had been paid.",
                "“States have been given the resources they asked for,” Shri Kulkarni said.",
            ],
            &[("States have been given", Some("Arvind Kulkarni"))],
        ),
        // "TD" (a member of the Dáil) follows the name like "MP".
        (
            &[
                "The Minister for Climate, Fionnuala Byrne TD, has today launched the plan.",
                "Minister of State Ciarán Walsh TD added: “Local authorities will be at the heart of delivering this plan.”",
            ],
            &[("Local authorities", Some("Ciarán Walsh"))],
        ),
    ]);
    // The rank and the portfolio are the role, the honorific is not.
    let roles: Vec<Option<String>> = quotes(&[
        "Union Minister for Finance Smt. Meera Raghavan today chaired a review meeting.",
        "“Capital expenditure is the engine of growth for every ministry,” Smt. Raghavan said.",
        "Minister of State for Finance Shri Arvind Kulkarni said the states had been paid.",
        "“States have been given the resources they asked for,” Shri Kulkarni said.",
        "Minister of State Ciarán Walsh TD added: “Local authorities will be at the heart of delivering this plan.”",
    ])
    .into_iter()
    .map(|q| q.role)
    .collect();
    assert_eq!(
        roles,
        [
            Some("Union Minister for Finance".to_string()),
            Some("Minister of State for Finance".to_string()),
            Some("Minister of State".to_string()),
        ]
    );
}

#[test]
fn spokespeople_joint_statements_knighthoods_and_excellencies() {
    check(&[
        // Whoever speaks for a named person is not that person.
        (
            &[
                "Prime Minister Kwame Mensah’s spokesperson said: “The Prime Minister welcomes the agreement and looks forward to it.”",
            ],
            &[("The Prime Minister welcomes", None)],
        ),
        (
            &[
                "A spokesperson for Prime Minister Kwame Mensah said: “The Prime Minister welcomes the agreement and looks forward to it.”",
            ],
            &[("The Prime Minister welcomes", None)],
        ),
        (
            &[
                "Mensah’s lawyer said: “My client will answer every question the committee puts to him.”",
            ],
            &[("My client", None)],
        ),
        // A joint statement is both people's, never the second alone.
        (
            &[
                "In a joint statement, Senators Ruth Ellery and Mark Dunmore said: “This agreement protects American workers and opens new markets.”",
            ],
            &[("This agreement", Some("Ruth Ellery and Mark Dunmore"))],
        ),
        (
            &[
                "In a joint statement, Ruth Ellery and Mark Dunmore said the deal was good. “This agreement protects American workers,” they said.",
            ],
            &[("This agreement", None)],
        ),
        // Titles of address: a knighthood, an excellency; "MS" (a member
        // of the Senedd) after a name.
        (
            &[
                "Chief Constable Sir Andrew Marsden, the national policing lead, said:",
                "“Officers will use these powers carefully and fairly.”",
            ],
            &[("Officers will use", Some("Andrew Marsden"))],
        ),
        (
            &[
                "Her Excellency Dr Amina Bello, Deputy Secretary-General of the United Nations, said: “Wales has shown what determined public services can do.”",
            ],
            &[("Wales has shown", Some("Amina Bello"))],
        ),
        (
            &[
                "First Minister Eluned Parry MS said waiting times had fallen.",
                "“This is the result of the hard work of NHS staff across Wales,” the First Minister said.",
            ],
            &[("This is the result", Some("Eluned Parry"))],
        ),
    ]);
}

#[test]
fn a_pronoun_is_never_given_a_word_only_seen_opening_a_sentence() {
    check(&[
        // "Negotiators" opens a sentence as any noun would: "she" is not it.
        (
            &[
                "Negotiators from both sides met in Geneva on Friday.",
                "His American counterpart, Ambassador Karen Ode, disagreed. “We were clear from day one about what we needed,” she told reporters.",
            ],
            &[("We were clear", None)],
        ),
        // A name written inside a sentence too is a name: after an initial,
        // or after a quotation it closes.
        (
            &[
                "County freeholder Ernest D. Coursey said it was important to move on.",
                "“All roads to the White House are leading through Atlantic City,” he said.",
            ],
            &[("All roads", Some("Ernest D. Coursey"))],
        ),
        (
            &[
                "Tran spoke first.",
                "“The rules are clear,” Tran said.",
                "“We will follow them to the letter,” he said.",
            ],
            &[
                ("The rules", Some("Tran")),
                ("We will follow", Some("Tran")),
            ],
        ),
    ]);
}

#[test]
fn a_calling_ending_in_ing_opens_no_fronted_phrase() {
    // "Shipping analyst …" is no participle phrase: it runs to a full stop,
    // not a comma, so the sentence's subject is the analyst.
    check(&[(
        &[
            "Employment Minister Tony Burke welcomed the deal.",
            "Shipping analyst Rebecca Hall of Hall Maritime said the backlog would take weeks. “There are more than 40 ships waiting off Port Botany,” she said.",
        ],
        &[("There are more", Some("Rebecca Hall"))],
    )]);
}

#[test]
fn a_name_that_says_yes_or_no_after_a_quotation_answers_it() {
    check(&[
        (
            &[
                "Asked “whether the senator has the integrity to serve as president,” 58 percent of Democrats said yes.",
            ],
            &[("whether the senator", None)],
        ),
        (
            &[
                "The reporter put the question to Mayor Ann Lee.",
                "“Will you run again next year?” Lee said no, and left the room.",
            ],
            &[("Will you run", None)],
        ),
    ]);
}

#[test]
fn us_state_un_and_police_releases() {
    check(&[
        // An agency of several words in a dateline's brackets.
        (
            &[
                "NEW YORK, 22 April (UN Information Service) — UN Secretary-General Ana Roe today called on leaders to act.",
                "“We are in a race against time,” the Secretary-General told reporters.",
            ],
            &[("We are in a race", Some("Ana Roe"))],
        ),
        // "and" inside a portfolio, before the office and the name.
        (
            &[
                "Office of Children and Family Services Commissioner Mara Quist said, “This builds on our commitment to families.”",
                "Department of Housing and Urban Development Secretary Leo Brandt said, “Every family deserves a safe home to live in.”",
            ],
            &[
                ("This builds", Some("Mara Quist")),
                ("Every family", Some("Leo Brandt")),
            ],
        ),
        // British police ranks, abbreviated after the first mention.
        (
            &[
                "Detective Inspector Claire Dunmore, of Leeds District CID, said: “This was a completely unprovoked attack.”",
                "DI Dunmore added: “We would urge anyone with dashcam footage to come forward.”",
                "DCI Tom Rigby said: “We are keeping an open mind about the motive for now.”",
            ],
            &[
                ("This was", Some("Claire Dunmore")),
                ("We would urge", Some("Claire Dunmore")),
                ("We are keeping", Some("Tom Rigby")),
            ],
        ),
    ]);
}

#[test]
fn an_office_before_the_name_in_a_label_and_honours_after_it() {
    check(&[(
        &[
            "Quotes attributable to Member for Solomon, Luke Gosling OAM MP:",
            "“I have fought hard for this hospital upgrade for my community.”",
            "Professor Jane Whitlam AO AM said: “The new unit will save lives in the region.”",
        ],
        &[
            ("I have fought", Some("Luke Gosling")),
            ("The new unit", Some("Jane Whitlam")),
        ],
    )]);
}

#[test]
fn a_pronoun_after_an_unnamed_person_is_not_someone_named_before() {
    check(&[(
        &[
            "“We have made a fair offer,” Health Minister Paul Grant said.",
            "A hospital spokeswoman said services would be maintained. “Patients should attend their appointments as usual,” she said.",
            "“The union should accept it,” Mr Grant said.",
        ],
        &[
            ("We have made", Some("Paul Grant")),
            ("Patients should", None),
            ("The union should", Some("Paul Grant")),
        ],
    )]);
}

#[test]
fn a_pronoun_after_an_unnamed_person_who_addresses_a_named_one() {
    check(&[(
        &[
            "Sanders spoke to voters in Reno on Saturday.",
            "A reporter asked Sanders how he was feeling. He replied: “The bigger the turnout, the better I feel.”",
        ],
        &[("The bigger", Some("Sanders"))],
    )]);
}

#[test]
fn a_plural_office_before_two_names_is_no_part_of_the_first() {
    check(&[(
        &[
            "WASHINGTON – U.S. Senators Amy Roe (D-Minn.) and Chuck Dunmore (R-Iowa) today introduced legislation to lower drug prices.",
            "“Americans pay the highest prices in the world,” said Roe. “Our bill will bring down costs.”",
            "“Big Pharma has gamed the system for too long,” Dunmore said.",
        ],
        &[
            ("Americans pay", Some("Amy Roe")),
            ("Big Pharma", Some("Chuck Dunmore")),
        ],
    )]);
}

#[test]
fn a_lowercase_office_after_the_name_is_the_role() {
    let roles: Vec<(Option<String>, Option<String>)> = quotes(&[
        "“We delivered another quarter of strong growth,” said Jane Doe, chief executive officer of Acme.",
        "“Demand remains robust across all regions,” added John Smith, Acme's chief financial officer.",
    ])
    .into_iter()
    .map(|q| (q.speaker, q.role))
    .collect();
    let want = |s: &str, r: &str| (Some(s.to_string()), Some(r.to_string()));
    assert_eq!(
        roles,
        [
            want("Jane Doe", "chief executive officer of Acme"),
            want("John Smith", "Acme's chief financial officer"),
        ]
    );
}

#[test]
fn a_member_for_a_seat_and_a_portfolio_of_two_parts_before_the_office() {
    check(&[
        (
            &[
                "Member for Dubbo Sean Lockyer welcomed the announcement.",
                "“The hospital will receive $210 million under this plan,” he said.",
                "“It is fantastic news for our community,” Member for Dubbo Sean Lockyer said.",
            ],
            &[
                ("The hospital will", Some("Sean Lockyer")),
                ("It is fantastic", Some("Sean Lockyer")),
            ],
        ),
        (
            &[
                "Health and Social Care Secretary Owen Pritchard said:",
                "“Nurses are the backbone of our health service and we need more of them.”",
            ],
            &[("Nurses are the", Some("Owen Pritchard"))],
        ),
        // Two people joined by "and", each with an office, are not one
        // portfolio: the pronoun after them is the first subject's.
        (
            &[
                "President Tom Lima and Vice President Joe Roe placed flowers at the memorial.",
                "“I held and hugged” the families of the victims there, he said.",
            ],
            &[("I held and hugged", Some("Tom Lima"))],
        ),
    ]);
    let q = super::tests::quotes(&[
        "Health and Social Care Secretary Owen Pritchard said:",
        "“Nurses are the backbone of our health service and we need more of them.”",
    ]);
    assert_eq!(
        q[0].role.as_deref(),
        Some("Health and Social Care Secretary")
    );
}

#[test]
fn offices_of_the_and_to_the_an_office_alone_and_a_relative_clause() {
    check(&[
        (
            &[
                "Chancellor of the Exchequer Rachel Holt has responded to today's figures.",
                "Commenting on the figures, the Chancellor said:",
                "“Inflation is back close to target, and that is good news for families.”",
                "Chief Secretary to the Treasury Darren Jones added: “We will keep public finances on a firm footing.”",
            ],
            &[
                ("Inflation is back", Some("Rachel Holt")),
                ("We will keep", Some("Darren Jones")),
            ],
        ),
        // An office nobody was named to is no name.
        (
            &[
                "The figures were published today.",
                "The Governor said:",
                "“We will keep going with this plan for the whole state.”",
            ],
            &[("We will keep going", None)],
        ),
        (
            &[
                "The bill is cosponsored by Rep. Dana Whitley (D-Maine), who said, “Rural health care is not a partisan issue.”",
            ],
            &[("Rural health care", Some("Dana Whitley"))],
        ),
        // Not after a thing.
        (
            &[
                "The plan follows a report by the council, which said, “Rural health care is not a partisan issue.”",
            ],
            &[("Rural health care", None)],
        ),
    ]);
    let q = super::tests::quotes(&[
        "Chancellor of the Exchequer Rachel Holt has responded to today's figures.",
        "“Inflation is back close to target, and that is good news,” the Chancellor said.",
    ]);
    assert_eq!(q[0].speaker.as_deref(), Some("Rachel Holt"));
    assert_eq!(q[0].role.as_deref(), Some("Chancellor of the Exchequer"));
}

#[test]
fn a_pronoun_speaker_keeps_the_office_the_text_gave_them() {
    let q = super::tests::quotes(&[
        "Premier Daniel Korsakis said the investment would help.",
        "“For too long, people in the regions have had to travel for care,” he said.",
        "WFP Executive Director Marguerite Olsen told reporters that funding had fallen.",
        "“We have the tools to end hunger in our lifetime,” she said.",
    ]);
    let got: Vec<(Option<&str>, Option<&str>)> = q
        .iter()
        .map(|q| (q.speaker.as_deref(), q.role.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            (Some("Daniel Korsakis"), Some("Premier")),
            (Some("Marguerite Olsen"), Some("WFP Executive Director")),
        ]
    );
}

#[test]
fn a_group_of_people_is_no_speakers_name() {
    check(&[
        (
            &[
                "Asked about the plan, 37 percent of Americans say it is “not at all responsible for what happened here.”",
            ],
            &[("not at all responsible", None)],
        ),
        (
            &["“The simple truth is that the facts have not changed at all,” Republicans said."],
            &[("The simple truth", None)],
        ),
    ]);
}

#[test]
fn a_label_paragraph_of_a_role_and_a_name_over_the_quotation() {
    let q = "“This is a great day for the people of our city and for every business here.”";
    check(&[
        (&["Minister Roe:", q], &[("This is", Some("Roe"))]),
        (&["Mayor Tom Kerr:", q], &[("This is", Some("Tom Kerr"))]),
        (
            &["Dr Helen Marsh, Chief Health Officer:", q],
            &[("This is", Some("Helen Marsh"))],
        ),
        // Headings are no speakers: in capitals, in title case, or a
        // label without a role.
        (&["WHAT THEY SAID:", q], &[("This is", None)]),
        (&["Key Quotes:", q], &[("This is", None)]),
        (&["Media Contact:", q], &[("This is", None)]),
        (&["Editor’s Note:", q], &[("This is", None)]),
        (&["Statement From The Premier:", q], &[("This is", None)]),
    ]);
}

#[test]
fn an_organisation_with_its_own_for_or_of_inside_the_office() {
    let q = "said: “This is a welcome step, but the sector needs certainty over the long term.”";
    check(&[
        (
            &[&format!(
                "Chief Executive of Homes for Scotland Jane Wood {q}"
            )],
            &[("This is", Some("Jane Wood"))],
        ),
        (
            &[&format!(
                "Governor of the Bank of England Andrew Bailey {q}"
            )],
            &[("This is", Some("Andrew Bailey"))],
        ),
        // A long portfolio of two joined parts after a rank of office.
        (
            &[&format!(
                "Secretary of State for Health and Social Care Wes Street {q}"
            )],
            &[("This is", Some("Wes Street"))],
        ),
    ]);
}

#[test]
fn a_title_of_address_later_does_not_replace_the_office() {
    let got = super::tests::quotes(&[
        "The Secretary for Health, Professor Lau Kin-wah, announced a package of measures today.",
        "Speaking at a press conference, Professor Lau said waiting times remained too long. “We will not be satisfied until every patient can see a specialist,” he said.",
    ]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].speaker.as_deref(), Some("Lau Kin-wah"));
    assert_ne!(got[0].role.as_deref(), Some("Professor"), "{got:?}");
}

#[test]
fn an_office_in_capitals_after_the_name_at_the_sentence_end_is_the_role() {
    let got = super::tests::quotes(&[
        "“The case is weak,” said Lucia Baca, State Director of AARP New Mexico.",
    ]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].speaker.as_deref(), Some("Lucia Baca"));
    assert_eq!(
        got[0].role.as_deref(),
        Some("State Director of AARP New Mexico")
    );
    // A place after the name is no office.
    let got = super::tests::quotes(&["“The case is weak,” said Tom Lee, New York."]);
    assert_eq!(got[0].role, None, "{got:?}");
}

#[test]
fn an_office_set_off_before_the_name_is_the_role() {
    let got = super::tests::quotes(&[
        "The Minister for Health, Dr Jane Lau, said: “We will not be satisfied until every patient can see a specialist.”",
    ]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].speaker.as_deref(), Some("Jane Lau"));
    assert_eq!(got[0].role.as_deref(), Some("Minister for Health"));
    // A place set off before the name is no office.
    let got = super::tests::quotes(&[
        "In Berea, Ohio, Jane Lau, said: “We will not be satisfied until every patient can see a specialist.”",
    ]);
    assert_eq!(got[0].role, None, "{got:?}");
}

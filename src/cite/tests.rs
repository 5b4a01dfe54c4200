use std::path::PathBuf;

use super::*;
use crate::corpus::{Format, Metadata, Original, PartialDate};

fn doc(id: &str, meta: Metadata) -> Document {
    Document {
        id: id.into(),
        path: PathBuf::from(format!("{id}.md")),
        meta,
        word_count: Default::default(),
        format: Format::Markdown,
        body: String::new(),
        body_offset: 0,
        body_line: 1,
    }
}

fn date(s: &str) -> Option<PartialDate> {
    Some(s.parse().unwrap())
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

/// Cites of whole documents, without locators.
fn whole<'a>(docs: &[&'a Document]) -> Vec<Cite<'a>> {
    docs.iter().map(|&doc| Cite { doc, at: None }).collect()
}

fn chicago() -> Citer {
    Citer::new(DEFAULT_STYLE).unwrap()
}

/// First note, short note and bibliography entry of one document cited twice.
fn forms(citer: &Citer, d: &Document) -> (Rich, Rich, Rich) {
    let mut cited = citer.cite(&whole(&[d, d]));
    assert_eq!(cited.notes.len(), 2);
    assert_eq!(cited.sources.len(), 1);
    let (id, source) = cited.sources.remove(0);
    assert_eq!(id, d.id);
    let short = cited.notes.remove(1);
    (cited.notes.remove(0), short, source)
}

fn plain3(f: &(Rich, Rich, Rich)) -> [String; 3] {
    [f.0.plain(), f.1.plain(), f.2.plain()]
}

/// The texts of the italic runs.
fn italics(r: &Rich) -> Vec<&str> {
    r.0.iter()
        .filter(|r| r.italic)
        .map(|r| r.text.as_str())
        .collect()
}

fn links(r: &Rich) -> Vec<(&str, &str)> {
    r.0.iter()
        .filter_map(|r| Some((r.text.as_str(), r.link.as_deref()?)))
        .collect()
}

/// What must never appear, whatever is missing.
fn assert_clean(text: &str) {
    for bad in [
        "n.d.",
        "None",
        "unknown",
        "no title",
        ", ,",
        ",,",
        "..",
        ", .",
        " ,",
        "  ",
        "preprint",
        "Preprint",
        "\u{E000}",
        "January 1",
    ] {
        assert!(!text.contains(bad), "{bad:?} in {text:?}");
    }
    assert!(!text.starts_with([',', '.', ' ']), "{text:?}");
}

// (a) fleeing-xi-jinping.md: a title and nothing else.
#[test]
fn title_only() {
    let d = doc(
        "fleeing-xi-jinping",
        Metadata {
            title: some("Growing Number of Chinese Fleeing China and Xi Jinping"),
            language: some("en"),
            ..Default::default()
        },
    );
    let f = forms(&chicago(), &d);
    let want = "“Growing Number of Chinese Fleeing China and Xi Jinping.”";
    // CMOS 18, 13.32: the short note keeps at most four words of the title.
    assert_eq!(plain3(&f), [want, "“Growing Number of Chinese.”", want]);
    assert_eq!(f.0.0, vec![Run::plain(want)]);
}

// (b) run-movement.md: title, translator and editor, no author or outlet.
#[test]
fn translated_unsigned_with_editor() {
    let d = doc(
        "run-movement",
        Metadata {
            title: some("U.S. reports sharp rise in people fleeing China amid ‘run’ movement"),
            translator: some("Luisetta Mudie"),
            editor: some("Eugene Whong"),
            language: some("en"),
            ..Default::default()
        },
    );
    let f = forms(&chicago(), &d);
    assert_eq!(
        plain3(&f),
        [
            "“U.S. reports sharp rise in people fleeing China amid ‘run’ movement,” trans. Luisetta Mudie.",
            "“U.S. reports sharp rise.”",
            "“U.S. reports sharp rise in people fleeing China amid ‘run’ movement.” Translated by Luisetta Mudie.",
        ]
    );
    assert!(italics(&f.0).is_empty() && italics(&f.2).is_empty());
}

fn mass_exodus(published: Option<PartialDate>) -> Document {
    doc(
        "mass-exodus",
        Metadata {
            title: some(
                "Mass Exodus? ---Under Xi Jinping, the number of Chinese seeking asylum abroad has nearly reached 1.16 million",
            ),
            author: some("Huang Liling"),
            translator: some("China Thought Express editorial team"),
            language: some("en"),
            original: Some(Original {
                title: some("大逃亡?习近平任内中国寻求海外庇护人数直逼116万人"),
                author: some("Huang Liling"),
                outlet: some("Voice of America"),
                url: some(
                    "https://www.voachinese.com/a/china-mass-exodus-the-number-of-asylum-seekers-surpasses-one-million/7932829.html",
                ),
                language: some("zh"),
                published,
            }),
            ..Default::default()
        },
    )
}

// (c) mass-exodus.md: the VOA translation, crediting its original.
#[test]
fn translation_credits_original() {
    let url = "https://www.voachinese.com/a/china-mass-exodus-the-number-of-asylum-seekers-surpasses-one-million/7932829.html";
    let title = "Mass Exodus? ---Under Xi Jinping, the number of Chinese seeking asylum abroad has nearly reached 1.16 million";
    let original = format!(
        "Originally published as “大逃亡?习近平任内中国寻求海外庇护人数直逼116万人,” Voice of America, {url}."
    );
    let f = forms(&chicago(), &mass_exodus(None));
    assert_eq!(
        plain3(&f),
        [
            format!(
                "Huang Liling, “{title},” trans. China Thought Express editorial team. {original}"
            ),
            // Family name and short title (CMOS 18, 13.32), no comma after "?".
            "Huang, “Mass Exodus?”".to_string(),
            format!(
                "Huang Liling. “{title}.” Translated by China Thought Express editorial team. {original}"
            ),
        ]
    );
    for r in [&f.0, &f.2] {
        assert_eq!(italics(r), ["Voice of America"]);
        assert_eq!(links(r), [(url, url)]);
    }

    // The original's date is the original's: the translation does not borrow it.
    let f = forms(&chicago(), &mass_exodus(date("2024-12-20")));
    assert_eq!(
        f.0.plain(),
        format!(
            "Huang Liling, “{title},” trans. China Thought Express editorial team. Originally published as “大逃亡?习近平任内中国寻求海外庇护人数直逼116万人,” Voice of America, December 20, 2024, {url}."
        )
    );
}

#[test]
fn original_author_is_credited_when_different() {
    let mut d = mass_exodus(None);
    d.meta.original.as_mut().unwrap().author = some("黄里玲");
    d.meta.original.as_mut().unwrap().url = None;
    let f = forms(&chicago(), &d);
    assert!(
        f.0.plain()
            .ends_with(". Originally published as 黄里玲, “大逃亡?习近平任内中国寻求海外庇护人数直逼116万人,” Voice of America."),
        "{}",
        f.0.plain()
    );
}

#[test]
fn full_news_article() {
    let d = doc(
        "full",
        Metadata {
            title: some("China’s Exodus"),
            author: some("Smith, John; Jane Roe"),
            outlet: some("The Times"),
            published: date("2024-05-05"),
            url: some("https://example.com/a"),
            ..Default::default()
        },
    );
    let f = forms(&chicago(), &d);
    assert_eq!(
        plain3(&f),
        [
            "John Smith and Jane Roe, “China’s Exodus,” The Times, May 5, 2024, https://example.com/a.",
            "Smith and Roe, “China’s Exodus.”",
            "Smith, John, and Jane Roe. “China’s Exodus.” The Times, May 5, 2024. https://example.com/a.",
        ]
    );
    for r in [&f.0, &f.2] {
        assert_eq!(italics(r), ["The Times"]);
        assert_eq!(
            links(r),
            [("https://example.com/a", "https://example.com/a")]
        );
    }
    assert!(f.1.0.iter().all(|r| !r.italic && r.link.is_none()));
}

#[test]
fn hostile_title_comes_out_literally() {
    let title = r"*Bold* _it_ [^1] <b>x</b> # {braces} $math$ back\slash \{ ` ~ & %";
    let d = doc(
        "hostile",
        Metadata {
            title: some(title),
            author: some("<script> {A} $B$"),
            outlet: some("*Outlet* {x}"),
            ..Default::default()
        },
    );
    let f = forms(&chicago(), &d);
    assert_eq!(
        plain3(&f),
        [
            format!("<script> {{A}} $B$, “{title},” *Outlet* {{x}}."),
            "<script> {A} $B$, “*Bold* _it_ [^1] <b>x</b>.”".to_string(),
            format!("<script> {{A}} $B$. “{title}.” *Outlet* {{x}}."),
        ]
    );
    assert_eq!(italics(&f.0), ["*Outlet* {x}"]);
}

#[test]
fn dates_keep_their_precision() {
    let cases = [
        ("2024", "“Piece,” The Times, 2024."),
        ("2024-05", "“Piece,” The Times, May 2024."),
        ("2024-05-05", "“Piece,” The Times, May 5, 2024."),
    ];
    let citer = chicago();
    for (published, want) in cases {
        let d = doc(
            "d",
            Metadata {
                title: some("Piece"),
                outlet: some("The Times"),
                published: date(published),
                ..Default::default()
            },
        );
        let f = forms(&citer, &d);
        assert_eq!(f.0.plain(), want);
        assert_eq!(f.1.plain(), "“Piece.”");
        assert_clean(&f.2.plain());
    }
}

/// Every subset of the metadata gives clean text, and the expected text for
/// the shapes that matter.
#[test]
fn missing_metadata_is_left_out() {
    let cases: [(Metadata, [&str; 3]); 7] = [
        (
            Metadata {
                title: some("Piece"),
                url: some("https://example.com/p"),
                ..Default::default()
            },
            [
                "“Piece,” https://example.com/p.",
                "“Piece.”",
                "“Piece.” https://example.com/p.",
            ],
        ),
        (
            Metadata {
                url: some("https://example.com/p"),
                ..Default::default()
            },
            [
                "https://example.com/p.",
                "https://example.com/p.",
                "https://example.com/p.",
            ],
        ),
        // Nothing at all: never the corpus id, which is no part of the source.
        (
            Metadata::default(),
            [
                "Untitled document, n.d.",
                "Untitled document, n.d.",
                "Untitled document, n.d.",
            ],
        ),
        // A URL that is not one is not printed.
        (
            Metadata {
                url: some("see the archive"),
                ..Default::default()
            },
            [
                "Untitled document, n.d.",
                "Untitled document, n.d.",
                "Untitled document, n.d.",
            ],
        ),
        (
            Metadata {
                title: some("Piece"),
                author: some("Huang Liling"),
                ..Default::default()
            },
            [
                "Huang Liling, “Piece.”",
                "Huang, “Piece.”",
                "Huang Liling. “Piece.”",
            ],
        ),
        (
            Metadata {
                title: some("Piece"),
                outlet: some("Radio Free Asia"),
                ..Default::default()
            },
            [
                "“Piece,” Radio Free Asia.",
                "“Piece.”",
                "“Piece.” Radio Free Asia.",
            ],
        ),
        (
            Metadata {
                author: some("Huang Liling"),
                outlet: some("Radio Free Asia"),
                published: date("2023-10"),
                ..Default::default()
            },
            // No title: none is made up from the id, since the author and
            // outlet already say what to look for.
            [
                "Huang Liling, Radio Free Asia, October 2023.",
                "Huang.",
                "Huang Liling. Radio Free Asia, October 2023.",
            ],
        ),
    ];
    let citer = chicago();
    for (meta, want) in cases {
        let f = forms(&citer, &doc("low-income-exodus", meta));
        assert_eq!(plain3(&f), want);
    }

    let fields = 7;
    for mask in 0u32..1 << fields {
        let on = |bit: u32| mask & (1 << bit) != 0;
        let meta = Metadata {
            title: on(0).then(|| "Piece".into()),
            author: on(1).then(|| "Huang Liling".into()),
            translator: on(2).then(|| "Luisetta Mudie".into()),
            outlet: on(3).then(|| "Radio Free Asia".into()),
            published: if on(4) { date("2023") } else { None },
            url: on(5).then(|| "https://example.com/p".into()),
            original: on(6).then(|| Original {
                title: some("原文"),
                ..Default::default()
            }),
            ..Default::default()
        };
        let f = forms(&citer, &doc("d", meta));
        for text in plain3(&f) {
            // "n.d." is said only of a source that states nothing else.
            if text == "Untitled document, n.d." {
                continue;
            }
            assert!(!text.contains("Untitled"), "{text:?}");
            assert_clean(&text);
            assert!(text.ends_with(['.', '”']), "{text:?}");
        }
    }
}

#[test]
fn notes_follow_cites_and_sources_follow_the_style() {
    let a = doc(
        "a",
        Metadata {
            title: some("The Zeta Report"),
            ..Default::default()
        },
    );
    let b = doc(
        "b",
        Metadata {
            title: some("Alpha"),
            author: some("Mudie, Luisetta"),
            ..Default::default()
        },
    );
    let c = doc(
        "c",
        Metadata {
            title: some("Beta"),
            author: some("Huang Liling"),
            ..Default::default()
        },
    );
    let e = doc(
        "e",
        Metadata {
            title: some("An Ordinary Day"),
            outlet: some("Radio Free Asia"),
            ..Default::default()
        },
    );
    let cited = chicago().cite(&whole(&[&a, &b, &a, &c, &b, &e]));
    let notes: Vec<String> = cited.notes.iter().map(Rich::plain).collect();
    assert_eq!(
        notes,
        [
            "“The Zeta Report.”",
            "Luisetta Mudie, “Alpha.”",
            "“Zeta Report.”",
            "Huang Liling, “Beta.”",
            "Mudie, “Alpha.”",
            "“An Ordinary Day,” Radio Free Asia.",
        ]
    );
    // Chicago files by author, and an unsigned work by its title without "The"/"An".
    let sources: Vec<(&str, String)> = cited
        .sources
        .iter()
        .map(|(id, r)| (id.as_str(), r.plain()))
        .collect();
    assert_eq!(
        sources,
        [
            ("c", "Huang Liling. “Beta.”".to_string()),
            ("b", "Mudie, Luisetta. “Alpha.”".to_string()),
            ("e", "“An Ordinary Day.” Radio Free Asia.".to_string()),
            ("a", "“The Zeta Report.”".to_string()),
        ]
    );
    assert_eq!(chicago().cite(&[]), Cited::default());

    // `order` lists the same ids in the same order without formatting notes.
    let citer = chicago();
    let cites = whole(&[&a, &b, &a, &c, &b, &e]);
    let ids: Vec<&str> = cited.sources.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(citer.order(&cites), ids);
    assert_eq!(citer.order(&[]), Vec::<String>::new());
}

#[test]
fn a_repeated_request_is_rendered_once_with_the_same_result() {
    let d = mass_exodus(date("2024-12"));
    let other = doc(
        "other",
        Metadata {
            title: some("Beta"),
            author: some("Huang Liling"),
            ..Default::default()
        },
    );
    let citer = chicago();
    let first = citer.cite(&whole(&[&d, &other, &d]));
    let renders = citer.memo.len();
    assert!(renders > 0);
    // The second audience of a spec asks for the same: nothing new is rendered.
    let again = citer.cite(&whole(&[&d, &other, &d]));
    assert_eq!(again, first);
    assert_eq!(citer.memo.len(), renders);
    assert_eq!(again, chicago().cite(&whole(&[&d, &other, &d])));
    // A document cited again is the same entry to the style: its second
    // note is the short form, as without the memo.
    assert!(first.notes[2].plain().len() < first.notes[0].plain().len());
    // Another request with the same documents reuses the bibliography and
    // short forms, and renders only its own notes.
    citer.cite(&whole(&[&other, &d]));
    assert!(citer.memo.len() > renders);
}

#[test]
fn output_is_deterministic() {
    let d = mass_exodus(date("2024-12"));
    let citer = chicago();
    assert_eq!(citer.cite(&whole(&[&d, &d])), citer.cite(&whole(&[&d, &d])));
    assert_eq!(citer.cite(&whole(&[&d])), chicago().cite(&whole(&[&d])));
}

#[test]
fn only_note_styles_are_accepted() {
    let err = Citer::new("chicago-note").unwrap_err();
    assert_eq!(
        err,
        "unknown citation style `chicago-note`; did you mean `chicago-notes`?"
    );
    let err = Citer::new("apa").unwrap_err();
    assert!(err.starts_with("citation style `apa` puts citations in the text, but footnotes need a note style; note styles are: "), "{err}");
    assert!(err.contains("chicago-notes"), "{err}");
    let err = Citer::new("nonsense").unwrap_err();
    assert!(
        err.starts_with("unknown citation style `nonsense`; note styles are: "),
        "{err}"
    );

    let styles = Citer::note_styles();
    assert!(styles.contains(&"chicago-notes"), "{styles:?}");
    assert!(
        !styles.contains(&"apa") && !styles.contains(&"ieee"),
        "{styles:?}"
    );
    // Every note style gives a note per cite and a source per document, and
    // none shows the unsigned placeholder.
    let unsigned = [
        doc(
            "x",
            Metadata {
                title: some("Piece"),
                ..Default::default()
            },
        ),
        doc(
            "y",
            Metadata {
                title: some("Other"),
                translator: some("Luisetta Mudie"),
                ..Default::default()
            },
        ),
    ];
    for name in styles {
        let cited =
            Citer::new(name)
                .unwrap()
                .cite(&whole(&[&unsigned[0], &unsigned[1], &unsigned[0]]));
        assert_eq!(cited.notes.len(), 3, "{name}");
        assert_eq!(cited.sources.len(), 2, "{name}");
        let texts = cited
            .notes
            .iter()
            .chain(cited.sources.iter().map(|(_, r)| r));
        for text in texts.map(Rich::plain) {
            // (GB/T 7714 cites a repeat as "同1.", "same as note 1".)
            assert!(text.chars().any(char::is_alphanumeric), "{name}: {text}");
            assert!(
                !text.contains('\u{E000}') && !text.contains("unsigned"),
                "{name}: {text}"
            );
        }
    }
}

#[test]
fn another_note_style() {
    let citer = Citer::new("modern-humanities-research-association-notes").unwrap();
    let url = "https://www.voachinese.com/a/china-mass-exodus-the-number-of-asylum-seekers-surpasses-one-million/7932829.html";
    let title = "Mass Exodus? ---Under Xi Jinping, the number of Chinese seeking asylum abroad has nearly reached 1.16 million";
    let original = format!(
        "Originally published as ‘大逃亡?习近平任内中国寻求海外庇护人数直逼116万人’, Voice of America, 20 December 2024 <{url}>."
    );
    let f = forms(&citer, &mass_exodus(date("2024-12-20")));
    assert_eq!(
        plain3(&f),
        [
            format!(
                "Huang Liling, ‘{title}’, trans. by China Thought Express editorial team. {original}"
            ),
            "Huang, ‘Mass Exodus?’".to_string(),
            format!(
                "Huang Liling, ‘{title}’, trans. by China Thought Express editorial team. {original}"
            ),
        ]
    );
    assert_eq!(italics(&f.0), ["Voice of America"]);
}
/// Turabian (Chicago 17th) prints "———" for an author repeated in the
/// bibliography: two unsigned documents must not count as one author's.
#[test]
fn unsigned_documents_are_not_one_author() {
    let docs = [
        doc(
            "x",
            Metadata {
                title: some("Piece"),
                ..Default::default()
            },
        ),
        doc(
            "y",
            Metadata {
                title: some("Other"),
                ..Default::default()
            },
        ),
        doc(
            "z",
            Metadata {
                title: some("Third"),
                author: some("Huang Liling"),
                ..Default::default()
            },
        ),
        doc(
            "w",
            Metadata {
                title: some("Fourth"),
                author: some("Huang Liling"),
                ..Default::default()
            },
        ),
    ];
    let cited = Citer::new("turabian-fullnote-8")
        .unwrap()
        .cite(&whole(&docs.iter().collect::<Vec<_>>()));
    let sources: Vec<String> = cited.sources.iter().map(|(_, r)| r.plain()).collect();
    assert_eq!(
        sources,
        [
            "Huang Liling. “Fourth.”",
            "———. “Third.”",
            "“Other.”",
            "“Piece.”"
        ]
    );
}

/// Hand-set examples in the form CMOS 18 gives them (14.89 for a news
/// article; 13.32 for short notes; 8.14–8.15 for names kept family-first).
#[test]
fn notes_match_hand_set_chicago_examples() {
    let url = "https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html";
    let d = doc(
        "snap",
        Metadata {
            title: some("Snap Makes a Bet on the Cultural Supremacy of the Camera"),
            author: some("Farhad Manjoo"),
            outlet: some("New York Times"),
            published: date("2017-03-08"),
            url: some(url),
            ..Default::default()
        },
    );
    let f = forms(&chicago(), &d);
    assert_eq!(
        plain3(&f),
        [
            format!(
                "Farhad Manjoo, “Snap Makes a Bet on the Cultural Supremacy of the Camera,” New York Times, March 8, 2017, {url}."
            ),
            "Manjoo, “Snap Makes a Bet.”".to_string(),
            format!(
                "Manjoo, Farhad. “Snap Makes a Bet on the Cultural Supremacy of the Camera.” New York Times, March 8, 2017. {url}."
            ),
        ]
    );

    // A locator follows the title; a range makes the label plural.
    let at = |first, last| Cite {
        doc: &d,
        at: Some(Paragraphs { first, last }),
    };
    let cited = chicago().cite(&[at(3, 3), at(14, 14), at(3, 4)]);
    let notes: Vec<String> = cited.notes.iter().map(Rich::plain).collect();
    assert_eq!(
        notes,
        [
            format!(
                "Farhad Manjoo, “Snap Makes a Bet on the Cultural Supremacy of the Camera,” New York Times, March 8, 2017, para. 3, {url}."
            ),
            "Manjoo, “Snap Makes a Bet,” para. 14.".to_string(),
            "Manjoo, “Snap Makes a Bet,” paras. 3–4.".to_string(),
        ]
    );

    // A romanised Chinese name is family-first and never inverted; a Western
    // one is inverted in the bibliography and filed under the family name.
    let zhang = doc(
        "zhang",
        Metadata {
            title: some("Leaving Home: Migrants at the Border"),
            author: some("Zhang Wei"),
            outlet: some("Radio Free Asia"),
            ..Default::default()
        },
    );
    let adams = doc(
        "adams",
        Metadata {
            title: some("Crossing"),
            author: some("Jon Adams"),
            ..Default::default()
        },
    );
    let cited = chicago().cite(&whole(&[&zhang, &adams, &zhang]));
    let notes: Vec<String> = cited.notes.iter().map(Rich::plain).collect();
    assert_eq!(notes[2], "Zhang, “Leaving Home.”");
    let sources: Vec<String> = cited.sources.iter().map(|(_, r)| r.plain()).collect();
    assert_eq!(
        sources,
        [
            "Adams, Jon. “Crossing.”",
            "Zhang Wei. “Leaving Home: Migrants at the Border.” Radio Free Asia.",
        ]
    );
}

/// A title the analyst supplied describes the source and is printed in
/// plain roman, without quotation marks (CMOS 18, 14.71).
#[test]
fn supplied_titles_are_not_quoted() {
    let d = doc(
        "essay",
        Metadata {
            title: some("Essay on low-income Chinese citizens leaving China"),
            title_supplied: true,
            ..Default::default()
        },
    );
    let f = forms(&chicago(), &d);
    assert_eq!(
        plain3(&f),
        [
            "Essay on low-income Chinese citizens leaving China.",
            "Essay on low-income Chinese.",
            "Essay on low-income Chinese citizens leaving China.",
        ]
    );
}

/// "Ibid." only when asked for, only right after a note citing the same
/// source, and with the new locator when it differs.
#[test]
fn ibid_when_asked_for() {
    let d = mass_exodus(None);
    let e = doc(
        "e",
        Metadata {
            title: some("Crossing"),
            ..Default::default()
        },
    );
    let at = |doc, n| Cite {
        doc,
        at: Some(Paragraphs::one(n)),
    };
    let cites = [at(&d, 3), at(&d, 3), at(&d, 14), at(&e, 2), at(&d, 14)];
    let plain =
        |c: Citer| -> Vec<String> { c.cite(&cites).notes.iter().map(Rich::plain).collect() };
    let with = plain(chicago().with_ibid(true));
    assert!(
        with[0].starts_with("Huang Liling, “Mass Exodus?"),
        "{}",
        with[0]
    );
    assert_eq!(
        with[1..],
        [
            "Ibid.",
            "Ibid., para. 14.",
            "“Crossing,” para. 2.",
            "Huang, “Mass Exodus?” para. 14.",
        ]
    );
    let without = plain(chicago());
    assert_eq!(without[1], "Huang, “Mass Exodus?” para. 3.");
    assert!(without.iter().all(|n| !n.contains("Ibid")));
}

/// A citer keeping its notes in `store`.
fn stored(store: &Arc<CiteStore>, ibid: bool) -> Citer {
    chicago()
        .with_ibid(ibid)
        .with_store(Some(Arc::clone(store)))
}

#[test]
fn notes_kept_in_the_store_are_the_notes_hayagriva_makes() {
    let a = mass_exodus(date("2025-01-10"));
    let cites = vec![
        Cite {
            doc: &a,
            at: Some(Paragraphs::one(3)),
        },
        Cite { doc: &a, at: None },
    ];
    let afresh = chicago().cite(&cites);
    let first = Arc::new(CiteStore::read(None));
    assert_eq!(stored(&first, false).cite(&cites), afresh);
    let bytes = first
        .update()
        .expect("a note was made: the store is written");

    // The next run takes it from the store; nothing new, nothing to write.
    let second = Arc::new(CiteStore::read(Some(&bytes)));
    assert_eq!(stored(&second, false).cite(&cites), afresh);
    assert!(second.update().is_none());
}

#[test]
fn the_store_is_keyed_by_every_input_of_a_note() {
    let a = mass_exodus(date("2025-01-10"));
    let mut retitled = a.clone();
    retitled.meta.title = some("Another title");
    let at = |doc, n| {
        vec![
            Cite {
                doc,
                at: Some(Paragraphs::one(n)),
            },
            Cite { doc, at: None },
        ]
    };
    let key = |cites: &[Cite], ibid| store::key(DEFAULT_STYLE, ibid, cites);
    let base = key(&at(&a, 3), false);
    assert_eq!(base, key(&at(&a, 3), false));
    assert_ne!(base, key(&at(&a, 4), false), "locator");
    assert_ne!(base, key(&at(&retitled, 3), false), "metadata");
    assert_ne!(base, key(&at(&a, 3), true), "ibid");
    assert_ne!(
        base,
        store::key("modern-humanities-research-association", false, &at(&a, 3))
    );

    // A document whose metadata changed is cited afresh, not from the store.
    let store = Arc::new(CiteStore::read(None));
    let before = stored(&store, false).cite(&at(&a, 3));
    let after = stored(&store, false).cite(&at(&retitled, 3));
    assert_ne!(before, after);
    assert!(after.notes[0].plain().contains("Another title"));
}

#[test]
fn bytes_that_are_no_store_of_this_program_are_ignored() {
    let a = mass_exodus(None);
    let cites = whole(&[&a]);
    for junk in [&b""[..], b"\xff\xfe", b"\xa2"] {
        let store = Arc::new(CiteStore::read(Some(junk)));
        assert_eq!(stored(&store, false).cite(&cites), chicago().cite(&cites));
    }
}

//! Rendering a document: its front matter and its body.

use std::fmt::Write as _;

use super::bank::{BANK, Template};
use super::data::{Kind, OUTLETS, TAGS, ZH_OUTLETS};
use super::rng::Rng;
use super::vary::{Ctx, DRAWS, NewName};
use brief::extract::text;

#[derive(Debug, Clone, Copy)]
pub(super) struct Date {
    pub(super) year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// Any day from 2022 to 2025, the span the shipped articles cover.
    pub(super) fn random(rng: &mut Rng) -> Date {
        let year = 2022 + rng.below(4) as i32;
        let month = 1 + rng.below(12) as u32;
        let days = match month {
            2 if year % 4 == 0 => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        let day = 1 + rng.below(days) as u32;
        Date { year, month, day }
    }
}

/// Writes the front matter and returns the author, whom the body may credit.
pub(super) fn front_matter(
    out: &mut String,
    id: &str,
    index: usize,
    zh: bool,
    date: Date,
    ctx: &mut Ctx,
) -> Option<String> {
    let bank = &*BANK;
    out.push_str("---\n");
    // Most files state their id; the rest fall back to the file stem.
    if ctx.rng.chance(0.7) {
        let _ = writeln!(out, "id: {id}");
    }
    let titles = if zh { &bank.zh_titles } else { &bank.titles };
    let mut title = String::new();
    let template = ctx.rng.pick(titles);
    ctx.render(template, &mut title);
    if ctx.rng.chance(0.95) {
        out.push_str("title: ");
        push_yaml_string(out, &title);
        out.push('\n');
    }
    let (outlet, domain) = *ctx.rng.pick(if zh { ZH_OUTLETS } else { OUTLETS });
    if ctx.rng.chance(0.9) {
        out.push_str("outlet: ");
        push_yaml_string(out, outlet);
        out.push('\n');
    }
    let author = ctx.rng.chance(0.7).then(|| {
        let kind = person_kind(&mut ctx.rng, zh);
        let name = NewName::draw(&mut ctx.rng, kind);
        if zh { name.cjk } else { name.full }
    });
    if let Some(author) = &author {
        out.push_str("author: ");
        push_yaml_string(out, author);
        out.push('\n');
    }
    let translated = !zh && ctx.rng.chance(0.05);
    if translated {
        let name = NewName::draw(&mut ctx.rng, Kind::Western);
        out.push_str("translator: ");
        push_yaml_string(out, &name.full);
        out.push('\n');
    }
    if ctx.rng.chance(0.05) {
        let name = NewName::draw(&mut ctx.rng, Kind::Western);
        out.push_str("editor: ");
        push_yaml_string(out, &name.full);
        out.push('\n');
    }
    match ctx.rng.below(100) {
        0..7 => {}
        7..13 => {
            let _ = writeln!(out, "published: {}", date.year);
        }
        13..27 => {
            let _ = writeln!(out, "published: {}-{:02}", date.year, date.month);
        }
        _ => {
            let _ = writeln!(
                out,
                "published: {}-{:02}-{:02}",
                date.year, date.month, date.day
            );
        }
    }
    if ctx.rng.chance(0.8) {
        let slug = match text::slug(&title, 8) {
            s if s.is_empty() => "article".to_string(),
            s => s,
        };
        let url = format!(
            "https://www.{domain}/{}/{:02}/{slug}-{}.html",
            date.year,
            date.month,
            index + 1
        );
        out.push_str("url: ");
        push_yaml_string(out, &url);
        out.push('\n');
    }
    if ctx.rng.chance(0.85) {
        let _ = writeln!(out, "language: {}", if zh { "zh" } else { "en" });
    }
    if ctx.rng.chance(0.85) {
        let count = 1 + ctx.rng.index(5);
        let mut tags: Vec<&str> = Vec::with_capacity(count);
        while tags.len() < count {
            let tag = *ctx.rng.pick(TAGS);
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let _ = writeln!(out, "tags: [{}]", tags.join(", "));
    }
    if translated && ctx.rng.chance(0.5) {
        let (outlet, _) = *ctx.rng.pick(ZH_OUTLETS);
        out.push_str("original:\n  outlet: ");
        push_yaml_string(out, outlet);
        out.push_str("\n  language: zh\n");
    }
    out.push_str("---\n");
    author
}

fn person_kind(rng: &mut Rng, zh: bool) -> Kind {
    if zh || rng.chance(0.6) {
        Kind::Chinese
    } else {
        Kind::Western
    }
}

/// A double-quoted YAML scalar: titles hold colons, quotes and `---`.
fn push_yaml_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// What a body is assembled from: whole source paragraphs (which keep
/// multi-paragraph quotation patterns), runs of sentences, and headings.
pub(super) struct Body<'a> {
    pub(super) paragraphs: &'a [Template],
    pub(super) sentences: &'a [Template],
    pub(super) headings: &'a [Template],
    /// Between sentences: a space in English, nothing in Chinese.
    pub(super) joiner: &'a str,
}

/// Adds paragraphs until the file reaches `goal` bytes, never passing `limit`
/// (a paragraph that would is replaced by a single sentence, or dropped).
pub(super) fn write_body(
    out: &mut String,
    body: &Body,
    ctx: &mut Ctx,
    goal: usize,
    limit: usize,
    author: Option<&str>,
) {
    match ctx.rng.below(10) {
        0 => out.push_str("Share\n\n"),
        1 | 2 if body.joiner == " " => {
            if let Some(author) = author {
                let _ = write!(out, "By {author}\n\n");
            }
        }
        _ => {}
    }
    let mut until_heading = 1 + ctx.rng.index(3);
    let mut wrote_paragraph = false;
    let mut paragraph = String::new();
    loop {
        if wrote_paragraph && out.len() >= goal {
            break;
        }
        let mut heading_at = None;
        if until_heading == 0 && goal.saturating_sub(out.len()) > 800 {
            heading_at = Some(out.len());
            out.push_str("## ");
            let heading = ctx.pick_heading(body.headings);
            ctx.render(&body.headings[heading], out);
            out.push_str("\n\n");
            until_heading = 2 + ctx.rng.index(3);
        }
        // A paragraph that would take the file further past the goal than it
        // is short of it is replaced by a sentence that fits, if one turns up:
        // sizes then centre on the goal instead of landing above it.
        let too_far = |p: &str| out.len() + p.len() + 2 > limit || out.len() + p.len() / 2 > goal;
        paragraph.clear();
        write_paragraph(&mut paragraph, body, ctx);
        let mut draws = 0;
        while wrote_paragraph && too_far(&paragraph) && draws < DRAWS {
            paragraph.clear();
            let sentence = ctx.pick_sentence(body.sentences, None);
            ctx.render(&body.sentences[sentence], &mut paragraph);
            draws += 1;
        }
        if wrote_paragraph && too_far(&paragraph) {
            if let Some(at) = heading_at {
                out.truncate(at);
            }
            break;
        }
        out.push_str(&paragraph);
        out.push_str("\n\n");
        wrote_paragraph = true;
        until_heading = until_heading.saturating_sub(1);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
}

fn write_paragraph(out: &mut String, body: &Body, ctx: &mut Ctx) {
    if !body.paragraphs.is_empty() && ctx.rng.chance(0.5) {
        let k = ctx.pick_paragraph(body.paragraphs);
        ctx.render(&body.paragraphs[k], out);
        return;
    }
    let count = 2 + ctx.rng.index(4);
    // Half the time a run of neighbouring sentences, which keeps a quote next
    // to the sentence that says who spoke it; otherwise a free mix.
    let consecutive = ctx.rng.chance(0.5);
    let mut at = None;
    for k in 0..count {
        if k > 0 {
            out.push_str(body.joiner);
        }
        let preferred = at
            .filter(|_| consecutive)
            .map(|a: usize| (a + 1) % body.sentences.len());
        let sentence = ctx.pick_sentence(body.sentences, preferred);
        ctx.render(&body.sentences[sentence], out);
        at = Some(sentence);
    }
}

//! The HTML page (`--format html`), read back by real clients: pandoc
//! parses it, and the structure a screen reader and a browser rely on is
//! checked in the markup itself (one `h1`, notes linked both ways, CJK runs
//! with their language, nothing fetched from outside). Chromium and axe-core
//! check it as a browser does (`html_in_a_browser`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use crate::common::{brief, fixture, pandoc_elements, pandoc_json, project, repo, text};

/// The shipped project, built as Markdown and HTML.
fn shipped_pages() -> (tempfile::TempDir, Vec<std::path::PathBuf>) {
    let dir = project(&[
        (&repo().join("briefs"), "briefs"),
        (&repo().join("corpus"), "corpus"),
        (&repo().join("templates"), "templates"),
    ]);
    let out = brief(dir.path(), &["build", "--format", "md,html"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mut pages: Vec<_> = walk(&dir.path().join("out"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    (dir, pages)
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The values of `attribute="…"` in `html`.
fn attributes<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// The page's text outside tags, without the inline SVG (its text is the
/// picture's, named by its title) and without runs marked with a language.
fn unmarked_text(html: &str) -> String {
    let mut s = html.to_string();
    while let Some(start) = s.find("<svg") {
        let end = s[start..].find("</svg>").unwrap() + start + "</svg>".len();
        s.replace_range(start..end, "");
    }
    for lang in ["zh", "ja", "ko"] {
        let open = format!("<span lang=\"{lang}\">");
        while let Some(start) = s.find(&open) {
            let end = s[start..].find("</span>").unwrap() + start + "</span>".len();
            s.replace_range(start..end, "");
        }
    }
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF)
}

#[test]
fn shipped_pages_are_accessible_self_contained_and_linked() {
    let (_dir, pages) = shipped_pages();
    assert_eq!(pages.len(), 4, "{pages:?}");
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        let name = page.display();
        assert!(html.starts_with("<!DOCTYPE html>"), "{name}");
        assert!(html.contains("<html lang=\"en\">"), "{name}");
        assert_eq!(html.matches("<h1").count(), 1, "{name}");
        for landmark in ["<header>", "<main id=\"content\">", "<footer>"] {
            assert_eq!(html.matches(landmark).count(), 1, "{landmark} in {name}");
        }
        // Headings never skip a level: h1, then h2, prose below at h3+.
        let mut last = 1;
        for (i, _) in html.match_indices("<h") {
            let level = html.as_bytes()[i + 2];
            if level.is_ascii_digit() {
                let level = level - b'0';
                assert!(level <= last + 1, "h{level} after h{last} in {name}");
                last = level;
            }
        }
        // Nothing is fetched: no scripts, styles, fonts, frames or images from outside.
        for fetch in [
            "<script", "<link", "<img", "<iframe", "<object", " src=", "url(", "@import",
        ] {
            assert!(!html.contains(fetch), "{fetch} in {name}");
        }
        // Every link within the page lands on an id; ids are unique.
        let ids: Vec<&str> = attributes(&html, "id");
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(ids.len(), unique.len(), "duplicate ids in {name}");
        for href in attributes(&html, "href") {
            if let Some(target) = href.strip_prefix('#') {
                assert!(unique.contains(target), "#{target} has no target in {name}");
            } else {
                assert!(
                    href.starts_with("https://") || href.starts_with("http://"),
                    "{href} in {name}"
                );
            }
        }
        // Every note is used and links back to each of its uses.
        let notes: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|id| id.starts_with("fn") && !id.starts_with("fnref"))
            .collect();
        let refs = html.matches("class=\"footnote-ref\"").count();
        let backs = html.matches("role=\"doc-backlink\"").count();
        assert!(notes.len() > 5, "{name}");
        assert_eq!(refs, backs, "{name}");
        for note in &notes {
            assert!(
                html.contains(&format!("href=\"#{note}\"")),
                "{note} unused in {name}"
            );
        }
        // The same notes as the Markdown of the same output.
        let markdown = std::fs::read_to_string(page.with_extension("md")).unwrap();
        let definitions = markdown.lines().filter(|l| l.starts_with("[^")).count();
        assert_eq!(notes.len(), definitions, "{name}");
        // Every Chinese character a reader meets is in a run marked with its language.
        let unmarked = unmarked_text(&html);
        assert!(
            !unmarked.chars().any(is_cjk),
            "CJK without lang in {name}: {unmarked}"
        );
        // Tables have a caption and header cells.
        assert_eq!(
            html.matches("<table").count(),
            html.matches("<caption>").count(),
            "{name}"
        );
        assert_eq!(
            html.matches("<table").count(),
            html.matches("<thead>").count(),
            "{name}"
        );
        // A quote names its speaker in a figcaption beside the block quote.
        assert_eq!(
            html.matches("<blockquote").count(),
            html.matches("<figcaption>").count() - html.matches("<figure class=\"chart\"").count(),
            "{name}"
        );

        // pandoc reads the page: one title heading, every block quote, and
        // every note mark a link to a note it finds in the notes list.
        let json = pandoc_json(page, "html");
        let mut headers = Vec::new();
        pandoc_elements(&json, "Header", &mut headers);
        assert_eq!(
            headers.iter().filter(|h| h["c"][0] == 1).count(),
            1,
            "{name}"
        );
        let mut quotes = Vec::new();
        pandoc_elements(&json, "BlockQuote", &mut quotes);
        assert_eq!(quotes.len(), html.matches("<blockquote").count(), "{name}");
        let mut links = Vec::new();
        pandoc_elements(&json, "Link", &mut links);
        let marks: Vec<&str> = links
            .iter()
            .filter(|l| l["c"][0][2].to_string().contains("doc-noteref"))
            .map(|l| l["c"][2][0].as_str().unwrap())
            .collect();
        assert_eq!(marks.len(), refs, "{name}");
        let mut divs = Vec::new();
        pandoc_elements(&json, "Div", &mut divs);
        let note_divs: BTreeSet<String> = divs
            .iter()
            .filter_map(|d| d["c"][0][0].as_str())
            .filter(|id| id.starts_with("fn"))
            .map(|id| format!("#{id}"))
            .collect();
        assert_eq!(note_divs.len(), notes.len(), "{name}");
        for mark in marks {
            assert!(
                note_divs.contains(mark),
                "{mark} not a note pandoc found in {name}"
            );
        }
    }
}

#[test]
fn hostile_text_comes_out_literal_in_html() {
    let dir = fixture("hostile");
    let out = brief(dir.path(), &["build", "--format", "html"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let page = dir.path().join("out/hostile/all.html");
    let html = std::fs::read_to_string(&page).unwrap();
    // Only the page's own markup: none of the corpus's or spec's tags, no
    // script, no link to anywhere but the source's address and the notes.
    for tag in [
        "<b>",
        "<i>",
        "<em>one",
        "<script",
        "<div>html",
        "javascript:",
    ] {
        assert!(!html.contains(tag), "{tag} in\n{html}");
    }
    for href in attributes(&html, "href") {
        assert!(
            href.starts_with('#') || href == "https://evil.example/a?b=c&amp;d=e",
            "{href}"
        );
    }
    // No Markdown written as a page; everything typed is there as typed.
    let plain = crate::common::pandoc_plain(&page, "html");
    for literal in crate::common::HOSTILE_TYPED {
        assert!(plain.contains(literal), "missing {literal:?} in\n{plain}");
    }
    let json = pandoc_json(&page, "html");
    let mut raw = Vec::new();
    pandoc_elements(&json, "RawInline", &mut raw);
    pandoc_elements(&json, "RawBlock", &mut raw);
    pandoc_elements(&json, "Image", &mut raw);
    assert!(raw.is_empty(), "{raw:?}");
    let mut headers = Vec::new();
    pandoc_elements(&json, "Header", &mut headers);
    // Title, the section, Sources, Notes.
    assert_eq!(headers.len(), 4, "{headers:?}");
}

/// A project whose spec renders the selector fixture's documents.
fn small_project(template: Option<&str>) -> tempfile::TempDir {
    let dir = project(&[(&repo().join("tests/fixtures/selectors/corpus"), "corpus")]);
    crate::common::write_spec(
        dir.path(),
        "title: Small <T>\ndate: 2024-06-30\nsections:\n  - id: s\n    title: S\n    blocks:\n      - text: Hi.\n",
    );
    if let Some(template) = template {
        std::fs::create_dir_all(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join("templates/brief.html"), template).unwrap();
    }
    dir
}

#[test]
fn a_project_template_restyles_the_page_and_still_escapes() {
    let dir = small_project(Some(
        "<!DOCTYPE html><html lang=\"{{ lang }}\"><title>{{ title_text }}</title><h1 class=\"house\">{{ title }}</h1>{% for s in sections %}<h2>{{ s.title }}</h2>{% endfor %}</html>\n",
    ));
    let out = brief(dir.path(), &["build", "--format", "html"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let html = std::fs::read_to_string(dir.path().join("out/t/brief.html")).unwrap();
    assert_eq!(
        html,
        "<!DOCTYPE html><html lang=\"en\"><title>Small &lt;T&gt;</title><h1 class=\"house\">Small &lt;T&gt;</h1><h2>S</h2></html>"
    );
}

#[test]
fn a_broken_template_is_an_error_at_its_line_and_keeps_the_last_page() {
    let dir = small_project(None);
    let out = brief(dir.path(), &["build", "--format", "html"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let page = dir.path().join("out/t/brief.html");
    let good = std::fs::read(&page).unwrap();

    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/brief.html"),
        "<html>\n<h1>{{ title }}</h1>\n{% for s in sections %}\n<p>{{ s.nope }}</p>\n{% endfor %}\n",
    )
    .unwrap();
    let out = brief(dir.path(), &["build", "--format", "html"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("templates/brief.html:4:1"), "{stderr}");
    assert!(stderr.contains("page template"), "{stderr}");
    assert_eq!(std::fs::read(&page).unwrap(), good);

    std::fs::write(dir.path().join("templates/brief.html"), "{% for x in y %}").unwrap();
    let out = brief(dir.path(), &["build", "--format", "html"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("templates/brief.html:1:1"), "{stderr}");
    assert_eq!(std::fs::read(&page).unwrap(), good);
}

#[test]
fn a_template_that_loops_forever_is_stopped() {
    let dir = small_project(Some(
        "{% for a in range(100000) %}{% for b in range(100000) %}.{% endfor %}{% endfor %}",
    ));
    let out = brief(dir.path(), &["build", "--format", "html"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("page template"), "{stderr}");
    assert!(!dir.path().join("out/t/brief.html").exists());
}

#[cfg(unix)]
#[test]
fn a_linked_template_is_refused() {
    let dir = small_project(None);
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.html"), "{{ title }} SECRET").unwrap();
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.html"),
        dir.path().join("templates/brief.html"),
    )
    .unwrap();
    let out = brief(dir.path(), &["build", "--format", "html"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("not a regular file"), "{stderr}");
    assert!(!dir.path().join("out/t/brief.html").exists());
}

#[test]
fn the_format_list_selects_what_is_written_and_cleans_up_the_rest() {
    let dir = small_project(None);
    let out = brief(dir.path(), &["build", "--format", "md,html"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let files: BTreeMap<String, Vec<u8>> = crate::common::files_under(&dir.path().join("out/t"));
    assert_eq!(files.keys().collect::<Vec<_>>(), ["brief.html", "brief.md"]);
    // Asking for other formats rebuilds, and the page no longer built goes.
    let out = brief(dir.path(), &["build", "--format", "md"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let files = crate::common::files_under(&dir.path().join("out/t"));
    assert_eq!(files.keys().collect::<Vec<_>>(), ["brief.md"]);
    let out = brief(dir.path(), &["build", "--format", "pdf,html", "--no-pdf"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

/// axe-core's script: `BRIEF_AXE_CORE`, else where `.ci/run` puts it.
fn axe_core() -> std::path::PathBuf {
    std::env::var_os("BRIEF_AXE_CORE")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| repo().join("target/axe/package/axe.min.js"))
}

/// Debian's Chromium, headless, as every test here runs it.
fn chromium() -> Command {
    let mut command = Command::new("chromium");
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
    ]);
    command
}

/// Loads `page` in headless Chromium at `width` CSS pixels and returns the
/// DOM after its scripts ran (`--virtual-time-budget` lets axe's promise
/// settle before the dump).
fn chromium_dom(page: &Path, width: u32) -> String {
    let out = chromium()
        .args([
            "--virtual-time-budget=30000",
            &format!("--window-size={width},900"),
            "--dump-dom",
        ])
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium is installed (.ci/run installs it)");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn html_in_a_browser() {
    let axe = std::fs::read_to_string(axe_core()).unwrap_or_else(|e| {
        panic!(
            "axe-core at {} ({e}): .ci/run fetches it from npm",
            axe_core().display()
        )
    });
    let (dir, pages) = shipped_pages();
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        // A copy with axe and a probe added; the page itself holds no script.
        let probe = format!(
            "<script>{axe}</script><script>\
             axe.run(document, {{runOnly: {{type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}}}})\
             .then(r => document.body.setAttribute('data-axe', JSON.stringify(r.violations.map(v => [v.id, v.impact, v.nodes.map(n => n.target.join(' ')).slice(0, 3)]))))\
             .catch(e => document.body.setAttribute('data-axe', 'error: ' + e));\
             document.body.setAttribute('data-overflow', String(document.documentElement.scrollWidth - window.innerWidth));\
             </script></body>"
        );
        let tested = dir.path().join("axe.html");
        std::fs::write(&tested, html.replace("</body>", &probe)).unwrap();
        for width in [1000, 360] {
            let dom = chromium_dom(&tested, width);
            let axe_result = dom
                .split("data-axe=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap_or("no result")
                .replace("&quot;", "\"");
            assert_eq!(axe_result, "[]", "axe at {width}px on {}", page.display());
            let overflow = dom
                .split("data-overflow=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .and_then(|s| s.parse::<i64>().ok());
            assert_eq!(
                overflow,
                Some(0),
                "scrolls sideways at {width}px: {}",
                page.display()
            );
        }
        // And the page itself draws: a screenshot of the size asked for.
        let png = dir.path().join("page.png");
        let out = chromium()
            .arg("--window-size=1000,1400")
            .arg(format!("--screenshot={}", png.display()))
            .arg(format!("file://{}", page.display()))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        let bytes = std::fs::read(&png).unwrap();
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let size = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
        assert_eq!((size(16), size(20)), (1000, 1400), "{}", page.display());
        assert!(
            bytes.len() > 20_000,
            "a blank screenshot of {}",
            page.display()
        );
    }
}

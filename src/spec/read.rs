//! Reads a spec's YAML tree into the typed [`Spec`], field by field, so every
//! problem is reported with its position and the rest of the spec is still read.

use chrono::NaiveDate;

use super::decode::{Ctx, Fields, at};
use super::model::*;
use super::yaml::{Node, Value};
use crate::schedule::{Schedule, ScheduleError};
use crate::suggest::hint;
use chrono_tz::Tz;

pub const TOP_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "organisation",
    "author",
    "date",
    "summary",
    "key_points",
    "corpus",
    "citation_style",
    "ibid",
    "template",
    "formats",
    "audiences",
    "sections",
    "schedule",
    "timezone",
    "on_new_data",
    "corrections",
];
const AUDIENCE_KEYS: &[&str] = &[
    "label",
    "note",
    "max_quotes",
    "max_figures",
    "exclude_sections",
];
const SECTION_KEYS: &[&str] = &["id", "title", "audiences", "blocks", "what_changed"];
const BLOCK_KINDS: &[&str] = &["text", "quotes", "figures", "excerpt"];
const BLOCK_KEYS: &[&str] = &[
    "text",
    "quotes",
    "figures",
    "excerpt",
    "as",
    "audiences",
    "title",
    "x_label",
    "y_label",
];
/// Keys of a block that belong to charts only.
const CHART_KEYS: &[&str] = &["title", "x_label", "y_label"];
/// Keys beside a selector's `id` that place it on a chart.
pub const POINT_KEYS: &[&str] = &["label", "value", "measure"];
pub const SELECTOR_KEYS: &[&str] = &[
    "id",
    "doc",
    "speaker",
    "match",
    "tags",
    "published_after",
    "published_before",
    "within",
    "order",
    "limit",
    "allow_empty",
    "label",
    "value",
    "measure",
    "data",
    "column",
];
const EXCERPT_KEYS: &[&str] = &["doc", "section", "paragraphs", "long"];

/// What the spec's top level holds once read; `None` fields were absent or wrong.
#[derive(Debug)]
pub struct Read {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub organisation: Option<String>,
    pub author: Option<String>,
    pub date: At<SpecDate>,
    pub summary: Option<At<String>>,
    pub key_points: Vec<At<String>>,
    pub corpus: Option<At<std::path::PathBuf>>,
    pub citation_style: Option<At<String>>,
    pub ibid: bool,
    pub template: Option<At<String>>,
    pub formats: Vec<At<String>>,
    pub audiences: Vec<Audience>,
    pub sections: Vec<Section>,
    pub schedule: Option<At<Schedule>>,
    pub on_new_data: bool,
    pub corrections: Vec<crate::corpus::corrections::Correction>,
}

pub fn spec(cx: &mut Ctx, root: &Node) -> Option<Read> {
    let fields = cx.fields(root, "the spec", TOP_KEYS)?;
    let title = cx
        .required(&fields, "title", "the spec")
        .and_then(|n| cx.string(n, "title"))
        .map(|s| s.value);
    let text = |cx: &mut Ctx, key: &str| fields.get(key).and_then(|n| cx.string(n, key));
    let subtitle = text(cx, "subtitle").map(|s| s.value);
    let organisation = text(cx, "organisation").map(|s| s.value);
    let author = text(cx, "author").map(|s| s.value);
    let summary = text(cx, "summary");
    let key_points = match fields.get("key_points") {
        Some(n) => {
            let items = cx.list(n);
            items
                .iter()
                .filter_map(|n| cx.string(n, "a key point"))
                .collect()
        }
        None => Vec::new(),
    };
    let corpus = text(cx, "corpus").map(|s| At {
        value: std::path::PathBuf::from(s.value),
        line: s.line,
        column: s.column,
    });
    let citation_style = text(cx, "citation_style");
    let ibid = fields
        .get("ibid")
        .and_then(|n| cx.boolean(n, "ibid"))
        .unwrap_or(false);
    let template = text(cx, "template");
    let formats = fields
        .get("formats")
        .map(|n| formats(cx, n))
        .unwrap_or_default();
    let date = match fields.get("date") {
        Some(n) => date(cx, n).unwrap_or(at(n, SpecDate::Today)),
        None => at(fields.node, SpecDate::Today),
    };
    let audiences = fields
        .get("audiences")
        .map(|n| audiences(cx, n))
        .unwrap_or_default();
    let sections = match cx.required(&fields, "sections", "the spec") {
        Some(n) => sections(cx, n),
        None => Vec::new(),
    };
    let schedule = schedule(cx, &fields);
    let on_new_data = fields
        .get("on_new_data")
        .and_then(|n| cx.boolean(n, "on_new_data"))
        .unwrap_or(false);
    let corrections = fields
        .get("corrections")
        .map(|n| crate::corpus::corrections::read(cx, n, "the spec"))
        .unwrap_or_default();
    check_references(cx, &audiences, &sections);
    Some(Read {
        title,
        subtitle,
        organisation,
        author,
        date,
        summary,
        key_points,
        corpus,
        citation_style,
        ibid,
        template,
        formats,
        audiences,
        sections,
        schedule,
        on_new_data,
        corrections,
    })
}

/// `schedule` and its `timezone`, each error at the value it is about.
/// The output formats the spec asks for, by name: which names exist is the
/// renderers' business, checked when the spec is compiled. An empty list
/// would build nothing and say nothing, so it is refused here.
fn formats(cx: &mut Ctx, node: &Node) -> Vec<At<String>> {
    let names = cx.names(node, "a format");
    if names.is_empty() && matches!(node.value, Value::Seq(_)) {
        cx.error(node, "`formats` lists no format").hints.push(
            "name at least one, e.g. `formats: [md, pdf]`, or leave the key out for Markdown and PDF"
                .into(),
        );
    }
    names
}

fn schedule(cx: &mut Ctx, fields: &Fields) -> Option<At<Schedule>> {
    let tz_node = fields.get("timezone");
    let tz = match tz_node {
        Some(n) => {
            cx.string(n, "timezone")
                .and_then(|name| match crate::schedule::timezone(&name.value) {
                    Ok(tz) => Some(tz),
                    Err(e) => {
                        report(cx, n, "", &e);
                        None
                    }
                })
        }
        None => Some(Tz::UTC),
    };
    let Some(node) = fields.get("schedule") else {
        if let Some(key) = fields.key("timezone") {
            cx.warning_at(
                key.line,
                key.column,
                "timezone has no effect without schedule",
            );
        }
        return None;
    };
    let expr = cx.string(node, "schedule")?;
    // The expression is checked even when the timezone is wrong, so one run
    // reports both.
    let parsed = Schedule::new(&expr.value, tz.unwrap_or(Tz::UTC));
    let schedule = match parsed {
        Ok(s) if s.never_runs() => {
            cx.error(node, format!("schedule: `{}` never runs", s.expr()))
                .hints
                .push("no month it allows has the day of the month it names".into());
            return None;
        }
        Ok(s) => s,
        Err(e) => {
            report(cx, node, "schedule: ", &e);
            return None;
        }
    };
    tz?;
    Some(at(node, schedule))
}

fn report(cx: &mut Ctx, node: &Node, prefix: &str, e: &ScheduleError) {
    let diag = cx.error(node, format!("{prefix}{}", e.problem()));
    diag.hints.extend(e.hint().map(str::to_owned));
}

fn date(cx: &mut Ctx, node: &Node) -> Option<At<SpecDate>> {
    let text = node.scalar_text();
    if text.as_deref() == Some("today") {
        return Some(at(node, SpecDate::Today));
    }
    match text.as_deref().and_then(parse_day) {
        Some(day) => Some(at(node, SpecDate::Fixed(day))),
        None => {
            cx.expected(node, "date", "a date like 2025-06-01, or `today`");
            None
        }
    }
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

fn day(cx: &mut Ctx, node: &Node, what: &str) -> Option<NaiveDate> {
    let parsed = node.scalar_text().as_deref().and_then(parse_day);
    if parsed.is_none() {
        cx.expected(node, what, "a date like 2024-01-31");
    }
    parsed
}

fn audiences(cx: &mut Ctx, node: &Node) -> Vec<Audience> {
    let Value::Map(entries) = &node.value else {
        cx.expected(
            node,
            "audiences",
            "a mapping from audience id to its options",
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (key, value) in entries {
        let Some(id) = cx.name(key, "an audience id") else {
            continue;
        };
        if let Err(reason) = file_id(&id.value) {
            cx.error(key, format!("invalid audience id `{}`: {reason}", id.value))
                .hints
                .push("an audience id names its output file (`out/<spec>/<audience>.md`): use letters, digits, `-`, `_` and `.`".into());
            continue;
        }
        let what = format!("audience `{}`", id.value);
        let Some(fields) = cx.fields(value, &what, AUDIENCE_KEYS) else {
            continue;
        };
        let label = fields
            .get("label")
            .and_then(|n| cx.string(n, "label"))
            .map_or_else(|| id.value.clone(), |s| s.value);
        let note = fields
            .get("note")
            .and_then(|n| cx.string(n, "note"))
            .map(|s| s.value);
        let max_quotes = fields
            .get("max_quotes")
            .and_then(|n| cx.count(n, "max_quotes"));
        let max_figures = fields
            .get("max_figures")
            .and_then(|n| cx.count(n, "max_figures"));
        let exclude_sections = fields
            .get("exclude_sections")
            .map(|n| cx.names(n, "a section id"))
            .unwrap_or_default();
        out.push(Audience {
            id,
            label,
            note,
            max_quotes,
            max_figures,
            exclude_sections,
        });
    }
    out
}

/// The longest audience or section id: each becomes part of a file name,
/// which most file systems cap at 255 bytes.
const MAX_FILE_ID: usize = 100;

/// Why an audience or section id cannot be part of an output file's name,
/// if it cannot. Both follow the rule for document ids, so `../../x` or
/// `/etc/x` can never lead an output out of its directory, and a chart's
/// `charts/<audience>/<section>-<n>.svg` is a name no other chart can have:
/// `/` cannot occur in an id, and `-<n>` is read from the end.
fn file_id(id: &str) -> Result<(), String> {
    crate::corpus::validate_id(id)?;
    if id.len() > MAX_FILE_ID {
        return Err(format!(
            "it is {} characters long, more than {MAX_FILE_ID}",
            id.len()
        ));
    }
    Ok(())
}

fn sections(cx: &mut Ctx, node: &Node) -> Vec<Section> {
    let Value::Seq(items) = &node.value else {
        cx.expected(node, "sections", "a list of sections");
        return Vec::new();
    };
    if items.is_empty() {
        cx.error(node, "sections: a brief needs at least one section");
    }
    one_what_changed(cx, items);
    items.iter().filter_map(|n| section(cx, n)).collect()
}

/// A brief has one account of what changed; a second is an error at its key.
/// Read from the nodes, so a first section with other errors still counts.
fn one_what_changed(cx: &mut Ctx, items: &[Node]) {
    let mut first: Option<Option<String>> = None;
    for item in items {
        let Value::Map(entries) = &item.value else {
            continue;
        };
        let get = |name: &str| {
            entries
                .iter()
                .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == name))
        };
        let Some((key, value)) = get("what_changed") else {
            continue;
        };
        if value.value != Value::Bool(true) {
            continue;
        }
        let Some(first_id) = &first else {
            first = Some(get("id").and_then(|(_, id)| id.scalar_text()));
            continue;
        };
        let diag = cx.error(key, "only one section can have `what_changed: true`");
        if let Some(id) = first_id {
            diag.hints.push(format!("section `{id}` already has it"));
        }
    }
}

fn section(cx: &mut Ctx, node: &Node) -> Option<Section> {
    let fields = cx.fields(node, "a section", SECTION_KEYS)?;
    let id = cx
        .required(&fields, "id", "a section")
        .and_then(|n| cx.name(n, "section id"));
    // A bad id is reported but kept, so the audiences that exclude the
    // section do not also report it as unknown.
    if let Some(id) = &id
        && let Err(reason) = file_id(&id.value)
    {
        cx.error_at(
            id.line,
            id.column,
            format!("invalid section id `{}`: {reason}", id.value),
        )
        .hints
        .push("a section id names its charts' files (`out/<spec>/charts/<audience>/<section>-1.svg`): use letters, digits, `-`, `_` and `.`".into());
    }
    let title = cx
        .required(&fields, "title", "a section")
        .and_then(|n| cx.string(n, "section title"));
    let audiences = fields
        .get("audiences")
        .map(|n| cx.names(n, "an audience id"));
    // `None` when `what_changed` is not a boolean: then `blocks` is not
    // demanded either, as the analyst may have meant a what-changed section.
    let what_changed = match fields.get("what_changed") {
        Some(n) => cx.boolean(n, "what_changed"),
        None => Some(false),
    };
    let blocks = match (what_changed, fields.get("blocks")) {
        (Some(true), _) => {
            if let Some(key) = fields.key("blocks") {
                cx.error(
                    key,
                    "a `what_changed` section is filled in by brief; remove `blocks`",
                );
            }
            Vec::new()
        }
        (None, None) => Vec::new(),
        (Some(false), None) => {
            cx.required(&fields, "blocks", "a section");
            Vec::new()
        }
        (_, Some(n)) => blocks(cx, n),
    };
    Some(Section {
        id: id?,
        title: title?.value,
        audiences,
        blocks,
        what_changed: what_changed == Some(true),
    })
}

fn blocks(cx: &mut Ctx, node: &Node) -> Vec<Block> {
    match &node.value {
        Value::Seq(items) => items.iter().filter_map(|b| block(cx, b)).collect(),
        _ => {
            cx.expected(
                node,
                "blocks",
                "a list of blocks (text, quotes, figures, excerpt)",
            );
            Vec::new()
        }
    }
}

fn block(cx: &mut Ctx, node: &Node) -> Option<Block> {
    let fields = cx.fields(node, "a block", BLOCK_KEYS)?;
    let kinds: Vec<&str> = BLOCK_KINDS
        .iter()
        .copied()
        .filter(|k| fields.get(k).is_some())
        .collect();
    let kind = match kinds.as_slice() {
        [one] => *one,
        [] => {
            cx.error(
                node,
                "a block needs one of `text`, `quotes`, `figures` or `excerpt`",
            );
            return None;
        }
        [_, second, ..] => {
            let key = fields.key(second).unwrap_or(node);
            cx.error(
                key,
                format!("a block has one kind, but this one also has `{second}`"),
            )
            .hints
            .push("start a new list item (`- `) for each block".into());
            return None;
        }
    };
    let audiences = fields
        .get("audiences")
        .map(|n| cx.names(n, "an audience id"));
    let layout = layout(cx, &fields, kind);
    let chart = chart_labels(cx, &fields, layout);
    let value = fields.get(kind)?;
    let kind = match kind {
        "text" => BlockKind::Text(cx.string(value, "text")?),
        "quotes" => BlockKind::Quotes(selectors(cx, value, "quotes")),
        "figures" => {
            let selectors = selectors(cx, value, "figures");
            if !layout.is_chart() {
                points_only_in_charts(cx, value);
            }
            BlockKind::Figures {
                selectors,
                layout,
                chart,
            }
        }
        _ => BlockKind::Excerpt(excerpt(cx, value)?),
    };
    Some(Block {
        kind,
        audiences,
        line: node.line,
        column: node.column,
    })
}

fn layout(cx: &mut Ctx, fields: &Fields, kind: &str) -> FigureLayout {
    let Some(n) = fields.get("as") else {
        return FigureLayout::Table;
    };
    if kind != "figures" {
        let key = fields.key("as").unwrap_or(n);
        cx.error(key, format!("`as` applies to figures blocks, not {kind}"));
        return FigureLayout::Table;
    }
    match n.scalar_text().as_deref() {
        Some("table") => FigureLayout::Table,
        Some("list") => FigureLayout::List,
        Some("bar") => FigureLayout::Bar,
        Some("line") => FigureLayout::Line,
        _ => {
            cx.expected(n, "as", "`table`, `list`, `bar` or `line`");
            FigureLayout::Table
        }
    }
}

/// A chart's title and axis labels; on any other block they are an error,
/// not silently dropped.
fn chart_labels(cx: &mut Ctx, fields: &Fields, layout: FigureLayout) -> ChartLabels {
    let mut labels = ChartLabels::default();
    for key in CHART_KEYS {
        let Some(n) = fields.get(key) else { continue };
        if !layout.is_chart() {
            let at = fields.key(key).unwrap_or(n);
            cx.error(at, format!("`{key}` applies to charts only"))
                .hints
                .push("add `as: bar` or `as: line` to draw these figures as a chart".into());
            continue;
        }
        let text = cx.string(n, key).map(|t| t.value);
        match *key {
            "title" => labels.title = text,
            "x_label" => labels.x_label = text,
            _ => labels.y_label = text,
        }
    }
    labels
}

/// `label`, `value` and `measure` on a figure outside a chart would do
/// nothing: say so.
fn points_only_in_charts(cx: &mut Ctx, node: &Node) {
    for item in cx.list(node) {
        let Value::Map(entries) = &item.value else {
            continue;
        };
        for (k, _) in entries {
            if let Value::Str(key) = &k.value
                && POINT_KEYS.contains(&key.as_str())
            {
                cx.error(
                    k,
                    format!("`{key}` places a figure on a chart; this block is not one"),
                )
                .hints
                .push("add `as: bar` or `as: line` to the block, or remove the key".into());
            }
        }
    }
}

/// `{data: ID, column: NAME}`: a data file's rows; nothing else beside them.
fn data_selector(cx: &mut Ctx, fields: &Fields, doc: &Node) -> Option<SelectorKind> {
    for (k, _) in fields.entries() {
        if let Value::Str(key) = &k.value
            && !["data", "column", "allow_empty"].contains(&key.as_str())
        {
            cx.error(
                k,
                format!("`{key}` has no effect beside `data`: a data file gives every row"),
            );
        }
    }
    let column = match fields.get("column") {
        Some(n) => Some(cx.string(n, "column")?),
        None => None,
    };
    Some(SelectorKind::Data {
        doc: cx.name(doc, "data")?,
        column,
    })
}

/// `label`, `value` and `measure` beside an `id`.
fn point(cx: &mut Ctx, fields: &Fields) -> PointOptions {
    let text = |cx: &mut Ctx, key: &str| {
        let n = fields.get(key)?;
        cx.string(n, key).map(|t| t.value)
    };
    let value = fields.get("value").and_then(|n| {
        let v = cx.count(n, "value")?;
        if v == 0 {
            cx.error(n, "`value` counts from 1 (the figure's first number)");
            return None;
        }
        Some(at(n, v))
    });
    PointOptions {
        label: text(cx, "label"),
        value,
        measure: text(cx, "measure"),
    }
}

fn selectors(cx: &mut Ctx, node: &Node, what: &str) -> Vec<Selector> {
    let items = cx.list(node);
    if items.is_empty() {
        cx.error(node, format!("{what}: expected at least one selector"));
    }
    items.iter().filter_map(|n| selector(cx, n)).collect()
}

fn selector(cx: &mut Ctx, node: &Node) -> Option<Selector> {
    let make = |kind, allow_empty, point| Selector {
        kind,
        allow_empty,
        point,
        line: node.line,
        column: node.column,
    };
    if let Value::Str(_) = node.value {
        let id = SelectorKind::Id(cx.name(node, "id")?);
        return Some(make(id, false, PointOptions::default()));
    }
    let fields = cx.fields(node, "a selector", SELECTOR_KEYS)?;
    let allow_empty = fields
        .get("allow_empty")
        .and_then(|n| cx.boolean(n, "allow_empty"))
        .unwrap_or(false);
    if let Some(id) = fields.get("id") {
        let others: Vec<&str> = fields
            .entries()
            .iter()
            .filter_map(|(k, _)| match &k.value {
                Value::Str(s)
                    if s != "id" && s != "allow_empty" && !POINT_KEYS.contains(&s.as_str()) =>
                {
                    Some(s.as_str())
                }
                _ => None,
            })
            .collect();
        if let Some(first) = others.first() {
            let key = fields.key(first).unwrap_or(node);
            cx.error(
                key,
                format!("a selector with an `id` picks one item; `{first}` has no effect"),
            )
            .hints
            .push("remove the `id` to run a query, or remove the query keys".into());
        }
        let point = point(cx, &fields);
        return Some(make(
            SelectorKind::Id(cx.name(id, "id")?),
            allow_empty,
            point,
        ));
    }
    if let Some(doc) = fields.get("data") {
        return data_selector(cx, &fields, doc)
            .map(|kind| make(kind, allow_empty, PointOptions::default()));
    }
    if let Some(k) = fields.key("column") {
        cx.error(
            k,
            "`column` picks a series of a data file: it goes beside `data`",
        );
    }
    for key in POINT_KEYS {
        if let Some(k) = fields.key(key) {
            cx.error(
                k,
                format!(
                    "`{key}` places one figure on a chart: it goes beside an `id`, not a query"
                ),
            );
        }
    }
    let query = query(cx, &fields);
    Some(make(
        SelectorKind::Query(query),
        allow_empty,
        PointOptions::default(),
    ))
}

fn query(cx: &mut Ctx, fields: &Fields) -> Query {
    let mut q = Query::default();
    if let Some(n) = fields.get("doc") {
        q.docs = cx.names(n, "doc");
    }
    if let Some(n) = fields.get("speaker") {
        q.speaker = cx.name(n, "speaker");
    }
    if let Some(n) = fields.get("match") {
        q.matches = cx.name(n, "match").map(|s| s.value);
    }
    if let Some(n) = fields.get("tags") {
        q.tags = cx.names(n, "a tag").into_iter().map(|t| t.value).collect();
    }
    if let Some(n) = fields.get("published_after") {
        q.published_after = day(cx, n, "published_after");
    }
    if let Some(n) = fields.get("published_before") {
        q.published_before = day(cx, n, "published_before");
    }
    if let Some(n) = fields.get("within") {
        q.within = period(cx, n);
    }
    if let Some(n) = fields.get("order") {
        q.order = match n.scalar_text().as_deref() {
            Some("corpus") => Order::Corpus,
            Some("newest") => Order::Newest,
            Some("oldest") => Order::Oldest,
            _ => {
                cx.expected(n, "order", "`newest`, `oldest` or `corpus`");
                Order::Corpus
            }
        };
    }
    if let Some(n) = fields.get("limit") {
        q.limit = cx.count(n, "limit");
    }
    q
}

/// `180d`, `12w`, `6m`, `1y`.
fn period(cx: &mut Ctx, node: &Node) -> Option<Period> {
    let parsed = node.scalar_text().and_then(|text| {
        let text = text.trim();
        let unit = text.chars().last()?;
        let amount: u32 = text[..text.len() - unit.len_utf8()].parse().ok()?;
        match unit {
            'd' => Some(Period::Days(amount)),
            'w' => Some(Period::Days(amount.checked_mul(7)?)),
            'm' => Some(Period::Months(amount)),
            'y' => Some(Period::Months(amount.checked_mul(12)?)),
            _ => None,
        }
    });
    if parsed.is_none() {
        cx.expected(node, "within", "a period like `180d`, `8w`, `6m` or `1y`");
    }
    parsed
}

fn excerpt(cx: &mut Ctx, node: &Node) -> Option<Excerpt> {
    if let Value::Str(s) = &node.value {
        // `doc#section` shorthand, as sections are addressed elsewhere.
        let (doc, section) = match s.split_once('#') {
            Some((d, sec)) => (d, Some(sec)),
            None => (s.as_str(), None),
        };
        if doc.is_empty() || section == Some("") {
            cx.expected(node, "excerpt", "`DOC`, `DOC#section` or a mapping");
            return None;
        }
        return Some(Excerpt {
            doc: at(node, doc.to_string()),
            section: section.map(|sec| at(node, sec.to_string())),
            paragraphs: None,
            long: false,
        });
    }
    let fields = cx.fields(node, "an excerpt", EXCERPT_KEYS)?;
    let doc = cx
        .required(&fields, "doc", "an excerpt")
        .and_then(|n| cx.name(n, "doc"));
    let section = fields.get("section").and_then(|n| cx.name(n, "section"));
    let paragraphs = match fields.get("paragraphs") {
        Some(n) => Some(paragraph_range(cx, n)?),
        None => None,
    };
    let long = fields
        .get("long")
        .and_then(|n| cx.boolean(n, "long"))
        .unwrap_or(false);
    if section.is_none() && paragraphs.is_none() {
        cx.error(node, "an excerpt needs a `section`, `paragraphs`, or both")
            .hints
            .push("quoting a whole document is rarely what a brief needs".into());
        return None;
    }
    Some(Excerpt {
        doc: doc?,
        section,
        paragraphs,
        long,
    })
}

/// `3` or `3-5` (an en dash works too).
fn paragraph_range(cx: &mut Ctx, node: &Node) -> Option<At<(usize, usize)>> {
    let parsed = match &node.value {
        Value::Int(n) if *n >= 1 => Some((*n as usize, *n as usize)),
        Value::Str(s) => s.split_once(['-', '–']).and_then(|(a, b)| {
            let a: usize = a.trim().parse().ok()?;
            let b: usize = b.trim().parse().ok()?;
            (a >= 1 && a <= b).then_some((a, b))
        }),
        _ => None,
    };
    if parsed.is_none() {
        cx.expected(
            node,
            "paragraphs",
            "a paragraph number or a range like `3-5`",
        );
    }
    parsed.map(|p| at(node, p))
}

/// Why ids that differ only in case are refused: they name files, and on a
/// file system that ignores case (macOS, Windows) the two files would be one.
const CASE_HINT: &str = "ids name output files, which a file system that ignores case (macOS, Windows) would not tell apart: rename one";

/// An earlier id that is `id` but for ASCII case (ids are ASCII).
fn case_twin<'s>(earlier: &[&'s str], id: &str) -> Option<&'s str> {
    earlier
        .iter()
        .find(|e| **e != id && e.eq_ignore_ascii_case(id))
        .copied()
}

/// Audience ids and section ids are the spec's own names: check they exist,
/// and that no two name the same file.
fn check_references(cx: &mut Ctx, audiences: &[Audience], sections: &[Section]) {
    let audience_ids: Vec<&str> = audiences.iter().map(|a| a.id.value.as_str()).collect();
    let section_ids: Vec<&str> = sections.iter().map(|s| s.id.value.as_str()).collect();
    for (i, s) in sections.iter().enumerate() {
        if section_ids[..i].contains(&s.id.value.as_str()) {
            cx.error_at(
                s.id.line,
                s.id.column,
                format!("duplicate section id `{}`", s.id.value),
            );
        } else if let Some(first) = case_twin(&section_ids[..i], &s.id.value) {
            cx.error_at(
                s.id.line,
                s.id.column,
                format!(
                    "section ids `{first}` and `{}` differ only in case",
                    s.id.value
                ),
            )
            .hints
            .push(CASE_HINT.into());
        }
    }
    for (i, a) in audiences.iter().enumerate() {
        if let Some(first) = case_twin(&audience_ids[..i], &a.id.value) {
            cx.error_at(
                a.id.line,
                a.id.column,
                format!(
                    "audience ids `{first}` and `{}` differ only in case",
                    a.id.value
                ),
            )
            .hints
            .push(CASE_HINT.into());
        }
    }
    let mut uses: Vec<&At<String>> = Vec::new();
    for s in sections {
        uses.extend(s.audiences.iter().flatten());
        for b in &s.blocks {
            uses.extend(b.audiences.iter().flatten());
        }
    }
    for id in uses {
        if audience_ids.contains(&id.value.as_str()) {
            continue;
        }
        let message = format!("unknown audience `{}`", id.value);
        let hint = hint(&id.value, audience_ids.iter().copied(), || {
            if audience_ids.is_empty() {
                "the spec has no `audiences`".to_string()
            } else {
                format!("audiences are: {}", audience_ids.join(", "))
            }
        });
        cx.error_at(id.line, id.column, message).hints.push(hint);
    }
    for a in audiences {
        for id in &a.exclude_sections {
            if section_ids.contains(&id.value.as_str()) {
                continue;
            }
            let message = format!("unknown section `{}`", id.value);
            let hint = hint(&id.value, section_ids.iter().copied(), || {
                format!("sections are: {}", section_ids.join(", "))
            });
            cx.error_at(id.line, id.column, message).hints.push(hint);
        }
    }
}

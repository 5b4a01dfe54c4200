//! `brief diff BRIEF [--from EDITION] [--to EDITION]`: what is new between
//! two editions, from their recorded inventories (no corpus needed, so an
//! old edition can be compared even after its sources changed).

use std::fmt::Write;
use std::path::PathBuf;

use crate::diag::Diagnostic;
use crate::edition::inventory::Inventory;
use crate::edition::store::{self, Edition};
use crate::edition::{ChangeSet, diff};

use super::specs;
use super::{Outcome, print, report};

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The brief: its spec's name (`asylum-under-xi`) or spec file
    #[arg(value_name = "BRIEF")]
    pub brief: String,
    /// The older edition [default: the one before --to]
    #[arg(long, value_name = "EDITION")]
    pub from: Option<String>,
    /// The newer edition [default: the latest]
    #[arg(long, value_name = "EDITION")]
    pub to: Option<String>,
    /// Output directory [default: `out/` in the project root]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn run(args: DiffArgs) -> Outcome {
    let out_dir = args
        .out
        .clone()
        .unwrap_or_else(|| specs::project_root().join("out"));
    // A spec file loses its `.yaml` as the build's directory name does; a
    // brief's name is taken whole, dots and all (`report-v1.2`).
    let path = std::path::Path::new(&args.brief);
    let name = match path.extension().and_then(|e| e.to_str()) {
        Some("yaml" | "yml") => path.file_stem().map(|s| s.to_string_lossy().into_owned()),
        _ => path.file_name().map(|s| s.to_string_lossy().into_owned()),
    }
    .unwrap_or_else(|| args.brief.clone());
    if let Err(reason) = crate::regen::names::check_name(&name) {
        return usage(
            Diagnostic::error(format!("`{}` is not a brief: {reason}", args.brief))
                .hint("name a brief by its spec's file name without `.yaml` (`asylum-under-xi`), or by the spec file"),
        );
    }
    let listing = store::list(&out_dir, &name);
    for asked in [args.from.as_deref(), args.to.as_deref()]
        .into_iter()
        .flatten()
    {
        if let Some(damaged) = listing.damaged.iter().find(|d| d.name == asked) {
            // The warning's file, line and hints, as the error it now is.
            let mut error = damaged.warning.clone();
            error.severity = crate::diag::Severity::Error;
            error.message = format!("cannot compare edition `{asked}`: {}", damaged.reason);
            return usage(error);
        }
    }
    report(&listing.warnings());
    let editions = listing.editions;
    if editions.is_empty() {
        report(&[Diagnostic::error(format!(
            "`{name}` has no editions in `{}`",
            store::editions_dir(&out_dir, &name).display()
        ))
        .hint("`brief schedule --once` makes editions of scheduled briefs")]);
        return Outcome::UsageOrIo;
    }
    let to = match pick(&editions, args.to.as_deref(), editions.len() - 1) {
        Ok(i) => i,
        Err(d) => return usage(d),
    };
    let from = match args.from.as_deref() {
        Some(f) => match pick(&editions, Some(f), 0) {
            Ok(i) => Some(i),
            Err(d) => return usage(d),
        },
        None => to.checked_sub(1),
    };
    print(&describe(&editions[to], from.map(|i| &editions[i])));
    Outcome::Ok
}

fn usage(d: Diagnostic) -> Outcome {
    report(&[d]);
    Outcome::UsageOrIo
}

/// The index of the named edition, or of `default` when none is named.
fn pick(editions: &[Edition], name: Option<&str>, default: usize) -> Result<usize, Diagnostic> {
    let Some(name) = name else {
        return Ok(default);
    };
    editions.iter().position(|e| e.name == name).ok_or_else(|| {
        let names: Vec<&str> = editions.iter().map(|e| e.name.as_str()).collect();
        let hint = crate::suggest::hint(name, names.iter().copied(), || {
            format!("its editions are: {}", names.join(", "))
        });
        Diagnostic::error(format!("no edition `{name}`")).hint(hint)
    })
}

/// The report: per audience, what is new in `to` since `from`.
pub fn describe(to: &Edition, from: Option<&Edition>) -> String {
    let mut out = String::new();
    match from {
        Some(f) => {
            let _ = writeln!(out, "{}: edition {} since {}", to.brief, to.name, f.name);
        }
        None => {
            let _ = writeln!(out, "{}: edition {} is the first", to.brief, to.name);
        }
    }
    for (audience, output) in &to.outputs {
        let before = from.and_then(|f| {
            let o = f.outputs.get(audience)?;
            Some((f.name.as_str(), &o.inventory))
        });
        let changes = diff(before, &output.inventory);
        let _ = writeln!(out, "\n{audience}:");
        out.push_str(&changes_text(&changes, &output.inventory, from.is_some()));
    }
    out
}

fn changes_text(changes: &ChangeSet, now: &Inventory, compared: bool) -> String {
    let mut out = String::new();
    if !compared {
        let _ = writeln!(
            out,
            "  {} sources, {} quotes, {} figures",
            now.sources.len(),
            now.quotes.len(),
            now.figures.len()
        );
        return out;
    }
    if changes.is_empty() {
        out.push_str("  nothing new\n");
        return out;
    }
    let one_line = crate::text::one_line;
    for doc in &changes.new_sources {
        let title = now
            .sources
            .iter()
            .find(|s| &s.doc == doc)
            .and_then(|s| s.title.as_deref())
            .map(|t| format!(" “{}”", one_line(t)))
            .unwrap_or_default();
        let _ = writeln!(out, "  new source   {doc}{title}");
    }
    for id in &changes.new_quotes {
        if let Some(q) = now.quotes.iter().find(|q| &q.id == id) {
            let speaker = q.speaker.as_deref().unwrap_or("unattributed");
            let _ = writeln!(
                out,
                "  new quote    {id} ({}): “{}”",
                one_line(speaker),
                one_line(&q.text)
            );
        }
    }
    for id in &changes.new_figures {
        if let Some(f) = now.figures.iter().find(|f| &f.id == id) {
            let _ = writeln!(out, "  new figure   {id}: {}", one_line(&f.text));
        }
    }
    for c in &changes.changed_figures {
        if let Some(f) = now.figures.iter().find(|f| f.id == c.id) {
            let _ = writeln!(
                out,
                "  changed      {}: {} (was {})",
                c.id,
                one_line(&f.text),
                one_line(&c.before)
            );
        }
    }
    for m in &changes.moved {
        let _ = writeln!(
            out,
            "  moved        {}: now in “{}” (was in “{}”)",
            m.id,
            one_line(&m.now),
            one_line(&m.before)
        );
    }
    out
}

//! Filing what a run built as editions (`brief schedule`): each brief whose
//! `latest/` outputs all built becomes a dated edition under
//! `out/<brief>/editions/`, with what it shows and what changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

use crate::diag::Diagnostic;
use crate::edition::store::{self, Edition, EditionOutput};

use super::{Engine, Event, Outcome, Sink};

/// A brief to file: its spec's path, its name, and why it was regenerated.
#[derive(Debug, Clone)]
pub struct Due {
    pub path: PathBuf,
    pub name: String,
    pub trigger: String,
}

impl Engine {
    /// Files each brief of `due` that the last [`Engine::run`] built fully
    /// as a new edition dated `date`, generated at `now`.
    pub fn file_editions(
        &self,
        due: &[Due],
        date: NaiveDate,
        now: DateTime<Utc>,
        sink: &mut dyn Sink,
    ) -> Outcome {
        let mut outcome = Outcome::Ok;
        for brief in due {
            let built: Vec<_> = self.built.iter().filter(|b| b.spec == brief.name).collect();
            if built.is_empty() || self.failed_specs.contains(&brief.name) {
                sink.event(Event::NoEdition {
                    spec: brief.path.clone(),
                });
                continue;
            }
            let out_dir = self.out_dir();
            let edition_name = store::next_name(out_dir, &brief.name, date);
            let dir = store::editions_dir(out_dir, &brief.name).join(&edition_name);
            if let Some(reason) = self.linked_away(&dir.join(store::FILE_NAME)) {
                sink.diagnostics(vec![Diagnostic::error(format!(
                    "cannot file edition `{}`: {reason}",
                    dir.display()
                ))]);
                outcome = outcome.max(Outcome::UsageOrIo);
                continue;
            }
            let mut outputs = BTreeMap::new();
            let mut copies = Vec::new();
            let latest = store::latest_dir(out_dir, &brief.name);
            for b in built {
                let mut files = Vec::new();
                for file in &b.files {
                    let from = out_dir.join(file);
                    // Kept at its place under `latest/` (charts are in
                    // `charts/<audience>/`), so the Markdown's links still
                    // hold and two audiences' charts stay two files.
                    let Ok(relative) = from.strip_prefix(&latest) else {
                        continue;
                    };
                    let file_name = crate::regen::scan::relative(Path::new(""), relative);
                    files.push(file_name.clone());
                    copies.push((from, file_name));
                }
                outputs.insert(
                    b.audience.clone(),
                    EditionOutput {
                        files,
                        inventory: b.inventory.clone(),
                        changes: b.changes.clone(),
                    },
                );
            }
            let edition = Edition {
                brief: brief.name.clone(),
                name: edition_name,
                date,
                generated_at: now,
                trigger: brief.trigger.clone(),
                outputs,
            };
            match store::file(out_dir, &edition, &copies) {
                Ok(dir) => sink.event(Event::EditionFiled {
                    spec: brief.path.clone(),
                    dir,
                    trigger: brief.trigger.clone(),
                }),
                Err(d) => {
                    sink.diagnostics(vec![d]);
                    outcome = outcome.max(Outcome::UsageOrIo);
                }
            }
        }
        outcome
    }
}

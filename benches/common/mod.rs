//! What the benchmark binaries share: reading their options and describing
//! the machine. (A module, not a bench target: Cargo only runs the files
//! named in `[[bench]]`.)

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};

/// Options given as `--name VALUE` (each falling back to an environment
/// variable) or as a bare `--switch`.
#[derive(Debug, Default)]
pub struct Options {
    values: HashMap<&'static str, String>,
    switches: HashSet<&'static str>,
}

impl Options {
    /// Reads the process's arguments. `valued` pairs each `--flag` with its
    /// environment variable; an argument given wins over the variable.
    pub fn parse(
        valued: &[(&'static str, &'static str)],
        switches: &[&'static str],
    ) -> Result<Options, String> {
        let mut options = Options::default();
        for &(flag, var) in valued {
            if let Ok(value) = std::env::var(var) {
                options.values.insert(flag, value);
            }
        }
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            // Cargo passes `--bench` to every bench target.
            if arg == "--bench" {
                continue;
            }
            if let Some(&switch) = switches.iter().find(|&&s| s == arg) {
                options.switches.insert(switch);
                continue;
            }
            let Some(&(flag, _)) = valued.iter().find(|(f, _)| *f == arg) else {
                return Err(format!("unexpected argument `{arg}`"));
            };
            let value = args.next().ok_or(format!("{arg} needs a value"))?;
            options.values.insert(flag, value);
        }
        Ok(options)
    }

    /// A whole number option (`_` allowed as a digit separator), or `default`.
    pub fn number<T: std::str::FromStr>(&self, flag: &str, default: T) -> Result<T, String> {
        match self.values.get(flag) {
            None => Ok(default),
            Some(v) => v
                .trim()
                .replace('_', "")
                .parse()
                .map_err(|_| format!("{flag} must be a whole number, not `{v}`")),
        }
    }

    pub fn switch(&self, flag: &str) -> bool {
        self.switches.contains(flag)
    }
}

/// The CPU's model name, for the report's machine line.
pub fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|rest| rest.trim_start_matches([' ', '\t', ':']).to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

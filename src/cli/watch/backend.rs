//! Where change events come from: the operating system's notifications
//! (inotify on Linux) when they work, else polling, which also works on
//! network and container-mounted file systems. Either way notify's debouncer
//! sits in front, so an editor's write-rename-chmod burst on one file arrives
//! as one event, and a rename arrives as one event with both names.

use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, NoCache, RecommendedCache, new_debouncer_opt,
};

/// How often polling looks at every watched file. Polling compares contents,
/// not only modification times: notify keeps those to the second, so a
/// quick second save (fixing a typo) would go unseen. Reading a corpus of a
/// few megabytes once a second costs little.
pub const POLL_INTERVAL: Duration = Duration::from_secs(1);

#[derive(Debug)]
enum Backend {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, NoCache>),
}

/// A running watcher and the channel its debounced events arrive on.
#[derive(Debug)]
pub struct Watcher {
    backend: Backend,
    pub events: Receiver<DebounceEventResult>,
    timeout: Duration,
}

impl Watcher {
    /// Starts the OS's watcher, or the polling one when `poll` is asked for
    /// or the OS's cannot start (said on stderr). `timeout` is how long the
    /// debouncer holds an event back to merge those that follow it.
    pub fn start(poll: bool, timeout: Duration) -> Result<Watcher, String> {
        if !poll {
            match Watcher::native(timeout) {
                Ok(w) => return Ok(w),
                Err(e) => eprintln!(
                    "warning: cannot use the system's file notifications ({}); polling every {} s instead",
                    reason(&e),
                    POLL_INTERVAL.as_secs()
                ),
            }
        }
        Watcher::poll(timeout).map_err(|e| reason(&e))
    }

    fn native(timeout: Duration) -> notify::Result<Watcher> {
        let (tx, events) = channel();
        let debouncer = new_debouncer_opt(
            timeout,
            None,
            tx,
            RecommendedCache::new(),
            notify::Config::default(),
        )?;
        Ok(Watcher {
            backend: Backend::Native(debouncer),
            events,
            timeout,
        })
    }

    fn poll(timeout: Duration) -> notify::Result<Watcher> {
        let (tx, events): (Sender<DebounceEventResult>, _) = channel();
        let config = notify::Config::default()
            .with_poll_interval(POLL_INTERVAL)
            .with_compare_contents(true);
        let debouncer = new_debouncer_opt(timeout, None, tx, NoCache::new(), config)?;
        Ok(Watcher {
            backend: Backend::Poll(debouncer),
            events,
            timeout,
        })
    }

    /// A fresh watcher of the same kind, or a polling one; the caller
    /// watches its directories again.
    pub fn restart(&mut self, poll: bool) -> Result<(), String> {
        let poll = poll || self.polling();
        *self = if poll {
            Watcher::poll(self.timeout)
        } else {
            Watcher::native(self.timeout)
        }
        .map_err(|e| reason(&e))?;
        Ok(())
    }

    pub fn polling(&self) -> bool {
        matches!(self.backend, Backend::Poll(_))
    }

    pub fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match &mut self.backend {
            Backend::Native(d) => d.watch(path, mode),
            Backend::Poll(d) => d.watch(path, mode),
        }
    }

    /// Stops watching `path`. A directory that was deleted is no longer
    /// watched already, so failing here changes nothing.
    pub fn unwatch(&mut self, path: &Path) {
        let _ = match &mut self.backend {
            Backend::Native(d) => d.unwatch(path),
            Backend::Poll(d) => d.unwatch(path),
        };
    }
}

/// A watcher error as a lowercase reason a user can act on.
pub fn reason(e: &notify::Error) -> String {
    use notify::ErrorKind;
    match &e.kind {
        ErrorKind::PathNotFound => "not found".into(),
        ErrorKind::MaxFilesWatch => {
            "the system's limit on watched directories is reached (raise fs.inotify.max_user_watches, or use --poll)".into()
        }
        ErrorKind::Io(io) => crate::diag::io_reason(io),
        ErrorKind::Generic(text) => text.to_lowercase(),
        ErrorKind::WatchNotFound => "not watched".into(),
        ErrorKind::InvalidConfig(_) => "invalid watcher configuration".into(),
    }
}

/// Whether the error means the OS cannot watch any more directories, so
/// only polling can go on.
pub fn out_of_watches(e: &notify::Error) -> bool {
    matches!(e.kind, notify::ErrorKind::MaxFilesWatch)
}

//! Where the program's inputs come from, merged into one channel: the terminal's events,
//! the terminal going away (a dropped SSH connection), signals (SIGHUP, SIGTERM, SIGQUIT,
//! SIGINT),
//! and the project file changing on disk.
//!
//! The terminal is watched directly, not only through SIGHUP: under `nohup` (or a shell
//! that ignores SIGHUP) no signal comes, and crossterm then spins on the closed terminal
//! instead of returning an error. A thread sleeps in `poll` on the terminal until it
//! reports a hang-up. Every thread blocks in the OS while nothing happens.

use crossterm::event::{self, Event};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};

/// One input to the main loop.
#[derive(Debug)]
pub enum Input {
    Terminal(Event),
    /// The terminal is gone (hung up, or reading it failed).
    Hangup,
    /// A signal asking the program to end.
    Signal(i32),
    /// Something happened to the project file's folder entry.
    FileChanged,
    /// The save running on another thread is done
    /// ([`crate::session::Session::finish_save`] takes its outcome in).
    Saved,
}

/// The running input sources; dropping it stops the file watcher.
pub struct Inputs {
    pub rx: Receiver<Input>,
    /// For the save's thread to say it is done.
    tx: Sender<Input>,
    _watcher: Option<notify::RecommendedWatcher>,
    reader: Arc<Gate>,
}

/// Whether the terminal reader may read: a child program that owns the terminal (the
/// editor) must get every key, so the reader stops reading while it runs.
struct Gate {
    state: Mutex<Reading>,
    changed: Condvar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    On,
    /// Asked to stop: it stops after the current short wait for input.
    Stopping,
    Off,
}

/// How long the reader waits for input before it looks whether it must stop (so that a
/// stop takes effect within this time, and an idle kaoping still wakes only rarely).
const READER_WAKE: std::time::Duration = std::time::Duration::from_millis(200);

impl Inputs {
    /// Stops reading the terminal, and waits until the reader has stopped: from then on
    /// no key is taken from the terminal (a child program may own it).
    pub fn pause_reading(&self) {
        let mut state = self.reader.state.lock().unwrap_or_else(|e| e.into_inner());
        if *state == Reading::On {
            *state = Reading::Stopping;
        }
        let deadline = std::time::Instant::now() + READER_WAKE * 5;
        while *state == Reading::Stopping && std::time::Instant::now() < deadline {
            state = self
                .reader
                .changed
                .wait_timeout(state, READER_WAKE)
                .map(|(s, _)| s)
                .unwrap_or_else(|e| e.into_inner().0);
        }
    }

    /// What the save's thread calls once it is done: an [`Input::Saved`] for the loop.
    pub fn saved_waker(&self) -> impl Fn() -> Box<dyn FnOnce() + Send> + use<> {
        let tx = self.tx.clone();
        move || {
            let tx = tx.clone();
            Box::new(move || {
                let _ = tx.send(Input::Saved);
            })
        }
    }

    /// Reads the terminal again.
    pub fn resume_reading(&self) {
        let mut state = self.reader.state.lock().unwrap_or_else(|e| e.into_inner());
        *state = Reading::On;
        self.reader.changed.notify_all();
    }
}

/// Starts the reader, signal and file-watch threads.
pub fn start(file: &Path) -> Inputs {
    let (tx, rx) = channel();
    let reader = Arc::new(Gate {
        state: Mutex::new(Reading::On),
        changed: Condvar::new(),
    });
    spawn_terminal_reader(tx.clone(), reader.clone());
    spawn_hangup_watch(tx.clone());
    spawn_signals(tx.clone());
    let watcher = watch(file, tx.clone());
    Inputs {
        rx,
        tx,
        _watcher: watcher,
        reader,
    }
}

/// Sleeps in the OS until the terminal hangs up, then says so. crossterm 0.29 spins
/// forever on a closed terminal (its read loop takes end-of-file for "no data yet"), so
/// the reader thread cannot be relied on to notice.
fn spawn_hangup_watch(tx: Sender<Input>) {
    #[cfg(unix)]
    std::thread::spawn(move || {
        // The terminal crossterm reads: standard input, or /dev/tty when that is not one.
        // SAFETY: isatty and open take no pointers we do not own.
        let fd = unsafe {
            if libc::isatty(libc::STDIN_FILENO) == 1 {
                libc::STDIN_FILENO
            } else {
                libc::open(c"/dev/tty".as_ptr(), libc::O_RDONLY | libc::O_NOCTTY)
            }
        };
        if fd < 0 {
            return;
        }
        loop {
            // No events asked for: poll reports only a hang-up or an error, and sleeps
            // until then (an idle kaoping uses no CPU).
            let mut pfd = libc::pollfd {
                fd,
                events: 0,
                revents: 0,
            };
            // SAFETY: one valid pollfd.
            let n = unsafe { libc::poll(&mut pfd, 1, -1) };
            if n > 0 && pfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
                let _ = tx.send(Input::Hangup);
                return;
            }
            if n < 0 && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
                return;
            }
        }
    });
    #[cfg(not(unix))]
    let _ = tx;
}

fn spawn_terminal_reader(tx: Sender<Input>, gate: Arc<Gate>) {
    // Waits in the OS for input, a short while at a time, so that it can stop reading
    // when asked (before a child program takes the terminal); a hang-up is the watch's to
    // notice.
    std::thread::spawn(move || {
        loop {
            {
                let mut state = gate.state.lock().unwrap_or_else(|e| e.into_inner());
                if *state == Reading::Stopping {
                    *state = Reading::Off;
                    gate.changed.notify_all();
                }
                while *state == Reading::Off {
                    state = gate.changed.wait(state).unwrap_or_else(|e| e.into_inner());
                }
            }
            match event::poll(READER_WAKE) {
                Ok(false) => continue,
                Ok(true) => {}
                Err(_) => {
                    let _ = tx.send(Input::Hangup);
                    return;
                }
            }
            match event::read() {
                Ok(e) => {
                    if tx.send(Input::Terminal(e)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = tx.send(Input::Hangup);
                    return;
                }
            }
        }
    });
}

/// Whether a signal is ignored now (as `nohup` leaves SIGHUP): kaoping keeps it so.
#[cfg(unix)]
fn ignored(signal: i32) -> bool {
    // SAFETY: querying the current action with a null new action changes nothing.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut old) == 0
            && old.sa_sigaction == libc::SIG_IGN
    }
}

fn spawn_signals(tx: Sender<Input>) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
        // SIGINT too (kill -INT; Ctrl-C itself is a key in raw mode): ended like SIGTERM,
        // with the terminal restored and what was being typed kept.
        let wanted: Vec<i32> = [SIGHUP, SIGTERM, SIGQUIT, SIGINT]
            .into_iter()
            .filter(|s| !ignored(*s))
            .collect();
        let Ok(mut signals) = signal_hook::iterator::Signals::new(&wanted) else {
            return;
        };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // SIGHUP is the terminal hanging up, as the watch on the terminal sees it:
                // the same ending whichever of the two arrives first.
                let input = if signal == SIGHUP {
                    Input::Hangup
                } else {
                    Input::Signal(signal)
                };
                let _ = tx.send(input);
            }
        });
    }
    #[cfg(not(unix))]
    let _ = tx;
}

/// Watches the file's folder (an atomic save replaces the file, so the file itself
/// cannot be watched) for events naming the file.
fn watch(file: &Path, tx: Sender<Input>) -> Option<notify::RecommendedWatcher> {
    use notify::{RecursiveMode, Watcher};
    let target = crate::store::resolve(file);
    let name = target.file_name()?.to_owned();
    let folder: PathBuf = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        use notify::EventKind;
        use notify::event::ModifyKind;
        // Changes only: kaoping reading the file (an access) is not one.
        if let Ok(event) = res
            && matches!(
                event.kind,
                EventKind::Create(_)
                    | EventKind::Remove(_)
                    | EventKind::Modify(
                        ModifyKind::Data(_) | ModifyKind::Name(_) | ModifyKind::Any
                    )
            )
            && event
                .paths
                .iter()
                .any(|p| p.file_name() == Some(name.as_os_str()))
        {
            let _ = tx.send(Input::FileChanged);
        }
    })
    .ok()?;
    watcher.watch(&folder, RecursiveMode::NonRecursive).ok()?;
    Some(watcher)
}

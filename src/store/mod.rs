//! Keeping a project file safe on disk.
//!
//! - **Atomic writes**: the new text goes to a temporary file in the same folder, is
//!   flushed, and replaces the file in one rename; the folder is flushed too. A crash
//!   leaves the old file or the new one, never a mix. Temporaries a crash left behind are
//!   removed the next time the file is opened for writing.
//! - **Checked writes**: the text is parsed back before it is written; a text that would
//!   not load (or would load as something else) is never written.
//! - **One writer**: a sidecar lock file `.NAME.toml.lock` (never replaced; it says who
//!   holds it) is locked with the OS (`File::try_lock`). A second copy opens read-only.
//! - **No silent overwrites**: the file's identity, size, time and a hash of its contents
//!   are remembered; if they differ at the next write, the file changed behind our back
//!   and is not overwritten.
//! - **A backup**: the file as it was when the session opened it is copied to
//!   `NAME.toml.bak` before the session's first write.
//! - **Side files are never followed**: the lock, the backup, `NAME.toml.mine` and the
//!   recovery file are opened with `O_NOFOLLOW` (and created with `O_EXCL`); a side file
//!   that is a symbolic link (say, from a cloned repository) is refused, so that kaoping
//!   never writes through it. Only the project file itself may be a link.
//! - **Only regular files**: a FIFO, a device or a folder is refused before it is opened
//!   for reading (it would block or never end), and every read has a hard byte limit.
//! - **Off the owner's thread, with the same checks**: [`Store::prepare`] hands a save to
//!   another thread as a [`SaveJob`] owning its text, the project it must load back as and
//!   what the store knows of the file; [`SaveJob::run`] does every step above there, and
//!   [`Store::finish`] takes the outcome back (the fingerprint of the bytes written). The
//!   lock stays with the store, held; one save at a time.
//! - **The file's own bytes**: a byte-order mark and CRLF line endings are kept as the
//!   file had them (the text inside is parsed without them).

mod files;

pub use files::*;

use crate::check::analyze;
use crate::project::Project;
use crate::project::problem::Problem;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Files larger than this are refused (a 2,000-unit × 300-indicator project is ~25 MB).
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;

/// A reading of the file, to accept once it proved to load.
#[derive(Debug, Clone)]
pub struct Seen {
    disk: Fingerprint,
    encoding: Encoding,
}

/// Why a text was not written.
#[derive(Debug)]
pub enum SaveError {
    /// Opened read-only (another copy holds the lock, `--read-only`, no permission).
    ReadOnly,
    /// The file changed on disk since it was read or last written: not overwritten.
    ChangedOnDisk,
    /// The text would not load back as the project it should be (a bug; never written).
    Invalid(Vec<Problem>),
    /// The file lost its write permission since it was opened: not replaced.
    NotWritable,
    /// `save as` onto a file that exists: never replaced.
    Exists(PathBuf),
    Io(std::io::Error),
}

impl SaveError {
    /// The reason in the user's language, as the terminal program's header and `kaoping
    /// set` show it (the `Display` below is English, for logs). It lives here rather than
    /// in `i18n`, which is a layer below the store: the words are `i18n`'s.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        let t = crate::i18n::OpsText(lang);
        match self {
            SaveError::ReadOnly => crate::i18n::T::ReadOnly.get(lang).to_string(),
            SaveError::ChangedOnDisk => t.changed_on_disk(),
            SaveError::Invalid(p) => t.would_not_load(p.len()),
            SaveError::Exists(path) => t.exists(&path.display().to_string()),
            SaveError::NotWritable => crate::i18n::T::FileNotWritable.get(lang).to_string(),
            SaveError::Io(e) => match e.get_ref().and_then(|i| i.downcast_ref::<AtPath>()) {
                Some(at) => format!(
                    "{}: {}",
                    at.path.display(),
                    crate::i18n::io_error(&at.source, lang)
                ),
                None => crate::i18n::io_error(e, lang),
            },
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::ReadOnly => write!(f, "read-only"),
            SaveError::ChangedOnDisk => write!(f, "the file changed on disk"),
            SaveError::Invalid(p) => write!(f, "the text would not load ({} problems)", p.len()),
            SaveError::Exists(path) => write!(f, "{} exists", path.display()),
            SaveError::NotWritable => write!(f, "the file has no write permission"),
            SaveError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for SaveError {}

/// Why this copy may not write the file, besides being asked to open it read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Denied {
    /// Another copy of kaoping holds the lock: who.
    Locked(String),
    /// The file has no write permission (as an editor would, kaoping does not replace it,
    /// even as root).
    FileReadOnly,
    /// The folder cannot be written (no lock file, no temporary file, no rename).
    FolderReadOnly,
}

/// The marker of a save that found the file changed just before its rename.
#[derive(Debug)]
struct ChangedJustNow;

impl std::fmt::Display for ChangedJustNow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the file changed on disk")
    }
}

impl std::error::Error for ChangedJustNow {}

/// An open project file: where it is, whether we may write it, and what we last saw of it.
#[derive(Debug)]
pub struct Store {
    /// The path as given (what the user sees).
    pub path: PathBuf,
    /// The real file (a symlink followed).
    target: PathBuf,
    lock: Option<Lock>,
    /// Why this copy may not write, when that is not by choice.
    pub denied: Option<Denied>,
    /// The file as we last read or wrote it.
    disk: Option<Fingerprint>,
    /// How the file writes its text (byte-order mark, line ends).
    encoding: Encoding,
    /// The file as the session opened it, until the backup is written.
    opened: Option<Vec<u8>>,
    backed_up: bool,
}

impl Store {
    /// Opens a file: reads it, and takes the lock unless `read_only` (or someone else
    /// holds it, or the file or its folder cannot be written). Returns the store and the
    /// file's bytes. Anything but a regular file is refused before it is read.
    pub fn open(path: &Path, read_only: bool) -> std::io::Result<(Store, Vec<u8>)> {
        let target = resolve(path);
        // A FIFO or a device is refused before a lock file is made for it.
        let (_, meta) = open_regular(&target)?;
        let (lock, denied) = if read_only {
            (None, None)
        } else if !writable(&target, &meta) {
            (None, Some(Denied::FileReadOnly))
        } else if !folder_writable(&target) {
            (None, Some(Denied::FolderReadOnly))
        } else {
            match lock(&target) {
                Ok(Ok(lock)) => (Some(lock), None),
                Ok(Err(holder)) => (None, Some(Denied::Locked(holder))),
                Err(e) if folder_refused(&e) => (None, Some(Denied::FolderReadOnly)),
                Err(e) => return Err(e),
            }
        };
        if lock.is_some() {
            remove_stale_temporaries(&target);
        }
        // A copy that will write waits for a file still being written to settle: what it
        // reads is what it will save over.
        let (bytes, disk) = if lock.is_some() {
            read_settled(&target)?
        } else {
            read(&target)?
        };
        let store = Store {
            path: path.to_path_buf(),
            target,
            opened: lock.as_ref().map(|_| bytes.clone()),
            lock,
            denied,
            disk: Some(disk),
            encoding: Encoding::of(&bytes),
            backed_up: false,
        };
        Ok((store, bytes))
    }

    /// Who holds the lock, when that is why this copy is read-only.
    pub fn holder(&self) -> Option<&str> {
        match &self.denied {
            Some(Denied::Locked(holder)) => Some(holder),
            _ => None,
        }
    }

    pub fn read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// Gives up writing (e.g. a file of a newer format): the lock is released.
    pub fn make_read_only(&mut self) {
        self.lock = None;
        self.opened = None;
    }

    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Whether the file on disk is no longer what we last read or wrote (gone included).
    pub fn changed_on_disk(&self) -> bool {
        fingerprint_now(&self.target).map_or(true, |now| now != self.disk)
    }

    /// Whether the file is gone from its place.
    pub fn is_gone(&self) -> bool {
        matches!(std::fs::symlink_metadata(&self.target), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
    }

    /// Reads the file again (after it changed on disk), once it has settled; what was
    /// read becomes the store's record of the file only when the caller [accepts]
    /// it (a file that does not load must stay "changed" so that no save overwrites it).
    ///
    /// [accepts]: Store::accept
    pub fn read_again(&self) -> std::io::Result<(Vec<u8>, Seen)> {
        let (bytes, disk) = read_settled(&self.target)?;
        let encoding = Encoding::of(&bytes);
        Ok((bytes, Seen { disk, encoding }))
    }

    /// Takes what [`Store::read_again`] read as the file from now on.
    pub fn accept(&mut self, seen: Seen) {
        self.disk = Some(seen.disk);
        self.encoding = seen.encoding;
    }

    /// Writes `text` if the file is still as we last saw it — checked again just before
    /// the new file takes its place — and the text loads back as `expected`.
    pub fn save(&mut self, text: &str, expected: &Project) -> Result<(), SaveError> {
        let plan = self.plan(true)?;
        let done = plan.run(text, expected);
        self.finish(done)
    }

    /// Writes `text` whatever is on disk now (the user chose to overwrite).
    pub fn overwrite(&mut self, text: &str, expected: &Project) -> Result<(), SaveError> {
        let plan = self.plan(false)?;
        let done = plan.run(text, expected);
        self.finish(done)
    }

    /// A save of `text` (which must load back as `expected`) to run on another thread:
    /// [`SaveJob::run`] does everything [`Store::save`] does — the look at the file, the
    /// parse-back, the backup, the atomic write with its last look just before the rename
    /// — with what it owns, and [`Store::finish`] takes the outcome back. The lock stays
    /// here, held. Until then the store must not write (one save at a time): what it knows
    /// of the file's line ends and its backup went with the job.
    pub fn prepare(&mut self, text: String, expected: Project) -> Result<SaveJob, SaveError> {
        let plan = self.plan(true)?;
        Ok(SaveJob {
            plan,
            text,
            expected,
        })
    }

    /// What a save needs to know of the file, taken from the store until [`Store::finish`].
    fn plan(&mut self, check_disk: bool) -> Result<Plan, SaveError> {
        if self.read_only() {
            return Err(SaveError::ReadOnly);
        }
        Ok(Plan {
            target: self.target.clone(),
            seen: self.disk.clone(),
            check_disk,
            encoding: std::mem::take(&mut self.encoding),
            opened: self.opened.take(),
            backed_up: self.backed_up,
        })
    }

    /// Takes back what a save took and learnt: on success, the fingerprint of the bytes it
    /// wrote (not a re-read: a write by someone else after the rename is theirs, and the
    /// next save sees it) and their line ends; whether the backup is written.
    pub fn finish(&mut self, done: SaveDone) -> Result<(), SaveError> {
        self.encoding = done.encoding;
        self.opened = done.opened;
        self.backed_up = done.backed_up;
        let written = done.result?;
        self.disk = Some(written);
        Ok(())
    }

    /// Writes `text` to a new file (never over one that exists) and continues there,
    /// taking its lock.
    pub fn save_as(
        &mut self,
        path: &Path,
        text: &str,
        expected: &Project,
    ) -> Result<(), SaveError> {
        verify(text, expected)?;
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(SaveError::Exists(path.to_path_buf()));
        }
        let target = path.to_path_buf();
        let lock = match lock(&target).map_err(SaveError::Io)? {
            Ok(lock) => lock,
            Err(_) => return Err(SaveError::ReadOnly),
        };
        let bytes = self.encoding.encode(text);
        let written = create_file(&target, &bytes).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                SaveError::Exists(target.clone())
            } else {
                SaveError::Io(e)
            }
        })?;
        self.path = path.to_path_buf();
        self.disk = Some(written);
        self.target = target;
        self.lock = Some(lock);
        self.denied = None;
        self.backed_up = true;
        self.opened = None;
        Ok(())
    }
}

/// What a save needs of the store, owned (see [`Store::prepare`]).
#[derive(Debug)]
struct Plan {
    /// The real file (a symlink followed).
    target: PathBuf,
    /// The file as we last read or wrote it.
    seen: Option<Fingerprint>,
    /// Whether the file must still be as `seen` (false: the user chose to overwrite).
    check_disk: bool,
    encoding: Encoding,
    /// The file as the session opened it, until the backup is written.
    opened: Option<Vec<u8>>,
    backed_up: bool,
}

/// A save that owns everything it needs, to run on any thread ([`Store::prepare`]).
#[derive(Debug)]
pub struct SaveJob {
    plan: Plan,
    text: String,
    expected: Project,
}

impl SaveJob {
    /// Runs the save (the slow part: the parse-back, the write, the flushes).
    pub fn run(self) -> SaveDone {
        self.plan.run(&self.text, &self.expected)
    }
}

/// How a save went, and what it gives back to the store ([`Store::finish`]).
#[derive(Debug)]
pub struct SaveDone {
    /// The fingerprint of the bytes written.
    result: Result<Fingerprint, SaveError>,
    /// The line ends of the file from now on (as it was when nothing was written).
    encoding: Encoding,
    opened: Option<Vec<u8>>,
    backed_up: bool,
}

impl Plan {
    /// The save itself: the file still as we saw it, the text loads back as `expected`,
    /// the file still writable, the backup, then the atomic replacement, the file looked
    /// at again just before the rename.
    fn run(mut self, text: &str, expected: &Project) -> SaveDone {
        let result = self.write(text, expected);
        let encoding = match &result {
            Ok((_, bytes)) => Encoding::of(bytes),
            Err(_) => std::mem::take(&mut self.encoding),
        };
        SaveDone {
            result: result.map(|(written, _)| written),
            encoding,
            opened: self.opened,
            backed_up: self.backed_up,
        }
    }

    fn write(
        &mut self,
        text: &str,
        expected: &Project,
    ) -> Result<(Fingerprint, Vec<u8>), SaveError> {
        let check_disk = self.check_disk;
        if check_disk && fingerprint_now(&self.target).map_or(true, |now| now != self.seen) {
            return Err(SaveError::ChangedOnDisk);
        }
        verify(text, expected)?;
        // A file made read-only since it was opened is not replaced either.
        if let Ok(meta) = std::fs::metadata(&self.target)
            && !writable(&self.target, &meta)
        {
            return Err(SaveError::NotWritable);
        }
        self.back_up()?;
        let bytes = self.encoding.encode(text);
        let seen = &self.seen;
        let last_look = |target: &Path| {
            if check_disk && fingerprint_now(target)? != *seen {
                return Err(std::io::Error::other(ChangedJustNow));
            }
            Ok(())
        };
        let target = &self.target;
        let written = match replace_file(target, &bytes, Some(target), last_look) {
            // A group or an ACL a new file cannot be given: written in place, keeping
            // them (the backup is on disk already).
            Err(e) if e.get_ref().is_some_and(|i| i.is::<CannotKeepAttributes>()) => {
                write_in_place(target, &bytes, last_look)
            }
            other => other,
        }
        .map_err(|e| {
            if e.get_ref()
                .is_some_and(|inner| inner.is::<ChangedJustNow>())
            {
                SaveError::ChangedOnDisk
            } else {
                SaveError::Io(at(target)(e))
            }
        })?;
        Ok((written, bytes))
    }

    /// Writes `NAME.toml.bak`, the file as the session opened it, before the first write.
    fn back_up(&mut self) -> Result<(), SaveError> {
        if self.backed_up {
            return Ok(());
        }
        if let Some(bytes) = &self.opened {
            let backup = backup_path(&self.target);
            write_side_file(&backup, bytes, &self.target).map_err(SaveError::Io)?;
            // The backup may be read by whoever may read the file.
            if let Ok(meta) = std::fs::metadata(&self.target) {
                let _ = std::fs::set_permissions(&backup, meta.permissions());
            }
        }
        self.backed_up = true;
        self.opened = None;
        Ok(())
    }
}

/// Creates a file with `bytes`, atomically and only if nothing has that name (a temporary
/// file, flushed, then linked in without replacing anything).
fn create_file(path: &Path, bytes: &[u8]) -> std::io::Result<Fingerprint> {
    let dir = folder_of(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kaoping.").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    let written = Fingerprint::of(&tmp.as_file().metadata()?, bytes);
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(written)
}

/// Whether this process may replace the file: it has a write permission (for root too:
/// a file without any is read-only, as editors treat it) and `access` agrees.
fn writable(target: &Path, meta: &std::fs::Metadata) -> bool {
    if meta.permissions().readonly() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        // SAFETY: geteuid has no preconditions.
        let me = unsafe { libc::geteuid() };
        if me == 0 {
            // Root may write anything: the bits (some write permission) decide.
            return true;
        }
        let Ok(c) = std::ffi::CString::new(target.as_os_str().as_bytes()) else {
            return false;
        };
        // SAFETY: a valid NUL-terminated path.
        unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
    }
    #[cfg(not(unix))]
    {
        let _ = target;
        true
    }
}

/// Whether this process may create and rename files in the file's folder (root may; the
/// permission bits decide for the others — a lock file left from an earlier session does
/// not make a read-only folder writable).
fn folder_writable(target: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } == 0 {
            return true;
        }
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let Ok(c) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else {
            return false;
        };
        // SAFETY: a valid NUL-terminated path.
        unsafe { libc::access(c.as_ptr(), libc::W_OK | libc::X_OK) == 0 }
    }
    #[cfg(not(unix))]
    {
        let _ = target;
        true
    }
}

/// Whether an error making the lock file means the folder cannot be written.
fn folder_refused(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

/// The text loads back, without errors, as exactly `expected`.
fn verify(text: &str, expected: &Project) -> Result<(), SaveError> {
    let analysis = analyze(text);
    if analysis.has_errors() || analysis.project.as_ref() != Some(expected) {
        let errors = analysis
            .problems
            .into_iter()
            .filter(Problem::is_error)
            .collect();
        return Err(SaveError::Invalid(errors));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    type Hook = Option<Box<dyn FnMut(&Path)>>;

    thread_local! {
        /// Runs inside a save, between writing the new text and renaming it into place
        /// (where another program's write is the most dangerous).
        pub(super) static BEFORE_RENAME: RefCell<Hook> = const { RefCell::new(None) };
        /// Runs in `read_settled` just after a read (where a writer that writes in steps
        /// may go on).
        pub(super) static AFTER_READ: RefCell<Hook> = const { RefCell::new(None) };
    }

    #[test]
    fn a_file_still_being_written_is_read_once_it_settles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        let full = crate::project::DEMO;
        let middle = (0..=full.len() / 2)
            .rev()
            .find(|&i| full.is_char_boundary(i))
            .unwrap_or(0);
        let half = &full[..middle];
        // A writer that truncates, writes half, and writes the rest a moment later.
        std::fs::write(&path, half).unwrap();
        let mut rest = Some(full.to_string());
        AFTER_READ.with(|hook| {
            *hook.borrow_mut() = Some(Box::new(move |target| {
                if let Some(text) = rest.take() {
                    std::fs::write(target, text).unwrap();
                }
            }))
        });
        let read = read_settled(&path);
        AFTER_READ.with(|hook| *hook.borrow_mut() = None);
        let (bytes, _) = read.unwrap();
        assert_eq!(bytes, full.as_bytes());
    }

    /// The demo in a folder of its own, opened for writing.
    fn demo_store() -> (tempfile::TempDir, PathBuf, Store) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, crate::project::DEMO).unwrap();
        let (store, _) = Store::open(&path, false).unwrap();
        (dir, path, store)
    }

    /// The demo's text with 东城县's survey changed, and its project.
    fn demo_with_survey(survey: &str) -> (String, Project) {
        let text = crate::project::DEMO.replacen("survey = 5.8", &format!("survey = {survey}"), 1);
        let project = analyze(&text).project.unwrap();
        (text, project)
    }

    #[test]
    fn a_write_by_another_program_during_a_save_is_never_overwritten() {
        let (dir, path, mut store) = demo_store();
        let (ours, project) = demo_with_survey("5.7");
        let theirs = crate::project::DEMO.replacen("survey = 5.8", "survey = 5.6", 1);
        let written = theirs.clone();
        BEFORE_RENAME.with(|hook| {
            *hook.borrow_mut() = Some(Box::new(move |target| {
                std::fs::write(target, &written).unwrap();
            }))
        });
        let result = store.save(&ours, &project);
        BEFORE_RENAME.with(|hook| *hook.borrow_mut() = None);
        assert!(
            matches!(result, Err(SaveError::ChangedOnDisk)),
            "{result:?}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
        // No temporary left behind either.
        let tmp = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .count();
        assert_eq!(tmp, 0);
    }

    #[test]
    fn the_fingerprint_is_of_the_bytes_written_so_a_write_right_after_is_seen() {
        let (_dir, path, mut store) = demo_store();
        let (ours, project) = demo_with_survey("5.7");
        store.save(&ours, &project).unwrap();
        assert!(!store.changed_on_disk());
        // Another program writes the same size at once: seen, never taken for ours.
        std::fs::write(&path, ours.replacen("survey = 5.7", "survey = 5.6", 1)).unwrap();
        assert!(store.changed_on_disk());
        assert!(matches!(
            store.save(&ours, &project),
            Err(SaveError::ChangedOnDisk)
        ));
    }

    #[test]
    fn byte_order_mark_and_crlf_are_kept() {
        let crlf = crate::project::DEMO.replace('\n', "\r\n");
        let mut bytes = BOM.to_vec();
        bytes.extend_from_slice(crlf.as_bytes());
        let encoding = Encoding::of(&bytes);
        assert!(encoding.bom && encoding.crlf());
        let text = decode(bytes.clone()).unwrap();
        assert_eq!(text, crate::project::DEMO);
        assert_eq!(encoding.encode(&text), bytes);
        let plain = Encoding::of(b"a = 1\n");
        assert!(!plain.bom && !plain.crlf());
    }

    #[test]
    fn a_save_keeps_every_unchanged_lines_end_and_a_missing_final_break() {
        // Mixed: LF first, CRLF after, no line break at the very end.
        let old = b"a = 1\nb = 2\nc = 3\r\nd = 4\r\ne = 5\r\nf = 6";
        let encoding = Encoding::of(old);
        let text = decode(old.to_vec()).unwrap();
        assert_eq!(text, "a = 1\nb = 2\nc = 3\nd = 4\ne = 5\nf = 6");
        // toml_edit writes LF and a final break; one value changed, one line added.
        let new = "a = 1\nb = 2\nc = 9\nc2 = 1\nd = 4\ne = 5\nf = 6\n";
        assert_eq!(
            encoding.encode(new),
            b"a = 1\nb = 2\nc = 9\r\nc2 = 1\r\nd = 4\r\ne = 5\r\nf = 6".to_vec()
        );
    }

    #[test]
    fn a_save_error_is_said_in_the_users_language() {
        use crate::i18n::{Lang, has_chinese};
        for e in [
            SaveError::ReadOnly,
            SaveError::ChangedOnDisk,
            SaveError::Invalid(Vec::new()),
            SaveError::Exists(PathBuf::from("demo.toml")),
            SaveError::Io(std::io::Error::from(std::io::ErrorKind::StorageFull)),
            SaveError::Io(std::io::Error::from_raw_os_error(5)),
        ] {
            assert!(has_chinese(&e.message(Lang::Zh)), "{e}");
            // The English is what it always said.
            assert_eq!(e.message(Lang::En), e.to_string());
        }
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, "old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn follows_a_symlink_and_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        let link = dir.path().join("link.toml");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        assert_eq!(
            std::fs::metadata(&real).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[test]
    fn one_writer_and_it_says_who() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, crate::project::DEMO).unwrap();
        let (first, _) = Store::open(&path, false).unwrap();
        assert!(!first.read_only());
        let (second, _) = Store::open(&path, false).unwrap();
        assert!(second.read_only());
        let holder = second.holder().unwrap().to_string();
        assert!(
            holder.contains(&format!("pid {}", std::process::id())),
            "{holder}"
        );
        drop(first);
        let (third, _) = Store::open(&path, false).unwrap();
        assert!(
            !third.read_only(),
            "the lock is free once the first copy is gone"
        );
    }

    #[test]
    fn a_file_changed_behind_our_back_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, crate::project::DEMO).unwrap();
        let (mut store, bytes) = Store::open(&path, false).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let project = analyze(&text).project.unwrap();
        // Same size, same second: only the hash can tell.
        let behind = text.replacen("5.8", "5.7", 1);
        std::fs::write(&path, &behind).unwrap();
        assert!(matches!(
            store.save(&text, &project),
            Err(SaveError::ChangedOnDisk)
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), behind);
    }

    #[test]
    fn a_touch_is_no_change_and_the_save_goes_ahead() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, crate::project::DEMO).unwrap();
        let (mut store, _) = Store::open(&path, false).unwrap();
        // Same bytes, a new modification time (a backup tool, `touch`, a sync client).
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(7);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert!(!store.changed_on_disk());
        let (text, project) = demo_with_survey("5.1");
        store.save(&text, &project).unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .contains("survey = 5.1")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_save_keeps_the_files_group_and_extended_attributes() {
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, crate::project::DEMO).unwrap();
        let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
        let name = c"user.kaoping.test";
        // SAFETY: valid NUL-terminated strings and a buffer of the length given.
        let tagged =
            unsafe { libc::setxattr(c.as_ptr(), name.as_ptr(), b"yes".as_ptr().cast(), 3, 0) } == 0;
        // A group other than ours, where we may give one (as root, or a member of two).
        let other_group = 1;
        let regrouped = std::os::unix::fs::chown(&path, None, Some(other_group)).is_ok();
        let (mut store, _) = Store::open(&path, false).unwrap();
        let (text, project) = demo_with_survey("5.1");
        store.save(&text, &project).unwrap();
        if tagged {
            let mut buf = [0u8; 8];
            // SAFETY: as above.
            let n = unsafe {
                libc::getxattr(
                    c.as_ptr(),
                    name.as_ptr(),
                    buf.as_mut_ptr().cast(),
                    buf.len(),
                )
            };
            assert_eq!(n, 3, "the extended attribute is kept");
            assert_eq!(&buf[..3], b"yes");
        }
        if regrouped {
            assert_eq!(std::fs::metadata(&path).unwrap().gid(), other_group);
        }
        eprintln!("checked: xattr {tagged}, group {regrouped}");
    }

    #[test]
    fn a_text_that_would_not_load_is_never_written_and_a_backup_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, crate::project::DEMO).unwrap();
        let (mut store, _) = Store::open(&path, false).unwrap();
        let project = analyze(crate::project::DEMO).project.unwrap();
        let broken = crate::project::DEMO.replacen("survey = 5.8", "survey = = 5.8", 1);
        assert!(matches!(
            store.save(&broken, &project),
            Err(SaveError::Invalid(_))
        ));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            crate::project::DEMO
        );
        // A text that loads, but as another project, is refused too.
        let other = crate::project::DEMO.replacen("survey = 5.8", "survey = 5.7", 1);
        assert!(matches!(
            store.save(&other, &project),
            Err(SaveError::Invalid(_))
        ));
        let other_project = analyze(&other).project.unwrap();
        store.save(&other, &other_project).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), other);
        assert_eq!(
            std::fs::read_to_string(backup_path(&path)).unwrap(),
            crate::project::DEMO
        );
    }

    #[test]
    fn stale_temporaries_are_removed_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, crate::project::DEMO).unwrap();
        let stale = dir.path().join(".p.toml.abc123.tmp");
        std::fs::write(&stale, "half a file").unwrap();
        let other = dir.path().join(".q.toml.abc123.tmp");
        std::fs::write(&other, "someone else's").unwrap();
        let _store = Store::open(&path, false).unwrap();
        assert!(!stale.exists());
        assert!(other.exists());
    }
}

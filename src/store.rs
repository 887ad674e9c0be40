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
//! - **A backup**: the file as it was when the session started is copied to
//!   `NAME.toml.bak` before the session's first write.

use crate::check::analyze;
use crate::project::Project;
use crate::project::problem::Problem;
use std::fs::{File, OpenOptions};
use std::hash::Hasher;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Files larger than this are refused (a 2,000-unit × 300-indicator project is ~25 MB).
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;

/// The file a path really names: a symlink is followed to its target, so that saving
/// replaces the target and keeps the link.
pub fn resolve(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// A file beside `target` named `.NAME<suffix>` (hidden) or `NAME<suffix>`.
fn beside(target: &Path, hidden: bool, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project.toml".into());
    let dot = if hidden { "." } else { "" };
    folder_of(target).join(format!("{dot}{name}{suffix}"))
}

fn folder_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The sidecar lock file of a project file.
pub fn lock_path(target: &Path) -> PathBuf {
    beside(target, true, ".lock")
}

/// Where an edit being typed is kept when kaoping is interrupted.
pub fn recovery_path(target: &Path) -> PathBuf {
    beside(target, true, ".recover")
}

/// The copy of the file as it was when the session started.
pub fn backup_path(target: &Path) -> PathBuf {
    beside(target, false, ".bak")
}

/// Where kaoping puts its own version when the file changed behind its back.
pub fn mine_path(target: &Path) -> PathBuf {
    beside(target, false, ".mine")
}

/// What a file on disk is, to notice when it changes: its identity (device and inode),
/// size, modification time, and a hash of its contents (times alone miss fast edits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    id: (u64, u64),
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

impl Fingerprint {
    fn of(meta: &std::fs::Metadata, bytes: &[u8]) -> Fingerprint {
        #[cfg(unix)]
        let id = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let id = (0, 0);
        let mut h = std::collections::hash_map::DefaultHasher::new();
        h.write(bytes);
        Fingerprint {
            id,
            len: meta.len(),
            modified: meta.modified().ok(),
            hash: h.finish(),
        }
    }
}

/// Reads a file and its fingerprint from the same open handle; refuses one that is too
/// large (`Err` of kind `InvalidData` saying so).
pub fn read(path: &Path) -> std::io::Result<(Vec<u8>, Fingerprint)> {
    let mut file = File::open(path)?;
    let meta = file.metadata()?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "{} bytes, more than the limit of {MAX_FILE_BYTES}",
                meta.len()
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes)?;
    let fingerprint = Fingerprint::of(&meta, &bytes);
    Ok((bytes, fingerprint))
}

/// A file that is not UTF-8: its text with the bad bytes replaced, and the problem (at
/// the first bad byte).
pub type NotText = Box<(String, Problem)>;

/// A file's bytes as text.
pub fn decode(bytes: Vec<u8>) -> Result<String, NotText> {
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
        let problem = Problem::new(
            crate::project::problem::ProblemKind::NotUtf8,
            crate::project::TomlPath::root(),
        )
        .at(Some(at));
        Box::new((text, problem))
    })
}

/// The fingerprint of the file now; `None` if it is gone.
fn fingerprint_now(target: &Path) -> std::io::Result<Option<Fingerprint>> {
    match read(target) {
        Ok((_, f)) => Ok(Some(f)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Who we are, for the lock file: `user@host (pid N)`.
fn holder_text() -> String {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "?".into());
    format!("{user}@{} (pid {})", hostname(), std::process::id())
}

fn hostname() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for its length; gethostname NUL-terminates or
        // truncates within it.
        let rc = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
        if rc == 0 {
            let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
            return String::from_utf8_lossy(&buf[..end]).into_owned();
        }
    }
    "?".into()
}

/// The OS lock on a project's sidecar lock file, held while this value lives.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Takes the lock of a project file, or says who holds it.
pub fn lock(target: &Path) -> std::io::Result<Result<Lock, String>> {
    let path = lock_path(target);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => {
            // Say who holds it (the file itself is never replaced, only rewritten).
            file.set_len(0)?;
            file.write_all(format!("{}\n", holder_text()).as_bytes())?;
            file.sync_all()?;
            Ok(Ok(Lock { _file: file }))
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            Ok(Err(if holder.is_empty() {
                "?".into()
            } else {
                crate::text::sanitize(holder)
            }))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Removes temporary files an interrupted save left beside `target`.
pub fn remove_stale_temporaries(target: &Path) {
    let prefix = format!(
        ".{}.",
        target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    );
    let Ok(entries) = std::fs::read_dir(folder_of(target)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(&prefix) && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Replaces (or creates) the file at `path` with `bytes`, atomically: the bytes go to a
/// temporary file in the same folder, are flushed, and replace the file in one rename;
/// the folder is flushed too. A symlink is followed (the link stays, its target is
/// replaced) and an existing file keeps its permissions; a new file gets the usual ones
/// (`0666` less the umask), not a temporary file's `0600`. The one writer of every file
/// kaoping writes: the project, its backup and side files, exports.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = resolve(path);
    let dir = folder_of(&target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project.toml".into());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    if let Ok(meta) = std::fs::metadata(&target) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// Flushes a folder's entries (the rename) to disk, where the platform allows it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Why a text was not written.
#[derive(Debug)]
pub enum SaveError {
    /// Opened read-only (another copy holds the lock, or `--read-only`).
    ReadOnly,
    /// The file changed on disk since it was read or last written: not overwritten.
    ChangedOnDisk,
    /// The text would not load back as the project it should be (a bug; never written).
    Invalid(Vec<Problem>),
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
            SaveError::Io(e) => crate::i18n::io_error(e, lang),
        }
    }
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::ReadOnly => write!(f, "read-only"),
            SaveError::ChangedOnDisk => write!(f, "the file changed on disk"),
            SaveError::Invalid(p) => write!(f, "the text would not load ({} problems)", p.len()),
            SaveError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// An open project file: where it is, whether we may write it, and what we last saw of it.
#[derive(Debug)]
pub struct Store {
    /// The path as given (what the user sees).
    pub path: PathBuf,
    /// The real file (a symlink followed).
    target: PathBuf,
    lock: Option<Lock>,
    /// Who holds the lock, when that is why this copy is read-only.
    pub holder: Option<String>,
    /// The file as we last read or wrote it.
    disk: Option<Fingerprint>,
    backed_up: bool,
}

impl Store {
    /// Opens a file: reads it, and takes the lock unless `read_only` (or someone else
    /// holds it). Returns the store and the file's bytes.
    pub fn open(path: &Path, read_only: bool) -> std::io::Result<(Store, Vec<u8>)> {
        let target = resolve(path);
        let (lock, holder) = if read_only {
            (None, None)
        } else {
            match lock(&target)? {
                Ok(lock) => (Some(lock), None),
                Err(holder) => (None, Some(holder)),
            }
        };
        if lock.is_some() {
            remove_stale_temporaries(&target);
        }
        let (bytes, disk) = read(&target)?;
        let store = Store {
            path: path.to_path_buf(),
            target,
            lock,
            holder,
            disk: Some(disk),
            backed_up: false,
        };
        Ok((store, bytes))
    }

    pub fn read_only(&self) -> bool {
        self.lock.is_none()
    }

    /// Gives up writing (e.g. a file of a newer format): the lock is released.
    pub fn make_read_only(&mut self) {
        self.lock = None;
    }

    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Whether the file on disk is no longer what we last read or wrote.
    pub fn changed_on_disk(&self) -> bool {
        fingerprint_now(&self.target).map_or(true, |now| now != self.disk)
    }

    /// Reads the file again (after it changed on disk).
    pub fn reload(&mut self) -> std::io::Result<Vec<u8>> {
        let (bytes, disk) = read(&self.target)?;
        self.disk = Some(disk);
        Ok(bytes)
    }

    /// Writes `text` if the file is still as we last saw it and the text loads back as
    /// `expected`.
    pub fn save(&mut self, text: &str, expected: &Project) -> Result<(), SaveError> {
        if self.read_only() {
            return Err(SaveError::ReadOnly);
        }
        if self.changed_on_disk() {
            return Err(SaveError::ChangedOnDisk);
        }
        self.write(text, expected)
    }

    /// Writes `text` whatever is on disk now (the user chose to overwrite).
    pub fn overwrite(&mut self, text: &str, expected: &Project) -> Result<(), SaveError> {
        if self.read_only() {
            return Err(SaveError::ReadOnly);
        }
        self.write(text, expected)
    }

    fn write(&mut self, text: &str, expected: &Project) -> Result<(), SaveError> {
        verify(text, expected)?;
        if !self.backed_up {
            // The file as the session found it, once per session.
            if let Ok((bytes, _)) = read(&self.target) {
                let backup = backup_path(&self.target);
                write_atomic(&backup, &bytes).map_err(SaveError::Io)?;
                // The backup may be read by whoever may read the file.
                if let Ok(meta) = std::fs::metadata(&self.target) {
                    let _ = std::fs::set_permissions(&backup, meta.permissions());
                }
            }
            self.backed_up = true;
        }
        write_atomic(&self.target, text.as_bytes()).map_err(SaveError::Io)?;
        self.disk = fingerprint_now(&self.target).map_err(SaveError::Io)?;
        Ok(())
    }

    /// Writes `text` to a new file and continues there (taking its lock).
    pub fn save_as(
        &mut self,
        path: &Path,
        text: &str,
        expected: &Project,
    ) -> Result<(), SaveError> {
        verify(text, expected)?;
        let target = resolve(path);
        let lock = match lock(&target).map_err(SaveError::Io)? {
            Ok(lock) => lock,
            Err(_) => return Err(SaveError::ReadOnly),
        };
        write_atomic(&target, text.as_bytes()).map_err(SaveError::Io)?;
        self.path = path.to_path_buf();
        self.disk = fingerprint_now(&target).map_err(SaveError::Io)?;
        self.target = target;
        self.lock = Some(lock);
        self.holder = None;
        self.backed_up = true;
        Ok(())
    }
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

    #[test]
    fn a_save_error_is_said_in_the_users_language() {
        use crate::i18n::{Lang, has_chinese};
        for e in [
            SaveError::ReadOnly,
            SaveError::ChangedOnDisk,
            SaveError::Invalid(Vec::new()),
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
        let holder = second.holder.clone().unwrap();
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

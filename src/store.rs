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
//! - **The file's own bytes**: a byte-order mark and CRLF line endings are kept as the
//!   file had them (the text inside is parsed without them).

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

/// What a path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    Folder,
    /// A named pipe: reading it waits for a writer, maybe forever.
    Fifo,
    /// A character or block device (`/dev/zero` never ends).
    Device,
    Socket,
}

impl std::fmt::Display for NotAFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a regular file ({self:?})")
    }
}

impl std::error::Error for NotAFile {}

/// A side file (lock, backup, `.mine`, recovery) that is a symbolic link: refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymlinkedSideFile(pub PathBuf);

impl std::fmt::Display for SymlinkedSideFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} is a symbolic link", self.0.display())
    }
}

impl std::error::Error for SymlinkedSideFile {}

/// A file larger than [`MAX_FILE_BYTES`]: refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    /// What it has (at least: reading stops just past the limit).
    pub bytes: u64,
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} bytes, more than the limit of {MAX_FILE_BYTES}",
            self.bytes
        )
    }
}

impl std::error::Error for TooLarge {}

/// Why `meta` is not a regular file, if it is not.
fn not_a_file(meta: &std::fs::Metadata) -> Option<NotAFile> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(NotAFile::Fifo);
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some(NotAFile::Device);
        }
        if kind.is_socket() {
            return Some(NotAFile::Socket);
        }
    }
    Some(if kind.is_dir() {
        NotAFile::Folder
    } else {
        NotAFile::Device
    })
}

/// Opens a file for reading, refusing anything that is not a regular file without
/// blocking on it (a FIFO is opened non-blocking, then looked at).
fn open_regular(path: &Path) -> std::io::Result<(File, std::fs::Metadata)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if let Some(kind) = not_a_file(&meta) {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, kind));
    }
    Ok((file, meta))
}

/// Reads a file and its fingerprint from the same open handle: a regular file only (see
/// [`NotAFile`]), and never more than [`MAX_FILE_BYTES`] (see [`TooLarge`]) whatever its
/// size claims to be.
pub fn read(path: &Path) -> std::io::Result<(Vec<u8>, Fingerprint)> {
    let (file, meta) = open_regular(path)?;
    let too_large =
        |bytes: u64| std::io::Error::new(std::io::ErrorKind::InvalidData, TooLarge { bytes });
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    let fingerprint = Fingerprint::of(&meta, &bytes);
    Ok((bytes, fingerprint))
}

/// How long a file must stay unchanged before kaoping takes what it read as the file:
/// a program that truncates and then writes in steps leaves half a file in between.
const SETTLE: std::time::Duration = std::time::Duration::from_millis(300);

/// How long kaoping waits for a file that keeps changing before it gives up.
const SETTLE_AT_MOST: std::time::Duration = std::time::Duration::from_secs(10);

/// A file that kept changing for [`SETTLE_AT_MOST`]: not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StillChanging;

impl std::fmt::Display for StillChanging {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the file keeps changing")
    }
}

impl std::error::Error for StillChanging {}

/// [`read`], for a file that another program may be writing: when it was modified within
/// the last [`SETTLE`], kaoping waits until it has stayed the same that long and reads
/// it again if it moved, so that a half-written file is never taken for the file. A
/// file untouched for longer (the usual case) is read at once.
pub fn read_settled(path: &Path) -> std::io::Result<(Vec<u8>, Fingerprint)> {
    let start = std::time::Instant::now();
    loop {
        let (bytes, fingerprint) = read(path)?;
        #[cfg(test)]
        tests::AFTER_READ.with(|hook| {
            if let Some(hook) = hook.borrow_mut().as_mut() {
                hook(path)
            }
        });
        let age = fingerprint
            .modified
            .and_then(|m| std::time::SystemTime::now().duration_since(m).ok());
        match age {
            Some(age) if age >= SETTLE => return Ok((bytes, fingerprint)),
            // A time in the future (a clock off): nothing to wait for.
            None => return Ok((bytes, fingerprint)),
            Some(age) => std::thread::sleep(SETTLE - age),
        }
        let meta = std::fs::metadata(path)?;
        if meta.len() == fingerprint.len && meta.modified().ok() == fingerprint.modified {
            return Ok((bytes, fingerprint));
        }
        if start.elapsed() > SETTLE_AT_MOST {
            return Err(std::io::Error::other(StillChanging));
        }
    }
}

/// How a file's text is written: with a byte-order mark, with CRLF line endings. Kept
/// from the file as it was read, so that a save changes only what was edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Encoding {
    pub bom: bool,
    pub crlf: bool,
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Encoding {
    /// The encoding of a file's bytes: a leading BOM; CRLF when its first line ends so.
    pub fn of(bytes: &[u8]) -> Encoding {
        let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
        let crlf = body
            .iter()
            .position(|b| *b == b'\n')
            .is_some_and(|at| at > 0 && body[at - 1] == b'\r');
        Encoding {
            bom: bytes.starts_with(BOM),
            crlf,
        }
    }

    /// A text (with `\n` line ends, no BOM) as the bytes of a file of this encoding.
    pub fn encode(self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + text.len() / 32 + 3);
        if self.bom {
            out.extend_from_slice(BOM);
        }
        if self.crlf {
            for line in text.split_inclusive('\n') {
                match line.strip_suffix('\n') {
                    Some(body) => {
                        out.extend_from_slice(body.strip_suffix('\r').unwrap_or(body).as_bytes());
                        out.extend_from_slice(b"\r\n");
                    }
                    None => out.extend_from_slice(line.as_bytes()),
                }
            }
        } else {
            out.extend_from_slice(text.as_bytes());
        }
        out
    }
}

/// A file that is not UTF-8: its text with the bad bytes replaced, and the problem (at
/// the first bad byte).
pub type NotText = Box<(String, Problem)>;

/// A file's bytes as text: without its byte-order mark, and with `\n` line ends when the
/// file uses CRLF (the file's [`Encoding`] says how to write it back).
pub fn decode(mut bytes: Vec<u8>) -> Result<String, NotText> {
    let encoding = Encoding::of(&bytes);
    if encoding.bom {
        bytes.drain(..BOM.len());
    }
    let text = String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
        let problem = Problem::new(
            crate::project::problem::ProblemKind::NotUtf8,
            crate::project::TomlPath::root(),
        )
        .at(Some(at));
        Box::new((text, problem))
    })?;
    Ok(if encoding.crlf {
        text.replace("\r\n", "\n")
    } else {
        text
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

/// Who we are, for the lock file: `user@host (pid N)`. The account comes from the system
/// (`USER` may be unset, or anything).
fn holder_text() -> String {
    format!("{}@{} (pid {})", account(), hostname(), std::process::id())
}

/// The name of the account this process runs as.
fn account() -> String {
    #[cfg(unix)]
    {
        let mut buf = vec![0u8; 4096];
        let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
        let mut found: *mut libc::passwd = std::ptr::null_mut();
        // SAFETY: every pointer is valid for the call; the buffer outlives the result,
        // which is read before it is dropped.
        let rc = unsafe {
            libc::getpwuid_r(
                libc::geteuid(),
                &mut pwd,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut found,
            )
        };
        if rc == 0 && !found.is_null() && !pwd.pw_name.is_null() {
            // SAFETY: pw_name points into `buf`, NUL-terminated by getpwuid_r.
            let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) };
            return name.to_string_lossy().into_owned();
        }
    }
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "?".into())
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

/// Opens a side file (lock, backup, `.mine`, recovery) without following a symbolic link:
/// created if missing (`O_EXCL`, so that nothing can slip in between), else opened with
/// `O_NOFOLLOW`. A side file that is a link is refused ([`SymlinkedSideFile`]).
fn open_side_file(path: &Path, truncate: bool) -> std::io::Result<File> {
    let refuse = || {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            SymlinkedSideFile(path.to_path_buf()),
        )
    };
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(refuse());
    }
    let mut options = OpenOptions::new();
    options
        .read(true)
        .write(true)
        .create(true)
        .truncate(truncate);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    match options.open(path) {
        Ok(file) => {
            // A FIFO or a folder named like a side file is not one.
            let meta = file.metadata()?;
            if let Some(kind) = not_a_file(&meta) {
                return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, kind));
            }
            Ok(file)
        }
        // ELOOP: it became a link after the look above.
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => Err(refuse()),
        Err(e) => Err(e),
    }
}

/// Writes a side file (backup, `.mine`, recovery) atomically, never through a symbolic
/// link: a link there is refused, and the new file replaces the name itself.
pub fn write_side_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            SymlinkedSideFile(path.to_path_buf()),
        ));
    }
    replace_file(path, bytes, |_| Ok(())).map(|_| ())
}

/// Takes the lock of a project file, or says who holds it.
pub fn lock(target: &Path) -> std::io::Result<Result<Lock, String>> {
    let path = lock_path(target);
    let mut file = open_side_file(&path, false)?;
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

/// What writing a path would replace that kaoping keeps: the project file (or a file
/// another kaoping has open for writing) or one of a project's side files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Guarded {
    /// The project file itself (the same file, by its identity, whatever the path).
    Project,
    /// Its backup, `.mine`, lock or recovery file.
    SideFile,
    /// A project another copy of kaoping has open for writing: who.
    OpenIn(String),
}

/// Whether writing `output` would replace `project` (or its side files, or a file that
/// another kaoping has open): compared by identity (device and inode) where the file
/// exists, else by its real path.
pub fn guarded(output: &Path, project: &Path) -> Option<Guarded> {
    let project = resolve(project);
    let same = |a: &Path, b: &Path| match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => same_file(&x, &y),
        _ => resolve(a) == resolve(b),
    };
    if same(output, &project) {
        return Some(Guarded::Project);
    }
    let sides = [
        backup_path(&project),
        mine_path(&project),
        lock_path(&project),
        recovery_path(&project),
    ];
    if sides.iter().any(|side| same(output, side)) {
        return Some(Guarded::SideFile);
    }
    // A file open in another kaoping holds its lock.
    let lock = lock_path(&resolve(output));
    if std::fs::symlink_metadata(&lock).is_ok_and(|m| m.is_file())
        && let Ok(mut file) = OpenOptions::new().read(true).open(&lock)
        && matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
    {
        let mut holder = String::new();
        let _ = file.read_to_string(&mut holder);
        return Some(Guarded::OpenIn(crate::text::sanitize(holder.trim())));
    }
    None
}

fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
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
/// replaced) and an existing file keeps its permissions and group; a new file gets the
/// usual ones (`0666` less the umask), not a temporary file's `0600`. What the project's
/// save, `save as` and the exports write through.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    replace_file(&resolve(path), bytes, |_| Ok(())).map(|_| ())
}

/// Writes `bytes` to a temporary file beside `target` (flushed, with the target's
/// permissions and group when it exists), asks `last_look` whether it may replace the
/// target now — the moment just before the rename — and renames it over the target.
/// Returns the fingerprint of what it wrote (the file on disk from then on).
fn replace_file(
    target: &Path,
    bytes: &[u8],
    last_look: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<Fingerprint> {
    let dir = folder_of(target);
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
    if let Ok(meta) = std::fs::metadata(target) {
        tmp.as_file().set_permissions(meta.permissions())?;
        keep_group(tmp.as_file(), &meta);
    }
    tmp.as_file().sync_all()?;
    let written = Fingerprint::of(&tmp.as_file().metadata()?, bytes);
    #[cfg(test)]
    tests::BEFORE_RENAME.with(|hook| {
        if let Some(hook) = hook.borrow_mut().as_mut() {
            hook(target)
        }
    });
    last_look(target)?;
    tmp.persist(target).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(written)
}

/// Gives a new file the group of the one it replaces (best effort: only a member of that
/// group, or root, may).
fn keep_group(file: &File, old: &std::fs::Metadata) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        use std::os::unix::io::AsRawFd;
        // SAFETY: the descriptor is open for the call; -1 leaves the owner as it is.
        let _ = unsafe { libc::fchown(file.as_raw_fd(), u32::MAX, old.gid()) };
    }
    #[cfg(not(unix))]
    let _ = (file, old);
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
    /// Opened read-only (another copy holds the lock, `--read-only`, no permission).
    ReadOnly,
    /// The file changed on disk since it was read or last written: not overwritten.
    ChangedOnDisk,
    /// The text would not load back as the project it should be (a bug; never written).
    Invalid(Vec<Problem>),
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
            SaveError::Exists(path) => write!(f, "{} exists", path.display()),
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
        let (bytes, disk) = read(&target)?;
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

    /// Reads the file again (after it changed on disk).
    pub fn reload(&mut self) -> std::io::Result<Vec<u8>> {
        let (bytes, disk) = read_settled(&self.target)?;
        self.disk = Some(disk);
        self.encoding = Encoding::of(&bytes);
        Ok(bytes)
    }

    /// Writes `text` if the file is still as we last saw it — checked again just before
    /// the new file takes its place — and the text loads back as `expected`.
    pub fn save(&mut self, text: &str, expected: &Project) -> Result<(), SaveError> {
        if self.read_only() {
            return Err(SaveError::ReadOnly);
        }
        if self.changed_on_disk() {
            return Err(SaveError::ChangedOnDisk);
        }
        self.write(text, expected, true)
    }

    /// Writes `text` whatever is on disk now (the user chose to overwrite).
    pub fn overwrite(&mut self, text: &str, expected: &Project) -> Result<(), SaveError> {
        if self.read_only() {
            return Err(SaveError::ReadOnly);
        }
        self.write(text, expected, false)
    }

    fn write(&mut self, text: &str, expected: &Project, check_disk: bool) -> Result<(), SaveError> {
        verify(text, expected)?;
        self.back_up()?;
        let bytes = self.encoding.encode(text);
        let seen = self.disk.clone();
        let written = replace_file(&self.target, &bytes, |target| {
            if check_disk && fingerprint_now(target)? != seen {
                return Err(std::io::Error::other(ChangedJustNow));
            }
            Ok(())
        })
        .map_err(|e| {
            if e.get_ref()
                .is_some_and(|inner| inner.is::<ChangedJustNow>())
            {
                SaveError::ChangedOnDisk
            } else {
                SaveError::Io(e)
            }
        })?;
        // What we wrote, not a re-read: a write by someone else after the rename is
        // theirs, and the next save sees it.
        self.disk = Some(written);
        Ok(())
    }

    /// Writes `NAME.toml.bak`, the file as the session opened it, before the first write.
    fn back_up(&mut self) -> Result<(), SaveError> {
        if self.backed_up {
            return Ok(());
        }
        if let Some(bytes) = &self.opened {
            let backup = backup_path(&self.target);
            write_side_file(&backup, bytes).map_err(SaveError::Io)?;
            // The backup may be read by whoever may read the file.
            if let Ok(meta) = std::fs::metadata(&self.target) {
                let _ = std::fs::set_permissions(&backup, meta.permissions());
            }
        }
        self.backed_up = true;
        self.opened = None;
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
        let half = &full[..full.len() / 2];
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

    #[test]
    fn a_write_by_another_program_during_a_save_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, crate::project::DEMO).unwrap();
        let (mut store, _) = Store::open(&path, false).unwrap();
        let ours = crate::project::DEMO.replacen("survey = 5.8", "survey = 5.7", 1);
        let project = analyze(&ours).project.unwrap();
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
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, crate::project::DEMO).unwrap();
        let (mut store, _) = Store::open(&path, false).unwrap();
        let ours = crate::project::DEMO.replacen("survey = 5.8", "survey = 5.7", 1);
        let project = analyze(&ours).project.unwrap();
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
        assert_eq!(
            encoding,
            Encoding {
                bom: true,
                crlf: true
            }
        );
        let text = decode(bytes.clone()).unwrap();
        assert_eq!(text, crate::project::DEMO);
        assert_eq!(encoding.encode(&text), bytes);
        assert_eq!(Encoding::of(b"a = 1\n"), Encoding::default());
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

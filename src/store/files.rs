//! The files kaoping reads and writes, and how: regular files only, with a hard byte
//! limit; a file's identity and contents (its fingerprint); its byte-order mark and line
//! ends; atomic replacement keeping permissions and group; side files never followed;
//! the lock; what an export may not replace.

use super::MAX_FILE_BYTES;
use crate::project::problem::Problem;
use std::fs::{File, OpenOptions};
use std::hash::Hasher;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The file a path really names: a symlink is followed to its target, so that saving
/// replaces the target and keeps the link.
pub fn resolve(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// A file beside `target` named `.NAME<suffix>` (hidden) or `NAME<suffix>`.
pub(super) fn beside(target: &Path, hidden: bool, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project.toml".into());
    let dot = if hidden { "." } else { "" };
    folder_of(target).join(format!("{dot}{name}{suffix}"))
}

pub(super) fn folder_of(target: &Path) -> PathBuf {
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
    pub(super) fn of(meta: &std::fs::Metadata, bytes: &[u8]) -> Fingerprint {
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
pub(super) fn not_a_file(meta: &std::fs::Metadata) -> Option<NotAFile> {
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
pub(super) fn open_regular(path: &Path) -> std::io::Result<(File, std::fs::Metadata)> {
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
        super::tests::AFTER_READ.with(|hook| {
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
pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

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
pub(super) fn fingerprint_now(target: &Path) -> std::io::Result<Option<Fingerprint>> {
    match read(target) {
        Ok((_, f)) => Ok(Some(f)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Who we are, for the lock file: `user@host (pid N)`. The account comes from the system
/// (`USER` may be unset, or anything).
pub(super) fn holder_text() -> String {
    format!("{}@{} (pid {})", account(), hostname(), std::process::id())
}

/// The name of the account this process runs as.
pub(super) fn account() -> String {
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

pub(super) fn hostname() -> String {
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
pub(super) fn open_side_file(path: &Path, truncate: bool) -> std::io::Result<File> {
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

pub(super) fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
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
pub(super) fn replace_file(
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
    super::tests::BEFORE_RENAME.with(|hook| {
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
pub(super) fn keep_group(file: &File, old: &std::fs::Metadata) {
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
pub(super) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

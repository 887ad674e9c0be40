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

/// The absolute path a file has or would have: its folder's real path and its name (a
/// file that does not exist yet, given relatively, compares right with one that does).
fn real_path(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let folder = folder_of(path);
    let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
    match path.file_name() {
        Some(name) => folder.join(name),
        None => folder,
    }
}

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

/// What a file on disk is, to notice when it changes: its size and a hash of its contents
/// (times alone miss fast edits). Two fingerprints are the same file when those agree:
/// `touch`, or a program writing back the same bytes, is no change. The time is kept for
/// [`read_settled`].
#[derive(Debug, Clone, Eq)]
pub struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    hash: u64,
}

impl PartialEq for Fingerprint {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

impl Fingerprint {
    pub(super) fn of(meta: &std::fs::Metadata, bytes: &[u8]) -> Fingerprint {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        h.write(bytes);
        Fingerprint {
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

/// An I/O error on a file kaoping names: the file the user knows (the project, its
/// backup, its lock …), never the temporary file a save went through.
#[derive(Debug)]
pub struct AtPath {
    pub path: PathBuf,
    pub source: std::io::Error,
}

impl std::fmt::Display for AtPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.source)
    }
}

impl std::error::Error for AtPath {}

/// Says an I/O error happened on `path`: the operating system's error alone (a temporary
/// file's name, which some errors carry, is dropped), under the file the user knows.
/// Errors that already say what they are (not a regular file, a linked side file, too
/// large, already named) are kept as they are.
pub fn at(path: &Path) -> impl FnOnce(std::io::Error) -> std::io::Error + '_ {
    move |e| {
        let typed = e.get_ref().is_some_and(|inner| {
            inner.is::<AtPath>()
                || inner.is::<NotAFile>()
                || inner.is::<SymlinkedSideFile>()
                || inner.is::<HardLinkedSideFile>()
                || inner.is::<TooLarge>()
        });
        if typed {
            return e;
        }
        let kind = e.kind();
        // The system's own error, also from under tempfile's wrapper, which names the
        // temporary file and keeps the code only in its text ("… (os error 28) at path …").
        let code = e.raw_os_error().or_else(|| {
            let text = e.get_ref()?.to_string();
            let (_, after) = text.split_once("(os error ")?;
            after.split_once(')')?.0.parse().ok()
        });
        let source = match code {
            Some(code) => std::io::Error::from_raw_os_error(code),
            None => e,
        };
        std::io::Error::new(
            kind,
            AtPath {
                path: path.to_path_buf(),
                source,
            },
        )
    }
}

/// A side file (lock, backup, `.mine`, recovery) that is a symbolic link: refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymlinkedSideFile(pub PathBuf);

impl std::fmt::Display for SymlinkedSideFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} is a symbolic link", self.0.display())
    }
}

impl std::error::Error for SymlinkedSideFile {}

/// A side file (the lock) that has other names too (a hard link): writing it would write
/// whatever file it shares, perhaps the project itself. Refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HardLinkedSideFile(pub PathBuf);

impl std::fmt::Display for HardLinkedSideFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} has other names (a hard link)", self.0.display())
    }
}

impl std::error::Error for HardLinkedSideFile {}

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

/// How a file writes its text: with a byte-order mark or not, and how each of its lines
/// ends (`\n`, `\r\n`, or nothing at the very end), as it was read. A save writes every
/// line it did not change with the ending it had — so a file of mixed line ends stays
/// mixed — and a changed or new line with the ending most of the file uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Encoding {
    pub bom: bool,
    /// The text as read, with `\n` line ends (the lines to match a new text against).
    text: String,
    /// How each line of `text` ends.
    ends: Vec<End>,
}

/// How a line ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    Lf,
    CrLf,
    /// The last line of a file without a final line break.
    Nothing,
}

impl End {
    fn bytes(self) -> &'static [u8] {
        match self {
            End::Lf => b"\n",
            End::CrLf => b"\r\n",
            End::Nothing => b"",
        }
    }
}

/// The UTF-8 byte-order mark.
pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Encoding {
    /// The encoding of a file's bytes: its byte-order mark and every line's ending.
    pub fn of(bytes: &[u8]) -> Encoding {
        let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
        let mut ends = Vec::new();
        let mut text = String::with_capacity(body.len());
        for line in body.split_inclusive(|b| *b == b'\n') {
            let (content, end) = match line.strip_suffix(b"\r\n") {
                Some(c) => (c, End::CrLf),
                None => match line.strip_suffix(b"\n") {
                    Some(c) => (c, End::Lf),
                    None => (line, End::Nothing),
                },
            };
            text.push_str(&String::from_utf8_lossy(content));
            if end != End::Nothing {
                text.push('\n');
            }
            ends.push(end);
        }
        Encoding {
            bom: bytes.starts_with(BOM),
            text,
            ends,
        }
    }

    /// Whether most lines end in CRLF.
    pub fn crlf(&self) -> bool {
        let crlf = self.ends.iter().filter(|e| **e == End::CrLf).count();
        let lf = self.ends.iter().filter(|e| **e == End::Lf).count();
        crlf > lf
    }

    /// A text (with `\n` line ends, no BOM) as the bytes of a file of this encoding: the
    /// lines that open and close the file as they were (a common start and a common end)
    /// keep their endings; the lines between take the ending most of the file uses.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() + text.len() / 32 + 3);
        if self.bom {
            out.extend_from_slice(BOM);
        }
        let old: Vec<&str> = self.text.split_inclusive('\n').collect();
        let new: Vec<&str> = text.split_inclusive('\n').collect();
        fn content(line: &str) -> &str {
            line.strip_suffix('\n').unwrap_or(line)
        }
        let same = |a: &str, b: &str| content(a) == content(b);
        let start = old.iter().zip(&new).take_while(|(a, b)| same(a, b)).count();
        let room = old.len().min(new.len()) - start;
        let end = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take(room)
            .take_while(|(a, b)| same(a, b))
            .count();
        let usual = if self.crlf() { End::CrLf } else { End::Lf };
        for (i, line) in new.iter().enumerate() {
            let kept = if i < start {
                self.ends.get(i).copied()
            } else if i >= new.len() - end {
                self.ends.get(old.len() - (new.len() - i)).copied()
            } else {
                None
            };
            out.extend_from_slice(content(line).as_bytes());
            let ending = match (kept, line.ends_with('\n')) {
                // The last line of the old file had none: it still has none.
                (Some(End::Nothing), _) => End::Nothing,
                (_, false) => End::Nothing,
                (Some(e), true) => e,
                (None, true) => usual,
            };
            out.extend_from_slice(ending.bytes());
        }
        out
    }
}

/// A file that is not UTF-8: its text with the bad bytes replaced, and the problem (at
/// the first bad byte).
pub type NotText = Box<(String, Problem)>;

/// A file's bytes as text: without its byte-order mark, with `\n` line ends (the file's
/// [`Encoding`] says how to write it back).
pub fn decode(mut bytes: Vec<u8>) -> Result<String, NotText> {
    if bytes.starts_with(BOM) {
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
    Ok(if text.contains('\r') {
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
/// `O_NOFOLLOW`. A side file that is a link is refused ([`SymlinkedSideFile`]), and so is
/// one with other names ([`HardLinkedSideFile`]), since it is written in place.
pub(super) fn open_side_file(path: &Path, truncate: bool) -> std::io::Result<File> {
    open_side_file_at(path, truncate).map_err(at(path))
}

fn open_side_file_at(path: &Path, truncate: bool) -> std::io::Result<File> {
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
            // A hard link shares its bytes with another name (the project, say): writing
            // the side file in place would write that file.
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                if meta.nlink() > 1 {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        HardLinkedSideFile(path.to_path_buf()),
                    ));
                }
            }
            Ok(file)
        }
        // ELOOP: it became a link after the look above.
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => Err(refuse()),
        Err(e) => Err(e),
    }
}

/// Writes a side file (backup, `.mine`, recovery) atomically, never through a symbolic
/// link: a link there is refused, and the new file replaces the name itself. It gets the
/// project's permissions, group and extended attributes (ACLs) — or, when they cannot all
/// be given, the owner's permissions only — and is never readable by anyone else while
/// it is written.
pub fn write_side_file(path: &Path, bytes: &[u8], project: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            SymlinkedSideFile(path.to_path_buf()),
        ));
    }
    match replace_file(path, bytes, Some(project), |_| Ok(())) {
        Ok(_) => Ok(()),
        Err(e) if e.get_ref().is_some_and(|i| i.is::<CannotKeepAttributes>()) => {
            replace_file(path, bytes, None, |_| Ok(())).map(|_| ())
        }
        Err(e) => Err(at(path)(e)),
    }
}

/// The most a side file kaoping reads may hold (a recovery file is a line or two).
pub const SIDE_FILE_LIMIT: u64 = 1024 * 1024;

/// Reads a side file (the recovery file): `None` when there is none; never through a
/// symbolic link, only a regular file, and at most [`SIDE_FILE_LIMIT`] bytes.
pub fn read_side_file(path: &Path) -> std::io::Result<Option<Vec<u8>>> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
        Ok(m) if m.file_type().is_symlink() => {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                SymlinkedSideFile(path.to_path_buf()),
            ));
        }
        Ok(_) => {}
    }
    let (file, meta) = open_regular(path)?;
    if meta.len() > SIDE_FILE_LIMIT {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            TooLarge { bytes: meta.len() },
        ));
    }
    let mut bytes = Vec::new();
    file.take(SIDE_FILE_LIMIT + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > SIDE_FILE_LIMIT {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            TooLarge {
                bytes: bytes.len() as u64,
            },
        ));
    }
    Ok(Some(bytes))
}

/// Takes the lock of a project file, or says who holds it. An error names the lock file.
pub fn lock(target: &Path) -> std::io::Result<Result<Lock, String>> {
    let path = lock_path(target);
    take_lock(&path).map_err(at(&path))
}

fn take_lock(path: &Path) -> std::io::Result<Result<Lock, String>> {
    let mut file = open_side_file(path, false)?;
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
        _ => real_path(a) == real_path(b),
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
/// replaced) and an existing file keeps its permissions, group and extended attributes
/// (or is written in place when they cannot be given to a new file); a new file gets the
/// usual ones (`0666` less the umask). What `save as` and the exports write through.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = resolve(path);
    let like = target.exists().then_some(target.as_path());
    match replace_file(&target, bytes, like, |_| Ok(())) {
        Ok(_) => Ok(()),
        Err(e) if e.get_ref().is_some_and(|i| i.is::<CannotKeepAttributes>()) => {
            write_in_place(&target, bytes, |_| Ok(())).map(|_| ())
        }
        Err(e) => Err(at(&target)(e)),
    }
}

/// A new file cannot be given the old one's group or extended attributes (an ACL): the
/// caller writes in place instead, or gives up the attributes of a side file.
#[derive(Debug)]
pub struct CannotKeepAttributes;

impl std::fmt::Display for CannotKeepAttributes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the file's group or attributes cannot be given to a new file"
        )
    }
}

impl std::error::Error for CannotKeepAttributes {}

/// Writes `bytes` to a temporary file beside `target` — private while it is written, then
/// with the permissions, group and extended attributes of `like` (the file it replaces, or
/// for a side file the project) — asks `last_look` whether it may replace the target now,
/// the moment just before the rename, and renames it over the target. Returns the
/// fingerprint of what it wrote (the file on disk from then on). When `like`'s group or
/// attributes cannot be given to the new file: [`CannotKeepAttributes`], nothing written.
pub(super) fn replace_file(
    target: &Path,
    bytes: &[u8],
    like: Option<&Path>,
    last_look: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<Fingerprint> {
    let dir = folder_of(target);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project.toml".into());
    let prefix = format!(".{name}.");
    let like_meta = like.and_then(|l| std::fs::metadata(l).ok());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Private until it has the right permissions; a new file with nothing to copy
        // gets the usual ones (the umask applies).
        let mode = if like_meta.is_some() { 0o600 } else { 0o666 };
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    tmp.as_file_mut().write_all(bytes)?;
    if let (Some(meta), Some(like)) = (&like_meta, like) {
        if !keep_group(tmp.as_file(), meta) || !copy_attributes(like, tmp.as_file()) {
            return Err(std::io::Error::other(CannotKeepAttributes));
        }
        tmp.as_file().set_permissions(meta.permissions())?;
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

/// Writes `bytes` over the file itself, keeping everything the file is (owner, group,
/// ACL): for a file whose group or attributes a new file cannot be given. Not atomic — the
/// caller has written the backup first. `last_look` runs just before the file is cut.
pub(super) fn write_in_place(
    target: &Path,
    bytes: &[u8],
    last_look: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<Fingerprint> {
    let (mut file, meta) = {
        let file = OpenOptions::new().write(true).open(target)?;
        let meta = file.metadata()?;
        if let Some(kind) = not_a_file(&meta) {
            return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, kind));
        }
        (file, meta)
    };
    let _ = meta;
    last_look(target)?;
    file.set_len(0)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(Fingerprint::of(&file.metadata()?, bytes))
}

/// Gives a new file the group of the one it replaces; false when it could not (only a
/// member of that group, or root, may).
pub(super) fn keep_group(file: &File, old: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        use std::os::unix::io::AsRawFd;
        if file.metadata().is_ok_and(|m| m.gid() == old.gid()) {
            return true;
        }
        // SAFETY: the descriptor is open for the call; -1 leaves the owner as it is.
        unsafe { libc::fchown(file.as_raw_fd(), u32::MAX, old.gid()) == 0 }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, old);
        true
    }
}

/// Copies the extended attributes of `from` (an ACL, a security label) to `to`; false when
/// one could not be set. A file system without them has nothing to copy.
#[cfg(target_os = "linux")]
fn copy_attributes(from: &Path, to: &File) -> bool {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::io::AsRawFd;
    let Ok(path) = std::ffi::CString::new(from.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY (all calls below): valid NUL-terminated strings, buffers valid for the
    // lengths given, and a descriptor open for the calls.
    let size = unsafe { libc::listxattr(path.as_ptr(), std::ptr::null_mut(), 0) };
    if size <= 0 {
        return true;
    }
    let mut names = vec![0u8; size as usize];
    let size = unsafe { libc::listxattr(path.as_ptr(), names.as_mut_ptr().cast(), names.len()) };
    if size < 0 {
        return false;
    }
    names.truncate(size as usize);
    for name in names.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let Ok(name) = std::ffi::CString::new(name) else {
            return false;
        };
        let len = unsafe { libc::getxattr(path.as_ptr(), name.as_ptr(), std::ptr::null_mut(), 0) };
        if len < 0 {
            return false;
        }
        let mut value = vec![0u8; len as usize];
        let len = unsafe {
            libc::getxattr(
                path.as_ptr(),
                name.as_ptr(),
                value.as_mut_ptr().cast(),
                value.len(),
            )
        };
        if len < 0 {
            return false;
        }
        let set = unsafe {
            libc::fsetxattr(
                to.as_raw_fd(),
                name.as_ptr(),
                value.as_ptr().cast(),
                len as usize,
                0,
            )
        };
        if set != 0 {
            return false;
        }
    }
    true
}

#[cfg(not(target_os = "linux"))]
fn copy_attributes(_from: &Path, _to: &File) -> bool {
    true
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

//! An open project: the document (for format-preserving saves), the typed project, its
//! problems and scores, the undo history, and the file it is saved to. Every change goes
//! through [`Session::commit`], which refuses an edit that would leave the project with
//! an error, and every committed edit is written to the file through the [`Store`], which
//! never overwrites a file that changed behind its back: on another thread
//! ([`Session::start_save`], one save at a time; the thread gets the text and a copy of
//! the project, never the session, and its outcome is taken in here), or here and now
//! ([`Session::flush`]).

use crate::check;
use crate::edit::{Edit, apply_to_document, apply_to_project};
use crate::i18n::{Lang, problem_message};
use crate::project::problem::Problem;
use crate::project::{self, Project, SheetKind, UnitScores};
use crate::scoring::Scoreboard;
use crate::store::{Denied, SaveError, Store};
use chrono::{DateTime, Local};
use std::path::Path;
use toml_edit::DocumentMut;

/// Why an edit was refused: the errors it would have caused.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub problems: Vec<Problem>,
}

impl Rejected {
    /// The reason in words (the first error's message).
    pub fn message(&self, lang: Lang) -> String {
        self.problems
            .iter()
            .find(|p| p.is_error())
            .or(self.problems.first())
            .map(|p| problem_message(&p.kind, lang))
            .unwrap_or_default()
    }
}

/// Why a file could not be opened for editing.
#[derive(Debug)]
pub enum OpenError {
    Io(std::io::Error),
    /// The text, and its errors (located in the text).
    Invalid {
        text: String,
        problems: Vec<Problem>,
    },
}

impl OpenError {
    /// What went wrong, in a line for the status line: the first error (its TOML path
    /// and message) or the system's error.
    pub fn first_line(&self, lang: Lang) -> String {
        match self {
            OpenError::Io(e) => crate::i18n::io_error(e, lang),
            OpenError::Invalid { problems, .. } => problems
                .iter()
                .find(|p| p.is_error())
                .map(|p| {
                    format!(
                        "{}: {}",
                        p.path,
                        crate::i18n::problem_message(&p.kind, lang)
                    )
                })
                .unwrap_or_default(),
        }
    }
}

/// Why a session is read-only (besides `--read-only`), to tell the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// Asked for.
    Asked,
    /// Another copy holds the lock: who.
    Locked(String),
    /// The file names a newer format: which.
    Newer(String),
    /// The file has no write permission.
    FileReadOnly,
    /// Its folder cannot be written.
    FolderReadOnly,
}

impl ReadOnlyReason {
    /// Why, in words; `None` when it was asked for (nothing to explain).
    pub fn explained(&self, lang: Lang) -> Option<String> {
        use crate::i18n::T;
        Some(match self {
            ReadOnlyReason::Asked => return None,
            ReadOnlyReason::Locked(holder) => crate::i18n::TuiText(lang).locked_by(holder),
            ReadOnlyReason::Newer(format) => crate::i18n::TuiText(lang).newer_format(format),
            ReadOnlyReason::FileReadOnly => T::FileNotWritable.get(lang).to_string(),
            ReadOnlyReason::FolderReadOnly => T::FolderNotWritable.get(lang).to_string(),
        })
    }
}

/// What to restore when an edit is refused: the one score sheet it touched, or (for a
/// change to the scheme) the whole project.
enum Undo {
    Sheet(String, Box<Option<UnitScores>>),
    Project(Box<Project>),
}

/// An open project.
pub struct Session {
    pub store: Store,
    /// Why no edit can be made, if none can.
    pub read_only: Option<ReadOnlyReason>,
    /// The document edits are applied to and saved from; `None` until an edit needs it
    /// (a session reads its file through the light tree, so that the first frame does
    /// not wait for the document): then it is `doc_parsing`'s, or made from `text`.
    doc: Option<DocumentMut>,
    /// A writable session's document, being parsed on another thread from the text read
    /// at open (dropped, unused, when the text is replaced before it is needed).
    doc_parsing: Option<std::thread::JoinHandle<Option<DocumentMut>>>,
    /// The text of the last committed state (what is, or is about to be, on disk); `None`
    /// until it is needed (it is written out after the input that committed the edit).
    text: Option<String>,
    /// The last preview: the edit, at which generation, and the scores it gave.
    preview: Option<(Edit, u64, Scoreboard)>,
    /// The last preview of several edits made as one step ([`Session::preview_many`]).
    batch: Option<(Vec<Edit>, u64, Scoreboard)>,
    pub project: Project,
    /// Warnings (a session never holds a project with errors).
    pub problems: Vec<Problem>,
    /// The problems of [`check::check`] among them (those not read from the scores):
    /// what an edit of a score sheet leaves as they were ([`check::check_and_rescore`]).
    checks: Vec<Problem>,
    pub board: Scoreboard,
    /// The self-check figures scored like the assessed ones (`crate::selfcheck`), kept
    /// up to date with the project; `None` while it has no `[selfcheck.<id>]` sheet (a
    /// project without one pays nothing for it).
    pub selfcheck_board: Option<Scoreboard>,
    undo: Vec<String>,
    redo: Vec<String>,
    /// A committed edit not yet written.
    dirty: bool,
    pub last_saved: Option<DateTime<Local>>,
    /// Why the last write failed ([`SaveError::message`] says it in words).
    pub save_error: Option<SaveError>,
    /// `NAME.toml.mine`, once kaoping's version was written there.
    mine: Option<std::path::PathBuf>,
    /// The file changed on disk while edits were waiting to be written: nothing is
    /// written until the user chooses (reload, overwrite, save as).
    pub conflict: bool,
    /// The edits committed since the last write, to apply again after a reload; `None`
    /// once an undo or redo made them no longer a simple list.
    unsaved: Option<Vec<Unsaved>>,
    /// Counts committed changes (views may cache on it).
    pub generation: u64,
    /// The save running on another thread, if one is ([`Session::start_save`]).
    saving: Option<Saving>,
    /// The file changed on disk while a save was running: to look again once it is done
    /// ([`Session::take_disk_check`]).
    disk_check_waits: bool,
}

/// A save running on another thread: where its outcome comes, and what it wrote (the
/// state at this generation, with this many of the unsaved edits).
struct Saving {
    done: std::sync::mpsc::Receiver<crate::store::SaveDone>,
    generation: u64,
    edits: Option<usize>,
}

impl Session {
    /// Opens a file: read it (taking the lock unless `read_only`), parse, check, score.
    /// A second copy of a locked file, or a file of a newer format, opens read-only.
    pub fn open(path: &Path, read_only: bool) -> Result<Session, OpenError> {
        let (mut store, bytes) = Store::open(path, read_only).map_err(OpenError::Io)?;
        let text = crate::store::decode(bytes).map_err(|bad| OpenError::Invalid {
            text: bad.0,
            problems: vec![bad.1],
        })?;
        let mut reason = match (&store.denied, read_only) {
            (_, true) => Some(ReadOnlyReason::Asked),
            (Some(Denied::Locked(holder)), _) => Some(ReadOnlyReason::Locked(holder.clone())),
            (Some(Denied::FileReadOnly), _) => Some(ReadOnlyReason::FileReadOnly),
            (Some(Denied::FolderReadOnly), _) => Some(ReadOnlyReason::FolderReadOnly),
            (None, false) => None,
        };
        // The light tree for the first frame; a writable session's document is parsed
        // meanwhile on another thread (the first edit waits for it if it must).
        let (doc, project, (checks, problems), board) = match analyse(&text, false, false) {
            Ok(parts) => parts,
            Err(OpenError::Invalid { problems, .. }) if newer_format(&problems).is_some() => {
                // A newer format: show what this version can read, without writing.
                let found = newer_format(&problems).unwrap_or_default();
                let parts = analyse(&text, true, false)?;
                store.make_read_only();
                reason = Some(ReadOnlyReason::Newer(found));
                parts
            }
            Err(e) => return Err(e),
        };
        let selfcheck_board = selfcheck_board(&project);
        let doc_parsing = reason.is_none().then(|| {
            let text = text.clone();
            std::thread::spawn(move || text.parse::<DocumentMut>().ok())
        });
        Ok(Session {
            store,
            read_only: reason,
            doc,
            doc_parsing,
            text: Some(text),
            preview: None,
            batch: None,
            project,
            problems,
            checks,
            board,
            selfcheck_board,
            undo: Vec::new(),
            redo: Vec::new(),
            dirty: false,
            last_saved: None,
            save_error: None,
            mine: None,
            conflict: false,
            unsaved: Some(Vec::new()),
            generation: 0,
            saving: None,
            disk_check_waits: false,
        })
    }

    /// The path of the file, as given.
    pub fn path(&self) -> &Path {
        &self.store.path
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// The text of the current state.
    pub fn text(&mut self) -> &str {
        if self.text.is_none() {
            self.text = Some(self.doc_mut().to_string());
        }
        self.text.as_deref().unwrap_or_default()
    }

    /// The document: the one parsed since the session opened, else made from the text.
    fn doc_mut(&mut self) -> &mut DocumentMut {
        if self.doc.is_none()
            && let Some(parsing) = self.doc_parsing.take()
        {
            self.doc = parsing.join().ok().flatten();
        }
        let text = &self.text;
        self.doc.get_or_insert_with(|| {
            text.as_deref()
                .unwrap_or_default()
                .parse()
                .unwrap_or_default()
        })
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies an edit if it leaves the project without errors; refuses it otherwise,
    /// leaving everything as it was.
    pub fn commit(&mut self, edit: Edit) -> Result<(), Rejected> {
        self.applies(&edit)?;
        let penalty = self.penalty_named(&edit);
        let previous = self.text().to_string();
        match self.preview.take() {
            // Just previewed (the value being typed): its scores are already known.
            Some((seen, generation, board)) if seen == edit && generation == self.generation => {
                apply_to_project(&mut self.project, &edit);
                // An edit of one score sheet that previewed has no error and leaves the
                // checks that do not read the scores as they were.
                if sheet_change(&edit).is_none() {
                    self.checks = check::check(&self.project);
                }
                let mut problems = self.checks.clone();
                problems.extend(check::board_problems(&self.project, &board));
                self.problems = problems;
                self.board = board;
            }
            _ => self.apply_checked(&edit)?,
        }
        // The self-check figures depend on the scheme and the self-check sheets, not on
        // the assessed sheets: typing an assessed value costs nothing here.
        if !matches!(edit.sheet_edit(), Some((SheetKind::Scores, _))) {
            self.rescore_selfcheck();
        }
        apply_to_document(self.doc_mut(), &edit);
        self.text = None;
        // An edit that leaves the file as it was (the same value typed again) is no step
        // to undo and nothing to write. The text is needed for the save anyway.
        if self.text() == previous {
            return Ok(());
        }
        if let Some(unsaved) = &mut self.unsaved {
            unsaved.push(Unsaved { edit, penalty });
        }
        self.undo.push(previous);
        self.redo.clear();
        self.changed();
        Ok(())
    }

    /// Applies several edits as one step (a block pasted into the grid or a sheet): all of
    /// them, checked and scored once, or none when the result would have an error; one
    /// undo takes them all back.
    pub fn commit_many(&mut self, edits: Vec<Edit>) -> Result<(), Rejected> {
        let previous = self.text().to_string();
        let saved = self.project.clone();
        for edit in &edits {
            if let Err(rejected) = self.applies(edit) {
                self.project = saved;
                return Err(rejected);
            }
            apply_to_project(&mut self.project, edit);
        }
        match self.batch.take() {
            // Just previewed (the question before a paste): its scores are known.
            Some((seen, generation, board)) if seen == edits && generation == self.generation => {
                self.checks = check::check(&self.project);
                let mut problems = self.checks.clone();
                problems.extend(check::board_problems(&self.project, &board));
                self.problems = problems;
                self.board = board;
            }
            _ => match self.validate() {
                Ok((checks, problems, board)) => {
                    self.checks = checks;
                    self.problems = problems;
                    self.board = board;
                }
                Err(rejected) => {
                    self.project = saved;
                    return Err(rejected);
                }
            },
        }
        self.preview = None;
        if edits
            .iter()
            .any(|e| !matches!(e.sheet_edit(), Some((SheetKind::Scores, _))))
        {
            self.rescore_selfcheck();
        }
        for edit in &edits {
            apply_to_document(self.doc_mut(), edit);
        }
        self.text = None;
        if self.text() == previous {
            return Ok(());
        }
        if let Some(unsaved) = &mut self.unsaved {
            unsaved.extend(edits.into_iter().map(|edit| Unsaved {
                edit,
                penalty: None,
            }));
        }
        self.undo.push(previous);
        self.redo.clear();
        self.changed();
        Ok(())
    }

    /// Works out the scores the project would have with several edits made as one step,
    /// without committing them ([`Session::previewed_many`] shows them; `commit_many` of
    /// the same edits then only checks). The caller has checked each edit's sheet.
    pub fn preview_many(&mut self, edits: &[Edit]) -> Result<(), Rejected> {
        self.batch = None;
        let saved = self.project.clone();
        for edit in edits {
            if let Err(rejected) = self.applies(edit) {
                self.project = saved;
                return Err(rejected);
            }
            apply_to_project(&mut self.project, edit);
        }
        let scored = crate::scoring::score(&self.project).map_err(|_| Rejected {
            problems: check::check_and_score(&self.project)
                .0
                .into_iter()
                .filter(Problem::is_error)
                .collect(),
        });
        self.project = saved;
        self.batch = Some((edits.to_vec(), self.generation, scored?));
        Ok(())
    }

    /// The scores of the last successful [`Session::preview_many`], while nothing was
    /// committed since.
    pub fn previewed_many(&self) -> Option<&Scoreboard> {
        match &self.batch {
            Some((_, generation, board)) if *generation == self.generation => Some(board),
            _ => None,
        }
    }

    /// Works out the scores the project would have with `edit`, without committing it
    /// ([`Session::previewed`] shows them); the errors it would cause instead. An edit of
    /// one score sheet is checked on that sheet only (it cannot cause an error elsewhere).
    pub fn preview(&mut self, edit: &Edit) -> Result<(), Rejected> {
        self.applies(edit)?;
        let restore = self.snapshot(edit);
        apply_to_project(&mut self.project, edit);
        let result = match sheet_change(edit) {
            Some((unit, change)) => {
                let errors = check::sheet_errors(&self.project, unit);
                if errors.is_empty() {
                    // Only what the edit touches is scored again.
                    crate::scoring::rescore(&self.project, &self.board, unit, change).map_err(
                        |_| Rejected {
                            problems: check::check_and_score(&self.project)
                                .0
                                .into_iter()
                                .filter(Problem::is_error)
                                .collect(),
                        },
                    )
                } else {
                    Err(Rejected { problems: errors })
                }
            }
            None => self.validate().map(|(_, _, board)| board),
        };
        self.restore(restore);
        self.preview = None;
        let board = result?;
        self.preview = Some((edit.clone(), self.generation, board));
        Ok(())
    }

    /// The scores of the last successful preview, while nothing was committed since.
    pub fn previewed(&self) -> Option<&Scoreboard> {
        match &self.preview {
            Some((_, generation, board)) if *generation == self.generation => Some(board),
            _ => None,
        }
    }

    /// Undoes the last committed edit; false when there is none.
    pub fn undo(&mut self) -> bool {
        self.step(true)
    }

    /// Redoes the last undone edit; false when there is none.
    pub fn redo(&mut self) -> bool {
        self.step(false)
    }

    fn step(&mut self, back: bool) -> bool {
        let from = if back { &mut self.undo } else { &mut self.redo };
        let Some(text) = from.pop() else {
            return false;
        };
        // Every text in the history was committed, so it loads without errors.
        let Ok((doc, project, (checks, problems), board)) =
            analyse(&text, false, self.doc.is_some())
        else {
            return false;
        };
        // The unsaved changes are no longer a list of edits on the file's version.
        self.unsaved = None;
        let current = self.text().to_string();
        if back {
            self.redo.push(current);
        } else {
            self.undo.push(current);
        }
        self.text = Some(text);
        self.doc = doc;
        self.doc_parsing = None;
        self.project = project;
        self.problems = problems;
        self.checks = checks;
        self.board = board;
        self.rescore_selfcheck();
        self.changed();
        true
    }

    /// Scores the self-check figures again (after a change that may touch them).
    fn rescore_selfcheck(&mut self) {
        self.selfcheck_board = selfcheck_board(&self.project);
    }

    fn changed(&mut self) {
        self.dirty = true;
        self.generation += 1;
    }

    /// Whether the file is gone from disk (deleted or moved while open): nothing to
    /// reload, only to write back or elsewhere.
    pub fn file_gone(&self) -> bool {
        self.store.is_gone()
    }

    /// Whether a committed edit still waits to be written.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Writes the committed state to the file, if it changed. A failure keeps the edit in
    /// memory (and `save_error` says why); the next flush tries again. If the file changed
    /// on disk, nothing is written until the user chooses: kaoping's version is put beside
    /// it (`NAME.toml.mine`) meanwhile, so that nothing is lost whatever happens.
    /// A save running on another thread is waited for first.
    pub fn flush(&mut self) -> Flushed {
        let waited = self.wait_for_save();
        match self.flush_now() {
            Flushed::Nothing => waited.unwrap_or(Flushed::Nothing),
            now => now,
        }
    }

    /// [`Session::flush`] on this thread, once no save runs on another.
    fn flush_now(&mut self) -> Flushed {
        if !self.dirty || self.is_read_only() || self.conflict {
            return Flushed::Nothing;
        }
        self.text();
        let text = self.text.as_deref().unwrap_or_default();
        let result = self.store.save(text, &self.project);
        let generation = self.generation;
        let edits = self.unsaved.as_ref().map(Vec::len);
        self.took(result, generation, edits)
    }

    /// Takes in how a write of the state at `generation` (with the first `edits` unsaved
    /// edits) went: as [`Session::flush`] says it.
    fn took(
        &mut self,
        result: Result<(), SaveError>,
        generation: u64,
        edits: Option<usize>,
    ) -> Flushed {
        match result {
            Ok(()) => {
                self.saved_upto(generation, edits);
                Flushed::Saved
            }
            Err(SaveError::ChangedOnDisk) => {
                self.conflict = true;
                self.keep_mine();
                self.save_error = Some(SaveError::ChangedOnDisk);
                Flushed::Conflict
            }
            Err(e) => {
                self.save_error = Some(e);
                Flushed::Failed
            }
        }
    }

    /// Starts writing the committed state on another thread, when it waits to be written
    /// and may be (not read-only, no conflict waiting for the user) and no save runs
    /// already: only the text and a copy of the project are made here; the parse-back
    /// and the write, with every check of [`Store::save`], run there. `wake` is called
    /// there once it is done; [`Session::finish_save`] then takes the outcome in. Edits
    /// committed meanwhile are written by the next save. Returns whether one started.
    pub fn start_save(&mut self, wake: impl FnOnce() + Send + 'static) -> bool {
        if !self.dirty || self.is_read_only() || self.conflict || self.saving.is_some() {
            return false;
        }
        let text = self.text().to_string();
        let job = match self.store.prepare(text, self.project.clone()) {
            Ok(job) => job,
            Err(e) => {
                self.save_error = Some(e);
                return false;
            }
        };
        let (tx, rx) = std::sync::mpsc::channel();
        // Handed over through a slot, so that a thread that cannot be started gives the
        // job back (it holds the store's knowledge of the file) to be run here instead.
        let slot = std::sync::Arc::new(std::sync::Mutex::new(Some(job)));
        let theirs = slot.clone();
        let here = tx.clone();
        let started = std::thread::Builder::new()
            .name("kaoping-save".into())
            .spawn(move || {
                // The loop hears of the end however it ends (a bug's panic included).
                let _wake = OnDrop(Some(wake));
                let job = theirs.lock().ok().and_then(|mut j| j.take());
                if let Some(job) = job {
                    let _ = tx.send(job.run());
                }
            });
        if started.is_err() {
            let job = slot.lock().ok().and_then(|mut j| j.take());
            if let Some(job) = job {
                let _ = here.send(job.run());
            }
        }
        self.saving = Some(Saving {
            done: rx,
            generation: self.generation,
            edits: self.unsaved.as_ref().map(Vec::len),
        });
        true
    }

    /// Whether a save runs on another thread.
    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// Takes in the outcome of the save running on another thread, if it is done:
    /// `None` while it runs (or when none does).
    pub fn finish_save(&mut self) -> Option<Flushed> {
        self.take_save(false)
    }

    /// Waits for the save running on another thread, if one does, and takes its outcome in.
    pub fn wait_for_save(&mut self) -> Option<Flushed> {
        self.take_save(true)
    }

    fn take_save(&mut self, wait: bool) -> Option<Flushed> {
        use std::sync::mpsc::TryRecvError;
        let saving = self.saving.as_ref()?;
        let done = if wait {
            saving.done.recv().ok()
        } else {
            match saving.done.try_recv() {
                Ok(done) => Some(done),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => None,
            }
        };
        let saving = self.saving.take()?;
        let result = match done {
            Some(done) => self.store.finish(done),
            // The save's thread ended without a word (it cannot, short of a bug): what the
            // store knew of the file (its backup, its line ends) went with it, so nothing
            // more is written over the file; save as still can.
            None => {
                self.store.make_read_only();
                Err(SaveError::Io(std::io::Error::other("the save stopped")))
            }
        };
        Some(self.took(result, saving.generation, saving.edits))
    }

    /// Whether the file changed on disk while a save was running: the caller looks again
    /// ([`Session::disk_changed`]) now that it is done.
    pub fn take_disk_check(&mut self) -> bool {
        !self.is_saving() && std::mem::take(&mut self.disk_check_waits)
    }

    /// Puts kaoping's version beside the file (`NAME.toml.mine`), and remembers it only
    /// when it was written: a message never names a file that is not there.
    pub fn keep_mine(&mut self) -> Option<&Path> {
        self.text();
        let text = self.text.as_deref().unwrap_or_default();
        let mine = crate::store::mine_path(self.store.target());
        self.mine = crate::store::write_side_file(&mine, text.as_bytes(), self.store.target())
            .ok()
            .map(|()| mine);
        self.mine.as_deref()
    }

    /// Where kaoping's version was put beside the file, if it was.
    pub fn mine(&self) -> Option<&Path> {
        self.mine.as_deref()
    }

    fn saved(&mut self) {
        self.dirty = false;
        self.conflict = false;
        self.save_error = None;
        self.last_saved = Some(Local::now());
        self.unsaved = Some(Vec::new());
    }

    /// The state at `generation` is on disk, with the first `edits` of the unsaved edits:
    /// those committed since wait for the next save.
    fn saved_upto(&mut self, generation: u64, edits: Option<usize>) {
        if generation == self.generation {
            return self.saved();
        }
        let unsaved = self.unsaved.take();
        self.saved();
        self.dirty = true;
        self.unsaved = match (unsaved, edits) {
            (Some(mut later), Some(written)) if written <= later.len() => {
                later.drain(..written);
                Some(later)
            }
            // An undo or redo made them no simple list on the file's version.
            _ => None,
        };
    }

    /// After the file changed on disk: read it again. Edits not yet written are applied
    /// again on top when they can be (the list of those that could not is returned); the
    /// file as kaoping had it stays in `NAME.toml.mine`.
    pub fn reload(&mut self) -> Result<Reloaded, OpenError> {
        // Never under a save running: its outcome first.
        self.wait_for_save();
        let (bytes, seen) = self.store.read_again().map_err(OpenError::Io)?;
        let text = crate::store::decode(bytes).map_err(|bad| OpenError::Invalid {
            text: bad.0,
            problems: vec![bad.1],
        })?;
        // Only a file that loads is taken as the file: one that does not stays "changed
        // on disk", so that the next save asks instead of writing over it.
        let (doc, project, (checks, problems), board) = analyse(&text, false, self.doc.is_some())?;
        self.store.accept(seen);
        let was_dirty = self.dirty;
        let pending = std::mem::take(&mut self.unsaved);
        self.doc = doc;
        self.doc_parsing = None;
        self.project = project;
        self.problems = problems;
        self.checks = checks;
        self.board = board;
        self.rescore_selfcheck();
        self.text = Some(text);
        self.undo.clear();
        self.redo.clear();
        self.preview = None;
        self.dirty = false;
        self.conflict = false;
        self.save_error = None;
        self.unsaved = Some(Vec::new());
        self.generation += 1;
        let mut outcome = Reloaded::default();
        match pending {
            Some(pending) => {
                for Unsaved { edit, penalty } in pending {
                    match self.recommit(edit, penalty) {
                        Ok(()) => outcome.reapplied += 1,
                        Err(_) => outcome.failed += 1,
                    }
                }
            }
            // An undo or a redo made the unsaved changes no list of edits any more:
            // they are in `NAME.toml.mine` (written when the conflict arose), not here.
            None if was_dirty => outcome.lost = true,
            None => {}
        }
        Ok(outcome)
    }

    /// The penalty an edit addresses by its index, as it is now (to find it again after
    /// a reload, where the list may have changed).
    fn penalty_named(&self, edit: &Edit) -> Option<crate::project::Penalty> {
        match edit {
            Edit::SetPenalty { unit, index, .. } | Edit::RemovePenalty { unit, index } => self
                .project
                .scores
                .get(unit)
                .and_then(|s| s.penalties.get(*index))
                .cloned(),
            _ => None,
        }
    }

    /// Commits an unsaved edit again on a reloaded file: an edit of a penalty goes to the
    /// penalty it changed, wherever that now stands in the list, or fails when it is gone.
    fn recommit(
        &mut self,
        mut edit: Edit,
        penalty: Option<crate::project::Penalty>,
    ) -> Result<(), Rejected> {
        if let (
            Some(before),
            Edit::SetPenalty { unit, index, .. } | Edit::RemovePenalty { unit, index },
        ) = (&penalty, &mut edit)
        {
            let list = self
                .project
                .scores
                .get(unit.as_str())
                .map(|s| s.penalties.as_slice())
                .unwrap_or_default();
            match list.iter().position(|p| p == before) {
                Some(at) if list.get(*index) != Some(before) => *index = at,
                Some(_) => {}
                None => {
                    return Err(Rejected {
                        problems: vec![Problem::new(
                            crate::project::problem::ProblemKind::NoSuchPenalty { index: *index },
                            crate::project::TomlPath::root(),
                        )],
                    });
                }
            }
        }
        self.commit(edit)
    }

    /// Writes kaoping's version over a file that changed on disk (the user chose to).
    pub fn overwrite(&mut self) {
        self.wait_for_save();
        self.text();
        let text = self.text.as_deref().unwrap_or_default();
        match self.store.overwrite(text, &self.project) {
            Ok(()) => self.saved(),
            Err(e) => self.save_error = Some(e),
        }
    }

    /// Writes kaoping's version to another file and goes on there.
    pub fn save_as(&mut self, path: &Path) -> Result<(), SaveError> {
        self.wait_for_save();
        self.text();
        let text = self.text.as_deref().unwrap_or_default();
        match self.store.save_as(path, text, &self.project) {
            Ok(()) => {
                self.saved();
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// The file changed on disk (a notification): a read-only copy follows it; a writable
    /// one reloads if it has nothing unsaved, and otherwise stops writing until the user
    /// chooses. Returns what happened (a read error in `lang`'s words).
    pub fn disk_changed(&mut self, lang: Lang) -> DiskChange {
        if self.is_saving() {
            // Our own write may be under way: looked at once it is done.
            self.disk_check_waits = true;
            return DiskChange::Nothing;
        }
        if !self.store.changed_on_disk() {
            return DiskChange::Nothing;
        }
        if self.store.is_gone() {
            // Nothing is written until the user chooses (write it again, or elsewhere).
            if !self.is_read_only() {
                self.conflict = true;
            }
            return DiskChange::Deleted;
        }
        if self.is_dirty() && !self.is_read_only() {
            self.conflict = true;
            // Nothing of ours is written now: kaoping's version goes beside the file.
            self.keep_mine();
            return DiskChange::Conflict;
        }
        match self.reload() {
            Ok(_) => DiskChange::Reloaded,
            Err(e) => DiskChange::Broken(e.first_line(lang)),
        }
    }

    /// Applies an edit to the project and keeps it if it checks and scores; otherwise
    /// restores the project and says why.
    fn apply_checked(&mut self, edit: &Edit) -> Result<(), Rejected> {
        let restore = self.snapshot(edit);
        apply_to_project(&mut self.project, edit);
        let validated = match sheet_change(edit) {
            // Only what an edit of one score sheet touches is checked and scored again.
            Some((unit, change)) => {
                let (problems, board) = check::check_and_rescore(
                    &self.project,
                    &self.checks,
                    &self.board,
                    unit,
                    change,
                );
                match board {
                    Some(board) => Ok((self.checks.clone(), problems, board)),
                    None => Err(Rejected {
                        problems: problems.into_iter().filter(Problem::is_error).collect(),
                    }),
                }
            }
            None => self.validate(),
        };
        match validated {
            Ok((checks, problems, board)) => {
                self.checks = checks;
                self.problems = problems;
                self.board = board;
                Ok(())
            }
            Err(rejected) => {
                self.restore(restore);
                Err(rejected)
            }
        }
    }

    /// Checks and scores the current project: the problems of [`check::check`], all of
    /// them, and the scores.
    fn validate(&self) -> Result<(Vec<Problem>, Vec<Problem>, Scoreboard), Rejected> {
        let (checks, problems, board) = check::check_and_score_keeping(&self.project);
        match board {
            Some(board) => Ok((checks, problems, board)),
            None => Err(Rejected {
                problems: problems.into_iter().filter(Problem::is_error).collect(),
            }),
        }
    }

    fn snapshot(&self, edit: &Edit) -> Undo {
        match sheet_of(edit) {
            Some(unit) => Undo::Sheet(
                unit.to_string(),
                Box::new(self.project.scores.get(unit).cloned()),
            ),
            None => Undo::Project(Box::new(self.project.clone())),
        }
    }

    fn restore(&mut self, undo: Undo) {
        match undo {
            Undo::Sheet(unit, sheet) => match *sheet {
                Some(sheet) => {
                    self.project.scores.insert(unit, sheet);
                }
                None => {
                    self.project.scores.shift_remove(&unit);
                }
            },
            Undo::Project(project) => self.project = *project,
        }
    }
}

impl Session {
    /// An edit that would change nothing because the file cannot hold its values (a number
    /// out of its range, not exact) or because what it names is not there (a unit gone
    /// since the value was typed) is refused with the reason: both appliers would ignore
    /// it, and it must never look as if it had been made.
    fn applies(&self, edit: &Edit) -> Result<(), Rejected> {
        let kind = if !edit.is_well_formed() {
            crate::project::problem::ProblemKind::NotWritable
        } else if let Some(missing) = edit.missing(&self.project) {
            missing
        } else {
            return Ok(());
        };
        Err(Rejected {
            problems: vec![Problem::new(kind, crate::project::TomlPath::root())],
        })
    }
}

/// Calls its function when dropped.
struct OnDrop<F: FnOnce()>(Option<F>);

impl<F: FnOnce()> Drop for OnDrop<F> {
    fn drop(&mut self) {
        if let Some(f) = self.0.take() {
            f();
        }
    }
}

/// The self-check figures of a project without errors, scored (`None` without a
/// self-check sheet; a project that checked has no overflow there).
fn selfcheck_board(project: &Project) -> Option<Scoreboard> {
    crate::scoring::score_selfcheck(project).and_then(Result::ok)
}

/// The unit whose score sheet an edit changes, when that is all it changes.
fn sheet_of(edit: &Edit) -> Option<&str> {
    match edit {
        Edit::SetSurvey { unit, .. }
        | Edit::SetOrg { unit, .. }
        | Edit::SetRow { unit, .. }
        | Edit::AddPenalty { unit, .. }
        | Edit::SetPenalty { unit, .. }
        | Edit::RemovePenalty { unit, .. } => Some(unit),
        _ => None,
    }
}

/// The unit whose assessed score sheet an edit changes, when that is all it changes, and
/// what in it (what [`crate::scoring::rescore`] follows).
fn sheet_change(edit: &Edit) -> Option<(&str, crate::scoring::SheetChange<'_>)> {
    use crate::scoring::SheetChange;
    match edit {
        Edit::SetRow {
            unit, indicator, ..
        } => Some((unit, SheetChange::Row(indicator))),
        _ => sheet_of(edit).map(|unit| (unit, SheetChange::Totals)),
    }
}

/// An edit committed since the last write, kept to be applied again after a reload;
/// with the penalty it addressed by index, as it was (to find it again).
#[derive(Debug, Clone)]
struct Unsaved {
    edit: Edit,
    penalty: Option<crate::project::Penalty>,
}

/// How a reload after a conflict went for the edits not yet written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reloaded {
    /// Applied again on top of the file read.
    pub reapplied: usize,
    /// Could not be applied again (what they changed is gone or now refused).
    pub failed: usize,
    /// An undo or redo mixed them: none could be applied again (they are in
    /// `NAME.toml.mine`).
    pub lost: bool,
}

/// What a flush did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flushed {
    /// Nothing to write (or not now: read-only, or a conflict waits for the user).
    Nothing,
    Saved,
    /// The file changed on disk: nothing written; kaoping's version kept beside it.
    Conflict,
    /// The write failed (the reason is in `save_error`); the edits are kept.
    Failed,
}

/// What a change on disk did to a session.
#[derive(Debug, Clone, PartialEq)]
pub enum DiskChange {
    /// It was our own write, or nothing changed.
    Nothing,
    /// The file was read again.
    Reloaded,
    /// Edits wait to be written: the user must choose.
    Conflict,
    /// The file is gone from its place: the session keeps its version (writable copies
    /// write nothing until the user chooses).
    Deleted,
    /// The file on disk now has errors, or could not be read (why, in words); the last
    /// good version stays on screen.
    Broken(String),
}

/// The format named by a file whose only trouble is being of a newer version.
fn newer_format(problems: &[Problem]) -> Option<String> {
    match problems {
        [p] => match &p.kind {
            crate::project::problem::ProblemKind::UnsupportedFormat { found, newer: true } => {
                Some(found.clone())
            }
            _ => None,
        },
        _ => None,
    }
}

/// The problems of [`check::check`] (kept for an incremental rescore), and all of them.
type Problems = (Vec<Problem>, Vec<Problem>);

/// The document (`None` on the light path), the project, its problems, the scores.
type Analysed = (Option<DocumentMut>, Project, Problems, Scoreboard);

/// Parses, loads, checks and scores a text; `newer` reads a newer format as this one.
/// With `keep_document`, through toml_edit's document, kept for saving; without, through
/// the lighter read-only tree ([`project::parse_read_only`]).
fn analyse(text: &str, newer: bool, keep_document: bool) -> Result<Analysed, OpenError> {
    let invalid = |problems| OpenError::Invalid {
        text: text.to_string(),
        problems,
    };
    if keep_document {
        let doc = project::parse(text).map_err(|p| invalid(vec![p]))?;
        let (project, problems, board) =
            checked(text, project::load_document_as(&doc, newer), &doc)?;
        Ok((Some(doc.into_mut()), project, problems, board))
    } else {
        let tree = project::parse_read_only(text).map_err(|p| invalid(vec![p]))?;
        let (project, problems, board) = checked(text, tree.load_as(newer), &tree)?;
        Ok((None, project, problems, board))
    }
}

/// The checks and scores of a loaded text (its problems placed in `doc`).
fn checked(
    text: &str,
    loaded: project::LoadOutcome,
    doc: &impl project::Locate,
) -> Result<(Project, Problems, Scoreboard), OpenError> {
    let invalid = |problems| OpenError::Invalid {
        text: text.to_string(),
        problems,
    };
    let mut problems = loaded.problems;
    let project = match loaded.project {
        Some(p) if !crate::project::problem::has_errors(&problems) => p,
        _ => {
            check::locate_all(doc, &mut problems);
            return Err(invalid(problems));
        }
    };
    let (checks, more, board) = check::check_and_score_keeping(&project);
    problems.extend(more);
    check::locate_all(doc, &mut problems);
    let Some(board) = board else {
        return Err(invalid(problems));
    };
    Ok((project, (checks, problems), board))
}

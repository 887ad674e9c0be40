//! An open project: the document (for format-preserving saves), the typed project, its
//! problems and scores, the undo history, and the file it is saved to. Every change goes
//! through [`Session::commit`], which refuses an edit that would leave the project with
//! an error, and every committed edit is written to the file ([`Session::flush`]).

use crate::check;
use crate::edit::{Edit, apply_to_document, apply_to_project};
use crate::i18n::{Lang, problem_message};
use crate::problem::Problem;
use crate::project::{self, Project, UnitScores};
use crate::scoring::Scoreboard;
use chrono::{DateTime, Local};
use std::path::{Path, PathBuf};
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
            .first()
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

/// What to restore when an edit is refused: the one score sheet it touched, or (for a
/// change to the scheme) the whole project.
enum Undo {
    Sheet(String, Box<Option<UnitScores>>),
    Project(Box<Project>),
}

/// An open project.
pub struct Session {
    pub path: PathBuf,
    pub read_only: bool,
    doc: DocumentMut,
    /// The text of the last committed state (what is, or is about to be, on disk); `None`
    /// until it is needed (it is written out after the frame that shows the edit).
    text: Option<String>,
    /// The last preview: the edit, at which generation, and the scores it gave.
    preview: Option<(Edit, u64, Scoreboard)>,
    pub project: Project,
    /// Warnings (a session never holds a project with errors).
    pub problems: Vec<Problem>,
    pub board: Scoreboard,
    undo: Vec<String>,
    redo: Vec<String>,
    /// A committed edit not yet written.
    dirty: bool,
    pub last_saved: Option<DateTime<Local>>,
    pub save_error: Option<String>,
    /// Counts committed changes (views may cache on it).
    pub generation: u64,
}

impl Session {
    /// Opens a file: read, parse, check, score.
    pub fn open(path: &Path, read_only: bool) -> Result<Session, OpenError> {
        let text = std::fs::read_to_string(path).map_err(OpenError::Io)?;
        Session::from_text(path, text, read_only)
    }

    /// A session on a text (as read from `path`).
    pub fn from_text(path: &Path, text: String, read_only: bool) -> Result<Session, OpenError> {
        let (doc, project, problems, board) = analyse(&text)?;
        Ok(Session {
            path: path.to_path_buf(),
            read_only,
            doc,
            text: Some(text),
            preview: None,
            project,
            problems,
            board,
            undo: Vec::new(),
            redo: Vec::new(),
            dirty: false,
            last_saved: None,
            save_error: None,
            generation: 0,
        })
    }

    /// The text of the current state.
    pub fn text(&mut self) -> &str {
        self.text.get_or_insert_with(|| self.doc.to_string())
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
        let previous = self.text().to_string();
        match self.preview.take() {
            // Just previewed (the value being typed): its scores are already known.
            Some((seen, generation, board)) if seen == edit && generation == self.generation => {
                apply_to_project(&mut self.project, &edit);
                let mut problems = check::check(&self.project);
                problems.extend(check::tie_problems(&self.project, &board));
                self.problems = problems;
                self.board = board;
            }
            _ => self.apply_checked(&edit)?,
        }
        apply_to_document(&mut self.doc, &edit);
        self.text = None;
        self.undo.push(previous);
        self.redo.clear();
        self.changed();
        Ok(())
    }

    /// Works out the scores the project would have with `edit`, without committing it
    /// ([`Session::previewed`] shows them); the errors it would cause instead. An edit of
    /// one score sheet is checked on that sheet only (it cannot cause an error elsewhere).
    pub fn preview(&mut self, edit: &Edit) -> Result<(), Rejected> {
        let restore = self.snapshot(edit);
        apply_to_project(&mut self.project, edit);
        let result = match sheet_of(edit) {
            Some(unit) => {
                let errors = check::sheet_errors(&self.project, unit);
                if errors.is_empty() {
                    crate::scoring::score(&self.project).map_err(|_| Rejected {
                        problems: check::check_and_score(&self.project).0,
                    })
                } else {
                    Err(Rejected { problems: errors })
                }
            }
            None => self.validate().map(|(_, board)| board),
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
        let Ok((doc, project, problems, board)) = analyse(&text) else {
            return false;
        };
        let current = self.text().to_string();
        if back {
            self.redo.push(current);
        } else {
            self.undo.push(current);
        }
        self.text = Some(text);
        self.doc = doc;
        self.project = project;
        self.problems = problems;
        self.board = board;
        self.changed();
        true
    }

    fn changed(&mut self) {
        self.dirty = true;
        self.generation += 1;
    }

    /// Whether a committed edit still waits to be written.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Writes the committed state to the file, if it changed. A failure keeps the edit in
    /// memory (and `save_error` says why); the next flush tries again.
    pub fn flush(&mut self) {
        if !self.dirty || self.read_only {
            return;
        }
        let text = self.text.get_or_insert_with(|| self.doc.to_string());
        match crate::store::write_atomic(&self.path, text) {
            Ok(()) => {
                self.dirty = false;
                self.save_error = None;
                self.last_saved = Some(Local::now());
            }
            Err(e) => self.save_error = Some(e.to_string()),
        }
    }

    /// Applies an edit to the project and keeps it if it checks and scores; otherwise
    /// restores the project and says why.
    fn apply_checked(&mut self, edit: &Edit) -> Result<(), Rejected> {
        let restore = self.snapshot(edit);
        apply_to_project(&mut self.project, edit);
        match self.validate() {
            Ok((problems, board)) => {
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

    /// Checks and scores the current project.
    fn validate(&self) -> Result<(Vec<Problem>, Scoreboard), Rejected> {
        let (problems, board) = check::check_and_score(&self.project);
        match board {
            Some(board) => Ok((problems, board)),
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

type Analysed = (DocumentMut, Project, Vec<Problem>, Scoreboard);

/// Parses, loads, checks and scores a text, keeping the document for saving.
fn analyse(text: &str) -> Result<Analysed, OpenError> {
    let invalid = |problems| OpenError::Invalid {
        text: text.to_string(),
        problems,
    };
    let doc = project::parse(text).map_err(|p| invalid(vec![p]))?;
    let loaded = project::load_document(&doc);
    let mut problems = loaded.problems;
    let project = match loaded.project {
        Some(p) if !crate::problem::has_errors(&problems) => p,
        _ => {
            check::locate_all(&doc, &mut problems);
            return Err(invalid(problems));
        }
    };
    let (more, board) = check::check_and_score(&project);
    problems.extend(more);
    check::locate_all(&doc, &mut problems);
    let Some(board) = board else {
        return Err(invalid(problems));
    };
    Ok((doc.into_mut(), project, problems, board))
}

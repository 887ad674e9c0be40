//! Every user intention the terminal program understands, and every outside effect it
//! asks for. Keys become messages through the keymap; [`super::update::update`] is the
//! only place that acts on them, and it returns [`Effect`]s (reading or writing files)
//! for the loop to run; each effect's outcome comes back as a message.

use super::model::Pane;
use crate::session::DiskChange;
use std::path::PathBuf;

/// A direction on the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Up,
    Down,
    Left,
    Right,
}

/// Where the caret of a text field goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaretMove {
    Left,
    Right,
    Home,
    End,
}

/// What a key asks for, with its argument. Bound to keys in one table
/// ([`super::keymap::BINDINGS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    ShowPane(Pane),
    /// The next pane (`Right`) or the previous one (`Left`).
    CyclePane(Dir),
    Help,
    Undo,
    Redo,
    Find,
    /// Show how the selected score was computed.
    Explain,
    /// One row or column.
    Move(Dir),
    /// A page up or down.
    Page(Dir),
    Top,
    Bottom,
    /// Start typing into the field under the cursor.
    Edit,
    /// Cycle a role, toggle a status, a flag or a penalty's level.
    Toggle,
    /// Clear the value under the cursor (it becomes pending).
    Clear,
    /// Switch a row between quantitative and qualitative.
    SwitchKind,
    /// Sort by the column under the cursor (again: reverse).
    Sort,
    /// Add what fits here: an indicator, a penalty, a unit.
    Add,
    AddArea,
    AddDepartment,
    /// Remove what is under the cursor (asks first when scores would go).
    Remove,
    RemoveDepartment,
    Rename,
    ToggleDirection,
    ToggleBonus,
    EditMeasure,
    EditUnits,
    EditPilot,
    MoveToArea,
    ToggleKind,
    /// Open the form of what the cursor is on (an indicator, an area, a unit).
    Fields,
    /// Open the form of the project's settings (title, sections, policy).
    Settings,
    Presentation,
    /// The ranking pane: show the 先进个人 view, or the board again.
    Individuals,
    /// What a unit lacks (what-if).
    WhatIf,
    /// Try a value without saving it (a scratch edit).
    Scratch,
    /// Compare with another file.
    Compare,
    /// Export the evaluation to a file.
    Export,
    /// Write the request workbooks (`kaoping sheets`) into a folder.
    Sheets,
    /// Show who has sent which return and who is late (报送情况).
    ReturnsStatus,
    /// Import a filled return (`kaoping import`): its preview, then a question.
    Import,
    /// Go to the place of the selected item (a problem, a unit).
    Jump,
    /// Leave the list for the sheet (Entry).
    Enter,
    // ---- the indicator grid (按指标录入) ----
    /// Open the indicator grid on the indicator under the cursor.
    OpenGrid,
    /// The grid's previous (`Left`) or next (`Right`) indicator.
    GridIndicator(Dir),
    /// A digit, `.` or `-` on a value: starts typing a new value that replaces it (the
    /// key goes on as the first character typed).
    TypeValue,
    // ---- while typing ----
    Commit,
    CommitNext,
    CommitPrev,
    Cancel,
    Caret(CaretMove),
    DeleteBack,
    DeleteForward,
    // ---- dialogs ----
    Yes,
    No,
    Close,
    /// After a conflict: read the file again (edits applied again on top).
    Reload,
    /// After a conflict: write kaoping's version over the file.
    Overwrite,
    /// After a conflict: write kaoping's version to another file.
    SaveAs,
    // ---- the screen of a file that cannot be opened ----
    /// Try to open the file again.
    Retry,
    /// Open `$EDITOR` at the first error.
    OpenEditor,
    /// Shows again the question of a conflict with the file on disk.
    ResolveConflict,
    /// Quits without writing what could not be written (the user chose to).
    Discard,
    // ---- the sheet, as a spreadsheet (issue 11) ----
    /// A digit, `.` or `-` on a value cell: starts typing a new value, this character
    /// replacing the old one.
    TypeOver(char),
    /// The next field of the sheet (`Right`) or the previous one (`Left`), on to the
    /// next or previous line.
    NextField(Dir),
    /// While typing: commit, and move up or down to the same field of the nearest line
    /// that has it.
    CommitMove(Dir),
    /// While typing: empty the field.
    ClearInput,
    /// While typing: delete the word before the caret.
    DeleteWordBack,
    /// While typing: delete from the caret to the end.
    DeleteToEnd,
}

/// A message to the program: a user's intention, or what an [`Effect`] came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Act(Action),
    /// A character typed into a field.
    Char(char),
    /// Text pasted (bracketed paste).
    Paste(String),
    /// The terminal changed size.
    Resize(u16, u16),
    /// The project file changed on disk.
    FileChanged,
    /// A write found the file changed on disk: nothing was written.
    Conflicted,
    /// [`Effect::Save`] ran: how the write went.
    Flushed(crate::session::Flushed),
    /// The save running on another thread is done (its outcome still to take in).
    SaveDone,
    /// [`Effect::FinishSave`] ran: how the save that ran on another thread went.
    Saved(crate::session::Flushed),
    /// [`Effect::CheckDisk`] ran: what the change on disk did to the session.
    DiskChecked(DiskChange),
    /// [`Effect::Reload`] ran: how many unsaved edits could not be applied again, or the
    /// file could not be read.
    /// The file read again, or why it could not be (in the user's words).
    Reloaded(Result<crate::session::Reloaded, String>),
    /// [`Effect::Overwrite`] ran (the session's `save_error` says whether it worked).
    Overwritten,
    /// [`Effect::SaveAs`] ran.
    SavedAs(PathBuf, Result<(), String>),
    /// [`Effect::Compare`] ran: the other file's text, or why it could not be read.
    Compared(PathBuf, Result<String, String>),
    /// [`Effect::Export`] ran: the file written, or why not.
    Exported(Result<PathBuf, String>),
    /// [`Effect::Sheets`] ran: how many workbooks were written into which folder, or why
    /// none was.
    SheetsWritten(Result<(usize, PathBuf), String>),
    /// [`Effect::PlanImport`] ran: what taking the return in would change, or why it
    /// cannot go in.
    ImportPlanned(Result<Planned, ImportRefused>),
}

/// Why a return named at `I`'s prompt cannot go in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportRefused {
    /// The prompt itself (no such file, a bad option): said under it, to be corrected.
    Prompt(String),
    /// What the return holds (its cells, another project's workbook, a damaged file):
    /// every reason, a line each.
    Return(Vec<String>),
}

/// A return read and planned (what [`Msg::ImportPlanned`] carries); two are the same
/// when they come from the same file and make the same edits.
#[derive(Debug, Clone)]
pub struct Planned(pub Box<crate::ops::Imported>);

impl PartialEq for Planned {
    fn eq(&self, other: &Planned) -> bool {
        self.0.file == other.0.file && self.0.plan.edits == other.0.plan.edits
    }
}

/// Something `update` asks the loop to do outside the model: read or write a file.
///
/// The session owns the project file, so the effects on it (re-reading it, writing over
/// it, writing it elsewhere) are the session's own methods: running one changes the
/// session's record of the file, never what the screen shows; `update` decides that
/// when the outcome comes back. Commits, undo and redo stay in `update`: they change
/// only the session's memory, and the loop hands them to a save on another thread
/// (`Session::start_save`), whose end comes back as [`Msg::SaveDone`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// See whether the project file changed on disk, and follow it if nothing waits to be
    /// written.
    CheckDisk,
    /// Write the committed edits now (before quitting).
    Save,
    /// Take in the outcome of the save that ran on another thread.
    FinishSave,
    /// After a conflict: read the file again, applying unsaved edits on top.
    Reload,
    /// After a conflict: write kaoping's version over the file.
    Overwrite,
    /// After a conflict: write kaoping's version to this file and go on there.
    SaveAs(PathBuf),
    /// Read this project file, to compare the open one with it.
    Compare(PathBuf),
    /// Write the evaluation as the export prompt says: a file name (its extension picks
    /// the format) and `kaoping export`'s options.
    Export(String),
    /// Write the request workbooks as the prompt says: a folder and `kaoping sheets`'s
    /// options.
    Sheets(String),
    /// Read the return the prompt names (and `kaoping import`'s options after it) and
    /// plan taking it into the project as it stands; nothing is written.
    PlanImport(String, crate::project::Date),
}

//! Every user intention the terminal program understands. Keys become messages through
//! the keymap; [`super::update::update`] is the only place that acts on them.

use super::model::Pane;

/// What a key asks for. Bound to keys in one table ([`super::keymap::BINDINGS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    ShowPane(Pane),
    NextPane,
    PrevPane,
    Help,
    Undo,
    Redo,
    Find,
    /// Show how the selected score was computed.
    Explain,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
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
    Presentation,
    /// What a unit lacks (what-if).
    WhatIf,
    /// Try a value without saving it (a scratch edit).
    Scratch,
    /// Compare with another file.
    Compare,
    /// Export the evaluation to a file.
    Export,
    /// Go to the place of the selected item (a problem, a unit).
    Jump,
    /// Leave the list for the sheet (Entry).
    Enter,
    // ---- while typing ----
    Commit,
    CommitNext,
    CommitPrev,
    Cancel,
    CaretLeft,
    CaretRight,
    CaretHome,
    CaretEnd,
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
}

/// A message to the program.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

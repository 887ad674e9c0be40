//! The one keymap: which key does what, where. Key handling, the `?` overlay and the
//! footer hints are all read from [`BINDINGS`], so they cannot drift apart.
//!
//! No binding needs Alt, a function key or a mouse (tmux and SSH eat them), and every
//! use of Esc has a second key (Ctrl-C or `q`), since a lone Esc is slow or lost there.

use super::model::Pane;
use super::msg::Action;
use crate::i18n::{Lang, T};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Every pane, when nothing is being typed and no overlay is open.
    Global,
    Matrix,
    EntryList,
    EntrySheet,
    Totals,
    Ranking,
    Problems,
    /// Typing into a field.
    Typing,
    /// Typing a search.
    Finding,
    Presentation,
    Help,
    Explain,
    Confirm,
    /// The file changed on disk while edits waited to be written.
    Conflict,
}

/// A key: a code, with or without Ctrl. Shift is part of the character (`A`, `?`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const UP: Key = code(KeyCode::Up);
const DOWN: Key = code(KeyCode::Down);
const LEFT: Key = code(KeyCode::Left);
const RIGHT: Key = code(KeyCode::Right);
const ENTER: Key = code(KeyCode::Enter);
const ESC: Key = code(KeyCode::Esc);
const TAB: Key = code(KeyCode::Tab);
const BACKTAB: Key = code(KeyCode::BackTab);
const SPACE: Key = ch(' ');

/// One row of the keymap.
pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// What the `?` overlay says it does.
    pub text: T,
    /// Shown in the footer.
    pub hint: bool,
}

const fn b(context: Context, keys: &'static [Key], action: Action, text: T, hint: bool) -> Binding {
    Binding {
        context,
        keys,
        action,
        text,
        hint,
    }
}

use Action as A;
use Context as C;

/// The whole keymap, in the order the help overlay lists it.
pub const BINDINGS: &[Binding] = &[
    // ---- typing into a field ----
    b(C::Typing, &[ENTER], A::Commit, T::KeyCommit, true),
    b(C::Typing, &[TAB], A::CommitNext, T::KeyCommitNext, true),
    b(
        C::Typing,
        &[BACKTAB],
        A::CommitPrev,
        T::KeyCommitPrev,
        false,
    ),
    b(C::Typing, &[ESC, ctrl('c')], A::Cancel, T::KeyCancel, true),
    b(
        C::Typing,
        &[LEFT, RIGHT, code(KeyCode::Home), code(KeyCode::End)],
        A::CaretLeft,
        T::KeyCaret,
        false,
    ),
    b(
        C::Typing,
        &[code(KeyCode::Backspace), code(KeyCode::Delete)],
        A::DeleteBack,
        T::KeyDelete,
        false,
    ),
    // ---- typing a search ----
    b(C::Finding, &[ENTER], A::Jump, T::KeyFindGo, true),
    b(C::Finding, &[UP, DOWN], A::Down, T::KeyFindChoose, true),
    b(C::Finding, &[ESC, ctrl('c')], A::Cancel, T::KeyCancel, true),
    // ---- overlays ----
    b(
        C::Help,
        &[UP, DOWN, code(KeyCode::PageUp), code(KeyCode::PageDown)],
        A::Down,
        T::KeyScroll,
        true,
    ),
    b(
        C::Help,
        &[ch('?'), ch('q'), ESC, ENTER, ctrl('c')],
        A::Close,
        T::KeyClose,
        true,
    ),
    b(
        C::Explain,
        &[UP, DOWN, code(KeyCode::PageUp), code(KeyCode::PageDown)],
        A::Down,
        T::KeyScroll,
        true,
    ),
    b(
        C::Explain,
        &[ch('i'), ch('q'), ESC, ENTER, ctrl('c')],
        A::Close,
        T::KeyClose,
        true,
    ),
    b(C::Conflict, &[ch('r')], A::Reload, T::KeyReload, true),
    b(C::Conflict, &[ch('o')], A::Overwrite, T::KeyOverwrite, true),
    b(C::Conflict, &[ch('s')], A::SaveAs, T::KeySaveAs, true),
    b(C::Conflict, &[ESC, ctrl('c')], A::Close, T::KeyLater, true),
    b(C::Confirm, &[ch('y'), ENTER], A::Yes, T::KeyYes, true),
    b(
        C::Confirm,
        &[ch('n'), ESC, ctrl('c')],
        A::No,
        T::KeyNo,
        true,
    ),
    b(
        C::Presentation,
        &[DOWN, code(KeyCode::PageDown), SPACE],
        A::PageDown,
        T::KeyPageNext,
        true,
    ),
    b(
        C::Presentation,
        &[UP, code(KeyCode::PageUp)],
        A::PageUp,
        T::KeyPagePrev,
        false,
    ),
    b(
        C::Presentation,
        &[ch('p'), ch('q'), ESC, ctrl('c')],
        A::Presentation,
        T::KeyPresentEnd,
        true,
    ),
    // ---- the panes ----
    b(C::Matrix, &[SPACE], A::Toggle, T::KeyRole, true),
    b(
        C::Matrix,
        &[ENTER, ch('e')],
        A::Edit,
        T::KeyMatrixEdit,
        true,
    ),
    b(C::Matrix, &[ch('b')], A::ToggleBonus, T::KeyBonus, false),
    b(
        C::Matrix,
        &[ch('v')],
        A::ToggleDirection,
        T::KeyDirection,
        false,
    ),
    b(C::Matrix, &[ch('m')], A::EditMeasure, T::KeyMeasure, false),
    b(C::Matrix, &[ch('U')], A::EditUnits, T::KeyUnits, false),
    b(C::Matrix, &[ch('P')], A::EditPilot, T::KeyPilot, false),
    b(C::Matrix, &[ch('R')], A::MoveToArea, T::KeyMoveArea, false),
    b(C::Matrix, &[ch('a')], A::Add, T::KeyAddIndicator, true),
    b(C::Matrix, &[ch('A')], A::AddArea, T::KeyAddArea, false),
    b(
        C::Matrix,
        &[ch('n')],
        A::AddDepartment,
        T::KeyAddDepartment,
        false,
    ),
    b(
        C::Matrix,
        &[ch('r')],
        A::Rename,
        T::KeyRenameDepartment,
        false,
    ),
    b(C::Matrix, &[ch('d')], A::Remove, T::KeyRemoveRow, false),
    b(
        C::Matrix,
        &[ch('D')],
        A::RemoveDepartment,
        T::KeyRemoveDepartment,
        false,
    ),
    b(
        C::EntryList,
        &[RIGHT, ENTER, ch('l')],
        A::Enter,
        T::KeyOpenSheet,
        true,
    ),
    b(C::EntryList, &[ch('r')], A::Rename, T::KeyRenameUnit, false),
    b(C::EntryList, &[ch('a')], A::Add, T::KeyAddUnit, false),
    b(
        C::EntryList,
        &[ch('t')],
        A::ToggleKind,
        T::KeyUnitKind,
        false,
    ),
    b(C::EntryList, &[ch('d')], A::Remove, T::KeyRemoveUnit, false),
    b(C::EntrySheet, &[ENTER, ch('e')], A::Edit, T::KeyEdit, true),
    b(C::EntrySheet, &[SPACE], A::Toggle, T::KeyToggleStatus, true),
    b(
        C::EntrySheet,
        &[ch('s')],
        A::SwitchKind,
        T::KeySwitchKind,
        false,
    ),
    b(C::EntrySheet, &[ch('x')], A::Clear, T::KeyClear, false),
    b(C::EntrySheet, &[ch('a')], A::Add, T::KeyAddPenalty, false),
    b(
        C::EntrySheet,
        &[ch('d')],
        A::Remove,
        T::KeyRemovePenalty,
        false,
    ),
    b(C::EntrySheet, &[ch('i')], A::Explain, T::KeyExplain, true),
    b(C::EntrySheet, &[ch('w')], A::Scratch, T::KeyScratch, false),
    b(C::EntryList, &[ch('w')], A::WhatIf, T::KeyWhatIf, false),
    b(C::Totals, &[ch('w')], A::WhatIf, T::KeyWhatIf, false),
    b(C::Totals, &[ch('s')], A::Sort, T::KeySort, true),
    b(C::Totals, &[ENTER], A::Jump, T::KeyOpenUnit, true),
    b(
        C::Ranking,
        &[ENTER, ch('i')],
        A::Explain,
        T::KeyExplain,
        true,
    ),
    b(C::Ranking, &[ch('p')], A::Presentation, T::KeyPresent, true),
    b(C::Ranking, &[ch('w')], A::WhatIf, T::KeyWhatIf, true),
    b(C::Problems, &[ENTER], A::Jump, T::KeyJump, true),
    // ---- everywhere ----
    b(
        C::Global,
        &[UP, DOWN, LEFT, RIGHT, ch('k'), ch('j'), ch('h'), ch('l')],
        A::Down,
        T::KeyMove,
        true,
    ),
    b(
        C::Global,
        &[
            code(KeyCode::PageUp),
            code(KeyCode::PageDown),
            ch('g'),
            ch('G'),
        ],
        A::PageDown,
        T::KeyPage,
        false,
    ),
    b(
        C::Global,
        &[ch('1'), ch('2'), ch('3'), ch('4'), ch('5')],
        A::ShowPane(Pane::Matrix),
        T::KeyPanes,
        false,
    ),
    b(
        C::Global,
        &[TAB, BACKTAB],
        A::NextPane,
        T::KeyNextPane,
        false,
    ),
    b(C::Global, &[ch('/')], A::Find, T::KeyFind, true),
    b(C::Global, &[ch('c')], A::Compare, T::KeyCompare, false),
    b(C::Global, &[ch('X')], A::Export, T::KeyExport, false),
    b(C::Global, &[ch('u')], A::Undo, T::KeyUndo, false),
    b(C::Global, &[ctrl('r')], A::Redo, T::KeyRedo, false),
    b(C::Global, &[ch('?')], A::Help, T::KeyHelp, true),
    b(C::Global, &[ch('q'), ctrl('c')], A::Quit, T::KeyQuit, true),
];

/// Keys of one binding whose action depends on which of them was pressed: the arrows,
/// the caret keys, the pane numbers. Resolved here so the table stays one row each.
fn refine(action: Action, key: Key) -> Action {
    use KeyCode as K;
    match (action, key.code) {
        (A::Down, K::Up | K::Char('k')) => A::Up,
        (A::Down, K::Left | K::Char('h')) => A::Left,
        (A::Down, K::Right | K::Char('l')) => A::Right,
        (A::Down, K::PageUp) | (A::PageDown, K::PageUp) => A::PageUp,
        (A::PageDown, K::Char('g')) => A::Top,
        (A::PageDown, K::Char('G')) => A::Bottom,
        (A::ShowPane(_), K::Char(c)) => match c {
            '2' => A::ShowPane(Pane::Entry),
            '3' => A::ShowPane(Pane::Totals),
            '4' => A::ShowPane(Pane::Ranking),
            '5' => A::ShowPane(Pane::Problems),
            _ => A::ShowPane(Pane::Matrix),
        },
        (A::NextPane, K::BackTab) => A::PrevPane,
        (A::CaretLeft, K::Right) => A::CaretRight,
        (A::CaretLeft, K::Home) => A::CaretHome,
        (A::CaretLeft, K::End) => A::CaretEnd,
        (A::DeleteBack, K::Delete) => A::DeleteForward,
        _ => action,
    }
}

/// A key event as a [`Key`]: presses and repeats only; none with Alt.
pub fn key_of(event: &KeyEvent) -> Option<Key> {
    if event.kind == KeyEventKind::Release || event.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let code = match event.code {
        // Some terminals send Ctrl-letters as uppercase.
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    Some(Key { code, ctrl })
}

/// The action bound to `key` in the first of `contexts` that binds it.
pub fn lookup(contexts: &[Context], key: Key) -> Option<Action> {
    contexts.iter().find_map(|ctx| {
        BINDINGS
            .iter()
            .filter(|b| b.context == *ctx)
            .find(|b| b.keys.contains(&key))
            .map(|b| refine(b.action, key))
    })
}

/// The bindings active in `contexts`, in table order.
pub fn active(contexts: &[Context]) -> impl Iterator<Item = &'static Binding> + '_ {
    contexts
        .iter()
        .flat_map(|ctx| BINDINGS.iter().filter(move |b| b.context == *ctx))
}

/// A key as the help shows it: `q`, `Ctrl-R`, `Enter`, `↑`.
pub fn key_name(key: Key, lang: Lang) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => lang.pick("空格", "Space").to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Delete => "Del".into(),
        other => format!("{other:?}"),
    };
    if key.ctrl {
        format!("Ctrl-{}", name.to_uppercase())
    } else {
        name
    }
}

/// All keys of a binding, joined: `Esc/Ctrl-C`. Arrow keys are shown as one group.
pub fn keys_label(binding: &Binding, lang: Lang) -> String {
    let names: Vec<String> = binding.keys.iter().map(|k| key_name(*k, lang)).collect();
    let joined = names.join("/");
    joined
        .replace("↑/↓/←/→", "↑↓←→")
        .replace("k/j/h/l", "hjkl")
        .replace("1/2/3/4/5", "1–5")
        .replace("←/→/Home/End", "←→ Home End")
        .replace("↑/↓/PgUp/PgDn", "↑↓ PgUp PgDn")
        .replace("↑/↓", "↑↓")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_binding_needs_alt_or_a_function_key_and_esc_always_has_a_twin() {
        for binding in BINDINGS {
            for key in binding.keys {
                assert!(!matches!(key.code, KeyCode::F(_)), "{:?}", binding.action);
            }
            if binding.keys.contains(&ESC) {
                assert!(binding.keys.len() > 1, "Esc alone for {:?}", binding.action);
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for key in a.keys {
                        assert!(!b.keys.contains(key), "{key:?} twice in {:?}", a.context);
                    }
                }
            }
        }
    }

    #[test]
    fn arrows_and_pane_numbers_resolve() {
        assert_eq!(lookup(&[C::Global], UP), Some(A::Up));
        assert_eq!(lookup(&[C::Global], ch('l')), Some(A::Right));
        assert_eq!(
            lookup(&[C::Global], ch('4')),
            Some(A::ShowPane(Pane::Ranking))
        );
        assert_eq!(lookup(&[C::Global], BACKTAB), Some(A::PrevPane));
        assert_eq!(lookup(&[C::Ranking, C::Global], ENTER), Some(A::Explain));
        assert_eq!(
            lookup(&[C::Typing], code(KeyCode::Delete)),
            Some(A::DeleteForward)
        );
        assert_eq!(lookup(&[C::Global], ch('z')), None);
    }
}

//! Every user-visible string, in Simplified Chinese and English:
//! - the regulation's terms, each spelled once per language: [`glossary`];
//! - the fixed texts, in one table ([`T`]), which take the terms from the glossary;
//! - the sentences with values in them, each declared once with both languages side by
//!   side and named placeholders (`sentences!`, in `macros.rs`), as methods of a text
//!   struct by topic: [`ExplainText`], [`WhatifText`], [`DiffText`], [`ExportText`],
//!   [`OpsText`] (files and I/O errors), [`DocxText`] (the Chinese-only document for the
//!   leading group), [`TuiText`] (the terminal program's), [`StatusText`] (who has sent
//!   which return: `kaoping status`),
//!   [`CommonText`] (phrases several topics share), and [`problem_message`] for errors
//!   and warnings;
//! - the forms' words, a label per field: [`fields`].
//!
//! A new sentence goes into its topic's `sentences!` block; a word of the regulation that
//! it needs goes into the glossary and is used by name (`{LAST_PLACE}`).

use crate::project::problem::Severity;
use glossary::{en, zh};
use macros::cat;

mod common;
pub mod diff;
mod docx;
mod entry;
pub mod explain;
mod export;
pub mod fields;
pub mod glossary;
mod grid;
mod macros;
mod numbers;
mod ops;
mod problems;
mod returns;
pub mod selfcheck;
mod sheets;
pub mod status;
mod tui;
pub mod whatif;

pub use common::CommonText;
pub use diff::DiffText;
pub use docx::DocxText;
pub use entry::EntryText;
pub use explain::{ExplainText, StandingText, StepsText};
pub use export::ExportText;
pub use grid::GridText;
pub use ops::{OpsText, io_error, option_error, set_error};
pub use problems::problem_message;
pub use returns::ReturnsText;
pub use selfcheck::SelfcheckText;
pub use sheets::SheetsText;
pub use status::StatusText;
pub use tui::TuiText;
pub use whatif::WhatifText;

/// The language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Zh,
    #[default]
    En,
}

impl Lang {
    /// From the environment, as POSIX locales are resolved: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`; Chinese for any `zh…` locale, English otherwise.
    pub fn from_env() -> Lang {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let locale = var("LC_ALL")
            .or_else(|| var("LC_MESSAGES"))
            .or_else(|| var("LANG"))
            .unwrap_or_default();
        if locale.starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// `zh` or `en` (as given to `--lang`).
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the string of this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// The fixed texts: one row a text, `Name => <Chinese>, <English>;`, each a literal or,
/// where it is or holds one of the regulation's terms, the [`glossary`]'s constant
/// (joined with others when compiling by `cat!`, in `macros.rs`).
macro_rules! texts {
    ($($name:ident => $zh:expr, $en:expr;)*) => {
        /// The fixed texts of the user interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($name),* }

        impl T {
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$name, Lang::Zh) => $zh, (T::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

texts! {
    Error => "错误", "error";
    Warning => "警告", "warning";
    CountiesAndZone => zh::COUNTIES_AND_ZONE, "Counties and zone";
    CityDepartments => zh::CITY_DEPARTMENT, "City departments";
    Rank => zh::RANK, "#";
    Unit => "单位", "Unit";
    Organization => zh::ORGANIZATION, en::ORGANIZATION_SHORT;
    Survey => zh::SURVEY, en::SURVEY_SHORT;
    Task => zh::TASK, en::TASK_SHORT;
    Penalty => zh::PENALTY, en::PENALTY_SHORT;
    Total => zh::TOTAL, "Total";
    Flags => "备注", "Flags";
    Comprehensive => zh::COMPREHENSIVE, "comprehensive";
    Vetoed => zh::VETO, en::VETO;
    LastPlace => zh::LAST_PLACE, en::LAST_PLACE;
    Tied => zh::TIED, en::TIED;
    PendingMark => zh::PENDING, en::PENDING;
    Awards => zh::SINGLE_ITEM, "Single-item awards";
    AwardWord => zh::SINGLE_ITEM_SHORT, en::SINGLE_ITEM_SHORT;
    NoWinner => "（空缺）", "(none)";
    WarningsHeading => "警告", "Warnings";
    NoDepartments => "（无部门评分）", "(no department scores)";
    NoProblems => "没有错误或警告", "no errors or warnings";
    Winners => "获奖单位", "Winners";
    VetoList => cat!(zh::VETO, "单位"), "Vetoed units";
    Indicator => "指标", "Indicator";
    // ---- the terminal program ----
    PaneMatrix => "分工", "Matrix";
    PaneEntry => "录入", "Entry";
    PaneTotals => "汇总", "Totals";
    PaneRanking => "排名", "Ranking";
    PaneProblems => "问题", "Problems";
    ReadOnly => "只读", "read-only";
    ReadOnlyRefused => "只读打开：不能修改", "opened read-only: no changes can be made";
    Saved => "已保存", "saved";
    Saving => "保存中…", "saving…";
    QuitAfterSave => "正在保存，写完即退出…", "saving… kaoping quits once it is written";
    NotSaved => "未保存！", "NOT SAVED:";
    NoChanges => "未修改", "no changes yet";
    Undone => "已撤销", "undone";
    Redone => "已重做", "redone";
    NothingToUndo => "没有可撤销的修改", "nothing to undo";
    NothingToRedo => "没有可重做的修改", "nothing to redo";
    Refused => "未接受：", "refused:";
    PickDepartmentColumn => "请先把光标移到某个部门的列上", "move the cursor to a department's column first";
    RemovesIndicators => "同时删除的指标数", "indicators removed with it";
    RemovesRows => "同时删除的评分行数", "score rows removed with it";
    RemovesScores => "同时删除的组织实施和满意度得分数", "organisation and survey scores removed with it";
    RemovesPenalties => "同时删除的处分扣分条数", "penalties removed with it";
    RemovesRoles => "同时取消的牵头、责任、配合分工数", "lead, responsible and co-organiser roles removed with it";
    RemovesNominees => "同时删除的先进个人推荐人数", "advanced-individual nominees removed with it";
    EditInFile => "这一项在界面中不能修改，请在文件中修改：", "not editable here; edit it in the file:";
    NameEmpty => "名称不能为空", "the name cannot be empty";
    NumberNeeded => "需要一个数", "a number is needed";
    NotFound => "没有找到", "nothing found";
    Found => "找到", "found";
    FindPrompt => "查找单位或指标：", "find a unit or indicator:";
    CreatedDefault => "已按模板新建默认项目：", "created the default project from the template:";
    OpenedDefault => "默认项目：", "default project:";
    DemoScratch => "演示项目的临时副本（退出时删除）：", "scratch copy of the demo (removed when you quit):";
    NoDataDir => "找不到用户数据目录，请指定文件", "no user data folder found; give a file";
    Base => "分值", "Base";
    BonusShort => zh::BONUS, "Bon.";
    RoleLead => zh::ROLE_LEAD, en::ROLE_LEAD;
    RoleResponsible => zh::ROLE_RESPONSIBLE, "resp";
    RoleCo => zh::ROLE_CO, en::ROLE_CO;
    NoLead => cat!("无", zh::ROLE_LEAD, "部门"), "no lead department";
    AtLeast => cat!("不低于", zh::TARGET), "at least the target";
    AtMost => cat!("不高于", zh::TARGET), "at most the target";
    All => "全部", "all";
    UnitsLabel => "适用：", "units:";
    PilotLabel => "试点：", "pilot:";
    AreaShort => "领域", "Area";
    TargetCol => zh::TARGET, "Target";
    ActualCol => zh::ACTUAL, "Actual";
    RateCol => zh::COMPLETION_RATE, "Done";
    BonusCol => zh::BONUS, "Bon.";
    DeductionCol => zh::DEDUCTION, "Ded.";
    EarnedCol => zh::EARNED, "Score";
    Complete => zh::COMPLETE, en::COMPLETE;
    Incomplete => zh::INCOMPLETE, en::INCOMPLETE;
    PrepLabel => zh::PREPARATION_SHORT, en::PREPARATION_SHORT;
    Provincial => zh::PROVINCIAL, en::PROVINCIAL;
    Municipal => zh::MUNICIPAL, en::MUNICIPAL;
    PointsLabel => zh::DEDUCTION, "points";
    NotScored => "（尚未评分）", "(not scored yet)";
    Subtotal => zh::SUBTOTAL, en::SUBTOTAL;
    LastShort => zh::LAST_PLACE, "last";
    DiskDeleted => "文件已从磁盘上删除；kaoping 仍保留你的版本，可以重新写入或另存", "the file was deleted from disk; kaoping keeps your version, to write it again or save it elsewhere";
    FileNotWritable => "文件没有写权限", "the file has no write permission";
    FolderNotWritable => "文件所在的文件夹不能写入", "its folder cannot be written";
    Reloaded => "文件在磁盘上被修改，已重新读取", "the file changed on disk: reloaded";
    DiskBroken => "磁盘上的文件现在有错误，界面仍显示上一个正确版本：", "the file on disk now has errors; showing the last good version:";
    ReloadedReapplied => "已重新读取文件，你未保存的修改已重新应用并保存", "reloaded; your unsaved edits were applied again and saved";
    ReloadedSomeFailed => "已重新读取文件；无法再应用的修改数：", "reloaded; edits that could not be applied again:";
    Overwritten => "已用你的版本覆盖文件", "the file was overwritten with your version";
    SavedAs => "已另存为", "saved as";
    NeedsTerminal => "终端程序需要在终端中运行（标准输入和输出都要是终端）；脚本中请用 kaoping check、rank、export", "the terminal program needs a terminal (standard input and output); in scripts use kaoping check, rank or export";
    ReloadedNotReapplied => "已重新读取文件；撤销或重做之后，未写入的修改无法重新应用。", "reloaded; after an undo or redo the unwritten edits could not be applied again.";
    UnsavedLost => "有修改未能写入文件，也未能另存", "edits could not be written to the file, nor beside it";
    UnsavedAtExit => "有修改未能写入文件；你的版本在", "edits could not be written to the file; your version is in";
    FileHasErrors => "有错误，无法打开", "has errors and cannot be opened";
    ConflictTitle => "文件在磁盘上被修改", "The file changed on disk";
    HeaderChanged => "磁盘上的文件已被改动", "changed on disk";
    HeaderDeleted => "磁盘上的文件已被删除", "deleted on disk";
    DeletedTitle => "文件已从磁盘上删除", "The file was deleted on disk";
    DeletedText => "kaoping 打开文件后，它被删除或移走了。kaoping 保留你的版本，在你选择之前什么也不写。", "The file was deleted or moved after kaoping opened it. kaoping keeps your version and writes nothing until you choose.";
    ConflictText => "kaoping 读取文件后，有人修改了它，而你还有修改没有写入。kaoping 不会覆盖别人的修改，除非你选择覆盖。", "Someone changed the file after kaoping read it, while edits of yours waited to be written. kaoping does not overwrite it unless you say so.";
    ConflictMine => "你的版本已保存在：", "Your version is kept in:";
    RecoverTitle => "恢复未完成的输入", "Restore an unfinished edit";
    RecoverText => "上次 kaoping 被中断时，你正在输入：", "kaoping was interrupted last time while you were typing:";
    PromptSaveAs => "另存为（文件路径）", "save as (file path)";
    KeyReload => "重新读取文件（你的修改重新应用）", "reload the file (your edits applied again)";
    KeyOverwrite => "把你的版本写入文件", "write yours to the file";
    KeySaveAs => "另存为…", "save as…";
    KeyLater => "稍后决定（在此之前不写入）", "decide later (nothing is written until then)";
    KeyRetrySave => "再试一次写入", "try writing again";
    KeyDiscardQuit => "放弃未写入的修改并退出", "discard the unwritten edits and quit";
    KeyKeepWorking => "继续工作", "keep working";
    KeyResolveConflict => "处理与磁盘文件的冲突", "resolve the conflict with the file on disk";
    QuitUnsavedTitle => "有修改未能写入", "Edits not written";
    QuitUnsavedText => "这些修改还没有写入文件。退出前请选择：", "These edits are not in the file yet. Before quitting, choose:";
    RecoveryUnreadable => "上次中断时留下的恢复文件无法读取，已保留：", "the recovery file an interrupted session left cannot be read; it is kept:";
    KeyRecover => "继续输入", "continue typing it";
    KeyDiscard => "丢弃", "discard";
    KeyWhatIf => "假设分析：还差什么", "what-if: what it lacks";
    KeyScratch => "试算（草稿，不保存）", "try a value (scratch, not saved)";
    KeyCompare => "与另一个文件比较…", "compare with another file…";
    KeyReturnsStatus => "报送情况（谁已报送、谁逾期）", "returns status (who has sent, who is late)";
    KeyExport => "导出…（.xlsx .csv .md .html .docx）", "export… (.xlsx .csv .md .html .docx)";
    WhatIfTitle => "假设分析", "What-if";
    ScratchMoves => "其他单位该项得分的变化：", "how the others' scores on it move:";
    ScratchNoMoves => "其他单位该项得分不变", "no other unit's score on it moves";
    PromptCompare => "比较的文件（旧版本，如自查或上一年）", "file to compare with (the older one: self-check, last year)";
    PromptExport => "导出到（扩展名决定格式）", "export to (the extension picks the format)";
    CompareTitle => "比较", "Comparison";
    Exported => "已导出", "exported";
    ExportNoOutput => "请写出要写入的文件名（例如 2026.xlsx）", "name the file to write (e.g. 2026.xlsx)";
    ExportNoFormat => "请用 --format 指定格式，或写出以 .xlsx .csv .md .html 或 .docx 结尾的文件名", "give --format, or a file name ending in .xlsx, .csv, .md, .html or .docx";
    ExportUnknownFormat => "扩展名应为 .xlsx .csv .md .html 或 .docx", "the name should end in .xlsx, .csv, .md, .html or .docx";
    KeySheets => "写出填报表…（各部门或各县区）", "request workbooks… (departments or units)";
    PromptSheets => "填报表写到文件夹（后可加 --for units 写各县区自查表）", "write request workbooks to folder (add --for units for the self-check)";
    KeyImport => "导入填报表…（.xlsx .csv）", "import a return… (.xlsx .csv)";
    PromptImport => "导入的填报表（相对于项目文件夹；后可加 --into selfcheck、--from 单位）", "return to import (relative to the project's folder; add --into selfcheck, --from UNIT)";
    ImportNoFile => "请写出要导入的填报表文件名", "name the return to import";
    ImportTitle => "导入填报表", "Import a return";
    ImportRefusedTitle => "填报表不能导入（未写入任何内容）", "The return cannot go in (nothing was written)";
    KeyImportTake => "导入", "take it in";
    KeyImportCancel => "取消", "cancel";
    OrgShort => zh::ORGANIZATION_SHORT, en::ORGANIZATION_SHORT;
    SurveyShort => zh::SURVEY_SHORT, en::SURVEY_SHORT;
    TaskShort => zh::TASK_SHORT, en::TASK_SHORT;
    PenaltyShort => zh::PENALTY_SHORT, en::PENALTY_SHORT;
    SortedBy => "按此列排序：", "sorted by";
    SortedByRank => cat!("按", zh::RANK, "排序"), "sorted by rank";
    ColumnLabel => "当前列：", "column:";
    PendingLegend => "…＝尚有未录入项", "… = still to enter";
    ProblemsHeading => "条警告（有错误的修改不会被接受）", "warnings (an edit that causes an error is refused)";
    ConfirmTitle => "确认", "Confirm";
    PresentCounties => cat!(zh::COUNTIES_AND_ZONE, "综合排名"), en::COUNTIES_AND_ZONE;
    PresentDepartments => cat!(zh::CITY_DEPARTMENT, "综合排名"), cat!(en::CITY_DEPARTMENT, "s");
    TiedParen => cat!("（", zh::TIED, "）"), cat!(" (", en::TIED, ")");
    Back => "返回", "back";
    TurnPage => "翻页", "page";
    PromptIndicatorName => "指标名称", "indicator name";
    PromptBase => zh::BASE, "base score";
    PromptMeasure => "计量单位（如 人、户）", "unit of measure (e.g. 人, 户)";
    PromptUnits => "适用单位（标识或名称，逗号分隔；空＝全部）", "units it applies to (ids or names, comma-separated; empty = all)";
    PromptPilot => "试点单位（标识或名称，逗号分隔；空＝无试点名单）", "pilot units (ids or names, comma-separated; empty = no pilot list)";
    PromptArea => "移到领域（标识或名称）", "move to area (id or name)";
    PromptAreaName => "领域名称", "area name";
    PromptAreaMax => "领域分值", "area maximum";
    PromptDepartmentName => "部门名称", "department name";
    PromptUnitName => "单位名称", "unit name";
    PromptNewIndicator => "新指标的名称", "name of the new indicator";
    PromptNewArea => "新领域的名称", "name of the new area";
    PromptNewDepartment => "新部门的名称", "name of the new department";
    PromptNewUnit => cat!("新", zh::COUNTIES_AND_ZONE, "的名称"), "name of the new county";
    PromptValue => "数值", "value";
    // ---- keys (the help overlay and the footer) ----
    KeyCommit => "确认", "commit";
    KeyCommitNext => "确认并到下一格", "commit, next field";
    KeyCommitPrev => "确认并到上一格", "commit, previous field";
    KeyCancel => "取消", "cancel";
    KeyCaret => "移动光标", "move the caret";
    KeyDelete => "删除字符", "delete a character";
    KeyFindGo => "转到", "go there";
    KeyFindChoose => "选择", "choose";
    KeyScroll => "滚动", "scroll";
    KeyClose => "关闭", "close";
    KeyYes => "确认", "yes";
    KeyNo => "取消", "no";
    KeyPageNext => "下一页", "next page";
    KeyPagePrev => "上一页", "previous page";
    KeyPresentEnd => "退出演示", "leave presentation";
    KeyRole => cat!("切换角色：", zh::ROLE_LEAD, "→", zh::ROLE_RESPONSIBLE, "→", zh::ROLE_CO, "→无"), cat!("cycle role: ", en::ROLE_LEAD, "→", en::ROLE_RESPONSIBLE, "→", en::ROLE_CO, "→none");
    KeyMatrixEdit => "编辑名称/分值", "edit name or score";
    KeyBonus => cat!(zh::BONUS_INDICATOR, " 是/否"), cat!(en::BONUS_INDICATOR, " on/off");
    KeyDirection => cat!("方向：不低于/不高于", zh::TARGET), "direction: at least / at most";
    KeyMeasure => "计量单位", "unit of measure";
    KeyUnits => "适用单位", "units it applies to";
    KeyPilot => "试点单位", "pilot units";
    KeyMoveArea => "移到其他领域", "move to another area";
    KeyAddIndicator => "新增指标", "add indicator";
    KeyAddArea => "新增领域", "add area";
    KeyAddDepartment => "新增部门", "add department";
    KeyRenameDepartment => "重命名本列部门", "rename this column's department";
    KeyRemoveRow => "删除指标/领域", "remove indicator or area";
    KeyRemoveDepartment => "删除本列部门", "remove this column's department";
    KeyOpenSheet => "进入评分表", "open the sheet";
    KeyRenameUnit => "重命名", "rename";
    KeyAddUnit => cat!("新增", zh::COUNTIES_AND_ZONE), "add county";
    KeyUnitKind => cat!(zh::COUNTY, "/", zh::ZONE), cat!(en::COUNTY, "/", en::ZONE);
    KeyRemoveUnit => "删除", "remove";
    KeyEdit => "编辑", "edit";
    KeyToggleStatus => cat!("完成/", zh::INCOMPLETE, "、", zh::PENALTY_SHORT, "级别"), "complete/incomplete, penalty level";
    KeySwitchKind => "定量/定性", "quantitative/qualitative";
    KeyClear => cat!("清空（", zh::PENDING, "）"), cat!("clear (", en::PENDING, ")");
    KeyAddPenalty => cat!("添加", zh::PENALTY), cat!("add ", en::PENALTY);
    KeyRemovePenalty => cat!("删除", zh::PENALTY), cat!("remove ", en::PENALTY);
    KeyExplain => "计算说明", "explain";
    KeySort => "按此列排序", "sort by column";
    KeyOpenUnit => "打开该单位", "open unit";
    KeyPresent => "演示模式", "present";
    KeyJump => "转到该处", "go to it";
    KeyMove => "移动", "move";
    KeyPage => "翻页/首/尾", "page, first, last";
    KeyPanes => "切换面板", "panes";
    KeyNextPane => "下一/上一面板", "next/previous pane";
    KeyFind => "查找", "find";
    KeyUndo => "撤销", "undo";
    KeyRedo => "重做", "redo";
    KeyHelp => "帮助", "help";
    KeyQuit => "退出", "quit";
    KeyOpenEditor => "用 $EDITOR 打开第一个错误", "open $EDITOR at the first error";
    KeyRetry => "重试", "retry";
    KeyFields => "字段…", "fields…";
    KeySettings => "项目设置…（标题、分值、计分规则）", "project settings… (title, sections, policy)";
    KeyFormToggle => "切换 是/否、下一个选项", "yes/no, next choice";
    KeyFormClear => "清空（不设）", "clear (none)";
    // ---- the sheet as a spreadsheet (issue 11) ----
    KeyTypeOver => "改写", "type over";
    KeyNextField => "下一/上一格", "next/previous field";
    KeyCaretEnds => "到行首/行尾", "to the start/end";
    KeyClearInput => "清空输入", "clear what is typed";
    KeyDeleteWord => "删除前一个词", "delete the word before";
    KeyDeleteToEnd => "删除到行尾", "delete to the end";
    KeyCommitMove => "确认并上移/下移", "commit, move up/down";
    ImplausibleTitle => "数值偏离目标过大", "A value far off its target";
    // ---- exports (kaoping export) ----
    ExportSheetRanking => cat!(zh::COUNTIES_AND_ZONE_SHORT, "排名"), "Ranking";
    ExportSheetDepartments => "部门排名", "Departments";
    ExportSheetAwards => "奖项", "Awards";
    ExportSheetMatrix => "责任分工", "Matrix";
    ExportSheetProblems => "问题", "Problems";
    ExportGroup => "组别", "Group";
    ExportRank => zh::RANK, "Rank";
    ExportTied => zh::TIED, "Tied";
    ExportUnit => "单位", "Unit";
    ExportId => "标识", "Id";
    ExportKind => "类型", "Kind";
    ExportOrganization => zh::ORGANIZATION, "Organisation";
    ExportSurvey => zh::SURVEY, "Survey";
    ExportTask => zh::TASK, "Task";
    ExportPenalty => zh::PENALTY, "Penalty";
    ExportTotal => zh::TOTAL, "Total";
    ExportVetoed => zh::VETO, "Vetoed";
    ExportFailed => cat!(zh::INCOMPLETE, "指标"), "Failed indicators";
    ExportComprehensive => zh::COMPREHENSIVE, "Comprehensive";
    ExportAwards => zh::SINGLE_ITEM, "Single-item awards";
    ExportLastPlace => zh::LAST_PLACE, "Last place";
    ExportPending => zh::PENDING, "Pending";
    ExportNote => "说明", "Note";
    ExportYes => "是", "yes";
    ExportNone => "（无）", "(none)";
    ExportSection => "部分", "Section";
    ExportArea => "领域", "Area";
    ExportItem => "项目", "Item";
    ExportTarget => zh::TARGET, "Target";
    ExportActual => zh::ACTUAL, "Actual";
    ExportCompletion => zh::COMPLETION_RATE, "Completion";
    ExportMax => cat!(zh::MAX, "/", zh::BASE), cat!("Max / ", en::BASE);
    ExportBonus => zh::BONUS, "Bonus";
    ExportDeduction => zh::DEDUCTION, "Deduction";
    ExportScore => zh::EARNED, "Score";
    ExportVeto => zh::VETO_SHORT, en::VETO_SHORT;
    ExportSubtotal => zh::SUBTOTAL, "Subtotal";
    ExportComplete => zh::COMPLETE, en::COMPLETE;
    ExportIncomplete => zh::INCOMPLETE, en::INCOMPLETE;
    ExportPreparation => zh::PREPARATION, en::PREPARATION;
    ExportProvincial => zh::PROVINCIAL, "provincial circular";
    ExportMunicipal => zh::MUNICIPAL, "municipal circular";
    ExportPoints => zh::DEDUCTION, "points";
    ExportAward => "奖项", "Award";
    ExportPlaces => zh::PLACES, "Places";
    ExportWinners => "获奖单位", "Winners";
    ExportStanding => zh::RANK, "Place";
    ExportAwardScore => zh::AWARD_SCORE, "Award score";
    ExportWon => "获评", "Won";
    ToConfirm => "，待审定", ", to confirm";
    ExportWonVetoed => cat!("是（已被", zh::VETO, "，待审定）"), "yes (vetoed: to confirm)";
    ExportIndicator => "指标", "Indicator";
    ExportBase => zh::BASE, "Base";
    ExportBonusIndicator => zh::BONUS_INDICATOR, "Bonus indicator";
    ExportRoleLead => zh::ROLE_LEAD, en::ROLE_LEAD;
    ExportRoleResponsible => zh::ROLE_RESPONSIBLE, en::ROLE_RESPONSIBLE;
    ExportRoleCo => zh::ROLE_CO, en::ROLE_CO;
    ExportNumber => "序号", "No.";
    ExportWhere => "位置", "Where";
    ExportProblem => "问题", "Problem";
    ExportRankingHeading => "综合排名", "Ranking";
    ExportAwardsHeading => "奖项", "Awards";
    ExportVetoHeading => cat!(zh::VETO, "单位"), "Vetoed units";
    ExportNobodyVetoed => cat!("没有单位被", zh::VETO, "。"), "No unit was vetoed.";
    ExportLastPlaceHeading => zh::LAST_PLACE, "Last place";
    ExportNoLastPlace => cat!("每个", zh::COUNTIES_AND_ZONE, "都完成了全部指标，不设", zh::LAST_PLACE, "。"), cat!("Every county and the zone completed every indicator: there is no ", en::LAST_PLACE, ".");
    ExportLastPlaceOff => cat!("按设置不评", zh::LAST_PLACE, "。"), cat!("This scheme does not name a ", en::LAST_PLACE, " (policy.last_place = false).");
    ExportSheetsHeading => "评分表", "Score sheets";
    ExportExplanation => "得分说明", "How the total comes about";
    ExportMatrixHeading => "责任分工", "Responsibility matrix";
    ExportWarningsHeading => "方案的警告", "The scheme's warnings";
    ExportNoWarnings => "没有警告。", "No warnings.";
    ExportLegend => cat!("★ ", zh::COMPREHENSIVE, "　✗ ", zh::VETO, "　▼ ", zh::LAST_PLACE, "　◆ ", zh::SINGLE_ITEM, "　= ", zh::TIED, "　… ", zh::PENDING), cat!("★ ", en::COMPREHENSIVE, "   ✗ vetoed   ▼ ", en::LAST_PLACE, "   ◆ ", en::SINGLE_ITEM, "   = ", en::TIED, "   … ", en::PENDING);
    ExportComprehensiveUnits => cat!(zh::COMPREHENSIVE, "（", zh::COUNTIES_AND_ZONE_SHORT, "）"), cat!("Comprehensive advanced (", en::COUNTIES_AND_ZONE, ")");
    ExportComprehensiveDepartments => cat!(zh::COMPREHENSIVE, "（", zh::CITY_DEPARTMENT, "）"), cat!("Comprehensive advanced (", en::CITY_DEPARTMENT, "s)");
    ExportMadeWith => "由 kaoping 生成", "made with kaoping";
    ExportNoUnits => cat!("（无", zh::COUNTIES_AND_ZONE_SHORT, "）"), "(no counties or zone)";
    ExportNotApplicable => "不适用", "does not apply";
    ExportDerived => "由县区数据相加", "sum of the counties' and zone's";
    ExportIndividualsHeading => zh::INDIVIDUALS, "Advanced individuals";
    ExportQuota => zh::PLACES, "Places";
    ExportNominees => "推荐人选", "Nominees";
    ExportNominated => "推荐人数", "Nominated";
    ExportNoIndividuals => cat!("（无", zh::INDIVIDUALS, zh::PLACES, "）"), "(no places for advanced individuals)";
    // ---- the terminal program: 先进个人, vetoed winners, plausibility as typed ----
    KeyIndividuals => zh::INDIVIDUALS, "advanced individuals";
    KeyRankingBoard => "返回排名", "back to the ranking";
    IndividualsHeading => zh::INDIVIDUALS, "Advanced individuals";
    ColPlaces => zh::PLACES, "Places";
    ColNominated => "推荐", "Nom.";
    ColOffPlaces => "差额", "Off by";
    ColNominee => "人选", "Nominee";
    ColPost => "职务", "Post";
    KindQuantitative => "定量指标", "quantitative";
    KindQualitative => zh::QUALITATIVE, en::QUALITATIVE;
    LegendVetoedAwards => "◆n! 待审定", "◆n! to confirm";
    HelpSymbols => "—— 符号 ——", "—— symbols ——";
    SymbolComprehensive => zh::COMPREHENSIVE, "comprehensive advanced";
    SymbolVetoed => cat!(zh::VETO, "，后为未完成的指标（+n：另有 n 项）"), "vetoed, then the failed indicator (+n: n more)";
    SymbolLast => zh::LAST_PLACE, en::LAST_PLACE;
    SymbolAwards => cat!("获", zh::SINGLE_ITEM, "的项数"), cat!("how many ", en::SINGLE_ITEM, "s it wins");
    SymbolVetoedAwards => cat!("被", zh::VETO, "的单位仍获", zh::SINGLE_ITEM, "：请领导小组审定"), cat!("a vetoed unit wins ", en::SINGLE_ITEM, "s: for the leading group to confirm");
    SymbolTied => "并列（同分同名次）", "tied (equal totals share a rank)";
    PresentToConfirm => cat!("待审定：被", zh::VETO, "的单位仍获", zh::SINGLE_ITEM, "，请领导小组审定"), "to confirm: a vetoed winner, for the leading group to decide";
    // ---- the indicator grid and the block paste ----
    GridTitle => "按指标录入", "By indicator";
    StatusCol => "完成情况", "Status";
    PrepCol => zh::PREPARATION_SHORT, en::PREPARATION_SHORT;
    KeyGrid => "按指标录入", "enter by indicator";
    KeyGridIndicator => "上一/下一指标", "previous/next indicator";
    KeyGridType => "输入数值（替换原值）", "type a value (replaces it)";
    KeyGridStatus => cat!(zh::COMPLETE, "/", zh::INCOMPLETE), cat!(en::COMPLETE, "/", en::INCOMPLETE);
    KeyGridCell => "右一格/左一格", "next/previous cell";
    KeyGridBack => "返回录入", "back to entry";
    KeyGridCommitDown => "确认，到下一行", "commit, next row";
    KeyGridCommitSide => "确认，到右/左一格", "commit, right/left";
    KeyGridCommitMove => "确认，到上/下一行", "commit, row up/down";
    PasteTitle => "粘贴", "Paste";
}

/// The word for an error or a warning, as a compiler prints it.
pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => T::Error.get(lang),
        Severity::Warning => T::Warning.get(lang),
    }
}

/// Whether a text is Chinese: it holds a Chinese character (for the tests that no
/// English reaches the Chinese interface).
#[cfg(test)]
pub(crate) fn has_chinese(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// A share as a percentage: `0.05` → `5%`.
pub fn percent(share: rust_decimal::Decimal) -> String {
    format!(
        "{}%",
        (share * rust_decimal::Decimal::ONE_HUNDRED).normalize()
    )
}

/// A problem printed like a compiler: `file:line:col: error: path: message` (the place
/// and path left out where unknown).
pub fn render(
    problem: &crate::project::problem::Problem,
    file: &str,
    text: Option<&str>,
    lang: Lang,
) -> String {
    let place = match (problem.at, text) {
        (Some(at), Some(text)) => {
            let (line, col) = crate::project::problem::line_col(text, at);
            format!("{file}:{line}:{col}")
        }
        _ => file.to_string(),
    };
    let severity = severity(problem.severity(), lang);
    let message = problem_message(&problem.kind, lang);
    if problem.path.is_root() {
        format!("{place}: {severity}: {message}")
    } else {
        format!("{place}: {severity}: {}: {message}", problem.path)
    }
}

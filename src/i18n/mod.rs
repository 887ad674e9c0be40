//! Every user-visible string, in Simplified Chinese and English: the fixed texts in one
//! table ([`T`]); the texts with numbers in them in one function each, by topic
//! ([`problem_message`] for errors and warnings).

use crate::project::problem::Severity;

pub mod diff;
pub mod explain;
mod export;
pub mod fields;
mod numbers;
mod ops;
mod problems;
pub mod whatif;

pub use diff::DiffText;
pub use explain::{BonusText, ExplainText, StandingText, StepsText};
pub use export::ExportText;
pub use ops::{OpsText, io_error, set_error};
pub use problems::problem_message;
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

macro_rules! texts {
    ($($name:ident => $zh:literal, $en:literal;)*) => {
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
    CountiesAndZone => "县（区）", "Counties and zone";
    CityDepartments => "市直部门", "City departments";
    Rank => "名次", "#";
    Unit => "单位", "Unit";
    Organization => "组织实施", "Org";
    Survey => "群众测评", "Survey";
    Task => "任务完成", "Task";
    Penalty => "处分扣分", "Pen.";
    Total => "总分", "Total";
    Flags => "标记", "Flags";
    Comprehensive => "综合先进", "comprehensive";
    Vetoed => "一票否决", "veto";
    LastPlace => "末位", "last place";
    Tied => "并列", "tied";
    PendingMark => "待录入", "pending";
    Awards => "单项先进", "Single-item awards";
    AwardWord => "单项", "award";
    NoWinner => "（空缺）", "(none)";
    WarningsHeading => "警告", "Warnings";
    NoDepartments => "（无部门评分）", "(no department scores)";
    NoProblems => "没有错误或警告", "no errors or warnings";
    Winners => "获奖单位", "Winners";
    VetoList => "一票否决单位", "Vetoed units";
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
    NotSaved => "未保存！", "NOT SAVED:";
    NoChanges => "未修改", "no changes yet";
    Undone => "已撤销", "undone";
    Redone => "已重做", "redone";
    NothingToUndo => "没有可撤销的修改", "nothing to undo";
    NothingToRedo => "没有可重做的修改", "nothing to redo";
    Refused => "未接受：", "refused:";
    PickDepartmentColumn => "请先把光标移到某个部门的列上", "move the cursor to a department's column first";
    RemoveQuestion => "删除", "Remove";
    RemovesIndicators => "同时删除的指标数", "indicators removed with it";
    RemovesRows => "同时删除的评分行数", "score rows removed with it";
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
    Base => "基础分", "Base";
    BonusShort => "加分", "Bon.";
    RoleLead => "牵头", "lead";
    RoleResponsible => "责任", "resp";
    RoleCo => "协办", "co";
    NoLead => "无牵头部门", "no lead department";
    AtLeast => "不低于目标", "at least the target";
    AtMost => "不高于目标", "at most the target";
    All => "全部", "all";
    UnitsLabel => "适用：", "units:";
    PilotLabel => "试点：", "pilot:";
    AreaShort => "领域", "Area";
    TargetCol => "目标", "Target";
    ActualCol => "实际", "Actual";
    RateCol => "完成率", "Done";
    BonusCol => "加分", "Bon.";
    DeductionCol => "扣分", "Ded.";
    EarnedCol => "得分", "Score";
    Complete => "已完成", "complete";
    Incomplete => "未完成", "incomplete";
    PrepLabel => "准备", "prep.";
    Provincial => "省级通报", "provincial";
    Municipal => "市级通报", "municipal";
    PointsLabel => "扣分", "points";
    NotScored => "（尚未评分）", "(not scored yet)";
    Subtotal => "小计", "subtotal";
    LastShort => "末位", "last";
    LockedBy => "文件正由他人编辑，只读打开：", "the file is being edited by";
    NewerFormat => "文件格式比本程序新，只读打开：", "the file is of a newer format, opened read-only:";
    DiskDeleted => "文件已从磁盘上删除；kaoping 仍保留你的版本，可以重新写入或另存", "the file was deleted from disk; kaoping keeps your version, to write it again or save it elsewhere";
    FileNotWritable => "文件没有写权限（只读）", "the file has no write permission (read-only)";
    FolderNotWritable => "文件所在的文件夹不能写入（只读）", "its folder cannot be written (read-only)";
    Reloaded => "文件在磁盘上被修改，已重新读取", "the file changed on disk: reloaded";
    DiskBroken => "磁盘上的文件现在有错误，界面仍显示上一个正确版本：", "the file on disk now has errors; showing the last good version:";
    ReloadedReapplied => "已重新读取文件，你未保存的修改已重新应用并保存", "reloaded; your unsaved edits were applied again and saved";
    ReloadedSomeFailed => "已重新读取文件；以下数量的修改无法再应用（你的版本在 .mine 文件中）：", "reloaded; edits that could not be applied again (your version is in the .mine file):";
    Overwritten => "已用你的版本覆盖文件", "the file was overwritten with your version";
    SavedAs => "已另存为", "saved as";
    UnsavedAtExit => "有修改未能写入文件；你的版本在", "edits could not be written to the file; your version is in";
    FileHasErrors => "有错误，无法打开", "has errors and cannot be opened";
    ConflictTitle => "文件在磁盘上被修改", "The file changed on disk";
    ConflictText => "kaoping 读取文件后，有人修改了它，而你还有修改没有写入。kaoping 不会覆盖别人的修改，除非你选择覆盖。", "Someone changed the file after kaoping read it, while edits of yours waited to be written. kaoping does not overwrite it unless you say so.";
    ConflictMine => "你的版本已保存在：", "Your version is kept in:";
    RecoverTitle => "恢复未完成的输入", "Restore an unfinished edit";
    RecoverText => "上次 kaoping 被中断时，你正在输入：", "kaoping was interrupted last time while you were typing:";
    PromptSaveAs => "另存为（文件路径）", "save as (file path)";
    KeyReload => "重新读取文件（你的修改重新应用）", "reload the file (your edits applied again)";
    KeyOverwrite => "用你的版本覆盖", "overwrite it with yours";
    KeySaveAs => "另存为…", "save as…";
    KeyLater => "稍后决定（在此之前不写入）", "decide later (nothing is written until then)";
    KeyRecover => "继续输入", "continue typing it";
    KeyDiscard => "丢弃", "discard";
    KeyWhatIf => "假设分析：还差什么", "what-if: what it lacks";
    KeyScratch => "试算（草稿，不保存）", "try a value (scratch, not saved)";
    KeyCompare => "与另一个文件比较…", "compare with another file…";
    KeyExport => "导出…（.xlsx .csv .md .html）", "export… (.xlsx .csv .md .html)";
    WhatIfTitle => "假设分析", "What-if";
    ScratchMoves => "其他单位该项得分的变化：", "how the others' scores on it move:";
    ScratchNoMoves => "其他单位该项得分不变", "no other unit's score on it moves";
    PromptCompare => "比较的文件（旧版本，如自查或上一年）", "file to compare with (the older one: self-check, last year)";
    PromptExport => "导出到（扩展名决定格式）", "export to (the extension picks the format)";
    CompareTitle => "比较", "Comparison";
    Exported => "已导出", "exported";
    ExportUnknownFormat => "扩展名应为 .xlsx .csv .md 或 .html", "the name should end in .xlsx, .csv, .md or .html";
    OrgShort => "组织", "Org";
    SurveyShort => "测评", "Survey";
    TaskShort => "任务", "Task";
    PenaltyShort => "处分", "Pen.";
    SortedBy => "按此列排序：", "sorted by";
    SortedByRank => "按名次排序", "sorted by rank";
    ColumnLabel => "当前列：", "column:";
    PendingLegend => "…＝尚有未录入项", "… = still to enter";
    ProblemsHeading => "条警告（有错误的修改不会被接受）", "warnings (an edit that causes an error is refused)";
    ConfirmTitle => "确认", "Confirm";
    PresentCounties => "县（区）综合排名", "counties and zone";
    PresentDepartments => "市直部门综合排名", "city departments";
    TiedParen => "（并列）", " (tied)";
    Back => "返回", "back";
    TurnPage => "翻页", "page";
    PromptIndicatorName => "指标名称", "indicator name";
    PromptBase => "基础分", "base score";
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
    PromptNewUnit => "新县（区）的名称", "name of the new county";
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
    KeyRole => "切换角色：牵头→责任→协办→无", "cycle role: lead→responsible→co→none";
    KeyMatrixEdit => "编辑名称/分值", "edit name or score";
    KeyBonus => "加分指标 是/否", "bonus indicator on/off";
    KeyDirection => "方向：不低于/不高于目标", "direction: at least / at most";
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
    KeyAddUnit => "新增县（区）", "add county";
    KeyUnitKind => "县/开发区", "county/zone";
    KeyRemoveUnit => "删除", "remove";
    KeyEdit => "编辑", "edit";
    KeyToggleStatus => "完成/未完成、处分级别", "complete/incomplete, penalty level";
    KeySwitchKind => "定量/定性", "quantitative/qualitative";
    KeyClear => "清空（待录入）", "clear (pending)";
    KeyAddPenalty => "添加处分扣分", "add penalty";
    KeyRemovePenalty => "删除处分扣分", "remove penalty";
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
    // ---- exports (kaoping export) ----
    ExportSheetRanking => "县区排名", "Ranking";
    ExportSheetDepartments => "部门排名", "Departments";
    ExportSheetAwards => "奖项", "Awards";
    ExportSheetMatrix => "责任分工", "Matrix";
    ExportSheetProblems => "问题", "Problems";
    ExportGroup => "组别", "Group";
    ExportRank => "名次", "Rank";
    ExportTied => "并列", "Tied";
    ExportUnit => "单位", "Unit";
    ExportId => "标识", "Id";
    ExportKind => "类型", "Kind";
    ExportOrganization => "组织实施", "Organisation";
    ExportSurvey => "群众测评", "Survey";
    ExportTask => "任务完成", "Task";
    ExportPenalty => "处分扣分", "Penalty";
    ExportTotal => "总分", "Total";
    ExportVetoed => "一票否决", "Vetoed";
    ExportFailed => "未完成指标", "Failed indicators";
    ExportComprehensive => "综合先进", "Comprehensive";
    ExportAwards => "单项先进", "Single-item awards";
    ExportLastPlace => "末位", "Last place";
    ExportPending => "待录入", "Pending";
    ExportNote => "说明", "Note";
    ExportYes => "是", "yes";
    ExportNone => "（无）", "(none)";
    ExportSection => "部分", "Section";
    ExportArea => "领域", "Area";
    ExportItem => "项目", "Item";
    ExportTarget => "目标", "Target";
    ExportActual => "实际", "Actual";
    ExportCompletion => "完成率", "Completion";
    ExportMax => "满分/基础分", "Max / base";
    ExportBonus => "加分", "Bonus";
    ExportDeduction => "扣分", "Deduction";
    ExportScore => "得分", "Score";
    ExportVeto => "否决", "Veto";
    ExportSubtotal => "小计", "Subtotal";
    ExportComplete => "已完成", "complete";
    ExportIncomplete => "未完成", "incomplete";
    ExportPreparation => "准备工作", "preparation";
    ExportProvincial => "省级通报", "provincial circular";
    ExportMunicipal => "市级通报", "municipal circular";
    ExportPoints => "扣分", "points";
    ExportAward => "奖项", "Award";
    ExportPlaces => "名额", "Places";
    ExportWinners => "获奖单位", "Winners";
    ExportStanding => "名次", "Place";
    ExportAwardScore => "单项得分", "Award score";
    ExportWon => "获评", "Won";
    ExportIndicator => "指标", "Indicator";
    ExportBase => "基础分", "Base";
    ExportBonusIndicator => "加分指标", "Bonus indicator";
    ExportRoleLead => "牵头", "lead";
    ExportRoleResponsible => "责任", "responsible";
    ExportRoleCo => "协办", "co";
    ExportNumber => "序号", "No.";
    ExportWhere => "位置", "Where";
    ExportProblem => "问题", "Problem";
    ExportRankingHeading => "综合排名", "Ranking";
    ExportAwardsHeading => "奖项", "Awards";
    ExportVetoHeading => "一票否决单位", "Vetoed units";
    ExportNobodyVetoed => "没有单位被一票否决。", "No unit was vetoed.";
    ExportLastPlaceHeading => "末位", "Last place";
    ExportNoLastPlace => "每个县（区）都完成了全部指标，不设末位。", "Every county and the zone completed every indicator: there is no last place.";
    ExportLastPlaceOff => "本方案不评末位（policy.last_place = false）。", "This scheme does not name a last place (policy.last_place = false).";
    ExportSheetsHeading => "评分表", "Score sheets";
    ExportExplanation => "得分说明", "How the total comes about";
    ExportMatrixHeading => "责任分工", "Responsibility matrix";
    ExportWarningsHeading => "方案的警告", "The scheme's warnings";
    ExportNoWarnings => "没有警告。", "No warnings.";
    ExportLegend => "★ 综合先进　✗ 一票否决　▼ 末位　◆ 单项先进　= 并列　… 待录入", "★ comprehensive advanced   ✗ vetoed   ▼ last place   ◆ single-item award   = tied   … pending";
    ExportComprehensiveUnits => "综合先进（县区）", "Comprehensive advanced (counties and zone)";
    ExportComprehensiveDepartments => "综合先进（市直部门）", "Comprehensive advanced (city departments)";
    ExportMadeWith => "由 kaoping 生成", "made with kaoping";
    ExportNoUnits => "（无县区）", "(no counties or zone)";
}

// ---- sentences that name a key ----------------------------------------------------------
//
// The key comes from the keymap (`tui::keymap::mention`), so that a sentence never names a
// key the keymap does not bind; each argument is a key's name as the help shows it.

/// After a question that removes something: `(u undoes it)`.
pub fn undo_hint(lang: Lang, undo: &str) -> String {
    match lang {
        Lang::Zh => format!("（可以用 {undo} 撤销）"),
        Lang::En => format!("({undo} undoes it)"),
    }
}

/// After a row switched between quantitative and qualitative.
pub fn kind_switched(lang: Lang, undo: &str) -> String {
    match lang {
        Lang::Zh => format!("已切换定量/定性（原有数值已清除，{undo} 撤销）"),
        Lang::En => {
            format!("switched quantitative/qualitative (its values were cleared; {undo} undoes)")
        }
    }
}

/// Under "terminal too small".
pub fn too_small_hint(lang: Lang, quit: &str) -> String {
    match lang {
        Lang::Zh => format!("请放大窗口（{quit} 退出）"),
        Lang::En => format!("enlarge the window ({quit} quits)"),
    }
}

/// A sheet's penalty line when there are none.
pub fn no_penalties(lang: Lang, add: &str) -> String {
    match lang {
        Lang::Zh => format!("（无）{add} 添加"),
        Lang::En => format!("(none) {add} adds one"),
    }
}

/// The status line on a sheet's penalties.
pub fn penalty_hint(lang: Lang, level: &str, edit: &str, add: &str, remove: &str) -> String {
    match lang {
        Lang::Zh => format!("处分扣分：{level} 切换级别  {edit} 编辑  {add} 添加  {remove} 删除"),
        Lang::En => format!("penalties: {level} level  {edit} edit  {add} add  {remove} remove"),
    }
}

/// The screen of a file with errors, under its name.
pub fn nothing_written(lang: Lang, retry: &str) -> String {
    match lang {
        Lang::Zh => format!(
            "kaoping 不会写入有错误的文件。修正后按 {retry} 重试（在其他窗口保存后会自动重试）。"
        ),
        Lang::En => format!(
            "kaoping never writes to a file with errors. Fix them, then {retry} retries (saving it in another window retries by itself)."
        ),
    }
}

/// The title of the box of a value tried without saving it.
pub fn scratch_banner(lang: Lang, discard: &str) -> String {
    match lang {
        Lang::Zh => format!("试算草稿：不会保存，{discard} 丢弃"),
        Lang::En => format!("SCRATCH: not saved; {discard} discards"),
    }
}

/// Enter on a value tried without saving it.
pub fn scratch_refused(lang: Lang, cancel: &str, edit: &str) -> String {
    match lang {
        Lang::Zh => format!("这是试算草稿，不会保存；要修改请按 {cancel} 后用 {edit} 编辑"),
        Lang::En => format!(
            "this is a scratch value and is not saved; to change the file, {cancel} and edit with {edit}"
        ),
    }
}

/// The title of the help overlay.
pub fn help_title(lang: Lang, close: &str) -> String {
    match lang {
        Lang::Zh => format!("按键（{close} 关闭）"),
        Lang::En => format!("Keys ({close} closes)"),
    }
}

/// The word for an error or a warning, as a compiler prints it.
pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => T::Error.get(lang),
        Severity::Warning => T::Warning.get(lang),
    }
}

/// Items joined as a list: `甲、乙` or `a, b`.
pub fn join_list(items: &[String], lang: Lang) -> String {
    items.join(lang.pick("、", ", "))
}

/// A number of places: `3 places` / `名额 3 个`.
pub fn places(lang: Lang, n: u32) -> String {
    match (lang, n) {
        (Lang::Zh, n) => format!("名额 {n} 个"),
        (Lang::En, 1) => "1 place".into(),
        (Lang::En, n) => format!("{n} places"),
    }
}

/// `1st`, `2nd`, … in English; the number in Chinese (the sentences add `第`).
pub fn ordinal(lang: Lang, n: usize) -> String {
    if lang == Lang::Zh {
        return n.to_string();
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
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

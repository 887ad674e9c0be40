//! The messages of errors and warnings ([`ProblemKind`]), in both languages.

use super::{Lang, join_list, percent};
use crate::project::DecimalError;
use crate::project::problem::{Cut, Expected, ProblemKind, RefKind};

fn expected(e: Expected, lang: Lang) -> &'static str {
    match e {
        Expected::String => lang.pick("字符串", "a string"),
        Expected::Decimal => lang.pick(
            "数值（整数、小数或数字字符串）",
            "a number (integer, decimal or numeric string)",
        ),
        Expected::WholeNumber => lang.pick("整数", "a whole number"),
        Expected::Bool => lang.pick("true 或 false", "true or false"),
        Expected::Table => lang.pick("表", "a table"),
        Expected::ArrayOfTables => lang.pick("表数组（[[...]]）", "an array of tables ([[...]])"),
        Expected::ArrayOfStrings => lang.pick("字符串数组", "an array of strings"),
    }
}

fn ref_kind(kind: RefKind, lang: Lang) -> &'static str {
    match kind {
        RefKind::Department => lang.pick("部门", "department"),
        RefKind::Unit => lang.pick("县（区）", "county or zone"),
        RefKind::Scored => lang.pick("单位或部门", "unit or department"),
        RefKind::Area => lang.pick("工作领域", "area"),
        RefKind::Indicator => lang.pick("指标", "indicator"),
        RefKind::OrgItem => lang.pick("组织实施项目", "organisation item"),
    }
}

fn decimal_reason(reason: &DecimalError, lang: Lang) -> &'static str {
    match reason {
        DecimalError::Exponent => lang.pick(
            "不能使用指数写法，请写出全部数字",
            "an exponent is not allowed; write the digits out",
        ),
        DecimalError::NotFinite => lang.pick("nan 和 inf 不是数", "nan and inf are not numbers"),
        DecimalError::TooManyDigits => {
            lang.pick("超过 28 位有效数字", "more than 28 significant digits")
        }
        DecimalError::Malformed => lang.pick("不是数", "not a number"),
    }
}

fn cut_name(cut: &Cut, lang: Lang) -> String {
    match cut {
        Cut::Comprehensive => lang
            .pick(
                "县（区）综合先进",
                "comprehensive advanced (counties and zone)",
            )
            .into(),
        Cut::Departments => lang
            .pick(
                "市直部门综合先进",
                "comprehensive advanced (city departments)",
            )
            .into(),
        Cut::LastPlace => lang.pick("末位", "last place").into(),
        Cut::Award(name) => name.clone(),
    }
}

/// The message of a problem, without its place.
pub fn problem_message(kind: &ProblemKind, lang: Lang) -> String {
    use ProblemKind::*;
    let zh = lang == Lang::Zh;
    match kind {
        Syntax { message } => {
            if zh {
                format!("TOML 语法错误：{message}")
            } else {
                format!("TOML syntax: {message}")
            }
        }
        TooLarge { bytes, limit } => {
            if zh {
                format!("文件有 {bytes} 字节，超过上限 {limit} 字节")
            } else {
                format!("the file has {bytes} bytes, more than the limit of {limit}")
            }
        }
        NotUtf8 => lang
            .pick("文件不是 UTF-8 编码", "the file is not UTF-8")
            .into(),
        UnknownKey { key, suggestion } => {
            let hint = match (suggestion, zh) {
                (Some(s), true) => format!("（是否想写 `{s}`？）"),
                (Some(s), false) => format!(" (did you mean `{s}`?)"),
                (None, _) => String::new(),
            };
            if zh {
                format!("未知的键 `{key}`{hint}")
            } else {
                format!("unknown key `{key}`{hint}")
            }
        }
        MissingKey { key } => {
            if zh {
                format!("缺少键 `{key}`")
            } else {
                format!("missing key `{key}`")
            }
        }
        WrongType { expected: e, found } => {
            if zh {
                format!("应为{}，实为 {found}", expected(*e, lang))
            } else {
                format!("expected {}, found {found}", expected(*e, lang))
            }
        }
        NotDecimal { text, reason } => {
            if zh {
                format!("`{text}` 不是有效的数值：{}", decimal_reason(reason, lang))
            } else {
                format!(
                    "`{text}` is not a valid decimal: {}",
                    decimal_reason(reason, lang)
                )
            }
        }
        TooLargeToScore { value } => {
            if zh {
                format!("数值 {value} 太大，无法计分（计算需要超过 28 位有效数字）；请核对这个数")
            } else {
                format!(
                    "the number {value} is too large to score (the arithmetic needs more than 28 significant digits); check it"
                )
            }
        }
        NotWholeNumber { text } => {
            if zh {
                format!("`{text}` 应为整数")
            } else {
                format!("`{text}` should be a whole number")
            }
        }
        BadId { id } => {
            if zh {
                format!("`{id}` 不是有效的标识：只能用小写字母、数字、`-`、`_`，以字母或数字开头")
            } else {
                format!(
                    "`{id}` is not a valid id: lowercase ASCII letters, digits, `-` and `_`, starting with a letter or digit"
                )
            }
        }
        DuplicateId { id } => {
            if zh {
                format!("标识 `{id}` 重复")
            } else {
                format!("duplicate id `{id}`")
            }
        }
        UnknownRef { kind: k, id } => {
            if zh {
                format!("没有标识为 `{id}` 的{}", ref_kind(*k, lang))
            } else {
                format!("no {} with id `{id}`", ref_kind(*k, lang))
            }
        }
        UnsupportedFormat { found, newer } => match (zh, newer) {
            (true, true) => {
                format!("文件格式 `{found}` 比本程序新（本程序读 `kaoping/1`），请升级 kaoping")
            }
            (true, false) => format!("不认识的文件格式 `{found}`（应为 `kaoping/1`）"),
            (false, true) => format!(
                "the file's format `{found}` is newer than this kaoping reads (`kaoping/1`); upgrade kaoping"
            ),
            (false, false) => format!("unknown format `{found}` (expected `kaoping/1`)"),
        },
        BadChoice { value, allowed } => {
            let list = allowed
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ");
            if zh {
                format!("`{value}` 无效，可选：{list}")
            } else {
                format!("`{value}` is not one of {list}")
            }
        }
        TargetNotPositive { value } => {
            if zh {
                format!("目标值必须大于 0（现为 {value}）")
            } else {
                format!("the target must be above 0 (it is {value})")
            }
        }
        ActualNegative { value } => {
            if zh {
                format!("实际值不能为负（现为 {value}）")
            } else {
                format!("the actual value cannot be negative (it is {value})")
            }
        }
        ScoreOutOfRange { value, max } => {
            if zh {
                format!("{value} 超出范围 [0, {max}]")
            } else {
                format!("{value} is outside [0, {max}]")
            }
        }
        DeductionOutOfRange {
            value,
            cap_share,
            base,
            cap,
        } => {
            if zh {
                format!(
                    "扣分 {value} 超出范围 [0, {cap}]（上限 = {} × 基础分 {base}）",
                    percent(*cap_share)
                )
            } else {
                format!(
                    "deduction {value} is outside [0, {cap}] (the cap is {} of the base {base})",
                    percent(*cap_share)
                )
            }
        }
        PrepOutOfRange { value, base } => {
            if zh {
                format!("准备工作得分 {value} 超出范围 [0, {base}]（基础分）")
            } else {
                format!("preparation score {value} is outside [0, {base}] (the base)")
            }
        }
        PrepOnPilot { indicator } => {
            if zh {
                format!(
                    "该单位按完成情况考核「{indicator}」（是试点或无试点名单），不能填准备工作得分 `prep`"
                )
            } else {
                format!(
                    "this unit is scored on completion of 「{indicator}」 (a pilot, or there is no pilot list): `prep` is not allowed"
                )
            }
        }
        CompletionOffPilot { indicator } => {
            if zh {
                format!("该单位不是「{indicator}」的试点，只能填准备工作得分 `prep`")
            } else {
                format!(
                    "this unit is not a pilot of 「{indicator}」: only a preparation score `prep` is allowed"
                )
            }
        }
        PrepForDepartment => lang
            .pick(
                "市直部门按完成情况考核，没有准备工作得分",
                "city departments are scored on completion; they have no preparation score",
            )
            .into(),
        MixedRow { keys } => {
            let keys = keys
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ");
            if zh {
                format!(
                    "一行只能是一种：定量（target/actual）、定性（status/deduction）或准备工作（prep），此行有 {keys}"
                )
            } else {
                format!(
                    "a row is one kind: quantitative (target/actual), qualitative (status/deduction) or preparation (prep); this one has {keys}"
                )
            }
        }
        RowNotApplicable { indicator, unit } => {
            if zh {
                format!("「{indicator}」不考核{unit}（见该指标的 `units`）")
            } else {
                format!("「{indicator}」 does not apply to {unit} (see the indicator's `units`)")
            }
        }
        DeductionWhenComplete => lang
            .pick(
                "已完成的行不能有扣分（`deduction` 只用于 `status = \"incomplete\"`）",
                "a complete row has no deduction (`deduction` goes with `status = \"incomplete\"`)",
            )
            .into(),
        PenaltyLevelOrPoints => lang
            .pick(
                "处分扣分要么写 `level`（provincial 或 municipal），要么写 `points`，二者选一",
                "a penalty has either a `level` (provincial or municipal) or `points`, exactly one",
            )
            .into(),
        Negative { value } => {
            if zh {
                format!("不能为负（现为 {value}）")
            } else {
                format!("cannot be negative (it is {value})")
            }
        }
        OutOfRange { value, range } => {
            if zh {
                format!("{value} 超出范围 {range}")
            } else {
                format!("{value} is outside {range}")
            }
        }

        OrganizationSum { sum, declared } => {
            if zh {
                format!("组织实施各项合计 {sum} 分，与该部分分值 {declared} 不符")
            } else {
                format!("the organisation items add up to {sum}, not the section's {declared}")
            }
        }
        AreasSum { sum, task } => {
            if zh {
                format!("各工作领域分值合计 {sum} 分，与任务完成部分分值 {task} 不符")
            } else {
                format!("the areas add up to {sum}, not the task section's {task}")
            }
        }
        AreaBasesSum { area, sum, max } => {
            if zh {
                format!("「{area}」各指标基础分合计 {sum}，与该领域分值 {max} 不符")
            } else {
                format!("the indicator bases of 「{area}」 add up to {sum}, not its {max}")
            }
        }
        SectionsSum { sum, total } => {
            if zh {
                format!(
                    "三部分（组织实施 + 群众测评 + 任务完成）合计 {sum} 分，与总分 {total} 不符"
                )
            } else {
                format!(
                    "the three sections (organisation + survey + task) add up to {sum}, not the total {total}"
                )
            }
        }
        AreaWithoutLead { area } => {
            if zh {
                format!("「{area}」没有牵头部门")
            } else {
                format!("「{area}」 has no lead department")
            }
        }
        IndicatorWithoutResponsible { indicator } => {
            if zh {
                format!("「{indicator}」没有责任部门")
            } else {
                format!("「{indicator}」 has no responsible department")
            }
        }
        Pending {
            unit,
            survey,
            organization,
            rows,
        } => {
            let mut parts = Vec::new();
            if *survey {
                parts.push(lang.pick("群众测评", "the survey").to_string());
            }
            if *organization > 0 {
                parts.push(if zh {
                    format!("{organization} 项组织实施")
                } else {
                    format!("{organization} organisation item(s)")
                });
            }
            if *rows > 0 {
                parts.push(if zh {
                    format!("{rows} 个指标")
                } else {
                    format!("{rows} indicator row(s)")
                });
            }
            let parts = join_list(&parts, lang);
            if zh {
                format!("{unit}尚未录入：{parts}（按 0 分计）")
            } else {
                format!("{unit} is pending: {parts} not entered yet (counted as 0)")
            }
        }
        TieAtCut {
            cut,
            places,
            winners,
        } => {
            let n = winners.len();
            let names = join_list(winners, lang);
            let cut = cut_name(cut, lang);
            if zh {
                format!("{cut}名额 {places} 个，因并列由 {n} 个单位获得：{names}")
            } else {
                format!("{cut}: a tie at the cut gives {places} place(s) to {n} units: {names}")
            }
        }
        AwardSelectsNothing { award } => {
            if zh {
                format!("单项奖「{award}」没有指定任何计分内容（areas、lead 或 organization）")
            } else {
                format!(
                    "the award 「{award}」 selects nothing to score (areas, lead or organization)"
                )
            }
        }
        DepartmentRowWithoutRole {
            department,
            indicator,
        } => {
            if zh {
                format!("{department}在「{indicator}」中没有分工，却有得分行")
            } else {
                format!("{department} has a row for 「{indicator}」 but no role in it")
            }
        }
    }
}

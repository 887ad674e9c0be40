//! The messages of errors and warnings ([`ProblemKind`]), in both languages: a sentence
//! per kind of problem ([`ProblemText`]); [`problem_message`] only chooses it.

use super::common::CommonText;
use super::glossary::{en, zh};
use super::macros::{cat, sentences};
use super::{Lang, percent};
use crate::project::problem::{Cut, Expected, ProblemKind, RefKind};
use crate::project::{DecimalError, RowKind};
use rust_decimal::Decimal;

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
        Expected::Date => lang.pick(
            "日期（如 2027-01-10，不加引号、不带时间）",
            "a date (such as 2027-01-10, unquoted, without a time)",
        ),
    }
}

fn ref_kind(kind: RefKind, lang: Lang) -> &'static str {
    match kind {
        RefKind::Department => lang.pick("部门", "department"),
        RefKind::Unit => lang.pick(zh::COUNTIES_AND_ZONE, "county or zone"),
        RefKind::Scored => lang.pick("单位或部门", "unit or department"),
        RefKind::Area => lang.pick("工作领域", "area"),
        RefKind::Indicator => lang.pick("指标", "indicator"),
        RefKind::OrgItem => lang.pick(cat!(zh::ORGANIZATION, "项目"), "organisation item"),
        RefKind::Step => lang.pick("考评程序步骤", "procedure step"),
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

/// The messages of errors and warnings, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProblemText(pub Lang);

impl ProblemText {
    sentences! {
        // ---- errors ----------------------------------------------------------------

        pub fn syntax(message: &str) {
            zh: "TOML 语法错误：{message}",
            en: "TOML syntax: {message}",
        }

        pub fn too_large(bytes: u64, limit: u64) {
            zh: "文件有 {bytes} 字节，超过上限 {limit} 字节",
            en: "the file has {bytes} bytes, more than the limit of {limit}",
        }

        pub fn not_utf8() {
            zh: "文件不是 UTF-8 编码",
            en: "the file is not UTF-8",
        }

        /// `hint`: a key it may have meant, or nothing.
        pub(super) fn unknown_key_line(key: &str, hint: &str) {
            zh: "未知的键 `{key}`{hint}",
            en: "unknown key `{key}`{hint}",
        }

        pub(super) fn did_you_mean(key: &str) {
            zh: "（是否想写 `{key}`？）",
            en: " (did you mean `{key}`?)",
        }

        pub fn missing_key(key: &str) {
            zh: "缺少键 `{key}`",
            en: "missing key `{key}`",
        }

        pub fn wrong_type(expected: &str, found: &str) {
            zh: "应为 {expected}，实为 {found}",
            en: "expected {expected}, found {found}",
        }

        pub fn not_decimal(text: &str, reason: &str) {
            zh: "`{text}` 不是有效的数值：{reason}",
            en: "`{text}` is not a valid decimal: {reason}",
        }

        pub fn too_large_to_score(value: Decimal) {
            zh: "数值 {value} 太大，无法计分（计算需要超过 28 位有效数字）；请核对这个数",
            en: "the number {value} is too large to score (the arithmetic needs more than 28 significant digits); check it",
        }

        pub fn no_such_penalty(number: usize) {
            zh: "没有第 {number} 条处分扣分（可能已被别人修改）",
            en: "there is no penalty number {number} (the file may have changed)",
        }

        pub fn not_writable() {
            zh: "这个值不能如实写入文件（超出范围或位数太多）",
            en: "this value cannot be kept in the file as it is (out of range, or too many digits)",
        }

        pub fn not_whole_number(text: &str) {
            zh: "`{text}` 应为整数",
            en: "`{text}` should be a whole number",
        }

        pub fn bad_id(id: &str) {
            zh: "`{id}` 不是有效的标识：只能用小写字母、数字、`-`、`_`，以字母或数字开头",
            en: "`{id}` is not a valid id: lowercase ASCII letters, digits, `-` and `_`, starting with a letter or digit",
        }

        pub fn duplicate_id(id: &str) {
            zh: "标识 `{id}` 重复",
            en: "duplicate id `{id}`",
        }

        pub fn unknown_ref(kind: &str, id: &str) {
            zh: "没有标识为 `{id}` 的{kind}",
            en: "no {kind} with id `{id}`",
        }

        pub fn newer_format(found: &str) {
            zh: "文件格式 `{found}` 比本程序新（本程序读 `kaoping/1`），请升级 kaoping",
            en: "the file's format `{found}` is newer than this kaoping reads (`kaoping/1`); upgrade kaoping",
        }

        pub fn unknown_format(found: &str) {
            zh: "不认识的文件格式 `{found}`（应为 `kaoping/1`）",
            en: "unknown format `{found}` (expected `kaoping/1`)",
        }

        /// `allowed`: the choices, quoted and joined.
        pub fn bad_choice(value: &str, allowed: &str) {
            zh: "`{value}` 无效，可选：{allowed}",
            en: "`{value}` is not one of {allowed}",
        }

        pub fn target_not_positive(value: Decimal) {
            zh: "{TARGET_VALUE}必须大于 0（现为 {value}）",
            en: "the {TARGET} must be above 0 (it is {value})",
        }

        pub fn actual_negative(value: Decimal) {
            zh: "{ACTUAL_VALUE}不能为负（现为 {value}）",
            en: "the {ACTUAL_VALUE} cannot be negative (it is {value})",
        }

        pub fn score_out_of_range(value: Decimal, max: Decimal) {
            zh: "{value} 超出范围 [0, {max}]",
            en: "{value} is outside [0, {max}]",
        }

        /// `share`: the cap's share of the base, as a percentage.
        pub fn deduction_out_of_range(value: Decimal, cap: Decimal, share: &str, base: Decimal) {
            zh: "{DEDUCTION} {value} 超出范围 [0, {cap}]（{CEILING} = {share} × {BASE} {base}）",
            en: "{DEDUCTION} {value} is outside [0, {cap}] (the {DEDUCTION_CAP} is {share} of the {BASE} {base})",
        }

        pub fn prep_out_of_range(value: Decimal, base: Decimal) {
            zh: "{PREPARATION}得分 {value} 超出范围 [0, {base}]（{BASE}）",
            en: "{PREPARATION} score {value} is outside [0, {base}] (the {BASE})",
        }

        pub fn prep_on_pilot(indicator: &str) {
            zh: "该单位按完成情况考核「{indicator}」（是试点或无试点名单），不能填{PREPARATION}得分 `prep`",
            en: "this unit is scored on completion of 「{indicator}」 (a pilot, or there is no pilot list): `prep` is not allowed",
        }

        pub fn completion_off_pilot(indicator: &str) {
            zh: "该单位不是「{indicator}」的试点，只能填{PREPARATION}得分 `prep`",
            en: "this unit is not a pilot of 「{indicator}」: only a {PREPARATION} score `prep` is allowed",
        }

        pub fn prep_for_department() {
            zh: "{CITY_DEPARTMENT}按完成情况考核，没有{PREPARATION}得分",
            en: "{CITY_DEPARTMENT}s are scored on completion; they have no {PREPARATION} score",
        }

        /// `keys`: the row's keys, quoted and joined.
        pub fn mixed_row(keys: &str) {
            zh: "一行只能是一种：定量（target/actual）、定性（status/deduction）或{PREPARATION}（prep），此行有 {keys}",
            en: "a row is one kind: quantitative (target/actual), qualitative (status/deduction) or {PREPARATION} (prep); this one has {keys}",
        }

        pub fn row_not_applicable(indicator: &str, unit: &str) {
            zh: "「{indicator}」不考核{unit}（见该指标的 `units`）",
            en: "「{indicator}」 does not apply to {unit} (see the indicator's `units`)",
        }

        pub fn deduction_when_complete() {
            zh: "{COMPLETE}的行不能有{DEDUCTION}（`deduction` 只用于 `status = \"incomplete\"`）",
            en: "a {COMPLETE} row has no {DEDUCTION} (`deduction` goes with `status = \"incomplete\"`)",
        }

        pub fn penalty_level_or_points() {
            zh: "{PENALTY}要么写 `level`（provincial 或 municipal），要么写 `points`，二者选一",
            en: "a {PENALTY} has either a `level` (provincial or municipal) or `points`, exactly one",
        }

        pub fn negative(value: Decimal) {
            zh: "不能为负（现为 {value}）",
            en: "cannot be negative (it is {value})",
        }

        pub fn out_of_range(value: &str, range: &str) {
            zh: "{value} 超出范围 {range}",
            en: "{value} is outside {range}",
        }

        pub fn old_key_with_new(old: &str, new: &str) {
            zh: "`{old}` 是 `{new}` 的旧写法，二者只能写一个（true 即 \"all\"，false 即 \"none\"）",
            en: "`{old}` is the older spelling of `{new}`: keep only one (true is \"all\", false is \"none\")",
        }

        pub fn department_not_responsible(department: &str, indicator: &str) {
            zh: "{department}不是「{indicator}」的{ROLE_RESPONSIBLE}单位，不按该指标考核，不能有得分行",
            en: "{department} is not {ROLE_RESPONSIBLE} for 「{indicator}」, so it is not assessed on it and has no row for it",
        }

        pub fn org_item_not_applicable(item: &str, unit: &str) {
            zh: "「{item}」不考核{unit}（见该项目的 `applies_to`），不能填分",
            en: "「{item}」 does not apply to {unit} (see the item's `applies_to`): no value for it",
        }

        pub(super) fn row_should_be_quantitative(indicator: &str) {
            zh: "「{indicator}」是定量指标（kind = \"quantitative\"），此行应填 target 和 actual",
            en: "「{indicator}」 is quantitative (kind = \"quantitative\"): its row has a target and an actual",
        }

        pub(super) fn row_should_be_qualitative(indicator: &str) {
            zh: "「{indicator}」是{QUALITATIVE}（kind = \"qualitative\"），此行应填 status（和 deduction）",
            en: "「{indicator}」 is qualitative (kind = \"qualitative\"): its row has a status (and a deduction)",
        }

        // ---- warnings --------------------------------------------------------------

        pub fn organization_sum(sum: Decimal, declared: Decimal) {
            zh: "{ORGANIZATION}各项合计 {sum} 分，与该部分分值 {declared} 不符",
            en: "the {ORGANIZATION} items add up to {sum}, not the section's {declared}",
        }

        pub fn areas_sum(sum: Decimal, task: Decimal) {
            zh: "各工作领域分值合计 {sum} 分，与{TASK}部分分值 {task} 不符",
            en: "the areas add up to {sum}, not the {TASK} section's {task}",
        }

        pub fn area_bases_sum(area: &str, sum: Decimal, max: Decimal) {
            zh: "「{area}」各指标{BASE}合计 {sum}，与该领域分值 {max} 不符",
            en: "the indicator {BASE}s of 「{area}」 add up to {sum}, not its {max}",
        }

        pub fn sections_sum(sum: Decimal, total: Decimal) {
            zh: "三部分（{ORGANIZATION} + {SURVEY} + {TASK}）合计 {sum} 分，与{TOTAL} {total} 不符",
            en: "the three sections ({ORGANIZATION} + {SURVEY} + {TASK}) add up to {sum}, not the {TOTAL} {total}",
        }

        pub fn area_without_lead(area: &str) {
            zh: "「{area}」没有{ROLE_LEAD}部门",
            en: "「{area}」 has no {ROLE_LEAD} department",
        }

        pub fn indicator_without_responsible(indicator: &str) {
            zh: "「{indicator}」没有{ROLE_RESPONSIBLE}部门",
            en: "「{indicator}」 has no {ROLE_RESPONSIBLE} department",
        }

        pub(super) fn pending_survey() {
            zh: "{SURVEY}",
            en: "the {SURVEY}",
        }

        pub(super) fn pending_organization(items: usize) {
            zh: "{items} 项{ORGANIZATION}",
            en: "{items} {ORGANIZATION} item(s)",
        }

        pub(super) fn pending_rows(rows: usize) {
            zh: "{rows} 个指标",
            en: "{rows} indicator row(s)",
        }

        /// `parts`: what is missing, joined.
        /// A department's rows derived by summing the units' (aggregate), still waiting.
        pub(super) fn pending_derived(unit: &str, rows: usize, units: &str) {
            zh: "{unit}的 {rows} 个指标由各县区数据相加，尚待{units}录入（按 0 分计）",
            en: "{unit}: {rows} indicator row(s) summed from the units' rows wait for {units} (counted as 0)",
        }

        pub(super) fn pending_and_derived(own: &str, rows: usize, units: &str) {
            zh: "{own}；另有 {rows} 个指标由各县区数据相加，尚待{units}录入",
            en: "{own}; {rows} more row(s) summed from the units' rows wait for {units}",
        }

        pub(super) fn pending_line(unit: &str, parts: &str) {
            zh: "{unit}尚未录入：{parts}（按 0 分计）",
            en: "{unit} is {PENDING}: {parts} not entered yet (counted as 0)",
        }

        /// `cut`: the award or the last place ([`Self::cut`]); `names`: the winners.
        pub fn tie_at_cut(cut: &str, places: u32, winners: usize, names: &str) {
            zh: "{cut}{PLACES} {places} 个，因{TIED}由 {winners} 个单位获得：{names}",
            en: "{cut}: a tie at the cut gives {places} place(s) to {winners} units: {names}",
        }

        pub(super) fn comprehensive_counties() {
            zh: "{COUNTIES_AND_ZONE}{COMPREHENSIVE}",
            en: "{COMPREHENSIVE} ({COUNTIES_AND_ZONE})",
        }

        pub(super) fn comprehensive_departments() {
            zh: "{CITY_DEPARTMENT}{COMPREHENSIVE}",
            en: "{COMPREHENSIVE} ({CITY_DEPARTMENT}s)",
        }

        pub fn award_selects_nothing(award: &str) {
            zh: "单项奖「{award}」没有指定任何计分内容（areas、lead 或 organization）",
            en: "the award 「{award}」 selects nothing to score (areas, lead or organization)",
        }

        /// `failed`: the indicators it failed.
        pub fn vetoed_winner(unit: &str, award: &str, failed: &str) {
            zh: "{unit}被{VETO}（未完成{failed}），仍获评「{award}」，请领导小组审定",
            en: "{unit} is vetoed ({failed} not completed) yet wins the {SINGLE_ITEM} 「{award}」: for the leading group to confirm",
        }

        pub fn department_without_task(unit: &str) {
            zh: "{unit}有评分表，但没有哪个指标由它负责：没有任务完成可考核（计 0 分），只按组织实施和群众测评计分，请核对责任分工",
            en: "{unit} has a score sheet but is responsible for no indicator: it has no task to be assessed on (counted 0), only organisation and survey; check the responsibilities",
        }

        pub fn last_place_comprehensive(unit: &str) {
            zh: "{unit}既是{COMPREHENSIVE}又是{LAST_PLACE}（按设置，末位在全部单位中评定），请领导小组审定",
            en: "{unit} is both {COMPREHENSIVE} and {LAST_PLACE} (policy.last_place_among = \"all\")",
        }

        /// `completion`: as a percentage.
        pub(super) fn implausible_line(unit: &str, indicator: &str, completion: &str, lowers: &str) {
            zh: "{unit}「{indicator}」{COMPLETION_RATE} {completion}，偏离目标过大，请核对是否录入有误{lowers}",
            en: "{unit}'s 「{indicator}」 is at {completion} of the target, far off it: check the figures{lowers}",
        }

        pub(super) fn implausible_lowers(names: &str) {
            zh: "；它是最高超额完成率，压低了{names}的{BONUS}",
            en: "; as the best over-completion it lowers the {BONUS} of {names}",
        }

        pub fn nominees_off_quota(unit: &str, quota: u32, count: usize) {
            zh: "{unit}的{INDIVIDUALS}{PLACES} {quota} 个，推荐了 {count} 人（应{EQUAL_NOMINATION}）",
            en: "{unit} has {quota} places for {INDIVIDUALS} but nominates {count} ({EQUAL_NOMINATION_ZH}: {EQUAL_NOMINATION})",
        }

        pub fn procedure_out_of_order(step: &str, due: &str, earlier: &str, earlier_due: &str) {
            zh: "「{step}」截止于 {due}，早于排在它前面的「{earlier}」（{earlier_due}）",
            en: "「{step}」 is due {due}, before the earlier step 「{earlier}」 ({earlier_due})",
        }

        pub fn pilot_not_scored(unit: &str) {
            zh: "`{unit}` 列为试点，但不在本指标的 units 中：它不考核本指标，试点不起作用",
            en: "`{unit}` is a pilot but not among the indicator's units: it is not scored on it, so being a pilot does nothing",
        }

        pub fn empty_short() {
            zh: "简称是空的：不用简称时请删去 short 这一键",
            en: "the short name is empty: leave the `short` key out for none",
        }

        pub fn blank_name() {
            zh: "名称是空的：表格里这一行将没有名字",
            en: "the name is empty: the tables would show this row without one",
        }

        pub fn duplicate_name(name: &str, other: &str) {
            zh: "名称「{name}」与 `{other}` 相同：表格里无法区分，按名称查找时请用标识",
            en: "the name 「{name}」 is also `{other}`'s: the tables cannot tell them apart; look them up by id",
        }
    }

    pub fn unknown_key(self, key: &str, suggestion: Option<&str>) -> String {
        let hint = suggestion.map(|s| self.did_you_mean(s)).unwrap_or_default();
        self.unknown_key_line(key, &hint)
    }

    /// What a unit has not entered yet: the survey, how many organisation items and rows.
    pub fn pending(self, unit: &str, survey: bool, organization: usize, rows: usize) -> String {
        let mut parts = Vec::new();
        if survey {
            parts.push(self.pending_survey());
        }
        if organization > 0 {
            parts.push(self.pending_organization(organization));
        }
        if rows > 0 {
            parts.push(self.pending_rows(rows));
        }
        self.pending_line(unit, &CommonText(self.0).list(&parts))
    }

    /// A row of the other kind than its indicator's `kind`.
    pub fn row_kind_mismatch(self, indicator: &str, kind: RowKind) -> String {
        match kind {
            RowKind::Quantitative => self.row_should_be_quantitative(indicator),
            RowKind::Qualitative => self.row_should_be_qualitative(indicator),
        }
    }

    /// An implausible row, and the units whose bonus it lowers.
    pub fn implausible(
        self,
        unit: &str,
        indicator: &str,
        completion: Decimal,
        lowers: &[String],
    ) -> String {
        let lowers = if lowers.is_empty() {
            String::new()
        } else {
            self.implausible_lowers(&CommonText(self.0).list(lowers))
        };
        let completion = super::ExplainText(self.0).percent_shown(completion);
        self.implausible_line(unit, indicator, &completion, &lowers)
    }

    /// The award, or the place, a tie is at.
    fn cut(self, cut: &Cut) -> String {
        match cut {
            Cut::Comprehensive => self.comprehensive_counties(),
            Cut::Departments => self.comprehensive_departments(),
            Cut::LastPlace => self.0.pick(zh::LAST_PLACE, en::LAST_PLACE).into(),
            Cut::Award(name) => name.clone(),
        }
    }
}

/// `a`, `b` as a list of code: `` `a`, `b` ``.
fn quoted(items: impl IntoIterator<Item = impl std::fmt::Display>) -> String {
    items
        .into_iter()
        .map(|a| format!("`{a}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The message of a problem, without its place.
pub fn problem_message(kind: &ProblemKind, lang: Lang) -> String {
    use ProblemKind::*;
    let t = ProblemText(lang);
    match kind {
        Syntax { message } => t.syntax(message),
        TooLarge { bytes, limit } => t.too_large(*bytes, *limit),
        NotUtf8 => t.not_utf8(),
        UnknownKey { key, suggestion } => t.unknown_key(key, *suggestion),
        MissingKey { key } => t.missing_key(key),
        WrongType { expected: e, found } => t.wrong_type(expected(*e, lang), found),
        NotDecimal { text, reason } => t.not_decimal(text, decimal_reason(reason, lang)),
        TooLargeToScore { value } => t.too_large_to_score(*value),
        NotWritable => t.not_writable(),
        NoSuchPenalty { index } => t.no_such_penalty(index + 1),
        NotWholeNumber { text } => t.not_whole_number(text),
        BadId { id } => t.bad_id(id),
        DuplicateId { id } => t.duplicate_id(id),
        UnknownRef { kind: k, id } => t.unknown_ref(ref_kind(*k, lang), id),
        UnsupportedFormat { found, newer: true } => t.newer_format(found),
        UnsupportedFormat {
            found,
            newer: false,
        } => t.unknown_format(found),
        BadChoice { value, allowed } => t.bad_choice(value, &quoted(allowed.iter())),
        TargetNotPositive { value } => t.target_not_positive(*value),
        ActualNegative { value } => t.actual_negative(*value),
        ScoreOutOfRange { value, max } => t.score_out_of_range(*value, *max),
        DeductionOutOfRange {
            value,
            cap_share,
            base,
            cap,
        } => t.deduction_out_of_range(*value, *cap, &percent(*cap_share), *base),
        PrepOutOfRange { value, base } => t.prep_out_of_range(*value, *base),
        PrepOnPilot { indicator } => t.prep_on_pilot(indicator),
        CompletionOffPilot { indicator } => t.completion_off_pilot(indicator),
        PrepForDepartment => t.prep_for_department(),
        MixedRow { keys } => t.mixed_row(&quoted(keys)),
        RowNotApplicable { indicator, unit } => t.row_not_applicable(indicator, unit),
        DeductionWhenComplete => t.deduction_when_complete(),
        PenaltyLevelOrPoints => t.penalty_level_or_points(),
        Negative { value } => t.negative(*value),
        OutOfRange { value, range } => t.out_of_range(value, range),
        OrganizationSum { sum, declared } => t.organization_sum(*sum, *declared),
        AreasSum { sum, task } => t.areas_sum(*sum, *task),
        AreaBasesSum { area, sum, max } => t.area_bases_sum(area, *sum, *max),
        SectionsSum { sum, total } => t.sections_sum(*sum, *total),
        AreaWithoutLead { area } => t.area_without_lead(area),
        IndicatorWithoutResponsible { indicator } => t.indicator_without_responsible(indicator),
        Pending {
            unit,
            survey,
            organization,
            rows,
            derived,
            waiting_on,
        } => {
            let own = t.pending(unit, *survey, *organization, *rows);
            match (*survey || *organization > 0 || *rows > 0, *derived > 0) {
                (_, false) => own,
                (false, true) => {
                    t.pending_derived(unit, *derived, &CommonText(lang).list(waiting_on))
                }
                (true, true) => {
                    t.pending_and_derived(&own, *derived, &CommonText(lang).list(waiting_on))
                }
            }
        }
        TieAtCut {
            cut,
            places,
            winners,
        } => t.tie_at_cut(
            &t.cut(cut),
            *places,
            winners.len(),
            &CommonText(lang).list(winners),
        ),
        AwardSelectsNothing { award } => t.award_selects_nothing(award),
        OldKeyWithNew { old, new } => t.old_key_with_new(old, new),
        DepartmentNotResponsible {
            department,
            indicator,
        } => t.department_not_responsible(department, indicator),
        OrgItemNotApplicable { item, unit } => t.org_item_not_applicable(item, unit),
        RowKindMismatch { indicator, kind } => t.row_kind_mismatch(indicator, *kind),
        VetoedWinner {
            unit,
            award,
            failed,
        } => t.vetoed_winner(unit, award, &CommonText(lang).list(failed)),
        LastPlaceComprehensive { unit } => t.last_place_comprehensive(unit),
        DepartmentWithoutTask { unit } => t.department_without_task(unit),
        Implausible(row) => t.implausible(&row.unit, &row.indicator, row.completion, &row.lowers),
        NomineesOffQuota { unit, quota, count } => t.nominees_off_quota(unit, *quota, *count),
        ProcedureOutOfOrder {
            step,
            due,
            earlier,
            earlier_due,
        } => t.procedure_out_of_order(step, &due.to_string(), earlier, &earlier_due.to_string()),
        BlankName => t.blank_name(),
        EmptyShort => t.empty_short(),
        PilotNotScored { unit } => t.pilot_not_scored(unit),
        ReturnNotOwed { from, step, owed } => t.return_not_owed(from, step, *owed),
        ReturnTwice { file, first } => t.return_twice(file, first),
        DuplicateName { name, other } => t.duplicate_name(name, other),
    }
}

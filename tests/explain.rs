//! The explanations (`kaoping::explain`) on the worked example of
//! `shared/examples/worked.md` and on the demo, every number computed by hand in the
//! comment beside it, in both languages. Variants of the worked example (another
//! shortfall mode, a capped deduction, a ceiling, pending rows, …) are made by replacing
//! one piece of its text.

mod common;

use common::{WORKED, edit, scored, worked_with_policy};
use kaoping::explain::{
    self, AwardOutcome, ComprehensiveSteps, ItemSteps, LastPlaceSteps, Over, Rounded, TaskSteps,
};
use kaoping::i18n::Lang;
use kaoping::i18n::explain::{
    item_lines, item_short as item_short_text, unit_lines, unit_short as unit_short_text,
};
use kaoping::project::{LastPlaceAmong, Project, SingleItemVeto};
use kaoping::scoring::Scoreboard;
use kaoping::text::width;

const DEMO: &str = include_str!("../assets/demo.toml");

fn item(text: &str, unit: &str, indicator: &str, lang: Lang) -> Vec<String> {
    let (p, b) = scored(text);
    explain_item(&p, &b, unit, indicator, lang).expect("row explained")
}

fn item_short(text: &str, unit: &str, indicator: &str, lang: Lang) -> String {
    let (p, b) = scored(text);
    explain_item_short(&p, &b, unit, indicator, lang).expect("row explained")
}

fn unit(text: &str, id: &str, lang: Lang) -> Vec<String> {
    let (p, b) = scored(text);
    explain_unit(&p, &b, id, lang).expect("unit explained")
}

fn unit_short(text: &str, id: &str, lang: Lang) -> String {
    let (p, b) = scored(text);
    explain_unit_short(&p, &b, id, lang).expect("unit explained")
}

// The explanations in words: each one's data (`kaoping::explain`) written out in `lang`
// (`kaoping::i18n::explain`).

fn explain_item(
    p: &Project,
    b: &Scoreboard,
    unit: &str,
    indicator: &str,
    lang: Lang,
) -> Option<Vec<String>> {
    explain::item(p, b, unit, indicator).map(|e| item_lines(&e, lang))
}

fn explain_item_short(
    p: &Project,
    b: &Scoreboard,
    unit: &str,
    indicator: &str,
    lang: Lang,
) -> Option<String> {
    explain::item(p, b, unit, indicator).map(|e| item_short_text(&e, lang))
}

fn explain_unit(p: &Project, b: &Scoreboard, unit: &str, lang: Lang) -> Option<Vec<String>> {
    explain::unit(p, b, unit).map(|e| unit_lines(&e, lang))
}

fn explain_unit_short(p: &Project, b: &Scoreboard, unit: &str, lang: Lang) -> Option<String> {
    explain::summary(p, b, unit).map(|s| unit_short_text(&s, lang))
}

/// Asserts that some line of `lines` (trimmed) equals `expected`.
#[track_caller]
fn has_line(lines: &[String], expected: &str) {
    assert!(
        lines.iter().any(|l| l.trim() == expected),
        "no line {expected:?} in\n{}",
        lines.join("\n")
    );
}

// ---- one row ------------------------------------------------------------------------

#[test]
fn shortfall_steps_deduction_and_veto() {
    // 丙县 new-jobs: 950 / 1000 = 95%, 5% short = 2.5 steps of 2%;
    // 2.5 × 5% × 4 = 0.50 deducted (cap 60% × 4 = 2.40); 4 − 0.50 = 3.50; vetoed.
    assert_eq!(
        item(WORKED, "bing", "new-jobs", Lang::En),
        [
            "城镇新增就业 (就业和创业): base 4, bonus indicator (加分指标)",
            "target 1000 人, actual 950 人: 950 / 1000 = 95.0% of target",
            "5.0% short; 5% of the base per 2% short: 5.0% / 2% × 5% × 4 = 0.50 deducted (cap 60% × 4 = 2.40)",
            "earned 4 − 0.50 = 3.50",
            "not completed: vetoes 丙县 (一票否决)",
        ]
    );
    assert_eq!(
        item(WORKED, "bing", "new-jobs", Lang::Zh),
        [
            "城镇新增就业（就业和创业）：基本分值 4，加分指标",
            "目标 1000人，实际 950人：950 ÷ 1000 = 完成率 95.0%",
            "差 5.0%，每差 2% 扣基本分值的 5%：5.0% ÷ 2% × 5% × 4 = 扣 0.50 分（扣分上限 60% × 4 = 2.40）",
            "得分 4 − 0.50 = 3.50",
            "未完成：丙县一票否决",
        ]
    );
}

#[test]
fn shortfall_in_one_line_is_the_mockups() {
    // MOCKUPS.md, the Entry pane's status line, word for word.
    assert_eq!(
        item_short(WORKED, "bing", "new-jobs", Lang::Zh),
        "实际值 950，差 5.0%，每差 2% 扣基本分值的 5%：5.0% ÷ 2% × 5% × 4 = 扣 0.50 分"
    );
    assert_eq!(
        item_short(WORKED, "bing", "new-jobs", Lang::En),
        "actual 950, 5.0% short, 5% of the base per 2%: 5.0% ÷ 2% × 5% × 4 = −0.50"
    );
}

#[test]
fn bonus_is_a_share_of_the_groups_best() {
    // 乙县: 880 / 800 = 110%, o = 10%; the best is 甲县's 20%;
    // bonus = 10% / 20% × 20% × 4 = 0.40; 4 + 0.40 = 4.40.
    let en = item(WORKED, "yi", "new-jobs", Lang::En);
    has_line(
        &en,
        "target 800 人, actual 880 人: 880 / 800 = 110.0% of target",
    );
    has_line(
        &en,
        "over-completion 10.0%; the group's best is 20.0% (甲县)",
    );
    has_line(&en, "bonus = 4 × 20% × 10.0% / 20.0% = 0.40");
    has_line(&en, "earned 4 + 0.40 = 4.40");
    let zh = item(WORKED, "yi", "new-jobs", Lang::Zh);
    has_line(&zh, "超额完成 10.0%；本组最高为 20.0%（甲县）");
    has_line(&zh, "加分 = 4 × 20% × 10.0% ÷ 20.0% = 0.40");
    has_line(&zh, "得分 4 + 0.40 = 4.40");
    assert_eq!(
        item_short(WORKED, "yi", "new-jobs", Lang::Zh),
        "实际值 880，超额 10.0%，本组最高 20.0%：4 × 20% × 10.0% ÷ 20.0% = 加 0.40 分"
    );
    // The zone: o = 5%: 5% / 20% × 20% × 4 = 0.20.
    has_line(
        &item(WORKED, "zone", "new-jobs", Lang::En),
        "bonus = 4 × 20% × 5.0% / 20.0% = 0.20",
    );
}

#[test]
fn the_best_over_completer_gets_the_whole_share() {
    // 甲县: 1200 / 1000 = 120%, the group's best: 20% × 4 = 0.80; 4 + 0.80 = 4.80.
    let en = item(WORKED, "jia", "new-jobs", Lang::En);
    has_line(&en, "over-completion 20.0%: the group's best");
    has_line(&en, "bonus = 4 × 20% = 0.80");
    has_line(&en, "earned 4 + 0.80 = 4.80");
    let zh = item(WORKED, "jia", "new-jobs", Lang::Zh);
    has_line(&zh, "超额完成 20.0%，为本组最高");
    has_line(&zh, "加分 = 4 × 20% = 0.80");
    assert_eq!(
        item_short(WORKED, "jia", "new-jobs", Lang::En),
        "actual 1200, 120.0% of target, 20.0% over, the group's best: 4 × 20% = +0.80"
    );
}

#[test]
fn a_non_bonus_indicator_exceeded_earns_the_base() {
    // 甲县 training: 230 / 200 = 115%, not a bonus indicator: 2.00.
    let en = item(WORKED, "jia", "training", Lang::En);
    has_line(
        &en,
        "创业培训 (就业和创业): base 2, not a bonus indicator (不加分指标)",
    );
    has_line(
        &en,
        "exceeded by 15.0%, but not a bonus indicator (不加分指标): completed or exceeded earns the base",
    );
    has_line(&en, "earned = base 2 = 2.00");
    let zh = item(WORKED, "jia", "training", Lang::Zh);
    has_line(&zh, "超额 15.0%，但属不加分指标：完成或超额均只得基本分值");
    has_line(&zh, "得分 = 基本分值 2 = 2.00");
    assert_eq!(
        item_short(WORKED, "jia", "training", Lang::Zh),
        "实际值 230，完成率 115.0%，超额 15.0%，属不加分指标，得基本分值 2 分"
    );
}

#[test]
fn qualitative_met_and_not_met() {
    // The zone's dibao: incomplete, deduction 0.8: 4 − 0.8 = 3.20, vetoes the zone.
    let en = item(WORKED, "zone", "dibao", Lang::En);
    has_line(
        &en,
        "qualitative: not complete (未完成); case-by-case deduction 0.8 (at most 60% × 4 = 2.40)",
    );
    has_line(&en, "earned 4 − 0.8 = 3.20");
    has_line(&en, "not completed: vetoes 经济开发区 (一票否决)");
    let zh = item(WORKED, "zone", "dibao", Lang::Zh);
    has_line(
        &zh,
        "定性指标：未完成；酌情扣 0.8 分（最多 60% × 4 = 2.40）",
    );
    has_line(&zh, "得分 4 − 0.8 = 3.20");
    has_line(&zh, "未完成：经济开发区一票否决");
    assert_eq!(
        item_short(WORKED, "zone", "dibao", Lang::En),
        "not complete: case-by-case −0.8 → 3.20, veto"
    );
    // Not met without a deduction: the base, and still a veto.
    let text = edit(
        WORKED,
        &[(
            "dibao = { status = \"incomplete\", deduction = 0.8 }",
            "dibao = { status = \"incomplete\" }",
        )],
    );
    let none = item(&text, "zone", "dibao", Lang::En);
    has_line(
        &none,
        "qualitative: not complete (未完成); no deduction entered",
    );
    has_line(&none, "earned = base 4 = 4.00");
    has_line(&none, "not completed: vetoes 经济开发区 (一票否决)");
    // 甲县's dibao: complete, the base.
    let met = item(WORKED, "jia", "dibao", Lang::En);
    has_line(&met, "qualitative: complete (已完成): the base, no bonus");
    has_line(&met, "earned = base 4 = 4.00");
    assert_eq!(
        item_short(WORKED, "jia", "dibao", Lang::Zh),
        "已完成，得基本分值 4 分"
    );
}

#[test]
fn met_exactly_gets_no_bonus() {
    // 乙县 training 150 / 150: met, no over-completion.
    assert_eq!(
        item_short(WORKED, "yi", "training", Lang::En),
        "actual 150, 100.0% of target, target met: base 2"
    );
    // With 丙县 at exactly 1000 of 1000 on the bonus indicator: no bonus either.
    let text = edit(
        WORKED,
        &[(
            "new-jobs = { target = 1000, actual = 950 }",
            "new-jobs = { target = 1000, actual = 1000 }",
        )],
    );
    let en = item(&text, "bing", "new-jobs", Lang::En);
    has_line(&en, "target met exactly: no over-completion, no bonus");
    has_line(&en, "earned = base 4 = 4.00");
    has_line(
        &item(&text, "bing", "new-jobs", Lang::Zh),
        "恰好完成目标：无超额，不加分",
    );
}

#[test]
fn full_steps_count_whole_steps_only() {
    // 2.5 steps, floor 2: 2 × 5% × 4 = 0.40; 4 − 0.40 = 3.60.
    let text = worked_with_policy("shortfall_mode = \"full_steps\"");
    let en = item(&text, "bing", "new-jobs", Lang::En);
    has_line(
        &en,
        "5.0% short; only whole steps of 2% count (full_steps): 5.0% / 2% = 2.5, ⌊2.5⌋ = 2",
    );
    has_line(&en, "2 × 5% × 4 = 0.40 deducted (cap 60% × 4 = 2.40)");
    has_line(&en, "earned 4 − 0.40 = 3.60");
    let zh = item(&text, "bing", "new-jobs", Lang::Zh);
    has_line(
        &zh,
        "差 5.0%，每差满 2% 扣一次，不足 2% 的部分不扣：5.0% ÷ 2% = 2.5，计 2 次",
    );
    has_line(&zh, "得分 4 − 0.40 = 3.60");
    assert_eq!(
        item_short(&text, "bing", "new-jobs", Lang::En),
        "actual 950, 5.0% short, 5% of the base per 2%: ⌊5.0% ÷ 2%⌋ × 5% × 4 = −0.40"
    );
}

#[test]
fn started_steps_count_a_started_step() {
    // 2.5 steps, ceil 3: 3 × 5% × 4 = 0.60; 4 − 0.60 = 3.40.
    let text = worked_with_policy("shortfall_mode = \"started_steps\"");
    let en = item(&text, "bing", "new-jobs", Lang::En);
    has_line(
        &en,
        "5.0% short; a started step of 2% counts (started_steps): 5.0% / 2% = 2.5, ⌈2.5⌉ = 3",
    );
    has_line(&en, "3 × 5% × 4 = 0.60 deducted (cap 60% × 4 = 2.40)");
    has_line(&en, "earned 4 − 0.60 = 3.40");
    has_line(
        &item(&text, "bing", "new-jobs", Lang::Zh),
        "差 5.0%，每差 2% 扣一次，不足 2% 的部分也扣一次：5.0% ÷ 2% = 2.5，计 3 次",
    );
}

#[test]
fn a_deduction_stops_at_the_cap() {
    // 500 / 1000: 50% short = 25 steps; 25 × 5% × 4 = 5.00 > cap 2.40; 4 − 2.40 = 1.60.
    let text = edit(
        WORKED,
        &[(
            "new-jobs = { target = 1000, actual = 950 }",
            "new-jobs = { target = 1000, actual = 500 }",
        )],
    );
    let en = item(&text, "bing", "new-jobs", Lang::En);
    has_line(
        &en,
        "50.0% short; 5% of the base per 2% short: 50.0% / 2% × 5% × 4 = 5.00, more than the cap 60% × 4 = 2.40: 2.40 deducted",
    );
    has_line(&en, "earned 4 − 2.40 = 1.60");
    let zh = item(&text, "bing", "new-jobs", Lang::Zh);
    has_line(
        &zh,
        "差 50.0%，每差 2% 扣基本分值的 5%：50.0% ÷ 2% × 5% × 4 = 5.00，超过扣分上限 60% × 4 = 2.40：扣 2.40 分",
    );
    assert_eq!(
        item_short(&text, "bing", "new-jobs", Lang::En),
        "50.0% short, 5% of the base per 2%: 50.0% ÷ 2% × 5% × 4 = 5.00 > cap 2.40: −2.40"
    );
    // The cap in full_steps mode too: floor(25) = 25 steps, still capped.
    let text = edit(
        &text,
        &[(
            "title = \"示例：三县一区\"\n",
            "title = \"示例：三县一区\"\n[policy]\nshortfall_mode = \"full_steps\"\n",
        )],
    );
    has_line(
        &item(&text, "bing", "new-jobs", Lang::En),
        "25 × 5% × 4 = 5.00, more than the cap 60% × 4 = 2.40: 2.40 deducted",
    );
}

#[test]
fn half_up_rounding_is_shown_when_it_changes_the_score() {
    // 乙县 881 / 800: o = 81/800 = 10.125%; bonus = 0.10125 / 0.20 × 20% × 4 = 0.405;
    // 4 + 0.405 = 4.405 → 4.41 (half-up).
    let text = edit(
        WORKED,
        &[(
            "new-jobs = { target = 800, actual = 880 }",
            "new-jobs = { target = 800, actual = 881 }",
        )],
    );
    let en = item(&text, "yi", "new-jobs", Lang::En);
    has_line(
        &en,
        "bonus = 4 × 20% × 10.12…% / 20.0% = 0.405 (unrounded: 10.125% / 20.0%)",
    );
    has_line(
        &en,
        "earned 4 + 0.405 = 4.405 → 4.41 (rounded half-up to 2 places)",
    );
    let zh = item(&text, "yi", "new-jobs", Lang::Zh);
    has_line(&zh, "得分 4 + 0.405 = 4.405，四舍五入保留 2 位小数 → 4.41");
    // No rounding note where nothing was rounded.
    assert!(
        item(WORKED, "yi", "new-jobs", Lang::En)
            .iter()
            .all(|l| !l.contains("rounded"))
    );
}

/// The worked example with a ceiling indicator (城镇登记失业率, base 3, at most 4.6%)
/// for 甲县 (3.9%) and 丙县 (4.8%).
fn with_ceiling() -> String {
    edit(
        WORKED,
        &[
            (
                "[[awards]]\nid = \"employment\"",
                "[[indicators]]\nid = \"jobless\"\narea = \"employment\"\nname = \"城镇登记失业率\"\nbase = 3\nmeasure = \"%\"\ndirection = \"at_most\"\nlead = \"hrss\"\nresponsible = [\"hrss\"]\nunits = [\"jia\", \"bing\"]\n\n[[awards]]\nid = \"employment\"",
            ),
            (
                "training = { target = 200, actual = 230 }\n",
                "training = { target = 200, actual = 230 }\njobless = { target = 4.6, actual = 3.9 }\n",
            ),
            (
                "training = { target = 100, actual = 104 }\n",
                "training = { target = 100, actual = 104 }\njobless = { target = 4.6, actual = 4.8 }\n",
            ),
        ],
    )
}

#[test]
fn a_ceiling_counts_the_other_way() {
    let text = with_ceiling();
    // 甲县: (4.6 − 3.9) / 4.6 = 15.2% below the ceiling; not a bonus indicator: 3.00.
    let en = item(&text, "jia", "jobless", Lang::En);
    has_line(
        &en,
        "城镇登记失业率 (就业和创业): base 3, not a bonus indicator (不加分指标), a ceiling (the lower the better)",
    );
    has_line(
        &en,
        "ceiling 4.6%, actual 3.9%: 0.7 percentage points below the ceiling, (4.6 − 3.9) / 4.6 = 15.21…%",
    );
    has_line(&en, "earned = base 3 = 3.00");
    assert_eq!(
        item_short(&text, "jia", "jobless", Lang::En),
        "actual 3.9%, ceiling 4.6%, not a bonus indicator: base 3"
    );
    // 丙县: (4.8 − 4.6) / 4.6 = 0.2/4.6 = 4.3478…% above; steps = 2.1739…;
    // deduction = 0.2 × 5% × 3 / (4.6 × 2%) = 0.03 / 0.092 = 0.32608…;
    // 3 − 0.32608… = 2.67391… → 2.67.
    let en = item(&text, "bing", "jobless", Lang::En);
    has_line(
        &en,
        "ceiling 4.6%, actual 4.8%: 0.2 percentage points above the ceiling, (4.8 − 4.6) / 4.6 = 4.34…%",
    );
    has_line(
        &en,
        "4.34…% short (unrounded: 4.3478…%); 5% of the base per 2% short: 4.3478…% / 2% × 5% × 3 = 0.3260… deducted (cap 60% × 3 = 1.80)",
    );
    has_line(
        &en,
        "earned 3 − 0.3260… = 2.6739… → 2.67 (rounded half-up to 2 places)",
    );
    let zh = item(&text, "bing", "jobless", Lang::Zh);
    has_line(
        &zh,
        "上限 4.6%，实际 4.8%：超出上限 0.2 个百分点，(4.8 − 4.6) ÷ 4.6 = 4.34…%",
    );
    // In 丙县's veto: both failures.
    has_line(
        &unit(&text, "bing", Lang::En),
        "vetoed (一票否决): 城镇新增就业 95.0% of target (shortfall 5.0% → −0.50); 城镇登记失业率 0.2 percentage points above the ceiling (→ −0.3260…)",
    );
}

/// The worked example with a pilot indicator (新农保, base 3, pilots 甲县 and the zone)
/// and some parts not entered yet.
fn with_pending() -> String {
    edit(
        WORKED,
        &[
            (
                "[[awards]]\nid = \"employment\"",
                "[[indicators]]\nid = \"rural-pension\"\narea = \"assistance\"\nname = \"新农保\"\nbase = 3\nlead = \"hrss\"\nresponsible = [\"hrss\"]\npilot = [\"jia\", \"zone\"]\n\n[[awards]]\nid = \"employment\"",
            ),
            (
                "training = { target = 200, actual = 230 }\n",
                "training = { target = 200, actual = 230 }\nrural-pension = { target = 100, actual = 100 }\n",
            ),
            (
                "training = { target = 150, actual = 150 }\n",
                "training = { target = 150, actual = 150 }\nrural-pension = { prep = 2.555 }\n",
            ),
            (
                "training = { target = 50, actual = 50 }\n",
                "training = { target = 50, actual = 50 }\nrural-pension = { target = 100 }\n",
            ),
            ("survey = 5.2\n", ""),
            (
                "organization = { leadership = 2, funding = 3.5 }",
                "organization = { leadership = 1.555, funding = 3.5 }",
            ),
        ],
    )
}

#[test]
fn preparation_and_pending_rows() {
    let text = with_pending();
    // 乙县 is not a pilot: preparation 2.555 → 2.56.
    let en = item(&text, "yi", "rural-pension", Lang::En);
    has_line(
        &en,
        "not a pilot unit (非试点): scored on its preparation work, 2.555 of base 3 as entered; never vetoes, no bonus",
    );
    has_line(
        &en,
        "earned = the preparation score, 2.555 → 2.56 (rounded half-up to 2 places)",
    );
    assert_eq!(
        item_short(&text, "yi", "rural-pension", Lang::Zh),
        "非试点，按准备工作得 2.555 分（基本分值 3）"
    );
    // 丙县 has no row: pending, 0.
    has_line(
        &item(&text, "bing", "rural-pension", Lang::En),
        "nothing entered yet (待录入): counts 0.00 for now; the total is provisional",
    );
    // The zone has a target but no actual yet.
    assert_eq!(
        item_short(&text, "zone", "rural-pension", Lang::En),
        "pending (target 100): counts 0.00 for now"
    );
    has_line(
        &item(&text, "zone", "rural-pension", Lang::Zh),
        "已录入目标 100，实际值未录入（待录入）：暂计 0.00 分，总分为暂定",
    );
}

#[test]
fn pending_parts_of_a_unit_are_listed() {
    let text = with_pending();
    let en = unit(&text, "bing", Lang::En);
    has_line(&en, "Survey (群众测评): not entered, counts 0 (of 6)");
    has_line(
        &en,
        "pending (待录入): the survey; rows 新农保; they count 0 for now, so the total and rank may change",
    );
    // 丙县 without its survey: 5.00 + 0.00 + 9.50 − 0.00 = 14.50.
    has_line(
        &en,
        "total = organisation + survey + task − penalty = 5.00 + 0.00 + 9.50 − 0.00 = 14.50",
    );
    let zh = unit(&text, "bing", Lang::Zh);
    has_line(
        &zh,
        "待录入：群众测评；指标 新农保；暂计 0 分，总分和名次可能变化",
    );
    assert!(unit_short(&text, "bing", Lang::En).ends_with("; pending"));
    // 甲县's leadership 1.555 → 1.56: 1.56 + 3.50 = 5.06.
    let jia = unit(&text, "jia", Lang::En);
    has_line(&jia, "组织领导 1.555 → 1.56 (rounded half-up) of 2");
    has_line(&jia, "organisation = 1.56 + 3.50 = 5.06 (max 5.5)");
    has_line(
        &unit(&text, "jia", Lang::Zh),
        "组织领导 1.555 四舍五入 → 1.56/2",
    );
}

// ---- a unit -------------------------------------------------------------------------

#[test]
fn bing_total_every_part() {
    let en = unit(WORKED, "bing", Lang::En);
    has_line(&en, "丙县 (county): total 19.70, rank 3 of 4");
    has_line(&en, "组织领导 1.50 of 2");
    has_line(&en, "organisation = 1.50 + 3.50 = 5.00 (max 5.5)");
    has_line(&en, "Survey (群众测评): 5.20 of 6");
    has_line(
        &en,
        "城镇新增就业 3.50: actual 950, 5.0% short, 5% of the base per 2%: 5.0% ÷ 2% × 5% × 4 = −0.50",
    );
    has_line(&en, "subtotal 就业和创业 = 3.50 + 2.00 = 5.50");
    has_line(&en, "subtotal 社会救助 = 4.00");
    has_line(&en, "task = 5.50 + 4.00 = 9.50 (section 88)");
    has_line(&en, "Penalties (处分扣分): none, 0.00");
    has_line(
        &en,
        "total = organisation + survey + task − penalty = 5.00 + 5.20 + 9.50 − 0.00 = 19.70",
    );
    has_line(&en, "rank 3 of 4");
    has_line(
        &en,
        "vetoed (一票否决): 城镇新增就业 95.0% of target (shortfall 5.0% → −0.50)",
    );
    has_line(
        &en,
        "not comprehensive advanced: vetoed (一票否决), so not eligible",
    );
    // Both 丙县 and the zone are not up to standard; the zone's 18.80 is the lower.
    has_line(
        &en,
        "not last place: the lowest total among the units not up to standard is 18.80 (经济开发区)",
    );
    // Awards: employment counts new-jobs, which 丙县 failed: left out (its 3.50 + 2.00 =
    // 5.50 would have lost to the zone's 6.20 anyway); funding counts no indicator, so its
    // 3.50 wins, with a note for the leading group.
    has_line(
        &en,
        "就业和创业工作先进县: left out for failing this award's own work (城镇新增就业; policy.single_item_veto = \"failed_area\"; its award score would be 3.50 + 2.00 = 5.50; 名次顺移), won by 经济开发区 6.20",
    );
    has_line(
        &en,
        "资金安排和落实工作先进县: won, award score 3.50; next: 经济开发区 2.50; the indicators it failed are not this award's work, so it may still win (policy.single_item_veto = \"failed_area\"): for the leading group to confirm",
    );

    let zh = unit(WORKED, "bing", Lang::Zh);
    has_line(&zh, "丙县：总分 19.70，第 3 名（共 4 个）");
    has_line(&zh, "组织实施 = 1.50 + 3.50 = 5.00（满分 5.5）");
    has_line(&zh, "群众测评：5.20/6");
    has_line(&zh, "就业和创业小计 = 3.50 + 2.00 = 5.50");
    has_line(&zh, "任务完成 = 5.50 + 4.00 = 9.50（满分 88）");
    has_line(
        &zh,
        "总分 = 组织实施 + 群众测评 + 任务完成 − 处分扣分 = 5.00 + 5.20 + 9.50 − 0.00 = 19.70",
    );
    has_line(&zh, "名次：第 3 名（共 4 个）");
    has_line(
        &zh,
        "一票否决：城镇新增就业完成率 95.0%（差 5.0%，扣 0.50 分）",
    );
    has_line(&zh, "未评为综合先进：已被一票否决，不能评为综合先进");
    has_line(
        &zh,
        "不是末位：不达标的单位中总分最低的是经济开发区（18.80）",
    );
    has_line(
        &zh,
        "就业和创业工作先进县：本项工作的指标未完成（城镇新增就业），不评本项先进（单项得分本为 3.50 + 2.00 = 5.50），名次顺移，由经济开发区（6.20）获评",
    );
    has_line(
        &zh,
        "资金安排和落实工作先进县：获评，单项得分 3.50；其次为经济开发区（2.50）；被一票否决的指标不属本项工作，按规定仍可获评，请领导小组审定",
    );
}

#[test]
fn penalties_are_itemised() {
    // 乙县: one municipal circular, 1 point: 5.00 + 5.80 + 10.40 − 1.00 = 20.20.
    let en = unit(WORKED, "yi", Lang::En);
    has_line(
        &en,
        "criticised in a circular of the city Party committee, the city government or a provincial department (市委市政府或省直部门通报) −1.00: 市政府通报：培训台账不全",
    );
    has_line(&en, "penalty = 1.00");
    has_line(
        &en,
        "total = organisation + survey + task − penalty = 5.00 + 5.80 + 10.40 − 1.00 = 20.20",
    );
    has_line(
        &unit(WORKED, "yi", Lang::Zh),
        "被市委、市政府或省直部门通报批评 −1.00：市政府通报：培训台账不全",
    );
    // Explicit points next to a provincial circular: 2.00 + 0.50 = 2.50.
    let text = edit(
        WORKED,
        &[(
            "survey = 4.9\n",
            "survey = 4.9\npenalties = [ { level = \"provincial\", note = \"省政府通报\" }, { points = 0.5, note = \"约谈\" } ]\n",
        )],
    );
    let zone = unit(&text, "zone", Lang::En);
    has_line(
        &zone,
        "criticised in a circular of the provincial Party committee, the provincial government or a national ministry (省委省政府或国家部委通报) −2.00: 省政府通报",
    );
    has_line(&zone, "points as entered −0.50: 约谈");
    has_line(&zone, "penalty = 2.00 + 0.50 = 2.50");
    // 4.50 + 4.90 + 9.40 − 2.50 = 16.30.
    has_line(
        &zone,
        "total = organisation + survey + task − penalty = 4.50 + 4.90 + 9.40 − 2.50 = 16.30",
    );
}

#[test]
fn comprehensive_advanced_or_why_not() {
    // Only 甲县 and 乙县 were not vetoed: 1st and 2nd of 2, within 3 places.
    has_line(
        &unit(WORKED, "yi", Lang::En),
        "comprehensive advanced (综合先进): 2nd among the 2 units not vetoed, within 3 places",
    );
    has_line(
        &unit(WORKED, "jia", Lang::Zh),
        "综合先进：在未被否决的 2 个单位中排第 1，在 3 个名额之内",
    );
    // Nobody vetoed (丙县 at 1000 of 1000, the zone's dibao complete): 甲 21.80, 乙 and
    // 丙 20.20 (tied 2nd), zone 4.50 + 4.90 + 10.20 = 19.60, 4th of 4: out.
    let text = edit(
        WORKED,
        &[
            (
                "new-jobs = { target = 1000, actual = 950 }",
                "new-jobs = { target = 1000, actual = 1000 }",
            ),
            (
                "dibao = { status = \"incomplete\", deduction = 0.8 }",
                "dibao = { status = \"complete\" }",
            ),
        ],
    );
    let zone = unit(&text, "zone", Lang::En);
    has_line(
        &zone,
        "not comprehensive advanced: 4th among the 4 units not vetoed; 3 places, the last going to 丙县, 乙县 with 20.20",
    );
    has_line(
        &unit(&text, "zone", Lang::Zh),
        "未评为综合先进：在未被否决的 4 个单位中排第 4，名额 3 个，最后一个获评的是丙县、乙县（20.20）",
    );
    let bing = unit(&text, "bing", Lang::En);
    has_line(
        &bing,
        "rank 2 of 4, tied with 乙县 at 20.20 (equal totals share a rank)",
    );
    has_line(
        &unit(&text, "bing", Lang::Zh),
        "名次：与乙县并列第 2 名（共 4 个），总分同为 20.20",
    );
    assert_eq!(
        unit_short(&text, "bing", Lang::En),
        "丙县: comprehensive advanced, rank 2 of 4, tied (2nd among 4 not vetoed)"
    );
    // Two places: the tie at the cut gives it to both.
    let two = edit(
        &text,
        &[(
            "title = \"示例：三县一区\"\n",
            "title = \"示例：三县一区\"\n[policy]\ncomprehensive_awards = 2\n",
        )],
    );
    has_line(
        &unit(&two, "yi", Lang::En),
        "comprehensive advanced (综合先进): 2nd among the 4 units not vetoed, within 2 places; a tie across the cut gives it to every tied unit",
    );
}

#[test]
fn last_place_or_why_not() {
    // Someone is vetoed (丙县, the zone), so there is a last place: the lowest total among
    // the units not up to standard, the zone's 18.80.
    has_line(
        &unit(WORKED, "zone", Lang::En),
        "last place (末位): the lowest total among the units not up to standard (不达标), 18.80 (丙县, 经济开发区)",
    );
    has_line(
        &unit(WORKED, "zone", Lang::Zh),
        "末位：不达标的单位（丙县、经济开发区）中总分最低，为 18.80",
    );
    // 甲县 completed every target: never last.
    has_line(
        &unit(WORKED, "jia", Lang::En),
        "not last place: it completed every target, and the last place is named among the units not up to standard only (policy.last_place_among = \"not_up_to_standard\"; the lowest of them: 经济开发区, 18.80)",
    );
    has_line(
        &unit(WORKED, "jia", Lang::Zh),
        "不是末位：已完成全部指标；按规定末位只在不达标的单位中产生，其中总分最低的是经济开发区（18.80）",
    );
    // Among all units (the lowest total overall is the zone's too).
    let all = worked_with_policy("last_place_among = \"all\"");
    has_line(
        &unit(&all, "zone", Lang::En),
        "last place (末位): named among all units (policy.last_place_among = \"all\"), the lowest total, 18.80, and someone is vetoed (丙县, 经济开发区)",
    );
    has_line(
        &unit(&all, "zone", Lang::Zh),
        "末位：按设置在全部单位中评定，总分 18.80 最低，且有单位被一票否决（丙县、经济开发区）",
    );
    has_line(
        &unit(&all, "jia", Lang::En),
        "not last place: the lowest total is 18.80 (经济开发区)",
    );
    // Nobody vetoed: no last place.
    let text = edit(
        WORKED,
        &[
            (
                "new-jobs = { target = 1000, actual = 950 }",
                "new-jobs = { target = 1000, actual = 1000 }",
            ),
            (
                "dibao = { status = \"incomplete\", deduction = 0.8 }",
                "dibao = { status = \"complete\" }",
            ),
        ],
    );
    has_line(
        &unit(&text, "zone", Lang::En),
        "no last place: nobody is vetoed, and the last place is only given when someone is",
    );
    has_line(
        &unit(&text, "zone", Lang::Zh),
        "不设末位：各单位均完成全部指标，没有单位被一票否决",
    );
    // Switched off.
    has_line(
        &unit(&worked_with_policy("last_place = false"), "zone", Lang::En),
        "no last place: switched off (policy.last_place = false)",
    );
}

#[test]
fn single_item_awards_roll_down_past_comprehensive_winners() {
    // 甲县 is comprehensive advanced: left out (名次顺移) though its 6.80 is the best.
    let en = unit(WORKED, "jia", Lang::En);
    has_line(
        &en,
        "就业和创业工作先进县: left out as comprehensive advanced (名次顺移; its award score would be 4.80 + 2.00 = 6.80), won by 经济开发区 6.20",
    );
    has_line(
        &en,
        "资金安排和落实工作先进县: left out as comprehensive advanced (名次顺移; its award score would be 3.50), won by 丙县 3.50",
    );
    has_line(
        &unit(WORKED, "jia", Lang::Zh),
        "就业和创业工作先进县：已评为综合先进，不再评单项工作先进（单项得分本为 4.80 + 2.00 = 6.80），名次顺移，由经济开发区（6.20）获评",
    );
    // The zone wins employment: 4.20 + 2.00 = 6.20; 丙县 (5.50) is left out for failing
    // new-jobs, so nobody is next. The zone failed 低保, which employment does not count.
    has_line(
        &unit(WORKED, "zone", Lang::En),
        "就业和创业工作先进县: won, award score 4.20 + 2.00 = 6.20; the indicators it failed are not this award's work, so it may still win (policy.single_item_veto = \"failed_area\"): for the leading group to confirm",
    );
    // Under "none" 丙县 stands for it, and is next.
    has_line(
        &unit(
            &worked_with_policy("single_item_veto = \"none\""),
            "zone",
            Lang::En,
        ),
        "就业和创业工作先进县: won, award score 4.20 + 2.00 = 6.20; next: 丙县 5.50; a veto only bars comprehensive advanced, not single-item awards (policy.single_item_veto = \"none\"): for the leading group to confirm",
    );
    has_line(
        &unit(WORKED, "zone", Lang::En),
        "资金安排和落实工作先进县: not won, award score 2.50; 1 place, won by 丙县 3.50",
    );
}

#[test]
fn vetoed_units_are_left_out_when_the_policy_says_so() {
    // single_item_veto = "all": 丙县 and the zone are out, 甲县 and 乙县 are
    // comprehensive: nobody is left to win. (The older veto_blocks_single_item = true
    // reads the same.)
    for text in [
        worked_with_policy("single_item_veto = \"all\""),
        worked_with_policy("veto_blocks_single_item = true"),
    ] {
        let en = unit(&text, "bing", Lang::En);
        has_line(
            &en,
            "资金安排和落实工作先进县: left out because vetoed (policy.single_item_veto = \"all\"; its award score would be 3.50; 名次顺移), nobody won",
        );
        has_line(
            &unit(&text, "bing", Lang::Zh),
            "资金安排和落实工作先进县：已被一票否决，按设置不评单项工作先进（单项得分本为 3.50），名次顺移，无人获评",
        );
    }
}

#[test]
fn unit_in_one_line() {
    assert_eq!(
        unit_short(WORKED, "jia", Lang::En),
        "甲县: comprehensive advanced, rank 1 of 4 (1st among 2 not vetoed)"
    );
    assert_eq!(
        unit_short(WORKED, "jia", Lang::Zh),
        "甲县：综合先进，第 1 名（共 4 个），未被否决的 2 个中第 1"
    );
    assert_eq!(
        unit_short(WORKED, "bing", Lang::En),
        "丙县 vetoed: 城镇新增就业 95.0% of target (shortfall 5.0% → −0.50); 1 single-item award"
    );
    assert_eq!(
        unit_short(WORKED, "zone", Lang::Zh),
        "经济开发区一票否决：城乡低保应保尽保未完成（扣 0.80 分）；末位；单项工作先进 1 项"
    );
    // The mockup's line for the demo's 北岭县 (its awards counted).
    assert_eq!(
        unit_short(DEMO, "yi", Lang::En),
        "北岭县 vetoed: 城镇新增就业人数 95.0% of target (shortfall 5.0% → −0.50); 6 single-item awards"
    );
    assert_eq!(
        unit_short(DEMO, "bing", Lang::En),
        "南湖县: rank 5 of 6, 4th among 4 not vetoed (3 places); 5 single-item awards"
    );
}

#[test]
fn one_line_forms_fit_a_status_line() {
    // Every row of the worked example and of the demo's counties, in both languages.
    let mut too_long = Vec::new();
    for text in [WORKED, DEMO] {
        let (p, b) = scored(text);
        for lang in [Lang::En, Lang::Zh] {
            for u in &b.units {
                for i in &u.items {
                    let line = explain_item_short(&p, &b, &u.id, &i.indicator, lang).unwrap();
                    if width(&line) > 78 {
                        too_long.push(format!("{} columns: {line}", width(&line)));
                    }
                }
            }
        }
    }
    assert!(too_long.is_empty(), "{}", too_long.join("\n"));
}

#[test]
fn unknown_units_and_rows_are_none() {
    let (p, b) = scored(WORKED);
    assert!(explain_unit(&p, &b, "nowhere", Lang::En).is_none());
    assert!(explain_unit_short(&p, &b, "nowhere", Lang::En).is_none());
    assert!(explain_item(&p, &b, "jia", "nothing", Lang::En).is_none());
    assert!(explain_item_short(&p, &b, "nowhere", "dibao", Lang::Zh).is_none());
    // A department without a score sheet is not on the board.
    assert!(explain_unit(&p, &b, "hrss", Lang::En).is_none());
}

#[test]
fn names_are_sanitised() {
    let text = edit(
        WORKED,
        &[("name = \"丙县\"", "name = \"丙县\\u001b]52;c;x\\u0007\"")],
    );
    let (p, b) = scored(&text);
    for lang in [Lang::En, Lang::Zh] {
        let lines = explain_unit(&p, &b, "bing", lang).unwrap();
        let short = explain_unit_short(&p, &b, "bing", lang).unwrap();
        let row = explain_item(&p, &b, "bing", "new-jobs", lang).unwrap();
        for line in lines.iter().chain(row.iter()).chain([&short]) {
            assert!(!line.chars().any(char::is_control), "{line:?}");
        }
    }
}

// ---- departments (the demo) -----------------------------------------------------------

#[test]
fn a_departments_task_is_scaled_to_the_section() {
    // 市人社局: its 8 rows earn their bases, 12.00 + 8.00 + 5.00 = 25.00 of 25 — no bonus
    // for a department (department_bonus = false) — so 88 × 25.00 / 25 = 88.00;
    // organisation 2 + 1 + 0.5 = 3.50 (资金安排 does not apply to departments);
    // 3.50 + 5.60 + 88.00 − 0 = 97.10, behind 市财政局's 97.20.
    let en = unit(DEMO, "hrss", Lang::En);
    has_line(&en, "市人社局 (city department): total 97.10, rank 2 of 12");
    has_line(
        &en,
        "资金安排: does not apply to this unit (applies_to), not scored (of 3.5)",
    );
    has_line(&en, "organisation = 2.00 + 1.00 + 0.50 = 3.50 (max 3.5)");
    has_line(&en, "Σ earned = 12.00 + 8.00 + 5.00 = 25.00");
    has_line(&en, "Σ base = 25 (the bases of its 8 rows)");
    has_line(
        &en,
        "task = 88 × Σ earned / Σ base = 88 × 25.00 / 25 = 88.00",
    );
    has_line(
        &en,
        "total = organisation + survey + task − penalty = 3.50 + 5.60 + 88.00 − 0.00 = 97.10",
    );
    has_line(
        &en,
        "comprehensive advanced (综合先进): 2nd among the 11 units not vetoed, within 8 places",
    );
    has_line(&en, "last place: city departments have none");
    assert!(!en.iter().any(|l| l.contains("单项先进")));
    // Its new-jobs 28329 of 26700 is over-completed, a bonus indicator: the base only.
    let jobs = item(DEMO, "hrss", "new-jobs", Lang::En);
    has_line(
        &jobs,
        "over-completion 6.10…%; a city department earns no bonus for it, only the base (policy.department_bonus = false: a department alone on an indicator would always be its own best)",
    );
    has_line(&jobs, "earned = base 4 = 4.00");
    let zh = unit(DEMO, "hrss", Lang::Zh);
    has_line(&zh, "Σ得分 = 12.00 + 8.00 + 5.00 = 25.00");
    has_line(
        &zh,
        "任务完成 = 88 × Σ得分 ÷ Σ基本分值 = 88 × 25.00 ÷ 25 = 88.00",
    );
    has_line(&zh, "资金安排：按规定不适用于本单位，不计分（满分 3.5）");
    // 市民政局: 19.40 + 7.50 + 4.00 = 30.90 over 31.5: 88 × 30.90 / 31.5 = 86.3238… →
    // 86.32; vetoed by its rural dibao (6 − 0.6 = 5.40).
    let civil = unit(DEMO, "civil", Lang::En);
    has_line(
        &civil,
        "task = 88 × Σ earned / Σ base = 88 × 30.90 / 31.5 = 86.3238… → 86.32 (rounded half-up to 2 places)",
    );
    has_line(
        &civil,
        "vetoed (一票否决): 农村居民最低生活保障应保尽保 not complete (−0.60)",
    );
    has_line(
        &civil,
        "not comprehensive advanced: vetoed (一票否决), so not eligible",
    );
    // A department's row says that it is scaled.
    has_line(
        &item(DEMO, "civil", "rural-dibao", Lang::En),
        "a department's task score is scaled: 88 × Σ earned / Σ base",
    );
    // One row: 市水务局, 4.00 of base 4: 88 × 4.00 / 4 = 88.00, tied with 市交通运输局.
    let water = unit(DEMO, "water", Lang::En);
    has_line(&water, "Σ base = 4 (the base of its 1 row)");
    has_line(
        &water,
        "task = 88 × Σ earned / Σ base = 88 × 4.00 / 4 = 88.00",
    );
    has_line(
        &water,
        "rank 6 of 12, tied with 市交通运输局 at 96.70 (equal totals share a rank)",
    );
    // 市财政局 enters no rows: its three are derived, the counties' and the zone's summed
    // (student-aid: 17600 + 15300 + 13500 + 16000 + 12500 + 5000 = 79900 of target,
    // 17952 + 15759 + 13635 + 16320 + 13000 + 5000 = 81666 actual).
    let aid = item(DEMO, "finance", "student-aid", Lang::En);
    has_line(
        &aid,
        "not entered by the department: the sum of 6 units' rows (aggregate = \"sum\"): 东城县, 北岭县, 南湖县, 西山县, 青阳县, 经济开发区",
    );
    has_line(
        &aid,
        "target 79900 人, actual 81666 人: 81666 / 79900 = 102.21…% of target",
    );
    has_line(
        &item(DEMO, "finance", "student-aid", Lang::Zh),
        "部门未单独填报，按设置由 6 个县区的数据相加得出：东城县、北岭县、南湖县、西山县、青阳县、经济开发区",
    );
}

#[test]
fn demo_rows_of_every_kind() {
    // A ceiling: 东城县 3.9% against 4.6%.
    has_line(
        &item(DEMO, "jia", "unemployment-rate", Lang::En),
        "ceiling 4.6%, actual 3.9%: 0.7 percentage points below the ceiling, (4.6 − 3.9) / 4.6 = 15.21…%",
    );
    // Preparation: 南湖县 is not a pilot of 新农保.
    let prep = item(DEMO, "bing", "rural-pension", Lang::En);
    has_line(
        &prep,
        "not a pilot unit (非试点): scored on its preparation work, 2.5 of base 3 as entered; never vetoes, no bonus",
    );
    has_line(&prep, "earned = the preparation score, 2.50");
    // A bonus that rounds: 东城县 reemployment 2310 / 2100 (o = 10%) against 青阳县's
    // 1621 / 1410 (o = 211/1410): 0.10 × 1410 / 211 × 20% × 3 = 0.40094… → 3.40.
    let re = item(DEMO, "jia", "reemployment", Lang::En);
    has_line(
        &re,
        "over-completion 10.0%; the group's best is 14.96…% (青阳县)",
    );
    has_line(
        &re,
        "bonus = 3 × 20% × 10.0% / 14.96…% = 0.4009… (unrounded: 10.0% / 14.9645…%)",
    );
    has_line(
        &re,
        "earned 3 + 0.4009… = 3.4009… → 3.40 (rounded half-up to 2 places)",
    );
}

#[test]
fn extreme_numbers_do_not_panic() {
    // A tiny target and a huge actual: shares beyond what a decimal holds in percent.
    let text = edit(
        WORKED,
        &[
            (
                "new-jobs = { target = 1000, actual = 1200 }",
                "new-jobs = { target = \"0.000000000000000001\", actual = 1000000000 }",
            ),
            (
                "new-jobs = { target = 1000, actual = 950 }",
                "new-jobs = { target = 1000, actual = 0 }",
            ),
        ],
    );
    let (p, b) = scored(&text);
    for lang in [Lang::En, Lang::Zh] {
        for u in &b.units {
            assert!(!explain_unit(&p, &b, &u.id, lang).unwrap().is_empty());
            assert!(!explain_unit_short(&p, &b, &u.id, lang).unwrap().is_empty());
            for i in &u.items {
                explain_item(&p, &b, &u.id, &i.indicator, lang).unwrap();
                explain_item_short(&p, &b, &u.id, &i.indicator, lang).unwrap();
            }
        }
    }
    // 丙县 at 0 of its target: 100% short = 50 steps, capped at 2.40.
    has_line(
        &explain_item(&p, &b, "bing", "new-jobs", Lang::En).unwrap(),
        "100.0% short; 5% of the base per 2% short: 100.0% / 2% × 5% × 4 = 10.00, more than the cap 60% × 4 = 2.40: 2.40 deducted",
    );
}

// ---- the data behind the sentences -------------------------------------------------

fn d(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap()
}

#[test]
fn a_shortfall_explained_carries_the_scoreboards_numbers() {
    // 丙县 new-jobs: 950 / 1000, 5% short = 2.5 steps exactly; 2.5 × 5% × 4 = 0.50 before
    // the cap 60% × 4 = 2.40; earned 4 − 0.50 = 3.50.
    let (p, b) = scored(WORKED);
    let e = explain::item(&p, &b, "bing", "new-jobs").unwrap();
    assert_eq!(
        e.earned,
        Rounded {
            exact: d("3.5"),
            score: d("3.50")
        }
    );
    let ItemSteps::Short {
        measured,
        shortfall,
        exact_steps,
        steps,
        uncapped,
        cap,
        deduction,
        capped,
        ..
    } = e.steps
    else {
        panic!("{:?}", e.steps)
    };
    assert_eq!(measured.completion, Some(d("0.95")));
    assert_eq!(
        (shortfall, exact_steps, steps),
        (d("0.05"), Some(d("2.5")), d("2.5"))
    );
    assert_eq!(
        (uncapped, cap.value, deduction, capped),
        (Some(d("0.5")), Some(d("2.4")), d("0.5"), false)
    );
    // 500 of 1000: 50% short = 25 steps; 25 × 5% × 4 = 5.00 before the cap; 2.40 taken.
    let text = edit(
        WORKED,
        &[(
            "new-jobs = { target = 1000, actual = 950 }",
            "new-jobs = { target = 1000, actual = 500 }",
        )],
    );
    let (p, b) = scored(&text);
    let e = explain::item(&p, &b, "bing", "new-jobs").unwrap();
    assert!(matches!(
        e.steps,
        ItemSteps::Short { uncapped: Some(u), deduction, capped: true, .. }
            if u == d("5") && deduction == d("2.4")
    ));
}

#[test]
fn a_bonus_explained_names_the_groups_best() {
    // 乙县 new-jobs: 880 / 800 = 10% over; 甲县 has the best, 20%; 0.1 / 0.2 × 20% × 4 =
    // 0.40 → 4.40.
    let (p, b) = scored(WORKED);
    let e = explain::item(&p, &b, "yi", "new-jobs").unwrap();
    let ItemSteps::Completed {
        extra: Over::Bonus(bonus),
        ..
    } = &e.steps
    else {
        panic!("{:?}", e.steps)
    };
    assert!(!bonus.best);
    assert_eq!(bonus.best_units, [("jia".to_string(), "甲县".to_string())]);
    assert_eq!((bonus.share, bonus.bonus), (d("0.2"), d("0.4")));
    assert_eq!(e.earned.score, d("4.40"));
    // 甲县 is the best itself.
    let e = explain::item(&p, &b, "jia", "new-jobs").unwrap();
    assert!(matches!(&e.steps, ItemSteps::Completed { extra: Over::Bonus(b), .. } if b.best));
}

#[test]
fn a_units_standing_explained_is_the_boards_record() {
    // Totals: 甲 21.80, 乙 20.20, 丙 19.70 (vetoed), zone 18.80 (vetoed): 乙县 is 2nd of
    // the 2 not vetoed, within 3 places; the zone is last place with 18.80.
    let (p, b) = scored(WORKED);
    let yi = explain::unit(&p, &b, "yi").unwrap();
    assert_eq!(
        (
            yi.summary.rank,
            yi.summary.rank_eligible,
            yi.summary.eligible
        ),
        (2, Some(2), 2)
    );
    assert_eq!(
        yi.comprehensive,
        ComprehensiveSteps::Yes {
            among: 2,
            eligible: 2,
            places: 3,
            widened: false
        }
    );
    // 乙县 completed every target: last place is named among the units not up to
    // standard only (丙县 19.70, the zone 18.80), so it is never last.
    assert_eq!(
        yi.last_place,
        LastPlaceSteps::UpToStandard {
            lowest: d("18.80"),
            holders: vec!["经济开发区".to_string()]
        }
    );
    // Its task: new-jobs 4.40 + training 2.00 + dibao 4.00 = 10.40, of the section's 88.
    assert_eq!(
        yi.task,
        TaskSteps::Sum {
            task: d("10.40"),
            section: d("88")
        }
    );
    let bing = explain::summary(&p, &b, "bing").unwrap();
    assert_eq!(bing.rank_eligible, None);
    assert_eq!(bing.failures.len(), 1);
    let zone = explain::unit(&p, &b, "zone").unwrap();
    assert_eq!(zone.comprehensive, ComprehensiveSteps::Vetoed);
    assert_eq!(
        zone.last_place,
        LastPlaceSteps::Yes {
            total: d("18.80"),
            vetoed: vec!["丙县".to_string(), "经济开发区".to_string()],
            tied_with: vec![],
            among: LastPlaceAmong::NotUpToStandard,
        }
    );
    // 丙县 is not up to standard either, with a higher total.
    let bing = explain::unit(&p, &b, "bing").unwrap();
    assert_eq!(
        bing.last_place,
        LastPlaceSteps::No {
            lowest: d("18.80"),
            holders: vec!["经济开发区".to_string()],
            among: LastPlaceAmong::NotUpToStandard,
        }
    );
}

#[test]
fn an_award_explained_keeps_its_terms_and_why_a_unit_was_left_out() {
    // Employment = new-jobs + training. 甲县 4.80 + 2.00 = 6.80, left out as comprehensive
    // advanced (名次顺移); the zone 4.20 + 2.00 = 6.20 wins it.
    let (p, b) = scored(WORKED);
    let jia = explain::unit(&p, &b, "jia").unwrap();
    let employment = &jia.awards.as_ref().unwrap()[0];
    assert_eq!(employment.terms, [d("4.80"), d("2.00")]);
    assert_eq!(employment.score, d("6.80"));
    assert_eq!(employment.outcome, AwardOutcome::LeftComprehensive);
    assert_eq!(employment.winners, [("经济开发区".to_string(), d("6.20"))]);
    let zone = explain::unit(&p, &b, "zone").unwrap();
    let employment = &zone.awards.as_ref().unwrap()[0];
    assert!(matches!(
        employment.outcome,
        AwardOutcome::Won {
            widened: false,
            vetoed: Some(SingleItemVeto::FailedArea),
            ..
        }
    ));
    // 丙县 failed new-jobs, which the employment award counts: left out (failed_area).
    let bing = explain::unit(&p, &b, "bing").unwrap();
    assert_eq!(
        bing.awards.as_ref().unwrap()[0].outcome,
        AwardOutcome::LeftFailedArea {
            failed: vec!["城镇新增就业".to_string()]
        }
    );
}

/// A one-line bonus whose two-decimal shares would give another bonus on a calculator
/// (1.2 × 3.96 ÷ 12.04 = 0.3947 → 0.39) shows four decimals (1.2 × 3.9682 ÷ 12.0408 =
/// 0.3955 → 0.40, the rule's).
#[test]
fn a_one_line_bonus_shows_the_places_a_calculator_needs() {
    let (p, b) = scored(DEMO);
    let line = explain_item_short(&p, &b, "wu", "low-rent", Lang::Zh).unwrap();
    assert!(
        line.ends_with(
            "超额 3.9682…%，本组最高 12.0408…%：6 × 20% × 3.9682…% ÷ 12.0408…% = 加 0.40 分"
        ),
        "{line}"
    );
}

//! The what-if (`kaoping::whatif`) on the worked example of `shared/examples/worked.md`
//! and variants of it, every number computed by hand in the comment beside it.
//!
//! The worked example: totals 甲县 21.80, 乙县 20.20, 丙县 19.70 (vetoed by new-jobs, 950
//! of 1000), 经济开发区 18.80 (vetoed by dibao, incomplete with a deduction of 0.8);
//! comprehensive advanced 甲县 and 乙县 (3 places, only 2 not vetoed); last place the
//! zone; award employment → zone (6.20), funding → 丙县 (3.5).

mod common;

use common::{WORKED, edit, scored, worked_with_policy};
use kaoping::i18n::Lang;
use kaoping::project::Project;
use kaoping::scoring::Scoreboard;
use kaoping::whatif::{OtherChange, bonus_moves, standing, whatif};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn text(source: &str, unit: &str, lang: Lang) -> Vec<String> {
    let (p, b) = scored(source);
    whatif_text(&p, &b, unit, lang).expect("unit on the board")
}

/// The what-if of a unit in words: its data ([`whatif`]) written out in `lang`.
fn whatif_text(p: &Project, b: &Scoreboard, unit: &str, lang: Lang) -> Option<Vec<String>> {
    whatif(p, b, unit).map(|w| kaoping::i18n::whatif::lines(&w, lang))
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

// ---- a vetoed unit --------------------------------------------------------------------

#[test]
fn bing_needs_its_target_and_would_then_tie_yi_inside_the_cut() {
    let (p, b) = scored(WORKED);
    let s = standing(&p, &b, "bing").unwrap();
    assert_eq!(s.total, d("19.70"));
    // Vetoed: no total is enough; no cut (only 甲县 and 乙县 are not vetoed, 2 < 3 places).
    assert_eq!(s.comprehensive, None);
    assert_eq!(s.cut, None);
    assert_eq!(s.places, 3);
    assert_eq!(s.margin, None);
    // Not last place (the zone is, with 18.80).
    assert_eq!(s.leave_last, None);
    assert_eq!(s.all_met, None);
    assert_eq!(s.veto.len(), 1);
    let fix = &s.veto[0];
    assert_eq!(fix.indicator, "new-jobs");
    // Needed: the target, 1000; gap 1000 − 950 = 50 = 5% of the target.
    assert_eq!(fix.target, Some(d("1000")));
    assert_eq!(fix.actual, Some(d("950")));
    assert_eq!(fix.needed, Some(d("1000")));
    assert_eq!(fix.gap, Some(d("50")));
    assert_eq!(fix.shortfall, Some(d("0.05")));
    assert!(!fix.at_most);
    // At exactly the target: o = 0, so 4 + 0 bonus = 4.00 (was 4 − 0.50 = 3.50); the
    // group's best over-completion is still 甲县's 0.20, so nobody else's bonus moves.
    assert_eq!(fix.earned, d("3.50"));
    assert_eq!(fix.earned_if_met, d("4.00"));
    // 19.70 − 3.50 + 4.00 = 20.20.
    assert_eq!(fix.total_if_met, d("20.20"));
    let then = &fix.if_met;
    assert_eq!(then.total, d("20.20"));
    // 甲 21.80, 乙 20.20, 丙 20.20, zone 18.80: 丙县 shares rank 2 with 乙县.
    assert_eq!((then.rank, then.tied), (2, true));
    assert!(then.failed.is_empty());
    // Not vetoed then: 甲, 乙, 丙 → 2nd among 3 (equal totals share a rank), within 3.
    assert!(then.comprehensive);
    assert_eq!((then.among, then.eligible), (2, 3));
    // The zone is still vetoed and lowest: still last place.
    assert!(!then.last_place);
    assert_eq!(then.last, ids(&["zone"]));
    assert_eq!(then.vetoed, ids(&["zone"]));
    // Comprehensive advanced units are left out of single-item awards (名次顺移):
    // funding goes from 丙县 (3.5) to the zone (2.5), the only one left.
    assert!(then.awards.is_empty());
    assert_eq!(
        then.others,
        vec![OtherChange {
            id: "zone".into(),
            won: ids(&["funding"]),
            ..OtherChange::default()
        }]
    );
}

#[test]
fn zone_must_mark_dibao_complete_and_would_be_advanced_and_no_longer_last() {
    let (p, b) = scored(WORKED);
    let s = standing(&p, &b, "zone").unwrap();
    assert_eq!(s.total, d("18.80"));
    assert_eq!(s.comprehensive, None);
    // Last place: it must exceed 丙县's 19.70, the next-lowest of the units not up to
    // standard: 19.71, 0.91 more.
    assert_eq!(s.leave_last, Some((d("19.71"), d("0.91"))));
    assert_eq!(s.next_up, Some((d("19.70"), ids(&["bing"]))));
    let fix = &s.veto[0];
    assert_eq!(fix.indicator, "dibao");
    // Qualitative: nothing to measure; it must be marked complete.
    assert_eq!(
        (fix.target, fix.actual, fix.needed, fix.gap),
        (None, None, None, None)
    );
    // 4 − 0.8 = 3.20 → 4.00; 18.80 + 0.80 = 19.60.
    assert_eq!((fix.earned, fix.earned_if_met), (d("3.20"), d("4.00")));
    assert_eq!(fix.total_if_met, d("19.60"));
    let then = &fix.if_met;
    // 甲 21.80, 乙 20.20, 丙 19.70, zone 19.60: rank 4; not vetoed: 甲, 乙, zone → 3rd of
    // 3, within 3 places.
    assert_eq!((then.rank, then.tied), (4, false));
    assert!(then.comprehensive);
    assert_eq!((then.among, then.eligible), (3, 3));
    // 丙县 is the only unit still not up to standard: it becomes last place, though the
    // zone's 19.60 is lower (last_place_among = "not_up_to_standard").
    assert!(!then.last_place);
    assert_eq!(then.last, ids(&["bing"]));
    assert_eq!(then.vetoed, ids(&["bing"]));
    // Employment: the zone (6.20) is left out as comprehensive; 丙县 (3.50 + 2 = 5.50)
    // failed new-jobs, which it counts: nobody wins it.
    assert!(then.awards.is_empty());
    assert_eq!(
        then.others,
        vec![OtherChange {
            id: "bing".into(),
            last_place: Some(true),
            ..OtherChange::default()
        }]
    );
}

#[test]
fn under_last_place_among_all_the_zone_would_be_advanced_and_last_at_once() {
    let source = edit(
        WORKED,
        &[(
            "title = \"示例：三县一区\"\n",
            "title = \"示例：三县一区\"\n\n[policy]\nlast_place_among = \"all\"\nsingle_item_veto = \"none\"\n",
        )],
    );
    let (p, b) = scored(&source);
    let then = &standing(&p, &b, "zone").unwrap().veto[0].if_met;
    // 丙县 is still vetoed, and 19.60 < 19.70: the zone is still the lowest of all, so
    // still last place while comprehensive advanced.
    assert!(then.comprehensive && then.last_place);
    assert_eq!(then.last, ids(&["zone"]));
    // Under "none" 丙县 stands for employment, vetoed or not: 5.50, and wins it.
    assert_eq!(
        then.others,
        vec![OtherChange {
            id: "bing".into(),
            won: ids(&["employment"]),
            ..OtherChange::default()
        }]
    );
    assert_eq!(
        text(&source, "zone", Lang::En)[5],
        "    it would still be last place: the lowest total, and someone is vetoed (丙县) (last place does not exclude comprehensive advanced)"
    );
}

#[test]
fn whatif_text_of_bing() {
    assert_eq!(
        text(WORKED, "bing", Lang::En),
        [
            "丙县 (county): total 19.70, rank 3 of 4",
            "丙县 is vetoed (一票否决) by 1 indicator; completing it lifts the veto",
            "  城镇新增就业: actual 950 人, target 1000 人 — it needed 50 人 more (5.0% short)",
            "    completed (actual 1000 人), it would earn 4.00 instead of 3.50, and its total would be 20.20 (+0.50), rank 2 of 4, tied",
            "    no indicator would fail: eligible, and comprehensive advanced (2nd among the 3 units not vetoed, 3 places)",
            "    it would no longer win 资金安排和落实工作先进县 (comprehensive advanced units are left out of single-item awards, 名次顺移)",
            "    others:",
            "      经济开发区: would win 资金安排和落实工作先进县",
            "comprehensive advanced (3 places): no total is enough while it is vetoed; once the veto is lifted any total above 0 would do (only 2 other units are not vetoed, fewer than the places)",
        ]
    );
    assert_eq!(
        text(WORKED, "bing", Lang::Zh),
        [
            "丙县：总分 19.70，第 3 名（共 4 个）",
            "丙县一票否决：1 项指标未完成，须全部完成才能解除否决",
            "  城镇新增就业：实际 950人，目标 1000人，还差 50人（5.0%）才能完成",
            "    若完成（实际 1000人）：该项得分 3.50 → 4.00，总分 20.20（+0.50），并列第 2 名（共 4 个）",
            "    不再有未完成的指标：可参评，并获评综合先进（在 3 个未被否决的单位中排第 2，名额 3 个）",
            "    将不再获评资金安排和落实工作先进县（已评综合先进的单位不再参评单项工作先进，名次顺移）",
            "    其他单位：",
            "      经济开发区：将获评资金安排和落实工作先进县",
            "综合先进（名额 3 个）：一票否决期间，总分再高也不能获评；解除否决后，总分大于 0 即可（未被否决的其他单位只有 2 个，少于名额）",
        ]
    );
}

#[test]
fn whatif_text_of_the_zone() {
    assert_eq!(
        text(WORKED, "zone", Lang::En),
        [
            "经济开发区 (zone): total 18.80, rank 4 of 4",
            "经济开发区 is vetoed (一票否决) by 1 indicator; completing it lifts the veto",
            "  城乡低保应保尽保: qualitative, not complete — it must be marked complete (it lost 0.80)",
            "    marked complete, it would earn 4.00 instead of 3.20, and its total would be 19.60 (+0.80), rank 4 of 4",
            "    no indicator would fail: eligible, and comprehensive advanced (3rd among the 3 units not vetoed, 3 places)",
            "    it would no longer be last place (丙县 would be)",
            "    it would no longer win 就业和创业工作先进县 (comprehensive advanced units are left out of single-item awards, 名次顺移)",
            "    others:",
            "      丙县: would become last place",
            "comprehensive advanced (3 places): no total is enough while it is vetoed; once the veto is lifted any total above 0 would do (only 2 other units are not vetoed, fewer than the places)",
            "last place (末位) with 18.80: to leave it, it needs more than 19.70 (丙县), at least 19.71, 0.91 more",
        ]
    );
    assert_eq!(
        text(WORKED, "zone", Lang::Zh),
        [
            "经济开发区：总分 18.80，第 4 名（共 4 个）",
            "经济开发区一票否决：1 项指标未完成，须全部完成才能解除否决",
            "  城乡低保应保尽保：定性指标未完成，须评定为已完成（现扣 0.80 分）",
            "    若评定为已完成：该项得分 3.20 → 4.00，总分 19.60（+0.80），第 4 名（共 4 个）",
            "    不再有未完成的指标：可参评，并获评综合先进（在 3 个未被否决的单位中排第 3，名额 3 个）",
            "    将不再是末位（末位将是丙县）",
            "    将不再获评就业和创业工作先进县（已评综合先进的单位不再参评单项工作先进，名次顺移）",
            "    其他单位：",
            "      丙县：将成为末位",
            "综合先进（名额 3 个）：一票否决期间，总分再高也不能获评；解除否决后，总分大于 0 即可（未被否决的其他单位只有 2 个，少于名额）",
            "末位：总分 18.80 最低；要离开末位，总分需超过丙县的 19.70，即至少 19.71，还差 0.91",
        ]
    );
}

#[test]
fn two_failures_a_ceiling_and_all_of_them_completed() {
    // training as a ceiling; 甲县 190 of at most 200 completes it, 丙县 104 of at most 100
    // does not: (104 − 100) / 100 = 4% above = 2 steps of 2% × 5% × 2 = 0.20 deducted,
    // earned 1.80. 丙县: 5.00 + 5.20 + (3.50 + 1.80 + 4) − 0 = 19.50.
    let source = edit(
        WORKED,
        &[
            (
                "base = 2\nmeasure = \"人次\"\n",
                "base = 2\nmeasure = \"人次\"\ndirection = \"at_most\"\n",
            ),
            (
                "training = { target = 200, actual = 230 }",
                "training = { target = 200, actual = 190 }",
            ),
        ],
    );
    let (p, b) = scored(&source);
    let s = standing(&p, &b, "bing").unwrap();
    assert_eq!(s.total, d("19.50"));
    assert_eq!(s.veto.len(), 2);
    let (jobs, training) = (&s.veto[0], &s.veto[1]);
    // new-jobs alone: 19.50 + 0.50 = 20.00, still vetoed by training.
    assert_eq!(jobs.total_if_met, d("20.00"));
    assert_eq!(jobs.if_met.failed, ids(&["training"]));
    assert!(!jobs.if_met.comprehensive);
    // training alone: at most 100, 4 lower (4% of 100); 1.80 → 2.00, 19.50 + 0.20 = 19.70.
    assert_eq!(training.indicator, "training");
    assert!(training.at_most);
    assert_eq!(training.needed, Some(d("100")));
    assert_eq!(training.gap, Some(d("4")));
    assert_eq!(training.shortfall, Some(d("0.04")));
    assert_eq!(
        (training.earned, training.earned_if_met),
        (d("1.80"), d("2.00"))
    );
    assert_eq!(training.total_if_met, d("19.70"));
    assert_eq!(training.if_met.failed, ids(&["new-jobs"]));
    // Both: 19.50 + 0.50 + 0.20 = 20.20, tied with 乙县 at rank 2, comprehensive.
    let all = s.all_met.as_ref().unwrap();
    assert_eq!(all.total, d("20.20"));
    assert_eq!((all.rank, all.tied), (2, true));
    assert!(all.failed.is_empty() && all.comprehensive);

    let en = text(&source, "bing", Lang::En);
    assert_eq!(
        en[1],
        "丙县 is vetoed (一票否决) by 2 indicators; the veto is lifted only when every one is completed"
    );
    assert_eq!(
        en[5],
        "  创业培训: actual 104 人次, ceiling 100 人次 — it needed to be at most 100 人次, 4 人次 lower (4.0% above the ceiling)"
    );
    assert_eq!(
        en[6],
        "    completed (actual 100 人次), it would earn 2.00 instead of 1.80, and its total would be 19.70 (+0.20), rank 3 of 4"
    );
    assert_eq!(
        en[7],
        "    it would still be vetoed by 城镇新增就业: not eligible for comprehensive advanced"
    );
    assert_eq!(en[8], "  all 2 completed together:");
    assert_eq!(
        en[9],
        "    its total would be 20.20 (+0.70), rank 2 of 4, tied"
    );
    let zh = text(&source, "bing", Lang::Zh);
    assert_eq!(
        zh[5],
        "  创业培训：实际 104人次，上限 100人次，需降到 100人次 以内，即降低 4人次（超出上限 4.0%）"
    );
    assert_eq!(
        zh[7],
        "    仍因城镇新增就业未完成被一票否决，不能参评综合先进"
    );
    assert_eq!(zh[8], "  2 项全部完成时：");
}

// ---- the comprehensive cut -------------------------------------------------------------

#[test]
fn fewer_units_than_places_need_only_a_total_above_zero() {
    let (p, b) = scored(WORKED);
    // 甲县 is inside; only 乙县 else is not vetoed (1 < 3 places): no cut, any total
    // above 0 keeps it — it may fall by 21.80 − 0.01 = 21.79.
    let s = standing(&p, &b, "jia").unwrap();
    assert_eq!(s.comprehensive, None);
    assert_eq!(s.cut, None);
    assert_eq!(s.margin, Some(d("21.79")));
    assert_eq!(s.outside, None);
    assert!(s.veto.is_empty());
    assert_eq!(s.step, d("0.01"));
    assert_eq!(
        text(WORKED, "jia", Lang::En)[2],
        "comprehensive advanced (综合先进): 1st among the 2 units not vetoed, within 3 places; fewer other units than places are not vetoed, so any total above 0 keeps it; no unit that is not vetoed is outside the cut"
    );
}

#[test]
fn one_place_the_runner_up_needs_the_leaders_total() {
    let source = worked_with_policy("comprehensive_awards = 1");
    let (p, b) = scored(&source);
    // 乙县 needs 甲县's 21.80 (equal is enough): 1.60 more.
    let yi = standing(&p, &b, "yi").unwrap();
    assert_eq!(yi.comprehensive, Some((d("21.80"), d("1.60"))));
    assert_eq!(yi.cut, Some((d("21.80"), ids(&["jia"]))));
    assert_eq!(yi.margin, None);
    // 甲县 keeps it down to 乙县's 20.20: a margin of 1.60 over the first unit outside.
    let jia = standing(&p, &b, "jia").unwrap();
    assert_eq!(jia.comprehensive, None);
    assert_eq!(jia.cut, Some((d("20.20"), ids(&["yi"]))));
    assert_eq!(jia.margin, Some(d("1.60")));
    assert_eq!(jia.outside, Some((d("20.20"), ids(&["yi"]))));

    assert_eq!(
        text(&source, "yi", Lang::En)[2],
        "not comprehensive advanced: 2nd among the 2 units not vetoed, 1 place; to enter it needs a total of 21.80, that of 甲县 at place 1 (equal is enough: a tie across the cut gives the award to all), 1.60 more"
    );
    assert_eq!(
        text(&source, "yi", Lang::Zh)[2],
        "未评综合先进：在 2 个未被否决的单位中排第 2，名额 1 个；需总分达到 21.80（第 1 名甲县的总分；持平即可，名额线上并列者均获评），还差 1.60"
    );
    assert_eq!(
        text(&source, "jia", Lang::En)[2],
        "comprehensive advanced (综合先进): 1st among the 2 units not vetoed, within 1 place; a margin of 1.60 over 乙县 (20.20), the first unit outside; falling to a tie with it would still be enough (a tie across the cut gives the award to all)"
    );
    assert_eq!(
        text(&source, "jia", Lang::Zh)[2],
        "已评为综合先进：在 2 个未被否决的单位中排第 1，名额 1 个；领先名额线外的第一个单位乙县（20.20）1.60 分；总分降到与其持平仍可获评（名额线上并列者均获评）"
    );
    // 丙县, vetoed: once lifted it would need 甲县's 21.80.
    assert_eq!(
        text(&source, "bing", Lang::En).last().unwrap(),
        "comprehensive advanced (1 place): no total is enough while it is vetoed; once the veto is lifted it would need 21.80, the total of 甲县 at place 1 among the other units not vetoed (equal is enough)"
    );
}

#[test]
fn a_tie_at_the_cut_keeps_both_and_the_cut_is_not_the_first_outside() {
    // Nobody vetoed: 丙县 at its target (4.00, total 20.20), the zone's dibao complete
    // (4.00, total 19.60). 2 places: 甲 21.80 (1), 乙 20.20 (2), 丙 20.20 (2), zone 19.60
    // (4): 甲, 乙 and 丙 are comprehensive (the tie at the cut widens it).
    let source = edit(
        &worked_with_policy("comprehensive_awards = 2"),
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
    let (p, b) = scored(&source);
    // 甲县: the 2nd highest of the others is 20.20 (丙县 and 乙县, by rank order); the first
    // outside is the zone with 19.60.
    let jia = standing(&p, &b, "jia").unwrap();
    assert_eq!(jia.cut, Some((d("20.20"), ids(&["bing", "yi"]))));
    assert_eq!(jia.margin, Some(d("1.60")));
    assert_eq!(jia.outside, Some((d("19.60"), ids(&["zone"]))));
    // 乙县 sits on the cut: no margin left.
    let yi = standing(&p, &b, "yi").unwrap();
    assert_eq!(yi.margin, Some(d("0.00")));
    // The zone needs 20.20: 0.60 more. Nobody is vetoed, so there is no last place.
    let zone = standing(&p, &b, "zone").unwrap();
    assert_eq!(zone.comprehensive, Some((d("20.20"), d("0.60"))));
    assert_eq!(zone.leave_last, None);
    assert_eq!(
        text(&source, "jia", Lang::En)[2],
        "comprehensive advanced (综合先进): 1st among the 4 units not vetoed, within 2 places; it keeps it down to a total of 20.20 (that of 丙县, 乙县; equal is enough), a margin of 1.60; the first unit outside is 经济开发区 with 19.60"
    );
    assert_eq!(
        text(&source, "jia", Lang::Zh)[2],
        "已评为综合先进：在 4 个未被否决的单位中排第 1，名额 2 个；总分不低于 20.20（丙县、乙县的总分，持平即可）即可保住，余量 1.60；名额线外的第一个单位是经济开发区（19.60）"
    );
    assert_eq!(
        text(&source, "zone", Lang::En),
        [
            "经济开发区 (zone): total 19.60, rank 4 of 4",
            "not vetoed: no indicator failed",
            "not comprehensive advanced: 4th among the 4 units not vetoed, 2 places; to enter it needs a total of 20.20, that of 丙县, 乙县 at place 2 (equal is enough: a tie across the cut gives the award to all), 0.60 more",
        ]
    );
}

#[test]
fn tied_for_last_needs_one_step_more() {
    // 乙县 with a provincial circular instead (−2): 5.00 + 5.80 + 10.40 − 2 = 19.20; the
    // zone with survey 5.3: 4.50 + 5.30 + 9.40 = 19.20. Under the default only the zone
    // is last (乙县 completed everything) and needs more than 丙县's 19.70.
    let changes = [
        ("level = \"municipal\"", "level = \"provincial\""),
        ("survey = 4.9", "survey = 5.3"),
    ];
    let (p, b) = scored(&edit(WORKED, &changes));
    let zone = standing(&p, &b, "zone").unwrap();
    assert_eq!(zone.leave_last, Some((d("19.71"), d("0.51"))));
    assert_eq!(zone.next_up, Some((d("19.70"), ids(&["bing"]))));
    // Among all units both are last (丙县 and the zone are vetoed); each needs 19.21.
    let source = edit(
        WORKED,
        &[
            changes[0],
            changes[1],
            (
                "title = \"示例：三县一区\"\n",
                "title = \"示例：三县一区\"\n\n[policy]\nlast_place_among = \"all\"\n",
            ),
        ],
    );
    let (p, b) = scored(&source);
    let zone = standing(&p, &b, "zone").unwrap();
    assert_eq!(zone.total, d("19.20"));
    assert_eq!(zone.leave_last, Some((d("19.21"), d("0.01"))));
    assert_eq!(zone.next_up, Some((d("19.20"), ids(&["yi"]))));
    assert_eq!(
        text(&source, "zone", Lang::En).last().unwrap(),
        "last place (末位), tied with 乙县 at 19.20: to leave it, it needs more than 19.20, at least 19.21, 0.01 more"
    );
    assert_eq!(
        text(&source, "zone", Lang::Zh).last().unwrap(),
        "末位：与乙县并列最低（19.20）；要离开末位，总分需超过 19.20，即至少 19.21，还差 0.01"
    );
}

#[test]
fn departments_have_their_own_places_and_no_last_place() {
    // 市人社局 is responsible for new-jobs and training: new-jobs 90 of 100 = 10% short =
    // 5 steps × 5% × 4 = 1.00 → 3.00, training met → 2.00; task 88 × 5 / 6 = 73.333… →
    // 73.33. 市民政局: dibao complete → 88.00. Nothing else entered.
    let source = format!(
        "{WORKED}\n[scores.hrss.indicators]\nnew-jobs = {{ target = 100, actual = 90 }}\ntraining = {{ target = 10, actual = 10 }}\n\n[scores.civil.indicators]\ndibao = {{ status = \"complete\" }}\n"
    );
    let (p, b) = scored(&source);
    let s = standing(&p, &b, "hrss").unwrap();
    assert_eq!(s.total, d("73.33"));
    assert_eq!(s.places, 8);
    let fix = &s.veto[0];
    // At 100: 4.00, task 88 × 6 / 6 = 88.00; tied with 市民政局; 8 places: comprehensive.
    assert_eq!(fix.total_if_met, d("88.00"));
    assert_eq!((fix.if_met.rank, fix.if_met.tied), (1, true));
    assert!(fix.if_met.comprehensive);
    assert_eq!(s.leave_last, None);
    let en = text(&source, "hrss", Lang::En);
    assert_eq!(
        en[0],
        "市人社局 (city department): total 73.33, rank 2 of 2"
    );
    assert_eq!(
        en[1],
        "pending (待录入): what is missing counts 0, so every total below is provisional"
    );
}

// ---- bonus moves ------------------------------------------------------------------------

#[test]
fn bonus_moves_when_the_best_falls_to_a_tie() {
    let (p, _) = scored(WORKED);
    // 甲县 1100 of 1000: o = 0.10, the best now shared with 乙县 (880/800 − 1 = 0.10).
    // 甲县: 4 + 20% × 4 × 0.10/0.10 = 4.80 (unchanged); 乙县: 4 + 0.80 = 4.80 (was 4.40);
    // zone: 4 + 0.80 × 0.05/0.10 = 4.40 (was 4.20); 丙县 short: 3.50 (unchanged).
    assert_eq!(
        bonus_moves(&p, "jia", "new-jobs", d("1100")).unwrap(),
        vec![
            ("yi".to_string(), d("4.40"), d("4.80")),
            ("zone".to_string(), d("4.20"), d("4.40")),
        ]
    );
}

#[test]
fn bonus_moves_when_a_new_best_appears() {
    let (p, _) = scored(WORKED);
    // 丙县 1300 of 1000: o = 0.30, the new best: 4 + 0.80 = 4.80. The others share
    // 0.80 × o / 0.30: 甲县 0.20 → 4.5333… → 4.53; 乙县 0.10 → 4.2666… → 4.27;
    // zone 0.05 → 4.1333… → 4.13.
    assert_eq!(
        bonus_moves(&p, "bing", "new-jobs", d("1300")).unwrap(),
        vec![
            ("jia".to_string(), d("4.80"), d("4.53")),
            ("yi".to_string(), d("4.40"), d("4.27")),
            ("bing".to_string(), d("3.50"), d("4.80")),
            ("zone".to_string(), d("4.20"), d("4.13")),
        ]
    );
}

#[test]
fn bonus_moves_at_the_target_move_only_the_unit() {
    let (p, _) = scored(WORKED);
    // At 1000: o = 0, 4.00; the best is still 甲县's 0.20.
    assert_eq!(
        bonus_moves(&p, "bing", "new-jobs", d("1000")).unwrap(),
        vec![("bing".to_string(), d("3.50"), d("4.00"))]
    );
    // Unchanged: nothing moves.
    assert_eq!(
        bonus_moves(&p, "jia", "new-jobs", d("1200")).unwrap(),
        vec![]
    );
    // A non-bonus indicator: 甲县 100 of 200 = 50% short = 25 steps × 5% × 2 = 2.50,
    // capped at 60% × 2 = 1.20: 0.80.
    assert_eq!(
        bonus_moves(&p, "jia", "training", d("100")).unwrap(),
        vec![("jia".to_string(), d("2.00"), d("0.80"))]
    );
}

#[test]
fn bonus_moves_refuses_what_it_cannot_change() {
    let (p, _) = scored(WORKED);
    assert_eq!(bonus_moves(&p, "nobody", "new-jobs", d("1")), None);
    assert_eq!(bonus_moves(&p, "jia", "nothing", d("1")), None);
    // dibao is qualitative: there is no actual to change.
    assert_eq!(bonus_moves(&p, "jia", "dibao", d("1")), None);
    assert_eq!(bonus_moves(&p, "jia", "new-jobs", d("-1")), None);
    // A department without a row for it is not scored on it.
    assert_eq!(bonus_moves(&p, "hrss", "new-jobs", d("1")), None);
}

#[test]
fn unknown_units_have_no_whatif() {
    let (p, b) = scored(WORKED);
    assert_eq!(standing(&p, &b, "nobody"), None);
    assert_eq!(whatif_text(&p, &b, "nobody", Lang::En), None);
}

#[test]
fn the_command_line_prints_the_same_lines() {
    // `kaoping whatif FILE UNIT` finds the unit by id or by name.
    let file = common::WORKED_FILE;
    let out = common::kaoping()
        .args(["whatif", file, "丙县", "--lang", "zh"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(lines, text(WORKED, "bing", Lang::Zh));
}

#[test]
fn still_last_among_the_units_not_up_to_standard() {
    // The zone fails training too (40 of 50: 20% short = 10 steps × 5% × 2 = 1.00 → 1.00):
    // completing 低保 alone leaves it vetoed, and its 18.80 − 1.00 + 0.80 = 18.60 is still
    // the lowest of the units not up to standard (丙县 19.70, the zone).
    let source = edit(
        WORKED,
        &[(
            "training = { target = 50, actual = 50 }",
            "training = { target = 50, actual = 40 }",
        )],
    );
    let (p, b) = scored(&source);
    let s = standing(&p, &b, "zone").unwrap();
    let dibao = s.veto.iter().find(|f| f.indicator == "dibao").unwrap();
    assert!(dibao.if_met.last_place && !dibao.if_met.comprehensive);
    assert_eq!(dibao.total_if_met, d("18.60"));
    let en = text(&source, "zone", Lang::En);
    assert!(
        en.iter().any(|l| l.trim()
            == "it would still be last place: the lowest total among the units not up to standard (丙县, 经济开发区)"),
        "{en:#?}"
    );
    let zh = text(&source, "zone", Lang::Zh);
    assert!(
        zh.iter()
            .any(|l| l.trim() == "仍为末位：在不达标的单位（丙县、经济开发区）中总分最低"),
        "{zh:#?}"
    );
}

//! `kaoping::diff` on the worked example of `shared/examples/worked.md` beside copies of
//! it with a few known changes, every expected change computed by hand beside it.
//!
//! The worked example: 甲县 21.80 (1), 乙县 20.20 (2), 丙县 19.70 (3, vetoed by new-jobs),
//! 经济开发区 18.80 (4, vetoed by dibao, last place); comprehensive 甲县 and 乙县; award
//! employment → zone (6.20), funding → 丙县 (3.5).

mod common;

use common::{WORKED, edit, scored};
use kaoping::diff::{Diff, UnitDiff, diff};
use kaoping::i18n::Lang;
use kaoping::i18n::diff::lines as diff_text;

fn compare(old: &str, new: &str) -> Diff {
    let (p0, b0) = scored(old);
    let (p1, b1) = scored(new);
    diff(&p0, &b0, &p1, &b1)
}

fn triples(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

fn unit(
    id: &str,
    name: &str,
    results: &[(&str, &str, &str)],
    inputs: &[(&str, &str, &str)],
) -> UnitDiff {
    UnitDiff {
        id: id.into(),
        name: name.into(),
        department: false,
        results: triples(results),
        inputs: triples(inputs),
    }
}

/// 乙县's new-jobs 880 → 760 (vetoed now) and the zone's dibao marked complete.
fn yi_fails_zone_completes() -> String {
    edit(
        WORKED,
        &[
            (
                "new-jobs = { target = 800, actual = 880 }",
                "new-jobs = { target = 800, actual = 760 }",
            ),
            (
                "dibao = { status = \"incomplete\", deduction = 0.8 }",
                "dibao = { status = \"complete\" }",
            ),
        ],
    )
}

#[test]
fn a_new_veto_and_a_lifted_one_swap_the_awards() {
    let d = compare(WORKED, &yi_fails_zone_completes());
    // New scores:
    // 乙县: 760 / 800 = 95%, 5% short = 2.5 steps × 5% × 4 = 0.50 → 3.50; employment
    //   3.50 + 2 = 5.50, task 5.50 + 4 = 9.50, total 5.00 + 5.80 + 9.50 − 1 = 19.30; vetoed.
    // zone: dibao 4.00; assistance 4.00, task 4.20 + 2 + 4 = 10.20, total 4.50 + 4.90 +
    //   10.20 = 19.60; no longer vetoed. (The best over-completion is still 甲县's 0.20.)
    // Ranking: 甲 21.80 (1), 丙 19.70 (2), zone 19.60 (3), 乙 19.30 (4).
    // Not vetoed: 甲, zone → both comprehensive. Last: 乙县 (the lowest of the units not
    // up to standard, 乙 and 丙).
    // employment: 甲 and the zone are comprehensive (名次顺移), 乙 and 丙 failed new-jobs,
    // which it counts (single_item_veto = "failed_area"): nobody wins it.
    // funding: 乙 3, 丙 3.5 → 丙县. 甲县 changes in nothing.
    assert_eq!(
        d.units,
        vec![
            unit("bing", "丙县", &[("rank", "3", "2")], &[],),
            unit(
                "zone",
                "经济开发区",
                &[
                    ("areas.assistance", "3.20", "4.00"),
                    ("task", "9.40", "10.20"),
                    ("total", "18.80", "19.60"),
                    ("rank", "4", "3"),
                    ("failed", "dibao", ""),
                    ("comprehensive", "false", "true"),
                    ("last_place", "true", "false"),
                    ("awards", "employment", ""),
                ],
                &[
                    (
                        "scores.zone.indicators.dibao.status",
                        "incomplete",
                        "complete",
                    ),
                    ("scores.zone.indicators.dibao.deduction", "0.8", "—"),
                ],
            ),
            unit(
                "yi",
                "乙县",
                &[
                    ("areas.employment", "6.40", "5.50"),
                    ("task", "10.40", "9.50"),
                    ("total", "20.20", "19.30"),
                    ("rank", "2", "4"),
                    ("failed", "", "new-jobs"),
                    ("comprehensive", "true", "false"),
                    ("last_place", "false", "true"),
                ],
                &[("scores.yi.indicators.new-jobs.actual", "880", "760")],
            ),
        ]
    );
    assert!(d.only_old.is_empty() && d.only_new.is_empty() && d.scheme.is_empty());
}

#[test]
fn diff_text_in_both_languages() {
    let d = compare(WORKED, &yi_fails_zone_completes());
    assert_eq!(
        diff_text(&d, Lang::En),
        [
            "3 units changed; ranks moved: 丙县 3 → 2, 经济开发区 4 → 3, 乙县 2 → 4",
            "丙县 (bing)",
            "  rank: 3 → 2",
            "经济开发区 (zone)",
            "  社会救助: 3.20 → 4.00",
            "  task: 9.40 → 10.20",
            "  total: 18.80 → 19.60",
            "  rank: 4 → 3",
            "  veto (一票否决): yes (城乡低保应保尽保) → no",
            "  comprehensive advanced: no → yes",
            "  last place: yes → no",
            "  single-item awards: 就业和创业工作先进县 → none",
            "  entered values that changed:",
            "    scores.zone.indicators.dibao.status: incomplete → complete",
            "    scores.zone.indicators.dibao.deduction: 0.8 → —",
            "乙县 (yi)",
            "  就业和创业: 6.40 → 5.50",
            "  task: 10.40 → 9.50",
            "  total: 20.20 → 19.30",
            "  rank: 2 → 4",
            "  veto (一票否决): no → yes (城镇新增就业)",
            "  comprehensive advanced: yes → no",
            "  last place: no → yes",
            "  entered values that changed:",
            "    scores.yi.indicators.new-jobs.actual: 880 → 760",
        ]
    );
    assert_eq!(
        diff_text(&d, Lang::Zh),
        [
            "3 个单位有变化；名次变动：丙县 3 → 2，经济开发区 4 → 3，乙县 2 → 4",
            "丙县",
            "  名次：3 → 2",
            "经济开发区",
            "  社会救助：3.20 → 4.00",
            "  任务完成：9.40 → 10.20",
            "  总分：18.80 → 19.60",
            "  名次：4 → 3",
            "  一票否决：是（城乡低保应保尽保） → 否",
            "  综合先进：否 → 是",
            "  末位：是 → 否",
            "  单项工作先进：就业和创业工作先进县 → 无",
            "  录入值的改动：",
            "    城乡低保应保尽保 完成情况：未完成 → 已完成",
            "    城乡低保应保尽保 扣分：0.8 → —",
            "乙县",
            "  就业和创业：6.40 → 5.50",
            "  任务完成：10.40 → 9.50",
            "  总分：20.20 → 19.30",
            "  名次：2 → 4",
            "  一票否决：否 → 是（城镇新增就业）",
            "  综合先进：是 → 否",
            "  末位：否 → 是",
            "  录入值的改动：",
            "    城镇新增就业 实际值：880 → 760",
        ]
    );
}

#[test]
fn the_reverse_diff_swaps_old_and_new() {
    let d = compare(&yi_fails_zone_completes(), WORKED);
    let yi = d.units.iter().find(|u| u.id == "yi").unwrap();
    assert_eq!(yi.result("total"), Some(("19.30", "20.20")));
    assert_eq!(yi.result("failed"), Some(("new-jobs", "")));
    assert_eq!(
        yi.inputs,
        triples(&[("scores.yi.indicators.new-jobs.actual", "760", "880")])
    );
    let zone = d.units.iter().find(|u| u.id == "zone").unwrap();
    assert_eq!(
        zone.inputs,
        triples(&[
            (
                "scores.zone.indicators.dibao.status",
                "complete",
                "incomplete"
            ),
            ("scores.zone.indicators.dibao.deduction", "—", "0.8"),
        ])
    );
}

#[test]
fn a_policy_change_moves_awards_not_ranks() {
    // One comprehensive place: 乙县 (20.20) drops out and enters the single-item awards:
    // employment 乙 6.40, 丙 5.50, zone 6.20 → 乙县; funding 乙 3, 丙 3.5, zone 2.5 → 丙县.
    let new = edit(
        WORKED,
        &[(
            "title = \"示例：三县一区\"\n",
            "title = \"示例：三县一区\"\n\n[policy]\ncomprehensive_awards = 1\n",
        )],
    );
    let d = compare(WORKED, &new);
    assert_eq!(
        d.scheme,
        triples(&[("policy.comprehensive_awards", "3", "1")])
    );
    assert_eq!(
        d.units,
        vec![
            unit(
                "yi",
                "乙县",
                &[
                    ("comprehensive", "true", "false"),
                    ("awards", "", "employment")
                ],
                &[],
            ),
            unit("zone", "经济开发区", &[("awards", "employment", "")], &[]),
        ]
    );
    assert_eq!(
        diff_text(&d, Lang::En)[..3],
        [
            "2 units changed; no rank moved; 1 scheme value changed",
            "Scheme (scores, rules, awards):",
            "  policy.comprehensive_awards: 3 → 1",
        ]
    );
    assert_eq!(
        diff_text(&d, Lang::Zh)[..3],
        [
            "2 个单位有变化；名次未变；方案改动 1 处",
            "方案（分值、规则、奖项）的改动：",
            "  综合先进名额（县区）：3 → 1",
        ]
    );
}

#[test]
fn scheme_changes_by_id_and_an_award_only_in_the_new_file() {
    // The zone's co-organiser dropped, the assistance area's maximum raised (no score
    // moves), and a new award for assistance: comprehensive 甲, 乙 left out; 丙县 4.00,
    // zone 3.20 → 丙县 wins it.
    let new = edit(
        WORKED,
        &[
            ("co = [\"hrss\"]\n", ""),
            (
                "id = \"assistance\"\nname = \"社会救助\"\nmax = 4\n",
                "id = \"assistance\"\nname = \"社会救助\"\nmax = 5\n",
            ),
            (
                "[[awards]]\nid = \"funding\"",
                "[[awards]]\nid = \"assist\"\nname = \"社会救助工作先进县\"\ncount = 1\nareas = [\"assistance\"]\n\n[[awards]]\nid = \"funding\"",
            ),
        ],
    );
    let d = compare(WORKED, &new);
    assert_eq!(
        d.scheme,
        triples(&[
            ("areas.assistance.max", "4", "5"),
            ("indicators.dibao.co", "[hrss]", "[]"),
            ("awards.assist", "—", "社会救助工作先进县"),
        ])
    );
    // Awards are listed in the project's order: employment, assist, funding.
    assert_eq!(
        d.units,
        vec![unit(
            "bing",
            "丙县",
            &[("awards", "funding", "assist, funding")],
            &[]
        )]
    );
    assert_eq!(
        diff_text(&d, Lang::En)[0],
        "1 unit changed; no rank moved; 3 scheme values changed"
    );
}

#[test]
fn entered_values_compare_as_numbers_and_penalties_by_position() {
    // 乙县: survey 5.8 written 5.80 (the same number: no change); its circular now
    // provincial: −2 instead of −1, total 19.20, below 丙县's 19.70: rank 2 → 3. Still
    // not vetoed and inside (only 甲, 乙 are eligible). 丙县 moves up to 2.
    let new = edit(
        WORKED,
        &[
            ("survey = 5.8", "survey = \"5.80\""),
            ("level = \"municipal\"", "level = \"provincial\""),
        ],
    );
    let d = compare(WORKED, &new);
    assert_eq!(
        d.units,
        vec![
            unit("bing", "丙县", &[("rank", "3", "2")], &[]),
            unit(
                "yi",
                "乙县",
                &[
                    ("penalty", "1.00", "2.00"),
                    ("total", "20.20", "19.20"),
                    ("rank", "2", "3"),
                ],
                &[("scores.yi.penalties[0].level", "municipal", "provincial")],
            ),
        ]
    );
    // A change of score_decimals alone changes no score (compared as numbers).
    let d = compare(
        WORKED,
        &edit(
            WORKED,
            &[(
                "title = \"示例：三县一区\"\n",
                "title = \"示例：三县一区\"\n\n[policy]\nscore_decimals = 1\n",
            )],
        ),
    );
    assert!(d.units.is_empty());
    assert_eq!(d.scheme, triples(&[("policy.score_decimals", "2", "1")]));
}

#[test]
fn units_only_in_one_file() {
    // 丁县 added with nothing entered: total 0.00, the lowest of all. Under
    // last_place_among = "all" it takes last place from the zone; under the default it
    // completed nothing wrong (pending is no veto), so the zone stays last and no unit
    // changes.
    let add_ding = |text: &str| {
        edit(
            text,
            &[(
                "[[units]]\nid = \"zone\"",
                "[[units]]\nid = \"ding\"\nname = \"丁县\"\nkind = \"county\"\n\n[[units]]\nid = \"zone\"",
            )],
        )
    };
    let default = compare(WORKED, &add_ding(WORKED));
    assert_eq!(default.only_new, vec!["ding".to_string()]);
    assert!(default.units.is_empty(), "{:?}", default.units);
    let all = edit(
        WORKED,
        &[(
            "title = \"示例：三县一区\"\n",
            "title = \"示例：三县一区\"\n\n[policy]\nlast_place_among = \"all\"\n",
        )],
    );
    let new = add_ding(&all);
    let d = compare(&all, &new);
    assert_eq!(d.only_new, vec!["ding".to_string()]);
    assert!(d.only_old.is_empty());
    assert!(d.scheme.is_empty(), "{:?}", d.scheme);
    assert_eq!(
        d.units,
        vec![unit(
            "zone",
            "经济开发区",
            &[("last_place", "true", "false")],
            &[]
        )]
    );
    assert_eq!(
        diff_text(&d, Lang::En)[..2],
        [
            "1 unit changed; no rank moved; 1 unit only in the new file",
            "Only in the new file: 丁县 (ding)",
        ]
    );
    let back = compare(&new, &all);
    assert_eq!(back.only_old, vec!["ding".to_string()]);
    assert_eq!(
        diff_text(&back, Lang::Zh)[..2],
        [
            "1 个单位有变化；名次未变；1 个单位只在旧文件中",
            "只在旧文件中：丁县",
        ]
    );
}

#[test]
fn departments_are_compared_in_their_own_group() {
    // 市人社局 scored in both, on the two indicators it is responsible for: training has
    // no row (pending, base 2). new-jobs 90 of 100 = 10% short = 5 steps × 5% × 4 = 1.00 →
    // 3.00, task 88 × 3.00 / (4 + 2) = 44.00 → 100 of 100: 4.00, task 88 × 4 / 6 = 58.67,
    // no longer vetoed, comprehensive.
    let with = |actual: &str| {
        format!(
            "{WORKED}\n[scores.hrss.indicators]\nnew-jobs = {{ target = 100, actual = {actual} }}\n"
        )
    };
    let d = compare(&with("90"), &with("100"));
    assert_eq!(
        d.units,
        vec![UnitDiff {
            department: true,
            ..unit(
                "hrss",
                "市人社局",
                &[
                    ("areas.employment", "3.00", "4.00"),
                    ("task", "44.00", "58.67"),
                    ("total", "44.00", "58.67"),
                    ("failed", "new-jobs", ""),
                    ("comprehensive", "false", "true"),
                ],
                &[("scores.hrss.indicators.new-jobs.actual", "90", "100")],
            )
        }]
    );
    assert_eq!(
        diff_text(&d, Lang::En)[..3],
        [
            "1 unit changed; no rank moved",
            "City departments",
            "市人社局 (hrss)",
        ]
    );
}

#[test]
fn identical_files_have_no_differences() {
    let d = compare(WORKED, WORKED);
    assert!(d.units.is_empty() && d.scheme.is_empty());
    assert!(d.only_old.is_empty() && d.only_new.is_empty());
    assert_eq!(
        diff_text(&d, Lang::En),
        ["no differences: every entered value, score and rank is the same"]
    );
    assert_eq!(diff_text(&d, Lang::Zh), ["两个文件没有差别"]);
}

#[test]
fn the_command_line_prints_the_same_lines() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.toml"), dir.path().join("new.toml"));
    std::fs::write(&old, WORKED).unwrap();
    std::fs::write(&new, yi_fails_zone_completes()).unwrap();
    let out = common::kaoping()
        .arg("diff")
        .args([&old, &new])
        .args(["--lang", "en"])
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
    let d = compare(WORKED, &yi_fails_zone_completes());
    assert_eq!(lines, diff_text(&d, Lang::En));
}

/// A self-check's values are compared too: a change there is an entered value of its
/// own (自查 before its words in Chinese), and moves no assessed total or rank.
#[test]
fn a_changed_self_check_is_listed_and_moves_nothing_assessed() {
    let with_selfcheck = |actual: &str| {
        format!(
            "{WORKED}\n[selfcheck.jia]\nsurvey = 5.5\n[selfcheck.jia.indicators]\n\
             new-jobs = {{ target = 1000, actual = {actual} }}\n"
        )
    };
    let d = compare(&with_selfcheck("1200"), &with_selfcheck("1250"));
    assert_eq!(d.units.len(), 1);
    let u = &d.units[0];
    assert!(u.results.is_empty(), "{:?}", u.results);
    assert_eq!(
        u.inputs,
        triples(&[("selfcheck.jia.indicators.new-jobs.actual", "1200", "1250")])
    );
    let zh = diff_text(&d, Lang::Zh).join("\n");
    assert!(zh.contains("自查 城镇新增就业 实际值：1200 → 1250"), "{zh}");
}

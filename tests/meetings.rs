//! Issue 11, meetings and the scheme: the presentation at 80×24 and 120×40 (every fact
//! readable, ties marked, every symbol explained, `j`/`k` page), the totals' pinned total,
//! what a scheme change in the matrix says (and asks), and the optional `short` names.

mod common;

use common::{key, screen, status};

use crossterm::event::KeyCode;
use kaoping::i18n::Lang;
use kaoping::tui::model::Model;

const DEMO: &str = kaoping::project::DEMO;

/// A model on a copy of `text` in a temporary folder (kept alive by the returned guard).
fn model(text: &str, name: &str, lang: Lang) -> (Model, tempfile::TempDir) {
    common::tui_model(text, name, lang)
}

fn keys(model: &mut Model, text: &str) {
    for c in text.chars() {
        key(model, KeyCode::Char(c));
    }
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

// ---- presentation ----

/// Every page of the presentation, turned with `j` (and back with `k`), at both sizes in
/// both languages: the demo's vetoed winners (北岭县 6 awards, 经济开发区 2) show their
/// awards with 待领导小组审定, the failed indicators in full, and the departments' tie
/// at 6 as `6=` with the legend's "= 并列".
#[test]
fn presentation_pages_at_both_sizes() {
    for lang in [Lang::Zh, Lang::En] {
        for (w, h) in [(80u16, 24u16), (120, 40)] {
            let (mut m, _dir) = model(DEMO, "demo.toml", lang);
            keys(&mut m, "4p");
            let mut pages = vec![screen(&mut m, w, h)];
            for _ in 0..10 {
                keys(&mut m, "j");
                let s = screen(&mut m, w, h);
                if pages.last() == Some(&s) {
                    break;
                }
                pages.push(s);
            }
            for (n, page) in pages.iter().enumerate() {
                assert!(!page.contains('…'), "cut on page {n}:\n{page}");
                insta::assert_snapshot!(
                    format!("present_{}_{w}x{h}_page{}", lang_name(lang), n + 1),
                    page
                );
            }
            // `k` pages back, from the last page (j past the end stays there).
            for _ in 1..pages.len() {
                keys(&mut m, "k");
            }
            assert_eq!(screen(&mut m, w, h), pages[0]);
        }
    }
}

#[test]
fn presentation_at_80x24_keeps_every_fact() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::Zh);
    keys(&mut m, "4p");
    let first = screen(&mut m, 80, 24);
    // Award counts, a vetoed winner's warning and the whole failed indicator.
    assert!(first.contains("单项工作先进 5 项"), "{first}");
    assert!(
        first.contains("单项工作先进 6 项（待领导小组审定）"),
        "{first}"
    );
    assert!(
        first.contains("单项工作先进 2 项（待领导小组审定）"),
        "{first}"
    );
    assert!(first.contains("农村居民最低生活保障应保尽保"), "{first}");
    // The legend explains each symbol used.
    for symbol in ["★ 综合先进", "✗ 一票否决", "▼ 末位", "◆ 单项工作先进"] {
        assert!(
            first
                .lines()
                .any(|l| l.contains(symbol) && !l.contains('1'))
        );
    }
    keys(&mut m, "j");
    let departments = screen(&mut m, 80, 24);
    assert!(departments.contains(" 6=   市交通运输局"), "{departments}");
    assert!(departments.contains(" 6=   市水务局"), "{departments}");
    assert!(departments.contains("= 并列"), "{departments}");
}

// ---- totals ----

/// The total is pinned beside the name: at 80×24 it shows at first, and still shows with
/// the cursor on the last column (the penalty), where the other columns have scrolled.
#[test]
fn totals_show_the_total_at_80_columns() {
    for lang in [Lang::Zh, Lang::En] {
        let (mut m, _dir) = model(DEMO, "demo.toml", lang);
        keys(&mut m, "3");
        let first = screen(&mut m, 80, 24);
        insta::assert_snapshot!(format!("totals_{}_80x24", lang_name(lang)), first);
        let head = first.lines().nth(2).unwrap().to_string();
        assert!(head.contains(lang.pick("总分", "Total")), "{first}");
        assert!(first.contains("东城县        131.30 │"), "{first}");
        for _ in 0..20 {
            key(&mut m, KeyCode::Right);
        }
        let last = screen(&mut m, 80, 24);
        assert!(last.contains("东城县        131.30 │"), "{last}");
        assert!(
            last.lines()
                .nth(2)
                .unwrap()
                .contains(lang.pick("处分", "Pen.")),
            "{last}"
        );
        assert!(
            !last
                .lines()
                .nth(2)
                .unwrap()
                .contains(lang.pick("组织", "Org")),
            "{last}"
        );
    }
}

// ---- short names ----

/// Runs `kaoping check` on the worked example with `from` replaced by `to`: its exit code
/// and stderr.
fn check_with(edits: &[(&str, &str)]) -> (Option<i32>, String, String, tempfile::TempDir) {
    let mut text = common::WORKED.to_string();
    for (from, to) in edits {
        assert!(text.contains(from), "fixture lacks {from:?}");
        text = text.replacen(from, to, 1);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.toml");
    std::fs::write(&path, &text).unwrap();
    let file = path.to_str().unwrap().to_string();
    let out = common::run_kaoping(&["--lang", "en", "check", &file]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        file,
        dir,
    )
}

const AREA: &str = "name = \"就业和创业\"\n";
const INDICATOR: &str = "name = \"城镇新增就业\"\n";

#[test]
fn a_short_name_is_read_checked_and_kept_by_edits() {
    let (code, stderr, file, _dir) = check_with(&[
        (AREA, "name = \"就业和创业\"\nshort = \"就业\"\n"),
        (
            INDICATOR,
            "name = \"城镇新增就业\"\nshort = \"新增就业\" # narrow columns\n",
        ),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    // An edit elsewhere keeps it, comment and all; an edit of it changes only its value.
    let set = |key: &str, value: &str| {
        let out = common::run_kaoping(&["set", &file, key, value]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read_to_string(&file).unwrap()
    };
    let text = set("indicators[0].base", "4");
    assert!(
        text.contains("short = \"新增就业\" # narrow columns\n"),
        "{text}"
    );
    assert!(text.contains("short = \"就业\"\n"), "{text}");
    let text = set("indicators[0].short", "\"新增\"");
    assert!(
        text.contains("short = \"新增\" # narrow columns\n"),
        "{text}"
    );
    let (project, _) = common::scored(&text);
    assert_eq!(project.indicators[0].short.as_deref(), Some("新增"));
    assert_eq!(project.areas[0].short.as_deref(), Some("就业"));
    assert_eq!(project.areas[1].short, None);
}

/// The line and column of the value of the `n`-th `short = ` in `text`.
fn line_col_of_short(text: &str, n: usize) -> String {
    let at = text.match_indices("short = ").nth(n).unwrap().0 + "short = ".len();
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    format!("{line}:{col}")
}

#[test]
fn a_short_name_that_is_not_a_string_or_empty_is_an_error_with_its_place() {
    let edits = [
        (AREA, "name = \"就业和创业\"\nshort = 3\n"),
        (INDICATOR, "name = \"城镇新增就业\"\nshort = \"  \"\n"),
    ];
    let (code, stderr, file, _dir) = check_with(&edits);
    assert_eq!(code, Some(1), "{stderr}");
    let text = std::fs::read_to_string(&file).unwrap();
    let wrong = format!(
        "{file}:{}: error: areas[0].short: expected a string, found integer",
        line_col_of_short(&text, 0)
    );
    let empty = format!(
        "{file}:{}: error: indicators[0].short: the short name is empty",
        line_col_of_short(&text, 1)
    );
    assert!(stderr.lines().any(|l| l == wrong), "{wrong}\n{stderr}");
    assert!(
        stderr.lines().any(|l| l.starts_with(&empty)),
        "{empty}\n{stderr}"
    );
}

// ---- scheme changes in the matrix ----

fn total(m: &Model, id: &str) -> String {
    m.session.board.find(id).unwrap().total.to_string()
}

/// `b` on 城镇新增就业人数 (base 4, bonus share 20%): the demo's over-completions are
/// 东城县 6720/6000 = 12% (the best: 0.80), 青阳县 4510/4100 = 10% (0.8 × 10/12 = 0.67),
/// 西山县 5616/5200 = 8% (0.53), 南湖县 4982/4700 = 6% (0.40), 经济开发区 1751/1700 = 3%
/// (0.20); 北岭县 is short (no bonus) and departments earn none (department_bonus =
/// false). Turning the bonus off takes it from those 5 units: it asks first, naming them,
/// then says so; turning it back on asks nothing and says the same count.
#[test]
fn turning_a_bonus_off_asks_first_and_says_how_many_units_change() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::Zh);
    keys(&mut m, "1");
    key(&mut m, KeyCode::Down);
    assert_eq!(total(&m, "jia"), "131.30");
    keys(&mut m, "b");
    let Some(kaoping::tui::model::Overlay::Confirm { lines, .. }) = &m.ui.overlay else {
        panic!("no question: {}", status(&m));
    };
    assert_eq!(lines[0], "「城镇新增就业人数」不再加分？");
    let text: String = lines.iter().map(|l| l.trim()).collect();
    assert!(
        text.contains("5 个单位现得本项加分，将失去：东城县、西山县、青阳县、南湖县、经济开发区"),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"「城镇新增就业人数」不再加分：5 个单位得分改变".to_string()),
        "{lines:?}"
    );
    let asked = screen(&mut m, 80, 24);
    assert!(
        asked.contains("将失去") && asked.contains("经济开发区"),
        "{asked}"
    );
    assert!(
        asked
            .lines()
            .filter(|l| l.contains("将失去") || l.contains("经济开发区") || l.contains("得分改变"))
            .all(|l| !l.contains('…')),
        "{asked}"
    );
    // No: nothing changes.
    keys(&mut m, "n");
    assert!(m.project().indicator("new-jobs").unwrap().bonus);
    assert_eq!(total(&m, "jia"), "131.30");
    // Yes: committed, and said.
    keys(&mut m, "b");
    keys(&mut m, "y");
    assert!(!m.project().indicator("new-jobs").unwrap().bonus);
    assert_eq!(status(&m), "「城镇新增就业人数」不再加分：5 个单位得分改变");
    assert_eq!(total(&m, "jia"), "130.50");
    // Back on: nothing is lost, so no question.
    keys(&mut m, "b");
    assert!(m.ui.overlay.is_none());
    assert_eq!(
        status(&m),
        "「城镇新增就业人数」改为加分指标：5 个单位得分改变"
    );
    assert_eq!(total(&m, "jia"), "131.30");
}

#[test]
fn a_role_change_says_what_it_did_in_english() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::En);
    keys(&mut m, "1");
    key(&mut m, KeyCode::Down);
    // The bonus column, then the first department's (市人社局, the lead).
    key(&mut m, KeyCode::Right);
    key(&mut m, KeyCode::Right);
    key(&mut m, KeyCode::Right);
    let dept = m.project().departments[0].name.clone();
    let before = m
        .project()
        .indicator("new-jobs")
        .unwrap()
        .role_of(&m.project().departments[0].id);
    keys(&mut m, " ");
    let after = m
        .project()
        .indicator("new-jobs")
        .unwrap()
        .role_of(&m.project().departments[0].id);
    assert_ne!(before, after, "{}", status(&m));
    let said = status(&m);
    assert!(said.starts_with(&format!("{dept} is now ")), "{said}");
    assert!(said.contains("「城镇新增就业人数」"), "{said}");
    assert!(said.contains("score"), "{said}");
}

/// A department with a score row for an indicator stays responsible for it: Space on its
/// cell past "responsible" says to clear the row first, and changes nothing.
#[test]
fn a_department_with_a_row_stays_responsible_and_the_line_says_why() {
    let (mut m, _dir) = model(DEMO, "demo.toml", Lang::En);
    keys(&mut m, "1");
    key(&mut m, KeyCode::Down);
    key(&mut m, KeyCode::Right);
    key(&mut m, KeyCode::Right);
    key(&mut m, KeyCode::Right);
    let hrss = m.project().departments[0].id.clone();
    assert!(
        m.project().scores[&hrss]
            .indicators
            .contains_key("new-jobs")
    );
    let role = |m: &Model| m.project().indicator("new-jobs").unwrap().role_of(&hrss);
    // lead → responsible, then no further while the row is there.
    keys(&mut m, " ");
    assert_eq!(role(&m), Some(kaoping::project::Role::Responsible));
    keys(&mut m, " ");
    assert_eq!(role(&m), Some(kaoping::project::Role::Responsible));
    assert!(status(&m).contains("stays responsible"), "{}", status(&m));
}

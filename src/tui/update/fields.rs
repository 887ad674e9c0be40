//! From typed text to an [`Edit`]: pure, from the project as it is, what was typed and
//! where. Numbers may be typed with full-width digits and `。` as the point (as a Chinese
//! input method gives them); an empty field means "none" (the value becomes pending);
//! units are typed as ids or names. The session then checks and scores the edit.
//!
//! A form's field ([`Target::Form`]) is turned into its edit by [`crate::edit::form`],
//! with the loader's rules for what the value may be: nothing here knows it.

use super::super::model::{SheetField, Target};
use crate::edit::{AreaField, DepartmentField, Edit, IndicatorField, UnitField};
use crate::i18n::{Lang, T, fields as words, problem_message};
use crate::project::problem::{ProblemKind, RefKind};
use crate::project::{
    Area, Department, Indicator, Penalty, PenaltyKind, Project, Row, Unit, parse_decimal_text,
    typed_digits,
};
use rust_decimal::Decimal;

/// The edit that `text`, typed into `target`, makes; or why it makes none. File names
/// (save as, compare, export) make no edit: an empty error.
pub fn to_edit(p: &Project, target: &Target, text: &str, lang: Lang) -> Result<Edit, String> {
    let name = |text: &str| typed_name(text, lang);
    let number = |text: &str| {
        typed_decimal(text, lang)?.ok_or_else(|| T::NumberNeeded.get(lang).to_string())
    };
    let set = |id: &String, field| {
        Ok(Edit::SetIndicator {
            id: id.clone(),
            field,
        })
    };
    match target {
        Target::Sheet { unit, field } => sheet_edit(p, unit, field, text, lang),
        Target::Form {
            subject,
            table,
            key,
        } => crate::edit::form::edit(p, subject, table, key, text)
            .map_err(|kind| form_problem(&kind, lang)),
        Target::IndicatorName(id) => set(id, IndicatorField::Name(name(text)?)),
        Target::IndicatorBase(id) => set(id, IndicatorField::Base(number(text)?)),
        Target::IndicatorMeasure(id) => {
            let t = text.trim();
            set(
                id,
                IndicatorField::Measure((!t.is_empty()).then(|| t.to_string())),
            )
        }
        Target::IndicatorUnits(id) => set(id, IndicatorField::Units(typed_units(p, text, lang)?)),
        Target::IndicatorPilot(id) => set(id, IndicatorField::Pilot(typed_units(p, text, lang)?)),
        Target::IndicatorArea(id) => {
            let t = text.trim();
            match p.areas.iter().find(|a| a.id == t || a.name == t) {
                Some(area) => set(id, IndicatorField::Area(area.id.clone())),
                None => Err(unknown(RefKind::Area, t, lang)),
            }
        }
        Target::AreaName(id) => Ok(Edit::SetArea {
            id: id.clone(),
            field: AreaField::Name(name(text)?),
        }),
        Target::AreaMax(id) => Ok(Edit::SetArea {
            id: id.clone(),
            field: AreaField::Max(number(text)?),
        }),
        Target::DepartmentName(id) => Ok(Edit::SetDepartment {
            id: id.clone(),
            field: DepartmentField::Name(name(text)?),
        }),
        Target::UnitName(id) => Ok(Edit::SetUnit {
            id: id.clone(),
            field: UnitField::Name(name(text)?),
        }),
        Target::NewIndicator { area } => Ok(Edit::AddIndicator {
            indicator: Indicator {
                id: fresh_id(p, "ind"),
                area: area.clone(),
                name: name(text)?,
                ..Indicator::default()
            },
        }),
        Target::NewArea => Ok(Edit::AddArea {
            area: Area {
                id: fresh_id(p, "area"),
                name: name(text)?,
                ..Area::default()
            },
        }),
        Target::NewDepartment => Ok(Edit::AddDepartment {
            department: Department {
                id: fresh_id(p, "dept"),
                name: name(text)?,
                ..Department::default()
            },
        }),
        Target::NewUnit => Ok(Edit::AddUnit {
            unit: Unit {
                id: fresh_id(p, "unit"),
                name: name(text)?,
                ..Unit::default()
            },
        }),
        // Not edits of the project: handled where they are committed.
        Target::SaveAs
        | Target::CompareWith
        | Target::ExportTo
        | Target::SheetsTo
        | Target::ImportFrom => Err(String::new()),
    }
}

/// The edit of a field of a unit's score sheet.
fn sheet_edit(
    p: &Project,
    unit: &str,
    field: &SheetField,
    text: &str,
    lang: Lang,
) -> Result<Edit, String> {
    let sheet = p.scores.get(unit);
    let unit = unit.to_string();
    let row_of = |ind: &str| sheet.and_then(|s| s.indicators.get(ind)).cloned();
    let value = || typed_decimal(text, lang);
    Ok(match field {
        SheetField::Survey => Edit::SetSurvey {
            unit,
            value: value()?,
        },
        SheetField::Org(item) => Edit::SetOrg {
            unit,
            item: item.clone(),
            value: value()?,
        },
        SheetField::Target(ind) | SheetField::Actual(ind) => {
            let (mut target, mut actual) = match row_of(ind) {
                Some(Row::Quantitative { target, actual }) => (target, actual),
                _ => (None, None),
            };
            if matches!(field, SheetField::Target(_)) {
                target = value()?;
            } else {
                actual = value()?;
            }
            let row = (target.is_some() || actual.is_some())
                .then_some(Row::Quantitative { target, actual });
            Edit::SetRow {
                unit,
                indicator: ind.clone(),
                row,
            }
        }
        SheetField::Deduction(ind) => Edit::SetRow {
            unit,
            indicator: ind.clone(),
            row: Some(Row::Qualitative {
                complete: false,
                deduction: value()?,
            }),
        },
        SheetField::Prep(ind) => Edit::SetRow {
            unit,
            indicator: ind.clone(),
            row: value()?.map(|prep| Row::Preparation { prep }),
        },
        SheetField::PenaltyPoints(i) | SheetField::PenaltyNote(i) => {
            let Some(old) = sheet.and_then(|s| s.penalties.get(*i)) else {
                return Err(T::NumberNeeded.get(lang).to_string());
            };
            let penalty = match field {
                SheetField::PenaltyNote(_) => Penalty {
                    kind: old.kind,
                    note: text.trim().to_string(),
                },
                _ => Penalty {
                    kind: PenaltyKind::Points(
                        value()?.ok_or_else(|| T::NumberNeeded.get(lang).to_string())?,
                    ),
                    note: old.note.clone(),
                },
            };
            Edit::SetPenalty {
                unit,
                index: *i,
                penalty,
            }
        }
    })
}

/// Why a value typed into a form makes no edit, in words: an empty value where one is
/// needed is said so (the loader would call it a missing key).
pub fn form_problem(kind: &ProblemKind, lang: Lang) -> String {
    match kind {
        ProblemKind::MissingKey { .. } => words::value_needed(lang).to_string(),
        other => problem_message(other, lang),
    }
}

/// A typed name: trimmed, and not empty.
pub fn typed_name(text: &str, lang: Lang) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        Err(T::NameEmpty.get(lang).to_string())
    } else {
        Ok(t.to_string())
    }
}

/// A typed number: ASCII or full-width digits (as a Chinese input method may give),
/// `.` or `。`/`．` as the point; empty means "none".
pub fn typed_decimal(text: &str, lang: Lang) -> Result<Option<Decimal>, String> {
    let normal = typed_digits(text);
    if normal.is_empty() {
        return Ok(None);
    }
    parse_decimal_text(&normal).map(Some).map_err(|reason| {
        let kind = ProblemKind::NotDecimal {
            text: text.trim().to_string(),
            reason,
        };
        problem_message(&kind, lang)
    })
}

/// A list of units typed as ids or names, separated by commas, spaces or 、; empty
/// means "no list".
pub fn typed_units(p: &Project, text: &str, lang: Lang) -> Result<Option<Vec<String>>, String> {
    let ids = crate::project::typed_units(p, text).map_err(|kind| problem_message(&kind, lang))?;
    Ok(if ids.is_empty() { None } else { Some(ids) })
}

/// "No such unit / area", as the checks say it.
fn unknown(kind: RefKind, id: &str, lang: Lang) -> String {
    let kind = ProblemKind::UnknownRef {
        kind,
        id: id.to_string(),
    };
    problem_message(&kind, lang)
}

/// A fresh id `prefix-N` not used by any unit, department, area or indicator.
pub fn fresh_id(p: &Project, prefix: &str) -> String {
    let taken = |id: &str| {
        p.units.iter().any(|u| u.id == id)
            || p.departments.iter().any(|d| d.id == id)
            || p.areas.iter().any(|a| a.id == id)
            || p.indicators.iter().any(|i| i.id == id)
    };
    (1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::prelude::FromStr;

    use crate::project::demo;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn sheet(unit: &str, field: SheetField) -> Target {
        Target::Sheet {
            unit: unit.into(),
            field,
        }
    }

    #[test]
    fn numbers_take_full_width_digits_and_the_chinese_point() {
        let l = Lang::En;
        assert_eq!(typed_decimal("５６００", l), Ok(Some(d("5600"))));
        assert_eq!(typed_decimal("5。6", l), Ok(Some(d("5.6"))));
        assert_eq!(typed_decimal("０．５", l), Ok(Some(d("0.5"))));
        assert_eq!(typed_decimal("－1", l), Ok(Some(d("-1"))));
        assert_eq!(typed_decimal(" 12.50 ", l), Ok(Some(d("12.50"))));
        assert_eq!(typed_decimal("", l), Ok(None));
        assert_eq!(typed_decimal("   ", l), Ok(None));
        let err = typed_decimal("12x", l).unwrap_err();
        assert!(err.contains("12x"), "{err}");
        assert!(typed_decimal("1e5", l).is_err());
    }

    #[test]
    fn names_are_trimmed_and_never_empty() {
        assert_eq!(typed_name("  城乡低保 ", Lang::Zh), Ok("城乡低保".into()));
        assert_eq!(
            typed_name("  ", Lang::En),
            Err(T::NameEmpty.get(Lang::En).into())
        );
        let p = demo();
        let target = Target::UnitName("jia".into());
        assert_eq!(
            to_edit(&p, &target, " 东城区 ", Lang::En),
            Ok(Edit::SetUnit {
                id: "jia".into(),
                field: UnitField::Name("东城区".into())
            })
        );
        assert!(to_edit(&p, &Target::NewArea, "", Lang::En).is_err());
    }

    #[test]
    fn units_are_typed_by_id_or_name_and_an_unknown_one_is_named() {
        let p = demo();
        let l = Lang::En;
        assert_eq!(
            typed_units(&p, "jia, 北岭县、zone", l),
            Ok(Some(vec!["jia".into(), "yi".into(), "zone".into()]))
        );
        assert_eq!(typed_units(&p, " ", l), Ok(None));
        let err = typed_units(&p, "jia 西城县", l).unwrap_err();
        assert!(err.contains("西城县"), "{err}");
    }

    #[test]
    fn a_target_or_an_actual_keeps_the_other_and_empty_both_clears_the_row() {
        let p = demo();
        let l = Lang::En;
        // 东城县 new-jobs: target 6000, actual 6720.
        let edit = to_edit(
            &p,
            &sheet("jia", SheetField::Actual("new-jobs".into())),
            "５０００",
            l,
        );
        assert_eq!(
            edit,
            Ok(Edit::SetRow {
                unit: "jia".into(),
                indicator: "new-jobs".into(),
                row: Some(Row::Quantitative {
                    target: Some(d("6000")),
                    actual: Some(d("5000"))
                })
            })
        );
        let target = sheet("zone", SheetField::Target("new-jobs".into()));
        let Ok(Edit::SetRow { row, .. }) = to_edit(&p, &target, "", l) else {
            panic!("an edit")
        };
        assert!(matches!(
            row,
            Some(Row::Quantitative {
                target: None,
                actual: Some(_)
            })
        ));
    }

    #[test]
    fn every_kind_of_field_makes_its_edit() {
        let p = demo();
        let l = Lang::Zh;
        let ok = |target: Target, text: &str| to_edit(&p, &target, text, l).unwrap();
        assert_eq!(
            ok(sheet("jia", SheetField::Survey), "5.9"),
            Edit::SetSurvey {
                unit: "jia".into(),
                value: Some(d("5.9"))
            }
        );
        assert_eq!(
            ok(sheet("jia", SheetField::Org("funding".into())), ""),
            Edit::SetOrg {
                unit: "jia".into(),
                item: "funding".into(),
                value: None
            }
        );
        assert_eq!(
            ok(
                sheet("jia", SheetField::Deduction("urban-dibao".into())),
                "1.2"
            ),
            Edit::SetRow {
                unit: "jia".into(),
                indicator: "urban-dibao".into(),
                row: Some(Row::Qualitative {
                    complete: false,
                    deduction: Some(d("1.2"))
                })
            }
        );
        assert_eq!(
            ok(sheet("bing", SheetField::Prep("rural-pension".into())), "2"),
            Edit::SetRow {
                unit: "bing".into(),
                indicator: "rural-pension".into(),
                row: Some(Row::Preparation { prep: d("2") })
            }
        );
        assert!(matches!(
            ok(Target::IndicatorName("new-jobs".into()), "新增就业"),
            Edit::SetIndicator { field: IndicatorField::Name(n), .. } if n == "新增就业"
        ));
        assert!(matches!(
            ok(Target::IndicatorBase("new-jobs".into()), "４"),
            Edit::SetIndicator { field: IndicatorField::Base(b), .. } if b == d("4")
        ));
        assert!(matches!(
            ok(Target::IndicatorMeasure("new-jobs".into()), " "),
            Edit::SetIndicator {
                field: IndicatorField::Measure(None),
                ..
            }
        ));
        assert!(matches!(
            ok(Target::IndicatorUnits("new-jobs".into()), "东城县"),
            Edit::SetIndicator { field: IndicatorField::Units(Some(u)), .. } if u == ["jia"]
        ));
        assert!(matches!(
            ok(Target::IndicatorPilot("new-jobs".into()), ""),
            Edit::SetIndicator {
                field: IndicatorField::Pilot(None),
                ..
            }
        ));
        assert!(matches!(
            ok(Target::IndicatorArea("new-jobs".into()), "社会保险"),
            Edit::SetIndicator { field: IndicatorField::Area(a), .. } if a == "insurance"
        ));
        assert!(to_edit(&p, &Target::IndicatorArea("new-jobs".into()), "无此领域", l).is_err());
        assert_eq!(
            ok(Target::AreaName("insurance".into()), "社保"),
            Edit::SetArea {
                id: "insurance".into(),
                field: AreaField::Name("社保".into())
            }
        );
        assert_eq!(
            ok(Target::AreaMax("insurance".into()), "9"),
            Edit::SetArea {
                id: "insurance".into(),
                field: AreaField::Max(d("9"))
            }
        );
        assert!(to_edit(&p, &Target::AreaMax("insurance".into()), "", l).is_err());
        assert_eq!(
            ok(Target::DepartmentName("hrss".into()), "市人保局"),
            Edit::SetDepartment {
                id: "hrss".into(),
                field: DepartmentField::Name("市人保局".into())
            }
        );
        assert!(matches!(
            ok(Target::NewIndicator { area: "insurance".into() }, "失业保险"),
            Edit::AddIndicator { indicator } if indicator.id == "ind-1" && indicator.area == "insurance"
        ));
        assert!(matches!(
            ok(Target::NewArea, "住房"),
            Edit::AddArea { area } if area.id == "area-1" && area.name == "住房"
        ));
        assert!(matches!(
            ok(Target::NewDepartment, "市统计局"),
            Edit::AddDepartment { department } if department.id == "dept-1"
        ));
        assert!(matches!(
            ok(Target::NewUnit, "西城县"),
            Edit::AddUnit { unit } if unit.id == "unit-1" && unit.kind == crate::project::UnitKind::County
        ));
        for file in [
            Target::SaveAs,
            Target::CompareWith,
            Target::ExportTo,
            Target::SheetsTo,
            Target::ImportFrom,
        ] {
            assert_eq!(to_edit(&p, &file, "x.toml", l), Err(String::new()));
        }
    }

    #[test]
    fn a_penaltys_points_and_note_keep_the_other_half() {
        let p = demo();
        let l = Lang::En;
        // 南湖县 has one municipal penalty with a note.
        let Ok(Edit::SetPenalty { penalty, index, .. }) =
            to_edit(&p, &sheet("bing", SheetField::PenaltyPoints(0)), "1.5", l)
        else {
            panic!("a penalty edit")
        };
        assert_eq!(index, 0);
        assert_eq!(penalty.kind, PenaltyKind::Points(d("1.5")));
        assert!(penalty.note.contains("廉租住房"));
        assert_eq!(
            to_edit(&p, &sheet("bing", SheetField::PenaltyPoints(0)), "", l),
            Err(T::NumberNeeded.get(l).into())
        );
        let Ok(Edit::SetPenalty { penalty, .. }) =
            to_edit(&p, &sheet("bing", SheetField::PenaltyNote(0)), " 通报 ", l)
        else {
            panic!("a penalty edit")
        };
        assert_eq!(
            (penalty.kind, penalty.note.as_str()),
            (PenaltyKind::Municipal, "通报")
        );
        // A penalty that is not there.
        assert!(to_edit(&p, &sheet("jia", SheetField::PenaltyNote(3)), "x", l).is_err());
    }

    #[test]
    fn fresh_ids_skip_those_taken_in_any_list() {
        let mut p = demo();
        assert_eq!(fresh_id(&p, "unit"), "unit-1");
        p.departments.push(Department {
            id: "unit-1".into(),
            name: "x".into(),
            ..Department::default()
        });
        assert_eq!(fresh_id(&p, "unit"), "unit-2");
    }
}

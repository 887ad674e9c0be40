//! Edits (`kaoping::edit`): the typed project and the format-preserving document agree
//! for every edit, and the document changes only where the edit says.
//!
//! - `agreement`: property tests over edit sequences on several files and layouts;
//! - `golden_*`: edits to `assets/demo.toml` and the exact lines they change;
//! - the rest: one or more hand-written before/after snippets per kind of edit.

use kaoping::edit::{
    AreaField, DepartmentField, Edit, IndicatorField, OrgItemField, PolicyField, SectionsField,
    UnitField, apply_to_document, apply_to_project,
};
use kaoping::project::{
    Aggregate, Area, Department, Direction, Indicator, LastPlaceAmong, Penalty, PenaltyKind,
    Project, ReturnEntry, Role, Row, RowKind, SheetKind, ShortfallMode, SingleItemVeto, Unit,
    UnitKind, load, to_toml,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use toml_edit::DocumentMut;

const DEMO: &str = kaoping::project::DEMO;
const TEMPLATE: &str = kaoping::project::TEMPLATE;
const WORKED: &str = include_str!("fixtures/worked.toml");

/// The other layouts a hand-written file may use: lists as arrays of inline tables,
/// dotted keys, rows and organisation items as standard tables, `[[...penalties]]`,
/// inline sheets, multi-line arrays with comments, strings and underscores as numbers.
const LAYOUTS: &str = r#"format = "kaoping/1"
title = 'other layouts'   # a literal string
organization = [
  { id = "leadership", name = "组织领导", max = 2 },
  { id = "funding", name = "资金安排", max = "3.5" },
]
departments = [ { id = "hrss", name = "市人社局" }, { id = "civil", name = "市民政局" } ]
units = [{ id = "jia", name = "甲县", kind = "county" }, { id = "yi", name = "乙县", kind = "county" }, { id = "zone", name = "开发区", kind = "zone" }]

[sections]
total = 100
survey = 6
task = 88

[[areas]]
id = "employment"
name = "就业和创业"
max = 6

[[areas]]
id = "assistance"
name = "社会救助"
max = 4

# employment
[[indicators]]
id = "new-jobs"
area = "employment"
name = "城镇新增就业"
base = 4
bonus = true
lead = "hrss"
responsible = [
  "hrss",  # the lead
  "civil",
]
co = []

[[indicators]]
id = "rural-pension"
area = "employment"
name = "新农保"
base = 3.0
responsible = ["hrss"]
units = ["jia", "yi"]
# only jia is a pilot
pilot = ["jia"]

# assistance
[[indicators]]
id = "dibao"
area = "assistance"
name = "城乡低保"
base = 4
lead = "civil"
responsible = ["civil"]

[[awards]]
id = "employment"
name = "先进县"
count = 1
areas = ["employment", "assistance"]
lead = "hrss"

[scores]
jia.survey = 5.5
jia.organization.leadership = 2

[scores.jia.indicators.new-jobs]
target = 1_000
actual = 1200.50   # exact

[scores.jia.indicators.dibao]
status = "complete"

[scores.yi]
survey = "5.8"

[scores.yi.organization]
leadership = 2
funding = 3

[[scores.yi.penalties]]
level = "municipal"
note = "市政府通报"

[[scores.yi.penalties]]
points = 0.5
note = "另扣"

[scores.yi.indicators]
new-jobs = { target = 800, actual = 880 }
rural-pension.prep = 1.5

[scores.hrss]
survey = 5.6
indicators = { new-jobs = { target = 5000, actual = 5100 }, dibao.status = "complete" }
penalties = [
  { level = "provincial", note = "省通报" },
]

[scores.civil.indicators.dibao]
status = "complete"
"#;

fn project_of(text: &str) -> Project {
    let outcome = load(text);
    outcome
        .project
        .unwrap_or_else(|| panic!("does not load: {:?}", outcome.problems))
}

fn edited(text: &str, edits: &[Edit]) -> String {
    let mut doc: DocumentMut = text.parse().unwrap();
    for edit in edits {
        apply_to_document(&mut doc, edit);
    }
    doc.to_string()
}

/// A line diff (longest common subsequence): `-line` for a removed line, `+line` for an
/// added one, in order.
fn diff(before: &str, after: &str) -> Vec<String> {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(format!("-{}", a[i]));
            i += 1;
        } else {
            out.push(format!("+{}", b[j]));
            j += 1;
        }
    }
    out
}

/// Applies the edits to both sides, checks that they agree, and returns the new text.
#[track_caller]
fn agree(text: &str, edits: &[Edit]) -> String {
    let mut project = project_of(text);
    for edit in edits {
        apply_to_project(&mut project, edit);
    }
    let after = edited(text, edits);
    let loaded = project_of(&after);
    assert_eq!(
        loaded, project,
        "the document and the project disagree:\n{after}"
    );
    assert_same_order(&loaded, &project);
    after
}

fn assert_same_order(a: &Project, b: &Project) {
    let keys = |p: &Project| -> Vec<(String, Vec<String>, Vec<String>)> {
        p.scores
            .iter()
            .map(|(id, s)| {
                (
                    id.clone(),
                    s.organization.keys().cloned().collect(),
                    s.indicators.keys().cloned().collect(),
                )
            })
            .collect()
    };
    assert_eq!(keys(a), keys(b), "entries in another order");
}

/// Checks one edit on a snippet: the exact text after it, and the agreement.
#[track_caller]
fn check(before: &str, edits: &[Edit], after: &str) {
    let got = agree(before, edits);
    if got != after {
        panic!(
            "unexpected text:\n{got}\n---- diff from expected:\n{}",
            diff(after, &got).join("\n")
        );
    }
}

/// Checks that the edits change neither the document nor the project.
#[track_caller]
fn unchanged(text: &str, edits: &[Edit]) {
    let mut project = project_of(text);
    let before = project.clone();
    for edit in edits {
        apply_to_project(&mut project, edit);
    }
    assert_eq!(project, before);
    assert_eq!(edited(text, edits), text);
}

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn s(text: &str) -> String {
    text.to_string()
}

fn quant(target: &str, actual: &str) -> Option<Row> {
    Some(Row::Quantitative {
        target: Some(d(target)),
        actual: Some(d(actual)),
    })
}

fn penalty(kind: PenaltyKind, note: &str) -> Penalty {
    Penalty {
        kind,
        note: s(note),
    }
}

// ---- agreement, over generated edits ---------------------------------------------------

/// An id to pick: one that exists (by index into the current list), one that does not,
/// or one that is not an id at all.
#[derive(Debug, Clone)]
enum Pick {
    Existing(prop::sample::Index),
    Missing(u8),
    Bad,
}

impl Pick {
    fn of(&self, list: &[String]) -> String {
        match self {
            Pick::Existing(i) if !list.is_empty() => i.get(list).clone(),
            Pick::Existing(_) => s("x0"),
            Pick::Missing(n) => format!("x{n}"),
            Pick::Bad => s("Not An Id"),
        }
    }
}

fn pick_weighted(existing: u32, missing: u32, bad: u32) -> impl Strategy<Value = Pick> {
    prop_oneof![
        existing => any::<prop::sample::Index>().prop_map(Pick::Existing),
        missing => (0u8..4).prop_map(Pick::Missing),
        bad => Just(Pick::Bad),
    ]
}

/// An id that mostly exists.
fn pick() -> impl Strategy<Value = Pick> {
    pick_weighted(8, 2, 1)
}

/// The id of something new: mostly free, sometimes taken or bad.
fn new_pick() -> impl Strategy<Value = Pick> {
    pick_weighted(2, 8, 1)
}

/// An id in a new indicator's lists: mostly existing, never bad.
fn list_pick() -> impl Strategy<Value = Pick> {
    pick_weighted(8, 1, 0)
}

fn decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        6 => (0i64..200_000, 0u32..4).prop_map(|(n, scale)| Decimal::new(n, scale)),
        1 => (-1000i64..0, 0u32..3).prop_map(|(n, scale)| Decimal::new(n, scale)),
        1 => (any::<i64>(), 0u32..29).prop_map(|(n, scale)| Decimal::new(n, scale)),
        1 => Just(Decimal::MAX),
        1 => Just(d("10000000000000000.01")),
        1 => Just(d("1000000001")),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "东城县", "", "a \"quoted\" name", "line\nbreak", "tab\tand # hash", "'single'",
            "''' triple", "back\\slash", "\u{1}\u{7f}", "]] [[x]]", "= { }",
        ])
        .prop_map(s),
        1 => "\\PC{0,8}",
    ]
}

fn row() -> impl Strategy<Value = Row> {
    prop_oneof![
        (
            proptest::option::of(decimal()),
            proptest::option::of(decimal())
        )
            .prop_map(|(target, actual)| Row::Quantitative { target, actual }),
        (any::<bool>(), proptest::option::of(decimal())).prop_map(|(complete, deduction)| {
            Row::Qualitative {
                complete,
                deduction,
            }
        }),
        decimal().prop_map(|prep| Row::Preparation { prep }),
    ]
}

fn penalty_strategy() -> impl Strategy<Value = Penalty> {
    let kind = prop_oneof![
        Just(PenaltyKind::Provincial),
        Just(PenaltyKind::Municipal),
        decimal().prop_map(PenaltyKind::Points),
    ];
    (kind, text()).prop_map(|(kind, note)| Penalty { kind, note })
}

fn role_strategy() -> impl Strategy<Value = Option<Role>> {
    prop_oneof![
        Just(None),
        Just(Some(Role::Lead)),
        Just(Some(Role::Responsible)),
        Just(Some(Role::Co)),
    ]
}

fn kind() -> impl Strategy<Value = UnitKind> {
    prop_oneof![
        4 => Just(UnitKind::County),
        2 => Just(UnitKind::Zone),
        1 => Just(UnitKind::Department),
    ]
}

fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![Just(Direction::AtLeast), Just(Direction::AtMost)]
}

/// A key of `[policy]`: mostly in range, sometimes not.
fn policy_field() -> impl Strategy<Value = PolicyField> {
    use PolicyField as F;
    let share = || {
        prop_oneof![
            4 => (0i64..=100).prop_map(|n| Decimal::new(n, 2)),
            1 => decimal(),
        ]
    };
    let count = || prop_oneof![4 => 0u32..12, 1 => any::<u32>()];
    let mode = prop::sample::select(vec![
        ShortfallMode::Proportional,
        ShortfallMode::FullSteps,
        ShortfallMode::StartedSteps,
    ]);
    prop_oneof![
        (0u32..12).prop_map(F::ScoreDecimals),
        share().prop_map(F::BonusShare),
        share().prop_map(F::ShortfallStep),
        share().prop_map(F::ShortfallRate),
        mode.prop_map(F::ShortfallMode),
        share().prop_map(F::DeductionCap),
        decimal().prop_map(F::PenaltyProvincial),
        decimal().prop_map(F::PenaltyMunicipal),
        count().prop_map(F::ComprehensiveAwards),
        count().prop_map(F::DepartmentAwards),
        any::<bool>().prop_map(F::LastPlace),
        prop::sample::select(vec![LastPlaceAmong::NotUpToStandard, LastPlaceAmong::All])
            .prop_map(F::LastPlaceAmong),
        prop::sample::select(vec![
            SingleItemVeto::FailedArea,
            SingleItemVeto::Off,
            SingleItemVeto::All
        ])
        .prop_map(F::SingleItemVeto),
        any::<bool>().prop_map(F::DepartmentBonus),
        decimal().prop_map(F::PlausibleDeviation),
        count().prop_map(F::IndividualQuotaCounty),
        count().prop_map(F::IndividualQuotaZone),
        count().prop_map(F::IndividualQuotaDepartment),
    ]
}

fn row_kind() -> impl Strategy<Value = Option<RowKind>> {
    proptest::option::of(prop::sample::select(vec![
        RowKind::Quantitative,
        RowKind::Qualitative,
    ]))
}

fn aggregate() -> impl Strategy<Value = Option<Aggregate>> {
    proptest::option::of(Just(Aggregate::Sum))
}

fn kinds() -> impl Strategy<Value = Option<Vec<UnitKind>>> {
    proptest::option::of(proptest::collection::vec(kind(), 0..3))
}

/// One field of an organisation item, its lead picked from the departments.
#[derive(Debug, Clone)]
enum OrgSeed {
    Name(String),
    Max(Decimal),
    AppliesTo(Option<Vec<UnitKind>>),
    Lead(Option<Pick>),
}

fn org_seed() -> impl Strategy<Value = OrgSeed> {
    prop_oneof![
        text().prop_map(OrgSeed::Name),
        decimal().prop_map(OrgSeed::Max),
        kinds().prop_map(OrgSeed::AppliesTo),
        proptest::option::of(pick()).prop_map(OrgSeed::Lead),
    ]
}

fn sections_field() -> impl Strategy<Value = SectionsField> {
    prop_oneof![
        decimal().prop_map(SectionsField::Total),
        proptest::option::of(decimal()).prop_map(SectionsField::Organization),
        decimal().prop_map(SectionsField::Survey),
        decimal().prop_map(SectionsField::Task),
    ]
}

fn picks() -> impl Strategy<Value = Option<Vec<Pick>>> {
    proptest::option::of(proptest::collection::vec(list_pick(), 0..4))
}

#[derive(Debug, Clone)]
enum FieldSeed {
    Name(String),
    Base(Decimal),
    Bonus(bool),
    Area(Pick),
    Measure(Option<String>),
    Direction(Direction),
    Units(Option<Vec<Pick>>),
    Pilot(Option<Vec<Pick>>),
    Kind(Option<RowKind>),
    Aggregate(Option<Aggregate>),
    Short(Option<String>),
}

#[derive(Debug, Clone)]
struct IndicatorSeed {
    id: Pick,
    area: Pick,
    name: String,
    short: Option<String>,
    base: Decimal,
    bonus: bool,
    measure: Option<String>,
    direction: Direction,
    lead: Option<Pick>,
    responsible: Vec<Pick>,
    co: Vec<Pick>,
    units: Option<Vec<Pick>>,
    pilot: Option<Vec<Pick>>,
    kind: Option<RowKind>,
    aggregate: Option<Aggregate>,
}

/// An edit to draw, its ids picked from the project it is applied to.
#[derive(Debug, Clone)]
enum Seed {
    SetSurvey(Pick, Option<Decimal>),
    SetOrg(Pick, Pick, Option<Decimal>),
    SetRow(Pick, Pick, Option<Row>),
    AddPenalty(Pick, Penalty),
    SetPenalty(Pick, usize, Penalty),
    RemovePenalty(Pick, usize),
    SetTitle(String),
    SetPolicy(PolicyField),
    SetSections(SectionsField),
    SetRole(Pick, Pick, Option<Role>),
    SetIndicator(Pick, FieldSeed),
    AddIndicator(Box<IndicatorSeed>),
    RemoveIndicator(Pick),
    AddArea(Pick, String, Decimal),
    SetAreaName(Pick, String),
    SetAreaMax(Pick, Decimal),
    RemoveArea(Pick),
    AddDepartment(Pick, String, Option<u32>),
    RenameDepartment(Pick, String),
    SetDepartmentQuota(Pick, Option<u32>),
    SetOrgItem(Pick, OrgSeed),
    RemoveDepartment(Pick),
    AddUnit(Pick, String, UnitKind),
    RenameUnit(Pick, String),
    SetUnitKind(Pick, UnitKind),
    RemoveUnit(Pick),
    /// A score-sheet edit made to the self-check sheets.
    Selfcheck(Box<Seed>),
    AddReturn(Pick, String, u32),
    RemoveReturn(usize),
}

fn field_seed() -> impl Strategy<Value = FieldSeed> {
    prop_oneof![
        text().prop_map(FieldSeed::Name),
        decimal().prop_map(FieldSeed::Base),
        any::<bool>().prop_map(FieldSeed::Bonus),
        pick().prop_map(FieldSeed::Area),
        proptest::option::of(text()).prop_map(FieldSeed::Measure),
        direction().prop_map(FieldSeed::Direction),
        picks().prop_map(FieldSeed::Units),
        picks().prop_map(FieldSeed::Pilot),
        row_kind().prop_map(FieldSeed::Kind),
        aggregate().prop_map(FieldSeed::Aggregate),
        proptest::option::of(text()).prop_map(FieldSeed::Short),
    ]
}

fn indicator_seed() -> impl Strategy<Value = IndicatorSeed> {
    (
        (new_pick(), pick(), text(), decimal(), any::<bool>()),
        (
            proptest::option::of(text()),
            direction(),
            proptest::option::of(list_pick()),
            proptest::collection::vec(list_pick(), 0..3),
            proptest::collection::vec(list_pick(), 0..3),
            picks(),
            picks(),
        ),
        (row_kind(), aggregate(), proptest::option::of(text())),
    )
        .prop_map(
            |(
                (id, area, name, base, bonus),
                (measure, direction, lead, responsible, co, units, pilot),
                (kind, aggregate, short),
            )| IndicatorSeed {
                short,
                id,
                area,
                name,
                base,
                bonus,
                measure,
                direction,
                lead,
                responsible,
                co,
                units,
                pilot,
                kind,
                aggregate,
            },
        )
}

fn seed() -> impl Strategy<Value = Seed> {
    let opt_dec = || proptest::option::of(decimal());
    prop_oneof![
        4 => (pick(), opt_dec()).prop_map(|(u, v)| Seed::SetSurvey(u, v)),
        4 => (pick(), pick(), opt_dec()).prop_map(|(u, i, v)| Seed::SetOrg(u, i, v)),
        8 => (pick(), pick(), proptest::option::of(row())).prop_map(|(u, i, r)| Seed::SetRow(u, i, r)),
        2 => (pick(), penalty_strategy()).prop_map(|(u, p)| Seed::AddPenalty(u, p)),
        2 => (pick(), 0usize..2, penalty_strategy()).prop_map(|(u, i, p)| Seed::SetPenalty(u, i, p)),
        2 => (pick(), 0usize..2).prop_map(|(u, i)| Seed::RemovePenalty(u, i)),
        1 => text().prop_map(Seed::SetTitle),
        2 => policy_field().prop_map(Seed::SetPolicy),
        1 => sections_field().prop_map(Seed::SetSections),
        4 => (pick(), pick(), role_strategy()).prop_map(|(i, dep, r)| Seed::SetRole(i, dep, r)),
        4 => (pick(), field_seed()).prop_map(|(i, f)| Seed::SetIndicator(i, f)),
        2 => indicator_seed().prop_map(|i| Seed::AddIndicator(Box::new(i))),
        1 => pick().prop_map(Seed::RemoveIndicator),
        1 => (new_pick(), text(), decimal()).prop_map(|(a, n, m)| Seed::AddArea(a, n, m)),
        1 => (pick(), text()).prop_map(|(a, n)| Seed::SetAreaName(a, n)),
        1 => (pick(), decimal()).prop_map(|(a, m)| Seed::SetAreaMax(a, m)),
        1 => pick().prop_map(Seed::RemoveArea),
        1 => (new_pick(), text(), proptest::option::of(0u32..5)).prop_map(|(a, n, q)| Seed::AddDepartment(a, n, q)),
        1 => (pick(), text()).prop_map(|(a, n)| Seed::RenameDepartment(a, n)),
        1 => (pick(), proptest::option::of(0u32..5)).prop_map(|(a, q)| Seed::SetDepartmentQuota(a, q)),
        2 => (pick(), org_seed()).prop_map(|(o, f)| Seed::SetOrgItem(o, f)),
        1 => pick().prop_map(Seed::RemoveDepartment),
        1 => (new_pick(), text(), kind()).prop_map(|(a, n, k)| Seed::AddUnit(a, n, k)),
        1 => (pick(), text()).prop_map(|(a, n)| Seed::RenameUnit(a, n)),
        1 => (pick(), kind()).prop_map(|(a, k)| Seed::SetUnitKind(a, k)),
        1 => pick().prop_map(Seed::RemoveUnit),
        3 => sheet_seed().prop_map(|s| Seed::Selfcheck(Box::new(s))),
        1 => (pick(), text(), 0u32..100).prop_map(|(u, f, n)| Seed::AddReturn(u, f, n)),
        1 => (0usize..3).prop_map(Seed::RemoveReturn),
    ]
}

/// An edit of one score sheet (what [`Seed::Selfcheck`] holds).
fn sheet_seed() -> impl Strategy<Value = Seed> {
    let opt_dec = || proptest::option::of(decimal());
    prop_oneof![
        1 => (pick(), opt_dec()).prop_map(|(u, v)| Seed::SetSurvey(u, v)),
        1 => (pick(), pick(), opt_dec()).prop_map(|(u, i, v)| Seed::SetOrg(u, i, v)),
        2 => (pick(), pick(), proptest::option::of(row())).prop_map(|(u, i, r)| Seed::SetRow(u, i, r)),
        1 => (pick(), penalty_strategy()).prop_map(|(u, p)| Seed::AddPenalty(u, p)),
        1 => (pick(), 0usize..2, penalty_strategy()).prop_map(|(u, i, p)| Seed::SetPenalty(u, i, p)),
        1 => (pick(), 0usize..2).prop_map(|(u, i)| Seed::RemovePenalty(u, i)),
    ]
}

/// The ids of a project, to pick from.
struct Ids {
    units: Vec<String>,
    departments: Vec<String>,
    scored: Vec<String>,
    indicators: Vec<String>,
    areas: Vec<String>,
    org: Vec<String>,
    /// The sheets with a penalty.
    penalised: Vec<String>,
}

impl Ids {
    fn of(p: &Project) -> Ids {
        let units: Vec<String> = p.units.iter().map(|u| u.id.clone()).collect();
        let departments: Vec<String> = p.departments.iter().map(|d| d.id.clone()).collect();
        Ids {
            scored: units.iter().chain(&departments).cloned().collect(),
            units,
            departments,
            indicators: p.indicators.iter().map(|i| i.id.clone()).collect(),
            areas: p.areas.iter().map(|a| a.id.clone()).collect(),
            org: p.organization.iter().map(|o| o.id.clone()).collect(),
            penalised: p
                .scores
                .iter()
                .filter(|(_, s)| !s.penalties.is_empty())
                .map(|(id, _)| id.clone())
                .collect(),
        }
    }
}

/// A new id: a taken one when the pick is `Existing` (so that adding it is a no-op).
fn new_id(pick: &Pick, taken: &[String], prefix: &str) -> String {
    match pick {
        Pick::Missing(n) => format!("{prefix}-{n}"),
        other => other.of(taken),
    }
}

fn resolve(seed: &Seed, p: &Project) -> Edit {
    let ids = Ids::of(p);
    let list = |picks: &[Pick], from: &[String]| -> Vec<String> {
        picks.iter().map(|pk| pk.of(from)).collect()
    };
    match seed.clone() {
        Seed::SetSurvey(u, value) => Edit::SetSurvey {
            unit: u.of(&ids.scored),
            value,
        },
        Seed::SetOrg(u, i, value) => Edit::SetOrg {
            unit: u.of(&ids.scored),
            item: i.of(&ids.org),
            value,
        },
        Seed::SetRow(u, i, row) => Edit::SetRow {
            unit: u.of(&ids.scored),
            indicator: i.of(&ids.indicators),
            row,
        },
        Seed::AddPenalty(u, penalty) => Edit::AddPenalty {
            unit: u.of(&ids.scored),
            penalty,
        },
        Seed::SetPenalty(u, index, penalty) => Edit::SetPenalty {
            unit: u.of(&ids.penalised),
            index,
            penalty,
        },
        Seed::RemovePenalty(u, index) => Edit::RemovePenalty {
            unit: u.of(&ids.penalised),
            index,
        },
        Seed::SetTitle(title) => Edit::SetTitle { title },
        Seed::SetPolicy(field) => Edit::SetPolicy { field },
        Seed::SetSections(field) => Edit::SetSections { field },
        Seed::SetRole(i, dep, role) => Edit::SetRole {
            indicator: i.of(&ids.indicators),
            department: dep.of(&ids.departments),
            role,
        },
        Seed::SetIndicator(i, field) => Edit::SetIndicator {
            id: i.of(&ids.indicators),
            field: match field {
                FieldSeed::Name(n) => IndicatorField::Name(n),
                FieldSeed::Base(b) => IndicatorField::Base(b),
                FieldSeed::Bonus(b) => IndicatorField::Bonus(b),
                FieldSeed::Area(a) => IndicatorField::Area(a.of(&ids.areas)),
                FieldSeed::Measure(m) => IndicatorField::Measure(m),
                FieldSeed::Direction(dir) => IndicatorField::Direction(dir),
                FieldSeed::Units(u) => IndicatorField::Units(u.map(|u| list(&u, &ids.units))),
                FieldSeed::Pilot(u) => IndicatorField::Pilot(u.map(|u| list(&u, &ids.units))),
                FieldSeed::Kind(k) => IndicatorField::Kind(k),
                FieldSeed::Aggregate(a) => IndicatorField::Aggregate(a),
                FieldSeed::Short(a) => IndicatorField::Short(a),
            },
        },
        Seed::AddIndicator(i) => Edit::AddIndicator {
            indicator: Indicator {
                id: new_id(&i.id, &ids.indicators, "ind"),
                area: i.area.of(&ids.areas),
                name: i.name,
                short: i.short,
                base: i.base,
                bonus: i.bonus,
                measure: i.measure,
                direction: i.direction,
                lead: i.lead.map(|l| l.of(&ids.departments)),
                responsible: list(&i.responsible, &ids.departments),
                co: list(&i.co, &ids.departments),
                units: i.units.map(|u| list(&u, &ids.units)),
                pilot: i.pilot.map(|u| list(&u, &ids.units)),
                kind: i.kind,
                aggregate: i.aggregate,
            },
        },
        Seed::RemoveIndicator(i) => Edit::RemoveIndicator {
            id: i.of(&ids.indicators),
        },
        Seed::AddArea(a, name, max) => Edit::AddArea {
            area: Area {
                id: new_id(&a, &ids.areas, "area"),
                name,
                short: None,
                max,
            },
        },
        Seed::SetAreaName(a, name) => Edit::SetArea {
            id: a.of(&ids.areas),
            field: AreaField::Name(name),
        },
        Seed::SetAreaMax(a, max) => Edit::SetArea {
            id: a.of(&ids.areas),
            field: AreaField::Max(max),
        },
        Seed::RemoveArea(a) => Edit::RemoveArea {
            id: a.of(&ids.areas),
        },
        Seed::AddDepartment(dep, name, quota) => Edit::AddDepartment {
            department: Department {
                id: new_id(&dep, &ids.scored, "dept"),
                name,
                quota,
            },
        },
        Seed::SetDepartmentQuota(dep, quota) => Edit::SetDepartment {
            id: dep.of(&ids.departments),
            field: DepartmentField::Quota(quota),
        },
        Seed::SetOrgItem(o, field) => Edit::SetOrgItem {
            id: o.of(&ids.org),
            field: match field {
                OrgSeed::Name(n) => OrgItemField::Name(n),
                OrgSeed::Max(m) => OrgItemField::Max(m),
                OrgSeed::AppliesTo(k) => OrgItemField::AppliesTo(k),
                OrgSeed::Lead(l) => OrgItemField::Lead(l.map(|l| l.of(&ids.departments))),
            },
        },
        Seed::RenameDepartment(dep, name) => Edit::SetDepartment {
            id: dep.of(&ids.departments),
            field: DepartmentField::Name(name),
        },
        Seed::RemoveDepartment(dep) => Edit::RemoveDepartment {
            id: dep.of(&ids.departments),
        },
        Seed::AddUnit(u, name, kind) => Edit::AddUnit {
            unit: Unit {
                id: new_id(&u, &ids.scored, "unit"),
                name,
                kind,
            },
        },
        Seed::RenameUnit(u, name) => Edit::SetUnit {
            id: u.of(&ids.units),
            field: UnitField::Name(name),
        },
        Seed::SetUnitKind(u, kind) => Edit::SetUnit {
            id: u.of(&ids.units),
            field: UnitField::Kind(kind),
        },
        Seed::RemoveUnit(u) => Edit::RemoveUnit {
            id: u.of(&ids.units),
        },
        Seed::Selfcheck(inner) => {
            // Penalties are picked among the self-check sheets' own.
            let mut swapped = p.clone();
            std::mem::swap(&mut swapped.scores, &mut swapped.selfcheck);
            Edit::Selfcheck {
                edit: Box::new(resolve(&inner, &swapped)),
            }
        }
        Seed::AddReturn(u, file, rows) => Edit::AddReturn {
            entry: ReturnEntry {
                file,
                sha256: "0".repeat(64),
                from: u.of(&ids.scored),
                step: "assessment".into(),
                into: SheetKind::Selfcheck,
                received: toml_edit::Date {
                    year: 2027,
                    month: 1,
                    day: 18,
                },
                rows,
            },
        },
        Seed::RemoveReturn(index) => Edit::RemoveReturn { index },
    }
}

/// Applies a sequence of drawn edits to a file, checking after each one that
/// - the edited document loads as the edited project (same entries in the same order);
/// - it gives the same text whether the document was kept in memory from the start or
///   parsed afresh from the previous text;
/// - its text parses and prints back byte for byte;
/// - an edit that leaves the project exactly as it was leaves the text as it was.
fn run(start: &str, seeds: &[Seed]) -> Result<(), TestCaseError> {
    let mut project = project_of(start);
    let mut kept: DocumentMut = start.parse().unwrap();
    prop_assert_eq!(kept.to_string(), start);
    let mut text = start.to_string();
    for seed in seeds {
        let edit = resolve(seed, &project);
        let before = format!("{project:?}");
        apply_to_project(&mut project, &edit);
        apply_to_document(&mut kept, &edit);
        let mut fresh: DocumentMut = text.parse().unwrap();
        apply_to_document(&mut fresh, &edit);
        let new_text = fresh.to_string();
        prop_assert_eq!(
            &kept.to_string(),
            &new_text,
            "kept and fresh documents differ after {:?}",
            edit
        );
        let loaded = load(&new_text).project;
        prop_assert!(loaded.is_some(), "does not load after {:?}", edit);
        let loaded = loaded.unwrap();
        prop_assert_eq!(
            &loaded,
            &project,
            "disagree after {:?}:\n{}",
            edit,
            new_text
        );
        assert_same_order(&loaded, &project);
        let reparsed: DocumentMut = new_text.parse().unwrap();
        prop_assert_eq!(reparsed.to_string(), new_text.clone());
        if format!("{project:?}") == before {
            prop_assert_eq!(
                &new_text,
                &text,
                "a no-op edit changed the text: {:?}",
                edit
            );
        }
        text = new_text;
    }
    Ok(())
}

/// `default` cases a run (each is a sequence of edits); `PROPTEST_CASES` asks for more.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

proptest! {
    // The two large files: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(cases(24)))]

    #[test]
    fn agreement_on_the_demo(seeds in proptest::collection::vec(seed(), 1..10)) {
        run(DEMO, &seeds)?;
    }

    #[test]
    fn agreement_on_the_template(seeds in proptest::collection::vec(seed(), 1..16)) {
        run(TEMPLATE, &seeds)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    #[test]
    fn agreement_on_the_worked_example(seeds in proptest::collection::vec(seed(), 1..16)) {
        run(WORKED, &seeds)?;
    }

    #[test]
    fn agreement_on_other_layouts(seeds in proptest::collection::vec(seed(), 1..16)) {
        run(LAYOUTS, &seeds)?;
    }

    #[test]
    fn agreement_on_a_written_project(seeds in proptest::collection::vec(seed(), 1..10)) {
        run(&to_toml(&project_of(WORKED)), &seeds)?;
    }

    #[test]
    fn never_panics_on_odd_files(
        text in prop::sample::select(ODD_FILES.to_vec()),
        seeds in proptest::collection::vec(seed(), 1..8),
    ) {
        let mut doc: DocumentMut = text.parse().unwrap();
        let mut project = load(text).project.unwrap_or_default();
        for seed in &seeds {
            let edit = resolve(seed, &project);
            apply_to_document(&mut doc, &edit);
            apply_to_project(&mut project, &edit);
            // Whatever the edit did, the document still prints as TOML.
            let printed = doc.to_string();
            prop_assert!(printed.parse::<DocumentMut>().is_ok(), "{}", printed);
        }
    }
}

/// Files that are TOML but not good projects: what should be tables is not.
const ODD_FILES: &[&str] = &[
    "",
    "units = 5\ndepartments = \"x\"\nindicators = [1, 2]\nscores = 3\n",
    "units = [{ id = \"jia\", name = \"甲\" }, 5]\n[scores]\njia = 5\n",
    "units = [{ id = \"jia\", name = \"甲\" }]\nindicators = [{ id = \"i\", area = \"a\", responsible = \"x\", units = 3 }]\n[scores.jia]\norganization = 1\nindicators = [1]\npenalties = { a = 1 }\n",
    "units = [{ id = \"jia\", name = \"甲\" }]\nareas = [{ id = \"a\", name = \"A\", max = 1 }]\nindicators = [{ id = \"i\", area = \"a\" }]\n[scores.jia.indicators]\ni = 5\n[[scores.jia.penalties]]\nlevel = 1\n",
    "[[units]]\nid = \"jia\"\nname = \"甲\"\n[[departments]]\nid = \"jia\"\nname = \"clash\"\n[scores.jia]\nsurvey = \"abc\"\n",
    "scores = { jia = { survey = 1 } }\nunits = [{ id = \"jia\", name = \"甲\" }]\n",
    "[[scores]]\nsurvey = 1\n",
    "units = [{ id = \"jia\", name = \"x\" }]\n[[scores.jia.indicators]]\nnew = 1\n[[scores.jia.organization]]\n",
    "units = [{ id = \"jia\" }]\nindicators = [{ id = \"i\", area = \"a\" }]\norganization = [{ id = \"o\" }]\n\
     scores.jia.indicators.i = 5\nscores.jia.organization = [1]\nscores.jia.penalties = [1, { level = 2 }]\n",
    "indicators = { id = \"i\" }\nunits = { jia = 1 }\nareas = [[1]]\nawards = [{ areas = 1, lead = 2 }]\n",
    "policy = 5\nsections = [1]\n",
    "policy.bonus_share = 0.3\nsections = { total = 1 }\n[[policy.x]]\n",
];

// ---- golden: edits to the demo and the lines they change -------------------------------

#[track_caller]
fn golden(edits: &[Edit], expected: &[&str]) -> String {
    let after = agree(DEMO, edits);
    let got = diff(DEMO, &after);
    assert_eq!(got, expected, "diff:\n{}", got.join("\n"));
    after
}

#[test]
fn golden_setting_an_actual_changes_one_number() {
    golden(
        &[Edit::SetRow {
            unit: s("jia"),
            indicator: s("new-jobs"),
            row: quant("6000", "6800"),
        }],
        &[
            "-new-jobs          = { target = 6000, actual = 6720 }",
            "+new-jobs          = { target = 6000, actual = 6800 }",
        ],
    );
}

#[test]
fn golden_changing_a_rows_kind_keeps_its_comment() {
    golden(
        &[Edit::SetRow {
            unit: s("yi"),
            indicator: s("new-jobs"),
            row: Some(Row::Qualitative {
                complete: false,
                deduction: Some(d("0.5")),
            }),
        }],
        &[
            "-new-jobs          = { target = 5000, actual = 4750 }  # 5% short: vetoed (一票否决)",
            "+new-jobs          = { status = \"incomplete\", deduction = 0.5 }  # 5% short: vetoed (一票否决)",
        ],
    );
}

#[test]
fn golden_removing_a_row_removes_its_line() {
    golden(
        &[Edit::SetRow {
            unit: s("zone"),
            indicator: s("rural-pension"),
            row: None,
        }],
        &["-rural-pension    = { prep = 1.5 }  # not a pilot county: preparation work"],
    );
}

#[test]
fn golden_survey_and_organisation() {
    golden(
        &[
            Edit::SetSurvey {
                unit: s("jia"),
                value: Some(d("5.75")),
            },
            Edit::SetOrg {
                unit: s("jia"),
                item: s("funding"),
                value: Some(d("3")),
            },
        ],
        &[
            "-survey = 5.8",
            "-organization = { leadership = 2, measures = 1, breakdown = 0.5, funding = 3.5 }",
            "+survey = 5.75",
            "+organization = { leadership = 2, measures = 1, breakdown = 0.5, funding = 3 }",
        ],
    );
}

#[test]
fn golden_a_new_sheet_goes_at_the_end() {
    let after = golden(
        &[
            Edit::SetSurvey {
                unit: s("construction"),
                value: Some(d("5.1")),
            },
            Edit::SetRow {
                unit: s("construction"),
                indicator: s("school-renovation"),
                row: quant("100", "110"),
            },
        ],
        &[
            "+",
            "+[scores.construction]",
            "+survey = 5.1",
            "+",
            "+[scores.construction.indicators]",
            "+school-renovation = { target = 100, actual = 110 }",
        ],
    );
    assert!(after.ends_with(
        "urban-medical = { target = 854000, actual = 910030 }\n\n[scores.construction]\nsurvey = 5.1\n\n\
         [scores.construction.indicators]\nschool-renovation = { target = 100, actual = 110 }\n"
    ));
}

#[test]
fn golden_penalties() {
    golden(
        &[
            Edit::AddPenalty {
                unit: s("jia"),
                penalty: penalty(PenaltyKind::Municipal, "台账不全"),
            },
            Edit::AddPenalty {
                unit: s("zone"),
                penalty: penalty(PenaltyKind::Points(d("0.5")), "另扣"),
            },
            Edit::SetPenalty {
                unit: s("housing"),
                index: 0,
                penalty: penalty(
                    PenaltyKind::Provincial,
                    "棚户区改造项目开工滞后，被省住建厅通报批评",
                ),
            },
        ],
        &[
            "+penalties = [ { level = \"municipal\", note = \"台账不全\" } ]",
            "-penalties = [ { level = \"provincial\", note = \"农村低保应保尽保落实不到位，被省政府通报批评\" } ]",
            "+penalties = [ { level = \"provincial\", note = \"农村低保应保尽保落实不到位，被省政府通报批评\" }, { points = 0.5, note = \"另扣\" } ]",
            "-penalties = [ { level = \"municipal\", note = \"棚户区改造项目开工滞后，被省住建厅通报批评\" } ]",
            "+penalties = [ { level = \"provincial\", note = \"棚户区改造项目开工滞后，被省住建厅通报批评\" } ]",
        ],
    );
    golden(
        &[Edit::RemovePenalty {
            unit: s("zone"),
            index: 0,
        }],
        &[
            "-penalties = [ { level = \"provincial\", note = \"农村低保应保尽保落实不到位，被省政府通报批评\" } ]",
        ],
    );
}

#[test]
fn golden_roles() {
    golden(
        &[
            Edit::SetRole {
                indicator: s("reemployment"),
                department: s("finance"),
                role: Some(Role::Co),
            },
            Edit::SetRole {
                indicator: s("new-jobs"),
                department: s("finance"),
                role: None,
            },
            Edit::SetRole {
                indicator: s("biogas"),
                department: s("agriculture"),
                role: Some(Role::Lead),
            },
        ],
        &[
            "-co = [\"finance\"]",
            "+co = [\"finance\"]",
            "-lead = \"ndrc\"",
            "-responsible = [\"agriculture\", \"ndrc\"]",
            "+lead = \"agriculture\"",
            "+responsible = [\"ndrc\"]",
        ],
    );
}

#[test]
fn golden_renames_change_one_line() {
    golden(
        &[
            Edit::SetUnit {
                id: s("jia"),
                field: UnitField::Name(s("东城区")),
            },
            Edit::SetUnit {
                id: s("wu"),
                field: UnitField::Kind(UnitKind::Zone),
            },
            Edit::SetDepartment {
                id: s("hrss"),
                field: DepartmentField::Name(s("市人力资源和社会保障局")),
            },
            Edit::SetArea {
                id: s("edu-health"),
                field: AreaField::Max(d("13")),
            },
            Edit::SetTitle {
                title: s("2027年度民生工程目标管理考评"),
            },
        ],
        &[
            "-title = \"2026年度民生工程目标管理考评\"",
            "+title = \"2027年度民生工程目标管理考评\"",
            "-name = \"市人社局\"               # the regulation's 市人保 (human resources & social security)",
            "+name = \"市人力资源和社会保障局\"               # the regulation's 市人保 (human resources & social security)",
            "-name = \"东城县\"",
            "+name = \"东城区\"",
            "-kind = \"county\"",
            "+kind = \"zone\"",
            "-max = 13.5",
            "+max = 13",
        ],
    );
}

#[test]
fn golden_adding_a_unit_and_an_indicator() {
    let after = agree(
        DEMO,
        &[
            Edit::AddUnit {
                unit: Unit {
                    id: s("ji"),
                    name: s("新县"),
                    kind: UnitKind::County,
                },
            },
            Edit::AddIndicator {
                indicator: Indicator {
                    id: s("skills"),
                    area: s("employment"),
                    name: s("职业技能培训"),
                    base: d("1.5"),
                    measure: Some(s("人次")),
                    lead: Some(s("hrss")),
                    responsible: vec![s("hrss")],
                    ..Indicator::default()
                },
            },
        ],
    );
    assert!(after.contains(
        "kind = \"zone\"                   # ranked with the counties\n\n\
         [[units]]\nid = \"ji\"\nname = \"新县\"\nkind = \"county\"\n\n\
         # ---- 任务完成"
    ));
    assert!(after.contains(
        "direction = \"at_most\"           # a ceiling: less is better\nlead = \"hrss\"\nresponsible = [\"hrss\"]\n\n\
         [[indicators]]\nid = \"skills\"\narea = \"employment\"\nname = \"职业技能培训\"\nbase = 1.5\n\
         measure = \"人次\"\nlead = \"hrss\"\nresponsible = [\"hrss\"]\n\n# 社会保险 (lead: 市人保)\n"
    ));
    assert!(diff(DEMO, &after).iter().all(|l| l.starts_with('+')));
}

#[test]
fn golden_removing_keeps_the_comments_of_what_stays() {
    for edit in [
        Edit::RemoveIndicator { id: s("new-jobs") },
        Edit::RemoveUnit { id: s("jia") },
        Edit::RemoveDepartment { id: s("hrss") },
        Edit::RemoveArea {
            id: s("employment"),
        },
    ] {
        let after = agree(DEMO, std::slice::from_ref(&edit));
        // Every comment line of the demo that is not inside what was removed survives.
        let removed_sheet = match &edit {
            Edit::RemoveUnit { id } | Edit::RemoveDepartment { id } => Some(id.as_str()),
            _ => None,
        };
        // Removing an area removes its indicators' rows, and with them the comment that
        // heads those rows in each sheet.
        let only_scheme = matches!(edit, Edit::RemoveArea { .. });
        for line in comments_outside(DEMO, removed_sheet, only_scheme) {
            assert!(after.contains(line), "{edit:?} lost the comment {line:?}");
        }
    }
}

/// The comment lines of a file, but those inside `[scores.<sheet>...]` (which are removed
/// with it), or inside any `[scores...]` table when `only_scheme`.
fn comments_outside<'t>(text: &'t str, sheet: Option<&str>, only_scheme: bool) -> Vec<&'t str> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with('[') {
            inside = (only_scheme && line.starts_with("[scores."))
                || sheet.is_some_and(|id| {
                    line.starts_with(&format!("[scores.{id}]"))
                        || line.starts_with(&format!("[scores.{id}."))
                });
        }
        if line.trim_start().starts_with('#') && !inside {
            out.push(line);
        }
    }
    out
}

#[test]
fn golden_removing_an_indicator_hands_the_group_heading_down() {
    golden(
        &[Edit::RemoveIndicator { id: s("wubao") }],
        &[
            "-id = \"wubao\"",
            "-area = \"assistance\"",
            "-name = \"农村五保对象集中供养人数\"",
            "-base = 4",
            "-bonus = true",
            "-measure = \"人\"",
            "-lead = \"civil\"",
            "-responsible = [\"civil\"]",
            "-co = [\"finance\"]",
            "-aggregate = \"sum\"",
            "-",
            "-[[indicators]]",
            "-wubao           = { target = 1220, actual = 1318 }",
            "-wubao           = { target = 1000, actual = 1100 }",
            "-wubao           = { target = 870, actual = 905 }",
            "-wubao           = { target = 1140, actual = 1208 }",
            "-wubao           = { target = 760, actual = 851 }",
            "-wubao           = { target = 120, actual = 120 }",
            "-wubao             = { target = 5110, actual = 5502 }",
            // … and from every self-check sheet.
            "-wubao = { target = 1220, actual = 1318 }",
            "-wubao = { target = 1000, actual = 1100 }",
            "-wubao = { target = 870, actual = 905 }",
            "-wubao = { target = 1140, actual = 1208 }",
            "-wubao = { target = 760, actual = 851 }",
            "-wubao = { target = 120, actual = 120 }",
        ],
    );
    // The first indicator of an area carries the area's heading; removing it hands the
    // heading to the next one.
    let after_first = agree(
        DEMO,
        &[Edit::RemoveIndicator {
            id: s("urban-dibao"),
        }],
    );
    assert!(
        after_first.contains("# 社会救助 (lead: 市民政)\n[[indicators]]\nid = \"rural-dibao\"")
    );
    assert!(
        after_first
            .contains("# 社会救助 social assistance\nrural-dibao     = { status = \"complete\" }")
    );
}

#[test]
fn golden_untouched_documents_print_back_byte_for_byte() {
    for text in [DEMO, TEMPLATE, WORKED, LAYOUTS] {
        assert_eq!(text.parse::<DocumentMut>().unwrap().to_string(), text);
        assert_eq!(edited(text, &[]), text);
    }
}

#[test]
fn the_other_layouts_load_cleanly() {
    let outcome = load(LAYOUTS);
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    let p = outcome.project.unwrap();
    assert_eq!(p.scores["yi"].penalties.len(), 2);
    assert_eq!(p.scores["hrss"].indicators.len(), 2);
    assert_eq!(p.scores["jia"].indicators.len(), 2);
    assert_eq!(p.scores["civil"].indicators.len(), 1);
    assert_eq!(
        p.scores["yi"].indicators["rural-pension"],
        Row::Preparation { prep: d("1.5") }
    );
}

// ---- each kind of edit, on hand-written snippets ------------------------------------------

/// A small scheme; the snippets below add score sheets to it.
const HEAD: &str = r#"format = "kaoping/1"

[sections]
total = 100
survey = 6
task = 88

[[organization]]
id = "leadership"
name = "组织领导"
max = 2

[[organization]]
id = "funding"
name = "资金安排"
max = 3.5

[[departments]]
id = "hrss"
name = "市人社局"

[[units]]
id = "jia"
name = "甲县"
kind = "county"

[[areas]]
id = "employment"
name = "就业和创业"
max = 6

[[indicators]]
id = "new-jobs"
area = "employment"
name = "城镇新增就业"
base = 4

[[indicators]]
id = "training"
area = "employment"
name = "创业培训"
base = 2
"#;

/// [`check`] on `HEAD` followed by the snippets.
#[track_caller]
fn check_sheet(before: &str, edits: &[Edit], after: &str) {
    check(&format!("{HEAD}{before}"), edits, &format!("{HEAD}{after}"));
}

fn survey(unit: &str, value: Option<&str>) -> Edit {
    Edit::SetSurvey {
        unit: s(unit),
        value: value.map(d),
    }
}

fn org(unit: &str, item: &str, value: Option<&str>) -> Edit {
    Edit::SetOrg {
        unit: s(unit),
        item: s(item),
        value: value.map(d),
    }
}

fn set_row(unit: &str, indicator: &str, row: Option<Row>) -> Edit {
    Edit::SetRow {
        unit: s(unit),
        indicator: s(indicator),
        row,
    }
}

#[test]
fn set_survey_in_place_keeps_spacing_and_comment() {
    check_sheet(
        "\n[scores.jia]\nsurvey   = 5.5  # 群众测评\n",
        &[survey("jia", Some("5.62"))],
        "\n[scores.jia]\nsurvey   = 5.62  # 群众测评\n",
    );
}

#[test]
fn set_survey_none_removes_the_line() {
    check_sheet(
        "\n[scores.jia]\nsurvey = 5.5\norganization = { leadership = 2 }\n",
        &[survey("jia", None)],
        "\n[scores.jia]\norganization = { leadership = 2 }\n",
    );
}

#[test]
fn set_survey_to_what_is_written_changes_nothing() {
    let text = format!("{HEAD}\n[scores.jia]\nsurvey = \"5.50\"\n");
    unchanged(&text, &[survey("jia", Some("5.50"))]);
    // Another scale is another literal.
    check_sheet(
        "\n[scores.jia]\nsurvey = \"5.50\"\n",
        &[survey("jia", Some("5.5"))],
        "\n[scores.jia]\nsurvey = 5.5\n",
    );
}

#[test]
fn set_survey_creates_the_sheet_at_the_end() {
    check_sheet(
        "",
        &[survey("jia", Some("5")), survey("hrss", Some("4.5"))],
        "\n[scores.jia]\nsurvey = 5\n\n[scores.hrss]\nsurvey = 4.5\n",
    );
    // A new value goes before the sheet's other keys, in the order of SPEC §2.
    check_sheet(
        "\n[scores.jia]\norganization = { leadership = 2 }\n",
        &[survey("jia", Some("5"))],
        "\n[scores.jia]\nsurvey = 5\norganization = { leadership = 2 }\n",
    );
}

#[test]
fn set_survey_on_nobody_changes_nothing() {
    unchanged(HEAD, &[survey("nobody", Some("5")), survey("jia", None)]);
}

#[test]
fn set_org_changes_one_number_of_the_inline_table() {
    check_sheet(
        "\n[scores.jia]\norganization = { leadership = 2, funding = 3.5 }  # 组织实施\n",
        &[org("jia", "funding", Some("3.25"))],
        "\n[scores.jia]\norganization = { leadership = 2, funding = 3.25 }  # 组织实施\n",
    );
}

#[test]
fn set_org_adds_items_in_the_schemes_order() {
    check_sheet(
        "\n[scores.jia]\norganization = { funding = 3 }\n",
        &[org("jia", "leadership", Some("2"))],
        "\n[scores.jia]\norganization = { leadership = 2, funding = 3 }\n",
    );
    check_sheet(
        "\n[scores.jia]\nsurvey = 5\n\n[scores.jia.indicators]\ntraining = {}\n",
        &[org("jia", "funding", Some("3"))],
        "\n[scores.jia]\nsurvey = 5\norganization = { funding = 3 }\n\n[scores.jia.indicators]\ntraining = {}\n",
    );
}

#[test]
fn set_org_none_removes_the_item() {
    check_sheet(
        "\n[scores.jia]\norganization = { leadership = 2, funding = 3 }\n",
        &[org("jia", "leadership", None)],
        "\n[scores.jia]\norganization = { funding = 3 }\n",
    );
    check_sheet(
        "\n[scores.jia]\norganization = { leadership = 2 }\n",
        &[org("jia", "leadership", None)],
        "\n[scores.jia]\norganization = {}\n",
    );
}

#[test]
fn set_org_of_an_unknown_item_changes_nothing() {
    let text = format!("{HEAD}\n[scores.jia]\norganization = {{ leadership = 2 }}\n");
    unchanged(
        &text,
        &[
            org("jia", "nothing", Some("1")),
            org("nobody", "leadership", Some("1")),
        ],
    );
}

#[test]
fn set_row_changes_only_the_value() {
    check_sheet(
        "\n[scores.jia.indicators]\nnew-jobs = { target = 1000, actual = 1200 }  # comment\n",
        &[set_row("jia", "new-jobs", quant("1000", "1250.5"))],
        "\n[scores.jia.indicators]\nnew-jobs = { target = 1000, actual = 1250.5 }  # comment\n",
    );
    check_sheet(
        "\n[scores.jia.indicators]\nnew-jobs = { target = 1000 }\n",
        &[set_row("jia", "new-jobs", quant("1000", "1200"))],
        "\n[scores.jia.indicators]\nnew-jobs = { target = 1000, actual = 1200 }\n",
    );
    check_sheet(
        "\n[scores.jia.indicators]\nnew-jobs = { target = 1000, actual = 1200 }\n",
        &[set_row(
            "jia",
            "new-jobs",
            Some(Row::Quantitative {
                target: None,
                actual: Some(d("1200")),
            }),
        )],
        "\n[scores.jia.indicators]\nnew-jobs = { actual = 1200 }\n",
    );
}

#[test]
fn set_row_of_another_kind_replaces_the_inline_table_in_place() {
    check_sheet(
        "\n[scores.jia.indicators]\n# 就业\nnew-jobs = { target = 1000, actual = 1200 }  # comment\ntraining = {}\n",
        &[set_row(
            "jia",
            "new-jobs",
            Some(Row::Qualitative {
                complete: false,
                deduction: Some(d("0.8")),
            }),
        )],
        "\n[scores.jia.indicators]\n# 就业\nnew-jobs = { status = \"incomplete\", deduction = 0.8 }  # comment\ntraining = {}\n",
    );
    check_sheet(
        "\n[scores.jia.indicators]\nnew-jobs = { status = \"complete\" }\n",
        &[set_row(
            "jia",
            "new-jobs",
            Some(Row::Preparation { prep: d("2.5") }),
        )],
        "\n[scores.jia.indicators]\nnew-jobs = { prep = 2.5 }\n",
    );
    check_sheet(
        "\n[scores.jia.indicators]\nnew-jobs = { prep = 2.5 }  # c\n",
        &[set_row("jia", "new-jobs", Some(Row::pending()))],
        "\n[scores.jia.indicators]\nnew-jobs = {}  # c\n",
    );
}

#[test]
fn set_row_none_removes_the_line_but_not_the_group_comment() {
    check_sheet(
        "\n[scores.jia.indicators]\n# 就业\nnew-jobs = { target = 1, actual = 1 }\ntraining = { target = 2, actual = 2 }\n",
        &[set_row("jia", "new-jobs", None)],
        "\n[scores.jia.indicators]\n# 就业\ntraining = { target = 2, actual = 2 }\n",
    );
}

#[test]
fn set_row_adds_rows_in_the_schemes_order() {
    check_sheet(
        "\n[scores.jia]\nsurvey = 5\n\n[scores.jia.indicators]\ntraining = { target = 2, actual = 2 }\n",
        &[set_row("jia", "new-jobs", quant("1", "1"))],
        "\n[scores.jia]\nsurvey = 5\n\n[scores.jia.indicators]\nnew-jobs = { target = 1, actual = 1 }\ntraining = { target = 2, actual = 2 }\n",
    );
    // A sheet without rows gets its [scores.<id>.indicators] table.
    check_sheet(
        "\n[scores.jia]\nsurvey = 5\n",
        &[set_row("jia", "training", quant("2", "3"))],
        "\n[scores.jia]\nsurvey = 5\n\n[scores.jia.indicators]\ntraining = { target = 2, actual = 3 }\n",
    );
    // No sheet at all: both tables, at the end.
    check_sheet(
        "",
        &[set_row(
            "jia",
            "training",
            Some(Row::Qualitative {
                complete: true,
                deduction: None,
            }),
        )],
        "\n[scores.jia]\n\n[scores.jia.indicators]\ntraining = { status = \"complete\" }\n",
    );
}

#[test]
fn set_row_in_row_tables_changes_keys() {
    check_sheet(
        "\n[scores.jia.indicators.new-jobs]\ntarget = 1_000\nactual = 1200  # c\n",
        &[set_row("jia", "new-jobs", quant("1000", "1300"))],
        "\n[scores.jia.indicators.new-jobs]\ntarget = 1_000\nactual = 1300  # c\n",
    );
    check_sheet(
        "\n[scores.jia.indicators.new-jobs]\ntarget = 1_000\nactual = 1200\n",
        &[
            set_row(
                "jia",
                "new-jobs",
                Some(Row::Qualitative {
                    complete: true,
                    deduction: None,
                }),
            ),
            set_row("jia", "training", quant("5", "6")),
        ],
        "\n[scores.jia.indicators.new-jobs]\nstatus = \"complete\"\n\n[scores.jia.indicators.training]\ntarget = 5\nactual = 6\n",
    );
}

#[test]
fn set_row_of_an_unknown_indicator_or_unit_changes_nothing() {
    unchanged(
        HEAD,
        &[
            set_row("jia", "nothing", quant("1", "1")),
            set_row("nobody", "training", quant("1", "1")),
            set_row("jia", "training", None),
        ],
    );
}

#[test]
fn add_penalty_creates_the_list_before_the_rows() {
    check_sheet(
        "\n[scores.jia]\nsurvey = 5\norganization = { leadership = 2 }\n\n[scores.jia.indicators]\ntraining = {}\n",
        &[Edit::AddPenalty {
            unit: s("jia"),
            penalty: penalty(PenaltyKind::Provincial, "省政府通报"),
        }],
        "\n[scores.jia]\nsurvey = 5\norganization = { leadership = 2 }\npenalties = [ { level = \"provincial\", note = \"省政府通报\" } ]\n\n[scores.jia.indicators]\ntraining = {}\n",
    );
}

#[test]
fn add_penalty_appends_in_the_lists_layout() {
    check_sheet(
        "\n[scores.jia]\npenalties = [ { level = \"provincial\", note = \"a\" },\n              { level = \"municipal\", note = \"b\" } ]\n",
        &[Edit::AddPenalty {
            unit: s("jia"),
            penalty: penalty(PenaltyKind::Points(d("0.5")), "c"),
        }],
        "\n[scores.jia]\npenalties = [ { level = \"provincial\", note = \"a\" },\n              { level = \"municipal\", note = \"b\" },\n              { points = 0.5, note = \"c\" } ]\n",
    );
    check_sheet(
        "\n[scores.jia]\nsurvey = 5\n\n[[scores.jia.penalties]]\nlevel = \"municipal\"\nnote = \"a\"\n\n[scores.jia.indicators]\ntraining = {}\n",
        &[Edit::AddPenalty {
            unit: s("jia"),
            penalty: penalty(PenaltyKind::Provincial, "b"),
        }],
        "\n[scores.jia]\nsurvey = 5\n\n[[scores.jia.penalties]]\nlevel = \"municipal\"\nnote = \"a\"\n\n[[scores.jia.penalties]]\nlevel = \"provincial\"\nnote = \"b\"\n\n[scores.jia.indicators]\ntraining = {}\n",
    );
}

#[test]
fn set_penalty_changes_what_differs() {
    let before = "\n[scores.jia]\npenalties = [ { level = \"provincial\", note = \"a\" }, { level = \"municipal\", note = \"b\" } ]\n";
    check_sheet(
        before,
        &[Edit::SetPenalty {
            unit: s("jia"),
            index: 1,
            penalty: penalty(PenaltyKind::Municipal, "b, corrected"),
        }],
        "\n[scores.jia]\npenalties = [ { level = \"provincial\", note = \"a\" }, { level = \"municipal\", note = \"b, corrected\" } ]\n",
    );
    check_sheet(
        before,
        &[Edit::SetPenalty {
            unit: s("jia"),
            index: 0,
            penalty: penalty(PenaltyKind::Points(d("1.5")), "a"),
        }],
        "\n[scores.jia]\npenalties = [ { points = 1.5, note = \"a\" }, { level = \"municipal\", note = \"b\" } ]\n",
    );
    unchanged(
        &format!("{HEAD}{before}"),
        &[Edit::SetPenalty {
            unit: s("jia"),
            index: 2,
            penalty: penalty(PenaltyKind::Provincial, "x"),
        }],
    );
}

#[test]
fn remove_penalty_removes_the_element_and_an_emptied_list() {
    check_sheet(
        "\n[scores.jia]\npenalties = [ { level = \"provincial\", note = \"a\" }, { level = \"municipal\", note = \"b\" } ]\n",
        &[Edit::RemovePenalty {
            unit: s("jia"),
            index: 0,
        }],
        "\n[scores.jia]\npenalties = [ { level = \"municipal\", note = \"b\" } ]\n",
    );
    check_sheet(
        "\n[scores.jia]\nsurvey = 5\npenalties = [ { level = \"provincial\", note = \"a\" } ]  # 通报\n",
        &[Edit::RemovePenalty {
            unit: s("jia"),
            index: 0,
        }],
        "\n[scores.jia]\nsurvey = 5\n",
    );
    check_sheet(
        "\n[scores.jia]\nsurvey = 5\n\n[[scores.jia.penalties]]\nlevel = \"municipal\"\nnote = \"a\"\n\n[[scores.jia.penalties]]\nlevel = \"provincial\"\nnote = \"b\"\n",
        &[Edit::RemovePenalty {
            unit: s("jia"),
            index: 1,
        }],
        "\n[scores.jia]\nsurvey = 5\n\n[[scores.jia.penalties]]\nlevel = \"municipal\"\nnote = \"a\"\n",
    );
    unchanged(
        HEAD,
        &[Edit::RemovePenalty {
            unit: s("jia"),
            index: 0,
        }],
    );
}

#[test]
fn set_title_in_place_or_after_the_format() {
    check(
        "format = \"kaoping/1\"\ntitle = \"旧\"  # the title\n",
        &[Edit::SetTitle {
            title: s("新 \"年度\""),
        }],
        "format = \"kaoping/1\"\ntitle = '新 \"年度\"'  # the title\n",
    );
    check(
        "# head\nformat = \"kaoping/1\"\n\n[sections]\ntotal = 1\n",
        &[Edit::SetTitle { title: s("考评") }],
        "# head\nformat = \"kaoping/1\"\ntitle = \"考评\"\n\n[sections]\ntotal = 1\n",
    );
}

fn policy(field: PolicyField) -> Edit {
    Edit::SetPolicy { field }
}

fn sections(field: SectionsField) -> Edit {
    Edit::SetSections { field }
}

#[test]
fn golden_a_policy_number_changes_in_place() {
    golden(
        &[policy(PolicyField::ComprehensiveAwards(2))],
        &[
            "-comprehensive_awards = 3        # 综合先进: top 3 counties (the zone counts as a county)",
            "+comprehensive_awards = 2        # 综合先进: top 3 counties (the zone counts as a county)",
        ],
    );
    // Back to the default: written over the key that is there.
    golden(
        &[
            policy(PolicyField::ComprehensiveAwards(2)),
            policy(PolicyField::ComprehensiveAwards(3)),
            policy(PolicyField::ShortfallMode(ShortfallMode::StartedSteps)),
            policy(PolicyField::LastPlace(false)),
        ],
        &[
            "-shortfall_mode = \"proportional\" # \"full_steps\" counts whole steps only, \"started_steps\" rounds up",
            "+shortfall_mode = \"started_steps\" # \"full_steps\" counts whole steps only, \"started_steps\" rounds up",
            "-last_place = true               # 末位: 1 county/zone, only when someone failed a target",
            "+last_place = false               # 末位: 1 county/zone, only when someone failed a target",
        ],
    );
}

#[test]
fn set_policy_creates_the_table_after_the_title() {
    check(
        "format = \"kaoping/1\"\ntitle = \"考评\"\n\n[sections]\ntotal = 100 # all\n",
        &[policy(PolicyField::BonusShare(d("0.15")))],
        "format = \"kaoping/1\"\ntitle = \"考评\"\n\n[policy]\nbonus_share = 0.15\n\n[sections]\ntotal = 100 # all\n",
    );
    // A second key goes in SPEC §2's order.
    check(
        "format = \"kaoping/1\"\n\n[policy]\nlast_place = false\n\n[sections]\ntotal = 100\n",
        &[
            policy(PolicyField::ScoreDecimals(1)),
            policy(PolicyField::DepartmentAwards(5)),
        ],
        "format = \"kaoping/1\"\n\n[policy]\nscore_decimals = 1\ndepartment_awards = 5\nlast_place = false\n\n[sections]\ntotal = 100\n",
    );
    // The worked example has no `[policy]`: created before `[sections]`, and it loads.
    let after = agree(WORKED, &[policy(PolicyField::ComprehensiveAwards(1))]);
    assert!(
        after.contains(
            "title = \"示例：三县一区\"\n\n[policy]\ncomprehensive_awards = 1\n\n[sections]\n"
        ),
        "{after}"
    );
}

#[test]
fn set_policy_to_the_default_or_out_of_range_writes_nothing() {
    // No `[policy]` is created to say what an absent key says.
    unchanged(
        WORKED,
        &[
            policy(PolicyField::ComprehensiveAwards(3)),
            policy(PolicyField::BonusShare(d("0.20"))),
            policy(PolicyField::LastPlace(true)),
        ],
    );
    // Out of the loader's ranges: not well formed, so neither side changes.
    unchanged(
        DEMO,
        &[
            policy(PolicyField::BonusShare(d("2"))),
            policy(PolicyField::ShortfallStep(d("0"))),
            policy(PolicyField::ScoreDecimals(11)),
            policy(PolicyField::PenaltyMunicipal(d("-1"))),
        ],
    );
    // Already so: the text stays as written.
    unchanged(DEMO, &[policy(PolicyField::BonusShare(d("0.20")))]);
}

#[test]
fn set_policy_in_an_inline_or_dotted_table() {
    check(
        "format = \"kaoping/1\"\npolicy = { bonus_share = 0.3 }\n\n[sections]\ntotal = 100\n",
        &[policy(PolicyField::ScoreDecimals(3))],
        "format = \"kaoping/1\"\npolicy = { score_decimals = 3, bonus_share = 0.3 }\n\n[sections]\ntotal = 100\n",
    );
    check(
        "format = \"kaoping/1\"\npolicy.bonus_share = 0.3\n\n[sections]\ntotal = 100\n",
        &[policy(PolicyField::BonusShare(d("0.25")))],
        "format = \"kaoping/1\"\npolicy.bonus_share = 0.25\n\n[sections]\ntotal = 100\n",
    );
}

#[test]
fn set_sections_in_place_added_and_removed() {
    golden(
        &[
            sections(SectionsField::Total(d("100"))),
            sections(SectionsField::Organization(None)),
        ],
        &[
            "-total = 200                     # as written; the sections below add up to 100",
            "-organization = 6                # 组织实施, as written; its items below add up to 7",
            "+total = 100                     # as written; the sections below add up to 100",
        ],
    );
    check(
        "[sections]\ntotal = 100\nsurvey = 6 # 群众测评\ntask = 88\n",
        &[sections(SectionsField::Organization(Some(d("5.5"))))],
        "[sections]\ntotal = 100\norganization = 5.5\nsurvey = 6 # 群众测评\ntask = 88\n",
    );
    unchanged(
        WORKED,
        &[
            sections(SectionsField::Survey(d("-1"))),
            sections(SectionsField::Organization(None)),
        ],
    );
}

/// A scheme with three departments and one indicator, for the role edits.
const ROLES: &str = r#"[[departments]]
id = "hrss"
name = "市人社局"

[[departments]]
id = "civil"
name = "市民政局"

[[departments]]
id = "finance"
name = "市财政局"

[[indicators]]
id = "new-jobs"
area = "employment"
name = "城镇新增就业"
base = 4
lead = "hrss"           # 牵头
responsible = ["hrss"]
co = ["finance"]
"#;

fn role(department: &str, role: Option<Role>) -> Edit {
    Edit::SetRole {
        indicator: s("new-jobs"),
        department: s(department),
        role,
    }
}

#[test]
fn set_role_lead_replaces_the_lead_and_leaves_the_lists() {
    check(
        ROLES,
        &[role("civil", Some(Role::Lead))],
        &ROLES.replace("lead = \"hrss\"  ", "lead = \"civil\"  "),
    );
    // The lead leaves the lists it was in.
    check(
        &ROLES.replace("co = [\"finance\"]", "co = [\"finance\", \"civil\"]"),
        &[role("civil", Some(Role::Lead))],
        &ROLES.replace("lead = \"hrss\"  ", "lead = \"civil\"  "),
    );
    check(
        ROLES,
        &[role("finance", Some(Role::Lead))],
        &ROLES
            .replace(
                "lead = \"hrss\"           # 牵头",
                "lead = \"finance\"           # 牵头",
            )
            .replace("co = [\"finance\"]\n", ""),
    );
}

#[test]
fn set_role_responsible_and_co_append_and_move() {
    check(
        ROLES,
        &[role("civil", Some(Role::Responsible))],
        &ROLES.replace(
            "responsible = [\"hrss\"]",
            "responsible = [\"hrss\", \"civil\"]",
        ),
    );
    check(
        ROLES,
        &[role("hrss", Some(Role::Co))],
        &ROLES
            .replace("lead = \"hrss\"           # 牵头\n", "")
            .replace("responsible = [\"hrss\"]\n", "")
            .replace("co = [\"finance\"]", "co = [\"finance\", \"hrss\"]"),
    );
    check(
        ROLES,
        &[role("finance", Some(Role::Responsible))],
        &ROLES
            .replace(
                "responsible = [\"hrss\"]",
                "responsible = [\"hrss\", \"finance\"]",
            )
            .replace("co = [\"finance\"]\n", ""),
    );
}

#[test]
fn set_role_none_removes_every_role_and_emptied_lists() {
    check(
        ROLES,
        &[role("hrss", None)],
        &ROLES
            .replace("lead = \"hrss\"           # 牵头\n", "")
            .replace("responsible = [\"hrss\"]\n", ""),
    );
    // A list that was not there comes back after `responsible`, in the order of SPEC §2.
    check(
        ROLES,
        &[role("finance", None), role("civil", Some(Role::Co))],
        &ROLES.replace("co = [\"finance\"]", "co = [\"civil\"]"),
    );
    check(
        &ROLES.replace("co = [\"finance\"]\n", "units = [\"jia\"]\n"),
        &[role("civil", Some(Role::Co))],
        &ROLES.replace(
            "co = [\"finance\"]\n",
            "co = [\"civil\"]\nunits = [\"jia\"]\n",
        ),
    );
}

#[test]
fn set_role_that_changes_nothing_or_names_nothing_leaves_the_text() {
    unchanged(
        ROLES,
        &[
            role("finance", Some(Role::Co)),
            role("civil", None),
            role("nobody", Some(Role::Lead)),
            Edit::SetRole {
                indicator: s("nothing"),
                department: s("hrss"),
                role: None,
            },
        ],
    );
}

const INDICATOR: &str = r#"[[areas]]
id = "employment"
name = "就业和创业"
max = 6

[[areas]]
id = "assistance"
name = "社会救助"
max = 4

[[units]]
id = "jia"
name = "甲县"
kind = "county"

[[units]]
id = "yi"
name = "乙县"
kind = "county"

[[indicators]]
id = "new-jobs"
area = "employment"
name = "城镇新增就业"       # 人
base = 4
measure = "人"
units = ["jia", "yi"]
# pilots only
pilot = ["jia"]
"#;

fn set_field(field: IndicatorField) -> Edit {
    Edit::SetIndicator {
        id: s("new-jobs"),
        field,
    }
}

#[test]
fn set_indicator_fields_in_place() {
    let cases = [
        (
            IndicatorField::Name(s("城镇新增就业人数")),
            "name = \"城镇新增就业人数\"       # 人",
        ),
        (IndicatorField::Base(d("4.5")), "base = 4.5"),
        (
            IndicatorField::Area(s("assistance")),
            "area = \"assistance\"",
        ),
        (
            IndicatorField::Measure(Some(s("万人"))),
            "measure = \"万人\"",
        ),
        (
            IndicatorField::Units(Some(vec![s("yi")])),
            "units = [\"yi\"]",
        ),
        (
            IndicatorField::Pilot(Some(vec![s("jia"), s("yi")])),
            "pilot = [\"jia\", \"yi\"]",
        ),
    ];
    for (f, line) in cases {
        let key = line.split(' ').next().unwrap();
        let at = INDICATOR.find("[[indicators]]").unwrap();
        let old = INDICATOR[at..]
            .lines()
            .find(|l| l.starts_with(&format!("{key} ")))
            .unwrap();
        check(INDICATOR, &[set_field(f)], &INDICATOR.replace(old, line));
    }
}

#[test]
fn set_indicator_fields_that_are_added_or_removed() {
    check(
        INDICATOR,
        &[set_field(IndicatorField::Bonus(true))],
        &INDICATOR.replace("base = 4\n", "base = 4\nbonus = true\n"),
    );
    unchanged(INDICATOR, &[set_field(IndicatorField::Bonus(false))]);
    check(
        &INDICATOR.replace("base = 4\n", "base = 4\nbonus = true\n"),
        &[set_field(IndicatorField::Bonus(false))],
        &INDICATOR.replace("base = 4\n", "base = 4\nbonus = false\n"),
    );
    check(
        INDICATOR,
        &[set_field(IndicatorField::Direction(Direction::AtMost))],
        &INDICATOR.replace(
            "measure = \"人\"\n",
            "measure = \"人\"\ndirection = \"at_most\"\n",
        ),
    );
    unchanged(
        INDICATOR,
        &[set_field(IndicatorField::Direction(Direction::AtLeast))],
    );
    check(
        INDICATOR,
        &[set_field(IndicatorField::Measure(None))],
        &INDICATOR.replace("measure = \"人\"\n", ""),
    );
    check(
        INDICATOR,
        &[set_field(IndicatorField::Pilot(None))],
        &INDICATOR.replace("# pilots only\npilot = [\"jia\"]\n", ""),
    );
    check(
        INDICATOR,
        &[set_field(IndicatorField::Units(None))],
        &INDICATOR.replace("units = [\"jia\", \"yi\"]\n", ""),
    );
    // An emptied unit list stays: `[]` is "none", no list is "all".
    check(
        INDICATOR,
        &[set_field(IndicatorField::Units(Some(vec![])))],
        &INDICATOR.replace("units = [\"jia\", \"yi\"]", "units = []"),
    );
}

#[test]
fn set_indicator_of_nothing_or_to_a_missing_area_changes_nothing() {
    unchanged(
        INDICATOR,
        &[
            set_field(IndicatorField::Area(s("nowhere"))),
            Edit::SetIndicator {
                id: s("nothing"),
                field: IndicatorField::Name(s("x")),
            },
        ],
    );
}

fn indicator(id: &str, area: &str) -> Indicator {
    Indicator {
        id: s(id),
        area: s(area),
        name: s("新指标"),
        base: d("2"),
        bonus: true,
        responsible: vec![s("hrss")],
        units: Some(vec![s("jia")]),
        ..Indicator::default()
    }
}

#[test]
fn add_indicator_after_the_last_of_its_area() {
    let before = "[[indicators]]\nid = \"a\"\narea = \"employment\"\nname = \"A\"\nbase = 1\n\n# 社会救助\n[[indicators]]\nid = \"b\"\narea = \"assistance\"\nname = \"B\"\nbase = 1\n";
    let new = "[[indicators]]\nid = \"n\"\narea = \"employment\"\nname = \"新指标\"\nbase = 2\nbonus = true\nresponsible = [\"hrss\"]\nunits = [\"jia\"]\n";
    check(
        before,
        &[Edit::AddIndicator {
            indicator: indicator("n", "employment"),
        }],
        &before.replace("\n# 社会救助", &format!("\n{new}\n# 社会救助")),
    );
    check(
        before,
        &[Edit::AddIndicator {
            indicator: indicator("n", "poverty"),
        }],
        &format!("{before}\n{}", new.replace("employment", "poverty")),
    );
    unchanged(
        before,
        &[Edit::AddIndicator {
            indicator: indicator("a", "assistance"),
        }],
    );
}

#[test]
fn add_indicator_to_a_file_without_any() {
    check(
        "format = \"kaoping/1\"\n\n[[areas]]\nid = \"employment\"\nname = \"就业\"\nmax = 1\n\n[[awards]]\nid = \"x\"\nname = \"X\"\n",
        &[Edit::AddIndicator {
            indicator: indicator("n", "employment"),
        }],
        "format = \"kaoping/1\"\n\n[[areas]]\nid = \"employment\"\nname = \"就业\"\nmax = 1\n\n\
         [[indicators]]\nid = \"n\"\narea = \"employment\"\nname = \"新指标\"\nbase = 2\nbonus = true\nresponsible = [\"hrss\"]\nunits = [\"jia\"]\n\n\
         [[awards]]\nid = \"x\"\nname = \"X\"\n",
    );
}

#[test]
fn remove_indicator_removes_its_table_and_rows() {
    let table = "[[indicators]]\nid = \"new-jobs\"\narea = \"employment\"\nname = \"城镇新增就业\"\nbase = 4\n\n";
    assert!(HEAD.contains(table));
    check(
        &format!(
            "{HEAD}\n[scores.jia.indicators]\nnew-jobs = {{ target = 1, actual = 2 }}  # c\ntraining = {{}}\n"
        ),
        &[Edit::RemoveIndicator { id: s("new-jobs") }],
        &format!(
            "{}\n[scores.jia.indicators]\ntraining = {{}}\n",
            HEAD.replace(table, "")
        ),
    );
    unchanged(HEAD, &[Edit::RemoveIndicator { id: s("nothing") }]);
}

const AREAS: &str = r#"[[areas]]
id = "employment"
name = "就业和创业"
max = 6

[[areas]]
id = "assistance"
name = "社会救助"   # 市民政
max = 4

[[indicators]]
id = "dibao"
area = "assistance"
name = "低保"
base = 4

[[indicators]]
id = "jobs"
area = "employment"
name = "就业"
base = 4

[[awards]]
id = "all"
name = "全部"
count = 1
areas = ["employment", "assistance"]

[[awards]]
id = "assistance"
name = "社会救助先进"
count = 1
areas = ["assistance"]
"#;

#[test]
fn area_edits() {
    check(
        AREAS,
        &[Edit::AddArea {
            area: Area {
                id: s("housing"),
                name: s("保障性住房"),
                short: None,
                max: d("20"),
            },
        }],
        &AREAS.replace(
            "max = 4\n",
            "max = 4\n\n[[areas]]\nid = \"housing\"\nname = \"保障性住房\"\nmax = 20\n",
        ),
    );
    check(
        AREAS,
        &[Edit::SetArea {
            id: s("assistance"),
            field: AreaField::Name(s("救助")),
        }],
        &AREAS.replace(
            "name = \"社会救助\"   # 市民政",
            "name = \"救助\"   # 市民政",
        ),
    );
    check(
        AREAS,
        &[Edit::SetArea {
            id: s("employment"),
            field: AreaField::Max(d("6.5")),
        }],
        &AREAS.replace("max = 6\n", "max = 6.5\n"),
    );
    check(
        AREAS,
        &[Edit::RemoveArea { id: s("assistance") }],
        &AREAS
            .replace("\n[[areas]]\nid = \"assistance\"\nname = \"社会救助\"   # 市民政\nmax = 4\n", "")
            .replace("[[indicators]]\nid = \"dibao\"\narea = \"assistance\"\nname = \"低保\"\nbase = 4\n\n", "")
            .replace("areas = [\"employment\", \"assistance\"]", "areas = [\"employment\"]")
            .replace("areas = [\"assistance\"]\n", ""),
    );
    unchanged(
        AREAS,
        &[
            Edit::AddArea {
                area: Area {
                    id: s("employment"),
                    name: s("again"),
                    short: None,
                    max: d("1"),
                },
            },
            Edit::SetArea {
                id: s("nowhere"),
                field: AreaField::Max(d("1")),
            },
            Edit::RemoveArea { id: s("nowhere") },
        ],
    );
}

#[test]
fn department_edits() {
    let before = format!(
        "{ROLES}\n[[awards]]\nid = \"a\"\nname = \"A\"\ncount = 1\nlead = \"hrss\"\n\n[scores.hrss]  # 市人社局\nsurvey = 5\n\n[scores.civil]\nsurvey = 4\n"
    );
    check(
        &before,
        &[Edit::AddDepartment {
            department: Department {
                id: s("water"),
                name: s("市水务局"),
                quota: None,
            },
        }],
        &before.replace(
            "name = \"市财政局\"\n",
            "name = \"市财政局\"\n\n[[departments]]\nid = \"water\"\nname = \"市水务局\"\n",
        ),
    );
    check(
        &before,
        &[Edit::SetDepartment {
            id: s("civil"),
            field: DepartmentField::Name(s("民政局")),
        }],
        &before.replace("name = \"市民政局\"", "name = \"民政局\""),
    );
    check(
        &before,
        &[Edit::RemoveDepartment { id: s("hrss") }],
        &before
            .replace(
                "[[departments]]\nid = \"hrss\"\nname = \"市人社局\"\n\n",
                "",
            )
            .replace("lead = \"hrss\"           # 牵头\n", "")
            .replace("responsible = [\"hrss\"]\n", "")
            .replace("lead = \"hrss\"\n", "")
            .replace("\n[scores.hrss]  # 市人社局\nsurvey = 5\n", ""),
    );
    unchanged(
        &before,
        &[
            Edit::AddDepartment {
                department: Department {
                    id: s("civil"),
                    name: s("again"),
                    quota: None,
                },
            },
            Edit::RemoveDepartment { id: s("nobody") },
        ],
    );
}

#[test]
fn unit_edits() {
    let before =
        format!("{INDICATOR}\n[scores.jia]  # 甲县\nsurvey = 5\n\n[scores.yi]\nsurvey = 4\n");
    check(
        &before,
        &[Edit::AddUnit {
            unit: Unit {
                id: s("zone"),
                name: s("开发区"),
                kind: UnitKind::Zone,
            },
        }],
        &before.replace(
            "name = \"乙县\"\nkind = \"county\"\n",
            "name = \"乙县\"\nkind = \"county\"\n\n[[units]]\nid = \"zone\"\nname = \"开发区\"\nkind = \"zone\"\n",
        ),
    );
    check(
        &before,
        &[
            Edit::SetUnit {
                id: s("yi"),
                field: UnitField::Name(s("乙区")),
            },
            Edit::SetUnit {
                id: s("yi"),
                field: UnitField::Kind(UnitKind::Zone),
            },
        ],
        &before.replace(
            "name = \"乙县\"\nkind = \"county\"\n",
            "name = \"乙区\"\nkind = \"zone\"\n",
        ),
    );
    check(
        &before,
        &[Edit::RemoveUnit { id: s("jia") }],
        &before
            .replace(
                "[[units]]\nid = \"jia\"\nname = \"甲县\"\nkind = \"county\"\n\n",
                "",
            )
            .replace("units = [\"jia\", \"yi\"]", "units = [\"yi\"]")
            .replace("pilot = [\"jia\"]", "pilot = []")
            .replace("\n[scores.jia]  # 甲县\nsurvey = 5\n", ""),
    );
    unchanged(
        &before,
        &[
            // Units and departments share one namespace; a unit is no department.
            Edit::AddUnit {
                unit: Unit {
                    id: s("jia"),
                    name: s("again"),
                    kind: UnitKind::County,
                },
            },
            Edit::AddUnit {
                unit: Unit {
                    id: s("bing"),
                    name: s("丙"),
                    kind: UnitKind::Department,
                },
            },
            Edit::SetUnit {
                id: s("jia"),
                field: UnitField::Kind(UnitKind::Department),
            },
            Edit::RemoveUnit { id: s("nobody") },
        ],
    );
}

#[test]
fn ill_formed_edits_change_nothing() {
    let edits = [
        survey("Not An Id", Some("5")),
        survey("jia", Some("79228162514264337593543950335")),
        org("jia", "BAD", Some("1")),
        Edit::SetIndicator {
            id: s("new-jobs"),
            field: IndicatorField::Base(d("-1")),
        },
        Edit::SetIndicator {
            id: s("new-jobs"),
            field: IndicatorField::Units(Some(vec![s("甲")])),
        },
        Edit::AddPenalty {
            unit: s("jia"),
            penalty: penalty(PenaltyKind::Points(d("-2")), "x"),
        },
        Edit::AddArea {
            area: Area {
                id: s("big"),
                name: s("big"),
                short: None,
                max: d("1000000000.5"),
            },
        },
        Edit::AddIndicator {
            indicator: Indicator {
                lead: Some(s("Bad Lead")),
                ..indicator("n", "employment")
            },
        },
    ];
    for edit in &edits {
        assert!(!edit.is_well_formed(), "{edit:?}");
    }
    unchanged(HEAD, &edits);
    assert!(survey("jia", Some("10000000000000000.01")).is_well_formed());
}

const ORG: &str = r#"format = "kaoping/1"

[policy]
veto_blocks_single_item = true   # the older spelling

[sections]
total = 10
survey = 6
task = 0

[[organization]]
id = "funding"
name = "资金安排"
max = 4

[[departments]]
id = "finance"
name = "市财政局"

[[units]]
id = "jia"
name = "甲县"
kind = "county"

[[nominees]]
unit = "jia"
name = "张三"

[[nominees]]
unit = "finance"
name = "李四"
post = "科长"

[[nominees]]
unit = "jia"
name = "王五"
"#;

#[test]
fn single_item_veto_replaces_the_older_key() {
    check(
        ORG,
        &[Edit::SetPolicy {
            field: PolicyField::SingleItemVeto(SingleItemVeto::Off),
        }],
        &ORG.replace(
            "veto_blocks_single_item = true   # the older spelling\n",
            "single_item_veto = \"none\"\n",
        ),
    );
    // The default is written over nothing: the older key goes, and what it meant with it.
    check(
        ORG,
        &[Edit::SetPolicy {
            field: PolicyField::SingleItemVeto(SingleItemVeto::FailedArea),
        }],
        &ORG.replace(
            "veto_blocks_single_item = true   # the older spelling\n",
            "",
        ),
    );
}

#[test]
fn organisation_item_edits() {
    check(
        ORG,
        &[
            Edit::SetOrgItem {
                id: s("funding"),
                field: OrgItemField::AppliesTo(Some(vec![UnitKind::County, UnitKind::Zone])),
            },
            Edit::SetOrgItem {
                id: s("funding"),
                field: OrgItemField::Lead(Some(s("finance"))),
            },
        ],
        &ORG.replace(
            "max = 4\n",
            "max = 4\napplies_to = [\"county\", \"zone\"]\nlead = \"finance\"\n",
        ),
    );
    // A lead that is no department changes nothing.
    unchanged(
        ORG,
        &[Edit::SetOrgItem {
            id: s("funding"),
            field: OrgItemField::Lead(Some(s("nobody"))),
        }],
    );
}

#[test]
fn removing_a_unit_or_a_department_removes_its_nominees_and_its_lead() {
    let led = ORG.replace("max = 4\n", "max = 4\nlead = \"finance\"\n");
    check(
        &led,
        &[Edit::RemoveDepartment { id: s("finance") }],
        &led.replace(
            "[[departments]]\nid = \"finance\"\nname = \"市财政局\"\n\n",
            "",
        )
        .replace("lead = \"finance\"\n", "")
        .replace(
            "[[nominees]]\nunit = \"finance\"\nname = \"李四\"\npost = \"科长\"\n\n",
            "",
        ),
    );
    check(
        ORG,
        &[Edit::RemoveUnit { id: s("jia") }],
        &ORG.replace(
            "[[units]]\nid = \"jia\"\nname = \"甲县\"\nkind = \"county\"\n\n",
            "",
        )
        .replace("[[nominees]]\nunit = \"jia\"\nname = \"张三\"\n\n", "")
        .replace("\n[[nominees]]\nunit = \"jia\"\nname = \"王五\"\n", ""),
    );
}

#[test]
fn the_question_before_a_removal_counts_all_that_goes() {
    use kaoping::edit::{Edit, Removed};
    let worked = include_str!("fixtures/worked.toml");
    let project = kaoping::check::analyze(worked).project.unwrap();
    // 乙县: its three rows, its survey and two organisation scores, its one penalty.
    let yi = Removed::by(&project, &Edit::RemoveUnit { id: "yi".into() });
    assert_eq!(
        yi,
        Removed {
            rows: 3,
            scores: 3,
            penalties: 1,
            ..Removed::default()
        }
    );
    // 市人社局: lead of new-jobs and training, responsible for both, co of dibao; no sheet.
    let hrss = Removed::by(&project, &Edit::RemoveDepartment { id: "hrss".into() });
    assert_eq!(
        hrss,
        Removed {
            roles: 5,
            ..Removed::default()
        }
    );
    // 就业和创业: two indicators, a row each in four sheets, and their four roles.
    let area = Removed::by(
        &project,
        &Edit::RemoveArea {
            id: "employment".into(),
        },
    );
    assert_eq!((area.indicators, area.rows, area.roles), (2, 8, 4));
}

#[test]
fn typing_the_same_value_again_is_no_step_to_undo_and_nothing_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.toml");
    std::fs::write(&path, include_str!("fixtures/worked.toml")).unwrap();
    let mut session = kaoping::session::Session::open(&path, false).unwrap();
    let survey = |value: &str| Edit::SetSurvey {
        unit: "jia".into(),
        value: Some(value.parse().unwrap()),
    };
    // 甲县's survey is 5.5 already.
    session.commit(survey("5.5")).unwrap();
    assert!(!session.can_undo() && !session.is_dirty());
    session.commit(survey("5.6")).unwrap();
    session.commit(survey("5.6")).unwrap();
    assert!(session.undo());
    assert!(!session.can_undo(), "one step for one change");
    assert!(session.text().contains("survey = 5.5"));
}

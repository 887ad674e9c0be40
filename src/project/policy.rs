//! `[policy]`: the numbers of the regulation that a city may set differently — the
//! struct, the keys it accepts, how it is read and written, and what of it can be edited
//! (see [`super::scheme`]).

use super::load::reader::{Loader, Node, Obj, SCORE_RANGE};
use super::scheme::{
    Field, FormKey, InputKind, Scheme, Single, Written, decimal, field, flag, form, text, whole,
};
use super::{MAX_SCORE, Project};
use rust_decimal::Decimal;

/// `[policy]`: the numbers of the regulation that a city may set differently. Every key
/// is optional; an absent one reads as [`Policy::default`].
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// Each earned score is rounded half-up to this many places.
    pub score_decimals: u32,
    /// The top over-completer gets this share of the base.
    pub bonus_share: Decimal,
    /// Every this much short ...
    pub shortfall_step: Decimal,
    /// ... deducts this share of the base.
    pub shortfall_rate: Decimal,
    pub shortfall_mode: ShortfallMode,
    /// A deduction never exceeds this share of the base.
    pub deduction_cap: Decimal,
    pub penalty_provincial: Decimal,
    pub penalty_municipal: Decimal,
    /// How many counties/zone are comprehensive advanced.
    pub comprehensive_awards: u32,
    /// How many city departments are comprehensive advanced.
    pub department_awards: u32,
    pub last_place: bool,
    /// Who may be last place: the units not up to standard (the default) or all.
    pub last_place_among: LastPlaceAmong,
    /// Which single-item awards a vetoed unit is left out of. Older files'
    /// `veto_blocks_single_item = true|false` reads as `All` / `Off`.
    pub single_item_veto: SingleItemVeto,
    /// Departments earn the bonus of a bonus indicator (among the departments); off by
    /// default: they earn the base.
    pub department_bonus: bool,
    /// A quantitative row off its target by more than this (relative) is a warning; 0: off.
    pub plausible_deviation: Decimal,
    /// 先进个人 places of each county, of the zone, and of a department in the matrix
    /// without its own `quota`.
    pub individual_quota_county: u32,
    pub individual_quota_zone: u32,
    pub individual_quota_department: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            score_decimals: 2,
            bonus_share: Decimal::new(20, 2),
            shortfall_step: Decimal::new(2, 2),
            shortfall_rate: Decimal::new(5, 2),
            shortfall_mode: ShortfallMode::Proportional,
            deduction_cap: Decimal::new(60, 2),
            penalty_provincial: Decimal::from(2),
            penalty_municipal: Decimal::from(1),
            comprehensive_awards: 3,
            department_awards: 8,
            last_place: true,
            last_place_among: LastPlaceAmong::NotUpToStandard,
            single_item_veto: SingleItemVeto::FailedArea,
            department_bonus: false,
            plausible_deviation: Decimal::new(5, 1),
            individual_quota_county: 4,
            individual_quota_zone: 2,
            individual_quota_department: 2,
        }
    }
}

/// Declares a policy choice: an enum whose variants are written as these names.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

choice! {
    /// Among whom last place (末位) is named, once some unit is vetoed.
    LastPlaceAmong {
        /// The vetoed units (不达标): the sanction for not completing the targets, so a
        /// unit that completed everything is never last.
        NotUpToStandard = "not_up_to_standard",
        /// Every unit of the group.
        All = "all",
    }
}

choice! {
    /// Which single-item awards (单项先进) a vetoed unit is left out of.
    SingleItemVeto {
        /// Those whose score counts an indicator it failed.
        FailedArea = "failed_area",
        /// None: the veto bars comprehensive advanced only.
        Off = "none",
        /// Every one.
        All = "all",
    }
}

/// The key `single_item_veto` replaced (`true` → `all`, `false` → `none`).
pub const VETO_BLOCKS_SINGLE_ITEM: &str = "veto_blocks_single_item";

/// How a shortfall is turned into a number of steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ShortfallMode {
    /// `steps = s / step`, exactly.
    #[default]
    Proportional,
    /// `steps = floor(s / step)`: only whole steps count.
    FullSteps,
    /// `steps = ceil(s / step)`: a started step counts whole.
    StartedSteps,
}

impl ShortfallMode {
    pub const NAMES: &'static [&'static str] = &["proportional", "full_steps", "started_steps"];

    pub fn name(self) -> &'static str {
        match self {
            ShortfallMode::Proportional => "proportional",
            ShortfallMode::FullSteps => "full_steps",
            ShortfallMode::StartedSteps => "started_steps",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "proportional" => Some(ShortfallMode::Proportional),
            "full_steps" => Some(ShortfallMode::FullSteps),
            "started_steps" => Some(ShortfallMode::StartedSteps),
            _ => None,
        }
    }
}

impl Scheme for Policy {
    const KEYS: &'static [&'static str] = &[
        "score_decimals",
        "bonus_share",
        "shortfall_step",
        "shortfall_rate",
        "shortfall_mode",
        "deduction_cap",
        "penalty_provincial",
        "penalty_municipal",
        "comprehensive_awards",
        "department_awards",
        "last_place",
        "last_place_among",
        // The older spelling of `single_item_veto`: read when alone, never written.
        VETO_BLOCKS_SINGLE_ITEM,
        "single_item_veto",
        "department_bonus",
        "plausible_deviation",
        "individual_quota_county",
        "individual_quota_zone",
        "individual_quota_department",
    ];

    fn read<N: Node>(l: &mut Loader, o: &Obj<N>) -> Self {
        let d = Policy::default();
        let share = |l: &mut Loader, key: &str, default: Decimal, positive: bool| {
            let range = if positive { "(0, 1]" } else { "[0, 1]" };
            l.ranged(o, key, default, range, |v| {
                v <= Decimal::ONE && (v > Decimal::ZERO || (!positive && v.is_zero()))
            })
        };
        let bonus_share = share(l, "bonus_share", d.bonus_share, false);
        let shortfall_step = share(l, "shortfall_step", d.shortfall_step, true);
        let shortfall_rate = share(l, "shortfall_rate", d.shortfall_rate, false);
        let deduction_cap = share(l, "deduction_cap", d.deduction_cap, false);
        let points = |l: &mut Loader, key: &str, default: Decimal| {
            l.ranged(o, key, default, SCORE_RANGE, |v| {
                v >= Decimal::ZERO && v <= MAX_SCORE
            })
        };
        let penalty_provincial = points(l, "penalty_provincial", d.penalty_provincial);
        let penalty_municipal = points(l, "penalty_municipal", d.penalty_municipal);
        let shortfall_mode = l
            .choice(o, "shortfall_mode", ShortfallMode::NAMES, false)
            .and_then(|name| ShortfallMode::from_name(&name))
            .unwrap_or(d.shortfall_mode);
        let last_place_among = l
            .choice(o, "last_place_among", LastPlaceAmong::NAMES, false)
            .and_then(|name| LastPlaceAmong::from_name(&name))
            .unwrap_or(d.last_place_among);
        l.both_keys(o, VETO_BLOCKS_SINGLE_ITEM, "single_item_veto");
        let legacy = l.bool(o, VETO_BLOCKS_SINGLE_ITEM).map(|blocks| {
            if blocks {
                SingleItemVeto::All
            } else {
                SingleItemVeto::Off
            }
        });
        let single_item_veto = l
            .choice(o, "single_item_veto", SingleItemVeto::NAMES, false)
            .and_then(|name| SingleItemVeto::from_name(&name))
            .or(legacy)
            .unwrap_or(d.single_item_veto);
        let plausible_deviation = points(l, "plausible_deviation", d.plausible_deviation);
        let quota = |l: &mut Loader, key: &str, default: u32| {
            l.whole(o, key, 0, u32::MAX).unwrap_or(default)
        };
        Policy {
            score_decimals: l
                .whole(o, "score_decimals", 0, 10)
                .unwrap_or(d.score_decimals),
            bonus_share,
            shortfall_step,
            shortfall_rate,
            shortfall_mode,
            deduction_cap,
            penalty_provincial,
            penalty_municipal,
            comprehensive_awards: l
                .whole(o, "comprehensive_awards", 0, u32::MAX)
                .unwrap_or(d.comprehensive_awards),
            department_awards: l
                .whole(o, "department_awards", 0, u32::MAX)
                .unwrap_or(d.department_awards),
            last_place: l.bool(o, "last_place").unwrap_or(d.last_place),
            last_place_among,
            single_item_veto,
            department_bonus: l.bool(o, "department_bonus").unwrap_or(d.department_bonus),
            plausible_deviation,
            individual_quota_county: quota(l, "individual_quota_county", d.individual_quota_county),
            individual_quota_zone: quota(l, "individual_quota_zone", d.individual_quota_zone),
            individual_quota_department: quota(
                l,
                "individual_quota_department",
                d.individual_quota_department,
            ),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        use PolicyField as F;
        vec![
            field(F::ScoreDecimals(self.score_decimals)),
            field(F::BonusShare(self.bonus_share)),
            field(F::ShortfallStep(self.shortfall_step)),
            field(F::ShortfallRate(self.shortfall_rate)),
            field(F::ShortfallMode(self.shortfall_mode)),
            field(F::DeductionCap(self.deduction_cap)),
            field(F::PenaltyProvincial(self.penalty_provincial)),
            field(F::PenaltyMunicipal(self.penalty_municipal)),
            field(F::ComprehensiveAwards(self.comprehensive_awards)),
            field(F::DepartmentAwards(self.department_awards)),
            field(F::LastPlace(self.last_place)),
            field(F::LastPlaceAmong(self.last_place_among)),
            (VETO_BLOCKS_SINGLE_ITEM, Written::Absent),
            field(F::SingleItemVeto(self.single_item_veto)),
            field(F::DepartmentBonus(self.department_bonus)),
            field(F::PlausibleDeviation(self.plausible_deviation)),
            field(F::IndividualQuotaCounty(self.individual_quota_county)),
            field(F::IndividualQuotaZone(self.individual_quota_zone)),
            field(F::IndividualQuotaDepartment(
                self.individual_quota_department,
            )),
        ]
    }
}

impl Single for Policy {
    const ROOT: &'static str = "policy";

    fn of(p: &Project) -> &Self {
        &p.policy
    }

    fn of_mut(p: &mut Project) -> &mut Self {
        &mut p.policy
    }
}

/// One key of `[policy]`, with its new value. A value equal to the default is written
/// only over a key that is there (a `[policy]` table is not created to say the default).
#[derive(Debug, Clone, PartialEq)]
pub enum PolicyField {
    ScoreDecimals(u32),
    BonusShare(Decimal),
    ShortfallStep(Decimal),
    ShortfallRate(Decimal),
    ShortfallMode(ShortfallMode),
    DeductionCap(Decimal),
    PenaltyProvincial(Decimal),
    PenaltyMunicipal(Decimal),
    ComprehensiveAwards(u32),
    DepartmentAwards(u32),
    LastPlace(bool),
    LastPlaceAmong(LastPlaceAmong),
    /// Written as `single_item_veto`, removing an older `veto_blocks_single_item`.
    SingleItemVeto(SingleItemVeto),
    DepartmentBonus(bool),
    PlausibleDeviation(Decimal),
    IndividualQuotaCounty(u32),
    IndividualQuotaZone(u32),
    IndividualQuotaDepartment(u32),
}

impl Field for PolicyField {
    type Table = Policy;

    const FORM: &'static [FormKey<Self>] = {
        use InputKind as K;
        use PolicyField as F;
        &[
            form(K::Whole, |p: &Policy| F::ScoreDecimals(p.score_decimals)),
            form(K::Decimal, |p: &Policy| F::BonusShare(p.bonus_share)),
            form(K::Decimal, |p: &Policy| F::ShortfallStep(p.shortfall_step)),
            form(K::Decimal, |p: &Policy| F::ShortfallRate(p.shortfall_rate)),
            form(K::Choice(ShortfallMode::NAMES), |p: &Policy| {
                F::ShortfallMode(p.shortfall_mode)
            }),
            form(K::Decimal, |p: &Policy| F::DeductionCap(p.deduction_cap)),
            form(K::Decimal, |p: &Policy| {
                F::PenaltyProvincial(p.penalty_provincial)
            }),
            form(K::Decimal, |p: &Policy| {
                F::PenaltyMunicipal(p.penalty_municipal)
            }),
            form(K::Whole, |p: &Policy| {
                F::ComprehensiveAwards(p.comprehensive_awards)
            }),
            form(K::Whole, |p: &Policy| {
                F::DepartmentAwards(p.department_awards)
            }),
            form(K::Toggle, |p: &Policy| F::LastPlace(p.last_place)),
            form(K::Choice(LastPlaceAmong::NAMES), |p: &Policy| {
                F::LastPlaceAmong(p.last_place_among)
            }),
            form(K::Choice(SingleItemVeto::NAMES), |p: &Policy| {
                F::SingleItemVeto(p.single_item_veto)
            }),
            form(K::Toggle, |p: &Policy| {
                F::DepartmentBonus(p.department_bonus)
            }),
            form(K::Decimal, |p: &Policy| {
                F::PlausibleDeviation(p.plausible_deviation)
            }),
            form(K::Whole, |p: &Policy| {
                F::IndividualQuotaCounty(p.individual_quota_county)
            }),
            form(K::Whole, |p: &Policy| {
                F::IndividualQuotaZone(p.individual_quota_zone)
            }),
            form(K::Whole, |p: &Policy| {
                F::IndividualQuotaDepartment(p.individual_quota_department)
            }),
        ]
    };

    fn key(&self) -> &'static str {
        match self {
            PolicyField::ScoreDecimals(_) => "score_decimals",
            PolicyField::BonusShare(_) => "bonus_share",
            PolicyField::ShortfallStep(_) => "shortfall_step",
            PolicyField::ShortfallRate(_) => "shortfall_rate",
            PolicyField::ShortfallMode(_) => "shortfall_mode",
            PolicyField::DeductionCap(_) => "deduction_cap",
            PolicyField::PenaltyProvincial(_) => "penalty_provincial",
            PolicyField::PenaltyMunicipal(_) => "penalty_municipal",
            PolicyField::ComprehensiveAwards(_) => "comprehensive_awards",
            PolicyField::DepartmentAwards(_) => "department_awards",
            PolicyField::LastPlace(_) => "last_place",
            PolicyField::LastPlaceAmong(_) => "last_place_among",
            PolicyField::SingleItemVeto(_) => "single_item_veto",
            PolicyField::DepartmentBonus(_) => "department_bonus",
            PolicyField::PlausibleDeviation(_) => "plausible_deviation",
            PolicyField::IndividualQuotaCounty(_) => "individual_quota_county",
            PolicyField::IndividualQuotaZone(_) => "individual_quota_zone",
            PolicyField::IndividualQuotaDepartment(_) => "individual_quota_department",
        }
    }

    fn replaces(&self) -> &'static [&'static str] {
        match self {
            PolicyField::SingleItemVeto(_) => &[VETO_BLOCKS_SINGLE_ITEM],
            _ => &[],
        }
    }

    fn value(&self) -> Written {
        let d = Policy::default();
        let dec = |v: Decimal, d: Decimal| decimal(v).default_when(v == d);
        let count = |v: u32, d: u32| whole(v).default_when(v == d);
        let yes = |v: bool, d: bool| flag(v).default_when(v == d);
        match *self {
            PolicyField::ScoreDecimals(v) => count(v, d.score_decimals),
            PolicyField::BonusShare(v) => dec(v, d.bonus_share),
            PolicyField::ShortfallStep(v) => dec(v, d.shortfall_step),
            PolicyField::ShortfallRate(v) => dec(v, d.shortfall_rate),
            PolicyField::ShortfallMode(v) => text(v.name()).default_when(v == d.shortfall_mode),
            PolicyField::DeductionCap(v) => dec(v, d.deduction_cap),
            PolicyField::PenaltyProvincial(v) => dec(v, d.penalty_provincial),
            PolicyField::PenaltyMunicipal(v) => dec(v, d.penalty_municipal),
            PolicyField::ComprehensiveAwards(v) => count(v, d.comprehensive_awards),
            PolicyField::DepartmentAwards(v) => count(v, d.department_awards),
            PolicyField::LastPlace(v) => yes(v, d.last_place),
            PolicyField::LastPlaceAmong(v) => text(v.name()).default_when(v == d.last_place_among),
            PolicyField::SingleItemVeto(v) => text(v.name()).default_when(v == d.single_item_veto),
            PolicyField::DepartmentBonus(v) => yes(v, d.department_bonus),
            PolicyField::PlausibleDeviation(v) => dec(v, d.plausible_deviation),
            PolicyField::IndividualQuotaCounty(v) => count(v, d.individual_quota_county),
            PolicyField::IndividualQuotaZone(v) => count(v, d.individual_quota_zone),
            PolicyField::IndividualQuotaDepartment(v) => count(v, d.individual_quota_department),
        }
    }

    fn apply(&self, p: &mut Policy) {
        match *self {
            PolicyField::ScoreDecimals(v) => p.score_decimals = v,
            PolicyField::BonusShare(v) => p.bonus_share = v,
            PolicyField::ShortfallStep(v) => p.shortfall_step = v,
            PolicyField::ShortfallRate(v) => p.shortfall_rate = v,
            PolicyField::ShortfallMode(v) => p.shortfall_mode = v,
            PolicyField::DeductionCap(v) => p.deduction_cap = v,
            PolicyField::PenaltyProvincial(v) => p.penalty_provincial = v,
            PolicyField::PenaltyMunicipal(v) => p.penalty_municipal = v,
            PolicyField::ComprehensiveAwards(v) => p.comprehensive_awards = v,
            PolicyField::DepartmentAwards(v) => p.department_awards = v,
            PolicyField::LastPlace(v) => p.last_place = v,
            PolicyField::LastPlaceAmong(v) => p.last_place_among = v,
            PolicyField::SingleItemVeto(v) => p.single_item_veto = v,
            PolicyField::DepartmentBonus(v) => p.department_bonus = v,
            PolicyField::PlausibleDeviation(v) => p.plausible_deviation = v,
            PolicyField::IndividualQuotaCounty(v) => p.individual_quota_county = v,
            PolicyField::IndividualQuotaZone(v) => p.individual_quota_zone = v,
            PolicyField::IndividualQuotaDepartment(v) => p.individual_quota_department = v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::project::problem::ProblemKind;
    use crate::project::scheme::tests::{check_field, check_form, check_keys};

    #[test]
    fn writes_every_key_it_reads() {
        check_keys(&Policy::default());
    }

    #[test]
    fn fields_and_form() {
        let p = Project::default();
        check_form::<PolicyField>(&Policy::default(), &p);
        let other = Policy {
            score_decimals: 3,
            bonus_share: Decimal::new(15, 2),
            shortfall_mode: ShortfallMode::StartedSteps,
            comprehensive_awards: 2,
            last_place: false,
            ..Policy::default()
        };
        check_form::<PolicyField>(&other, &p);
        for field in [
            PolicyField::ComprehensiveAwards(2),
            PolicyField::BonusShare(Decimal::new(3, 1)),
            PolicyField::ShortfallMode(ShortfallMode::FullSteps),
            PolicyField::LastPlace(false),
            PolicyField::LastPlaceAmong(LastPlaceAmong::All),
            PolicyField::SingleItemVeto(SingleItemVeto::Off),
            PolicyField::SingleItemVeto(SingleItemVeto::All),
            PolicyField::DepartmentBonus(true),
            PolicyField::PlausibleDeviation(Decimal::ZERO),
            PolicyField::IndividualQuotaDepartment(3),
        ] {
            check_field(Policy::default(), field);
        }
        let other = Policy {
            last_place_among: LastPlaceAmong::All,
            single_item_veto: SingleItemVeto::Off,
            department_bonus: true,
            plausible_deviation: Decimal::new(25, 2),
            individual_quota_zone: 3,
            ..Policy::default()
        };
        check_form::<PolicyField>(&other, &p);
    }

    /// Reads `[policy]` from the pairs of a TOML table.
    fn read(text: &str) -> (Policy, Vec<crate::project::problem::Problem>) {
        let table: toml_edit::Table = text
            .parse::<toml_edit::DocumentMut>()
            .unwrap()
            .as_table()
            .clone();
        let pairs = table
            .iter()
            .filter_map(|(k, v)| Some((k, v.as_value()?.clone())))
            .collect();
        crate::project::load::reader::read_back(pairs, Policy::KEYS, Policy::read)
    }

    #[test]
    fn the_older_veto_key_reads_and_both_keys_are_an_error() {
        let (p, problems) = read("veto_blocks_single_item = true");
        assert_eq!(
            (p.single_item_veto, problems.len()),
            (SingleItemVeto::All, 0)
        );
        let (p, _) = read("veto_blocks_single_item = false");
        assert_eq!(p.single_item_veto, SingleItemVeto::Off);
        let (p, _) = read("");
        assert_eq!(p.single_item_veto, SingleItemVeto::FailedArea);
        let (_, problems) = read("veto_blocks_single_item = true\nsingle_item_veto = \"all\"");
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].kind,
            ProblemKind::OldKeyWithNew {
                old: VETO_BLOCKS_SINGLE_ITEM,
                new: "single_item_veto"
            }
        );
        assert_eq!(problems[0].path.to_string(), VETO_BLOCKS_SINGLE_ITEM);
        // The new key is never written under the old one's name.
        assert!(
            PolicyField::SingleItemVeto(SingleItemVeto::All)
                .replaces()
                .contains(&VETO_BLOCKS_SINGLE_ITEM)
        );
    }

    #[test]
    fn the_ranges_are_the_loaders() {
        let p = Project::default();
        let typed = |key: &str, text: &str| PolicyField::from_text(key, text, &p);
        assert!(matches!(
            typed("bonus_share", "2"),
            Err(ProblemKind::OutOfRange {
                range: "[0, 1]",
                ..
            })
        ));
        assert!(!PolicyField::BonusShare(Decimal::TWO).is_well_formed());
        assert!(matches!(
            typed("shortfall_step", "0"),
            Err(ProblemKind::OutOfRange {
                range: "(0, 1]",
                ..
            })
        ));
        assert!(matches!(
            typed("score_decimals", "11"),
            Err(ProblemKind::OutOfRange { .. })
        ));
        assert!(matches!(
            typed("comprehensive_awards", "2.5"),
            Err(ProblemKind::NotWholeNumber { .. })
        ));
        assert!(matches!(
            typed("shortfall_mode", "floor"),
            Err(ProblemKind::BadChoice { .. })
        ));
        assert!(matches!(
            typed("last_place", "maybe"),
            Err(ProblemKind::WrongType { .. })
        ));
        assert_eq!(
            typed("comprehensive_awards", "２"),
            Ok(PolicyField::ComprehensiveAwards(2))
        );
    }
}

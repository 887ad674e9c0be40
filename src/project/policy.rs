//! `[policy]`: the numbers of the regulation that a city may set differently — the
//! struct, the keys it accepts, how it is read and written, and what of it can be edited
//! (see [`super::scheme`]).

use super::load::reader::{Loader, Obj, SCORE_RANGE};
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
    pub veto_blocks_single_item: bool,
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
            veto_blocks_single_item: false,
        }
    }
}

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
        "veto_blocks_single_item",
    ];

    fn read(l: &mut Loader, o: &Obj) -> Self {
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
            veto_blocks_single_item: l
                .bool(o, "veto_blocks_single_item")
                .unwrap_or(d.veto_blocks_single_item),
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
            field(F::VetoBlocksSingleItem(self.veto_blocks_single_item)),
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
    VetoBlocksSingleItem(bool),
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
            form(K::Toggle, |p: &Policy| {
                F::VetoBlocksSingleItem(p.veto_blocks_single_item)
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
            PolicyField::VetoBlocksSingleItem(_) => "veto_blocks_single_item",
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
            PolicyField::VetoBlocksSingleItem(v) => yes(v, d.veto_blocks_single_item),
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
            PolicyField::VetoBlocksSingleItem(v) => p.veto_blocks_single_item = v,
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
        ] {
            check_field(Policy::default(), field);
        }
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

//! `[policy]`: the numbers of the regulation that a city may set differently — the
//! struct, the keys it accepts, how it is read and written (see [`super::scheme`]).

use super::MAX_SCORE;
use super::load::reader::{Loader, Obj, SCORE_RANGE};
use super::scheme::{Scheme, Written, decimal, flag, text, whole};
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
        let d = Policy::default();
        let dec = |v: Decimal, d: Decimal| decimal(v).default_when(v == d);
        let count = |v: u32, d: u32| whole(v).default_when(v == d);
        let yes = |v: bool, d: bool| flag(v).default_when(v == d);
        let mode = text(self.shortfall_mode.name());
        vec![
            (
                "score_decimals",
                count(self.score_decimals, d.score_decimals),
            ),
            ("bonus_share", dec(self.bonus_share, d.bonus_share)),
            ("shortfall_step", dec(self.shortfall_step, d.shortfall_step)),
            ("shortfall_rate", dec(self.shortfall_rate, d.shortfall_rate)),
            (
                "shortfall_mode",
                mode.default_when(self.shortfall_mode == d.shortfall_mode),
            ),
            ("deduction_cap", dec(self.deduction_cap, d.deduction_cap)),
            (
                "penalty_provincial",
                dec(self.penalty_provincial, d.penalty_provincial),
            ),
            (
                "penalty_municipal",
                dec(self.penalty_municipal, d.penalty_municipal),
            ),
            (
                "comprehensive_awards",
                count(self.comprehensive_awards, d.comprehensive_awards),
            ),
            (
                "department_awards",
                count(self.department_awards, d.department_awards),
            ),
            ("last_place", yes(self.last_place, d.last_place)),
            (
                "veto_blocks_single_item",
                yes(self.veto_blocks_single_item, d.veto_blocks_single_item),
            ),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_every_key_it_reads() {
        super::super::scheme::tests::check_keys(&Policy::default());
    }
}

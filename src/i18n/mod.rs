//! Every user-visible string, in Simplified Chinese and English: the fixed texts in one
//! table ([`T`]); the texts with numbers in them in one function each, by topic
//! ([`problem_message`] for errors and warnings).

use crate::problem::Severity;

mod explain;
mod problems;

pub use explain::{BonusText, ExplainText, StandingText, StepsText};
pub use problems::problem_message;

/// The language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Zh,
    #[default]
    En,
}

impl Lang {
    /// From the environment, as POSIX locales are resolved: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`; Chinese for any `zh…` locale, English otherwise.
    pub fn from_env() -> Lang {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let locale = var("LC_ALL")
            .or_else(|| var("LC_MESSAGES"))
            .or_else(|| var("LANG"))
            .unwrap_or_default();
        if locale.starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// `zh` or `en` (as given to `--lang`).
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the string of this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

macro_rules! texts {
    ($($name:ident => $zh:literal, $en:literal;)*) => {
        /// The fixed texts of the user interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($name),* }

        impl T {
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$name, Lang::Zh) => $zh, (T::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

texts! {
    Error => "错误", "error";
    Warning => "警告", "warning";
    CountiesAndZone => "县（区）", "Counties and zone";
    CityDepartments => "市直部门", "City departments";
    Rank => "名次", "#";
    Unit => "单位", "Unit";
    Organization => "组织实施", "Org";
    Survey => "群众测评", "Survey";
    Task => "任务完成", "Task";
    Penalty => "处分扣分", "Pen.";
    Total => "总分", "Total";
    Flags => "标记", "Flags";
    Comprehensive => "综合先进", "comprehensive";
    Vetoed => "一票否决", "veto";
    LastPlace => "末位", "last place";
    Tied => "并列", "tied";
    PendingMark => "待录入", "pending";
    Awards => "单项先进", "Single-item awards";
    AwardWord => "单项", "award";
    NoWinner => "（空缺）", "(none)";
    WarningsHeading => "警告", "Warnings";
    NoDepartments => "（无部门评分）", "(no department scores)";
    NoProblems => "没有错误或警告", "no errors or warnings";
    Winners => "获奖单位", "Winners";
    VetoList => "一票否决单位", "Vetoed units";
    Indicator => "指标", "Indicator";
}

/// The word for an error or a warning, as a compiler prints it.
pub fn severity(severity: Severity, lang: Lang) -> &'static str {
    match severity {
        Severity::Error => T::Error.get(lang),
        Severity::Warning => T::Warning.get(lang),
    }
}

/// Items joined as a list: `甲、乙` or `a, b`.
pub fn join_list(items: &[String], lang: Lang) -> String {
    items.join(lang.pick("、", ", "))
}

/// A share as a percentage: `0.05` → `5%`.
pub fn percent(share: rust_decimal::Decimal) -> String {
    format!(
        "{}%",
        (share * rust_decimal::Decimal::ONE_HUNDRED).normalize()
    )
}

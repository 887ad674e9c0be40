//! `[sections]`: the declared maxima of the three parts of the score and of the whole —
//! the struct, the keys it accepts, how it is read and written (see [`super::scheme`]).

use super::load::reader::{Loader, Obj};
use super::scheme::{Scheme, Written, decimal, opt_decimal};
use rust_decimal::Decimal;

/// `[sections]` (required): the declared maxima, checked against their parts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sections {
    pub total: Decimal,
    pub survey: Decimal,
    pub task: Decimal,
    /// Optional: the declared maximum of 组织实施. When absent, the sum of the items.
    pub organization: Option<Decimal>,
}

impl Scheme for Sections {
    const KEYS: &'static [&'static str] = &["total", "survey", "task", "organization"];

    fn read(l: &mut Loader, o: &Obj) -> Self {
        Sections {
            total: l.non_negative(o, "total"),
            survey: l.non_negative(o, "survey"),
            task: l.non_negative(o, "task"),
            organization: if o.has("organization") {
                Some(l.non_negative(o, "organization"))
            } else {
                None
            },
        }
    }

    /// `organization` comes second in a new file, next to the total it is part of.
    fn pairs(&self) -> Vec<(&'static str, Written)> {
        vec![
            ("total", decimal(self.total)),
            ("organization", opt_decimal(self.organization)),
            ("survey", decimal(self.survey)),
            ("task", decimal(self.task)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_every_key_it_reads() {
        super::super::scheme::tests::check_keys(&Sections::default());
    }
}

//! `[[awards]]`: the single-item awards (单项先进) — the struct, the keys it accepts, how it
//! is read and written (see [`super::scheme`]). No edit changes an award yet.

use super::Indicator;
use super::load::reader::{Loader, Node, Obj};
use super::scheme::{Scheme, Written, ids, opt_text, text, whole};

/// A single-item award (单项先进) for counties and the zone.
#[derive(Debug, Clone, PartialEq)]
pub struct Award {
    pub id: String,
    pub name: String,
    pub count: u32,
    /// The unit's earned indicator scores in these areas count ...
    pub areas: Vec<String>,
    /// ... optionally only the indicators this department leads ...
    pub lead: Option<String>,
    /// ... plus these organisation items.
    pub organization: Vec<String>,
}

/// A blank award, counting what an absent key reads as (one winner, nothing selected).
impl Default for Award {
    fn default() -> Self {
        Award {
            id: String::new(),
            name: String::new(),
            count: 1,
            areas: Vec::new(),
            lead: None,
            organization: Vec::new(),
        }
    }
}

impl Award {
    /// Whether an indicator's earned score counts towards this award.
    pub fn selects(&self, indicator: &Indicator) -> bool {
        if self.areas.is_empty() && self.lead.is_none() {
            return false;
        }
        (self.areas.is_empty() || self.areas.contains(&indicator.area))
            && self
                .lead
                .as_ref()
                .is_none_or(|lead| indicator.lead.as_ref() == Some(lead))
    }
}

impl Scheme for Award {
    const KEYS: &'static [&'static str] = &["id", "name", "count", "areas", "lead", "organization"];

    fn read<N: Node>(l: &mut Loader, o: &Obj<N>) -> Self {
        Award {
            id: l.id(o, "id"),
            name: l.name(o),
            count: l.whole(o, "count", 1, u32::MAX).unwrap_or(1),
            areas: l.id_list(o, "areas").unwrap_or_default(),
            lead: l.opt_id(o, "lead"),
            organization: l.id_list(o, "organization").unwrap_or_default(),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        vec![
            ("id", text(&self.id)),
            ("name", text(&self.name)),
            ("count", whole(self.count).default_when(self.count == 1)),
            (
                "areas",
                ids(&self.areas).default_when(self.areas.is_empty()),
            ),
            ("lead", opt_text(self.lead.as_deref())),
            (
                "organization",
                ids(&self.organization).default_when(self.organization.is_empty()),
            ),
        ]
    }
}

super::scheme::entry!(Award, "awards", awards);

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn reads_back_what_it_writes() {
        crate::project::scheme::tests::check_entry(&Award {
            id: "medical-hrss".into(),
            name: "医疗保障工作先进县(人社)".into(),
            count: 1,
            areas: vec!["medical".into()],
            lead: Some("hrss".into()),
            organization: vec![],
        });
    }

    #[test]
    fn selectors() {
        let ind = |area: &str, lead: Option<&str>| Indicator {
            id: "i".into(),
            area: area.into(),
            name: "i".into(),
            base: Decimal::ONE,
            lead: lead.map(str::to_string),
            ..Indicator::default()
        };
        let award = |areas: &[&str], lead: Option<&str>| Award {
            id: "a".into(),
            name: "a".into(),
            count: 1,
            areas: areas.iter().map(|s| s.to_string()).collect(),
            lead: lead.map(str::to_string),
            organization: vec![],
        };
        assert!(award(&["med"], None).selects(&ind("med", Some("hrss"))));
        assert!(!award(&["med"], None).selects(&ind("edu", Some("hrss"))));
        assert!(award(&["med"], Some("hrss")).selects(&ind("med", Some("hrss"))));
        assert!(!award(&["med"], Some("hrss")).selects(&ind("med", Some("civil"))));
        assert!(!award(&["med"], Some("hrss")).selects(&ind("med", None)));
        // A lead alone selects what that department leads, in any area.
        assert!(award(&[], Some("hrss")).selects(&ind("edu", Some("hrss"))));
        // No indicator selector at all: organisation items only.
        assert!(!award(&[], None).selects(&ind("edu", Some("hrss"))));
    }
}

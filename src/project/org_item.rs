//! `[[organization]]`: the items of 组织实施 — the struct, the keys it accepts, how it is
//! read and written (see [`super::scheme`]). No edit changes an item yet.

use super::load::reader::{Loader, Obj};
use super::scheme::{Scheme, Written, decimal, text};
use rust_decimal::Decimal;

/// One item of 组织实施 (organisation and implementation), scored `0..=max`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrgItem {
    pub id: String,
    pub name: String,
    pub max: Decimal,
}

impl Scheme for OrgItem {
    const KEYS: &'static [&'static str] = &["id", "name", "max"];

    fn read(l: &mut Loader, o: &Obj) -> Self {
        OrgItem {
            id: l.id(o, "id"),
            name: l.name(o),
            max: l.non_negative(o, "max"),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        vec![
            ("id", text(&self.id)),
            ("name", text(&self.name)),
            ("max", decimal(self.max)),
        ]
    }
}

super::scheme::entry!(OrgItem, "organization", organization);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_writes() {
        super::super::scheme::tests::check_entry(&OrgItem {
            id: "leadership".into(),
            name: "组织领导".into(),
            max: Decimal::new(25, 1),
        });
    }
}

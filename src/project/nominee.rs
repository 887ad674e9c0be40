//! `[[nominees]]`: the advanced individuals (先进个人) a county, the zone or a department
//! nominates — the struct, the keys it accepts, how it is read and written (see
//! [`super::scheme`]).
//!
//! A nominee has no id of its own: it is an element of the list, known by its place
//! there, like a penalty of a score sheet. So it is a [`Scheme`] table but not an
//! [`Entry`](super::scheme::Entry); the loader and the writer walk the list by its key,
//! [`Nominee::LIST`]. No edit changes a nominee yet.

use super::load::reader::{Loader, Node, Obj};
use super::scheme::{Scheme, Written, opt_text, text};

/// One advanced individual nominated (等额推荐: as many as the unit's quota).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Nominee {
    /// The county, the zone or the department that nominates them.
    pub unit: String,
    pub name: String,
    /// Their post (县人社局就业股股长), if given.
    pub post: Option<String>,
}

impl Nominee {
    /// The root key of the list.
    pub const LIST: &'static str = "nominees";
}

impl Scheme for Nominee {
    const KEYS: &'static [&'static str] = &["unit", "name", "post"];

    fn read<N: Node>(l: &mut Loader, o: &Obj<N>) -> Self {
        Nominee {
            unit: l.id(o, "unit"),
            name: l.name(o),
            post: l.string(o, "post"),
        }
    }

    fn pairs(&self) -> Vec<(&'static str, Written)> {
        vec![
            ("unit", text(&self.unit)),
            ("name", text(&self.name)),
            ("post", opt_text(self.post.as_deref())),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::load::reader::read_back;
    use crate::project::scheme::tests::check_keys;

    #[test]
    fn reads_back_what_it_writes() {
        let nominee = Nominee {
            unit: "jia".into(),
            name: "张三".into(),
            post: Some("县人社局就业股股长".into()),
        };
        check_keys(&nominee);
        let pairs = nominee
            .pairs()
            .into_iter()
            .filter_map(|(k, w)| Some((k, w.in_new_file()?)))
            .collect();
        let (back, problems) = read_back(pairs, Nominee::KEYS, Nominee::read);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back, nominee);
    }
}

//! The macros the texts of the user interface are declared with: [`sentences!`] for the
//! sentences, which put the two languages side by side in one row so that a sentence
//! cannot exist in one language only, and [`cat!`] for the fixed texts that hold a term
//! of the glossary ([`super::glossary`], declared with its own macro, `terms!`).

/// Declares sentences as methods of a text struct `XText(pub Lang)`, each once, with
/// both languages side by side and **named placeholders that are the method's
/// arguments**:
///
/// ```ignore
/// impl ExportText {
///     sentences! {
///         /// `第 3 名（共 4 个）` / `rank 3 of 4`
///         pub fn rank_of(rank: u32, count: usize) {
///             zh: "第 {rank} 名（共 {count} 个）",
///             en: "rank {rank} of {count}",
///         }
///     }
/// }
/// ```
///
/// generates `pub fn rank_of(self, rank: u32, count: usize) -> String`. Each language's
/// arm is `{ use glossary::<lang>::*; format!(<text>) }`: `format!`'s implicit capture
/// finds the method's arguments and the glossary's terms by name (`{BASE}`,
/// `{LAST_PLACE}`), the terms in the arm's own language. Arguments are lowercase and
/// terms uppercase, so the two never meet.
///
/// A sentence has no `if`: where a sentence varies (tied or not, one or many, a part
/// present or absent), each variant is a sentence of its own, and a small method next to
/// them chooses.
///
/// Each sentence says its visibility: `pub` for one that other modules use as it is,
/// `pub(super)` for a variant or a part that only the topic's choosers use. (Private
/// would do as well; `pub(super)` keeps the dead-code lint and lets the `duplicates`
/// tool read the rows as declarations rather than as one block of code written again.)
macro_rules! sentences {
    ($(
        $(#[$meta:meta])*
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) {
            zh: $zh:literal,
            en: $en:literal $(,)?
        }
    )*) => {
        $(
            $(#[$meta])*
            #[must_use]
            #[allow(clippy::useless_format)]
            $vis fn $name(self, $($arg: $ty),*) -> String {
                match self.0 {
                    $crate::i18n::Lang::Zh => {
                        #[allow(unused_imports)]
                        use $crate::i18n::glossary::zh::*;
                        format!($zh)
                    }
                    $crate::i18n::Lang::En => {
                        #[allow(unused_imports)]
                        use $crate::i18n::glossary::en::*;
                        format!($en)
                    }
                }
            }
        )*
    };
}

/// Joins string constants into one `&'static str` when compiling, for the fixed texts
/// ([`super::T`]) that hold a term: `cat!(zh::VETO, "单位")` is `一票否决单位`.
/// (`concat!` takes literals only, not the glossary's constants.)
macro_rules! cat {
    ($($part:expr),+ $(,)?) => {{
        const PARTS: &[&str] = &[$($part),+];
        const BYTES: [u8; $crate::i18n::macros::joined_len(PARTS)] =
            $crate::i18n::macros::joined(PARTS);
        const TEXT: &str = match ::std::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => panic!("parts of a text split a character"),
        };
        TEXT
    }};
}

/// The length of `parts` joined (for [`cat!`]).
pub const fn joined_len(parts: &[&str]) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < parts.len() {
        len += parts[i].len();
        i += 1;
    }
    len
}

/// The bytes of `parts` joined (for [`cat!`]); `N` is [`joined_len`].
pub const fn joined<const N: usize>(parts: &[&str]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut at = 0;
    let mut i = 0;
    while i < parts.len() {
        let bytes = parts[i].as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            out[at] = bytes[j];
            at += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

pub(crate) use cat;
pub(crate) use sentences;

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::i18n::glossary::zh;

    struct Probe(Lang);

    impl Probe {
        sentences! {
            /// Names the arguments and two terms.
            fn probe(rank: u32, name: &str) {
                zh: "{name}：{LAST_PLACE}，第 {rank} 名，{BASE}",
                en: "{name}: {LAST_PLACE}, rank {rank}, {BASE}",
            }

            /// Cites a Chinese term in English.
            fn gloss() {
                zh: "{VETO}",
                en: "vetoed ({VETO_ZH})",
            }
        }
    }

    #[test]
    fn a_sentence_captures_its_arguments_and_the_terms_of_its_language() {
        assert_eq!(
            Probe(Lang::Zh).probe(3, "甲县"),
            "甲县：末位，第 3 名，基本分值"
        );
        assert_eq!(
            Probe(Lang::En).probe(3, "甲县"),
            "甲县: last place, rank 3, base"
        );
        assert_eq!(Probe(Lang::Zh).gloss(), "一票否决");
        assert_eq!(Probe(Lang::En).gloss(), "vetoed (一票否决)");
    }

    #[test]
    fn cat_joins_terms_and_literals_when_compiling() {
        const JOINED: &str = cat!(zh::VETO, "单位");
        assert_eq!(JOINED, "一票否决单位");
        assert_eq!(cat!("a", zh::LAST_PLACE, "b"), "a末位b");
    }
}

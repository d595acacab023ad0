//! A set of tag keys for the matcher: sorted like a `BTreeSet<String>`, plus a 64-bit signature
//! (one bit per key, chosen by a hash). Recommendations compare one person with every published
//! offer, and most pairs share no tag: their signatures have no bit in common, which settles it
//! without comparing any text. Only when bits overlap are the keys themselves compared.

/// One bit per key: FNV-1a, folded to 0..64. Deterministic, so signatures are the same everywhere.
fn bit(key: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in key.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    1u64 << (hash % 64)
}

/// The five tag lists that describe an offer or a person, one field per kind: `Tags<TagSet>` in
/// the matcher, `Tags<Vec<String>>` on the wire and when stored. For a person `access` holds their
/// access needs; for an offer, what it has.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
pub struct Tags<S> {
    /// Skill tag keys (an offer: wanted; a person: has).
    pub skills: S,
    pub interests: S,
    /// Goal tag keys (an offer: serves; a person: wants).
    pub goals: S,
    /// Access tag keys (an offer: has, e.g. `wheelchair_accessible`; a person: needs).
    pub access: S,
    /// Language tag keys (an offer: spoken there; a person: speaks).
    pub languages: S,
}

impl<S> Tags<S> {
    pub fn map<T>(self, mut change: impl FnMut(S) -> T) -> Tags<T> {
        Tags {
            skills: change(self.skills),
            interests: change(self.interests),
            goals: change(self.goals),
            access: change(self.access),
            languages: change(self.languages),
        }
    }

    pub fn as_ref(&self) -> Tags<&S> {
        Tags {
            skills: &self.skills,
            interests: &self.interests,
            goals: &self.goals,
            access: &self.access,
            languages: &self.languages,
        }
    }
}

impl Tags<Vec<String>> {
    /// The lists as the matcher compares them.
    pub fn to_sets(&self) -> Tags<TagSet> {
        self.as_ref().map(|keys| keys.iter().cloned().collect())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagSet {
    /// Sorted, without duplicates.
    keys: Vec<String>,
    /// Each key's bit, in the order of `keys`: comparing sets then hashes nothing.
    bits: Vec<u64>,
    signature: u64,
}

impl TagSet {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn insert(&mut self, key: String) -> bool {
        match self.keys.binary_search(&key) {
            Ok(_) => false,
            Err(at) => {
                let key_bit = bit(&key);
                self.signature |= key_bit;
                self.bits.insert(at, key_bit);
                self.keys.insert(at, key);
                true
            }
        }
    }

    pub fn contains(&self, key: &str) -> bool {
        self.has(key, bit(key))
    }

    /// `contains`, with the key's bit known.
    fn has(&self, key: &str, key_bit: u64) -> bool {
        self.signature & key_bit != 0
            && self
                .keys
                .binary_search_by(|probe| probe.as_str().cmp(key))
                .is_ok()
    }

    /// The first key (in sorted order) that `other` lacks.
    pub fn first_missing_from<'a>(&'a self, other: &TagSet) -> Option<&'a String> {
        self.keys
            .iter()
            .zip(&self.bits)
            .find(|(key, key_bit)| !other.has(key, **key_bit))
            .map(|(key, _)| key)
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn clear(&mut self) {
        self.keys.clear();
        self.bits.clear();
        self.signature = 0;
    }

    /// In sorted order.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.keys.iter()
    }

    /// The keys in both sets, in sorted order.
    pub fn common<'a>(&'a self, other: &'a TagSet) -> impl Iterator<Item = &'a String> + 'a {
        let overlap = self.signature & other.signature != 0;
        let (small, large) = if self.len() <= other.len() {
            (self, other)
        } else {
            (other, self)
        };
        small
            .keys
            .iter()
            .zip(&small.bits)
            .filter(move |(key, key_bit)| overlap && large.has(key, **key_bit))
            .map(|(key, _)| key)
    }

    /// How many keys both sets have.
    pub fn count_common(&self, other: &TagSet) -> usize {
        if self.signature & other.signature == 0 {
            return 0;
        }
        self.common(other).count()
    }

    pub fn is_disjoint(&self, other: &TagSet) -> bool {
        self.common(other).next().is_none()
    }
}

impl FromIterator<String> for TagSet {
    fn from_iter<I: IntoIterator<Item = String>>(keys: I) -> Self {
        let mut set = Self::new();
        for key in keys {
            set.insert(key);
        }
        set
    }
}

impl<'a> IntoIterator for &'a TagSet {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::TagSet;

    const KEYS: &[&str] = &[
        "gardening",
        "cooking",
        "music",
        "nl",
        "ar",
        "en",
        "tr",
        "wheelchair_accessible",
        "quiet_space",
        "social_contact",
        "outdoors",
        "exercise",
        "learning_dutch",
        "a",
        "b",
    ];

    fn both(keys: &[&str]) -> (TagSet, BTreeSet<String>) {
        let owned: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        (owned.iter().cloned().collect(), owned.into_iter().collect())
    }

    proptest! {
        /// Whatever the signatures say, the answers are those of a BTreeSet.
        #[test]
        fn behaves_like_a_btree_set(
            left in proptest::sample::subsequence(KEYS, 0..=KEYS.len()),
            right in proptest::sample::subsequence(KEYS, 0..=KEYS.len()),
        ) {
            let (a, a_ref) = both(&left);
            let (b, b_ref) = both(&right);
            let common: Vec<&String> = a.common(&b).collect();
            let expected: Vec<&String> = a_ref.intersection(&b_ref).collect();
            prop_assert_eq!(common, expected);
            prop_assert_eq!(a.count_common(&b), a_ref.intersection(&b_ref).count());
            prop_assert_eq!(a.is_disjoint(&b), a_ref.is_disjoint(&b_ref));
            prop_assert_eq!(
                a.first_missing_from(&b),
                a_ref.difference(&b_ref).next()
            );
            prop_assert_eq!(a.iter().collect::<Vec<_>>(), a_ref.iter().collect::<Vec<_>>());
            for key in KEYS {
                prop_assert_eq!(a.contains(key), a_ref.contains(*key));
            }
        }
    }
}

//! Residents' matching inputs kept in memory: what a recommendation reads about the person (their
//! profile, the offers they signed up for, the offers proposed to them), so asking again costs no
//! database round trip.
//!
//! Kept right the same way as the catalog's answers (docs/architecture.md, "The unit of work and
//! the catalog cache"): every write that changes such rows records the resident
//! ([`crate::db::tx::Tx::resident_changed`]); applying the change leaves a mark with its version in
//! place of the kept inputs; inputs read from the database are kept only when no change to that
//! resident was applied after the version noted before the read. Other processes' changes come
//! through the poller like offers' changes.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use moka::ops::compute::Op;

use crate::db::ids::UserId;

/// How many residents' inputs are kept: about 1.5 KB each (a profile with ten tags and five
/// availability windows), so at most about 8 MB; residents who ask more than once are few at a time.
const KEPT_RESIDENTS: u64 = 5_000;

enum Kept<T> {
    /// Inputs read at or after this catalog version.
    Read(u64, Arc<T>),
    /// The resident's inputs changed at this catalog version.
    Changed(u64),
}

// By hand: the kept inputs are shared, so `T` need not be `Clone`.
impl<T> Clone for Kept<T> {
    fn clone(&self) -> Self {
        match self {
            Self::Read(at, inputs) => Self::Read(*at, inputs.clone()),
            Self::Changed(at) => Self::Changed(*at),
        }
    }
}

pub struct ResidentInputs<T> {
    kept: moka::sync::Cache<UserId, Kept<T>>,
    /// The highest version at which any resident changed: a resident without a mark (never kept,
    /// or the mark was evicted) may have changed up to here.
    changed_at: AtomicU64,
}

impl<T: Send + Sync + 'static> Default for ResidentInputs<T> {
    fn default() -> Self {
        Self {
            kept: moka::sync::Cache::new(KEPT_RESIDENTS),
            changed_at: AtomicU64::new(0),
        }
    }
}

impl<T: Send + Sync + 'static> ResidentInputs<T> {
    /// The resident's kept inputs, if no change to them was applied since they were read.
    pub fn get(&self, resident: &UserId) -> Option<Arc<T>> {
        match self.kept.get(resident)? {
            Kept::Read(_, inputs) => Some(inputs),
            Kept::Changed(_) => None,
        }
    }

    /// Keeps inputs read from a database read that started after `version` was applied, unless a
    /// change to the resident was applied after that version (the read may have missed it).
    pub fn keep(&self, resident: UserId, version: u64, inputs: Arc<T>) {
        let changed_at = &self.changed_at;
        self.kept.entry(resident).and_compute_with(|current| {
            match current.map(|entry| entry.into_value()) {
                Some(Kept::Changed(at)) if at > version => Op::Nop,
                Some(Kept::Read(at, _)) if at > version => Op::Nop,
                None if changed_at.load(Ordering::Acquire) > version => Op::Nop,
                _ => Op::Put(Kept::Read(version, inputs)),
            }
        });
    }

    /// A committed change to these residents at `version` (this process's or another's).
    pub fn changed<'a>(&self, residents: impl IntoIterator<Item = &'a UserId>, version: u64) {
        for resident in residents {
            self.kept
                .entry(resident.clone())
                .and_compute_with(|current| match current.map(|entry| entry.into_value()) {
                    Some(Kept::Changed(at)) if at >= version => Op::Nop,
                    _ => Op::Put(Kept::Changed(version)),
                });
            self.changed_at.fetch_max(version, Ordering::AcqRel);
        }
    }

    /// Every resident may have changed (reference data, or the log was pruned past this process).
    pub fn all_changed(&self, version: u64) {
        self.changed_at.fetch_max(version, Ordering::AcqRel);
        self.kept.invalidate_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(name: &str) -> UserId {
        UserId(name.to_string())
    }

    #[test]
    fn a_read_older_than_a_change_is_not_kept() {
        let kept = ResidentInputs::<u32>::default();
        kept.keep(id("a"), 5, Arc::new(1));
        assert_eq!(kept.get(&id("a")).as_deref(), Some(&1));
        // A change at 7 lands while a read that started at 6 is under way: that read is not kept.
        kept.changed([&id("a")], 7);
        assert!(kept.get(&id("a")).is_none());
        kept.keep(id("a"), 6, Arc::new(2));
        assert!(kept.get(&id("a")).is_none());
        // A read that started after the change is.
        kept.keep(id("a"), 7, Arc::new(3));
        assert_eq!(kept.get(&id("a")).as_deref(), Some(&3));
        // An older read never replaces a newer one.
        kept.keep(id("a"), 6, Arc::new(4));
        assert_eq!(kept.get(&id("a")).as_deref(), Some(&3));
    }

    #[test]
    fn a_resident_without_a_mark_is_kept_only_after_every_change() {
        let kept = ResidentInputs::<u32>::default();
        kept.changed([&id("a")], 9);
        // "b" has no mark: a change to "b" might have been forgotten, so only reads from 9 on count.
        kept.keep(id("b"), 8, Arc::new(1));
        assert!(kept.get(&id("b")).is_none());
        kept.keep(id("b"), 9, Arc::new(2));
        assert_eq!(kept.get(&id("b")).as_deref(), Some(&2));
        kept.all_changed(10);
        assert!(kept.get(&id("b")).is_none());
        kept.keep(id("b"), 9, Arc::new(3));
        assert!(kept.get(&id("b")).is_none());
    }
}

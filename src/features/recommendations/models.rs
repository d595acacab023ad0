//! The candidate pool: every published offer as the matcher sees it (compact structs built from
//! rows, not wire responses). Built once, then changed in place: one offer's free places when
//! someone signs up, one offer's candidate when its content changes (see `service::pool`).

use std::collections::HashMap;

use crate::db::ids::{DistrictId, OfferId};
use crate::matching::{Candidate, Place};

#[derive(Default)]
pub struct Pool {
    candidates: Vec<Candidate>,
    /// Where each offer's candidate is in `candidates`.
    index: HashMap<OfferId, usize>,
    /// Each district's place in the tree (area and municipality above it).
    pub places: HashMap<DistrictId, Place>,
}

impl Pool {
    pub fn new(places: HashMap<DistrictId, Place>, candidates: Vec<Candidate>) -> Self {
        let mut pool = Self {
            candidates: Vec::with_capacity(candidates.len()),
            index: HashMap::with_capacity(candidates.len()),
            places,
        };
        for candidate in candidates {
            pool.upsert(candidate);
        }
        pool
    }

    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    pub fn position(&self, id: &OfferId) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn set_free_places(&mut self, id: &OfferId, free: i32) {
        if let Some(&at) = self.index.get(id) {
            self.candidates[at].free_places = free.max(0) as u32;
        }
    }

    /// Adds an offer's candidate or replaces the one it had.
    pub fn upsert(&mut self, candidate: Candidate) {
        let id = OfferId(candidate.id.clone());
        match self.index.get(&id) {
            Some(&at) => self.candidates[at] = candidate,
            None => {
                self.index.insert(id, self.candidates.len());
                self.candidates.push(candidate);
            }
        }
    }

    /// Takes an offer out (closed, or no longer published). Order does not matter: rankings
    /// break ties by offer id.
    pub fn remove(&mut self, id: &OfferId) {
        let Some(at) = self.index.remove(id) else {
            return;
        };
        self.candidates.swap_remove(at);
        if let Some(moved) = self.candidates.get(at) {
            self.index.insert(OfferId(moved.id.clone()), at);
        }
    }
}

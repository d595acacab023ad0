//! The candidate pool: every published offer as the matcher sees it, next to its wire form.
//! Built from the database once per catalog version and shared by all requests until it changes.

use std::collections::HashMap;

use crate::db::ids::DistrictId;
use crate::features::offers::dto::OfferResponse;
use crate::matching::{Candidate, Place};

pub struct Pool {
    pub version: u64,
    pub candidates: Vec<Candidate>,
    /// `offers[i]` is the offer of `candidates[i]`.
    pub offers: Vec<OfferResponse>,
    /// Each district's place in the tree (area and municipality above it).
    pub places: HashMap<DistrictId, Place>,
}

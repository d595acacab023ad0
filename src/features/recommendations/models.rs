//! The candidate pool: every published offer as the matcher sees it (compact structs built from
//! rows, not wire responses). Built once, then changed in place: one offer's free places when
//! someone signs up, one offer's candidate when its content changes (see `service::pool`).

use std::collections::{HashMap, HashSet};

use crate::db::ids::{DistrictId, OfferId};
use crate::features::profiles::service::FullProfile;
use crate::matching::{Candidate, Place, Travel};

/// What a recommendation reads about the resident, kept in memory between requests
/// (`catalog.residents`): their profile (None before they fill it in), the offers they have an
/// active sign-up for and the offers proposed to them that they have not answered.
pub struct MatchingInputs {
    pub profile: Option<FullProfile>,
    pub taken: HashSet<OfferId>,
    pub proposed: HashSet<OfferId>,
}

#[derive(Default)]
pub struct Pool {
    candidates: Vec<Candidate>,
    /// `reach[i]`: the district and area numbers of `candidates[i]` (`NO_AREA` for none).
    reach: Vec<(u32, u32)>,
    /// Where each offer's candidate is in `candidates`.
    index: HashMap<OfferId, usize>,
    /// The positions in `candidates` of each district's and each area's offers (by their
    /// numbers), so a person who stays near home is matched against those offers only.
    in_district: HashMap<u32, Vec<usize>>,
    in_area: HashMap<u32, Vec<usize>>,
    /// Each district's place in the tree (area and municipality above it), numbered: candidates
    /// and persons take their places from here, so their numbers agree.
    pub places: HashMap<DistrictId, Place>,
}

/// How far a person goes, as numbers from [`Pool::reach_of`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Anywhere,
    District(u32),
    /// The district, and the area it is in.
    Area(u32, Option<u32>),
}

impl Pool {
    pub fn new(places: HashMap<DistrictId, Place>, candidates: Vec<Candidate>) -> Self {
        let mut pool = Self {
            candidates: Vec::with_capacity(candidates.len()),
            reach: Vec::with_capacity(candidates.len()),
            index: HashMap::with_capacity(candidates.len()),
            in_district: HashMap::new(),
            in_area: HashMap::new(),
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

    /// Whether `candidates[index]` can be within `reach` (the matcher decides the rest).
    pub fn within(&self, index: usize, reach: Reach) -> bool {
        let (district, area) = self.reach[index];
        match reach {
            Reach::Anywhere => true,
            Reach::District(home) => district == home,
            Reach::Area(home, home_area) => district == home || Some(area) == home_area,
        }
    }

    /// A person's travel range; `Anywhere` when their place is unknown.
    pub fn reach_of(&self, place: Option<&Place>, travel: Travel) -> Reach {
        let Some(place) = place else {
            return Reach::Anywhere;
        };
        match travel {
            Travel::Anywhere => Reach::Anywhere,
            Travel::OwnDistrict => Reach::District(place.district),
            Travel::OwnArea => Reach::Area(place.district, place.area),
        }
    }

    /// The positions of the candidates that can be within `reach`: every one for `Anywhere`,
    /// else those of the home district and its area (the matcher decides the rest).
    pub fn reachable(&self, reach: Reach) -> Box<dyn Iterator<Item = usize> + '_> {
        match reach {
            Reach::Anywhere => Box::new(0..self.candidates.len()),
            Reach::District(home) | Reach::Area(home, None) => {
                Box::new(members(&self.in_district, home).iter().copied())
            }
            Reach::Area(home, Some(area)) => Box::new(
                members(&self.in_area, area).iter().copied().chain(
                    // The home district's offers outside that area (none, in one district tree).
                    members(&self.in_district, home)
                        .iter()
                        .copied()
                        .filter(move |&at| self.reach[at].1 != area),
                ),
            ),
        }
    }

    /// Adds an offer's candidate or replaces the one it had.
    pub fn upsert(&mut self, candidate: Candidate) {
        let id = OfferId(candidate.id.clone());
        let district = candidate.place.district;
        // No area: a number of its own that no person's area has.
        let area = candidate.place.area.unwrap_or(NO_AREA);
        match self.index.get(&id) {
            Some(&at) => {
                self.candidates[at] = candidate;
                if self.reach[at] != (district, area) {
                    self.ungroup(at);
                    self.reach[at] = (district, area);
                    self.group(at);
                }
            }
            None => {
                let at = self.candidates.len();
                self.index.insert(id, at);
                self.candidates.push(candidate);
                self.reach.push((district, area));
                self.group(at);
            }
        }
    }

    /// Takes an offer out (closed, or no longer published). Order does not matter: rankings
    /// break ties by offer id.
    pub fn remove(&mut self, id: &OfferId) {
        let Some(at) = self.index.remove(id) else {
            return;
        };
        self.ungroup(at);
        let last = self.candidates.len() - 1;
        if at != last {
            // The last candidate moves into the gap: its groups follow it.
            self.ungroup(last);
        }
        self.candidates.swap_remove(at);
        self.reach.swap_remove(at);
        if let Some(moved) = self.candidates.get(at) {
            self.index.insert(OfferId(moved.id.clone()), at);
            self.group(at);
        }
    }

    fn group(&mut self, at: usize) {
        let (district, area) = self.reach[at];
        self.in_district.entry(district).or_default().push(at);
        if area != NO_AREA {
            self.in_area.entry(area).or_default().push(at);
        }
    }

    fn ungroup(&mut self, at: usize) {
        let (district, area) = self.reach[at];
        for (groups, number) in [(&mut self.in_district, district), (&mut self.in_area, area)] {
            if let Some(members) = groups.get_mut(&number)
                && let Some(place) = members.iter().position(|&member| member == at)
            {
                members.swap_remove(place);
            }
        }
    }
}

fn members(groups: &HashMap<u32, Vec<usize>>, number: u32) -> &[usize] {
    groups.get(&number).map_or(&[], Vec::as_slice)
}

/// The area number of a candidate whose district is in no area (places are numbered from 0).
const NO_AREA: u32 = u32::MAX;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::{Exclusion, Person, Tags, exclusion};

    fn place(district: u32, area: Option<u32>) -> Place {
        Place {
            district,
            area,
            municipality: Some(1000),
        }
    }

    fn candidate(id: &str, place: Place) -> Candidate {
        Candidate {
            id: id.into(),
            place,
            tags: Tags::default(),
            guidance: 0,
            dutch_level: 0,
            language_buddy: false,
            min_age: None,
            times: Vec::new(),
            end_day: None,
            free_places: 1,
            referral_required: false,
        }
    }

    /// The reach filter never leaves out an offer the matcher would keep, and leaves out exactly
    /// those it would call too far.
    #[test]
    fn reach_agrees_with_the_travel_rule() {
        let places = [
            place(1, Some(101)),
            place(2, Some(101)),
            place(3, Some(102)),
            place(4, None),
        ];
        let mut pool = Pool::default();
        for i in 0..12 {
            pool.upsert(candidate(&format!("o{i}"), places[i % places.len()]));
        }
        // Removals move the last candidate into the gap; a changed offer can move district.
        pool.remove(&OfferId("o0".into()));
        pool.remove(&OfferId("o5".into()));
        pool.remove(&OfferId("o11".into()));
        pool.upsert(candidate("o0", places[0]));
        pool.upsert(candidate("o3", places[0]));
        pool.upsert(candidate("o6", places[3]));
        let homes = [
            None,
            Some(place(1, Some(101))),
            Some(place(3, Some(102))),
            Some(place(4, None)),
            Some(place(50, Some(101))),
            Some(place(51, None)),
        ];
        for home in &homes {
            for travel in [Travel::OwnDistrict, Travel::OwnArea, Travel::Anywhere] {
                let person = Person {
                    place: *home,
                    age: None,
                    tags: Tags::default(),
                    guidance_needed: 0,
                    dutch_level: 0,
                    availability: Vec::new(),
                    max_travel: travel,
                };
                let reach = pool.reach_of(home.as_ref(), travel);
                let mut reachable: Vec<usize> = pool.reachable(reach).collect();
                reachable.sort_unstable();
                let within: Vec<usize> = (0..pool.len())
                    .filter(|&index| pool.within(index, reach))
                    .collect();
                assert_eq!(reachable, within, "{home:?} {travel:?}");
                for (index, offer) in pool.candidates().iter().enumerate() {
                    let too_far = exclusion(&person, offer, 0) == Some(Exclusion::TooFar);
                    assert_eq!(
                        pool.within(index, reach),
                        !too_far,
                        "{home:?} {travel:?} {}",
                        offer.id
                    );
                }
            }
        }
    }
}

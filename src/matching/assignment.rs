//! Exact batch assignment: at most one offer per resident, at most `capacity` residents per offer,
//! the largest possible total weight. Solved as a min-cost flow by successive shortest paths
//! (the Hungarian method, one resident at a time), with Dijkstra on reduced costs.
//!
//! The network: resident → offer (cost −weight, capacity 1), offer → sink (cost 0, capacity = free
//! places), and a "no proposal" offer of cost 0 and unlimited capacity, so every resident is placed
//! somewhere and leaving someone without a proposal is just another choice. After each resident the
//! flow is a minimum-cost one for the residents seen so far, so the last one is optimal.
//!
//! Reduced costs are `cost + π(from) − π(to)` and stay non-negative: a new resident's potential is
//! the largest `π(offer) − cost` over its arcs, and after each search every potential grows by its
//! distance (capped at the sink's).
//!
//! Two facts keep the search small. A path into an offer with room can stop there: going on through
//! one of its residents would close a cycle through the sink, and an optimal flow has no negative
//! cycles. The same holds for the "no proposal" offer. So the search only walks through full offers.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The instance: weights are positive integers (see `matching::weight`); edges with weight ≤ 0 or
/// to offers without capacity are ignored, since proposing them never helps.
#[derive(Debug, Clone, Default)]
pub struct Problem {
    pub capacities: Vec<u32>,
    /// For each resident: (offer index, weight).
    pub edges: Vec<Vec<(u32, i64)>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    /// For each resident, the offer proposed, if any.
    pub assignment: Vec<Option<u32>>,
    pub total: i64,
}

const INF: i64 = i64::MAX / 4;

pub fn solve(problem: &Problem) -> Solution {
    let residents = problem.edges.len();
    let offers = problem.capacities.len();
    let none = offers; // the "no proposal" offer
    let sink = offers + 1;
    let nodes = offers + 2;

    // Arcs resident → offer with cost = −weight; the arc to "none" (cost 0) is implicit.
    let edges: Vec<Vec<(usize, i64)>> = problem
        .edges
        .iter()
        .map(|list| {
            list.iter()
                .filter(|(offer, weight)| {
                    *weight > 0
                        && problem
                            .capacities
                            .get(*offer as usize)
                            .is_some_and(|c| *c > 0)
                })
                .map(|(offer, weight)| (*offer as usize, -weight))
                .collect()
        })
        .collect();
    let cost_of = |resident: usize, offer: usize| -> i64 {
        if offer == none {
            0
        } else {
            edges[resident]
                .iter()
                .find(|(o, _)| *o == offer)
                .map(|(_, c)| *c)
                .unwrap_or(INF)
        }
    };

    let mut node_potential = vec![0i64; nodes];
    let mut resident_potential = vec![0i64; residents];
    let mut assigned: Vec<usize> = vec![none; residents];
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); offers];
    let mut used = vec![0u32; offers];

    let mut dist = vec![INF; nodes];
    let mut reached_from: Vec<usize> = vec![usize::MAX; nodes]; // the resident each offer was reached from
    let mut done = vec![false; nodes];
    let mut resident_dist = vec![INF; residents];
    let mut touched_residents: Vec<usize> = Vec::new();

    for new in 0..residents {
        // Give the new resident a potential that makes its arcs' reduced costs non-negative.
        resident_potential[new] = edges[new]
            .iter()
            .map(|(offer, cost)| node_potential[*offer] - cost)
            .chain(std::iter::once(node_potential[none]))
            .max()
            .unwrap_or(0);

        dist.fill(INF);
        done.fill(false);
        reached_from.fill(usize::MAX);
        for &r in &touched_residents {
            resident_dist[r] = INF;
        }
        touched_residents.clear();

        let mut heap = BinaryHeap::new();
        let relax_from = |resident: usize,
                          base: i64,
                          dist: &mut Vec<i64>,
                          reached_from: &mut Vec<usize>,
                          heap: &mut BinaryHeap<Reverse<(i64, usize)>>,
                          resident_potential: &Vec<i64>,
                          node_potential: &Vec<i64>,
                          skip: usize| {
            let arcs = edges[resident]
                .iter()
                .copied()
                .chain(std::iter::once((none, 0)));
            for (offer, cost) in arcs {
                if offer == skip {
                    continue;
                }
                let reduced = cost + resident_potential[resident] - node_potential[offer];
                let candidate = base + reduced;
                if candidate < dist[offer] {
                    dist[offer] = candidate;
                    reached_from[offer] = resident;
                    heap.push(Reverse((candidate, offer)));
                }
            }
        };
        resident_dist[new] = 0;
        touched_residents.push(new);
        relax_from(
            new,
            0,
            &mut dist,
            &mut reached_from,
            &mut heap,
            &resident_potential,
            &node_potential,
            usize::MAX,
        );

        while let Some(Reverse((d, node))) = heap.pop() {
            if done[node] || d > dist[node] {
                continue;
            }
            done[node] = true;
            if node == sink {
                break;
            }
            let has_room = node == none || used[node] < problem.capacities[node];
            if has_room {
                let reduced = node_potential[node] - node_potential[sink];
                if d + reduced < dist[sink] {
                    dist[sink] = d + reduced;
                    reached_from[sink] = node;
                    heap.push(Reverse((dist[sink], sink)));
                }
                continue;
            }
            // A full offer: move one of its residents elsewhere (reverse arc, cost +weight).
            for &member in &members[node] {
                let reduced =
                    -cost_of(member, node) + node_potential[node] - resident_potential[member];
                let at_member = d + reduced;
                if at_member < resident_dist[member] {
                    if resident_dist[member] == INF {
                        touched_residents.push(member);
                    }
                    resident_dist[member] = at_member;
                    relax_from(
                        member,
                        at_member,
                        &mut dist,
                        &mut reached_from,
                        &mut heap,
                        &resident_potential,
                        &node_potential,
                        node,
                    );
                }
            }
        }

        // Augment along the path: sink ← offer ← resident ← (their old offer) ← resident … ← new.
        let mut offer = reached_from[sink];
        if offer != none {
            used[offer] += 1;
        }
        loop {
            let resident = reached_from[offer];
            let previous = assigned[resident];
            assigned[resident] = offer;
            if offer != none {
                members[offer].push(resident);
            }
            if resident == new {
                break;
            }
            // The resident leaves its previous (full) offer for `offer`.
            if let Some(position) = members[previous].iter().position(|m| *m == resident) {
                members[previous].swap_remove(position);
            }
            offer = previous;
        }

        // Keep reduced costs non-negative: shift potentials by min(distance, distance to sink).
        let to_sink = dist[sink];
        for node in 0..nodes {
            node_potential[node] += dist[node].min(to_sink);
        }
        for resident in 0..residents {
            // Residents not reached move by the sink's distance, like unreached offers.
            resident_potential[resident] += resident_dist[resident].min(to_sink);
        }
        // Residents not yet added have no arcs yet; their potential is set when they are added.
    }

    let assignment: Vec<Option<u32>> = assigned
        .iter()
        .map(|offer| (*offer != none).then_some(*offer as u32))
        .collect();
    let total = assignment
        .iter()
        .enumerate()
        .filter_map(|(resident, offer)| offer.map(|o| -cost_of(resident, o as usize)))
        .sum();
    Solution { assignment, total }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Tries every choice (for tiny instances only).
    fn brute_force(problem: &Problem) -> i64 {
        fn go(problem: &Problem, resident: usize, used: &mut Vec<u32>) -> i64 {
            if resident == problem.edges.len() {
                return 0;
            }
            let mut best = go(problem, resident + 1, used);
            for &(offer, weight) in &problem.edges[resident] {
                let offer = offer as usize;
                if weight > 0 && used[offer] < problem.capacities[offer] {
                    used[offer] += 1;
                    best = best.max(weight + go(problem, resident + 1, used));
                    used[offer] -= 1;
                }
            }
            best
        }
        go(problem, 0, &mut vec![0; problem.capacities.len()])
    }

    fn check(problem: &Problem, solution: &Solution) {
        let mut used = vec![0u32; problem.capacities.len()];
        let mut total = 0;
        for (resident, offer) in solution.assignment.iter().enumerate() {
            if let Some(offer) = offer {
                used[*offer as usize] += 1;
                let weight = problem.edges[resident]
                    .iter()
                    .find(|(o, _)| o == offer)
                    .expect("a real edge")
                    .1;
                total += weight;
            }
        }
        for (offer, count) in used.iter().enumerate() {
            assert!(
                *count <= problem.capacities[offer],
                "capacity of offer {offer}"
            );
        }
        assert_eq!(total, solution.total);
    }

    #[test]
    fn a_greedy_choice_would_be_wrong() {
        // Greedy gives resident 0 the offer worth 10 and leaves resident 1 with 1: 11.
        // The optimum gives resident 0 the offer worth 9 and resident 1 the one worth 8: 17.
        let problem = Problem {
            capacities: vec![1, 1],
            edges: vec![vec![(0, 10), (1, 9)], vec![(0, 8), (1, 1)]],
        };
        let solution = solve(&problem);
        assert_eq!(solution.total, 17);
        assert_eq!(solution.assignment, vec![Some(1), Some(0)]);
    }

    #[test]
    fn capacity_and_leaving_people_out() {
        let problem = Problem {
            capacities: vec![2, 0],
            edges: vec![vec![(0, 5), (1, 100)], vec![(0, 7)], vec![(0, 6)], vec![]],
        };
        let solution = solve(&problem);
        check(&problem, &solution);
        assert_eq!(solution.total, 13);
        assert_eq!(solution.assignment, vec![None, Some(0), Some(0), None]);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn matches_brute_force(
            capacities in proptest::collection::vec(0u32..3, 1..5),
            raw in proptest::collection::vec(proptest::collection::vec((0u32..5, 1i64..50), 0..5), 0..9),
        ) {
            let offers = capacities.len() as u32;
            let edges: Vec<Vec<(u32, i64)>> = raw
                .into_iter()
                .map(|list| {
                    let mut seen = std::collections::BTreeSet::new();
                    list.into_iter().map(|(o, w)| (o % offers, w)).filter(|(o, _)| seen.insert(*o)).collect()
                })
                .collect();
            let problem = Problem { capacities, edges };
            let solution = solve(&problem);
            check(&problem, &solution);
            prop_assert_eq!(solution.total, brute_force(&problem));
        }
    }
}

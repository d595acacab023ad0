//! Matching benchmarks (issue 4), run with `cargo run --release --example bench_matching`:
//!
//! 1. Recommendations for one resident over 10,000 published offers, through the real service
//!    (`recommendations::service::for_resident`) on a synthetic SQLite world: median and p95 of
//!    200 calls after warm-up (the candidate pool is built once per catalog version).
//! 2. Batch assignment of 5,000 residents to 1,000 offers with capacities 1–10, from the same
//!    matching core the API uses: scoring every pair, then the exact solver. The instance is written
//!    to bench/results/assignment-instance.json so `bench/ortools_check.py` can solve it
//!    independently and compare the total.
//!
//! Peak memory is the process's high-water mark (VmHWM).

use std::time::Instant;

use meedoen::features::recommendations::service as recommendations;
use meedoen::features::tags::starter::STARTER_TAGS;
use meedoen::matching::{self, Candidate, Person, Place, TagSet, Tags, Travel, Window, assignment};
use meedoen::seed::synthetic::{self, Size};
use meedoen::state::AppState;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

fn peak_memory_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(str::to_string)
        })
        .and_then(|line| {
            line.split_whitespace()
                .nth(1)
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// The starting taxonomy's keys per kind, as the server adds them on migrate.
struct Taxonomy {
    skills: Vec<&'static str>,
    interests: Vec<&'static str>,
    goals: Vec<&'static str>,
    access: Vec<&'static str>,
    languages: Vec<&'static str>,
}

impl Taxonomy {
    fn starter() -> Self {
        let of = |kind: &str| {
            STARTER_TAGS
                .iter()
                .filter(|tag| tag.0 == kind)
                .map(|tag| tag.1)
                .collect()
        };
        Self {
            skills: of("skill"),
            interests: of("interest"),
            goals: of("goal"),
            access: of("access"),
            languages: of("language"),
        }
    }
}

fn pick(rng: &mut StdRng, pool: &[&str], low: usize, high: usize) -> TagSet {
    let count = rng.random_range(low..=high);
    pool.choose_multiple(rng, count)
        .map(|s| s.to_string())
        .collect()
}

/// Districts 0–59, areas 100–105, the municipality 1000.
fn place(district: usize) -> Place {
    Place {
        district: district as u32,
        area: Some(100 + district as u32 / 10),
        municipality: Some(1000),
    }
}

/// A random person of a district of 60; one in five has an access need, most speak Dutch.
fn random_person(rng: &mut StdRng, tags: &Taxonomy) -> Person {
    let mut languages = pick(rng, &tags.languages, 0, 1);
    if rng.random_bool(0.85) {
        languages.insert("nl".into());
    }
    Person {
        place: Some(place(rng.random_range(0..60))),
        age: Some(rng.random_range(18..85)),
        tags: Tags {
            skills: pick(rng, &tags.skills, 1, 3),
            interests: pick(rng, &tags.interests, 1, 3),
            goals: pick(rng, &tags.goals, 1, 3),
            access: if rng.random_bool(0.2) {
                pick(rng, &tags.access, 1, 1)
            } else {
                TagSet::new()
            },
            languages,
        },
        guidance_needed: *[0u8, 0, 1, 2].choose(rng).unwrap_or(&0),
        dutch_level: rng.random_range(0..5),
        availability: (0..rng.random_range(1..=4))
            .map(|_| {
                let start = rng.random_range(8..15) * 60;
                Window {
                    weekday: rng.random_range(1..=7),
                    start,
                    end: start + rng.random_range(2..6) * 60,
                }
            })
            .collect(),
        max_travel: *[
            Travel::OwnDistrict,
            Travel::OwnArea,
            Travel::Anywhere,
            Travel::Anywhere,
        ]
        .choose(rng)
        .unwrap_or(&Travel::Anywhere),
    }
}

fn random_offer(rng: &mut StdRng, tags: &Taxonomy, index: usize, capacity: u32) -> Candidate {
    let mut languages = pick(rng, &tags.languages, 0, 1);
    languages.insert("nl".into());
    Candidate {
        id: format!("offer-{index:05}"),
        place: place(rng.random_range(0..60)),
        tags: Tags {
            skills: pick(rng, &tags.skills, 0, 2),
            interests: pick(rng, &tags.interests, 0, 2),
            goals: pick(rng, &tags.goals, 1, 3),
            access: pick(rng, &tags.access, 0, 3),
            languages,
        },
        guidance: rng.random_range(0..3),
        dutch_level: rng.random_range(0..4),
        language_buddy: rng.random_bool(0.3),
        min_age: if rng.random_bool(0.1) { Some(18) } else { None },
        times: (0..rng.random_range(1..=2))
            .map(|_| {
                let start = rng.random_range(8..18) * 60;
                Window {
                    weekday: rng.random_range(1..=7),
                    start,
                    end: start + rng.random_range(1..4) * 60,
                }
            })
            .collect(),
        end_day: None,
        free_places: capacity,
        referral_required: false,
    }
}

fn bench_assignment() {
    let mut rng = StdRng::seed_from_u64(4242);
    let tags = Taxonomy::starter();
    let residents: Vec<Person> = (0..5000).map(|_| random_person(&mut rng, &tags)).collect();
    let offers: Vec<Candidate> = (0..1000)
        .map(|i| {
            let capacity = rng.random_range(1..=10);
            random_offer(&mut rng, &tags, i, capacity)
        })
        .collect();
    let today = 20_000;

    let started = Instant::now();
    let mut problem = assignment::Problem {
        capacities: offers.iter().map(|o| o.free_places).collect(),
        edges: Vec::with_capacity(residents.len()),
    };
    for person in &residents {
        let edges = offers
            .iter()
            .enumerate()
            .filter_map(|(j, offer)| {
                matching::evaluate(person, offer, today)
                    .ok()
                    .map(|s| (j as u32, matching::weight(s.score)))
            })
            .filter(|(_, w)| *w > 0)
            .collect();
        problem.edges.push(edges);
    }
    let scoring = started.elapsed();
    let solving_started = Instant::now();
    let solution = assignment::solve(&problem);
    let solving = solving_started.elapsed();
    let edges: usize = problem.edges.iter().map(Vec::len).sum();
    let assigned = solution.assignment.iter().filter(|a| a.is_some()).count();
    let capacity: u32 = problem.capacities.iter().sum();
    println!(
        "batch assignment 5000 x 1000: scoring {:.0} ms ({edges} fitting pairs), solving {:.0} ms, total {:.0} ms; {assigned} of 5000 residents proposed, {capacity} places; total weight {}",
        scoring.as_secs_f64() * 1000.0,
        solving.as_secs_f64() * 1000.0,
        (scoring + solving).as_secs_f64() * 1000.0,
        solution.total
    );
    let instance = serde_json::json!({
        "capacities": problem.capacities,
        "edges": problem.edges,
        "total": solution.total,
    });
    std::fs::create_dir_all("bench/results").ok();
    std::fs::write(
        "bench/results/assignment-instance.json",
        instance.to_string(),
    )
    .expect("write instance");
    println!(
        "instance written to bench/results/assignment-instance.json (check: python3 bench/ortools_check.py)"
    );
}

fn bench_recommendations() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut settings = meedoen::config::Settings::default();
    settings.database.url = format!("sqlite:{}", dir.path().join("bench.db").display());
    settings.app.data_dir = dir.path().to_path_buf();
    settings.mail.dir = dir.path().join("mail");
    settings.mail.deliver = false;
    settings.rate_limit.enabled = false;
    let state = AppState::new(settings).expect("state");
    meedoen::server::migrate(&state).expect("migrate");
    {
        let mut conn = state.db.get().expect("connection");
        synthetic::seed(
            &mut conn,
            state.clock.now_naive(),
            Size {
                residents: 200,
                offers: 10_000,
                districts: 60,
                seed: 42,
            },
        )
        .expect("seed");
    }
    let resident = {
        use diesel::prelude::*;
        let mut conn = state.db.get().expect("connection");
        meedoen::db::schema::resident_profiles::table
            .select(meedoen::db::schema::resident_profiles::user_id)
            .order(meedoen::db::schema::resident_profiles::user_id.asc())
            .first::<meedoen::db::ids::UserId>(&mut conn)
            .expect("a synthetic resident with a profile")
    };
    actix_web::rt::System::new().block_on(async {
        let build = Instant::now();
        recommendations::for_resident(&state, resident.clone(), Some(20)).await.expect("warm-up");
        let first = build.elapsed();
        let mut times = Vec::new();
        for _ in 0..200 {
            let started = Instant::now();
            let list = recommendations::for_resident(&state, resident.clone(), Some(20)).await.expect("recommendations");
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            assert!(!list.items.is_empty());
        }
        times.sort_by(f64::total_cmp);
        println!(
            "recommendations over 10000 offers: median {:.2} ms, p95 {:.2} ms (first call, building the pool: {:.0} ms)",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            first.as_secs_f64() * 1000.0
        );
    });
}

fn main() {
    bench_recommendations();
    println!("peak memory so far: {:.0} MB", peak_memory_mb());
    bench_assignment();
    println!("peak memory: {:.0} MB", peak_memory_mb());
}

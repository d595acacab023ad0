//! Each hard constraint and each score component, pinned.

use proptest::prelude::*;

use super::*;

fn set(items: &[&str]) -> TagSet {
    items.iter().map(|s| s.to_string()).collect()
}

/// A place numbered by its names (different names, different numbers: enough for these tests).
fn place(district: &str, area: &str) -> Place {
    let number = |name: &str| {
        name.bytes().fold(2_166_136_261u32, |hash, byte| {
            (hash ^ u32::from(byte)).wrapping_mul(16_777_619)
        })
    };
    Place {
        district: number(district),
        area: Some(number(area)),
        municipality: Some(number("emmen")),
    }
}

/// The tags of a gardener who wants company outdoors, and of the garden offer that fits them.
fn gardening() -> Tags<TagSet> {
    Tags {
        skills: set(&["gardening"]),
        interests: set(&["nature"]),
        goals: set(&["social_contact", "outdoors"]),
        access: TagSet::new(),
        languages: set(&["nl"]),
    }
}

fn person() -> Person {
    Person {
        place: Some(place("emmerhout", "noord")),
        age: Some(40),
        tags: gardening(),
        guidance_needed: 0,
        dutch_level: 3,
        availability: vec![Window {
            weekday: 2,
            start: 9 * 60,
            end: 12 * 60,
        }],
        max_travel: Travel::Anywhere,
    }
}

fn offer() -> Candidate {
    Candidate {
        id: "offer-1".into(),
        place: place("emmerhout", "noord"),
        tags: gardening(),
        guidance: 0,
        dutch_level: 0,
        language_buddy: false,
        min_age: None,
        times: vec![Window {
            weekday: 2,
            start: 9 * 60 + 30,
            end: 11 * 60,
        }],
        end_day: None,
        free_places: 5,
        referral_required: false,
    }
}

const TODAY: i64 = 20_000;

#[test]
fn a_perfect_fit_scores_high_and_says_why() {
    let scored = evaluate(&person(), &offer(), TODAY).unwrap();
    assert!(scored.score > 0.75, "{}", scored.score);
    assert!(scored.reasons.contains(&Reason::SkillMatch {
        tag: "gardening".into()
    }));
    assert!(scored.reasons.contains(&Reason::InterestMatch {
        tag: "nature".into()
    }));
    assert!(scored.reasons.contains(&Reason::GoalServed {
        tag: "outdoors".into()
    }));
    assert!(scored.reasons.contains(&Reason::SameDistrict));
    assert!(scored.reasons.contains(&Reason::FitsAvailability {
        weekday: 2,
        start: "09:30".into(),
        end: "11:00".into()
    }));
    assert!(scored.reasons.contains(&Reason::FreePlaces { count: 5 }));
}

#[test]
fn access_needs_must_be_met() {
    let mut p = person();
    p.tags.access = set(&["wheelchair_accessible"]);
    assert_eq!(
        evaluate(&p, &offer(), TODAY).unwrap_err(),
        Exclusion::AccessNotMet {
            tag: "wheelchair_accessible".into()
        }
    );
    let mut o = offer();
    o.tags.access = set(&["wheelchair_accessible", "quiet_space"]);
    let scored = evaluate(&p, &o, TODAY).unwrap();
    assert!(scored.reasons.contains(&Reason::AccessMet {
        tag: "wheelchair_accessible".into()
    }));
}

#[test]
fn guidance_offered_must_reach_guidance_needed() {
    let mut p = person();
    p.guidance_needed = 2;
    let mut o = offer();
    o.guidance = 1;
    assert_eq!(
        evaluate(&p, &o, TODAY).unwrap_err(),
        Exclusion::NotEnoughGuidance
    );
    o.guidance = 2;
    let scored = evaluate(&p, &o, TODAY).unwrap();
    assert!(scored.reasons.contains(&Reason::GuidanceOffered {
        level: "intensive".into()
    }));
}

#[test]
fn a_language_must_be_shared() {
    let mut p = person();
    p.tags.languages = set(&["ar", "en"]);
    let mut o = offer();
    assert_eq!(
        evaluate(&p, &o, TODAY).unwrap_err(),
        Exclusion::NoSharedLanguage
    );
    o.tags.languages = set(&["nl", "ar"]);
    assert!(evaluate(&p, &o, TODAY).is_ok());
    // No languages given means Dutch on either side.
    p.tags.languages = TagSet::new();
    o.tags.languages = TagSet::new();
    assert!(evaluate(&p, &o, TODAY).is_ok());
}

#[test]
fn dutch_level_or_a_language_buddy() {
    let mut p = person();
    p.dutch_level = 1;
    let mut o = offer();
    o.dutch_level = 3;
    assert_eq!(
        evaluate(&p, &o, TODAY).unwrap_err(),
        Exclusion::DutchLevelTooLow
    );
    o.language_buddy = true;
    let scored = evaluate(&p, &o, TODAY).unwrap();
    assert!(scored.reasons.contains(&Reason::LanguageBuddy));
}

#[test]
fn minimum_age() {
    let mut p = person();
    p.age = Some(15);
    let mut o = offer();
    o.min_age = Some(16);
    assert_eq!(evaluate(&p, &o, TODAY).unwrap_err(), Exclusion::TooYoung);
    p.age = None;
    assert!(
        evaluate(&p, &o, TODAY).is_ok(),
        "unknown age is not held against anyone"
    );
}

#[test]
fn travel_limits() {
    let mut p = person();
    let mut o = offer();
    o.place = place("angelslo", "noord");
    p.max_travel = Travel::OwnDistrict;
    assert_eq!(evaluate(&p, &o, TODAY).unwrap_err(), Exclusion::TooFar);
    p.max_travel = Travel::OwnArea;
    assert!(
        evaluate(&p, &o, TODAY)
            .unwrap()
            .reasons
            .contains(&Reason::SameArea)
    );
    o.place = place("bargeres", "zuid");
    assert_eq!(evaluate(&p, &o, TODAY).unwrap_err(), Exclusion::TooFar);
    p.max_travel = Travel::Anywhere;
    assert!(
        evaluate(&p, &o, TODAY)
            .unwrap()
            .reasons
            .contains(&Reason::SameMunicipality)
    );
}

#[test]
fn ended_offers_are_left_out() {
    let mut o = offer();
    o.end_day = Some(TODAY - 1);
    assert_eq!(
        evaluate(&person(), &o, TODAY).unwrap_err(),
        Exclusion::Ended
    );
    o.end_day = Some(TODAY);
    assert!(
        evaluate(&person(), &o, TODAY).is_ok(),
        "the last day still counts"
    );
}

#[test]
fn each_component_moves_the_score() {
    let base = evaluate(&person(), &offer(), TODAY).unwrap().score;
    let worse = |change: &dyn Fn(&mut Person, &mut Candidate)| {
        let (mut p, mut o) = (person(), offer());
        change(&mut p, &mut o);
        evaluate(&p, &o, TODAY).unwrap().score
    };
    assert!(worse(&|p, _| p.tags.skills.clear()) < base, "skills");
    assert!(worse(&|p, _| p.tags.goals.clear()) < base, "goals");
    assert!(
        worse(&|p, _| p.availability = vec![Window {
            weekday: 5,
            start: 0,
            end: 600
        }]) < base,
        "time"
    );
    assert!(
        worse(&|_, o| o.place = place("angelslo", "noord")) < base,
        "distance"
    );
    assert!(worse(&|_, o| o.free_places = 1) < base, "free places");
    // Exact weights: an offer with nothing in common, unknown times and place, full.
    let mut p = person();
    p.tags.skills.clear();
    p.tags.interests.clear();
    p.tags.goals.clear();
    p.availability.clear();
    p.place = None;
    let mut o = offer();
    o.free_places = 0;
    let scored = evaluate(&p, &o, TODAY).unwrap();
    assert!((scored.score - (WEIGHT_TIME * 0.5 + WEIGHT_DISTANCE * 0.5)).abs() < 1e-9);
    assert!(scored.full && scored.reasons.contains(&Reason::Waitlist));
}

#[test]
fn ranking_puts_full_offers_last_and_breaks_ties_by_id() {
    let mut full = offer();
    full.id = "a-full".into();
    full.free_places = 0;
    let mut good = offer();
    good.id = "b-good".into();
    let mut same = offer();
    same.id = "c-same".into();
    let mut weaker = offer();
    weaker.id = "0-weaker".into();
    weaker.tags.skills.clear();
    let offers = vec![full, weaker, same, good];
    let ranked = rank(&person(), &offers, TODAY, 10, &|_| false);
    let ids: Vec<&str> = ranked.iter().map(|r| offers[r.index].id.as_str()).collect();
    assert_eq!(ids, vec!["b-good", "c-same", "0-weaker", "a-full"]);
    let skipped = rank(&person(), &offers, TODAY, 2, &|i| offers[i].id == "b-good");
    assert_eq!(offers[skipped[0].index].id, "c-same");
    assert_eq!(skipped.len(), 2);
}

fn arbitrary_set(pool: &'static [&'static str]) -> impl Strategy<Value = TagSet> {
    proptest::sample::subsequence(pool, 0..=pool.len())
        .prop_map(|items| items.iter().map(|s| s.to_string()).collect())
}

const TAGS: &[&str] = &["a", "b", "c", "d", "e"];

prop_compose! {
    fn arbitrary_candidate()(skills in arbitrary_set(TAGS), goals in arbitrary_set(TAGS), free in 0u32..12,
        guidance in 0u8..3, day in 1u8..8, start in 0u16..1200, len in 1u16..200, same in any::<bool>()) -> Candidate {
        let mut o = offer();
        o.tags.skills = skills;
        o.tags.goals = goals;
        o.free_places = free;
        o.guidance = guidance;
        o.times = vec![Window { weekday: day, start, end: start + len }];
        if !same { o.place = place("angelslo", "noord"); }
        o
    }
}

proptest! {
    #[test]
    fn scores_stay_within_zero_and_one(o in arbitrary_candidate(), skills in arbitrary_set(TAGS), goals in arbitrary_set(TAGS)) {
        let mut p = person();
        p.tags.skills = skills;
        p.tags.goals = goals;
        if let Ok(scored) = evaluate(&p, &o, TODAY) {
            prop_assert!((0.0..=1.0).contains(&scored.score));
            prop_assert_eq!(scored.full, o.free_places == 0);
        }
    }

    #[test]
    fn ranking_is_deterministic(offers in proptest::collection::vec(arbitrary_candidate(), 0..30)) {
        let offers: Vec<Candidate> = offers.into_iter().enumerate().map(|(i, mut o)| { o.id = format!("o{i:03}"); o }).collect();
        let mut reversed = offers.clone();
        reversed.reverse();
        let ids = |list: &[Candidate]| -> Vec<String> {
            rank(&person(), list, TODAY, 50, &|_| false).iter().map(|r| list[r.index].id.clone()).collect()
        };
        prop_assert_eq!(ids(&offers), ids(&reversed));
    }

    #[test]
    fn ranking_is_a_full_sort_cut_at_the_limit(
        offers in proptest::collection::vec(arbitrary_candidate(), 0..40),
        limit in 1usize..12,
        skills in arbitrary_set(TAGS),
    ) {
        let offers: Vec<Candidate> = offers.into_iter().enumerate().map(|(i, mut o)| { o.id = format!("o{i:03}"); o }).collect();
        let mut p = person();
        p.tags.skills = skills;
        // The plain way: evaluate everything with reasons, sort, cut.
        let mut expected: Vec<(usize, Scored)> = offers
            .iter()
            .enumerate()
            .filter_map(|(i, o)| evaluate(&p, o, TODAY).ok().map(|s| (i, s)))
            .collect();
        expected.sort_by(|a, b| {
            a.1.full.cmp(&b.1.full)
                .then(b.1.score.total_cmp(&a.1.score))
                .then_with(|| offers[a.0].id.cmp(&offers[b.0].id))
        });
        expected.truncate(limit);
        let ranked = rank(&p, &offers, TODAY, limit, &|_| false);
        let got: Vec<(usize, Scored)> = ranked.into_iter().map(|r| (r.index, r.scored)).collect();
        prop_assert_eq!(got, expected);
        for o in &offers {
            let (value, full) = score_only(&p, o);
            let scored = score(&p, o);
            prop_assert_eq!((value, full), (scored.score, scored.full));
        }
    }
}

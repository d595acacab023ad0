//! The demo and synthetic seeders, on both backends.

use meedoen::clock::Clock;
use serde_json::json;

use crate::common::{Backend, TestApp};
use crate::on_both_backends;

on_both_backends!(
    demo_world_loads_once_and_its_logins_work,
    synthetic_world_is_listed,
    synthetic_history_feeds_every_attendance_page,
    the_demo_world_never_goes_stale,
);

/// Loaded a year and a half after it was written, the demo world still shows running offers and a
/// course whose sessions are still to come, at the same Dutch clock time.
async fn the_demo_world_never_goes_stale(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.advance(chrono::TimeDelta::weeks(78));
    let state = app.state.clone();
    actix_web::web::block(move || {
        let mut conn = state.db.get().unwrap();
        let now = state.clock.now_naive();
        meedoen::seed::demo::seed(&mut conn, now, "http://127.0.0.1:8080").unwrap();
    })
    .await
    .unwrap();
    let offers = app.get("/api/v1/offers?limit=100", None).await.expect(200);
    let published = offers.body["items"].as_array().unwrap().len();
    assert!(published >= 30, "ended offers are not listed: {published}");
    let course = app
        .get("/api/v1/offers?q=Moestuincursus", None)
        .await
        .expect(200);
    let sessions = course.body["items"][0]["sessions"]
        .as_array()
        .unwrap()
        .clone();
    let today = app.state.clock.now();
    assert!(!sessions.is_empty());
    assert!(
        sessions
            .iter()
            .any(|s| s["starts_at"].as_str().unwrap() > today.to_rfc3339().as_str()),
        "sessions still to come: {sessions:?}"
    );
    for session in &sessions {
        let start: chrono::DateTime<chrono::Utc> =
            session["starts_at"].as_str().unwrap().parse().unwrap();
        let local = start.with_timezone(&chrono_tz::Europe::Amsterdam);
        assert_eq!(
            local.format("%A %H:%M").to_string(),
            "Saturday 10:00",
            "same weekday and clock time"
        );
    }
}

async fn demo_world_loads_once_and_its_logins_work(backend: Backend) {
    let app = TestApp::new(backend).await;
    let state = app.state.clone();
    let (first, second) = actix_web::web::block(move || {
        let mut conn = state.db.get().unwrap();
        let now = state.clock.now_naive();
        let first = meedoen::seed::demo::seed(&mut conn, now, "http://127.0.0.1:8080").unwrap();
        let second = meedoen::seed::demo::seed(&mut conn, now, "http://127.0.0.1:8080").unwrap();
        (first, second)
    })
    .await
    .unwrap();
    assert!(first.world_created);
    assert_eq!(first.organisations, 12);
    assert!(first.offers >= 40);
    assert!(!second.world_created, "a second run adds nothing");

    let offers = app.get("/api/v1/offers?limit=100", None).await.expect(200);
    let published = offers.body["items"].as_array().unwrap().len();
    assert!(published >= 30, "{published}");
    let tree = app.get("/api/v1/districts", None).await.expect(200);
    let names: Vec<&str> = tree.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Den Helder", "Emmen"]);
    assert_eq!(
        tree.body["items"][1]["children"].as_array().unwrap().len(),
        6,
        "Emmen's six areas"
    );

    for (email, role) in [
        ("admin@demo.meedoen.nl", "admin"),
        ("organisatie@demo.meedoen.nl", "resident"),
        ("wijkwerker@demo.meedoen.nl", "worker"),
        ("bewoner@demo.meedoen.nl", "resident"),
        ("monitor@demo.meedoen.nl", "monitor"),
    ] {
        let reply = app
            .post(
                "/api/v1/auth/login",
                json!({"email": email, "password": "meedoen-demo"}),
                None,
            )
            .await
            .expect(200);
        assert!(
            reply.body["user"]["roles"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r == role),
            "{email}"
        );
        assert_eq!(reply.body["user"]["email_verified"], true);
    }
    let organiser = app
        .login("organisatie@demo.meedoen.nl", "meedoen-demo")
        .await;
    let me = app
        .get("/api/v1/me", Some(&organiser.access_token))
        .await
        .expect(200);
    assert_eq!(me.body["organisations"].as_array().unwrap().len(), 2);

    // Every role has something to do: the worker sees the four consenting neighbours (not Piet),
    let worker = app
        .login("wijkwerker@demo.meedoen.nl", "meedoen-demo")
        .await;
    let residents = app
        .get("/api/v1/worker/residents", Some(&worker.access_token))
        .await
        .expect(200);
    let mut names: Vec<&str> = residents.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["display_name"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        vec![
            "Ahmad Karimi",
            "Gerrit Hoekstra",
            "Henk Mulder",
            "Jan Bewoner",
            "Ria Jansen",
            "Sanne de Vries",
            "Yvonne Bakker"
        ]
    );
    // twelve weeks of taking part: the worker follows up Yvonne (stopped after three weeks) and
    // Gerrit (never started), not Henk (steady),
    let follow_ups = app
        .get("/api/v1/worker/follow-ups", Some(&worker.access_token))
        .await
        .expect(200);
    let mut followed: Vec<&str> = follow_ups.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["referral"]["resident_display_name"].as_str().unwrap())
        .collect();
    followed.sort_unstable();
    assert_eq!(followed, ["Gerrit Hoekstra", "Yvonne Bakker"]);
    // the resident has a proposal waiting,
    let resident = app.login("bewoner@demo.meedoen.nl", "meedoen-demo").await;
    let referrals = app
        .get("/api/v1/me/referrals", Some(&resident.access_token))
        .await
        .expect(200);
    assert_eq!(referrals.body["items"][0]["status"], "proposed");
    // Jan took part in the Pluktuin nearly every week of the last ten,
    let today = meedoen::features::occurrences::schedule::local_day(app.clock.now());
    let participation = app
        .get(
            &format!(
                "/api/v1/me/participation?from={}&to={today}",
                today - chrono::Days::new(90)
            ),
            Some(&resident.access_token),
        )
        .await
        .expect(200);
    let present = participation.body["sessions_present"].as_u64().unwrap();
    assert!((6..=10).contains(&present), "{present}");
    assert_eq!(
        participation.body["items"][0]["offer_title"],
        "Pluktuin Bargeres: samen zaaien en oogsten"
    );
    // and the organisation has sign-ups to review and a waitlist.
    let mut statuses = Vec::new();
    for title in [
        "Vrijwillige coach voor de ochtendgroep",
        "Gastvrouw of gastheer in het boerderijwinkeltje",
    ] {
        let found = app
            .get(&format!("/api/v1/offers?q={}", urlencoding(title)), None)
            .await
            .expect(200);
        let id = found.body["items"][0]["id"].as_str().unwrap().to_string();
        let signups = app
            .get(
                &format!("/api/v1/offers/{id}/signups"),
                Some(&organiser.access_token),
            )
            .await
            .expect(200);
        for s in signups.body["items"].as_array().unwrap() {
            statuses.push(s["status"].as_str().unwrap().to_string());
        }
    }
    statuses.sort_unstable();
    assert_eq!(
        statuses,
        vec!["accepted", "accepted", "pending", "pending", "waitlisted"]
    );
}

fn urlencoding(text: &str) -> String {
    text.replace(' ', "%20")
}

async fn synthetic_world_is_listed(backend: Backend) {
    let app = TestApp::new(backend).await;
    let state = app.state.clone();
    let report = actix_web::web::block(move || {
        let mut conn = state.db.get().unwrap();
        let size = meedoen::seed::synthetic::Size {
            residents: 120,
            offers: 250,
            districts: 12,
            seed: 7,
        };
        meedoen::seed::synthetic::seed(&mut conn, state.clock.now_naive(), size).unwrap()
    })
    .await
    .unwrap();
    assert_eq!(report.district_ids.len(), 12);
    let all = app
        .get(
            &format!(
                "/api/v1/offers?district={}&limit=100",
                report.municipality_id
            ),
            None,
        )
        .await
        .expect(200);
    assert_eq!(all.body["items"].as_array().unwrap().len(), 100);
    let one = app
        .get(
            &format!(
                "/api/v1/offers?district={}&limit=20",
                report.district_ids[0]
            ),
            None,
        )
        .await
        .expect(200);
    let items = one.body["items"].as_array().unwrap();
    assert!(!items.is_empty());
    assert!(
        items
            .iter()
            .all(|o| o["district_id"] == report.district_ids[0].as_str())
    );
    // A synthetic resident can sign in.
    let email = format!(
        "resident-0-{}@synthetic.meedoen.test",
        all.body["items"][0]["organisation_name"]
            .as_str()
            .unwrap()
            .split(['(', ')'])
            .nth(1)
            .unwrap()
    );
    app.post(
        "/api/v1/auth/login",
        json!({"email": email, "password": meedoen::seed::synthetic::SYNTHETIC_PASSWORD}),
        None,
    )
    .await
    .expect(200);
}

async fn synthetic_history_feeds_every_attendance_page(backend: Backend) {
    let app = TestApp::new(backend).await;
    let state = app.state.clone();
    let history = actix_web::web::block(move || {
        let mut conn = state.db.get().unwrap();
        let now = state.clock.now_naive();
        let size = meedoen::seed::synthetic::Size {
            residents: 300,
            offers: 40,
            districts: 6,
            seed: 7,
        };
        meedoen::seed::synthetic::seed(&mut conn, now, size).unwrap();
        meedoen::seed::synthetic_history::seed(&mut conn, now, 6, 7).unwrap()
    })
    .await
    .unwrap();
    assert!(history.places > 100, "{history:?}");
    assert!(history.attendance_rows >= history.places * 5, "{history:?}");
    assert!(history.referrals > 0, "{history:?}");
    let worker = app
        .login(
            meedoen::seed::synthetic_history::SYNTHETIC_WORKER,
            meedoen::seed::synthetic::SYNTHETIC_PASSWORD,
        )
        .await;
    let follow_ups = app
        .get("/api/v1/worker/follow-ups", Some(&worker.access_token))
        .await
        .expect(200);
    assert!(follow_ups.body["items"].is_array());
    let referrals = app
        .get(
            "/api/v1/worker/referrals?limit=5",
            Some(&worker.access_token),
        )
        .await
        .expect(200);
    assert_eq!(
        referrals.body["items"][0]["milestones"][0]["state"], "reached",
        "six weeks of mostly present: started"
    );
}

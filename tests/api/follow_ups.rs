//! A warm handover followed up: after the resident accepts a referral, the milestones (started,
//! still going at 4 and at 12 weeks) follow from attendance; the referring worker's follow-ups page
//! lists what is due or missed, takes short notes and closes the referral; the resident sees the
//! same timeline. Without the resident's consent the worker sees none of it.

use chrono::{DateTime, TimeDelta, Utc};
use meedoen::clock::Clock;
use serde_json::{Value, json};

use crate::common::world::{self, World};
use crate::common::{Backend, Session, TEST_PASSWORD, TestApp};
use crate::on_both_backends;

on_both_backends!(
    milestones_follow_attendance_and_the_worker_follows_up,
    no_presence_within_three_weeks_never_started,
    without_consent_the_worker_sees_and_does_nothing,
    missing_twice_in_a_row_is_a_signal_for_the_worker,
    milestones_follow_corrections_and_outlive_the_records,
);

struct Handover {
    w: World,
    worker: Session,
    referral: String,
    signup: String,
}

/// A worker of the world's district; Jan shares his profile and accepts the worker's referral.
async fn handover(app: &TestApp) -> Handover {
    let w = world::build(app).await;
    let worker = world::worker(app, &w.admin, "wil@wijkteam.nl", "Wil", &[&w.district]).await;
    share(app, &w, true).await;
    let referral = app
        .post(
            "/api/v1/referrals",
            json!({"resident_id": w.resident.user_id, "offer_id": w.offer, "note": "Iets voor jou?"}),
            Some(&worker.access_token),
        )
        .await
        .expect(201)
        .id();
    let signup = app
        .post(
            &format!("/api/v1/referrals/{referral}/accept"),
            json!({"share_note": false}),
            Some(&w.resident.access_token),
        )
        .await
        .expect(201)
        .id();
    Handover {
        w,
        worker,
        referral,
        signup,
    }
}

async fn share(app: &TestApp, w: &World, with_workers: bool) {
    let jan = app.login("jan@example.nl", TEST_PASSWORD).await;
    app.put(
        "/api/v1/me/profile",
        json!({"district_id": w.district, "share_with_workers": with_workers, "skills": ["gardening"]}),
        Some(&jan.access_token),
    )
    .await
    .expect(200);
}

/// Moves the clock to `at` (never back).
fn move_to(app: &TestApp, at: DateTime<Utc>) {
    let now = app.clock.now();
    if at > now {
        app.advance(at - now);
    }
}

/// The offer's occurrences from today for `days`, as (id, start).
async fn meetings(app: &TestApp, offer: &str, days: u64) -> Vec<(String, DateTime<Utc>)> {
    let today = meedoen::features::occurrences::schedule::local_day(app.clock.now());
    let last = today + chrono::Days::new(days);
    let reply = app
        .get(
            &format!("/api/v1/offers/{offer}/occurrences?from={today}&to={last}"),
            None,
        )
        .await
        .expect(200);
    reply.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            let start: DateTime<Utc> = item["starts_at"].as_str().unwrap().parse().unwrap();
            (item["id"].as_str().unwrap().to_string(), start)
        })
        .collect()
}

/// The organisation records Jan as present at the occurrence (moving the clock past its start).
async fn present(app: &TestApp, h: &Handover, occurrence: &(String, DateTime<Utc>)) {
    move_to(app, occurrence.1 + TimeDelta::hours(3));
    let owner = app.login("kees@boerderij.nl", TEST_PASSWORD).await;
    app.put(
        &format!("/api/v1/occurrences/{}/attendance", occurrence.0),
        json!({"items": [{"signup_id": h.signup, "status": "present"}]}),
        Some(&owner.access_token),
    )
    .await
    .expect(200);
}

async fn follow_ups(app: &TestApp) -> Value {
    let worker = app.login("wil@wijkteam.nl", TEST_PASSWORD).await;
    app.get("/api/v1/worker/follow-ups", Some(&worker.access_token))
        .await
        .expect(200)
        .body
}

fn states(milestones: &Value) -> Vec<(String, String)> {
    milestones
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["kind"].as_str().unwrap().to_string(),
                m["state"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

async fn milestones_follow_attendance_and_the_worker_follows_up(backend: Backend) {
    let app = TestApp::new(backend).await;
    let h = handover(&app).await;

    // Accepted, not yet started: due, on the worker's list and in Jan's timeline.
    let waiting = follow_ups(&app).await;
    assert_eq!(waiting["items"].as_array().unwrap().len(), 1);
    assert_eq!(waiting["items"][0]["attention"]["kind"], "started");
    assert_eq!(waiting["items"][0]["attention"]["state"], "due");
    assert_eq!(waiting["items"][0]["referral"]["id"], h.referral.as_str());
    let mine = app
        .get("/api/v1/me/referrals", Some(&h.w.resident.access_token))
        .await
        .expect(200);
    assert_eq!(
        states(&mine.body["items"][0]["milestones"]),
        pairs(&[("started", "due")])
    );

    // Present at the first meeting: started; the 4-week mark is still to come.
    let first = meetings(&app, &h.w.offer, 13).await.remove(0);
    present(&app, &h, &first).await;
    assert_eq!(follow_ups(&app).await["items"], json!([]));
    let worker = app.login("wil@wijkteam.nl", TEST_PASSWORD).await;
    let listed = app
        .get("/api/v1/worker/referrals", Some(&worker.access_token))
        .await
        .expect(200);
    let milestones = &listed.body["items"][0]["milestones"];
    assert_eq!(
        states(milestones),
        pairs(&[
            ("started", "reached"),
            ("week_4", "upcoming"),
            ("week_12", "upcoming")
        ])
    );
    assert_eq!(
        milestones[0]["reached_at"],
        first.1.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );

    // Not seen around the 4-week mark: missed, and on the worker's list.
    move_to(&app, first.1 + TimeDelta::weeks(5) + TimeDelta::days(1));
    let missed = follow_ups(&app).await;
    assert_eq!(missed["items"][0]["attention"]["kind"], "week_4");
    assert_eq!(missed["items"][0]["attention"]["state"], "missed");

    // A note, then closing: a reason is needed for "stopped".
    let worker = app.login("wil@wijkteam.nl", TEST_PASSWORD).await;
    let notes = format!("/api/v1/referrals/{}/notes", h.referral);
    app.post(&notes, json!({"body": "  "}), Some(&worker.access_token))
        .await
        .expect_problem(422, "validation_failed");
    app.post(
        &notes,
        json!({"body": "Gebeld: de tijden passen niet meer bij haar werk."}),
        Some(&worker.access_token),
    )
    .await
    .expect(201);
    let with_note = follow_ups(&app).await;
    assert_eq!(
        with_note["items"][0]["notes"][0]["body"],
        "Gebeld: de tijden passen niet meer bij haar werk."
    );
    let close = format!("/api/v1/referrals/{}/close", h.referral);
    for (body, field) in [
        (json!({"outcome": "stopped"}), "reason"),
        (json!({"outcome": "completed", "reason": "times"}), "reason"),
        (json!({"outcome": "never_started"}), "outcome"),
    ] {
        let refused = app
            .post(&close, body, Some(&worker.access_token))
            .await
            .expect_problem(422, "validation_failed");
        assert_eq!(refused.body["errors"][0]["field"], field);
    }
    app.post(
        &close,
        json!({"outcome": "stopped", "reason": "unknown"}),
        Some(&worker.access_token),
    )
    .await
    .expect(422);
    let closed = app
        .post(
            &close,
            json!({"outcome": "stopped", "reason": "times"}),
            Some(&worker.access_token),
        )
        .await
        .expect(200);
    assert_eq!(closed.body["outcome"], "stopped");
    assert_eq!(closed.body["outcome_reason"], "times");
    assert!(closed.body["closed_at"].is_string());
    assert_eq!(follow_ups(&app).await["items"], json!([]));
    app.post(
        &close,
        json!({"outcome": "completed"}),
        Some(&worker.access_token),
    )
    .await
    .expect_problem(409, "referral_closed");
    let jan = app.login("jan@example.nl", TEST_PASSWORD).await;
    let mine = app
        .get("/api/v1/me/referrals", Some(&jan.access_token))
        .await
        .expect(200);
    assert_eq!(mine.body["items"][0]["outcome"], "stopped");
    assert_eq!(mine.body["items"][0]["outcome_reason"], "times");
}

async fn no_presence_within_three_weeks_never_started(backend: Backend) {
    let app = TestApp::new(backend).await;
    let h = handover(&app).await;
    move_to(&app, app.clock.now() + TimeDelta::days(22));
    let listed = follow_ups(&app).await;
    assert_eq!(listed["items"][0]["attention"]["kind"], "started");
    assert_eq!(listed["items"][0]["attention"]["state"], "missed");
    assert_eq!(listed["items"][0]["referral"]["outcome"], "never_started");
    let jan = app.login("jan@example.nl", TEST_PASSWORD).await;
    let mine = app
        .get("/api/v1/me/referrals", Some(&jan.access_token))
        .await
        .expect(200);
    assert_eq!(mine.body["items"][0]["outcome"], "never_started");
    let _ = h.signup;
}

async fn without_consent_the_worker_sees_and_does_nothing(backend: Backend) {
    let app = TestApp::new(backend).await;
    let h = handover(&app).await;
    // A proposal that was not accepted has no follow-up.
    let other_offer = world::create_offer(
        &app,
        &h.w.owner,
        world::offer_body(
            &h.w.organisation,
            &h.w.district,
            json!({"title": "Soep koken"}),
        ),
    )
    .await;
    world::publish(&app, &h.w.owner, &other_offer).await;
    let proposed = app
        .post(
            "/api/v1/referrals",
            json!({"resident_id": h.w.resident.user_id, "offer_id": other_offer}),
            Some(&h.worker.access_token),
        )
        .await
        .expect(201)
        .id();
    app.post(
        &format!("/api/v1/referrals/{proposed}/notes"),
        json!({"body": "Nog geen antwoord."}),
        Some(&h.worker.access_token),
    )
    .await
    .expect_problem(409, "referral_not_accepted");

    // Another worker of the same district: not their referral.
    let other = world::worker(
        &app,
        &h.w.admin,
        "wouter@wijkteam.nl",
        "Wouter",
        &[&h.w.district],
    )
    .await;
    app.post(
        &format!("/api/v1/referrals/{}/notes", h.referral),
        json!({"body": "Hallo"}),
        Some(&other.access_token),
    )
    .await
    .expect_problem(404, "not_found");
    let theirs = app
        .get("/api/v1/worker/follow-ups", Some(&other.access_token))
        .await
        .expect(200);
    assert_eq!(theirs.body["items"], json!([]));

    // Jan stops sharing with workers: the milestones disappear for the worker, and the worker can
    // neither write notes nor close it.
    share(&app, &h.w, false).await;
    assert_eq!(follow_ups(&app).await["items"], json!([]));
    let listed = app
        .get("/api/v1/worker/referrals", Some(&h.worker.access_token))
        .await
        .expect(200);
    for item in listed.body["items"].as_array().unwrap() {
        assert_eq!(item["milestones"], json!([]));
    }
    app.post(
        &format!("/api/v1/referrals/{}/notes", h.referral),
        json!({"body": "Hallo"}),
        Some(&h.worker.access_token),
    )
    .await
    .expect_problem(404, "not_found");
    app.post(
        &format!("/api/v1/referrals/{}/close", h.referral),
        json!({"outcome": "completed"}),
        Some(&h.worker.access_token),
    )
    .await
    .expect_problem(404, "not_found");
    // Residents and organisations have no follow-ups page.
    app.get("/api/v1/worker/follow-ups", Some(&h.w.owner.access_token))
        .await
        .expect_problem(403, "role_required");
}

async fn missing_twice_in_a_row_is_a_signal_for_the_worker(backend: Backend) {
    let app = TestApp::new(backend).await;
    let h = handover(&app).await;
    let coming = meetings(&app, &h.w.offer, 20).await;
    present(&app, &h, &coming[0]).await;
    assert_eq!(follow_ups(&app).await["items"], json!([]));
    for meeting in &coming[1..3] {
        move_to(&app, meeting.1 + TimeDelta::hours(3));
        let owner = app.login("kees@boerderij.nl", TEST_PASSWORD).await;
        app.put(
            &format!("/api/v1/occurrences/{}/attendance", meeting.0),
            json!({"items": [{"signup_id": h.signup, "status": "absent"}]}),
            Some(&owner.access_token),
        )
        .await
        .expect(200);
    }
    let listed = follow_ups(&app).await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);
    assert_eq!(
        listed["items"][0]["attention"],
        Value::Null,
        "no milestone is due yet"
    );
    assert_eq!(listed["items"][0]["missed"]["in_a_row"], 2);
    assert_eq!(
        listed["items"][0]["missed"]["since"],
        coming[1]
            .1
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
    // Without consent the worker does not see it.
    share(&app, &h.w, false).await;
    assert_eq!(follow_ups(&app).await["items"], json!([]));
}

/// The worker's view of the referral's milestones as (kind, state).
async fn worker_milestones(app: &TestApp, h: &Handover) -> Vec<(String, String)> {
    let worker = app.login("wil@wijkteam.nl", TEST_PASSWORD).await;
    let listed = app
        .get("/api/v1/worker/referrals", Some(&worker.access_token))
        .await
        .expect(200);
    let item = listed.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["id"] == h.referral.as_str())
        .expect("the referral is listed")
        .clone();
    states(&item["milestones"])
}

async fn milestones_follow_corrections_and_outlive_the_records(backend: Backend) {
    let app = TestApp::builder(backend)
        .configure(|settings| settings.attendance.retention_months = 1)
        .build()
        .await;
    let h = handover(&app).await;
    let coming = meetings(&app, &h.w.offer, 13).await;
    present(&app, &h, &coming[0]).await;
    assert_eq!(
        worker_milestones(&app, &h).await[0],
        pairs(&[("started", "reached")])[0]
    );

    // A correction within the 14 days: Jan was not there after all; the start is due again.
    let owner = app.login("kees@boerderij.nl", TEST_PASSWORD).await;
    app.put(
        &format!("/api/v1/occurrences/{}/attendance", coming[0].0),
        json!({"items": [{"signup_id": h.signup, "status": "excused"}]}),
        Some(&owner.access_token),
    )
    .await
    .expect(200);
    assert_eq!(
        worker_milestones(&app, &h).await,
        pairs(&[("started", "due")])
    );
    assert_eq!(
        follow_ups(&app).await["items"][0]["attention"]["kind"],
        "started"
    );

    // He comes the week after: started then.
    present(&app, &h, &coming[1]).await;
    let worker = app.login("wil@wijkteam.nl", TEST_PASSWORD).await;
    let listed = app
        .get("/api/v1/worker/referrals", Some(&worker.access_token))
        .await
        .expect(200);
    assert_eq!(
        listed.body["items"][0]["milestones"][0]["reached_at"],
        coming[1]
            .1
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );

    // Attendance written before progress was kept (here: the kept rows wiped) is worked out once
    // at start.
    {
        use diesel::RunQueryDsl;
        let mut conn = app.state.db.get().unwrap();
        diesel::delete(meedoen::db::schema::referral_progress::table)
            .execute(&mut *conn)
            .unwrap();
    }
    assert_eq!(
        worker_milestones(&app, &h).await,
        pairs(&[("started", "due")]),
        "without progress kept, nothing is reached"
    );
    let mut conn = app.state.db.get().unwrap();
    meedoen::server::prepare_database(&mut conn, app.clock.now().naive_utc()).unwrap();
    drop(conn);
    assert_eq!(
        worker_milestones(&app, &h).await,
        pairs(&[
            ("started", "reached"),
            ("week_4", "upcoming"),
            ("week_12", "upcoming")
        ])
    );

    // Months later the per-person records are folded into anonymous totals; the milestones stay.
    app.advance(TimeDelta::days(100));
    let folded = meedoen::features::attendance::retention::fold_due(&app.state)
        .await
        .unwrap();
    assert!(folded >= 2, "folded {folded} rows");
    let kept = worker_milestones(&app, &h).await;
    assert_eq!(kept[0], pairs(&[("started", "reached")])[0]);
    assert_eq!(kept[1], pairs(&[("week_4", "missed")])[0]);
}

//! Attendance and participation: the organisation records who came to an occurrence that has
//! started (the whole register at once, editable for 14 days, every change kept), a resident says
//! beforehand they cannot come, and the figures follow: the resident's hours and sessions, the
//! offer's overview and the organisation's CSV. Nobody else reads or writes any of it.

use chrono::{DateTime, Datelike, TimeDelta, Utc};
use meedoen::auth::Role;
use meedoen::clock::Clock;
use serde_json::{Value, json};

use crate::common::world::{self, World, coming_occurrences};
use crate::common::{Backend, Session, TEST_PASSWORD, TestApp};
use crate::on_both_backends;

on_both_backends!(
    the_organisation_records_who_came_for_fourteen_days,
    wrong_registers_change_nothing,
    only_the_organisation_reads_and_writes_the_register,
    residents_say_beforehand_they_cannot_come,
    a_cancelled_occurrence_takes_no_attendance,
    participation_follows_from_attendance,
    concurrent_saves_keep_one_result_and_both_changes,
    absent_twice_in_a_row_gets_a_friendly_word_once,
    old_attendance_is_folded_into_anonymous_monthly_totals,
);

/// The world with Jan (no companion) and Piet (with a companion) accepted on the offer.
struct Register {
    w: World,
    piet: Session,
    jan_signup: String,
    piet_signup: String,
    /// The offer's first coming occurrence.
    occurrence: String,
    starts_at: DateTime<Utc>,
}

impl Register {
    fn path(&self) -> String {
        format!("/api/v1/occurrences/{}/attendance", self.occurrence)
    }
}

async fn register_world(app: &TestApp) -> Register {
    let w = world::build(app).await;
    let piet = app
        .user_with_roles("piet@example.nl", "Piet", &[Role::Resident])
        .await;
    let jan_signup = world::sign_up(app, &w.resident, &w.offer).await;
    let piet_signup = app
        .post(
            &format!("/api/v1/offers/{}/signups", w.offer),
            json!({"with_companion": true}),
            Some(&piet.access_token),
        )
        .await
        .expect(201)
        .id();
    let occurrence = coming_occurrences(app, &w.offer).await.remove(0);
    let start = occurrence.split_once('_').unwrap().1;
    let starts_at = chrono::NaiveDateTime::parse_from_str(start, "%Y%m%dT%H%M%SZ")
        .unwrap()
        .and_utc();
    Register {
        w,
        piet,
        jan_signup,
        piet_signup,
        occurrence,
        starts_at,
    }
}

/// Moves the clock to `by` after the occurrence's start and signs `who` in again (access tokens
/// last 15 minutes).
async fn after_start(app: &TestApp, r: &Register, by: TimeDelta, who: &str) -> Session {
    signed_in_at(app, r.starts_at + by, who).await
}

/// Moves the clock to `at` (never back) and signs `who` in again.
async fn signed_in_at(app: &TestApp, at: DateTime<Utc>, who: &str) -> Session {
    let now = app.clock.now();
    if at > now {
        app.advance(at - now);
    }
    app.login(who, TEST_PASSWORD).await
}

fn line<'a>(register: &'a Value, signup: &str) -> &'a Value {
    register["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|item| item["signup_id"] == signup)
        .expect("the sign-up is on the register")
}

fn change_count(app: &TestApp, signup: &str, starts_at: DateTime<Utc>) -> usize {
    let mut conn = app.state.db.get().unwrap();
    meedoen::features::attendance::repo::changes(
        &mut conn,
        &meedoen::db::ids::SignupId(signup.to_string()),
        starts_at.naive_utc(),
    )
    .unwrap()
    .len()
}

/// A second published offer of the same organisation.
async fn another_offer(app: &TestApp, w: &World) -> String {
    let body = world::offer_body(
        &w.organisation,
        &w.district,
        json!({"title": "Een andere tuin"}),
    );
    let offer = world::create_offer(app, &w.owner, body).await;
    world::publish(app, &w.owner, &offer).await;
    offer
}

async fn the_organisation_records_who_came_for_fourteen_days(backend: Backend) {
    let app = TestApp::new(backend).await;
    let r = register_world(&app).await;

    // Before the start the register lists who is expected, but takes nothing.
    let before = app
        .get(&r.path(), Some(&r.w.owner.access_token))
        .await
        .expect(200);
    assert_eq!(before.body["started"], false);
    assert_eq!(before.body["default_hours"], 2.5, "09:30 to 12:00");
    let names: Vec<&str> = before.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["display_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Jan", "Piet"]);
    assert_eq!(line(&before.body, &r.jan_signup)["status"], Value::Null);
    assert_eq!(line(&before.body, &r.piet_signup)["with_companion"], true);
    let everyone_present = json!({"items": [
        {"signup_id": r.jan_signup, "status": "present"},
        {"signup_id": r.piet_signup, "status": "present", "companion_present": true, "hours": 1.5},
    ]});
    app.put(
        &r.path(),
        everyone_present.clone(),
        Some(&r.w.owner.access_token),
    )
    .await
    .expect_problem(409, "occurrence_not_started");

    let owner = after_start(&app, &r, TimeDelta::hours(3), "kees@boerderij.nl").await;
    let saved = app
        .put(
            &r.path(),
            everyone_present.clone(),
            Some(&owner.access_token),
        )
        .await
        .expect(200);
    assert_eq!(saved.body["started"], true);
    let jan = line(&saved.body, &r.jan_signup);
    assert_eq!(jan["status"], "present");
    assert_eq!(jan["hours"], 2.5, "the occurrence's length");
    assert_eq!(jan["hours_set"], false);
    let piet = line(&saved.body, &r.piet_signup);
    assert_eq!(piet["companion_present"], true);
    assert_eq!(piet["hours"], 1.5, "other hours recorded");
    assert_eq!(piet["hours_set"], true);
    assert_eq!(
        app.get(&r.path(), Some(&owner.access_token))
            .await
            .expect(200)
            .body["items"],
        saved.body["items"]
    );

    // Saving the same again keeps no change; a real change is kept with who made it.
    app.put(&r.path(), everyone_present, Some(&owner.access_token))
        .await
        .expect(200);
    assert_eq!(change_count(&app, &r.jan_signup, r.starts_at), 1);
    let absent = app
        .put(
            &r.path(),
            json!({"items": [{"signup_id": r.jan_signup, "status": "absent"}]}),
            Some(&owner.access_token),
        )
        .await
        .expect(200);
    assert_eq!(line(&absent.body, &r.jan_signup)["status"], "absent");
    assert_eq!(line(&absent.body, &r.jan_signup)["hours"], 0.0);
    assert_eq!(
        line(&absent.body, &r.piet_signup)["status"],
        "present",
        "people left out keep what they have"
    );
    assert_eq!(change_count(&app, &r.jan_signup, r.starts_at), 2);

    // Fourteen days after the start the register locks.
    let owner = after_start(&app, &r, TimeDelta::days(14), "kees@boerderij.nl").await;
    let locked = app
        .get(&r.path(), Some(&owner.access_token))
        .await
        .expect(200);
    assert_eq!(locked.body["locked"], true);
    app.put(
        &r.path(),
        json!({"items": [{"signup_id": r.jan_signup, "status": "present"}]}),
        Some(&owner.access_token),
    )
    .await
    .expect_problem(409, "attendance_locked");
    assert_eq!(change_count(&app, &r.jan_signup, r.starts_at), 2);
}

async fn wrong_registers_change_nothing(backend: Backend) {
    let app = TestApp::new(backend).await;
    let r = register_world(&app).await;
    let stranger = world::sign_up(
        &app,
        &app.user_with_roles("ander@example.nl", "Ander", &[Role::Resident])
            .await,
        &another_offer(&app, &r.w).await,
    )
    .await;
    let owner = after_start(&app, &r, TimeDelta::hours(1), "kees@boerderij.nl").await;
    let present = |signup: &str| json!({"signup_id": signup, "status": "present"});
    for (items, field, code) in [
        (
            json!([present(&stranger)]),
            "items[0].signup_id",
            "not_a_participant",
        ),
        (
            json!([present(&r.jan_signup), present(&r.jan_signup)]),
            "items[1].signup_id",
            "listed_twice",
        ),
        (
            json!([present(&r.piet_signup), {"signup_id": r.jan_signup, "status": "present", "companion_present": true}]),
            "items[1].companion_present",
            "companion_not_allowed",
        ),
        (
            json!([present(&r.piet_signup), {"signup_id": r.jan_signup, "status": "present", "hours": 24.5}]),
            "items[1].hours",
            "out_of_range",
        ),
        (
            json!([{"signup_id": r.jan_signup, "status": "present", "hours": -1}]),
            "items[0].hours",
            "out_of_range",
        ),
    ] {
        let reply = app
            .put(
                &r.path(),
                json!({ "items": items }),
                Some(&owner.access_token),
            )
            .await
            .expect_problem(422, "validation_failed");
        let errors = reply.body["errors"].as_array().unwrap();
        assert!(
            errors
                .iter()
                .any(|e| e["field"] == field && e["code"] == code),
            "{field} {code}: {errors:?}"
        );
    }
    app.put(
        &r.path(),
        json!({"items": [{"signup_id": r.jan_signup, "status": "maybe"}]}),
        Some(&owner.access_token),
    )
    .await
    .expect(422);
    let register = app
        .get(&r.path(), Some(&owner.access_token))
        .await
        .expect(200);
    for item in register.body["items"].as_array().unwrap() {
        assert_eq!(item["status"], Value::Null, "nothing was stored");
    }
    // An id that names no occurrence of the offer.
    let moved = format!(
        "{}_{}",
        r.w.offer,
        (r.starts_at + TimeDelta::minutes(1)).format("%Y%m%dT%H%M%SZ")
    );
    app.get(
        &format!("/api/v1/occurrences/{moved}/attendance"),
        Some(&owner.access_token),
    )
    .await
    .expect_problem(404, "not_found");
    app.get(
        "/api/v1/occurrences/not-an-id/attendance",
        Some(&owner.access_token),
    )
    .await
    .expect_problem(404, "not_found");
}

async fn only_the_organisation_reads_and_writes_the_register(backend: Backend) {
    let app = TestApp::new(backend).await;
    let r = register_world(&app).await;
    let body = json!({"items": [{"signup_id": r.jan_signup, "status": "present"}]});
    after_start(&app, &r, TimeDelta::hours(1), "kees@boerderij.nl").await;
    let jan = app.login("jan@example.nl", TEST_PASSWORD).await;
    let other_owner = app
        .user_with_roles("eigenaar@anders.nl", "Ander", &[Role::Resident])
        .await;
    world::verified_organisation(
        &app,
        &app.login("admin@gemeente.nl", TEST_PASSWORD).await,
        &other_owner,
        "Andere club",
        &[&r.w.area],
    )
    .await;
    for who in [&jan, &other_owner] {
        app.get(&r.path(), Some(&who.access_token))
            .await
            .expect_problem(403, "not_a_member");
        app.put(&r.path(), body.clone(), Some(&who.access_token))
            .await
            .expect_problem(403, "not_a_member");
    }
    app.get(&r.path(), None).await.expect(401);
    assert_eq!(change_count(&app, &r.jan_signup, r.starts_at), 0);
}

async fn residents_say_beforehand_they_cannot_come(backend: Backend) {
    let app = TestApp::new(backend).await;
    let r = register_world(&app).await;
    let absence = format!("/api/v1/occurrences/{}/absence", r.occurrence);
    app.post(&absence, json!({}), Some(&r.w.resident.access_token))
        .await
        .expect(204);
    let register = app
        .get(&r.path(), Some(&r.w.owner.access_token))
        .await
        .expect(200);
    let jan = line(&register.body, &r.jan_signup);
    assert_eq!(jan["status"], "excused");
    assert_eq!(jan["excused_by_resident"], true);
    assert_eq!(line(&register.body, &r.piet_signup)["status"], Value::Null);

    // Someone without a place, and the organisation itself, cannot.
    app.post(&absence, json!({}), Some(&r.w.owner.access_token))
        .await
        .expect_problem(404, "not_found");
    // Once it has started it is too late to say so.
    let piet = after_start(&app, &r, TimeDelta::minutes(1), "piet@example.nl").await;
    app.post(&absence, json!({}), Some(&piet.access_token))
        .await
        .expect_problem(409, "occurrence_past");
    let _ = &r.piet;
}

async fn a_cancelled_occurrence_takes_no_attendance(backend: Backend) {
    let app = TestApp::new(backend).await;
    let r = register_world(&app).await;
    app.post(
        &format!("/api/v1/occurrences/{}/cancel", r.occurrence),
        json!({"reason": "De tuin staat onder water."}),
        Some(&r.w.owner.access_token),
    )
    .await
    .expect(200);
    app.post(
        &format!("/api/v1/occurrences/{}/absence", r.occurrence),
        json!({}),
        Some(&r.w.resident.access_token),
    )
    .await
    .expect_problem(409, "occurrence_cancelled");
    let owner = after_start(&app, &r, TimeDelta::hours(1), "kees@boerderij.nl").await;
    app.put(
        &r.path(),
        json!({"items": [{"signup_id": r.jan_signup, "status": "present"}]}),
        Some(&owner.access_token),
    )
    .await
    .expect_problem(409, "occurrence_cancelled");
}

async fn participation_follows_from_attendance(backend: Backend) {
    let app = TestApp::new(backend).await;
    let r = register_world(&app).await;
    let owner = after_start(&app, &r, TimeDelta::hours(3), "kees@boerderij.nl").await;
    app.put(
        &r.path(),
        json!({"items": [
            {"signup_id": r.jan_signup, "status": "present"},
            {"signup_id": r.piet_signup, "status": "absent"},
        ]}),
        Some(&owner.access_token),
    )
    .await
    .expect(200);
    let day = meedoen::features::occurrences::schedule::local_day(r.starts_at);
    let month_start = day.with_day0(0).unwrap();
    let period = format!("from={month_start}&to={}", day + chrono::Days::new(40));

    let jan = app.login("jan@example.nl", TEST_PASSWORD).await;
    let mine = app
        .get(
            &format!("/api/v1/me/participation?{period}"),
            Some(&jan.access_token),
        )
        .await
        .expect(200);
    assert_eq!(mine.body["sessions_present"], 1);
    assert_eq!(mine.body["hours"], 2.5);
    assert_eq!(
        mine.body["items"][0]["organisation_name"],
        "Stadsboerderij De Esch"
    );
    assert_eq!(
        mine.body["items"][0]["offer_title"],
        "Samen tuinieren in de buurttuin"
    );
    assert_eq!(mine.body["items"][0]["hours"], 2.5);
    assert_eq!(
        mine.body["months"][0]["month"],
        day.format("%Y-%m").to_string()
    );
    assert_eq!(
        mine.body["records"][0]["occurrence_id"],
        r.occurrence.as_str()
    );
    assert_eq!(mine.body["records"][0]["status"], "present");
    let piet = app.login("piet@example.nl", TEST_PASSWORD).await;
    let his = app
        .get(
            &format!("/api/v1/me/participation?{period}"),
            Some(&piet.access_token),
        )
        .await
        .expect(200);
    assert_eq!(his.body["sessions_present"], 0);
    assert_eq!(his.body["hours"], 0.0);
    assert_eq!(his.body["records"][0]["status"], "absent");
    app.get(
        "/api/v1/me/participation?from=2026-01-01&to=2027-01-02",
        Some(&jan.access_token),
    )
    .await
    .expect_problem(422, "validation_failed");

    let overview_path = format!("/api/v1/offers/{}/participation?{period}", r.w.offer);
    let overview = app
        .get(&overview_path, Some(&owner.access_token))
        .await
        .expect(200);
    assert_eq!(overview.body["occurrences_held"], 1);
    assert_eq!(overview.body["expected"], 2);
    assert_eq!(overview.body["present"], 1);
    assert_eq!(overview.body["no_shows"], 1);
    assert_eq!(overview.body["hours"], 2.5);
    app.get(&overview_path, Some(&jan.access_token))
        .await
        .expect_problem(403, "not_a_member");

    let csv_path = format!(
        "/api/v1/organisations/{}/attendance.csv?{period}",
        r.w.organisation
    );
    let csv = app
        .get(&csv_path, Some(&owner.access_token))
        .await
        .expect(200);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    let lines: Vec<&str> = csv.text.lines().collect();
    assert_eq!(
        lines[0],
        "date,start,offer,participant,status,companion_present,hours"
    );
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(
        lines[1..].iter().any(|l| l.ends_with(",Jan,present,,2.50")),
        "{lines:?}"
    );
    assert!(
        lines[1..].iter().any(|l| l.ends_with(",Piet,absent,,0.00")),
        "{lines:?}"
    );
    app.get(&csv_path, Some(&jan.access_token))
        .await
        .expect_problem(403, "not_a_member");
}

async fn concurrent_saves_keep_one_result_and_both_changes(backend: Backend) {
    let app = TestApp::new(backend).await;
    let r = register_world(&app).await;
    let owner = after_start(&app, &r, TimeDelta::hours(1), "kees@boerderij.nl").await;
    let as_status =
        |status: &str| json!({"items": [{"signup_id": r.jan_signup, "status": status}]});
    let path = r.path();
    let (first, second) = tokio::join!(
        app.put(&path, as_status("present"), Some(&owner.access_token)),
        app.put(&path, as_status("absent"), Some(&owner.access_token)),
    );
    first.expect(200);
    second.expect(200);
    let register = app
        .get(&r.path(), Some(&owner.access_token))
        .await
        .expect(200);
    let status = line(&register.body, &r.jan_signup)["status"].clone();
    assert!(status == "present" || status == "absent", "{status}");
    assert_eq!(change_count(&app, &r.jan_signup, r.starts_at), 2);
}

/// Records `status` for Jan at the occurrence `id` starting at `starts_at`, as the owner.
async fn record_jan(app: &TestApp, r: &Register, id: &str, starts_at: DateTime<Utc>, status: &str) {
    let owner = signed_in_at(app, starts_at + TimeDelta::hours(3), "kees@boerderij.nl").await;
    app.put(
        &format!("/api/v1/occurrences/{id}/attendance"),
        json!({"items": [{"signup_id": r.jan_signup, "status": status}]}),
        Some(&owner.access_token),
    )
    .await
    .expect(200);
}

async fn missed_you_emails(app: &TestApp) -> Vec<crate::common::SentEmail> {
    app.deliver_mail().await;
    app.emails_to("jan@example.nl")
        .into_iter()
        .filter(|email| email.subject == "We hebben je gemist")
        .collect()
}

async fn absent_twice_in_a_row_gets_a_friendly_word_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    let r = register_world(&app).await;
    // Five Tuesdays from the first coming one.
    let tuesdays: Vec<(String, DateTime<Utc>)> = (0..5)
        .map(|week| {
            let at = r.starts_at + TimeDelta::weeks(week);
            (format!("{}_{}", r.w.offer, at.format("%Y%m%dT%H%M%SZ")), at)
        })
        .collect();
    record_jan(&app, &r, &tuesdays[0].0, tuesdays[0].1, "absent").await;
    assert!(
        missed_you_emails(&app).await.is_empty(),
        "once is nothing to remark on"
    );
    record_jan(&app, &r, &tuesdays[1].0, tuesdays[1].1, "absent").await;
    let emails = missed_you_emails(&app).await;
    assert_eq!(emails.len(), 1);
    let text = &emails[0].text;
    assert!(
        text.contains(
            "We hebben je de laatste keren gemist bij \"Samen tuinieren in de buurttuin\""
        ),
        "{text}"
    );
    assert!(
        text.contains(&format!("/conversations/signup/{}", r.jan_signup)),
        "{text}"
    );
    assert!(text.contains("/my-activities"), "{text}");
    assert!(
        emails[0].list_unsubscribe.is_some(),
        "a way out, like every notification"
    );
    // A third absence is the same run: no second email. Present, then twice absent: a new run.
    record_jan(&app, &r, &tuesdays[2].0, tuesdays[2].1, "absent").await;
    assert_eq!(missed_you_emails(&app).await.len(), 1);
    record_jan(&app, &r, &tuesdays[3].0, tuesdays[3].1, "present").await;
    record_jan(&app, &r, &tuesdays[4].0, tuesdays[4].1, "absent").await;
    assert_eq!(missed_you_emails(&app).await.len(), 1);
    // Piet, never recorded, got nothing; nor did the organisation.
    assert!(
        app.emails_to("piet@example.nl")
            .iter()
            .all(|e| e.subject != "We hebben je gemist")
    );
    let _ = &r.piet;
}

async fn old_attendance_is_folded_into_anonymous_monthly_totals(backend: Backend) {
    let app = TestApp::builder(backend)
        .configure(|settings| settings.attendance.retention_months = 1)
        .build()
        .await;
    let r = register_world(&app).await;
    let owner = after_start(&app, &r, TimeDelta::hours(3), "kees@boerderij.nl").await;
    app.put(
        &r.path(),
        json!({"items": [
            {"signup_id": r.jan_signup, "status": "present"},
            {"signup_id": r.piet_signup, "status": "excused"},
        ]}),
        Some(&owner.access_token),
    )
    .await
    .expect(200);
    let month = meedoen::features::occurrences::schedule::local_day(r.starts_at);
    let period = format!(
        "from={}&to={}",
        month.with_day(1).unwrap(),
        month.with_day(28).unwrap()
    );
    use meedoen::features::attendance::retention;
    // Within the retention period nothing is folded.
    assert_eq!(retention::fold_due(&app.state).await.unwrap(), 0);

    // Two months on, that month is past the period: its rows become anonymous totals.
    app.advance(TimeDelta::days(62));
    assert_eq!(retention::fold_due(&app.state).await.unwrap(), 2);
    assert_eq!(
        retention::fold_due(&app.state).await.unwrap(),
        0,
        "a month is folded once"
    );
    let mut conn = app.state.db.get().unwrap();
    let totals =
        retention::monthly_totals(&mut conn, &meedoen::db::ids::OfferId(r.w.offer.clone()))
            .unwrap();
    assert_eq!(totals.len(), 1);
    assert_eq!(totals[0].month, month.format("%Y-%m").to_string());
    assert_eq!(
        (totals[0].present, totals[0].absent, totals[0].excused),
        (1, 0, 1)
    );
    assert_eq!(totals[0].minutes, 150);
    assert_eq!((totals[0].residents, totals[0].residents_present), (2, 1));
    assert_eq!(
        change_count(&app, &r.jan_signup, r.starts_at),
        0,
        "the history goes too"
    );
    drop(conn);
    let jan = app.login("jan@example.nl", TEST_PASSWORD).await;
    let mine = app
        .get(
            &format!("/api/v1/me/participation?{period}"),
            Some(&jan.access_token),
        )
        .await
        .expect(200);
    assert_eq!(mine.body["records"], json!([]), "no per-person row is kept");
}

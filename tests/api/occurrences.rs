//! Occurrences: weekly slots as dated meetings in Dutch time, stable ids, cancelling with a reason
//! (the accepted residents are told) and extra meetings.

use chrono::{Datelike, Days, Utc};
use meedoen::auth::Role;
use serde_json::{Value, json};

use crate::common::world::{self, create_offer, offer_body};
use crate::common::{Backend, TEST_PASSWORD, TestApp};
use crate::on_both_backends;

on_both_backends!(
    weekly_slots_become_dated_occurrences,
    ranges_and_visibility,
    cancelling_tells_the_accepted_residents,
    extra_occurrences_and_ids_that_stay,
);

fn starts(reply: &Value) -> Vec<String> {
    reply["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["starts_at"].as_str().unwrap().to_string())
        .collect()
}

fn ids(reply: &Value) -> Vec<String> {
    reply["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_string())
        .collect()
}

/// `from=today&to=today+days`, in the form the endpoint takes.
fn coming(days: u64) -> String {
    let today = Utc::now().date_naive();
    let last = today.checked_add_days(Days::new(days)).unwrap();
    format!("from={today}&to={last}")
}

async fn weekly_slots_become_dated_occurrences(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    // The world's offer meets on Tuesdays 09:30-12:00; summer time starts on Sunday 2027-03-28.
    let around_summer_time = format!(
        "/api/v1/offers/{}/occurrences?from=2027-03-20&to=2027-04-03",
        w.offer
    );
    let reply = app.get(&around_summer_time, None).await.expect(200);
    assert_eq!(
        starts(&reply.body),
        ["2027-03-23T08:30:00Z", "2027-03-30T07:30:00Z"],
        "09:30 in Emmen is 08:30 UTC in winter and 07:30 UTC in summer"
    );
    assert_eq!(reply.body["items"][0]["ends_at"], "2027-03-23T11:00:00Z");
    assert_eq!(reply.body["items"][0]["cancelled"], false);
    assert_eq!(reply.body["items"][0]["reason"], Value::Null);
    // The offer's own dates bound the slots.
    app.patch(
        &format!("/api/v1/offers/{}", w.offer),
        json!({"start_date": "2027-03-24", "end_date": "2027-04-30"}),
        Some(&w.owner.access_token),
    )
    .await
    .expect(200);
    let reply = app.get(&around_summer_time, None).await.expect(200);
    assert_eq!(starts(&reply.body), ["2027-03-30T07:30:00Z"]);
}

async fn ranges_and_visibility(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let path = |query: &str| format!("/api/v1/offers/{}/occurrences?{query}", w.offer);
    // 92 days, both included, is the most.
    app.get(&path("from=2027-01-01&to=2027-04-02"), None)
        .await
        .expect(200);
    app.get(&path("from=2027-01-01&to=2027-04-03"), None)
        .await
        .expect_problem(422, "validation_failed");
    let reply = app
        .get(&path("from=2027-02-01&to=2027-01-01"), None)
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "to");
    let reply = app
        .get(&path("from=gisteren&to=2027-01-01"), None)
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "from");
    app.get(&path("from=2027-01-01"), None)
        .await
        .expect_problem(422, "validation_failed");
    // A draft's occurrences exist for its organisation's members only.
    let draft = create_offer(
        &app,
        &w.owner,
        offer_body(
            &w.organisation,
            &w.district,
            json!({"title": "Nog niet open"}),
        ),
    )
    .await;
    let draft_path = format!("/api/v1/offers/{draft}/occurrences?{}", coming(13));
    app.get(&draft_path, None)
        .await
        .expect_problem(404, "not_found");
    app.get(&draft_path, Some(&w.resident.access_token))
        .await
        .expect_problem(404, "not_found");
    let reply = app
        .get(&draft_path, Some(&w.owner.access_token))
        .await
        .expect(200);
    assert_eq!(
        reply.body["items"].as_array().unwrap().len(),
        2,
        "two Tuesdays in 14 days"
    );
    app.get(
        &format!(
            "/api/v1/offers/01a21293-8713-72e5-a580-9c853e120158/occurrences?{}",
            coming(6)
        ),
        None,
    )
    .await
    .expect_problem(404, "not_found");
}

async fn cancelling_tells_the_accepted_residents(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let other = app
        .user_with_roles("piet@example.nl", "Piet", &[Role::Resident])
        .await;
    app.post(
        &format!("/api/v1/offers/{}/signups", w.offer),
        json!({}),
        Some(&w.resident.access_token),
    )
    .await
    .expect(201);
    app.deliver_mail().await;
    let before = app.emails().len();
    let list = format!("/api/v1/offers/{}/occurrences?{}", w.offer, coming(13));
    let reply = app.get(&list, None).await.expect(200);
    let id = ids(&reply.body)[0].clone();
    let cancel = format!("/api/v1/occurrences/{id}/cancel");
    let reason = json!({"reason": "De tuin staat onder water."});

    // Only the organisation's members cancel; no one else learns more than "no".
    app.post(&cancel, reason.clone(), None).await.expect(401);
    app.post(&cancel, reason.clone(), Some(&other.access_token))
        .await
        .expect_problem(403, "not_a_member");
    app.post(
        &cancel,
        json!({"reason": "  "}),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(422, "validation_failed");
    app.post(
        &cancel,
        json!({"reason": "x".repeat(501)}),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(422, "validation_failed");
    // An id that is no occurrence of the offer, or no id at all.
    let moved = id.replace("T0830", "T0945").replace("T0730", "T0945");
    app.post(
        &format!("/api/v1/occurrences/{moved}/cancel"),
        reason.clone(),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(404, "not_found");
    app.post(
        "/api/v1/occurrences/nonsense/cancel",
        reason.clone(),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(404, "not_found");

    let reply = app
        .post(&cancel, reason.clone(), Some(&w.owner.access_token))
        .await
        .expect(200);
    assert_eq!(reply.body["id"], id.as_str());
    assert_eq!(reply.body["cancelled"], true);
    assert_eq!(reply.body["reason"], "De tuin staat onder water.");
    app.post(&cancel, reason.clone(), Some(&w.owner.access_token))
        .await
        .expect_problem(409, "occurrence_cancelled");
    let listed = app.get(&list, None).await.expect(200);
    assert_eq!(listed.body["items"][0]["cancelled"], true);
    assert_eq!(
        listed.body["items"][0]["reason"],
        "De tuin staat onder water."
    );
    assert_eq!(listed.body["items"][1]["cancelled"], false);

    // The accepted resident is told, in Dutch, when and why.
    app.deliver_mail().await;
    let emails = app.emails();
    assert_eq!(
        emails.len(),
        before + 1,
        "one email, to the one accepted resident"
    );
    let email = app.last_email_to(&w.resident.email).await;
    assert!(
        email.subject.contains("gaat een keer niet door"),
        "{}",
        email.subject
    );
    assert!(
        email.text.contains("De tuin staat onder water."),
        "{}",
        email.text
    );
    assert!(
        email.text.contains("dinsdag") && email.text.contains("09:30"),
        "{}",
        email.text
    );

    // A meeting that has started cannot be cancelled any more.
    let second = ids(&listed.body)[1].clone();
    app.clock.advance(chrono::TimeDelta::days(15));
    let owner = app.login(&w.owner.email, TEST_PASSWORD).await;
    app.post(
        &format!("/api/v1/occurrences/{second}/cancel"),
        reason,
        Some(&owner.access_token),
    )
    .await
    .expect_problem(409, "occurrence_past");
}

async fn extra_occurrences_and_ids_that_stay(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let list = format!("/api/v1/offers/{}/occurrences?{}", w.offer, coming(20));
    let before = app.get(&list, None).await.expect(200);
    let tuesdays = ids(&before.body);
    assert!(tuesdays.len() >= 2);

    // An extra meeting on the next Thursday afternoon, 14:00-16:00 Dutch time.
    let today = Utc::now().date_naive();
    let thursday = (1..=7)
        .map(|n| today.checked_add_days(Days::new(n)).unwrap())
        .find(|day| day.weekday() == chrono::Weekday::Thu)
        .unwrap();
    let starts_at = meedoen::features::occurrences::schedule::local_instant(
        thursday,
        chrono::NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
    );
    let ends_at = starts_at + chrono::TimeDelta::hours(2);
    let extra = json!({"starts_at": starts_at, "ends_at": ends_at});
    let path = format!("/api/v1/offers/{}/occurrences", w.offer);
    app.post(&path, extra.clone(), Some(&w.resident.access_token))
        .await
        .expect_problem(403, "not_a_member");
    app.post(
        &path,
        json!({"starts_at": ends_at, "ends_at": starts_at}),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(422, "validation_failed");
    app.post(
        &path,
        json!({"starts_at": "2020-01-01T10:00:00Z", "ends_at": "2020-01-01T11:00:00Z"}),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(422, "validation_failed");
    let added = app
        .post(&path, extra, Some(&w.owner.access_token))
        .await
        .expect(201);
    let after = app.get(&list, None).await.expect(200);
    let after_ids = ids(&after.body);
    assert!(
        after_ids.contains(&added.id()),
        "the extra meeting is listed"
    );
    assert_eq!(after_ids.len(), tuesdays.len() + 1);

    // Changing the schedule keeps the ids of the meetings that did not move: a later end on
    // Tuesdays and a new Friday slot leave every Tuesday's id as it was.
    app.patch(
        &format!("/api/v1/offers/{}", w.offer),
        json!({"weekly_slots": [
            {"weekday": 2, "start": "09:30", "end": "12:30"},
            {"weekday": 5, "start": "13:00", "end": "15:00"}
        ]}),
        Some(&w.owner.access_token),
    )
    .await
    .expect(200);
    let changed = app.get(&list, None).await.expect(200);
    let changed_ids = ids(&changed.body);
    for id in &tuesdays {
        assert!(changed_ids.contains(id), "{id} kept");
    }
    assert!(changed_ids.len() > after_ids.len(), "Fridays were added");
}

//! Sign-ups: capacity under concurrency, the waitlist, reviews, and who may change what.

use diesel::prelude::*;
use futures_util::future::join_all;
use meedoen::auth::Role;
use meedoen::db::schema::offers;
use serde_json::json;

use crate::common::world::{self, create_offer, offer_body, publish};
use crate::common::{Backend, Session, TEST_PASSWORD, TestApp};
use crate::on_both_backends;

on_both_backends!(
    no_overbooking_under_concurrent_signups,
    one_active_signup_per_offer,
    organisation_reviews_signups,
    companions_take_a_place,
    signup_refusals,
    who_may_see_and_change_signups,
    my_signups_and_emails,
);

async fn residents(app: &TestApp, count: usize) -> Vec<Session> {
    let mut sessions = Vec::with_capacity(count);
    for index in 0..count {
        sessions.push(
            app.user_with_roles(
                &format!("bewoner{index}@example.nl"),
                &format!("Bewoner {index}"),
                &[Role::Resident],
            )
            .await,
        );
    }
    sessions
}

fn accepted_places(app: &TestApp, offer: &str) -> i32 {
    let mut conn = app.db.connect();
    offers::table
        .find(offer)
        .select(offers::accepted_places)
        .first(&mut conn)
        .unwrap()
}

async fn no_overbooking_under_concurrent_signups(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let people = residents(&app, 50).await;
    let path = format!("/api/v1/offers/{}/signups", w.offer);
    // Everyone twice at once: on SQLite the writes share transactions (group commit), so each
    // refused second sign-up must roll back only itself.
    let all_replies = join_all(
        people
            .iter()
            .flat_map(|p| [p, p])
            .map(|p| app.post(&path, json!({}), Some(&p.access_token))),
    )
    .await;
    let mut replies = Vec::new();
    for pair in all_replies.chunks(2) {
        let mut statuses: Vec<u16> = pair.iter().map(|r| r.status.as_u16()).collect();
        statuses.sort_unstable();
        assert_eq!(statuses, [201, 409], "one taken in, the second refused");
        let (taken, refused): (Vec<_>, Vec<_>) = pair.iter().partition(|r| r.status == 201);
        assert_eq!(refused[0].body["code"], "already_signed_up");
        replies.push(taken[0]);
    }
    let mut accepted = Vec::new();
    let mut waitlisted = 0;
    for reply in &replies {
        assert_eq!(
            reply.status.as_u16(),
            201,
            "every sign-up is taken in, none lost: {}",
            reply.text
        );
        match reply.body["status"].as_str().unwrap() {
            "accepted" => accepted.push(reply.body["id"].as_str().unwrap().to_string()),
            "waitlisted" => waitlisted += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!(accepted.len(), 5, "exactly the capacity");
    assert_eq!(waitlisted, 45);
    assert_eq!(accepted_places(&app, &w.offer), 5);

    let list = app
        .get(&path, Some(&w.owner.access_token))
        .await
        .expect(200);
    let items = list.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 50);
    let mut positions: Vec<i64> = items
        .iter()
        .filter_map(|i| i["waitlist_position"].as_i64())
        .collect();
    positions.sort_unstable();
    assert_eq!(positions, (1..=45).collect::<Vec<_>>());
    let first_in_line = items.iter().find(|i| i["waitlist_position"] == 1).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    // Withdrawing one accepted sign-up moves exactly one up: the first in line.
    let withdrawer = replies
        .iter()
        .zip(&people)
        .find(|(reply, _)| reply.body["status"] == "accepted")
        .map(|(reply, person)| (reply.body["id"].as_str().unwrap().to_string(), person))
        .unwrap();
    app.patch(
        &format!("/api/v1/signups/{}", withdrawer.0),
        json!({"status": "withdrawn"}),
        Some(&withdrawer.1.access_token),
    )
    .await
    .expect(200);
    let list = app
        .get(&path, Some(&w.owner.access_token))
        .await
        .expect(200);
    let items = list.body["items"].as_array().unwrap();
    let count = |status: &str| items.iter().filter(|i| i["status"] == status).count();
    assert_eq!(
        (count("accepted"), count("waitlisted"), count("withdrawn")),
        (5, 44, 1)
    );
    let promoted = items
        .iter()
        .find(|i| i["id"] == first_in_line.as_str())
        .unwrap();
    assert_eq!(promoted["status"], "accepted");
    assert_eq!(accepted_places(&app, &w.offer), 5);
}

async fn one_active_signup_per_offer(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let path = format!("/api/v1/offers/{}/signups", w.offer);
    let token = Some(w.resident.access_token.as_str());
    let first = app
        .post(&path, json!({"message": "Ik heb groene vingers."}), token)
        .await
        .expect(201);
    assert_eq!(first.body["status"], "accepted");
    // Two at once: the database index refuses the second either way.
    let again = join_all((0..2).map(|_| app.post(&path, json!({}), token))).await;
    for reply in again {
        reply.expect_problem(409, "already_signed_up");
    }
    assert_eq!(
        accepted_places(&app, &w.offer),
        1,
        "a refused sign-up takes no place"
    );
    let id = first.body["id"].as_str().unwrap();
    app.patch(
        &format!("/api/v1/signups/{id}"),
        json!({"status": "withdrawn"}),
        token,
    )
    .await
    .expect(200);
    assert_eq!(accepted_places(&app, &w.offer), 0);
    app.patch(
        &format!("/api/v1/signups/{id}"),
        json!({"status": "withdrawn"}),
        token,
    )
    .await
    .expect_problem(409, "signup_unchanged");
    app.post(&path, json!({}), token).await.expect(201);
}

async fn organisation_reviews_signups(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let reviewed = create_offer(
        &app,
        &w.owner,
        offer_body(
            &w.organisation,
            &w.district,
            json!({"title": "Kassa in de boerderijwinkel", "capacity": 1, "auto_accept": false}),
        ),
    )
    .await;
    publish(&app, &w.owner, &reviewed).await;
    let people = residents(&app, 3).await;
    let path = format!("/api/v1/offers/{reviewed}/signups");
    let a = app
        .post(&path, json!({}), Some(&people[0].access_token))
        .await
        .expect(201);
    assert_eq!(a.body["status"], "pending");
    let b = app
        .post(&path, json!({}), Some(&people[1].access_token))
        .await
        .expect(201);
    assert_eq!(
        b.body["status"], "waitlisted",
        "one place, already asked for"
    );
    assert_eq!(b.body["waitlist_position"], 1);
    let (a, b) = (
        a.body["id"].as_str().unwrap().to_string(),
        b.body["id"].as_str().unwrap().to_string(),
    );

    // The resident cannot accept themselves; the organisation can.
    app.patch(
        &format!("/api/v1/signups/{a}"),
        json!({"status": "accepted"}),
        Some(&people[0].access_token),
    )
    .await
    .expect_problem(403, "signup_change_not_allowed");
    app.patch(
        &format!("/api/v1/signups/{a}"),
        json!({"status": "accepted"}),
        Some(&w.owner.access_token),
    )
    .await
    .expect(200);
    app.patch(
        &format!("/api/v1/signups/{b}"),
        json!({"status": "accepted"}),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(409, "offer_full");
    app.patch(
        &format!("/api/v1/signups/{a}"),
        json!({"status": "pending"}),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(409, "signup_transition_invalid");

    // Declining the accepted one frees the place: the waitlist moves up to review.
    app.patch(
        &format!("/api/v1/signups/{a}"),
        json!({"status": "declined"}),
        Some(&w.owner.access_token),
    )
    .await
    .expect(200);
    let list = app
        .get(&path, Some(&w.owner.access_token))
        .await
        .expect(200);
    let status_of = |id: &str| {
        list.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status_of(&a), "declined");
    assert_eq!(status_of(&b), "pending");
    let email = app.last_email_to(&people[0].email).await;
    assert!(email.subject.contains("niet gelukt"), "{}", email.subject);
}

async fn companions_take_a_place(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let path = format!("/api/v1/offers/{}/signups", w.offer);
    let reply = app
        .post(
            &path,
            json!({"with_companion": true, "message": "Mijn dochter komt mee."}),
            Some(&w.resident.access_token),
        )
        .await
        .expect(201);
    assert_eq!(reply.body["status"], "accepted");
    assert_eq!(accepted_places(&app, &w.offer), 2);
    let offer = app
        .get(&format!("/api/v1/offers/{}", w.offer), None)
        .await
        .expect(200);
    assert_eq!(offer.body["free_places"], 3);

    let no_companions = create_offer(
        &app,
        &w.owner,
        offer_body(
            &w.organisation,
            &w.district,
            json!({"title": "Alleen voor jou", "companion_allowed": false}),
        ),
    )
    .await;
    publish(&app, &w.owner, &no_companions).await;
    let reply = app
        .post(
            &format!("/api/v1/offers/{no_companions}/signups"),
            json!({"with_companion": true}),
            Some(&w.resident.access_token),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["field"], "with_companion");
}

async fn signup_refusals(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let path = format!("/api/v1/offers/{}/signups", w.offer);
    app.post(&path, json!({}), None)
        .await
        .expect_problem(401, "unauthenticated");

    // Unverified accounts cannot sign up yet.
    app.post(
        "/api/v1/auth/register",
        json!({"email": "nog@example.nl", "password": TEST_PASSWORD, "display_name": "Nog"}),
        None,
    )
    .await
    .expect(202);
    let unverified = app.login("nog@example.nl", TEST_PASSWORD).await;
    app.post(&path, json!({}), Some(&unverified.access_token))
        .await
        .expect_problem(403, "email_not_verified");

    // Referral-only offers go through a worker.
    let referral = create_offer(
        &app,
        &w.owner,
        offer_body(&w.organisation, &w.district, json!({"title": "Zorgboerderij", "route": "referral_required", "guidance": "intensive"})),
    )
    .await;
    publish(&app, &w.owner, &referral).await;
    app.post(
        &format!("/api/v1/offers/{referral}/signups"),
        json!({}),
        Some(&w.resident.access_token),
    )
    .await
    .expect_problem(403, "referral_required");

    // Drafts do not exist for residents; closed offers take no sign-ups.
    let draft = create_offer(
        &app,
        &w.owner,
        offer_body(&w.organisation, &w.district, json!({"title": "Nog geheim"})),
    )
    .await;
    app.post(
        &format!("/api/v1/offers/{draft}/signups"),
        json!({}),
        Some(&w.resident.access_token),
    )
    .await
    .expect_problem(404, "not_found");
    app.post(
        &format!("/api/v1/offers/{}/close", w.offer),
        json!({}),
        Some(&w.owner.access_token),
    )
    .await
    .expect(200);
    app.post(&path, json!({}), Some(&w.resident.access_token))
        .await
        .expect_problem(409, "offer_not_open");
    app.post(
        &format!("/api/v1/offers/{referral}/signups"),
        json!({"message": "x".repeat(1001)}),
        Some(&w.resident.access_token),
    )
    .await
    .expect_problem(422, "validation_failed");
    app.post(
        "/api/v1/offers/00000000-0000-7000-8000-000000000000/signups",
        json!({}),
        Some(&w.resident.access_token),
    )
    .await
    .expect_problem(404, "not_found");
}

async fn who_may_see_and_change_signups(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let other_resident = app
        .user_with_roles("els@example.nl", "Els", &[Role::Resident])
        .await;
    let rival_owner = app
        .user_with_roles("rival@club.nl", "Rival", &[Role::Resident])
        .await;
    world::verified_organisation(
        &app,
        &w.admin,
        &rival_owner,
        "Sportclub Zuid",
        &[&w.municipality],
    )
    .await;
    let path = format!("/api/v1/offers/{}/signups", w.offer);
    let signup = app
        .post(
            &path,
            json!({"message": "Ik kom graag."}),
            Some(&w.resident.access_token),
        )
        .await
        .expect(201);
    let id = signup.body["id"].as_str().unwrap();

    // Only the organisation lists an offer's sign-ups, and sees only name and message.
    app.get(&path, None)
        .await
        .expect_problem(401, "unauthenticated");
    app.get(&path, Some(&w.resident.access_token))
        .await
        .expect_problem(403, "not_a_member");
    app.get(&path, Some(&rival_owner.access_token))
        .await
        .expect_problem(403, "not_a_member");
    let list = app
        .get(&path, Some(&w.owner.access_token))
        .await
        .expect(200);
    let item = &list.body["items"][0];
    assert_eq!(item["display_name"], "Jan");
    assert_eq!(item["message"], "Ik kom graag.");
    assert!(
        !list.text.contains("jan@example.nl"),
        "no email address for the organisation"
    );
    assert!(item.get("resident_id").is_none());

    // Nobody else may change it, or even learn it exists.
    for session in [&other_resident, &rival_owner] {
        app.patch(
            &format!("/api/v1/signups/{id}"),
            json!({"status": "withdrawn"}),
            Some(&session.access_token),
        )
        .await
        .expect_problem(404, "not_found");
    }
    app.patch(
        &format!("/api/v1/signups/{id}"),
        json!({"status": "withdrawn"}),
        None,
    )
    .await
    .expect_problem(401, "unauthenticated");
    // The organisation may not withdraw for the resident.
    app.patch(
        &format!("/api/v1/signups/{id}"),
        json!({"status": "withdrawn"}),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(409, "signup_transition_invalid");
    // Others' sign-ups are not in my list.
    let mine = app
        .get("/api/v1/me/signups", Some(&other_resident.access_token))
        .await
        .expect(200);
    assert_eq!(mine.body["items"].as_array().unwrap().len(), 0);
    app.patch(
        &format!("/api/v1/signups/{id}"),
        json!({"status": "maybe"}),
        Some(&w.resident.access_token),
    )
    .await
    .expect_problem(422, "validation_failed");
}

async fn my_signups_and_emails(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let small = create_offer(
        &app,
        &w.owner,
        offer_body(
            &w.organisation,
            &w.district,
            json!({"title": "Dieren voeren", "capacity": 1}),
        ),
    )
    .await;
    publish(&app, &w.owner, &small).await;
    let first = app
        .user_with_roles("eerste@example.nl", "Eerste", &[Role::Resident])
        .await;
    let first_signup = app
        .post(
            &format!("/api/v1/offers/{small}/signups"),
            json!({}),
            Some(&first.access_token),
        )
        .await
        .expect(201);
    app.post(
        &format!("/api/v1/offers/{}/signups", w.offer),
        json!({}),
        Some(&w.resident.access_token),
    )
    .await
    .expect(201);
    let waiting = app
        .post(
            &format!("/api/v1/offers/{small}/signups"),
            json!({}),
            Some(&w.resident.access_token),
        )
        .await
        .expect(201);
    assert_eq!(waiting.body["status"], "waitlisted");

    let mine = app
        .get("/api/v1/me/signups", Some(&w.resident.access_token))
        .await
        .expect(200);
    let items = mine.body["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["offer"]["title"], "Dieren voeren");
    assert_eq!(items[0]["status"], "waitlisted");
    assert_eq!(items[0]["waitlist_position"], 1);
    assert_eq!(items[1]["status"], "accepted");
    assert!(items[1].get("waitlist_position").is_none());
    let page = app
        .get("/api/v1/me/signups?limit=1", Some(&w.resident.access_token))
        .await
        .expect(200);
    assert!(page.body["next_cursor"].is_string());

    app.deliver_mail().await;
    let subjects: Vec<String> = app
        .emails_to("jan@example.nl")
        .into_iter()
        .map(|e| e.subject)
        .collect();
    assert_eq!(
        subjects,
        vec!["Je bent aangenomen", "Je staat op de wachtlijst"]
    );

    // A place frees up: the waitlisted resident moves up and is told.
    let first_id = first_signup.body["id"].as_str().unwrap();
    app.patch(
        &format!("/api/v1/signups/{first_id}"),
        json!({"status": "withdrawn"}),
        Some(&first.access_token),
    )
    .await
    .expect(200);
    let email = app.last_email_to("jan@example.nl").await;
    assert_eq!(email.subject, "Je bent aangenomen");
    assert!(email.text.contains("Dieren voeren"));
    // A place comes with a way to reach the organisation.
    assert!(
        email
            .text
            .contains("https://meedoen.test/conversations/signup/")
    );
}

on_both_backends!(newcomers_join_the_end_of_the_waitlist);

async fn newcomers_join_the_end_of_the_waitlist(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let offer = create_offer(
        &app,
        &w.owner,
        offer_body(
            &w.organisation,
            &w.district,
            json!({"title": "Twee plekken", "capacity": 2}),
        ),
    )
    .await;
    publish(&app, &w.owner, &offer).await;
    let people = residents(&app, 3).await;
    let path = format!("/api/v1/offers/{offer}/signups");
    let a = app
        .post(&path, json!({}), Some(&people[0].access_token))
        .await
        .expect(201);
    assert_eq!(a.body["status"], "accepted");
    let b = app
        .post(
            &path,
            json!({"with_companion": true}),
            Some(&people[1].access_token),
        )
        .await
        .expect(201);
    assert_eq!(
        b.body["status"], "waitlisted",
        "two places needed, one free"
    );
    // One place is free, but B waits for it first.
    let c = app
        .post(&path, json!({}), Some(&people[2].access_token))
        .await
        .expect(201);
    assert_eq!(c.body["status"], "waitlisted");
    assert_eq!(c.body["waitlist_position"], 2);
    // When A leaves, B (with companion) moves up, then there is no room for C.
    let a_id = a.body["id"].as_str().unwrap();
    app.patch(
        &format!("/api/v1/signups/{a_id}"),
        json!({"status": "withdrawn"}),
        Some(&people[0].access_token),
    )
    .await
    .expect(200);
    let list = app
        .get(&path, Some(&w.owner.access_token))
        .await
        .expect(200);
    let status = |id: &serde_json::Value| {
        list.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == *id)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status(&b.body["id"]), "accepted");
    assert_eq!(status(&c.body["id"]), "waitlisted");
    assert_eq!(accepted_places(&app, &offer), 2);
}

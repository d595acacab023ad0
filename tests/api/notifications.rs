//! Notifications: settings per person, the organisation's email on a new sign-up (at once or as a
//! daily digest), the acceptance email with when, where and whom to contact, a decline's reason,
//! reminders the day before, the weekly digest of new offers, and one-click unsubscribing
//! (RFC 8058) from every notification without signing in.

use chrono::{DateTime, Datelike, Days, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Europe::Amsterdam;
use meedoen::auth::Role;
use meedoen::features::notifications::jobs::{self, JobReport};
use serde_json::json;

use crate::common::world::{self, create_offer, offer_body, publish, sign_up};
use crate::common::{Backend, SentEmail, TestApp};
use crate::on_both_backends;

on_both_backends!(
    settings_have_defaults_and_change,
    a_new_signup_is_emailed_with_a_one_click_way_out,
    the_acceptance_says_when_where_and_whom_to_ask,
    a_decline_tells_the_reason,
    reminders_go_out_the_day_before_once,
    the_daily_digest_replaces_single_emails,
    the_weekly_digest_lists_new_fitting_offers,
);

/// Sets the app's clock to the next `weekday` at `hour:00` in Dutch time.
fn jump_to(app: &TestApp, weekday: Weekday, hour: u32) -> DateTime<Utc> {
    let now = app.state.clock.now();
    let mut day = now.with_timezone(&Amsterdam).date_naive() + Days::new(1);
    while day.weekday() != weekday {
        day = day + Days::new(1);
    }
    let target = Amsterdam
        .from_local_datetime(&day.and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap()))
        .single()
        .unwrap()
        .with_timezone(&Utc);
    app.advance(target - now);
    target
}

async fn emails_with(app: &TestApp, address: &str, subject: &str) -> Vec<SentEmail> {
    app.deliver_mail().await;
    app.emails_to(address)
        .into_iter()
        .filter(|email| email.subject == subject)
        .collect()
}

/// The path of an unsubscribe URL (the test server has its own host).
fn path_of(url: &str) -> String {
    let start = url.find("/api/v1/").expect("an API URL");
    url[start..].to_string()
}

async fn settings_have_defaults_and_change(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let token = Some(w.resident.access_token.as_str());
    let defaults = app.get("/api/v1/me/notifications", token).await.expect(200);
    assert_eq!(
        defaults.body,
        json!({"signup_alerts": "immediately", "reminders": true, "weekly_digest": false, "message_emails": true})
    );
    let wanted = json!({"signup_alerts": "daily", "reminders": false, "weekly_digest": true, "message_emails": false});
    app.put("/api/v1/me/notifications", wanted.clone(), token)
        .await
        .expect(200);
    assert_eq!(
        app.get("/api/v1/me/notifications", token)
            .await
            .expect(200)
            .body,
        wanted
    );
    // Bad input changes nothing.
    app.put("/api/v1/me/notifications", json!({"signup_alerts": "hourly", "reminders": true, "weekly_digest": true, "message_emails": true}), token)
        .await
        .expect(422);
    app.put(
        "/api/v1/me/notifications",
        json!({"reminders": true}),
        token,
    )
    .await
    .expect(422);
    assert_eq!(
        app.get("/api/v1/me/notifications", token)
            .await
            .expect(200)
            .body,
        wanted
    );
    app.get("/api/v1/me/notifications", None).await.expect(401);
    // Another person's settings are their own.
    let other = app
        .get("/api/v1/me/notifications", Some(&w.owner.access_token))
        .await
        .expect(200);
    assert_eq!(other.body["signup_alerts"], "immediately");
}

async fn a_new_signup_is_emailed_with_a_one_click_way_out(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    sign_up(&app, &w.resident, &w.offer).await;
    let alerts = emails_with(&app, &w.owner.email, "Nieuwe aanmelding").await;
    assert_eq!(alerts.len(), 1);
    let alert = &alerts[0];
    assert!(
        alert
            .text
            .contains("Jan heeft zich aangemeld voor \"Samen tuinieren in de buurttuin\"")
    );
    assert!(alert.text.contains("meteen aangenomen"));
    assert_eq!(
        alert.list_unsubscribe_post.as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let url = alert.unsubscribe_url();
    assert!(alert.text.contains(&url), "the way out is in the text too");
    // The resident's own status email is no notification: no List-Unsubscribe.
    let own = app.last_email_to(&w.resident.email).await;
    assert_eq!(own.list_unsubscribe, None);

    // What the link stops, without changing anything (link scanners open links).
    let path = path_of(&url);
    let topic = app.get(&path, None).await.expect(200);
    assert_eq!(
        topic.body,
        json!({"topic": "signup_alerts", "unsubscribed": false})
    );
    // A tampered link: 404, nothing changes.
    app.post_raw(
        &format!("{path}x"),
        "application/x-www-form-urlencoded",
        b"List-Unsubscribe=One-Click".to_vec(),
    )
    .await
    .expect_problem(404, "not_found");
    // A mail client's one-click POST, no sign-in.
    let done = app
        .post_raw(
            &path,
            "application/x-www-form-urlencoded",
            b"List-Unsubscribe=One-Click".to_vec(),
        )
        .await
        .expect(200);
    assert_eq!(
        done.body,
        json!({"topic": "signup_alerts", "unsubscribed": true})
    );
    app.post_raw(&path, "application/json", Vec::new())
        .await
        .expect(200);
    let settings = app
        .get("/api/v1/me/notifications", Some(&w.owner.access_token))
        .await
        .expect(200);
    assert_eq!(settings.body["signup_alerts"], "off");
    assert_eq!(settings.body["reminders"], true, "only that topic stops");

    let piet = app
        .user_with_roles("piet@example.nl", "Piet", &[Role::Resident])
        .await;
    sign_up(&app, &piet, &w.offer).await;
    assert_eq!(
        emails_with(&app, &w.owner.email, "Nieuwe aanmelding")
            .await
            .len(),
        1,
        "no new alert"
    );
}

async fn the_acceptance_says_when_where_and_whom_to_ask(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    app.patch(
        &format!("/api/v1/organisations/{}", w.organisation),
        json!({"contact_phone": "0591 123456"}),
        Some(&w.owner.access_token),
    )
    .await
    .expect(200);
    let signup = sign_up(&app, &w.resident, &w.offer).await;
    let accepted = app.last_email_to(&w.resident.email).await;
    assert_eq!(accepted.subject, "Je bent aangenomen");
    // The world's offer meets on Tuesdays 09:30.
    assert!(
        accepted.text.contains("Wanneer: dinsdag "),
        "{}",
        accepted.text
    );
    assert!(accepted.text.contains(", 09:30"));
    assert!(accepted.text.contains("Waar: Tuinstraat 1, Emmen"));
    assert!(
        accepted
            .text
            .contains("Stadsboerderij De Esch: 0591 123456")
    );
    assert!(
        accepted
            .text
            .contains(&format!("/conversations/signup/{signup}"))
    );
}

async fn a_decline_tells_the_reason(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let reviewed = create_offer(
        &app,
        &w.owner,
        offer_body(
            &w.organisation,
            &w.district,
            json!({"auto_accept": false, "title": "Meehelpen in de kas"}),
        ),
    )
    .await;
    publish(&app, &w.owner, &reviewed).await;
    let signup = sign_up(&app, &w.resident, &reviewed).await;
    let path = format!("/api/v1/signups/{signup}");
    let owner = Some(w.owner.access_token.as_str());
    app.patch(
        &path,
        json!({"status": "declined", "reason": "x".repeat(1001)}),
        owner,
    )
    .await
    .expect(422);
    app.patch(
        &path,
        json!({"status": "declined", "reason": "De kas is dit seizoen al vol bezet."}),
        owner,
    )
    .await
    .expect(200);
    let declined = app.last_email_to(&w.resident.email).await;
    assert_eq!(declined.subject, "Je aanmelding is niet gelukt");
    assert!(
        declined
            .text
            .contains("De organisatie schrijft: De kas is dit seizoen al vol bezet.")
    );
}

async fn reminders_go_out_the_day_before_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let piet = app
        .user_with_roles("piet@example.nl", "Piet", &[Role::Resident])
        .await;
    sign_up(&app, &w.resident, &w.offer).await;
    sign_up(&app, &piet, &w.offer).await;
    app.put("/api/v1/me/notifications", json!({"signup_alerts": "immediately", "reminders": false, "weekly_digest": false, "message_emails": true}), Some(&piet.access_token))
        .await
        .expect(200);

    // Monday night is too early; Monday 08:00 is the day before the Tuesday meeting.
    jump_to(&app, Weekday::Mon, 7);
    assert_eq!(
        jobs::run_due(&app.state).await.unwrap(),
        JobReport::default()
    );
    jump_to(&app, Weekday::Mon, 8);
    assert_eq!(
        jobs::run_due(&app.state).await.unwrap().reminders,
        1,
        "Jan; Piet turned them off"
    );
    assert_eq!(
        jobs::run_due(&app.state).await.unwrap().reminders,
        0,
        "once"
    );
    let reminders = emails_with(&app, &w.resident.email, "Morgen: je activiteit").await;
    assert_eq!(reminders.len(), 1);
    assert!(
        reminders[0]
            .text
            .contains("\"Samen tuinieren in de buurttuin\", dinsdag")
    );
    assert!(reminders[0].text.contains("09:30–12:00"));
    assert!(reminders[0].text.contains("Waar: Tuinstraat 1, Emmen"));
    assert!(reminders[0].list_unsubscribe.is_some());
    assert!(
        emails_with(&app, &piet.email, "Morgen: je activiteit")
            .await
            .is_empty()
    );

    // A cancelled meeting gets no reminder.
    let next_monday = jump_to(&app, Weekday::Sun, 12) + chrono::TimeDelta::days(1);
    let next_tuesday = next_monday.with_timezone(&Amsterdam).date_naive() + Days::new(1);
    let owner = app
        .login(&w.owner.email, crate::common::TEST_PASSWORD)
        .await;
    let meetings = app
        .get(
            &format!(
                "/api/v1/offers/{}/occurrences?from={next_tuesday}&to={next_tuesday}",
                w.offer
            ),
            None,
        )
        .await
        .expect(200);
    let id = meetings.body["items"][0]["id"]
        .as_str()
        .expect("a Tuesday meeting")
        .to_string();
    app.post(
        &format!("/api/v1/occurrences/{id}/cancel"),
        json!({"reason": "Storm."}),
        Some(&owner.access_token),
    )
    .await
    .expect(200);
    jump_to(&app, Weekday::Mon, 9);
    assert_eq!(jobs::run_due(&app.state).await.unwrap().reminders, 0);
}

async fn the_daily_digest_replaces_single_emails(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    jump_to(&app, Weekday::Wed, 10);
    let owner = app
        .login(&w.owner.email, crate::common::TEST_PASSWORD)
        .await;
    app.put("/api/v1/me/notifications", json!({"signup_alerts": "daily", "reminders": true, "weekly_digest": false, "message_emails": true}), Some(&owner.access_token))
        .await
        .expect(200);
    let jan = app
        .login(&w.resident.email, crate::common::TEST_PASSWORD)
        .await;
    let piet = app
        .user_with_roles("piet@example.nl", "Piet", &[Role::Resident])
        .await;
    sign_up(&app, &jan, &w.offer).await;
    sign_up(&app, &piet, &w.offer).await;
    assert!(
        emails_with(&app, &w.owner.email, "Nieuwe aanmelding")
            .await
            .is_empty(),
        "no single emails"
    );

    jump_to(&app, Weekday::Thu, 8);
    assert_eq!(jobs::run_due(&app.state).await.unwrap().signup_digests, 1);
    assert_eq!(jobs::run_due(&app.state).await.unwrap().signup_digests, 0);
    let digests = emails_with(&app, &w.owner.email, "Nieuwe aanmeldingen van vandaag").await;
    assert_eq!(digests.len(), 1);
    assert!(
        digests[0]
            .text
            .contains("• Jan: Samen tuinieren in de buurttuin (aangenomen)")
    );
    assert!(
        digests[0]
            .text
            .contains("• Piet: Samen tuinieren in de buurttuin (aangenomen)")
    );
    assert!(digests[0].list_unsubscribe.is_some());
    // A day without sign-ups sends nothing.
    jump_to(&app, Weekday::Fri, 9);
    assert_eq!(jobs::run_due(&app.state).await.unwrap().signup_digests, 0);
}

async fn the_weekly_digest_lists_new_fitting_offers(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    // Past the first Monday, so that the world's offer is more than a week old by the digest.
    jump_to(&app, Weekday::Mon, 7);
    jump_to(&app, Weekday::Thu, 10);
    let owner = app
        .login(&w.owner.email, crate::common::TEST_PASSWORD)
        .await;
    let jan = app
        .login(&w.resident.email, crate::common::TEST_PASSWORD)
        .await;
    let piet = app
        .user_with_roles("piet@example.nl", "Piet", &[Role::Resident])
        .await;
    for who in [&jan, &piet] {
        app.put(
            "/api/v1/me/profile",
            json!({"district_id": w.district, "skills": ["gardening"], "languages": ["nl"],
                   "dutch_level": "B1", "availability": [{"weekday": 2, "part_of_day": "morning"}]}),
            Some(&who.access_token),
        )
        .await
        .expect(200);
    }
    app.put("/api/v1/me/notifications", json!({"signup_alerts": "immediately", "reminders": true, "weekly_digest": true, "message_emails": true}), Some(&jan.access_token))
        .await
        .expect(200);
    let fresh = create_offer(
        &app,
        &owner,
        offer_body(
            &w.organisation,
            &w.district,
            json!({"title": "Bessen plukken"}),
        ),
    )
    .await;
    publish(&app, &owner, &fresh).await;

    jump_to(&app, Weekday::Mon, 8);
    assert_eq!(
        jobs::run_due(&app.state).await.unwrap().offer_digests,
        1,
        "Jan asked; Piet did not"
    );
    assert_eq!(jobs::run_due(&app.state).await.unwrap().offer_digests, 0);
    let digests = emails_with(&app, &w.resident.email, "Nieuwe activiteiten voor jou").await;
    assert_eq!(digests.len(), 1);
    assert!(digests[0].text.contains("• Bessen plukken: "));
    assert!(digests[0].text.contains(&format!("/offers/{fresh}")));
    assert!(
        !digests[0].text.contains("Samen tuinieren"),
        "older than a week"
    );
    assert!(
        emails_with(&app, &piet.email, "Nieuwe activiteiten voor jou")
            .await
            .is_empty()
    );

    // Unsubscribing from the link stops next week's.
    app.post_raw(
        &path_of(&digests[0].unsubscribe_url()),
        "application/x-www-form-urlencoded",
        b"List-Unsubscribe=One-Click".to_vec(),
    )
    .await
    .expect(200);
    let owner = app
        .login(&w.owner.email, crate::common::TEST_PASSWORD)
        .await;
    let later = create_offer(
        &app,
        &owner,
        offer_body(
            &w.organisation,
            &w.district,
            json!({"title": "Appels rapen"}),
        ),
    )
    .await;
    publish(&app, &owner, &later).await;
    jump_to(&app, Weekday::Mon, 9);
    assert_eq!(jobs::run_due(&app.state).await.unwrap().offer_digests, 0);
}

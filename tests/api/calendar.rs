//! Calendars: .ics files per sign-up and per offer, and the personal feed at a secret URL. Every
//! file is read back with an independent parser (the `ical` crate) and checked against RFC 5545's
//! rules for what a VEVENT must have.

use meedoen::auth::Role;
use serde_json::json;

use crate::common::world::{self, coming_occurrences, create_offer, offer_body, sign_up};
use crate::common::{Backend, Reply, TestApp};
use crate::on_both_backends;

on_both_backends!(
    a_signups_calendar_file,
    the_personal_feed_and_its_secret,
    an_offers_calendar_file,
);

/// One parsed event: its properties by name.
#[derive(Debug)]
struct Event(std::collections::HashMap<String, String>);

impl Event {
    fn get(&self, name: &str) -> &str {
        self.0.get(name).map(String::as_str).unwrap_or("")
    }
}

/// Parses an iCalendar answer and checks what RFC 5545 requires of it; the events, in order.
fn parse_calendar(reply: &Reply) -> Vec<Event> {
    assert_eq!(
        reply.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    let text = &reply.text;
    // Lines end in CRLF and are folded at 75 octets (RFC 5545, 3.1).
    assert!(text.ends_with("\r\n"), "CRLF line ends");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "a line longer than 75 octets: {line}");
    }
    let calendars: Vec<_> = ical::IcalParser::new(text.as_bytes())
        .collect::<Result<_, _>>()
        .expect("a valid iCalendar file");
    assert_eq!(calendars.len(), 1, "one VCALENDAR");
    let calendar = &calendars[0];
    let property = |name: &str| {
        calendar
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
    };
    assert_eq!(property("VERSION").as_deref(), Some("2.0"));
    assert!(property("PRODID").is_some(), "PRODID is required");
    calendar
        .events
        .iter()
        .map(|event| {
            let properties: std::collections::HashMap<String, String> = event
                .properties
                .iter()
                .map(|p| (p.name.clone(), p.value.clone().unwrap_or_default()))
                .collect();
            for required in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "STATUS"] {
                assert!(
                    properties.contains_key(required),
                    "VEVENT without {required}"
                );
            }
            assert!(properties["DTSTART"].ends_with('Z'), "times in UTC");
            Event(properties)
        })
        .collect()
}

async fn a_signups_calendar_file(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let signup = sign_up(&app, &w.resident, &w.offer).await;
    let path = format!("/api/v1/signups/{signup}/calendar.ics");
    let reply = app
        .get(&path, Some(&w.resident.access_token))
        .await
        .expect(200);
    let events = parse_calendar(&reply);
    // Tuesdays from two weeks back to four months ahead.
    assert!((17..=21).contains(&events.len()), "{} events", events.len());
    let coming = coming_occurrences(&app, &w.offer).await;
    let uid = |occurrence: &str| format!("{occurrence}@meedoen.test");
    let first = events
        .iter()
        .find(|event| event.get("UID") == uid(&coming[0]))
        .expect("the next Tuesday, by the occurrence's id");
    assert_eq!(first.get("STATUS"), "CONFIRMED");
    assert_eq!(first.get("SUMMARY"), "Samen tuinieren in de buurttuin");
    assert_eq!(first.get("LOCATION"), "Tuinstraat 1\\, Emmen");

    // A cancelled meeting is sent as cancelled, with a higher sequence.
    app.post(
        &format!("/api/v1/occurrences/{}/cancel", coming[0]),
        json!({"reason": "De tuin staat onder water."}),
        Some(&w.owner.access_token),
    )
    .await
    .expect(200);
    let events = parse_calendar(
        &app.get(&path, Some(&w.resident.access_token))
            .await
            .expect(200),
    );
    let cancelled = events
        .iter()
        .find(|event| event.get("UID") == uid(&coming[0]))
        .unwrap();
    assert_eq!(cancelled.get("STATUS"), "CANCELLED");
    assert_eq!(cancelled.get("SEQUENCE"), "1");

    // The organisation may read it; nobody else learns it exists.
    app.get(&path, Some(&w.owner.access_token))
        .await
        .expect(200);
    let other = app
        .user_with_roles("piet@example.nl", "Piet", &[Role::Resident])
        .await;
    app.get(&path, Some(&other.access_token))
        .await
        .expect_problem(404, "not_found");
    app.get(&path, None).await.expect(401);
}

async fn the_personal_feed_and_its_secret(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let signup = sign_up(&app, &w.resident, &w.offer).await;
    app.get("/api/v1/me/calendar", None).await.expect(401);
    let url = app
        .get("/api/v1/me/calendar", Some(&w.resident.access_token))
        .await
        .expect(200)
        .body["url"]
        .as_str()
        .unwrap()
        .to_string();
    let again = app
        .get("/api/v1/me/calendar", Some(&w.resident.access_token))
        .await
        .expect(200);
    assert_eq!(
        again.body["url"],
        url.as_str(),
        "the same URL until rotated"
    );
    let path = url
        .strip_prefix("https://meedoen.test")
        .expect("on the public URL")
        .to_string();
    assert!(path.starts_with("/api/v1/calendar/") && path.ends_with(".ics"));

    // Calendar apps read it without signing in.
    let events = parse_calendar(&app.get(&path, None).await.expect(200));
    assert!(!events.is_empty());
    assert!(
        events
            .iter()
            .all(|e| e.get("SUMMARY") == "Samen tuinieren in de buurttuin")
    );

    // Rotating stops the old URL; an unknown one says nothing about anyone.
    let rotated = app
        .post(
            "/api/v1/me/calendar/rotate",
            json!({}),
            Some(&w.resident.access_token),
        )
        .await
        .expect(200)
        .body["url"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(rotated, url);
    let gone = app.get(&path, None).await.expect_problem(404, "not_found");
    assert!(!gone.text.contains("Jan"));
    let new_path = rotated.strip_prefix("https://meedoen.test").unwrap();
    parse_calendar(&app.get(new_path, None).await.expect(200));
    app.get("/api/v1/calendar/not-a-secret.ics", None)
        .await
        .expect_problem(404, "not_found");

    // After withdrawing, the activity leaves the feed.
    app.patch(
        &format!("/api/v1/signups/{signup}"),
        json!({"status": "withdrawn"}),
        Some(&w.resident.access_token),
    )
    .await
    .expect(200);
    assert!(parse_calendar(&app.get(new_path, None).await.expect(200)).is_empty());
}

async fn an_offers_calendar_file(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let events = parse_calendar(
        &app.get(&format!("/api/v1/offers/{}/calendar.ics", w.offer), None)
            .await
            .expect(200),
    );
    assert!(events.iter().all(|e| e.get("STATUS") == "CONFIRMED"));
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
    let path = format!("/api/v1/offers/{draft}/calendar.ics");
    app.get(&path, None).await.expect_problem(404, "not_found");
    app.get(&path, Some(&w.resident.access_token))
        .await
        .expect_problem(404, "not_found");
    parse_calendar(
        &app.get(&path, Some(&w.owner.access_token))
            .await
            .expect(200),
    );
}

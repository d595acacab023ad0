//! Participation statements: a resident makes one for a period (figures fixed then), downloads the
//! PDF in Dutch or English, anyone checks it by its code, and the resident revokes it. Nobody else
//! downloads or revokes it.

use chrono::{DateTime, TimeDelta, Utc};
use meedoen::auth::Role;
use meedoen::clock::Clock;
use serde_json::json;

use crate::common::world::{self, coming_occurrences};
use crate::common::{Backend, TEST_PASSWORD, TestApp};
use crate::on_both_backends;

on_both_backends!(a_statement_is_made_downloaded_checked_and_revoked);

/// Jan with a place on the world's offer, present at its first coming meeting; the period around it.
async fn jan_took_part(app: &TestApp) -> (world::World, String) {
    let w = world::build(app).await;
    let signup = world::sign_up(app, &w.resident, &w.offer).await;
    let occurrence = coming_occurrences(app, &w.offer).await.remove(0);
    let start: DateTime<Utc> = chrono::NaiveDateTime::parse_from_str(
        occurrence.split_once('_').unwrap().1,
        "%Y%m%dT%H%M%SZ",
    )
    .unwrap()
    .and_utc();
    app.advance(start + TimeDelta::hours(3) - app.clock.now());
    let owner = app.login("kees@boerderij.nl", TEST_PASSWORD).await;
    app.put(
        &format!("/api/v1/occurrences/{occurrence}/attendance"),
        json!({"items": [{"signup_id": signup, "status": "present"}]}),
        Some(&owner.access_token),
    )
    .await
    .expect(200);
    let day = meedoen::features::occurrences::schedule::local_day(start);
    (w, format!("{}", day - chrono::Days::new(10)))
}

async fn a_statement_is_made_downloaded_checked_and_revoked(backend: Backend) {
    let app = TestApp::new(backend).await;
    let (_w, from) = jan_took_part(&app).await;
    let to = meedoen::features::occurrences::schedule::local_day(app.clock.now());
    let jan = app.login("jan@example.nl", TEST_PASSWORD).await;
    let made = app
        .post(
            "/api/v1/me/statements",
            json!({"from": from, "to": to.to_string(), "lang": "en"}),
            Some(&jan.access_token),
        )
        .await
        .expect(201);
    let code = made.body["code"].as_str().unwrap().to_string();
    assert_eq!(code.len(), 11, "{code}");
    assert_eq!(made.body["sessions_present"], 1);
    assert_eq!(made.body["hours"], 2.5);
    assert_eq!(
        made.body["pdf_url"],
        format!("/api/v1/me/statements/{code}.pdf")
    );

    // The PDF: a real PDF document with the figures and the code.
    let pdf = app
        .get(
            made.body["pdf_url"].as_str().unwrap(),
            Some(&jan.access_token),
        )
        .await
        .expect(200);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    let document = lopdf::Document::load_mem(&pdf.bytes).expect("a PDF file");
    let text = document.extract_text(&[1]).expect("text on page 1");
    for expected in [
        "Statement of participation",
        "Jan",
        "Stadsboerderij De Esch",
        "Samen tuinieren in de buurttuin",
        "Urban farming",
        "2.5",
        code.as_str(),
        "/verklaring/",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }

    // Anyone with the code sees the same figures, typed in any case and without the dash.
    let typed = code.replace('-', "").to_lowercase();
    let checked = app
        .get(&format!("/api/v1/statements/{typed}"), None)
        .await
        .expect(200);
    assert_eq!(checked.body["code"], code.as_str());
    assert_eq!(checked.body["resident_name"], "Jan");
    assert_eq!(checked.body["sessions_present"], 1);
    assert_eq!(checked.body["hours"], 2.5);
    assert_eq!(
        checked.body["items"][0]["organisation_name"],
        "Stadsboerderij De Esch"
    );
    assert_eq!(checked.body["items"][0]["kind"], "urban_farming");
    assert_eq!(checked.body["from"], from.as_str());

    // Nobody else downloads or revokes it; a period too long or the wrong way round is refused.
    let piet = app
        .user_with_roles("piet@example.nl", "Piet", &[Role::Resident])
        .await;
    app.get(
        made.body["pdf_url"].as_str().unwrap(),
        Some(&piet.access_token),
    )
    .await
    .expect_problem(404, "not_found");
    app.delete(
        &format!("/api/v1/statements/{code}"),
        Some(&piet.access_token),
    )
    .await
    .expect_problem(404, "not_found");
    app.post(
        "/api/v1/me/statements",
        json!({"from": "2026-01-01", "to": "2027-06-01"}),
        Some(&jan.access_token),
    )
    .await
    .expect_problem(422, "validation_failed");
    app.post(
        "/api/v1/me/statements",
        json!({"from": "2027-01-01", "to": "2026-06-01", "lang": "de"}),
        Some(&jan.access_token),
    )
    .await
    .expect(422);
    let listed = app
        .get("/api/v1/me/statements", Some(&jan.access_token))
        .await
        .expect(200);
    assert_eq!(listed.body["items"].as_array().unwrap().len(), 1);

    // Revoked: the code no longer checks out; the resident still has the statement.
    app.delete(
        &format!("/api/v1/statements/{code}"),
        Some(&jan.access_token),
    )
    .await
    .expect(204);
    app.get(&format!("/api/v1/statements/{code}"), None)
        .await
        .expect_problem(404, "not_found");
    app.delete(
        &format!("/api/v1/statements/{code}"),
        Some(&jan.access_token),
    )
    .await
    .expect_problem(404, "not_found");
    let listed = app
        .get("/api/v1/me/statements", Some(&jan.access_token))
        .await
        .expect(200);
    assert_eq!(listed.body["items"][0]["revoked"], true);
    app.get("/api/v1/statements/NOT-A-CODE", None)
        .await
        .expect_problem(404, "not_found");
}

//! Organisations: registration, verification, visibility and members.

use meedoen::auth::Role;
use serde_json::json;

use crate::common::world::{self, verified_organisation};
use crate::common::{Backend, TEST_PASSWORD, TestApp};
use crate::on_both_backends;

on_both_backends!(
    registration_and_verification,
    members_are_managed_by_owners,
    the_public_page_lists_published_offers,
);

async fn registration_and_verification(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let body = json!({
        "name": "Taalcafé De Brug",
        "kind": "association",
        "district_ids": [w.district],
        "contact_email": "info@debrug.nl",
        "contact_phone": "0591 123456",
        "website": "https://debrug.nl",
        "description": "Samen Nederlands praten."
    });

    // Unverified accounts cannot register an organisation.
    app.post(
        "/api/v1/auth/register",
        json!({"email": "nieuw@example.nl", "password": TEST_PASSWORD, "display_name": "Nieuw"}),
        None,
    )
    .await
    .expect(202);
    let unverified = app.login("nieuw@example.nl", TEST_PASSWORD).await;
    app.post(
        "/api/v1/organisations",
        body.clone(),
        Some(&unverified.access_token),
    )
    .await
    .expect_problem(403, "email_not_verified");
    app.post("/api/v1/organisations", body.clone(), None)
        .await
        .expect_problem(401, "unauthenticated");

    // Field errors together.
    let bad = app
        .post(
            "/api/v1/organisations",
            json!({"name": "", "kind": "association", "district_ids": [w.district], "contact_email": "nope", "website": "ftp://x"}),
            Some(&w.resident.access_token),
        )
        .await
        .expect_problem(422, "validation_failed");
    let fields: Vec<&str> = bad.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["name", "contact_email", "website"]);

    let created = app
        .post(
            "/api/v1/organisations",
            body,
            Some(&w.resident.access_token),
        )
        .await
        .expect(201);
    assert_eq!(created.body["status"], "pending");
    let id = created.body["id"].as_str().unwrap().to_string();
    let me = app
        .get("/api/v1/me", Some(&w.resident.access_token))
        .await
        .expect(200);
    assert_eq!(me.body["organisations"][0]["id"], id.as_str());
    assert_eq!(me.body["organisations"][0]["role"], "owner");
    assert_eq!(me.body["organisations"][0]["status"], "pending");

    // A pending organisation exists only for its members and admins.
    let path = format!("/api/v1/organisations/{id}");
    app.get(&path, Some(&w.resident.access_token))
        .await
        .expect(200);
    app.get(&path, Some(&w.admin.access_token))
        .await
        .expect(200);
    app.get(&path, None).await.expect_problem(404, "not_found");
    app.get(&path, Some(&w.owner.access_token))
        .await
        .expect_problem(404, "not_found");
    let public = app.get("/api/v1/organisations", None).await.expect(200);
    assert!(!public.text.contains("De Brug"));
    app.get(
        "/api/v1/organisations?status=pending",
        Some(&w.resident.access_token),
    )
    .await
    .expect_problem(403, "role_required");
    let pending = app
        .get(
            "/api/v1/organisations?status=pending",
            Some(&w.admin.access_token),
        )
        .await
        .expect(200);
    assert!(pending.text.contains("De Brug"));

    // Only admins verify; rejecting needs a reason; the owner hears the outcome by email.
    app.post(
        &format!("{path}/verify"),
        json!({}),
        Some(&w.resident.access_token),
    )
    .await
    .expect_problem(403, "role_required");
    app.post(
        &format!("{path}/reject"),
        json!({"reason": " "}),
        Some(&w.admin.access_token),
    )
    .await
    .expect_problem(422, "validation_failed");
    app.post(
        &format!("{path}/verify"),
        json!({}),
        Some(&w.admin.access_token),
    )
    .await
    .expect(200);
    let email = app.last_email_to("jan@example.nl").await;
    assert!(
        email.text.contains("Taalcafé De Brug is goedgekeurd"),
        "{}",
        email.text
    );
    let now_public = app.get(&path, None).await.expect(200);
    assert_eq!(now_public.body["status"], "verified");
    assert!(now_public.body.get("rejection_reason").is_none());

    // Rejection with a reason.
    let other = app
        .post(
            "/api/v1/organisations",
            json!({"name": "Twijfelachtig", "kind": "other", "district_ids": [w.district], "contact_email": "x@example.nl"}),
            Some(&w.owner.access_token),
        )
        .await
        .expect(201);
    let other_id = other.body["id"].as_str().unwrap();
    let rejected = app
        .post(
            &format!("/api/v1/organisations/{other_id}/reject"),
            json!({"reason": "Geen activiteiten in Emmen."}),
            Some(&w.admin.access_token),
        )
        .await
        .expect(200);
    assert_eq!(rejected.body["status"], "rejected");
    let email = app.last_email_to("kees@boerderij.nl").await;
    assert!(email.text.contains("Geen activiteiten in Emmen."));

    // Owners edit; others may not.
    app.patch(
        &path,
        json!({"description": "Elke week praten."}),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(403, "not_a_member");
    let edited = app
        .patch(
            &path,
            json!({"description": "Elke week praten.", "website": null}),
            Some(&w.resident.access_token),
        )
        .await
        .expect(200);
    assert_eq!(edited.body["description"], "Elke week praten.");
    assert!(edited.body["website"].is_null());
}

async fn members_are_managed_by_owners(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let helper = app
        .user_with_roles("piet@boerderij.nl", "Piet", &[Role::Resident])
        .await;
    let outsider = app
        .user_with_roles("els@elders.nl", "Els", &[Role::Resident])
        .await;
    let members = format!("/api/v1/organisations/{}/members", w.organisation);

    app.post(
        &members,
        json!({"email": "piet@boerderij.nl"}),
        Some(&outsider.access_token),
    )
    .await
    .expect_problem(403, "not_a_member");
    app.get(&members, Some(&outsider.access_token))
        .await
        .expect_problem(403, "not_a_member");
    app.get(&members, None)
        .await
        .expect_problem(401, "unauthenticated");
    app.post(
        &members,
        json!({"email": "niemand@example.nl"}),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(422, "validation_failed");
    let added = app
        .post(
            &members,
            json!({"email": "Piet@Boerderij.nl"}),
            Some(&w.owner.access_token),
        )
        .await
        .expect(201);
    assert_eq!(added.body["items"].as_array().unwrap().len(), 2);
    app.post(
        &members,
        json!({"email": "piet@boerderij.nl"}),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(409, "already_member");

    // A member sees members and manages offers, but does not manage members.
    let list = app
        .get(&members, Some(&helper.access_token))
        .await
        .expect(200);
    assert_eq!(list.body["items"][1]["display_name"], "Piet");
    assert_eq!(list.body["items"][1]["role"], "member");
    app.post(
        &members,
        json!({"email": "els@elders.nl"}),
        Some(&helper.access_token),
    )
    .await
    .expect_problem(403, "owner_required");
    let offers = app
        .get(
            &format!("/api/v1/organisations/{}/offers", w.organisation),
            Some(&helper.access_token),
        )
        .await
        .expect(200);
    assert_eq!(offers.body["items"].as_array().unwrap().len(), 1);

    // The last owner cannot go; a member can leave.
    app.delete(
        &format!("{members}/{}", w.owner.user_id),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(409, "last_owner");
    app.delete(
        &format!("{members}/{}", w.owner.user_id),
        Some(&helper.access_token),
    )
    .await
    .expect_problem(403, "owner_required");
    app.delete(
        &format!("{members}/{}", helper.user_id),
        Some(&helper.access_token),
    )
    .await
    .expect(204);
    app.get(&members, Some(&helper.access_token))
        .await
        .expect_problem(403, "not_a_member");

    // A second organisation for the same owner shows in /me.
    verified_organisation(&app, &w.admin, &w.owner, "Repair Café Emmen", &[&w.area]).await;
    let me = app
        .get("/api/v1/me", Some(&w.owner.access_token))
        .await
        .expect(200);
    let names: Vec<&str> = me.body["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Repair Café Emmen", "Stadsboerderij De Esch"]);
}

on_both_backends!(rejecting_an_organisation_closes_its_offers);

async fn rejecting_an_organisation_closes_its_offers(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    app.post(
        &format!("/api/v1/organisations/{}/reject", w.organisation),
        json!({"reason": "Geen toestemming meer van de gemeente."}),
        Some(&w.admin.access_token),
    )
    .await
    .expect(200);
    let list = app.get("/api/v1/offers", None).await.expect(200);
    assert_eq!(list.body["items"].as_array().unwrap().len(), 0);
    app.post(
        &format!("/api/v1/offers/{}/signups", w.offer),
        json!({}),
        Some(&w.resident.access_token),
    )
    .await
    .expect_problem(409, "offer_not_open");
    app.post(
        &format!("/api/v1/offers/{}/publish", w.offer),
        json!({}),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(403, "organisation_not_verified");
}

/// A verified organisation's public page: its contact details for anyone, and its published offers
/// through the offer list's organisation filter (drafts and other organisations' offers left out).
async fn the_public_page_lists_published_offers(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let other_owner = app
        .user_with_roles("yara@buurthuis.nl", "Yara", &[Role::Resident])
        .await;
    let other = verified_organisation(
        &app,
        &w.admin,
        &other_owner,
        "Buurthuis De Hondsrug",
        &[&w.area],
    )
    .await;
    let theirs = world::create_offer(
        &app,
        &other_owner,
        world::offer_body(&other, &w.district, json!({"title": "Koffie schenken"})),
    )
    .await;
    world::publish(&app, &other_owner, &theirs).await;
    world::create_offer(
        &app,
        &w.owner,
        world::offer_body(
            &w.organisation,
            &w.district,
            json!({"title": "Nog een concept"}),
        ),
    )
    .await;

    let page = app
        .get(&format!("/api/v1/organisations/{}", w.organisation), None)
        .await
        .expect(200);
    assert_eq!(page.body["contact_email"], "info@boerderij.nl");
    let listed = app
        .get(
            &format!("/api/v1/offers?organisation={}", w.organisation),
            None,
        )
        .await
        .expect(200);
    assert_eq!(
        crate::common::titles(&listed.body),
        ["Samen tuinieren in de buurttuin"]
    );
    let listed = app
        .get(&format!("/api/v1/offers?organisation={other}"), None)
        .await
        .expect(200);
    assert_eq!(crate::common::titles(&listed.body), ["Koffie schenken"]);
    let unknown = app
        .get("/api/v1/offers?organisation=not-an-id", None)
        .await
        .expect(200);
    assert_eq!(unknown.body["items"], json!([]));
}

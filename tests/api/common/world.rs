//! A small marketplace built through the API: an admin, a district tree, a verified organisation
//! with an owner, a published offer and a verified resident.

use meedoen::auth::Role;
use serde_json::{Value, json};

use super::{Session, TestApp};

pub struct World {
    pub admin: Session,
    pub owner: Session,
    pub resident: Session,
    pub municipality: String,
    pub area: String,
    pub district: String,
    /// A district in another area, which the organisation does not serve.
    pub elsewhere: String,
    pub organisation: String,
    /// Published, capacity 5, accepting automatically, companions welcome.
    pub offer: String,
}

pub async fn create_district(
    app: &TestApp,
    admin: &Session,
    name: &str,
    kind: &str,
    parent: Option<&str>,
) -> String {
    let reply = app
        .post(
            "/api/v1/districts",
            json!({"name": name, "kind": kind, "parent_id": parent}),
            Some(&admin.access_token),
        )
        .await
        .expect(201);
    reply.body["id"].as_str().unwrap().to_string()
}

/// A valid offer body; change fields with `patch`.
pub fn offer_body(organisation: &str, district: &str, patch: Value) -> Value {
    let mut body = json!({
        "organisation_id": organisation,
        "district_id": district,
        "kind": "urban_farming",
        "title": "Samen tuinieren in de buurttuin",
        "description": "We zaaien, wieden en oogsten samen. Daarna drinken we koffie.",
        "address": "Tuinstraat 1, Emmen",
        "capacity": 5,
        "auto_accept": true,
        "companion_allowed": true,
        "weekly_slots": [{"weekday": 2, "start": "09:30", "end": "12:00"}],
        "skills": ["gardening"],
        "interests": ["nature"],
        "goals": ["social_contact", "outdoors"],
        "access": ["wheelchair_accessible"],
        "languages": ["nl"],
        "guidance": "light",
        "dutch_level": "A2",
        "language_buddy": false,
        "route": "open",
        "sessions": []
    });
    if let (Some(body), Some(patch)) = (body.as_object_mut(), patch.as_object()) {
        for (key, value) in patch {
            body.insert(key.clone(), value.clone());
        }
    }
    body
}

pub async fn create_offer(app: &TestApp, owner: &Session, body: Value) -> String {
    let reply = app
        .post("/api/v1/offers", body, Some(&owner.access_token))
        .await
        .expect(201);
    reply.body["id"].as_str().unwrap().to_string()
}

pub async fn publish(app: &TestApp, owner: &Session, offer: &str) {
    app.post(
        &format!("/api/v1/offers/{offer}/publish"),
        json!({}),
        Some(&owner.access_token),
    )
    .await
    .expect(200);
}

/// A resident whom the admin makes a worker for `districts`, signed in (with the new role).
pub async fn worker(
    app: &TestApp,
    admin: &Session,
    email: &str,
    name: &str,
    districts: &[&str],
) -> Session {
    let worker = app.user_with_roles(email, name, &[Role::Resident]).await;
    app.post(
        "/api/v1/workers",
        json!({"email": worker.email, "district_ids": districts}),
        Some(&admin.access_token),
    )
    .await
    .expect(200);
    app.login(&worker.email, super::TEST_PASSWORD).await
}

/// Registers and verifies an organisation owned by `owner`, serving `districts`.
pub async fn verified_organisation(
    app: &TestApp,
    admin: &Session,
    owner: &Session,
    name: &str,
    districts: &[&str],
) -> String {
    let reply = app
        .post(
            "/api/v1/organisations",
            json!({"name": name, "kind": "urban_farm", "district_ids": districts, "contact_email": "info@boerderij.nl"}),
            Some(&owner.access_token),
        )
        .await
        .expect(201);
    let id = reply.body["id"].as_str().unwrap().to_string();
    app.post(
        &format!("/api/v1/organisations/{id}/verify"),
        json!({}),
        Some(&admin.access_token),
    )
    .await
    .expect(200);
    id
}

pub async fn build(app: &TestApp) -> World {
    let admin = app
        .user_with_roles(
            "admin@gemeente.nl",
            "Annemiek",
            &[Role::Resident, Role::Admin],
        )
        .await;
    let owner = app
        .user_with_roles("kees@boerderij.nl", "Kees", &[Role::Resident])
        .await;
    let resident = app
        .user_with_roles("jan@example.nl", "Jan", &[Role::Resident])
        .await;
    let municipality = create_district(app, &admin, "Emmen", "municipality", None).await;
    let area = create_district(app, &admin, "Emmen Noord", "area", Some(&municipality)).await;
    let district = create_district(app, &admin, "Emmerhout", "district", Some(&area)).await;
    let other_area = create_district(app, &admin, "Zuid", "area", Some(&municipality)).await;
    let elsewhere = create_district(app, &admin, "Bargeres", "district", Some(&other_area)).await;
    let organisation =
        verified_organisation(app, &admin, &owner, "Stadsboerderij De Esch", &[&area]).await;
    let offer = create_offer(app, &owner, offer_body(&organisation, &district, json!({}))).await;
    publish(app, &owner, &offer).await;
    World {
        admin,
        owner,
        resident,
        municipality,
        area,
        district,
        elsewhere,
        organisation,
        offer,
    }
}

/// The ids of the offer's occurrences in the coming two weeks (today included), in order.
pub async fn coming_occurrences(app: &TestApp, offer: &str) -> Vec<String> {
    let today = chrono::Utc::now().date_naive();
    let last = today + chrono::Days::new(13);
    let reply = app
        .get(
            &format!("/api/v1/offers/{offer}/occurrences?from={today}&to={last}"),
            None,
        )
        .await
        .expect(200);
    reply.body["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["id"].as_str().expect("an id").to_string())
        .collect()
}

/// Signs `resident` up for `offer`; the sign-up's id.
pub async fn sign_up(app: &TestApp, resident: &Session, offer: &str) -> String {
    app.post(
        &format!("/api/v1/offers/{offer}/signups"),
        json!({}),
        Some(&resident.access_token),
    )
    .await
    .expect(201)
    .id()
}

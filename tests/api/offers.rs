//! Offers: drafts, publishing, validation, the public list and its filters.

use meedoen::auth::Role;
use serde_json::json;

use crate::common::titles;
use crate::common::world::{self, create_offer, offer_body, publish, verified_organisation};
use crate::common::{Backend, TestApp};
use crate::on_both_backends;

on_both_backends!(
    drafts_publishing_and_visibility,
    validation_names_every_wrong_field,
    public_list_filters_and_pages,
    changing_an_offer,
    nearest_first,
);

/// `near`: offers in the district first, then the rest of its area, then the rest of the
/// municipality, newest first within each; the cursor pages on across the rings.
async fn nearest_first(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let angelslo =
        world::create_district(&app, &w.admin, "Angelslo", "district", Some(&w.area)).await;
    let owner = Some(w.owner.access_token.as_str());
    app.patch(
        &format!("/api/v1/organisations/{}", w.organisation),
        json!({"district_ids": [w.area, w.elsewhere]}),
        owner,
    )
    .await
    .expect(200);
    // The world's offer ("Samen tuinieren…") is in Emmerhout, in the same area as Angelslo.
    for (title, district) in [("In Angelslo", &angelslo), ("In Bargeres", &w.elsewhere)] {
        let id = create_offer(
            &app,
            &w.owner,
            offer_body(&w.organisation, district, json!({"title": title})),
        )
        .await;
        publish(&app, &w.owner, &id).await;
    }
    let page_by_page = |near: String, extra: &'static str| {
        let app = &app;
        async move {
            let mut seen = Vec::new();
            let mut cursor = String::new();
            loop {
                let reply = app
                    .get(
                        &format!("/api/v1/offers?near={near}&limit=1&cursor={cursor}{extra}"),
                        None,
                    )
                    .await
                    .expect(200);
                seen.extend(titles(&reply.body));
                match reply.body["next_cursor"].as_str() {
                    Some(next) => cursor = next.to_string(),
                    None => break seen,
                }
            }
        }
    };
    assert_eq!(
        page_by_page(angelslo.clone(), "").await,
        [
            "In Angelslo",
            "Samen tuinieren in de buurttuin",
            "In Bargeres"
        ]
    );
    assert_eq!(
        page_by_page(w.elsewhere.clone(), "").await,
        [
            "In Bargeres",
            "In Angelslo",
            "Samen tuinieren in de buurttuin"
        ],
        "the rest of the municipality newest first"
    );
    let within_area = app
        .get(
            &format!("/api/v1/offers?near={}&district={}", w.elsewhere, w.area),
            None,
        )
        .await
        .expect(200);
    assert_eq!(
        titles(&within_area.body),
        ["In Angelslo", "Samen tuinieren in de buurttuin"],
        "the district filter still holds"
    );
    let unknown = app
        .get(
            "/api/v1/offers?near=01890000-0000-7000-8000-000000000000",
            None,
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(unknown.body["errors"][0]["field"], "near");
}

async fn drafts_publishing_and_visibility(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let rival_owner = app
        .user_with_roles("rival@club.nl", "Rival", &[Role::Resident])
        .await;
    let rival = verified_organisation(
        &app,
        &w.admin,
        &rival_owner,
        "Sportclub Zuid",
        &[&w.municipality],
    )
    .await;

    let draft = app
        .post(
            "/api/v1/offers",
            offer_body(
                &w.organisation,
                &w.district,
                json!({"title": "Kas opruimen"}),
            ),
            Some(&w.owner.access_token),
        )
        .await
        .expect(201);
    assert_eq!(draft.body["status"], "draft");
    assert_eq!(draft.body["free_places"], 5);
    assert_eq!(draft.body["organisation_name"], "Stadsboerderij De Esch");
    assert_eq!(draft.body["district_name"], "Emmerhout");
    assert_eq!(draft.body["access"], json!(["wheelchair_accessible"]));
    assert_eq!(draft.body["guidance"], "light");
    let id = draft.body["id"].as_str().unwrap();
    let path = format!("/api/v1/offers/{id}");

    // Drafts do not leak: 404 for the public, residents and other organisations.
    app.get(&path, None).await.expect_problem(404, "not_found");
    app.get(&path, Some(&w.resident.access_token))
        .await
        .expect_problem(404, "not_found");
    app.get(&path, Some(&rival_owner.access_token))
        .await
        .expect_problem(404, "not_found");
    app.get(&path, Some(&w.owner.access_token))
        .await
        .expect(200);
    app.patch(
        &path,
        json!({"title": "Gekaapt"}),
        Some(&rival_owner.access_token),
    )
    .await
    .expect_problem(404, "not_found");
    app.post(
        &format!("{path}/publish"),
        json!({}),
        Some(&rival_owner.access_token),
    )
    .await
    .expect_problem(404, "not_found");
    assert!(
        !titles(&app.get("/api/v1/offers", None).await.body).contains(&"Kas opruimen".to_string())
    );

    // Only members create offers for an organisation.
    app.post(
        "/api/v1/offers",
        offer_body(&w.organisation, &w.district, json!({})),
        Some(&rival_owner.access_token),
    )
    .await
    .expect_problem(403, "not_a_member");
    app.post(
        "/api/v1/offers",
        offer_body(&rival, &w.district, json!({})),
        None,
    )
    .await
    .expect_problem(401, "unauthenticated");

    publish(&app, &w.owner, id).await;
    let public = app.get(&path, None).await.expect(200);
    assert_eq!(public.body["status"], "published");
    // Published but not theirs: 403 for others.
    app.patch(
        &path,
        json!({"title": "Gekaapt"}),
        Some(&rival_owner.access_token),
    )
    .await
    .expect_problem(403, "not_a_member");
    app.post(
        &format!("{path}/close"),
        json!({}),
        Some(&w.resident.access_token),
    )
    .await
    .expect_problem(403, "not_a_member");

    // A pending organisation may prepare drafts but not publish.
    let pending = app
        .post(
            "/api/v1/organisations",
            json!({"name": "Nieuw Initiatief", "kind": "other", "district_ids": [w.district], "contact_email": "a@b.nl"}),
            Some(&w.resident.access_token),
        )
        .await
        .expect(201);
    let pending_id = pending.body["id"].as_str().unwrap();
    let pending_offer = create_offer(
        &app,
        &w.resident,
        offer_body(pending_id, &w.district, json!({})),
    )
    .await;
    app.post(
        &format!("/api/v1/offers/{pending_offer}/publish"),
        json!({}),
        Some(&w.resident.access_token),
    )
    .await
    .expect_problem(403, "organisation_not_verified");

    // Closing takes it off the list; the offer stays readable.
    app.post(
        &format!("{path}/close"),
        json!({}),
        Some(&w.owner.access_token),
    )
    .await
    .expect(200);
    assert!(
        !titles(&app.get("/api/v1/offers", None).await.body).contains(&"Kas opruimen".to_string())
    );
    assert_eq!(
        app.get(&path, None).await.expect(200).body["status"],
        "closed"
    );

    // The organisation's own list has every status.
    let own = app
        .get(
            &format!("/api/v1/organisations/{}/offers", w.organisation),
            Some(&w.owner.access_token),
        )
        .await
        .expect(200);
    assert_eq!(own.body["items"].as_array().unwrap().len(), 2);
    let closed = app
        .get(
            &format!(
                "/api/v1/organisations/{}/offers?status=closed",
                w.organisation
            ),
            Some(&w.owner.access_token),
        )
        .await
        .expect(200);
    assert_eq!(titles(&closed.body), vec!["Kas opruimen"]);
    app.get(
        &format!("/api/v1/organisations/{}/offers", w.organisation),
        Some(&rival_owner.access_token),
    )
    .await
    .expect_problem(403, "not_a_member");
}

async fn validation_names_every_wrong_field(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let bad = offer_body(
        &w.organisation,
        &w.elsewhere,
        json!({
            "title": "x",
            "capacity": 0,
            "start_date": "2027-05-01",
            "end_date": "2027-04-01",
            "weekly_slots": [{"weekday": 8, "start": "09:00", "end": "10:00"}, {"weekday": 1, "start": "12:00", "end": "11:00"}],
            "skills": ["juggling"],
            "languages": ["nl", "klingon"],
            "latitude": 95.0,
            "longitude": 6.9
        }),
    );
    let reply = app
        .post("/api/v1/offers", bad, Some(&w.owner.access_token))
        .await
        .expect_problem(422, "validation_failed");
    let fields: Vec<(String, String)> = reply.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_string(),
                e["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for expected in [
        ("title", "invalid"),
        ("latitude", "invalid"),
        ("end_date", "before_start"),
        ("capacity", "out_of_range"),
        ("weekly_slots[0]", "invalid_slot"),
        ("weekly_slots[1]", "invalid_slot"),
        ("skills", "unknown_tag"),
        ("languages", "unknown_tag"),
        ("district_id", "district_not_served"),
    ] {
        assert!(
            fields.contains(&(expected.0.to_string(), expected.1.to_string())),
            "{expected:?} missing in {fields:?}"
        );
    }
    // An offer takes place in a district (wijk or dorp), not in a whole area.
    let area = app
        .post(
            "/api/v1/offers",
            offer_body(&w.organisation, &w.area, json!({})),
            Some(&w.owner.access_token),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(area.body["errors"][0]["field"], "district_id");
    assert_eq!(area.body["errors"][0]["code"], "not_a_district");
    // Wrong types and enum values are named too.
    for (patch, field) in [
        (json!({"kind": "party"}), "kind"),
        (json!({"capacity": "five"}), "capacity"),
    ] {
        let reply = app
            .post(
                "/api/v1/offers",
                offer_body(&w.organisation, &w.district, patch),
                Some(&w.owner.access_token),
            )
            .await
            .expect_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["field"], field);
    }
    let own = app
        .get(
            &format!("/api/v1/organisations/{}/offers", w.organisation),
            Some(&w.owner.access_token),
        )
        .await
        .expect(200);
    assert_eq!(
        own.body["items"].as_array().unwrap().len(),
        1,
        "nothing was stored"
    );
}

async fn public_list_filters_and_pages(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    // A second organisation in another area.
    let other_owner = app
        .user_with_roles("zuid@club.nl", "Zuid", &[Role::Resident])
        .await;
    let zuid = verified_organisation(
        &app,
        &w.admin,
        &other_owner,
        "Sportclub Zuid",
        &[&w.elsewhere],
    )
    .await;
    let walk = create_offer(
        &app,
        &other_owner,
        offer_body(
            &zuid,
            &w.elsewhere,
            json!({
                "kind": "day_activity", "title": "Wandelen 100% gezellig", "capacity": 1,
                "weekly_slots": [{"weekday": 5, "start": "14:00", "end": "15:00"}],
                "skills": [], "interests": ["sports"], "goals": ["exercise", "social_contact"], "access": []
            }),
        ),
    )
    .await;
    publish(&app, &other_owner, &walk).await;
    let course = create_offer(
        &app,
        &other_owner,
        offer_body(
            &zuid,
            &w.elsewhere,
            json!({"kind": "course", "title": "Lessen in geluk", "weekly_slots": [], "goals": ["self_confidence"],
                   "skills": [], "access": [],
                   "sessions": [{"starts_at": "2027-01-12T18:00:00Z", "ends_at": "2027-01-12T20:00:00Z"}]}),
        ),
    )
    .await;
    publish(&app, &other_owner, &course).await;

    let all = app.get("/api/v1/offers", None).await.expect(200);
    assert_eq!(
        titles(&all.body),
        vec![
            "Lessen in geluk",
            "Wandelen 100% gezellig",
            "Samen tuinieren in de buurttuin"
        ]
    );
    assert_eq!(
        all.body["items"][0]["sessions"][0]["starts_at"],
        "2027-01-12T18:00:00Z"
    );

    let cases: Vec<(String, Vec<&str>)> = vec![
        (
            format!("district={}", w.municipality),
            vec![
                "Lessen in geluk",
                "Wandelen 100% gezellig",
                "Samen tuinieren in de buurttuin",
            ],
        ),
        (
            format!("district={}", w.area),
            vec!["Samen tuinieren in de buurttuin"],
        ),
        (
            format!("district={}", w.elsewhere),
            vec!["Lessen in geluk", "Wandelen 100% gezellig"],
        ),
        ("kind=day_activity".into(), vec!["Wandelen 100% gezellig"]),
        (
            "tag=social_contact".into(),
            vec!["Wandelen 100% gezellig", "Samen tuinieren in de buurttuin"],
        ),
        (
            "tag=social_contact&tag=exercise".into(),
            vec!["Wandelen 100% gezellig"],
        ),
        (
            "tag=wheelchair_accessible&tag=gardening".into(),
            vec!["Samen tuinieren in de buurttuin"],
        ),
        (
            "q=TUIN%20koffie".into(),
            vec!["Samen tuinieren in de buurttuin"],
        ),
        ("q=100%25".into(), vec!["Wandelen 100% gezellig"]),
        ("q=zzz".into(), vec![]),
        ("weekday=5".into(), vec!["Wandelen 100% gezellig"]),
        (
            "weekday=2&kind=urban_farming".into(),
            vec!["Samen tuinieren in de buurttuin"],
        ),
    ];
    for (query, expected) in cases {
        let reply = app
            .get(&format!("/api/v1/offers?{query}"), None)
            .await
            .expect(200);
        assert_eq!(titles(&reply.body), expected, "?{query}");
    }

    // Fill the walk's only place: `available` leaves it out, `free_places` shows 0, in the cached
    // answers too (they were made before the sign-up).
    let before = app
        .get("/api/v1/offers?kind=day_activity", None)
        .await
        .expect(200);
    assert_eq!(before.body["items"][0]["free_places"], 1);
    assert_eq!(
        app.get(&format!("/api/v1/offers/{walk}"), None).await.body["free_places"],
        1
    );
    app.post(
        &format!("/api/v1/offers/{walk}/signups"),
        json!({}),
        Some(&w.resident.access_token),
    )
    .await
    .expect(201);
    let available = app
        .get("/api/v1/offers?available=true", None)
        .await
        .expect(200);
    assert_eq!(
        titles(&available.body),
        vec!["Lessen in geluk", "Samen tuinieren in de buurttuin"]
    );
    let walk_now = app
        .get(&format!("/api/v1/offers/{walk}"), None)
        .await
        .expect(200);
    assert_eq!(walk_now.body["free_places"], 0);
    let after = app
        .get("/api/v1/offers?kind=day_activity", None)
        .await
        .expect(200);
    assert_eq!(after.body["items"][0]["free_places"], 0);

    // Keyset pages.
    let first = app.get("/api/v1/offers?limit=2", None).await.expect(200);
    assert_eq!(titles(&first.body).len(), 2);
    let cursor = first.body["next_cursor"].as_str().expect("a next page");
    let second = app
        .get(&format!("/api/v1/offers?limit=2&cursor={cursor}"), None)
        .await
        .expect(200);
    assert_eq!(
        titles(&second.body),
        vec!["Samen tuinieren in de buurttuin"]
    );
    assert!(second.body["next_cursor"].is_null());

    // Bad filters are named.
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("weekday=8", "weekday"),
        ("kind=party", "kind"),
        ("cursor=nonsense", "cursor"),
        ("district=00000000-0000-7000-8000-000000000000", "district"),
        ("colour=red", "colour"),
    ] {
        let reply = app
            .get(&format!("/api/v1/offers?{query}"), None)
            .await
            .expect_problem(422, "validation_failed");
        assert_eq!(
            reply.body["errors"][0]["field"], field,
            "?{query}: {}",
            reply.text
        );
    }
}

async fn changing_an_offer(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let path = format!("/api/v1/offers/{}", w.offer);
    let changed = app
        .patch(
            &path,
            json!({"title": "Samen oogsten", "capacity": 8, "weekly_slots": [{"weekday": 6, "start": "10:00", "end": "12:00"}],
                   "goals": ["outdoors"], "min_age": 16, "programme": "Sociale Innovatie"}),
            Some(&w.owner.access_token),
        )
        .await
        .expect(200);
    assert_eq!(changed.body["title"], "Samen oogsten");
    assert_eq!(changed.body["capacity"], 8);
    assert_eq!(changed.body["free_places"], 8);
    assert_eq!(
        changed.body["weekly_slots"],
        json!([{"weekday": 6, "start": "10:00", "end": "12:00"}])
    );
    assert_eq!(changed.body["goals"], json!(["outdoors"]));
    assert_eq!(
        changed.body["skills"],
        json!(["gardening"]),
        "lists not sent stay"
    );
    assert_eq!(changed.body["min_age"], 16);
    let cleared = app
        .patch(
            &path,
            json!({"min_age": null, "programme": null}),
            Some(&w.owner.access_token),
        )
        .await
        .expect(200);
    assert!(cleared.body["min_age"].is_null() && cleared.body["programme"].is_null());

    // Capacity cannot drop below the places taken.
    for email in ["a@example.nl", "b@example.nl", "c@example.nl"] {
        let resident = app.user_with_roles(email, "R", &[Role::Resident]).await;
        app.post(
            &format!("{path}/signups"),
            json!({}),
            Some(&resident.access_token),
        )
        .await
        .expect(201);
    }
    let reply = app
        .patch(&path, json!({"capacity": 2}), Some(&w.owner.access_token))
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["code"], "below_accepted");
    app.patch(&path, json!({"capacity": 3}), Some(&w.owner.access_token))
        .await
        .expect(200);
    app.patch(&path, json!({"title": "x"}), Some(&w.owner.access_token))
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(
        app.get(&path, None).await.body["title"],
        "Samen oogsten",
        "a refused change changes nothing"
    );
}

on_both_backends!(offers_stay_editable_after_retirements);

async fn offers_stay_editable_after_retirements(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let tags = app.get("/api/v1/tags?kind=skill", None).await.expect(200);
    let gardening = tags.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["key"] == "gardening")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    app.post(
        &format!("/api/v1/tags/{gardening}/retire"),
        json!({}),
        Some(&w.admin.access_token),
    )
    .await
    .expect(200);
    app.post(
        &format!("/api/v1/districts/{}/retire", w.district),
        json!({}),
        Some(&w.admin.access_token),
    )
    .await
    .expect(200);
    let path = format!("/api/v1/offers/{}", w.offer);
    let changed = app
        .patch(
            &path,
            json!({"title": "Samen tuinieren, ook in de winter"}),
            Some(&w.owner.access_token),
        )
        .await
        .expect(200);
    assert_eq!(
        changed.body["skills"],
        json!(["gardening"]),
        "a retired tag stays where it was"
    );
    // But it cannot be chosen anew, and the retired district cannot be chosen for another offer.
    let reply = app
        .post(
            "/api/v1/offers",
            offer_body(
                &w.organisation,
                &w.district,
                json!({"skills": ["gardening"]}),
            ),
            Some(&w.owner.access_token),
        )
        .await
        .expect_problem(422, "validation_failed");
    let codes: Vec<&str> = reply.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"unknown_tag") && codes.contains(&"district_retired"),
        "{codes:?}"
    );
}

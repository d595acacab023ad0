//! Districts and tags: public reads, admin-only changes.

use meedoen::auth::Role;
use serde_json::json;

use crate::common::world::{self, create_district, offer_body};
use crate::common::{Backend, TestApp};
use crate::on_both_backends;

on_both_backends!(
    district_tree_and_admin_changes,
    tags_taxonomy_and_admin_changes
);

async fn district_tree_and_admin_changes(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let admin = Some(w.admin.access_token.as_str());

    let tree = app.get("/api/v1/districts", None).await.expect(200);
    let emmen = &tree.body["items"][0];
    assert_eq!(emmen["name"], "Emmen");
    assert_eq!(emmen["kind"], "municipality");
    let areas: Vec<&str> = emmen["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(areas, vec!["Emmen Noord", "Zuid"]);
    assert_eq!(emmen["children"][0]["children"][0]["name"], "Emmerhout");

    // Only admins change the tree.
    let body = json!({"name": "Angelslo", "kind": "district", "parent_id": w.area});
    app.post("/api/v1/districts", body.clone(), None)
        .await
        .expect_problem(401, "unauthenticated");
    app.post(
        "/api/v1/districts",
        body.clone(),
        Some(&w.resident.access_token),
    )
    .await
    .expect_problem(403, "role_required");
    app.post(
        "/api/v1/districts",
        body.clone(),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(403, "role_required");

    // The tree keeps its shape.
    for (bad, field) in [
        (
            json!({"name": "X", "kind": "area", "parent_id": w.district}),
            "parent_id",
        ),
        (json!({"name": "X", "kind": "district"}), "parent_id"),
        (
            json!({"name": "X", "kind": "municipality", "parent_id": w.municipality}),
            "parent_id",
        ),
        (json!({"name": "", "kind": "municipality"}), "name"),
        (
            json!({"name": "X", "kind": "district", "parent_id": w.area, "code": "no spaces!"}),
            "code",
        ),
        (
            json!({"name": "X", "kind": "district", "parent_id": "00000000-0000-7000-8000-000000000000"}),
            "parent_id",
        ),
    ] {
        let reply = app
            .post("/api/v1/districts", bad.clone(), admin)
            .await
            .expect_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["field"], field, "{bad}");
    }

    // Rename and retire.
    let angelslo = create_district(&app, &w.admin, "Angelslo", "district", Some(&w.area)).await;
    let renamed = app
        .patch(
            &format!("/api/v1/districts/{angelslo}"),
            json!({"name": "Angelslo-Oost", "code": "WK011403"}),
            admin,
        )
        .await
        .expect(200);
    assert_eq!(renamed.body["name"], "Angelslo-Oost");
    assert_eq!(renamed.body["code"], "WK011403");
    app.patch(
        "/api/v1/districts/00000000-0000-7000-8000-000000000000",
        json!({"name": "X"}),
        admin,
    )
    .await
    .expect_problem(404, "not_found");
    app.post(
        &format!("/api/v1/districts/{angelslo}/retire"),
        json!({}),
        admin,
    )
    .await
    .expect(200);
    let tree = app.get("/api/v1/districts", None).await.expect(200);
    assert!(
        !tree.text.contains("Angelslo-Oost"),
        "retired districts leave the tree"
    );
    let with_retired = app
        .get("/api/v1/districts?include_retired=true", None)
        .await
        .expect(200);
    assert!(with_retired.text.contains("Angelslo-Oost"));

    // A retired district takes no new offers; its area's other districts still do.
    let reply = app
        .post(
            "/api/v1/offers",
            offer_body(&w.organisation, &angelslo, json!({})),
            Some(&w.owner.access_token),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(reply.body["errors"][0]["code"], "district_retired");
}

async fn tags_taxonomy_and_admin_changes(backend: Backend) {
    let app = TestApp::new(backend).await;
    let admin = app
        .user_with_roles("admin@gemeente.nl", "Admin", &[Role::Resident, Role::Admin])
        .await;
    let resident = app
        .user_with_roles("jan@example.nl", "Jan", &[Role::Resident])
        .await;

    let all = app.get("/api/v1/tags", None).await.expect(200);
    let items = all.body["items"].as_array().unwrap();
    assert!(items.len() >= 50, "the starting taxonomy is there");
    for kind in ["skill", "interest", "goal", "access", "language"] {
        assert!(items.iter().any(|t| t["kind"] == kind), "{kind}");
    }
    let gardening = items.iter().find(|t| t["key"] == "gardening").unwrap();
    assert_eq!(gardening["label_nl"], "Tuinieren");
    assert_eq!(gardening["label_en"], "Gardening");
    let goals = app.get("/api/v1/tags?kind=goal", None).await.expect(200);
    assert!(
        goals.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["kind"] == "goal")
    );
    assert!(goals.text.contains("learning_dutch"));
    app.get("/api/v1/tags?kind=colour", None)
        .await
        .expect_problem(422, "validation_failed");

    let body = json!({"kind": "skill", "key": "beekeeping", "label_nl": "Imkeren", "label_en": "Beekeeping"});
    app.post("/api/v1/tags", body.clone(), Some(&resident.access_token))
        .await
        .expect_problem(403, "role_required");
    let created = app
        .post("/api/v1/tags", body.clone(), Some(&admin.access_token))
        .await
        .expect(201);
    app.post("/api/v1/tags", body, Some(&admin.access_token))
        .await
        .expect_problem(409, "tag_exists");
    app.post(
        "/api/v1/tags",
        json!({"kind": "skill", "key": "Bad Key", "label_nl": "", "label_en": "x"}),
        Some(&admin.access_token),
    )
    .await
    .expect_problem(422, "validation_failed");

    let id = created.body["id"].as_str().unwrap();
    app.post(
        &format!("/api/v1/tags/{id}/retire"),
        json!({}),
        Some(&admin.access_token),
    )
    .await
    .expect(200);
    let skills = app.get("/api/v1/tags?kind=skill", None).await.expect(200);
    assert!(
        !skills.text.contains("beekeeping"),
        "retired tags can no longer be chosen"
    );
}

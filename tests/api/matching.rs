//! Profiles, recommendations, workers, the access log, referrals and batch assignment.

use meedoen::auth::Role;
use serde_json::{Value, json};

use crate::common::world::{self, World, create_district, create_offer, offer_body, publish};
use crate::common::{Backend, Session, TestApp};
use crate::on_both_backends;

on_both_backends!(
    profile_validation_and_consent,
    recommendations_respect_needs_and_explain,
    workers_see_only_consenting_residents_of_their_districts,
    admins_make_a_worker_by_email,
    referral_warm_handover,
    batch_assignment_respects_capacity,
    recommendations_follow_every_change_at_once,
    a_need_never_hides_offers_silently,
);

/// An access need keeps offers without it out of the recommendations, and the resident is told
/// how many and why, instead of simply seeing fewer.
async fn a_need_never_hides_offers_silently(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let second = create_offer(
        &app,
        &w.owner,
        offer_body(
            &w.organisation,
            &w.district,
            json!({"title": "Bessen plukken"}),
        ),
    )
    .await;
    publish(&app, &w.owner, &second).await;
    let token = Some(w.resident.access_token.as_str());
    let mut body = profile(&w.district, false);
    save_profile(&app, &w.resident, body.clone()).await;
    let none = app
        .get("/api/v1/me/recommendations/left-out", token)
        .await
        .expect(200);
    assert_eq!(
        none.body["items"],
        json!([]),
        "nothing left out: {}",
        none.text
    );

    body["access_needs"] = json!(["hearing_loop"]);
    save_profile(&app, &w.resident, body).await;
    let shown = app
        .get("/api/v1/me/recommendations", token)
        .await
        .expect(200);
    assert_eq!(shown.body["items"], json!([]));
    let left_out = app
        .get("/api/v1/me/recommendations/left-out", token)
        .await
        .expect(200);
    assert_eq!(
        left_out.body["items"],
        json!([{"obstacle": {"code": "access_not_met", "tag": "hearing_loop"}, "count": 2}])
    );
    app.get("/api/v1/me/recommendations/left-out", None)
        .await
        .expect(401);
}

fn profile(district: &str, consent: bool) -> Value {
    json!({
        "district_id": district,
        "birth_year": 1980,
        "skills": ["gardening", "cooking"],
        "interests": ["nature"],
        "goals": ["social_contact", "outdoors"],
        "languages": ["nl", "ar"],
        "access_needs": [],
        "guidance_needed": "light",
        "dutch_level": "A2",
        "availability": [{"weekday": 2, "part_of_day": "morning"}, {"weekday": 4, "start": "13:00", "end": "16:00"}],
        "max_travel": "own_area",
        "share_with_workers": consent
    })
}

async fn save_profile(app: &TestApp, who: &Session, body: Value) -> Value {
    app.put("/api/v1/me/profile", body, Some(&who.access_token))
        .await
        .expect(200)
        .body
}

/// A worker for the world's area.
async fn worker(app: &TestApp, w: &World) -> Session {
    let worker = app
        .user_with_roles("fatma@wijkteam.nl", "Fatma", &[Role::Resident])
        .await;
    app.put(
        &format!("/api/v1/workers/{}/districts", worker.user_id),
        json!({"district_ids": [w.area]}),
        Some(&w.admin.access_token),
    )
    .await
    .expect(200);
    app.login(&worker.email, crate::common::TEST_PASSWORD).await
}

async fn profile_validation_and_consent(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let token = Some(w.resident.access_token.as_str());
    let empty = app.get("/api/v1/me/profile", token).await.expect(200);
    assert_eq!(empty.body["completed"], false);
    assert_eq!(empty.body["share_with_workers"], false);

    let bad = json!({
        "district_id": w.area,
        "birth_year": 1850,
        "skills": ["juggling"],
        "availability": [{"weekday": 9, "part_of_day": "morning"}, {"weekday": 1, "start": "12:00", "end": "10:00"}],
        "share_phone": true
    });
    let reply = app
        .put("/api/v1/me/profile", bad, token)
        .await
        .expect_problem(422, "validation_failed");
    let fields: Vec<&str> = reply.body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        vec![
            "district_id",
            "birth_year",
            "skills",
            "availability[0]",
            "availability[1]",
            "phone"
        ]
    );
    assert_eq!(
        app.get("/api/v1/me/profile", token).await.body["completed"],
        false,
        "nothing saved"
    );

    let saved = save_profile(&app, &w.resident, profile(&w.district, false)).await;
    assert_eq!(saved["completed"], true);
    assert_eq!(saved["district_name"], "Emmerhout");
    assert_eq!(
        saved["availability"],
        json!([{"weekday": 2, "start": "08:00", "end": "12:00"}, {"weekday": 4, "start": "13:00", "end": "16:00"}])
    );
    assert_eq!(saved["skills"], json!(["cooking", "gardening"]));
    assert!(saved["consent_changed_at"].is_null());

    let consented = save_profile(&app, &w.resident, profile(&w.district, true)).await;
    let given_at = consented["consent_changed_at"]
        .as_str()
        .unwrap()
        .to_string();
    app.advance(chrono::TimeDelta::minutes(5));
    let again = save_profile(&app, &w.resident, profile(&w.district, true)).await;
    assert_eq!(
        again["consent_changed_at"],
        given_at.as_str(),
        "unchanged consent keeps its time"
    );
    let withdrawn = save_profile(&app, &w.resident, profile(&w.district, false)).await;
    assert_ne!(withdrawn["consent_changed_at"], given_at.as_str());
    app.get("/api/v1/me/profile", None)
        .await
        .expect_problem(401, "unauthenticated");
}

/// The ranked offers' titles, each with whether a worker proposed it.
fn titles_and_proposed(reply: &Value) -> Vec<(String, bool)> {
    reply["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["offer"]["title"].as_str().unwrap().to_string(),
                item["proposed"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn offer_titles(reply: &Value) -> Vec<String> {
    reply["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["offer"]["title"].as_str().unwrap().to_string())
        .collect()
}

async fn recommendations_respect_needs_and_explain(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let accessible = create_offer(
        &app,
        &w.owner,
        offer_body(
            &w.organisation,
            &w.district,
            json!({"title": "Kookcafé", "kind": "day_activity", "skills": ["cooking"],
            "access": ["wheelchair_accessible"], "guidance": "intensive", "capacity": 1,
            "weekly_slots": [{"weekday": 4, "start": "14:00", "end": "15:30"}]}),
        ),
    )
    .await;
    publish(&app, &w.owner, &accessible).await;
    let stairs = create_offer(
        &app,
        &w.owner,
        offer_body(
            &w.organisation,
            &w.district,
            json!({"title": "Zolder opruimen", "access": []}),
        ),
    )
    .await;
    publish(&app, &w.owner, &stairs).await;
    let referral_only = create_offer(
        &app,
        &w.owner,
        offer_body(&w.organisation, &w.district, json!({"title": "Zorgboerderij", "route": "referral_required", "guidance": "intensive"})),
    )
    .await;
    publish(&app, &w.owner, &referral_only).await;
    let mut body = profile(&w.district, false);
    body["access_needs"] = json!(["wheelchair_accessible"]);
    save_profile(&app, &w.resident, body).await;

    let token = Some(w.resident.access_token.as_str());
    let list = app
        .get("/api/v1/me/recommendations", token)
        .await
        .expect(200);
    assert_eq!(list.body["profile_completed"], true);
    let titles = offer_titles(&list.body);
    assert!(
        !titles.contains(&"Zolder opruimen".to_string()),
        "access needs are hard constraints: {titles:?}"
    );
    assert_eq!(
        titles,
        vec![
            "Samen tuinieren in de buurttuin",
            "Zorgboerderij",
            "Kookcafé"
        ]
    );
    let first = &list.body["items"][0];
    assert!(first["score"].as_f64().unwrap() > 0.5 && first["score"].as_f64().unwrap() <= 1.0);
    let reasons = first["reasons"].as_array().unwrap();
    for expected in [
        json!({"code": "skill_match", "tag": "gardening"}),
        json!({"code": "goal_served", "tag": "outdoors"}),
        json!({"code": "same_district"}),
        json!({"code": "access_met", "tag": "wheelchair_accessible"}),
        json!({"code": "fits_availability", "weekday": 2, "start": "09:30", "end": "12:00"}),
    ] {
        assert!(
            reasons.contains(&expected),
            "{expected} missing in {reasons:?}"
        );
    }
    let referral = &list.body["items"][1];
    assert!(
        referral["reasons"]
            .as_array()
            .unwrap()
            .contains(&json!({"code": "referral_required"}))
    );

    // Fill the Kookcafé: it moves last, marked waitlist. Sign up for the garden: it leaves the list.
    let other = app
        .user_with_roles("vol@example.nl", "Vol", &[Role::Resident])
        .await;
    app.post(
        &format!("/api/v1/offers/{accessible}/signups"),
        json!({}),
        Some(&other.access_token),
    )
    .await
    .expect(201);
    app.post(
        &format!("/api/v1/offers/{}/signups", w.offer),
        json!({}),
        token,
    )
    .await
    .expect(201);
    let list = app
        .get("/api/v1/me/recommendations?limit=10", token)
        .await
        .expect(200);
    assert_eq!(offer_titles(&list.body), vec!["Zorgboerderij", "Kookcafé"]);
    assert!(
        list.body["items"][1]["reasons"]
            .as_array()
            .unwrap()
            .contains(&json!({"code": "waitlist"}))
    );
    // The same data gives the same ranking.
    let again = app
        .get("/api/v1/me/recommendations?limit=10", token)
        .await
        .expect(200);
    assert_eq!(list.body, again.body);
    app.get("/api/v1/me/recommendations?limit=0", token)
        .await
        .expect_problem(422, "validation_failed");
}

async fn workers_see_only_consenting_residents_of_their_districts(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let fatma = worker(&app, &w).await;
    let me = app
        .get("/api/v1/me", Some(&fatma.access_token))
        .await
        .expect(200);
    assert!(
        me.body["roles"]
            .as_array()
            .unwrap()
            .contains(&json!("worker"))
    );

    // Only admins assign workers.
    app.put(
        &format!("/api/v1/workers/{}/districts", w.owner.user_id),
        json!({"district_ids": [w.area]}),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(403, "role_required");

    let far_away = app
        .user_with_roles("ver@example.nl", "Ver Weg", &[Role::Resident])
        .await;
    let shy = app
        .user_with_roles("stil@example.nl", "Stil", &[Role::Resident])
        .await;
    save_profile(&app, &w.resident, profile(&w.district, true)).await;
    save_profile(&app, &far_away, profile(&w.elsewhere, true)).await;
    save_profile(&app, &shy, profile(&w.district, false)).await;

    let token = Some(fatma.access_token.as_str());
    let list = app.get("/api/v1/worker/residents", token).await.expect(200);
    let names: Vec<&str> = list.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["display_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, vec!["Jan"]);
    assert_eq!(
        app.get("/api/v1/worker/residents?q=JA", token).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        app.get("/api/v1/worker/residents?q=xyz", token).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    app.get(
        &format!("/api/v1/worker/residents?district={}", w.elsewhere),
        token,
    )
    .await
    .expect_problem(403, "district_not_assigned");

    // Refused reads: outside the districts, without consent; not logged.
    for other in [&far_away, &shy] {
        app.get(
            &format!("/api/v1/worker/residents/{}", other.user_id),
            token,
        )
        .await
        .expect_problem(404, "not_found");
        app.get(
            &format!("/api/v1/worker/residents/{}/recommendations", other.user_id),
            token,
        )
        .await
        .expect_problem(404, "not_found");
        let log = app
            .get("/api/v1/me/access-log", Some(&other.access_token))
            .await
            .expect(200);
        assert_eq!(
            log.body["items"].as_array().unwrap().len(),
            0,
            "refused reads are not logged"
        );
    }

    // Allowed reads are logged and visible to the resident.
    let detail = app
        .get(
            &format!("/api/v1/worker/residents/{}", w.resident.user_id),
            token,
        )
        .await
        .expect(200);
    assert_eq!(detail.body["display_name"], "Jan");
    assert_eq!(
        detail.body["profile"]["skills"],
        json!(["cooking", "gardening"])
    );
    app.get(
        &format!(
            "/api/v1/worker/residents/{}/recommendations",
            w.resident.user_id
        ),
        token,
    )
    .await
    .expect(200);
    let log = app
        .get("/api/v1/me/access-log", Some(&w.resident.access_token))
        .await
        .expect(200);
    let entries = log.body["items"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["worker_display_name"], "Fatma");
    assert_eq!(entries[0]["what"], "recommendations");
    assert_eq!(entries[1]["what"], "profile");

    // Others may not use worker endpoints.
    for outsider in [&w.resident, &w.owner] {
        app.get("/api/v1/worker/residents", Some(&outsider.access_token))
            .await
            .expect_problem(403, "role_required");
        app.get(
            &format!(
                "/api/v1/worker/residents/{}/recommendations",
                w.resident.user_id
            ),
            Some(&outsider.access_token),
        )
        .await
        .expect_problem(403, "role_required");
    }
    assert_eq!(
        app.get("/api/v1/me/access-log", Some(&w.resident.access_token))
            .await
            .body["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // Withdrawn consent: gone from the worker's view at once.
    save_profile(&app, &w.resident, profile(&w.district, false)).await;
    assert_eq!(
        app.get("/api/v1/worker/residents", token).await.body["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    app.get(
        &format!("/api/v1/worker/residents/{}", w.resident.user_id),
        token,
    )
    .await
    .expect_problem(404, "not_found");

    // Removing the role ends worker access at once.
    app.delete(
        &format!("/api/v1/workers/{}", fatma.user_id),
        Some(&w.admin.access_token),
    )
    .await
    .expect(204);
    app.get("/api/v1/worker/residents", token)
        .await
        .expect_problem(401, "token_revoked");
}

async fn referral_warm_handover(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let fatma = worker(&app, &w).await;
    save_profile(&app, &w.resident, profile(&w.district, true)).await;
    let farm = create_offer(
        &app,
        &w.owner,
        offer_body(&w.organisation, &w.district, json!({"title": "Zorgboerderij", "route": "referral_required", "guidance": "intensive"})),
    )
    .await;
    publish(&app, &w.owner, &farm).await;
    let token = Some(fatma.access_token.as_str());
    let body = json!({"resident_id": w.resident.user_id, "offer_id": farm, "note": "Jan houdt van dieren en wil graag buiten werken."});
    let created = app
        .post("/api/v1/referrals", body.clone(), token)
        .await
        .expect(201);
    app.post("/api/v1/referrals", body, token)
        .await
        .expect_problem(409, "referral_exists");
    let email = app.last_email_to("jan@example.nl").await;
    assert_eq!(email.subject, "Een voorstel voor jou");
    assert!(
        email
            .text
            .contains("Fatma denkt dat \"Zorgboerderij\" iets voor je is")
    );

    // Someone else cannot answer it, nor propose to residents they may not see.
    let other = app
        .user_with_roles("els@example.nl", "Els", &[Role::Resident])
        .await;
    let id = created.body["id"].as_str().unwrap();
    app.post(
        &format!("/api/v1/referrals/{id}/accept"),
        json!({}),
        Some(&other.access_token),
    )
    .await
    .expect_problem(404, "not_found");
    app.post(
        "/api/v1/referrals",
        json!({"resident_id": other.user_id, "offer_id": farm}),
        token,
    )
    .await
    .expect_problem(404, "not_found");
    assert_eq!(
        app.get("/api/v1/me/referrals", Some(&other.access_token))
            .await
            .body["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );

    let mine = app
        .get("/api/v1/me/referrals", Some(&w.resident.access_token))
        .await
        .expect(200);
    assert_eq!(mine.body["items"][0]["worker_display_name"], "Fatma");
    assert_eq!(mine.body["items"][0]["offer"]["title"], "Zorgboerderij");
    // While unanswered, the ranked offers say it was proposed.
    // (The worker's view of the list is the same function; reading it here would add to the access log.)
    let ranked = app
        .get("/api/v1/me/recommendations", Some(&w.resident.access_token))
        .await
        .expect(200);
    let flags = titles_and_proposed(&ranked.body);
    assert!(
        flags.contains(&("Zorgboerderij".to_string(), true)),
        "{flags:?}"
    );
    assert_eq!(flags.iter().filter(|(_, p)| *p).count(), 1, "{flags:?}");
    let signup = app
        .post(
            &format!("/api/v1/referrals/{id}/accept"),
            json!({"share_note": true, "message": "Tot dinsdag!"}),
            Some(&w.resident.access_token),
        )
        .await
        .expect(201);
    assert_eq!(
        signup.body["status"], "accepted",
        "a referral opens a referral-only offer"
    );
    app.post(
        &format!("/api/v1/referrals/{id}/decline"),
        json!({}),
        Some(&w.resident.access_token),
    )
    .await
    .expect_problem(409, "referral_answered");

    // The organisation sees it came through a referral, with the note the resident let through.
    let list = app
        .get(
            &format!("/api/v1/offers/{farm}/signups"),
            Some(&w.owner.access_token),
        )
        .await
        .expect(200);
    let item = &list.body["items"][0];
    assert_eq!(item["via_referral"], true);
    assert_eq!(
        item["referral_note"],
        "Jan houdt van dieren en wil graag buiten werken."
    );
    assert_eq!(item["message"], "Tot dinsdag!");
    assert!(
        item.get("email").is_none(),
        "the resident did not share an email address"
    );

    // The worker sees the outcome and got an email.
    let outcomes = app.get("/api/v1/worker/referrals", token).await.expect(200);
    assert_eq!(outcomes.body["items"][0]["status"], "accepted");
    assert_eq!(outcomes.body["items"][0]["signup_status"], "accepted");
    let email = app.last_email_to("fatma@wijkteam.nl").await;
    assert!(
        email
            .text
            .contains("Jan heeft ja gezegd tegen \"Zorgboerderij\"")
    );

    // Declining, with a reason, without passing anything on.
    let second = app
        .post(
            "/api/v1/referrals",
            json!({"resident_id": w.resident.user_id, "offer_id": w.offer}),
            token,
        )
        .await
        .expect(201);
    let second_id = second.body["id"].as_str().unwrap();
    app.post(
        &format!("/api/v1/referrals/{second_id}/decline"),
        json!({"reason": "Dinsdag kan ik niet."}),
        Some(&w.resident.access_token),
    )
    .await
    .expect(200);
    let outcomes = app.get("/api/v1/worker/referrals", token).await.expect(200);
    assert_eq!(outcomes.body["items"][0]["status"], "declined");
    assert_eq!(
        outcomes.body["items"][0]["decline_reason"],
        "Dinsdag kan ik niet."
    );
    let log = app
        .get("/api/v1/me/access-log", Some(&w.resident.access_token))
        .await
        .expect(200);
    assert!(
        log.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["what"] == "referral")
    );
}

async fn batch_assignment_respects_capacity(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let fatma = worker(&app, &w).await;
    let small = create_offer(
        &app,
        &w.owner,
        offer_body(&w.organisation, &w.district, json!({"title": "Kassa", "capacity": 1, "skills": ["administration"], "goals": ["work_experience"]})),
    )
    .await;
    publish(&app, &w.owner, &small).await;
    // Make the garden hold two.
    app.patch(
        &format!("/api/v1/offers/{}", w.offer),
        json!({"capacity": 2}),
        Some(&w.owner.access_token),
    )
    .await
    .expect(200);
    let mut residents = Vec::new();
    for (index, skills) in [
        vec!["gardening"],
        vec!["gardening"],
        vec!["administration"],
        vec!["gardening"],
    ]
    .into_iter()
    .enumerate()
    {
        let who = app
            .user_with_roles(
                &format!("r{index}@example.nl"),
                &format!("Bewoner {index}"),
                &[Role::Resident],
            )
            .await;
        let mut body = profile(&w.district, true);
        body["skills"] = json!(skills);
        body["goals"] = json!(["social_contact", "outdoors", "work_experience"]);
        save_profile(&app, &who, body).await;
        residents.push(who);
    }
    let no_fit = app
        .user_with_roles("rolstoel@example.nl", "Rolstoel", &[Role::Resident])
        .await;
    let mut body = profile(&w.district, true);
    body["access_needs"] = json!(["hearing_loop"]);
    save_profile(&app, &no_fit, body).await;

    let token = Some(fatma.access_token.as_str());
    let reply = app
        .post(
            "/api/v1/worker/assignments",
            json!({"district_id": w.district}),
            token,
        )
        .await
        .expect(200);
    let proposals = reply.body["proposals"].as_array().unwrap();
    assert_eq!(
        proposals.len(),
        3,
        "2 garden places + 1 cash desk: {}",
        reply.text
    );
    let count_for = |offer: &str| proposals.iter().filter(|p| p["offer_id"] == offer).count();
    assert_eq!(count_for(&w.offer), 2);
    assert_eq!(count_for(&small), 1);
    let cash = proposals
        .iter()
        .find(|p| p["offer_id"] == small.as_str())
        .unwrap();
    assert_eq!(
        cash["display_name"], "Bewoner 2",
        "the cash desk goes to the one with the skill"
    );
    let total: f64 = proposals.iter().map(|p| p["score"].as_f64().unwrap()).sum();
    assert!((total - reply.body["total_score"].as_f64().unwrap()).abs() < 0.001);
    let unmatched = reply.body["unmatched"].as_array().unwrap();
    assert_eq!(unmatched.len(), 2);
    let rolstoel = unmatched
        .iter()
        .find(|u| u["display_name"] == "Rolstoel")
        .unwrap();
    assert_eq!(rolstoel["reason"], "no_fitting_offer");
    assert_eq!(
        rolstoel["obstacle"],
        json!({"code": "access_not_met", "tag": "hearing_loop"})
    );
    let crowded = unmatched
        .iter()
        .find(|u| u["display_name"] != "Rolstoel")
        .unwrap();
    assert_eq!(crowded["reason"], "no_free_place");

    // Not the worker's district; unknown ids.
    app.post(
        "/api/v1/worker/assignments",
        json!({"district_id": w.elsewhere}),
        token,
    )
    .await
    .expect_problem(403, "district_not_assigned");
    app.post(
        "/api/v1/worker/assignments",
        json!({"district_id": w.district, "resident_ids": [w.owner.user_id]}),
        token,
    )
    .await
    .expect_problem(422, "validation_failed");

    // Confirming turns proposals into referrals.
    let items: Vec<Value> = proposals
        .iter()
        .map(|p| json!({"resident_id": p["resident_id"], "offer_id": p["offer_id"]}))
        .collect();
    let confirmed = app
        .post(
            "/api/v1/worker/assignments/confirm",
            json!({"items": items, "note": "Past goed bij je."}),
            token,
        )
        .await
        .expect(201);
    assert_eq!(confirmed.body["items"].as_array().unwrap().len(), 3);
    let outcomes = app.get("/api/v1/worker/referrals", token).await.expect(200);
    assert_eq!(outcomes.body["items"].as_array().unwrap().len(), 3);
    // A new run proposes nothing more to residents a worker already handed over.
    let handed_over: Vec<&Value> = proposals.iter().map(|p| &p["resident_id"]).collect();
    let reason_of = |reply: &Value, resident: &Value| {
        reply["unmatched"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| &u["resident_id"] == resident)
            .map(|u| u["reason"].clone())
    };
    let again = app
        .post(
            "/api/v1/worker/assignments",
            json!({"district_id": w.district}),
            token,
        )
        .await
        .expect(200);
    for resident in &handed_over {
        assert!(
            again.body["proposals"]
                .as_array()
                .unwrap()
                .iter()
                .all(|p| &&p["resident_id"] != resident),
            "no second proposal: {}",
            again.text
        );
        assert_eq!(
            reason_of(&again.body, resident),
            Some(json!("proposal_open"))
        );
    }
    // One accepts: they take part now, and stay out of the next batch.
    let first = residents
        .iter()
        .find(|r| json!(r.user_id) == *handed_over[0])
        .unwrap();
    let mine = app
        .get("/api/v1/me/referrals", Some(&first.access_token))
        .await
        .expect(200);
    let referral = mine.body["items"][0]["id"].as_str().unwrap();
    app.post(
        &format!("/api/v1/referrals/{referral}/accept"),
        json!({"share_note": false}),
        Some(&first.access_token),
    )
    .await
    .expect(201);
    let after = app
        .post(
            "/api/v1/worker/assignments",
            json!({"district_id": w.district}),
            token,
        )
        .await
        .expect(200);
    assert_eq!(
        reason_of(&after.body, handed_over[0]),
        Some(json!("placed"))
    );
    assert!(
        after.body["proposals"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| &p["resident_id"] != handed_over[0])
    );
    let _ = create_district;
}

async fn admins_make_a_worker_by_email(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let fatma = app
        .user_with_roles("fatma@example.nl", "Fatma", &[Role::Resident])
        .await;

    // Only admins, and nothing changes when refused.
    app.post(
        "/api/v1/workers",
        json!({"email": "fatma@example.nl", "district_ids": [w.area]}),
        Some(&w.owner.access_token),
    )
    .await
    .expect_problem(403, "role_required");
    // An address nobody has: a field error on the email.
    let unknown = app
        .post(
            "/api/v1/workers",
            json!({"email": "niemand@example.nl", "district_ids": [w.area]}),
            Some(&w.admin.access_token),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(unknown.body["errors"][0]["field"], "email");
    assert_eq!(unknown.body["errors"][0]["code"], "no_account");
    // No districts at all: a worker needs at least one.
    let none = app
        .post(
            "/api/v1/workers",
            json!({"email": "fatma@example.nl", "district_ids": []}),
            Some(&w.admin.access_token),
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(none.body["errors"][0]["field"], "district_ids");
    assert_eq!(none.body["errors"][0]["code"], "required");
    // A district that does not exist.
    app.post(
        "/api/v1/workers",
        json!({"email": "fatma@example.nl", "district_ids": ["00000000-0000-0000-0000-000000000000"]}),
        Some(&w.admin.access_token),
    )
    .await
    .expect(422);
    let workers = app
        .get("/api/v1/workers", Some(&w.admin.access_token))
        .await
        .expect(200);
    assert_eq!(workers.body["items"].as_array().unwrap().len(), 0);

    // The address is matched however it is written.
    let made = app
        .post(
            "/api/v1/workers",
            json!({"email": " Fatma@Example.NL ", "district_ids": [w.area, w.area]}),
            Some(&w.admin.access_token),
        )
        .await
        .expect(200);
    assert_eq!(made.body["user_id"], fatma.user_id.as_str());
    assert_eq!(made.body["district_ids"], json!([w.area]));
    let districts = app
        .get("/api/v1/worker/districts", Some(&fatma.access_token))
        .await
        .expect(200);
    assert!(!districts.body["items"].as_array().unwrap().is_empty());
}

/// The recommendations keep what they read about a resident in memory: every change to the
/// profile, the sign-ups or the proposals shows in the next answer, whoever made it, and a second
/// server process on the same database follows within its poll.
async fn recommendations_follow_every_change_at_once(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let token = Some(w.resident.access_token.as_str());
    let garden = "Samen tuinieren in de buurttuin".to_string();
    let mine = || async {
        titles_and_proposed(
            &app.get("/api/v1/me/recommendations", token)
                .await
                .expect(200)
                .body,
        )
    };

    save_profile(&app, &w.resident, profile(&w.district, true)).await;
    assert_eq!(mine().await, vec![(garden.clone(), false)]);
    // Asked twice: the second answer comes from memory and is the same.
    assert_eq!(mine().await, vec![(garden.clone(), false)]);

    // The resident's own sign-up takes the offer out; the organisation's decline brings it back.
    let signup = app
        .post(
            &format!("/api/v1/offers/{}/signups", w.offer),
            json!({}),
            token,
        )
        .await
        .expect(201);
    assert_eq!(mine().await, vec![]);
    app.patch(
        &format!("/api/v1/signups/{}", signup.body["id"].as_str().unwrap()),
        json!({"status": "declined"}),
        Some(&w.owner.access_token),
    )
    .await
    .expect(200);
    assert_eq!(mine().await, vec![(garden.clone(), false)]);

    // A worker's proposal marks it.
    let fatma = worker(&app, &w).await;
    app.post(
        "/api/v1/referrals",
        json!({"resident_id": w.resident.user_id, "offer_id": w.offer}),
        Some(&fatma.access_token),
    )
    .await
    .expect(201);
    assert_eq!(mine().await, vec![(garden.clone(), true)]);

    // A new need in the profile: the garden gives light guidance only.
    let mut needs = profile(&w.district, true);
    needs["guidance_needed"] = json!("intensive");
    save_profile(&app, &w.resident, needs.clone()).await;
    assert_eq!(mine().await, vec![]);

    // A second server process on the same database, as behind a load balancer.
    let other = app.other_process();
    let path = "/api/v1/me/recommendations";
    let (status, body) = other.get(path, token).await;
    assert_eq!(status, 200);
    assert_eq!(
        titles_and_proposed(&body),
        vec![],
        "kept in the other process now"
    );
    save_profile(&app, &w.resident, profile(&w.district, true)).await;
    assert_eq!(mine().await, vec![(garden.clone(), true)]);
    let (_, body) = other
        .get_until(path, token, |_, body| !titles_and_proposed(body).is_empty())
        .await;
    assert_eq!(
        titles_and_proposed(&body),
        vec![(garden, true)],
        "the other process follows the change"
    );
}

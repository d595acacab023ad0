//! Conversations: the resident and the organisation write to each other about a sign-up, the
//! resident and the worker about a referral, the organisation to everyone with a place; each
//! message is emailed to the other side without showing anyone's address; no one else reads them.

use meedoen::auth::Role;
use serde_json::{Value, json};

use crate::common::world::{self, sign_up};
use crate::common::{Backend, Session, TestApp};
use crate::on_both_backends;

on_both_backends!(
    resident_and_organisation_write_about_a_signup,
    empty_long_and_foreign_messages_change_nothing,
    the_organisation_writes_to_everyone_with_a_place,
    resident_and_worker_write_about_a_referral,
);

const NEW_MESSAGE_NL: &str = "Nieuw bericht over je activiteit";

fn bodies(reply: &Value) -> Vec<String> {
    reply["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|m| m["body"].as_str().unwrap().to_string())
        .collect()
}

async fn write(app: &TestApp, path: &str, who: &Session, body: &str) -> crate::common::Reply {
    app.post(path, json!({"body": body}), Some(&who.access_token))
        .await
}

/// The "new message" emails delivered to `address`.
async fn message_emails(app: &TestApp, address: &str) -> Vec<crate::common::SentEmail> {
    app.deliver_mail().await;
    app.emails_to(address)
        .into_iter()
        .filter(|email| email.subject == NEW_MESSAGE_NL)
        .collect()
}

async fn resident_and_organisation_write_about_a_signup(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let signup = sign_up(&app, &w.resident, &w.offer).await;
    let path = format!("/api/v1/signups/{signup}/messages");

    let empty = app
        .get(&path, Some(&w.resident.access_token))
        .await
        .expect(200);
    assert_eq!(empty.body["items"], json!([]));
    assert_eq!(empty.body["my_side"], "resident");
    assert_eq!(empty.body["other_side_name"], "Stadsboerderij De Esch");
    assert_eq!(empty.body["offer_title"], "Samen tuinieren in de buurttuin");

    let question = write(&app, &path, &w.resident, "  Moet ik laarzen meenemen?\n")
        .await
        .expect(201);
    assert_eq!(
        question.body["body"], "Moet ik laarzen meenemen?",
        "trimmed"
    );
    assert_eq!(question.body["side"], "resident");
    assert_eq!(question.body["mine"], true);

    // The organisation's member is told, with the text and a link to answer in the app, and
    // without the resident's address (the profile shares nothing).
    let to_owner = message_emails(&app, &w.owner.email).await;
    assert_eq!(to_owner.len(), 1);
    assert!(
        to_owner[0]
            .text
            .contains("Jan schreef je een bericht over \"Samen tuinieren in de buurttuin\"")
    );
    assert!(to_owner[0].text.contains("Moet ik laarzen meenemen?"));
    assert!(
        to_owner[0]
            .text
            .contains(&format!("/conversations/signup/{signup}"))
    );
    assert!(
        !to_owner[0].text.contains(&w.resident.email),
        "the resident's address stays hidden"
    );

    write(&app, &path, &w.owner, "Ja, het is modderig. Tot dinsdag!")
        .await
        .expect(201);
    let to_resident = message_emails(&app, &w.resident.email).await;
    assert_eq!(to_resident.len(), 1);
    assert!(to_resident[0].text.contains("Kees schreef je een bericht"));
    assert!(!to_resident[0].text.contains(&w.owner.email));

    let seen_by_owner = app
        .get(&path, Some(&w.owner.access_token))
        .await
        .expect(200);
    assert_eq!(
        bodies(&seen_by_owner.body),
        [
            "Moet ik laarzen meenemen?",
            "Ja, het is modderig. Tot dinsdag!"
        ],
        "oldest first"
    );
    assert_eq!(seen_by_owner.body["my_side"], "organisation");
    assert_eq!(seen_by_owner.body["resident_name"], "Jan");
    let items = seen_by_owner.body["items"].as_array().unwrap();
    assert_eq!(
        (items[0]["mine"].clone(), items[1]["mine"].clone()),
        (json!(false), json!(true))
    );
    assert_eq!(
        (items[0]["author_name"].clone(), items[1]["side"].clone()),
        (json!("Jan"), json!("organisation"))
    );
    assert!(items.iter().all(|m| m.get("email").is_none()));

    // A withdrawn sign-up keeps its conversation: the resident can still ask or say why.
    app.patch(
        &format!("/api/v1/signups/{signup}"),
        json!({"status": "withdrawn"}),
        Some(&w.resident.access_token),
    )
    .await
    .expect(200);
    write(&app, &path, &w.resident, "Ik ben verhuisd, sorry!")
        .await
        .expect(201);
}

async fn empty_long_and_foreign_messages_change_nothing(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let signup = sign_up(&app, &w.resident, &w.offer).await;
    let path = format!("/api/v1/signups/{signup}/messages");
    let outsider = app
        .user_with_roles("olga@example.nl", "Olga", &[Role::Resident])
        .await;

    let empty = write(&app, &path, &w.resident, " \n ")
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(empty.body["errors"][0]["field"], "body");
    assert_eq!(empty.body["errors"][0]["code"], "required");
    let long = write(&app, &path, &w.resident, &"a".repeat(2001))
        .await
        .expect(422);
    assert_eq!(long.body["errors"][0]["code"], "too_long");
    write(&app, &path, &w.resident, &"é".repeat(2000))
        .await
        .expect(201);
    app.post(
        &path,
        json!({"text": "hallo"}),
        Some(&w.resident.access_token),
    )
    .await
    .expect(422);

    // Someone with no part in the sign-up: as if it did not exist, to read and to write.
    app.get(&path, Some(&outsider.access_token))
        .await
        .expect_problem(404, "not_found");
    write(&app, &path, &outsider, "Hallo?")
        .await
        .expect_problem(404, "not_found");
    app.get(&path, None).await.expect(401);
    write(
        &app,
        "/api/v1/signups/01890000-0000-7000-8000-000000000000/messages",
        &w.resident,
        "Hallo?",
    )
    .await
    .expect_problem(404, "not_found");
    // Nor can an outsider write to an offer's participants.
    write(
        &app,
        &format!("/api/v1/offers/{}/messages", w.offer),
        &outsider,
        "Hallo allemaal",
    )
    .await
    .expect(403);

    let seen = app
        .get(&path, Some(&w.owner.access_token))
        .await
        .expect(200);
    assert_eq!(
        bodies(&seen.body),
        ["é".repeat(2000)],
        "only the valid message was kept"
    );
    assert_eq!(message_emails(&app, &w.owner.email).await.len(), 1);
}

async fn the_organisation_writes_to_everyone_with_a_place(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let piet = app
        .user_with_roles("piet@example.nl", "Piet", &[Role::Resident])
        .await;
    let gone = app
        .user_with_roles("gijs@example.nl", "Gijs", &[Role::Resident])
        .await;
    let jan_signup = sign_up(&app, &w.resident, &w.offer).await;
    sign_up(&app, &piet, &w.offer).await;
    let gone_signup = sign_up(&app, &gone, &w.offer).await;
    app.patch(
        &format!("/api/v1/signups/{gone_signup}"),
        json!({"status": "withdrawn"}),
        Some(&gone.access_token),
    )
    .await
    .expect(200);

    let reply = write(
        &app,
        &format!("/api/v1/offers/{}/messages", w.offer),
        &w.owner,
        "Dinsdag beginnen we een half uur later.",
    )
    .await
    .expect(201);
    assert_eq!(
        reply.body["sent"], 2,
        "the two accepted residents, not the one who withdrew"
    );
    assert_eq!(message_emails(&app, &w.resident.email).await.len(), 1);
    assert_eq!(message_emails(&app, &piet.email).await.len(), 1);
    assert_eq!(message_emails(&app, &gone.email).await.len(), 0);

    // It lands in each sign-up's own conversation; Jan's answer reaches the organisation only.
    let jan_path = format!("/api/v1/signups/{jan_signup}/messages");
    let seen = app
        .get(&jan_path, Some(&w.resident.access_token))
        .await
        .expect(200);
    assert_eq!(
        bodies(&seen.body),
        ["Dinsdag beginnen we een half uur later."]
    );
    write(&app, &jan_path, &w.resident, "Prima!")
        .await
        .expect(201);
    assert_eq!(
        message_emails(&app, &piet.email).await.len(),
        1,
        "Piet does not get Jan's answer"
    );
    assert_eq!(message_emails(&app, &w.owner.email).await.len(), 1);
}

async fn resident_and_worker_write_about_a_referral(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let worker = world::worker(&app, &w.admin, "wil@wijkteam.nl", "Wil", &[&w.district]).await;
    let profile =
        json!({"district_id": w.district, "share_with_workers": true, "skills": ["gardening"]});
    app.put(
        "/api/v1/me/profile",
        profile.clone(),
        Some(&w.resident.access_token),
    )
    .await
    .expect(200);
    let referral = app
        .post("/api/v1/referrals", json!({"resident_id": w.resident.user_id, "offer_id": w.offer, "note": "Iets voor jou?"}),
            Some(&worker.access_token))
        .await
        .expect(201)
        .id();
    let path = format!("/api/v1/referrals/{referral}/messages");

    write(&app, &path, &w.resident, "Is het ver lopen?")
        .await
        .expect(201);
    let to_worker = message_emails(&app, &worker.email).await;
    assert_eq!(to_worker.len(), 1);
    assert!(
        to_worker[0]
            .text
            .contains(&format!("/conversations/referral/{referral}"))
    );
    write(
        &app,
        &path,
        &worker,
        "Tien minuten. Ik loop de eerste keer mee.",
    )
    .await
    .expect(201);
    let seen = app
        .get(&path, Some(&w.resident.access_token))
        .await
        .expect(200);
    assert_eq!(seen.body["other_side_name"], "Wil");
    assert_eq!(seen.body["items"][1]["side"], "worker");
    // The organisation has no part in a referral's conversation.
    app.get(&path, Some(&w.owner.access_token))
        .await
        .expect(404);

    // Once the resident stops sharing with workers, the worker no longer reads or writes.
    let private =
        json!({"district_id": w.district, "share_with_workers": false, "skills": ["gardening"]});
    app.put(
        "/api/v1/me/profile",
        private,
        Some(&w.resident.access_token),
    )
    .await
    .expect(200);
    app.get(&path, Some(&worker.access_token)).await.expect(404);
    write(&app, &path, &worker, "Hallo?").await.expect(404);
    app.get(&path, Some(&w.resident.access_token))
        .await
        .expect(200);
}

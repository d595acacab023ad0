//! The unit of work and the catalog cache: every mutating endpoint records exactly the catalog
//! changes it makes (checked in `catalog_changes`, which every server process reads), sign-ups
//! keep cached lists as they are while their free places follow, and no answer shows more free
//! places than the database has after the caller's own write.

use std::collections::BTreeSet;

use diesel::prelude::*;
use meedoen::auth::Role;
use meedoen::clock::Clock;
use meedoen::db::schema::{catalog_changes, offers, users};
use serde_json::{Value, json};

use crate::common::world::{self, coming_occurrences, create_offer, offer_body, publish};
use crate::common::{Backend, Reply, TEST_PASSWORD, TestApp};
use crate::on_both_backends;

on_both_backends!(
    every_write_records_exactly_what_it_changed,
    signups_keep_cached_lists_and_show_true_places,
);

/// What a logged change names (an offer or a user, or nothing) and what it was.
type Change = (Option<String>, String);

/// The highest version logged so far (PostgreSQL takes versions from a sequence, SQLite from
/// the catalog_state row; both log every version they take).
fn version(app: &TestApp) -> i64 {
    let mut conn = app.db.connect();
    catalog_changes::table
        .select(diesel::dsl::max(catalog_changes::version))
        .first::<Option<i64>>(&mut conn)
        .unwrap()
        .unwrap_or(0)
}

fn changes_after(app: &TestApp, version: i64) -> BTreeSet<Change> {
    let mut conn = app.db.connect();
    catalog_changes::table
        .filter(catalog_changes::version.gt(version))
        .select((
            catalog_changes::offer_id,
            catalog_changes::user_id,
            catalog_changes::what,
        ))
        .load::<(Option<String>, Option<String>, String)>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|(offer, user, what)| (offer.or(user), what))
        .collect()
}

fn content(offer: &str) -> Change {
    (Some(offer.to_string()), "content".into())
}

fn places(offer: &str) -> Change {
    (Some(offer.to_string()), "places".into())
}

/// The resident's matching inputs (profile, sign-ups, proposals) changed.
fn resident(user_id: &str) -> Change {
    (Some(user_id.to_string()), "resident".into())
}

/// The sign-in state (sessions, roles, verification, password) of the user with this email
/// changed; the email is looked up after the request (a registration makes the user).
fn account(email: &str) -> Change {
    (Some(format!("email:{email}")), "account".into())
}

/// `account`'s email placeholders as user ids.
fn resolve(app: &TestApp, change: &Change) -> Change {
    match change
        .0
        .as_deref()
        .and_then(|subject| subject.strip_prefix("email:"))
    {
        Some(email) => {
            let mut conn = app.db.connect();
            let id: String = users::table
                .filter(users::email.eq(email))
                .select(users::id)
                .first(&mut conn)
                .unwrap();
            (Some(id), change.1.clone())
        }
        None => change.clone(),
    }
}

fn reference() -> Change {
    (None, "reference".into())
}

/// Sends requests and checks, after each, the catalog changes it logged; remembers which
/// (method, route) pairs it walked.
struct Walk<'a> {
    app: &'a TestApp,
    walked: BTreeSet<(String, String)>,
}

impl Walk<'_> {
    #[allow(clippy::too_many_arguments)]
    async fn step(
        &mut self,
        method: &str,
        route: &str,
        path: &str,
        body: Value,
        token: Option<&str>,
        status: u16,
        expected: &[Change],
    ) -> Reply {
        let before = version(self.app);
        let url = format!("/api/v1{path}");
        let reply = match method {
            "post" => self.app.post(&url, body, token).await,
            "put" => self.app.put(&url, body, token).await,
            "patch" => self.app.patch(&url, body, token).await,
            "delete" => self.app.delete(&url, token).await,
            other => panic!("no such method {other}"),
        };
        let reply = reply.expect(status);
        let logged = changes_after(self.app, before);
        let expected: BTreeSet<Change> = expected
            .iter()
            .map(|change| resolve(self.app, change))
            .collect();
        assert_eq!(logged, expected, "{method} {route}");
        self.walked.insert((method.to_string(), route.to_string()));
        reply
    }
}

fn id_of(reply: &Reply) -> String {
    reply.body["id"].as_str().unwrap().to_string()
}

async fn every_write_records_exactly_what_it_changed(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let admin = Some(w.admin.access_token.as_str());
    let owner = Some(w.owner.access_token.as_str());
    let resident = Some(w.resident.access_token.as_str());
    let mut walk = Walk {
        app: &app,
        walked: BTreeSet::new(),
    };

    // Accounts change nothing public, only the sign-in state kept per user (a new user's role
    // counts too: simpler than telling new users apart, and nothing is kept for them yet).
    let nieuw = "nieuw@example.nl";
    walk.step(
        "post",
        "/auth/register",
        "/auth/register",
        json!({"email": "nieuw@example.nl", "password": TEST_PASSWORD, "display_name": "Nieuw"}),
        None,
        202,
        &[account(nieuw)],
    )
    .await;
    walk.step(
        "post",
        "/auth/verify-email/resend",
        "/auth/verify-email/resend",
        json!({"email": "nieuw@example.nl"}),
        None,
        202,
        &[],
    )
    .await;
    let token = app
        .last_email_to("nieuw@example.nl")
        .await
        .token_for("/verify-email");
    walk.step(
        "post",
        "/auth/verify-email",
        "/auth/verify-email",
        json!({ "token": token }),
        None,
        204,
        &[account(nieuw)],
    )
    .await;
    let login = walk
        .step(
            "post",
            "/auth/login",
            "/auth/login",
            json!({"email": "nieuw@example.nl", "password": TEST_PASSWORD}),
            None,
            200,
            &[],
        )
        .await;
    let refreshed = walk
        .step(
            "post",
            "/auth/refresh",
            "/auth/refresh",
            json!({"refresh_token": login.body["refresh_token"]}),
            None,
            200,
            &[],
        )
        .await;
    walk.step(
        "post",
        "/auth/logout",
        "/auth/logout",
        json!({"refresh_token": refreshed.body["refresh_token"]}),
        None,
        204,
        &[account(nieuw)],
    )
    .await;
    walk.step(
        "post",
        "/auth/password-reset",
        "/auth/password-reset",
        json!({"email": "nieuw@example.nl"}),
        None,
        202,
        &[],
    )
    .await;
    let token = app
        .last_email_to("nieuw@example.nl")
        .await
        .token_for("/reset-password");
    walk.step(
        "post",
        "/auth/password-reset/confirm",
        "/auth/password-reset/confirm",
        json!({"token": token, "password": "nieuw-wachtwoord-fiets-boom"}),
        None,
        204,
        &[account(nieuw)],
    )
    .await;

    // Districts and tags are reference data every answer may show.
    let district = walk
        .step(
            "post",
            "/districts",
            "/districts",
            json!({"name": "Angelslo", "kind": "district", "parent_id": w.area}),
            admin,
            201,
            &[reference()],
        )
        .await;
    let district = id_of(&district);
    walk.step(
        "patch",
        "/districts/{id}",
        &format!("/districts/{district}"),
        json!({"name": "Angelslo-Oost"}),
        admin,
        200,
        &[reference()],
    )
    .await;
    walk.step(
        "post",
        "/districts/{id}/retire",
        &format!("/districts/{district}/retire"),
        json!({}),
        admin,
        200,
        &[reference()],
    )
    .await;
    let tag = walk
        .step(
            "post",
            "/tags",
            "/tags",
            json!({"kind": "skill", "key": "beekeeping", "label_nl": "Imkeren", "label_en": "Beekeeping"}),
            admin,
            201,
            &[reference()],
        )
        .await;
    walk.step(
        "post",
        "/tags/{id}/retire",
        &format!("/tags/{}/retire", id_of(&tag)),
        json!({}),
        admin,
        200,
        &[reference()],
    )
    .await;

    // Offers: their content.
    let draft = walk
        .step(
            "post",
            "/offers",
            "/offers",
            offer_body(
                &w.organisation,
                &w.district,
                json!({"title": "Koken voor de buurt"}),
            ),
            owner,
            201,
            &[],
        )
        .await;
    let draft = id_of(&draft);
    // A draft is nobody's business but its organisation's; once published, edits count.
    walk.step(
        "patch",
        "/offers/{id}",
        &format!("/offers/{draft}"),
        json!({"capacity": 2}),
        owner,
        200,
        &[],
    )
    .await;
    walk.step(
        "post",
        "/offers/{id}/publish",
        &format!("/offers/{draft}/publish"),
        json!({}),
        owner,
        200,
        &[content(&draft)],
    )
    .await;

    walk.step(
        "patch",
        "/offers/{id}",
        &format!("/offers/{draft}"),
        json!({"capacity": 3}),
        owner,
        200,
        &[content(&draft)],
    )
    .await;

    // Sign-ups: only the places of the one offer, and the resident's own sign-ups.
    let me = w.resident.user_id.as_str();
    let signup = walk
        .step(
            "post",
            "/offers/{id}/signups",
            &format!("/offers/{draft}/signups"),
            json!({}),
            resident,
            201,
            &[places(&draft), self::resident(me)],
        )
        .await;
    walk.step(
        "patch",
        "/signups/{id}",
        &format!("/signups/{}", id_of(&signup)),
        json!({"status": "withdrawn"}),
        resident,
        200,
        &[places(&draft), self::resident(me)],
    )
    .await;
    walk.step(
        "post",
        "/offers/{id}/close",
        &format!("/offers/{draft}/close"),
        json!({}),
        owner,
        200,
        &[content(&draft)],
    )
    .await;

    // Profiles and referrals change no public answer, only the resident's matching inputs;
    // accepting a referral takes a place; making and ending a worker changes their roles.
    walk.step(
        "put",
        "/me/profile",
        "/me/profile",
        json!({"district_id": w.district, "share_with_workers": true, "skills": ["gardening"]}),
        resident,
        200,
        &[self::resident(me)],
    )
    .await;
    let fatma = app
        .user_with_roles("fatma@wijkteam.nl", "Fatma", &[Role::Resident])
        .await;
    walk.step(
        "put",
        "/workers/{user_id}/districts",
        &format!("/workers/{}/districts", fatma.user_id),
        json!({"district_ids": [w.area]}),
        admin,
        200,
        &[account("fatma@wijkteam.nl")],
    )
    .await;
    let fatma = app.login(&fatma.email, TEST_PASSWORD).await;
    let worker = Some(fatma.access_token.as_str());
    walk.step(
        "post",
        "/worker/assignments",
        "/worker/assignments",
        json!({"district_id": w.district}),
        worker,
        200,
        &[],
    )
    .await;
    let referral = walk
        .step(
            "post",
            "/referrals",
            "/referrals",
            json!({"resident_id": w.resident.user_id, "offer_id": w.offer}),
            worker,
            201,
            &[self::resident(me)],
        )
        .await;
    walk.step(
        "post",
        "/referrals/{id}/accept",
        &format!("/referrals/{}/accept", id_of(&referral)),
        json!({}),
        resident,
        201,
        &[places(&w.offer), self::resident(me)],
    )
    .await;
    // Following the referral up is nothing the catalog keeps.
    walk.step(
        "post",
        "/referrals/{id}/notes",
        &format!("/referrals/{}/notes", id_of(&referral)),
        json!({"body": "Gebeld: het gaat goed."}),
        worker,
        201,
        &[],
    )
    .await;
    walk.step(
        "post",
        "/referrals/{id}/close",
        &format!("/referrals/{}/close", id_of(&referral)),
        json!({"outcome": "completed"}),
        worker,
        200,
        &[],
    )
    .await;
    let second = app
        .user_with_roles("ria@example.nl", "Ria", &[Role::Resident])
        .await;
    app.put(
        "/api/v1/me/profile",
        json!({"district_id": w.district, "share_with_workers": true}),
        Some(&second.access_token),
    )
    .await
    .expect(200);
    let confirmed = walk
        .step(
            "post",
            "/worker/assignments/confirm",
            "/worker/assignments/confirm",
            json!({"items": [{"resident_id": second.user_id, "offer_id": w.offer}]}),
            worker,
            201,
            &[self::resident(&second.user_id)],
        )
        .await;
    walk.step(
        "post",
        "/referrals/{id}/decline",
        &format!(
            "/referrals/{}/decline",
            confirmed.body["items"][0]["id"].as_str().unwrap()
        ),
        json!({}),
        Some(&second.access_token),
        200,
        &[self::resident(&second.user_id)],
    )
    .await;
    app.user_with_roles("wim@wijkteam.nl", "Wim", &[Role::Resident])
        .await;
    let wim = walk
        .step(
            "post",
            "/workers",
            "/workers",
            json!({"email": "wim@wijkteam.nl", "district_ids": [w.area]}),
            admin,
            200,
            &[account("wim@wijkteam.nl")],
        )
        .await;
    walk.step(
        "delete",
        "/workers/{user_id}",
        &format!("/workers/{}", wim.body["user_id"].as_str().unwrap()),
        Value::Null,
        admin,
        204,
        &[account("wim@wijkteam.nl")],
    )
    .await;

    // Organisations: members change nothing public; a new name shows on its offers; a rejection
    // closes its published offers.
    let organisation = walk
        .step(
            "post",
            "/organisations",
            "/organisations",
            json!({"name": "Buurthuis Het Anker", "kind": "association", "district_ids": [w.area], "contact_email": "info@anker.nl"}),
            owner,
            201,
            &[],
        )
        .await;
    let organisation = id_of(&organisation);
    walk.step(
        "post",
        "/organisations/{id}/verify",
        &format!("/organisations/{organisation}/verify"),
        json!({}),
        admin,
        200,
        &[],
    )
    .await;
    walk.step(
        "post",
        "/organisations/{id}/members",
        &format!("/organisations/{organisation}/members"),
        json!({"email": "fatma@wijkteam.nl"}),
        owner,
        201,
        &[],
    )
    .await;
    walk.step(
        "delete",
        "/organisations/{id}/members/{user_id}",
        &format!("/organisations/{organisation}/members/{}", fatma.user_id),
        Value::Null,
        owner,
        204,
        &[],
    )
    .await;
    walk.step(
        "patch",
        "/organisations/{id}",
        &format!("/organisations/{}", w.organisation),
        json!({"description": "Alleen de beschrijving."}),
        owner,
        200,
        &[],
    )
    .await;
    // An extra meeting is a dated session: the offer's content changes. A cancellation is not
    // part of the offer: nothing kept changes.
    walk.step(
        "post",
        "/offers/{id}/occurrences",
        &format!("/offers/{}/occurrences", w.offer),
        json!({"starts_at": "2099-01-08T13:00:00Z", "ends_at": "2099-01-08T15:00:00Z"}),
        owner,
        201,
        &[content(&w.offer)],
    )
    .await;
    let occurrence = format!("{}_20990108T130000Z", w.offer);
    walk.step(
        "post",
        "/occurrences/{id}/cancel",
        &format!("/occurrences/{occurrence}/cancel"),
        json!({"reason": "De tuin staat onder water."}),
        owner,
        200,
        &[],
    )
    .await;
    // Messages are nothing the catalog keeps.
    walk.step(
        "post",
        "/signups/{id}/messages",
        &format!("/signups/{}/messages", id_of(&signup)),
        json!({"body": "Ik kom toch niet, sorry."}),
        resident,
        201,
        &[],
    )
    .await;
    walk.step(
        "post",
        "/referrals/{id}/messages",
        &format!("/referrals/{}/messages", id_of(&referral)),
        json!({"body": "Dank je, ik ga het proberen."}),
        resident,
        201,
        &[],
    )
    .await;
    walk.step(
        "post",
        "/offers/{id}/messages",
        &format!("/offers/{}/messages", w.offer),
        json!({"body": "Dinsdag beginnen we later."}),
        owner,
        201,
        &[],
    )
    .await;
    // Attendance is nothing the catalog keeps: a resident with a place says they cannot come
    // (the register is saved at the end of the walk, once the meeting has started).
    let lotte = app
        .user_with_roles("lotte@example.nl", "Lotte", &[Role::Resident])
        .await;
    let lotte_signup = app
        .post(
            &format!("/api/v1/offers/{}/signups", w.offer),
            json!({}),
            Some(&lotte.access_token),
        )
        .await
        .expect(201)
        .id();
    let meeting = coming_occurrences(&app, &w.offer).await.remove(0);
    walk.step(
        "post",
        "/occurrences/{id}/absence",
        &format!("/occurrences/{meeting}/absence"),
        json!({}),
        Some(&lotte.access_token),
        204,
        &[],
    )
    .await;
    // Statements are nothing the catalog keeps.
    let statement = walk
        .step(
            "post",
            "/me/statements",
            "/me/statements",
            json!({"from": "2026-01-01", "to": "2026-12-31"}),
            resident,
            201,
            &[],
        )
        .await;
    walk.step(
        "delete",
        "/statements/{code}",
        &format!("/statements/{}", statement.body["code"].as_str().unwrap()),
        Value::Null,
        resident,
        204,
        &[],
    )
    .await;
    // Notification settings and unsubscribing are nothing the catalog keeps.
    walk.step(
        "put",
        "/me/notifications",
        "/me/notifications",
        json!({"signup_alerts": "daily", "reminders": true, "weekly_digest": true, "message_emails": true}),
        resident,
        200,
        &[],
    )
    .await;
    app.deliver_mail().await;
    let unsubscribe = app
        .emails()
        .into_iter()
        .find_map(|email| {
            email
                .list_unsubscribe
                .is_some()
                .then(|| email.unsubscribe_url())
        })
        .expect("a notification with a way out");
    let token = unsubscribe.rsplit('/').next().unwrap().to_string();
    walk.step(
        "post",
        "/unsubscribe/{token}",
        &format!("/unsubscribe/{token}"),
        json!({}),
        None,
        200,
        &[],
    )
    .await;
    // A calendar feed's secret is nothing kept.
    walk.step(
        "post",
        "/me/calendar/rotate",
        "/me/calendar/rotate",
        json!({}),
        resident,
        200,
        &[],
    )
    .await;
    let all_offers: Vec<String> = {
        let mut conn = app.db.connect();
        offers::table
            .filter(offers::organisation_id.eq(&w.organisation))
            .select(offers::id)
            .load(&mut conn)
            .unwrap()
    };
    let renamed: Vec<Change> = all_offers.iter().map(|id| content(id)).collect();
    walk.step(
        "patch",
        "/organisations/{id}",
        &format!("/organisations/{}", w.organisation),
        json!({"name": "Stadsboerderij De Es"}),
        owner,
        200,
        &renamed,
    )
    .await;
    walk.step(
        "post",
        "/organisations/{id}/reject",
        &format!("/organisations/{}/reject", w.organisation),
        json!({"reason": "Geen vereniging."}),
        admin,
        200,
        // Only the published one closes; the draft-then-closed offer was closed already.
        &[content(&w.offer)],
    )
    .await;

    // The register of Lotte's meeting, saved once it has started (tokens end meanwhile).
    let start = meeting.split_once('_').unwrap().1;
    let starts_at = chrono::NaiveDateTime::parse_from_str(start, "%Y%m%dT%H%M%SZ")
        .unwrap()
        .and_utc();
    app.advance(starts_at - app.clock.now() + chrono::TimeDelta::hours(1));
    let owner = app.login(&w.owner.email, TEST_PASSWORD).await;
    walk.step(
        "put",
        "/occurrences/{id}/attendance",
        &format!("/occurrences/{meeting}/attendance"),
        json!({"items": [{"signup_id": lotte_signup, "status": "absent"}]}),
        Some(&owner.access_token),
        200,
        &[],
    )
    .await;

    // Every mutating route of the API was walked.
    let document = meedoen::app::openapi();
    let mut routes = BTreeSet::new();
    for (path, item) in &document.paths.paths {
        let route = path.trim_start_matches("/api/v1").to_string();
        for (method, operation) in [
            ("post", &item.post),
            ("put", &item.put),
            ("patch", &item.patch),
            ("delete", &item.delete),
        ] {
            if operation.is_some() {
                routes.insert((method.to_string(), route.clone()));
            }
        }
    }
    let missing: Vec<_> = routes.difference(&walk.walked).collect();
    assert!(
        missing.is_empty(),
        "mutating routes not walked: {missing:?}"
    );
}

fn free_places_in(list: &Value, offer: &str) -> i64 {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["id"] == offer)
        .map(|item| item["free_places"].as_i64().unwrap())
        .unwrap()
}

fn accepted_places(app: &TestApp, offer: &str) -> i64 {
    let mut conn = app.db.connect();
    offers::table
        .find(offer)
        .select((offers::capacity, offers::accepted_places))
        .first::<(i32, i32)>(&mut conn)
        .map(|(capacity, taken)| i64::from(capacity - taken))
        .unwrap()
}

/// A second published offer in the world's district, with two places.
async fn published_offer_with_two_places(app: &TestApp, w: &world::World) -> String {
    let offer = create_offer(
        app,
        &w.owner,
        offer_body(
            &w.organisation,
            &w.district,
            json!({"title": "Koffie in de buurttuin", "capacity": 2}),
        ),
    )
    .await;
    publish(app, &w.owner, &offer).await;
    offer
}

async fn signups_keep_cached_lists_and_show_true_places(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let second = published_offer_with_two_places(&app, &w).await;
    let list = format!("/api/v1/offers?district={}", w.district);
    let first = app.get(&list, None).await.expect(200);
    assert_eq!(free_places_in(&first.body, &second), 2);
    let lists_before = app.state.catalog.version();

    // Each sign-up: the list shows one place fewer at once, the same as the database.
    for (number, email) in ["a@example.nl", "b@example.nl"].iter().enumerate() {
        let who = app.user_with_roles(email, "Buur", &[Role::Resident]).await;
        app.post(
            &format!("/api/v1/offers/{second}/signups"),
            json!({}),
            Some(&who.access_token),
        )
        .await
        .expect(201);
        let now = app.get(&list, None).await.expect(200);
        assert_eq!(free_places_in(&now.body, &second), 1 - number as i64);
        assert_eq!(
            free_places_in(&now.body, &second),
            accepted_places(&app, &second)
        );
        let detail = app
            .get(&format!("/api/v1/offers/{second}"), None)
            .await
            .expect(200);
        assert_eq!(detail.body["free_places"], 1 - number as i64);
    }
    // The list was not computed again: the content of the answer is the same object, and only
    // a places change was applied.
    assert!(app.state.catalog.version() > lists_before);
    assert!(
        app.state.catalog.cached(&cache_key(&app, &list)).is_some(),
        "the list is still a cache hit after the sign-ups"
    );

    // A content change (a new title) does make it read again.
    app.patch(
        &format!("/api/v1/offers/{second}"),
        json!({"title": "Koffie en koek in de buurttuin"}),
        Some(&w.owner.access_token),
    )
    .await
    .expect(200);
    assert!(app.state.catalog.cached(&cache_key(&app, &list)).is_none());
    let after = app.get(&list, None).await.expect(200);
    assert!(after.text.contains("Koffie en koek in de buurttuin"));
    assert_eq!(free_places_in(&after.body, &second), 0);

    // `available` lists follow an offer that becomes full or free again.
    let available = format!("{list}&available=true");
    let full = app.get(&available, None).await.expect(200);
    assert!(!full.text.contains(&second));
    let withdrawn = {
        let b = app.login("b@example.nl", TEST_PASSWORD).await;
        let signups = app
            .get("/api/v1/me/signups", Some(&b.access_token))
            .await
            .expect(200);
        let id = signups.body["items"][0]["id"].as_str().unwrap().to_string();
        app.patch(
            &format!("/api/v1/signups/{id}"),
            json!({"status": "withdrawn"}),
            Some(&b.access_token),
        )
        .await
        .expect(200);
        id
    };
    assert!(!withdrawn.is_empty());
    let free_again = app.get(&available, None).await.expect(200);
    assert_eq!(free_places_in(&free_again.body, &second), 1);
}

/// The key the offer list handler caches `path` under.
fn cache_key(app: &TestApp, path: &str) -> String {
    let query = path.split_once('?').map(|(_, q)| q).unwrap_or_default();
    format!(
        "{}|offers?{query}",
        meedoen::clock::local_date(app.state.clock.now())
    )
}

/// PostgreSQL takes catalog versions from a sequence, so a write may commit after a later
/// version: another process must still apply it (its poller reads the log by transaction, not
/// by version), and the slow write must hold up no one else's (no lock on a version row).
#[actix_web::test]
async fn other_processes_apply_writes_that_commit_out_of_version_order() {
    if !crate::common::db::postgres_available() {
        return;
    }
    let app = TestApp::new(Backend::Postgres).await;
    let w = world::build(&app).await;
    let second = published_offer_with_two_places(&app, &w).await;
    let other = app.other_process();
    let list = format!("/api/v1/offers?district={}", w.district);
    let (_, before) = other.get(&list, None).await;
    assert_eq!(free_places_in(&before, &w.offer), 5);
    assert_eq!(free_places_in(&before, &second), 2);

    // A slow write takes a place of the first offer and its version, and waits to commit.
    let (taken, wait_for_taken) = std::sync::mpsc::channel();
    let (commit, wait_for_commit) = std::sync::mpsc::channel::<()>();
    let mut conn = app.db.connect();
    let first = w.offer.clone();
    let now = app.state.clock.now_naive();
    let slow = std::thread::spawn(move || {
        conn.transaction(|conn| {
            diesel::update(offers::table.find(&first))
                .set(offers::accepted_places.eq(offers::accepted_places + 1))
                .execute(conn)?;
            let offer = meedoen::db::ids::OfferId(first.clone());
            let change = meedoen::catalog::repo::Change {
                offer: Some(&offer),
                user: None,
                what: meedoen::catalog::repo::PLACES,
            };
            let version = meedoen::catalog::repo::log_next(conn, &[change], now)?;
            taken.send(version).unwrap();
            wait_for_commit.recv().unwrap();
            Ok::<_, diesel::result::Error>(())
        })
        .unwrap();
    });
    let slow_version = wait_for_taken.recv().unwrap();

    // Meanwhile a sign-up to the second offer commits, under a later version, without waiting.
    let signups = format!("/api/v1/offers/{second}/signups");
    let signup = app.post(&signups, json!({}), Some(&w.resident.access_token));
    actix_web::rt::time::timeout(std::time::Duration::from_secs(10), signup)
        .await
        .expect("the sign-up does not wait for the slow write")
        .expect(201);
    assert!(version(&app) > slow_version);
    // The other process polls the log a few times while the slow write is still open.
    actix_web::rt::time::sleep(3 * meedoen::catalog::POLL_INTERVAL).await;

    // Then the slow write commits: the other process applies it although a later version came
    // before it.
    commit.send(()).unwrap();
    slow.join().unwrap();
    let (_, after) = other
        .get_until(&list, None, |_, body| free_places_in(body, &w.offer) == 4)
        .await;
    assert_eq!(free_places_in(&after, &w.offer), 4);
    assert_eq!(free_places_in(&after, &second), 1);
}

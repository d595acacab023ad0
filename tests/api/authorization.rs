//! The authorization matrix: every operation of the OpenAPI document, called by each kind of
//! actor against objects that belong to someone else, with the expected status in one table.
//!
//! The people, in the order of the table's columns:
//! anonymous · resident A · resident B · member of organisation X (its owner) · member of
//! organisation Y · worker of A's district · worker of another district · admin.
//!
//! The objects are A's (profile with consent, sign-up, open referral) and X's (published offer,
//! draft, pending second organisation, a second member). Each row runs on a fresh marketplace,
//! the actors one after the other in column order, so an allowed write in one cell cannot leak
//! into another row. Every refusal must be problem+json. `every_operation_has_a_row` fails when
//! the document gains an operation the table does not cover, or loses one it does.

use std::collections::{BTreeSet, HashMap};

use meedoen::auth::Role;
use serde_json::{Value, json};

use crate::common::world::{
    coming_occurrences, create_district, create_offer, offer_body, publish, verified_organisation,
};
use crate::common::{Backend, Session, TestApp};
use crate::on_both_backends;

on_both_backends!(every_actor_gets_the_expected_status);

const ACTORS: [&str; 8] = [
    "anonymous",
    "resident A",
    "resident B",
    "member of X",
    "member of Y",
    "worker of A's district",
    "worker elsewhere",
    "admin",
];

/// One call of the matrix: an operation of the document, the concrete path and body (with
/// `<name>` placeholders for the fixture's ids) and the status each actor must get.
struct Row {
    operation: &'static str,
    path: &'static str,
    body: Option<&'static str>,
    expect: [u16; 8],
}

const fn row(operation: &'static str, path: &'static str, expect: [u16; 8]) -> Row {
    Row {
        operation,
        path,
        body: None,
        expect,
    }
}

const fn with_body(
    operation: &'static str,
    path: &'static str,
    body: &'static str,
    expect: [u16; 8],
) -> Row {
    Row {
        operation,
        path,
        body: Some(body),
        expect,
    }
}

/// Everyone alike.
const fn all(status: u16) -> [u16; 8] {
    [status; 8]
}
/// Any signed-in person, for their own data.
const SIGNED_IN: [u16; 8] = [401, 200, 200, 200, 200, 200, 200, 200];
/// Admins only; everyone else signed in lacks the role.
const fn admin_only(status: u16) -> [u16; 8] {
    [401, 403, 403, 403, 403, 403, 403, status]
}
/// Members of X only, on X's public objects.
const fn member_of_x(status: u16) -> [u16; 8] {
    [401, 403, 403, status, 403, 403, 403, 403]
}
/// Members of X only, on an object that exists only for them (a draft).
const fn hidden_but_for_x(status: u16) -> [u16; 8] {
    [401, 404, 404, status, 404, 404, 404, 404]
}

#[rustfmt::skip]
const TABLE: &[Row] = &[
    // Health and sign-in: public, and a token gives nothing more.
    row("GET /healthz", "/healthz", all(200)),
    row("GET /readyz", "/readyz", all(200)),
    with_body("POST /api/v1/auth/login", "/api/v1/auth/login",
        r#"{"email": "niemand@example.nl", "password": "fiets-tulp-regen-molen"}"#, all(401)),
    with_body("POST /api/v1/auth/logout", "/api/v1/auth/logout",
        r#"{"refresh_token": "not-a-token-of-anyone"}"#, all(204)),
    with_body("POST /api/v1/auth/refresh", "/api/v1/auth/refresh",
        r#"{"refresh_token": "not-a-token-of-anyone"}"#, all(401)),
    with_body("POST /api/v1/auth/register", "/api/v1/auth/register",
        r#"{"email": "<a_email>", "password": "fiets-tulp-regen-molen", "display_name": "Ann"}"#, all(202)),
    with_body("POST /api/v1/auth/password-reset", "/api/v1/auth/password-reset",
        r#"{"email": "<a_email>"}"#, all(202)),
    with_body("POST /api/v1/auth/password-reset/confirm", "/api/v1/auth/password-reset/confirm",
        r#"{"token": "not-a-token-of-anyone", "password": "fiets-tulp-regen-molen-2"}"#, all(400)),
    with_body("POST /api/v1/auth/verify-email", "/api/v1/auth/verify-email",
        r#"{"token": "not-a-token-of-anyone"}"#, all(400)),
    with_body("POST /api/v1/auth/verify-email/resend", "/api/v1/auth/verify-email/resend",
        r#"{"email": "<a_email>"}"#, all(202)),

    // Districts and tags: everyone reads, admins change.
    row("GET /api/v1/districts", "/api/v1/districts", all(200)),
    with_body("POST /api/v1/districts", "/api/v1/districts",
        r#"{"name": "Angelslo", "kind": "district", "parent_id": "<area>"}"#, admin_only(201)),
    with_body("PATCH /api/v1/districts/{id}", "/api/v1/districts/<district>",
        r#"{"name": "Emmerhout-Oost"}"#, admin_only(200)),
    with_body("POST /api/v1/districts/{id}/retire", "/api/v1/districts/<district>/retire", "{}",
        admin_only(200)),
    row("GET /api/v1/tags", "/api/v1/tags", all(200)),
    with_body("POST /api/v1/tags", "/api/v1/tags",
        r#"{"kind": "skill", "key": "beekeeping", "label_nl": "Imkeren", "label_en": "Beekeeping"}"#, admin_only(201)),
    with_body("POST /api/v1/tags/{id}/retire", "/api/v1/tags/<tag>/retire", "{}", admin_only(200)),

    // One's own account, profile and lists: keyed by the caller, so no one else's can be asked for.
    row("GET /api/v1/me", "/api/v1/me", SIGNED_IN),
    row("GET /api/v1/me/access-log", "/api/v1/me/access-log", SIGNED_IN),
    row("GET /api/v1/me/profile", "/api/v1/me/profile", SIGNED_IN),
    with_body("PUT /api/v1/me/profile", "/api/v1/me/profile",
        r#"{"district_id": "<elsewhere>", "share_with_workers": false}"#, SIGNED_IN),
    row("GET /api/v1/me/recommendations", "/api/v1/me/recommendations", SIGNED_IN),
    row("GET /api/v1/me/recommendations/left-out", "/api/v1/me/recommendations/left-out", SIGNED_IN),
    row("GET /api/v1/me/referrals", "/api/v1/me/referrals", SIGNED_IN),
    row("GET /api/v1/me/signups", "/api/v1/me/signups", SIGNED_IN),

    // Offers: published ones are public; drafts exist only for their organisation's members.
    row("GET /api/v1/offers", "/api/v1/offers", all(200)),
    row("GET /api/v1/offers/{id}", "/api/v1/offers/<offer_x>", all(200)),
    row("GET /api/v1/offers/{id}", "/api/v1/offers/<draft_x>", [404, 404, 404, 200, 404, 404, 404, 404]),
    with_body("POST /api/v1/offers", "/api/v1/offers", OFFER_FOR_X, member_of_x(201)),
    with_body("PATCH /api/v1/offers/{id}", "/api/v1/offers/<offer_x>",
        r#"{"title": "Samen oogsten in de buurttuin"}"#, member_of_x(200)),
    with_body("PATCH /api/v1/offers/{id}", "/api/v1/offers/<draft_x>",
        r#"{"title": "Samen oogsten in de buurttuin"}"#, hidden_but_for_x(200)),
    // Once X has published it (column 4), the offer is public and the others are told 403.
    with_body("POST /api/v1/offers/{id}/publish", "/api/v1/offers/<draft_x>/publish", "{}",
        [401, 404, 404, 200, 403, 403, 403, 403]),
    with_body("POST /api/v1/offers/{id}/close", "/api/v1/offers/<offer_x>/close", "{}", member_of_x(200)),
    row("GET /api/v1/offers/{id}/signups", "/api/v1/offers/<offer_x>/signups", member_of_x(200)),
    row("GET /api/v1/offers/{id}/signups", "/api/v1/offers/<draft_x>/signups", hidden_but_for_x(200)),
    // Anyone with the resident role signs themselves up (A already has: 409); never someone else.
    with_body("POST /api/v1/offers/{id}/signups", "/api/v1/offers/<offer_x>/signups",
        r#"{"with_companion": false}"#, [401, 409, 201, 201, 201, 201, 201, 201]),
    with_body("POST /api/v1/offers/{id}/signups", "/api/v1/offers/<draft_x>/signups",
        r#"{"with_companion": false}"#, [401, 404, 404, 409, 404, 404, 404, 404]),

    // Occurrences: whoever sees the offer sees them; its organisation's members add and cancel.
    row("GET /api/v1/offers/{id}/occurrences", "/api/v1/offers/<offer_x>/occurrences?from=2027-01-01&to=2027-01-31",
        all(200)),
    row("GET /api/v1/offers/{id}/occurrences", "/api/v1/offers/<draft_x>/occurrences?from=2027-01-01&to=2027-01-31",
        [404, 404, 404, 200, 404, 404, 404, 404]),
    with_body("POST /api/v1/offers/{id}/occurrences", "/api/v1/offers/<offer_x>/occurrences",
        r#"{"starts_at": "2099-01-08T13:00:00Z", "ends_at": "2099-01-08T15:00:00Z"}"#, member_of_x(201)),
    with_body("POST /api/v1/occurrences/{id}/cancel", "/api/v1/occurrences/<occurrence_x>/cancel",
        r#"{"reason": "De tuin staat onder water."}"#, member_of_x(200)),

    // Attendance: X's members keep the register of X's occurrences (this one has not started, so
    // saving is refused as too early); A, who has a place, says beforehand they cannot come.
    row("GET /api/v1/occurrences/{id}/attendance", "/api/v1/occurrences/<occurrence_x>/attendance",
        member_of_x(200)),
    with_body("PUT /api/v1/occurrences/{id}/attendance", "/api/v1/occurrences/<occurrence_x>/attendance",
        r#"{"items": [{"signup_id": "<signup_a>", "status": "present"}]}"#, member_of_x(409)),
    with_body("POST /api/v1/occurrences/{id}/absence", "/api/v1/occurrences/<occurrence_x>/absence", "{}",
        [401, 204, 404, 404, 404, 404, 404, 404]),

    // Participation: one's own figures; an offer's and an organisation's for its members only.
    row("GET /api/v1/me/participation", "/api/v1/me/participation?from=2027-01-01&to=2027-03-31", SIGNED_IN),
    row("GET /api/v1/offers/{id}/participation", "/api/v1/offers/<offer_x>/participation?from=2027-01-01&to=2027-03-31",
        member_of_x(200)),
    row("GET /api/v1/offers/{id}/participation", "/api/v1/offers/<draft_x>/participation?from=2027-01-01&to=2027-03-31",
        hidden_but_for_x(200)),
    row("GET /api/v1/organisations/{id}/attendance.csv",
        "/api/v1/organisations/<org_x>/attendance.csv?from=2027-01-01&to=2027-03-31", member_of_x(200)),
    // Statements: one's own to make, list, download and revoke; anyone with the code checks it.
    with_body("POST /api/v1/me/statements", "/api/v1/me/statements",
        r#"{"from": "2027-01-01", "to": "2027-03-31", "lang": "en"}"#,
        [401, 201, 201, 201, 201, 201, 201, 201]),
    row("GET /api/v1/me/statements", "/api/v1/me/statements", SIGNED_IN),
    row("GET /api/v1/me/statements/{code}.pdf", "/api/v1/me/statements/<statement_a>.pdf",
        [401, 200, 404, 404, 404, 404, 404, 404]),
    row("GET /api/v1/statements/{code}", "/api/v1/statements/<statement_a>", all(200)),
    // The monitor: the catalogue is public; the figures are for admins and the monitor role, and
    // for workers in their own districts.
    row("GET /api/v1/monitor/indicators", "/api/v1/monitor/indicators", all(200)),
    row("GET /api/v1/monitor", "/api/v1/monitor?indicator=active_residents&area=<district>&period=2026-11",
        [401, 403, 403, 403, 403, 200, 403, 200]),
    row("DELETE /api/v1/statements/{code}", "/api/v1/statements/<statement_a>",
        [401, 204, 404, 404, 404, 404, 404, 404]),
    row("GET /api/v1/organisations/{id}/attendance.csv",
        "/api/v1/organisations/<pending_x>/attendance.csv?from=2027-01-01&to=2027-03-31",
        [401, 404, 404, 200, 404, 404, 404, 403]),

    // Calendars: a sign-up's file for its resident and X's members, an offer's for whoever sees
    // it, one's own feed URL; the feed itself opens with its secret only.
    row("GET /api/v1/signups/{id}/calendar.ics", "/api/v1/signups/<signup_a>/calendar.ics",
        [401, 200, 404, 200, 404, 404, 404, 404]),
    row("GET /api/v1/offers/{id}/calendar.ics", "/api/v1/offers/<draft_x>/calendar.ics",
        [404, 404, 404, 200, 404, 404, 404, 404]),
    row("GET /api/v1/me/calendar", "/api/v1/me/calendar", SIGNED_IN),
    with_body("POST /api/v1/me/calendar/rotate", "/api/v1/me/calendar/rotate", "{}", SIGNED_IN),
    row("GET /api/v1/calendar/{token}.ics", "/api/v1/calendar/<feed_a>.ics", all(200)),
    row("GET /api/v1/calendar/{token}.ics", "/api/v1/calendar/not-a-feed.ics", all(404)),

    // A's sign-up: A withdraws it; X's members decide on it but cannot withdraw it; no one else sees it.
    with_body("PATCH /api/v1/signups/{id}", "/api/v1/signups/<signup_a>",
        r#"{"status": "withdrawn"}"#, [401, 200, 404, 409, 404, 404, 404, 404]),
    with_body("PATCH /api/v1/signups/{id}", "/api/v1/signups/<signup_a>",
        r#"{"status": "declined"}"#, [401, 403, 404, 200, 404, 404, 404, 404]),

    // Conversations: a sign-up's between A and X's members, a referral's between A and the worker
    // who made it; X's members write to everyone with a place on X's offers.
    row("GET /api/v1/signups/{id}/messages", "/api/v1/signups/<signup_a>/messages",
        [401, 200, 404, 200, 404, 404, 404, 404]),
    with_body("POST /api/v1/signups/{id}/messages", "/api/v1/signups/<signup_a>/messages",
        r#"{"body": "Moet ik laarzen meenemen?"}"#, [401, 201, 404, 201, 404, 404, 404, 404]),
    row("GET /api/v1/referrals/{id}/messages", "/api/v1/referrals/<referral_a>/messages",
        [401, 200, 404, 404, 404, 200, 404, 404]),
    with_body("POST /api/v1/referrals/{id}/messages", "/api/v1/referrals/<referral_a>/messages",
        r#"{"body": "Is het ver lopen?"}"#, [401, 201, 404, 404, 404, 201, 404, 404]),
    with_body("POST /api/v1/offers/{id}/messages", "/api/v1/offers/<offer_x>/messages",
        r#"{"body": "Dinsdag beginnen we later."}"#, member_of_x(201)),
    with_body("POST /api/v1/offers/{id}/messages", "/api/v1/offers/<draft_x>/messages",
        r#"{"body": "Dinsdag beginnen we later."}"#, hidden_but_for_x(201)),

    // Notification settings are one's own; an unsubscribe link works for whoever holds it.
    row("GET /api/v1/me/notifications", "/api/v1/me/notifications", SIGNED_IN),
    with_body("PUT /api/v1/me/notifications", "/api/v1/me/notifications",
        r#"{"signup_alerts": "daily", "reminders": false, "weekly_digest": true, "message_emails": true}"#, SIGNED_IN),
    row("GET /api/v1/unsubscribe/{token}", "/api/v1/unsubscribe/<unsubscribe_x>", all(200)),
    row("GET /api/v1/unsubscribe/{token}", "/api/v1/unsubscribe/not-a-token", all(404)),
    with_body("POST /api/v1/unsubscribe/{token}", "/api/v1/unsubscribe/<unsubscribe_x>", "{}", all(200)),

    // The municipality's face: public.
    row("GET /api/v1/site", "/api/v1/site", all(200)),

    // Organisations: verified ones are public; pending ones exist for their members and admins.
    row("GET /api/v1/organisations", "/api/v1/organisations", all(200)),
    row("GET /api/v1/organisations", "/api/v1/organisations?status=pending", admin_only(200)),
    row("GET /api/v1/organisations/{id}", "/api/v1/organisations/<org_x>", all(200)),
    row("GET /api/v1/organisations/{id}", "/api/v1/organisations/<pending_x>",
        [404, 404, 404, 200, 404, 404, 404, 200]),
    with_body("POST /api/v1/organisations", "/api/v1/organisations",
        r#"{"name": "Buurthuis De Kolk", "kind": "association", "district_ids": ["<area>"], "contact_email": "info@kolk.nl"}"#,
        [401, 201, 201, 201, 201, 201, 201, 201]),
    with_body("PATCH /api/v1/organisations/{id}", "/api/v1/organisations/<org_x>",
        r#"{"description": "Wij kweken groente met de buurt."}"#, member_of_x(200)),
    with_body("PATCH /api/v1/organisations/{id}", "/api/v1/organisations/<pending_x>",
        r#"{"description": "Wij kweken groente met de buurt."}"#, [401, 404, 404, 200, 404, 404, 404, 403]),
    row("GET /api/v1/organisations/{id}/members", "/api/v1/organisations/<org_x>/members", member_of_x(200)),
    with_body("POST /api/v1/organisations/{id}/members", "/api/v1/organisations/<org_x>/members",
        r#"{"email": "<b_email>"}"#, member_of_x(201)),
    row("DELETE /api/v1/organisations/{id}/members/{user_id}",
        "/api/v1/organisations/<org_x>/members/<helper_x>", member_of_x(204)),
    row("GET /api/v1/organisations/{id}/offers", "/api/v1/organisations/<org_x>/offers", member_of_x(200)),
    with_body("POST /api/v1/organisations/{id}/verify", "/api/v1/organisations/<pending_x>/verify", "{}",
        admin_only(200)),
    with_body("POST /api/v1/organisations/{id}/reject", "/api/v1/organisations/<pending_x>/reject",
        r#"{"reason": "Geen activiteiten in Emmen."}"#, admin_only(200)),

    // Workers are made and placed by admins only.
    row("GET /api/v1/workers", "/api/v1/workers", admin_only(200)),
    with_body("POST /api/v1/workers", "/api/v1/workers",
        r#"{"email": "<b_email>", "district_ids": ["<district>"]}"#, admin_only(200)),
    with_body("PUT /api/v1/workers/{user_id}/districts", "/api/v1/workers/<worker_here>/districts",
        r#"{"district_ids": ["<elsewhere>"]}"#, admin_only(200)),
    row("DELETE /api/v1/workers/{user_id}", "/api/v1/workers/<worker_here>", admin_only(204)),

    // A worker sees consenting residents of their own districts only; others are 404, as if absent.
    row("GET /api/v1/worker/districts", "/api/v1/worker/districts", [401, 403, 403, 403, 403, 200, 200, 403]),
    row("GET /api/v1/worker/referrals", "/api/v1/worker/referrals", [401, 403, 403, 403, 403, 200, 200, 403]),
    row("GET /api/v1/worker/residents", "/api/v1/worker/residents", [401, 403, 403, 403, 403, 200, 200, 403]),
    row("GET /api/v1/worker/residents", "/api/v1/worker/residents?district=<district>",
        [401, 403, 403, 403, 403, 200, 403, 403]),
    row("GET /api/v1/worker/residents/{id}", "/api/v1/worker/residents/<resident_a>",
        [401, 403, 403, 403, 403, 200, 404, 403]),
    row("GET /api/v1/worker/residents/{id}/recommendations",
        "/api/v1/worker/residents/<resident_a>/recommendations", [401, 403, 403, 403, 403, 200, 404, 403]),
    with_body("POST /api/v1/referrals", "/api/v1/referrals",
        r#"{"resident_id": "<resident_b>", "offer_id": "<offer_y>", "note": "Dit past bij je."}"#,
        [401, 403, 403, 403, 403, 201, 404, 403]),
    with_body("POST /api/v1/worker/assignments", "/api/v1/worker/assignments",
        r#"{"district_id": "<district>"}"#, [401, 403, 403, 403, 403, 200, 403, 403]),
    with_body("POST /api/v1/worker/assignments/confirm", "/api/v1/worker/assignments/confirm",
        r#"{"items": [{"resident_id": "<resident_b>", "offer_id": "<offer_y>"}], "note": "Dit past bij je."}"#,
        [401, 403, 403, 403, 403, 201, 404, 403]),

    // Following up: the worker who made A's referral (it is not accepted yet, so 409); other
    // workers 404, everyone else lacks the role.
    row("GET /api/v1/worker/follow-ups", "/api/v1/worker/follow-ups", [401, 403, 403, 403, 403, 200, 200, 403]),
    with_body("POST /api/v1/referrals/{id}/notes", "/api/v1/referrals/<referral_a>/notes",
        r#"{"body": "Gebeld: het gaat goed."}"#, [401, 403, 403, 403, 403, 409, 404, 403]),
    with_body("POST /api/v1/referrals/{id}/close", "/api/v1/referrals/<referral_a>/close",
        r#"{"outcome": "completed"}"#, [401, 403, 403, 403, 403, 409, 404, 403]),

    // A's referral: only A answers it.
    with_body("POST /api/v1/referrals/{id}/accept", "/api/v1/referrals/<referral_a>/accept",
        r#"{"share_note": false}"#, [401, 201, 404, 404, 404, 404, 404, 404]),
    with_body("POST /api/v1/referrals/{id}/decline", "/api/v1/referrals/<referral_a>/decline",
        r#"{"reason": "Dinsdag kan ik niet."}"#, [401, 200, 404, 404, 404, 404, 404, 404]),
];

const OFFER_FOR_X: &str = r#"{
    "organisation_id": "<org_x>", "district_id": "<district>", "kind": "urban_farming",
    "title": "Samen zaaien in de kas", "description": "We zaaien samen en drinken daarna koffie.",
    "address": "Tuinstraat 1, Emmen", "capacity": 5, "auto_accept": true,
    "guidance": "none", "dutch_level": "none", "language_buddy": false, "companion_allowed": false,
    "route": "open", "weekly_slots": [{"weekday": 3, "start": "09:30", "end": "12:00"}], "sessions": [],
    "skills": [], "interests": [], "goals": [], "access": [], "languages": []
}"#;

/// The marketplace each row runs on: the actors' sessions (`None` for anonymous) and the ids the
/// table's placeholders stand for.
struct Fixture {
    actors: Vec<Option<Session>>,
    ids: HashMap<&'static str, String>,
}

impl Fixture {
    fn fill(&self, template: &str) -> String {
        let mut filled = template.to_string();
        for (name, id) in &self.ids {
            filled = filled.replace(&format!("<{name}>"), id);
        }
        assert!(
            !filled.contains("\"<") && !filled.contains("/<") && !filled.contains("=<"),
            "unknown placeholder in {template}"
        );
        filled
    }
}

async fn fixture(app: &TestApp) -> Fixture {
    let with = |email: &'static str, name: &'static str, roles: &'static [Role]| {
        app.user_with_roles(email, name, roles)
    };
    let admin = with(
        "admin@gemeente.nl",
        "Annemiek",
        &[Role::Resident, Role::Admin],
    )
    .await;
    let resident_a = with("ann@example.nl", "Ann", &[Role::Resident]).await;
    let resident_b = with("bob@example.nl", "Bob", &[Role::Resident]).await;
    let member_x = with("kees@boerderij.nl", "Kees", &[Role::Resident]).await;
    let member_y = with("yara@buurthuis.nl", "Yara", &[Role::Resident]).await;
    let worker_here = with("wil@wijkteam.nl", "Wil", &[Role::Resident]).await;
    let worker_elsewhere = with("wouter@wijkteam.nl", "Wouter", &[Role::Resident]).await;
    let helper_x = with("hans@boerderij.nl", "Hans", &[Role::Resident]).await;
    let token = |session: &Session| Some(session.access_token.clone());

    let municipality = create_district(app, &admin, "Emmen", "municipality", None).await;
    let area = create_district(app, &admin, "Emmen Noord", "area", Some(&municipality)).await;
    let district = create_district(app, &admin, "Emmerhout", "district", Some(&area)).await;
    let other_area = create_district(app, &admin, "Zuid", "area", Some(&municipality)).await;
    let elsewhere = create_district(app, &admin, "Bargeres", "district", Some(&other_area)).await;

    let org_x =
        verified_organisation(app, &admin, &member_x, "Stadsboerderij De Esch", &[&area]).await;
    let org_y =
        verified_organisation(app, &admin, &member_y, "Buurthuis De Hondsrug", &[&area]).await;
    let offer_x = create_offer(app, &member_x, offer_body(&org_x, &district, json!({}))).await;
    publish(app, &member_x, &offer_x).await;
    let draft_x = create_offer(
        app,
        &member_x,
        offer_body(&org_x, &district, json!({"title": "Nog niet open: de kas"})),
    )
    .await;
    let offer_y = create_offer(
        app,
        &member_y,
        offer_body(
            &org_y,
            &district,
            json!({"title": "Koffie schenken in het buurthuis"}),
        ),
    )
    .await;
    publish(app, &member_y, &offer_y).await;
    let pending_x = app
        .post(
            "/api/v1/organisations",
            json!({"name": "Moestuin Emmerhout", "kind": "urban_farm", "district_ids": [area],
                   "contact_email": "moestuin@boerderij.nl"}),
            token(&member_x).as_deref(),
        )
        .await
        .expect(201)
        .id();
    app.post(
        &format!("/api/v1/organisations/{org_x}/members"),
        json!({"email": "hans@boerderij.nl"}),
        token(&member_x).as_deref(),
    )
    .await
    .expect(201);

    for (worker, place) in [(&worker_here, &district), (&worker_elsewhere, &elsewhere)] {
        app.post(
            "/api/v1/workers",
            json!({"email": worker.email, "district_ids": [place]}),
            token(&admin).as_deref(),
        )
        .await
        .expect(200);
    }
    for resident in [&resident_a, &resident_b] {
        app.put(
            "/api/v1/me/profile",
            json!({"district_id": district, "share_with_workers": true, "skills": ["gardening"]}),
            token(resident).as_deref(),
        )
        .await
        .expect(200);
    }
    let signup_a = app
        .post(
            &format!("/api/v1/offers/{offer_x}/signups"),
            json!({"with_companion": false}),
            token(&resident_a).as_deref(),
        )
        .await
        .expect(201)
        .id();
    let referral_a = app
        .post(
            "/api/v1/referrals",
            json!({"resident_id": resident_a.user_id, "offer_id": offer_y, "note": "Koffie schenken?"}),
            token(&worker_here).as_deref(),
        )
        .await
        .expect(201)
        .id();
    let occurrence_x = coming_occurrences(app, &offer_x).await.remove(0);
    // X's member was told of A's sign-up; the email's one-click unsubscribe link.
    app.deliver_mail().await;
    let unsubscribe_x = app
        .emails_to("kees@boerderij.nl")
        .into_iter()
        .find(|email| email.subject == "Nieuwe aanmelding")
        .expect("an email about the new sign-up")
        .unsubscribe_url()
        .rsplit('/')
        .next()
        .expect("…/unsubscribe/<token>")
        .to_string();
    let feed_url = app
        .get("/api/v1/me/calendar", token(&resident_a).as_deref())
        .await
        .expect(200)
        .body["url"]
        .as_str()
        .expect("a feed URL")
        .to_string();
    let feed_a = feed_url
        .rsplit('/')
        .next()
        .and_then(|file| file.strip_suffix(".ics"))
        .expect("…/calendar/<secret>.ics")
        .to_string();
    let statement_a = app
        .post(
            "/api/v1/me/statements",
            json!({"from": "2027-01-01", "to": "2027-03-31"}),
            token(&resident_a).as_deref(),
        )
        .await
        .expect(201)
        .body["code"]
        .as_str()
        .expect("a statement code")
        .to_string();
    let tag = app.get("/api/v1/tags", None).await.expect(200).body["items"][0]["id"]
        .as_str()
        .expect("a starter tag")
        .to_string();

    let ids = HashMap::from([
        ("a_email", resident_a.email.clone()),
        ("b_email", resident_b.email.clone()),
        ("resident_a", resident_a.user_id.clone()),
        ("resident_b", resident_b.user_id.clone()),
        ("helper_x", helper_x.user_id.clone()),
        ("worker_here", worker_here.user_id.clone()),
        ("area", area),
        ("district", district),
        ("elsewhere", elsewhere),
        ("org_x", org_x),
        ("pending_x", pending_x),
        ("offer_x", offer_x),
        ("draft_x", draft_x),
        ("offer_y", offer_y),
        ("signup_a", signup_a),
        ("referral_a", referral_a),
        ("tag", tag),
        ("occurrence_x", occurrence_x),
        ("feed_a", feed_a),
        ("unsubscribe_x", unsubscribe_x),
        ("statement_a", statement_a),
    ]);
    Fixture {
        actors: vec![
            None,
            Some(resident_a),
            Some(resident_b),
            Some(member_x),
            Some(member_y),
            Some(worker_here),
            Some(worker_elsewhere),
            Some(admin),
        ],
        ids,
    }
}

async fn call(
    app: &TestApp,
    method: &str,
    path: &str,
    body: Option<Value>,
    token: Option<&str>,
) -> crate::common::Reply {
    match (method, body) {
        ("GET", None) => app.get(path, token).await,
        ("DELETE", None) => app.delete(path, token).await,
        ("POST", Some(body)) => app.post(path, body, token).await,
        ("PUT", Some(body)) => app.put(path, body, token).await,
        ("PATCH", Some(body)) => app.patch(path, body, token).await,
        (method, body) => panic!("no way to send {method} with body {body:?} in this table"),
    }
}

async fn every_actor_gets_the_expected_status(backend: Backend) {
    let mut mismatches = Vec::new();
    for row in TABLE {
        let (method, template) = row.operation.split_once(' ').expect("METHOD /path");
        assert!(
            path_fits_template(row.path, template),
            "{} is not a path of {}",
            row.path,
            row.operation
        );
        let app = TestApp::new(backend).await;
        let fixture = fixture(&app).await;
        let path = fixture.fill(row.path);
        for (column, actor) in fixture.actors.iter().enumerate() {
            let body = row.body.map(|body| {
                serde_json::from_str(&fixture.fill(body)).expect("the row's body is JSON")
            });
            let token = actor.as_ref().map(|session| session.access_token.as_str());
            let reply = call(&app, method, &path, body, token).await;
            let status = reply.status.as_u16();
            if status != row.expect[column] {
                mismatches.push(format!(
                    "{} {} as {}: expected {}, got {status} {}",
                    method, row.path, ACTORS[column], row.expect[column], reply.text
                ));
            } else if status >= 400 {
                assert_eq!(
                    reply.header("content-type"),
                    Some("application/problem+json"),
                    "{} {} as {}: a refusal that is not problem+json",
                    method,
                    row.path,
                    ACTORS[column]
                );
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} cells differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

/// `/api/v1/offers/<offer_x>/signups` fits `/api/v1/offers/{id}/signups`, and
/// `/api/v1/calendar/x.ics` fits `/api/v1/calendar/{token}.ics`.
fn path_fits_template(path: &str, template: &str) -> bool {
    let path = path.split('?').next().unwrap_or(path);
    let segments: Vec<&str> = path.split('/').collect();
    let expected: Vec<&str> = template.split('/').collect();
    segments.len() == expected.len()
        && segments.iter().zip(&expected).all(|(segment, wanted)| {
            // `{token}.ics` takes any segment ending in `.ics`.
            let suffix = wanted.split_once('}').map(|(_, suffix)| suffix);
            segment == wanted
                || (wanted.starts_with('{')
                    && suffix.is_some_and(|suffix| {
                        segment.len() > suffix.len() && segment.ends_with(suffix)
                    }))
        })
}

#[test]
fn every_operation_has_a_row() {
    let document = serde_json::to_value(meedoen::app::openapi()).expect("document");
    let documented: BTreeSet<String> = document["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, operations)| {
            operations
                .as_object()
                .expect("operations")
                .keys()
                .filter(|method| method.as_str() != "parameters")
                .map(move |method| format!("{} {path}", method.to_uppercase()))
        })
        .collect();
    let in_table: BTreeSet<String> = TABLE.iter().map(|row| row.operation.to_string()).collect();
    let missing: Vec<_> = documented.difference(&in_table).collect();
    let stale: Vec<_> = in_table.difference(&documented).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "operations without a row: {missing:?}; rows for operations the document lacks: {stale:?}"
    );
}

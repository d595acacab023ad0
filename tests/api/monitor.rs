//! The area monitor over HTTP: the catalogue, who may read which part, questions refused with the
//! parameter named, and figures that follow from what residents do, with small counts hidden and
//! protected the same way in every view.

use chrono::{DateTime, TimeDelta, Utc};
use meedoen::auth::Role;
use serde_json::{Value, json};

use crate::common::world::{self, World};
use crate::common::{Backend, Session, TEST_PASSWORD, TestApp};
use crate::on_both_backends;

on_both_backends!(
    the_catalogue_names_and_defines_each_indicator,
    wrong_questions_are_refused_naming_the_parameter,
    only_admins_monitors_and_workers_in_their_districts_read_figures,
    figures_follow_what_residents_do_with_small_counts_hidden,
    kept_figures_equal_a_plain_count_and_follow_writes,
);

async fn monitor_user(app: &TestApp) -> Session {
    app.user_with_roles("bas@gemeente.nl", "Bas", &[Role::Monitor])
        .await
}

async fn the_catalogue_names_and_defines_each_indicator(backend: Backend) {
    let app = TestApp::new(backend).await;
    let dutch = app
        .get("/api/v1/monitor/indicators", None)
        .await
        .expect(200);
    let keys: Vec<&str> = dutch.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "active_residents",
            "new_starters",
            "hours",
            "residents_with_profile",
            "signups",
            "referrals_accepted",
            "referrals_started",
            "referrals_week_4",
            "referrals_week_12"
        ]
    );
    assert_eq!(dutch.body["items"][0]["name"], "Actieve inwoners");
    assert_eq!(dutch.body["items"][0]["counts"], "residents");
    assert_eq!(dutch.body["items"][2]["counts"], "amount");
    let english = app
        .get("/api/v1/monitor/indicators?lang=en", None)
        .await
        .expect(200);
    assert_eq!(english.body["items"][0]["name"], "Active residents");
    assert!(
        english.body["items"][0]["definition"]
            .as_str()
            .unwrap()
            .contains("at least once")
    );
}

async fn wrong_questions_are_refused_naming_the_parameter(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let bas = monitor_user(&app).await;
    let area = &w.municipality;
    let month = app.clock_month(0);
    for (query, field) in [
        (format!("area={area}&period={month}"), "indicator"),
        (
            format!("indicator=happiness&area={area}&period={month}"),
            "indicator",
        ),
        (format!("indicator=hours&period={month}"), "area"),
        (
            format!("indicator=hours&area=no-such-area&period={month}"),
            "area",
        ),
        (format!("indicator=hours&area={area}"), "period"),
        (
            format!("indicator=hours&area={area}&period=2026-13"),
            "period",
        ),
        (
            format!("indicator=hours&area={area}&period=2026-Q5"),
            "period",
        ),
        (
            format!("indicator=hours&area={area}&period=2020-01..2023-01"),
            "period",
        ),
        (
            format!("indicator=hours&area={area}&period={}", app.clock_month(2)),
            "period",
        ),
        (
            format!("indicator=hours&area={area}&period={month}&format=xml"),
            "format",
        ),
    ] {
        let refused = app
            .get(&format!("/api/v1/monitor?{query}"), Some(&bas.access_token))
            .await
            .expect_problem(422, "validation_failed");
        assert_eq!(refused.body["errors"][0]["field"], field, "{query}");
    }
}

async fn only_admins_monitors_and_workers_in_their_districts_read_figures(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    let month = app.clock_month(0);
    let path = |area: &str| {
        format!("/api/v1/monitor?indicator=active_residents&area={area}&period={month}")
    };
    app.get(&path(&w.municipality), None)
        .await
        .expect_problem(401, "unauthenticated");
    for who in [&w.resident, &w.owner] {
        app.get(&path(&w.municipality), Some(&who.access_token))
            .await
            .expect_problem(403, "role_required");
    }
    let bas = monitor_user(&app).await;
    app.get(&path(&w.municipality), Some(&bas.access_token))
        .await
        .expect(200);
    app.get(&path(&w.district), Some(&w.admin.access_token))
        .await
        .expect(200);

    // A worker reads their own district, not the area or municipality around it.
    let worker = world::worker(&app, &w.admin, "wil@wijkteam.nl", "Wil", &[&w.district]).await;
    app.get(&path(&w.district), Some(&worker.access_token))
        .await
        .expect(200);
    for area in [&w.area, &w.municipality, &w.elsewhere] {
        app.get(&path(area), Some(&worker.access_token))
            .await
            .expect_problem(403, "district_not_assigned");
    }
}

impl TestApp {
    /// The month `ahead` months from the test clock's, as `YYYY-MM` (on the Dutch calendar).
    fn clock_month(&self, ahead: u32) -> String {
        use meedoen::clock::Clock;
        let today = meedoen::features::occurrences::schedule::local_day(self.clock.now());
        (today + chrono::Months::new(ahead))
            .format("%Y-%m")
            .to_string()
    }
}

/// Districts of the test world's municipality with the residents who live there and take part.
struct Town {
    w: World,
    angelslo: String,
    emmermeer: String,
    /// Start of the meeting everyone came to.
    met_at: DateTime<Utc>,
    /// That meeting's id, and the sign-ups with a district each.
    meeting: String,
    signups: Vec<(String, String)>,
}

/// Twenty residents with a profile in four districts (Emmerhout 6, Angelslo 2, Emmermeer 7 in
/// Emmen Noord; Bargeres 5 in Zuid), each with a place on one big offer and present at its first
/// meeting. Emmerhout's six came through a worker's referral they accepted.
async fn town(app: &TestApp) -> Town {
    let w = world::build(app).await;
    let angelslo =
        world::create_district(app, &w.admin, "Angelslo", "district", Some(&w.area)).await;
    let emmermeer =
        world::create_district(app, &w.admin, "Emmermeer", "district", Some(&w.area)).await;
    let offer = world::create_offer(
        app,
        &w.owner,
        world::offer_body(
            &w.organisation,
            &w.district,
            json!({"title": "Grote moestuin", "capacity": 30}),
        ),
    )
    .await;
    world::publish(app, &w.owner, &offer).await;
    let worker = world::worker(app, &w.admin, "wil@wijkteam.nl", "Wil", &[&w.area]).await;
    let mut signups = Vec::new();
    for (place, (district, count)) in [
        (&w.district, 6),
        (&angelslo, 2),
        (&emmermeer, 7),
        (&w.elsewhere, 5),
    ]
    .into_iter()
    .enumerate()
    {
        for n in 0..count {
            let email = format!("bewoner{n}-wijk{place}@example.nl");
            let resident = app
                .user_with_roles(&email, &format!("Bewoner {n}"), &[Role::Resident])
                .await;
            let referred = district == &w.district;
            app.put(
                "/api/v1/me/profile",
                json!({"district_id": district, "share_with_workers": referred, "skills": ["gardening"]}),
                Some(&resident.access_token),
            )
            .await
            .expect(200);
            if !referred {
                signups.push((
                    world::sign_up(app, &resident, &offer).await,
                    district.clone(),
                ));
                continue;
            }
            let referral = app
                .post(
                    "/api/v1/referrals",
                    json!({"resident_id": resident.user_id, "offer_id": offer}),
                    Some(&worker.access_token),
                )
                .await
                .expect(201)
                .id();
            let signup = app
                .post(
                    &format!("/api/v1/referrals/{referral}/accept"),
                    json!({"share_note": false}),
                    Some(&resident.access_token),
                )
                .await
                .expect(201)
                .id();
            signups.push((signup, district.clone()));
        }
    }
    use meedoen::clock::Clock;
    let today = meedoen::features::occurrences::schedule::local_day(app.clock.now());
    let occurrences = app
        .get(
            &format!(
                "/api/v1/offers/{offer}/occurrences?from={today}&to={}",
                today + chrono::Days::new(13)
            ),
            None,
        )
        .await
        .expect(200);
    let first = &occurrences.body["items"][0];
    let met_at: DateTime<Utc> = first["starts_at"].as_str().unwrap().parse().unwrap();
    app.advance(met_at - app.clock.now() + TimeDelta::hours(3));
    let owner = app.login("kees@boerderij.nl", TEST_PASSWORD).await;
    let items: Vec<Value> = signups
        .iter()
        .map(|(s, _)| json!({"signup_id": s, "status": "present"}))
        .collect();
    app.put(
        &format!(
            "/api/v1/occurrences/{}/attendance",
            first["id"].as_str().unwrap()
        ),
        json!({ "items": items }),
        Some(&owner.access_token),
    )
    .await
    .expect(200);
    let meeting = first["id"].as_str().unwrap().to_string();
    Town {
        w,
        angelslo,
        emmermeer,
        met_at,
        meeting,
        signups,
    }
}

/// (name, value or "< 5" or "x") of each line, then the total.
fn shown(answer: &Value) -> Vec<(String, String)> {
    let line = |l: &Value| {
        let value = match (l["value"].as_f64(), l["reason"].as_str()) {
            (Some(v), _) => v.to_string(),
            (None, Some("small")) => "< 5".to_string(),
            (None, Some("protects")) => "x".to_string(),
            other => panic!("a line without value or reason: {other:?}"),
        };
        assert_eq!(l["suppressed"], l["value"].is_null());
        (l["name"].as_str().unwrap().to_string(), value)
    };
    let mut lines: Vec<_> = answer["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(line)
        .collect();
    lines.push(line(&answer["total"]));
    lines
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

async fn figures_follow_what_residents_do_with_small_counts_hidden(backend: Backend) {
    let app = TestApp::new(backend).await;
    let t = town(&app).await;
    let bas = monitor_user(&app).await;
    let month = meedoen::features::occurrences::schedule::local_day(t.met_at)
        .format("%Y-%m")
        .to_string();
    let ask = |indicator: &str, area: &str| {
        format!("/api/v1/monitor?indicator={indicator}&area={area}&period={month}")
    };

    // Emmen Noord: Angelslo's 2 are hidden, and Emmerhout (the smallest other) with them, so
    // Angelslo cannot be worked out from the total of 15.
    let noord = app
        .get(&ask("active_residents", &t.w.area), Some(&bas.access_token))
        .await
        .expect(200);
    assert_eq!(
        shown(&noord.body),
        pairs(&[
            ("Angelslo", "< 5"),
            ("Emmerhout", "x"),
            ("Emmermeer", "7"),
            ("Emmen Noord", "15")
        ])
    );
    assert_eq!(noord.body["min_count"], 5);
    assert_eq!(noord.body["indicator"]["key"], "active_residents");
    // Nobody took part the month before: every figure is small.
    assert_eq!(noord.body["total"]["previous"]["suppressed"], true);
    assert_eq!(noord.body["total"]["previous"]["reason"], "small");

    // The municipality: its areas; a district asked on its own is hidden just the same.
    let emmen = app
        .get(
            &ask("active_residents", &t.w.municipality),
            Some(&bas.access_token),
        )
        .await
        .expect(200);
    assert_eq!(
        shown(&emmen.body),
        pairs(&[("Emmen Noord", "15"), ("Zuid", "5"), ("Emmen", "20")])
    );
    let emmerhout = app
        .get(
            &ask("active_residents", &t.w.district),
            Some(&bas.access_token),
        )
        .await
        .expect(200);
    assert_eq!(shown(&emmerhout.body), pairs(&[("Emmerhout", "x")]));
    let emmermeer = app
        .get(
            &ask("active_residents", &t.emmermeer),
            Some(&bas.access_token),
        )
        .await
        .expect(200);
    assert_eq!(shown(&emmermeer.body), pairs(&[("Emmermeer", "7")]));
    let _ = &t.angelslo;

    // The other indicators from the same doings: 2.5 hours each, one sign-up each, a profile each,
    // and everyone started this month.
    for (indicator, noord_total, emmen_total) in [
        ("hours", "37.5", "50"),
        ("signups", "15", "20"),
        ("residents_with_profile", "15", "20"),
        ("new_starters", "15", "20"),
    ] {
        let answer = app
            .get(&ask(indicator, &t.w.municipality), Some(&bas.access_token))
            .await
            .expect(200);
        let lines = shown(&answer.body);
        assert_eq!(
            lines[0],
            pairs(&[("Emmen Noord", noord_total)])[0],
            "{indicator}"
        );
        assert_eq!(lines[2], pairs(&[("Emmen", emmen_total)])[0], "{indicator}");
        let noord = app
            .get(&ask(indicator, &t.w.area), Some(&bas.access_token))
            .await
            .expect(200);
        let lines = shown(&noord.body);
        assert_eq!(lines[0].1, "< 5", "{indicator}: Angelslo");
        assert_eq!(lines[1].1, "x", "{indicator}: Emmerhout protects it");
    }

    // Emmerhout's six accepted a referral; no other district had one, so only the municipality's
    // total can be shown (each area's and district's would give a zero away).
    let accepted = app
        .get(
            &ask("referrals_accepted", &t.w.municipality),
            Some(&bas.access_token),
        )
        .await
        .expect(200);
    assert_eq!(
        shown(&accepted.body),
        pairs(&[("Emmen Noord", "x"), ("Zuid", "< 5"), ("Emmen", "6")])
    );
    // All six started: "6 of 6" says of each of them that they started, so it is hidden too.
    let started = app
        .get(
            &ask("referrals_started", &t.w.municipality),
            Some(&bas.access_token),
        )
        .await
        .expect(200);
    assert_eq!(started.body["total"]["reason"], "small");
    let week_4 = app
        .get(
            &ask("referrals_week_4", &t.w.municipality),
            Some(&bas.access_token),
        )
        .await
        .expect(200);
    assert_eq!(
        week_4.body["total"]["reason"], "small",
        "nobody is 4 weeks on yet"
    );

    // The same as CSV, with the period and the definition on every line.
    let csv = app
        .get(
            &format!("{}&format=csv", ask("active_residents", &t.w.area)),
            Some(&bas.access_token),
        )
        .await
        .expect(200);
    assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
    let text = String::from_utf8(csv.bytes.clone()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[0][0], "active_residents");
    assert_eq!(&rows[0][3], month.as_str());
    assert_eq!(
        (&rows[0][5], &rows[0][7], &rows[0][8]),
        ("Angelslo", "< 5", "small")
    );
    assert_eq!(
        (&rows[1][5], &rows[1][7], &rows[1][8]),
        ("Emmerhout", "x", "protects")
    );
    assert_eq!((&rows[3][5], &rows[3][7]), ("Emmen Noord", "15"));
    assert!(rows[0][2].contains("minstens één keer"));
}

/// Works out every stale or missing period, pass after pass.
async fn refresh_all(app: &TestApp) -> usize {
    let mut periods = 0;
    for _ in 0..10 {
        match meedoen::features::monitor::upkeep::refresh(&app.state)
            .await
            .unwrap()
        {
            0 => return periods,
            n => periods += n,
        }
    }
    panic!("the passes did not settle");
}

async fn kept_figures_equal_a_plain_count_and_follow_writes(backend: Backend) {
    let app = TestApp::new(backend).await;
    let t = town(&app).await;
    let bas = monitor_user(&app).await;
    let day = meedoen::features::occurrences::schedule::local_day(t.met_at);
    let month = day.format("%Y-%m").to_string();
    let quarter = meedoen::features::monitor::period::Period::quarter_of(day).to_string();
    let mut questions = Vec::new();
    for indicator in [
        "active_residents",
        "new_starters",
        "hours",
        "residents_with_profile",
        "signups",
    ] {
        for area in [&t.w.municipality, &t.w.area] {
            for period in [&month, &quarter] {
                questions.push(format!(
                    "/api/v1/monitor?indicator={indicator}&area={area}&period={period}"
                ));
            }
        }
    }
    // Nothing kept yet: every answer is counted from the source rows.
    let mut plain = Vec::new();
    for question in &questions {
        plain.push(
            app.get(question, Some(&bas.access_token))
                .await
                .expect(200)
                .body,
        );
    }
    // 25 months and 9 quarters are worked out; the kept figures give the same answers.
    assert_eq!(refresh_all(&app).await, 34);
    for (question, expected) in questions.iter().zip(&plain) {
        let kept = app.get(question, Some(&bas.access_token)).await.expect(200);
        assert_eq!(&kept.body, expected, "{question}");
    }
    assert_eq!(refresh_all(&app).await, 0, "nothing changed, nothing to do");

    // One of Emmermeer's seven was not there after all: the answer follows after the next pass.
    let (gone, _) = t
        .signups
        .iter()
        .find(|(_, district)| district == &t.emmermeer)
        .unwrap();
    let owner = app.login("kees@boerderij.nl", TEST_PASSWORD).await;
    app.put(
        &format!("/api/v1/occurrences/{}/attendance", t.meeting),
        json!({"items": [{"signup_id": gone, "status": "absent"}]}),
        Some(&owner.access_token),
    )
    .await
    .expect(200);
    let ask = format!(
        "/api/v1/monitor?indicator=active_residents&area={}&period={month}",
        t.w.area
    );
    let before = app.get(&ask, Some(&bas.access_token)).await.expect(200);
    assert_eq!(before.body["total"]["value"], 15.0, "up to one pass behind");
    assert!(
        refresh_all(&app).await >= 2,
        "the month and its quarter were stale"
    );
    let after = app.get(&ask, Some(&bas.access_token)).await.expect(200);
    assert_eq!(
        shown(&after.body),
        pairs(&[
            ("Angelslo", "< 5"),
            ("Emmerhout", "x"),
            ("Emmermeer", "6"),
            ("Emmen Noord", "14")
        ])
    );
}

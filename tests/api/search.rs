//! Searching offers with `q`: each database's own index, case- and accent-insensitive, any part of
//! a word, title hits first, pages that follow the ranking.

use serde_json::json;

use crate::common::titles;
use crate::common::world::{self, create_offer, offer_body, publish};
use crate::common::{Backend, TestApp};
use crate::on_both_backends;

on_both_backends!(search_understands_dutch_and_ranks);

async fn search_understands_dutch_and_ranks(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = world::build(&app).await;
    // The world's offer is "Samen tuinieren in de buurttuin" (koffie in its description).
    for (title, description) in [
        ("Taalcafé op dinsdag", "Nederlands oefenen met koffie."),
        ("Moestuin De Es", "Groente kweken met de buurt."),
        ("Koken met buren", "Samen eten; daarna naar de moestuin."),
        ("Cafe De Hoek", "Een kop koffie voor iedereen."),
    ] {
        let id = create_offer(
            &app,
            &w.owner,
            offer_body(
                &w.organisation,
                &w.district,
                json!({"title": title, "description": description}),
            ),
        )
        .await;
        publish(&app, &w.owner, &id).await;
    }
    let search = |q: &str| {
        let path = format!("/api/v1/offers?q={q}");
        let app = &app;
        async move { titles(&app.get(&path, None).await.expect(200).body) }
    };

    // Accents and case do not matter, either way round.
    assert_eq!(
        search("cafe").await,
        vec!["Cafe De Hoek", "Taalcafé op dinsdag"]
    );
    assert_eq!(
        search("CAF%C3%89").await,
        vec!["Cafe De Hoek", "Taalcafé op dinsdag"]
    );
    // Part of a word; title hits before description hits, newest first within each.
    assert_eq!(
        search("tuin").await,
        vec![
            "Moestuin De Es",
            "Samen tuinieren in de buurttuin",
            "Koken met buren"
        ]
    );
    // Every word must occur; short words work too.
    assert_eq!(search("moestuin%20eten").await, vec!["Koken met buren"]);
    assert_eq!(
        search("es").await.first().map(String::as_str),
        Some("Moestuin De Es")
    );
    // Quotes and operators are plain text, not query syntax.
    assert!(search("%22tuin%22%20OR%20x").await.is_empty());
    assert!(search("koffie*").await.is_empty());

    // Within a district (one district, or an area's several) SQLite compares text row by row
    // instead of asking its index: the same answers in the same order, and none from elsewhere.
    for place in [&w.district, &w.area] {
        for q in [
            "cafe",
            "tuin",
            "moestuin%20eten",
            "es",
            "%22tuin%22%20OR%20x",
        ] {
            let path = format!("/api/v1/offers?q={q}&district={place}");
            assert_eq!(
                titles(&app.get(&path, None).await.expect(200).body),
                search(q).await,
                "q={q} in {place}"
            );
        }
    }
    let path = format!("/api/v1/offers?q=tuin&district={}", w.elsewhere);
    assert!(titles(&app.get(&path, None).await.expect(200).body).is_empty());

    // Pages follow the ranking: one at a time, nothing repeated, nothing left out.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/offers?q=tuin&limit=1&cursor={c}"),
            None => "/api/v1/offers?q=tuin&limit=1".to_string(),
        };
        let page = app.get(&path, None).await.expect(200);
        seen.extend(titles(&page.body));
        match page.body["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => break,
        }
    }
    assert_eq!(
        seen,
        vec![
            "Moestuin De Es",
            "Samen tuinieren in de buurttuin",
            "Koken met buren"
        ]
    );
}

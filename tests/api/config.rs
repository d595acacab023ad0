//! A missing or invalid setting stops start-up with one clear line naming the key.

use std::path::Path;
use std::process::Command;

fn start_with(env: &[(&str, &str)]) -> (i32, String) {
    let data = tempfile::tempdir().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_meedoen"));
    command
        .arg("serve")
        .env(
            "MEEDOEN_CONFIG_DIR",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("config"),
        )
        .env("MEEDOEN__APP__DATA_DIR", data.path())
        .env("MEEDOEN__MAIL__DIR", data.path().join("mail"))
        .env(
            "DATABASE_URL",
            format!("sqlite:{}", data.path().join("x.db").display()),
        )
        .env("MEEDOEN__SERVER__PORT", "1");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("the binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).to_string(),
    )
}

#[test]
fn invalid_settings_name_their_key() {
    for (env, key) in [
        (vec![("MEEDOEN__SERVER__PORT", "abc")], "SERVER.PORT"),
        (vec![("MEEDOEN__SERVER__PROT", "1")], "SERVER.PROT"),
        (
            vec![("MEEDOEN__APP__ENVIRONMENT", "production")],
            "auth.jwt_secret",
        ),
        (
            vec![("MEEDOEN__AUTH__JWT_SECRET", "short")],
            "auth.jwt_secret",
        ),
        (vec![("DATABASE_URL", "mysql://db")], "database.url"),
        (
            vec![("MEEDOEN__APP__PUBLIC_URL", "not a url")],
            "app.public_url",
        ),
        (
            vec![("MEEDOEN__APP__CORS_ORIGINS", "[\"https://x.nl/path\"]")],
            "app.cors_origins",
        ),
        (
            vec![("MEEDOEN__MUNICIPALITY__THEME", "amsterdam")],
            "municipality.theme",
        ),
        (
            vec![("MEEDOEN__MAP__TILE_URL", "https://tiles.example.nl/map.png")],
            "map.tile_url",
        ),
    ] {
        let (code, stderr) = start_with(&env);
        assert_eq!(code, 2, "{env:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(
            stderr.starts_with("error: ") && stderr.contains(key),
            "{env:?} should name {key}: {stderr}"
        );
    }
}

/// The web app's face comes from configuration: the municipality's name, theme, logo, contact and
/// statements, and the map's tiles (switched off with an empty URL).
#[actix_web::test]
async fn the_site_answers_with_the_configured_municipality() {
    let app = crate::common::TestApp::builder(crate::common::Backend::Sqlite)
        .configure(|settings| {
            settings.municipality.name = "Gemeente Den Helder".into();
            settings.municipality.theme = "den-helder".into();
            settings.municipality.logo = Some("/themes/den-helder/logo.svg".into());
            settings.municipality.contact_phone = Some("14 0223".into());
            settings.municipality.privacy_statement =
                "  Wij bewaren niet meer dan nodig.\n\nVragen? Bel ons.  ".into();
            settings.map.tile_url = String::new();
        })
        .build()
        .await;
    let reply = app.get("/api/v1/site", None).await.expect(200);
    let site = &reply.body;
    assert_eq!(site["municipality"]["name"], "Gemeente Den Helder");
    assert_eq!(site["municipality"]["theme"], "den-helder");
    assert_eq!(
        site["municipality"]["logo_url"],
        "/themes/den-helder/logo.svg"
    );
    assert_eq!(site["municipality"]["contact_phone"], "14 0223");
    assert_eq!(
        site["municipality"]["contact_email"],
        serde_json::Value::Null
    );
    assert_eq!(
        site["municipality"]["privacy_statement"],
        "Wij bewaren niet meer dan nodig.\n\nVragen? Bel ons."
    );
    assert_eq!(
        site["municipality"]["accessibility_statement"],
        serde_json::Value::Null,
        "not configured: the web app's default text"
    );
    assert_eq!(
        site["map"]["tile_url"],
        serde_json::Value::Null,
        "tiles off"
    );

    let defaults = crate::common::TestApp::new(crate::common::Backend::Sqlite).await;
    let reply = defaults.get("/api/v1/site", None).await.expect(200);
    assert!(
        reply.body["map"]["tile_url"]
            .as_str()
            .is_some_and(|url| url.starts_with("https://service.pdok.nl/brt/achtergrondkaart/")),
        "PDOK's BRT-Achtergrondkaart by default"
    );
    // The browser may load the tiles from there, and images from nowhere else.
    let policy = reply.header("content-security-policy").unwrap_or_default();
    assert!(
        policy.contains("img-src 'self' data: https://service.pdok.nl;"),
        "{policy}"
    );
    let policy = app
        .get("/api/v1/site", None)
        .await
        .header("content-security-policy")
        .unwrap_or_default()
        .to_string();
    assert!(
        policy.contains("img-src 'self' data:;"),
        "tiles off: {policy}"
    );
}

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

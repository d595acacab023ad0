//! Both backends carry the same schema: identical migration names, every migration runs up, down
//! and up again, and every table in schema.rs loads on each.

use diesel::prelude::*;
use meedoen::db::{migrate, schema};

use crate::common::{Backend, TestApp, TestDb};
use crate::on_both_backends;

#[test]
fn migration_folders_match() {
    let names = |backend: &str| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(backend);
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let sqlite = names("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, names("postgres"));
    for name in &sqlite {
        let (stamp, verb_object) = name.split_once('_').unwrap();
        assert_eq!(stamp.len(), "YYYY-MM-DD-HHMMSS".len(), "{name}");
        assert!(!verb_object.is_empty(), "{name}");
    }
}

on_both_backends!(migrations_run_up_down_up, every_table_loads);

async fn migrations_run_up_down_up(backend: Backend) {
    actix_web::web::block(move || {
        let db = TestDb::create_empty_blocking(backend);
        let mut conn = db.connect();
        let applied = migrate::run_pending(&mut conn).unwrap();
        assert!(!applied.is_empty());
        migrate::revert_all(&mut conn).unwrap();
        let again = migrate::run_pending(&mut conn).unwrap();
        assert_eq!(applied, again);
    })
    .await
    .unwrap();
}

async fn every_table_loads(backend: Backend) {
    // Put a row in every table through the API, so loading checks the column types too.
    let app = TestApp::new(backend).await;
    app.register_verified("rij@example.nl", "Rij").await;
    app.post(
        "/api/v1/auth/password-reset",
        serde_json::json!({"email": "rij@example.nl"}),
        None,
    )
    .await
    .expect(202);
    app.deliver_mail().await;
    let url = app.db.url.clone();
    actix_web::web::block(move || {
        let mut conn = meedoen::db::DatabaseUrl::parse(&url)
            .unwrap()
            .connect(5000)
            .unwrap();
        use meedoen::features::accounts::models::{OneTimeToken, RefreshToken, Session, User};
        use meedoen::mail::outbox::OutboxMessage;
        assert_eq!(
            schema::users::table
                .select(User::as_select())
                .load(&mut conn)
                .unwrap()
                .len(),
            1
        );
        let roles = schema::user_roles::table
            .select(schema::user_roles::all_columns)
            .load::<(String, String, chrono::NaiveDateTime)>(&mut conn)
            .unwrap();
        assert_eq!(roles.len(), 1);
        assert_eq!(
            schema::sessions::table
                .select(Session::as_select())
                .load(&mut conn)
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            schema::refresh_tokens::table
                .select(RefreshToken::as_select())
                .load(&mut conn)
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            schema::one_time_tokens::table
                .select(OneTimeToken::as_select())
                .load(&mut conn)
                .unwrap()
                .len(),
            2
        );
        let sent = schema::outbox::table
            .select(OutboxMessage::as_select())
            .load(&mut conn)
            .unwrap();
        assert_eq!(sent.len(), 2);
        assert!(sent.iter().all(|message| message.sent_at.is_some()));
        assert!(
            sent.iter()
                .all(|message| message.body_text.is_empty() && message.body_html.is_empty()),
            "bodies with single-use links are erased once sent"
        );
    })
    .await
    .unwrap();
}

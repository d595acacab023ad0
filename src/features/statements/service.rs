//! Participation statements: a resident makes one for a period (the figures are fixed then),
//! downloads it as a PDF in Dutch or English, and revokes it; anyone with the code checks it.

use chrono::NaiveDate;
use rand::Rng;

use super::dto::*;
use super::models::Statement;
use super::{pdf, repo};
use crate::auth::AuthUser;
use crate::error::AppError;
use crate::features::attendance::repo as attendance;
use crate::features::participation::dto::PeriodQuery;
use crate::features::participation::service as participation;
use crate::features::profiles;
use crate::locale::Locale;
use crate::state::AppState;

/// Crockford's base32: no I, L, O or U, so a code read aloud or typed over is not misread.
const CODE_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A fresh code such as `7K4PQ-2XWM9`: 50 random bits, too many to guess.
fn new_code() -> String {
    let mut rng = rand::rng();
    let mut code = String::with_capacity(11);
    for i in 0..10 {
        if i == 5 {
            code.push('-');
        }
        code.push(char::from(
            CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())],
        ));
    }
    code
}

/// How a code may be typed: any case, with or without the dash, O for 0, I and L for 1.
fn normalise(raw: &str) -> String {
    let plain: String = raw
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        })
        .collect();
    if plain.len() == 10 {
        format!("{}-{}", &plain[..5], &plain[5..])
    } else {
        plain
    }
}

fn day(raw: &str) -> NaiveDate {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap_or_default()
}

fn figures_of(statement: &Statement) -> Result<StatementFigures, AppError> {
    serde_json::from_str(&statement.figures).map_err(AppError::internal)
}

fn pdf_url(code: &str) -> String {
    format!("/api/v1/me/statements/{code}.pdf")
}

fn mine(statement: Statement) -> Result<MyStatement, AppError> {
    let figures = figures_of(&statement)?;
    Ok(MyStatement {
        pdf_url: pdf_url(&statement.code),
        from: day(&statement.from_day),
        to: day(&statement.to_day),
        lang: Locale::from_db(&statement.lang),
        created_at: statement.created_at.and_utc(),
        revoked: statement.revoked_at.is_some(),
        sessions_present: figures.sessions_present,
        hours: figures.hours,
        code: statement.code,
    })
}

/// Makes a statement of the resident's participation in a period, with the figures of now.
pub async fn create(
    state: &AppState,
    user: AuthUser,
    request: CreateStatementRequest,
) -> Result<MyStatement, AppError> {
    let query = PeriodQuery {
        from: request.from,
        to: request.to,
    };
    let (from, to, start, end) = participation::period(&query)?;
    let lang = request.lang.unwrap_or_default();
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let rows = attendance::of_resident(conn, &user.id, start.naive_utc(), end.naive_utc())?;
            let figures = participation::participation(conn, rows, from, to)?;
            let figures = StatementFigures {
                sessions_present: figures.sessions_present,
                hours: figures.hours,
                items: figures
                    .items
                    .into_iter()
                    .map(|item| StatementLine {
                        organisation_name: item.organisation_name,
                        offer_title: item.offer_title,
                        kind: item.kind,
                        sessions_present: item.sessions_present,
                        hours: item.hours,
                    })
                    .collect(),
            };
            let statement = Statement {
                code: new_code(),
                resident_id: user.id.clone(),
                from_day: from.to_string(),
                to_day: to.to_string(),
                lang: lang.as_str().to_string(),
                figures: serde_json::to_string(&figures).map_err(AppError::internal)?,
                created_at: clock.now_naive(),
                revoked_at: None,
            };
            repo::insert(conn, &statement)?;
            mine(statement)
        })
        .await
}

/// The resident's statements, newest first.
pub async fn list(state: &AppState, user: AuthUser) -> Result<MyStatementList, AppError> {
    state
        .db
        .run(move |conn| {
            let items = repo::of_resident(conn, &user.id)?
                .into_iter()
                .map(mine)
                .collect::<Result<_, _>>()?;
            Ok(MyStatementList { items })
        })
        .await
}

/// The PDF of one of the resident's own statements (also a revoked one: it is theirs).
pub async fn pdf(state: &AppState, user: AuthUser, code: String) -> Result<Vec<u8>, AppError> {
    let code = normalise(&code);
    let municipality = state.settings.municipality.name.clone();
    let check_url = format!(
        "{}/verklaring/{code}",
        state.settings.app.public_url.trim_end_matches('/')
    );
    let statement = state
        .db
        .run(move |conn| {
            let statement = repo::find(conn, &code)?
                .filter(|s| s.resident_id == user.id)
                .ok_or(AppError::NotFound)?;
            let name = profiles::service::display_name(conn, &user.id)?
                .map(|(n, _)| n)
                .unwrap_or_default();
            Ok((statement, name))
        })
        .await?;
    let (statement, resident_name) = statement;
    let figures = figures_of(&statement)?;
    let heading = pdf::Heading {
        resident_name,
        from: day(&statement.from_day),
        to: day(&statement.to_day),
        issued: statement.created_at.date(),
        code: statement.code,
        municipality,
        check_url,
    };
    let locale = Locale::from_db(&statement.lang);
    // Drawing a PDF is CPU work: off the async workers.
    actix_web::web::block(move || pdf::render(&heading, &figures, locale))
        .await
        .map_err(AppError::internal)?
}

/// Anyone with the code sees the same figures as the PDF; a revoked or unknown code is 404.
pub async fn verify(state: &AppState, code: String) -> Result<VerifiedStatement, AppError> {
    let code = normalise(&code);
    state
        .db
        .run(move |conn| {
            let statement = repo::find(conn, &code)?
                .filter(|s| s.revoked_at.is_none())
                .ok_or(AppError::NotFound)?;
            let resident_name = profiles::service::display_name(conn, &statement.resident_id)?
                .map(|(n, _)| n)
                .unwrap_or_default();
            Ok(VerifiedStatement {
                figures: figures_of(&statement)?,
                resident_name,
                from: day(&statement.from_day),
                to: day(&statement.to_day),
                issued_at: statement.created_at.and_utc(),
                code: statement.code,
            })
        })
        .await
}

/// The resident revokes their statement: its code no longer checks out.
pub async fn revoke(state: &AppState, user: AuthUser, code: String) -> Result<(), AppError> {
    let code = normalise(&code);
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            if repo::revoke(conn, &code, &user.id, clock.now_naive())? {
                Ok(())
            } else {
                Err(AppError::NotFound)
            }
        })
        .await
}

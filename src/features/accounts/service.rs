//! Account rules: registration without account enumeration, email verification, sign-in with
//! rotating refresh tokens, password reset.

use chrono::{DateTime, TimeDelta, Timelike, Utc};

use super::dto::{LoginRequest, MeResponse, PasswordResetConfirmRequest, RegisterRequest};
use super::models::{
    NewOneTimeToken, NewRefreshToken, NewSession, NewUser, RevokeReason, TokenPurpose, User,
};
use super::repo;
use crate::auth::{AuthUser, Role, normalize_email, password, tokens};
use crate::db::ids::{SessionId, TokenId, UserId};
use crate::db::tx::Tx;
use crate::db::{DbConn, write_transaction};
use crate::error::{AppError, ErrorCode, FieldError, FieldErrors};
use crate::features::organisations::dto::Membership;
use crate::features::organisations::service::memberships_of;
use crate::http::rate_limit::Action;
use crate::locale::Locale;
use crate::mail::outbox;
use crate::mail::templates::Email;
use crate::state::AppState;

pub const VERIFY_EMAIL_TTL: TimeDelta = TimeDelta::hours(48);
pub const PASSWORD_RESET_TTL: TimeDelta = TimeDelta::hours(1);
const MAX_DISPLAY_NAME_CHARS: usize = 80;

/// A fresh pair of tokens and who they belong to.
pub struct SignedIn {
    pub access_token: String,
    pub refresh_token: String,
    pub expires_in: i64,
    pub user: AuthUser,
    pub organisations: Vec<Membership>,
}

fn link_invalid() -> AppError {
    AppError::bad_request(
        ErrorCode::LinkInvalid,
        "This link is not valid (any more). Ask for a new one.",
    )
}

fn valid_display_name(raw: &str) -> Result<String, FieldError> {
    let name = crate::validate::single_line("display_name", raw)?;
    if name.is_empty() {
        return Err(FieldError::new(
            "display_name",
            ErrorCode::Required,
            "Fill in a name.",
        ));
    }
    if name.chars().count() > MAX_DISPLAY_NAME_CHARS {
        return Err(FieldError::new(
            "display_name",
            ErrorCode::Invalid,
            format!("Use at most {MAX_DISPLAY_NAME_CHARS} characters, on one line."),
        ));
    }
    Ok(name)
}

/// Links in emails point at the SPA's pages.
fn link(state: &AppState, path: &str) -> String {
    format!(
        "{}{path}",
        state.settings.app.public_url.trim_end_matches('/')
    )
}

/// Access tokens carry whole seconds; a token issued in the same second as a password change must
/// stay valid, so "tokens valid after" is stored in whole seconds.
fn whole_seconds(time: DateTime<Utc>) -> chrono::NaiveDateTime {
    time.with_nanosecond(0).unwrap_or(time).naive_utc()
}

async fn hash_password(state: &AppState, password: String) -> Result<String, AppError> {
    state
        .hashing
        .run(move |memory| password::hash_with(memory, &password))
        .await?
        .map_err(AppError::internal)
}

/// Registers an account. Answers the same whether or not the address is known: a known address gets
/// an email saying so instead of a second account. Both paths hash a password, so they take equal time.
pub async fn register(
    state: &AppState,
    request: RegisterRequest,
    ip: &str,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    let email = errors.check(crate::validate::email("email", &request.email));
    let display_name = errors.check(valid_display_name(&request.display_name));
    let context = [request.email.as_str(), request.display_name.as_str()];
    errors.check(password::check_strength(&request.password, &context));
    errors.finish()?;
    let (Some(email), Some(display_name)) = (email, display_name) else {
        return Err(AppError::internal("checked fields without values"));
    };
    state.limits.check(Action::Register, ip, &email)?;

    let password_hash = hash_password(state, request.password).await?;
    let locale = request.locale.unwrap_or_default();
    let verify_base = link(state, "/verify-email?token=");
    let sign_in_link = link(state, "/login");
    let reset_link = link(state, "/forgot-password");
    let clock = state.clock.clone();
    let outcome = state
        .write(move |conn| {
            let now = clock.now_naive();
            if let Some(existing) = repo::find_user_by_email(conn, &email)? {
                let message = Email::AlreadyRegistered {
                    name: &existing.display_name,
                    sign_in_link: &sign_in_link,
                    reset_link: &reset_link,
                }
                .render(Locale::from_db(&existing.locale));
                outbox::enqueue(conn, now, &existing.email, &message)?;
                return Ok(());
            }
            let user_id = UserId::new();
            repo::insert_user(
                conn,
                &NewUser {
                    id: &user_id,
                    email: &email,
                    display_name: &display_name,
                    password_hash: &password_hash,
                    locale: locale.as_str(),
                    email_verified: false,
                    tokens_valid_after: now,
                    created_at: now,
                    updated_at: now,
                },
            )?;
            repo::insert_role(conn, &user_id, Role::Resident.as_str(), now)?;
            let to = Recipient {
                id: &user_id,
                name: &display_name,
                email: &email,
                locale,
            };
            send_verification_link(conn, &to, &verify_base, now)
        })
        .await;
    match outcome {
        // A concurrent registration of the same address won the race; answer as for a known address.
        Err(AppError::Conflict { .. }) | Ok(()) => {}
        Err(other) => return Err(other),
    }
    Ok(())
}

/// Makes a single-use token, stores its digest and returns the secret for the link.
fn issue_one_time_token(
    conn: &mut DbConn,
    user_id: &UserId,
    purpose: TokenPurpose,
    now: chrono::NaiveDateTime,
    ttl: TimeDelta,
) -> Result<String, AppError> {
    let token = tokens::generate();
    repo::insert_one_time_token(
        conn,
        &NewOneTimeToken {
            id: TokenId::new(),
            user_id,
            purpose: purpose.as_str(),
            token_hash: &tokens::digest(&token),
            created_at: now,
            expires_at: now + ttl,
        },
    )?;
    Ok(token)
}

/// Whom an account email goes to.
struct Recipient<'a> {
    id: &'a UserId,
    name: &'a str,
    email: &'a str,
    locale: Locale,
}

/// Queues an email with a new verification link (`verify_base` + a fresh single-use token).
fn send_verification_link(
    conn: &mut Tx,
    to: &Recipient,
    verify_base: &str,
    now: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    let token = issue_one_time_token(
        conn,
        to.id,
        TokenPurpose::VerifyEmail,
        now,
        VERIFY_EMAIL_TTL,
    )?;
    let verify_link = format!("{verify_base}{token}");
    let message = Email::VerifyEmail {
        name: to.name,
        link: &verify_link,
    }
    .render(to.locale);
    outbox::enqueue(conn, now, to.email, &message)?;
    Ok(())
}

/// Confirms an email address with the token from the verification link. Single use, 48 hours.
pub async fn verify_email(state: &AppState, token: String) -> Result<(), AppError> {
    let token_hash = tokens::digest(&token);
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let now = clock.now_naive();
            let token = repo::find_one_time_token(conn, &token_hash, TokenPurpose::VerifyEmail)?
                .ok_or_else(link_invalid)?;
            // A second click on the link (or a mail scanner's first) finds it spent: the address
            // is confirmed all the same, so say so instead of "ask for a new link".
            if token.used_at.is_some() {
                return Ok(());
            }
            if token.expires_at <= now || !repo::spend_one_time_token(conn, &token, now)? {
                return Err(link_invalid());
            }
            repo::set_email_verified(conn, &token.user_id, now)?;
            Ok(())
        })
        .await
}

/// Signs in with email and password. Unknown email and wrong password fail alike, in equal time.
pub async fn login(
    state: &AppState,
    request: LoginRequest,
    ip: &str,
) -> Result<SignedIn, AppError> {
    let email = normalize_email(&request.email);
    state.limits.check(Action::Login, ip, &email)?;
    let user = state
        .db
        .run(move |conn| Ok(repo::find_user_by_email(conn, &email)?))
        .await?;
    let stored_hash = match &user {
        Some(user) => user.password_hash.clone(),
        None => state.dummy_password_hash.as_ref().clone(),
    };
    let password = request.password;
    let matches = state
        .hashing
        .run(move |memory| password::verify_with(memory, &password, &stored_hash))
        .await?;
    match user {
        Some(user) if matches => start_session(state, user).await,
        _ => Err(AppError::Unauthenticated {
            code: ErrorCode::InvalidCredentials,
        }),
    }
}

/// Opens a session (a refresh-token family) and issues its first pair of tokens.
async fn start_session(state: &AppState, user: User) -> Result<SignedIn, AppError> {
    let session_id = SessionId::new();
    let refresh_token = tokens::generate();
    let refresh_hash = tokens::digest(&refresh_token);
    let clock = state.clock.clone();
    let refresh_ttl = TimeDelta::days(state.settings.auth.refresh_token_days);
    let (user, roles, organisations) = {
        let session_id = session_id.clone();
        state
            .write(move |conn| {
                let now = clock.now_naive();
                repo::insert_session(
                    conn,
                    &NewSession {
                        id: &session_id,
                        user_id: &user.id,
                        created_at: now,
                    },
                )?;
                repo::insert_refresh_token(
                    conn,
                    &NewRefreshToken {
                        id: TokenId::new(),
                        session_id: &session_id,
                        token_hash: &refresh_hash,
                        created_at: now,
                        expires_at: now + refresh_ttl,
                    },
                )?;
                let roles = repo::roles_of(conn, &user.id)?;
                let organisations = memberships_of(conn, &user.id)?;
                Ok((user, roles, organisations))
            })
            .await?
    };
    signed_in(state, user, roles, organisations, session_id, refresh_token)
}

fn signed_in(
    state: &AppState,
    user: User,
    roles: Vec<String>,
    organisations: Vec<Membership>,
    session_id: SessionId,
    refresh_token: String,
) -> Result<SignedIn, AppError> {
    let access_token = state
        .keys
        .issue(&user.id, &session_id, state.clock.now())
        .map_err(AppError::internal)?;
    Ok(SignedIn {
        access_token,
        refresh_token,
        expires_in: state.keys.access_ttl.num_seconds(),
        user: AuthUser::new(user, session_id, &roles),
        organisations,
    })
}

enum RefreshOutcome {
    Rotated {
        user: Box<User>,
        roles: Vec<String>,
        organisations: Vec<Membership>,
        session_id: SessionId,
    },
    /// A spent token came back: someone holds a copy. The whole session is revoked.
    Reused,
    Invalid,
}

/// Exchanges a refresh token for a new pair. Each token works once; presenting a spent one revokes
/// its whole session, so a thief and the owner are both signed out and the owner signs in again.
pub async fn refresh(state: &AppState, refresh_token: String) -> Result<SignedIn, AppError> {
    let presented_hash = tokens::digest(&refresh_token);
    let next_token = tokens::generate();
    let next_hash = tokens::digest(&next_token);
    let clock = state.clock.clone();
    let refresh_ttl = TimeDelta::days(state.settings.auth.refresh_token_days);
    let outcome = state
        .write(move |conn| {
            let now = clock.now_naive();
            let Some(token) = repo::find_refresh_token(conn, &presented_hash)? else {
                return Ok(RefreshOutcome::Invalid);
            };
            let Some(session) = repo::find_session(conn, &token.session_id)? else {
                return Ok(RefreshOutcome::Invalid);
            };
            if session.revoked_at.is_some() {
                return Ok(RefreshOutcome::Invalid);
            }
            if token.used_at.is_some() {
                repo::revoke_session(conn, &session, RevokeReason::TokenReuse, now)?;
                return Ok(RefreshOutcome::Reused);
            }
            if token.expires_at <= now {
                return Ok(RefreshOutcome::Invalid);
            }
            if !repo::spend_refresh_token(conn, &token, now)? {
                repo::revoke_session(conn, &session, RevokeReason::TokenReuse, now)?;
                return Ok(RefreshOutcome::Reused);
            }
            repo::insert_refresh_token(
                conn,
                &NewRefreshToken {
                    id: TokenId::new(),
                    session_id: &session.id,
                    token_hash: &next_hash,
                    created_at: now,
                    expires_at: now + refresh_ttl,
                },
            )?;
            let user = repo::find_user(conn, &session.user_id)?.ok_or(AppError::NotFound)?;
            let roles = repo::roles_of(conn, &user.id)?;
            let organisations = memberships_of(conn, &user.id)?;
            Ok(RefreshOutcome::Rotated {
                user: Box::new(user),
                roles,
                organisations,
                session_id: session.id,
            })
        })
        .await?;
    match outcome {
        RefreshOutcome::Rotated {
            user,
            roles,
            organisations,
            session_id,
        } => signed_in(state, *user, roles, organisations, session_id, next_token),
        RefreshOutcome::Reused => Err(AppError::Unauthenticated {
            code: ErrorCode::RefreshTokenReused,
        }),
        RefreshOutcome::Invalid => Err(AppError::Unauthenticated {
            code: ErrorCode::RefreshTokenInvalid,
        }),
    }
}

/// Ends the session the refresh token belongs to; its access tokens stop working at once.
/// Answers alike for unknown tokens, so it reveals nothing.
pub async fn logout(state: &AppState, refresh_token: String) -> Result<(), AppError> {
    let presented_hash = tokens::digest(&refresh_token);
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            if let Some(token) = repo::find_refresh_token(conn, &presented_hash)?
                && let Some(session) = repo::find_session(conn, &token.session_id)?
            {
                repo::revoke_session(conn, &session, RevokeReason::Logout, clock.now_naive())?;
            }
            Ok(())
        })
        .await
}

/// Sends a reset link when the address has an account; answers alike when it has not.
pub async fn request_password_reset(
    state: &AppState,
    raw_email: &str,
    ip: &str,
) -> Result<(), AppError> {
    let email = crate::validate::email("email", raw_email)?;
    state.limits.check(Action::PasswordReset, ip, &email)?;
    let reset_base = link(state, "/reset-password?token=");
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let now = clock.now_naive();
            if let Some(user) = repo::find_user_by_email(conn, &email)? {
                let token = issue_one_time_token(
                    conn,
                    &user.id,
                    TokenPurpose::PasswordReset,
                    now,
                    PASSWORD_RESET_TTL,
                )?;
                let reset_link = format!("{reset_base}{token}");
                let message = Email::PasswordReset {
                    name: &user.display_name,
                    link: &reset_link,
                }
                .render(Locale::from_db(&user.locale));
                outbox::enqueue(conn, now, &user.email, &message)?;
            }
            Ok(())
        })
        .await?;
    Ok(())
}

/// Sends a fresh verification link when the address has an account that is not yet confirmed;
/// answers alike for an unknown or an already confirmed address. Older links stay valid until
/// they expire, so a person who finds the first email after all can still use it.
pub async fn resend_verification(
    state: &AppState,
    raw_email: &str,
    ip: &str,
) -> Result<(), AppError> {
    let email = crate::validate::email("email", raw_email)?;
    state.limits.check(Action::ResendVerification, ip, &email)?;
    let verify_base = link(state, "/verify-email?token=");
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let now = clock.now_naive();
            let Some(user) = repo::find_user_by_email(conn, &email)? else {
                return Ok(());
            };
            if user.email_verified {
                return Ok(());
            }
            let to = Recipient {
                id: &user.id,
                name: &user.display_name,
                email: &user.email,
                locale: Locale::from_db(&user.locale),
            };
            send_verification_link(conn, &to, &verify_base, now)
        })
        .await
}

/// Sets a new password with the token from the reset link (single use, one hour), signs the user
/// out everywhere and tells them by email. The link proves the address, so it counts as verified.
pub async fn confirm_password_reset(
    state: &AppState,
    request: PasswordResetConfirmRequest,
) -> Result<(), AppError> {
    let token_hash = tokens::digest(&request.token);
    let now = state.clock.now_naive();
    let found = state
        .db
        .run(move |conn| {
            let Some(token) =
                repo::find_one_time_token(conn, &token_hash, TokenPurpose::PasswordReset)?
            else {
                return Ok(None);
            };
            Ok(repo::find_user(conn, &token.user_id)?.map(|user| (token, user)))
        })
        .await?;
    let (token, user) = found
        .filter(|(token, _)| token.used_at.is_none() && token.expires_at > now)
        .ok_or_else(link_invalid)?;
    password::check_strength(&request.password, &[&user.email, &user.display_name])?;
    let password_hash = hash_password(state, request.password).await?;
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let now = clock.now();
            if !repo::spend_one_time_token(conn, &token, now.naive_utc())? {
                return Err(link_invalid());
            }
            repo::set_password(conn, &user.id, &password_hash, whole_seconds(now))?;
            repo::spend_all_tokens(conn, &user.id, TokenPurpose::PasswordReset, now.naive_utc())?;
            repo::set_email_verified(conn, &user.id, now.naive_utc())?;
            repo::revoke_all_sessions(
                conn,
                &user.id,
                RevokeReason::PasswordReset,
                now.naive_utc(),
            )?;
            let message = Email::PasswordChanged {
                name: &user.display_name,
            }
            .render(Locale::from_db(&user.locale));
            outbox::enqueue(conn, now.naive_utc(), &user.email, &message)?;
            Ok(())
        })
        .await?;
    Ok(())
}

/// Creates a verified account with the given roles, or adds the roles to an existing account.
/// Used by the CLI (`meedoen admin create`) and the demo seed; runs synchronously.
pub fn ensure_user(
    conn: &mut DbConn,
    now: chrono::NaiveDateTime,
    raw_email: &str,
    raw_name: &str,
    plain_password: &str,
    roles: &[Role],
) -> Result<(UserId, bool), AppError> {
    let email = crate::validate::email("email", raw_email)?;
    let name = valid_display_name(raw_name)?;
    write_transaction(conn, |conn| {
        // Run from the CLI next to a running server, too: the change is logged for its poller.
        let mut tx = Tx::new(conn);
        let (user_id, created) = {
            let conn = &mut tx;
            let (user_id, created) = match repo::find_user_by_email(conn, &email)? {
                Some(existing) => (existing.id, false),
                None => {
                    let password_hash =
                        password::hash(plain_password).map_err(AppError::internal)?;
                    let user_id = UserId::new();
                    repo::insert_user(
                        conn,
                        &NewUser {
                            id: &user_id,
                            email: &email,
                            display_name: &name,
                            password_hash: &password_hash,
                            locale: Locale::Nl.as_str(),
                            email_verified: true,
                            tokens_valid_after: now,
                            created_at: now,
                            updated_at: now,
                        },
                    )?;
                    (user_id, true)
                }
            };
            let held = repo::roles_of(conn, &user_id)?;
            for role in roles {
                if !held.iter().any(|r| r == role.as_str()) {
                    repo::insert_role(conn, &user_id, role.as_str(), now)?;
                }
            }
            (user_id, created)
        };
        let effects = tx.into_effects();
        crate::catalog::record(conn, &effects, now)?;
        Ok((user_id, created))
    })
}

/// Checks a password for an account made outside the web flow (the CLI).
pub fn check_new_password(password: &str, email: &str, name: &str) -> Result<(), AppError> {
    Ok(password::check_strength(password, &[email, name])?)
}

/// The account with this address, for other features' services (adding a member, making a
/// worker): a malformed address or one without an account is a field error on `field`.
pub fn existing_account(
    conn: &mut DbConn,
    field: &str,
    raw_email: &str,
) -> Result<UserId, AppError> {
    let email = crate::validate::email(field, raw_email)?;
    repo::find_user_by_email(conn, &email)?
        .map(|user| user.id)
        .ok_or_else(|| {
            AppError::field(
                field,
                ErrorCode::NoAccount,
                "Nobody has a Meedoen account with this address yet.",
            )
        })
}

/// The user as if signed in, for work done on their behalf outside a request (the demo seed).
/// The session id belongs to no stored session, so nothing can sign in with it.
pub fn acting_as(conn: &mut DbConn, id: &UserId) -> Result<AuthUser, AppError> {
    let user = repo::find_user(conn, id)?.ok_or(AppError::NotFound)?;
    let roles = repo::roles_of(conn, &user.id)?;
    Ok(AuthUser::new(user, SessionId::new(), &roles))
}

/// The signed-in user with their organisations.
pub async fn me(state: &AppState, user: AuthUser) -> Result<MeResponse, AppError> {
    let user_id = user.id.clone();
    let organisations = state
        .db
        .run(move |conn| memberships_of(conn, &user_id))
        .await?;
    Ok(MeResponse::new(&user, organisations))
}

/// Gives a user a role (no-op when they have it).
pub fn grant_role(
    conn: &mut Tx,
    user_id: &UserId,
    role: Role,
    now: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    if !repo::roles_of(conn, user_id)?
        .iter()
        .any(|r| r == role.as_str())
    {
        repo::insert_role(conn, user_id, role.as_str(), now)?;
    }
    Ok(())
}

/// Takes a role away and ends the user's access tokens, so the role is gone at once.
/// False when the user did not have it.
pub fn revoke_role(
    conn: &mut Tx,
    user_id: &UserId,
    role: Role,
    now: chrono::NaiveDateTime,
) -> Result<bool, AppError> {
    if !repo::delete_role(conn, user_id, role.as_str())? {
        return Ok(false);
    }
    // Rounded up to the next second: tokens carry whole seconds, and every token issued until
    // now must die, even one issued earlier in this same second.
    let next_second = now.with_nanosecond(0).unwrap_or(now) + chrono::TimeDelta::seconds(1);
    repo::set_tokens_valid_after(conn, user_id, next_second)?;
    Ok(true)
}

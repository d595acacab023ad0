//! Extractors that authenticate the caller. Roles and session state come from the database, never
//! from the token: read once per session and kept in memory in step with every write that changes
//! them (`catalog::accounts`), so a revoked session or a removed role takes effect at once in this
//! process and within the change poll in the others.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use chrono::SubsecRound;
use futures_util::future::LocalBoxFuture;

use std::sync::Arc;

use super::Role;
use crate::catalog::accounts::SessionView;
use crate::db::ids::{SessionId, UserId};
use crate::error::{AppError, ErrorCode};
use crate::features::accounts::models::User;
use crate::features::accounts::repo;
use crate::locale::Locale;
use crate::state::AppState;

/// A signed-in user with a live session.
#[derive(Debug, Clone)]
pub struct AuthUser {
    pub id: UserId,
    pub session_id: SessionId,
    pub email: String,
    pub display_name: String,
    pub locale: Locale,
    pub email_verified: bool,
    pub roles: Vec<Role>,
}

impl AuthUser {
    /// The user in a session, with the roles stored for them (unknown role names are skipped).
    pub fn new(user: User, session_id: SessionId, roles: &[String]) -> Self {
        Self {
            id: user.id,
            session_id,
            email: user.email,
            display_name: user.display_name,
            locale: Locale::from_db(&user.locale),
            email_verified: user.email_verified,
            roles: roles
                .iter()
                .filter_map(|role| Role::from_db(role))
                .collect(),
        }
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Refuses unverified accounts the actions that need a confirmed address.
    pub fn require_verified(&self) -> Result<(), AppError> {
        if self.email_verified {
            Ok(())
        } else {
            Err(AppError::email_not_verified())
        }
    }
}

fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

async fn authenticate(
    state: web::Data<AppState>,
    token: Option<String>,
) -> Result<AuthUser, AppError> {
    let token = token.ok_or_else(AppError::unauthenticated)?;
    let verified =
        state
            .keys
            .verify(&token, state.clock.now())
            .ok_or(AppError::Unauthenticated {
                code: ErrorCode::TokenInvalid,
            })?;
    let issued_at = verified.issued_at.naive_utc();
    let view = session_view(&state, verified.user_id, verified.session_id).await?;
    let (user, session) = (&view.user, &view.session);
    // A token's iat has whole seconds, so compare against whole seconds.
    if session.revoked_at.is_some() || issued_at < user.tokens_valid_after.trunc_subsecs(0) {
        return Err(AppError::Unauthenticated {
            code: ErrorCode::TokenRevoked,
        });
    }
    Ok(AuthUser::new(user.clone(), session.id.clone(), &view.roles))
}

/// The user, session and roles behind a token: from memory while nothing about the user's sign-in
/// changed since they were read (`catalog::accounts`), else from the database, and kept.
async fn session_view(
    state: &AppState,
    user_id: UserId,
    session_id: SessionId,
) -> Result<Arc<SessionView>, AppError> {
    let kept = &state.catalog.accounts;
    if let Some(view) = kept.get(&user_id, &session_id) {
        return Ok(view);
    }
    // Noted before the read: a change applied after it keeps this read from being kept.
    let version = state.catalog.version();
    let view = state
        .db
        .run(move |conn| {
            let (user, session) = repo::find_user_with_session(conn, &user_id, &session_id)?
                .ok_or(AppError::Unauthenticated {
                    code: ErrorCode::TokenInvalid,
                })?;
            let roles = repo::roles_of(conn, &user.id)?;
            Ok(SessionView {
                user,
                session,
                roles,
            })
        })
        .await?;
    let view = Arc::new(view);
    kept.keep(version, view.clone());
    Ok(view)
}

impl FromRequest for AuthUser {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer_token(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| AppError::internal("AppState missing"))?;
            authenticate(state, token).await
        })
    }
}

/// Declares an extractor that requires one role on top of being signed in.
macro_rules! role_extractor {
    ($(#[$doc:meta])* $name:ident, $role:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(pub AuthUser);

        impl FromRequest for $name {
            type Error = AppError;
            type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

            fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
                let user = AuthUser::from_request(req, payload);
                Box::pin(async move {
                    let user = user.await?;
                    if user.has_role($role) {
                        Ok($name(user))
                    } else {
                        Err(AppError::role_required())
                    }
                })
            }
        }
    };
}

role_extractor!(
    /// A signed-in municipal coordinator.
    Admin,
    Role::Admin
);
role_extractor!(
    /// A signed-in neighbourhood worker.
    Worker,
    Role::Worker
);
role_extractor!(
    /// A signed-in resident.
    Resident,
    Role::Resident
);

/// The caller if signed in, for public endpoints that show more to some callers. A token that is
/// sent but not valid is still refused (401), so a client notices its session ended.
#[derive(Debug, Clone)]
pub struct MaybeUser(pub Option<AuthUser>);

impl FromRequest for MaybeUser {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        if req.headers().get(header::AUTHORIZATION).is_none() {
            return Box::pin(async { Ok(MaybeUser(None)) });
        }
        let user = AuthUser::from_request(req, payload);
        Box::pin(async move { Ok(MaybeUser(Some(user.await?))) })
    }
}

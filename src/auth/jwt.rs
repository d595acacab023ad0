//! Access tokens: short-lived HS256 JWTs checked per RFC 8725 (algorithm pinned; exp, iat, iss,
//! aud and sub required and checked). They carry identity and session only: roles are read from
//! the database on every request.

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};

use crate::config::{Environment, Settings};
use crate::db::ids::{SessionId, UserId};

/// Allowed clock difference between servers, in seconds (RFC 8725 suggests keeping it small).
pub const LEEWAY_SECS: i64 = 30;

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    /// The session (refresh-token family) this token belongs to.
    pub sid: String,
    pub iat: i64,
    pub exp: i64,
    pub iss: String,
    pub aud: String,
}

/// A verified access token.
#[derive(Debug, Clone)]
pub struct VerifiedToken {
    pub user_id: UserId,
    pub session_id: SessionId,
    pub issued_at: DateTime<Utc>,
}

#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    issuer: String,
    audience: String,
    pub access_ttl: Duration,
}

impl JwtKeys {
    pub fn new(secret: &[u8], issuer: &str, audience: &str, access_ttl: Duration) -> Self {
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            issuer: issuer.into(),
            audience: audience.into(),
            access_ttl,
        }
    }

    /// The configured secret, or in development one generated once and kept in the data folder.
    pub fn from_settings(settings: &Settings) -> Result<Self, String> {
        let secret = match &settings.auth.jwt_secret {
            Some(secret) => secret.as_bytes().to_vec(),
            None if settings.app.environment == Environment::Development => {
                development_secret(&settings.app.data_dir.join("jwt_secret"))?
            }
            None => return Err("invalid setting auth.jwt_secret: required in production".into()),
        };
        Ok(Self::new(
            &secret,
            &settings.auth.issuer,
            &settings.auth.audience,
            Duration::minutes(settings.auth.access_token_minutes),
        ))
    }

    pub fn issue(
        &self,
        user_id: &UserId,
        session_id: &SessionId,
        now: DateTime<Utc>,
    ) -> Result<String, jsonwebtoken::errors::Error> {
        let claims = Claims {
            sub: user_id.to_string(),
            sid: session_id.to_string(),
            iat: now.timestamp(),
            exp: (now + self.access_ttl).timestamp(),
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
    }

    /// Verifies signature, algorithm, issuer, audience and the presence of every required claim;
    /// expiry is checked against `now` (the app's clock) so tests can move time.
    pub fn verify(&self, token: &str, now: DateTime<Utc>) -> Option<VerifiedToken> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[&self.issuer]);
        validation.set_audience(&[&self.audience]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        validation.leeway = LEEWAY_SECS as u64;
        validation.validate_exp = false;
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &validation).ok()?;
        let claims = data.claims;
        let now_secs = now.timestamp();
        if claims.exp + LEEWAY_SECS < now_secs || claims.iat - LEEWAY_SECS > now_secs {
            return None;
        }
        Some(VerifiedToken {
            user_id: UserId(claims.sub),
            session_id: SessionId(claims.sid),
            issued_at: DateTime::from_timestamp(claims.iat, 0)?,
        })
    }
}

fn development_secret(path: &Path) -> Result<Vec<u8>, String> {
    if let Ok(existing) = std::fs::read_to_string(path) {
        return STANDARD.decode(existing.trim()).map_err(|e| {
            format!(
                "the development JWT secret in {} is damaged: {e}",
                path.display()
            )
        });
    }
    let mut secret = [0u8; 48];
    rand::rng().fill_bytes(&mut secret);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    write_private(path, &STANDARD.encode(secret))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(secret.to_vec())
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> JwtKeys {
        JwtKeys::new(
            b"0123456789abcdef0123456789abcdef",
            "meedoen",
            "meedoen-api",
            Duration::minutes(15),
        )
    }

    #[test]
    fn round_trip_and_expiry() {
        let now = Utc::now();
        let token = keys()
            .issue(&UserId("u1".into()), &SessionId("s1".into()), now)
            .unwrap();
        let verified = keys().verify(&token, now).unwrap();
        assert_eq!(verified.user_id.as_str(), "u1");
        assert_eq!(verified.session_id.as_str(), "s1");
        assert!(
            keys()
                .verify(&token, now + Duration::minutes(15) + Duration::seconds(29))
                .is_some()
        );
        assert!(keys().verify(&token, now + Duration::minutes(16)).is_none());
    }

    #[test]
    fn refuses_other_keys_audiences_and_algorithms() {
        let now = Utc::now();
        let token = keys()
            .issue(&UserId("u1".into()), &SessionId("s1".into()), now)
            .unwrap();
        let other_secret = JwtKeys::new(
            b"ffffffffffffffffffffffffffffffff",
            "meedoen",
            "meedoen-api",
            Duration::minutes(15),
        );
        assert!(other_secret.verify(&token, now).is_none());
        let other_audience = JwtKeys::new(
            b"0123456789abcdef0123456789abcdef",
            "meedoen",
            "elsewhere",
            Duration::minutes(15),
        );
        assert!(other_audience.verify(&token, now).is_none());
        // An unsigned token ("alg": "none") is refused.
        let payload = token.split('.').nth(1).unwrap();
        let unsigned = format!("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{payload}.");
        assert!(keys().verify(&unsigned, now).is_none());
    }
}

//! Password hashing with argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane),
//! and the strength rule for new passwords.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::error::{AppError, FieldError};

pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longer passwords only cost hashing time; nobody types more.
pub const MAX_PASSWORD_CHARS: usize = 128;

fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("static argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into a PHC string. CPU-heavy: call it inside `web::block`.
pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    Ok(hasher().hash_password(password.as_bytes())?.to_string())
}

/// Checks a password against a stored PHC string. CPU-heavy: call it inside `web::block`.
pub fn verify(password: &str, stored_hash: &str) -> bool {
    PasswordHash::new(stored_hash)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A fixed number of hashing slots. Each hash takes 19 MiB and tens of milliseconds of one core:
/// more at once than there are cores only adds memory, not speed. A request that finds no free
/// slot within the wait gets 503 with Retry-After instead of piling up.
pub struct HashingSlots {
    permits: tokio::sync::Semaphore,
    slots: usize,
    wait: std::time::Duration,
}

impl HashingSlots {
    /// `slots` 0 means one per CPU core.
    pub fn new(slots: usize, wait: std::time::Duration) -> Self {
        let slots = match slots {
            0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
            n => n,
        };
        Self {
            permits: tokio::sync::Semaphore::new(slots),
            slots,
            wait,
        }
    }

    pub fn slots(&self) -> usize {
        self.slots
    }

    /// Runs `work` (hashing or verifying) on the blocking pool once a slot is free.
    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let _slot = tokio::time::timeout(self.wait, self.permits.acquire())
            .await
            .map_err(|_| AppError::Unavailable)?
            .map_err(|_| AppError::Unavailable)?;
        Ok(actix_web::web::block(work).await?)
    }
}

/// Refuses passwords that are short or easy to guess. zxcvbn gets the user's own words as context
/// so "jan.jansen2024" is weak for Jan Jansen.
pub fn check_strength(password: &str, context: &[&str]) -> Result<(), FieldError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(FieldError::new(
            "password",
            "password_too_short",
            format!("Use at least {MIN_PASSWORD_CHARS} characters."),
        ));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(FieldError::new(
            "password",
            "password_too_long",
            format!("Use at most {MAX_PASSWORD_CHARS} characters."),
        ));
    }
    // The whole strings, their parts and their letters run together: "jan.jansen@example.nl"
    // also gives "jan", "jansen" and "janjansen".
    let mut inputs: Vec<String> = vec!["meedoen".into()];
    for text in context {
        let local = text.split('@').next().unwrap_or(text);
        inputs.push(text.to_string());
        inputs.push(local.chars().filter(|c| c.is_alphanumeric()).collect());
        inputs.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|word| word.len() >= 3)
                .map(str::to_string),
        );
    }
    let inputs: Vec<&str> = inputs
        .iter()
        .map(String::as_str)
        .filter(|word| !word.is_empty())
        .collect();
    let score = zxcvbn::zxcvbn(password, &inputs).score();
    if (score as u8) < 3 {
        return Err(FieldError::new(
            "password",
            "password_too_weak",
            "This password is easy to guess. Use a few unrelated words or more varied characters.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ_per_salt() {
        let first = hash("correct horse battery staple").unwrap();
        let second = hash("correct horse battery staple").unwrap();
        assert_ne!(first, second);
        assert!(first.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("correct horse battery staple", &first));
        assert!(!verify("correct horse battery stapler", &first));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn strength_rules() {
        assert_eq!(
            check_strength("short", &[]).unwrap_err().code,
            "password_too_short"
        );
        assert_eq!(
            check_strength("aaaaaaaaaaaa", &[]).unwrap_err().code,
            "password_too_weak"
        );
        assert_eq!(
            check_strength("Meedoen2026!", &[]).unwrap_err().code,
            "password_too_weak"
        );
        assert_eq!(
            check_strength("janjansen1970", &["jan.jansen@example.nl", "Jan Jansen"])
                .unwrap_err()
                .code,
            "password_too_weak"
        );
        assert!(check_strength("fiets-tulp-regen-molen", &[]).is_ok());
    }
}

//! Password hashing with argon2id at one of OWASP's equivalent minimums (9 MiB, 4 passes, 1 lane:
//! "an equal level of defense" as 19 MiB with 2 passes, at the same CPU time and half the memory, so
//! a flood of sign-ins keeps the server under its memory target), and the strength rule for new
//! passwords. Hashes made with other parameters (19 MiB before 2026-12-07) verify with their own.

use std::sync::Mutex;

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};

use crate::error::{AppError, ErrorCode, FieldError};

pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longer passwords only cost hashing time; nobody types more.
pub const MAX_PASSWORD_CHARS: usize = 128;

fn params() -> Params {
    Params::new(9 * 1024, 4, 1, None).expect("static argon2 parameters are valid")
}

/// The working memory of one hash (9 MiB at our parameters), kept and reused so that a burst of
/// sign-ins does not allocate, fault in and return 9 MiB per attempt. argon2 overwrites every
/// block before it reads it, so what a previous hash left there does not matter.
pub struct HashMemory(Vec<Block>);

impl HashMemory {
    pub fn new() -> Self {
        Self(vec![Block::new(); params().block_count()])
    }

    /// The first `blocks` blocks, grown for a stored hash with larger parameters than ours.
    fn blocks(&mut self, blocks: usize) -> &mut [Block] {
        if self.0.len() < blocks {
            self.0.resize(blocks, Block::new());
        }
        &mut self.0[..blocks]
    }
}

impl Default for HashMemory {
    fn default() -> Self {
        Self::new()
    }
}

/// Hashes a password into a PHC string with fresh memory (CLI, seeding). CPU-heavy.
pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    hash_with(&mut HashMemory::new(), password)
}

/// Hashes a password into a PHC string (argon2id, a random 16-byte salt) in `memory`.
pub fn hash_with(
    memory: &mut HashMemory,
    password: &str,
) -> Result<String, argon2::password_hash::Error> {
    let params = params();
    let salt = argon2::password_hash::generate_salt();
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password_into_with_memory(
            password.as_bytes(),
            &salt,
            &mut out,
            memory.blocks(params.block_count()),
        )?;
    Ok(PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params)?,
        salt: Some(Salt::new(&salt)?),
        hash: Some(Output::new(&out)?),
    }
    .to_string())
}

/// Checks a password against a stored PHC string with fresh memory. CPU-heavy.
pub fn verify(password: &str, stored_hash: &str) -> bool {
    verify_with(&mut HashMemory::new(), password, stored_hash)
}

/// Checks a password against a stored PHC string, hashing in `memory` with the stored algorithm,
/// version, parameters and salt; the outputs are compared in constant time (`Output`'s `==`).
pub fn verify_with(memory: &mut HashMemory, password: &str, stored_hash: &str) -> bool {
    let Ok(stored) = PasswordHash::new(stored_hash) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (&stored.salt, &stored.hash) else {
        return false;
    };
    let (Ok(algorithm), Some(Ok(version)), Ok(params)) = (
        Algorithm::try_from(stored.algorithm.as_str()),
        stored.version.map(Version::try_from),
        Params::try_from(&stored),
    ) else {
        return false;
    };
    let mut out = vec![0u8; expected.len()];
    let blocks = params.block_count();
    Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(password.as_bytes(), salt, &mut out, memory.blocks(blocks))
        .is_ok()
        && Output::new(&out).is_ok_and(|computed| computed == *expected)
}

/// A fixed number of hashing slots. Each hash takes tens of milliseconds of one core: more at
/// once than there are cores only adds memory, not speed. A request that finds no free slot
/// within the wait gets 503 with Retry-After instead of piling up. During a burst of sign-ins
/// each slot's [`HashMemory`] passes from one hash to the next; once nobody waits it is freed, so
/// a quiet server does not hold 9 MiB per slot.
pub struct HashingSlots {
    permits: tokio::sync::Semaphore,
    /// Requests waiting for a slot right now.
    waiting: std::sync::atomic::AtomicUsize,
    /// Memories kept for the next hash (at most `slots`: one per slot in use or about to be).
    memories: Mutex<Vec<HashMemory>>,
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
            waiting: std::sync::atomic::AtomicUsize::new(0),
            memories: Mutex::new(Vec::with_capacity(slots)),
            slots,
            wait,
        }
    }

    pub fn slots(&self) -> usize {
        self.slots
    }

    fn take_memory(&self) -> HashMemory {
        let mut free = self.memories.lock().unwrap_or_else(|e| e.into_inner());
        free.pop().unwrap_or_default()
    }

    fn give_back(&self, memory: HashMemory) {
        let mut free = self.memories.lock().unwrap_or_else(|e| e.into_inner());
        let waiting = self.waiting.load(std::sync::atomic::Ordering::Acquire);
        if free.len() < self.slots.min(waiting) {
            free.push(memory);
        }
    }

    /// Runs `work` at once on this thread in a kept memory or a new one (start-up, before any
    /// request; and each slot's work on the blocking pool).
    pub fn run_now<T>(&self, work: impl FnOnce(&mut HashMemory) -> T) -> T {
        let mut memory = self.take_memory();
        let value = work(&mut memory);
        self.give_back(memory);
        value
    }

    /// Runs `work` (hashing or verifying) on the blocking pool once a slot is free, in that
    /// slot's memory.
    pub async fn run<T, F>(self: &std::sync::Arc<Self>, work: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut HashMemory) -> T + Send + 'static,
        T: Send + 'static,
    {
        use std::sync::atomic::Ordering;
        self.waiting.fetch_add(1, Ordering::AcqRel);
        let slot = tokio::time::timeout(self.wait, self.permits.acquire()).await;
        self.waiting.fetch_sub(1, Ordering::AcqRel);
        let _slot = slot
            .map_err(|_| AppError::Unavailable)?
            .map_err(|_| AppError::Unavailable)?;
        let slots = self.clone();
        Ok(actix_web::web::block(move || slots.run_now(work)).await?)
    }
}

/// Refuses passwords that are short or easy to guess. zxcvbn gets the user's own words as context
/// so "jan.jansen2024" is weak for Jan Jansen.
pub fn check_strength(password: &str, context: &[&str]) -> Result<(), FieldError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(FieldError::new(
            "password",
            ErrorCode::PasswordTooShort,
            format!("Use at least {MIN_PASSWORD_CHARS} characters."),
        ));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(FieldError::new(
            "password",
            ErrorCode::PasswordTooLong,
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
            ErrorCode::PasswordTooWeak,
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
        assert!(first.starts_with("$argon2id$v=19$m=9216,t=4,p=1$"));
        assert!(verify("correct horse battery staple", &first));
        assert!(!verify("correct horse battery stapler", &first));
        assert!(!verify("anything", "not a hash"));
        // One memory, reused, gives the same answers; a hash made elsewhere (the argon2 crate's
        // own path, with its own salt) verifies too.
        let mut memory = HashMemory::new();
        let own = hash_with(&mut memory, "fiets-tulp-regen-molen").unwrap();
        assert!(verify_with(&mut memory, "fiets-tulp-regen-molen", &own));
        assert!(verify_with(
            &mut memory,
            "correct horse battery staple",
            &first
        ));
        assert!(!verify_with(&mut memory, "fiets-tulp-regen-mole", &own));
        use argon2::password_hash::PasswordHasher;
        let theirs = Argon2::new(Algorithm::Argon2id, Version::V0x13, params())
            .hash_password(b"fiets-tulp-regen-molen")
            .unwrap()
            .to_string();
        assert!(verify_with(&mut memory, "fiets-tulp-regen-molen", &theirs));
        // A stored hash with other (smaller) parameters still verifies.
        let small = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8 * 1024, 1, 1, None).unwrap(),
        )
        .hash_password(b"oude-parameters-nog-goed")
        .unwrap()
        .to_string();
        assert!(verify_with(&mut memory, "oude-parameters-nog-goed", &small));
        assert!(!verify_with(
            &mut memory,
            "oude-parameters-nog-fout",
            &small
        ));
    }

    #[test]
    fn strength_rules() {
        assert_eq!(
            check_strength("short", &[]).unwrap_err().code,
            ErrorCode::PasswordTooShort
        );
        assert_eq!(
            check_strength("aaaaaaaaaaaa", &[]).unwrap_err().code,
            ErrorCode::PasswordTooWeak
        );
        assert_eq!(
            check_strength("Meedoen2026!", &[]).unwrap_err().code,
            ErrorCode::PasswordTooWeak
        );
        assert_eq!(
            check_strength("janjansen1970", &["jan.jansen@example.nl", "Jan Jansen"])
                .unwrap_err()
                .code,
            ErrorCode::PasswordTooWeak
        );
        assert!(check_strength("fiets-tulp-regen-molen", &[]).is_ok());
    }
}

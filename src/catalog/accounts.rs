//! What the sign-in check reads for each session (the user, the session, the user's roles), kept
//! in memory so a signed-in request needs no database round trip just to learn who is asking.
//!
//! Kept right like the catalog's answers (docs/security.md, "Sessions and tokens"): every write
//! that changes a user's sign-in state (a session revoked, a role given or taken, the address
//! verified, a new password) records the user ([`crate::db::tx::Tx::account_changed`]); applying
//! the change marks the user with its version, and a kept session is used only while it was read
//! at or after the user's mark. This process applies its own changes before it answers the request
//! that made them; other processes' changes come through the poller within its interval.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use moka::ops::compute::Op;

use crate::db::ids::{SessionId, UserId};
use crate::features::accounts::models::{Session, User};

/// Sessions kept (about 600 bytes each: at most about 6 MB) and users whose last change is
/// remembered (about 60 bytes each).
const KEPT_SESSIONS: u64 = 10_000;
const KEPT_MARKS: u64 = 100_000;

/// One session as the sign-in check needs it.
pub struct SessionView {
    pub user: User,
    pub session: Session,
    pub roles: Vec<String>,
}

pub struct SignedIn {
    /// (user, session) → the catalog version the view was read at or after, and the view.
    sessions: moka::sync::Cache<(UserId, SessionId), (u64, Arc<SessionView>)>,
    /// The version of each user's last applied change.
    marks: moka::sync::Cache<UserId, u64>,
    /// The highest mark no longer in `marks` (evicted, or all dropped at once): a user without a
    /// mark may have changed up to here.
    forgotten: Arc<AtomicU64>,
}

impl Default for SignedIn {
    fn default() -> Self {
        let forgotten = Arc::new(AtomicU64::new(0));
        let evicted = forgotten.clone();
        Self {
            sessions: moka::sync::Cache::new(KEPT_SESSIONS),
            marks: moka::sync::Cache::builder()
                .max_capacity(KEPT_MARKS)
                .eviction_listener(move |_user, version: u64, cause| {
                    if cause.was_evicted() {
                        evicted.fetch_max(version, Ordering::AcqRel);
                    }
                })
                .build(),
            forgotten,
        }
    }
}

impl SignedIn {
    fn mark(&self, user: &UserId) -> u64 {
        self.marks
            .get(user)
            .unwrap_or_else(|| self.forgotten.load(Ordering::Acquire))
    }

    /// The kept view of this session, if the user did not change since it was read.
    pub fn get(&self, user: &UserId, session: &SessionId) -> Option<Arc<SessionView>> {
        let (read_at, view) = self.sessions.get(&(user.clone(), session.clone()))?;
        (read_at >= self.mark(user)).then_some(view)
    }

    /// Keeps a view read from a database read that started after `version` was applied. A change
    /// applied after that version marks the user with a higher version, so the view is never used.
    pub fn keep(&self, version: u64, view: Arc<SessionView>) {
        if version >= self.mark(&view.user.id) {
            self.sessions.insert(
                (view.user.id.clone(), view.session.id.clone()),
                (version, view),
            );
        }
    }

    /// A committed change to these users' sign-in state at `version`.
    pub fn changed<'a>(&self, users: impl IntoIterator<Item = &'a UserId>, version: u64) {
        for user in users {
            self.marks.entry(user.clone()).and_compute_with(|current| {
                match current.map(|entry| entry.into_value()) {
                    Some(at) if at >= version => Op::Nop,
                    _ => Op::Put(version),
                }
            });
        }
    }

    /// Every user may have changed (the change log was pruned past this process).
    pub fn all_changed(&self, version: u64) {
        self.forgotten.fetch_max(version, Ordering::AcqRel);
        self.marks.invalidate_all();
        self.sessions.invalidate_all();
    }
}

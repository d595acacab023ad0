//! The unit of work: a write transaction that also records what it changed.
//!
//! Every write runs as `state.write(|tx| …)`. The repository functions that change public catalog
//! rows (an offer's content, its taken places, districts, tags, organisations) or queue mail take
//! `&mut Tx` and record the change themselves, so no caller has to remember it (likewise the rows a
//! resident's recommendations are computed from: profile, sign-ups, proposals; and a user's
//! sign-in state: sessions, roles, verification, password); everything else
//! takes `&mut DbConn`, which a `&mut Tx` turns into by deref. Just before commit the recorded
//! catalog changes are written to `catalog_changes` under a new catalog version (so other server
//! processes learn about them); after commit this process applies them to its caches
//! ([`crate::catalog`]) and wakes the mail worker.

use std::collections::BTreeSet;
use std::ops::{Deref, DerefMut};

use super::DbConn;
use crate::db::ids::{OfferId, UserId};

/// What a transaction changed that matters outside the database.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Effects {
    /// Offers whose public content changed: text, schedule, tags, district or status.
    pub offer_content: BTreeSet<OfferId>,
    /// Offers whose taken places changed (sign-ups, withdrawals, acceptances).
    pub offer_places: BTreeSet<OfferId>,
    /// Data every public answer may show changed: districts, tags, organisation names or status.
    pub reference_data: bool,
    /// Residents whose matching inputs changed: profile, sign-ups or proposals to them (the
    /// recommendations keep these in memory, `catalog::residents`).
    pub residents: BTreeSet<UserId>,
    /// Users whose sign-in state changed: sessions revoked, roles, verification, password (the
    /// sign-in check keeps these in memory, `catalog::accounts`).
    pub accounts: BTreeSet<UserId>,
    /// Mail was queued: the delivery worker should look now rather than at its next poll.
    pub mail_queued: bool,
}

impl Effects {
    /// Whether anything kept in memory changed: the public catalog, a resident's matching inputs or
    /// a user's sign-in state.
    pub fn touches_catalog(&self) -> bool {
        self.reference_data
            || !self.offer_content.is_empty()
            || !self.offer_places.is_empty()
            || !self.residents.is_empty()
            || !self.accounts.is_empty()
    }

    /// Adds what another write in the same transaction changed.
    pub fn merge(&mut self, other: Effects) {
        self.offer_content.extend(other.offer_content);
        self.offer_places.extend(other.offer_places);
        self.reference_data |= other.reference_data;
        self.residents.extend(other.residents);
        self.accounts.extend(other.accounts);
        self.mail_queued |= other.mail_queued;
    }
}

/// A connection inside a write transaction, with the effects recorded so far.
pub struct Tx<'c> {
    conn: &'c mut DbConn,
    effects: Effects,
}

impl<'c> Tx<'c> {
    /// Wraps a connection that is inside a transaction already (see [`super::Db::write`]);
    /// seeders and tests use it on their own connections.
    pub fn new(conn: &'c mut DbConn) -> Self {
        Self {
            conn,
            effects: Effects::default(),
        }
    }

    pub fn offer_content_changed(&mut self, offer: &OfferId) {
        self.effects.offer_content.insert(offer.clone());
    }

    pub fn offer_places_changed(&mut self, offer: &OfferId) {
        self.effects.offer_places.insert(offer.clone());
    }

    /// The resident's profile, sign-ups or open proposals changed.
    pub fn resident_changed(&mut self, resident: &UserId) {
        self.effects.residents.insert(resident.clone());
    }

    /// The user's sessions, roles, verification or password changed.
    pub fn account_changed(&mut self, user: &UserId) {
        self.effects.accounts.insert(user.clone());
    }

    pub fn reference_data_changed(&mut self) {
        self.effects.reference_data = true;
    }

    pub fn mail_queued(&mut self) {
        self.effects.mail_queued = true;
    }

    pub fn effects(&self) -> &Effects {
        &self.effects
    }

    pub fn into_effects(self) -> Effects {
        self.effects
    }
}

impl Deref for Tx<'_> {
    type Target = DbConn;

    fn deref(&self) -> &DbConn {
        self.conn
    }
}

impl DerefMut for Tx<'_> {
    fn deref_mut(&mut self) -> &mut DbConn {
        self.conn
    }
}

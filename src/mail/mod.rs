//! Email: queued in an outbox table inside the transaction that causes it, delivered by a
//! background worker over lettre, retried with backoff until it goes out.

pub mod outbox;
pub mod templates;
pub mod worker;

pub use worker::Mailer;

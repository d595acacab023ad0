//! One folder per feature, each with the same files: mod.rs (routes), handlers.rs, service.rs,
//! repo.rs, models.rs (rows) and dto.rs (wire types).

pub mod accounts;
pub mod attendance;
pub mod calendar;
pub mod conversations;
pub mod districts;
pub mod monitor;
pub mod notifications;
pub mod occurrences;
pub mod offers;
pub mod organisations;
pub mod participation;
pub mod profiles;
pub mod recommendations;
pub mod referrals;
pub mod signups;
pub mod site;
pub mod statements;
pub mod tags;
pub mod workers;

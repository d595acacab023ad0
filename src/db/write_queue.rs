//! Group commit for SQLite: writes that arrive while another is running wait in a queue, and
//! whoever gets the writer's turn next runs everything queued in one transaction, each write in
//! its own savepoint, with one commit (one `fsync`) for all of them.
//!
//! SQLite takes one writer at a time and every commit waits for the disk; one sign-up at a time
//! made the writer the bottleneck of the whole server under load (docs/benchmarks.md). A write
//! that fails rolls back to its savepoint and gets its own error; the others go on. A write is
//! answered only after the commit (and after the caller applied the catalog changes), so nobody
//! sees success for a write that is not stored. PostgreSQL takes writers together and does not
//! use this queue.

use std::sync::Mutex;

use diesel::Connection;
use tokio::sync::oneshot;

use super::DbConn;
use super::tx::{Effects, Tx};
use crate::error::AppError;

/// Sends a queued write's answer once the fate of its transaction is known.
pub type Finish = Box<dyn FnOnce(Result<(), AppError>) + Send>;

/// One queued write: runs in a savepoint, adds its effects, and says how to answer it.
pub type Job = Box<dyn FnOnce(&mut DbConn, &mut Effects) -> Finish + Send>;

/// At most this many writes share a transaction, so one commit does not wait for hundreds.
const MOST_PER_COMMIT: usize = 64;

struct Queued {
    /// Tells a caller's own job apart when it gives up waiting.
    ticket: u64,
    job: Job,
}

#[derive(Default)]
pub struct WriteQueue {
    queued: Mutex<(u64, Vec<Queued>)>,
}

impl WriteQueue {
    /// Queues `work` and returns its ticket and where its answer will arrive.
    pub fn push<T, F>(&self, work: F) -> (u64, oneshot::Receiver<Result<T, AppError>>)
    where
        F: FnOnce(&mut Tx<'_>) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let job: Job = Box::new(move |conn, effects| {
            // A savepoint of its own: a write that fails leaves no trace and the others go on.
            let outcome = conn.transaction(|conn| {
                let mut tx = Tx::new(conn);
                let value = work(&mut tx)?;
                Ok::<_, AppError>((value, tx.into_effects()))
            });
            match outcome {
                Ok((value, own)) => {
                    effects.merge(own);
                    Box::new(move |committed| {
                        let _ = reply.send(committed.map(|()| value));
                    })
                }
                Err(error) => Box::new(move |_| {
                    let _ = reply.send(Err(error));
                }),
            }
        });
        let mut queued = self.queued.lock().unwrap_or_else(|e| e.into_inner());
        queued.0 += 1;
        let ticket = queued.0;
        queued.1.push(Queued { ticket, job });
        (ticket, answer)
    }

    /// Takes the job back if no turn has taken it yet (the caller gave up waiting).
    pub fn withdraw(&self, ticket: u64) -> bool {
        let mut queued = self.queued.lock().unwrap_or_else(|e| e.into_inner());
        let before = queued.1.len();
        queued.1.retain(|q| q.ticket != ticket);
        queued.1.len() < before
    }

    /// The oldest queued jobs, at most [`MOST_PER_COMMIT`].
    pub fn take(&self) -> Vec<Job> {
        let mut queued = self.queued.lock().unwrap_or_else(|e| e.into_inner());
        let count = queued.1.len().min(MOST_PER_COMMIT);
        queued.1.drain(..count).map(|q| q.job).collect()
    }
}

/// Runs `jobs` inside the caller's transaction, in order; returns how to answer each.
pub fn run_jobs(conn: &mut DbConn, jobs: Vec<Job>, effects: &mut Effects) -> Vec<Finish> {
    jobs.into_iter().map(|job| job(conn, effects)).collect()
}

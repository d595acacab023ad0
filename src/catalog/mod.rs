//! The public catalog in memory: the free places of every offer anyone looked at, cached public
//! answers, and the slot for the matcher's candidate pool — all kept in step with committed writes.
//!
//! How it stays right (docs/architecture.md, "The unit of work and the catalog cache"):
//! - Each write that changes catalog rows records what it changed ([`crate::db::tx::Tx`]). Before
//!   commit, [`record`] takes the next `catalog_state.version` and logs the changes in
//!   `catalog_changes`; after commit, [`Catalog::apply`] updates this process, and the poller
//!   applies other processes' changes from the log within [`POLL_INTERVAL`].
//! - Content and places are kept apart. A cached answer holds content (titles, times, tags) and a
//!   handle to each offer's [`PlaceCell`]; free places are filled in from the cells when the answer
//!   is sent. A sign-up changes one cell and invalidates nothing, so lists stay cache hits while
//!   people sign up. Only lists filtered on `available` depend on whether an offer is full.
//! - Every cached answer carries the catalog version applied when it was computed; it is used only
//!   while no change it depends on was applied after that version. A change applied during a
//!   computation therefore always wins, and a client never sees an answer older than its own write.

pub mod accounts;
pub mod repo;
pub mod residents;

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicI32, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use actix_web::web::{Bytes, BytesMut};
use chrono::NaiveDateTime;
use diesel::QueryResult;

use crate::db::DbConn;
use crate::db::ids::OfferId;
use crate::db::tx::Effects;
use crate::error::AppError;
use crate::features::districts::models::District;
use crate::features::offers::dto::{OfferList, OfferResponse};
use crate::features::recommendations::models::{MatchingInputs, Pool};
use crate::state::AppState;

/// How often a server looks for catalog changes made by other processes.
pub const POLL_INTERVAL: Duration = Duration::from_millis(250);
/// How long logged changes are kept for pollers that fell behind.
const CHANGES_KEPT: chrono::TimeDelta = chrono::TimeDelta::minutes(10);
/// Memory the cached list and reference answers may take, in bytes. The answers worth keeping
/// are few (a municipality's districts × the filters people use, about 20 KB each); searches are
/// mostly asked once, and a larger cache only held more of them (docs/benchmarks.md). Evicted
/// least recently used first, so a flood of searches cannot keep the popular lists out after it.
const ANSWER_BYTES: u64 = 8 * 1024 * 1024;
/// Memory the offers kept in their wire form (for details and recommendations) may take, weighed
/// by their JSON size (about 1.1 KB an offer in the synthetic world): a municipality's whole
/// catalog up to about 10,000 offers, so an offer's page needs no database read. With 4,000 kept,
/// the mixed benchmark's random details were its slowest answers (docs/benchmarks.md).
const OFFER_BYTES: u64 = 12 * 1024 * 1024;

/// Committed changes to apply: this process's own transaction, or what the poller read.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub effects: Effects,
    /// The free places after the change of every offer whose content or places changed.
    pub free_places: Vec<FreePlaces>,
}

/// An offer's free places as of its logged version.
#[derive(Debug, Clone)]
pub struct FreePlaces {
    pub offer: OfferId,
    pub free: i32,
    /// The offer's latest change these include. Versions of one offer commit in order (each
    /// write holds the offer's row lock when it takes one), so a lower version is older news.
    pub version: u64,
}

/// The free places now of every offer whose content or places changed, drafts left out.
fn free_places_of_changed(
    conn: &mut DbConn,
    effects: &Effects,
    version_of: impl Fn(&OfferId) -> u64,
) -> QueryResult<Vec<FreePlaces>> {
    let changed: Vec<OfferId> = effects
        .offer_content
        .union(&effects.offer_places)
        .cloned()
        .collect();
    if changed.is_empty() {
        return Ok(Vec::new());
    }
    Ok(repo::public_free_places(conn, &changed)?
        .into_iter()
        .map(|(offer, free)| FreePlaces {
            version: version_of(&offer),
            offer,
            free,
        })
        .collect())
}

/// Before commit: takes a new catalog version for the changes in `effects` and logs them.
/// Writes nothing when the transaction touched no catalog row.
pub fn record(
    conn: &mut DbConn,
    effects: &Effects,
    now: NaiveDateTime,
) -> QueryResult<Option<Recorded>> {
    // Read before the version is taken; the versions are filled in below.
    let mut free_places = free_places_of_changed(conn, effects, |_| 0)?;
    // Drafts are left out: nothing public changed with them.
    let public: BTreeSet<&OfferId> = free_places.iter().map(|places| &places.offer).collect();
    let effects = Effects {
        offer_content: effects
            .offer_content
            .iter()
            .filter(|id| public.contains(id))
            .cloned()
            .collect(),
        offer_places: effects
            .offer_places
            .iter()
            .filter(|id| public.contains(id))
            .cloned()
            .collect(),
        ..effects.clone()
    };
    if !effects.touches_catalog() {
        return Ok(None);
    }
    let change = |offer, user, what| repo::Change { offer, user, what };
    let mut changes: Vec<repo::Change> = Vec::new();
    if effects.reference_data {
        changes.push(change(None, None, repo::REFERENCE));
    }
    changes.extend(
        effects
            .offer_content
            .iter()
            .map(|id| change(Some(id), None, repo::CONTENT)),
    );
    changes.extend(
        effects
            .offer_places
            .iter()
            .map(|id| change(Some(id), None, repo::PLACES)),
    );
    changes.extend(
        effects
            .residents
            .iter()
            .map(|id| change(None, Some(id), repo::RESIDENT)),
    );
    changes.extend(
        effects
            .accounts
            .iter()
            .map(|id| change(None, Some(id), repo::ACCOUNT)),
    );
    let version = repo::log_next(conn, &changes, now)? as u64;
    for places in &mut free_places {
        places.version = version;
    }
    Ok(Some(Recorded {
        effects,
        free_places,
    }))
}

/// Marks every cached answer stale (seeders, which change the catalog without a server).
pub fn record_reference_change(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<()> {
    let effects = Effects {
        reference_data: true,
        ..Effects::default()
    };
    record(conn, &effects, now).map(|_| ())
}

/// One offer's free places as this process knows them, and when its content last changed.
#[derive(Debug)]
pub struct PlaceCell {
    free: AtomicI32,
    /// The logged version of the offer's change `free` is from; 0 when read without one.
    version: AtomicU64,
    /// When the last change to the offer's content was applied here (an apply stamp).
    content_changed_at: AtomicU64,
}

impl PlaceCell {
    pub fn free(&self) -> i32 {
        self.free.load(Ordering::Acquire)
    }
}

/// What a cached answer depends on besides the reference data every answer may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depends {
    /// Districts, tags: only reference data.
    Reference,
    /// Lists of offers: any offer's content (a new offer may now match the filters).
    Lists,
    /// Lists of offers with free places only: also whether any offer is full.
    AvailableLists,
}

/// A cached answer: JSON in parts, with each offer's free places filled in between them.
struct Answer {
    version: u64,
    depends: Depends,
    /// `parts.len() == cells.len() + 1`.
    parts: Vec<Bytes>,
    cells: Vec<Arc<PlaceCell>>,
}

/// An offer in its wire form, with its free places kept apart.
struct CachedOffer {
    version: u64,
    offer: OfferResponse,
    cell: Arc<PlaceCell>,
    /// Its JSON size, for the cache's memory bound.
    weight: u32,
}

/// Offers whose matcher view must be read again before the pool is used.
#[derive(Debug, Default)]
pub struct PoolStaleness {
    pub all: bool,
    pub offers: BTreeSet<OfferId>,
}

pub struct Catalog {
    /// Counts the changes applied in this process: each apply's stamp. Answers, inputs and
    /// sessions kept note the count before they were read, and are used only while nothing they
    /// depend on was applied after it. Logged versions cannot serve here: on PostgreSQL they
    /// commit out of order.
    applied: AtomicU64,
    lists_changed_at: AtomicU64,
    availability_changed_at: AtomicU64,
    reference_changed_at: AtomicU64,
    /// Where the poller stands in the log (repo::log_position); −1 before its first look.
    polled: AtomicI64,
    /// Applying is rare next to reading: one at a time keeps a cell's (free, stamp) pair whole.
    apply_lock: Mutex<()>,
    places: RwLock<HashMap<OfferId, Arc<PlaceCell>>>,
    answers: moka::sync::Cache<String, Arc<Answer>>,
    offers: moka::sync::Cache<OfferId, Arc<CachedOffer>>,
    /// The district tree, with the version it was read at.
    districts: RwLock<Option<(u64, Arc<Vec<District>>)>>,
    /// The matcher's view of the published offers (see recommendations::service::pool).
    pub pool: RwLock<Option<Pool>>,
    pub pool_stale: Mutex<PoolStaleness>,
    /// One pool build or refresh at a time; readers keep using the current pool meanwhile.
    pub pool_build: tokio::sync::Mutex<()>,
    /// What recommendations read about each resident, kept in step like the answers.
    pub residents: residents::ResidentInputs<MatchingInputs>,
    /// What the sign-in check reads about each session, kept in step like the answers.
    pub accounts: accounts::SignedIn,
}

impl Default for Catalog {
    fn default() -> Self {
        Self {
            applied: AtomicU64::new(0),
            lists_changed_at: AtomicU64::new(0),
            availability_changed_at: AtomicU64::new(0),
            reference_changed_at: AtomicU64::new(0),
            polled: AtomicI64::new(-1),
            apply_lock: Mutex::new(()),
            places: RwLock::new(HashMap::new()),
            answers: moka::sync::Cache::builder()
                .max_capacity(ANSWER_BYTES)
                // Least recently used, not TinyLFU: see the test below.
                .eviction_policy(moka::policy::EvictionPolicy::lru())
                .weigher(|key: &String, answer: &Arc<Answer>| {
                    let bytes: usize = answer.parts.iter().map(Bytes::len).sum();
                    (key.len() + bytes + 16 * answer.cells.len())
                        .try_into()
                        .unwrap_or(u32::MAX)
                })
                .build(),
            offers: moka::sync::Cache::builder()
                .max_capacity(OFFER_BYTES)
                .weigher(|_id: &OfferId, cached: &Arc<CachedOffer>| cached.weight)
                .build(),
            districts: RwLock::new(None),
            pool: RwLock::new(None),
            pool_stale: Mutex::new(PoolStaleness {
                all: true,
                offers: BTreeSet::new(),
            }),
            pool_build: tokio::sync::Mutex::new(()),
            residents: residents::ResidentInputs::default(),
            accounts: accounts::SignedIn::default(),
        }
    }
}

/// Shared handle type kept in the app state.
pub type SharedCatalog = Arc<Catalog>;

impl Catalog {
    /// The stamp of the last change applied here: read it before computing an answer to keep.
    pub fn version(&self) -> u64 {
        self.applied.load(Ordering::Acquire)
    }

    /// The cell of an offer, made from `free` as just read if there is none yet. An existing
    /// cell is never overwritten here: only applied changes move it.
    pub fn cell(&self, id: &OfferId, free: i32) -> Arc<PlaceCell> {
        self.cell_at(id, free, 0)
    }

    fn cell_at(&self, id: &OfferId, free: i32, version: u64) -> Arc<PlaceCell> {
        if let Some(cell) = self.known_cell(id) {
            return cell;
        }
        let mut map = self.places.write().unwrap_or_else(|e| e.into_inner());
        map.entry(id.clone())
            .or_insert_with(|| {
                Arc::new(PlaceCell {
                    free: AtomicI32::new(free),
                    version: AtomicU64::new(version),
                    content_changed_at: AtomicU64::new(0),
                })
            })
            .clone()
    }

    /// Free places of an offer as kept in step with committed writes, if known here.
    pub fn free_places(&self, id: &OfferId) -> Option<i32> {
        self.known_cell(id).map(|cell| cell.free())
    }

    fn known_cell(&self, id: &OfferId) -> Option<Arc<PlaceCell>> {
        self.places.read().ok().and_then(|map| map.get(id).cloned())
    }

    fn fresh(&self, version: u64, depends: Depends) -> bool {
        version >= self.reference_changed_at.load(Ordering::Acquire)
            && (depends == Depends::Reference
                || version >= self.lists_changed_at.load(Ordering::Acquire))
            && (depends != Depends::AvailableLists
                || version >= self.availability_changed_at.load(Ordering::Acquire))
    }

    /// Applies a committed change (this process's own, or another's seen by the poller).
    pub fn apply(&self, recorded: &Recorded) {
        let _one_at_a_time = self.apply_lock.lock().unwrap_or_else(|e| e.into_inner());
        let version = self.applied.load(Ordering::Acquire) + 1;
        let effects = &recorded.effects;
        if effects.reference_data {
            self.reference_changed_at
                .fetch_max(version, Ordering::AcqRel);
            self.lists_changed_at.fetch_max(version, Ordering::AcqRel);
            self.availability_changed_at
                .fetch_max(version, Ordering::AcqRel);
            self.pool_stale
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .all = true;
            self.residents.all_changed(version);
            self.accounts.all_changed(version);
        }
        self.residents.changed(&effects.residents, version);
        self.accounts.changed(&effects.accounts, version);
        let mut moved: Vec<(OfferId, i32)> = Vec::new();
        for places in &recorded.free_places {
            let (id, free) = (&places.offer, places.free);
            let known = self.known_cell(id);
            let Some(cell) = known else {
                // No cached answer shows this offer, but a list of available offers may have left
                // it out while it was full.
                self.cell_at(id, free, places.version);
                self.availability_changed_at
                    .fetch_max(version, Ordering::AcqRel);
                moved.push((id.clone(), free));
                continue;
            };
            // Older news than the cell has (a poller's read of a change applied here already).
            if cell.version.load(Ordering::Acquire) >= places.version {
                continue;
            }
            let before = cell.free.swap(free, Ordering::AcqRel);
            cell.version.store(places.version, Ordering::Release);
            if (before == 0) != (free == 0) {
                self.availability_changed_at
                    .fetch_max(version, Ordering::AcqRel);
            }
            moved.push((id.clone(), free));
        }
        if !moved.is_empty()
            && let Ok(mut pool) = self.pool.write()
            && let Some(pool) = pool.as_mut()
        {
            for (id, free) in &moved {
                pool.set_free_places(id, *free);
            }
        }
        // After the cells exist: a wire offer read before this change must not be kept as fresh.
        if !effects.offer_content.is_empty() {
            self.lists_changed_at.fetch_max(version, Ordering::AcqRel);
            let mut stale = self.pool_stale.lock().unwrap_or_else(|e| e.into_inner());
            for id in &effects.offer_content {
                stale.offers.insert(id.clone());
                if let Some(cell) = self.known_cell(id) {
                    cell.content_changed_at.fetch_max(version, Ordering::AcqRel);
                }
                self.offers.invalidate(id);
            }
        }
        self.applied.store(version, Ordering::Release);
    }

    /// A cached answer for `key`, its free places filled in, if nothing it depends on changed.
    pub fn cached(&self, key: &str) -> Option<Bytes> {
        let answer = self.answers.get(key)?;
        if !self.fresh(answer.version, answer.depends) {
            return None;
        }
        Some(render(&answer.parts, &answer.cells))
    }

    fn keep(&self, key: String, answer: Answer) -> Bytes {
        let body = render(&answer.parts, &answer.cells);
        self.answers.insert(key, Arc::new(answer));
        body
    }

    /// The district tree, if nothing changed it since it was read.
    pub fn districts(&self) -> Option<Arc<Vec<District>>> {
        let kept = self.districts.read().ok()?;
        let (version, all) = kept.as_ref()?;
        self.fresh(*version, Depends::Reference)
            .then(|| all.clone())
    }

    /// Keeps the district tree read at or after `version`.
    pub fn keep_districts(&self, version: u64, all: Arc<Vec<District>>) {
        if let Ok(mut kept) = self.districts.write() {
            *kept = Some((version, all));
        }
    }

    /// A published or closed offer in its wire form with its current free places, if cached.
    pub fn offer(&self, id: &OfferId) -> Option<OfferResponse> {
        let cached = self.offers.get(id)?;
        let content_changed_at = cached.cell.content_changed_at.load(Ordering::Acquire);
        if cached.version < content_changed_at || !self.fresh(cached.version, Depends::Reference) {
            return None;
        }
        let mut offer = cached.offer.clone();
        offer.free_places = cached.cell.free();
        Some(offer)
    }

    /// Keeps a public offer read at or after `version`; answers it with the kept free places.
    pub fn keep_offer(&self, mut offer: OfferResponse, version: u64) -> OfferResponse {
        let cell = self.cell(&offer.id, offer.free_places);
        offer.free_places = cell.free();
        let weight = serde_json::to_vec(&offer)
            .map_or(2048, |json| json.len())
            .try_into()
            .unwrap_or(u32::MAX);
        self.offers.insert(
            offer.id.clone(),
            Arc::new(CachedOffer {
                version,
                offer: offer.clone(),
                cell,
                weight,
            }),
        );
        offer
    }
}

fn render(parts: &[Bytes], cells: &[Arc<PlaceCell>]) -> Bytes {
    if cells.is_empty() {
        return parts.first().cloned().unwrap_or_default();
    }
    let length: usize = parts.iter().map(Bytes::len).sum::<usize>() + 4 * cells.len();
    let mut body = BytesMut::with_capacity(length);
    for (part, cell) in parts.iter().zip(cells) {
        body.extend_from_slice(part);
        body.extend_from_slice(itoa::Buffer::new().format(cell.free()).as_bytes());
    }
    body.extend_from_slice(parts.last().expect("one more part than cells"));
    body.freeze()
}

/// Marker put in place of an offer's free places to find where the cells go: a number no offer
/// has, and `"free_places":` outside a JSON string cannot occur inside one (quotes are escaped).
fn marker(index: usize) -> i32 {
    i32::MIN + index as i32
}

/// Splits a serialised offer list at its items' free places.
fn split_list(catalog: &Catalog, mut list: OfferList, version: u64) -> Result<Answer, AppError> {
    let cells: Vec<Arc<PlaceCell>> = list
        .items
        .iter()
        .map(|offer| catalog.cell(&offer.id, offer.free_places))
        .collect();
    for (index, offer) in list.items.iter_mut().enumerate() {
        offer.free_places = marker(index);
    }
    let json = serde_json::to_vec(&list).map_err(AppError::internal)?;
    let mut parts = Vec::with_capacity(cells.len() + 1);
    let mut start = 0;
    for index in 0..cells.len() {
        let needle = format!("\"free_places\":{}", marker(index));
        let found = json[start..]
            .windows(needle.len())
            .position(|window| window == needle.as_bytes())
            .ok_or_else(|| AppError::internal("free places marker missing"))?;
        let number_at = start + found + needle.len() - marker(index).to_string().len();
        parts.push(Bytes::copy_from_slice(&json[start..number_at]));
        start = start + found + needle.len();
    }
    parts.push(Bytes::copy_from_slice(&json[start..]));
    Ok(Answer {
        version,
        depends: Depends::Lists,
        parts,
        cells,
    })
}

fn json_response(body: Bytes) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .content_type("application/json")
        .body(body)
}

/// The date is part of every key: lists leave out offers that ended before today.
fn dated_key(state: &AppState, key: &str) -> String {
    format!("{}|{key}", crate::clock::local_date(state.clock.now()))
}

/// Answers a list of offers from the cache, or computes, keeps and answers it. Only for answers
/// that are the same for every caller.
pub async fn cached_offer_list<Fut>(
    state: &AppState,
    key: String,
    only_available: bool,
    compute: impl FnOnce() -> Fut,
) -> Result<actix_web::HttpResponse, AppError>
where
    Fut: std::future::Future<Output = Result<OfferList, AppError>>,
{
    let key = dated_key(state, &key);
    if let Some(body) = state.catalog.cached(&key) {
        return Ok(json_response(body));
    }
    let version = state.catalog.version();
    let list = compute().await?;
    let mut answer = split_list(&state.catalog, list, version)?;
    if only_available {
        answer.depends = Depends::AvailableLists;
    }
    Ok(json_response(state.catalog.keep(key, answer)))
}

/// Answers reference data (districts, tags) from the cache, or computes, keeps and answers it.
pub async fn cached_json<T, Fut>(
    state: &AppState,
    key: String,
    compute: impl FnOnce() -> Fut,
) -> Result<actix_web::HttpResponse, AppError>
where
    Fut: std::future::Future<Output = Result<T, AppError>>,
    T: serde::Serialize,
{
    let key = dated_key(state, &key);
    if let Some(body) = state.catalog.cached(&key) {
        return Ok(json_response(body));
    }
    let version = state.catalog.version();
    let value = compute().await?;
    let body = Bytes::from(serde_json::to_vec(&value).map_err(AppError::internal)?);
    let answer = Answer {
        version,
        depends: Depends::Reference,
        parts: vec![body],
        cells: Vec::new(),
    };
    Ok(json_response(state.catalog.keep(key, answer)))
}

/// Reads what other processes changed since the poller's position; the new position, and the
/// changes to apply if there are any. The first look only notes where the log stands: this
/// process has cached nothing from before it.
fn poll(
    conn: &mut DbConn,
    polled: i64,
    now: NaiveDateTime,
) -> QueryResult<(i64, Option<Recorded>)> {
    if polled < 0 {
        return Ok((repo::log_position(conn)?, None));
    }
    let read = repo::changes_since(conn, polled)?;
    if read.changes.is_empty() && read.complete {
        return Ok((read.position, None));
    }
    let mut effects = Effects::default();
    let mut offer_versions: HashMap<OfferId, u64> = HashMap::new();
    for change in read.changes {
        if let Some(offer) = &change.offer {
            let latest = offer_versions.entry(offer.clone()).or_default();
            *latest = (*latest).max(change.version as u64);
        }
        match (change.offer, change.user, change.what.as_str()) {
            (Some(offer), _, repo::CONTENT) => {
                effects.offer_content.insert(offer);
            }
            (Some(offer), _, repo::PLACES) => {
                effects.offer_places.insert(offer);
            }
            (_, Some(user), repo::RESIDENT) => {
                effects.residents.insert(user);
            }
            (_, Some(user), repo::ACCOUNT) => {
                effects.accounts.insert(user);
            }
            _ => effects.reference_data = true,
        }
    }
    if !read.complete {
        tracing::warn!(
            polled,
            position = read.position,
            "catalog changes missing from the log; every cached answer is read again"
        );
        effects.reference_data = true;
    }
    // Read after the changes: as new as, or newer than, each offer's latest logged version.
    let free_places = free_places_of_changed(conn, &effects, |offer| {
        offer_versions.get(offer).copied().unwrap_or_default()
    })?;
    if read.position % 64 == 0 {
        repo::prune(conn, now - CHANGES_KEPT)?;
    }
    Ok((
        read.position,
        Some(Recorded {
            effects,
            free_places,
        }),
    ))
}

/// Applies catalog changes made by other server processes (and, harmlessly, this one's again).
pub fn spawn_poller(state: AppState) {
    actix_web::rt::spawn(async move {
        let mut tick = actix_web::rt::time::interval(POLL_INTERVAL);
        loop {
            tick.tick().await;
            let polled = state.catalog.polled.load(Ordering::Acquire);
            let now = state.clock.now_naive();
            let found = state.db.run(move |conn| Ok(poll(conn, polled, now)?)).await;
            if let Ok((position, recorded)) = found {
                if let Some(recorded) = recorded {
                    state.catalog.apply(&recorded);
                }
                state.catalog.polled.store(position, Ordering::Release);
            }
        }
    });
}

/// Notes where the log stands before serving: this process has cached nothing older, and the
/// poller goes on from there.
pub fn start_at(state: &AppState, conn: &mut DbConn) -> QueryResult<()> {
    let position = repo::log_position(conn)?;
    state.catalog.polled.store(position, Ordering::Release);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(bytes: usize) -> Answer {
        Answer {
            version: 0,
            depends: Depends::Reference,
            parts: vec![Bytes::from(vec![b' '; bytes])],
            cells: Vec::new(),
        }
    }

    /// A flood of small one-off answers (searches asked once) must not keep a large, popular
    /// answer (a district's list) out of a full cache. Weighed TinyLFU compares the newcomer's
    /// popularity with the summed popularity of every small answer it would push out, and
    /// turned the district lists away for good after a search flood (docs/benchmarks.md).
    #[test]
    fn popular_large_answers_come_back_after_a_flood_of_small_ones() {
        let catalog = Catalog::default();
        let small = 2 * 1024;
        for n in 0..2 * ANSWER_BYTES as usize / small {
            let key = format!("search {n}");
            assert!(catalog.cached(&key).is_none());
            catalog.keep(key, answer(small));
        }
        catalog.answers.run_pending_tasks();
        for _ in 0..50 {
            if catalog.cached("district list").is_none() {
                catalog.keep("district list".to_owned(), answer(40 * 1024));
            }
            catalog.answers.run_pending_tasks();
        }
        assert!(catalog.cached("district list").is_some());
    }
}

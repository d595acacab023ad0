//! Diesel queries for offers, their tags, slots and sessions.

use diesel::dsl::exists;
use diesel::prelude::*;

use super::models::*;
use crate::db::DbConn;
use crate::db::ids::{DistrictId, OfferId, OrganisationId, TagId};
use crate::db::schema::{
    districts, offer_sessions, offer_slots, offer_tags, offers, organisations, tags,
};
use crate::db::tx::Tx;
use crate::features::tags::models::TagKind;

use crate::db::search;

/// The public list's filters, already validated and resolved.
#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    pub district_ids: Option<Vec<DistrictId>>,
    /// Offers outside these districts only (the farthest ring when sorting by nearness).
    pub exclude_district_ids: Option<Vec<DistrictId>>,
    pub organisation_id: Option<OrganisationId>,
    pub kind: Option<OfferKind>,
    pub tag_keys: Vec<String>,
    /// Normalised words (crate::db::search), each of which must appear in the title or description.
    pub words: Vec<String>,
    pub available: bool,
    pub weekday: Option<i32>,
    /// `YYYY-MM-DD`: offers that ended before this day are left out.
    pub today: String,
}

pub fn insert(
    conn: &mut Tx,
    new: &NewOffer,
    details: &OfferDetails,
    search: &SearchColumns,
) -> QueryResult<()> {
    conn.offer_content_changed(new.id);
    let conn: &mut DbConn = conn;
    diesel::insert_into(offers::table)
        .values((new, details, search))
        .execute(conn)
        .map(|_| ())
}

pub fn update(
    conn: &mut Tx,
    id: &OfferId,
    details: &OfferDetails,
    search: &SearchColumns,
    now: chrono::NaiveDateTime,
) -> QueryResult<()> {
    conn.offer_content_changed(id);
    let conn: &mut DbConn = conn;
    diesel::update(offers::table.find(id))
        .set((details, search, offers::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

pub fn set_status(
    conn: &mut Tx,
    id: &OfferId,
    status: OfferStatus,
    now: chrono::NaiveDateTime,
) -> QueryResult<()> {
    conn.offer_content_changed(id);
    let conn: &mut DbConn = conn;
    diesel::update(offers::table.find(id))
        .set((offers::status.eq(status), offers::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, id: &OfferId) -> QueryResult<Option<Offer>> {
    offers::table
        .find(id)
        .select(Offer::as_select())
        .first(conn)
        .optional()
}

/// (id, title, description) of offers whose search text was never filled in.
pub fn without_search_text(conn: &mut DbConn) -> QueryResult<Vec<(OfferId, String, String)>> {
    offers::table
        .filter(offers::search_text.eq(""))
        .select((offers::id, offers::title, offers::description))
        .load(conn)
}

/// Only for filling in what migrations could not: no content of the offer changes.
pub fn set_search_text(
    conn: &mut DbConn,
    id: &OfferId,
    search_title: &str,
    search_text: &str,
) -> QueryResult<()> {
    diesel::update(offers::table.find(id))
        .set((
            offers::search_title.eq(search_title),
            offers::search_text.eq(search_text),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn find_many(conn: &mut DbConn, ids: &[OfferId]) -> QueryResult<Vec<Offer>> {
    offers::table
        .filter(offers::id.eq_any(ids))
        .select(Offer::as_select())
        .load(conn)
}

/// Published and closed offers among `ids`, with their organisation's and district's names.
pub fn find_public_named(
    conn: &mut DbConn,
    ids: &[OfferId],
) -> QueryResult<Vec<(Offer, String, String)>> {
    offers::table
        .inner_join(organisations::table)
        .inner_join(districts::table)
        .filter(offers::id.eq_any(ids))
        .filter(offers::status.ne(OfferStatus::Draft))
        .select((Offer::as_select(), organisations::name, districts::name))
        .load(conn)
}

/// The ids of a page of published offers matching the filter: newest first, or with words, those
/// with every word in the title first. Only ids: the offers themselves are mostly kept in memory
/// (catalog), so a list the cache did not have costs this one query.
pub fn list_published(
    conn: &mut DbConn,
    filter: &ListFilter,
    after: Option<&str>,
    fetch: i64,
) -> QueryResult<Vec<OfferId>> {
    let backend = search::Backend::of(conn);
    let mut query = offers::table
        .filter(offers::status.eq(OfferStatus::Published))
        .filter(
            offers::end_date
                .is_null()
                .or(offers::end_date.ge(filter.today.clone())),
        )
        .select(offers::id)
        .into_boxed();
    if let Some(district_ids) = filter.district_ids.as_deref() {
        query = crate::filter_one_or_many!(query, offers::district_id, district_ids);
    }
    if let Some(excluded) = filter.exclude_district_ids.as_deref()
        && !excluded.is_empty()
    {
        query = query.filter(offers::district_id.ne_all(excluded.to_vec()));
    }
    if let Some(organisation_id) = &filter.organisation_id {
        query = query.filter(offers::organisation_id.eq(organisation_id));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(offers::kind.eq(kind));
    }
    // Tags and weekdays as EXISTS, probed per offer the district index found: as `IN (SELECT …)`
    // SQLite first collects every offer on that weekday or with that tag (four times slower).
    for key in &filter.tag_keys {
        let tagged = offer_tags::table
            .inner_join(tags::table)
            .filter(offer_tags::offer_id.eq(offers::id))
            .filter(tags::key.eq(key.clone()));
        query = query.filter(exists(tagged));
    }
    let scope = match filter.district_ids {
        Some(_) => search::Scope::Districts,
        None => search::Scope::Everywhere,
    };
    for condition in search::offer_has_words(backend, scope, &filter.words) {
        query = query.filter(condition);
    }
    if filter.available {
        query = query.filter(offers::accepted_places.lt(offers::capacity));
    }
    if let Some(weekday) = filter.weekday {
        let on_day = offer_slots::table
            .filter(offer_slots::offer_id.eq(offers::id))
            .filter(offer_slots::weekday.eq(weekday));
        query = query.filter(exists(on_day));
    }
    if filter.words.is_empty() {
        if let Some(after) = after {
            query = query.filter(offers::id.lt(after.to_string()));
        }
        return query.order(offers::id.desc()).limit(fetch).load(conn);
    }
    // Ranked: title hits first. The cursor's offer tells which group the page goes on in.
    if let Some(after) = after {
        let after_title: String = offers::table
            .find(after)
            .select(offers::search_title)
            .first(conn)
            .optional()?
            .unwrap_or_default();
        let older = offers::id.lt(after.to_string());
        query = if search::title_contains_all(&after_title, &filter.words) {
            query.filter(
                search::title_has_words(&filter.words)
                    .and(older)
                    .or(search::title_has_words(&filter.words).eq(false)),
            )
        } else {
            query.filter(search::title_has_words(&filter.words).eq(false).and(older))
        };
    }
    query
        .order((
            search::title_has_words(&filter.words).desc(),
            offers::id.desc(),
        ))
        .limit(fetch)
        .load(conn)
}

/// A page of one organisation's offers in any status, newest first.
/// Every offer of the organisation, whatever its status.
pub fn all_of_organisation(
    conn: &mut DbConn,
    organisation_id: &OrganisationId,
) -> QueryResult<Vec<Offer>> {
    offers::table
        .filter(offers::organisation_id.eq(organisation_id))
        .select(Offer::as_select())
        .load(conn)
}

pub fn list_for_organisation(
    conn: &mut DbConn,
    organisation_id: &OrganisationId,
    status: Option<OfferStatus>,
    after: Option<&str>,
    fetch: i64,
) -> QueryResult<Vec<Offer>> {
    let mut query = offers::table
        .filter(offers::organisation_id.eq(organisation_id))
        .select(Offer::as_select())
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(offers::status.eq(status));
    }
    if let Some(after) = after {
        query = query.filter(offers::id.lt(after.to_string()));
    }
    query.order(offers::id.desc()).limit(fetch).load(conn)
}

pub fn replace_tags(conn: &mut Tx, id: &OfferId, tag_ids: &[TagId]) -> QueryResult<()> {
    conn.offer_content_changed(id);
    let rows: Vec<NewOfferTag> = tag_ids
        .iter()
        .map(|tag_id| NewOfferTag {
            offer_id: id,
            tag_id,
        })
        .collect();
    crate::replace_children!(conn, offer_tags::table, offer_tags::offer_id, id, &rows)
}

pub fn replace_slots(conn: &mut Tx, id: &OfferId, slots: &[OfferSlot]) -> QueryResult<()> {
    conn.offer_content_changed(id);
    crate::replace_children!(conn, offer_slots::table, offer_slots::offer_id, id, slots)
}

pub fn replace_sessions(conn: &mut Tx, id: &OfferId, sessions: &[OfferSession]) -> QueryResult<()> {
    conn.offer_content_changed(id);
    crate::replace_children!(
        conn,
        offer_sessions::table,
        offer_sessions::offer_id,
        id,
        sessions
    )
}

/// One more dated session (an extra meeting).
pub fn add_session(conn: &mut Tx, session: &OfferSession) -> QueryResult<()> {
    conn.offer_content_changed(&session.offer_id);
    let conn: &mut DbConn = conn;
    diesel::insert_into(offer_sessions::table)
        .values(session)
        .execute(conn)
        .map(|_| ())
}

/// (offer id, tag kind, tag key) for the given offers.
pub fn tags_of(conn: &mut DbConn, ids: &[OfferId]) -> QueryResult<Vec<(OfferId, TagKind, String)>> {
    offer_tags::table
        .inner_join(tags::table)
        .filter(offer_tags::offer_id.eq_any(ids))
        .select((offer_tags::offer_id, tags::kind, tags::key))
        .order((offer_tags::offer_id.asc(), tags::key.asc()))
        .load(conn)
}

pub fn slots_of(conn: &mut DbConn, ids: &[OfferId]) -> QueryResult<Vec<OfferSlot>> {
    offer_slots::table
        .filter(offer_slots::offer_id.eq_any(ids))
        .select(OfferSlot::as_select())
        .order((
            offer_slots::weekday.asc(),
            offer_slots::start_time.asc(),
            offer_slots::id.asc(),
        ))
        .load(conn)
}

pub fn sessions_of(conn: &mut DbConn, ids: &[OfferId]) -> QueryResult<Vec<OfferSession>> {
    offer_sessions::table
        .filter(offer_sessions::offer_id.eq_any(ids))
        .select(OfferSession::as_select())
        .order((offer_sessions::starts_at.asc(), offer_sessions::id.asc()))
        .load(conn)
}

pub fn organisation_names(
    conn: &mut DbConn,
    ids: &[OrganisationId],
) -> QueryResult<Vec<(OrganisationId, String)>> {
    organisations::table
        .filter(organisations::id.eq_any(ids))
        .select((organisations::id, organisations::name))
        .load(conn)
}

pub fn district_names(
    conn: &mut DbConn,
    ids: &[DistrictId],
) -> QueryResult<Vec<(DistrictId, String)>> {
    districts::table
        .filter(districts::id.eq_any(ids))
        .select((districts::id, districts::name))
        .load(conn)
}

/// Takes `places` of an offer's capacity if they are free. The condition in the UPDATE makes this
/// safe under any concurrency, on both backends: false means the offer is full.
pub fn take_places(conn: &mut Tx, id: &OfferId, places: i32) -> QueryResult<bool> {
    conn.offer_places_changed(id);
    let conn: &mut DbConn = conn;
    diesel::update(
        offers::table
            .find(id)
            .filter((offers::accepted_places + places).le(offers::capacity)),
    )
    .set(offers::accepted_places.eq(offers::accepted_places + places))
    .execute(conn)
    .map(|updated| updated == 1)
}

/// Gives places back when an accepted sign-up ends.
pub fn release_places(conn: &mut Tx, id: &OfferId, places: i32) -> QueryResult<()> {
    conn.offer_places_changed(id);
    let conn: &mut DbConn = conn;
    diesel::update(
        offers::table
            .find(id)
            .filter(offers::accepted_places.ge(places)),
    )
    .set(offers::accepted_places.eq(offers::accepted_places - places))
    .execute(conn)
    .map(|_| ())
}

pub fn close_all_of(
    conn: &mut Tx,
    organisation_id: &OrganisationId,
    now: chrono::NaiveDateTime,
) -> QueryResult<usize> {
    let closing: Vec<OfferId> = offers::table
        .filter(offers::organisation_id.eq(organisation_id))
        .filter(offers::status.eq(OfferStatus::Published))
        .select(offers::id)
        .load(&mut **conn)?;
    for id in &closing {
        conn.offer_content_changed(id);
    }
    let conn: &mut DbConn = conn;
    diesel::update(
        offers::table
            .filter(offers::organisation_id.eq(organisation_id))
            .filter(offers::status.eq(OfferStatus::Published)),
    )
    .set((
        offers::status.eq(OfferStatus::Closed),
        offers::updated_at.eq(now),
    ))
    .execute(conn)
}

/// The district an offer is in, if the offer exists.
pub fn district_of(conn: &mut DbConn, id: &str) -> QueryResult<Option<DistrictId>> {
    offers::table
        .find(id)
        .select(offers::district_id)
        .first(conn)
        .optional()
}

//! Offer rules: who may create and change offers, what a valid offer is, publishing and closing,
//! and the public listing.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::dto::*;
use super::models::*;
use super::repo::{self, ListFilter};
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::db::ids::{DistrictId, OfferId, OrganisationId, SlotId, TagId};
use crate::db::search;
use crate::db::tx::Tx;
use crate::error::{AppError, ErrorCode, FieldErrors};
use crate::features::organisations::models::OrganisationStatus;
use crate::features::organisations::service as organisations;
use crate::features::tags::models::TagKind;
use crate::features::{districts, signups, tags};
use crate::http::pagination::Page;
use crate::matching::Tags;
use crate::state::AppState;

const MAX_TITLE_CHARS: usize = 120;
const MAX_DESCRIPTION_CHARS: usize = 5000;
const MAX_CAPACITY: i32 = 1000;
const MAX_SLOTS: usize = 21;
const MAX_SESSIONS: usize = 200;
const MAX_QUERY_WORDS: usize = 8;

/// An input that passed every check, normalised and with its tags resolved.
struct ValidOffer {
    input: OfferInput,
    tag_ids: Vec<TagId>,
    slots: Vec<(i32, String, String)>,
    sessions: Vec<(NaiveDateTime, NaiveDateTime)>,
}

fn parse_date(field: &str, raw: &Option<String>, errors: &mut FieldErrors) -> Option<NaiveDate> {
    let raw = raw.as_deref()?;
    let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok();
    if date.is_none() {
        errors.add(
            field,
            ErrorCode::InvalidDate,
            "Use a date such as 2027-03-01.",
        );
    }
    date
}

fn parse_time(raw: &str) -> Option<NaiveTime> {
    if raw.len() != 5 {
        return None;
    }
    NaiveTime::parse_from_str(raw, "%H:%M").ok()
}

/// Checks an offer completely, collecting every wrong field.
/// `existing` is the offer before a change: its retired tags and district stay allowed, so an
/// offer can still be edited after an admin retires something it uses.
fn validate(
    conn: &mut DbConn,
    organisation_id: &OrganisationId,
    mut input: OfferInput,
    existing: Option<&OfferInput>,
) -> Result<ValidOffer, AppError> {
    let mut errors = FieldErrors::new();
    // Title and address are shown as one line wherever the offer appears.
    let mut one_line = |field: &str, raw: &str| {
        errors
            .check(crate::validate::single_line(field, raw))
            .unwrap_or_else(|| raw.trim().to_string())
    };
    input.details.title = one_line("title", &input.details.title);
    input.details.address = one_line("address", &input.details.address);
    input.details.description = input.details.description.trim().to_string();
    input.details.programme = input
        .details
        .programme
        .take()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty());
    let details = &input.details;
    let schedule = &input.schedule;
    let title_chars = details.title.chars().count();
    if !(3..=MAX_TITLE_CHARS).contains(&title_chars) && !errors.has("title") {
        errors.add(
            "title",
            ErrorCode::Invalid,
            format!("Use 3 to {MAX_TITLE_CHARS} characters."),
        );
    }
    if details.description.is_empty() || details.description.chars().count() > MAX_DESCRIPTION_CHARS
    {
        errors.add(
            "description",
            ErrorCode::Invalid,
            format!("Describe the offer in at most {MAX_DESCRIPTION_CHARS} characters."),
        );
    }
    if details.address.chars().count() > 200 {
        errors.add("address", ErrorCode::TooLong, "Use at most 200 characters.");
    }
    match (details.latitude, details.longitude) {
        (None, None) => {}
        (Some(lat), Some(lon))
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) => {}
        _ => errors.add(
            "latitude",
            ErrorCode::Invalid,
            "Give both latitude and longitude, within range.",
        ),
    }
    let start = parse_date("start_date", &details.start_date, &mut errors);
    let end = parse_date("end_date", &details.end_date, &mut errors);
    if let (Some(start), Some(end)) = (start, end)
        && end < start
    {
        errors.add(
            "end_date",
            ErrorCode::BeforeStart,
            "The end date is before the start date.",
        );
    }
    if !(1..=MAX_CAPACITY).contains(&details.capacity) {
        errors.add(
            "capacity",
            ErrorCode::OutOfRange,
            format!("Use 1 to {MAX_CAPACITY} places."),
        );
    }
    if details.min_age.is_some_and(|age| !(0..=120).contains(&age)) {
        errors.add(
            "min_age",
            ErrorCode::OutOfRange,
            "Use an age from 0 to 120.",
        );
    }
    if details
        .programme
        .as_ref()
        .is_some_and(|p| p.chars().count() > 120)
    {
        errors.add(
            "programme",
            ErrorCode::TooLong,
            "Use at most 120 characters.",
        );
    }
    let mut slots = Vec::new();
    if schedule.weekly_slots.len() > MAX_SLOTS {
        errors.add(
            "weekly_slots",
            ErrorCode::TooMany,
            format!("Use at most {MAX_SLOTS} slots."),
        );
    }
    for (index, slot) in schedule.weekly_slots.iter().enumerate() {
        let field = format!("weekly_slots[{index}]");
        match (parse_time(&slot.start), parse_time(&slot.end)) {
            (Some(start), Some(end)) if (1..=7).contains(&slot.weekday) && end > start => {
                slots.push((slot.weekday, start.format("%H:%M").to_string(), end.format("%H:%M").to_string()));
            }
            _ => errors.add(
                &field,
                ErrorCode::InvalidSlot,
                "Use a weekday from 1 (Monday) to 7 (Sunday) and times such as 09:30, the end after the start.",
            ),
        }
    }
    let mut sessions = Vec::new();
    if schedule.sessions.len() > MAX_SESSIONS {
        errors.add(
            "sessions",
            ErrorCode::TooMany,
            format!("Use at most {MAX_SESSIONS} sessions."),
        );
    }
    for (index, session) in schedule.sessions.iter().enumerate() {
        if session.ends_at <= session.starts_at {
            errors.add(
                &format!("sessions[{index}]"),
                ErrorCode::InvalidSession,
                "The end is before the start.",
            );
        } else {
            sessions.push((session.starts_at.naive_utc(), session.ends_at.naive_utc()));
        }
    }
    // Tags: each list resolved against its own kind.
    let mut tag_ids = Vec::new();
    for &kind in TagKind::ALL {
        let keys = kind.of(&input.tags);
        let kept = existing
            .map(|e| kind.of(&e.tags).as_slice())
            .unwrap_or_default();
        let found = errors.absorb(tags::service::resolve(
            conn,
            kind,
            kind.list_field(),
            keys,
            kept,
        ))?;
        tag_ids.extend(found.into_iter().flatten().map(|tag| tag.id));
    }
    let district_changed = existing.is_none_or(|e| e.details.district_id != details.district_id);
    if district_changed {
        errors.absorb(district_served(conn, organisation_id, &details.district_id))?;
    }
    errors.finish()?;
    Ok(ValidOffer {
        input,
        tag_ids,
        slots,
        sessions,
    })
}

/// The offer's district must be an active district (not an area) within what the organisation serves.
fn district_served(
    conn: &mut DbConn,
    organisation_id: &OrganisationId,
    district_id: &DistrictId,
) -> Result<(), AppError> {
    districts::service::active_neighbourhood(conn, district_id, "district_id")?;
    let all = districts::service::all(conn)?;
    let served = organisations::district_ids(conn, organisation_id)?;
    let inside = served
        .iter()
        .any(|root| districts::service::subtree_ids(&all, root).contains(district_id));
    if inside {
        Ok(())
    } else {
        Err(AppError::field(
            "district_id",
            ErrorCode::DistrictNotServed,
            "Your organisation does not work in this district.",
        ))
    }
}

fn search_columns(details: &OfferDetails) -> SearchColumns {
    SearchColumns {
        search_title: search::normalize(&details.title),
        search_text: search_text(&details.title, &details.description),
    }
}

/// What a search looks through: the title and the description, normalised.
pub fn search_text(title: &str, description: &str) -> String {
    search::normalize(&format!("{title} {description}"))
}

fn save_lists(conn: &mut Tx, id: &OfferId, valid: &ValidOffer) -> Result<(), AppError> {
    repo::replace_tags(conn, id, &valid.tag_ids)?;
    let slots: Vec<OfferSlot> = valid
        .slots
        .iter()
        .map(|(weekday, start, end)| OfferSlot {
            id: SlotId::new(),
            offer_id: id.clone(),
            weekday: *weekday,
            start_time: start.clone(),
            end_time: end.clone(),
        })
        .collect();
    repo::replace_slots(conn, id, &slots)?;
    let sessions: Vec<OfferSession> = valid
        .sessions
        .iter()
        .map(|(starts_at, ends_at)| OfferSession {
            id: SlotId::new(),
            offer_id: id.clone(),
            starts_at: *starts_at,
            ends_at: *ends_at,
        })
        .collect();
    repo::replace_sessions(conn, id, &sessions)?;
    Ok(())
}

/// Creates an offer as a draft. Used by the API (after the membership check) and the seeders.
pub fn create_in(
    conn: &mut Tx,
    now: NaiveDateTime,
    user: &crate::db::ids::UserId,
    organisation_id: &OrganisationId,
    input: OfferInput,
) -> Result<OfferId, AppError> {
    let valid = validate(conn, organisation_id, input, None)?;
    let id = OfferId::new();
    repo::insert(
        conn,
        &NewOffer {
            id: &id,
            organisation_id,
            accepted_places: 0,
            status: OfferStatus::Draft,
            created_by: user,
            created_at: now,
            updated_at: now,
        },
        &valid.input.details,
        &search_columns(&valid.input.details),
    )?;
    save_lists(conn, &id, &valid)?;
    Ok(id)
}

/// Members of an organisation create offers; they start as drafts.
pub async fn create(
    state: &AppState,
    user: AuthUser,
    request: CreateOfferRequest,
) -> Result<OfferResponse, AppError> {
    user.require_verified()?;
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let organisation_id = request.organisation_id.clone();
            let (organisation, _) = organisations::require_member(conn, &organisation_id, &user)?;
            if organisation.status == OrganisationStatus::Rejected {
                return Err(AppError::organisation_not_verified());
            }
            let input = OfferInput {
                details: request.details,
                schedule: request.schedule,
                tags: request.tags,
            };
            let id = create_in(conn, clock.now_naive(), &user.id, &organisation_id, input)?;
            one_response(conn, &id)
        })
        .await
}

/// The offer if `viewer` may see it: published and closed ones are public, drafts exist only for
/// the organisation's members (404 for everyone else, so drafts do not leak).
pub fn visible(
    conn: &mut DbConn,
    id: &OfferId,
    viewer: Option<&AuthUser>,
) -> Result<Offer, AppError> {
    let offer = repo::find(conn, id)?.ok_or(AppError::NotFound)?;
    if offer.status == OfferStatus::Draft {
        let standing = organisations::standing(conn, &offer.organisation_id, viewer)?;
        if !standing.is_member() {
            return Err(AppError::NotFound);
        }
    }
    Ok(offer)
}

/// The offer for a member of its organisation: 404 when the caller may not even see it, 403 when
/// it is public but not theirs.
pub fn require_member(conn: &mut DbConn, id: &OfferId, user: &AuthUser) -> Result<Offer, AppError> {
    let offer = visible(conn, id, Some(user))?;
    let standing = organisations::standing(conn, &offer.organisation_id, Some(user))?;
    if !standing.is_member() {
        return Err(AppError::not_a_member());
    }
    Ok(offer)
}

pub async fn get(
    state: &AppState,
    viewer: Option<AuthUser>,
    id: OfferId,
) -> Result<OfferResponse, AppError> {
    state
        .db
        .run(move |conn| {
            let offer = visible(conn, &id, viewer.as_ref())?;
            Ok(responses(conn, vec![offer])?.remove(0))
        })
        .await
}

/// Published and closed offers in their wire form, from the catalog's cache where it has them
/// (with free places as they are now) and in four queries for the rest. Drafts are left out.
pub async fn public_offers(
    state: &AppState,
    ids: Vec<OfferId>,
) -> Result<HashMap<OfferId, OfferResponse>, AppError> {
    let mut found = HashMap::with_capacity(ids.len());
    let mut missing = Vec::new();
    for id in ids {
        match state.catalog.offer(&id) {
            Some(offer) => {
                found.insert(id, offer);
            }
            None => missing.push(id),
        }
    }
    if missing.is_empty() {
        return Ok(found);
    }
    let version = state.catalog.version();
    let loaded = state
        .db
        .run(move |conn| {
            let rows = repo::find_public_named(conn, &missing)?;
            named_responses(conn, rows)
        })
        .await?;
    for offer in loaded {
        let offer = state.catalog.keep_offer(offer, version);
        found.insert(offer.id.clone(), offer);
    }
    Ok(found)
}

fn one_response(conn: &mut DbConn, id: &OfferId) -> Result<OfferResponse, AppError> {
    let offer = repo::find(conn, id)?.ok_or(AppError::NotFound)?;
    Ok(responses(conn, vec![offer])?.remove(0))
}

/// The offer as it is with `change` applied: each field in the change replaces the stored one
/// (JSON merge patch, one level deep). The result is read like a create body, so a wrong or
/// unknown field gets the same 422.
fn changed(before: &OfferInput, change: OfferChange) -> Result<OfferInput, AppError> {
    let serde_json::Value::Object(mut merged) =
        serde_json::to_value(before).map_err(AppError::internal)?
    else {
        return Err(AppError::internal("an offer is not a JSON object"));
    };
    if change.0.contains_key("organisation_id") {
        return Err(AppError::field(
            "organisation_id",
            ErrorCode::UnknownField,
            "An offer stays with its organisation.",
        ));
    }
    merged.extend(change.0);
    crate::http::json::from_value(serde_json::Value::Object(merged))
}

/// Members change an offer; lists replace whole lists. A larger capacity lets the waitlist move up.
pub async fn update(
    state: &AppState,
    user: AuthUser,
    id: OfferId,
    change: OfferChange,
) -> Result<OfferResponse, AppError> {
    let clock = state.clock.clone();
    let public_url = state.settings.app.public_url.clone();
    let response = state
        .write(move |conn| {
            let offer = require_member(conn, &id, &user)?;
            let current = responses(conn, vec![offer.clone()])?.remove(0);
            let before = OfferInput {
                details: current.details,
                schedule: current.schedule,
                tags: current.tags,
            };
            let input = changed(&before, change)?;
            if input.details.capacity < offer.accepted_places {
                return Err(AppError::field(
                    "capacity",
                    ErrorCode::BelowAccepted,
                    format!(
                        "{} places are taken already; lower the capacity after sign-ups end.",
                        offer.accepted_places
                    ),
                ));
            }
            let valid = validate(conn, &offer.organisation_id, input, Some(&before))?;
            let now = clock.now_naive();
            repo::update(
                conn,
                &id,
                &valid.input.details,
                &search_columns(&valid.input.details),
                now,
            )?;
            save_lists(conn, &id, &valid)?;
            signups::service::fill_free_places(conn, &id, now, &public_url)?;
            one_response(conn, &id)
        })
        .await?;
    Ok(response)
}

/// Publishes a draft (or reopens a closed offer). Only verified organisations publish.
pub async fn publish(
    state: &AppState,
    user: AuthUser,
    id: OfferId,
) -> Result<OfferResponse, AppError> {
    let clock = state.clock.clone();
    let public_url = state.settings.app.public_url.clone();
    state
        .write(move |conn| {
            let offer = require_member(conn, &id, &user)?;
            let (organisation, _) =
                organisations::require_member(conn, &offer.organisation_id, &user)?;
            if organisation.status != OrganisationStatus::Verified {
                return Err(AppError::organisation_not_verified());
            }
            districts::service::active_district(conn, &offer.details.district_id, "district_id")?;
            let now = clock.now_naive();
            repo::set_status(conn, &id, OfferStatus::Published, now)?;
            // Reopening: places that came free while closed go to the waitlist first.
            signups::service::fill_free_places(conn, &id, now, &public_url)?;
            one_response(conn, &id)
        })
        .await
}

/// Closes an offer: it leaves the public list and takes no new sign-ups; existing ones stay.
pub async fn close(
    state: &AppState,
    user: AuthUser,
    id: OfferId,
) -> Result<OfferResponse, AppError> {
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            require_member(conn, &id, &user)?;
            repo::set_status(conn, &id, OfferStatus::Closed, clock.now_naive())?;
            one_response(conn, &id)
        })
        .await
}

/// The public list of published offers.
pub async fn list(state: &AppState, query: OfferQuery) -> Result<OfferList, AppError> {
    let page = Page::from_parts(query.limit, query.cursor.as_deref())?;
    if query.weekday.is_some_and(|day| !(1..=7).contains(&day)) {
        return Err(AppError::field(
            "weekday",
            ErrorCode::OutOfRange,
            "Use 1 (Monday) to 7 (Sunday).",
        ));
    }
    let words: Vec<String> = query
        .q
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .map(search::normalize)
        .filter(|word| !word.is_empty())
        .take(MAX_QUERY_WORDS)
        .collect();
    if query.tag.len() > 10 {
        return Err(AppError::field(
            "tag",
            ErrorCode::TooMany,
            "Filter on at most 10 tags.",
        ));
    }
    let today = crate::clock::local_date(state.clock.now())
        .format("%Y-%m-%d")
        .to_string();
    let district_ids = match &query.district {
        Some(root) => {
            let all = districts::service::all_cached(state).await?;
            if !all.iter().any(|d| &d.id == root) {
                return Err(AppError::field(
                    "district",
                    ErrorCode::UnknownReference,
                    "There is no such district.",
                ));
            }
            Some(districts::service::subtree_ids(&all, root))
        }
        None => None,
    };
    let rings = match &query.near {
        Some(near) if words.is_empty() => {
            let all = districts::service::all_cached(state).await?;
            if !all.iter().any(|d| &d.id == near) {
                return Err(AppError::field(
                    "near",
                    ErrorCode::UnknownReference,
                    "There is no such district.",
                ));
            }
            Some(nearness_rings(&all, near))
        }
        _ => None,
    };
    let filter = ListFilter {
        district_ids,
        exclude_district_ids: None,
        organisation_id: query.organisation.clone(),
        kind: query.kind,
        tag_keys: query.tag.clone(),
        words,
        available: query.available.unwrap_or(false),
        weekday: query.weekday,
        today,
    };
    let (after, fetch) = (page.after.clone(), page.fetch());
    let ids = state
        .db
        .run(move |conn| match rings {
            Some(rings) => nearest_first(conn, filter, &rings, after.as_deref(), fetch),
            None => Ok(repo::list_published(
                conn,
                &filter,
                after.as_deref(),
                fetch,
            )?),
        })
        .await?;
    let (ids, next_cursor) = page.finish(ids, OfferId::as_str);
    let mut offers = public_offers(state, ids.clone()).await?;
    Ok(OfferList {
        // An offer deleted since the query is left out.
        items: ids.iter().filter_map(|id| offers.remove(id)).collect(),
        next_cursor,
    })
}

/// The districts around `near`, nearest first: its own subtree, then the rest of its parent's
/// subtree, and so on up to its municipality. Everything else comes after the last ring.
fn nearness_rings(
    all: &[crate::features::districts::models::District],
    near: &DistrictId,
) -> Vec<Vec<DistrictId>> {
    let mut rings: Vec<Vec<DistrictId>> = Vec::new();
    let mut seen: HashSet<DistrictId> = HashSet::new();
    let mut root = Some(near.clone());
    while let Some(current) = root {
        let ring: Vec<DistrictId> = districts::service::subtree_ids(all, &current)
            .into_iter()
            .filter(|id| seen.insert(id.clone()))
            .collect();
        rings.push(ring);
        root = all
            .iter()
            .find(|d| d.id == current)
            .and_then(|d| d.parent_id.clone());
    }
    rings
}

/// One ring's districts as a list filter: in these districts, or (the last) outside these.
struct Step {
    only: Option<Vec<DistrictId>>,
    not: Option<Vec<DistrictId>>,
}

/// One page of the public list, nearest ring first. The cursor's offer tells which ring the page
/// goes on in; each ring is newest first, so the usual id cursor works within it.
fn nearest_first(
    conn: &mut DbConn,
    filter: ListFilter,
    rings: &[Vec<DistrictId>],
    after: Option<&str>,
    fetch: i64,
) -> Result<Vec<OfferId>, AppError> {
    let wanted: Option<HashSet<DistrictId>> = filter
        .district_ids
        .as_ref()
        .map(|ids| ids.iter().cloned().collect());
    let inside = |ring: &[DistrictId]| -> Vec<DistrictId> {
        ring.iter()
            .filter(|id| wanted.as_ref().is_none_or(|wanted| wanted.contains(*id)))
            .cloned()
            .collect()
    };
    let everywhere_near: Vec<DistrictId> = rings.iter().flatten().cloned().collect();
    // The rings, then the rest: inside the district filter when there is one, else "not near".
    let mut steps: Vec<Step> = rings
        .iter()
        .map(|ring| Step {
            only: Some(inside(ring)),
            not: None,
        })
        .collect();
    steps.push(match &filter.district_ids {
        Some(ids) => Step {
            only: Some(
                ids.iter()
                    .filter(|id| !everywhere_near.contains(id))
                    .cloned()
                    .collect(),
            ),
            not: None,
        },
        None => Step {
            only: None,
            not: Some(everywhere_near.clone()),
        },
    });
    let (first_step, mut cursor) = match after {
        None => (0, None),
        Some(after) => {
            let district = repo::district_of(conn, after)?;
            let step = district
                .and_then(|d| rings.iter().position(|ring| ring.contains(&d)))
                .unwrap_or(rings.len());
            (step, Some(after))
        }
    };
    let mut ids = Vec::new();
    for step in steps.into_iter().skip(first_step) {
        if step.only.as_ref().is_some_and(Vec::is_empty) {
            cursor = None;
            continue;
        }
        let step_filter = ListFilter {
            district_ids: step.only,
            exclude_district_ids: step.not,
            ..filter.clone()
        };
        let more = fetch - ids.len() as i64;
        ids.extend(repo::list_published(conn, &step_filter, cursor, more)?);
        cursor = None;
        if ids.len() as i64 >= fetch {
            break;
        }
    }
    Ok(ids)
}

/// An organisation's own offers in every status (members only).
pub async fn list_for_organisation(
    state: &AppState,
    user: AuthUser,
    organisation_id: OrganisationId,
    query: OrganisationOfferQuery,
) -> Result<OfferList, AppError> {
    let page = Page::from_parts(query.limit, query.cursor.as_deref())?;
    state
        .db
        .run(move |conn| {
            organisations::require_member(conn, &organisation_id, &user)?;
            let rows = repo::list_for_organisation(
                conn,
                &organisation_id,
                query.status,
                page.after.as_deref(),
                page.fetch(),
            )?;
            let (rows, next_cursor) = page.finish(rows, |offer| offer.id.as_str());
            Ok(OfferList {
                items: responses(conn, rows)?,
                next_cursor,
            })
        })
        .await
}

fn utc(time: NaiveDateTime) -> DateTime<Utc> {
    time.and_utc()
}

/// An offer's stored lists: its schedule and its tags.
#[derive(Debug, Default, Clone)]
pub struct OfferLists {
    pub schedule: OfferSchedule,
    pub tags: Tags<Vec<String>>,
}

/// The lists of these offers, in three queries whatever their number.
pub fn lists_of(
    conn: &mut DbConn,
    ids: &[OfferId],
) -> Result<HashMap<OfferId, OfferLists>, AppError> {
    let mut lists: HashMap<OfferId, OfferLists> = HashMap::new();
    for (offer_id, kind, key) in repo::tags_of(conn, ids)? {
        kind.of_mut(&mut lists.entry(offer_id).or_default().tags)
            .push(key);
    }
    for slot in repo::slots_of(conn, ids)? {
        let schedule = &mut lists.entry(slot.offer_id).or_default().schedule;
        schedule.weekly_slots.push(WeeklySlot {
            weekday: slot.weekday,
            start: slot.start_time,
            end: slot.end_time,
        });
    }
    for session in repo::sessions_of(conn, ids)? {
        let schedule = &mut lists.entry(session.offer_id).or_default().schedule;
        schedule.sessions.push(DatedSession {
            starts_at: utc(session.starts_at),
            ends_at: utc(session.ends_at),
        });
    }
    Ok(lists)
}

/// Builds responses for offers with a fixed number of queries (names, tags, slots, sessions),
/// whatever the number of offers.
pub fn responses(conn: &mut DbConn, offers: Vec<Offer>) -> Result<Vec<OfferResponse>, AppError> {
    if offers.is_empty() {
        return Ok(Vec::new());
    }
    let organisation_ids: Vec<OrganisationId> =
        offers.iter().map(|o| o.organisation_id.clone()).collect();
    let district_ids: Vec<DistrictId> = offers
        .iter()
        .map(|o| o.details.district_id.clone())
        .collect();
    let organisation_names: HashMap<OrganisationId, String> =
        repo::organisation_names(conn, &organisation_ids)?
            .into_iter()
            .collect();
    let district_names: HashMap<DistrictId, String> = repo::district_names(conn, &district_ids)?
        .into_iter()
        .collect();
    let named = offers
        .into_iter()
        .map(|offer| {
            let organisation = organisation_names
                .get(&offer.organisation_id)
                .cloned()
                .unwrap_or_default();
            let district = district_names
                .get(&offer.details.district_id)
                .cloned()
                .unwrap_or_default();
            (offer, organisation, district)
        })
        .collect();
    named_responses(conn, named)
}

/// Responses for offers read with their organisation's and district's names: the lists in three
/// queries.
pub fn named_responses(
    conn: &mut DbConn,
    offers: Vec<(Offer, String, String)>,
) -> Result<Vec<OfferResponse>, AppError> {
    let ids: Vec<OfferId> = offers.iter().map(|(o, _, _)| o.id.clone()).collect();
    let mut lists = if ids.is_empty() {
        HashMap::new()
    } else {
        lists_of(conn, &ids)?
    };
    Ok(offers
        .into_iter()
        .map(|(offer, organisation_name, district_name)| {
            let OfferLists { schedule, tags } = lists.remove(&offer.id).unwrap_or_default();
            OfferResponse {
                free_places: offer.free_places(),
                id: offer.id,
                organisation_id: offer.organisation_id,
                organisation_name,
                district_name,
                status: offer.status,
                created_at: utc(offer.created_at),
                updated_at: utc(offer.updated_at),
                details: offer.details,
                schedule,
                tags,
            }
        })
        .collect())
}

/// Adds one dated session to an offer (an extra meeting), within the limit on sessions.
pub fn add_session(
    conn: &mut Tx,
    id: &OfferId,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
) -> Result<(), AppError> {
    if repo::sessions_of(conn, std::slice::from_ref(id))?.len() >= MAX_SESSIONS {
        return Err(AppError::field(
            "starts_at",
            ErrorCode::TooMany,
            format!("An offer has at most {MAX_SESSIONS} sessions."),
        ));
    }
    let session = OfferSession {
        id: SlotId::new(),
        offer_id: id.clone(),
        starts_at: starts_at.naive_utc(),
        ends_at: ends_at.naive_utc(),
    };
    Ok(repo::add_session(conn, &session)?)
}

/// For other features: take or give back places (see the capacity rule in repo::take_places).
pub fn take_places(conn: &mut Tx, id: &OfferId, places: i32) -> Result<bool, AppError> {
    Ok(repo::take_places(conn, id, places)?)
}

pub fn release_places(conn: &mut Tx, id: &OfferId, places: i32) -> Result<(), AppError> {
    Ok(repo::release_places(conn, id, places)?)
}

/// Fills in the search text of offers that have none (stored before search existed).
pub fn index_for_search(conn: &mut DbConn) -> Result<usize, AppError> {
    let unindexed = repo::without_search_text(conn)?;
    for (id, title, description) in &unindexed {
        repo::set_search_text(
            conn,
            id,
            &search::normalize(title),
            &search_text(title, description),
        )?;
    }
    Ok(unindexed.len())
}

/// The titles of these offers.
pub fn titles(conn: &mut DbConn, ids: &[OfferId]) -> Result<HashMap<OfferId, String>, AppError> {
    Ok(repo::find_many(conn, ids)?
        .into_iter()
        .map(|offer| (offer.id, offer.details.title))
        .collect())
}

pub fn find(conn: &mut DbConn, id: &OfferId) -> Result<Option<Offer>, AppError> {
    Ok(repo::find(conn, id)?)
}

/// Sets an offer's status directly (seeders).
pub fn set_status_in(
    conn: &mut Tx,
    id: &OfferId,
    status: OfferStatus,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    Ok(repo::set_status(conn, id, status, now)?)
}

/// Closes every published offer of an organisation (when an admin rejects it).
pub fn close_all_of(
    conn: &mut Tx,
    organisation_id: &OrganisationId,
    now: NaiveDateTime,
) -> Result<usize, AppError> {
    Ok(repo::close_all_of(conn, organisation_id, now)?)
}

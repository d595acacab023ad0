//! Profile rules: what a valid profile is, consent, and turning a profile into the matcher's Person.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDateTime, NaiveTime, Timelike};

use super::dto::*;
use super::models::{AvailabilityRow, MaxTravel, Profile};
use super::repo;
use crate::auth::AuthUser;
use crate::db::DbConn;
use crate::db::ids::{SlotId, TagId, UserId};
use crate::db::tx::Tx;
use crate::error::{AppError, ErrorCode, FieldErrors};
use crate::features::offers::models::{DutchLevel, Guidance};
use crate::features::tags::models::TagKind;
use crate::features::{districts, tags};
use crate::matching::{self, Person, Place, Tags, Travel, Window};
use crate::state::AppState;

const MAX_WINDOWS: usize = 21;

/// A profile with its tags and availability, as stored.
#[derive(Debug, Clone)]
pub struct FullProfile {
    pub profile: Profile,
    /// `access` holds the access needs.
    pub tags: Tags<Vec<String>>,
    pub availability: Vec<AvailabilityRow>,
}

fn empty_profile(user_id: &UserId, now: NaiveDateTime) -> Profile {
    Profile {
        user_id: user_id.clone(),
        district_id: None,
        birth_year: None,
        dutch_level: DutchLevel::None,
        guidance_needed: Guidance::None,
        max_travel: MaxTravel::Anywhere,
        share_with_workers: false,
        consent_changed_at: None,
        share_email: false,
        share_phone: false,
        phone: None,
        created_at: now,
        updated_at: now,
    }
}

/// Loads profiles with their tags and availability, in two extra queries for any number.
pub fn load_many(conn: &mut DbConn, profiles: Vec<Profile>) -> Result<Vec<FullProfile>, AppError> {
    let ids: Vec<UserId> = profiles.iter().map(|p| p.user_id.clone()).collect();
    let mut tags_by_user: HashMap<UserId, Tags<Vec<String>>> = HashMap::new();
    for (user, kind, key) in repo::tags_of(conn, &ids)? {
        kind.of_mut(tags_by_user.entry(user).or_default()).push(key);
    }
    let mut windows_by_user: HashMap<UserId, Vec<AvailabilityRow>> = HashMap::new();
    for row in repo::availability_of(conn, &ids)? {
        windows_by_user
            .entry(row.user_id.clone())
            .or_default()
            .push(row);
    }
    Ok(profiles
        .into_iter()
        .map(|profile| FullProfile {
            tags: tags_by_user.remove(&profile.user_id).unwrap_or_default(),
            availability: windows_by_user.remove(&profile.user_id).unwrap_or_default(),
            profile,
        })
        .collect())
}

pub fn load(conn: &mut DbConn, user_id: &UserId) -> Result<Option<FullProfile>, AppError> {
    match repo::find(conn, user_id)? {
        Some(profile) => Ok(load_many(conn, vec![profile])?.pop()),
        None => Ok(None),
    }
}

pub fn response(
    conn: &mut DbConn,
    full: Option<FullProfile>,
    user_id: &UserId,
    now: NaiveDateTime,
) -> Result<ProfileResponse, AppError> {
    let completed = full.is_some();
    let full = full.unwrap_or_else(|| FullProfile {
        profile: empty_profile(user_id, now),
        tags: Tags::default(),
        availability: Vec::new(),
    });
    let district_name = match &full.profile.district_id {
        Some(id) => districts::service::find(conn, id)?.map(|d| d.name),
        None => None,
    };
    let p = &full.profile;
    Ok(ProfileResponse {
        completed,
        district_id: p.district_id.clone(),
        district_name,
        birth_year: p.birth_year,
        skills: full.tags.skills.clone(),
        interests: full.tags.interests.clone(),
        goals: full.tags.goals.clone(),
        languages: full.tags.languages.clone(),
        access_needs: full.tags.access.clone(),
        guidance_needed: p.guidance_needed,
        dutch_level: p.dutch_level,
        availability: full
            .availability
            .iter()
            .map(|w| AvailabilityWindow {
                weekday: w.weekday,
                start: w.start_time.clone(),
                end: w.end_time.clone(),
            })
            .collect(),
        max_travel: p.max_travel,
        share_with_workers: p.share_with_workers,
        consent_changed_at: p.consent_changed_at.map(|t| t.and_utc()),
        share_email: p.share_email,
        share_phone: p.share_phone,
        phone: p.phone.clone(),
    })
}

pub async fn get_mine(state: &AppState, user: AuthUser) -> Result<ProfileResponse, AppError> {
    let now = state.clock.now_naive();
    state
        .db
        .run(move |conn| {
            let full = load(conn, &user.id)?;
            response(conn, full, &user.id, now)
        })
        .await
}

fn parse_time(raw: &str) -> Option<NaiveTime> {
    (raw.len() == 5)
        .then(|| NaiveTime::parse_from_str(raw, "%H:%M").ok())
        .flatten()
}

/// A window's start and end: from the part of the day, or from the times given.
fn window_times(window: &AvailabilityInput) -> Option<(String, String)> {
    match (
        window.part_of_day,
        window.start.as_deref(),
        window.end.as_deref(),
    ) {
        (Some(PartOfDay::Morning), None, None) => Some(("08:00".into(), "12:00".into())),
        (Some(PartOfDay::Afternoon), None, None) => Some(("12:00".into(), "17:00".into())),
        (Some(PartOfDay::Evening), None, None) => Some(("17:00".into(), "22:00".into())),
        (None, Some(start), Some(end)) => {
            let (start, end) = (parse_time(start)?, parse_time(end)?);
            (end > start).then(|| {
                (
                    start.format("%H:%M").to_string(),
                    end.format("%H:%M").to_string(),
                )
            })
        }
        _ => None,
    }
}

/// Saves the resident's profile, replacing the previous one. Every wrong field is named.
pub async fn put_mine(
    state: &AppState,
    user: AuthUser,
    request: ProfileRequest,
) -> Result<ProfileResponse, AppError> {
    let clock = state.clock.clone();
    state
        .write(move |conn| save(conn, &user.id, &request, clock.now()))
        .await
}

/// Saves a resident's profile, replacing the previous one; every wrong field is named. Used by
/// the API and the demo seed.
pub fn save(
    conn: &mut Tx,
    user_id: &UserId,
    request: &ProfileRequest,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<ProfileResponse, AppError> {
    let now = at.naive_utc();
    let mut errors = FieldErrors::new();
    if let Some(district_id) = &request.district_id {
        errors.absorb(districts::service::active_neighbourhood(
            conn,
            district_id,
            "district_id",
        ))?;
    }
    let this_year = at.year();
    if request
        .birth_year
        .is_some_and(|year| !(1900..=this_year).contains(&year))
    {
        errors.add(
            "birth_year",
            ErrorCode::OutOfRange,
            format!("Use a year from 1900 to {this_year}."),
        );
    }
    let existing = load(conn, user_id)?;
    let mut tag_ids: Vec<TagId> = Vec::new();
    for (field, kind, keys) in [
        ("skills", TagKind::Skill, &request.skills),
        ("interests", TagKind::Interest, &request.interests),
        ("goals", TagKind::Goal, &request.goals),
        ("languages", TagKind::Language, &request.languages),
        ("access_needs", TagKind::Access, &request.access_needs),
    ] {
        let kept = existing
            .as_ref()
            .map(|e| kind.of(&e.tags).as_slice())
            .unwrap_or_default();
        let found = errors.absorb(tags::service::resolve(conn, kind, field, keys, kept))?;
        tag_ids.extend(found.into_iter().flatten().map(|t| t.id));
    }
    if request.availability.len() > MAX_WINDOWS {
        errors.add(
            "availability",
            ErrorCode::TooMany,
            format!("Use at most {MAX_WINDOWS} windows."),
        );
    }
    let mut windows = Vec::new();
    for (index, window) in request.availability.iter().enumerate() {
        match window_times(window) {
            Some((start, end)) if (1..=7).contains(&window.weekday) => windows.push(AvailabilityRow {
                id: SlotId::new(),
                user_id: user_id.clone(),
                weekday: window.weekday,
                start_time: start,
                end_time: end,
            }),
            _ => errors.add(
                &format!("availability[{index}]"),
                ErrorCode::InvalidWindow,
                "Use a weekday from 1 (Monday) to 7 (Sunday) with a part of the day, or a start and end such as 09:00–12:00.",
            ),
        }
    }
    let phone = errors
        .check(crate::validate::phone("phone", request.phone.as_deref()))
        .flatten();
    if request.share_phone && phone.is_none() && !errors.has("phone") {
        errors.add(
            "phone",
            ErrorCode::Required,
            "Fill in the phone number you want to share.",
        );
    }
    errors.finish()?;
    let previous = existing.as_ref().map(|e| e.profile.clone());
    let consent_changed_at = match &previous {
        Some(p) if p.share_with_workers == request.share_with_workers => p.consent_changed_at,
        None if !request.share_with_workers => None,
        _ => Some(now),
    };
    let profile = Profile {
        user_id: user_id.clone(),
        district_id: request.district_id.clone(),
        birth_year: request.birth_year,
        dutch_level: request.dutch_level.unwrap_or(DutchLevel::None),
        guidance_needed: request.guidance_needed.unwrap_or(Guidance::None),
        max_travel: request.max_travel.unwrap_or(MaxTravel::Anywhere),
        share_with_workers: request.share_with_workers,
        consent_changed_at,
        share_email: request.share_email,
        share_phone: request.share_phone,
        phone,
        created_at: previous.as_ref().map_or(now, |p| p.created_at),
        updated_at: now,
    };
    repo::upsert(conn, &profile, previous.is_some())?;
    // Profiles made now count in the monitor's figures of this month.
    crate::features::monitor::upkeep::touch(conn, &[], now)?;
    repo::replace_tags(conn, user_id, &tag_ids)?;
    repo::replace_availability(conn, user_id, &windows)?;
    let full = load(conn, user_id)?;
    response(conn, full, user_id, now)
}

/// Guidance as an ordered level for the matcher: none < light < intensive.
pub fn guidance_level(guidance: Guidance) -> matching::Level {
    match guidance {
        Guidance::None => 0,
        Guidance::Light => 1,
        Guidance::Intensive => 2,
    }
}

pub fn level_of_dutch(level: DutchLevel) -> matching::Level {
    match level {
        DutchLevel::None => 0,
        DutchLevel::A1 => 1,
        DutchLevel::A2 => 2,
        DutchLevel::B1 => 3,
        DutchLevel::B2 => 4,
    }
}

/// Minutes since midnight of an `HH:MM` time (0 when it does not parse).
pub fn minutes_of(raw: &str) -> u16 {
    parse_time(raw)
        .map(|t| (t.hour() * 60 + t.minute()) as u16)
        .unwrap_or(0)
}

/// The profile as the matcher's Person. `place_of` gives a district's area and municipality.
pub fn person(
    full: &FullProfile,
    this_year: i32,
    place_of: &dyn Fn(&crate::db::ids::DistrictId) -> Option<Place>,
) -> Person {
    Person {
        place: full.profile.district_id.as_ref().and_then(place_of),
        age: full
            .profile
            .birth_year
            .map(|year| (this_year - year).max(0) as u32),
        tags: full.tags.to_sets(),
        guidance_needed: guidance_level(full.profile.guidance_needed),
        dutch_level: level_of_dutch(full.profile.dutch_level),
        availability: full
            .availability
            .iter()
            .map(|w| Window {
                weekday: w.weekday as u8,
                start: minutes_of(&w.start_time),
                end: minutes_of(&w.end_time),
            })
            .collect(),
        max_travel: match full.profile.max_travel {
            MaxTravel::OwnDistrict => Travel::OwnDistrict,
            MaxTravel::OwnArea => Travel::OwnArea,
            MaxTravel::Anywhere => Travel::Anywhere,
        },
    }
}

/// An unsaved, empty profile (for residents who have not filled one in).
pub fn empty(user_id: &UserId) -> Profile {
    empty_profile(user_id, NaiveDateTime::default())
}

/// A stored profile, without its tags (for other features).
pub fn find(conn: &mut DbConn, user_id: &UserId) -> Result<Option<Profile>, AppError> {
    Ok(repo::find(conn, user_id)?)
}

/// A user's display name and email address.
pub fn display_name(
    conn: &mut DbConn,
    user_id: &UserId,
) -> Result<Option<(String, String)>, AppError> {
    Ok(repo::display_name(conn, user_id)?)
}

/// Residents who consented and live in one of `districts`, optionally matching a name, by user id.
pub fn consenting_in(
    conn: &mut DbConn,
    districts: &[crate::db::ids::DistrictId],
    name: Option<&str>,
    after: Option<&str>,
    fetch: i64,
) -> Result<Vec<(Profile, String)>, AppError> {
    Ok(repo::consenting_in(conn, districts, name, after, fetch)?)
}

//! A believable Dutch world for trying Meedoen: Emmen with its six areas and Den Helder, a dozen
//! organisations, forty offers (from `demo.toml`) and the four demo accounts. Idempotent: the
//! accounts are ensured every run; the world is created only when it is not there yet.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::Deserialize;

use super::{DEMO_ADMIN, DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_RESIDENT, DEMO_WORKER};
use crate::auth::Role;
use crate::db::ids::{DistrictId, OrganisationId, UserId};
use crate::db::{DbConn, write_transaction};
use crate::error::AppError;
use crate::features::accounts::service::ensure_user;
use crate::features::districts::dto::CreateDistrictRequest;
use crate::features::districts::models::DistrictKind;
use crate::features::districts::{repo as district_repo, service as districts};
use crate::features::offers::dto::{DatedSession, WeeklySlot};
use crate::features::offers::models::{DutchLevel, Guidance, OfferKind, OfferStatus, Route};
use crate::features::offers::service::{self as offers, OfferInput};
use crate::features::organisations::dto::CreateOrganisationRequest;
use crate::features::organisations::models::{OrganisationKind, OrganisationStatus};
use crate::features::organisations::service as organisations;
use crate::features::profiles::dto::{AvailabilityInput, PartOfDay, ProfileRequest};
use crate::features::profiles::models::MaxTravel;

const WORLD: &str = include_str!("demo.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct World {
    municipalities: Vec<Municipality>,
    organisations: Vec<DemoOrganisation>,
    offers: Vec<DemoOffer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Municipality {
    name: String,
    code: Option<String>,
    #[serde(default)]
    areas: Vec<Area>,
    #[serde(default)]
    districts: Vec<Place>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Area {
    name: String,
    districts: Vec<Place>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Place {
    name: String,
    code: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoOrganisation {
    key: String,
    name: String,
    kind: OrganisationKind,
    description: String,
    contact_email: String,
    contact_phone: Option<String>,
    website: Option<String>,
    districts: Vec<String>,
    members: Vec<String>,
    status: OrganisationStatus,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoOffer {
    organisation: String,
    district: String,
    kind: OfferKind,
    title: String,
    description: String,
    address: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    capacity: i32,
    auto_accept: bool,
    #[serde(default)]
    weekly_slots: Vec<WeeklySlot>,
    #[serde(default)]
    sessions: Vec<DemoSession>,
    start_date: Option<String>,
    end_date: Option<String>,
    #[serde(default)]
    skills: Vec<String>,
    #[serde(default)]
    interests: Vec<String>,
    #[serde(default)]
    goals: Vec<String>,
    #[serde(default)]
    access: Vec<String>,
    #[serde(default)]
    languages: Vec<String>,
    guidance: Guidance,
    dutch_level: DutchLevel,
    language_buddy: bool,
    min_age: Option<i32>,
    companion_allowed: bool,
    route: Route,
    programme: Option<String>,
    status: OfferStatus,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoSession {
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
}

/// What a demo run did.
#[derive(Debug, Default)]
pub struct DemoReport {
    pub world_created: bool,
    pub organisations: usize,
    pub offers: usize,
}

/// Loads the demo world. Runs in one transaction: all of it or nothing.
pub fn seed(conn: &mut DbConn, now: NaiveDateTime) -> Result<DemoReport, AppError> {
    let world: World =
        toml::from_str(WORLD).map_err(|e| AppError::internal(format!("demo.toml: {e}")))?;
    write_transaction(conn, |conn| {
        let admin = ensure_user(
            conn,
            now,
            DEMO_ADMIN,
            "Annemiek (gemeente)",
            DEMO_PASSWORD,
            &[Role::Resident, Role::Admin],
        )?
        .0;
        let organiser = ensure_user(
            conn,
            now,
            DEMO_ORGANISATION,
            "Kees van de club",
            DEMO_PASSWORD,
            &[Role::Resident],
        )?
        .0;
        let worker = ensure_user(
            conn,
            now,
            DEMO_WORKER,
            "Fatma (wijkwerker)",
            DEMO_PASSWORD,
            &[Role::Resident, Role::Worker],
        )?
        .0;
        let resident = ensure_user(
            conn,
            now,
            DEMO_RESIDENT,
            "Jan Bewoner",
            DEMO_PASSWORD,
            &[Role::Resident],
        )?
        .0;
        let _ = admin;

        let existing = district_repo::all(conn)?;
        if existing
            .iter()
            .any(|d| d.kind == DistrictKind::Municipality && d.name == world.municipalities[0].name)
        {
            return Ok(DemoReport::default());
        }
        let mut report = DemoReport {
            world_created: true,
            ..DemoReport::default()
        };
        let mut district_ids: Vec<(String, DistrictId)> = Vec::new();
        for municipality in &world.municipalities {
            let root = add_district(
                conn,
                now,
                &municipality.name,
                municipality.code.clone(),
                DistrictKind::Municipality,
                None,
            )?;
            district_ids.push((municipality.name.clone(), root.clone()));
            for area in &municipality.areas {
                let area_id = add_district(
                    conn,
                    now,
                    &area.name,
                    None,
                    DistrictKind::Area,
                    Some(root.clone()),
                )?;
                district_ids.push((area.name.clone(), area_id.clone()));
                for place in &area.districts {
                    let id = add_district(
                        conn,
                        now,
                        &place.name,
                        place.code.clone(),
                        DistrictKind::District,
                        Some(area_id.clone()),
                    )?;
                    district_ids.push((place.name.clone(), id));
                }
            }
            for place in &municipality.districts {
                let id = add_district(
                    conn,
                    now,
                    &place.name,
                    place.code.clone(),
                    DistrictKind::District,
                    Some(root.clone()),
                )?;
                district_ids.push((place.name.clone(), id));
            }
        }
        let district = |name: &str| -> Result<DistrictId, AppError> {
            district_ids
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, id)| id.clone())
                .ok_or_else(|| {
                    AppError::internal(format!("demo.toml names unknown district {name}"))
                })
        };

        let mut organisation_ids: Vec<(String, OrganisationId, OrganisationStatus)> = Vec::new();
        for demo in &world.organisations {
            let owner: UserId = match demo.members.first() {
                Some(email) if email == DEMO_ORGANISATION => organiser.clone(),
                _ => {
                    let email = format!("{}@demo.meedoen.nl", demo.key);
                    ensure_user(
                        conn,
                        now,
                        &email,
                        &format!("Contact {}", demo.name),
                        DEMO_PASSWORD,
                        &[Role::Resident],
                    )?
                    .0
                }
            };
            let request = CreateOrganisationRequest {
                name: demo.name.clone(),
                kind: demo.kind,
                district_ids: demo
                    .districts
                    .iter()
                    .map(|d| district(d))
                    .collect::<Result<_, _>>()?,
                contact_email: demo.contact_email.clone(),
                contact_phone: demo.contact_phone.clone(),
                website: demo.website.clone(),
                description: Some(demo.description.clone()),
            };
            let id = organisations::create_in(conn, now, &owner, &request, demo.status)?;
            organisation_ids.push((demo.key.clone(), id, demo.status));
            report.organisations += 1;
        }

        for demo in world.offers {
            let (_, organisation_id, organisation_status) = organisation_ids
                .iter()
                .find(|(key, _, _)| *key == demo.organisation)
                .cloned()
                .ok_or_else(|| {
                    AppError::internal(format!(
                        "demo.toml names unknown organisation {}",
                        demo.organisation
                    ))
                })?;
            let input = OfferInput {
                district_id: district(&demo.district)?,
                kind: demo.kind,
                title: demo.title,
                description: demo.description,
                address: demo.address,
                latitude: demo.latitude,
                longitude: demo.longitude,
                start_date: demo.start_date,
                end_date: demo.end_date,
                capacity: demo.capacity,
                auto_accept: demo.auto_accept,
                weekly_slots: demo.weekly_slots,
                sessions: demo
                    .sessions
                    .into_iter()
                    .map(|s| DatedSession {
                        starts_at: s.starts_at,
                        ends_at: s.ends_at,
                    })
                    .collect(),
                skills: demo.skills,
                interests: demo.interests,
                goals: demo.goals,
                access: demo.access,
                languages: demo.languages,
                guidance: demo.guidance,
                dutch_level: demo.dutch_level,
                language_buddy: demo.language_buddy,
                min_age: demo.min_age,
                companion_allowed: demo.companion_allowed,
                route: demo.route,
                programme: demo.programme,
            };
            let creator = organisations::owner_of(conn, &organisation_id)?;
            let id = offers::create_in(conn, now, &creator, &organisation_id, input)?;
            // Only verified organisations publish; a pending one's offers stay drafts.
            let status = match demo.status {
                OfferStatus::Published | OfferStatus::Closed
                    if organisation_status != OrganisationStatus::Verified =>
                {
                    OfferStatus::Draft
                }
                status => status,
            };
            if status != OfferStatus::Draft {
                offers::set_status_in(conn, &id, status, now)?;
            }
            report.offers += 1;
        }
        // The worker covers Emmen Noord; the resident lives in Emmerhout and lets workers see the profile.
        crate::features::workers::service::assign_in(
            conn,
            &worker,
            &[district("Emmen Noord")?],
            now,
        )?;
        let morning = |weekday| AvailabilityInput {
            weekday,
            part_of_day: Some(PartOfDay::Morning),
            start: None,
            end: None,
        };
        let profile = ProfileRequest {
            district_id: Some(district("Emmerhout")?),
            birth_year: Some(1968),
            skills: vec!["gardening".into(), "carpentry".into()],
            interests: vec!["nature".into(), "sports".into()],
            goals: vec![
                "social_contact".into(),
                "daily_structure".into(),
                "outdoors".into(),
            ],
            languages: vec!["nl".into()],
            access_needs: Vec::new(),
            guidance_needed: Some(Guidance::Light),
            dutch_level: Some(DutchLevel::B2),
            availability: vec![morning(2), morning(4)],
            max_travel: Some(MaxTravel::OwnArea),
            share_with_workers: true,
            share_email: false,
            share_phone: false,
            phone: None,
        };
        crate::features::profiles::service::save(conn, &resident, &profile, now.and_utc())?;
        crate::catalog::touch(conn)?;
        Ok(report)
    })
}

fn add_district(
    conn: &mut DbConn,
    now: NaiveDateTime,
    name: &str,
    code: Option<String>,
    kind: DistrictKind,
    parent_id: Option<DistrictId>,
) -> Result<DistrictId, AppError> {
    let request = CreateDistrictRequest {
        name: name.to_string(),
        kind,
        parent_id,
        code,
    };
    Ok(districts::create_in(conn, now, &request)?.id)
}

/// Whether the database has no accounts at all (then `make run` loads the demo).
pub fn database_is_empty(conn: &mut DbConn) -> Result<bool, AppError> {
    use diesel::prelude::*;
    let users: i64 = crate::db::schema::users::table.count().get_result(conn)?;
    Ok(users == 0)
}

//! A believable Dutch world for trying Meedoen: Emmen with its six areas and Den Helder, a dozen
//! organisations, forty offers (from `demo.toml`) and the four demo accounts. Idempotent: the
//! accounts are ensured every run; the world is created only when it is not there yet.

use crate::db::tx::Tx;
use chrono::NaiveDateTime;
use serde::Deserialize;

use super::{
    DEMO_ADMIN, DEMO_MONITOR, DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_RESIDENT, DEMO_WORKER,
};
use crate::auth::{AuthUser, Role};
use crate::db::ids::{DistrictId, OfferId, OrganisationId, UserId};
use crate::db::{DbConn, write_transaction};
use crate::error::AppError;
use crate::features::accounts::service::{self as accounts, ensure_user};
use crate::features::districts::dto::CreateDistrictRequest;
use crate::features::districts::models::DistrictKind;
use crate::features::districts::{repo as district_repo, service as districts};
use crate::features::offers::dto::OfferInput;
use crate::features::offers::models::{DutchLevel, Guidance, OfferStatus};
use crate::features::offers::service as offers;
use crate::features::organisations::dto::CreateOrganisationRequest;
use crate::features::organisations::models::{OrganisationKind, OrganisationStatus};
use crate::features::organisations::service as organisations;
use crate::features::profiles::dto::{AvailabilityInput, PartOfDay, ProfileRequest};
use crate::features::profiles::models::MaxTravel;
use crate::features::referrals::service as referrals;
use crate::features::signups::models::SignupStatus;
use crate::features::signups::service::{self as signups, SignupInput};

const WORLD: &str = include_str!("demo.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct World {
    /// The week the dates below were written for; they move to the week the world is loaded in.
    written_for: chrono::NaiveDate,
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

/// An offer of the demo world: its organisation (by key), district (by name) and status, and
/// every other field as in the API's create body.
#[derive(Deserialize)]
struct DemoOffer {
    organisation: String,
    district: String,
    status: OfferStatus,
    #[serde(flatten)]
    offer: serde_json::Map<String, serde_json::Value>,
}

/// What a demo run did.
#[derive(Debug, Default)]
pub struct DemoReport {
    pub world_created: bool,
    pub organisations: usize,
    pub offers: usize,
}

/// Loads the demo world. Runs in one transaction: all of it or nothing.
pub fn seed(
    conn: &mut DbConn,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<DemoReport, AppError> {
    let world: World =
        toml::from_str(WORLD).map_err(|e| AppError::internal(format!("demo.toml: {e}")))?;
    let weeks =
        super::calendar::weeks_between(world.written_for, crate::clock::local_date(now.and_utc()));
    write_transaction(conn, |conn| {
        // Seeding runs without a server: the effects only matter as a new catalog version.
        let conn = &mut crate::db::tx::Tx::new(conn);
        ensure_user(
            conn,
            now,
            DEMO_ADMIN,
            "Annemiek (gemeente)",
            DEMO_PASSWORD,
            &[Role::Resident, Role::Admin],
        )?;
        ensure_user(
            conn,
            now,
            DEMO_MONITOR,
            "Bas (beleid)",
            DEMO_PASSWORD,
            &[Role::Monitor],
        )?;
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

        // Key, id, status and owner (who creates the organisation's offers).
        let mut organisation_ids: Vec<(String, OrganisationId, OrganisationStatus, UserId)> =
            Vec::new();
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
            organisation_ids.push((demo.key.clone(), id, demo.status, owner));
            report.organisations += 1;
        }

        let mut offer_ids: Vec<(String, OfferId)> = Vec::new();
        for demo in world.offers {
            let (_, organisation_id, organisation_status, creator) = organisation_ids
                .iter()
                .find(|(key, _, _, _)| *key == demo.organisation)
                .cloned()
                .ok_or_else(|| {
                    AppError::internal(format!(
                        "demo.toml names unknown organisation {}",
                        demo.organisation
                    ))
                })?;
            let mut offer = demo.offer;
            super::calendar::shift_offer(&mut offer, weeks);
            offer.insert(
                "district_id".into(),
                serde_json::to_value(district(&demo.district)?).map_err(AppError::internal)?,
            );
            let input: OfferInput = crate::http::json::from_value(offer.into()).map_err(|e| {
                AppError::internal(format!("demo.toml, offer in {}: {e:?}", demo.district))
            })?;
            let title = input.details.title.clone();
            let id = offers::create_in(conn, now, &creator, &organisation_id, input)?;
            offer_ids.push((title, id.clone()));
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
        let offer = |title: &str| -> Result<OfferId, AppError> {
            offer_ids
                .iter()
                .find(|(t, _)| t == title)
                .map(|(_, id)| id.clone())
                .ok_or_else(|| AppError::internal(format!("demo seed names unknown offer {title}")))
        };
        neighbours(conn, now, public_url, &district, &offer, &worker, &resident)?;
        super::history::load(
            conn,
            now,
            public_url,
            &district,
            &offer(super::history::HISTORY_OFFER)?,
            &worker,
            &resident,
        )?;
        crate::catalog::record_reference_change(conn, now)?;
        Ok(report)
    })
}

/// A neighbourhood around the demo logins, so that every role has something to do: residents of
/// Emmen Noord (one without consent), sign-ups waiting for the organisation, a full offer with a
/// waitlist, and a worker's proposal waiting for the demo resident.
fn neighbours(
    conn: &mut Tx,
    now: NaiveDateTime,
    public_url: &str,
    district: &dyn Fn(&str) -> Result<DistrictId, AppError>,
    offer: &dyn Fn(&str) -> Result<OfferId, AppError>,
    worker: &UserId,
    resident: &UserId,
) -> Result<(), AppError> {
    struct Neighbour {
        email: &'static str,
        name: &'static str,
        district: &'static str,
        skills: &'static [&'static str],
        interests: &'static [&'static str],
        goals: &'static [&'static str],
        languages: &'static [&'static str],
        dutch_level: DutchLevel,
        consent: bool,
    }
    let neighbours = [
        Neighbour {
            email: "sanne@demo.meedoen.nl",
            name: "Sanne de Vries",
            district: "Emmerschans",
            skills: &["sports_coaching", "hosting"],
            interests: &["sports", "food"],
            goals: &["work_experience", "social_contact"],
            languages: &["nl", "en"],
            dutch_level: DutchLevel::B2,
            consent: true,
        },
        Neighbour {
            email: "ahmad@demo.meedoen.nl",
            name: "Ahmad Karimi",
            district: "Angelslo",
            skills: &["bicycle_repair", "cooking"],
            interests: &["technology", "sports"],
            goals: &["learning_dutch", "work_experience"],
            languages: &["fa", "en", "nl"],
            dutch_level: DutchLevel::A2,
            consent: true,
        },
        Neighbour {
            email: "ria@demo.meedoen.nl",
            name: "Ria Jansen",
            district: "Emmermeer",
            skills: &["animal_care", "baking"],
            interests: &["animals", "nature"],
            goals: &["social_contact", "daily_structure"],
            languages: &["nl"],
            dutch_level: DutchLevel::B2,
            consent: true,
        },
        Neighbour {
            email: "piet@demo.meedoen.nl",
            name: "Piet Smit",
            district: "Emmerhout",
            skills: &["carpentry"],
            interests: &["crafts"],
            goals: &["helping_others"],
            languages: &["nl"],
            dutch_level: DutchLevel::B2,
            consent: false,
        },
    ];
    let mut people = Vec::new();
    for neighbour in &neighbours {
        let (id, _) = ensure_user(
            conn,
            now,
            neighbour.email,
            neighbour.name,
            DEMO_PASSWORD,
            &[Role::Resident],
        )?;
        let tags = |keys: &[&str]| keys.iter().map(|k| k.to_string()).collect::<Vec<_>>();
        let profile = ProfileRequest {
            district_id: Some(district(neighbour.district)?),
            birth_year: Some(1985),
            skills: tags(neighbour.skills),
            interests: tags(neighbour.interests),
            goals: tags(neighbour.goals),
            languages: tags(neighbour.languages),
            access_needs: Vec::new(),
            guidance_needed: Some(Guidance::None),
            dutch_level: Some(neighbour.dutch_level),
            availability: (1..=5).map(morning).collect(),
            max_travel: Some(MaxTravel::OwnArea),
            share_with_workers: neighbour.consent,
            share_email: neighbour.consent,
            share_phone: false,
            phone: None,
        };
        crate::features::profiles::service::save(conn, &id, &profile, now.and_utc())?;
        people.push(accounts::acting_as(conn, &id)?);
    }
    let [sanne, ahmad, ria, piet] = &people[..] else {
        unreachable!("four neighbours")
    };

    // Sign-ups go through the same service as in the app, so places and the waitlist add up.
    let sign_up = |conn: &mut Tx, who: &AuthUser, title: &str, message: Option<&str>| {
        let offer = offers::find(conn, &offer(title)?)?.ok_or(AppError::NotFound)?;
        let input = SignupInput {
            message: message.map(str::to_string),
            with_companion: false,
            referral: None,
        };
        let created = signups::create_signup(conn, &offer, who, input, now, public_url)?;
        let signup = signups::find(conn, &created.id)?.ok_or(AppError::NotFound)?;
        Ok::<_, AppError>((offer, signup))
    };
    let coach = "Vrijwillige coach voor de ochtendgroep";
    sign_up(conn, sanne, coach, None)?;
    sign_up(
        conn,
        ahmad,
        coach,
        Some(
            "Ik speelde voetbal in Herat. Mijn Nederlands is nog niet zo goed, maar ik leer snel.",
        ),
    )?;
    let shop = "Gastvrouw of gastheer in het boerderijwinkeltje";
    for who in [ria, piet] {
        let (offer, signup) = sign_up(conn, who, shop, None)?;
        signups::apply_transition(
            conn,
            &signup,
            &offer,
            SignupStatus::Accepted,
            None,
            now,
            public_url,
        )?;
    }
    sign_up(conn, sanne, shop, Some("Ik sta graag op de wachtlijst."))?;

    let worker = accounts::acting_as(conn, worker)?;
    referrals::propose_in(
        conn,
        &worker,
        resident,
        &offer("Meewerken in de moestuin")?,
        Some("Jan, je vertelde dat je graag buiten bezig bent. Dit lijkt me echt iets voor jou. Als je wilt, ga ik de eerste keer mee.".into()),
        now,
        public_url,
    )?;
    Ok(())
}

/// Free on this weekday's morning.
fn morning(weekday: i32) -> AvailabilityInput {
    AvailabilityInput {
        weekday,
        part_of_day: Some(PartOfDay::Morning),
        start: None,
        end: None,
    }
}

fn add_district(
    conn: &mut Tx,
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

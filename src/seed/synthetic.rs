//! Large random worlds for benchmarks: `meedoen seed --synthetic --residents N --offers M --districts D`.
//! Deterministic for a given seed, and fast: rows go in with multi-row INSERTs in one transaction,
//! and every synthetic resident shares one password hash (hashing 100,000 passwords would take hours).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use indicatif::{ProgressBar, ProgressStyle};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use crate::auth::{Role, password};
use crate::db::ids::{DistrictId, OfferId, OrganisationId, SlotId, TagId, UserId};
use crate::db::schema::{
    districts, offer_slots, offer_tags, offers, organisation_districts, organisation_members,
    organisations, profile_availability, profile_tags, resident_profiles, tags, user_roles, users,
};
use crate::db::{DbConn, write_transaction};
use crate::error::AppError;
use crate::features::districts::models::DistrictKind;
use crate::features::offers::models::{
    DutchLevel, Guidance, OfferDetails, OfferKind, OfferStatus, Route,
};
use crate::features::organisations::models::{MemberRole, OrganisationKind, OrganisationStatus};
use crate::features::profiles::models::MaxTravel;
use crate::features::tags::models::TagKind;

/// Words put into synthetic titles and descriptions, for the search benchmark.
pub const TITLE_WORDS: [&str; 16] = [
    "moestuin",
    "koken",
    "fietsen",
    "taalcafé",
    "sport",
    "wandelen",
    "computerles",
    "koffie",
    "muziek",
    "creatief",
    "buurthuis",
    "schilderen",
    "voorlezen",
    "klussen",
    "tuinieren",
    "zingen",
];

/// Password of every synthetic resident (for load tests that sign in).
pub const SYNTHETIC_PASSWORD: &str = "synthetic-password-123";
const BATCH: usize = 500;
const OFFERS_PER_ORGANISATION: usize = 100;

#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub residents: usize,
    pub offers: usize,
    pub districts: usize,
    pub seed: u64,
}

#[derive(Debug, Default)]
pub struct SyntheticReport {
    pub municipality_id: String,
    pub district_ids: Vec<DistrictId>,
    pub residents: usize,
    pub offers: usize,
}

#[derive(Insertable)]
#[diesel(table_name = users)]
struct UserRow {
    id: UserId,
    email: String,
    display_name: String,
    password_hash: String,
    locale: &'static str,
    email_verified: bool,
    tokens_valid_after: NaiveDateTime,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = user_roles)]
struct RoleRow {
    user_id: UserId,
    role: &'static str,
    granted_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = districts)]
struct DistrictRow {
    id: DistrictId,
    parent_id: Option<DistrictId>,
    kind: DistrictKind,
    name: String,
    code: Option<String>,
    retired: bool,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = offers)]
struct OfferRow {
    id: OfferId,
    organisation_id: OrganisationId,
    #[diesel(embed)]
    details: OfferDetails,
    accepted_places: i32,
    status: OfferStatus,
    created_by: UserId,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    search_title: String,
    search_text: String,
}

#[derive(Insertable)]
#[diesel(table_name = resident_profiles)]
struct ProfileRow {
    user_id: UserId,
    district_id: Option<DistrictId>,
    birth_year: Option<i32>,
    dutch_level: DutchLevel,
    guidance_needed: Guidance,
    max_travel: MaxTravel,
    share_with_workers: bool,
    consent_changed_at: Option<NaiveDateTime>,
    share_email: bool,
    share_phone: bool,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = profile_tags)]
struct ProfileTagRow {
    user_id: UserId,
    tag_id: TagId,
}

#[derive(Insertable)]
#[diesel(table_name = profile_availability)]
struct AvailabilityRow {
    id: SlotId,
    user_id: UserId,
    weekday: i32,
    start_time: String,
    end_time: String,
}

#[derive(Insertable)]
#[diesel(table_name = offer_tags)]
struct OfferTagRow {
    offer_id: OfferId,
    tag_id: TagId,
}

#[derive(Insertable)]
#[diesel(table_name = offer_slots)]
struct SlotRow {
    id: SlotId,
    offer_id: OfferId,
    weekday: i32,
    start_time: String,
    end_time: String,
}

/// Inserts rows in batches (one multi-row INSERT each).
macro_rules! insert_batches {
    ($conn:expr, $table:expr, $rows:expr) => {
        for chunk in $rows.chunks(BATCH) {
            $crate::batch_insert!($conn, $table, chunk)?;
        }
    };
}

fn progress(total: usize) -> ProgressBar {
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg:10} [{bar:40}] {pos}/{len} ({per_sec}, {eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar
}

/// Generates the world in one transaction.
pub fn seed(
    conn: &mut DbConn,
    now: NaiveDateTime,
    size: Size,
) -> Result<SyntheticReport, AppError> {
    let mut rng = StdRng::seed_from_u64(size.seed);
    let password_hash = password::hash(SYNTHETIC_PASSWORD).map_err(AppError::internal)?;
    let bar = progress(size.residents + size.offers);
    let report = write_transaction(conn, |conn| {
        let tag_pool = load_tags(conn)?;
        let run = uuid::Uuid::now_v7().simple().to_string()[..8].to_string();

        // The tree: one municipality, an area per ten districts.
        let municipality = DistrictId::new();
        let area_count = size.districts.div_ceil(10).max(1);
        let areas: Vec<DistrictId> = (0..area_count).map(|_| DistrictId::new()).collect();
        let mut rows = vec![district_row(
            &municipality,
            None,
            DistrictKind::Municipality,
            format!("Synthetica {run}"),
            now,
        )];
        for (index, area) in areas.iter().enumerate() {
            rows.push(district_row(
                area,
                Some(&municipality),
                DistrictKind::Area,
                format!("Gebied {}", index + 1),
                now,
            ));
        }
        let district_ids: Vec<DistrictId> = (0..size.districts.max(1))
            .map(|_| DistrictId::new())
            .collect();
        for (index, id) in district_ids.iter().enumerate() {
            rows.push(district_row(
                id,
                Some(&areas[index % area_count]),
                DistrictKind::District,
                format!("Wijk {}", index + 1),
                now,
            ));
        }
        insert_batches!(conn, districts::table, rows);

        // Residents (and one owner account per organisation).
        bar.set_message("residents");
        let organisation_count = size.offers.div_ceil(OFFERS_PER_ORGANISATION).max(1);
        let mut users_batch = Vec::with_capacity(BATCH);
        let mut roles_batch = Vec::with_capacity(BATCH);
        let mut owners = Vec::with_capacity(organisation_count);
        let mut profiles_batch: Vec<ProfileRow> = Vec::with_capacity(BATCH);
        let mut profile_tags_batch: Vec<ProfileTagRow> = Vec::new();
        let mut windows_batch: Vec<AvailabilityRow> = Vec::new();
        for index in 0..size.residents + organisation_count {
            let id = UserId::new();
            let is_owner = index >= size.residents;
            let email = if is_owner {
                owners.push(id.clone());
                format!(
                    "owner-{}-{run}@synthetic.meedoen.test",
                    index - size.residents
                )
            } else {
                format!("resident-{index}-{run}@synthetic.meedoen.test")
            };
            users_batch.push(UserRow {
                id: id.clone(),
                email,
                display_name: format!("Bewoner {index}"),
                password_hash: password_hash.clone(),
                locale: if rng.random_bool(0.85) { "nl" } else { "en" },
                email_verified: true,
                tokens_valid_after: now,
                created_at: now,
                updated_at: now,
            });
            roles_batch.push(RoleRow {
                user_id: id.clone(),
                role: Role::Resident.as_str(),
                granted_at: now,
            });
            if users_batch.len() == BATCH {
                crate::batch_insert!(conn, users::table, &users_batch)?;
                crate::batch_insert!(conn, user_roles::table, &roles_batch)?;
                users_batch.clear();
                roles_batch.clear();
            }
            if !is_owner {
                // A profile: a home district, a few tags, some free mornings or afternoons.
                profiles_batch.push(ProfileRow {
                    user_id: id.clone(),
                    district_id: district_ids.choose(&mut rng).cloned(),
                    birth_year: Some(rng.random_range(1940..2008)),
                    dutch_level: *DutchLevel::ALL.choose(&mut rng).unwrap_or(&DutchLevel::B1),
                    guidance_needed: *[
                        Guidance::None,
                        Guidance::None,
                        Guidance::Light,
                        Guidance::Intensive,
                    ]
                    .choose(&mut rng)
                    .unwrap_or(&Guidance::None),
                    max_travel: *MaxTravel::ALL
                        .choose(&mut rng)
                        .unwrap_or(&MaxTravel::Anywhere),
                    share_with_workers: rng.random_bool(0.5),
                    consent_changed_at: Some(now),
                    share_email: false,
                    share_phone: false,
                    created_at: now,
                    updated_at: now,
                });
                for (kind, low, high) in [
                    (TagKind::Skill, 1, 3),
                    (TagKind::Interest, 1, 3),
                    (TagKind::Goal, 1, 3),
                    (TagKind::Language, 1, 1),
                ] {
                    let pool = tag_pool
                        .iter()
                        .filter(|(k, _)| *k == kind)
                        .map(|(_, id)| id)
                        .collect::<Vec<_>>();
                    let count = rng.random_range(low..=high).min(pool.len());
                    for tag in pool.choose_multiple(&mut rng, count) {
                        profile_tags_batch.push(ProfileTagRow {
                            user_id: id.clone(),
                            tag_id: (*tag).clone(),
                        });
                    }
                }
                if rng.random_bool(0.2)
                    && let Some(need) = tag_pool
                        .iter()
                        .filter(|(k, _)| *k == TagKind::Access)
                        .map(|(_, id)| id)
                        .collect::<Vec<_>>()
                        .choose(&mut rng)
                {
                    profile_tags_batch.push(ProfileTagRow {
                        user_id: id.clone(),
                        tag_id: (*need).clone(),
                    });
                }
                for _ in 0..rng.random_range(1..=3) {
                    let start = rng.random_range(8..=15);
                    windows_batch.push(AvailabilityRow {
                        id: SlotId::new(),
                        user_id: id.clone(),
                        weekday: rng.random_range(1..=7),
                        start_time: format!("{start:02}:00"),
                        end_time: format!("{:02}:00", start + rng.random_range(2..=5)),
                    });
                }
                if profiles_batch.len() == BATCH {
                    crate::batch_insert!(conn, resident_profiles::table, &profiles_batch)?;
                    insert_batches!(conn, profile_tags::table, profile_tags_batch);
                    insert_batches!(conn, profile_availability::table, windows_batch);
                    profiles_batch.clear();
                    profile_tags_batch.clear();
                    windows_batch.clear();
                }
                bar.inc(1);
            }
        }
        if !users_batch.is_empty() {
            crate::batch_insert!(conn, users::table, &users_batch)?;
            crate::batch_insert!(conn, user_roles::table, &roles_batch)?;
        }
        if !profiles_batch.is_empty() {
            crate::batch_insert!(conn, resident_profiles::table, &profiles_batch)?;
            insert_batches!(conn, profile_tags::table, profile_tags_batch);
            insert_batches!(conn, profile_availability::table, windows_batch);
        }

        // Organisations, each serving the whole municipality.
        let mut organisation_ids = Vec::with_capacity(organisation_count);
        for (index, owner) in owners.iter().enumerate() {
            let id = OrganisationId::new();
            diesel::insert_into(organisations::table)
                .values((
                    organisations::id.eq(&id),
                    organisations::name.eq(format!("Organisatie {index} ({run})")),
                    organisations::kind.eq(*OrganisationKind::ALL
                        .choose(&mut rng)
                        .unwrap_or(&OrganisationKind::Other)),
                    organisations::description.eq("Synthetische organisatie voor benchmarks."),
                    organisations::contact_email
                        .eq(format!("org-{index}-{run}@synthetic.meedoen.test")),
                    organisations::status.eq(OrganisationStatus::Verified),
                    organisations::created_by.eq(owner),
                    organisations::created_at.eq(now),
                    organisations::updated_at.eq(now),
                ))
                .execute(conn)?;
            diesel::insert_into(organisation_districts::table)
                .values((
                    organisation_districts::organisation_id.eq(&id),
                    organisation_districts::district_id.eq(&municipality),
                ))
                .execute(conn)?;
            diesel::insert_into(organisation_members::table)
                .values((
                    organisation_members::organisation_id.eq(&id),
                    organisation_members::user_id.eq(owner),
                    organisation_members::role.eq(MemberRole::Owner),
                    organisation_members::added_at.eq(now),
                ))
                .execute(conn)?;
            organisation_ids.push(id);
        }

        // Offers with tags and weekly slots.
        bar.set_message("offers");
        let mut offer_rows = Vec::with_capacity(BATCH);
        let mut tag_rows = Vec::new();
        let mut slot_rows = Vec::new();
        for index in 0..size.offers {
            let id = OfferId::new();
            let organisation = index / OFFERS_PER_ORGANISATION;
            let kind = *OfferKind::ALL
                .choose(&mut rng)
                .unwrap_or(&OfferKind::VolunteerWork);
            for (kind, low, high) in [
                (TagKind::Skill, 0, 2),
                (TagKind::Interest, 0, 2),
                (TagKind::Goal, 1, 3),
                (TagKind::Access, 0, 2),
                (TagKind::Language, 1, 2),
            ] {
                let pool = tag_pool
                    .iter()
                    .filter(|(k, _)| *k == kind)
                    .map(|(_, id)| id)
                    .collect::<Vec<_>>();
                let count = rng.random_range(low..=high).min(pool.len());
                for tag in pool.choose_multiple(&mut rng, count) {
                    tag_rows.push(OfferTagRow {
                        offer_id: id.clone(),
                        tag_id: (*tag).clone(),
                    });
                }
            }
            for _ in 0..rng.random_range(1..=2) {
                let start = rng.random_range(8..=18);
                slot_rows.push(SlotRow {
                    id: SlotId::new(),
                    offer_id: id.clone(),
                    weekday: rng.random_range(1..=7),
                    start_time: format!("{start:02}:00"),
                    end_time: format!("{:02}:30", start + rng.random_range(1..=3)),
                });
            }
            // Everyday Dutch words (one with an accent), so searches find something.
            let (what, about) = (
                TITLE_WORDS[index % TITLE_WORDS.len()],
                TITLE_WORDS[(index * 7 + 3) % TITLE_WORDS.len()],
            );
            let title = format!(
                "Aanbod {index}: {what} ({})",
                kind.as_str().replace('_', " ")
            );
            let description = format!(
                "Synthetisch aanbod nummer {index} om Meedoen te meten: {what} en {about} in de buurt."
            );
            offer_rows.push(OfferRow {
                id,
                organisation_id: organisation_ids[organisation].clone(),
                search_title: crate::db::search::normalize(&title),
                search_text: crate::features::offers::service::search_text(&title, &description),
                details: OfferDetails {
                    district_id: district_ids
                        .choose(&mut rng)
                        .cloned()
                        .unwrap_or_else(|| municipality.clone()),
                    kind,
                    title: title.clone(),
                    description: description.clone(),
                    address: format!("Teststraat {index}, Synthetica"),
                    latitude: None,
                    longitude: None,
                    start_date: None,
                    end_date: None,
                    capacity: rng.random_range(1..=10),
                    auto_accept: true,
                    guidance: *Guidance::ALL.choose(&mut rng).unwrap_or(&Guidance::None),
                    dutch_level: *DutchLevel::ALL
                        .choose(&mut rng)
                        .unwrap_or(&DutchLevel::None),
                    language_buddy: rng.random_bool(0.2),
                    min_age: None,
                    companion_allowed: rng.random_bool(0.3),
                    route: Route::Open,
                    programme: None,
                },
                accepted_places: 0,
                status: OfferStatus::Published,
                created_by: owners[organisation].clone(),
                created_at: now,
                updated_at: now,
            });
            if offer_rows.len() == BATCH {
                crate::batch_insert!(conn, offers::table, &offer_rows)?;
                insert_batches!(conn, offer_tags::table, tag_rows);
                insert_batches!(conn, offer_slots::table, slot_rows);
                offer_rows.clear();
                tag_rows.clear();
                slot_rows.clear();
            }
            bar.inc(1);
        }
        if !offer_rows.is_empty() {
            crate::batch_insert!(conn, offers::table, &offer_rows)?;
            insert_batches!(conn, offer_tags::table, tag_rows);
            insert_batches!(conn, offer_slots::table, slot_rows);
        }
        crate::catalog::record_reference_change(conn, now)?;
        Ok(SyntheticReport {
            municipality_id: municipality.to_string(),
            district_ids,
            residents: size.residents,
            offers: size.offers,
        })
    });
    bar.finish_and_clear();
    report
}

fn district_row(
    id: &DistrictId,
    parent: Option<&DistrictId>,
    kind: DistrictKind,
    name: String,
    now: NaiveDateTime,
) -> DistrictRow {
    DistrictRow {
        id: id.clone(),
        parent_id: parent.cloned(),
        kind,
        name,
        code: None,
        retired: false,
        created_at: now,
        updated_at: now,
    }
}

fn load_tags(conn: &mut DbConn) -> Result<Vec<(TagKind, TagId)>, AppError> {
    Ok(tags::table
        .filter(tags::retired.eq(false))
        .select((tags::kind, tags::id))
        .order(tags::id.asc())
        .load(conn)?)
}

//! Organisation rules: registration, verification by an admin, members, and who may see what.

use chrono::NaiveDateTime;

use super::dto::*;
use super::models::*;
use super::repo;
use crate::auth::{AuthUser, Role};
use crate::db::DbConn;
use crate::db::ids::{DistrictId, OrganisationId, UserId};
use crate::error::{AppError, ErrorCode, FieldError, FieldErrors};
use crate::features::{accounts, districts};
use crate::http::pagination::Page;
use crate::locale::Locale;
use crate::mail::outbox;
use crate::mail::templates::Email;
use crate::state::AppState;

const MAX_NAME_CHARS: usize = 120;
const MAX_DESCRIPTION_CHARS: usize = 2000;
const MAX_DISTRICTS: usize = 100;

/// What the caller is to an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Owner,
    Member,
    Admin,
    Outsider,
}

impl Standing {
    pub fn is_member(self) -> bool {
        matches!(self, Self::Owner | Self::Member)
    }
}

pub fn standing(
    conn: &mut DbConn,
    id: &OrganisationId,
    viewer: Option<&AuthUser>,
) -> Result<Standing, AppError> {
    let Some(viewer) = viewer else {
        return Ok(Standing::Outsider);
    };
    Ok(match repo::role_of(conn, id, &viewer.id)? {
        Some(MemberRole::Owner) => Standing::Owner,
        Some(MemberRole::Member) => Standing::Member,
        None if viewer.has_role(Role::Admin) => Standing::Admin,
        None => Standing::Outsider,
    })
}

/// The organisation as `viewer` may see it: verified ones are public; pending and rejected ones
/// exist only for their members and admins (404 for everyone else).
pub fn visible(
    conn: &mut DbConn,
    id: &OrganisationId,
    viewer: Option<&AuthUser>,
) -> Result<(Organisation, Standing), AppError> {
    let organisation = repo::find(conn, id)?.ok_or(AppError::NotFound)?;
    let standing = standing(conn, id, viewer)?;
    if organisation.status != OrganisationStatus::Verified && standing == Standing::Outsider {
        return Err(AppError::NotFound);
    }
    Ok((organisation, standing))
}

/// Requires the caller to be a member; outsiders get 404 when the organisation is not public, 403 otherwise.
pub fn require_member(
    conn: &mut DbConn,
    id: &OrganisationId,
    user: &AuthUser,
) -> Result<(Organisation, Standing), AppError> {
    let (organisation, standing) = visible(conn, id, Some(user))?;
    if !standing.is_member() {
        return Err(AppError::not_a_member());
    }
    Ok((organisation, standing))
}

/// A name: one visible line (validate::single_line), then like any text.
fn valid_name(raw: &str) -> Result<String, FieldError> {
    valid_text(
        "name",
        &crate::validate::single_line("name", raw)?,
        MAX_NAME_CHARS,
        true,
    )
}

fn valid_text(field: &str, raw: &str, max: usize, required: bool) -> Result<String, FieldError> {
    let text = raw.trim();
    if required && text.is_empty() {
        return Err(FieldError::new(field, ErrorCode::Required, "Fill this in."));
    }
    if text.chars().count() > max {
        return Err(FieldError::new(
            field,
            ErrorCode::TooLong,
            format!("Use at most {max} characters."),
        ));
    }
    Ok(text.to_string())
}

fn valid_website(raw: Option<&str>) -> Result<Option<String>, FieldError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(site) => match url::Url::parse(site) {
            Ok(url)
                if matches!(url.scheme(), "http" | "https")
                    && url.host().is_some()
                    && site.len() <= 200 =>
            {
                Ok(Some(site.to_string()))
            }
            _ => Err(FieldError::new(
                "website",
                ErrorCode::Invalid,
                "Use a web address such as https://example.nl.",
            )),
        },
    }
}

fn valid_districts(conn: &mut DbConn, ids: &[DistrictId]) -> Result<Vec<DistrictId>, AppError> {
    if ids.is_empty() || ids.len() > MAX_DISTRICTS {
        return Err(AppError::field(
            "district_ids",
            ErrorCode::Invalid,
            "Choose at least one district.",
        ));
    }
    let mut unique: Vec<DistrictId> = Vec::new();
    for id in ids {
        districts::service::active_district(conn, id, "district_ids")?;
        if !unique.contains(id) {
            unique.push(id.clone());
        }
    }
    Ok(unique)
}

/// Registers an organisation; the creator becomes its owner. Status starts `pending`.
/// `status` lets the seeders create verified organisations directly.
pub fn create_in(
    conn: &mut DbConn,
    now: NaiveDateTime,
    creator: &UserId,
    request: &CreateOrganisationRequest,
    status: OrganisationStatus,
) -> Result<OrganisationId, AppError> {
    let mut errors = FieldErrors::new();
    let name = errors.check(valid_name(&request.name));
    let description = errors.check(valid_text(
        "description",
        request.description.as_deref().unwrap_or(""),
        MAX_DESCRIPTION_CHARS,
        false,
    ));
    let email = errors.check(crate::validate::email(
        "contact_email",
        &request.contact_email,
    ));
    let phone = errors.check(crate::validate::phone(
        "contact_phone",
        request.contact_phone.as_deref(),
    ));
    let website = errors.check(valid_website(request.website.as_deref()));
    errors.finish()?;
    let (name, description, email, phone, website) = (
        name.unwrap_or_default(),
        description.unwrap_or_default(),
        email.unwrap_or_default(),
        phone.unwrap_or_default(),
        website.unwrap_or_default(),
    );
    let district_ids = valid_districts(conn, &request.district_ids)?;
    let id = OrganisationId::new();
    repo::insert(
        conn,
        &NewOrganisation {
            id: &id,
            name: &name,
            kind: request.kind,
            description: &description,
            contact_email: &email,
            contact_phone: phone.as_deref(),
            website: website.as_deref(),
            status,
            created_by: creator,
            created_at: now,
            updated_at: now,
        },
    )?;
    repo::replace_districts(conn, &id, &district_ids)?;
    repo::insert_member(
        conn,
        &NewMember {
            organisation_id: &id,
            user_id: creator,
            role: MemberRole::Owner,
            added_at: now,
        },
    )?;
    Ok(id)
}

pub async fn create(
    state: &AppState,
    user: AuthUser,
    request: CreateOrganisationRequest,
) -> Result<OrganisationResponse, AppError> {
    user.require_verified()?;
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let id = create_in(
                conn,
                clock.now_naive(),
                &user.id,
                &request,
                OrganisationStatus::Pending,
            )?;
            detail(conn, &id, Some(&user))
        })
        .await
}

fn detail(
    conn: &mut DbConn,
    id: &OrganisationId,
    viewer: Option<&AuthUser>,
) -> Result<OrganisationResponse, AppError> {
    let (organisation, standing) = visible(conn, id, viewer)?;
    let district_ids = repo::district_ids(conn, id)?;
    Ok(OrganisationResponse::new(
        organisation,
        district_ids,
        standing != Standing::Outsider,
    ))
}

pub async fn get(
    state: &AppState,
    viewer: Option<AuthUser>,
    id: OrganisationId,
) -> Result<OrganisationResponse, AppError> {
    state
        .db
        .run(move |conn| detail(conn, &id, viewer.as_ref()))
        .await
}

/// Verified organisations for everyone; admins may list pending or rejected ones.
pub async fn list(
    state: &AppState,
    viewer: Option<AuthUser>,
    query: OrganisationQuery,
) -> Result<OrganisationList, AppError> {
    let status = query.status.unwrap_or(OrganisationStatus::Verified);
    let is_admin = viewer.as_ref().is_some_and(|v| v.has_role(Role::Admin));
    if status != OrganisationStatus::Verified && !is_admin {
        // Only admins list pending and rejected organisations: say "sign in" to whoever has not.
        return Err(match viewer {
            None => AppError::unauthenticated(),
            Some(_) => AppError::role_required(),
        });
    }
    let page = Page::from_parts(query.limit, query.cursor.as_deref())?;
    state
        .db
        .run(move |conn| {
            let rows = repo::list(conn, status, page.after.as_deref(), page.fetch())?;
            let (rows, next_cursor) = page.finish(rows, |o| o.id.as_str());
            let mut items = Vec::with_capacity(rows.len());
            for organisation in rows {
                let district_ids = repo::district_ids(conn, &organisation.id)?;
                items.push(OrganisationResponse::new(
                    organisation,
                    district_ids,
                    is_admin,
                ));
            }
            Ok(OrganisationList { items, next_cursor })
        })
        .await
}

/// Owners edit their organisation's details and districts.
pub async fn update(
    state: &AppState,
    user: AuthUser,
    id: OrganisationId,
    request: UpdateOrganisationRequest,
) -> Result<OrganisationResponse, AppError> {
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let (_, standing) = require_member(conn, &id, &user)?;
            if standing != Standing::Owner {
                return Err(AppError::owner_required());
            }
            let mut errors = FieldErrors::new();
            let name = errors.check(request.name.as_deref().map(valid_name).transpose());
            let description = errors.check(
                request
                    .description
                    .as_deref()
                    .map(|d| valid_text("description", d, MAX_DESCRIPTION_CHARS, false))
                    .transpose(),
            );
            let email = errors.check(
                request
                    .contact_email
                    .as_deref()
                    .map(|e| crate::validate::email("contact_email", e))
                    .transpose(),
            );
            let phone = errors.check(
                request
                    .contact_phone
                    .as_ref()
                    .map(|p| crate::validate::phone("contact_phone", p.as_deref()))
                    .transpose(),
            );
            let website = errors.check(
                request
                    .website
                    .as_ref()
                    .map(|w| valid_website(w.as_deref()))
                    .transpose(),
            );
            errors.finish()?;
            let (name, description, email, phone, website) = (
                name.unwrap_or_default(),
                description.unwrap_or_default(),
                email.unwrap_or_default(),
                phone.unwrap_or_default(),
                website.unwrap_or_default(),
            );
            if let Some(district_ids) = &request.district_ids {
                let district_ids = valid_districts(conn, district_ids)?;
                repo::replace_districts(conn, &id, &district_ids)?;
            }
            repo::update(
                conn,
                &id,
                &OrganisationChanges {
                    name: name.as_deref(),
                    description: description.as_deref(),
                    contact_email: email.as_deref(),
                    contact_phone: phone.as_ref().map(|p| p.as_deref()),
                    website: website.as_ref().map(|w| w.as_deref()),
                    updated_at: clock.now_naive(),
                },
            )?;
            detail(conn, &id, Some(&user))
        })
        .await
}

/// An admin verifies or rejects a pending organisation; the owners hear about it by email.
pub async fn decide(
    state: &AppState,
    admin: AuthUser,
    id: OrganisationId,
    verdict: OrganisationStatus,
    reason: Option<String>,
) -> Result<OrganisationResponse, AppError> {
    let reason = match (verdict, reason) {
        (OrganisationStatus::Rejected, Some(reason)) => {
            Some(valid_text("reason", &reason, 1000, true)?)
        }
        (OrganisationStatus::Rejected, None) => {
            return Err(AppError::field("reason", ErrorCode::Required, "Say why."));
        }
        _ => None,
    };
    let clock = state.clock.clone();
    let public_url = state
        .settings
        .app
        .public_url
        .trim_end_matches('/')
        .to_string();
    let response = state
        .write(move |conn| {
            let organisation = repo::find(conn, &id)?.ok_or(AppError::NotFound)?;
            if organisation.status == verdict {
                return detail(conn, &id, Some(&admin));
            }
            let now = clock.now_naive();
            repo::set_status(conn, &id, verdict, reason.as_deref(), now)?;
            if verdict == OrganisationStatus::Rejected {
                // A rejected organisation's offers leave the public list and take no sign-ups.
                crate::features::offers::service::close_all_of(conn, &id, now)?;
            }
            let link = format!("{public_url}/organisation/{id}");
            for (email, name, locale) in repo::owner_emails(conn, &id)? {
                let message = match verdict {
                    OrganisationStatus::Verified => Email::OrganisationVerified {
                        name: &name,
                        organisation: &organisation.name,
                        link: &link,
                    },
                    _ => Email::OrganisationRejected {
                        name: &name,
                        organisation: &organisation.name,
                        reason: reason.as_deref().unwrap_or_default(),
                    },
                }
                .render(Locale::from_db(&locale));
                outbox::enqueue(conn, now, &email, &message)?;
            }
            detail(conn, &id, Some(&admin))
        })
        .await?;
    Ok(response)
}

pub async fn members(
    state: &AppState,
    user: AuthUser,
    id: OrganisationId,
) -> Result<MemberList, AppError> {
    state
        .db
        .run(move |conn| {
            require_member(conn, &id, &user)?;
            let items = repo::members(conn, &id)?
                .into_iter()
                .map(MemberResponse::from)
                .collect();
            Ok(MemberList { items })
        })
        .await
}

/// Owners add an existing account as member (or owner) by its email address.
pub async fn add_member(
    state: &AppState,
    user: AuthUser,
    id: OrganisationId,
    request: AddMemberRequest,
) -> Result<MemberList, AppError> {
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let (_, standing) = require_member(conn, &id, &user)?;
            if standing != Standing::Owner {
                return Err(AppError::owner_required());
            }
            let new_member = accounts::service::existing_account(conn, "email", &request.email)?;
            if repo::role_of(conn, &id, &new_member)?.is_some() {
                return Err(AppError::already_member());
            }
            repo::insert_member(
                conn,
                &NewMember {
                    organisation_id: &id,
                    user_id: &new_member,
                    role: request.role.unwrap_or(MemberRole::Member),
                    added_at: clock.now_naive(),
                },
            )?;
            let items = repo::members(conn, &id)?
                .into_iter()
                .map(MemberResponse::from)
                .collect();
            Ok(MemberList { items })
        })
        .await
}

/// Owners remove members; anyone may leave. The last owner cannot go.
pub async fn remove_member(
    state: &AppState,
    user: AuthUser,
    id: OrganisationId,
    member: UserId,
) -> Result<(), AppError> {
    state
        .write(move |conn| {
            let (_, standing) = require_member(conn, &id, &user)?;
            if standing != Standing::Owner && member != user.id {
                return Err(AppError::owner_required());
            }
            let Some(role) = repo::role_of(conn, &id, &member)? else {
                return Err(AppError::NotFound);
            };
            if role == MemberRole::Owner && repo::owner_count(conn, &id)? <= 1 {
                return Err(AppError::last_owner());
            }
            repo::delete_member(conn, &id, &member)?;
            Ok(())
        })
        .await
}

/// The organisations a user belongs to (for `/me`).
pub fn memberships_of(conn: &mut DbConn, user_id: &UserId) -> Result<Vec<Membership>, AppError> {
    Ok(repo::memberships(conn, user_id)?
        .into_iter()
        .map(|(id, name, role, status)| Membership {
            id,
            name,
            role,
            status,
        })
        .collect())
}

/// The districts an organisation serves (for other features).
pub fn district_ids(conn: &mut DbConn, id: &OrganisationId) -> Result<Vec<DistrictId>, AppError> {
    Ok(repo::district_ids(conn, id)?)
}

/// The organisation's name (empty when it is gone), for emails and conversation headers.
pub fn name_of(conn: &mut DbConn, id: &OrganisationId) -> Result<String, AppError> {
    Ok(repo::find(conn, id)?.map(|o| o.name).unwrap_or_default())
}

/// Every member's user id, email address, display name and locale: whom to tell about a message.
pub fn member_contacts(
    conn: &mut DbConn,
    id: &OrganisationId,
) -> Result<Vec<(UserId, String, String, String)>, AppError> {
    Ok(repo::member_contacts(conn, id)?)
}

pub fn find(conn: &mut DbConn, id: &OrganisationId) -> Result<Option<Organisation>, AppError> {
    Ok(repo::find(conn, id)?)
}

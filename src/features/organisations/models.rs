//! Rows of the organisation tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::{DistrictId, OrganisationId, UserId};
use crate::db::schema::{organisation_districts, organisation_members, organisations};
use crate::text_enum;

text_enum!(
    OrganisationKind {
        Association => "association",
        SportsClub => "sports_club",
        UrbanFarm => "urban_farm",
        Welfare => "welfare",
        CareProvider => "care_provider",
        School => "school",
        Municipality => "municipality",
        Other => "other",
    }
);

text_enum!(
    /// An organisation starts pending; an admin verifies or rejects it. Only verified ones publish.
    OrganisationStatus {
        Pending => "pending",
        Verified => "verified",
        Rejected => "rejected",
    }
);

text_enum!(
    /// Owners manage members; every member manages offers and sign-ups.
    MemberRole {
        Owner => "owner",
        Member => "member",
    }
);

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = organisations)]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub kind: OrganisationKind,
    pub description: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub website: Option<String>,
    pub status: OrganisationStatus,
    pub rejection_reason: Option<String>,
    pub created_by: UserId,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Organisation {
    /// Whom a resident calls or mails with a question: the public phone, else the public email.
    pub fn public_contact(&self) -> String {
        self.contact_phone
            .clone()
            .unwrap_or_else(|| self.contact_email.clone())
    }
}

#[derive(Insertable)]
#[diesel(table_name = organisations)]
pub struct NewOrganisation<'a> {
    pub id: &'a OrganisationId,
    pub name: &'a str,
    pub kind: OrganisationKind,
    pub description: &'a str,
    pub contact_email: &'a str,
    pub contact_phone: Option<&'a str>,
    pub website: Option<&'a str>,
    pub status: OrganisationStatus,
    pub created_by: &'a UserId,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(AsChangeset)]
#[diesel(table_name = organisations)]
pub struct OrganisationChanges<'a> {
    pub name: Option<&'a str>,
    pub description: Option<&'a str>,
    pub contact_email: Option<&'a str>,
    pub contact_phone: Option<Option<&'a str>>,
    pub website: Option<Option<&'a str>>,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = organisation_districts)]
pub struct NewOrganisationDistrict<'a> {
    pub organisation_id: &'a OrganisationId,
    pub district_id: &'a DistrictId,
}

#[derive(Insertable)]
#[diesel(table_name = organisation_members)]
pub struct NewMember<'a> {
    pub organisation_id: &'a OrganisationId,
    pub user_id: &'a UserId,
    pub role: MemberRole,
    pub added_at: NaiveDateTime,
}

/// A member as listed to the organisation: who, and their role.
#[derive(Debug, Clone, Queryable)]
pub struct MemberRow {
    pub user_id: UserId,
    pub display_name: String,
    pub email: String,
    pub role: MemberRole,
    pub added_at: NaiveDateTime,
}

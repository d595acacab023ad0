//! Rows of the districts table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::DistrictId;
use crate::db::schema::districts;
use crate::text_enum;

text_enum!(
    /// Level in the tree: a municipality (gemeente) holds areas (gebieden) and districts (wijken, dorpen).
    DistrictKind {
        Municipality => "municipality",
        Area => "area",
        District => "district",
    }
);

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = districts)]
pub struct District {
    pub id: DistrictId,
    pub parent_id: Option<DistrictId>,
    pub kind: DistrictKind,
    pub name: String,
    pub code: Option<String>,
    pub retired: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = districts)]
pub struct NewDistrict<'a> {
    pub id: &'a DistrictId,
    pub parent_id: Option<&'a DistrictId>,
    pub kind: DistrictKind,
    pub name: &'a str,
    pub code: Option<&'a str>,
    pub retired: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

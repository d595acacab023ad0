//! Rows of the tags table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::TagId;
use crate::db::schema::tags;
use crate::text_enum;

text_enum!(
    /// What a tag describes.
    TagKind {
        Skill => "skill",
        Interest => "interest",
        Goal => "goal",
        /// Accessibility: a feature of an offer, or a need of a person.
        Access => "access",
        Language => "language",
    }
);

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = tags)]
pub struct Tag {
    pub id: TagId,
    pub kind: TagKind,
    pub key: String,
    pub label_nl: String,
    pub label_en: String,
    pub retired: bool,
    pub created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = tags)]
pub struct NewTag<'a> {
    pub id: TagId,
    pub kind: TagKind,
    pub key: &'a str,
    pub label_nl: &'a str,
    pub label_en: &'a str,
    pub retired: bool,
    pub created_at: NaiveDateTime,
}

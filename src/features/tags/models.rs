//! Rows of the tags table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::TagId;
use crate::db::schema::tags;
use crate::matching::Tags;
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

impl TagKind {
    /// This kind's list among the five.
    pub fn of<S>(self, tags: &Tags<S>) -> &S {
        match self {
            Self::Skill => &tags.skills,
            Self::Interest => &tags.interests,
            Self::Goal => &tags.goals,
            Self::Access => &tags.access,
            Self::Language => &tags.languages,
        }
    }

    pub fn of_mut<S>(self, tags: &mut Tags<S>) -> &mut S {
        match self {
            Self::Skill => &mut tags.skills,
            Self::Interest => &mut tags.interests,
            Self::Goal => &mut tags.goals,
            Self::Access => &mut tags.access,
            Self::Language => &mut tags.languages,
        }
    }

    /// The field an offer sends this kind's list in (a profile sends access needs as
    /// `access_needs`).
    pub fn list_field(self) -> &'static str {
        match self {
            Self::Skill => "skills",
            Self::Interest => "interests",
            Self::Goal => "goals",
            Self::Access => "access",
            Self::Language => "languages",
        }
    }
}

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

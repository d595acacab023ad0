//! Wire types of the tag endpoints.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::models::{Tag, TagKind};
use crate::db::ids::TagId;

#[derive(Debug, Serialize, ToSchema)]
pub struct TagResponse {
    pub id: TagId,
    pub kind: TagKind,
    /// Stable key used in profiles and offers, e.g. `gardening`.
    #[schema(example = "gardening")]
    pub key: String,
    #[schema(example = "Tuinieren")]
    pub label_nl: String,
    #[schema(example = "Gardening")]
    pub label_en: String,
    pub retired: bool,
}

impl From<&Tag> for TagResponse {
    fn from(tag: &Tag) -> Self {
        Self {
            id: tag.id.clone(),
            kind: tag.kind,
            key: tag.key.clone(),
            label_nl: tag.label_nl.clone(),
            label_en: tag.label_en.clone(),
            retired: tag.retired,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TagList {
    pub items: Vec<TagResponse>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TagQuery {
    pub kind: Option<TagKind>,
    /// Include retired tags (default false).
    pub include_retired: Option<bool>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTagRequest {
    pub kind: TagKind,
    /// Lower-case letters, digits and underscores.
    pub key: String,
    pub label_nl: String,
    pub label_en: String,
}

//! Wire types of the district endpoints.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::models::{District, DistrictKind};
use crate::db::ids::DistrictId;

#[derive(Debug, Serialize, ToSchema)]
pub struct DistrictResponse {
    pub id: DistrictId,
    pub parent_id: Option<DistrictId>,
    pub kind: DistrictKind,
    #[schema(example = "Emmerhout")]
    pub name: String,
    /// e.g. a CBS code such as WK011402
    pub code: Option<String>,
    /// A retired district keeps its history but takes no new offers.
    pub retired: bool,
}

impl From<&District> for DistrictResponse {
    fn from(district: &District) -> Self {
        Self {
            id: district.id.clone(),
            parent_id: district.parent_id.clone(),
            kind: district.kind,
            name: district.name.clone(),
            code: district.code.clone(),
            retired: district.retired,
        }
    }
}

/// A district with the districts below it.
#[derive(Debug, Serialize, ToSchema)]
pub struct DistrictNode {
    #[serde(flatten)]
    pub district: DistrictResponse,
    #[schema(no_recursion)]
    pub children: Vec<DistrictNode>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DistrictTree {
    /// The municipalities, each with its areas and districts.
    pub items: Vec<DistrictNode>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DistrictTreeQuery {
    /// Include retired districts (default false).
    pub include_retired: Option<bool>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateDistrictRequest {
    pub name: String,
    pub kind: DistrictKind,
    /// Required for areas and districts: the municipality or area above it.
    pub parent_id: Option<DistrictId>,
    pub code: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateDistrictRequest {
    pub name: Option<String>,
    /// Send null to clear the code.
    #[serde(default, deserialize_with = "crate::http::json::double_option")]
    #[schema(value_type = Option<String>)]
    pub code: Option<Option<String>>,
}

//! Wire types of recommendations.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::features::offers::dto::OfferResponse;
use crate::matching::{Exclusion, Reason};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RecommendationItem {
    pub offer: OfferResponse,
    /// 0 to 1; higher fits better.
    pub score: f64,
    /// Why, as stable codes with parameters (e.g. `{code: "skill_match", tag: "gardening"}`).
    pub reasons: Vec<Reason>,
    /// A worker has proposed this offer to the resident and the resident has not answered yet.
    pub proposed: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RecommendationList {
    /// Best first; full offers (waitlist) last.
    pub items: Vec<RecommendationItem>,
    /// False when the resident has not filled in a profile: the list is then a general one.
    pub profile_completed: bool,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct RecommendationQuery {
    /// 1 to 100, default 20.
    pub limit: Option<usize>,
}

/// How many offers within the resident's travel range one hard constraint keeps out.
#[derive(Debug, Serialize, ToSchema)]
pub struct LeftOut {
    pub obstacle: Exclusion,
    pub count: usize,
}

/// Why offers within reach are not among the resident's recommendations, most offers first, so
/// that a need (a wheelchair, a language) never hides offers without saying so.
#[derive(Debug, Serialize, ToSchema)]
pub struct LeftOutList {
    pub items: Vec<LeftOut>,
}

//! Wire types of the monitor.

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::catalogue::IndicatorResponse;
use crate::db::ids::DistrictId;
use crate::features::districts::models::DistrictKind;
use crate::text_enum;

#[derive(Debug, Deserialize)]
pub struct LangQuery {
    pub lang: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct IndicatorList {
    pub items: Vec<IndicatorResponse>,
}

/// The question: which indicator, where and when. Each is checked and a wrong one named (422).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MonitorQuery {
    /// A key from `GET /api/v1/monitor/indicators`.
    pub indicator: Option<String>,
    /// A municipality, area or district: the answer has a line for each area or district in it
    /// and its total.
    pub area: Option<String>,
    /// A month (`2026-10`), a quarter (`2026-Q4`) or whole months (`2026-01..2026-06`), at most
    /// 24 months, not in the future.
    pub period: Option<String>,
    /// `csv` for the same answer as a CSV file.
    pub format: Option<String>,
    /// `en` for English names and definitions; Dutch otherwise.
    pub lang: Option<String>,
}

text_enum!(
    /// Why a figure is not shown.
    SuppressionReason {
        /// From fewer residents than the threshold: "< 5".
        Small => "small",
        /// Hidden so that a small figure cannot be worked out from the totals.
        Protects => "protects",
    }
);

/// One figure as shown: a suppressed one has no value.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Figure {
    pub value: Option<f64>,
    pub suppressed: bool,
    pub reason: Option<SuppressionReason>,
}

/// An area's or district's figure in the period and the one before.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MonitorLine {
    pub district_id: DistrictId,
    pub name: String,
    pub kind: DistrictKind,
    #[serde(flatten)]
    pub current: Figure,
    pub previous: Figure,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MonitorResponse {
    pub indicator: IndicatorResponse,
    pub period: String,
    pub previous_period: String,
    /// Figures from fewer residents than this are suppressed.
    pub min_count: i64,
    pub items: Vec<MonitorLine>,
    pub total: MonitorLine,
}

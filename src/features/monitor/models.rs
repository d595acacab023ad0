//! Rows of the monitor's tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::DistrictId;
use crate::db::schema::{monitor_cells, monitor_periods};

/// One indicator's figure for one lowest-level district and period.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = monitor_cells)]
pub struct MonitorCell {
    pub indicator: String,
    /// `2026-10` or `2026-Q4`.
    pub period: String,
    pub district_id: DistrictId,
    pub value: i64,
    /// Distinct residents behind the value.
    pub residents: i64,
}

/// Whether a period has figures, and since when a write made them stale.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = monitor_periods)]
pub struct MonitorPeriod {
    pub period: String,
    pub computed_at: NaiveDateTime,
    pub stale_since: Option<NaiveDateTime>,
}

//! Wire types of the calendar endpoints.

use serde::Serialize;
use utoipa::ToSchema;

/// The resident's personal calendar feed. Whoever has the URL can read it: share it only with a
/// calendar app; rotate it to stop the old one.
#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarFeedResponse {
    #[schema(example = "https://meedoen.emmen.nl/api/v1/calendar/Jx3u…Q.ics")]
    pub url: String,
}

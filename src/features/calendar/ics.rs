//! Occurrences as an iCalendar file (RFC 5545), with the icalendar crate. Each occurrence is one
//! event whose UID is the occurrence id, so a calendar app that reads the file or feed again
//! updates the same events; a cancelled occurrence is sent as cancelled.

use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

/// One event of a calendar file.
pub struct IcsEvent<'a> {
    pub occurrence_id: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub title: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    pub url: &'a str,
    pub cancelled: bool,
    /// Not (yet) a confirmed place: pending, waitlisted.
    pub tentative: bool,
}

/// The file's text. `stamp` is when it was made (DTSTAMP).
pub fn render(name: &str, events: &[IcsEvent], stamp: DateTime<Utc>, host: &str) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
    for event in events {
        let status = if event.cancelled {
            EventStatus::Cancelled
        } else if event.tentative {
            EventStatus::Tentative
        } else {
            EventStatus::Confirmed
        };
        let mut ics_event = Event::new();
        ics_event
            .uid(&format!("{}@{host}", event.occurrence_id))
            .timestamp(stamp)
            .starts(event.starts_at)
            .ends(event.ends_at)
            .summary(event.title)
            .description(event.description)
            .url(event.url)
            .status(status)
            // A cancellation is a change calendar apps must take over the event they have.
            .sequence(u32::from(event.cancelled));
        if !event.location.is_empty() {
            ics_event.location(event.location);
        }
        calendar.push(ics_event.done());
    }
    calendar.done().to_string()
}

//! Wire types of the site settings.

use serde::Serialize;
use utoipa::ToSchema;

use crate::config::{MapSettings, MunicipalitySettings};

#[derive(Debug, Serialize, ToSchema)]
pub struct SiteResponse {
    pub municipality: MunicipalityResponse,
    pub map: MapResponse,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MunicipalityResponse {
    #[schema(example = "Gemeente Emmen")]
    pub name: String,
    /// The web app's token set: `meedoen`, `emmen` or `den-helder`.
    #[schema(example = "emmen")]
    pub theme: String,
    pub logo_url: Option<String>,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub website: Option<String>,
    /// The configured privacy statement; null: the web app shows its default text.
    pub privacy_statement: Option<String>,
    /// The configured accessibility statement; null: the web app's default text.
    pub accessibility_statement: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MapResponse {
    /// An XYZ tile URL; null when the map's tiles are switched off.
    pub tile_url: Option<String>,
    pub attribution: String,
}

fn filled(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|text| !text.is_empty())
}

impl SiteResponse {
    pub fn new(municipality: &MunicipalitySettings, map: &MapSettings) -> Self {
        Self {
            municipality: MunicipalityResponse {
                name: municipality.name.clone(),
                theme: municipality.theme.clone(),
                logo_url: municipality.logo.as_deref().and_then(filled),
                contact_email: municipality.contact_email.as_deref().and_then(filled),
                contact_phone: municipality.contact_phone.as_deref().and_then(filled),
                website: municipality.website.as_deref().and_then(filled),
                privacy_statement: filled(&municipality.privacy_statement),
                accessibility_statement: filled(&municipality.accessibility_statement),
            },
            map: MapResponse {
                tile_url: filled(&map.tile_url),
                attribution: map.attribution.clone(),
            },
        }
    }
}

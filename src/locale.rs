//! The languages Meedoen speaks: Dutch by default, English on request.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Nl,
    En,
}

impl Locale {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Nl => "nl",
            Self::En => "en",
        }
    }

    /// Reads a stored value; anything unknown falls back to Dutch.
    pub fn from_db(value: &str) -> Self {
        match value {
            "en" => Self::En,
            _ => Self::Nl,
        }
    }
}

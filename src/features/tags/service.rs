//! Tag rules: the taxonomy, its starting set, and resolving keys sent by clients.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;

use super::dto::CreateTagRequest;
use super::models::{NewTag, Tag, TagKind};
use super::repo;
use super::starter::STARTER_TAGS;
use crate::db::DbConn;
use crate::db::ids::TagId;
use crate::db::tx::Tx;
use crate::error::{AppError, ErrorCode, FieldError, FieldErrors};
use crate::state::AppState;

pub async fn list(
    state: &AppState,
    kind: Option<TagKind>,
    include_retired: bool,
) -> Result<Vec<Tag>, AppError> {
    state
        .db
        .run(move |conn| Ok(repo::list(conn, kind, include_retired)?))
        .await
}

fn valid_key(key: &str) -> bool {
    (2..=40).contains(&key.len())
        && key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && key.starts_with(|c: char| c.is_ascii_lowercase())
}

fn valid_label(field: &str, label: &str) -> Result<String, FieldError> {
    let label = crate::validate::single_line(field, label)?;
    let chars = label.chars().count();
    if chars == 0 || chars > 60 {
        return Err(FieldError::new(
            field,
            ErrorCode::Invalid,
            "Use 1 to 60 characters.",
        ));
    }
    Ok(label)
}

pub async fn create(state: &AppState, request: CreateTagRequest) -> Result<Tag, AppError> {
    let mut errors = FieldErrors::new();
    if !valid_key(&request.key) {
        errors.add(
            "key",
            ErrorCode::Invalid,
            "Use 2 to 40 lower-case letters, digits and underscores, starting with a letter.",
        );
    }
    let label_nl = errors.check(valid_label("label_nl", &request.label_nl));
    let label_en = errors.check(valid_label("label_en", &request.label_en));
    errors.finish()?;
    let (Some(label_nl), Some(label_en)) = (label_nl, label_en) else {
        return Err(AppError::internal("checked labels without values"));
    };
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            if repo::exists(conn, request.kind, &request.key)? {
                return Err(AppError::tag_exists());
            }
            let id = TagId::new();
            repo::insert(
                conn,
                &NewTag {
                    id: id.clone(),
                    kind: request.kind,
                    key: &request.key,
                    label_nl: &label_nl,
                    label_en: &label_en,
                    retired: false,
                    created_at: clock.now_naive(),
                },
            )?;
            repo::find(conn, &id)?.ok_or(AppError::NotFound)
        })
        .await
}

/// Retired tags stay on the offers and profiles that have them but can no longer be chosen.
pub async fn retire(state: &AppState, id: TagId) -> Result<Tag, AppError> {
    state
        .write(move |conn| {
            if repo::retire(conn, &id)? == 0 {
                return Err(AppError::NotFound);
            }
            repo::find(conn, &id)?.ok_or(AppError::NotFound)
        })
        .await
}

/// Adds the starting taxonomy's tags that are missing (never revives a retired one).
pub fn ensure_starter_set(conn: &mut Tx, now: NaiveDateTime) -> Result<usize, AppError> {
    let mut added = 0;
    for (kind, key, label_nl, label_en) in STARTER_TAGS {
        let kind = TagKind::parse(kind)
            .ok_or_else(|| AppError::internal(format!("bad starter tag kind {kind}")))?;
        if !repo::exists(conn, kind, key)? {
            repo::insert(
                conn,
                &NewTag {
                    id: TagId::new(),
                    kind,
                    key,
                    label_nl,
                    label_en,
                    retired: false,
                    created_at: now,
                },
            )?;
            added += 1;
        }
    }
    Ok(added)
}

/// Turns the keys a client sent for one kind into tags, naming `field` when a key is unknown or
/// retired. Keys in `kept` (already on the object being changed) stay allowed when retired.
/// Duplicates are dropped; order follows the keys.
pub fn resolve(
    conn: &mut DbConn,
    kind: TagKind,
    field: &str,
    keys: &[String],
    kept: &[String],
) -> Result<Vec<Tag>, AppError> {
    let mut unique: Vec<String> = Vec::new();
    for key in keys {
        if !unique.contains(key) {
            unique.push(key.clone());
        }
    }
    if unique.len() > 30 {
        return Err(AppError::field(
            field,
            ErrorCode::TooMany,
            "Choose at most 30.",
        ));
    }
    let found: BTreeMap<String, Tag> = repo::find_by_keys(conn, kind, &unique)?
        .into_iter()
        .filter(|tag| !tag.retired || kept.contains(&tag.key))
        .map(|tag| (tag.key.clone(), tag))
        .collect();
    let unknown: Vec<&str> = unique
        .iter()
        .filter(|k| !found.contains_key(*k))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        return Err(AppError::field(
            field,
            ErrorCode::UnknownTag,
            format!("Unknown {} tag(s): {}.", kind.as_str(), unknown.join(", ")),
        ));
    }
    Ok(unique
        .iter()
        .filter_map(|key| found.get(key).cloned())
        .collect())
}

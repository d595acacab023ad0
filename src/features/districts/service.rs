//! District rules: the shape of the tree, retiring, and subtrees for filters.

use std::collections::HashMap;

use super::dto::{CreateDistrictRequest, DistrictNode, DistrictResponse, UpdateDistrictRequest};
use super::models::{District, DistrictKind, NewDistrict};
use super::repo;
use crate::db::DbConn;
use crate::db::ids::DistrictId;
use crate::db::tx::Tx;
use crate::error::{AppError, ErrorCode, FieldError};
use crate::state::AppState;

const MAX_NAME_CHARS: usize = 100;

/// Builds the tree from a flat list; children sorted by name.
pub fn build_tree(districts: &[District], include_retired: bool) -> Vec<DistrictNode> {
    let mut children: HashMap<Option<&DistrictId>, Vec<&District>> = HashMap::new();
    for district in districts.iter().filter(|d| include_retired || !d.retired) {
        children
            .entry(district.parent_id.as_ref())
            .or_default()
            .push(district);
    }
    fn nodes(
        parent: Option<&DistrictId>,
        children: &HashMap<Option<&DistrictId>, Vec<&District>>,
    ) -> Vec<DistrictNode> {
        children
            .get(&parent)
            .map(|list| {
                list.iter()
                    .map(|district| DistrictNode {
                        district: DistrictResponse::from(*district),
                        children: nodes(Some(&district.id), children),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    nodes(None, &children)
}

/// The district and every district below it.
pub fn subtree_ids(districts: &[District], root: &DistrictId) -> Vec<DistrictId> {
    let mut result = vec![root.clone()];
    let mut index = 0;
    while index < result.len() {
        let parent = result[index].clone();
        result.extend(
            districts
                .iter()
                .filter(|d| d.parent_id.as_ref() == Some(&parent))
                .map(|d| d.id.clone()),
        );
        index += 1;
    }
    result
}

pub async fn tree(state: &AppState, include_retired: bool) -> Result<Vec<DistrictNode>, AppError> {
    let districts = state.db.run(|conn| Ok(repo::all(conn)?)).await?;
    Ok(build_tree(&districts, include_retired))
}

fn valid_name(raw: &str) -> Result<String, FieldError> {
    let name = crate::validate::single_line("name", raw)?;
    if name.is_empty() || name.chars().count() > MAX_NAME_CHARS {
        return Err(FieldError::new(
            "name",
            ErrorCode::Invalid,
            format!("Use 1 to {MAX_NAME_CHARS} characters."),
        ));
    }
    Ok(name)
}

fn valid_code(raw: Option<&str>) -> Result<Option<String>, FieldError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(code) if code.len() <= 20 && code.chars().all(|c| c.is_ascii_alphanumeric()) => {
            Ok(Some(code.to_string()))
        }
        Some(_) => Err(FieldError::new(
            "code",
            ErrorCode::Invalid,
            "Use up to 20 letters and digits, such as WK011402.",
        )),
    }
}

/// Which parent kinds each kind may hang under.
fn parent_allowed(kind: DistrictKind, parent: Option<DistrictKind>) -> bool {
    matches!(
        (kind, parent),
        (DistrictKind::Municipality, None)
            | (DistrictKind::Area, Some(DistrictKind::Municipality))
            | (
                DistrictKind::District,
                Some(DistrictKind::Municipality | DistrictKind::Area)
            )
    )
}

/// Creates a district, checking it fits the tree. Used by the API and the seeders.
pub fn create_in(
    conn: &mut Tx,
    now: chrono::NaiveDateTime,
    request: &CreateDistrictRequest,
) -> Result<District, AppError> {
    let name = valid_name(&request.name);
    let code = valid_code(request.code.as_deref());
    let (name, code) = match (name, code) {
        (Ok(name), Ok(code)) => (name, code),
        (name, code) => {
            return Err(AppError::Validation(
                [name.err(), code.err()].into_iter().flatten().collect(),
            ));
        }
    };
    let parent = match &request.parent_id {
        Some(parent_id) => Some(repo::find(conn, parent_id)?.ok_or_else(|| {
            AppError::field(
                "parent_id",
                ErrorCode::UnknownReference,
                "There is no such district.",
            )
        })?),
        None => None,
    };
    if !parent_allowed(request.kind, parent.as_ref().map(|p| p.kind)) {
        return Err(AppError::field(
            "parent_id",
            ErrorCode::InvalidParent,
            "A municipality has no parent; an area belongs to a municipality; a district to a municipality or an area.",
        ));
    }
    if parent.as_ref().is_some_and(|p| p.retired) {
        return Err(AppError::field(
            "parent_id",
            ErrorCode::DistrictRetired,
            "The parent is retired.",
        ));
    }
    let id = DistrictId::new();
    repo::insert(
        conn,
        &NewDistrict {
            id: &id,
            parent_id: request.parent_id.as_ref(),
            kind: request.kind,
            name: &name,
            code: code.as_deref(),
            retired: false,
            created_at: now,
            updated_at: now,
        },
    )?;
    repo::find(conn, &id)?.ok_or(AppError::NotFound)
}

pub async fn create(
    state: &AppState,
    request: CreateDistrictRequest,
) -> Result<District, AppError> {
    let clock = state.clock.clone();
    state
        .write(move |conn| create_in(conn, clock.now_naive(), &request))
        .await
}

pub async fn update(
    state: &AppState,
    id: DistrictId,
    request: UpdateDistrictRequest,
) -> Result<District, AppError> {
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let district = repo::find(conn, &id)?.ok_or(AppError::NotFound)?;
            let name = match &request.name {
                Some(name) => valid_name(name)?,
                None => district.name.clone(),
            };
            let code = match &request.code {
                Some(code) => valid_code(code.as_deref())?,
                None => district.code.clone(),
            };
            repo::update(conn, &id, &name, code.as_deref(), clock.now_naive())?;
            repo::find(conn, &id)?.ok_or(AppError::NotFound)
        })
        .await
}

/// Retires a district and everything below it. Offers and sign-ups keep pointing at it.
pub async fn retire(state: &AppState, id: DistrictId) -> Result<District, AppError> {
    let clock = state.clock.clone();
    state
        .write(move |conn| {
            let all = repo::all(conn)?;
            if !all.iter().any(|d| d.id == id) {
                return Err(AppError::NotFound);
            }
            repo::retire(conn, &subtree_ids(&all, &id), clock.now_naive())?;
            repo::find(conn, &id)?.ok_or(AppError::NotFound)
        })
        .await
}

/// The district if it exists and takes new offers.
pub fn active_district(
    conn: &mut DbConn,
    id: &DistrictId,
    field: &str,
) -> Result<District, AppError> {
    match repo::find(conn, id)? {
        None => Err(AppError::field(
            field,
            ErrorCode::UnknownReference,
            "There is no such district.",
        )),
        Some(district) if district.retired => Err(AppError::field(
            field,
            ErrorCode::DistrictRetired,
            "This district is retired.",
        )),
        Some(district) => Ok(district),
    }
}

/// An active district of the lowest level (a wijk or dorp, not an area or municipality): where a
/// resident lives and where an offer takes place, so that distance in matching and counts in the
/// monitor mean the same everywhere.
pub fn active_neighbourhood(
    conn: &mut DbConn,
    id: &DistrictId,
    field: &str,
) -> Result<District, AppError> {
    let district = active_district(conn, id, field)?;
    if district.kind == DistrictKind::District {
        Ok(district)
    } else {
        Err(AppError::field(
            field,
            ErrorCode::NotADistrict,
            "Choose a district or village, not an area.",
        ))
    }
}

/// Every district, retired ones included (for other features).
/// Every district, from the catalog's memory when no district changed since it was read.
pub async fn all_cached(state: &AppState) -> Result<std::sync::Arc<Vec<District>>, AppError> {
    if let Some(all) = state.catalog.districts() {
        return Ok(all);
    }
    let version = state.catalog.version();
    let all = std::sync::Arc::new(state.db.run(all).await?);
    state.catalog.keep_districts(version, all.clone());
    Ok(all)
}

pub fn all(conn: &mut DbConn) -> Result<Vec<District>, AppError> {
    Ok(repo::all(conn)?)
}

pub fn find(conn: &mut DbConn, id: &DistrictId) -> Result<Option<District>, AppError> {
    Ok(repo::find(conn, id)?)
}

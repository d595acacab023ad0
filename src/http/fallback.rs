//! The answer for requests no route took: 405 with `Allow` when the path exists with other
//! methods, 404 otherwise. actix's method macros guard whole resources, so without this a wrong
//! method would look like a missing page.

use std::sync::Arc;

use actix_web::dev::ResourceDef;
use actix_web::http::{Method, StatusCode, header};
use actix_web::{HttpRequest, HttpResponse};

use crate::error::{ErrorCode, problem_response};

/// Every documented path with the methods it accepts, read from the OpenAPI document.
#[derive(Clone, Default)]
pub struct RouteTable(Arc<Vec<(ResourceDef, Vec<Method>)>>);

impl RouteTable {
    pub fn from_openapi(api: &utoipa::openapi::OpenApi) -> Self {
        let routes = api
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let methods = [
                    (Method::GET, item.get.is_some()),
                    (Method::POST, item.post.is_some()),
                    (Method::PUT, item.put.is_some()),
                    (Method::PATCH, item.patch.is_some()),
                    (Method::DELETE, item.delete.is_some()),
                ]
                .into_iter()
                .filter_map(|(method, present)| present.then_some(method))
                .collect();
                (ResourceDef::new(path.as_str()), methods)
            })
            .collect();
        Self(Arc::new(routes))
    }

    fn methods_for(&self, path: &str) -> Option<&[Method]> {
        self.0
            .iter()
            .find(|(def, _)| def.is_match(path))
            .map(|(_, methods)| methods.as_slice())
    }

    pub fn respond(&self, req: &HttpRequest) -> HttpResponse {
        match self.methods_for(req.path()) {
            Some(methods) if !methods.contains(req.method()) => {
                let allow = methods
                    .iter()
                    .map(Method::as_str)
                    .collect::<Vec<_>>()
                    .join(", ");
                let mut response = problem_response(
                    StatusCode::METHOD_NOT_ALLOWED,
                    ErrorCode::MethodNotAllowed,
                    "This method is not allowed here.".into(),
                    None,
                );
                if let Ok(value) = header::HeaderValue::from_str(&allow) {
                    response.headers_mut().insert(header::ALLOW, value);
                }
                response
            }
            _ => problem_response(
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                "There is nothing here.".into(),
                None,
            ),
        }
    }
}

//! The ceiling for the load benchmark: a trivial actix-web JSON handler, same worker count as
//! `meedoen serve`, measured in the same run on the same machine (bench/load.sh).

use actix_web::{App, HttpResponse, HttpServer, get};

#[get("/json")]
async fn json() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({"message": "Hallo, Meedoen"}))
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(18182);
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2);
    HttpServer::new(|| App::new().service(json))
        .workers(workers)
        .bind(("127.0.0.1", port))?
        .run()
        .await
}

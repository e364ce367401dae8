// ruleid: rust-cors-permissive
let app = Router::new().layer(CorsLayer::permissive());
// ruleid: rust-cors-permissive
let cors = Cors::default().allow_any_origin().supports_credentials();
// ok: rust-cors-permissive
let cors = Cors::default().allowed_origin("https://app.example.com");
